// Fuzzes CsvReader (src/io/csv.h) over arbitrary bytes, and AppendCsvRow against it.
//
// Input: one options byte, then the text. Options: bits 0-1 the delimiter (, ; tab |), bit 2 allow_bom,
// bit 3 a 16-byte field limit (to reach the too-long error), bit 4 CRLF and bit 5 a BOM for the writer.
//
// Invariants, reading the text as CSV:
//  - every error is InvalidArgument with a UTF-8 message, and a failed header makes Next() repeat it;
//  - the reader always makes progress and ends: at most two calls per byte, then false forever;
//  - a returned record has the header's width, and every field is UTF-8 without NUL, within the limit;
//  - record numbers count up by one per record, line numbers never go back;
//  - a file read without errors, written back with AppendCsvRow, reads back as the same header and records,
//    and writing those again gives the same bytes.
// And, reading the text as rows (separated by 0x1E) of fields (0x1F): rows of UTF-8 fields without NUL,
// written with AppendCsvRow, read back exactly (the header trimmed), as csv.h promises.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "fuzz_check.h"
#include "io/csv.h"

namespace {

using ssr::fuzz::CheckErrorIsPrintable;
using ssr::fuzz::IsValidUtf8;
using ssr::internal::AppendCsvRow;
using ssr::internal::CsvOptions;
using ssr::internal::CsvReader;
using ssr::internal::CsvWriteOptions;

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> records;
  bool clean = true;  // read without any error
};

// Reads `text` to the end, checking the reader's invariants on the way.
Table ReadAll(absl::string_view text, const CsvOptions& options) {
  Table table;
  CsvReader reader(text, "input.csv", options);
  absl::StatusOr<std::vector<std::string>> header = reader.ReadHeader();
  std::vector<absl::string_view> fields;
  if (!header.ok()) {
    CheckErrorIsPrintable(header.status());
    FUZZ_CHECK(header.status().code() == absl::StatusCode::kInvalidArgument);
    absl::StatusOr<bool> again = reader.Next(&fields);
    FUZZ_CHECK(!again.ok() && again.status() == header.status());
    FUZZ_CHECK(reader.header().empty());
    table.clean = false;
    return table;
  }
  FUZZ_CHECK(reader.ReadHeader().status().code() == absl::StatusCode::kFailedPrecondition);
  FUZZ_CHECK(*header == reader.header());
  for (const std::string& name : *header) {
    FUZZ_CHECK(absl::StripAsciiWhitespace(name) == name);
    FUZZ_CHECK(IsValidUtf8(name));
    FUZZ_CHECK(name.find('\0') == std::string::npos);
  }
  table.header = *header;

  size_t calls = 0;
  int64_t last_record = 0;
  int64_t last_line = 1;
  for (;;) {
    FUZZ_CHECK_MSG(++calls <= 2 * text.size() + 2, "the reader does not make progress");
    absl::StatusOr<bool> more = reader.Next(&fields);
    FUZZ_CHECK(reader.record_number() >= last_record && reader.record_number() <= last_record + 1);
    FUZZ_CHECK(reader.line_number() >= last_line);
    last_line = reader.line_number();
    if (!more.ok()) {
      CheckErrorIsPrintable(more.status());
      FUZZ_CHECK(more.status().code() == absl::StatusCode::kInvalidArgument);
      FUZZ_CHECK(fields.empty());
      FUZZ_CHECK(reader.record_number() >= 1);
      last_record = reader.record_number();
      table.clean = false;
      continue;
    }
    if (!*more) break;
    FUZZ_CHECK(reader.record_number() == last_record + 1);
    last_record = reader.record_number();
    FUZZ_CHECK(fields.size() == header->size());
    std::vector<std::string> record;
    for (absl::string_view field : fields) {
      FUZZ_CHECK(field.size() <= options.max_field_bytes);
      FUZZ_CHECK(IsValidUtf8(field));
      FUZZ_CHECK(field.find('\0') == absl::string_view::npos);
      record.emplace_back(field);
    }
    table.records.push_back(std::move(record));
  }
  for (int i = 0; i < 2; ++i) {
    absl::StatusOr<bool> more = reader.Next(&fields);
    FUZZ_CHECK(more.ok() && !*more);
  }
  return table;
}

std::string Write(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                  const CsvWriteOptions& options) {
  std::string out;
  std::vector<absl::string_view> views(header.begin(), header.end());
  AppendCsvRow(&out, views, options);
  for (const auto& row : rows) {
    views.assign(row.begin(), row.end());
    AppendCsvRow(&out, views, options);
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t flags = data[0];
  const absl::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  constexpr char kDelimiters[] = {',', ';', '\t', '|'};
  CsvOptions options;
  options.delimiter = kDelimiters[flags & 3];
  options.allow_bom = (flags & 4) != 0;
  if (flags & 8) options.max_field_bytes = 16;
  CsvWriteOptions write;
  write.delimiter = options.delimiter;
  write.crlf = (flags & 16) != 0;
  write.with_bom = (flags & 32) != 0;
  CsvOptions reread = options;
  reread.allow_bom = true;

  // The text as CSV.
  Table table = ReadAll(text, options);
  if (table.clean) {
    const std::string written = Write(table.header, table.records, write);
    Table back = ReadAll(written, reread);
    FUZZ_CHECK_MSG(back.clean, written);
    FUZZ_CHECK(back.header == table.header);
    FUZZ_CHECK(back.records == table.records);
    FUZZ_CHECK(Write(back.header, back.records, write) == written);
  }

  // The text as rows of fields, written and read back.
  std::vector<std::vector<std::string>> rows;
  for (absl::string_view row : absl::StrSplit(text, '\x1e')) {
    rows.emplace_back(absl::StrSplit(row, '\x1f'));
  }
  const size_t width = rows.front().size();
  for (auto& row : rows) {
    row.resize(width);
    for (const std::string& field : row) {
      if (!IsValidUtf8(field) || field.find('\0') != std::string::npos) return 0;
    }
  }
  std::vector<std::string> header = rows.front();
  rows.erase(rows.begin());
  const std::string written = Write(header, rows, write);
  reread.max_field_bytes = CsvOptions().max_field_bytes;  // quotes doubled by the writer count too
  Table back = ReadAll(written, reread);
  FUZZ_CHECK_MSG(back.clean, written);
  for (std::string& name : header) name = std::string(absl::StripAsciiWhitespace(name));
  FUZZ_CHECK(back.header == header);
  FUZZ_CHECK(back.records == rows);
  return 0;
}
