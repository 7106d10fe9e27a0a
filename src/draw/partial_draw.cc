#include "ssrandom/partial_draw.h"

#include <algorithm>
#include <iterator>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "draw/drawn_plan.h"
#include "draw/history.h"
#include "draw/items.h"
#include "draw/selection.h"
#include "ssrandom/classify.h"
#include "ssrandom/version.h"

namespace ssr {

struct DrawPartSpec::State {
  Policy policy;
  Period period;
  DrawRequest request;
  std::vector<DrawStratum> strata;
  internal::YearHistory history;
};

absl::StatusOr<DrawPartSpec> DrawPartSpec::Create(const Policy& policy, const Period& period,
                                                  const DrawRequest& request) {
  // The checks Draw() makes before it reads the directory, in the same order and with the same messages.
  if (absl::Status s = ValidateSeed(request.seed); !s.ok()) return s;
  if (!period.is_quarter()) {
    return absl::InvalidArgumentError(absl::StrCat("a draw is made for a quarter such as ", period.year(),
                                                   "Q1, not for the year ", period.ToString()));
  }
  absl::StatusOr<internal::YearHistory> history = internal::ReadHistory(request.history, period, nullptr);
  if (!history.ok()) return history.status();

  // The strata of ComputeQuotas, in the order Draw() sorts them into.
  std::vector<DrawStratum> strata;
  for (const Policy::PoolQuota& q : policy.pool_quotas()) {
    if (policy.uses_credit_table(q.pool)) {
      for (size_t k = 0; k < policy.credit_classes().size(); ++k) {
        const int index = static_cast<int>(k);
        const std::string& credit_class = policy.credit_classes()[k];
        strata.push_back({q.pool, index, credit_class, internal::StratumName(q.pool, credit_class),
                          *policy.CreditRatio(q.pool, index)});
      }
    } else {
      strata.push_back({q.pool, -1, "", internal::StratumName(q.pool, ""), q.minimum});
    }
  }
  std::stable_sort(strata.begin(), strata.end(), [](const DrawStratum& a, const DrawStratum& b) {
    if (a.pool != b.pool) return static_cast<int>(a.pool) < static_cast<int>(b.pool);
    return a.credit_index < b.credit_index;
  });
  auto state =
      std::make_shared<State>(State{policy, period, request, std::move(strata), *std::move(history)});
  return DrawPartSpec(std::move(state));
}

const Policy& DrawPartSpec::policy() const { return state_->policy; }
const Period& DrawPartSpec::period() const { return state_->period; }
const DrawRequest& DrawPartSpec::request() const { return state_->request; }
const std::vector<DrawStratum>& DrawPartSpec::strata() const { return state_->strata; }
const internal::YearHistory& DrawPartSpec::year_history() const { return state_->history; }

absl::Status DrawPartTally::Add(const DrawPartTally& other) {
  if (strata.empty() && entities == 0) strata.resize(other.strata.size());
  if (strata.size() != other.strata.size()) {
    return absl::InvalidArgumentError(absl::StrCat("a part's tally has ", other.strata.size(),
                                                   " strata, the others have ", strata.size(),
                                                   ": the parts were tallied for different policies"));
  }
  entities += other.entities;
  for (size_t i = 0; i < strata.size(); ++i) {
    strata[i].pool_size += other.strata[i].pool_size;
    strata[i].excluded_yearly_cap += other.strata[i].excluded_yearly_cap;
    strata[i].excluded_rotation += other.strata[i].excluded_rotation;
    strata[i].eligible += other.strata[i].eligible;
  }
  std::vector<std::string> merged;
  merged.reserve(history_entities.size() + other.history_entities.size());
  std::set_union(history_entities.begin(), history_entities.end(), other.history_entities.begin(),
                 other.history_entities.end(), std::back_inserter(merged));
  history_entities = std::move(merged);
  return absl::OkStatus();
}

namespace {

// Where a row stands in the draw: outside every stratum, or in one stratum's eligible, rotated (drawn
// earlier this year) or capped set — exactly Draw()'s split.
enum class Standing : uint8_t { kNone, kEligible, kRotated, kCapped };

struct Placement {
  Classification classification;
  std::vector<int32_t> stratum;  // index into spec.strata(), -1 for none
  std::vector<Standing> standing;
};

absl::StatusOr<Placement> Place(const Directory& directory, const DrawPartSpec& spec) {
  const Policy& policy = spec.policy();
  absl::StatusOr<Classification> classification = Classify(directory, policy, spec.period());
  if (!classification.ok()) return classification.status();
  absl::flat_hash_map<std::pair<int, int>, int32_t> index_of;
  for (size_t i = 0; i < spec.strata().size(); ++i) {
    const DrawStratum& s = spec.strata()[i];
    index_of[{static_cast<int>(s.pool), s.credit_index}] = static_cast<int32_t>(i);
  }
  const internal::YearHistory& history = spec.year_history();
  Placement placement{*std::move(classification), {}, {}};
  placement.stratum.assign(directory.size(), -1);
  placement.standing.assign(directory.size(), Standing::kNone);
  for (uint32_t row = 0; row < directory.size(); ++row) {
    const Pool pool = placement.classification.pool(row);
    if (pool == Pool::kExcluded) continue;
    const int cell = policy.uses_credit_table(pool) ? placement.classification.credit_index(row) : -1;
    auto it = index_of.find({static_cast<int>(pool), cell});
    if (it == index_of.end()) continue;
    placement.stratum[row] = it->second;
    // Off-site pools are neither capped nor rotated (draw.cc).
    const bool off_site = policy.pool_quota(pool).method == InspectionMethod::kOffSite;
    auto earlier_it = history.on_site_count.find(directory.id(row));
    const int earlier = earlier_it == history.on_site_count.end() ? 0 : earlier_it->second;
    if (off_site || earlier == 0) {
      placement.standing[row] = Standing::kEligible;
    } else if (earlier >= policy.yearly_cap()) {
      placement.standing[row] = Standing::kCapped;
    } else if (policy.rotation_within_year()) {
      placement.standing[row] = Standing::kRotated;
    } else {
      placement.standing[row] = Standing::kEligible;
    }
  }
  return placement;
}

__extension__ typedef unsigned __int128 u128;  // as in src/sampler/decimal.cc

// The bound under which a set of `count` uniform ticket keys holds `take` of them with overwhelming
// probability: E[keys ≤ b] = count × (b + 1) / 10^19 ≥ take + 8·√take + 32.
TicketKey BoundFor(int64_t take, int64_t count) {
  constexpr uint64_t kKeys = 10'000'000'000'000'000'000ULL;  // 10^19 possible keys
  if (take <= 0 || take >= count) return TicketKey{UINT64_MAX};
  uint64_t root = 0;
  while ((root + 1) * (root + 1) <= static_cast<uint64_t>(take))
    ++root;  // take ≤ quota: a few thousand steps
  const u128 target = static_cast<u128>(take) + 8 * root + 32;
  if (target >= static_cast<u128>(count)) return TicketKey{UINT64_MAX};
  const u128 bound = (target * kKeys + static_cast<uint64_t>(count) - 1) / static_cast<uint64_t>(count);
  return TicketKey{static_cast<uint64_t>(bound)};
}

}  // namespace

absl::StatusOr<DrawPartTally> TallyDrawPart(const Directory& part, const DrawPartSpec& spec) {
  absl::StatusOr<Placement> placement = Place(part, spec);
  if (!placement.ok()) return placement.status();
  DrawPartTally tally;
  tally.entities = static_cast<int64_t>(part.size());
  tally.strata.resize(spec.strata().size());
  for (uint32_t row = 0; row < part.size(); ++row) {
    if (placement->stratum[row] < 0) continue;
    StratumTally& s = tally.strata[static_cast<size_t>(placement->stratum[row])];
    ++s.pool_size;
    switch (placement->standing[row]) {
      case Standing::kEligible:
        ++s.eligible;
        break;
      case Standing::kRotated:
        ++s.excluded_rotation;
        break;
      case Standing::kCapped:
        ++s.excluded_yearly_cap;
        break;
      case Standing::kNone:
        break;
    }
  }
  for (const Plan& plan : spec.request().history) {
    for (const Task& task : plan.tasks) {
      if (part.Find(task.entity_id)) tally.history_entities.push_back(task.entity_id);
    }
  }
  std::sort(tally.history_entities.begin(), tally.history_entities.end());
  tally.history_entities.erase(std::unique(tally.history_entities.begin(), tally.history_entities.end()),
                               tally.history_entities.end());
  return tally;
}

std::vector<StratumTake> PlanDrawTakes(const DrawPartSpec& spec, const DrawPartTally& total, bool bounded) {
  std::vector<StratumTake> takes(spec.strata().size());
  for (size_t i = 0; i < takes.size() && i < total.strata.size(); ++i) {
    const StratumTally& t = total.strata[i];
    const int64_t quota = spec.strata()[i].ratio.QuotaOf(t.pool_size);
    StratumTake& take = takes[i];
    take.eligible = std::min(quota, t.eligible);
    take.readmitted = std::min(quota - take.eligible, t.excluded_rotation);
    if (bounded) {
      take.eligible_bound = BoundFor(take.eligible, t.eligible);
      take.readmitted_bound = BoundFor(take.readmitted, t.excluded_rotation);
    }
  }
  return takes;
}

absl::StatusOr<std::vector<uint32_t>> DrawPartCandidates(const Directory& part, const DrawPartSpec& spec,
                                                         absl::Span<const StratumTake> takes) {
  if (takes.size() != spec.strata().size()) {
    return absl::InvalidArgumentError(absl::StrCat("the draw has ", spec.strata().size(), " strata but ",
                                                   takes.size(), " takes were given"));
  }
  absl::StatusOr<Placement> placement = Place(part, spec);
  if (!placement.ok()) return placement.status();
  // Rows that may be taken, grouped by (stratum, eligible or rotated).
  std::vector<std::vector<uint32_t>> groups(2 * takes.size());
  for (uint32_t row = 0; row < part.size(); ++row) {
    const int32_t s = placement->stratum[row];
    if (s < 0) continue;
    const StratumTake& take = takes[static_cast<size_t>(s)];
    if (placement->standing[row] == Standing::kEligible && take.eligible > 0) {
      groups[2 * static_cast<size_t>(s)].push_back(row);
    } else if (placement->standing[row] == Standing::kRotated && take.readmitted > 0) {
      groups[2 * static_cast<size_t>(s) + 1].push_back(row);
    }
  }
  const TicketSampler sampler(spec.request().seed);
  std::vector<uint32_t> keep;
  std::vector<absl::string_view> ids;
  std::vector<TicketKey> keys;
  for (size_t g = 0; g < groups.size(); ++g) {
    const StratumTake& take = takes[g / 2];
    const bool rotated = g % 2 == 1;
    const size_t n = static_cast<size_t>(rotated ? take.readmitted : take.eligible);
    const TicketKey bound = rotated ? take.readmitted_bound : take.eligible_bound;
    std::vector<uint32_t>& rows = groups[g];
    if (rows.empty()) continue;
    if (bound.first19 != UINT64_MAX) {
      ids.clear();
      for (uint32_t row : rows) ids.push_back(part.id(row));
      keys.resize(ids.size());
      sampler.Keys(ids, absl::MakeSpan(keys));
      size_t kept = 0;
      for (size_t i = 0; i < rows.size(); ++i) {
        if (keys[i] <= bound) rows[kept++] = rows[i];
      }
      rows.resize(kept);
    }
    if (rows.size() > n) {
      ids.clear();
      for (uint32_t row : rows) ids.push_back(part.id(row));
      for (size_t index : sampler.SelectLowest(ids, n, 1)) keep.push_back(rows[index]);
    } else {
      keep.insert(keep.end(), rows.begin(), rows.end());
    }
  }
  std::sort(keep.begin(), keep.end());
  return keep;
}

absl::StatusOr<DrawResult> MergeDrawParts(const Bureau& candidates, const DrawPartSpec& spec,
                                          absl::Span<const StratumTake> takes, const DrawPartTally& total,
                                          const std::string& directory_digest) {
  const Policy& policy = spec.policy();
  const Period& period = spec.period();
  const DrawRequest& request = spec.request();
  if (takes.size() != spec.strata().size() || total.strata.size() != spec.strata().size()) {
    return absl::InvalidArgumentError(absl::StrCat("the draw has ", spec.strata().size(), " strata but ",
                                                   takes.size(), " takes and ", total.strata.size(),
                                                   " tallied strata were given"));
  }
  // Draw()'s checks, in its order: the history's entities, then classification and items.
  absl::StatusOr<internal::YearHistory> history =
      internal::ReadHistory(request.history, period, [&total](absl::string_view id) {
        return std::binary_search(total.history_entities.begin(), total.history_entities.end(), id);
      });
  if (!history.ok()) return history.status();
  const Directory& directory = candidates.entities;
  absl::StatusOr<Placement> placement = Place(directory, spec);
  if (!placement.ok()) return placement.status();
  absl::StatusOr<internal::ItemMatcher> items = internal::ItemMatcher::Create(candidates, period);
  if (!items.ok()) return items.status();

  const size_t strata_count = spec.strata().size();
  std::vector<std::vector<uint32_t>> eligible(strata_count), rotated(strata_count);
  for (uint32_t row = 0; row < directory.size(); ++row) {
    const int32_t s = placement->stratum[row];
    if (s < 0) continue;
    if (placement->standing[row] == Standing::kEligible) eligible[static_cast<size_t>(s)].push_back(row);
    if (placement->standing[row] == Standing::kRotated) rotated[static_cast<size_t>(s)].push_back(row);
  }

  const TicketSampler sampler(request.seed);
  DrawRecord record;
  record.library_version = kVersion;
  record.bureau = candidates.name;
  record.period = period.ToString();
  record.seed = request.seed;
  record.seed_hash = sampler.seed_hash();
  record.seed_source = request.seed_source;
  record.directory_digest = directory_digest;
  record.directory_size = total.entities;
  record.policy_name = policy.name();
  record.policy_digest = policy.Digest();
  record.history = history->entries;
  record.previous_record_digest = request.previous_record_digest;

  Plan plan;
  plan.bureau = candidates.name;
  plan.period = record.period;
  plan.seed = request.seed;
  plan.seed_source = request.seed_source;
  plan.policy_name = record.policy_name;
  plan.policy_digest = record.policy_digest;
  plan.directory_digest = record.directory_digest;

  std::vector<internal::DecidedStratum> decided(strata_count);
  for (size_t i = 0; i < strata_count; ++i) {
    const DrawStratum& line = spec.strata()[i];
    const StratumTally& tally = total.strata[i];
    const StratumTake& take = takes[i];
    if (static_cast<int64_t>(eligible[i].size()) < take.eligible ||
        static_cast<int64_t>(rotated[i].size()) < take.readmitted) {
      return absl::AbortedError(absl::StrCat("stratum ", line.name, ": the parts sent ", eligible[i].size(),
                                             " + ", rotated[i].size(), " candidates for takes of ",
                                             take.eligible, " + ", take.readmitted,
                                             "; recompute the candidates with unbounded takes"));
    }
    internal::DecidedStratum& current = decided[i];
    current.pool = line.pool;
    StratumRecord& stratum = current.record;
    stratum.stratum = line.name;
    stratum.pool = std::string(PoolName(line.pool));
    stratum.rule = std::string(PoolRuleId(line.pool));
    stratum.credit_class = line.credit_class;
    stratum.method = std::string(InspectionMethodName(spec.policy().pool_quota(line.pool).method));
    stratum.pool_size = tally.pool_size;
    stratum.ratio = line.ratio.ToString();
    const int64_t quota_value = line.ratio.QuotaOf(tally.pool_size);
    stratum.quota = quota_value;
    stratum.arithmetic = QuotaArithmetic(line.ratio, tally.pool_size);
    stratum.credit_based = line.credit_index >= 0;
    stratum.excluded_yearly_cap = tally.excluded_yearly_cap;
    stratum.excluded_rotation = tally.excluded_rotation;
    stratum.eligible = tally.eligible;

    const size_t quota = static_cast<size_t>(quota_value);
    internal::ChooseLowestTickets(sampler, directory, eligible[i], rotated[i], quota, 1, current);
    absl::Status ordered = internal::OrderStratum(policy, period, current);
    if (!ordered.ok()) return ordered;
  }
  internal::DrawnPlan drawn(std::move(plan), *std::move(items));
  internal::WriteStrata(policy, directory, std::move(decided), 1, record, drawn);
  record.plan_digest = drawn.Digest();
  DrawResult result;
  result.plan = drawn.ToPlan(1);
  result.record = std::move(record);  // after ToPlan, which reads the tickets in it
  return result;
}

}  // namespace ssr
