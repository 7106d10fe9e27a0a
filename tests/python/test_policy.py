import csv
import hashlib
import io
import json
import os
import subprocess
import sys

import jsonschema
import pytest

import ssrandom

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PRESETS = os.path.join(REPO, "data", "presets")
SCHEMA = os.path.join(REPO, "schemas", "policy.schema.json")
SAMPLE_ENTITIES = os.path.join(REPO, "data", "sample_bureau", "entities.csv")


def run_cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "ssrandom", *args], capture_output=True, text=True, cwd=cwd)


def base_policy():
    return {
        "format": "ssrandom-policy/1",
        "name": "test",
        "classes": {
            "special": {"conditions": [{"name": "penalty", "when": "penalties_last_year >= 1"}]},
            "key": {"conditions": ["permit_class == \"key\"", "key_unit"]},
            "general": {"conditions": ["permit_class in [\"simplified\", \"registration\"]", "positive_list"]},
        },
        "quotas": {
            "special": {"minimum": "50%"},
            "key": {"minimum": "25%"},
            "positive": {"minimum": "100%", "method": "off_site"},
            "general": {"minimum": "3%"},
        },
    }


@pytest.fixture(scope="module")
def schema():
    with open(SCHEMA, encoding="utf-8") as handle:
        document = json.load(handle)
    jsonschema.Draft202012Validator.check_schema(document)
    return jsonschema.Draft202012Validator(document)


@pytest.mark.parametrize("name", ["hebei-xinle-2024", "city-level"])
def test_presets_validate_against_the_schema(schema, name):
    with open(os.path.join(PRESETS, name + ".json"), encoding="utf-8") as handle:
        document = json.load(handle)
    errors = [error.message for error in schema.iter_errors(document)]
    assert errors == []
    assert document["name"] == name


def test_schema_rejects_what_the_library_rejects(schema):
    document = base_policy()
    document["classes"]["critical"] = {"conditions": ["key_unit"]}
    assert list(schema.iter_errors(document))
    document = base_policy()
    document["quotas"]["key"]["minimum"] = 0.25
    assert list(schema.iter_errors(document))
    document = base_policy()
    del document["classes"]["general"]
    assert list(schema.iter_errors(document))
    assert not list(schema.iter_errors(base_policy()))


def test_preset_names_and_shipped_text():
    assert ssrandom.Policy.preset_names() == ["city-level", "hebei-xinle-2024"]
    with open(os.path.join(PRESETS, "hebei-xinle-2024.json"), encoding="utf-8") as handle:
        assert ssrandom.Policy.preset_json("hebei-xinle-2024") == handle.read()


def test_hebei_xinle_preset_holds_the_plan_numbers():
    policy = ssrandom.Policy.load("hebei-xinle-2024")
    assert policy.name == "hebei-xinle-2024"
    quotas = policy.quotas
    assert [quotas[p]["minimum"] for p in ("special", "key", "positive", "general")] == ["50%", "25%", "100%", "3%"]
    assert quotas["positive"]["method"] == "off_site"
    assert quotas["general"]["credit_ratios"] == {"A": "5%", "B": "20%", "C": "30%", "D": "30%"}
    assert quotas["positive"]["credit_ratios"] == {}
    assert "line 29" in quotas["key"]["source"]
    assert policy.credit_based_share == "80%"
    assert policy.joint == {"internal_joint_share": "30%", "dept_joint_per_quarter": 1}
    assert policy.team["min_size"] == 2
    assert policy.deadlines == {"result_entry_working_days": 7, "publication_working_days": 20,
                                "summary_days_before": 2, "statistics_days_after": 2}
    assert policy.precedence == ["special", "general", "key"]
    assert policy.credit_classes == ["A", "B", "C", "D"]
    assert policy.unknown_credit_class == "D"
    assert policy.excluded_statuses == ["closed", "relocated", "long_stopped", "deregistered"]
    assert [rule["name"] for rule in policy.classes["key"]] == ["key_permit", "key_unit"]
    assert policy.yearly_cap == 2 and policy.rotation_within_year and policy.take_whole_pool_when_short


def test_canonical_form_is_pythons_sorted_compact_json_and_the_digest_its_sha256():
    for name in ssrandom.Policy.preset_names():
        policy = ssrandom.Policy.preset(name)
        document = json.loads(ssrandom.Policy.preset_json(name))
        expected = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        assert policy.canonical_json == expected
        assert policy.digest == hashlib.sha256(expected.encode("utf-8")).hexdigest()


def test_load_reads_files_and_reformatting_keeps_the_digest(tmp_path):
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(base_policy(), indent=4), encoding="utf-8")
    from_file = ssrandom.Policy.load(path)
    from_text = ssrandom.Policy.from_json(json.dumps(base_policy()))
    assert from_file.digest == from_text.digest
    assert from_file.quotas["key"]["credit_ratios"] == {}


def test_malformed_policies_raise_invalid_input_listing_every_problem():
    document = base_policy()
    document["classes"]["special"]["conditions"][0]["when"] = "penalties >= 1"
    document["quotas"]["special"]["minimum"] = "150%"
    with pytest.raises(ssrandom.InvalidInputError) as info:
        ssrandom.Policy.from_json(json.dumps(document, indent=2), "mine.json")
    message = str(info.value)
    assert "mine.json: the policy has 2 problems" in message
    assert "unknown attribute 'penalties' (did you mean penalties_last_year?)" in message
    assert "150%, above 100%" in message
    assert isinstance(info.value, ValueError)


def test_check_gives_locations():
    text = json.dumps(base_policy(), indent=2).replace('"3%"', '"3 %%"')
    problems = ssrandom.Policy.check(text, "p.json")
    assert len(problems) == 1
    problem = problems[0]
    assert problem.path == "quotas.general.minimum"
    line = text.split("\n")[problem.line - 1]
    assert line[problem.column - 1:].startswith('"3 %%"')
    assert str(problem).startswith(f"p.json:{problem.line}:{problem.column}: quotas.general.minimum: ")
    assert ssrandom.Policy.check(json.dumps(base_policy())) == []


def test_unknown_preset_or_file_is_not_found():
    with pytest.raises(ssrandom.NotFoundError) as info:
        ssrandom.Policy.load("no-such-policy")
    assert "city-level, hebei-xinle-2024" in str(info.value)


def test_classify_the_sample_bureau():
    bureau = ssrandom.Bureau.sample()
    result = ssrandom.classify(bureau, "hebei-xinle-2024", "2024Q1")
    assert len(result) == bureau.entity_count
    counts = result.counts
    assert set(counts) == {"special", "key", "positive", "general", "excluded"}
    assert sum(counts.values()) == bureau.entity_count
    assert all(counts[pool] > 0 for pool in counts)
    assert result.class_counts["general"] == counts["positive"] + counts["general"]
    rows = result.to_rows()
    assert list(rows[0]) == list(ssrandom.policy.CLASSIFICATION_COLUMNS)
    for row in rows:
        assert row["class"] in ("special", "key", "general", "excluded")
        assert row["explanation"]
        if row["pool"] == "positive":
            assert row["positive_list"] is True and row["class"] == "general"
        if row["pool"] == "key":
            assert row["credit"] in ("A", "B", "C", "D")
        if row["class"] == "excluded":
            assert row["explanation"].startswith("excluded: ") and row["credit"] == ""
    assert result.explain(rows[3]["id"]) == rows[3]["explanation"]
    quotas = result.quotas
    assert [line["rule"] for line in quotas][:1] == ["Q-SPECIAL"]
    positive = [line for line in quotas if line["pool"] == "positive"][0]
    assert positive["quota"] == counts["positive"] and positive["method"] == "off_site"
    assert all("×" in line["arithmetic"] for line in quotas)
    summary = result.summary()
    assert "Q-POSITIVE" in summary and "total to draw" in summary


def test_classifying_on_two_threads_gives_the_classification_of_one():
    """A directory of 70,000 entities is classified in parts on two threads: the same classes, pools, credit
    cells, explanations and quotas as on one."""
    bureau = ssrandom.Bureau.sample(entities=70000)
    one = ssrandom.classify(bureau, "hebei-xinle-2024", "2024Q1", threads=1)
    two = ssrandom.classify(bureau, "hebei-xinle-2024", "2024Q1")
    assert one.to_csv() == two.to_csv()
    assert one.quotas == two.quotas and one.counts == two.counts


def test_classification_exports_csv_and_json():
    result = ssrandom.Policy.preset("city-level").classify(ssrandom.Bureau.sample(entities=200), "2024Q2")
    rows = list(csv.DictReader(io.StringIO(result.to_csv())))
    assert len(rows) == 200
    assert rows[0].keys() == set(ssrandom.policy.CLASSIFICATION_COLUMNS)
    assert rows[0]["positive_list"] in ("true", "false", "")
    document = json.loads(result.to_json())
    assert document["period"] == "2024Q2"
    assert document["policy"]["name"] == "city-level"
    assert len(document["entities"]) == 200
    assert sum(document["counts"].values()) == 200


def test_conflict_rules_from_python(tmp_path):
    path = tmp_path / "entities.csv"
    path.write_text(
        "id,permit_class,key_unit,positive_list,penalties_last_year,status\n"
        "key-special,key,,false,2,active\n"
        "key-positive,key,,true,0,active\n"
        "special-general,simplified,,true,1,active\n"
        "closed,key,,false,0,closed\n", encoding="utf-8")
    result = ssrandom.classify(str(path), base_policy_object(), "2024Q1")
    by_id = {row["id"]: row for row in result.to_rows()}
    assert (by_id["key-special"]["class"], by_id["key-special"]["pool"]) == ("special", "special")
    assert "key yields to special" in by_id["key-special"]["explanation"]
    assert (by_id["key-positive"]["class"], by_id["key-positive"]["pool"]) == ("general", "positive")
    assert "key yields to general" in by_id["key-positive"]["explanation"]
    assert by_id["special-general"]["class"] == "special"
    assert "general yields to special" in by_id["special-general"]["explanation"]
    assert by_id["closed"]["pool"] == "excluded"


def base_policy_object():
    return ssrandom.Policy.from_json(json.dumps(base_policy()))


def test_condition_evaluates_with_unknowns():
    bureau = ssrandom.Bureau.sample(entities=300)
    condition = ssrandom.Condition("permit_class == 'key' or key_unit")
    assert str(condition) == "permit_class == \"key\" or key_unit"
    assert condition.attributes == ["key_unit", "permit_class"]
    values = condition.evaluate(bureau.entities, "2024Q1")
    assert len(values) == 300
    assert set(values) <= {True, False, None}
    assert True in values and False in values
    with pytest.raises(ssrandom.InvalidInputError) as info:
        ssrandom.Condition("permit_class = 'key'", "item EE-09")
    assert "item EE-09: line 1, column 14" in str(info.value)


# --- the command line -----------------------------------------------------------------------------------------

def test_cli_policy_show_prints_the_preset():
    out = run_cli("policy", "show", "hebei-xinle-2024")
    assert out.returncode == 0, out.stderr
    assert out.stdout == ssrandom.Policy.preset_json("hebei-xinle-2024")
    canonical = run_cli("policy", "show", "city-level", "--canonical")
    assert canonical.stdout.strip() == ssrandom.Policy.preset("city-level").canonical_json
    missing = run_cli("policy", "show", "nowhere")
    assert missing.returncode == 2
    assert "hebei-xinle-2024" in missing.stderr


def test_cli_policy_check(tmp_path):
    good = tmp_path / "good.json"
    good.write_text(json.dumps(base_policy(), indent=2), encoding="utf-8")
    out = run_cli("policy", "check", str(good))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "ok" in out.stdout and ssrandom.Policy.load(good).digest in out.stdout

    document = base_policy()
    document["classes"]["key"]["conditions"][0] = "permit_class == \"keyy\""
    document["quotas"]["key"]["minimum"] = "125%"
    del document["classes"]["general"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document, indent=2), encoding="utf-8")
    out = run_cli("policy", "check", str(bad))
    assert out.returncode == 2
    lines = out.stdout.strip().split("\n")
    located = [line for line in lines if line.startswith(f"{bad}:")]
    assert len(located) == 3
    assert any("missing \"general\"" in line for line in located)
    assert any("unknown permit_class value \"keyy\"" in line for line in located)
    assert any("125%, above 100%" in line for line in located)
    assert "3 problems" in out.stderr

    broken = tmp_path / "broken.json"
    broken.write_text("{\n  \"format\": \"ssrandom-policy/1\",\n  \"name\": \n}\n", encoding="utf-8")
    out = run_cli("policy", "check", str(broken))
    assert out.returncode == 2
    assert out.stdout.startswith(f"{broken}:4:1: the file is not valid JSON")


def test_cli_classify_writes_csv_and_json(tmp_path):
    csv_out = tmp_path / "classes.csv"
    out = run_cli("classify", "--entities", SAMPLE_ENTITIES, "--policy", "hebei-xinle-2024", "--period", "2024Q1",
                  "--out", str(csv_out))
    assert out.returncode == 0, out.stderr
    assert "Q-SPECIAL" in out.stdout and "⌈" in out.stdout and "total to draw" in out.stdout
    with open(csv_out, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 1500
    assert list(rows[0]) == list(ssrandom.policy.CLASSIFICATION_COLUMNS)

    json_out = tmp_path / "classes.json"
    policy_file = os.path.join(PRESETS, "city-level.json")
    out = run_cli("classify", "--entities", SAMPLE_ENTITIES, "--policy", policy_file, "--period", "2024Q3",
                  "--out", str(json_out))
    assert out.returncode == 0, out.stderr
    document = json.loads(json_out.read_text(encoding="utf-8"))
    assert document["period"] == "2024Q3" and len(document["entities"]) == 1500


def test_cli_classify_rejects_bad_input(tmp_path):
    out = run_cli("classify", "--entities", SAMPLE_ENTITIES, "--policy", "hebei-xinle-2024", "--period", "2024Q5")
    assert out.returncode == 2 and "2024Q5" in out.stderr
    out = run_cli("classify", "--entities", SAMPLE_ENTITIES, "--policy", "nope", "--period", "2024Q1")
    assert out.returncode == 2 and "city-level" in out.stderr
    out = run_cli("classify", "--entities", SAMPLE_ENTITIES, "--policy", "city-level", "--period", "2024Q1",
                  "--out", str(tmp_path / "x.xlsx"))
    assert out.returncode == 2 and ".csv or .json" in out.stderr
