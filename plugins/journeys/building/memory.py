"""Memory and garbage-collection measures for reading a large study."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a study is read.

    Reading makes hundreds of thousands of objects that all stay alive, and the collector
    walks every live object each time it runs: a third of the time of reading 10,000
    interviews. What reading makes holds no reference cycles, so nothing is left behind
    for it; it runs again afterwards as before.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class RebuildCollector:
    """Python's cyclic garbage collector paused from the start of a `mkdocs serve` rebuild
    to its end (:meth:`pause`, :meth:`resume`), and run once then.

    A rebuild at 1,000 interviews makes enough objects to set the collector off about 250
    times, 0.1 to 0.25 s of a 2 s rebuild, each time walking the young objects alive then,
    most of them still alive the next time. Once resumed, it collects what the rebuild
    left in cycles, in one pass. The first build is not paused: a rebuild makes only the
    pages that changed, a first build every page, whose cycles it should not hold at once.
    """

    def __init__(self) -> None:
        self.paused = False

    def pause(self) -> None:
        if gc.isenabled():
            gc.disable()
            self.paused = True

    def resume(self) -> None:
        if self.paused:
            self.paused = False
            gc.enable()
