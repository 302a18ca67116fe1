"""Run a memory-hungry step of the build in a short-lived child process.

Reading thousands of interviews makes millions of small Python objects. Once freed, most
of that memory still stays with the process: CPython hands its small-object arenas back
to the system only when they are wholly empty, and a few survivors pin most of them. The
page HTML MkDocs makes afterwards then comes on top. Run in a forked child, the step's
memory goes back to the system when the child exits; only what it yields crosses back,
pickled through a pipe, item by item while the child works on.

Where that is not possible (Windows has no ``fork``; a process with threads must not
fork), the step runs in this process.
"""

from __future__ import annotations

import multiprocessing
import pickle
import threading
import traceback
from collections.abc import Callable, Generator
from multiprocessing.connection import Connection
from typing import Any, TypeVar

Y = TypeVar("Y")
R = TypeVar("R")

_YIELD, _RETURN, _RAISE = "yield", "return", "raise"


class WorkerStopped(RuntimeError):
    """The child process ended without an answer (killed, or out of memory)."""


def can_fork() -> bool:
    """Only where the system has ``fork``, and only from a process with one thread: a
    forked child gets a copy of other threads' locks, maybe held (``mkdocs serve``
    rebuilds while its server threads run)."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def in_child(work: Callable[[], Generator[Y, None, R]]) -> Generator[Y, None, R]:
    """``work()``, run in a forked child where :func:`can_fork`, else here: the same
    items, return value and exceptions either way."""
    if not can_fork():
        return (yield from work())
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_run, args=(work, sender), daemon=True)
    child.start()
    sender.close()
    try:
        while True:
            try:
                kind, value = receiver.recv()
            except EOFError:
                child.join()
                raise WorkerStopped(
                    f"the worker process stopped unexpectedly (exit code {child.exitcode})"
                ) from None
            if kind == _YIELD:
                yield value
            elif kind == _RETURN:
                return value  # type: ignore[no-any-return]
            else:
                raise value
    finally:
        receiver.close()
        if child.is_alive():
            child.terminate()
        child.join()


def _run(work: Callable[[], Generator[Any, None, Any]], sender: Connection) -> None:
    try:
        items = work()
        try:
            while True:
                sender.send((_YIELD, next(items)))
        except StopIteration as stop:
            sender.send((_RETURN, stop.value))
    except BaseException as error:  # noqa: BLE001 - every failure goes back to the parent
        sender.send((_RAISE, _picklable(error)))
    finally:
        sender.close()


def _picklable(error: BaseException) -> BaseException:
    """The error itself with the child's traceback as a note, or, if it cannot be pickled,
    a RuntimeError that carries its text."""
    where = "in the worker process:\n" + "".join(traceback.format_exception(error))
    try:
        pickle.dumps(error)
    except Exception:  # noqa: BLE001 - any pickling failure
        error = RuntimeError(f"{type(error).__name__}: {error}")
    error.add_note(where)
    return error


def drain(items: Generator[Y, None, R], each: Callable[[Y], object]) -> R:
    """Call ``each`` on every item of ``items``; return the generator's return value."""
    while True:
        try:
            item = next(items)
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]
        each(item)
