"""The plugin's options in ``mkdocs.yml``, declared to MkDocs so it checks them."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from journeys.building.options import EXPECTED, Options, is_whole_number


class WholeNumber(c.Type[int]):
    """A count of 1 or more, refused as ``journeys check`` refuses it (MkDocs' own
    ``Type(int)`` takes ``true`` and ``0``)."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        if not is_whole_number(value):
            raise ValidationError(f"Expected {EXPECTED[int]}, got {value!r}")
        return super().run_validation(value)


class JourneysConfig(Config):
    """:class:`~journeys.building.options.Options` as MkDocs types them: their defaults and
    descriptions are there (``test_options`` keeps the two alike)."""

    content_dir = c.Type(str, default=Options.content_dir)
    public_contacts = c.ListOfItems(c.Type(str), default=list(Options.public_contacts))
    cache = c.Type(bool, default=Options.cache)
    cache_dir = c.Type(str, default=Options.cache_dir)
    publish_unread = c.ListOfItems(c.Type(str), default=list(Options.publish_unread))
    stale_after_days = WholeNumber(default=Options.stale_after_days)
    interview_target = WholeNumber(default=Options.interview_target)
    research_first = c.Type(bool, default=Options.research_first)
