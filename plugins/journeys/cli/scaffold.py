"""Write new content files: an interview file that doubles as the interview guide."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import yaml

from journeys.content.diagnostics import did_you_mean
from journeys.content.loading import load_record
from journeys.content.model import SLUG_PATTERN, Journey, Persona, interview_id_problem


class ScaffoldError(Exception):
    """Something the researcher asked for cannot be written; the message says why."""


def new_interview(
    content_dir: Path,
    journey_slug: str,
    persona_slug: str,
    interview_id: str | None = None,
    date: dt.date | None = None,
) -> Path:
    """Write ``content/interviews/<YYYY-MM>/<id>.md``, in the folder of the interview's month
    (``date``, today by default), with one step per stage; refuse to overwrite.

    Slugs and the id are checked before any path is made of them (``../x`` must not reach
    outside the content folder) by the rules ``journeys check`` applies."""
    date = date or dt.date.today()
    _check_slug(content_dir / "journeys", "journey", journey_slug)
    _check_slug(content_dir / "personas", "persona", persona_slug)
    if interview_id is not None and (problem := interview_id_problem(interview_id)) is not None:
        raise ScaffoldError(f"`{interview_id}` cannot be an id: {problem}; choose another id")
    journey = _read(
        content_dir / "journeys" / f"{journey_slug}.md", Journey, "journey", journey_slug
    )
    _read(content_dir / "personas" / f"{persona_slug}.md", Persona, "persona", persona_slug)
    key = interview_id or _free_id(content_dir, f"{date.isoformat()}-{persona_slug}")
    path = content_dir / "interviews" / f"{date:%Y-%m}" / f"{key}.md"
    existing = next((content_dir / "interviews").glob(f"**/{key}.md"), path)
    if existing.exists():  # in any month's folder: an id is the study's, not the month's
        raise ScaffoldError(f"{existing.as_posix()} exists already; it was not overwritten")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(interview_text(journey, persona_slug, key, date), encoding="utf-8")
    return path


def _free_id(content_dir: Path, base: str) -> str:
    taken = {path.stem for path in (content_dir / "interviews").glob("**/*.md")}
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def _existing(folder: Path) -> list[str]:
    """The slugs of the files in ``folder`` (journeys or personas)."""
    return sorted(p.stem for p in folder.glob("*.md")) if folder.is_dir() else []


def _listed(slugs: list[str]) -> str:
    return ", ".join(f"`{slug}`" for slug in slugs) or "none yet"


def _check_slug(folder: Path, kind: str, slug: str) -> None:
    if not SLUG_PATTERN.match(slug):
        existing = _existing(folder)
        raise ScaffoldError(
            f"`{slug}` is not a {kind} slug{did_you_mean(slug.lower(), existing)}: "
            f"a slug is the {kind}'s file name in {folder.as_posix()}/ without .md, "
            "in lower-case letters, digits "
            f"and `-` (existing: {_listed(existing)})"
        )


def _read(path: Path, model: type[Journey | Persona], kind: str, slug: str) -> Journey:
    if not path.is_file():
        folder = path.parent
        raise ScaffoldError(
            f"there is no {kind} `{slug}` in {folder.as_posix()}/ "
            f"(existing: {_listed(_existing(folder))})"
        )
    record, problems = load_record(path.read_bytes(), model, path.as_posix(), path.stem)
    if not isinstance(record, model):
        first = problems[0].format() if problems else ""
        raise ScaffoldError(f"{kind} `{slug}` has errors; run `journeys check` first. {first}")
    return record  # type: ignore[return-value]


_STEP_TAIL = (
    "    expected:         # what they expected, e.g. 1 day",
    "    actual:           # what happened, e.g. 3 days",
    "    realistic:        # what would have been realistic",
    "    vs_expected:      # worse | as-expected | better, when they are not durations",
    "    # peak: true      # the one moment that stood out",
    "    # accepted: true  # waved away as normal",
)
"""The end of each step: expectations and the marks, the same for every stage."""


MONTH = dt.timedelta(days=30)
"""The due date a new file suggests for a promise: a month after the interview."""


def interview_text(journey: Journey, persona: str, key: str, date: dt.date) -> str:
    """The new file: required fields left empty (``journeys check`` lists them), the guide
    as comments."""
    touchpoints = " | ".join(tp.id for tp in journey.touchpoints)
    rounds = " | ".join(item.id for item in journey.rounds)
    lines = [
        "---",
        f'# Interview about the journey "{_comment(journey.title)}". Fill in the empty fields;',
        "# `journeys check` lists what is still missing. Delete optional lines you do not use.",
        f"id: {scalar(key)}",
        f"date: {date.isoformat()}",
        "interviewer:",
        f"persona: {scalar(persona)}",
        f"journey: {scalar(journey.slug)}",
        *(
            [f"round:              # {rounds}; empty: the round whose dates hold the date"]
            if rounds
            else []
        ),
        "consent:            # true when the participant agreed that their words are published",
        "participant:        # PRIVATE: never published anywhere",
        "  name:",
        "  email:",
        "attributes: {}      # non-identifying segment facts, e.g. experience: starter",
        "goal:               # their goal, in one sentence",
        "trigger:            # what started the journey",
        "outcome:            # how it ended",
        "goal_reached:       # true or false",
        "overall_score:      # their overall grade, 1-10 in steps of 0.5",
        "nps:                # 0-10: how likely they are to recommend the service",
        "advocacy:           # service | company | both | none",
        "drivers: []         # their motivations, in their words",
        "steps:",
    ]
    for stage in journey.stages:
        lines.append(f"  # Stage: {_comment(stage.name)}")
        if stage.description:
            lines.append(f"  #   {_comment(stage.description)}")
        lines.extend(f"  #   ? {_comment(question)}" for question in stage.questions)
        lines += [
            f"  - stage: {scalar(stage.id)}",
            "    action:           # what they did",
            "    why:",
            "    touchpoint:" + (f"       # {touchpoints}, or another one" if touchpoints else ""),
            "    score:            # 1-10 in steps of 0.5",
            "    feeling:",
            "    quote:",
            *_STEP_TAIL,
        ]
    lines += [
        "follow_up:",
        "  will: []           # what you promised to do with the results; to track one:",
        f"                     #   - {{text: ..., status: open, due: {date + MONTH}}}",
        "  wont: []           # what you said will not happen",
        "---",
        "",
        "Notes from the interview.",
        "",
    ]
    return "\n".join(lines)


def scalar(text: str) -> str:
    """``text`` as a YAML value that reads back as the same text (``no``, ``2026.10`` are
    quoted)."""
    return text if yaml.safe_load(text) == text else json.dumps(text)


def _comment(text: str) -> str:
    return " ".join(text.split())
