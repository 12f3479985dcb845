"""Analysis: prepared articles through the spaCy model, streamed; shared by the local and the Dask path.

Whatever the text, the model's cost stays linear and bounded: a document over
prepare.PIECE_CHARS goes through the model in pieces (offsets kept, results joined),
and long runs of punctuation, which spaCy's tokenizer splits one character at a time
in quadratic time, are blanked to spaces in the copy the model reads.
"""

from __future__ import annotations

import os
import re
import signal
import threading
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from bbc_timeline.ingest import prepare

if TYPE_CHECKING:
    from bbc_timeline.ingest.prepare import PreparedFile
    from bbc_timeline.ingest.report import IngestReport
    from bbc_timeline.sources import SourceFile

# 64 '=' take the tokenizer about 2 ms; 10,000 take about a minute. No word is in such a run.
_PUNCT_RUN = re.compile(r"[^\w\s]{64,}")


def model_text(text: str) -> str:
    """The text the model reads: runs of 64+ punctuation characters blanked (same length, same offsets)."""
    if _PUNCT_RUN.search(text) is None:
        return text
    return _PUNCT_RUN.sub(lambda m: " " * len(m.group(0)), text)


def analyse_files(
    nlp: Any,
    sources: Iterable[SourceFile],
    ids: Any,
    report: IngestReport,
    workers: int = 1,
    batch_size: int = 32,
    dct: str | None = None,
) -> Iterator[tuple[PreparedFile, list]]:
    """Yield (PreparedFile, analyses) per file, in input order, streaming documents through nlp.pipe.

    `ids` gives each file's document-id maker (`ids.for_path(path_key)`). A file that
    cannot be prepared is added to report.failed and not yielded: one bad file never
    stops the others.
    """
    from bbc_timeline.nlp.pipeline import analyse

    # file number -> (prepared file, pieces still to come, analyses per document)
    pending: dict[int, tuple[PreparedFile, list[int], list[list]]] = {}

    def items() -> Iterator[tuple[str, tuple]]:
        for n, source in enumerate(sources):
            try:
                prepared = prepare.prepare_file(source, ids.for_path(str(source.path.resolve())), dct=dct)
            except Exception as e:  # one bad file never stops the others
                report.failed.append(f"{source.path}: could not be analysed ({e.__class__.__name__}: {e})")
                continue
            spans = [prepare.pieces(source.text, pd.document.start, pd.document.end) for pd in prepared.documents]
            pending[n] = (prepared, [sum(len(s) for s in spans)], [[] for _ in spans])
            for k, (pd, doc_spans) in enumerate(zip(prepared.documents, spans, strict=True)):
                for a, b in doc_spans:
                    yield model_text(source.text[a:b]), (pd.document.id, a, n, k)

    with _worker_guard(workers):
        for analysis, ctx in analyse(nlp, items(), batch_size=batch_size, workers=workers):
            n, k = ctx[2], ctx[3]
            prepared, left, got = pending[n]
            got[k].append(analysis)
            left[0] -= 1
            if not left[0]:
                del pending[n]
                yield prepared, [_joined(parts) for parts in got]
    for prepared, _left, got in pending.values():  # files whose every segment was empty
        yield prepared, [_joined(parts) for parts in got if parts]


def _joined(parts: list) -> Any:
    """One document's analysis from its pieces' (in order)."""
    if len(parts) == 1:
        return parts[0]
    from bbc_timeline.nlp.pipeline import Analysis

    return Analysis([s for p in parts for s in p.sentences], [m for p in parts for m in p.entities])


_HOOKED = False


@contextmanager
def _worker_guard(workers: int) -> Iterator[None]:
    """With model worker processes: Ctrl-C kills them first, then interrupts, so that nothing waits on
    a worker still busy with its batch (nlp.pipe joins its workers when it is interrupted)."""
    if workers <= 1 or threading.current_thread() is not threading.main_thread():
        yield
        return
    _workers_die_with_us()

    def on_sigint(signum, frame):
        end_workers()
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r"\[W127\]")  # "not all workers completed": we ended them
            yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _workers_die_with_us() -> None:
    """Model worker processes (forked by nlp.pipe) ignore Ctrl-C, which the parent handles by ending them,
    and are killed by the kernel if the parent dies, even by kill -9: none is ever left behind."""
    global _HOOKED
    if _HOOKED or not hasattr(os, "register_at_fork"):
        return
    os.register_at_fork(after_in_child=_in_worker)
    _HOOKED = True


def _in_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
        if os.getppid() == 1:  # the parent died before the request took effect
            os._exit(1)
    except (OSError, AttributeError):  # not Linux: Ctrl-C is still handled by the parent
        pass


def end_workers() -> None:
    """Kill the model's worker processes now (on Ctrl-C or an error), instead of waiting on them at exit."""
    import gc
    import multiprocessing
    from multiprocessing.queues import Queue

    children = multiprocessing.active_children()
    if not children:
        return
    for p in children:
        p.kill()
    for p in children:
        p.join(timeout=5)
    # nlp.pipe's queues to the dead workers may hold unsent batches: without this, the interpreter
    # would wait at exit for their feeder threads to write into pipes nobody reads (a hang after Ctrl-C).
    for obj in gc.get_objects():
        if isinstance(obj, Queue):
            obj.cancel_join_thread()
