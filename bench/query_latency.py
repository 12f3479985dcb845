"""Query latency: `timeline show --since 2017-07` against `python -c "import typer, rich.table"`.

Both are timed in the same run, as fresh processes, and the medians compared.
The ratio is the figure issue #2 asks for (at most 1.5).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def median_seconds(cmd: list[str], runs: int, env: dict) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


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
        subprocess.run([timeline, "ingest", a.corpus], env=env, check=True, stdout=subprocess.DEVNULL)
        # warm the file cache for both before timing
        median_seconds([sys.executable, "-c", "import typer, rich.table"], 2, env)
        median_seconds([timeline, "show", "--since", "2017-07"], 2, env)
        base = median_seconds([sys.executable, "-c", "import typer, rich.table"], a.runs, env)
        show = median_seconds([timeline, "show", "--since", "2017-07"], a.runs, env)
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
