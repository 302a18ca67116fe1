"""What a researcher reads about a field: pydantic's errors in plain words, and unknown
fields with the closest known one; fields shown as one readable line.

A key is repeated in a message only when it is a field of the format or a near miss of one
(a typo, which the message is there for). Any other key may be a participant's words: a
line of notes pasted into the front matter (``Femke Oudshoorn called back: yes``) is read
as a field. Messages go to CI logs, which may be public: such a key is not repeated, the
line number says where it is."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from journeys.content.diagnostics import (
    SIMILAR,
    Diagnostic,
    Location,
    Severity,
    closest,
    describe_value,
    format_field,
    one_of,
    similarity,
)
from journeys.content.frontmatter import Document
from journeys.content.model import RECORD_FOLDERS, Participant, field_keys, nested_fields


def printable(text: str) -> str:
    """``text`` with what would break a message's line (a line break, a control or
    direction character) written as an escape, ``\\n``."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else ascii(char)[1:-1] for char in text)


MAX_SHOWN_KEY = 60
NOT_REPEATED = "…"
"""What a message shows for a key it does not repeat (``attributes.…``)."""


def shown_field(location: Location) -> str:
    """The field as a message shows it, between backticks: keys printable, without
    backticks, and cut short, so the message stays one readable line; a key that is no
    field of the format nor a near miss of one as NOT_REPEATED (it may be a participant's
    words)."""
    return format_field(
        tuple(shown_key(part) if isinstance(part, str) else part for part in location)
    )


def shown_key(key: str) -> str:
    """A key as a message shows it (see :func:`shown_field`)."""
    return _shown_key(key) if is_field_like(key) else NOT_REPEATED


def is_field_like(key: str) -> bool:
    """Whether a message may repeat ``key``: a field of the format, or a near miss of one
    written as fields are, in lower case (``Kate:``, a speaker's name at the start of a
    pasted line, is a near miss of ``date``)."""
    if key in format_fields():
        return True
    return _FIELD_SHAPED.fullmatch(key) is not None and closest(key, format_fields()) is not None


_FIELD_SHAPED = re.compile(r"[a-z][a-z0-9_]*")


@functools.cache
def format_fields() -> frozenset[str]:
    """The name of every field of every kind of file, nested ones too, as written."""
    names: set[str] = set()
    models: list[type[BaseModel]] = list(RECORD_FOLDERS.values())
    while models:
        model = models.pop()
        names.update(field_keys(model))
        models.extend(submodel for submodel, _ in nested_fields(model).values() if submodel)
    return frozenset(names)


def _shown_key(key: str) -> str:
    cut = "…" if len(key) > MAX_SHOWN_KEY else ""
    return printable(key[:MAX_SHOWN_KEY]).replace("`", "'") + cut


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


def validation_problems(
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
    keys = field_keys(model)
    # Commonly every field is known: then only the fields holding nested models are walked.
    names = _with_models(model) if data.keys() <= keys.keys() else data
    for name in names:
        if name not in data:
            continue
        value = data[name]
        field_location = (*location, name)
        if name not in keys:
            yield _unknown_field(str(name), model, field_location, document, display)
            continue
        submodel, is_list = fields[keys[name]]
        if submodel is None:
            continue
        if is_list and isinstance(value, list):
            for index, item in enumerate(value):
                yield from unknown_fields(
                    item, submodel, (*field_location, index), document, display
                )
        elif not is_list:
            yield from unknown_fields(value, submodel, field_location, document, display)


def _unknown_field(
    name: str, model: type[BaseModel], location: Location, document: Document, display: str
) -> Diagnostic:
    """The warning for a field ``model`` does not know. Its name is repeated only when
    it is a typo of a known field, with the suggestion: any other name may be a
    participant's words (see the module's docstring)."""
    line = document.lines.line_of(location)
    suggestion = _suggestion(name, model)
    if suggestion:
        message = f"unknown field, it is ignored{suggestion}"
        return Diagnostic(display, line, Severity.WARNING, message, shown_field(location))
    return Diagnostic(
        display,
        line,
        Severity.WARNING,
        "unknown field on this line, it is ignored; its name is not repeated here, as it may "
        "be a participant's words. Fields are lower-case words (here: "
        f"{one_of(list(field_keys(model)))}), and text belongs in a field's value",
        shown_field(location[:-1]),
    )


@functools.cache
def _with_models(model: type[BaseModel]) -> tuple[str, ...]:
    fields = nested_fields(model)
    return tuple(key for key, name in field_keys(model).items() if fields[name][0] is not None)


OWN_LEVEL_BONUS = 0.1


def _suggestion(name: str, model: type[BaseModel]) -> str:
    """The most similar field of ``model`` or of a model nested in it: ``qoute`` at the top
    of an interview suggests `quote`, which belongs in each step, not `outcome`."""
    # A field at its own level is the likelier intent unless a deeper one is clearly
    # closer: a journey's `stage:` suggests `stages`; an interview's `qoute:` suggests `quote`.
    candidates: list[tuple[float, str, str]] = [
        (similarity(name, field_name) + OWN_LEVEL_BONUS, field_name, "")
        for field_name in field_keys(model)
    ]
    fields = nested_fields(model)
    for field_name, attribute in field_keys(model).items():
        submodel, is_list = fields[attribute]
        if submodel is None or submodel is Participant:
            continue
        where = (
            f" it belongs in each item of `{field_name}`"
            if is_list
            else f" it belongs in `{field_name}`"
        )
        candidates += [(similarity(name, inner), inner, where) for inner in field_keys(submodel)]
    score, best, where = max(candidates, key=lambda candidate: candidate[0])
    if score - (OWN_LEVEL_BONUS if not where else 0) < SIMILAR:
        return ""
    return f" (did you mean `{best}`?{where})" if where else f" (did you mean `{best}`?)"
