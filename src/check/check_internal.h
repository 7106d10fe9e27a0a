// The rule engine's shared state: the checked quarters with their plans, results, pool sizes and the
// helpers every rule uses. Each rule is a function from the context to findings (check_rules_*.cc); the
// engine (check.cc) runs them in the order of RuleIds().
#ifndef SSRANDOM_SRC_CHECK_CHECK_INTERNAL_H_
#define SSRANDOM_SRC_CHECK_CHECK_INTERNAL_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "ssrandom/check.h"
#include "ssrandom/classify.h"
#include "ssrandom/policy.h"
#include "ssrandom/team_rules.h"

namespace ssr::internal {

// One checked quarter.
struct QuarterState {
  Period period = Period::Quarter(2000, 1);
  const Plan* plan = nullptr;
  const DrawRecord* record = nullptr;  // may be null
  // Entities per pool and per (pool, credit class) of the frozen directory.
  std::map<Pool, int64_t> pool_size;
  std::map<std::pair<Pool, std::string>, int64_t> cell_size;
  // The classification of the bureau's directory for the quarter, when a bureau is given (computed lazily).
  std::shared_ptr<const Classification> classification;
};

struct CheckContext {
  const Policy& policy;
  const Period& period;
  const CheckInput& input;
  const WorkingDayCalendar& calendar;
  CheckMode mode = CheckMode::kProspective;
  std::vector<QuarterState> quarters;  // in order
  bool year_complete = false;          // every quarter of a year check has a plan and has ended
  // Results by task id (only those inspected by as_of count as inspected).
  absl::flat_hash_map<std::string, const InspectionResult*> results;
  // The policy's team-draw rules: their full_coverage_pools decide what is a random inspection (抽查).
  TeamRules team_rules;

  // The result of a task when it was inspected by as_of, else nullptr (always nullptr when prospective).
  const InspectionResult* Inspected(const Task& task) const;
  // Whether the quarter has ended by as_of (always true without as_of).
  bool Ended(const Period& quarter) const;
  // Whether `day` is past by as_of: as_of is after `day` (always true without as_of).
  bool Passed(absl::CivilDay day) const;
  // The team of a task: the result's when inspected, the plan's otherwise.
  const std::vector<std::string>& TeamOf(const Task& task) const;
  // How a task is (to be) carried out jointly: the plan's type, or the type of the team sent when it
  // changed and the bureau tells the members' units and departments.
  JointType JointOf(const Task& task) const;
  // Whether a task is a random inspection (抽查) for the shares: IsRandomInspection (team_rules.h, the
  // team draw's own definition), or any task with count_full_coverage_in_shares.
  bool RandomInspection(const Task& task) const;
  // The tasks that count in the shares (Q-CREDIT, Q-JOINT-INTERNAL): random inspections. Prospective:
  // planned; retrospective: inspected.
  bool CountsInShares(const Task& task) const;
  // An inspector of the bureau, or nullptr.
  const Inspector* FindInspector(absl::string_view id) const;
  // "XL-00412 (杜固)" for the next undrawn entities of a pool (or cell) by the plan's ticket order, at most
  // `n`; empty without a bureau.
  std::vector<std::string> NextByTicket(QuarterState& quarter, Pool pool, absl::string_view credit_class,
                                        size_t n) const;
  absl::Status Classified(QuarterState& quarter) const;
};

// Rules: each appends its findings; errors are reserved for input problems (a calendar gap).
using RuleFunction = absl::Status (*)(CheckContext& context, std::vector<Finding>* findings);
absl::Status CheckQuotaRules(CheckContext& context, std::vector<Finding>* findings);  // Q-SPECIAL..Q-GENERAL
absl::Status CheckCredit(CheckContext& context, std::vector<Finding>* findings);
absl::Status CheckJointInternal(CheckContext& context, std::vector<Finding>* findings);
absl::Status CheckJointDepartment(CheckContext& context, std::vector<Finding>* findings);
absl::Status CheckYearlyCap(CheckContext& context, std::vector<Finding>* findings);
absl::Status CheckTeamSize(CheckContext& context, std::vector<Finding>* findings);
absl::Status CheckCertificates(CheckContext& context, std::vector<Finding>* findings);
absl::Status CheckRecusal(CheckContext& context, std::vector<Finding>* findings);
absl::Status CheckRotation(CheckContext& context, std::vector<Finding>* findings);
absl::Status CheckEntry(CheckContext& context, std::vector<Finding>* findings);
absl::Status CheckPublication(CheckContext& context, std::vector<Finding>* findings);
absl::Status CheckPublished(CheckContext& context, std::vector<Finding>* findings);
absl::Status CheckReportDeadlines(CheckContext& context,
                                  std::vector<Finding>* findings);  // D-SUMMARY, D-STAT.

// "25.5%" with one decimal, from exact integers (rounded half up); "—" when `of` is 0.
std::string Percent(int64_t part, int64_t of);
// Up to `n` items joined by ", ", then "and N more".
std::string ListSome(const std::vector<std::string>& items, size_t n);

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_CHECK_CHECK_INTERNAL_H_
