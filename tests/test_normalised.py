"""The guard normalises text in one of two ways, by how much of it is in another script than
Latin (whole, or a run of other characters at a time, which is faster for mostly Latin
text): both must give the same text, or what the guard finds would depend on what else it
read at once (a search index read whole or an entry at a time)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from journeys.privacy import matching

# Latin, other scripts, compatibility forms (full-width letters and signs), combining marks,
# look-alikes, private use, digits and ASCII signs.
ALPHABET = st.sampled_from(
    [
        *"abcXYZ019 -.,/()_!:\n",
        *"éèñßçø",
        *"ЖжФеаоЯ",
        *"αβΣςλ",
        *"，．（）＿！０９ＡＢａ",
        *"\u0301\u0308\u00ad\u200b",
        *"\uf021\uf02c\uf041\ue000",
        *"℡①½\u00a0",
        *"ᏣᎳᎩꭰꮿ",  # Cherokee: folds to capitals, which lower-casing turns back
    ]
)


def by_runs(text: str) -> str:
    """The other way: each run of characters that are not ASCII folded alone."""
    return matching._NON_ASCII.sub(matching._folded, text).lower()


@settings(max_examples=500, deadline=None)
@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_text_mostly_in_another_script_is_normalised_as_a_run_at_a_time(text: str) -> None:
    mostly_other = "Жж" * (len(text) + 1)  # enough to take the whole text's way

    assert matching.normalised(mostly_other + text) == by_runs(mostly_other + text)


def test_a_full_width_comma_between_digits_is_a_separator_in_any_text() -> None:
    number = "06，48213957"  # a full-width comma: a space, as any sign a form stands for

    latin = matching.phone_numbers(matching.normalised("call " + number))
    cyrillic = matching.phone_numbers(matching.normalised("позвоните " * 20 + number))

    assert latin == cyrillic == {"+648213957"}
