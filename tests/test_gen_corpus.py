"""The benchmark corpus generator: deterministic, nested by size, and news-like."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def gen():
    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "bench" / "gen_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_corpus", module)  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def sample(gen):
    return [text for _, text in gen.articles(60, seed=3)]


def test_same_seed_same_corpus_other_seed_other_corpus(gen):
    assert list(gen.articles(5, seed=1)) == list(gen.articles(5, seed=1))
    assert [t for _, t in gen.articles(5, seed=1)] != [t for _, t in gen.articles(5, seed=2)]


def test_smaller_corpus_is_a_prefix_of_a_larger_one(gen):
    assert list(gen.articles(4, seed=9)) == list(gen.articles(12, seed=9))[:4]


def test_write_corpus_writes_n_files_in_folders_of_a_thousand(gen, tmp_path):
    words = gen.write_corpus(tmp_path, 5, seed=1)
    files = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.txt"))
    assert files == [f"000/00000{i}.txt" for i in range(5)]
    assert words == sum(len(p.read_text(encoding="utf-8").split()) for p in tmp_path.rglob("*.txt"))


def test_cli_is_deterministic(gen, tmp_path):
    for out in ("a", "b"):
        assert gen.main(["--n", "3", "--out", str(tmp_path / out), "--seed", "4"]) == 0
    for p in (tmp_path / "a").rglob("*.txt"):
        assert p.read_bytes() == (tmp_path / "b" / p.relative_to(tmp_path / "a")).read_bytes()


def test_articles_have_news_length_and_no_duplicates(sample):
    lengths = [len(t.split()) for t in sample]
    assert 150 <= min(lengths) and max(lengths) <= 1200
    assert 300 <= sum(lengths) / len(lengths) <= 800
    assert len(set(sample)) == len(sample)


def test_each_article_opens_with_a_title_and_a_dated_dateline(gen, sample):
    month = "|".join(gen.MONTHS)
    for text in sample:
        title, blank, dateline = text.split("\n")[:3]
        assert title.strip() and not blank.strip()
        assert re.search(rf"\b({month}) \d{{1,2}}, (19|20)\d\d\b|\b\d{{1,2}} ({month}) (19|20)\d\d\b", dateline)


def test_dates_come_in_absolute_relative_and_range_forms(sample):
    text = "\n".join(sample)
    assert re.search(r"\bOn \d{1,2} [A-Z][a-z]+ \d{4}\b", text)  # 14 March 2018
    assert re.search(r"\b[A-Z][a-z]+ \d{1,2}(st|nd|rd|th)?, \d{4}\b", text)  # March 14th, 2018
    assert re.search(r"\b\d{2}\.\d{2}\.\d{4}\b", text)  # 14.03.2018
    assert re.search(r"\bIn [A-Z][a-z]+ \d{4}\b", text)  # In May 2016
    assert re.search(r"\b(days later|the next day|On the same day|Last week|Yesterday)\b", text)
    assert re.search(r"\bfrom \d{1,2} to \d{1,2} [A-Z][a-z]+ \d{4}\b|\bon [A-Z][a-z]+ \d{1,2}-\d{1,2}\b", text)


def test_names_are_varied_and_from_several_cultures(gen, sample):
    text = "\n".join(sample)
    cultures = {
        culture
        for culture, (givens, families) in gen.NAMES.items()
        if any(f"{g} {f}" in text for g in givens for f in families)
    }
    assert len(cultures) >= 6
    people = Counter(
        re.findall(
            r"\b(?:Minister|General|Colonel|Admiral|Ambassador|Staff|commander) "
            r"([A-Z][\w-]+ [A-Z][\w-]+)",
            text,
        )
    )
    assert len(people) >= 60
    assert people.most_common(1)[0][1] <= len(sample) // 3  # no single person dominates


def test_people_are_introduced_in_full_before_the_bare_surname(gen):
    for _, text in gen.articles(20, seed=5):
        for givens, families in gen.NAMES.values():
            for family in families:
                m = re.search(rf"\b{re.escape(family)}\b", text)
                if m:
                    assert text[: m.start()].endswith(tuple(f"{g} " for g in givens)), family


def test_no_sentence_of_the_bundled_corpus_is_reused(sample):
    corpus = ROOT / "data" / "corpus"
    ours = "\n".join(sample)
    for path in corpus.glob("*.txt"):
        for sentence in re.split(r"(?<=[.!?])\s+", path.read_text(encoding="utf-8")):
            sentence = sentence.strip()
            if len(sentence) >= 40:
                assert sentence not in ours
