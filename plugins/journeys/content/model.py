"""The content model: personas, journeys, interviews and themes as the contract defines them.

These pydantic models, with the parts of a journey (:mod:`journeys.content.journey_parts`)
and of an interview (:mod:`journeys.content.interview_parts`), are the one definition of
every field: the loader validates front matter with them, ``journeys schema`` derives the
JSON Schema from them, and the docs' field reference is generated from their descriptions.
Each field carries its mark (:class:`~journeys.content.values.FieldKind`). Value types live
in :mod:`journeys.content.values`, base classes in :mod:`journeys.content.records`;
cross-file rules (does the persona exist? is the stage in the journey?) in
:mod:`journeys.content.rules`.
"""

from __future__ import annotations

import functools
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, BeforeValidator, Field

from journeys.content.interview_parts import FollowUp, Participant, Promise, Step
from journeys.content.journey_parts import Guide, Opportunity, Round, Stage, Touchpoint
from journeys.content.records import FrontMatter, Record, Source
from journeys.content.values import (
    ADVOCACY,
    FIGURE,
    ID_PATTERN,
    IDENTIFIER,
    NOT_RATED,
    PRIVATE,
    RESERVED_NAMES,
    SLUG_PATTERN,
    TEXT,
    TOUCHPOINT_KINDS,
    VS_EXPECTED,
    Advocacy,
    AttributeValue,
    FieldKind,
    Flag,
    Grade,
    IsoDate,
    Nps,
    Text,
    _interview_id,
    field_kind,
    interview_id_problem,
    reserved_name_problem,
)

__all__ = [
    "ADVOCACY",
    "FIGURE",
    "IDENTIFIER",
    "ID_PATTERN",
    "NOT_RATED",
    "PRIVATE",
    "RESERVED_NAMES",
    "SLUG_PATTERN",
    "TEXT",
    "TOUCHPOINT_KINDS",
    "VS_EXPECTED",
    "FieldKind",
    "FollowUp",
    "FrontMatter",
    "Guide",
    "Interview",
    "Journey",
    "Opportunity",
    "Participant",
    "Persona",
    "Promise",
    "Record",
    "Round",
    "Source",
    "Stage",
    "Step",
    "Theme",
    "Touchpoint",
    "field_keys",
    "field_kind",
    "interview_id_problem",
    "json_schema",
    "nested_fields",
    "nested_model",
    "reserved_name_problem",
]


# --- personas -------------------------------------------------------------------------


class Persona(Record):
    """A persona: ``content/personas/<slug>.md``."""

    name: Annotated[Text, TEXT] = Field(description="Display name, e.g. `Eva, the early adopter`.")
    summary: Annotated[Text, TEXT] = Field(description="One line that says who this is.")
    image: Annotated[Text | None, TEXT] = Field(
        None,
        description=(
            "A picture of the persona (an illustration, never a participant's photo): a PNG, "
            "JPEG, GIF, WebP, AVIF or SVG file, relative to docs_dir, e.g. "
            "`images/personas/eva.svg`. Shown on the persona's page and the home page."
        ),
    )
    image_alt: Annotated[Text | None, TEXT] = Field(
        None,
        description="What the picture shows, for people who cannot see it "
        "(default: that it illustrates the persona).",
    )
    attributes: Annotated[dict[str, AttributeValue], TEXT] = Field(
        default_factory=dict, description="Free facts (key: text), shown as a fact box."
    )

    @property
    def slug(self) -> str:
        return self.source.stem


# --- themes ---------------------------------------------------------------------------


class Theme(Record):
    """A theme of the codebook: ``content/themes/<slug>.md``. Steps and opportunities name
    it by its slug in their ``themes``; the body says what counts as this theme."""

    name: Annotated[Text, TEXT] = Field(description="Display name, e.g. `Not kept informed`.")
    description: Annotated[Text, TEXT] = Field(
        description="One or two sentences: what the moments tagged with it have in common."
    )

    @property
    def slug(self) -> str:
        return self.source.stem


# --- journeys -------------------------------------------------------------------------


class Journey(Record):
    """A journey definition: ``content/journeys/<slug>.md``."""

    title: Annotated[Text, TEXT] = Field(description="The journey's name, e.g. `Laptop repair`.")
    goal: Annotated[Text | None, TEXT] = Field(None, description="The typical goal people have.")
    stages: list[Stage] = Field(min_length=1, description="The stages, in order.")
    touchpoints: list[Touchpoint] = Field(
        default_factory=list, description="The inventory of touchpoints, made before interviewing."
    )
    guide: Guide | None = Field(
        None,
        description="Your own opening and closing words for the journey's interview guide.",
    )
    opportunities: list[Opportunity] = Field(
        default_factory=list, description="The team's synthesis, each backed by interviews."
    )
    rounds: list[Round] = Field(
        default_factory=list,
        description="Rounds of interviews, to compare the journey before and after a change; "
        "without rounds, all interviews are one set.",
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

    def round(self, round_id: str) -> Round | None:
        return next((item for item in self.rounds if item.id == round_id), None)


# --- interviews -----------------------------------------------------------------------


class Interview(Record):
    """An interview summary: ``content/interviews/**/<name>.md``."""

    id: Annotated[str | None, BeforeValidator(_interview_id), IDENTIFIER] = Field(
        None, description="Unique across interviews; default: the file name without .md."
    )
    date: Annotated[IsoDate, FIGURE] = Field(
        description="When the interview took place, e.g. 2026-02-22."
    )
    interviewer: Annotated[Text | None, TEXT] = Field(
        None, description="Staff member; may be published."
    )
    persona: Annotated[Text, IDENTIFIER] = Field(description="Slug of an existing persona.")
    journey: Annotated[Text, IDENTIFIER] = Field(description="Slug of an existing journey.")
    round: Annotated[Text | None, IDENTIFIER] = Field(
        None,
        description="The id of a round of the journey; default: the round whose dates hold `date`.",
    )
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
    overall_score: Annotated[Grade, FIGURE] = Field(
        description="The overall grade, 1-10 in steps of 0.5."
    )
    nps: Annotated[Nps | None, FIGURE] = Field(None, description="Likelihood to recommend, 0-10.")
    advocacy: Annotated[Advocacy | None, FIGURE] = Field(
        None, description="Ambassador of: `service`, `company`, `both` or `none`."
    )
    drivers: Annotated[list[Text], TEXT] = Field(
        default_factory=list, description="Motivations, in their words."
    )
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
    if origin is Annotated:
        return nested_model(get_args(annotation)[0])
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


@functools.cache
def field_keys(model: type[BaseModel]) -> dict[str, str]:
    """Each field of ``model`` as front matter writes it -> its name in the model
    (``from`` -> ``from_``: a Python keyword cannot name a field)."""
    return {info.alias or name: name for name, info in model.model_fields.items()}


RECORD_FOLDERS: dict[str, type[Record]] = {
    "personas": Persona,
    "journeys": Journey,
    "interviews": Interview,
    "themes": Theme,
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
    "theme": lambda: json_schema(Theme),
}
