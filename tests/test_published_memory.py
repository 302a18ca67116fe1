"""The preview keeps what the guard's watchlist read in each published text
(``building/preview.PublishedTextMemory``) and the needles it found in each interview
(``NeedleMemory``): through a series of edits of the demo study, the watchlist they give is
the one a fresh reading gives; after a save that changes no text no text is read again, and
only the saved interview's needles are worked out again."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from contentkit import REPO, edit_file
from journeys.building.generation import study_watchlist
from journeys.building.preview import RenderMemory
from journeys.building.watchlist_memory import NeedleMemory, PublishedTextMemory
from journeys.content.loading import load_study
from journeys.privacy import guard

WITHHELD = "content/interviews/2026-01/2026-01-hidde-08.md"
"""A non-consenting interview of the demo."""
SENTENCE = "cloned the disk himself and asked IT only for the part"
"""Of its notes: looked for, as no published text says it."""


def consenting(root: Path) -> list[str]:
    """The consenting interviews of the demo copied under ``root``, relative to it."""
    return [
        str(path.relative_to(root))
        for path in sorted((root / "content" / "interviews").rglob("*.md"))
        if "consent: true" in path.read_text(encoding="utf-8")
    ]


def test_through_a_series_of_edits_the_kept_reading_gives_the_watchlist_a_fresh_one_gives(
    tmp_path: Path,
) -> None:
    shutil.copytree(REPO / "content", tmp_path / "content")
    withheld = tmp_path / WITHHELD
    first, second, *_ = (tmp_path / name for name in consenting(tmp_path))
    memory = PublishedTextMemory()
    kept_needles = NeedleMemory()
    interviews = 0

    def both() -> tuple[guard.Watchlist, guard.Watchlist]:
        nonlocal interviews
        study = load_study(tmp_path / "content", display_root=tmp_path)
        assert not study.has_errors, [d.format() for d in study.diagnostics]
        interviews = len(study.interviews)
        kept = RenderMemory(published=memory, needles=kept_needles)
        return study_watchlist(study, kept), study_watchlist(study)

    kept, fresh = both()
    assert kept == fresh
    assert kept_needles.found_again == interviews
    texts = memory.texts_read
    assert texts > 50
    run = tuple(SENTENCE.lower().split()[:8])
    assert any(needle.tokens == run for needle in kept.needles)  # the example is looked for

    kept, fresh = both()  # nothing saved
    assert (kept, memory.texts_read, kept_needles.found_again) == (fresh, 0, 0)

    score = re.search(r"^    score: (\d+)$", first.read_text(encoding="utf-8"), re.MULTILINE)
    assert score
    edit_file(first, score.group(0), f"    score: {9 - int(score.group(1)) % 9}")
    kept, fresh = both()  # a score is no text: nothing read again
    assert (kept, memory.texts_read, kept_needles.found_again) == (fresh, 0, 1)

    # A published interview says the withheld sentence: it is no sign of a leak any more.
    edit_file(first, "\n---\n", f"\n---\nHe {SENTENCE}.\n\n")
    kept, fresh = both()
    assert kept == fresh
    assert 0 < memory.texts_read < texts
    assert not any(needle.tokens == run for needle in kept.needles)

    # The withheld notes change: what is looked for changes, so every text is read again.
    edit_file(withheld, "Extreme self-reliant engineer", "Extremely self-reliant engineer, bold")
    kept, fresh = both()
    assert kept == fresh
    assert (memory.texts_read, kept_needles.found_again) == (texts, 1)

    # A participant field is added, then changed: its needle follows.
    edit_file(withheld, "participant:\n", "participant:\n  nickname: Marijke Zwanenburg\n")
    kept, fresh = both()
    assert kept == fresh
    assert any(needle.tokens == ("marijke", "zwanenburg") for needle in kept.needles)
    edit_file(withheld, "Marijke Zwanenburg", "Marijke Zwanenberg")
    kept, fresh = both()
    assert kept == fresh
    assert not any(needle.tokens == ("marijke", "zwanenburg") for needle in kept.needles)

    # The published copy goes again: the sentence is looked for again.
    edit_file(first, f"He {SENTENCE}.\n\n", "")
    kept, fresh = both()
    assert kept == fresh
    assert any(
        needle.tokens[:4] == ("extremely", "self", "reliant", "engineer") for needle in kept.needles
    )

    # The same text published twice counts twice, as in a fresh reading.
    body = "Waited a week for news; the ticket mails said nothing new.\n"
    for path in (first, second):
        text = path.read_text(encoding="utf-8")
        path.write_text(text[: text.index("\n---\n") + 5] + body, encoding="utf-8")
    kept, fresh = both()
    assert kept == fresh
    assert memory.texts_read == 1
