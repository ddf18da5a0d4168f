"""Two rounds of the same team compared: who moved and how far, and how coverage changed.

A member is matched across rounds by a stable key (a team room's member id), not by name, so a
corrected spelling is still the same person. Pure functions: the page, the CLI and tests share
them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from roles.coverage import Status, coverage, team_fits
from roles.models import AXES, Catalog

# Moves smaller than a slider's half step are the same answer given again.
MIN_MOVE = 0.5


@dataclass(frozen=True)
class Move:
    """One member's scores in both rounds and their best-fit role in each."""

    name: str
    before: dict[str, float]
    after: dict[str, float]
    role_before: str
    role_after: str

    @property
    def deltas(self) -> dict[str, float]:
        """After minus before, per measure."""
        return {a: round(self.after[a] - self.before[a], 2) for a in AXES}

    @property
    def size(self) -> float:
        """The largest change on any one measure (how far this member moved)."""
        return max(abs(d) for d in self.deltas.values())

    @property
    def moved(self) -> bool:
        return self.size >= MIN_MOVE or self.role_before != self.role_after


@dataclass(frozen=True)
class RoleChange:
    """How many people fit one role in each round, and its status in each."""

    role: str
    name: str
    before: int
    after: int
    status_before: Status
    status_after: Status


@dataclass(frozen=True)
class RoundComparison:
    """Everything that changed between two rounds of one team."""

    before: int
    after: int
    moves: list[Move]  # members who answered in both rounds, who moved most first
    joined: list[str]  # answered only in the later round
    left: list[str]  # answered only in the earlier round
    roles: list[RoleChange]
    missing_before: list[str]
    missing_after: list[str]

    @property
    def newly_missing(self) -> list[str]:
        """Roles nobody fits now that somebody fitted before."""
        return [r for r in self.missing_after if r not in self.missing_before]

    @property
    def no_longer_missing(self) -> list[str]:
        """Roles somebody fits now that nobody fitted before."""
        return [r for r in self.missing_before if r not in self.missing_after]

    @property
    def movers(self) -> list[Move]:
        """Members whose scores or best-fit role changed."""
        return [m for m in self.moves if m.moved]

    def as_frame(self) -> pd.DataFrame:
        """One row per member in both rounds: scores before and after and the change."""
        rows = [
            {
                "name": m.name,
                **{f"{a}_{self.before}": m.before[a] for a in AXES},
                **{f"{a}_{self.after}": m.after[a] for a in AXES},
                **{f"{a}_change": m.deltas[a] for a in AXES},
                "best_fit_before": m.role_before,
                "best_fit_after": m.role_after,
            }
            for m in self.moves
        ]
        return pd.DataFrame(rows)


def _roles(
    catalog: Catalog, fitted_before: pd.DataFrame, fitted_after: pd.DataFrame
) -> tuple[list[RoleChange], list[str], list[str]]:
    cov_b, cov_a = coverage(fitted_before, catalog), coverage(fitted_after, catalog)
    changes = [
        RoleChange(b.role, b.name, b.count, a.count, b.status, a.status)
        for b, a in zip(cov_b.roles, cov_a.roles, strict=True)
    ]
    return changes, cov_b.missing, cov_a.missing


def compare_rounds(
    before: pd.DataFrame,
    after: pd.DataFrame,
    catalog: Catalog,
    *,
    numbers: tuple[int, int],
    key: str = "member_id",
) -> RoundComparison:
    """Compare two rounds' team tables (`name`, `ml`, `swe`, `comm` and the column `key`).

    Names shown are the later round's. Either table may be empty.
    """
    fitted_b, fitted_a = team_fits(before, catalog), team_fits(after, catalog)
    names = {r.id: r.name for r in catalog.roles}
    rows_b = {row[key]: row for row in fitted_b.to_dict("records")}
    rows_a = {row[key]: row for row in fitted_a.to_dict("records")}
    moves = [
        Move(
            name=str(row["name"]),
            before={a: float(rows_b[k][a]) for a in AXES},
            after={a: float(row[a]) for a in AXES},
            role_before=names[rows_b[k]["best_role"]],
            role_after=names[row["best_role"]],
        )
        for k, row in rows_a.items()
        if k in rows_b
    ]
    moves.sort(key=lambda m: (-m.size, m.name.casefold()))
    roles, missing_b, missing_a = _roles(catalog, fitted_b, fitted_a)
    return RoundComparison(
        before=numbers[0],
        after=numbers[1],
        moves=moves,
        joined=[str(r["name"]) for k, r in rows_a.items() if k not in rows_b],
        left=[str(r["name"]) for k, r in rows_b.items() if k not in rows_a],
        roles=roles,
        missing_before=missing_b,
        missing_after=missing_a,
    )
