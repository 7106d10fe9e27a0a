// Public disclosure records (一公开, RULES.md §6).
#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "io/csv.h"
#include "nlohmann/json.hpp"
#include "ssrandom/date.h"
#include "ssrandom/report.h"

namespace ssr {
namespace {

struct DisclosureColumn {
  const char* key;
  const char* label;
};

constexpr DisclosureColumn kColumns[] = {
    {"task_id", "任务编号"},         {"entity_name", "检查对象名称"},
    {"uscc", "统一社会信用代码"},    {"area", "所属区域"},
    {"items", "抽查事项"},           {"departments", "检查部门"},
    {"inspection_date", "检查日期"}, {"method", "检查方式"},
    {"result", "检查结果"},          {"handling", "处理情况"},
    {"inspectors", "执法人员"},      {"draw_record", "抽取记录"},
};

std::string HandlingText(const std::vector<Handling>& handling, bool chinese) {
  return absl::StrJoin(handling, ";", [chinese](std::string* out, Handling h) {
    absl::StrAppend(out, chinese ? HandlingLabel(h) : HandlingName(h));
  });
}

std::vector<std::string> Fields(const DisclosureRecord& r, bool chinese) {
  return {r.task_id,
          r.entity_name,
          r.uscc,
          r.area,
          absl::StrJoin(r.items, ";"),
          absl::StrJoin(r.departments, ";"),
          FormatDate(r.inspection_date),
          std::string(chinese ? InspectionMethodLabel(r.method) : InspectionMethodName(r.method)),
          std::string(chinese ? OutcomeLabel(r.result) : OutcomeName(r.result)),
          HandlingText(r.handling, chinese),
          absl::StrJoin(r.inspectors, ";"),
          r.draw_record};
}

}  // namespace

std::string Disclosure::ToCsv(bool chinese_headers) const {
  std::string out;
  std::vector<absl::string_view> row;
  for (const DisclosureColumn& c : kColumns) row.push_back(chinese_headers ? c.label : c.key);
  internal::AppendCsvRow(&out, row);
  for (const DisclosureRecord& record : records) {
    std::vector<std::string> fields = Fields(record, chinese_headers);
    row.assign(fields.begin(), fields.end());
    internal::AppendCsvRow(&out, row);
  }
  return out;
}

std::string Disclosure::ToJson() const {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const DisclosureRecord& r : records) {
    nlohmann::ordered_json handling = nlohmann::ordered_json::array();
    for (Handling h : r.handling)
      handling.push_back({{"name", HandlingName(h)}, {"label", HandlingLabel(h)}});
    list.push_back({{"task_id", r.task_id},
                    {"entity_name", r.entity_name},
                    {"uscc", r.uscc},
                    {"area", r.area},
                    {"items", r.items},
                    {"departments", r.departments},
                    {"inspection_date", FormatDate(r.inspection_date)},
                    {"method", InspectionMethodName(r.method)},
                    {"method_label", InspectionMethodLabel(r.method)},
                    {"result", OutcomeName(r.result)},
                    {"result_label", OutcomeLabel(r.result)},
                    {"handling", handling},
                    {"inspectors", r.inspectors},
                    {"draw_record", r.draw_record}});
  }
  nlohmann::ordered_json out = {
      {"format", "ssrandom-disclosure"}, {"format_version", 1}, {"bureau", bureau}, {"period", period},
      {"as_of", FormatDate(as_of)},      {"records", list}};
  return out.dump(2) + "\n";
}

absl::StatusOr<Disclosure> BuildDisclosure(const Bureau& bureau, const Plan& plan, const ResultSet& results,
                                           absl::CivilDay as_of, const DrawRecord* record) {
  ResultsValidation validation;
  validation.staff = &bureau.staff;
  // Results of other quarters (a whole year's file) are left alone; the plan's own are validated.
  ResultSet own;
  for (const InspectionResult& r : results.results) {
    if (r.task_id.compare(0, plan.period.size() + 1, plan.period + "/") == 0) own.results.push_back(r);
  }
  if (absl::Status s = ValidateResults(own, {plan}, validation, "results"); !s.ok()) return s;
  std::string reference = absl::StrCat(plan.period, " plan sha256:", plan.Digest());
  if (record != nullptr) {
    if (record->plan_digest != plan.Digest()) {
      return absl::InvalidArgumentError(absl::StrCat("the draw record of ", record->period,
                                                     " is not the record of the ", plan.period, " plan"));
    }
    reference = absl::StrCat(plan.period, " record sha256:", record->Digest());
  }
  absl::flat_hash_map<std::string, std::string> item_names;
  for (const Item& item : bureau.items) item_names[item.id] = item.name.empty() ? item.id : item.name;

  Disclosure out;
  out.bureau = plan.bureau;
  out.period = plan.period;
  out.as_of = as_of;
  for (const Task& task : plan.tasks) {
    const InspectionResult* r = results.Find(task.id);
    if (r == nullptr || !r->inspection_date) {
      out.withheld.push_back({task.id, "no result yet: nothing is published for a task without a result"});
      continue;
    }
    if (*r->inspection_date > as_of) {
      out.withheld.push_back(
          {task.id, absl::StrCat("inspected ", FormatDate(*r->inspection_date), ", after ", FormatDate(as_of),
                                 ": the drawn list stays confidential until the inspection")});
      continue;
    }
    DisclosureRecord d;
    d.task_id = task.id;
    d.entity_name = task.entity_name;
    d.uscc = task.uscc;
    d.area = task.area;
    for (const std::string& id : task.items) {
      auto it = item_names.find(id);
      d.items.push_back(it == item_names.end() ? id : it->second);
    }
    d.departments.push_back(bureau.name.empty() ? plan.bureau : bureau.name);
    for (const std::string& id : r->team) {
      std::optional<size_t> index = bureau.staff.Find(id);
      if (!index) continue;
      const Inspector& inspector = bureau.staff.inspectors()[*index];
      // Name and certificate number only (RULES.md §6): never the id, unit, group or anything else.
      d.inspectors.push_back(absl::StrCat(inspector.name,
                                          inspector.certificate_number.empty() ? "" : " 执法证号 ",
                                          inspector.certificate_number));
      if (!inspector.department.empty()) {
        std::optional<size_t> department = bureau.staff.FindDepartment(inspector.department);
        std::string name = department ? bureau.staff.departments()[*department].name : inspector.department;
        if (std::find(d.departments.begin(), d.departments.end(), name) == d.departments.end()) {
          d.departments.push_back(name);
        }
      }
    }
    d.inspection_date = *r->inspection_date;
    d.method = r->method;
    d.result = r->result;
    d.handling = r->handling;
    d.draw_record = reference;
    out.records.push_back(std::move(d));
  }
  return out;
}

}  // namespace ssr
