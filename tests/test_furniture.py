"""Page furniture (reader comments, bylines, notices, link lists) is masked out of extraction."""

from bbc_timeline import furniture
from bbc_timeline.furniture import find, left_out, mask, strip

ARTICLE = (
    "By Anna Berg and Tom Hale, CNN The council voted on Tuesday to close the old harbour.\n"
    "The mayor said the vote followed two years of debate.\n"
    "To play this content JavaScript must be turned on and the latest Flash player installed.\n"
    "Residents gathered outside the hall after the decision.\n"
    "What a disgrace this is!!! May 4, 2012 at 9:15 pm | Report abuse | I agree with the council.\n"
    "Nobody asked us. May 5, 2012 at 7:02 am | Reply Shame on them.\n"
    "Comments are not pre-screened before they post.\n"
)


def test_comment_thread_masked_to_the_end_with_offsets_kept():
    masked, spans = strip(ARTICLE)
    assert len(masked) == len(ARTICLE)
    assert masked.count("\n") == ARTICLE.count("\n")
    kinds = {f.kind for f in spans}
    assert {"comments", "byline", "notice"} <= kinds
    assert "Report abuse" not in masked and "Reply" not in masked and "May 4, 2012" not in masked
    assert "disgrace" not in masked  # the first comment, before its time stamp, too
    assert "Residents gathered outside the hall" in masked
    start = ARTICLE.index("The council voted")
    assert masked[start : start + 17] == "The council voted"


def test_byline_masked_but_not_a_sentence_starting_with_by():
    masked, _ = strip(ARTICLE)
    assert "Anna Berg" not in masked and "CNN" not in masked.split("\n")[0]
    text = "By Friday night, the protesters had left the square.\nBy Monday Morning the roads were open.\n"
    assert [f for f in find(text) if f.kind == "byline"] == []


def test_byline_alone_on_its_line():
    text = "Storm hits coast\nBy Jane Q. Miller\nThe storm reached the coast on Sunday, officials said.\n"
    (f,) = [f for f in find(text) if f.kind == "byline"]
    assert text[f.start : f.end].strip() == "By Jane Q. Miller"


def test_related_list_masked_until_prose():
    text = (
        "The bridge reopened on Monday after repairs that lasted three months, the city said.\n"
        "Most read\n"
        "Ten things to do this weekend\n"
        "Team wins the cup in final\n"
        "Local weather for the week\n"
    )
    masked, spans = strip(text)
    assert "Ten things" not in masked and "weather" not in masked
    assert "The bridge reopened" in masked
    assert [f.kind for f in spans] == ["related"]


def test_prose_after_a_related_heading_is_kept():
    text = "Related\nThe minister resigned on Friday after a long inquiry into the contracts, officials said.\n"
    assert find(text) == []


def test_a_long_paragraph_mentioning_a_policy_word_is_not_a_notice():
    para = ("The company changed its privacy policy and said it would share this data with partners, "
            "a move that critics said broke its terms of service, according to documents seen by reporters "
            "who followed the case for months before the regulator opened an inquiry into the firm.")
    assert find(para + "\n") == []


def test_left_out_counts_characters_by_kind_inside_a_segment():
    spans = find(ARTICLE)
    whole = left_out(spans, 0, len(ARTICLE))
    assert whole["comments"] > 50 and whole["byline"] == len("By Anna Berg and Tom Hale, CNN")
    assert left_out(spans, 0, 10) == {"byline": 10}
    assert furniture.describe({"comments": 1234}) == "comments 1,234 chars"


def test_mask_without_spans_is_identity():
    assert mask("abc", []) == "abc"


def test_a_blog_comment_header_with_who_wrote_starts_the_thread():
    text = ("Rescue teams reached the town on Monday.\n"
            "Aid flights resumed on Tuesday.\n"
            "At 03:58 am on 20 Jan 2010, SomeReader42 wrote: I saw the gates opened on Wednesday.\n"
            "At 04:10 am on 20 Jan 2010, Another wrote: Thanks for sharing.\n")
    spans = furniture.find(text)
    masked = furniture.mask(text, spans)
    assert "Aid flights resumed on Tuesday." in masked
    assert "gates opened" not in masked and "wrote" not in masked and len(masked) == len(text)


def test_an_article_quoting_what_someone_wrote_at_a_time_is_no_comment_thread():
    text = ("At 10:30 on Tuesday, the foreign minister wrote: we will send aid.\n"
            "Aid flights resumed on Wednesday.\n")
    assert "Aid flights resumed" in furniture.mask(text, furniture.find(text))
