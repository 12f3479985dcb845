"""The user's alias file: names declared to be one entity, or to stay apart.

The file is TOML (see data/aliases.toml for a documented example)::

    [[same]]
    names = ["Alexander Lukashenko", "Lukashenka"]   # the first name becomes the canonical one
    type = "person"                                   # optional: person | org | place | event

    [[distinct]]
    names = ["Viktor Lukashenko", "Alexander Lukashenko"]

Names are compared after the usual cleanup (case, quotes, leading "the").
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

ENTITY_TYPES = ("person", "org", "place", "event")


@dataclass(frozen=True)
class AliasGroup:
    """Names declared to be one entity; `names[0]` is the preferred name."""

    names: tuple[str, ...]
    type: str | None = None


@dataclass(frozen=True)
class AliasConfig:
    """What the user declared: groups to merge and groups to keep apart."""

    same: tuple[AliasGroup, ...] = ()
    distinct: tuple[AliasGroup, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.same and not self.distinct


def _groups(path: Path, data: dict, section: str) -> tuple[AliasGroup, ...]:
    entries = data.get(section, [])
    if not isinstance(entries, list):
        raise ValueError(f"{path}: [[{section}]] must be an array of tables")  # noqa: TRY004  (the contract: ValueError)
    out = []
    for n, entry in enumerate(entries, 1):
        names = entry.get("names") if isinstance(entry, dict) else None
        if not isinstance(names, list) or len(names) < 2 or not all(isinstance(x, str) and x.strip() for x in names):
            raise ValueError(f"{path}: [[{section}]] entry {n}: 'names' must list at least two names")
        etype = entry.get("type")
        if etype is not None and etype not in ENTITY_TYPES:
            raise ValueError(f"{path}: [[{section}]] entry {n}: type must be one of {', '.join(ENTITY_TYPES)}")
        out.append(AliasGroup(tuple(x.strip() for x in names), etype))
    return tuple(out)


def load_aliases(path: Path | str | None) -> AliasConfig:
    """Read the alias file; a missing file is an empty config, a malformed one raises ValueError."""
    if path is None:
        return AliasConfig()
    p = Path(path)
    if not p.is_file():
        return AliasConfig()
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ValueError(f"{p}: not a valid alias file: {str(e).splitlines()[0]}") from None
    unknown = sorted(set(data) - {"same", "distinct"})
    if unknown:
        raise ValueError(f"{p}: unknown section(s): {', '.join(unknown)} (expected [[same]] and [[distinct]])")
    return AliasConfig(_groups(p, data, "same"), _groups(p, data, "distinct"))
