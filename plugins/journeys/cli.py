"""The ``journeys`` command: check content, start an interview file, print the JSON Schema."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from journeys import __version__, scaffold
from journeys.diagnostics import Severity, summary
from journeys.loading import load_study
from journeys.model import SCHEMAS


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

    check = commands.add_parser("check", help="validate content without building the site")
    check.add_argument("content_dir", nargs="?", default="content", type=Path,
                       help="the content folder (default: content)")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.set_defaults(run=_check)

    new = commands.add_parser("new", help="start a new content file")
    kinds = new.add_subparsers(dest="kind", required=True, metavar="KIND")
    interview = kinds.add_parser(
        "interview", help="an interview file with one step per stage and the interview guide"
    )
    interview.add_argument("--journey", required=True, help="journey slug")
    interview.add_argument("--persona", required=True, help="persona slug")
    interview.add_argument("--id", dest="interview_id", help="interview id (default: date-persona)")
    interview.add_argument("--content-dir", default=Path("content"), type=Path,
                           help="the content folder (default: content)")
    interview.set_defaults(run=_new_interview)

    schema = commands.add_parser("schema", help="print the JSON Schema of front matter")
    schema.add_argument("kind", nargs="?", default="interview", choices=sorted(SCHEMAS),
                        help="which file kind (default: interview)")
    schema.set_defaults(run=_schema)
    return parser


def _check(args: argparse.Namespace) -> int:
    study = load_study(args.content_dir)
    for diagnostic in study.diagnostics:
        print(diagnostic.format())
    print(summary(study.diagnostics, study.files))
    failing = {Severity.ERROR, Severity.WARNING} if args.strict else {Severity.ERROR}
    return 1 if any(d.severity in failing for d in study.diagnostics) else 0


def _new_interview(args: argparse.Namespace) -> int:
    path = scaffold.new_interview(args.content_dir, args.journey, args.persona, args.interview_id)
    print(f"Wrote {path.as_posix()}: fill in the empty fields, then run `journeys check`.")
    return 0


def _schema(args: argparse.Namespace) -> int:
    print(json.dumps(SCHEMAS[args.kind](), indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
