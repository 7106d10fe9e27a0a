#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "directory/text.h"
#include "ssrandom/bureau.h"
#include "ssrandom/date.h"
#include "ssrandom/uscc.h"

namespace ssr {
namespace {

void Add(QualityReport* report, IssueSeverity severity, absl::string_view source, int64_t record,
         absl::string_view id, absl::string_view field, absl::string_view code, std::string message) {
  QualityIssue issue;
  issue.severity = severity;
  issue.source = std::string(source);
  issue.record = record;
  issue.record_id = std::string(id);
  issue.field = std::string(field);
  issue.code = std::string(code);
  issue.message = std::move(message);
  report->Add(std::move(issue));
}

void CheckEntities(const Directory& entities, QualityReport* report) {
  absl::flat_hash_map<absl::string_view, size_t> first_with_uscc;
  for (size_t row = 0; row < entities.size(); ++row) {
    absl::string_view uscc = entities.uscc(row);
    if (uscc.empty()) continue;
    UsccCheck check = CheckUscc(uscc);
    if (check.problem != UsccProblem::kNone) {
      Add(report, IssueSeverity::kWarning, "entities", static_cast<int64_t>(row + 1), entities.id(row),
          "uscc", "invalid_uscc",
          absl::StrCat("统一社会信用代码 '", uscc, "' fails GB 32100-2015: ", check.Describe(),
                       "; the entity stays in the directory for the bureau to correct or confirm"));
    }
    auto [it, inserted] = first_with_uscc.emplace(uscc, row);
    if (!inserted) {
      Add(report, IssueSeverity::kWarning, "entities", static_cast<int64_t>(row + 1), entities.id(row),
          "uscc", "duplicate_uscc",
          absl::StrCat("统一社会信用代码 ", uscc, " is also used by entity ", entities.id(it->second),
                       "; merge the records or correct one code"));
    }
  }
}

void CheckInspectors(const InspectorDirectory& staff, std::optional<absl::CivilDay> as_of,
                     QualityReport* report) {
  const auto& inspectors = staff.inspectors();
  for (size_t i = 0; i < inspectors.size(); ++i) {
    const Inspector& inspector = inspectors[i];
    int64_t record = static_cast<int64_t>(i + 1);
    if (!inspector.unit.empty() && !staff.FindUnit(inspector.unit)) {
      Add(report, IssueSeverity::kError, "inspectors", record, inspector.id, "unit", "unknown_reference",
          absl::StrCat("unit '", inspector.unit, "' is not in the units table"));
    }
    if (!inspector.department.empty() && !staff.FindDepartment(inspector.department)) {
      Add(report, IssueSeverity::kError, "inspectors", record, inspector.id, "department",
          "unknown_reference",
          absl::StrCat("department '", inspector.department, "' is not in the departments table"));
    }
    if (inspector.unit.empty() && inspector.department.empty()) {
      Add(report, IssueSeverity::kError, "inspectors", record, inspector.id, "unit", "missing_value",
          "an inspector belongs to an internal unit or a partner department; both are empty");
    }
    if (!inspector.active) continue;
    if (inspector.certificate_number.empty()) {
      Add(report, IssueSeverity::kWarning, "inspectors", record, inspector.id, "certificate_number",
          "missing_certificate", "no 执法证 (law-enforcement certificate): this inspector cannot be drawn");
    } else if (as_of && !inspector.CertifiedOn(*as_of)) {
      bool expired = inspector.certificate_valid_until && *as_of > *inspector.certificate_valid_until;
      Add(report, IssueSeverity::kWarning, "inspectors", record, inspector.id,
          expired ? "certificate_valid_until" : "certificate_valid_from",
          expired ? "expired_certificate" : "certificate_not_yet_valid",
          absl::StrCat(
              "执法证 ", inspector.certificate_number, expired ? " expired on " : " is valid only from ",
              FormatDate(expired ? *inspector.certificate_valid_until : *inspector.certificate_valid_from),
              " (checked as of ", FormatDate(*as_of), "): renew it or mark the inspector inactive"));
    }
    if (inspector.max_load && *inspector.max_load == 0) {
      Add(report, IssueSeverity::kWarning, "inspectors", record, inspector.id, "max_load", "zero_load",
          "max_load is 0: this active inspector will never be drawn");
    }
  }
}

// Control characters, as in every directory's text fields (Directory::Add and InspectorDirectory::Add reject
// them for entities, inspectors, units and departments): a NUL could not even be saved as CSV.
void CheckText(QualityReport* report, absl::string_view source, int64_t record, absl::string_view id,
               std::initializer_list<std::pair<absl::string_view, const std::string*>> fields) {
  for (const auto& [field, value] : fields) {
    if (absl::Status s = internal::CheckFieldText(field, *value); !s.ok()) {
      Add(report, IssueSeverity::kError, source, record, id, field, "invalid_value",
          std::string(s.message()));
    }
  }
}

void CheckItems(const Bureau& bureau, QualityReport* report) {
  absl::flat_hash_set<absl::string_view> ids;
  for (size_t i = 0; i < bureau.items.size(); ++i) {
    const Item& item = bureau.items[i];
    int64_t record = static_cast<int64_t>(i + 1);
    CheckText(report, "items", record, item.id,
              {{"id", &item.id},
               {"name", &item.name},
               {"legal_basis", &item.legal_basis},
               {"unit", &item.unit},
               {"required_specialty", &item.required_specialty},
               {"applies_to", &item.applies_to}});
    if (!ids.insert(item.id).second) {
      Add(report, IssueSeverity::kError, "items", record, item.id, "id", "duplicate_id",
          absl::StrCat("duplicate item id '", item.id, "'; ids must be unique"));
    }
    if (!item.unit.empty() && !bureau.staff.FindUnit(item.unit)) {
      Add(report, IssueSeverity::kError, "items", record, item.id, "unit", "unknown_reference",
          absl::StrCat("responsible unit '", item.unit, "' is not in the units table"));
    }
  }
}

void CheckPairs(const Bureau& bureau, QualityReport* report) {
  for (size_t i = 0; i < bureau.conflicts.size(); ++i) {
    const Conflict& c = bureau.conflicts[i];
    int64_t record = static_cast<int64_t>(i + 1);
    CheckText(report, "conflicts", record, c.inspector_id, {{"reason", &c.reason}});
    if (!bureau.staff.Find(c.inspector_id)) {
      Add(report, IssueSeverity::kError, "conflicts", record, c.inspector_id, "inspector_id",
          "unknown_reference",
          absl::StrCat("inspector '", c.inspector_id, "' is not in the inspector directory"));
    }
    if (!bureau.entities.Find(c.entity_id)) {
      Add(report, IssueSeverity::kError, "conflicts", record, c.inspector_id, "entity_id",
          "unknown_reference", absl::StrCat("entity '", c.entity_id, "' is not in the entity directory"));
    }
  }
  for (size_t i = 0; i < bureau.pair_exclusions.size(); ++i) {
    const PairExclusion& p = bureau.pair_exclusions[i];
    int64_t record = static_cast<int64_t>(i + 1);
    CheckText(report, "pair_exclusions", record, p.inspector_a, {{"reason", &p.reason}});
    for (const auto& [field, id] :
         {std::pair<absl::string_view, const std::string*>{"inspector_a", &p.inspector_a},
          {"inspector_b", &p.inspector_b}}) {
      if (!bureau.staff.Find(*id)) {
        Add(report, IssueSeverity::kError, "pair_exclusions", record, p.inspector_a, field,
            "unknown_reference", absl::StrCat("inspector '", *id, "' is not in the inspector directory"));
      }
    }
    if (p.inspector_a == p.inspector_b) {
      Add(report, IssueSeverity::kError, "pair_exclusions", record, p.inspector_a, "inspector_b",
          "invalid_value", "an inspector cannot be excluded from serving with themself");
    }
  }
}

}  // namespace

QualityReport CheckBureau(const Bureau& bureau, std::optional<absl::CivilDay> as_of) {
  QualityReport report;
  CheckEntities(bureau.entities, &report);
  CheckInspectors(bureau.staff, as_of, &report);
  CheckItems(bureau, &report);
  CheckPairs(bureau, &report);
  return report;
}

}  // namespace ssr
