"""`mkdocs serve` keeps the study's records (``building/digests.RecordMemory``): after a save,
a file whose bytes did not change gives the same record object, so that what is kept by a
record's identity (its digest) holds; the study is the one a fresh reading gives, and the
front-matter cache still holds every file."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from contentkit import REPO
from journeys.analysis.facts import InterviewFact
from journeys.building.digests import Digests
from journeys.building.frontmatter_cache import FrontMatterCache
from journeys.building.generation import SiteSettings, read_study
from journeys.building.preview import RenderMemory
from journeys.content.loading import load_study
from journeys.content.study import Study
from journeys.mkdocs.pages import url_resolver
from journeys.site.data import site_data
from journeys.site.labels import Labels


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
    """What a study holds, as values to compare."""
    records = [*study.personas.values(), *study.journeys.values(), *study.interviews]
    return [
        [(record.source.path, record.model_dump()) for record in records],
        sorted(study.themes),
        [diagnostic.format() for diagnostic in study.diagnostics],
    ]


def save_a_new_score(root: Path) -> Path:
    """Change the first step's score of an interview of the study copied under ``root``."""
    saved = sorted((root / "content" / "interviews").rglob("*.md"))[3]
    text = saved.read_text(encoding="utf-8")
    score = re.search(r"^    score: (\d+)$", text, re.MULTILINE)
    assert score
    new_score = f"    score: {9 - int(score.group(1)) % 9}"
    saved.write_text(text[: score.start()] + new_score + text[score.end() :], encoding="utf-8")
    return saved


def test_a_save_loads_only_the_saved_file_again_and_the_study_is_a_fresh_one(
    tmp_path: Path,
) -> None:
    shutil.copytree(REPO / "content", tmp_path / "content")
    kept = RenderMemory()
    first = read_study(settings(tmp_path), 1, kept)
    assert kept.records.loaded == first.file_count > 10

    saved = save_a_new_score(tmp_path)
    second = read_study(settings(tmp_path), 1, kept)

    assert kept.records.loaded == 1
    fresh = load_study(tmp_path / "content", display_root=tmp_path)
    assert as_read(second) == as_read(fresh) != as_read(first)
    before = {interview.key: interview for interview in first.interviews}
    changed = [i.key for i in second.interviews if before.get(i.key) is not i]
    assert changed == [saved.stem]
    # The front-matter cache was not asked for the files it knew, and still holds them all.
    cache = FrontMatterCache(tmp_path / "cache")
    load_study(tmp_path / "content", display_root=tmp_path, reader=cache)
    assert cache.read_again == 0


def test_a_file_moved_with_the_same_bytes_is_loaded_again_under_its_new_name(
    tmp_path: Path,
) -> None:
    shutil.copytree(REPO / "content", tmp_path / "content")
    kept = RenderMemory()
    read_study(settings(tmp_path), 1, kept)
    moved = min((tmp_path / "content" / "interviews").rglob("*.md"))
    moved.rename(moved.with_name("renamed-" + moved.name))

    second = read_study(settings(tmp_path), 1, kept)

    assert kept.records.loaded == 1
    fresh = load_study(tmp_path / "content", display_root=tmp_path)
    assert as_read(second) == as_read(fresh)


class CountingDigests(Digests):
    """Counts the values it pickles."""

    pickled = 0

    def _digest(self, value: object) -> bytes:
        CountingDigests.pickled += 1
        return super()._digest(value)


def test_the_next_builds_digests_take_a_records_digest_only_for_the_same_object() -> None:
    study = load_study(REPO / "content", display_root=REPO)
    again = load_study(REPO / "content", display_root=REPO)
    record, equal_copy = study.interviews[0], again.interviews[0]
    first = CountingDigests()
    digest = first.record_digest(record)

    second = CountingDigests(first)
    pickled = CountingDigests.pickled
    assert second.record_digest(record) == digest and CountingDigests.pickled == pickled
    assert second.record_digest(equal_copy) == digest and CountingDigests.pickled == pickled + 1


def test_a_save_works_out_again_only_the_figures_that_can_have_changed(tmp_path: Path) -> None:
    """An interview's figures are kept with its record, its journey's touchpoints and its
    round (``building/digests.FactMemory``); they are those a fresh reading gives."""
    shutil.copytree(REPO / "content", tmp_path / "content")
    kept = RenderMemory()

    def facts() -> list[InterviewFact]:
        study = read_study(settings(tmp_path), 1, kept)
        found = site_data(study, None, kept.facts.facts_of()).facts
        fresh = load_study(tmp_path / "content", display_root=tmp_path)
        assert found == site_data(fresh).facts
        return found

    first = facts()
    assert kept.facts.worked_out == len(first) > 10

    save_a_new_score(tmp_path)
    assert facts() != first
    assert kept.facts.worked_out == 1

    # A touchpoint added to a journey: its interviews' figures are worked out again.
    journey = tmp_path / "content" / "journeys" / "laptop-repair.md"
    text = journey.read_text(encoding="utf-8")
    added = "touchpoints:\n  - id: kiosk\n    name: Walk-in kiosk\n    kind: human\n"
    journey.write_text(text.replace("touchpoints:\n", added, 1), encoding="utf-8")
    found = facts()
    assert kept.facts.worked_out == sum(fact.journey == "laptop-repair" for fact in found) > 0
