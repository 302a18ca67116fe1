"""Research over time, in the content layer: a journey's ``rounds``, an interview's and an
opportunity's ``round``, an opportunity's state and follow-up items that can be tracked.

Rules are checked through ``load_study`` on real files written as exact text, so the line
of each field is known (line 1 is ``---``).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from contentkit import (
    REPO,
    ContentTree,
    build,
    edit,
    front_matter_file,
    problems,
    single,
    write_site,
)
from journeys.cli.scaffold import new_interview
from journeys.content import model
from journeys.content.diagnostics import Severity
from journeys.content.frontmatter import read_document
from journeys.content.loading import load_study
from journeys.content.rounds import round_of
from journeys.content.study import Study
from journeys.privacy import policy

JOURNEY_PATH = "content/journeys/repair.md"
INTERVIEW_PATH = "content/interviews/int-01.md"

JOURNEY = """\
title: Laptop repair
stages:
  - id: notice
    name: Notice the problem
  - id: wait
    name: Wait for the repair
rounds:
  - id: before
    name: Before the loan laptops
    from: 2026-01-05
    to: 2026-02-28
  - id: after
    name: After the loan laptops
    from: 2026-03-01
    change: A loan laptop at the desk
opportunities:
  - title: Offer a loan laptop
    stage: wait
    evidence: [int-01]
    status: done
    priority: high
    round: after
"""  # rounds 8; rounds[1] 9-12 (from 11, to 12); rounds[2] 13-16 (from 15);
#      opportunities[1] 18-23 (status 21, priority 22, round 23)

INTERVIEW = """\
date: 2026-02-01
persona: eva
journey: repair
consent: true
goal: Fix the laptop
overall_score: 6
steps:
  - stage: notice
    action: Saw the error
    score: 5
"""  # date 2, journey 4, steps 8-11 (score 11); a field added at the end: 12


def study_of(tree: ContentTree, journey: str = JOURNEY, interview: str = INTERVIEW) -> Study:
    tree.persona("eva")
    tree.write("journeys/repair.md", journey)
    tree.write("interviews/int-01.md", interview)
    return load_study(tree.root, display_root=tree.root.parent)


def test_the_fixtures_are_valid(tree: ContentTree) -> None:
    study = study_of(tree)

    assert problems(study) == []
    journey = study.journeys["repair"]
    assert [(r.id, r.from_, r.to) for r in journey.rounds] == [
        ("before", dt.date(2026, 1, 5), dt.date(2026, 2, 28)),
        ("after", dt.date(2026, 3, 1), None),
    ]
    assert journey.rounds[1].change == "A loan laptop at the desk"
    opportunity = journey.opportunities[0]
    assert (opportunity.status, opportunity.priority, opportunity.round) == (
        "done",
        "high",
        "after",
    )


# --- which round an interview belongs to ---------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "given", "expected"),
    [
        ("2026-01-05", None, "before"),  # the first day
        ("2026-02-28", None, "before"),  # the last day
        ("2026-03-01", None, "after"),
        ("2031-12-31", None, "after"),  # the current round has no end
        ("2026-03-10", "after", "after"),
        ("2026-02-01", "after", "after"),  # given: it counts there, with a warning
    ],
)
def test_round_of_an_interview(
    tree: ContentTree, date: str, given: str | None, expected: str
) -> None:
    interview = edit(INTERVIEW, "2026-02-01", date) + (f"round: {given}\n" if given else "")
    study = study_of(tree, interview=interview)

    (found,) = study.interviews
    assert round_of(study.journeys["repair"], found) == expected


def test_an_interview_of_a_journey_without_rounds_is_in_no_round(tree: ContentTree) -> None:
    study = study_of(tree, journey=JOURNEY[: JOURNEY.index("rounds:")])

    assert problems(study) == []
    assert round_of(study.journeys["repair"], study.interviews[0]) is None


# --- the rules -----------------------------------------------------------------------------------


def test_an_unknown_round_on_an_interview_is_an_error_with_the_closest_id(
    tree: ContentTree,
) -> None:
    found = single(study_of(tree, interview=INTERVIEW + "round: aftr\n"))

    assert (found.path, found.line, found.field, found.severity) == (
        INTERVIEW_PATH,
        12,
        "round",
        Severity.ERROR,
    )
    assert found.message == (
        "round `aftr` is not a round of journey `repair` (did you mean `after`?); "
        "its rounds are `before`, `after`"
    )


def test_a_round_on_an_interview_of_a_journey_without_rounds_is_an_error(
    tree: ContentTree,
) -> None:
    study = study_of(tree, JOURNEY[: JOURNEY.index("rounds:")], INTERVIEW + "round: after\n")

    assert problems(study) == [
        (
            INTERVIEW_PATH,
            12,
            "round",
            Severity.ERROR,
            (
                "journey `repair` has no rounds: add `rounds:` to content/journeys/repair.md, "
                "or remove `round`"
            ),
        )
    ]


def test_an_unknown_round_on_an_opportunity_is_an_error(tree: ContentTree) -> None:
    found = single(study_of(tree, journey=edit(JOURNEY, "round: after", "round: afterr")))

    assert (found.path, found.line, found.field, found.severity) == (
        JOURNEY_PATH,
        23,
        "opportunities[1].round",
        Severity.ERROR,
    )
    assert "round `afterr` is not a round of journey `repair` (did you mean `after`?)" in (
        found.message
    )


def test_a_round_on_an_opportunity_of_a_journey_without_rounds_is_an_error(
    tree: ContentTree,
) -> None:
    journey = JOURNEY[: JOURNEY.index("rounds:")] + JOURNEY[JOURNEY.index("opportunities:") :]
    found = single(study_of(tree, journey=journey))

    assert (found.line, found.field) == (14, "opportunities[1].round")
    assert found.message.startswith("journey `repair` has no rounds: add `rounds:`")


def test_duplicate_round_ids_are_an_error_naming_both_lines(tree: ContentTree) -> None:
    found = single(study_of(tree, journey=edit(JOURNEY, "  - id: before", "  - id: after")))

    assert (found.path, found.line, found.field, found.severity) == (
        JOURNEY_PATH,
        13,
        "rounds[2].id",
        Severity.ERROR,
    )
    assert found.message == (
        "duplicate id `after`: also used on line 9 of content/journeys/repair.md; "
        "ids must be unique within a journey"
    )


def test_a_round_that_ends_before_it_starts_is_an_error(tree: ContentTree) -> None:
    journey = edit(JOURNEY, "to: 2026-02-28", "to: 2026-01-01")
    found = single(study_of(tree, journey, edit(INTERVIEW, "2026-02-01", "2026-03-10")))

    assert (found.path, found.line, found.field, found.severity) == (
        JOURNEY_PATH,
        12,
        "rounds[1].to",
        Severity.ERROR,
    )
    assert found.message == (
        "round `before` ends on 2026-01-01 before it starts on 2026-01-05: correct `from` or `to`"
    )


def test_overlapping_rounds_are_an_error_naming_both(tree: ContentTree) -> None:
    journey = edit(JOURNEY, "from: 2026-03-01", "from: 2026-02-15")
    found = single(study_of(tree, journey=journey))

    assert (found.path, found.line, found.field, found.severity) == (
        JOURNEY_PATH,
        15,
        "rounds[2].from",
        Severity.ERROR,
    )
    assert found.message == (
        "round `after` (from 2026-02-15) overlaps round `before` (2026-01-05 to 2026-02-28, "
        "line 11): an interview belongs to one round, so end round `before` before `after` "
        "starts (`to: 2026-02-14`)"
    )


def test_rounds_that_start_on_one_day_overlap(tree: ContentTree) -> None:
    journey = edit(JOURNEY, "from: 2026-03-01", "from: 2026-01-05")
    found = single(study_of(tree, journey=journey))

    assert (found.line, found.field) == (15, "rounds[2].from")
    assert found.message.endswith("so give one of them other dates")


def test_an_interview_in_no_round_is_an_error_naming_its_date_and_the_rounds(
    tree: ContentTree,
) -> None:
    found = single(study_of(tree, interview=edit(INTERVIEW, "2026-02-01", "2026-01-02")))

    assert (found.path, found.line, found.field, found.severity) == (
        INTERVIEW_PATH,
        2,
        "date",
        Severity.ERROR,
    )
    assert found.message == (
        "2026-01-02 is in no round of journey `repair` (`before` 2026-01-05 to 2026-02-28, "
        "`after` from 2026-03-01): correct the date, or change a round in "
        "content/journeys/repair.md to hold it"
    )


def test_a_given_round_that_does_not_hold_the_date_is_a_warning(tree: ContentTree) -> None:
    found = single(study_of(tree, interview=INTERVIEW + "round: after\n"))

    assert (found.path, found.line, found.field, found.severity) == (
        INTERVIEW_PATH,
        12,
        "round",
        Severity.WARNING,
    )
    assert found.message == (
        "the interview's date 2026-02-01 is outside round `after` (from 2026-03-01); it counts "
        "in `after` as given (by its date it belongs to `before`): correct the date, or the round"
    )


def test_a_file_with_other_errors_has_its_round_checked_too(tree: ContentTree) -> None:
    interview = edit(INTERVIEW, "score: 5", "score: 11") + "round: aftr\n"
    study = study_of(tree, interview=interview)

    assert [(d.line, d.field) for d in study.diagnostics] == [(11, "steps[1].score"), (12, "round")]


# --- opportunity state and follow-up items -------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "words"),
    [
        ("status: done", "status: inprogress", 21, "opportunities[1].status", "`in-progress`"),
        ("priority: high", "priority: hihg", 22, "opportunities[1].priority", "`high`"),
    ],
)
def test_an_unknown_opportunity_status_or_priority_is_an_error(
    tree: ContentTree, old: str, new: str, line: int, field: str, words: str
) -> None:
    found = single(study_of(tree, journey=edit(JOURNEY, old, new)))

    assert (found.path, found.line, found.field, found.severity) == (
        JOURNEY_PATH,
        line,
        field,
        Severity.ERROR,
    )
    assert found.message.startswith("expected one of ") and f"(did you mean {words}?)" in (
        found.message
    )


FOLLOW_UP = """\
follow_up:
  will:
    - Send you the journey map
    - text: Tell you whether loan laptops come
      status: done
      due: 2026-03-31
    - text: Call you back
  wont:
    - Replace your laptop
"""  # follow_up 12; will 13; will[1] 14; will[2] 15-17 (status 16, due 17); will[3] 18;
#      wont 19; wont[1] 20


def test_follow_up_items_are_sentences_or_fields_read_in_one_form(tree: ContentTree) -> None:
    study = study_of(tree, interview=INTERVIEW + FOLLOW_UP)

    assert problems(study) == []
    follow_up = study.interviews[0].follow_up
    assert follow_up is not None
    assert [(kind, p.text, p.status, p.due) for kind, p in follow_up.promises()] == [
        ("will", "Send you the journey map", "open", None),
        ("will", "Tell you whether loan laptops come", "done", dt.date(2026, 3, 31)),
        ("will", "Call you back", "open", None),
        ("wont", "Replace your laptop", "open", None),
    ]
    assert [str(item) for item in follow_up.will] == [
        "Send you the journey map",
        "Tell you whether loan laptops come",
        "Call you back",
    ]


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "severity", "message"),
    [
        (
            "status: done",
            "status: closed",
            16,
            "follow_up.will[2].status",
            Severity.ERROR,
            "expected one of `open`, `done`, got `closed`",
        ),
        (
            "due: 2026-03-31",
            "due: 2026-02-30",
            17,
            "follow_up.will[2].due",
            Severity.ERROR,
            "`2026-02-30` is not a day in the calendar",
        ),
        (
            "- text: Call you back",
            "- txt: Call you back",
            18,
            "follow_up.will[3].text",
            Severity.ERROR,
            "required field is missing",
        ),
        (
            "- Replace your laptop",
            "- [Replace, your laptop]",
            20,
            "follow_up.wont[1]",
            Severity.ERROR,
            "expected a sentence, or the fields `text`, `status` and `due`, got a list",
        ),
        (
            "      status: done",
            "      status: done\n      stauts: open",
            17,
            "follow_up.will[2].stauts",
            Severity.WARNING,
            "unknown field, it is ignored (did you mean `status`?)",
        ),
    ],
)
def test_a_mistake_in_a_follow_up_item_is_reported_on_its_line(
    tree: ContentTree,
    old: str,
    new: str,
    line: int,
    field: str,
    severity: Severity,
    message: str,
) -> None:
    study = study_of(tree, interview=INTERVIEW + edit(FOLLOW_UP, old, new))

    assert (INTERVIEW_PATH, line, field, severity, message) in problems(study)


# --- the JSON Schema -----------------------------------------------------------------------------


def schema_problems(kind: str, value: Any, definition: str = "") -> list[str]:
    """What a JSON Schema validator, as editors use, finds wrong with ``value`` as front
    matter of ``kind``, or as the block ``definition`` of it (``FollowUp``)."""
    schema = model.SCHEMAS[kind]()
    if definition:
        schema = {"$defs": schema["$defs"], "$ref": f"#/$defs/{definition}"}
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return sorted(
        f"{'.'.join(str(part) for part in error.absolute_path)}: {error.validator}"
        for error in validator.iter_errors(value)
    )


def fixture_data(text: str) -> dict[str, Any]:
    """The front matter as editors read it (dates are text), as ``journeys check`` does."""
    return read_document(front_matter_file(text).encode()).data


def test_the_schema_accepts_rounds_state_and_both_forms_of_follow_up() -> None:
    interview = fixture_data(INTERVIEW + FOLLOW_UP + "round: before\n")

    assert schema_problems("journey", fixture_data(JOURNEY)) == []
    assert schema_problems("interview", interview) == []


def test_the_schema_refuses_wrong_rounds_state_and_promises() -> None:
    journey = fixture_data(JOURNEY)
    del journey["rounds"][0]["from"]
    journey["rounds"][1]["to"] = "2026-02-30"
    journey["opportunities"][0]["status"] = "maybe"
    interview = fixture_data(INTERVIEW + FOLLOW_UP)
    interview["follow_up"]["will"][1]["status"] = "closed"
    interview["follow_up"]["will"][2] = {"status": "open"}

    assert schema_problems("journey", journey) == [
        "opportunities.0.status: anyOf",
        "rounds.0: required",
        "rounds.1.to: anyOf",
    ]
    assert schema_problems("interview", interview) == ["follow_up: anyOf"]
    assert schema_problems("interview", interview["follow_up"], "FollowUp") == [
        "will.1: anyOf",
        "will.2: anyOf",
    ]


# --- privacy -------------------------------------------------------------------------------------


def test_the_marks_of_the_new_fields() -> None:
    def marks(record: type[model.FrontMatter]) -> dict[str, model.FieldKind | None]:
        return {
            key: model.field_kind(record.model_fields[name])
            for key, name in model.field_keys(record).items()
        }

    assert marks(model.Round) == {
        "id": model.IDENTIFIER,
        "name": model.TEXT,
        "from": model.FIGURE,
        "to": model.FIGURE,
        "change": model.TEXT,
    }
    assert marks(model.Promise) == {"text": model.TEXT, "status": model.FIGURE, "due": model.FIGURE}
    opportunity = marks(model.Opportunity)
    assert (opportunity["status"], opportunity["priority"], opportunity["round"]) == (
        model.FIGURE,
        model.FIGURE,
        model.IDENTIFIER,
    )
    assert marks(model.Interview)["round"] is model.IDENTIFIER


def test_a_promise_as_fields_of_a_non_consenting_interview_is_withheld_but_not_its_state(
    tree: ContentTree,
) -> None:
    study = study_of(tree, interview=edit(INTERVIEW, "consent: true", "consent: false") + FOLLOW_UP)

    withheld = {(field, value) for _, field, value in policy.private_values(study.interviews)}
    assert {
        ("follow_up.will[1].text", "Send you the journey map"),
        ("follow_up.will[2].text", "Tell you whether loan laptops come"),
        ("follow_up.wont[1].text", "Replace your laptop"),
    } <= withheld
    assert not {value for _, value in withheld} & {"done", "2026-03-31"}


def test_a_built_site_shows_the_promises_of_consenting_interviews_only(tmp_path: Path) -> None:
    """One real build: a non-consenting interview's promises, in either form, are not on any
    page; a consenting one's are, and its due date (the other's interview date) is no
    private value that would stop the build."""
    tree = ContentTree(tmp_path / "content")
    tree.persona("eva")
    tree.write("journeys/repair.md", JOURNEY)
    tree.write(
        "interviews/int-01.md",
        INTERVIEW.replace("consent: true", "consent: false")
        + "follow_up:\n  will:\n"
        + "    - text: Bring the zebra replacement charger on Tuesday\n"
        + "      status: open\n      due: 2026-03-02\n"
        + "    - Mail the zebra journey map to the participant\n",
    )
    tree.interview(
        "int-02",
        stages=("notice", "wait"),
        date="2026-03-02",
        follow_up={"will": [{"text": "Publish the shared loan laptop rules", "due": "2026-04-01"}]},
    )
    write_site(tmp_path)
    site = build(tmp_path)

    everything = " ".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in site.rglob("*")
        if path.is_file()
    )
    assert "Publish the shared loan laptop rules" in everything
    assert "zebra" not in everything.lower()


# --- journeys new and journeys init --------------------------------------------------------------


def test_journeys_new_offers_the_rounds_of_the_journey(tree: ContentTree) -> None:
    tree.persona("eva")
    tree.write("journeys/repair.md", JOURNEY)

    path = new_interview(tree.root, "repair", "eva", "lap-01", dt.date(2026, 3, 4))

    text = path.read_text(encoding="utf-8")
    assert re.search(r"^round: +# before \| after; ", text, re.MULTILINE), text
    data = yaml.safe_load(text.split("---")[1])
    assert data["round"] is None
    assert "status: open" in text and "due:" in text  # the tracked form, as a comment


def test_journeys_new_leaves_round_out_for_a_journey_without_rounds(tree: ContentTree) -> None:
    tree.persona("eva")
    tree.journey("repair")

    path = new_interview(tree.root, "repair", "eva", "lap-01", dt.date(2026, 3, 4))

    assert "round:" not in path.read_text(encoding="utf-8")


def test_the_init_example_shows_opportunity_state_and_a_tracked_promise() -> None:
    content = REPO / "plugins" / "journeys" / "cli" / "templates" / "content"
    study = load_study(content, display_root=REPO)

    assert problems(study) == []
    (opportunity,) = study.journeys["password-reset"].opportunities
    assert opportunity.status and opportunity.priority
    (interview,) = study.interviews
    assert interview.follow_up is not None
    assert any(promise.due for _, promise in interview.follow_up.promises())
    journey_text = (content / "journeys" / "password-reset.md").read_text(encoding="utf-8")
    assert "# rounds:" in journey_text and "#     from:" in journey_text
