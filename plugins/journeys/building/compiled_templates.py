"""Compiled templates, kept between builds: Jinja compiles every template a build uses (the
theme's and the generated pages'), about a second of a small site's two, half of it the
generated pages'.

What Jinja compiles depends on the template's source, name and file, the environment's
settings (:data:`COMPILE_SETTINGS`, its extensions), Jinja's version and Python's, which
filters and tests it has (how each is called), and what a filter or test gives for constant
arguments: Jinja runs those as it compiles (``{{ "a" | upper }}`` is compiled as ``A``).

:class:`TemplateCode` keeps each compiled template in memory (for ``mkdocs serve``, which
makes new template environments at every rebuild) and, unless the cache is turned off, on
disk in the user's cache folder (:func:`user_folder`), under a digest of all of the above
but the source: Jinja's own file cache checks the source (by its checksum) and Python's
version before it uses a file, so an edited template compiles again. On disk only for
environments whose filters and tests give the same on every site: Jinja's and Python's own
(their versions are in the digest), this plugin's (what they depend on is in the digest:
their code, and the labels of the site's language they are methods of), and those that need
the template's context (never run as Jinja compiles). The folder is shared by every site
built on the machine; it holds compiled templates and nothing of a study.

The digest is worked out from the environment as it is when each template is loaded, not
when the cache is attached: MkDocs, other plugins and hooks change the theme's environment
after the plugin sees it (a hook's ``on_env`` adds its filters later).
"""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from types import CodeType

import jinja2
import platformdirs
from jinja2.bccache import Bucket, FileSystemBytecodeCache
from jinja2.utils import _PassArg

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
    each under a hash of its name, file and source (as any Jinja bytecode cache), and of
    the environment as it is when the template is loaded (a hook may add a filter after
    :meth:`attach`); when that differs, under others."""

    def __init__(self) -> None:
        self.code: dict[tuple[str, str], CodeType] = {}
        self.settings = ""
        self.folder: Path | None = None
        self.files: FileSystemBytecodeCache | None = None

    def attach(self, environment: jinja2.Environment, folder: Path | None) -> None:
        """Compile ``environment``'s templates through this cache; keep them in ``folder``
        too (None: in memory only)."""
        self.folder = folder
        environment.bytecode_cache = self

    def _files_for(self, environment: jinja2.Environment) -> FileSystemBytecodeCache | None:
        """Where the environment's templates are on disk as it is now (None: in memory
        only: no folder, or a filter, test or extension that could make another site's
        code); a changed environment forgets those in memory."""
        kind = type(environment)
        settings = repr(
            [jinja2.__version__, sys.version, str(self.folder)]
            + [f"{kind.__module__}.{kind.__qualname__}", sorted(environment.extensions)]
            + [getattr(environment, "newstyle_gettext", None)]  # how i18n compiles
            + [_stable(getattr(environment, name, None)) for name in COMPILE_SETTINGS]
            + [sorted((key, _stable(value)) for key, value in environment.policies.items())]
            + [_identities(environment.filters), _identities(environment.tests)]
        )
        if settings != self.settings:
            self.code.clear()
            self.settings = settings
            digest = hashlib.sha256(settings.encode()).hexdigest()[:16]
            on_disk = self.folder is not None and not not_kept_on_disk(environment)
            self.files = _files(self.folder, digest) if on_disk and self.folder else None
        return self.files

    def load_bytecode(self, bucket: Bucket) -> None:
        files = self._files_for(bucket.environment)
        found = self.code.get((bucket.key, bucket.checksum))
        if found is not None:
            bucket.code = found
        elif files is not None:
            try:
                files.load_bytecode(bucket)  # kept only if source and Python match
            except Exception:  # noqa: BLE001 (a file cut short or unreadable: compiled again)
                bucket.reset()
            if bucket.code is not None:
                self.code[(bucket.key, bucket.checksum)] = bucket.code

    def dump_bytecode(self, bucket: Bucket) -> None:
        files = self._files_for(bucket.environment)
        if bucket.code is None:
            return
        self.code[(bucket.key, bucket.checksum)] = bucket.code
        if files is not None:
            with contextlib.suppress(OSError):  # a full or read-only disk: kept in memory
                files.dump_bytecode(bucket)


KNOWN_EXTENSIONS = ("jinja2.ext.InternationalizationExtension",)
"""Extensions whose every option is in the digest: i18n (new-style gettext, the ``trimmed``
policy); MkDocs adds it to the theme's environment."""

SAME_EVERYWHERE = ("jinja2", "markupsafe", "builtins", "_operator", "journeys")
"""The packages whose filters and tests give the same for the same arguments on any site."""


def not_kept_on_disk(environment: jinja2.Environment) -> list[str]:
    """Why ``environment``'s compiled templates may differ from those of another with the
    same digest: an extension other than :data:`KNOWN_EXTENSIONS` (each compiles by options
    of its own), or the filters and tests (and the ``finalize`` function) that Jinja may
    run as it compiles and that may give another result elsewhere: of other packages than
    :data:`SAME_EVERYWHERE`, or methods of data (a dictionary's ``get``), unless they need
    the template's context."""
    others = [name for name in environment.extensions if name not in KNOWN_EXTENSIONS]
    if others:
        return sorted(others)
    finalize = {"finalize": environment.finalize} if environment.finalize else {}
    return [
        name
        for table in (environment.filters, environment.tests, finalize)
        for name, function in table.items()
        if _pass_arg(function) is not _PassArg.context and not _same_everywhere(function)
    ]


def _same_everywhere(function: object) -> bool:
    if _is_ours(function):
        return True  # its identity holds its code and what it is a method of
    bound = getattr(function, "__self__", None)
    package = _module(function).partition(".")[0]
    return package in SAME_EVERYWHERE and (bound is None or inspect.ismodule(bound))


def _stable(value: object) -> object:
    """A setting as text that is the same in every process (a function by its name)."""
    return _identity(value) if callable(value) else repr(value)


def _identities(table: Mapping[str, object]) -> list[tuple[str, ...]]:
    return sorted((name, *_identity(function)) for name, function in table.items())


def _identity(function: object) -> tuple[str, ...]:
    """How the compiled code calls a function: its name and kind. For this plugin's own,
    what it gives for constant arguments depends on too: its code, and the object it is a
    method of (the labels of the site's language)."""
    qualname = str(getattr(function, "__qualname__", ""))
    identity = (_module(function), qualname, str(_pass_arg(function)))
    if not _is_ours(function):
        return identity
    bound = getattr(function, "__self__", None)
    return (*identity, "" if bound is None else repr(bound), _code_stamp(function))


def _code_stamp(function: object) -> str:
    try:
        status = Path(inspect.getfile(function)).stat()  # type: ignore[arg-type]
    except (TypeError, OSError):
        return ""
    return f"{status.st_mtime_ns}:{status.st_size}"


def _pass_arg(function: object) -> object:
    """What Jinja passes a filter or test first (as ``jinja2.utils._PassArg.from_obj``)."""
    return getattr(function, "jinja_pass_arg", None)


def _module(function: object) -> str:
    return str(getattr(function, "__module__", None) or type(function).__module__)


def _is_ours(function: object) -> bool:
    return _module(function).partition(".")[0] == "journeys"


KEPT_DAYS = 30
"""A compiled template not written for this long is removed (the plugin or Python upgraded,
a template edited: the folder would only grow)."""


def _files(folder: Path, digest: str) -> FileSystemBytecodeCache | None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # a folder it cannot make: compiled in memory only
    prune(folder)
    return FileSystemBytecodeCache(str(folder), f"{digest}-%s.cache")


def prune(folder: Path, now: float | None = None) -> None:
    """Remove the compiled templates of ``folder`` not written for :data:`KEPT_DAYS` days
    (one in use is compiled again once)."""
    oldest = (time.time() if now is None else now) - KEPT_DAYS * 86_400
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.endswith(".cache") and entry.stat().st_mtime < oldest:
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
