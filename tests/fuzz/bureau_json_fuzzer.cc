// Fuzzes ReadBureauJson over arbitrary text, and LoadBureau/SaveBureau over what it accepts.
//
// Invariants:
//  - a failure is InvalidArgument with a UTF-8 message, and the report holds at least one error; every issue
//    message is UTF-8; the report passed in keeps what it held;
//  - a loaded bureau written with BureauToJson reads back to the same bureau (same JSON, same entity digest,
//    same tables, same warnings), and the JSON is a fixpoint;
//  - saved into a folder as CSV and as JSON (SaveBureau), the folder loads (LoadBureau) to the same bureau.
#include <stdlib.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "entities_fuzz.h"
#include "fuzz_check.h"
#include "ssrandom/bureau_io.h"

namespace {

using ssr::Bureau;
using ssr::fuzz::CheckErrorIsPrintable;
using ssr::fuzz::CheckReport;

// A folder for SaveBureau, made once per process (in memory when /dev/shm exists) and removed at exit.
const std::string& Folder() {
  static const std::string* folder = [] {
    const char* tmp = std::getenv("TMPDIR");
    std::string base = ::access("/dev/shm", W_OK) == 0 ? "/dev/shm" : (tmp != nullptr ? tmp : "/tmp");
    std::string pattern = base + "/ssr_bureau_fuzz_XXXXXX";
    FUZZ_CHECK(::mkdtemp(pattern.data()) != nullptr);
    std::atexit([] {
      std::error_code ignored;
      std::filesystem::remove_all(Folder(), ignored);
    });
    return new std::string(pattern);
  }();
  return *folder;
}

void CheckSameBureau(const Bureau& a, const Bureau& b, const ssr::QualityReport& a_report,
                     const ssr::QualityReport& b_report) {
  FUZZ_CHECK(a.name == b.name);
  ssr::fuzz::CheckSameEntities(a.entities, b.entities);
  FUZZ_CHECK(a.staff.inspectors() == b.staff.inspectors());
  FUZZ_CHECK(a.staff.units() == b.staff.units());
  FUZZ_CHECK(a.staff.departments() == b.staff.departments());
  FUZZ_CHECK(a.items == b.items);
  FUZZ_CHECK(a.conflicts == b.conflicts);
  FUZZ_CHECK(a.pair_exclusions == b.pair_exclusions);
  FUZZ_CHECK(a_report.warning_count() == b_report.warning_count());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  ssr::LoadOptions options;
  options.as_of = absl::CivilDay(2024, 4, 1);
  ssr::QualityReport report;
  ssr::QualityIssue earlier;
  earlier.severity = ssr::IssueSeverity::kWarning;
  earlier.message = "an earlier warning";
  report.Add(earlier);

  absl::StatusOr<Bureau> bureau = ssr::ReadBureauJson(text, "bureau.json", options, &report);
  FUZZ_CHECK(report.issues()[0].message == "an earlier warning");
  CheckReport(report);
  if (!bureau.ok()) {
    CheckErrorIsPrintable(bureau.status());
    FUZZ_CHECK(bureau.status().code() == absl::StatusCode::kInvalidArgument);
    FUZZ_CHECK(report.has_errors());
    return 0;
  }
  FUZZ_CHECK(!report.has_errors());

  const std::string json = ssr::BureauToJson(*bureau);
  ssr::QualityReport json_report;
  json_report.Add(earlier);
  absl::StatusOr<Bureau> from_json = ssr::ReadBureauJson(json, "written.json", options, &json_report);
  FUZZ_CHECK_MSG(from_json.ok(), absl::StrCat(from_json.status().message(), "\n", json));
  CheckSameBureau(*bureau, *from_json, report, json_report);
  FUZZ_CHECK(ssr::BureauToJson(*from_json) == json);

  // JSON first: the folder must load as what was saved last, whatever an earlier input left there.
  for (ssr::TableFormat format : {ssr::TableFormat::kJson, ssr::TableFormat::kCsv}) {
    absl::Status saved = ssr::SaveBureau(*bureau, Folder(), format);
    FUZZ_CHECK_MSG(saved.ok(), saved.message());
    ssr::QualityReport folder_report;
    folder_report.Add(earlier);
    absl::StatusOr<Bureau> from_folder = ssr::LoadBureau(Folder(), options, &folder_report);
    FUZZ_CHECK_MSG(from_folder.ok(), absl::StrCat(format == ssr::TableFormat::kCsv ? "csv: " : "json: ",
                                                  from_folder.status().message(), "\n", json));
    CheckSameBureau(*bureau, *from_folder, report, folder_report);
    FUZZ_CHECK(ssr::BureauToJson(*from_folder) == json);
  }
  return 0;
}
