"""The parts of an interview file: the participant (private), the steps and the follow-up
promises. Part of the content model: :mod:`journeys.content.model` assembles them into
:class:`~journeys.content.model.Interview` and exports them with it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from pydantic import BeforeValidator, Field

from journeys.content.durations import gap
from journeys.content.records import FrontMatter
from journeys.content.values import (
    FIGURE,
    IDENTIFIER,
    NOT_RATED,
    OPEN,
    PRIVATE,
    TEXT,
    Flag,
    Grade,
    IsoDate,
    PromiseStatus,
    Text,
    VsExpected,
    sentence_or_fields,
    verdict_of_gap,
)


class Participant(FrontMatter):
    """PRIVATE: never published. Any further fields here are private too."""

    name: Annotated[Text | None, PRIVATE] = Field(
        None, description="Private: the participant's name."
    )
    email: Annotated[Text | None, PRIVATE] = Field(
        None, description="Private: their e-mail address."
    )
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
    score: Annotated[Grade, FIGURE] = Field(
        description="The grade for this moment, 1-10 in steps of 0.5."
    )
    feeling: Annotated[Text | None, TEXT] = Field(
        None, description="The emotion in one or two words."
    )
    quote: Annotated[Text | None, TEXT] = Field(
        None, description="Verbatim words of the participant."
    )
    peak: Annotated[Flag, FIGURE] = Field(
        False, description="The peak moment (positive or negative) of the journey."
    )
    expected: Annotated[Text | None, TEXT] = Field(
        None, description="What they expected (a duration or text)."
    )
    actual: Annotated[Text | None, TEXT] = Field(None, description="What really happened.")
    realistic: Annotated[Text | None, TEXT] = Field(
        None, description="What they would have found realistic."
    )
    vs_expected: Annotated[VsExpected | None, FIGURE] = Field(
        None,
        description=(
            "Your verdict: how what happened compared with what they expected, when the "
            "answers are words (a pair of durations is judged by its gap)."
        ),
    )
    accepted: Annotated[Flag, FIGURE] = Field(
        False, description="Waved away as normal: latent dissatisfaction."
    )
    themes: Annotated[list[Text], IDENTIFIER] = Field(
        default_factory=list,
        description="Slugs of the codebook's themes (`content/themes/<slug>.md`) this moment "
        "is about.",
    )

    @property
    def has_expectation(self) -> bool:
        return any(value is not None for value in (self.expected, self.actual, self.realistic))

    @property
    def verdict(self) -> str | None:
        """How the moment compared with the expectation: a duration pair by its gap, else
        ``vs_expected``; a written pair without one is :data:`NOT_RATED`. None when there
        is nothing to judge."""
        expected_gap = gap(self.actual, self.expected)
        if expected_gap is not None:
            return verdict_of_gap(expected_gap)
        if self.vs_expected is not None:
            return self.vs_expected
        if self.expected is not None and self.actual is not None:
            return NOT_RATED
        return None


class Promise(FrontMatter):
    """An item of `will` or `wont`: a sentence, or these fields to track it."""

    text: Annotated[Text, TEXT] = Field(description="What was said, in one sentence.")
    status: Annotated[PromiseStatus, FIGURE] = Field(OPEN, description="`open` or `done`.")
    due: Annotated[IsoDate | None, FIGURE] = Field(
        None, description="When it should be done, e.g. 2026-04-30."
    )

    def __str__(self) -> str:
        """Its text: a template that prints a follow-up item shows what was said."""
        return self.text


PromiseItem = Annotated[
    Promise, BeforeValidator(sentence_or_fields, json_schema_input_type=str | Promise)
]
"""A sentence is read as a promise with that text, open, without a due date."""


class FollowUp(FrontMatter):
    will: Annotated[list[PromiseItem], TEXT] = Field(
        default_factory=list,
        description="What was promised: each a sentence, or a promise's fields to track it.",
    )
    wont: Annotated[list[PromiseItem], TEXT] = Field(
        default_factory=list, description="What was said will not happen (the same forms)."
    )

    def promises(self) -> Iterator[tuple[str, Promise]]:
        """``("will" | "wont", item)`` for each item, ``will`` first, in the written order."""
        for kind, items in (("will", self.will), ("wont", self.wont)):
            for item in items:
                yield kind, item
