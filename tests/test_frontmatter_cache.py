"""The cache of read front matter: same results as reading every file, without reading them."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import pytest

from contentkit import ContentTree, journeys_cli
from journeys.building import frontmatter_cache
from journeys.building.frontmatter_cache import FILE_NAME, READ_AHEAD_SHARE, FrontMatterCache
from journeys.content.diagnostics import Diagnostic
from journeys.content.loading import load_study
from journeys.content.study import Study
from journeys.privacy import contacts
from journeys.privacy.contacts import may_hold_contact


def study_with_problems(tree: ContentTree) -> None:
    tree.minimal()
    tree.interview(
        "int-02", qoute="misplaced", steps=[{"stage": "notice", "action": "x", "score": 11}]
    )
    tree.interview(
        "int-05",
        participant={"phone": "06 1234 5678"},
        body="Mail jan@example.nl or 020 123 4567.\n",
    )
    tree.interview("int-06", participant={"phone": "06 1234 5678"}, goal="Call 020 765 4321 first")
    (tree.root / "interviews" / "int-03.md").write_text(
        "---\ngoal: [unclosed\n---\n", encoding="utf-8"
    )
    (tree.root / "interviews" / "int-04.md").write_text(
        "---\ndate: 2026-02-01\ndate: 2026-02-02\npersona: eva\njourney: repair\nconsent: true\n"
        "goal: Twice\noverall_score: 6\nsteps:\n"
        "  - stage: notice\n    action: Noticed\n    score: 5\n---\n"
        "Notes on line 14.\n",
        encoding="utf-8",
    )


def formatted(study_diagnostics: list[Diagnostic]) -> list[str]:
    return [diagnostic.format() for diagnostic in study_diagnostics]


def uncached_then_cached(tmp_path: Path) -> tuple[Study, FrontMatterCache, FrontMatterCache, Study]:
    """The study in ``tmp_path/content`` read without a cache, then twice through one:
    (uncached study, first cache, second cache, study read through the second)."""
    checks = [contacts.checker()]
    uncached = load_study(tmp_path / "content", tmp_path, checks=checks)
    first = FrontMatterCache(tmp_path / "cache")
    load_study(tmp_path / "content", tmp_path, reader=first, checks=checks)
    first.save()
    second = FrontMatterCache(tmp_path / "cache")
    return (
        uncached,
        first,
        second,
        load_study(tmp_path / "content", tmp_path, reader=second, checks=checks),
    )


def test_a_second_run_reads_no_file_again_and_reports_the_same(tmp_path: Path) -> None:
    study_with_problems(ContentTree(tmp_path / "content"))

    uncached, first, second, cached = uncached_then_cached(tmp_path)

    assert first.read_again == uncached.file_count == 8
    assert sum("looks like" in line for line in formatted(cached.diagnostics)) == 3
    assert second.read_again == 0
    assert formatted(cached.diagnostics) == formatted(uncached.diagnostics)
    assert any(
        ":2: error:" in line for line in formatted(cached.diagnostics)
    )  # the unreadable file
    assert [i.source.body for i in cached.interviews] == [
        i.source.body for i in uncached.interviews
    ]
    assert [i.model_dump() for i in cached.interviews] == [
        i.model_dump() for i in uncached.interviews
    ]


def test_a_changed_file_is_read_again_and_a_broken_cache_is_ignored(tmp_path: Path) -> None:
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    cache = FrontMatterCache(tmp_path / "cache")
    load_study(tmp_path / "content", tmp_path, reader=cache)
    cache.save()
    tree.interview("int-01", goal="A new goal")

    changed = FrontMatterCache(tmp_path / "cache")
    study = load_study(tmp_path / "content", tmp_path, reader=changed)
    (tmp_path / "cache" / FILE_NAME).write_bytes(b"not a cache")
    broken = FrontMatterCache(tmp_path / "cache")

    assert changed.read_again == 1
    assert study.interviews[0].goal == "A new goal"
    assert broken.stored == {}
    assert (
        load_study(tmp_path / "content", tmp_path, reader=broken).interviews[0].goal == "A new goal"
    )


def test_check_keeps_its_cache_beside_mkdocs_yml_unless_told_not_to(tmp_path: Path) -> None:
    ContentTree(tmp_path / "content").minimal()
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nplugins:\n  - journeys\n", encoding="utf-8")

    without = journeys_cli("check", "--no-cache", cwd=tmp_path)
    assert without.returncode == 0, without.stderr
    assert not (tmp_path / ".cache").exists()

    first = journeys_cli("check", cwd=tmp_path)
    second = journeys_cli("check", cwd=tmp_path)
    assert first.returncode == second.returncode == 0
    assert (tmp_path / ".cache" / "journeys" / FILE_NAME).is_file()
    assert second.stdout == first.stdout == without.stdout
    assert not any(path.name == FILE_NAME for path in (tmp_path / "content").rglob("*"))


def test_a_value_the_cache_cannot_hold_is_read_each_time_and_the_others_are_still_kept(
    tmp_path: Path,
) -> None:
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    (tree.root / "interviews" / "int-02.md").write_text(
        "---\ndate: !!timestamp 2026-02-01\npersona: eva\njourney: repair\nconsent: true\n---\n",
        encoding="utf-8",
    )

    uncached, first, second, cached = uncached_then_cached(tmp_path)

    assert first.read_again == uncached.file_count
    assert second.read_again == 1  # only the file with a datetime in it
    assert formatted(cached.diagnostics) == formatted(uncached.diagnostics)
    assert any("int-02.md:2: error:" in line for line in formatted(cached.diagnostics))


def test_a_damaged_entry_is_read_again(tmp_path: Path) -> None:
    ContentTree(tmp_path / "content").minimal()
    first = FrontMatterCache(tmp_path / "cache")
    expected = load_study(tmp_path / "content", tmp_path, reader=first)
    first.save()
    damaged = FrontMatterCache(tmp_path / "cache")
    damaged.stored = {key: packed[:-3] for key, packed in damaged.stored.items()}

    study = load_study(tmp_path / "content", tmp_path, reader=damaged)

    assert damaged.read_again == expected.file_count
    assert [i.model_dump() for i in study.interviews] == [
        i.model_dump() for i in expected.interviews
    ]


def test_a_file_is_known_to_hold_no_contact_only_when_its_published_part_holds_none() -> None:
    assert not may_hold_contact(
        {"participant": {"phone": "06 1234 5678", "email": "a@b.nl"}, "goal": "x"}, "Body"
    )
    assert may_hold_contact({"goal": "Ring 06-1234-5678"}, "")
    assert may_hold_contact({"steps": [{"action": "Wrote\nto a@b.nl"}]}, "")
    assert may_hold_contact({"age": 612345678}, "")  # a number: its digits count too
    assert may_hold_contact({}, "Call (020) 123 4567")
    assert not may_hold_contact(
        {"date": "2026-02-22", "steps": [{"score": 7.5}]}, "On 22-02-2026 at 12:57."
    )


def many_interviews(tmp_path: Path, count: int) -> ContentTree:
    """A valid study with ``count`` interviews and the problems of ``study_with_problems``."""
    tree = ContentTree(tmp_path / "content")
    study_with_problems(tree)
    for number in range(count):
        tree.interview(f"many-{number:03}", folder="2026-03", goal=f"Goal number {number}")
    return tree


@pytest.mark.parametrize("processes", [2, 3])
def test_read_ahead_reads_the_unseen_files_in_children_too_and_the_study_is_the_same(
    tmp_path: Path, forking: None, monkeypatch: pytest.MonkeyPatch, processes: int
) -> None:
    many_interviews(tmp_path, processes * READ_AHEAD_SHARE)
    uncached = load_study(tmp_path / "content", tmp_path)
    read_here: list[bytes] = []
    read_entry = frontmatter_cache._entry

    def counted(raw: bytes) -> tuple[object, ...]:
        read_here.append(raw)
        return read_entry(raw)

    monkeypatch.setattr(frontmatter_cache, "_entry", counted)
    cache = FrontMatterCache(None, processes=processes)

    study = load_study(tmp_path / "content", tmp_path, reader=cache)

    # Every file has other bytes, and marshal can hold each one's entry: each is read once.
    assert cache.read_again == len(cache.used) == uncached.file_count
    assert len(read_here) == -(-uncached.file_count // processes)  # the rest in the children
    assert formatted(study.diagnostics) == formatted(uncached.diagnostics)
    assert [i.model_dump() for i in study.interviews] == [
        i.model_dump() for i in uncached.interviews
    ]


def test_read_ahead_leaves_alone_what_is_cached_too_few_files_and_one_process(
    tmp_path: Path, forking: None
) -> None:
    tree = many_interviews(tmp_path, 2 * READ_AHEAD_SHARE)
    paths = [str(path) for path in sorted(tree.root.rglob("*.md"))]
    first = FrontMatterCache(tmp_path / "cache", processes=2)
    load_study(tmp_path / "content", tmp_path, reader=first)
    first.save()
    cached = FrontMatterCache(tmp_path / "cache", processes=2)
    one_process = FrontMatterCache(None, processes=1)
    few = FrontMatterCache(None, processes=2)

    opened = cached.read_ahead(paths)
    one_process.read_ahead(paths)
    few.read_ahead(paths[: 2 * READ_AHEAD_SHARE - 1])
    gone = FrontMatterCache(None, processes=2).read_ahead(
        [str(tmp_path / "gone.md")] * 2 * READ_AHEAD_SHARE
    )

    assert first.read_again == len(paths)
    assert (cached.read_again, one_process.read_again, few.read_again) == (0, 0, 0)
    assert one_process.used == few.used == {}
    assert opened == {
        path: Path(path).read_bytes() for path in paths
    }  # for the caller, not to open again
    assert gone == {}


def test_loading_uses_the_bytes_read_ahead_and_does_not_open_the_file_again(
    tmp_path: Path, forking: None
) -> None:
    tree = many_interviews(tmp_path, 2 * READ_AHEAD_SHARE)
    cache = FrontMatterCache(None, processes=2)
    read_ahead = cache.read_ahead

    def then_the_file_changes(paths: Iterable[str]) -> dict[str, bytes]:
        opened = read_ahead(paths)
        tree.interview("many-000", folder="2026-03", goal="Changed after it was read")
        return opened

    cache.read_ahead = then_the_file_changes  # type: ignore[method-assign]
    study = load_study(tmp_path / "content", tmp_path, reader=cache)

    assert [i.goal for i in study.interviews if i.key == "many-000"] == ["Goal number 0"]


@pytest.mark.parametrize("failure", ["dies", "raises"])
def test_a_read_ahead_child_that_fails_leaves_its_files_to_be_read_here(
    tmp_path: Path, forking: None, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    many_interviews(tmp_path, 2 * READ_AHEAD_SHARE)
    uncached = load_study(tmp_path / "content", tmp_path)
    parent = os.getpid()
    read_entries = frontmatter_cache._packed_entries

    def fails_in_a_child(files: list[tuple[bytes, bytes]]) -> dict[bytes, bytes]:
        if os.getpid() != parent:
            if failure == "dies":
                os._exit(1)
            raise MemoryError
        return read_entries(files)

    monkeypatch.setattr(frontmatter_cache, "_packed_entries", fails_in_a_child)
    cache = FrontMatterCache(None, processes=2)
    cache.read_ahead(str(path) for path in sorted((tmp_path / "content").rglob("*.md")))
    read_here = cache.read_again
    # The lost half is fewer files than two shares: loading reads them one by one.
    study = load_study(tmp_path / "content", tmp_path, reader=cache)

    assert read_here == (uncached.file_count + 1) // 2  # this process's half; the child's was lost
    assert cache.read_again == uncached.file_count
    assert formatted(study.diagnostics) == formatted(uncached.diagnostics)
