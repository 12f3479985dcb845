"""Pure resolution over plain values: dates, entities, events (no spaCy)."""
