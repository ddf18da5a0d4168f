"""The catalogs for the pages, in the page's language unless told otherwise.

The domain loaders cache each file per language (`roles.caching.memoize`), and the models are
frozen, so one instance serves every session. A second, Streamlit cache on top cost about 0.1 ms
per call (it hashes its arguments) for nothing.
"""

from __future__ import annotations

from components.lang import current_lang
from roles.archetypes import ArchetypeCatalog, load_archetypes
from roles.catalog import CATALOG_FILES, load_catalog, load_levels, load_questionnaire
from roles.i18n import Lang
from roles.models import Catalog, Levels
from roles.questionnaire_models import Questionnaire


def cached_catalog(catalog_id: str, lang: Lang | None = None) -> Catalog:
    """A shipped catalog in `lang` (default: the page's language)."""
    return load_catalog(catalog_id, lang or current_lang())


def cached_levels(lang: Lang | None = None) -> Levels:
    """Behaviour anchors in `lang` (default: the page's language)."""
    return load_levels(lang or current_lang())


def cached_questionnaire(lang: Lang | None = None) -> Questionnaire:
    """The questionnaire in `lang` (default: the page's language)."""
    return load_questionnaire(lang or current_lang())


def cached_archetypes() -> ArchetypeCatalog:
    """The organisation archetypes in the page's language."""
    return load_archetypes(lang=current_lang())


def role_ids_by_catalog() -> dict[str, list[str]]:
    """Role ids of each shipped catalog, for validating shared links."""
    return {cid: cached_catalog(cid).role_ids for cid in CATALOG_FILES}
