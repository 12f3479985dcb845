"""The writing side, as stages: prepare files, analyse them, store them, resolve the chronology.

    prepare    decoded files -> articles with their dates found (no model)      prepare.py
    analysis   articles -> the model's sentences and entities (local or Dask)   analysis.py
    storing    one file's documents, mentions and sentences, in one transaction storing.py
    resolving  every stored document -> entities and events (resolve_store)     resolving.py
    records    extract: the same analysis as contract records, without a store  records.py
    run        the `ingest` command's flow: discover, skip unchanged, the rest   run.py

The names callers need are re-exported here and imported on first use, so importing
one stage (as the Dask workers do) never imports the others, and no module imports
back the one that imported it.
"""

from __future__ import annotations

from typing import Any

_EXPORTS = {
    "ingest": "run",
    "IngestReport": "report",
    "Progress": "report",
    "PreparedDocument": "prepare",
    "PreparedFile": "prepare",
    "prepare_file": "prepare",
    "DocIds": "prepare",
    "analyse_files": "analysis",
    "store_file": "storing",
    "resolve_store": "resolving",
    "resolver_fingerprint": "resolving",
    "resolver_files": "resolving",
    "extract": "records",
    "contract_mention": "records",
    "alias_file": "bbc_timeline.paths",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    where = _EXPORTS.get(name)
    if where is None:
        raise AttributeError(f"module 'bbc_timeline.ingest' has no attribute '{name}'")
    import importlib

    module = importlib.import_module(where if "." in where else f"{__name__}.{where}")
    return getattr(module, name)
