"""Where the plugin's folders may be: settings that would publish internals are refused.

One rule for the plugin (``on_config``) and for ``journeys check``: the content folder
must not be inside ``docs_dir`` (MkDocs would publish the interview files as they are) or
``site_dir``; the cache folder (every file's front matter, participant blocks included)
must not be inside ``docs_dir``, ``site_dir`` or the content folder. Folders are compared
resolved (``..`` and links followed), and a folder counts as inside itself.
"""

from __future__ import annotations

import os
from pathlib import Path

_PUBLISHED = {
    "docs_dir": "MkDocs publishes everything in `docs_dir`",
    "site_dir": "the site folder is what gets published (and `mkdocs build` empties it)",
}


def is_inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or below it, once both are resolved."""
    return path.resolve().is_relative_to(folder.resolve())


def publishing_problems(
    *,
    project: Path,
    docs_dir: Path | None,
    site_dir: Path | None,
    content_dir: Path,
    cache_dir: Path | None,
) -> list[str]:
    """What is wrong with where these folders are, one sentence each (none: all is well).

    ``docs_dir`` and ``site_dir`` are None when not known (no mkdocs.yml); ``cache_dir``
    is None when the cache is off. Paths in the sentences are shown relative to ``project``.
    """

    def shown(path: Path) -> str:
        try:
            return Path(os.path.relpath(path, project)).as_posix()
        except ValueError:  # another drive on Windows
            return path.as_posix()

    site_folders = {"docs_dir": docs_dir, "site_dir": site_dir}
    problems = []
    for setting, folder in site_folders.items():
        if folder is not None and is_inside(content_dir, folder):
            problems.append(
                f"`content_dir` ({shown(content_dir)}) is inside `{setting}` ({shown(folder)}): "
                f"{_PUBLISHED[setting]}, so the interview files would be published as they are, "
                "participant blocks and non-consenting interviews included. Move the content folder "
                "out of it (e.g. to `content/` beside mkdocs.yml) and set `content_dir` to it."
            )
    if cache_dir is None:
        return problems
    holders = {**site_folders, "content_dir": content_dir}
    for setting, folder in holders.items():
        if folder is not None and is_inside(cache_dir, folder):
            reason = _PUBLISHED.get(
                setting,
                "the build never writes into the content folder, and a cache there would be "
                "committed and shared along with the interviews",
            )
            problems.append(
                f"`cache_dir` ({shown(cache_dir)}) is inside `{setting}` ({shown(folder)}): the cache "
                f"holds every file's front matter, participant blocks included, and {reason}. "
                "Set `cache_dir` to a folder outside `docs_dir`, `site_dir` and `content_dir` "
                "(the default is `.cache/journeys`)."
            )
    return problems
