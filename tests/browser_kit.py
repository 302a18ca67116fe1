"""Helpers for the real-browser tests: find Chromium, build and serve the demo site, watch
what a page loads, run axe-core, and count the pages of a PDF.

Nothing here imports Playwright, so the module loads even where it is missing.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import contentkit

REPO = Path(__file__).resolve().parent.parent
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
ARTEFACTS = REPO / "test-artefacts" / "screenshots"
README_SCREENSHOTS = REPO / "docs" / "screenshots"

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

# Paper sizes in PDF points (1/72 inch).
A3_LANDSCAPE = (1190.55, 841.89)
A4_PORTRAIT = (595.28, 841.89)


def find_chromium() -> str | None:
    """Debian's chromium, or any chromium on PATH."""
    candidates = ["/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def build_demo(
    destination: Path, language: str = "en", strict: bool = True, cache_dir: Path | None = None
) -> Path:
    """``mkdocs build --strict`` of the repository's demo into ``destination``, in ``language``.

    The plugin's cache goes to ``cache_dir`` (by default a folder beside ``destination``),
    not the repository's .cache/journeys: see ``contentkit.demo_config``.
    """
    result = contentkit.build_demo(
        destination,
        cache_dir or destination.parent / "journeys-cache",
        *(["--strict"] if strict else []),
        language=language,
    )
    if result.returncode != 0:
        raise AssertionError(f"mkdocs build ({language}) failed:\n{result.stdout}\n{result.stderr}")
    return destination


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 on a free port; yields the base URL (no slash)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name=f"serve {directory}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@dataclass
class PageWatch:
    """Everything a page asked for and everything that went wrong while it loaded."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    bad_status: list[str] = field(default_factory=list)

    def attach(self, page: Any) -> PageWatch:
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console_errors.append(f"uncaught: {error}"))
        page.on(
            "requestfailed",
            lambda request: self.failed.append(f"{request.url} ({request.failure})"),
        )
        page.on(
            "response",
            lambda response: (
                self.bad_status.append(f"{response.status} {response.url}")
                if response.status >= 400
                else None
            ),
        )
        return self

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def foreign_requests(self) -> list[str]:
        """Requests to anywhere but the local test server (data: and blob: URLs are local)."""
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in ("data", "blob")
            and urlsplit(url).hostname != "127.0.0.1"
        ]

    def problems(self) -> list[str]:
        return (
            [f"console error: {text}" for text in self.console_errors]
            + [f"request failed: {text}" for text in self.failed]
            + [f"HTTP {text}" for text in self.bad_status]
            + [f"third-party request: {url}" for url in self.foreign_requests()]
        )


def load_all_images(page: Any) -> None:
    """Scroll every image into view (charts load lazily) and wait until each has loaded."""
    page.evaluate(
        """async () => {
            const images = Array.from(document.images);
            for (const image of images) {
                image.loading = "eager";
            }
            await Promise.all(images.map((image) => image.complete ? null :
                new Promise((done) => {
                    image.addEventListener("load", done);
                    image.addEventListener("error", done);
                })));
        }"""
    )


def run_axe(page: Any, colours_only: bool = False) -> list[dict[str, Any]]:
    """axe-core's violations of impact serious or critical on the page as it is now; with
    ``colours_only``, of its colour rules alone (contrast, links told apart by colour), for a
    palette whose page is otherwise the one already checked."""
    if not AXE.is_file():
        raise AssertionError(
            f"axe-core is missing: {AXE} does not exist. Install the test tools with "
            "`npm ci` (or run `make test`, which does)."
        )
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    options: dict[str, Any] = {"resultTypes": ["violations"]}
    if colours_only:
        options["runOnly"] = {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}
    result = page.evaluate("async (options) => await axe.run(document, options)", options)
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


SCHEMES = {"light": "default", "dark": "slate"}
"""Emulated prefers-color-scheme -> the scheme material applies (body[data-md-color-scheme])."""
SCHEME = "document.body.dataset.mdColorScheme"
PALETTE_TOGGLE = "form[data-md-component='palette'] label:not([hidden])"


def toggle_palette(page: Any) -> str:
    """Click material's palette toggle, as a visitor does; the scheme it applied."""
    before = page.evaluate(SCHEME)
    page.locator(PALETTE_TOGGLE).click()
    page.wait_for_function(f"{SCHEME} !== {before!r}")
    return str(page.evaluate(SCHEME))


def switch_palette(page: Any, scheme: str) -> None:
    """The palette toggle clicked until ``scheme`` (light or dark) shows."""
    if page.evaluate(SCHEME) != SCHEMES[scheme]:
        assert toggle_palette(page) == SCHEMES[scheme], f"the toggle did not switch to {scheme}"


def describe_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']} "
            f"[{len(violation['nodes'])} nodes]"
        )
        for node in violation["nodes"][:5]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {node['target']}: {summary[:300]}")
    return "\n".join(lines)


_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
_MEDIA_BOX = re.compile(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]")


def pdf_page_count(pdf: bytes) -> int:
    """Page objects in a PDF (``/Type /Page``, not ``/Pages``); Chromium's PDFs are
    uncompressed there."""
    return len(_PAGE_OBJECT.findall(pdf))


def pdf_page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """Width and height in points of every MediaBox in the PDF."""
    return [
        (float(x1) - float(x0), float(y1) - float(y0)) for x0, y0, x1, y1 in _MEDIA_BOX.findall(pdf)
    ]
