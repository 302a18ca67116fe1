"""The content model: personas, journeys and interviews as the contract defines them.

These pydantic models are the one definition of every field: the loader validates front
matter with them, ``journeys schema`` derives the JSON Schema from them, and the docs'
field reference is generated from their descriptions. Cross-file rules (does the persona
exist? is the stage in the journey?) live in :mod:`journeys.rules`.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from dataclasses import dataclass
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    PrivateAttr,
    Strict,
    WithJsonSchema,
)
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
        raise PydanticCustomError("interview_id", "{reason}; choose another id", {"reason": reserved})
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
        got = f"`{value}`" if isinstance(value, str) and SLUG_PATTERN.match(value) else describe_value(value)
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
Advocacy = Annotated[str, _one_of(ADVOCACY), _enum_schema(ADVOCACY)]
TouchpointKind = Annotated[str, _one_of(TOUCHPOINT_KINDS), _enum_schema(TOUCHPOINT_KINDS)]


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
a field that holds other front-matter models is classified by their fields."""


def field_kind(info: FieldInfo) -> FieldKind | None:
    """The mark of a field, or None for a field that holds front-matter models."""
    marks = [item for item in info.metadata if isinstance(item, FieldKind)]
    return marks[0] if len(marks) == 1 else None


_GIVEN_FIELDS: dict[frozenset[str], set[str]] = {}
"""One set of given field names for every model that was given the same fields."""


class FrontMatter(BaseModel):
    """Base of every front-matter model.

    Unknown fields are kept (``extra="allow"``) so the loader can warn about them with
    the closest known field, instead of failing the whole file. Models are frozen: what
    was read is what is published.
    """

    model_config = ConfigDict(extra="allow", strict=False, validate_default=False, frozen=True)

    def model_post_init(self, context: Any, /) -> None:
        # pydantic keeps a set of the given field names in every model: for 10,000
        # interviews of six steps, 45 MB of sets that hold the same few combinations.
        # Frozen models never add to it, so those that were given the same fields share one.
        given = self.__pydantic_fields_set__
        object.__setattr__(self, "__pydantic_fields_set__", _GIVEN_FIELDS.setdefault(frozenset(given), given))


@dataclass(frozen=True)
class Source:
    """Where a record came from: its file, the Markdown body and the line of each field."""

    path: str
    """As shown to researchers, e.g. ``content/interviews/2026-02/eva-03.md``."""
    stem: str
    """The file name without ``.md``."""
    body: str
    body_line: int
    lines: Any
    """A :class:`journeys.frontmatter.LineMap`."""
    contact_free: bool = False
    """Known to hold no e-mail address or phone number in its published text."""

    def line_of(self, *location: str | int) -> int:
        return int(self.lines.line_of(location))


class Record(FrontMatter):
    _source: Source = PrivateAttr()

    @property
    def source(self) -> Source:
        return self._source

    def attach(self, source: Source) -> None:
        self._source = source


# --- personas -------------------------------------------------------------------------


class Persona(Record):
    """A persona: ``content/personas/<slug>.md``."""

    name: Annotated[Text, TEXT] = Field(description="Display name, e.g. `Eva, the early adopter`.")
    summary: Annotated[Text, TEXT] = Field(description="One line that says who this is.")
    image: Annotated[Text | None, TEXT] = Field(None, description="Picture, relative to `docs_dir`.")
    attributes: Annotated[dict[str, AttributeValue], TEXT] = Field(
        default_factory=dict, description="Free facts (key: text), shown as a fact box."
    )

    @property
    def slug(self) -> str:
        return self.source.stem


# --- journeys -------------------------------------------------------------------------


class Stage(FrontMatter):
    id: Annotated[Slug, IDENTIFIER] = Field(description="Unique within the journey; steps refer to it.")
    name: Annotated[Text, TEXT] = Field(description="Shown on the timeline and the graph.")
    description: Annotated[Text | None, TEXT] = Field(None, description="What happens in this stage.")
    questions: Annotated[list[Text], TEXT] = Field(
        default_factory=list,
        description="Interview guide for this stage; `journeys new` writes them as comments.",
    )


class Touchpoint(FrontMatter):
    id: Annotated[Slug, IDENTIFIER] = Field(description="Unique within the journey; steps refer to it.")
    name: Annotated[Text, TEXT] = Field(description="What people call it, e.g. `Service desk phone line`.")
    kind: Annotated[TouchpointKind | None, FIGURE] = Field(
        None, description="`human`, `digital`, `physical` or `self`."
    )


class Opportunity(FrontMatter):
    title: Annotated[Text, TEXT] = Field(description="The improvement, e.g. `Offer a loan laptop on day one`.")
    stage: Annotated[Text, IDENTIFIER] = Field(description="The stage id it improves.")
    owner: Annotated[Text | None, TEXT] = Field(None, description="Who takes it on.")
    metric: Annotated[Text | None, TEXT] = Field(None, description="How success will be measured.")
    evidence: Annotated[list[Text], IDENTIFIER] = Field(
        min_length=1, description="Ids of interviews of this journey that support it."
    )


class Journey(Record):
    """A journey definition: ``content/journeys/<slug>.md``."""

    title: Annotated[Text, TEXT] = Field(description="The journey's name, e.g. `Laptop repair`.")
    goal: Annotated[Text | None, TEXT] = Field(None, description="The typical goal people have.")
    stages: list[Stage] = Field(min_length=1, description="The stages, in order.")
    touchpoints: list[Touchpoint] = Field(
        default_factory=list, description="The inventory of touchpoints, made before interviewing."
    )
    opportunities: list[Opportunity] = Field(
        default_factory=list, description="The team's synthesis, each backed by interviews."
    )

    @property
    def slug(self) -> str:
        return self.source.stem

    @property
    def stage_ids(self) -> list[str]:
        return [stage.id for stage in self.stages]

    def stage(self, stage_id: str) -> Stage | None:
        return next((stage for stage in self.stages if stage.id == stage_id), None)

    def touchpoint(self, touchpoint_id: str) -> Touchpoint | None:
        return next((tp for tp in self.touchpoints if tp.id == touchpoint_id), None)


# --- interviews -----------------------------------------------------------------------


class Participant(FrontMatter):
    """PRIVATE: never published. Any further fields here are private too."""

    name: Annotated[Text | None, PRIVATE] = Field(None, description="Private: the participant's name.")
    email: Annotated[Text | None, PRIVATE] = Field(None, description="Private: their e-mail address.")
    phone: Annotated[Text | None, PRIVATE] = Field(None, description="Private: their phone number.")


class Step(FrontMatter):
    stage: Annotated[Text, IDENTIFIER] = Field(description="A stage id of the journey.")
    action: Annotated[Text, TEXT] = Field(description="What the participant did.")
    why: Annotated[Text | None, TEXT] = Field(None, description="Why they did it.")
    touchpoint: Annotated[Text | None, TEXT] = Field(
        None,
        description=(
            "A touchpoint id; one not in the journey's inventory is a discovered touchpoint, "
            "in the participant's words: named only with consent, otherwise counted unnamed."
        ),
    )
    """Text, not an identifier: one outside the journey's inventory is the participant's words
    (see :func:`journeys.privacy.touchpoint_of`)."""
    score: Annotated[Grade, FIGURE] = Field(description="The grade for this moment, 1-10 in steps of 0.5.")
    feeling: Annotated[Text | None, TEXT] = Field(None, description="The emotion in one or two words.")
    quote: Annotated[Text | None, TEXT] = Field(None, description="Verbatim words of the participant.")
    peak: Annotated[Flag, FIGURE] = Field(
        False, description="The peak moment (positive or negative) of the journey."
    )
    expected: Annotated[Text | None, TEXT] = Field(
        None, description="What they expected (a duration or text)."
    )
    actual: Annotated[Text | None, TEXT] = Field(None, description="What really happened.")
    realistic: Annotated[Text | None, TEXT] = Field(None, description="What they would have found realistic.")
    accepted: Annotated[Flag, FIGURE] = Field(
        False, description="Waved away as normal: latent dissatisfaction."
    )

    @property
    def has_expectation(self) -> bool:
        return any(value is not None for value in (self.expected, self.actual, self.realistic))


class FollowUp(FrontMatter):
    will: Annotated[list[Text], TEXT] = Field(default_factory=list, description="What was promised.")
    wont: Annotated[list[Text], TEXT] = Field(
        default_factory=list, description="What was said will not happen."
    )


class Interview(Record):
    """An interview summary: ``content/interviews/**/<name>.md``."""

    id: Annotated[str | None, BeforeValidator(_interview_id), IDENTIFIER] = Field(
        None, description="Unique across interviews; default: the file name without .md."
    )
    date: Annotated[IsoDate, FIGURE] = Field(description="When the interview took place, e.g. 2026-02-22.")
    interviewer: Annotated[Text | None, TEXT] = Field(None, description="Staff member; may be published.")
    persona: Annotated[Text, IDENTIFIER] = Field(description="Slug of an existing persona.")
    journey: Annotated[Text, IDENTIFIER] = Field(description="Slug of an existing journey.")
    consent: Annotated[Flag, FIGURE] = Field(
        description="false: counts in figures, but none of its text is published."
    )
    participant: Annotated[Participant | None, PRIVATE] = Field(
        None, description="PRIVATE: never published anywhere."
    )
    attributes: Annotated[dict[str, AttributeValue], TEXT] = Field(
        default_factory=dict, description="Non-identifying segment facts (text or number)."
    )
    goal: Annotated[Text, TEXT] = Field(description="The participant's goal in this journey.")
    trigger: Annotated[Text | None, TEXT] = Field(None, description="Where the journey began.")
    outcome: Annotated[Text | None, TEXT] = Field(None, description="How it ended.")
    goal_reached: Annotated[Flag | None, FIGURE] = Field(None, description="Was the goal reached?")
    overall_score: Annotated[Grade, FIGURE] = Field(description="The overall grade, 1-10 in steps of 0.5.")
    nps: Annotated[Nps | None, FIGURE] = Field(None, description="Likelihood to recommend, 0-10.")
    advocacy: Annotated[Advocacy | None, FIGURE] = Field(
        None, description="Ambassador of: `service`, `company`, `both` or `none`."
    )
    drivers: Annotated[list[Text], TEXT] = Field(default_factory=list, description="Motivations, in their words.")
    steps: list[Step] = Field(min_length=1, description="The steps, in the order they happened.")
    follow_up: FollowUp | None = Field(None, description="What was promised at the end.")

    @property
    def key(self) -> str:
        """The interview's id: explicit, or the file name."""
        return self.id or self.source.stem


def nested_model(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """The front-matter model inside a field's type, and whether it is a list of them:
    ``Step`` for ``list[Step]``, ``FollowUp`` for ``FollowUp | None``; else None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    origin = get_origin(annotation)
    arguments = [a for a in get_args(annotation) if a is not type(None)]
    if origin is list and arguments:
        found, _ = nested_model(arguments[0])
        return found, True
    if origin in (Union, UnionType) and len(arguments) == 1:
        return nested_model(arguments[0])
    return None, False


@functools.cache
def nested_fields(model: type[BaseModel]) -> dict[str, tuple[type[BaseModel] | None, bool]]:
    """Each field of ``model`` -> its nested model and whether it is a list (computed once)."""
    return {name: nested_model(info.annotation) for name, info in model.model_fields.items()}


KINDS: dict[str, type[Record]] = {
    "personas": Persona,
    "journeys": Journey,
    "interviews": Interview,
}
"""Content sub-folder -> the model of its files."""


def json_schema(model: type[Record]) -> dict[str, Any]:
    """JSON Schema of one kind's front matter, for editors (yaml-language-server)."""
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"{model.__name__} front matter"
    return schema


SCHEMAS = {
    "interview": lambda: json_schema(Interview),
    "persona": lambda: json_schema(Persona),
    "journey": lambda: json_schema(Journey),
}
