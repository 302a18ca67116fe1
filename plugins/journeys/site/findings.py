"""The findings a journey page opens with: a few sentences, each linked to its evidence
further down the page (a stage's column or one of its lanes, the expectations table, the
outcome figures, an opportunity) or to a theme's page.

Computed here from the journey's view and worded with the labels; the template only lays
the parts out. A finding without evidence (no expectations judged, nothing accepted as
normal, no opportunities) is left out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from journeys.analysis import aggregate
from journeys.analysis.aggregate import Stats
from journeys.analysis.facts import InterviewFact
from journeys.analysis.rounds import Change
from journeys.content.durations import read_duration
from journeys.site.labels import Labels

if TYPE_CHECKING:  # pragma: no cover - for type checkers only
    from journeys.site.kinds.journeys import JourneyView

TOP_OPPORTUNITIES = 2
"""Opportunities named in the findings: those backed by the most interviews."""
CLOSED = ("done", "dropped")
"""Statuses of an opportunity the findings leave out."""

_LINK = "\x00"
"""Marks where a linked part goes while a label is formatted (never in a label or a value)."""


@dataclass(frozen=True)
class Part:
    text: str
    anchor: str | None = None
    """The id of the evidence on the page this part links to."""
    theme: str | None = None
    """The slug of the theme whose page this part links to (instead of an anchor)."""


@dataclass(frozen=True)
class Finding:
    topic: str
    """round, lowest, theme, gap, accepted, outcome or opportunities."""
    parts: list[Part]


@dataclass(frozen=True)
class Outcome:
    """How the interviews of a journey ended."""

    grades: Stats
    """The overall grades."""
    goal_reached: int
    goal_known: int
    """Interviews that say whether the goal was reached."""


def outcome(facts: Sequence[InterviewFact]) -> Outcome:
    known = [fact.goal_reached for fact in facts if fact.goal_reached is not None]
    return Outcome(aggregate.stats(f.overall_score for f in facts), sum(known), len(known))


def sentence(t: Labels, key: str, links: Mapping[str, Part], **values: object) -> list[Part]:
    """The label ``key`` as parts, each placeholder named in ``links`` as its linked part."""
    names = list(links)
    marks = {name: f"{_LINK}{index}{_LINK}" for index, name in enumerate(names)}
    chunks = t(key, **values, **marks).split(_LINK)
    return [
        links[names[int(chunk)]] if index % 2 else Part(chunk)
        for index, chunk in enumerate(chunks)
        if chunk
    ]


def journey_findings(view: JourneyView, t: Labels) -> list[Finding]:
    found = [
        round_change(view, t),
        lowest_stage(view, t),
        most_painful_theme(view, t),
        biggest_gap(view, t),
        most_accepted(view, t),
        outcome_finding(view, t),
        top_opportunities(view, t),
    ]
    return [finding for finding in found if finding is not None]


def stage_link(view: JourneyView, index: int, lane: str = "") -> Part:
    stage = view.columns[index].stage
    return Part(stage.name, f"stage-{stage.id}{lane}")


BEFORE_AFTER = "jr-before-after"
"""The id of the journey page's "Before and after" section."""


def signed(t: Labels, change: Change) -> str:
    """A change as the page shows it: ``+3.5``, ``−1.2``, ``0.0``."""
    return ("+" if change.sign > 0 else "") + t.number(change.difference)


def round_change(view: JourneyView, t: Labels) -> Finding | None:
    """The stage that changed most between the last two rounds, or that no stage has
    enough interviews in both to tell; nothing without two or more rounds."""
    compared = view.before_after
    if compared is None:
        return None
    before, after = (figures.round.name for figures in compared.last_two)
    if compared.biggest is None:
        section = Part(t("before_after"), BEFORE_AFTER)
        return Finding(
            "round",
            sentence(
                t,
                "finding_round_too_few",
                {"section": section},
                small=aggregate.SMALL_SAMPLE,
                before=before,
                after=after,
            ),
        )
    change = compared.biggest.changes[-1]
    return Finding(
        "round",
        sentence(
            t,
            "finding_round_change",
            {"stage": Part(view.columns[compared.biggest.index].stage.name, BEFORE_AFTER)},
            before=before,
            after=after,
            before_mean=t.number(change.before.mean),
            before_sample=t.sample(change.before.n, change.before.small),
            after_mean=t.number(change.after.mean),
            after_sample=t.sample(change.after.n, change.after.small),
            change=signed(t, change),
        ),
    )


def lowest_stage(view: JourneyView, t: Labels) -> Finding | None:
    if view.extremes is None:
        return None
    stats = view.columns[view.extremes[0]].stats
    return Finding(
        "lowest",
        sentence(
            t,
            "finding_lowest",
            {"stage": stage_link(view, view.extremes[0])},
            mean=t.number(stats.mean),
            sample=t.sample(stats.n, stats.small),
        ),
    )


def most_painful_theme(view: JourneyView, t: Labels) -> Finding | None:
    """The theme whose moments on this journey have the lowest mean grade, of those enough
    of its interviews carry, against the mean of every step at the same stages."""
    found = view.painful_theme
    if found is None:
        return None
    figures = found.figures
    return Finding(
        "theme",
        sentence(
            t,
            "finding_theme",
            {"theme": Part(found.name, theme=figures.slug)},
            mean=t.number(figures.mean_score),
            moments=figures.moments,
            interviews=t.count("interviews_count", figures.interviews),
            context_mean=t.number(figures.context_mean),
            context_n=figures.context_steps,
        ),
    )


def biggest_gap(view: JourneyView, t: Labels) -> Finding | None:
    """The expectations table's first row, when it took longer than expected."""
    row = view.expectations[0] if view.expectations else None
    if row is None or row.expected_gap is None or row.expected_gap.sign <= 0:
        return None
    expected = read_duration(row.moment.step.expected)
    actual = read_duration(row.moment.step.actual)
    if expected is None or actual is None:  # pragma: no cover - a gap needs both
        return None
    verdicts = view.columns[row.stage_index].verdicts
    return Finding(
        "gap",
        sentence(
            t,
            "finding_gap",
            {"stage": Part(view.columns[row.stage_index].stage.name, "jr-expectations")},
            expected=t.duration_text(expected),
            actual=t.duration_text(actual),
            gap=t.duration(row.expected_gap),
            short=verdicts.worse,
            judged=verdicts.judged,
        ),
    )


def most_accepted(view: JourneyView, t: Labels) -> Finding | None:
    counts = [column.accepted_interviews for column in view.columns]
    if not any(counts):
        return None
    index = counts.index(max(counts))
    return Finding(
        "accepted",
        sentence(
            t,
            "finding_accepted",
            {"stage": stage_link(view, index, "-pains")},
            n=counts[index],
            total=view.columns[index].stats.n,
        ),
    )


def outcome_finding(view: JourneyView, t: Labels) -> Finding | None:
    grades = view.outcome.grades
    if grades.n == 0:
        return None
    parts = sentence(
        t,
        "finding_outcome",
        {"outcome": Part(t("finding_outcome_link"), "jr-outcome")},
        low=t.score(grades.low or 0),
        high=t.score(grades.high or 0),
        mean=t.number(grades.mean),
        sample=t.sample(grades.n, grades.small),
    )
    if view.outcome.goal_known:
        goal = t("finding_goal", reached=view.outcome.goal_reached, n=view.outcome.goal_known)
        parts.append(Part(goal))
    if view.nps:
        parts.append(Part(t("finding_nps", score=view.nps.score, sample=nps_sample(view, t))))
    parts.append(Part("."))
    return Finding("outcome", parts)


def nps_sample(view: JourneyView, t: Labels) -> str:
    return t.sample(view.nps.n, view.nps.small) if view.nps else ""


def top_opportunities(view: JourneyView, t: Labels) -> Finding | None:
    """The opportunities backed by the most interviews, of those still open: one that is
    done or dropped needs no decision."""
    closed = {
        item.opportunity.number
        for items in view.opportunities.values()
        for item in items
        if item.status in CLOSED
    }
    ranked = sorted(
        (o for column in view.columns for o in column.opportunities if o.number not in closed),
        key=lambda o: (-len(o.evidence), o.number),
    )[:TOP_OPPORTUNITIES]
    if not ranked:
        return None
    parts = [Part(t("finding_opportunities"))]
    for position, o in enumerate(ranked):
        if position:
            parts.append(Part("; "))
        parts += sentence(
            t,
            "finding_opportunity" if o.owner else "finding_opportunity_unowned",
            {"title": Part(o.title, f"opportunity-{o.number}")},
            owner=o.owner or "",
            backed=t.count("interviews_count", len(o.evidence)),
        )
    parts.append(Part("."))
    return Finding("opportunities", parts)
