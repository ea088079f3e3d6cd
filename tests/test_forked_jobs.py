"""Generation jobs in forked processes: what they yield, how they fail, and that none outlives the caller."""

from __future__ import annotations

import os
import signal
import time

import pytest

from code2cot.builder.forked_jobs import JobDied, JobTraceback, run_forked
from code2cot.builder.leftovers import process_alive


def _count(start: int, stop: int):
    for value in range(start, stop):
        yield os.getpid(), value


def test_every_item_of_every_job_arrives_each_from_its_own_process():
    items = list(run_forked(_count, [{"start": 0, "stop": 500}, {"start": 500, "stop": 1000}]))
    assert sorted(value for _, value in items) == list(range(1000))
    pids = {pid for pid, _ in items}
    assert len(pids) == 2 and os.getpid() not in pids
    for pid in pids:  # reaped: no zombie left
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


def _fails_after(count: int, message: str):
    yield from range(count)
    raise OSError(28, message)


def test_a_job_that_raises_lets_the_others_finish_then_its_error_is_raised_with_its_traceback():
    seen = []
    with pytest.raises(OSError, match="disk full") as error:
        for item in run_forked(_fails_after, [{"count": 3, "message": "disk full"}, {"count": 10_000, "message": "x"}]):
            seen.append(item)
    assert len(seen) == 3 + 10_000, "the job that did not fail was cut short"
    assert isinstance(error.value.__cause__, JobTraceback)
    assert "_fails_after" in str(error.value.__cause__), "the job's traceback was lost"


class _Unpicklable(Exception):
    def __init__(self, a, b):
        super().__init__(f"{a}/{b}")


def _raises_unpicklable():
    yield 1
    raise _Unpicklable("left", "right")


def test_an_error_that_cannot_cross_processes_arrives_as_its_text():
    with pytest.raises(RuntimeError, match="_Unpicklable: left/right"):
        list(run_forked(_raises_unpicklable, [{}]))


def _dies(how: str):
    yield "started"
    if how == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    os._exit(3)


@pytest.mark.parametrize("how, said", [("kill", "killed by SIGKILL"), ("exit", "exit status 3")])
def test_a_job_that_dies_is_named_with_how_it_ended(how, said):
    with pytest.raises(JobDied, match=f"generation job 2 of 2 ended without finishing: {said}"):
        list(run_forked(_pick, [{"how": "ok"}, {"how": how}]))


def _pick(how: str):
    if how == "ok":
        yield "fine"
        return
    yield from _dies(how)


def _forever():
    yield os.getpid()
    while True:
        time.sleep(0.05)


def test_jobs_still_running_end_when_the_caller_stops():
    jobs = run_forked(_forever, [{}, {}])
    pids = [next(jobs), next(jobs)]
    assert all(process_alive(pid) for pid in pids)
    jobs.close()
    assert not any(process_alive(pid) for pid in pids)
