"""Score the bundled corpus against ../shared/gold, exactly as the issues measure it.

Fresh store, `timeline ingest data/corpus`, `timeline export --format json`,
`timeline extract data/corpus --format jsonl`, then the gold's own score.py.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--errors", action="store_true", help="list every error too")
    ap.add_argument("--keep", help="copy export.json and extract.jsonl into this folder")
    a = ap.parse_args()
    score = Path(a.shared) / "gold" / "score.py"
    if not score.exists():
        print(f"gold scorer not found at {score}: skipped (it lives in ../shared, beside the project)")
        return 0
    timeline = str(Path(sys.executable).parent / "timeline")
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(a.keep) if a.keep else Path(tmp)
        t.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "BBC_TIMELINE_DB": str(Path(tmp) / "store.db"), "NO_COLOR": "1"}
        subprocess.run([timeline, "ingest", str(ROOT / "data" / "corpus")], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        with open(t / "export.json", "w") as f:
            subprocess.run([timeline, "export", "--format", "json"], env=env, check=True, stdout=f)
        with open(t / "extract.jsonl", "w") as f:
            subprocess.run([timeline, "extract", str(ROOT / "data" / "corpus"), "--format", "jsonl"],
                           env=env, check=True, stdout=f)
        cmd = [sys.executable, str(score), "--extract", str(t / "extract.jsonl"), "--export", str(t / "export.json")]
        if a.errors:
            cmd.append("--errors")
        print("bundled corpus against ../shared/gold:")
        return subprocess.run(cmd).returncode


if __name__ == "__main__":
    sys.exit(main())
