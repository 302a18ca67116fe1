"""What a build does with what the privacy guard found: each finding through MkDocs'
logger, and a site that must not be published emptied."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from journeys.content.diagnostics import Severity
from journeys.privacy import guard

log = get_plugin_logger(__name__)


def report_leaks(leaks: list[guard.Leak], site_dir: Path, *, strict: bool, serving: bool) -> None:
    """Log every finding (warnings through the logger, so `--strict` fails on them). A
    build with a private value, or a file the guard cannot read, fails and its site folder
    is emptied; so is one with warnings under ``strict``. While serving, nothing is
    emptied: the preview is not published."""
    for leak in leaks:
        emit = log.error if leak.severity is Severity.ERROR else log.warning
        emit(f"privacy guard: {leak.format()}")
    if serving:
        return
    values = sum(leak.severity is Severity.ERROR and not leak.unread for leak in leaks)
    unread = sum(bool(leak.unread) for leak in leaks)
    if values or unread:
        counts = (
            (values, f"{values} private value(s)"),
            (unread, f"{unread} file(s) it cannot read"),
        )
        found = " and ".join(text for count, text in counts if count)
        guard.empty_site(site_dir, leaks)
        raise PluginError(
            f"journeys: the privacy guard found {found} in the built site (listed above); "
            "the build failed so they are not published: the site folder was emptied so that "
            "nothing of this build can be published"
        )
    if leaks and strict:  # --strict stops on the warnings
        guard.empty_site(site_dir, leaks)
        log.warning(
            "privacy guard: --strict stops this build on the warnings above: the site "
            "folder was emptied so that nothing of it can be published"
        )


@contextmanager
def emptied_unless_checked(site_dir: Path, *, serving: bool) -> Iterator[None]:
    """A build's site folder is emptied when the guard could not check it (its worker
    died, what it looks for could not be worked out): an unchecked site must not be
    published either."""
    try:
        yield
    except BaseException:
        if not serving:
            guard.empty_site(site_dir, [])
            log.error(
                "privacy guard: the built site could not be checked; the site folder was "
                "emptied so that nothing of this build can be published"
            )
        raise
