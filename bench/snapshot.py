"""Behaviour snapshot: everything the tool outputs on fixed inputs, to compare two versions of the code.

    python bench/snapshot.py --shared ../shared --out DIR [--t17 MJ,haiti] [--skip-t17]
    python bench/snapshot.py --compare DIR_A DIR_B

Writes, per input, files that are byte-for-byte deterministic for a given code version:
- the bundled corpus and each chosen Timeline17 topic: `timeline export --format json`
  and `timeline actors --json` after a fresh ingest (``<name>.export.json``, ``<name>.actors.json``);
- TempEval-3 platinum, TBAQ and WikiWars (with and without each document's date): every TIMEX
  the tagger gives, one JSON line per expression (``timex-<corpus>.jsonl``).
--compare prints, per file, how many records were added, removed or changed, and a few examples.
A restructuring should show zero differences; any other change is explained by the one who made it.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _timeline(*args: str, db: Path) -> str:
    env = {**os.environ, "BBC_TIMELINE_DB": str(db), "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "bbc_timeline", *args]
    return subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout


def snapshot_corpus(name: str, paths: list[Path], out: Path, workers: int) -> None:
    db = out / f"{name}.db"
    if db.exists():
        db.unlink()
    _timeline("ingest", *map(str, paths), "--workers", str(workers), "--json", db=db)
    data = json.loads(_timeline("export", "--format", "json", db=db))
    (out / f"{name}.export.json").write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False))
    actors = json.loads(_timeline("actors", "--json", db=db))
    (out / f"{name}.actors.json").write_text(json.dumps(actors, indent=1, sort_keys=True, ensure_ascii=False))
    db.unlink()


def snapshot_timex(shared: Path, out: Path) -> None:
    spec = importlib.util.spec_from_file_location("score_timex", shared / "bench" / "score_timex.py")
    S = importlib.util.module_from_spec(spec)
    sys.modules["score_timex"] = S
    spec.loader.exec_module(S)
    from bbc_timeline.temporal import tag

    te3 = shared / "bench" / "tempeval3"
    sources = {"platinum": [te3 / "platinum"], "tbaq": [te3 / "tbaq" / "TimeBank", te3 / "tbaq" / "AQUAINT"],
               "wikiwars": [shared / "bench" / "wikiwars" / "keyinline"]}
    tmp = Path(tempfile.mkdtemp(prefix="snapshot_"))
    for name, src in sources.items():
        if not all(p.exists() for p in src):
            continue
        S.main(["extract", *map(str, src), "--out", str(tmp / name)])
        dcts = json.loads((tmp / name / "dct.json").read_text(encoding="utf-8"))
        modes = [("dct", True)] + ([("nodct", False)] if name == "wikiwars" else [])
        for mode, with_dct in modes:
            lines = []
            for p in sorted((tmp / name / "text").glob("*.txt")):
                text = p.read_text(encoding="utf-8")
                dct = (dcts.get(p.stem) or "")[:10] or None if with_dct else None
                for t in tag(text, dct):
                    lines.append(json.dumps({"doc": p.stem, "start": t.start, "end": t.end, "text": t.text,
                                             "type": t.type, "value": t.value, "end_value": t.end_value},
                                            ensure_ascii=False))
            (out / f"timex-{name}-{mode}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _records(path: Path) -> dict[str, str]:
    """Comparable records of one snapshot file, keyed by a stable id."""
    if path.suffix == ".jsonl":
        out = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if line:
                r = json.loads(line)
                out[f"{r['doc']}:{r['start']}:{r['end']}"] = line
        return out
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, dict) and "events" in data:
        recs = {f"event {e['id']}": json.dumps(e, sort_keys=True) for e in data["events"]}
        recs.update({f"document {d['id']}": json.dumps(d, sort_keys=True) for d in data.get("documents", [])})
        return recs
    items = data if isinstance(data, list) else data.get("entities", data.get("actors", []))
    return {f"entity {e.get('id', e.get('name'))}": json.dumps(e, sort_keys=True) for e in items}


def compare(a: Path, b: Path, examples: int = 3) -> int:
    total = 0
    for fa in sorted(a.glob("*.json*")):
        fb = b / fa.name
        if not fb.exists():
            print(f"{fa.name}: missing in {b}")
            total += 1
            continue
        ra, rb = _records(fa), _records(fb)
        added = sorted(set(rb) - set(ra))
        removed = sorted(set(ra) - set(rb))
        changed = sorted(k for k in set(ra) & set(rb) if ra[k] != rb[k])
        n = len(added) + len(removed) + len(changed)
        total += n
        print(f"{fa.name}: {len(ra)} records; +{len(added)} -{len(removed)} ~{len(changed)}")
        for label, keys, src in (("+", added, rb), ("-", removed, ra), ("~", changed, rb)):
            for k in keys[:examples]:
                print(f"   {label} {k}: {src[k][:300]}")
    print(f"total differences: {total}")
    return 1 if total else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--out")
    ap.add_argument("--t17", default="MJ", help="comma-separated Timeline17 dev topics to ingest")
    ap.add_argument("--skip-t17", action="store_true")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--compare", nargs=2, metavar=("A", "B"))
    args = ap.parse_args(argv)
    if args.compare:
        return compare(Path(args.compare[0]), Path(args.compare[1]))
    if not args.out:
        ap.error("--out DIR is required (or --compare A B)")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    shared = Path(args.shared)
    snapshot_corpus("corpus", [ROOT / "data" / "corpus"], out, args.workers)
    if (shared / "bench").exists():
        snapshot_timex(shared, out)
        if not args.skip_t17:
            for topic in filter(None, args.t17.split(",")):
                corpus = shared / "bench" / "t17" / topic / "corpus"
                if corpus.exists():
                    snapshot_corpus(f"t17-{topic}", [corpus], out, args.workers)
    print(f"snapshot written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
