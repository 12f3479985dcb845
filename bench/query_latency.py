"""Query latency: `timeline show --since 2017-07` against `python -c "import typer, rich.table"`.

Both are timed in the same run, as fresh processes, and the medians compared.
The ratio is the figure issue #2 asks for (at most 1.5).

Fairness: the two commands alternate (a burst of load elsewhere on the machine
hits both alike), each is warmed up first, and the package's bytecode is
compiled before timing, as pip does for Typer and Rich when it installs them
(an editable install under PYTHONDONTWRITEBYTECODE would otherwise recompile
our modules from source on every run, which no installed copy does).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def wall_seconds(cmd: list[str], env: dict) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t


def interleaved_medians(cmds: list[list[str]], runs: int, env: dict, warmup: int = 3) -> list[float]:
    """Median wall time of each command, the commands taking turns run by run."""
    for _ in range(warmup):
        for cmd in cmds:
            wall_seconds(cmd, env)
    times: list[list[float]] = [[] for _ in cmds]
    for _ in range(runs):
        for cmd, acc in zip(cmds, times, strict=True):
            acc.append(wall_seconds(cmd, env))
    return [statistics.median(t) for t in times]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--corpus", default=str(ROOT / "data" / "corpus"))
    ap.add_argument("--json", help="also write the figures here")
    a = ap.parse_args()
    bindir = Path(sys.executable).parent
    timeline = str(bindir / "timeline")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "BBC_TIMELINE_DB": str(Path(tmp) / "store.db"), "NO_COLOR": "1", "COLUMNS": "120"}
        done = subprocess.run([timeline, "ingest", a.corpus], env=env, capture_output=True, text=True)
        if done.returncode != 0:
            sys.stderr.write(done.stderr)
            return 2
        compileall.compile_dir(ROOT / "bbc_timeline", quiet=1)
        base, show = interleaved_medians(
            [[sys.executable, "-c", "import typer, rich.table"], [timeline, "show", "--since", "2017-07"]], a.runs, env
        )
        leaks = subprocess.run(
            [sys.executable, "-c",
             "import sys; sys.argv=['timeline','show','--since','2017-07'];"
             "from bbc_timeline import cli\n"
             "try:\n cli.main()\nexcept SystemExit: pass\n"
             "bad=[m for m in ('spacy','dateparser','thinc','torch') if m in sys.modules]\n"
             "sys.stderr.write(','.join(bad))"],
            env=env, capture_output=True, text=True,
        ).stderr.strip()
    ratio = show / base
    print(f"query latency: `timeline show --since 2017-07` median {show * 1000:.1f} ms; "
          f"`python -c 'import typer, rich.table'` median {base * 1000:.1f} ms; "
          f"ratio {ratio:.2f} (target <= 1.5) over {a.runs} runs")
    print(f"heavy modules imported by show: {leaks or 'none'}")
    if a.json:
        Path(a.json).write_text(json.dumps({"show_ms": show * 1000, "baseline_ms": base * 1000, "ratio": ratio}))
    return 0 if ratio <= 1.5 and not leaks else 1


if __name__ == "__main__":
    sys.exit(main())
