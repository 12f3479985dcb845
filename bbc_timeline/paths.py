"""Where the store lives: --db, else $BBC_TIMELINE_DB, else the user's data dir."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "bbc-timeline"
ENV_DB = "BBC_TIMELINE_DB"
ENV_ALIASES = "BBC_TIMELINE_ALIASES"
ALIASES_NAME = "aliases.toml"


def user_dir() -> Path:
    """The per-user data folder (typer.get_app_dir), created lazily by the store."""
    import typer  # typer is already loaded by the CLI; kept local for library users

    return Path(typer.get_app_dir(APP_NAME))


def default_db_path(explicit: str | os.PathLike | None = None) -> Path:
    """The store path the user asked for, in order of precedence."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env)
    return user_dir() / "store.db"


def alias_file() -> Path | None:
    """The alias file applied by ingest, first found of:

    1. $BBC_TIMELINE_ALIASES (a path; it must exist),
    2. `aliases.toml` in the user's config dir (typer.get_app_dir: ~/.config/bbc-timeline on Linux),
    3. `data/aliases.toml` of a source checkout (the documented example).
    None if there is none.
    """
    env = os.environ.get(ENV_ALIASES)
    if env:
        return Path(env)
    user = user_dir() / ALIASES_NAME
    if user.is_file():
        return user
    here = Path(__file__).resolve().parent.parent / "data" / ALIASES_NAME
    return here if here.exists() else None
