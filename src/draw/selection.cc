#include "draw/selection.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "parallel/run_parts.h"
#include "sampler/select.h"

namespace ssr::internal {
namespace {

// Below these many entities a part costs more in starting a thread than it saves.
constexpr size_t kMinTicketsPerPart = 4096;

// Where a stratum's entities go in the plan: the task index of each stratum's first one.
std::vector<size_t> FirstTaskOfEachStratum(const std::vector<DecidedStratum>& strata) {
  std::vector<size_t> starts;
  starts.reserve(strata.size() + 1);
  starts.push_back(0);
  for (const DecidedStratum& stratum : strata) starts.push_back(starts.back() + stratum.rows.size());
  return starts;
}

// Appends to `stratum` the `n` rows of `rows` with the lowest tickets (all of them when fewer), in ticket
// order, with their ids and tickets.
void AppendLowestTickets(const TicketSampler& sampler, const Directory& directory,
                         const std::vector<uint32_t>& rows, size_t n, bool readmitted, int threads,
                         DecidedStratum& stratum) {
  const auto id_of = [&](size_t p) { return directory.id(rows[p]); };
  const std::vector<size_t> lowest =
      SelectLowestOf(sampler, rows.size(), id_of, std::min(n, rows.size()), threads);
  const size_t first = stratum.rows.size(), count = lowest.size();
  stratum.rows.resize(first + count);
  std::vector<SelectedEntity>& selected = stratum.record.selected;
  selected.resize(first + count);
  // The chosen lie all over a large directory, in ticket order. Looked up in that order, each id is a cache
  // miss or two, waited for before its ticket can be hashed: at 10^7 entities that was a fifth of the
  // draw. So the ids are copied in row order first, reading the directory forwards, and the tickets are
  // then computed from those copies in ticket order.
  constexpr uint32_t kNotChosen = UINT32_MAX;
  std::vector<uint32_t> rank(rows.size(), kNotChosen);
  const int rank_parts = PartsFor(count, threads, kMinTicketsPerPart);
  RunParts(rank_parts, [&](int part) {  // each part its own chosen: no two write one place
    for (size_t r = PartBegin(count, rank_parts, part); r < PartBegin(count, rank_parts, part + 1); ++r) {
      rank[lowest[r]] = static_cast<uint32_t>(r);
    }
  });
  const int copy_parts = PartsFor(rows.size(), threads, kMinTicketsPerPart);
  RunParts(copy_parts, [&](int part) {
    for (size_t p = PartBegin(rows.size(), copy_parts, part);
         p < PartBegin(rows.size(), copy_parts, part + 1); ++p) {
      if (rank[p] == kNotChosen) continue;
      stratum.rows[first + rank[p]] = rows[p];
      SelectedEntity& entity = selected[first + rank[p]];
      const absl::string_view id = id_of(p);
      entity.id.assign(id.data(), id.size());
      entity.readmitted = readmitted;
    }
  });
  // The whole ticket strings (a SHA-256 and the decimal digits each, ~200 ns) only for the chosen, each part
  // writing its own range.
  const int parts = PartsFor(count, threads, kMinTicketsPerPart);
  RunParts(parts, [&](int part) {
    for (size_t i = first + PartBegin(count, parts, part); i < first + PartBegin(count, parts, part + 1);
         ++i) {
      selected[i].ticket = sampler.Ticket(selected[i].id);
    }
  });
}

}  // namespace

void ChooseLowestTickets(const TicketSampler& sampler, const Directory& directory,
                         const std::vector<uint32_t>& eligible, const std::vector<uint32_t>& rotated,
                         size_t quota, int threads, DecidedStratum& stratum) {
  AppendLowestTickets(sampler, directory, eligible, quota, false, threads, stratum);
  if (stratum.rows.size() < quota) {
    // The rotation pool is exhausted: entities drawn earlier this year come back, lowest tickets first.
    AppendLowestTickets(sampler, directory, rotated, quota - stratum.rows.size(), true, threads, stratum);
  }
}

absl::Status OrderStratum(const Policy& policy, const Period& period, DecidedStratum& decided) {
  StratumRecord& stratum = decided.record;
  std::vector<SelectedEntity>& chosen = stratum.selected;
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
  const auto ticket_order = [&](const SelectedEntity& a, const SelectedEntity& b) {
    if (a.ticket != b.ticket) return a.ticket < b.ticket;
    return a.id < b.id;
  };
  // The chosen are in ticket order already; only readmitted rows appended after them need the sort (which
  // compares ~70-character ticket strings: 6% of a draw at 10^5), their rows moving with them.
  if (!std::is_sorted(chosen.begin(), chosen.end(), ticket_order)) {
    std::vector<size_t> order(chosen.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return ticket_order(chosen[a], chosen[b]); });
    std::vector<SelectedEntity> sorted(chosen.size());
    std::vector<uint32_t> rows(chosen.size());
    for (size_t i = 0; i < order.size(); ++i) {
      sorted[i] = std::move(chosen[order[i]]);
      rows[i] = decided.rows[order[i]];
    }
    chosen = std::move(sorted);
    decided.rows = std::move(rows);
  }
  return absl::OkStatus();
}

void WriteStrata(const Policy& policy, const Directory& directory, std::vector<DecidedStratum> strata,
                 int threads, DrawRecord& record, DrawnPlan& plan) {
  const std::vector<size_t> starts = FirstTaskOfEachStratum(strata);
  const size_t count = starts.back();
  std::vector<uint32_t> rows;
  rows.reserve(count);
  for (const DecidedStratum& stratum : strata) {
    rows.insert(rows.end(), stratum.rows.begin(), stratum.rows.end());
  }
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
  plan.SetTasks(directory, std::move(plan_strata), rows, threads);
}

}  // namespace ssr::internal
