"""The plugin's options in ``mkdocs.yml``."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class JourneysConfig(Config):
    content_dir = c.Type(str, default="content")
    """The research content folder, relative to ``mkdocs.yml``."""
    public_contacts = c.ListOfItems(c.Type(str), default=[])
    """E-mail addresses and phone numbers that are public (a service desk): no warning."""
    cache = c.Type(bool, default=True)
    """Keep drawn charts, so unchanged ones are not drawn again."""
    cache_dir = c.Type(str, default=".cache/journeys")
    """Where charts are kept, relative to ``mkdocs.yml``; never inside docs or content."""
