import json
import subprocess
import sys

import ssrandom

POLICY = ["--sample", "--policy", "hebei-xinle-2024"]


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "ssrandom", *args], capture_output=True, text=True)


def test_assign_staffs_every_task_and_keeps_the_draw_verifiable(tmp_path):
    q1 = tmp_path / "q1"
    assert run_cli("draw", *POLICY, "--period", "2024Q1", "--seed", "s1", "--out", str(q1)).returncode == 0
    result = run_cli("assign", "--plan", str(q1), *POLICY)
    assert result.returncode == 0, result.stderr
    plan = ssrandom.Plan.load(q1 / "plan.json")
    teams = json.loads((q1 / "teams.json").read_text(encoding="utf-8"))
    assert len(teams["teams"]) == len(plan)
    for task in plan.tasks:
        minimum = 2 if task["method"] == "on_site" else 1
        assert len(task["team"]) >= minimum, task["id"]
    assert teams["department_joint"] >= 1
    assert any(team["skipped"] for team in teams["teams"])
    # The entity draw still verifies: the record covers the draw of entities, the team record the teams.
    verified = run_cli("verify", str(q1 / "record.json"), *POLICY)
    assert verified.returncode == 0, verified.stderr


def test_assign_is_deterministic_and_uses_history_for_the_yearly_share(tmp_path):
    for quarter, seed in (("2024Q1", "s1"), ("2024Q2", "s2")):
        out = tmp_path / "year" / quarter
        assert run_cli("draw", *POLICY, "--period", quarter, "--seed", seed, "--history",
                       str(tmp_path / "year"), "--out", str(out)).returncode == 0
        assert run_cli("assign", "--plan", str(out), *POLICY, "--history", str(tmp_path / "year")).returncode == 0
    q2 = json.loads((tmp_path / "year" / "2024Q2" / "teams.json").read_text(encoding="utf-8"))
    assert q2["year_inspections"] > q2["tasks"]
    again = run_cli("assign", "--plan", str(tmp_path / "year" / "2024Q2"), *POLICY, "--history",
                    str(tmp_path / "year"), "--out", str(tmp_path / "again"), "--json")
    assert again.returncode == 0, again.stderr
    redrawn = json.loads(again.stdout)
    # A re-draw draws the same teams and follows the team record it replaces in the chain.
    assert redrawn["previous_record_digest"] == ssrandom.teams.team_record_digest(q2)
    assert {**redrawn, "previous_record_digest": q2["previous_record_digest"]} == q2
    # The copy folder holds the whole chain and verifies on its own.
    assert (tmp_path / "again" / "record.json").exists() and (tmp_path / "again" / "teams-1.json").exists()
    verified = run_cli("verify", str(tmp_path / "again" / "record.json"), *POLICY, "--history", str(tmp_path / "year"))
    assert verified.returncode == 0, verified.stderr


def test_a_draw_without_teams_refuses_a_folder_holding_a_team_record_and_writes_nothing(tmp_path):
    q1 = tmp_path / "q1"
    assert run_cli("draw", *POLICY, "--period", "2024Q1", "--seed", "s1", "--out", str(q1)).returncode == 0
    assert run_cli("assign", "--plan", str(q1), *POLICY).returncode == 0
    before = {p.name: p.read_bytes() for p in q1.iterdir()}
    again = run_cli("draw", *POLICY, "--period", "2024Q1", "--seed", "s2", "--out", str(q1))
    assert again.returncode == 2
    assert "teams.json is the team record of an earlier draw into this folder" in again.stderr, again.stderr
    assert "--inspectors" in again.stderr and "nothing was written" in again.stderr
    assert {p.name: p.read_bytes() for p in q1.iterdir()} == before
    # The folder still verifies, teams and all; another folder, or drawing the teams too, is accepted.
    assert run_cli("verify", str(q1 / "record.json"), *POLICY).returncode == 0
    elsewhere = run_cli("draw", *POLICY, "--period", "2024Q1", "--seed", "s2", "--out", str(tmp_path / "q1b"))
    assert elsewhere.returncode == 0, elsewhere.stderr
    inspectors = tmp_path / "inspectors.csv"
    inspectors.write_text(ssrandom.Bureau.sample().table_csv("inspectors"), encoding="utf-8")
    redrawn = run_cli("draw", *POLICY, "--inspectors", str(inspectors), "--period", "2024Q1", "--seed", "s2",
                      "--out", str(q1))
    assert redrawn.returncode == 0, redrawn.stderr
    assert run_cli("verify", str(q1 / "record.json"), *POLICY, "--inspectors", str(inspectors)).returncode == 0


# --- the record chain, --inspectors and verification of the team draw ------------------------------------------


def inspectors_file(tmp_path, name="inspectors.csv", edit=None):
    """The sample bureau's inspector directory as its own file, optionally edited line by line."""
    text = ssrandom.Bureau.sample().table_csv("inspectors")
    if edit is not None:
        text = edit(text)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def draw_with_teams(tmp_path, inspectors, folder="q1"):
    out = tmp_path / folder
    result = run_cli("draw", *POLICY, "--inspectors", str(inspectors), "--period", "2024Q1", "--seed", "s1",
                     "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_draw_with_an_inspector_file_writes_a_team_record_chained_to_the_entity_record(tmp_path):
    inspectors = inspectors_file(tmp_path)
    q1 = draw_with_teams(tmp_path, inspectors)
    assert sorted(p.name for p in q1.iterdir()) == ["plan.csv", "plan.json", "record.json", "teams.json"]
    record = ssrandom.DrawRecord.load(q1 / "record.json")
    teams = json.loads((q1 / "teams.json").read_text(encoding="utf-8"))
    assert teams["previous_record_digest"] == record.digest()
    assert teams["plan_digest"] == record.data["plan_digest"]
    assert teams["inspector_directory"]["size"] == ssrandom.Bureau.sample().inspector_count
    assert all(task["team"] for task in ssrandom.Plan.load(q1 / "plan.json").tasks)
    # The same as drawing first and assigning after, byte for byte.
    q1b = tmp_path / "q1b"
    assert run_cli("draw", *POLICY, "--period", "2024Q1", "--seed", "s1", "--out", str(q1b)).returncode == 0
    assert run_cli("assign", "--plan", str(q1b), *POLICY, "--inspectors", str(inspectors)).returncode == 0
    assert (q1b / "teams.json").read_bytes() == (q1 / "teams.json").read_bytes()
    assert (q1b / "plan.json").read_bytes() == (q1 / "plan.json").read_bytes()

    verified = run_cli("verify", str(q1 / "record.json"), *POLICY, "--inspectors", str(inspectors))
    assert verified.returncode == 0, verified.stderr
    assert "verified: the team draw" in verified.stdout
    as_json = run_cli("verify", str(q1 / "record.json"), *POLICY, "--inspectors", str(inspectors), "--json")
    assert as_json.returncode == 0
    document = json.loads(as_json.stdout)
    assert document["verified"] and document["teams"]["verified"]
    assert document["teams"]["record_digest"] == ssrandom.teams.team_record_digest(teams)
    # The staffed plan keeps its draw record for the compliance check (exit 0 or 1 for findings, not 2).
    checked = run_cli("check", "--policy", "hebei-xinle-2024", "--plan", str(q1), "--period", "2024Q1", "--sample",
                      "--as-of", "2024-01-10")
    assert checked.returncode in (0, 1), checked.stderr


def test_verify_fails_on_a_tampered_team_record(tmp_path):
    inspectors = inspectors_file(tmp_path)
    q1 = draw_with_teams(tmp_path, inspectors)
    teams = json.loads((q1 / "teams.json").read_text(encoding="utf-8"))
    k = next(i for i, team in enumerate(teams["teams"]) if len(team["members"]) >= 2)
    members = teams["teams"][k]["members"]
    members[0], members[1] = members[1], members[0]
    (q1 / "teams.json").write_text(json.dumps(teams, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    result = run_cli("verify", str(q1 / "record.json"), *POLICY, "--inspectors", str(inspectors))
    assert result.returncode == 1
    assert "NOT verified: the team draw: teams.json: " in result.stderr
    assert f"teams[{k}]" in result.stderr and ".members[0]: the record says" in result.stderr, result.stderr


def test_verify_fails_on_a_reformatted_team_record_even_when_every_field_agrees(tmp_path):
    inspectors = inspectors_file(tmp_path)
    q1 = draw_with_teams(tmp_path, inspectors)
    teams = json.loads((q1 / "teams.json").read_text(encoding="utf-8"))
    (q1 / "teams.json").write_text(json.dumps(teams, ensure_ascii=False, indent=4), encoding="utf-8")
    result = run_cli("verify", str(q1 / "record.json"), *POLICY, "--inspectors", str(inspectors))
    assert result.returncode == 1
    assert "byte for byte" in result.stderr


def test_verify_fails_when_the_inspector_file_changed(tmp_path):
    inspectors = inspectors_file(tmp_path)
    q1 = draw_with_teams(tmp_path, inspectors)
    # A renamed inspector: no team need change, but the directory is not the one drawn from.
    changed = inspectors_file(tmp_path, "inspectors-changed.csv",
                              lambda text: text.replace("I-001,吕雨桐", "I-001,吕雨", 1))
    assert changed.read_text(encoding="utf-8") != inspectors.read_text(encoding="utf-8")
    result = run_cli("verify", str(q1 / "record.json"), *POLICY, "--inspectors", str(changed))
    assert result.returncode == 1
    assert "inspector_directory.digest: the team record was drawn from an inspector directory" in result.stderr
    # The bureau's own directory (no --inspectors) is the same list here, so it verifies.
    assert run_cli("verify", str(q1 / "record.json"), *POLICY).returncode == 0


def test_a_team_record_from_another_draw_or_a_cut_chain_fails(tmp_path):
    inspectors = inspectors_file(tmp_path)
    q1 = draw_with_teams(tmp_path, inspectors)
    other = tmp_path / "other"
    assert run_cli("draw", *POLICY, "--inspectors", str(inspectors), "--period", "2024Q1", "--seed", "s2",
                   "--out", str(other)).returncode == 0
    (q1 / "teams.json").write_bytes((other / "teams.json").read_bytes())
    result = run_cli("verify", str(q1 / "record.json"), *POLICY, "--inspectors", str(inspectors))
    assert result.returncode == 1
    assert "teams.json: previous_record_digest" in result.stderr and "record chain" in result.stderr


def test_a_redraw_keeps_the_replaced_team_record_in_the_chain(tmp_path):
    inspectors = inspectors_file(tmp_path)
    q1 = draw_with_teams(tmp_path, inspectors)
    first = (q1 / "teams.json").read_bytes()
    # An inspector who served leaves (one named in no conflict or exclusion): the teams are re-drawn.
    sample = ssrandom.Bureau.sample()
    declared = set(sample.to_pandas("conflicts")["inspector_id"])
    exclusions = sample.to_pandas("pair_exclusions")
    declared |= set(exclusions["inspector_a"]) | set(exclusions["inspector_b"])
    served = [m for team in json.loads(first)["teams"] for m in team["members"]]
    leaving = next(m for m in served if m not in declared)
    fewer = inspectors_file(tmp_path, "inspectors-april.csv",
                            lambda text: "\n".join(line for line in text.split("\n")
                                                   if not line.startswith(leaving + ",")))
    result = run_cli("assign", "--plan", str(q1), *POLICY, "--inspectors", str(fewer))
    assert result.returncode == 0, result.stderr
    assert (q1 / "teams-1.json").read_bytes() == first
    teams = json.loads((q1 / "teams.json").read_text(encoding="utf-8"))
    assert teams["previous_record_digest"] == ssrandom.teams.team_record_digest(first.decode("utf-8"))
    assert all(leaving not in team["members"] for team in teams["teams"])
    verified = run_cli("verify", str(q1 / "record.json"), *POLICY, "--inspectors", str(fewer))
    assert verified.returncode == 0, verified.stderr
    # Hiding the earlier draw breaks the chain.
    (q1 / "teams-1.json").unlink()
    result = run_cli("verify", str(q1 / "record.json"), *POLICY, "--inspectors", str(fewer))
    assert result.returncode == 1
    assert "neither the digest of record.json" in result.stderr


def snapshot(folder):
    return {p.name: p.read_bytes() for p in folder.iterdir()} if folder.exists() else {}


def test_a_bad_inspector_file_is_a_clear_error_and_nothing_is_written(tmp_path):
    bad = inspectors_file(tmp_path, "inspectors-bad.csv",
                          lambda text: text.replace("2026-12-31", "2026-13-31", 1))
    out = tmp_path / "q1"
    result = run_cli("draw", *POLICY, "--inspectors", str(bad), "--period", "2024Q1", "--seed", "s1",
                     "--out", str(out))
    assert result.returncode == 2
    assert str(bad) in result.stderr and "certificate_valid_until" in result.stderr, result.stderr
    assert "record 1" in result.stderr, result.stderr
    assert snapshot(out) == {}

    # A conflict naming an inspector the file no longer lists, and an unknown column.
    plan_dir = tmp_path / "plan"
    assert run_cli("draw", *POLICY, "--period", "2024Q1", "--seed", "s1", "--out", str(plan_dir)).returncode == 0
    before = snapshot(plan_dir)
    sample = ssrandom.Bureau.sample()
    conflicted = sample.to_pandas("conflicts")["inspector_id"].iloc[0]
    missing = inspectors_file(tmp_path, "inspectors-missing.csv",
                              lambda text: "\n".join(line for line in text.split("\n")
                                                     if not line.startswith(conflicted + ",")))
    for path, expected in ((missing, conflicted), (bad, "certificate_valid_until")):
        result = run_cli("assign", "--plan", str(plan_dir), *POLICY, "--inspectors", str(path))
        assert result.returncode == 2, result.stderr
        assert expected in result.stderr, result.stderr
        assert snapshot(plan_dir) == before
    wrong = tmp_path / "inspectors.txt"
    wrong.write_text("id\nI-1\n", encoding="utf-8")
    result = run_cli("assign", "--plan", str(plan_dir), *POLICY, "--inspectors", str(wrong))
    assert result.returncode == 2 and ".csv or .json" in result.stderr
    result = run_cli("assign", "--plan", str(plan_dir), *POLICY, "--inspectors", str(tmp_path / "absent.csv"))
    assert result.returncode == 2 and "absent.csv" in result.stderr
    assert snapshot(plan_dir) == before


def test_an_inspector_file_in_json_replaces_the_bureau_inspectors(tmp_path):
    import csv
    import io

    sample = ssrandom.Bureau.sample()
    rows = [{key: value for key, value in row.items() if value != ""}
            for row in csv.DictReader(io.StringIO(sample.table_csv("inspectors")))]
    for row in rows:
        if "specialties" in row:
            row["specialties"] = row["specialties"].split(";")
        if "max_load" in row:
            row["max_load"] = int(row["max_load"])
        row["active"] = row.get("active") == "true"
    path = tmp_path / "inspectors.json"
    path.write_text(json.dumps({"inspectors": rows}, ensure_ascii=False), encoding="utf-8")
    replaced = ssrandom.teams.with_inspectors(sample, path)
    assert ssrandom.teams.inspector_directory_digest(replaced) == ssrandom.teams.inspector_directory_digest(sample)
    declared = set(sample.to_pandas("conflicts")["inspector_id"])
    exclusions = sample.to_pandas("pair_exclusions")
    declared |= set(exclusions["inspector_a"]) | set(exclusions["inspector_b"])
    shorter = tmp_path / "short.json"
    leaving = next(row["id"] for row in reversed(rows) if row["id"] not in declared)
    shorter.write_text(json.dumps([row for row in rows if row["id"] != leaving], ensure_ascii=False),
                       encoding="utf-8")
    assert ssrandom.teams.with_inspectors(sample, shorter).inspector_count == sample.inspector_count - 1
    assert sample.inspector_count == len(rows)  # the bureau itself is unchanged
