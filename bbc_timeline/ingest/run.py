"""The ingest flow: discover files, skip the unchanged ones by hash, analyse and store the rest, resolve."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bbc_timeline.errors import InputError, SkippedInput
from bbc_timeline.ingest import analysis, prepare, processes, resolving, storing
from bbc_timeline.ingest.report import IngestReport, Progress
from bbc_timeline.store import Store, store_problem, writer_lock

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
    wait: float = 0.0,
    on_wait: Callable[[str], None] | None = None,
    max_mb: float | None = None,
) -> IngestReport:
    """Read files and folders into the store; unchanged files are skipped by content hash.

    Only the raw bytes (and sidecar) of each file are hashed before the check;
    decoding, HTML masking and the model are for changed files only. One writer at a
    time: a second one waits up to `wait` seconds for the store's writer lock, then
    fails with "store busy". Every store problem is raised (StoreError) before the model runs.
    """
    with writer_lock(db, wait, on_wait):
        try:
            max_bytes = None if max_mb is None else int(max_mb * (1 << 20))
            return _ingest_locked(paths, db, model, workers, batch_size, progress, nlp, dask, max_bytes)
        except sqlite3.DatabaseError as e:  # a damaged page met on the way, say
            raise store_problem(Path(db), e) from None


def _ingest_locked(paths, db, model, workers, batch_size, progress, nlp, dask, max_bytes) -> IngestReport:
    from bbc_timeline.sources import discover_files, read_raw

    report = IngestReport()
    found, problems = discover_files(paths)
    report.failed += [p.message for p in problems if not p.note]
    report.notes += [p.message for p in problems if p.note]
    report.files_seen = len(found)
    report.aliases = _check_aliases()
    with Store(db) as store:
        store.check_writable()
        known = store.file_hashes()
        todo: list[tuple[FoundFile, RawFile | None]] = []
        for f in found:
            try:
                raw = read_raw(f.path, max_bytes)
            except SkippedInput as e:
                report.notes.append(str(e))
                continue
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
            store.check_integrity()  # the model's minutes are about to be spent: the store must be whole
            ids = prepare.DocIds(store.used_doc_ids())
            sources = prepare.decoded(todo, report, progress, max_bytes)
            if dask:  # the model runs on the cluster's workers; the store is still written here
                from bbc_timeline.distributed import analyse_with_dask

                files = analyse_with_dask(list(sources), ids, report, dask, model, batch_size)
            else:
                if nlp is None:
                    from bbc_timeline.nlp.pipeline import load_pipeline, model_name

                    nlp = load_pipeline(model)
                    report.model = model_name(nlp)
                files = analysis.analyse_files(nlp, sources, ids, report, workers, batch_size)
            try:
                for prepared, analyses in files:
                    storing.store_file(store, prepared, analyses, report)
                    if progress:
                        progress("advance", 1)
            except BaseException:  # Ctrl-C above all: the files stored so far stay, no worker is left running
                processes.end_workers()
                raise
        if report.stored or not store.is_resolved() or store.meta("resolver") != resolving.resolver_fingerprint():
            resolving.resolve_store(store)
        counts = store.counts()
        report.corroborated, report.reprints = store.independent_counts()
        report.documents = counts["documents"]
        report.mentions = counts["mentions"]
        report.events = counts["events"]
    return report


def _check_aliases() -> str | None:
    """The alias file that will be applied, read now so that a bad one fails before the model runs."""
    from bbc_timeline.paths import ENV_ALIASES, alias_file
    from bbc_timeline.resolve.aliases import load_aliases

    path = alias_file()
    if path is None:
        return None
    if not path.is_file():
        raise InputError(f"{path}: no such alias file (${ENV_ALIASES} points at it)")
    try:
        load_aliases(path)
    except ValueError as e:
        raise InputError(str(e)) from None
    return str(path)
