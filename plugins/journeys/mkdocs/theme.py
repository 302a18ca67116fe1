"""The plugin's own theme partials (the folder ``theme/`` beside this module): placed after
the site's ``custom_dir`` and before mkdocs-material's, so material's words that have no
translation follow the site's language while a site's own overrides still win."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from journeys.site.labels import Labels

PARTIALS = str((Path(__file__).parent / "theme").resolve())


def add_partials(config: MkDocsConfig) -> None:
    """Put :data:`PARTIALS` among the theme's folders (material only; once per config)."""
    theme = config.theme
    if theme.name != "material" or PARTIALS in theme.dirs:
        return
    theme.dirs.insert(1 if theme.custom_dir else 0, PARTIALS)


def add_words(env: Any, labels: Labels) -> None:
    """The words the partials use, in the site's language."""
    env.globals["journeys_made_with"] = labels("made_with")
