"""Themes on the journey and persona pages, in a journey's findings and in its downloads
(issue 21), from one real build of a study with a codebook of six themes applied across two
journeys, with an interview whose participant did not consent.

Every expected figure is computed here from the fixture's YAML in plain Python
(``yaml.safe_load`` of the written files), never with the plugin's functions.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import statistics
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from contentkit import ContentTree, build, write_site
from journeys.content.loading import load_study
from journeys.mkdocs.plugin import url_resolver
from journeys.site import kinds
from journeys.site.labels import Labels

SMALL_SAMPLE = 3
"""Fewer interviews than this carry a theme: a small sample (the guide's rule)."""
PERSONA_THEMES = 5
"""A persona page names this many themes at most."""
THEMES_SHOWN = 2
"""A stage's column shows this many themes before "+N more"."""
THEMES = {
    "not-informed": "Not kept informed",
    "waiting": "Waiting",
    "paperwork": "Paperwork",
    "price": "Price",
    "friendly": "Friendly staff",
    "normal": "Accepted as normal",
}
JOURNEYS = {"repair": ("notice", "report", "wait"), "move": ("pack", "go")}
WITHHELD = "r4"
"""The interview whose participant did not consent."""


def step(stage: str, score: float, themes: list[str], **fields: Any) -> dict[str, Any]:
    return {"stage": stage, "action": f"Did {stage}", "score": score, "themes": themes} | fields


INTERVIEWS: dict[str, tuple[str, str, list[dict[str, Any]]]] = {
    "r1": (
        "eva",
        "repair",
        [
            step("notice", 3, ["not-informed"]),
            step(
                "report",
                5,
                ["paperwork", "not-informed"],
                expected="1 day",
                actual="3 days",
            ),
            step("wait", 4, ["waiting", "not-informed"]),
        ],
    ),
    "r2": (
        "eva",
        "repair",
        [
            step("notice", 6, []),
            step("report", 4, ["paperwork"]),
            step("wait", 2, ["waiting"], expected="2 days", actual="1 week"),
        ],
    ),
    "r3": (
        "bob",
        "repair",
        [
            step("notice", 5, ["not-informed"]),
            step("report", 7, ["friendly"]),
            step("wait", 3, ["waiting", "normal"], accepted=True),
        ],
    ),
    "r4": (
        "bob",
        "repair",
        [
            step("notice", 2, ["not-informed", "price"]),
            step("report", 6, ["friendly"]),
            step("wait", 5, ["waiting"], expected="1 day", actual="2 days"),
        ],
    ),
    "r5": (
        "cas",
        "repair",
        [
            step("notice", 7, [], expected="a call", actual="a letter"),
            step("report", 3, ["price"]),
            step("notice", 4, ["not-informed"]),
            step("wait", 6, ["friendly"]),
        ],
    ),
    "m1": ("eva", "move", [step("pack", 6, ["paperwork"]), step("go", 5, ["normal"])]),
    "m2": (
        "cas",
        "move",
        [
            step("pack", 4, ["paperwork", "price"], expected="1 week", actual="2 weeks"),
            step("go", 7, ["friendly"]),
        ],
    ),
    "m3": (
        "bob",
        "move",
        [step("pack", 5, ["paperwork"]), step("go", 3, ["normal", "waiting"], accepted=True)],
    ),
}
OPPORTUNITIES = [
    {"title": "Send status texts", "stage": "wait", "status": "done"},
    {"title": "Call back within a day", "stage": "report", "status": "dropped"},
    {"title": "Online repair form", "stage": "report"},
    {"title": "Loan heater", "stage": "wait", "status": "in-progress"},
]
EVIDENCE = [["r1", "r2", "r3", "r5"], ["r1", "r2", "r3"], ["r1", "r2"], ["r3"]]
"""Each opportunity's interviews: the closed ones are backed by the most."""


def write_study(content: Path, codebook: bool = True) -> None:
    tree = ContentTree(content)
    for persona in ("eva", "bob", "cas"):
        tree.persona(persona)
    opportunities = [
        item | {"evidence": evidence} for item, evidence in zip(OPPORTUNITIES, EVIDENCE)
    ]
    tree.journey("repair", JOURNEYS["repair"], opportunities=opportunities)
    tree.journey("move", JOURNEYS["move"])
    for slug, name in THEMES.items() if codebook else ():
        tree.theme(slug, name=name)
    for day, (key, (persona, journey, steps)) in enumerate(INTERVIEWS.items(), start=1):
        written = steps if codebook else [without_themes(item) for item in steps]
        tree.interview(
            key,
            persona=persona,
            journey=journey,
            steps=written,
            date=f"2026-02-{day:02d}",
            consent=key != WITHHELD,
        )


def without_themes(step: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in step.items() if name != "themes"}


# --- the expected figures, from the YAML ---------------------------------------------------


def interviews_of(content: Path) -> dict[str, dict[str, Any]]:
    found = {}
    for path in sorted((content / "interviews").glob("*.md")):
        front = path.read_text(encoding="utf-8").split("---\n")[1]
        found[path.stem] = yaml.safe_load(front)
    return found


def themes_of(step: dict[str, Any]) -> list[str]:
    return list(dict.fromkeys(step.get("themes", [])))


def ranked(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def expected_stage_themes(content: Path, journey: str) -> dict[str, list[tuple[str, int]]]:
    """Stage id -> (theme, interviews with a step there tagged with it), most first."""
    per_stage: dict[str, Counter[str]] = {stage: Counter() for stage in JOURNEYS[journey]}
    for interview in interviews_of(content).values():
        if interview["journey"] != journey:
            continue
        for stage, counts in per_stage.items():
            counts.update(
                {t for s in interview["steps"] if s["stage"] == stage for t in themes_of(s)}
            )
    return {stage: ranked(counts) for stage, counts in per_stage.items()}


def expected_persona_themes(content: Path, persona: str) -> list[tuple[str, int]]:
    counts: Counter[str] = Counter()
    for interview in interviews_of(content).values():
        if interview["persona"] == persona:
            counts.update({t for s in interview["steps"] for t in themes_of(s)})
    return ranked(counts)[:PERSONA_THEMES]


def expected_painful(content: Path, journey: str) -> dict[str, Any]:
    """The theme of ``journey`` whose moments have the lowest mean, of those carried by
    SMALL_SAMPLE or more of its interviews; the mean of every step at the same stages."""
    interviews = [i for i in interviews_of(content).values() if i["journey"] == journey]
    candidates = []
    for slug in sorted(THEMES):
        moments = [s for i in interviews for s in i["steps"] if slug in s.get("themes", [])]
        carrying = [i for i in interviews if any(slug in s.get("themes", []) for s in i["steps"])]
        if len(carrying) >= SMALL_SAMPLE:
            stages = {s["stage"] for s in moments}
            context = [s["score"] for i in interviews for s in i["steps"] if s["stage"] in stages]
            mean = statistics.fmean(s["score"] for s in moments)
            candidates.append((mean, slug, len(moments), len(carrying), context))
    mean, slug, moments_n, interviews_n, context = min(candidates)
    return {
        "slug": slug,
        "mean": mean,
        "moments": moments_n,
        "interviews": interviews_n,
        "context_mean": statistics.fmean(context),
        "context_n": len(context),
    }


def shown(value: float) -> str:
    """One decimal, half up, as the site shows a mean."""
    return str(Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def expected_step_themes(content: Path, journey: str) -> dict[tuple[str, str, str], list[str]]:
    """(interview, stage, expected) -> the step's themes, for each step with an expectation
    of a consenting interview of ``journey``: the rows of its expectations table."""
    return {
        (key, s["stage"], s.get("expected")): themes_of(s)
        for key, interview in interviews_of(content).items()
        if interview["journey"] == journey and interview["consent"]
        for s in interview["steps"]
        if any(field in s for field in ("expected", "actual", "realistic"))
    }


# --- the built site ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The content folder and the site built from it (mkdocs build --strict)."""
    project = tmp_path_factory.mktemp("themes-on-pages")
    write_study(project / "content")
    write_site(project)
    return project / "content", build(project)


def page(site: Path, folder: str, slug: str) -> str:
    return (site / folder / slug / "index.html").read_text(encoding="utf-8")


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def theme_links(fragment: str, count: str) -> list[tuple[str, int]]:
    """The themes linked in ``fragment``, each with the number ``count`` (a pattern) after
    it, checking each link goes to the theme's page with the theme's name."""
    found = []
    for slug, name, n in re.findall(
        r'<a href="\.\./\.\./themes/([a-z-]+)/">([^<]+)</a> ' + count, fragment
    ):
        assert html.unescape(name) == THEMES[slug]
        found.append((slug, int(n)))
    return found


def stage_cell(page_html: str, stage: str) -> str:
    found = re.search(
        rf'<div class="jr-cell jr-row-themes" id="stage-{stage}-themes">(.*?)</div>',
        page_html,
        re.DOTALL,
    )
    assert found, f"no themes at stage {stage}"
    return found[1]


@pytest.mark.parametrize("journey", sorted(JOURNEYS))
def test_each_stage_lists_its_themes_with_their_interviews(
    built: tuple[Path, Path], journey: str
) -> None:
    content, site = built
    page_html = page(site, "journeys", journey)
    expected = expected_stage_themes(content, journey)
    assert any(len(themes) > THEMES_SHOWN for themes in expected.values())
    count = r'<span class="jr-count"[^>]*><span aria-hidden="true">\((\d+)\)</span>'
    for stage, themes in expected.items():
        shown, _, folded = stage_cell(page_html, stage).partition("<details")
        assert theme_links(shown, count) == themes[:THEMES_SHOWN], stage
        assert theme_links(folded, count) == themes[THEMES_SHOWN:], stage
        if len(themes) > THEMES_SHOWN:
            assert f"+{len(themes) - THEMES_SHOWN} more" in text_of(folded)
    assert text_of(page_html).count("Themes interviews with a moment tagged with it") == 1


@pytest.mark.parametrize("persona", ["eva", "bob", "cas"])
def test_a_persona_page_names_its_most_frequent_themes(
    built: tuple[Path, Path], persona: str
) -> None:
    content, site = built
    found = re.search(
        r"<dt>Themes that come up most</dt><dd>(.*?)</dd>", page(site, "personas", persona)
    )
    assert found, "no themes on the persona page"
    count = r'<span class="jr-n">\((\d+) interviews?\)</span>'
    assert theme_links(found[1], count) == expected_persona_themes(content, persona)
    if persona == "bob":  # six themes: the five in the most interviews
        assert len(expected_persona_themes(content, persona)) == PERSONA_THEMES


@pytest.mark.parametrize("journey", sorted(JOURNEYS))
def test_the_findings_name_the_most_painful_theme(built: tuple[Path, Path], journey: str) -> None:
    """On the repair journey Price's moments have a lower mean, but only two interviews
    carry it: too few to name it."""
    content, site = built
    expected = expected_painful(content, journey)
    if journey == "repair":
        interviews = [i for i in interviews_of(content).values() if i["journey"] == journey]
        price = [s["score"] for i in interviews for s in i["steps"] if "price" in s["themes"]]
        assert statistics.fmean(price) < expected["mean"] and expected["slug"] != "price"
    found = re.search(r'<li class="jr-finding--theme">(.*?)</li>', page(site, "journeys", journey))
    assert found, "no theme in the findings"
    name = THEMES[expected["slug"]]
    assert f'<a href="../../themes/{expected["slug"]}/">{name}</a>' in found[1]
    interviews = f"{expected['interviews']} interviews"
    assert text_of(found[1]) == (
        f"Of the themes, {name} hurts most: its moments have a mean grade of "
        f"{shown(expected['mean'])} (n={expected['moments']} moments, in {interviews}), "
        f"against {shown(expected['context_mean'])} (n={expected['context_n']}) for every "
        "step at the same stages."
    )


def test_the_top_opportunities_leave_out_done_and_dropped_ones(built: tuple[Path, Path]) -> None:
    _, site = built
    found = re.search(
        r'<li class="jr-finding--opportunities">(.*?)</li>', page(site, "journeys", "repair")
    )
    assert found
    open_ones = [
        (item["title"], len(evidence))
        for item, evidence in zip(OPPORTUNITIES, EVIDENCE)
        if item.get("status") not in ("done", "dropped")
    ]
    top = sorted(open_ones, key=lambda item: -item[1])[:2]
    titles = re.findall(r'<a href="#opportunity-\d+">([^<]+)</a>', found[1])
    assert titles == [title for title, _ in top]


def test_the_downloads_give_each_steps_themes(built: tuple[Path, Path]) -> None:
    content, site = built
    expected = expected_step_themes(content, "repair")
    data = json.loads((site / "journeys" / "repair.json").read_text(encoding="utf-8"))
    rows = {
        (row["interview"], row["stage"], row["expected"]): row["themes"]
        for row in data["expectations"]
    }
    assert rows == expected
    stages = expected_stage_themes(content, "repair")
    assert {
        stage["id"]: [(item["theme"], item["interviews"]) for item in stage["themes"]]
        for stage in data["stages"]
    } == stages
    table = list(
        csv.DictReader(
            io.StringIO((site / "journeys" / "repair-expectations.csv").read_text(encoding="utf-8"))
        )
    )
    cells = {(row["interview"], row["Expected"]): row["Themes"] for row in table}
    assert cells == {
        (key, written): "; ".join(THEMES[slug] for slug in themes)
        for (key, _, written), themes in expected.items()
    }


def test_a_study_without_a_codebook_has_no_themes_anywhere(tmp_path: Path) -> None:
    write_study(tmp_path / "content", codebook=False)
    study = load_study(tmp_path / "content", tmp_path)
    assert not study.has_errors, study.diagnostics
    site = kinds.renderer(study, Labels.for_language("en"), url_resolver(True))
    files = {file.src_uri: file.content for file in kinds.site_files(site)}
    assert not any(uri.startswith("themes/") for uri in files)
    for uri in ("journeys/repair.md", "personas/bob.md", "journeys/repair.json"):
        text = str(files[uri])
        assert "jr-row-themes" not in text and "Themes" not in text, uri
        assert '"themes"' not in text and "themes/" not in text, uri
    findings = str(files["journeys/repair.md"])
    assert "jr-finding--theme" not in findings
    header = str(files["journeys/repair-expectations.csv"]).splitlines()[0]
    assert "Themes" not in header and header.endswith(",interview")
