"""The cache folder's files: written whole or not at all, and no leftovers from stopped builds."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from journeys.building.cache import STALE_AFTER, ChartCache, write_atomically
from journeys.building.frontmatter_cache import FrontMatterCache

OPEN_CACHE: dict[str, Callable[[Path], object]] = {
    "charts": ChartCache,
    "documents": FrontMatterCache,
}


def left_behind(directory: Path, name: str, age: float) -> Path:
    """A half-written temporary file, as a build stopped mid-write leaves it, ``age``
    seconds old."""
    path = directory / name
    path.write_bytes(b"<svg half")
    then = time.time() - age
    os.utime(path, (then, then))
    return path


@pytest.mark.parametrize("kind", OPEN_CACHE)
def test_opening_a_cache_removes_old_half_written_files_only(tmp_path: Path, kind: str) -> None:
    old = left_behind(tmp_path, "tmpold.tmp", STALE_AFTER + 60)
    in_progress = left_behind(tmp_path, "tmpnew.tmp", 5)  # another build may be writing it
    kept = left_behind(tmp_path, "chart.svg", STALE_AFTER + 60)

    OPEN_CACHE[kind](tmp_path)

    assert not old.exists()
    assert in_progress.exists() and kept.exists()


@pytest.mark.parametrize("kind", OPEN_CACHE)
def test_a_cache_folder_that_does_not_exist_yet_is_not_created_by_opening_it(
    tmp_path: Path, kind: str
) -> None:
    OPEN_CACHE[kind](tmp_path / "cache")
    assert not (tmp_path / "cache").exists()


def test_a_write_lands_whole_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "cache" / "chart.svg"
    write_atomically(target, b"<svg/>")
    write_atomically(target, b"<svg>new</svg>")
    assert target.read_bytes() == b"<svg>new</svg>"
    assert [path.name for path in target.parent.iterdir()] == ["chart.svg"]


def test_a_write_that_fails_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    in_the_way = tmp_path / "chart.svg"
    in_the_way.mkdir()  # a file cannot be renamed over a folder
    with pytest.raises(OSError):
        write_atomically(in_the_way, b"<svg/>")
    assert [path.name for path in tmp_path.iterdir()] == ["chart.svg"]
    assert in_the_way.is_dir()
