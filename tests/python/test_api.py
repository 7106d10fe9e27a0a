"""Smaller public functions added for analysts: saved draws, plan counts, bureau tables, aliases."""

import pytest

import ssrandom

SEED = "2024-01-05 中国福利彩票3D 开奖号码 3 1 7"


def test_load_draws_reads_saved_draws_in_period_order(tmp_path):
    bureau, policy = ssrandom.Bureau.sample(), ssrandom.Policy.load("hebei-xinle-2024")
    first = ssrandom.draw(bureau, policy, "2024Q1", SEED)
    second = ssrandom.draw(bureau, policy, "2024Q2", SEED, history=[first.plan], previous_record=first.record)
    second.save(tmp_path / "a-second")  # folder names sort the other way round
    first.save(tmp_path / "b-first")
    (tmp_path / "notes").mkdir()
    loaded = ssrandom.load_draws(tmp_path)
    assert [d.plan.period for d in loaded] == ["2024Q1", "2024Q2"]
    assert loaded[1].record.digest() == second.record.digest()
    assert loaded[0].plan.digest() == first.plan.digest()
    assert ssrandom.load_draws(tmp_path / "notes") == []


def test_plan_facts_and_counts():
    bureau, policy = ssrandom.Bureau.sample(), ssrandom.Policy.load("hebei-xinle-2024")
    drawn = ssrandom.draw(bureau, policy, "2024Q1", SEED)
    plan = drawn.plan
    assert plan.bureau == bureau.name and plan.policy_name == "hebei-xinle-2024"
    counts = plan.counts()
    assert sum(counts["pool"].values()) == len(plan)
    assert counts["method"]["off_site"] == counts["pool"]["positive"]
    assert set(counts["joint"]) == {"none"}
    assert drawn.record.seed == SEED
    assert "DrawResult(Plan(2024Q1" in repr(drawn)
    reloaded = ssrandom.Plan(plan.to_json())
    assert reloaded.digest() == plan.digest() and reloaded.to_csv() == plan.to_csv()


def test_bureau_table_csv_and_aliases():
    bureau = ssrandom.Bureau.sample(entities=100)
    assert bureau.table_csv("inspectors").startswith("id,name,")
    assert bureau.table_csv() == bureau.entities.to_csv()
    assert ssrandom.Bureau.from_arrow == ssrandom.Bureau.from_pandas
    assert set(ssrandom.BUREAU_TABLES) >= {"entities", "inspectors", "items"}
    with pytest.raises(ssrandom.InvalidInputError):
        bureau.table_csv("staff")


def test_from_pandas_checks_certificates_as_of_a_day():
    pandas = pytest.importorskip("pandas")
    bureau = ssrandom.Bureau.sample()
    tables = {table: bureau.to_pandas(table) for table in ssrandom.BUREAU_TABLES}
    entities = tables.pop("entities")
    early = ssrandom.Bureau.from_pandas(entities, as_of="2024-01-01", **tables)
    late = ssrandom.Bureau.from_pandas(entities, as_of=pandas.Timestamp("2030-01-01").date(), **tables)
    assert late.quality.warning_count > early.quality.warning_count
