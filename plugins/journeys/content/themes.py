"""The codebook's rules: every theme a step or an opportunity names is a file in
``content/themes/``, a list names a theme once, and every theme of the codebook is applied
to at least one step.

A theme named only by opportunities is still unused: its reach and pain are counted from
tagged steps, so without one it has no evidence behind it. Each function returns
diagnostics; none raises.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from journeys.content.diagnostics import (
    Diagnostic,
    Location,
    Severity,
    did_you_mean,
    format_field,
    one_of,
    quoted,
)
from journeys.content.model import SLUG_PATTERN, Interview, Journey, Source, Theme

SHORT_LIST = 10
"""Up to this many themes in the codebook, the message about an unknown one lists them all."""


@dataclass(frozen=True)
class ThemeUse:
    """A theme's slug as a step or an opportunity names it, and where."""

    source: Source
    location: Location
    """E.g. ``("steps", 2, "themes", 0)``."""
    slug: str

    @property
    def line(self) -> int:
        return self.source.line_of(*self.location)

    @property
    def list_location(self) -> tuple[str, Location]:
        """The file and the list it stands in."""
        return self.source.path, self.location[:-1]


def step_theme_uses(interview: Interview | Any) -> list[ThemeUse]:
    """The themes of an interview's steps: of a valid record, or read from the raw front
    matter (``.data``) of a file whose fields did not validate."""
    lists: list[tuple[int, object]]
    if isinstance(interview, Interview):
        lists = [(index, step.themes) for index, step in enumerate(interview.steps)]
    else:
        steps = interview.data.get("steps")
        lists = [
            (index, step.get("themes"))
            for index, step in enumerate(steps if isinstance(steps, list) else [])
            if isinstance(step, dict)
        ]
    return _uses(interview.source, "steps", lists)


def opportunity_theme_uses(journey: Journey) -> list[ThemeUse]:
    """The themes of a journey's opportunities."""
    lists = [(index, item.themes) for index, item in enumerate(journey.opportunities)]
    return _uses(journey.source, "opportunities", lists)


def _uses(source: Source, field: str, lists: Sequence[tuple[int, object]]) -> list[ThemeUse]:
    return [
        ThemeUse(source, (field, index, "themes", item), _text(slug))
        for index, slugs in lists
        if isinstance(slugs, list)
        for item, slug in enumerate(slugs)
        if isinstance(slug, (str, int, float)) and not isinstance(slug, bool)
    ]


def _text(value: str | float) -> str:
    """As the model reads a theme's slug: a number written unquoted is text."""
    return value if isinstance(value, str) else str(value)


def check_themes(
    themes: Iterable[Theme],
    theme_files: Collection[str],
    interviews: Iterable[Interview | Any],
    journeys: Iterable[Journey],
) -> list[Diagnostic]:
    """The rules of the codebook over a whole study. ``themes`` are the valid themes;
    ``theme_files`` the slugs of every file in ``content/themes/``, so that a theme file
    with an error is not also reported as missing. ``interviews`` are records or files whose
    fields did not validate (``.data``, ``.source``)."""
    step_uses = [use for interview in interviews for use in step_theme_uses(interview)]
    opportunity_uses = [use for journey in journeys for use in opportunity_theme_uses(journey)]
    return [
        *check_theme_uses([*step_uses, *opportunity_uses], theme_files),
        *check_unused_themes(themes, step_uses, opportunity_uses),
    ]


def check_theme_uses(uses: Iterable[ThemeUse], theme_files: Collection[str]) -> list[Diagnostic]:
    """An error for each slug that names no theme file; a warning for a theme given twice
    in one list (it counts once)."""
    problems = []
    first_item: dict[tuple[tuple[str, Location], str], ThemeUse] = {}
    for use in uses:
        if use.slug not in theme_files:
            problems.append(_unknown_theme(use, theme_files))
            continue
        first = first_item.setdefault((use.list_location, use.slug), use)
        if first is not use:
            first_number = int(first.location[-1]) + 1
            problems.append(
                Diagnostic(
                    use.source.path,
                    use.line,
                    Severity.WARNING,
                    f"theme `{use.slug}` is listed twice (first as item {first_number} of this "
                    "list); a moment counts once for each theme: delete the repeat",
                    format_field(use.location),
                )
            )
    return problems


def _unknown_theme(use: ThemeUse, theme_files: Collection[str]) -> Diagnostic:
    known = sorted(theme_files)
    file_name = use.slug if SLUG_PATTERN.match(use.slug) else "<slug>"
    return Diagnostic(
        use.source.path,
        use.line,
        Severity.ERROR,
        f"theme {quoted(use.slug)} names no file in content/themes/"
        + (
            f"{did_you_mean(use.slug, known)}; the codebook's themes are {one_of(known)}"
            if known and len(known) <= SHORT_LIST
            else f"{did_you_mean(use.slug, known)}; correct it, or add the theme to the codebook "
            f"as content/themes/{file_name}.md"
            if known
            else f": there is no codebook yet; add the theme as content/themes/{file_name}.md "
            "with its `name` and `description`"
        ),
        format_field(use.location),
    )


def check_unused_themes(
    themes: Iterable[Theme],
    step_uses: Iterable[ThemeUse],
    opportunity_uses: Iterable[ThemeUse] = (),
) -> list[Diagnostic]:
    """A warning for each theme no step is tagged with: a codebook entry nobody applied."""
    applied = {use.slug for use in step_uses}
    addressed = {use.slug for use in opportunity_uses}
    return [
        Diagnostic(
            theme.source.path,
            1,
            Severity.WARNING,
            f"theme `{theme.slug}` is applied to no step: tag the moments it is about with "
            f"`themes: [{theme.slug}]` in the interviews, or delete the file if the codebook "
            "no longer needs it"
            + (
                " (opportunities name it, but a theme's reach and pain are counted from "
                "tagged steps)"
                if theme.slug in addressed
                else ""
            ),
        )
        for theme in themes
        if theme.slug not in applied
    ]
