"""Attacks on the guard reading pages ahead (``journeys.mkdocs.guard_ahead``,
``privacy.site_scan.read_ahead``): whatever happens to a page after it was read ahead, and
in whatever order and state the child read it, what the guard finds in the finished site
must be what it finds reading every file then. A test that fails here is a hole."""

from __future__ import annotations

import codecs
import functools
import gzip
import json
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contentkit import ContentTree, mkdocs, write_site
from journeys.mkdocs.guard_ahead import GuardAhead
from journeys.privacy import guard, site_scan
from journeys.privacy.guard_reading import READ_BYTES
from test_guard_ahead import (
    NAME,
    PAGES,
    Generating,
    a_site,
    a_site_read_ahead,
    never,
    pages,
    watching,
)
from test_tag_memory_attack import BETWEEN, TAGS, nav
from test_tag_memory_attack import watchlist as tag_watchlist


def errors(leaks: list[guard.Leak]) -> set[str]:
    return {leak.output for leak in leaks if leak.severity.name == "ERROR"}


def assert_as_if_read_at_the_end(
    folder: Path, watchlist: guard.Watchlist, ahead: guard.ReadBefore
) -> list[guard.Leak]:
    alone = guard.find_leaks(folder, watchlist)
    assert guard.find_leaks(folder, watchlist, read_before=ahead) == alone
    return alone


def keep_time(path: Path) -> Callable[[], None]:
    """Put back the file's modification time, as it is now, when called."""
    before = path.stat()
    return lambda: os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


# --- a page changed after it was read ahead ---------------------------------------------------


def test_a_page_rewritten_in_as_many_bytes_and_at_the_same_time_is_read_again(
    tmp_path: Path,
) -> None:
    watchlist = watching(tmp_path)
    folder = a_site(tmp_path)
    page = folder / "index.html"
    ahead = guard.read_pages_ahead(folder, watchlist, [], pages(folder), never)
    put_back = keep_time(page)

    leaking = f"<p>{NAME}</p> ".encode()
    assert len(leaking) == page.stat().st_size  # no size nor time tells it changed
    page.write_bytes(leaking)
    put_back()

    assert "index.html" in errors(assert_as_if_read_at_the_end(folder, watchlist, ahead))


def test_a_page_changed_back_and_forth_is_judged_by_its_last_bytes(tmp_path: Path) -> None:
    watchlist = watching(tmp_path)
    folder = a_site(tmp_path)
    page = folder / "a" / "index.html"
    leaking, clean = page.read_bytes(), b"<p>Someone said so.</p>"

    def written_twice(*contents: bytes) -> Iterator[Path]:
        """The page handed once per content, written before each time it is handed."""
        for content in contents:
            page.write_bytes(content)
            yield page

    # Read leaking, then clean (written twice): at the end it leaks again.
    ahead = guard.read_pages_ahead(folder, watchlist, [], written_twice(leaking, clean), never)
    page.write_bytes(leaking)
    assert "a/index.html" in errors(assert_as_if_read_at_the_end(folder, watchlist, ahead))

    # Read clean, then leaking: at the end it is clean again (what is published is clean).
    ahead = guard.read_pages_ahead(folder, watchlist, [], written_twice(clean, leaking), never)
    page.write_bytes(clean)
    assert "a/index.html" not in errors(assert_as_if_read_at_the_end(folder, watchlist, ahead))


def test_a_page_replaced_by_a_link_is_judged_by_the_bytes_it_leads_to(tmp_path: Path) -> None:
    watchlist, folder, ahead = a_site_read_ahead(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "leaking.html").write_text(f"<p>{NAME}</p>", encoding="utf-8")
    (elsewhere / "clean.html").write_bytes((folder / "a" / "index.html").read_bytes())

    (folder / "index.html").unlink()  # read clean, now a link to a name
    (folder / "index.html").symlink_to(elsewhere / "leaking.html")
    shutil.rmtree(folder / "b")  # a folder read ahead, now a link to another folder
    (folder / "b").symlink_to(elsewhere)
    (elsewhere / "index.html").symlink_to(elsewhere / "leaking.html")

    found = errors(assert_as_if_read_at_the_end(folder, watchlist, ahead))
    assert {"index.html", "b/index.html", "b/leaking.html"} <= found


def test_what_was_read_ahead_of_a_page_does_not_follow_its_bytes_elsewhere(
    tmp_path: Path,
) -> None:
    watchlist, folder, ahead = a_site_read_ahead(tmp_path)
    clean = (folder / "index.html").read_bytes()

    (folder / "moved").mkdir()
    (folder / "a" / "index.html").rename(folder / "moved" / "index.html")  # renamed
    (folder / "a" / "index.html").write_bytes(clean)  # a clean page's bytes in its place
    (folder / "index.html").write_bytes((folder / "e" / "index.html").read_bytes())  # swapped
    (folder / "e" / "index.html").write_bytes(clean)

    found = errors(assert_as_if_read_at_the_end(folder, watchlist, ahead))
    assert {"moved/index.html", "index.html"} <= found
    assert not {"a/index.html", "e/index.html"} & found


# --- pages the guard reads in odd ways ----------------------------------------------------------

SAID = f"<p>{NAME} said so.</p>"
# A page whose "ë" (two bytes in UTF-8) stands across the first READ_BYTES of the file.
_BEFORE = READ_BYTES - 1 - len("<p>No")
_FILLER = "w " * (_BEFORE // 2) + " " * (_BEFORE % 2)
ODD_PAGES = {
    "utf16.html": SAID.encode("utf-16"),  # with a byte order mark
    "utf16be.html": SAID.encode("utf-16-be"),  # without one
    "bom.html": codecs.BOM_UTF8 + SAID.encode(),
    "packed.html": gzip.compress(SAID.encode(), mtime=0),  # starts as gzip does
    "packed.svgz": gzip.compress(f"<svg><title>{NAME}</title></svg>".encode(), mtime=0),
    "long.html": f"<p>{_FILLER}{NAME} said so.</p>".encode(),
}


@pytest.mark.parametrize("name", sorted(ODD_PAGES))
def test_a_page_in_an_odd_encoding_is_read_ahead_as_the_guard_reads_it(
    tmp_path: Path, name: str
) -> None:
    watchlist = watching(tmp_path)
    folder = a_site(tmp_path)
    (folder / name).write_bytes(ODD_PAGES[name])
    if name == "long.html":
        assert ODD_PAGES[name][READ_BYTES - 1 : READ_BYTES + 1] == "ë".encode()

    ahead = guard.read_pages_ahead(folder, watchlist, [], [folder / name], never)

    assert ahead[name][1]  # read ahead, and the name found in it
    assert name in errors(assert_as_if_read_at_the_end(folder, watchlist, ahead))


def test_a_page_that_is_a_copy_of_the_theme_is_read_as_one_not_as_read_ahead(
    tmp_path: Path,
) -> None:
    """Read as a page, ``<Noël Wesselius=1>`` is a tag and its attribute: no name. Read as
    a file copied from the theme (as it stands), it is the name."""
    watchlist = watching(tmp_path)
    folder = a_site(tmp_path)
    theme = tmp_path / "theme"
    (theme / "assets").mkdir(parents=True)
    for where in (theme, folder):
        (where / "assets").mkdir(exist_ok=True)
        (where / "assets" / "app.js").write_text(f"<{NAME}=1>", encoding="utf-8")

    ahead = guard.read_pages_ahead(folder, watchlist, [theme], [folder / "assets/app.js"], never)

    assert ahead["assets/app.js"][1] == frozenset()  # taken as it is, it would hide the name
    alone = guard.find_leaks(folder, watchlist, [theme])
    assert guard.find_leaks(folder, watchlist, [theme], read_before=ahead) == alone
    assert "assets/app.js" in errors(alone)


def test_a_path_that_names_a_page_otherwise_is_never_taken_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    watchlist = watching(tmp_path)
    folder = a_site(tmp_path)
    clean = folder / "index.html"
    (folder / "link").symlink_to(folder / "a")  # a folder of the site linked in it

    odd = [folder / "b" / ".." / "index.html", folder / "link" / "index.html", folder / "a//x"]
    ahead = guard.read_pages_ahead(folder, watchlist, [], [clean, *odd], never)

    assert set(ahead) == {"index.html", "b/../index.html", "link/index.html"}
    found = errors(assert_as_if_read_at_the_end(folder, watchlist, ahead))
    assert {"a/index.html", "link/index.html"} <= found

    # A site folder given relative to where the build runs: the keys are the same...
    monkeypatch.chdir(tmp_path)
    relative = Path("site")
    ahead = guard.read_pages_ahead(relative, watchlist, [], pages(relative), never)
    assert set(ahead) == set(PAGES)
    assert_as_if_read_at_the_end(folder, watchlist, ahead)
    # ...and a page not under it as given is no key at all: it is not read ahead.
    assert guard.read_pages_ahead(relative, watchlist, [], pages(folder), never) == {}


# --- what the child found, whatever it read in which order --------------------------------------


def test_stopped_after_any_page_the_guard_finds_the_same(tmp_path: Path) -> None:
    watchlist = watching(tmp_path)
    folder = a_site(tmp_path)
    alone = guard.find_leaks(folder, watchlist)

    for read in range(len(PAGES) + 1):
        asked = iter(range(len(PAGES) + 1))
        stopped = functools.partial(lambda asked, read: next(asked) >= read, asked, read)
        ahead = guard.read_pages_ahead(folder, watchlist, [], pages(folder), stopped)
        assert len(ahead) == read
        assert guard.find_leaks(folder, watchlist, read_before=ahead) == alone


def test_what_is_found_and_its_order_are_the_same_read_in_parts(tmp_path: Path) -> None:
    watchlist = watching(tmp_path)
    folder = a_site(tmp_path)
    (folder / "h.html").write_bytes(bytes(range(256)) * 4)  # unread: listed in order too
    (folder / "z.bin").write_bytes(bytes(range(256)) + NAME.encode())
    ahead = site_scan.read_ahead(folder, watchlist.needles, watchlist.usual, pages(folder), never)
    in_parts = site_scan.InParts(3, lambda read, shares: [read(share) for share in shares])

    def scanned(parts: site_scan.InParts | None, before: guard.ReadBefore | None) -> guard.Found:
        return site_scan.scan(
            folder, watchlist.needles, watchlist.usual, in_parts=parts, read_before=before
        )

    whole = scanned(None, None)
    assert scanned(None, ahead) == whole
    assert scanned(in_parts, None) == whole
    assert scanned(in_parts, ahead) == whole
    assert [output for output, _, _ in whole[1]] == ["h.html", "z.bin"]


def pages_of(draw: st.DrawFn) -> list[str]:
    page = st.lists(st.tuples(st.sampled_from(TAGS), st.sampled_from(BETWEEN)), max_size=25)
    drawn = draw(st.lists(page, min_size=2, max_size=6))
    return ["".join(tag + text for tag, text in tags) for tags in drawn]


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), header=st.booleans())
def test_read_ahead_in_any_order_finds_what_reading_every_tag_at_the_end_finds(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject, header: bool
) -> None:
    """The child's memory of the tags it read is built from the pages in the order MkDocs
    made them (not the site's), and from bytes changed since; the guard's at the end, from
    the other pages."""
    shared = nav(12) if header else ""
    texts = [shared + text + shared for text in data.draw(st.composite(pages_of)())]
    folder = tmp_path_factory.mktemp("pages")
    files = [folder / f"{number:02}.html" for number in range(len(texts))]
    for path, text in zip(files, texts):
        path.write_text(text, "utf-8")
    order = data.draw(st.permutations(files))
    ahead = guard.read_pages_ahead(folder, tag_watchlist(), [], order, never)
    for path in data.draw(st.lists(st.sampled_from(files), max_size=3, unique=True)):
        path.write_text(shared + data.draw(st.composite(pages_of)())[0] + shared, "utf-8")

    alone = guard.find_leaks(folder, tag_watchlist())
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(site_scan.TagMemory, "unread", lambda self, insides: insides)
        every_tag = guard.find_leaks(folder, tag_watchlist())
    assert guard.find_leaks(folder, tag_watchlist(), read_before=ahead) == alone == every_tag


# --- the child failing --------------------------------------------------------------------------


@pytest.mark.usefixtures("forking")
def test_a_page_written_out_of_the_site_is_not_read_ahead(tmp_path: Path) -> None:
    watchlist = watching(tmp_path)
    folder = a_site(tmp_path)
    outside = tmp_path / "outside.html"  # a page written out of the site (a plugin moved it)
    outside.write_text("<p>Nothing.</p>", encoding="utf-8")
    ahead = GuardAhead(folder, [], Generating(watchlist))  # type: ignore[arg-type]

    for page in [folder / "index.html", outside, *pages(folder)[1:]]:
        ahead.page_made(page)
    ahead.stopped.set = lambda: None  # type: ignore[method-assign]  # it reads every page
    read_before = ahead.read_before()

    assert read_before is not None and not ahead.failed and ahead.reader is None
    assert set(read_before) == set(PAGES) - {"noel-wesselius/index.html"}  # not the last
    assert_as_if_read_at_the_end(folder, watchlist, read_before)
    assert ahead.read_before() is None  # asked again: nothing more


# --- what was read ahead looking for other things -------------------------------------------------


def test_what_was_read_ahead_looking_for_other_words_is_not_taken(tmp_path: Path) -> None:
    """A word the theme's templates say is not looked for: read ahead with a theme folder
    that says "Wesselius", the page that names only "Wesselius" holds nothing looked for;
    the guard at the end, where no theme folder says it, looks for it, so it takes nothing
    read ahead (the warning for the word alone stands)."""
    watchlist = watching(tmp_path)
    folder = a_site(tmp_path)
    theme = tmp_path / "plugin-templates"
    theme.mkdir()
    (theme / "words.html").write_text('<span class="wesselius"></span>', encoding="utf-8")

    ahead = guard.read_pages_ahead(folder, watchlist, [theme], pages(folder), never)

    alone = guard.find_leaks(folder, watchlist)
    assert ("b/index.html", "2") in {(leak.output, leak.part) for leak in alone}
    assert guard.find_leaks(folder, watchlist, read_before=ahead) == alone


# --- real builds ---------------------------------------------------------------------------------

# Every page made is read ahead but the last (MkDocs writes it after): the study's worker
# sends the watchlist after the first file, and the child, told to stop, reads on until it
# read every page it was handed. What the guard is given is kept in `ahead.json`.
DETERMINISTIC = """
import json
from pathlib import Path

from journeys.building import isolated
from journeys.privacy import guard

isolated.Background.ready = lambda self: True
isolated.Flag.set = lambda self: None
find_leaks = guard.find_leaks


def recorded(site_dir, *args, read_before=None, **kwargs):
    ahead = sorted(read_before or {})
    Path(site_dir).parent.joinpath("ahead.json").write_text(json.dumps(ahead), encoding="utf-8")
    return find_leaks(site_dir, *args, read_before=read_before, **kwargs)


guard.find_leaks = recorded
"""

CHANGING = """
import os
from pathlib import Path

from mkdocs.plugins import event_priority

NAME = {name!r}
made = []


@event_priority(-100)  # after the plugin's: this is what MkDocs writes
def on_post_page(output, page, config):
    made.append(page.file.dest_uri)
    if page.file.src_uri == "notes.md":
        return output.replace("</article>", f"<p>{{NAME}}</p></article>")
    return output


def on_post_build(config):
    site = Path(config.site_dir)
    read = [uri for uri in made[:-1] if uri.startswith(("interviews/int-", "personas/"))]
    # A page read ahead, now a link to a file that names the participant.
    outside = site.parent / "outside.html"
    outside.write_text(f"<p>{{NAME}}</p>", encoding="utf-8")
    (site / read[0]).unlink()
    (site / read[0]).symlink_to(outside)
    # Another, naming them in as many bytes, at the same time.
    page = site / read[1]
    before = page.stat()
    data, said = page.read_bytes(), f"<p>{{NAME}}</p>".encode()
    at = data.index(b"<article")
    page.write_bytes(data[:at] + said + data[at + len(said) :])
    assert page.stat().st_size == before.st_size
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    (site.parent / "changed.txt").write_text("\\n".join(read[:2]), encoding="utf-8")
"""


def a_project(tmp_path: Path, participant: str, hooks: str, plugins: list[object]) -> None:
    tree = ContentTree(tmp_path / "content").minimal()
    tree.persona("ben")
    for number in range(10, 16):
        tree.interview(f"int-{number}", persona="ben", scores=(2, 4, 9))
    tree.interview("int-99", participant={"name": participant})
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Research\n\nThe home page.\n", "utf-8")
    (tmp_path / "docs" / "notes.md").write_text("# Notes\n\nWhat was said.\n", "utf-8")
    (tmp_path / "hook.py").write_text(DETERMINISTIC + hooks, encoding="utf-8")
    write_site(tmp_path, extra_config={"hooks": ["hook.py"], "plugins": plugins})


@pytest.mark.slow
def test_a_build_whose_hooks_change_pages_read_ahead_fails_on_each(tmp_path: Path) -> None:
    a_project(
        tmp_path,
        NAME,
        CHANGING.format(name=NAME),
        ["search", {"journeys": {"content_dir": "content"}}],
    )

    result = mkdocs(tmp_path, "build", "--strict")

    read = json.loads((tmp_path / "ahead.json").read_text(encoding="utf-8"))
    changed = (tmp_path / "changed.txt").read_text(encoding="utf-8").splitlines()
    assert {"notes/index.html", *changed} <= set(read)  # each was read ahead, then changed
    assert result.returncode != 0
    for output in ["notes/index.html", *changed]:
        assert f"{output}: contains `participant.name`" in result.stderr


THEME_FOLDER_FOR_A_WHILE = """
EXTRA = str(Path(__file__).parent / "templates")
if not AHEAD:
    from journeys.mkdocs import guard_ahead

    guard_ahead.GuardAhead.read_before = lambda self: None


def on_config(config):
    config.theme.dirs.append(EXTRA)  # a plugin's templates
    return config


def on_post_build(config):
    config.theme.dirs.remove(EXTRA)  # taken away again once the pages are made
"""


@pytest.mark.slow
@pytest.mark.parametrize("ahead", [False, True], ids=["read-at-the-end", "read-ahead"])
def test_a_build_whose_theme_folders_change_after_pages_are_read_ahead_finds_the_name(
    tmp_path: Path, ahead: bool
) -> None:
    """A one-word participant name said by a template folder that the theme has while the
    pages are read ahead, and no longer has when the guard runs, fails the build."""
    hooks = THEME_FOLDER_FOR_A_WHILE.replace("AHEAD", str(ahead))
    a_project(tmp_path, "Wesselius", hooks, [{"journeys": {"content_dir": "content"}}])
    (tmp_path / "docs" / "notes.md").write_text("# Notes\n\nThen Wesselius called.\n", "utf-8")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "words.html").write_text('<span class="wesselius"></span>\n')

    result = mkdocs(tmp_path, "build", "--strict")

    read = json.loads((tmp_path / "ahead.json").read_text(encoding="utf-8"))
    assert ("notes/index.html" in read) == ahead
    assert "notes/index.html: contains `participant.name`" in result.stderr
    assert result.returncode != 0
