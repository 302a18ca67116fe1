"""A build makes mkdocs-material's search index in a child process (``journeys.mkdocs.
search_index``): the index is the one material makes itself, byte for byte."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from contentkit import build, write_site

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import generate

# Hooks run in the build's own process: one notes whether the index was made in a child,
# the other keeps material's own indexing.
NOTE_OFFLOAD = """
from pathlib import Path
from journeys.mkdocs import search_index

made_by = search_index.offload


def offload(plugins, site_dir):
    offloaded = made_by(plugins, site_dir)
    in_child = offloaded is not None and all(i._child is not None for i in offloaded.indexers)
    Path("offloaded.txt").write_text(str(in_child))
    return offloaded


search_index.offload = offload
"""
KEEP_MATERIALS_OWN = """
from journeys.mkdocs import search_index

search_index.offload = lambda plugins, site_dir: None
"""


def site_with_hook(root: Path, hook: str) -> Path:
    generate.generate(root, interviews=6, personas=2, journeys=2, seed=3)
    (root / "hook.py").write_text(hook, encoding="utf-8")
    write_site(root, extra_config={"hooks": ["hook.py"]})
    return build(root)


@pytest.mark.slow
def test_the_search_index_made_beside_the_pages_is_materials_own(tmp_path: Path) -> None:
    offloaded = site_with_hook(tmp_path / "offloaded", NOTE_OFFLOAD)
    own = site_with_hook(tmp_path / "own", KEEP_MATERIALS_OWN)

    assert (tmp_path / "offloaded" / "offloaded.txt").read_text() == "True"
    index = (offloaded / "search" / "search_index.json").read_bytes()
    assert index == (own / "search" / "search_index.json").read_bytes()
    locations = {entry["location"] for entry in json.loads(index)["docs"]}
    assert {"interviews/", "journeys/"} <= {location.split("/")[0] + "/" for location in locations}
    assert len(locations) > 6
