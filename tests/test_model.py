"""How the models read from front matter behave once read."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from contentkit import ContentTree
from journeys.content.loading import load_study


def test_models_read_are_frozen_and_share_the_set_of_given_fields(tmp_path: Path) -> None:
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    tree.interview("int-02")
    tree.interview("int-03", trigger="A crash")
    study = load_study(tmp_path / "content", tmp_path)
    first, second, third = sorted(study.interviews, key=lambda interview: interview.key)

    assert first.model_fields_set is second.model_fields_set  # given the same fields
    assert third.model_fields_set == first.model_fields_set | {"trigger"}
    assert first.steps[0].model_fields_set is third.steps[1].model_fields_set
    with pytest.raises(ValidationError, match="frozen"):
        first.goal = "Changed"
    changed = first.model_copy(update={"participant": None})
    assert (
        "participant" in changed.model_fields_set and "participant" not in second.model_fields_set
    )
