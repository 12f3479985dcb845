"""The ingest flow: discover files, skip the unchanged ones by hash, analyse and store the rest, resolve."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from bbc_timeline.errors import InputError
from bbc_timeline.ingest import analysis, prepare, resolving, storing
from bbc_timeline.ingest.report import IngestReport, Progress
from bbc_timeline.store import Store

if TYPE_CHECKING:
    from bbc_timeline.sources import FoundFile, RawFile

_KEEP_RAW = 256  # changed files whose bytes are kept from the hash check (the rest are read again)


def ingest(
    paths: list[Path],
    db: Path,
    *,
    model: str | None = None,
    workers: int = 1,
    batch_size: int = 32,
    progress: Progress | None = None,
    nlp: Any = None,
    dask: str | None = None,
) -> IngestReport:
    """Read files and folders into the store; unchanged files are skipped by content hash.

    Only the raw bytes (and sidecar) of each file are hashed before the check;
    decoding, HTML masking and the model are for changed files only.
    """
    from bbc_timeline.sources import discover_files, read_raw

    report = IngestReport()
    found, problems = discover_files(paths)
    report.failed += [p.message for p in problems]
    report.files_seen = len(found)
    with Store(db) as store:
        known = store.file_hashes()
        todo: list[tuple[FoundFile, RawFile | None]] = []
        for f in found:
            try:
                raw = read_raw(f.path)
            except InputError as e:
                report.failed.append(str(e))
                continue
            if known.get(f.key) == raw.sha256:
                report.skipped += 1
                continue
            # Keeping every changed file's bytes would hold the whole corpus: re-read them when analysed.
            todo.append((f, raw if len(todo) < _KEEP_RAW else None))
        del known
        if progress:
            progress("total", len(todo))
        if todo:
            ids = prepare.DocIds(store.used_doc_ids())
            sources = prepare.decoded(todo, report, progress)
            if dask:  # the model runs on the cluster's workers; the store is still written here
                from bbc_timeline.distributed import analyse_with_dask

                files = analyse_with_dask(list(sources), ids, report, dask, model, batch_size)
            else:
                if nlp is None:
                    from bbc_timeline.nlp.pipeline import load_pipeline, model_name

                    nlp = load_pipeline(model)
                    report.model = model_name(nlp)
                files = analysis.analyse_files(nlp, sources, ids, report, workers, batch_size)
            for prepared, analyses in files:
                storing.store_file(store, prepared, analyses, report)
                if progress:
                    progress("advance", 1)
        if report.stored or not store.is_resolved() or store.meta("resolver") != resolving.resolver_fingerprint():
            resolving.resolve_store(store)
        counts = store.counts()
        report.corroborated, report.reprints = store.independent_counts()
        report.documents = counts["documents"]
        report.mentions = counts["mentions"]
        report.events = counts["events"]
    return report
