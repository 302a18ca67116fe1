"""Run a step of the build in a short-lived child process, for its memory or for time.

Memory (:func:`run`): reading thousands of interviews makes millions of small
Python objects. Once freed, most of that memory still stays with the process: CPython
hands its small-object arenas back to the system only when they are wholly empty, and a
few survivors pin most of them. The page HTML MkDocs makes afterwards then comes on top.
Run in a forked child, the step's memory goes back to the system when the child exits;
only what it yields crosses back, pickled through a pipe, item by item while the child
works on.

Time (:class:`Background`): a step whose result is needed only later in the build (the
charts, needed once MkDocs copies files) starts in a child and runs on another core
while MkDocs goes on with the pages. :class:`Consumer` is the same for a step that works
through what MkDocs makes page by page (the search index). :class:`Service` is a child
that stays to answer one request after another (`mkdocs serve`'s charts, drawn in every
rebuild by a child forked in the first).

Where that is not possible (Windows has no ``fork``; a process with threads must not
fork), the step runs in this process.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import multiprocessing
import os
import pickle
import queue
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Generator, Iterator
from multiprocessing.connection import Connection
from typing import Any, Generic, NoReturn, TypeVar, cast

X = TypeVar("X")
Y = TypeVar("Y")
R = TypeVar("R")

_YIELD, _RETURN, _RAISE = "yield", "return", "raise"

_HELD: set[Connection] = set()
"""The pipe ends this process holds to talk with its parent and its children. A child it
forks closes its copies: a pipe then ends when the process at its other end does (a
reader sees the end, a writer fails at once), not only once every other child did too."""


class WorkerStopped(RuntimeError):
    """The child process ended without an answer (killed, or out of memory)."""


LATER = 10
"""The niceness of a child whose result is needed only later (the charts, the guard's
watchlist and reading ahead): it takes what the build leaves idle."""


def can_fork() -> bool:
    """Only where the system has ``fork``, and only from a process with one thread: a
    forked child gets a copy of other threads' locks, maybe held (``mkdocs serve``
    rebuilds while its server threads run)."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def cores() -> int:
    """How many cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def run(work: Callable[[], Generator[Y, None, R]], *, forked: bool = True) -> Generator[Y, None, R]:
    """``work()``, run in a forked child when ``forked`` and :func:`can_fork`, else in this
    process: the same items, return value and exceptions either way."""
    if not forked or not can_fork():
        return (yield from work())
    result: R = yield from _Child(work, streams=True).items()
    return result


class Background(Generic[R]):
    """``work()`` started now in a forked child, to run beside this process until its
    :meth:`result` is asked for. Where a child cannot be forked, or with ``forked=False``,
    :meth:`result` runs it in this process instead."""

    def __init__(self, work: Callable[[], R], *, forked: bool = True, nice: int = 0) -> None:
        self._work = work
        self._child = (
            None if not forked or not can_fork() else _Child(work, streams=False, nice=nice)
        )

    def ready(self) -> bool:
        """Whether :meth:`result` would return at once: the child has answered (never
        where the work runs in this process: :meth:`result` runs it)."""
        return self._child is not None and self._child.receiver.poll()

    def result(self) -> R:
        if self._child is None:
            return self._work()
        result: R = drain(self._child.items(), lambda item: None)
        return result

    def stop(self) -> None:
        """End the child if it still runs (the build stopped before it was waited for)."""
        if self._child is not None:
            self._child.stop()


def in_parts(read: Callable[[X], R], parts: list[X]) -> list[R]:
    """``[read(part) for part in parts]``: each part but the first read in a forked child of
    its own, all at once (one by one where a child cannot be forked). The children share
    this process's memory as it is; what they find is sent back."""
    if not parts:
        return []
    children = [Background(functools.partial(read, part)) for part in parts[1:]]
    try:
        found = [read(parts[0])]
        found.extend(child.result() for child in children)
        return found
    finally:
        for child in children:
            child.stop()


class Flag:
    """A yes or no that this process and the children it forks from now on share: set
    here, seen there at once."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("fork" if can_fork() else None)
        self._value = context.Value("b", 0, lock=False)

    def set(self) -> None:
        self._value.value = 1

    def __bool__(self) -> bool:
        return bool(self._value.value)


class Consumer(Generic[X, R]):
    """``work(items)`` started now in a forked child, handed the items one by one as this
    process makes them (:meth:`send`), beside whatever this process does meanwhile;
    :meth:`result` ends the items and waits for its return value. Where a child cannot be
    forked, or with ``forked=False``, the items are kept and :meth:`result` runs ``work``
    here."""

    def __init__(
        self, work: Callable[[Iterator[X]], R], *, forked: bool = True, nice: int = 0
    ) -> None:
        self._work = work
        self._kept: list[X] = []
        self._child: _Child | None = None
        if forked and can_fork():
            inbox, self._sender = multiprocessing.get_context("fork").Pipe(duplex=False)
            sender = self._sender
            _widen(sender)
            # The child closes its copy of the sending end: killed, this process then ends
            # its inbox, and the child ends too.
            self._child = _Child(lambda: work(_received(inbox, sender)), streams=False, nice=nice)
            inbox.close()
            _HELD.add(self._sender)

    def send(self, item: X) -> None:
        if self._child is None:
            self._kept.append(item)
            return
        try:
            self._sender.send((_YIELD, item))
        except (BrokenPipeError, ConnectionResetError):  # it stopped: say why
            self._answer()

    def result(self) -> R:
        if self._child is None:
            return self._work(iter(self._kept))
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._sender.send((_RETURN, None))
        return self._answer()

    def _answer(self) -> R:
        """The child's return value, or its error raised here."""
        assert self._child is not None
        _close(self._sender)
        result: R = drain(self._child.items(), lambda item: None)
        return result

    def stop(self) -> None:
        """End the child if it still runs (the build stopped before it was waited for)."""
        if self._child is not None:
            _close(self._sender)
            self._child.stop()


class Service(Generic[X, R]):
    """A forked child that answers each request sent to it with ``answer(request)``, for
    as long as this process keeps it: `mkdocs serve` forks it in its first build, while
    this process has one thread, and asks it in every rebuild, which cannot fork (the
    server's threads run). :meth:`ask` sends a request and goes on; :meth:`answer` waits for
    the answer to the earliest request not yet answered, or raises its error. The child
    stays for the next request, unless it stopped (:meth:`running`). It takes each request
    as soon as it is sent, so this process may ask much before it reads any answer."""

    def __init__(
        self, answer: Callable[[X], R], *, first: Callable[[], object] | None = None
    ) -> None:
        """``first``: what the child does before it waits for the first request (importing
        what ``answer`` will need)."""
        inbox, self._sender = multiprocessing.get_context("fork").Pipe(duplex=False)
        sender = self._sender
        _widen(sender)

        def answers() -> Iterator[tuple[bool, Any]]:
            requests = _taken_at_once(inbox, sender)
            if first is not None:
                first()
            for request in requests:
                try:
                    yield True, answer(request)
                except Exception as error:  # noqa: BLE001 - said by the answer, not fatal
                    yield False, _picklable(error)

        self._child = _Child(answers, streams=True)
        inbox.close()
        _HELD.add(self._sender)
        self._answers = self._child.items()
        self._waiting = 0
        """Requests sent and not yet answered."""

    def running(self) -> bool:
        return self._child.process.is_alive()

    def ask(self, request: X) -> None:
        try:
            self._sender.send((_YIELD, request))
        except (BrokenPipeError, ConnectionResetError):
            raise WorkerStopped("the worker process stopped unexpectedly") from None
        self._waiting += 1

    def answer(self, within: float | None = None) -> R:
        """``within``: seconds to wait at most (else :class:`WorkerStopped`: a child that
        hangs, or was stopped, is given up on rather than waited for)."""
        if not self._waiting:
            raise RuntimeError("no request is waiting for its answer")
        if within is not None and not self._child.receiver.poll(within):
            raise WorkerStopped(f"the worker process gave no answer within {within:g} s")
        self._waiting -= 1
        try:
            answered, value = next(self._answers)
        except StopIteration:
            raise WorkerStopped("the worker process stopped unexpectedly") from None
        if not answered:
            raise value
        return cast(R, value)

    def waiting(self) -> int:
        return self._waiting

    def stop(self) -> None:
        _close(self._sender)
        self._answers.close()
        self._child.stop()  # also if it was never asked


STOP_SECONDS = 5
"""How long a child asked to stop may take before it is killed."""

PIPE_BYTES = 1 << 20
"""How much a :class:`Consumer`'s pipe holds (Linux; 64 KB by default): :meth:`~Consumer.send`
then waits only when the child is that far behind (the charts to draw are sent while it
still loads matplotlib), not as soon as it is busy."""


def _widen(end: Connection) -> None:
    # Not on Windows (no fcntl) or macOS (no F_SETPIPE_SZ); maybe over the system's limit.
    with contextlib.suppress(ImportError, AttributeError, OSError):
        import fcntl

        fcntl.fcntl(end.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)


def _received(inbox: Connection, sender: Connection) -> Iterator[Any]:
    """What the parent sends, until it says it is done (or is gone: ``EOFError``)."""
    sender.close()
    while True:
        kind, item = inbox.recv()
        if kind != _YIELD:
            return
        yield item


def _taken_at_once(inbox: Connection, sender: Connection) -> Iterator[Any]:
    """What the parent sends, as :func:`_received`, but taken from the pipe by a thread as
    soon as it is sent: the parent never waits to hand a request over, so it cannot wait
    there while this process waits to hand it an answer it has not read yet."""
    taken: queue.SimpleQueue[tuple[str, Any]] = queue.SimpleQueue()

    def take() -> None:
        try:
            for item in _received(inbox, sender):
                taken.put((_YIELD, item))
        except EOFError:  # the parent is gone
            pass
        taken.put((_RETURN, None))

    threading.Thread(target=take, name="requests", daemon=True).start()
    while True:
        kind, item = taken.get()
        if kind != _YIELD:
            return
        yield item


class _Child:
    """A forked child running ``work()``, and the pipe its answers come through: each item
    it yields if it ``streams``, then its return value or its error."""

    def __init__(self, work: Callable[[], Any], *, streams: bool, nice: int = 0) -> None:
        context = multiprocessing.get_context("fork")
        self.receiver, sender = context.Pipe(duplex=False)
        self.process = context.Process(
            target=_run, args=(work, streams, sender, self.receiver, nice), daemon=True
        )
        gc.freeze()  # the child's collections then leave the shared objects (and their pages) be
        try:
            self.process.start()
        finally:
            gc.unfreeze()
        sender.close()
        _HELD.add(self.receiver)

    def items(self) -> Generator[Any, None, Any]:
        try:
            while True:
                try:
                    kind, value = self.receiver.recv()
                except EOFError:
                    self.process.join()
                    raise WorkerStopped(
                        "the worker process stopped unexpectedly "
                        f"(exit code {self.process.exitcode})"
                    ) from None
                if kind == _YIELD:
                    yield value
                else:
                    self.process.join(timeout=10)  # it is done: let it end by itself
                    if kind == _RETURN:
                        return value
                    raise value
        finally:
            self.stop()

    def stop(self) -> None:
        # Ended before its pipe is closed: a child that is still writing to it must not
        # fail on the closed pipe and print a traceback of its own.
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(timeout=STOP_SECONDS)
        if self.process.is_alive():  # stuck handing over its last words through a full pipe
            self.process.kill()
        self.process.join()
        _close(self.receiver)


def _close(end: Connection) -> None:
    _HELD.discard(end)
    end.close()


def _run(
    work: Callable[[], Any], streams: bool, sender: Connection, receiver: Connection, nice: int
) -> None:
    for end in (*_HELD, receiver):  # its parent's (see _HELD)
        end.close()
    if nice:
        os.nice(nice)
    _HELD.clear()
    _HELD.add(sender)
    # It may start children of its own (the study's worker reads on every core); they end
    # with it, as it ends with its parent: ended by it (stop), it exits as Python does,
    # which ends them, rather than at once.
    multiprocessing.current_process().daemon = False
    signal.signal(signal.SIGTERM, _exit)
    try:
        if not streams:
            sender.send((_RETURN, work()))
            return
        items = work()
        try:
            while True:
                sender.send((_YIELD, next(items)))
        except StopIteration as stop:
            sender.send((_RETURN, stop.value))
    except BaseException as error:  # noqa: BLE001 - every failure goes back to the parent
        if not isinstance(error, Exception):  # SystemExit, KeyboardInterrupt: no answer
            error = WorkerStopped(f"the worker process stopped ({type(error).__name__})")
        with contextlib.suppress(OSError):  # its parent may be gone
            sender.send((_RAISE, _picklable(error)))
    finally:
        sender.close()


def _exit(signal_number: int, frame: object) -> NoReturn:
    raise SystemExit(128 + signal_number)


def _picklable(error: BaseException) -> BaseException:
    """The error itself with the child's traceback as a note, or, if it cannot be pickled
    and rebuilt, a RuntimeError that carries its text."""
    where = "in the worker process:\n" + "".join(traceback.format_exception(error))
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:  # noqa: BLE001 - any failure to pickle or to rebuild
        error = RuntimeError(f"{type(error).__name__}: {error}")
    if sys.version_info >= (3, 11):
        error.add_note(where)
    else:  # the same attribute, which Python 3.10 does not print
        error.__notes__ = [*getattr(error, "__notes__", []), where]
    return error


def drain(items: Generator[Y, None, R], each: Callable[[Y], object]) -> R:
    """Call ``each`` on every item of ``items``; return the generator's return value.
    If ``each`` fails, ``items`` is closed (a child behind it is ended)."""
    try:
        while True:
            try:
                item = next(items)
            except StopIteration as stop:
                return stop.value  # type: ignore[no-any-return]
            each(item)
    finally:
        items.close()
