// report.h — the quarterly statistics table (统计表) and the public disclosure records (一公开).
//
// Two outputs built from a quarter's plan and its inspection results (results.h):
//   - `StatisticsTable`: the fields of RULES.md §5 — entity counts, inspectors, inspections by class, method,
//     joint type and credit basis, results published, problems found and how they were handled — one row per
//     area (所属区域) and a total row. CSV and JSON here; the Python package writes the Excel workbook.
//   - `Disclosure`: one public record per inspection (RULES.md §6): entity name and USCC, items, departments,
//     date, method, result and handling, the inspectors' names and certificate numbers, and the draw record
//     it came from. Nothing else about inspectors is published, and no task is published before its
//     inspection date or without a result: those are listed as withheld, with the reason.
//
//   absl::StatusOr<ssr::StatisticsTable> table =
//       ssr::BuildStatistics(bureau, policy, plan, results, /*as_of=*/std::nullopt);
//   std::cout << table->ToCsv();
//   absl::StatusOr<ssr::Disclosure> disclosure =
//       ssr::BuildDisclosure(bureau, plan, results, absl::CivilDay(2024, 4, 30), &record);
//   for (const ssr::Withheld& w : disclosure->withheld) std::cerr << w.task_id << ": " << w.reason << "\n";
//
// Thread safety: values; the functions are reentrant.
#ifndef SSRANDOM_REPORT_H_
#define SSRANDOM_REPORT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "ssrandom/bureau.h"
#include "ssrandom/plan.h"
#include "ssrandom/policy.h"
#include "ssrandom/record.h"
#include "ssrandom/results.h"

namespace ssr {

// A column of the statistics table: its English key (CSV and JSON) and its Chinese label (Excel, Chinese
// CSV headers).
struct StatisticsColumn {
  const char* key;
  const char* label;
};
// The columns after `area`, in order (docs/results.md explains each):
// entities_total, entities_special, entities_key, entities_general, entities_positive,
// inspectors_in_directory, inspectors, tasks_planned, inspections, inspections_special, inspections_key,
// inspections_general, inspections_positive, on_site, off_site, internal_joint, department_joint,
// credit_based, published, problems_found, problems_handled, rectification, penalty_case, clue_transfer,
// judicial_referral, credit_record.
const std::vector<StatisticsColumn>& StatisticsColumns();

struct StatisticsRow {
  std::string area;             // "" for the total row
  std::vector<int64_t> values;  // one per StatisticsColumns() entry
  // The value of a column by key; -1 for an unknown key.
  int64_t Get(absl::string_view key) const;
};

struct StatisticsTable {
  std::string bureau;
  std::string period;
  std::optional<absl::CivilDay> as_of;
  std::vector<StatisticsRow> rows;  // one per area (the directory's order), then the total row

  const StatisticsRow& total() const { return rows.back(); }
  // Header row `area,<keys>` (or the Chinese labels, 所属区域 first), then one row per area; the total row's
  // area is written "合计 total".
  std::string ToCsv(bool chinese_headers = false) const;
  // {"format": "ssrandom-statistics", "format_version": 1, "bureau", "period", "as_of",
  //  "columns": [{"key", "label"}], "rows": [{"area", "<key>": n, ...}], "total": {...}}
  std::string ToJson() const;
};

// The statistics of `plan`'s quarter. Entity counts classify the bureau's directory under `policy` for the
// quarter (excluded entities are not counted); inspections are the results of the plan's tasks dated on or
// before `as_of` (all without it); published counts publications on or before `as_of`.
// Errors: InvalidArgument when the plan's period is not a quarter or the results fail ValidateResults.
absl::StatusOr<StatisticsTable> BuildStatistics(const Bureau& bureau, const Policy& policy, const Plan& plan,
                                                const ResultSet& results,
                                                std::optional<absl::CivilDay> as_of = std::nullopt);

// One public record (RULES.md §6).
struct DisclosureRecord {
  std::string task_id;
  std::string entity_name;
  std::string uscc;
  std::string area;
  std::vector<std::string> items;        // inspection item names (the id when the item list has no name)
  std::vector<std::string> departments;  // the bureau, then partner departments that took part
  absl::CivilDay inspection_date;
  InspectionMethod method = InspectionMethod::kOnSite;
  Outcome result = Outcome::kNoProblem;
  std::vector<Handling> handling;
  std::vector<std::string> inspectors;  // "name 执法证号 certificate number", nothing more
  std::string draw_record;              // "<period> sha256:<record digest>" (or the plan's digest)
};

// A task that is not published, and why.
struct Withheld {
  std::string task_id;
  std::string reason;
};

struct Disclosure {
  std::string bureau;
  std::string period;
  absl::CivilDay as_of;
  std::vector<DisclosureRecord> records;  // in plan order
  std::vector<Withheld> withheld;         // never published by these writers

  std::string ToCsv(bool chinese_headers = false) const;
  // {"format": "ssrandom-disclosure", "format_version": 1, "bureau", "period", "as_of", "records": [...]}.
  // The withheld tasks are not in the public JSON.
  std::string ToJson() const;
};

// The public records of `plan`'s results as of `as_of`. A task without a result, or inspected after
// `as_of`, is withheld (the drawn list stays confidential until the inspection). `record` (may be null) is
// the plan's draw record, named in each public record by digest; without it the plan's digest is named.
// Errors: InvalidArgument when the results fail ValidateResults, or `record` is not the plan's.
absl::StatusOr<Disclosure> BuildDisclosure(const Bureau& bureau, const Plan& plan, const ResultSet& results,
                                           absl::CivilDay as_of, const DrawRecord* record = nullptr);

}  // namespace ssr

#endif  // SSRANDOM_REPORT_H_
