"""From the content folder to the generated files, as one plain function.

It reads and checks the study, writes each generated file as it is made and returns what
later steps of the build need: the messages and the privacy guard's watchlist. The study
itself does not outlive it, so the plugin can run it in a child process.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from dataclasses import dataclass
from pathlib import Path

from journeys import guard, pages
from journeys.cache import ChartCache
from journeys.diagnostics import Diagnostic
from journeys.documents import DocumentCache
from journeys.labels import Labels
from journeys.loading import load_study


@dataclass(frozen=True)
class SiteSettings:
    content_dir: Path
    display_root: Path
    """Paths in messages are relative to this folder."""
    public_contacts: Sequence[str]
    cache_dir: Path | None
    labels: Labels
    href: pages.Href
    override_dirs: Sequence[Path] = ()
    pages_despite_errors: bool = False
    """While serving, pages are made even when the content has errors."""


@dataclass(frozen=True)
class Outcome:
    diagnostics: list[Diagnostic]
    watchlist: guard.Watchlist | None
    """None when no pages were made."""
    interviews: int
    charts_drawn: int
    charts_reused: int


@dataclass(frozen=True)
class WrittenFile:
    src_uri: str
    path: Path
    """Where its content was written."""
    title: str | None = None
    """A page's title as plain text."""


def generate_site(
    settings: SiteSettings, charts: ChartCache, out_dir: Path
) -> Generator[WrittenFile, None, Outcome]:
    """Write every generated file under ``out_dir``, yielding each as it is written; then
    return the messages and the watchlist. The files wait on disk, like the pages in
    ``docs/``, rather than in memory until MkDocs reads them."""
    documents = DocumentCache(settings.cache_dir)
    study = load_study(
        settings.content_dir,
        display_root=settings.display_root,
        public_contacts=settings.public_contacts,
        documents=documents,
    )
    documents.save()
    del documents  # what it read is in the study now
    if study.has_errors and not settings.pages_despite_errors:
        return Outcome(study.diagnostics, None, len(study.interviews), 0, 0)
    watchlist = guard.watchlist(study.interviews, study.personas.values(), study.journeys.values())
    charts.reset_counts()
    renderer = pages.SiteRenderer(
        study, settings.labels, href=settings.href, override_dirs=settings.override_dirs, chart_renderer=charts
    )
    for output in renderer.files():
        path = out_dir / output.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        content = output.content.encode() if isinstance(output.content, str) else output.content
        path.write_bytes(content)
        yield WrittenFile(output.src_uri, path, output.title)
    return Outcome(study.diagnostics, watchlist, len(study.interviews), charts.drawn, charts.reused)
