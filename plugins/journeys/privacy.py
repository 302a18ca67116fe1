"""The one place that decides what text of an interview may be published.

Figures (scores, counts, dates, gaps) come from every interview through
:mod:`journeys.facts`. Words come only through :func:`words_of`: an interview whose
participant did not consent publishes no text at all, and the ``participant`` block is
never handed to page generation.
"""

from __future__ import annotations

from collections.abc import Iterable

from journeys.model import Interview


def is_published(interview: Interview) -> bool:
    """Whether the interview's text may appear on the site."""
    return interview.consent


def words_of(interviews: Iterable[Interview]) -> list[Interview]:
    """The interviews whose text may be published, without their private block."""
    return [
        interview.model_copy(update={"participant": None})
        for interview in interviews
        if is_published(interview)
    ]


def private_values(interviews: Iterable[Interview]) -> list[tuple[str, str, str]]:
    """``(interview path, field, value)`` for every value that must never be published:
    each participant field, and every text of a non-consenting interview."""
    found: list[tuple[str, str, str]] = []
    for interview in interviews:
        path = interview.source.path
        if interview.participant is not None:
            for field, value in _texts(interview.participant.model_dump(), "participant"):
                found.append((path, field, value))
        if not is_published(interview):
            data = interview.model_dump(
                include={"goal", "trigger", "outcome", "drivers", "attributes", "follow_up", "steps"}
            )
            for step in data.get("steps", []):
                for key in ("stage", "touchpoint", "score", "peak", "accepted"):
                    step.pop(key, None)  # figures and ids, published as figures
            found.extend((path, field, value) for field, value in _texts(data, ""))
            if interview.source.body.strip():
                found.append((path, "body", interview.source.body.strip()))
    return found


def _texts(value: object, prefix: str) -> Iterable[tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, f"{prefix}[{index + 1}]")
    elif isinstance(value, str) and value.strip():
        yield prefix, value.strip()
