// ssrandom/assign.h — the verifiable random draw of inspection teams (随机选派执法检查人员), with recusal,
// rotation, skills, workload and joint inspections (RULES.md §3–§4; docs/teams.md).
//
// The second "random" of 双随机: every task of a plan gets a team drawn from the inspector directory. For
// each task, every inspector of the directory is a candidate, ranked by the ticket (RULES.md §7) of the id
// "<task id>|<inspector id>" under the plan's seed; the team is the first candidates in that order that the
// rules admit. Every candidate passed over before the last member is recorded with the reason, so anyone can
// re-run the draw — with this library, or by hand from the tickets and the rules in docs/teams.md.
//
//   ssr::AssignRequest request;
//   request.history = earlier_plans;                 // rotation and the year's joint share
//   absl::StatusOr<ssr::AssignResult> assigned = ssr::AssignTeams(bureau, ssr::TeamRules(), plan, request);
//   if (!assigned.ok()) std::cerr << assigned.status().message();  // what is short and what would fix it
//   std::string record = assigned->record.ToJson();                  // the team part of the public record
//   absl::Status ok = ssr::VerifyTeamDraw(assigned->record, bureau, ssr::TeamRules(), plan, request);
//
// The rules a team obeys, each with the reason code of a candidate it turns away (checked in this order; the
// first that fails is recorded):
//   - inactive       an inactive inspector is never drawn;
//   - unit           the wrong kind of staff for the task: off-site tasks go only to staff of
//                    TeamRules::offsite_units, partner-department inspectors only join inter-department joint
//                    tasks, staff with neither unit nor department are not drawn;
//   - certificate    a law-enforcement certificate valid on every day of the plan's period (the inspection
//                    date is not fixed when teams are drawn);
//   - conflict       no declared conflict of interest with the entity (回避, art. 43);
//   - rotation       nobody who inspected the entity in the rotation window (from the history's teams);
//   - area           the own-area rule (OwnAreaRule);
//   - pair_exclusion no two inspectors the bureau declared must not serve together;
//   - unit / skill   no place left on the team asks for this candidate: the partner place is taken or a mixed
//                    team still needs another unit (unit), or the places left are reserved for specialties
//                    the candidate lacks (skill);
//   - load           at most the inspector's levelled load cap of tasks in the period (see below);
//   - feasibility    taking the candidate would leave a place of this or a later task impossible to fill.
//
// Workload is spread by levelling: the draw first finds the smallest whole percentage p (1..100) such that
// every place of the plan can still be filled when each inspector takes at most ⌈p × max_load / 100⌉
// tasks, and draws under those caps. The highest load share is thus as low as the rules allow, while the
// draw itself stays in pure ticket order.
//
// Joint inspections: a task is internal joint (内部联合) when its items belong to ≥ 2 internal units, or
// when it was chosen to have a team from ≥ 2 units; it is inter-department joint (部门联合) when chosen to
// have a partner-department member. The chosen tasks are the on-site tasks with the lowest tickets of
// "<task id>|department" and "<task id>|internal" among those that can take such a team, as many as
// TeamRules asks for (the yearly internal share counts the year's earlier plans).
//
// Feasibility is decided before drawing, by a maximum flow over all the plan's team places and the
// inspectors' load caps; during the draw, every member is checked against the same flow, so the draw never
// paints itself into a corner. Determinism: no floating point in any decision; the same inputs give the
// same record, byte for byte, on every machine and for every thread count.
//
// Thread safety: AssignTeams and VerifyTeamDraw are reentrant; they only read their inputs.
#ifndef SSRANDOM_ASSIGN_H_
#define SSRANDOM_ASSIGN_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "ssrandom/bureau.h"
#include "ssrandom/plan.h"
#include "ssrandom/record.h"
#include "ssrandom/team_rules.h"

namespace ssr {

// The format a team record declares, and the id spaces of its tickets.
inline constexpr char kTeamRecordFormat[] = "ssrandom-team-record";
inline constexpr int kTeamRecordFormatVersion = 1;
inline constexpr char kTeamIdSpace[] = "<task id>|<inspector id>";
inline constexpr char kDepartmentJointIdSpace[] = "<task id>|department";
inline constexpr char kInternalJointIdSpace[] = "<task id>|internal";

// A candidate passed over before the team was complete. Reason codes: "inactive", "unit", "certificate",
// "conflict", "rotation", "area", "pair_exclusion", "skill", "load", "feasibility" (see the header comment
// for what each means and the order in which they are checked).
struct SkippedCandidate {
  std::string inspector_id;
  std::string reason;
  friend bool operator==(const SkippedCandidate& a, const SkippedCandidate& b) {
    return a.inspector_id == b.inspector_id && a.reason == b.reason;
  }
};

// The draw of one task's team.
struct TeamDraw {
  std::string task_id;
  std::vector<std::string> members;       // in draw (ticket) order
  std::vector<SkippedCandidate> skipped;  // in ticket order, all before the last member
  JointType joint = JointType::kNone;
  std::string partner_department;  // for JointType::kDepartment
  friend bool operator==(const TeamDraw& a, const TeamDraw& b);
};

// Tasks per inspector in this plan, over the bureau's own drawable staff: active, in a unit, with a
// certificate valid for the whole period and a load cap above 0. stddev is the population standard
// deviation, for display only (rounded to 4 decimals; no decision reads it).
struct WorkloadSpread {
  int min = 0;
  int max = 0;
  double stddev = 0;
  int inspectors = 0;
  friend bool operator==(const WorkloadSpread& a, const WorkloadSpread& b) {
    return a.min == b.min && a.max == b.max && a.stddev == b.stddev && a.inspectors == b.inspectors;
  }
};

// The team part of the public draw record (docs/teams.md documents the JSON field by field). It is a link
// of the bureau's record chain: previous_record_digest names the record it follows — the entity draw record
// (record.json, DrawRecord::Digest()) of the plan, or the team record it re-draws — so a published team
// draw cannot be swapped for another without the chain showing it.
struct TeamDrawRecord {
  std::string id_space = kTeamIdSpace;
  std::string period;  // the plan's period, e.g. "2024Q1"
  // AssignRequest::previous_record_digest: the digest of the record this one follows ("" for none).
  std::string previous_record_digest;
  // Plan::Digest() of the plan with every task's team, joint type and partner department cleared: for a
  // plan straight from the entity draw, the entity record's plan_digest.
  std::string plan_digest;
  // InspectorDirectoryDigest(bureau) and the number of inspectors in the directory.
  std::string inspector_directory_digest;
  int64_t inspector_directory_size = 0;
  // The earlier plans of AssignRequest::history (with their teams), by period: period and Plan::Digest().
  std::vector<HistoryEntry> history;
  TeamRules rules;              // the rules the draw applied
  int load_cap_percent = 100;   // the levelled load share p (see the header comment)
  std::vector<TeamDraw> teams;  // in plan task order
  // This plan's counts.
  int64_t internal_joint = 0, department_joint = 0, tasks = 0;
  // The year so far, this plan included (the internal joint share is a yearly rule).
  int64_t year_inspections = 0, year_internal_joint = 0;
  int64_t year_internal_joint_required = 0;  // ⌈share × year_inspections⌉ (0 when the share is 0)
  int64_t department_joint_required = 0;     // TeamRules::department_joints_per_quarter
  WorkloadSpread workload;

  // Pretty JSON (2-space indent, fields in documented order, UTF-8 unescaped), deterministic.
  std::string ToJson() const;
  // SHA-256 hex of the canonical JSON (keys sorted, no whitespace, UTF-8), as DrawRecord::Digest(): what a
  // later team record of the same plan (a re-draw) holds as its previous_record_digest.
  std::string Digest() const;
  // InvalidArgument naming the field on malformed input, an unknown format version or a key the format
  // does not define (at any level).
  static absl::StatusOr<TeamDrawRecord> FromJson(absl::string_view text, absl::string_view source);
  friend bool operator==(const TeamDrawRecord& a, const TeamDrawRecord& b);
};

// Plan::Digest() of `plan` with every task's team, joint type and partner department cleared: the digest
// the entity draw record names (DrawRecord::plan_digest), whether or not teams were drawn since. Pure.
std::string UnstaffedPlanDigest(const Plan& plan);

// The canonical SHA-256 digest (lowercase hex) of what the team draw reads from the bureau's inspector
// directory (执法检查人员名录库): the inspectors, units and partner departments, and the declared
// conflicts of interest and pair exclusions — independent of row order and file format (docs/teams.md
// gives the byte string, so anyone can recompute it). A team record names it, so verification tells a
// changed inspector list apart from a tampered draw. Pure; thread-safe.
std::string InspectorDirectoryDigest(const Bureau& bureau);

struct AssignRequest {
  // The bureau's earlier plans, with their teams, in any order: the rotation window looks back over their
  // teams, and the same year's plans count towards the yearly internal joint share.
  std::vector<Plan> history;
  // Worker threads for computing tickets (0: up to 2). The result is byte-identical for every value.
  int threads = 0;
  // The digest of the record the team draw follows in the bureau's chain: the plan's entity draw record
  // (DrawRecord::Digest()), or for a re-draw the team record it replaces (TeamDrawRecord::Digest()); ""
  // when the plan has no published record. Empty, or 64 lowercase hex characters.
  std::string previous_record_digest;
};

struct AssignResult {
  Plan plan;  // the input plan with every task's team, joint and partner_department filled
  TeamDrawRecord record;
};

// Draws every task's team. Teams, joint types and partner departments already in `plan` are ignored and
// replaced.
//
// Errors:
//  - InvalidArgument: invalid rules (ValidateTeamRules); a period that is not a quarter; an empty or blank
//    seed; a previous_record_digest that is not a SHA-256 hex digest; duplicate task ids; a task naming an
//    entity or item that is not in the bureau; a history plan whose period is not a quarter, not earlier than
//    the plan's, or repeated.
//  - FailedPrecondition, decided before anything is drawn: a task no team can serve even with unlimited
//    loads (the message counts why each inspector is out); too few tasks able to take the required joint
//    teams; or too little load capacity for all the places (the message names the tasks, the binding rule
//    and a fix, e.g. "2 more certified inspectors in area group 承安 or a load cap of 14 for them").
absl::StatusOr<AssignResult> AssignTeams(const Bureau& bureau, const TeamRules& rules, const Plan& plan,
                                         const AssignRequest& request);

// Recomputes the team draw from the same inputs and compares it with `record` field by field. The chain
// and input digests are checked first, each with its own message: previous_record_digest against
// request.previous_record_digest (the record the caller knows this one must follow), plan_digest against
// the plan, inspector_directory_digest against InspectorDirectoryDigest(bureau) and the history's
// periods and digests against request.history. OK when identical; FailedPrecondition naming the first
// difference otherwise, e.g.
// "teams[3] (2024Q1/XL-00412).members[1]: the record says I-007, the recomputed draw gives I-012". When a
// task of `plan_without_teams` does carry a team (the assigned plan itself may be passed), that team and its
// joint type must match the record too. A draw that can no longer be recomputed (changed directory) is a
// FailedPrecondition that says so.
absl::Status VerifyTeamDraw(const TeamDrawRecord& record, const Bureau& bureau, const TeamRules& rules,
                            const Plan& plan_without_teams, const AssignRequest& request);

}  // namespace ssr

#endif  // SSRANDOM_ASSIGN_H_
