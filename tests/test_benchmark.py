"""The benchmark scripts keep working: the generator writes a valid, deterministic study and
a tiny run of benchmarks/run.py writes its tables. No timing is asserted here; the timed
targets are checked by running benchmarks/run.py itself."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from journeys.content.loading import load_study

REPO = Path(__file__).resolve().parent.parent
BENCHMARKS = REPO / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import generate
import report
import sites


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*.md"))
    }


def test_generation_is_deterministic_for_a_seed(tmp_path: Path) -> None:
    first = generate.generate(tmp_path / "one", interviews=60, personas=4, journeys=3, seed=7)
    second = generate.generate(tmp_path / "two", interviews=60, personas=4, journeys=3, seed=7)
    other = generate.generate(tmp_path / "three", interviews=60, personas=4, journeys=3, seed=8)
    assert tree_bytes(first.content_dir) == tree_bytes(second.content_dir)
    assert tree_bytes(first.content_dir) != tree_bytes(other.content_dir)
    assert len(first.interviews) == 60 and len(first.personas) == 4 and len(first.journeys) == 3


def test_generated_study_passes_strict_check(tmp_path: Path) -> None:
    made = generate.generate(tmp_path, interviews=300, personas=5, journeys=9, seed=3)
    study = load_study(made.content_dir, display_root=tmp_path)
    assert [d.format() for d in study.diagnostics] == []
    assert len(study.interviews) == 300
    assert len(study.journeys) == 9  # more journeys than templates: numbered copies
    # what the contract's realistic content looks like
    assert 0 < sum(not i.consent for i in study.interviews) < 300 * 0.12
    steps = [step for interview in study.interviews for step in interview.steps]
    assert all(4 <= len(interview.steps) <= 8 for interview in study.interviews)
    assert any(step.accepted for step in steps) and any(step.quote for step in steps)
    assert any(interview.participant for interview in study.interviews)
    peaks = [sum(step.peak for step in i.steps) for i in study.interviews]
    assert sum(peaks) > 0
    assert all(count <= 1 for count in peaks)
    values = {step.expected for step in steps if step.expected}
    assert {"2 days", "3 weken", "PT4H"} & values and any(
        " " in v and not v[0].isdigit() for v in values
    )


def test_generate_command_line(tmp_path: Path) -> None:
    command = [
        sys.executable,
        str(BENCHMARKS / "generate.py"),
        str(tmp_path),
        "--interviews",
        "25",
        "--personas",
        "3",
        "--journeys",
        "2",
        "--seed",
        "5",
    ]
    subprocess.run(command, check=True, capture_output=True)
    checked = subprocess.run(
        [sys.executable, "-m", "journeys.cli", "check", "--strict", str(tmp_path / "content")],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,  # not the repository: there its mkdocs.yml puts the cache in its .cache/
    )
    assert checked.returncode == 0, checked.stdout
    assert "0 errors, 0 warnings" in checked.stdout
    assert len(list((tmp_path / "content" / "interviews").rglob("*.md"))) == 25


def test_baseline_pages_carry_the_same_content(tmp_path: Path) -> None:
    made = generate.generate(tmp_path / "study", interviews=5, personas=2, journeys=1, seed=1)
    sites.baseline_site(tmp_path / "baseline", made, sites.THEME)
    source = made.interviews[0]
    page = tmp_path / "baseline" / "docs" / source.relative_to(made.content_dir)
    text = page.read_text(encoding="utf-8")
    body = source.read_text(encoding="utf-8").split("---\n", 2)[2]
    assert text.endswith(body) and "- **steps:**" in text and "**participant:**" not in text


@pytest.mark.skipif(sys.platform == "win32", reason="uses os.wait4")
def test_quick_run_writes_the_tables(tmp_path: Path) -> None:
    output = tmp_path / "results.md"
    finished = subprocess.run(
        [
            sys.executable,
            str(BENCHMARKS / "run.py"),
            "--quick",
            "--sizes",
            "15",
            "--output",
            str(output),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=600,
        check=False,
    )
    # At N=15 only the targets that do not depend on size apply (chart bound, lazy matplotlib).
    assert finished.returncode == 0, finished.stdout + finished.stderr
    text = output.read_text(encoding="utf-8")
    assert "Machine: CPUs (nproc) " in text and "mkdocs-material" in text and "Python" in text
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    header = [cell.strip() for cell in rows[0].strip("|").split("|")]
    assert header == list(report.BUILD_COLUMNS)
    data = [row for row in rows if row.startswith("| 15 |")]
    assert len(data) == 1 and len(data[0].strip("|").split("|")) == len(header)
    assert re.search(r"\| N=15: charts <= journeys x \(personas \+ 2\) = \d+ \| PASS \|", text)
    assert re.search(
        r"\| N=15: matplotlib imported only to draw charts \| PASS \| cold build: imported;", text
    )
    assert "PASS" in finished.stdout
