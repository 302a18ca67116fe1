"""The base classes of the front-matter models, and where a record came from.

Kept apart from :mod:`journeys.content.model`, which holds the fields (the contract):
this is mechanism, including the one memory measure the models need.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, PrivateAttr

_GIVEN_FIELDS: dict[frozenset[str], set[str]] = {}
"""One set of given field names for every model that was given the same fields."""


class FrontMatter(BaseModel):
    """Base of every front-matter model.

    Unknown fields are kept (``extra="allow"``) so the loader can warn about them with
    the closest known field, instead of failing the whole file. Models are frozen: what
    was read is what is published.
    """

    model_config = ConfigDict(extra="allow", strict=False, validate_default=False, frozen=True)

    def model_post_init(self, context: Any, /) -> None:
        # pydantic keeps a set of the given field names in every model: for 10,000
        # interviews of six steps, 45 MB of sets that hold the same few combinations.
        # Frozen models never add to it, so those that were given the same fields share one.
        given = self.__pydantic_fields_set__
        object.__setattr__(
            self, "__pydantic_fields_set__", _GIVEN_FIELDS.setdefault(frozenset(given), given)
        )


@dataclass(frozen=True)
class Source:
    """Where a record came from: its file, the Markdown body and the line of each field."""

    path: str
    """As shown to researchers, e.g. ``content/interviews/2026-02/eva-03.md``."""
    stem: str
    """The file name without ``.md``."""
    body: str
    body_line: int
    lines: Any
    """A :class:`journeys.frontmatter.LineMap`."""
    contact_free: bool = False
    """Known to hold no e-mail address or phone number in its published text."""

    def line_of(self, *location: str | int) -> int:
        return int(self.lines.line_of(location))


class Record(FrontMatter):
    _source: Source = PrivateAttr()

    @property
    def source(self) -> Source:
        return self._source

    def attach(self, source: Source) -> None:
        self._source = source
