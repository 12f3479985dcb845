"""Which way a clause points in time: future, past or unknown, from surface cues.

A month or weekday written without a year ("in April", "on Friday") names the
occurrence nearest the publication date on the side the clause's tense points
to. Without a parser we read the tense from cue words around the expression;
the cue nearest to it wins ("said it will open on Friday" is future).
"""

from __future__ import annotations

import re

from . import lexicon as L

# words that take an infinitive about something yet to happen: "plans to hold",
# "is due to be published"; "set for", "planned (a rally)" name the date of a plan
_INTENT_NOW = L.INTENT_CUES
_INTENT_PAST = L.INTENT_PAST_CUES  # "planned a rally on Saturday"
_FUTURE = (r"\b(?:will|shall|would|wo\s*n[o']?t|(?:is|are|am|was|were)\s+to|{intent}|to\s+be|upcoming|forthcoming|"
           r"next(?!\s+to\b)|coming|due|scheduled|slated|as\s+(?:soon|early)\s+as|in\s+time\s+for|ahead\s+of|"
           r"postponed|delayed)\b|'ll\b")
FUTURE = re.compile(_FUTURE.format(intent=f"{_INTENT_NOW}|{_INTENT_PAST}"), re.IGNORECASE)
# after the expression, "planned to" is a past verb the date modifies ("On Friday, they planned to")
FUTURE_AFTER = re.compile(_FUTURE.format(intent=_INTENT_NOW), re.IGNORECASE)
# a past verb with an infinitive looks ahead from the past: "agreed to sell (in October)"
# may put the date on either verb, so it gives no direction
# verbs that take an object before the infinitive: "invited him to visit", "urged Northland to sign";
# the "to" must open an infinitive, not a place or a noun phrase ("invited guests to the gala")
_OBJECT = (r"(?:him|her|them|us|me|you|it|(?:the|his|her|its|their|our)\s+[\w-]+(?:\s+[\w-]+)?"
           r"|(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+){0,2})")
_INFINITIVE = r"(?=\s+(?!(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those)\b)(?-i:[a-z]))"
NEUTRAL = re.compile(
    r"\b(?:(?:aimed|sought|agreed|decided|promised|pledged|vowed|"
    r"threatened|prepared|asked|ordered|urged|invited|told|called\s+on)\s+to\b"
    rf"|(?:asked|ordered|urged|invited|told|called\s+on|instructed|authori[sz]ed|encouraged|persuaded)"
    rf"\s+{_OBJECT}\s+to\b{_INFINITIVE})", re.IGNORECASE)
# irregular simple pasts that news reports use with dates; "set" only when not "set to"
_IRREGULAR = "|".join(L.PAST_IRREGULAR) + r"|set(?!\s+(?:to|for)\b)"
PAST = re.compile(
    rf"\b(?:was|were|had|has|have(?!\s+to\b)|did|ago|last|since|previously|earlier|{_IRREGULAR}|[a-z]{{2,}}ed)\b",
    re.IGNORECASE)
# a participle after an auxiliary belongs to that verb group ("will be held", "is heard"),
# and one after a determiner is an adjective ("the reduced dividend")
_NOT_PAST = re.compile(
    r"\b(?:be|been|being|is|are|am|will|would|shall|'ll|to|can|could|should|may|might|must"
    r"|the|a|an|its|his|her|their|our|of)\s+(?:\w+ly\s+)?"
    r"(?P<p>[a-z]{2,}ed|held|set|made|sent|built|paid|led|kept|sold|taken|given|done|shown)\b", re.IGNORECASE)
# the word right before the expression outranks the clause: "payable Dec. 7", "until March 6",
# "by Jan. 14" set deadlines and due dates; "since March" counts from the past
_LEAD_FUTURE = re.compile(rf"\b(?:{'|'.join(L.LEAD_FUTURE)})\s+$", re.IGNORECASE)
_LEAD_PAST = re.compile(rf"\b(?:{'|'.join(L.LEAD_PAST)})\s+$", re.IGNORECASE)
_BOUNDARY = re.compile(r"(?:[.!?][\"'”’]?\s+(?=[A-Z\"“]|$)|\n|;\s)")


def clause_around(text: str, start: int, end: int, reach: int = 120) -> tuple[str, str]:
    """The text of the sentence before and after a span (at most `reach` characters each way)."""
    before = text[max(0, start - reach):start]
    cuts = list(_BOUNDARY.finditer(before))
    if cuts:
        before = before[cuts[-1].end():]
    after = text[end:end + reach]
    m = _BOUNDARY.search(after)
    if m:
        after = after[:m.start()]
    return before, after


def _mask_participles(s: str) -> str:
    """Blank out participles that do not mark the past tense (see _NOT_PAST)."""
    return _NOT_PAST.sub(lambda m: m.group(0)[:m.start("p") - m.start()] + " " * len(m.group("p")), s)


def _cues(s: str, after: bool = False) -> list[tuple[int, int, int]]:
    """(start, end, sign) of the tense cues in s; future and neutral cues shadow past ones.

    After the expression a past verb with an infinitive is just past: the date
    modifies that verb ("on Thursday agreed to plead", "on Friday planned to pay")."""
    found = [(m.start(), m.end(), 0) for m in NEUTRAL.finditer(s)] if not after else []
    found += [(m.start(), m.end(), 1) for m in (FUTURE_AFTER if after else FUTURE).finditer(s)
              if not any(a <= m.start() < b for a, b, _ in found)]
    found += [(m.start(), m.end(), -1) for m in PAST.finditer(_mask_participles(s))
              if not any(a <= m.start() < b or m.start() <= a < m.end() for a, b, _ in found)]
    return found


def has_tense_cue(s: str) -> bool:
    """True when s holds a verb or word that marks tense ("was", "will", "signed")."""
    return bool(_cues(s))


def _nearest_cue(before: str, after: str) -> tuple[int, int, bool] | None:
    """(distance, sign, lies before) of the tense cue nearest the expression, or None."""
    best: tuple[int, int, bool] | None = None
    for _, b, sign in _cues(before):
        dist = len(before) - b
        if best is None or dist < best[0]:
            best = (dist, sign, True)
    for a, _, sign in _cues(after, after=True):
        if best is None or a < best[0]:
            best = (a, sign, False)
    return best


def tense_of(text: str, start: int, end: int, lead: bool = True) -> int:
    """+1 when the clause around text[start:end] points to the future, -1 to the past, 0 unknown.

    With lead, the word just before the expression counts first ("payable Dec. 7",
    "since March"); that says how a date relates to the DCT, not where a story is."""
    before, after = clause_around(text, start, end)
    if lead and _LEAD_PAST.search(before):
        return -1
    if lead and _LEAD_FUTURE.search(before) and not re.search(r"\bhad\b", before + after, re.IGNORECASE):
        return 1  # unless a past perfect says the deadline has passed: "had filed reports by Wednesday"
    best = _nearest_cue(before, after)
    return best[1] if best else 0


_INFINITIVE_AFTER = re.compile(_INFINITIVE)


def looks_ahead(text: str, start: int, end: int) -> bool:
    """True when the expression follows a past verb with an infinitive and no nearer cue:
    "agreed to hold talks in May", "invited him to visit in April" name a later time."""
    before, after = clause_around(text, start, end)
    best = _nearest_cue(before, after)
    if best is None or best[1] != 0 or not best[2]:
        return False
    m = [m for m in NEUTRAL.finditer(before) if len(before) - m.end() == best[0]]
    return bool(m) and _INFINITIVE_AFTER.match(before, m[-1].end()) is not None


# no sentence runs longer than this: farther apart, two places are in different sentences
# (and the boundary search stays short on text without punctuation)
_SENTENCE_MAX = 2000


def same_sentence(text: str, start: int, end: int) -> bool:
    """True when no sentence boundary lies in text[start:end] (False for a negative start)."""
    return 0 <= start <= end and end - start <= _SENTENCE_MAX and _BOUNDARY.search(text, start, end) is None


# "had already arrived", "had been detained": a past before the story's past
_PLUPERFECT = re.compile(
    r"\bhad\s+(?:(?:already|just|also|not|never|long|previously|earlier|recently|\w+ly)\s+)*"
    r"(?!(?:to|a|an|the|no|its|his|her|their|our|some|any|been\s+(?:a|an|the)\s)\b)(?-i:[a-z])[a-z]+",
    re.IGNORECASE)


def pluperfect(text: str, start: int, end: int) -> bool:
    """True when the clause around text[start:end] is in the past perfect: "had already arrived in May"."""
    before, after = clause_around(text, start, end)
    return _PLUPERFECT.search(before) is not None or _PLUPERFECT.match(after.lstrip(" ,")) is not None

