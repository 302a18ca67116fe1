"""The privacy guard: proves after a build that nothing private reached any output file.

Every file of the built site (HTML, search index, sitemap, SVG, CSV, JSON, theme assets:
anything) is read as a browser, a crawler or a download reads it (see
:mod:`journeys.privacy.guard_reading`: encodings, gzip, tags and their attributes, comments,
escapes, JSON); so is its path (``images/jan-de-vries.png``). A file that cannot be read as
text fails the build, unless it matches ``publish_unread`` (by default images and fonts);
either way its printable runs of text are searched, as the ``strings`` tool finds them
(an image's metadata), and a PNG's compressed text chunks unpacked (``zTXt``, ``iTXt``): one
that cannot be unpacked (damaged, or too large: a "zip bomb") fails the build whatever
``publish_unread`` says. Other text stored compressed (a ``.docx``, a ``.woff2`` font)
stays unread.

What is looked for is :mod:`journeys.privacy.needles`; how text is compared,
:mod:`journeys.privacy.matching`. A part of a name is also not looked for alone when the
theme's page templates say it ("Link": a class name on every page), nor a one-word name.
Single words are not looked for in files copied unchanged from the installed theme (a name
like "Mark" stands in its scripts), nor, when shorter than MIN_BINARY_WORD letters, in the
text runs of a file that is no text (random bytes spell short words). Numbers, e-mail
addresses and whole names (of several words, or run together) are looked for everywhere.
The log never repeats a private value.
"""

from __future__ import annotations

import filecmp
import fnmatch
import os
import re
import shutil
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from journeys.content.diagnostics import Severity
from journeys.content.field_messages import shown_key
from journeys.privacy.guard_reading import (
    Unreadable,
    readable_lines,
)
from journeys.privacy.json_entries import EntryMemory
from journeys.privacy.matching import (
    WINDOW_CHARACTERS,
    tokens,
)
from journeys.privacy.needles import Needle, Watchlist, is_word, needles, watchlist
from journeys.privacy.site_scan import Found, InParts, PageReader, ReadBefore, read_ahead, scan

__all__ = [  # with what callers take from here of the modules the guard was split into
    "PUBLISH_UNREAD",
    "WINDOW_CHARACTERS",
    "Found",
    "InParts",
    "Leak",
    "ReadBefore",
    "Watchlist",
    "empty_site",
    "find_leaks",
    "first_lines",
    "needles",
    "scan",
    "theme_copies",
    "theme_words",
    "tokens",
    "watchlist",
]

PUBLISH_UNREAD: tuple[str, ...] = (
    *("*.png", "*.jpg", "*.jpeg", "*.gif", "*.webp", "*.avif", "*.ico", "*.bmp"),
    *("*.woff", "*.woff2", "*.ttf", "*.otf", "*.eot"),
)
"""What may be published though the guard cannot read it: images and fonts."""


@dataclass(frozen=True)
class Leak:
    output: str
    """The built file, relative to the site folder."""
    source: str = ""
    field: str = ""
    severity: Severity = Severity.ERROR
    line: int = 0
    """For a part of a name found alone: the first line of ``output`` it stands on."""
    part: str = ""
    """For a part of a name found alone: which word(s) of the value (``2``, ``1-2``)."""
    unread: str = ""
    """For a file the guard could not read: why. It could not be checked."""
    in_path: bool = False
    """Found in the file's path (its name or a folder's), not in what it holds."""
    sealed: bool = False
    """For a file the guard could not read: text stored compressed in it could not be
    unpacked (``publish_unread`` does not let it through: it is text, not an image's)."""
    run: bool = False
    """Words in a row of a non-consenting text (``part``: which), not its whole sentence."""

    def format(self) -> str:
        field = shown_field(self.field)
        if self.sealed:
            return (
                f"{self.output}: holds text the privacy guard cannot read ({self.unread}), "
                "so it cannot check it; remove the file from the site, or save it again "
                "without that text (an image's description or comment)"
            )
        if self.unread:
            return (
                f"{self.output}: cannot be read as text ({self.unread}), "
                "so the privacy guard cannot check it; remove it from the site, or, "
                "if it may be published unchecked, add a "
                "pattern that matches it to `publish_unread` in mkdocs.yml"
            )
        if self.run:
            where = "the path of this file" if self.in_path else "here"
            return (
                f"{self.output}{'' if self.in_path else f':{self.line}'}: words {self.part} of "
                f"`{field}` of {self.source}, which must not be published, stand {where} in a "
                "row; if they are quoted from it, remove them (if they are two published texts "
                "side by side, reword one)"
            )
        if self.part and self.in_path:
            return (
                f"{self.output}: word {self.part} of `{field}` of {self.source} stands in "
                "the path of this file without the rest of the name; if it is the participant, "
                "rename the file"
            )
        if self.part:
            # The word itself is not repeated: the log may be more public than the site.
            return (
                f"{self.output}:{self.line}: word {self.part} of `{field}` of {self.source} "
                "stands here without the rest of the name; if it is the participant, remove it"
            )
        if self.in_path:
            return (
                f"{self.output}: the path of this file contains `{field}` of {self.source}, "
                "which must never be published; rename the file"
            )
        return f"{self.output}: contains `{field}` of {self.source}, which must never be published"


_FIELD_PART = re.compile(r"(\[\d+\])|([^.\[]+)")


def shown_field(field: str) -> str:
    """A dotted field (``steps[1].quote``) as the log shows it: a key that is no field of
    the format (a line of notes the YAML reads as a field) as ``…``: it may be private."""
    if field == "body":  # the notes below the front matter: no key, a name of the guard's
        return field
    return _FIELD_PART.sub(lambda part: part.group(1) or shown_key(part.group(2)), field)


def find_leaks(
    site_dir: Path,
    watching: Watchlist,
    theme_dirs: Iterable[Path] = (),
    publish_unread: Iterable[str] = PUBLISH_UNREAD,
    entry_memory: EntryMemory | None = None,
    in_parts: InParts | None = None,
    read_before: ReadBefore | None = None,
) -> list[Leak]:
    """Every private value or phrase found in a file of the built site or in its path
    (errors), every word of a name found without the rest of it (warnings), and every file
    that could not be read and does not match ``publish_unread`` (errors). ``theme_dirs``:
    the folders of the installed theme (not the site's ``custom_dir``); ``entry_memory``,
    ``in_parts``, ``read_before``: see :func:`scan` (``read_before`` from
    :func:`read_pages_ahead` with the same watchlist and theme)."""
    theme_dirs = list(theme_dirs)
    copies = theme_copies(site_dir, theme_dirs)
    looked_for = _looked_for(watching, theme_dirs)
    matches, unread = scan(
        site_dir, looked_for, watching.usual, copies, entry_memory, in_parts, read_before
    )
    whole = {
        (output, needle.source, needle.field) for output, needle, _ in matches if not needle.part
    }
    leaks: dict[tuple[str, str, str, int, bool], Leak] = {}  # output, source, field, part, path
    alone: dict[str, list[Needle]] = defaultdict(list)
    for output, needle, in_path in matches:
        key = (output, needle.source, needle.field, needle.part, in_path)
        if not needle.part:
            leaks.setdefault(key, Leak(output, needle.source, needle.field, in_path=in_path))
        elif (output, needle.source, needle.field) in whole:
            continue
        elif in_path:
            leaks.setdefault(
                key,
                Leak(
                    output,
                    needle.source,
                    needle.field,
                    Severity.WARNING,
                    0,
                    _words(needle),
                    in_path=True,
                    run=needle.run,
                ),
            )
        else:
            alone[output].append(needle)
    for key, leak in _found_alone(site_dir, alone):
        leaks.setdefault(key, leak)
    patterns = [pattern.casefold() for pattern in publish_unread]
    for output, reason, sealed in unread:
        if sealed or not any(fnmatch.fnmatchcase(output.casefold(), p) for p in patterns):
            leaks[(output, "", "", 0, False)] = Leak(output, unread=reason, sealed=sealed)
    return sorted(
        leaks.values(),
        key=lambda leak: (leak.output, leak.in_path, leak.line, leak.source, leak.field, leak.part),
    )


def read_pages_ahead(
    site_dir: Path,
    watching: Watchlist,
    theme_dirs: Iterable[Path],
    pages: Iterable[Path],
    stopped: Callable[[], bool],
) -> ReadBefore:
    """What :func:`find_leaks` would find in each of ``pages``, read as they are written
    while the site is built, to be given to it as ``read_before`` (see
    :func:`~journeys.privacy.site_scan.read_ahead`)."""
    looked_for = _looked_for(watching, list(theme_dirs))
    return read_ahead(site_dir, looked_for, watching.usual, pages, stopped)


def looked_for(watching: Watchlist, theme_dirs: Iterable[Path]) -> frozenset[tuple[str, ...]]:
    """The phrases :func:`find_leaks` looks for (as ``ReadBefore.looked_for``)."""
    return frozenset(needle.tokens for needle in _looked_for(watching, list(theme_dirs)))


def page_reader(watching: Watchlist, theme_dirs: Iterable[Path]) -> PageReader:
    """:func:`read_pages_ahead` a page at a time, while ``watching`` and the theme are the
    same (what is found goes to :func:`find_leaks` as ``read_before``)."""
    return PageReader(_looked_for(watching, list(theme_dirs)), watching.usual)


def _looked_for(watching: Watchlist, theme_dirs: list[Path]) -> list[Needle]:
    vocabulary = theme_words(theme_dirs)
    # A word the theme puts on every page ("link", "banner") is no sign of anyone.
    return [
        needle
        for needle in watching.needles
        if not is_word(needle) or needle.tokens[0] not in vocabulary
    ]


def empty_site(site_dir: Path, leaks: Iterable[Leak]) -> None:
    """Remove what a build wrote to the site folder, after the guard failed it, so that
    nothing of it can be published (a folder shared as it is, a deploy). As MkDocs empties
    it before a build: hidden entries (a deploy's ``.git``) stay, but for a file a private
    value was found in."""
    leaking = {leak.output for leak in leaks if not leak.unread}
    for entry in site_dir.iterdir():
        if not entry.name.startswith("."):
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
    for output in leaking:
        (site_dir / output).unlink(missing_ok=True)


def _found_alone(
    site_dir: Path, alone: dict[str, list[Needle]]
) -> Iterator[tuple[tuple[str, str, str, int, bool], Leak]]:
    """The warnings for parts found without their whole value, with the first line each
    stands on."""
    for output, parts in alone.items():
        lines = first_lines(site_dir / output, {needle.tokens for needle in parts})
        for needle, words in _one_run_each(parts):
            line = lines.get(needle.tokens, 1)
            leak = Leak(
                output,
                *(needle.source, needle.field, Severity.WARNING, line, words),
                run=needle.run,
            )
            yield (output, needle.source, needle.field, needle.part, False), leak


def _one_run_each(parts: list[Needle]) -> list[tuple[Needle, str]]:
    """Each part with which words of its value it is (``2``, ``1-2``); the runs of one text
    that overlap one another as one span, reported with the first of them: a quote with a
    word left out is one warning, not one per eight of its words."""
    found: list[tuple[Needle, str]] = []
    spans: dict[tuple[str, str], tuple[Needle, int]] = {}  # first run, end of the span
    for needle in sorted(parts, key=lambda needle: needle.part):
        end = needle.part + len(needle.tokens)
        if not needle.run:
            found.append((needle, _words(needle)))
            continue
        before = spans.get((needle.source, needle.field))
        if before is not None and needle.part < before[1]:
            spans[(needle.source, needle.field)] = (before[0], max(end, before[1]))
        else:
            if before is not None:
                found.append((before[0], f"{before[0].part}-{before[1] - 1}"))
            spans[(needle.source, needle.field)] = (needle, end)
    found.extend((first, f"{first.part}-{end - 1}") for first, end in spans.values())
    return found


def _words(part: Needle) -> str:
    """Which words of the value a part is: ``2``, or ``1-2``."""
    last = part.part + len(part.tokens) - 1
    return str(part.part) if last == part.part else f"{part.part}-{last}"


def theme_words(theme_dirs: Iterable[Path]) -> set[str]:
    """The words of the theme's page templates (``*.html``): its markup, class names and
    the like, which stand on every page. Not its labels in every language
    (``partials/languages``), where a word may be a name ("vos": French for "your")."""
    words: set[str] = set()
    for theme_dir in theme_dirs:
        for template in _theme_files(theme_dir):
            relative = template.relative_to(theme_dir).as_posix()
            if template.suffix == ".html" and not relative.startswith("partials/languages/"):
                words.update(tokens(template.read_text(encoding="utf-8", errors="replace")))
    return words


def _theme_files(theme_dir: Path) -> Iterator[Path]:
    """The files of a theme folder, as MkDocs takes them: not hidden ones (``.icons``)."""
    for folder, subfolders, names in os.walk(theme_dir):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        yield from (Path(folder, name) for name in names if not name.startswith("."))


def theme_copies(site_dir: Path, theme_dirs: Iterable[Path]) -> set[str]:
    """The files of the site that are, byte for byte, the file at the same place in one of
    ``theme_dirs``: copied unchanged from the theme, so written by no researcher."""
    copies: set[str] = set()
    for theme_dir in theme_dirs:
        for source in _theme_files(theme_dir):
            relative = source.relative_to(theme_dir).as_posix()
            output = site_dir / relative
            if (
                relative not in copies
                and output.is_file()
                and filecmp.cmp(source, output, shallow=False)
            ):
                copies.add(relative)
    return copies


def first_lines(path: Path, phrases: set[tuple[str, ...]]) -> dict[tuple[str, ...], int]:
    """The first line of the file on which each of ``phrases`` stands, each line read as
    the whole file is read; one found on no line (it needed two lines) is left out."""
    found: dict[tuple[str, ...], int] = {}
    try:
        for number, readable in readable_lines(path):
            joined = f" {' '.join(tokens(readable))} "
            for phrase in phrases.difference(found):
                if f" {' '.join(phrase)} " in joined:
                    found[phrase] = number
            if len(found) == len(phrases):
                break
    except Unreadable:
        pass
    return found
