"""While serving, the pages a rebuild writes are read for the privacy guard by a child
process beside the rest of the rebuild (`mkdocs/guard_beside.py`): the guard finds what it
finds reading every changed file itself, when a page changes after the child read it, when
the child looked for something else, and when the child is gone."""

from __future__ import annotations

import functools
import os
import signal
from collections.abc import Mapping, Sequence
from pathlib import Path

from contentkit import ContentTree, write_site
from journeys.building.generation import label_texts
from journeys.building.guard_memory import GuardMemory
from journeys.content.loading import load_study
from journeys.mkdocs.guard_beside import GuardBeside
from journeys.privacy import guard
from test_preview import NAME, Serving

PHONE = "+31 6 11223344"


def watchlist(tree: ContentTree, name: str = NAME) -> guard.Watchlist:
    tree.interview("int-02", participant={"name": name, "phone": PHONE})
    study = load_study(tree.root)
    return guard.watchlist(
        study.interviews, study.personas.values(), study.journeys.values(), label_texts()
    )


def write(site: Path, files: Mapping[str, str | bytes]) -> list[Path]:
    written = []
    for name, content in files.items():
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        written.append(path)
    return written


def rebuilt(
    beside: GuardBeside,
    site: Path,
    watching: guard.Watchlist | None,
    pages: Sequence[Path],
    theme_dirs: Sequence[Path] = (),
) -> None:
    """As a rebuild hands its pages over: each once the next is made, the last at the end."""
    beside.rebuild(watching, site, list(theme_dirs))
    for page in pages:
        beside.page_made(page)
    beside.pages_written()


def kill(beside: GuardBeside) -> None:
    assert beside.child is not None
    process = beside.child._child.process
    assert process.pid is not None
    os.kill(process.pid, signal.SIGKILL)
    process.join()


def taking(beside: GuardBeside, taken: list[guard.ReadBefore | None]) -> guard.ReadBefore | None:
    taken.append(beside.read_before())
    return taken[-1]


def test_pages_read_beside_give_what_the_guard_finds(
    tree: ContentTree, tmp_path: Path, beside: GuardBeside
) -> None:
    tree.minimal()
    watching = watchlist(tree)
    site = tmp_path / "site"
    memory = GuardMemory()
    steps = [
        {"a/index.html": "<p>Nothing.</p>", "b/index.html": f"<p>By {NAME}.</p>"},
        {"a/index.html": f"<p>Call {PHONE}</p>", "c.json": '[{"text": "x"}]'},
        {"b/index.html": "<p>Gone.</p>", "a/index.html": f"<p>{NAME.split()[1]}</p>"},
    ]
    for number, step in enumerate(steps):
        pages = [path for path in write(site, step) if path.suffix == ".html"]
        rebuilt(beside, site, watching, pages)
        taken: list[guard.ReadBefore | None] = []
        read_before = functools.partial(taking, beside, taken)
        assert memory.find_leaks(site, watching, [], read_before=read_before) == (
            guard.find_leaks(site, watching)
        ), number
        # The child read every page handed over (a JSON file is the guard's to read).
        (ahead,) = taken
        assert ahead is not None and sorted(ahead) == sorted(
            path.relative_to(site).as_posix() for path in pages
        ), number


def test_a_page_changed_after_the_child_read_it_is_read_again(
    tree: ContentTree, tmp_path: Path, beside: GuardBeside
) -> None:
    tree.minimal()
    watching = watchlist(tree)
    site = tmp_path / "site"
    pages = write(site, {"a/index.html": "<p>Nothing.</p>", "b/index.html": "<p>Fine.</p>"})
    rebuilt(beside, site, watching, pages)
    ahead = beside.read_before()
    assert ahead is not None and set(ahead) == {"a/index.html", "b/index.html"}
    pages[1].write_text(f"<p>Fine, said {NAME}.</p>", encoding="utf-8")  # same size or not

    leaks = GuardMemory().find_leaks(site, watching, [], read_before=lambda: ahead)

    assert leaks == guard.find_leaks(site, watching)
    assert [leak.output for leak in leaks if not leak.part] == ["b/index.html"]


def test_what_a_child_found_looking_for_something_else_is_not_taken(
    tree: ContentTree, tmp_path: Path, beside: GuardBeside
) -> None:
    tree.minimal()
    watching = watchlist(tree)
    site = tmp_path / "site"
    pages = write(site, {"a/index.html": f"<p>By {NAME}.</p>"})
    rebuilt(beside, site, watching, pages)
    beside.fingerprint = b"what this process looks for, which the child did not"
    ahead = beside.read_before()

    assert ahead is not None and dict(ahead) == {}  # nothing taken: the guard reads the page
    leaks = GuardMemory().find_leaks(site, watching, [], read_before=lambda: ahead)
    assert leaks == guard.find_leaks(site, watching) and leaks


def test_a_new_watchlist_is_what_the_child_looks_for_next(
    tree: ContentTree, tmp_path: Path, beside: GuardBeside
) -> None:
    tree.minimal()
    site = tmp_path / "site"
    other = "Brecht Ooievaar"
    pages = write(site, {"a/index.html": f"<p>By {other}.</p>"})
    rebuilt(beside, site, watchlist(tree), pages)
    assert beside.read_before() is not None
    renamed = watchlist(tree, other)  # the participant's name was corrected

    rebuilt(beside, site, renamed, pages)
    ahead = beside.read_before()

    assert ahead is not None and ahead["a/index.html"][1]  # found with the new watchlist
    leaks = GuardMemory().find_leaks(site, renamed, [], read_before=lambda: ahead)
    assert leaks == guard.find_leaks(site, renamed) and leaks


def test_when_the_child_is_gone_the_guard_reads_every_page_itself(
    tree: ContentTree, tmp_path: Path, beside: GuardBeside
) -> None:
    tree.minimal()
    watching = watchlist(tree)
    site = tmp_path / "site"
    pages = write(site, {"a/index.html": f"<p>By {NAME}.</p>", "b/index.html": "<p>x</p>"})
    kill(beside)

    rebuilt(beside, site, watching, pages)
    memory = GuardMemory()
    leaks = memory.find_leaks(site, watching, [], read_before=beside.read_before)

    assert beside.child is None  # given up: later rebuilds do not ask it
    assert leaks == guard.find_leaks(site, watching) and leaks
    assert sorted(memory.read_last) == ["a/index.html", "b/index.html"]


HOOK = f"""
from pathlib import Path
from mkdocs.plugins import event_priority

@event_priority(-100)  # after MkDocs wrote every page, before the guard
def on_post_build(config):
    notes = Path(config.site_dir) / "notes" / "index.html"
    if "PLANT" in notes.read_text(encoding="utf-8"):
        notes.write_text(notes.read_text(encoding="utf-8") + "<p>{NAME}</p>", encoding="utf-8")
"""


def test_a_page_a_plugin_changes_after_it_was_written_is_guarded(tmp_path: Path) -> None:
    """A real `mkdocs serve --dirty`: a hook adds a name to a page after MkDocs wrote it
    (and the child read it): the guard reports it."""
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    tree.interview("int-02", participant={"name": NAME})
    (tmp_path / "docs").mkdir()
    notes = tmp_path / "docs" / "notes.md"
    notes.write_text("# Notes\n\nNothing private.\n", encoding="utf-8")
    (tmp_path / "hook.py").write_text(HOOK, encoding="utf-8")
    write_site(tmp_path, extra_config={"hooks": ["hook.py"]})
    serving = Serving(tmp_path, tmp_path / "tmp")
    try:
        planted = serving.rebuild_after(notes, "# Notes\n\nPLANT here.\n")
        again = serving.rebuild_after(notes, "# Notes\n\nPLANT here, again.\n")
        removed = serving.rebuild_after(notes, "# Notes\n\nNothing private.\n")
    finally:
        serving.stop()
    leak = "privacy guard: notes/index.html: contains `participant.name`"
    assert leak in planted and leak in again
    assert "privacy guard" not in removed


def test_a_child_that_hangs_is_given_up_on(
    tree: ContentTree, tmp_path: Path, beside: GuardBeside
) -> None:
    """A child stopped (or stuck) does not hold the preview: after ``answer_within`` the
    guard reads every page itself, and later rebuilds do not ask the child."""
    tree.minimal()
    watching = watchlist(tree)
    site = tmp_path / "site"
    pages = write(site, {"a/index.html": f"<p>By {NAME}.</p>", "b/index.html": "<p>x</p>"})
    assert beside.child is not None
    process = beside.child._child.process
    assert process.pid is not None
    os.kill(process.pid, signal.SIGSTOP)
    beside.answer_within = 0.5
    try:
        rebuilt(beside, site, watching, pages)
        leaks = GuardMemory().find_leaks(site, watching, [], read_before=beside.read_before)
    finally:
        if process.is_alive():
            os.kill(process.pid, signal.SIGCONT)

    assert beside.child is None
    assert leaks == guard.find_leaks(site, watching) and leaks
