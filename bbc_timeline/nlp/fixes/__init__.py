"""The entity fixes as an ordered list of small passes (see `PASSES`).

Each pass is a function of the document and the current candidates (`Ent`, token offsets) that returns
the new candidates; a few also read the model's other spans (dates, numbers: `keep`). The passes live
in modules by concept: span boundaries (`spans`), organisations, places and facilities (`locations`),
labels, people and titles; their word lists come from the lexicon. `run` applies them in order.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

from bbc_timeline.nlp.fixes import labels, locations, organisations, people, spans, titles
from bbc_timeline.nlp.fixes.base import Ent

Pass = Callable[[Doc, list[Ent], list[Span]], list[Ent]]


def _each(fix: Callable[[Doc, Ent], Ent | None]) -> Pass:
    """A fix of one span as a pass (a span it returns None for is dropped)."""
    return lambda doc, ents, keep: [e for e in (fix(doc, x) for x in ents) if e]


def _ents(fix: Callable[[Doc, list[Ent]], list[Ent]]) -> Pass:
    """A pass that reads only the candidates."""
    return lambda doc, ents, keep: fix(doc, ents)


# The order matters: boundaries first, then organisations and places (whose spans the person rules must
# not take), labels, people, and titles last (they read every span around a name).
PASSES: tuple[tuple[str, Pass], ...] = (
    ("split at line breaks", _each(spans.split_breaks)),
    ("trim", _each(spans.trim)),
    ("named events", spans.take_named_events),
    ("article particles", _ents(people.particles)),
    ("chained organisation names", _ents(organisations.merge_chains)),
    ("abbreviations in brackets", _ents(organisations.acronyms)),
    ("spelled-out abbreviations", _ents(organisations.spelled_acronyms)),
    ("gazetteer", locations.gazetteer),
    ("routes", _ents(locations.route_places)),
    ("office complements", _ents(organisations.split_office_orgs)),
    ("relabel", _each(labels.relabel)),
    ("coordinated places", _ents(locations.coordinated_places)),
    ("plural surnames", _ents(people.plural_surnames)),
    ("surname to the right", _ents(people.surname_right)),
    ("company cues", _ents(organisations.company_cues)),
    ("known as", _ents(people.known_as)),
    ("propagate fixed labels", _ents(labels.propagate)),
    ("known surnames", _ents(people.known_surnames)),
    ("lists of places", _ents(locations.place_lists)),
    ("locative places", _ents(locations.locative_places)),
    ("role nouns", _ents(organisations.role_noun_names)),
    ("names after offices", _ents(people.names_after_offices)),
    # names found after offices are known surnames too ("Minister of X A B ... B also said")
    ("known surnames, again", _ents(people.known_surnames)),
    ("article particles, again", _ents(people.particles)),  # for the surnames found since
    ("titles", _ents(titles.record_titles)),
)


def run(doc: Doc, ents: list[Ent], keep: list[Span], passes: tuple[tuple[str, Pass], ...] = PASSES) -> list[Ent]:
    """Apply the passes in order; `keep` (the model's other spans) may be narrowed by a pass."""
    for _name, fix in passes:
        ents = fix(doc, ents, keep)
    return ents
