"""Save a PNG screenshot of the HTML export, rendered by headless Chromium.

    python bench/html_screenshot.py [CONTRACT.json] --out timeline.png

Without CONTRACT.json the contract is read from `timeline export --format json`
(the store named by BBC_TIMELINE_DB). The HTML page is kept next to the PNG.
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("contract", nargs="?", type=Path, help="contract JSON file (default: the store)")
    parser.add_argument("--out", type=Path, default=Path("timeline.png"), help="PNG to write")
    parser.add_argument("--size", default="1400,1000", help="window size WIDTH,HEIGHT")
    parser.add_argument("--chromium", help="browser executable (default: chromium on PATH)")
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
    html_path = args.out.with_suffix(".html")
    write_atomic(html_path, render_export(data, "html"))
    try:
        screenshot(html_path, args.out, chromium=chromium, size=args.size)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        print(f"chromium failed: {exc}", file=sys.stderr)
        return 1
    if not args.out.exists():
        print(f"chromium did not write {args.out}", file=sys.stderr)
        return 1
    print(f"{args.out} ({len(data.get('events', []))} events; page: {html_path})")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    raise SystemExit(main())
