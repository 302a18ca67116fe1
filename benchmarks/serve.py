"""A real ``mkdocs serve``, run as ``make serve`` runs it (``--dirty``): its first build, then
several edits of one interview file each, each timed from writing the file to MkDocs'
"Reloading browsers" and checked over HTTP (the edited page must have changed).

    .venv/bin/python benchmarks/serve.py --sizes 100 1000 --edits 5
    .venv/bin/python benchmarks/serve.py --sizes 1000 --clean   # without --dirty, to compare
"""

from __future__ import annotations

import argparse
import os
import random
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
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import GeneratedStudy
from measure import BUILD_TIMEOUT, environment
from sites import cache_files, journeys_site, logged_charts

BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")
SNAPSHOT_SECONDS = 3  # let the file watcher take its first snapshot before the first edit
SETTLE_SECONDS = 1.5  # between edits: the watcher's next snapshot, a distinct file time
WATCH_INTERVAL = 0.5
"""MkDocs' file watcher looks for changes this often: each edit waits a random part of it
more (seeded), so that edits fall anywhere in its cycle, as a researcher's saves do, rather
than at one place of it every time."""
SERVE_FLAGS = ["--dirty"]
"""As `make serve` and a new repository's README run it: docs/performance.md says why."""


@dataclass
class ServeResult:
    first_build_s: float
    """As logged by MkDocs ("Documentation built in ...")."""
    start_to_serving_s: float
    rebuild_s: float
    """The median rebuild as logged by MkDocs."""
    change_to_reload_s: float
    """The median time from writing the file to "Reloading browsers": what an editor waits."""
    charts_drawn: int
    """In the first edit's rebuild."""
    charts_reused: int | None
    charts_source: str
    flags: list[str] = field(default_factory=list)
    edits: list[float] = field(default_factory=list)
    """Each edit's change-to-reload time."""
    rebuilds: list[float] = field(default_factory=list)
    cpu_edits: list[float] = field(default_factory=list)
    """The serve process's CPU time (user plus system) from each edit to its reload: less
    sensitive than wall time to other work on the machine."""
    unchanged_pages: list[str] = field(default_factory=list)
    """Edited interviews whose page was served unchanged after the reload (must be none)."""
    load: tuple[float, float] = (0.0, 0.0)
    """The 1-minute load average at the start and the end."""


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
                        raise SystemExit(
                            f"benchmark: mkdocs serve stopped before {text!r}; see {self.copy}"
                        )
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise SystemExit(
                        f"benchmark: no {text!r} from mkdocs serve in {timeout:.0f} s; "
                        f"see {self.copy}"
                    )
                self.condition.wait(remaining)

    def text_between(self, start: float, end: float) -> str:
        with self.condition:
            return "\n".join(line for stamp, line in self.lines if start <= stamp <= end)


def measure_serve(
    site_root: Path,
    study: GeneratedStudy,
    log_dir: Path,
    *,
    edits: int = 5,
    flags: list[str] = SERVE_FLAGS,
) -> ServeResult:
    shutil.rmtree(site_root / ".cache", ignore_errors=True)
    address = f"127.0.0.1:{free_port()}"
    command = [sys.executable, "-m", "mkdocs", "serve", *flags, "-f", "mkdocs.yml"]
    load_start = os.getloadavg()[0]
    start = time.monotonic()
    process = subprocess.Popen(
        [*command, "-a", address],
        cwd=site_root,
        env=environment(site_root),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        watcher = LogWatcher(process.stdout, log_dir / "serve.log")
        serving, _ = watcher.wait_for("Serving on", start, BUILD_TIMEOUT)
        first = BUILT.findall(watcher.text_between(start, serving))
        time.sleep(SNAPSHOT_SECONDS)
        result = ServeResult(
            first_build_s=float(first[-1]) if first else float("nan"),
            start_to_serving_s=serving - start,
            rebuild_s=float("nan"),
            change_to_reload_s=float("nan"),
            charts_drawn=0,
            charts_reused=None,
            charts_source="",
            flags=list(flags),
        )
        jitter = random.Random(edits)
        for path in edited_interviews(study, edits):
            time.sleep(jitter.uniform(0, WATCH_INTERVAL))
            _timed_edit(watcher, address, site_root, path, result, process.pid)
            time.sleep(SETTLE_SECONDS)
    finally:
        _stop(process)
    if result.unchanged_pages:
        raise SystemExit(
            f"benchmark: after the reload, these edited interviews' pages were served "
            f"unchanged: {', '.join(result.unchanged_pages)}; see {log_dir / 'serve.log'}"
        )
    result.change_to_reload_s = statistics.median(result.edits)
    result.rebuild_s = statistics.median(result.rebuilds) if result.rebuilds else float("nan")
    result.load = (load_start, os.getloadavg()[0])
    return result


def _timed_edit(
    watcher: LogWatcher,
    address: str,
    site_root: Path,
    path: Path,
    result: ServeResult,
    pid: int,
) -> None:
    """Edit one interview, wait for the reload, and check its page changed."""
    url = f"http://{address}/interviews/{path.stem}/"
    page_before = _fetch(url)
    charts_before = cache_files(site_root)
    cpu_before = cpu_seconds(pid)
    edit_interview(path)
    edited = time.monotonic()
    reloaded, _ = watcher.wait_for("Reloading browsers", edited, BUILD_TIMEOUT)
    result.edits.append(reloaded - edited)
    result.cpu_edits.append(cpu_seconds(pid) - cpu_before)
    rebuild_log = watcher.text_between(edited, reloaded)
    result.rebuilds += [float(seconds) for seconds in BUILT.findall(rebuild_log)[-1:]]
    if _fetch(url) == page_before:
        result.unchanged_pages.append(path.stem)
    if len(result.edits) == 1:
        logged = logged_charts(rebuild_log)
        drawn_files = len(cache_files(site_root) - charts_before)
        result.charts_drawn = logged[0] if logged else drawn_files
        result.charts_reused = logged[1] if logged else None
        result.charts_source = "plugin log" if logged else "new files in .cache/journeys"
    print(f"  serve: changed {path.name}: reloaded after {reloaded - edited:.2f} s", flush=True)


def cpu_seconds(pid: int) -> float:
    """User plus system time of process ``pid`` so far (Linux; NaN elsewhere)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _fetch(url: str) -> bytes:
    """The page's bytes, or the HTTP error (a build that failed serves no page)."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return bytes(response.read())
    except urllib.error.HTTPError as error:
        return f"HTTP {error.code}".encode()


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def edited_interviews(study: GeneratedStudy, edits: int) -> list[Path]:
    """``edits`` interviews spread over the study (the middle one first)."""
    count = len(study.interviews)
    picks = [count // 2] + [(count * k) // (edits + 1) for k in range(1, edits + 1)]
    return [study.interviews[index] for index in dict.fromkeys(picks)][:edits]


def edit_interview(path: Path) -> None:
    """Change the first step's score, as a researcher fixing a typo."""
    text = path.read_text(encoding="utf-8")
    match = re.search(r"^  score: ([0-9.]+)$", text, flags=re.MULTILINE)
    assert match, path
    new = "2" if match.group(1) != "2" else "9"
    path.write_text(text[: match.start(1)] + new + text[match.end(1) :], encoding="utf-8")


def preview_at(
    n: int,
    root: Path,
    *,
    personas: int = 6,
    journeys: int = 4,
    seed: int = 1,
    edits: int = 5,
    flags: list[str] = SERVE_FLAGS,
) -> ServeResult:
    """Generate a study of ``n`` interviews in ``root`` (emptied first) and time its preview."""
    shutil.rmtree(root, ignore_errors=True)
    (root / "logs").mkdir(parents=True)
    study = journeys_site(root / "journeys", n, personas, journeys, seed)
    print(f"N = {n:,}: {' '.join(['mkdocs serve', *flags])}, then {edits} edits", flush=True)
    found = measure_serve(root / "journeys", study, root / "logs", edits=edits, flags=flags)
    print(
        f"N = {n:,}: first build {found.first_build_s:.1f} s; change to reload: median "
        f"{found.change_to_reload_s:.2f} s of {[round(s, 2) for s in found.edits]}; rebuild "
        f"median {found.rebuild_s:.2f} s; CPU from change to reload: median "
        f"{statistics.median(found.cpu_edits):.2f} s; load {found.load[0]:.1f} -> "
        f"{found.load[1]:.1f}",
        flush=True,
    )
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time mkdocs serve's edit-to-reload.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--clean", action="store_true", help="serve without --dirty")
    parser.add_argument("--workdir", type=Path, help="keep the generated sites here")
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="journeys-serve-"))
    flags = [] if args.clean else SERVE_FLAGS
    for n in args.sizes:
        preview_at(n, workdir / f"n{n}", edits=args.edits, flags=flags)
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
