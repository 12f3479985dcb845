"""Ingest at scale: cheap re-ingest, streamed reads for the resolver (model-free: blank spaCy)."""

from __future__ import annotations

import pytest

from bbc_timeline import ingest as ingest_mod
from bbc_timeline import sources
from bbc_timeline.models import Document, Mention, Sentence
from bbc_timeline.store import Store

ARTICLE = (
    "Ministers meet on border scheme\n\nMarch 3, 2019 10:00\n\n"
    "On 2 March 2019 the ministers of two neighbouring states met in the capital and agreed on a scheme. "
    "Two days later the parliament approved it after a long debate.\n"
)


def _corpus(tmp_path, n=3):
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    for i in range(n):
        (root / ("sub" if i % 2 else "") / f"a{i}.txt").write_text(ARTICLE.replace("2019", str(2010 + i)))
    return root


def test_unchanged_corpus_is_skipped_without_decoding_or_a_model(tmp_path, blank_nlp, monkeypatch):
    root = _corpus(tmp_path)
    db = tmp_path / "s.db"
    first = ingest_mod.ingest([root], db, nlp=blank_nlp)
    assert first.stored == 3 and not first.failed

    def boom(*a, **k):
        raise AssertionError("an unchanged file must not be decoded, analysed or resolved again")

    monkeypatch.setattr(sources, "read_source", boom)
    from bbc_timeline.ingest import prepare, resolving

    monkeypatch.setattr(prepare, "prepare_file", boom)
    monkeypatch.setattr(resolving, "resolve_store", boom)
    import bbc_timeline.nlp.pipeline as pipeline

    monkeypatch.setattr(pipeline, "load_pipeline", boom)
    again = ingest_mod.ingest([root], db)
    assert (again.skipped, again.stored, again.failed) == (3, 0, [])
    assert again.documents == first.documents


def test_a_changed_sidecar_counts_as_a_change(tmp_path, blank_nlp):
    root = _corpus(tmp_path)
    db = tmp_path / "s.db"
    ingest_mod.ingest([root], db, nlp=blank_nlp)
    (root / "a0.txt.meta.json").write_text('{"title": "Given title"}')
    again = ingest_mod.ingest([root], db, nlp=blank_nlp)
    assert (again.skipped, again.stored) == (2, 1)
    with Store(db) as s:
        titles = {d.title for d, _ in s.documents()}
    assert "Given title" in titles


def test_a_file_emptied_since_is_reported_on_reingest(tmp_path, blank_nlp):
    root = _corpus(tmp_path)
    db = tmp_path / "s.db"
    ingest_mod.ingest([root], db, nlp=blank_nlp)
    (root / "a0.txt").write_text("")
    again = ingest_mod.ingest([root], db, nlp=blank_nlp)
    assert again.skipped == 2 and len(again.failed) == 1 and "empty file" in again.failed[0]


def _store_with_documents(path, n):
    s = Store(path)
    for i in range(n):
        doc = f"d{i:03d}"
        text = f"Ann Lee met Bob Ray in Minsk on day {i}. They talked."
        s.replace_file(
            f"/x/{doc}.txt",
            f"{doc}.txt",
            "h",
            "utf-8",
            text,
            [Document(doc, f"{doc}.txt", 0, len(text))],
            [
                Mention(doc, "entity", 0, 7, "Ann Lee", "PERSON"),
                Mention(doc, "entity", 12, 19, "Bob Ray", "PERSON"),
                Mention(doc, "entity", 23, 28, "Minsk", "GPE"),
            ],
            [Sentence(doc, 0, len(text) - 12, True), Sentence(doc, len(text) - 11, len(text))],
        )
    return s


@pytest.mark.parametrize("n", [3, 30])
def test_bundles_are_read_with_a_constant_number_of_queries(tmp_path, n):
    s = _store_with_documents(tmp_path / "s.db", n)
    selects: list[str] = []
    s.conn.set_trace_callback(lambda sql: selects.append(sql) if sql.lstrip().upper().startswith("SELECT") else None)
    bundles = list(s.iter_document_bundles())
    s.conn.set_trace_callback(None)
    assert len(selects) <= 4
    assert [d.id for d, *_ in bundles] == [f"d{i:03d}" for i in range(n)]
    for doc, text, mentions, sentences in bundles:  # the same as the per-document reads
        assert text == s.file_text(doc.id)
        assert mentions == s.mentions(doc.id)
        assert sentences == s.sentences(doc.id)


def test_staged_names_come_back_one_document_at_a_time(tmp_path):
    s = _store_with_documents(tmp_path / "s.db", 4)
    canonical = {(f"d{i:03d}", 0, 7): "Ann Lee" for i in range(4)} | {("d002", 12, 19): "Bob Ray", ("d001", 23, 28): ""}
    s.stage_canonical(canonical)
    names: dict = {}
    seen = {}
    for doc, *_ in s.iter_document_bundles(names):
        assert all(key[0] == doc.id for key in names)
        seen[doc.id] = dict(names)
    assert seen["d002"] == {("d002", 0, 7): "Ann Lee", ("d002", 12, 19): "Bob Ray"}
    assert seen["d001"] == {("d001", 0, 7): "Ann Lee"}
    s.write_resolution([], None, [])
    assert s.canonical_names() == {k: v for k, v in canonical.items() if v}


def test_entity_mentions_for_the_resolver_are_light_and_in_reading_order(tmp_path):
    s = _store_with_documents(tmp_path / "s.db", 3)
    rows = s.entity_mentions_in_order()
    assert [(m.doc, m.start, m.text, m.type) for m in rows[:3]] == [
        ("d000", 0, "Ann Lee", "PERSON"),
        ("d000", 12, "Bob Ray", "PERSON"),
        ("d000", 23, "Minsk", "GPE"),
    ]
    assert rows[0].doc is rows[1].doc  # one string per document id
    assert all(m.kind == "entity" and m.titles == () for m in rows)


def test_resolve_store_matches_resolving_from_plain_lists(tmp_path):
    from bbc_timeline.resolve.chronology import build_chronology
    from bbc_timeline.resolve.entities import resolve_entities

    s = _store_with_documents(tmp_path / "s.db", 5)
    ingest_mod.resolve_store(s)
    got = [e["id"] for e in s.events()], s.entities(), s.canonical_names()
    resolution = resolve_entities(s.mentions(kind="entity"))
    types = {e.name: e.type for e in resolution.entities}
    bundles = [(d, s.file_text(d.id), s.mentions(d.id), s.sentences(d.id)) for d, _ in s.documents()]
    events = build_chronology(bundles, resolution.canonical, types)
    assert got[0] == [e.id for e in events]
    assert got[1] == sorted((e.to_dict() for e in resolution.entities), key=lambda e: (e["type"], e["name"]))
    assert got[2] == {k: v for k, v in resolution.canonical.items() if v}
