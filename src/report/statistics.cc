// The quarterly statistics table (统计表, RULES.md §5): per area and in total.
#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "check/joint.h"
#include "io/csv.h"
#include "nlohmann/json.hpp"
#include "ssrandom/classify.h"
#include "ssrandom/date.h"
#include "ssrandom/report.h"

namespace ssr {
namespace {

enum Column : size_t {
  kEntitiesTotal,
  kEntitiesSpecial,
  kEntitiesKey,
  kEntitiesGeneral,
  kEntitiesPositive,
  kInspectorsInDirectory,
  kInspectors,
  kTasksPlanned,
  kInspections,
  kInspectionsSpecial,
  kInspectionsKey,
  kInspectionsGeneral,
  kInspectionsPositive,
  kOnSite,
  kOffSite,
  kInternalJoint,
  kDepartmentJoint,
  kCreditBased,
  kPublished,
  kProblemsFound,
  kProblemsHandled,
  kRectification,  // then one column per Handling, in kAllHandlings order
  kColumnCount = kRectification + 5,
};

constexpr char kTotalLabel[] = "合计 total";

}  // namespace

const std::vector<StatisticsColumn>& StatisticsColumns() {
  static const auto* columns = new std::vector<StatisticsColumn>{
      {"entities_total", "检查对象总数"},
      {"entities_special", "特殊监管对象数"},
      {"entities_key", "重点监管对象数"},
      {"entities_general", "一般监管对象数"},
      {"entities_positive", "正面清单对象数"},
      {"inspectors_in_directory", "执法检查人员库人数"},
      {"inspectors", "参与检查人员数"},
      {"tasks_planned", "计划抽查任务数"},
      {"inspections", "抽查总次数"},
      {"inspections_special", "特殊监管对象抽查次数"},
      {"inspections_key", "重点监管对象抽查次数"},
      {"inspections_general", "一般监管对象抽查次数"},
      {"inspections_positive", "正面清单检查次数"},
      {"on_site", "现场检查次数"},
      {"off_site", "非现场检查次数"},
      {"internal_joint", "内部联合抽查次数"},
      {"department_joint", "部门联合抽查次数"},
      {"credit_based", "运用信用风险分类抽查次数"},
      {"published", "结果公示数"},
      {"problems_found", "发现问题数"},
      {"problems_handled", "已处置问题数"},
      {"rectification", "责令整改数"},
      {"penalty_case", "立案处罚数"},
      {"clue_transfer", "移送线索数"},
      {"judicial_referral", "移送司法机关数"},
      {"credit_record", "纳入信用记录数"},
  };
  return *columns;
}

int64_t StatisticsRow::Get(absl::string_view key) const {
  const std::vector<StatisticsColumn>& columns = StatisticsColumns();
  for (size_t i = 0; i < columns.size() && i < values.size(); ++i) {
    if (key == columns[i].key) return values[i];
  }
  return -1;
}

std::string StatisticsTable::ToCsv(bool chinese_headers) const {
  std::string out;
  std::vector<std::string> header = {chinese_headers ? "所属区域" : "area"};
  for (const StatisticsColumn& c : StatisticsColumns()) header.push_back(chinese_headers ? c.label : c.key);
  std::vector<absl::string_view> views(header.begin(), header.end());
  internal::AppendCsvRow(&out, views);
  for (const StatisticsRow& row : rows) {
    std::vector<std::string> fields = {row.area.empty() ? kTotalLabel : row.area};
    for (int64_t v : row.values) fields.push_back(absl::StrCat(v));
    views.assign(fields.begin(), fields.end());
    internal::AppendCsvRow(&out, views);
  }
  return out;
}

std::string StatisticsTable::ToJson() const {
  nlohmann::ordered_json columns = nlohmann::ordered_json::array();
  for (const StatisticsColumn& c : StatisticsColumns())
    columns.push_back({{"key", c.key}, {"label", c.label}});
  auto row_json = [](const StatisticsRow& row) {
    nlohmann::ordered_json object = {{"area", row.area.empty() ? kTotalLabel : row.area}};
    const std::vector<StatisticsColumn>& cs = StatisticsColumns();
    for (size_t i = 0; i < cs.size(); ++i) object[cs[i].key] = row.values[i];
    return object;
  };
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (size_t i = 0; i + 1 < rows.size(); ++i) list.push_back(row_json(rows[i]));
  nlohmann::ordered_json out = {{"format", "ssrandom-statistics"},
                                {"format_version", 1},
                                {"bureau", bureau},
                                {"period", period},
                                {"as_of", as_of ? nlohmann::ordered_json(FormatDate(*as_of)) : nullptr},
                                {"columns", columns},
                                {"rows", list},
                                {"total", row_json(total())}};
  return out.dump(2) + "\n";
}

absl::StatusOr<StatisticsTable> BuildStatistics(const Bureau& bureau, const Policy& policy, const Plan& plan,
                                                const ResultSet& results,
                                                std::optional<absl::CivilDay> as_of) {
  absl::StatusOr<Period> period = Period::Parse(plan.period);
  if (!period.ok()) return period.status();
  if (!period->is_quarter()) {
    return absl::InvalidArgumentError(absl::StrCat("the statistics table is per quarter, not ", plan.period));
  }
  ResultsValidation validation;
  validation.staff = &bureau.staff;
  // Results of other quarters (a whole year's file) are left alone; the plan's own are validated.
  ResultSet own;
  for (const InspectionResult& r : results.results) {
    if (r.task_id.compare(0, plan.period.size() + 1, plan.period + "/") == 0) own.results.push_back(r);
  }
  if (absl::Status s = ValidateResults(own, {plan}, validation, "results"); !s.ok()) return s;
  absl::StatusOr<Classification> classes = Classify(bureau.entities, policy, *period);
  if (!classes.ok()) return classes.status();

  StatisticsTable table;
  table.bureau = plan.bureau;
  table.period = plan.period;
  table.as_of = as_of;
  const Directory& directory = bureau.entities;
  std::vector<std::string> areas = directory.Areas();
  absl::flat_hash_map<std::string, size_t> row_of;
  for (const std::string& area : areas) {
    row_of[area] = table.rows.size();
    table.rows.push_back({area, std::vector<int64_t>(kColumnCount, 0)});
  }
  // Plan areas the directory no longer has still get a row.
  for (const Task& task : plan.tasks) {
    if (!task.area.empty() && !row_of.contains(task.area)) {
      row_of[task.area] = table.rows.size();
      table.rows.push_back({task.area, std::vector<int64_t>(kColumnCount, 0)});
    }
  }
  StatisticsRow total{"", std::vector<int64_t>(kColumnCount, 0)};
  auto add = [&](const std::string& area, Column column, int64_t n = 1) {
    total.values[column] += n;
    auto it = row_of.find(area);
    if (it != row_of.end()) table.rows[it->second].values[column] += n;
  };

  for (size_t row = 0; row < directory.size(); ++row) {
    const std::string area(directory.area(row));
    switch (classes->pool(row)) {
      case Pool::kExcluded:
        continue;
      case Pool::kSpecial:
        add(area, kEntitiesSpecial);
        break;
      case Pool::kKey:
        add(area, kEntitiesKey);
        break;
      case Pool::kPositive:
        add(area, kEntitiesPositive);
        add(area, kEntitiesGeneral);
        break;
      case Pool::kGeneral:
        add(area, kEntitiesGeneral);
        break;
    }
    add(area, kEntitiesTotal);
  }
  for (const Inspector& inspector : bureau.staff.inspectors()) {
    if (!inspector.active || !inspector.department.empty()) continue;
    add(inspector.area_group, kInspectorsInDirectory);
  }

  absl::flat_hash_map<std::string, absl::flat_hash_set<std::string>> took_part;
  absl::flat_hash_set<std::string> all_took_part;
  for (const Task& task : plan.tasks) {
    add(task.area, kTasksPlanned);
    const InspectionResult* r = results.Find(task.id);
    if (r == nullptr || !r->inspection_date || (as_of && *r->inspection_date > *as_of)) continue;
    add(task.area, kInspections);
    switch (task.pool) {
      case Pool::kSpecial:
        add(task.area, kInspectionsSpecial);
        break;
      case Pool::kKey:
        add(task.area, kInspectionsKey);
        break;
      case Pool::kPositive:
        add(task.area, kInspectionsPositive);
        add(task.area, kInspectionsGeneral);
        break;
      case Pool::kGeneral:
      case Pool::kExcluded:
        add(task.area, kInspectionsGeneral);
        break;
    }
    add(task.area, r->method == InspectionMethod::kOffSite ? kOffSite : kOnSite);
    const JointType joint = internal::ActualJoint(task, r, &bureau);
    if (joint == JointType::kInternal) add(task.area, kInternalJoint);
    if (joint == JointType::kDepartment) add(task.area, kDepartmentJoint);
    if (task.credit_based) add(task.area, kCreditBased);
    if (r->publication_date && (!as_of || *r->publication_date <= *as_of)) add(task.area, kPublished);
    if (r->result == Outcome::kProblemFound) {
      add(task.area, kProblemsFound);
      if (!r->handling.empty()) add(task.area, kProblemsHandled);
    }
    for (Handling h : r->handling)
      add(task.area, static_cast<Column>(kRectification + static_cast<size_t>(h)));
    for (const std::string& id : r->team) {
      took_part[task.area].insert(id);
      all_took_part.insert(id);
    }
  }
  for (auto& [area, ids] : took_part) {
    auto it = row_of.find(area);
    if (it != row_of.end()) table.rows[it->second].values[kInspectors] = static_cast<int64_t>(ids.size());
  }
  total.values[kInspectors] = static_cast<int64_t>(all_took_part.size());
  table.rows.push_back(std::move(total));
  return table;
}

}  // namespace ssr
