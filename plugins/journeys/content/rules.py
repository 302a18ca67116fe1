"""Rules that span records or files: references, unique ids, peaks, evidence.

Each function takes validated records and returns diagnostics; none raises.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from journeys.content.diagnostics import (
    Diagnostic,
    Severity,
    did_you_mean,
    format_field,
    one_of,
    quoted,
)
from journeys.content.durations import UnreadableDuration, gap, unreadable_duration
from journeys.content.model import (
    ID_PATTERN,
    SLUG_PATTERN,
    Interview,
    Journey,
    Source,
    Step,
    interview_id_problem,
    reserved_name_problem,
)
from journeys.content.rounds import check_interview_round, check_rounds
from journeys.content.values import date_or_none, verdict_of_gap


def check_slugs(sources: Sequence[Source], folder: str) -> list[Diagnostic]:
    """Persona and journey file names (in ``folder``) are their slugs, so they must be
    valid slugs and not a name the site's own pages use."""
    problems = []
    for source in sources:
        stem = source.stem
        if not SLUG_PATTERN.match(stem):
            suggestion = _slugify(stem)
            problems.append(
                Diagnostic(
                    source.path,
                    1,
                    Severity.ERROR,
                    "the file name must be a slug: lower-case letters, digits and `-`"
                    + (f" (rename it to `{suggestion}.md`)" if suggestion else ""),
                )
            )
        elif (reserved := reserved_name_problem(stem, folder)) is not None:
            problems.append(
                Diagnostic(
                    source.path, 1, Severity.ERROR, f"the file name {reserved}: rename the file"
                )
            )
    return problems


def _ascii(text: str) -> str:
    """``café`` -> ``cafe``: letters without their accents; other non-ASCII is dropped."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _slugify(text: str) -> str:
    cleaned = "".join(c if c.isalnum() and c.isascii() else "-" for c in _ascii(text).lower())
    slug = "-".join(part for part in cleaned.split("-") if part)
    return f"{slug}-1" if reserved_name_problem(slug, "") else slug


def suggested_id(text: str) -> str:
    """A valid interview id made from ``text`` (a file name), or "" when none can be made."""
    cleaned = re.sub(r"-{2,}", "-", re.sub(r"[^A-Za-z0-9._-]+", "-", _ascii(text))).strip("-._")
    if cleaned and reserved_name_problem(cleaned, "") is not None:
        cleaned += "-1"
    return cleaned if ID_PATTERN.match(cleaned) else ""


def _file_name_id(interview: InterviewReferences) -> Diagnostic | None:
    """An interview without ``id`` takes its file name as id: the same rules apply."""
    problem = interview_id_problem(interview.key)
    if problem is None:
        return None
    suggestion = suggested_id(interview.key)
    fix = (
        f"rename the file to `{suggestion}.md` or add a line `id: {suggestion}`"
        if suggestion
        else "rename the file, or add a line `id:` with a valid id"
    )
    return Diagnostic(
        interview.source.path,
        1,
        Severity.ERROR,
        f"the file name is the interview's id, and {problem}: {fix}",
        "id",
    )


def check_journeys(journeys: Iterable[Journey]) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    for journey in journeys:
        problems.extend(_duplicates(journey, "stages", [s.id for s in journey.stages]))
        problems.extend(_duplicates(journey, "touchpoints", [t.id for t in journey.touchpoints]))
        problems.extend(_duplicates(journey, "rounds", [r.id for r in journey.rounds]))
        problems.extend(check_rounds(journey))
        for index, opportunity in enumerate(journey.opportunities):
            if journey.stage(opportunity.stage) is None:
                problems.append(
                    _unknown_stage(
                        journey,
                        opportunity.stage,
                        journey.source.path,
                        journey.source.line_of("opportunities", index, "stage"),
                        ("opportunities", index, "stage"),
                    )
                )
    return problems


def _duplicates(journey: Journey, field: str, ids: list[str]) -> list[Diagnostic]:
    first_index: dict[str, int] = {}
    problems = []
    for index, item_id in enumerate(ids):
        if item_id in first_index:
            first_line = journey.source.line_of(field, first_index[item_id], "id")
            problems.append(
                Diagnostic(
                    journey.source.path,
                    journey.source.line_of(field, index, "id"),
                    Severity.ERROR,
                    f"duplicate id `{item_id}`: also used on line {first_line} of "
                    f"{journey.source.path}; ids must be unique within a journey",
                    format_field((field, index, "id")),
                )
            )
        else:
            first_index[item_id] = index
    return problems


def _unknown_stage(
    journey: Journey, stage: str, path: str, line: int, location: tuple[str | int, ...]
) -> Diagnostic:
    suggestion = did_you_mean(stage, journey.stage_ids)
    return Diagnostic(
        path,
        line,
        Severity.ERROR,
        f"stage {quoted(stage)} is not a stage of journey `{journey.slug}`{suggestion}; "
        f"its stages are {one_of(list(dict.fromkeys(journey.stage_ids)))}",
        format_field(location),
    )


@dataclass(frozen=True)
class InterviewReferences:
    """What an interview refers to, read from a valid record or from raw front matter."""

    source: Source
    key: str
    explicit_id: bool
    persona: str | None
    journey: str | None
    stages: tuple[tuple[int, str], ...]
    peaks: tuple[int, ...]
    verdict_conflicts: tuple[tuple[int, str, str], ...] = ()
    """Steps whose ``vs_expected`` disagrees with their duration gap:
    ``(index, vs_expected, the gap's verdict)``."""
    unreadable_durations: tuple[tuple[int, str, UnreadableDuration], ...] = ()
    """Values that look like durations but cannot be read: ``(index, field, why)``."""
    round: str | None = None
    date: dt.date | None = None

    @classmethod
    def of(cls, record: Interview | Any) -> InterviewReferences:
        if isinstance(record, Interview):
            return cls(
                source=record.source,
                key=record.key,
                explicit_id=record.id is not None,
                persona=record.persona,
                journey=record.journey,
                stages=tuple(enumerate(step.stage for step in record.steps)),
                peaks=tuple(index for index, step in enumerate(record.steps) if step.peak),
                verdict_conflicts=_verdict_conflicts(record.steps),
                unreadable_durations=_unreadable_durations(record.steps),
                round=record.round,
                date=record.date,
            )
        # A file whose fields did not validate: read what can be read of its raw data.
        data = record.data
        steps = data.get("steps") if isinstance(data.get("steps"), list) else []
        steps = [step if isinstance(step, dict) else {} for step in steps]
        explicit = data.get("id")
        return cls(
            source=record.source,
            key=str(explicit) if explicit is not None else record.source.stem,
            explicit_id=explicit is not None,
            persona=_text_or_none(data.get("persona")),
            journey=_text_or_none(data.get("journey")),
            stages=tuple(
                (index, step["stage"])
                for index, step in enumerate(steps)
                if isinstance(step.get("stage"), str)
            ),
            peaks=tuple(index for index, step in enumerate(steps) if step.get("peak") is True),
            round=_text_or_none(data.get("round")),
            date=date_or_none(data.get("date")),
        )


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _verdict_conflicts(steps: Sequence[Step]) -> tuple[tuple[int, str, str], ...]:
    found = []
    for index, step in enumerate(steps):
        expected_gap = gap(step.actual, step.expected)
        if step.vs_expected is None or expected_gap is None:
            continue
        by_gap = verdict_of_gap(expected_gap)
        if by_gap != step.vs_expected:
            found.append((index, step.vs_expected, by_gap))
    return tuple(found)


def _check_verdicts(interview: InterviewReferences) -> list[Diagnostic]:
    """A pair of durations is judged by its gap; a ``vs_expected`` that says otherwise is
    probably a mistake in one of the three values."""
    source = interview.source
    problems = []
    for index, said, by_gap in interview.verdict_conflicts:
        location = ("steps", index, "vs_expected")
        problems.append(
            Diagnostic(
                source.path,
                source.line_of(*location),
                Severity.WARNING,
                f"`vs_expected: {said}` disagrees with the durations, which say `{by_gap}`; "
                "a pair of durations is judged by its gap: correct `expected` or `actual`, "
                "or remove `vs_expected`",
                format_field(location),
            )
        )
    return problems


def _unreadable_durations(
    steps: Sequence[Step],
) -> tuple[tuple[int, str, UnreadableDuration], ...]:
    return tuple(
        (index, field, unreadable)
        for index, step in enumerate(steps)
        for field in ("expected", "actual", "realistic")
        if (unreadable := unreadable_duration(getattr(step, field))) is not None
    )


def _check_durations(interview: InterviewReferences) -> list[Diagnostic]:
    """A value that looks like a duration but cannot be read gets no gap: say so, since the
    table sorted by delay would otherwise drop it to the bottom without a word. An
    open-ended one (``more than a week``) is a bound, which no gap can be computed from."""
    source = interview.source
    problems = []
    for index, field, unreadable in interview.unreadable_durations:
        location = ("steps", index, field)
        misspelt = f" (did you mean `{unreadable.unit}`?)" if unreadable.unit else ""
        problems.append(
            Diagnostic(
                source.path,
                source.line_of(*location),
                Severity.WARNING,
                f"looks like a duration but is open-ended{misspelt}, so it cannot be compared "
                "exactly and gets no gap: write a number or a range, such as `8 days` or "
                "`1-2 weeks`"
                if unreadable.open_ended
                else f"looks like a duration but cannot be read{misspelt}, so it gets no gap: "
                "write a number and a unit, such as `2 weeks`, `drie weken` or `2-3 weeks`",
                format_field(location),
            )
        )
    return problems


def check_interviews(
    interviews: Sequence[InterviewReferences],
    persona_slugs: set[str],
    journeys: dict[str, Journey],
    journey_slugs: set[str],
) -> list[Diagnostic]:
    """References, unique ids and peaks of every interview, valid or not.

    ``journeys`` are the valid journeys (their stages can be checked); ``journey_slugs``
    all journey files, so an invalid journey file is not also reported as missing.
    """
    problems: list[Diagnostic] = []
    # As file systems compare names: macOS and Windows do not tell `Eva-01` from `eva-01`,
    # and Windows drops a final `.` (the page of `a.` is the folder `interviews/a./`).
    first_by_id: dict[str, InterviewReferences] = {}
    for interview in interviews:
        problems.extend(_check_references(interview, persona_slugs, journeys, journey_slugs))
        problems.extend(_check_verdicts(interview))
        problems.extend(_check_durations(interview))
        if not interview.explicit_id and (misnamed := _file_name_id(interview)) is not None:
            problems.append(misnamed)
            continue
        if interview_id_problem(interview.key) is not None:
            continue  # an invalid explicit id: its own message says so
        earlier = first_by_id.setdefault(interview.key.lower().rstrip("."), interview)
        if earlier is not interview:
            case = (
                ""
                if earlier.key == interview.key
                else f" as {quoted(earlier.key)} (ids that differ only in upper or lower case, "
                "or in a final `.`, are one file on macOS and Windows)"
            )
            problems.append(
                Diagnostic(
                    interview.source.path,
                    interview.source.line_of("id") if interview.explicit_id else 1,
                    Severity.ERROR,
                    f"duplicate interview id {quoted(interview.key)}: also the id of "
                    f"{earlier.source.path}{case}; give one of them an explicit, unique `id`",
                    "id",
                )
            )
    return problems


def _check_references(
    interview: InterviewReferences,
    persona_slugs: set[str],
    journeys: dict[str, Journey],
    journey_slugs: set[str],
) -> list[Diagnostic]:
    source = interview.source
    problems = []
    for field, slug, known, kind in (
        ("persona", interview.persona, persona_slugs, "personas"),
        ("journey", interview.journey, journey_slugs, "journeys"),
    ):
        if slug is not None and slug not in known:
            hint = did_you_mean(slug, known) or (
                f" (existing: {one_of(sorted(known))})" if known else f" (there are no {kind} yet)"
            )
            problems.append(
                Diagnostic(
                    source.path,
                    source.line_of(field),
                    Severity.ERROR,
                    f"{quoted(slug)} names no file in content/{kind}/{hint}",
                    field,
                )
            )
    journey = journeys.get(interview.journey or "")
    if journey is not None:
        for index, stage in interview.stages:
            if journey.stage(stage) is None:
                location = ("steps", index, "stage")
                problems.append(
                    _unknown_stage(journey, stage, source.path, source.line_of(*location), location)
                )
        problems.extend(check_interview_round(journey, source, interview.round, interview.date))
    if len(interview.peaks) > 1:
        lines = ", ".join(str(source.line_of("steps", index, "peak")) for index in interview.peaks)
        location = ("steps", interview.peaks[1], "peak")
        problems.append(
            Diagnostic(
                source.path,
                source.line_of(*location),
                Severity.WARNING,
                f"more than one peak moment (lines {lines}); mark only the one that stood out",
                format_field(location),
            )
        )
    return problems


def check_opportunities(
    journeys: Iterable[Journey], interviews: Sequence[InterviewReferences]
) -> list[Diagnostic]:
    """Every claim traces back to interviews: evidence must name interviews of the journey."""
    journey_of = {interview.key: interview.journey for interview in interviews}
    problems = []
    for journey in journeys:
        for index, opportunity in enumerate(journey.opportunities):
            for item, interview_id in enumerate(opportunity.evidence):
                location = ("opportunities", index, "evidence", item)
                found = journey_of.get(interview_id)
                if found == journey.slug:
                    continue
                if found is None:
                    own = [key for key, slug in journey_of.items() if slug == journey.slug]
                    reason = f"names no interview{did_you_mean(interview_id, own)}"
                else:
                    reason = f"is an interview of journey `{found}`, not of `{journey.slug}`"
                problems.append(
                    Diagnostic(
                        journey.source.path,
                        journey.source.line_of(*location),
                        Severity.ERROR,
                        f"evidence {quoted(interview_id)} {reason}",
                        format_field(location),
                    )
                )
    return problems
