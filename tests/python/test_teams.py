"""The team draw from Python: ssrandom.assign_teams, ssrandom.verify_teams and ssrandom.TeamRules."""

import json

import pytest

import ssrandom
from ssrandom import _core


@pytest.fixture(scope="module")
def bureau():
    return ssrandom.Bureau.sample()


def plan_for(bureau, period, step=6, offset=0):
    """A quarterly plan of the sample bureau: every step-th active entity, off-site for the positive list."""
    entities = bureau.entities
    tasks = []
    for row in range(offset, len(entities), step):
        e = entities[row]
        if e["status"] != "active":
            continue
        task = {
            "id": f"{period}/{e['id']}",
            "entity_id": e["id"],
            "entity_name": e["name"],
            "area": e["area"],
            "class": "general",
            "pool": "general",
            "stratum": "general",
            "ticket": "0.5",
        }
        if e["positive_list"]:
            task.update(method="off_site", items=["EE-08"])
        else:
            items = ["EE-03"]
            if e["permit_class"] in ("key", "simplified", "registration"):
                items.insert(0, "EE-01")
            if "固废" in e["tags"]:
                items.append("EE-04")
            if "危废" in e["tags"]:
                items.append("EE-05")
            task.update(method="on_site", items=items)
        tasks.append(task)
    return {
        "format": "ssrandom-plan",
        "format_version": 1,
        "bureau": bureau.name,
        "period": period,
        "seed": f"python test seed {period}",
        "seed_source": "test",
        "policy_name": "test",
        "policy_digest": "",
        "directory_digest": "",
        "tasks": tasks,
    }


def test_team_rules_mirror_the_core_defaults():
    assert ssrandom.TeamRules().to_dict() == _core.team_rules_defaults()


def test_assign_fills_every_team_and_returns_plan_and_record(bureau):
    plan = plan_for(bureau, "2024Q1")
    assignment = ssrandom.assign_teams(bureau, plan)
    plan_json, record_json = assignment  # unpacks as a tuple
    assert json.loads(plan_json)["tasks"][0]["team"]
    record = assignment.record
    assert record["format"] == "ssrandom-team-record"
    assert record["id_space"] == "<task id>|<inspector id>"
    assert record["tasks"] == len(plan["tasks"])
    assert record["department_joint"] == 1
    assert record["year_internal_joint"] >= record["year_internal_joint_required"] > 0
    assert 1 <= record["load_cap_percent"] <= 100
    assert set(record["workload"]) == {"min", "max", "stddev", "inspectors"}
    for task, team in zip(assignment.plan["tasks"], assignment.teams):
        assert task["id"] == team["task_id"]
        assert task["team"] == team["members"]
        assert task["joint"] == team["joint"]
        if task["method"] == "on_site":
            partners = 1 if team["joint"] == "department" else 0
            assert len(team["members"]) - partners >= 2
        for skipped in team["skipped"]:
            assert skipped["reason"] in {"inactive", "unit", "certificate", "conflict", "rotation", "area",
                                         "pair_exclusion", "skill", "load", "feasibility"}


def test_the_draw_is_deterministic_and_verifiable(bureau):
    plan = plan_for(bureau, "2024Q1")
    first = ssrandom.assign_teams(bureau, json.dumps(plan), threads=1)
    second = ssrandom.assign_teams(bureau, plan, ssrandom.TeamRules(), threads=2)
    assert first == second
    ssrandom.verify_teams(first.record_json, bureau, plan)
    ssrandom.verify_teams(first.record, bureau, first.plan_json)  # the assigned plan verifies too


def test_a_tampered_record_fails_verification_naming_the_difference(bureau):
    plan = plan_for(bureau, "2024Q1")
    record = ssrandom.assign_teams(bureau, plan).record
    index = next(i for i, t in enumerate(record["teams"]) if len(t["members"]) >= 2)
    team = record["teams"][index]
    team["members"].reverse()
    with pytest.raises(ssrandom.FailedPreconditionError) as info:
        ssrandom.verify_teams(record, bureau, plan)
    message = str(info.value)
    assert f"teams[{index}] ({team['task_id']}).members[0]: the record says {team['members'][0]}" in message
    assert info.value.code == "FAILED_PRECONDITION"


def test_history_counts_for_rotation_and_the_yearly_share(bureau, tmp_path):
    q1 = plan_for(bureau, "2024Q1")
    first = ssrandom.assign_teams(bureau, q1)
    path = tmp_path / "2024Q1.json"
    path.write_text(first.plan_json, encoding="utf-8")
    q2 = plan_for(bureau, "2024Q2")  # the same entities again
    second = ssrandom.assign_teams(bureau, q2, history=[path])
    record = second.record
    assert record["year_inspections"] == len(q1["tasks"]) + len(q2["tasks"])
    visited = {t["entity_id"]: set(t["team"]) for t in first.plan["tasks"]}
    for task in second.plan["tasks"]:
        assert not visited[task["entity_id"]] & set(task["team"]), task["id"]
    reasons = {s["reason"] for t in second.teams for s in t["skipped"]}
    assert "rotation" in reasons
    ssrandom.verify_teams(second.record_json, bureau, q2, history=[first.plan_json])
    with pytest.raises(ssrandom.FailedPreconditionError):
        ssrandom.verify_teams(second.record_json, bureau, q2)  # without the history the draw differs


def test_rules_that_cannot_be_met_raise_before_drawing_with_a_fix(bureau):
    plan = plan_for(bureau, "2024Q1")
    rules = ssrandom.TeamRules(min_team_size=2, default_max_load=30, internal_joint_share_numerator=100)
    with pytest.raises(ssrandom.FailedPreconditionError) as info:
        ssrandom.assign_teams(bureau, plan, rules)
    assert "internal joint" in str(info.value) and "Fix" in str(info.value)
    rules = ssrandom.TeamRules(offsite_units=("census",))  # 2 census staff for every off-site task
    with pytest.raises(ssrandom.FailedPreconditionError) as info:
        ssrandom.assign_teams(bureau, plan, rules)
    message = str(info.value)
    assert "load caps are too low" in message and "off-site tasks only for the off-site units" in message
    assert "or a load cap of" in message


def test_bad_rules_and_plans_are_invalid_input(bureau):
    plan = plan_for(bureau, "2024Q1")
    with pytest.raises(ssrandom.InvalidInputError):
        ssrandom.TeamRules(own_area="sometimes")
    with pytest.raises(ssrandom.InvalidInputError):
        ssrandom.assign_teams(bureau, plan, {"min_team_size": 2, "team_size": 3})
    with pytest.raises(ssrandom.InvalidInputError) as info:
        ssrandom.assign_teams(bureau, plan, {"min_team_size": 1})
    assert "art. 42" in str(info.value)
    with pytest.raises(ssrandom.InvalidInputError):
        _core.assign_teams(bureau._core, json.dumps(plan), {"min_team_size": "2"}, [], 0)
    with pytest.raises(ssrandom.InvalidInputError) as info:
        ssrandom.assign_teams(bureau, "{not json")
    assert "malformed JSON" in str(info.value)
    unknown = dict(plan, tasks=plan["tasks"] + [dict(plan["tasks"][0], id="2024Q1/X", entity_id="NOPE")])
    with pytest.raises(ssrandom.InvalidInputError) as info:
        ssrandom.assign_teams(bureau, unknown)
    assert "NOPE" in str(info.value)
    with pytest.raises(ssrandom.InvalidInputError) as info:
        ssrandom.assign_teams(bureau, plan, history=[plan])
    assert "not earlier" in str(info.value)


def test_teams_frame_has_one_row_per_task(bureau):
    pandas = pytest.importorskip("pandas")
    assignment = ssrandom.assign_teams(bureau, plan_for(bureau, "2024Q1"))
    frame = assignment.teams_frame()
    assert isinstance(frame, pandas.DataFrame)
    assert len(frame) == len(assignment.teams)
    assert list(frame.columns) == ["task_id", "joint", "partner_department", "members", "skipped"]


def test_the_team_record_is_chained_and_verification_checks_the_link(bureau):
    plan = plan_for(bureau, "2024Q1")
    entity_digest = "ab" * 32  # stands for the plan's entity draw record
    assignment = ssrandom.assign_teams(bureau, plan, previous_record_digest=entity_digest)
    record = assignment.record
    assert record["previous_record_digest"] == entity_digest
    assert record["inspector_directory"] == {"digest": ssrandom.teams.inspector_directory_digest(bureau),
                                             "size": bureau.inspector_count}
    assert len(assignment.record_digest) == 64
    assert assignment.record_digest == ssrandom.teams.team_record_digest(record)  # text or dict alike
    ssrandom.verify_teams(assignment.record_json, bureau, plan, previous_record_digest=entity_digest)
    with pytest.raises(ssrandom.FailedPreconditionError, match="previous_record_digest: the team record follows"):
        ssrandom.verify_teams(assignment.record_json, bureau, plan, previous_record_digest="cd" * 32)
    with pytest.raises(ssrandom.InvalidInputError, match="not a SHA-256 digest"):
        ssrandom.assign_teams(bureau, plan, previous_record_digest="abc")
    with pytest.raises(ssrandom.InvalidInputError):
        ssrandom.teams.team_record_digest({"format": "ssrandom-team-record"})


def test_full_coverage_pools_stay_outside_the_yearly_internal_share(bureau):
    plan = plan_for(bureau, "2024Q1")
    positive = 0
    for task in plan["tasks"]:
        if task["method"] == "off_site":
            task.update({"class": "general", "pool": "positive", "stratum": "positive"})
            positive += 1
    assert positive > 0
    record = ssrandom.assign_teams(bureau, plan).record
    assert record["rules"]["full_coverage_pools"] == ["positive"]
    assert record["year_inspections"] == len(plan["tasks"]) - positive
    everything = ssrandom.assign_teams(bureau, plan, ssrandom.TeamRules(full_coverage_pools=())).record
    assert everything["year_inspections"] == len(plan["tasks"])
    assert everything["year_internal_joint_required"] > record["year_internal_joint_required"]
    with pytest.raises(ssrandom.InvalidInputError, match="full_coverage_pools"):
        ssrandom.assign_teams(bureau, plan, {"full_coverage_pools": ["everything"]})
    policy = ssrandom.Policy.load("hebei-xinle-2024")
    assert _core.team_rules_from_policy(policy._core)["full_coverage_pools"] == ["positive"]


def test_the_inspector_directory_digest_is_recomputable_as_documented(bureau):
    """The recomputation in docs/teams.md ("The inspector directory digest"), from the CSV tables."""
    import csv
    import hashlib
    import io

    def rows(table):
        return list(csv.DictReader(io.StringIO(bureau.table_csv(table))))

    inspector_fields = ["id", "name", "certificate_number", "certificate_valid_from", "certificate_valid_until",
                        "unit", "department", "area_group", "specialties", "max_load", "active"]
    inspectors = rows("inspectors")
    assert any(";" in row["specialties"] for row in inspectors)  # the sorting of specialties matters here
    for row in inspectors:
        row["specialties"] = ";".join(sorted(filter(None, row["specialties"].split(";")), key=str.encode))
    text = "ssrandom-inspector-directory-v1\n"
    for name, table, fields in [("inspectors", inspectors, inspector_fields),
                                ("units", rows("units"), ["id", "name", "kind"]),
                                ("departments", rows("departments"), ["id", "name"]),
                                ("conflicts", rows("conflicts"), ["inspector_id", "entity_id", "reason"]),
                                ("pair_exclusions", rows("pair_exclusions"), ["inspector_a", "inspector_b", "reason"])]:
        text += name + "\n" + "".join(sorted("\x1f".join(row[f] for f in fields) + "\n" for row in table))
    assert hashlib.sha256(text.encode()).hexdigest() == ssrandom.teams.inspector_directory_digest(bureau)
