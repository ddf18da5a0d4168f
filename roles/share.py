"""The shareable state of the Me page, read from and written to URL query parameters."""

from __future__ import annotations

import math
from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, Field

from roles.answer_link import decode_answers, encode_answers
from roles.catalog import CATALOG_FILES, DEFAULT_CATALOG
from roles.i18n import Msg
from roles.questionnaire import Answer, snap
from roles.questionnaire_models import Questionnaire

DEFAULT_SCORE = 5.0


class ShareState(BaseModel):
    """Scores, target role, catalog and the questionnaire's answers: everything needed to
    restore a result exactly (People like you, the halo and "From N answers" included)."""

    model_config = ConfigDict(frozen=True)

    ml: float = Field(default=DEFAULT_SCORE, ge=0, le=10)
    swe: float = Field(default=DEFAULT_SCORE, ge=0, le=10)
    comm: float = Field(default=DEFAULT_SCORE, ge=0, le=10)
    target: str | None = None
    catalog: str = DEFAULT_CATALOG
    answers: dict[str, Answer] | None = None


def _first(value: str | list[str]) -> str:
    return value[0] if isinstance(value, list) else value


def _score(name: str, raw: str, warnings: list[Msg]) -> float | None:
    fields = {"name": name, "raw": raw[:20], "default": DEFAULT_SCORE}
    try:
        value = float(raw)
    except ValueError:
        warnings.append(Msg("“{name}={raw}” is not a number; using {default:g}.", **fields))
        return None
    if not math.isfinite(value) or not 0 <= value <= 10:
        warnings.append(Msg("“{name}={raw}” is outside 0-10; using {default:g}.", **fields))
        return None
    # Sliders move in half steps; snapping keeps a shared link and the page in agreement.
    return snap(value)


def parse_share(
    params: Mapping[str, str | list[str]],
    role_ids_by_catalog: Mapping[str, list[str]],
    *,
    questionnaire: Questionnaire | None = None,
) -> tuple[ShareState, list[Msg]]:
    """Parse query parameters; bad values fall back to defaults with a warning each. The
    warnings quote what the address held: a page says them with those values escaped.

    The answers (`a`) are read only with the questionnaire they belong to."""
    warnings: list[Msg] = []
    values: dict[str, object] = {}
    if "a" in params and questionnaire is not None:
        answers, said = decode_answers(questionnaire, _first(params["a"]))
        warnings += said
        values["answers"] = answers or None
    catalog = _first(params.get("catalog", DEFAULT_CATALOG))
    if catalog not in CATALOG_FILES:
        warnings.append(
            Msg(
                "“catalog={catalog}” is unknown; using the {default} chart.",
                catalog=catalog[:20],
                default=DEFAULT_CATALOG,
            )
        )
        catalog = DEFAULT_CATALOG
    values["catalog"] = catalog
    for name in ("ml", "swe", "comm"):
        if name in params:
            parsed = _score(name, _first(params[name]), warnings)
            if parsed is not None:
                values[name] = parsed
    if "target" in params:
        target = _first(params["target"])
        known = role_ids_by_catalog.get(catalog, [])
        if target in known:
            values["target"] = target
        else:
            warnings.append(
                Msg(
                    "“target={target}” is not a role of this chart; showing the best fit.",
                    target=target[:30],
                )
            )
    return ShareState.model_validate(values), warnings


def encode_share(state: ShareState, questionnaire: Questionnaire | None = None) -> dict[str, str]:
    """Query parameters that restore `state` (defaults are left out to keep links short; the
    answers need the questionnaire they belong to)."""
    out = {"ml": f"{state.ml:g}", "swe": f"{state.swe:g}", "comm": f"{state.comm:g}"}
    if state.target:
        out["target"] = state.target
    if state.catalog != DEFAULT_CATALOG:
        out["catalog"] = state.catalog
    if state.answers and questionnaire is not None:
        token = encode_answers(questionnaire, state.answers)
        if token:
            out["a"] = token
    return out
