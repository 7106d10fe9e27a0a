"""DataFrames (and pyarrow tables, plain rows) in and out, with the same validation as files."""

import datetime
import json

import pytest

import ssrandom

pandas = pytest.importorskip("pandas")

SEED = "2024-01-05 中国福利彩票3D 开奖号码 3 1 7"


@pytest.fixture(scope="module")
def bureau():
    return ssrandom.Bureau.sample()


@pytest.fixture(scope="module")
def policy():
    return ssrandom.Policy.load("hebei-xinle-2024")


@pytest.fixture(scope="module")
def drawn(bureau, policy):
    return ssrandom.draw(bureau, policy, "2024Q1", SEED, "test")


def test_every_table_round_trips_through_dataframes(bureau):
    tables = {table: bureau.to_pandas(table) for table in ssrandom.BUREAU_TABLES}
    entities = tables.pop("entities")
    again = ssrandom.Bureau.from_pandas(entities, name=bureau.name, **tables)
    assert again.to_json() == bureau.to_json()
    assert again.entities.digest() == bureau.entities.digest()
    assert again.quality.warning_count == bureau.quality.warning_count


def test_directory_frame_is_typed(bureau):
    frame = bureau.entities.to_pandas()
    assert list(frame.columns[:4]) == ["id", "uscc", "name", "area"]
    assert len(frame) == bureau.entity_count
    assert str(frame["key_unit"].dtype) == "boolean"
    assert str(frame["penalties_last_year"].dtype) == "Int64"
    assert frame["last_penalty_date"].dtype.kind == "M"
    assert frame["id"].iloc[0] == bureau.entities[0]["id"]
    assert ssrandom.load_entities(frame).digest() == bureau.entities.digest()


def test_chinese_headers_lists_nan_counts_and_dates_are_read_like_a_file():
    frame = pandas.DataFrame({
        "编号": ["XL-1", "XL-2", "XL-3"],
        "统一社会信用代码": ["91310110666007217T", None, ""],
        "单位名称": ["甲厂", "乙厂", "丙厂"],
        "排污许可管理类别": ["重点管理", "简化管理", None],
        "重点排污单位": [True, False, None],
        "近一年处罚次数": [1.0, float("nan"), 0.0],
        "最近处罚日期": pandas.to_datetime(["2023-11-02", None, None]),
        "标签": [["固废", "VOCs"], [], None],
    })
    directory = ssrandom.load_entities(frame)
    assert len(directory) == 3
    first = directory[0]
    assert first["permit_class"] == "key" and first["key_unit"] is True
    assert first["penalties_last_year"] == 1 and first["last_penalty_date"] == "2023-11-02"
    assert sorted(first["tags"]) == ["VOCs", "固废"]
    assert directory[1]["penalties_last_year"] is None
    assert directory.quality.error_count == 0


def test_named_index_is_a_column(bureau):
    frame = bureau.entities.to_pandas().set_index("id")
    assert ssrandom.load_entities(frame).digest() == bureau.entities.digest()


def test_bad_rows_raise_invalid_input_naming_every_record_and_field():
    frame = pandas.DataFrame({"id": ["A", "B", "A"], "permit_class": ["key", "特级", "key"]})
    with pytest.raises(ssrandom.InvalidInputError) as info:
        ssrandom.Bureau.from_pandas(frame)
    message = str(info.value)
    assert "<entities table>" in message
    assert "record 2" in message and "permit_class" in message and "特级" in message
    assert "record 3" in message and "A" in message
    assert isinstance(info.value, ValueError)


def test_unknown_column_is_invalid_input():
    with pytest.raises(ssrandom.InvalidInputError, match="unknown"):
        ssrandom.load_entities(pandas.DataFrame({"id": ["A"], "colour": ["red"]}))


def test_repeated_column_names_are_invalid_input():
    frame = pandas.DataFrame([["A", "B"]], columns=["id", "id"])
    with pytest.raises(ssrandom.InvalidInputError, match="repeats"):
        ssrandom.load_entities(frame)


def test_plain_rows_and_columns_are_tables():
    rows = [{"id": "A", "key_unit": True, "tags": ["固废"], "last_penalty_date": datetime.date(2024, 1, 2)},
            {"id": "B", "penalties_last_year": 2.0}]
    directory = ssrandom.load_entities(rows)
    assert directory[0]["key_unit"] is True and directory[0]["last_penalty_date"] == "2024-01-02"
    assert directory[1]["penalties_last_year"] == 2
    columns = ssrandom.load_entities({"id": ["A", "B"], "area": ["杜固", "承安"]})
    assert columns.areas() == ["杜固", "承安"]
    with pytest.raises(ssrandom.InvalidInputError, match="lengths"):
        ssrandom.load_entities({"id": ["A", "B"], "area": ["杜固"]})
    with pytest.raises(TypeError):
        ssrandom.Bureau.from_pandas(42)


def test_pyarrow_tables_are_read_like_dataframes(bureau):
    pyarrow = pytest.importorskip("pyarrow")
    table = pyarrow.Table.from_pandas(bureau.entities.to_pandas(), preserve_index=False)
    assert ssrandom.load_entities(table).digest() == bureau.entities.digest()
    listed = pyarrow.table({"id": ["A", "B"], "tags": [["固废", "VOCs"], None],
                            "penalties_last_year": pyarrow.array([1.0, None]),
                            "last_penalty_date": pyarrow.array([datetime.datetime(2024, 3, 1), None])})
    directory = ssrandom.load_entities(listed)
    assert sorted(directory[0]["tags"]) == ["VOCs", "固废"]
    assert directory[0]["penalties_last_year"] == 1 and directory[0]["last_penalty_date"] == "2024-03-01"
    batch = table.to_batches()[0]
    assert len(ssrandom.load_entities(batch)) == batch.num_rows


def test_inspectors_frame_is_validated_with_the_bureau(bureau):
    inspectors = bureau.to_pandas("inspectors")
    assert str(inspectors["active"].dtype) == "boolean"
    conflicts = pandas.DataFrame({"inspector_id": ["NOBODY"], "entity_id": [bureau.entities[0]["id"]]})
    with pytest.raises(ssrandom.InvalidInputError, match="NOBODY"):
        ssrandom.Bureau.from_pandas(bureau.to_pandas(), inspectors, conflicts=conflicts)


def test_unknown_table_name_is_invalid(bureau):
    with pytest.raises(ssrandom.InvalidInputError):
        bureau.to_pandas("staff")


def test_classification_frame_equals_its_rows(bureau, policy):
    result = ssrandom.classify(bureau, policy, "2024Q1")
    frame = result.to_pandas()
    rows = result.to_rows()
    assert list(frame.columns) == list(ssrandom.policy.CLASSIFICATION_COLUMNS)
    assert frame["id"].tolist() == [row["id"] for row in rows]
    assert frame["pool"].tolist() == [row["pool"] for row in rows]
    assert frame["explanation"].tolist() == [row["explanation"] for row in rows]
    assert [None if pandas.isna(v) else bool(v) for v in frame["positive_list"]] == \
        [row["positive_list"] for row in rows]
    assert "explanation" not in result.to_pandas(explain=False).columns
    assert result.to_dataframe().equals(frame)
    quotas = result.quotas_to_pandas()
    assert quotas["quota"].sum() == sum(line["quota"] for line in result.quotas)


def test_plan_frame_keeps_tickets_exact(drawn):
    frame = drawn.plan.to_pandas()
    assert list(frame.columns) == list(ssrandom.entity_draw.PLAN_COLUMNS)
    assert len(frame) == len(drawn.plan)
    assert frame["ticket"].tolist() == [task["ticket"] for task in drawn.plan.tasks]
    assert frame["entity_id"].tolist() == [task["entity_id"] for task in drawn.plan.tasks]
    assert str(frame["credit_based"].dtype) == "boolean"
    assert set(frame["period"]) == {"2024Q1"}


def test_record_frames(drawn):
    strata = drawn.record.to_pandas()
    assert list(strata.columns) == list(ssrandom.entity_draw.STRATUM_COLUMNS)
    assert (strata["drawn"] == strata["quota"]).all()
    selected = drawn.record.selected_to_pandas()
    assert len(selected) == len(drawn.plan)
    first = drawn.record.strata[0]
    rows = selected[selected["stratum"] == first["stratum"]]
    assert rows["id"].tolist() == [s["id"] for s in first["selected"]]
    assert rows["rank"].tolist() == list(range(1, len(first["selected"]) + 1))


def test_quality_report_frame(bureau):
    frame = bureau.quality.to_pandas()
    assert len(frame) == len(bureau.quality) == bureau.quality.warning_count
    assert set(frame["severity"]) == {"warning"}
    assert "invalid_uscc" in set(frame["code"])


def test_to_json_everywhere(bureau, policy, drawn):
    assert json.loads(bureau.quality.to_json())["warnings"] == bureau.quality.warning_count
    assert json.loads(policy.to_json())["name"] == policy.name
    assert json.loads(drawn.plan.to_json())["period"] == "2024Q1"
    assert json.loads(drawn.record.to_json())["period"] == "2024Q1"
    assert json.loads(ssrandom.verify(drawn.record, bureau, policy).to_json()) == {"verified": True,
                                                                                  "message": "verified"}
    assert len(json.loads(ssrandom.classify(bureau, policy, "2024Q1").to_json())["entities"]) == 1500


@pytest.fixture
def without_pyarrow(monkeypatch):
    """pandas' own CSV writer and reader, as on a machine without pyarrow."""
    import importlib

    from ssrandom import _frames

    monkeypatch.setattr(_frames, "_optional",
                        lambda name: None if name.startswith("pyarrow") else importlib.import_module(name))


def test_round_trips_without_pyarrow(without_pyarrow, bureau):
    test_every_table_round_trips_through_dataframes(bureau)
    test_directory_frame_is_typed(bureau)
    test_chinese_headers_lists_nan_counts_and_dates_are_read_like_a_file()
    test_bad_rows_raise_invalid_input_naming_every_record_and_field()


def test_mixed_object_columns_take_the_pandas_writer(bureau):
    frame = pandas.DataFrame({"id": ["A", "B"], "penalties_last_year": [1, "2"]})  # Arrow cannot type this
    directory = ssrandom.load_entities(frame)
    assert [directory[i]["penalties_last_year"] for i in range(2)] == [1, 2]


def test_missing_optional_dependency_names_the_extra():
    from ssrandom import _frames

    with pytest.raises(ssrandom.MissingDependencyError, match=r"ssrandom\[") as info:
        _frames.require("no_such_module_for_ssrandom", "a test")
    assert isinstance(info.value, ImportError)


def test_classify_and_conditions_take_a_dataframe(bureau, policy):
    frame = bureau.entities.to_pandas()
    from_frame = ssrandom.classify(frame, policy, "2024Q1")
    assert from_frame.counts == ssrandom.classify(bureau, policy, "2024Q1").counts
    truth = ssrandom.Condition("key_unit").evaluate(frame, "2024Q1")
    assert truth.count(True) == int(frame["key_unit"].sum())
