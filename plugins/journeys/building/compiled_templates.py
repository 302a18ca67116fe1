"""Compiled templates, kept between builds: Jinja compiles every template a build uses (the
theme's and the generated pages'), about a second of a small site's two.

What Jinja compiles depends on nothing but the template's source, name and file, the
environment's settings (:data:`COMPILE_SETTINGS`, its extensions), Jinja's version and
Python's. :class:`TemplateCode` keeps each compiled template in memory (for ``mkdocs serve``,
which makes new template environments at every rebuild) and, unless the cache is turned off,
on disk in the user's cache folder (:func:`user_folder`), under a digest of the settings:
Jinja's own file cache checks the source (by its checksum) and Python's version before it
uses a file, so an edited template, or another Python, compiles again. The folder is shared
by every site built on the machine; it holds compiled templates and nothing of a study.
"""

from __future__ import annotations

import contextlib
import hashlib
import sys
from pathlib import Path
from types import CodeType

import jinja2
import platformdirs
from jinja2.bccache import Bucket, FileSystemBytecodeCache

COMPILE_SETTINGS = (
    *("block_start_string", "block_end_string", "variable_start_string", "variable_end_string"),
    *("comment_start_string", "comment_end_string", "line_statement_prefix"),
    *("line_comment_prefix", "trim_blocks", "lstrip_blocks", "newline_sequence"),
    *("keep_trailing_newline", "optimized", "autoescape", "finalize", "is_async"),
)
"""What an environment's compiled code depends on, besides the template and extensions."""


def user_folder() -> Path:
    """Where compiled templates are kept: the user's cache folder for this package
    (``~/.cache/mkdocs-journeys/templates`` on Linux, or under ``$XDG_CACHE_HOME``)."""
    return platformdirs.user_cache_path("mkdocs-journeys") / "templates"


class TemplateCode(jinja2.BytecodeCache):
    """Compiled templates of one template environment at a time, in memory and on disk,
    each under a hash of its name, file and source (as any Jinja bytecode cache); when the
    environment's settings differ, under others."""

    def __init__(self) -> None:
        self.code: dict[tuple[str, str], CodeType] = {}
        self.settings = ""
        self.files: FileSystemBytecodeCache | None = None

    def attach(self, environment: jinja2.Environment, folder: Path | None) -> None:
        """Compile ``environment``'s templates through this cache; keep them in ``folder``
        too (None: in memory only)."""
        settings = repr(
            [jinja2.__version__, sys.version, sorted(environment.extensions), str(folder)]
            + [getattr(environment, name, None) for name in COMPILE_SETTINGS]
        )
        if settings != self.settings:
            self.code.clear()
            self.settings = settings
            digest = hashlib.sha256(settings.encode()).hexdigest()[:16]
            self.files = None if folder is None else _files(folder, digest)
        environment.bytecode_cache = self

    def load_bytecode(self, bucket: Bucket) -> None:
        found = self.code.get((bucket.key, bucket.checksum))
        if found is not None:
            bucket.code = found
        elif self.files is not None:
            try:
                self.files.load_bytecode(bucket)  # kept only if source and Python match
            except Exception:  # noqa: BLE001 (a file cut short or unreadable: compiled again)
                bucket.reset()
            if bucket.code is not None:
                self.code[(bucket.key, bucket.checksum)] = bucket.code

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is None:
            return
        self.code[(bucket.key, bucket.checksum)] = bucket.code
        if self.files is not None:
            with contextlib.suppress(OSError):  # a full or read-only disk: kept in memory
                self.files.dump_bytecode(bucket)


def _files(folder: Path, digest: str) -> FileSystemBytecodeCache | None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # a folder it cannot make: compiled in memory only
    return FileSystemBytecodeCache(str(folder), f"{digest}-%s.cache")
