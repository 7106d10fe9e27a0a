// bureau_io.h — loading and saving directories as CSV and JSON.
//
// Formats (docs/directory.md has every column with its Chinese headers):
//  - CSV: RFC 4180, UTF-8 with or without BOM, CRLF or LF, one header row. Headers may be the English field
//    names (case-insensitive) or the usual Chinese ones (统一社会信用代码, 单位名称, 所属区域, ...). Unknown
//    or repeated columns are errors. List fields (tags, specialties) separate values with ';' (also '；',
//    '、', '|').
//  - JSON: an array of objects with the same field names, or an object holding the array under the table's
//    plural name ({"entities": [...]}). A whole bureau is one object with "name" and any of "entities",
//    "inspectors", "units", "departments", "items", "conflicts", "pair_exclusions".
//  - A bureau folder holds entities.csv (or .json; required) and optionally inspectors, units, departments,
//    items, conflicts and pair_exclusions as .csv or .json (not both: a table in both formats is an error),
//    plus name.txt with the bureau's name (one line of UTF-8). When no units (departments) table is given,
//    the units (departments) the inspectors name are taken as declared.
//  - Every file must be UTF-8; a file saved as GBK or UTF-16 is an error that says to save it again as UTF-8.
//
//   ssr::QualityReport report;
//   absl::StatusOr<ssr::Bureau> bureau = ssr::LoadBureau("data/sample_bureau", {}, &report);
//   if (!bureau.ok()) std::cerr << bureau.status().message();  // every error: record, field, reason
//   std::cout << report.ToText();                              // and the warnings
//
// Every load is all-or-nothing: on any error nothing is returned, and the status lists the errors
// (InvalidArgument; NotFound for a missing file). `report` (optional, may be null) receives every issue,
// warnings included. Writers are deterministic: the same directory gives the same bytes.
//
// Thread safety: all functions are reentrant; concurrent calls on different objects are safe.
#ifndef SSRANDOM_BUREAU_IO_H_
#define SSRANDOM_BUREAU_IO_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "ssrandom/bureau.h"
#include "ssrandom/directory.h"
#include "ssrandom/quality.h"

namespace ssr {

enum class TableFormat { kCsv, kJson };

// The format a path's extension names (.csv or .json, case-insensitive); InvalidArgument otherwise.
absl::StatusOr<TableFormat> TableFormatForPath(absl::string_view path);

struct LoadOptions {
  // Certificates are checked against this day (usually the first day of the period to draw); without it,
  // only missing certificates are reported.
  std::optional<absl::CivilDay> as_of;
};

// The entity directory alone.
absl::StatusOr<Directory> ReadEntities(absl::string_view text, TableFormat format, const std::string& source,
                                       QualityReport* report = nullptr);
absl::StatusOr<Directory> LoadEntities(const std::string& path, QualityReport* report = nullptr);
std::string EntitiesToCsv(const Directory& directory);
std::string EntitiesToJson(const Directory& directory);

// The inspector directory alone (units and departments taken from the inspectors' rows).
absl::StatusOr<InspectorDirectory> LoadInspectors(const std::string& path, QualityReport* report = nullptr);
std::string InspectorsToCsv(const InspectorDirectory& staff);

// A whole bureau: a folder (see above) or one JSON document. Runs CheckBureau(as_of) and fails on its errors.
absl::StatusOr<Bureau> LoadBureau(const std::string& path, const LoadOptions& options = {},
                                  QualityReport* report = nullptr);
absl::StatusOr<Bureau> ReadBureauJson(absl::string_view text, const std::string& source,
                                      const LoadOptions& options = {}, QualityReport* report = nullptr);
std::string BureauToJson(const Bureau& bureau);

// The tables of a bureau, by their plural names, in the order a folder holds them.
inline constexpr const char* kBureauTables[] = {"entities", "inspectors", "units",          "departments",
                                                "items",    "conflicts",  "pair_exclusions"};

// One table of a bureau as text, as a folder would hold it in <table>.csv or <table>.json.
struct TableText {
  std::string table;       // the plural name: "entities", "inspectors", … (see kBureauTables)
  absl::string_view text;  // must outlive the call
  TableFormat format = TableFormat::kCsv;
  std::string source;  // names the table in issues, e.g. "entities.csv" or "<DataFrame entities>"
};

// A whole bureau from its tables given as text: what LoadBureau does for a folder, without the files, so
// programs that hold the tables in memory (e.g. the Python package's DataFrames) get the same headers
// (English or Chinese), the same validation and the same report. "entities" is required, every other table
// optional; each table at most once. Runs CheckBureau(as_of) and fails on its errors. InvalidArgument for a
// missing entities table, an unknown or repeated table name, or any error in the tables.
//
//   std::string csv = "统一社会信用代码,编号\n91310110666007217T,XL-1\n";
//   absl::StatusOr<ssr::Bureau> bureau =
//       ssr::ReadBureauTables("新乐", {{"entities", csv, ssr::TableFormat::kCsv, "entities"}});
absl::StatusOr<Bureau> ReadBureauTables(const std::string& name, const std::vector<TableText>& tables,
                                        const LoadOptions& options = {}, QualityReport* report = nullptr);

// One table of a bureau as the text SaveBureau writes for it (CSV with English headers, or a JSON array).
// InvalidArgument for a name not in kBureauTables.
absl::StatusOr<std::string> BureauTableText(const Bureau& bureau, absl::string_view table,
                                            TableFormat format);

// Writes the bureau's tables into `folder` (which must exist) as <table>.csv or <table>.json plus name.txt,
// and removes the same tables in the other format left by an earlier save (they would make the folder
// ambiguous). All files are written to temporary files first and renamed only when every one is written,
// so a full disk or a read-only folder leaves the folder as it was. Errors: NotFound/PermissionDenied/
// ResourceExhausted from the file system, naming the file.
absl::Status SaveBureau(const Bureau& bureau, const std::string& folder, TableFormat format);

}  // namespace ssr

#endif  // SSRANDOM_BUREAU_IO_H_
