"""kill -9 at any moment, with 1 or 2 workers, then a new ingest: a whole store, equal to a clean ingest.

Model-free (a blank spaCy pipeline with a sentencizer, run by a small script) so that a run takes
seconds; the kill lands while files are being stored, and while the chronology is being resolved.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bbc_timeline import api

ROOT = Path(__file__).resolve().parent.parent

_SCRIPT = """
import sys, spacy
from pathlib import Path
from bbc_timeline.ingest import ingest
nlp = spacy.blank("en"); nlp.add_pipe("sentencizer")
r = ingest([Path(sys.argv[1])], Path(sys.argv[2]), nlp=nlp, workers=int(sys.argv[3]), batch_size=4, wait=60)
print(r.stored, r.skipped, len(r.failed))
"""

ARTICLE = (
    "Talks on the {n}th round\n\nMarch {d}, 2019 10:00\n\n"
    "On {d} March 2019 the delegations met for the {n}th round. Two days later they signed a memorandum.\n\n"
    "In June 2018 the sides had agreed to meet. The next round is planned for 2020.\n"
)


def _corpus(root: Path, n: int) -> Path:
    for i in range(n):
        sub = root / ("north" if i % 2 else "south")  # the same names in two folders: ids must stay apart
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"report{i // 2:03d}.txt").write_text(ARTICLE.format(n=i + 1, d=1 + i % 27) * 3, encoding="utf-8")
    return root


def _start(corpus: Path, db: Path, workers: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", _SCRIPT, str(corpus), str(db), str(workers)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _stored(db: Path) -> int:
    try:
        c = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)
        try:
            return c.execute("SELECT count(*) FROM files").fetchone()[0]
        finally:
            c.close()
    except sqlite3.Error:
        return -1


def _children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(x) for x in out.split()]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "zombie" in status.read_text())


def _snapshot(db: Path) -> dict:
    with api.open_store(db) as store:
        data = api.export_data(store)
        per_file = {
            name: sorted((d.id, d.start, d.end) for d, n in store.documents() if n == name)
            for _, name in store.documents()
        }
        mentions = {d.id: len(store.mentions(d.id)) for d, _ in store.documents()}
    return {"export": data, "files": per_file, "mentions": mentions}


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_kill_9_at_any_moment_then_ingest_equals_a_clean_ingest(tmp_path, workers):
    n = 60
    corpus = _corpus(tmp_path / "corpus", n)
    clean = tmp_path / "clean.db"
    p = _start(corpus, clean, workers)
    out, err = p.communicate(timeout=600)
    assert p.returncode == 0, err
    expected = _snapshot(clean)

    db = tmp_path / "killed.db"
    rng = random.Random(workers)
    # kill points: before any file, while files are stored (at several counts), during the resolve
    targets = [0, 5, n // 3, (2 * n) // 3, n]
    for target in targets:
        p = _start(corpus, db, workers)
        deadline = time.monotonic() + 300
        while _stored(db) < target and p.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(rng.uniform(0, 0.3))
        kids = _children(p.pid)
        p.send_signal(signal.SIGKILL)
        p.communicate()
        time.sleep(0.5)
        assert not [k for k in kids if _alive(k)], "a model worker outlived its killed parent"
        with sqlite3.connect(db) as c:  # opening rolls back a hot journal, as the next ingest would
            assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        if _stored(db) > 0:
            got = _snapshot(db)
            for name, docs in got["files"].items():  # every stored file is there fully
                assert docs == expected["files"][name], name
                assert all(got["mentions"][d] == expected["mentions"][d] for d, *_ in docs), name

    p = _start(corpus, db, workers)
    out, err = p.communicate(timeout=600)
    assert p.returncode == 0, err
    stored, skipped, failed = map(int, out.split())
    assert stored + skipped == n and failed == 0
    got = _snapshot(db)
    assert got["files"] == expected["files"]
    assert got["mentions"] == expected["mentions"]
    assert json.dumps(got["export"], sort_keys=True) == json.dumps(expected["export"], sort_keys=True)
