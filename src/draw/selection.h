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
#include "draw/items.h"
#include "ssrandom/classes.h"
#include "ssrandom/classify.h"
#include "ssrandom/directory.h"
#include "ssrandom/period.h"
#include "ssrandom/plan.h"
#include "ssrandom/policy.h"
#include "ssrandom/record.h"
#include "ssrandom/sampler.h"

namespace ssr::internal {

// A row chosen in a stratum, with its ticket; readmitted when it came back after the rotation pool ran out.
struct ChosenEntity {
  uint32_t row;
  std::string ticket;
  bool readmitted;
};

// The `n` rows of `rows` with the lowest tickets (all of them when fewer), ranked on `threads` threads
// (the result does not depend on it).
std::vector<ChosenEntity> LowestTickets(const TicketSampler& sampler, const Directory& directory,
                                        const std::vector<uint32_t>& rows, size_t n, bool readmitted,
                                        int threads);

// Completes `stratum` (whose counts, quota and arithmetic are filled) with `chosen`: when fewer than its
// quota could be drawn, FailedPrecondition naming the stratum, the yearly cap and the fix if the policy
// refuses short strata, else whole_pool_taken; then the chosen entities in ticket order (then id) as its
// selection and as tasks of `plan`. On error neither `stratum` nor `plan` is changed.
absl::Status CompleteStratum(const Policy& policy, const Period& period, const Directory& directory,
                             const Classification& classification, ItemMatcher& items, Pool pool,
                             std::vector<ChosenEntity> chosen, StratumRecord& stratum, Plan& plan);

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_DRAW_SELECTION_H_
