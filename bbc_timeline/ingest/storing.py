"""Storing: one analysed file's documents, mentions and sentences, in one transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bbc_timeline.ingest.prepare import PreparedFile
    from bbc_timeline.ingest.report import IngestReport
    from bbc_timeline.models import Mention, Sentence
    from bbc_timeline.store import Store


def store_file(store: Store, prepared: PreparedFile, analyses: list, report: IngestReport) -> None:
    mentions: list[Mention] = []
    sentences: list[Sentence] = []
    for pd, an in zip(prepared.documents, analyses, strict=False):
        mentions += pd.timexes
        mentions += an.entities
        sentences += an.sentences
    src = prepared.source
    store.replace_file(
        prepared.path_key,
        src.name,
        src.sha256,
        src.encoding,
        src.text,
        [pd.document for pd in prepared.documents],
        mentions,
        sentences,
    )
    report.stored += 1
