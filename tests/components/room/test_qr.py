"""Links into a room and the QR code for the join link."""

from __future__ import annotations

import pytest

from components.room.qr import PUBLIC_URL_ENV, app_base_url, is_local, join_link, page_link, qr_png


def test_join_link_is_absolute_when_the_base_is_known() -> None:
    assert (
        join_link("https://maps.example.org", "K7MPQ2") == "https://maps.example.org/j?room=K7MPQ2"
    )


def test_links_fall_back_to_relative_addresses() -> None:
    assert join_link(None, "K7MPQ2") == "j?room=K7MPQ2"
    assert page_link(None, "present") == "present"


def test_host_link_carries_room_and_key_encoded() -> None:
    link = page_link("http://h:8501", "host", room="K7MPQ2", key="a+b/c")
    assert link == "http://h:8501/host?room=K7MPQ2&key=a%2Bb%2Fc"


def test_public_url_setting_wins_and_loses_its_trailing_slash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(PUBLIC_URL_ENV, "https://maps.example.org/")
    assert app_base_url("host") == "https://maps.example.org"


def test_without_setting_or_browser_the_base_is_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PUBLIC_URL_ENV, raising=False)
    assert app_base_url("host") is None


@pytest.mark.parametrize(
    ("base", "local"),
    [
        ("http://localhost:8501", True),
        ("http://127.0.0.1:8501", True),
        ("http://192.168.1.20:8501", False),
        ("https://maps.example.org", False),
        (None, False),
    ],
)
def test_local_addresses_are_flagged_because_phones_cannot_open_them(
    base: str | None, local: bool
) -> None:
    assert is_local(base) is local


def test_qr_code_is_a_png_that_grows_with_the_address() -> None:
    short = qr_png("https://m.example/join?room=K7MPQ2")
    long = qr_png("https://a-much-longer-host-name.example.org/some/prefix/join?room=K7MPQ2")
    assert short.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(long) > len(short)
