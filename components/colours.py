"""Colour arithmetic for readable charts: WCAG contrast, alpha blending, darkening to a ratio.

Pure functions on `#rrggbb` and `rgba(r,g,b,a)` strings, so figure builders and tests share them.
"""

from __future__ import annotations

import re

Rgb = tuple[float, float, float]
# WCAG 2.2 AA: 4.5:1 for text, 3:1 for graphics that carry meaning.
TEXT_CONTRAST = 4.5
_RGBA = re.compile(r"rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)")
_NAMED = {"white": "#ffffff", "black": "#000000"}


def parse(colour: str) -> tuple[Rgb, float]:
    """`#rrggbb`, `rgb(...)`, `rgba(...)`, `white` or `black` as ((r, g, b) on 0-255, alpha)."""
    colour = _NAMED.get(colour.strip().lower(), colour.strip())
    if colour.startswith("#") and len(colour) == 7:
        return (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)), 1.0
    m = _RGBA.fullmatch(colour)
    if not m:
        raise ValueError(f"not a colour this module reads: {colour!r}")
    r, g, b, a = m.groups()
    return (float(r), float(g), float(b)), float(a) if a is not None else 1.0


def to_hex(rgb: Rgb) -> str:
    """(r, g, b) on 0-255 as `#rrggbb`."""
    return "#" + "".join(f"{round(min(255, max(0, c))):02x}" for c in rgb)


def rgba(colour: str, alpha: float) -> str:
    """A `#rrggbb` colour with the given opacity, as plotly's `rgba(...)`."""
    (r, g, b), _ = parse(colour)
    return f"rgba({r:g},{g:g},{b:g},{alpha:g})"


def over(colour: str, background: str) -> str:
    """What a (possibly translucent) colour looks like painted over an opaque background."""
    (fg, alpha), (bg, _) = parse(colour), parse(background)
    return to_hex(tuple(alpha * f + (1 - alpha) * b for f, b in zip(fg, bg, strict=True)))  # type: ignore[arg-type]


def luminance(colour: str) -> float:
    """WCAG relative luminance of an opaque colour."""
    (rgb, _) = parse(colour)
    lin = [c / 255 for c in rgb]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in lin]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two opaque colours (1 to 21)."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def darken_to(colour: str, background: str, ratio: float = TEXT_CONTRAST) -> str:
    """The colour, mixed with black only as much as needed to reach `ratio` on `background`."""
    (rgb, _) = parse(colour)
    for step in range(101):
        keep = 1 - step / 100
        candidate = to_hex(tuple(c * keep for c in rgb))  # type: ignore[arg-type]
        if contrast(candidate, background) >= ratio:
            return candidate
    return "#000000"
