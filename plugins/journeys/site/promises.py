"""Promises kept: what interviewers promised participants (``follow_up.will``), on the
research overview. The open ones per journey and interviewer, overdue ones first (due before
the day the site is built), and how many were kept.

The research overview tracks promises only when some promise is written with a ``status``
or a ``due`` date: a study whose promises are all sentences keeps its plain list of
follow-ups. A promise's words come from consenting interviews only; the promises of the
others are counted (``status`` and ``due`` are figures), never quoted.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from journeys.content.model import Interview, Journey, Promise
from journeys.content.values import OPEN
from journeys.site.data import SiteData


@dataclass(frozen=True)
class OpenPromise:
    interview: Interview
    """A consenting interview (its words are published)."""
    text: str
    due: dt.date | None
    overdue: bool


@dataclass(frozen=True)
class InterviewerPromises:
    interviewer: str | None
    """As the interviews write it; None when they do not say."""
    promises: list[OpenPromise]
    """Overdue first (the longest overdue first), then by due date, then those without one."""


@dataclass(frozen=True)
class JourneyPromises:
    journey: Journey
    interviewers: list[InterviewerPromises]
    """Those with an overdue promise first, then by name; the promises of interviews that
    do not name their interviewer last."""
    withheld: int
    """Open promises of interviews whose words are not published: counted, never quoted."""
    withheld_interviews: int
    withheld_overdue: int


@dataclass(frozen=True)
class PromiseTracking:
    journeys: list[JourneyPromises]
    """The study's journeys with open promises, in the study's order."""
    open: int
    overdue: int
    kept: int
    """Promises with ``status: done``."""
    build_date: dt.date
    """A promise due before this day and still open is overdue."""


def is_tracked(promise: Promise) -> bool:
    """Written with a ``status`` or a ``due`` date, not as a plain sentence."""
    return "status" in promise.model_fields_set or promise.due is not None


def is_overdue(promise: Promise, build_date: dt.date) -> bool:
    return promise.status == OPEN and promise.due is not None and promise.due < build_date


def promises_of(interview: Interview) -> list[Promise]:
    """The interview's ``will`` items (``wont`` ones promise nothing to do)."""
    if interview.follow_up is None:
        return []
    return [promise for kind, promise in interview.follow_up.promises() if kind == "will"]


def urgency(promise: OpenPromise) -> tuple[bool, bool, dt.date]:
    """Sort key: overdue first, then by due date (earliest first), then without one."""
    return (not promise.overdue, promise.due is None, promise.due or dt.date.max)


def promise_tracking(data: SiteData) -> PromiseTracking | None:
    """The study's promises, tracked; None when none is written with a status or a due date."""
    interviews = {interview.key: interview for interview in data.study.interviews}
    everything = [p for interview in interviews.values() for p in promises_of(interview)]
    if not any(is_tracked(promise) for promise in everything):
        return None
    build_date = data.staleness.build_date
    journeys = []
    for slug in data.journey_slugs:
        keys = [fact.key for fact in data.facts_of(journey=slug)]
        published = [data.words[key] for key in keys if key in data.words]
        withheld = [interviews[key] for key in keys if key not in data.words]
        found = journey_promises(data.study.journeys[slug], published, withheld, build_date)
        if found.interviewers or found.withheld:
            journeys.append(found)
    still_open = [p for p in everything if p.status == OPEN]
    return PromiseTracking(
        journeys=journeys,
        open=len(still_open),
        overdue=sum(is_overdue(promise, build_date) for promise in still_open),
        kept=len(everything) - len(still_open),
        build_date=build_date,
    )


def journey_promises(
    journey: Journey,
    published: Sequence[Interview],
    withheld: Sequence[Interview],
    build_date: dt.date,
) -> JourneyPromises:
    """The open promises of ``published`` interviews (in their order) per interviewer, and
    those of ``withheld`` ones counted."""
    per_interviewer: dict[str | None, list[OpenPromise]] = defaultdict(list)
    for interview in published:
        for promise in promises_of(interview):
            if promise.status == OPEN:
                per_interviewer[interview.interviewer].append(
                    OpenPromise(
                        interview, promise.text, promise.due, is_overdue(promise, build_date)
                    )
                )
    groups = [
        InterviewerPromises(interviewer, sorted(promises, key=urgency))
        for interviewer, promises in per_interviewer.items()
    ]
    groups.sort(
        key=lambda group: (
            not group.promises[0].overdue,
            group.interviewer is None,
            (group.interviewer or "").casefold(),
        )
    )
    open_withheld = [
        [promise for promise in promises_of(interview) if promise.status == OPEN]
        for interview in withheld
    ]
    return JourneyPromises(
        journey=journey,
        interviewers=groups,
        withheld=sum(len(promises) for promises in open_withheld),
        withheld_interviews=sum(1 for promises in open_withheld if promises),
        withheld_overdue=sum(
            is_overdue(promise, build_date) for promises in open_withheld for promise in promises
        ),
    )
