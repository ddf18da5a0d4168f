"""Both languages, complete: every message id and every data field exists in English and Chinese,
the language is read from what people and browsers send, and the CLI speaks `--lang`."""

from __future__ import annotations

import ast
import json
import re
import unicodedata
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from cli.main import main
from roles.catalog import DATA_DIR, load_catalog, load_file, load_levels, load_questionnaire
from roles.errors import CatalogError
from roles.i18n import LANGS, day, listing, ntr, parse_lang, tr
from roles.models import Catalog
from scripts import i18n as catalogs

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")
CALLS = {"_", "tr", "ntr", "ngettext", "N_", "Msg", "plural_msg"}


def test_every_message_id_is_translated_with_the_same_fields_and_compiled() -> None:
    """What `python scripts/i18n.py check` prints: nothing missing, fuzzy, stale or mismatched."""
    assert catalogs.problems() == []


def test_no_translation_call_hides_inside_an_f_string() -> None:
    """Babel does not look inside f-strings, so a message there would never be translated."""
    hidden = []
    for path in catalogs.source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for call in ast.walk(node):
                    name = getattr(getattr(call, "func", None), "id", None)
                    literal = isinstance(call, ast.Call) and any(
                        isinstance(a, ast.Constant) and isinstance(a.value, str) for a in call.args
                    )
                    if literal and name in CALLS:
                        hidden.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert hidden == []


def _bilingual(node: Any, where: str) -> list[tuple[str, dict[str, Any]]]:
    """Every `{en: ..., zh: ...}` field of a raw YAML document, with its path."""
    if isinstance(node, dict):
        if set(node) & set(LANGS):
            return [(where, node)]
        return [f for k, v in node.items() for f in _bilingual(v, f"{where}.{k}")]
    if isinstance(node, list):
        return [f for i, v in enumerate(node) for f in _bilingual(v, f"{where}[{i}]")]
    return []


def _same_name(field: dict[str, Any], where: str) -> bool:
    """An option's label that is a product's name (Python, PyTorch, Vim / Emacs) in both
    languages: the same text, up to full-width punctuation and spaces, of at most four words."""
    en, zh = (unicodedata.normalize("NFKC", field[c]).replace(" ", "") for c in LANGS)
    return where.endswith(".label") and en == zh and len(field["en"].split()) <= 4


# The fitted calibration holds numbers only (its reasons are comments for developers).
NUMBERS_ONLY = {"confidence.yaml"}


@pytest.mark.parametrize(
    "name", sorted(p.name for p in DATA_DIR.glob("*.yaml") if p.name not in NUMBERS_ONLY)
)
def test_every_data_field_is_written_in_both_languages(name: str) -> None:
    fields = _bilingual(yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8")), name)
    assert len(fields) > 30
    for where, field in fields:
        assert set(field) == set(LANGS), where
        assert all(isinstance(field[c], str) and field[c].strip() for c in LANGS), where
        assert CJK.search(field["zh"]) or _same_name(field, where), (
            f"{where}: the Chinese is not Chinese: {field['zh']!r}"
        )


def test_the_shipped_data_loads_in_each_language() -> None:
    for lang in LANGS:
        assert load_catalog("2021", lang).lang == lang
        load_catalog("2022", lang)
        load_levels(lang)
        load_questionnaire(lang)
    zh = {r.id: r.name for r in load_catalog("2021", "zh").roles}
    assert zh == {
        "ml_devops": "MLOps/平台工程师",
        "data_engineer": "数据工程师",
        "ml_engineer": "机器学习工程师",
        "ml_researcher": "机器学习研究员",
        "data_scientist": "数据科学家",
        "ml_product_manager": "机器学习产品经理",
    }


def test_a_missing_translation_is_a_load_error_naming_the_field(tmp_path: Path) -> None:
    doc = yaml.safe_load((DATA_DIR / "roles.yaml").read_text(encoding="utf-8"))
    del doc["roles"][2]["summary"]["zh"]
    broken = tmp_path / "roles.yaml"
    broken.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_file(broken, Catalog, lang="en")  # even when read in English
    message = str(caught.value)
    assert "roles[2] (ml_engineer).summary" in message and "zh" in message


@pytest.mark.parametrize(
    ("sent", "lang"),
    [
        ("zh", "zh"),
        ("zh-CN", "zh"),
        ("zh_TW", "zh"),
        ("zh-Hans-CN", "zh"),
        ("en-GB", "en"),
        ("EN", "en"),
        ("fr-FR", None),
        ("", None),
        (None, None),
    ],
)
def test_the_language_is_read_from_codes_and_browser_locales(sent: object, lang: str) -> None:
    assert parse_lang(sent) == lang


def test_messages_dates_and_lists_in_each_language() -> None:
    assert tr("zh", "Submit") == "提交" and tr("en", "Submit") == "Submit"
    assert ntr("en", "From {n} answer.", "From {n} answers.", 1) == "From 1 answer."
    assert ntr("en", "From {n} answer.", "From {n} answers.", 3) == "From 3 answers."
    assert ntr("zh", "From {n} answer.", "From {n} answers.", 3) == "依据 3 个回答。"
    assert listing("zh", ["甲", "乙", "丙"], conjunction=True) == "甲、乙和丙"
    when = datetime(2026, 3, 5, 14, 7, tzinfo=UTC)
    assert (day(when, "en"), day(when, "zh")) == ("05 Mar 2026", "2026年3月5日")
    assert day(when, "zh", clock=True) == "2026年3月5日 14:07（UTC）"


def test_match_speaks_chinese_and_keeps_json_keys_english(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["match", "--ml", "1", "--swe", "9", "--comm", "5", "--lang", "zh"]) == 0
    text = capsys.readouterr().out
    assert "MLOps/平台工程师" in text and CJK.search(text.splitlines()[0])
    assert main(["match", "--ml", "1", "--swe", "9", "--comm", "5", "--json", "--lang", "zh"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"profile", "catalog", "verdict", "fits", "target"}
    assert CJK.search(data["verdict"]["headline"])
    assert data["fits"][0]["role"] == "ml_devops" and data["fits"][0]["name"] == "MLOps/平台工程师"
    assert CJK.search(data["fits"][0]["reason"])
    assert all(CJK.search(s) for steps in data["target"]["steps"].values() for s in steps)


def test_team_and_check_catalog_speak_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    team = str(DATA_DIR / "example_team.csv")
    assert main(["team", team, "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "覆盖" in out and "数据科学家" in out
    assert main(["team", team, "--json", "--lang", "zh"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"members", "coverage", "missing", "hire_next"} <= set(data)
    assert all(CJK.search(h["reason"]) for h in data["hire_next"])
    assert main(["check-catalog", str(DATA_DIR / "roles.yaml"), "--lang", "zh"]) == 0
    assert CJK.search(capsys.readouterr().out)


def test_cli_errors_speak_the_chosen_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["team", "no-such-file.csv", "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and CJK.search(err)
