#include "draw/drawn_plan.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"
#include "draw/plan_writer.h"
#include "parallel/run_parts.h"

namespace ssr::internal {
namespace {

// Below these many tasks a part costs more in starting a thread than it saves.
constexpr size_t kMinTasksPerPart = 4096;

}  // namespace

DrawnPlan::DrawnPlan(Plan header, ItemMatcher items) : header_(std::move(header)), items_(std::move(items)) {
  header_.tasks.clear();
}

void DrawnPlan::SetTasks(const Directory& directory, std::vector<Stratum> strata,
                         absl::Span<const uint32_t> rows, int threads) {
  items_.Prepare(rows, threads);
  const size_t words = items_.words_per_row();
  const size_t count = rows.size();
  tasks_.assign(count, TaskText{});
  item_bits_.resize(count * words);
  // The tasks' rows are scattered over the directory (they come in ticket order): read in that order, each
  // string costs cache misses waited for one after the other, most of this step at 10^7 entities. So the
  // directory is read forwards instead, each row giving the tasks it has: the tasks of a row are found from
  // the first (`first_task_of_row`) and the next of the same row (`next_task_of_row`, for the rows a plan
  // might hold twice). Each part reads a range of rows and writes only its rows' tasks, so the plan does not
  // depend on the part count.
  constexpr uint32_t kNoTask = UINT32_MAX;
  std::vector<uint32_t> first_task_of_row(directory.size(), kNoTask), next_task_of_row(count, kNoTask);
  for (size_t task = count; task-- > 0;) {
    next_task_of_row[task] = first_task_of_row[rows[task]];
    first_task_of_row[rows[task]] = static_cast<uint32_t>(task);
  }
  const int parts = PartsFor(count, threads, kMinTasksPerPart);
  const auto for_each_task_in_row_order = [&](const auto& visit) {
    RunParts(parts, [&](int part) {
      const size_t end = PartBegin(directory.size(), parts, part + 1);
      for (size_t row = PartBegin(directory.size(), parts, part); row < end; ++row) {
        for (uint32_t task = first_task_of_row[row]; task != kNoTask; task = next_task_of_row[task]) {
          visit(row, task);
        }
      }
    });
  };
  // First the lengths (where each string ends, from the task's beginning) and the item bits...
  for_each_task_in_row_order([&](size_t row, uint32_t task) {
    TaskText& text = tasks_[task];
    text.name_end = static_cast<uint32_t>(directory.name(row).size());
    text.uscc_end = text.name_end + static_cast<uint32_t>(directory.uscc(row).size());
    text.area_end = text.uscc_end + static_cast<uint32_t>(directory.area(row).size());
    if (words > 0) items_.CopyBits(row, &item_bits_[task * words]);
  });
  items_.ReleasePrepared();  // the bits are copied
  // ...then every task's place in one text, in plan order, so that the writers read the text forwards...
  size_t text_size = 0;
  for (const TaskText& task : tasks_) text_size += task.area_end;
  text_.reset(new char[text_size]);  // not zeroed: every byte is written below
  size_t begin = 0;
  for (TaskText& task : tasks_) {
    task.begin = begin;
    begin += task.area_end;
  }
  // ...then the strings, each copied to its task's place.
  for_each_task_in_row_order([&](size_t row, uint32_t task) {
    char* out = text_.get() + tasks_[task].begin;
    for (absl::string_view value : {directory.name(row), directory.uscc(row), directory.area(row)}) {
      std::memcpy(out, value.data(), value.size());
      out += value.size();
    }
  });
  strata_ = std::move(strata);
}

TaskView DrawnPlan::View(size_t index, TaskScratch& scratch) const {
  // The stratum holding the task: the last whose first task is at or before it (a handful of strata).
  const auto after = std::upper_bound(strata_.begin(), strata_.end(), index,
                                      [](size_t i, const Stratum& s) { return i < s.first_task; });
  const Stratum& stratum = *(after - 1);
  const TaskText& task = tasks_[index];
  const absl::string_view text(text_.get() + task.begin, task.area_end);
  TaskView view;
  // The id and the ticket are the record's: the draw copied them there already.
  const SelectedEntity& selected = stratum.selected[index - stratum.first_task];
  view.entity_id = selected.id;
  scratch.id.clear();
  absl::StrAppend(&scratch.id, header_.period, "/", view.entity_id);
  view.id = scratch.id;
  view.entity_name = text.substr(0, task.name_end);
  view.uscc = text.substr(task.name_end, task.uscc_end - task.name_end);
  view.area = text.substr(task.uscc_end, task.area_end - task.uscc_end);
  // Every entity of a stratum is of its pool, so of its pool's supervision class.
  view.supervision_class = ClassOfPool(stratum.pool);
  view.pool = stratum.pool;
  view.credit_class = stratum.credit_class;
  view.stratum = stratum.name;
  view.ticket = selected.ticket;
  view.method = stratum.method;
  items_.ItemsFromBits(item_bits_.data() + index * items_.words_per_row(), stratum.method, &scratch.items);
  view.items = scratch.items;
  view.credit_based = stratum.credit_based;
  return view;  // no team yet: the team draw staffs a Plan
}

Plan DrawnPlan::ToPlan(int threads) const {
  Plan plan = header_;
  plan.tasks.resize(size());
  // Allocating each task's strings is most of the work: each part fills its own range of tasks.
  const int parts = PartsFor(size(), threads, kMinTasksPerPart);
  RunParts(parts, [&](int part) {
    TaskScratch scratch;
    for (size_t i = PartBegin(size(), parts, part); i < PartBegin(size(), parts, part + 1); ++i) {
      plan.tasks[i] = MakeTask(View(i, scratch));
    }
  });
  return plan;
}

std::string DrawnPlan::ToCsv() const { return PlanCsv(header_, *this); }
std::string DrawnPlan::ToJson() const { return PlanJson(header_, *this); }
std::string DrawnPlan::Digest(int threads) const { return PlanDigest(header_, *this, false, threads); }

}  // namespace ssr::internal
