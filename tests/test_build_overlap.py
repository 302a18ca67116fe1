"""A build overlaps its steps: MkDocs reads each generated page as soon as the worker has
written it, and the privacy guard reads the built site on every core. Neither may change
what is built or what the guard finds."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Generator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.exceptions import PluginError

from contentkit import ContentTree, build, write_site
from journeys.building import generation, isolated
from journeys.building.cache import ChartCache
from journeys.building.preview import RenderMemory
from journeys.content.loading import load_study
from journeys.mkdocs.plugin import JourneysPlugin, url_resolver
from journeys.mkdocs.written_later import WrittenLater
from journeys.privacy import guard, site_scan
from journeys.site.kinds import home
from journeys.site.labels import Labels

NAME = "Noël Wesselius"


def settings(tmp_path: Path) -> generation.SiteSettings:
    return generation.SiteSettings(
        content_dir=tmp_path / "content",
        display_root=tmp_path,
        public_contacts=(),
        cache_dir=None,
        labels=Labels.for_language("en"),
        href=url_resolver(True),
    )


def a_study(tmp_path: Path) -> ContentTree:
    tree = ContentTree(tmp_path / "content").minimal()
    tree.persona("ben")
    tree.interview("int-02", persona="ben", scores=(2, 4, 9))
    tree.interview("int-03", participant={"name": NAME, "email": "nw@example.org"})
    return tree


def every_file(out: Path) -> dict[str, bytes]:
    return {path.relative_to(out).as_posix(): path.read_bytes() for path in out.rglob("*.md")}


# --- The generated files: listed first, then written in that order ------------------------------


def test_a_build_lists_every_file_before_it_writes_the_first_the_home_page_first(
    tmp_path: Path,
) -> None:
    a_study(tmp_path)
    out = tmp_path / "out"
    stream = generation.generate_site(settings(tmp_path), ChartCache(None), out)

    listing = next(stream)

    assert isinstance(listing, generation.Listing)
    assert not out.exists() or not any(out.rglob("*.md"))  # listed, none written yet
    listed = [file.src_uri for file in listing.files]
    assert listed[0] == home.HOME
    assert len(set(listed)) == len(listed)
    assert any(uri.startswith("interviews/") for uri in listed)
    items: list[object] = []
    outcome = isolated.drain(stream, items.append)
    written = [item.src_uri for item in items if isinstance(item, generation.WrittenFile)]
    assert written == listed  # in the order listed: MkDocs waits for each in that order
    # Worked out beside the files: sent once, as soon as it is ready, or with the outcome.
    sent = [item for item in items if isinstance(item, guard.Watchlist)]
    assert len(sent) + (outcome.watchlist is not None) == 1
    assert [c.chart.key for c in outcome.charts_to_draw] == [
        c.chart.key for c in listing.charts_to_draw
    ]


def test_pages_rendered_as_they_are_sent_are_the_pages_rendered_at_once(
    tmp_path: Path,
) -> None:
    """A build renders each page's text once every file is listed, and sends it rather
    than writing it; the preview renders and writes it at once. The pages are the same,
    byte for byte, and the build writes no page (its downloads, it does)."""
    a_study(tmp_path)
    sent: dict[str, str] = {}
    isolated.drain(
        generation.generate_site(
            settings(tmp_path), ChartCache(None), tmp_path / "later", send_pages=True
        ),
        lambda item: (
            isinstance(item, generation.WrittenFile)
            and item.text is not None
            and sent.update({item.src_uri: item.text})
        ),
    )
    isolated.drain(
        generation.generate_site(
            settings(tmp_path), ChartCache(None), tmp_path / "at-once", RenderMemory()
        ),
        lambda item: None,
    )

    at_once = every_file(tmp_path / "at-once")
    assert len(sent) > 5 and {uri: text.encode() for uri, text in sent.items()} == at_once
    assert every_file(tmp_path / "later") == {}
    assert any((tmp_path / "later").rglob("*.csv"))


def a_stream(
    pulled: list[str], names: list[str]
) -> Generator[generation.Listing | generation.WrittenFile, None, generation.Outcome]:
    files = [generation.WrittenFile(name, Path(name)) for name in names]
    pulled.append("listing")
    yield generation.Listing(files, [], 0, [], 0)
    for file in files:
        pulled.append(file.src_uri)
        yield file
    pulled.append("outcome")
    return generation.Outcome([], None, 0, [], 0)


def test_a_page_is_waited_for_until_it_is_written_and_no_longer() -> None:
    pulled: list[str] = []
    files = generation.GeneratedFiles(a_stream(pulled, ["a.md", "b.md", "c.md"]))
    announced: list[str] = []

    listing = files.announced(lambda file: announced.append(file.src_uri))

    assert isinstance(listing, generation.Listing)
    assert announced == ["a.md", "b.md", "c.md"] and pulled == ["listing"]
    files.wait_for("b.md")
    assert pulled == ["listing", "a.md", "b.md"]
    files.wait_for("a.md")  # written already
    files.wait_for("docs-page.md")  # none of the generated files
    assert pulled == ["listing", "a.md", "b.md"]
    files.wait_for_every_file()
    assert pulled == ["listing", "a.md", "b.md", "c.md"]
    assert files.finish().watchlist is None
    assert pulled[-1] == "outcome"


def test_content_errors_list_nothing_and_return_the_messages(tmp_path: Path) -> None:
    tree = a_study(tmp_path)
    (tree.root / "interviews" / "int-02.md").write_text("---\nid: [\n---\n", encoding="utf-8")
    files = generation.GeneratedFiles(
        generation.generate_site(settings(tmp_path), ChartCache(None), tmp_path / "out")
    )

    made = files.announced(lambda file: pytest.fail("nothing is listed"))

    assert isinstance(made, generation.Outcome)
    assert any("int-02.md" in message.format() for message in made.diagnostics)
    assert not (tmp_path / "out").exists()


@pytest.mark.usefixtures("forking")  # as in `mkdocs build`
def test_a_generation_worker_that_dies_while_pages_are_read_fails_the_build() -> None:
    def dies() -> Generator[generation.Listing | generation.WrittenFile, None, generation.Outcome]:
        yield generation.Listing([generation.WrittenFile("a.md", Path("a.md"))], [], 0, [], 0)
        os.kill(os.getpid(), signal.SIGKILL)
        return generation.Outcome([], None, 0, [], 0)

    plugin = JourneysPlugin()
    plugin.generating = generation.GeneratedFiles(isolated.run(dies))
    plugin.generating.announced(lambda file: None)

    with pytest.raises(PluginError, match=r"worker process stopped unexpectedly"):
        plugin.wait_for("a.md")


HOOK = """
import json
from pathlib import Path

from mkdocs.plugins import event_priority

SEEN = {}


@event_priority(-100)  # after the journeys plugin listed its files
def on_files(files, config):
    for file in files.documentation_pages():
        if file.src_uri.startswith(("interviews/", "journeys/", "personas/")):
            SEEN[file.src_uri] = file.content_string  # before MkDocs reads any page
    return files


def on_post_build(config):
    Path(config.config_file_path).with_name("seen.json").write_text(json.dumps(SEEN))
"""


def test_another_plugin_reading_a_generated_page_before_mkdocs_gets_all_of_it(
    tmp_path: Path,
) -> None:
    """Files are listed before they are written: reading one through MkDocs' file waits
    until the worker has written it, whoever reads it and whenever."""
    a_study(tmp_path)
    (tmp_path / "hook.py").write_text(HOOK, encoding="utf-8")
    write_site(tmp_path, extra_config={"hooks": ["hook.py"]})

    build(tmp_path)

    seen = json.loads((tmp_path / "seen.json").read_text(encoding="utf-8"))
    assert "interviews/int-03.md" in seen and "journeys/repair.md" in seen
    assert all("\n# " in f"\n{text}" and text.endswith("\n") for text in seen.values())
    interview = (tmp_path / "site" / "interviews" / "int-03" / "index.html").read_text()
    assert "Interview notes." in seen["interviews/int-03.md"] and "Interview notes." in interview


@pytest.mark.parametrize("read", ["content_string", "content_bytes", "copy_file"])
def test_a_file_listed_before_it_is_written_is_read_once_it_is(tmp_path: Path, read: str) -> None:
    source = tmp_path / "written-later" / "page.md"
    file = WrittenLater(
        "page.md", src_dir=None, dest_dir=str(tmp_path / "site"), use_directory_urls=True
    )
    file.abs_src_path = str(source)

    def the_worker_writes_it() -> None:
        source.parent.mkdir(exist_ok=True)
        source.write_text("# Written by the worker\n", encoding="utf-8")

    file.until_written = the_worker_writes_it

    if read == "copy_file":
        file.copy_file()
        assert Path(file.abs_dest_path).read_text(encoding="utf-8") == "# Written by the worker\n"
    else:
        assert "Written by the worker" in str(getattr(file, read))


# --- The guard reads the built site in parts, on every core -------------------------------------


def a_site(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    pages = {
        "index.html": "<p>Nothing private.</p>",
        "a/index.html": f"<p>{NAME} said so.</p>",
        "b/index.html": "<p>Then Wesselius called.</p>",
        "c/data.json": '[{"text": "write to nw@example.org"}]',
        "d/notes.txt": "Noël\nWesselius\n",
        "e/big.html": "<p>filler words</p>\n" * 4000,
        "f/image.bin": bytes(range(256)) * 4,
    }
    for name, text in pages.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            (folder / name).write_bytes(text)
        else:
            (folder / name).write_text(text, encoding="utf-8")
    (folder / "noel-wesselius").mkdir()
    (folder / "noel-wesselius" / "index.html").write_text("<p>a page</p>", encoding="utf-8")
    return folder


def watching(tmp_path: Path) -> guard.Watchlist:
    found = load_study(tmp_path / "content", tmp_path)
    return guard.watchlist(found.interviews, found.personas.values(), found.journeys.values())


@pytest.mark.usefixtures("forking")
@pytest.mark.parametrize("parts", [2, 3, 5])
def test_the_guard_in_parts_finds_what_it_finds_reading_alone(tmp_path: Path, parts: int) -> None:
    a_study(tmp_path)
    folder = a_site(tmp_path)
    watchlist = watching(tmp_path)

    alone = guard.find_leaks(folder, watchlist)
    in_parts = guard.find_leaks(folder, watchlist, in_parts=guard.InParts(parts, isolated.in_parts))

    assert in_parts == alone
    found = {(leak.output, leak.severity.value, leak.in_path) for leak in alone}
    assert {
        ("a/index.html", "error", False),
        ("c/data.json", "error", False),
        ("b/index.html", "warning", False),
        ("noel-wesselius/index.html", "error", True),
        ("f/image.bin", "error", False),  # cannot be read: fails closed in either way
    } <= found


@pytest.mark.usefixtures("forking")
def test_a_guard_part_that_dies_fails_the_guard(tmp_path: Path) -> None:
    a_study(tmp_path)
    folder = a_site(tmp_path)
    main = os.getpid()

    def read_and_die(read, shares):  # type: ignore[no-untyped-def]
        def dies(paths: list[Path]) -> guard.Found:
            if os.getpid() != main:
                os.kill(os.getpid(), signal.SIGKILL)
            return read(paths)  # type: ignore[no-any-return]

        return isolated.in_parts(dies, shares)

    with pytest.raises(isolated.WorkerStopped):
        guard.find_leaks(folder, watching(tmp_path), in_parts=guard.InParts(2, read_and_die))


@given(
    sizes=st.lists(st.integers(min_value=0, max_value=5000), max_size=30),
    parts=st.integers(min_value=1, max_value=6),
)
def test_the_shares_hold_every_file_once_in_order(
    tmp_path_factory: pytest.TempPathFactory, sizes: list[int], parts: int
) -> None:
    folder = tmp_path_factory.mktemp("shares")
    paths = []
    for number, size in enumerate(sizes):
        path = folder / f"{number:02}.{'json' if number % 3 == 0 else 'html'}"
        path.write_bytes(b"x" * size)
        paths.append(path)

    shares = site_scan._shares(paths, parts)

    assert len(shares) == parts
    assert sorted(path for share in shares for path in share) == paths
    assert all(share == sorted(share) for share in shares)
    weights = [
        sum(p.stat().st_size * (3 if p.suffix == ".json" else 1) for p in share) for share in shares
    ]
    heaviest_file = max((p.stat().st_size * 3 for p in paths), default=0)
    assert max(weights) - min(weights) <= heaviest_file  # no share much more work than another


# --- Tags every page repeats are read once, soundly -------------------------------------------

FILLER = [
    "the",
    "page",
    "shows",
    "the",
    "journey",
    "and",
    "its",
    "stages",
    "with",
    "their",
    "scores",
    "for",
    "every",
    "persona",
]
QUOTE = "Our old kettle broke twice before the repair man came."


def a_long_inside(words: list[str]) -> str:
    return f'<abbr title="{" ".join(words)}">x</abbr>'


def pages_with_the_quote(tmp_path: Path, first: str, second: str) -> list[str]:
    """The pages ``a.html`` (read first) and ``b.html`` in which the guard finds the
    non-consenting :data:`QUOTE`."""
    tree = a_study(tmp_path)
    tree.interview("int-04", consent=False, body=QUOTE)
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "a.html").write_text(first, encoding="utf-8")
    (folder / "b.html").write_text(second, encoding="utf-8")
    leaks = guard.find_leaks(folder, watching(tmp_path))
    return [leak.output for leak in leaks if leak.source.endswith("int-04.md")]


def test_a_quote_running_out_of_a_tag_read_before_is_found(tmp_path: Path) -> None:
    """The footer's long tooltip held nothing in the first page, so it is not read again
    whole; its last words still are, so a non-consenting quote that runs on from them into
    the next tag is found."""
    footer = a_long_inside([*FILLER, *FILLER, *QUOTE.split()[:4]])
    second = f'<p>Two.</p>{footer}<abbr title="{" ".join(QUOTE.split()[4:])}">b</abbr>'

    assert pages_with_the_quote(tmp_path, f"<p>One.</p>{footer}", second) == ["b.html"]


def test_a_quote_that_tags_read_once_more_make_whole_is_found_after_a_clean_page(
    tmp_path: Path,
) -> None:
    """An entity in a tag can read as `>`, so the tags' text is read once more as markup:
    a tag of that reading runs over the tooltips between, leaves out an attribute's name
    before `=` ("data"), and the quote that name split stands whole. The tooltips alone,
    read in the first page, held nothing."""
    words = QUOTE.split()
    tooltip = (
        f"{a_long_inside(FILLER)}"
        f'<abbr title="{" ".join(words[:4])}" data x="{" ".join(words[4:])}">t</abbr>'
        f"{a_long_inside(FILLER)}"
    )
    second = f'<p>Two.</p><abbr title="<x">o</abbr>{tooltip}<abbr title="&gt;">c</abbr>'

    assert pages_with_the_quote(tmp_path, f"<p>One.</p>{tooltip}", second) == ["b.html"]


WORDS = ["Noël", "Wesselius", "nw@example.org", *QUOTE.split()[:5], *FILLER[:6]]


@given(
    pages=st.lists(
        st.lists(
            st.lists(st.sampled_from(WORDS), min_size=0, max_size=40).map(a_long_inside),
            max_size=4,
        ),
        min_size=1,
        max_size=5,
    )
)
def test_what_the_guard_finds_is_what_it_finds_reading_every_tag_of_every_page(
    tmp_path_factory: pytest.TempPathFactory, pages: list[list[str]]
) -> None:
    root = tmp_path_factory.mktemp("tags")
    a_study(root).interview("int-04", consent=False, body=QUOTE)
    folder = root / "site"
    folder.mkdir()
    for number, tags in enumerate(pages):
        (folder / f"{number}.html").write_text("<p>A page.</p>" + "".join(tags), "utf-8")
    watchlist = watching(root)

    remembered = guard.find_leaks(folder, watchlist)
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(site_scan.TagMemory, "unread", lambda self, insides: insides)
        every_tag = guard.find_leaks(folder, watchlist)

    assert remembered == every_tag
