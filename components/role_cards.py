"""Cards describing each role, and the published fit method."""

from __future__ import annotations

import streamlit as st

from roles.match import SPREAD
from roles.models import Catalog, Role
from roles.questionnaire_models import Questionnaire
from roles.verdict import CLOSE, EDGE_FIT


def render_role_card(role: Role) -> None:
    """One role: what it does, what it is judged by, where people come from, where it sits."""
    g = role.region
    with st.container(border=True):
        st.markdown(f"#### {role.name}")
        st.write(role.summary)
        st.markdown(f"**Judged by:** {role.work_product}")
        st.markdown("**Typical backgrounds:** " + "; ".join(role.backgrounds))
        st.caption(
            f"Region: ML {g.ml:g} ± {g.ml_extent:g}, software engineering {g.swe:g} ± "
            f"{g.swe_extent:g}; communication bar {role.comm:g}. Placement: {role.source}."
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
        "Each role is an ellipse on the map: a centre and an extent along each axis. For a "
        "profile, we measure how far it sits from the centre in units of the ellipse's extent, "
        "and add any shortfall in communication measured in units of "
        f"{catalog.comm_tolerance:g} points. Communication above a role's bar never counts "
        "against you."
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
        "- At a role's centre, meeting its communication bar: **100**. On the edge of the "
        "ellipse: **80**. Two extents away: **41**. Three: **14**.\n"
        "- Roles are ranked by fit; equal fits keep the catalog's order, so results never "
        "change between runs.\n"
        "- **Gaps** toward a target role: follow the straight line from you to the role's "
        "centre and stop where it enters the ellipse. The difference on each axis, where you "
        "are below that point, is the gap; being above it is never reported as a gap. "
        "Communication's gap is how far you are below the role's bar. Gaps are rounded to the "
        "sliders' half-point step; a gap under one step reads *within reach*.\n"
        "- Being well above a role's typical level lowers the fit (you sit away from its "
        "centre), and the reasons say so, but it is never a gap to close.\n"
        "- The learning steps are the catalog's steps for each measure that falls short by at "
        "least one step.\n"
        f"- **How sure:** when the top two fits are within {CLOSE:g} points the page says "
        "*close call* and names the measure whose smallest change would tip it; when even the "
        f"best fit is below {EDGE_FIT:g} (outside its region) it says *no role fits closely "
        "yet*; when moving communication alone by up to a point would change the best fit, it "
        "says communication decided it."
    )
    st.markdown(
        "**From answers to scores.** Each answer stands for a level of the scale the sliders "
        "describe; a score is the weighted mean of the levels of the answers about that "
        f"measure. With fewer than {q.scoring.min_answers} answers it is pulled toward the "
        f"middle ({q.scoring.middle:g}), as if the missing answers sat there, and the map "
        "draws a halo around you: about "
        + ", ".join(
            f"±{h:g} with {i} answer{'s' if i != 1 else ''}" for i, h in enumerate(q.scoring.halo)
        )
        + " (and more). Years of coding count for little: no number of years alone reaches "
        "the engineering level of someone who ships services. Every level and weight is in "
        "`data/questionnaire.yaml` with its reason."
    )
