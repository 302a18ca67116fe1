"""Attacks on the preview's memos of the guard's watchlist (``PublishedTextMemory``,
``NeedleMemory``): after edits of the content between loads, the watchlist a kept reading
gives must be the one a fresh reading gives. Each test edits a copy of the demo study and
compares, after every load, ``study_watchlist(study, kept)`` with ``study_watchlist(study)``."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest

from contentkit import REPO, edit_file
from journeys.building.digests import Digests
from journeys.building.generation import study_watchlist
from journeys.building.preview import RenderMemory
from journeys.building.watchlist_memory import NeedleMemory, PublishedTextMemory
from journeys.content.loading import load_study
from journeys.privacy import guard
from test_published_memory import SENTENCE, WITHHELD, consenting


class Session:
    """One `mkdocs serve --dirty` session over a copy of the demo content."""

    def __init__(self, root: Path) -> None:
        shutil.copytree(REPO / "content", root / "content")
        self.root = root
        self.memory = RenderMemory(published=PublishedTextMemory(), needles=NeedleMemory())

    def path(self, relative: str) -> Path:
        return self.root / relative

    def edit(self, relative: str, old: str, new: str) -> None:
        edit_file(self.path(relative), old, new)

    def both(self, errors_allowed: bool = False) -> tuple[guard.Watchlist, guard.Watchlist]:
        study = load_study(self.root / "content", display_root=self.root)
        if not errors_allowed:
            assert not study.has_errors, [d.format() for d in study.diagnostics]
        return study_watchlist(study, self.memory), study_watchlist(study)

    def check(self, errors_allowed: bool = False) -> guard.Watchlist:
        kept, fresh = self.both(errors_allowed)
        assert kept.needles == fresh.needles
        assert kept.usual == fresh.usual
        assert kept == fresh
        return kept


def has(watchlist: guard.Watchlist, *words: str) -> bool:
    return any(needle.tokens == words for needle in watchlist.needles)


@pytest.fixture
def session(tmp_path: Path) -> Session:
    s = Session(tmp_path)
    s.check()
    return s


def test_consent_flips_and_back(session: Session) -> None:
    session.edit(WITHHELD, "consent: false", "consent: true")
    after = session.check()
    assert not has(after, *SENTENCE.split()[:8])
    session.edit(WITHHELD, "consent: true", "consent: false")
    session.check()
    first = consenting(session.root)[0]
    session.edit(first, "consent: true", "consent: false")
    session.check()
    session.edit(first, "consent: false", "consent: true")
    session.check()


def test_withheld_file_moved_with_the_same_bytes(session: Session) -> None:
    old = session.path(WITHHELD)
    new = session.path("content/interviews/2026-01/zz-moved.md")
    new.write_bytes(old.read_bytes())
    old.unlink()
    kept = session.check()
    assert all(needle.source != WITHHELD for needle in kept.needles)
    # Moved to another folder, same stem (id is explicit).
    folder = session.path("content/interviews/2099")
    folder.mkdir()
    (folder / "zz-moved.md").write_bytes(new.read_bytes())
    new.unlink()
    session.check()
    # And back.
    old.write_bytes((folder / "zz-moved.md").read_bytes())
    (folder / "zz-moved.md").unlink()
    session.check()


def test_withheld_file_copied_twice(session: Session) -> None:
    copy = session.path("content/interviews/2026-01/2026-01-hidde-copy.md")
    text = session.path(WITHHELD).read_text(encoding="utf-8")
    copy.write_text(text.replace("id: 2026-01-hidde-08", "id: 2026-01-hidde-copy"), "utf-8")
    session.check()
    copy.unlink()
    session.check()


def test_body_whitespace_and_line_shifts(session: Session) -> None:
    session.edit(WITHHELD, "\n---\n", "\n---\n\n\n   \n")
    session.check()
    session.edit(WITHHELD, "cloned the disk himself", "cloned  the disk\nhimself")
    session.check()
    session.edit(WITHHELD, "id: 2026-01-hidde-08\n", "\nid: 2026-01-hidde-08\n")
    session.check()
    session.edit(WITHHELD, "figures still count.", "figures still count.   \t")
    session.check()


def test_unknown_fields_top_level_and_nested(session: Session) -> None:
    session.edit(
        WITHHELD,
        "goal_reached: true\n",
        "goal_reached: true\nremark: a secret hangar in Lelystad\n",
    )
    kept = session.check()
    assert has(kept, "a", "secret", "hangar", "in", "lelystad")
    session.edit(WITHHELD, "a secret hangar in Lelystad", "a secret hangar in Dronten")
    session.check()
    session.edit(
        WITHHELD,
        "remark: a secret hangar in Dronten\n",
        "remark:\n  where: a secret hangar in Dronten\n"
        "  more: [the blue door behind the canteen]\n",
    )
    session.check()
    session.edit(WITHHELD, "the blue door behind the canteen", "the red door behind the canteen")
    session.check()
    # An unknown field of a step.
    session.edit(
        WITHHELD,
        "    feeling: focused\n",
        "    feeling: focused\n    aside: met him at the Gouda cheese market\n",
    )
    session.check()
    session.edit(WITHHELD, "Gouda cheese market", "Alkmaar cheese market")
    session.check()


def test_participant_nested_and_typed_values(session: Session) -> None:
    session.edit(
        WITHHELD, '  phone: "+31 6 44918026"\n', '  phone: "+31 6 44918026"\n  employee: 48213957\n'
    )
    kept = session.check()
    session.edit(WITHHELD, "  employee: 48213957\n", '  employee: "48213957"\n')
    session.check()
    session.edit(WITHHELD, '  employee: "48213957"\n', "  employee: 48213957.0\n")
    session.check()
    session.edit(WITHHELD, "  employee: 48213957.0\n", "  born: 1984-03-07\n")
    session.check()
    session.edit(WITHHELD, "  born: 1984-03-07\n", '  born: "1984-03-07"\n')
    session.check()
    session.edit(
        WITHHELD,
        '  born: "1984-03-07"\n',
        "  address:\n    street: Kromme Nieuwegracht 12\n    city: Utrecht\n",
    )
    session.check()
    session.edit(WITHHELD, "Kromme Nieuwegracht 12", "Oudegracht 12")
    session.check()
    session.edit(WITHHELD, "  address:\n", "  previous:\n")
    session.check()
    del kept


def test_participant_block_in_a_consenting_interview(session: Session) -> None:
    first = consenting(session.root)[0]
    text = session.path(first).read_text(encoding="utf-8")
    if "participant:\n" not in text:
        session.edit(
            first, "consent: true\n", "consent: true\nparticipant:\n  name: Femke Oudshoorn\n"
        )
    else:
        session.edit(first, "participant:\n", "participant:\n  nickname: Femke Oudshoorn\n")
    session.check()
    session.edit(first, "Femke Oudshoorn", "Femke Oudshoorn-Zijlstra")
    session.check()
    # A persona publishes the surname: the part is no longer looked for alone.
    session.edit(
        "content/personas/self-reliant-engineer.md",
        "I have usually found",
        "Zijlstra says: I have usually found",
    )
    kept = session.check()
    assert not has(kept, "zijlstra")
    session.edit(
        "content/personas/self-reliant-engineer.md",
        "Zijlstra says: I have usually found",
        "I have usually found",
    )
    kept = session.check()
    assert has(kept, "zijlstra")


def test_null_and_default_values(session: Session) -> None:
    session.edit(WITHHELD, "participant:\n", "participant:\n  nickname: null\n")
    session.check()
    session.edit(WITHHELD, "  nickname: null\n", "  nickname: ''\n")
    session.check()
    session.edit(WITHHELD, "  nickname: ''\n", "  nickname: Ome Henk\n")
    kept = session.check()
    assert has(kept, "ome", "henk")
    session.edit(WITHHELD, "interviewer: Sander\n", "interviewer: null\n")
    session.check()
    session.edit(WITHHELD, "interviewer: null\n", "interviewer: Sander\nattributes2: {}\n")
    session.check()


def test_phrases_that_become_and_stop_being_published(session: Session) -> None:
    first, second, *_ = consenting(session.root)
    run = tuple(SENTENCE.lower().split()[:8])
    # In a consenting interview's front matter (not body).
    session.edit(first, "\ngoal: ", f"\ngoal: He {SENTENCE}. ")
    kept = session.check()
    assert not has(kept, *run)
    # The consenting interview stops consenting: its goal is withheld, the sentence too.
    session.edit(first, "consent: true", "consent: false")
    kept = session.check()
    assert has(kept, *run)
    session.edit(first, "consent: false", "consent: true")
    session.check()
    # In a journey.
    session.edit(first, f"\ngoal: He {SENTENCE}. ", "\ngoal: ")
    session.check()
    journey = "content/journeys/laptop-repair.md"
    session.edit(journey, "\n---\n", f"\n---\nSomeone {SENTENCE}.\n\n")
    kept = session.check()
    assert not has(kept, *run)
    session.edit(journey, f"\n---\nSomeone {SENTENCE}.\n\n", "\n---\n")
    kept = session.check()
    assert has(kept, *run)
    # Split over two texts: not one phrase (then joined again).
    session.edit(first, "\n---\n", "\n---\ncloned the disk himself and asked\n")
    session.edit(second, "\n---\n", "\n---\nIT only for the part\n")
    session.check()
    session.edit(second, "\n---\nIT only for the part\n", "\n---\n")
    session.edit(first, "cloned the disk himself and asked\n", f"{SENTENCE}\n")
    session.check()


def test_a_theme_and_a_persona_say_a_phrase(session: Session) -> None:
    theme = session.path("content/themes/self-repair.md")
    theme.parent.mkdir(exist_ok=True)
    theme.write_text(
        f"---\nname: Self repair\ndescription: He {SENTENCE}.\n---\nBody.\n", encoding="utf-8"
    )
    session.check()
    theme.write_text("---\nname: Self repair\ndescription: Nothing.\n---\nBody.\n", "utf-8")
    session.check()
    theme.write_text(f"---\nname: Self repair\ndescription: Nothing.\n---\n{SENTENCE}\n", "utf-8")
    session.check()
    theme.unlink()
    session.check()
    persona = "content/personas/self-reliant-engineer.md"
    session.edit(persona, "  role: Engineer", f"  role: {SENTENCE}, Engineer")
    session.check()
    session.edit(persona, f"  role: {SENTENCE}, Engineer", "  role: Engineer")
    session.check()


def test_interview_order_and_date_changes(session: Session) -> None:
    session.edit(WITHHELD, "date: 2026-01-15", "date: 2025-09-01")
    session.check()
    first, second, *_ = consenting(session.root)
    a, b = session.path(first), session.path(second)
    ta, tb = a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8")
    a.write_text(tb, encoding="utf-8")
    b.write_text(ta, encoding="utf-8")
    session.check()


def test_unicode_forms_of_a_name_and_a_phrase(session: Session) -> None:
    nfd = unicodedata.normalize("NFD", "Noël Wesseling")
    session.edit(WITHHELD, "name: Evert-Jan Wesseling", f"name: {nfd}")
    session.check()
    session.edit(WITHHELD, f"name: {nfd}", "name: Noël Wesseling")
    session.check()
    session.edit(WITHHELD, "name: Noël Wesseling", "name: ΝΟΕL Wesseling")  # Greek capitals
    session.check()
    session.edit(WITHHELD, "name: ΝΟΕL Wesseling", "name: ＮＯＥＬ Wesseling")
    session.check()
    session.edit(WITHHELD, "cloned the disk himself", "clonеd the disk himsеlf")  # Cyrillic е
    session.check()


def test_label_words_as_names(session: Session) -> None:
    session.edit(WITHHELD, "name: Evert-Jan Wesseling", "name: June")
    session.check()
    session.edit(WITHHELD, "name: June", "name: Junie")
    session.check()
    session.edit(WITHHELD, "name: Junie", "name: June Junie")
    session.check()


def test_an_interview_with_an_error_drops_out_and_comes_back(session: Session) -> None:
    session.edit(WITHHELD, "overall_score: 4.5", "overall_score: 44")
    session.check(errors_allowed=True)
    session.edit(WITHHELD, "overall_score: 44", "overall_score: 4.5")
    session.check()


def test_a_to_b_to_a(session: Session) -> None:
    first = consenting(session.root)[0]
    session.edit(first, "\n---\n", f"\n---\nHe {SENTENCE}.\n\n")
    session.edit(WITHHELD, "Evert-Jan Wesseling", "Evert-Jan Wessel")
    session.check()
    session.edit(first, f"\n---\nHe {SENTENCE}.\n\n", "\n---\n")
    session.edit(WITHHELD, "Evert-Jan Wessel", "Evert-Jan Wesseling")
    session.check()
    session.edit(first, "\n---\n", f"\n---\nHe {SENTENCE}.\n\n")
    session.edit(WITHHELD, "Evert-Jan Wesseling", "Evert-Jan Wessel")
    session.check()


def test_duplicate_keys_and_yaml_anchors(session: Session) -> None:
    session.edit(WITHHELD, "trigger: ", "trigger: A first version of the trigger\ntrigger: ")
    session.check()
    session.edit(WITHHELD, "  name: Evert-Jan", "  name: &n Evert-Jan")
    session.edit(WITHHELD, "goal_reached: true\n", "goal_reached: true\nremark: *n\n")
    session.check()
    session.edit(WITHHELD, "remark: *n\n", "remark: Evert-Jan Wesseling\n")
    session.check()


def test_pickling_fails_for_some_interviews(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = {"n": 0}
    original = Digests.of_record

    def flaky(self: Digests, record: object) -> bytes | None:
        calls["n"] += 1
        return None if calls["n"] % 2 else original(self, record)  # type: ignore[arg-type]

    monkeypatch.setattr(Digests, "of_record", flaky)
    session.edit(WITHHELD, "Evert-Jan Wesseling", "Evert-Jan Wessel")
    session.check()
    session.edit(WITHHELD, "Evert-Jan Wessel", "Evert-Jan Wesseling")
    session.check()


def test_one_digests_shared_by_two_builds(session: Session) -> None:
    """A caller that passes the same Digests to two builds (ids of freed records reused)."""
    digests = Digests()
    for name in ("Evert-Jan Wessel", "Evert-Jan Wesseling", "Evert-Jan Wessel"):
        text = session.path(WITHHELD).read_text(encoding="utf-8")
        for old in ("Evert-Jan Wesseling", "Evert-Jan Wessel"):
            if f"name: {old}\n" in text:
                text = text.replace(f"name: {old}\n", f"name: {name}\n")
                break
        session.path(WITHHELD).write_text(text, encoding="utf-8")
        study = load_study(session.root / "content", display_root=session.root)
        kept = study_watchlist(study, session.memory, digests)
        fresh = study_watchlist(study)
        assert kept == fresh
        del study


def test_memos_survive_many_small_random_edits(session: Session) -> None:
    import random

    rng = random.Random(7)
    interviews = sorted((session.root / "content" / "interviews").rglob("*.md"))
    words = [
        "cloned",
        "the",
        "disk",
        "himself",
        "and",
        "asked",
        "IT",
        "only",
        "for",
        "part",
        "Wesseling",
        "Evert-Jan",
        "nine",
        "days",
        "SSD",
    ]
    for _ in range(12):
        path = rng.choice(interviews)
        text = path.read_text(encoding="utf-8")
        choice = rng.random()
        if choice < 0.3 and "consent: true" in text:
            text = text.replace("consent: true", "consent: false", 1)
        elif choice < 0.5 and "consent: false" in text:
            text = text.replace("consent: false", "consent: true", 1)
        else:
            head, sep, body = text.partition("\n---\n")
            body = " ".join(rng.choice(words) for _ in range(rng.randint(3, 15))) + ".\n" + body
            text = head + sep + body
        path.write_text(text, encoding="utf-8")
        session.check()


def test_private_copy_does_not_taint_the_memo(session: Session) -> None:
    """words_of copies a consenting interview with participant cleared (model_copy)."""
    from journeys.privacy.policy import words_of

    study = load_study(session.root / "content", display_root=session.root)
    words_of(study.interviews)
    assert study_watchlist(study, session.memory) == study_watchlist(study)
