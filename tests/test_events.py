"""Event drafting and merging over hand-made mentions (no model)."""

from bbc_timeline.models import Document, Mention, Sentence
from bbc_timeline.resolve.chronology import build_chronology
from bbc_timeline.resolve.events import dct_value, document_events, duration_interval


def _sentences(doc_id: str, text: str) -> list[Sentence]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in ".\n" and i + 1 - start > 1:
            if text[start : i + 1].strip():
                out.append(Sentence(doc_id, start, i + 1, past=" was " in text[start:i] or "ed " in text[start:i]))
            start = i + 1
    return out


def _timex(doc, text, words, value, type_="DATE", anchor="absolute", end_value=None, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Mention(doc, "timex", start, start + len(words), words, type_, value, end_value, anchor=anchor)


def _ent(doc, text, words, label, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Mention(doc, "entity", start, start + len(words), words, label)


def _bundle(doc_id, text, timexes, ents, published="2019-05-20"):
    d = Document(doc_id, f"{doc_id}.txt", 0, len(text), "t", published, "dateline")
    canonical = {(m.doc, m.start, m.end): m.text for m in ents}
    return d, text, sorted(timexes + ents, key=lambda m: m.start), _sentences(doc_id, text), canonical


TEXT = (
    "On March 3, 2019, the Northland Defence Ministry signed a supply contract with Acme Corp.\n\n"
    "Minister Anna Berg praised the contract at a briefing.\n\n"
    "The same day, Acme Corp announced new hires in its home town.\n\n"
    "Analysts think prices will rise again soon.\n"
)


def _drafts():
    tx = [
        _timex("a", TEXT, "March 3, 2019", "2019-03-03"),
        _timex("a", TEXT, "The same day", "2019-03-03", anchor="narrative:2019-03-03"),
    ]
    ents = [
        _ent("a", TEXT, "Northland Defence Ministry", "ORG"),
        _ent("a", TEXT, "Acme Corp", "ORG"),
        _ent("a", TEXT, "Anna Berg", "PERSON"),
        _ent("a", TEXT, "Acme Corp", "ORG", nth=1),
    ]
    d, text, ms, sents, canonical = _bundle("a", TEXT, tx, ents)
    types = {"Northland Defence Ministry": "org", "Acme Corp": "org", "Anna Berg": "person"}
    return document_events(d, text, ms, sents, canonical, types)


def test_dated_sentence_makes_an_event_and_a_linked_sentence_joins_it():
    drafts = _drafts()
    first = drafts[0]
    assert first.date.value == "2019-03-03" and first.basis == "explicit"
    assert "Anna Berg" in first.names["actors"]  # joined by the shared word "contract"
    assert len(first.sentences) == 2
    # "The same day" dates another happening against the narrative's date
    second = drafts[1]
    assert (second.date.value, second.date.anchor) == ("2019-03-03", "narrative:2019-03-03")
    assert second.names["orgs"] == ["Acme Corp"]
    assert len(drafts) == 2  # the opinion about prices is not an event


def test_narrative_date_for_a_past_sentence_without_its_own_date():
    text = (
        "In June 2018 the Council of Ruritania approved the plan.\n\n"
        "Later the envoy Marko Petrov was recalled by the Foreign Office.\n"
    )
    tx = [_timex("b", text, "June 2018", "2018-06")]
    ents = [_ent("b", text, "Council of Ruritania", "ORG"), _ent("b", text, "Marko Petrov", "PERSON"),
            _ent("b", text, "Foreign Office", "ORG")]
    d, t, ms, sents, canonical = _bundle("b", text, tx, ents)
    types = {"Council of Ruritania": "org", "Marko Petrov": "person", "Foreign Office": "org"}
    drafts = document_events(d, t, ms, sents, canonical, types)
    assert [(x.date.value, x.basis) for x in drafts] == [("2018-06", "explicit"), ("2018-06", "narrative")]
    assert drafts[1].names["actors"] == ["Marko Petrov"]
    assert drafts[1].confidence < drafts[0].confidence


def test_range_from_until_and_since():
    text = "From the fifth of last May until the current June, strikes went on across the country.\n"
    tx = [_timex("c", text, "the fifth of last May", "2019-05-05", anchor="dct:2019-06"),
          _timex("c", text, "the current June", "2019-06", anchor="dct:2019-06")]
    d, t, ms, sents, canonical = _bundle("c", text, tx, [], published="2019-06")
    (draft,) = document_events(d, t, ms, sents, canonical, {})
    assert (draft.date.value, draft.date.start, draft.date.end) == ("2019-05-05", "2019-05-05", "2019-06-30")
    text2 = "Since 2013 the bank has lent the government billions of dollars.\n"
    d, t, ms, sents, canonical = _bundle("c2", text2, [_timex("c2", text2, "2013", "2013")], [], published="2019-06")
    (draft,) = document_events(d, t, ms, sents, canonical, {})
    assert (draft.date.value, draft.date.end) == ("2013", "2019-06-30")


def test_duration_ending_at_publication():
    dct = dct_value(Document("d", "d.txt", 0, 1, published="2017-07-31"))
    assert duration_interval("P20Y", dct, "more than 20 years").value == "1997"
    assert duration_interval("P1Y", dct, "the past year").value == "2016-07"
    assert duration_interval("PXY", dct, "many years") is None
    text = "For more than 20 years, the treaty was the basis of security in the region.\n"
    tx = [_timex("e", text, "more than 20 years", "P20Y", type_="DURATION", anchor="duration")]
    d, t, ms, sents, canonical = _bundle("e", text, tx, [], published="2017-07-31")
    (draft,) = document_events(d, t, ms, sents, canonical, {})
    assert (draft.date.value, draft.date.end) == ("1997", "2017-07-31")


def test_dateline_and_headings_are_not_events():
    text = "Short heading here\nJuly 31, 2017 13:12\n\nNothing dated is said in this body sentence at all.\n"
    tx = [_timex("f", text, "July 31, 2017 13:12", "2017-07-31T13:12", type_="TIME")]
    d, t, ms, sents, canonical = _bundle("f", text, tx, [])
    assert document_events(d, t, ms, sents, canonical, {}) == []


def test_same_happening_in_two_documents_is_one_event_with_two_sources():
    t1 = "On May 2, 2019, the Northland Interior Ministry and Southland police signed a protocol on counter-terrorism cooperation.\n"
    t2 = "On May 2nd, 2019 police agencies of Northland and Southland agreed on counter-terrorism cooperation and information exchange.\n"
    t3 = "On May 2, 2019, a football match was played in the capital between two local clubs.\n"
    bundles, canonical, types = [], {}, {"Northland": "place", "Southland": "place"}
    for doc_id, text, words in (("x", t1, "May 2, 2019"), ("y", t2, "May 2nd, 2019"), ("z", t3, "May 2, 2019")):
        ents = [_ent(doc_id, text, "Northland", "GPE"), _ent(doc_id, text, "Southland", "GPE")] if doc_id != "z" else []
        d, t, ms, sents, can = _bundle(doc_id, text, [_timex(doc_id, text, words, "2019-05-02")], ents)
        canonical.update(can)
        bundles.append((d, t, ms, sents))
    events = build_chronology(bundles, canonical, types)
    by_docs = sorted(tuple(sorted({s.doc for s in e.sources})) for e in events)
    assert by_docs == [("x", "y"), ("z",)]
    merged = next(e for e in events if len(e.sources) == 2)
    assert merged.merge_evidence and not merged.conflicts
    assert merged.confidence > next(e for e in events if len(e.sources) == 1).confidence


def test_ids_are_unique_and_deterministic():
    drafts_a = build_chronology([_bundle("a", TEXT, [_timex("a", TEXT, "March 3, 2019", "2019-03-03")], [])[:4]], {}, {})
    drafts_b = build_chronology([_bundle("a", TEXT, [_timex("a", TEXT, "March 3, 2019", "2019-03-03")], [])[:4]], {}, {})
    assert [e.id for e in drafts_a] == [e.id for e in drafts_b]
    assert len({e.id for e in drafts_a}) == len(drafts_a)


def test_a_look_back_into_history_does_not_date_later_paragraphs():
    text = (
        "On March 1, 2019 protesters filled the main square of the capital.\n\n"
        "The region was annexed in 1990 after a short war with its neighbour.\n\n"
        "Later the envoy Marko Petrov condemned the crackdown on the protesters.\n"
    )
    tx = [_timex("h", text, "March 1, 2019", "2019-03-01"), _timex("h", text, "1990", "1990")]
    ents = [_ent("h", text, "Marko Petrov", "PERSON")]
    d, t, ms, sents, canonical = _bundle("h", text, tx, ents, published="2019-05-20")
    drafts = document_events(d, t, ms, sents, canonical, {"Marko Petrov": "person"})
    last = drafts[-1]
    assert last.names["actors"] == ["Marko Petrov"]
    assert (last.date.value, last.basis) == ("2019-03-01", "narrative")


def test_a_named_happening_is_its_own_event_merged_across_documents():
    t1 = "Officials fear Russia will use the forthcoming Shield-2019 drills to raise tension in the area.\n"
    t2 = "Then observers said that thousands of soldiers took part in the Shield-2019 drills near the border.\n"
    bundles, canonical = [], {}
    for doc_id, text, published in (("p", t1, "2019-08"), ("q", t2, "2019-10-02")):
        start = text.index("Shield-2019")
        year = Mention(doc_id, "timex", start + 7, start + 11, "2019", "DATE", "2019", anchor="absolute")
        ent = Mention(doc_id, "entity", start, start + 11, "Shield-2019", "EVENT")
        d, t, ms, sents, can = _bundle(doc_id, text, [year], [ent], published=published)
        canonical.update(can)
        bundles.append((d, t, ms, sents))
    events = build_chronology(bundles, canonical, {"Shield-2019": "event"})
    named = [e for e in events if len({s.doc for s in e.sources}) == 2]
    assert len(named) == 1 and named[0].date.value == "2019-08"  # "forthcoming" in an August article
    own = [e for e in events if {s.doc for s in e.sources} == {"q"}]
    assert [e.date.value for e in own] == ["2019"]  # what the later article reports keeps its own date


def _one_doc(doc_id, text, timexes, ents, types, published="2019-05-20"):
    d, t, ms, sents, canonical = _bundle(doc_id, text, timexes, ents, published=published)
    return document_events(d, t, ms, sents, canonical, types)


def _duration(doc_id, text, words, value):
    return _timex(doc_id, text, words, value, type_="DURATION", anchor="duration")


def test_a_duration_gives_a_span_only_where_the_text_says_what_held_that_long():
    held = [
        ("After 12 years of this partnership the two banks are merging their offices.", "12 years", "P12Y"),
        ("In three weeks, three ministers visited the northern provinces of the country.", "three weeks", "P3W"),
    ]
    for text, words, value in held:
        (draft,) = _one_doc("k", text + "\n", [_duration("k", text, words, value)], [], {})
        assert draft.date.end == "2019-05-20", text
    not_held = [
        ("The new law is for young people what 40 years of war were for their parents.", "40 years", "P40Y"),
        ("The storm season may turn into the worst in a decade for the coastal towns.", "a decade", "P1DE"),
        ("Analysts expect coal use to double over the next decade across the region.", "the next decade", "P1DE"),
    ]
    for text, words, value in not_held:
        assert _one_doc("k", text + "\n", [_duration("k", text, words, value)], [], {}) == [], text


def test_a_comparison_is_not_a_date_and_one_day_named_twice_is_one_event():
    text = "The rains started a month earlier than usual in the southern valleys.\n"
    tx = [_timex("m", text, "a month earlier", "2019-04", anchor="dct:2019-05-20")]
    assert _one_doc("m", text, tx, [], {}) == []
    text = "Earlier Friday, the council celebrated the founding of the city on Friday with parades.\n"
    tx = [_timex("m", text, "Earlier Friday", "2019-05-17", anchor="dct:2019-05-20"),
          _timex("m", text, "Friday", "2019-05-17", anchor="dct:2019-05-20", nth=1)]
    assert [d.date.value for d in _one_doc("m", text, tx, [], {})] == ["2019-05-17"]


def test_a_date_naming_an_earlier_happening_does_not_move_the_story():
    text = (
        "Minister Anna Berg said on Tuesday that she was pleased with the inquiry into last Friday's blast.\n"
        "Anna Berg promised to report again to the assembly soon.\n"
    )
    tx = [_timex("n", text, "Tuesday", "2019-05-14", anchor="dct:2019-05-20"),
          _timex("n", text, "last Friday", "2019-05-10", anchor="dct:2019-05-20")]
    ents = [_ent("n", text, "Anna Berg", "PERSON"), _ent("n", text, "Anna Berg", "PERSON", nth=1)]
    drafts = _one_doc("n", text, tx, ents, {"Anna Berg": "person"})
    assert len(drafts) == 2
    by_value = {d.date.value: d for d in drafts}
    assert len(by_value["2019-05-14"].sentences) == 2  # her promise continues Tuesday's statement
    assert len(by_value["2019-05-10"].sentences) == 1
    assert by_value["2019-05-10"].confidence < by_value["2019-05-14"].confidence


def test_a_plan_after_publication_does_not_date_later_past_reports():
    text = (
        "On May 2, 2019 the Northland Assembly passed the budget.\n\n"
        "The assembly will meet again in June to debate the tax bill.\n\n"
        "Speaker Marko Petrov praised the vote in a short address.\n"
    )
    tx = [_timex("o", text, "May 2, 2019", "2019-05-02"), _timex("o", text, "June", "2019-06", anchor="dct:2019-05-20")]
    ents = [_ent("o", text, "Northland Assembly", "ORG"), _ent("o", text, "Marko Petrov", "PERSON")]
    drafts = _one_doc("o", text, tx, ents, {"Northland Assembly": "org", "Marko Petrov": "person"})
    petrov = next(d for d in drafts if "Marko Petrov" in d.names["actors"])
    assert (petrov.date.value, petrov.basis) == ("2019-05-02", "narrative")


def test_quotations_and_comments_are_not_happenings():
    text = (
        "On May 2, 2019 the Northland Assembly passed the budget.\n\n"
        "\"We worked hard on the numbers and it was worth it.\n\n"
        "It was a good day for the farmers.\"\n\n"
        "Now the mood in the capital is calmer than it was.\n"
    )
    tx = [_timex("q", text, "May 2, 2019", "2019-05-02"),
          _timex("q", text, "Now", "PRESENT_REF", anchor="dct:2019-05-20")]
    ents = [_ent("q", text, "Northland Assembly", "ORG")]
    drafts = _one_doc("q", text, tx, ents, {"Northland Assembly": "org"})
    assert [(d.date.value, d.basis) for d in drafts] == [("2019-05-02", "explicit")]


def test_a_quotation_needs_a_day_not_the_year_the_story_is_at():
    text = (
        "Last year the Northland Assembly passed three budgets.\n\n"
        "\"It worked,\" said Marko Petrov, who chaired the finance committee.\n"
    )
    tx = [_timex("r", text, "Last year", "2018", anchor="dct:2019-05-20")]
    ents = [_ent("r", text, "Northland Assembly", "ORG"), _ent("r", text, "Marko Petrov", "PERSON")]
    drafts = _one_doc("r", text, tx, ents, {"Northland Assembly": "org", "Marko Petrov": "person"})
    assert [d.date.value for d in drafts] == ["2018"]


def test_a_possessor_is_not_who_he_is_next():
    text = (
        "On May 2, 2019 the court heard the case of Ana Lopez.\n\n"
        "Ana Lopez's father criticised the hearing in an interview.\n"
        "He repeated that the family was treated unfairly.\n"
    )
    tx = [_timex("s", text, "May 2, 2019", "2019-05-02")]
    ents = [_ent("s", text, "Ana Lopez", "PERSON"), _ent("s", text, "Ana Lopez", "PERSON", nth=1)]
    drafts = _one_doc("s", text, tx, ents, {"Ana Lopez": "person"})
    for d in drafts:
        if any(text[a:b].startswith("He repeated") for a, b in d.sentences):
            assert "Ana Lopez" not in d.names["actors"]  # "he" is her father, not Ana Lopez


def test_two_actors_reacting_the_same_day_are_two_events():
    t1 = "President Anna Berg on May 3, 2019 condemned the bombing of the embassy in the capital of Southland.\n"
    t2 = "Minister Marko Petrov on May 3, 2019 condemned the bombing of the embassy in the capital of Southland.\n"
    bundles, canonical = [], {}
    types = {"Anna Berg": "person", "Marko Petrov": "person", "Southland": "place"}
    for doc_id, text, who in (("u", t1, "Anna Berg"), ("v", t2, "Marko Petrov")):
        ents = [_ent(doc_id, text, who, "PERSON"), _ent(doc_id, text, "Southland", "GPE")]
        d, t, ms, sents, can = _bundle(doc_id, text, [_timex(doc_id, text, "May 3, 2019", "2019-05-03")], ents)
        canonical.update(can)
        bundles.append((d, t, ms, sents))
    events = build_chronology(bundles, canonical, types)
    assert sorted(len(e.sources) for e in events) == [1, 1]


def test_a_summary_does_not_start_inside_a_dependent_clause():
    text = "Romania and Ruritania, which had tried hard to meet the standards, were turned away on May 3, 2019 by the council.\n"
    d, t, ms, sents, canonical = _bundle("w", text, [_timex("w", text, "May 3, 2019", "2019-05-03")], [])
    (event,) = build_chronology([(d, t, ms, sents)], canonical, {})
    assert event.summary.startswith("Romania and Ruritania")


def test_until_a_date_does_not_move_the_story():
    text = (
        "On May 4, 2019 the first joint patrols started in Dorsk.\n\n"
        "The patrols will last until the end of May.\n\n"
        "The ceremony was attended by Minister Ivo Brandt.\n"
    )
    tx = [_timex("u", text, "May 4, 2019", "2019-05-04"),
          _timex("u", text, "the end of May", "2019-05", anchor="dct:2019-05-20")]
    ents = [_ent("u", text, "Ivo Brandt", "PERSON")]
    drafts = _one_doc("u", text, tx, ents, {"Ivo Brandt": "person"})
    narr = [x for x in drafts if x.basis == "narrative"]
    assert [x.date.value for x in narr] == ["2019-05-04"]


def test_a_year_in_a_name_beside_the_sentence_date_gives_only_the_named_event():
    text = "Last March, troops joined the Falcon-2018 drills near the coast.\n"
    start = text.index("Falcon-2018")
    year = Mention("n", "timex", start + 7, start + 11, "2018", "DATE", "2018", anchor="absolute")
    month = _timex("n", text, "Last March", "2019-03", anchor="dct:2019-05-20")
    ent = Mention("n", "entity", start, start + 11, "Falcon-2018", "EVENT")
    drafts = _one_doc("n", text, [month, year], [ent], {"Falcon-2018": "event"})
    assert sorted((x.date.value, x.key is not None) for x in drafts) == [("2018", True), ("2019-03", False)]


def test_he_before_any_name_is_the_person_told_about_before():
    text = (
        "On May 2, 2019 Minister Ivo Kral arrived in the capital for talks.\n"
        "Two days later, he was received by President Ana Lopez.\n"
    )
    tx = [_timex("p", text, "May 2, 2019", "2019-05-02"),
          _timex("p", text, "Two days later", "2019-05-04", anchor="narrative:2019-05-02")]
    ents = [_ent("p", text, "Ivo Kral", "PERSON"), _ent("p", text, "Ana Lopez", "PERSON")]
    drafts = _one_doc("p", text, tx, ents, {"Ivo Kral": "person", "Ana Lopez": "person"})
    later = [d for d in drafts if d.date.value == "2019-05-04"][0]
    assert later.names["actors"] == ["Ivo Kral", "Ana Lopez"]


def test_a_guess_about_a_later_year_is_not_a_happening():
    text = "Analysts in Northland believe that by 2030 Acme Corp could become the largest supplier.\n"
    tx = [_timex("g", text, "2030", "2030")]
    ents = [_ent("g", text, "Acme Corp", "ORG")]
    assert _one_doc("g", text, tx, ents, {"Acme Corp": "org"}) == []


def test_last_week_against_a_month_dates_the_event_by_that_month():
    text = "Minister Ivo Kral said last week that the talks had failed.\n"
    tx = [_timex("w", text, "last week", "2021-WXX", anchor="dct:2021-06")]
    ents = [_ent("w", text, "Ivo Kral", "PERSON")]
    drafts = _one_doc("w", text, tx, ents, {"Ivo Kral": "person"}, published="2021-06")
    assert [(d.date.value, d.confidence) for d in drafts] == [("2021-06", 0.4)]


def test_the_recent_happening_is_dated_near_the_story_and_earlier_near_publication():
    text = (
        "On the ninth of last March, the people of Northland voted in a presidential election.\n\n"
        "The Ruritanian President Marko Petrov was the first to congratulate Anna Berg on her victory in the recent elections.\n\n"
        "The Foreign Office had earlier discussed sending observers to the north.\n"
    )
    tx = [_timex("r", text, "the ninth of last March", "2019-03-09", anchor="dct:2019-05-20"),
          _timex("r", text, "recent", "PAST_REF", anchor="dct:2019-05-20"),
          _timex("r", text, "earlier", "PAST_REF", anchor="dct:2019-05-20")]
    ents = [_ent("r", text, "Northland", "GPE"), _ent("r", text, "Marko Petrov", "PERSON"),
            _ent("r", text, "Anna Berg", "PERSON"), _ent("r", text, "Foreign Office", "ORG")]
    types = {"Marko Petrov": "person", "Anna Berg": "person", "Foreign Office": "org", "Northland": "place"}
    drafts = _one_doc("r", text, tx, ents, types)
    congratulation = next(d for d in drafts if "Marko Petrov" in d.names["actors"])
    # after the election, day unknown: the election's month, never the publication month
    assert (congratulation.date.value, congratulation.date.precision, congratulation.basis) == ("2019-03", "month", "narrative")
    assert (congratulation.date.anchor, congratulation.date.text) == ("narrative:2019-03-09", "recent")
    assert congratulation.date_mention.anchor == "narrative:2019-03-09"
    assert congratulation.names["actors"] == ["Marko Petrov", "Anna Berg"]
    # an adverb "earlier" only says "before publication": not moved onto the story's event
    office = [d for d in drafts if "Foreign Office" in d.names["orgs"]]
    assert office and all(d.date.value != "2019-03" for d in office)


def test_the_visit_as_subject_takes_the_date_of_the_visit_told_before():
    text = (
        "In April, a delegation of the Ruritanian Interior Ministry visited Northland.\n\n"
        "On May 2, 2019 the Northland Assembly passed the budget.\n\n"
        "The visit of the delegation of the Ruritanian Defence Ministry was hardly covered by the press.\n\n"
        "Marko Petrov criticized how the visit was handled in a radio interview.\n"
    )
    tx = [_timex("v", text, "April", "2019-04", anchor="dct:2019-05-20"), _timex("v", text, "May 2, 2019", "2019-05-02")]
    ents = [_ent("v", text, "Ruritanian Interior Ministry", "ORG"), _ent("v", text, "Northland Assembly", "ORG"),
            _ent("v", text, "Ruritanian Defence Ministry", "ORG"), _ent("v", text, "Marko Petrov", "PERSON")]
    types = {"Ruritanian Interior Ministry": "org", "Northland Assembly": "org",
             "Ruritanian Defence Ministry": "org", "Marko Petrov": "person"}
    drafts = _one_doc("v", text, tx, ents, types)
    by_org = {n: d for d in drafts for n in d.names["orgs"] + d.names["actors"]}
    visit = by_org["Ruritanian Defence Ministry"]
    assert (visit.date.value, visit.basis, visit.date.anchor) == ("2019-04", "narrative", "narrative:2019-04")
    assert visit is not by_org["Ruritanian Interior Ministry"]  # its own event, not merged into the other visit
    # the visit as an object: the criticism happened at the story's time, not at the visit
    assert by_org["Marko Petrov"].date.value == "2019-05-02"


def test_a_vague_look_back_does_not_stop_a_past_report_from_taking_the_story_date():
    text = (
        "On May 2, 2019 the Northland Assembly passed the budget.\n\n"
        "The vote upset the plan that Marko Petrov had pursued over the past years towards closer ties with the south.\n\n"
        "Anna Berg expected the Northland Assembly to pass more laws in the coming years.\n"
    )
    tx = [_timex("w", text, "May 2, 2019", "2019-05-02"),
          _duration("w", text, "the past years", "PXY"), _duration("w", text, "the coming years", "PXY")]
    ents = [_ent("w", text, "Northland Assembly", "ORG"), _ent("w", text, "Marko Petrov", "PERSON"),
            _ent("w", text, "Anna Berg", "PERSON"), _ent("w", text, "Northland Assembly", "ORG", nth=1)]
    types = {"Northland Assembly": "org", "Marko Petrov": "person", "Anna Berg": "person"}
    drafts = _one_doc("w", text, tx, ents, types)
    petrov = [d for d in drafts if "Marko Petrov" in d.names["actors"]]
    assert [d.date.value for d in petrov] == ["2019-05-02"]
    assert all("Anna Berg" not in d.names["actors"] for d in drafts)  # an expectation ahead is not a happening


def test_a_plans_scope_an_opinion_over_years_and_an_unnamed_official_are_not_what_they_seem():
    text = (
        "On May 2, 2019, Minister Anna Berg received a delegation in Northtown.\n\n"
        "The sides signed a protocol under which the Ruritanian Defence Ministry will provide a grant for 2019-2020.\n\n"
        "Anna Berg also laid a wreath at the memorial.\n"
    )
    tx = [_timex("x", text, "May 2, 2019", "2019-05-02"),
          _timex("x", text, "2019-2020", "2019", end_value="2020", anchor="absolute")]
    ents = [_ent("x", text, "Anna Berg", "PERSON"), _ent("x", text, "Ruritanian Defence Ministry", "ORG"),
            _ent("x", text, "Anna Berg", "PERSON", nth=1)]
    drafts = _one_doc("x", text, tx, ents, {"Anna Berg": "person", "Ruritanian Defence Ministry": "org"})
    # the grant's years are its scope: no event of their own, and the protocol and the wreath stay on May 2
    assert {d.date.value for d in drafts} == {"2019-05-02"}
    assert sum(len(d.sentences) for d in drafts) == 3

    text = "The experience of the last two years suggests that Ruritania will try again.\n"
    assert _one_doc("y", text, [_duration("y", text, "the last two years", "P2Y")], [], {}) == []
    text = "Over the last two years Ruritania has doubled its army.\n"
    (span,) = _one_doc("y", text, [_duration("y", text, "the last two years", "P2Y")], [], {})
    assert span.date.end == "2019-05-20"

    text = (
        "On May 2, 2019, Minister Anna Berg flew to Northtown for talks.\n"
        "On May 3, 2019, the spokesman of the Ruritanian Foreign Ministry said the talks were useful.\n"
        "On May 4, 2019, she returned home, and the head of the Northland Assembly praised her.\n"
    )
    tx = [_timex("z", text, "May 2, 2019", "2019-05-02"), _timex("z", text, "May 3, 2019", "2019-05-03"),
          _timex("z", text, "May 4, 2019", "2019-05-04")]
    ents = [_ent("z", text, "Anna Berg", "PERSON"), _ent("z", text, "Ruritanian Foreign Ministry", "ORG"),
            _ent("z", text, "Northland Assembly", "ORG")]
    drafts = _one_doc("z", text, tx, ents, {"Anna Berg": "person", "Ruritanian Foreign Ministry": "org",
                                            "Northland Assembly": "org"})
    actors = {d.date.value: d.names["actors"] for d in drafts}
    assert actors == {"2019-05-02": ["Anna Berg"], "2019-05-03": [], "2019-05-04": ["Anna Berg"]}


def test_days_after_a_happening_count_from_the_day_it_was_told():
    text = (
        "On June 4, 2019, Minister Anna Berg and her Ruritanian counterpart signed a defence memorandum.\n\n"
        "Last August, Prime Minister Marko Petrov had paid a visit to the capital.\n\n"
        "Two days after the signing, Anna Berg flew to Osterlich.\n\n"
        "Three weeks after the talks, Marko Petrov resigned.\n"
    )
    tx = [_timex("s", text, "June 4, 2019", "2019-06-04"), _timex("s", text, "Last August", "2018-08", anchor="dct:2019-06-20"),
          _duration("s", text, "Two days", "P2D"), _duration("s", text, "Three weeks", "P3W")]
    ents = [_ent("s", text, "Anna Berg", "PERSON"), _ent("s", text, "Marko Petrov", "PERSON"),
            _ent("s", text, "Anna Berg", "PERSON", nth=1), _ent("s", text, "Marko Petrov", "PERSON", nth=1)]
    drafts = _one_doc("s", text, tx, ents, {"Anna Berg": "person", "Marko Petrov": "person"}, published="2019-06-20")
    flight = next(d for d in drafts if "Two days" in d.first_text)
    assert (flight.date.value, flight.basis, flight.date.anchor) == ("2019-06-06", "explicit", "narrative:2019-06-04")
    assert flight.names["actors"] == ["Anna Berg"]
    # no talks were told before, and a month has no day to count three weeks from: no invented date
    assert all(d.date.value not in ("2018-08-25", "2019-06-27") for d in drafts)


def test_the_two_ministers_are_the_two_people_just_told_of():
    text = (
        "On June 3, 2019, Minister Anna Berg visited Northtown at the invitation of Minister Marko Petrov.\n\n"
        "On June 4, 2019, the two ministers signed a memorandum on border controls.\n\n"
        "On June 5, 2019, the two sides signed nothing more.\n"
    )
    tx = [_timex("t", text, "June 3, 2019", "2019-06-03"), _timex("t", text, "June 4, 2019", "2019-06-04"),
          _timex("t", text, "June 5, 2019", "2019-06-05")]
    ents = [_ent("t", text, "Anna Berg", "PERSON"), _ent("t", text, "Marko Petrov", "PERSON")]
    drafts = _one_doc("t", text, tx, ents, {"Anna Berg": "person", "Marko Petrov": "person"})
    actors = {d.date.value: d.names["actors"] for d in drafts}
    assert actors["2019-06-04"] == ["Anna Berg", "Marko Petrov"]
    assert actors["2019-06-05"] == []  # "the two sides" are not people


def test_they_the_main_person_the_headline_and_the_head_noun_of_a_reference():
    text = (
        "Ruritania signs border deal on May 3, 2019\n\n"
        "On May 2, 2019, Anna Berg and Marko Petrov met in Northtown.\n"
        "On May 3, 2019, they signed a border deal after long talks.\n\n"
        "On May 9, 2019, Anna Berg flew to Osterlich.\n\n"
        "He returned home without giving interviews.\n\n"
        "On May 12, 2019, the Northland delegations met Anna Berg in Southtown.\n"
        "The Ruritanian delegation was led by Ines Vale.\n"
    )
    tx = [_timex("u", text, "May 3, 2019", "2019-05-03"), _timex("u", text, "May 2, 2019", "2019-05-02"),
          _timex("u", text, "May 3, 2019", "2019-05-03", nth=1), _timex("u", text, "May 9, 2019", "2019-05-09"),
          _timex("u", text, "May 12, 2019", "2019-05-12")]
    ents = [_ent("u", text, "Anna Berg", "PERSON", nth=k) for k in range(3)] + [
        _ent("u", text, "Marko Petrov", "PERSON"), _ent("u", text, "Ines Vale", "PERSON")]
    types = {"Anna Berg": "person", "Marko Petrov": "person", "Ines Vale": "person"}
    d, t, ms, sents, canonical = _bundle("u", text, tx, ents)
    d = Document("u", "u.txt", 0, len(text), "Ruritania signs border deal on May 3, 2019", "2019-05-20", "dateline")
    drafts = document_events(d, t, ms, sents, canonical, types)
    assert all("signs border deal" not in t[a:b] for x in drafts for a, b in x.sentences)  # not the headline
    they = [x for x in drafts if x.date.value == "2019-05-03"]
    assert len(they) == 1 and they[0].names["actors"] == ["Anna Berg", "Marko Petrov"]
    # a new paragraph's "he", with no one named in it: the person the article is about
    he = next(x for x in drafts if any(t[a:b].startswith("He ") for a, b in x.sentences))
    assert he.names["actors"] == ["Anna Berg"]
    # "The Ruritanian delegation" refers back to "the delegations" by its head noun, and brings Ines Vale
    assert next(x for x in drafts if x.date.value == "2019-05-12").names["actors"] == ["Anna Berg", "Ines Vale"]


def test_a_deadline_a_repeat_of_a_month_and_the_text_about_itself_are_not_happenings():
    text = (
        "This paper reviews the main stages of the talks in 2019.\n\n"
        "On May 2, 2019, Anna Berg opened the trade fair in Northtown.\n"
        "Anna Berg told journalists at the fair that Northland intended to double its exports by 2026.\n\n"
        "For several days a repeat of March seemed possible to Anna Berg.\n"
    )
    tx = [_timex("v", text, "2019", "2019"), _timex("v", text, "May 2, 2019", "2019-05-02"),
          _timex("v", text, "2026", "2026"), _timex("v", text, "March", "2019-03", anchor="dct:2019-05-20")]
    ents = [_ent("v", text, "Anna Berg", "PERSON", nth=k) for k in range(3)]
    drafts = _one_doc("v", text, tx, ents, {"Anna Berg": "person"})
    assert [d.date.value for d in drafts] == ["2019-05-02"]
    assert len(drafts[0].sentences) == 2  # what she told journalists is part of the fair, not of 2026


def test_a_goal_set_by_the_actors_keeps_its_deadline_as_a_plan():
    text = "The Northland Assembly has set itself the goal of passing the border law by 2026.\n"
    tx = [_timex("g", text, "2026", "2026")]
    ents = [_ent("g", text, "Northland Assembly", "ORG")]
    (plan,) = _one_doc("g", text, tx, ents, {"Northland Assembly": "org"})
    assert plan.date.value == "2026"


def test_in_a_profile_him_and_the_general_are_the_person_it_is_about():
    text = (
        "Piet Berg was born in Northtown in 1960.\n\n"
        "In 1990 Piet Berg joined the Northland Army.\n\n"
        "In 1995 Piet Berg married, and in 2000 Piet Berg became a colonel.\n\n"
        "In 2014, President Tomas Vale appointed him chief of staff.\n\n"
        "On 3 May 2019, he travelled to Osterlich and met Ines Moor.\n\n"
        "On 30 January 2023, President Tomas Vale dismissed the general without explanation.\n\n"
        "A week later, the general was appointed ambassador, and Piet Berg left for Osterlich.\n"
    )
    tx = [_timex("p", text, "1960", "1960"), _timex("p", text, "1990", "1990"), _timex("p", text, "2014", "2014"),
          _timex("p", text, "3 May 2019", "2019-05-03"), _timex("p", text, "30 January 2023", "2023-01-30"),
          _timex("p", text, "A week later", "2023-02-06", anchor="narrative:2023-01-30")]
    ents = [_ent("p", text, "Piet Berg", "PERSON", nth=k) for k in range(5)] + [
        _ent("p", text, "Tomas Vale", "PERSON"), _ent("p", text, "Ines Moor", "PERSON"), _ent("p", text, "Tomas Vale", "PERSON", nth=1)]
    types = {"Piet Berg": "person", "Tomas Vale": "person", "Ines Moor": "person"}
    drafts = _one_doc("p", text, tx, ents, types, published="2024-01-01")
    actors = {d.date.value: d.names["actors"] for d in drafts}
    assert actors["2014"] == ["Tomas Vale", "Piet Berg"]
    assert actors["2019-05-03"] == ["Piet Berg", "Ines Moor"]
    assert actors["2023-01-30"] == ["Tomas Vale", "Piet Berg"]


def test_a_cited_law_a_state_until_later_and_no_comment_are_not_happenings():
    text = (
        "On May 2, 2019, Anna Berg was arrested in Northtown.\n\n"
        "The prosecutor charged Anna Berg under Emergency Law 12 of 1951, a court official said.\n\n"
        "The Northland Assembly said the border would stay closed until January 2020.\n"
        "The Ruritanian Foreign Ministry did not respond to a request for comment on May 3, 2019.\n"
    )
    tx = [_timex("w", text, "May 2, 2019", "2019-05-02"), _timex("w", text, "1951", "1951"),
          _timex("w", text, "January 2020", "2020-01"), _timex("w", text, "May 3, 2019", "2019-05-03")]
    ents = [_ent("w", text, "Anna Berg", "PERSON"), _ent("w", text, "Anna Berg", "PERSON", nth=1),
            _ent("w", text, "Northland Assembly", "ORG"), _ent("w", text, "Ruritanian Foreign Ministry", "ORG")]
    drafts = _one_doc("w", text, tx, ents, {"Anna Berg": "person", "Northland Assembly": "org",
                                            "Ruritanian Foreign Ministry": "org"})
    assert {d.date.value for d in drafts} == {"2019-05-02"}  # no 1951, no 2020, no "did not respond"
    assert any("Northland Assembly" in d.names["orgs"] for d in drafts)  # what the assembly said stays
    assert all("Ruritanian Foreign Ministry" not in d.names["orgs"] for d in drafts)


def test_postponed_until_a_later_day_keeps_that_day_as_a_plan():
    text = "The Northland Assembly has postponed the vote until June 4, 2019 because of heavy snow.\n"
    tx = [_timex("q2", text, "June 4, 2019", "2019-06-04")]
    ents = [_ent("q2", text, "Northland Assembly", "ORG")]
    (plan,) = _one_doc("q2", text, tx, ents, {"Northland Assembly": "org"})
    assert plan.date.value == "2019-06-04"


def test_the_next_sentence_retelling_the_happening_brings_its_people():
    text = (
        "The Northland and Ruritanian governments signed on May 2, 2019 the agreement on the pipeline.\n"
        "The document was signed by Anna Berg and Marko Petrov in the presence of Ines Vale.\n"
        "Senator Tomas Moor, a Northland Democrat and Ruritanian envoy, shepherded the highway bill.\n"
    )
    tx = [_timex("rt", text, "May 2, 2019", "2019-05-02")]
    ents = [_ent("rt", text, "Anna Berg", "PERSON"), _ent("rt", text, "Marko Petrov", "PERSON"),
            _ent("rt", text, "Ines Vale", "PERSON"), _ent("rt", text, "Tomas Moor", "PERSON")]
    types = {"Anna Berg": "person", "Marko Petrov": "person", "Ines Vale": "person", "Tomas Moor": "person"}
    drafts = _one_doc("rt", text, tx, ents, types)
    signing = next(d for d in drafts if d.basis == "explicit")
    assert signing.names["actors"] == ["Anna Berg", "Marko Petrov", "Ines Vale"]
    assert len(signing.sentences) == 2  # the highway bill shares only names and titles: another happening
