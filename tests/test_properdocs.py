"""ProperDocs, the maintained fork of MkDocs 1.x, builds the demo unchanged: the way out
should MkDocs or Material for MkDocs stop working (docs/guide/publishing.md)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from contentkit import REPO, SOURCE_DATE_EPOCH, ContentTree, demo_config, write_site

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
"""The one line that names the program that built a page."""
BANNER_SETTINGS = ("NO_MKDOCS_2_WARNING", "DISABLE_MKDOCS_2_WARNING")


def properdocs(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``properdocs`` as a user runs it, without the settings that hide end-of-life notices."""
    env = {key: value for key, value in os.environ.items() if key not in BANNER_SETTINGS}
    return subprocess.run(
        [sys.executable, "-m", "properdocs", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=env | {"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH},
    )


def files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, without the line that names the program that built it."""
    return {
        path.relative_to(site).as_posix(): GENERATOR.sub(b"", path.read_bytes())
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_properdocs_builds_the_demo_as_mkdocs_does(
    tmp_path: Path, demo_cache: Path, demo_site: Path
) -> None:
    with demo_config(demo_cache) as config:
        result = properdocs(REPO, "build", "--strict", "-f", str(config), "-d", str(tmp_path))
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert re.search(r"journeys: \d+ interviews", output), output  # the plugin ran
    for page in (
        "journeys/laptop-repair/index.html",
        "personas/cautious-newcomer/index.html",
        "interviews/index.html",
        "research/index.html",
    ):
        assert (tmp_path / page).is_file(), page
    assert b"ProperDocs" in (tmp_path / "index.html").read_bytes()  # not MkDocs after all
    assert files(tmp_path) == files(demo_site)  # ... and yet the same site
    assert "end of life" not in output.lower()


def test_the_privacy_guard_runs_under_properdocs(tmp_path: Path) -> None:
    tree = ContentTree(tmp_path / "content").minimal()
    tree.interview("int-02", participant={"name": "Noël Wesselius"})
    write_site(tmp_path)
    (tmp_path / "docs" / "team.md").write_text("# Team\n\nThanks to Noël Wesselius.\n")

    result = properdocs(tmp_path, "build", "-f", "mkdocs.yml")

    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if "privacy guard: " in line]
    assert errors and all(line.startswith("ERROR") for line in errors), result.stderr
    assert "team/index.html" in "".join(errors)
    assert "the build failed so they are not published" in result.stderr
