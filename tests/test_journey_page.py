"""The journey page as a stakeholder reads it: findings first, then the map as a grid of
stage columns and lanes, nothing folded without a way to open it, and a phone page half as
tall as before.

The findings and the lanes are checked on small studies written here (expected figures
from the fixture's own values); the layout in a real Chromium on the demo site (built once,
served on 127.0.0.1), as tests/test_browser.py does. Without a Chromium the browser tests
skip, unless the environment variable CI is set: then they fail.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import browser_kit as kit
from contentkit import REPO, ContentTree
from journeys.content.loading import load_study
from journeys.content.study import Study
from journeys.mkdocs.plugin import url_resolver
from journeys.site import kinds
from journeys.site.data import site_data
from journeys.site.findings import journey_findings
from journeys.site.journey_map import LANE_LIMIT, is_pain
from journeys.site.kinds.journeys import journey_view
from journeys.site.labels import Labels

JOURNEY = "/journeys/laptop-repair/"
DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
PHONE_HEIGHT_BEFORE = {("en", "laptop-repair"): 12651, ("nl", "onboarding"): 8893}
"""document.body.scrollHeight of a journey page at 390 × 844 px in Chromium, on the demo
built from the repository as it was before issue 18 changed the journey page (measured with
Playwright on 30 November 2026, before the findings and the map): the English page of the
longest journey and the Dutch page of the shortest."""


# ---- findings and lanes, from small studies ------------------------------------------------


def step(stage: str, score: float, action: str, **fields: Any) -> dict[str, Any]:
    return {"stage": stage, "action": action, "score": score} | fields


def findings_study(root: Path) -> Study:
    """Means per stage: notice 7, report 5, wait 3 (n=3 each). The biggest gap: a-01 at
    wait (2 days expected, 2 weeks). Accepted as normal: report in 2 interviews, wait in
    1. b-01 did not consent: it counts, its words never show."""
    tree = ContentTree(root / "content")
    tree.persona("eva")
    tree.journey(
        "repair",
        opportunities=[
            {"title": "Call back", "stage": "report", "evidence": ["a-01"]},
            {"title": "Tidy desk", "stage": "notice", "owner": "Facilities", "evidence": ["a-02"]},
            {
                "title": "Loan laptops",
                "stage": "wait",
                "owner": "IT desk",
                "evidence": ["a-01", "a-02"],
            },
        ],
    )
    wait_a01 = step("wait", 2, "Waited", expected="2 days", actual="2 weeks", accepted=True)
    tree.interview(
        "a-01",
        steps=[step("notice", 6, "Saw it"), step("report", 5, "Phoned"), wait_a01],
        goal_reached=False,
        nps=3,
        overall_score=4,
    )
    tree.interview(
        "a-02",
        steps=[
            step("notice", 7, "Saw it"),
            step("report", 6, "Mailed", accepted=True),
            step("wait", 3, "Waited", expected="1 day", actual="3 days"),
        ],
        goal_reached=True,
        nps=9,
        overall_score=7,
    )
    tree.interview(
        "b-01",
        consent=False,
        steps=[
            step("notice", 8, "Saw it"),
            step("report", 4, "Queued", accepted=True),
            step("wait", 4, "Waited"),
        ],
        nps=10,
        overall_score=8,
    )
    study = load_study(root / "content", root)
    assert not study.has_errors, study.diagnostics
    return study


def page_of(study: Study, src_uri: str, language: str = "en") -> str:
    """A generated page as the template wrote it, character references read."""
    site = kinds.renderer(study, Labels.for_language(language), url_resolver(True))
    page = next(o.content for o in kinds.site_files(site) if o.src_uri == src_uri)
    assert isinstance(page, str)
    return html.unescape(page)


def test_findings_name_what_hurts_the_gap_what_is_accepted_the_outcome_and_the_top_opportunities(
    tmp_path: Path,
) -> None:
    study = findings_study(tmp_path)
    view = journey_view(site_data(study), study.journeys["repair"])

    findings = journey_findings(view, Labels.for_language("en"))

    sentences = {f.topic: "".join(part.text for part in f.parts) for f in findings}
    assert sentences == {
        "lowest": "Wait hurts most: a mean grade of 3.0 (n=3), the lowest of all stages.",
        "gap": (
            "The biggest gap between expectation and reality is at Wait: people expected 2 days"
            " and it took 2 weeks (+1.7 weeks); it fell short of expectations for 2 of 2"
            " interviews there."
        ),
        "accepted": "People accept problems as normal most often at Report: in 2 of 3 interviews"
        " there.",
        "outcome": (
            "Outcome: overall grades from 4 to 8, mean 6.3 (n=3); goal reached in 1 of 2"
            " interviews; NPS 33 (n=3, small sample)."
        ),
        "opportunities": (
            "Top opportunities: Loan laptops (owner: IT desk; backed by 2 interviews); Call back"
            " (no owner yet; backed by 1 interview)."
        ),
    }
    links = {(part.text, part.anchor) for f in findings for part in f.parts if part.anchor}
    assert links == {
        ("Wait", "stage-wait"),
        ("Wait", "jr-expectations"),
        ("Report", "stage-report-pains"),
        ("Outcome", "jr-outcome"),
        ("Loan laptops", "opportunity-3"),
        ("Call back", "opportunity-1"),
    }
    page = page_of(study, "journeys/repair.md")
    for _, anchor in links:
        assert f'id="{anchor}"' in page, f"a finding links to #{anchor}, which is not on the page"


def test_the_page_opens_with_the_scope_then_the_findings_then_the_map(tmp_path: Path) -> None:
    study = findings_study(tmp_path)
    for language in ("en", "nl"):
        page = page_of(study, "journeys/repair.md", language)
        order = [
            page.index("# Repair"),
            page.index("Journey scope."),
            page.index('class="jr-findings"'),
            page.index('class="jr-map"'),
        ]
        assert order == sorted(order), language


def test_no_step_is_listed_twice_in_a_column_and_every_published_step_is_listed() -> None:
    """The demo: pain points (scored 4 or lower, or accepted) and what people did split a
    stage's steps; a peak is a mark on its step, not a copy of it."""
    study = load_study(REPO / "content", REPO)
    data = site_data(study)
    for journey in study.journeys.values():
        moments = data.moments(journey=journey.slug)
        for column in journey_view(data, journey).columns:
            did = [*column.doings.shown, *column.doings.folded]
            pains = [*column.pains.shown, *column.pains.folded]
            listed = [(m.interview.key, m.position) for m in did + pains]
            assert len(listed) == len(set(listed)), (journey.slug, column.stage.id)
            at_stage = [(m.interview.key, m.position) for m in moments if m.stage == column.stage]
            assert sorted(listed) == sorted(at_stage)[:LANE_LIMIT] or len(at_stage) > LANE_LIMIT
            assert all(is_pain(m.step) for m in pains) and not any(is_pain(m.step) for m in did)


def test_a_lane_longer_than_the_page_holds_counts_the_rest_and_links_to_the_interviews(
    tmp_path: Path,
) -> None:
    tree = ContentTree(tmp_path / "content")
    tree.persona("eva")
    tree.journey("repair")
    names = [f"i-{index:02d}" for index in range(LANE_LIMIT + 2)]
    for day, name in enumerate(names, start=1):
        steps = [step("notice", 2, f"Action of {name}", quote=f"Quote of {name}")]
        tree.interview(name, date=f"2026-03-{day:02d}", steps=steps)
    study = load_study(tmp_path / "content", tmp_path)
    assert not study.has_errors, study.diagnostics

    notice = journey_view(site_data(study), study.journeys["repair"]).columns[0]

    for lane in (notice.pains, notice.quotes):
        assert len(lane.shown) == 1 and len(lane.folded) == LANE_LIMIT - 1 and lane.beyond == 2
    page = page_of(study, "journeys/repair.md")
    assert re.search(r'<a href="[^"]*interviews/">2 more in the interview pages</a>', page)
    assert f"+{LANE_LIMIT - 1} more" in page


# ---- in the browser, on the demo -----------------------------------------------------------


@pytest.fixture(scope="module")
def sites(browser: Any, demo_site: Path, demo_site_nl: Path) -> Iterator[dict[str, str]]:
    """The demo in English and in Dutch (conftest's ``demo_site`` and ``demo_site_nl``),
    served on 127.0.0.1."""
    with kit.serve(demo_site) as en, kit.serve(demo_site_nl) as nl:
        yield {"en": en, "nl": nl}


@pytest.fixture
def open_journey(browser: Any, sites: dict[str, str]) -> Iterator[Callable[..., Any]]:
    """``open_journey(viewport, language="en", scheme="light", path=JOURNEY)``: a journey
    page (laptop repair unless ``path`` says otherwise), loaded with every image, in a
    context of its own."""
    contexts: list[Any] = []

    def open_(
        viewport: dict[str, int],
        language: str = "en",
        scheme: str = "light",
        path: str = JOURNEY,
    ) -> Any:
        context = browser.new_context(color_scheme=scheme, reduced_motion="reduce")
        contexts.append(context)
        page = context.new_page()
        page.set_viewport_size(viewport)
        page.set_default_timeout(20_000)
        page.goto(sites[language] + path, wait_until="load")
        kit.load_all_images(page)
        return page

    yield open_
    for context in contexts:
        context.close()


def top(page: Any, selector: str) -> float:
    """Where the first ``selector`` starts, in px from the top of the page."""
    return float(
        page.locator(selector).first.evaluate("e => e.getBoundingClientRect().top + scrollY")
    )


def lowest_stage_in_the_table(page: Any) -> str:
    """The stage with the lowest mean in the page's own "Scores per stage" table."""
    rows = page.locator("table.jr-stage-table:not(.jr-persona-table) tbody tr").evaluate_all(
        "rows => rows.map(r => [r.cells[0].textContent.trim(),"
        " parseFloat(r.cells[2].textContent.replace(',', '.'))])"
    )
    return str(min((mean, stage) for stage, mean in rows if not math.isnan(mean))[1])


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_lowest_stage_is_named_in_the_first_screen_and_a_half_and_an_opportunity_within_two(
    open_journey: Callable[..., Any], language: str
) -> None:
    page = open_journey(DESKTOP, language)
    screen = DESKTOP["height"]

    lowest = page.locator(".jr-findings li", has_text=lowest_stage_in_the_table(page)).first
    assert lowest.count() == 1, "no finding names the lowest-scoring stage"
    bottom = lowest.evaluate("e => e.getBoundingClientRect().bottom + scrollY")
    assert bottom <= 1.5 * screen, f"the lowest stage's finding ends at {bottom} px"
    assert top(page, ".jr-opportunities > li") <= 2 * screen - 20
    for anchor in page.locator(".jr-findings a").evaluate_all("as => as.map(a => a.hash)"):
        assert page.locator(anchor).count() == 1, f"a finding links to {anchor}: not on the page"


@pytest.mark.parametrize("language", ["en", "nl"])
def test_lanes_line_up_and_the_curve_runs_through_each_stage_column(
    open_journey: Callable[..., Any], language: str
) -> None:
    page = open_journey(DESKTOP, language)

    rows = page.locator(".jr-map > .jr-stage").evaluate_all(
        "stages => stages.map(s => Array.from(s.children,"
        " c => Math.round(c.getBoundingClientRect().top)))"
    )
    assert len(rows) == 6 and all(row == rows[0] for row in rows), f"lane tops differ: {rows}"
    assert page.locator(".jr-map").evaluate("e => e.scrollWidth <= e.clientWidth + 1"), (
        "at 1440 px every stage fits without scrolling"
    )
    # Each stage's dot sits at its column's centre, and the mean line passes through it.
    dots = page.locator(".jr-map > .jr-stage").evaluate_all(
        """stages => stages.map(s => {
            const c = s.getBoundingClientRect(), d = s.querySelector('.jr-curve-dot');
            const r = d.getBoundingClientRect();
            return [c.left + c.width / 2, r.left + r.width / 2, r.top + r.height / 2];
        })"""
    )
    line = page.locator(".jr-curve-line svg").evaluate(
        """svg => {
            const m = svg.getScreenCTM();
            const d = svg.querySelector('path').getAttribute('d');
            return Array.from(d.matchAll(/[ML](\\d+) (\\d+)/g), ([, x, y]) => {
                const p = new DOMPoint(+x, +y).matrixTransform(m);
                return [p.x, p.y];
            });
        }"""
    )
    assert len(line) == len(dots)
    for (column_centre, dot_x, dot_y), (line_x, line_y) in zip(dots, line):
        assert abs(dot_x - column_centre) <= 1 and abs(line_x - dot_x) <= 1.5
        assert abs(line_y - dot_y) <= 1.5


@pytest.mark.parametrize(("language", "slug"), PHONE_HEIGHT_BEFORE)
def test_on_a_phone_stages_follow_each_other_nothing_sticks_out_and_the_page_is_half_as_tall(
    open_journey: Callable[..., Any], language: str, slug: str
) -> None:
    page = open_journey(PHONE, language, path=f"/journeys/{slug}/")

    stages = page.locator(".jr-map > .jr-stage").evaluate_all(
        "ss => ss.map(s => { const r = s.getBoundingClientRect(); return [r.left, r.top]; })"
    )
    assert len({round(left) for left, _ in stages}) == 1
    assert [y for _, y in stages] == sorted(y for _, y in stages)
    labels = page.locator(".jr-map .jr-cell:visible .jr-lane-label")
    assert labels.count() > 6 and all(box["width"] > 20 for box in boxes(labels))
    too_wide = page.evaluate(
        """width => Array.from(document.querySelectorAll('body *')).filter(e => {
            const r = e.getBoundingClientRect();
            if (r.width === 0 || r.height === 0) return false;
            for (let a = e.parentElement; a; a = a.parentElement) {
                const style = getComputedStyle(a);
                if (style.position === 'fixed') return false;  // off-canvas drawers
                if (['auto', 'scroll'].includes(style.overflowX)) {
                    return a.getBoundingClientRect().right > width + 1;
                }
            }
            return r.right > width + 1;
        }).map(e => e.tagName + '.' + e.className)""",
        PHONE["width"],
    )
    assert too_wide == [], f"wider than the phone, outside a scroll container: {too_wide[:10]}"
    height = page.evaluate("document.body.scrollHeight")
    before = PHONE_HEIGHT_BEFORE[language, slug]
    assert height <= before / 2, f"{height} px, before {before} px"


FOLDED_LANES = ".jr-row-did, .jr-row-touchpoints, .jr-row-feel"


def test_on_a_phone_a_stage_shows_its_findings_and_its_button_opens_the_rest(
    open_journey: Callable[..., Any],
) -> None:
    page = open_journey(PHONE)
    stages = page.locator(".jr-map > .jr-stage")
    assert stages.count() >= 3
    for index in range(stages.count()):
        stage = stages.nth(index)
        shown = stage.locator(".jr-row-curve, .jr-row-pains, .jr-row-opportunities")
        assert any(shown.nth(i).is_visible() for i in range(shown.count()))
        folded = stage.locator(FOLDED_LANES)
        assert folded.count() == 3 and not any(folded.nth(i).is_visible() for i in range(3))
        button = stage.locator(".jr-stage-more")
        assert button.get_attribute("aria-expanded") == "false"
        button.focus()
        page.keyboard.press("Enter")
        assert button.get_attribute("aria-expanded") == "true"
        opened = [i for i in range(3) if folded.nth(i).is_visible()]
        assert opened, "the button opened nothing"
        page.keyboard.press("Enter")
        assert not folded.nth(opened[0]).is_visible()
    # a link to something in a folded lane opens its stage
    target = page.locator(".jr-map .jr-row-feel[id]").first
    page.evaluate("id => { location.hash = id; }", target.get_attribute("id"))
    target.wait_for(state="visible")
    # on paper and on a wide screen every lane shows, and the button does not
    page.emulate_media(media="print")
    assert page.locator(FOLDED_LANES).first.is_visible()
    assert not page.locator(".jr-stage-more").first.is_visible()
    page.emulate_media(media="screen")
    page.set_viewport_size(DESKTOP)
    assert page.locator(FOLDED_LANES).first.is_visible()
    assert not page.locator(".jr-stage-more").first.is_visible()


def boxes(locator: Any) -> list[dict[str, float]]:
    return [locator.nth(index).bounding_box() for index in range(locator.count())]


def first_number(text: str) -> int:
    found = re.search(r"\d+", text)
    assert found, text
    return int(found.group())


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_n_more_opens_by_keyboard_and_shows_its_n_items(
    open_journey: Callable[..., Any], viewport: dict[str, int]
) -> None:
    page = open_journey(viewport)
    # the sections a phone folds (the expectations table too) open by keyboard
    folded = page.locator("details.jr-fold:not([open]) > summary")
    for _ in range(folded.count()):
        folded.first.focus()
        page.keyboard.press("Enter")
    assert folded.count() == 0
    stage_buttons = page.locator(".jr-stage-more:visible")
    for index in range(stage_buttons.count()):
        stage_buttons.nth(index).focus()
        page.keyboard.press("Enter")
    folds = page.locator("details.jr-more")
    assert folds.count() >= 10
    for index in range(folds.count()):
        details = folds.nth(index)
        items = details.locator(":scope > ul > li, :scope table tbody tr")
        assert not any(items.nth(i).is_visible() for i in range(items.count()))
        summary = details.locator(":scope > summary")
        n = first_number(summary.inner_text())
        summary.focus()
        page.keyboard.press("Enter")
        assert details.evaluate("d => d.open")
        assert items.count() == n and all(items.nth(i).is_visible() for i in range(n))
    # "+N" is never a dead end
    assert page.locator(".jr-chart img").first.is_visible()
    dead = page.locator(".jr-map").evaluate(
        """map => { const found = [];
            const walk = document.createTreeWalker(map, NodeFilter.SHOW_TEXT);
            while (walk.nextNode()) {
                const node = walk.currentNode, parent = node.parentElement;
                if (/\\+\\d/.test(node.textContent) && parent.checkVisibility()
                    && !parent.closest('summary, details[open] > ul, .jr-gap')) {
                    found.push(node.textContent.trim());
                }
            }
            return found; }"""
    )
    assert dead == [], f"'+N' that opens nothing: {dead}"


def test_on_paper_what_is_folded_says_how_many_more_are_on_the_site_and_where(
    open_journey: Callable[..., Any],
) -> None:
    page = open_journey(DESKTOP)
    page.emulate_media(media="print")

    summaries = page.locator("details.jr-more > summary").all_inner_texts()
    assert summaries and all(re.fullmatch(r"\+\d+ more on the site", s) for s in summaries)
    note = page.locator(".jr-print-note")
    assert note.is_visible() and page.url.split("#")[0] in note.inner_text()
    scope = page.locator("article h1 + p")
    assert scope.is_visible() and "This journey follows" in scope.inner_text()
    opportunities = page.locator(".jr-opportunities > li")
    assert opportunities.count() == 3
    for index in range(3):
        text = opportunities.nth(index).inner_text()
        assert opportunities.nth(index).is_visible()
        assert "Owner:" in text and "Metric:" in text and "Backed by" in text
        clipped = opportunities.nth(index).evaluate("e => e.scrollHeight > e.clientHeight + 1")
        assert not clipped, text


def test_axe_finds_nothing_serious_with_everything_open(open_journey: Callable[..., Any]) -> None:
    """Every fold opened, on a wide screen and on a phone: axe-core's rules in the light
    palette, and its colour rules after the palette toggle switches to dark."""
    # Folded, the page is the one tests/test_browser.py checks; opened, all of it shows.
    page = open_journey(DESKTOP)
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    page.evaluate(
        "document.querySelectorAll('.jr-stage').forEach(s => s.toggleAttribute('data-open', true))"
    )
    problems = []
    for scheme in ("light", "dark"):
        if scheme == "dark":
            page.set_viewport_size(DESKTOP)
            kit.switch_palette(page, "dark")
        for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            page.set_viewport_size(viewport)
            violations = kit.run_axe(page, colours_only=scheme == "dark")
            if violations:
                problems.append(f"{scheme}, {name}:\n" + kit.describe_violations(violations))
    assert problems == [], "\n".join(problems)
