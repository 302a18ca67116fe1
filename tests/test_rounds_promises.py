"""Research over time on the pages (issue 20): opportunities with a state on the journey page,
promises kept and rounds on the research overview.

Every expected figure is computed here from the fixture's own values (the dicts written as
front matter), never with the plugin's functions. Most checks read the pages as the site
renders them (fast); one real ``mkdocs build --strict`` proves the words of a non-consenting
interview's promise reach no built file.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import statistics
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from contentkit import ContentTree, build, write_site
from journeys.analysis.evidence import Staleness
from journeys.content.loading import load_study
from journeys.site import kinds
from journeys.site.kinds import journeys, research
from journeys.site.labels import Labels
from journeys.site.render import Chart

STAGES = ("notice", "report", "wait")
SMALL = 3
"""Fewer interviews than this on either side: "too few interviews to tell"."""
BUILD_DATE = dt.date(2026, 4, 15)
SOURCE_DATE_EPOCH = str(int(dt.datetime(2026, 4, 15, tzinfo=dt.UTC).timestamp()))
STALE_AFTER_DAYS = 60
PLANTED = "quixotic marmalade"
"""Words of a non-consenting interview's promise: counted, never published."""

ROUNDS = [
    {"id": "before", "name": "Before the loan laptops", "from": "2026-01-05", "to": "2026-02-28"},
    {
        "id": "after",
        "name": "After the loan laptops",
        "from": "2026-03-01",
        "change": "A loan laptop at the desk",
    },
]


def opportunity(title: str, stage: str = "wait", **state: str) -> dict[str, Any]:
    return {"title": title, "stage": stage, "evidence": ["a-01"]} | state


OPPORTUNITIES = [
    opportunity("Idea of low priority", status="idea", priority="low"),
    opportunity("Loan laptops at the desk", status="done", priority="high", round="after"),
    opportunity("Courier pick-up", status="dropped"),
    opportunity("Status texts", status="planned", priority="medium"),
    opportunity("Repair tracker", status="in-progress"),
    opportunity("Same-day swaps", status="planned", priority="high"),
    opportunity("Written without a state"),
    opportunity("Shorter report form", stage="report", status="done", round="after"),
]
STATUS_ORDER = ["in-progress", "planned", "idea", None, "done", "dropped"]
"""The order the docs give; an opportunity without a status sits with the proposals."""
PRIORITY_ORDER = ["high", "medium", "low", None]


def steps(*scores: tuple[str, float]) -> list[dict[str, Any]]:
    return [{"stage": stage, "action": f"Did it at {stage}", "score": s} for stage, s in scores]


def promise(text: str, **fields: str) -> dict[str, str]:
    return {"text": text} | fields


INTERVIEWS: dict[str, dict[str, Any]] = {
    "b-01": {
        "date": "2026-01-12",
        "steps": steps(("notice", 5), ("report", 4), ("wait", 3), ("wait", 4)),  # counted once
    },
    "b-02": {"date": "2026-01-20", "steps": steps(("report", 5), ("wait", 2.5))},
    "b-03": {"date": "2026-02-02", "steps": steps(("report", 6), ("wait", 5))},
    "b-04": {  # no consent: its figures count, its words never show
        "date": "2026-02-10",
        "consent": False,
        "interviewer": f"Interviewer {PLANTED}",
        "steps": steps(("report", 3), ("wait", 4)),
        "follow_up": {
            "will": [promise(f"Tell Ottoline about the {PLANTED}", due="2026-02-20")],
            "wont": [f"Refund the {PLANTED} hours"],
        },
    },
    "a-01": {
        "date": "2026-03-05",
        "interviewer": "Karel",
        "steps": steps(("report", 7), ("wait", 7)),
        "follow_up": {"will": ["Send the journey map when the study is done"]},
    },
    "a-02": {
        "date": "2026-03-10",
        "interviewer": "Ilse",
        "steps": steps(("report", 8), ("wait", 8)),
        "follow_up": {"will": [promise("Call back about the pilot", due="2026-06-30")]},
    },
    "a-03": {
        "date": "2026-03-20",
        "interviewer": "Ilse",
        "steps": steps(("wait", 6.5)),
        "follow_up": {
            "will": [
                promise("Share the repair figures", status="open", due="2026-03-31"),
                promise("Invite her to the workshop", status="done", due="2026-03-25"),
            ],
            "wont": ["Replace her laptop"],
        },
    },
}


def write_study(root: Path) -> Path:
    tree = ContentTree(root / "content")
    tree.persona("eva")
    tree.journey("repair", STAGES, rounds=ROUNDS, opportunities=OPPORTUNITIES)
    for key, fields in INTERVIEWS.items():
        tree.interview(key, **({"consent": True, "overall_score": 6} | fields))
    return root / "content"


# --- what the fixture says, computed from its values --------------------------------------


def round_of(fields: dict[str, Any]) -> str:
    date = dt.date.fromisoformat(fields["date"])
    for item in ROUNDS:
        end = dt.date.fromisoformat(item["to"]) if "to" in item else dt.date.max
        if dt.date.fromisoformat(item["from"]) <= date <= end:
            return str(item["id"])
    raise AssertionError(f"{date} is in no round of the fixture")


def stage_scores(stage: str, rounds: set[str]) -> list[float]:
    """One score per interview of ``rounds`` with a step at ``stage``: its mean there."""
    found = []
    for fields in INTERVIEWS.values():
        scores = [s["score"] for s in fields["steps"] if s["stage"] == stage]
        if scores and round_of(fields) in rounds:
            found.append(statistics.fmean(scores))
    return found


def one_decimal(value: float) -> str:
    """A half away from zero, as the site rounds every number."""
    text = f"{abs(value) + 1e-9:.1f}"
    return f"-{text}" if value < 0 else text


def promises(consent: bool | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
    """(interview key, the `will` item as fields) of the fixture."""
    for key, fields in INTERVIEWS.items():
        if consent is not None and fields.get("consent", True) != consent:
            continue
        for item in fields.get("follow_up", {}).get("will", []):
            yield key, item if isinstance(item, dict) else {"text": item}


def is_open(item: dict[str, Any]) -> bool:
    return bool(item.get("status", "open") == "open")


def is_overdue(item: dict[str, Any], build_date: dt.date = BUILD_DATE) -> bool:
    return is_open(item) and "due" in item and dt.date.fromisoformat(item["due"]) < build_date


# --- the site, as it renders ---------------------------------------------------------------


def site_files(
    root: Path, language: str = "en", build_date: dt.date = BUILD_DATE
) -> dict[str, str]:
    content = write_study(root)
    study = load_study(content, root)
    assert not study.has_errors, study.diagnostics
    site = kinds.renderer(
        study,
        Labels.for_language(language),
        lambda source, target: target,
        staleness=Staleness(build_date, STALE_AFTER_DAYS),
    )
    found = {}
    for output in kinds.site_files(site):
        page = output.content.draw() if isinstance(output.content, Chart) else output.content
        if isinstance(page, str):
            found[output.src_uri] = html.unescape(page)
    return found


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return site_files(tmp_path_factory.mktemp("rounds-promises"))


def text(page: str) -> str:
    return " ".join(re.sub(r"</?[a-zA-Z][^>]*>", " ", page).split())


def lane(page: str, stage: str) -> list[str]:
    """The items of a stage's opportunities lane on the journey map, as text."""
    cell = page.split(f'id="stage-{stage}"', 1)[1].split('class="jr-cell jr-row-opportunities"')[1]
    cell = cell.split("</ul>", 1)[0]
    return [text(item.split(">", 1)[1]) for item in cell.split("<li")[1:]]


# --- 1. opportunities grouped by state ----------------------------------------------------------


def test_opportunities_are_listed_by_status_then_priority(site: dict[str, str]) -> None:
    written = [o for o in OPPORTUNITIES if o["stage"] == "wait"]
    expected = sorted(
        written,
        key=lambda o: (
            STATUS_ORDER.index(o.get("status")),
            PRIORITY_ORDER.index(o.get("priority")),
            written.index(o),
        ),
    )
    assert [o["title"] for o in expected][:3] == [
        "Repair tracker",
        "Same-day swaps",
        "Status texts",
    ]  # the fixture mixes the order up, so the test can tell
    items = lane(site[journeys.journey_page("repair")], "wait")
    titles = [next(o["title"] for o in written if o["title"] in item) for item in items]
    assert titles == [o["title"] for o in expected]
    by_title = dict(zip(titles, items, strict=True))
    assert by_title["Repair tracker"].startswith("Status: in progress ")
    assert by_title["Same-day swaps"].startswith("Status: planned high priority ")
    assert by_title["Written without a state"].startswith("Written without a state")
    page = site[journeys.journey_page("repair")]
    number = OPPORTUNITIES.index(next(o for o in OPPORTUNITIES if o["status"] == "dropped")) + 1
    assert f'<li id="opportunity-{number}" class="jr-opportunity--dropped">' in page


def test_the_dutch_page_names_each_state(tmp_path: Path) -> None:
    page = text(site_files(tmp_path, "nl")[journeys.journey_page("repair")])
    for words in ("in uitvoering", "gepland", "idee", "gedaan", "geschrapt"):
        assert f"Status: {words}" in page, words
    assert "Status: gepland hoge prioriteit Same-day swaps" in page
    assert "te weinig interviews om te zeggen" in page


def test_a_done_opportunity_shows_the_stage_before_and_after_its_round(
    site: dict[str, str],
) -> None:
    before, after = stage_scores("wait", {"before"}), stage_scores("wait", {"after"})
    assert min(len(before), len(after)) >= SMALL
    done = next(
        item
        for item in lane(site[journeys.journey_page("repair")], "wait")
        if "Loan laptops at the desk" in item
    )
    change = statistics.fmean(after) - statistics.fmean(before)
    assert (
        f"before round “After the loan laptops”: {one_decimal(statistics.fmean(before))}"
        f" (n={len(before)}); in it and after: {one_decimal(statistics.fmean(after))}"
        f" (n={len(after)}); change +{one_decimal(change)}." in done
    )


def test_too_few_interviews_on_one_side_are_too_few_to_tell(site: dict[str, str]) -> None:
    before, after = stage_scores("report", {"before"}), stage_scores("report", {"after"})
    assert len(before) >= SMALL > len(after)
    (item,) = lane(site[journeys.journey_page("repair")], "report")
    assert "too few interviews to tell" in item
    assert f"({len(before)} interviews before, {len(after)} interviews in it or after)" in item
    assert "change" not in item


def test_the_journey_json_carries_each_written_state(site: dict[str, str]) -> None:
    data = json.loads(site[journeys.journey_json("repair")])["opportunities"]
    by_title = {item["title"]: item for item in data}
    for written in OPPORTUNITIES:
        found = by_title[written["title"]]
        for field in ("status", "priority", "round"):
            assert found.get(field) == written.get(field), (written["title"], field)
    assert "before_and_after" not in by_title["Written without a state"]
    effect = by_title["Loan laptops at the desk"]["before_and_after"]
    before, after = stage_scores("wait", {"before"}), stage_scores("wait", {"after"})
    assert (effect["before"]["n"], effect["after"]["n"]) == (len(before), len(after))
    assert effect["change"] == pytest.approx(statistics.fmean(after) - statistics.fmean(before))
    assert by_title["Shorter report form"]["before_and_after"]["too_few_to_tell"] is True


# --- 2. promises kept ---------------------------------------------------------------------------


def follow_ups(page: str) -> str:
    """The follow-ups section of the research overview (its Markdown, with HTML inside)."""
    return page.split("## Follow-up commitments", 1)[1].split("\n## ", 1)[0]


def test_open_promises_are_grouped_per_interviewer_overdue_first(site: dict[str, str]) -> None:
    section = text(follow_ups(site[research.RESEARCH_INDEX]))
    every = [item for _, item in promises()]
    still_open = [item for item in every if is_open(item)]
    overdue = [item for item in still_open if is_overdue(item)]
    assert (len(still_open), len(overdue)) == (4, 2)
    assert (
        f"Open promises: {len(still_open)}, of which {len(overdue)} overdue (due before 15 April"
        f" 2026). Kept: {len(every) - len(still_open)}." in section
    )
    # Ilse has the overdue promise: she comes first, her overdue promise before the other.
    ilse = section.index("Interviewer: Ilse")
    karel = section.index("Interviewer: Karel")
    assert ilse < section.index("overdue Share the repair figures due 31 March 2026")
    assert section.index("Share the repair figures") < section.index("Call back about the pilot")
    assert section.index("Call back about the pilot") < karel
    assert "overdue Call back" not in section
    assert section.index("Send the journey map") > karel
    assert "Invite her to the workshop" not in section.split("Every follow-up")[0]


def test_the_build_date_decides_what_is_overdue(tmp_path: Path) -> None:
    earlier = dt.date(2026, 3, 15)
    overdue = [item for _, item in promises() if is_overdue(item, earlier)]
    assert [item["text"] for item in overdue] == [f"Tell Ottoline about the {PLANTED}"]
    section = text(follow_ups(site_files(tmp_path, build_date=earlier)[research.RESEARCH_INDEX]))
    assert "overdue Share the repair figures" not in section
    assert "of which 1 overdue (due before 15 March 2026)" in section


def test_promises_of_interviews_without_consent_are_counted(site: dict[str, str]) -> None:
    withheld = [item for _, item in promises(consent=False) if is_open(item)]
    overdue = sum(is_overdue(item) for item in withheld)
    section = text(follow_ups(site[research.RESEARCH_INDEX]))
    assert (
        f"+{len(withheld)} open promise from an interview whose words are not published"
        f" ({overdue} overdue)" in section
    )
    for page in site.values():
        assert PLANTED not in page


def test_every_follow_up_stays_listed_with_its_status(site: dict[str, str]) -> None:
    table = follow_ups(site[research.RESEARCH_INDEX]).split("<details", 1)[1]
    rows = [text(row) for row in table.split("<tr>")[2:]]
    published = [
        (kind, item if isinstance(item, str) else item["text"])
        for fields in INTERVIEWS.values()
        if fields.get("consent", True)
        for kind in ("will", "wont")
        for item in fields.get("follow_up", {}).get(kind, [])
    ]
    assert len(rows) == len(published)
    assert "We will Invite her to the workshop kept 25 March 2026 a-03" in rows
    assert "We will Send the journey map when the study is done open a-01" in rows


# --- 3. rounds on the research overview ---------------------------------------------------------


def test_the_overview_lists_each_round_with_its_interviews(site: dict[str, str]) -> None:
    page = site[research.RESEARCH_INDEX]
    table = page.split('<table class="jr-rounds">', 1)[1].split("</table>", 1)[0]
    rows = [text(row) for row in table.split("<tr>")[2:]]
    for item, row in zip(ROUNDS, rows, strict=True):
        dates = sorted(
            dt.date.fromisoformat(f["date"])
            for f in INTERVIEWS.values()
            if round_of(f) == item["id"]
        )
        stale = (BUILD_DATE - dates[-1]).days > STALE_AFTER_DAYS
        assert row.startswith(f"{item['name']} ")
        assert f" {len(dates)} " in f" {row} "
        assert f"{dates[-1].day} {dates[-1]:%B %Y}" in row
        assert row.endswith("stale" if stale else "current")
    assert rows[0].endswith("stale") and rows[1].endswith("current")  # the fixture has both
    assert "from 1 March 2026" in rows[1] and "A loan laptop at the desk" in rows[1]


# --- one real build ---------------------------------------------------------------------------


def test_a_real_build_publishes_no_word_of_a_withheld_promise(tmp_path: Path) -> None:
    write_study(tmp_path)
    write_site(tmp_path, plugin_options={"stale_after_days": STALE_AFTER_DAYS})
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        site = build(tmp_path)
    overview = text(html.unescape((site / "research" / "index.html").read_text("utf-8")))
    assert "+1 open promise from an interview whose words are not published" in overview
    assert "overdue Share the repair figures due 31 March 2026" in overview
    assert "Before the loan laptops" in overview
    journey = text(html.unescape((site / "journeys" / "repair" / "index.html").read_text("utf-8")))
    assert "Status: in progress Repair tracker" in journey
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes().lower()
            for word in PLANTED.split():
                assert word.encode() not in data, path
