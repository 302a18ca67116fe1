"""The home page is a study dashboard, the research leads the navigation, and a persona page
is a card: its picture, a headline quote from a consenting interview, on one A4 sheet.

Sites are built for real (``mkdocs build --strict``); the print check uses Chromium.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest

import browser_kit as kit
from contentkit import ContentTree, build, mkdocs, write_site
from journeys.content.loading import load_study
from journeys.mkdocs.plugin import url_resolver
from journeys.site import kinds, passthrough
from journeys.site.labels import Labels

EN = Labels.for_language("en")
PICTURE = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2"><circle r="1"/></svg>\n'


def study(tree: ContentTree) -> ContentTree:
    """Eva on the repair journey: two interviews; the lowest stage is `report`."""
    tree.persona("eva")
    tree.journey()
    tree.interview("int-01", scores=(6, 2, 7))
    tree.interview("int-02", scores=(5, 4, 8))
    return tree


def page_text(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def nav_titles(page: str) -> list[str]:
    """The titles of the primary navigation, in order."""
    start = page.index('class="md-nav md-nav--primary"')
    nav = page[start : page.index('<div class="md-content"', start)]
    found = re.findall(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', nav, re.DOTALL)
    return [html.unescape(title) for title in found]


# ---- home page ----------------------------------------------------------------------------


def test_a_site_without_a_home_page_gets_the_dashboard(tmp_path: Path, tree: ContentTree) -> None:
    study(tree)
    write_site(tmp_path, tree.root)
    (tmp_path / "docs" / "index.md").unlink()

    home = page_text(build(tmp_path), "index.html")

    assert re.search(rf"<h1[^>]*>{EN('home_title')}</h1>", home)
    assert EN("home_lowest", stage="Report", mean="3.0", n=2) in home
    # the journey card links its page and shows its chart
    assert 'href="journeys/repair/"' in home
    assert 'src="journeys/repair-emotion.svg"' in home
    assert 'href="personas/eva/"' in home and 'href="interviews/"' in home
    assert nav_titles(home)[0] == EN("home")


@pytest.mark.parametrize("own_home", ["index.md", "README.md"])
def test_a_marker_line_in_the_sites_own_home_page_becomes_the_dashboard(
    tmp_path: Path, tree: ContentTree, own_home: str
) -> None:
    study(tree)
    write_site(tmp_path, tree.root)
    (tmp_path / "docs" / "index.md").unlink()
    (tmp_path / "docs" / own_home).write_text(
        "# Our study\n\nWritten by hand.\n<!-- journeys:dashboard -->\nThe end.\n",
        encoding="utf-8",
    )

    home = page_text(build(tmp_path), "index.html")
    content = home[home.index("<h1") :]

    assert re.findall(r"<h1[^>]*>(.*?)</h1>", content) == ["Our study"]
    assert "journeys:dashboard" not in home
    order = [
        content.index(text)
        for text in (
            "Written by hand.",
            EN("home_lowest", stage="Report", mean="3.0", n=2),
            "The end.",
        )
    ]
    assert order == sorted(order)
    # the dashboard's blocks were set aside and put back like a generated page's
    assert "&#000" not in home
    assert re.search(r"journeys[0-9a-f]{16}x", home) is None


def test_a_home_page_without_the_marker_stays_as_written(tmp_path: Path, tree: ContentTree) -> None:
    study(tree)
    write_site(tmp_path, tree.root)

    home = page_text(build(tmp_path), "index.html")

    assert "Hand-written home page." in home
    assert EN("home_intro") not in home


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({}, ["Test research", "Personas", "Journeys", "Interviews", "Research", "Guide"]),
        (
            {"research_first": False},
            ["Test research", "Guide", "Personas", "Journeys", "Interviews", "Research"],
        ),
    ],
    ids=["research first (default)", "research_first: false"],
)
def test_the_research_comes_first_in_the_navigation_after_the_home_page(
    tmp_path: Path, tree: ContentTree, options: dict[str, Any], expected: list[str]
) -> None:
    study(tree)
    write_site(tmp_path, tree.root, plugin_options=options)
    (tmp_path / "docs" / "guide.md").write_text("# Guide\n\nHow to read.\n", encoding="utf-8")

    titles = nav_titles(page_text(build(tmp_path), "index.html"))

    top_level = [title for title in titles if title in expected]
    assert list(dict.fromkeys(top_level)) == expected


# ---- persona picture ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("alt", "shown"), [("An owl, drawn", "An owl, drawn"), (None, "Illustration of Eva")]
)
def test_the_persona_picture_is_linked_from_docs_dir_and_shown_with_its_alt_text(
    tmp_path: Path, tree: ContentTree, alt: str | None, shown: str
) -> None:
    study(tree)
    tree.persona("eva", image="pictures/eva.svg", **({"image_alt": alt} if alt else {}))
    write_site(tmp_path, tree.root)
    (tmp_path / "docs" / "index.md").unlink()  # the dashboard is the home page
    (tmp_path / "docs" / "pictures").mkdir()
    (tmp_path / "docs" / "pictures" / "eva.svg").write_bytes(PICTURE)

    site = build(tmp_path)
    persona = page_text(site, "personas/eva/index.html")

    image = re.search(r'<img class="jr-persona-image" src="([^"]+)" alt="([^"]*)"', persona)
    assert image is not None, "no picture on the persona page"
    assert image.group(2) == shown
    assert urljoin("/personas/eva/", image.group(1)) == "/pictures/eva.svg"
    assert (site / "pictures" / "eva.svg").read_bytes() == PICTURE  # MkDocs published it
    copies = [path for path in site.rglob("*.svg") if path.read_bytes() == PICTURE]
    assert copies == [site / "pictures" / "eva.svg"], "the plugin copied the picture"
    # the home page shows it too, beside the persona's name (so without alt text of its own)
    assert '<img class="jr-persona-thumb" src="pictures/eva.svg" alt=""' in page_text(
        site, "index.html"
    )


PERSONA = "---\nname: Eva\nsummary: Summary of eva.\nimage: {image}\n---\nStory.\n"


@pytest.mark.parametrize(
    ("image", "problem"),
    [
        (
            "images/eva.png",
            (
                "`images/eva.png` is no file: put the picture in site/docs/images/eva.png, or "
                "correct the path: it is relative to docs_dir (`site/docs/`)"
            ),
        ),
        ("../content/interviews/int-01.png", "must be a path inside docs_dir"),
        ("/tmp/eva.png", "must be a path inside docs_dir"),
        ("eva.pdf", "is not a picture a browser shows"),
    ],
)
def test_a_picture_that_cannot_be_shown_is_an_error_at_its_line(
    tmp_path: Path, tree: ContentTree, image: str, problem: str
) -> None:
    study(tree)
    (tree.root / "personas" / "eva.md").write_text(PERSONA.format(image=image), encoding="utf-8")
    docs = tmp_path / "site" / "docs"
    docs.mkdir(parents=True)
    (docs / "eva.pdf").write_bytes(b"%PDF-1.4\n")
    (tree.root / "interviews" / "int-01.png").write_bytes(b"\x89PNG\r\n")

    messages = [d.format() for d in load_study(tree.root, tmp_path, docs_dir=docs).diagnostics]

    assert len(messages) == 1
    assert messages[0].startswith("content/personas/eva.md:4: error: `image`: ")
    assert problem in messages[0]


def test_a_picture_beside_the_persona_file_is_not_one_in_docs_dir(
    tmp_path: Path, tree: ContentTree
) -> None:
    study(tree)
    (tree.root / "personas" / "eva.md").write_text(
        PERSONA.format(image="eva.png"), encoding="utf-8"
    )
    (tree.root / "personas" / "eva.png").write_bytes(b"\x89PNG\r\n")
    write_site(tmp_path, tree.root)

    result = mkdocs(tmp_path, "build", "--strict")

    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "content/personas/eva.md:4: error: `image`: `eva.png` is no file" in output
    assert "put the picture in docs/eva.png" in output


# ---- headline quote -----------------------------------------------------------------------


def persona_page(tree: ContentTree) -> str:
    study_ = load_study(tree.root, tree.root.parent)
    assert not study_.has_errors, study_.diagnostics
    site = kinds.renderer(study_, EN, url_resolver(True))
    page = next(f for f in kinds.site_files(site) if f.src_uri == "personas/eva.md")
    assert isinstance(page.content, str)
    return passthrough.plain_punctuation(page.content)


def quoted_step(stage: str, score: float, quote: str) -> dict[str, Any]:
    return {"stage": stage, "action": f"At {stage}", "score": score, "quote": quote}


def test_the_headline_quote_is_from_the_lowest_scored_consenting_moment(
    tree: ContentTree,
) -> None:
    tree.persona("eva")
    tree.journey()
    tree.interview(
        "int-01",
        steps=[
            quoted_step("notice", 6, "Fine at first"),
            quoted_step("report", 3, "Nobody called"),
        ],
    )
    tree.interview(
        "int-02",
        consent=False,
        steps=[quoted_step("notice", 1, "Zanzibar words"), quoted_step("wait", 2, "Zanzibar too")],
    )
    tree.interview("int-03", steps=[{"stage": "wait", "action": "Waited", "score": 2}])

    page = persona_page(tree)
    headline = re.search(r'<figure class="jr-headline-quote">(.*?)</figure>', page, re.DOTALL)

    assert headline is not None
    assert "Nobody called" in headline.group(1)
    assert "int-01" in headline.group(1)
    assert "zanzibar" not in page.lower()


# ---- the persona card on paper ------------------------------------------------------------


def test_a_persona_prints_as_one_a4_card_with_its_picture_and_headline_quote(
    browser: Any, demo_site: Path
) -> None:
    with kit.serve(demo_site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            page.goto(f"{base}/personas/cautious-newcomer/", wait_until="load")
            kit.load_all_images(page)
            page.emulate_media(media="print")
            shown = page.evaluate(
                """() => Object.fromEntries(
                    ['.jr-persona-image', '.jr-headline-quote', '.jr-print-note', '.md-header',
                     '.md-sidebar--primary'].map(s => {
                        const el = document.querySelector(s);
                        return [s, !!el && getComputedStyle(el).display !== 'none'];
                    }))"""
            )
            picture = page.evaluate("document.querySelector('.jr-persona-image').naturalWidth > 0")
            address = page.inner_text(".jr-page-address")
            pdf = page.pdf(prefer_css_page_size=True, print_background=True)
        finally:
            page.close()

    assert shown == {
        ".jr-persona-image": True,
        ".jr-headline-quote": True,
        ".jr-print-note": True,
        ".md-header": False,
        ".md-sidebar--primary": False,
    }
    assert picture, "the persona's picture did not load"
    assert address == f"{base}/personas/cautious-newcomer/"
    assert kit.pdf_page_count(pdf) == 1
    assert all(
        abs(width - kit.A4_PORTRAIT[0]) < 2 and abs(height - kit.A4_PORTRAIT[1]) < 2
        for width, height in kit.pdf_page_sizes(pdf)
    )
