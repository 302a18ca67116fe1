"""The plugin's options in ``mkdocs.yml``."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from journeys.building.cache import DEFAULT_DIRECTORY
from journeys.privacy.guard import PUBLISH_UNREAD


class JourneysConfig(Config):
    content_dir = c.Type(str, default="content")
    """The research content folder, relative to ``mkdocs.yml``."""
    public_contacts = c.ListOfItems(c.Type(str), default=[])
    """E-mail addresses and phone numbers that are public (a service desk): no warning."""
    cache = c.Type(bool, default=True)
    """Keep drawn charts and read front matter, so unchanged ones are not done again."""
    cache_dir = c.Type(str, default=DEFAULT_DIRECTORY)
    """Where the cache is kept, relative to ``mkdocs.yml``; never inside docs or content."""
    publish_unread = c.ListOfItems(c.Type(str), default=list(PUBLISH_UNREAD))
    """Files of the built site that may be published though the privacy guard cannot read
    them as text: glob patterns relative to the site folder (``*`` matches across folders,
    case does not count). Default: images and fonts. Any other file it cannot read (a
    ``.docx``, ``.pdf``, ``.zip``...) fails the build."""
