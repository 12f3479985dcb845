"""Entity fixes for news prose: a spaCy component that runs after "ner".

The small English model makes a few kinds of mistakes again and again on news
text: titles glued to names or tagged on their own ("Major-General" as ORG),
cities tagged as people or organisations ("Kiev" as PERSON), spans running
across a heading's line break, trailing junk ("Borders How"), possessives and
quote marks inside the span, named exercises ("West-2017") not tagged as
events, companies read as people ("the Danish company X"), and other names
given in brackets, after ", or" or after "known as". This component repairs them with general rules and word lists
(titles, ranks, country names and adjectives, org head nouns), records the
titles it finds on `Span._.titles`, and `entity_mentions` turns the result
into plain `Mention` values. The rules are the ordered passes of
`bbc_timeline.nlp.fixes` (one module per concept, the order in `PASSES`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from bbc_timeline.models import Mention
from bbc_timeline.nlp import fixes
from bbc_timeline.nlp.fixes.base import NAME_LABELS, Ent

COMPONENT = "bbc_entity_fixes"
# Labels turned into entity mentions; numeric labels belong to the temporal side.
ENTITY_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART",
                           "LAW", "LANGUAGE"})

if not Span.has_extension("titles"):
    Span.set_extension("titles", default=())


# ------------------------------------------------------------------ component
class EntityFixer:
    """Repair the model's entities on news prose and record titles on `Span._.titles`."""

    def __init__(self, nlp: Language, name: str = COMPONENT):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        keep: list[Span] = []
        ents: list[Ent] = []
        for span in doc.ents:
            if span.label_ in NAME_LABELS:
                ents.append(Ent(span.start, span.end, span.label_, list(span._.titles)))
            else:
                keep.append(span)
        ents = fixes.run(doc, ents, keep)
        self._write(doc, ents, keep)
        doc.user_data.pop("bbc_lower_words", None)  # a cache, not for serialisation
        return doc

    @staticmethod
    def _write(doc: Doc, ents: list[Ent], keep: list[Span]) -> None:
        spans: list[tuple[Span, tuple[str, ...]]] = []
        taken: set[int] = set()
        for e in sorted(ents, key=lambda x: (-(x.end - x.start), x.start)):
            if taken.intersection(range(e.start, e.end)):
                continue
            taken.update(range(e.start, e.end))
            spans.append((Span(doc, e.start, e.end, label=e.label), tuple(e.titles)))
        kept = [s for s in keep if not taken.intersection(range(s.start, s.end))]
        doc.ents = sorted([s for s, _ in spans] + kept, key=lambda s: s.start)
        titles = {(s.start, s.end): t for s, t in spans}
        for span in doc.ents:
            if titles.get((span.start, span.end)):
                span._.titles = titles[(span.start, span.end)]


@Language.factory(
    COMPONENT,
    assigns=["doc.ents", "span._.titles"],
    requires=["doc.ents"],
    default_config={},
)
def make_entity_fixes(nlp: Language, name: str) -> EntityFixer:
    """Factory for the entity-fixing component (add it after "ner")."""
    return EntityFixer(nlp, name)


def entity_mentions(
    doc: Doc, doc_id: str, offset: int = 0, labels: frozenset[str] = ENTITY_LABELS
) -> list[Mention]:
    """The named entities of `doc` as Mentions; offsets are moved by `offset` to be relative to the file."""
    return [
        Mention(
            doc=doc_id,
            kind="entity",
            start=ent.start_char + offset,
            end=ent.end_char + offset,
            text=ent.text,
            type=ent.label_,
            titles=tuple(ent._.titles),
        )
        for ent in doc.ents
        if ent.label_ in labels
    ]
