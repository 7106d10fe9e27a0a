// What a bureau's earlier plans of the year say about a draw (rotation and the yearly cap), shared by the
// single-machine draw (draw.cc) and the draw over parts of a directory (partial_draw.cc), so both read a
// history the same way and fail with the same messages.
#ifndef SSRANDOM_SRC_DRAW_HISTORY_H_
#define SSRANDOM_SRC_DRAW_HISTORY_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "ssrandom/classes.h"
#include "ssrandom/period.h"
#include "ssrandom/plan.h"
#include "ssrandom/record.h"

namespace ssr::internal {

struct YearHistory {
  absl::flat_hash_map<std::string, int> on_site_count;  // planned on-site inspections this year, by entity id
  std::vector<HistoryEntry> entries;                    // sorted by period
};

// Reads the earlier plans of `period`'s year. `in_directory(id)` says whether the frozen directory holds an
// entity; pass nullptr to defer that check (a directory split over machines checks it once its parts have
// been seen). InvalidArgument, naming the plan, for a plan of another year, of this period or later, two
// plans of one period, or (with `in_directory`) a task whose entity is not in the directory.
absl::StatusOr<YearHistory> ReadHistory(const std::vector<Plan>& plans, const Period& period,
                                        const std::function<bool(absl::string_view)>& in_directory);

// "key/B", or "key" for a pool without a credit table.
std::string StratumName(Pool pool, absl::string_view credit_class);

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_DRAW_HISTORY_H_
