"""Who to interview next: what the study lacks, as a recruiter can look for it.

Persona and journey pairs with fewer interviews than the target; journeys that no
detractor, or nobody who accepted a problem as normal, has told; and attribute values that
only one published interview of a persona has. Counts come from every interview's figures;
attribute values only from published interviews, since those of the others are their words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from journeys.analysis import signals
from journeys.analysis.facts import InterviewFact

INTERVIEW_TARGET = 3
"""The default of the ``interview_target`` option: interviews wanted per persona and journey."""


@dataclass(frozen=True)
class ThinCell:
    """A persona and journey pair with fewer interviews than the target."""

    persona: str
    journey: str
    interviews: int
    target: int

    @property
    def missing(self) -> int:
        return self.target - self.interviews


@dataclass(frozen=True)
class SingleValue:
    """An attribute value that only one published interview of a persona has."""

    persona: str
    attribute: str
    value: str


@dataclass(frozen=True)
class WhoNext:
    """What to look for in the next interviews, each list in the order to act on it."""

    empty_cells: list[ThinCell]
    """Pairs with no interview yet, by persona, then journey."""
    thin_cells: list[ThinCell]
    """Pairs with some interviews but fewer than the target, fewest first."""
    without_detractor: list[str]
    """Journeys (slugs) with interviews, none of them from a detractor."""
    without_accepted: list[str]
    """Journeys (slugs) with interviews, none with a problem accepted as normal."""
    single_values: list[SingleValue]


def who_next(
    personas: Sequence[str],
    journeys: Sequence[str],
    facts: Sequence[InterviewFact],
    attributes: Mapping[str, Mapping[str, object]],
    target: int = INTERVIEW_TARGET,
) -> WhoNext:
    """What ``facts`` (every interview) lack for ``personas`` and ``journeys`` (in their
    order); ``attributes``: each published interview's attributes, by its key."""
    cells = below_target(personas, journeys, facts, target)
    return WhoNext(
        empty_cells=[cell for cell in cells if not cell.interviews],
        thin_cells=[cell for cell in cells if cell.interviews],
        without_detractor=journeys_without(journeys, facts, is_detractor),
        without_accepted=journeys_without(journeys, facts, has_accepted),
        single_values=single_values(personas, facts, attributes),
    )


def below_target(
    personas: Sequence[str], journeys: Sequence[str], facts: Sequence[InterviewFact], target: int
) -> list[ThinCell]:
    """Each pair with fewer than ``target`` interviews, fewest first, then in the order of
    ``personas`` and ``journeys``."""
    counts = Counter((fact.persona, fact.journey) for fact in facts)
    cells = [
        ThinCell(persona, journey, counts[persona, journey], target)
        for persona in personas
        for journey in journeys
        if counts[persona, journey] < target
    ]
    return sorted(cells, key=lambda cell: cell.interviews)


def is_detractor(fact: InterviewFact) -> bool:
    return signals.nps_group(fact.nps) == signals.DETRACTOR


def has_accepted(fact: InterviewFact) -> bool:
    return fact.accepted_count > 0


def journeys_without(
    journeys: Sequence[str], facts: Sequence[InterviewFact], kind: Callable[[InterviewFact], bool]
) -> list[str]:
    """The journeys with interviews of which none is of ``kind``; a journey nobody was
    interviewed about yet asks for interviews first (:func:`below_target`)."""
    interviewed = {fact.journey for fact in facts}
    found = {fact.journey for fact in facts if kind(fact)}
    return [journey for journey in journeys if journey in interviewed and journey not in found]


def single_values(
    personas: Sequence[str],
    facts: Sequence[InterviewFact],
    attributes: Mapping[str, Mapping[str, object]],
) -> list[SingleValue]:
    """Per persona (in order), the attribute values only one of its published interviews
    has, by attribute, then value. An interview that is not published is left out even
    when ``attributes`` holds it: its values are its words."""
    counts: dict[str, Counter[tuple[str, str]]] = {persona: Counter() for persona in personas}
    for fact in facts:
        if fact.published and fact.key in attributes and fact.persona in counts:
            counts[fact.persona].update(
                (str(key), str(value)) for key, value in attributes[fact.key].items()
            )
    return [
        SingleValue(persona, attribute, value)
        for persona in personas
        for (attribute, value), count in sorted(counts[persona].items())
        if count == 1
    ]
