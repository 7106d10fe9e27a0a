// The body of entities_csv_fuzzer and entities_json_fuzzer: ReadEntities over arbitrary text in one format.
//
// Invariants:
//  - the report passed in keeps what it held (issues are appended), and a load fails exactly when the
//    report gained an error; every error and issue message is UTF-8, the status InvalidArgument;
//  - nothing is dropped: a loaded directory has one entity per record of the input (counted independently:
//    CsvReader records, or the elements of the JSON array), and every id is found at its row;
//  - a loaded directory written as CSV and as JSON reads back to the same entities, row for row, and the same
//    canonical digest; writing the reloaded directory gives the same bytes.
#ifndef SSRANDOM_TESTS_FUZZ_ENTITIES_FUZZ_H_
#define SSRANDOM_TESTS_FUZZ_ENTITIES_FUZZ_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "fuzz_check.h"
#include "io/csv.h"
#include "nlohmann/json.hpp"
#include "ssrandom/bureau_io.h"

namespace ssr::fuzz {

// The number of data records in CSV text, or -1 when the reader reports any error.
inline int64_t CountCsvRecords(absl::string_view text) {
  internal::CsvReader reader(text, "count");
  if (!reader.ReadHeader().ok()) return -1;
  std::vector<absl::string_view> fields;
  int64_t count = 0;
  for (;;) {
    absl::StatusOr<bool> more = reader.Next(&fields);
    if (!more.ok()) return -1;
    if (!*more) return count;
    ++count;
  }
}

// The number of records in a JSON entity table (an array, or {"entities": [...]}), or -1.
inline int64_t CountJsonRecords(absl::string_view text) {
  nlohmann::json json = nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return -1;
  if (json.is_object()) {
    auto it = json.find("entities");
    if (it == json.end()) return -1;
    json = *it;
  }
  return json.is_array() ? static_cast<int64_t>(json.size()) : -1;
}

inline void CheckSameEntities(const Directory& a, const Directory& b) {
  FUZZ_CHECK(a.size() == b.size());
  for (size_t row = 0; row < a.size(); ++row) FUZZ_CHECK(a.Get(row) == b.Get(row));
  FUZZ_CHECK(a.CanonicalDigest() == b.CanonicalDigest());
}

inline void CheckReport(const QualityReport& report) {
  for (const QualityIssue& issue : report.issues()) {
    FUZZ_CHECK_MSG(IsValidUtf8(issue.message), issue.message);
    FUZZ_CHECK(IsValidUtf8(issue.ToString()));
  }
  FUZZ_CHECK(IsValidUtf8(report.ToText()));
}

inline void FuzzEntities(absl::string_view text, TableFormat format) {
  const std::string source = format == TableFormat::kCsv ? "entities.csv" : "entities.json";
  QualityReport report;
  QualityIssue earlier;
  earlier.severity = IssueSeverity::kWarning;
  earlier.message = "an earlier warning";
  report.Add(earlier);

  absl::StatusOr<Directory> directory = ReadEntities(text, format, source, &report);
  FUZZ_CHECK(!report.issues().empty() && report.issues()[0].message == "an earlier warning");
  CheckReport(report);
  if (!directory.ok()) {
    CheckErrorIsPrintable(directory.status());
    FUZZ_CHECK(directory.status().code() == absl::StatusCode::kInvalidArgument);
    FUZZ_CHECK(report.has_errors());
    return;
  }
  FUZZ_CHECK(!report.has_errors());
  const int64_t records = format == TableFormat::kCsv ? CountCsvRecords(text) : CountJsonRecords(text);
  FUZZ_CHECK_MSG(records == static_cast<int64_t>(directory->size()),
                 absl::StrCat(records, " records in the input, ", directory->size(), " entities loaded"));
  for (size_t row = 0; row < directory->size(); ++row) {
    FUZZ_CHECK(directory->Find(directory->id(row)) == std::optional<size_t>(row));
  }

  const std::string csv = EntitiesToCsv(*directory);
  absl::StatusOr<Directory> from_csv = ReadEntities(csv, TableFormat::kCsv, "written.csv");
  FUZZ_CHECK_MSG(from_csv.ok(), absl::StrCat(from_csv.status().message(), "\n", csv));
  CheckSameEntities(*directory, *from_csv);
  FUZZ_CHECK(EntitiesToCsv(*from_csv) == csv);

  const std::string json = EntitiesToJson(*directory);
  absl::StatusOr<Directory> from_json = ReadEntities(json, TableFormat::kJson, "written.json");
  FUZZ_CHECK_MSG(from_json.ok(), absl::StrCat(from_json.status().message(), "\n", json));
  CheckSameEntities(*directory, *from_json);
  FUZZ_CHECK(EntitiesToJson(*from_json) == json);
}

}  // namespace ssr::fuzz

#endif  // SSRANDOM_TESTS_FUZZ_ENTITIES_FUZZ_H_
