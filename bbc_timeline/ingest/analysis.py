"""Analysis: prepared articles through the spaCy model, streamed; shared by the local and the Dask path."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from bbc_timeline.ingest import prepare

if TYPE_CHECKING:
    from bbc_timeline.ingest.prepare import PreparedFile
    from bbc_timeline.ingest.report import IngestReport
    from bbc_timeline.sources import SourceFile


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

    pending: dict[int, tuple[PreparedFile, list]] = {}

    def items() -> Iterator[tuple[str, tuple]]:
        for n, source in enumerate(sources):
            try:
                prepared = prepare.prepare_file(source, ids.for_path(str(source.path.resolve())), dct=dct)
            except Exception as e:  # one bad file never stops the others
                report.failed.append(f"{source.path}: could not be analysed ({e.__class__.__name__}: {e})")
                continue
            pending[n] = (prepared, [])
            for pd in prepared.documents:
                d = pd.document
                yield source.text[d.start : d.end], (d.id, d.start, n)

    for analysis, ctx in analyse(nlp, items(), batch_size=batch_size, workers=workers):
        n = ctx[2]
        prepared, got = pending[n]
        got.append(analysis)
        if len(got) == len(prepared.documents):
            del pending[n]
            yield prepared, got
    for prepared, got in pending.values():  # files whose every segment was empty
        yield prepared, got
