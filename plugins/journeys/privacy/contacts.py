"""Warn about published text that looks like an e-mail address or a phone number.

A participant identified in a note by mistake is the commonest leak the guard cannot
know about (their details are not under ``participant``). Known-public contacts (a
service desk address) are listed in the plugin option ``public_contacts``.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from journeys.content.diagnostics import Diagnostic, Severity, format_field
from journeys.content.model import Interview, Record
from journeys.privacy.policy import is_published, strings

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w-])\+?\(?\d[\d\s().-]{7,}\d(?![\w-])")
MIN_PHONE_DIGITS = 9
"""Fewer digits are dates (2026-02-22 has 8), durations or counts."""
_DIGIT_RUN = re.compile(rf"\d(?:[\s().-]*\d){{{MIN_PHONE_DIGITS - 1},}}")


def _normalise(contact: str) -> str:
    return re.sub(r"[\s().-]", "", contact.casefold())


def find_contacts(text: str) -> Iterator[tuple[str, int, str]]:
    """(kind, 0-based line in ``text``, the match) for each e-mail address or phone number."""
    for kind, pattern in (("an e-mail address", EMAIL), ("a phone number", PHONE)):
        for match in pattern.finditer(text):
            if (
                kind == "a phone number"
                and len(re.sub(r"\D", "", match.group())) < MIN_PHONE_DIGITS
            ):
                continue
            yield kind, text.count("\n", 0, match.start()), match.group()


def checker(public_contacts: Iterable[str] = ()) -> Callable[[Iterable[Record]], list[Diagnostic]]:
    """The contact check as a ``load_study`` check, with these contacts allowed."""
    return functools.partial(check_contacts, public_contacts=tuple(public_contacts))


def check_contacts(
    records: Iterable[Record], public_contacts: Iterable[str] = ()
) -> list[Diagnostic]:
    allowed = {_normalise(contact) for contact in public_contacts}
    problems = []
    for record in records:
        if record.source.contact_free or (
            isinstance(record, Interview) and not is_published(record)
        ):
            continue  # nothing to find, or none of its text is published
        # The common case, decided with two regex scans of the record as JSON (built in C).
        published = record.model_dump_json(exclude={"participant"}, warnings=False)
        if not _json_may_hold_contact(published, record.source.body):
            continue
        texts = list(strings(record.model_dump(exclude={"participant"})))
        texts.append((("body",), record.source.body))
        for location, text in texts:
            line = (
                record.source.body_line
                if location == ("body",)
                else record.source.line_of(*location)
            )
            for kind, offset, value in find_contacts(text):
                if _normalise(value) in allowed:
                    continue
                problems.append(
                    Diagnostic(
                        record.source.path,
                        line + offset if location == ("body",) else line,
                        Severity.WARNING,
                        f"published text contains what looks like {kind}: is a participant "
                        "identified here? Move it under `participant`, or, if it is public "
                        "(a service desk), list it under `public_contacts` in mkdocs.yml",
                        "" if location == ("body",) else format_field(location),
                    )
                )
    return problems


def may_hold_contact(data: dict[str, Any], body: str) -> bool:
    """Whether a file's front matter ``data`` (all but ``participant``) or its ``body`` may
    hold a contact. Decided on the raw values, so that it is worked out once per file
    content and kept in the front-matter cache; it errs on the side of yes."""
    published = json.dumps(
        {key: value for key, value in data.items() if key != "participant"},
        ensure_ascii=False,
        default=str,
    )
    return _json_may_hold_contact(published, body)


def _json_may_hold_contact(published: str, body: str) -> bool:
    """For the published fields as JSON text and the body. A newline inside a value stays a
    line break, so a number split over lines counts."""
    return _may_hold_contact(published.replace("\\n", "\n")) or _may_hold_contact(body)


def _may_hold_contact(text: str) -> bool:
    """True when ``text`` may hold a contact: an @, or MIN_PHONE_DIGITS digits with only
    phone separators between them (every phone number found has such a run)."""
    return ("@" in text and EMAIL.search(text) is not None) or _DIGIT_RUN.search(text) is not None
