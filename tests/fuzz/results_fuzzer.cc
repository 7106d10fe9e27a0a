// Fuzzes results files (results.h): ParseResults and ReadResults over arbitrary CSV or JSON text.
//
// The first byte chooses the format (bit 0: JSON) and whether team members are checked against the staff
// (bit 1); the rest is the file.
//
// Invariants:
//  - a failure is InvalidArgument with a UTF-8 message that names the source ("N errors in the input:" and
//    the errors), and every issue of the report names that source and has a code and a UTF-8 message;
//  - parsed results written back read back equal: CSV with English headers, CSV with Chinese headers and
//    JSON; ToCsv and ToJson are fixpoints;
//  - validation against the fixture's plan (draw_fixture.h) is parsing plus ValidateResults: ReadResults
//    succeeds exactly when ParseResults does and ValidateResults finds no error, with the same results;
//  - all or nothing: a failed read returns no results, whatever the report says.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "draw_fixture.h"
#include "fuzz_check.h"
#include "ssrandom/quality.h"
#include "ssrandom/results.h"

namespace {

void CheckReport(const ssr::QualityReport& report, const std::string& source) {
  for (const ssr::QualityIssue& issue : report.issues()) {
    FUZZ_CHECK_MSG(ssr::fuzz::IsValidUtf8(issue.message), issue.message);
    FUZZ_CHECK(!issue.message.empty() && !issue.code.empty());
    FUZZ_CHECK_MSG(issue.source == source, issue.source);
  }
}

void CheckReadsBack(const ssr::ResultSet& results) {
  for (bool chinese : {false, true}) {
    const std::string csv = results.ToCsv(chinese);
    FUZZ_CHECK(ssr::fuzz::IsValidUtf8(csv));
    absl::StatusOr<ssr::ResultSet> back = ssr::ParseResults(csv, false, "written.csv");
    FUZZ_CHECK_MSG(back.ok(), absl::StrCat(back.status().message(), "\n", csv));
    FUZZ_CHECK_MSG(*back == results, csv);
    FUZZ_CHECK(back->ToCsv(chinese) == csv);
  }
  const std::string json = results.ToJson();
  absl::StatusOr<ssr::ResultSet> back = ssr::ParseResults(json, true, "written.json");
  FUZZ_CHECK_MSG(back.ok(), absl::StrCat(back.status().message(), "\n", json));
  FUZZ_CHECK_MSG(*back == results, json);
  FUZZ_CHECK(back->ToJson() == json);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const ssr::fuzz::DrawFixture& fixture = ssr::fuzz::GetDrawFixture();
  const bool json = (data[0] & 1) != 0;
  ssr::ResultsValidation validation;
  if ((data[0] & 2) != 0) validation.staff = &fixture.bureau.staff;
  const absl::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const std::string source = json ? "results.json" : "results.csv";

  ssr::QualityReport parse_report;
  absl::StatusOr<ssr::ResultSet> parsed = ssr::ParseResults(text, json, source, &parse_report);
  CheckReport(parse_report, source);
  const std::vector<ssr::Plan> plans = {fixture.assigned.plan};
  ssr::QualityReport read_report;
  absl::StatusOr<ssr::ResultSet> read = ssr::ReadResults(text, json, source, plans, validation, &read_report);
  CheckReport(read_report, source);
  if (!parsed.ok()) {
    ssr::fuzz::CheckErrorIsPrintable(parsed.status());
    FUZZ_CHECK(parsed.status().code() == absl::StatusCode::kInvalidArgument);
    FUZZ_CHECK_MSG(absl::StrContains(parsed.status().message(), source), parsed.status().message());
    FUZZ_CHECK(parse_report.error_count() > 0);
    FUZZ_CHECK(!read.ok());
    return 0;
  }
  CheckReadsBack(*parsed);
  ssr::QualityReport validate_report;
  const absl::Status valid = ssr::ValidateResults(*parsed, plans, validation, source, &validate_report);
  CheckReport(validate_report, source);
  FUZZ_CHECK_MSG(valid.ok() == read.ok(), absl::StrCat(valid.message(), "\n---\n", read.status().message()));
  if (read.ok()) {
    FUZZ_CHECK(*read == *parsed);
  } else {
    ssr::fuzz::CheckErrorIsPrintable(read.status());
    FUZZ_CHECK(read.status().code() == absl::StatusCode::kInvalidArgument);
    FUZZ_CHECK(read_report.error_count() > 0);
  }
  return 0;
}
