from __future__ import annotations

import multiprocessing
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import browser_kit as kit
from contentkit import SOURCE_DATE_EPOCH, ContentTree, build_demo
from journeys.building import isolated
from journeys.mkdocs.guard_beside import GuardBeside


@pytest.fixture(scope="session", autouse=True)
def temporary_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The system's temporary folder, for this process and the builds it starts, is one
    of pytest's: what a build stopped on purpose (killed) leaves there goes with pytest's
    old folders instead of piling up in the system's."""
    folder = tmp_path_factory.mktemp("system-tmp")
    before = os.environ.get("TMPDIR")
    os.environ["TMPDIR"] = str(folder)
    tempfile.tempdir = None  # read TMPDIR again
    yield folder
    if before is None:
        del os.environ["TMPDIR"]
    else:
        os.environ["TMPDIR"] = before
    tempfile.tempdir = None


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


@pytest.fixture(scope="session")
def demo_site_nl(tmp_path_factory: pytest.TempPathFactory, demo_cache: Path) -> Path:
    """The demo site in Dutch, built as ``demo_site`` is and shared the same way."""
    site = tmp_path_factory.mktemp("demo-site-nl")
    result = build_demo(
        site, demo_cache, "--strict", language="nl", env={"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    )
    assert result.returncode == 0, (
        f"the Dutch demo site does not build:\n{result.stdout}\n{result.stderr}"
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


def _browser_unavailable(reason: str) -> None:
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        pytest.fail(f"{reason}; CI is set, so the browser tests must run", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One Chromium for the whole session, shared by every browser test: Playwright's sync
    API allows one instance per thread, so test modules cannot each start their own."""
    executable = kit.find_chromium()
    if executable is None:
        _browser_unavailable(
            "no Chromium found (looked for /usr/bin/chromium, "
            "chromium and chromium-browser on PATH)"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _browser_unavailable("the playwright package is not installed (pip install -e '.[test]')")
    if not kit.AXE.is_file():
        pytest.fail(
            f"axe-core is missing: {kit.AXE} does not exist. Run `npm ci` in {kit.REPO} "
            "(`make test` does it for you).",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable, headless=True, args=kit.LAUNCH_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests first: started last, one of them would keep a worker busy after the
    others have run out of tests (pytest-xdist)."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture
def beside() -> Iterator[GuardBeside]:
    """What reads pages for the guard beside a rebuild, its child forked
    (``journeys.mkdocs.guard_beside``)."""
    reading = GuardBeside()
    reading.start()
    assert reading.child is not None, "the test process can fork: one thread"
    try:
        yield reading
    finally:
        reading.stop()
