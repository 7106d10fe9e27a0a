#include "ssrandom/draw.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "draw/drawn_plan.h"
#include "draw/history.h"
#include "draw/items.h"
#include "draw/selection.h"
#include "parallel/run_parts.h"
#include "ssrandom/classify.h"
#include "ssrandom/digest.h"
#include "ssrandom/sampler.h"
#include "ssrandom/version.h"

namespace ssr {
namespace {

// Below this many rows, listing a stratum's members costs less than starting a thread.
constexpr size_t kMinRowsPerPart = size_t{1} << 16;

// The directory's canonical digest is usually known already (a directory keeps it, and a frozen directory
// is hashed when it is published, before the seed exists). When it is not, it is a large share of a draw
// (two SHA-256 per entity) and depends on nothing else the draw computes, so with two or more threads it
// runs on a thread of its own while the draw classifies and ranks. The digest is the same value either way.
class DirectoryDigest {
 public:
  DirectoryDigest(const Directory& directory, bool background) : directory_(directory) {
    if (std::optional<std::string> known = directory.KnownCanonicalDigest(); known.has_value()) {
      digest_ = *std::move(known);
      known_ = true;
      return;
    }
    if (!background) return;
    try {
      worker_ = std::thread([this] { digest_ = directory_.CanonicalDigest(); });
    } catch (const std::system_error&) {
      // No thread to be had: Take() computes it here. Same result, only slower.
    }
  }
  DirectoryDigest(const DirectoryDigest&) = delete;
  DirectoryDigest& operator=(const DirectoryDigest&) = delete;
  ~DirectoryDigest() {
    if (worker_.joinable()) worker_.join();  // an early error return still waits for the worker
  }
  std::string Take() {
    if (worker_.joinable()) {
      worker_.join();
    } else if (!known_) {
      digest_ = directory_.CanonicalDigest();
    }
    return std::move(digest_);
  }

 private:
  const Directory& directory_;
  std::string digest_;
  bool known_ = false;  // the directory knew its digest: no thread was started
  std::thread worker_;
};

}  // namespace

namespace internal {

absl::StatusOr<DrawnResult> DrawCompact(const Bureau& bureau, const Policy& policy, const Period& period,
                                        const DrawRequest& request) {
  if (absl::Status s = ValidateSeed(request.seed); !s.ok()) return s;
  if (!period.is_quarter()) {
    return absl::InvalidArgumentError(absl::StrCat("a draw is made for a quarter such as ", period.year(),
                                                   "Q1, not for the year ", period.ToString()));
  }
  const Directory& directory = bureau.entities;
  DirectoryDigest directory_digest(directory, request.threads != 1);
  absl::StatusOr<YearHistory> history = ReadHistory(
      request.history, period, [&directory](absl::string_view id) { return directory.Find(id).has_value(); });
  if (!history.ok()) return history.status();
  const int threads = request.threads > 0 ? request.threads : 2;
  absl::StatusOr<Classification> classification = Classify(directory, policy, period, threads);
  if (!classification.ok()) return classification.status();
  absl::StatusOr<ItemMatcher> items = ItemMatcher::Create(bureau, period);
  if (!items.ok()) return items.status();

  // Strata in the documented order: pools in rule order, then the credit classes in risk order.
  std::vector<QuotaLine> lines = ComputeQuotas(*classification, policy);
  std::stable_sort(lines.begin(), lines.end(), [](const QuotaLine& a, const QuotaLine& b) {
    if (a.pool != b.pool) return static_cast<int>(a.pool) < static_cast<int>(b.pool);
    return a.credit_index < b.credit_index;
  });
  // Each row's stratum, from a table by pool and credit class (a hash lookup per row was a tenth of a
  // second at 10^7 entities): line_of_cell[pool][credit index + 1], kNoLine where no stratum is drawn.
  constexpr size_t kNoLine = SIZE_MAX;
  std::vector<std::vector<size_t>> line_of_cell(static_cast<size_t>(Pool::kGeneral) + 1);
  for (size_t i = 0; i < lines.size(); ++i) {
    std::vector<size_t>& cells = line_of_cell[static_cast<size_t>(lines[i].pool)];
    const size_t cell = static_cast<size_t>(lines[i].credit_index + 1);
    if (cells.size() <= cell) cells.resize(cell + 1, kNoLine);
    cells[cell] = i;
  }
  const auto line_of_row = [&](uint32_t row) {
    const Pool pool = classification->pool(row);
    if (pool == Pool::kExcluded) return kNoLine;
    const std::vector<size_t>& cells = line_of_cell[static_cast<size_t>(pool)];
    const size_t cell =
        policy.uses_credit_table(pool) ? static_cast<size_t>(classification->credit_index(row) + 1) : 0;
    return cell < cells.size() ? cells[cell] : kNoLine;
  };
  // Each part lists the members of its range of rows; the lists are joined in part order, so every
  // stratum's members are in row order whatever the part count.
  const int member_parts = PartsFor(directory.size(), threads, kMinRowsPerPart);
  std::vector<std::vector<std::vector<uint32_t>>> members_of_part(static_cast<size_t>(member_parts));
  RunParts(member_parts, [&](int part) {
    std::vector<std::vector<uint32_t>>& members = members_of_part[static_cast<size_t>(part)];
    members.resize(lines.size());
    const size_t end = PartBegin(directory.size(), member_parts, part + 1);
    for (size_t row = PartBegin(directory.size(), member_parts, part); row < end; ++row) {
      const size_t line = line_of_row(static_cast<uint32_t>(row));
      if (line != kNoLine) members[line].push_back(static_cast<uint32_t>(row));
    }
  });
  std::vector<std::vector<uint32_t>> members = std::move(members_of_part[0]);
  for (size_t part = 1; part < members_of_part.size(); ++part) {
    for (size_t line = 0; line < lines.size(); ++line) {
      members[line].insert(members[line].end(), members_of_part[part][line].begin(),
                           members_of_part[part][line].end());
    }
  }

  const TicketSampler sampler(request.seed);
  DrawRecord record;
  record.library_version = kVersion;
  record.bureau = bureau.name;
  record.period = period.ToString();
  record.seed = request.seed;
  record.seed_hash = sampler.seed_hash();
  record.seed_source = request.seed_source;
  record.directory_size = static_cast<int64_t>(directory.size());
  record.policy_name = policy.name();
  record.policy_digest = policy.Digest();
  record.history = history->entries;
  record.previous_record_digest = request.previous_record_digest;

  Plan plan;
  plan.bureau = bureau.name;
  plan.period = record.period;
  plan.seed = request.seed;
  plan.seed_source = request.seed_source;
  plan.policy_name = record.policy_name;
  plan.policy_digest = record.policy_digest;

  // Every stratum's selection is decided first (an error leaves nothing written), then all tasks are written
  // at once on the draw's threads.
  std::vector<DecidedStratum> decided(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    const QuotaLine& line = lines[i];
    const std::string& credit_class = line.credit_class;
    DecidedStratum& current = decided[i];
    current.pool = line.pool;
    StratumRecord& stratum = current.record;
    stratum.stratum = StratumName(line.pool, credit_class);
    stratum.pool = std::string(PoolName(line.pool));
    stratum.rule = std::string(PoolRuleId(line.pool));
    stratum.credit_class = credit_class;
    // The pool's method as the policy sets it (off-site for the positive list unless the policy says
    // otherwise).
    const bool off_site = line.method == InspectionMethod::kOffSite;
    stratum.method = std::string(InspectionMethodName(line.method));
    stratum.pool_size = line.pool_size;
    stratum.ratio = line.ratio.ToString();
    stratum.quota = line.quota;
    stratum.arithmetic = line.arithmetic;
    stratum.credit_based = line.credit_index >= 0;

    // Off-site full coverage is not capped (the yearly cap counts planned on-site inspections) and has no
    // rotation: every member is checked every quarter. Without history (a year's first quarter) every
    // member is eligible, and looking each id up would only cost a hash per entity.
    std::vector<uint32_t> eligible, rotated, capped;
    if (off_site || history->on_site_count.empty()) {
      eligible = std::move(members[i]);
    } else {
      for (uint32_t row : members[i]) {
        auto it = history->on_site_count.find(directory.id(row));
        int earlier = it == history->on_site_count.end() ? 0 : it->second;
        if (earlier == 0) {
          eligible.push_back(row);
        } else if (earlier >= policy.yearly_cap()) {
          capped.push_back(row);
        } else if (policy.rotation_within_year()) {
          rotated.push_back(row);
        } else {
          eligible.push_back(row);
        }
      }
    }
    stratum.excluded_yearly_cap = static_cast<int64_t>(capped.size());
    stratum.excluded_rotation = static_cast<int64_t>(rotated.size());
    stratum.eligible = static_cast<int64_t>(eligible.size());

    const size_t quota = static_cast<size_t>(line.quota);
    ChooseLowestTickets(sampler, directory, eligible, rotated, quota, threads, current);
    absl::Status ordered = OrderStratum(policy, period, current);
    if (!ordered.ok()) return ordered;
  }
  DrawnResult result{std::move(record), DrawnPlan(std::move(plan), *std::move(items))};
  WriteStrata(policy, directory, std::move(decided), threads, result.record, result.plan);
  result.record.directory_digest = directory_digest.Take();  // computed alongside the strata above
  result.plan.header().directory_digest = result.record.directory_digest;
  result.record.plan_digest = result.plan.Digest(threads);
  return result;
}

}  // namespace internal

absl::StatusOr<DrawResult> Draw(const Bureau& bureau, const Policy& policy, const Period& period,
                                const DrawRequest& request) {
  absl::StatusOr<internal::DrawnResult> drawn = internal::DrawCompact(bureau, policy, period, request);
  if (!drawn.ok()) return drawn.status();
  DrawResult result;
  result.plan = drawn->plan.ToPlan(request.threads);
  // Only now: the drawn plan reads its tickets from the record (moving keeps them where they are, but the
  // plan is done with them).
  result.record = std::move(drawn->record);
  return result;
}

}  // namespace ssr
