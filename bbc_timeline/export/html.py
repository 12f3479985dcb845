"""The `html` export: one self-contained page (inline CSS and script, no network).

Article text is untrusted: the data goes in a `<script type="application/json">`
block with `<`, `>`, `&` and U+2028/9 escaped, the page script builds the DOM
with `textContent` only, and a Content-Security-Policy allows nothing but the
page's own inline style and script (by hash), so injected markup could not run.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from .dates import human_date, is_approximate

DATA_MARK = "__DATA__"
CSP_MARK = "__CSP__"
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_safe_json(obj: Any) -> str:
    """JSON text that cannot close or alter the `<script>` element it is embedded in."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@lru_cache(maxsize=1)
def _template() -> str:
    return resources.files(__package__).joinpath("html_template.html").read_text(encoding="utf-8")


def content_security_policy(template: str) -> str:
    """A policy that allows only the template's own inline `<style>` and `<script>` (by hash)."""
    style = re.search(r"<style>(.*?)</style>", template, re.DOTALL)
    script = re.search(r"<script>(.*?)</script>", template, re.DOTALL)
    if not (style and script):
        raise RuntimeError("the HTML template needs one <style> and one <script>")
    return (
        f"default-src 'none'; script-src {_sha256(script.group(1))}; style-src {_sha256(style.group(1))}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )


def view_model(data: dict[str, Any]) -> dict[str, Any]:
    """What the page script needs: documents, and events with a date label and an approximate flag."""
    events = [
        {**ev, "date_label": human_date(ev["date"]), "approx": is_approximate(ev["date"])}
        for ev in data.get("events") or []
    ]
    return {"documents": list(data.get("documents") or []), "events": events}


def render_html(data: dict[str, Any]) -> str:
    """The whole page as text."""
    template = _template()
    head, tail = template.split(DATA_MARK)
    head = head.replace(CSP_MARK, content_security_policy(template), 1)
    return head + script_safe_json(view_model(data)) + tail
