#include "draw/history.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"

namespace ssr::internal {

absl::StatusOr<YearHistory> ReadHistory(const std::vector<Plan>& plans, const Period& period,
                                        const std::function<bool(absl::string_view)>& in_directory) {
  YearHistory history;
  absl::flat_hash_set<std::string> periods;
  for (const Plan& plan : plans) {
    absl::StatusOr<Period> earlier = Period::Parse(plan.period);
    if (!earlier.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("a history plan has an invalid period: ", earlier.status().message()));
    }
    if (!earlier->is_quarter() || earlier->year() != period.year() ||
        earlier->quarter() >= period.quarter()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "the history holds a plan for ", plan.period, ", but only plans of earlier quarters of ",
          period.year(), " count for ", period.ToString(),
          "; remove it (a re-draw of the same period is chained through "
          "the previous record digest instead)"));
    }
    if (!periods.insert(plan.period).second) {
      return absl::InvalidArgumentError(absl::StrCat("the history holds two plans for ", plan.period,
                                                     "; keep only the one that was executed"));
    }
    for (const Task& task : plan.tasks) {
      if (in_directory && !in_directory(task.entity_id)) {
        return absl::InvalidArgumentError(absl::StrCat("the ", plan.period, " plan names entity ",
                                                       task.entity_id, ", which is not in the directory"));
      }
      if (task.method == InspectionMethod::kOnSite) ++history.on_site_count[task.entity_id];
    }
    history.entries.push_back({plan.period, plan.Digest()});
  }
  std::sort(history.entries.begin(), history.entries.end(),
            [](const HistoryEntry& a, const HistoryEntry& b) { return a.period < b.period; });
  return history;
}

std::string StratumName(Pool pool, absl::string_view credit_class) {
  return credit_class.empty() ? std::string(PoolName(pool)) : absl::StrCat(PoolName(pool), "/", credit_class);
}

}  // namespace ssr::internal
