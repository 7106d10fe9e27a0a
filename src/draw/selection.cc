#include "draw/selection.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "parallel/run_parts.h"

namespace ssr::internal {
namespace {

// Below these many entities a part costs more in starting a thread than it saves.
constexpr size_t kMinTicketsPerPart = 4096;
constexpr size_t kMinSelectedPerPart = 4096;

// Where a stratum's entities go in the plan: the task index of each stratum's first one.
std::vector<size_t> FirstTaskOfEachStratum(const std::vector<DecidedStratum>& strata) {
  std::vector<size_t> starts;
  starts.reserve(strata.size() + 1);
  starts.push_back(0);
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
                 std::vector<DecidedStratum> strata, int threads, DrawRecord& record, DrawnPlan& plan) {
  const std::vector<size_t> starts = FirstTaskOfEachStratum(strata);
  const size_t count = starts.back();
  std::vector<uint32_t> rows;
  std::vector<SupervisionClass> supervision_classes;
  rows.reserve(count);
  supervision_classes.reserve(count);
  for (DecidedStratum& stratum : strata) {
    for (const ChosenEntity& c : stratum.chosen) {
      rows.push_back(c.row);
      supervision_classes.push_back(classification.supervision_class(c.row));
    }
    stratum.record.selected.resize(stratum.chosen.size());
  }

  // Each selected entity's id is copied out of the directory (a cache miss and an allocation each): each
  // part fills its own range of the strata's selections, in place.
  const int parts = PartsFor(count, threads, kMinSelectedPerPart);
  RunParts(parts, [&](int part) {
    const size_t begin = PartBegin(count, parts, part);
    const size_t end = PartBegin(count, parts, part + 1);
    size_t s =
        static_cast<size_t>(std::upper_bound(starts.begin(), starts.end(), begin) - starts.begin()) - 1;
    for (size_t index = begin; index < end; ++index) {
      while (index >= starts[s + 1]) ++s;
      DecidedStratum& stratum = strata[s];
      ChosenEntity& c = stratum.chosen[index - starts[s]];
      stratum.record.selected[index - starts[s]] = {std::string(directory.id(c.row)), std::move(c.ticket),
                                                    c.readmitted};
    }
  });

  const size_t first_record = record.strata.size();
  record.strata.reserve(first_record + strata.size());
  for (DecidedStratum& stratum : strata) record.strata.push_back(std::move(stratum.record));
  std::vector<DrawnPlan::Stratum> plan_strata(strata.size());
  for (size_t s = 0; s < strata.size(); ++s) {
    const StratumRecord& written = record.strata[first_record + s];
    DrawnPlan::Stratum& stratum = plan_strata[s];
    stratum.pool = strata[s].pool;
    stratum.method = policy.pool_quota(strata[s].pool).method;
    stratum.credit_based = written.credit_based;
    stratum.credit_class = written.credit_class;
    stratum.name = written.stratum;
    stratum.first_task = starts[s];
    stratum.selected = written.selected;
  }
  plan.SetTasks(directory, std::move(plan_strata), rows, std::move(supervision_classes), threads);
}

}  // namespace ssr::internal
