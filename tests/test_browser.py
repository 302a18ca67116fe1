"""The demo site in a real browser (Chromium via Playwright), in English and Dutch.

Every generated page type loads without errors or third-party requests, passes axe-core
(no serious or critical violations) in the light and the dark palette, fits a phone's width,
and prints as intended: a journey as one A3 landscape poster, a persona as one A4 sheet.

Without a Chromium the tests skip, unless the environment variable CI is set: then they fail.
A page that fails its checks leaves screenshots in test-artefacts/screenshots/. The README's
screenshots in docs/screenshots/ are written when missing, or refreshed with UPDATE_SCREENSHOTS=1.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

import browser_kit as kit

LANGUAGES = ("en", "nl")
PAGES = {
    "home": "/",
    "journey": "/journeys/laptop-repair/",
    "persona": "/personas/cautious-newcomer/",
    "interview": "/interviews/2025-10-daan-03/",
    "withheld": "/interviews/2026-01-hidde-08/",  # consent: false
    "interviews": "/interviews/",
    "personas": "/personas/",
    "journeys": "/journeys/",
    "research": "/research/",
    "signals": "/research/signals/",
}
WITH_GRAPH = ("journey", "persona")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

# A quote from a consenting interview, and one from the withheld interview (hidde-08).
QUOTE = ("Twelve e-mails that all said nothing", PAGES["interview"])
WITHHELD_QUOTE = "I had the screwdriver out before the ticket number arrived"


def _ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _unavailable(reason: str) -> None:
    if _ci():
        pytest.fail(f"{reason}; CI is set, so the browser tests must run", pytrace=False)
    pytest.skip(reason)


# ---- fixtures -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sites(browser: Any, demo_site: Path, demo_site_nl: Path) -> Iterator[dict[str, str]]:
    """The demo in each language (conftest's ``demo_site`` and ``demo_site_nl``), served on
    127.0.0.1."""
    with kit.serve(demo_site) as en, kit.serve(demo_site_nl) as nl:
        yield {"en": en, "nl": nl}


@pytest.fixture(scope="module")
def shared_contexts(browser: Any) -> Iterator[dict[str, Any]]:
    """One browser context per palette, shared by the page checks (a context costs ~0.4 s)."""
    contexts: dict[str, Any] = {}
    yield contexts
    for context in contexts.values():
        context.close()


@pytest.fixture
def open_page(
    browser: Any, sites: dict[str, str], shared_contexts: dict[str, Any]
) -> Iterator[Callable[..., tuple[Any, kit.PageWatch]]]:
    """``open_page(language, path, scheme="light", viewport=DESKTOP, fresh=False, idle=False)``:
    the page loaded, with every (lazy) image; returns the page and its watch. ``fresh`` gives
    the page a context of its own (for tests that change stored state); ``idle`` waits until
    the network has been quiet for half a second (for tests that check every request)."""
    pages: list[Any] = []
    own: list[Any] = []

    def open_(
        language: str,
        path: str,
        scheme: str = "light",
        viewport: dict[str, int] = DESKTOP,
        fresh: bool = False,
        idle: bool = False,
    ) -> tuple[Any, kit.PageWatch]:
        if fresh:
            context = browser.new_context(color_scheme=scheme, reduced_motion="reduce")
            own.append(context)
        else:
            if scheme not in shared_contexts:
                shared_contexts[scheme] = browser.new_context(
                    color_scheme=scheme, reduced_motion="reduce"
                )
            context = shared_contexts[scheme]
        page = context.new_page()
        pages.append(page)
        page.set_viewport_size(viewport)
        page.set_default_timeout(20_000)
        watch = kit.PageWatch().attach(page)
        page.goto(sites[language] + path, wait_until="load")
        kit.load_all_images(page)
        if idle:
            page.wait_for_load_state("networkidle")
        return page, watch

    yield open_
    for page in pages:
        page.close()
    for context in own:
        context.close()


def screenshot(page: Any, name: str, full_page: bool = True) -> Path:
    kit.ARTEFACTS.mkdir(parents=True, exist_ok=True)
    path = kit.ARTEFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def page_ids() -> list[Any]:
    return [
        pytest.param(language, name, id=f"{language}-{name}")
        for language in LANGUAGES
        for name in PAGES
    ]


def axe_report(page: Any, where: str, colours_only: bool = False) -> list[str]:
    violations = kit.run_axe(page, colours_only)
    return [f"axe-core, {where}:\n" + kit.describe_violations(violations)] if violations else []


# ---- every page type ------------------------------------------------------------------


@pytest.mark.parametrize(("language", "name"), page_ids())
def test_page_on_desktop_and_phone_in_both_palettes(
    open_page: Callable[..., Any], language: str, name: str
) -> None:
    """Loads without console errors, failed requests or third-party requests; the emotion
    graph shows; axe-core finds nothing serious, at 1280 px and at 390 px; at 390 px the page
    never scrolls sideways (wide tables and charts scroll inside themselves). Switched to the
    dark palette with its toggle, axe-core's colour rules find nothing serious (its other
    rules do not depend on the palette)."""
    # After "load" and the lazy images, a page asks only for the favicon, the same on every
    # page: waiting for a quiet network (half a second or more) once per language is enough.
    page, watch = open_page(language, PAGES[name], idle=name == "home")
    problems: list[str] = []

    at_load = watch.problems()
    problems += at_load
    if not watch.requests:
        problems.append("no requests were recorded")
    if page.evaluate("document.documentElement.lang") != language:
        problems.append(f"<html lang> is not {language}")
    if name in WITH_GRAPH:
        graph = page.locator(".jr-chart img").first
        graph.scroll_into_view_if_needed()
        size = graph.evaluate("img => [img.naturalWidth, img.naturalHeight]")
        if not graph.is_visible() or min(size) <= 0:
            problems.append(
                f"the emotion graph is not visible or did not load (natural size {size})"
            )
    problems += axe_report(page, "light, 1280 px")
    if problems:
        screenshot(page, f"{language}-{name}")

    page.set_viewport_size(PHONE)
    page.evaluate("window.scrollTo(0, 0)")
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > PHONE["width"]:
        problems.append(f"the page is {width} px wide on a {PHONE['width']} px phone")
    overflows = page.locator(".jr-scroll").evaluate_all(
        "els => els.map(el => getComputedStyle(el).overflowX)"
    )
    if any(overflow != "auto" for overflow in overflows):
        problems.append(f"a .jr-scroll does not scroll: {overflows}")
    problems += axe_report(page, "light, 390 px")
    if problems:
        screenshot(page, f"{language}-{name}-phone", full_page=False)

    page.set_viewport_size(DESKTOP)
    kit.switch_palette(page, "dark")
    page.evaluate("localStorage.clear()")  # the shared context's next pages: the system's palette
    dark = axe_report(page, "dark, 1280 px", colours_only=True)
    if dark:
        screenshot(page, f"{language}-{name}-dark", full_page=False)
    problems += dark + [late for late in watch.problems() if late not in at_load]

    assert problems == [], f"{name} ({language}, {PAGES[name]}):\n" + "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_visitor_whose_system_is_dark_gets_the_dark_palette(
    open_page: Callable[..., Any], language: str
) -> None:
    """Material's slate scheme from the first paint, without a click; axe-core's colour rules
    find nothing serious in it. (Every page's colours in the dark palette are checked above,
    after its toggle.)"""
    page, watch = open_page(language, PAGES["journey"], scheme="dark")

    assert page.evaluate(kit.SCHEME) == "slate", "the dark palette was not applied"
    problems = watch.problems() + axe_report(page, "dark, 1280 px", colours_only=True)
    if problems:
        screenshot(page, f"{language}-journey-dark", full_page=False)
    assert problems == [], "\n".join(problems)


# ---- layout ---------------------------------------------------------------------------


def stage_boxes(page: Any) -> list[dict[str, float]]:
    return page.locator(".jr-map > .jr-stage").evaluate_all(
        "els => els.map(el => { const r = el.getBoundingClientRect();"
        " return {x: r.x, y: r.y, w: r.width}; })"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_timeline_is_a_lane_on_wide_screens_and_stacks_on_phones(
    open_page: Callable[..., Any], language: str
) -> None:
    page, _ = open_page(language, PAGES["journey"], viewport={"width": 1440, "height": 900})
    wide = stage_boxes(page)
    assert len(wide) >= 3
    assert len({round(box["y"]) for box in wide}) == 1, "stages are not side by side in one row"
    assert [box["x"] for box in wide] == sorted(box["x"] for box in wide)
    assert page.locator(".jr-map").evaluate("el => el.scrollWidth <= el.clientWidth + 1"), (
        "at 1440px the lane should show every stage without scrolling"
    )

    page.set_viewport_size(PHONE)
    narrow = stage_boxes(page)
    assert len({round(box["x"]) for box in narrow}) == 1, (
        "stages should stack in one column on a phone"
    )
    assert [box["y"] for box in narrow] == sorted(box["y"] for box in narrow)
    assert all(box["w"] <= PHONE["width"] for box in narrow)


@pytest.mark.parametrize("language", LANGUAGES)
def test_persona_reads_as_a_card(open_page: Callable[..., Any], language: str) -> None:
    page, _ = open_page(language, PAGES["persona"])
    card = page.locator("article > .jr-card")
    assert card.count() == 1
    border, radius = card.evaluate(
        "el => [getComputedStyle(el).borderTopWidth, getComputedStyle(el).borderTopLeftRadius]"
    )
    assert border != "0px" and radius != "0px"
    assert card.locator(".jr-facts").count() == 1


# ---- behaviour ------------------------------------------------------------------------


def search(page: Any, text: str) -> list[str]:
    """Type into material's search box; the hrefs of the results once they are in."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(text)
    box.press("End")  # material searches on key-up
    page.wait_for_function(
        "() => /\\d/.test(document.querySelector('.md-search-result__meta').textContent)"
        " || document.querySelector('.md-search-result__item') !== null"
        " || /no matching|geen overeenkomende/i"
        ".test(document.querySelector('.md-search-result__meta').textContent)"
    )
    return page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")


@pytest.mark.parametrize("language", LANGUAGES)
def test_searching_a_quote_finds_its_interview(
    open_page: Callable[..., Any], language: str
) -> None:
    page, _ = open_page(language, "/", fresh=True)
    text, expected = QUOTE
    results = search(page, text)
    paths = [urlsplit(href).path for href in results]
    assert expected in paths, f"searching {text!r} found {paths}, not {expected}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_does_not_find_withheld_words(open_page: Callable[..., Any], language: str) -> None:
    page, _ = open_page(language, "/", fresh=True)
    results = search(page, WITHHELD_QUOTE)
    assert PAGES["withheld"] not in [urlsplit(href).path for href in results]
    shown = " ".join(page.locator(".md-search-result").inner_text().split()).lower()
    assert WITHHELD_QUOTE.lower() not in shown


@pytest.mark.parametrize("language", LANGUAGES)
def test_palette_toggle_switches_to_dark_and_back(
    open_page: Callable[..., Any], language: str
) -> None:
    page, _ = open_page(language, PAGES["journey"], fresh=True)
    assert page.evaluate(kit.SCHEME) == "default"

    kit.switch_palette(page, "dark")
    kit.switch_palette(page, "light")


# ---- print ----------------------------------------------------------------------------


def save_pdf(pdf: bytes, name: str) -> None:
    folder = kit.ARTEFACTS.parent / "print"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.pdf").write_bytes(pdf)


def assert_size(sizes: list[tuple[float, float]], expected: tuple[float, float]) -> None:
    assert sizes, "the PDF has no MediaBox"
    for width, height in sizes:
        assert abs(width - expected[0]) < 2 and abs(height - expected[1]) < 2, (
            f"page is {width}x{height} pt"
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_journey_prints_as_one_a3_landscape_poster(
    open_page: Callable[..., Any], language: str
) -> None:
    page, _ = open_page(language, PAGES["journey"])

    pdf = page.pdf(format="A3", landscape=True, print_background=True)
    save_pdf(pdf, f"{language}-journey-a3")
    assert kit.pdf_page_count(pdf) == 1

    # The print stylesheet asks for A3 landscape itself (what a browser's print dialog uses).
    own = page.pdf(prefer_css_page_size=True, print_background=True)
    assert kit.pdf_page_count(own) == 1
    assert_size(kit.pdf_page_sizes(own), kit.A3_LANDSCAPE)


@pytest.mark.parametrize("language", LANGUAGES)
def test_persona_prints_on_one_a4_sheet(open_page: Callable[..., Any], language: str) -> None:
    page, _ = open_page(language, PAGES["persona"])

    pdf = page.pdf(format="A4", print_background=True)
    save_pdf(pdf, f"{language}-persona-a4")
    assert kit.pdf_page_count(pdf) == 1

    own = page.pdf(prefer_css_page_size=True, print_background=True)
    assert kit.pdf_page_count(own) == 1
    assert_size(kit.pdf_page_sizes(own), kit.A4_PORTRAIT)


@pytest.mark.parametrize("name", ["journey", "persona", "research"])
def test_print_has_no_navigation_and_is_light_even_in_the_dark_palette(
    open_page: Callable[..., Any], name: str
) -> None:
    page, _ = open_page("en", PAGES[name], scheme="dark")
    page.emulate_media(media="print")

    shown = page.evaluate(
        "['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer',"
        " '.md-search', '[data-md-component=palette]']"
        ".filter(s => { const el = document.querySelector(s);"
        " return el && getComputedStyle(el).display !== 'none'; })"
    )
    assert shown == [], f"navigation chrome prints: {shown}"
    background, text = page.evaluate(
        "[getComputedStyle(document.body).backgroundColor,"
        " getComputedStyle(document.querySelector('article')).color]"
    )
    assert background in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"), (
        f"paper background is {background}"
    )
    assert text.startswith(("rgba(0, 0, 0", "rgb(0, 0, 0")), f"text prints in {text}"


# ---- README screenshots ---------------------------------------------------------------


def png_width(path: Path) -> int:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return int.from_bytes(header[16:20], "big")


def test_readme_screenshots(open_page: Callable[..., Any]) -> None:
    """The README shows each screenshot, taken at its screen's width; they are taken again
    when missing or with UPDATE_SCREENSHOTS=1."""
    shots = {
        "journey-desktop": ("light", {"width": 1440, "height": 900}, PAGES["journey"]),
        "journey-phone": ("light", PHONE, PAGES["journey"]),
        "persona-dark": ("dark", {"width": 1440, "height": 900}, PAGES["persona"]),
    }
    update = os.environ.get("UPDATE_SCREENSHOTS", "") not in ("", "0")
    readme = (kit.REPO / "README.md").read_text(encoding="utf-8")
    for name, (scheme, viewport, path) in shots.items():
        target = kit.README_SCREENSHOTS / f"{name}.png"
        if update or not target.exists():
            page, watch = open_page("en", path, scheme=scheme, viewport=viewport)
            assert watch.problems() == []
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(screenshot(page, f"readme-{name}"), target)
        assert f"(docs/screenshots/{name}.png)" in readme, f"the README does not show {name}"
        assert png_width(target) == viewport["width"], f"{target} is not {viewport['width']} px"
