"""While serving, the privacy guard reads each page a rebuild makes as soon as MkDocs has
written it, in a child process, while MkDocs makes the next ones.

After a save, the guard reads the files whose bytes changed (``GuardMemory``): the edited
interview's page, its persona's and journey's pages, the workshop kit, the research pages
that count every interview, the search index. Read at the end of the rebuild, the pages
took 60 to 70% of the guard's time, on one core, while the other was idle. So a child,
forked in the first build (a rebuild cannot fork: the server's threads run) and kept for
the session, is handed each page once written, and finds in it what the guard would find
(:func:`journeys.privacy.guard.read_pages_ahead`, as a build reads ahead:
:mod:`journeys.mkdocs.guard_ahead`). The guard takes what it found for a page only if the
page's bytes are still those it read, and it looked for the same phrases (with the same
watchlist and theme; the child answers with a digest of them, as the phrases would fill the
pipe): what it finds is the same either way. If the child fails, gives no answer within
:data:`ANSWER_SECONDS`, or is not there, the guard reads every changed page itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from journeys.building import isolated
from journeys.privacy import guard
from journeys.privacy.needles import Needle
from journeys.privacy.site_scan import PageReader, fingerprint

log = get_plugin_logger(__name__)

ANSWER_SECONDS = 30.0
"""How long the guard waits for the child's answers (it reads a page in milliseconds): a
child that hangs, or was stopped, is given up on and the guard reads the pages itself."""


@dataclass(frozen=True)
class _Watch:
    """What to look for, from now on."""

    watchlist: guard.Watchlist
    theme_dirs: list[Path]


@dataclass(frozen=True)
class _Read:
    site_dir: Path
    page: Path


Found = dict[str, tuple[bytes, frozenset[tuple[str, ...]]]]
"""A page's path in the site: a digest of its bytes and the phrases found in them."""


class _Reader:
    """The child's side: what it looks for, and each page read with it."""

    def __init__(self) -> None:
        self.reader: PageReader | None = None

    def __call__(self, request: _Watch | _Read) -> tuple[bytes, Found] | None:
        """A page's findings, with the :func:`~journeys.privacy.site_scan.fingerprint` of
        what was looked for."""
        if isinstance(request, _Watch):
            self.reader = guard.page_reader(request.watchlist, request.theme_dirs)
            return None
        if self.reader is None:
            raise RuntimeError("a page to read before what to look for")
        return self.reader.fingerprint, self.reader.read(request.site_dir, request.page)


class GuardBeside:
    """The pages of each rebuild, handed to a child that reads them for the guard (see the
    module's notes)."""

    def __init__(self) -> None:
        self.child: isolated.Service[_Watch | _Read, tuple[bytes, Found] | None] | None = None
        self.watching: tuple[list[Needle], object, list[Path]] | None = None
        """What the child looks for (the watchlist's needles, its counts, the theme)."""
        self.looked_for: frozenset[tuple[str, ...]] = frozenset()
        self.fingerprint = b""
        self.site_dir: Path | None = None
        """Where this rebuild's pages are; None when they are not read beside."""
        self.making: Path | None = None
        """The page MkDocs is making: written once the next one is made."""
        self.answer_within = ANSWER_SECONDS

    def start(self) -> None:
        """Fork the child, if there is none and this process can (in the first build)."""
        if self.child is None and isolated.can_fork():
            self.child = isolated.Service(_Reader())

    def rebuild(
        self, watchlist: guard.Watchlist | None, site_dir: Path, theme_dirs: list[Path]
    ) -> None:
        """A rebuild starts making pages: the child looks for what ``watchlist`` holds (sent
        again only when it changed)."""
        self.making = None
        self.site_dir = None
        if self.child is None or watchlist is None:
            return
        try:
            while self.child.waiting():  # a failed rebuild's: taken, not used
                self.child.answer()
            watching = (watchlist.needles, watchlist.usual, theme_dirs)
            if watching != self.watching:
                self.watching = None
                self.looked_for = guard.looked_for(watchlist, theme_dirs)
                self.fingerprint = fingerprint(self.looked_for)
                self.child.ask(_Watch(watchlist, theme_dirs))
                self.watching = watching
        except Exception as error:  # noqa: BLE001 - any failure: the guard reads every page
            self.give_up(error)
            return
        self.site_dir = site_dir

    def page_made(self, page: Path) -> None:
        """MkDocs made ``page`` (it writes it next), so it wrote the page made before."""
        written, self.making = self.making, page
        if written is not None:
            self._ask(written)

    def pages_written(self) -> None:
        """MkDocs wrote every page: the last one made is read too."""
        if self.making is not None:
            self._ask(self.making)
            self.making = None

    def read_before(self) -> guard.ReadBefore | None:
        """What the child found in this rebuild's pages."""
        self.pages_written()
        if self.child is None or self.site_dir is None:
            return None
        self.site_dir = None
        found = guard.ReadBefore(self.looked_for)
        try:
            while self.child.waiting():
                answer = self.child.answer(self.answer_within)
                if answer is not None and answer[0] == self.fingerprint:
                    found.update(answer[1])
        except Exception as error:  # noqa: BLE001 - any failure: the guard reads every page
            self.give_up(error)
            return None
        return found

    def _ask(self, page: Path) -> None:
        if self.child is None or self.site_dir is None:
            return
        try:
            self.child.ask(_Read(self.site_dir, page))
        except Exception as error:  # noqa: BLE001 - any failure: the guard reads every page
            self.give_up(error)

    def give_up(self, error: Exception) -> None:
        """No more reading beside: the guard reads every changed page itself."""
        log.debug(f"privacy guard: pages are no longer read beside the rebuild ({error})")
        self.stop()

    def stop(self) -> None:
        if self.child is not None:
            self.child.stop()
            self.child = None
        self.watching = None
        self.site_dir = None
