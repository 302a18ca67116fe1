"""Write a synthetic customer-journey study for benchmarks and tests.

    python benchmarks/generate.py OUT_DIR --interviews 1000 --personas 6 --journeys 4 --seed 1

writes ``OUT_DIR/content/{personas,journeys,interviews/<yyyy-mm>}/*.md`` following the
content contract (docs/guide/content-format.md): personas, journeys with stages,
touchpoints and opportunities backed by evidence, and interviews of 4-8 steps with
scores, feelings, quotes, one peak in most interviews, accepted steps, expectations
(durations such as ``2 days``, ``3 weken``, ``PT4H`` and free text), participant blocks
and about 5% ``consent: false``. The same arguments always give the same bytes.

From Python: ``generate(out_dir, interviews=..., personas=..., journeys=..., seed=...)``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from words import (
    CIRCUMSTANCES,
    DISCOVERED_TOUCHPOINTS,
    DRIVERS,
    DURATIONS,
    EXPERIENCE,
    FEELINGS,
    FIRST_NAMES,
    FOLLOW_UP_WILL,
    FOLLOW_UP_WONT,
    FREE_EXPECTATIONS,
    INTERVIEWERS,
    JOURNEY_TEMPLATES,
    LAST_NAMES,
    MONTHS,
    OBJECTS,
    PAST_EVENTS,
    PERSONA_ADJECTIVES,
    PERSONA_NOUNS,
    PERSONA_SUMMARIES,
    PRONOUNS,
    QUOTES,
    SENTENCES,
    SITES,
    TOUCHPOINTS,
    VERBS,
    WEEKDAYS,
    WHYS,
)

_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

FIRST_DAY = dt.date(2024, 4, 1)
DAYS = 730  # two years of interviews, newest in March 2026


# --- what was generated ----------------------------------------------------------------------


@dataclass
class GeneratedStudy:
    content_dir: Path
    personas: list[str] = field(default_factory=list)
    journeys: list[str] = field(default_factory=list)
    interviews: list[Path] = field(default_factory=list)
    """Interview files, in id order."""

    @property
    def max_charts(self) -> int:
        """Upper bound of charts the site may have: per journey an emotion graph and a
        persona graph, and one graph per persona and journey."""
        return len(self.journeys) * (len(self.personas) + 2)


# --- generation --------------------------------------------------------------------------------


def generate(
    out_dir: Path | str,
    interviews: int = 1000,
    personas: int = 6,
    journeys: int = 4,
    seed: int = 1,
) -> GeneratedStudy:
    """Write the study under ``out_dir/content`` (which must not exist yet or be empty)."""
    if interviews < 1 or personas < 1 or journeys < 1:
        raise ValueError("interviews, personas and journeys must each be at least 1")
    rng = random.Random(seed)
    content = Path(out_dir) / "content"
    for kind in ("personas", "journeys", "interviews"):
        (content / kind).mkdir(parents=True, exist_ok=True)
    study = GeneratedStudy(content)

    persona_slugs = _persona_slugs(personas, rng)
    for index, slug in enumerate(persona_slugs):
        _write(
            content / "personas" / f"{slug}.md", _persona(slug, index, rng), _paragraphs(rng, 1, 2)
        )
    study.personas = persona_slugs

    journey_defs = _journey_defs(journeys, rng)
    study.journeys = [slug for slug, *_ in journey_defs]
    by_journey = _write_interviews(content, study, persona_slugs, journey_defs, interviews, rng)
    for journey in journey_defs:
        _write_journey(content, journey, sorted(by_journey[journey[0]]), rng)
    return study


Journey = tuple[str, str, str, tuple[str, ...], list[tuple[str, str, str]]]
"""slug, title, goal, stage ids, touchpoints (id, name, kind)."""


def _write_interviews(
    content: Path,
    study: GeneratedStudy,
    persona_slugs: list[str],
    journey_defs: list[Journey],
    interviews: int,
    rng: random.Random,
) -> dict[str, list[str]]:
    """Write the interviews and list them in ``study``; return their ids by journey."""
    # Personas and journeys are not equally common in real studies.
    persona_weights = [rng.uniform(0.5, 2.0) for _ in persona_slugs]
    journey_weights = [rng.uniform(0.5, 2.0) for _ in journey_defs]
    persona_mood = {slug: rng.uniform(-1.5, 1.5) for slug in persona_slugs}
    by_journey: dict[str, list[str]] = {slug: [] for slug, *_ in journey_defs}
    ids: list[tuple[str, Path]] = []
    for number in range(1, interviews + 1):
        persona = rng.choices(persona_slugs, persona_weights)[0]
        journey = rng.choices(journey_defs, journey_weights)[0]
        date = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        first = rng.choice(FIRST_NAMES)
        key = f"{date:%Y-%m}-{first.lower().replace('ë', 'e')}-{number:05d}"
        data, body = _interview(key, date, persona, journey, persona_mood[persona], rng)
        path = content / "interviews" / f"{date:%Y-%m}" / f"{key}.md"
        path.parent.mkdir(exist_ok=True)
        _write(path, data, body)
        ids.append((key, path))
        by_journey[journey[0]].append(key)
    study.interviews = [path for _, path in sorted(ids)]
    return by_journey


def _write_journey(
    content: Path, journey: Journey, evidence_pool: list[str], rng: random.Random
) -> None:
    slug, title, goal, stage_ids, touchpoints = journey
    data: dict[str, Any] = {
        "title": title,
        "goal": goal,
        "stages": [
            {
                "id": stage,
                "name": stage.replace("-", " ").capitalize(),
                "description": rng.choice(SENTENCES),
                "questions": [f"What happened when you reached '{stage}'?", "How did that feel?"],
            }
            for stage in stage_ids
        ],
        "touchpoints": [{"id": tp, "name": name, "kind": kind} for tp, name, kind in touchpoints],
    }
    if evidence_pool:
        data["opportunities"] = [
            {
                "title": f"Opportunity {n + 1} for {title.lower()}",
                "stage": rng.choice(stage_ids),
                "owner": rng.choice(("IT service desk", "HR", "Facilities", "Finance")),
                "metric": "Days lost waiting",
                "evidence": rng.sample(evidence_pool, min(3, len(evidence_pool))),
            }
            for n in range(2)
        ]
    _write(content / "journeys" / f"{slug}.md", data, _paragraphs(rng, 1, 2))


def _persona_slugs(count: int, rng: random.Random) -> list[str]:
    combinations = [f"{a}-{n}" for a in PERSONA_ADJECTIVES for n in PERSONA_NOUNS]
    rng.shuffle(combinations)
    slugs = combinations[:count]
    slugs += [f"persona-{index:03d}" for index in range(len(slugs), count)]
    return sorted(slugs)


def _persona(slug: str, index: int, rng: random.Random) -> dict[str, Any]:
    first = FIRST_NAMES[index % len(FIRST_NAMES)]
    return {
        "name": f"{first}, the {slug.replace('-', ' ')}",
        "summary": rng.choice(PERSONA_SUMMARIES),
        "attributes": {
            "age": rng.choice(("20-30", "30-40", "40-50", "50-65")),
            "context": rng.choice(("office-based", "hybrid", "field work")),
            "tech_confidence": rng.choice(("low", "medium", "high")),
        },
    }


def _journey_defs(count: int, rng: random.Random) -> list[Journey]:
    defs = []
    for index in range(count):
        slug, title, goal, stages = JOURNEY_TEMPLATES[index % len(JOURNEY_TEMPLATES)]
        if index >= len(JOURNEY_TEMPLATES):
            round_ = index // len(JOURNEY_TEMPLATES) + 1
            slug, title = f"{slug}-{round_}", f"{title} {round_}"
        touchpoints = rng.sample(TOUCHPOINTS, rng.randint(4, 6))
        defs.append((slug, title, goal, stages, touchpoints))
    return sorted(defs)


def _interview(
    key: str,
    date: dt.date,
    persona: str,
    journey: Journey,
    mood: float,
    rng: random.Random,
) -> tuple[dict[str, Any], str]:
    slug, _title, goal, stage_ids, touchpoints = journey
    steps = _steps(stage_ids, touchpoints, mood, rng)
    data: dict[str, Any] = {
        "id": key,
        "date": date.isoformat(),
        "interviewer": rng.choice(INTERVIEWERS),
        "persona": persona,
        "journey": slug,
        "consent": rng.random() >= 0.05,
    }
    if rng.random() < 0.9:
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        data["participant"] = {
            "name": f"{first} {last}",
            "email": f"{first.lower()}.{last.split()[-1].lower()}@example.org".replace("ë", "e"),
            "phone": f"+31 6 {rng.randrange(10**8):08d}",
        }
    data["attributes"] = {"experience": rng.choice(EXPERIENCE), "site": rng.choice(SITES)}
    data["goal"] = (
        goal if rng.random() < 0.3 else _with_detail(f"{goal}, {rng.choice(CIRCUMSTANCES)}", rng)
    )
    if rng.random() < 0.8:
        data["trigger"] = _with_detail(f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}", rng)
    if rng.random() < 0.8:
        data["outcome"] = f"{_event(rng).capitalize()} {_detail(rng)}."
    if rng.random() < 0.8:
        data["goal_reached"] = rng.random() < 0.75
    data["overall_score"] = _grade(sum(s["score"] for s in steps) / len(steps) + rng.gauss(0, 0.8))
    if rng.random() < 0.8:
        data["nps"] = max(0, min(10, round(rng.gauss(6.5 + mood, 2))))
    if rng.random() < 0.7:
        data["advocacy"] = rng.choice(("service", "company", "both", "none"))
    drivers = rng.sample(DRIVERS, rng.randint(0, 2))
    if drivers:
        data["drivers"] = drivers
    data["steps"] = steps
    if rng.random() < 0.3:
        data["follow_up"] = {
            "will": [rng.choice(FOLLOW_UP_WILL)],
            "wont": [rng.choice(FOLLOW_UP_WONT)],
        }
    return data, _paragraphs(rng, 2, 4)


def _steps(
    stage_ids: tuple[str, ...],
    touchpoints: list[tuple[str, str, str]],
    mood: float,
    rng: random.Random,
) -> list[dict[str, Any]]:
    """4-8 steps around one low point; most interviews mark one step as the peak."""
    stages = _step_stages(stage_ids, rng.randint(4, 8), rng)
    low_point = rng.randrange(len(stages))
    steps = []
    for position, stage in enumerate(stages):
        low = 2.5 if position == low_point else 0
        last = 1 if position == len(stages) - 1 else 0
        action = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(CIRCUMSTANCES)}"
        step: dict[str, Any] = {"stage": stage, "action": _with_detail(action, rng)}
        if rng.random() < 0.4:
            step["why"] = rng.choice(WHYS)
        if rng.random() < 0.7:
            discovered = rng.random() < 0.05
            step["touchpoint"] = (
                rng.choice(DISCOVERED_TOUCHPOINTS) if discovered else rng.choice(touchpoints)[0]
            )
        step["score"] = _grade(rng.gauss(6.5 + mood - low + last, 1.5))
        if rng.random() < 0.7:
            step["feeling"] = rng.choice(FEELINGS)
        if rng.random() < 0.2:
            step["quote"] = _quote(rng)
        if rng.random() < 0.3:
            step.update(_expectation(rng))
        if rng.random() < 0.08:
            step["accepted"] = True
        steps.append(step)
    if rng.random() < 0.75:
        steps[low_point if rng.random() < 0.6 else rng.randrange(len(steps))]["peak"] = True
    return steps


def _quote(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return rng.choice(QUOTES)
    return f"{_event(rng).capitalize()}, {rng.choice(QUOTES)}"


def _step_stages(stage_ids: tuple[str, ...], count: int, rng: random.Random) -> list[str]:
    """``count`` stages in journey order: some skipped or repeated, now and then a loop back."""
    last = len(stage_ids) - 1
    if count >= len(stage_ids):
        picks = sorted(
            [*range(len(stage_ids)), *rng.choices(range(len(stage_ids)), k=count - len(stage_ids))]
        )
    else:
        picks = [0, *sorted(rng.sample(range(1, last), count - 2)), last]
    if count >= 5 and rng.random() < 0.1:  # the problem came back
        at = rng.randrange(2, count)
        picks[at] = rng.randrange(0, picks[at - 1] + 1)
    return [stage_ids[index] for index in picks]


def _expectation(rng: random.Random) -> dict[str, str]:
    if rng.random() < 0.7:
        expected, actual, realistic = (rng.choice(DURATIONS) for _ in range(3))
    else:
        expected, actual, realistic = rng.choice(FREE_EXPECTATIONS)
    values = {"expected": expected, "actual": actual, "realistic": realistic}
    if rng.random() < 0.3:
        del values["realistic"]
    return values


def _grade(value: float) -> float | int:
    grade = max(1.0, min(10.0, round(value * 2) / 2))
    return int(grade) if grade.is_integer() else grade


def _detail(rng: random.Random) -> str:
    """A concrete detail (a time, a day, a ticket, a name) that makes a sentence its own."""
    kind = rng.randrange(5)
    if kind == 0:
        return f"at {rng.randint(7, 19)}:{rng.randrange(60):02d}"
    if kind == 1:
        return f"on {rng.choice(WEEKDAYS)} {rng.randint(1, 28)} {rng.choice(MONTHS)}"
    if kind == 2:
        return f"(ticket {rng.randrange(10**6):06d})"
    if kind == 3:
        return f"together with {rng.choice(FIRST_NAMES)} from {rng.choice(SITES)}"
    return (
        f"after {rng.randint(2, 9)} {rng.choice(('calls', 'mails', 'days', 'hours', 'reminders'))}"
    )


def _with_detail(text: str, rng: random.Random) -> str:
    return f"{text} {_detail(rng)}" if rng.random() < 0.8 else text


def _event(rng: random.Random) -> str:
    return rng.choice(PAST_EVENTS).format(who=rng.choice(PRONOUNS), name=rng.choice(FIRST_NAMES))


def _paragraphs(rng: random.Random, low: int, high: int) -> str:
    """Notes: stock observations mixed with sentences about this interview's own events."""

    def sentence() -> str:
        if rng.random() < 0.5:
            return rng.choice(SENTENCES)
        return f"{_detail(rng).capitalize()} {_event(rng)}, {rng.choice(CIRCUMSTANCES)}."

    return "\n\n".join(
        " ".join(sentence() for _ in range(rng.randint(3, 6)))
        for _ in range(rng.randint(low, high))
    )


def _write(path: Path, data: dict[str, Any], body: str) -> None:
    front = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(f"---\n{front}---\n{body}\n", encoding="utf-8")


# --- command line ----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, help="folder to write content/ into")
    parser.add_argument("--interviews", type=int, default=1000)
    parser.add_argument("--personas", type=int, default=6)
    parser.add_argument("--journeys", type=int, default=4)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if (args.out_dir / "content").exists() and any((args.out_dir / "content").iterdir()):
        parser.error(f"{args.out_dir / 'content'} exists and is not empty")
    study = generate(args.out_dir, args.interviews, args.personas, args.journeys, args.seed)
    print(
        f"Wrote {len(study.interviews)} interviews, {len(study.personas)} personas and "
        f"{len(study.journeys)} journeys to {study.content_dir}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
