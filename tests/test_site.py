"""The research site, built for real with `mkdocs build --strict` from a study with known
numbers."""

from __future__ import annotations

import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from contentkit import ContentTree, build, write_site

SECRET_GOAL = "Rescue the zeppelin telemetry archive"
SECRET_QUOTE = "Nobody believed the pigeon theory"
PARTICIPANT = {
    "name": "Gijsbert Holtkamp",
    "email": "g.holtkamp@example.nl",
    "phone": "+31 6 98765432",
}


def known_study(tree: ContentTree) -> None:
    """Stage means: notice 4.0, report 6.0, wait 8.0 (n=3 each)."""
    tree.persona("eva", name="Eva, the early adopter")
    tree.persona("bob", name="Bob, the sceptic")
    tree.journey(
        "repair",
        stages=("notice", "report", "wait"),
        touchpoints=[
            {"id": "phone", "name": "Service desk phone"},
            {"id": "portal", "name": "Self-service portal"},
        ],
        opportunities=[
            {
                "title": "Loan laptop on day one",
                "stage": "wait",
                "evidence": ["a-01", "a-02"],
                "owner": "IT desk",
            }
        ],
    )
    tree.interview(
        "a-01",
        persona="eva",
        date="2026-01-10",
        nps=9,
        overall_score=5,
        participant=PARTICIPANT,
        attributes={"experience": "starter"},
        follow_up={"will": ["Share the journey map"], "wont": ["Replace the ticket system"]},
        steps=[
            {
                "stage": "notice",
                "action": "Saw the error",
                "score": 2,
                "expected": "A reply",
                "actual": "Silence",
                "accepted": True,
                "quote": "It always does that",
            },
            {
                "stage": "report",
                "action": "Called the desk",
                "score": 4,
                "touchpoint": "phone",
                "peak": True,
            },
            {
                "stage": "wait",
                "action": "Waited for the courier",
                "score": 6,
                "expected": "1 day",
                "actual": "3 days",
                "realistic": "2 days",
            },
        ],
    )
    tree.interview(
        "a-02",
        persona="eva",
        date="2026-02-10",
        nps=10,
        overall_score=8,
        attributes={"experience": "experienced"},
        steps=[
            {
                "stage": "notice",
                "action": "Noticed it was slow",
                "score": 4,
                "touchpoint": "a friend in IT",
            },
            {"stage": "report", "action": "Logged a ticket", "score": 6, "touchpoint": "phone"},
            {
                "stage": "wait",
                "action": "Waited for parts",
                "score": 8,
                "expected": "1 week",
                "actual": "3 weeks",
                "peak": True,
            },
        ],
    )
    tree.interview(
        "b-01",
        persona="bob",
        date="2026-03-10",
        consent=False,
        nps=3,
        overall_score=9,
        goal=SECRET_GOAL,
        participant={"name": "Hanneke Zijlstra-Veldkamp", "email": "hanneke@example.org"},
        body="Notes that must never be published: the pigeon theory.",
        steps=[
            {
                "stage": "notice",
                "action": "Asked the neighbour",
                "score": 6,
                "touchpoint": "colleague",
                "quote": SECRET_QUOTE,
            },
            {"stage": "report", "action": "Emailed the desk", "score": 8},
            {
                "stage": "wait",
                "action": "Went to the pub",
                "score": 10,
                "expected": "1 hour",
                "actual": "1 month",
            },
        ],
    )


@pytest.fixture(scope="module", params=[True, False], ids=["directory-urls", "file-urls"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("site")
    known_study(ContentTree(project / "content"))
    write_site(project, extra_config={"use_directory_urls": request.param})
    return build(project)


def page(site: Path, path: str) -> str:
    """A generated page's HTML, whichever URL style the site uses."""
    for candidate in (site / path / "index.html", site / f"{path}.html"):
        if candidate.exists():
            return candidate.read_text(encoding="utf-8")
    raise AssertionError(f"no page for {path} in {site}")


def page_file(site: Path, path: str) -> Path:
    for candidate in (site / path / "index.html", site / f"{path}.html"):
        if candidate.exists():
            return candidate
    raise AssertionError(path)


def text(html: str) -> str:
    """The visible text, whitespace folded; inline tags do not split words."""
    inline = re.sub(r"</?(a|span|strong|em|q|abbr)\b[^>]*>", "", html)
    return " ".join(re.sub(r"<[^>]+>", " ", inline).split())


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if (
                name in {"href", "src"}
                and value
                and not value.startswith(("http", "#", "mailto:", "data:"))
            ):
                self.urls.append(value)


def resolves(site: Path, page: Path, url: str) -> bool:
    target = posixpath.normpath(
        posixpath.join(page.parent.relative_to(site).as_posix(), url.split("#")[0])
    )
    path = site / target
    return path.is_file() or (path / "index.html").is_file()


def test_stage_statistics_with_n(site: Path) -> None:
    html = page(site, "journeys/repair")
    for stage, mean in (("Notice", "4.0"), ("Report", "6.0"), ("Wait", "8.0")):
        assert re.search(rf'<th scope="row">{stage}</th><td>3</td><td>{mean}</td>', html), stage
    assert 'Mean <span class="jr-mean">4.0</span> <span class="jr-n">(n=3)</span>' in html


def test_journey_header_counts_every_interview(site: Path) -> None:
    facts = text(page(site, "journeys/repair"))
    assert "Interviews 3" in facts
    assert "10 January 2026 to 10 March 2026" in facts


def test_emotion_graph_alt_text_names_lowest_and_highest_stage(site: Path) -> None:
    html = page(site, "journeys/repair")
    alt = re.search(r'<img src="([^"]+emotion\.svg)" alt="([^"]+)"', html)
    assert alt is not None
    assert "Lowest: Notice (mean 4.0, n=3)" in alt.group(2)
    assert "Highest: Wait (mean 8.0, n=3)" in alt.group(2)


def test_charts_exist_and_every_link_resolves(site: Path) -> None:
    for path in (
        "journeys/repair",
        "personas/eva",
        "interviews/a-01",
        "research",
        "interviews",
        "personas",
        "journeys",
        "research/signals",
    ):
        file = page_file(site, path)
        parser = Links()
        parser.feed(file.read_text(encoding="utf-8"))
        broken = [url for url in parser.urls if not resolves(site, file, url)]
        assert not broken, f"{path}: {broken}"
    svg = site / "journeys" / "repair-emotion.svg"
    assert svg.read_bytes().lstrip().startswith((b"<?xml", b"<svg"))


def test_expectation_rows_biggest_duration_gap_first(site: Path) -> None:
    html = page(site, "journeys/repair")
    table = html[html.index('class="jr-expectations"') :]
    rows = re.findall(r"<tr><td>(.*?)</tr>", table)
    gaps = [text(row) for row in rows]
    assert "+2 weeks" in gaps[0] and "a-02" in gaps[0]
    assert "+2 days" in gaps[1] and "a-01" in gaps[1] and "+1 day" in gaps[1]
    assert "Silence" in gaps[2]  # text-only rows follow, in stage order
    assert len(rows) == 3  # the non-consenting interview's step has no row


def test_shortfall_per_stage_counts_every_interview(site: Path) -> None:
    body = text(page(site, "journeys/repair"))
    assert "Wait: Fell short of expectations for 3 of 3 interviews, better" in body
    assert "Notice: 1 interview with an expectation not rated" in body  # "A reply" -> "Silence"


def test_discovered_touchpoint_is_marked(site: Path) -> None:
    html = page(site, "research")
    assert re.search(
        (
            r"a friend in IT <span class=\"jr-count\">×1</span> "
            r"<span class=\"jr-badge\"[^>]*>discovered"
        ),
        html,
    )
    assert re.search(
        r"Self-service portal <span class=\"jr-count\">×0</span> <span[^>]*>never mentioned", html
    )
    assert re.search(r"Service desk phone <span class=\"jr-count\">×2</span></li>", html)


def test_a_touchpoint_in_words_of_a_non_consenting_interview_is_counted_unnamed(site: Path) -> None:
    """b-01 (no consent) names a touchpoint outside the inventory ("colleague"): its words."""
    for path in ("research", "journeys/repair", "personas/bob"):
        html = page(site, path)
        assert re.search(
            r"Other touchpoints, not named <span class=\"jr-count\">×1</span>", html
        ), path
    for output in site.rglob("*"):
        if output.is_file() and output.suffix in (".html", ".json", ".csv", ".xml"):
            assert "colleague" not in output.read_text(encoding="utf-8"), output
    journey = json.loads((site / "journeys" / "repair.json").read_text(encoding="utf-8"))
    notice = journey["stages"][0]["touchpoints"]
    assert {
        "id": None,
        "name": None,
        "mentions": 1,
        "inventoried": False,
        "unnamed": True,
    } in notice


def test_coverage_cells_flag_thin_evidence(site: Path) -> None:
    html = page(site, "research")
    cells = re.findall(r'data-count="(\d+)">(.*?)</td>', html)
    assert [count for count, _ in cells] == ["1", "2"]  # bob, eva (sorted by slug) x repair
    assert all("add interviews" in cell for _, cell in cells)


def test_fragile_promoters(site: Path) -> None:
    html = page(site, "research")
    table = html[
        html.index('class="jr-fragile"') : html.index("</table>", html.index('class="jr-fragile"'))
    ]
    assert "a-01" in table  # NPS 9, accepted an item, lowest step 2
    assert "a-02" in table  # NPS 10, lowest step 4
    assert "b-01" not in table  # NPS 3


def test_signals_compare_mean_and_peak_end(site: Path) -> None:
    body = text(page(site, "research/signals"))
    # a-01: overall 5, mean step 4.0, peak-end (4+6)/2 = 5.0
    assert re.search(r"a-01 Eva, the early adopter 5 4\.0 5\.0", body)


def test_opportunity_lists_its_evidence(site: Path) -> None:
    body = text(page(site, "journeys/repair"))
    assert "Loan laptop on day one" in body
    assert "Backed by 2 interviews: a-01, a-02" in body


def test_follow_up_commitments_are_listed(site: Path) -> None:
    body = text(page(site, "research"))
    assert "We will Share the journey map a-01" in body
    assert "We will not Replace the ticket system a-01" in body


def test_non_consenting_interview_page_is_withheld_but_counts(site: Path) -> None:
    body = text(page(site, "interviews/b-01"))
    assert "did not consent" in body
    assert "Overall score 9" in body


def test_interview_pages_are_not_in_the_nav(site: Path) -> None:
    html = page(site, "journeys/repair")
    start = html.index('class="md-nav md-nav--primary"')
    nav = html[start : html.index('<div class="md-content"', start)]
    assert "a-01" not in nav
    assert re.search(r">\s*Interviews\s*<", nav)


def test_nothing_private_reaches_any_output_file(site: Path) -> None:
    secrets = [
        *PARTICIPANT.values(),
        "Hanneke Zijlstra-Veldkamp",
        "hanneke@example.org",
        SECRET_GOAL,
        SECRET_QUOTE,
        "pigeon theory",
        "Asked the neighbour",
        "Went to the pub",
    ]
    for file in site.rglob("*"):
        if file.is_file() and file.suffix != ".gz":
            content = file.read_bytes().decode("utf-8", errors="replace")
            for secret in secrets:
                assert secret not in content, f"{secret!r} in {file.relative_to(site)}"


def test_search_index_contains_generated_pages(site: Path) -> None:
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "It always does that" in index  # a quote, on the journey page
    assert "Loan laptop on day one" in index  # an opportunity


def test_journey_export_holds_the_figures_and_no_private_field(site: Path) -> None:
    import json

    data = json.loads((site / "journeys" / "repair.json").read_text(encoding="utf-8"))
    assert [(s["id"], s["scores"]["n"], s["scores"]["mean"]) for s in data["stages"]] == [
        ("notice", 3, 4.0),
        ("report", 3, 6.0),
        ("wait", 3, 8.0),
    ]
    assert [row["interview"] for row in data["expectations"]] == ["a-02", "a-01", "a-01"]
    assert data["expectations"][0]["gap_vs_expected"] == {
        "sign": 1,
        "amount": 2.0,
        "unit": "week",
        "seconds": 14 * 24 * 3600,  # 3 weeks - 1 week, exactly
    }
    assert "participant" not in json.dumps(data)
    csv_lines = (site / "journeys" / "repair-stages.csv").read_text(encoding="utf-8").splitlines()
    assert csv_lines[1] == "repair,notice,Notice,3,4.0,2.0,6.0,false"  # full precision


def test_persona_export_counts_its_interviews(site: Path) -> None:
    import json

    data = json.loads((site / "personas" / "eva.json").read_text(encoding="utf-8"))
    assert data["interviews"] == 2
    assert data["overall_score"]["mean"] == 6.5
    assert data["nps"] == {"score": 100, "n": 2, "small_sample": True}
    assert PARTICIPANT["email"] not in json.dumps(data) and PARTICIPANT["name"] not in json.dumps(
        data
    )
