"""Cached access to the catalogs for the pages (the domain loaders stay framework-free).

Each is read once per language and shared by every session; without a language they come in
the page's own.
"""

from __future__ import annotations

import streamlit as st

from components.lang import current_lang
from roles.archetypes import ArchetypeCatalog, load_archetypes
from roles.catalog import CATALOG_FILES, load_catalog, load_levels, load_questionnaire
from roles.i18n import Lang
from roles.models import Catalog, Levels
from roles.questionnaire_models import Questionnaire


@st.cache_resource(show_spinner=False)
def _catalog(catalog_id: str, lang: Lang) -> Catalog:
    # Models are frozen, so one shared instance is safe for every session.
    return load_catalog(catalog_id, lang)


@st.cache_resource(show_spinner=False)
def _levels(lang: Lang) -> Levels:
    return load_levels(lang)


@st.cache_resource(show_spinner=False)
def _questionnaire(lang: Lang) -> Questionnaire:
    return load_questionnaire(lang)


def cached_catalog(catalog_id: str, lang: Lang | None = None) -> Catalog:
    """A shipped catalog in `lang` (default: the page's language)."""
    return _catalog(catalog_id, lang or current_lang())


def cached_levels(lang: Lang | None = None) -> Levels:
    """Behaviour anchors in `lang` (default: the page's language)."""
    return _levels(lang or current_lang())


def cached_questionnaire(lang: Lang | None = None) -> Questionnaire:
    """The questionnaire in `lang` (default: the page's language)."""
    return _questionnaire(lang or current_lang())


def cached_archetypes() -> ArchetypeCatalog:
    """The organisation archetypes in the page's language."""
    return load_archetypes(lang=current_lang())


def role_ids_by_catalog() -> dict[str, list[str]]:
    """Role ids of each shipped catalog, for validating shared links."""
    return {cid: cached_catalog(cid).role_ids for cid in CATALOG_FILES}
