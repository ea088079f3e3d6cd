"""Generation jobs in forked processes: what they yield, how they fail, and that none outlives the caller."""

from __future__ import annotations

import os
import signal
import time

import pytest

from code2cot.builder.dataset_builder import _merged_results
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


def _dies_beside_a_slow_one(index: int):
    yield index
    if index == 1:
        os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(30)
    yield "late"


def test_a_killed_job_stops_the_others_at_once():
    """Nothing can finish the build: the others must not go on (for hours of LLM requests)."""
    started = time.monotonic()
    with pytest.raises(JobDied, match="job 2 of 2 ended without finishing: killed by SIGKILL"):
        list(run_forked(_dies_beside_a_slow_one, [{"index": 0}, {"index": 1}]))
    assert time.monotonic() - started < 10


def _big(megabytes: int):
    yield b"x" * (megabytes << 20)


def test_a_large_item_arrives_in_time_that_grows_with_its_size_not_its_square():
    started = time.monotonic()
    (item,) = run_forked(_big, [{"megabytes": 64}])
    assert len(item) == 64 << 20
    assert time.monotonic() - started < 5  # ~0.2 s; a buffer copied on every read took ~13 s


def _interrupted_often(count: int):
    signal.signal(signal.SIGALRM, lambda *_: None)  # a handler: pipe writes return short instead of resuming
    signal.setitimer(signal.ITIMER_REAL, 0.0005, 0.0005)
    for index in range(count):
        yield index, b"y" * (4 << 20)
    signal.setitimer(signal.ITIMER_REAL, 0)


def test_items_cut_short_by_signals_are_written_whole():
    items = list(run_forked(_interrupted_often, [{"count": 3}]))
    assert [index for index, _ in items] == [0, 1, 2]
    assert all(len(data) == 4 << 20 for _, data in items)


def _interrupts_itself():
    os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C reaches the whole process group
    time.sleep(0.05)
    yield "went on"


def test_jobs_leave_ctrl_c_to_the_caller():
    assert list(run_forked(_interrupts_itself, [{}])) == ["went on"]


def test_output_buffered_before_the_fork_is_written_once(tmp_path):
    import subprocess
    import sys

    script = (
        "from code2cot.builder.forked_jobs import run_forked\n"
        "def job():\n    print('from the job')\n    yield 1\n"
        "print('before the jobs')\n"
        "assert list(run_forked(job, [{}, {}])) == [1, 1]\n"
    )
    out = tmp_path / "out.txt"
    with out.open("w") as handle:  # a file: block-buffered, as a redirected build's stdout is
        subprocess.run([sys.executable, "-c", script], stdout=handle, check=True,
                       env={k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"})
    assert sorted(out.read_text().splitlines()) == ["before the jobs", "from the job", "from the job"]


def test_no_descriptor_is_left_open():
    before = set(os.listdir("/proc/self/fd"))
    with pytest.raises(OSError):
        list(run_forked(_fails_after, [{"count": 2, "message": "disk full"}, {"count": 2, "message": "x"}]))
    jobs = run_forked(_forever, [{}, {}])
    next(jobs)
    jobs.close()
    assert set(os.listdir("/proc/self/fd")) == before


def test_results_of_several_jobs_add_up_as_datasets_adds_them():
    features = {"a": "int"}
    five = [(3, 30, features, 1, [3]), (4, 40, {"b": 1}, 2, [1, 3])]
    assert _merged_results(five) == (7, 70, features, 3, [3, 1, 3])  # datasets < 4.4
    seven = [row + (1, [3]) for row in five]
    assert _merged_results(seven) == (7, 70, features, 3, [3, 1, 3], 2, [3, 3])


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
