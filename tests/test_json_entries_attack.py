"""Attacks on the guard's reading of JSON files an entry at a time
(:mod:`journeys.privacy.json_entries`): whatever the file holds, however it is cut into
parts and windows, with or without a memory of an earlier version, it must find what
reading the file whole finds (``whole_reading``), no phrase or phone number fewer and none
more.

The tests named ``test_agrees_...`` and those after them below the phone numbers were inputs
where the two readings did not agree (a phrase over a cut into an entry whose first window
had no word, over three entries through a long entry of few words; a phone number with
many signs between its digits, or a full-width one; a long key near the unclosed-string
limit), fixed since; the others are attacks that held."""

from __future__ import annotations

import codecs
import gzip
import json
import random
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from unittest import mock

import pytest

from contentkit import ContentTree
from journeys.building.guard_memory import GuardMemory
from journeys.content.loading import load_study
from journeys.privacy import guard, guard_reading, json_entries, matching, site_scan
from journeys.privacy.json_entries import EntryMemory, phrases_in_json
from journeys.privacy.matching import PhraseIndex
from test_json_entries import whole_reading

Phrase = tuple[str, ...]
PHONE = ("+648213957",)  # "06 48213957", as the guard looks for it (its last nine digits)
PHRASES: list[Phrase] = [
    ("jan", "de", "vries"),
    ("the", "desk", "loan", "laptop"),
    ("desk",),
    ("jandevries",),
    PHONE,
]
INDEX = PhraseIndex(PHRASES)
OVERLAP = max(len(phrase) for phrase in PHRASES) - 1
READ_SIZES = [1, 2, 3, 5, 8, 13, guard_reading.READ_BYTES]


@contextmanager
def sizes(
    read_bytes: int | None = None, window: int | None = None, limit: int | None = None
) -> Iterator[None]:
    """The reader's sizes made small: parts of ``read_bytes`` (the first too: the encoding
    is told from 4 bytes), windows of ``window`` characters, strings cut past ``limit``."""
    with ExitStack() as stack:
        if read_bytes is not None:
            stack.enter_context(mock.patch.object(guard_reading, "READ_BYTES", read_bytes))
            stack.enter_context(mock.patch.object(guard_reading, "SNIFF_BYTES", 4))
        if window is not None:
            stack.enter_context(mock.patch.object(matching, "WINDOW_CHARACTERS", window))
        if limit is not None:
            stack.enter_context(mock.patch.object(guard_reading, "UNCLOSED_STRING_LIMIT", limit))
        yield


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8", newline="")
    else:
        path.write_bytes(text)
    return path


def readings(
    path: Path,
    index: PhraseIndex = INDEX,
    overlap: int = OVERLAP,
    memory: EntryMemory | None = None,
    output: str = "search/search_index.json",
) -> tuple[set[Phrase] | str, set[Phrase] | str | None]:
    """What the whole reading finds, and what the entry reading finds (None: it left the
    file to the whole reading); for a file either cannot read, why."""
    try:
        whole: set[Phrase] | str = whole_reading(path, index, overlap)
    except guard_reading.Unreadable as problem:
        whole = str(problem)
    try:
        by_entry = phrases_in_json(path, output, index, overlap, memory)
    except guard_reading.Unreadable as problem:
        return whole, str(problem)
    return whole, by_entry


def assert_agree(
    path: Path,
    index: PhraseIndex = INDEX,
    overlap: int = OVERLAP,
    memory: EntryMemory | None = None,
    output: str = "search/search_index.json",
    cut: bool = True,
) -> set[Phrase]:
    """The entry reading finds what the whole reading finds; ``cut``: it did read the file
    an entry at a time (it did not leave it to the whole reading)."""
    whole, by_entry = readings(path, index, overlap, memory, output)
    if cut:
        assert by_entry is not None, "left to the whole reading"
    assert (whole if by_entry is None else by_entry) == whole
    return whole if isinstance(whole, set) else set()


def entry_count(text: str) -> int:
    return len(list(json_entries.entries([text])))


def entries_read_in_parts(path: Path) -> int:
    """How many entries the file is cut into, read in parts of the size set."""
    return len(list(json_entries.entries(guard_reading.decoded_texts(path))))


def objects(*texts: str, key: str = "") -> str:
    """A JSON array of one-string objects, as the search index holds its entries."""
    return json.dumps([{key: text} for text in texts])


# --- where the two readings differ ----------------------------------------------------------


def test_agrees_a_phrase_over_a_cut_into_an_entry_whose_first_window_has_no_word(
    tmp_path: Path,
) -> None:
    # The second entry is longer than a window, and its first window holds no word (a run
    # of dashes): its ``head`` is empty, so the cut is checked with no word after it; the
    # words of its second window are never put beside the words before the cut.
    text = objects("notes on jan", "-" * (matching.WINDOW_CHARACTERS + 10) + " de vries said")
    path = write(tmp_path, "search_index.json", text)

    whole, by_entry = readings(path)

    assert entry_count(text) == 2
    assert whole == {("jan", "de", "vries")}
    assert by_entry == whole  # fails: by_entry == set(), the name is missed


def test_agrees_a_phrase_over_three_entries_through_a_long_entry_of_few_words(
    tmp_path: Path,
) -> None:
    # The middle entry has fewer words than ``overlap`` but is longer than a window, so it is
    # not "whole": the words before the next cut are its words alone, "jan" is dropped.
    text = objects("notes on jan", "de " + "-" * (matching.WINDOW_CHARACTERS + 10), "vries said")
    path = write(tmp_path, "search_index.json", text)

    whole, by_entry = readings(path)

    assert entry_count(text) == 3
    assert whole == {("jan", "de", "vries")}
    assert by_entry == whole  # fails: by_entry == set()


def test_agrees_a_phrase_over_entries_through_small_windows(tmp_path: Path) -> None:
    # The same with the windows made small: entries of a few words each are then longer
    # than a window, and a phrase running over three of them is missed.
    text = objects("notes on jan", "de", "vries said")
    path = write(tmp_path, "search_index.json", text)

    with sizes(window=8):
        whole, by_entry = readings(path)

    assert whole == {("jan", "de", "vries")}
    assert by_entry == whole  # fails: by_entry == set()


def study_watchlist(tmp_path: Path) -> guard.Watchlist:
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    tree.interview(
        "int-02",
        participant={"name": "Gijsbert Holtkamp", "phone": "+31 6 48213957"},
        consent=False,
        goal="Rescue the zeppelin telemetry archive before noon",
    )
    study = load_study(tmp_path / "content", tmp_path)
    return guard.watchlist(study.interviews, study.personas.values(), study.journeys.values())


def site_with(tmp_path: Path, index: str, name: str = "site") -> Path:
    site = tmp_path / name
    (site / "search").mkdir(parents=True, exist_ok=True)
    (site / "search" / "search_index.json").write_text(index, encoding="utf-8")
    return site


def read_whole(*args: object, **kwargs: object) -> set[Phrase] | None:
    """In place of ``phrases_in_json``: every JSON file left to the whole reading."""
    return None


def leak_summary(leaks: list[guard.Leak]) -> list[tuple[str, str, str, str]]:
    return [(leak.output, leak.field, leak.severity.name, leak.part) for leak in leaks]


def test_agrees_a_name_over_a_cut_is_an_error_read_whole_but_only_warnings_by_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # End to end, while serving: the index is first clean, then a save puts the
    # participant's name over a cut, the entry after it starting with a long run of dashes.
    watching = study_watchlist(tmp_path)
    clean = json.dumps({"docs": [{"location": "a/", "text": "nothing private"}]})
    leaking = json.dumps(
        {"docs": [{"": "Notes by Gijsbert"}, {"": "-" * 70_000 + " Holtkamp, in short"}]}
    )
    memory = GuardMemory()
    site = site_with(tmp_path, clean)
    assert memory.find_leaks(site, watching, []) == []
    site_with(tmp_path, leaking)

    served = leak_summary(memory.find_leaks(site, watching, []))
    built = leak_summary(guard.find_leaks(site, watching))
    with monkeypatch.context() as patched:
        patched.setattr(site_scan, "phrases_in_json", read_whole)
        whole = leak_summary(guard.find_leaks(site, watching))

    assert whole == [("search/search_index.json", "participant.name", "ERROR", "")]
    # fails: both give two warnings (each word of the name alone), no error
    assert (built, served) == (whole, whole)


@pytest.mark.parametrize("shift", range(0, 80, 9))
@pytest.mark.parametrize("words", [40, 55])
def test_a_phone_number_is_found_by_both_readings_wherever_a_window_edge_falls(
    tmp_path: Path, shift: int, words: int
) -> None:
    # A number is found over a window's edge from the last NUMBER_CONTEXT characters before
    # it; with at most NUMBER_GAP signs between two digits it fits in them. (With 100 dashes
    # between "06" and the rest, the readings lost it where an edge fell among the dashes:
    # the entry's windows start at the entry, the whole file's at the file.)
    number = "06 - 48 21 39 57"
    text = objects("a" * shift, "x " * words + number, "06" + "-" * 100 + " 48213957")
    path = write(tmp_path, "search_index.json", text)

    with sizes(window=200):
        whole, by_entry = readings(path, overlap=0)

    assert whole == by_entry == {PHONE}


@pytest.mark.parametrize(
    ("before", "number"),
    [
        ("plain words " * 20, "\u00e9" * 12 + " 06\uff0c48213957"),
        ("\u00e9" * 400, "06\uff0c48213957"),
    ],
    ids=["mostly-latin-before", "mostly-another-script-before"],
)
@pytest.mark.parametrize("ascii_only", [True, False])
def test_a_phone_number_with_a_full_width_sign_is_found_whatever_is_read_with_it(
    tmp_path: Path, before: str, number: str, ascii_only: bool
) -> None:
    # A full-width comma between the digits was a separator where the text read at once was
    # mostly ASCII and a "," (none) where it was mostly in another script
    # (matching.normalised); the entry alone and the whole file differed in that share.
    text = json.dumps([{"": before}, {"": number}], ensure_ascii=ascii_only)
    path = write(tmp_path, "search_index.json", text)

    whole, by_entry = readings(path)

    assert PHONE in whole
    assert by_entry == whole


@pytest.mark.parametrize(
    ("middle", "length"),
    [("-jan-de-vries-", 241), ("-jandevries-", 243), ("-jande-vries-", 249)],
    ids=["the-name", "the-run-together-name", "a-split-word"],
)
def test_a_long_key_without_spaces_is_read_as_the_whole_reader_reads_it(
    tmp_path: Path, middle: str, length: int
) -> None:
    # A string past UNCLOSED_STRING_LIMIT is given out in parts by the whole reader, cut at
    # its last space or, with none, where the part ends: inside a word. Counted from the last
    # string closed, before the spaces and "}" of a cut, it is past the limit; counted from
    # the cut, it was not, and the entry reading read it whole. Now the entry reading counts
    # as the whole reader does, and leaves such a file to it.
    text = '[{"":"a"' + " " * 55 + '},{"' + "y" * length + middle + 'z":1}]'
    path = write(tmp_path, "search_index.json", text)

    with sizes(read_bytes=16, limit=300):
        _, by_entry = readings(path)

    assert by_entry is None  # so the guard reads it whole


# --- attacks that held ----------------------------------------------------------------------

ESCAPED = [  # strings whose text holds what looks like a cut, or ends in backslashes
    '"a\\"},{\\"b"',  # an escaped quote before and after "},{"
    '"a\\\\"',  # a backslash, then the closing quote
    '"a\\\\\\"},{\\"b"',  # an escaped backslash, then an escaped quote
    '"\\u0022},{\\u0022"',  # quotes as \u escapes
    '"\\\\u0022},{"',  # a backslash, then "u0022", then the string closes
    '"\\"',  # an escaped quote: the string never closes here
    '"jan\\" }, {\\"de vries"',
    '"a\\"},{"',  # an escaped quote, then "},{" and the closing quote: looks like a cut
    '"a\\" } , { "',
    '"jan\\"},{"',
    '"\\\\\\"},{"',
    '"x\\"},{\\" , \\"de\\"}, {"',
]


@pytest.mark.parametrize("string", ESCAPED)
@pytest.mark.parametrize("read_bytes", READ_SIZES)
def test_no_cut_inside_a_string_whatever_its_escapes(
    tmp_path: Path, string: str, read_bytes: int
) -> None:
    text = '[{"":"x jan"},{"":' + string + '},{"":"de vries"}, {"":"the desk"},{"":"06 48213957"}]'
    path = write(tmp_path, "index.json", text)

    with sizes(read_bytes=read_bytes):
        found = assert_agree(path)
        cut_into = entries_read_in_parts(path)

    if string != '"\\"':  # the others are JSON: cut between its five objects only
        assert len(json.loads(text)) == cut_into == 5
        assert {("desk",), PHONE} <= found


BROKEN = [
    '{"text": "unclosed jan de vries',
    '"},{"jan"},{"de"},{"vries',
    'jan"},{"de vries"},{"',
    '}},{"jan"}},{{"de"},{"vries"',
    '"jan"} , {"de"}\t,\n{"vries"},{',
    '<p>jan</p>"},{"<b>de</b>"},{"vries',
    '"a"},{"jan"},{"de" 06 48"},{"213957"} "vries"',
    '"06 48"}, {"213957", "06 4821"3957}, {"x": 0648213957}',
    '\\"},{"jan"},{\\"de"},{"vries"',
    '"the desk loan"},{"laptop"}' * 3,
    '"},{"' * 10 + "jan de vries",
    '{"":"jan"},{"":"de"},{"":"vries"}',  # no array: cut all the same
    "jan de vries 06 48213957",  # no quote at all
    "",
]


@pytest.mark.parametrize("text", BROKEN)
@pytest.mark.parametrize("read_bytes", READ_SIZES)
def test_text_that_is_not_json_is_read_alike(tmp_path: Path, text: str, read_bytes: int) -> None:
    path = write(tmp_path, "index.json", text)

    with sizes(read_bytes=read_bytes):
        assert_agree(path)


FUZZ_PIECES = [
    *("jan", "de", "vries", "the", "desk", "loan", "laptop", "06", "48", "213957", "0648213957"),
    *('"', '"', '"', "},{", '},{"', '"},{"', "}", ",", "{", ":", "[", "]", "\\", '\\"', "\\\\"),
    *("\\u0022", "\\u00e9", " ", " ", "\n", "\r\n", "\t", "<b>", "</b>", "<!--", "-->"),
    *("&amp;", "&quot;", "%20", "%22", "é", "ë", ";base64,", "SmFuIGRlIFZyaWVz", "-", "."),
]


@pytest.mark.parametrize("seed", range(12))
def test_fuzzed_texts_are_read_alike(tmp_path: Path, seed: int) -> None:
    chance = random.Random(seed)
    for example in range(40):
        text = "".join(chance.choices(FUZZ_PIECES, k=chance.randrange(1, 60)))
        path = write(tmp_path, f"fuzz-{example}.json", text)
        for read_bytes in (1, 3, 7, guard_reading.READ_BYTES):
            with sizes(read_bytes=read_bytes):
                assert_agree(path, cut=False)


def search_index(ascii_only: bool = True, **dump: object) -> str:
    docs = [
        {"location": "", "title": "Home", "text": "About the desk"},
        {"location": "a/#b", "title": "", "text": ""},
        {"location": "", "title": "", "text": ""},
        {"location": "a/", "title": "Loans", "text": "How the desk loan"},
        {"": "laptop went home with jan"},
        {"": ""},
        {"": "de"},
        {"": "vries, 06 48"},
        {"": "213957 and 0648 213957"},
    ]
    return json.dumps({"config": {"lang": ["en"]}, "docs": docs}, ensure_ascii=ascii_only, **dump)


@pytest.mark.parametrize(
    "dump",
    [{}, {"indent": 1}, {"indent": 4}, {"indent": "\t"}, {"separators": (",", ":")}],
    ids=["dumps", "indent-1", "indent-4", "tab", "compact"],
)
@pytest.mark.parametrize("line_end", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("read_bytes", [1, 5, guard_reading.READ_BYTES])
def test_pretty_printed_json_is_cut_and_read_alike(
    tmp_path: Path, dump: dict[str, object], line_end: str, read_bytes: int
) -> None:
    text = search_index(**dump).replace("\n", line_end)
    path = write(tmp_path, "search_index.json", text)

    with sizes(read_bytes=read_bytes):
        found = assert_agree(path)

    assert entry_count(text) == 9
    assert found == {("the", "desk", "loan", "laptop"), ("desk",), ("jan", "de", "vries"), PHONE}


def test_indentation_too_deep_to_see_a_cut_only_makes_entries_longer(tmp_path: Path) -> None:
    text = search_index(indent=80)
    path = write(tmp_path, "search_index.json", text)

    with sizes(read_bytes=7):
        found = assert_agree(path)
        cut_into = entries_read_in_parts(path)

    assert cut_into < entry_count(text) == 9
    assert ("jan", "de", "vries") in found


def gzip_members(data: bytes) -> bytes:
    return gzip.compress(data[:40]) + gzip.compress(data[40:])


ENCODED = {
    "utf-8-sig.json": lambda text: codecs.BOM_UTF8 + text.encode(),
    "utf-16.json": lambda text: text.encode("utf-16"),
    "utf-16-be-bom.json": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "utf-16-le.json": lambda text: text.encode("utf-16-le"),
    "utf-16-be.json": lambda text: text.encode("utf-16-be"),
    "utf-32.json": lambda text: text.encode("utf-32"),
    "index.json.gz": lambda text: gzip.compress(text.encode()),
    "gzip-magic.json": lambda text: gzip.compress(text.encode()),
    "two-members.json.gz": lambda text: gzip_members(text.encode()),
    "cut-short.json.gz": lambda text: gzip.compress(text.encode())[:-30],
    "not-gzip.json.gz": lambda text: text.encode(),
    "not-utf-8.json": lambda text: text.encode() + b"\xff",  # unreadable, found last
}


@pytest.mark.parametrize("name", list(ENCODED))
@pytest.mark.parametrize("ascii_only", [True, False])
@pytest.mark.parametrize("read_bytes", [1, 6, guard_reading.READ_BYTES])
def test_json_in_any_encoding_the_guard_reads_is_read_alike(
    tmp_path: Path, name: str, ascii_only: bool, read_bytes: int
) -> None:
    text = search_index(ascii_only).replace("de", "d\u00eb")
    path = write(tmp_path, name, ENCODED[name](text))

    with sizes(read_bytes=read_bytes):
        found = assert_agree(path)

    # Parts of one byte: the first holds no whole gzip mark, so neither reading can read it.
    unreadable = name == "not-utf-8.json" or (name == "gzip-magic.json" and read_bytes == 1)
    assert (("desk",) in found) is not unreadable


SPANNING = [  # markup, entities, encodings and data URLs begun in one entry, ended in the next
    ("<!-- jan", "de -->", "vries"),
    ("<b", ">jan</b", "><i>de</i> vries"),
    ("<a title='jan", "de' href='x'>vries</a>", ""),
    ("jan &a", "mp; de", "vries"),
    ("%6A%61", "%6E de", "vries"),
    ("data:text/plain;base64,SmFuIGRl", "IFZyaWVz", ""),
    ("data:text/plain;base64,SmFuIGRlIFZyaWVz", "", ""),  # "Jan de Vries", whole
    ("jan \\u00", "64e vries", ""),
    ("jan\\", "de vries", ""),
    ("jan \\ud83d", "\\ude00 de vries", ""),  # a surrogate pair, its halves apart
    ("06 48", "213957", "06-48213957"),
]


@pytest.mark.parametrize("parts", SPANNING)
@pytest.mark.parametrize("read_bytes", [1, 4, guard_reading.READ_BYTES])
def test_markup_and_encodings_spanning_entries_are_read_alike(
    tmp_path: Path, parts: tuple[str, str, str], read_bytes: int
) -> None:
    for ascii_only in (True, False):
        text = json.dumps([{"": part} for part in parts], ensure_ascii=ascii_only)
        raw = '[{"":"' + '"},{"":"'.join(parts) + '"}]'  # \\u00 and \\ left as they stand
        for name, written in (("dumped.json", text), ("raw.json", raw)):
            path = write(tmp_path, name, written)
            with sizes(read_bytes=read_bytes):
                assert_agree(path)


@pytest.mark.parametrize("limit", [40, 60, 90, 200])
@pytest.mark.parametrize("read_bytes", [1, 7, 50])
def test_long_entries_near_the_limit_are_read_alike_or_left_whole(
    tmp_path: Path, limit: int, read_bytes: int
) -> None:
    texts = [
        objects("the desk " * 3, "loan laptop", "jan de " * 10 + "vries"),
        objects("x" * 70 + " the desk", "loan laptop " + "y" * 70),
        '[{"":"the desk loan laptop' + " jan de" * 30,  # never closes
        '[{"":"a"},{"":"' + "word " * 40 + 'jan"},{"":"de vries"}]',
        '[{"":"a"},{"":"' + "w\\u00e9" * 40 + 'jan"},{"":"de vries"}]',
    ]
    for number, text in enumerate(texts):
        path = write(tmp_path, f"long-{number}.json", text)
        with sizes(read_bytes=read_bytes, limit=limit):
            assert_agree(path, cut=False)


def test_a_file_that_cannot_be_cut_short_enough_is_left_to_the_whole_reading(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "one.json", objects("jan de vries " * 20))

    with sizes(read_bytes=8, limit=60):
        whole, by_entry = readings(path)

    assert by_entry is None
    assert whole == {("jan", "de", "vries")}


@pytest.mark.parametrize("window", [40, 64, 100, 333, matching.WINDOW_CHARACTERS])
@pytest.mark.parametrize("read_bytes", [3, guard_reading.READ_BYTES])
def test_phrases_across_window_edges_inside_entries_of_many_words(
    tmp_path: Path, window: int, read_bytes: int
) -> None:
    filler = "one two three four five six seven eight nine ten " * 4
    for shift in range(0, 40, 3):
        text = objects(
            filler + "x" * shift + " jan de vries " + filler + " the",
            "desk loan laptop " + filler + "jan",
            "de vries " + filler,
        )
        path = write(tmp_path, f"windows-{shift}.json", text)
        with sizes(read_bytes=read_bytes, window=window):
            found = assert_agree(path)
        assert found == {("jan", "de", "vries"), ("the", "desk", "loan", "laptop"), ("desk",)}


@pytest.mark.parametrize("read_bytes", [1, guard_reading.READ_BYTES])
def test_phrases_over_many_entries_of_one_word_or_none(tmp_path: Path, read_bytes: int) -> None:
    text = objects("x jan", "", "---", "de", "", "", "vries", "the", "!", "desk", "loan", "laptop")
    path = write(tmp_path, "index.json", text)

    with sizes(read_bytes=read_bytes):
        found = assert_agree(path)

    assert entry_count(text) == 12
    assert found == {("jan", "de", "vries"), ("the", "desk", "loan", "laptop"), ("desk",)}


@pytest.mark.parametrize(
    "text",
    [
        objects("06 48", "213957"),  # split by a cut: a "}" stands between, read whole too
        objects("06 48213957"),
        '[{"":"06 48"}, {"":0}, {"x": 648213957}]',
        objects("call 06", "-48213957"),
        objects("06 48 21 39 57", "06.48.21.39.57"),
        '[{"06 48213957": 1},{"": "(06) 48 21 39 57"}]',
    ],
)
@pytest.mark.parametrize("read_bytes", [1, 2, guard_reading.READ_BYTES])
def test_phone_numbers_at_and_over_cuts_are_read_alike(
    tmp_path: Path, text: str, read_bytes: int
) -> None:
    path = write(tmp_path, "index.json", text)

    with sizes(read_bytes=read_bytes):
        assert_agree(path, cut=False)


@pytest.mark.parametrize("overlap", [0, 1, 2, 3])
def test_any_overlap_with_phrases_no_longer_than_it_allows(tmp_path: Path, overlap: int) -> None:
    phrases = [phrase for phrase in PHRASES if len(phrase) <= overlap + 1]
    index = PhraseIndex(phrases)
    text = objects("jan", "de", "vries", "the desk", "loan laptop", "jandevries 06 48213957")
    path = write(tmp_path, "index.json", text)

    found = assert_agree(path, index, overlap)

    assert found == set(phrases) - ({("the", "desk", "loan", "laptop")} if overlap < 3 else set())


VERSIONS = [  # the entries of one search index, save after save while serving
    ["x jan", "de", "vries", "the desk", "loan laptop"],
    ["loan laptop", "x jan", "de", "vries", "the desk"],  # reordered
    ["x jan", "vries", "de", "the desk"],  # swapped, one removed
    ["x jan", "x jan", "de", "de", "vries", "vries"],  # duplicated
    ["x jan", "de", "x", "vries"],  # one put in between
    ["x jan de", "vries the", "desk loan", "laptop"],  # words moved over the cuts
    ["x jan de", "vries the", "desk loan", "laptop"],  # unchanged
    ["06 48", "213957"],
    ["06 48213957 jan", "de vries"],
    [],
    ["x jan", "de", "vries", "the desk", "loan laptop"],
]


@pytest.mark.parametrize("keys", ["", "text"])
def test_a_warm_memory_after_every_kind_of_change_between_saves(tmp_path: Path, keys: str) -> None:
    memory = EntryMemory()
    for number, version in enumerate(VERSIONS):
        text = json.dumps({"config": {}, "docs": [{keys: entry} for entry in version]})
        path = write(tmp_path, f"version-{number}.json", text)
        found = assert_agree(path, memory=memory)
        fresh = EntryMemory()
        assert phrases_in_json(path, "search/search_index.json", INDEX, OVERLAP, fresh) == found
        assert memory.entries_read <= fresh.entries_read
        if number in (0, 10) and not keys:
            assert found == {("jan", "de", "vries"), ("the", "desk", "loan", "laptop"), ("desk",)}
        if number == 2:
            assert ("jan", "de", "vries") not in found
        if number == 6:
            assert memory.entries_read == 0


def test_a_memory_kept_for_one_file_given_another_with_the_same_name(tmp_path: Path) -> None:
    memory = EntryMemory()
    first = write(tmp_path, "a.json", objects("x jan", "de", "vries"))
    other = write(tmp_path, "b.json", objects("x jan", "de", "the desk"))
    again = write(tmp_path, "c.json", objects("the", "de", "vries"))

    assert assert_agree(first, memory=memory, output="same.json") == {("jan", "de", "vries")}
    assert assert_agree(other, memory=memory, output="same.json") == {("desk",)}
    assert assert_agree(first, memory=memory, output="other.json") == {("jan", "de", "vries")}
    assert assert_agree(again, memory=memory, output="same.json") == set()
    assert assert_agree(first, memory=memory, output="same.json") == {("jan", "de", "vries")}


def test_duplicate_entries_and_cuts_in_one_file(tmp_path: Path) -> None:
    memory = EntryMemory()
    text = objects(*(["x jan", "de"] * 5 + ["vries"] + ["de", "x jan"] * 5))
    path = write(tmp_path, "index.json", text)

    found = assert_agree(path, memory=memory)

    assert found == {("jan", "de", "vries")}
    assert memory.entries_read == 5  # "[" + "x jan", "de", "x jan", "vries", "x jan" + "]"


def test_the_guard_finds_alike_with_and_without_entry_memory_and_after_edits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    watching = study_watchlist(tmp_path)
    versions = [
        json.dumps({"docs": [{"location": "a/", "text": "nothing private"}] * 3}),
        json.dumps({"docs": [{"": "Notes by Gijsbert"}, {"": "Holtkamp, in short"}]}),
        json.dumps({"docs": [{"": "Notes by Gijsbert"}, {"": "in short"}]}),
        json.dumps({"docs": [{"": "call 06 48"}, {"": "213957"}, {"": "or 0648213957"}]}),
        json.dumps({"docs": [{"": "Rescue the zeppelin"}, {"": "telemetry archive"}]}),
        json.dumps(
            {"docs": [{"": "Rescue the zeppelin"}, {"": "telemetry archive"}, {"": "before noon"}]}
        ),
        json.dumps({"docs": [{"location": "a/", "text": "nothing private"}] * 3}),
    ]
    serving = GuardMemory()
    entry_memory = EntryMemory()
    for number, version in enumerate(versions):
        site = site_with(tmp_path, version)
        served = leak_summary(serving.find_leaks(site, watching, []))
        kept = leak_summary(guard.find_leaks(site, watching, entry_memory=entry_memory))
        built = leak_summary(guard.find_leaks(site, watching))
        with monkeypatch.context() as patched:
            patched.setattr(site_scan, "phrases_in_json", read_whole)
            whole = leak_summary(guard.find_leaks(site, watching))
        assert served == kept == built == whole, number
        assert bool(whole) == (number in (1, 2, 3, 5)), number
