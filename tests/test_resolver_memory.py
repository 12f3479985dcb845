"""The resolver keeps only what it needs: documents' texts go as they are read, mentions are read once."""

import gc
import weakref

from bbc_timeline.models import Document, Mention, Sentence
from bbc_timeline.resolve.chronology import build_chronology
from bbc_timeline.resolve.entities import resolve_entities


class _Text(str):
    """A str that can be watched with a weak reference."""


def _doc(doc_id: str, day: int) -> tuple[Document, _Text, list[Mention], list[Sentence], dict]:
    text = _Text(
        f"On May {day}, 2018, the Ruritanian Navy held a large exercise near the northern coast.\n\n"
        "Admiral Olaf Grent said the drills went according to plan.\n"
    )
    date = f"May {day}, 2018"
    s = text.index(date)
    navy = text.index("Ruritanian Navy")
    grent = text.index("Olaf Grent")
    mentions = [
        Mention(doc_id, "timex", s, s + len(date), date, "DATE", f"2018-05-{day:02d}", anchor="absolute"),
        Mention(doc_id, "entity", navy, navy + 15, "Ruritanian Navy", "ORG"),
        Mention(doc_id, "entity", grent, grent + 10, "Olaf Grent", "PERSON"),
    ]
    cut = text.index("\n\n") + 2
    sentences = [Sentence(doc_id, 0, cut - 2, past=True), Sentence(doc_id, cut, len(text) - 1, past=True)]
    names = {(doc_id, navy, navy + 15): "Ruritanian Navy", (doc_id, grent, grent + 10): "Olaf Grent"}
    document = Document(doc_id, f"{doc_id}.txt", 0, len(text), "t", "2018-06-01", "dateline")
    return document, text, mentions, sentences, names


def test_a_documents_text_is_not_kept_once_its_events_are_drafted():
    canonical: dict = {}
    watched: list[weakref.ref] = []
    alive_after_next: list[bool] = []

    def bundles():
        for n in range(4):
            document, text, mentions, sentences, names = _doc(f"d{n}", 10 + n)
            canonical.clear()
            canonical.update(names)
            if len(watched) >= 2:  # the latest text is still the caller's loop variable
                gc.collect()
                alive_after_next.append(any(w() is not None for w in watched[:-1]))
            watched.append(weakref.ref(text))
            yield document, text, mentions, sentences
            del text

    events = build_chronology(bundles(), canonical, {"Ruritanian Navy": "org", "Olaf Grent": "person"})
    assert alive_after_next == [False, False]
    assert sorted({e.date.value for e in events}) == ["2018-05-10", "2018-05-11", "2018-05-12", "2018-05-13"]
    assert all("Ruritanian Navy" in e.orgs or "Olaf Grent" in e.actors for e in events)
    assert events[0].sources[0].quote.startswith("On May 10, 2018")


def test_entity_mentions_may_be_a_stream_read_once():
    ms = [
        Mention("a", "entity", 0, 10, "Olaf Grent", "PERSON"),
        Mention("a", "entity", 20, 30, "Ruritanian", "NORP"),
        Mention("a", "timex", 35, 39, "2018", "DATE", "2018"),
        Mention("a", "entity", 40, 45, "Grent", "PERSON"),
        Mention("a", "entity", 50, 62, "the Alliance", "ORG"),
        Mention("b", "entity", 0, 15, "Ruritanian Navy", "ORG"),
        Mention("b", "entity", 20, 25, "seven", "CARDINAL"),
    ]
    from_list = resolve_entities(ms)
    reads = []

    def stream():
        for m in ms:
            reads.append(m)
            yield m

    from_stream = resolve_entities(stream())
    assert len(reads) == len(ms)
    assert from_stream.entities == from_list.entities
    # every entity mention has an entry, named ones first, then the unnamed in reading order
    assert list(from_stream.canonical.items()) == list(from_list.canonical.items())
    assert from_stream.canonical[("a", 40, 45)] == "Olaf Grent"
    assert from_stream.canonical[("a", 20, 30)] == "" and from_stream.canonical[("b", 20, 25)] == ""
    assert ("a", 35, 39) not in from_stream.canonical
