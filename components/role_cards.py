"""Cards describing each role: what it does, what it is judged by, where it sits."""

from __future__ import annotations

import html

import streamlit as st

from components.lang import _, current_lang
from components.role_swatch import placement_words, swatch_svg
from roles.i18n import clauses
from roles.models import Catalog, Role


def role_heading(role: Role) -> str:
    """The role's name, with the English one in brackets for a Chinese reader (the term they
    meet in English material)."""
    if current_lang() == "en" or not role.name_en or role.name_en == role.name:
        return role.name
    return f"{role.name}（{role.name_en}）"


def render_role_card(role: Role, symbol: str = "circle") -> None:
    """One role: its marker (colour and shape, as on the maps), what it does, what it is judged
    by, where people come from, and where it sits in words."""
    with st.container(border=True):
        st.html(f"<h4>{swatch_svg(role, symbol)}{html.escape(role_heading(role))}</h4>")
        st.write(role.summary)
        st.markdown(_("**Judged by:** {work}", work=role.work_product))
        backgrounds = clauses(current_lang(), role.backgrounds)
        st.markdown(_("**Typical backgrounds:** {backgrounds}", backgrounds=backgrounds))
        st.caption(
            placement_words(role, current_lang())
            + " "
            + _(
                "Region: ML {ml:g} ± {ml_extent:g}, software engineering {swe:g} ± "
                "{swe_extent:g}; communication bar {comm:g}.",
                **role.ranges(),
            )
        )


def render_role_cards(catalog: Catalog, *, columns: int = 2) -> None:
    """All roles of the catalog in a grid."""
    cols = st.columns(columns)
    symbols = catalog.symbols()
    for i, role in enumerate(catalog.roles):
        with cols[i % columns]:
            render_role_card(role, symbols[role.id])
