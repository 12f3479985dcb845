"""Hostile inputs, measured: the date tagger's and the whole ingest's cost on adversarial strings
next to prose, in seconds per MB, at growing sizes (issue 14).

    python bench/hostile_bench.py [--sizes 10,20,40] [--ingest-kb 20] [--timeout 120] [--no-ingest] [--json]

Cost that grows linearly with length shows the same s/MB at every size; a quadratic corner shows
s/MB doubling each time the size doubles ("growth" is the ratio of the last two sizes' s/MB: ~1
is linear, ~2 is quadratic). Each case runs in its own process with a time limit, so a corner that
would take hours is reported as "> limit" instead of stalling the bench. No timing here is a test:
`make test` never depends on a machine's speed.

The tagger part calls bbc_timeline.temporal.resolve_document_dates on the string (what ingest's
prepare stage does for each document). The ingest part runs `timeline ingest` on one file holding
the string (real model, fresh store) and reports wall time and peak memory.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PROSE_SEED = (
    "The delegation arrived in the capital on Tuesday, 4 July 2017, and met the interior minister. "
    "Two days later both sides signed a memorandum on border patrols, which parliament ratified in August. "
    "Officials said the next round of talks would take place early next year.\n\n"
)


def _fill(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


# name -> (what it is, a function of the size in characters giving the string)
CASES = {
    "prose": ("plain news prose (the baseline)", lambda n: _fill(PROSE_SEED, n)),
    "whitespace": ("runs of spaces, as a masked <script> leaves them, with 'century' words",
                   lambda n: _fill("In the 20th century" + " " * 4000 + "\n", n)),
    "space-run": ("one run of spaces, then a word", lambda n: " " * (n - 8) + "century."),
    "digit-dot": ("runs of digits and dots (version strings, IP lists)", lambda n: _fill("1.2.3.4.5.6.7.8.9.", n)),
    "many-dates": ("a dated sentence per line", lambda n: _fill("On 3 March 2017 the council met again.\n", n)),
    "numbers": ("numbers separated by spaces", lambda n: _fill("2017 12 31 ", n)),
    "equals": ("a run of '=' (spaCy's tokenizer)", lambda n: "=" * n),
    "parens": ("a run of '(' (spaCy's tokenizer)", lambda n: "(" * n),
    "one-line": ("prose with no line break at all", lambda n: _fill(PROSE_SEED.replace("\n", " "), n)),
    "month-soup": ("month and weekday names without numbers", lambda n: _fill("March Monday May June the ", n)),
}


def _tag_child(case: str, size: int, conn) -> None:
    from bbc_timeline.temporal import resolve_document_dates

    text = CASES[case][1](size)
    t0 = time.perf_counter()
    dates = resolve_document_dates(text)
    conn.send((time.perf_counter() - t0, len(dates.timexes)))


def tag_time(case: str, size: int, timeout: float) -> float | None:
    """Seconds the tagger takes on `size` characters of the case (None: over the limit)."""
    ctx = mp.get_context("fork")
    a, b = ctx.Pipe(False)
    p = ctx.Process(target=_tag_child, args=(case, size, b))
    p.start()
    got = a.poll(timeout)
    result = a.recv()[0] if got else None
    p.kill()
    p.join()
    return result


def ingest_run(case: str, size: int, timeout: float, workdir: Path) -> dict:
    """`timeline ingest` of one file holding the case: wall seconds, peak MB, exit code."""
    folder = workdir / case
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{case}.txt").write_text(CASES[case][1](size), encoding="utf-8")
    db = workdir / f"{case}.db"
    for old in workdir.glob(f"{case}.db*"):
        old.unlink()
    code = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "try:\n"
        "    r = subprocess.run(sys.argv[2:], capture_output=True, timeout=float(sys.argv[1]))\n"
        "    rc = r.returncode\n"
        "except subprocess.TimeoutExpired:\n"
        "    rc = 'timeout'\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, rc)\n"
    )
    cmd = [sys.executable, "-c", code, str(timeout), sys.executable, "-m", "bbc_timeline", "ingest", str(folder), "--db", str(db)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(cmd, capture_output=True, text=True, env=env).stdout.split()
    seconds, peak, rc = float(out[0]), float(out[1]), out[2]
    return {"seconds": seconds, "peak_mb": peak, "exit": rc}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10,20,40", help="tagger string sizes in KB (growing)")
    ap.add_argument("--ingest-kb", type=int, default=20, help="size of the file each ingest case reads, KB")
    ap.add_argument("--timeout", type=float, default=120.0, help="time limit per case and size, seconds")
    ap.add_argument("--cases", default=",".join(CASES))
    ap.add_argument("--no-ingest", action="store_true", help="tagger only (no model)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    sizes = [int(s) * 1000 for s in a.sizes.split(",")]
    cases = [c for c in a.cases.split(",") if c in CASES]
    results: dict = {"tagger": {}, "ingest": {}}

    from bbc_timeline.temporal import resolve_document_dates

    resolve_document_dates(PROSE_SEED * 3)  # warm: word lists loaded and patterns compiled before the forks
    print(f"date tagger (resolve_document_dates), seconds per MB at {', '.join(f'{s // 1000} KB' for s in sizes)}")
    print(f"{'case':<12} " + " ".join(f"{s // 1000:>7} KB" for s in sizes) + "   growth  what")
    for case in cases:
        row = []
        for size in sizes:
            t = tag_time(case, size, a.timeout)
            row.append(None if t is None else t / (size / 1e6))
            if t is None:
                break  # a larger size would only take longer
        row += [None] * (len(sizes) - len(row))
        results["tagger"][case] = dict(zip([str(s) for s in sizes], row, strict=True))
        known = [r for r in row if r is not None]
        growth = f"{row[-1] / row[-2]:.1f}x" if len(known) == len(row) >= 2 and row[-2] else "-"
        cells = " ".join(f"{r:>10.2f}" if r is not None else f"{'>' + str(int(a.timeout)) + 's':>10}" for r in row)
        print(f"{case:<12} {cells}   {growth:>6}  {CASES[case][0]}", flush=True)

    if not a.no_ingest:
        size = a.ingest_kb * 1000
        print(f"\nwhole ingest (`timeline ingest`, real model, fresh store) of one {a.ingest_kb} KB file")
        print(f"{'case':<12} {'seconds':>8} {'s/MB':>8} {'peak MB':>8}  exit")
        with tempfile.TemporaryDirectory(prefix="hostile_") as tmp:
            for case in cases:
                r = ingest_run(case, size, a.timeout, Path(tmp))
                results["ingest"][case] = r
                print(f"{case:<12} {r['seconds']:>8.1f} {r['seconds'] / (size / 1e6):>8.0f} {r['peak_mb']:>8.0f}  {r['exit']}",
                      flush=True)
        print("(seconds include starting Python and loading the model, about the prose case's time)")
    if a.json:
        print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    sys.exit(main())
