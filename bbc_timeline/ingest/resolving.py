"""Resolving: every stored document -> entities and events, and the fingerprint that says when to redo it."""

from __future__ import annotations

import ast
import hashlib
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


def _imports(path: Path) -> list[str]:
    """The bbc_timeline modules a file imports, anywhere in it (relative imports resolved)."""
    rel = path.relative_to(_PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    package = parts[:-1] if parts[-1] != "__init__" else parts[:-1]
    out: list[str] = []
    for node in ast.walk(ast.parse(path.read_bytes())):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package[: len(package) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            out.append(base)
            out += [f"{base}.{a.name}" for a in node.names]  # `from pkg import module`
    return out
