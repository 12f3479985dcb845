"""Queries run in SQL: full-text search, paging, ranking, entity lookup through indexes."""

import json
import sqlite3

import pytest

from bbc_timeline import api
from bbc_timeline.models import DateValue, Document, Entity, Event, Source
from bbc_timeline.store import MIGRATIONS, Store, fts_query


def _doc(i="d1"):
    return Document(id=i, file=f"{i}.txt", start=0, end=20, title="t", published="2017-07", published_basis="inferred")


def _ev(eid, day, summary, quotes=("q",), actors=(), importance=0.0):
    dv = DateValue(day, day, day, "day")
    sources = tuple(Source("d1", "d1.txt", 0, 5, q) for q in quotes)
    return Event(eid, dv, "explicit", summary, actors=actors, sources=sources, importance=importance)


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "s.db")
    s.replace_file("/a", "a.txt", "h", "utf-8", "x" * 20, [_doc()], [], [])
    events = [
        _ev("e1", "2016-03-01", "China’s army moved to the border.", actors=("Ann Lee",), importance=0.2),
        _ev("e2", "2016-03-02", "Протесты в Москве продолжились.", quotes=("Толпа собралась у Кремля.",)),
        _ev("e3", "2016-03-03", "Les manifestants à Montréal.", quotes=("The protesters marched.",),
            actors=("Ann Lee",), importance=0.9),
        _ev("e4", "2016-03-04", "China says it will talk.", actors=("Ann Lee",), importance=0.5),
        _ev("e5", "2016-03-05", "A vote in the sources committee.", quotes=("date_basis summary actors",)),
    ]
    ents = [
        Entity("person:ann-lee", "person", "Ann Lee", ("Ann Lee", "Lee"), mentions=3),
        Entity("org:un", "org", "United Nations", ("UN",), mentions=9),
        Entity("person:bo", "person", "Bo Chen", (), mentions=1),
    ]
    s.write_resolution(ents, {}, events)
    yield s
    s.close()


def ids(events):
    return [e["id"] for e in events]


@pytest.mark.parametrize(
    "words,expected",
    [
        (["China’s"], ["e1"]),  # typographic apostrophe
        (["China's"], ["e1"]),  # typed apostrophe finds the typographic one, and not "China says"
        (["china"], ["e1", "e4"]),
        (["протесты"], ["e2"]),  # Cyrillic, any case
        (["кремля"], ["e2"]),  # in a quote, not the summary
        (["montreal"], ["e3"]),  # accents folded
        (["protest"], ["e3"]),  # a word finds longer words it begins
        (["china", "talk"], ["e4"]),  # all words
        (["sources"], ["e5"]),  # the word in text, never a JSON key ("sources" is a key of every event)
        (["date_basis"], ["e5"]),
        (["quote"], []),  # a JSON key only
        (["AND"], []),  # FTS5 operators are text
        (["—"], []),  # no letters: nothing, not everything
    ],
)
def test_text_search_is_full_text_over_summary_and_quotes(store, words, expected):
    assert ids(store.events(text_words=words)) == expected
    assert store.count_events(text_words=words) == len(expected)


def test_fts_query_quotes_user_words():
    assert fts_query(["NEAR(", 'a"b']) == '"NEAR(" AND "a""b"'
    assert fts_query(["protest"]) == '"protest"*'
    assert fts_query(["—", "..."]) is None


def test_paging_and_orders_in_sql(store):
    assert ids(store.events(limit=2)) == ["e1", "e2"]
    assert ids(store.events(limit=2, offset=2)) == ["e3", "e4"]
    assert ids(store.events(offset=4)) == ["e5"]
    assert ids(store.events(order="importance", limit=2)) == ["e3", "e4"]
    assert ids(store.events(order="latest", limit=1)) == ["e5"]
    assert store.count_events(since="2016-03-02", until="2016-03-03") == 2
    assert store.count_events(names=[("actor", "ann lee")]) == 3


def test_api_top_events_are_the_most_important_in_date_order(store):
    assert ids(api.top_events(store, api.EventFilter(), 2)) == ["e3", "e4"]
    assert api.count_events(store, api.EventFilter(text="china")) == 2
    assert ids(api.query_events(store, api.EventFilter(limit=1, offset=1))) == ["e2"]


def test_entity_page_ranks_a_long_list_and_keeps_the_span(store, monkeypatch):
    entity = api.find_entity(store, "lee")
    page = api.entity_page(store, entity)
    assert (ids(page.events), page.total, page.ranked) == (["e1", "e3", "e4"], 3, False)
    monkeypatch.setattr(api, "SCREENFUL", 2)
    page = api.entity_page(store, entity)
    assert ids(page.events) == ["e3", "e4"] and page.ranked  # most important two, in date order
    assert (page.first["id"], page.last["id"]) == ("e1", "e4")  # the span is the whole entity's
    page = api.entity_page(store, entity, limit=1, offset=1)
    assert ids(page.events) == ["e3"] and not page.ranked


def test_entities_ranked_and_paged_by_mention_column(store):
    names = lambda es: [e["name"] for e in es]  # noqa: E731
    assert names(store.entities(order="mentions")) == ["United Nations", "Ann Lee", "Bo Chen"]
    assert names(store.entities("person", order="mentions", limit=1, offset=1)) == ["Bo Chen"]
    assert names(store.entities()) == ["United Nations", "Ann Lee", "Bo Chen"]  # by type then name
    assert store.count_entities("person") == 2
    assert names(store.entities_by_id(["person:bo", "org:un"])) == ["United Nations", "Bo Chen"]


def test_queries_use_indexes_not_scans(store):
    plan = lambda sql, *a: " ".join(r[3] for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql, a))  # noqa: E731
    actor = plan(
        "SELECT data FROM events e WHERE e.id IN (SELECT n.event FROM event_names n WHERE n.name = ? AND n.role = ?)",
        "ann lee", "actor",
    )
    assert "SCAN e" not in actor and "event_names_name" in actor
    assert "USING INDEX" in plan("SELECT data FROM entities ORDER BY mentions DESC, type, name LIMIT 40")
    assert "entity_names_name" in plan("SELECT entity FROM entity_names WHERE name = ?", "lee")


def test_an_old_store_migrates_with_text_index_and_mention_counts(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    for step in MIGRATIONS[:2]:
        step(conn)
    conn.execute("PRAGMA user_version = 2")
    conn.execute(f"PRAGMA application_id = {0x42424354}")
    ev = _ev("e1", "2016-03-01", "Riot police moved in.", quotes=("Demonstrators fled.",)).to_dict()
    conn.execute(
        "INSERT INTO events(id, date_start, date_end, position, n_sources, data) VALUES (?, ?, ?, 0, 1, ?)",
        ("e1", "2016-03-01", "2016-03-01", json.dumps(ev)),
    )
    ent = Entity("person:x", "person", "X Y", mentions=7)
    conn.execute("INSERT INTO entities(id, type, name, data) VALUES (?, ?, ?, ?)",
                 (ent.id, ent.type, ent.name, json.dumps(ent.to_dict())))
    conn.close()
    with Store(path) as s:
        assert ids(s.events(text_words=["demonstrators"])) == ["e1"]
        assert s.conn.execute("SELECT mentions FROM entities").fetchone()[0] == 7


def test_page_footer_says_what_is_shown_and_how_to_see_the_rest():
    from bbc_timeline.render import page_footer

    assert page_footer(3, 3) is None
    assert page_footer(40, 100).plain.startswith("Showing 1-40 of 100; --all")
    assert "41-80 of 100" in page_footer(40, 100, offset=40).plain
    assert "the 40 most important of 100, in date order" in page_footer(40, 100, ranked=True).plain
    assert "none of 100" in page_footer(0, 100, offset=500).plain


def test_chart_counts_in_sql_equal_the_counts_of_the_events(store):
    from bbc_timeline.chart import buckets_from_starts, chart_counts

    for by in ("year", "month"):
        assert chart_counts(buckets_from_starts(store.event_starts(), by), by) == chart_counts(store.events(), by)
    mine = store.event_starts(names=[("actor", "ann lee")])
    assert sum(n for _, _, n in mine) == 3


def test_week_dates_have_a_place_in_charts():
    from bbc_timeline.chart import chart_counts

    week = {"date": {"value": "2017-W30", "start": "2017-07-24", "end": "2017-07-30", "precision": "week"}}
    assert chart_counts([week], "month") == {"by": "month", "counts": [{"period": "2017-07", "count": 1}],
                                             "not_shown": 0}


def test_fuzzy_lookup_reads_candidates_not_every_alias(store):
    assert {a for a, _ in store.alias_candidates("Ann Leee")} == {"ann lee", "lee"}
    assert api.find_entity(store, "United Nationz")["name"] == "United Nations"
    with pytest.raises(Exception, match="did you mean"):
        api.find_entity(store, "Bo Chan Wu Xi")


def test_actor_view_shows_a_screenful_of_merge_evidence():
    from rich.console import Console

    from bbc_timeline.render import EVIDENCE_SHOWN, entity_view

    entity = {"name": "Ann Lee", "type": "person", "aliases": ["Ann Lee"], "titles": [], "mentions": 40,
              "evidence": [f"Lee → Ann Lee: shorter form in doc{i}" for i in range(30)]}
    console = Console(width=100, record=True)
    console.print(entity_view(entity, []))
    text = console.export_text()
    assert "doc11" in text and f"doc{EVIDENCE_SHOWN}" not in text and "and 18 more (--json gives them all)" in text
