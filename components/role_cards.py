"""Cards describing each role, and the published fit method."""

from __future__ import annotations

import streamlit as st

from components.lang import _, current_lang, ngettext
from roles.i18n import clauses, listing
from roles.match import SPREAD
from roles.models import Catalog, Role
from roles.questionnaire_models import Questionnaire
from roles.verdict import CLOSE, EDGE_FIT


def role_heading(role: Role) -> str:
    """The role's name, with the English one in brackets for a Chinese reader (the term they
    meet in English material)."""
    if current_lang() == "en" or not role.name_en or role.name_en == role.name:
        return role.name
    return f"{role.name}（{role.name_en}）"


def render_role_card(role: Role) -> None:
    """One role: what it does, what it is judged by, where people come from, where it sits."""
    with st.container(border=True):
        st.markdown(f"#### {role_heading(role)}")
        st.write(role.summary)
        st.markdown(_("**Judged by:** {work}", work=role.work_product))
        backgrounds = clauses(current_lang(), role.backgrounds)
        st.markdown(_("**Typical backgrounds:** {backgrounds}", backgrounds=backgrounds))
        st.caption(
            _(
                "Region: ML {ml:g} ± {ml_extent:g}, software engineering {swe:g} ± "
                "{swe_extent:g}; communication bar {comm:g}. Placement: {source}.",
                source=role.source,
                **role.ranges(),
            )
        )


def render_role_cards(catalog: Catalog, *, columns: int = 2) -> None:
    """All roles of the catalog in a grid."""
    cols = st.columns(columns)
    for i, role in enumerate(catalog.roles):
        with cols[i % columns]:
            render_role_card(role)


def render_method(catalog: Catalog, q: Questionnaire) -> None:
    """How fit and gaps are computed, so a user can check or challenge a result."""
    st.markdown(
        _(
            "Each role is an ellipse on the map: a centre and an extent along each axis. For a "
            "profile, we measure how far it sits from the centre in units of the ellipse's "
            "extent, and add any shortfall in communication measured in units of {tolerance:g} "
            "points. Communication above a role's bar never counts against you.",
            tolerance=catalog.comm_tolerance,
        )
    )
    # Two lines, so the formula fits a phone without a scrolling box (which a keyboard can't reach).
    st.latex(
        r"\begin{aligned} d^2 = {} & \left(\frac{ml - c_{ml}}{e_{ml}}\right)^2"
        r" + \left(\frac{swe - c_{swe}}{e_{swe}}\right)^2 \\"
        r" & + \left(\frac{\max(0,\ bar - comm)}{" + f"{catalog.comm_tolerance:g}"
        r"}\right)^2 \end{aligned}"
    )
    st.latex(r"\text{fit} = 100 \cdot e^{-d^2 / (2 \cdot " + f"{SPREAD:g}" + r"^2)}")
    st.markdown(
        _(
            "- At a role's centre, meeting its communication bar: **100**. On the edge of the "
            "ellipse: **80**. Two extents away: **41**. Three: **14**.\n"
            "- Roles are ranked by fit; equal fits keep the catalog's order, so results never "
            "change between runs.\n"
            "- **Gaps** toward a target role: follow the straight line from you to the role's "
            "centre and stop where it enters the ellipse. The difference on each axis, where you "
            "are below that point, is the gap; being above it is never reported as a gap. "
            "Communication's gap is how far you are below the role's bar. Gaps are rounded to "
            "the sliders' half-point step; a gap under one step reads *within reach*.\n"
            "- Being well above a role's typical level lowers the fit (you sit away from its "
            "centre), and the reasons say so, but it is never a gap to close.\n"
            "- The learning steps are the catalog's steps for each measure that falls short by "
            "at least one step.\n"
            "- **How sure:** when the top two fits are within {close:g} points the page says "
            "*close call* and names the measure whose smallest change would tip it; when even "
            "the best fit is below {edge:g} (outside its region) it says *no role fits closely "
            "yet*; when moving communication alone by up to a point would change the best fit, "
            "it says communication decided it.",
            close=CLOSE,
            edge=EDGE_FIT,
        )
    )
    halos = listing(
        current_lang(),
        [
            ngettext("±{halo:g} with {n} answer", "±{halo:g} with {n} answers", i, halo=h)
            for i, h in enumerate(q.scoring.halo)
        ],
    )
    st.markdown(
        _(
            "**From answers to scores.** Each answer stands for a level of the scale the sliders "
            "describe; a score is the weighted mean of the levels of the answers about that "
            "measure. With fewer than {min_answers} answers it is pulled toward the middle "
            "({middle:g}), as if the missing answers sat there, and the map draws a halo around "
            "you: about {halos} (and more). Years of coding count for little: no number of "
            "years alone reaches the engineering level of someone who ships services. Every "
            "level and weight is in `data/questionnaire.yaml` with its reason.",
            min_answers=q.scoring.min_answers,
            middle=q.scoring.middle,
            halos=halos,
        )
    )
