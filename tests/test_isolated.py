"""A build step run in a forked child: same items, return value and errors as in-process."""

from __future__ import annotations

import functools
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Generator, Iterator
from pathlib import Path

import pytest

from contentkit import is_running, wait_for_file, write_marker
from journeys.building import isolated


def counting(stop: int) -> Generator[tuple[int, int], None, str]:
    for number in range(stop):
        yield number, os.getpid()
    return f"counted to {stop}"


def drained(items: Generator[tuple[int, int], None, str]) -> tuple[list[int], set[int], str]:
    seen: list[tuple[int, int]] = []
    result = isolated.drain(items, seen.append)
    return [number for number, _ in seen], {pid for _, pid in seen}, result


@pytest.mark.usefixtures("forking")
def test_a_child_yields_the_same_items_and_returns_the_same_value_from_another_process() -> None:
    numbers, pids, result = drained(isolated.run(lambda: counting(1000)))

    assert (numbers, result) == (list(range(1000)), "counted to 1000")
    assert len(pids) == 1 and os.getpid() not in pids


def test_without_fork_the_work_runs_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(isolated, "can_fork", lambda: False)

    numbers, pids, result = drained(isolated.run(lambda: counting(3)))

    assert (numbers, pids, result) == ([0, 1, 2], {os.getpid()}, "counted to 3")


class Unpicklable(Exception):
    def __init__(self, message: str, handle: object) -> None:
        super().__init__(message)
        self.handle = handle


def failing(error: BaseException) -> Generator[int, None, None]:
    yield 1
    raise error


@pytest.mark.usefixtures("forking")
def test_an_error_in_the_child_is_raised_in_the_parent_with_the_childs_traceback() -> None:
    seen: list[int] = []
    with pytest.raises(ValueError, match="bad front matter") as raised:
        isolated.drain(isolated.run(lambda: failing(ValueError("bad front matter"))), seen.append)

    assert seen == [1]
    assert "in the worker process" in "".join(raised.value.__notes__)
    assert "in failing" in "".join(raised.value.__notes__)


@pytest.mark.usefixtures("forking")
def test_an_error_that_cannot_be_pickled_arrives_as_its_text() -> None:
    with pytest.raises(RuntimeError, match="Unpicklable: locked out"):
        isolated.drain(
            isolated.run(lambda: failing(Unpicklable("locked out", lambda: None))), print
        )


def killed() -> Generator[int, None, None]:
    yield 1
    os.kill(os.getpid(), signal.SIGKILL)
    yield 2


@pytest.mark.usefixtures("forking")
def test_a_child_that_is_killed_is_reported_not_waited_for() -> None:
    with pytest.raises(isolated.WorkerStopped, match=r"stopped unexpectedly \(exit code -9\)"):
        isolated.drain(isolated.run(killed), lambda item: None)


def resident_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def many_small_objects() -> Generator[int, None, list[dict[str, object]]]:
    held = [{"stage": str(number), "score": float(number)} for number in range(1_000_000)]
    yield len(held)
    return held[::1000]  # a few survivors, spread over all of that memory


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="reads Linux's /proc")
@pytest.mark.usefixtures("forking")
def test_the_childs_memory_is_not_kept_by_this_process() -> None:
    before = resident_mb()
    survivors = isolated.drain(isolated.run(many_small_objects), lambda item: None)
    after = resident_mb()

    assert len(survivors) == 1000  # out of about 300 MB of small objects while the child ran
    assert after - before < 30


def test_a_process_with_other_threads_does_not_fork() -> None:
    started, release = threading.Event(), threading.Event()
    server = threading.Thread(target=lambda: (started.set(), release.wait(10)))
    server.start()
    started.wait(10)
    try:
        _, pids, _ = drained(isolated.run(lambda: counting(2)))
    finally:
        release.set()
        server.join()

    assert pids == {os.getpid()}


def marking(marker: Path, value: int) -> int:
    write_marker(marker, str(os.getpid()))
    return value + os.getpid()


@pytest.mark.usefixtures("forking")
def test_background_work_starts_at_once_and_its_result_is_waited_for(tmp_path: Path) -> None:
    marker = tmp_path / "started"
    work = isolated.Background(lambda: marking(marker, 1))

    assert wait_for_file(marker)  # running before anyone asked for its result
    child = int(marker.read_text())

    assert work.result() == child + 1 and child != os.getpid()


def test_background_work_asked_to_run_here_runs_when_its_result_is_asked_for(
    tmp_path: Path,
) -> None:
    marker = tmp_path / "started"
    work = isolated.Background(lambda: marking(marker, 1), forked=False)

    assert not marker.exists()
    assert work.result() == os.getpid() + 1


def endless(marker: Path) -> Generator[int, None, None]:
    write_marker(marker, str(os.getpid()))
    while True:
        yield 1


@pytest.mark.usefixtures("forking")
def test_stopping_background_work_ends_its_child(tmp_path: Path) -> None:
    marker = tmp_path / "started"
    work = isolated.Background(lambda: write_marker(marker, str(os.getpid())) or time.sleep(60))
    assert wait_for_file(marker)

    work.stop()

    assert not is_running(int(marker.read_text()))


@pytest.mark.usefixtures("forking")
def test_a_child_is_ended_when_what_takes_its_items_fails(tmp_path: Path) -> None:
    marker = tmp_path / "started"

    def refuse(item: int) -> None:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        isolated.drain(isolated.run(lambda: endless(marker)), refuse)

    assert not is_running(int(marker.read_text()))


class NeedsTwo(Exception):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


@pytest.mark.usefixtures("forking")
def test_an_error_that_pickles_but_cannot_be_rebuilt_arrives_as_its_text() -> None:
    with pytest.raises(RuntimeError, match="NeedsTwo: no such chart"):
        isolated.drain(isolated.run(lambda: failing(NeedsTwo("no such chart", 2))), print)


def summed(numbers: Iterator[int]) -> tuple[int, int, int]:
    """The items' count and sum, and the process that counted them."""
    seen = list(numbers)
    return len(seen), sum(seen), os.getpid()


@pytest.mark.usefixtures("forking")
def test_a_consumer_child_works_through_the_items_sent_to_it_in_another_process() -> None:
    consumer = isolated.Consumer(summed)
    for number in range(5000):  # more than a pipe holds: sending waits for the child
        consumer.send(number)

    count, total, pid = consumer.result()

    assert (count, total) == (5000, sum(range(5000)))
    assert pid != os.getpid()


def busy_until(marker: Path, items: Iterator[bytes]) -> tuple[bool, int]:
    """Busy (as a child loading matplotlib) until ``marker`` exists, or 20 s have passed;
    then takes the items. Whether the marker came, and the bytes taken."""
    came = wait_for_file(marker, seconds=20)
    return came, sum(len(item) for item in items)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a pipe's size is set on Linux")
@pytest.mark.usefixtures("forking")
def test_sending_to_a_busy_consumer_child_does_not_wait_for_it(tmp_path: Path) -> None:
    marker = tmp_path / "go"
    consumer = isolated.Consumer(functools.partial(busy_until, marker))
    for _ in range(64):  # 512 KB: eight times what a pipe holds by default
        consumer.send(bytes(8 * 1024))
    write_marker(marker, "sent")  # only once every send has returned

    assert consumer.result() == (True, 64 * 8 * 1024)


@pytest.mark.usefixtures("forking")
def test_a_child_may_run_at_a_lower_priority() -> None:
    niceness = os.nice(0)

    assert isolated.Background(functools.partial(os.nice, 0), nice=10).result() == min(
        niceness + 10, 19
    )
    assert isolated.Background(functools.partial(os.nice, 0)).result() == niceness


def test_without_fork_a_consumer_works_through_the_items_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(isolated, "can_fork", lambda: False)
    consumer = isolated.Consumer(summed)
    for number in (3, 4):
        consumer.send(number)

    assert consumer.result() == (2, 7, os.getpid())


def failing_on(bad: int) -> Callable[[Iterator[int]], None]:
    def work(numbers: Iterator[int]) -> None:
        for number in numbers:
            if number == bad:
                raise ValueError(f"cannot take {number}")

    return work


@pytest.mark.usefixtures("forking")
def test_a_consumer_childs_error_is_raised_by_result() -> None:
    consumer = isolated.Consumer(failing_on(3))
    for number in range(10):
        consumer.send(number)

    with pytest.raises(ValueError, match="cannot take 3"):
        consumer.result()


@pytest.mark.usefixtures("forking")
def test_sending_to_a_consumer_child_that_failed_raises_its_error() -> None:
    consumer = isolated.Consumer(failing_on(0))

    with pytest.raises(ValueError, match="cannot take 0"):  # once the pipe is full, at most
        for number in range(100_000):
            consumer.send(number)


@pytest.mark.usefixtures("forking")
def test_a_stopped_consumer_leaves_no_child_running() -> None:
    consumer = isolated.Consumer(summed)
    consumer.send(1)
    child = consumer._child
    assert child is not None and child.process.is_alive()

    consumer.stop()

    assert not child.process.is_alive()


def with_background_of_its_own() -> Generator[int, None, int]:
    """A worker's work: it starts background work of its own (a child of the child)."""
    yield os.getpid()
    return isolated.Background(os.getpid).result()


@pytest.mark.usefixtures("forking")
def test_a_worker_may_start_background_work_of_its_own() -> None:
    workers: list[int] = []
    its_own = isolated.drain(isolated.run(with_background_of_its_own), workers.append)

    assert len({os.getpid(), *workers, its_own}) == 3  # this process, the worker, its child


def waiting_for(go: Path, answer: object) -> object:
    assert wait_for_file(go, seconds=30)
    return answer


@pytest.mark.usefixtures("forking")
def test_background_work_is_ready_once_its_child_has_answered(tmp_path: Path) -> None:
    work = isolated.Background(lambda: waiting_for(tmp_path / "go", 7))
    time.sleep(0.2)
    assert not work.ready()

    write_marker(tmp_path / "go", "")
    deadline = time.monotonic() + 10
    while not work.ready() and time.monotonic() < deadline:
        time.sleep(0.01)

    assert work.ready() and work.result() == 7


def test_background_work_that_runs_here_is_never_ready_before_its_result_is_asked_for() -> None:
    work = isolated.Background(os.getpid, forked=False)

    assert not work.ready() and work.result() == os.getpid()


def has_ended(pid: int) -> bool:
    """Gone, or a zombie nobody reaped (an orphan's new parent may not)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


def answering_once_told(marker: Path, go: Path) -> str:
    write_marker(marker, str(os.getpid()))
    if not wait_for_file(go, seconds=20):
        write_marker(marker.with_name("gave up"), "")
    return "x" * 2**20


def dying_with_background_work(marker: Path, go: Path) -> Generator[int, None, None]:
    """A worker that starts background work with a long answer, then is killed."""
    isolated.Background(lambda: answering_once_told(marker, go))
    assert wait_for_file(marker)
    yield int(marker.read_text())
    os.kill(os.getpid(), signal.SIGKILL)
    yield 0


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="reads Linux's /proc")
@pytest.mark.usefixtures("forking")
def test_a_killed_worker_is_reported_at_once_and_its_background_work_ends_when_it_answers(
    tmp_path: Path,
) -> None:
    marker, go = tmp_path / "started", tmp_path / "go"
    started: list[int] = []
    stopped: list[BaseException] = []

    def drained() -> None:
        try:
            isolated.drain(
                isolated.run(lambda: dying_with_background_work(marker, go)), started.append
            )
        except isolated.WorkerStopped as error:
            stopped.append(error)

    draining = threading.Thread(target=drained, daemon=True)
    draining.start()
    draining.join(timeout=15)
    (orphan,) = started
    hung = draining.is_alive()
    if hung:  # the killed worker's child held its pipe open: end it, and with it the wait
        os.kill(orphan, signal.SIGKILL)
        draining.join()
    assert not hung and stopped
    assert not (tmp_path / "gave up").exists() and not has_ended(orphan)

    write_marker(go, "")  # its answer, far more than a pipe holds, has nobody to read it
    deadline = time.monotonic() + 10
    while not has_ended(orphan) and time.monotonic() < deadline:
        time.sleep(0.05)

    assert has_ended(orphan)


def with_lasting_background_work(marker: Path) -> Generator[int, None, None]:
    isolated.Background(lambda: write_marker(marker, str(os.getpid())) or time.sleep(60))
    assert wait_for_file(marker)
    yield int(marker.read_text())
    time.sleep(60)
    yield 0


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="reads Linux's /proc")
@pytest.mark.usefixtures("forking")
def test_a_worker_ended_by_its_parent_ends_its_background_work_too(tmp_path: Path) -> None:
    items = isolated.run(lambda: with_lasting_background_work(tmp_path / "started"))
    its_own = next(items)
    assert not has_ended(its_own)

    items.close()  # what the parent does when the build stops: the worker is ended

    assert has_ended(its_own)


def square_of(number: int) -> tuple[int, int]:
    """A service's answer: the number's square, and the process that worked it out."""
    if number < 0:
        raise ValueError(f"no square for {number} here")
    return number * number, os.getpid()


@pytest.mark.usefixtures("forking")
def test_a_service_answers_each_request_in_turn_in_one_child_that_stays() -> None:
    service = isolated.Service(square_of)
    try:
        for number in (2, 3):
            service.ask(number)
        assert service.waiting() == 2
        (four, first), (nine, second) = service.answer(), service.answer()
        service.ask(5)
        twenty_five, third = service.answer()
    finally:
        service.stop()

    assert (four, nine, twenty_five) == (4, 9, 25)
    assert first == second == third != os.getpid()


@pytest.mark.usefixtures("forking")
def test_a_services_error_is_raised_by_its_answer_and_the_service_answers_on() -> None:
    service = isolated.Service(square_of)
    try:
        service.ask(-1)
        with pytest.raises(ValueError, match="no square for -1 here"):
            service.answer()
        service.ask(4)
        assert service.answer()[0] == 16
        assert service.running()
    finally:
        service.stop()


@pytest.mark.usefixtures("forking")
def test_a_service_does_its_first_work_before_the_first_request(tmp_path: Path) -> None:
    marker = tmp_path / "first"
    service = isolated.Service(square_of, first=lambda: write_marker(marker, str(os.getpid())))
    try:
        assert wait_for_file(marker)  # without a request
        service.ask(3)
        assert service.answer() == (9, int(marker.read_text(encoding="utf-8")))
    finally:
        service.stop()


@pytest.mark.usefixtures("forking")
def test_a_service_whose_child_was_killed_says_so_and_stop_leaves_no_child() -> None:
    service = isolated.Service(square_of)
    service.ask(1)
    pid = service.answer()[1]
    os.kill(pid, signal.SIGKILL)
    service._child.process.join(timeout=10)
    assert not service.running()

    with pytest.raises(isolated.WorkerStopped):
        service.ask(2)
        service.answer()
    service.stop()
    assert not is_running(pid)


@pytest.mark.usefixtures("forking")
def test_stopping_a_service_never_asked_ends_its_child() -> None:
    service = isolated.Service(square_of)
    child = service._child.process
    assert child.is_alive()

    service.stop()

    assert not child.is_alive()


def echoed(text: str) -> str:
    return text


@pytest.mark.usefixtures("forking")
def test_a_service_asked_much_more_than_its_pipes_hold_before_any_answer_is_read() -> None:
    """Its answers fill their pipe while this process still hands it requests: it takes
    requests as they come, so neither waits for the other for ever."""
    service = isolated.Service(echoed)
    requests = [f"{n:04d}" + "x" * 200_000 for n in range(60)]  # 12 MB each way
    asked = threading.Thread(
        target=lambda: [service.ask(request) for request in requests], daemon=True
    )
    try:
        asked.start()
        asked.join(timeout=60)
        if asked.is_alive():
            os.kill(service._child.process.pid, signal.SIGKILL)
            pytest.fail("handing the requests over waited for ever")
        assert [service.answer() for _ in requests] == requests
    finally:
        service.stop()
