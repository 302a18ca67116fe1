"""Time one command in its own process: wall and CPU time, peak memory of its process tree,
and whether it imported matplotlib. How these figures are defined: docs/performance.md."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
BUILD_TIMEOUT = 4 * 3600
PROBE = "BENCHMARK-PROBE "
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
SAMPLE_SECONDS = 0.02
PSS_SECONDS = 0.2
"""The proportional set size costs the kernel a walk of every page (about 4 ms for 400 MB):
it is read at most this often, and only when the resident sizes add up to more than the
highest proportional size yet (it can be no higher than they are)."""

# Runs a command's module in this interpreter and reports whether matplotlib was imported
# (the plugin must import it only when a chart is drawn): an audit hook, inherited by
# forked worker processes, reports each import as it happens (`importlib.import_module`
# raises no audit event, so it is watched too); a last line marks the end.
WRAPPER = f"""
import importlib, os, runpy, sys

def report():
    print("{PROBE}imported matplotlib in " + str(os.getpid()), file=sys.stderr, flush=True)

def probe(event, args):
    if event == "import" and args[0] == "matplotlib":
        report()

import_module = importlib.import_module

def watched_import_module(name, package=None):
    if name.split(".")[0] == "matplotlib" and "matplotlib" not in sys.modules:
        report()
    return import_module(name, package)

importlib.import_module = watched_import_module
sys.addaudithook(probe)
module, sys.argv = sys.argv[1], sys.argv[1:]
try:
    runpy.run_module(module, run_name="__main__", alter_sys=True)
finally:
    print("{PROBE}done", file=sys.stderr, flush=True)
"""


def environment(site_root: Path) -> dict[str, str]:
    """ENV for a run in ``site_root``: the user's cache folder (where the plugin keeps
    compiled templates) inside the site's own ``.cache``, which a cold build starts
    without; matplotlib keeps its usual font cache (a new one takes seconds to make)."""
    user_cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    fonts = os.environ.get("MPLCONFIGDIR") or str(user_cache / "matplotlib")
    return ENV | {"XDG_CACHE_HOME": str(site_root / ".cache" / "user"), "MPLCONFIGDIR": fonts}


@dataclass
class Run:
    seconds: float
    cpu_seconds: float
    """User plus system time of the process: less sensitive than wall time to other load."""
    peak_rss_mb: float
    """The largest sum of the resident sizes of the process tree: a page shared by a forked
    worker and its parent counts in each."""
    returncode: int
    log: str
    matplotlib: bool | None
    peak_pss_mb: float = 0.0
    """The largest sum of the proportional set sizes of the process tree: a shared page
    counts once, divided among the processes that share it (0 where the system has no
    ``/proc/<pid>/smaps_rollup``)."""

    def check(self, what: str) -> None:
        if self.returncode != 0:
            tail = "\n".join(self.log.splitlines()[-30:])
            raise SystemExit(f"benchmark: {what} failed with exit code {self.returncode}:\n{tail}")


def measure(module: str, args: list[str], cwd: Path, log_path: Path) -> Run:
    """Run ``python -m module args`` (through WRAPPER) and measure wall time and peak RSS."""
    command = [sys.executable, "-c", WRAPPER, module, *args]
    with open(log_path, "wb") as log:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=environment(cwd), stdout=log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + BUILD_TIMEOUT
        tree_peak = pss_peak = 0
        pss_read = 0.0
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            pids = tree(process.pid)
            rss = sum(resident(pid) for pid in pids)
            tree_peak = max(tree_peak, rss)
            if rss > pss_peak and time.monotonic() - pss_read >= PSS_SECONDS:
                pss_peak = max(pss_peak, sum(proportional(pid) for pid in pids))
                pss_read = time.monotonic()
            if time.monotonic() > deadline:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(SAMPLE_SECONDS)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    text = log_path.read_text(encoding="utf-8", errors="replace")
    imported = (PROBE + "imported matplotlib") in text if (PROBE + "done") in text else None
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    rss_kb = usage.ru_maxrss / 1024 if sys.platform == "darwin" else usage.ru_maxrss
    cpu = usage.ru_utime + usage.ru_stime
    peak_mb = max(rss_kb / 1024, tree_peak / 2**20)
    return Run(
        seconds, cpu, peak_mb, process.returncode, text, imported, peak_pss_mb=pss_peak / 2**20
    )


def tree(pid: int) -> list[int]:
    """``pid`` and all its descendants (Linux; only ``pid`` elsewhere)."""
    found = []
    pending = [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    pending.extend(int(child) for child in children.read().split())
        except (OSError, ValueError):  # gone meanwhile, or no /proc
            continue
    return found


def resident(pid: int) -> int:
    """Bytes resident in ``pid`` (0 when it is gone, or without /proc)."""
    try:
        with open(f"/proc/{pid}/statm") as statm:
            return int(statm.read().split()[1]) * PAGE_SIZE
    except (OSError, ValueError, IndexError):
        return 0


def proportional(pid: int) -> int:
    """The proportional set size of ``pid`` in bytes: its own pages, and its share of each
    page it shares (0 when it is gone, or without /proc)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


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
        peak_pss_mb=max(run.peak_pss_mb for run in runs),
    )


def build(site_root: Path, out: Path, log: Path) -> Run:
    """``mkdocs build`` of the site at ``site_root`` into a fresh ``out``; stops on failure."""
    if out.exists():
        shutil.rmtree(out)
    run = measure("mkdocs", ["build", "-f", "mkdocs.yml", "-d", str(out)], site_root, log)
    run.check(f"mkdocs build in {site_root}")
    return run


def check(site_root: Path, options: list[str], log: Path) -> Run:
    """``journeys check [options] content`` in ``site_root``; stops on failure."""
    run = measure("journeys.cli", ["check", *options, "content"], site_root, log)
    run.check(" ".join(["journeys check", *options]))
    return run
