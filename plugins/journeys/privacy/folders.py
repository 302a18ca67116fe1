"""Where the plugin's folders may be: settings that would publish internals are refused.

One rule for the plugin (``on_config``) and for ``journeys check``. The private folders are
the content folder (the interview files, participant blocks included) and the cache folder
(every file's front matter). The published folders are ``docs_dir``, ``site_dir`` and the
theme's folders (``theme.custom_dir`` among them: MkDocs copies every file in them that is
not a template into the site). A private folder must not be inside a published one; the
cache must not be inside the content folder; and a published folder must not be inside a
private one. Folders are compared resolved (``..`` and links followed), and a folder counts
as inside itself.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

_PUBLISHED = {
    "docs_dir": "MkDocs publishes everything in `docs_dir`",
    "site_dir": "the site folder is what gets published (and `mkdocs build` empties it)",
}
_THEME_COPIED = (
    "MkDocs copies every file in the theme's folders (`theme.custom_dir` among them) "
    "into the site, templates excepted"
)
_OWN_THEME_FOLDER = (
    "keep the theme's files in a folder of their own (e.g. `overrides/` beside mkdocs.yml) and set "
    "`theme.custom_dir` to it"
)


def is_inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or below it, once both are resolved."""
    return path.resolve().is_relative_to(folder.resolve())


def _strictly_inside(path: Path, folder: Path) -> bool:
    return is_inside(path, folder) and path.resolve() != folder.resolve()


def publishing_problems(
    *,
    project: Path,
    docs_dir: Path | None,
    site_dir: Path | None,
    content_dir: Path,
    cache_dir: Path | None,
    theme_dirs: Sequence[Path] = (),
) -> list[str]:
    """What is wrong with where these folders are, one sentence each (none: all is well).

    ``docs_dir`` and ``site_dir`` are None when not known (no mkdocs.yml); ``cache_dir``
    is None when the cache is off; ``theme_dirs`` are the folders MkDocs copies theme files
    from. Paths in the sentences are shown relative to ``project``.
    """

    def shown(path: Path) -> str:
        try:
            return Path(os.path.relpath(path, project)).as_posix()
        except ValueError:  # another drive on Windows
            return path.as_posix()

    site_folders = {"docs_dir": docs_dir, "site_dir": site_dir}
    problems = _content_problems(content_dir, site_folders, theme_dirs, shown)
    if cache_dir is not None:
        problems += _cache_problems(
            cache_dir, {**site_folders, "content_dir": content_dir}, theme_dirs, shown
        )
    return problems


def _content_problems(
    content_dir: Path,
    site_folders: dict[str, Path | None],
    theme_dirs: Sequence[Path],
    shown: Callable[[Path], str],
) -> list[str]:
    """The content folder against the published folders, both ways."""
    content = f"`content_dir` ({shown(content_dir)})"
    docs_dir, site_dir = site_folders["docs_dir"], site_folders["site_dir"]
    problems = []
    for setting, folder in site_folders.items():
        if folder is not None and is_inside(content_dir, folder):
            problems.append(
                f"`content_dir` ({shown(content_dir)}) is inside `{setting}` ({shown(folder)}): "
                f"{_PUBLISHED[setting]}, so the interview files would be published as they are, "
                "participant blocks and non-consenting interviews included. "
                "Move the content folder out of it (e.g. to `content/` beside mkdocs.yml) "
                "and set `content_dir` to it."
            )
    if docs_dir is not None and _strictly_inside(docs_dir, content_dir):
        problems.append(
            f"`docs_dir` ({shown(docs_dir)}) is inside {content}: MkDocs publishes everything in "
            "`docs_dir`, and the content folder holds the interview files, participant blocks "
            "included; kept apart, no interview file can end up among the pages. Move `docs_dir` "
            "out of the content folder (the default is `docs/` beside mkdocs.yml)."
        )
    if site_dir is not None and _strictly_inside(site_dir, content_dir):
        problems.append(
            f"`site_dir` ({shown(site_dir)}) is inside {content}: the build never writes into the "
            "content folder, and a site there would be committed and shared along with the "
            "interviews. Set `site_dir` to a folder outside the content folder (the default is "
            "`site/` beside mkdocs.yml)."
        )
    for theme_dir in theme_dirs:
        theme = f"a theme folder ({shown(theme_dir)})"
        if is_inside(content_dir, theme_dir):
            problems.append(
                f"{content} is inside {theme}: {_THEME_COPIED}, so the interview files would be "
                "published as they are, participant blocks and non-consenting interviews included. "
                f"Move the content folder out of it, or {_OWN_THEME_FOLDER}."
            )
        elif is_inside(theme_dir, content_dir):
            problems.append(
                f"{theme} is inside {content}: {_THEME_COPIED}, and the content folder holds the "
                "interview files, participant blocks included. Outside the content folder, "
                f"{_OWN_THEME_FOLDER}."
            )
    return problems


def _cache_problems(
    cache_dir: Path,
    holders: dict[str, Path | None],
    theme_dirs: Sequence[Path],
    shown: Callable[[Path], str],
) -> list[str]:
    """The cache folder against the published folders and the content folder."""
    cache = f"`cache_dir` ({shown(cache_dir)})"
    problems = []
    for setting, folder in holders.items():
        if folder is not None and is_inside(cache_dir, folder):
            reason = _PUBLISHED.get(
                setting,
                "the build never writes into the content folder, and a cache there would be "
                "committed and shared along with the interviews",
            )
            problems.append(
                f"{cache} is inside `{setting}` ({shown(folder)}): the cache "
                f"holds every file's front matter, participant blocks included, and {reason}. "
                "Set `cache_dir` to a folder outside `docs_dir`, `site_dir` and `content_dir` "
                "(the default is `.cache/journeys`)."
            )
    for theme_dir in theme_dirs:
        theme = f"a theme folder ({shown(theme_dir)})"
        if is_inside(cache_dir, theme_dir):
            problems.append(
                f"{cache} is inside {theme}: the cache holds every file's front matter, "
                f"participant blocks included, and {_THEME_COPIED}. "
                "Set `cache_dir` to a folder outside the "
                f"theme's folders (the default is `.cache/journeys`), or {_OWN_THEME_FOLDER}."
            )
        elif is_inside(theme_dir, cache_dir):
            problems.append(
                f"{theme} is inside {cache}: the cache holds every file's front matter, "
                f"participant blocks included, and {_THEME_COPIED}. "
                f"Outside the cache folder, {_OWN_THEME_FOLDER}."
            )
    return problems
