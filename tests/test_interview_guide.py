"""The interview guide: one page per journey, made from its file, with the method's words in
English and Dutch, the journey's own opening and closing when it gives them, linked from the
journey's page, and at most two A4 pages on paper.

Sites are built for real (the shared demo builds, and one small site); what the guide must
hold is read from the journey files' YAML here, not through the plugin; print uses Chromium.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

import browser_kit as kit
from contentkit import REPO, ContentTree, build, write_site
from journeys.content import model

DEMO_JOURNEYS = sorted((REPO / "content" / "journeys").glob("*.md"))

PROMPTS = {
    "en": {
        "opening": ["good and bad experiences are both welcome"],
        "consent": [
            "May I record this conversation?",
            "May we publish your words on our research site, without your name?",
        ],
        "goal": ["What did you want to achieve"],
        "moment": [
            "How did that feel?",
            "What grade would you give that moment, from 1 (terrible) to 10 (excellent)?",
            "Is this the moment that stands out most for you, for better or for worse?",
        ],
        "closing": [
            "what grade would you give it, from 1 to 10?",
            "not the average of the moments",
            "what actually happened, and what would have been realistic?",
            "What we will do with what you told us",
            "What we will not do",
        ],
    },
    "nl": {
        "opening": ["goede en slechte ervaringen zijn allebei welkom"],
        "consent": [
            "Mag ik dit gesprek opnemen?",
            "Mogen we je woorden op onze onderzoekssite publiceren, zonder je naam?",
        ],
        "goal": ["Wat wilde je bereiken"],
        "moment": [
            "Hoe voelde dat?",
            "Welk cijfer geef je dat moment, van 1 (heel slecht) tot 10 (uitstekend)?",
            "Is dit het moment dat je het meest is bijgebleven, in positieve of negatieve zin?",
        ],
        "closing": [
            "welk cijfer geef je het, van 1 tot 10?",
            "niet het gemiddelde van de momenten",
            "Wat verwachtte je vooraf, wat gebeurde er echt, en wat was realistisch geweest?",
            "Wat we doen met wat je ons vertelde",
            "Wat we niet doen",
        ],
    },
}
"""The method's prompts, as an interviewer must find them, in the order of the interview."""

CHECKBOX = '<input type="checkbox">'


def front_matter(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
    return data


def guide_html(site: Path, slug: str) -> str:
    return (site / "interview-guides" / slug / "index.html").read_text(encoding="utf-8")


def article(page: str) -> str:
    """The page's content, without the navigation around it."""
    found = re.search(r'<article class="md-content__inner[^"]*">(.*?)</article>', page, re.DOTALL)
    assert found, "no article in the page"
    return found.group(1)


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def read_aloud(page: str) -> list[list[str]]:
    """The paragraphs of each boxed text, without its label."""
    boxes = re.findall(r'<div class="jr-say">(.*?)</div>', page, re.DOTALL)
    return [[text_of(p) for p in re.findall(r"<p>(.*?)</p>", box, re.DOTALL)] for box in boxes]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_guide_holds_every_stage_question_and_the_method_s_prompts_in_order(
    language: str, demo_site: Path, demo_site_nl: Path
) -> None:
    site = {"en": demo_site, "nl": demo_site_nl}[language]
    assert len(DEMO_JOURNEYS) >= 2
    for path in DEMO_JOURNEYS:
        journey = front_matter(path)
        page = article(guide_html(site, path.stem))
        text = text_of(page)
        prompts = PROMPTS[language]
        stage_texts = [
            item
            for stage in journey["stages"]
            for item in [stage["name"], stage.get("description"), *stage.get("questions", [])]
            if item
        ]
        assert sum(len(stage.get("questions", [])) for stage in journey["stages"]) >= 10
        in_order = [
            *prompts["opening"],
            *prompts["consent"],
            *prompts["goal"],
            *prompts["moment"],
            *stage_texts,
            *prompts["closing"],
        ]
        missing = [item for item in in_order if item not in text]
        assert missing == [], f"{path.stem} ({language}) lacks these"
        positions = [text.index(item) for item in in_order]
        assert positions == sorted(positions), f"{path.stem} ({language}): out of order"
        touchpoints = journey["touchpoints"]
        for touchpoint in touchpoints:
            assert re.search(
                rf"{CHECKBOX}\s*{re.escape(html.escape(touchpoint['name'], quote=False))}", page
            ), touchpoint["name"]
        # A box for each touchpoint, and for the permission to record and to publish.
        assert page.count(CHECKBOX) == len(touchpoints) + 2


def test_each_journey_page_links_to_its_guide_which_stays_out_of_the_navigation(
    demo_site: Path,
) -> None:
    for path in DEMO_JOURNEYS:
        journey_page = (demo_site / "journeys" / path.stem / "index.html").read_text("utf-8")
        assert f'href="../../interview-guides/{path.stem}/"' in article(journey_page)
    home = (demo_site / "index.html").read_text(encoding="utf-8")
    assert 'href="journeys/laptop-repair/"' in home  # the navigation lists the journeys
    assert "interview-guides" not in home


def test_the_journey_file_format_has_the_guide_texts_as_words() -> None:
    schema = model.json_schema(model.Journey)
    assert "guide" in schema["properties"]
    assert set(schema["$defs"]["Guide"]["properties"]) == {"opening", "closing"}
    for name in ("opening", "closing"):
        assert model.field_kind(model.Guide.model_fields[name]) is model.TEXT


# ---- a journey of its own: six stages, its own opening and closing -------------------------

SIX_STAGES = [
    {
        "id": f"stage-{number}",
        "name": f"Stage {number}: what people go through here",
        "description": (
            "What happens in this stage, in a sentence or two, as the team wrote it down "
            "before the first interview."
        ),
        "questions": [
            f"Question {question} of stage {number}: what did you do at that point, and what "
            "made you choose that way?"
            for question in range(1, 5)
        ],
    }
    for number in range(1, 7)
]
OWN_OPENING = "Our own opening, said first.\n\nOur own opening, said second."
OWN_CLOSING = "Our own closing words, said at the end."


@pytest.fixture(scope="module")
def own_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Journey `six` (six stages of four questions, eight touchpoints, its own opening and
    closing) and journey `plain` (no `guide`, no interviews yet)."""
    project = tmp_path_factory.mktemp("guide-site")
    tree = ContentTree(project / "content")
    tree.persona("eva")
    tree.write(
        "journeys/six.md",
        {
            "title": "Six stages",
            "goal": "Get the work done before the deadline, with everything in place",
            "stages": SIX_STAGES,
            "touchpoints": [
                {"id": f"tp-{n}", "name": f"Touchpoint {n} of the inventory", "kind": "digital"}
                for n in range(1, 9)
            ],
            "guide": {"opening": OWN_OPENING, "closing": OWN_CLOSING},
        },
        "Scope.",
    )
    tree.journey("plain")
    tree.interview(
        "six-01",
        journey="six",
        stages=tuple(stage["id"] for stage in SIX_STAGES),
        scores=(5, 6, 7, 4, 6, 8),
    )
    write_site(project)
    return build(project)


def test_a_journey_s_own_opening_and_closing_replace_the_site_s(own_site: Path) -> None:
    own, plain = (article(guide_html(own_site, slug)) for slug in ("six", "plain"))

    assert read_aloud(own) == [
        ["Our own opening, said first.", "Our own opening, said second."],
        ["Our own closing words, said at the end."],
    ]
    opening, closing = read_aloud(plain)
    assert opening[0].startswith("Thank you for making time for this.")
    assert any("What we will not do" in paragraph for paragraph in closing)
    # Only the words read aloud change: the questions stay.
    for phrase in (*PROMPTS["en"]["consent"], *PROMPTS["en"]["closing"][:2]):
        assert phrase in text_of(own), phrase
    assert "Question 4 of stage 6" in text_of(own)


def test_a_guide_prints_on_at_most_two_a4_pages(
    browser: Any, demo_site: Path, own_site: Path
) -> None:
    """The demo's longest journey, and six stages of four questions each."""
    longest = max(
        DEMO_JOURNEYS,
        key=lambda path: sum(1 + len(s.get("questions", [])) for s in front_matter(path)["stages"]),
    )
    printed = {}
    for site, slug in ((demo_site, longest.stem), (own_site, "six")):
        with kit.serve(site) as base:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            try:
                page.goto(f"{base}/interview-guides/{slug}/", wait_until="load")
                page.emulate_media(media="print")
                shown = page.evaluate(
                    """() => Object.fromEntries(
                        ['.md-header', '.md-sidebar--primary', '.jr-guide-journey',
                         '.jr-print-note', '.jr-guide-touchpoints input'].map(s => {
                            const el = document.querySelector(s);
                            return [s, !!el && getComputedStyle(el).display !== 'none'];
                        }))"""
                )
                pdf = page.pdf(prefer_css_page_size=True, print_background=True)
            finally:
                page.close()
        printed[slug] = (kit.pdf_page_count(pdf), kit.pdf_page_sizes(pdf), shown)

    for slug, (pages, sizes, shown) in printed.items():
        assert 1 <= pages <= 2, f"{slug}: {pages} pages"
        assert all(
            abs(width - kit.A4_PORTRAIT[0]) < 2 and abs(height - kit.A4_PORTRAIT[1]) < 2
            for width, height in sizes
        ), slug
        assert shown == {
            ".md-header": False,
            ".md-sidebar--primary": False,
            ".jr-guide-journey": False,
            ".jr-print-note": True,
            ".jr-guide-touchpoints input": True,
        }, slug
