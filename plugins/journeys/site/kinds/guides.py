"""Interview guides: one per journey, made from its file, for the interviewer to hold the
interview with (on a screen or on two A4 pages), linked from the journey's page.

A guide lives in its own folder, not beside the journey page: a page in ``journeys/``
would be listed in the Journeys section of the navigation, and a name such as
``journeys/<slug>-guide.md`` could be another journey's page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from journeys.content.model import Journey
from journeys.site.labels import Labels
from journeys.site.render import OutputFile, PageKind, Renderer

GUIDES_FOLDER = "interview-guides/"


def interview_guide(slug: str) -> str:
    return f"{GUIDES_FOLDER}{slug}.md"


@dataclass(frozen=True)
class GuideView:
    journey: Journey
    opening: list[str]
    """The paragraphs read aloud at the start: the journey's own (``guide.opening``), or
    the site's."""
    closing: list[str]
    """The paragraphs read aloud at the end: the journey's own (``guide.closing``), or
    the site's."""


def guide_view(journey: Journey, t: Labels) -> GuideView:
    own = journey.guide
    return GuideView(
        journey=journey,
        opening=paragraphs(own.opening if own else None)
        or [t("guide_opening_why"), t("guide_opening_words")],
        closing=paragraphs(own.closing if own else None)
        or [t("guide_closing_next"), t("guide_closing_promises")],
    )


def paragraphs(text: str | None) -> list[str]:
    """``text`` split at blank lines, as Markdown reads paragraphs; each on one line."""
    if not text:
        return []
    return [" ".join(part.split()) for part in re.split(r"\n\s*\n", text) if part.strip()]


def files(site: Renderer) -> Iterator[OutputFile]:
    for slug in site.data.journey_slugs:
        journey = site.data.study.journeys[slug]
        yield site.page(
            interview_guide(slug),
            "guide.md.j2",
            site.t("guide_title", journey=journey.title),
            view=guide_view(journey, site.t),
        )


KIND = PageKind(
    position=25,
    folder=GUIDES_FOLDER,
    title="interview_guides",
    files=files,
    paths={"interview_guide": interview_guide},
    # Reached from its journey's page; the navigation lists the journeys.
    in_nav=lambda src_uri: False,
)
