"""The parts of a journey file: its stages, touchpoints, opportunities, rounds and guide
words. Part of the content model: :mod:`journeys.content.model` assembles them into
:class:`~journeys.content.model.Journey` and exports them with it."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from journeys.content.records import FrontMatter
from journeys.content.values import (
    FIGURE,
    IDENTIFIER,
    TEXT,
    IsoDate,
    OpportunityStatus,
    Priority,
    Slug,
    Text,
    TouchpointKind,
)


class Stage(FrontMatter):
    id: Annotated[Slug, IDENTIFIER] = Field(
        description="Unique within the journey; steps refer to it."
    )
    name: Annotated[Text, TEXT] = Field(description="Shown on the timeline and the graph.")
    description: Annotated[Text | None, TEXT] = Field(
        None, description="What happens in this stage."
    )
    questions: Annotated[list[Text], TEXT] = Field(
        default_factory=list,
        description="Interview guide for this stage; `journeys new` writes them as comments.",
    )


class Touchpoint(FrontMatter):
    id: Annotated[Slug, IDENTIFIER] = Field(
        description="Unique within the journey; steps refer to it."
    )
    name: Annotated[Text, TEXT] = Field(
        description="What people call it, e.g. `Service desk phone line`."
    )
    kind: Annotated[TouchpointKind | None, FIGURE] = Field(
        None, description="`human`, `digital`, `physical` or `self`."
    )


class Opportunity(FrontMatter):
    title: Annotated[Text, TEXT] = Field(
        description="The improvement, e.g. `Offer a loan laptop on day one`."
    )
    stage: Annotated[Text, IDENTIFIER] = Field(description="The stage id it improves.")
    owner: Annotated[Text | None, TEXT] = Field(None, description="Who takes it on.")
    metric: Annotated[Text | None, TEXT] = Field(None, description="How success will be measured.")
    evidence: Annotated[list[Text], IDENTIFIER] = Field(
        min_length=1, description="Ids of interviews of this journey that support it."
    )
    status: Annotated[OpportunityStatus | None, FIGURE] = Field(
        None, description="`idea`, `planned`, `in-progress`, `done` or `dropped`."
    )
    priority: Annotated[Priority | None, FIGURE] = Field(
        None, description="`high`, `medium` or `low`."
    )
    round: Annotated[Text | None, IDENTIFIER] = Field(
        None, description="The id of the round of this journey in which its effect should show."
    )
    themes: Annotated[list[Text], IDENTIFIER] = Field(
        default_factory=list,
        description="Slugs of the codebook's themes (`content/themes/<slug>.md`) it addresses.",
    )


class Round(FrontMatter):
    """A round of interviews: those held from one date to another, after a change in the
    service."""

    id: Annotated[Slug, IDENTIFIER] = Field(
        description="Unique within the journey; interviews and opportunities refer to it."
    )
    name: Annotated[Text, TEXT] = Field(
        description="Shown on the journey page, e.g. `After the loan laptops`."
    )
    from_: Annotated[IsoDate, FIGURE] = Field(
        alias="from", description="The first day of the round, e.g. 2026-03-01."
    )
    to: Annotated[IsoDate | None, FIGURE] = Field(
        None, description="The last day of the round; leave it out for the current round."
    )
    change: Annotated[Text | None, TEXT] = Field(
        None, description="What changed in the service before this round, in one sentence."
    )


class Guide(FrontMatter):
    """The words the journey's interview guide reads aloud at the start and at the end, in
    place of the site's own (its questions stay). For paragraphs, write a ``|`` block with a
    blank line between them."""

    opening: Annotated[Text | None, TEXT] = Field(
        None,
        description="Read aloud at the start: why you interview, that good and bad stories are "
        "both welcome, what happens with their words.",
    )
    closing: Annotated[Text | None, TEXT] = Field(
        None,
        description="Read aloud at the end: what happens now, what you will and will not do "
        "with what they told you.",
    )
