"""Importance from evidence a reader accepts; reprints of one story count as one source."""

from collections import Counter

from bbc_timeline.models import DateValue, Event, Source
from bbc_timeline.resolve import importance
from bbc_timeline.resolve.importance import DocInfo, reprint_clusters, score, sketch

STORY = ("The river authority opened the new flood barrier on Monday after six years of building work, "
         "and engineers said it would protect about forty thousand homes in the lower valley from the winter "
         "storms that flooded the town twice in the last decade. ") * 2
OTHER = ("A local choir won the national competition in the capital, singing three songs in four languages "
         "before a jury of composers who praised its young soloists and their teacher. ") * 2


def test_near_identical_documents_are_one_source_and_others_are_not():
    reprint = STORY.replace("about forty", "some forty")
    clusters = reprint_clusters([("a", sketch(STORY)), ("b", sketch(reprint)), ("c", sketch(OTHER))])
    assert clusters == {"a": "a", "b": "a", "c": "c"}
    assert reprint_clusters([("x", ()), ("y", ())]) == {"x": "x", "y": "y"}  # too short to compare


def _event(eid: str, docs: list[str], *, day: str = "2019-03-02", quote: str = "The council voted to close it.",
           kind: str = "event", actors: tuple[str, ...] = (), precision: str = "day") -> Event:
    value = day if precision == "day" else day[:4]
    date = DateValue(value, day if precision == "day" else f"{day[:4]}-01-01",
                     day if precision == "day" else f"{day[:4]}-12-31", precision)
    sources = tuple(Source(doc=d, file=f"{d}.txt", start=0, end=len(quote), quote=quote) for d in docs)
    return Event(id=eid, date=date, date_basis="explicit", summary=quote, sources=sources, actors=actors, kind=kind)


def test_importance_orders_by_independent_reports_and_keeps_background_low():
    docs = {d: DocInfo("2019-03-05", d) for d in ("a", "b", "c", "d")}
    docs["r"] = DocInfo("2019-03-05", "a")  # a reprint of a
    events = [
        _event("many", ["a", "b", "c"]),
        _event("reprinted", ["a", "r"]),
        _event("one", ["d"]),
        _event("period", ["a", "b", "c"], kind="period"),
        _event("opinion", ["b", "c"], quote="I think my town deserves better than this?"),
        _event("history", ["a", "b"], day="1850-06-01", precision="year"),
    ]
    got = {e.id: e for e in score(events, docs, Counter())}
    assert got["many"].importance > got["reprinted"].importance
    assert got["reprinted"].independent == 1 and got["many"].independent == 3
    assert got["reprinted"].importance == got["one"].importance  # a reprint adds nothing
    for low in ("period", "opinion", "history"):
        assert got[low].importance < got["many"].importance
    assert any("background" in line for line in got["history"].importance_evidence)
    assert any("period" in line for line in got["period"].importance_evidence)
    assert all(0.0 <= e.importance <= 1.0 for e in got.values())


def test_later_articles_and_central_people_raise_importance():
    docs = {"a": DocInfo("2019-03-02", "a"), "b": DocInfo("2019-03-20", "b"), "c": DocInfo("2019-03-02", "c"),
            "d": DocInfo("2019-03-02", "d")}
    looked_back = _event("back", ["a", "b"])
    same_day = _event("same", ["c", "d"])
    got = {e.id: e for e in score([looked_back, same_day], docs, Counter())}
    assert got["back"].importance > got["same"].importance
    assert any("later article" in line for line in got["back"].importance_evidence)
    central = _event("central", ["c"], actors=("Mayor Vale",))
    plain = _event("plain", ["d"])
    got = {e.id: e for e in score([central, plain], docs, Counter({"Mayor Vale": 4}))}
    assert got["central"].importance > got["plain"].importance
    assert any("Mayor Vale is named in 4 of 4 documents" in line for line in got["central"].importance_evidence)


def test_sketch_ignores_case_and_punctuation():
    assert sketch("The Barrier opened, on Monday; after years of work.") == \
        sketch("the barrier opened on monday after years of work")
    assert importance.sketch("too short") == ()


def test_a_wire_story_reprinted_by_hundreds_is_one_source_and_a_crowded_template_costs_its_length():
    # 300 outlets print one story (a few words changed each), 300 pages share a template but tell
    # different stories: the first are one source, the second stay 300 (and are not compared pair by pair)
    words = STORY.split()
    reprints = [(f"r{i}", sketch(" ".join(words[:30] + [f"edited{i}"] + words[31:]))) for i in range(300)]
    template = " ".join(f"boilerplate{k}" for k in range(40)) + " "  # a long page header every page carries
    pages = [(f"p{i}", sketch(template + " ".join(f"w{i}x{k}" for k in range(40)))) for i in range(300)]
    calls = 0
    original = importance._similarity

    def counted(a, b):
        nonlocal calls
        calls += 1
        return original(a, b)

    importance._similarity = counted
    try:
        clusters = reprint_clusters(reprints + pages)
    finally:
        importance._similarity = original
    assert {clusters[f"r{i}"] for i in range(300)} == {"r0"}
    assert len({clusters[f"p{i}"] for i in range(300)}) == 300
    assert calls < 40_000  # all pairs of the 600 would be 179,700 per shared hash
