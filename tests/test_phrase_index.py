"""The guard's phrase index finds exactly the phrases that stand in a text, word for word,
as looking for each phrase in the text would (also after phrases are discarded)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from journeys.privacy.matching import PhraseIndex

# A small vocabulary, so that phrases share their words and pairs, as similar texts do.
WORDS = st.sampled_from(["the", "desk", "loan", "laptop", "slow", "went", "home", "again"])
PHRASES = st.lists(st.lists(WORDS, min_size=1, max_size=6).map(tuple), max_size=40)
TEXTS = st.lists(st.lists(WORDS, max_size=30), min_size=1, max_size=5)


def stands_in(phrase: tuple[str, ...], words: list[str]) -> bool:
    return any(tuple(words[i : i + len(phrase)]) == phrase for i in range(len(words)))


@settings(max_examples=300, deadline=None)
@given(phrases=PHRASES, texts=TEXTS, discarded=st.sets(st.integers(0, 39)))
def test_the_index_finds_what_a_plain_search_finds(
    phrases: list[tuple[str, ...]], texts: list[list[str]], discarded: set[int]
) -> None:
    index = PhraseIndex(phrases)
    gone = {phrase for number, phrase in enumerate(phrases) if number in discarded}
    for phrase in gone:
        index.discard(phrase)

    for words in texts:
        expected = {phrase for phrase in set(phrases) - gone if stands_in(phrase, words)}
        assert set(index.found_in(words)) == expected
