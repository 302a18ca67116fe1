"""Generating the site's files: charts the cache does not hold are left to draw_charts."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from contentkit import ContentTree, is_running, wait_for_file, write_marker
from journeys.building import generation, isolated
from journeys.building.cache import ChartCache
from journeys.mkdocs.plugin import JourneysPlugin, url_resolver
from journeys.site.labels import Labels


def settings(tmp_path: Path) -> generation.SiteSettings:
    return generation.SiteSettings(
        content_dir=tmp_path / "content",
        display_root=tmp_path,
        public_contacts=(),
        cache_dir=tmp_path / "cache",
        labels=Labels.for_language("en"),
        href=url_resolver(True),
    )


def generated(tmp_path: Path, out: str) -> tuple[dict[str, Path], generation.Outcome]:
    items: list[generation.Listing | generation.WrittenFile] = []
    outcome = isolated.drain(
        generation.generate_site(
            settings(tmp_path), ChartCache(tmp_path / "cache"), tmp_path / out
        ),
        items.append,
    )
    written = [item for item in items if isinstance(item, generation.WrittenFile)]
    return {file.src_uri: file.path for file in written}, outcome


def test_charts_are_drawn_after_the_pages_and_reused_by_the_next_build(tmp_path: Path) -> None:
    tree = ContentTree(tmp_path / "content").minimal()
    tree.persona("ben")
    tree.interview("int-02", persona="ben", scores=(2, 4, 9))

    files, first = generated(tmp_path, "first")
    charts = {uri for uri in files if uri.endswith(".svg")}
    pending = {path for item in first.charts_to_draw for path in item.paths}

    assert len(charts) >= 4 and first.charts_reused == 0
    assert pending == {files[uri] for uri in charts}
    assert not any(path.exists() for path in pending)  # promised, not yet drawn
    assert all(path.exists() for uri, path in files.items() if uri not in charts)

    drawn = generation.draw_charts(first.charts_to_draw, ChartCache(tmp_path / "cache"))

    assert drawn == len(first.charts_to_draw)
    assert all(path.read_bytes().startswith(b"<?xml") for path in pending)

    files_again, second = generated(tmp_path, "second")

    assert second.charts_to_draw == [] and second.charts_reused == len(charts)
    for uri in charts:
        assert files_again[uri].read_bytes() == files[uri].read_bytes()


def test_two_charts_that_are_the_same_are_drawn_once(tmp_path: Path) -> None:
    tree = ContentTree(tmp_path / "content").minimal()
    tree.journey("returns")  # the same stages as "repair", and no interviews yet:
    tree.journey("upgrade")  # their emotion graphs are the same empty graph

    files, outcome = generated(tmp_path, "site")
    empty_graphs = [files["journeys/returns-emotion.svg"], files["journeys/upgrade-emotion.svg"]]

    assert [item.paths for item in outcome.charts_to_draw if len(item.paths) > 1] == [empty_graphs]
    generation.draw_charts(outcome.charts_to_draw, ChartCache(None))
    assert empty_graphs[0].read_bytes() == empty_graphs[1].read_bytes()


@pytest.mark.usefixtures("forking")  # as in `mkdocs build`
def test_a_chart_process_that_dies_fails_the_build_with_a_message() -> None:
    plugin = JourneysPlugin()
    plugin.drawing = isolated.Consumer(lambda charts: os.kill(os.getpid(), signal.SIGKILL))

    with pytest.raises(
        PluginError, match=r"worker process stopped unexpectedly \(exit code -9\); the site"
    ):
        plugin.on_env(None, config=None, files=None)  # type: ignore[arg-type]
    assert plugin.drawing is None


@pytest.mark.usefixtures("forking")
def test_a_build_that_stops_early_ends_the_chart_process(tmp_path: Path) -> None:
    marker = tmp_path / "drawing"
    plugin = JourneysPlugin()
    plugin.drawing = isolated.Consumer(
        lambda charts: write_marker(marker, str(os.getpid())) or time.sleep(60)
    )
    assert wait_for_file(marker)

    plugin.on_build_error(error=RuntimeError("another plugin failed"))

    assert not is_running(int(marker.read_text()))
    assert plugin.drawing is None


@pytest.mark.parametrize("preload", [True, False])
def test_what_draws_charts_loads_before_the_charts_come_only_when_asked(
    tmp_path: Path, preload: bool
) -> None:
    """A cold build's chart worker loads matplotlib while the study is read (every chart is
    to draw); otherwise it loads only to draw one: with none sent, never."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from journeys.building import generation\n"
        "from journeys.building.cache import ChartCache\n"
        f"drawn = generation.draw_charts_as_sent(ChartCache(None), {preload}, [])\n"
        "print(drawn, 'matplotlib' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["0", str(preload)]


def test_a_chart_cache_holds_none_until_a_chart_is_kept(tmp_path: Path) -> None:
    cache = ChartCache(tmp_path / "cache")
    assert cache.holds_none() and ChartCache(None).holds_none()
    cache.keep("a chart", b"<svg/>")
    assert not cache.holds_none()
    assert not ChartCache(tmp_path / "cache").holds_none()
