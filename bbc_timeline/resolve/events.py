"""Events of one document: dated sentences, and the sentences that continue them.

Pure functions over plain values. Reading order matters: the narrative date is
the date the story is at, moved by explicit dates and kept by sentences that
have none of their own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from bbc_timeline.lexicon import alternation, ordered, words
from bbc_timeline.models import DateValue, Document, Mention, Sentence, Source
from bbc_timeline.resolve.intervals import PRECISION_RANK, bounds, interval, minus
from bbc_timeline.resolve.names import is_title_head, is_title_word
from bbc_timeline.temporal.story import SCOPE_BEFORE

ROLE_OF_TYPE = {"person": "actors", "org": "orgs", "place": "places", "event": "named_events"}
_RANGE_JOINER = re.compile(r"^\s*(?:until|till|to|through|and|-|–|—)\s*$", re.I)
_RANGE_OPENER = re.compile(r"(?:from|between)\s*$", re.I)
# "will last until the end of October": the end of a state, not when the story is
_UNTIL = re.compile(r"\b(?:until|till)\s+(?:the\s+(?:end|middle|beginning|start)\s+of\s+)?$", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\s*$", re.I)
_EVENTS_OF = re.compile(r"\b(?:the|a|an)\s+(?:[a-z]+\s+)?(?:events|repeat|lessons|experience|memory|memories|"
                        r"anniversary|legacy)\s+of\s+(?:the\s+)?$", re.I)
_DEADLINE = re.compile(r"\b(?:by|before|no\s+later\s+than)\s+(?:the\s+(?:end|middle|beginning|start)\s+of\s+)?(?:the\s+)?$", re.I)
# "Emergency Law No. 12 of 1951", "the Arms Act 1982": the year names the instrument
_INSTRUMENT_BEFORE = re.compile(
    rf"\b(?:{alternation('instrument_nouns')})"
    r"(?:\s+(?:No\.?\s*)?[\d/.-]+)?(?:\s+of)?\s+$")


def _phrases(name: str) -> str:
    """A lexicon list as an alternation whose multi-word entries allow any run of spaces."""
    return alternation(name).replace("\\ ", r"\s+")


_RESCHEDULED = re.compile(rf"\b(?:{_phrases('rescheduling_verbs')})\b", re.I)
# Reporting boilerplate that tells nothing happened: "did not respond to a request for comment".
_NON_EVENT = re.compile(r"\b(?:did\s+not|didn't|declined\s+to|could\s+not\s+be|would\s+not)\s+"
                        r"(?:respond|comment|reply|be\s+reached|reached|confirm|immediately\s+respond)\b", re.I)
# The text speaking of itself ("This paper reviews ..."): no happening.
_META = re.compile(r"^\W*(?:this|the\s+present|our)\s+(?:paper|article|report|analysis|study|piece|brief|note|review)\s+"
                   r"(?:reviews|examines|describes|assesses|looks|analyses|analyzes|considers|discusses|argues|shows|"
                   r"sets\s+out|traces|explores)\b", re.I)
_OF_BEFORE = re.compile(r"\b[a-z]+\s+of\s+$")
# "for more than 20 years", "after 12 years of", "dating back about 25 years": the preposition governs
# the duration itself, so the sentence says what held for that long ("what 40 years of the blockade" does not).
_MODIFIERS = r"(?:(?:the|a|an|some|about|around|almost|nearly|roughly|just|well|more|less|than|at|least|over|under|past|last)\s+)*"
_DURATION_CUE = re.compile(r"\b(?:for|over|during|throughout|back|after)\s+" + _MODIFIERS + "$", re.I)
# "In three weeks, three delegations visited": only as the sentence's opening frame ("the worst in a decade",
# "we could do it in 100 days" say nothing about a span up to publication).
_OPENING_CUE = re.compile(r"^\W*(?:in|within|over|for)\s+" + _MODIFIERS + "$", re.I)
_PAST_SPAN = re.compile(r"\b(?:past|last)\b", re.I)
_FORWARD_SPAN = re.compile(r"\b(?:next|coming|following|ahead|from now|on)\b", re.I)
_COMPARISON_AFTER = re.compile(r"^\s+than\b", re.I)  # "a month earlier than usual": not a date
# A date that modifies a noun ("the Aug. 7 blasts", "last Friday's attack") names an earlier happening.
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that)\s+$", re.I)
_NOUN_AFTER = re.compile(
    r"^\s+(?!(?:and|or|to|until|till|through|in|on|at|of|for|by|with|when|as|that|which|who|the|a|an|"
    r"is|was|were|are|has|had|have|will|would)\b)[A-Za-z]"
)
_POSSESSIVE_AFTER = re.compile(r"^(?:'s|’s|s'|')(?:\s|$)")
_QUOTE_OPENERS = ("``", "`", "“", "‘", '"')
_ATTRIBUTION = re.compile(rf"\b(?:{alternation('reporting_verbs')})\b", re.I)
_FUTURE_CUE = re.compile(r"\b(?:forthcoming|upcoming|coming|planned|scheduled|next|future|will)\b", re.I)
_PRESENT_CUE = re.compile(r"\b(?:currently|ongoing|at present|nowadays|current)\b", re.I)
_DEFINITE_NP = re.compile(r"\b(?i:the|those|these|this|that|such)\s+(?i:same\s+)?((?i:[a-z]{5,}))(?=((?:\s+[A-Za-z]+){0,2}))")  # the words after are only looked at, not consumed
_NP_STOP = words("phrase_stops")
_WORD = re.compile(r"[A-Za-z]+")
_DURATION = re.compile(r"^P(\d+(?:\.\d+)?)(Y|M|W|D|DE|CE)$")
# Sentence openers that move the story on to its next happening.
_SEQUEL = re.compile(
    r"^\W*(?:then|later|afterwards|afterward|subsequently|further|next|soon after|after that|shortly after)\b", re.I
)
MIN_WORDS = 4  # shorter sentences are headings and captions
JOIN_PARAGRAPHS = 2  # how far a continuing sentence may sit from its event


@dataclass
class Draft:
    """An event being built from one document's sentences."""

    date: DateValue
    basis: str
    doc: str
    file: str
    sentences: list[tuple[int, int]]
    first_text: str
    names: dict[str, list[str]] = field(default_factory=lambda: {r: [] for r in ROLE_OF_TYPE.values()})
    date_mention: Mention | None = None
    confidence: float = 0.5
    paragraph: int = 0
    key: str | None = None  # a named event this draft is about, for merging across documents
    lead: frozenset[str] = frozenset()  # who its own sentence names (no carried-over topic): who acted
    period: bool = False  # a span written as background ("for 20 years", "since 1994"), not a happening

    def add_names(self, names: dict[str, list[str]]) -> None:
        for role, values in names.items():
            for v in values:
                if v not in self.names[role]:
                    self.names[role].append(v)

    def participants(self) -> set[str]:
        return {n for role in ("actors", "orgs", "named_events") for n in self.names[role]}

    def sources(self, text: str) -> list[Source]:
        out = []
        for start, end in self.sentences:
            m = self.date_mention
            inside = m is not None and start <= m.start and m.end <= end
            out.append(
                Source(
                    doc=self.doc,
                    file=self.file,
                    start=start,
                    end=end,
                    quote=_clean(text[start:end]),
                    date_text=m.text if inside and m else "",
                    date_start=m.start if inside and m else None,
                    date_end=m.end if inside and m else None,
                    anchor=m.anchor if inside and m else None,
                )
            )
        return out


def _clean(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def dct_value(document: Document) -> DateValue | None:
    """The publication date as an interval, if known."""
    if not document.published:
        return None
    return interval(document.published.split("T")[0], anchor="dct")


def duration_interval(value: str, dct: DateValue, text: str) -> DateValue | None:
    """A span that ends at publication and lasted `value` (P20Y): where the text says so."""
    m = _DURATION.match(value or "")
    if not m:
        return None
    amount, unit = float(m[1]), m[2]
    start = minus(date.fromisoformat(dct.start), amount, unit)
    years = amount * {"Y": 1, "DE": 10, "CE": 100}.get(unit, 0)
    if years >= 2:
        value_at = f"{start.year:04d}"
    elif unit in ("Y", "M"):
        value_at = f"{start.year:04d}-{start.month:02d}"
    else:
        value_at = start.isoformat()
    return interval(value_at, dct.value, text=text, anchor=f"dct:{dct.value}")


def _paragraph_starts(text: str, start: int, end: int) -> list[int]:
    return [m.end() for m in re.finditer(r"\n\s*\n", text[start:end])]


def _stems(s: str) -> set[str]:
    return {w.lower()[:6] for w in _WORD.findall(s) if len(w) > 3}


def document_events(
    document: Document,
    text: str,
    mentions: list[Mention],
    sentences: list[Sentence],
    canonical: dict[tuple[str, int, int], str],
    entity_types: dict[str, str],
) -> list[Draft]:
    """Draft events of one document, in reading order."""
    story = Story(document, text, mentions, canonical, entity_types)
    timexes, entities = story.timexes, story.entities
    ti = ei = 0
    for sent in sorted(sentences, key=lambda s: s.start):
        s0, s1 = _trim(text, sent.start, sent.end)
        if s1 <= s0:
            continue
        in_t: list[Mention] = []
        while ti < len(timexes) and timexes[ti].start < s1:
            if timexes[ti].start >= s0:
                in_t.append(timexes[ti])
            ti += 1
        in_e: list[Mention] = []
        while ei < len(entities) and entities[ei].start < s1:
            if entities[ei].start >= s0:
                in_e.append(entities[ei])
            ei += 1
        story.read(sent, s0, s1, in_t, in_e)
    return story.drafts


class Story:
    """One document told sentence by sentence: the events drafted so far and where the story is.

    The running state: `current`, the event the narrative is at; `present`, the latest happening
    near publication (the story's own time); and who "he", "they" or "the president" is:
    `topic` (paragraph, last person named), `subject` (paragraph, first person of the last
    sentence naming one), `crowd` (paragraph, people of the last sentence naming several).
    """

    def __init__(self, document: Document, text: str, mentions: list[Mention],
                 canonical: dict[tuple[str, int, int], str], entity_types: dict[str, str]) -> None:
        self.document, self.text = document, text
        self.canonical, self.entity_types = canonical, entity_types
        self.dct = dct_value(document)
        self.entities = [m for m in mentions if m.kind == "entity"]
        self.timexes = [m for m in mentions if m.kind == "timex" and not _is_dateline(document, m)]
        self.para_starts = [document.start + p for p in _paragraph_starts(text, document.start, document.end)]
        self.protagonist = _protagonist(self.entities, canonical, entity_types)
        self.drafts: list[Draft] = []
        self.current: Draft | None = None
        self.present: Draft | None = None
        self.topic: tuple[int, str] | None = None
        self.subject: tuple[int, str] | None = None
        self.crowd: tuple[int, tuple[str, ...]] | None = None
        self.started = False  # a sentence of the article has been read (the next is not its lead)

    # ------------------------------------------------------------ one sentence

    def read(self, sent: Sentence, s0: int, s1: int, in_t: list[Mention], in_e: list[Mention]) -> None:
        """Draft the sentence's events, or join it to the event it continues, and move the story on."""
        text, dct = self.text, self.dct
        in_t = [m for m in in_t if not _scope_or_deadline(text, s0, m, dct)]
        sentence_text = text[s0:s1]
        if not self._readable(sentence_text, s0, s1, in_t):
            return
        first, self.started = not self.started, True
        paragraph = bisect_right(self.para_starts, s0)
        names = _names(in_e, self.canonical, self.entity_types)
        named_here, lead = any(names.values()), _lead(names)  # before the people pointed at are added
        self._follow_people(names, sentence_text, s0, s1, in_e, paragraph)
        current = self.current
        if current is not None and current.paragraph != paragraph and _historical(current, dct) and self.present:
            self.current = current = self.present  # a look back into history does not outlast its paragraph
        near = current is not None and paragraph - current.paragraph <= JOIN_PARAGRAPHS
        if current is not None and near and in_t and all(_continues(m, current) for m in in_t):
            _join(current, s0, s1, names, paragraph)  # "at the time", "earlier": the same happening
            return
        if self._offset_event(s0, s1, in_t, names, lead, paragraph, sentence_text):
            return
        found = _sentence_dates(text, s0, in_t, dct, sentence_text)
        if _SPECULATION.search(sentence_text):
            # "by 2030 X could become ...": a guess about the future is not a happening
            found = [f for f in found if dct is None or f[0].start <= dct.end]
        dct_only = bool(found) and all(basis == "dct" for _, basis, _, _, _ in found)
        if dct_only and self._recent_report(sent, s0, s1, in_t, names, paragraph, sentence_text, near, named_here):
            return
        if dct_only and (not named_here or _speech(sentence_text)):
            found, in_t = [], []  # "now" in a comment or a quote: no happening of its own, but it may continue one
        if found and not (dct_only and near and current is not None and _links(current, names, sentence_text)):
            self._dated(found, s0, s1, names, lead, paragraph, sentence_text)
            return
        if first and not in_t and dct is not None and named_here and not _speech(sentence_text):
            # The lead of a news report with no date of its own tells the news of its day: published then.
            dv = DateValue(**{**dct.to_dict(), "text": "", "anchor": f"dct:{dct.value}"})
            self.drafts.append(self._draft(dv, "dct", s0, s1, sentence_text, names, paragraph, confidence=0.35,
                                           lead=lead))
            return
        self._undated(sent, s0, s1, in_t, found, names, paragraph, sentence_text, near)

    def _readable(self, sentence_text: str, s0: int, s1: int, in_t: list[Mention]) -> bool:
        """Not a heading, the headline, the text speaking of itself, boilerplate or a dateline."""
        if len(_WORD.findall(sentence_text)) < MIN_WORDS or _is_title(self.document, sentence_text, s0) \
                or _META.match(sentence_text) or _NON_EVENT.search(sentence_text):
            return False
        return not any((m.type == "TIME" or m.anchor == "absolute") and (m.end - m.start) >= 0.6 * (s1 - s0)
                       for m in in_t)

    def _follow_people(self, names: dict[str, list[str]], sentence_text: str, s0: int, s1: int,
                       in_e: list[Mention], paragraph: int) -> None:
        """Add the people the sentence points at without naming them; remember who it names."""
        if self.topic is not None and self.topic[0] != paragraph:
            self.topic = None
        if self.subject is not None and self.subject[0] != paragraph:
            self.subject = None
        if self.crowd is not None and self.crowd[0] != paragraph:
            self.crowd = None
        _point_people(names["actors"], sentence_text, _pronoun_first(self.text, s0, s1, in_e), self.current,
                      self.topic, self.subject, self.crowd, self.protagonist)
        agents = _agents(self.text, in_e, self.canonical, self.entity_types)
        if agents:
            self.topic = (paragraph, agents[-1])
            self.subject = (paragraph, agents[0])
            self.crowd = (paragraph, tuple(dict.fromkeys(agents))) if len(set(agents)) > 1 else None

    def _draft(self, dv: DateValue, basis: str, s0: int, s1: int, sentence_text: str, names, paragraph: int,
               *, mention: Mention | None = None, confidence: float = 0.5, lead: frozenset[str] = frozenset()) -> Draft:
        draft = Draft(dv, basis, self.document.id, self.document.file, [(s0, s1)], sentence_text,
                      date_mention=mention, confidence=confidence, paragraph=paragraph, lead=lead)
        draft.add_names(names)
        return draft

    def _move_to(self, draft: Draft) -> None:
        self.current = draft
        if not _historical(draft, self.dct) and not _planned(draft, self.dct):
            self.present = draft

    def _offset_event(self, s0: int, s1: int, in_t: list[Mention], names, lead: frozenset[str], paragraph: int,
                      sentence_text: str) -> bool:
        """"Two days after the signing, X flew to Y": a date of its own, counted from the happening named."""
        offset = _offset_from_happening(self.text, in_t, self.drafts, paragraph, self.dct)
        if offset is None:
            return False
        dv, m = offset
        draft = self._draft(dv, "explicit", s0, s1, sentence_text, names, paragraph, mention=m, confidence=0.7,
                            lead=lead)
        self.drafts.append(draft)
        self._move_to(draft)
        return True

    def _recent_report(self, sent: Sentence, s0: int, s1: int, in_t: list[Mention], names, paragraph: int,
                       sentence_text: str, near: bool, named_here: bool) -> bool:
        """"X was the first to congratulate him on the recent elections": a definite "the recent
        <happening>" points back at the story's own event (an adverb such as "earlier" only says
        "before publication"); the report is near the story's time, but its day is unknown."""
        current, present, text = self.current, self.present, self.text
        if not (sent.past and named_here and current is not None and (near or current is present)
                and in_t and all(m.value == "PAST_REF" for m in in_t) and any(_recent_happening(text, m) for m in in_t)
                and (vague := _vague_past(current, present, self.dct, sentence_text)) is not None):
            return False
        ref = next(m for m in in_t if _recent_happening(text, m))
        ref = replace(ref, anchor=vague.anchor)
        vague = DateValue(**{**vague.to_dict(), "text": ref.text})
        self.drafts.append(self._draft(vague, "narrative", s0, s1, sentence_text, names, paragraph, mention=ref,
                                       confidence=0.4))
        return True

    def _dated(self, found: list, s0: int, s1: int, names, lead: frozenset[str], paragraph: int,
               sentence_text: str) -> None:
        """A draft for each happening the sentence dates; the story moves to those that move it."""
        for dv, basis, mention, moves, conf in found:
            draft = self._draft(dv, basis, s0, s1, sentence_text, names, paragraph, mention=mention,
                                confidence=conf, lead=lead)
            draft.period = _is_period(self.text, s0, mention, dv, self.dct)
            named = names["named_events"]
            if named and mention is not None and _inside_name(self.text, mention):
                # The named happening itself ("Exercise-2017"), merged across documents by its
                # name, beside what the sentence says about it.
                self.drafts.append(replace(draft, key=named[0], sentences=[(s0, s1)], names=_copy(names)))
                if len(found) > 1:
                    continue  # the sentence dates what it reports with its other date
            self.drafts.append(draft)
            if moves:
                self._move_to(draft)

    def _undated(self, sent: Sentence, s0: int, s1: int, in_t: list[Mention], found: list, names, paragraph: int,
                 sentence_text: str, near: bool) -> None:
        """A sentence with no date of its own: it continues the event, or tells the story's next happening."""
        current, text = self.current, self.text
        # the story's present is never too far away to date a past-tense report
        # "over the past years": no date of its own, but no reason not to continue the story either
        vague_only = all(m.type == "DURATION" and "X" in (m.value or "") and not _FORWARD_SPAN.search(m.text) for m in in_t)
        if current is None or not (near or current is self.present) or (in_t and not found and not vague_only):
            return  # nothing to continue, or only vague expressions: not an event of its own
        sequel = bool(_SEQUEL.match(sentence_text))
        if near and not sequel and (_links(current, names, sentence_text)
                                    or (sent.past and _retells(current, text, s0, paragraph, sentence_text))):
            _join(current, s0, s1, names, paragraph)
        elif (sent.past and (sequel or names["actors"] or names["orgs"]) and not _speech(sentence_text)
              and (anchor := (None if sequel else _told_happening(self.drafts, text, sentence_text, paragraph, self.dct))
                   or _narrative_anchor(current, self.present, self.dct, sentence_text)) is not None):
            draft = self._draft(anchor.date, "narrative", s0, s1, sentence_text, names, paragraph, confidence=0.45)
            draft.date = DateValue(**{**anchor.date.to_dict(), "anchor": f"narrative:{anchor.date.value}"})
            self.drafts.append(draft)


def _is_period(text: str, s0: int, m: Mention | None, dv: DateValue, dct: DateValue | None) -> bool:
    """A duration up to publication ("for 1400 years", "in the last eight years") or a span "since" a
    date: the background a sentence is set in, not when something happened."""
    if m is None or dct is None:
        return False
    if m.type == "DURATION":
        return True
    return bool(_SINCE.search(text[max(s0, m.start - 8) : m.start])) and dv.end == dct.end and dv.start < dct.start


def _lead(names: dict[str, list[str]]) -> frozenset[str]:
    """Who the sentence itself names (no carried-over topic): who acted."""
    return frozenset(n for role in ("actors", "orgs", "named_events") for n in names[role])


_ELABORATION = re.compile(r"^(?:the time|that time|then|earlier|previously|before|before that)$", re.I)


def _continues(m: Mention, current: Draft) -> bool:
    """An anaphoric expression that points back at the happening being told, not a new one."""
    if not _ELABORATION.match(m.text.strip()):
        return False
    return m.value in ("PAST_REF", current.date.value) or (m.anchor or "").startswith("narrative")


_PERSONAL_PRONOUN = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.I)
_UNNAMED_OFFICIAL = re.compile(r"\b(?:the|a|an)\s+((?:[a-z-]+\s+){0,2}?)([a-z]+)\s+(?:of|for|from|at)\b", re.I)


_PEOPLE_COUNTED = re.compile(r"\b(?:the\s+(two|three|four)|(both))\s+([a-z]+)s\b", re.I)


def _people_counted(sentence_text: str) -> int:
    """2 for "the two ministers" / "both presidents": people of the story counted, not named."""
    m = _PEOPLE_COUNTED.search(sentence_text)
    if m is None or not is_title_head(m.group(3)):
        return 0
    return {"two": 2, "three": 3, "four": 4}.get((m.group(1) or "two").lower(), 0)


# "him" (never the subject), or a definite title with no "of" complement ("the general", "the new chief")
_ONE_TOLD_OF = re.compile(
    rf"\bhim\b|\bthe\s+(?:{alternation('pointing_title_modifiers')})?\s*(?:{alternation('pointing_titles')})\b"
    r"(?!\s+(?:of|for|in|at)\b)(?!['’]s)",
    re.I,
)
_THEY = re.compile(r"\b(?:they|both\s+men|both\s+women)\b", re.I)
PROTAGONIST_SHARE = 0.4  # of the document's person mentions: who an article about one person is about


def _point_people(actors: list[str], sentence_text: str, pronoun_first: bool, current: Draft | None,
                  topic: tuple[int, str] | None, subject: tuple[int, str] | None,
                  crowd: tuple[int, tuple[str, ...]] | None, protagonist: str | None) -> None:
    """Add to `actors` the people the sentence points at without naming them (in place)."""
    counted = _people_counted(sentence_text) if not actors and current is not None else 0
    if counted and len(current.names["actors"]) >= counted:
        actors[:] = current.names["actors"][:counted]  # "the two ministers": those just told of
    elif not actors and crowd is not None and _THEY.search(sentence_text):
        actors[:] = crowd[1]  # "they signed": everyone the last sentence named
    elif not actors and topic is not None and not _someone_else(sentence_text):
        actors[:] = [topic[1]]  # the paragraph's person: "this president", "his rule"
    elif subject is not None and subject[1] not in actors and pronoun_first:
        actors.insert(0, subject[1])  # "he was received by X": "he" is the one told about
    elif not actors and protagonist and _PERSONAL_PRONOUN.search(sentence_text):
        actors[:] = [protagonist]  # a new paragraph's "he": the person the article is about
    elif subject is None and protagonist and protagonist not in actors and pronoun_first:
        actors.insert(0, protagonist)  # "he travelled to X and met Y" opening a paragraph
    if protagonist and actors and protagonist not in actors and _ONE_TOLD_OF.search(sentence_text):
        # "the president appointed him", "dismissed the general": someone other than those named,
        # in an article about one person, is that person
        other = topic[1] if topic is not None and topic[1] not in actors else protagonist
        actors.append(other)
    elif protagonist and not actors and _ONE_TOLD_OF.search(sentence_text) \
            and not _someone_else(sentence_text):
        actors[:] = [protagonist]  # "the new chief was promoted"


def _protagonist(entities: list[Mention], canonical: dict, entity_types: dict[str, str]) -> str | None:
    """The person the document is about, if one clearly dominates its person mentions."""
    people = Counter(name for m in entities if (name := canonical.get((m.doc, m.start, m.end)))
                     and entity_types.get(name) == "person")
    if not people:
        return None
    (name, n), *rest = people.most_common(2)
    total = sum(people.values())
    if n >= 3 and n >= PROTAGONIST_SHARE * total and (not rest or n >= 2 * rest[0][1]):
        return name
    return None


def _is_title(document: Document, sentence_text: str, s0: int) -> bool:
    """The headline, repeated above the article: the lead tells the same happening."""
    title = (document.title or "").strip()
    return bool(title) and s0 - document.start < 2 * len(title) + 200 and sentence_text.strip() == title


def _someone_else(sentence_text: str) -> bool:
    """An unnamed official of some body is the subject ("the spokesman of the ministry said"), not
    the paragraph's person, unless a pronoun still points at that person."""
    if _PERSONAL_PRONOUN.search(sentence_text):
        return False
    for m in _UNNAMED_OFFICIAL.finditer(sentence_text):
        if is_title_head(m.group(2)) and all(is_title_word(w) for w in m.group(1).split()):
            return True
    return False


def _speech(sentence_text: str) -> bool:
    """Words inside a quotation with no one said to say them: content of a statement, not a happening."""
    s = sentence_text.strip()
    if not s or _ATTRIBUTION.search(s):
        return False
    if s.startswith(_QUOTE_OPENERS):
        return True
    if s.endswith(("''", "”")):  # closes a quotation opened in an earlier sentence
        return "``" not in s and "“" not in s
    return s.endswith('"') and s.count('"') % 2 == 1


def _planned(draft: Draft, dct: DateValue | None) -> bool:
    """Dated after publication: a plan or an expectation, not something that happened."""
    return dct is not None and draft.date.start > dct.end


def _narrative_anchor(current: Draft, present: Draft | None, dct: DateValue | None, sentence_text: str) -> Draft | None:
    """The happening a past-tense sentence is dated by: never a plan after publication.

    A quotation needs an occasion, a day: a month or a year the story is at does not tell when it was said
    (the speaker more likely spoke to the reporter).
    """
    quoted = any(q in sentence_text for q in _QUOTE_OPENERS + ("''", "”"))
    for draft in (current, present):
        if draft is not None and not _planned(draft, dct):
            return None if quoted and draft.date.precision != "day" else draft
    return None


_RECENT_HAPPENING = re.compile(r"\b(?:the|his|her|their|its|this|that)\s+(?:most\s+)?$", re.I)


def _recent_happening(text: str, m: Mention) -> bool:
    """A definite "the recent <noun>" / "the latest <noun>": a reference to a happening already told."""
    if m.text.lower() not in ("recent", "latest"):
        return False
    return bool(_RECENT_HAPPENING.search(text[max(0, m.start - 12) : m.start])) and bool(
        re.match(r"\s+[a-z]", text[m.end : m.end + 3]))


# Nouns that name a happening: "the visit", "the talks". A definite one points back at one already told.
_HAPPENING_NOUNS = alternation("happening_nouns")
# Only as the sentence's subject ("The visit of the delegation was hardly covered"): as an object ("he
# criticised how the meeting was handled") or a modifier ("the bombing investigators") the sentence
# reports something else, at the story's own time.
_TOLD_HAPPENING = re.compile(
    rf"^\W*(?:(?:but|and|yet|however|still),?\s+)?(?:the|this|that|these|those)\s+(?:[a-z]+\s+)?({_HAPPENING_NOUNS})"
    r"(?:\s*[,;]|\s+(?:of|in|on|at|with|between|among|by|to|for|from|itself|there|was|were|had|has|is|are|took|"
    r"lasted|[a-z]+ed)\b)",
    re.I,
)
TOLD_PARAGRAPHS = 6  # how far back "the visit" may point at the visit told before


def _told_happening(drafts: list[Draft], text: str, sentence_text: str, paragraph: int,
                    dct: DateValue | None) -> Draft | None:
    """The earlier event a definite "the visit" / "the talks" refers to: the latest one told with that word."""
    m = _TOLD_HAPPENING.search(sentence_text)
    return None if m is None else _latest_told(drafts, text, m.group(1), paragraph, dct)


def _noun_stem(noun: str) -> str:
    """"signing" -> "sign", "elections" -> "elect": what the verb telling the happening starts with."""
    w = noun.lower()
    for suffix in ordered("noun_suffixes"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


def _latest_told(drafts: list[Draft], text: str, noun: str, paragraph: int, dct: DateValue | None) -> Draft | None:
    """The latest event, a few paragraphs back at most, told with a word of the noun's stem."""
    stem = _noun_stem(noun)
    for draft in reversed(drafts):
        if paragraph - draft.paragraph > TOLD_PARAGRAPHS:
            break
        if draft.key is not None or _planned(draft, dct):
            continue
        told = " ".join(text[a:b] for a, b in draft.sentences)
        if any(w.lower().startswith(stem) for w in _WORD.findall(told)):
            return draft
    return None


_OFFSET_AFTER = re.compile(
    rf"^\s+(after|before)\s+(?:the|his|her|their|its|this|that)\s+(?:[a-z]+\s+)?({_HAPPENING_NOUNS})\b",
    re.I,
)


def _offset_from_happening(text: str, in_t: list[Mention], drafts: list[Draft], paragraph: int,
                           dct: DateValue | None) -> tuple[DateValue, Mention] | None:
    """"Two days after the signing": the date counted from the happening told before with that word."""
    if any(m.type in ("DATE", "TIME") and m.value and bounds(m.value) for m in in_t):
        return None  # the sentence has a calendar date of its own
    for m in in_t:
        dur = _DURATION.match(m.value or "") if m.type == "DURATION" else None
        cue = _OFFSET_AFTER.match(text[m.end : m.end + 80]) if dur else None
        if not dur or not cue or dur.group(2) not in ("D", "W", "M", "Y"):
            continue
        anchor = _latest_told(drafts, text, cue.group(2), paragraph, dct)
        if anchor is None:
            return None  # "after the talks" with no talks told: counting from anything else would invent a date
        amount = float(dur.group(1)) * (1 if cue.group(1).lower() == "before" else -1)
        base = anchor.date
        if dur.group(2) in ("D", "W") and base.precision != "day":
            return None  # "two days after" a month: no day to count from
        day = minus(date.fromisoformat(base.start), amount, dur.group(2))
        value = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year)}.get(base.precision)
        dv = interval(value, text=text[m.start : m.end + cue.end()], anchor=f"narrative:{base.value}") if value else None
        if dv is not None:
            return dv, replace(m, anchor=f"narrative:{base.value}")
    return None


def _scope_or_deadline(text: str, s0: int, m: Mention, dct: DateValue | None) -> bool:
    """Not when anything happened: a plan's scope ("a grant for 2023-2024"), the year of a cited law
    ("Law No. 12 of 1951"), the end of a state still to come ("closed until mid-January"), the
    deadline of a goal someone spoke of ("X told journalists ... by 2026")."""
    before = text[max(s0, m.start - 30) : m.start]
    if (m.end_value and SCOPE_BEFORE.search(before[-20:])) or _INSTRUMENT_BEFORE.search(before):
        return True
    if dct is None:
        return False
    # "closed until mid-January" is a state still to come; "postponed until Saturday" is a new date
    until = _UNTIL.search(before) and not _RESCHEDULED.search(before)
    if not until and not (_DEADLINE.search(before) and _ATTRIBUTION.search(text[s0 : m.start])):
        return False  # a goal set by the story's actors is a plan of its own; one only said is the saying
    dv = interval(m.value, m.end_value) if m.value else None
    return dv is not None and dv.end > dct.end


def _vague_past(current: Draft, present: Draft | None, dct: DateValue | None, sentence_text: str) -> DateValue | None:
    """The month (or coarser) of the narrative anchor, for a report that only says "recently"."""
    anchor = _narrative_anchor(current, present, dct, sentence_text)
    if anchor is None or _historical(anchor, dct):
        return None  # a look back into history says nothing of what happened "recently"
    dv = anchor.date
    if dv.precision == "day":
        dv = interval(dv.value[:7], text=dv.text) or dv
    return DateValue(**{**dv.to_dict(), "anchor": f"narrative:{anchor.date.value}"})


def _attributive(text: str, m: Mention) -> bool:
    """A date that modifies a noun ("the Aug. 7 blasts", "Friday's ceremony"): it names a happening."""
    after = text[m.end : m.end + 12]
    if _POSSESSIVE_AFTER.match(after):
        return True
    before = text[max(0, m.start - 8) : m.start]
    return bool(_DETERMINER_BEFORE.search(before)) and bool(_NOUN_AFTER.match(after))


def _is_dateline(document: Document, m: Mention) -> bool:
    """The article's own dateline is its publication date, not the date of a happening."""
    if document.published_basis != "dateline" or not document.published:
        return False
    near_top = m.start - document.start < 400
    written_out = m.type == "TIME" or m.anchor in (None, "absolute")
    return near_top and written_out and bool(m.value) and m.value.split("T")[0] == document.published.split("T")[0]


def _historical(draft: Draft, dct: DateValue | None) -> bool:
    """A date more than a year before publication: background, not the story's present."""
    if dct is None:
        return False
    return draft.date.end < f"{int(dct.start[:4]) - 1:04d}{dct.start[4:]}"


def _copy(names: dict[str, list[str]]) -> dict[str, list[str]]:
    return {role: list(values) for role, values in names.items()}


def _join(draft: Draft, s0: int, s1: int, names: dict[str, list[str]], paragraph: int) -> None:
    draft.sentences.append((s0, s1))
    draft.add_names(names)
    draft.paragraph = paragraph


_PLAIN_WORDS = words("plain_words")
RETELL_WORDS = 2  # content words a next sentence shares with its event's to tell the same happening


def _retells(draft: Draft, text: str, s0: int, paragraph: int, sentence_text: str) -> bool:
    """The sentence right after the event's, in its paragraph, tells the same happening again in other
    words ("signed the agreement ... The document was signed by X and Y")."""
    last_end = draft.sentences[-1][1]
    if draft.paragraph != paragraph or text[last_end:s0].strip():
        return False
    # common words only: names, titles and parties ("Senator", "Democrat") are shared by different happenings
    mine = {w for w in _WORD.findall(sentence_text) if len(w) > 4 and w.islower() and w not in _PLAIN_WORDS}
    theirs = {w for w in _WORD.findall(draft.first_text) if len(w) > 4 and w.islower() and w not in _PLAIN_WORDS}
    shared = mine & theirs
    return len(shared) >= RETELL_WORDS or any(w.endswith("ed") for w in shared)  # the same verb: "signed"


def _links(draft: Draft, names: dict[str, list[str]], sentence_text: str) -> bool:
    """Does an undated sentence continue the event: shared participants or a definite reference?"""
    mine = {n for role in ("actors", "orgs", "named_events") for n in names[role]}
    if mine & draft.participants():
        return True
    event_stems = _stems(draft.first_text)
    return any(w.lower()[:6] in event_stems for m in _DEFINITE_NP.finditer(sentence_text) for w in _np_words(m))


def _np_words(m: re.Match) -> list[str]:
    """The first word of a definite noun phrase and the lower-case nouns after it ("The Kyrgyz delegation")."""
    words = [m.group(1)]
    for w in m.group(2).split():
        if w.lower() in _NP_STOP or not w.islower():
            break
        if len(w) >= 5:
            words.append(w)
    return words


_SPECULATION = re.compile(r"\b(?:could|might|may)\s+(?:well\s+|soon\s+|even\s+)?(?:become|be|have|reach|grow|rise|"
                         r"fall|overtake|exceed|double|replace|lose|gain)\b", re.I)
_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she)\b", re.I)


def _pronoun_first(text: str, s0: int, s1: int, mentions: list[Mention]) -> bool:
    """A "he"/"she" before any name in the sentence: a person from an earlier sentence acts here."""
    end = min((m.start for m in mentions), default=s1)
    return bool(_SUBJECT_PRONOUN.search(text, s0, max(s0, end)))


def _agents(text: str, mentions: list[Mention], canonical: dict, entity_types: dict[str, str]) -> list[str]:
    """People the sentence names who can be "he" or "she" next: not a possessor ("Elian's father")."""
    return [
        name for m in mentions
        if (name := canonical.get((m.doc, m.start, m.end))) and entity_types.get(name) == "person"
        and not _POSSESSIVE_AFTER.match(text[m.end : m.end + 3])
    ]


def _names(mentions: list[Mention], canonical: dict, entity_types: dict[str, str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {r: [] for r in ROLE_OF_TYPE.values()}
    for m in mentions:
        name = canonical.get((m.doc, m.start, m.end))
        if not name:
            continue
        role = ROLE_OF_TYPE.get(entity_types.get(name, ""))
        if role and name not in out[role]:
            out[role].append(name)
    return out


def _inside_name(text: str, m: Mention) -> bool:
    """A year written inside a name ("Exercise-2017"), not a date in its own right."""
    before = text[max(0, m.start - 2) : m.start]
    return bool(before) and (before[-1] in "-–" or before.endswith("- ") or before[-1].isalpha())


_UNKNOWN_WEEK = re.compile(r"^(?:\d{4}|XXXX)-WXX$")


def _week_by_month(m: Mention) -> DateValue | None:
    """"last week" told against a month: the event is dated by that month, the week being unknown."""
    kind, _, value = (m.anchor or "").partition(":")
    if kind != "dct" or not re.fullmatch(r"\d{4}-\d{2}", value):
        return None
    return interval(value, text=m.text, anchor=m.anchor)


def _sentence_dates(text: str, s0: int, in_t: list[Mention], dct: DateValue | None, sentence_text: str):
    """(date, basis, mention, moves the narrative, confidence) for each happening the sentence dates."""
    dated: list[tuple[DateValue, Mention]] = []
    i = 0
    while i < len(in_t):
        m = in_t[i]
        dv = interval(m.value, m.end_value, text=m.text, anchor=m.anchor) if m.value and m.type in ("DATE", "TIME") else None
        if dv is None and m.value and _UNKNOWN_WEEK.match(m.value):
            dv = _week_by_month(m)
        if _COMPARISON_AFTER.match(text[m.end : m.end + 8]) or _EVENTS_OF.search(text[max(s0, m.start - 40) : m.start]):
            dv = None  # "a month earlier than usual", "a repeat of September": no happening at that date here
        if dv is not None and i + 1 < len(in_t):
            nxt = in_t[i + 1]
            between = text[m.end : nxt.start]
            before = text[max(s0, m.start - 12) : m.start]
            if _RANGE_JOINER.match(between) and _RANGE_OPENER.search(before) and nxt.value:
                end = interval(nxt.value, nxt.end_value)
                if end is not None and end.end >= dv.start:
                    dv = interval(m.value, nxt.end_value or nxt.value, text=text[m.start : nxt.end], anchor=m.anchor)
                    i += 1
        if dv is not None:
            dated.append((dv, m))
        i += 1
    # A coarse date that contains a finer one in the same sentence adds nothing.
    dated = [
        (dv, m) for dv, m in dated
        if not any(o is not dv and o.start >= dv.start and o.end <= dv.end
                   and (o.start, o.end) != (dv.start, dv.end) for o, _ in dated)
    ]
    out = []
    seen: set[tuple[str, str]] = set()
    own = [m for _, m in dated if not _attributive(text, m)]
    for dv, m in dated:
        before = text[max(s0, m.start - 8) : m.start]
        since = bool(_SINCE.search(before))
        if since and dct is not None and dct.end >= dv.start:
            dv = interval(dv.value, dct.value, text=m.text, anchor=m.anchor)
        if (dct is not None and dv.precision == "year" and dv.value == dct.value[:4]
                and PRECISION_RANK[dct.precision] < PRECISION_RANK["year"] and _FUTURE_CUE.search(sentence_text)):
            dv = DateValue(dct.value, dct.start, dv.end, dct.precision, m.text, f"dct:{dct.value}", dv.end[:7])
        if (dv.start, dv.end) in seen:
            continue  # "earlier Friday ... on Friday": one happening
        seen.add((dv.start, dv.end))
        narrative = bool(m.anchor and m.anchor.startswith("narrative"))
        # beside the sentence's own date, a date naming an earlier happening does not move the story
        reference = bool(own) and m not in own
        basis = "explicit"
        conf = {"day": 0.9, "week": 0.85, "month": 0.8, "year": 0.7, "decade": 0.6}[dv.precision]
        if m.value and _UNKNOWN_WEEK.match(m.value):
            conf = 0.4  # a week somewhere near the anchor month, dated by that month
        if narrative:
            conf -= 0.15
        if reference:
            conf -= 0.2
        until = bool(_UNTIL.search(text[max(s0, m.start - 30) : m.start]))
        out.append((dv, basis, m, not since and not reference and not until, conf))
    if dct is None:
        return out
    for m in in_t:
        if m.type == "DURATION" and m.value:
            before = text[max(s0, m.start - 40) : m.start]
            opening = _OPENING_CUE.search(text[s0 : m.start]) and not _FUTURE_CUE.search(sentence_text)
            backward = not _FORWARD_SPAN.search(m.text)
            of_noun = bool(_OF_BEFORE.search(before))  # "the experience of the last two years": qualifies a noun
            if backward and not of_noun and (_DURATION_CUE.search(before) or opening or _PAST_SPAN.search(m.text)):
                dv = duration_interval(m.value, dct, m.text)
                if dv is not None:
                    out.append((dv, "explicit", m, False, 0.5))
    if out:
        return out
    refs = [m for m in in_t if m.value in ("PRESENT_REF", "PAST_REF") and not (m.anchor or "").startswith("narrative")]
    if refs or (not in_t and _PRESENT_CUE.search(sentence_text)):
        dv = DateValue(**{**dct.to_dict(), "text": refs[0].text if refs else "", "anchor": f"dct:{dct.value}"})
        out.append((dv, "dct", refs[0] if refs else None, False, 0.35))
    return out
