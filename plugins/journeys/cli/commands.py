"""The ``journeys`` command: check content, start an interview file, print the JSON Schema."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from journeys import __version__
from journeys.building.cache import cache_directory
from journeys.building.frontmatter_cache import FrontMatterCache
from journeys.building.isolated import cores
from journeys.building.memory import collector_paused
from journeys.building.options import Options, read_options
from journeys.cli import init, scaffold
from journeys.content.diagnostics import TITLE, Severity, summary, workflow_command
from journeys.content.loading import load_study
from journeys.content.model import SCHEMAS
from journeys.privacy import contacts, folders


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except scaffold.ScaffoldError as error:
        print(f"journeys: error: {error}", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="journeys",
        description="Customer-journey research as a site: check content, start interviews.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    _check_arguments(
        commands.add_parser("check", help="validate content without building the site")
    )

    new = commands.add_parser("new", help="start a new content file")
    kinds = new.add_subparsers(dest="kind", required=True, metavar="KIND")
    interview = kinds.add_parser(
        "interview", help="an interview file with one step per stage and the interview guide"
    )
    interview.add_argument("--journey", required=True, help="journey slug")
    interview.add_argument("--persona", required=True, help="persona slug")
    interview.add_argument("--id", dest="interview_id", help="interview id (default: date-persona)")
    interview.add_argument(
        "--date",
        type=_date,
        help="the interview's date, YYYY-MM-DD; the file goes in the folder of its month "
        "(default: today)",
    )
    interview.add_argument(
        "--content-dir",
        default=Path(Options.content_dir),
        type=Path,
        help=f"the content folder (default: {Options.content_dir})",
    )
    interview.set_defaults(run=_new_interview)

    schema = commands.add_parser("schema", help="print the JSON Schema of front matter")
    schema.add_argument(
        "kind",
        nargs="?",
        default="interview",
        choices=sorted(SCHEMAS),
        help="which file kind (default: interview)",
    )
    schema.set_defaults(run=_schema)

    _init_arguments(
        commands.add_parser(
            "init", help="start a new research repository: site settings, example content, workflow"
        )
    )
    return parser


def _init_arguments(start: argparse.ArgumentParser) -> None:
    """The arguments of ``journeys init``."""
    start.add_argument("directory", type=Path, help="the new repository's folder (new or empty)")
    start.add_argument(
        "--force",
        action="store_true",
        help="write into a folder that is not empty (files of the same name are overwritten)",
    )
    start.add_argument("--site-name", help="the site's name (default: from the folder name)")
    start.add_argument(
        "--requirement",
        metavar="SPEC",
        help="the line of requirements.txt that installs journeys on the workflow's machine "
        "(default: this journeys, as installed: its version, or its git URL at its commit)",
    )
    start.set_defaults(run=_init)


def _check_arguments(check: argparse.ArgumentParser) -> None:
    """The arguments of ``journeys check``."""
    check.add_argument(
        "content_dir",
        nargs="?",
        default=Options.content_dir,
        type=Path,
        help=f"the content folder (default: {Options.content_dir})",
    )
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="text: `path:line: error|warning: message` lines (the default); github: "
        "GitHub Actions annotations, shown on the lines of a pull request",
    )
    check.add_argument(
        "--config",
        default=Path("mkdocs.yml"),
        type=Path,
        help="the site's mkdocs.yml, for the plugin's options (default: mkdocs.yml)",
    )
    check.add_argument(
        "--no-cache",
        dest="cache",
        action="store_false",
        help="read every file again, and keep nothing in the cache folder",
    )
    check.set_defaults(run=_check)


def _check(args: argparse.Namespace) -> int:
    site = read_site(args.config)
    options, option_problems = read_options(plugin_entry(site))
    root = _repository_root(args.content_dir) if args.format == "github" else None
    for option_problem in option_problems:
        where = _shown(args.config, root)
        _report(option_problem.severity, option_problem.format(where), root, where)
    if any(problem.severity is Severity.ERROR for problem in option_problems):
        return 1
    cache_dir = _cache_dir(args, options)
    problems = _folder_problems(args, site, options, cache_dir)
    for problem in problems:
        _report(Severity.ERROR, problem, root)
    if problems:
        return 1
    front_matter = FrontMatterCache(cache_dir, processes=cores())
    with collector_paused():
        study = load_study(
            args.content_dir,
            display_root=root,
            reader=front_matter,
            checks=[contacts.checker(options.public_contacts)],
            docs_dir=_docs_dir(args.config, site),
        )
    front_matter.save()
    for diagnostic in study.diagnostics:
        print(diagnostic.format() if root is None else diagnostic.github_annotation())
    print(summary(study.diagnostics, study.file_count))
    failing = {Severity.ERROR, Severity.WARNING} if args.strict else {Severity.ERROR}
    options_fail = args.strict and option_problems  # warnings only: errors returned above
    return 1 if options_fail or any(d.severity in failing for d in study.diagnostics) else 0


def _report(severity: Severity, message: str, root: Path | None, file: str | None = None) -> None:
    """A problem outside the content: on stderr, or (with a ``root``, for ``--format
    github``) as an annotation, on ``file`` when it concerns one."""
    if root is None:
        print(f"journeys: {severity.value}: {message}", file=sys.stderr)
    else:
        place = {"file": file} if file else {}
        print(workflow_command(severity.value, message, **place, title=TITLE))


def _repository_root(content_dir: Path) -> Path:
    """The checkout the content folder is in (the nearest folder above it with ``.git``),
    whose paths GitHub's annotations name; the current folder when there is none."""
    folder = Path(os.path.abspath(content_dir))
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return Path.cwd()


def _shown(path: Path, root: Path | None) -> str:
    """``path`` as messages show it: as given, or relative to ``root``."""
    if root is None:
        return path.as_posix()
    try:
        return Path(os.path.relpath(path, root)).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()


def _cache_dir(args: argparse.Namespace, options: Options) -> Path | None:
    """The plugin's cache folder: beside mkdocs.yml, or beside the content folder without one."""
    project = args.config.parent if args.config.is_file() else args.content_dir.parent
    return cache_directory(project, args.cache and options.cache, options.cache_dir)


def _docs_dir(config: Path, site: dict[str, Any] | None) -> Path | None:
    """The site's docs_dir (mkdocs.yml's ``docs_dir``, default ``docs``, relative to
    mkdocs.yml's folder), or None without a mkdocs.yml."""
    if site is None:
        return None
    return config.parent / str(site.get("docs_dir") or "docs")


def _folder_problems(
    args: argparse.Namespace, site: dict[str, Any] | None, options: Options, cache_dir: Path | None
) -> list[str]:
    """The build's rule on where folders may be (:mod:`journeys.folders`), for the folders
    mkdocs.yml names (``theme.custom_dir`` the only theme folder known without loading the
    theme) and for the content folder this command reads."""
    project = args.config.parent if site is not None else args.content_dir.parent
    docs_dir = _docs_dir(args.config, site)
    site_dir = project / str(site.get("site_dir") or "site") if site is not None else None
    theme = (site or {}).get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    theme_dirs = [project / str(custom_dir)] if custom_dir else []
    content_dirs = [args.content_dir]
    if site is not None:
        content_dirs.insert(0, project / options.content_dir)
    problems: list[str] = []
    for content_dir in content_dirs:
        for problem in folders.publishing_problems(
            project=project,
            docs_dir=docs_dir,
            site_dir=site_dir,
            content_dir=content_dir,
            cache_dir=cache_dir,
            theme_dirs=theme_dirs,
        ):
            if problem not in problems:
                problems.append(problem)
    return problems


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose `!!python/name:` and `!ENV` tags are not ours to run."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_site(config: Path) -> dict[str, Any] | None:
    """The settings in ``config`` (mkdocs.yml), or None when there is no such file."""
    try:
        site = yaml.load(config.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, yaml.YAMLError):
        return None
    return site if isinstance(site, dict) else {}


def plugin_entry(site: dict[str, Any] | None) -> object:
    """What the settings of a site give the journeys plugin in ``plugins`` (a list or a
    mapping): its options, to be read by :func:`~journeys.building.options.read_options`;
    None when it has none or is not there."""
    plugins = (site or {}).get("plugins")
    entries = (
        [plugins] if isinstance(plugins, dict) else plugins if isinstance(plugins, list) else []
    )
    for plugin in entries:
        if isinstance(plugin, dict) and "journeys" in plugin:
            return plugin["journeys"]
    return None


def _date(text: str) -> dt.date:
    """A date written YYYY-MM-DD, as the front matter writes it."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(
        f"{text!r} is not a date: write it as year-month-day, like 2026-02-22"
    )


def _new_interview(args: argparse.Namespace) -> int:
    path = scaffold.new_interview(
        args.content_dir, args.journey, args.persona, args.interview_id, args.date
    )
    print(f"Wrote {path.as_posix()}: fill in the empty fields, then run `journeys check`.")
    return 0


def _init(args: argparse.Namespace) -> int:
    requirement = init.workflow_requirement(args.requirement)
    written = init.create_repository(
        args.directory, force=args.force, site_name=args.site_name, requirement=requirement
    )
    folder = args.directory.as_posix()
    print(f"Wrote {len(written)} files to {folder}/:")
    for path in written:
        print(f"  {path.relative_to(args.directory).as_posix()}")
    print(f"requirements.txt installs: {requirement}")
    if "file:" in requirement:
        print(
            "journeys: warning: requirements.txt names a place on this machine (file:), which "
            "the workflow's machine cannot reach: change it before you push (see --requirement)",
            file=sys.stderr,
        )
    print(
        "Next:\n"
        f"  cd {folder}\n"
        "  python3 -m venv .venv && . .venv/bin/activate && pip install -r requirements.txt\n"
        "  export NO_MKDOCS_2_WARNING=1   # hides Material for MkDocs' end-of-life notice\n"
        "  journeys check     # checks the example content\n"
        "  mkdocs serve --dirty  # previews the site on http://127.0.0.1:8000\n"
        "Then commit, push, and turn on GitHub Pages (Settings > Pages > Source: GitHub Actions)."
    )
    return 0


def _schema(args: argparse.Namespace) -> int:
    print(json.dumps(SCHEMAS[args.kind](), indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
