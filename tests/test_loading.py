"""Reading a whole study at once: the cyclic garbage collector waits until it is read."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from contentkit import ContentTree
from journeys.building.memory import collector_paused
from journeys.content import loading
from journeys.content.loading import load_study


@pytest.fixture
def collections() -> Iterator[list[int]]:
    """The generation of every garbage collection that starts while the test runs."""
    started: list[int] = []

    def note(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            started.append(info["generation"])

    gc.callbacks.append(note)
    try:
        yield started
    finally:
        gc.callbacks.remove(note)


def study_of(tmp_path: Path, interviews: int) -> Path:
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    for number in range(interviews):
        tree.interview(f"int-{number:03}")
    return tmp_path / "content"


def test_no_collection_runs_while_a_study_is_read_and_the_collector_is_on_again_after(
    tmp_path: Path, collections: list[int]
) -> None:
    content = study_of(tmp_path, 300)
    gc.collect()
    collections.clear()

    with collector_paused():  # as the build and `journeys check` read a study
        study = load_study(content, tmp_path)
    while_reading = len(collections)
    unpaused = load_study(content, tmp_path)

    assert len(study.interviews) == len(unpaused.interviews) == 301 and not study.diagnostics
    # At most one, started by an allocation just before the pause or just after it.
    assert while_reading <= 1 < len(collections) - while_reading
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off(tmp_path: Path) -> None:
    content = study_of(tmp_path, 1)
    gc.disable()
    try:
        with collector_paused():
            load_study(content, tmp_path)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_file_that_cannot_be_opened_is_an_error_and_the_others_are_still_read(
    tree: ContentTree, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree.minimal()
    listed = loading.content_files

    def listed_then_deleted(content_dir: Path, kind: str) -> list[loading.ContentFile]:
        """As if ``gone.md`` were deleted between listing the folder and reading it."""
        found = listed(content_dir, kind)
        if kind == "interviews":
            found.append(loading.ContentFile(("gone.md",), str(content_dir / kind / "gone.md")))
        return found

    monkeypatch.setattr(loading, "content_files", listed_then_deleted)
    study = load_study(tree.root, tree.root.parent)

    assert [d.format() for d in study.diagnostics] == [
        (
            "content/interviews/gone.md:1: error: the file cannot be opened "
            "(No such file or directory): check that you may read it"
        )
    ]
    assert [i.key for i in study.interviews] == ["int-01"]
