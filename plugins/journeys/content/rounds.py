"""Rounds of interviews: which round an interview belongs to, and the rules of a journey's
``rounds`` and of every ``round`` that names one.

:func:`round_of` is the one answer to "which round is this interview in?": later layers ask
it, and never compare dates with rounds themselves.
"""

from __future__ import annotations

import datetime as dt

from journeys.content.diagnostics import (
    Diagnostic,
    Location,
    Severity,
    did_you_mean,
    format_field,
    one_of,
    quoted,
)
from journeys.content.model import Interview, Journey, Round, Source


def holds(item: Round, date: dt.date) -> bool:
    """Whether ``date`` is within the round, both ends included (an open end: no end)."""
    return item.from_ <= date and (item.to is None or date <= item.to)


def in_order(journey: Journey) -> list[Round]:
    """The journey's rounds by their first day (rounds written on one day: as written)."""
    return sorted(journey.rounds, key=lambda item: item.from_)


def round_of(journey: Journey, interview: Interview) -> str | None:
    """The id of the round ``interview`` (of ``journey``) belongs to: its ``round`` when
    given, else the round whose dates hold its ``date``. None when the journey has no rounds
    (or when no round fits, which ``journeys check`` reports as an error)."""
    if interview.round is not None:
        return interview.round if journey.round(interview.round) is not None else None
    return dated_round(journey, interview.date)


def dated_round(journey: Journey, date: dt.date) -> str | None:
    """The id of the first round (by date) that holds ``date``, or None."""
    return next((item.id for item in in_order(journey) if holds(item, date)), None)


def span(item: Round) -> str:
    """``2026-01-05 to 2026-02-28``, or ``from 2026-03-01`` for a round without an end."""
    if item.to is None:
        return f"from {item.from_.isoformat()}"
    return f"{item.from_.isoformat()} to {item.to.isoformat()}"


# --- the rules ------------------------------------------------------------------------------


def check_rounds(journey: Journey) -> list[Diagnostic]:
    """A journey's rounds (each ends after it starts; none overlap) and the ``round`` of
    each opportunity. Duplicate ids are reported with the journey's other ids."""
    source = journey.source
    problems = []
    for index, item in enumerate(journey.rounds):
        if item.to is not None and item.to < item.from_:
            location = ("rounds", index, "to")
            problems.append(
                Diagnostic(
                    source.path,
                    source.line_of(*location),
                    Severity.ERROR,
                    f"round `{item.id}` ends on {item.to.isoformat()} before it starts on "
                    f"{item.from_.isoformat()}: correct `from` or `to`",
                    format_field(location),
                )
            )
    problems.extend(_overlaps(journey))
    for index, opportunity in enumerate(journey.opportunities):
        if opportunity.round is not None and journey.round(opportunity.round) is None:
            location = ("opportunities", index, "round")
            problems.append(
                _unknown_round(journey, opportunity.round, source, location),
            )
    return problems


def _overlaps(journey: Journey) -> list[Diagnostic]:
    """Each pair of rounds that share a day, reported on the ``from`` of the later one."""
    source = journey.source
    dated = sorted(
        (
            (index, item)
            for index, item in enumerate(journey.rounds)
            if item.to is None or item.to >= item.from_  # else its own message says so
        ),
        key=lambda pair: pair[1].from_,
    )
    problems = []
    for position, (first_index, first) in enumerate(dated):
        for index, later in dated[position + 1 :]:
            if first.to is not None and first.to < later.from_:
                continue
            location = ("rounds", index, "from")
            day_before = (later.from_ - dt.timedelta(days=1)).isoformat()
            problems.append(
                Diagnostic(
                    source.path,
                    source.line_of(*location),
                    Severity.ERROR,
                    f"round `{later.id}` ({span(later)}) overlaps round `{first.id}` "
                    f"({span(first)}, line {source.line_of('rounds', first_index, 'from')}): "
                    "an interview belongs to one round, so "
                    + (
                        f"end round `{first.id}` before `{later.id}` starts (`to: {day_before}`)"
                        if first.from_ < later.from_
                        else "give one of them other dates"
                    ),
                    format_field(location),
                )
            )
    return problems


def check_interview_round(
    journey: Journey, source: Source, given: str | None, date: dt.date | None
) -> list[Diagnostic]:
    """The ``round`` an interview of ``journey`` gives (``given``), or the round its
    ``date`` puts it in: a round that does not exist is an error, and so is a date in no
    round of a journey with rounds; a given round that does not hold the date, a warning."""
    if given is not None:
        found = journey.round(given)
        if found is None:
            return [_unknown_round(journey, given, source, ("round",))]
        if date is None or holds(found, date):
            return []
        by_date = dated_round(journey, date)
        return [
            Diagnostic(
                source.path,
                source.line_of("round"),
                Severity.WARNING,
                f"the interview's date {date.isoformat()} is outside round `{found.id}` "
                f"({span(found)}); it counts in `{found.id}` as given"
                + (f" (by its date it belongs to `{by_date}`)" if by_date else "")
                + ": correct the date, or the round",
                "round",
            )
        ]
    if not journey.rounds or date is None or dated_round(journey, date) is not None:
        return []
    rounds = ", ".join(f"`{item.id}` {span(item)}" for item in in_order(journey))
    return [
        Diagnostic(
            source.path,
            source.line_of("date"),
            Severity.ERROR,
            f"{date.isoformat()} is in no round of journey `{journey.slug}` ({rounds}): "
            f"correct the date, or change a round in {journey.source.path} to hold it",
            "date",
        )
    ]


def _unknown_round(journey: Journey, given: str, source: Source, location: Location) -> Diagnostic:
    ids = [item.id for item in journey.rounds]
    return Diagnostic(
        source.path,
        source.line_of(*location),
        Severity.ERROR,
        f"round {quoted(given)} is not a round of journey `{journey.slug}`"
        f"{did_you_mean(given, ids)}; its rounds are {one_of(list(dict.fromkeys(ids)))}"
        if ids
        else f"journey `{journey.slug}` has no rounds: add `rounds:` to {journey.source.path}, "
        "or remove `round`",
        format_field(location),
    )
