"""Analysis: prepared articles through the spaCy model, streamed; shared by the local and the Dask path.

Whatever the text, the model's cost stays linear and bounded: a document over
prepare.PIECE_CHARS goes through the model in pieces of prepare.MODEL_PIECE_CHARS (offsets
kept, results joined),
and long runs of punctuation, which spaCy's tokenizer splits one character at a time
in quadratic time, are blanked to spaces in the copy the model reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from bbc_timeline.ingest import prepare, processes

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
                prepared = prepare.prepare_guarded(source, ids.for_path(str(source.path.resolve())), dct=dct)
            except prepare.TooSlow as e:
                report.failed.append(f"{source.path}: {e}")
                continue
            except Exception as e:  # one bad file never stops the others
                report.failed.append(f"{source.path}: could not be analysed ({e.__class__.__name__}: {e})")
                continue
            spans = [_model_spans(source.text, pd.document.start, pd.document.end) for pd in prepared.documents]
            pending[n] = (prepared, [sum(len(s) for s in spans)], [[] for _ in spans])
            for k, (pd, doc_spans) in enumerate(zip(prepared.documents, spans, strict=True)):
                for a, b in doc_spans:
                    yield model_text(source.text[a:b]), (pd.document.id, a, n, k)

    with processes.worker_guard(workers):
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


def _model_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """What the model reads of a document: the whole, or for one over PIECE_CHARS, small pieces."""
    if end - start <= prepare.PIECE_CHARS:
        return [(start, end)]
    return prepare.pieces(text, start, end, size=prepare.MODEL_PIECE_CHARS)


def _joined(parts: list) -> Any:
    """One document's analysis from its pieces' (in order)."""
    if len(parts) == 1:
        return parts[0]
    from bbc_timeline.nlp.pipeline import Analysis

    return Analysis([s for p in parts for s in p.sentences], [m for p in parts for m in p.entities])
