#include "ssrandom/summary.h"

#include <algorithm>
#include <map>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "directory/entity_columns.h"
#include "io/display_width.h"
#include "nlohmann/json.hpp"

namespace ssr {
namespace {

// Counts keys, keeping first-seen order.
class Counter {
 public:
  void Add(const std::string& key, const std::string& label) {
    auto [it, inserted] = index_.try_emplace(key, rows_.size());
    if (inserted) rows_.push_back({key, label, 0});
    ++rows_[it->second].count;
  }
  Breakdown Take(std::string name, std::string title, bool sort_by_key = false) {
    if (sort_by_key) {
      std::sort(rows_.begin(), rows_.end(), [](const CountRow& a, const CountRow& b) {
        // Unknown (empty) last.
        if (a.key.empty() != b.key.empty()) return b.key.empty();
        return a.key < b.key;
      });
    }
    return {std::move(name), std::move(title), std::move(rows_)};
  }

 private:
  std::vector<CountRow> rows_;
  absl::flat_hash_map<std::string, size_t> index_;
};

std::string OrUnknown(absl::string_view value) {
  return value.empty() ? std::string("未知 unknown") : std::string(value);
}

std::string FlagLabel(std::optional<bool> value) {
  if (!value) return "未知 unknown";
  return *value ? "是 yes" : "否 no";
}

std::string FlagKey(std::optional<bool> value) {
  if (!value) return "";
  return *value ? "true" : "false";
}

template <typename Enum>
void CountEnum(const std::vector<uint8_t>& column, absl::string_view (*name)(Enum),
               absl::string_view (*label)(Enum), Counter* counter) {
  std::map<uint8_t, int64_t> counts;
  for (uint8_t value : column) ++counts[value];
  // Declaration order with unknown (0) last.
  for (auto& [value, count] : counts) {
    if (value == 0) continue;
    Enum e = static_cast<Enum>(value);
    for (int64_t i = 0; i < count; ++i) {
      counter->Add(std::string(name(e)), absl::StrCat(label(e), " ", name(e)));
    }
  }
  if (counts.count(0)) {
    for (int64_t i = 0; i < counts[0]; ++i) counter->Add("", "未知 unknown");
  }
}

}  // namespace

BureauSummary Summarize(const Bureau& bureau) {
  BureauSummary summary;
  summary.bureau_name = bureau.name;
  summary.entities = static_cast<int64_t>(bureau.entities.size());
  summary.inspectors = static_cast<int64_t>(bureau.staff.size());
  summary.items = static_cast<int64_t>(bureau.items.size());
  summary.conflicts = static_cast<int64_t>(bureau.conflicts.size());

  const internal::EntityColumns& c = bureau.entities.columns();
  Counter areas, permits, key_units, positive, credits, statuses;
  for (size_t row = 0; row < c.size(); ++row) {
    absl::string_view area = c.areas[c.area[row]];
    areas.Add(std::string(area), OrUnknown(area));
    absl::string_view credit = c.credits[c.credit[row]];
    credits.Add(std::string(credit), OrUnknown(credit));
    key_units.Add(FlagKey(bureau.entities.key_unit(row)), FlagLabel(bureau.entities.key_unit(row)));
    positive.Add(FlagKey(bureau.entities.positive_list(row)), FlagLabel(bureau.entities.positive_list(row)));
  }
  CountEnum<PermitClass>(c.permit_class, &PermitClassName, &PermitClassLabel, &permits);
  CountEnum<EntityStatus>(c.status, &EntityStatusName, &EntityStatusLabel, &statuses);
  summary.entity_breakdowns.push_back(areas.Take("area", "所属区域 area"));
  summary.entity_breakdowns.push_back(permits.Take("permit_class", "排污许可管理类别 permit class"));
  summary.entity_breakdowns.push_back(key_units.Take("key_unit", "环境监管重点单位 key unit", true));
  summary.entity_breakdowns.push_back(positive.Take("positive_list", "正面清单 positive list", true));
  summary.entity_breakdowns.push_back(credits.Take("credit", "信用风险等级 credit class", true));
  summary.entity_breakdowns.push_back(statuses.Take("status", "经营状态 status"));

  Counter units, groups, departments;
  for (const Inspector& inspector : bureau.staff.inspectors()) {
    if (!inspector.department.empty()) {
      auto d = bureau.staff.FindDepartment(inspector.department);
      departments.Add(inspector.department, d ? bureau.staff.departments()[*d].name : inspector.department);
      continue;
    }
    auto u = bureau.staff.FindUnit(inspector.unit);
    units.Add(inspector.unit, u ? bureau.staff.units()[*u].name : inspector.unit);
    if (!inspector.area_group.empty()) groups.Add(inspector.area_group, inspector.area_group);
  }
  summary.inspector_breakdowns.push_back(units.Take("unit", "科室/业务条线 unit"));
  summary.inspector_breakdowns.push_back(groups.Take("area_group", "执法分组 enforcement group"));
  summary.inspector_breakdowns.push_back(departments.Take("department", "协作部门 partner department"));
  return summary;
}

std::string BureauSummary::ToText() const {
  std::string text =
      absl::StrCat("名录库概况 directory summary", bureau_name.empty() ? "" : " — ", bureau_name, "\n",
                   "  检查对象 entities: ", entities, "   执法检查人员 inspectors: ", inspectors,
                   "   抽查事项 items: ", items, "   回避关系 conflicts: ", conflicts, "\n");
  auto append = [&text](const Breakdown& breakdown, int64_t total) {
    absl::StrAppend(&text, "\n  ", breakdown.title, "\n");
    for (const CountRow& row : breakdown.rows) {
      absl::StrAppend(&text,
                      absl::StrFormat("    %-28s %7d  %5.1f%%\n", row.label, row.count,
                                      total > 0 ? 100.0 * static_cast<double>(row.count) / total : 0.0));
    }
  };
  for (const Breakdown& b : entity_breakdowns) append(b, entities);
  for (const Breakdown& b : inspector_breakdowns) append(b, inspectors);
  return text;
}

std::string BureauSummary::ToJson() const {
  auto breakdowns = [](const std::vector<Breakdown>& list) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (const Breakdown& b : list) {
      nlohmann::ordered_json rows = nlohmann::ordered_json::array();
      for (const CountRow& row : b.rows)
        rows.push_back({{"key", row.key}, {"label", row.label}, {"count", row.count}});
      out[b.name] = rows;
    }
    return out;
  };
  nlohmann::ordered_json out = {{"bureau", bureau_name},
                                {"entities", entities},
                                {"inspectors", inspectors},
                                {"items", items},
                                {"conflicts", conflicts},
                                {"entities_by", breakdowns(entity_breakdowns)},
                                {"inspectors_by", breakdowns(inspector_breakdowns)}};
  return out.dump(2);
}

}  // namespace ssr
