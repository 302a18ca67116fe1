"""Themes across interviews, in the content layer: the codebook (``content/themes/``), the
``themes`` of steps and opportunities, their rules, the schema and the facts.

Rules are checked through ``load_study`` on real files written as exact text, so the line
of each field is known (line 1 is ``---``).
"""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
import yaml

from contentkit import REPO, ContentTree, edit, journeys_cli, problems, single
from journeys.analysis.facts import fact_of
from journeys.cli.init import TEMPLATE_DIR
from journeys.content import model, reference
from journeys.content.diagnostics import Severity
from journeys.content.loading import load_study
from journeys.content.study import Study
from journeys.content.themes import SHORT_LIST
from journeys.privacy import contacts

JOURNEY_PATH = "content/journeys/repair.md"
INTERVIEW_PATH = "content/interviews/int-01.md"

JOURNEY = """\
title: Laptop repair
stages:
  - id: notice
    name: Notice the problem
  - id: wait
    name: Wait for the repair
opportunities:
  - title: Tell people where their laptop is
    stage: wait
    evidence: [int-01]
    themes: [not-informed]
"""  # opportunities[1] 8-12, its themes 12

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
    themes: [accepted-as-normal]
  - stage: wait
    action: Waited for news
    score: 3
    themes:
      - not-informed
      - accepted-as-normal
"""  # steps[1] 9-12 (themes 12); steps[2] 13-18 (themes 16, items 17 and 18)

CODEBOOK = ("accepted-as-normal", "not-informed")


def study_of(
    tree: ContentTree,
    journey: str = JOURNEY,
    interview: str = INTERVIEW,
    themes: tuple[str, ...] = CODEBOOK,
) -> Study:
    tree.persona("eva")
    tree.write("journeys/repair.md", journey)
    tree.write("interviews/int-01.md", interview)
    for slug in themes:
        tree.theme(slug)
    return load_study(tree.root, display_root=tree.root.parent)


def as_json(data: object) -> object:
    """YAML as an editor's language server sees it: dates are text."""
    return json.loads(json.dumps(data, default=str))


# --- the codebook --------------------------------------------------------------------------------


def test_the_codebook_and_the_tags_are_read(tree: ContentTree) -> None:
    tree.theme(
        "not-informed",
        body="Waiting without news.\n\n*Example:* no word for a week.",
        name="Not kept informed",
        description="Nobody said what happens next.",
    )
    study = study_of(tree, themes=("accepted-as-normal",))

    assert problems(study) == []
    assert list(study.themes) == ["accepted-as-normal", "not-informed"]
    theme = study.themes["not-informed"]
    assert (theme.slug, theme.name, theme.description) == (
        "not-informed",
        "Not kept informed",
        "Nobody said what happens next.",
    )
    assert theme.source.path == "content/themes/not-informed.md"
    assert "*Example:* no word for a week." in theme.source.body
    (interview,) = study.interviews
    assert [step.themes for step in interview.steps] == [
        ["accepted-as-normal"],
        ["not-informed", "accepted-as-normal"],
    ]
    assert study.journeys["repair"].opportunities[0].themes == ["not-informed"]
    assert study.file_count == 5


def test_a_study_without_a_codebook_works_as_before(tree: ContentTree) -> None:
    tree.minimal()
    study = load_study(tree.root, display_root=tree.root.parent)

    assert problems(study) == []
    assert study.themes == {}
    assert study.file_count == 3
    assert study.interviews[0].steps[0].themes == []
    facts = fact_of(study.interviews[0], set())
    assert [step.themes for step in facts.steps] == [(), (), ()]


def test_a_theme_needs_a_name_and_a_description(tree: ContentTree) -> None:
    tree.write("themes/not-informed.md", "name: Not kept informed\n")
    study = study_of(tree, themes=("accepted-as-normal",))

    # The file with an error still exists: the steps that name it are not wrong too.
    assert problems(study) == [
        (
            "content/themes/not-informed.md",
            2,
            "description",
            Severity.ERROR,
            "required field is missing",
        )
    ]
    assert list(study.themes) == ["accepted-as-normal"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "Not_Informed",
            (
                "the file name must be a slug: lower-case letters, digits and `-` "
                "(rename it to `not-informed.md`)"
            ),
        ),
        (
            "index",
            (
                "the file name `index` is reserved: the site writes its list of themes to "
                "`themes/index.md`, and MkDocs reads a README as a folder's index page: "
                "rename the file"
            ),
        ),
    ],
)
def test_a_theme_file_name_is_a_slug_and_not_reserved(
    tree: ContentTree, name: str, message: str
) -> None:
    tree.theme(name)
    study = study_of(tree)

    assert problems(study) == [
        (f"content/themes/{name}.md", 1, "", Severity.ERROR, message),
    ]
    assert list(study.themes) == list(CODEBOOK)


def test_the_marks_of_a_theme_publish_the_teams_words_and_the_tags_always() -> None:
    assert {name: model.field_kind(info) for name, info in model.Theme.model_fields.items()} == {
        "name": model.TEXT,
        "description": model.TEXT,
    }
    for owner in (model.Step, model.Opportunity):
        assert model.field_kind(owner.model_fields["themes"]) is model.IDENTIFIER


# --- unknown themes ------------------------------------------------------------------------------


def test_an_unknown_theme_in_a_step_is_an_error_with_the_closest_slug_and_the_codebook(
    tree: ContentTree,
) -> None:
    interview = edit(INTERVIEW, "      - accepted-as-normal\n", "      - accepted-as-norml\n")
    study = study_of(tree, interview=interview)

    assert problems(study) == [
        (
            INTERVIEW_PATH,
            18,
            "steps[2].themes[2]",
            Severity.ERROR,
            (
                "theme `accepted-as-norml` names no file in content/themes/ (did you mean "
                "`accepted-as-normal`?); the codebook's themes are `accepted-as-normal`, "
                "`not-informed`"
            ),
        )
    ]
    assert study.interviews == []  # like every file with an error: left out until fixed


def test_an_unknown_theme_in_an_opportunity_is_an_error(tree: ContentTree) -> None:
    journey = edit(JOURNEY, "themes: [not-informed]", "themes: [not-informed, acepted-as-normal]")
    diagnostic = single(study_of(tree, journey=journey))

    assert (diagnostic.path, diagnostic.line, diagnostic.field, diagnostic.severity) == (
        JOURNEY_PATH,
        12,
        "opportunities[1].themes[2]",
        Severity.ERROR,
    )
    assert diagnostic.message.startswith(
        "theme `acepted-as-normal` names no file in content/themes/ "
        "(did you mean `accepted-as-normal`?)"
    )


def test_a_long_codebook_is_not_listed(tree: ContentTree) -> None:
    many = (*CODEBOOK, *(f"theme-{number:02}" for number in range(SHORT_LIST)))
    interview = edit(INTERVIEW, "      - accepted-as-normal\n", "      - accepted-as-usual\n")
    study = study_of(tree, interview=interview, themes=many)

    (error,) = [d for d in study.diagnostics if d.severity is Severity.ERROR]
    assert (error.line, error.field) == (18, "steps[2].themes[2]")
    assert error.message == (
        "theme `accepted-as-usual` names no file in content/themes/ (did you mean "
        "`accepted-as-normal`?); correct it, or add the theme to the codebook as "
        "content/themes/accepted-as-usual.md"
    )


def test_without_a_codebook_a_theme_says_to_add_its_file(tree: ContentTree) -> None:
    study = study_of(tree, themes=())

    found = problems(study)
    assert [(path, line, field) for path, line, field, _, _ in found] == [
        (INTERVIEW_PATH, 12, "steps[1].themes[1]"),
        (INTERVIEW_PATH, 17, "steps[2].themes[1]"),
        (INTERVIEW_PATH, 18, "steps[2].themes[2]"),
        (JOURNEY_PATH, 12, "opportunities[1].themes[1]"),
    ]
    assert {severity for *_, severity, _ in found} == {Severity.ERROR}
    assert found[1][-1] == (
        "theme `not-informed` names no file in content/themes/: there is no codebook yet; "
        "add the theme as content/themes/not-informed.md with its `name` and `description`"
    )


def test_a_theme_that_is_no_slug_is_not_repeated_in_the_message(tree: ContentTree) -> None:
    interview = edit(INTERVIEW, "      - accepted-as-normal\n", "      - Jan de Vries waited\n")
    diagnostic = single(study_of(tree, interview=interview))

    assert diagnostic.line == 18
    assert diagnostic.message.startswith("theme the value given names no file in content/themes/")
    assert "Jan" not in diagnostic.format()


def test_a_file_with_other_errors_has_its_themes_checked_too(tree: ContentTree) -> None:
    interview = edit(INTERVIEW, "    score: 3\n", "    score: 11\n")
    interview = edit(interview, "      - accepted-as-normal\n", "      - accepted-as-norml\n")
    study = study_of(tree, interview=interview)

    assert [(line, field, severity) for _, line, field, severity, _ in problems(study)] == [
        (15, "steps[2].score", Severity.ERROR),
        (18, "steps[2].themes[2]", Severity.ERROR),
    ]


# --- duplicates and unused themes ----------------------------------------------------------------


def test_a_theme_given_twice_in_one_list_is_a_warning_on_the_repeat(tree: ContentTree) -> None:
    interview = edit(INTERVIEW, "      - accepted-as-normal\n", "      - not-informed\n")
    study = study_of(tree, interview=interview)

    assert problems(study) == [
        (
            INTERVIEW_PATH,
            18,
            "steps[2].themes[2]",
            Severity.WARNING,
            (
                "theme `not-informed` is listed twice (first as item 1 of this list); a moment "
                "counts once for each theme: delete the repeat"
            ),
        )
    ]
    (interview_record,) = study.interviews  # a warning: still published
    assert fact_of(interview_record, set()).steps[1].themes == ("not-informed",)


def test_the_same_theme_on_two_steps_is_no_repeat(tree: ContentTree) -> None:
    interview = edit(INTERVIEW, "themes: [accepted-as-normal]", "themes: [not-informed]")
    assert problems(study_of(tree, interview=interview)) == []


def test_a_theme_no_step_uses_is_a_warning_at_its_first_line(tree: ContentTree) -> None:
    study = study_of(tree, themes=(*CODEBOOK, "slow-repair"))

    assert problems(study) == [
        (
            "content/themes/slow-repair.md",
            1,
            "",
            Severity.WARNING,
            (
                "theme `slow-repair` is applied to no step: tag the moments it is about with "
                "`themes: [slow-repair]` in the interviews, or delete the file if the codebook no "
                "longer needs it"
            ),
        )
    ]


def test_a_theme_only_an_opportunity_names_is_still_unused(tree: ContentTree) -> None:
    interview = edit(INTERVIEW, "      - not-informed\n")
    diagnostic = single(study_of(tree, interview=interview))

    assert (diagnostic.path, diagnostic.line, diagnostic.severity) == (
        "content/themes/not-informed.md",
        1,
        Severity.WARNING,
    )
    assert diagnostic.message.endswith(
        "(opportunities name it, but a theme's reach and pain are counted from tagged steps)"
    )


def test_a_step_of_a_file_with_errors_still_applies_its_theme(tree: ContentTree) -> None:
    interview = edit(INTERVIEW, "overall_score: 6\n", "overall_score: 12\n")
    study = study_of(tree, interview=interview)

    assert [(d.path, d.field) for d in study.diagnostics] == [(INTERVIEW_PATH, "overall_score")]


def test_every_problem_is_found_in_one_run(tree: ContentTree) -> None:
    interview = edit(INTERVIEW, "themes: [accepted-as-normal]", "themes: [acepted, acepted]")
    journey = edit(JOURNEY, "themes: [not-informed]", "themes: [not-informd]")
    study = study_of(tree, journey=journey, interview=interview, themes=(*CODEBOOK, "unused"))

    assert [(d.path, d.line, d.field, d.severity) for d in study.diagnostics] == [
        (INTERVIEW_PATH, 12, "steps[1].themes[1]", Severity.ERROR),
        (INTERVIEW_PATH, 12, "steps[1].themes[2]", Severity.ERROR),
        (JOURNEY_PATH, 12, "opportunities[1].themes[1]", Severity.ERROR),
        ("content/themes/unused.md", 1, "", Severity.WARNING),
    ]


# --- checks over every record and the facts ------------------------------------------------------


def test_the_contact_check_reads_the_codebook(tree: ContentTree) -> None:
    tree.theme("not-informed", body="Ask jan.devries@example.org for the recordings.")
    tree.persona("eva")
    tree.write("journeys/repair.md", JOURNEY)
    tree.write("interviews/int-01.md", INTERVIEW)
    tree.theme("accepted-as-normal")
    study = load_study(tree.root, display_root=tree.root.parent, checks=[contacts.checker()])

    (diagnostic,) = study.diagnostics
    assert (diagnostic.path, diagnostic.line, diagnostic.severity) == (
        "content/themes/not-informed.md",
        5,
        Severity.WARNING,
    )
    assert "looks like an e-mail address" in diagnostic.message


@pytest.mark.parametrize("consent", ["true", "false"])
def test_the_facts_carry_each_steps_themes_with_or_without_consent(
    tree: ContentTree, consent: str
) -> None:
    interview = edit(INTERVIEW, "consent: true", f"consent: {consent}")
    (record,) = study_of(tree, interview=interview).interviews
    fact = fact_of(record, set())

    assert fact.published is (consent == "true")
    expected = [
        tuple(step.get("themes", ()))
        for step in yaml.safe_load(interview)["steps"]  # the fixture, read independently
    ]
    assert [step.themes for step in fact.steps] == expected
    assert expected == [("accepted-as-normal",), ("not-informed", "accepted-as-normal")]


# --- the schema and the example of `journeys init` -----------------------------------------------


def test_journeys_schema_theme_prints_the_codebooks_schema() -> None:
    result = journeys_cli("schema", "theme", cwd=REPO)
    assert result.returncode == 0, result.stderr
    schema = json.loads(result.stdout)

    assert schema["title"] == "Theme front matter"
    assert set(schema["required"]) == {"name", "description"}
    for file in (TEMPLATE_DIR / "content" / "themes").glob("*.md"):
        front = file.read_text(encoding="utf-8").split("---\n")[1]
        jsonschema.validate(as_json(yaml.safe_load(front)), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"name": "No description"}, schema)


@pytest.mark.parametrize(("kind", "part"), [("interview", "Step"), ("journey", "Opportunity")])
def test_the_schemas_of_steps_and_opportunities_take_a_list_of_themes(kind: str, part: str) -> None:
    schema = model.SCHEMAS[kind]()
    themes = schema["$defs"][part]["properties"]["themes"]

    assert themes["type"] == "array" and themes["items"] == {"type": "string"}
    assert "themes" not in schema["$defs"][part].get("required", [])
    fixture = yaml.safe_load(INTERVIEW if kind == "interview" else JOURNEY)
    jsonschema.validate(as_json(fixture), schema)


def test_the_field_reference_has_the_codebook_and_the_tags() -> None:
    page = (REPO / "docs" / "guide" / "content-format.md").read_text(encoding="utf-8")
    text = reference.replace_marker(page)
    theme = text[text.index("### Theme\n") :]
    assert re.search(r"\| `name` \| \*\*required\*\* \| text \|", theme)
    assert re.search(r"\| `description` \| \*\*required\*\* \| text \|", theme)
    step = text[text.index("### Step\n") : text.index("### Follow-up\n")]
    assert "| `themes` | optional | list of text | always |" in step
