"""Where the store lives: --db, else $BBC_TIMELINE_DB, else the user's data dir."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "bbc-timeline"
ENV_DB = "BBC_TIMELINE_DB"


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
    """The user's alias file: $BBC_TIMELINE_ALIASES, else data/aliases.toml beside the package, if present."""
    env = os.environ.get("BBC_TIMELINE_ALIASES")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent.parent / "data" / "aliases.toml"
    return here if here.exists() else None
