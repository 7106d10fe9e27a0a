import os
import subprocess
import sys

import pytest

import ssrandom

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(REPO, "data", "sample_bureau")


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "ssrandom", *args], capture_output=True, text=True)


def test_sample_bureau_is_the_committed_sample_data():
    generated = ssrandom.Bureau.sample()
    committed = ssrandom.Bureau.load(SAMPLE)
    assert committed.to_json() == generated.to_json()
    assert committed.entities.digest() == generated.entities.digest()


def test_load_reports_warnings_and_keeps_every_entity():
    bureau = ssrandom.Bureau.load(SAMPLE, as_of="2024-04-01")
    assert bureau.entity_count == 1500
    assert bureau.quality.error_count == 0
    codes = sorted(issue["code"] for issue in bureau.quality.issues)
    assert codes.count("invalid_uscc") == 3
    assert "expired_certificate" in codes


def test_bad_directory_raises_invalid_input_naming_record_and_field(tmp_path):
    (tmp_path / "entities.csv").write_text("id,统一社会信用代码,排污许可管理类别\nA,91310110666007217T,特级\n",
                                           encoding="utf-8")
    with pytest.raises(ssrandom.InvalidInputError) as info:
        ssrandom.Bureau.load(tmp_path)
    message = str(info.value)
    assert "record 1" in message and "permit_class" in message and "特级" in message
    assert isinstance(info.value, ValueError)


def test_missing_folder_raises_not_found(tmp_path):
    with pytest.raises(ssrandom.NotFoundError):
        ssrandom.Bureau.load(tmp_path / "nothing-here")


def test_entities_round_trip_through_csv(tmp_path):
    bureau = ssrandom.Bureau.sample(entities=200, seed=7)
    path = tmp_path / "entities.csv"
    path.write_text(bureau.entities.to_csv(), encoding="utf-8")
    loaded = ssrandom.load_entities(path)
    assert len(loaded) == 200
    assert loaded.digest() == bureau.entities.digest()
    assert loaded[0]["id"] == bureau.entities[0]["id"]
    assert loaded.find(loaded[-1]["id"]) == 199


def test_summary_counts_add_up():
    summary = ssrandom.Bureau.sample().summary_dict()
    assert summary["entities"] == 1500
    for rows in summary["entities_by"].values():
        assert sum(row["count"] for row in rows) == 1500


def test_demo_prints_summary_and_quality_report():
    result = run_cli("demo")
    assert result.returncode == 0, result.stderr
    assert "directory summary" in result.stdout
    assert "杜固" in result.stdout
    assert "data quality" in result.stdout


def test_sample_command_writes_a_loadable_folder(tmp_path):
    result = run_cli("sample", "--out", str(tmp_path / "s"), "--entities", "300", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert ssrandom.Bureau.load(tmp_path / "s").entity_count == 300


def test_documented_digest_recipe_recomputes_the_directory_digest(tmp_path):
    """docs/directory.md gives an independent recipe for the canonical digest; it must agree."""
    import csv
    import hashlib

    fields = ["id", "uscc", "name", "area", "industry", "permit_class", "key_unit", "positive_list", "credit",
              "env_credit", "penalties_last_year", "last_penalty_date", "supervision_listed_date",
              "verified_complaints", "emergency_risk", "status", "tags"]
    bureau = ssrandom.Bureau.sample()
    path = tmp_path / "entities.csv"
    path.write_text(bureau.entities.to_csv(), encoding="utf-8")
    rows = list(csv.DictReader(open(path, encoding="utf-8-sig", newline="")))
    buckets = [[] for _ in range(256)]
    for row in rows:
        row["tags"] = ";".join(sorted(filter(None, row["tags"].split(";")), key=str.encode))
        line = "\x1f".join(row[f] for f in fields) + "\n"
        buckets[hashlib.sha256(row["id"].encode()).digest()[0]].append(hashlib.sha256(line.encode()).digest())
    text = "ssrandom-entity-directory-v2\n" + "".join(
        hashlib.sha256(b"".join(sorted(bucket))).hexdigest() + "\n" for bucket in buckets)
    assert hashlib.sha256(text.encode()).hexdigest() == bureau.entities.digest()


def test_entities_is_a_view_that_keeps_its_bureau_alive_and_shares_its_digest():
    """Bureau.entities is a view of the bureau's own directory (no O(n) copy per access); the view keeps the
    bureau alive, and the digest computed through it is the one every draw of the bureau names."""
    import gc

    entities = ssrandom.Bureau.sample(300, seed=2).entities  # the bureau itself is not kept
    gc.collect()
    assert len(entities) == 300
    digest = entities.digest()
    bureau = ssrandom.Bureau.sample(300, seed=2)
    assert bureau.entities.digest() == digest
    drawn = ssrandom.draw(bureau, ssrandom.Policy.load("hebei-xinle-2024"), "2024Q1", "seed 2024-01-05")
    assert drawn.record.data["directory"]["digest"] == digest
