"""Generating the site's files: charts the cache does not hold are left to draw_charts."""

from __future__ import annotations

from pathlib import Path

from contentkit import ContentTree
from journeys import generation, isolated
from journeys.cache import ChartCache
from journeys.labels import Labels
from journeys.plugin import url_resolver


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
    written: list[generation.WrittenFile] = []
    outcome = isolated.drain(
        generation.generate_site(
            settings(tmp_path), ChartCache(tmp_path / "cache"), tmp_path / out
        ),
        written.append,
    )
    return {file.src_uri: file.path for file in written}, outcome


def test_charts_are_drawn_after_the_pages_and_reused_by_the_next_build(tmp_path: Path) -> None:
    tree = ContentTree(tmp_path / "content").minimal()
    tree.persona("ben")
    tree.interview("int-02", persona="ben", scores=(2, 4, 9))

    files, first = generated(tmp_path, "first")
    charts = {uri for uri in files if uri.endswith(".svg")}
    pending = {item.path for item in first.charts_to_draw}

    assert len(charts) >= 4 and first.charts_reused == 0
    assert pending == {files[uri] for uri in charts}
    assert not any(path.exists() for path in pending)  # promised, not yet drawn
    assert all(path.exists() for uri, path in files.items() if uri not in charts)

    drawn: list[Path] = []
    isolated.drain(
        generation.draw_charts(first.charts_to_draw, ChartCache(tmp_path / "cache")), drawn.append
    )

    assert set(drawn) == pending
    assert all(path.read_bytes().startswith(b"<?xml") for path in pending)

    files_again, second = generated(tmp_path, "second")

    assert second.charts_to_draw == [] and second.charts_reused == len(charts)
    for uri in charts:
        assert files_again[uri].read_bytes() == files[uri].read_bytes()
