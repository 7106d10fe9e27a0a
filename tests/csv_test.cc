#include "io/csv.h"

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "gtest/gtest.h"

namespace ssr::internal {
namespace {

using Names = std::vector<std::string>;
using Views = std::vector<absl::string_view>;
using Rows = std::vector<std::vector<std::string>>;

struct Table {
  std::vector<std::string> header;
  Rows rows;
};

::testing::AssertionResult Contains(absl::string_view text, absl::string_view part) {
  if (absl::StrContains(text, part)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "\"" << text << "\"\ndoes not contain\n\"" << part << "\"";
}

::testing::AssertionResult Begins(absl::string_view text, absl::string_view prefix) {
  if (absl::StartsWith(text, prefix)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "\"" << text << "\"\ndoes not start with\n\"" << prefix << "\"";
}

// Reads the whole text, stopping at the first error.
absl::StatusOr<Table> ReadAll(absl::string_view text, CsvOptions options = {}) {
  CsvReader reader(text, "t.csv", options);
  absl::StatusOr<std::vector<std::string>> header = reader.ReadHeader();
  if (!header.ok()) return header.status();
  Table table{*header, {}};
  std::vector<absl::string_view> fields;
  for (;;) {
    absl::StatusOr<bool> more = reader.Next(&fields);
    if (!more.ok()) return more.status();
    if (!*more) break;
    table.rows.emplace_back(fields.begin(), fields.end());
  }
  return table;
}

// The message of the first error reading `text`, or "" when it reads cleanly.
std::string FirstError(absl::string_view text, CsvOptions options = {}) {
  absl::StatusOr<Table> table = ReadAll(text, options);
  if (table.ok()) return "";
  EXPECT_EQ(table.status().code(), absl::StatusCode::kInvalidArgument) << table.status();
  return std::string(table.status().message());
}

// Reads every record, resuming after errors; returns the errors and the good rows.
struct Outcome {
  std::vector<std::string> errors;
  Rows rows;
};
Outcome ReadResuming(absl::string_view text) {
  CsvReader reader(text, "t.csv");
  Outcome outcome;
  absl::StatusOr<std::vector<std::string>> header = reader.ReadHeader();
  if (!header.ok()) {
    outcome.errors.emplace_back(header.status().message());
    return outcome;
  }
  std::vector<absl::string_view> fields;
  for (int calls = 0; calls < 1000; ++calls) {
    absl::StatusOr<bool> more = reader.Next(&fields);
    if (!more.ok()) {
      outcome.errors.push_back(absl::StrCat(more.status().message(), " [#", reader.record_number(), " L",
                                            reader.line_number(), "]"));
      continue;
    }
    if (!*more) break;
    outcome.rows.emplace_back(fields.begin(), fields.end());
  }
  return outcome;
}

// SplitMix64: a fixed, documented generator, so that every run tests the same cases.
class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }

 private:
  uint64_t state_;
};

// ---------------------------------------------------------------------------------------------------------
// The accepted dialect.

TEST(CsvReaderTest, ReadsAHeaderAndItsRecords) {
  absl::StatusOr<Table> table = ReadAll("id,name\n1,a\n2,b\n");
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->header, (Names{"id", "name"}));
  EXPECT_EQ(table->rows, (Rows{{"1", "a"}, {"2", "b"}}));
}

TEST(CsvReaderTest, UnquotedFieldsAreViewsIntoTheInput) {
  const std::string text = "id,name\n1,甲\n";
  CsvReader reader(text, "t.csv");
  ASSERT_TRUE(reader.ReadHeader().ok());
  std::vector<absl::string_view> fields;
  ASSERT_TRUE(*reader.Next(&fields));
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(fields[1].data(), text.data() + 10);
  EXPECT_EQ(fields[1], "甲");
}

TEST(CsvReaderTest, ChineseHeadersAndValuesAreRead) {
  absl::StatusOr<Table> table = ReadAll(
      "统一社会信用代码,单位名称,所属区域\n"
      "91110000100000000A,北京某某科技有限公司,朝阳区\n");
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->header, (Names{"统一社会信用代码", "单位名称", "所属区域"}));
  EXPECT_EQ(table->rows, (Rows{{"91110000100000000A", "北京某某科技有限公司", "朝阳区"}}));
}

TEST(CsvReaderTest, HeaderNamesAreTrimmedButValuesKeepTheirSpaces) {
  absl::StatusOr<Table> table = ReadAll(" id ,\tname ,\" 区域 \"\n 1 , a ,\" b \"\n");
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->header, (Names{"id", "name", "区域"}));
  EXPECT_EQ(table->rows, (Rows{{" 1 ", " a ", " b "}}));
}

TEST(CsvReaderTest, SkipsAByteOrderMarkAtTheStart) {
  absl::StatusOr<Table> table = ReadAll("\xEF\xBB\xBFid,name\n1,a\n");
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->header, (Names{"id", "name"}));
}

TEST(CsvReaderTest, ReadsAnExcelExportWithByteOrderMarkAndCrlf) {
  absl::StatusOr<Table> table = ReadAll(
      "\xEF\xBB\xBF统一社会信用代码,单位名称,所属区域\r\n"
      "91110000100000000A,\"北京某某科技有限公司,分公司\",朝阳区\r\n"
      "91110000100000001B,上海某某,浦东新区\r\n");
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->header, (Names{"统一社会信用代码", "单位名称", "所属区域"}));
  EXPECT_EQ(table->rows, (Rows{{"91110000100000000A", "北京某某科技有限公司,分公司", "朝阳区"},
                               {"91110000100000001B", "上海某某", "浦东新区"}}));
}

TEST(CsvReaderTest, AByteOrderMarkIsRejectedWhenNotAllowed) {
  CsvOptions options;
  options.allow_bom = false;
  EXPECT_EQ(FirstError("\xEF\xBB\xBFid\n1\n", options),
            "t.csv: the file starts with a UTF-8 byte order mark (EF BB BF), which is not allowed here");
  EXPECT_EQ(FirstError("id\n1\n", options), "");
}

TEST(CsvReaderTest, AByteOrderMarkAfterTheStartIsData) {
  absl::StatusOr<Table> table = ReadAll("\xEF\xBB\xBFid\n\xEF\xBB\xBFx\n");
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->rows, (Rows{{"\xEF\xBB\xBFx"}}));
}

TEST(CsvReaderTest, AcceptsMixedLineEndingsInOneFile) {
  absl::StatusOr<Table> table = ReadAll("a,b\r\n1,2\n3,4\r\n5,6");
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->rows, (Rows{{"1", "2"}, {"3", "4"}, {"5", "6"}}));
}

TEST(CsvReaderTest, TheLastRecordMayOrMayNotEndWithANewline) {
  for (absl::string_view text : {"a,b\n1,2", "a,b\n1,2\n", "a,b\r\n1,2\r\n", "a,b\n1,2\r"}) {
    absl::StatusOr<Table> table = ReadAll(text);
    ASSERT_TRUE(table.ok()) << table.status();
    EXPECT_EQ(table->rows, (Rows{{"1", "2"}})) << text;
  }
}

TEST(CsvReaderTest, BlankLinesAtTheEndAreIgnored) {
  for (absl::string_view text :
       {"a,b\n1,2\n\n", "a,b\n1,2\n\n\n", "a,b\r\n1,2\r\n\r\n\r\n", "a,b\n1,2\r\n\n\r\r\n"}) {
    absl::StatusOr<Table> table = ReadAll(text);
    ASSERT_TRUE(table.ok()) << table.status();
    EXPECT_EQ(table->rows, (Rows{{"1", "2"}}));
  }
  absl::StatusOr<Table> header_only = ReadAll("a,b\n\n\n");
  ASSERT_TRUE(header_only.ok()) << header_only.status();
  EXPECT_TRUE(header_only->rows.empty());
}

TEST(CsvReaderTest, ABlankLineInTheMiddleIsAnErrorAndReadingCanResume) {
  EXPECT_EQ(
      FirstError("a,b\n1,2\n\n3,4\n"),
      "t.csv: record 2 (line 3) is a blank line; blank lines are allowed only at the end of the file, so "
      "delete this one");
  EXPECT_TRUE(Begins(FirstError("a,b\r\n1,2\r\n\r\n3,4\r\n"), "t.csv: record 2 (line 3) is a blank line"));
  Outcome outcome = ReadResuming("a,b\n1,2\n\n3,4\n");
  EXPECT_EQ(outcome.errors.size(), 1u);
  EXPECT_EQ(outcome.rows, (Rows{{"1", "2"}, {"3", "4"}}));
}

TEST(CsvReaderTest, AOneColumnFileWritesAnEmptyValueAsTwoQuotes) {
  absl::StatusOr<Table> table = ReadAll("name\n\"\"\nx\n");
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->rows, (Rows{{""}, {"x"}}));
  EXPECT_TRUE(Begins(FirstError("name\n\nx\n"), "t.csv: record 1 (line 2) is a blank line"));
}

TEST(CsvReaderTest, AnEmptyFileIsAnError) {
  EXPECT_EQ(FirstError(""), "t.csv: the file is empty; its first line must be the header row");
  EXPECT_EQ(FirstError("\xEF\xBB\xBF"), "t.csv: the file is empty; its first line must be the header row");
  EXPECT_EQ(FirstError("\n\r\n"),
            "t.csv: the file holds only blank lines; its first line must be the header row");
}

TEST(CsvReaderTest, AFileThatStartsWithABlankLineIsAnError) {
  EXPECT_EQ(FirstError("\na,b\n1,2\n"), "t.csv: line 1 is blank; the header row must be the first line");
}

TEST(CsvReaderTest, AHeaderOnlyFileHasNoRecords) {
  for (absl::string_view text : {"a,b", "a,b\n", "a,b\r\n"}) {
    absl::StatusOr<Table> table = ReadAll(text);
    ASSERT_TRUE(table.ok()) << table.status();
    EXPECT_EQ(table->header, (Names{"a", "b"}));
    EXPECT_TRUE(table->rows.empty());
  }
}

TEST(CsvReaderTest, EmptyFieldsAreKept) {
  absl::StatusOr<Table> table = ReadAll("a,b,c\n,,\n1,,\n,,3\n\"\",\"\",\"\"\n,2,");
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->rows, (Rows{{"", "", ""}, {"1", "", ""}, {"", "", "3"}, {"", "", ""}, {"", "2", ""}}));
}

TEST(CsvReaderTest, QuotedFieldMayContainTheDelimiter) {
  absl::StatusOr<Table> table = ReadAll("a,b\n\"x,y\",\",\"\n");
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->rows, (Rows{{"x,y", ","}}));
}

TEST(CsvReaderTest, DoubledQuotesInAQuotedFieldAreReadAsOneQuote) {
  absl::StatusOr<Table> table = ReadAll("a,b,c\n\"say \"\"hi\"\"\",\"\"\"\"\"\",\"\"\"x\"\n");
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->rows, (Rows{{"say \"hi\"", "\"\"", "\"x"}}));
}

TEST(CsvReaderTest, UnescapedFieldsStayValidTogetherForTheWholeRecord) {
  // Many escaped fields in one record: the scratch buffer grows while earlier fields point into it.
  std::string header;
  std::string record;
  std::vector<std::string> expected;
  for (int i = 0; i < 200; ++i) {
    absl::StrAppend(&header, i ? "," : "", "c", i);
    std::string value = absl::StrCat(std::string(static_cast<size_t>(i), 'x'), "\"", i);
    absl::StrAppend(&record, i ? "," : "", "\"", std::string(static_cast<size_t>(i), 'x'), "\"\"", i, "\"");
    expected.push_back(value);
  }
  absl::StatusOr<Table> table = ReadAll(absl::StrCat(header, "\n", record, "\n"));
  ASSERT_TRUE(table.ok()) << table.status();
  ASSERT_EQ(table->rows.size(), 1u);
  EXPECT_EQ(table->rows[0], expected);
}

TEST(CsvReaderTest, QuotedFieldMayContainNewlines) {
  const std::string text = "id,address\n1,\"第一行\n第二行\r\n第三行\"\n2,x\n3,\"a\n\nb\"\n4,y\n";
  CsvReader reader(text, "t.csv");
  ASSERT_TRUE(reader.ReadHeader().ok());
  EXPECT_EQ(reader.record_number(), 0);
  EXPECT_EQ(reader.line_number(), 1);
  std::vector<absl::string_view> fields;
  ASSERT_TRUE(*reader.Next(&fields));
  EXPECT_EQ(fields, (Views{"1", "第一行\n第二行\r\n第三行"}));
  EXPECT_EQ(reader.record_number(), 1);
  EXPECT_EQ(reader.line_number(), 2);
  ASSERT_TRUE(*reader.Next(&fields));
  EXPECT_EQ(reader.record_number(), 2);
  EXPECT_EQ(reader.line_number(), 5);
  ASSERT_TRUE(*reader.Next(&fields));
  EXPECT_EQ(fields, (Views{"3", "a\n\nb"}));
  EXPECT_EQ(reader.line_number(), 6);
  ASSERT_TRUE(*reader.Next(&fields));
  EXPECT_EQ(reader.record_number(), 4);
  EXPECT_EQ(reader.line_number(), 9);
  EXPECT_FALSE(*reader.Next(&fields));
  EXPECT_FALSE(*reader.Next(&fields));  // the end stays the end
}

TEST(CsvReaderTest, ALoneCarriageReturnInsideQuotesIsData) {
  absl::StatusOr<Table> table = ReadAll("a\n\"x\ry\"\n");
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->rows, (Rows{{"x\ry"}}));
}

TEST(CsvReaderTest, OtherDelimitersCanBeChosen) {
  CsvOptions options;
  options.delimiter = ';';
  absl::StatusOr<Table> semicolons = ReadAll("a;b\n1,5;\"x;y\"\n", options);
  ASSERT_TRUE(semicolons.ok()) << semicolons.status();
  EXPECT_EQ(semicolons->rows, (Rows{{"1,5", "x;y"}}));
  EXPECT_TRUE(Contains(FirstError("a;b\n1;2;3\n", options),
                       "a value containing a semicolon must be enclosed in double quotes"));
  options.delimiter = '\t';
  absl::StatusOr<Table> tabs = ReadAll("a\tb\n1\t \n", options);
  ASSERT_TRUE(tabs.ok()) << tabs.status();
  EXPECT_EQ(tabs->rows, (Rows{{"1", " "}}));
}

TEST(CsvReaderTest, ADelimiterThatCannotWorkIsRejected) {
  for (char delimiter : {'"', '\n', '\r', '\0', '\xE4'}) {
    CsvOptions options;
    options.delimiter = delimiter;
    EXPECT_TRUE(Contains(FirstError("a\n1\n", options), "cannot be the delimiter")) << int{delimiter};
  }
}

TEST(CsvReaderTest, AcceptsTheUtf8BoundaryCodePoints) {
  // U+007F, U+0080, U+07FF, U+0800, U+D7FF, U+E000, U+FFFD, U+FFFF, U+10000, U+10FFFF.
  const std::string values[] = {
      "\x7F",         "\xC2\x80",     "\xDF\xBF",     "\xE0\xA0\x80",     "\xED\x9F\xBF",
      "\xEE\x80\x80", "\xEF\xBF\xBD", "\xEF\xBF\xBF", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF"};
  for (const std::string& value : values) {
    for (const std::string& field :
         {value, absl::StrCat("\"", value, "\""), absl::StrCat("ab", value, "cd")}) {
      absl::StatusOr<Table> table = ReadAll(absl::StrCat("a,b\n", field, ",", field, "\n"));
      ASSERT_TRUE(table.ok()) << table.status();
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Errors.

TEST(CsvReaderTest, AWrongFieldCountNamesTheRecordTheLineAndBothCounts) {
  std::string text = "a,b,c,d,e,f,g\n1,2,3,4,5,6,7\n\"x\ny\",2,3,4,5,6,7\n";
  for (int i = 3; i < 12; ++i) absl::StrAppend(&text, "1,2,3,4,5,6,7\n");
  absl::StrAppend(&text, "1,2,3,4,5\n");
  EXPECT_EQ(FirstError(text),
            "t.csv: record 12 (line 14) has 5 fields, the header has 7 (every record needs a value, possibly "
            "empty, for each column)");
  EXPECT_EQ(FirstError("a,b\n1,2,3\n"),
            "t.csv: record 1 (line 2) has 3 fields, the header has 2 (a value containing a comma must be "
            "enclosed in double quotes)");
  EXPECT_TRUE(Begins(FirstError("a,b\n1\n"), "t.csv: record 1 (line 2) has 1 field, the header has 2"));
}

TEST(CsvReaderTest, AnUnterminatedQuoteNamesWhereTheQuotedFieldStarted) {
  std::string text = "id,单位名称\n";
  for (int i = 1; i < 40; ++i) absl::StrAppend(&text, i, ",\"a\nb\"\n");  // records 1-39 on lines 2-79
  absl::StrAppend(&text, "40,\"no end\n\nat all");
  EXPECT_EQ(
      FirstError(text),
      "t.csv: record 40 (line 80), field 2 (单位名称): a quoted field starting at line 80 is not closed "
      "before the end of the file; add the missing closing double quote, or write each quote inside the "
      "value twice (\"\")");
  EXPECT_TRUE(Contains(FirstError("a,b\n1,\"x\"\"\n"), "not closed before the end of the file"));
  EXPECT_TRUE(Contains(FirstError("a,b\n1,\""), "not closed before the end of the file"));
}

TEST(CsvReaderTest, AQuoteInsideAnUnquotedFieldIsAnError) {
  EXPECT_EQ(FirstError("id,单位名称\n1,某某\"公司\n"),
            "t.csv: record 1 (line 2), field 2 (单位名称): a double quote appears inside a value that is not "
            "enclosed in double quotes (line 2, character 5); enclose the whole value in double quotes and "
            "write each quote inside it twice (\"\")");
}

TEST(CsvReaderTest, SpacesBeforeAnOpeningQuoteAreReportedAsSuch) {
  EXPECT_EQ(FirstError("a,b\n1, \"x\"\n"),
            "t.csv: record 1 (line 2), field 2 (b): spaces come before the opening double quote (line 2, "
            "character 4); remove them, a quoted value must start right after the delimiter");
}

TEST(CsvReaderTest, CharactersAfterAClosingQuoteAreAnError) {
  EXPECT_EQ(
      FirstError("a,b\n1,\"say \"hi\"\"\n"),
      "t.csv: record 1 (line 2), field 2 (b): characters follow the closing double quote of a quoted "
      "value (line 2, character 9); write each double quote inside a quoted value twice (\"\"), and put "
      "nothing between the closing quote and the next delimiter");
  EXPECT_TRUE(Contains(FirstError("a,b\n1,\"x\" \n"), "(line 2, character 6)"));
  // A quote left open on line 2 swallows the line ending and closes on line 3.
  EXPECT_TRUE(
      Contains(FirstError("a,b\n1,\"x\n2,\"y\"\n"),
               "(line 3, character 4); write each double quote inside a quoted value twice (\"\"), and "
               "put nothing between the closing quote and the next delimiter; the quoted value started "
               "at line 2, so a quote there may be unmatched"));
}

TEST(CsvReaderTest, InvalidUtf8NamesTheFieldAndSuggestsSavingAsUtf8) {
  // "北京" in GBK.
  EXPECT_EQ(
      FirstError("id,所属区域\n1,\xB1\xB1\xBE\xA9\n"),
      "t.csv: record 1 (line 2), field 2 (所属区域): is not valid UTF-8 (bytes 0xB1 0xB1 0xBE 0xA9 at line "
      "2, character 3); if the file was saved as GBK/GB18030 (\"ANSI\"), save it again as \"CSV "
      "UTF-8(逗号分隔)\"");
  EXPECT_TRUE(Contains(FirstError("id,名\n1,\"中\n文\xB1\xB1\"\n"),
                       "field 2 (名): is not valid UTF-8 (bytes 0xB1 "
                       "0xB1 at line 3, character 2)"));
  EXPECT_TRUE(
      Begins(FirstError("\xB5\xA5\xCE\xBB,b\n"), "t.csv: header row (line 1), field 1: is not valid UTF-8"));
}

TEST(CsvReaderTest, OverlongSurrogateAndOutOfRangeEncodingsAreRejected) {
  const std::string bad[] = {
      "\xC0\xAF",          // overlong '/'
      "\xC1\xBF",          // overlong
      "\xE0\x80\xAF",      // overlong '/'
      "\xE0\x9F\xBF",      // overlong U+07FF
      "\xF0\x80\x80\xAF",  // overlong '/'
      "\xF0\x8F\xBF\xBF",  // overlong U+FFFF
      "\xED\xA0\x80",      // U+D800, a surrogate
      "\xED\xBF\xBF",      // U+DFFF
      "\xF4\x90\x80\x80",  // U+110000
      "\xF5\x80\x80\x80",  // beyond any code point
      "\xFF",
      "\x80",      // a stray continuation byte
      "\xE4\xB8",  // "中" cut short
      "\xE4\xB8x",
      "\xF0\x9F\x98",
  };
  for (const std::string& bytes : bad) {
    for (const std::string& field : {bytes, absl::StrCat("\"", bytes, "\""), absl::StrCat("ab", bytes, "c"),
                                     absl::StrCat("\"abcdefghijkl", bytes, "\"")}) {
      EXPECT_TRUE(
          Contains(FirstError(absl::StrCat("a,b\n1,", field, "\n")), "field 2 (b): is not valid UTF-8"))
          << field;
      EXPECT_TRUE(Contains(FirstError(absl::StrCat("a,b\n1,", field)), "field 2 (b): is not valid UTF-8"))
          << field;
    }
  }
}

TEST(CsvReaderTest, ANulByteIsAnError) {
  EXPECT_EQ(
      FirstError(std::string("a,b\n1,x\0y\n", 10)),
      "t.csv: record 1 (line 2), field 2 (b): contains a NUL byte (line 2, character 4); a CSV file must "
      "be text — if it was saved as UTF-16 (\"Unicode text\"), save it again as \"CSV UTF-8(逗号分隔)\"");
  EXPECT_TRUE(Contains(FirstError(std::string("a,b\n1,\"0123456789\0\"\n", 20)),
                       "field 2 (b): contains a NUL byte (line 2, character 14)"));
}

TEST(CsvReaderTest, AUtf16FileIsRecognised) {
  EXPECT_EQ(FirstError(std::string("\xFF\xFEi\0d\0\n\0", 8)),
            "t.csv: the file is UTF-16 text (\"Unicode text\"), not UTF-8; save it again as \"CSV "
            "UTF-8(逗号分隔)\"");
}

TEST(CsvReaderTest, ALoneCarriageReturnIsNotALineEnding) {
  EXPECT_EQ(FirstError("a,b\n1,2\r3,4\n"),
            "t.csv: record 1 (line 2), field 2 (b): contains a carriage return (CR) that does not end a line "
            "(line 2, character 4); lines must end with LF or CRLF, and a line break inside a value must be "
            "enclosed in double quotes");
  EXPECT_TRUE(Begins(FirstError("a,b\r1,2\r"),
                     "t.csv: header row (line 1), field 2: contains a carriage "
                     "return (CR) that does not end a line (line 1, character 4)"));
  EXPECT_TRUE(Contains(FirstError("a,b\n1,\"2\"\r3,4\n"), "field 2 (b): contains a carriage return"));
}

TEST(CsvReaderTest, AFieldLongerThanTheLimitIsAnError) {
  CsvOptions options;
  options.max_field_bytes = 8;
  EXPECT_EQ(FirstError("a,b\n1,12345678\n2,\"12345678\"\n", options), "");
  EXPECT_EQ(
      FirstError("a,b\n1,123456789\n", options),
      "t.csv: record 1 (line 2), field 2 (b): the value is 9 bytes long, more than the limit of 8 bytes");
  EXPECT_EQ(
      FirstError("a,b\n1,\"1234\n5678\"\n", options),
      "t.csv: record 1 (line 2), field 2 (b): the value is 9 bytes long, more than the limit of 8 bytes; "
      "it is a quoted value that started at line 2, check that its quotes are balanced");
  EXPECT_TRUE(Contains(FirstError("abcdefghi,b\n", options), "header row (line 1), field 1: the value is 9"));
}

TEST(CsvReaderTest, FieldsBeyondTheHeaderAreNamedByNumberOnly) {
  EXPECT_TRUE(Contains(FirstError("a,b\n1,2,x\"y\n"), "record 1 (line 2), field 3: a double quote appears"));
  EXPECT_TRUE(Contains(FirstError("a,\n1,x\"y\n"), "record 1 (line 2), field 2: a double quote appears"));
}

TEST(CsvReaderTest, ReadingResumesAfterABadRecord) {
  Outcome outcome = ReadResuming(
      "a,b\n"
      "1,2\n"
      "1,2,3\n"       // record 2: too many fields
      "3,\"x\"y\"\n"  // record 3: text after a closing quote
      "4,\xB1\n"      // record 4: not UTF-8
      "\n"            // record 5: blank
      "6,6\n"
      "7,a\"b,c\n"  // record 7: a stray quote, and then too many fields: only the first is reported
      "8,\"multi\nline\"\n"
      "9,9\n");
  ASSERT_EQ(outcome.errors.size(), 5u);
  EXPECT_TRUE(Begins(outcome.errors[0], "t.csv: record 2 (line 3) has 3 fields"));
  EXPECT_TRUE(Contains(outcome.errors[0], "[#2 L3]"));
  EXPECT_TRUE(Begins(outcome.errors[1], "t.csv: record 3 (line 4), field 2 (b): characters follow"));
  EXPECT_TRUE(Begins(outcome.errors[2], "t.csv: record 4 (line 5), field 2 (b): is not valid UTF-8"));
  EXPECT_TRUE(Begins(outcome.errors[3], "t.csv: record 5 (line 6) is a blank line"));
  EXPECT_TRUE(Begins(outcome.errors[4], "t.csv: record 7 (line 8), field 2 (b): a double quote appears"));
  EXPECT_TRUE(Contains(outcome.errors[4], "[#7 L8]"));
  EXPECT_EQ(outcome.rows, (Rows{{"1", "2"}, {"6", "6"}, {"8", "multi\nline"}, {"9", "9"}}));
}

TEST(CsvReaderTest, AnUnterminatedQuoteAfterAnotherErrorIsReportedByTheNextCall) {
  Outcome outcome = ReadResuming("a,b\n1\xB1,\"open\n2,2\n");
  ASSERT_EQ(outcome.errors.size(), 2u);
  EXPECT_TRUE(Begins(outcome.errors[0], "t.csv: record 1 (line 2), field 1 (a): is not valid UTF-8"));
  EXPECT_TRUE(Begins(outcome.errors[1],
                     "t.csv: record 1 (line 2), field 2 (b): a quoted field starting at "
                     "line 2 is not closed"));
  EXPECT_TRUE(outcome.rows.empty());
}

TEST(CsvReaderTest, HeaderErrorsNameTheHeaderRow) {
  EXPECT_EQ(
      FirstError("a,b\"c\n1,2\n"),
      "t.csv: header row (line 1), field 2: a double quote appears inside a value that is not enclosed in "
      "double quotes (line 1, character 4); enclose the whole value in double quotes and write each quote "
      "inside it twice (\"\")");
  EXPECT_TRUE(Begins(FirstError("\xEF\xBB\xBF\"a\n"),
                     "t.csv: header row (line 1), field 1: a quoted field "
                     "starting at line 1 is not closed"));
}

TEST(CsvReaderTest, CallsOutOfOrderAreFailedPrecondition) {
  CsvReader reader("a\n1\n", "t.csv");
  std::vector<absl::string_view> fields;
  EXPECT_EQ(reader.Next(&fields).status().code(), absl::StatusCode::kFailedPrecondition);
  ASSERT_TRUE(reader.ReadHeader().ok());
  EXPECT_EQ(reader.ReadHeader().status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(*reader.Next(&fields));
}

TEST(CsvReaderTest, NextRepeatsTheHeaderError) {
  CsvReader reader("", "t.csv");
  EXPECT_FALSE(reader.ReadHeader().ok());
  std::vector<absl::string_view> fields;
  absl::StatusOr<bool> more = reader.Next(&fields);
  EXPECT_EQ(more.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(Contains(more.status().message(), "the file is empty"));
}

TEST(CsvReaderTest, ArbitraryBytesAreReadToTheEndWithoutSurprises) {
  // Byte soup from CSV-significant pieces and bad bytes: reading resumed after every error must reach the
  // end, every record it accepts must have the header's width, and those records must survive a round trip.
  const absl::string_view good[] = {"a", "b", ",", ",", "\"", "\"\"", "\n", "\n", "\r\n", " ", "中"};
  const absl::string_view bad[] = {
      "\r", "\xE4\xB8", "\xB1", "\xED\xA0\x80", absl::string_view("\0", 1), "\xEF\xBB\xBF", "\xFF\xFE"};
  SplitMix64 random(7);
  int files_with_records = 0;
  int errors = 0;
  for (int file = 0; file < 5000; ++file) {
    std::string text;
    for (size_t n = random.Below(40); n > 0; --n) {
      absl::StrAppend(&text, random.Below(16) == 0 ? bad[random.Below(sizeof(bad) / sizeof(bad[0]))]
                                                   : good[random.Below(sizeof(good) / sizeof(good[0]))]);
    }
    CsvOptions options;
    options.max_field_bytes = 6;
    CsvReader reader(text, "t.csv", options);
    absl::StatusOr<std::vector<std::string>> header = reader.ReadHeader();
    std::vector<absl::string_view> fields;
    Rows rows;
    size_t calls = 0;
    for (;; ++calls) {
      ASSERT_LE(calls, text.size() + 2) << "no progress on file " << file;
      absl::StatusOr<bool> more = reader.Next(&fields);
      if (!header.ok()) {
        EXPECT_EQ(more.status(), header.status());
        break;
      }
      if (!more.ok()) {
        EXPECT_EQ(more.status().code(), absl::StatusCode::kInvalidArgument);
        EXPECT_TRUE(Begins(more.status().message(), "t.csv: ")) << more.status();
        EXPECT_TRUE(fields.empty());
        ++errors;
        continue;
      }
      if (!*more) break;
      ASSERT_EQ(fields.size(), header->size());
      rows.emplace_back(fields.begin(), fields.end());
    }
    if (!header.ok() || rows.empty()) continue;
    ++files_with_records;
    std::string written;
    for (const std::vector<std::string>& row : rows) {
      AppendCsvRow(&written, std::vector<absl::string_view>(row.begin(), row.end()));
    }
    std::string rewritten;
    for (size_t i = 0; i < header->size(); ++i) absl::StrAppend(&rewritten, i ? "," : "", "h", i);
    absl::StrAppend(&rewritten, "\n", written);
    CsvReader again(rewritten, "again.csv");
    ASSERT_TRUE(again.ReadHeader().ok());
    for (const std::vector<std::string>& row : rows) {
      absl::StatusOr<bool> more = again.Next(&fields);
      ASSERT_TRUE(more.ok() && *more) << more.status();
      EXPECT_EQ(std::vector<std::string>(fields.begin(), fields.end()), row);
    }
  }
  // The soup is rich enough to exercise both paths.
  EXPECT_GT(files_with_records, 400);
  EXPECT_GT(errors, 2000);
}

// ---------------------------------------------------------------------------------------------------------
// Writing.

std::string Row(absl::Span<const absl::string_view> fields, CsvWriteOptions options = {}) {
  std::string out;
  AppendCsvRow(&out, fields, options);
  return out;
}

TEST(CsvWriterTest, QuotesOnlyWhereNeeded) {
  EXPECT_EQ(Row({"1", "北京", "", "a b"}), "1,北京,,a b\n");
  EXPECT_EQ(Row({"x,y", "say \"hi\"", "a\nb", "a\rb", " lead", "trail\t", "ok"}),
            "\"x,y\",\"say \"\"hi\"\"\",\"a\nb\",\"a\rb\",\" lead\",\"trail\t\",ok\n");
  EXPECT_EQ(Row({"\"", "\"\""}), "\"\"\"\",\"\"\"\"\"\"\n");
}

// The check looks at eight bytes at a time: every byte value, at every place of fields shorter than, as
// long as and longer than a word, quotes exactly when it is the delimiter, a quote, CR or LF.
TEST(CsvWriterTest, EveryByteAtEveryPlaceOfALongFieldIsChecked) {
  for (const char delimiter : {',', ';', '\t'}) {
    CsvWriteOptions options;
    options.delimiter = delimiter;
    for (int value = 1; value < 256; ++value) {
      const char byte = static_cast<char>(value);
      const bool special = byte == delimiter || byte == '"' || byte == '\n' || byte == '\r';
      for (size_t length : {3, 8, 9, 17, 24}) {
        // Between letters, so that leading and trailing spaces and tabs play no part.
        for (size_t at = 1; at + 1 < length; ++at) {
          std::string field(length, 'a');
          field[at] = byte;
          const std::string row = Row({field}, options);
          EXPECT_EQ(row.front() == '"', special)
              << "byte " << value << " at " << at << " of " << length << ", delimiter " << int{delimiter};
        }
      }
    }
  }
}

// A row is checked as a whole, eight bytes at a time, words straddling the fields: a special byte at any
// place of any field quotes that field and no other, and so does a space or tab at either end of a field,
// or a byte order mark at its start; the rows before it in the text play no part.
TEST(CsvWriterTest, ASpecialByteAnywhereInARowQuotesItsFieldAndNoOther) {
  const std::vector<size_t> lengths = {5, 9, 1, 13, 0, 7, 2};
  for (const char delimiter : {',', ';', '\t'}) {
    CsvWriteOptions options;
    options.delimiter = delimiter;
    for (const char byte : {delimiter, '"', '\n', '\r', ' ', '\t', 'x'}) {
      for (size_t f = 0; f < lengths.size(); ++f) {
        for (size_t at = 0; at < lengths[f]; ++at) {
          std::vector<std::string> fields;
          for (size_t i = 0; i < lengths.size(); ++i) fields.push_back(std::string(lengths[i], 'a' + i));
          fields[f][at] = byte;
          const bool at_an_end = at == 0 || at + 1 == lengths[f];
          const bool quoted = byte == delimiter || byte == '"' || byte == '\n' || byte == '\r' ||
                              ((byte == ' ' || byte == '\t') && at_an_end);
          std::string expected = "earlier,row\n";
          for (size_t i = 0; i < fields.size(); ++i) {
            if (i > 0) expected.push_back(delimiter);
            if (i == f && quoted) {
              expected += "\"" + absl::StrReplaceAll(fields[i], {{"\"", "\"\""}}) + "\"";
            } else {
              expected += fields[i];
            }
          }
          expected.push_back('\n');
          std::string out = "earlier,row\n";
          const std::vector<absl::string_view> views(fields.begin(), fields.end());
          AppendCsvRow(&out, views, options);
          EXPECT_EQ(out, expected) << "byte " << int{byte} << " at " << at << " of field " << f
                                   << ", delimiter " << int{delimiter};
        }
      }
    }
  }
  EXPECT_EQ(Row({"a",
                 "\xEF\xBB\xBF"
                 "b",
                 "c"}),
            "a,\"\xEF\xBB\xBF"
            "b\",c\n");
}

TEST(CsvWriterTest, QuotesAccordingToTheChosenDelimiter) {
  CsvWriteOptions options;
  options.delimiter = ';';
  EXPECT_EQ(Row({"1,5", "a;b"}, options), "1,5;\"a;b\"\n");
}

TEST(CsvWriterTest, ARowOfOneEmptyFieldIsWrittenAsTwoQuotes) {
  EXPECT_EQ(Row({""}), "\"\"\n");
  EXPECT_EQ(Row({"", ""}), ",\n");
}

TEST(CsvWriterTest, AFieldStartingWithAByteOrderMarkIsQuoted) {
  EXPECT_EQ(Row({"\xEF\xBB\xBFx"}), "\"\xEF\xBB\xBFx\"\n");
}

TEST(CsvWriterTest, WritesCrlfWhenAsked) {
  CsvWriteOptions options;
  options.crlf = true;
  EXPECT_EQ(Row({"a", "b"}, options), "a,b\r\n");
}

TEST(CsvWriterTest, WritesTheByteOrderMarkOnlyBeforeTheFirstRow) {
  CsvWriteOptions options;
  options.with_bom = true;
  options.crlf = true;
  std::string out;
  AppendCsvRow(&out, {"统一社会信用代码", "单位名称"}, options);
  AppendCsvRow(&out, {"91110000100000000A", "某某公司"}, options);
  EXPECT_EQ(out, "\xEF\xBB\xBF统一社会信用代码,单位名称\r\n91110000100000000A,某某公司\r\n");
  EXPECT_EQ(Row({"a"}), "a\n");  // off by default
}

TEST(CsvWriterTest, AwkwardValuesRoundTrip) {
  const std::string bom_first = absl::StrCat(kUtf8Bom, "bom");
  const std::vector<absl::string_view> awkward = {
      "",   "\"", "\"\"",        "a,b",        "a\nb",    "a\r\nb", "\r",        " lead",           "trail ",
      "  ", "\t", "北京,朝阳区", "说\"你好\"", bom_first, "x",      "ends,\n\"", "统一社会信用代码"};
  std::string out;
  std::vector<absl::string_view> header;
  std::vector<std::string> names;
  for (size_t i = 0; i < awkward.size(); ++i) names.push_back(absl::StrCat("c", i));
  for (const std::string& name : names) header.push_back(name);
  AppendCsvRow(&out, header);
  AppendCsvRow(&out, awkward);
  std::vector<absl::string_view> reversed(awkward.rbegin(), awkward.rend());
  CsvWriteOptions crlf;
  crlf.crlf = true;
  AppendCsvRow(&out, reversed, crlf);
  absl::StatusOr<Table> table = ReadAll(out);
  ASSERT_TRUE(table.ok()) << table.status();
  ASSERT_EQ(table->rows.size(), 2u);
  EXPECT_EQ(table->rows[0], std::vector<std::string>(awkward.begin(), awkward.end()));
  EXPECT_EQ(table->rows[1], std::vector<std::string>(reversed.begin(), reversed.end()));
}

TEST(CsvWriterTest, RandomRowsRoundTripWithEveryOption) {
  // Plain text, every delimiter, quotes, line endings, Chinese, a 4-byte character, a BOM, U+2028, and
  // characters spreadsheets treat specially.
  // clang-format off
  const absl::string_view pieces[] = {"a", "Z", "0", " ", "\t", ",", ";", "|", "\"", "\"\"", "\n", "\r\n",
                                      "\r", "中", "统一", "\xC2\xA9", "\xF0\x9F\x98\x80", "\xEF\xBB\xBF",
                                      "\xE2\x80\xA8", "'", "=", "\\"};
  // clang-format on
  const char delimiters[] = {',', ';', '\t', '|'};
  SplitMix64 random(20240601);
  for (int file = 0; file < 3000; ++file) {
    CsvWriteOptions write_options;
    write_options.delimiter = delimiters[random.Below(4)];
    write_options.crlf = random.Below(2) == 1;
    write_options.with_bom = random.Below(2) == 1;
    const size_t width = 1 + random.Below(6);
    const size_t records = random.Below(5);
    std::string out;
    std::vector<std::string> names;
    for (size_t i = 0; i < width; ++i) names.push_back(absl::StrCat("列", i));
    AppendCsvRow(&out, std::vector<absl::string_view>(names.begin(), names.end()), write_options);
    Rows rows;
    for (size_t r = 0; r < records; ++r) {
      std::vector<std::string> row;
      for (size_t i = 0; i < width; ++i) {
        std::string value;
        for (size_t n = random.Below(random.Below(3) == 0 ? 12 : 3); n > 0; --n) {
          absl::StrAppend(&value, pieces[random.Below(sizeof(pieces) / sizeof(pieces[0]))]);
        }
        row.push_back(value);
      }
      AppendCsvRow(&out, std::vector<absl::string_view>(row.begin(), row.end()), write_options);
      rows.push_back(row);
    }
    // Half the files lose their final line ending, and some gain blank lines at the end.
    if (random.Below(2) == 0 && records > 0) {
      out.resize(out.size() - (write_options.crlf ? 2 : 1));
    } else if (random.Below(4) == 0) {
      out += write_options.crlf ? "\r\n\r\n" : "\n";
    }
    CsvOptions read_options;
    read_options.delimiter = write_options.delimiter;
    absl::StatusOr<Table> table = ReadAll(out, read_options);
    ASSERT_TRUE(table.ok()) << table.status() << "\nfile " << file << ":\n" << out;
    ASSERT_EQ(table->header, names) << out;
    ASSERT_EQ(table->rows, rows) << "file " << file << ":\n" << out;
  }
}

}  // namespace
}  // namespace ssr::internal
