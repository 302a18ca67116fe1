"""The kinds of value a front-matter field holds, each checked once: grades, NPS, dates,
slugs, ids, choices, attribute values; and the mark that says where a field may be
published (:class:`FieldKind`). :mod:`journeys.content.model` builds the models from them.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Annotated

from pydantic import BeforeValidator, PlainValidator, Strict, WithJsonSchema
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

from journeys.content.diagnostics import describe_value, did_you_mean, one_of

SLUG_PATTERN = re.compile(r"\A[a-z0-9]+(?:-[a-z0-9]+)*\Z")
"""The whole value (``\\Z``, not ``$``, which also matches before a final line break)."""
ID_PATTERN = re.compile(r"\A[A-Za-z0-9][A-Za-z0-9._-]*\Z")
"""Interview ids become URLs (``/interviews/<id>/``): no spaces, slashes or other specials."""

RESERVED_NAMES = ("index", "readme")
"""File names the site's own pages use in each folder: ``<folder>/index.md`` lists the
folder's pages, and MkDocs makes a ``README.md`` the folder's index page too."""


def reserved_name_problem(name: str, folder: str) -> str | None:
    """Why ``name`` cannot name a generated page in ``folder``, or None. Compared without
    case: macOS and Windows file systems do not tell ``Index.md`` from ``index.md``;
    ``index.html`` would be a folder where the list's own page is written."""
    folded = name.lower()
    if folded in RESERVED_NAMES or folded.startswith("index."):
        return (
            f"`{name}` is reserved: the site writes its list of {folder} to `{folder}/index.md`, "
            "and MkDocs reads a README as a folder's index page"
        )
    return None


def interview_id_problem(value: str) -> str | None:
    """Why ``value`` cannot be an interview id (explicit, or taken from the file name), or None."""
    if not ID_PATTERN.match(value):
        return (
            "an id may hold only letters, digits, `-`, `_` and `.`, starting with a letter "
            "or digit (it becomes the page's URL)"
        )
    return reserved_name_problem(value, "interviews")


def _grade(value: object) -> float:
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not 1 <= value <= 10
        or (value * 2) % 1 != 0
    ):
        raise PydanticCustomError(
            "grade",
            "expected a grade from 1 to 10 in steps of 0.5 (like 7 or 6.5), got {got}",
            {"got": describe_value(value)},
        )
    return float(value)


def _nps(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise PydanticCustomError(
            "nps",
            "expected a whole number from 0 to 10, got {got}",
            {"got": describe_value(value)},
        )
    return value


_DATE_SHAPE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _date(value: object) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _DATE_SHAPE.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise PydanticCustomError(
                "date", "`{value}` is not a day in the calendar", {"value": value.strip()}
            ) from None
    raise PydanticCustomError(
        "date",
        "expected a date as year-month-day, like 2026-02-22, got {got}",
        {"got": describe_value(value) if not isinstance(value, dt.datetime) else "a date and time"},
    )


def date_or_none(value: object) -> dt.date | None:
    """``value`` read as the date field reads it, or None when it is no date."""
    try:
        return _date(value)
    except PydanticCustomError:
        return None


def _text(value: object) -> object:
    """Numbers written as text (``age: 35``) are text; lists and mappings are not."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _slug(value: object) -> object:
    if isinstance(value, str) and not SLUG_PATTERN.match(value):
        raise PydanticCustomError(
            "slug",
            "expected a slug: lower-case letters, digits and `-` (the file name without .md)",
        )
    return value


def _interview_id(value: object) -> object:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # YAML reads `id: 2026.10` as the number 2026.1: the id would silently change.
        raise PydanticCustomError(
            "interview_id", "expected text: YAML reads this id as a number; put it in quotes"
        )
    if isinstance(value, str) and not ID_PATTERN.match(value):
        raise PydanticCustomError(
            "interview_id",
            "expected an id of letters, digits, `-`, `_` and `.` (it becomes the page's URL)",
        )
    reserved = reserved_name_problem(value, "interviews") if isinstance(value, str) else None
    if reserved is not None:
        raise PydanticCustomError(
            "interview_id", "{reason}; choose another id", {"reason": reserved}
        )
    return value


Text = Annotated[str, BeforeValidator(_text)]
Flag = Annotated[bool, Strict()]
"""Only YAML's true/false: `consent: 1` or `"yes"` must not publish anyone's words by accident."""
Slug = Annotated[str, BeforeValidator(_slug)]
Grade = Annotated[
    float,
    PlainValidator(_grade),
    WithJsonSchema({"type": "number", "minimum": 1, "maximum": 10, "multipleOf": 0.5}),
]
Nps = Annotated[
    int, PlainValidator(_nps), WithJsonSchema({"type": "integer", "minimum": 0, "maximum": 10})
]
IsoDate = Annotated[
    dt.date, PlainValidator(_date), WithJsonSchema({"type": "string", "format": "date"})
]


def _one_of(choices: tuple[str, ...]) -> PlainValidator:
    """Accepts one of ``choices``; a typo gets the closest value suggested."""

    def validate(value: object) -> str:
        if isinstance(value, str) and value in choices:
            return value
        got = (
            f"`{value}`"
            if isinstance(value, str) and SLUG_PATTERN.match(value)
            else describe_value(value)
        )
        hint = did_you_mean(value, choices) if isinstance(value, str) else ""
        raise PydanticCustomError(
            "choice",
            "expected one of {choices}, got {got}{hint}",
            {"choices": one_of(choices), "got": got, "hint": hint},
        )

    return PlainValidator(validate)


def _enum_schema(choices: tuple[str, ...]) -> WithJsonSchema:
    return WithJsonSchema({"type": "string", "enum": list(choices)})


ADVOCACY = ("service", "company", "both", "none")
TOUCHPOINT_KINDS = ("human", "digital", "physical", "self")
VS_EXPECTED = ("worse", "as-expected", "better")
"""How a moment compared with what the participant expected: a step's ``vs_expected`` (the
researcher's verdict on a written expectation), or a duration pair's gap
(:func:`verdict_of_gap`)."""
WORSE, AS_EXPECTED, BETTER = VS_EXPECTED
NOT_RATED = "not-rated"
"""The verdict of a written expectation and what happened that the researcher did not judge."""
OPPORTUNITY_STATUSES = ("idea", "planned", "in-progress", "done", "dropped")
PRIORITIES = ("high", "medium", "low")
PROMISE_STATUSES = ("open", "done")
OPEN = PROMISE_STATUSES[0]
"""The status of a promise written as a sentence, or as fields without ``status``."""
Advocacy = Annotated[str, _one_of(ADVOCACY), _enum_schema(ADVOCACY)]
TouchpointKind = Annotated[str, _one_of(TOUCHPOINT_KINDS), _enum_schema(TOUCHPOINT_KINDS)]
VsExpected = Annotated[str, _one_of(VS_EXPECTED), _enum_schema(VS_EXPECTED)]
OpportunityStatus = Annotated[
    str, _one_of(OPPORTUNITY_STATUSES), _enum_schema(OPPORTUNITY_STATUSES)
]
Priority = Annotated[str, _one_of(PRIORITIES), _enum_schema(PRIORITIES)]
PromiseStatus = Annotated[str, _one_of(PROMISE_STATUSES), _enum_schema(PROMISE_STATUSES)]


def sentence_or_fields(value: object) -> object:
    """A follow-up item: a sentence (as text) is read as the fields ``{text: ...}``."""
    if isinstance(value, dict):
        return value
    if isinstance(value, (str, int, float, dt.date)) and not isinstance(value, bool):
        return {"text": value}
    raise PydanticCustomError(
        "promise",
        "expected a sentence, or the fields `text`, `status` and `due`, got {got}",
        {"got": describe_value(value)},
    )


def verdict_of_gap(gap: dt.timedelta) -> str:
    """A duration pair's verdict: later than expected is worse, earlier better."""
    if gap > dt.timedelta(0):
        return WORSE
    return BETTER if gap < dt.timedelta(0) else AS_EXPECTED


def _attribute(value: object) -> str | float | int:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return value
    raise PydanticCustomError(
        "attribute", "expected text or a number, got {got}", {"got": describe_value(value)}
    )


AttributeValue = Annotated[
    str | float | int,
    PlainValidator(_attribute),
    WithJsonSchema({"type": ["string", "number"]}),
]


class FieldKind(enum.Enum):
    """What a field holds, which decides where it may be published
    (:mod:`journeys.privacy` derives every privacy rule from these marks)."""

    IDENTIFIER = "identifier"
    """A slug or id that names something in the study; validated, published."""
    FIGURE = "figure"
    """A number, date, choice or yes/no: counted in figures from every interview."""
    TEXT = "text"
    """Someone's words: an interview's are published only with consent."""
    PRIVATE = "private"
    """Never published (the participant block)."""


IDENTIFIER, FIGURE, TEXT, PRIVATE = FieldKind
"""Marks for ``Annotated[type, MARK]``: every field that holds a value has exactly one;
a field that holds other front-matter models is classified by their fields. A field whose
items may be a sentence or fields (``follow_up.will``) has both: the mark says what the
sentence is, and each item's fields are classified by their own marks."""


def field_kind(info: FieldInfo) -> FieldKind | None:
    """The mark of a field, or None for a field that holds front-matter models."""
    marks = [item for item in info.metadata if isinstance(item, FieldKind)]
    return marks[0] if len(marks) == 1 else None
