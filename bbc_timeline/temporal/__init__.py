"""Temporal expressions: recognition, TIMEX3 normalisation, publication dates.

Pure Python (no spaCy). Calendar values live in ``bbc_timeline.timevalues``; word lists in
``bbc_timeline.lexicon``.
"""

from __future__ import annotations

from .pubdate import DocDates, find_dateline, resolve_document_dates
from .tagger import Timex, tag

__all__ = ["DocDates", "Timex", "find_dateline", "resolve_document_dates", "tag"]
