"""Exports that are safe to open in a spreadsheet."""

from __future__ import annotations

import unicodedata

import pandas as pd

# A cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: str) -> bool:
    """True if a spreadsheet could read `value` as a formula.

    Also behind invisible characters (zero-width, bidi controls) or leading spaces, and in
    compatibility forms that some spreadsheets fold to ASCII (fullwidth ＝, small ﹦).
    """
    if value.startswith(_FORMULA_START):
        return True
    visible = "".join(c for c in value if unicodedata.category(c) != "Cf")
    return unicodedata.normalize("NFKC", visible).lstrip().startswith(_FORMULA_START)


def neutralise(value: object) -> object:
    """Prefix a text cell that a spreadsheet would evaluate with a quote, so it stays text."""
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value
    return value


def safe_csv(frame: pd.DataFrame) -> bytes:
    """CSV bytes (UTF-8 with BOM so Excel reads accents) with formula-like text neutralised."""
    cleaned = frame.copy()
    for col in cleaned.columns:
        if cleaned[col].dtype == object or pd.api.types.is_string_dtype(cleaned[col]):
            cleaned[col] = cleaned[col].map(neutralise)
    cleaned.columns = [str(neutralise(c)) for c in cleaned.columns]
    return cleaned.to_csv(index=False).encode("utf-8-sig")
