"""Extract: the analysis as the contract's mention records (CONTRACT.md §1), without touching the store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bbc_timeline.errors import InputError

if TYPE_CHECKING:
    from bbc_timeline.models import Mention


def extract(
    paths: list[Path], *, dct: str | None = None, model: str | None = None, nlp: Any = None
) -> Iterator[dict]:
    """Mentions as the contract's JSON records, without touching the store."""
    from bbc_timeline.ingest.analysis import analyse_files
    from bbc_timeline.ingest.prepare import DocIds
    from bbc_timeline.ingest.report import IngestReport
    from bbc_timeline.paths import alias_file
    from bbc_timeline.sources import discover, read_source

    found, problems = discover(paths)
    if problems:
        raise InputError(problems[0].message)
    sources = [read_source(p, name) for p, name in found]
    if nlp is None:
        from bbc_timeline.nlp.pipeline import load_pipeline

        nlp = load_pipeline(model)
    from bbc_timeline.resolve.aliases import load_aliases
    from bbc_timeline.resolve.entities import resolve_entities

    report = IngestReport()
    files = list(analyse_files(nlp, sources, DocIds({}), report, dct=dct))
    if report.failed:
        raise InputError(report.failed[0])
    all_entities = [m for prepared, analyses in files for an in analyses for m in an.entities]
    canonical = resolve_entities(all_entities, load_aliases(alias_file())).canonical
    for prepared, analyses in files:
        for pd, an in zip(prepared.documents, analyses, strict=False):
            ms = sorted(pd.timexes + an.entities, key=lambda m: (m.start, m.end))
            for m in ms:
                yield contract_mention(prepared.source.name, m, canonical)


def contract_mention(file: str, m: Mention, canonical: dict) -> dict:
    out: dict[str, Any] = {
        "file": file,
        "doc": m.doc,
        "kind": m.kind,
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "type": m.type,
    }
    if m.kind == "timex":
        out["value"] = m.value
        if m.end_value:
            out["end_value"] = m.end_value
        if m.mod:
            out["mod"] = m.mod
        if m.anchor:
            out["anchor"] = m.anchor
    else:
        out["canonical"] = canonical.get((m.doc, m.start, m.end), "")
        if m.titles:
            out["titles"] = list(m.titles)
    return out
