"""Opportunities with a state on the journey page: each stage's opportunities in the order
of their :data:`STATUS_ORDER`, high priority first, and for a ``done`` one with a ``round``
the stage's mean before that round and from it on.

An opportunity without ``status`` or ``priority`` shows as it always has; a journey whose
opportunities have neither keeps them in the order they are written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from journeys.analysis import aggregate
from journeys.analysis.facts import InterviewFact
from journeys.analysis.rounds import Change
from journeys.content.model import Journey
from journeys.content.rounds import in_order
from journeys.site import exports
from journeys.site.journey_map import OpportunityView, StageColumn

STATUS_ORDER = ("in-progress", "planned", "idea", None, "done", "dropped")
"""Work under way first, then what is decided, then proposals (an opportunity without a
status is one too, though it shows no badge), then what is closed: done, then dropped."""
PRIORITY_ORDER = ("high", "medium", "low", None)
DONE = "done"


@dataclass(frozen=True)
class RoundEffect:
    """A stage's mean over the interviews before a round and over those in it or after; the
    change is told only when both sides rest on enough interviews (:attr:`Change.too_few`)."""

    round_name: str
    change: Change


@dataclass(frozen=True)
class StatedOpportunity:
    opportunity: OpportunityView
    status: str | None
    priority: str | None
    round: str | None
    """The id of the round in which its effect should show."""
    effect: RoundEffect | None
    """For a ``done`` opportunity with a ``round``."""

    @property
    def status_label(self) -> str | None:
        """The label key of its status: ``opportunity_status_in_progress``."""
        return f"opportunity_status_{self.status.replace('-', '_')}" if self.status else None

    @property
    def priority_label(self) -> str | None:
        return f"priority_{self.priority}" if self.priority else None


def round_effect(
    journey: Journey, facts: Sequence[InterviewFact], stage: str, round_id: str
) -> RoundEffect | None:
    """``stage``'s mean over the interviews of the rounds before ``round_id`` and over those
    of ``round_id`` and the rounds after it (each interview once, as the stage table
    counts); None when the journey has no such round or stage."""
    rounds = in_order(journey)
    position = next((i for i, item in enumerate(rounds) if item.id == round_id), None)
    if position is None or stage not in journey.stage_ids:
        return None
    earlier = {item.id for item in rounds[:position]}
    later = {item.id for item in rounds[position:]}
    index = journey.stage_ids.index(stage)
    before = aggregate.stage_stats(journey, [f for f in facts if f.round in earlier])[index]
    after = aggregate.stage_stats(journey, [f for f in facts if f.round in later])[index]
    return RoundEffect(rounds[position].name, Change(before, after))


def stated_opportunities(
    journey: Journey, facts: Sequence[InterviewFact], columns: Sequence[StageColumn]
) -> dict[str, list[StatedOpportunity]]:
    """Stage id -> its opportunities with their state, in status order, then priority,
    then as written."""
    lanes = {}
    for column in columns:
        stated = []
        for view in column.opportunities:
            written = journey.opportunities[view.number - 1]
            effect = None
            if written.status == DONE and written.round is not None:
                effect = round_effect(journey, facts, written.stage, written.round)
            stated.append(
                StatedOpportunity(view, written.status, written.priority, written.round, effect)
            )
        lanes[column.stage.id] = sorted(stated, key=order)
    return lanes


def order(item: StatedOpportunity) -> tuple[int, int, int]:
    return (
        STATUS_ORDER.index(item.status),
        PRIORITY_ORDER.index(item.priority),
        item.opportunity.number,
    )


def state_data(lanes: dict[str, list[StatedOpportunity]], number: int) -> dict[str, Any]:
    """The state of opportunity ``number`` in the journey's JSON download: only the fields
    written, so a journey without states downloads as before."""
    item = next(i for items in lanes.values() for i in items if i.opportunity.number == number)
    found: dict[str, Any] = {
        key: value
        for key, value in (
            ("status", item.status),
            ("priority", item.priority),
            ("round", item.round),
        )
        if value is not None
    }
    if item.effect is not None:
        change = item.effect.change
        found["before_and_after"] = {
            "before": exports.stats(change.before),
            "after": exports.stats(change.after),
            "too_few_to_tell": change.too_few,
            "change": change.difference,
        }
    return found
