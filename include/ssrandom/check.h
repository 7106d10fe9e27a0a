// check.h — compliance checks (考核): does a quarter (or a year) meet every rule, and what would close the
// gap?
//
// A bureau is assessed on whether its quarter met every rule of RULES.md §3–§5. `Check` runs one rule engine
// over a period's plans — before they are executed (prospective: will this plan comply?) or with their
// inspection results (retrospective: did it?) — and over a year of quarters for the yearly rules. Every rule
// yields `Finding`s: the rule id, the scope (period, pool, credit class, area), the measured and required
// values, a status (met / short / violated / not yet due / unknown), the shortfall as a count with an
// actionable hint, and the records involved. docs/check.md documents every rule and decision.
//
//   ssr::CheckInput input;
//   input.plans = {*plan};                   // plan.json of 2024Q1
//   input.records = {*record};               // its record.json: the frozen pool sizes
//   input.results = *results;                // results.h; leave empty for a prospective check
//   input.bureau = &bureau;                  // certificates, conflicts, hints naming entities and areas
//   input.as_of = absl::CivilDay(2024, 4, 15);
//   absl::StatusOr<ssr::ComplianceReport> report =
//       ssr::Check(policy, *ssr::Period::Parse("2024Q1"), input);
//   std::cout << report->ToText();           // bilingual, aligned
//   if (!report->ok()) ...                   // some rule is short or violated
//
// Rule ids (RULES.md §3–§5): Q-SPECIAL, Q-KEY, Q-POSITIVE, Q-GENERAL, Q-CREDIT, Q-JOINT-INTERNAL,
// Q-JOINT-DEPT, Q-YEARLY-CAP, T-SIZE, T-CERTIFICATE, T-RECUSAL, T-ROTATION, D-ENTRY, D-PUBLICATION,
// P-PUBLISHED, D-SUMMARY, D-STATISTICS. `RuleIds()` lists them in report order, `RuleTitle()` names each.
//
// Thread safety: Check is reentrant; reports are values.
#ifndef SSRANDOM_CHECK_H_
#define SSRANDOM_CHECK_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "ssrandom/bureau.h"
#include "ssrandom/calendar.h"
#include "ssrandom/period.h"
#include "ssrandom/plan.h"
#include "ssrandom/policy.h"
#include "ssrandom/record.h"
#include "ssrandom/results.h"

namespace ssr {

enum class FindingStatus : uint8_t {
  kMet = 0,    // 达标: the rule holds
  kShort = 1,  // 不足: a count is below its minimum; doing more (drawing, inspecting, publishing) closes it
  kViolated = 2,  // 违规: a record breaks the rule (a late date, a team of one, a conflict, a cap exceeded)
  kNotYetDue = 3,  // 未到期: the rule cannot be judged yet as of the check date (deadline ahead, yearly rule)
  kUnknown = 4,  // 未知: the input lacks what the rule needs (no bureau for certificates, no submission date)
};
absl::string_view FindingStatusName(FindingStatus status);  // "met", "short", "violated", "not_yet_due", …
absl::string_view FindingStatusLabel(FindingStatus status);  // "达标", "不足", "违规", "未到期", "未知"

// The rule ids in report order, and each rule's bilingual title ("重点监管对象抽查比例 key entities per
// quarter"); an empty title for an unknown id.
const std::vector<std::string>& RuleIds();
absl::string_view RuleTitle(absl::string_view rule);

// Where a finding applies. Empty fields mean "all": a pool finding has `pool`, a credit cell also
// `credit_class`; the quota rules apply to the bureau's whole area, so `area` is empty for them.
struct FindingScope {
  std::string period;  // "2024Q1", or "2024" for the yearly rules of a year check
  std::string pool;    // "special", "key", "positive", "general" or ""
  std::string credit_class;
  std::string area;
};

struct Finding {
  std::string rule;  // "Q-KEY"
  FindingScope scope;
  FindingStatus status = FindingStatus::kMet;
  // Counts: `measured` satisfy the rule, out of `base` considered; `required` is the minimum of `measured`
  // (a quota, ⌈share × base⌉, or base itself for "every record" rules).
  int64_t measured = 0;
  int64_t base = 0;
  int64_t required = 0;
  std::string measured_text;  // "24 of 94 key entities (25.5%)"
  std::string required_text;  // "≥ 24 (⌈25% × 94⌉ = 24)"
  // What is missing, as a count: entities to draw, inspections to make credit-based or joint, results to
  // publish, records that break the rule. 0 when met.
  int64_t shortfall = 0;
  std::string hint;                   // what to do, naming entities, areas, inspectors or dates
  std::vector<std::string> records;   // task ids (entity ids for the yearly cap) involved
  std::optional<absl::CivilDay> due;  // the deadline, for D-SUMMARY and D-STATISTICS
};

enum class CheckMode : uint8_t {
  kProspective = 0,    // plans only: will they comply when executed?
  kRetrospective = 1,  // plans and results: did they?
};
absl::string_view CheckModeName(CheckMode mode);  // "prospective", "retrospective"

struct CheckInput {
  // The plans under check: the quarter's plan, or one plan per quarter of a year. For a year, a quarter
  // without a plan is an error unless it starts after `as_of`.
  std::vector<Plan> plans;
  // Their draw records (optional). A record gives the pool sizes of the frozen directory; it must be the
  // record of the plan of its period (same plan digest).
  std::vector<DrawRecord> records;
  // The inspection results (any superset of the checked plans' results). None: a prospective check.
  std::optional<ResultSet> results;
  // The bureau (optional): pool sizes when a plan has no record, certificates (T-CERTIFICATE), conflicts
  // (T-RECUSAL), how a changed team was joint, and hints that name entities, areas and departments.
  const Bureau* bureau = nullptr;
  // Earlier plans of the year that are not checked themselves but count for the yearly cap and rotation.
  std::vector<Plan> history;
  // The day of the check. Deadlines after it are not yet due; results dated after it are not counted yet.
  // None: a final assessment, every deadline has passed.
  std::optional<absl::CivilDay> as_of;
  // When the quarterly summary (工作总结) and statistics table (统计表) were submitted, by quarter
  // ("2024Q1").
  std::map<std::string, absl::CivilDay> summary_submitted;
  std::map<std::string, absl::CivilDay> statistics_submitted;
  // The working-day calendar (null: WorkingDayCalendar::BuiltIn()).
  const WorkingDayCalendar* calendar = nullptr;
  // Q-CREDIT and Q-JOINT-INTERNAL count random inspections (抽查): tasks of pools drawn at a share below
  // 100%. Set this to count full-coverage pools (the positive list's off-site checks) too.
  bool count_full_coverage_in_shares = false;
};

struct ComplianceReport {
  std::string period;  // "2024Q1" or "2024"
  CheckMode mode = CheckMode::kProspective;
  std::optional<absl::CivilDay> as_of;
  std::string bureau;
  std::string policy_name;
  std::vector<std::string> plan_periods;  // the quarters checked
  std::vector<Finding> findings;          // rules in RuleIds() order, quarters in order within a rule
  std::vector<std::string> notes;         // what the check assumed (pool sizes' source, skipped quarters)

  // True when no finding is short or violated.
  bool ok() const;
  int64_t Count(FindingStatus status) const;
  // A readable report with bilingual labels, aligned for a terminal (CJK characters are two columns wide),
  // listing at most `max_records` records per finding.
  std::string ToText(int max_records = 8) const;
  // {"format": "ssrandom-compliance", "format_version": 1, "period", "mode", "as_of", "ok", "counts",
  //  "findings": [...], "notes": [...]}, 2-space indent, UTF-8. Every record is listed.
  std::string ToJson() const;
};

// Checks `period` (a quarter or a year) under `policy`.
// Errors: InvalidArgument — no plan; a plan outside the period, of another bureau, or two plans for one
// quarter; a missing quarter of a year check; a record that is not its plan's; results that fail
// ValidateResults; no pool sizes (neither a record nor a bureau). OutOfRange — the calendar lacks a year
// that a deadline needs (load the holiday file).
absl::StatusOr<ComplianceReport> Check(const Policy& policy, const Period& period, const CheckInput& input);

}  // namespace ssr

#endif  // SSRANDOM_CHECK_H_
