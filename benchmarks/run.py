"""Measure the journeys plugin against a plain MkDocs site of the same size.

    .venv/bin/python benchmarks/run.py                    # N = 1,000 and 10,000 (many minutes)
    .venv/bin/python benchmarks/run.py --sizes 1000       # one size
    .venv/bin/python benchmarks/run.py --quick            # N = 20, no serve: a smoke test

For each N, in a fresh temporary folder, it generates a study (benchmarks/generate.py) and
builds, each as its own ``python -m mkdocs build`` process:

(a) the study with the journeys plugin, cold (chart cache deleted), then warm (cache kept);
(b) a baseline without the plugin: the same N interview files as plain Markdown pages in
    ``docs/`` (the same body plus the front-matter fields as a list), same theme settings.

Both use theme material with ``navigation.prune``: material renders the whole nav into
every page, which makes a nav of thousands of pages quadratic. The plugin keeps interview
pages out of the nav; the baseline's pages are in its nav, and prune renders only the
visible part of it. It also times ``journeys check`` and, for N = 1,000, a real
``mkdocs serve``: first build, then the rebuild after one interview file changes.

Wall time is measured around each process. Peak memory is the largest sum of the resident
set sizes of the process and its worker processes, sampled every 20 ms, or the largest
process's own maximum (``os.wait4``) if that is higher. The tables go to
benchmarks/results.md; each target is printed with PASS or FAIL, and the exit code is 1
when one fails.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import GeneratedStudy, generate

HERE = Path(__file__).resolve().parent
DEFAULT_OUTPUT = HERE / "results.md"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
BUILD_TIMEOUT = 4 * 3600
PROBE = "BENCHMARK-PROBE "

# Both sites: the same theme settings. `navigation.prune` is what makes a big nav affordable.
THEME: dict[str, Any] = {
    "name": "material",
    "language": "en",
    "font": False,
    "features": ["navigation.prune"],
}

# Runs a command's module in this interpreter and reports whether matplotlib was imported
# (the plugin must import it only when a chart is drawn): an audit hook, inherited by
# forked worker processes, reports each import as it happens; a last line marks the end.
WRAPPER = f"""
import os, runpy, sys

def probe(event, args):
    if event == "import" and args[0] == "matplotlib":
        print("{PROBE}imported matplotlib in " + str(os.getpid()), file=sys.stderr, flush=True)

sys.addaudithook(probe)
module, sys.argv = sys.argv[1], sys.argv[1:]
try:
    runpy.run_module(module, run_name="__main__", alter_sys=True)
finally:
    print("{PROBE}done", file=sys.stderr, flush=True)
"""


# --- measuring one process ----------------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    cpu_seconds: float
    """User plus system time of the process: less sensitive than wall time to other load."""
    peak_rss_mb: float
    returncode: int
    log: str
    matplotlib: bool | None

    def check(self, what: str) -> None:
        if self.returncode != 0:
            tail = "\n".join(self.log.splitlines()[-30:])
            raise SystemExit(f"benchmark: {what} failed with exit code {self.returncode}:\n{tail}")


def measure(module: str, args: list[str], cwd: Path, log_path: Path) -> Run:
    """Run ``python -m module args`` (through WRAPPER) and measure wall time and peak RSS."""
    command = [sys.executable, "-c", WRAPPER, module, *args]
    with open(log_path, "wb") as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + BUILD_TIMEOUT
        tree_peak = 0
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            tree_peak = max(tree_peak, tree_rss(process.pid))
            if time.monotonic() > deadline:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.02)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    text = log_path.read_text(encoding="utf-8", errors="replace")
    imported = (PROBE + "imported matplotlib") in text if (PROBE + "done") in text else None
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    rss_kb = usage.ru_maxrss / 1024 if sys.platform == "darwin" else usage.ru_maxrss
    cpu = usage.ru_utime + usage.ru_stime
    peak_mb = max(rss_kb / 1024, tree_peak / 2**20)
    return Run(seconds, cpu, peak_mb, process.returncode, text, imported)


def tree_rss(pid: int) -> int:
    """Bytes resident in ``pid`` and all its descendants together (Linux; 0 elsewhere).
    Pages a forked worker still shares with its parent are counted in both."""
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            with open(f"/proc/{current}/statm") as statm:
                total += int(statm.read().split()[1]) * PAGE_SIZE
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    pending.extend(int(child) for child in children.read().split())
        except (OSError, ValueError):  # gone meanwhile, or no /proc
            continue
    return total


PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def median_run(runs: list[Run]) -> Run:
    ordered = sorted(runs, key=lambda run: run.seconds)
    middle = ordered[len(ordered) // 2]
    return Run(
        statistics.median(run.seconds for run in runs),
        statistics.median(run.cpu_seconds for run in runs),
        max(run.peak_rss_mb for run in runs),
        middle.returncode,
        middle.log,
        middle.matplotlib,
    )


# --- the two sites ------------------------------------------------------------------------------


def write_config(path: Path, *, plugin: bool, theme: dict[str, Any], extra: dict[str, Any] | None = None) -> None:
    plugins: list[Any] = ["search"]
    if plugin:
        plugins.append({"journeys": {"content_dir": "content"}})
    config: dict[str, Any] = {"site_name": "Benchmark", "docs_dir": "docs", "theme": theme, "plugins": plugins}
    config.update(extra or {})
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


INDEX = "# Benchmark\n\nA synthetic study, generated by `benchmarks/generate.py`.\n"


def journeys_site(root: Path, interviews: int, personas: int, journeys: int, seed: int) -> GeneratedStudy:
    study = generate(root, interviews=interviews, personas=personas, journeys=journeys, seed=seed)
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text(INDEX, encoding="utf-8")
    write_config(root / "mkdocs.yml", plugin=True, theme=THEME)
    return study


def baseline_site(root: Path, study: GeneratedStudy, theme: dict[str, Any], extra: dict[str, Any] | None = None) -> None:
    """The same interview files as plain pages: the body plus the front-matter fields as a list."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text(INDEX, encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in study.interviews:
        text = path.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        data = yaml.load(front, Loader=loader)
        data.pop("participant", None)  # never published by the plugin either
        target = docs / path.relative_to(study.content_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        lines = [f"# Interview {data['id']}", "", *_field_list(data, 0), "", body]
        target.write_text("\n".join(lines), encoding="utf-8")
    write_config(root / "mkdocs.yml", plugin=False, theme=theme, extra=extra)


def _field_list(value: Any, depth: int) -> list[str]:
    indent = "    " * depth
    pairs = [(f"- **{key}:**", item) for key, item in value.items()] if isinstance(value, dict) else [
        ("1.", item) for item in value
    ]
    lines = []
    for label, item in pairs:
        if isinstance(item, (dict, list)):
            lines.append(f"{indent}{label}")
            lines.extend(_field_list(item, depth + 1))
        else:
            lines.append(f"{indent}{label} {item}")
    return lines


def build(site_root: Path, out: Path, log: Path) -> Run:
    if out.exists():
        shutil.rmtree(out)
    run = measure("mkdocs", ["build", "-f", "mkdocs.yml", "-d", str(out)], site_root, log)
    run.check(f"mkdocs build in {site_root}")
    return run


def cache_files(site_root: Path) -> set[str]:
    folder = site_root / ".cache" / "journeys"
    return {path.name for path in folder.glob("*.svg")} if folder.is_dir() else set()


def site_charts(site: Path) -> int:
    return sum(1 for folder in ("journeys", "personas") for _ in (site / folder).glob("*.svg"))


def mean_page_kb(site: Path, pattern: str) -> float:
    sizes = [path.stat().st_size for path in site.glob(pattern)]
    return statistics.mean(sizes) / 1024 if sizes else 0.0


# The plugin logs "journeys: 1000 interviews, 1015 pages; charts: 3 to draw, 29 from the cache".
CHART_LOG = re.compile(r"charts: (\d+) to draw, (\d+) from the cache")


def logged_charts(log: str) -> tuple[int, int] | None:
    found = CHART_LOG.findall(log)
    if not found:
        return None
    drawn, reused = found[-1]
    return int(drawn), int(reused)


# --- mkdocs serve ---------------------------------------------------------------------------------


@dataclass
class ServeResult:
    first_build_s: float
    """As logged by MkDocs ("Documentation built in ...")."""
    start_to_serving_s: float
    rebuild_s: float
    """The rebuild as logged by MkDocs."""
    change_to_reload_s: float
    """From writing the file to "Reloading browsers": what an editor waits."""
    charts_drawn: int
    charts_reused: int | None
    charts_source: str


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LogWatcher:
    """Reads a process's output in a thread, time-stamping each line."""

    def __init__(self, stream: Any, copy: Path) -> None:
        self.lines: list[tuple[float, str]] = []
        self.condition = threading.Condition()
        self.copy = copy
        self.thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self.thread.start()

    def _read(self, stream: Any) -> None:
        with open(self.copy, "w", encoding="utf-8") as copy:
            for raw in iter(stream.readline, b""):
                line = raw.decode("utf-8", "replace").rstrip("\n")
                copy.write(line + "\n")
                copy.flush()
                with self.condition:
                    self.lines.append((time.monotonic(), line))
                    self.condition.notify_all()
        with self.condition:
            self.lines.append((time.monotonic(), "<end of output>"))
            self.condition.notify_all()

    def wait_for(self, text: str, after: float, timeout: float) -> tuple[float, str]:
        deadline = time.monotonic() + timeout
        with self.condition:
            while True:
                for stamp, line in self.lines:
                    if stamp >= after and text in line:
                        return stamp, line
                    if stamp >= after and line == "<end of output>":
                        raise SystemExit(f"benchmark: mkdocs serve stopped before {text!r}; see {self.copy}")
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise SystemExit(f"benchmark: no {text!r} from mkdocs serve in {timeout:.0f} s; see {self.copy}")
                self.condition.wait(remaining)

    def text_between(self, start: float, end: float) -> str:
        with self.condition:
            return "\n".join(line for stamp, line in self.lines if start <= stamp <= end)


BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")


def measure_serve(site_root: Path, study: GeneratedStudy, log_dir: Path) -> ServeResult:
    shutil.rmtree(site_root / ".cache", ignore_errors=True)
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", "mkdocs.yml", "-a", f"127.0.0.1:{port}"]
    start = time.monotonic()
    process = subprocess.Popen(
        command, cwd=site_root, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        watcher = LogWatcher(process.stdout, log_dir / "serve.log")
        serving, _ = watcher.wait_for("Serving on", start, BUILD_TIMEOUT)
        first = BUILT.findall(watcher.text_between(start, serving))
        time.sleep(3)  # let the file watcher take its first snapshot
        before = cache_files(site_root)
        changed = edit_one_interview(study)
        edited = time.monotonic()
        reloaded, _ = watcher.wait_for("Reloading browsers", edited, BUILD_TIMEOUT)
        rebuild_log = watcher.text_between(edited, reloaded)
        rebuilt = BUILT.findall(rebuild_log)
        drawn_files = len(cache_files(site_root) - before)
        logged = logged_charts(rebuild_log)
        print(f"  serve: changed {changed.name}", flush=True)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return ServeResult(
        first_build_s=float(first[-1]) if first else float("nan"),
        start_to_serving_s=serving - start,
        rebuild_s=float(rebuilt[-1]) if rebuilt else float("nan"),
        change_to_reload_s=reloaded - edited,
        charts_drawn=logged[0] if logged else drawn_files,
        charts_reused=logged[1] if logged else None,
        charts_source="plugin log" if logged else "new files in .cache/journeys",
    )


def edit_one_interview(study: GeneratedStudy) -> Path:
    """Change the first step's score of the middle interview, as a researcher fixing a typo would."""
    path = study.interviews[len(study.interviews) // 2]
    text = path.read_text(encoding="utf-8")
    match = re.search(r"^  score: ([0-9.]+)$", text, flags=re.MULTILINE)
    assert match, path
    new = "2" if match.group(1) != "2" else "9"
    path.write_text(text[: match.start(1)] + new + text[match.end(1) :], encoding="utf-8")
    return path


# --- the benchmark ------------------------------------------------------------------------------


@dataclass
class SizeResult:
    n: int
    plugin: Run
    baseline: Run
    warm: Run
    check: Run
    """With the front-matter cache the builds left (no file changed since)."""
    check_cold: Run
    """With --no-cache: every file read."""
    charts_in_site: int
    charts_drawn_cold: int
    charts_drawn_warm: int
    max_charts: int
    plugin_page_kb: float
    baseline_page_kb: float
    serve: ServeResult | None = None
    extra_baselines: dict[str, tuple[Run, float]] = field(default_factory=dict)
    """Name -> (build, mean interview page KB)."""

    @property
    def ratio(self) -> float:
        return self.plugin.seconds / self.baseline.seconds

    @property
    def rss_ratio(self) -> float:
        return self.plugin.peak_rss_mb / self.baseline.peak_rss_mb


SMALL = 2000
"""Up to this size, builds take seconds and vary by about 10% from run to run here: by
default each is run three times (alternately) and the medians are compared."""


def builds_at(n: int, args: argparse.Namespace) -> int:
    if args.repeat is not None:
        return int(args.repeat)
    return 1 if args.quick or n > SMALL else 3


NOPRUNE = "(b) without navigation.prune"
HIDDEN = "(b) with the interview pages kept out of the nav, like the plugin does"


def run_size(
    n: int, args: argparse.Namespace, workdir: Path, *, serve: bool, hidden: bool, noprune: bool
) -> SizeResult:
    root = workdir / f"n{n}"
    logs = root / "logs"
    logs.mkdir(parents=True)
    print(f"N = {n:,}: generating", flush=True)
    study = journeys_site(root / "journeys", n, args.personas, args.journeys, args.seed)
    baseline_site(root / "baseline", study, THEME)

    plugin_runs, baseline_runs = [], []
    repeat = builds_at(n, args)
    for attempt in range(repeat):
        print(f"N = {n:,}: cold build with journeys ({attempt + 1}/{repeat})", flush=True)
        shutil.rmtree(root / "journeys" / ".cache", ignore_errors=True)
        plugin_runs.append(build(root / "journeys", root / "site-a", logs / f"a-{attempt}.log"))
        logged_cold = logged_charts(plugin_runs[-1].log)
        drawn_cold = logged_cold[0] if logged_cold else len(cache_files(root / "journeys"))
        print(f"  {plugin_runs[-1].seconds:.1f} s, {plugin_runs[-1].peak_rss_mb:.0f} MB", flush=True)
        print(f"N = {n:,}: baseline build ({attempt + 1}/{repeat})", flush=True)
        baseline_runs.append(build(root / "baseline", root / "site-b", logs / f"b-{attempt}.log"))
        print(f"  {baseline_runs[-1].seconds:.1f} s, {baseline_runs[-1].peak_rss_mb:.0f} MB", flush=True)
    charts_in_site = site_charts(root / "site-a")
    plugin_kb = mean_page_kb(root / "site-a", "interviews/*/index.html")
    baseline_kb = mean_page_kb(root / "site-b", "interviews/*/*/index.html")

    print(f"N = {n:,}: warm build with journeys (chart cache kept)", flush=True)
    before = cache_files(root / "journeys")
    warm = build(root / "journeys", root / "site-a", logs / "a-warm.log")
    drawn_warm = len(cache_files(root / "journeys") - before)
    logged = logged_charts(warm.log)
    if logged:
        drawn_warm = logged[0]

    print(f"N = {n:,}: journeys check, every file read (--no-cache)", flush=True)
    check_cold = measure("journeys.cli", ["check", "--no-cache", "content"], root / "journeys", logs / "check-cold.log")
    check_cold.check("journeys check --no-cache")
    print(f"N = {n:,}: journeys check (files unchanged since the builds: read from the cache)", flush=True)
    checks = []
    for attempt in range(1 if args.quick else max(3, args.repeat or 1)):
        run = measure("journeys.cli", ["check", "content"], root / "journeys", logs / f"check-{attempt}.log")
        run.check("journeys check")
        checks.append(run)

    result = SizeResult(
        n=n,
        plugin=median_run(plugin_runs),
        baseline=median_run(baseline_runs),
        warm=warm,
        check=median_run(checks),
        check_cold=check_cold,
        charts_in_site=charts_in_site,
        charts_drawn_cold=drawn_cold,
        charts_drawn_warm=drawn_warm,
        max_charts=study.max_charts,
        plugin_page_kb=plugin_kb,
        baseline_page_kb=baseline_kb,
    )
    variants: dict[str, tuple[dict[str, Any], dict[str, Any] | None]] = {}
    if noprune:  # quadratic: material renders the whole nav into every page
        variants[NOPRUNE] = ({**THEME, "features": []}, None)
    if hidden:
        variants[HIDDEN] = (THEME, {"nav": ["index.md"], "not_in_nav": "/interviews/"})
    if variants:
        for name, (theme, extra) in variants.items():
            print(f"N = {n:,}: {name}", flush=True)
            folder = root / f"baseline-{len(result.extra_baselines)}"
            baseline_site(folder, study, theme, extra)
            built = build(folder, root / "site-x", logs / f"x-{len(result.extra_baselines)}.log")
            result.extra_baselines[name] = (built, mean_page_kb(root / "site-x", "interviews/*/*/index.html"))
            print(f"  {built.seconds:.1f} s, {built.peak_rss_mb:.0f} MB", flush=True)
    if serve:
        print(f"N = {n:,}: mkdocs serve, then one interview file changed", flush=True)
        result.serve = measure_serve(root / "journeys", study, logs)
    if not args.keep:
        for site in ("site-a", "site-b", "site-x"):
            shutil.rmtree(root / site, ignore_errors=True)
    return result


# --- targets ------------------------------------------------------------------------------------


@dataclass
class Target:
    name: str
    passed: bool | None
    """None: not applicable at the sizes measured."""
    detail: str

    @property
    def verdict(self) -> str:
        return "n/a" if self.passed is None else ("PASS" if self.passed else "FAIL")


def targets(results: list[SizeResult]) -> list[Target]:
    found = []
    for r in results:
        if r.n >= 1000:
            found.append(Target(f"N={r.n:,}: build (a)/(b) <= 1.2", r.ratio <= 1.2, f"{r.ratio:.2f}"))
    big = [r for r in results if r.n >= 1000]
    if len(big) >= 2 and big[-1].n >= 2 * big[0].n:
        small, large = big[0], big[-1]
        limit = 1.1 * large.n / small.n
        growth = large.plugin.seconds / small.plugin.seconds
        found.append(Target(
            f"build time N={large.n:,} / N={small.n:,} <= {limit:.0f}", growth <= limit, f"{growth:.1f}x"
        ))
    for r in results:
        if r.n >= 10_000:
            found.append(Target(f"N={r.n:,}: peak RSS (a)/(b) <= 1.5", r.rss_ratio <= 1.5, f"{r.rss_ratio:.2f}"))
            limit = 3.0 * r.n / 10_000
            found.append(Target(
                f"N={r.n:,}: journeys check < {limit:.0f} s (files unchanged)", r.check.seconds < limit,
                f"{r.check.seconds:.2f} s",
            ))
            found.append(Target(
                f"N={r.n:,}: journeys check --no-cache < {limit:.0f} s", r.check_cold.seconds < limit,
                f"{r.check_cold.seconds:.2f} s",
            ))
    for r in results:
        found.append(Target(
            f"N={r.n:,}: charts <= journeys x (personas + 2) = {r.max_charts}",
            r.charts_in_site <= r.max_charts and r.charts_drawn_cold <= r.max_charts,
            f"{r.charts_in_site} in the site, {r.charts_drawn_cold} drawn",
        ))
    counts = {r.charts_in_site for r in results}
    if len(results) >= 2:
        found.append(Target(
            "chart count does not grow with interviews", len(counts) == 1,
            ", ".join(f"{r.charts_in_site} at N={r.n:,}" for r in results),
        ))
    for r in results:
        lazy = r.warm.matplotlib is False and r.check.matplotlib is False and r.charts_drawn_warm == 0
        found.append(Target(
            f"N={r.n:,}: matplotlib imported only to draw charts",
            lazy,
            f"cold build: {_imported(r.plugin.matplotlib)}; warm build ({r.charts_drawn_warm} drawn): "
            f"{_imported(r.warm.matplotlib)}; journeys check: {_imported(r.check.matplotlib)}",
        ))
    return found


def _imported(flag: bool | None) -> str:
    return {True: "imported", False: "not imported", None: "unknown"}[flag]


# --- the report -----------------------------------------------------------------------------------


def _load() -> str:
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "?"


def machine() -> dict[str, str]:
    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "?"

    memory = "?"
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024**2:.1f} GB"
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "CPUs (nproc)": str(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()),
        "CPU": cpu,
        "RAM": memory,
        "OS": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
        "matplotlib": version("matplotlib"),
        "PyYAML (libyaml)": f"{version('PyYAML')} ({'yes' if getattr(yaml, '__with_libyaml__', False) else 'no'})",
    }


BUILD_COLUMNS = (
    "interviews", "(a) journeys build", "(b) baseline build", "(a)/(b)", "(a)/(b) CPU", "(a) peak RSS", "(b) peak RSS",
    "RSS (a)/(b)", "(a) warm build", "journeys check (cached / --no-cache)", "charts (drawn cold / warm)",
)


def _timed(run: Run, digits: int = 1) -> str:
    return f"{run.seconds:.{digits}f} s (CPU {run.cpu_seconds:.{digits}f})"


def report(results: list[SizeResult], found: list[Target], args: argparse.Namespace, command: str) -> str:
    info = machine()
    out = [
        "# Benchmark results",
        "",
        f"Measured on {dt.date.today().isoformat()} with `{command}`.",
        "",
        "Machine: " + ", ".join(f"{key} {value}" for key, value in info.items()) + ".",
        "",
        f"Study: generated by `benchmarks/generate.py` with {args.personas} personas, {args.journeys} "
        f"journeys, seed {args.seed}; 4-8 steps per interview, about 5% without consent. "
        f"Both sites use theme material (language en, font off) with `features: [navigation.prune]` "
        "and the search plugin; (a) adds the journeys plugin. (b) has the same interview files as "
        "plain pages (body plus the front-matter fields as a list) in its nav; the plugin keeps "
        "interview pages out of the nav. Each build is a separate `python -m mkdocs build` process "
        "writing to a fresh folder; cold builds start without `.cache/journeys`. Times are wall "
        "clock; " + "; ".join(
            f"at N={r.n:,}, the median of {builds_at(r.n, args)} cold builds of each, run alternately"
            if builds_at(r.n, args) > 1 else f"at N={r.n:,}, one cold build of each"
            for r in results
        ) + " (the peak RSS is the highest of them). Peak RSS is the largest sum of the resident set sizes of the build process and its worker processes "
        "(sampled every 20 ms; pages a forked worker shares with its parent count twice), or the "
        "largest process's own maximum if higher; CPU is the user plus system time of the process "
        "and its workers, less sensitive to other load on the machine. "
        "Load average (1 min) at the start and end: "
        f"{args.load_start} / {_load()}.",
        "",
        "## Builds",
        "",
        "| " + " | ".join(BUILD_COLUMNS) + " |",
        "|" + "|".join(" --- " if i == 0 else " ---: " for i in range(len(BUILD_COLUMNS))) + "|",
    ]
    for r in results:
        cells = (
            f"{r.n:,}", _timed(r.plugin), _timed(r.baseline), f"{r.ratio:.2f}",
            f"{r.plugin.cpu_seconds / r.baseline.cpu_seconds:.2f}",
            f"{r.plugin.peak_rss_mb:.0f} MB", f"{r.baseline.peak_rss_mb:.0f} MB", f"{r.rss_ratio:.2f}",
            _timed(r.warm), f"{r.check.seconds:.2f} s / {r.check_cold.seconds:.2f} s",
            f"{r.charts_in_site} ({r.charts_drawn_cold} / {r.charts_drawn_warm})",
        )
        out.append("| " + " | ".join(cells) + " |")
    out += [
        "",
        "Mean HTML size of an interview page: "
        + "; ".join(f"N={r.n:,}: (a) {r.plugin_page_kb:.0f} KB, (b) {r.baseline_page_kb:.0f} KB" for r in results)
        + ".",
    ]
    served = [r for r in results if r.serve]
    if served:
        out += [
            "",
            "## `mkdocs serve`: first build, then one interview file changed",
            "",
            ("A real `mkdocs serve` on 127.0.0.1; one interview's first step score is edited after the "
             "first build. \"Rebuild\" is MkDocs' own \"Documentation built in\" figure; \"change to reload\" "
             "runs from writing the file to \"Reloading browsers\" (it includes the file watcher's polling "
             "and MkDocs' 0.1 s settle delay)."),
            "",
            "| interviews | first build | rebuild | change to reload | charts redrawn in the rebuild |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for r in served:
            s = r.serve
            assert s is not None
            reused = f", {s.charts_reused} reused" if s.charts_reused is not None else ""
            out.append(
                f"| {r.n:,} | {s.first_build_s:.1f} s | {s.rebuild_s:.1f} s | {s.change_to_reload_s:.1f} s | "
                f"{s.charts_drawn}{reused} (from {s.charts_source}) |"
            )
    extra = [r for r in results if r.extra_baselines]
    if extra:
        out += [
            "",
            "## Other baselines",
            "",
            ("The same baseline pages with other nav settings, to show what the nav costs. "
             "With `navigation.prune` material still renders the open section of the nav into each "
             "page, here the baseline's month folder of the page (about N/24 pages)."),
            "",
            "| interviews | baseline | build | peak RSS | interview page | (a)/this | (a)/this CPU |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for r in extra:
            for name, (run, kb) in r.extra_baselines.items():
                out.append(
                    f"| {r.n:,} | {name} | {_timed(run)} | {run.peak_rss_mb:.0f} MB | {kb:.0f} KB | "
                    f"{r.plugin.seconds / run.seconds:.2f} | {r.plugin.cpu_seconds / run.cpu_seconds:.2f} |"
                )
    out += ["", "## Targets", "", "| target | result | measured |", "| --- | --- | --- |"]
    out += [f"| {t.name} | {t.verdict} | {t.detail} |" for t in found]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the journeys plugin against a plain MkDocs site.")
    parser.add_argument("--sizes", type=int, nargs="+", help="interview counts (default: 1000 10000)")
    parser.add_argument("--personas", type=int, default=6)
    parser.add_argument("--journeys", type=int, default=4)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=None,
                        help=f"builds per size, the median reported (default: 3 up to N={SMALL:,}, 1 above)")
    parser.add_argument("--serve-sizes", type=int, nargs="*", default=[1000],
                        help="sizes at which to measure mkdocs serve (default: 1000)")
    parser.add_argument("--noprune-baseline-at", type=int, nargs="*", default=[1000],
                        help="sizes at which to also build the baseline without navigation.prune "
                             "(quadratic: keep it small; default: 1000)")
    parser.add_argument("--hidden-baseline-at", type=int, nargs="*", default=[1000, 10000],
                        help="sizes at which to also build the baseline with its interview pages "
                             "out of the nav (default: 1000 10000)")
    parser.add_argument("--quick", action="store_true",
                        help="N = 20 (unless --sizes), no serve, no extra baselines: a smoke test")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="where to write the tables")
    parser.add_argument("--workdir", type=Path, help="keep the generated sites here (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the built sites too")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes = args.sizes or [20]
        args.serve_sizes, args.noprune_baseline_at, args.hidden_baseline_at = [], [], []
    sizes = sorted(set(args.sizes or [1000, 10000]))
    args.load_start = _load()
    command = "python benchmarks/run.py" + (" " + " ".join(argv if argv is not None else sys.argv[1:])).rstrip()

    temporary = None
    if args.workdir:
        workdir = args.workdir.resolve()
        workdir.mkdir(parents=True, exist_ok=True)
    else:
        temporary = tempfile.TemporaryDirectory(prefix="journeys-bench-")
        workdir = Path(temporary.name)
    try:
        results = []
        for n in sizes:
            target_dir = workdir / f"n{n}"
            if target_dir.exists():
                shutil.rmtree(target_dir)
            results.append(run_size(
                n, args, workdir, serve=n in args.serve_sizes, hidden=n in args.hidden_baseline_at,
                noprune=n in args.noprune_baseline_at,
            ))
    finally:
        if temporary is not None:
            temporary.cleanup()
    found = targets(results)
    text = report(results, found, args, command)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print()
    print(text)
    for target in found:
        print(f"{target.verdict:4}  {target.name}: {target.detail}")
    print(f"\nWrote {args.output}")
    return 1 if any(target.passed is False for target in found) else 0


if __name__ == "__main__":
    sys.exit(main())
