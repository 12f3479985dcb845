"""The ingest stages: no import cycles, and a resolver fingerprint that covers everything the resolver reads."""

from __future__ import annotations

import ast
from pathlib import Path

from bbc_timeline.ingest import resolving

PACKAGE = Path(__file__).resolve().parent.parent / "bbc_timeline"
# The modules this structure owns; a cycle through any of them is a defect.
OWNED = ("bbc_timeline.ingest", "bbc_timeline.distributed", "bbc_timeline.sources", "bbc_timeline.store",
         "bbc_timeline.paths", "bbc_timeline.errors")


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _graph() -> dict[str, set[str]]:
    """module -> the bbc_timeline modules it imports anywhere (functions and TYPE_CHECKING blocks included)."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package[: len(package) - (node.level - 1)]
                    base = ".".join([*anchor, base] if base else anchor)
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
            for t in targets:
                while t and t not in modules:
                    t = t.rpartition(".")[0]
                if t and t != name:
                    deps.add(t)
        graph[name] = deps
    return graph


def _cycle_through(graph: dict[str, set[str]], start: str) -> list[str] | None:
    """A path start -> ... -> start, if any (a package's __init__ counts as importing nothing it lazily names)."""
    stack = [(start, [start])]
    seen: set[str] = set()
    while stack:
        node, path = stack.pop()
        for dep in graph.get(node, ()):
            if dep == start:
                return [*path, start]
            if dep not in seen:
                seen.add(dep)
                stack.append((dep, [*path, dep]))
    return None


def test_no_import_cycle_through_the_ingest_side():
    graph = _graph()
    owned = [m for m in graph if any(m == o or m.startswith(o + ".") for o in OWNED)]
    assert "bbc_timeline.ingest.analysis" in owned
    cycles = {m: c for m in owned if (c := _cycle_through(graph, m))}
    assert not cycles, cycles


def test_the_dask_path_uses_the_shared_analysis_not_a_private_name():
    text = (PACKAGE / "distributed.py").read_text(encoding="utf-8")
    assert "_analyse_files" not in text
    assert "bbc_timeline.ingest.analysis import analyse_files" in text


def test_fingerprint_covers_every_module_the_resolver_imports_and_every_word_list():
    files = set(resolving.resolver_files())
    names = {p.relative_to(PACKAGE).as_posix() for p in files}
    # the resolver's own package, what it imports from the date side, and the word lists
    assert {"resolve/events.py", "resolve/entities.py", "temporal/story.py", "temporal/normalise.py",
            "lexicon/__init__.py", "models.py"} <= names
    from bbc_timeline.lexicon import data_files

    assert set(data_files()) <= files
    graph = _graph()
    reached: set[str] = set()
    todo = [m for m in graph if m.startswith("bbc_timeline.resolve")]
    while todo:
        m = todo.pop()
        if m not in reached:
            reached.add(m)
            todo += graph[m]
    for m in reached:
        rel = Path(*m.split(".")[1:])
        path = PACKAGE / rel.with_suffix(".py") if (PACKAGE / rel.with_suffix(".py")).exists() else PACKAGE / rel / "__init__.py"
        assert path in files, f"{m} is read by the resolver but not fingerprinted"


def _fake_package(tmp_path: Path, monkeypatch) -> Path:
    import shutil

    copy = tmp_path / "bbc_timeline"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(resolving, "_PACKAGE", copy)
    import bbc_timeline.lexicon as lexicon

    monkeypatch.setattr(lexicon, "_ROOT", copy / "lexicon")
    resolving.resolver_files.cache_clear()
    return copy


def test_a_word_list_or_a_date_module_change_changes_the_fingerprint(tmp_path, monkeypatch):
    copy = _fake_package(tmp_path, monkeypatch)
    try:
        before = resolving.resolver_fingerprint()
        with (copy / "lexicon" / "en" / "months.tsv").open("a", encoding="utf-8") as f:
            f.write("# a new comment line\n")
        after_words = resolving.resolver_fingerprint()
        with (copy / "temporal" / "story.py").open("a", encoding="utf-8") as f:
            f.write("\n# changed\n")
        after_story = resolving.resolver_fingerprint()
        (copy / "nlp" / "pipeline.py").write_text("# the model side is not read by the resolver\n")
        after_nlp = resolving.resolver_fingerprint()
    finally:
        resolving.resolver_files.cache_clear()
    assert len({before, after_words, after_story}) == 3
    assert after_nlp == after_story


def test_the_alias_file_is_in_the_fingerprint(tmp_path, monkeypatch):
    aliases = tmp_path / "aliases.toml"
    aliases.write_text('[[same]]\nnames = ["A B", "A. B."]\n', encoding="utf-8")
    monkeypatch.setenv("BBC_TIMELINE_ALIASES", str(aliases))
    before = resolving.resolver_fingerprint()
    aliases.write_text('[[same]]\nnames = ["A B", "A. Bee"]\n', encoding="utf-8")
    assert resolving.resolver_fingerprint() != before


def test_the_fingerprints_import_scan_finds_every_import_a_parse_finds():
    graph = _graph()
    modules = set(graph)
    for path in PACKAGE.rglob("*.py"):
        name = _module_name(path)
        scanned = set()
        for target in resolving._imports(path):
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                scanned.add(target)
        assert graph[name] <= scanned, (name, graph[name] - scanned)
