"""Key events as a user meets them: furniture left out, digest, show --top (blank model, small texts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bbc_timeline.cli import main

COMMENTED = """Harbour council votes to close the old port
April 3, 2012 10:15

By Anna Berg and Tom Hale, CNN On April 2, 2012, the harbour council voted to close the old port.

The mayor said the vote followed a long debate.

Great news for the town!!! April 4, 2012 at 9:15 pm | Report abuse | I disagree with the council.
Nobody asked us. April 5, 2012 at 7:02 am | Reply Shame on them.
"""


@pytest.fixture(autouse=True)
def blank_model(monkeypatch, blank_nlp):
    monkeypatch.setattr("bbc_timeline.nlp.pipeline.load_pipeline", lambda model=None: blank_nlp)
    monkeypatch.setattr("bbc_timeline.nlp.pipeline.model_name", lambda nlp: "blank")


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as e:
        main(list(args))
    captured = capsys.readouterr()
    return e.value.code or 0, captured.out, captured.err


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
