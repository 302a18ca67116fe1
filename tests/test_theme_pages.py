"""Theme pages and the themes index (issue 21): every figure equals a recomputation from the
fixture's YAML in plain Python; the words of non-consenting interviews reach no file.

One real ``mkdocs build --strict`` (module fixture); the rest renders in process.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml

from contentkit import ContentTree, build, write_site
from journeys.analysis import themes as analysis
from journeys.analysis.aggregate import SMALL_SAMPLE
from journeys.content.loading import load_study
from journeys.mkdocs.plugin import url_resolver
from journeys.privacy import guard
from journeys.site import kinds
from journeys.site.data import site_data
from journeys.site.labels import Labels

SECRET_QUOTES = (
    "The courier never once told me where my laptop had gone to",
    "A surcharge for paper invoices appeared that nobody mentioned before",
)
"""Quotes of non-consenting interviews, each at a tagged step."""
DESCRIPTION_SAID_BY_A_PARTICIPANT = (
    "Forms and proofs asked again and again before anything could happen."
)
"""The paperwork theme's description, which a non-consenting participant also said: published
as the team's words, it is no leak."""

REPAIR = ("notice", "report", "wait", "return")
BILLING = ("invoice", "pay", "dispute")


def step(stage: str, score: float, *themes: str, **fields: Any) -> dict[str, Any]:
    return {"stage": stage, "action": f"Did {stage}", "score": score, "themes": list(themes)} | {
        key: value for key, value in fields.items()
    }


INTERVIEWS: dict[str, dict[str, Any]] = {
    "r-01": {
        "persona": "eva",
        "journey": "repair",
        "steps": [
            step("notice", 6),
            step("report", 4, "not-informed", quote="Nobody called me back after I reported it"),
            step("wait", 3, "not-informed", "waiting", accepted=True),
            step("return", 7, "friendly-staff"),
        ],
    },
    "r-02": {
        "persona": "bob",
        "journey": "repair",
        "steps": [
            step("notice", 5),
            step("report", 5, "paperwork"),
            step("wait", 2, "waiting", quote="Two weeks without a laptop"),
            step("wait", 4.5, "not-informed"),
            step("return", 8, "friendly-staff"),
        ],
    },
    "r-03": {
        "persona": "ana",
        "journey": "repair",
        "consent": False,
        "steps": [
            step("notice", 4, "not-informed"),
            step("report", 6),
            step("wait", 3, "not-informed", quote=SECRET_QUOTES[0], accepted=True),
            step("return", 6),
        ],
    },
    "r-04": {
        "persona": "eva",
        "journey": "repair",
        "steps": [
            step("notice", 7),
            step("report", 6, "paperwork", accepted=True),
            step("wait", 5, "waiting"),
            step("return", 9, "friendly-staff", quote="The technician explained it kindly"),
        ],
    },
    "r-05": {
        "persona": "bob",
        "journey": "repair",
        "consent": False,
        "steps": [
            step("notice", 5),
            step("report", 3, "paperwork", "not-informed", why=DESCRIPTION_SAID_BY_A_PARTICIPANT),
            step("wait", 4),
            step("return", 5),
        ],
    },
    "b-01": {
        "persona": "eva",
        "journey": "billing",
        "steps": [
            step("invoice", 6, "hidden-costs", quote="There was a fee I had never heard of"),
            step("pay", 5),
            step("dispute", 3, "not-informed", "hidden-costs"),
        ],
    },
    "b-02": {
        "persona": "ana",
        "journey": "billing",
        "steps": [
            step("invoice", 4, "hidden-costs", accepted=True),
            step("pay", 7),
            step("dispute", 2.5, "not-informed"),
        ],
    },
    "b-03": {
        "persona": "bob",
        "journey": "billing",
        "consent": False,
        "steps": [
            step("invoice", 5, "hidden-costs", quote=SECRET_QUOTES[1]),
            step("pay", 6, "paperwork"),
            step("dispute", 4),
        ],
    },
    "b-04": {
        "persona": "ana",
        "journey": "billing",
        "steps": [
            step("invoice", 8),
            step("pay", 1.5, "slow-refund"),
            step("dispute", 5, "waiting"),
        ],
    },
}
THEMES = {
    "not-informed": "Moments where the participant did not know what was happening.",
    "waiting": "Time spent waiting without being able to do anything.",
    "paperwork": DESCRIPTION_SAID_BY_A_PARTICIPANT,
    "friendly-staff": "People of the service who made a difference.",
    "hidden-costs": "Costs that nobody mentioned before they were charged.",
    "slow-refund": "Money owed back that took long to arrive.",
}


def write_study(root: Path) -> Path:
    tree = ContentTree(root)
    for persona in ("eva", "bob", "ana", "zed"):
        tree.persona(persona)
    tree.journey(
        "repair",
        stages=REPAIR,
        opportunities=[
            {
                "title": "Text updates while waiting",
                "stage": "wait",
                "owner": "Service desk",
                "evidence": ["r-01", "r-02"],
                "themes": ["not-informed", "waiting"],
            },
            {"title": "A loan laptop", "stage": "wait", "evidence": ["r-02"]},
        ],
    )
    tree.journey(
        "billing",
        stages=BILLING,
        opportunities=[
            {
                "title": "Show every fee up front",
                "stage": "invoice",
                "evidence": ["b-01"],
                "themes": ["hidden-costs"],
            }
        ],
    )
    for slug, description in THEMES.items():
        tree.theme(slug, description=description, body=f"What counts as {slug}: an example.")
    for day, (key, fields) in enumerate(INTERVIEWS.items(), start=1):
        tree.interview(key, date=f"2026-02-{day:02d}", **fields)
    return root


# --- the expected figures, from the fixture's files ---------------------------------------------


def front_matter(path: Path) -> dict[str, Any]:
    _, front, _ = path.read_text(encoding="utf-8").split("---\n", 2)
    data: dict[str, Any] = yaml.safe_load(front)
    return data


@dataclass(frozen=True)
class Expected:
    interviews: int
    interviews_total: int
    personas: int
    personas_total: int
    moments: int
    mean: Fraction
    context: Fraction
    context_steps: int
    accepted: int
    by_stage: dict[tuple[str, str], int]


def expected_figures(content: Path) -> dict[str, Expected]:
    interviews = [front_matter(p) for p in sorted((content / "interviews").glob("*.md"))]
    personas = list((content / "personas").glob("*.md"))
    result = {}
    for path in sorted((content / "themes").glob("*.md")):
        slug = path.stem
        tagged = [
            (interview, s)
            for interview in interviews
            for s in interview["steps"]
            if slug in s.get("themes", [])
        ]
        keys = {id(interview) for interview, _ in tagged}
        carrying = [interview for interview in interviews if id(interview) in keys]
        pairs = {(interview["journey"], s["stage"]) for interview, s in tagged}
        context = [
            Fraction(str(s["score"]))
            for interview in interviews
            for s in interview["steps"]
            if (interview["journey"], s["stage"]) in pairs
        ]
        by_stage = {
            pair: sum(
                any(
                    (i["journey"], s["stage"]) == pair and slug in s.get("themes", [])
                    for s in i["steps"]
                )
                for i in interviews
            )
            for pair in pairs
        }
        result[slug] = Expected(
            interviews=len(carrying),
            interviews_total=len(interviews),
            personas=len({interview["persona"] for interview in carrying}),
            personas_total=len(personas),
            moments=len(tagged),
            mean=sum(Fraction(str(s["score"])) for _, s in tagged) / len(tagged),
            context=sum(context) / len(context),
            context_steps=len(context),
            accepted=sum(
                any(s.get("accepted") and slug in s.get("themes", []) for s in i["steps"])
                for i in carrying
            ),
            by_stage=by_stage,
        )
    return result


def one_decimal(value: Fraction) -> str:
    """Rounded half up to one decimal, as the site prints numbers."""
    tenths = (value * 10 + Fraction(1, 2)).__floor__()
    return f"{tenths // 10}.{tenths % 10}"


# --- fixtures --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_study(tmp_path_factory.mktemp("themes") / "content")


@pytest.fixture(scope="module")
def expected(content: Path) -> dict[str, Expected]:
    found = expected_figures(content)
    assert len(found) >= 5 and all(e.interviews for e in found.values())
    assert {journey for e in found.values() for journey, _ in e.by_stage} == {"repair", "billing"}
    return found


@pytest.fixture(scope="module")
def site(content: Path) -> Path:
    project = content.parent
    write_site(project, content)
    return build(project)


def page_text(site: Path, uri: str) -> str:
    page = (site / uri / "index.html").read_text(encoding="utf-8")
    article = page[page.index("<article") : page.index("</article>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", article)).split())


def built_files(site: Path) -> Iterator[tuple[Path, str]]:
    for path in site.rglob("*"):
        if path.is_file():
            yield path, path.read_bytes().decode("utf-8", errors="replace")


# --- the figures -------------------------------------------------------------------------------


def test_theme_figures_equal_a_recomputation_from_the_yaml(
    content: Path, expected: dict[str, Expected]
) -> None:
    study = load_study(content, content.parent)
    assert not study.has_errors, study.diagnostics
    data = site_data(study)
    figures = analysis.theme_figures(
        list(expected), data.facts, personas=study.personas, journeys=study.journeys.values()
    )
    assert [f.slug for f in figures] == list(expected)
    for f in figures:
        e = expected[f.slug]
        assert (f.interviews, f.interviews_total) == (e.interviews, e.interviews_total), f.slug
        assert (f.personas, f.personas_total) == (e.personas, e.personas_total), f.slug
        assert (f.moments, f.accepted, f.context_steps) == (
            e.moments,
            e.accepted,
            e.context_steps,
        ), f.slug
        assert f.mean_score == pytest.approx(float(e.mean)), f.slug
        assert f.context_mean == pytest.approx(float(e.context)), f.slug
        assert {(c.journey, c.stage): c.interviews for c in f.by_stage} == e.by_stage, f.slug
        assert f.small == (e.interviews < SMALL_SAMPLE)
    # by_stage in journey then stage order
    not_informed = next(f for f in figures if f.slug == "not-informed")
    order = [(c.journey, c.stage) for c in not_informed.by_stage]
    stage_order = {"repair": REPAIR, "billing": BILLING}
    journey_order = [slug for slug in study.journeys]
    assert order == sorted(
        order, key=lambda p: (journey_order.index(p[0]), stage_order[p[0]].index(p[1]))
    )


def test_stage_and_persona_themes_and_the_most_painful(content: Path) -> None:
    study = load_study(content, content.parent)
    facts = site_data(study).facts
    interviews = [front_matter(p) for p in sorted((content / "interviews").glob("*.md"))]

    def ranked(counts: dict[str, int]) -> list[tuple[str, int]]:
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    for stage in REPAIR:
        counts: dict[str, int] = {}
        for interview in (i for i in interviews if i["journey"] == "repair"):
            for slug in {t for s in interview["steps"] if s["stage"] == stage for t in s["themes"]}:
                counts[slug] = counts.get(slug, 0) + 1
        assert analysis.stage_themes("repair", facts).get(stage, []) == ranked(counts), stage
    counts = {}
    for interview in (i for i in interviews if i["persona"] == "bob"):
        for slug in {t for s in interview["steps"] for t in s["themes"]}:
            counts[slug] = counts.get(slug, 0) + 1
    assert analysis.persona_themes("bob", facts) == ranked(counts)
    assert analysis.persona_themes("zed", facts) == []

    figures = analysis.theme_figures(sorted(THEMES), facts)
    means = {
        slug: sum(
            Fraction(str(s["score"])) for i in interviews for s in i["steps"] if slug in s["themes"]
        )
        / sum(slug in s["themes"] for i in interviews for s in i["steps"])
        for slug in THEMES
    }
    carried = {
        slug: sum(any(slug in s["themes"] for s in i["steps"]) for i in interviews)
        for slug in THEMES
    }
    painful = min((s for s in THEMES if carried[s] >= SMALL_SAMPLE), key=lambda s: means[s])
    # the lowest mean of all is a small sample's: not the most painful
    assert carried["slow-refund"] < SMALL_SAMPLE and means["slow-refund"] < means[painful]
    found = analysis.most_painful(figures)
    assert found is not None and found.slug == painful
    assert analysis.most_painful([f for f in figures if f.small]) is None


# --- the built pages ----------------------------------------------------------------------------


def test_every_theme_page_shows_its_figures(site: Path, expected: dict[str, Expected]) -> None:
    for slug, e in expected.items():
        text = page_text(site, f"themes/{slug}")
        assert f"Reach {e.interviews} of {e.interviews_total} interviews" in text, slug
        assert f"Personas {e.personas} of {e.personas_total} personas" in text, slug
        assert (
            f"mean score {one_decimal(e.mean)} (n={e.moments}), against "
            f"{one_decimal(e.context)} for every moment at the same stages "
            f"(n={e.context_steps})"
        ) in text, slug
        assert f"Accepted as normal {e.accepted} of {e.interviews} interviews" in text, slug
        assert ("small sample" in text.split("Personas")[0]) == (e.interviews < SMALL_SAMPLE)
        assert THEMES[slug] in text and f"What counts as {slug}: an example." in text
        page = (site / "themes" / slug / "index.html").read_text(encoding="utf-8")
        rows = re.findall(
            r'<tr><td><a href="\.\./\.\./journeys/([a-z-]+)/#stage-([a-z-]+)">[^<]*</a></td>'
            r"<td>(\d+)</td></tr>",
            page,
        )
        assert {(j, s): int(n) for j, s, n in rows} == e.by_stage, slug


def test_the_quotes_of_consenting_interviews_and_a_count_of_the_others(site: Path) -> None:
    text = page_text(site, "themes/not-informed")
    assert "Nobody called me back after I reported it" in text
    withheld = [
        (key, s)
        for key, i in INTERVIEWS.items()
        if i.get("consent") is False
        for s in i["steps"]
        if "not-informed" in s["themes"]
    ]
    interviews = len({key for key, _ in withheld})
    assert f"+{len(withheld)} moments from {interviews} interviews whose words are not" in text
    opportunities = page_text(site, "themes/not-informed").split("Opportunities that address it")[1]
    assert "Text updates while waiting Laptop" not in opportunities
    assert "Text updates while waiting Repair Wait Service desk" in opportunities
    assert "A loan laptop" not in opportunities


def test_the_index_ranks_by_reach_and_by_pain(site: Path, expected: dict[str, Expected]) -> None:
    page = (site / "themes" / "index.html").read_text(encoding="utf-8")
    reach_table = page[page.index("jr-themes-reach") : page.index("jr-themes-pain")]
    pain_table = page[page.index("jr-themes-pain") :]
    link = r'<a href="\.\./themes/([a-z-]+)/">|<a href="([a-z-]+)/">'
    reach = [a or b for a, b in re.findall(link, reach_table)]
    pain = [a or b for a, b in re.findall(link, pain_table)]
    assert reach == sorted(expected, key=lambda s: (-expected[s].interviews, s))
    assert pain == sorted(
        expected,
        key=lambda s: (expected[s].interviews < SMALL_SAMPLE, expected[s].mean, s),
    )
    assert 'href="themes.csv"' in page
    home = (site / "index.html").read_text(encoding="utf-8")
    nav = re.findall(r'href="(personas|journeys|themes|interviews)/"', home)
    assert nav.index("themes") > nav.index("journeys") and nav.index("themes") < nav.index(
        "interviews"
    )


def test_themes_csv(site: Path, expected: dict[str, Expected]) -> None:
    rows = list(csv.DictReader(io.StringIO((site / "themes" / "themes.csv").read_text())))
    assert [row["theme"] for row in rows] == sorted(expected)
    for row in rows:
        e = expected[row["theme"]]
        assert row["name"] == row["theme"].replace("-", " ").capitalize()
        assert (int(row["interviews"]), int(row["personas"]), int(row["moments"])) == (
            e.interviews,
            e.personas,
            e.moments,
        )
        assert float(row["mean_score"]) == pytest.approx(float(e.mean))
        assert float(row["context_mean"]) == pytest.approx(float(e.context))
        assert int(row["accepted_as_normal"]) == e.accepted


# --- privacy --------------------------------------------------------------------------------


def test_no_quote_of_a_non_consenting_interview_is_in_any_built_file(site: Path) -> None:
    assert (site / "themes" / "hidden-costs" / "index.html").is_file()
    files = list(built_files(site))
    assert len(files) > 20
    for path, text in files:
        for quote in SECRET_QUOTES:
            assert quote.casefold() not in text.casefold(), path
            assert " ".join(quote.split()[2:8]).casefold() not in text.casefold(), path


def test_the_codebook_is_published_on_purpose_for_the_guard(content: Path) -> None:
    """A theme's description that a non-consenting participant also said is the team's words
    on the theme page, not a leak."""
    study = load_study(content, content.parent)

    def watched(themes: Any) -> bool:
        watching = guard.watchlist(
            study.interviews, study.personas.values(), study.journeys.values(), themes=themes
        )
        words = tuple(re.findall(r"\w+", DESCRIPTION_SAID_BY_A_PARTICIPANT.lower()))
        return any(needle.tokens == words for needle in watching.needles)

    assert watched(())
    assert not watched(study.themes.values())


def test_a_study_without_themes_has_no_theme_pages(tmp_path: Path) -> None:
    tree = ContentTree(tmp_path / "content").minimal()
    study = load_study(tree.root, tmp_path)
    site = kinds.renderer(study, Labels.for_language("en"), url_resolver(True))
    uris = [output.src_uri for output in kinds.site_files(site)]
    assert uris and not [uri for uri in uris if uri.startswith("themes/")]
