"""``journeys init``: a new research repository, ready to commit.

The starter files live in ``journeys/cli/templates/``. A path part starting with ``dot-``
is written with a leading ``.`` instead (``dot-github/`` becomes ``.github/``): files
whose names start with a dot are easily left out of a Python package. ``__SITE_NAME__``
in a few files becomes the site's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from journeys.cli.scaffold import ScaffoldError, scalar

TEMPLATE_DIR = Path(__file__).parent / "templates"
SITE_NAME = "__SITE_NAME__"
DOT_PREFIX = "dot-"
IGNORED_WHEN_EMPTY = {".git"}
"""A folder holding only these counts as empty (``git init``, a clone of an empty repository)."""


class InitError(ScaffoldError):
    """The folder cannot be set up; nothing was written. The message says why."""


@dataclass(frozen=True)
class StarterFile:
    path: PurePosixPath
    """Where it goes, relative to the new repository."""
    text: str


def starter_files(site_name: str) -> list[StarterFile]:
    """Every file of a new research repository, in a stable order."""
    files = []
    for source in sorted(TEMPLATE_DIR.rglob("*")):
        if not source.is_file() or "__pycache__" in source.parts:
            continue
        relative = source.relative_to(TEMPLATE_DIR)
        target = PurePosixPath(*(_undot(part) for part in relative.parts))
        text = source.read_text(encoding="utf-8")
        if SITE_NAME in text:
            # mkdocs.yml needs a YAML value that reads back as the name; Markdown takes it as is.
            text = text.replace(
                SITE_NAME, scalar(site_name) if target.suffix == ".yml" else site_name
            )
        files.append(StarterFile(target, text))
    return files


def _undot(part: str) -> str:
    return "." + part[len(DOT_PREFIX) :] if part.startswith(DOT_PREFIX) else part


def default_site_name(directory: Path) -> str:
    """``my-research`` -> ``My research``."""
    words = directory.resolve().name.replace("-", " ").replace("_", " ").split()
    text = " ".join(words) or "Research"
    return text[:1].upper() + text[1:]


def create_repository(
    directory: Path, force: bool = False, site_name: str | None = None
) -> list[Path]:
    """Write the starter files into ``directory``; return what was written.

    A folder that exists and is not empty is refused (nothing is written) unless
    ``force``: then files of the same name are overwritten and all others are left alone.
    """
    if directory.exists() and not directory.is_dir():
        raise InitError(f"{directory.as_posix()} is a file, not a folder; nothing was written")
    if directory.is_dir() and not force:
        present = sorted(p.name for p in directory.iterdir() if p.name not in IGNORED_WHEN_EMPTY)
        if present:
            listed = ", ".join(present[:5]) + (", …" if len(present) > 5 else "")
            raise InitError(
                f"{directory.as_posix()} is not empty ({listed}); nothing was written. "
                "Choose a new or empty folder, or add --force to write the starter files "
                "into it (files of the same name are overwritten, others are kept)"
            )
    files = starter_files(site_name or default_site_name(directory))
    written = []
    for starter in files:
        path = directory.joinpath(*starter.path.parts)
        if path.is_dir():
            raise InitError(f"{path.as_posix()} is a folder; it was not overwritten")
        written.append(path)
    for starter, path in zip(files, written):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(starter.text, encoding="utf-8", newline="\n")
    return written
