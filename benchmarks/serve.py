"""A real ``mkdocs serve``: its first build, then the rebuild after one interview file
changes, timed from MkDocs' own log lines."""

from __future__ import annotations

import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generate import GeneratedStudy
from measure import BUILD_TIMEOUT, ENV
from sites import cache_files, logged_charts

BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")
SNAPSHOT_SECONDS = 3  # let the file watcher take its first snapshot before the edit


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


def measure_serve(site_root: Path, study: GeneratedStudy, log_dir: Path) -> ServeResult:
    shutil.rmtree(site_root / ".cache", ignore_errors=True)
    address = f"127.0.0.1:{free_port()}"
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", "mkdocs.yml", "-a", address]
    start = time.monotonic()
    process = subprocess.Popen(
        command,
        cwd=site_root,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        watcher = LogWatcher(process.stdout, log_dir / "serve.log")
        serving, _ = watcher.wait_for("Serving on", start, BUILD_TIMEOUT)
        first = BUILT.findall(watcher.text_between(start, serving))
        time.sleep(SNAPSHOT_SECONDS)
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
        _stop(process)
    return ServeResult(
        first_build_s=float(first[-1]) if first else float("nan"),
        start_to_serving_s=serving - start,
        rebuild_s=float(rebuilt[-1]) if rebuilt else float("nan"),
        change_to_reload_s=reloaded - edited,
        charts_drawn=logged[0] if logged else drawn_files,
        charts_reused=logged[1] if logged else None,
        charts_source="plugin log" if logged else "new files in .cache/journeys",
    )


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def edit_one_interview(study: GeneratedStudy) -> Path:
    """Change the first step's score of the middle interview, as a researcher fixing a typo."""
    path = study.interviews[len(study.interviews) // 2]
    text = path.read_text(encoding="utf-8")
    match = re.search(r"^  score: ([0-9.]+)$", text, flags=re.MULTILINE)
    assert match, path
    new = "2" if match.group(1) != "2" else "9"
    path.write_text(text[: match.start(1)] + new + text[match.end(1) :], encoding="utf-8")
    return path
