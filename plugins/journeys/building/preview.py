"""What `mkdocs serve --dirty` keeps from one rebuild to the next, so that a saved file makes
only the pages it changes again; the MkDocs side is :mod:`journeys.mkdocs.preview`.

- The generated files stay in one folder for the whole session, and a file is rewritten
  only when its bytes change (:func:`write_changed`): MkDocs'
  dirty rebuild renders a page only when its source is newer than the page it built.
- The compiled templates of the theme and of the generated pages
  (:class:`~journeys.building.compiled_templates.TemplateCode`, in memory as well): each
  build makes new template environments, which would compile every template again.
- The generated pages as rendered (:class:`PageMemory`): a page made from the same data
  as before is not rendered again.
- The search entries of the pages a rebuild skips (:func:`search_entries`).
- Which output each generated file holds (:class:`WrittenFiles`): a page kept as it was is
  not read back to be compared.
- The study's records: a file whose bytes did not change gives the same record, with its
  digest (:mod:`journeys.building.digests`).
- What the guard's watchlist read in each published text and found in each interview
  (:mod:`journeys.building.watchlist_memory`).

And while the server waits for the first save, the modules that draw charts are loaded
(where no child draws them) and what lives on is kept out of the garbage collector's way
(:func:`after_the_first_build`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import importlib
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar, cast

from journeys.building.compiled_templates import TemplateCode
from journeys.building.digests import Digests, FactMemory, RecordMemory
from journeys.building.watchlist_memory import NeedleMemory, PublishedTextMemory
from journeys.site import render

TEMPLATES = Path(render.__file__).parent / "templates"
T = TypeVar("T")


class PageMemory:
    """The pages a build rendered, each under a digest of what it was made from, so that
    the next build takes a page made from the same data as it is.

    A template's output depends on nothing but the template, its context and what every
    page's context holds (:func:`journeys.site.render.page_context`: the labels, the names
    of personas and journeys, the rules, the links). A page's own context is compared as
    its ``pickle`` (which holds every value with its type: ``7`` is not ``7.0``); a context
    that cannot be pickled is always rendered. What a kind asks to be remembered
    (:meth:`~journeys.site.render.Renderer.remember`: a view, a page, the files of one
    journey) is compared by the records it is made from, and not made at all when they are
    equal. What every
    page holds is compared likewise, with the templates' text and the site's settings (the
    link maker by identity); when any of it differs, every page is rendered again."""

    def __init__(self) -> None:
        self.site: tuple[bytes | None, object] | None = None
        self.pages: dict[str, tuple[bytes, render.OutputFile]] = {}
        self.remembered: dict[str, tuple[bytes, object]] = {}
        """What :meth:`~journeys.site.render.Renderer.remember` made, by name: the digest of
        what it was made from, and what it made."""
        self.rendered = 0
        """Pages rendered by the last build (the others were taken as they were)."""
        self.remembered_before: dict[str, tuple[bytes, object]] = {}
        self.making: list[str] = []
        """What :meth:`remember` is making now (what it is made from changed)."""
        self.digests = Digests()
        self.render_page: Callable[..., render.OutputFile] = _not_attached
        """The site's own way of rendering a page (set by :meth:`attach`)."""

    def attach(
        self,
        site: render.Renderer,
        inputs: object,
        href: object,
        override_dirs: Sequence[Path],
        digests: Digests,
    ) -> None:
        """Let ``site`` take the pages it rendered before from here. ``inputs``: what else
        the site was made with; ``href``, its link maker, is compared by identity;
        ``override_dirs``: the theme folders whose ``journeys/`` templates override ours;
        ``digests``: this build's."""
        shared = digests.of(
            (
                inputs,
                site.t,
                site.names,
                render.rules(site.data.staleness, site.interview_target),
                _templates(override_dirs),
            )
        )
        same_site = self.site is not None and self.site[0] == shared and self.site[1] is href
        if shared is None or not same_site:
            self.pages = {}
            self.remembered = {}
        # What this build does not ask for again (a removed journey's) is dropped.
        self.remembered_before, self.remembered = self.remembered, {}
        self.site = (shared, href)
        self.rendered = 0
        self.digests = digests
        self.render_page = site.page
        site.page = self.page  # type: ignore[method-assign]
        site.remember = self.remember  # type: ignore[method-assign]

    def page(self, src_uri: str, template: str, title: str, **context: object) -> render.OutputFile:
        # In what remember makes, the page is rendered: no time spent comparing its data.
        made_from = None if self.making else self.digests.of((template, title, context))
        kept = self.pages.get(src_uri)
        if made_from is not None and kept is not None and kept[0] == made_from:
            return kept[1]
        output = self.render_page(src_uri, template, title, **context)
        self.rendered += 1
        if made_from is not None:
            self.pages[src_uri] = (made_from, output)
        return output

    def remember(self, name: str, made_from: tuple[object, ...], make: Callable[[], T]) -> T:
        made_from_digest = self.digests.of((name, made_from))
        kept = self.remembered_before.get(name)
        if made_from_digest is not None and kept is not None and kept[0] == made_from_digest:
            self.remembered[name] = kept
            return cast(T, kept[1])
        self.making.append(name)
        try:
            value = make()
        finally:
            self.making.pop()
        if made_from_digest is not None:
            self.remembered[name] = (made_from_digest, value)
        return value


def _not_attached(*args: object, **context: object) -> render.OutputFile:
    raise RuntimeError("PageMemory.attach(site, ...) first")


def _templates(override_dirs: Sequence[Path]) -> list[tuple[str, bytes]]:
    """Each template a page may be rendered with, and its text."""
    folders = [TEMPLATES, *(folder / "journeys" for folder in override_dirs)]
    return [
        (str(path), path.read_bytes())
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    ]


class WrittenFiles:
    """Each file a rebuild wrote, or found written, in the session's folder: the output it
    holds and the file's status on disk then. Only this process writes in that folder, so
    a file whose output is the very one a later rebuild makes again (the one
    :class:`PageMemory` kept) and whose status is unchanged holds that output's bytes: it
    is not read again to compare."""

    def __init__(self) -> None:
        self.files: dict[Path, tuple[render.OutputFile, tuple[int, int, int, int]]] = {}

    def write(self, path: Path, output: render.OutputFile, content: Callable[[], bytes]) -> bool:
        """:func:`write_changed` of ``output`` (its bytes: ``content()``), unless the file is
        known to hold them; whether it was written."""
        kept = self.files.get(path)
        if kept is not None and kept[0] is output and kept[1] == _status(path):
            return False
        changed = write_changed(path, content(), mkdir=True)
        self.files[path] = (output, _status(path))
        return changed


def write_changed(path: Path, content: bytes, mkdir: bool = False) -> bool:
    """Write ``content`` unless ``path`` holds it already (its time then stays, and with
    it MkDocs' view of the file as unmodified); whether it was written. ``mkdir``: make
    the folder it goes in when it is missing."""
    try:
        if path.stat().st_size == len(content) and path.read_bytes() == content:
            return False
    except FileNotFoundError:
        if mkdir:
            path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return True


def _status(path: Path) -> tuple[int, int, int, int]:
    try:
        status = path.stat()
    except FileNotFoundError:
        return (-1, -1, -1, -1)
    return (status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)


@dataclasses.dataclass
class RenderMemory:
    """What the generation of the site keeps from one rebuild to the next."""

    records: RecordMemory = dataclasses.field(default_factory=RecordMemory)
    facts: FactMemory = dataclasses.field(default_factory=FactMemory)
    digests: Digests = dataclasses.field(default_factory=Digests)
    """The last rebuild's."""
    templates: TemplateCode = dataclasses.field(default_factory=TemplateCode)
    pages: PageMemory = dataclasses.field(default_factory=PageMemory)
    published: PublishedTextMemory = dataclasses.field(default_factory=PublishedTextMemory)
    needles: NeedleMemory = dataclasses.field(default_factory=NeedleMemory)
    written: WrittenFiles = dataclasses.field(default_factory=WrittenFiles)


class GeneratedFolder:
    """Where the generated files wait for MkDocs while serving: one folder for the session
    (outside the project; removed by :meth:`remove`), so an unchanged file keeps its time."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self.built: dict[str, str] = {}
        """Each generated file of the last build, and where MkDocs built it."""

    def open(self) -> Path:
        if self.path is None:
            self.path = Path(tempfile.mkdtemp(prefix="journeys-preview-"))
        return self.path

    def forget_vanished(self, built: Mapping[str, str]) -> list[str]:
        """Remove the files of the last build that this one did not generate (an interview
        deleted or renamed), and what MkDocs built from them; remember ``built``."""
        vanished = [src_uri for src_uri in self.built if src_uri not in built]
        for src_uri in vanished:
            for path in (self.open() / src_uri, Path(self.built[src_uri])):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(path)
        self.built = dict(built)
        return vanished

    def remove(self) -> None:
        if self.path is not None:
            shutil.rmtree(self.path, ignore_errors=True)
            self.path = None
        self.built = {}


def entry_page(entry: Mapping[str, Any]) -> str:
    """The URL of the page a search entry points into (``interviews/x/#notes``)."""
    return str(entry.get("location", "")).split("#", 1)[0]


def search_entries(
    before: Iterable[Mapping[str, Any]], new: list[Any], skipped: Collection[str]
) -> list[Any]:
    """The search index of a rebuild: the entries ``before`` of the pages it ``skipped``
    (their URLs), then the ``new`` entries of the pages it made. A page made again, or gone,
    keeps no entry from before."""
    return [entry for entry in before if entry_page(entry) in skipped] + new


CHART_MODULES = ("matplotlib", "matplotlib.figure", "matplotlib.backends.backend_svg")
"""What :func:`journeys.site.charts.canvas.render` imports to draw a chart."""


def load_chart_modules() -> None:
    for module in CHART_MODULES:
        importlib.import_module(module)


def after_the_first_build(load_charts: bool) -> threading.Thread:
    """What `mkdocs serve` does while it waits for the first save, in a background thread:
    import :data:`CHART_MODULES` if charts are drawn in this process (``load_charts``), so
    that the first save that changes a chart does not wait for them; then
    :func:`settle_memory`."""

    def work() -> None:
        if load_charts:
            load_chart_modules()
        settle_memory()

    thread = threading.Thread(target=work, name="journeys: after the first build", daemon=True)
    thread.start()
    return thread


def settle_memory() -> None:
    """Collect the garbage of the first build, then move every object alive (the modules,
    the theme's compiled templates, what is kept for the next rebuild) out of the garbage
    collector's reach (``gc.freeze``). Python's collector goes through every object in
    memory whenever a quarter more have been made since it last did: with a study of 1,000
    interviews in memory, 0.2 to 0.4 s of every rebuild. Frozen objects are still freed when
    nothing refers to them any more; only what the first build left in a cycle and dropped
    later stays, once."""
    gc.collect()
    gc.freeze()
