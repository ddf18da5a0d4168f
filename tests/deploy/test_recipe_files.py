"""The recipe's files agree with the app: cookie name, upload limit, timeouts, required settings.

No servers here: these read the shipped files and run `deploy/replica.sh --check`.
"""

from __future__ import annotations

import os
import re
import subprocess
import tomllib
from pathlib import Path

import pytest

from serving.device_cookie import COOKIE
from testsupport.stack import ROOT, SITE

REPLICA_SH = ROOT / "deploy" / "replica.sh"


def _in_force(text: str) -> str:
    """The lines nginx reads: comments dropped."""
    return "\n".join(line.split("#", 1)[0] for line in text.splitlines())


def _directive(text: str, name: str) -> list[str]:
    return re.findall(rf"^\s*{name}\s+([^;]+);", _in_force(text), flags=re.M)


def test_stickiness_hashes_the_apps_device_cookie_with_the_address_as_fallback() -> None:
    site = SITE.read_text()
    (key,) = re.findall(r"map \$cookie_(\w+) \$skills_map_sticky \{([^}]*)\}", _in_force(site))
    assert key[0] == COOKIE  # renaming the cookie in the app must not silently end stickiness
    assert re.search(r'""\s+\$remote_addr;', key[1]), "no cookie yet: placed by address"
    assert _directive(site, "hash") == ["$skills_map_sticky consistent"]
    assert _directive(site, "zone") == ["skills_map 64k"]  # one view of failures for all workers
    assert "_streamlit_xsrf" not in _in_force(site)  # re-masked on every health check


def test_upload_limit_fits_the_apps_with_room_for_the_form_headers() -> None:
    app_mb = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["server"][
        "maxUploadSize"
    ]
    for value in _directive(SITE.read_text(), "client_max_body_size"):
        nginx_mb = int(value.removesuffix("m"))
        assert app_mb < nginx_mb <= app_mb + 2


def test_websockets_are_upgraded_and_a_quiet_page_is_not_cut_off() -> None:
    site = SITE.read_text()
    assert set(_directive(site, "proxy_http_version")) == {"1.1"}
    assert "$http_upgrade" in _directive(site, "proxy_set_header Upgrade")[0]
    assert "Host $http_host" in _in_force(site)  # with its port: Streamlit's Origin check
    for name in ("proxy_read_timeout", "proxy_send_timeout"):
        (value,) = _directive(site, name)
        assert int(value.removesuffix("s")) >= 600, f"{name} must outlast quiet pages"
    for retry in _directive(site, "proxy_next_upstream"):  # `location /` and the static fallback
        assert {"error", "timeout", "http_404"} <= set(retry.split())


def test_the_access_log_keeps_no_query_strings() -> None:
    """The host link carries the facilitator key in its query string."""
    (fmt,) = re.findall(r"log_format skills_map (.*?);", SITE.read_text(), flags=re.S)
    assert "$request_method $uri" in fmt
    assert "$request " not in fmt and "$args" not in fmt and "$request_uri" not in fmt


def _check(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SKILLS_MAP_", "STREAMLIT_"))}
    return subprocess.run(
        ["bash", str(REPLICA_SH), "--check"],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=30,
    )


@pytest.mark.parametrize(
    ("env", "says"),
    [
        ({"STREAMLIT_SERVER_COOKIE_SECRET": "s"}, "set SKILLS_MAP_DATABASE_URL"),
        (
            {
                "SKILLS_MAP_DATABASE_URL": "sqlite:///x.sqlite",
                "STREAMLIT_SERVER_COOKIE_SECRET": "s",
            },
            "must name a PostgreSQL database",
        ),
        ({"SKILLS_MAP_DATABASE_URL": "postgresql+psycopg://u:p@h/d"}, "STREAMLIT_SERVER_COOKIE"),
    ],
)
def test_a_replica_refuses_to_start_without_the_shared_settings(
    env: dict[str, str], says: str
) -> None:
    result = _check(**env)
    assert result.returncode == 2
    assert says in result.stderr


def test_a_replica_with_the_shared_settings_passes_its_check() -> None:
    result = _check(
        SKILLS_MAP_DATABASE_URL="postgresql+psycopg://u:p@h/d", STREAMLIT_SERVER_COOKIE_SECRET="s"
    )
    assert result.returncode == 0, result.stderr


def test_the_systemd_unit_and_env_example_use_the_same_replica_script() -> None:
    unit = (ROOT / "deploy" / "skills-map@.service").read_text()
    assert re.search(r"^ExecStart=\S+/deploy/replica\.sh %i$", unit, flags=re.M)
    example = (ROOT / "deploy" / "skills-map.env.example").read_text()
    for name in ("SKILLS_MAP_DATABASE_URL", "STREAMLIT_SERVER_COOKIE_SECRET"):
        assert re.search(rf"^{name}=", example, flags=re.M), f"{name} missing from the example"
    assert Path(REPLICA_SH).stat().st_mode & 0o111, "deploy/replica.sh must be executable"


def test_nginx_sends_streamlits_files_precompressed_and_asks_a_replica_for_the_rest() -> None:
    site = _in_force(SITE.read_text())
    block = site.split("location /static/ {", 1)[1].split("location @skills_map", 1)[0]
    assert re.search(r"^\s*gzip_static on;", block, flags=re.M)
    assert re.search(r"^\s*gzip_vary on;", block, flags=re.M)
    assert "try_files $uri @skills_map;" in block  # a file missing from the copy: a replica
    (root,) = re.findall(r"^\s*root (\S+);", block, flags=re.M)
    # The comment tells the deployer to fill that very folder.
    assert f"scripts/precompress_static.py {root}" in SITE.read_text()
    assert "text/javascript js" in block  # whatever mime.types the main nginx.conf has
    (fallback,) = re.findall(r"location @skills_map \{([^}]*)\}", site)
    assert "proxy_pass http://skills_map;" in fallback and "Host $http_host" in fallback


def test_the_precompress_script_writes_gzip_copies_that_decode_to_the_files(
    tmp_path: Path,
) -> None:
    import gzip

    from scripts.precompress_static import copy_static
    from serving.precompressed import streamlit_static_dir

    files, raw, gz = copy_static(tmp_path)
    source = streamlit_static_dir() / "static"
    assert files == sum(1 for p in source.rglob("*") if p.is_file()) and 0 < gz < raw / 2
    script = next((tmp_path / "static" / "js").glob("index.*.js"))
    copy = script.with_name(script.name + ".gz")
    assert gzip.decompress(copy.read_bytes()) == (source / "js" / script.name).read_bytes()
    assert not list((tmp_path / "static").rglob("*.woff2.gz"))  # fonts are compressed already
    before = copy.stat().st_mtime_ns
    copy_static(tmp_path)  # a second run keeps what is right
    assert copy.stat().st_mtime_ns == before
