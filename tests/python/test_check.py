"""Results, compliance checks, statistics and disclosure from Python and from the command line."""

import json
import os
import subprocess
import sys

import pytest

import ssrandom
from ssrandom.check import (Results, check, demo_compliance_report, disclosure, load_plans, rule_ids,
                            simulate_results, statistics, write_xlsx)
from ssrandom.commands.demo import DEMO_PERIOD, DEMO_POLICY, DEMO_SEED, DEMO_SEED_SOURCE

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SAMPLE = os.path.join(ROOT, "data", "sample_results", "2024Q1")


@pytest.fixture(scope="module")
def bureau():
    return ssrandom.Bureau.sample()


@pytest.fixture(scope="module")
def drawn(bureau):
    return ssrandom.draw(bureau, ssrandom.Policy.load(DEMO_POLICY), DEMO_PERIOD, DEMO_SEED, DEMO_SEED_SOURCE)


def run_cli(*args, cwd=None):
    env = dict(os.environ)
    return subprocess.run([sys.executable, "-m", "ssrandom", *args], capture_output=True, text=True, env=env,
                          cwd=cwd)


def test_simulated_results_are_deterministic_and_match_the_bundled_file(bureau, drawn):
    a = simulate_results(drawn.plan, bureau)
    b = simulate_results(drawn.plan, bureau)
    assert a.to_csv() == b.to_csv()
    assert len(a) == len(drawn.plan)
    with open(os.path.join(SAMPLE, "results.csv"), encoding="utf-8") as f:
        assert f.read() == a.to_csv()
    with open(os.path.join(SAMPLE, "plan.json"), encoding="utf-8") as f:
        assert f.read() == drawn.plan.to_json()
    teams_of_one = [r for r in a.records if len(r["team"]) == 1]
    assert len(teams_of_one) == 1
    clean = simulate_results(drawn.plan, bureau, faults=False)
    assert all(len(r["team"]) >= 2 for r in clean.records)


def test_results_round_trip_through_csv_json_and_chinese_headers(bureau, drawn):
    results = simulate_results(drawn.plan, bureau)
    for text, fmt in ((results.to_csv(), "csv"), (results.to_json(), "json"), (results.to_csv(True), "csv")):
        again = Results.read(text, drawn.plan, fmt, bureau=bureau)
        assert again.to_json() == results.to_json()
    assert results.to_csv(True).startswith("任务编号,检查日期,检查方式,")


def test_results_errors_name_record_field_and_reason(drawn):
    task = drawn.plan.tasks[0]["id"]
    text = ("task_id,inspection_date,method,team,result\n"
            f"{task},2024-05-01,on_site,I-001;I-002,no_problem\n"
            "2024Q1/NOPE,2024-02-01,on_site,I-001;I-002,no_problem\n")
    with pytest.raises(ssrandom.InvalidInputError) as error:
        Results.read(text, drawn.plan, "csv", "r.csv")
    message = str(error.value)
    assert "record 1" in message and "field inspection_date" in message and "outside 2024Q1" in message
    assert "2024Q1/NOPE is in none of the plans" in message


def test_check_finds_the_simulated_faults(bureau, drawn):
    results = simulate_results(drawn.plan, bureau)
    report = check(DEMO_POLICY, DEMO_PERIOD, drawn.plan, records=[drawn.record], results=results, bureau=bureau,
                   as_of="2024-06-30", summary_submitted={"2024Q1": "2024-03-27"})
    assert not report.ok
    assert report.finding("T-SIZE", "2024Q1")["status"] == "violated"
    assert report.finding("D-PUBLICATION", "2024Q1")["status"] == "violated"
    assert report.finding("D-ENTRY", "2024Q1")["status"] == "violated"
    assert report.finding("Q-KEY", "2024Q1", "key")["status"] == "met"
    assert report.finding("D-SUMMARY", "2024Q1")["status"] == "met"
    assert {f["rule"] for f in report.findings} == set(rule_ids())
    assert "规则 rule" in report.text
    assert report.data["mode"] == "retrospective"
    clean = simulate_results(drawn.plan, bureau, faults=False)
    good = check(DEMO_POLICY, DEMO_PERIOD, drawn.plan, records=[drawn.record], results=clean, bureau=bureau,
                 as_of="2024-06-30", summary_submitted={"2024Q1": "2024-03-27"},
                 statistics_submitted={"2024Q1": "2024-04-02"})
    assert good.ok, good.text


def test_prospective_check_names_the_next_entities_to_draw(bureau, drawn):
    plan = ssrandom.Plan(json.dumps(dict(json.loads(drawn.plan.to_json()),
                                         tasks=[t for t in drawn.plan.tasks if t["pool"] != "key"])))
    report = check(DEMO_POLICY, DEMO_PERIOD, plan, bureau=bureau)
    key = report.finding("Q-KEY", "2024Q1", "key")
    assert key["status"] == "short" and key["shortfall"] == 24
    assert "draw 24 more" in key["hint"] and "XL-" in key["hint"]


def test_statistics_and_xlsx(bureau, drawn, tmp_path):
    results = simulate_results(drawn.plan, bureau)
    table = statistics(bureau, DEMO_POLICY, drawn.plan, results)
    total = table.total
    assert total["inspections"] == len(drawn.plan)
    assert sum(row["inspections"] for row in table.rows) == total["inspections"]
    assert total["problems_found"] == sum(1 for r in results.records if r["result"] == "problem_found")
    path = tmp_path / "s.xlsx"
    write_xlsx(table, path)
    openpyxl = pytest.importorskip("openpyxl")
    sheet = openpyxl.load_workbook(path)["2024Q1"]
    keys = [c.value for c in sheet[3]]
    last = [c.value for c in sheet[sheet.max_row]]
    assert last[0] == "合计 total"
    assert last[keys.index("inspections")] == total["inspections"]


def test_disclosure_withholds_and_keeps_inspectors_private(bureau, drawn):
    results = simulate_results(drawn.plan, bureau)
    published = disclosure(bureau, drawn.plan, results, "2024-02-01", drawn.record)
    assert len(published.records) + len(published.withheld) == len(drawn.plan)
    assert all(r["inspection_date"] <= "2024-02-01" for r in published.records)
    text = published.to_json() + published.to_csv()
    assert "I-0" not in text  # no inspector ids
    assert "执法证号" in text


def test_demo_compliance_report(bureau, drawn):
    text = demo_compliance_report(bureau, DEMO_POLICY, drawn.plan, drawn.record)
    assert "合规检查 compliance check" in text
    assert "违规 violated" in text and "达标 met" in text
    assert "统计表 statistics 2024Q1" in text


def test_load_plans_finds_quarter_folders(tmp_path, bureau, drawn):
    drawn.save(tmp_path / "2024Q1")
    plans, records = load_plans(tmp_path)
    assert [p.period for p in plans] == ["2024Q1"] and len(records) == 1


def test_cli_check_exit_codes_and_json(tmp_path, bureau, drawn):
    drawn.save(tmp_path / "q1")
    results = os.path.join(SAMPLE, "results.csv")
    out = run_cli("check", "--policy", DEMO_POLICY, "--plan", str(tmp_path / "q1"), "--results", results,
                  "--period", "2024Q1", "--sample", "--as-of", "2024-06-30", "--json", str(tmp_path / "c.json"))
    assert out.returncode == 1, out.stderr
    assert "T-SIZE" in out.stdout and "违规 violated" in out.stdout
    data = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert data["format"] == "ssrandom-compliance" and data["ok"] is False

    simulate_results(drawn.plan, bureau, faults=False).save(tmp_path / "clean.json")
    ok = run_cli("check", "--policy", DEMO_POLICY, "--plan", str(tmp_path / "q1"), "--results",
                 str(tmp_path / "clean.json"), "--period", "2024Q1", "--sample", "--as-of", "2024-06-30",
                 "--summary-submitted", "2024Q1=2024-03-27", "--statistics-submitted", "2024Q1=2024-04-01",
                 "--out", str(tmp_path / "out"))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert (tmp_path / "out" / "compliance-2024Q1.json").exists()

    bad = tmp_path / "bad.csv"
    bad.write_text("task_id,inspection_date,method,team,result\n2024Q1/NOPE,2024-02-01,on_site,I-1;I-2,no_problem\n",
                   encoding="utf-8")
    err = run_cli("check", "--policy", DEMO_POLICY, "--plan", str(tmp_path / "q1"), "--results", str(bad),
                  "--period", "2024Q1", "--sample")
    assert err.returncode == 2
    assert "2024Q1/NOPE" in err.stderr


def test_cli_report_writes_xlsx_that_openpyxl_reads(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    out = run_cli("report", "--plan", SAMPLE, "--results", os.path.join(SAMPLE, "results.csv"), "--sample",
                  "--out", str(tmp_path), "--xlsx")
    assert out.returncode == 0, out.stderr
    data = json.loads((tmp_path / "statistics-2024Q1.json").read_text(encoding="utf-8"))
    sheet = openpyxl.load_workbook(tmp_path / "statistics.xlsx")["2024Q1"]
    labels = [c.value for c in sheet[2]]
    assert labels[:2] == ["所属区域", "检查对象总数"]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=4, values_only=True)}
    keys = [c.value for c in sheet[3]]
    for row in data["rows"] + [data["total"]]:
        assert rows[row["area"]][keys.index("inspections")] == row["inspections"]


def test_cli_publish_withholds_uninspected_tasks(tmp_path):
    out = run_cli("publish", "--plan", SAMPLE, "--results", os.path.join(SAMPLE, "results.csv"), "--sample",
                  "--as-of", "2024-02-01", "--out", str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert "withheld" in out.stderr and "confidential until the inspection" in out.stderr
    text = (tmp_path / "disclosure-2024Q1.csv").read_text(encoding="utf-8")
    assert text.startswith("task_id,entity_name,uscc,")
    assert "I-0" not in text


def test_cli_calendar_gives_the_publication_deadline_of_an_inspection():
    out = run_cli("calendar", "2025Q3", "--json", "--inspected", "2025-09-25")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["summary_due"] == "2025-09-28"
    assert data["inspection"] == {"date": "2025-09-25", "result_entry_due": "2025-10-11",
                                  "publication_due": "2025-10-29", "provisional": False}
    year = json.loads(run_cli("calendar", "2024", "--json", "--inspected", "2024-09-20").stdout)
    assert year[2]["inspection"]["publication_due"] == "2024-10-23"
    assert "inspection" not in year[0]
    assert run_cli("calendar", "2025Q3", "--inspected", "2025-10-09").returncode == 2
