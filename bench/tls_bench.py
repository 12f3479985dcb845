"""Timeline17 timeline summarisation (issue 11): `timeline digest` scored as news-tls scores it.

    python bench/tls_bench.py [--shared ../shared] [--topics MJ,haiti] [--workdir DIR] [--fresh]

Runs ../shared/bench/t17/score_tls.py (alignment ROUGE-1/2 and Date F1 with tilse, a bench-only
package: `make bench-tls` installs it) against this checkout's `timeline`, ingesting each topic
under `nice` into WORKDIR/<topic>.db. A store kept from an earlier run is brought up to date
first (unchanged files are skipped; the events are rebuilt when the resolver changed), so the
score is always that of the code checked out. Skipped, with a note, when ../shared or tilse is
missing.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--topics", default="", help="comma-separated topic folders (default: all)")
    ap.add_argument("--workdir", default=str(Path(tempfile.gettempdir()) / "bbc_timeline_t17"))
    ap.add_argument("--workers", default="1")
    ap.add_argument("--fresh", action="store_true", help="ingest every topic again from scratch")
    ap.add_argument("--json", default="", help="write the scores here too")
    a = ap.parse_args()
    t17 = Path(a.shared) / "bench" / "t17"
    scorer = t17 / "score_tls.py"
    if not scorer.exists():
        print(f"Timeline17 scorer not found at {scorer}: skipped (it lives in ../shared, beside the project)")
        return 0
    if importlib.util.find_spec("tilse") is None:
        print("tilse is not installed: skipped (`make bench-tls` installs it; it is not a runtime dependency)")
        return 0
    work = Path(a.workdir)
    work.mkdir(parents=True, exist_ok=True)
    # score_tls.py runs `timeline` itself: this checkout's code, at low priority (the machine is shared)
    wrapper = work / "timeline"
    wrapper.write_text(f'#!/bin/sh\nPYTHONPATH="{ROOT}" exec nice -n 10 "{sys.executable}" -m bbc_timeline "$@"\n')
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
    topics = [t for t in a.topics.split(",") if t] or sorted(
        p.name for p in t17.iterdir() if (p / "timelines.json").exists())
    for topic in topics:
        db = work / f"{topic}.db"
        if db.exists() and not a.fresh:  # bring a kept store up to date with this code
            env = dict(os.environ, BBC_TIMELINE_DB=str(db), NO_COLOR="1")
            subprocess.run([str(wrapper), "ingest", str(t17 / topic / "corpus"), "--json"], env=env,
                           check=True, stdout=subprocess.DEVNULL)
    cmd = [sys.executable, str(scorer), "--timeline", str(wrapper), "--workdir", str(work),
           "--workers", a.workers, "--topics", ",".join(topics)]
    if a.fresh:
        cmd.append("--fresh")
    if a.json:
        cmd += ["--json", a.json]
    print(f"$ {' '.join(cmd)}", flush=True)
    return subprocess.run(cmd).returncode


if __name__ == "__main__":
    sys.exit(main())
