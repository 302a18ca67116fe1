"""Everything built at one study size N: the cold and warm builds of both sites,
``journeys check`` and the baselines with the interview pages in the nav; and all that one
run measured, the previews (``serve.py``) included."""

from __future__ import annotations

import argparse
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from generate import GeneratedStudy
from measure import Run, build, check, median_run
from serve import ServeResult
from sites import (
    IN_NAV,
    IN_NAV_NOPRUNE,
    IN_NAV_VARIANTS,
    baseline_site,
    cache_files,
    journeys_site,
    logged_charts,
    mean_page_kb,
    site_charts,
)

SMALL = 2000
"""Up to this size, builds take seconds and vary by about 10% from run to run here: by
default each is run three times (alternately) and the medians are compared."""


@dataclass
class SizeResult:
    n: int
    plugin: Run
    baseline: Run
    warm: Run
    check: Run
    """With the front-matter cache the builds left (no file changed since)."""
    check_cold: Run
    """With --no-cache: every file read."""
    charts_in_site: int
    charts_drawn_cold: int
    charts_drawn_warm: int
    max_charts: int
    plugin_page_kb: float
    baseline_page_kb: float
    in_nav_baselines: dict[str, tuple[Run, float]] = field(default_factory=dict)
    """Name -> (build, mean interview page KB): for context, never judged."""

    @property
    def ratio(self) -> float:
        return self.plugin.seconds / self.baseline.seconds

    @property
    def rss_ratio(self) -> float:
        return self.plugin.peak_rss_mb / self.baseline.peak_rss_mb

    @property
    def pss_ratio(self) -> float:
        return self.plugin.peak_pss_mb / self.baseline.peak_pss_mb


@dataclass
class Measured:
    """All one run measured: the builds at each size, and the previews by size."""

    builds: list[SizeResult]
    previews: dict[int, ServeResult]


def builds_at(n: int, args: argparse.Namespace) -> int:
    if args.repeat is not None:
        return int(args.repeat)
    return 1 if args.quick or n > SMALL else 3


def run_size(
    n: int, args: argparse.Namespace, workdir: Path, *, in_nav: bool, in_nav_noprune: bool
) -> SizeResult:
    root = workdir / f"n{n}"
    (root / "logs").mkdir(parents=True)
    print(f"N = {n:,}: generating", flush=True)
    study = journeys_site(root / "journeys", n, args.personas, args.journeys, args.seed)
    baseline_site(root / "baseline", study)
    plugin, baseline, drawn_cold = _cold_builds(n, builds_at(n, args), root)
    charts_in_site = site_charts(root / "site-a")
    plugin_kb = mean_page_kb(root / "site-a", "interviews/*/index.html")
    baseline_kb = mean_page_kb(root / "site-b", "interviews/*/*/index.html")
    warm, drawn_warm = _warm_build(n, root)
    check_cold, cached = _checks(n, root, 1 if args.quick else max(3, args.repeat or 1))
    result = SizeResult(
        n=n,
        plugin=plugin,
        baseline=baseline,
        warm=warm,
        check=cached,
        check_cold=check_cold,
        charts_in_site=charts_in_site,
        charts_drawn_cold=drawn_cold,
        charts_drawn_warm=drawn_warm,
        max_charts=study.max_charts,
        plugin_page_kb=plugin_kb,
        baseline_page_kb=baseline_kb,
    )
    for name, wanted in ((IN_NAV, in_nav), (IN_NAV_NOPRUNE, in_nav_noprune)):
        if wanted:
            _in_nav_baseline(result, name, root, study)
    if not args.keep:
        for site in ("site-a", "site-b", "site-x"):
            shutil.rmtree(root / site, ignore_errors=True)
    return result


def _cold_builds(n: int, repeat: int, root: Path) -> tuple[Run, Run, int]:
    """(a) from a cold start and (b), alternately: their medians and the charts (a) drew."""
    logs = root / "logs"
    plugin_runs, baseline_runs = [], []
    drawn_cold = 0
    for attempt in range(repeat):
        print(f"N = {n:,}: cold build with journeys ({attempt + 1}/{repeat})", flush=True)
        shutil.rmtree(root / "journeys" / ".cache", ignore_errors=True)
        plugin_runs.append(build(root / "journeys", root / "site-a", logs / f"a-{attempt}.log"))
        logged_cold = logged_charts(plugin_runs[-1].log)
        drawn_cold = logged_cold[0] if logged_cold else len(cache_files(root / "journeys"))
        _print_run(plugin_runs[-1])
        print(f"N = {n:,}: baseline build ({attempt + 1}/{repeat})", flush=True)
        baseline_runs.append(build(root / "baseline", root / "site-b", logs / f"b-{attempt}.log"))
        _print_run(baseline_runs[-1])
    return median_run(plugin_runs), median_run(baseline_runs), drawn_cold


def _warm_build(n: int, root: Path) -> tuple[Run, int]:
    """(a) again with the chart cache kept, and the charts it drew."""
    print(f"N = {n:,}: warm build with journeys (chart cache kept)", flush=True)
    before = cache_files(root / "journeys")
    warm = build(root / "journeys", root / "site-a", root / "logs" / "a-warm.log")
    logged = logged_charts(warm.log)
    return warm, logged[0] if logged else len(cache_files(root / "journeys") - before)


def _checks(n: int, root: Path, repeat: int) -> tuple[Run, Run]:
    """``journeys check --no-cache``, then the median of ``repeat`` checks with the cache."""
    site, logs = root / "journeys", root / "logs"
    print(f"N = {n:,}: journeys check, every file read (--no-cache)", flush=True)
    cold = check(site, ["--no-cache"], logs / "check-cold.log")
    print(
        f"N = {n:,}: journeys check (files unchanged since the builds: read from the cache)",
        flush=True,
    )
    cached = [check(site, [], logs / f"check-{attempt}.log") for attempt in range(repeat)]
    return cold, median_run(cached)


def _in_nav_baseline(result: SizeResult, name: str, root: Path, study: GeneratedStudy) -> None:
    print(f"N = {result.n:,}: {name}", flush=True)
    theme, extra = IN_NAV_VARIANTS[name]
    index = len(result.in_nav_baselines)
    folder = root / f"baseline-{index}"
    baseline_site(folder, study, theme, extra)
    built = build(folder, root / "site-x", root / "logs" / f"x-{index}.log")
    result.in_nav_baselines[name] = (
        built,
        mean_page_kb(root / "site-x", "interviews/*/*/index.html"),
    )
    _print_run(built)


def _print_run(run: Run) -> None:
    print(
        f"  {run.seconds:.1f} s, {run.peak_pss_mb:.0f} MB (PSS), {run.peak_rss_mb:.0f} MB (RSS)",
        flush=True,
    )
