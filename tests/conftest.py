from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from contentkit import SOURCE_DATE_EPOCH, ContentTree, build_demo
from journeys.building import isolated


@pytest.fixture
def tree(tmp_path: Path) -> ContentTree:
    """An empty content folder at ``tmp_path / "content"``."""
    return ContentTree(tmp_path / "content")


@pytest.fixture(scope="session")
def demo_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plugin's cache for builds of this repository's demo (``contentkit.build_demo``):
    one per pytest process, so workers run in parallel (pytest-xdist) share nothing, and
    none of them writes the repository's own .cache/journeys."""
    return tmp_path_factory.mktemp("demo-cache")


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory, demo_cache: Path) -> Path:
    """This repository's demo site, built once per pytest process with ``--strict`` and a
    fixed ``SOURCE_DATE_EPOCH``, shared by the tests that only read it. Do not write into it."""
    site = tmp_path_factory.mktemp("demo-site")
    result = build_demo(site, demo_cache, "--strict", env={"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})
    assert result.returncode == 0, (
        f"the demo site does not build:\n{result.stdout}\n{result.stderr}"
    )
    return site


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fork even though an earlier test may have left a thread running (Playwright's
    subprocess watcher in the browser tests): these tests are about the child process,
    and without this a killed "child" would be pytest itself."""
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("this system has no fork; run does the work in-process there")
    monkeypatch.setattr(isolated, "can_fork", lambda: True)
