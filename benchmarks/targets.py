"""The targets, in one table: each row holds its limit and how a run is judged against it.
The report's targets table and the pass/fail verdict (the exit code) both read TARGETS."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from size import Measured, SizeResult


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
    judge: Callable[[Target, Measured], list[Verdict]]
    up_to_n: int | None = None
    """The largest study size the target applies to (None: no bound)."""
    required: tuple[int, ...] = ()
    """Sizes the target is stated at: listed as n/a ("not measured") when a run skips them."""

    def applies(self, n: int) -> bool:
        return n >= self.from_n and (self.up_to_n is None or n <= self.up_to_n)

    def sizes(self, results: list[SizeResult]) -> list[SizeResult]:
        return [r for r in results if self.applies(r.n)]


def _with_unmeasured(
    target: Target, found: dict[int, Verdict], name: Callable[[int], str]
) -> list[Verdict]:
    """``found`` by size, plus an n/a verdict at each required size the run did not measure."""
    for n in target.required:
        found.setdefault(n, Verdict(name(n), None, "not measured"))
    return [found[n] for n in sorted(found)]


def _ratio(
    what: str, ratio: Callable[[SizeResult], float], figures: Callable[[SizeResult], str]
) -> Callable[[Target, Measured], list[Verdict]]:
    """A target on (a)/(b) of one measure at each size: ``what`` it is, how the ratio is
    taken and the two figures it is taken of."""

    def judge(target: Target, measured: Measured) -> list[Verdict]:
        def name(n: int) -> str:
            return f"N={n:,}: {what} (a)/(b) <= {target.limit:g}"

        found = {
            r.n: Verdict(name(r.n), ratio(r) <= target.limit, f"{ratio(r):.2f} ({figures(r)})")
            for r in target.sizes(measured.builds)
        }
        return _with_unmeasured(target, found, name)

    return judge


_build_ratio = _ratio(
    "full build",
    lambda r: r.ratio,
    lambda r: f"{r.plugin.seconds:.1f} s / {r.baseline.seconds:.1f} s",
)
_memory_ratio = _ratio(
    "peak memory (PSS)",
    lambda r: r.pss_ratio,
    lambda r: f"{r.plugin.peak_pss_mb:.0f} MB / {r.baseline.peak_pss_mb:.0f} MB",
)


def _preview(target: Target, measured: Measured) -> list[Verdict]:
    """The median edit-to-reload of ``mkdocs serve --dirty``, in seconds, as the issue states it."""

    def name(n: int) -> str:
        return f"N={n:,}: preview, median edit to reload <= {target.limit:g} s"

    found = {
        n: Verdict(
            name(n),
            preview.change_to_reload_s <= target.limit,
            f"{preview.change_to_reload_s:.2f} s (edits: "
            + ", ".join(f"{seconds:.2f}" for seconds in preview.edits)
            + ")",
        )
        for n, preview in sorted(measured.previews.items())
        if target.applies(n)
    }
    return _with_unmeasured(target, found, name)


def _growth(target: Target, measured: Measured) -> list[Verdict]:
    """Build time grows at most ``limit`` times as fast as the study (limit 1.1: 10% slack)."""
    big = target.sizes(measured.builds)
    if len(big) < 2 or big[-1].n < 2 * big[0].n:
        return []
    small, large = big[0], big[-1]
    limit = target.limit * large.n / small.n
    growth = large.plugin.seconds / small.plugin.seconds
    name = f"build time N={large.n:,} / N={small.n:,} <= {limit:.0f}"
    return [Verdict(name, growth <= limit, f"{growth:.1f}x")]


def _check_cached(target: Target, measured: Measured) -> list[Verdict]:
    """``limit`` seconds per 10,000 interviews, with the front-matter cache."""
    found = []
    for r in target.sizes(measured.builds):
        limit = target.limit * r.n / 10_000
        name = f"N={r.n:,}: journeys check < {limit:.0f} s (files unchanged)"
        found.append(Verdict(name, r.check.seconds < limit, f"{r.check.seconds:.2f} s"))
    return found


def _check_cold(target: Target, measured: Measured) -> list[Verdict]:
    """``limit`` seconds per 10,000 interviews, every file read."""
    found = []
    for r in target.sizes(measured.builds):
        limit = target.limit * r.n / 10_000
        name = f"N={r.n:,}: journeys check --no-cache < {limit:.0f} s"
        found.append(Verdict(name, r.check_cold.seconds < limit, f"{r.check_cold.seconds:.2f} s"))
    return found


def _chart_bound(target: Target, measured: Measured) -> list[Verdict]:
    return [
        Verdict(
            f"N={r.n:,}: charts <= journeys x (personas + 2) = {r.max_charts}",
            r.charts_in_site <= r.max_charts and r.charts_drawn_cold <= r.max_charts,
            f"{r.charts_in_site} in the site, {r.charts_drawn_cold} drawn",
        )
        for r in target.sizes(measured.builds)
    ]


def _chart_count(target: Target, measured: Measured) -> list[Verdict]:
    results = measured.builds
    if len(results) < 2:
        return []
    counts = {r.charts_in_site for r in results}
    counted = ", ".join(f"{r.charts_in_site} at N={r.n:,}" for r in results)
    return [Verdict("chart count does not grow with interviews", len(counts) == 1, counted)]


def _lazy_matplotlib(target: Target, measured: Measured) -> list[Verdict]:
    found = []
    for r in target.sizes(measured.builds):
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


# The promises of docs/performance.md, in the order the report lists them. The build and
# memory targets compare (a) with the baseline (b) built in the same run; the preview and
# journeys check targets are in seconds, as their issues state them.
TARGETS: tuple[Target, ...] = (
    Target(limit=1.5, from_n=1000, judge=_build_ratio, required=(1000, 10_000)),
    Target(limit=1.5, from_n=1000, judge=_memory_ratio, required=(1000, 10_000)),
    Target(limit=1.0, from_n=0, up_to_n=100, judge=_preview, required=(100,)),
    Target(limit=2.0, from_n=101, up_to_n=1000, judge=_preview, required=(1000,)),
    Target(limit=1.1, from_n=1000, judge=_growth),
    Target(limit=3.0, from_n=10_000, judge=_check_cached),
    Target(limit=3.0, from_n=10_000, judge=_check_cold),
    Target(limit=0, from_n=0, judge=_chart_bound),  # the bound is the study's own
    Target(limit=0, from_n=0, judge=_chart_count),
    Target(limit=0, from_n=0, judge=_lazy_matplotlib),
)


def verdicts(measured: Measured) -> list[Verdict]:
    return [verdict for target in TARGETS for verdict in target.judge(target, measured)]


def failed(found: list[Verdict]) -> bool:
    return any(verdict.passed is False for verdict in found)
