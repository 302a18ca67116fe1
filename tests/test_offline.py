"""Sharing the site: its footer in the site's language, and the demo as a folder that a
stakeholder opens from disk (mkdocs.offline.yml, `make offline`), checked file by file and
in a real browser (Chromium via Playwright) under file://.

Without a Chromium the browser tests skip, unless the environment variable CI is set: then
they fail.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import yaml

import browser_kit as kit
from contentkit import REPO, build, build_demo
from journeys.cli.init import create_repository

OFFLINE_CONFIG = "mkdocs.offline.yml"
# Attributes that make a browser open or load another file.
LINKING = {"href", "src", "data", "xlink:href"}
PERSONA = ("cautious newcomer", "personas/cautious-newcomer.html")


def footer_text(page: str) -> str:
    copyright_ = re.search(r'<div class="md-copyright">(.*?)</div>', page, re.DOTALL)
    assert copyright_ is not None, "the page has no footer credit"
    return " ".join(re.sub(r"<[^>]+>", " ", copyright_.group(1)).split())


# ---- the footer -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "credit"),
    [("en", "Made with Material for MkDocs"), ("nl", "Gemaakt met Material for MkDocs")],
)
def test_the_demo_footer_is_in_the_site_language(
    demo_site: Path, demo_site_nl: Path, language: str, credit: str
) -> None:
    site = {"en": demo_site, "nl": demo_site_nl}[language]
    for page in ("index.html", "journeys/laptop-repair/index.html", "404.html"):
        assert footer_text((site / page).read_text(encoding="utf-8")) == credit, page


def test_a_new_repository_in_dutch_gets_the_footer_in_dutch(tmp_path: Path) -> None:
    """Without theme overrides of its own: the plugin brings the translated credit."""
    create_repository(tmp_path)
    config = tmp_path / "mkdocs.yml"
    english = config.read_text(encoding="utf-8")
    assert "  language: en " in english and "custom_dir" not in english
    config.write_text(english.replace("  language: en ", "  language: nl "), encoding="utf-8")
    site = build(tmp_path)
    for page in ("index.html", "journeys/password-reset/index.html", "404.html"):
        credit = footer_text((site / page).read_text(encoding="utf-8"))
        assert credit == "Gemaakt met Material for MkDocs", page


def test_a_sites_own_footer_partial_wins(tmp_path: Path) -> None:
    create_repository(tmp_path)
    partial = tmp_path / "overrides" / "partials" / "copyright.html"
    partial.parent.mkdir(parents=True)
    partial.write_text('<div class="md-copyright">Our research team</div>\n', encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("  language: en ", "  custom_dir: overrides\n  language: nl ", 1),
        encoding="utf-8",
    )
    site = build(tmp_path)
    assert footer_text((site / "index.html").read_text(encoding="utf-8")) == "Our research team"


# ---- the offline configuration ----------------------------------------------------------


def test_the_offline_config_is_the_demo_with_plain_html_links_and_the_offline_plugin() -> None:
    """mkdocs.offline.yml repeats mkdocs.yml's plugins (INHERIT replaces lists): they must
    not drift apart."""
    demo = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    offline = yaml.safe_load((REPO / OFFLINE_CONFIG).read_text(encoding="utf-8"))
    assert offline["INHERIT"] == "mkdocs.yml"
    assert offline["use_directory_urls"] is False
    assert [plugin for plugin in offline["plugins"] if plugin != "offline"] == demo["plugins"]
    assert "offline" in offline["plugins"]
    assert set(offline) == {"INHERIT", "use_directory_urls", "plugins"}


def test_make_offline_builds_with_the_offline_config() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    target = re.search(r"^offline:.*\n\t(.+)$", makefile, re.MULTILINE)
    assert target is not None, "the Makefile has no `offline` target"
    assert target.group(1).split()[1:] == ["build", "--strict", "-f", OFFLINE_CONFIG]


def documented_offline_config() -> str:
    """The mkdocs.offline.yml that the publishing guide tells a research repository to add."""
    guide = (REPO / "docs" / "guide" / "publishing.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```yaml\n(.*?)^```", guide, re.DOTALL | re.MULTILINE)
    (config,) = [block for block in blocks if "INHERIT" in block]
    return str(config)


def test_the_guide_shows_the_demo_offline_config() -> None:
    demo = yaml.safe_load((REPO / OFFLINE_CONFIG).read_text(encoding="utf-8"))
    assert yaml.safe_load(documented_offline_config()) == demo


def test_a_new_repository_builds_a_folder_to_share_with_the_guide_config(tmp_path: Path) -> None:
    create_repository(tmp_path)
    (tmp_path / OFFLINE_CONFIG).write_text(documented_offline_config(), encoding="utf-8")
    site = build(tmp_path, "-f", OFFLINE_CONFIG)
    assert (site / "interviews" / "example-01.html").is_file()
    assert (site / "search" / "search_index.js").is_file()
    assert links_to_missing_files(site) == []


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory, demo_cache: Path) -> Path:
    """The demo built with mkdocs.offline.yml and --strict: the privacy guard passed."""
    site = tmp_path_factory.mktemp("offline") / "site"
    result = build_demo(site, demo_cache, "--strict", base=OFFLINE_CONFIG)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [value for name, value in attrs if name in LINKING and value]


def links_to_missing_files(site: Path) -> list[str]:
    """Every link, image, chart, download and asset of every page (and chart) in ``site``
    that does not open a file from disk: a folder, a missing file, a path from the root.
    404.html is left out: only a web server shows it, and its links start at the root."""
    problems = []
    documents = [*site.rglob("*.html"), *site.rglob("*.svg")]
    for document in sorted(set(documents) - {site / "404.html"}):
        parser = _Links()
        parser.feed(document.read_text(encoding="utf-8"))
        for link in parser.found:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or not parts.path:
                continue  # another site, mailto:, data:, or a place on the same page
            target = document.parent / unquote(parts.path)
            if parts.path.startswith("/") or not target.is_file():
                problems.append(f"{document.relative_to(site)}: {link}")
    return problems


def test_every_link_of_the_offline_site_opens_a_file(offline_site: Path) -> None:
    problems = links_to_missing_files(offline_site)
    assert problems == [], "\n".join(problems[:20])


def test_the_link_check_finds_links_to_folders(demo_site: Path) -> None:
    """The published demo links to folders (journeys/laptop-repair/): the check sees them."""
    assert "index.html: journeys/laptop-repair/" in links_to_missing_files(demo_site)


def test_every_search_result_of_the_offline_site_opens_a_file(offline_site: Path) -> None:
    index = json.loads((offline_site / "search" / "search_index.json").read_text("utf-8"))
    locations = {entry["location"].split("#")[0] or "index.html" for entry in index["docs"]}
    assert PERSONA[1] in locations
    assert [where for where in locations if not (offline_site / where).is_file()] == []
    assert (offline_site / "search" / "search_index.js").is_file()  # search without a server


def test_the_offline_site_loads_its_search_shim_from_itself(offline_site: Path) -> None:
    home = (offline_site / "index.html").read_text(encoding="utf-8")
    assert "window.Worker=" in home  # the iframe-worker shim, inline
    assert "unpkg.com" not in home


# ---- in a browser, from disk ----------------------------------------------------------------


@pytest.fixture
def from_disk(browser: Any, offline_site: Path) -> Iterator[tuple[Any, kit.PageWatch]]:
    """The offline site's home page opened as a file (file:///…/index.html)."""
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.set_default_timeout(20_000)
    watch = kit.PageWatch().attach(page)
    page.goto((offline_site / "index.html").as_uri(), wait_until="load")
    try:
        yield page, watch
    finally:
        context.close()


def problems_from_disk(watch: kit.PageWatch) -> list[str]:
    """What went wrong, and every request for anything but a file of the folder."""
    elsewhere = [
        url for url in watch.requests if urlsplit(url).scheme not in ("file", "data", "blob")
    ]
    return (
        [f"console error: {text}" for text in watch.console_errors]
        + [f"request failed: {text}" for text in watch.failed]
        + [f"request to another host: {url}" for url in elsewhere]
    )


def click_link(page: Any, href: str, section: str | None = None) -> None:
    """Click the first visible link to ``href`` (opening the navigation ``section`` first
    when the link is only there) and wait for the page it opens."""
    link = page.locator(f'a[href="{href}"]:visible')
    if section is not None and link.count() == 0:
        page.locator(".md-nav--primary label.md-nav__link", has_text=section).first.click()
    with page.expect_navigation(wait_until="load"):
        link.first.click()


def assert_a_page_of_the_site(page: Any, path: str) -> None:
    """A page of the site, not the browser's listing of a folder."""
    assert page.url.startswith("file://") and page.url.split("#")[0].endswith(path), page.url
    assert page.locator(".md-content h1").count() == 1, f"{page.url} is not a page of the site"


def all_charts_loaded(page: Any) -> None:
    kit.load_all_images(page)
    broken = page.evaluate(
        "() => Array.from(document.images).filter(i => !i.naturalWidth).map(i => i.src)"
    )
    assert broken == []


def test_clicking_from_home_to_a_journey_and_an_interview_from_disk(
    from_disk: tuple[Any, kit.PageWatch],
) -> None:
    page, watch = from_disk
    assert_a_page_of_the_site(page, "/index.html")
    click_link(page, "journeys/index.html", section="Journeys")
    assert_a_page_of_the_site(page, "/journeys/index.html")
    click_link(page, "laptop-repair.html")
    assert_a_page_of_the_site(page, "/journeys/laptop-repair.html")
    all_charts_loaded(page)
    interview = page.locator('.md-content a[href^="../interviews/"]:visible').first
    href = interview.get_attribute("href")
    assert href is not None and href.endswith(".html"), href
    with page.expect_navigation(wait_until="load"):
        interview.click()
    assert_a_page_of_the_site(page, href.removeprefix(".."))
    all_charts_loaded(page)
    assert problems_from_disk(watch) == []


def test_searching_a_persona_from_disk_finds_it(from_disk: tuple[Any, kit.PageWatch]) -> None:
    page, watch = from_disk
    name, path = PERSONA
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(name)
    box.press("End")  # material searches on key-up
    result = page.locator(f'.md-search-result__item a[href$="{path}"]').first
    result.wait_for()
    with page.expect_navigation(wait_until="load"):
        result.click()
    assert_a_page_of_the_site(page, f"/{path}")
    assert name in page.locator(".md-content h1").inner_text().lower()
    assert problems_from_disk(watch) == []
