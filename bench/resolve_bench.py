"""Entity-resolution time alone, on the mentions of a store (no spaCy, no chronology).

    python bench/resolve_bench.py --db STORE [--times 1,10] [--repeat 3]

Reads the stored entity mentions once, then times `resolve_entities` on them; with `--times 10` the
mentions are also copied ten times under new document ids (a corpus ten times as large with the same
names), to show how the time grows. Run it with PYTHONPATH pointing at another checkout to time that
version's resolver on the same mentions (before/after). Prints one JSON line per size.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import is_dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--times", default="1", help="comma-separated copy factors")
    ap.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    args = ap.parse_args()
    from bbc_timeline.resolve.entities import resolve_entities
    from bbc_timeline.store import Store

    with Store(args.db) as store:  # (an older store is upgraded first)
        base = list(store.iter_entity_mentions())
    for k in (int(x) for x in args.times.split(",")):
        ms = base if k == 1 else [_renamed(m, f"{m.doc}#{i}") for i in range(k) for m in base]
        best = min(_timed(resolve_entities, ms) for _ in range(args.repeat))
        res = resolve_entities(ms)
        print(json.dumps({"copies": k, "mentions": len(ms), "seconds": round(best, 3),
                          "entities": len(res.entities), "people": sum(e.type == "person" for e in res.entities)}))


def _renamed(m, doc: str):
    """The mention under another document id (stores yield dataclasses or named tuples)."""
    return replace(m, doc=doc) if is_dataclass(m) else m._replace(doc=doc)


def _timed(f, ms) -> float:
    t = time.perf_counter()
    f(ms)
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
