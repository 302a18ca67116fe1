"""Review of ``Renderer.remember`` in the preview (`mkdocs serve --dirty`): what a page kind
keeps by the records it names (``made_from``) and by what every page holds (the shared
digest) must be what a fresh build makes, whatever is edited between rebuilds; what is
kept must not change after it was made; and what the first build leaves behind after
``settle_memory`` (``gc.freeze``) must still be freed by later rebuilds.

Each test drives generation as `mkdocs serve` does (:class:`test_preview.Generations`) and
compares the files a rebuild wrote with those of a fresh generation. The kept folder also
holds files of earlier rebuilds that this one did not write (MkDocs' side removes them,
:meth:`journeys.building.preview.GeneratedFolder.forget_vanished`): only the files a
rebuild wrote are compared."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from contentkit import ContentTree
from journeys.building import preview
from journeys.building.digests import Digests
from journeys.content import loading
from journeys.site import kinds
from journeys.site.labels import Labels
from test_preview import Generations, contents, edit

REPAIR = ("notice", "report", "wait")
MOVE = ("plan", "pack", "settle")
Edit = Callable[[Path, Path], object]


def steps(stages: tuple[str, ...], scores: tuple[float, ...]) -> list[dict[str, Any]]:
    """Steps with everything a page shows of them: touchpoint, theme, quote, durations."""
    return [
        {
            "stage": stage,
            "action": f"Do {stage}",
            "score": score,
            "touchpoint": "phone",
            "themes": ["waiting"],
            "quote": f"Quote at {stage}",
            "expected": "2 days",
            "actual": "5 days",
        }
        for stage, score in zip(stages, scores)
    ]


def rich_study(tmp_path: Path) -> tuple[ContentTree, Path]:
    """Three personas (one with a picture in docs_dir), a codebook, two journeys (one with
    touchpoints, rounds and an opportunity), interviews of both, one without consent."""
    tree = ContentTree(tmp_path / "content")
    docs = tmp_path / "docs"
    (docs / "img").mkdir(parents=True)
    (docs / "img" / "eva.png").write_bytes(b"\x89PNG")
    tree.persona("eva", image="img/eva.png")
    tree.persona("max")
    tree.persona("zoe")
    tree.theme("waiting")
    tree.theme("cost")
    tree.journey(
        "repair",
        touchpoints=[{"id": "phone", "name": "Phone line"}],
        rounds=[
            {"id": "r1", "name": "Before", "from": "2026-01-01", "to": "2026-01-31"},
            {"id": "r2", "name": "After", "from": "2026-02-01"},
        ],
        opportunities=[
            {"title": "Call back", "stage": "wait", "evidence": ["int-01"], "round": "r2"}
        ],
    )
    tree.journey("move", stages=MOVE)
    tree.interview("int-01", steps=steps(REPAIR, (5, 2, 8)), date="2026-01-10", nps=9)
    tree.interview("int-02", steps=steps(REPAIR, (3, 4, 5)), persona="max", date="2026-02-10")
    tree.interview(
        "int-03", steps=steps(REPAIR, (7, 7, 1)), persona="zoe", date="2026-02-11", consent=False
    )
    tree.interview("mv-01", journey="move", steps=steps(MOVE, (6, 6, 6)), date="2026-01-05")
    tree.interview(
        "mv-02", journey="move", steps=steps(MOVE, (2, 9, 6)), persona="max", date="2026-01-06"
    )
    return tree, docs


def serving(tree: ContentTree, docs: Path, tmp_path: Path) -> Generations:
    generations = Generations(tree, tmp_path)
    generations.settings = dataclasses.replace(
        generations.settings, docs_dir=docs, pages_despite_errors=True
    )
    return generations


def differences(generations: Generations, written: dict[str, bool], name: str) -> list[str]:
    """The files this rebuild wrote whose bytes are not those of a fresh generation, and
    the files a fresh generation makes that it did not write."""
    kept = {k: v for k, v in contents(generations.folder).items() if k in written}
    fresh = contents(generations.fresh(name))
    return sorted(k for k in kept.keys() | fresh.keys() if kept.get(k) != fresh.get(k))


def interview(root: Path, key: str) -> Path:
    return root / "interviews" / f"{key}.md"


def replace(relative: str, old: str, new: str) -> Edit:
    return lambda root, docs: edit(root / relative, old, new)


def unlink(relative: str, in_docs: bool = False) -> Edit:
    return lambda root, docs: ((docs if in_docs else root) / relative).unlink()


def write(relative: str, text: str, in_docs: bool = False) -> Edit:
    return lambda root, docs: ((docs if in_docs else root) / relative).write_bytes(text.encode())


def into_folder(root: Path, docs: Path) -> None:
    (root / "interviews" / "x").mkdir()
    interview(root, "mv-02").rename(root / "interviews" / "x" / "mv-02.md")


def same_id_other_journey(root: Path, docs: Path) -> None:
    text = interview(root, "mv-01").read_text(encoding="utf-8")
    write("interviews/x/int-01.md", text.replace("2026-01-05", "2026-01-07"))(root, docs)


CONTENT_EDITS: list[tuple[str, Edit]] = [
    ("a score", replace("interviews/int-01.md", "score: 2", "score: 1")),
    (
        "an interview to another persona",
        replace("interviews/int-02.md", "persona: max", "persona: zoe"),
    ),
    (
        "an interview to another journey, whose stages it does not have (an error)",
        replace("interviews/mv-01.md", "journey: move", "journey: repair"),
    ),
    ("and back", replace("interviews/mv-01.md", "journey: repair", "journey: move")),
    (
        "a date: another round, another order",
        replace("interviews/int-02.md", "2026-02-10", "2026-01-09"),
    ),
    (
        "an explicit round",
        replace("interviews/int-01.md", "persona: eva", "persona: eva\nround: r2"),
    ),
    ("the persona's picture removed from docs_dir", unlink("img/eva.png", in_docs=True)),
    ("and put back", write("img/eva.png", "\x89PNG", in_docs=True)),
    ("a theme renamed", replace("themes/waiting.md", "name: Waiting", "name: Long wait")),
    ("a theme removed", unlink("themes/cost.md")),
    ("consent given", replace("interviews/int-03.md", "consent: false", "consent: true")),
    (
        "a touchpoint renamed in the inventory",
        replace("journeys/repair.md", "Phone line", "Hotline"),
    ),
    ("a round's dates", replace("journeys/repair.md", "2026-01-31", "2026-01-09")),
    ("a persona's summary", replace("personas/zoe.md", "Summary of zoe.", "Summary of Zoe.")),
    ("an interview's notes", replace("interviews/int-02.md", "Interview notes.", "Notes.")),
    ("an interview moved to a sub-folder", into_folder),
    ("a second interview `int-01`, of the other journey (a duplicate id)", same_id_other_journey),
    ("the first `int-01` removed: the second is published", unlink("interviews/int-01.md")),
    ("a persona file broken", replace("personas/zoe.md", "name: Zoe", "name: [")),
    ("and mended", replace("personas/zoe.md", "name: [", "name: Zoe")),
    (
        "a stage removed from a journey",
        replace("journeys/move.md", "- id: settle\n  name: Settle\n", ""),
    ),
    (
        "a new persona, first in slug order (every chart's colours move)",
        write("personas/aaa.md", "---\nname: Aaa\nsummary: s\n---\nb\n"),
    ),
]


def test_kept_files_are_those_of_a_fresh_build_after_any_content_edit(tmp_path: Path) -> None:
    """Edits of every kind of record, of the order of interviews, of docs_dir's pictures,
    and edits that make a record invalid or valid again: after each, the files a rebuild
    with what the preview keeps writes are those a fresh generation writes."""
    tree, docs = rich_study(tmp_path)
    generations = serving(tree, docs, tmp_path)
    generations.again()
    for number, (what, change) in enumerate(CONTENT_EDITS):
        change(tree.root, docs)
        written = generations.again()
        assert differences(generations, written, str(number)) == [], what


def test_kept_files_are_those_of_a_fresh_build_after_a_setting_changes(tmp_path: Path) -> None:
    """What every page holds (the rules with the build date, the interview target, the
    labels, the templates of the site's theme) is compared apart from the records."""
    tree, docs = rich_study(tmp_path)
    generations = serving(tree, docs, tmp_path)
    generations.again()
    overrides = tmp_path / "theme"
    template = overrides / "journeys" / "interview.md.j2"

    def setting(**changed: Any) -> Callable[[], None]:
        def change() -> None:
            generations.settings = dataclasses.replace(generations.settings, **changed)

        return change

    def override() -> None:
        template.parent.mkdir(parents=True)
        text = (Path(preview.TEMPLATES) / "interview.md.j2").read_text(encoding="utf-8")
        template.write_text(text.replace("## {{", "## Own {{", 1), encoding="utf-8")
        setting(override_dirs=[overrides])()

    changes: list[tuple[str, Callable[[], None]]] = [
        ("stale_after_days", setting(stale_after_days=3)),
        ("interview_target", setting(interview_target=2)),
        ("build_date", setting(build_date=dt.date(2027, 5, 1))),
        ("labels", setting(labels=Labels.for_language("nl"))),
        ("an override template", override),
        ("the override edited", lambda: edit(template, "## Own {{", "## Mine {{")),
    ]
    for number, (what, change) in enumerate(changes):
        change()
        written = generations.again()
        assert differences(generations, written, f"setting-{number}") == [], what


def test_a_kept_value_is_not_changed_by_the_rebuilds_that_take_it(tmp_path: Path) -> None:
    """A value ``remember`` keeps is handed out again as the same object (the journeys'
    index and each journey's files share a journey's view): nothing that uses it may
    change it, or a later rebuild would take what it became."""
    tree, docs = rich_study(tmp_path)
    generations = serving(tree, docs, tmp_path)
    generations.again()
    memory = generations.kept.pages
    kept = dict(memory.remembered)
    before = {name: Digests().of(value) for name, (_, value) in kept.items()}
    assert None not in before.values(), [name for name, digest in before.items() if digest is None]

    edit(interview(tree.root, "int-02"), "score: 4", "score: 1")  # repair only
    generations.again()
    edit(interview(tree.root, "int-02"), "score: 1", "score: 4")
    generations.again()

    taken = [name for name, entry in memory.remembered.items() if entry is kept.get(name)]
    assert "journeys/move.md view" in taken and "journeys/move.md" in taken, taken
    assert "interviews/mv-01.md" in taken and "workshops/move.md" in taken, taken
    for name in taken:
        assert Digests().of(memory.remembered[name][1]) == before[name], name


def test_what_the_first_build_leaves_is_freed_by_later_rebuilds_after_settle_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``settle_memory`` freezes what is alive after the first build; later rebuilds drop
    the first build's study and renderer, which must then be freed (they are in no cycle
    that only the frozen collector could break)."""
    tree, docs = rich_study(tmp_path)
    studies: list[weakref.ref[Any]] = []
    renderers: list[weakref.ref[Any]] = []
    renderer = kinds.renderer

    def loaded(*args: Any, **kwargs: Any) -> Any:
        study = loading.load_study(*args, **kwargs)
        studies.append(weakref.ref(study))
        return study

    def made(*args: Any, **kwargs: Any) -> Any:
        site = renderer(*args, **kwargs)
        renderers.append(weakref.ref(site))
        return site

    monkeypatch.setattr("journeys.building.generation.load_study", loaded)
    monkeypatch.setattr(kinds, "renderer", made)
    generations = serving(tree, docs, tmp_path)
    generations.again()
    try:
        preview.settle_memory()
        for old, new in (("score: 4", "score: 1"), ("score: 1", "score: 4")):
            edit(interview(tree.root, "int-02"), old, new)
            generations.again()
        gc.collect()
        first_alive = (studies[0]() is not None, renderers[0]() is not None)
        last_alive = (studies[-1]() is not None, renderers[-1]() is not None)
    finally:
        gc.unfreeze()
    assert first_alive == (False, False)
    # The last study outlives its build: the preview's PageMemory holds its renderer (to
    # render pages with) and its digests (which hold every record) until the next rebuild.
    assert last_alive == (True, True)
