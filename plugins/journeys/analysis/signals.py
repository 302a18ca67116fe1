"""The study's signals, each with its evidence: whether the overall score follows the peak
and the end or the mean of all moments (and whether there are enough interviews to tell),
fragile promoters, the NPS with its n, and what people are ambassadors of.
"""

from __future__ import annotations

import functools
import math
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from journeys.analysis.facts import InterviewFact
from journeys.content.rounding import half_up
from journeys.content.values import ADVOCACY

PROMOTER_NPS = 9
"""An NPS this high or higher is a promoter's."""
DETRACTOR_NPS = 6
"""An NPS this low or lower is a detractor's."""
NPS_SMALL_SAMPLE = 10
"""Below this many answers an NPS is labelled a small sample: one answer moves it by more
than 10 points (it is a difference of two proportions)."""
FRAGILE_STEP_SCORE = 4.0
"""A promoter who scored a step this low or lower is fragile."""
SIGNIFICANCE = 0.05
"""The sign test's p must be below this to name the score that tracks the overall score
better (the labels ``signals_rule`` state it in words)."""

PEAK_END = "peak_end"
MEAN = "mean"
TIE = "tie"
UNCLEAR = "unclear"

PROMOTER = "promoter"
PASSIVE = "passive"
DETRACTOR = "detractor"
NPS_GROUPS = (PROMOTER, PASSIVE, DETRACTOR)


# --- peak-end or mean ------------------------------------------------------------------------


@dataclass(frozen=True)
class Signal:
    interview: InterviewFact
    overall: float
    mean_step: float
    peak_end: float
    closer: str
    """Which score is closer to the overall score, at the precision the site shows (one
    decimal, half up): :data:`PEAK_END`, :data:`MEAN` or :data:`TIE`."""


@dataclass(frozen=True)
class SignalSummary:
    rows: list[Signal]
    mean_step_error: float | None
    """Mean absolute difference between the overall score and the mean step score."""
    peak_end_error: float | None
    peak_end_closer: int
    """Interviews whose peak-end score is closer to their overall score."""
    mean_closer: int
    ties: int
    p_value: float | None
    """Two-sided sign test over the interviews that are not a tie; None without interviews."""
    better: str | None
    """:data:`PEAK_END` or :data:`MEAN` when the sign test tells them apart
    (p < :data:`SIGNIFICANCE`), :data:`TIE` when every interview is a tie, otherwise
    :data:`UNCLEAR` (too few interviews to tell); None without interviews."""

    @property
    def n(self) -> int:
        return len(self.rows)


def closer_score(interview: InterviewFact) -> str:
    """:data:`PEAK_END`, :data:`MEAN` or :data:`TIE`: which is closer to the overall score,
    both differences rounded as the site shows them. Computed exactly (scores are halves),
    so a tie at x.x5 is not lost to binary fractions."""
    overall = Fraction(interview.overall_score)
    scores = [Fraction(score) for score in interview.scores]
    to_mean = half_up(abs(overall - sum(scores, Fraction(0)) / len(scores)))
    to_peak_end = half_up(abs(overall - Fraction(interview.peak_end_score)))
    if to_mean == to_peak_end:
        return TIE
    return PEAK_END if to_peak_end < to_mean else MEAN


def sign_test(successes: int, trials: int) -> float:
    """Two-sided exact sign test: the chance of a split at least this uneven when each of
    ``trials`` goes either way with probability 1/2."""
    if trials == 0:
        return 1.0
    fewer = min(successes, trials - successes)
    tail = sum(math.comb(trials, k) for k in range(fewer + 1))
    return min(1.0, float(Fraction(2 * tail, 2**trials)))


def signals(interviews: Sequence[InterviewFact]) -> SignalSummary:
    rows = [
        Signal(
            i,
            i.overall_score,
            i.mean_step_score,
            i.peak_end_score,
            i.worked_out(closer_score, functools.partial(closer_score, i)),
        )
        for i in interviews
    ]
    if not rows:
        return SignalSummary([], None, None, 0, 0, 0, None, None)
    counts = Counter(row.closer for row in rows)
    peak_end, mean = counts[PEAK_END], counts[MEAN]
    p_value = sign_test(peak_end, peak_end + mean)
    if peak_end + mean == 0:
        better = TIE
    elif p_value >= SIGNIFICANCE:
        better = UNCLEAR
    else:
        better = PEAK_END if peak_end > mean else MEAN
    return SignalSummary(
        rows,
        statistics.fmean(abs(r.overall - r.mean_step) for r in rows),
        statistics.fmean(abs(r.overall - r.peak_end) for r in rows),
        peak_end,
        mean,
        counts[TIE],
        p_value,
        better,
    )


# --- NPS and advocacy ------------------------------------------------------------------------


def nps_group(nps: int | None) -> str | None:
    """:data:`PROMOTER`, :data:`PASSIVE` or :data:`DETRACTOR`; None without an NPS."""
    if nps is None:
        return None
    if nps >= PROMOTER_NPS:
        return PROMOTER
    return DETRACTOR if nps <= DETRACTOR_NPS else PASSIVE


def is_fragile_promoter(interview: InterviewFact) -> bool:
    """A promoter (:data:`PROMOTER_NPS`) who waved something away as normal or scored a
    step at or below :data:`FRAGILE_STEP_SCORE`."""
    return nps_group(interview.nps) == PROMOTER and (
        interview.accepted_count > 0 or interview.lowest_score <= FRAGILE_STEP_SCORE
    )


@dataclass(frozen=True)
class Nps:
    score: int
    """Per cent promoters minus per cent detractors, -100..100, rounded half up."""
    n: int
    """Interviews that gave an NPS."""

    @property
    def small(self) -> bool:
        return self.n < NPS_SMALL_SAMPLE


def nps_score(interviews: Iterable[InterviewFact]) -> Nps | None:
    """The Net Promoter Score over the interviews that gave an NPS; None when none did."""
    groups = [nps_group(i.nps) for i in interviews if i.nps is not None]
    if not groups:
        return None
    counts = Counter(groups)
    share = Fraction(100 * (counts[PROMOTER] - counts[DETRACTOR]), len(groups))
    return Nps(int(half_up(share, 0)), len(groups))


def advocacy_counts(interviews: Iterable[InterviewFact]) -> dict[str, int]:
    counts = Counter(i.advocacy for i in interviews if i.advocacy)
    return {kind: counts.get(kind, 0) for kind in ADVOCACY}


@dataclass(frozen=True)
class AdvocacyRow:
    advocacy: str | None
    """What they are an ambassador of; None: not asked."""
    counts: list[int]
    """Interviews per column of :class:`AdvocacyByNps`."""
    total: int


@dataclass(frozen=True)
class AdvocacyByNps:
    """Interviews by what they are an ambassador of and by their NPS group: the NPS alone
    does not say whether a promoter recommends the service or the company."""

    columns: list[str | None]
    """The NPS groups, then None (no NPS given) when some interview gave none."""
    rows: list[AdvocacyRow]
    """Each advocacy value, then None (not asked) when some interview was not asked."""


def advocacy_by_nps(interviews: Sequence[InterviewFact]) -> AdvocacyByNps:
    counts = Counter((i.advocacy, nps_group(i.nps)) for i in interviews)
    no_nps: list[str | None] = [None] if any(i.nps is None for i in interviews) else []
    not_asked: list[str | None] = [None] if any(i.advocacy is None for i in interviews) else []
    columns: list[str | None] = [*NPS_GROUPS, *no_nps]
    rows = []
    for kind in [*ADVOCACY, *not_asked]:
        cells = [counts[(kind, column)] for column in columns]
        rows.append(AdvocacyRow(kind, cells, sum(cells)))
    return AdvocacyByNps(columns, rows)
