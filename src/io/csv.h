// CSV reading and writing shared by every directory and results loader: a streaming RFC 4180 reader over a
// whole file held in memory, and a row writer that quotes only where needed. docs/csv.md describes the
// accepted dialect and every error.
//
// Reading:
//
//   absl::StatusOr<std::string> text = ReadFile(path);
//   CsvReader reader(*text, path);
//   absl::StatusOr<std::vector<std::string>> header = reader.ReadHeader();
//   if (!header.ok()) return header.status();
//   std::vector<absl::string_view> fields;
//   for (;;) {
//     absl::StatusOr<bool> more = reader.Next(&fields);
//     if (!more.ok()) return more.status();  // or report it and call Next() again to go on
//     if (!*more) break;
//     ... fields.size() == header->size() ...
//   }
//
// Writing:
//
//   CsvWriteOptions options;
//   options.with_bom = true;  // written only while `out` is still empty
//   std::string out;
//   AppendCsvRow(&out, {"统一社会信用代码", "单位名称"}, options);
//   AppendCsvRow(&out, {uscc, name}, options);
//   absl::Status written = WriteFileAtomic(path, out);
#ifndef SSRANDOM_SRC_IO_CSV_H_
#define SSRANDOM_SRC_IO_CSV_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace ssr::internal {

// The UTF-8 byte order mark, which Excel needs at the start of a CSV file to read it as UTF-8.
inline constexpr absl::string_view kUtf8Bom = "\xEF\xBB\xBF";

struct CsvOptions {
  // The field separator. It must be a single ASCII character other than '"', CR and LF.
  char delimiter = ',';
  // Skip a UTF-8 byte order mark at the very start. When false, a file that starts with one is rejected
  // (the mark would otherwise hide inside the first column name).
  bool allow_bom = true;
  // The longest field accepted, counted in bytes as the field appears in the file between its quotes.
  size_t max_field_bytes = size_t{1} << 20;
};

// Reads records from CSV text: a header row, then data records that must each have as many fields as the
// header. The text is the whole file and must outlive the reader. Fields are views into the text, except
// quoted fields holding doubled quotes, which are unescaped into a buffer owned by the reader; either way a
// view stays valid only until the next call to Next().
//
// Every data problem is an InvalidArgument status whose message names the source, the record number, the
// line where the record starts, the field number and column name where it applies, the position of the
// offending character, and the reason, e.g.
//   "entities.csv: record 12 (line 14) has 5 fields, the header has 7 (...)"
// After an error in a record, Next() may be called again: the bad record is skipped and reading resumes
// with the record after it, so that one pass can report every problem. When the quoting itself is broken,
// the reader's idea of where that record ends may be wrong and later errors may follow from the first.
//
// Not thread-safe; one reader per thread. Copyable and movable (copies share the text).
class CsvReader {
 public:
  CsvReader(absl::string_view text, std::string source_name, CsvOptions options = {});

  // Reads the header row and returns the column names, trimmed of surrounding ASCII whitespace. Errors
  // (InvalidArgument) when the delimiter option is unusable, the file is UTF-16, starts with a byte order
  // mark that is not allowed, is empty or holds only blank lines, starts with a blank line, or when the
  // header row itself is malformed. Must be called once, before Next(); a second call is FailedPrecondition.
  absl::StatusOr<std::vector<std::string>> ReadHeader();

  // Reads the next data record into `fields` (cleared first): returns true with one view per field, or false
  // at the end of the input (blank lines at the very end are ignored). Returns the header's error if
  // ReadHeader() failed, and FailedPrecondition if it was never called.
  absl::StatusOr<bool> Next(std::vector<absl::string_view>* fields);

  // The 1-based number of the last data record read, counting records with errors (0 after the header).
  // After Next() returns an error, this is the number of the record the error is about.
  int64_t record_number() const { return record_number_; }
  // The 1-based physical line (counting LF line endings) where that record starts; 1 for the header.
  int64_t line_number() const { return record_line_; }

  // The trimmed column names, once ReadHeader() has succeeded; empty before.
  const std::vector<std::string>& header() const { return header_; }
  const std::string& source_name() const { return source_; }

 private:
  enum class State { kStart, kHeaderFailed, kReading };

  absl::Status ParseRecord(std::vector<absl::string_view>* fields);
  const char* ScanUnquoted(const char* p, const char* field_start, int field_number, absl::Status* error);
  bool RestIsLineEndings(const char* p) const;

  // Cold paths that build error messages.
  std::string Where() const;
  std::string FieldLabel(int field_number) const;
  std::string Position(const char* at) const;
  absl::Status FieldError(int field_number, absl::string_view reason) const;
  absl::Status BadByteError(int field_number, const char* at) const;
  absl::Status StrayQuoteError(int field_number, const char* field_start, const char* quote) const;
  absl::Status LoneCarriageReturnError(int field_number, const char* at) const;
  absl::Status AfterClosingQuoteError(int field_number, const char* opening, const char* at) const;
  absl::Status UnterminatedQuoteError(int field_number, const char* opening) const;
  absl::Status TooLongError(int field_number, size_t length, const char* opening) const;
  absl::Status FieldCountError(size_t count) const;
  int64_t LineOf(const char* at) const;

  absl::string_view text_;
  // Where the run of CR and LF bytes that ends the text starts, so that RestIsLineEndings() is O(1): it is
  // asked at every blank line and every CR, and scanning ahead each time made a run of them quadratic.
  size_t trailing_line_endings_ = 0;
  std::string source_;
  CsvOptions options_;
  // For each byte: 0 plain ASCII, 1 the start of a multi-byte UTF-8 sequence (or an invalid byte), 2 a byte
  // that ends or disturbs an unquoted field (delimiter, '"', CR, LF, NUL).
  std::array<uint8_t, 256> byte_class_;

  State state_ = State::kStart;
  absl::Status header_error_;
  absl::Status pending_;  // an error found while skipping a bad record, reported by the next call
  std::vector<std::string> header_;
  size_t pos_ = 0;             // where the next record starts
  int64_t line_ = 1;           // the physical line at pos_
  int64_t record_number_ = 0;  // see record_number()
  int64_t record_line_ = 1;    // see line_number()
  const char* record_start_ = nullptr;

  // Unescaped quoted fields of the current record; scratch_fields_ says which views point into it.
  struct ScratchField {
    size_t index;
    size_t offset;
    size_t length;
  };
  std::string scratch_;
  std::vector<ScratchField> scratch_fields_;
};

struct CsvWriteOptions {
  // The field separator; must not be '"', CR or LF.
  char delimiter = ',';
  // End rows with CRLF instead of LF.
  bool crlf = false;
  // Start the output with a UTF-8 byte order mark (needed by Excel on Chinese Windows to read UTF-8). Written
  // by AppendCsvRow only when `out` is empty, i.e. before the first row.
  bool with_bom = false;
};

// Appends one row to `out`. A field is quoted only when it must be: when it contains the delimiter, a double
// quote, CR or LF, starts or ends with a space or tab, or starts with a byte order mark; and a row made of
// one empty field is written as "" (a blank line would not be read back as a record). Quotes inside quoted
// fields are doubled. CsvReader reads back exactly the fields written, for any fields that are valid UTF-8
// without NUL bytes. An empty `fields` writes a blank line, which CsvReader rejects: do not.
void AppendCsvRow(std::string* out, absl::Span<const absl::string_view> fields,
                  const CsvWriteOptions& options = {});

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_IO_CSV_H_
