"""Attacks on ``site_scan.TagMemory``: what the guard finds with it must be what it finds
reading every tag of every page (``TagMemory.unread`` returning its input)."""

from __future__ import annotations

import shutil
import tempfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from contentkit import ContentTree
from journeys.content.loading import load_study
from journeys.privacy import guard, site_scan

QUOTE = "Our old kettle broke twice before the repair man came."
Q = QUOTE.rstrip(".").split()
# A name with a Cherokee letter in a mostly Latin name: its needles are read as "mostly
# ASCII" text is (lower case Cherokee).
CHEROKEE_NAME = "\u13a0nnabelle Margarethe \u13a0lexandria Johnson"
SYLLABLES = "\u13e3\u13b3\u13a9 " * 40  # Cherokee text (no needle)


def study(root: Path) -> ContentTree:
    tree = ContentTree(root / "content").minimal()
    tree.journey(body="Ask the Jansen desk about it.")
    tree.interview(
        "int-02",
        participant={
            "name": "Noël Wesselius",
            "email": "nw@example.org",
            "phone": "+31 6 11223344",
        },
    )
    tree.interview("int-03", participant={"name": "Eva Jansen"})
    tree.interview("int-04", consent=False, body=QUOTE)
    tree.interview("int-05", participant={"name": CHEROKEE_NAME})
    return tree


@cache
def watchlist() -> guard.Watchlist:
    root = Path(tempfile.mkdtemp(prefix="tag-memory-attack-"))
    try:
        study(root)
        found = load_study(root / "content", root)
    finally:
        shutil.rmtree(root)
    return guard.watchlist(found.interviews, found.personas.values(), found.journeys.values())


def summary(leaks: list[guard.Leak]) -> list[tuple[str, str, str]]:
    return sorted((leak.output, leak.source, leak.field) for leak in leaks)


def both(folder: Path) -> tuple[list[guard.Leak], list[guard.Leak]]:
    remembered = guard.find_leaks(folder, watchlist())
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(site_scan.TagMemory, "unread", lambda self, insides: insides)
        every_tag = guard.find_leaks(folder, watchlist())
    return remembered, every_tag


def site(folder: Path, pages: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number, text in enumerate(pages):
        (folder / f"{number:02}.html").write_text(text, "utf-8")
    return folder


def assert_alike(folder: Path) -> list[guard.Leak]:
    remembered, every_tag = both(folder)
    assert remembered == every_tag
    return every_tag


FILLER = ["menu", "item", "for", "every", "persona", "page", "link", "home", "back", "next"]


def nav(count: int = 30) -> str:
    """A header's worth of plain tags, each with words (a run longer than 2 * overlap)."""
    return "".join(
        f'<a class="nav" href="/p{n}/" title="{FILLER[n % 10]} {FILLER[(n + 3) % 10]}"></a>'
        for n in range(count)
    )


# --- hand-made cases -------------------------------------------------------------------------


def test_a_quote_running_into_the_head_of_a_remembered_run_is_found(tmp_path: Path) -> None:
    head = f'<i title="{" ".join(Q[5:])}">'
    pages = [f"<p>One.</p>{head}{nav()}", f'<p>Two.</p><i title="{" ".join(Q[:5])}">{head}{nav()}']
    leaks = assert_alike(site(tmp_path / "s", pages))
    assert ("01.html", "content/interviews/int-04.md") in {(l.output, l.source) for l in leaks}


def test_a_quote_running_out_of_the_tail_of_a_remembered_run_is_found(tmp_path: Path) -> None:
    tail = f'<i title="{" ".join(Q[:5])}">'
    pages = [f"{nav()}{tail}<p>One.</p>", f'{nav()}{tail}<i title="{" ".join(Q[5:])}"><p>Two.</p>']
    leaks = assert_alike(site(tmp_path / "s", pages))
    assert ("01.html", "content/interviews/int-04.md") in {(l.output, l.source) for l in leaks}


def test_a_quote_from_the_shown_text_into_the_first_tag_and_out_of_the_last(tmp_path: Path) -> None:
    first = f'<i title="{" ".join(Q[3:])}">'
    pages = [
        f"{first}{nav()}<p>One.</p>",
        f"{' '.join(Q[:3])}{first}{nav()}",  # the shown text, then the tags' insides
    ]
    leaks = assert_alike(site(tmp_path / "s", pages))
    assert ("01.html", "content/interviews/int-04.md") in {(l.output, l.source) for l in leaks}


def test_a_phone_number_beside_a_remembered_run_is_found(tmp_path: Path) -> None:
    pages = [
        f'<i title="31 6">{nav()}<i title="1122 3344">',
        f'<i title="+31 6 1122">{nav()}<i title="3344 x">',
        f'<i title="+31 6">{nav()}<i title="1122 3344">',
    ]
    assert_alike(site(tmp_path / "s", pages))


def test_an_entity_that_makes_a_tag_of_the_tags_text_reads_the_run_as_every_tag_does(
    tmp_path: Path,
) -> None:
    """At depth 1 (``&lt;``...``&gt;`` around the run) a word before an attribute's `=` is
    left out, so "Eva mid k=Jansen" reads "Eva Jansen" there; the run must be read whole."""
    run = f"{nav(10)}<i Eva mid k=Jansen>{nav(10)}"
    pages = [f"<p>One.</p>{run}", f'<p>Two.</p><b title="&lt;q ">{run}<b title="&gt;">']
    leaks = assert_alike(site(tmp_path / "s", pages))
    assert ("01.html", "content/interviews/int-03.md") in {(l.output, l.source) for l in leaks}


def test_a_cherokee_name_found_reading_every_tag_is_found_with_the_memory(tmp_path: Path) -> None:
    big_nav = nav(200)
    pages = [f"<p>One.</p>{big_nav}", f"<p>{CHEROKEE_NAME} said {SYLLABLES}</p>{big_nav}"]
    remembered, every_tag = both(site(tmp_path / "s", pages))
    errors = lambda leaks: [
        (l.output, l.source, l.part) for l in leaks if l.severity.name == "ERROR"
    ]
    assert errors(every_tag) == [("01.html", "content/interviews/int-05.md", "")]
    assert errors(remembered) == errors(every_tag)  # the memory reads the whole name as missing
    assert remembered == every_tag


# --- any pages -------------------------------------------------------------------------------

TAGS = [
    *(f'<i title="{w}"></i>' for w in ["Noël", "Wesselius", "Eva", "Jansen", "nw@example.org"]),
    *(
        f'<i title="{" ".join(Q[a:b])}">'
        for a, b in [(0, 3), (3, 6), (6, 10), (0, 5), (5, 10), (2, 9)]
    ),
    '<i title="+31 6">',
    '<i title="1122 3344">',
    '<i title="11223344">',
    '<i title="06-1122">',
    "<i Eva mid k=Jansen>",
    "<i Eva\nJansen>",
    '<input value="Eva" Jansen=x/>',
    "<!-- Eva Jansen -->",
    '<b title="&lt;q ">',
    '<b title="&gt;">',
    '<a href="%45va%20Jansen">',
    "<br/>",
    "<p>",
    "</p>",
    *(f'<a class="nav" title="{FILLER[n]} {FILLER[n + 1]} {FILLER[n - 1]}"></a>' for n in range(9)),
    "<kept eva,jansen>",
    '<i title="gap0 gap1">',
]
BETWEEN = ["", "", "", " ", "Eva ", " Jansen", "x", " 06 ", "kettle broke", "\n"]


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    pages=st.lists(
        st.lists(st.tuples(st.sampled_from(TAGS), st.sampled_from(BETWEEN)), max_size=30).map(
            lambda tags: "".join(tag + text for tag, text in tags)
        ),
        min_size=2,
        max_size=6,
    ),
    header=st.booleans(),
)
@example(
    pages=["<p>One.</p>" + "".join(TAGS[:-2]), "<p>Two.</p>" + "".join(TAGS[5:-2])], header=True
)
def test_what_the_guard_finds_is_what_it_finds_reading_every_tag(
    tmp_path_factory: pytest.TempPathFactory, pages: list[str], header: bool
) -> None:
    shared = nav(12) if header else ""
    folder = site(tmp_path_factory.mktemp("pages"), [shared + page + shared for page in pages])
    assert_alike(folder)
