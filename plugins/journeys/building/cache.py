"""A content-hash cache of drawn charts, so unchanged charts are not redrawn.

Kept in memory across `mkdocs serve` rebuilds and on disk (by default in
``.cache/journeys/`` beside mkdocs.yml, never in ``docs/`` or ``content/``) across builds.
The key covers the chart's data and words, this package's chart code and matplotlib's
version, so a change to any of them draws the chart again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import time
from importlib import metadata
from pathlib import Path

from journeys.site import charts

DEFAULT_DIRECTORY = ".cache/journeys"
"""The plugin's cache folder (charts and read front matter), relative to mkdocs.yml."""


def cache_directory(project: Path, enabled: bool, relative: str = DEFAULT_DIRECTORY) -> Path | None:
    """Where the plugin keeps its cache for the site in ``project``; None when it is off."""
    return project / relative if enabled else None


STALE_AFTER = 3600
"""Seconds after which a half-written ``*.tmp`` file in the cache folder is removed: a
write takes milliseconds, so an older one was left by a build that was stopped mid-write."""


def write_atomically(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` through a temporary file in the same folder, renamed
    into place: a build that is stopped, or two at once, never leave half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def remove_stale_temporaries(directory: Path | None) -> None:
    """Remove ``*.tmp`` files older than :data:`STALE_AFTER` from the cache folder."""
    if directory is None or not directory.is_dir():
        return
    cutoff = time.time() - STALE_AFTER
    for temporary in directory.glob("*.tmp"):
        with contextlib.suppress(OSError):  # another build removed it first
            if temporary.stat().st_mtime < cutoff:
                temporary.unlink()


def _code_salt() -> str:
    package = Path(charts.__file__).parent
    code = b"".join(
        module.name.encode() + b"\0" + module.read_bytes()
        for module in sorted(package.glob("*.py"), key=lambda module: module.name)
    )
    try:
        matplotlib_version = metadata.version("matplotlib")
    except metadata.PackageNotFoundError:  # pragma: no cover
        matplotlib_version = "?"
    return hashlib.sha256(code + matplotlib_version.encode()).hexdigest()


class ChartCache:
    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        remove_stale_temporaries(directory)
        self.salt = _code_salt()
        self.memory: dict[str, bytes] = {}

    def holds_none(self) -> bool:
        """Whether no chart was kept yet (or none is kept: no folder): a build draws all."""
        return self.directory is None or not any(self.directory.glob("*.svg"))

    def find(self, key: str) -> bytes | None:
        """The chart drawn before under ``key``, if any."""
        digest = self._digest(key)
        found = self.memory.get(digest)
        if found is None and self.directory is not None:
            path = self.directory / f"{digest}.svg"
            if path.is_file():
                found = self.memory[digest] = path.read_bytes()
        return found

    def keep(self, key: str, content: bytes) -> None:
        digest = self._digest(key)
        self.memory[digest] = content
        if self.directory is not None:
            write_atomically(self.directory / f"{digest}.svg", content)

    def _digest(self, key: str) -> str:
        return hashlib.sha256(f"{self.salt}\n{key}".encode()).hexdigest()
