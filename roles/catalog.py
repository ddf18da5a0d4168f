"""Reading the YAML catalogs in ``data/`` into validated models."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from roles.caching import memoize
from roles.errors import CatalogError
from roles.i18n import DEFAULT_LANG, LANG_WORDS, N_, Lang, Msg
from roles.models import Catalog, Levels
from roles.questionnaire_models import Questionnaire
from roles.settings import SHIPPED_DATA, settings

# The folder the package ships its data in; `data_dir()` is the one in use.
DATA_DIR = SHIPPED_DATA


def data_dir() -> Path:
    """The folder of the catalog files in use (`SKILLS_MAP_DATA_DIR`, else the shipped one)."""
    return settings().data_dir


# Shipped catalogs by id; "2021" is the lecture's chart and the default everywhere.
CATALOG_FILES = {"2021": "roles.yaml", "2022": "roles_2022.yaml"}
DEFAULT_CATALOG = "2021"

M = TypeVar("M", bound=BaseModel)


def _field_path(loc: tuple[int | str, ...], data: Any) -> str | Msg:
    """Turn a pydantic location into `roles[2] (ml_engineer).region.ml_extent`."""
    parts: list[str] = []
    node = data
    for key in loc:
        if isinstance(key, int):
            label = f"[{key}]"
            if isinstance(node, list) and key < len(node):
                node = node[key]
                if isinstance(node, dict) and isinstance(node.get("id"), str):
                    label += f" ({node['id']})"
            else:
                node = None
            parts.append(label)
        else:
            parts.append(("." if parts else "") + key)
            node = node.get(key) if isinstance(node, dict) else None
    return "".join(parts) or Msg("(top level)")


# Pydantic's messages for the mistakes people make in these files, as message ids: the same
# English, and a translation for every other language.
_PYDANTIC: dict[str, str] = {
    "greater_than": N_("Input should be greater than {gt}"),
    "greater_than_equal": N_("Input should be greater than or equal to {ge}"),
    "less_than": N_("Input should be less than {lt}"),
    "less_than_equal": N_("Input should be less than or equal to {le}"),
    "string_too_short": N_("String should have at least {min_length} characters"),
    "string_too_long": N_("String should have at most {max_length} characters"),
    "too_short": N_("List should have at least {min_length} items, not {actual_length}"),
    "too_long": N_("List should have at most {max_length} items, not {actual_length}"),
    "string_pattern_mismatch": N_("String should match pattern '{pattern}'"),
    "float_parsing": N_("Input should be a valid number"),
    "float_type": N_("Input should be a valid number"),
    "int_parsing": N_("Input should be a valid integer"),
    "int_type": N_("Input should be a valid integer"),
    "int_from_float": N_("Input should be a valid integer"),
    "string_type": N_("Input should be a valid string"),
    "bool_parsing": N_("Input should be true or false"),
    "bool_type": N_("Input should be true or false"),
    "list_type": N_("Input should be a valid list"),
    "dict_type": N_("Input should be a mapping (key: value)"),
    "model_type": N_("Input should be a mapping (key: value)"),
    "model_attributes_type": N_("Input should be a mapping (key: value)"),
    "literal_error": N_("Input should be {expected}"),
    "enum": N_("Input should be {expected}"),
}


def _reason(err: Any) -> Msg | str:
    """What is wrong with one field, as a message to say in the reader's language."""
    ctx = err.get("ctx") or {}
    cause = ctx.get("error")
    if isinstance(cause, ValueError) and cause.args and isinstance(cause.args[0], Msg):
        return cause.args[0]  # our own model validators speak in messages
    template = _PYDANTIC.get(err["type"])
    if template is None:
        return str(err["msg"])
    return Msg(template, **{k: v for k, v in ctx.items() if k != "error"})


def _describe(err: Any, data: Any) -> Msg:
    where = _field_path(tuple(err["loc"]), data)
    if err["type"] == "missing":
        return Msg("{where}: required field is missing; add it", where=where)
    if err["type"] == "extra_forbidden":
        return Msg("{where}: unknown field; remove it or check its spelling", where=where)
    if err["type"] == "translation_missing":
        ctx = err.get("ctx") or {}
        missing = [Msg(LANG_WORDS[code]) for code in ctx.get("missing", "").split(", ") if code]
        if ctx.get("single"):
            return Msg(
                "{where}: written in one language; write it in English and Chinese as "
                "{{en: English text, zh: Chinese text}}",
                where=where,
            )
        if ctx.get("unknown"):
            return Msg(
                "{where}: unknown language {unknown}; give exactly en (English) and zh (Chinese)",
                where=where,
                unknown=ctx["unknown"],
            )
        return Msg(
            "{where}: the {missing} text is missing; write the field as "
            "{{en: English text, zh: Chinese text}}",
            where=where,
            missing=_and(missing),
        )
    reason = _reason(err)
    if not err["loc"] and err["type"] == "value_error" and isinstance(reason, Msg):
        # A whole-file check of our own (an id that names nothing): its message says where.
        return reason
    got = err.get("input")
    shown = repr(got) if not isinstance(got, dict | list) else type(got).__name__
    return Msg("{where}: {reason} (got {shown})", where=where, reason=reason, shown=shown[:60])


def _and(items: list[Msg]) -> Msg:
    if len(items) == 1:
        return items[0]
    return Msg("{first} and {second}", first=items[0], second=items[1])


def parse_yaml(text: str, model: type[M], source: str, *, lang: Lang = DEFAULT_LANG) -> M:
    """Validate YAML text as `model`, its bilingual fields read in `lang`; errors name `source`,
    each bad field and the fix (a field missing a language is one of them)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where: Msg = (
            Msg("line {line}, column {column}", line=mark.line + 1, column=mark.column + 1)
            if mark
            else Msg("somewhere")
        )
        problem = getattr(exc, "problem", exc)
        raise CatalogError(
            source, [Msg("not valid YAML at {where}: {problem}", where=where, problem=problem)]
        ) from None
    if not isinstance(data, dict):
        raise CatalogError(source, [Msg("expected a YAML mapping (key: value) at the top level")])
    try:
        return model.model_validate(data, context={"lang": lang})
    except ValidationError as exc:
        problems = [_describe(e, data) for e in exc.errors()]
        raise CatalogError(source, problems) from None


def load_file(path: str | Path, model: type[M], *, lang: Lang = DEFAULT_LANG) -> M:
    """Read and validate one catalog file, its bilingual fields in `lang`."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CatalogError(str(p), [Msg("file not found; check the path")]) from None
    except UnicodeDecodeError:
        raise CatalogError(str(p), [Msg("file is not UTF-8 text; save it as UTF-8")]) from None
    except OSError as exc:
        raise CatalogError(str(p), [Msg("cannot be read: {why}", why=exc.strerror)]) from None
    return parse_yaml(text, model, str(p), lang=lang)


@memoize(maxsize=8)
def load_catalog(catalog_id: str = DEFAULT_CATALOG, lang: Lang = DEFAULT_LANG) -> Catalog:
    """A shipped role catalog by id ("2021" or "2022"), in `lang`."""
    if catalog_id not in CATALOG_FILES:
        known = ", ".join(CATALOG_FILES)
        raise CatalogError(
            catalog_id, [Msg("no such catalog; expected one of: {known}", known=known)]
        )
    return load_file(data_dir() / CATALOG_FILES[catalog_id], Catalog, lang=lang)


@memoize(maxsize=4)
def load_levels(lang: Lang = DEFAULT_LANG) -> Levels:
    """Behaviour anchors for each level of each measure, in `lang`."""
    return load_file(data_dir() / "levels.yaml", Levels, lang=lang)


@memoize(maxsize=4)
def load_questionnaire(lang: Lang = DEFAULT_LANG) -> Questionnaire:
    """The self-assessment questionnaire, in `lang`."""
    return load_file(data_dir() / "questionnaire.yaml", Questionnaire, lang=lang)
