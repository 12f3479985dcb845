"""The timelinejs export rendered by the real TimelineJS3 (npm @knight-lab/timelinejs) in headless Chromium.

Skips cleanly without a browser or the package: .ci/run installs both
(`npm install` puts the package under node_modules/, or set TIMELINEJS_DIST to
its dist/ folder).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bbc_timeline.export import render_export
from bbc_timeline.export.timelinejs import preview_page

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_export_formats import sample_contract  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _dist() -> Path | None:
    for candidate in (os.environ.get("TIMELINEJS_DIST"), ROOT / "node_modules/@knight-lab/timelinejs/dist"):
        if candidate and (Path(candidate) / "js" / "timeline.js").exists():
            return Path(candidate)
    return None


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DIST = _dist()
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DIST), reason="needs chromium and @knight-lab/timelinejs (bash .ci/run installs them)"
)


def _render(tmp_path: Path, data: dict, group_by: str = "none") -> str:
    page = tmp_path / "preview.html"
    page.write_text(preview_page(render_export(data, "timelinejs", group_by=group_by), DIST.as_uri()), "utf-8")
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=1200,800", "--virtual-time-budget=8000", "--dump-dom", page.as_uri(),
    ]
    dom = subprocess.run(command, capture_output=True, text=True, timeout=90, check=True).stdout
    body = re.search(r"<body[^>]*>", dom).group(0)
    assert "data-made=\"1\"" in body and "data-error" not in body, f"TimelineJS did not build the timeline: {body}"
    return dom


def _headlines(dom: str) -> list[str]:
    return re.findall(r'<h2 class="tl-headline[^"]*">([^<]*)', dom)


def test_timelinejs_renders_every_slide_with_its_precision_and_no_groups(tmp_path):
    data = sample_contract()
    dom = _render(tmp_path, data)
    slides = re.findall(r'class="tl-slide[ "]', dom)
    assert len(slides) == len(data["events"]) + 1  # the title slide and one per event
    assert "Timeline" in _headlines(dom)
    assert "Anna Kovac meets the Northern Rail Board" in _headlines(dom)
    assert len(re.findall(r'class="tl-timemarker[ "]', dom)) == len(data["events"])
    assert "tl-timegroup-message" not in dom  # no group rows unless --group-by
    assert "11–18 July 2017" in dom and "2010s" in dom  # TimelineJS shows our display dates


def test_timelinejs_groups_when_asked(tmp_path):
    dom = _render(tmp_path, sample_contract(), group_by="actor")
    groups = re.findall(r'<div class="tl-timegroup-message">([^<]*)', dom)
    assert "Anna Kovac" in groups


def test_timelinejs_shows_hostile_text_as_text(tmp_path):
    data = sample_contract()
    data["events"][0]["summary"] = "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\"> rail"
    dom = _render(tmp_path, data)
    body = re.search(r"<body[^>]*>", dom).group(0)
    assert "data-pwned" not in body and "<img src=x" not in dom and "&lt;img" in dom


def test_timelinejs_long_slides_stay_short(tmp_path):
    data = sample_contract()
    data["events"][3]["summary"] = "very long sentence " * 3000
    data["events"][3]["sources"] = data["events"][3]["sources"] * 50
    dom = _render(tmp_path, data)
    text = json.loads(render_export(data, "timelinejs"))["events"][3]["text"]["text"]
    assert len(text) < 2000 and "and 95 more" in dom
