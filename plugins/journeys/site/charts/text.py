"""Chart text: made safe for one line of XML, wrapped, shortened and measured."""

from __future__ import annotations

import functools
import math
import unicodedata

from journeys.site.charts.style import FONT

NAME_WIDTH = 14  # characters per line of a stage name
NAME_LINES = 3


def clean(text: str) -> str:
    """Text safe for XML and one line: control characters dropped, whitespace collapsed."""
    text = "".join(
        " " if ch.isspace() else ch
        for ch in text
        if ch.isspace() or unicodedata.category(ch) not in ("Cc", "Cs")
    )
    return " ".join(text.split())


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def wrap(name: str, width: int = NAME_WIDTH, max_lines: int = NAME_LINES) -> list[str]:
    """Greedy word wrap; a word longer than a line is split in even hyphenated parts;
    more than ``max_lines`` lines end in ``…``."""
    lines: list[str] = []
    current = ""
    for word in clean(name).split():
        if len(word) > width:
            parts = math.ceil(len(word) / (width - 1))
            size = math.ceil(len(word) / parts)
            chunks = [word[i : i + size] for i in range(0, len(word), size)]
            if current:
                lines.append(current)
            lines.extend(chunk + "-" for chunk in chunks[:-1])
            current = chunks[-1]
        elif not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        last = lines[max_lines - 1].removesuffix("-")
        lines = lines[: max_lines - 1] + [last[: width - 1].rstrip() + "…"]
    return lines


def count_label(fmt: str, n: int) -> str:
    try:
        text = fmt.format(n=n)
    except (KeyError, IndexError, ValueError, AttributeError):
        text = fmt.replace("{n}", str(n))
    return clean(text)


@functools.lru_cache(maxsize=4096)
def text_width(text: str, size: float) -> float:
    """Width in points of one line of ``text`` in DejaVu Sans at ``size`` points."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    if not text:
        return 0.0
    prop = FontProperties(family=FONT, size=size)
    width, _, _ = text_to_path.get_text_width_height_descent(text, prop, ismath=False)
    return float(width)


def wrap_width(text: str, size: float, width: float, max_lines: int) -> list[str]:
    """Greedy word wrap of ``text`` into lines at most ``width`` points wide in DejaVu Sans
    at ``size`` points (a word wider than a line gets a line of its own, shortened); more
    than ``max_lines`` lines end in ``…``."""
    lines: list[str] = []
    for word in clean(text).split():
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(joined, size) <= width:
            lines[-1] = joined
        else:
            lines.append(_fit(word, size, width))
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _fit(lines[-1] + "…", size, width)
    return lines


def _fit(line: str, size: float, width: float) -> str:
    """``line`` cut (and ended in ``…``) until it is at most ``width`` points wide."""
    while len(line) > 1 and text_width(line, size) > width:
        line = line[:-2].rstrip() + "…"
    return line
