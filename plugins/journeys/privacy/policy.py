"""The one place that decides what of an interview may be published.

Every rule here is derived from the field marks of :mod:`journeys.model`
(:class:`~journeys.model.FieldKind`), so a field added later is classified where it is
defined and cannot slip past:

- identifiers and figures come from every interview (through :mod:`journeys.facts`);
- text (a participant's or researcher's words) comes only from consenting interviews,
  through :func:`words_of`;
- private fields (the ``participant`` block) never leave the loader.

A field the model does not know (kept so the loader can warn about it) is text: it fails
closed. The guard (:mod:`journeys.guard`) watches for every value :func:`private_values`
lists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Iterator
from typing import Any

from pydantic import BaseModel

from journeys.content.diagnostics import Location
from journeys.content.model import PRIVATE, TEXT, FieldKind, Interview, field_kind, nested_fields


def is_published(interview: Interview) -> bool:
    """Whether the interview's text may appear on the site."""
    return interview.consent


def private_fields(model: type[BaseModel]) -> list[str]:
    """The fields of ``model`` marked private: cleared before any page sees a record."""
    return [name for name, info in model.model_fields.items() if field_kind(info) is PRIVATE]


def words_of(interviews: Iterable[Interview]) -> list[Interview]:
    """The interviews whose text may be published, with their private fields cleared."""
    cleared = dict.fromkeys(private_fields(Interview))
    return [
        interview.model_copy(update=cleared) for interview in interviews if is_published(interview)
    ]


def touchpoint_of(value: str | None, inventory: Collection[str], published: bool) -> str | None:
    """A step's touchpoint as it may be shown: an id from the journey's inventory always
    (the team's word), anything else only from a consenting interview (the participant's
    words). None where it must stay unnamed; :func:`is_unnamed_touchpoint` tells that
    apart from no touchpoint at all."""
    if value is None or published or value in inventory:
        return value
    return None


def is_unnamed_touchpoint(value: str | None, inventory: Collection[str], published: bool) -> bool:
    """A touchpoint was given, but it is a non-consenting participant's words."""
    return value is not None and touchpoint_of(value, inventory, published) is None


def private_values(interviews: Iterable[Interview]) -> list[tuple[str, str, str]]:
    """``(interview path, field, value)`` for every value that must never be published:
    each private field, and every text of a non-consenting interview (fields the model
    does not know included)."""
    found: list[tuple[str, str, str]] = []
    for interview in interviews:
        path = interview.source.path
        withheld = None if is_published(interview) else TEXT
        data = interview.model_dump(exclude_defaults=True)
        for field, kind, value in classified(Interview, data, withheld):
            if kind is PRIVATE or (kind is TEXT and withheld is TEXT):
                found.append((path, field, value))
        if withheld is TEXT and interview.source.body.strip():
            found.append((path, "body", interview.source.body.strip()))
    return found


def classified(
    model: type[BaseModel], data: dict[str, Any], unknown: FieldKind | None, prefix: str = ""
) -> Iterator[tuple[str, FieldKind | None, str]]:
    """``(field path, mark, text)`` for every non-empty string and number in ``data``, read
    as ``model``: each value gets its field's mark; a field of a private field is private;
    a field the model does not know gets ``unknown``. An item given as fields where a field
    also takes a sentence (``follow_up.will``) is read by its own fields' marks."""
    fields = model.model_fields
    nested = nested_fields(model)
    for name, value in data.items():
        path = f"{prefix}.{name}" if prefix else str(name)
        info = fields.get(name) if isinstance(name, str) else None
        kind = field_kind(info) if info is not None else unknown
        inner, _ = nested.get(name, (None, False)) if isinstance(name, str) else (None, False)
        if info is not None and kind is not PRIVATE and inner is not None:
            for item_path, item in _items(value, path):
                if isinstance(item, dict):
                    yield from classified(inner, item, unknown, item_path)
                else:
                    yield from (
                        (text_path, kind, text) for text_path, text in _texts(item, item_path)
                    )
            continue
        for text_path, text in _texts(value, path):
            yield text_path, kind, text


def _items(value: object, path: str) -> Iterator[tuple[str, object]]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield f"{path}[{index + 1}]", item
    else:
        yield path, value


def _texts(value: object, prefix: str) -> Iterator[tuple[str, str]]:
    for location, leaf in leaves(value):
        if isinstance(leaf, dt.date):  # a `!!timestamp` value: a birth date is watched too
            leaf = leaf.isoformat()[:10]
        if isinstance(leaf, (str, int, float)) and not isinstance(leaf, bool):
            text = str(leaf).strip()
            if text:
                yield _dotted(prefix, location), text


def _dotted(prefix: str, location: Location) -> str:
    """``("a", 0)`` under ``x`` -> ``x.a[1]``: lists counted from 1, as people count."""
    return prefix + "".join(
        f"[{part + 1}]" if isinstance(part, int) else f".{part}" for part in location
    )


def leaves(value: object, location: Location = ()) -> Iterator[tuple[Location, object]]:
    """Each value inside nested mappings and lists that is neither, with where it sits under
    ``location``: the mapping keys (as text) and 0-based list indexes. Keys are no values."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, (*location, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaves(item, (*location, index))
    else:
        yield location, value


def strings(value: object) -> Iterator[tuple[Location, str]]:
    """The text among the :func:`leaves` of ``value``: no numbers, dates or booleans."""
    for location, leaf in leaves(value):
        if isinstance(leaf, str):
            yield location, leaf
