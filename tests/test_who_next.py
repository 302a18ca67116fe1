"""Who to interview next, on the research overview (issue 22): persona and journey pairs under
the target (the ``interview_target`` option), journeys without a detractor or without a
problem accepted as normal, and attribute values only one published interview has; each a
sentence a recruiter can act on. The expected sentences are worked out here from the
study's YAML, in plain Python."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from contentkit import ContentTree, build, write_site
from journeys.analysis import recruiting
from journeys.analysis.facts import InterviewFact, StepFact
from journeys.building.options import read_options
from journeys.content.loading import load_study
from journeys.site import kinds
from journeys.site.kinds import research
from journeys.site.labels import Labels

PERSONAS = {"eva": "Eva, the planner", "bram": "Bram, the fixer", "cas": "Cas, the newcomer"}
JOURNEYS = {"repair": "Laptop repair", "onboarding": "Onboarding", "move": "Office move"}
SECRET_VALUE = "Terschelling"
"""The attribute value of an interview whose words may not be published: never on the site."""
INTERVIEWS: dict[str, dict[str, Any]] = {
    # Eva has 3 interviews about repair: none from a detractor, none accepting a problem.
    "eva-r1": {"persona": "eva", "journey": "repair", "nps": 8, "attributes": {"region": "north"}},
    "eva-r2": {"persona": "eva", "journey": "repair", "nps": 7, "attributes": {"region": "north"}},
    "eva-r3": {"persona": "eva", "journey": "repair", "nps": 9, "attributes": {"region": "south"}},
    # Onboarding: a detractor at the rule's edge (6), and a problem accepted as normal only in
    # an interview whose words may not be published (it counts: it is a figure).
    "eva-o1": {
        "persona": "eva",
        "journey": "onboarding",
        "nps": 6,
        "attributes": {"region": "north"},
    },
    "bram-o1": {
        "persona": "bram",
        "journey": "onboarding",
        "nps": 8,
        "consent": False,
        "accepted": True,
        "attributes": {"region": SECRET_VALUE},
    },
}
SHOWN = 6
"""Sentences listed before the rest are folded (``research.WHO_NEXT_SHOWN``)."""


def write_study(root: Path) -> Path:
    tree = ContentTree(root / "content")
    for slug, name in PERSONAS.items():
        tree.persona(slug, name=name)
    for slug, title in JOURNEYS.items():
        tree.journey(slug, title=title)
    for name, item in INTERVIEWS.items():
        steps = [
            {"stage": stage, "action": f"Action {index} of {name}", "score": 6}
            | ({"accepted": True} if item.get("accepted") and index == 1 else {})
            for index, stage in enumerate(("notice", "report", "wait"))
        ]
        tree.interview(
            name,
            persona=item["persona"],
            journey=item["journey"],
            steps=steps,
            nps=item["nps"],
            consent=item.get("consent", True),
            attributes=item["attributes"],
        )
    return tree.root


# --- the sentences, worked out from the YAML above -------------------------------------------


def cell_sentence(persona: str, journey: str, count: int, target: int) -> str:
    n = target - count
    people = "1 person" if n == 1 else f"{n} people"
    if count == 0:
        return f"For {journey}, find {people} like {persona}: nobody yet (0 of {target})."
    more = "1 more person" if n == 1 else f"{n} more people"
    return f"For {journey}, find {more} like {persona} ({count} of {target})."


def expected_sentences(target: int) -> list[str]:
    """In the coverage table's order (personas, then journeys, by slug): the pairs with no
    interview, then those under the target (fewest first); journeys with interviews but none
    from a detractor (NPS 6 or lower), then none accepting a problem as normal; values of an
    attribute only one published interview of a persona has."""
    personas, journeys = sorted(PERSONAS), sorted(JOURNEYS)
    counts = Counter((item["persona"], item["journey"]) for item in INTERVIEWS.values())
    cells = [(counts[p, j], p, j) for p in personas for j in journeys if counts[p, j] < target]
    sentences = [
        cell_sentence(PERSONAS[p], JOURNEYS[j], count, target)
        for count, p, j in [c for c in cells if c[0] == 0] + sorted(c for c in cells if c[0])
    ]
    interviewed = [j for j in journeys if any(i["journey"] == j for i in INTERVIEWS.values())]
    for j in interviewed:
        if not any(i["journey"] == j and i["nps"] <= 6 for i in INTERVIEWS.values()):
            sentences.append(
                "Nobody who would not recommend the service (NPS 6 or lower) was interviewed "
                f"about {JOURNEYS[j]} yet: look for a detractor."
            )
    for j in interviewed:
        if not any(i["journey"] == j and i.get("accepted") for i in INTERVIEWS.values()):
            sentences.append(
                f"Nobody interviewed about {JOURNEYS[j]} accepted a problem as normal yet: look"
                " for someone who has learned to live with one, and listen for “that's just"
                " how it is”."
            )
    for p in personas:
        values = Counter(
            (key, str(value))
            for item in INTERVIEWS.values()
            if item["persona"] == p and item.get("consent", True)
            for key, value in item["attributes"].items()
        )
        sentences += [
            f"Of the published interviews with people like {PERSONAS[p]}, only one has "
            f"“{key}: {value}”: find another to see whether what it says holds."
            for (key, value), count in sorted(values.items())
            if count == 1
        ]
    return sentences


def test_the_study_has_what_the_section_is_about() -> None:
    """The fixture's own shape: empty, thin and full cells, a folded rest, and sentences of
    every kind; the secret value is met once, in an interview that may not be published."""
    at_three = expected_sentences(3)
    assert len(at_three) > SHOWN
    counts = Counter((i["persona"], i["journey"]) for i in INTERVIEWS.values())
    assert {1, 3} <= set(counts.values())
    assert len(counts) < len(PERSONAS) * len(JOURNEYS)  # some pairs have no interview
    for start in ("For ", "Nobody who", "Nobody interviewed", "Of the published"):
        assert any(sentence.startswith(start) for sentence in at_three), start
    assert not any(SECRET_VALUE in sentence for sentence in at_three)
    assert expected_sentences(4) != at_three != expected_sentences(2)


# --- the section as the research overview renders it ---------------------------------------


def rendered_research(root: Path, language: str = "en", target: int | None = None) -> str:
    """The research overview's Markdown; ``target``: the option's value, None to leave it
    unset."""
    content = write_study(root)
    study = load_study(content, root)
    assert not study.has_errors, study.diagnostics
    labels = Labels.for_language(language)
    site = (
        kinds.renderer(study, labels, lambda _, to: to)
        if target is None
        else kinds.renderer(study, labels, lambda _, to: to, interview_target=target)
    )
    page = next(
        output for output in research.files(site) if output.src_uri == research.RESEARCH_INDEX
    )
    assert isinstance(page.content, str)
    return page.content


def who_next(page: str, heading: str = "Who to interview next") -> tuple[str, list[str], list[str]]:
    """The section's intro, its listed sentences and those folded under its "N more", from
    the generated Markdown."""
    section = page.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    intro = re.search(r"<p>(.*?)</p>", section)
    assert intro is not None
    shown, _, folded = section.partition("<details")
    return html.unescape(intro.group(1)), list_items(shown), list_items(folded)


def list_items(part: str) -> list[str]:
    """The text of each ``<li>`` of ``part``, as a reader sees it."""
    found = re.findall(r"<li>(.*?)</li>", part, re.DOTALL)
    return [html.unescape(re.sub(r"<[^>]+>", "", item)) for item in found]


@pytest.mark.parametrize("target", [None, 2])
def test_the_research_overview_says_who_to_interview_next(
    tmp_path: Path, target: int | None
) -> None:
    page = rendered_research(tmp_path, target=target)
    intro, shown, folded = who_next(page)

    expected = expected_sentences(target or 3)
    assert shown + folded == expected
    assert len(shown) == min(SHOWN, len(expected))
    assert f"fewer than {target or 3}, the target per persona and journey" in intro
    assert f"{len(folded)} more to look for" in page
    assert SECRET_VALUE not in page


def test_the_section_reads_in_dutch(tmp_path: Path) -> None:
    page = rendered_research(tmp_path, "nl", target=2)
    intro, shown, _ = who_next(page, heading="Wie je hierna interviewt")

    counts = Counter((i["persona"], i["journey"]) for i in INTERVIEWS.values())
    first_empty = min((p, j) for p in PERSONAS for j in JOURNEYS if not counts[p, j])
    assert shown[0] == (
        f"Zoek voor {JOURNEYS[first_empty[1]]} 2 mensen zoals {PERSONAS[first_empty[0]]}: nog "
        "niemand (0 van 2)."
    )
    assert "minder dan 2, het doel per persona en klantreis" in intro


# --- one real build: the option reaches the page; the secret value reaches nothing -----------


def test_the_option_sets_the_target_and_nothing_of_a_withheld_interview_is_shown(
    tmp_path: Path,
) -> None:
    content = write_study(tmp_path)
    write_site(tmp_path, content, plugin_options={"interview_target": 4})
    site = build(tmp_path)

    page = (site / "research" / "index.html").read_text(encoding="utf-8")
    section = page.split('id="who-to-interview-next"', 1)[1].split("<h2", 1)[0]
    shown, _, folded = section.partition("<details")

    assert list_items(shown) + list_items(folded) == expected_sentences(4)
    assert len(list_items(shown)) == SHOWN
    assert "For Laptop repair, find 1 more person like Eva, the planner (3 of 4)." in list_items(
        folded
    )
    leaks = [
        str(path.relative_to(site))
        for path in site.rglob("*")
        if path.is_file() and SECRET_VALUE.encode() in path.read_bytes()
    ]
    assert leaks == []


# --- the analysis, on its own ----------------------------------------------------------------


def fact(
    key: str,
    persona: str,
    journey: str,
    nps: int | None = None,
    accepted: bool = False,
    published: bool = True,
) -> InterviewFact:
    step = StepFact(0, "notice", 6, False, accepted, None, False, None, None, None)
    return InterviewFact(
        key, persona, journey, dt.date(2026, 2, 1), 6, nps, None, None, published, (step,)
    )


def test_cells_under_the_target_empty_first_then_fewest_first() -> None:
    facts = [fact("a", "p1", "j2"), fact("b", "p2", "j1"), fact("c", "p2", "j1")]
    facts += [fact(f"d{i}", "p1", "j1") for i in range(3)]

    found = recruiting.who_next(["p1", "p2"], ["j1", "j2"], facts, {}, target=3)

    assert [(c.persona, c.journey, c.interviews, c.missing) for c in found.empty_cells] == [
        ("p2", "j2", 0, 3)
    ]
    assert [(c.persona, c.journey, c.interviews, c.missing) for c in found.thin_cells] == [
        ("p1", "j2", 1, 2),
        ("p2", "j1", 2, 1),
    ]
    at_four = recruiting.who_next(["p1", "p2"], ["j1", "j2"], facts, {}, target=4)
    assert ("p1", "j1", 3, 1) in [
        (c.persona, c.journey, c.interviews, c.missing) for c in at_four.thin_cells
    ]


def test_journeys_without_a_detractor_or_an_accepted_problem() -> None:
    """The detractor rule is the NPS one (6 or lower); an interview whose words may not be
    published counts; a journey nobody was interviewed about is left to the cells."""
    facts = [
        fact("a", "p", "edge", nps=6),
        fact("b", "p", "passive", nps=7, accepted=True),
        fact("c", "p", "no-nps", nps=None),
        fact("d", "p", "withheld", nps=2, accepted=True, published=False),
    ]
    journeys = ["edge", "passive", "no-nps", "withheld", "nobody"]

    found = recruiting.who_next(["p"], journeys, facts, {})

    assert found.without_detractor == ["passive", "no-nps"]
    assert found.without_accepted == ["edge", "no-nps"]


def test_single_values_come_from_published_interviews_only() -> None:
    facts = [
        fact("a", "p", "j"),
        fact("b", "p", "j"),
        fact("c", "p", "j", published=False),
        fact("d", "q", "j"),
    ]
    attributes: dict[str, dict[str, object]] = {
        "a": {"team": "sales", "years": 3},
        "b": {"team": "sales", "years": 5},
        "c": {"team": "hidden"},  # given by mistake: the interview is not published
        "d": {"team": "sales"},
    }

    found = recruiting.who_next(["p", "q"], ["j"], facts, attributes)

    assert [(v.persona, v.attribute, v.value) for v in found.single_values] == [
        ("p", "years", "3"),
        ("p", "years", "5"),
        ("q", "team", "sales"),
    ]


@pytest.mark.parametrize(
    ("value", "read"), [(4, 4), (1, 1), (0, None), (True, None), ("4", None), (None, 3)]
)
def test_the_option_takes_a_whole_number_of_1_or_more(value: object, read: int | None) -> None:
    """Refused (an error; the default of 3 stands in) unless a whole number of 1 or more;
    left empty, the default."""
    options, problems = read_options({"interview_target": value})

    assert options.interview_target == (read or 3)
    assert [problem.option for problem in problems] == ([] if read else ["interview_target"])
