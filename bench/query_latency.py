"""Query latency against `python -c "import typer, rich.table"` (the bare start-up of a Typer+Rich tool).

    python bench/query_latency.py [--store NAME=PATH ...] [--runs N] [--code DIR] [--json FILE]

Always: the bundled corpus (ingested into a temporary store), `timeline show
--since 2017-07`, target <= 1.5x (issue 2). With `--store` (a large store, e.g.
10,000 synthetic articles from bench/gen_corpus.py, or a Timeline17 topic), the
queries of issue 13 on that store:

- `actor NAME` (the most mentioned person), target <= 3x
- a one-day `show` (the day with the most day-precision events), target <= 3x
- `show --text WORDS` (two words of the best-sourced event's summary), target <= 3x
- a plain `show` (a screenful), target <= 10x

The queries are chosen from the store by SQL that every schema version reads,
so the same command measures an older checkout (`--code DIR`: the package
imported is DIR's; a store older than that code is migrated to it first).

Fairness: the commands take turns run by run (a burst of load elsewhere hits
all alike), each is warmed up first, and the package's bytecode is compiled
before timing, as pip does for Typer and Rich when it installs them.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = "python -c 'import typer, rich.table'"


def wall_seconds(cmd: list[str], env: dict) -> float:
    t = time.perf_counter()
    # cwd: `python -m`/`-c` put the working folder first on sys.path, so it must be the checkout measured
    subprocess.run(cmd, env=env, cwd=env["PYTHONPATH"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=True)
    return time.perf_counter() - t


def interleaved_medians(cmds: list[list[str]], runs: int, env: dict, warmup: int = 2) -> list[float]:
    """Median wall time of each command, the commands taking turns run by run."""
    for _ in range(warmup):
        for cmd in cmds:
            wall_seconds(cmd, env)
    times: list[list[float]] = [[] for _ in cmds]
    for _ in range(runs):
        for cmd, acc in zip(cmds, times, strict=True):
            acc.append(wall_seconds(cmd, env))
    return [statistics.median(t) for t in times]


def pick_queries(db: Path) -> list[tuple[str, list[str], float]]:
    """(label, timeline arguments, target ratio) for a large store, chosen by SQL."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        person = conn.execute(
            "SELECT name FROM entities WHERE type = 'person' "
            "ORDER BY CAST(json_extract(data, '$.mentions') AS INTEGER) DESC, name LIMIT 1"
        ).fetchone()
        day = conn.execute(
            "SELECT date_start FROM events WHERE date_start = date_end AND length(date_start) = 10 "
            "GROUP BY date_start ORDER BY count(*) DESC, date_start LIMIT 1"
        ).fetchone()
        # words of the best-sourced event's summary: a query that finds something, as an analyst's would
        summaries = conn.execute(
            "SELECT json_extract(data, '$.summary') FROM events ORDER BY n_sources DESC, position LIMIT 20"
        ).fetchall()
    finally:
        conn.close()
    words: list[str] = []
    for (summary,) in summaries:
        words = [w for w in re.findall(r"[^\W\d_]{5,}", summary or "")][:2]
        if len(words) == 2:
            break
    queries = []
    if person:
        queries.append(("actor NAME", ["actor", person[0]], 3.0))
    if day:
        queries.append(("one-day show", ["show", "--since", day[0], "--until", day[0]], 3.0))
    if words:
        queries.append(("show --text WORDS", ["show", "--text", " ".join(words)], 3.0))
    queries.append(("plain show", ["show"], 10.0))
    return queries


def migrate(db: Path, env: dict) -> None:
    """Bring the store to the schema of the code measured (opening it writable migrates it)."""
    subprocess.run(
        [sys.executable, "-c", "import sys; from bbc_timeline.store import Store; Store(sys.argv[1]).close()", str(db)],
        env=env, cwd=env["PYTHONPATH"], check=True,
    )


def heavy_imports(args: list[str], env: dict) -> str:
    probe = (
        f"import sys; sys.argv=['timeline', *{args!r}]\n"
        "from bbc_timeline import cli\n"
        "try:\n cli.main()\nexcept SystemExit: pass\n"
        "bad=[m for m in ('spacy','dateparser','thinc','torch') if m in sys.modules]\n"
        "sys.stderr.write(','.join(bad))"
    )
    done = subprocess.run([sys.executable, "-c", probe], env=env, cwd=env["PYTHONPATH"], capture_output=True, text=True)
    return done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""


def measure(name: str, db: Path, queries, runs: int, env: dict) -> list[dict]:
    env = {**env, "BBC_TIMELINE_DB": str(db)}
    timeline = [sys.executable, "-m", "bbc_timeline"]
    cmds = [[sys.executable, "-c", "import typer, rich.table"]] + [timeline + q[1] for q in queries]
    base, *times = interleaved_medians(cmds, runs, env)
    rows = []
    print(f"\n{name} ({db}): baseline `{BASELINE}` median {base * 1000:.1f} ms, {runs} runs")
    for (label, args, target), t in zip(queries, times, strict=True):
        leaks = heavy_imports(args, env)
        ratio = t / base
        ok = ratio <= target and not leaks
        shown = " ".join(a if " " not in a else repr(a) for a in args)
        print(f"  {'ok  ' if ok else 'FAIL'} {label:<18} {t * 1000:8.1f} ms  ratio {ratio:5.2f} (target <= {target:g})"
              f"  `timeline {shown}`" + (f"  heavy imports: {leaks}" if leaks else ""))
        rows.append({"store": name, "query": label, "args": args, "ms": t * 1000, "baseline_ms": base * 1000,
                     "ratio": ratio, "target": target, "ok": ok})
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--corpus", default=str(ROOT / "data" / "corpus"))
    ap.add_argument("--store", action="append", default=[], metavar="NAME=PATH", help="a large store to query")
    ap.add_argument("--code", default=str(ROOT), help="the checkout whose bbc_timeline is measured")
    ap.add_argument("--json", help="also write the figures here")
    a = ap.parse_args()
    code = Path(a.code).resolve()
    env = {**os.environ, "PYTHONPATH": str(code), "NO_COLOR": "1", "COLUMNS": "120", "LINES": "50"}
    compileall.compile_dir(code / "bbc_timeline", quiet=1)
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "store.db"
        done = subprocess.run([sys.executable, "-m", "bbc_timeline", "ingest", str(Path(a.corpus).resolve())],
                              env={**env, "BBC_TIMELINE_DB": str(small)}, cwd=str(code), capture_output=True, text=True)
        if done.returncode != 0:
            sys.stderr.write(done.stderr)
            return 2
        rows += measure("bundled corpus", small, [("show --since", ["show", "--since", "2017-07"], 1.5)],
                        max(a.runs, 21), env)
    for spec in a.store:
        name, _, path = spec.rpartition("=")
        db = Path(path).resolve()
        if not db.exists():
            print(f"error: {db}: no store", file=sys.stderr)
            return 2
        migrate(db, env)
        rows += measure(name or db.stem, db, pick_queries(db), a.runs, env)
    if a.json:
        Path(a.json).write_text(json.dumps(rows, indent=1))
    return 0 if all(r["ok"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
