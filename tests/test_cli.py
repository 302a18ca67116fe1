"""The ``journeys`` command: ``check``, ``new interview`` and ``schema``.

Most tests run the real command in a separate process (``journeys_cli``), as researchers do;
a few call ``journeys.cli.main`` in-process where that is simpler.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from contentkit import REPO, ContentTree, demo_config, journeys_cli
from journeys.cli.commands import main
from journeys.content.diagnostics import workflow_command
from journeys.content.frontmatter import read_document
from journeys.content.loading import load_study

DIAGNOSTIC_LINE = re.compile(r"^\S+:\d+: (error|warning): ")
SUMMARY_LINE = re.compile(r"^\d+ files? checked: \d+ errors?, \d+ warnings?$")


def output_lines(text: str) -> list[str]:
    return text.rstrip("\n").split("\n") if text.strip() else []


# --- journeys check --------------------------------------------------------------------------


def test_check_on_valid_content_exits_0_with_a_summary(tree: ContentTree, tmp_path: Path) -> None:
    tree.minimal()

    result = journeys_cli("check", "content", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert output_lines(result.stdout) == ["3 files checked: 0 errors, 0 warnings"]
    assert result.stderr == ""


def test_check_uses_content_under_the_current_directory_by_default(
    tree: ContentTree, tmp_path: Path
) -> None:
    tree.minimal()
    tree.interview("int-02", scores=(5, 6, 11))

    result = journeys_cli("check", cwd=tmp_path)

    assert result.returncode == 1
    assert output_lines(result.stdout)[0].startswith("content/interviews/int-02.md:")


def test_check_without_a_content_folder_fails(tmp_path: Path) -> None:
    result = journeys_cli("check", cwd=tmp_path)

    assert result.returncode == 1
    assert output_lines(result.stdout) == [
        "content:1: error: the content folder does not exist",
        "0 files checked: 1 error, 0 warnings",
    ]


def test_check_with_a_warning_exits_0(tree: ContentTree, tmp_path: Path) -> None:
    tree.minimal()
    tree.interview("int-02", touchpont="phone")

    result = journeys_cli("check", "content", cwd=tmp_path)

    assert result.returncode == 0
    lines = output_lines(result.stdout)
    assert len(lines) == 2
    assert re.match(
        r"^content/interviews/int-02\.md:\d+: warning: `touchpont`: unknown field", lines[0]
    )
    assert lines[1] == "4 files checked: 0 errors, 1 warning"


def test_check_strict_with_a_warning_exits_1(tree: ContentTree, tmp_path: Path) -> None:
    tree.minimal()
    tree.interview("int-02", touchpont="phone")

    result = journeys_cli("check", "--strict", "content", cwd=tmp_path)

    assert result.returncode == 1
    assert output_lines(result.stdout)[-1] == "4 files checked: 0 errors, 1 warning"


def test_check_with_an_error_exits_1_and_prints_compiler_style_lines(
    tree: ContentTree, tmp_path: Path
) -> None:
    tree.minimal()
    tree.write(
        "interviews/int-02.md",
        "date: 2026-02-30\npersona: eva\njourney: repair\nconsent: true\n"
        "goal: G\noverall_score: 6\n"
        "touchpont: x\nsteps:\n  - stage: notice\n    action: A\n    score: 3.3\n",
    )

    result = journeys_cli("check", "content", cwd=tmp_path)

    assert result.returncode == 1
    assert output_lines(result.stdout) == [
        "content/interviews/int-02.md:2: error: `date`: `2026-02-30` is not a day in the calendar",
        (
            "content/interviews/int-02.md:8: warning: `touchpont`: unknown field, it is ignored "
            "(did you mean `touchpoint`? it belongs in each item of `steps`)"
        ),
        (
            "content/interviews/int-02.md:12: error: `steps[1].score`: "
            "expected a grade from 1 to 10 in steps of 0.5 (like 7 or 6.5), got 3.3"
        ),
        "4 files checked: 2 errors, 1 warning",
    ]


INT_02 = (
    "date: 2026-02-30\npersona: eva\njourney: repair\nconsent: true\n"
    "goal: G\noverall_score: 6\n"
    "touchpont: x\nsteps:\n  - stage: notice\n    action: A\n    score: 3.3\n"
)
"""An interview with two errors (lines 2 and 12) and a warning (line 8)."""


def annotations(path: str) -> list[str]:
    """What ``journeys check --format github`` prints for INT_02 at ``path``."""
    return [
        (
            f"::error file={path},line=2,title=journeys check::"
            "`date`: `2026-02-30` is not a day in the calendar"
        ),
        (
            f"::warning file={path},line=8,title=journeys check::"
            "`touchpont`: unknown field, it is ignored "
            "(did you mean `touchpoint`? it belongs in each item of `steps`)"
        ),
        (
            f"::error file={path},line=12,title=journeys check::"
            "`steps[1].score`: expected a grade from 1 to 10 in steps of 0.5 (like 7 or 6.5), "
            "got 3.3"
        ),
    ]


def test_check_format_github_prints_an_annotation_for_each_problem_then_the_summary(
    tree: ContentTree, tmp_path: Path
) -> None:
    tree.minimal()
    tree.write("interviews/2026-02/int-02.md", INT_02)
    (tmp_path / ".git").mkdir()

    result = journeys_cli("check", "--format", "github", "content", cwd=tmp_path)

    assert result.returncode == 1
    assert output_lines(result.stdout) == [
        *annotations("content/interviews/2026-02/int-02.md"),
        "4 files checked: 2 errors, 1 warning",
    ]
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("folder", "content_dir"), [("content", "."), ("docs", "../content"), (".", "content")]
)
def test_check_format_github_names_files_from_the_root_of_the_repository(
    tree: ContentTree, tmp_path: Path, folder: str, content_dir: str
) -> None:
    """GitHub places an annotation by the file's path in the repository, wherever the
    command runs."""
    tree.minimal()
    tree.write("interviews/int-02.md", INT_02)
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs").mkdir()

    result = journeys_cli(
        "check", "--format", "github", "--no-cache", content_dir, cwd=tmp_path / folder
    )

    assert output_lines(result.stdout)[:-1] == annotations("content/interviews/int-02.md")


def test_check_format_github_fails_as_the_default_format_does(
    tree: ContentTree, tmp_path: Path
) -> None:
    tree.minimal()
    tree.interview("int-02", touchpont="phone")
    (tmp_path / ".git").mkdir()

    relaxed = journeys_cli("check", "--format", "github", cwd=tmp_path)
    strict = journeys_cli("check", "--format", "github", "--strict", cwd=tmp_path)

    assert (relaxed.returncode, strict.returncode) == (0, 1)
    assert relaxed.stdout == strict.stdout
    assert output_lines(strict.stdout)[0].startswith(
        "::warning file=content/interviews/int-02.md,line="
    )


def test_check_format_github_escapes_what_github_would_read_as_syntax(
    tree: ContentTree, tmp_path: Path
) -> None:
    tree.minimal()
    tree.write("interviews/a,b.md", "date: [2026]\n")
    (tmp_path / ".git").mkdir()

    result = journeys_cli("check", "--format", "github", cwd=tmp_path)

    assert output_lines(result.stdout)[0].startswith(
        "::error file=content/interviews/a%2Cb.md,line="
    )
    assert workflow_command("error", "100% sure\r\nnext: a, b", file="a:b,c%.md", line="3") == (
        "::error file=a%3Ab%2Cc%25.md,line=3::100%25 sure%0D%0Anext: a, b"
    )
    assert workflow_command("notice", "done") == "::notice::done"


def test_check_format_github_annotates_a_wrong_plugin_option_on_mkdocs_yml(
    tree: ContentTree, tmp_path: Path
) -> None:
    tree.minimal()
    (tmp_path / ".git").mkdir()
    site_with_options(tmp_path, "      cache: 'yes'\n")

    result = journeys_cli("check", "--format", "github", cwd=tmp_path)

    assert result.returncode == 1
    assert result.stdout == (
        "::error file=mkdocs.yml,title=journeys check::"
        "mkdocs.yml: plugin journeys, option `cache`: expected true or false, got 'yes'\n"
    )


def test_every_diagnostic_line_is_path_line_severity(tree: ContentTree, tmp_path: Path) -> None:
    tree.minimal()
    tree.write("personas/bad.md", "- not fields\n")
    tree.write("journeys/other.md", "title: Other\nstages:\n  - id: a\n")
    (tree.root / "interviews" / "empty.md").write_bytes(b"")
    tree.interview("int-02", persona="evaa", overall_score=12, advocacy="servce")
    tree.interview("int-03", touchpont="phone")

    result = journeys_cli("check", "content", cwd=tmp_path)

    lines = output_lines(result.stdout)
    assert result.returncode == 1
    assert len(lines) >= 7
    assert all(DIAGNOSTIC_LINE.match(line) for line in lines[:-1]), lines
    assert SUMMARY_LINE.match(lines[-1])
    assert lines[-1] == f"8 files checked: {len(lines) - 2} errors, 1 warning"
    assert "Traceback" not in result.stderr


def test_check_output_sorts_by_file_then_line(tree: ContentTree, tmp_path: Path) -> None:
    tree.minimal()
    tree.interview("b", overall_score=0)
    tree.interview("a", scores=(0, 5, 0))

    result = journeys_cli("check", "content", cwd=tmp_path)

    located = [line.split(": ")[0] for line in output_lines(result.stdout)[:-1]]
    paths_and_lines = [(where.rsplit(":", 1)[0], int(where.rsplit(":", 1)[1])) for where in located]
    assert paths_and_lines == sorted(paths_and_lines)
    assert [path for path, _ in paths_and_lines] == [
        "content/interviews/a.md",
        "content/interviews/a.md",
        "content/interviews/b.md",
    ]


def test_check_in_process_matches_the_subprocess(
    tree: ContentTree,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tree.minimal()
    tree.interview("int-02", touchpont="phone")
    monkeypatch.chdir(tmp_path)

    assert main(["check"]) == 0
    relaxed = capsys.readouterr().out
    assert main(["check", "--strict"]) == 1
    strict = capsys.readouterr().out

    assert relaxed == strict
    assert output_lines(relaxed)[-1] == "4 files checked: 0 errors, 1 warning"


def test_check_strict_on_the_demo_content_of_the_repo_passes(demo_cache: Path) -> None:
    with demo_config(demo_cache) as config:  # its cache outside the repository
        result = journeys_cli("check", "--strict", "content", "--config", str(config), cwd=REPO)

    assert result.returncode == 0, result.stdout + result.stderr
    assert output_lines(result.stdout) == ["17 files checked: 0 errors, 0 warnings"]


def study_with_a_pasted_line(tmp_path: Path, pasted: str, consent: bool) -> None:
    """A valid study whose one interview has a line of the researcher's notes pasted into
    its front matter as ``<pasted>: yes``: YAML reads it as a field the model does not know."""
    tree = ContentTree(tmp_path / "content")
    tree.persona()
    tree.journey()
    path = tree.interview("int-01", consent=consent, participant={"name": "Femke Oudshoorn"})
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n---\n", f"\n{pasted}: yes\n---\n", 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("pasted", "consent", "private"),
    [
        ("Femke Oudshoorn called back", True, "Oudshoorn"),  # the participant's name
        ("Never again with that helpdesk", False, "helpdesk"),  # a non-consenting quote
    ],
    ids=["participant-name", "non-consenting-words"],
)
def test_check_annotations_do_not_repeat_an_unknown_field_that_is_no_typo(
    tmp_path: Path, pasted: str, consent: bool, private: str
) -> None:
    """Annotations go into the CI log, public for a public repository: an unknown field's
    name is repeated only when it is a typo of a known field."""
    study_with_a_pasted_line(tmp_path, pasted, consent)

    result = journeys_cli("check", "--format", "github", "content", cwd=tmp_path)

    [warning] = [line for line in output_lines(result.stdout) if line.startswith("::warning")]
    assert "line=20," in warning  # where it is
    assert "unknown field on this line, it is ignored; its name is not repeated here" in warning
    assert private not in result.stdout + result.stderr


# --- journeys new interview -----------------------------------------------------------------

GUIDED_JOURNEY = """\
title: Laptop repair
stages:
  - id: notice
    name: Notice the problem
    description: The moment it breaks.
    questions:
      - What were you doing when it broke?
      - What did you try yourself?
  - id: report
    name: Report it
    questions:
      - Which channel did you use, and why?
  - id: wait
    name: Wait for the repair
touchpoints:
  - id: phone
    name: Service desk phone line
  - id: portal
    name: Self-service portal
"""


@pytest.fixture
def guided(tree: ContentTree) -> ContentTree:
    """Two personas and a journey whose stages carry interview questions; no interviews yet."""
    tree.persona("eva")
    tree.persona("bob")
    tree.write("journeys/repair.md", GUIDED_JOURNEY)
    return tree


DATE = "2026-02-22"
"""The date the tests' interviews are held on, unless a test says otherwise."""
MONTH = Path("content") / "interviews" / "2026-02"
"""Where an interview held on DATE is filed, from the project's folder."""


def new_interview(cwd: Path, *extra: str, date: str | None = DATE) -> Any:
    """``journeys new interview`` for journey `repair` and persona `eva`, held on ``date``
    (None: no ``--date``, so today)."""
    return journeys_cli(
        "new",
        "interview",
        "--journey",
        "repair",
        "--persona",
        "eva",
        "--content-dir",
        "content",
        *(("--date", date) if date else ()),
        *extra,
        cwd=cwd,
    )


def fill_in(text: str, stages: int) -> str:
    """The scaffold with its placeholders filled, as a researcher would after the interview."""
    replacements = [
        ("consent:            #", "consent: true       #", 1),
        ("goal:               #", "goal: Work again   #", 1),
        ("overall_score:      #", "overall_score: 6.5  #", 1),
        ("    action:           #", "    action: Did it    #", stages),
        ("    score:            #", "    score: 7          #", stages),
    ]
    for old, new, count in replacements:
        assert text.count(old) == count, f"placeholder {old!r} not found {count} time(s)"
        text = text.replace(old, new)
    return text


def test_new_interview_writes_the_file_and_prints_its_path(
    guided: ContentTree, tmp_path: Path
) -> None:
    result = new_interview(tmp_path, "--id", "lap-01")

    path = tmp_path / MONTH / "lap-01.md"
    assert result.returncode == 0, result.stderr
    assert path.is_file()
    assert output_lines(result.stdout) == [
        (
            "Wrote content/interviews/2026-02/lap-01.md: "
            "fill in the empty fields, then run `journeys check`."
        )
    ]


def test_new_interview_has_one_step_per_stage_in_order(guided: ContentTree, tmp_path: Path) -> None:
    new_interview(tmp_path, "--id", "lap-01")

    document = read_document((tmp_path / MONTH / "lap-01.md").read_bytes())

    assert [step["stage"] for step in document.data["steps"]] == ["notice", "report", "wait"]
    assert document.data["id"] == "lap-01"
    assert document.data["persona"] == "eva"
    assert document.data["journey"] == "repair"


def test_new_interview_writes_each_stage_questions_as_comments_before_its_step(
    guided: ContentTree, tmp_path: Path
) -> None:
    new_interview(tmp_path, "--id", "lap-01")

    lines = (tmp_path / MONTH / "lap-01.md").read_text(encoding="utf-8").split("\n")

    def line_index(predicate: Any) -> int:
        return next(index for index, line in enumerate(lines) if predicate(line))

    def comment_with(words: str) -> int:
        return line_index(lambda line: line.lstrip().startswith("#") and words in line)

    def step(stage: str) -> int:
        return line_index(lambda line: line.strip() == f"- stage: {stage}")

    assert step("notice") < step("report") < step("wait")
    assert (
        comment_with("What were you doing when it broke?")
        < comment_with("What did you try yourself?")
        < step("notice")
    )
    assert step("notice") < comment_with("Which channel did you use, and why?") < step("report")
    assert comment_with("The moment it breaks.") < step("notice")
    touchpoint_hint = line_index(
        lambda line: line.strip().startswith("touchpoint:") and "# phone | portal" in line
    )
    assert step("notice") < touchpoint_hint < step("report")


def test_new_interview_refuses_to_overwrite(guided: ContentTree, tmp_path: Path) -> None:
    new_interview(tmp_path, "--id", "lap-01")
    path = tmp_path / MONTH / "lap-01.md"
    path.write_text(path.read_text(encoding="utf-8") + "My notes.\n", encoding="utf-8")
    before = path.read_bytes()

    result = new_interview(tmp_path, "--id", "lap-01")

    assert result.returncode == 1
    assert result.stderr == (
        "journeys: error: content/interviews/2026-02/lap-01.md exists already; "
        "it was not overwritten\n"
    )
    assert path.read_bytes() == before


def test_new_interview_refuses_an_id_taken_in_another_month(
    guided: ContentTree, tmp_path: Path
) -> None:
    new_interview(tmp_path, "--id", "lap-01")

    result = new_interview(tmp_path, "--id", "lap-01", date="2026-03-01")

    assert result.returncode == 1
    assert result.stderr == (
        "journeys: error: content/interviews/2026-02/lap-01.md exists already; "
        "it was not overwritten\n"
    )
    assert not (tmp_path / "content" / "interviews" / "2026-03").exists()


def test_new_interview_files_the_interview_under_the_month_of_its_date(
    guided: ContentTree, tmp_path: Path
) -> None:
    result = new_interview(tmp_path, date="2026-03-04")

    path = tmp_path / "content" / "interviews" / "2026-03" / "2026-03-04-eva.md"
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Wrote content/interviews/2026-03/2026-03-04-eva.md: ")
    document = read_document(path.read_bytes())
    assert (document.data["id"], document.data["date"]) == ("2026-03-04-eva", "2026-03-04")


@pytest.mark.parametrize("date", ["2026-02-30", "22-02-2026", "2026-2-5", "20260222", "today"])
def test_new_interview_refuses_a_date_that_is_not_year_month_day(
    guided: ContentTree, tmp_path: Path, date: str
) -> None:
    result = new_interview(tmp_path, date=date)

    assert result.returncode == 2
    assert result.stderr.endswith(
        f"journeys new interview: error: argument --date: '{date}' is not a date: "
        "write it as year-month-day, like 2026-02-22\n"
    )
    assert not (tmp_path / "content" / "interviews").exists()


@pytest.mark.parametrize(
    ("option", "value", "kind", "existing"),
    [
        ("--journey", "laptop", "journey", "`repair`"),
        ("--persona", "anna", "persona", "`bob`, `eva`"),
    ],
)
def test_new_interview_with_an_unknown_journey_or_persona_lists_the_existing_ones(
    guided: ContentTree, tmp_path: Path, option: str, value: str, kind: str, existing: str
) -> None:
    arguments = {"--journey": "repair", "--persona": "eva"} | {option: value}

    result = journeys_cli(
        "new",
        "interview",
        "--journey",
        arguments["--journey"],
        "--persona",
        arguments["--persona"],
        "--content-dir",
        "content",
        cwd=tmp_path,
    )

    assert result.returncode == 1
    assert result.stderr == (
        f"journeys: error: there is no {kind} `{value}` in content/{kind}s/ "
        f"(existing: {existing})\n"
    )
    assert not (tmp_path / "content" / "interviews").exists()


def test_new_interview_without_a_date_is_held_today_and_its_id_is_date_and_persona(
    guided: ContentTree, tmp_path: Path
) -> None:
    before = dt.date.today()
    result = new_interview(tmp_path, date=None)
    after = dt.date.today()

    assert result.returncode == 0, result.stderr
    interviews = tmp_path / "content" / "interviews"
    written = [path.relative_to(interviews).as_posix() for path in interviews.rglob("*.md")]
    assert written in [[f"{day:%Y-%m}/{day.isoformat()}-eva.md"] for day in (before, after)]
    document = read_document((interviews / written[0]).read_bytes())
    assert document.data["id"] == written[0][8:].removesuffix(".md")
    assert document.data["date"] == written[0][8:18]


def test_new_interview_default_id_does_not_take_an_existing_one(
    guided: ContentTree, tmp_path: Path
) -> None:
    first = new_interview(tmp_path)
    second = new_interview(tmp_path)

    assert (first.returncode, second.returncode) == (0, 0)
    names = sorted(p.stem for p in (tmp_path / MONTH).iterdir())
    assert len(names) == 2
    assert names[1] == f"{names[0]}-2"


def test_new_interview_as_written_fails_check_listing_the_empty_required_fields(
    guided: ContentTree, tmp_path: Path
) -> None:
    new_interview(tmp_path, "--id", "lap-01")

    result = journeys_cli("check", "content", cwd=tmp_path)

    assert result.returncode == 1
    fields = [re.search(r"`([^`]+)`:", line).group(1) for line in output_lines(result.stdout)[:-1]]  # type: ignore[union-attr]
    assert fields == [
        "consent",
        "goal",
        "overall_score",
        "steps[1].action",
        "steps[1].score",
        "steps[2].action",
        "steps[2].score",
        "steps[3].action",
        "steps[3].score",
    ]
    assert all(": error: " in line for line in output_lines(result.stdout)[:-1])


def test_new_interview_once_filled_in_passes_check_strict(
    guided: ContentTree, tmp_path: Path
) -> None:
    new_interview(tmp_path, "--id", "lap-01")
    path = tmp_path / MONTH / "lap-01.md"
    path.write_text(fill_in(path.read_text(encoding="utf-8"), stages=3), encoding="utf-8")

    result = journeys_cli("check", "--strict", "content", cwd=tmp_path)

    assert result.returncode == 0, result.stdout
    assert output_lines(result.stdout) == ["4 files checked: 0 errors, 0 warnings"]
    study = load_study(tmp_path / "content", tmp_path)
    assert [(i.key, i.overall_score, [s.score for s in i.steps]) for i in study.interviews] == [
        ("lap-01", 6.5, [7.0, 7.0, 7.0])
    ]


def test_new_interview_in_process(
    guided: ContentTree,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)

    code = main(
        ["new", "interview", "--journey", "repair", "--persona", "bob", "--id", "bob-01"]
        + ["--date", DATE]
    )

    assert code == 0
    assert capsys.readouterr().out.startswith("Wrote content/interviews/2026-02/bob-01.md")
    assert (tmp_path / MONTH / "bob-01.md").is_file()


def test_new_interview_refuses_an_id_that_cannot_be_a_url(
    guided: ContentTree, tmp_path: Path
) -> None:
    result = new_interview(tmp_path, "--id", "lap 01")

    assert result.returncode == 1
    assert "`lap 01` cannot be an id" in result.stderr
    assert not (tmp_path / "content" / "interviews").exists()


@pytest.mark.parametrize("reserved", ["index", "README", "Index.html"])
def test_new_interview_refuses_an_id_that_check_refuses_with_the_same_reason(
    guided: ContentTree, tmp_path: Path, reserved: str
) -> None:
    guided.interview("lap-01", id=reserved)
    refused = journeys_cli("check", "content", cwd=tmp_path)
    (tmp_path / "content" / "interviews" / "lap-01.md").unlink()

    result = new_interview(tmp_path, "--id", reserved)

    assert result.returncode == 1
    reason = f"`{reserved}` is reserved: the site writes its list of interviews to"
    assert reason in refused.stdout
    check_says = refused.stdout.splitlines()[0].split("`id`: ", 1)[1]
    assert result.stderr == f"journeys: error: `{reserved}` cannot be an id: {check_says}\n"
    assert list((tmp_path / "content" / "interviews").iterdir()) == []


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        (
            "--journey",
            "../../docs/a",
            (
                "`../../docs/a` is not a journey slug: a slug is the journey's file name in "
                "content/journeys/ without .md, in lower-case letters, digits and `-` "
                "(existing: `repair`)"
            ),
        ),
        (
            "--persona",
            "../x",
            (
                "`../x` is not a persona slug: a slug is the persona's file name in "
                "content/personas/ without .md, in lower-case letters, digits and `-` "
                "(existing: `bob`, `eva`)"
            ),
        ),
        (
            "--journey",
            "Repair",
            (
                "`Repair` is not a journey slug (did you mean `repair`?): a slug is the journey's "
                "file name in content/journeys/ without .md, in lower-case letters, digits and `-` "
                "(existing: `repair`)"
            ),
        ),
    ],
    ids=["journey-outside-content", "persona-outside-its-folder", "journey-in-capitals"],
)
def test_new_interview_refuses_a_journey_or_persona_that_is_not_a_slug(
    guided: ContentTree, tmp_path: Path, option: str, value: str, expected: str
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("# Not a journey\n", encoding="utf-8")
    guided.write("x.md", {"name": "Not a persona"})
    arguments = {"--journey": "repair", "--persona": "eva"} | {option: value}

    result = journeys_cli(
        "new",
        "interview",
        "--journey",
        arguments["--journey"],
        "--persona",
        arguments["--persona"],
        "--content-dir",
        "content",
        cwd=tmp_path,
    )

    assert result.returncode == 1
    assert result.stderr == f"journeys: error: {expected}\n"
    assert not (tmp_path / "content" / "interviews").exists()


def test_new_interview_for_a_journey_with_errors_is_a_clear_error(
    guided: ContentTree, tmp_path: Path
) -> None:
    guided.write("journeys/repair.md", GUIDED_JOURNEY.replace("title: Laptop repair\n", ""))

    result = new_interview(tmp_path, "--id", "lap-01")

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("journeys: error: journey `repair` has errors")


def test_new_interview_keeps_a_number_like_id_as_given(guided: ContentTree, tmp_path: Path) -> None:
    new_interview(tmp_path, "--id", "2026.10")
    path = tmp_path / MONTH / "2026.10.md"
    path.write_text(fill_in(path.read_text(encoding="utf-8"), stages=3), encoding="utf-8")

    study = load_study(tmp_path / "content", tmp_path)

    assert study.diagnostics == []
    assert [i.key for i in study.interviews] == ["2026.10"]


# --- journeys schema ----------------------------------------------------------------------------


def schema_of(*args: str) -> dict[str, Any]:
    result = journeys_cli("schema", *args, cwd=REPO)
    assert result.returncode == 0, result.stderr
    parsed = json.loads(result.stdout)
    assert isinstance(parsed, dict)
    return parsed


def resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """Follow a local ``$ref`` like ``#/$defs/Step``."""
    while "$ref" in node:
        reference = node["$ref"]
        assert reference.startswith("#/"), reference
        node = schema
        for part in reference[2:].split("/"):
            node = node[part]
    return node


def test_schema_prints_the_interview_schema_by_default() -> None:
    schema = schema_of()

    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "Interview front matter"
    assert schema["type"] == "object"
    assert "steps" in schema["properties"]
    assert set(schema["required"]) == {
        "date",
        "persona",
        "journey",
        "consent",
        "goal",
        "overall_score",
        "steps",
    }


def test_schema_of_a_step_score_is_a_grade() -> None:
    schema = schema_of("interview")

    steps = schema["properties"]["steps"]
    step = resolve(schema, steps["items"])

    assert steps["type"] == "array"
    assert steps["minItems"] == 1
    assert set(step["required"]) == {"stage", "action", "score"}
    score = step["properties"]["score"]
    assert (score["type"], score["minimum"], score["maximum"], score["multipleOf"]) == (
        "number",
        1,
        10,
        0.5,
    )
    overall = schema["properties"]["overall_score"]
    assert (overall["minimum"], overall["maximum"], overall["multipleOf"]) == (1, 10, 0.5)


def test_schema_of_nps_advocacy_and_date() -> None:
    properties = schema_of()["properties"]

    nps = next(option for option in properties["nps"]["anyOf"] if option.get("type") == "integer")
    advocacy = next(option for option in properties["advocacy"]["anyOf"] if "enum" in option)
    assert (nps["minimum"], nps["maximum"]) == (0, 10)
    assert advocacy["enum"] == ["service", "company", "both", "none"]
    assert (properties["date"]["type"], properties["date"]["format"]) == ("string", "date")


def test_schema_persona() -> None:
    schema = schema_of("persona")

    assert schema["title"] == "Persona front matter"
    assert set(schema["required"]) == {"name", "summary"}
    assert set(schema["properties"]) == {"name", "summary", "image", "image_alt", "attributes"}


def test_schema_journey() -> None:
    schema = schema_of("journey")

    stage = resolve(schema, schema["properties"]["stages"]["items"])
    touchpoint = resolve(schema, schema["properties"]["touchpoints"]["items"])
    kind = next(option for option in touchpoint["properties"]["kind"]["anyOf"] if "enum" in option)
    assert schema["title"] == "Journey front matter"
    assert set(schema["required"]) == {"title", "stages"}
    assert set(stage["required"]) == {"id", "name"}
    assert kind["enum"] == ["human", "digital", "physical", "self"]


def test_schema_of_an_unknown_kind_is_a_usage_error() -> None:
    result = journeys_cli("schema", "podcast", cwd=REPO)

    assert result.returncode == 2
    assert "invalid choice: 'podcast'" in result.stderr


def test_schema_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "journey"]) == 0

    assert json.loads(capsys.readouterr().out)["title"] == "Journey front matter"


def conforms(schema: dict[str, Any], value: Any) -> list[str]:
    """Problems of ``value`` against ``schema`` (a real JSON Schema validator, as editors use)."""
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return sorted(
        f"{'.'.join(str(part) for part in error.absolute_path)}: {error.validator}"
        for error in validator.iter_errors(value)
    )


def test_the_schema_flags_a_bad_interview() -> None:
    bad = {
        "date": "2026-02-30",
        "persona": "eva",
        "journey": "repair",
        "consent": "yes",
        "overall_score": 6.3,
        "steps": [{"stage": "notice", "score": 11}],
    }

    assert conforms(schema_of(), bad) == [
        ": required",  # goal
        "consent: type",
        "date: format",
        "overall_score: multipleOf",
        "steps.0.score: maximum",
        "steps.0: required",  # action
    ]


def test_the_schema_accepts_every_demo_interview() -> None:
    schema = schema_of("interview")
    files = sorted((REPO / "content" / "interviews").glob("**/*.md"))

    problems = {
        path.name: conforms(schema, read_document(path.read_bytes()).data) for path in files
    }

    assert len(files) == 12
    assert {name: found for name, found in problems.items() if found} == {}


@pytest.mark.parametrize("kind", ["persona", "journey"])
def test_the_schema_accepts_every_demo_persona_and_journey(kind: str) -> None:
    schema = schema_of(kind)
    files = sorted((REPO / "content" / f"{kind}s").glob("*.md"))

    problems = {
        path.name: conforms(schema, read_document(path.read_bytes()).data) for path in files
    }

    assert files
    assert {name: found for name, found in problems.items() if found} == {}


def test_check_reads_public_contacts_from_mkdocs_yml(tree: ContentTree, tmp_path: Path) -> None:
    tree.minimal()
    tree.interview("int-02", body="She mailed servicedesk@example.org.\n")
    warned = journeys_cli("check", "--strict", cwd=tmp_path)
    assert warned.returncode == 1 and "looks like an e-mail address" in warned.stdout
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n  - search\n  - journeys:\n      public_contacts: [servicedesk@example.org]\n"
    )

    allowed = journeys_cli("check", "--strict", cwd=tmp_path)

    assert allowed.returncode == 0, allowed.stdout


def test_check_finds_a_persona_picture_in_the_docs_dir_of_mkdocs_yml(
    tree: ContentTree, tmp_path: Path
) -> None:
    tree.minimal()
    tree.persona("eva", image="images/eva.svg")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\ndocs_dir: site-docs\nplugins:\n  - journeys\n", encoding="utf-8"
    )
    (tmp_path / "docs" / "images").mkdir(parents=True)
    (tmp_path / "docs" / "images" / "eva.svg").write_text("<svg/>", encoding="utf-8")

    missing = journeys_cli("check", cwd=tmp_path)
    (tmp_path / "site-docs" / "images").mkdir(parents=True)
    (tmp_path / "site-docs" / "images" / "eva.svg").write_text("<svg/>", encoding="utf-8")
    found = journeys_cli("check", cwd=tmp_path)

    assert missing.returncode == 1
    assert output_lines(missing.stdout)[0] == (
        "content/personas/eva.md:4: error: `image`: `images/eva.svg` is no file: put the "
        "picture in site-docs/images/eva.svg, or correct the path: it is relative to docs_dir "
        "(`site-docs/`)"
    )
    assert found.returncode == 0, found.stdout


def site_with_options(project: Path, options: str) -> None:
    """A mkdocs.yml in ``project`` whose journeys entry holds ``options`` (YAML, indented)."""
    (project / "mkdocs.yml").write_text(
        f"site_name: x\nplugins:\n  - search\n  - journeys:\n{options}", encoding="utf-8"
    )


def test_check_refuses_a_plugin_option_of_the_wrong_type(tree: ContentTree, tmp_path: Path) -> None:
    tree.minimal()
    site_with_options(tmp_path, "      cache: 'yes'\n")

    result = journeys_cli("check", cwd=tmp_path)

    assert result.returncode == 1
    assert result.stderr == (
        "journeys: error: mkdocs.yml: plugin journeys, option `cache`: "
        "expected true or false, got 'yes'\n"
    )
    assert result.stdout == ""  # nothing is checked with settings the build refuses


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (
            "      public_contacts: [servicedesk@example.org, 112]\n",
            ", option `public_contacts[2]`: expected text, got 112",
        ),
        (
            "      public_contacts:\n",
            ", option `public_contacts`: expected a list of text, got nothing",
        ),
        ("      content_dir: [content]\n", ", option `content_dir`: expected text, got a list"),
        ("      - cache\n", ": expected its options as a mapping, got a list"),
    ],
    ids=["list-item", "empty-list", "list-for-text", "not-a-mapping"],
)
def test_check_names_the_config_and_the_option_of_a_wrong_value(
    tree: ContentTree,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    options: str,
    expected: str,
) -> None:
    tree.minimal()
    (tmp_path / "site").mkdir()
    site_with_options(tmp_path / "site", options)
    monkeypatch.chdir(tmp_path)

    assert main(["check", "--config", "site/mkdocs.yml"]) == 1
    assert (
        capsys.readouterr().err == f"journeys: error: site/mkdocs.yml: plugin journeys{expected}\n"
    )


def test_check_warns_of_an_unknown_plugin_option_and_fails_on_it_when_strict(
    tree: ContentTree, tmp_path: Path
) -> None:
    tree.minimal()
    site_with_options(tmp_path, "      cach_dir: .cache/other\n")

    relaxed = journeys_cli("check", cwd=tmp_path)
    strict = journeys_cli("check", "--strict", cwd=tmp_path)

    warning = (
        "journeys: warning: mkdocs.yml: plugin journeys, option `cach_dir`: "
        "unknown option, it is ignored (did you mean `cache_dir`?)\n"
    )
    assert (relaxed.returncode, relaxed.stderr) == (0, warning)
    assert output_lines(relaxed.stdout) == ["3 files checked: 0 errors, 0 warnings"]
    assert (strict.returncode, strict.stderr) == (1, warning)
