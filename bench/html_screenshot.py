"""Screenshots of the HTML and TimelineJS exports in headless Chromium, with the page's size and first paint.

    python bench/html_screenshot.py [CONTRACT.json] --out timeline.png [--limit N] [--timelinejs timelinejs.png]

Without CONTRACT.json the contract is read from `timeline export --format json`
(the store named by BBC_TIMELINE_DB). `--limit N` keeps the N most important
events. The HTML page is kept next to the PNG. It prints the page's size and
its first paint: the time from navigation start to the end of the page
script's first layout, as the page itself records it (data-ready-ms), which is
when the browser can paint the drawn axis. The TimelineJS screenshot needs
@knight-lab/timelinejs (node_modules/ after `bash .ci/run`, or TIMELINEJS_DIST).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bbc_timeline.export import render_export, write_atomic

CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium(explicit: str | None = None) -> str | None:
    """The path of a Chromium-like browser, or None."""
    if explicit:
        return explicit if Path(explicit).exists() else shutil.which(explicit)
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def chromium_args(chromium: str, profile: str) -> list[str]:
    """Headless flags that keep the browser offline and quiet."""
    return [
        chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
        f"--user-data-dir={profile}",
    ]


def contract_from_store() -> dict:
    """The contract as `timeline export --format json` prints it."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    command = [sys.executable, "-m", "bbc_timeline", "export", "--format", "json"]
    done = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    return json.loads(done.stdout)


def screenshot(html_path: Path, png_path: Path, *, chromium: str, size: str = "1400,1000") -> None:
    """Render `html_path` in headless Chromium and save `png_path`."""
    with tempfile.TemporaryDirectory(prefix="bbc-chromium-") as profile:
        args = chromium_args(chromium, profile)
        args += [f"--window-size={size}", f"--screenshot={png_path.resolve()}", html_path.resolve().as_uri()]
        subprocess.run(args, capture_output=True, text=True, timeout=120, check=True)


def first_paint_ms(html_path: Path, *, chromium: str, size: str) -> tuple[int, int]:
    """(ms from navigation start to the page's first layout, ms of that in the page script), as the page records."""
    import re

    with tempfile.TemporaryDirectory(prefix="bbc-chromium-") as profile:
        args = chromium_args(chromium, profile) + [f"--window-size={size}", "--dump-dom", html_path.resolve().as_uri()]
        dom = subprocess.run(args, capture_output=True, text=True, timeout=120, check=True).stdout
    ready = re.search(r'data-ready-ms="(\d+)"', dom)
    script = re.search(r'data-script-ms="(\d+)"', dom)
    return (int(ready.group(1)) if ready else -1, int(script.group(1)) if script else -1)


def timelinejs_dist() -> Path | None:
    for candidate in (os.environ.get("TIMELINEJS_DIST"), ROOT / "node_modules/@knight-lab/timelinejs/dist"):
        if candidate and (Path(candidate) / "js" / "timeline.js").exists():
            return Path(candidate)
    return None


def timelinejs_screenshot(data: dict, png: Path, *, chromium: str, size: str, dist: Path) -> None:
    from bbc_timeline.export.timelinejs import preview_page

    page = png.with_suffix(".html")
    write_atomic(page, preview_page(render_export(data, "timelinejs"), dist.as_uri()))
    with tempfile.TemporaryDirectory(prefix="bbc-chromium-") as profile:
        args = chromium_args(chromium, profile)
        args += [f"--window-size={size}", "--virtual-time-budget=8000", f"--screenshot={png.resolve()}",
                 page.resolve().as_uri()]
        subprocess.run(args, capture_output=True, text=True, timeout=120, check=True)


def most_important(data: dict, n: int) -> dict:
    keep = sorted(data.get("events") or [], key=lambda e: -(e.get("importance") or 0))[:n]
    ids = {e["id"] for e in keep}
    return {**data, "events": [e for e in data.get("events") or [] if e["id"] in ids]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("contract", nargs="?", type=Path, help="contract JSON file (default: the store)")
    parser.add_argument("--out", type=Path, default=Path("timeline.png"), help="PNG to write")
    parser.add_argument("--size", default="1400,1000", help="window size WIDTH,HEIGHT")
    parser.add_argument("--chromium", help="browser executable (default: chromium on PATH)")
    parser.add_argument("--limit", type=int, help="keep the N most important events")
    parser.add_argument("--timelinejs", type=Path, help="also a TimelineJS screenshot here (needs the npm package)")
    args = parser.parse_args(argv)

    chromium = find_chromium(args.chromium)
    if not chromium:
        print("chromium not found: install it (apt-get install chromium) or pass --chromium", file=sys.stderr)
        return 2
    try:
        if args.contract:
            data = json.loads(args.contract.read_text(encoding="utf-8"))
        else:
            data = contract_from_store()
    except (OSError, ValueError, subprocess.CalledProcessError) as exc:
        print(f"cannot read the contract: {exc}", file=sys.stderr)
        return 2
    if args.limit is not None:
        data = most_important(data, args.limit)
    html_path = args.out.with_suffix(".html")
    write_atomic(html_path, render_export(data, "html"))
    try:
        screenshot(html_path, args.out, chromium=chromium, size=args.size)
        ready, script = first_paint_ms(html_path, chromium=chromium, size=args.size)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        print(f"chromium failed: {exc}", file=sys.stderr)
        return 1
    if not args.out.exists():
        print(f"chromium did not write {args.out}", file=sys.stderr)
        return 1
    size_mb = html_path.stat().st_size / 1e6
    print(f"{args.out} ({len(data.get('events', []))} events; page: {html_path}, {size_mb:.2f} MB; "
          f"first paint {ready} ms after navigation start, {script} ms of it in the page script)")
    if args.timelinejs:
        dist = timelinejs_dist()
        if dist is None:
            print("TimelineJS screenshot skipped: no @knight-lab/timelinejs (bash .ci/run installs it)")
        else:
            timelinejs_screenshot(data, args.timelinejs, chromium=chromium, size=args.size, dist=dist)
            print(f"{args.timelinejs} (TimelineJS {dist.parent.name}; page: {args.timelinejs.with_suffix('.html')})")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    raise SystemExit(main())
