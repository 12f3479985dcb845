"""Ingest at scale: throughput against raw spaCy, peak memory, re-ingest, time per document.

    python bench/scale_bench.py                      # sizes 1000,10000
    python bench/scale_bench.py --sizes 200,1000     # quicker
    python bench/scale_bench.py --full               # adds 50,000 documents (slow)

Every ingest runs the `timeline` CLI in its own process (with --db in a
temporary folder) under a small wrapper process that reports the child's wall
time and peak RSS (getrusage RUSAGE_CHILDREN), so each figure belongs to one
run. The reference is raw spaCy on the same texts in the same run:
`spacy.load(model)` with all its default components and `list(nlp.pipe(texts))`.

Measured:
1. throughput (words/s) of `timeline ingest` vs raw `nlp.pipe`, at the first
   size, with one process and with --workers 2 (speed-up);
2. peak RSS at each size vs the store's size on disk;
3. re-ingest of the unchanged corpus at each size (no model should load);
4. time per document as the corpus grows.
Figures go to a Rich table and to bench/out/scale.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from gen_corpus import write_corpus

OUT = BENCH / "out" / "scale.json"


# ------------------------------------------------------------------ measuring one child


def measure(cmd: list[str], env: dict | None = None) -> dict:
    """Run cmd under a fresh wrapper process; wall seconds, peak RSS (MiB) and output of cmd alone."""
    wrapper = [sys.executable, str(Path(__file__).resolve()), "--_child", json.dumps(cmd)]
    done = subprocess.run(wrapper, check=False, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"wrapper failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _child(cmd: list[str]) -> None:
    # Runs in the wrapper: RUSAGE_CHILDREN here covers only cmd (and its own children).
    t0 = time.perf_counter()
    done = subprocess.run(cmd, check=False, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    print(
        json.dumps(
            {
                "seconds": wall,
                "max_rss_mib": peak_kib / 1024,
                "returncode": done.returncode,
                "stdout": done.stdout[-20000:],
                "stderr": done.stderr[-4000:],
            }
        )
    )


def _raw_spacy(folder: str, model: str) -> None:
    """Reference run (in its own process): the model with all default components on the texts."""
    import spacy

    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(folder).rglob("*.txt"))]
    t0 = time.perf_counter()
    nlp = spacy.load(model)
    loaded = time.perf_counter()
    docs = list(nlp.pipe(texts))
    end = time.perf_counter()
    print(
        json.dumps(
            {
                "load_seconds": loaded - t0,
                "pipe_seconds": end - loaded,
                "docs": len(docs),
                "words": sum(len(t.split()) for t in texts),
                "components": nlp.pipe_names,
            }
        )
    )


# ------------------------------------------------------------------ the benchmark


def timeline_bin() -> str:
    here = Path(sys.executable).parent / "timeline"
    return str(here) if here.exists() else shutil.which("timeline") or "timeline"


def ingest(corpus: Path, db: Path, *extra: str) -> dict:
    cmd = [timeline_bin(), "ingest", str(corpus), "--db", str(db), "--json", *extra]
    m = measure(cmd)
    if m["returncode"] != 0:
        raise RuntimeError(f"ingest failed ({m['returncode']}): {m['stderr']}")
    try:
        m["report"] = json.loads(m["stdout"])
    except json.JSONDecodeError:
        m["report"] = {}
    del m["stdout"]
    return m


def corpus_words(folder: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in folder.rglob("*.txt"))


def default_model() -> str:
    sys.path.insert(0, str(ROOT))
    from bbc_timeline.nlp.pipeline import available_model

    name = available_model()
    if name is None:
        sys.exit("no English spaCy model is installed: run `make install`")
    return name


def cli_has_dask() -> bool:
    help_ = [timeline_bin(), "ingest", "--help"]
    out = subprocess.run(help_, check=False, capture_output=True, text=True).stdout
    return "--dask" in out


def run(sizes: list[int], seed: int, work: Path, workers: int, dask: bool, log) -> dict:
    model = default_model()
    results: dict = {"model": model, "seed": seed, "sizes": sizes, "cpus": os.cpu_count(), "runs": []}
    for i, n in enumerate(sizes):
        corpus = work / f"corpus-{n}"
        if not corpus.exists():
            write_corpus(corpus, n, seed)
        words = corpus_words(corpus)
        db = work / f"store-{n}.db"
        for old in work.glob(f"store-{n}*.db*"):  # a kept --workdir must not turn the first ingest into a re-ingest
            old.unlink()
        log(f"{n} documents ({words} words): ingest, one process")
        first = ingest(corpus, db)
        log(f"  {first['seconds']:.1f}s, {first['max_rss_mib']:.0f} MiB; re-ingest")
        again = ingest(corpus, db)
        row = {
            "documents": n,
            "words": words,
            "ingest_seconds": first["seconds"],
            "words_per_second": words / first["seconds"],
            "seconds_per_document": first["seconds"] / n,
            "max_rss_mib": first["max_rss_mib"],
            "store_mib": db.stat().st_size / 2**20,
            "reingest_seconds": again["seconds"],
            "reingest_max_rss_mib": again["max_rss_mib"],
            "reingest_skipped": again["report"].get("skipped"),
            "report": first["report"],
        }
        if i == 0:
            log("  raw nlp.pipe, same texts, all default components")
            raw = measure([sys.executable, str(Path(__file__).resolve()), "--_raw", str(corpus), model])
            raw.update(json.loads(raw.pop("stdout").strip().splitlines()[-1]))
            row["raw_spacy"] = {
                "pipe_seconds": raw["pipe_seconds"],
                "load_seconds": raw["load_seconds"],
                "words_per_second": words / raw["pipe_seconds"],
                "max_rss_mib": raw["max_rss_mib"],
                "components": raw["components"],
            }
            # Ingest's wall time includes start-up, model load, dates, store and resolution: a strict ratio.
            row["ratio_vs_raw"] = row["words_per_second"] / row["raw_spacy"]["words_per_second"]
            if workers > 1:
                log(f"  ingest --workers {workers}")
                par = ingest(corpus, work / f"store-{n}-w{workers}.db", "--workers", str(workers))
                row[f"workers_{workers}"] = {
                    "seconds": par["seconds"],
                    "speedup": first["seconds"] / par["seconds"],
                    "max_rss_mib": par["max_rss_mib"],
                }
            if dask:
                log("  ingest --dask local")
                dk = ingest(corpus, work / f"store-{n}-dask.db", "--dask", "local")
                row["dask_local"] = {"seconds": dk["seconds"], "speedup": first["seconds"] / dk["seconds"]}
        results["runs"].append(row)
    return results


def table(results: dict):
    from rich.table import Table

    t = Table(title=f"ingest at scale ({results['model']}, {results['cpus']} CPUs)")
    for col in ("docs", "words", "ingest s", "words/s", "ms/doc", "max RSS MiB", "store MiB", "re-ingest s"):
        t.add_column(col, justify="right")
    for r in results["runs"]:
        t.add_row(
            f"{r['documents']:,}",
            f"{r['words']:,}",
            f"{r['ingest_seconds']:.1f}",
            f"{r['words_per_second']:,.0f}",
            f"{1000 * r['seconds_per_document']:.1f}",
            f"{r['max_rss_mib']:.0f}",
            f"{r['store_mib']:.1f}",
            f"{r['reingest_seconds']:.2f}",
        )
    notes = []
    first = results["runs"][0]
    raw = first.get("raw_spacy")
    if raw:
        notes.append(
            f"raw nlp.pipe ({'+'.join(raw['components'])}): {raw['words_per_second']:,.0f} words/s; "
            f"ingest/raw = {first['ratio_vs_raw']:.2f} (target >= 0.8)"
        )
    for key, label in (("workers_2", "--workers 2"), ("dask_local", "--dask local")):
        if key in first:
            notes.append(f"{label}: {first[key]['seconds']:.1f}s, speed-up x{first[key]['speedup']:.2f}")
    runs = results["runs"]
    if len(runs) > 1:
        a, b = runs[0], runs[-1]
        notes.append(
            f"{a['documents']:,} -> {b['documents']:,} docs: RSS x{b['max_rss_mib'] / a['max_rss_mib']:.2f}, "
            f"store x{b['store_mib'] / a['store_mib']:.2f}, time/doc x{b['seconds_per_document'] / a['seconds_per_document']:.2f}"
        )
    return t, notes


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if argv[:1] == ["--_child"]:
        _child(json.loads(argv[1]))
        return 0
    if argv[:1] == ["--_raw"]:
        _raw_spacy(argv[1], argv[2])
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes, smallest first")
    ap.add_argument("--full", action="store_true", help="also 50,000 documents (slow)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2, help="processes for the speed-up run (1: skip it)")
    ap.add_argument("--dask", action="store_true", help="also time `ingest --dask local` (needs the dask extra)")
    ap.add_argument("--workdir", type=Path, help="keep corpora and stores here (default: a temporary folder)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()} | ({50000} if args.full else set()))
    if not sizes or sizes[0] <= 0:
        ap.error("--sizes needs positive numbers")
    if args.dask and not cli_has_dask():
        ap.error("this `timeline ingest` has no --dask option")

    from rich.console import Console

    err = Console(stderr=True)
    with tempfile.TemporaryDirectory(prefix="bbc-scale-") as tmp:
        work = args.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        results = run(sizes, args.seed, work, args.workers, args.dask, lambda m: err.print(m, highlight=False))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    t, notes = table(results)
    console = Console()
    console.print(t)
    for n in notes:
        console.print(n, highlight=False)
    console.print(f"written: {args.out}", highlight=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
