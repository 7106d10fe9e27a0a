#include "draw/selection.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "parallel/run_parts.h"

namespace ssr::internal {
namespace {

// Below these many entities a part costs more in starting a thread than it saves.
constexpr size_t kMinTicketsPerPart = 4096;
constexpr size_t kMinTasksPerPart = 4096;

// Where a stratum's entities go in the plan: the task index of each stratum's first one.
std::vector<size_t> FirstTaskOfEachStratum(const std::vector<DecidedStratum>& strata, size_t first) {
  std::vector<size_t> starts;
  starts.reserve(strata.size() + 1);
  starts.push_back(first);
  for (const DecidedStratum& stratum : strata) starts.push_back(starts.back() + stratum.chosen.size());
  return starts;
}

}  // namespace

std::vector<ChosenEntity> LowestTickets(const TicketSampler& sampler, const Directory& directory,
                                        const std::vector<uint32_t>& rows, size_t n, bool readmitted,
                                        int threads) {
  std::vector<absl::string_view> ids;
  ids.reserve(rows.size());
  for (uint32_t row : rows) ids.push_back(directory.id(row));
  const std::vector<size_t> lowest = sampler.SelectLowest(ids, std::min(n, ids.size()), threads);
  // The whole ticket strings (a SHA-256 and a long division each, ~290 ns) only for the chosen, each part
  // writing its own range.
  std::vector<ChosenEntity> chosen(lowest.size());
  const int parts = PartsFor(lowest.size(), threads, kMinTicketsPerPart);
  RunParts(parts, [&](int part) {
    for (size_t i = PartBegin(lowest.size(), parts, part); i < PartBegin(lowest.size(), parts, part + 1);
         ++i) {
      chosen[i] = {rows[lowest[i]], sampler.Ticket(ids[lowest[i]]), readmitted};
    }
  });
  return chosen;
}

absl::Status OrderStratum(const Policy& policy, const Period& period, const Directory& directory,
                          DecidedStratum& decided) {
  StratumRecord& stratum = decided.record;
  std::vector<ChosenEntity>& chosen = decided.chosen;
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
  return absl::OkStatus();
}

void WriteStrata(const Policy& policy, const Directory& directory, const Classification& classification,
                 ItemMatcher& items, std::vector<DecidedStratum> strata, int threads, DrawRecord& record,
                 Plan& plan) {
  const std::vector<size_t> starts = FirstTaskOfEachStratum(strata, plan.tasks.size());
  const size_t first = starts.front();
  const size_t count = starts.back() - first;
  std::vector<uint32_t> rows;
  rows.reserve(count);
  for (DecidedStratum& stratum : strata) {
    for (const ChosenEntity& c : stratum.chosen) rows.push_back(c.row);
    stratum.record.selected.resize(stratum.chosen.size());
  }
  items.Prepare(rows, threads);
  plan.tasks.resize(first + count);

  // Building the tasks is half of a large draw: ten strings per task copied out of the directory (mostly
  // cache misses and the allocator) and the item list. Each part fills its own range of tasks and of the
  // strata's selections, in place.
  const int parts = PartsFor(count, threads, kMinTasksPerPart);
  RunParts(parts, [&](int part) {
    const size_t begin = first + PartBegin(count, parts, part);
    const size_t end = first + PartBegin(count, parts, part + 1);
    size_t s =
        static_cast<size_t>(std::upper_bound(starts.begin(), starts.end(), begin) - starts.begin()) - 1;
    for (size_t index = begin; index < end; ++index) {
      while (index >= starts[s + 1]) ++s;
      DecidedStratum& stratum = strata[s];
      ChosenEntity& c = stratum.chosen[index - starts[s]];
      const absl::string_view entity_id = directory.id(c.row);
      Task& task = plan.tasks[index];
      task.ticket = c.ticket;
      stratum.record.selected[index - starts[s]] = {std::string(entity_id), std::move(c.ticket),
                                                    c.readmitted};
      task.entity_id = std::string(entity_id);
      task.id = absl::StrCat(plan.period, "/", entity_id);
      task.entity_name = std::string(directory.name(c.row));
      task.uscc = std::string(directory.uscc(c.row));
      task.area = std::string(directory.area(c.row));
      task.supervision_class = classification.supervision_class(c.row);
      task.pool = stratum.pool;
      task.credit_class = stratum.record.credit_class;
      task.stratum = stratum.record.stratum;
      task.method = policy.pool_quota(stratum.pool).method;
      task.items = items.ItemsFor(c.row, task.method);
      task.credit_based = stratum.record.credit_based;
    }
  });
  record.strata.reserve(record.strata.size() + strata.size());
  for (DecidedStratum& stratum : strata) record.strata.push_back(std::move(stratum.record));
}

}  // namespace ssr::internal
