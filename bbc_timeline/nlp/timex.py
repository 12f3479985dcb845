"""spaCy component that tags TIMEX3 temporal expressions on `doc.spans["timex"]`.

The finding and normalising is done by `bbc_timeline.temporal` on the raw
text (regexes, no model), so the component works on `spacy.blank("en")` and
costs a fraction of the statistical pipeline. The document creation time
comes from `doc.user_data["dct"]`; without it the component looks for a
dateline or infers the publication date from the content, and records it in
`doc.user_data["published"]` / `["published_basis"]`.

Span extensions: `_.timex_type`, `_.timex_value`, `_.timex_end_value`,
`_.timex_mod`, `_.timex_anchor`, and `_.timex_start` / `_.timex_end`, the
exact character offsets (a timex can be part of a token: the "2017" of
"Shield-2017", while the span covers whole tokens).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from bbc_timeline.models import Mention
from bbc_timeline.temporal import Timex, resolve_document_dates, tag

COMPONENT = "bbc_timex"
SPANS_KEY = "timex"
_EXTENSIONS = ("timex_type", "timex_value", "timex_end_value", "timex_mod", "timex_anchor",
               "timex_start", "timex_end")

for _name in _EXTENSIONS:
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


# ----------------------------------------------------------------- helpers
def _span_for(doc: Doc, t: Timex) -> Span | None:
    """The token span covering a timex (expanded to token boundaries)."""
    return doc.char_span(t.start, t.end, label=t.type, alignment_mode="expand")


def _find(doc: Doc, infer_dct: bool) -> list[Timex]:
    dct = doc.user_data.get("dct")
    if dct:
        return tag(doc.text, str(dct))
    if not infer_dct:
        return tag(doc.text, None)
    dates = resolve_document_dates(doc.text)
    doc.user_data["published"] = dates.published
    doc.user_data["published_basis"] = dates.basis
    return dates.timexes


def _write(doc: Doc, timexes: list[Timex], spans_key: str) -> None:
    spans: list[Span] = []
    for t in timexes:
        span = _span_for(doc, t)
        if span is None:
            continue
        span._.timex_type = t.type
        span._.timex_value = t.value
        span._.timex_end_value = t.end_value
        span._.timex_mod = t.mod
        span._.timex_anchor = t.anchor
        span._.timex_start = t.start
        span._.timex_end = t.end
        spans.append(span)
    doc.spans[spans_key] = spans


# ----------------------------------------------------------------- component
@Language.factory(
    COMPONENT,
    default_config={"spans_key": SPANS_KEY, "infer_dct": True},
    assigns=["doc.spans", "span._.timex_value", "span._.timex_type"],
)
def make_timex_tagger(nlp: Language, name: str, spans_key: str, infer_dct: bool) -> TimexTagger:
    """Factory for the TIMEX3 tagger (`nlp.add_pipe("bbc_timex")`)."""
    return TimexTagger(spans_key=spans_key, infer_dct=infer_dct)


class TimexTagger:
    """Finds temporal expressions on the raw text, then writes them as spans."""

    def __init__(self, spans_key: str = SPANS_KEY, infer_dct: bool = True) -> None:
        self.spans_key = spans_key
        self.infer_dct = infer_dct

    def __call__(self, doc: Doc) -> Doc:
        _write(doc, _find(doc, self.infer_dct), self.spans_key)
        return doc


def timex_mentions(doc: Doc, doc_id: str, offset: int = 0, spans_key: str = SPANS_KEY) -> list[Mention]:
    """Plain `Mention(kind="timex")` values for the component's spans; offsets shifted by `offset`."""
    out: list[Mention] = []
    for span in doc.spans.get(spans_key, []):
        start = span._.timex_start if span._.timex_start is not None else span.start_char
        end = span._.timex_end if span._.timex_end is not None else span.end_char
        out.append(Mention(
            doc=doc_id, kind="timex", start=start + offset, end=end + offset, text=doc.text[start:end],
            type=span._.timex_type or span.label_, value=span._.timex_value,
            end_value=span._.timex_end_value, mod=span._.timex_mod, anchor=span._.timex_anchor,
        ))
    return out
