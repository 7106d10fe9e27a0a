"""``ssrandom demo``: the main job on the built-in sample bureau."""

from __future__ import annotations

import argparse
import json

import ssrandom.entity_draw as draw_module
from ssrandom.bureau import Bureau
from ssrandom.check import demo_compliance_report
from ssrandom.commands._inputs import team_rules_for
from ssrandom.commands.draw import print_strata
from ssrandom.entity_draw import Plan
from ssrandom.policy import Policy, classify
from ssrandom.teams import TeamAssignment, assign_teams

DEMO_PERIOD_START = "2024-01-01"
DEMO_PERIOD = "2024Q1"
DEMO_POLICY = "hebei-xinle-2024"
# A fixed seed, printed, so anyone can re-run the demo's draw; a real bureau takes it from a public source
# after freezing the directory and the policy.
DEMO_SEED = "2024-01-05 中国福利彩票3D 第2024005期 开奖号码 3 1 7"
DEMO_SEED_SOURCE = "example: the China Welfare Lottery 3D draw announced after the 2024Q1 freeze"


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "demo", help="run the quarterly job on the built-in sample bureau",
        description="Loads the built-in sample bureau and prints its directory summary, data-quality "
                    "report, its classification under the hebei-xinle-2024 policy for 2024Q1, then draws the "
                    "quarter with a fixed, printed seed and verifies its own record, draws an inspector team "
                    "for every task, and ends with the quarter's compliance report on a bundled simulated set of "
                    "results that has a few realistic faults.")
    parser.add_argument("--out", metavar="DIR",
                        help="also write plan.csv, plan.json and record.json here (and, in the text demo, the "
                             "teams: plan.json with teams and teams.json)")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object (summary, quality, classification, draw, verification)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.json:
        return run_json(args)
    bureau = Bureau.sample()
    print(bureau.summary())
    print(bureau.check(as_of=DEMO_PERIOD_START).to_text())
    print()
    print(classify(bureau, DEMO_POLICY, DEMO_PERIOD).summary())
    print()
    policy = Policy.load(DEMO_POLICY)
    print(f"随机抽取检查对象 entity draw — {DEMO_PERIOD}, policy {DEMO_POLICY}")
    print(f"  seed 随机种子: {DEMO_SEED}")
    print(f"  seed source:  {DEMO_SEED_SOURCE}")
    result = draw_module.draw(bureau, policy, DEMO_PERIOD, DEMO_SEED, DEMO_SEED_SOURCE)
    print_strata(result.record)
    on_site = sum(1 for task in result.plan.tasks if task["method"] == "on_site")
    print(f"  {len(result.plan)} tasks: {on_site} on-site, {len(result.plan) - on_site} off-site (positive list)")
    print(f"  record digest {result.record.digest()}")
    verified = draw_module.verify(result.record, bureau, policy)
    print(f"  ssrandom verify: {'verified' if verified else 'NOT verified: ' + verified.message}")
    if args.out:
        for path in result.save(args.out):
            print(f"  wrote {path}")
    print()
    # The team record follows the entity record in the chain (docs/teams.md).
    assignment = assign_teams(bureau, result.plan.to_json(), team_rules_for(policy),
                              previous_record_digest=result.record.digest())
    print_teams(assignment)
    print(f"  team record digest {assignment.record_digest} (follows record {result.record.digest()[:12]}…)")
    teamed = Plan(assignment.plan_json)
    if args.out:
        from ssrandom.commands.assign import TEAM_RECORD, write_files

        for path in write_files(args.out, [("plan.csv", teamed.to_csv()), ("plan.json", teamed.to_json()),
                                           (TEAM_RECORD, assignment.record_json)]):
            print(f"  wrote {path}")
    print()
    print(demo_compliance_report(bureau, policy, teamed))
    return 0 if verified else 1


def print_teams(assignment: TeamAssignment) -> None:
    """The team draw in a few lines: joint counts, workload spread and a few example teams."""
    record = assignment.record
    print(f"随机选派执法检查人员 team draw — {record['period']}")
    print(f"  {record['tasks']} teams; 内部联合 internal joint {record['internal_joint']}, "
          f"部门联合 inter-department joint {record['department_joint']} "
          f"(year so far: {record['year_internal_joint']} of {record['year_inspections']} inspections)")
    workload = record["workload"]
    print(f"  workload per inspector: min {workload['min']}, max {workload['max']}, "
          f"std dev {workload['stddev']:.1f} over {workload['inspectors']} inspectors")
    skipped = sum(len(team["skipped"]) for team in record["teams"])
    print(f"  {skipped} candidates skipped before the chosen ones, each with its reason, in the team record")
    for task in assignment.plan["tasks"][:3]:
        print(f"  {task['id']}: {', '.join(task['team'])} ({task['joint']})")


def run_json(args: argparse.Namespace) -> int:
    """The demo as one JSON object, for programs."""
    bureau = Bureau.sample()
    policy = Policy.load(DEMO_POLICY)
    classification = classify(bureau, policy, DEMO_PERIOD)
    result = draw_module.draw(bureau, policy, DEMO_PERIOD, DEMO_SEED, DEMO_SEED_SOURCE)
    verified = draw_module.verify(result.record, bureau, policy)
    files = result.save(args.out) if args.out else []
    document = {
        "summary": bureau.summary_dict(),
        "quality": json.loads(bureau.check(as_of=DEMO_PERIOD_START).to_json()),
        "classification": {"period": classification.period, "policy": policy.name,
                           "counts": classification.counts, "quotas": classification.quotas},
        "draw": {"period": DEMO_PERIOD, "seed": DEMO_SEED, "seed_source": DEMO_SEED_SOURCE,
                 "tasks": len(result.plan), "record_digest": result.record.digest(),
                 "strata": [{k: v for k, v in s.items() if k != "selected"} | {"drawn": len(s["selected"])}
                            for s in result.record.strata]},
        "verified": verified.ok,
        "files": files,
    }
    print(json.dumps(document, ensure_ascii=False, indent=2))
    return 0 if verified else 1
