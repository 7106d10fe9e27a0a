// A plan's tasks as the writers of plan.csv, plan.json and the plan digest read them: one task at a time, as
// views. A Plan's tasks are one source (TasksOfPlan); a drawn plan kept compact, its tasks' strings back to
// back in one block, is another (DrawnPlan, drawn_plan.h). Both go through the same writers, so the two
// forms of one plan give the same bytes.
#ifndef SSRANDOM_SRC_DRAW_TASK_VIEW_H_
#define SSRANDOM_SRC_DRAW_TASK_VIEW_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "ssrandom/classes.h"
#include "ssrandom/plan.h"

namespace ssr::internal {

// The fields of a Task (plan.h), viewed. Valid until the source's next View() with the same scratch.
struct TaskView {
  absl::string_view id;
  absl::string_view entity_id;
  absl::string_view entity_name;
  absl::string_view uscc;
  absl::string_view area;
  SupervisionClass supervision_class = SupervisionClass::kGeneral;
  Pool pool = Pool::kGeneral;
  absl::string_view credit_class;
  absl::string_view stratum;
  absl::string_view ticket;
  InspectionMethod method = InspectionMethod::kOnSite;
  absl::Span<const absl::string_view> items;
  bool credit_based = false;
  absl::Span<const absl::string_view> team;
  JointType joint = JointType::kNone;
  absl::string_view partner_department;
};

// What a source may build a view in; one per thread of writing, reused from task to task so that viewing
// allocates only while the lists grow.
struct TaskScratch {
  std::string id;
  std::vector<absl::string_view> items;
  std::vector<absl::string_view> team;
};

// The tasks of a plan, in plan order. Implementations are immutable once built: View() may be called from
// several threads at once, each with its own scratch.
class TaskSource {
 public:
  virtual ~TaskSource() = default;
  virtual size_t size() const = 0;
  // Task `index` (< size()), viewed into `scratch`.
  virtual TaskView View(size_t index, TaskScratch& scratch) const = 0;
};

// A Plan's own tasks. The plan must outlive the source and not change while it is read.
class TasksOfPlan final : public TaskSource {
 public:
  explicit TasksOfPlan(const std::vector<Task>& tasks) : tasks_(tasks) {}
  size_t size() const override { return tasks_.size(); }
  TaskView View(size_t index, TaskScratch& scratch) const override;

 private:
  const std::vector<Task>& tasks_;
};

// The Task a view shows: every string copied.
Task MakeTask(const TaskView& view);

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_DRAW_TASK_VIEW_H_
