"""Load a content folder into a :class:`Study`: every file read, validated, and every
problem reported.

This is the core's entry point; the MkDocs plugin and the ``journeys`` command both call
:func:`load_study`. It never writes anything and never raises for bad content.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple, Protocol, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from journeys.content import rules
from journeys.content.diagnostics import (
    SIMILAR,
    Diagnostic,
    Location,
    Severity,
    describe_value,
    format_field,
    one_of,
    similarity,
    sorted_diagnostics,
)
from journeys.content.frontmatter import Document, FrontMatterError, read_document
from journeys.content.model import (
    KINDS,
    Interview,
    Journey,
    Participant,
    Persona,
    Record,
    Source,
    nested_fields,
)
from journeys.content.study import Study

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
    """The Markdown files of one kind, in a stable order. Personas and journeys are flat."""
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


RecordCheck = Callable[[Sequence[Record]], list[Diagnostic]]
"""A further check of the valid records, e.g. ``privacy.contacts.checker(...)``."""


def load_study(
    content_dir: Path,
    display_root: Path | None = None,
    reader: DocumentReader | None = None,
    checks: Iterable[RecordCheck] = (),
) -> Study:
    """Read and check every file under ``content_dir``.

    ``display_root`` is where paths in messages are relative to (default: the current
    directory), so they can be clicked in a terminal or editor. Files are read through
    ``reader`` when given (a cache; the caller saves it). ``checks`` run over the valid records
    (personas, journeys, interviews) after the content rules.
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
    files = {
        kind: content_files(content_dir, kind) for kind in ("personas", "journeys", "interviews")
    }
    opened = (
        {}
        if reader is None
        else reader.read_ahead(file.path for kind_files in files.values() for file in kind_files)
    )

    def load_kind(kind: str, model: type[RecordT]) -> list[RecordT | Invalid]:
        return _load_kind(
            files[kind], _display(content_dir / kind, root), model, study, read, opened
        )

    personas = load_kind("personas", Persona)
    journeys = load_kind("journeys", Journey)
    interviews = load_kind("interviews", Interview)
    valid_journeys = [j for j in journeys if isinstance(j, Journey)]
    study.personas = {p.slug: p for p in personas if isinstance(p, Persona)}
    study.journeys = {j.slug: j for j in valid_journeys}
    # Files that failed validation still count as existing for references, so one typo
    # does not cascade into "names no file" errors elsewhere.
    persona_slugs = {file.stem for file in files["personas"]}
    references = [rules.InterviewReferences.of(record) for record in interviews]
    study.diagnostics.extend(rules.check_journeys(valid_journeys))
    journey_slugs = {file.stem for file in files["journeys"]}
    study.diagnostics.extend(
        rules.check_interviews(references, persona_slugs, study.journeys, journey_slugs)
    )
    study.interviews = _publishable(interviews, study)
    study.diagnostics.extend(rules.check_opportunities(valid_journeys, references))
    valid: list[Record] = [*study.personas.values(), *valid_journeys, *study.interviews]
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
        record, problems = load_record(raw, model, display, file.stem, read)
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
    return next(folder for folder, kind in KINDS.items() if kind is model)


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
        problems.extend(_validation_problems(error, document, display))
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
    fields = {problem.field for problem in reported if problem.severity is Severity.ERROR}
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
        if shown_field(location) not in fields
    ]


def printable(text: str) -> str:
    """``text`` with what would break a message's line (a line break, a control or
    direction character) written as an escape, ``\\n``."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else ascii(char)[1:-1] for char in text)


MAX_SHOWN_KEY = 60


def shown_field(location: Location) -> str:
    """The field as a message shows it, between backticks: keys printable, without
    backticks, and cut short, so the message stays one readable line."""
    return format_field(
        tuple(_shown_key(part) if isinstance(part, str) else part for part in location)
    )


def _shown_key(key: str) -> str:
    cut = "…" if len(key) > MAX_SHOWN_KEY else ""
    return printable(key[:MAX_SHOWN_KEY]).replace("`", "'") + cut


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


# --- turning pydantic's errors into messages for researchers --------------------------------

_EXPECTED = {
    "string_type": "text",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list (lines starting with `- `)",
    "dict_type": "fields (`name: value` lines)",
    "model_type": "fields (`name: value` lines)",
    "model_attributes_type": "fields (`name: value` lines)",
    "int_type": "a whole number",
    "float_type": "a number",
}


def _validation_problems(
    error: ValidationError, document: Document, display: str
) -> list[Diagnostic]:
    problems: dict[tuple[Location, str], Diagnostic] = {}
    for detail in error.errors(include_url=False):
        location = _data_location(detail["loc"], document.data)
        message = _message(detail)
        problems.setdefault(
            (location, message),
            Diagnostic(
                display,
                document.lines.line_of(location),
                Severity.ERROR,
                message,
                shown_field(location),
            ),
        )
    return list(problems.values())


def _data_location(loc: tuple[Any, ...], data: Any) -> Location:
    """Pydantic's location, cut to the part that exists in the data (unions add type names)."""
    location: list[str | int] = []
    node = data
    for part in loc:
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and part < len(node)
        ):
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str):
            location.append(part)  # a missing required field: keep it so the message names it
            break
        else:
            break
        location.append(part)
    return tuple(location)


def _message(detail: ErrorDetails) -> str:
    kind = detail["type"]
    got = describe_value(detail.get("input"))
    if kind == "missing":
        return "required field is missing"
    if kind in _EXPECTED:
        return f"expected {_EXPECTED[kind]}, got {got}"
    if kind == "too_short":
        return "needs at least one item"
    return str(detail["msg"])


# --- unknown fields ---------------------------------------------------------------------------


def unknown_fields(
    data: object, model: type[BaseModel], location: Location, document: Document, display: str
) -> Iterator[Diagnostic]:
    """A warning for each field ``model`` does not know, with the closest known one.

    Works on the raw front matter, so a file with errors still gets these warnings.
    """
    if not isinstance(data, dict) or model is Participant:
        return  # the private block may hold any field; all of it stays private
    fields = nested_fields(model)
    # Commonly every field is known: then only the fields holding nested models are walked.
    names = _with_models(model) if data.keys() <= fields.keys() else data
    for name in names:
        if name not in data:
            continue
        value = data[name]
        field_location = (*location, name)
        if name not in fields:
            suggestion = _suggestion(str(name), model) or f" (known fields: {one_of(list(fields))})"
            yield Diagnostic(
                display,
                document.lines.line_of(field_location),
                Severity.WARNING,
                f"unknown field, it is ignored{suggestion}",
                shown_field(field_location),
            )
            continue
        submodel, is_list = fields[name]
        if submodel is None:
            continue
        if is_list and isinstance(value, list):
            for index, item in enumerate(value):
                yield from unknown_fields(
                    item, submodel, (*field_location, index), document, display
                )
        elif not is_list:
            yield from unknown_fields(value, submodel, field_location, document, display)


@functools.cache
def _with_models(model: type[BaseModel]) -> tuple[str, ...]:
    return tuple(
        name for name, (submodel, _) in nested_fields(model).items() if submodel is not None
    )


OWN_LEVEL_BONUS = 0.1


def _suggestion(name: str, model: type[BaseModel]) -> str:
    """The most similar field of ``model`` or of a model nested in it: ``qoute`` at the top
    of an interview suggests `quote`, which belongs in each step, not `outcome`."""
    # A field at its own level is the likelier intent unless a deeper one is clearly
    # closer: a journey's `stage:` suggests `stages`; an interview's `qoute:` suggests `quote`.
    candidates: list[tuple[float, str, str]] = [
        (similarity(name, field_name) + OWN_LEVEL_BONUS, field_name, "")
        for field_name in model.model_fields
    ]
    for field_name, (submodel, is_list) in nested_fields(model).items():
        if submodel is None or submodel is Participant:
            continue
        where = (
            f" it belongs in each item of `{field_name}`"
            if is_list
            else f" it belongs in `{field_name}`"
        )
        candidates += [(similarity(name, inner), inner, where) for inner in submodel.model_fields]
    score, best, where = max(candidates, key=lambda candidate: candidate[0])
    if score - (OWN_LEVEL_BONUS if not where else 0) < SIMILAR:
        return ""
    return f" (did you mean `{best}`?{where})" if where else f" (did you mean `{best}`?)"
