"""The error banner `mkdocs serve` shows on every page while the content has errors."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from journeys.content.diagnostics import Diagnostic, Severity

_BODY = re.compile(r"<body[^>]*>")
STYLE = (
    "position:sticky;top:0;z-index:1000;margin:0;padding:.8rem 1.2rem;"
    "background:#8b0000;color:#fff;font:14px/1.5 system-ui,sans-serif;max-height:40vh;overflow:auto"
)


def render(diagnostics: Sequence[Diagnostic]) -> str:
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    lines = "".join(
        f'<li><code style="color:#fff;background:none">{html.escape(d.format())}</code></li>'
        for d in errors
    )
    return (
        f'<div class="jr-error-banner" role="alert" style="{STYLE}">'
        f"<strong>The research content has {len(errors)} error(s).</strong> "
        "Files with errors are left out of this preview until they are fixed; "
        "the page reloads when you save."
        f'<ul style="margin:.4rem 0 0 1.2rem">{lines}</ul></div>'
    )


def insert(page_html: str, diagnostics: Sequence[Diagnostic]) -> str:
    """``page_html`` with the banner as the first thing in its body."""
    match = _BODY.search(page_html)
    if match is None:
        return render(diagnostics) + page_html
    return page_html[: match.end()] + render(diagnostics) + page_html[match.end() :]
