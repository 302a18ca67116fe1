"""Persona pictures: files in docs_dir, which MkDocs publishes itself.

A persona's ``image`` is a path relative to docs_dir (the content contract). The plugin
does not copy it: the persona's page and the home page link to it. So it must name a file
inside docs_dir, of a kind a browser shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from journeys.content.diagnostics import Diagnostic, Severity, one_of
from journeys.content.model import Persona
from journeys.content.study import Study

IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg")
"""The picture files a persona may have: what every browser shows."""


def add_persona_images(study: Study, docs_dir: Path | None, shown_docs_dir: str) -> None:
    """Give the study each persona's picture (:attr:`Study.persona_images`), and an error at
    the ``image`` line of each picture that cannot be shown (its persona shows none).
    Without ``docs_dir`` (no site), whether the file exists is not checked; messages name
    it as ``shown_docs_dir``."""
    study.persona_images, problems = persona_images(
        study.personas.values(), docs_dir, shown_docs_dir
    )
    study.diagnostics.extend(problems)


def persona_images(
    personas: Iterable[Persona], docs_dir: Path | None, shown_docs_dir: str
) -> tuple[dict[str, str], list[Diagnostic]]:
    """Each persona's picture by slug (its path in docs_dir, posix: its src_uri), and an
    error for each that cannot be shown."""
    found: dict[str, str] = {}
    problems: list[Diagnostic] = []
    for persona in personas:
        if persona.image is None:
            continue
        src_uri, problem = _image_src_uri(persona.image, docs_dir, shown_docs_dir)
        if src_uri is not None:
            found[persona.slug] = src_uri
            continue
        problems.append(
            Diagnostic(
                persona.source.path,
                persona.source.line_of("image"),
                Severity.ERROR,
                f"{_shown(persona.image)} {problem}",
                "image",
            )
        )
    return found, problems


def _shown(path: str) -> str:
    """The path as written (a persona's picture is no participant's words), in backticks."""
    return "`" + " ".join(path.replace("`", "'").split()) + "`"


def _image_src_uri(
    written: str, docs_dir: Path | None, shown_docs_dir: str
) -> tuple[str | None, str]:
    """The path in docs_dir that ``written`` names, or why it is not a picture to show."""
    relative = PurePosixPath(written.replace("\\", "/"))
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        return None, (
            "must be a path inside docs_dir, relative to it (e.g. `images/personas/eva.svg`)"
        )
    if relative.suffix.lower() not in IMAGE_TYPES:
        return None, f"is not a picture a browser shows: use {one_of(list(IMAGE_TYPES))}"
    if docs_dir is not None and not docs_dir.joinpath(*relative.parts).is_file():
        return None, (
            f"is no file: put the picture in {shown_docs_dir}/{relative.as_posix()}, or "
            f"correct the path: it is relative to docs_dir (`{shown_docs_dir}/`)"
        )
    return relative.as_posix(), ""
