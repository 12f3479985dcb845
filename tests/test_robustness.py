"""Hostile inputs and hostile conditions (issue 14): nothing hangs, crashes, or corrupts a store.

Model-free (a blank spaCy pipeline) so that each case is about the ingest machinery itself.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from conftest import run_cli as run

from bbc_timeline import ingest as ingest_mod
from bbc_timeline.errors import StoreError
from bbc_timeline.store import Store, writer_lock

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (
    "Ministers meet on border scheme\n\nMarch 3, 2019 10:00\n\n"
    "On 2 March 2019 Anna Lee and Boris Ray met in Minsk and agreed on a scheme. "
    "Two days later the parliament approved it after a long debate.\n"
)


pytestmark = pytest.mark.usefixtures("blank_model")  # ingest with the model-free pipeline (conftest)


def _corpus(root: Path, n: int = 3, prefix: str = "a") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (root / f"{prefix}{i}.txt").write_text(ARTICLE.replace("2019", str(2010 + i)), encoding="utf-8")
    return root


def _in_thread(fn, timeout: float = 60.0):
    """Run fn in a thread; fail (instead of hanging the suite) if it does not finish in time."""
    box: dict = {}

    def target():
        try:
            box["value"] = fn()
        except BaseException as e:  # noqa: BLE001
            box["error"] = e

    t = threading.Thread(target=target, daemon=True)
    t.start()
    t.join(timeout)
    assert not t.is_alive(), f"did not finish in {timeout} s (hung)"
    if "error" in box:
        raise box["error"]
    return box["value"]


def _no_model(monkeypatch):
    def boom(*a, **k):
        raise AssertionError("the model must not be loaded before the store is checked")

    monkeypatch.setattr("bbc_timeline.nlp.pipeline.load_pipeline", boom)


# ---------------------------------------------------------------- files that are not files


def test_a_fifo_in_the_folder_is_skipped_with_a_note_not_read(tmp_path, blank_nlp):
    root = _corpus(tmp_path / "c", 1)
    os.mkfifo(root / "pipe.txt")
    report = _in_thread(lambda: ingest_mod.ingest([root], tmp_path / "s.db", nlp=blank_nlp))
    assert report.stored == 1 and not report.failed
    assert any("pipe.txt" in n and "FIFO" in n for n in report.notes)


def test_a_fifo_given_directly_and_a_fifo_sidecar_do_not_hang(tmp_path, blank_nlp):
    root = _corpus(tmp_path / "c", 1)
    os.mkfifo(tmp_path / "direct.txt")
    os.mkfifo(root / "a0.txt.meta.json")
    report = _in_thread(lambda: ingest_mod.ingest([root, tmp_path / "direct.txt"], tmp_path / "s.db", nlp=blank_nlp))
    assert any("direct.txt" in n and "not a regular file" in n for n in report.notes)
    assert any("a0.txt.meta.json" in f for f in report.failed)


def test_a_link_to_dev_zero_and_a_socket_are_skipped(tmp_path, blank_nlp):
    root = _corpus(tmp_path / "c", 1)
    (root / "zero.txt").symlink_to("/dev/zero")
    short = Path(tempfile.mkdtemp(prefix="s"))  # a socket path must be short
    try:
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(short / "sock.txt"))
        report = _in_thread(lambda: ingest_mod.ingest([root, short], tmp_path / "s.db", nlp=blank_nlp))
        sock.close()
    finally:
        for p in short.iterdir():
            p.unlink()
        short.rmdir()
    assert report.stored == 1 and not report.failed
    notes = " ".join(report.notes)
    assert "zero.txt: skipped: a device" in notes and "sock.txt: skipped: a socket" in notes


def test_a_file_over_the_size_limit_is_skipped_with_a_note(tmp_path, blank_nlp):
    root = _corpus(tmp_path / "c", 2)
    (root / "big.txt").write_text(ARTICLE * 20_000, encoding="utf-8")  # about 4 MB
    report = ingest_mod.ingest([root], tmp_path / "s.db", nlp=blank_nlp, max_mb=1)
    assert report.stored == 2 and not report.failed
    assert any("big.txt: skipped" in n and "over the 1 MB limit" in n for n in report.notes)


def test_nul_bytes_anywhere_make_a_file_binary(tmp_path, blank_nlp):
    root = _corpus(tmp_path / "c", 1)
    (root / "late.txt").write_bytes(ARTICLE.encode() * 100 + b"\0tail")  # the NUL after the first 8 KB
    report = ingest_mod.ingest([root], tmp_path / "s.db", nlp=blank_nlp)
    assert report.stored == 1 and any("late.txt: binary file" in f for f in report.failed)


def test_a_lone_surrogate_in_a_sidecar_title_does_not_break_sources_or_exports(capsys, tmp_path):
    root = _corpus(tmp_path / "c", 1)
    (root / "a0.txt.meta.json").write_text('{"title": "Bad \\ud800 title", "url": "http://x/\\udfff"}')
    code, _, err = run(capsys, "ingest", str(root))
    assert code == 0, err
    code, out, err = run(capsys, "sources", "--json")
    assert code == 0, err
    assert json.loads(out)[0]["title"] == "Bad \ufffd title"
    code, out, err = run(capsys, "sources")
    assert code == 0 and "Bad" in out
    for fmt in ("json", "csv", "html", "timelinejs"):
        code, out, err = run(capsys, "export", "--format", fmt)
        assert code == 0 and "Traceback" not in err, (fmt, err)
        out.encode("utf-8")


# ---------------------------------------------------------------- query options


def test_an_empty_range_and_an_empty_actor_are_rejected(capsys, tmp_path):
    run(capsys, "ingest", str(_corpus(tmp_path / "c", 1)))
    code, _, err = run(capsys, "show", "--since", "2020", "--until", "2017")
    assert code == 2 and "--since '2020'" in err and "is after --until '2017'" in err
    code, _, err = run(capsys, "show", "--actor", "")
    assert code == 2 and "--actor needs a value" in err
    code, _, err = run(capsys, "export", "--org", "  ")
    assert code == 2 and "--org needs a value" in err


# ---------------------------------------------------------------- two writers


def test_a_second_writer_waits_then_says_store_busy(tmp_path, blank_nlp, monkeypatch):
    db = tmp_path / "s.db"
    root = _corpus(tmp_path / "c", 1)
    _no_model(monkeypatch)
    told: list[str] = []
    with writer_lock(db):
        t0 = time.monotonic()
        with pytest.raises(StoreError, match=r"store busy: another ingest \(pid \d+\)"):
            ingest_mod.ingest([root], db, wait=0.5, on_wait=told.append)
        assert time.monotonic() - t0 >= 0.5
    assert told and "waiting up to 0.5 s" in told[0]


def test_a_second_writer_that_waits_goes_ahead_when_the_first_finishes(tmp_path, blank_nlp):
    db = tmp_path / "s.db"
    root = _corpus(tmp_path / "c", 1)
    release = threading.Event()

    def first():
        with writer_lock(db):
            release.wait(5)

    t = threading.Thread(target=first)
    t.start()
    time.sleep(0.2)
    threading.Timer(0.5, release.set).start()
    report = ingest_mod.ingest([root], db, nlp=blank_nlp, wait=10)
    t.join()
    assert report.stored == 1


_WRITER = """
import sys, spacy
from pathlib import Path
from bbc_timeline.ingest import ingest
nlp = spacy.blank("en"); nlp.add_pipe("sentencizer")
r = ingest([Path(sys.argv[1])], Path(sys.argv[2]), nlp=nlp, wait=120)
print(r.stored, len(r.failed))
"""


def test_two_processes_ingesting_same_names_from_two_folders_both_land(tmp_path):
    """Same relative names in two folders, two processes at once: no UNIQUE failure, no lost file,
    and the resolved layer covers both (no stale chronology)."""
    first = _corpus(tmp_path / "first", 4)
    second = _corpus(tmp_path / "second", 4)
    db = tmp_path / "s.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, str(d), str(db)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for d in (first, second)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert [o.split() for o, _ in outs] == [["4", "0"], ["4", "0"]]
    with Store(db, readonly=True) as s:
        ids = [d.id for d, _ in s.documents()]
        assert len(ids) == len(set(ids)) == 8
        assert s.is_resolved()
        mentioned = {sc["doc"] for e in s.events() for sc in e["sources"]}
    assert {i for i in ids} >= mentioned and len(mentioned) == 8


def test_migrations_cannot_race(tmp_path):
    """A second first-opener that waited for the first one's migration does not run it again."""
    from bbc_timeline import store as store_mod

    db = tmp_path / "new.db"
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # as if another process were migrating right now
    box: dict = {}

    def second():
        try:
            Store(db).close()
            box["ok"] = True
        except BaseException as e:  # noqa: BLE001
            box["error"] = e

    t = threading.Thread(target=second)
    t.start()
    time.sleep(0.5)  # the second opener has read version 0 and waits for the write lock
    for number, step in enumerate(store_mod.MIGRATIONS, start=1):
        step(holder)
        holder.execute(f"PRAGMA user_version = {number}")
    holder.execute(f"PRAGMA application_id = {store_mod.APPLICATION_ID}")
    holder.execute("COMMIT")
    t.join(30)
    assert "error" not in box, box.get("error")
    assert box.get("ok")


def test_a_layer_resolved_while_a_file_was_stored_is_stale_and_rebuilt(tmp_path, blank_nlp, monkeypatch):
    """A file stored during the resolver's read (a writer that ignored the lock) leaves the layer
    marked stale; the next ingest, with nothing new, rebuilds it."""
    db = tmp_path / "s.db"
    root = _corpus(tmp_path / "c", 2)
    ingest_mod.ingest([root], db, nlp=blank_nlp)
    late = _corpus(tmp_path / "late", 1, prefix="late")
    from bbc_timeline.ingest import resolving

    real = resolving.resolve_store
    done = []

    def racing_resolve(store):
        original = store.iter_document_bundles

        def bundles(names=None):
            it = original(names)
            if not done:
                done.append(1)  # another writer stores a file right now, on its own connection
                other = Store(db)
                text = (late / "late0.txt").read_text()
                from bbc_timeline.models import Document

                other.replace_file(str(late / "late0.txt"), "late0.txt", "h", "utf-8", text,
                                   [Document("late0", "late0.txt", 0, len(text))], [], [])
                other.close()
            yield from it

        store.iter_document_bundles = bundles
        return real(store)

    monkeypatch.setattr(resolving, "resolve_store", racing_resolve)
    (root / "a0.txt").write_text(ARTICLE.replace("2019", "2001"), encoding="utf-8")
    ingest_mod.ingest([root], db, nlp=blank_nlp)
    with Store(db) as s:
        assert not s.is_resolved(), "the layer missed a file stored meanwhile: it must say so"
    monkeypatch.setattr(resolving, "resolve_store", real)
    again = ingest_mod.ingest([root], db, nlp=blank_nlp)
    assert again.stored == 0
    with Store(db) as s:
        assert s.is_resolved()
        assert "late0" in {src["doc"] for e in s.events() for src in e["sources"]} or any(
            d.id == "late0" for d, _ in s.documents())


# ---------------------------------------------------------------- store problems: one line, before the model


def _damage(db: Path) -> None:
    with Store(db) as s:
        pages = s.conn.execute("PRAGMA page_count").fetchone()[0]
    data = bytearray(db.read_bytes())
    size = len(data) // pages
    for page in range(2, pages):  # every page but the header's: b-tree pages now make no sense
        data[page * size + 8 : page * size + 64] = b"\xff" * 56
    db.write_bytes(bytes(data))


def test_a_damaged_store_is_one_line_before_the_model(capsys, tmp_path, monkeypatch):
    db = tmp_path / "s.db"
    code, _, _ = run(capsys, "ingest", str(_corpus(tmp_path / "c", 3)), "--db", str(db))
    assert code == 0
    _damage(db)
    before = db.read_bytes()
    _no_model(monkeypatch)
    (tmp_path / "c" / "new.txt").write_text(ARTICLE.replace("2019", "2030"), encoding="utf-8")
    for args in (["ingest", str(tmp_path / "c")], ["show"], ["sources"], ["export"]):
        code, out, err = run(capsys, *args, "--db", str(db))
        assert code == 1 and "Traceback" not in err, (args, err)
        assert "damaged" in err or "not a timeline store" in err, (args, err)
        assert len(err.strip().splitlines()) == 1, err
    assert db.read_bytes() == before, "a damaged store is never overwritten"


def test_a_future_store_version_is_refused_before_the_model(capsys, tmp_path, monkeypatch):
    db = tmp_path / "s.db"
    run(capsys, "ingest", str(_corpus(tmp_path / "c", 1)), "--db", str(db))
    with sqlite3.connect(db) as c:
        c.execute("PRAGMA user_version = 999")
    _no_model(monkeypatch)
    (tmp_path / "c" / "new.txt").write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(capsys, "ingest", str(tmp_path / "c"), "--db", str(db))
    assert code == 1 and "newer bbc_timeline (schema 999)" in err and "Traceback" not in err


def test_a_foreign_sqlite_file_or_text_file_is_never_overwritten(capsys, tmp_path, monkeypatch):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as c:
        c.execute("CREATE TABLE notes(x)")
        c.execute("INSERT INTO notes VALUES ('mine')")
    text = tmp_path / "notes.txt"
    text.write_text("my notes\n" * 100)
    _no_model(monkeypatch)
    for target in (other, text):
        before = target.read_bytes()
        code, _, err = run(capsys, "ingest", str(_corpus(tmp_path / "c", 1)), "--db", str(target))
        assert code == 1 and "not a timeline store" in err
        assert target.read_bytes() == before


def test_a_locked_store_is_store_busy_not_a_traceback(capsys, tmp_path, monkeypatch):
    db = tmp_path / "s.db"
    run(capsys, "ingest", str(_corpus(tmp_path / "c", 1)), "--db", str(db))
    monkeypatch.setattr("bbc_timeline.store.BUSY_TIMEOUT", 0.2)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # a process that is not an ingest holds the file
    try:
        _no_model(monkeypatch)
        (tmp_path / "c" / "new.txt").write_text(ARTICLE, encoding="utf-8")
        code, _, err = run(capsys, "ingest", str(tmp_path / "c"), "--db", str(db))
    finally:
        holder.execute("ROLLBACK")
    assert code == 1 and "store busy" in err and "Traceback" not in err


_READONLY_SCRIPT = """
import sys
import bbc_timeline.nlp.pipeline as p
def boom(*a, **k):
    raise SystemExit("model loaded before the store was checked")
p.load_pipeline = boom
from bbc_timeline.cli import main
main(["ingest", sys.argv[1], "--db", sys.argv[2]])
"""


def _read_only_as_root(monkeypatch, what: str, db: Path) -> None:
    """Root writes anywhere: make SQLite and the lock file meet what a user meets."""
    from bbc_timeline import store as store_mod

    if what == "file":
        real_connect = sqlite3.connect

        def connect(path, *a, **k):
            k.pop("timeout", None)
            return real_connect(f"file:{path}?mode=ro", *a, uri=True, **k)

        monkeypatch.setattr(store_mod.sqlite3, "connect", connect)
    else:
        real_open = os.open

        def open_(path, flags, *a):
            if str(path).startswith(str(db.parent)) and flags & os.O_CREAT:
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, flags, *a)

        monkeypatch.setattr(store_mod.os, "open", open_)
        monkeypatch.setattr(store_mod.os, "access", lambda p, mode: Path(p) != db.parent)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_store_or_folder_is_one_line_before_the_model(capsys, tmp_path, monkeypatch, what):
    corpus = _corpus(tmp_path / "c", 1)
    folder = tmp_path / "store"
    folder.mkdir()
    db = folder / "s.db"
    with Store(db):
        pass
    if os.geteuid() == 0:
        _no_model(monkeypatch)
        _read_only_as_root(monkeypatch, what, db)
        code, _, err = run(capsys, "ingest", str(corpus), "--db", str(db))
    else:
        db.chmod(0o444 if what == "file" else 0o666)
        if what == "folder":
            folder.chmod(0o555)
        try:
            env = {**os.environ, "PYTHONPATH": str(ROOT)}
            r = subprocess.run([sys.executable, "-c", _READONLY_SCRIPT, str(corpus), str(db)], env=env,
                               capture_output=True, text=True, timeout=120)
        finally:
            folder.chmod(0o755)
            db.chmod(0o644)
        code, err = r.returncode, r.stderr
    assert code == 1, err
    assert "Traceback" not in err and "model loaded" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "read-only" in lines[0] and "s.db" in lines[0]


def test_an_interrupted_write_leaves_a_store_that_the_next_ingest_repairs(capsys, tmp_path, blank_nlp):
    """A hot journal (a writer killed mid-transaction): queries say so in one line; ingest repairs."""
    db = tmp_path / "s.db"
    root = _corpus(tmp_path / "c", 2)
    ingest_mod.ingest([root], db, nlp=blank_nlp)
    script = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('PRAGMA cache_size = 1')\n"
        "c.execute('BEGIN IMMEDIATE')\n"
        "c.execute('DELETE FROM mentions')\n"
        "c.execute(\"INSERT INTO meta VALUES ('x' || randomblob(4000), zeroblob(200000))\")\n"
        "os._exit(9)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(db)], check=False)
    journal = db.with_name(db.name + "-journal")
    assert journal.exists() and journal.stat().st_size > 0
    again = ingest_mod.ingest([root], db, nlp=blank_nlp)
    assert again.skipped == 2 and not again.failed
    with Store(db) as s:
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert s.counts()["mentions"] > 0


# ---------------------------------------------------------------- aliases


def test_the_alias_file_in_the_user_config_dir_is_applied_and_named(capsys, tmp_path, monkeypatch):
    from bbc_timeline.paths import user_dir

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path = user_dir() / "aliases.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[[same]]\nnames = ["Anna Lee", "A. Lee"]\n', encoding="utf-8")
    code, _, err = run(capsys, "ingest", str(_corpus(tmp_path / "c", 1)))
    assert code == 0 and f"aliases: applied {path}" in err.replace("\n", "")


def test_the_alias_env_var_wins_and_a_missing_or_bad_file_fails_before_the_model(capsys, tmp_path, monkeypatch):
    root = _corpus(tmp_path / "c", 1)
    _no_model(monkeypatch)
    monkeypatch.setenv("BBC_TIMELINE_ALIASES", str(tmp_path / "nope.toml"))
    code, _, err = run(capsys, "ingest", str(root))
    assert code == 1 and "nope.toml: no such alias file" in err
    bad = tmp_path / "bad.toml"
    bad.write_text("[[same]]\nnames = 3\n", encoding="utf-8")
    monkeypatch.setenv("BBC_TIMELINE_ALIASES", str(bad))
    code, _, err = run(capsys, "ingest", str(root))
    assert code == 1 and "bad.toml" in err and "Traceback" not in err


def test_the_alias_file_is_packaged_lookup_order():
    from bbc_timeline import paths

    assert paths.alias_file() == ROOT / "data" / "aliases.toml"  # a checkout, nothing else set


# ---------------------------------------------------------------- long and hostile texts


def test_a_document_over_spacys_limit_is_analysed_in_pieces_with_offsets_kept(tmp_path, blank_nlp, monkeypatch):
    from bbc_timeline.ingest import prepare

    monkeypatch.setattr(prepare, "PIECE_CHARS", 2_000)
    monkeypatch.setattr(prepare, "MODEL_PIECE_CHARS", 500)
    blank_nlp.max_length = 1_000  # as spaCy's 1,000,000, scaled down
    seen: list[int] = []
    real_pipe = blank_nlp.pipe

    def pipe(items, **kw):  # every text the model reads is a small piece
        for out in real_pipe(items, **kw):
            seen.append(len((out[0] if isinstance(out, tuple) else out).text))
            yield out

    monkeypatch.setattr(blank_nlp, "pipe", pipe)
    try:
        root = tmp_path / "c"
        root.mkdir()
        body = "".join(f"On {d} March 2019 Anna Lee met Boris Ray in Minsk.\n\n" for d in range(1, 29)) * 8
        (root / "long.txt").write_text("Long report\n\n" + body, encoding="utf-8")
        report = ingest_mod.ingest([root], tmp_path / "s.db", nlp=blank_nlp)
    finally:
        blank_nlp.max_length = 1_000_000
    assert report.stored == 1 and not report.failed
    with Store(tmp_path / "s.db") as s:
        (doc, _), = s.documents()
        text = s.file_text(doc.id)
        sentences = s.sentences(doc.id)
        timexes = s.mentions(doc.id, kind="timex")
    assert len(text) > 4 * 2_000
    assert all(text[x.start : x.end].strip() for x in sentences)
    assert sentences[-1].end == len(text.rstrip())
    assert len(timexes) == 28 * 8 and all(text[t.start : t.end] == t.text for t in timexes)
    assert len(seen) > 10 and max(seen) <= 500


def test_pieces_cut_at_paragraphs_and_cover_the_span():
    from bbc_timeline.ingest.prepare import pieces

    text = ("word " * 50 + "\n\n") * 40
    spans = pieces(text, 3, len(text) - 2, size=700)
    assert spans[0][0] == 3 and spans[-1][1] == len(text) - 2
    assert all(b == c for (_, b), (c, _) in zip(spans, spans[1:], strict=False))
    assert all(b - a <= 700 for a, b in spans)
    assert all(text[b - 2 : b] == "\n\n" for _, b in spans[:-1])
    assert pieces("x" * 10, 0, 10, size=4) == [(0, 4), (4, 8), (8, 10)]  # no break anywhere: hard cuts


def test_runs_of_punctuation_reach_the_model_blanked_with_offsets_kept():
    from bbc_timeline.ingest.analysis import model_text

    text = "Title\n" + "=" * 10_000 + "\nOn 2 March 2019 (see above) --- fine.\n" + "(" * 70
    masked = model_text(text)
    assert len(masked) == len(text)
    assert "=" not in masked and "(" * 70 not in masked
    assert masked.endswith(" " * 70) and "(see above) --- fine." in masked
    assert model_text("no runs here --- ok") == "no runs here --- ok"


def test_a_file_whose_dates_take_too_long_is_stopped_and_the_others_are_stored(tmp_path, blank_nlp, monkeypatch):
    from bbc_timeline.ingest import prepare

    root = _corpus(tmp_path / "c", 2)
    (root / "slow.txt").write_text(ARTICLE.replace("Ministers", "Slowly") * 40, encoding="utf-8")
    monkeypatch.setattr(prepare, "GUARD_CHARS", 3_000)
    monkeypatch.setattr(prepare, "GUARD_SECONDS", 1.0)
    monkeypatch.setattr(prepare, "GUARD_SECONDS_PER_MB", 0.0)
    import bbc_timeline.temporal as temporal

    real = temporal.resolve_document_dates

    def stuck(text, start=0, end=None, published=None):
        while "Slowly" in text[start:end]:  # as a catastrophic pattern would: no interrupt reaches it
            pass
        return real(text, start, end, published=published)

    monkeypatch.setattr(temporal, "resolve_document_dates", stuck)
    report = _in_thread(lambda: ingest_mod.ingest([root], tmp_path / "s.db", nlp=blank_nlp), timeout=60)
    assert report.stored == 2
    assert len(report.failed) == 1 and "slow.txt: finding its dates took over 1 s of CPU; skipped" in report.failed[0]


def test_the_guarded_preparation_gives_the_same_store(tmp_path, blank_nlp, monkeypatch):
    from bbc_timeline.ingest import prepare

    first, second = _corpus(tmp_path / "first", 2), _corpus(tmp_path / "second", 2)  # same names: ~ids
    ingest_mod.ingest([first, second], tmp_path / "plain.db", nlp=blank_nlp)
    monkeypatch.setattr(prepare, "GUARD_CHARS", 0)  # every file through the time-limited child
    ingest_mod.ingest([first, second], tmp_path / "guarded.db", nlp=blank_nlp)
    from bbc_timeline import api

    with api.open_store(tmp_path / "plain.db") as a, api.open_store(tmp_path / "guarded.db") as b:
        ea, eb = api.export_data(a), api.export_data(b)
    assert any("~" in d["id"] for d in ea["documents"])
    assert ea == eb


def test_an_interrupted_write_or_first_ingest_is_one_line_for_queries(capsys, tmp_path, blank_nlp):
    db = tmp_path / "s.db"
    ingest_mod.ingest([_corpus(tmp_path / "c", 1)], db, nlp=blank_nlp)
    script = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('PRAGMA cache_size = 1')\n"
        "c.execute('BEGIN IMMEDIATE')\n"
        "c.execute(\"INSERT INTO meta VALUES ('x' || randomblob(4000), zeroblob(200000))\")\n"
        "os._exit(9)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(db)], check=False)
    for args in (["show"], ["sources"], ["export"], ["actors"]):
        code, _, err = run(capsys, *args, "--db", str(db))
        assert code == 1 and "interrupted mid-write; run `timeline ingest`" in err and "Traceback" not in err
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")  # a first ingest killed before its first transaction ended
    code, _, err = run(capsys, "show", "--db", str(empty))
    assert code == 1 and "an empty store (no ingest has finished)" in err
