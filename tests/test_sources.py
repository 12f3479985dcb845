import pytest

from bbc_timeline.errors import InputError
from bbc_timeline.sources import decode, discover, mask_html, read_source, split_articles

ARTICLE = "A headline here\n\nMarch 3, 2019 10:00\n\n" + "Body text of the article. " * 20


def test_utf8_offsets_are_unchanged(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("“Quoted” name — dash\n", encoding="utf-8")
    src = read_source(p, "a.txt")
    assert src.encoding == "utf-8"
    assert src.text[1:7] == "Quoted"


@pytest.mark.parametrize(
    "text,encoding",
    [("Минск и Пекин подписали протокол", "cp1251"), ("Café crème à Genève", "latin-1")],
)
def test_legacy_encodings_are_detected(tmp_path, text, encoding):
    p = tmp_path / "legacy.txt"
    p.write_bytes(text.encode(encoding))
    src = read_source(p, "legacy.txt")
    assert src.text == text
    assert src.encoding in {encoding, "cp1252"}


def test_decode_prefers_utf8():
    assert decode("Київ".encode()) == ("Київ", "utf-8")


@pytest.mark.parametrize(
    "content,problem",
    [(b"", "empty file"), (b"  \n\n ", "empty file"), (b"\x00\x01\x02binary\x00", "binary file")],
)
def test_bad_files_get_a_one_line_reason(tmp_path, content, problem):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(InputError) as e:
        read_source(p, "bad.txt")
    assert problem in str(e.value) and "\n" not in str(e.value) and str(p) in str(e.value)


def test_discover_recurses_and_reports_missing_and_broken_links(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text(ARTICLE)
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "a.txt.meta.json").write_text("{}")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    found, problems = discover([tmp_path, tmp_path / "missing.txt"])
    assert [name for _, name in found] == ["a.txt", "sub/b.md"]
    messages = " | ".join(p.message for p in problems)
    assert "broken symbolic link" in messages and "no such file or folder" in messages


def test_sidecar_metadata_is_read(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE)
    (tmp_path / "a.txt.meta.json").write_text('{"published": "2019-03-04", "title": "T", "url": "http://x"}')
    assert read_source(p, "a.txt").meta["published"] == "2019-03-04"
    (tmp_path / "a.txt.meta.json").write_text("{not json")
    with pytest.raises(InputError, match="sidecar"):
        read_source(p, "a.txt")


def test_page_with_related_articles_is_split():
    second = "Another headline\nOctober 02, 2017 11:57\n\n" + "More text about something else. " * 10
    text = ARTICLE + "\n\nSimilar articles\n\n" + second
    segs = split_articles(text)
    assert len(segs) == 2
    assert segs[0].title == "A headline here"
    assert segs[1].title == "Another headline"
    assert text[segs[1].start :].startswith("Another headline")
    assert text[segs[0].start : segs[0].end].rstrip().endswith("article.")


def test_marker_followed_by_links_only_does_not_split():
    assert len(split_articles(ARTICLE + "\n\nRead also\n\nShort link\n")) == 1


def test_breadcrumb_title():
    assert split_articles("Home / news / The real title\n\n" + "Body. " * 50)[0].title == "The real title"


def test_html_is_masked_with_offsets_kept():
    raw = "<html><head><title>T</title><script>var x=1;</script></head><body><p>Tom &amp; Jerry met.</p></body></html>"
    masked = mask_html(raw)
    assert len(masked) == len(raw)
    i = raw.index("Tom")
    assert masked[i : i + 9] == "Tom &    "
    assert "var x" not in masked and "<p>" not in masked


RELATED_FOOTER = (
    "\n\nRelated articles\n\n"
    "Ministers of two neighbouring states agree on a new border monitoring scheme for the winter\n"
    "Parliament rejects the opposition's motion on the customs union after a long night debate\n"
    "Port authority expands its container terminal with help from a foreign construction group\n"
)


def test_related_headlines_footer_is_not_a_second_article():
    assert len(RELATED_FOOTER) > 200
    segs = split_articles(ARTICLE + RELATED_FOOTER)
    assert len(segs) == 1
    assert segs[0].title == "A headline here"


def test_footer_of_headlines_with_datelines_is_not_split():
    footer = "\n\nRead more\n\n" + "".join(
        f"Officials sign a cooperation agreement on river transport number {i}\nMarch {i}, 2019\n\n" for i in range(1, 6)
    )
    assert len(split_articles(ARTICLE + footer)) == 1


def test_hard_wrapped_second_article_is_split():
    body = (
        "The delegation arrived in the capital on Monday and met the\n"
        "minister of defence, who said that the two countries would\n"
        "expand their joint exercises and train more officers together.\n"
    )
    text = ARTICLE + "\n\nRelated stories\n\nVisit ends with a promise of more drills\n\n" + body * 2
    segs = split_articles(text)
    assert len(segs) == 2 and segs[1].title == "Visit ends with a promise of more drills"


def test_headlines_between_two_markers_do_not_swallow_the_next_article():
    second = "Another headline\nOctober 02, 2017 11:57\n\n" + "More text about something else. " * 10
    text = ARTICLE + RELATED_FOOTER + "\nSimilar articles\n\n" + second
    segs = split_articles(text)
    assert [s.title for s in segs] == ["A headline here", "Another headline"]


def test_discover_files_keys_are_resolved_paths_in_rglob_order(tmp_path):
    from bbc_timeline.sources import discover_files

    corpus = tmp_path / "corpus"
    for rel in ("b/z.txt", "b/a.md", "a.txt", "b2.txt", "b/c/d.html", ".hidden/x.txt", "b/.x.txt", "skip.pdf"):
        (corpus / rel).parent.mkdir(parents=True, exist_ok=True)
        (corpus / rel).write_text(ARTICLE)
    (tmp_path / "elsewhere.txt").write_text(ARTICLE)
    (corpus / "link.txt").symlink_to(tmp_path / "elsewhere.txt")
    (corpus / "linkdir").symlink_to(corpus / "b", target_is_directory=True)  # listed, not entered (as rglob)
    via_link = tmp_path / "via"
    via_link.symlink_to(corpus, target_is_directory=True)
    found, problems = discover_files([via_link])
    assert not problems
    expected = [
        p.relative_to(corpus).as_posix()
        for p in sorted(corpus.rglob("*"))
        if p.suffix in {".txt", ".md", ".html"} and p.is_file() and not p.is_symlink() or p.name == "link.txt"
    ]
    expected = [r for r in expected if not any(part.startswith(".") for part in r.split("/"))]
    assert [f.name for f in found] == expected
    for f in found:
        assert f.key == str(f.path.resolve())
        assert str(f.path).startswith(str(via_link))  # messages name the path as given


def test_content_hash_covers_the_sidecar(tmp_path):
    from bbc_timeline.sources import read_raw

    p = tmp_path / "a.txt"
    p.write_text(ARTICLE)
    plain = read_raw(p).sha256
    (tmp_path / "a.txt.meta.json").write_text('{"published": "2019-03-04"}')
    with_meta = read_raw(p).sha256
    assert plain != with_meta
    assert read_source(p, "a.txt").sha256 == with_meta
    assert read_source(p, "a.txt", read_raw(p)).meta["published"] == "2019-03-04"


def test_unlistable_subfolder_is_reported(tmp_path, monkeypatch):
    # Permission bits do not bind root (CI runs as root): refuse the listing where
    # the operating system would, in os.scandir.
    import os

    (tmp_path / "ok.txt").write_text(ARTICLE)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text(ARTICLE)
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found, problems = discover([tmp_path])
    assert [n for _, n in found] == ["ok.txt"]
    assert any("cannot list folder" in p.message for p in problems)
