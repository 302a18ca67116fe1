"""The error banner `mkdocs serve` shows on every page while the content has errors."""

from __future__ import annotations

import html
import re
import traceback
from collections.abc import Sequence

from mkdocs.plugins import get_plugin_logger

from journeys.building import generation
from journeys.content.diagnostics import Diagnostic, Severity

log = get_plugin_logger(__name__)

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


def unexpected_failure(error: Exception, content_dir: str) -> generation.Outcome:
    """While serving: a failure no content check foresaw, as an error in the banner; the
    pages made before it are served. The traceback goes to the terminal, for a report."""
    log.info("details for the report:\n" + "".join(traceback.format_exception(error)).rstrip())
    summary = (str(error).strip().splitlines() or [""])[0][:200]
    problem = Diagnostic(
        content_dir,
        1,
        Severity.ERROR,
        f"the research pages could not all be made (unexpected {type(error).__name__}"
        f"{': ' + summary if summary else ''}); the preview shows the pages made before it. "
        "Unless a template override in your theme's `journeys/` folder causes it, this is a bug "
        "in the journeys plugin: please report this, with the details printed in the terminal",
    )
    return generation.Outcome([problem], None, 0, [], 0)
