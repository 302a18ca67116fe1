from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from contentkit import ContentTree
from journeys import isolated


@pytest.fixture
def tree(tmp_path: Path) -> ContentTree:
    """An empty content folder at ``tmp_path / "content"``."""
    return ContentTree(tmp_path / "content")


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fork even though an earlier test may have left a thread running (Playwright's
    subprocess watcher in the browser tests): these tests are about the child process,
    and without this a killed "child" would be pytest itself."""
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("this system has no fork; in_child runs the work in-process there")
    monkeypatch.setattr(isolated, "can_fork", lambda: True)
