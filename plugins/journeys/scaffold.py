"""Write new content files: an interview file that doubles as the interview guide."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import yaml

from journeys.loading import load_record
from journeys.model import ID_PATTERN, Journey, Persona


class ScaffoldError(Exception):
    """Something the researcher asked for cannot be written; the message says why."""


def new_interview(
    content_dir: Path,
    journey_slug: str,
    persona_slug: str,
    interview_id: str | None = None,
    today: dt.date | None = None,
) -> Path:
    """Write ``content/interviews/<id>.md`` with one step per stage; refuse to overwrite."""
    date = today or dt.date.today()
    journey = _read(content_dir / "journeys" / f"{journey_slug}.md", Journey, "journey", journey_slug)
    _read(content_dir / "personas" / f"{persona_slug}.md", Persona, "persona", persona_slug)
    key = interview_id or _free_id(content_dir, f"{date.isoformat()}-{persona_slug}")
    if not ID_PATTERN.match(key):
        raise ScaffoldError(f"`{key}` cannot be an id: use letters, digits, `-`, `_` and `.`")
    path = content_dir / "interviews" / f"{key}.md"
    if path.exists():
        raise ScaffoldError(f"{path.as_posix()} exists already; it was not overwritten")
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


def _read(path: Path, model: type[Journey | Persona], kind: str, slug: str) -> Journey:
    if not path.is_file():
        folder = path.parent
        existing = sorted(p.stem for p in folder.glob("*.md")) if folder.is_dir() else []
        listed = ", ".join(f"`{name}`" for name in existing) or "none yet"
        raise ScaffoldError(f"there is no {kind} `{slug}` in {folder.as_posix()}/ (existing: {listed})")
    record, problems = load_record(path.read_bytes(), model, path.as_posix(), path.stem)
    if not isinstance(record, model):
        first = problems[0].format() if problems else ""
        raise ScaffoldError(f"{kind} `{slug}` has errors; run `journeys check` first. {first}")
    return record  # type: ignore[return-value]


def interview_text(journey: Journey, persona: str, key: str, date: dt.date) -> str:
    """The new file: required fields left empty (``journeys check`` lists them), the guide as comments."""
    touchpoints = " | ".join(tp.id for tp in journey.touchpoints)
    lines = [
        "---",
        f"# Interview about the journey \"{_comment(journey.title)}\". Fill in the empty fields;",
        "# `journeys check` lists what is still missing. Delete optional lines you do not use.",
        f"id: {scalar(key)}",
        f"date: {date.isoformat()}",
        "interviewer:",
        f"persona: {scalar(persona)}",
        f"journey: {scalar(journey.slug)}",
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
        lines.extend(
            [
                f"  - stage: {scalar(stage.id)}",
                "    action:           # what they did",
                "    why:",
                "    touchpoint:" + (f"       # {touchpoints}, or another one" if touchpoints else ""),
                "    score:            # 1-10 in steps of 0.5",
                "    feeling:",
                "    quote:",
                "    expected:         # what they expected, e.g. 1 day",
                "    actual:           # what happened, e.g. 3 days",
                "    realistic:        # what would have been realistic",
                "    # peak: true      # the one moment that stood out",
                "    # accepted: true  # waved away as normal",
            ]
        )
    lines += [
        "follow_up:",
        "  will: []           # what you promised to do with the results",
        "  wont: []           # what you said will not happen",
        "---",
        "",
        "Notes from the interview.",
        "",
    ]
    return "\n".join(lines)


def scalar(text: str) -> str:
    """``text`` as a YAML value that reads back as the same text (``no``, ``2026.10`` are quoted)."""
    return text if yaml.safe_load(text) == text else json.dumps(text)


def _comment(text: str) -> str:
    return " ".join(text.split())
