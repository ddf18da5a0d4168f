"""Role colours: told apart under colour-blindness, and contrast arithmetic that matches WCAG."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from components.colours import contrast, darken_to, over, parse
from roles.catalog import load_catalog
from roles.models import Catalog

# Machado, Oliveira and Fernandes (2009), severity 1.0, on linear RGB.
CVD = {
    "protanopia": [
        [0.152286, 1.052583, -0.204868],
        [0.114503, 0.786281, 0.099216],
        [-0.003882, -0.048116, 1.051998],
    ],
    "deuteranopia": [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ],
    "tritanopia": [
        [1.255528, -0.076749, -0.178779],
        [-0.078411, 0.930809, 0.147602],
        [0.004733, 0.691367, 0.303900],
    ],
    "typical vision": np.eye(3).tolist(),
}
# CIELAB distance below which two marker colours are hard to tell apart at a glance.
MIN_DELTA_E = 15


def _lab(colour: str, matrix: list[list[float]]) -> np.ndarray:
    rgb = np.array(parse(colour)[0]) / 255
    lin = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    lin = np.clip(np.array(matrix) @ lin, 0, 1)
    xyz = (
        np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
        @ lin
    )
    f = np.cbrt(xyz / np.array([0.95047, 1, 1.08883]))
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


@pytest.mark.parametrize("catalog_id", ["2021", "2022"])
@pytest.mark.parametrize("vision", list(CVD))
def test_role_colours_stay_distinct_under_colour_blindness(catalog_id: str, vision: str) -> None:
    roles = load_catalog(catalog_id).roles
    for a, b in itertools.combinations(roles, 2):
        d = float(np.linalg.norm(_lab(a.colour, CVD[vision]) - _lab(b.colour, CVD[vision])))
        assert d >= MIN_DELTA_E, f"{a.name} and {b.name}: ΔE {d:.1f} under {vision}"


def test_shipped_catalogs_give_every_role_its_own_shape() -> None:
    for catalog_id in ("2021", "2022"):
        roles = load_catalog(catalog_id).roles
        assert all(r.symbol for r in roles)
        assert len({r.symbol for r in roles}) == len(roles)


def test_a_catalog_without_shapes_gets_distinct_ones_and_shared_shapes_are_refused() -> None:
    catalog = load_catalog()
    bare = catalog.model_copy(
        update={"roles": [r.model_copy(update={"symbol": None}) for r in catalog.roles]}
    )
    assert len(set(bare.symbols().values())) == len(catalog.roles)
    data = catalog.model_dump()
    data["roles"][1]["symbol"] = data["roles"][0]["symbol"]
    with pytest.raises(ValueError, match="each role needs its own symbol; shared: square"):
        Catalog.model_validate(data)


def test_contrast_matches_wcag_reference_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert over("rgba(0,0,0,0.5)", "#ffffff") == "#808080"


def test_darkening_reaches_the_ratio_and_no_further_than_needed() -> None:
    orange = "#E69F00"  # 2.0:1 on white
    dark = darken_to(orange, "#ffffff", 4.5)
    assert 4.5 <= contrast(dark, "#ffffff") < 4.8
