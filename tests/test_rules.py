"""Every rule of "Rules a build enforces" (docs: content-format.md), through ``load_study``.

Each test starts from a valid tree (``tree.minimal()``), replaces or adds one file written as
exact text (so line numbers are known: line 1 is ``---``, the first field is on line 2), loads
it, and asserts on the diagnostic: path, line, field, severity and the words of the message.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from contentkit import REPO, ContentTree, edit, single
from journeys.content.diagnostics import Diagnostic, Severity
from journeys.content.frontmatter import read_document
from journeys.content.loading import Invalid, load_study
from journeys.content.rules import InterviewReferences
from journeys.content.study import Study

INTERVIEW_PATH = "content/interviews/int-01.md"
JOURNEY_PATH = "content/journeys/repair.md"
PERSONA_PATH = "content/personas/eva.md"

# The file line of each field is noted under each text.
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
  - stage: report
    action: Called the desk
    score: 4
"""  # date 2, persona 3, journey 4, consent 5, goal 6, overall_score 7, steps 8,
#      steps[1] 9-11 (score 11), steps[2] 12-14 (score 14); a field added at the end: 15

JOURNEY = """\
title: Laptop repair
stages:
  - id: notice
    name: Notice the problem
  - id: report
    name: Report it
  - id: wait
    name: Wait for the repair
touchpoints:
  - id: phone
    name: Service desk phone line
    kind: human
  - id: portal
    name: Self-service portal
opportunities:
  - title: Offer a loan laptop
    stage: report
    evidence:
      - int-01
"""  # title 2, stages 3, stages[1] 4-5, stages[2] 6-7, stages[3] 8-9, touchpoints 10,
#      touchpoints[1] 11-13, touchpoints[2] 14-15, opportunities 16, opportunities[1] 17-20

PERSONA = """\
name: Eva, the early adopter
summary: Switched early, proud of her choice.
"""


def load(tree: ContentTree) -> Study:
    return load_study(tree.root, display_root=tree.root.parent)


def named_by_field(*cases: tuple[object, ...]) -> list[object]:
    """Parameter sets named by their third value, the field (``old, new, field, ...``)."""
    return [pytest.param(*case, id=str(case[2])) for case in cases]


def where(diagnostic: Diagnostic) -> tuple[str, int, str, Severity]:
    return (diagnostic.path, diagnostic.line, diagnostic.field, diagnostic.severity)


def interview_error(tree: ContentTree, text: str) -> Diagnostic:
    """The one diagnostic of a minimal tree whose interview is ``text``."""
    tree.minimal()
    tree.write("interviews/int-01.md", text)
    return single(load(tree))


def journey_error(tree: ContentTree, text: str) -> Diagnostic:
    tree.minimal()
    tree.write("journeys/repair.md", text)
    return single(load(tree))


# --- the fixtures themselves are valid -------------------------------------------------------


def test_the_minimal_tree_is_valid(tree: ContentTree) -> None:
    study = load(tree.minimal())

    assert study.diagnostics == []
    assert study.file_count == 3
    assert [i.key for i in study.interviews] == ["int-01"]


def test_the_exact_text_fixtures_are_valid(tree: ContentTree) -> None:
    tree.minimal()
    tree.write("interviews/int-01.md", INTERVIEW)
    tree.write("journeys/repair.md", JOURNEY)
    tree.write("personas/eva.md", PERSONA)

    study = load(tree)

    assert study.diagnostics == []
    assert [i.key for i in study.interviews] == ["int-01"]
    assert study.journeys["repair"].stage_ids == ["notice", "report", "wait"]
    assert study.personas["eva"].name == "Eva, the early adopter"


# --- missing required fields ------------------------------------------------------------------

STEPS_BLOCK = INTERVIEW[INTERVIEW.index("steps:") :]


@pytest.mark.parametrize(
    ("old", "new", "field", "line"),
    named_by_field(
        ("date: 2026-02-01\n", "", "date", 2),
        ("persona: eva\n", "", "persona", 2),
        ("journey: repair\n", "", "journey", 2),
        ("consent: true\n", "", "consent", 2),
        ("goal: Fix the laptop\n", "", "goal", 2),
        ("overall_score: 6\n", "", "overall_score", 2),
        (STEPS_BLOCK, "", "steps", 2),
        (
            "  - stage: notice\n    action: Saw the error\n",
            "  - action: Saw the error\n",
            "steps[1].stage",
            9,
        ),
        ("    action: Called the desk\n", "", "steps[2].action", 12),
        ("    score: 5\n", "", "steps[1].score", 9),
    ),
)
def test_interview_missing_required_field(
    tree: ContentTree, old: str, new: str, field: str, line: int
) -> None:
    diagnostic = interview_error(tree, edit(INTERVIEW, old, new))

    assert where(diagnostic) == (INTERVIEW_PATH, line, field, Severity.ERROR)
    assert diagnostic.message == "required field is missing"
    assert (
        diagnostic.format()
        == f"{INTERVIEW_PATH}:{line}: error: `{field}`: required field is missing"
    )


@pytest.mark.parametrize(
    ("old", "field"),
    [
        pytest.param("name: Eva, the early adopter\n", "name", id="name"),
        pytest.param("summary: Switched early, proud of her choice.\n", "summary", id="summary"),
    ],
)
def test_persona_missing_required_field(tree: ContentTree, old: str, field: str) -> None:
    tree.minimal()
    tree.write("personas/eva.md", edit(PERSONA, old))

    diagnostic = single(load(tree))

    assert where(diagnostic) == (PERSONA_PATH, 2, field, Severity.ERROR)
    assert diagnostic.message == "required field is missing"


@pytest.mark.parametrize(
    ("old", "new", "field", "line"),
    named_by_field(
        ("title: Laptop repair\n", "", "title", 2),
        (JOURNEY[JOURNEY.index("stages:") : JOURNEY.index("touchpoints:")], "", "stages", 2),
        ("  - id: report\n    name: Report it\n", "  - name: Report it\n", "stages[2].id", 6),
        ("    name: Wait for the repair\n", "", "stages[3].name", 8),
        ("    name: Self-service portal\n", "", "touchpoints[2].name", 14),
        (
            "  - title: Offer a loan laptop\n    stage: report\n",
            "  - stage: report\n",
            "opportunities[1].title",
            17,
        ),
        ("    stage: report\n", "", "opportunities[1].stage", 17),
        ("    evidence:\n      - int-01\n", "", "opportunities[1].evidence", 17),
    ),
)
def test_journey_missing_required_field(
    tree: ContentTree, old: str, new: str, field: str, line: int
) -> None:
    diagnostic = journey_error(tree, edit(JOURNEY, old, new))

    assert where(diagnostic) == (JOURNEY_PATH, line, field, Severity.ERROR)
    assert diagnostic.message == "required field is missing"


@pytest.mark.parametrize(
    ("text", "path", "field", "line"),
    [
        (edit(INTERVIEW, STEPS_BLOCK, "steps: []\n"), INTERVIEW_PATH, "steps", 8),
        ("title: Laptop repair\nstages: []\n", JOURNEY_PATH, "stages", 3),
        (
            edit(JOURNEY, "    evidence:\n      - int-01\n", "    evidence: []\n"),
            JOURNEY_PATH,
            "opportunities[1].evidence",
            19,
        ),
    ],
    ids=["interview-steps", "journey-stages", "opportunity-evidence"],
)
def test_an_empty_required_list_needs_at_least_one_item(
    tree: ContentTree, text: str, path: str, field: str, line: int
) -> None:
    tree.minimal()
    tree.write(path.removeprefix("content/"), text)

    diagnostic = single(load(tree))

    assert where(diagnostic) == (path, line, field, Severity.ERROR)
    assert diagnostic.message == "needs at least one item"


# --- wrong types ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "field", "line", "message"),
    [
        (
            "goal: Fix the laptop\n",
            "goal:\n  - Fix it\n  - Today\n",
            "goal",
            6,
            "expected text, got a list",
        ),
        (
            "consent: true\n",
            "consent: yes please\n",
            "consent",
            5,
            "expected true or false, got text",
        ),
        ("consent: true\n", "consent: 2\n", "consent", 5, "expected true or false, got 2"),
        (
            STEPS_BLOCK,
            "steps: walked to the desk\n",
            "steps",
            8,
            "expected a list (lines starting with `- `), got text",
        ),
        (
            "  - stage: report\n    action: Called the desk\n    score: 4\n",
            "  - called the desk\n",
            "steps[2]",
            12,
            "expected fields (`name: value` lines), got text",
        ),
        (
            "    score: 5\n",
            "    score: 5\n    peak: maybe\n",
            "steps[1].peak",
            12,
            "expected true or false, got text",
        ),
        (
            "    score: 5\n",
            "    score: 5\n    quote: [a, b]\n",
            "steps[1].quote",
            12,
            "expected text, got a list",
        ),
        (
            "date: 2026-02-01\n",
            "date: 2026-02-01\nparticipant: Jan\n",
            "participant",
            3,
            "expected fields (`name: value` lines), got text",
        ),
        (
            "date: 2026-02-01\n",
            "date: 2026-02-01\ndrivers: be quick\n",
            "drivers",
            3,
            "expected a list (lines starting with `- `), got text",
        ),
        (
            "date: 2026-02-01\n",
            "date: 2026-02-01\ngoal_reached: almost\n",
            "goal_reached",
            3,
            "expected true or false, got text",
        ),
    ],
    ids=[
        "text-given-list",
        "bool-given-text",
        "bool-given-number",
        "list-given-scalar",
        "step-given-scalar",
        "step-bool-given-text",
        "step-text-given-list",
        "mapping-given-text",
        "drivers-given-scalar",
        "goal-reached-given-text",
    ],
)
def test_interview_wrong_type(
    tree: ContentTree, old: str, new: str, field: str, line: int, message: str
) -> None:
    diagnostic = interview_error(tree, edit(INTERVIEW, old, new))

    assert where(diagnostic) == (INTERVIEW_PATH, line, field, Severity.ERROR)
    assert diagnostic.message == message


def test_numbers_are_accepted_where_text_is_expected(tree: ContentTree) -> None:
    tree.minimal()
    tree.write("interviews/int-01.md", edit(INTERVIEW, "goal: Fix the laptop", "goal: 42"))

    study = load(tree)

    assert study.diagnostics == []
    assert study.interviews[0].goal == "42"


def test_journey_stages_given_a_scalar(tree: ContentTree) -> None:
    diagnostic = journey_error(tree, "title: Laptop repair\nstages: notice, report, wait\n")

    assert where(diagnostic) == (JOURNEY_PATH, 3, "stages", Severity.ERROR)
    assert diagnostic.message == "expected a list (lines starting with `- `), got text"


def test_stage_id_that_is_not_a_slug(tree: ContentTree) -> None:
    diagnostic = journey_error(tree, edit(JOURNEY, "  - id: wait\n", "  - id: Wait Here\n"))

    assert where(diagnostic) == (JOURNEY_PATH, 8, "stages[3].id", Severity.ERROR)
    assert "expected a slug" in diagnostic.message


def test_a_list_in_interview_attributes_is_one_error(tree: ContentTree) -> None:
    diagnostic = interview_error(
        tree,
        edit(INTERVIEW, "date: 2026-02-01\n", "date: 2026-02-01\nattributes:\n  age: [30, 40]\n"),
    )

    assert where(diagnostic) == (INTERVIEW_PATH, 4, "attributes.age", Severity.ERROR)
    assert "got a list" in diagnostic.message


def test_interview_id_that_cannot_be_a_url(tree: ContentTree) -> None:
    diagnostic = interview_error(tree, "id: my interview\n" + INTERVIEW)

    assert where(diagnostic) == (INTERVIEW_PATH, 2, "id", Severity.ERROR)
    assert (
        diagnostic.message
        == "expected an id of letters, digits, `-`, `_` and `.` (it becomes the page's URL)"
    )


# --- grades -----------------------------------------------------------------------------------

GRADE_MESSAGE = "expected a grade from 1 to 10 in steps of 0.5 (like 7 or 6.5), got "


@pytest.mark.parametrize(
    ("value", "got"),
    [
        ("0", "0"),
        ("0.5", "0.5"),
        ("10.5", "10.5"),
        ("11", "11"),
        ("-1", "-1"),
        ("3.3", "3.3"),
        ("6.25", "6.25"),
        ('"5"', "text"),
        ("'5'", "text"),
        ("true", "true"),
        ("", "nothing"),
        (".nan", "nan"),
    ],
)
def test_step_score_that_is_not_a_grade(tree: ContentTree, value: str, got: str) -> None:
    diagnostic = interview_error(tree, edit(INTERVIEW, "    score: 5\n", f"    score: {value}\n"))

    assert where(diagnostic) == (INTERVIEW_PATH, 11, "steps[1].score", Severity.ERROR)
    assert diagnostic.message == GRADE_MESSAGE + got


@pytest.mark.parametrize(
    ("value", "got"), [("11", "11"), ("0", "0"), ("3.3", "3.3"), ('"6"', "text")]
)
def test_overall_score_that_is_not_a_grade(tree: ContentTree, value: str, got: str) -> None:
    diagnostic = interview_error(
        tree, edit(INTERVIEW, "overall_score: 6\n", f"overall_score: {value}\n")
    )

    assert where(diagnostic) == (INTERVIEW_PATH, 7, "overall_score", Severity.ERROR)
    assert diagnostic.message == GRADE_MESSAGE + got


@pytest.mark.parametrize("value", ["1", "10", "6.5", "1.5", "9.0"])
def test_grades_on_the_scale_are_accepted(tree: ContentTree, value: str) -> None:
    tree.minimal()
    text = edit(INTERVIEW, "    score: 5\n", f"    score: {value}\n")
    tree.write(
        "interviews/int-01.md", edit(text, "overall_score: 6\n", f"overall_score: {value}\n")
    )

    study = load(tree)

    assert study.diagnostics == []
    assert study.interviews[0].steps[0].score == float(value)
    assert study.interviews[0].overall_score == float(value)


# --- nps, dates, choices --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "got"),
    [("9.5", "9.5"), ("11", "11"), ("-1", "-1"), ('"9"', "text"), ("true", "true")],
)
def test_nps_that_is_not_a_whole_number_from_0_to_10(
    tree: ContentTree, value: str, got: str
) -> None:
    diagnostic = interview_error(tree, INTERVIEW + f"nps: {value}\n")

    assert where(diagnostic) == (INTERVIEW_PATH, 15, "nps", Severity.ERROR)
    assert diagnostic.message == f"expected a whole number from 0 to 10, got {got}"


@pytest.mark.parametrize("value", [0, 10])
def test_nps_at_the_ends_of_the_scale_is_accepted(tree: ContentTree, value: int) -> None:
    tree.minimal()
    tree.write("interviews/int-01.md", INTERVIEW + f"nps: {value}\n")

    study = load(tree)

    assert study.diagnostics == []
    assert study.interviews[0].nps == value


@pytest.mark.parametrize("value", ["2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10"])
def test_a_date_that_is_not_a_day_in_the_calendar(tree: ContentTree, value: str) -> None:
    diagnostic = interview_error(tree, edit(INTERVIEW, "date: 2026-02-01", f"date: {value}"))

    assert where(diagnostic) == (INTERVIEW_PATH, 2, "date", Severity.ERROR)
    assert diagnostic.message == f"`{value}` is not a day in the calendar"


@pytest.mark.parametrize(
    ("value", "got"),
    [
        ("yesterday", "text"),
        ("22-02-2026", "text"),
        ("20260222", "20260222"),
        ("[2026, 2, 22]", "a list"),
    ],
)
def test_a_date_that_is_not_year_month_day(tree: ContentTree, value: str, got: str) -> None:
    diagnostic = interview_error(tree, edit(INTERVIEW, "date: 2026-02-01", f"date: {value}"))

    assert where(diagnostic) == (INTERVIEW_PATH, 2, "date", Severity.ERROR)
    assert diagnostic.message == f"expected a date as year-month-day, like 2026-02-22, got {got}"


def test_a_date_and_time_is_not_a_date(tree: ContentTree) -> None:
    diagnostic = interview_error(
        tree, edit(INTERVIEW, "date: 2026-02-01", "date: 2026-02-01 10:30")
    )

    assert where(diagnostic) == (INTERVIEW_PATH, 2, "date", Severity.ERROR)
    assert diagnostic.message.startswith("expected a date as year-month-day")


def test_unknown_advocacy_value_suggests_the_closest(tree: ContentTree) -> None:
    diagnostic = interview_error(tree, INTERVIEW + "advocacy: servce\n")

    assert where(diagnostic) == (INTERVIEW_PATH, 15, "advocacy", Severity.ERROR)
    assert diagnostic.message == (
        "expected one of `service`, `company`, `both`, `none`, got `servce` "
        "(did you mean `service`?)"
    )


@pytest.mark.parametrize("value", ["service", "company", "both", "none"])
def test_every_advocacy_value_is_accepted(tree: ContentTree, value: str) -> None:
    tree.minimal()
    tree.write("interviews/int-01.md", INTERVIEW + f"advocacy: {value}\n")

    study = load(tree)

    assert study.diagnostics == []
    assert study.interviews[0].advocacy == value


@pytest.mark.parametrize(("value", "hint"), [("humna", " (did you mean `human`?)"), ("robot", "")])
def test_unknown_touchpoint_kind(tree: ContentTree, value: str, hint: str) -> None:
    diagnostic = journey_error(tree, edit(JOURNEY, "    kind: human\n", f"    kind: {value}\n"))

    assert where(diagnostic) == (JOURNEY_PATH, 13, "touchpoints[1].kind", Severity.ERROR)
    assert (
        diagnostic.message
        == f"expected one of `human`, `digital`, `physical`, `self`, got `{value}`{hint}"
    )


# --- references: persona, journey, stage ----------------------------------------------------------


def test_persona_naming_no_file_suggests_the_closest_slug(tree: ContentTree) -> None:
    tree.persona("cautious-newcomer")
    diagnostic = interview_error(
        tree, edit(INTERVIEW, "persona: eva", "persona: cautious-newcommer")
    )

    assert where(diagnostic) == (INTERVIEW_PATH, 3, "persona", Severity.ERROR)
    assert diagnostic.message == (
        "`cautious-newcommer` names no file in content/personas/ "
        "(did you mean `cautious-newcomer`?)"
    )


def test_persona_naming_no_file_and_nothing_close_lists_the_existing_ones(
    tree: ContentTree,
) -> None:
    tree.persona("bob")
    diagnostic = interview_error(tree, edit(INTERVIEW, "persona: eva", "persona: newcomer"))

    assert where(diagnostic) == (INTERVIEW_PATH, 3, "persona", Severity.ERROR)
    assert (
        diagnostic.message
        == "`newcomer` names no file in content/personas/ (existing: `bob`, `eva`)"
    )


def test_journey_naming_no_file_suggests_the_closest_slug(tree: ContentTree) -> None:
    diagnostic = interview_error(tree, edit(INTERVIEW, "journey: repair", "journey: repiar"))

    assert where(diagnostic) == (INTERVIEW_PATH, 4, "journey", Severity.ERROR)
    assert (
        diagnostic.message == "`repiar` names no file in content/journeys/ (did you mean `repair`?)"
    )


def test_journey_naming_no_file_and_nothing_close_lists_the_existing_ones(
    tree: ContentTree,
) -> None:
    tree.journey("onboarding", stages=("signed",))
    diagnostic = interview_error(tree, edit(INTERVIEW, "journey: repair", "journey: laptop"))

    assert where(diagnostic) == (INTERVIEW_PATH, 4, "journey", Severity.ERROR)
    assert (
        diagnostic.message
        == "`laptop` names no file in content/journeys/ (existing: `onboarding`, `repair`)"
    )


def test_a_persona_file_with_errors_still_counts_as_existing(tree: ContentTree) -> None:
    tree.minimal()
    tree.write("personas/eva.md", "name: Eva\n")  # no summary

    study = load(tree)

    assert [(d.path, d.field) for d in study.diagnostics] == [(PERSONA_PATH, "summary")]


def test_stage_not_in_the_journey_suggests_the_closest_and_lists_the_stages(
    tree: ContentTree,
) -> None:
    diagnostic = interview_error(tree, edit(INTERVIEW, "  - stage: report", "  - stage: reprot"))

    assert where(diagnostic) == (INTERVIEW_PATH, 12, "steps[2].stage", Severity.ERROR)
    assert diagnostic.message == (
        "stage `reprot` is not a stage of journey `repair` (did you mean `report`?); "
        "its stages are `notice`, `report`, `wait`"
    )


def test_stage_not_in_the_journey_and_nothing_close_lists_the_stages(tree: ContentTree) -> None:
    diagnostic = interview_error(tree, edit(INTERVIEW, "  - stage: report", "  - stage: payment"))

    assert where(diagnostic) == (INTERVIEW_PATH, 12, "steps[2].stage", Severity.ERROR)
    assert diagnostic.message == (
        "stage `payment` is not a stage of journey `repair`; "
        "its stages are `notice`, `report`, `wait`"
    )


def test_steps_that_loop_back_to_an_earlier_stage_are_allowed(tree: ContentTree) -> None:
    tree.minimal()
    looping = INTERVIEW + (
        "  - stage: wait\n    action: Waited\n    score: 3\n"
        "  - stage: report\n    action: Called again\n    score: 2\n"
        "  - stage: notice\n    action: It broke again\n    score: 2\n"
    )
    tree.write("interviews/int-01.md", looping)

    study = load(tree)

    assert study.diagnostics == []
    assert [step.stage for step in study.interviews[0].steps] == [
        "notice",
        "report",
        "wait",
        "report",
        "notice",
    ]


# --- unique ids ----------------------------------------------------------------------------------


def test_same_file_name_in_two_folders_without_ids_is_a_duplicate_naming_both_files(
    tree: ContentTree,
) -> None:
    tree.minimal()
    tree.interview("eva-03", folder="2026-01")
    tree.interview("eva-03", folder="2026-02")

    diagnostic = single(load(tree))

    assert where(diagnostic) == ("content/interviews/2026-02/eva-03.md", 1, "id", Severity.ERROR)
    assert diagnostic.message == (
        "duplicate interview id `eva-03`: also the id of content/interviews/2026-01/eva-03.md; "
        "give one of them an explicit, unique `id`"
    )


def test_explicit_duplicate_id_is_reported_on_the_id_line(tree: ContentTree) -> None:
    tree.minimal()
    tree.interview("first", id="lap-02")
    tree.write(
        "interviews/second.md",
        "date: 2026-02-01\n" + edit(INTERVIEW, "date: 2026-02-01\n", "id: lap-02\n"),
    )

    diagnostic = single(load(tree))

    assert where(diagnostic) == ("content/interviews/second.md", 3, "id", Severity.ERROR)
    assert "duplicate interview id `lap-02`" in diagnostic.message
    assert "content/interviews/first.md" in diagnostic.message


def test_an_explicit_id_equal_to_another_file_name_is_a_duplicate(tree: ContentTree) -> None:
    tree.minimal()
    tree.write("interviews/other.md", "id: int-01\n" + INTERVIEW)

    diagnostic = single(load(tree))

    assert where(diagnostic) == ("content/interviews/other.md", 2, "id", Severity.ERROR)
    assert "also the id of content/interviews/int-01.md" in diagnostic.message


def test_same_file_names_with_different_explicit_ids_are_fine(tree: ContentTree) -> None:
    tree.minimal()
    tree.interview("eva-03", folder="2026-01", id="2026-01-eva-03")
    tree.interview("eva-03", folder="2026-02", id="2026-02-eva-03")

    study = load(tree)

    assert study.diagnostics == []
    assert sorted(i.key for i in study.interviews) == ["2026-01-eva-03", "2026-02-eva-03", "int-01"]


def test_duplicate_stage_id_names_both_lines(tree: ContentTree) -> None:
    text = edit(
        JOURNEY,
        "  - id: wait\n    name: Wait for the repair\n",
        "  - id: wait\n    name: Wait for the repair\n  - id: report\n    name: Report again\n",
    )
    diagnostic = journey_error(tree, text)

    assert where(diagnostic) == (JOURNEY_PATH, 10, "stages[4].id", Severity.ERROR)
    assert diagnostic.message == (
        f"duplicate id `report`: also used on line 6 of {JOURNEY_PATH}; "
        "ids must be unique within a journey"
    )


def test_duplicate_touchpoint_id_names_both_lines(tree: ContentTree) -> None:
    diagnostic = journey_error(tree, edit(JOURNEY, "  - id: portal\n", "  - id: phone\n"))

    assert where(diagnostic) == (JOURNEY_PATH, 14, "touchpoints[2].id", Severity.ERROR)
    assert diagnostic.message == (
        f"duplicate id `phone`: also used on line 11 of {JOURNEY_PATH}; "
        "ids must be unique within a journey"
    )


def test_a_stage_and_a_touchpoint_may_share_an_id(tree: ContentTree) -> None:
    tree.minimal()
    tree.write("journeys/repair.md", edit(JOURNEY, "  - id: portal\n", "  - id: report\n"))

    assert load(tree).diagnostics == []


# --- peaks --------------------------------------------------------------------------------------


def test_more_than_one_peak_is_a_warning_on_the_second_peak(tree: ContentTree) -> None:
    text = edit(INTERVIEW, "    score: 5\n", "    score: 5\n    peak: true\n")
    text = edit(text, "    score: 4\n", "    score: 4\n    peak: true\n")
    text += "  - stage: wait\n    action: Waited\n    score: 3\n    peak: true\n"
    tree.minimal()
    tree.write("interviews/int-01.md", text)

    study = load(tree)
    diagnostic = single(study)

    assert where(diagnostic) == (INTERVIEW_PATH, 16, "steps[2].peak", Severity.WARNING)
    assert (
        diagnostic.message
        == "more than one peak moment (lines 12, 16, 20); mark only the one that stood out"
    )
    assert [i.key for i in study.interviews] == ["int-01"]  # a warning does not unpublish it


def test_one_peak_and_peak_false_are_fine(tree: ContentTree) -> None:
    text = edit(INTERVIEW, "    score: 5\n", "    score: 5\n    peak: true\n")
    text = edit(text, "    score: 4\n", "    score: 4\n    peak: false\n")
    tree.minimal()
    tree.write("interviews/int-01.md", text)

    assert load(tree).diagnostics == []


# --- unknown fields -----------------------------------------------------------------------------


def test_unknown_field_in_a_step_suggests_the_closest_known_field(tree: ContentTree) -> None:
    tree.minimal()
    tree.write(
        "interviews/int-01.md",
        edit(INTERVIEW, "    score: 4\n", "    score: 4\n    qoute: Not now!\n"),
    )

    study = load(tree)
    diagnostic = single(study)

    assert where(diagnostic) == (INTERVIEW_PATH, 15, "steps[2].qoute", Severity.WARNING)
    assert diagnostic.message == "unknown field, it is ignored (did you mean `quote`?)"
    assert [i.key for i in study.interviews] == ["int-01"]


def test_unknown_top_level_field_that_belongs_in_each_step(tree: ContentTree) -> None:
    tree.minimal()
    tree.write(
        "interviews/int-01.md",
        edit(INTERVIEW, "goal: Fix the laptop\n", "goal: Fix the laptop\ntouchpont: phone\n"),
    )

    diagnostic = single(load(tree))

    assert where(diagnostic) == (INTERVIEW_PATH, 7, "touchpont", Severity.WARNING)
    assert diagnostic.message == (
        "unknown field, it is ignored "
        "(did you mean `touchpoint`? it belongs in each item of `steps`)"
    )


def test_unknown_field_with_nothing_close_lists_the_known_fields_without_repeating_it(
    tree: ContentTree,
) -> None:
    tree.minimal()
    tree.write("personas/eva.md", PERSONA + "zzz: 1\n")

    diagnostic = single(load(tree))

    assert where(diagnostic) == (PERSONA_PATH, 4, "", Severity.WARNING)  # "zzz" not repeated
    assert diagnostic.message == (
        "unknown field on this line, it is ignored; its name is not repeated here, as it may "
        "be a participant's words. Fields are lower-case words (here: `name`, `summary`, "
        "`image`, `image_alt`, `attributes`), and text belongs in a field's value"
    )


@pytest.mark.parametrize(
    ("old", "new", "field", "line", "suggestion"),
    named_by_field(
        ("title: Laptop repair\n", "title: Laptop repair\nstage: notice\n", "stage", 3, "stages"),
        (
            "    name: Report it\n",
            "    name: Report it\n    questoins: [Why?]\n",
            "stages[2].questoins",
            8,
            "questions",
        ),
        (
            "    kind: human\n",
            "    kind: human\n    knd: human\n",
            "touchpoints[1].knd",
            14,
            "kind",
        ),
        (
            "    stage: report\n",
            "    stage: report\n    ower: IT\n",
            "opportunities[1].ower",
            19,
            "owner",
        ),
    ),
)
def test_unknown_field_in_a_journey_suggests_the_closest_known_field(
    tree: ContentTree, old: str, new: str, field: str, line: int, suggestion: str
) -> None:
    diagnostic = journey_error(tree, edit(JOURNEY, old, new))

    assert where(diagnostic) == (JOURNEY_PATH, line, field, Severity.WARNING)
    assert diagnostic.message == f"unknown field, it is ignored (did you mean `{suggestion}`?)"


def test_unknown_field_under_follow_up(tree: ContentTree) -> None:
    tree.minimal()
    tree.write("interviews/int-01.md", INTERVIEW + "follow_up:\n  wil: [Share the map]\n")

    diagnostic = single(load(tree))

    assert where(diagnostic) == (INTERVIEW_PATH, 16, "follow_up.wil", Severity.WARNING)
    assert diagnostic.message == "unknown field, it is ignored (did you mean `will`?)"


def test_any_field_under_participant_or_attributes_is_fine(tree: ContentTree) -> None:
    tree.minimal()
    extra = (
        "participant:\n  name: Jan\n  employee_number: 1234\n  shoe_size: 44\n"
        "attributes:\n  experience: starter\n"
    )
    tree.write("interviews/int-01.md", INTERVIEW + extra)

    assert load(tree).diagnostics == []


def test_a_field_given_twice_is_a_warning_on_the_repeat(tree: ContentTree) -> None:
    tree.minimal()
    tree.write("interviews/int-01.md", INTERVIEW + "goal: Another goal\n")

    diagnostic = single(load(tree))

    assert where(diagnostic) == (INTERVIEW_PATH, 15, "goal", Severity.WARNING)
    assert diagnostic.message == "is given twice; the last value is used"


# --- opportunities --------------------------------------------------------------------------------


def test_opportunity_evidence_naming_no_interview(tree: ContentTree) -> None:
    text = edit(JOURNEY, "      - int-01\n", "      - int-01\n      - int-02\n")
    diagnostic = journey_error(tree, text)

    assert where(diagnostic) == (JOURNEY_PATH, 21, "opportunities[1].evidence[2]", Severity.ERROR)
    assert diagnostic.message == "evidence `int-02` names no interview (did you mean `int-01`?)"


def test_opportunity_evidence_naming_an_interview_of_another_journey(tree: ContentTree) -> None:
    tree.journey("onboarding", stages=("signed",))
    tree.interview("onb-01", journey="onboarding", stages=("signed",), scores=(7,))
    text = edit(
        JOURNEY, "    evidence:\n      - int-01\n", "    evidence: [int-01,\n      onb-01]\n"
    )
    diagnostic = journey_error(tree, text)

    assert where(diagnostic) == (JOURNEY_PATH, 20, "opportunities[1].evidence[2]", Severity.ERROR)
    assert (
        diagnostic.message
        == "evidence `onb-01` is an interview of journey `onboarding`, not of `repair`"
    )


def test_opportunity_evidence_by_explicit_id(tree: ContentTree) -> None:
    tree.minimal()
    tree.interview("some-file", id="lap-02")
    tree.write("journeys/repair.md", edit(JOURNEY, "      - int-01\n", "      - lap-02\n"))

    assert load(tree).diagnostics == []


def test_opportunity_stage_not_in_the_journey(tree: ContentTree) -> None:
    diagnostic = journey_error(tree, edit(JOURNEY, "    stage: report\n", "    stage: repor\n"))

    assert where(diagnostic) == (JOURNEY_PATH, 18, "opportunities[1].stage", Severity.ERROR)
    assert diagnostic.message == (
        "stage `repor` is not a stage of journey `repair` (did you mean `report`?); "
        "its stages are `notice`, `report`, `wait`"
    )


# --- files that cannot be read -------------------------------------------------------------------


def write_bytes(tree: ContentTree, relative: str, raw: bytes) -> None:
    path = tree.root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)


@pytest.mark.parametrize(
    ("raw", "line", "message"),
    [
        (
            b"---\ndate: 2026-02-01\npersona: eva\n  journey: repair\n---\n",
            4,
            (
                "a field indented under a field that already has a value: line it up with the "
                "field above; if it is text that goes on from the line above, put that text in "
                "quotes"
            ),
        ),
        (
            b"---\ndate: 2026-02-01\npersona: eva\ngoal: Caf\xe9 visit\n---\n",
            4,
            "the file is not UTF-8 text: save it with UTF-8 encoding",
        ),
        (b"", 1, "the file is empty: it needs front matter between two `---` lines"),
        (
            b"# Interview with Eva\n\nNotes.\n",
            1,
            (
                "the file has no front matter: start it with a line `---`, "
                "then the fields, then another `---`"
            ),
        ),
        (
            b"---\ndate: 2026-02-01\npersona: eva\n",
            1,
            "the front matter is not closed: add a line `---` after the last field",
        ),
        (
            b"---\n- date: 2026-02-01\n- persona: eva\n---\n",
            2,
            "the front matter must be fields (`name: value` lines), not a single value or list",
        ),
    ],
    ids=["malformed-yaml", "not-utf8", "empty", "no-front-matter", "unclosed", "list"],
)
def test_an_unreadable_interview_file_is_one_error_with_its_line(
    tree: ContentTree, raw: bytes, line: int, message: str
) -> None:
    tree.minimal()
    write_bytes(tree, "interviews/int-01.md", raw)

    study = load(tree)
    diagnostic = single(study)

    assert where(diagnostic) == (INTERVIEW_PATH, line, "", Severity.ERROR)
    assert diagnostic.message == message
    assert diagnostic.format() == f"{INTERVIEW_PATH}:{line}: error: {message}"
    assert study.interviews == []


@pytest.mark.parametrize("relative", ["personas/eva.md", "journeys/repair.md"])
def test_an_unreadable_persona_or_journey_is_one_error_without_cascade(
    tree: ContentTree, relative: str
) -> None:
    tree.minimal()
    write_bytes(tree, relative, b"")

    diagnostic = single(load(tree))

    assert where(diagnostic) == (f"content/{relative}", 1, "", Severity.ERROR)
    assert "the file is empty" in diagnostic.message


def test_a_malformed_yaml_error_names_where_the_unclosed_part_started(tree: ContentTree) -> None:
    tree.minimal()
    tree.write("interviews/int-01.md", edit(INTERVIEW, "journey: repair\n", "journey: [repair\n"))

    diagnostic = single(load(tree))

    assert (diagnostic.path, diagnostic.line, diagnostic.severity) == (
        INTERVIEW_PATH,
        4,
        Severity.ERROR,
    )
    assert diagnostic.message == (
        "a `[` or `{` that opens on this line is not closed: close it, "
        "or write a list as one `- item` per line"
    )


def test_a_persona_file_name_that_is_not_a_slug_suggests_one(tree: ContentTree) -> None:
    tree.minimal()
    tree.write("personas/Eva Smith.md", PERSONA)

    diagnostic = single(load(tree))

    assert where(diagnostic) == ("content/personas/Eva Smith.md", 1, "", Severity.ERROR)
    assert diagnostic.message == (
        "the file name must be a slug: lower-case letters, digits and `-` "
        "(rename it to `eva-smith.md`)"
    )


def test_a_journey_file_name_that_is_not_a_slug_suggests_one(tree: ContentTree) -> None:
    tree.minimal()
    tree.write("journeys/Laptop_Repair.md", JOURNEY)

    diagnostics = load(tree).diagnostics
    naming = [
        d for d in diagnostics if d.path == "content/journeys/Laptop_Repair.md" and d.line == 1
    ]

    assert len(naming) == 1
    assert naming[0].message.endswith("(rename it to `laptop-repair.md`)")


# --- all problems in one run ----------------------------------------------------------------------


def test_three_broken_files_all_get_reported_in_one_run(tree: ContentTree) -> None:
    tree.minimal()
    tree.write("personas/eva.md", "name: Eva\n")
    tree.write("journeys/repair.md", edit(JOURNEY, "    kind: human\n", "    kind: robot\n"))
    tree.write("interviews/int-01.md", edit(INTERVIEW, "    score: 5\n", "    score: 50\n"))

    study = load(tree)

    assert [(d.path, d.line, d.field) for d in study.diagnostics] == [
        (INTERVIEW_PATH, 11, "steps[1].score"),
        (JOURNEY_PATH, 13, "touchpoints[1].kind"),
        (PERSONA_PATH, 2, "summary"),
    ]
    assert all(d.severity is Severity.ERROR for d in study.diagnostics)


def test_a_file_with_a_schema_error_also_gets_reference_errors_and_warnings(
    tree: ContentTree,
) -> None:
    # a reference error on line 3, a schema error on 11, a warning on 12, a stage error on 13
    text = edit(INTERVIEW, "persona: eva\n", "persona: evaa\n")
    text = edit(text, "    score: 5\n", "    score: 3.3\n    qoute: Hmm\n")
    text = edit(text, "  - stage: report\n", "  - stage: reprot\n")
    tree.minimal()
    tree.write("interviews/int-01.md", text)

    study = load(tree)

    assert [(d.line, d.field, d.severity) for d in study.diagnostics] == [
        (3, "persona", Severity.ERROR),
        (11, "steps[1].score", Severity.ERROR),
        (12, "steps[1].qoute", Severity.WARNING),
        (13, "steps[2].stage", Severity.ERROR),
    ]
    assert {d.path for d in study.diagnostics} == {INTERVIEW_PATH}


def test_an_interview_with_errors_is_left_out_and_valid_ones_remain(tree: ContentTree) -> None:
    tree.minimal()
    tree.interview("int-02", scores=(5, 6, 12))
    tree.interview("int-03")

    study = load(tree)

    assert [(d.path, d.field) for d in study.diagnostics] == [
        ("content/interviews/int-02.md", "steps[3].score")
    ]
    assert [i.key for i in study.interviews] == ["int-01", "int-03"]


def test_an_interview_with_only_a_reference_error_is_left_out(tree: ContentTree) -> None:
    tree.minimal()
    tree.interview("int-02", persona="nobody")

    study = load(tree)

    assert [d.field for d in study.diagnostics] == ["persona"]
    assert [i.key for i in study.interviews] == ["int-01"]


# --- messages never echo free text ----------------------------------------------------------------

EMAIL = "jan@example.nl"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("overall_score: 6", f"overall_score: {EMAIL}"),
        ("    score: 5", f"    score: {EMAIL}"),
        ("date: 2026-02-01", f"date: {EMAIL}"),
        ("consent: true", f"consent: {EMAIL}"),
        ("goal: Fix the laptop", f"goal: [{EMAIL}]"),
        ("date: 2026-02-01", f"date: 2026-02-01\nnps: {EMAIL}"),
        ("date: 2026-02-01", f"date: 2026-02-01\nadvocacy: {EMAIL}"),
        ("date: 2026-02-01", f"date: 2026-02-01\nid: {EMAIL}"),
        pytest.param(
            "persona: eva",
            f"persona: {EMAIL}",
        ),
        pytest.param(
            "journey: repair",
            f"journey: {EMAIL}",
        ),
        pytest.param(
            "  - stage: notice",
            f"  - stage: {EMAIL}",
        ),
    ],
    ids=[
        "overall_score",
        "step-score",
        "date",
        "consent",
        "goal",
        "nps",
        "advocacy",
        "id",
        "persona",
        "journey",
        "stage",
    ],
)
def test_messages_never_echo_free_text(tree: ContentTree, old: str, new: str) -> None:
    tree.minimal()
    tree.write("interviews/int-01.md", edit(INTERVIEW, old, new))

    study = load(tree)

    assert study.has_errors
    assert not [d.format() for d in study.diagnostics if EMAIL in d.format()]


# --- valid content --------------------------------------------------------------------------------


def test_valid_content_gives_no_diagnostics_and_all_records(tree: ContentTree) -> None:
    tree.minimal()
    tree.persona("bob")
    tree.journey("onboarding", stages=("signed", "first-day"))
    tree.interview(
        "onb-01", persona="bob", journey="onboarding", stages=("signed", "first-day"), scores=(8, 9)
    )

    study = load(tree)

    assert study.diagnostics == []
    assert study.has_errors is False
    assert study.file_count == 6
    assert sorted(study.personas) == ["bob", "eva"]
    assert sorted(study.journeys) == ["onboarding", "repair"]
    assert [i.key for i in study.interviews if i.journey == "onboarding"] == ["onb-01"]


def test_interviews_are_sorted_by_date_then_id(tree: ContentTree) -> None:
    tree.persona()
    tree.journey()
    tree.interview("zz-first", date="2026-01-05")
    tree.interview("bb", date="2026-02-01", folder="later")
    tree.interview("aa", date="2026-02-01")
    tree.interview("mm", date="2026-02-01", id="ab")
    tree.interview("early", date="2025-12-31")

    study = load(tree)

    assert study.diagnostics == []
    assert [i.key for i in study.interviews] == ["early", "zz-first", "aa", "ab", "bb"]


def test_interview_key_defaults_to_the_file_name_and_sub_folders_do_not_count(
    tree: ContentTree,
) -> None:
    tree.persona()
    tree.journey()
    tree.interview("2026-02-eva-03", folder="2026/02")
    tree.interview("file-name", id="explicit-id")

    study = load(tree)

    assert {i.key: i.source.path for i in study.interviews} == {
        "2026-02-eva-03": "content/interviews/2026/02/2026-02-eva-03.md",
        "explicit-id": "content/interviews/file-name.md",
    }
    assert study.interviews[0].id is None


def test_the_demo_content_of_the_repo_is_valid() -> None:
    study = load_study(REPO / "content", display_root=REPO)

    assert [d.format() for d in study.diagnostics] == []
    assert len(study.interviews) == 12


def test_a_missing_content_folder_is_one_error(tmp_path: Path) -> None:
    study = load_study(tmp_path / "nowhere", display_root=tmp_path)

    assert [(d.path, d.line, d.severity, d.message) for d in study.diagnostics] == [
        ("nowhere", 1, Severity.ERROR, "the content folder does not exist")
    ]


def test_references_of_a_valid_interview_are_those_of_its_raw_fields() -> None:
    """A valid interview's references are read from its model; an invalid file's from its
    raw data. Both ways must agree, or a file would be checked differently once fixed."""
    content = REPO / "content"
    study = load_study(content, content.parent)
    assert len(study.interviews) > 5
    for interview in study.interviews:
        raw = (content.parent / interview.source.path).read_bytes()
        from_data = InterviewReferences.of(Invalid(read_document(raw).data, interview.source))
        assert InterviewReferences.of(interview) == from_data
