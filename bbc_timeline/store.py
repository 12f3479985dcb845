"""The SQLite store: the only module that speaks SQL.

Per-file transactions keep the store whole if an ingest is interrupted; the
resolved layer (entities, events) is rewritten in one transaction after the
documents are in.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from bbc_timeline.errors import StoreError

if TYPE_CHECKING:  # queries read plain dicts; the value classes are for the ingest side
    from bbc_timeline.models import Document, Entity, Event, Mention, Sentence

class EntityMention(NamedTuple):
    """The attributes of an entity Mention that entity resolution reads."""

    doc: str
    kind: str
    start: int
    end: int
    text: str
    type: str
    titles: tuple[str, ...]


class _groups:
    """Rows of a cursor ordered by rank (first column), taken one rank at a time."""

    def __init__(self, rows: Iterable[tuple]):
        self.rows = iter(rows)
        self.head: tuple | None = next(self.rows, None)

    def take(self, rank: int) -> list[tuple]:
        out = []
        while self.head is not None and self.head[0] <= rank:
            if self.head[0] == rank:
                out.append(self.head)
            self.head = next(self.rows, None)
        return out


SCHEMA_V1 = """
CREATE TABLE files (
    path TEXT PRIMARY KEY,          -- resolved absolute path: identity of a source file
    name TEXT NOT NULL,             -- relative name as given at ingest (the contract's `file`)
    sha256 TEXT NOT NULL,
    encoding TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    path TEXT NOT NULL REFERENCES files(path) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    data TEXT NOT NULL              -- Document.to_dict()
);
CREATE INDEX documents_path ON documents(path);
CREATE TABLE mentions (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    data TEXT NOT NULL              -- Mention.to_dict()
);
CREATE INDEX mentions_doc ON mentions(doc, start);
CREATE TABLE sentences (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    past INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sentences_doc ON sentences(doc, start);
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    data TEXT NOT NULL              -- Entity.to_dict()
);
CREATE TABLE entity_names (         -- every alias, lower-cased, for lookup
    name TEXT NOT NULL,
    entity TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE
);
CREATE INDEX entity_names_name ON entity_names(name);
CREATE TABLE canonical (            -- mention -> canonical entity name
    doc TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    name TEXT NOT NULL
);
CREATE INDEX canonical_doc ON canonical(doc);
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    date_start TEXT NOT NULL,
    date_end TEXT NOT NULL,
    position INTEGER NOT NULL,      -- chronological order
    n_sources INTEGER NOT NULL,
    data TEXT NOT NULL              -- Event.to_dict()
);
CREATE INDEX events_dates ON events(date_start, date_end);
CREATE TABLE event_names (          -- participants, lower-cased, for --actor/--org
    event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role TEXT NOT NULL,             -- actor | org | place | event
    name TEXT NOT NULL
);
CREATE INDEX event_names_name ON event_names(name, role);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def _migration_1(conn: sqlite3.Connection) -> None:
    # statement by statement: executescript() would commit the open transaction
    for statement in SCHEMA_V1.split(";"):
        if statement.strip():
            conn.execute(statement)


def _migration_2(conn: sqlite3.Connection) -> None:
    """Events carry their importance, so that queries rank in SQL."""
    conn.execute("ALTER TABLE events ADD COLUMN importance REAL NOT NULL DEFAULT 0")
    conn.execute("CREATE INDEX events_importance ON events(importance DESC, position)")


# Full-text index of what a reader sees of an event: its summary and its sources'
# quotes (never the JSON keys). unicode61 folds case in every script and, with
# remove_diacritics 2, matches "Protésters" for "protesters"; an apostrophe of any
# kind separates tokens, so "China’s" and "China's" are the same phrase. The
# index is contentless (the text stays in events.data only): it gives rowids.
_FILL_EVENT_TEXT = (
    "INSERT INTO event_text(rowid, summary, quotes) SELECT e.rowid, json_extract(e.data, '$.summary'), "
    "(SELECT group_concat(json_extract(s.value, '$.quote'), char(10)) FROM json_each(e.data, '$.sources') s) "
    "FROM events e"
)


def _migration_3(conn: sqlite3.Connection) -> None:
    """Queries in SQL: full-text search of event text, entities ranked by mentions, paging indexes."""
    conn.execute("ALTER TABLE entities ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0")
    conn.execute("UPDATE entities SET mentions = coalesce(json_extract(data, '$.mentions'), 0)")
    conn.execute("CREATE INDEX entities_rank ON entities(mentions DESC, type, name)")
    conn.execute("CREATE INDEX entities_type_rank ON entities(type, mentions DESC, name)")
    conn.execute("CREATE INDEX entity_names_entity ON entity_names(entity)")
    conn.execute("CREATE INDEX events_position ON events(position)")
    conn.execute("CREATE INDEX events_end ON events(date_end, date_start)")
    conn.execute("CREATE INDEX event_names_event ON event_names(event, role)")
    conn.execute(
        "CREATE VIRTUAL TABLE event_text USING fts5(summary, quotes, content = '', "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )
    conn.execute(_FILL_EVENT_TEXT)


def _migration_4(conn: sqlite3.Connection) -> None:
    """Key events: each event's documents with their publication day and independent source (reprints of
    one story share one), for "what was known by then" and the digest; periods told as background apart."""
    conn.execute("ALTER TABLE events ADD COLUMN period INTEGER NOT NULL DEFAULT 0")
    conn.execute(
        "CREATE TABLE event_sources (event TEXT NOT NULL, doc TEXT NOT NULL, source TEXT NOT NULL, published TEXT)"
    )
    conn.execute("CREATE INDEX event_sources_event ON event_sources(event, published)")
    conn.execute("CREATE INDEX event_sources_published ON event_sources(published, event)")
    conn.execute("CREATE INDEX events_day ON events(period, date_start, date_end)")


def _migration_5(conn: sqlite3.Connection) -> None:
    """Entities found by any romanisation of their names: the resolver's spelling keys, indexed."""
    conn.execute("CREATE TABLE entity_keys (key TEXT NOT NULL, "
                 "entity TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE)")
    conn.execute("CREATE INDEX entity_keys_key ON entity_keys(key)")


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _migration_1, _migration_2, _migration_3, _migration_4, _migration_5,
]
APPLICATION_ID = 0x42424354  # "BBCT": marks a file as a timeline store
BUSY_TIMEOUT = 30.0  # seconds a writer's statement waits for another connection's write to end


def store_problem(path: Path, e: sqlite3.Error) -> StoreError:
    """One line for an SQLite error on opening or writing a store: locked, read-only, damaged, not a store."""
    if isinstance(e, StoreError):
        return StoreError(f"{path}: {e}")
    name = getattr(e, "sqlite_errorname", "") or ""
    text = str(e)
    if name.startswith("SQLITE_BUSY") or "locked" in text:
        return StoreError(f"{path}: store busy (another process is writing it); try again when it has finished")
    if name.startswith("SQLITE_READONLY") or "readonly" in text:
        if name == "SQLITE_READONLY_ROLLBACK" or "rollback" in text.lower():
            return StoreError(f"{path}: an ingest was interrupted mid-write; run `timeline ingest` to repair the store")
        return StoreError(f"{path}: the store is read-only (no permission to write it)")
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        return StoreError(f"{path}: cannot write in {path.parent} (read-only folder?): the store needs its journal there")
    if name.startswith("SQLITE_NOTADB") or "not a database" in text or "file is not a database" in text:
        return StoreError(f"{path}: not a timeline store (not an SQLite database)")
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_IOERR")) or "malformed" in text or "disk I/O" in text:
        return StoreError(f"{path}: the store is damaged ({text}); restore a copy or ingest into a new --db")
    return StoreError(f"{path}: store error ({text})")


@contextmanager
def writer_lock(db: Path, wait: float = 0.0, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the store's writer lock (a `<store>.lock` file beside it) for a whole ingest.

    A second writer waits up to `wait` seconds (telling `on_wait` once), then gives up with
    "store busy". The lock is released by the kernel when its holder exits, killed or not.
    """
    try:
        import fcntl
    except ImportError:  # not POSIX: SQLite's own locking still keeps every transaction whole
        yield
        return
    db = Path(db)
    lock_path = db.with_name(db.name + ".lock")
    try:
        db.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        if db.parent.is_dir() and not os.access(db.parent, os.W_OK):
            raise StoreError(f"{db}: cannot write in {db.parent} (read-only folder)") from None
        raise StoreError(f"{db}: cannot create the lock file {lock_path} ({e.strerror or e})") from None
    try:
        deadline = time.monotonic() + max(0.0, wait)
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = _lock_holder(fd)
                if time.monotonic() >= deadline:
                    raise StoreError(
                        f"{db}: store busy: another ingest{holder} is writing it; "
                        "try again when it has finished (or wait longer with --wait SECONDS)"
                    ) from None
                if on_wait and not told:
                    on_wait(f"another ingest{holder} is writing {db}; waiting up to {wait:g} s for it to finish")
                    told = True
                time.sleep(0.2)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)  # releases the lock


def _lock_holder(fd: int) -> str:
    try:
        pid = os.pread(fd, 32, 0).decode().strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return f" (pid {pid})" if pid.isdigit() else ""


def fts_query(words: Iterable[str]) -> str | None:
    """An FTS5 query: every word must occur; a plain word also as the start of a longer one.

    "protest" finds "protesters"; a word of several tokens ("China’s", "al-Sisi")
    is an exact phrase, so "China’s" does not find "China says". None when no
    word has a letter or digit (nothing can match). Quoting every word keeps FTS5
    operators typed by a user ("AND", "NEAR", "-", "*") as text.
    """
    phrases = []
    for word in words:
        if any(ch.isalnum() for ch in word):
            phrase = '"' + word.replace('"', '""') + '"'
            phrases.append(phrase + "*" if word.isalnum() else phrase)
    return " AND ".join(phrases) if phrases else None


_EVENT_ORDER = {
    "date": " ORDER BY e.position",
    "importance": " ORDER BY e.importance DESC, e.position",
    "latest": " ORDER BY e.date_start DESC, e.date_end DESC, e.position",
}


def _event_filter(
    since: str | None, until: str | None, names: Iterable[tuple[str, str]], min_sources: int,
    text_words: Iterable[str], periods: bool = False, published: tuple[str | None, str | None] = (None, None),
) -> tuple[str, list]:
    """The WHERE clause (over `events e`) and its arguments shared by events() and count_events().

    A period (background span) shows in a window only where it starts or ends in it, unless `periods`;
    `published` (since, until): only events some document published in that window reports.
    """
    where, args = ["e.n_sources >= ?"], [min_sources]
    if since:
        where.append("e.date_end >= ?")
        args.append(since)
    if until:
        where.append("e.date_start <= ?")
        args.append(until)
    if (since or until) and not periods:
        where.append("(e.period = 0 OR e.date_start >= ? OR e.date_end <= ?)")
        args += [since or "", until or "9999-12-31"]
    if published[0] or published[1]:
        where.append("e.id IN (SELECT s.event FROM event_sources s WHERE s.published BETWEEN ? AND ?)")
        args += [published[0] or "", published[1] or "9999-12-31"]
    for role, name in names:
        # driven by the event_names index: an actor's events without scanning every event
        where.append("e.id IN (SELECT n.event FROM event_names n WHERE n.name = ? AND n.role = ?)")
        args += [name, role]
    words = list(text_words)
    if words:
        query = fts_query(words)
        if query is None:
            where.append("0")
        else:
            where.append("e.rowid IN (SELECT rowid FROM event_text WHERE event_text MATCH ?)")
            args.append(query)
    return " AND ".join(where), args


# An event that happened on a day: dated to the day, lasting a month at most (counted on its first day).
_HAPPENING_DAY = (
    "julianday(e.date_end) - julianday(e.date_start) <= 31 AND json_extract(e.data, '$.date.precision') = 'day'"
)


class Store:
    """A timeline store on disk."""

    last_opened: Path | None = None  # for one-line messages about errors met later, while reading

    def __init__(self, path: Path, *, readonly: bool = False):
        self.path = Path(path)
        Store.last_opened = self.path
        self.readonly = readonly
        self.conn = self._connect()

    # -- opening -------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        if self.readonly:
            if not self.path.exists():
                raise StoreError(f"{self.path}: no timeline store here yet; run `timeline ingest PATH` first")
            uri = f"file:{self.path.resolve()}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None)
        else:
            if self.path.is_dir():
                raise StoreError(f"{self.path}: is a folder, not a store file")
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT)
            except (OSError, sqlite3.Error) as e:
                raise StoreError(f"{self.path}: cannot open store ({e})") from None
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        except sqlite3.DatabaseError as e:
            conn.close()
            raise store_problem(self.path, e) from None
        if tables and app_id != APPLICATION_ID:
            conn.close()
            raise StoreError(f"{self.path}: an SQLite database, but not a timeline store")
        if version > len(MIGRATIONS):
            conn.close()
            raise StoreError(f"{self.path}: made by a newer bbc_timeline (schema {version})")
        if version < len(MIGRATIONS):
            if self.readonly:
                conn.close()
                if not tables:  # a first ingest that never finished (or an empty file)
                    raise StoreError(f"{self.path}: an empty store (no ingest has finished); run `timeline ingest PATH`")
                raise StoreError(f"{self.path}: store needs an upgrade; run `timeline ingest` once")
            try:
                self._migrate(conn, version)
            except (sqlite3.DatabaseError, StoreError) as e:
                conn.close()
                raise store_problem(self.path, e) from None
        return conn

    @staticmethod
    def _migrate(conn: sqlite3.Connection, version: int) -> None:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while this one waited for the write lock.
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > len(MIGRATIONS):
                raise StoreError(f"made by a newer bbc_timeline (schema {version})")
            for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
                step(conn)
                conn.execute(f"PRAGMA user_version = {number}")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def check_writable(self) -> None:
        """Fail now, with one line, if this store cannot be written (read-only file or folder, locked):
        before an ingest spends minutes on the model. Writes nothing."""
        c = self.conn
        try:
            c.execute("BEGIN IMMEDIATE")
            try:
                # a real page write: the rollback journal must be creatable in the store's folder
                c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('write_check', '1')")
            finally:
                c.execute("ROLLBACK")
        except sqlite3.DatabaseError as e:
            raise store_problem(self.path, e) from None

    def check_integrity(self) -> None:
        """Fail with one line if a page of the store is damaged (PRAGMA quick_check: about 0.15 s for 60 MB)."""
        try:
            found = self.conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        except sqlite3.DatabaseError as e:
            raise store_problem(self.path, e) from None
        if found != "ok":
            raise StoreError(f"{self.path}: the store is damaged ({found}); restore a copy or ingest into a new --db")

    def generation(self) -> str:
        """Changes with every stored file: the resolved layer records the generation it was built from."""
        return self.meta("generation") or "0"

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing, Ctrl-C included."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    # -- files and documents -------------------------------------------
    def file_hashes(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT path, sha256 FROM files"))

    def used_doc_ids(self) -> dict[str, str]:
        """Document id -> the file path that owns it."""
        return dict(self.conn.execute("SELECT id, path FROM documents"))

    def replace_file(
        self,
        path: str,
        name: str,
        sha256: str,
        encoding: str,
        text: str,
        documents: list[Document],
        mentions: Iterable[Mention],
        sentences: Iterable[Sentence],
    ) -> None:
        """Write one file's documents, mentions and sentences, replacing any old version."""
        with self.transaction() as c:
            c.execute("DELETE FROM files WHERE path = ?", (path,))
            c.execute(
                "INSERT INTO files(path, name, sha256, encoding, text) VALUES (?, ?, ?, ?, ?)",
                (path, name, sha256, encoding, text),
            )
            c.executemany(
                "INSERT INTO documents(id, path, position, data) VALUES (?, ?, ?, ?)",
                [(d.id, path, i, json.dumps(d.to_dict())) for i, d in enumerate(documents)],
            )
            c.executemany(
                'INSERT INTO mentions(doc, kind, start, "end", data) VALUES (?, ?, ?, ?, ?)',
                [(m.doc, m.kind, m.start, m.end, json.dumps(m.to_dict())) for m in mentions],
            )
            c.executemany(
                'INSERT INTO sentences(doc, start, "end", past) VALUES (?, ?, ?, ?)',
                [(s.doc, s.start, s.end, int(s.past)) for s in sentences],
            )
            self._set_meta(c, "resolved", "0")
            row = c.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
            self._set_meta(c, "generation", str(int(row[0]) + 1 if row else 1))

    def documents(self) -> list[tuple[Document, str]]:
        """Every document with its file's relative name, in ingest order."""
        from bbc_timeline.models import Document

        rows = self.conn.execute(
            "SELECT d.data, f.name FROM documents d JOIN files f ON f.path = d.path ORDER BY f.name, d.position"
        )
        return [(Document.from_dict(json.loads(data)), name) for data, name in rows]

    def file_text(self, doc_id: str) -> str:
        row = self.conn.execute(
            "SELECT f.text FROM documents d JOIN files f ON f.path = d.path WHERE d.id = ?", (doc_id,)
        ).fetchone()
        return row[0] if row else ""

    def _order_documents(self) -> None:
        """Fill temp.doc_order: every document id in reading order (file name, position), ranked 1, 2, ...

        Scans joined on it by rank stream whole tables in that order with one
        query each, instead of one query per document.
        """
        c = self.conn
        c.execute("DROP TABLE IF EXISTS temp.doc_order")
        c.execute("CREATE TEMP TABLE doc_order(rank INTEGER PRIMARY KEY, doc TEXT NOT NULL)")
        c.execute(
            "INSERT INTO temp.doc_order(doc) SELECT d.id FROM documents d JOIN files f ON f.path = d.path "
            "ORDER BY f.name, d.position, f.path"
        )

    def iter_document_bundles(
        self, names: dict[tuple[str, int, int], str] | None = None
    ) -> Iterator[tuple[Document, str, list[Mention], list[Sentence]]]:
        """(document, file text, mentions, sentences) one document at a time, in reading order.

        Three ordered scans in step (documents, mentions, sentences), so memory
        holds one document's rows, not the store's; the documents of one file
        share one text string. With `names`, that dict is refilled before each
        yield with the document's staged canonical names (see stage_canonical).
        """
        from bbc_timeline.models import Document, Mention, Sentence

        self._order_documents()
        docs = self.conn.execute(
            "SELECT o.rank, d.path, d.data, f.text FROM temp.doc_order o JOIN documents d ON d.id = o.doc "
            "JOIN files f ON f.path = d.path ORDER BY o.rank"
        )
        mentions = _groups(self.conn.execute(
            'SELECT o.rank, m.data FROM temp.doc_order o JOIN mentions m ON m.doc = o.doc '
            'ORDER BY o.rank, m.start, m."end"'
        ))
        sentences = _groups(self.conn.execute(
            'SELECT o.rank, s.start, s."end", s.past FROM temp.doc_order o JOIN sentences s ON s.doc = o.doc '
            "ORDER BY o.rank, s.start"
        ))
        staged = None
        if names is not None:
            staged = _groups(self.conn.execute(
                'SELECT o.rank, c.start, c."end", c.name FROM temp.doc_order o '
                "JOIN temp.canonical_stage c ON c.doc = o.doc ORDER BY o.rank"
            ))
        path, text = None, ""
        for rank, doc_path, data, file_text in docs:
            doc = Document.from_dict(json.loads(data))
            if doc_path != path:
                path, text = doc_path, file_text
            doc_mentions = [Mention.from_dict(json.loads(r[1])) for r in mentions.take(rank)]
            doc_sentences = [Sentence(doc.id, r[1], r[2], bool(r[3])) for r in sentences.take(rank)]
            if staged is not None and names is not None:
                names.clear()
                names.update(((doc.id, r[1], r[2]), r[3]) for r in staged.take(rank))
            yield doc, text, doc_mentions, doc_sentences

    def mentions(self, doc_id: str | None = None, kind: str | None = None) -> list[Mention]:
        from bbc_timeline.models import Mention

        sql, args = "SELECT data FROM mentions WHERE 1=1", []
        if doc_id is not None:
            sql += " AND doc = ?"
            args.append(doc_id)
        if kind is not None:
            sql += " AND kind = ?"
            args.append(kind)
        sql += " ORDER BY doc, start, \"end\""
        return [Mention.from_dict(json.loads(r[0])) for r in self.conn.execute(sql, args)]

    def entity_mentions_in_order(self) -> list[EntityMention]:
        """Entity mentions in document order then offset, as a list (see iter_entity_mentions)."""
        return list(self.iter_entity_mentions())

    def iter_entity_mentions(self) -> Iterator[EntityMention]:
        """Entity mentions in document order then offset, streamed for the resolver, as light tuples.

        An EntityMention has the attributes of a Mention the resolver reads, at a
        fraction of the memory; document ids and labels are shared strings.
        """
        self._order_documents()
        rows = self.conn.execute(
            "SELECT o.doc, m.start, m.\"end\", m.data FROM temp.doc_order o JOIN mentions m ON m.doc = o.doc "
            "WHERE m.kind = 'entity' ORDER BY o.rank, m.start"
        )
        shared: dict[str, str] = {}
        for doc, start, end, data in rows:
            d = json.loads(data)
            doc = shared.setdefault(doc, doc)
            label = shared.setdefault(d["type"], d["type"])
            titles = tuple(d.get("titles") or ())
            yield EntityMention(doc, "entity", start, end, d["text"], label, titles)

    def sentences(self, doc_id: str) -> list[Sentence]:
        from bbc_timeline.models import Sentence

        rows = self.conn.execute('SELECT start, "end", past FROM sentences WHERE doc = ? ORDER BY start', (doc_id,))
        return [Sentence(doc_id, s, e, bool(p)) for s, e, p in rows]

    # -- the resolved layer ----------------------------------------------
    def stage_canonical(self, canonical: dict[tuple[str, int, int], str]) -> None:
        """Keep mention -> entity names in a temporary table of this connection.

        The caller can then drop its dict: iter_document_bundles(names) reads the
        names back one document at a time, and write_resolution(canonical=None)
        stores them. The temporary table lives outside the store file, so no lock
        is held on the store meanwhile.
        """
        c = self.conn
        c.execute("DROP TABLE IF EXISTS temp.canonical_stage")
        c.execute('CREATE TEMP TABLE canonical_stage(doc TEXT NOT NULL, start INTEGER, "end" INTEGER, name TEXT)')
        c.execute("BEGIN")
        try:
            c.executemany(
                "INSERT INTO temp.canonical_stage VALUES (?, ?, ?, ?)",
                ((d, s, e, n) for (d, s, e), n in canonical.items() if n),
            )
            c.execute("CREATE INDEX temp.canonical_stage_doc ON canonical_stage(doc)")
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise

    def write_resolution(
        self,
        entities: list[Entity],
        canonical: dict[tuple[str, int, int], str] | None,
        events: list[Event],
        resolver: str = "",
        provenance: dict[str, tuple[str, str | None]] | None = None,
        generation: str | None = None,
    ) -> bool:
        """Replace entities, mention names and events in one transaction.

        `canonical` None: the names given to stage_canonical. `provenance`: doc -> (its independent
        source, its publication day), kept per event source for the digest and --published-*.
        `generation`: the store's generation() when the resolver started reading; if a file was
        stored since, the layer is written but left marked stale (False is returned), so that the
        next ingest rebuilds it.
        """
        with self.transaction() as c:
            fresh = generation is None or generation == (
                (c.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone() or ("0",))[0]
            )
            for table in ("entity_keys", "entity_names", "entities", "canonical", "event_names", "events",
                          "event_sources"):
                c.execute(f"DELETE FROM {table}")
            c.execute("INSERT INTO event_text(event_text) VALUES ('delete-all')")
            c.executemany(
                "INSERT INTO entities(id, type, name, mentions, data) VALUES (?, ?, ?, ?, ?)",
                [(e.id, e.type, e.name, e.mentions, json.dumps(e.to_dict())) for e in entities],
            )
            names = set()
            for e in entities:
                for alias in {e.name, *e.aliases}:
                    names.add((alias.lower(), e.id))
            c.executemany("INSERT INTO entity_names(name, entity) VALUES (?, ?)", sorted(names))
            c.executemany("INSERT INTO entity_keys(key, entity) VALUES (?, ?)",
                          sorted({(k, e.id) for e in entities for k in e.keys}))
            # Generators, not lists: the rows (events as JSON above all) are never all in memory at once.
            if canonical is None:
                c.execute('INSERT INTO canonical(doc, start, "end", name) SELECT * FROM temp.canonical_stage')
            else:
                c.executemany(
                    'INSERT INTO canonical(doc, start, "end", name) VALUES (?, ?, ?, ?)',
                    ((d, s, e, n) for (d, s, e), n in canonical.items() if n),
                )
            c.executemany(
                "INSERT INTO events(id, date_start, date_end, position, n_sources, importance, period, data)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    (ev.id, ev.date.start, ev.date.end, i, len(ev.sources), ev.importance, ev.kind == "period",
                     json.dumps(ev.to_dict()))
                    for i, ev in enumerate(events)
                ),
            )
            provenance = provenance or {}
            c.executemany(
                "INSERT INTO event_sources(event, doc, source, published) VALUES (?, ?, ?, ?)",
                (
                    (ev.id, doc, *provenance.get(doc, (doc, None)))
                    for ev in events
                    for doc in dict.fromkeys(s.doc for s in ev.sources)
                ),
            )
            c.executemany(
                "INSERT INTO event_names(event, role, name) VALUES (?, ?, ?)",
                (
                    (ev.id, role, n.lower())
                    for ev in events
                    for role, names_ in (
                        ("actor", ev.actors),
                        ("org", ev.orgs),
                        ("place", ev.places),
                        ("event", ev.named_events),
                    )
                    for n in names_
                ),
            )
            c.execute(_FILL_EVENT_TEXT)
            self._set_meta(c, "resolved", "1" if fresh else "0")
            self._set_meta(c, "resolver", resolver)
        if canonical is None:
            self.conn.execute("DROP TABLE IF EXISTS temp.canonical_stage")
        return fresh

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def is_resolved(self) -> bool:
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'resolved'").fetchone()
        return row is None or row[0] == "1"

    @staticmethod
    def _set_meta(c: sqlite3.Connection, key: str, value: str) -> None:
        c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def entities(
        self, type_: str | None = None, *, order: str = "name", limit: int | None = None, offset: int = 0
    ) -> list[dict[str, Any]]:
        """The entity register as plain dicts (Entity.to_dict()).

        `order` "name": by type then name; "mentions": most mentioned first. `limit`/`offset` page in SQL.
        """
        sql, args = "SELECT data FROM entities", []
        if type_:
            sql += " WHERE type = ?"
            args.append(type_)
        sql += " ORDER BY mentions DESC, type, name" if order == "mentions" else " ORDER BY type, name"
        if limit is not None or offset:
            sql += " LIMIT ? OFFSET ?"
            args += [-1 if limit is None else limit, max(offset, 0)]
        return [json.loads(r[0]) for r in self.conn.execute(sql, args)]

    def count_entities(self, type_: str | None = None) -> int:
        if type_:
            return self.conn.execute("SELECT count(*) FROM entities WHERE type = ?", (type_,)).fetchone()[0]
        return self.conn.execute("SELECT count(*) FROM entities").fetchone()[0]

    def entities_by_id(self, ids: Iterable[str]) -> list[dict[str, Any]]:
        """These entities, most mentioned first (one query)."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        rows = self.conn.execute(
            f"SELECT data FROM entities WHERE id IN ({marks}) ORDER BY mentions DESC, type, name", ids
        )
        return [json.loads(r[0]) for r in rows]

    def entity_ids_by_key(self, key: str) -> list[str]:
        """Entities one of whose names has this romanisation key (indexed)."""
        rows = self.conn.execute("SELECT DISTINCT entity FROM entity_keys WHERE key = ?", (key,))
        return [r[0] for r in rows]

    def entity_ids_by_alias(self, name: str) -> list[str]:
        rows = self.conn.execute("SELECT DISTINCT entity FROM entity_names WHERE name = ?", (name.lower(),))
        return [r[0] for r in rows]

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT data FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def alias_candidates(self, query: str, limit: int = 20_000) -> list[tuple[str, str]]:
        """(alias, entity) pairs sharing a three-letter start or end with a word of `query`.

        What a fuzzy lookup compares, instead of every alias of a large store; a
        query with no word of three letters, or no such alias, gets every alias.
        """
        pieces = sorted({p for w in query.lower().split() if len(w) >= 3 for p in (w[:3], w[-3:])})
        if not pieces:
            return self.all_aliases()
        where = " OR ".join("instr(name, ?) > 0" for _ in pieces)
        found = list(self.conn.execute(f"SELECT name, entity FROM entity_names WHERE {where} LIMIT ?", [*pieces, limit]))
        return found or self.all_aliases()

    def all_aliases(self) -> list[tuple[str, str]]:
        return list(self.conn.execute("SELECT name, entity FROM entity_names"))

    def canonical_names(self, doc_id: str | None = None) -> dict[tuple[str, int, int], str]:
        sql, args = 'SELECT doc, start, "end", name FROM canonical', []
        if doc_id is not None:
            sql += " WHERE doc = ?"
            args.append(doc_id)
        return {(d, s, e): n for d, s, e, n in self.conn.execute(sql, args)}

    def events(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        names: Iterable[tuple[str, str]] = (),
        min_sources: int = 1,
        limit: int | None = None,
        text_words: Iterable[str] = (),
        order: str = "date",
        offset: int = 0,
        periods: bool = False,
        published: tuple[str | None, str | None] = (None, None),
    ) -> list[dict[str, Any]]:
        """Events (as the contract's dicts) whose interval overlaps [since, until].

        `order` "date": oldest first; "importance": most important first (ties in date order);
        "latest": latest start first. `limit`/`offset` page through that order in SQL.

        `since`/`until` are inclusive ISO dates; `names` are (role, lower-cased name)
        pairs that must all be present; `text_words` must all occur in the event's
        summary or quotes (whole words or their beginnings, any case or accent).
        """
        where, args = _event_filter(since, until, names, min_sources, text_words, periods, published)
        sql = f"SELECT e.data FROM events e WHERE {where}"
        sql += _EVENT_ORDER[order]
        if limit is not None or offset:
            sql += " LIMIT ? OFFSET ?"
            args += [-1 if limit is None else limit, max(offset, 0)]
        return [json.loads(r[0]) for r in self.conn.execute(sql, args)]

    def count_events(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        names: Iterable[tuple[str, str]] = (),
        min_sources: int = 1,
        text_words: Iterable[str] = (),
        periods: bool = False,
        published: tuple[str | None, str | None] = (None, None),
    ) -> int:
        """How many events events() would give without a limit."""
        where, args = _event_filter(since, until, names, min_sources, text_words, periods, published)
        return self.conn.execute(f"SELECT count(*) FROM events e WHERE {where}", args).fetchone()[0]

    # -- key events (digest, --published-*) --------------------------------
    @staticmethod
    def _published_clause(published: tuple[str | None, str | None]) -> tuple[str, list]:
        if not (published[0] or published[1]):
            return "", []
        return " AND s.published BETWEEN ? AND ?", [published[0] or "", published[1] or "9999-12-31"]

    def day_evidence(
        self, since: str | None, until: str | None, published: tuple[str | None, str | None] = (None, None)
    ) -> list[tuple[str, int, int, float, int]]:
        """Per day with a happening dated to it (periods aside): (day, independent sources reporting the
        day, those published after it, the top event importance, events), from the sources published
        in `published` only."""
        pub, args = self._published_clause(published)
        sql = (
            "SELECT e.date_start, count(DISTINCT s.source),"
            " count(DISTINCT CASE WHEN s.published > e.date_end THEN s.source END),"
            " max(e.importance), count(DISTINCT e.id)"
            " FROM events e JOIN event_sources s ON s.event = e.id"
            " WHERE e.period = 0 AND e.date_start BETWEEN ? AND ? AND " + _HAPPENING_DAY + pub +
            " GROUP BY e.date_start"
        )
        return list(self.conn.execute(sql, [since or "", until or "9999-12-31", *args]))

    def published_per_day(
        self, since: str | None, until: str | None, published: tuple[str | None, str | None] = (None, None)
    ) -> dict[str, int]:
        """Independent sources published on each day of [since, until] (inside `published` too)."""
        lo = max(since or "", published[0] or "")
        hi = min(until or "9999-12-31", published[1] or "9999-12-31")
        sql = ("SELECT published, count(DISTINCT source) FROM event_sources WHERE published BETWEEN ? AND ?"
               " GROUP BY published")
        return dict(self.conn.execute(sql, [lo, hi]))

    def day_events(
        self, day: str, published: tuple[str | None, str | None] = (None, None), limit: int = 50
    ) -> list[tuple[dict[str, Any], list[str]]]:
        """The events of one day, most important first, each with its documents published in `published`."""
        pub, args = self._published_clause(published)
        sql = (
            "SELECT e.data, group_concat(s.doc, char(10)) FROM events e JOIN event_sources s ON s.event = e.id"
            " WHERE e.period = 0 AND e.date_start = ? AND " + _HAPPENING_DAY + pub +
            " GROUP BY e.id ORDER BY e.importance DESC, e.position LIMIT ?"
        )
        return [(json.loads(d), docs.split("\n")) for d, docs in self.conn.execute(sql, [day, *args, limit])]

    def documents_published(self, event_ids: list[str], published: tuple[str | None, str | None]) -> set[str]:
        """The documents of these events published in the window."""
        pub, args = self._published_clause(published)
        marks = ",".join("?" * len(event_ids))
        sql = f"SELECT DISTINCT s.doc FROM event_sources s WHERE s.event IN ({marks})" + pub
        return {r[0] for r in self.conn.execute(sql, [*event_ids, *args])}

    def independent_counts(self) -> tuple[int, int]:
        """(events with 2+ independent sources, documents that are reprints of another)."""
        events = self.conn.execute(
            "SELECT count(*) FROM (SELECT event FROM event_sources GROUP BY event HAVING count(DISTINCT source) >= 2)"
        ).fetchone()[0]
        reprints = self.conn.execute(
            "SELECT count(DISTINCT doc) FROM event_sources WHERE source != doc"
        ).fetchone()[0]
        return events, reprints

    def event_starts(self, *, names: Iterable[tuple[str, str]] = ()) -> list[tuple[str, str, int]]:
        """(date start, precision, number of events) of the events with these names: a chart's counts, in SQL."""
        where, args = _event_filter(None, None, names, 1, ())
        sql = (f"SELECT e.date_start, json_extract(e.data, '$.date.precision'), count(*) FROM events e "
               f"WHERE {where} GROUP BY 1, 2")
        return list(self.conn.execute(sql, args))

    def event(self, event_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT data FROM events WHERE id = ?", (event_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def event_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM events ORDER BY position")]

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("files", "documents", "mentions", "entities", "events"):
            out[table] = self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        return out
