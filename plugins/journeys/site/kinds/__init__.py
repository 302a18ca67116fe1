"""The page kinds of a site: every module here is one, with a ``KIND``.

A page kind's module holds where its files live, the view its template shows, its
downloads, and which of its pages the navigation lists. The site's files, the navigation
sections and the ``paths`` templates link with all come from going through :data:`KINDS`,
so a new page kind is a new module here, its template and its labels: nothing else
changes.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from journeys.analysis.evidence import Staleness
from journeys.analysis.facts import FactsOf, fact_of
from journeys.analysis.recruiting import INTERVIEW_TARGET
from journeys.content.study import Study
from journeys.site.labels import Labels
from journeys.site.render import Href, Location, OutputFile, PageKind, Renderer


def _discovered() -> tuple[PageKind, ...]:
    modules = [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
    ]
    return tuple(sorted((module.KIND for module in modules), key=lambda kind: kind.position))


KINDS: tuple[PageKind, ...] = _discovered()
"""In navigation order."""


def _paths() -> Mapping[str, Location]:
    paths: dict[str, Location] = {}
    for kind in KINDS:
        for name, location in kind.paths.items():
            if name in paths:
                raise ValueError(f"two page kinds name a path {name!r}")
            paths[name] = location
    return paths


PATHS: Mapping[str, Location] = _paths()
"""Every kind's file locations, by name: templates reach them as ``paths.<name>``."""


def renderer(
    study: Study,
    labels: Labels,
    href: Href,
    override_dirs: Sequence[Path] = (),
    staleness: Staleness | None = None,
    interview_target: int = INTERVIEW_TARGET,
    facts_of: FactsOf = fact_of,
) -> Renderer:
    return Renderer(
        study, labels, href, PATHS, override_dirs, staleness, interview_target, facts_of
    )


def site_files(site: Renderer) -> Iterator[OutputFile]:
    """Every generated file of the site, kind by kind."""
    for kind in KINDS:
        yield from kind.files(site)


def kind_of(src_uri: str) -> PageKind | None:
    return next((kind for kind in KINDS if src_uri.startswith(kind.folder)), None)


def in_nav(src_uri: str) -> bool:
    """Whether the navigation lists a generated page."""
    kind = kind_of(src_uri)
    return kind is None or kind.in_nav(src_uri)
