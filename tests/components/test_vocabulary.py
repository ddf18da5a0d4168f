"""One vocabulary: every statement of one screen says the same thing about where a person stands.

A grid of profiles; for each, every statement the Me page, the map's text, the path, team
coverage and the CLI make about a role's region (inside it, beyond it in its open direction,
outside it) is collected, and the test fails on any two that disagree.
"""

from __future__ import annotations

import re
from itertools import product

import pandas as pd
import pytest

from components.map_text import person_summary
from components.me.result_text import headline_note, path_markdown
from roles.catalog import load_catalog
from roles.coverage import coverage, team_fits
from roles.gaps import gaps
from roles.models import Catalog, Profile, axis_label
from roles.region import placement
from roles.report import match_report
from roles.verdict import assess

GRID = [
    Profile(ml=ml, swe=swe, comm=comm)
    for ml, swe, comm in product(range(0, 11), range(0, 11), (2.0, 5.0, 8.0))
]
_REASON = {
    "Inside the region": "inside",
    "Beyond the region": "beyond",
    "Outside the region": "outside",
}


def _claims(p: Profile, catalog: Catalog) -> dict[str, dict[str, str]]:
    """Source -> {role id: the place that source states}, for every statement that states one."""
    names = {r.id: r.name for r in catalog.roles}
    by_name = {v: k for k, v in names.items()}
    a = assess({}, catalog, profile=p)
    claims: dict[str, dict[str, str]] = {}
    claims["fits table"] = {
        f.role: next(v for k, v in _REASON.items() if f.reason.startswith(k)) for f in a.fits
    }
    report = match_report(p, catalog)
    claims["CLI"] = {f["role"]: f["place"] for f in report["fits"]}
    alt = person_summary(p, a.fits, catalog, None)
    said: dict[str, str] = {}
    for place, pattern in (
        ("inside", r"You are inside the region of (.+?)\."),
        ("beyond", r"You are beyond the region of (.+?) in its open direction\."),
    ):
        for found in re.findall(pattern, alt):
            for name in re.split(r", | and ", found):
                said[by_name[name]] = place
    near = re.search(r"Nearest (?:other )?regions: (.+?)\.(?: |$)", alt)
    for name in re.findall(
        r"(?:^|, | and )(.+?) \(\d+\.\d points away\)", near.group(1) if near else ""
    ):
        said[by_name[name]] = "outside"
    claims["map text"] = said
    note = headline_note(a, catalog)
    heading: dict[str, str] = {}
    for rid, name in names.items():
        if f"inside the {name} region" in note:
            heading[rid] = "inside"
        if f"beyond the {name} region" in note:
            heading[rid] = "beyond"
        if f"outside the {name} region" in note:
            heading[rid] = "outside"
    if "outside every region" in note:
        heading |= {rid: "outside" for rid in names if rid not in heading}
    claims["heading"] = heading
    path: dict[str, str] = {}
    for rid, name in names.items():
        text = path_markdown(p, gaps(p, catalog, rid))
        if f"already inside the region of {name}" in text:
            path[rid] = "inside"
        elif f"already beyond the region of {name}" in text:
            path[rid] = "beyond"
        elif (
            f"on the edge of the region of {name}" in text
            or (f"Nothing to learn for {name}: you are outside its region" in text)
            or "within one slider step" in text
            or re.search(r"\*\*(ML expertise|Software engineering): \+", text)
        ):
            path[rid] = "outside"
    claims["path"] = path
    fitted = team_fits(
        pd.DataFrame([("P", p.ml, p.swe, p.comm)], columns=["name", "ml", "swe", "comm"]), catalog
    )
    cov = coverage(fitted, catalog)
    best = a.best.role
    claims["team coverage"] = {best: "held" if cov.by_role()[best] else "outside"}
    return claims


@pytest.mark.parametrize("edition", ["2021", "2022"])
def test_no_two_statements_of_one_screen_disagree_on_a_grid_of_profiles(edition: str) -> None:
    catalog = load_catalog(edition)
    for p in GRID:
        truth = {r.id: placement(p, r) for r in catalog.roles}
        for source, said in _claims(p, catalog).items():
            for rid, place in said.items():
                expected = truth[rid]
                if place == "held":
                    assert expected != "outside", (p, source, rid)
                else:
                    assert place == expected, (p, source, rid, place, expected)


def test_the_issues_self_contradicting_screen_is_consistent_now(catalog: Catalog) -> None:
    # ML 4.5, SWE 4.5, comm 5: once "no role fits", "inside the data scientist region" and a
    # bubble inside the data scientist ellipse on one screen.
    p = Profile(ml=4.5, swe=4.5, comm=5)
    claims = _claims(p, catalog)
    truth = {r.id: placement(p, r) for r in catalog.roles}
    for said in claims.values():
        assert all(place in (truth[rid], "held") for rid, place in said.items())
    a = assess({}, catalog, profile=p)
    assert "No role fits" not in headline_note(a, catalog)


def test_no_gap_outside_a_region_says_why_in_measures() -> None:
    # Outside only by having more than a role asks, or on its edge: never "axes that matter".
    catalog, seen = load_catalog("2021"), set()
    for p in GRID:
        for role in catalog.roles:
            g = gaps(p, catalog, role.id)
            if g.total or g.place != "outside" or g.within_reach:
                continue
            text = path_markdown(p, g)
            if g.past:
                names = [axis_label(a) for a in g.past]
                assert f"Nothing to learn for {role.name}" in text
                assert all(n in text.split("more ", 1)[1].split(" than it asks")[0] for n in names)
                seen.add("past")
            else:
                assert f"on the edge of the region of {role.name}" in text
    assert "past" in seen  # the grid reaches the case the test is about
