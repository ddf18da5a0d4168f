"""What the store hands out about team rooms: rounds, members, answers and ratings (frozen)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

import pandas as pd
from pydantic import Field

from roles.models import AXES, FrozenModel
from store.models import RoomInfo

Method = Literal["questionnaire", "sliders"]
# The columns of a round as a team table: what `roles.team` reads, then the room's own.
FRAME_COLUMNS = [
    "name",
    "ml",
    "swe",
    "comm",
    "title",
    "member_id",
    "manager_ml",
    "manager_swe",
    "manager_comm",
    "updated_at",
]


class TeamRound(FrozenModel):
    """One round of a team room: open for answers until the manager closes it."""

    number: int = Field(ge=1)
    opened_at: datetime
    closed_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        """True while members can answer or update."""
        return self.closed_at is None


class TeamRoomInfo(FrozenModel):
    """A team room: its settings and its rounds, oldest first (the last one is current)."""

    room: RoomInfo
    rounds: list[TeamRound] = Field(min_length=1)

    @property
    def code(self) -> str:
        return self.room.code

    @property
    def current(self) -> TeamRound:
        """The latest round: the one members answer in while it is open."""
        return self.rounds[-1]


class TeamAnswer(FrozenModel):
    """A member's own answer in one round."""

    round_number: int = Field(ge=1)
    ml: float = Field(ge=0, le=10)
    swe: float = Field(ge=0, le=10)
    comm: float = Field(ge=0, le=10)
    method: Method
    answers: dict[str, Any] | None = None
    updated_at: datetime


class ManagerRating(FrozenModel):
    """The manager's own rating of a member in one round; a measure left out is None."""

    ml: float | None = Field(default=None, ge=0, le=10)
    swe: float | None = Field(default=None, ge=0, le=10)
    comm: float | None = Field(default=None, ge=0, le=10)
    updated_at: datetime

    def as_dict(self) -> dict[str, float | None]:
        return {axis: getattr(self, axis) for axis in AXES}


class MemberHistory(FrozenModel):
    """What a member sees: their name and their own answers, one per round they answered."""

    member_id: int
    name: str
    answers: list[TeamAnswer]

    def answer_in(self, number: int) -> TeamAnswer | None:
        """Their answer in round `number`, if they gave one."""
        return next((a for a in self.answers if a.round_number == number), None)

    @property
    def latest(self) -> TeamAnswer | None:
        """Their most recent answer in any round."""
        return self.answers[-1] if self.answers else None


class TeamMember(FrozenModel):
    """A member as the manager sees them in one round: their answer and the manager's rating."""

    member_id: int
    name: str
    answer: TeamAnswer | None = None
    rating: ManagerRating | None = None


class TeamSnapshot(FrozenModel):
    """A team room and every member's answer and rating in one round, read together."""

    info: TeamRoomInfo
    round_number: int
    members: list[TeamMember]

    @property
    def answered(self) -> list[TeamMember]:
        """Members with an answer in this round (the team on the map)."""
        return [m for m in self.members if m.answer is not None]

    @property
    def waiting(self) -> list[TeamMember]:
        """Members of the room with no answer in this round yet."""
        return [m for m in self.members if m.answer is None]

    def frame(self) -> pd.DataFrame:
        """The answered members as a team table (see FRAME_COLUMNS), in the order they joined."""
        rows = []
        for m in self.answered:
            assert m.answer is not None
            rating = m.rating.as_dict() if m.rating else dict.fromkeys(AXES)
            rows.append(
                {
                    "name": m.name,
                    **{axis: getattr(m.answer, axis) for axis in AXES},
                    "title": "",
                    "member_id": m.member_id,
                    **{f"manager_{axis}": rating[axis] for axis in AXES},
                    "updated_at": m.answer.updated_at,
                }
            )
        frame = pd.DataFrame(rows, columns=FRAME_COLUMNS)
        for axis in AXES:
            frame[f"manager_{axis}"] = frame[f"manager_{axis}"].astype(float)
        return frame
