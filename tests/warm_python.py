"""``python -m mkdocs …`` and ``python -m journeys.cli …`` for the tests, from a warm Python.

The tests run MkDocs and the CLI as users do, each in a process of its own; a cold Python
spends about half a second of CPU importing MkDocs, Material, Markdown, pydantic and the
plugin before it does anything, a few hundred times per test run. Each pytest worker keeps
one server process that has imported them (never matplotlib: some tests check it is not
imported); for each run the server forks, and the child sets the working folder and the
environment, runs the module as ``__main__`` with its output in files, and exits with its
exit code (atexit handlers and all). Apart from the imports already done, the child is the
process ``python -m`` would start. ``JOURNEYS_TESTS_COLD=1`` runs every one cold instead.

Run as a script, this module is the server: one JSON request per line on stdin, one JSON
reply per line on stdout.
"""

from __future__ import annotations

import atexit
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

WARM_IMPORTS = (
    "mkdocs.__main__",
    "mkdocs.commands.build",
    "mkdocs.commands.serve",
    "material.plugins.search.plugin",
    "material.plugins.offline.plugin",
    "markdown",
    "pymdownx.superfences",
    "pymdownx.details",
    "jinja2",
    "yaml",
    "pydantic",
    "journeys.mkdocs.plugin",
    "journeys.cli.commands",
)


# ---- the server ------------------------------------------------------------------------


def _child(request: dict[str, Any], out: int, err: int) -> None:
    """In the forked child: become ``python -m <module> <args>`` and never return."""
    import runpy

    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)  # not the server's requests
    os.dup2(out, 1)
    os.dup2(err, 2)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    sys.argv = [request["module"], *request["args"]]
    code: object = 0
    try:
        runpy.run_module(request["module"], run_name="__main__", alter_sys=True)
    except SystemExit as stop:
        code = stop.code
    except Exception:  # noqa: BLE001 (as the interpreter does: the traceback, then exit 1)
        import traceback

        traceback.print_exc()
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    raise SystemExit(code)  # runs the child's own atexit handlers, as a real exit does


def _run(request: dict[str, Any]) -> dict[str, Any]:
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        pid = os.fork()
        if pid == 0:
            _child(request, out.fileno(), err.fileno())
        deadline = time.monotonic() + request["timeout"]
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            if time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                return {"timeout": True}
            time.sleep(0.005)
        texts = []
        for handle in (out, err):
            handle.seek(0)
            texts.append(handle.read().decode("utf-8", "replace"))
    return {"returncode": os.waitstatus_to_exitcode(status), "stdout": texts[0], "stderr": texts[1]}


def serve() -> None:
    import importlib

    for name in WARM_IMPORTS:
        importlib.import_module(name)
    replies = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)  # what the modules print at import or in the server goes to stderr
    for line in sys.stdin:
        replies.write(json.dumps(_run(json.loads(line))) + "\n")
        replies.flush()


# ---- the tests' side -------------------------------------------------------------------


class _Server:
    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, __file__],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=os.environ | {"NO_MKDOCS_2_WARNING": "1"},
        )
        self.lock = threading.Lock()

    def run(self, request: dict[str, Any]) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        with self.lock:
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
            reply = self.process.stdout.readline()
        if not reply:
            raise RuntimeError("the warm Python stopped; run with JOURNEYS_TESTS_COLD=1 to see")
        answer: dict[str, Any] = json.loads(reply)
        return answer

    def stop(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=10)


_server: _Server | None = None


def run_module(
    module: str,
    args: list[str],
    cwd: Path | str,
    env: dict[str, str] | None = None,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    """What ``subprocess.run([sys.executable, "-m", module, *args], capture_output=True,
    text=True)`` returns; ``subprocess.TimeoutExpired`` after ``timeout`` seconds."""
    environment = dict(os.environ if env is None else env)
    command = [sys.executable, "-m", module, *args]
    if os.environ.get("JOURNEYS_TESTS_COLD", "") not in ("", "0"):
        return subprocess.run(
            command,
            check=False,
            cwd=cwd,
            env=environment,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    global _server
    if _server is None or _server.process.poll() is not None:
        _server = _Server()
        atexit.register(_server.stop)
    request = {"module": module, "args": args, "cwd": str(cwd), "env": environment}
    answer = _server.run(request | {"timeout": timeout})
    if answer.get("timeout"):
        raise subprocess.TimeoutExpired(command, timeout)
    return subprocess.CompletedProcess(
        command, answer["returncode"], answer["stdout"], answer["stderr"]
    )


if __name__ == "__main__":
    serve()
