"""The privacy guard reads each built page while MkDocs makes the next ones.

The guard reads every file of the finished site. At 10,000 interviews that took the last
20 s of a 98 s build on both cores, while in the minute before, when MkDocs makes the
pages in the build's process, the other core was idle a third of the time. So once what
the guard looks for is known (the study's worker sends it as soon as it is worked out),
a child of low priority (``isolated.LATER``: it takes only what the build leaves idle) reads each
page as soon as MkDocs has written it, and keeps a digest of the bytes it read with what
it found in them (``privacy.site_scan.read_ahead``). When the site is done, it is told to
stop; the guard then reads every other file, and of these pages only those whose bytes
are no longer the ones it read (a plugin changed them since): what it finds is the same.
If the child fails, the guard reads every file itself.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger

from journeys.building import generation, isolated
from journeys.privacy import guard

log = get_plugin_logger(__name__)


def theme_dirs(config: MkDocsConfig) -> list[Path]:
    """The installed theme's own folders (not `custom_dir`, which researchers write): a
    single word is not looked for in its copies (a name like "Mark" is in its scripts)."""
    return [Path(folder) for folder in config.theme.dirs if folder != config.theme.custom_dir]


class GuardAhead:
    """A build's pages, handed as MkDocs writes them to a child that reads them for the
    guard, once the watchlist is known (see the module's notes)."""

    def __init__(
        self, site_dir: Path, themes: list[Path], generating: generation.GeneratedFiles
    ) -> None:
        self.site_dir = site_dir
        self.themes = themes
        self.generating = generating
        """Where the watchlist comes from."""
        self.making: Path | None = None
        """The page MkDocs is making: written once the next one is made."""
        self.written: list[Path] = []
        """Pages written before the child was started (it takes them as it starts)."""
        self.reader: isolated.Consumer[Path, guard.ReadBefore] | None = None
        self.stopped = isolated.Flag()
        self.failed = False

    def page_made(self, page: Path) -> None:
        """MkDocs made ``page`` (it writes it next), so it wrote the page made before."""
        written, self.making = self.making, page
        if written is None or self.failed:
            return
        if self.reader is not None:
            try:
                self.reader.send(written)
            except Exception as error:  # noqa: BLE001 - any failure: the guard reads all
                self.give_up(error)
            return
        self.written.append(written)
        watchlist = self.generating.watchlist
        if watchlist is None:
            return
        if not isolated.can_fork():  # read here, it would be read twice: leave it
            self.failed = True
            return
        read = functools.partial(
            _read_ahead, self.site_dir, watchlist, self.themes, self.stopped, self.written
        )
        self.reader = isolated.Consumer(read, nice=isolated.LATER)  # it has the pages so far
        self.written = []

    def read_before(self) -> guard.ReadBefore | None:
        """What the child found in the pages it read: it reads no more."""
        if self.reader is None:
            return None
        self.stopped.set()
        try:
            return self.reader.result()
        except Exception as error:  # noqa: BLE001 - any failure: the guard reads all
            self.give_up(error)
            return None
        finally:
            self.reader = None

    def give_up(self, error: Exception) -> None:
        """No more reading ahead: the guard reads every page when the site is done."""
        log.debug(f"privacy guard: pages read ahead are read again ({error})")
        self.stop()
        self.failed = True
        self.written = []

    def stop(self) -> None:
        """End the child if it still runs."""
        if self.reader is not None:
            self.reader.stop()
            self.reader = None


def _read_ahead(
    site_dir: Path,
    watchlist: guard.Watchlist,
    themes: list[Path],
    stopped: isolated.Flag,
    written: list[Path],
    sent: Iterator[Path],
) -> guard.ReadBefore:
    pages = itertools.chain(written, sent)
    return guard.read_pages_ahead(site_dir, watchlist, themes, pages, lambda: bool(stopped))
