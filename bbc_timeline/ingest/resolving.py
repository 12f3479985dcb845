"""Resolving: every stored document -> entities and events, and the fingerprint that says when to redo it."""

from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bbc_timeline.store import Store

_PACKAGE = Path(__file__).resolve().parent.parent  # bbc_timeline/
# Where the resolver starts: every module it imports from here on is read by the fingerprint.
_RESOLVER_ROOTS = ("bbc_timeline.resolve", "bbc_timeline.ingest.resolving")


def resolve_store(store: Store) -> bool:
    """Recompute entities and events from every stored document (one transaction).

    False if a file was stored meanwhile (by a writer that ignored the lock): the layer is
    then marked stale and the next ingest rebuilds it."""
    from bbc_timeline.paths import alias_file
    from bbc_timeline.resolve.aliases import load_aliases
    from bbc_timeline.resolve.chronology import build_chronology
    from bbc_timeline.resolve.entities import resolve_entities

    generation = store.generation()
    aliases = load_aliases(alias_file())
    resolution = resolve_entities(store.iter_entity_mentions(), aliases)
    entities = resolution.entities
    entity_types = {e.name: e.type for e in entities}
    # Every mention's name is needed only while its own document's events are drafted:
    # staged in the store, they come back one document at a time instead of all staying in memory.
    store.stage_canonical(resolution.canonical)
    del resolution
    names: dict[tuple[str, int, int], str] = {}  # refilled for each document as the bundles are read
    provenance: dict = {}  # doc -> its publication day and independent source, filled by the chronology
    events = build_chronology(store.iter_document_bundles(names), names, entity_types, provenance)
    return store.write_resolution(entities, None, events, resolver=resolver_fingerprint(),
                                  provenance={d: (p.cluster, p.published) for d, p in provenance.items()},
                                  generation=generation)


def resolver_fingerprint() -> str:
    """Changes whenever the resolver's code, a word list or the alias file does: then stored events are rebuilt."""
    from bbc_timeline.paths import alias_file

    h = hashlib.sha256()
    for p in resolver_files():
        h.update(p.relative_to(_PACKAGE).as_posix().encode() + b"\0")
        h.update(p.read_bytes())
    aliases = alias_file()
    if aliases is not None and aliases.is_file():
        h.update(b"aliases\0" + aliases.read_bytes())
    return h.hexdigest()[:16]


@cache
def resolver_files() -> tuple[Path, ...]:
    """Every file the resolver reads: the modules it imports (transitively, inside functions too)
    and the lexicon's data files."""
    from bbc_timeline.lexicon import data_files

    seen: set[Path] = set()
    todo = [p for root in _RESOLVER_ROOTS for p in _module_files(root)]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        todo += [p for name in _imports(path) for p in _module_files(name)]
    return tuple(sorted(seen) + data_files())


def _module_files(name: str) -> list[Path]:
    """The source files of a bbc_timeline module (a package: its __init__ and, for resolve, every module)."""
    if not name.startswith("bbc_timeline"):
        return []
    rel = Path(*name.split(".")[1:])
    as_module = _PACKAGE / rel.with_suffix(".py") if rel.parts else None
    if as_module is not None and as_module.is_file():
        return [as_module]
    folder = _PACKAGE / rel
    if not (folder / "__init__.py").is_file():
        return []
    if name in _RESOLVER_ROOTS:
        return sorted(folder.glob("*.py"))
    return [folder / "__init__.py"]


_IMPORT = re.compile(
    r"^[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)|^[ \t]*import[ \t]+([^\n]*)", re.MULTILINE
)


def _imports(path: Path) -> list[str]:
    """The modules a file imports, anywhere in it (relative imports resolved).

    A line scan, not a parse: this runs on every ingest, and reading 100 files' imports this
    way takes a few milliseconds (an import-looking line in a docstring only adds a file).
    """
    rel = path.relative_to(_PACKAGE.parent).with_suffix("")
    package = list(rel.parts[:-1])
    out: list[str] = []
    for m in _IMPORT.finditer(path.read_text(encoding="utf-8")):
        if m.group(3) is not None:  # import a.b, c as d
            out += [part.split()[0] for part in m.group(3).split("#")[0].split(",") if part.strip()]
            continue
        base, names = m.group(1), m.group(2)
        level = len(base) - len(base.lstrip("."))
        base = base[level:]
        if level:
            anchor = package[: len(package) - (level - 1)]
            base = ".".join([*anchor, base] if base else anchor)
        out.append(base)
        for line in names.strip().strip("()").splitlines():
            for name in line.split("#")[0].split(","):
                name = name.strip().split(" ")[0]
                if name.isidentifier():
                    out.append(f"{base}.{name}")  # `from pkg import module`
    return out
