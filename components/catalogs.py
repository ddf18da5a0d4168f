"""Cached access to the catalogs for the pages (the domain loaders stay framework-free)."""

from __future__ import annotations

import streamlit as st

from roles.catalog import CATALOG_FILES, load_catalog, load_levels, load_questionnaire
from roles.models import Catalog, Levels
from roles.questionnaire_models import Questionnaire


@st.cache_resource(show_spinner=False)
def cached_catalog(catalog_id: str) -> Catalog:
    """A shipped catalog; models are frozen, so one shared instance is safe for every session."""
    return load_catalog(catalog_id)


@st.cache_resource(show_spinner=False)
def cached_levels() -> Levels:
    """Behaviour anchors, shared by every session."""
    return load_levels()


@st.cache_resource(show_spinner=False)
def cached_questionnaire() -> Questionnaire:
    """The questionnaire, shared by every session."""
    return load_questionnaire()


def role_ids_by_catalog() -> dict[str, list[str]]:
    """Role ids of each shipped catalog, for validating shared links."""
    return {cid: cached_catalog(cid).role_ids for cid in CATALOG_FILES}
