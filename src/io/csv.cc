#include "io/csv.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <utility>

#include "absl/base/optimization.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "io/swar.h"
#include "io/utf8.h"

namespace ssr::internal {
namespace {

constexpr absl::string_view kSaveAsUtf8 = "save it again as \"CSV UTF-8(逗号分隔)\"";

// The offset of the first NUL byte or invalid UTF-8 sequence in [p, p + n), or n. Runs of eight plain ASCII
// bytes are skipped a word at a time.
size_t FindBadByte(const char* p, size_t n) {
  constexpr uint64_t kOnes = 0x0101010101010101;
  constexpr uint64_t kHighs = 0x8080808080808080;
  size_t i = 0;
  while (i < n) {
    if (n - i >= 8) {
      uint64_t word;
      std::memcpy(&word, p + i, 8);
      const bool has_zero = ((word - kOnes) & ~word & kHighs) != 0;
      if ((word & kHighs) == 0 && !has_zero) {
        i += 8;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(p[i]);
    if (c == 0) return i;
    if (c < 0x80) {
      ++i;
      continue;
    }
    const int length = ValidUtf8Length(p + i, p + n);
    if (length == 0) return i;
    i += static_cast<size_t>(length);
  }
  return n;
}

// Appends the content of a quoted field, [content, close), with each doubled quote written once.
void Unescape(const char* content, const char* close, std::string* out) {
  while (content < close) {
    const auto* quote =
        static_cast<const char*>(std::memchr(content, '"', static_cast<size_t>(close - content)));
    if (quote == nullptr) {
      out->append(content, static_cast<size_t>(close - content));
      return;
    }
    out->append(content, static_cast<size_t>(quote - content) + 1);
    content = quote + 2;
  }
}

std::string DelimiterName(char delimiter) {
  switch (delimiter) {
    case ',':
      return "comma";
    case ';':
      return "semicolon";
    case '\t':
      return "tab";
    case '|':
      return "vertical bar";
    default:
      return absl::StrCat("'", absl::string_view(&delimiter, 1), "'");
  }
}

std::string Plural(size_t count, absl::string_view noun) {
  return absl::StrCat(count, " ", noun, count == 1 ? "" : "s");
}

// How many delimiters `text` holds, and whether it holds a quote, CR or LF.
struct SpecialBytes {
  size_t delimiters = 0;
  bool quote_or_line_end = false;
  friend bool operator==(const SpecialBytes& a, const SpecialBytes& b) {
    return a.delimiters == b.delimiters && a.quote_or_line_end == b.quote_or_line_end;
  }
};
SpecialBytes SpecialBytesIn(absl::string_view text, char delimiter) {
  SpecialBytes found;
  size_t at = 0;
  for (; at + 8 <= text.size(); at += 8) {
    const uint64_t word = swar::Load(text.data() + at);
    found.delimiters += swar::CountMarked(swar::BytesEqualTo(word, delimiter));
    found.quote_or_line_end = found.quote_or_line_end || swar::HasByte(word, '"') ||
                              swar::HasByte(word, '\n') || swar::HasByte(word, '\r');
  }
  for (; at < text.size(); ++at) {
    const char c = text[at];
    found.delimiters += c == delimiter ? 1 : 0;
    found.quote_or_line_end = found.quote_or_line_end || c == '"' || c == '\n' || c == '\r';
  }
  return found;
}

bool NeedsQuotes(absl::string_view field, char delimiter) {
  if (field.empty()) return false;
  const char first = field.front();
  const char last = field.back();
  if (first == ' ' || first == '\t' || last == ' ' || last == '\t') return true;
  if (absl::StartsWith(field, kUtf8Bom)) return true;
  // Eight bytes at a time: writing a large plan's CSV and digest looked at every byte of every field, one
  // at a time, for a tenth of a draw.
  const auto special_in_word_at = [&](size_t at) {
    const uint64_t word = swar::Load(field.data() + at);
    return swar::HasByte(word, delimiter) || swar::HasByte(word, '"') || swar::HasByte(word, '\n') ||
           swar::HasByte(word, '\r');
  };
  if (field.size() < 8) {
    for (char c : field) {
      if (c == delimiter || c == '"' || c == '\n' || c == '\r') return true;
    }
    return false;
  }
  for (size_t at = 0; at + 8 <= field.size(); at += 8) {
    if (special_in_word_at(at)) return true;
  }
  return special_in_word_at(field.size() - 8);  // the last word, overlapping the one before
}

}  // namespace

CsvReader::CsvReader(absl::string_view text, std::string source_name, CsvOptions options)
    : text_(text), source_(std::move(source_name)), options_(options) {
  const size_t last = text_.find_last_not_of("\r\n");
  trailing_line_endings_ = last == absl::string_view::npos ? 0 : last + 1;
  for (int byte = 0; byte < 256; ++byte) byte_class_[byte] = byte < 0x80 ? 0 : 1;
  for (unsigned char special : {'"', '\r', '\n', '\0'}) byte_class_[special] = 2;
  byte_class_[static_cast<unsigned char>(options_.delimiter)] = 2;
}

absl::StatusOr<std::vector<std::string>> CsvReader::ReadHeader() {
  if (state_ != State::kStart) {
    return absl::FailedPreconditionError(absl::StrCat(source_, ": CsvReader::ReadHeader() called twice"));
  }
  state_ = State::kHeaderFailed;
  auto fail = [this](absl::Status status) {
    header_error_ = status;
    return status;
  };
  const char delimiter = options_.delimiter;
  if (delimiter == '"' || delimiter == '\r' || delimiter == '\n' || delimiter == '\0' ||
      static_cast<unsigned char>(delimiter) >= 0x80) {
    return fail(absl::InvalidArgumentError(
        absl::StrFormat("%s: the byte 0x%02X cannot be the delimiter; use an ASCII character other than a "
                        "double quote, CR, LF or NUL",
                        source_, static_cast<unsigned char>(delimiter))));
  }
  if (absl::StartsWith(text_, "\xFF\xFE") || absl::StartsWith(text_, "\xFE\xFF")) {
    return fail(absl::InvalidArgumentError(
        absl::StrCat(source_, ": the file is UTF-16 text (\"Unicode text\"), not UTF-8; ", kSaveAsUtf8)));
  }
  if (absl::StartsWith(text_, kUtf8Bom)) {
    if (!options_.allow_bom) {
      return fail(absl::InvalidArgumentError(absl::StrCat(
          source_, ": the file starts with a UTF-8 byte order mark (EF BB BF), which is not allowed here")));
    }
    pos_ = kUtf8Bom.size();
  }
  if (pos_ == text_.size()) {
    return fail(absl::InvalidArgumentError(
        absl::StrCat(source_, ": the file is empty; its first line must be the header row")));
  }
  if (RestIsLineEndings(text_.data() + pos_)) {
    return fail(absl::InvalidArgumentError(
        absl::StrCat(source_, ": the file holds only blank lines; its first line must be the header row")));
  }
  std::vector<absl::string_view> fields;
  absl::Status parsed = ParseRecord(&fields);
  if (!parsed.ok()) return fail(parsed);
  header_.clear();
  header_.reserve(fields.size());
  for (absl::string_view name : fields) header_.emplace_back(absl::StripAsciiWhitespace(name));
  state_ = State::kReading;
  return header_;
}

absl::StatusOr<bool> CsvReader::Next(std::vector<absl::string_view>* fields) {
  fields->clear();
  if (state_ == State::kStart) {
    return absl::FailedPreconditionError(
        absl::StrCat(source_, ": CsvReader::Next() called before ReadHeader()"));
  }
  if (state_ == State::kHeaderFailed) return header_error_;
  if (!pending_.ok()) return std::exchange(pending_, absl::OkStatus());
  if (pos_ >= text_.size()) return false;
  const char* p = text_.data() + pos_;
  if ((*p == '\n' || *p == '\r') && RestIsLineEndings(p)) {
    pos_ = text_.size();
    return false;
  }
  ++record_number_;
  absl::Status parsed = ParseRecord(fields);
  if (ABSL_PREDICT_FALSE(!parsed.ok() || fields->size() != header_.size())) {
    const size_t count = fields->size();
    fields->clear();
    if (!parsed.ok()) return parsed;
    return FieldCountError(count);
  }
  return true;
}

absl::Status CsvReader::ParseRecord(std::vector<absl::string_view>* fields) {
  fields->clear();
  scratch_.clear();
  scratch_fields_.clear();
  const char* const begin = text_.data();
  const char* const end = begin + text_.size();
  const char* p = begin + pos_;
  record_start_ = p;
  record_line_ = line_;

  if (p < end && (*p == '\n' || (*p == '\r' && p + 1 < end && p[1] == '\n'))) {
    pos_ += *p == '\n' ? 1 : 2;
    ++line_;
    if (state_ != State::kReading) {
      return absl::InvalidArgumentError(
          absl::StrCat(source_, ": line 1 is blank; the header row must be the first line"));
    }
    return absl::InvalidArgumentError(absl::StrCat(
        Where(),
        " is a blank line; blank lines are allowed only at the end of the file, so delete this one"));
  }

  // The first problem in the record; scanning goes on to the end of the record so that reading can resume
  // with the next one.
  absl::Status error;
  int64_t quoted_newlines = 0;
  bool line_ended = false;
  for (;;) {
    const int field_number = static_cast<int>(fields->size()) + 1;
    const char* const field_start = p;
    if (p < end && *p == '"') {
      const char* const content = p + 1;
      const char* close = content;
      bool escaped = false;
      for (;;) {
        close = static_cast<const char*>(std::memchr(close, '"', static_cast<size_t>(end - close)));
        if (close == nullptr) {
          pos_ = text_.size();
          absl::Status unterminated = UnterminatedQuoteError(field_number, field_start);
          if (error.ok()) return unterminated;
          pending_ = std::move(unterminated);
          return error;
        }
        if (close + 1 < end && close[1] == '"') {
          escaped = true;
          close += 2;
          continue;
        }
        break;
      }
      const auto length = static_cast<size_t>(close - content);
      quoted_newlines += std::count(content, close, '\n');
      if (error.ok()) {
        const size_t bad = FindBadByte(content, length);
        if (bad < length) {
          error = BadByteError(field_number, content + bad);
        } else if (length > options_.max_field_bytes) {
          error = TooLongError(field_number, length, field_start);
        }
      }
      if (escaped) {
        const size_t offset = scratch_.size();
        Unescape(content, close, &scratch_);
        scratch_fields_.push_back({fields->size(), offset, scratch_.size() - offset});
        fields->emplace_back();
      } else {
        fields->emplace_back(content, length);
      }
      p = close + 1;
      if (p < end && *p != options_.delimiter && *p != '\n') {
        if (*p != '\r' && error.ok()) error = AfterClosingQuoteError(field_number, field_start, p);
        // The rest of the field is skipped as if unquoted (a lone CR is reported there).
        p = ScanUnquoted(p, p, field_number, &error);
      }
    } else {
      p = ScanUnquoted(p, field_start, field_number, &error);
      const auto length = static_cast<size_t>(p - field_start);
      if (ABSL_PREDICT_FALSE(length > options_.max_field_bytes) && error.ok()) {
        error = TooLongError(field_number, length, nullptr);
      }
      fields->emplace_back(field_start, length);
    }
    if (p == end) break;
    if (*p == options_.delimiter) {
      ++p;
      continue;
    }
    // A line ending: LF, CRLF, or a CR after which only CR and LF bytes remain (see ScanUnquoted).
    if (*p == '\n') {
      ++p;
    } else if (p + 1 < end && p[1] == '\n') {
      p += 2;
    } else {
      p = end;
    }
    line_ended = true;
    break;
  }
  pos_ = static_cast<size_t>(p - begin);
  line_ += quoted_newlines + (line_ended ? 1 : 0);
  if (!error.ok()) return error;
  for (const ScratchField& field : scratch_fields_) {
    (*fields)[field.index] = absl::string_view(scratch_.data() + field.offset, field.length);
  }
  return absl::OkStatus();
}

// Returns the position of the byte that ends the unquoted field starting at or before `p`: the delimiter,
// LF, the CR of a line ending, or the end of the input. Problems are recorded in `*error` (the first only)
// and skipped over.
const char* CsvReader::ScanUnquoted(const char* p, const char* field_start, int field_number,
                                    absl::Status* error) {
  const char* const end = text_.data() + text_.size();
  while (p < end) {
    const uint8_t byte_class = byte_class_[static_cast<unsigned char>(*p)];
    if (ABSL_PREDICT_TRUE(byte_class == 0)) {
      ++p;
      continue;
    }
    if (byte_class == 1) {
      const int length = ValidUtf8Length(p, end);
      if (ABSL_PREDICT_TRUE(length > 0)) {
        p += length;
        continue;
      }
      if (error->ok()) *error = BadByteError(field_number, p);
    } else {
      const char c = *p;
      if (c == options_.delimiter || c == '\n') return p;
      if (c == '\r') {
        if ((p + 1 < end && p[1] == '\n') || RestIsLineEndings(p)) return p;
        if (error->ok()) *error = LoneCarriageReturnError(field_number, p);
      } else if (c == '"') {
        if (error->ok()) *error = StrayQuoteError(field_number, field_start, p);
      } else if (error->ok()) {
        *error = BadByteError(field_number, p);  // NUL
      }
    }
    ++p;
  }
  return p;
}

bool CsvReader::RestIsLineEndings(const char* p) const {
  return static_cast<size_t>(p - text_.data()) >= trailing_line_endings_;
}

std::string CsvReader::Where() const {
  if (state_ != State::kReading) return absl::StrCat(source_, ": header row (line 1)");
  return absl::StrCat(source_, ": record ", record_number_, " (line ", record_line_, ")");
}

std::string CsvReader::FieldLabel(int field_number) const {
  const auto index = static_cast<size_t>(field_number - 1);
  if (state_ == State::kReading && index < header_.size() && !header_[index].empty()) {
    return absl::StrCat("field ", field_number, " (", header_[index], ")");
  }
  return absl::StrCat("field ", field_number);
}

int64_t CsvReader::LineOf(const char* at) const { return record_line_ + std::count(record_start_, at, '\n'); }

std::string CsvReader::Position(const char* at) const {
  const char* line_start = at;
  while (line_start > record_start_ && line_start[-1] != '\n') --line_start;
  int64_t character = 1;
  for (const char* p = line_start; p < at; ++p) {
    if ((static_cast<unsigned char>(*p) & 0xC0) != 0x80) ++character;
  }
  return absl::StrCat("line ", LineOf(at), ", character ", character);
}

absl::Status CsvReader::FieldError(int field_number, absl::string_view reason) const {
  return absl::InvalidArgumentError(absl::StrCat(Where(), ", ", FieldLabel(field_number), ": ", reason));
}

absl::Status CsvReader::BadByteError(int field_number, const char* at) const {
  if (*at == '\0') {
    return FieldError(field_number, absl::StrCat("contains a NUL byte (", Position(at),
                                                 "); a CSV file must be text — if it was saved as UTF-16 "
                                                 "(\"Unicode text\"), ",
                                                 kSaveAsUtf8));
  }
  std::string bytes;
  const char* const end = text_.data() + text_.size();
  for (const char* p = at; p < end && p < at + 4 && (p == at || (static_cast<unsigned char>(*p) & 0x80));
       ++p) {
    absl::StrAppendFormat(&bytes, "%s0x%02X", bytes.empty() ? "" : " ", static_cast<unsigned char>(*p));
  }
  return FieldError(field_number,
                    absl::StrCat("is not valid UTF-8 (bytes ", bytes, " at ", Position(at),
                                 "); if the file was saved as GBK/GB18030 (\"ANSI\"), ", kSaveAsUtf8));
}

absl::Status CsvReader::StrayQuoteError(int field_number, const char* field_start, const char* quote) const {
  if (quote > field_start && std::all_of(field_start, quote, [](char c) { return c == ' ' || c == '\t'; })) {
    return FieldError(field_number,
                      absl::StrCat("spaces come before the opening double quote (", Position(quote),
                                   "); remove them, a quoted value must start right after the delimiter"));
  }
  return FieldError(
      field_number,
      absl::StrCat("a double quote appears inside a value that is not enclosed in double quotes (",
                   Position(quote),
                   "); enclose the whole value in double quotes and write each quote inside "
                   "it twice (\"\")"));
}

absl::Status CsvReader::LoneCarriageReturnError(int field_number, const char* at) const {
  return FieldError(field_number,
                    absl::StrCat("contains a carriage return (CR) that does not end a line (", Position(at),
                                 "); lines must end with LF or CRLF, and a line break inside a value must be "
                                 "enclosed in double quotes"));
}

absl::Status CsvReader::AfterClosingQuoteError(int field_number, const char* opening, const char* at) const {
  std::string reason =
      absl::StrCat("characters follow the closing double quote of a quoted value (", Position(at),
                   "); write each double quote inside a quoted value twice (\"\"), and put nothing between "
                   "the closing quote and the next delimiter");
  const int64_t opening_line = LineOf(opening);
  if (opening_line != LineOf(at)) {
    absl::StrAppend(&reason, "; the quoted value started at line ", opening_line,
                    ", so a quote there may be unmatched");
  }
  return FieldError(field_number, reason);
}

absl::Status CsvReader::UnterminatedQuoteError(int field_number, const char* opening) const {
  return FieldError(field_number,
                    absl::StrCat("a quoted field starting at line ", LineOf(opening),
                                 " is not closed before the end of the file; add the missing closing double "
                                 "quote, or write each quote inside the value twice (\"\")"));
}

absl::Status CsvReader::TooLongError(int field_number, size_t length, const char* opening) const {
  std::string reason = absl::StrCat("the value is ", length, " bytes long, more than the limit of ",
                                    options_.max_field_bytes, " bytes");
  if (opening != nullptr) {
    absl::StrAppend(&reason, "; it is a quoted value that started at line ", LineOf(opening),
                    ", check that its quotes are balanced");
  }
  return FieldError(field_number, reason);
}

absl::Status CsvReader::FieldCountError(size_t count) const {
  std::string message =
      absl::StrCat(Where(), " has ", Plural(count, "field"), ", the header has ", header_.size());
  if (count > header_.size()) {
    absl::StrAppend(&message, " (a value containing a ", DelimiterName(options_.delimiter),
                    " must be enclosed in double quotes)");
  } else {
    absl::StrAppend(&message, " (every record needs a value, possibly empty, for each column)");
  }
  return absl::InvalidArgumentError(message);
}

void AppendCsvRow(std::string* out, absl::Span<const absl::string_view> fields,
                  const CsvWriteOptions& options) {
  if (options.with_bom && out->empty()) out->append(kUtf8Bom.data(), kUtf8Bom.size());
  const absl::string_view line_end = options.crlf ? "\r\n" : "\n";
  // The common case, no field to quote: the row's length is known, so it is written in place with one
  // resize instead of an append per field (a large plan's digest writes millions of rows), and then checked
  // as a whole, eight bytes at a time while it is in the cache, instead of field by field (a call and a
  // first touch of every field: half of writing a plan's rows). Should a field need quotes after all, the
  // row is taken back and written field by field below.
  if (fields.size() > 1 || (fields.size() == 1 && !fields[0].empty())) {
    const size_t start = out->size();
    size_t length = fields.size() - 1 + line_end.size();
    for (const absl::string_view field : fields) length += field.size();
    out->resize(start + length);
    char* const row = &(*out)[start];
    size_t at = 0;
    bool plain = true;
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) row[at++] = options.delimiter;
      const absl::string_view field = fields[i];
      if (field.empty()) continue;
      std::memcpy(row + at, field.data(), field.size());
      at += field.size();
      // What the scan of the whole row below cannot see: where the fields begin and end.
      const char first = field.front(), last = field.back();
      plain = plain && first != ' ' && first != '\t' && last != ' ' && last != '\t' &&
              !absl::StartsWith(field, kUtf8Bom);
    }
    std::memcpy(row + at, line_end.data(), line_end.size());
    // The fields hold no quote, CR or LF, and no delimiter: the row's delimiters are exactly the ones
    // written between the fields.
    plain = plain && SpecialBytesIn(absl::string_view(row, at), options.delimiter) ==
                         SpecialBytes{fields.size() - 1, false};
    if (plain) return;
    out->resize(start);
  }
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out->push_back(options.delimiter);
    const absl::string_view field = fields[i];
    if (!NeedsQuotes(field, options.delimiter) && !(field.empty() && fields.size() == 1)) {
      out->append(field.data(), field.size());
      continue;
    }
    out->push_back('"');
    size_t start = 0;
    for (size_t quote; (quote = field.find('"', start)) != absl::string_view::npos; start = quote + 1) {
      out->append(field.data() + start, quote - start + 1);
      out->push_back('"');
    }
    out->append(field.data() + start, field.size() - start);
    out->push_back('"');
  }
  out->append(line_end.data(), line_end.size());
}

}  // namespace ssr::internal
