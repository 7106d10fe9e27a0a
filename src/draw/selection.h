// How one stratum's selection becomes part of the record and the plan, shared by the single-machine draw
// (draw.cc) and the draw over parts of a directory (partial_draw.cc): both must take the lowest tickets the
// same way, refuse a short stratum with the same message, and write the same tasks, or their plans and
// records would differ.
#ifndef SSRANDOM_SRC_DRAW_SELECTION_H_
#define SSRANDOM_SRC_DRAW_SELECTION_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "draw/drawn_plan.h"
#include "ssrandom/classes.h"
#include "ssrandom/classify.h"
#include "ssrandom/directory.h"
#include "ssrandom/period.h"
#include "ssrandom/policy.h"
#include "ssrandom/record.h"
#include "ssrandom/sampler.h"

namespace ssr::internal {

// A stratum whose draw is decided: its record with counts, quota and arithmetic filled and, once chosen,
// its selection; its pool; and the directory row of each entity of the selection.
struct DecidedStratum {
  StratumRecord record;
  Pool pool = Pool::kGeneral;
  std::vector<uint32_t> rows;
};

// Chooses the stratum's entities: the `quota` rows of `eligible` with the lowest tickets, and when these are
// fewer, as many more of `rotated` as are missing (readmitted: the rotation pool ran out), each in ticket
// order, with their ids and tickets. Runs on up to `threads` threads (the result does not depend on it).
void ChooseLowestTickets(const TicketSampler& sampler, const Directory& directory,
                         const std::vector<uint32_t>& eligible, const std::vector<uint32_t>& rotated,
                         size_t quota, int threads, DecidedStratum& stratum);

// When fewer than the stratum's quota could be chosen: FailedPrecondition naming the stratum, the yearly cap
// and the fix if the policy refuses short strata, else marks it whole_pool_taken. Then puts the chosen
// entities in ticket order (then id). On error the stratum is unchanged.
absl::Status OrderStratum(const Policy& policy, const Period& period, DecidedStratum& stratum);

// Appends the ordered strata's records, with their selections, to `record.strata`, and gives `plan` (empty
// until now) the strata's tasks, stratum after stratum, their strings copied on up to `threads` threads (the
// plan does not depend on it). The plan reads its ids and tickets from `record`, whose strata must not
// change after this. Cannot fail.
void WriteStrata(const Policy& policy, const Directory& directory, std::vector<DecidedStratum> strata,
                 int threads, DrawRecord& record, DrawnPlan& plan);

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_DRAW_SELECTION_H_
