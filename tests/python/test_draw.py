import json
import os
import subprocess
import sys

import consistent_sampler
import pytest

import ssrandom

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(REPO, "data", "sample_bureau")
SEED = "2024-01-05 中国福利彩票3D 开奖号码 3 1 7"


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "ssrandom", *args], capture_output=True, text=True)


@pytest.fixture(scope="module")
def bureau():
    return ssrandom.Bureau.sample()


@pytest.fixture(scope="module")
def policy():
    return ssrandom.Policy.load("hebei-xinle-2024")


@pytest.fixture(scope="module")
def drawn(bureau, policy):
    return ssrandom.draw(bureau, policy, "2024Q1", SEED, "test")


def test_every_stratum_meets_its_quota(drawn):
    for stratum in drawn.record.strata:
        assert len(stratum["selected"]) == stratum["quota"], stratum["stratum"]
    assert len(drawn.plan) == sum(s["quota"] for s in drawn.record.strata)


def test_consistent_sampler_reproduces_each_stratum(bureau, policy, drawn):
    """The independent verifier: the consistent_sampler package draws the same entities from each stratum."""
    classification = ssrandom.classify(bureau, policy, "2024Q1")
    rows = classification.to_rows()
    for stratum in drawn.record.strata:
        members = [row["id"] for row in rows if row["pool"] == stratum["pool"] and
                   (not stratum["credit_class"] or row["credit"] == stratum["credit_class"])]
        assert len(members) == stratum["pool_size"], stratum["stratum"]
        expected = list(consistent_sampler.sampler(members, seed=SEED, with_replacement=False,
                                                   take=stratum["quota"], output="id"))
        assert [e["id"] for e in stratum["selected"]] == expected, stratum["stratum"]


def test_draw_is_deterministic_and_verifies(bureau, policy, drawn):
    again = ssrandom.draw(bureau, policy, "2024Q1", SEED, "test")
    assert again.plan.to_json() == drawn.plan.to_json()
    assert again.record.to_json() == drawn.record.to_json()
    result = ssrandom.verify(drawn.record, bureau, policy)
    assert result.ok and result.message == "verified"


def test_a_draws_texts_are_the_same_whenever_and_in_whatever_order_they_are_read(bureau, policy, drawn, tmp_path):
    """The draw keeps its plan and record in C++ and writes each text when first read: the order of reading,
    reading twice, saving before reading, pickling before reading, and reloading the texts all give the same
    texts and digests."""
    import pickle

    expected = (drawn.plan.to_json(), drawn.plan.to_csv(), drawn.plan.digest(), drawn.record.to_json(),
                drawn.record.digest())
    backwards = ssrandom.draw(bureau, policy, "2024Q1", SEED, "test")
    assert backwards.record.digest() == expected[4]
    assert backwards.record.to_json() == expected[3]
    assert backwards.plan.digest() == expected[2]
    assert backwards.plan.to_csv() == expected[1]
    assert backwards.plan.to_json() == expected[0]
    assert backwards.plan.to_json() == expected[0]
    saved = ssrandom.draw(bureau, policy, "2024Q1", SEED, "test")
    saved.save(tmp_path)  # the files straight from C++, as bytes
    assert [(tmp_path / name).read_text(encoding="utf-8") for name in ("plan.json", "plan.csv", "record.json")] == [
        expected[0], expected[1], expected[3]]
    assert len(saved.plan) == len(drawn.plan)
    assert (saved.plan.to_json(), saved.record.to_json()) == (expected[0], expected[3])
    unread = ssrandom.draw(bureau, policy, "2024Q1", SEED, "test")
    plan, record = pickle.loads(pickle.dumps((unread.plan, unread.record)))
    assert (plan.to_json(), plan.to_csv(), plan.digest(), record.to_json(), record.digest()) == expected
    reloaded_plan, reloaded_record = ssrandom.Plan(expected[0]), ssrandom.DrawRecord(expected[3])
    assert (reloaded_plan.to_csv(), reloaded_plan.digest(), reloaded_record.digest()) == (expected[1], expected[2],
                                                                                         expected[4])
    assert len(plan) == len(drawn.plan) > 0


def test_a_draws_texts_do_not_need_the_bureau_it_was_drawn_from(policy, drawn):
    """The unread texts are written from what the draw kept in C++, not from the bureau: a draw outlives
    the bureau object it was drawn from."""
    import gc

    unread = ssrandom.draw(ssrandom.Bureau.sample(), policy, "2024Q1", SEED, "test")
    gc.collect()
    assert (unread.plan.to_json(), unread.plan.to_csv(), unread.record.to_json()) == (
        drawn.plan.to_json(), drawn.plan.to_csv(), drawn.record.to_json())


def test_tampered_record_fails_verification_with_the_first_difference(bureau, policy, drawn):
    data = json.loads(drawn.record.to_json())
    data["strata"][0]["selected"][0]["id"] = "XL-99999"
    result = ssrandom.verify(ssrandom.DrawRecord(json.dumps(data, ensure_ascii=False)), bureau, policy)
    assert not result.ok
    assert "strata[0].selected[0].id" in result.message


def test_blank_seed_is_invalid_input(bureau, policy):
    with pytest.raises(ssrandom.InvalidInputError):
        ssrandom.draw(bureau, policy, "2024Q1", "   ")


def test_cli_draw_then_verify_then_tamper(tmp_path):
    out = tmp_path / "q1"
    result = run_cli("draw", "--bureau", SAMPLE, "--policy", "hebei-xinle-2024", "--period", "2024Q1",
                     "--seed", SEED, "--seed-source", "lottery", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(os.listdir(out)) == ["plan.csv", "plan.json", "record.json"]
    assert "Q-KEY" in result.stdout
    verified = run_cli("verify", str(out / "record.json"), "--bureau", SAMPLE, "--policy", "hebei-xinle-2024")
    assert verified.returncode == 0, verified.stderr
    assert verified.stdout.strip() == "verified"
    # The same draw from the entities file alone (no inspectors needed) gives the same record.
    alone = run_cli("draw", "--entities", os.path.join(SAMPLE, "entities.csv"), "--policy", "hebei-xinle-2024",
                    "--period", "2024Q1", "--seed", SEED, "--seed-source", "lottery", "--out", str(tmp_path / "e"))
    assert alone.returncode == 0, alone.stderr
    record = json.loads((out / "record.json").read_text(encoding="utf-8"))
    assert json.loads((tmp_path / "e" / "record.json").read_text(encoding="utf-8"))["strata"] == record["strata"]
    # A different policy is named as the cause.
    other = run_cli("verify", str(out / "record.json"), "--bureau", SAMPLE, "--policy", "city-level")
    assert other.returncode == 1
    assert "policy" in other.stderr


def test_cli_history_and_chain(tmp_path):
    common = ["--bureau", SAMPLE, "--policy", "hebei-xinle-2024"]
    q1 = run_cli("draw", *common, "--period", "2024Q1", "--seed", "s1", "--out", str(tmp_path / "h" / "q1"))
    assert q1.returncode == 0, q1.stderr
    q2 = run_cli("draw", *common, "--period", "2024Q2", "--seed", "s2", "--history", str(tmp_path / "h"),
                 "--previous-record", str(tmp_path / "h" / "q1" / "record.json"), "--out", str(tmp_path / "q2"))
    assert q2.returncode == 0, q2.stderr
    record = json.loads((tmp_path / "q2" / "record.json").read_text(encoding="utf-8"))
    assert record["history"][0]["period"] == "2024Q1"
    assert record["previous_record_digest"] == ssrandom.DrawRecord.load(tmp_path / "h" / "q1" / "record.json").digest()
    assert sum(s["excluded_rotation"] for s in record["strata"]) > 0
    ok = run_cli("verify", str(tmp_path / "q2" / "record.json"), *common, "--history", str(tmp_path / "h"))
    assert ok.returncode == 0, ok.stderr


def test_cli_draw_with_bad_seed_writes_nothing(tmp_path):
    result = run_cli("draw", "--bureau", SAMPLE, "--policy", "hebei-xinle-2024", "--period", "2024Q1",
                     "--seed", " ", "--out", str(tmp_path / "none"))
    assert result.returncode == 2
    assert "seed" in result.stderr
    assert not (tmp_path / "none").exists()


def test_demo_draws_and_verifies():
    result = run_cli("demo")
    assert result.returncode == 0, result.stderr
    assert "verified" in result.stdout
    assert "Q-POSITIVE" in result.stdout


def test_plan_digest_is_recomputable_from_plan_csv(drawn):
    """docs/draw.md: SHA-256 of a format line, the header as one CSV row, then plan.csv."""
    import csv
    import hashlib
    import io

    data = json.loads(drawn.plan.to_json())
    header = io.StringIO()
    csv.writer(header, lineterminator="\n").writerow(
        [data[k] for k in ("bureau", "period", "seed", "seed_source", "policy_name", "policy_digest",
                           "directory_digest")])
    canonical = "ssrandom-plan-v1\n" + header.getvalue() + drawn.plan.to_csv()
    assert hashlib.sha256(canonical.encode()).hexdigest() == drawn.plan.digest()
    assert drawn.record.data["plan_digest"] == drawn.plan.digest()
