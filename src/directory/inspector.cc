#include "ssrandom/inspector.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "directory/text.h"

namespace ssr {
namespace {

absl::Status CheckNewId(absl::string_view kind, const std::string& id,
                        const absl::flat_hash_map<std::string, size_t>& index) {
  if (id.empty())
    return absl::InvalidArgumentError(absl::StrCat("field id is empty; every ", kind, " needs one"));
  if (index.contains(id)) {
    return absl::AlreadyExistsError(absl::StrCat("duplicate ", kind, " id '", id, "'; ids must be unique"));
  }
  return absl::OkStatus();
}

std::optional<size_t> Lookup(const absl::flat_hash_map<std::string, size_t>& index, absl::string_view id) {
  auto it = index.find(id);
  if (it == index.end()) return std::nullopt;
  return it->second;
}

}  // namespace

bool Inspector::CertifiedOn(absl::CivilDay day) const {
  if (certificate_number.empty()) return false;
  if (certificate_valid_from && day < *certificate_valid_from) return false;
  if (certificate_valid_until && day > *certificate_valid_until) return false;
  return true;
}

bool operator==(const Inspector& a, const Inspector& b) {
  return a.id == b.id && a.name == b.name && a.certificate_number == b.certificate_number &&
         a.certificate_valid_from == b.certificate_valid_from &&
         a.certificate_valid_until == b.certificate_valid_until && a.unit == b.unit &&
         a.department == b.department && a.area_group == b.area_group && a.specialties == b.specialties &&
         a.max_load == b.max_load && a.active == b.active;
}

bool operator==(const Item& a, const Item& b) {
  return a.id == b.id && a.name == b.name && a.legal_basis == b.legal_basis && a.unit == b.unit &&
         a.method == b.method && a.required_specialty == b.required_specialty && a.applies_to == b.applies_to;
}

absl::string_view InspectionMethodName(InspectionMethod method) {
  switch (method) {
    case InspectionMethod::kOnSite:
      return "on_site";
    case InspectionMethod::kOffSite:
      return "off_site";
    case InspectionMethod::kEither:
      break;
  }
  return "either";
}

absl::string_view InspectionMethodLabel(InspectionMethod method) {
  switch (method) {
    case InspectionMethod::kOnSite:
      return "现场检查";
    case InspectionMethod::kOffSite:
      return "非现场监管";
    case InspectionMethod::kEither:
      break;
  }
  return "现场或非现场";
}

absl::Status InspectorDirectory::Add(Inspector inspector) {
  if (absl::Status s = CheckNewId("inspector", inspector.id, inspector_index_); !s.ok()) return s;
  if (absl::Status s = internal::CheckFieldTexts({{"id", &inspector.id},
                                                  {"name", &inspector.name},
                                                  {"certificate_number", &inspector.certificate_number},
                                                  {"unit", &inspector.unit},
                                                  {"department", &inspector.department},
                                                  {"area_group", &inspector.area_group}});
      !s.ok()) {
    return s;
  }
  for (const std::string& specialty : inspector.specialties) {
    if (absl::Status s = internal::CheckFieldText("specialties", specialty); !s.ok()) return s;
  }
  if (inspector.max_load && *inspector.max_load < 0) {
    return absl::InvalidArgumentError("field max_load is negative");
  }
  if (inspector.certificate_valid_from && inspector.certificate_valid_until &&
      *inspector.certificate_valid_until < *inspector.certificate_valid_from) {
    return absl::InvalidArgumentError(
        "field certificate_valid_until is before certificate_valid_from; check the certificate dates");
  }
  inspector_index_.emplace(inspector.id, inspectors_.size());
  inspectors_.push_back(std::move(inspector));
  return absl::OkStatus();
}

absl::Status InspectorDirectory::AddUnit(Unit unit) {
  if (absl::Status s = CheckNewId("unit", unit.id, unit_index_); !s.ok()) return s;
  if (absl::Status s =
          internal::CheckFieldTexts({{"id", &unit.id}, {"name", &unit.name}, {"kind", &unit.kind}});
      !s.ok()) {
    return s;
  }
  unit_index_.emplace(unit.id, units_.size());
  units_.push_back(std::move(unit));
  return absl::OkStatus();
}

absl::Status InspectorDirectory::AddDepartment(Department department) {
  if (absl::Status s = CheckNewId("department", department.id, department_index_); !s.ok()) return s;
  if (absl::Status s = internal::CheckFieldTexts({{"id", &department.id}, {"name", &department.name}});
      !s.ok())
    return s;
  department_index_.emplace(department.id, departments_.size());
  departments_.push_back(std::move(department));
  return absl::OkStatus();
}

std::optional<size_t> InspectorDirectory::Find(absl::string_view id) const {
  return Lookup(inspector_index_, id);
}
std::optional<size_t> InspectorDirectory::FindUnit(absl::string_view id) const {
  return Lookup(unit_index_, id);
}
std::optional<size_t> InspectorDirectory::FindDepartment(absl::string_view id) const {
  return Lookup(department_index_, id);
}

}  // namespace ssr
