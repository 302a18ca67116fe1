"""Attacks on what `mkdocs serve` keeps from one rebuild to the next (``RecordMemory``,
``FactMemory``, ``Digests``, ``PublishedTextMemory``, ``NeedleMemory``): after every edit of
a copy of the demo content, the study, the interview figures and the guard's watchlist that
the kept path gives must be those a fresh reading gives."""

from __future__ import annotations

import os
import random
import shutil
import unicodedata
from pathlib import Path

import pytest

from contentkit import REPO, edit_file
from journeys.building.digests import Digests
from journeys.building.generation import SiteSettings, read_study, study_watchlist
from journeys.building.preview import RenderMemory
from journeys.content.loading import load_study
from journeys.content.study import Study
from journeys.mkdocs.pages import url_resolver
from journeys.site.data import site_data
from journeys.site.labels import Labels

HIDDE = "content/interviews/2026-01/2026-01-hidde-08.md"  # consent: false
LOTTE = "content/interviews/2025-09/2025-09-lotte-01.md"  # consent: true
LAPTOP = "content/journeys/laptop-repair.md"
ENGINEER = "content/personas/self-reliant-engineer.md"
ROUNDS = (
    "rounds:\n  - id: before\n    name: Before\n    from: 2025-01-01\n    to: 2025-12-31\n"
    "  - id: after\n    name: After\n    from: 2026-01-01\nopportunities:\n"
)


def settings(root: Path) -> SiteSettings:
    return SiteSettings(
        content_dir=root / "content",
        display_root=root,
        public_contacts=(),
        cache_dir=root / "cache",
        labels=Labels.for_language("en"),
        href=url_resolver(True),
    )


def as_read(study: Study) -> list[object]:
    records = [*study.personas.values(), *study.journeys.values(), *study.interviews]
    return [
        [(record.source.path, record.model_dump(), record.source.body) for record in records],
        sorted(study.themes),
        [diagnostic.format() for diagnostic in study.diagnostics],
    ]


class Session:
    """One `mkdocs serve` session over a copy of the demo content."""

    def __init__(self, root: Path) -> None:
        shutil.copytree(REPO / "content", root / "content")
        self.root = root
        self.kept = RenderMemory()

    def path(self, relative: str) -> Path:
        return self.root / relative

    def edit(self, relative: str, old: str, new: str) -> None:
        edit_file(self.path(relative), old, new)

    def check(self) -> Study:
        """A rebuild as generate_site does it, compared with a fresh reading."""
        study = read_study(settings(self.root), 1, self.kept)
        facts = site_data(study, None, self.kept.facts.facts_of()).facts
        digests = Digests(self.kept.digests)
        self.kept.digests = digests
        watchlist = study_watchlist(study, self.kept, digests)
        fresh = load_study(self.root / "content", display_root=self.root)
        assert as_read(study) == as_read(fresh)
        assert facts == site_data(fresh).facts
        fresh_watchlist = study_watchlist(fresh)
        assert watchlist.needles == fresh_watchlist.needles
        assert watchlist.usual == fresh_watchlist.usual
        assert watchlist == fresh_watchlist
        return study


@pytest.fixture
def session(tmp_path: Path) -> Session:
    s = Session(tmp_path)
    s.check()
    return s


def test_consent_flips_and_back(session: Session) -> None:
    """Consent false -> true -> false on one interview, true -> false -> true on another."""
    for path, on, off in ((HIDDE, "false", "true"), (LOTTE, "true", "false")):
        session.edit(path, f"consent: {on}", f"consent: {off}")
        session.check()
        session.edit(path, f"consent: {off}", f"consent: {on}")
        session.check()


def test_same_bytes_renamed_deleted_re_added_and_touched(session: Session) -> None:
    """Same bytes under another name / folder, deleted and re-added, mtime-only touch."""
    old = session.path(LOTTE)
    raw = old.read_bytes()
    moved = session.path("content/interviews/2099/zz-moved.md")
    moved.parent.mkdir()
    moved.write_bytes(raw)
    old.unlink()
    session.check()
    old.write_bytes(raw)
    moved.unlink()
    session.check()
    old.unlink()
    session.check()
    old.write_bytes(raw)
    session.check()
    os.utime(old, (1_000_000, 1_000_000))
    session.check()


def test_identical_bytes_in_two_folders(session: Session) -> None:
    """Two files with identical bytes (a duplicate id), then one of them edited apart."""
    copy = session.path("content/interviews/2099/2026-01-hidde-08.md")
    copy.parent.mkdir()
    copy.write_bytes(session.path(HIDDE).read_bytes())
    session.check()
    edit_file(copy, "id: 2026-01-hidde-08", "id: 2026-01-hidde-99")
    session.check()
    edit_file(copy, "id: 2026-01-hidde-99", "id: 2026-01-hidde-08")
    session.check()
    copy.unlink()
    session.check()


def test_participant_fields_change(session: Session) -> None:
    """The private participant block: a name changed, removed and back."""
    session.edit(HIDDE, "name: Evert-Jan Wesseling", "name: Evert Jan Wesseling-Bos")
    session.check()
    session.edit(HIDDE, "  email: ej.wesseling@example.nl\n", "")
    session.check()
    session.edit(HIDDE, "  name: Evert Jan", "  email: ej.wesseling@example.nl\n  name: Evert Jan")
    session.check()


def test_journey_touchpoints_used_by_interviews(session: Session) -> None:
    """A touchpoint id that interviews use removed from the inventory, then put back."""
    tp = "  - id: walk-in\n    name: Walk-in IT desk\n    kind: human\n"
    session.edit(LAPTOP, tp, "")
    session.check()
    session.edit(LAPTOP, "touchpoints:\n", "touchpoints:\n" + tp)
    session.check()
    session.edit(LAPTOP, "  - id: walk-in\n", "  - id: walk-inn\n")
    session.check()
    session.edit(LAPTOP, "  - id: walk-inn\n", "  - id: walk-in\n")
    session.check()


def test_journey_rounds_move_an_interview(session: Session) -> None:
    """Rounds added; a round's dates moved so interviews change round; an explicit round."""
    original = session.path(LAPTOP).read_bytes()
    session.edit(LAPTOP, "opportunities:\n", ROUNDS)
    session.check()
    session.edit(LAPTOP, "to: 2025-12-31", "to: 2026-01-31")
    session.edit(LAPTOP, "from: 2026-01-01", "from: 2026-02-01")
    session.check()
    session.edit(HIDDE, "consent: false\n", "consent: false\nround: after\n")
    session.check()
    session.edit(LAPTOP, "id: after", "id: later")
    session.check()  # an unknown round: an error, the same in both
    session.edit(LAPTOP, "id: later", "id: after")
    session.check()
    session.path(LAPTOP).write_bytes(original)
    session.check()


def test_journey_and_persona_renamed(session: Session) -> None:
    """A journey and a persona file renamed (interviews then name an unknown slug), back."""
    journey, persona = session.path(LAPTOP), session.path(ENGINEER)
    journey.rename(journey.with_name("laptop-fix.md"))
    session.check()
    persona.rename(persona.with_name("engineer.md"))
    session.check()
    journey.with_name("laptop-fix.md").rename(journey)
    persona.with_name("engineer.md").rename(persona)
    session.check()


def test_yaml_error_then_fixed(session: Session) -> None:
    """A YAML error in an interview, a bad score, and both fixed."""
    session.edit(HIDDE, "overall_score: 4.5\n", "overall_score: [4.5\n")
    session.check()
    session.edit(HIDDE, "overall_score: [4.5\n", "overall_score: 11\n")
    session.check()
    session.edit(HIDDE, "overall_score: 11\n", "overall_score: 4.5\n")
    session.check()


def test_line_endings_bom_and_whitespace(session: Session) -> None:
    """CRLF, a BOM, trailing whitespace: same values, other bytes, other lines."""
    path = session.path(HIDDE)
    raw = path.read_bytes()
    path.write_bytes(raw.replace(b"\n", b"\r\n"))
    session.check()
    path.write_bytes(b"\xef\xbb\xbf" + raw)
    session.check()
    path.write_bytes(raw.replace(b"consent: false", b"consent: false   "))
    session.check()
    path.write_bytes(raw)
    session.check()


def test_nfc_and_nfd_in_names_and_text(session: Session) -> None:
    """A non-ASCII participant name in NFC then NFD; a file name in NFC then NFD."""
    nfc = unicodedata.normalize("NFC", "Zoë Hüsnü")
    nfd = unicodedata.normalize("NFD", nfc)
    session.edit(HIDDE, "Evert-Jan Wesseling", nfc)
    session.check()
    session.edit(HIDDE, nfc, nfd)
    session.check()
    session.edit(LOTTE, "consent: true\n", "consent: true\nround: rondé\n")
    session.check()
    path = session.path(HIDDE)
    named = path.with_name(unicodedata.normalize("NFC", "2026-01-hiddé.md"))
    path.rename(named)
    session.check()
    other = path.with_name(unicodedata.normalize("NFD", "2026-01-hiddé.md"))
    named.rename(other)
    session.check()


def test_themes_and_journey_switch(session: Session) -> None:
    """A theme file added, used by a step, edited and removed; an interview moved to the
    other journey (another inventory) and back."""
    theme = session.path("content/themes/waiting.md")
    theme.parent.mkdir()
    theme.write_text("---\nname: Waiting\ndescription: Time lost waiting\n---\nBody.\n", "utf-8")
    session.check()
    session.edit(LOTTE, "    touchpoint: phone\n", "    touchpoint: phone\n    themes: [waiting]\n")
    session.check()
    edit_file(theme, "Time lost waiting", "Time lost waiting for Evert-Jan Wesseling")
    session.check()
    theme.unlink()
    session.check()
    session.edit(LOTTE, "journey: laptop-repair", "journey: onboarding")
    session.check()
    session.edit(LOTTE, "journey: onboarding", "journey: laptop-repair")
    session.check()


TOGGLES = [
    (HIDDE, "consent: false", "consent: true"),
    (LOTTE, "consent: true", "consent: false"),
    (HIDDE, "name: Evert-Jan Wesseling", "name: Evert Jan"),
    (LAPTOP, "  - id: walk-in\n", "  - id: walk-inn\n"),
    (LAPTOP, "opportunities:\n", ROUNDS),
    (LOTTE, "journey: laptop-repair", "journey: onboarding"),
    (HIDDE, "overall_score: 4.5\n", "overall_score: [4.5\n"),
    (LOTTE, "id: 2025-09-lotte-01", "id: 2026-01-hidde-08"),
    (ENGINEER, "---\nname:", "\ufeff---\nname:"),
]


def test_seeded_random_toggle_sequence(session: Session) -> None:
    """A seeded random sequence of the edits above, each applied and undone in any order
    (states that were seen before come back, so kept values are reused across them)."""
    rng = random.Random(20261201)
    on = [False] * len(TOGGLES)
    applied = 0
    for _ in range(40):
        index = rng.randrange(len(TOGGLES))
        path, old, new = TOGGLES[index]
        if on[index]:
            old, new = new, old
        text = session.path(path).read_text(encoding="utf-8")
        if text.count(old) != 1:
            continue
        session.path(path).write_text(text.replace(old, new), encoding="utf-8")
        on[index] = not on[index]
        applied += 1
        session.check()
    assert applied > 30
