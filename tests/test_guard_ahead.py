"""The privacy guard reads built pages ahead, while MkDocs makes the next ones
(``journeys.mkdocs.guard_ahead``, ``privacy.site_scan.read_ahead``): what it finds in the
finished site is what it finds reading every file then, and a page changed after it was
read ahead is read again."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from contentkit import ContentTree, mkdocs, write_site
from journeys.content.loading import load_study
from journeys.mkdocs.guard_ahead import GuardAhead
from journeys.privacy import guard

NAME = "Noël Wesselius"
PAGES = {
    "index.html": "<p>Nothing private.</p>",
    "a/index.html": f"<p>{NAME} said so.</p>",
    "b/index.html": "<p>Then Wesselius called.</p>",
    "c/index.html": '<a title="Noël&#32;Wesselius" href="/x">link</a>',
    "d/index.html": "<p>filler words</p>\n" * 4000,
    "e/index.html": "<p>call +31 6 1234 5678</p>",
    "noel-wesselius/index.html": "<p>a page</p>",
}
OTHER_FILES = {
    "f/data.json": '[{"text": "write to nw@example.org"}]',
    "g/notes.txt": "Noël\nWesselius\n",
}


def watching(tmp_path: Path) -> guard.Watchlist:
    tree = ContentTree(tmp_path / "content").minimal()
    tree.persona("ben")
    tree.interview("int-02", persona="ben", scores=(2, 4, 9))
    tree.interview(
        "int-03", participant={"name": NAME, "email": "nw@example.org", "phone": "+31612345678"}
    )
    found = load_study(tmp_path / "content", tmp_path)
    return guard.watchlist(found.interviews, found.personas.values(), found.journeys.values())


def a_site(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    for name, text in {**PAGES, **OTHER_FILES}.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def pages(folder: Path) -> list[Path]:
    return [folder / name for name in PAGES]


def never() -> bool:
    return False


def a_site_read_ahead(tmp_path: Path) -> tuple[guard.Watchlist, Path, guard.ReadBefore]:
    """The watchlist, the site, and every page of it read ahead."""
    watchlist = watching(tmp_path)
    folder = a_site(tmp_path)
    return watchlist, folder, guard.read_pages_ahead(folder, watchlist, [], pages(folder), never)


def test_what_is_read_ahead_is_what_is_found_in_the_finished_site(tmp_path: Path) -> None:
    watchlist = watching(tmp_path)
    folder = a_site(tmp_path)

    ahead = guard.read_pages_ahead(folder, watchlist, [], pages(folder), never)
    alone = guard.find_leaks(folder, watchlist)

    assert set(ahead) == set(PAGES)  # every page read ahead (none is JSON)
    assert guard.find_leaks(folder, watchlist, read_before=ahead) == alone
    found = {leak.output for leak in alone}
    assert {"a/index.html", "c/index.html", "e/index.html", "noel-wesselius/index.html"} <= found


def test_a_page_changed_after_it_was_read_ahead_is_read_again(tmp_path: Path) -> None:
    watchlist, folder, ahead = a_site_read_ahead(tmp_path)

    # A plugin changes pages once they are written: a name added, one taken out.
    (folder / "index.html").write_text(f"<p>Nothing private. {NAME}</p>", encoding="utf-8")
    (folder / "a" / "index.html").write_text("<p>Someone said so.</p>", encoding="utf-8")
    leaks = guard.find_leaks(folder, watchlist, read_before=ahead)

    assert leaks == guard.find_leaks(folder, watchlist)
    found = {leak.output for leak in leaks}
    assert "index.html" in found and "a/index.html" not in found


def test_what_was_read_ahead_of_another_file_or_of_other_bytes_is_not_taken(
    tmp_path: Path,
) -> None:
    watchlist, folder, ahead = a_site_read_ahead(tmp_path)
    clean = ahead["index.html"]

    forged = guard.ReadBefore(ahead.looked_for)
    forged["a/index.html"] = clean  # what a clean page gave, under a page that is not clean
    forged["f/data.json"] = clean  # and under a file that was never read ahead
    forged["g/notes.txt"] = (clean[0][:-1] + b"x", frozenset())

    assert guard.find_leaks(folder, watchlist, read_before=forged) == guard.find_leaks(
        folder, watchlist
    )


def test_once_stopped_no_page_is_read_ahead_and_every_file_is_read_at_the_end(
    tmp_path: Path,
) -> None:
    watchlist = watching(tmp_path)
    folder = a_site(tmp_path)

    ahead = guard.read_pages_ahead(folder, watchlist, [], pages(folder), lambda: True)

    assert ahead == {}
    assert guard.find_leaks(folder, watchlist, read_before=ahead) == guard.find_leaks(
        folder, watchlist
    )


def test_a_file_that_cannot_be_read_ahead_is_left_to_the_end(tmp_path: Path) -> None:
    watchlist = watching(tmp_path)
    folder = a_site(tmp_path)
    (folder / "h.html").write_bytes(bytes(range(256)) * 4)  # no text: read as such at the end
    missing = folder / "gone" / "index.html"

    ahead = guard.read_pages_ahead(folder, watchlist, [], [folder / "h.html", missing], never)

    assert ahead == {}
    assert "h.html" in {leak.output for leak in guard.find_leaks(folder, watchlist)}


def test_what_was_read_ahead_looking_for_other_phrases_is_not_taken(tmp_path: Path) -> None:
    """A guard that looks for a word the reading ahead did not (a theme's word, left out
    while pages were read, looked for at the end) reads every page itself."""
    watchlist = watching(tmp_path)
    folder = a_site(tmp_path)
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "main.html").write_text("<p>Wesselius</p>", encoding="utf-8")
    ahead = guard.read_pages_ahead(folder, watchlist, [theme], pages(folder), never)

    leaks = guard.find_leaks(folder, watchlist, read_before=ahead)

    assert leaks == guard.find_leaks(folder, watchlist)
    assert "b/index.html" in {leak.output for leak in leaks}  # the surname alone: a warning


class Generating:
    """What GuardAhead takes the watchlist from: the study's worker, here at hand."""

    def __init__(self, watchlist: guard.Watchlist | None) -> None:
        self.watchlist = watchlist


@pytest.mark.usefixtures("forking")
def test_pages_are_handed_to_the_child_once_written_the_first_ones_once_it_starts(
    tmp_path: Path,
) -> None:
    watchlist = watching(tmp_path)
    folder = a_site(tmp_path)
    generating = Generating(None)
    ahead = GuardAhead(folder, [], generating)  # type: ignore[arg-type]
    written = pages(folder)

    for number, page in enumerate(written):
        if number == 3:  # the watchlist comes while pages are being made
            generating.watchlist = watchlist
        ahead.page_made(page)
    assert ahead.reader is not None
    ahead.stopped.set = lambda: None  # type: ignore[method-assign]  # let it read them all
    read_before = ahead.read_before()

    # Every page but the last, which MkDocs writes only after it was made.
    assert set(read_before) == {name for name in PAGES} - {"noel-wesselius/index.html"}
    assert read_before == guard.read_pages_ahead(folder, watchlist, [], written[:-1], never)
    assert ahead.reader is None


@pytest.mark.usefixtures("forking")
def test_a_child_that_dies_leaves_every_page_to_the_guard(tmp_path: Path) -> None:
    folder = a_site(tmp_path)
    ahead = GuardAhead(folder, [], Generating(watching(tmp_path)))  # type: ignore[arg-type]
    ahead.page_made(folder / "index.html")
    ahead.page_made(folder / "a" / "index.html")
    assert ahead.reader is not None and ahead.reader._child is not None
    pid = ahead.reader._child.process.pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)

    for page in pages(folder)[2:]:  # sending to it fails: no error, no more reading ahead
        ahead.page_made(page)

    assert ahead.read_before() is None
    assert ahead.failed and ahead.reader is None and ahead.written == []


# The guard as a build calls it records what was read ahead, and changes one of those pages
# (as a plugin may, after MkDocs wrote it) before the guard reads the site. So that pages
# are read ahead whatever the machine's load, the study's worker waits for the watchlist
# to send it after the first page, and the reading child is never told to stop: it reads
# every page handed to it before the guard starts.
HOOK = """
import json
from pathlib import Path

from journeys.building import isolated
from journeys.privacy import guard

find_leaks = guard.find_leaks
isolated.Background.ready = lambda self: True
isolated.Flag.set = lambda self: None


def changing_a_page_read_ahead(site_dir, *args, read_before=None, **kwargs):
    read_before = read_before or {}
    changed = sorted(output for output in read_before if output.startswith("interviews/"))[:1]
    for output in changed:
        page = Path(site_dir) / output
        page.write_text(page.read_text() + "<p>NAME</p>", encoding="utf-8")
    Path(site_dir).parent.joinpath("ahead.json").write_text(
        json.dumps({"read": sorted(read_before), "changed": changed})
    )
    return find_leaks(site_dir, *args, read_before=read_before, **kwargs)


guard.find_leaks = changing_a_page_read_ahead
"""


@pytest.mark.slow
def test_a_build_reads_pages_ahead_and_reads_a_changed_one_again(tmp_path: Path) -> None:
    tree = ContentTree(tmp_path / "content").minimal()
    tree.persona("ben")
    for number in range(40):
        tree.interview(f"int-{number:02}", persona="ben", scores=(2, 4, 9))
    tree.interview("int-99", participant={"name": NAME, "email": "nw@example.org"})
    (tmp_path / "hook.py").write_text(HOOK.replace("NAME", NAME), encoding="utf-8")
    write_site(tmp_path, extra_config={"hooks": ["hook.py"]})

    result = mkdocs(tmp_path, "build", "--strict")

    ahead = json.loads((tmp_path / "ahead.json").read_text(encoding="utf-8"))
    assert len(ahead["read"]) > 40 and len(ahead["changed"]) == 1
    assert result.returncode != 0
    changed = ahead["changed"][0]
    assert f"{changed}: contains `participant.name` of content/interviews/int-99.md" in (
        result.stderr
    )
