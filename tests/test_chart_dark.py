"""The charts follow the page's colour scheme in a real browser (Chromium via Playwright).

A reader who switches Material's palette to dark (the toggle in the header, not their
system's setting) sees the charts dark too: transparent, with light text and lines, never a
white box. On paper they print light even when the screen is dark. The charts are SVGs shown
by ``<img>``; their own ``prefers-color-scheme`` follows the ``<img>``'s color-scheme, which
Material's slate scheme sets to dark.

Screenshots of the chart regions go to pytest's temporary folder (printed on failure).
Without a Chromium the tests skip, unless the environment variable CI is set: then they fail.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import browser_kit as kit

JOURNEY = "/journeys/laptop-repair/"
INTERVIEW = "/interviews/2025-10-daan-03/"
GUIDE = "/guide/reading-the-site/"  # shows the emotion chart in print too (the poster does not)
EMOTION_CHART = 'img[src$="laptop-repair-emotion.svg"]'
CHARTS = {
    "emotion": (JOURNEY, EMOTION_CHART),
    "personas": (JOURNEY, 'img[src$="laptop-repair-personas.svg"]'),
    "persona-curve": ("/personas/cautious-newcomer/", ".jr-chart img"),
    "sparkline": (INTERVIEW, ".jr-sparkline svg"),
}
InBrowser = Callable[[Callable[[Any], Any]], Any]
"""Runs a function of the Chromium where it lives; returns what the function returns."""


@pytest.fixture(scope="module")
def in_browser(browser: Any) -> InBrowser:
    """``in_browser(work)``: ``work(chromium)`` with the session's Chromium (conftest)."""
    return lambda work: work(browser)


@pytest.fixture(scope="module")
def site(demo_site: Path) -> Iterator[str]:
    with kit.serve(demo_site) as base:
        yield base


def open_page(browser: Any, url: str, system: str = "light") -> Any:
    context = browser.new_context(
        color_scheme=system, reduced_motion="reduce", viewport={"width": 1440, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(url, wait_until="load")
    kit.load_all_images(page)
    return page


Pixel = tuple[int, int, int]


def pixels(page: Any, selector: str, path: Path) -> list[Pixel]:
    """The chart's region of the page as drawn (the page's background showing through),
    saved to ``path``."""
    from PIL import Image

    chart = page.locator(selector).first
    chart.scroll_into_view_if_needed()
    shot = chart.screenshot(path=str(path), animations="disabled")
    data = Image.open(io.BytesIO(shot)).convert("RGB").tobytes()
    return [(data[i], data[i + 1], data[i + 2]) for i in range(0, len(data), 3)]


def luminance(pixel: Pixel) -> float:
    """WCAG relative luminance of an sRGB pixel, 0 (black) to 1 (white)."""
    r, g, b = (c / 255 for c in pixel)
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def mean_luminance(region: list[Pixel]) -> float:
    return sum(luminance(pixel) for pixel in region) / len(region)


def ink_contrast(region: list[Pixel]) -> float:
    """Contrast between the region's background (its median pixel) and its strongest
    ink (the pixel furthest from it): text and lines must stand out of the background."""
    ordered = sorted(luminance(pixel) for pixel in region)
    background = ordered[len(ordered) // 2]
    ink = ordered[-1] if ordered[-1] - background > background - ordered[0] else ordered[0]
    high, low = max(background, ink), min(background, ink)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("name", list(CHARTS))
def test_charts_turn_dark_with_the_palette_toggle(
    in_browser: InBrowser, site: str, name: str, tmp_path: Path
) -> None:
    path, selector = CHARTS[name]

    def look(browser: Any) -> tuple[str, list[Pixel], list[Pixel]]:
        page = open_page(browser, site + path, system="light")
        try:
            light = pixels(page, selector, tmp_path / f"{name}-light.png")
            scheme = kit.toggle_palette(page)
            return scheme, light, pixels(page, selector, tmp_path / f"{name}-dark.png")
        finally:
            page.context.close()

    scheme, light, dark = in_browser(look)
    assert scheme == "slate"
    where = f"screenshots in {tmp_path}"
    assert mean_luminance(light) > 0.7, f"{name}: light chart is not light ({where})"
    assert mean_luminance(dark) < 0.15, f"{name}: dark chart is near-white, a white box ({where})"
    for scheme, region in (("light", light), ("dark", dark)):
        assert ink_contrast(region) >= 7, f"{name}: {scheme} text and lines do not stand out"


def test_charts_print_light_from_a_dark_screen(
    in_browser: InBrowser, site: str, tmp_path: Path
) -> None:
    """A reader whose system is dark (so Material shows slate) prints on white paper."""

    def look(browser: Any) -> tuple[str, list[Pixel], list[Pixel]]:
        page = open_page(browser, site + GUIDE, system="dark")
        try:
            scheme = str(page.evaluate(kit.SCHEME))
            screen = pixels(page, EMOTION_CHART, tmp_path / "screen.png")
            page.emulate_media(media="print")
            return scheme, screen, pixels(page, EMOTION_CHART, tmp_path / "paper.png")
        finally:
            page.context.close()

    scheme, screen, paper = in_browser(look)
    assert scheme == "slate"
    assert mean_luminance(screen) < 0.15, f"not dark on screen (screenshots in {tmp_path})"
    assert mean_luminance(paper) > 0.7, f"not light on paper (screenshots in {tmp_path})"
    assert ink_contrast(paper) >= 7
