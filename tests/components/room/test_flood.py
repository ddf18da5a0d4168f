"""The moment "joined after HH:MM" means: the latest such time not after now, in the
facilitator's time zone."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from components.room.flood import since_moment

ZONES = [UTC, ZoneInfo("Europe/Berlin"), ZoneInfo("Asia/Shanghai"), ZoneInfo("America/New_York")]


@given(
    st.times(),
    st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 1, 1)),
    st.sampled_from(ZONES),
)
def test_the_moment_is_the_latest_such_time_not_after_now(chosen, now, zone) -> None:  # type: ignore[no-untyped-def]
    now = now.replace(tzinfo=UTC)
    moment = since_moment(chosen, now, zone)
    assert moment <= now
    assert now - moment < timedelta(days=1, hours=1)  # a day, give or take a clock change
    local = moment.astimezone(zone).time()
    minutes = (local.hour * 60 + local.minute) - (chosen.hour * 60 + chosen.minute)
    # The chosen wall-clock time, or an hour off when it falls in a clock change's gap.
    assert minutes % 1440 in ((0, 60, 1380) if zone.utcoffset(now) != timedelta(0) else (0,))
    assert local.second == chosen.second


def test_a_time_later_today_means_yesterday() -> None:
    now = datetime(2030, 5, 4, 9, 30, tzinfo=UTC)
    assert since_moment(time(9, 0), now, UTC) == datetime(2030, 5, 4, 9, 0, tzinfo=UTC)
    assert since_moment(time(10, 0), now, UTC) == datetime(2030, 5, 3, 10, 0, tzinfo=UTC)
    shanghai = ZoneInfo("Asia/Shanghai")  # 17:30 there
    assert since_moment(time(17, 0), now, shanghai) == datetime(2030, 5, 4, 9, 0, tzinfo=UTC)
