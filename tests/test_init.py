"""`journeys init DIR [--force]`: a new research repository that checks and builds green."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from importlib.metadata import Distribution, PackageNotFoundError, PathDistribution, distribution
from pathlib import Path
from typing import Any

import pip
import pytest
import yaml

from contentkit import REPO, build, journeys_cli
from journeys.cli import init
from journeys.cli.init import (
    TEMPLATE_DIR,
    InitError,
    create_repository,
    installed_requirement,
    starter_files,
)
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
    "content/themes/help-out-of-reach.md",
    "content/themes/not-wanting-to-bother.md",
    "content/themes/waiting-without-word.md",
}


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


GIT_TAG = "mkdocs-journeys @ git+https://github.com/example/journeys.git@v0.1.0"
"""A requirement as `--requirement` takes it: this checkout is installed from its folder."""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("work") / "my-research"
    result = journeys_cli("init", str(root), "--requirement", GIT_TAG, cwd=root.parent)
    assert result.returncode == 0, result.stderr
    return root


def test_init_writes_a_repository_ready_to_commit(project: Path) -> None:
    assert set(tree(project)) == EXPECTED


def test_the_new_repository_checks_clean_with_strict(project: Path) -> None:
    result = journeys_cli("check", "--strict", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "6 files checked: 0 errors, 0 warnings" in result.stdout


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
    applied = {theme for step in interview.steps for theme in step.themes}
    assert applied == set(study.themes) and len(applied) >= 2  # a codebook, every theme used
    assert any(step.accepted and step.themes for step in interview.steps)
    assert any(opportunity.themes for opportunity in journey.opportunities)


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
    assert requirements == [GIT_TAG]


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
    result = journeys_cli("init", ".", "--requirement", GIT_TAG, cwd=tmp_path)
    assert result.returncode == 1
    assert "is not empty" in result.stderr and "nothing was written" in result.stderr
    assert "--force" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree(tmp_path) == before


def test_force_writes_into_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Mine\n", encoding="utf-8")
    result = journeys_cli(
        "init", ".", "--force", "--site-name", "Our study", "--requirement", GIT_TAG, cwd=tmp_path
    )
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
    for starter in starter_files("Research", GIT_TAG):
        assert "\r" not in starter.text and starter.text.endswith("\n"), starter.path
        assert "__SITE_NAME__" not in starter.text, starter.path
        assert "__REQUIREMENT__" not in starter.text, starter.path


# --- what requirements.txt installs ------------------------------------------------------------

COMMIT = "4f0c5a1d2b3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a"
WHEEL_URL = "https://example.org/mkdocs_journeys-0.2.0-py3-none-any.whl"
MONOREPO = "https://example.org/monorepo.git"


def installed_distribution(folder: Path, direct_url: dict[str, Any] | None) -> Distribution:
    """A distribution of mkdocs-journeys 0.2.0 as pip leaves it, with ``direct_url``
    (PEP 610) when it was installed from a URL."""
    info = folder / "mkdocs_journeys-0.2.0.dist-info"
    info.mkdir(parents=True)
    metadata = "Metadata-Version: 2.1\nName: mkdocs-journeys\nVersion: 0.2.0\n"
    (info / "METADATA").write_text(metadata, encoding="utf-8")
    if direct_url is not None:
        (info / "direct_url.json").write_text(json.dumps(direct_url), encoding="utf-8")
    return PathDistribution(info)


@pytest.mark.parametrize(
    ("direct_url", "requirement"),
    [
        (None, "mkdocs-journeys==0.2.0"),
        (
            {
                "url": "https://github.com/example/journeys.git",
                "vcs_info": {"vcs": "git", "requested_revision": "v0.2.0", "commit_id": COMMIT},
            },
            f"mkdocs-journeys @ git+https://github.com/example/journeys.git@{COMMIT}",
        ),
        (
            {
                "url": MONOREPO,
                "vcs_info": {"vcs": "git", "commit_id": COMMIT},
                "subdirectory": "journeys",
            },
            f"mkdocs-journeys @ git+{MONOREPO}@{COMMIT}#subdirectory=journeys",
        ),
        (
            {
                "url": WHEEL_URL,
                "archive_info": {"hashes": {"sha256": "ab12"}},
            },
            f"mkdocs-journeys @ {WHEEL_URL}#sha256=ab12",
        ),
        (
            {"url": "https://example.org/journeys.tar.gz", "archive_info": {"hash": "sha256=cd34"}},
            "mkdocs-journeys @ https://example.org/journeys.tar.gz#sha256=cd34",
        ),
    ],
    ids=["package index", "git", "git subdirectory", "archive", "archive, old hash field"],
)
def test_requirements_pin_what_was_installed(
    tmp_path: Path, direct_url: dict[str, Any] | None, requirement: str
) -> None:
    installed = installed_requirement(installed_distribution(tmp_path, direct_url))
    assert installed.line == requirement
    assert not installed.from_folder


def test_the_requirement_names_the_project_as_pyproject_does() -> None:
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(rf'^name = "{init.PROJECT}"$', pyproject, re.MULTILINE)


def test_a_folder_installation_is_named_but_not_pinned(tmp_path: Path) -> None:
    direct_url = {"url": "file:///home/me/journeys", "dir_info": {"editable": True}}
    installed = installed_requirement(installed_distribution(tmp_path, direct_url))
    assert installed.line == "mkdocs-journeys @ file:///home/me/journeys"
    assert installed.from_folder


def this_checkout_is_installed_from_its_folder() -> None:
    """The tests run with this checkout installed editable (`make test`: pip install -e)."""
    direct_url = json.loads(distribution("mkdocs-journeys").read_text("direct_url.json") or "{}")
    assert "dir_info" in direct_url, f"not an installation from a folder: {direct_url}"


def test_init_from_a_folder_installation_asks_for_the_requirement_and_writes_nothing(
    tmp_path: Path,
) -> None:
    this_checkout_is_installed_from_its_folder()
    result = journeys_cli("init", "research", cwd=tmp_path)
    assert result.returncode == 1
    assert "requirements.txt cannot name this journeys" in result.stderr
    assert REPO.as_uri() in result.stderr  # where it is installed from
    assert "workflow's machine does not have" in result.stderr  # why
    assert "--requirement" in result.stderr  # what to do
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "research").exists()


def test_init_writes_the_requirement_it_is_given(tmp_path: Path) -> None:
    this_checkout_is_installed_from_its_folder()
    result = journeys_cli("init", "research", "--requirement", f" {GIT_TAG} ", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "research" / "requirements.txt").read_text(encoding="utf-8").splitlines()[
        -1
    ] == GIT_TAG
    assert f"requirements.txt installs: {GIT_TAG}" in result.stdout
    assert result.stderr == ""


def test_journeys_run_from_its_sources_without_installing_asks_for_the_requirement(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def not_installed(name: str) -> Distribution:
        raise PackageNotFoundError(name)

    monkeypatch.setattr(init.metadata, "distribution", not_installed)
    with pytest.raises(InitError, match="it runs from a source folder, not installed"):
        init.workflow_requirement()
    assert init.workflow_requirement(GIT_TAG) == GIT_TAG


@pytest.mark.parametrize("requirement", ["", "  ", f"{GIT_TAG}\nrequests"])
def test_a_requirement_that_is_not_one_line_is_refused(tmp_path: Path, requirement: str) -> None:
    result = journeys_cli("init", "research", "--requirement", requirement, cwd=tmp_path)
    assert result.returncode == 1
    assert "--requirement takes one line of requirements.txt" in result.stderr
    assert not (tmp_path / "research").exists()


def test_a_requirement_on_this_machine_is_written_with_a_warning(tmp_path: Path) -> None:
    local = f"mkdocs-journeys @ {REPO.as_uri()}"
    result = journeys_cli("init", "research", "--requirement", local, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "journeys: warning: requirements.txt names a place on this machine" in result.stderr
    assert local in (tmp_path / "research" / "requirements.txt").read_text(encoding="utf-8")


def test_the_instructions_keep_the_end_of_life_notice_out(project: Path, tmp_path: Path) -> None:
    result = journeys_cli("init", "research", "--requirement", GIT_TAG, cwd=tmp_path)
    next_steps = result.stdout.partition("Next:")[2]
    assert next_steps.index("NO_MKDOCS_2_WARNING=1") < next_steps.index("mkdocs serve")
    readme = (project / "README.md").read_text(encoding="utf-8")
    assert readme.index("NO_MKDOCS_2_WARNING=1") < readme.index("mkdocs serve")
    workflow = yaml.safe_load((project / ".github/workflows/site.yml").read_text("utf-8"))
    assert workflow["env"]["NO_MKDOCS_2_WARNING"] == "1"


# --- acceptance: installed from a git URL, the new repository builds where only it is installed --

PACKAGE_SOURCES = ("pyproject.toml", "README.md", "plugins")
"""What building the package reads (pyproject.toml names README.md as its readme)."""
QUIET_GIT = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
BANNER_SETTINGS = ("NO_MKDOCS_2_WARNING", "DISABLE_MKDOCS_2_WARNING")
PRINT_ORIGIN = (
    "import importlib.metadata as m; "
    "print(m.distribution('mkdocs-journeys').read_text('direct_url.json'))"
)
"""A script that prints where the environment's journeys was installed from (PEP 610)."""
PUSH_TO_MAIN = re.compile(
    r"\$\{\{ github\.event_name == 'pull_request' && '[^']*' \|\| '(?P<push>[^']*)' \}\}"
)


def run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, f"{command}:\n{result.stdout}\n{result.stderr}"
    return result


def clean_environment(venv: Path | None = None) -> dict[str, str]:
    """This process's environment without Python or banner settings, with ``venv`` first on
    PATH (as an activated virtual environment, or a CI machine's only Python)."""
    dropped = {"VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", *BANNER_SETTINGS}
    env = {key: value for key, value in os.environ.items() if key not in dropped}
    if venv is not None:
        env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    return env


def git_repository_of_this_checkout(folder: Path) -> str:
    """A git repository holding this checkout's package as it is now (committed or not);
    returns its commit."""
    for name in PACKAGE_SOURCES:
        source = REPO / name
        if source.is_dir():
            ignored = shutil.ignore_patterns("__pycache__", "*.egg-info")
            shutil.copytree(source, folder / name, ignore=ignored)
        else:
            shutil.copy2(source, folder / name)
    env = clean_environment() | QUIET_GIT
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.org"]
    run(["git", "init", "--quiet", "--initial-branch=main"], folder, env)
    run(["git", "add", "--all"], folder, env)
    run(["git", *identity, "commit", "--quiet", "--no-gpg-sign", "-m", "journeys"], folder, env)
    return run(["git", "rev-parse", "HEAD"], folder, env).stdout.strip()


def fresh_environment(folder: Path, *borrowed: Path) -> Path:
    """A new virtual environment with nothing installed, which can import what the folders
    ``borrowed`` hold, after what it installs itself (a ``.pth`` file)."""
    run([sys.executable, "-m", "venv", "--without-pip", str(folder)], folder.parent, {})
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    (folder / "lib" / version / "site-packages" / "borrowed.pth").write_text(
        "".join(f"{path}\n" for path in borrowed), encoding="utf-8"
    )
    return folder


def only_pip(folder: Path) -> Path:
    """A folder that holds this environment's pip and nothing else: a CI machine has a current
    pip (``python -m venv`` would install an older one, and slowly)."""
    folder.mkdir()
    (folder / "pip").symlink_to(Path(pip.__file__).parent, target_is_directory=True)
    return folder


def workflow_steps(workflow: Path) -> list[tuple[str, dict[str, str]]]:
    """The build job's commands (``run``) with their own environment, as on a push to main."""
    steps = []
    for step in yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"]["build"]["steps"]:
        if "run" in step:
            env = {}
            for name, value in step.get("env", {}).items():
                expression = PUSH_TO_MAIN.fullmatch(value)
                assert expression, f"a step's env the test cannot evaluate: {name}: {value}"
                env[name] = expression["push"]
            steps.append((step["run"], env))
    return steps


@pytest.mark.slow
def test_a_repository_started_from_a_git_install_builds_where_only_its_requirements_are(
    tmp_path: Path,
) -> None:
    """The issue's acceptance: journeys installed from a git URL, `journeys init`, then a clean
    environment that installs only the new repository's requirements.txt runs the workflow's
    steps (install, check, build with --strict), with no end-of-life notice in their output."""
    source = tmp_path / "journeys"
    source.mkdir()
    commit = git_repository_of_this_checkout(source)
    # file://localhost/: the pip that `python -m venv` brings reads no URL with an empty host
    git_url = f"git+file://localhost{source.as_posix()}@{commit}"

    # The researcher's journeys comes from the git URL; what it needs, from this environment
    # (installing all of it twice would double the time; the CI environment below does).
    researcher = fresh_environment(tmp_path / "researcher", Path(sysconfig.get_path("purelib")))
    install = ["python", "-m", "pip", "install", "--quiet", "--no-deps", git_url]
    run(install, tmp_path, clean_environment(researcher))
    started = run(["journeys", "init", "research"], tmp_path, clean_environment(researcher))
    project = tmp_path / "research"
    assert (
        f"mkdocs-journeys @ {git_url}"
        in (project / "requirements.txt").read_text(encoding="utf-8").splitlines()
    )
    assert "names a place on this machine" in started.stderr  # a file: URL; CI's is https

    ci = fresh_environment(tmp_path / "ci", only_pip(tmp_path / "pip"))
    workflow = project / ".github" / "workflows" / "site.yml"
    workflow_env = yaml.safe_load(workflow.read_text(encoding="utf-8"))["env"]
    steps = workflow_steps(workflow)
    assert [command.split()[:3] for command, _ in steps] == [
        ["python", "-m", "pip"],
        ["journeys", "check", "--strict"],
        ["mkdocs", "build", "--strict"],
    ]
    logs = []
    for command, step_env in steps:
        env = clean_environment(ci) | {k: str(v) for k, v in workflow_env.items()} | step_env
        result = run(["bash", "-e", "-c", command], project, env)
        logs.append(result.stdout + result.stderr)
    for page in ("index.html", "journeys/password-reset/index.html", "research/index.html"):
        assert (project / "site" / page).is_file(), page
    installed = run(["python", "-c", PRINT_ORIGIN], project, clean_environment(ci))
    assert json.loads(installed.stdout)["vcs_info"]["commit_id"] == commit
    log = "\n".join(logs)
    assert "end of life" not in log.lower() and "MKDOCS_2_WARNING" not in log, log
    for environment in (researcher, ci):  # some 300 MB; pytest keeps the last runs' tmp_path
        shutil.rmtree(environment)
