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
    assert json.loads(again.stdout) == q2
