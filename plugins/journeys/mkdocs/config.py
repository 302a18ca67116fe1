"""The plugin's options in ``mkdocs.yml``, declared to MkDocs so it checks them."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from journeys.building.options import Options


class JourneysConfig(Config):
    """:class:`~journeys.building.options.Options` as MkDocs types them: their defaults and
    descriptions are there (``test_options`` keeps the two alike)."""

    content_dir = c.Type(str, default=Options.content_dir)
    public_contacts = c.ListOfItems(c.Type(str), default=list(Options.public_contacts))
    cache = c.Type(bool, default=Options.cache)
    cache_dir = c.Type(str, default=Options.cache_dir)
    publish_unread = c.ListOfItems(c.Type(str), default=list(Options.publish_unread))
