"""Merging across documents looks only at pairs that could merge, and gives what all pairs would."""

import random

from bbc_timeline.models import DateValue
from bbc_timeline.resolve import chronology
from bbc_timeline.resolve.chronology import MIN_COMMON_WORDS, candidate_pairs, merge_groups
from bbc_timeline.timevalues import interval

WORDS = [f"w{n:03d}" for n in range(60)]
NAMES = ["Anna Berg", "Marko Petrov", "Olaf Grent", "Ines Vale"]
PLACES = ["Northland", "Ruritania", "Osterlich"]


def _record(rng: random.Random, order: int) -> chronology._Record:
    kind = rng.random()
    if kind < 0.6:
        day = rng.randint(1, 6)
        date = interval(f"2019-05-{day:02d}")
    elif kind < 0.75:
        day = rng.randint(1, 5)
        date = interval(f"2019-05-{day:02d}", f"2019-05-{day + rng.randint(1, 4):02d}")
    elif kind < 0.8:
        date = interval("2019-05-02", "2019-07-20")  # a day-precision span longer than a month
    else:
        date = interval("2019-05")
    assert isinstance(date, DateValue)
    stems = " ".join(sorted(set(rng.sample(WORDS[: rng.choice([12, 60])], rng.randint(2, 9)))))
    actors = tuple(rng.sample(NAMES, rng.randint(0, 2)))
    return chronology._Record(
        order=order, doc=f"d{rng.randint(0, 12)}", date=date, basis="explicit", key=None,
        lead=frozenset(actors[:1]), names=(actors, (), tuple(rng.sample(PLACES, rng.randint(0, 1))), ()),
        confidence=0.9, span=(0, 1), summary="", sources=(), stems=stems,
    )


def _all_pairs_groups(records: list[chronology._Record]) -> list[list[int]]:
    """The merge as an all-pairs loop: the reference the candidate pairs must reproduce."""
    everything = list(range(len(records)))
    content = {i: set((records[i].stems or "").split()) for i in everything}
    original = chronology.candidate_pairs
    try:
        chronology.candidate_pairs = lambda members, dates, content_, k, docs=None: [
            (i, j) for x, i in enumerate(members) for j in members[x + 1 :]
        ]
        return merge_groups(records)
    finally:
        chronology.candidate_pairs = original
        assert content  # the reference saw the same records


def test_candidate_pairs_give_the_same_groups_as_all_pairs():
    for seed in range(40):
        rng = random.Random(seed)
        records = [_record(rng, n) for n in range(rng.randint(5, 60))]
        assert merge_groups(records) == _all_pairs_groups(records), seed


def test_candidate_pairs_are_exactly_the_pairs_sharing_a_day_the_precision_and_enough_words():
    rng = random.Random(7)
    records = [_record(rng, n) for n in range(80)]
    members = list(range(len(records)))
    dates = {i: r.date for i, r in enumerate(records)}
    content = {i: set((r.stems or "").split()) for i, r in enumerate(records)}
    got = candidate_pairs(members, dates, content, MIN_COMMON_WORDS)
    want = [
        (i, j) for i in members for j in members[i + 1 :]
        if dates[i].precision == dates[j].precision
        and dates[i].start <= dates[j].end and dates[j].start <= dates[i].end
        and len(content[i] & content[j]) >= MIN_COMMON_WORDS
    ]
    assert got == want and len(want) > 20


def test_a_month_of_unrelated_reports_is_not_compared_pair_by_pair():
    # 3,000 reports in one month, each with its own words: all pairs would be 4.5 million
    n = 3000
    members = list(range(n))
    dates = {i: interval(f"2019-05-{1 + i % 28:02d}") for i in members}
    content = {i: {f"a{i}", f"b{i}", f"c{i}", "common", "minist"} for i in members}
    looked_at = 0
    real_and = set.__and__

    class Counting(set):
        def __and__(self, other):
            nonlocal looked_at
            looked_at += 1
            return real_and(self, other)

    counted = {i: Counting(words) for i, words in content.items()}
    assert candidate_pairs(members, dates, counted, MIN_COMMON_WORDS) == []
    assert looked_at == 0  # no two reports share a rare word: no pair is even intersected


def _report(order: int, doc: str, date: DateValue) -> chronology._Record:
    stems = "rescu survivo rubble capital teams pulled hospit"
    return chronology._Record(
        order=order, doc=doc, date=date, basis="explicit", key=None, lead=frozenset(),
        names=((), (), ("Ruritania",), ()), confidence=0.9, span=(0, 1), summary="", sources=(), stems=stems,
    )


def test_a_long_span_never_chains_reports_of_different_days_into_one_happening():
    # the same wording on the 13th, over "the last nine days" (13th-22nd) and on the 20th: the span may
    # join either day, never both, since one happening has one date common to all its reports
    records = [_report(0, "a", interval("2010-01-13")), _report(1, "b", interval("2010-01-13", "2010-01-22")),
               _report(2, "c", interval("2010-01-20"))]
    groups = merge_groups(records)
    assert not any({0, 2} <= set(g) for g in groups)
    assert [0, 1] in groups  # the span still joins the first day it shares
    # and reports of one day still merge through the span
    same_day = [_report(0, "a", interval("2010-01-13")), _report(1, "b", interval("2010-01-13", "2010-01-22")),
                _report(2, "c", interval("2010-01-13"))]
    assert merge_groups(same_day) == [[0, 1, 2]]


def test_one_documents_own_reports_are_never_paired():
    # a page of 400 sentences dated to one day with the same words: one document tells one
    # happening once, so none of its reports is a candidate for another (and none is looked at)
    n = 400
    members = list(range(n))
    dates = {i: interval("2019-05-03") for i in members}
    content = {i: {"common", "minist", "parlia", "signed", f"x{i}"} for i in members}
    assert candidate_pairs(members, dates, content, MIN_COMMON_WORDS, {i: "page" for i in members}) == []
    two_docs = {i: "a" if i % 2 else "b" for i in members}
    got = candidate_pairs(members, dates, content, MIN_COMMON_WORDS, two_docs)
    assert len(got) == (n // 2) ** 2 and all(two_docs[i] != two_docs[j] for i, j in got)
