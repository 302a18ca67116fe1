"""Measure the journeys plugin against a plain MkDocs site of the same pages.

    .venv/bin/python benchmarks/run.py                    # builds at N = 1,000 and 10,000,
                                                          # previews at 100 and 1,000 (minutes)
    .venv/bin/python benchmarks/run.py --sizes 1000 --serve-sizes 1000   # one size
    .venv/bin/python benchmarks/run.py --quick            # N = 20, no preview: a smoke test

Writes the tables to benchmarks/results.md, prints each target with PASS or FAIL, and exits
with 1 when one fails. What is built and measured, and how: docs/performance.md, "How it is
measured". The parts: sites.py (the sites), measure.py (one timed process), serve.py
(the preview, ``mkdocs serve --dirty``), size.py (the builds at one N), targets.py (the
targets table), report.py (the tables).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import METHOD, load_average, report
from serve import ServeResult, preview_at
from size import SMALL, Measured, SizeResult, run_size
from targets import failed, verdicts

HERE = Path(__file__).resolve().parent
DEFAULT_OUTPUT = HERE / "results.md"


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Benchmark the journeys plugin against a plain MkDocs site."
    )
    add = parser.add_argument
    add("--sizes", type=int, nargs="+", help="interview counts (default: 1000 10000)")
    add("--personas", type=int, default=6)
    add("--journeys", type=int, default=4)
    add("--seed", type=int, default=1)
    add(
        "--repeat",
        type=int,
        default=None,
        help=f"builds per size, the median reported (default: 3 up to N={SMALL:,}, 1 above)",
    )
    add(
        "--serve-sizes",
        type=int,
        nargs="*",
        help="study sizes at which to time the preview, mkdocs serve --dirty, each on a "
        "study of its own (default: 100 1000, none with --quick)",
    )
    add("--edits", type=int, default=5, help="edits per preview, the median reported")
    add(
        "--in-nav-baseline-at",
        type=int,
        nargs="*",
        default=[],
        help="sizes at which to also build the baseline with its interview pages in the nav, "
        "for context (default: none)",
    )
    add(
        "--in-nav-noprune-baseline-at",
        type=int,
        nargs="*",
        default=[],
        help="the same without navigation.prune (quadratic: keep it small; default: none)",
    )
    add(
        "--quick",
        action="store_true",
        help="N = 20 (unless --sizes), no preview (unless --serve-sizes): a smoke test",
    )
    add("--output", type=Path, default=DEFAULT_OUTPUT, help="where to write the tables")
    add("--workdir", type=Path, help="keep the generated sites here (default: a temporary folder)")
    add("--keep", action="store_true", help="keep the built sites too")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes = args.sizes or [20]
        args.serve_sizes = [] if args.serve_sizes is None else args.serve_sizes
    args.sizes = sorted(set(args.sizes or [1000, 10000]))
    args.serve_sizes = sorted(set([100, 1000] if args.serve_sizes is None else args.serve_sizes))
    args.load_start = load_average()
    return args


def run_all(args: argparse.Namespace) -> Measured:
    temporary = None
    if args.workdir:
        workdir = args.workdir.resolve()
        workdir.mkdir(parents=True, exist_ok=True)
    else:
        temporary = tempfile.TemporaryDirectory(prefix="journeys-bench-")
        workdir = Path(temporary.name)
    try:
        builds: list[SizeResult] = []
        for n in args.sizes:
            shutil.rmtree(workdir / f"n{n}", ignore_errors=True)
            builds.append(
                run_size(
                    n,
                    args,
                    workdir,
                    in_nav=n in args.in_nav_baseline_at,
                    in_nav_noprune=n in args.in_nav_noprune_baseline_at,
                )
            )
        previews: dict[int, ServeResult] = {}
        for n in args.serve_sizes:
            previews[n] = preview_at(
                n,
                workdir / f"preview-n{n}",
                personas=args.personas,
                journeys=args.journeys,
                seed=args.seed,
                edits=args.edits,
            )
        return Measured(builds, previews)
    finally:
        if temporary is not None:
            temporary.cleanup()


def main(argv: list[str] | None = None) -> int:
    given = argv if argv is not None else sys.argv[1:]
    args = parse(argv)
    command = ("python benchmarks/run.py " + " ".join(given)).rstrip()
    measured = run_all(args)
    found = verdicts(measured)
    text = report(measured, found, args, command)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print()
    print(text)
    for target in found:
        print(f"{target.verdict:4}  {target.name}: {target.detail}")
    print(f"\nWrote {args.output}. How it was measured: {METHOD}.")
    return 1 if failed(found) else 0


if __name__ == "__main__":
    sys.exit(main())
