"""What an ingest run tells its caller."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

Progress = Callable[[str, int], None]  # (event, amount): "total", "advance"


@dataclass
class IngestReport:
    files_seen: int = 0
    documents: int = 0
    mentions: int = 0
    events: int = 0
    skipped: int = 0
    stored: int = 0
    failed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    model: str | None = None
    corroborated: int = 0  # events with 2+ independent sources (reprints of one story count once)
    reprints: int = 0  # documents that are near-identical copies of another
    aliases: str | None = None  # the alias file applied, if any
