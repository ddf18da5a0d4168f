"""Reading the YAML catalogs in ``data/`` into validated models."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from roles.errors import CatalogError
from roles.models import Catalog, Levels
from roles.questionnaire_models import Questionnaire

DATA_DIR = Path(
    os.environ.get("SKILLS_MAP_DATA_DIR", Path(__file__).resolve().parent.parent / "data")
)
# Shipped catalogs by id; "2021" is the lecture's chart and the default everywhere.
CATALOG_FILES = {"2021": "roles.yaml", "2022": "roles_2022.yaml"}
DEFAULT_CATALOG = "2021"

M = TypeVar("M", bound=BaseModel)


def _field_path(loc: tuple[int | str, ...], data: Any) -> str:
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
    return "".join(parts) or "(top level)"


def _describe(err: Any, data: Any) -> str:
    where = _field_path(tuple(err["loc"]), data)
    if err["type"] == "missing":
        return f"{where}: required field is missing; add it"
    if err["type"] == "extra_forbidden":
        return f"{where}: unknown field; remove it or check its spelling"
    got = err.get("input")
    shown = repr(got) if not isinstance(got, dict | list) else type(got).__name__
    return f"{where}: {err['msg']} (got {shown[:60]})"


def parse_yaml(text: str, model: type[M], source: str) -> M:
    """Validate YAML text as `model`; errors name `source`, each bad field and the fix."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "somewhere"
        raise CatalogError(
            source, [f"not valid YAML at {where}: {getattr(exc, 'problem', exc)}"]
        ) from None
    if not isinstance(data, dict):
        raise CatalogError(source, ["expected a YAML mapping (key: value) at the top level"])
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = [_describe(e, data) for e in exc.errors()]
        raise CatalogError(source, problems) from None


def load_file(path: str | Path, model: type[M]) -> M:
    """Read and validate one catalog file."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CatalogError(str(p), ["file not found; check the path"]) from None
    except UnicodeDecodeError:
        raise CatalogError(str(p), ["file is not UTF-8 text; save it as UTF-8"]) from None
    except OSError as exc:
        raise CatalogError(str(p), [f"cannot be read: {exc.strerror}"]) from None
    return parse_yaml(text, model, str(p))


@lru_cache(maxsize=8)
def load_catalog(catalog_id: str = DEFAULT_CATALOG) -> Catalog:
    """A shipped role catalog by id ("2021" or "2022")."""
    if catalog_id not in CATALOG_FILES:
        known = ", ".join(CATALOG_FILES)
        raise CatalogError(catalog_id, [f"no such catalog; expected one of: {known}"])
    return load_file(DATA_DIR / CATALOG_FILES[catalog_id], Catalog)


@lru_cache(maxsize=1)
def load_levels() -> Levels:
    """Behaviour anchors for each level of each measure."""
    return load_file(DATA_DIR / "levels.yaml", Levels)


@lru_cache(maxsize=1)
def load_questionnaire() -> Questionnaire:
    """The self-assessment questionnaire."""
    return load_file(DATA_DIR / "questionnaire.yaml", Questionnaire)
