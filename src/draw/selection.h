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

// A row chosen in a stratum, with its ticket; readmitted when it came back after the rotation pool ran out.
struct ChosenEntity {
  uint32_t row;
  std::string ticket;
  bool readmitted;
};

// The `n` rows of `rows` with the lowest tickets (all of them when fewer), in ticket order, ranked and their
// tickets written on up to `threads` threads (the result does not depend on it).
std::vector<ChosenEntity> LowestTickets(const TicketSampler& sampler, const Directory& directory,
                                        const std::vector<uint32_t>& rows, size_t n, bool readmitted,
                                        int threads);

// A stratum whose draw is decided: its record with counts, quota and arithmetic filled (the selection not
// yet), its pool, and the entities chosen in it.
struct DecidedStratum {
  StratumRecord record;
  Pool pool = Pool::kGeneral;
  std::vector<ChosenEntity> chosen;
};

// When fewer than the stratum's quota could be chosen: FailedPrecondition naming the stratum, the yearly cap
// and the fix if the policy refuses short strata, else marks it whole_pool_taken. Then puts the chosen
// entities in ticket order (then id). On error the stratum is unchanged.
absl::Status OrderStratum(const Policy& policy, const Period& period, const Directory& directory,
                          DecidedStratum& stratum);

// Writes each ordered stratum's chosen entities as its record's selection, appends the records to
// `record.strata`, and gives `plan` (empty until now) the strata's tasks, stratum after stratum. The
// selections are written on up to `threads` threads, each a contiguous range: the plan and the record do not
// depend on `threads`. The plan reads its tickets from `record`, whose strata must not change after this.
// Cannot fail.
void WriteStrata(const Policy& policy, const Directory& directory, const Classification& classification,
                 std::vector<DecidedStratum> strata, int threads, DrawRecord& record, DrawnPlan& plan);

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_DRAW_SELECTION_H_
