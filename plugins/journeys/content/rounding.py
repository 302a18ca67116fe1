"""The one rounding rule of every number the site shows: half up, as people round.

Python's ``round`` and ``f"{x:.1f}"`` round a half to the even digit, or by the binary value
(6.25 -> 6.2, 8.75 -> 8.8); :func:`half_up` rounds every half away from zero (6.25 -> 6.3,
4.25 -> 4.3, 8.75 -> 8.8, -12.5 -> -13), in every language, and :func:`decimal_text` writes
a negative number with the minus sign, U+2212 (``−13``), as typeset text does. Downloads
(CSV, JSON) keep full precision and plain numbers.
"""

from __future__ import annotations

import functools
import math
from fractions import Fraction

__all__ = ["MINUS", "decimal_text", "half_up"]

MINUS = "\u2212"
"""The sign of every negative number the site shows: ``−7``, not the hyphen of ``-7``."""

_FLOAT_NOISE_DECIMALS = 9
"""A float is first read to this many decimals: a mean of means computed as
6.249999999999999 is the 6.25 it stands for, and rounds as 6.25 does."""


def half_up(value: float | Fraction, decimals: int = 1) -> Fraction:
    """``value`` rounded to ``decimals`` places, a half away from zero: 6.25 -> 6.3,
    -6.25 -> -6.3. An int or a Fraction is rounded exactly; ``value`` must be finite."""
    if isinstance(value, (int, Fraction)):  # exact: a count or an NPS of any size
        exact = value
    elif math.isfinite(value):
        exact = Fraction(repr(round(float(value), _FLOAT_NOISE_DECIMALS)))
    else:
        raise ValueError(f"cannot round {value!r}")
    scale = 10**decimals
    units = math.floor(abs(exact) * scale + Fraction(1, 2))
    return Fraction(-units if exact < 0 else units, scale)


# A study writes the same few numbers thousands of times (scores, chart coordinates), and
# rounding through Fraction is slow: equal values (6.5, 6.50, Fraction(13, 2)) have one text.
@functools.lru_cache(maxsize=16_384)
def decimal_text(value: float | Fraction, decimals: int = 1) -> str:
    """``value`` rounded by :func:`half_up`, with exactly ``decimals`` decimals after a
    decimal point and :data:`MINUS` before a negative one: 6.25 -> "6.3", 7 -> "7.0",
    -6.25 -> "−6.3", -0.01 -> "0.0" (never "−0.0")."""
    rounded = half_up(value, decimals)
    units = abs(rounded.numerator) * 10**decimals // rounded.denominator
    whole, part = divmod(units, 10**decimals)
    sign = MINUS if rounded < 0 else ""
    return f"{sign}{whole}" + (f".{part:0{decimals}d}" if decimals else "")
