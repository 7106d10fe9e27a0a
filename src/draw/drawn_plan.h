// A drawn plan kept compact until its tasks are wanted as values, and the draw that makes one
// (docs/PERFORMANCE.md, "Figures at 10⁷, quiet machine (2026-12-07, night)").
//
// A Task holds ten strings, each its own allocation: at 10^7 entities making the plan's 2.9 million tasks
// was nearly half of a draw, and every writer then read the copies back from all over the heap. A DrawnPlan
// keeps, per task, its strings from the directory (name, USCC, area) back to back in one text and its item
// bits, and per stratum what its tasks share (its pool, which gives its supervision class); the ids and
// tickets are read from the draw record, which holds them already. Its texts and digest are byte for byte
// those of the Plan it makes (both are written by plan_writer.h), and reading them reads memory in order.
//
// Used where the tasks are not needed as values: the Python draw (which writes texts when asked), record
// verification (which needs the record only), and Draw() itself, which makes its Plan from one.
#ifndef SSRANDOM_SRC_DRAW_DRAWN_PLAN_H_
#define SSRANDOM_SRC_DRAW_DRAWN_PLAN_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "draw/items.h"
#include "draw/task_view.h"
#include "ssrandom/bureau.h"
#include "ssrandom/classes.h"
#include "ssrandom/directory.h"
#include "ssrandom/draw.h"
#include "ssrandom/period.h"
#include "ssrandom/plan.h"
#include "ssrandom/policy.h"
#include "ssrandom/record.h"

namespace ssr::internal {

class DrawnPlan final : public TaskSource {
 public:
  // What the tasks of one stratum share.
  struct Stratum {
    Pool pool = Pool::kGeneral;
    InspectionMethod method = InspectionMethod::kOnSite;
    bool credit_based = false;
    std::string credit_class;
    std::string name;  // "key" or "key/B"
    size_t first_task = 0;
    // The stratum's selection in the draw record, one entry per task of the stratum in plan order: the
    // tasks' ids and tickets are read there.
    absl::Span<const SelectedEntity> selected;
  };

  // An empty plan with `header`'s fields (its tasks are dropped), whose items will be those of `items`.
  DrawnPlan(Plan header, ItemMatcher items);
  // Moving keeps every view (the strings live in the plan's and the record's heap); copying would not, so
  // there is none.
  DrawnPlan(DrawnPlan&&) = default;
  DrawnPlan& operator=(DrawnPlan&&) = default;

  // The plan's fields other than its tasks (its `tasks` is empty).
  const Plan& header() const { return header_; }
  Plan& header() { return header_; }

  // Gives the plan its tasks: rows `rows` of `directory` (the matcher's), in `strata` given in plan order
  // with their first tasks and their selections in a draw record (which must outlive the plan, its strata
  // unchanged). Copies the rows' strings and item bits on up to `threads` threads (the plan does not depend
  // on it); the directory is not read after. A row may appear more than once. Call once, before reading.
  void SetTasks(const Directory& directory, std::vector<Stratum> strata, absl::Span<const uint32_t> rows,
                int threads);

  size_t size() const override { return tasks_.size(); }
  TaskView View(size_t index, TaskScratch& scratch) const override;

  // The plan with its tasks as values, built on up to `threads` threads (the result does not depend on it).
  Plan ToPlan(int threads) const;
  std::string ToCsv() const;
  std::string ToJson() const;
  // The plan digest, its rows written on up to `threads` threads (the digest does not depend on it).
  std::string Digest(int threads = 1) const;

 private:
  // A task's directory strings, back to back in text_ from `begin`: the name, USCC and area end at the
  // offsets given from `begin`. (Its id is the record's.)
  struct TaskText {
    size_t begin = 0;
    uint32_t name_end = 0, uscc_end = 0, area_end = 0;
  };

  Plan header_;
  ItemMatcher items_;
  std::vector<Stratum> strata_;
  // The tasks' strings, task after task in plan order.
  std::unique_ptr<char[]> text_;
  std::vector<TaskText> tasks_;
  std::vector<uint64_t> item_bits_;  // items_.words_per_row() words per task
};

// A draw (draw.h) with its plan kept compact. The plan's tickets are read from the record, so the two are
// kept and moved together (moving keeps the views; there is no copy).
struct DrawnResult {
  DrawRecord record;
  DrawnPlan plan;
};

// Draw() without making the plan's tasks: the same record, and a plan whose texts and digest are those of
// Draw()'s plan. Errors as Draw(). The result does not refer to the bureau.
absl::StatusOr<DrawnResult> DrawCompact(const Bureau& bureau, const Policy& policy, const Period& period,
                                        const DrawRequest& request);

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_DRAW_DRAWN_PLAN_H_
