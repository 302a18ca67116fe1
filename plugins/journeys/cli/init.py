"""``journeys init``: a new research repository, ready to commit.

The starter files live in ``journeys/cli/templates/``. A path part starting with ``dot-``
is written with a leading ``.`` instead (``dot-github/`` becomes ``.github/``): files
whose names start with a dot are easily left out of a Python package. ``__SITE_NAME__``
in a few files becomes the site's name; ``__REQUIREMENT__`` in ``requirements.txt`` becomes
the line that installs this journeys on the workflow's machine (:func:`workflow_requirement`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path, PurePosixPath
from typing import Any

from journeys.cli.scaffold import ScaffoldError, scalar

TEMPLATE_DIR = Path(__file__).parent / "templates"
SITE_NAME = "__SITE_NAME__"
REQUIREMENT = "__REQUIREMENT__"
PROJECT = "mkdocs-journeys"
"""The distribution's name (pyproject.toml), as requirements name it."""
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


@dataclass(frozen=True)
class InstalledRequirement:
    """The line of requirements.txt that installs the journeys running now, as it was installed."""

    line: str
    url: str | None = None
    """Where it was installed from (PEP 610); None for a package index."""
    from_folder: bool = False
    """Installed from a folder (an editable checkout, ``pip install .``): nothing pins the code
    in it, and the folder is on this machine only."""


def installed_requirement(
    distribution: metadata.Distribution | None = None,
) -> InstalledRequirement:
    """How the journeys that runs now was installed (PEP 610's ``direct_url.json``): from a
    package index (no such file), its exact version; from a git URL, that URL at its commit;
    from an archive's URL, that URL (with its hash); from a folder, that folder."""
    distribution = distribution or metadata.distribution(PROJECT)
    text = distribution.read_text("direct_url.json")
    if text is None:
        return InstalledRequirement(f"{PROJECT}=={distribution.version}")
    return requirement_from_direct_url(json.loads(text))


def requirement_from_direct_url(origin: dict[str, Any]) -> InstalledRequirement:
    """The requirement that installs again what ``direct_url.json`` (PEP 610) describes."""
    url = str(origin["url"])
    fragments = [f"subdirectory={origin['subdirectory']}"] if origin.get("subdirectory") else []
    if "vcs_info" in origin:
        vcs = origin["vcs_info"]
        location, from_folder = f"{vcs['vcs']}+{url}@{vcs['commit_id']}", False
    elif "archive_info" in origin:
        sha256 = _sha256(origin["archive_info"])
        fragments[:0] = [f"sha256={sha256}"] if sha256 else []
        location, from_folder = url, False
    else:  # dir_info
        location, from_folder = url, True
    fragment = "#" + "&".join(fragments) if fragments else ""
    return InstalledRequirement(f"{PROJECT} @ {location}{fragment}", url, from_folder)


def _sha256(archive_info: dict[str, Any]) -> str | None:
    hashes = archive_info.get("hashes") or {}
    if "sha256" in hashes:
        return str(hashes["sha256"])
    algorithm, _, value = str(archive_info.get("hash") or "").partition("=")  # before `hashes`
    return value if algorithm == "sha256" and value else None


def workflow_requirement(given: str | None = None) -> str:
    """The line of requirements.txt: ``given`` (``--requirement``), or else the journeys
    that runs now, as installed; refused when that is a folder on this machine."""
    if given is not None:
        if not given.strip() or "\n" in given or "\r" in given:
            raise InitError(
                "--requirement takes one line of requirements.txt, such as "
                f'"{PROJECT}==0.1.0"; nothing was written'
            )
        return given.strip()
    try:
        installed = installed_requirement()
    except metadata.PackageNotFoundError:
        raise _not_installable("a source folder, not installed") from None
    if installed.from_folder:
        raise _not_installable(f"the folder {installed.url}")
    return installed.line


def _not_installable(source: str) -> InitError:
    return InitError(
        f"requirements.txt cannot name this journeys: it runs from {source}, which the "
        "workflow's machine does not have, and no version or commit pins its code; "
        "nothing was written. Say what the workflow should install with --requirement, "
        f'for example --requirement "{PROJECT} @ '
        'git+https://github.com/<owner>/<repository>.git@v0.1.0"'
    )


def starter_files(site_name: str, requirement: str) -> list[StarterFile]:
    """Every file of a new research repository, in a stable order; ``requirement`` is the
    line of requirements.txt that installs journeys."""
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
        files.append(StarterFile(target, text.replace(REQUIREMENT, requirement)))
    return files


def _undot(part: str) -> str:
    return "." + part[len(DOT_PREFIX) :] if part.startswith(DOT_PREFIX) else part


def default_site_name(directory: Path) -> str:
    """``my-research`` -> ``My research``."""
    words = directory.resolve().name.replace("-", " ").replace("_", " ").split()
    text = " ".join(words) or "Research"
    return text[:1].upper() + text[1:]


def create_repository(
    directory: Path,
    force: bool = False,
    site_name: str | None = None,
    requirement: str | None = None,
) -> list[Path]:
    """Write the starter files into ``directory``; return what was written.

    A folder that exists and is not empty is refused (nothing is written) unless
    ``force``: then files of the same name are overwritten and all others are left alone.
    ``requirement`` (see :func:`workflow_requirement`) is what requirements.txt installs;
    by default the journeys that runs now, as installed, even from a folder.
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
    files = starter_files(
        site_name or default_site_name(directory), requirement or installed_requirement().line
    )
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
