"""The writing side: ingest files into the store, extract mentions, resolve the chronology.

Imports spaCy and dateparser lazily, when a model is really needed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bbc_timeline.errors import InputError
from bbc_timeline.store import Store

if TYPE_CHECKING:  # the query path needs neither the file readers nor the value classes
    from bbc_timeline.models import Document, Mention, Sentence
    from bbc_timeline.sources import FoundFile, RawFile, SourceFile

Progress = Callable[[str, int], None]  # (event, amount): "total", "advance"


@dataclass
class IngestReport:
    files_seen: int = 0
    documents: int = 0
    mentions: int = 0
    events: int = 0
    skipped: int = 0
    stored: int = 0
    failed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    model: str | None = None


@dataclass(frozen=True)
class PreparedDocument:
    """A document with its dates found, waiting for the model."""

    document: Document
    timexes: list[Mention]


@dataclass(frozen=True)
class PreparedFile:
    source: SourceFile
    path_key: str
    documents: list[PreparedDocument]


# ---------------------------------------------------------------- preparing


def prepare_file(source: SourceFile, doc_ids: Callable[[str], str], dct: str | None = None) -> PreparedFile:
    """Split a decoded file into articles and resolve each one's dates (no model needed)."""
    from bbc_timeline.furniture import left_out
    from bbc_timeline.models import Document, Mention
    from bbc_timeline.sources import split_articles
    from bbc_timeline.temporal import resolve_document_dates

    stem = source.name.rsplit(".", 1)[0] if "." in Path(source.name).name else source.name
    docs: list[PreparedDocument] = []
    segments = split_articles(source.text)
    for k, seg in enumerate(segments):
        upto = segments[k + 1].start if k + 1 < len(segments) else len(source.text)  # its furniture after it, too
        doc_id = doc_ids(stem if seg.index == 0 else f"{stem}-{seg.index + 1}")
        meta = source.meta if seg.index == 0 else {}
        known = dct or _meta_date(meta)
        dates = resolve_document_dates(source.text, seg.start, seg.end, published=known)
        basis = dates.basis
        if dct:
            basis = "given"
        document = Document(
            id=doc_id,
            file=source.name,
            start=seg.start,
            end=seg.end,
            title=str(meta.get("title") or seg.title),
            published=dates.published,
            published_basis=basis,
            url=meta.get("url"),
            left_out=left_out(source.furniture, seg.start, upto) or None,
        )
        timexes = [
            Mention(
                doc=doc_id,
                kind="timex",
                start=t.start,
                end=t.end,
                text=t.text,
                type=t.type,
                value=t.value,
                end_value=t.end_value,
                mod=t.mod,
                anchor=t.anchor,
            )
            for t in dates.timexes
        ]
        docs.append(PreparedDocument(document, timexes))
    path_key = str(source.path.resolve())
    return PreparedFile(source, path_key, docs)


def _meta_date(meta: dict) -> str | None:
    value = meta.get("published")
    if not value:
        return None
    value = str(value).strip()
    return value[:10] if len(value) >= 10 else value


class _DocIds:
    """Document ids: the file's relative name without suffix, made unique per file path."""

    def __init__(self, used: dict[str, str]):
        self.used = dict(used)

    def for_path(self, path_key: str) -> Callable[[str], str]:
        def make(base: str) -> str:
            import hashlib

            owner = self.used.get(base)
            if owner is None or owner == path_key:
                self.used[base] = path_key
                return base
            alt = f"{base}~{hashlib.sha1(path_key.encode()).hexdigest()[:6]}"
            self.used[alt] = path_key
            return alt

        return make


# ---------------------------------------------------------------- ingest


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
            ids = _DocIds(store.used_doc_ids())
            sources = _decoded(todo, report, progress)
            if dask:  # the model runs on the cluster's workers; the store is still written here
                from bbc_timeline.distributed import analyse_with_dask

                files = analyse_with_dask(list(sources), ids, report, dask, model, batch_size)
            else:
                if nlp is None:
                    from bbc_timeline.nlp.pipeline import load_pipeline, model_name

                    nlp = load_pipeline(model)
                    report.model = model_name(nlp)
                files = _analyse_files(nlp, sources, ids, report, workers, batch_size)
            for prepared, analyses in files:
                _store_file(store, prepared, analyses, report)
                if progress:
                    progress("advance", 1)
        if report.stored or not store.is_resolved() or store.meta("resolver") != resolver_fingerprint():
            resolve_store(store)
        counts = store.counts()
        report.documents = counts["documents"]
        report.mentions = counts["mentions"]
        report.events = counts["events"]
    return report


_KEEP_RAW = 256  # changed files whose bytes are kept from the hash check (the rest are read again)


def _decoded(todo: list, report: IngestReport, progress: Progress | None) -> Iterator[SourceFile]:
    """Decode changed files one at a time; a file that cannot be read is reported and skipped."""
    from bbc_timeline.sources import read_source

    for f, raw in todo:
        try:
            source = read_source(f.path, f.name, raw)
        except InputError as e:
            report.failed.append(str(e))
            if progress:
                progress("advance", 1)
            continue
        if source.encoding != "utf-8":
            report.notes.append(f"{f.path}: not valid UTF-8, read as {source.encoding}")
        yield source


def _analyse_files(nlp, sources: Iterable[SourceFile], ids: _DocIds, report: IngestReport, workers: int,
                   batch_size: int):
    """Yield (PreparedFile, analyses) per file, streaming documents through nlp.pipe."""
    from bbc_timeline.nlp.pipeline import analyse

    pending: dict[int, tuple[PreparedFile, list]] = {}

    def items() -> Iterator[tuple[str, tuple]]:
        for n, source in enumerate(sources):
            try:
                prepared = prepare_file(source, ids.for_path(str(source.path.resolve())))
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


def _store_file(store: Store, prepared: PreparedFile, analyses: list, report: IngestReport) -> None:
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


def resolver_fingerprint() -> str:
    """Changes whenever the resolver's code or the alias file does: then stored events are rebuilt."""
    import hashlib

    from bbc_timeline.lexicon import data_files

    h = hashlib.sha256()
    for p in sorted((Path(__file__).parent / "resolve").glob("*.py")):
        h.update(p.read_bytes())
    for p in data_files():  # the word lists the resolver reads
        h.update(p.read_bytes())
    aliases = alias_file()
    if aliases is not None and aliases.exists():
        h.update(aliases.read_bytes())
    return h.hexdigest()[:16]


def resolve_store(store: Store) -> None:
    """Recompute entities and events from every stored document (one transaction)."""
    from bbc_timeline.resolve.aliases import load_aliases
    from bbc_timeline.resolve.chronology import build_chronology
    from bbc_timeline.resolve.entities import resolve_entities

    aliases = load_aliases(alias_file())
    resolution = resolve_entities(store.iter_entity_mentions(), aliases)
    entities = resolution.entities
    entity_types = {e.name: e.type for e in entities}
    # Every mention's name is needed only while its own document's events are drafted:
    # staged in the store, they come back one document at a time instead of all staying in memory.
    store.stage_canonical(resolution.canonical)
    del resolution
    names: dict[tuple[str, int, int], str] = {}  # refilled for each document as the bundles are read
    events = build_chronology(store.iter_document_bundles(names), names, entity_types)
    store.write_resolution(entities, None, events, resolver=resolver_fingerprint())


def alias_file() -> Path | None:
    """The user's alias file: $BBC_TIMELINE_ALIASES, else data/aliases.toml beside the package, if present."""
    import os

    env = os.environ.get("BBC_TIMELINE_ALIASES")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent.parent / "data" / "aliases.toml"
    return here if here.exists() else None


# ---------------------------------------------------------------- extract


def extract(
    paths: list[Path], *, dct: str | None = None, model: str | None = None, nlp: Any = None
) -> Iterator[dict]:
    """Mentions as the contract's JSON records, without touching the store."""
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

    ids = _DocIds({})
    report = IngestReport()
    files = list(_analyse_files_with_dct(nlp, sources, ids, report, dct))
    if report.failed:
        raise InputError(report.failed[0])
    all_entities = [m for prepared, analyses in files for an in analyses for m in an.entities]
    canonical = resolve_entities(all_entities, load_aliases(alias_file())).canonical
    for prepared, analyses in files:
        for pd, an in zip(prepared.documents, analyses, strict=False):
            ms = sorted(pd.timexes + an.entities, key=lambda m: (m.start, m.end))
            for m in ms:
                yield _contract_mention(prepared.source.name, m, canonical)


def _analyse_files_with_dct(nlp, sources, ids, report, dct):
    if dct is None:
        yield from _analyse_files(nlp, sources, ids, report, 1, 32)
        return
    from bbc_timeline.nlp.pipeline import analyse

    for source in sources:
        prepared = prepare_file(source, ids.for_path(str(source.path.resolve())), dct=dct)
        items = [
            (source.text[pd.document.start : pd.document.end], (pd.document.id, pd.document.start, 0))
            for pd in prepared.documents
        ]
        yield prepared, [an for an, _ in analyse(nlp, items)]


def _contract_mention(file: str, m: Mention, canonical: dict) -> dict:
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
