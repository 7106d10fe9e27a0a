// Reading and writing directory tables (CSV and JSON) through a RecordSchema. Every problem becomes a
// QualityIssue with the source, record number, line, record id, field and reason; reading continues past
// bad records (up to kMaxReportedErrors) so that one load shows the clerk every problem at once.
#ifndef SSRANDOM_SRC_IO_TABLE_IO_H_
#define SSRANDOM_SRC_IO_TABLE_IO_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "io/record_schema.h"
#include "nlohmann/json.hpp"
#include "ssrandom/quality.h"

namespace ssr::internal {

inline constexpr int64_t kMaxReportedErrors = 200;

// Where a record came from, for issues raised by the caller's `add` callback.
struct RecordOrigin {
  std::string source;
  int64_t record = 0;
  int64_t line = 0;
};

// Called for each well-formed record; a non-OK status becomes an error issue for that record (AlreadyExists
// gets the code "duplicate_id", anything else "invalid_record").
template <typename Record>
using RecordSink = std::function<absl::Status(Record&&, const RecordOrigin&)>;

// Reads CSV text with a header row. Returns false when errors were reported (the caller must then discard
// whatever `add` built). Unknown, duplicate or missing required columns are reported before any row is read.
// Unless `threads` is 1, a large text's rows are read on a second thread while `add` receives the rows
// read before, on the calling thread, in order: `add` and the report see the same calls either way.
template <typename Record>
bool ReadCsvTable(absl::string_view text, const std::string& source, const RecordSchema<Record>& schema,
                  QualityReport* report, const RecordSink<Record>& add, int threads = 0);

// Reads a JSON array of objects, or an object holding such an array under schema.plural
// (e.g. {"entities": [...]}) when `json` is an object. Returns false when errors were reported.
template <typename Record>
bool ReadJsonTable(const nlohmann::json& json, const std::string& source, const RecordSchema<Record>& schema,
                   QualityReport* report, const RecordSink<Record>& add);

// Parses JSON text with ParseJson (json_fields.h: UTF-8, syntax with line and column, repeated keys); on an
// error adds an issue naming the source and returns false.
bool ParseJsonText(absl::string_view text, const std::string& source, QualityReport* report,
                   nlohmann::json* out);

// Writers: CSV with the English column names in schema order (LF line endings, no BOM); JSON as an array of
// objects with typed values (numbers, booleans, arrays), empty fields omitted.
template <typename Record>
std::string WriteCsvTable(const RecordSchema<Record>& schema, const std::vector<Record>& records);
template <typename Record>
nlohmann::ordered_json WriteJsonTable(const RecordSchema<Record>& schema, const std::vector<Record>& records);

// Adds an error issue.
void AddError(QualityReport* report, const RecordOrigin& origin, absl::string_view record_id,
              absl::string_view field, absl::string_view code, absl::string_view message);

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_IO_TABLE_IO_H_
