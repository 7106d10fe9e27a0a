// inspector.h — law-enforcement inspectors (执法检查人员), the bureau's units and partner departments.
//
// The inspector directory (执法检查人员名录库) lists every inspector with the labels the team draw reads
// (RULES.md §4): certificate (执法证) number and validity, internal unit (科室/业务条线), area group (分组),
// specialties and maximum workload. Partner departments (e.g. market regulation) and their inspectors take
// part in inter-department joint inspections (部门联合抽查).
//
//   ssr::InspectorDirectory staff;
//   staff.AddUnit({"brigade", "执法大队", "enforcement"});
//   ssr::Inspector a;
//   a.id = "I-001"; a.name = "张明"; a.unit = "brigade"; a.area_group = "杜固";
//   a.certificate_number = "13010024001";
//   a.certificate_valid_until = absl::CivilDay(2026, 12, 31);
//   absl::Status added = staff.Add(a);
//
// Inspector directories are small (tens to thousands of rows) and stored row by row.
#ifndef SSRANDOM_INSPECTOR_H_
#define SSRANDOM_INSPECTOR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace ssr {

// An internal unit of the bureau (科室/业务条线): the enforcement brigade, the monitoring centre, a section.
struct Unit {
  std::string id;
  std::string name;  // e.g. 执法大队, 监控中心
  std::string kind;  // free label, e.g. "enforcement", "monitoring", "section"
  friend bool operator==(const Unit& a, const Unit& b) {
    return a.id == b.id && a.name == b.name && a.kind == b.kind;
  }
};

// Another government department that joins inter-department inspections (部门联合抽查).
struct Department {
  std::string id;
  std::string name;  // e.g. 市场监督管理局
  friend bool operator==(const Department& a, const Department& b) {
    return a.id == b.id && a.name == b.name;
  }
};

// One inspector. `department` is empty for the bureau's own staff and names a partner department otherwise.
struct Inspector {
  std::string id;                                         // required, unique within the directory
  std::string name;                                       // 姓名 (synthetic in the sample bureau)
  std::string certificate_number;                         // 执法证号
  std::optional<absl::CivilDay> certificate_valid_from;   // 执法证有效期起
  std::optional<absl::CivilDay> certificate_valid_until;  // 执法证有效期止 (inclusive)
  std::string unit;        // internal unit id (see Unit); empty for partner-department inspectors
  std::string department;  // partner department id; empty = this bureau
  std::string area_group;  // 分组, e.g. the enforcement group 杜固
  std::vector<std::string> specialties;  // e.g. 固废, 辐射
  std::optional<int32_t> max_load;       // maximum inspections per period; nullopt = the policy's default
  bool active = true;                    // inactive inspectors are never drawn

  // True when the certificate is valid on `day` (both bounds inclusive; a missing bound is open; no
  // certificate number means not certified).
  bool CertifiedOn(absl::CivilDay day) const;

  friend bool operator==(const Inspector& a, const Inspector& b);
  friend bool operator!=(const Inspector& a, const Inspector& b) { return !(a == b); }
};

// An inspection item (抽查事项) of the item list (随机抽查事项清单).
enum class InspectionMethod : uint8_t {
  kEither = 0,   // 现场或非现场
  kOnSite = 1,   // 现场检查
  kOffSite = 2,  // 非现场监管
};
absl::string_view InspectionMethodName(InspectionMethod method);  // "either", "on_site", "off_site"
absl::string_view InspectionMethodLabel(InspectionMethod method);  // 现场或非现场, 现场检查, 非现场监管

struct Item {
  std::string id;
  std::string name;         // 抽查事项名称
  std::string legal_basis;  // 检查依据
  std::string unit;         // responsible internal unit id
  InspectionMethod method = InspectionMethod::kEither;
  std::string required_specialty;  // a team member must have it; empty = none
  std::string applies_to;          // condition (policy condition language) selecting entities; empty = all
  friend bool operator==(const Item& a, const Item& b);
};

// A declared conflict of interest (回避, Administrative Penalty Law art. 43) between an inspector and an
// entity.
struct Conflict {
  std::string inspector_id;
  std::string entity_id;
  std::string reason;
  friend bool operator==(const Conflict& a, const Conflict& b) {
    return a.inspector_id == b.inspector_id && a.entity_id == b.entity_id && a.reason == b.reason;
  }
};

// Two inspectors the bureau has declared must not serve on the same team.
struct PairExclusion {
  std::string inspector_a;
  std::string inspector_b;
  std::string reason;
  friend bool operator==(const PairExclusion& a, const PairExclusion& b) {
    return a.inspector_a == b.inspector_a && a.inspector_b == b.inspector_b && a.reason == b.reason;
  }
};

// The inspector directory: inspectors, units and partner departments, in insertion order.
//
// Thread safety: const methods may be called concurrently; mutation requires exclusive access.
class InspectorDirectory {
 public:
  // Each Add validates the record and appends it. Errors: InvalidArgument for an empty id or a field that is
  // not UTF-8 or holds a control character, AlreadyExists for a duplicate id. A failed call changes nothing.
  absl::Status Add(Inspector inspector);
  absl::Status AddUnit(Unit unit);
  absl::Status AddDepartment(Department department);

  const std::vector<Inspector>& inspectors() const { return inspectors_; }
  const std::vector<Unit>& units() const { return units_; }
  const std::vector<Department>& departments() const { return departments_; }
  size_t size() const { return inspectors_.size(); }

  // Index of the inspector/unit/department with that id, or nullopt.
  std::optional<size_t> Find(absl::string_view id) const;
  std::optional<size_t> FindUnit(absl::string_view id) const;
  std::optional<size_t> FindDepartment(absl::string_view id) const;

 private:
  std::vector<Inspector> inspectors_;
  std::vector<Unit> units_;
  std::vector<Department> departments_;
  absl::flat_hash_map<std::string, size_t> inspector_index_;
  absl::flat_hash_map<std::string, size_t> unit_index_;
  absl::flat_hash_map<std::string, size_t> department_index_;
};

}  // namespace ssr

#endif  // SSRANDOM_INSPECTOR_H_
