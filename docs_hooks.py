"""MkDocs hooks of this repository's demo site (not part of the plugin).

The user guide's content-format page holds a marker where the field reference goes;
it is generated at build time from the content model, so it cannot drift from it.
"""

from __future__ import annotations

from typing import Any

from journeys.content.reference import replace_marker


def on_page_markdown(markdown: str, *, page: Any, config: Any, files: Any) -> str:
    return replace_marker(markdown)
