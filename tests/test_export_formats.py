"""Every export format against its rules, on an invented contract dict."""

from __future__ import annotations

import copy
import csv
import io
import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bbc_timeline.export import FORMATS, ExportError, render_export, write_atomic
from bbc_timeline.export.contract import contract_problems, load_schema, reference_problems, schema_text
from bbc_timeline.export.dates import human_date, is_range
from bbc_timeline.export.tabular import CSV_COLUMNS, LIST_SEP, SOURCE_COLUMNS
from bbc_timeline.export.timelinejs import HEADLINE_MAX
from bbc_timeline.export.timesketch import RESERVED_FIELDS


def _src(doc, file, start, quote, **extra):
    return {"doc": doc, "file": file, "start": start, "end": start + len(quote), "quote": quote,
            "date_text": "", "date_start": None, "date_end": None, "anchor": None, **extra}


def _event(eid, value, start, end, precision, summary, *, text="", basis="explicit", actors=(), orgs=(),
           places=(), sources=(), conflicts=(), named=()):
    return {
        "id": eid,
        "date": {"value": value, "start": start, "end": end, "precision": precision, "text": text,
                 "anchor": None},
        "date_basis": basis, "summary": summary, "actors": list(actors), "orgs": list(orgs),
        "places": list(places), "named_events": list(named), "sources": list(sources),
        "confidence": 0.8, "conflicts": list(conflicts), "merge_evidence": [],
    }


def sample_contract() -> dict:
    """Invented: two articles about a river city; day, range, month, year, decade and approximate dates."""
    a, b = "riverton-a", "riverton-b"
    meeting_a = _src(a, "a.txt", 120, "On 14 March 2016 Minister Anna Kovac met the Northern Rail Board.",
                     date_text="14 March 2016", date_start=123, date_end=136)
    meeting_b = _src(b, "b.txt", 40, "Kovac met the board on March 15, 2016, officials said.")
    long_summary = ("Harbour Police and the Northern Rail Board hold the joint exercise Blue Lantern "
                    "on the river, with boats, trains and several hundred staff taking part")
    events = [
        _event("ev-1995-links", "1995", "1995-01-01", "1995-12-31", "year",
               "Riverton and Portmere begin their rail links", text="about 20 years ago", basis="dct",
               places=["Riverton"], sources=[_src(a, "a.txt", 900, "links dating back about 20 years")]),
        _event("ev-201-growth", "201", "2010-01-01", "2019-12-31", "decade",
               "Riverton's port grows", text="the 2010s", places=["Riverton"],
               sources=[_src(b, "b.txt", 300, "During the 2010s the port grew fast.")]),
        _event("ev-2015-board", "2015", "2015-01-01", "2015-12-31", "year",
               "The Northern Rail Board is founded", text="2015", orgs=["Northern Rail Board"],
               sources=[_src(a, "a.txt", 700, "The board, founded in 2015, runs the line.")]),
        _event("ev-2016-03-14-meeting", "2016-03-14", "2016-03-14", "2016-03-14", "day",
               "Anna Kovac meets the Northern Rail Board", text="14 March 2016",
               actors=["Anna Kovac"], orgs=["Northern Rail Board"], places=["Riverton"],
               sources=[meeting_a, meeting_b],
               conflicts=[{"field": "date", "values": ["2016-03-14", "2016-03-15"], "docs": [a, b]}]),
        _event("ev-2017-07-11-blue-lantern", "2017-07-11", "2017-07-11", "2017-07-18", "day", long_summary,
               text="July 11-18", actors=["Piotr Lenz"], orgs=["Harbour Police", "Northern Rail Board"],
               named=["Blue Lantern"],
               sources=[_src(b, "b.txt", 600, "The Blue Lantern exercise ran on July 11-18.")]),
        _event("ev-2017-08-visit", "2017-08", "2017-08-01", "2017-08-31", "month",
               "Piotr Lenz visits Portmere", text="in August", basis="narrative",
               actors=["Piotr Lenz"], places=["Portmere"],
               sources=[_src(b, "b.txt", 800, "In August, Lenz went to Portmere.\u2028Next line.")]),
    ]
    entities = [
        {"id": f"{kind}:{name.lower().replace(' ', '-')}", "type": kind, "name": name, "aliases": [name],
         "alias_counts": {name: 1}, "titles": titles, "mentions": 2, "evidence": []}
        for kind, name, titles in [
            ("person", "Anna Kovac", ["Minister"]), ("person", "Piotr Lenz", []),
            ("org", "Northern Rail Board", []), ("org", "Harbour Police", []),
            ("place", "Riverton", []), ("place", "Portmere", []), ("event", "Blue Lantern", []),
        ]
    ]
    documents = [
        {"id": a, "file": "a.txt", "title": "Minister meets rail board", "start": 0, "end": 2000,
         "published": {"value": "2016-03-16", "basis": "dateline"}},
        {"id": b, "file": "b.txt", "title": "Riverton's busy summer", "start": 0, "end": 1500,
         "published": {"value": "2017-09", "basis": "inferred"}},
    ]
    return {"schema": "bbc-timeline/1", "documents": documents, "entities": entities, "events": events}


EMPTY = {"schema": "bbc-timeline/1", "documents": [], "entities": [], "events": []}


def by_id(data: dict) -> dict:
    return {ev["id"]: ev for ev in data["events"]}


# --- json and its schema -------------------------------------------------------------------------

def _validate(data: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is a test dependency")
    jsonschema.Draft202012Validator.check_schema(load_schema())
    jsonschema.Draft202012Validator(load_schema()).validate(data)


@pytest.mark.parametrize("data", [sample_contract(), EMPTY], ids=["sample", "empty"])
def test_json_export_validates_against_shipped_schema(data):
    text = render_export(data, "json")
    parsed = json.loads(text)
    _validate(parsed)
    assert list(parsed)[:4] == ["schema", "documents", "entities", "events"]
    assert parsed["events"] == data["events"]
    assert reference_problems(parsed) == [] and contract_problems(parsed) == []


def test_json_is_pretty_unicode_and_stable():
    data = sample_contract()
    data["events"][0]["summary"] = "Łukasz’s café"
    text = render_export(data, "json")
    assert "Łukasz’s café" in text and text.startswith('{\n  "schema": "bbc-timeline/1"')
    assert text == render_export(copy.deepcopy(data), "json")


@pytest.mark.parametrize("breakage", [
    lambda d: d["events"][0]["date"].update(precision="hour"),
    lambda d: d["events"][0]["date"].update(start="2017-7-1"),
    lambda d: d["events"][0].update(date_basis="guess"),
    lambda d: d["events"][0].pop("sources"),
    lambda d: d["entities"][0].update(type="company"),
    lambda d: d.update(schema="bbc-timeline/2"),
])
def test_schema_rejects_contract_breakage(breakage):
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is a test dependency")
    data = sample_contract()
    breakage(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(load_schema()).validate(data)


def test_schema_allows_extra_fields_and_is_printable():
    data = sample_contract()
    data["events"][0]["x_custom"] = "key"
    data["generator"] = "test"
    _validate(data)
    assert json.loads(schema_text())["$schema"].endswith("2020-12/schema")


def test_reference_problems_names_unknown_actor():
    data = sample_contract()
    data["events"][0]["actors"].append("Nobody Known")
    assert reference_problems(data) == ["ev-1995-links: actors 'Nobody Known' is not an entity name"]


# --- jsonl and csv -------------------------------------------------------------------------------

def test_jsonl_round_trip_one_event_per_line():
    data = sample_contract()
    text = render_export(data, "jsonl")
    lines = text.splitlines()  # splitlines also splits on U+2028: the export must escape it
    assert len(lines) == len(data["events"])
    assert [json.loads(line) for line in lines] == data["events"]


def test_csv_round_trip_one_event_per_row():
    data = sample_contract()
    data["events"][2]["summary"] = "=HYPERLINK(\"x\") is not a formula here"
    rows = list(csv.DictReader(io.StringIO(render_export(data, "csv"), newline="")))
    assert len(rows) == len(data["events"])
    assert tuple(rows[0]) == CSV_COLUMNS
    for row, ev in zip(rows, data["events"], strict=True):
        assert row["id"] == ev["id"]
        assert row["date_start"] == ev["date"]["start"] and row["precision"] == ev["date"]["precision"]
        assert row["actors"].split(LIST_SEP) == (ev["actors"] or [""])
        assert int(row["source_count"]) == len(ev["sources"])
        assert json.loads(row["quotes"]) == [" ".join(s["quote"].split()) for s in ev["sources"]]
    meeting = rows[3]
    assert meeting["sources"] == "a.txt:120-185; b.txt:40-94"
    assert meeting["documents"] == "riverton-a; riverton-b"
    assert json.loads(meeting["conflicts"])[0]["field"] == "date"
    assert rows[2]["summary"].startswith("'=HYPERLINK")  # neutralised for spreadsheets


def _ancient_and_piped() -> dict:
    data = sample_contract()
    data["events"][0]["date"].update(value="0011", start="0011-01-01", end="2011-12-31", precision="year")
    data["events"][3]["sources"][0]["quote"] = 'He said: "a | b; c", then left.\nNext line | more'
    return data


def test_csv_quotes_split_back_exactly_whatever_they_hold():
    data = _ancient_and_piped()
    rows = list(csv.DictReader(io.StringIO(render_export(data, "csv"), newline="")))
    assert json.loads(rows[3]["quotes"])[0] == 'He said: "a | b; c", then left. Next line | more'
    by_source = list(csv.DictReader(io.StringIO(render_export(data, "csv", rows="sources"), newline="")))
    assert tuple(by_source[0]) == SOURCE_COLUMNS
    assert len(by_source) == sum(len(ev["sources"]) for ev in data["events"])
    meeting = [r for r in by_source if r["event"] == "ev-2016-03-14-meeting"]
    assert [r["source"] for r in meeting] == ["1", "2"] and meeting[0]["quote"] == data["events"][3]["sources"][0]["quote"]
    lines = render_export(data, "jsonl", rows="sources").splitlines()
    assert [json.loads(x)["quote"] for x in lines[3:5]] == [s["quote"] for s in data["events"][3]["sources"]]


def test_csv_dates_parse_in_pandas_2_even_with_the_year_11():
    pd = pytest.importorskip("pandas", reason="pandas is a test dependency")
    frame = pd.read_csv(io.StringIO(render_export(_ancient_and_piped(), "csv")), parse_dates=["date_start", "date_end"])
    assert str(frame["date_start"].dtype).startswith("datetime64") and str(frame["date_end"].dtype).startswith("datetime64")
    assert pd.isna(frame["date_start"][0]) and frame["year_start"][0] == 11 and frame["start_iso"][0] == "0011-01-01"
    assert frame["date_start"][3] == pd.Timestamp("2016-03-14") and frame["year_end"].dtype.kind == "i"
    assert set(frame["precision"]) <= {"day", "month", "year", "decade", "week", "season", "quarter"}


def test_contract_problems_catch_what_the_schema_cannot():
    assert contract_problems(sample_contract()) == []
    data = sample_contract()
    data["events"][1]["id"] = data["events"][0]["id"]
    data["events"][2]["date"]["start"] = "2016-01-01"  # after its end, 2015-12-31
    data["events"][3]["sources"][0]["doc"] = "nowhere"
    data["documents"].append(dict(data["documents"][0]))
    problems = contract_problems(data)
    assert any("id 'ev-1995-links' is not unique" in p for p in problems)
    assert any("documents: id" in p for p in problems)
    assert any("starts 2016-01-01 after it ends 2015-12-31" in p for p in problems)
    assert any("'nowhere' is not a document" in p for p in problems)
    bc = sample_contract()
    bc["events"][0]["date"].update(start="-0500-01-01", end="-0400-12-31")
    assert contract_problems(bc) == []  # years before 1 compare in time, not as text


def test_schema_declares_every_field_the_exports_carry():
    schema = load_schema()
    defs = schema["$defs"]
    declared = {name: set(defs[name]["properties"]) for name in ("document", "entity", "date", "source", "event")}
    from bbc_timeline.api import document_record
    from bbc_timeline.models import DateValue, Document, Entity, Event, Source

    doc = document_record(Document(id="d", file="d.txt", start=0, end=1))
    src = Source("d", "d.txt", 0, 1, "q")
    ev = Event("e", DateValue("2017", "2017-01-01", "2017-12-31", "year", end_value="2018"), "explicit", "s",
               sources=(src,)).to_dict()
    assert set(doc) <= declared["document"]
    assert set(Entity("p:x", "person", "X").to_dict()) <= declared["entity"]
    assert set(ev["date"]) <= declared["date"] and "end_value" in declared["date"]
    assert set(src.to_dict()) <= declared["source"]
    assert set(ev) <= declared["event"]


def test_written_files_get_the_users_normal_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "timeline.json", "{}")
        assert (tmp_path / "timeline.json").stat().st_mode & 0o777 == 0o644  # a web server can read it
        os.umask(0o077)
        write_atomic(tmp_path / "private.json", "{}")
        assert (tmp_path / "private.json").stat().st_mode & 0o777 == 0o600
        (tmp_path / "kept.json").write_text("old")
        os.chmod(tmp_path / "kept.json", 0o640)
        write_atomic(tmp_path / "kept.json", "new")  # replacing a file keeps its mode
        assert (tmp_path / "kept.json").stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_handles_an_empty_store(fmt):
    text = render_export(EMPTY, fmt)
    if fmt in ("json", "timelinejs"):
        assert json.loads(text)["events"] == []
    elif fmt == "csv":
        assert text.strip() == ",".join(CSV_COLUMNS)
    elif fmt in ("jsonl", "timesketch"):
        assert text == ""
    else:
        assert "</html>" in text


def test_unknown_format_and_group_by_raise_export_error():
    with pytest.raises(ExportError, match="unknown export format"):
        render_export(EMPTY, "xml")
    with pytest.raises(ExportError, match="group-by"):
        render_export(EMPTY, "timelinejs", group_by="colour")


# --- TimelineJS ----------------------------------------------------------------------------------

def _tl(data: dict, group_by: str = "none") -> dict:
    return json.loads(render_export(data, "timelinejs", group_by=group_by))


def test_timelinejs_dates_have_only_the_parts_the_event_has():
    slides = {s["unique_id"]: s for s in _tl(sample_contract())["events"]}
    assert slides["ev-2016-03-14-meeting"]["start_date"] == {"year": 2016, "month": 3, "day": 14}
    assert slides["ev-2017-08-visit"]["start_date"] == {"year": 2017, "month": 8}
    assert slides["ev-2015-board"]["start_date"] == {"year": 2015}
    assert slides["ev-201-growth"]["start_date"] == {"year": 2010}
    assert slides["ev-201-growth"]["end_date"] == {"year": 2019}
    assert slides["ev-201-growth"]["display_date"] == "2010s"
    for uid in ("ev-2016-03-14-meeting", "ev-2017-08-visit", "ev-2015-board"):
        assert "end_date" not in slides[uid] and "display_date" not in slides[uid]


def test_timelinejs_range_and_approximate_dates():
    slides = {s["unique_id"]: s for s in _tl(sample_contract())["events"]}
    lantern = slides["ev-2017-07-11-blue-lantern"]
    assert lantern["start_date"] == {"year": 2017, "month": 7, "day": 11}
    assert lantern["end_date"] == {"year": 2017, "month": 7, "day": 18}
    assert lantern["display_date"] == "11–18 July 2017"
    assert slides["ev-1995-links"]["display_date"] == "c. 1995"


def test_timelinejs_slides_headline_text_group_and_title():
    tl = _tl(sample_contract())
    title = tl["title"]["text"]["text"]
    assert tl["title"]["text"]["headline"] and "6 events from 2 documents" in title
    assert "Most present: Northern Rail Board" in title and "<li>" not in title  # a summary, not a document list
    slides = {s["unique_id"]: s for s in tl["events"]}
    assert len(slides) == 6 and not any("group" in s for s in tl["events"])  # no groups unless asked
    assert all(len(s["text"]["headline"]) <= HEADLINE_MAX for s in tl["events"])
    lantern = slides["ev-2017-07-11-blue-lantern"]["text"]
    assert lantern["headline"].endswith("…") and "Blue Lantern" in lantern["text"]  # cut headline: sentence below
    meeting = slides["ev-2016-03-14-meeting"]["text"]
    # the sentence once (as the headline), its two sources as a short list, no quotes repeating it
    assert "Anna Kovac meets" not in meeting["text"] and "<blockquote>" not in meeting["text"]
    assert meeting["text"].count("<li>") == 2 and "b.txt, characters 40–" in meeting["text"]
    by_actor = {s["unique_id"]: s for s in _tl(sample_contract(), "actor")["events"]}
    assert by_actor["ev-2016-03-14-meeting"]["group"] == "Anna Kovac"
    assert by_actor["ev-2015-board"]["group"] == "Northern Rail Board"  # no actor: first organisation
    by_doc = {s["unique_id"]: s for s in _tl(sample_contract(), "document")["events"]}
    assert by_doc["ev-2016-03-14-meeting"]["group"] == "Minister meets rail board"
    assert by_doc["ev-2017-08-visit"]["group"] == "Riverton&#x27;s busy summer"


def test_timelinejs_cuts_long_texts_and_long_source_lists():
    data = sample_contract()
    ev = data["events"][3]
    ev["summary"] = "word " * 20_000
    ev["sources"] = ev["sources"] * 40
    slide = {s["unique_id"]: s for s in _tl(data)["events"]}[ev["id"]]
    assert len(slide["text"]["text"]) < 2_000 and "and 75 more" in slide["text"]["text"]


def test_timelinejs_escapes_html_and_keeps_ids_unique():
    data = sample_contract()
    data["events"][1]["summary"] = "<b onmouseover=x()>bold</b>"
    data["events"][1]["sources"][0]["quote"] = "<script>alert(1)</script>"
    data["documents"][0]["title"] = "<script>alert(1)</script>"
    data["events"][2]["id"] = data["events"][1]["id"]
    tl = _tl(data)
    text = json.dumps(tl)
    assert "<script>" not in text and "<b " not in text and "&lt;script&gt;" in text
    ids = [s["unique_id"] for s in tl["events"]] + [tl["title"]["unique_id"]]
    assert len(ids) == len(set(ids))


# --- Timesketch ----------------------------------------------------------------------------------

def _ts(data: dict) -> list[dict]:
    return [json.loads(line) for line in render_export(data, "timesketch").splitlines()]


def test_timesketch_mandatory_fields_and_no_reserved_names():
    records = _ts(sample_contract())
    assert len(records) == 6
    for rec, ev in zip(records, sample_contract()["events"], strict=True):
        assert rec["message"] == ev["summary"]
        assert rec["datetime"].endswith("+00:00")
        when = datetime.fromisoformat(rec["datetime"])
        assert when.tzinfo == UTC and when.date().isoformat() == ev["date"]["start"]
        assert isinstance(rec["timestamp"], int)
        assert rec["timestamp"] == int(when.timestamp()) * 1_000_000
        assert rec["timestamp_desc"].endswith(f"({ev['date']['precision']} precision)")
        assert rec["precision"] == ev["date"]["precision"]
        assert rec["actors"] == ev["actors"] and rec["orgs"] == ev["orgs"]
        assert len(rec["sources"]) == len(ev["sources"])
        assert not RESERVED_FIELDS & set(rec)
        assert not any(k.startswith("_") for k in rec)


def test_timesketch_examples():
    recs = {r["event_id"]: r for r in _ts(sample_contract())}
    day = recs["ev-2016-03-14-meeting"]
    assert day["datetime"] == "2016-03-14T00:00:00+00:00" and day["timestamp"] == 1457913600000000
    assert day["timestamp_desc"] == "Event date (day precision)"
    assert recs["ev-2017-07-11-blue-lantern"]["timestamp_desc"] == "Event start (day precision)"
    assert recs["ev-2017-07-11-blue-lantern"]["date_end"] == "2017-07-18"
    assert recs["ev-2017-08-visit"]["timestamp_desc"] == "Event date (month precision)"
    assert day["sources"] == ["a.txt:120-185", "b.txt:40-94"] and day["conflicting_sources"] is True


def test_timesketch_before_epoch_is_negative_microseconds():
    data = sample_contract()
    data["events"] = [_event("old", "1969-12-31", "1969-12-31", "1969-12-31", "day", "x", sources=[])]
    assert _ts(data)[0]["timestamp"] == -86_400_000_000


# --- dates ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("d, label", [
    ({"value": "2017-07-25", "start": "2017-07-25", "end": "2017-07-25", "precision": "day"}, "25 July 2017"),
    ({"value": "2017-07", "start": "2017-07-01", "end": "2017-07-31", "precision": "month"}, "July 2017"),
    ({"value": "2017", "start": "2017-01-01", "end": "2017-12-31", "precision": "year"}, "2017"),
    ({"value": "201", "start": "2010-01-01", "end": "2019-12-31", "precision": "decade"}, "2010s"),
    ({"value": "2017-07-30", "start": "2017-07-30", "end": "2017-08-02", "precision": "day"},
     "30 July – 2 August 2017"),
    ({"value": "2017-07", "start": "2017-07-01", "end": "2017-09-30", "precision": "month"},
     "July–September 2017"),
    ({"value": "2017-SU", "start": "2017-06-01", "end": "2017-08-31", "precision": "month"}, "Summer 2017"),
    ({"value": "2017-06", "start": "2017-06-01", "end": "2017-06-30", "precision": "month",
      "text": "early June 2017"}, "c. June 2017"),
    # a week is a week, and an end known to the month is never shown with a day
    ({"value": "2017-W30", "start": "2017-07-24", "end": "2017-07-30", "precision": "week"}, "week 30 of 2017"),
    ({"value": "2017-07-25", "start": "2017-07-25", "end": "2017-10-31", "precision": "day",
      "end_value": "2017-10"}, "25 July 2017 – October 2017"),
    ({"value": "2017-W30", "start": "2017-07-24", "end": "2017-08-31", "precision": "week",
      "end_value": "2017-08"}, "week 30 of 2017 – August 2017"),
])
def test_human_date(d, label):
    assert human_date(d) == label


def test_month_interval_is_not_a_range():
    assert not is_range({"start": "2016-02-01", "end": "2016-02-29", "precision": "month"})
    assert is_range({"start": "2016-02-01", "end": "2016-03-01", "precision": "month"})


# --- atomic writes -------------------------------------------------------------------------------

def test_write_atomic_writes_and_replaces(tmp_path):
    target = tmp_path / "out.json"
    write_atomic(target, "one\n")
    write_atomic(target, "twó\r\n")
    assert target.read_bytes() == "twó\r\n".encode()
    assert os.listdir(tmp_path) == ["out.json"]


def test_write_atomic_missing_folder(tmp_path):
    target = tmp_path / "nope" / "out.json"
    with pytest.raises(ExportError, match="does not exist") as err:
        write_atomic(target, "x")
    assert "\n" not in str(err.value)
    assert not (tmp_path / "nope").exists()


def test_write_atomic_target_is_a_folder(tmp_path):
    with pytest.raises(ExportError, match="is a folder"):
        write_atomic(tmp_path, "x")


def test_write_atomic_read_only_folder_leaves_nothing(tmp_path, monkeypatch):
    # Permission bits do not bind root (CI runs as root), so the refusal is simulated
    # where the operating system would raise it: creating the temporary file.
    import tempfile

    folder = tmp_path / "ro"
    folder.mkdir()

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(ExportError, match="cannot write .*Permission denied"):
        write_atomic(folder / "out.csv", "x")
    assert os.listdir(folder) == []


def test_write_atomic_failure_during_rename_leaves_nothing(tmp_path, monkeypatch):
    target = tmp_path / "out.html"
    target.write_text("old")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError, match="cannot write .*Permission denied"):
        write_atomic(target, "new")
    assert sorted(os.listdir(tmp_path)) == ["out.html"] and target.read_text() == "old"


def test_write_atomic_disk_full_leaves_nothing(tmp_path, monkeypatch):
    real_fsync = os.fsync

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ExportError, match="No space left"):
        write_atomic(tmp_path / "big.jsonl", "x" * 1000)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert os.listdir(tmp_path) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_write_atomic_read_only_file(tmp_path):
    target = tmp_path / "locked.json"
    target.write_text("keep")
    target.chmod(0o400)
    with pytest.raises(ExportError, match="cannot write"):
        write_atomic(target, "new")
    assert target.read_text() == "keep" and os.listdir(tmp_path) == ["locked.json"]


def test_write_atomic_accepts_str_path(tmp_path):
    write_atomic(str(tmp_path / "s.txt"), "ok")  # type: ignore[arg-type]
    assert Path(tmp_path / "s.txt").read_text() == "ok"


def test_export_error_is_a_library_error_and_query_path_stays_light():
    import subprocess
    import sys

    from bbc_timeline.errors import TimelineError

    assert issubclass(ExportError, TimelineError)
    code = ("import sys, bbc_timeline.export, bbc_timeline.chart\n"
            "from bbc_timeline.export import contract, tabular, timelinejs, timesketch, html\n"
            "print(sorted(m for m in ('spacy', 'dateparser') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.stdout.strip() == "[]"
