"""The CLI as a user meets it: commands, filters, and every kind of bad input.

The model is replaced by a blank pipeline here (fast, no weights); the
end-to-end tests with the real model are in test_end_to_end.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli as run

ARTICLE = """Ruritania signs border deal
March 4, 2019 10:15

On March 2, 2019, the Ruritanian Interior Ministry and the Border Guard of Freedonia signed a protocol on joint patrols.

In June 2018 the two governments had agreed to talk about the border.

Analysts think the deal is fragile.
"""

OTHER = """Freedonia holds elections
May 20, 2020 09:00

On May 18, 2020, Freedonia held parliamentary elections that observers described as calm.

The count was finished the same day.
"""


pytestmark = pytest.mark.usefixtures("blank_model")  # ingest with the model-free pipeline (conftest)


@pytest.fixture
def corpus(tmp_path) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "ruritania.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "freedonia.md").write_text(OTHER, encoding="utf-8")
    return d


def test_ingest_then_show_filters(capsys, corpus):
    code, out, err = run(capsys, "ingest", str(corpus))
    assert code == 0, err
    assert "2 files ingested" in out and "0 failed" in out
    code, out, _ = run(capsys, "show", "--json")
    events = json.loads(out)
    values = [e["date"]["value"] for e in events]
    assert values == sorted(values, key=lambda v: next(e["date"]["start"] for e in events if e["date"]["value"] == v))
    assert {"2018-06", "2019-03-02", "2020-05-18"} <= set(values)
    code, out, _ = run(capsys, "show", "--since", "2019-03", "--json")
    assert {e["date"]["value"] for e in json.loads(out)} >= {"2019-03-02", "2020-05-18"}
    assert all(e["date"]["end"] >= "2019-03-01" for e in json.loads(out))
    code, out, _ = run(capsys, "show", "--until", "2018", "--json")
    assert [e["date"]["value"] for e in json.loads(out)] == ["2018-06"]
    code, out, _ = run(capsys, "show", "--text", "elections", "--json")
    assert [e["date"]["value"] for e in json.loads(out)] == ["2020-05-18"]
    code, out, _ = run(capsys, "show", "--limit", "1", "--json")
    assert len(json.loads(out)) == 1
    code, out, _ = run(capsys, "show", "--since", "2017-07")
    assert code == 0 and "2019-03-02" in out and "2018-06" in out


def test_reingest_skips_unchanged_and_replaces_changed(capsys, corpus):
    run(capsys, "ingest", str(corpus))
    code, out, _ = run(capsys, "ingest", str(corpus))
    assert "0 files ingested, 2 unchanged skipped" in out
    (corpus / "freedonia.md").write_text(OTHER.replace("May 18, 2020", "May 17, 2020"), encoding="utf-8")
    code, out, _ = run(capsys, "ingest", str(corpus))
    assert "1 files ingested, 1 unchanged skipped" in out
    _, out, _ = run(capsys, "show", "--json")
    values = {e["date"]["value"] for e in json.loads(out)}
    assert "2020-05-17" in values and "2020-05-18" not in values


def test_sources_and_extract(capsys, corpus):
    run(capsys, "ingest", str(corpus))
    _, out, _ = run(capsys, "sources", "--json")
    docs = {d["file"]: d for d in json.loads(out)}
    assert docs["ruritania.txt"]["published"] == {"value": "2019-03-04", "basis": "dateline"}
    code, out, _ = run(capsys, "extract", str(corpus / "ruritania.txt"), "--format", "jsonl")
    recs = [json.loads(line) for line in out.splitlines()]
    march = next(r for r in recs if r["text"] == "March 2, 2019")
    assert march["value"] == "2019-03-02" and ARTICLE[march["start"] : march["end"]] == "March 2, 2019"
    assert march["file"] == "ruritania.txt" and march["doc"] == "ruritania"
    code, out, _ = run(capsys, "extract", str(corpus / "ruritania.txt"), "--dct", "2018-12-01")
    june = next(json.loads(line) for line in out.splitlines() if "June 2018" in line)
    assert june["value"] == "2018-06"


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("empty.txt", b"", "empty file"),
        ("binary.txt", b"\x00\x01\x02\x03PNG\x00\x00", "binary file"),
    ],
)
def test_bad_file_is_reported_and_others_still_ingested(capsys, corpus, name, content, message):
    (corpus / name).write_bytes(content)
    code, out, err = run(capsys, "ingest", str(corpus))
    assert code == 0
    assert message in err and name in err and "Traceback" not in err
    assert "2 files ingested" in out and "1 failed" in out


def test_legacy_encoding_is_used_and_named(capsys, tmp_path):
    p = tmp_path / "legacy.txt"
    p.write_bytes("Минск и Пекин\n\nOn March 2, 2019 officials met in Minsk to talk about trade.\n".encode("cp1251"))
    code, out, err = run(capsys, "ingest", str(p))
    assert code == 0 and "read as cp1251" in err and "1 files ingested" in out


def test_missing_path_and_broken_link(capsys, tmp_path, corpus):
    (corpus / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    code, out, err = run(capsys, "ingest", str(tmp_path / "nope"), str(corpus))
    assert code == 0 and "no such file or folder" in err and "broken symbolic link" in err
    code, out, err = run(capsys, "ingest", str(tmp_path / "nope"))
    assert code == 1 and "no such file or folder" in err and "Traceback" not in err


def test_messages_with_brackets_are_printed_as_written(capsys, tmp_path):
    """A file name is data: '[/b]' in it must not be read as Rich markup (no crash, no traceback)."""
    code, _, err = run(capsys, "ingest", str(tmp_path / "notes [/b] draft.txt"))
    assert code == 1 and "notes [/b] draft.txt" in err and "Traceback" not in err
    code, _, err = run(capsys, "show", "--since", "[/red]")
    assert code == 2 and "'[/red]' is not a date" in err


def test_unreadable_file(capsys, corpus, monkeypatch):
    from bbc_timeline import sources

    victim = (corpus / "ruritania.txt").resolve()
    real = sources._read_regular

    def read_regular(path, limit):
        if Path(path).resolve() == victim:
            raise PermissionError(13, "Permission denied")
        return real(path, limit)

    monkeypatch.setattr(sources, "_read_regular", read_regular)
    code, out, err = run(capsys, "ingest", str(corpus))
    assert "permission denied" in err and "1 files ingested" in out


def test_store_that_is_not_sqlite(capsys, tmp_path, corpus):
    bad = tmp_path / "bad.db"
    bad.write_text("not a database at all " * 50)
    for args in (["ingest", str(corpus)], ["show"], ["export", "--format", "json"]):
        code, _, err = run(capsys, *args, "--db", str(bad))
        assert code == 1 and "not a timeline store" in err and "Traceback" not in err


def test_bad_since_and_unknown_actor(capsys, corpus):
    run(capsys, "ingest", str(corpus))
    code, _, err = run(capsys, "show", "--since", "the day after the war")
    assert code == 2 and "'the day after the war' is not a date" in err
    code, _, err = run(capsys, "show", "--since", "2020", "--until", "2017")
    assert code == 2 and "is after --until" in err
    code, out, _ = run(capsys, "show", "--since", "July 2017", "--until", "31 July 2017", "--json")
    assert code == 0 and out.strip()
    code, _, err = run(capsys, "actor", "Nobody Atall")
    assert code == 2 and "no person or organisation called 'Nobody Atall'" in err


def test_show_before_any_ingest(capsys):
    code, _, err = run(capsys, "show")
    assert code == 1 and "timeline ingest" in err


def test_interrupted_ingest_leaves_no_half_written_document(capsys, corpus, monkeypatch):
    run(capsys, "ingest", str(corpus / "freedonia.md"))
    from bbc_timeline.store import Store

    real = Store.replace_file

    def interrupted(self, path, name, sha, enc, text, documents, mentions, sentences):
        def boom():
            yield from list(mentions)[:1]
            raise KeyboardInterrupt

        return real(self, path, name, sha, enc, text, documents, boom(), sentences)

    monkeypatch.setattr(Store, "replace_file", interrupted)
    code, _, err = run(capsys, "ingest", str(corpus / "ruritania.txt"))
    assert code == 130 and "interrupted" in err
    monkeypatch.setattr(Store, "replace_file", real)
    _, out, _ = run(capsys, "sources", "--json")
    assert [d["file"] for d in json.loads(out)] == ["freedonia.md"]
    code, out, _ = run(capsys, "ingest", str(corpus))  # finishing the work later
    assert "1 files ingested, 1 unchanged skipped" in out


def test_every_command_has_help(capsys):
    for command in ("ingest", "show", "actor", "actors", "sources", "event", "extract", "export", "chart"):
        code, out, _ = run(capsys, command, "--help")
        assert code == 0 and "Usage" in out


def test_show_table_prints_data_verbatim_within_the_width():
    """Names and summaries are data: brackets are not Rich markup, and nothing overflows."""
    import io

    from rich.console import Console

    from bbc_timeline import render

    events = [
        {
            "id": "ev-2019-03-02-border-deal",
            "date": {"value": "2019-03-02", "precision": "day", "start": "2019-03-02", "end": "2019-03-02"},
            "date_basis": "explicit",
            "summary": "The [/b] ministry signed a protocol on joint patrols along the whole border [draft]",
            "actors": ["Ivan [Jr] Petrov"],
            "orgs": ["Border Guard of Freedonia", "Interior Ministry"],
            "sources": [{"doc": "a"}, {"doc": "b"}, {"doc": "a"}],
        },
        {
            "id": "ev-2018-06-talks",
            "date": {"value": "2018-06", "precision": "month", "start": "2018-06-01", "end": "2018-06-30",
                     "end_value": "2018-07"},
            "date_basis": "narrative",
            "summary": "Talks.",
            "actors": [],
            "orgs": [],
            "sources": [{"doc": "a"}],
        },
    ]
    buf = io.StringIO()
    Console(file=buf, width=80, color_system=None, markup=False, emoji=False).print(
        render.events_table(events, title="Timeline (2 events)"), crop=False
    )
    text = buf.getvalue()
    lines = text.splitlines()
    assert all(len(line) <= 80 for line in lines)
    flat = " ".join(" ".join(line.replace("│", " ").split()) for line in lines)
    assert "[/b]" in flat and "[Jr]" in text and "[draft]" in flat
    assert "ev-2019-03-02-border-deal" in text and "narrative" in text
    assert "2018-06" in text and "– 2018-07" in text  # a range's end goes on its own line
    row = next(line for line in lines if "2019-03-02" in line)
    assert row.rstrip(" │┃").endswith("2")  # two distinct documents, not three passages
    header = next(line for line in lines if "Date" in line)
    assert "Orgs" in header and "Organisat" not in text  # a narrow header shortens, never breaks mid-word
    wide = io.StringIO()
    Console(file=wide, width=120, color_system=None).print(render.events_table(events))
    assert "Organisations" in wide.getvalue()


def test_html_article_keeps_offsets_and_its_declared_date(capsys, tmp_path):
    page = (
        "<html><head><title>Border deal</title>"
        '<meta property="article:published_time" content="2019-03-04T10:00:00Z"></head>'
        "<body><h1>Border deal</h1><p>On March 2, 2019, the two border services signed a protocol &amp; a plan.</p>"
        "<script>var x = 'March 9, 2019';</script></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    code, _, err = run(capsys, "ingest", str(tmp_path / "page.html"))
    assert code == 0, err
    _, out, _ = run(capsys, "sources", "--json")
    (doc,) = json.loads(out)
    assert doc["published"] == {"value": "2019-03-04", "basis": "metadata"} and doc["title"] == "Border deal"
    code, out, _ = run(capsys, "extract", str(tmp_path / "page.html"))
    timexes = [json.loads(line) for line in out.splitlines() if '"timex"' in line]
    assert [t["text"] for t in timexes] == ["March 2, 2019"]  # nothing from the script
    t = timexes[0]
    assert page[t["start"] : t["end"]] == "March 2, 2019"  # offsets into the file as stored


def test_console_script_runs_queries_without_the_cyclic_gc_and_ingest_with_it(capsys, corpus, monkeypatch):
    import gc
    import subprocess
    import sys

    probe = (
        "import gc, sys; from bbc_timeline import _entry; "
        "print(gc.isenabled())"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
    seen = []
    monkeypatch.setattr(gc, "enable", lambda: seen.append(True))
    run(capsys, "ingest", str(corpus))
    assert seen == [True]


def test_exports_of_a_real_store_keep_their_promises(capsys, corpus, tmp_path):
    from bbc_timeline.export.contract import contract_problems, load_schema

    run(capsys, "ingest", str(corpus))
    code, out, _ = run(capsys, "export", "--format", "json")
    data = json.loads(out)
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator(load_schema()).validate(data)
    assert contract_problems(data) == []
    code, out, _ = run(capsys, "export", "--format", "csv", "--rows", "sources")
    assert code == 0 and out.splitlines()[0].startswith("event,")
    assert len(out.strip().splitlines()) - 1 >= len(data["events"])
    code, _, err = run(capsys, "export", "--format", "csv", "--rows", "words")
    assert code != 0 and "--rows must be events or sources" in err
    code, out, _ = run(capsys, "export", "--format", "json", "--limit", "1")
    top = max(data["events"], key=lambda e: e["importance"])["importance"]
    assert [e["importance"] for e in json.loads(out)["events"]] == [top]  # the most important, not the oldest


def test_show_and_actors_page_in_sql(capsys, corpus):
    run(capsys, "ingest", str(corpus))
    code, out, _ = run(capsys, "show", "--json")
    every = [e["id"] for e in json.loads(out)]
    code, out, _ = run(capsys, "show", "--limit", "1", "--offset", "1", "--json")
    assert [e["id"] for e in json.loads(out)] == every[1:2]
    code, out, _ = run(capsys, "show", "--limit", "1")
    assert code == 0 and "ev-" in out
    code, _, err = run(capsys, "actors", "--sort", "age")
    assert code != 0 and "--sort must be mentions or name" in err


def test_timelinejs_export_of_many_events_suggests_a_limit(capsys, corpus, monkeypatch):
    from bbc_timeline import cli

    run(capsys, "ingest", str(corpus))
    monkeypatch.setattr(cli, "TIMELINEJS_SLIDES", 1)
    code, out, err = run(capsys, "export", "--format", "timelinejs")
    assert code == 0 and "--limit 1 keeps the most important" in err and json.loads(out)["events"]
    code, out, err = run(capsys, "export", "--format", "timelinejs", "--limit", "1")
    assert "--limit" not in err and len(json.loads(out)["events"]) == 1
