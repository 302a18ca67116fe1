"""What a `mkdocs serve` rebuild leaves out, and why the result is the same: values worked
out once per interview's figures, generated files not read back when the page kept is the
one written, and the garbage collector paused until the rebuild is done."""

from __future__ import annotations

import dataclasses
import gc
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from contentkit import ContentTree, write_site
from journeys.analysis import scenarios, signals
from journeys.analysis.facts import InterviewFact, fact_of
from journeys.building import preview
from journeys.building.memory import RebuildCollector
from journeys.content.loading import load_study
from journeys.content.study import Study
from test_preview import Generations, Serving, contents, edit


def facts_of(study: Study) -> list[InterviewFact]:
    return [fact_of(interview, ()) for interview in study.interviews]


def test_a_value_is_worked_out_once_per_fact_and_per_key(tmp_path: Path) -> None:
    tree = ContentTree(tmp_path / "content")
    tree.persona("eva")
    tree.journey("repair")
    tree.interview("int-01", scores=(5, 6, 7))
    (interview,) = facts_of(load_study(tree.root))
    calls: list[str] = []

    def work(name: str) -> str:
        calls.append(name)
        return name.upper()

    assert interview.worked_out("x", lambda: work("x")) == "X"
    assert interview.worked_out("x", lambda: work("again")) == "X"
    assert interview.worked_out(("x", 2), lambda: work("y")) == "Y"
    assert calls == ["x", "y"]
    # Not one of the figures: a fact equals one that never worked anything out, and a
    # changed copy works it out anew.
    assert interview == facts_of(load_study(tree.root))[0]
    changed = dataclasses.replace(interview, overall_score=2)
    assert changed.worked_out("x", lambda: work("z")) == "Z"


def test_signals_and_scenarios_from_kept_values_are_those_of_fresh_facts(
    tmp_path: Path,
) -> None:
    """The figures of facts that worked their values out before, for a study of which one
    interview then changed (its fact made anew, the others kept, as `mkdocs serve` keeps
    them), are those of facts read afresh."""
    tree = ContentTree(tmp_path / "content")
    tree.persona("eva")
    tree.persona("max")
    tree.journey("repair")
    tree.interview("int-01", scores=(5, 6, 7), overall_score=6)
    tree.interview("int-02", scores=(2, 9, 4), overall_score=3)
    tree.interview("int-03", scores=(8, 8, 1), overall_score=7, persona="max")
    tree.interview("int-04", scores=(4, 4, 6), overall_score=5, persona="max")
    study = load_study(tree.root)
    kept = facts_of(study)
    journey = study.journeys["repair"]
    before = (signals.signals(kept), scenarios.scenarios(journey, kept))

    tree.interview("int-03", scores=(1, 2, 9), overall_score=2, persona="max")
    changed = load_study(tree.root)
    fresh = facts_of(changed)
    kept = [
        new if new.key == "int-03" else next(old for old in kept if old.key == new.key)
        for new in fresh
    ]
    after = (signals.signals(kept), scenarios.scenarios(journey, kept))
    assert after == (signals.signals(facts_of(changed)), scenarios.scenarios(journey, fresh))
    assert after != before  # the change shows: the kept values did not hide it


def test_a_generated_file_changed_behind_the_preview_is_written_again(tmp_path: Path) -> None:
    """A page kept as it was is not read back while its file is as it was written; a file
    that changed since (its size, time or inode) is compared and written again, and
    every file then holds what a fresh generation writes."""
    tree = ContentTree(tmp_path / "content")
    tree.persona("eva")
    tree.journey("repair")
    tree.interview("int-01", scores=(5, 6, 7))
    tree.interview("int-02", scores=(3, 4, 5))
    generations = Generations(tree, tmp_path)
    generations.again()
    page = generations.folder / "interviews" / "int-02.md"
    written = page.read_bytes()
    compared: list[Path] = []
    original = preview.write_changed

    def write_changed(path: Path, content: bytes, mkdir: bool = False) -> bool:
        compared.append(path)
        return original(path, content, mkdir)

    preview.write_changed = write_changed  # type: ignore[assignment]
    try:
        edit(tree.root / "interviews" / "int-01.md", "score: 7", "score: 2")
        again = generations.again()
        assert page not in compared and not again["interviews/int-02.md"]
        assert generations.folder / "interviews" / "int-01.md" in compared

        for tamper in (
            lambda: page.write_bytes(b"x" * len(written)),  # same size, new time
            lambda: os.utime(page, ns=(0, 0)),  # same bytes, another time
            lambda: page.unlink(),
        ):
            tamper()
            compared.clear()
            generations.again()
            assert compared == [page] or page in compared
            assert page.read_bytes() == written
    finally:
        preview.write_changed = original  # type: ignore[assignment]
    assert contents(generations.folder) == contents(generations.fresh("end"))


def test_the_collector_is_paused_between_pause_and_resume_only_if_it_ran() -> None:
    collector = RebuildCollector()
    assert gc.isenabled()
    try:
        collector.pause()
        assert not gc.isenabled()
        collector.resume()
        assert gc.isenabled()
        gc.disable()  # paused by someone else: left to them
        collector.pause()
        collector.resume()
        assert not gc.isenabled()
    finally:
        gc.enable()


HOOK = """
import gc
from mkdocs.plugins import event_priority

@event_priority(100)
def on_config(config):
    print("collector at the start:", gc.isenabled(), flush=True)

def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri == "notes.md":
        print("collector while making pages:", gc.isenabled(), flush=True)
        if "FAIL" in markdown:
            raise RuntimeError("the hook fails this rebuild")
    return markdown
"""


@pytest.fixture
def serving_with_hook(tmp_path: Path) -> Iterator[tuple[ContentTree, Serving]]:
    tree = ContentTree(tmp_path / "content")
    tree.persona("eva")
    tree.journey("repair")
    tree.interview("int-01", scores=(5, 6, 7))
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.md").write_text("# Notes\n\nA page.\n", encoding="utf-8")
    (tmp_path / "hook.py").write_text(HOOK, encoding="utf-8")
    write_site(tmp_path, extra_config={"hooks": ["hook.py"]})
    served = Serving(tmp_path, tmp_path / "tmp")
    try:
        yield tree, served
    finally:
        served.stop()


def states(log: str, moment: str) -> list[str]:
    return re.findall(rf"collector {moment}: (True|False)", log)


def test_a_rebuild_pauses_the_collector_and_runs_it_again_when_done(
    serving_with_hook: tuple[ContentTree, Serving],
) -> None:
    """The first build runs with the collector; each rebuild pauses it after the build
    starts and gives it back at the end, a failed rebuild too."""
    tree, serving = serving_with_hook
    first = "\n".join(serving.lines)
    assert states(first, "at the start") == ["True"]
    assert states(first, "while making pages") == ["True"]
    notes = tree.root.parent / "docs" / "notes.md"
    for text in ("# Notes\n\nAnother page.\n", "# Notes\n\nA third.\n"):
        log = serving.rebuild_after(notes, text)
        assert states(log, "at the start") == ["True"]  # given back by the rebuild before
        assert states(log, "while making pages") == ["False"]
    # A rebuild that fails (the hook raises) gives it back as well.
    start = len(serving.lines)
    notes.write_text("# Notes\n\nFAIL\n", encoding="utf-8")
    failed = serving._wait_for("An error happened during the rebuild", start)
    assert states("\n".join(serving.lines[start:failed]), "while making pages") == ["False"]
    time.sleep(0.6)  # the watcher's next look at the files
    log = serving.rebuild_after(notes, "# Notes\n\nFine again.\n")
    assert states(log, "at the start") == ["True"]
