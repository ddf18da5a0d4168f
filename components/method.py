"""The published method on the About page: how the fit, the regions, the gaps and the heading's
confidence are computed, so a person can check or challenge a result."""

from __future__ import annotations

import streamlit as st

from components.lang import _, current_lang, ngettext
from roles.confidence import ConfidenceModel
from roles.i18n import listing
from roles.match import SPREAD
from roles.models import Catalog
from roles.questionnaire_models import Questionnaire


def _formula(catalog: Catalog) -> None:
    # Two lines, so the formula fits a phone without a scrolling box (which a keyboard can't reach).
    st.latex(
        r"\begin{aligned} d^2 = {} & \tilde u_{ml}^2 + \tilde u_{swe}^2 \\"
        r" & + \left(\frac{\max(0,\ bar - comm)}{" + f"{catalog.comm_tolerance:g}"
        r"}\right)^2 \end{aligned}"
    )
    st.latex(r"u_{ml} = \frac{ml - c_{ml}}{e_{ml}},\quad u_{swe} = \frac{swe - c_{swe}}{e_{swe}}")
    st.latex(r"\text{fit} = 100 \cdot e^{-d^2 / (2 \cdot " + f"{SPREAD:g}" + r"^2)}")


def render_method(catalog: Catalog, q: Questionnaire, confidence: ConfidenceModel) -> None:
    """How fit, regions, gaps and the heading are computed."""
    st.markdown(
        _(
            "Each role is an ellipse on the map: a centre and an extent along each axis. For a "
            "profile, we measure how far it sits from the centre in units of the ellipse's "
            "extent (u below), and add any shortfall in communication measured in units of "
            "{tolerance:g} points. A role is **open** in a direction where having more never "
            "makes anyone less of it: past the centre that way, the distance counts as nothing "
            "(ũ is u set to 0 there). More ML never lowers the ML researcher's fit, more "
            "software engineering never lowers ML DevOps' or the data engineer's, either "
            "never lowers the ML engineer's, and communication above a role's bar never counts "
            "against anyone. The map draws an open direction as a dashed band running to its "
            "edge, and each role's reasons are in `data/roles.yaml`.",
            tolerance=catalog.comm_tolerance,
        )
    )
    _formula(catalog)
    st.markdown(
        _(
            "- **Where you stand**, in the same words on every page, in team coverage and in "
            "the command line: *inside* a role's region (within its ellipse), *beyond* it in its "
            "open direction (past the ellipse only where the role is open, as good as inside), "
            "or *outside* it. Meeting the communication bar is said separately.\n"
            "- At a role's centre, meeting its communication bar: **100**. On the edge of the "
            "region, meeting the bar: **80**. Two extents away: **41**. Three: **14**.\n"
            "- Roles are ranked by fit; equal fits keep the catalog's order, so results never "
            "change between runs.\n"
            "- **Gaps** toward a target role: follow the straight line from you toward the "
            "role's centre (an open direction already counts as reached) and stop where it "
            "enters the region. The difference on each axis, where you are below that point, "
            "is the gap. Communication's gap is how far you are below the role's bar. Gaps are "
            "rounded to the sliders' half-point step; a gap under one step reads *within "
            "reach*.\n"
            "- Being past a region in a direction the role is not open to lowers the fit, and "
            "the reasons say so, but it is never a gap to close.\n"
            "- The learning steps are the catalog's steps for each measure that falls short by "
            "at least one step."
        )
    )
    _render_sureness(confidence)
    _render_scores(q)


def _render_sureness(m: ConfidenceModel) -> None:
    st.markdown(
        _(
            "**How sure the heading is.** It rests on two things: the map, and *people like "
            "you*, a model of how respondents of the 2021 Kaggle survey who answer its "
            "questions as you do are titled. From the survey each role with a survey title gets "
            "a chance: how many people who answer like you hold that title, in a population "
            "where the titles are equally common. The chances are calibrated on one half of the "
            "survey and checked on the other. A model calibrated on one survey year proved "
            "over-confident on the next, so the calibration is also tried on respondents unlike "
            "those it was fitted on, and every chance is shrunk toward every title being "
            "equally likely as far as they showed it over-confident (now by {modesty:.0%}). "
            "The heading names **one role** when its "
            "chance is at least {one:.0%} and the map agrees: you are in its region, or it is "
            "the map's best fit. Otherwise it names the likeliest role and the "
            "map's best fit (or the second likeliest): a **close call** when together they "
            "reach {two:.0%}, otherwise *no role stands out yet*. With the sliders alone there "
            "is no survey evidence: the heading names the map's nearest role and claims no "
            "chance. A measure none of your answers speaks to is *not measured yet*, draws the "
            "widest halo and never decides the heading.",
            modesty=m.modesty,
            one=m.one_role_at,
            two=m.two_roles_at,
        )
    )


def _render_scores(q: Questionnaire) -> None:
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
            "measure, on the sliders' half steps. With fewer than {min_answers} answers it is "
            "pulled toward the middle ({middle:g}), as if the missing answers sat there, and the "
            "map draws a halo around you: about {halos} (and more). Years of coding count for "
            "little: no number of years alone reaches the engineering level of someone who "
            "ships services. The survey's questions about tools and education set no level: each "
            "option ticked moves a measured score by a shift fitted on the survey (a doctorate "
            "more ML, SQL less), and alone they leave a measure not measured. Every level, "
            "weight and shift is in `data/questionnaire.yaml` with its reason.",
            min_answers=q.scoring.min_answers,
            middle=q.scoring.middle,
            halos=halos,
        )
    )
