#include "draw/selection.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"

namespace ssr::internal {

std::vector<ChosenEntity> LowestTickets(const TicketSampler& sampler, const Directory& directory,
                                        const std::vector<uint32_t>& rows, size_t n, bool readmitted,
                                        int threads) {
  std::vector<absl::string_view> ids;
  ids.reserve(rows.size());
  for (uint32_t row : rows) ids.push_back(directory.id(row));
  std::vector<ChosenEntity> chosen;
  for (size_t index : sampler.SelectLowest(ids, std::min(n, ids.size()), threads)) {
    chosen.push_back({rows[index], sampler.Ticket(ids[index]), readmitted});
  }
  return chosen;
}

absl::Status CompleteStratum(const Policy& policy, const Period& period, const Directory& directory,
                             const Classification& classification, ItemMatcher& items, Pool pool,
                             std::vector<ChosenEntity> chosen, StratumRecord& stratum, Plan& plan) {
  const size_t quota = static_cast<size_t>(stratum.quota);
  if (chosen.size() < quota) {
    if (!policy.take_whole_pool_when_short()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "stratum ", stratum.stratum, " (", stratum.rule, ", ", period.ToString(), "): the quota is ", quota,
          " (", stratum.arithmetic, ") but only ", chosen.size(), " of its ", stratum.pool_size,
          " entities can be drawn, because ", stratum.excluded_yearly_cap, " have reached the yearly cap of ",
          policy.yearly_cap(), " planned inspection(s) — ", quota - chosen.size(),
          " short. Raise the yearly cap, or set the policy to take the whole pool when a stratum is short"));
    }
    stratum.whole_pool_taken = true;
  }
  const auto ticket_order = [&](const ChosenEntity& a, const ChosenEntity& b) {
    if (a.ticket != b.ticket) return a.ticket < b.ticket;
    return directory.id(a.row) < directory.id(b.row);
  };
  // LowestTickets returns rows in ticket order already; only readmitted rows appended after them, or a
  // merge of parts, need the sort (which compares ~70-character ticket strings: 6% of a draw at 10^5).
  if (!std::is_sorted(chosen.begin(), chosen.end(), ticket_order)) {
    std::sort(chosen.begin(), chosen.end(), ticket_order);
  }
  const InspectionMethod method = policy.pool_quota(pool).method;
  for (const ChosenEntity& c : chosen) {
    stratum.selected.push_back({std::string(directory.id(c.row)), c.ticket, c.readmitted});
    Task task;
    task.entity_id = std::string(directory.id(c.row));
    task.id = absl::StrCat(plan.period, "/", task.entity_id);
    task.entity_name = std::string(directory.name(c.row));
    task.uscc = std::string(directory.uscc(c.row));
    task.area = std::string(directory.area(c.row));
    task.supervision_class = classification.supervision_class(c.row);
    task.pool = pool;
    task.credit_class = stratum.credit_class;
    task.stratum = stratum.stratum;
    task.ticket = c.ticket;
    task.method = method;
    task.items = items.ItemsFor(c.row, task.method);
    task.credit_based = stratum.credit_based;
    plan.tasks.push_back(std::move(task));
  }
  return absl::OkStatus();
}

}  // namespace ssr::internal
