"""Run the ingest's model work on a Dask cluster; the store is still written once, on the client.

Files are cut into partitions; each Dask task prepares and analyses one
partition on a worker (the worker loads the model once and keeps it) and
returns plain records. Document ids are given out on the client, in input
order, so the store ends up exactly as a single-process ingest would leave it.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from bbc_timeline.errors import UsageError
from bbc_timeline.sources import SourceFile

PARTITION_FILES = 50  # files per task: big enough to fill nlp.pipe batches, small enough to balance
LOCAL_WORKERS = 2
IN_FLIGHT_PER_WORKER = 2  # partitions queued per worker: keeps workers busy, bounds client memory
CONNECT_TIMEOUT = "10s"  # to reach a remote scheduler
INSTALL_HINT = "Dask is not installed: pip install '.[dask]'"

# One pipeline per model name per worker process, loaded by the first task that needs it.
_PIPELINES: dict[str, Any] = {}


@dataclass(frozen=True)
class FileRecord:
    """What a worker sends back for one file: its documents under base ids, and the model's findings."""

    position: int  # index of the file in the partition
    documents: list  # list[PreparedDocument]
    analyses: list  # list[Analysis], one per document in order


@dataclass(frozen=True)
class PartitionResult:
    files: list[FileRecord]
    failed: list[str]
    model: str


class _BaseIds:
    """Doc-id maker that keeps each file's base ids; the client makes them unique later."""

    def for_path(self, path_key: str):
        return lambda base: base


def _pipeline(model: str | None) -> Any:
    from bbc_timeline.nlp.pipeline import load_pipeline

    key = model or ""
    if key not in _PIPELINES:
        _PIPELINES[key] = load_pipeline(model)
    return _PIPELINES[key]


def analyse_partition(sources: list[SourceFile], model: str | None, batch_size: int) -> PartitionResult:
    """Worker side: prepare and analyse a list of files with the worker's cached pipeline."""
    from bbc_timeline.ingest.analysis import analyse_files
    from bbc_timeline.ingest.report import IngestReport
    from bbc_timeline.nlp.pipeline import model_name

    nlp = _pipeline(model)
    report = IngestReport()
    position = {id(s): n for n, s in enumerate(sources)}
    files = [
        # The source (with its text) stays on the client: only findings travel back.
        FileRecord(position[id(prepared.source)], prepared.documents, analyses)
        for prepared, analyses in analyse_files(nlp, sources, _BaseIds(), report, 1, batch_size)
    ]
    files.sort(key=lambda f: f.position)
    return PartitionResult(files, report.failed, model_name(nlp))


def analyse_with_dask(sources, ids, report, scheduler: str, model: str | None, batch_size: int) -> Iterator:
    """Yield (PreparedFile, analyses) per file, in input order, computed on a Dask cluster.

    scheduler is "local" (a LocalCluster of two single-threaded worker
    processes) or the address of a running scheduler, whose workers have
    bbc_timeline and the model installed. Same contract as
    ingest.analysis.analyse_files: files that cannot be analysed are added to
    report.failed and not yielded.
    """
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise UsageError(INSTALL_HINT) from None

    parts = [sources[i : i + PARTITION_FILES] for i in range(0, len(sources), PARTITION_FILES)]
    if not parts:
        return
    cluster = None
    try:
        if scheduler == "local":
            cluster = LocalCluster(
                n_workers=LOCAL_WORKERS,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            client = Client(cluster)
        else:
            try:
                client = Client(scheduler, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError, ValueError) as e:
                raise UsageError(f"cannot reach the Dask scheduler at {scheduler} ({e})") from None
        with client:
            n_workers = max(1, len(client.scheduler_info().get("workers", {})) or LOCAL_WORKERS)
            window = n_workers * IN_FLIGHT_PER_WORKER
            yield from _stream(client, as_completed, parts, ids, report, model, batch_size, window)
    finally:
        if cluster is not None:
            cluster.close()


def _stream(client, as_completed, parts, ids, report, model, batch_size, window) -> Iterator:
    """Keep `window` partitions running; yield finished ones strictly in partition order."""

    def submit(k: int):
        # pure=False: a re-run must recompute, never reuse a cached result for the same texts
        key = f"bbc-ingest-{token}-{k}"
        fut = client.submit(analyse_partition, parts[k], model, batch_size, pure=False, key=key)
        index[fut.key] = k
        return fut

    token = uuid.uuid4().hex[:12]  # task keys unique on a scheduler shared with other clients
    index: dict[str, int] = {}
    next_submit = min(window, len(parts))
    queue = as_completed([submit(k) for k in range(next_submit)])
    done: dict[int, PartitionResult | BaseException] = {}
    next_yield = 0
    for fut in queue:
        k = index.pop(fut.key)
        try:
            done[k] = fut.result()
        except Exception as e:  # noqa: BLE001  a lost worker or a task error fails that partition only
            done[k] = e
        fut.release()
        if next_submit < len(parts):
            queue.add(submit(next_submit))
            next_submit += 1
        while next_yield in done:
            yield from _collect(parts[next_yield], done.pop(next_yield), ids, report)
            next_yield += 1


def _collect(part: list[SourceFile], result, ids, report) -> Iterator:
    from bbc_timeline.ingest.prepare import PreparedFile, renamed

    if isinstance(result, BaseException):
        for source in part:
            report.failed.append(
                f"{source.path}: could not be analysed on the Dask cluster ({result.__class__.__name__}: {result})"
            )
        return
    report.failed += result.failed
    report.model = report.model or result.model
    for record in result.files:
        source = part[record.position]
        path_key = str(source.path.resolve())
        make_id = ids.for_path(path_key)
        mapping = {pd.document.id: make_id(pd.document.id) for pd in record.documents}
        documents = [renamed(pd, mapping) for pd in record.documents]
        analyses = [_rename_analysis(an, mapping) for an in record.analyses]
        yield PreparedFile(source, path_key, documents), analyses


def _rename_analysis(an, mapping: dict[str, str]):
    if all(mapping.get(m.doc, m.doc) == m.doc for m in an.entities) and all(
        mapping.get(s.doc, s.doc) == s.doc for s in an.sentences
    ):
        return an
    return replace(
        an,
        entities=[replace(m, doc=mapping.get(m.doc, m.doc)) for m in an.entities],
        sentences=[replace(s, doc=mapping.get(s.doc, s.doc)) for s in an.sentences],
    )
