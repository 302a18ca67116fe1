"""Load a content folder into a :class:`Study`: every file read, validated, and every
problem reported.

This is the core's entry point; the MkDocs plugin and the ``journeys`` command both call
:func:`load_study`. It never writes anything and never raises for bad content.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple, Protocol, TypeVar

from pydantic import ValidationError

from journeys.content import rules
from journeys.content.diagnostics import (
    Diagnostic,
    Location,
    Severity,
    sorted_diagnostics,
)
from journeys.content.field_messages import (
    printable,
    shown_field,
    unknown_fields,
    validation_problems,
)
from journeys.content.frontmatter import Document, FrontMatterError, read_document
from journeys.content.images import add_persona_images
from journeys.content.model import (
    RECORD_FOLDERS,
    Interview,
    Journey,
    Persona,
    Record,
    Source,
    Theme,
)
from journeys.content.study import Study
from journeys.content.themes import check_themes

RecordT = TypeVar("RecordT", bound=Record)


class ContentFile(NamedTuple):
    parts: tuple[str, ...]
    """The path below the kind's folder, e.g. ``("2026-02", "eva-03.md")``."""
    path: str

    @property
    def stem(self) -> str:
        """The file name without ``.md``."""
        return self.parts[-1][: -len(".md")]


def content_files(content_dir: Path, kind: str) -> list[ContentFile]:
    """The Markdown files of one kind, in a stable order. Only interviews may be in sub-folders."""
    found: list[ContentFile] = []
    _markdown_files(str(content_dir / kind), (), recursive=kind == "interviews", found=found)
    return sorted(found)  # by path parts, as pathlib sorts (``a/b.md`` before ``a-b/c.md``)


def _markdown_files(
    folder: str, parts: tuple[str, ...], recursive: bool, found: list[ContentFile]
) -> None:
    # os.scandir, not Path.glob: a folder of 10,000 interviews is listed in a third of the
    # time. Like glob, it does not follow links to folders and skips unreadable folders.
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.endswith(".md") and entry.is_file():
                    found.append(ContentFile((*parts, entry.name), entry.path))
                elif recursive and entry.is_dir(follow_symlinks=False):
                    _markdown_files(entry.path, (*parts, entry.name), recursive, found)
    except OSError:
        return


class DocumentReader(Protocol):
    """Reads front matter from a file's bytes, perhaps from a cache
    (``building.frontmatter_cache``)."""

    def read(self, raw: bytes) -> Document: ...

    def read_ahead(self, paths: Iterable[str]) -> dict[str, bytes]: ...


class RecordLoader(Protocol):
    """Loads one file's record as :func:`load_record` does (perhaps keeping what it loaded
    before)."""

    def __call__(
        self,
        raw: bytes,
        model: type[RecordT],
        display: str,
        stem: str,
        read: Callable[[bytes], Document],
    ) -> tuple[RecordT | Invalid | None, list[Diagnostic]]: ...


RecordCheck = Callable[[Sequence[Record]], list[Diagnostic]]
"""A further check of the valid records, e.g. ``privacy.contacts.checker(...)``."""


def load_study(
    content_dir: Path,
    display_root: Path | None = None,
    reader: DocumentReader | None = None,
    checks: Iterable[RecordCheck] = (),
    docs_dir: Path | None = None,
    load: RecordLoader | None = None,
) -> Study:
    """Read and check every file under ``content_dir``.

    ``display_root`` is where paths in messages are relative to (default: the current
    directory, so they can be clicked). Files are read through ``reader`` when given (a
    cache; the caller saves it), their records loaded by ``load`` (default
    :func:`load_record`). ``checks`` run over the valid records after the content rules.
    A persona's picture must be a file in ``docs_dir``; without one, that is not checked.
    """
    read = reader.read if reader is not None else read_document
    root = display_root or Path.cwd()
    study = Study()
    if not content_dir.is_dir():
        study.diagnostics.append(
            Diagnostic(
                _display(content_dir, root), 1, Severity.ERROR, "the content folder does not exist"
            )
        )
        return study
    files = {kind: content_files(content_dir, kind) for kind in RECORD_FOLDERS}
    paths = (file.path for kind_files in files.values() for file in kind_files)
    opened = {} if reader is None else reader.read_ahead(paths)

    def load_kind(kind: str, model: type[RecordT]) -> list[RecordT | Invalid]:
        folder = _display(content_dir / kind, root)
        return _load_kind(files[kind], folder, model, study, read, opened, load or load_record)

    personas = load_kind("personas", Persona)
    journeys = load_kind("journeys", Journey)
    interviews = load_kind("interviews", Interview)
    study.personas = {p.slug: p for p in personas if isinstance(p, Persona)}
    add_persona_images(study, docs_dir, _display(docs_dir or Path("docs"), root))
    valid_journeys = [j for j in journeys if isinstance(j, Journey)]
    study.journeys = {j.slug: j for j in valid_journeys}
    study.themes = {t.slug: t for t in load_kind("themes", Theme) if isinstance(t, Theme)}
    # Files that failed validation still count as existing for references, so one typo
    # does not cascade into "names no file" errors elsewhere.
    slugs = {kind: {file.stem for file in found} for kind, found in files.items()}
    references = [rules.InterviewReferences.of(record) for record in interviews]
    study.diagnostics.extend(rules.check_journeys(valid_journeys))
    study.diagnostics.extend(
        rules.check_interviews(references, slugs["personas"], study.journeys, slugs["journeys"])
    )
    study.diagnostics.extend(
        check_themes(study.themes.values(), slugs["themes"], interviews, valid_journeys)
    )
    study.interviews = _publishable(interviews, study)
    study.diagnostics.extend(rules.check_opportunities(valid_journeys, references))
    valid = [*study.personas.values(), *valid_journeys, *study.interviews, *study.themes.values()]
    for check in checks:
        study.diagnostics.extend(check(valid))
    study.diagnostics = sorted_diagnostics(study.diagnostics)
    return study


def _publishable(interviews: Iterable[Interview | Invalid], study: Study) -> list[Interview]:
    """Only interviews without errors, of valid personas and journeys, are published, by
    date then id: `mkdocs serve` keeps serving while content has errors, and must not show
    wrong figures."""
    failing = {d.path for d in study.diagnostics if d.severity is Severity.ERROR}
    return sorted(
        (
            i
            for i in interviews
            if isinstance(i, Interview)
            and i.source.path not in failing
            and i.persona in study.personas
            and i.journey in study.journeys
        ),
        key=lambda i: (i.date, i.key),
    )


def _load_kind(
    files: list[ContentFile],
    folder_display: str,
    model: type[RecordT],
    study: Study,
    read: Callable[[bytes], Document],
    opened: dict[str, bytes],
    load: RecordLoader,
) -> list[RecordT | Invalid]:
    """Load ``files``; those in ``opened`` (bytes by path) are not opened again."""
    records: list[RecordT | Invalid] = []
    for file in files:
        study.file_count += 1
        display = f"{folder_display}/{'/'.join(printable(part) for part in file.parts)}"
        raw = opened.pop(file.path, None)
        if raw is None:
            try:
                with open(file.path, "rb") as handle:
                    raw = handle.read()
            except OSError as error:
                reason = error.strerror or str(error)
                study.diagnostics.append(
                    Diagnostic(
                        display,
                        1,
                        Severity.ERROR,
                        f"the file cannot be opened ({reason}): check that you may read it",
                    )
                )
                continue
        record, problems = load(raw, model, display, file.stem, read)
        study.diagnostics.extend(problems)
        if record is not None:
            records.append(record)
    if model is not Interview:
        misnamed = rules.check_slugs([record.source for record in records], kind_folder(model))
        study.diagnostics.extend(misnamed)
        # Its pages would be written under a name that is not valid or not its own.
        failing = {problem.path for problem in misnamed}
        records = [record for record in records if record.source.path not in failing]
    return records


def kind_folder(model: type[Record]) -> str:
    """The content sub-folder of ``model``'s files (``personas`` for Persona)."""
    return next(folder for folder, kind in RECORD_FOLDERS.items() if kind is model)


@dataclass(frozen=True)
class Invalid:
    """A file whose front matter did not validate: its raw data, for the cross-file checks."""

    data: dict[str, Any]
    source: Source


def load_record(
    raw: bytes,
    model: type[RecordT],
    display: str,
    stem: str,
    read: Callable[[bytes], Document] = read_document,
) -> tuple[RecordT | Invalid | None, list[Diagnostic]]:
    """One file's record (``Invalid`` when its fields have errors, None when unreadable)
    and its problems."""
    try:
        document = read(raw)
    except FrontMatterError as error:
        return None, [Diagnostic(display, error.line, Severity.ERROR, error.message)]
    problems = [
        _repeated_key(display, location, line, first)
        for location, line, first in document.duplicate_keys
    ]
    problems.extend(unknown_fields(document.data, model, (), document, display))
    source = Source(
        display, stem, document.body, document.body_line, document.lines, document.contact_free
    )
    try:
        record = model.model_validate(document.data)
    except ValidationError as error:
        problems.extend(validation_problems(error, document, display))
        problems.extend(_unusable_numbers(document, display, problems))
        return Invalid(document.data, source), problems
    if document.unusable_numbers:  # valid to the model (an attribute, a text) but not to publish
        problems.extend(_unusable_numbers(document, display, problems))
        return Invalid(document.data, source), problems
    record.attach(source)
    return record, problems


def _unusable_numbers(
    document: Document, display: str, reported: list[Diagnostic]
) -> list[Diagnostic]:
    """An error for each ``.nan`` or ``.inf`` whose field has no error yet (a grade's own
    message says it is not a grade): no page, chart or JSON export can hold one."""
    # By line too: two keys a message does not repeat are shown alike (`attributes.…`).
    fields = {
        (problem.field, problem.line) for problem in reported if problem.severity is Severity.ERROR
    }
    return [
        Diagnostic(
            display,
            line,
            Severity.ERROR,
            "not a number that can be used (`.nan`, `.inf`, or too large): "
            "write a number, or put the value in quotes if it is text",
            shown_field(location),
        )
        for location, line in document.unusable_numbers
        if (shown_field(location), line) not in fields
    ]


REPEAT_IS_ERROR = ("consent", "participant", "id")
"""Keys whose value decides what is published or under which name: given twice, which
one was meant cannot be known, so neither is taken."""


def _repeated_key(display: str, location: Location, line: int, first: int) -> Diagnostic:
    key = location[-1]
    if key in REPEAT_IS_ERROR:
        return Diagnostic(
            display,
            line,
            Severity.ERROR,
            f"`{key}` is given twice (first on line {first}): which value counts decides what is "
            "published, so the file is left out until one of the two lines is deleted",
            shown_field(location),
        )
    return Diagnostic(
        display,
        line,
        Severity.WARNING,
        "is given twice; the last value is used",
        shown_field(location),
    )


def _display(path: Path, root: Path) -> str:
    try:
        return Path(os.path.relpath(path, root)).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()
