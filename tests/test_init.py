"""`journeys init DIR [--force]`: a new research repository that checks and builds green."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from contentkit import REPO, build, journeys_cli
from journeys.cli.init import TEMPLATE_DIR, InitError, create_repository, starter_files
from journeys.content.loading import load_study

EXPECTED = {
    "mkdocs.yml",
    "requirements.txt",
    "README.md",
    ".gitignore",
    ".pre-commit-config.yaml",
    ".github/workflows/site.yml",
    "docs/index.md",
    "content/personas/newcomer.md",
    "content/journeys/password-reset.md",
    "content/interviews/2026-01/example-01.md",
}


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("work") / "my-research"
    result = journeys_cli("init", str(root), cwd=root.parent)
    assert result.returncode == 0, result.stderr
    return root


def test_init_writes_a_repository_ready_to_commit(project: Path) -> None:
    assert set(tree(project)) == EXPECTED


def test_the_new_repository_checks_clean_with_strict(project: Path) -> None:
    result = journeys_cli("check", "--strict", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 files checked: 0 errors, 0 warnings" in result.stdout


def test_the_new_repository_builds_with_strict(project: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    for relative, data in tree(project).items():
        (copy / relative).parent.mkdir(parents=True, exist_ok=True)
        (copy / relative).write_bytes(data)
    site = build(copy)
    for page in (
        "index.html",
        "personas/newcomer/index.html",
        "journeys/password-reset/index.html",
        "interviews/example-01/index.html",
        "research/index.html",
    ):
        assert (site / page).is_file(), page
    assert "My research" in (site / "index.html").read_text(encoding="utf-8")
    everything = "".join(
        p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*") if p.is_file()
    )
    assert "Voorbeeld" not in everything  # the example participant stays private


def test_the_example_shows_every_part_of_the_format(project: Path) -> None:
    study = load_study(project / "content", display_root=project)
    assert not study.diagnostics
    journey = study.journeys["password-reset"]
    assert len(journey.stages) >= 3 and all(stage.questions for stage in journey.stages)
    assert journey.touchpoints and journey.opportunities
    (interview,) = study.interviews
    assert interview.consent is True and interview.participant is not None
    assert interview.participant.name and interview.follow_up and interview.follow_up.will
    assert sum(step.peak for step in interview.steps) == 1
    assert any(step.accepted for step in interview.steps)
    assert any(step.expected and step.actual and step.realistic for step in interview.steps)
    assert {step.stage for step in interview.steps} == set(journey.stage_ids)


def test_mkdocs_yml_has_material_without_web_fonts_a_palette_toggle_and_the_plugins(
    project: Path,
) -> None:
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == "My research"
    assert config["theme"]["name"] == "material"
    assert config["theme"]["font"] is False
    assert all("toggle" in scheme for scheme in config["theme"]["palette"])
    assert config["plugins"][0] == "search"
    assert config["plugins"][1] == {"journeys": {"content_dir": "content"}}


def test_readme_gitignore_and_requirements(project: Path) -> None:
    readme = (project / "README.md").read_text(encoding="utf-8")
    assert "mkdocs serve" in readme and "journeys check" in readme
    ignored = (project / ".gitignore").read_text(encoding="utf-8").split()
    assert "site/" in ignored and ".cache/" in ignored
    requirements = [
        line.strip()
        for line in (project / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert requirements == ["mkdocs-journeys"]


def test_new_interview_works_in_the_new_repository(tmp_path: Path) -> None:
    create_repository(tmp_path / "r")
    result = journeys_cli(
        "new",
        "interview",
        "--journey",
        "password-reset",
        "--persona",
        "newcomer",
        "--id",
        "second",
        "--date",
        "2026-02-22",
        cwd=tmp_path / "r",
    )
    assert result.returncode == 0, result.stderr
    written = tmp_path / "r" / "content" / "interviews" / "2026-02" / "second.md"
    text = written.read_text(encoding="utf-8")
    assert "Where did you go for help, and why there?" in text


# --- refusing to overwrite ---------------------------------------------------------------------


def test_a_folder_that_is_not_empty_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Mine\n", encoding="utf-8")
    before = tree(tmp_path)
    result = journeys_cli("init", ".", cwd=tmp_path)
    assert result.returncode == 1
    assert "is not empty" in result.stderr and "nothing was written" in result.stderr
    assert "--force" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree(tmp_path) == before


def test_force_writes_into_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Mine\n", encoding="utf-8")
    result = journeys_cli("init", ".", "--force", "--site-name", "Our study", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"  # kept
    assert (
        yaml.safe_load((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))["site_name"]
        == "Our study"
    )
    assert EXPECTED <= set(tree(tmp_path))


def test_a_new_folder_is_created(tmp_path: Path) -> None:
    written = create_repository(tmp_path / "a" / "b")
    assert {p.relative_to(tmp_path / "a" / "b").as_posix() for p in written} == EXPECTED


def test_a_folder_with_only_git_counts_as_empty(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    create_repository(tmp_path)
    assert (tmp_path / "mkdocs.yml").is_file()


def test_a_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(InitError, match="is a file, not a folder; nothing was written"):
        create_repository(target)


def test_force_never_replaces_a_folder_and_then_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "README.md").mkdir()
    with pytest.raises(InitError, match="is a folder; it was not overwritten"):
        create_repository(tmp_path, force=True)
    assert set(tree(tmp_path)) == set()


# --- the starter files -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["yes", "Research: 2026", "#1 study", "2026.10"])
def test_any_site_name_reads_back_from_mkdocs_yml(tmp_path: Path, name: str) -> None:
    create_repository(tmp_path, site_name=name)
    assert (
        yaml.safe_load((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))["site_name"] == name
    )


def test_the_default_site_name_comes_from_the_folder(tmp_path: Path) -> None:
    create_repository(tmp_path / "customer_journeys-2026")
    config = yaml.safe_load(
        (tmp_path / "customer_journeys-2026" / "mkdocs.yml").read_text(encoding="utf-8")
    )
    assert config["site_name"] == "Customer journeys 2026"


def test_template_names_survive_packaging() -> None:
    """Wheels built from `templates/**/*` leave out names starting with a dot: none does."""
    for path in TEMPLATE_DIR.rglob("*"):
        assert not path.name.startswith("."), path
    assert "templates/**/*" in (REPO / "pyproject.toml").read_text(encoding="utf-8")


def test_every_starter_file_is_text_with_unix_line_ends() -> None:
    for starter in starter_files("Research"):
        assert "\r" not in starter.text and starter.text.endswith("\n"), starter.path
        assert "__SITE_NAME__" not in starter.text, starter.path
