"""The building layer: making a whole site, fast; every speed measure lives here.

(Not ``build/``: tools and many global git ignores take a folder of that name for output.)

``options`` defines the plugin's options once (the MkDocs config and ``journeys check``
read them from it), ``generation`` runs a build's work (read, check, render, watch
list), ``isolated`` runs it in forked workers, ``cache`` keeps drawn charts and
``frontmatter_cache`` keeps read front matter between runs; ``preview`` and
``guard_memory`` keep what `mkdocs serve --dirty` needs from one rebuild to the next.
It may import every layer below it (content, privacy, analysis, site).
"""
