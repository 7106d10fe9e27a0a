"""ssrandom.spark: the draw on Apache Spark (local[2]) gives exactly the single-machine plan and record."""

import io
import json
import os
import shutil
import subprocess
import sys

import pytest

import ssrandom

if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs a Java runtime (java is not on PATH and JAVA_HOME is unset); "
                "scripts/bootstrap --java installs one", allow_module_level=True)

pandas = pytest.importorskip("pandas", reason="ssrandom.spark needs pandas (scripts/bootstrap --test)")
from pyspark.sql import SparkSession  # noqa: E402  (installed by scripts/bootstrap --test)

import ssrandom.spark  # noqa: E402

POLICY_NAME = "hebei-xinle-2024"
POLICY = ssrandom.Policy.load(POLICY_NAME)
SEED = "福利彩票 2024-01-05 3D 开奖号码 3 1 7"
SOURCE = "China Welfare Lottery 3D, announced after the freeze"


@pytest.fixture(scope="module")
def spark():
    session = (SparkSession.builder.master("local[2]").appName("ssrandom-test")
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.shuffle.partitions", "8")
               .config("spark.driver.memory", "1g")
               .config("spark.sql.execution.arrow.pyspark.enabled", "true")
               .config("spark.executorEnv.PYTHONPATH", os.environ.get("PYTHONPATH", ""))
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def entity_frame(spark, bureau, partitions):
    """The bureau's entity table as a Spark DataFrame of text columns (as entities.csv holds them, empty =
    unknown) in ``partitions`` partitions, rows shuffled so that every partition holds ids from all over."""
    table = pandas.read_csv(io.StringIO(bureau.table_csv("entities")), dtype=str, keep_default_na=False)
    table = table.sample(frac=1.0, random_state=7).replace("", None)
    return spark.createDataFrame(table).repartition(partitions)


@pytest.fixture(scope="module")
def big():
    """10^5 synthetic entities (ssr::GenerateBureau) with the sample bureau's inspectors and items."""
    return ssrandom.Bureau.sample(100_000, seed=20240101)


def test_spark_draw_of_100k_entities_is_byte_identical_and_verifies(spark, big, tmp_path):
    frame = entity_frame(spark, big, 16)
    assert frame.rdd.getNumPartitions() == 16
    single = ssrandom.draw(big, POLICY, "2024Q1", SEED, SOURCE)
    result = ssrandom.spark.draw(frame, POLICY, "2024Q1", SEED, SOURCE, bureau=big)

    assert result.plan.to_csv() == single.plan.to_csv()
    assert result.plan.to_json() == single.plan.to_json()
    assert result.record.to_json() == single.record.to_json()
    assert result.record.digest() == single.record.digest()
    assert result.record.data["directory"] == {"digest": big.entities.digest(), "size": 100_000}
    # The partitions sent a few candidates, not the directory.
    assert len(single.plan) <= result.stats["candidates"] < 2 * len(single.plan)
    assert result.stats["entities"] == 100_000 and result.stats["bounded"] is True

    # `ssrandom verify` accepts the Spark record against the directory on disk.
    (tmp_path / "bureau").mkdir()
    big.save(tmp_path / "bureau")
    result.save(tmp_path / "draw")
    verified = subprocess.run([sys.executable, "-m", "ssrandom", "verify", str(tmp_path / "draw" / "record.json"),
                               "--bureau", str(tmp_path / "bureau"), "--policy", POLICY_NAME, "--json"],
                              capture_output=True, text=True)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert json.loads(verified.stdout)["verified"] is True


def test_spark_draw_with_history_rotation_and_chain(spark):
    """Q1 then Q2 with Q1 as history (rotation, the yearly cap) and the record chain; unbounded candidates
    give the same draw; the teams drawn from the Spark result are those drawn from the whole bureau."""
    bureau = ssrandom.Bureau.sample(8_000, seed=7)
    frame = entity_frame(spark, bureau, 7).cache()
    q1 = ssrandom.draw(bureau, POLICY, "2024Q1", "q1 seed")
    single = ssrandom.draw(bureau, POLICY, "2024Q2", "q2 seed", "dice", history=[q1.plan], previous_record=q1.record)
    for bounded in (True, False):
        result = ssrandom.spark.draw(frame, POLICY, "2024Q2", "q2 seed", "dice", bureau=bureau, history=[q1.plan],
                                     previous_record=q1.record, bounded=bounded)
        assert result.record.to_json() == single.record.to_json()
        assert result.plan.to_csv() == single.plan.to_csv()
        assert any(s["excluded_rotation"] for s in result.record.strata)
    assert ssrandom.verify(result.record, bureau, POLICY, history=[q1.plan]).ok

    # Teams are drawn on the driver from the drawn tasks: the same teams as from the whole bureau (with
    # Q1's teams as the rotation history). 10^5 entities would give 28 000 tasks, ~50 s of team draw: the
    # smaller bureau keeps the suite quick.
    q1_teams = ssrandom.assign_teams(bureau, q1.plan.to_json())
    teams = ssrandom.assign_teams(result.bureau, result.plan.to_json(), history=[q1_teams.plan_json])
    assert teams.plan_json == ssrandom.assign_teams(bureau, single.plan.to_json(),
                                                    history=[q1_teams.plan_json]).plan_json
    assert teams.teams and all(team["members"] for team in teams.teams)


def test_a_bound_that_leaves_a_stratum_short_is_detected_and_the_draw_redone(spark, monkeypatch):
    """The ticket-key bounds only prune: were one too low (probability < 1e-15), the merge notices and the
    candidates are drawn again without bounds. Forced here by bounds of 1."""
    bureau = ssrandom.Bureau.sample(3_000, seed=11)
    frame = entity_frame(spark, bureau, 3)
    plan_takes = ssrandom.spark._core.plan_draw_takes

    def tiny_bounds(spec, total, bounded):
        takes = plan_takes(spec, total, bounded)
        return [(e, r, 1 if bounded and eb != 2**64 - 1 else eb, rb) for e, r, eb, rb in takes] if bounded else takes

    monkeypatch.setattr(ssrandom.spark._core, "plan_draw_takes", tiny_bounds)
    result = ssrandom.spark.draw(frame, POLICY, "2024Q1", "seed", bureau=bureau)
    assert result.stats["bounded"] is False
    assert result.record.to_json() == ssrandom.draw(bureau, POLICY, "2024Q1", "seed").record.to_json()


def test_an_empty_table_draws_like_an_empty_directory(spark):
    bureau = ssrandom.Bureau.sample(100, seed=1)
    frame = entity_frame(spark, bureau, 2).limit(0)
    empty = ssrandom.Bureau.from_pandas(pandas.DataFrame({"id": pandas.Series([], dtype=str)}))
    single = ssrandom.draw(empty, POLICY, "2024Q1", "seed")
    assert ssrandom.spark.draw(frame, POLICY, "2024Q1", "seed").record.to_json() == single.record.to_json()


def test_directory_digest_equals_the_single_machine_digest_for_any_split(spark):
    bureau = ssrandom.Bureau.sample(5_000, seed=3)
    frame = entity_frame(spark, bureau, 5)
    for shuffle_partitions in (1, 7, 1000):  # 1000 is capped at the 256 buckets
        assert ssrandom.spark.directory_digest(frame, shuffle_partitions) == (bureau.entities.digest(), 5_000)
    # The rows' partitioning does not matter either.
    assert ssrandom.spark.directory_digest(frame.repartition(13), 4) == (bureau.entities.digest(), 5_000)
    # One changed field changes the digest.
    changed = frame.withColumn("name", ssrandom.spark._pyspark().functions.concat("name", "name"))
    assert ssrandom.spark.directory_digest(changed, 4)[0] != bureau.entities.digest()


def test_bad_input_fails_with_the_librarys_messages(spark):
    bureau = ssrandom.Bureau.sample(2_000, seed=5)
    frame = entity_frame(spark, bureau, 4)
    # Checked on the driver before any Spark job: the seed and the period.
    with pytest.raises(ssrandom.InvalidInputError, match="seed"):
        ssrandom.spark.draw(frame, POLICY_NAME, "2024Q1", "   ")
    with pytest.raises(ssrandom.InvalidInputError, match="quarter"):
        ssrandom.spark.draw(frame, POLICY, "2024", "seed")
    # An id in two partitions: found in its digest bucket, named in the error.
    duplicated = frame.union(frame.limit(1))
    first_id = frame.limit(1).collect()[0]["id"]
    with pytest.raises(ssrandom.InvalidInputError, match=f"id '{first_id}' twice"):
        ssrandom.spark.directory_digest(duplicated, 3)
    # A bad value names the partition, the record and the field.
    broken = frame.withColumn("status", ssrandom.spark._pyspark().functions.lit("bankrupt"))
    with pytest.raises(Exception, match="Spark partition .*status"):
        ssrandom.spark.draw(broken, POLICY, "2024Q1", "seed")
    # No id column.
    with pytest.raises(ssrandom.InvalidInputError, match="no id column"):
        ssrandom.spark.directory_digest(frame.drop("id"), 2)
