// partial_draw.h — the quarterly draw (draw.h) over a directory split into parts (分片抽取), for
// distributed engines such as Apache Spark (python: ssrandom.spark, docs/spark.md).
//
// A ticket depends only on the seed and the entity id, and an entity's classification only on its own row,
// so a draw splits cleanly. Each part of the directory — a Spark partition, a file, a shard — is handled on
// its own, and only small results travel:
//
//   1. Tally:      every part counts its entities per stratum (pool size, yearly-cap and rotation
//                  exclusions) and reports which entities named by the history it holds.   TallyDrawPart
//   2. Takes:      the sum of the tallies gives every stratum's quota, hence how many entities to take
//                  from its eligible set and from its rotated set, and a ticket-key bound below which
//                  the takes surely lie.                                                   PlanDrawTakes
//   3. Candidates: every part keeps, per stratum, its lowest-ticket entities under the bound, at most
//                  the take.                                                               DrawPartCandidates
//   4. Merge:      the candidates' rows (a small directory) and the summed tallies give exactly the plan
//                  and record of Draw() over the whole directory.                          MergeDrawParts
//
// The directory digest of the record is computed from parts too, however the directory is split: each
// part hashes its entities (HashCanonicalEntities), each of the 256 buckets is digested where its hashes
// meet, and the bucket digests combine into Directory::CanonicalDigest() of the whole
// (ssrandom/directory_digest.h).
//
//   ssr::DrawRequest request;                 // seed, seed source, history, previous record digest
//   absl::StatusOr<ssr::DrawPartSpec> spec = ssr::DrawPartSpec::Create(policy, period, request);
//   ssr::DrawPartTally total;
//   for (const ssr::Directory& part : parts) total.Add(*ssr::TallyDrawPart(part, *spec));
//   std::vector<ssr::StratumTake> takes = ssr::PlanDrawTakes(*spec, total);
//   ssr::Bureau candidates = bureau_without_entities;
//   for (const ssr::Directory& part : parts)
//     for (uint32_t row : *ssr::DrawPartCandidates(part, *spec, takes))
//     candidates.entities.Add(part.Get(row));
//   absl::StatusOr<ssr::DrawResult> drawn =
//       ssr::MergeDrawParts(candidates, *spec, takes, total, directory_digest);  // == ssr::Draw(...)
//
// Thread safety: every function is reentrant and reads its inputs without modifying them; a DrawPartSpec
// is immutable after Create and may be shared by any number of threads.
#ifndef SSRANDOM_PARTIAL_DRAW_H_
#define SSRANDOM_PARTIAL_DRAW_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "ssrandom/bureau.h"
#include "ssrandom/classes.h"
#include "ssrandom/directory.h"
#include "ssrandom/directory_digest.h"
#include "ssrandom/draw.h"
#include "ssrandom/period.h"
#include "ssrandom/policy.h"
#include "ssrandom/ratio.h"
#include "ssrandom/sampler.h"

namespace ssr {

namespace internal {
struct YearHistory;  // src/draw/history.h
}  // namespace internal

// ---- The draw over parts ---------------------------------------------------------------------------------

// One stratum of the draw, in the draw's order (pools in rule order, then credit classes in risk order) —
// the order of DrawRecord::strata.
struct DrawStratum {
  Pool pool = Pool::kExcluded;
  int credit_index = -1;     // -1: the whole pool (no credit table)
  std::string credit_class;  // "" for a whole pool
  std::string name;          // "key/B", "general"
  Ratio ratio;               // the credit class's ratio, or the pool minimum
};

// What every part needs to know about the draw: the policy, the period, the seed and the earlier plans of
// the year, checked once. Holds a copy of the policy and of the request.
class DrawPartSpec {
 public:
  // Errors (InvalidArgument, with Draw's messages): an empty or blank seed; a period that is not a quarter;
  // a history plan of another year, of this period or later, or two plans of one period. Whether the
  // history's entities are in the directory is only known from the parts: MergeDrawParts checks it.
  static absl::StatusOr<DrawPartSpec> Create(const Policy& policy, const Period& period,
                                             const DrawRequest& request);

  const Policy& policy() const;
  const Period& period() const;
  const DrawRequest& request() const;
  // The strata, in the draw's order.
  const std::vector<DrawStratum>& strata() const;
  // The history as the draw reads it (the type is internal).
  const internal::YearHistory& year_history() const;

 private:
  struct State;
  explicit DrawPartSpec(std::shared_ptr<const State> state) : state_(std::move(state)) {}
  std::shared_ptr<const State> state_;
};

// A part's counts for one stratum (the record's numbers, summed over parts).
struct StratumTally {
  int64_t pool_size = 0;
  int64_t excluded_yearly_cap = 0;
  int64_t excluded_rotation = 0;
  int64_t eligible = 0;
  friend bool operator==(const StratumTally& a, const StratumTally& b) {
    return a.pool_size == b.pool_size && a.excluded_yearly_cap == b.excluded_yearly_cap &&
           a.excluded_rotation == b.excluded_rotation && a.eligible == b.eligible;
  }
};

// The counts of a part, or of several parts added together.
struct DrawPartTally {
  int64_t entities = 0;              // rows
  std::vector<StratumTally> strata;  // one per DrawPartSpec::strata(), same order
  // Distinct entity ids named by tasks of the history plans that are rows of the part(s), sorted bytewise.
  std::vector<std::string> history_entities;

  // Adds `other` (a tally of the same spec; an empty tally adopts other's strata). InvalidArgument when
  // the two tallies have different numbers of strata.
  absl::Status Add(const DrawPartTally& other);
  friend bool operator==(const DrawPartTally& a, const DrawPartTally& b) {
    return a.entities == b.entities && a.strata == b.strata && a.history_entities == b.history_entities;
  }
};

// Classifies `part` and counts its strata. Errors: those of Classify.
absl::StatusOr<DrawPartTally> TallyDrawPart(const Directory& part, const DrawPartSpec& spec);

// What each part keeps of one stratum: its `eligible` lowest-ticket entities among those not excluded whose
// ticket key is at most `eligible_bound`, and its `readmitted` lowest among the rotated (drawn earlier this
// year) with key at most `readmitted_bound`. The bounds only prune: the merged draw is the same for any
// bound that leaves at least the take over all parts (MergeDrawParts says when one did not).
struct StratumTake {
  int64_t eligible = 0;
  int64_t readmitted = 0;
  TicketKey eligible_bound{UINT64_MAX};
  TicketKey readmitted_bound{UINT64_MAX};
};

// The takes for the summed tally `total`: per stratum, quota = ⌈ratio × pool size⌉ (RULES.md §3),
// eligible = min(quota, eligible entities), readmitted = what rotation must re-admit. With `bounded`, each
// bound is set so that the expected number of keys under it is the take plus 8 standard deviations plus
// 32 (ticket keys are uniform), which leaves the take short with probability below 10⁻¹⁵ and keeps the
// candidates near the take however many parts there are; without, the bounds are the maximum (every part
// keeps up to the take). Integer arithmetic only. Errors: none; `total` must come from `spec`.
std::vector<StratumTake> PlanDrawTakes(const DrawPartSpec& spec, const DrawPartTally& total,
                                       bool bounded = true);

// The rows of `part` that are candidates for the takes (one take per stratum of spec, in order), ascending.
// Computes every row's ticket key (one SHA-256 per entity); runs on the calling thread.
// Errors: InvalidArgument when `takes` does not have one entry per stratum; those of Classify.
absl::StatusOr<std::vector<uint32_t>> DrawPartCandidates(const Directory& part, const DrawPartSpec& spec,
                                                         absl::Span<const StratumTake> takes);

// The draw from the merged candidates: `candidates` is the bureau (name, items, inspectors …) whose entity
// directory holds the candidate rows of every part (each part's DrawPartCandidates for `takes`), `total`
// the sum of every part's tally, `directory_digest` the canonical digest of the whole directory.
// The result is byte-identical to Draw() over the whole directory with the spec's policy, period and
// request. Errors:
//  - InvalidArgument: a history plan names an entity no part holds (Draw's message);
//  - FailedPrecondition: a stratum short of its quota (Draw's message);
//  - Aborted: the bounds of `takes` left fewer candidates than a take (a bounded take missed, probability
//    below 10⁻¹⁵ per stratum); the message names the stratum. Recompute the candidates with
//    PlanDrawTakes(spec, total, /*bounded=*/false).
//  - Errors of Classify and of the items' conditions.
absl::StatusOr<DrawResult> MergeDrawParts(const Bureau& candidates, const DrawPartSpec& spec,
                                          absl::Span<const StratumTake> takes, const DrawPartTally& total,
                                          const std::string& directory_digest);

}  // namespace ssr

#endif  // SSRANDOM_PARTIAL_DRAW_H_
