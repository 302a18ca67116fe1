"""The loader under random, mutated and malicious input: it reports, never raises, never hangs."""

from __future__ import annotations

import time
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeys.content.diagnostics import Diagnostic
from journeys.content.loading import load_record
from journeys.content.model import Interview, Journey, Persona

VALID = {
    "date": "2026-02-22",
    "persona": "eva",
    "journey": "repair",
    "consent": True,
    "goal": "Work again",
    "overall_score": 6,
    "steps": [{"stage": "notice", "action": "Saw it", "score": 3, "quote": "Not now"}],
}

yaml_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=200),
    st.builds(
        lambda chunk, times: chunk * times,
        st.text(min_size=1, max_size=8),
        st.integers(1_000, 5_000),
    ),
    st.binary(max_size=50).map(lambda b: b.decode("latin-1")),
)
yaml_values = st.recursive(
    yaml_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.text(max_size=20), children, max_size=5),
    ),
    max_leaves=30,
)


def load(raw: bytes, model: type = Interview) -> tuple[object, list[Diagnostic]]:
    started = time.monotonic()
    record, problems = load_record(raw, model, "content/interviews/x.md", "x")
    assert time.monotonic() - started < 5, "the loader must never hang"
    assert all(isinstance(problem, Diagnostic) for problem in problems)
    assert all(problem.line >= 1 for problem in problems)
    return record, problems


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    field=st.sampled_from(sorted(VALID) + ["participant", "follow_up", "unknown"]),
    value=yaml_values,
)
def test_any_value_in_any_field_is_reported_not_raised(field: str, value: object) -> None:
    data = dict(VALID) | {field: value}
    text = yaml.safe_dump(data, allow_unicode=True)
    record, problems = load(f"---\n{text}---\nBody\n".encode("utf-8", errors="surrogatepass"))
    assert record is not None or problems


@settings(max_examples=300, deadline=None)
@given(position=st.integers(min_value=0, max_value=400), junk=st.binary(min_size=1, max_size=40))
def test_mutated_bytes_are_reported_not_raised(position: int, junk: bytes) -> None:
    raw = ("---\n" + yaml.safe_dump(VALID) + "---\nBody\n").encode()
    mutated = raw[:position] + junk + raw[position + len(junk) :]
    for model in (Interview, Persona, Journey):
        load(mutated, model)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=2000))
def test_arbitrary_text_is_reported_not_raised(text: str) -> None:
    load(text.encode("utf-8", errors="surrogatepass"))
    load(("---\n" + text + "\n---\n").encode("utf-8", errors="surrogatepass"))


def test_python_object_tags_are_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    raw = (
        "---\n"
        f"goal: !!python/object/apply:os.system ['touch {marker}']\n"
        "other: !!python/name:os.system\n"
        "---\n"
    ).encode()

    record, problems = load(raw)

    assert record is None
    assert not marker.exists()
    assert problems[0].line == 2 and "only plain YAML values" in problems[0].message


def test_a_billion_laughs_is_refused_quickly() -> None:
    lines = ["---", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        previous = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{', '.join([previous] * 9)}]")
    lines.append("---")

    record, problems = load("\n".join(lines).encode())

    assert record is None
    assert "expands to more than" in problems[0].message


def test_deep_nesting_is_refused() -> None:
    record, problems = load(b"---\ngoal: " + b"[" * 5000 + b"]" * 5000 + b"\n---\n")
    assert record is None and "nested too deeply" in problems[0].message


def test_bom_and_crlf_line_ends_are_read_with_the_right_lines() -> None:
    text = (
        "---\r\n"
        + yaml.safe_dump(VALID | {"overall_score": 11}).replace("\n", "\r\n")
        + "---\r\nBody\r\n"
    )
    record, problems = load(b"\xef\xbb\xbf" + text.encode())

    assert record is not None or problems
    [problem] = problems
    assert problem.field == "overall_score"
    assert text.split("\r\n")[problem.line - 1].startswith("overall_score: 11")


def test_a_long_text_under_the_size_cap_is_accepted() -> None:
    text = "---\n" + yaml.safe_dump(VALID | {"goal": "x" * 300_000}) + "---\n"
    record, problems = load(text.encode())
    assert isinstance(record, Interview) and problems == []


def test_front_matter_over_the_size_cap_is_refused() -> None:
    text = "---\n" + yaml.safe_dump(VALID | {"goal": "x" * 600_000}) + "---\n"
    record, problems = load(text.encode())
    assert record is None
    assert "larger than 512 KB" in problems[0].message
