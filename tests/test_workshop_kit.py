"""A journey's workshop kit (issue 22): persona cards, one scenario per persona told from the
consenting interview closest to the persona's curve, the journey's opportunities as cards,
and "how might we" questions for the lowest-scoring stages; printable on A4.

Expected figures and choices are computed here from the content files' YAML with plain
Python (fractions), not with the plugin's functions. Sites are built for real: the shared
demo site, and one small study of our own with non-consenting interviews whose planted
words must appear in no built file.
"""

from __future__ import annotations

import html
import math
import re
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml

import browser_kit as kit
from contentkit import REPO, ContentTree, build, write_site
from journeys.site.labels import Labels

EN, NL = Labels.for_language("en"), Labels.for_language("nl")
PLANTED = "zanzibar"
"""In every text field of the own study's non-consenting interviews."""
PROMPTED = 2
"""The kit asks "how might we" for this many of the lowest-scoring stages."""


# ---- the content files, read as YAML ------------------------------------------------------


def front_matter(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    assert isinstance(data, dict)
    return data


def read_content(content: Path) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]]]:
    """Journeys by slug, and every interview (with its ``id``)."""
    journeys = {path.stem: front_matter(path) for path in (content / "journeys").glob("*.md")}
    interviews = []
    for path in sorted((content / "interviews").rglob("*.md")):
        data = front_matter(path)
        interviews.append(data | {"id": data.get("id", path.stem)})
    return journeys, interviews


def stage_scores(interview: dict[str, Any]) -> dict[str, Fraction]:
    """Stage -> the mean of the interview's steps there."""
    per_stage: dict[str, list[Fraction]] = {}
    for step in interview["steps"]:
        per_stage.setdefault(step["stage"], []).append(Fraction(step["score"]))
    return {stage: sum(scores, Fraction(0)) / len(scores) for stage, scores in per_stage.items()}


def stage_means(interviews: list[dict[str, Any]]) -> dict[str, Fraction]:
    per_stage: dict[str, list[Fraction]] = {}
    for interview in interviews:
        for stage, score in stage_scores(interview).items():
            per_stage.setdefault(stage, []).append(score)
    return {stage: sum(scores, Fraction(0)) / len(scores) for stage, scores in per_stage.items()}


def expected_scenarios(interviews: list[dict[str, Any]], journey: str) -> dict[str, str]:
    """Persona -> the id of its consenting interview of ``journey`` whose stage scores are
    closest to the persona's stage means (mean absolute difference over the interview's
    stages; then more stages; then the lowest id)."""
    chosen = {}
    for persona in sorted({i["persona"] for i in interviews if i["journey"] == journey}):
        own = [i for i in interviews if i["journey"] == journey and i["persona"] == persona]
        means = stage_means(own)
        ranked = []
        for interview in own:
            if interview["consent"] is not True:
                continue
            scores = stage_scores(interview)
            difference = sum(abs(scores[s] - means[s]) for s in scores) / len(scores)
            ranked.append((difference, -len(scores), interview["id"]))
        if ranked:
            chosen[persona] = min(ranked)[2]
    return chosen


def lowest_stages(journey: dict[str, Any], interviews: list[dict[str, Any]]) -> list[Any]:
    """``(stage, mean, n)`` of the journey's lowest-mean stages, lowest first."""
    scores = [stage_scores(i) for i in interviews]
    found = []
    for index, stage in enumerate(journey["stages"]):
        at_stage = [s[stage["id"]] for s in scores if stage["id"] in s]
        if at_stage:
            found.append((sum(at_stage, Fraction(0)) / len(at_stage), index, len(at_stage)))
    return [(journey["stages"][index], mean, n) for mean, index, n in sorted(found)[:PROMPTED]]


def one_decimal(value: Fraction) -> str:
    """As the site writes every number: one decimal, a half away from zero."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return str(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


# ---- the built kit, read back ---------------------------------------------------------------


def kit_page(site: Path, journey: str) -> str:
    return html.unescape((site / "workshops" / journey / "index.html").read_text(encoding="utf-8"))


def blocks(page: str, start: str, end: str) -> list[str]:
    return re.findall(re.escape(start) + r"(.*?)" + re.escape(end), page, re.DOTALL)


def scenarios_on(page: str) -> dict[str, tuple[str, list[str]]]:
    """Persona slug -> (the linked interview id, the actions in order)."""
    found = {}
    for persona, body in re.findall(
        r'<section class="jr-scenario" aria-labelledby="scenario-([a-z0-9-]+)">(.*?)</section>',
        page,
        re.DOTALL,
    ):
        source = re.search(r'href="\.\./\.\./interviews/([^/"]+)/">([^<]+)</a>', body)
        assert source is not None and source.group(1) == source.group(2), body[:300]
        actions = re.findall(r'<span class="jr-scenario-action">(.*?)</span>', body)
        found[persona] = (source.group(1), actions)
    return found


def opportunity_cards(page: str) -> list[tuple[str, dict[str, str], str]]:
    """(title, the card's facts by label, its "backed by" line) of each opportunity card."""
    cards = []
    for body in blocks(page, '<article class="jr-wcard jr-wcard--opportunity">', "</article>"):
        title = re.search(r"<h3[^>]*>(.*?)</h3>", body)
        backed = re.search(r'<p class="jr-n">(.*?)</p>', body)
        assert title is not None and backed is not None
        facts = dict(re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", body))
        cards.append((title.group(1), facts, backed.group(1)))
    return cards


def check_kit(site: Path, content: Path) -> None:
    """Every journey's kit against the content files."""
    journeys, interviews = read_content(content)
    assert journeys
    for slug, journey in journeys.items():
        page = kit_page(site, slug)
        on_journey = [i for i in interviews if i["journey"] == slug]
        by_id = {i["id"]: i for i in on_journey}

        expected = expected_scenarios(interviews, slug)
        shown = scenarios_on(page)
        assert {p: source for p, (source, _) in shown.items()} == expected, slug
        for persona, (source, actions) in shown.items():
            assert by_id[source]["consent"] is True
            assert actions == [step["action"] for step in by_id[source]["steps"]], source
        for persona in {i["persona"] for i in on_journey} - set(expected):
            assert f'aria-labelledby="scenario-{persona}"' not in page

        stage_names = {stage["id"]: stage["name"] for stage in journey["stages"]}
        assert opportunity_cards(page) == [
            (
                o["title"],
                {EN("stage"): stage_names[o["stage"]], EN("owner"): o.get("owner", "no owner yet")}
                | ({EN("metric"): o["metric"]} if o.get("metric") else {}),
                f"Backed by {len(o['evidence'])} interview{'s' if len(o['evidence']) != 1 else ''}",
            )
            for o in journey.get("opportunities", [])
        ], slug

        prompts = blocks(page, '<article class="jr-wcard jr-wcard--prompt">', "</article>")
        lowest = lowest_stages(journey, on_journey)
        assert len(prompts) == len(lowest) == min(PROMPTED, len(lowest))
        for prompt, (stage, mean, n) in zip(prompts, lowest):
            assert f"How might we make “{stage['name']}” go better?" in prompt
            assert f"Mean grade {one_decimal(mean)} (n={n}" in prompt


# ---- the demo -------------------------------------------------------------------------------


def test_the_demo_kits_hold_a_scenario_per_persona_and_the_journeys_opportunities(
    demo_site: Path,
) -> None:
    check_kit(demo_site, REPO / "content")


def test_the_demo_kits_hold_no_words_of_a_non_consenting_interview(demo_site: Path) -> None:
    journeys, interviews = read_content(REPO / "content")
    withheld = [i for i in interviews if i["consent"] is not True]
    assert withheld, "the demo has a non-consenting interview"
    words = [
        value
        for interview in withheld
        for value in [interview["goal"], *(s["action"] for s in interview["steps"])]
        + [s["quote"] for s in interview["steps"] if s.get("quote")]
    ]
    for slug in journeys:
        page = kit_page(demo_site, slug)
        assert [w for w in words if w in page] == [], slug


def test_each_journey_page_links_its_kit_and_the_navigation_does_not(
    demo_site: Path, demo_site_nl: Path
) -> None:
    journeys, _ = read_content(REPO / "content")
    home = (demo_site / "index.html").read_text(encoding="utf-8")
    assert "workshops/" not in home
    for slug, journey in journeys.items():
        page = (demo_site / "journeys" / slug / "index.html").read_text(encoding="utf-8")
        assert f'<a href="../../workshops/{slug}/">{EN("workshop_link")}</a>' in page
        dutch = kit_page(demo_site_nl, slug)
        assert "<h1" in dutch and NL("workshop_title", journey=journey["title"]) in dutch
        assert NL("hmw") in dutch and EN("hmw") not in dutch


# ---- a study of our own: ties, a persona that may not be quoted, planted words -------------


def planted(name: str, stages: tuple[str, ...], scores: tuple[float, ...]) -> dict[str, Any]:
    """A non-consenting interview with the planted word in every field that holds words."""
    word = f"{PLANTED} {name}"
    return {
        "consent": False,
        "participant": {"name": f"{word} name", "email": "someone@example.org"},
        "interviewer": f"{word} interviewer",
        "goal": f"{word} goal",
        "trigger": f"{word} trigger",
        "outcome": f"{word} outcome",
        "drivers": [f"{word} driver"],
        "attributes": {"hobby": f"{word} attribute"},
        "follow_up": {"will": [f"{word} will"], "wont": [f"{word} wont"]},
        "steps": [
            {
                "stage": stage,
                "action": f"{word} action {index}",
                "why": f"{word} why",
                "touchpoint": f"{word} touchpoint",
                "score": score,
                "feeling": f"{word} feeling",
                "quote": f"{word} quote",
                "expected": f"{word} expected",
                "actual": f"{word} actual",
                "realistic": f"{word} realistic",
                "peak": index == 0,
                "accepted": True,
            }
            for index, (stage, score) in enumerate(zip(stages, scores))
        ],
    }


STAGES = ("notice", "report", "wait", "handover")


def own_study(tree: ContentTree) -> None:
    for slug in ("eva", "bob", "cas", "fay"):
        tree.persona(slug)
    tree.journey(
        stages=STAGES,
        touchpoints=[{"id": "phone", "name": "Phone line", "kind": "human"}],
        opportunities=[
            {
                "title": "Loan laptop on day one",
                "stage": "wait",
                "owner": "Service desk",
                "metric": "Days without a laptop",
                "evidence": ["e-01", "b-02", "c-01"],
            },
            {"title": "Call back within the hour", "stage": "report", "evidence": ["b-01"]},
        ],
    )
    tree.journey("move", stages=("pack", "unpack"))
    # eva: means 4, 6, 4, 6; e-02 (three stages) matches them exactly, e-01 is 2 off.
    tree.interview("e-01", stages=STAGES, scores=(2, 4, 6, 8))
    tree.interview("e-02", stages=STAGES[:3], scores=(4, 6, 4))
    tree.write("interviews/e-03.md", base("eva") | planted("e-03", STAGES, (6, 8, 2, 4)))
    # bob: the closest interview (b-02) may not be quoted: b-01 tells the scenario.
    tree.interview("b-01", persona="bob", stages=STAGES, scores=(3, 3, 3, 3))
    tree.write("interviews/b-02.md", base("bob") | planted("b-02", STAGES, (5, 5, 5, 5)))
    tree.interview("b-03", persona="bob", stages=STAGES, scores=(9, 9, 9, 9))
    # cas: only a non-consenting interview, so no scenario.
    tree.write("interviews/c-01.md", base("cas") | planted("c-01", STAGES, (1, 2, 1, 2)))
    # fay: both exactly on her means; f-02 reached more stages, so it wins over f-01.
    tree.interview("f-01", persona="fay", stages=STAGES[:2], scores=(4, 6))
    tree.interview("f-02", persona="fay", stages=STAGES, scores=(4, 6, 5, 5))
    # eva on another journey: her scenario there rests on that journey only.
    tree.interview("m-01", journey="move", stages=("pack", "unpack"), scores=(9, 2))
    tree.interview("m-02", journey="move", stages=("pack", "unpack"), scores=(7, 4))


def base(persona: str) -> dict[str, Any]:
    return {
        "date": "2026-02-01",
        "persona": persona,
        "journey": "repair",
        "overall_score": 5,
        "nps": 3,
    }


@pytest.fixture(scope="module")
def own_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the built site, its content folder)."""
    project = tmp_path_factory.mktemp("workshop")
    tree = ContentTree(project / "content")
    own_study(tree)
    write_site(project, tree.root)
    return build(project), tree.root


def test_a_kit_tells_each_persona_from_its_closest_consenting_interview(
    own_site: tuple[Path, Path],
) -> None:
    site, content = own_site
    _, interviews = read_content(content)
    assert expected_scenarios(interviews, "repair") == {"eva": "e-02", "bob": "b-01", "fay": "f-02"}
    assert expected_scenarios(interviews, "move") == {"eva": "m-01"}
    check_kit(site, content)
    page = kit_page(site, "repair")
    assert EN("scenario_none", persona="Cas") in page
    # cas has a card (figures only: its curve and n), but none of its words
    cas = blocks(page, '<article class="jr-wcard jr-wcard--persona">', "</article>")[1]
    assert ">Cas</a></h3>" in cas and EN("card_no_words") in cas
    assert "cas--repair.svg" in cas and EN("persona_curve_n", n=1) in cas


def test_no_built_file_holds_a_word_of_a_non_consenting_interview(
    own_site: tuple[Path, Path],
) -> None:
    site, _ = own_site
    assert (site / "workshops" / "repair" / "index.html").is_file()
    leaks = [
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.is_file() and PLANTED in path.read_bytes().decode("utf-8", "replace").lower()
    ]
    assert leaks == []


# ---- on paper -----------------------------------------------------------------------------

A4_CONTENT_MM = (190, 277)
"""A4 portrait inside the stylesheet's 10 mm margins."""
CARD_GAP_MM = 4
PX_PER_MM = 96 / 25.4


def test_a_kit_prints_on_a4_with_four_persona_cards_to_a_sheet(
    browser: Any, demo_site: Path
) -> None:
    slug = "laptop-repair"
    with kit.serve(demo_site) as base:
        width = round(A4_CONTENT_MM[0] * PX_PER_MM)
        page = browser.new_page(viewport={"width": width, "height": 1000})
        watch = kit.PageWatch().attach(page)
        try:
            page.goto(f"{base}/workshops/{slug}/", wait_until="load")
            kit.load_all_images(page)
            page.emulate_media(media="print")
            sizes = page.evaluate(
                """() => Object.fromEntries(['persona', 'opportunity', 'prompt', 'scenario'].map(
                    kind => [kind, Array.from(document.querySelectorAll(
                        kind === 'scenario' ? '.jr-scenario' : '.jr-wcard--' + kind
                    )).map(e => [e.offsetWidth, e.offsetHeight])]
                ))"""
            )
            # the persona cards' sheet starts with the section's heading and its rule
            heading = page.evaluate(
                """() => {
                    const grid = document.querySelector('.jr-wcards--personas');
                    const heading = grid.previousElementSibling.previousElementSibling;
                    return grid.getBoundingClientRect().top - heading.getBoundingClientRect().top;
                }"""
            )
            pictures = page.evaluate(
                "Array.from(document.querySelectorAll('.jr-wcard img')).every(i => i.naturalWidth)"
            )
            pdf = page.pdf(prefer_css_page_size=True, print_background=True)
        finally:
            page.close()

    assert watch.problems() == []
    assert pictures, "a picture or curve on a persona card did not load"
    cards, scenarios = sizes["persona"], sizes["scenario"]
    assert len(cards) == 3 and len(scenarios) == 3
    # two cards side by side, and two rows of them under the heading on one sheet
    half_width = (A4_CONTENT_MM[0] - CARD_GAP_MM) / 2 * PX_PER_MM
    assert all(w <= half_width + 1 for w, _ in cards), cards
    tallest = max(h for _, h in cards)
    assert heading + 2 * tallest + CARD_GAP_MM * PX_PER_MM <= A4_CONTENT_MM[1] * PX_PER_MM, (
        heading,
        cards,
    )
    for kind in ("opportunity", "prompt", "scenario"):
        assert all(h <= A4_CONTENT_MM[1] * PX_PER_MM for _, h in sizes[kind]), kind
    assert all(
        abs(w - kit.A4_PORTRAIT[0]) < 2 and abs(h - kit.A4_PORTRAIT[1]) < 2
        for w, h in kit.pdf_page_sizes(pdf)
    )
    # the cover, the persona cards, a sheet per scenario, the opportunities and questions
    assert kit.pdf_page_count(pdf) == 1 + math.ceil(len(cards) / 4) + len(scenarios) + 1
