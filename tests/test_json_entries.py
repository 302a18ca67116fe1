"""The guard reads a JSON file (the search index) an entry at a time, keeping what each entry
gave while serving: it must find exactly what reading the file whole finds, whatever the
file holds (valid JSON or not, any cut of its parts and windows), and a kept reading must
equal a fresh one after any change of the entries."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from journeys.privacy import guard_reading, json_entries, matching
from journeys.privacy.json_entries import EntryMemory, phrases_in_json
from journeys.privacy.matching import PhraseIndex, windows

WORDS = ["the", "desk", "loan", "laptop", "went", "home", "06", "4821", "3957"]
PHRASES = [
    ("the", "desk"),
    ("loan", "laptop", "went", "home"),
    ("home", "the", "desk", "loan", "laptop", "went"),
    ("desk",),
    ("laptop", "the"),
    ("+064821395",),  # a phone number, as the guard looks for one (last nine digits)
    ("location", "b", "text", "the"),  # over a cut, through the next entry's keys
]
# Pieces of text as they stand in a string: markup, escapes, entities, a URL's encoding.
PIECES = st.sampled_from(
    [*WORDS, " ", "-", "<b>", "</b>", "\n", "é", "&amp;", "%20", "<!--", "-->"]
)
STRINGS = st.lists(PIECES, max_size=12).map("".join)
KEYS = st.sampled_from(["", "location", "title", "text", "b"])
OBJECTS = st.dictionaries(KEYS, STRINGS | st.integers(0, 10**11), max_size=3)
DOCUMENTS = st.lists(OBJECTS | st.lists(OBJECTS, max_size=3), max_size=8)
# Entries of a word or two under an empty key (which gives no word): a phrase runs over
# several of them.
SHORT = st.lists(st.sampled_from(WORDS), max_size=2).map(" ".join)
TIGHT = st.lists(st.builds(lambda text: {"": text}, SHORT), max_size=30)
# Not JSON at all: the pieces a cut is looked for among, in any order.
BROKEN = st.lists(
    st.sampled_from([*WORDS, '"', '},{"', "}", ",{", "\\", '\\"', " ", "{", "<b", ">", "x"]),
    max_size=40,
).map("".join)


def whole_reading(path: Path, index: PhraseIndex, overlap: int) -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for words, numbers in windows(guard_reading.output_texts(path), overlap):
        found.update(index.found_in([*words, *numbers]))
    return found


def written(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def as_json(document: list[object], ascii_only: bool) -> str:
    return json.dumps({"config": {}, "docs": document}, ensure_ascii=ascii_only)


INDEX = PhraseIndex(PHRASES)
OVERLAP = max(len(phrase) for phrase in PHRASES) - 1


@settings(max_examples=300, deadline=None)
@given(
    text=st.builds(as_json, DOCUMENTS | TIGHT, st.booleans()) | BROKEN,
    read_bytes=st.sampled_from([3, 7, 64, guard_reading.READ_BYTES]),
    window=st.sampled_from([20, 45, matching.WINDOW_CHARACTERS]),
)
def test_reading_entry_by_entry_finds_what_reading_the_whole_file_finds(
    text: str, read_bytes: int, window: int
) -> None:
    with (
        tempfile.TemporaryDirectory() as folder,
        mock.patch.object(guard_reading, "READ_BYTES", read_bytes),
        mock.patch.object(guard_reading, "SNIFF_BYTES", min(read_bytes, 4)),
        mock.patch.object(matching, "WINDOW_CHARACTERS", window),
    ):
        path = written(Path(folder), "search_index.json", text)
        expected = whole_reading(path, INDEX, OVERLAP)

        assert phrases_in_json(path, "search_index.json", INDEX, OVERLAP) == expected


@settings(max_examples=200, deadline=None)
@given(
    before=DOCUMENTS,
    after=DOCUMENTS,
    kept=st.lists(st.integers(0, 7), max_size=8),
    ascii_only=st.booleans(),
)
def test_a_kept_reading_equals_a_fresh_one_after_any_change_of_the_entries(
    before: list[object], after: list[object], kept: list[int], ascii_only: bool
) -> None:
    # The new file keeps some entries of the old one (in any order, some twice) among new ones.
    changed = [before[k] for k in kept if k < len(before)] + after
    memory = EntryMemory()
    with tempfile.TemporaryDirectory() as folder:
        old = written(Path(folder), "old.json", as_json(before, ascii_only))
        phrases_in_json(old, "search_index.json", INDEX, OVERLAP, memory)
        new = written(Path(folder), "new.json", as_json(changed, ascii_only))

        found = phrases_in_json(new, "search_index.json", INDEX, OVERLAP, memory)

        assert found == whole_reading(new, INDEX, OVERLAP)
        fresh = EntryMemory()
        assert phrases_in_json(new, "search_index.json", INDEX, OVERLAP, fresh) == found
        assert memory.entries_read <= fresh.entries_read


def test_a_phrase_over_the_cut_between_two_entries_is_found(tmp_path: Path) -> None:
    # Empty keys give no words: the two strings stand side by side in what is read.
    text = json.dumps([{"": "went loan laptop"}, {"": "went home again"}])
    path = written(tmp_path, "index.json", text)

    assert len(list(json_entries.entries([text]))) == 2
    assert phrases_in_json(path, "index.json", INDEX, OVERLAP) == {
        ("loan", "laptop", "went", "home")
    }


def test_only_the_entries_that_changed_are_read_again(tmp_path: Path) -> None:
    docs = [{"location": f"page-{n}/", "text": f"entry {n} of the desk"} for n in range(50)]
    path = written(tmp_path, "search_index.json", as_json(docs, True))
    memory = EntryMemory()
    phrases_in_json(path, "search/search_index.json", INDEX, OVERLAP, memory)
    first = memory.entries_read
    docs[20]["text"] = "the loan laptop went home"
    written(tmp_path, "search_index.json", as_json(docs, True))

    found = phrases_in_json(path, "search/search_index.json", INDEX, OVERLAP, memory)

    assert first == 50  # the first with the opening ({"config": {}, "docs": [), the last with "]}"
    assert memory.entries_read == 1
    assert found == {("the", "desk"), ("desk",), ("loan", "laptop", "went", "home")}


def test_a_file_with_no_place_to_cut_is_left_to_the_whole_reading(tmp_path: Path) -> None:
    text = json.dumps({"text": "the desk " * 40})
    path = written(tmp_path, "big.json", text)

    with mock.patch.object(guard_reading, "UNCLOSED_STRING_LIMIT", 100):
        assert phrases_in_json(path, "big.json", INDEX, OVERLAP) is None
    assert phrases_in_json(path, "big.json", INDEX, OVERLAP) == {("the", "desk"), ("desk",)}
