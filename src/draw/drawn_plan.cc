#include "draw/drawn_plan.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "draw/plan_writer.h"
#include "parallel/run_parts.h"

namespace ssr::internal {
namespace {

// Below these many tasks a part costs more in starting a thread than it saves.
constexpr size_t kMinTasksPerPart = 4096;
constexpr size_t kTextBytesPerTaskEstimate = 72;  // name, USCC and area; only a reservation

}  // namespace

DrawnPlan::DrawnPlan(Plan header, ItemMatcher items) : header_(std::move(header)), items_(std::move(items)) {
  header_.tasks.clear();
}

void DrawnPlan::SetTasks(const Directory& directory, std::vector<Stratum> strata,
                         absl::Span<const uint32_t> rows, std::vector<SupervisionClass> supervision_classes,
                         int threads) {
  items_.Prepare(rows, threads);
  const size_t words = items_.words_per_row();
  tasks_.resize(rows.size());
  item_bits_.resize(rows.size() * words);
  // The rows are scattered over the directory, so every string is a cache miss: each part copies its range
  // of tasks into a text of its own, on its own thread. The texts are kept as they are (joining them would
  // copy and touch a quarter of a gigabyte more at 10^7 entities).
  const int parts = PartsFor(rows.size(), threads, kMinTasksPerPart);
  texts_.resize(static_cast<size_t>(parts));
  RunParts(parts, [&](int part) {
    const size_t begin = PartBegin(rows.size(), parts, part), end = PartBegin(rows.size(), parts, part + 1);
    std::string& text = texts_[static_cast<size_t>(part)];
    text.reserve((end - begin) * kTextBytesPerTaskEstimate);  // on the heap: moving the plan keeps it
    std::vector<uint64_t> offsets(end - begin);               // into `text`, which may move while it grows
    for (size_t i = begin; i < end; ++i) {
      const uint32_t row = rows[i];
      TaskText& task = tasks_[i];
      offsets[i - begin] = text.size();
      // Where the appended value ends, from the task's beginning.
      const auto append = [&](absl::string_view value) {
        text.append(value.data(), value.size());
        return static_cast<uint32_t>(text.size() - offsets[i - begin]);
      };
      task.name_end = append(directory.name(row));
      task.uscc_end = append(directory.uscc(row));
      task.area_end = append(directory.area(row));
      if (words > 0) items_.CopyBits(row, &item_bits_[i * words]);
    }
    for (size_t i = begin; i < end; ++i) tasks_[i].text = text.data() + offsets[i - begin];
  });
  items_.ReleasePrepared();  // the bits are copied
  strata_ = std::move(strata);
  supervision_classes_ = std::move(supervision_classes);
}

TaskView DrawnPlan::View(size_t index, TaskScratch& scratch) const {
  // The stratum holding the task: the last whose first task is at or before it (a handful of strata).
  const auto after = std::upper_bound(strata_.begin(), strata_.end(), index,
                                      [](size_t i, const Stratum& s) { return i < s.first_task; });
  const Stratum& stratum = *(after - 1);
  const TaskText& task = tasks_[index];
  const absl::string_view text(task.text, task.area_end);
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
  view.supervision_class = supervision_classes_[index];
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
