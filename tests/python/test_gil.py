"""The GIL is released while the C++ core works: a second Python thread keeps running during a large draw."""

import threading
import time

import pytest

import ssrandom

SEED = "2024-01-05 中国福利彩票3D 开奖号码 3 1 7"


@pytest.fixture(scope="module")
def large():
    return ssrandom.Bureau.sample(entities=300000), ssrandom.Policy.load("hebei-xinle-2024")


def run_beside(work):
    """Runs ``work`` in a thread while this thread wakes up every millisecond (sleeping releases the GIL and
    leaves the CPU to the work); returns (seconds, turns, longest gap, result). The longest gap between two
    turns is the whole call when the work holds the GIL."""
    done = threading.Event()
    outcome = {}

    def target():
        try:
            outcome["value"] = work()
        finally:
            done.set()

    thread = threading.Thread(target=target)
    turns, gap = 0, 0.0
    start = last = time.perf_counter()
    thread.start()
    while not done.is_set():
        time.sleep(0.001)
        now = time.perf_counter()
        gap, last = max(gap, now - last), now
        turns += 1
    elapsed = time.perf_counter() - start
    thread.join()
    return elapsed, turns, gap, outcome.get("value")


def repeat_for(seconds, call):
    """Calls ``call`` until ``seconds`` have passed (at least once); returns (calls, last result). Repeating
    makes the test independent of how fast one call is on this machine."""
    start, calls, result = time.perf_counter(), 0, None
    while calls == 0 or time.perf_counter() - start < seconds:
        result, calls = call(), calls + 1
    return calls, result


def test_a_second_thread_runs_while_one_draws_and_verifies(large):
    # A call that holds the GIL stalls this thread for the whole call, so the longest gap is at least one
    # call's duration; a call that releases it leaves gaps of about a millisecond (more on a loaded machine,
    # far less than half a call).
    bureau, policy = large
    elapsed, turns, gap, (draws, result) = run_beside(
        lambda: repeat_for(1.0, lambda: ssrandom.draw(bureau, policy, "2024Q1", SEED, threads=1)))
    assert result is not None and len(result.plan) > 50000
    assert turns > draws
    assert gap < elapsed / draws / 2, f"this thread stalled {gap:.3f} s; one draw takes {elapsed / draws:.3f} s"
    elapsed, turns, gap, (verifications, verified) = run_beside(
        lambda: repeat_for(1.0, lambda: ssrandom.verify(result.record, bureau, policy)))
    assert verified.ok
    assert gap < elapsed / verifications / 2, (
        f"this thread stalled {gap:.3f} s; one verification takes {elapsed / verifications:.3f} s")


def test_two_draws_in_two_threads_give_the_same_record():
    bureau, policy = ssrandom.Bureau.sample(entities=20000), ssrandom.Policy.load("hebei-xinle-2024")
    results = [None, None]

    def work(i):
        results[i] = ssrandom.draw(bureau, policy, "2024Q1", SEED, threads=1)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results[0].record.digest() == results[1].record.digest()
