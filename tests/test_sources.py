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
