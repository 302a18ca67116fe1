"""The targets, in one table: each row holds its limit and how a run is judged against it.
The report's targets table and the pass/fail verdict (the exit code) both read TARGETS."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from size import SizeResult


@dataclass(frozen=True)
class Verdict:
    name: str
    passed: bool | None
    """None: not applicable at the sizes measured."""
    detail: str

    @property
    def verdict(self) -> str:
        return "n/a" if self.passed is None else ("PASS" if self.passed else "FAIL")


@dataclass(frozen=True)
class Target:
    limit: float
    from_n: int
    """The smallest study size the target applies to."""
    judge: Callable[[Target, list[SizeResult]], list[Verdict]]

    def sizes(self, results: list[SizeResult]) -> list[SizeResult]:
        return [r for r in results if r.n >= self.from_n]


def _build_ratio(target: Target, results: list[SizeResult]) -> list[Verdict]:
    return [
        Verdict(
            f"N={r.n:,}: build (a)/(b) <= {target.limit:g}",
            r.ratio <= target.limit,
            f"{r.ratio:.2f}",
        )
        for r in target.sizes(results)
    ]


def _growth(target: Target, results: list[SizeResult]) -> list[Verdict]:
    """Build time grows at most ``limit`` times as fast as the study (limit 1.1: 10% slack)."""
    big = target.sizes(results)
    if len(big) < 2 or big[-1].n < 2 * big[0].n:
        return []
    small, large = big[0], big[-1]
    limit = target.limit * large.n / small.n
    growth = large.plugin.seconds / small.plugin.seconds
    name = f"build time N={large.n:,} / N={small.n:,} <= {limit:.0f}"
    return [Verdict(name, growth <= limit, f"{growth:.1f}x")]


def _rss_ratio(target: Target, results: list[SizeResult]) -> list[Verdict]:
    return [
        Verdict(
            f"N={r.n:,}: peak RSS (a)/(b) <= {target.limit:g}",
            r.rss_ratio <= target.limit,
            f"{r.rss_ratio:.2f}",
        )
        for r in target.sizes(results)
    ]


def _check_cached(target: Target, results: list[SizeResult]) -> list[Verdict]:
    """``limit`` seconds per 10,000 interviews, with the front-matter cache."""
    found = []
    for r in target.sizes(results):
        limit = target.limit * r.n / 10_000
        name = f"N={r.n:,}: journeys check < {limit:.0f} s (files unchanged)"
        found.append(Verdict(name, r.check.seconds < limit, f"{r.check.seconds:.2f} s"))
    return found


def _check_cold(target: Target, results: list[SizeResult]) -> list[Verdict]:
    """``limit`` seconds per 10,000 interviews, every file read."""
    found = []
    for r in target.sizes(results):
        limit = target.limit * r.n / 10_000
        name = f"N={r.n:,}: journeys check --no-cache < {limit:.0f} s"
        found.append(Verdict(name, r.check_cold.seconds < limit, f"{r.check_cold.seconds:.2f} s"))
    return found


def _chart_bound(target: Target, results: list[SizeResult]) -> list[Verdict]:
    return [
        Verdict(
            f"N={r.n:,}: charts <= journeys x (personas + 2) = {r.max_charts}",
            r.charts_in_site <= r.max_charts and r.charts_drawn_cold <= r.max_charts,
            f"{r.charts_in_site} in the site, {r.charts_drawn_cold} drawn",
        )
        for r in target.sizes(results)
    ]


def _chart_count(target: Target, results: list[SizeResult]) -> list[Verdict]:
    if len(results) < 2:
        return []
    counts = {r.charts_in_site for r in results}
    measured = ", ".join(f"{r.charts_in_site} at N={r.n:,}" for r in results)
    return [Verdict("chart count does not grow with interviews", len(counts) == 1, measured)]


def _lazy_matplotlib(target: Target, results: list[SizeResult]) -> list[Verdict]:
    found = []
    for r in target.sizes(results):
        lazy = r.warm.matplotlib is False and r.check.matplotlib is False
        detail = (
            f"cold build: {_imported(r.plugin.matplotlib)}; warm build ({r.charts_drawn_warm} "
            f"drawn): {_imported(r.warm.matplotlib)}; journeys check: "
            f"{_imported(r.check.matplotlib)}"
        )
        name = f"N={r.n:,}: matplotlib imported only to draw charts"
        found.append(Verdict(name, lazy and r.charts_drawn_warm == 0, detail))
    return found


def _imported(flag: bool | None) -> str:
    return {True: "imported", False: "not imported", None: "unknown"}[flag]


# The promises of docs/performance.md, in the order the report lists them.
TARGETS: tuple[Target, ...] = (
    Target(limit=1.2, from_n=1000, judge=_build_ratio),
    Target(limit=1.1, from_n=1000, judge=_growth),
    Target(limit=1.5, from_n=10_000, judge=_rss_ratio),
    Target(limit=3.0, from_n=10_000, judge=_check_cached),
    Target(limit=3.0, from_n=10_000, judge=_check_cold),
    Target(limit=0, from_n=0, judge=_chart_bound),  # the bound is the study's own
    Target(limit=0, from_n=0, judge=_chart_count),
    Target(limit=0, from_n=0, judge=_lazy_matplotlib),
)


def verdicts(results: list[SizeResult]) -> list[Verdict]:
    return [verdict for target in TARGETS for verdict in target.judge(target, results)]


def failed(found: list[Verdict]) -> bool:
    return any(verdict.passed is False for verdict in found)
