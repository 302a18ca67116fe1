"""Write small content trees and build real sites from them, for tests.

Fixture files are written from dicts (``yaml.safe_dump``) or from exact text when a
test asserts on line numbers.
"""

from __future__ import annotations

import os
import struct
import subprocess
import tempfile
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

import warm_python
from journeys.content.diagnostics import Diagnostic, Severity
from journeys.content.study import Study

REPO = Path(__file__).resolve().parent.parent


def front_matter_file(fields: dict[str, Any] | str, body: str = "") -> str:
    front = (
        fields
        if isinstance(fields, str)
        else yaml.safe_dump(fields, sort_keys=False, allow_unicode=True)
    )
    return f"---\n{front.rstrip()}\n---\n{body}\n"


class ContentTree:
    """A content folder under construction: ``tree.interview("x-01", score=3)``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def write(self, relative: str, fields: dict[str, Any] | str, body: str = "") -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(front_matter_file(fields, body), encoding="utf-8")
        return path

    def persona(self, slug: str = "eva", body: str = "Persona narrative.", **fields: Any) -> Path:
        data = {"name": slug.title(), "summary": f"Summary of {slug}."} | fields
        return self.write(f"personas/{slug}.md", data, body)

    def journey(
        self,
        slug: str = "repair",
        stages: tuple[str, ...] = ("notice", "report", "wait"),
        body: str = "Journey scope.",
        **fields: Any,
    ) -> Path:
        data = {
            "title": slug.replace("-", " ").title(),
            "stages": [{"id": stage, "name": stage.title()} for stage in stages],
        } | fields
        return self.write(f"journeys/{slug}.md", data, body)

    def interview(
        self,
        name: str,
        scores: tuple[float, ...] = (5, 6, 7),
        stages: tuple[str, ...] = ("notice", "report", "wait"),
        persona: str = "eva",
        journey: str = "repair",
        folder: str = "",
        body: str = "Interview notes.",
        steps: list[dict[str, Any]] | None = None,
        **fields: Any,
    ) -> Path:
        data: dict[str, Any] = {
            "date": "2026-02-01",
            "persona": persona,
            "journey": journey,
            "consent": True,
            "goal": f"Goal of {name}",
            "overall_score": 6,
            "steps": steps
            if steps is not None
            else [
                {"stage": stage, "action": f"Action {index + 1} of {name}", "score": score}
                for index, (stage, score) in enumerate(zip(stages, scores))
            ],
        } | fields
        where = f"interviews/{folder}/{name}.md" if folder else f"interviews/{name}.md"
        return self.write(where, data, body)

    def theme(self, slug: str, body: str = "What counts as this theme.", **fields: Any) -> Path:
        """A theme of the codebook: ``themes/<slug>.md``."""
        data = {"name": slug.replace("-", " ").capitalize(), "description": f"About {slug}."}
        return self.write(f"themes/{slug}.md", data | fields, body)

    def minimal(self) -> ContentTree:
        """One persona, one journey, one interview: a valid study."""
        self.persona()
        self.journey()
        self.interview("int-01")
        return self


def write_site(
    project: Path,
    content: Path | None = None,
    extra_config: dict[str, Any] | None = None,
    plugin_options: dict[str, Any] | None = None,
) -> Path:
    """Write mkdocs.yml and docs/index.md for a site over ``content``; return mkdocs.yml."""
    (project / "docs").mkdir(parents=True, exist_ok=True)
    index = project / "docs" / "index.md"
    if not index.exists():
        index.write_text("# Test research\n\nHand-written home page.\n", encoding="utf-8")
    options = {"content_dir": os.path.relpath(content or project / "content", project)} | (
        plugin_options or {}
    )
    config = {
        "site_name": "Test research",
        "site_url": "https://example.org/research/",
        "docs_dir": "docs",
        "theme": {"name": "material"},
        "plugins": ["search", {"journeys": options}],
    } | (extra_config or {})
    path = project / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def mkdocs(project: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run the real ``mkdocs`` in ``project`` (a separate process, as users run it)."""
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    return warm_python.run_module("mkdocs", list(args), project, env, timeout)


def build(project: Path, *args: str) -> Path:
    """``mkdocs build --strict``; fails the test with MkDocs' output when the build fails."""
    result = mkdocs(project, "build", "--strict", *args)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return project / "site"


def journeys_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return warm_python.run_module("journeys.cli", list(args), cwd, timeout=120)


SOURCE_DATE_EPOCH = "1767225600"
"""The build time of the shared demo site (conftest's ``demo_site``), and of builds
compared with it byte for byte."""


@contextmanager
def demo_config(
    cache_dir: Path, language: str | None = None, base: str = "mkdocs.yml"
) -> Iterator[Path]:
    """A temporary config beside this repository's mkdocs.yml that inherits it (or ``base``,
    another config there, such as mkdocs.offline.yml), with the plugin's cache in
    ``cache_dir`` (and the theme in ``language``, when given).

    Beside mkdocs.yml, every relative path (docs_dir, custom_dir, content_dir, hooks)
    resolves as there; ``cache_dir`` keeps builds run in parallel (pytest-xdist) out of the
    repository's .cache/journeys. MkDocs' INHERIT replaces lists whole, so the plugin list
    is copied from ``base`` with the one option changed.
    """
    demo = yaml.safe_load((REPO / base).read_text(encoding="utf-8"))
    plugins = [
        {"journeys": plugin["journeys"] | {"cache_dir": str(cache_dir)}}
        if isinstance(plugin, dict) and "journeys" in plugin
        else plugin
        for plugin in demo["plugins"]
    ]
    overrides: dict[str, Any] = {"INHERIT": base, "plugins": plugins}
    if language is not None:
        overrides["theme"] = {"language": language}  # merged into mkdocs.yml's theme
    handle, name = tempfile.mkstemp(prefix=".mkdocs-test-", suffix=".yml", dir=REPO)
    config = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            yaml.safe_dump(overrides, file, sort_keys=False)
        yield config
    finally:
        config.unlink(missing_ok=True)


def build_demo(
    destination: Path,
    cache_dir: Path,
    *args: str,
    language: str | None = None,
    env: dict[str, str] | None = None,
    base: str = "mkdocs.yml",
) -> subprocess.CompletedProcess[str]:
    """``mkdocs build <args>`` of this repository's demo into ``destination`` (see
    :func:`demo_config`); the result is returned, not checked."""
    with demo_config(cache_dir, language, base) as config:
        command = ["build", *args, "-f", str(config), "-d", str(destination)]
        return warm_python.run_module(
            "mkdocs", command, REPO, os.environ | {"NO_MKDOCS_2_WARNING": "1"} | (env or {})
        )


def write_marker(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file renamed into place: a process
    waiting for ``path`` (:func:`wait_for_file`) never reads it empty or half-written."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def wait_for_file(path: Path, seconds: float = 10) -> bool:
    """Whether ``path`` exists within ``seconds`` (another process is to write it with
    :func:`write_marker`, so that it exists only once it is whole)."""
    deadline = time.monotonic() + seconds
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    return path.exists()


def is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


# ---- fixtures written as exact text, and the messages they give ---------------------------


def edit(text: str, old: str, new: str = "") -> str:
    """``text`` with ``old`` (which must occur exactly once) replaced."""
    assert text.count(old) == 1, f"fixture text {old!r} does not occur exactly once"
    return text.replace(old, new)


def edit_file(path: Path, old: str, new: str = "") -> None:
    """:func:`edit` of a file, in place."""
    path.write_text(edit(path.read_text(encoding="utf-8"), old, new), encoding="utf-8")


def single(study: Study) -> Diagnostic:
    """The study's one diagnostic (the assertion lists them all when there are more)."""
    assert len(study.diagnostics) == 1, [d.format() for d in study.diagnostics]
    return study.diagnostics[0]


def problems(study: Study) -> list[tuple[str, int, str, Severity, str]]:
    """Each diagnostic as ``(path, line, field, severity, message)``."""
    return [(d.path, d.line, d.field, d.severity, d.message) for d in study.diagnostics]


def png(kind: bytes, data: bytes) -> bytes:
    """A one-pixel PNG image with one more chunk (``tEXt``: metadata as it stands)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
        + chunk(kind, data)
        + chunk(b"IDAT", zlib.compress(b"\0\0"))
        + chunk(b"IEND", b"")
    )
