"""Key events as a user meets them: furniture left out, digest, show --top (blank model, small texts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli as run

COMMENTED = """Harbour council votes to close the old port
April 3, 2012 10:15

By Anna Berg and Tom Hale, CNN On April 2, 2012, the harbour council voted to close the old port.

The mayor said the vote followed a long debate.

Great news for the town!!! April 4, 2012 at 9:15 pm | Report abuse | I disagree with the council.
Nobody asked us. April 5, 2012 at 7:02 am | Reply Shame on them.
"""


pytestmark = pytest.mark.usefixtures("blank_model")  # ingest with the model-free pipeline (conftest)


def test_comments_and_byline_are_left_out_and_reported(capsys, tmp_path: Path):
    (tmp_path / "port.txt").write_text(COMMENTED, encoding="utf-8")
    code, _, err = run(capsys, "ingest", str(tmp_path))
    assert code == 0, err
    _, out, _ = run(capsys, "sources", "--json")
    (doc,) = json.loads(out)
    assert set(doc["left_out"]) == {"comments", "byline"}
    assert doc["left_out"]["byline"] == len("By Anna Berg and Tom Hale, CNN")
    _, out, _ = run(capsys, "sources")
    assert "comments" in out
    _, out, _ = run(capsys, "extract", str(tmp_path / "port.txt"), "--format", "jsonl")
    values = {json.loads(line).get("value") for line in out.splitlines()}
    assert "2012-04-02" in values and "2012-04-04" not in values and "2012-04-05" not in values
    assert (tmp_path / "port.txt").read_text(encoding="utf-8") == COMMENTED  # the file is untouched


WIRE = """Harbour closure approved
March 4, 2019 10:15

On March 2, 2019, the harbour council of Port Ruric voted to close the old fishing harbour after a long dispute with the fishermen.

The fishermen said they would appeal against the closure in the regional court.

The harbour has been a centre of trade for 400 years, and the town has grown around it since 1850.
"""

REPRINT = WIRE.replace("March 4, 2019 10:15", "March 4, 2019 11:40").replace("long dispute", "lengthy dispute")

OTHER_OUTLET = """Fishermen lose their harbour
March 5, 2019 08:00

On March 2, 2019, the harbour council voted to close the old fishing harbour of Port Ruric, ending a dispute that had lasted for months.

On March 3, 2019, a small protest was held in the square.
"""


@pytest.fixture
def outlets(tmp_path) -> Path:
    d = tmp_path / "outlets"
    d.mkdir()
    (d / "wire.txt").write_text(WIRE, encoding="utf-8")
    (d / "reprint.txt").write_text(REPRINT, encoding="utf-8")
    (d / "other.txt").write_text(OTHER_OUTLET, encoding="utf-8")
    return d


def test_reprint_counts_once_and_reports_merge_across_outlets(capsys, outlets):
    code, out, err = run(capsys, "ingest", str(outlets), "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["reprints"] == 1
    assert report["corroborated"] >= 1
    _, out, _ = run(capsys, "show", "--since", "2019-03-02", "--until", "2019-03-02", "--json")
    (vote,) = json.loads(out)
    assert {s["doc"] for s in vote["sources"]} == {"wire", "reprint", "other"}
    assert vote["independent"] == 2  # the wire story and its reprint are one source
    assert any("reprint" in line for line in vote["importance_evidence"])
    _, out, _ = run(capsys, "event", vote["id"])
    assert "independent" in out  # `timeline event` says why it scored as it did


def test_periods_stay_out_of_a_window_they_only_overlap(capsys, outlets):
    run(capsys, "ingest", str(outlets))
    _, out, _ = run(capsys, "export", "--format", "json")
    periods = [e for e in json.loads(out)["events"] if e["kind"] == "period"]
    assert periods and all(e["importance"] < 0.2 for e in periods)
    _, out, _ = run(capsys, "show", "--since", "2000", "--until", "2000", "--json")
    assert json.loads(out) == []  # "for 400 years", "since 1850" say nothing happened in 2000
    _, out, _ = run(capsys, "show", "--since", "2000", "--until", "2000", "--periods", "--json")
    assert {e["kind"] for e in json.loads(out)} == {"period"}


def test_digest_json_shape_and_order(capsys, outlets):
    run(capsys, "ingest", str(outlets))
    code, out, err = run(capsys, "digest", "--days", "2", "--per-day", "1", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"days"}
    dates = [d["date"] for d in data["days"]]
    assert dates == sorted(dates) and len(dates) == 2 and "2019-03-02" in dates
    for d in data["days"]:
        assert set(d) == {"date", "score", "entries"} and 0 <= d["score"] <= 1 and len(d["entries"]) <= 1
        for e in d["entries"]:
            assert set(e) == {"text", "event", "sources", "doc", "start", "end"}
    top = max(data["days"], key=lambda d: d["score"])
    assert top["date"] == "2019-03-02" and top["score"] == 1.0
    entry = top["entries"][0]
    text = (outlets / f"{'wire' if entry['doc'] == 'wire' else entry['doc']}.txt").read_text(encoding="utf-8")
    assert " ".join(text[entry["start"] : entry["end"]].split()) == entry["text"]
    _, out, _ = run(capsys, "digest", "--published-until", "2019-03-04", "--json")
    sources = {s for d in json.loads(out)["days"] for e in d["entries"] for s in e["sources"]}
    assert "other" not in sources  # published on 5 March: not known by the 4th
    code, out, _ = run(capsys, "digest")
    assert code == 0 and "2019-03-02" in out


def test_show_top_and_export_limit_take_the_most_important(capsys, outlets):
    run(capsys, "ingest", str(outlets))
    _, out, _ = run(capsys, "show", "--top", "1", "--json")
    (top,) = json.loads(out)
    assert top["date"]["value"] == "2019-03-02"
    _, out, _ = run(capsys, "export", "--format", "json", "--limit", "1")
    assert [e["id"] for e in json.loads(out)["events"]] == [top["id"]]
    _, out, _ = run(capsys, "show", "--top", "1")
    assert "most important" in out


def test_digest_never_picks_a_question_as_what_happened():
    from bbc_timeline.digest import choose_sentences

    def ev(i, quote):
        return ({"id": f"e{i}", "importance": 0.9 if i == 0 else 0.1,
                 "sources": [{"doc": f"d{i}", "quote": quote, "start": 0, "end": len(quote)}]}, [f"d{i}"])

    events = [ev(0, "And was the capital heavily dependent on the port before the earthquake struck?"),
              ev(1, "The earthquake struck the capital on Tuesday and destroyed the port.")]
    got = choose_sentences(events, 2)
    assert [e["event"] for e in got] == ["e1"]


def test_show_and_export_read_only_what_was_published_in_the_window(capsys, outlets):
    run(capsys, "ingest", str(outlets))
    for command in (("show", "--all", "--json"), ("export", "--format", "json")):
        code, out, err = run(capsys, *command, "--published-until", "2019-03-04")
        assert code == 0, err
        data = json.loads(out)
        events = data["events"] if isinstance(data, dict) else data
        docs = {s["doc"] for e in events for s in e["sources"]}
        assert events and "other" not in docs  # published on 5 March: not known by the 4th
        code, out, _ = run(capsys, *command, "--published-since", "2019-03-05")
        data = json.loads(out)
        events = data["events"] if isinstance(data, dict) else data
        assert code == 0 and {s["doc"] for e in events for s in e["sources"]} <= {"other"}
