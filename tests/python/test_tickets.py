"""Tickets and samples cross-checked against Ronald Rivest's consistent_sampler, the independent tool anyone
may use to re-check a published draw (RULES §7); plus USCC checks and the ``ssrandom tickets`` command."""

import random
import string
import subprocess
import sys

import consistent_sampler
import pytest

import ssrandom
from ssrandom import _core

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CHINESE = "新乐市某某化工有限公司石家庄生态环境局河北邯邰杜固承安正莫开发区三产"


def random_uscc(rng: random.Random) -> str:
    first17 = "".join(rng.choice(ALPHABET) for _ in range(17))
    return first17 + ssrandom.uscc_check_character(first17)


def random_id(rng: random.Random) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        return "".join(rng.choice(string.printable) for _ in range(rng.randrange(0, 40)))
    if kind == 1:
        return "".join(rng.choice(CHINESE) for _ in range(rng.randrange(1, 30)))  # up to 90 UTF-8 bytes
    if kind == 2:
        return random_uscc(rng)
    return f"{rng.choice(['A', 'B', 'key', '重点'])}-{rng.randrange(10**6)}"


def random_seed(rng: random.Random) -> str:
    kind = rng.randrange(3)
    if kind == 0:
        return "".join(rng.choice(string.digits) for _ in range(20))  # 20 decimal dice
    if kind == 1:
        return "".join(rng.choice(string.ascii_letters + string.punctuation) for _ in range(rng.randrange(1, 30)))
    return f"福彩3D 第{rng.randrange(2024000, 2024366)}期 {rng.randrange(1000):03d}"


def distinct_ids(rng: random.Random, count: int):
    ids = list(dict.fromkeys(random_id(rng) for _ in range(count)))
    rng.shuffle(ids)
    return ids


# --- RULES §7 public values ---

def test_published_pet_tickets():
    assert ssrandom.ticket("xy()134!g2n", "cat") == \
        "0.24866413894129579898796850445568128508290132707747976039848637531569373309555"
    assert ssrandom.ticket("xy()134!g2n", "fish") == \
        "0.74685932088827950509145941729789143204056041958068799542050396198792954500593"
    assert ssrandom.sample("xy()134!g2n", ["dog", "cat", "fish", "goat"]) == ["cat", "dog", "goat", "fish"]


def test_published_first_four_of_seed_314159():
    ids = ["A-1", "A-2", "A-3", "B-1", "B-2", "B-3"]
    assert ssrandom.sample("314159", ids, 4) == ["B-2", "B-3", "A-3", "A-2"]
    assert ssrandom.sample(314159, ids, 4) == ["B-2", "B-3", "A-3", "A-2"]  # int seeds are str()-ed


# --- Cross-checks against consistent_sampler ---

def test_tickets_equal_consistent_sampler_first_fraction():
    rng = random.Random(20240701)
    for _ in range(40):
        seed = random_seed(rng)
        ids = [random_id(rng) for _ in range(50)]
        expected = [consistent_sampler.first_fraction(id_, seed) for id_ in ids]
        assert ssrandom.tickets(seed, ids) == expected
        assert ssrandom.ticket(seed, ids[0]) == expected[0]


def test_ticket_is_uniform_of_seed_hash_plus_id():
    rng = random.Random(7)
    for _ in range(200):
        seed, id_ = random_seed(rng), random_id(rng)
        assert _core.ticket(seed, id_) == \
            consistent_sampler.sha256_uniform(consistent_sampler.sha256_hex(seed) + id_)


def test_samples_without_replacement_equal_consistent_sampler():
    rng = random.Random(31415)
    for _ in range(30):
        seed = random_seed(rng)
        ids = distinct_ids(rng, rng.randrange(1, 400))
        n = rng.randrange(0, len(ids) + 3)
        expected = list(consistent_sampler.sampler(ids, seed=seed, with_replacement=False, take=n, output="id"))
        assert ssrandom.sample(seed, ids, n) == expected
        full = list(consistent_sampler.sampler(ids, seed=seed, with_replacement=False, output="id"))
        assert ssrandom.sample(seed, ids) == full
        assert ssrandom.sample(seed, ids, threads=1) == ssrandom.sample(seed, ids, threads=2)


def test_sample_with_tickets_equals_consistent_sampler_tickets():
    ids = ["新乐市某某化工有限公司", "91310110666007217T", "91310115591693856A", "A-1", ""]
    seed = "2024-Q3 福彩3D 118"
    expected = [(t.ticket_number, t.id) for t in
                sorted(consistent_sampler.first_ticket(id_, seed) for id_ in ids)]
    assert ssrandom.sample(seed, ids, with_tickets=True) == expected


def test_large_pool_on_two_threads_equals_consistent_sampler():
    rng = random.Random(99)
    ids = [f"9113018{i:010d}" for i in range(40000)]  # large enough for two hashing threads
    seed = random_seed(rng)
    expected = list(consistent_sampler.sampler(ids, seed=seed, with_replacement=False, take=1200, output="id"))
    assert ssrandom.sample(seed, ids, 1200, threads=2) == expected


def test_many_tickets_on_several_threads_equal_consistent_sampler():
    rng = random.Random(2026)
    seed = random_seed(rng)
    ids = [random_id(rng) for _ in range(20000)]  # enough for two and three parts of 4,096 or more
    expected = [consistent_sampler.first_fraction(id_, seed) for id_ in ids]
    assert ssrandom.tickets(seed, ids, threads=1) == expected
    assert ssrandom.tickets(seed, ids, threads=3) == expected
    assert ssrandom.tickets(seed, ids) == expected


def test_larger_sample_extends_smaller_sample():
    ids = [f"entity-{i}" for i in range(500)]
    small, large = ssrandom.sample("s", ids, 15), ssrandom.sample("s", ids, 150)
    assert large[:15] == small


def test_ids_from_pandas_like_iterables_and_ints():
    assert ssrandom.sample("314159", iter(["A-1", "A-2"])) == ssrandom.sample("314159", ("A-1", "A-2"))
    assert ssrandom.sample("seed", [1, 2, 3]) == ssrandom.sample("seed", ["1", "2", "3"])
    with pytest.raises(TypeError):
        ssrandom.sample("seed", [1.5])
    with pytest.raises(TypeError):
        ssrandom.sample("seed", "A-1")


def test_bad_draws_are_invalid_input():
    with pytest.raises(ssrandom.InvalidInputError, match="empty"):
        ssrandom.sample("", ["a"])
    with pytest.raises(ssrandom.InvalidInputError, match="spaces"):
        ssrandom.ticket(" \u3000", "a")
    with pytest.raises(ssrandom.InvalidInputError, match="more than once.*'a'"):
        ssrandom.sample("seed", ["a", "b", "a"])
    with pytest.raises(ssrandom.InvalidInputError, match="negative"):
        ssrandom.sample("seed", ["a"], -1)
    with pytest.raises(ValueError):  # InvalidInputError is a ValueError
        ssrandom.tickets("", ["a"])


def test_empty_pool_and_zero_draws():
    assert ssrandom.sample("seed", []) == []
    assert ssrandom.sample("seed", ["a", "b"], 0) == []
    assert ssrandom.tickets("seed", []) == []


# --- USCC ---

def test_check_uscc():
    assert ssrandom.check_uscc("91310110666007217T") == (True, "valid")
    assert ssrandom.check_uscc("91310115591693856A").valid
    valid, message = ssrandom.check_uscc("91310110666007217A")
    assert not valid and "'T'" in message and "position 18" in message
    valid, message = ssrandom.check_uscc("91310110666007217t")
    assert not valid and "lowercase" in message
    assert "17 characters" in ssrandom.check_uscc("9131011066600721T").message
    assert "full-width" in ssrandom.check_uscc("９1310110666007217T").message
    assert ssrandom.uscc_check_character("91310110666007217") == "T"
    assert ssrandom.uscc_check_character("9131011066600721") is None


def test_generated_usccs_are_valid():
    rng = random.Random(5)
    for _ in range(500):
        assert ssrandom.check_uscc(random_uscc(rng)).valid


# --- The command ---

def run_cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "ssrandom", "tickets", *args], capture_output=True, text=True,
                          encoding="utf-8", input=stdin)


def test_cli_prints_tickets_in_draw_order():
    ids = ["A-1", "A-2", "A-3", "B-1", "B-2", "B-3"]
    out = run_cli("--seed", "314159", *ids)
    assert out.returncode == 0, out.stderr
    lines = [line.split("\t") for line in out.stdout.splitlines()]
    assert [id_ for _, id_ in lines][:4] == ["B-2", "B-3", "A-3", "A-2"]
    assert [ticket for ticket, _ in lines] == sorted(consistent_sampler.first_fraction(i, "314159") for i in ids)


def test_cli_reads_ids_file_and_takes_n(tmp_path):
    rng = random.Random(3)
    ids = distinct_ids(rng, 60)
    ids = [id_ for id_ in ids if id_ and "\n" not in id_ and "\r" not in id_ and "\t" not in id_]
    ids_file = tmp_path / "ids.txt"
    ids_file.write_text("\ufeff" + "\r\n".join(ids) + "\r\n\r\n", encoding="utf-8")  # BOM, CRLF, blank line
    seed = "20 dice: 31415926535897932384"
    out = run_cli("--seed", seed, "--ids-file", str(ids_file), "-n", "10")
    assert out.returncode == 0, out.stderr
    expected = list(consistent_sampler.sampler(ids, seed=seed, take=10, output="id"))
    assert [line.split("\t")[1] for line in out.stdout.splitlines()] == expected

    from_stdin = run_cli("--seed", seed, "--ids-file", "-", "-n", "10", stdin="\n".join(ids))
    assert from_stdin.stdout == out.stdout


def test_cli_rejects_bad_input():
    empty_seed = run_cli("--seed", "", "a")
    assert empty_seed.returncode == 2 and "empty" in empty_seed.stderr
    no_ids = run_cli("--seed", "314159")
    assert no_ids.returncode == 2 and "no ids" in no_ids.stderr
    duplicate = run_cli("--seed", "314159", "a", "a")
    assert duplicate.returncode == 2 and "more than once" in duplicate.stderr
    missing = run_cli("--seed", "314159", "--ids-file", "/nonexistent/ids.txt")
    assert missing.returncode == 2 and "/nonexistent/ids.txt" in missing.stderr
