import sqlite3

import pytest

from bbc_timeline.errors import StoreError
from bbc_timeline.models import DateValue, Document, Entity, Event, Mention, Sentence, Source
from bbc_timeline.store import MIGRATIONS, SCHEMA_V1, Store


def _doc(i="d1"):
    return Document(id=i, file=f"{i}.txt", start=0, end=20, title="t", published="2017-07", published_basis="inferred")


def test_blank_database_migrates_to_the_schema(tmp_path):
    with Store(tmp_path / "s.db") as s:
        version = s.conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in s.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert version == len(MIGRATIONS)
    expected = {line.split()[2] for line in SCHEMA_V1.splitlines() if line.startswith("CREATE TABLE")}
    tables = {t for t in tables if not t.startswith("event_text")}  # the full-text index (migration 3)
    # each event's documents (migration 4), romanisation keys of entity names (migration 5)
    assert tables == expected | {"event_sources", "entity_keys"}


def test_not_sqlite_is_a_clear_error(tmp_path):
    p = tmp_path / "s.db"
    p.write_text("this is not a database, just text " * 100)
    with pytest.raises(StoreError, match="not an SQLite database"):
        Store(p)
    with pytest.raises(StoreError, match="not an SQLite database"):
        Store(p, readonly=True)


def test_foreign_sqlite_file_is_refused(tmp_path):
    p = tmp_path / "other.db"
    c = sqlite3.connect(p)
    c.execute("CREATE TABLE x(a)")
    c.commit()
    c.close()
    with pytest.raises(StoreError, match="not a timeline store"):
        Store(p)


def test_missing_store_for_queries(tmp_path):
    with pytest.raises(StoreError, match="timeline ingest"):
        Store(tmp_path / "none.db", readonly=True)
    assert not (tmp_path / "none.db").exists()


def test_replace_file_is_all_or_nothing(tmp_path):
    s = Store(tmp_path / "s.db")
    s.replace_file("/a", "a.txt", "h1", "utf-8", "x" * 20, [_doc()], [], [Sentence("d1", 0, 20)])
    bad_mentions = [Mention("d1", "timex", 0, 4, "2017", "DATE", "2017"), Mention("nope", "timex", 0, 1, "x", "DATE")]
    with pytest.raises(sqlite3.IntegrityError):
        s.replace_file("/a", "a.txt", "h2", "utf-8", "y" * 20, [_doc()], bad_mentions, [])
    assert s.file_hashes() == {"/a": "h1"}
    assert len(s.sentences("d1")) == 1


def test_interrupt_inside_a_transaction_rolls_back(tmp_path):
    s = Store(tmp_path / "s.db")
    with pytest.raises(KeyboardInterrupt):
        with s.transaction() as c:
            c.execute("INSERT INTO meta(key, value) VALUES ('k', 'v')")
            raise KeyboardInterrupt
    assert s.conn.execute("SELECT count(*) FROM meta WHERE key='k'").fetchone()[0] == 0


def _event(eid, start, end, value, actors=(), n=1):
    dv = DateValue(value, start, end, "day" if len(value) == 10 else "month")
    sources = tuple(Source(f"d{i}", "f", 0, 5, "q") for i in range(n))
    return Event(eid, dv, "explicit", "summary " + eid, actors=actors, sources=sources)


def test_event_filters(tmp_path):
    s = Store(tmp_path / "s.db")
    s.replace_file("/a", "a.txt", "h", "utf-8", "x" * 20, [_doc()], [], [])
    events = [
        _event("e1", "2016-03-01", "2016-03-01", "2016-03-01"),
        _event("e2", "2017-06-01", "2017-07-31", "2017-06-01", actors=("Ann Lee",), n=2),
        _event("e3", "2017-08-02", "2017-08-02", "2017-08-02"),
    ]
    ents = [Entity("person:ann-lee", "person", "Ann Lee", ("Ann Lee", "Lee"))]
    s.write_resolution(ents, {}, events)
    ids = lambda evs: [e["id"] for e in evs]  # noqa: E731
    assert ids(s.events(since="2017-07-01")) == ["e2", "e3"]  # an interval overlapping the bound is in
    assert ids(s.events(until="2017-05-31")) == ["e1"]
    assert ids(s.events(names=[("actor", "ann lee")])) == ["e2"]
    assert ids(s.events(min_sources=2)) == ["e2"]
    assert ids(s.events(limit=1)) == ["e1"]
    assert ids(s.events(text_words=["summary", "e3"])) == ["e3"]
    assert s.entity_ids_by_alias("LEE") == ["person:ann-lee"]
