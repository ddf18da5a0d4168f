"""Every `SKILLS_MAP_*` setting in one typed object, read from the environment and checked.

Each variable is declared once here with its type, default, bounds and help; the configuration
table of docs/configuration.md is made from these declarations (`scripts/settings_table.py`, and
a test fails when they differ). `settings()` returns the settings of the current environment,
checked: a bad value is a `SettingsError` naming the variable and the fix, raised when the server
starts (`serving.lifespan`) and when the CLI starts, so a typo never silently turns a limit off.

Plain pydantic: every layer may import this module. `settings()` re-reads the environment's
`SKILLS_MAP_*` values on each call (a few microseconds) and validates each distinct set once, so
a test may change a variable with `monkeypatch.setenv` and the next call sees it; `reload()`
forgets the checked copies.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, SettingsConfigDict

from roles.caching import memoize
from roles.errors import SettingsError
from roles.i18n import Msg
from roles.resources import shipped_data

PREFIX = "SKILLS_MAP_"
SHIPPED_DATA = shipped_data()


def _shown(default: str, *, secret: bool = False, valid: str | None = None) -> dict[str, Any]:
    """Extra field metadata: how docs/configuration.md shows the default (and, where the type
    does not say it, what a valid value is); secrets are never echoed."""
    return {"shown_default": default, "secret": secret, "valid": valid}


class Settings(BaseSettings):
    """The server's and the CLI's settings (environment variables `SKILLS_MAP_<NAME>`)."""

    model_config = SettingsConfigDict(
        env_prefix=PREFIX,
        env_ignore_empty=True,  # `SKILLS_MAP_X=` (empty) means: the default
        str_strip_whitespace=True,
        allow_inf_nan=False,
        extra="ignore",
        frozen=True,
    )

    data_home: Path | None = Field(
        None,
        description="folder of the embedded SQLite room store (`rooms.sqlite`), created on "
        "first use",
        json_schema_extra=_shown("`appdata/` beside `app.py`"),
    )
    database_url: SecretStr | None = Field(
        None,
        description="any SQLAlchemy URL, e.g. `postgresql+psycopg://user:pw@host/db` (install "
        'with `pip install -e ".[postgres]"`)',
        json_schema_extra=_shown(
            "SQLite in the data folder", secret=True, valid="an SQLAlchemy database URL"
        ),
    )
    db_pool_size: int = Field(
        5,
        ge=1,
        le=1000,
        description="connections one server process keeps open to PostgreSQL (see Running a "
        "big workshop)",
    )
    db_max_overflow: int = Field(
        10,
        ge=0,
        le=1000,
        description="connections one server process may open beyond the pool when busy",
    )
    room_ttl_days: float = Field(
        7.0,
        gt=0,
        le=366,
        description="rooms are deleted with their data after this many days (checked every "
        "10 minutes)",
    )
    room_capacity: int = Field(
        2000,
        ge=1,
        le=100_000,
        description="most participants in one room: what bounds a flood of fake participants",
    )
    team_room_ttl_days: float = Field(
        90.0,
        gt=0,
        le=366,
        description="a team room and all its answers are deleted this many days after its last "
        "use (the manager may choose 180 or 365 when inviting)",
    )
    team_key: SecretStr | None = Field(
        None,
        description="the manager key for `skills-map team --room CODE` when `--key` is not given",
        json_schema_extra=_shown("unset", secret=True, valid="the key as shown"),
    )
    progress_ttl_days: float = Field(
        365.0,
        gt=0,
        le=366,
        description="a private progress record (Me, Keep my progress) and all its points are "
        "deleted this many days after its last use (opening it with its key, or saving)",
    )
    progress_key: SecretStr | None = Field(
        None,
        description="the progress key for `skills-map progress --code CODE` when `--key` is "
        "not given",
        json_schema_extra=_shown("unset", secret=True, valid="the key as shown"),
    )
    public_url: str | None = Field(
        None,
        description="base of join links and QR codes (`https://...`), for a server behind a proxy",
        json_schema_extra=_shown("the address the browser used"),
    )
    secret: SecretStr | None = Field(
        None,
        min_length=16,
        description="key of the keyed hashes (HMAC) of device cookies and client addresses; "
        "servers that share it (or the database) see the same phone as the same participant. "
        "Changing it makes every phone a new participant",
        json_schema_extra=_shown(
            "`server.cookieSecret` if set, else a random key kept in the room store", secret=True
        ),
    )
    rate_limit: int = Field(
        10, ge=1, le=100_000, description="most answers one device may send in the window"
    )
    rate_window_seconds: float = Field(
        60.0,
        ge=0,
        le=86_400,
        description="the window of `SKILLS_MAP_RATE_LIMIT`, in seconds (0 turns it off)",
    )
    submits_per_minute: int = Field(
        6000,
        ge=0,
        le=1_000_000,
        description="most answers from one client address per minute; a hall behind one venue "
        "address shares it (0 turns it off)",
    )
    joins_per_minute: int = Field(
        2000,
        ge=0,
        le=1_000_000,
        description="most new participants from one client address per minute; a hall behind "
        "one venue address shares it (0 turns it off)",
    )
    rooms_per_hour: int = Field(
        20,
        ge=0,
        le=1_000_000,
        description="most rooms created from one client address per hour (0 turns it off)",
    )
    free_code_misses: int = Field(
        10,
        ge=0,
        le=1_000_000,
        description="room codes that do not exist one device may try before each further try "
        "doubles its wait (2 s, 4 s, ...; 0 turns it off)",
    )
    free_key_misses: int = Field(
        5,
        ge=0,
        le=1_000_000,
        description="the same for a room code and key that do not open a room (Host, Team)",
    )
    free_address_misses: int = Field(
        500,
        ge=0,
        le=1_000_000,
        description="the same per client address, for all its devices together: far above "
        "what a hall's typos reach, it bounds a guesser who throws cookies away",
    )
    max_backoff_seconds: int = Field(
        900,
        ge=1,
        le=86_400,
        description="the longest wait; misses are forgotten after twice this long without one",
    )
    data_dir: Path = Field(
        SHIPPED_DATA,
        description="folder of the catalog YAML files",
        json_schema_extra=_shown("`data/`"),
    )

    @field_validator("public_url")
    @classmethod
    def _absolute_url(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError("not an http:// or https:// address")
        return value

    @field_validator("data_home", "data_dir")
    @classmethod
    def _expand(cls, value: Path | None) -> Path | None:
        return None if value is None else value.expanduser()


def env_name(field: str) -> str:
    """The environment variable of a settings field (`submits_per_minute` -> `SKILLS_MAP_...`)."""
    return PREFIX + field.upper()


FIELDS: dict[str, FieldInfo] = dict(Settings.model_fields)
ENV_NAMES: tuple[str, ...] = tuple(env_name(f) for f in FIELDS)


def _extra(info: FieldInfo) -> dict[str, Any]:
    extra = info.json_schema_extra
    return extra if isinstance(extra, dict) else {}


def is_secret(field: str) -> bool:
    """True for settings whose value is never echoed (keys, a URL with a password)."""
    return bool(_extra(FIELDS[field]).get("secret"))


def shown_default(field: str) -> str:
    """The default as docs/configuration.md shows it."""
    info = FIELDS[field]
    shown = _extra(info).get("shown_default")
    if shown is not None:
        return str(shown)
    value = info.default
    return f"`{value:g}`" if isinstance(value, float) else f"`{value}`"


def _bounds(info: FieldInfo) -> dict[str, float]:
    found: dict[str, float] = {}
    for item in info.metadata:
        for name in ("ge", "gt", "le", "lt", "min_length"):
            value = getattr(item, name, None)
            if value is not None:
                found[name] = value
    return found


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:g}"


def rule(field: str) -> Msg:
    """What a valid value of `field` is, in words ("a whole number from 0 to 1000000")."""
    info = FIELDS[field]
    bounds = _bounds(info)
    valid = _extra(info).get("valid")
    if valid:
        return Msg(str(valid))
    if info.annotation is int or info.annotation is float:
        kind = Msg("a whole number") if info.annotation is int else Msg("a number")
        low = _number(bounds.get("ge", bounds.get("gt", 0)))
        high = _number(bounds.get("le", bounds.get("lt", 0)))
        if "gt" in bounds:
            return Msg("{kind} above {low} and at most {high}", kind=kind, low=low, high=high)
        return Msg("{kind} from {low} to {high}", kind=kind, low=low, high=high)
    if field == "public_url":
        return Msg("an address starting with http:// or https://")
    if "min_length" in bounds:
        return Msg("at least {n:g} characters", n=bounds["min_length"])
    if info.annotation == Path | None or info.annotation is Path:
        return Msg("a folder path")
    return Msg("a value")


def _problem(error: dict[str, Any]) -> Msg:
    field = str(error["loc"][0])
    name = env_name(field)
    raw = os.environ.get(name, os.environ.get(name.lower(), ""))
    shown = Msg("(hidden)") if is_secret(field) else repr(raw.strip())
    return Msg(
        "{name}={value} is not valid: give {rule}, or unset it for the default ({default})",
        name=name,
        value=shown,
        rule=rule(field),
        default=shown_default(field).replace("`", ""),
    )


@memoize(maxsize=8)
def _checked(values: tuple[str | None, ...]) -> Settings:
    del values  # the cache key: the environment's SKILLS_MAP_* values when this was read
    try:
        return Settings()
    except ValidationError as exc:
        raise SettingsError([_problem(dict(e)) for e in exc.errors()]) from None


def settings() -> Settings:
    """The settings of the current environment, checked; SettingsError names each bad one."""
    return _checked(tuple(os.environ.get(name) for name in ENV_NAMES))


def reload() -> None:
    """Forget the checked settings (the next `settings()` reads the environment again)."""
    _checked.cache_clear()


def secret_value(value: SecretStr | None) -> str | None:
    """The plain text of a secret setting, or None when unset."""
    return None if value is None else value.get_secret_value()


def markdown_table() -> str:
    """The configuration table of docs/configuration.md, made from the declarations above."""
    lines = ["| variable | default | valid values | what it does |", "| --- | --- | --- | --- |"]
    for field, info in FIELDS.items():
        valid = rule(field).text("en")
        lines.append(
            f"| `{env_name(field)}` | {shown_default(field)} | {valid} | {info.description} |"
        )
    return "\n".join(lines) + "\n"
