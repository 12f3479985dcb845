"""`make bench`: every benchmark the issues ask for, in one run.

Benchmarks that need ../shared (the gold and the public TIMEX corpora) say so
and are skipped when it is not beside the project.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run(title: str, args: list[str]) -> int:
    print(f"\n=== {title} ===", flush=True)
    return subprocess.run([sys.executable, *args]).returncode


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--sizes", default="1000", help="corpus sizes for the scale run (make bench-scale: 1000,10000)")
    a = ap.parse_args()
    codes = {
        "query latency (issue 2)": run("query latency (issue 2)", [str(HERE / "query_latency.py")]),
        "bundled corpus vs gold (issues 3-5)": run(
            "bundled corpus vs gold (issues 3-5)", [str(HERE / "gold_score.py"), "--shared", a.shared]
        ),
    }
    if (HERE / "timex_bench.py").exists():
        codes["temporal benchmarks (issue 3)"] = run(
            "temporal benchmarks (issue 3)", [str(HERE / "timex_bench.py"), "--shared", a.shared]
        )
    if (HERE / "tls_bench.py").exists():
        codes["Timeline17 digest (issue 11)"] = run(
            "Timeline17 digest (issue 11)", [str(HERE / "tls_bench.py"), "--shared", a.shared]
        )
    t17_stores = sorted(Path(tempfile.gettempdir(), "bbc_timeline_t17").glob("*.db"))
    if t17_stores:  # kept by the Timeline17 run above: the queries of issue 13 on real topics
        stores = [f"--store={db.stem}={db}" for db in t17_stores]
        codes["query latency on Timeline17 stores (issue 13)"] = run(
            "query latency on Timeline17 stores (issue 13)", [str(HERE / "query_latency.py"), *stores]
        )
    if (HERE / "hostile_bench.py").exists():
        codes["hostile inputs (issue 14)"] = run(
            "hostile inputs (issue 14)", [str(HERE / "hostile_bench.py"), "--sizes", "10,20,40", "--ingest-kb", "20"]
        )
    if (HERE / "scale_bench.py").exists():
        codes["scale (issue 7)"] = run(
            "scale (issue 7)", [str(HERE / "scale_bench.py"), "--sizes", a.sizes, "--workers", "2", "--dask"]
        )
    print("\n=== summary ===")
    for name, code in codes.items():
        print(f"{'ok  ' if code == 0 else 'FAIL'} {name}")
    return 0 if all(c == 0 for c in codes.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
