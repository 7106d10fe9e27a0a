// The crashes, hangs and broken invariants that the fuzzers (tests/fuzz) and their seed corpora found, one
// case each, named after what the library does now. Each input is also in tests/fuzz/corpus/<target>/, so
// the replay tests run it under the fuzzer's invariants; docs/reliability.md lists them with their fixes.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "io/csv.h"
#include "io/file.h"
#include "io/utf8.h"
#include "ssrandom/bureau.h"
#include "ssrandom/bureau_io.h"
#include "ssrandom/calendar.h"
#include "ssrandom/columnar.h"
#include "ssrandom/condition.h"
#include "ssrandom/inspector.h"
#include "ssrandom/plan.h"
#include "ssrandom/policy.h"
#include "ssrandom/sample_bureau.h"

namespace ssr {
namespace {

// Expects `part` in `text` (a message), printing the whole message when it is not there.
#define EXPECT_HAS(text, part) EXPECT_TRUE(absl::StrContains(text, part)) << (text)

constexpr char kGbkCompany[] = "\xB9\xAB\xCB\xBE";  // 公司 in GBK

bool IsUtf8(absl::string_view text) { return internal::FindInvalidUtf8(text) == text.size(); }

std::string TempFolder() {
  std::string pattern = ::testing::TempDir() + "ssr_fuzz_regression_XXXXXX";
  EXPECT_NE(::mkdtemp(pattern.data()), nullptr);
  return pattern;
}

std::string PlanJson(absl::string_view format_version) {
  return absl::StrCat(R"({"format": "ssrandom-plan", "format_version": )", format_version,
                      R"(, "bureau": "b", "period": "2024Q1", "seed": "1", "seed_source": "s",
                         "policy_name": "p", "policy_digest": "d", "directory_digest": "d", "tasks": []})");
}

// Found by the seed corpora of entities_json, holidays and plan_json: nlohmann quotes the bytes it last read,
// so the message of a GBK file was not UTF-8 (Python raised UnicodeDecodeError instead of InvalidInputError).
TEST(JsonReadersTest, FileThatIsNotUtf8IsAnErrorSayingToSaveItAsUtf8) {
  const std::string entities = absl::StrCat(R"([{"id": "1", "name": ")", kGbkCompany, R"("}])");
  absl::StatusOr<Directory> directory = ReadEntities(entities, TableFormat::kJson, "entities.json");
  ASSERT_EQ(directory.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_HAS(directory.status().message(),
             "not UTF-8 text (bytes 0xB9 0xAB 0xCB 0xBE at line 1, character 23)");
  EXPECT_HAS(directory.status().message(), "save it again with the encoding UTF-8");

  absl::Status holidays = WorkingDayCalendar().LoadJson(
      absl::StrCat(R"({"format": "ssrandom-holidays-v1", "note": ")", kGbkCompany, R"(", "years": []})"),
      "holidays.json");
  EXPECT_HAS(holidays.message(), "holidays.json: the file is not UTF-8 text");

  absl::StatusOr<Plan> plan = Plan::FromJson(absl::StrCat(PlanJson("1"), kGbkCompany), "plan.json");
  EXPECT_HAS(plan.status().message(), "plan.json: the file is not UTF-8 text");
  for (const absl::Status& status : {directory.status(), holidays, plan.status()}) {
    EXPECT_TRUE(IsUtf8(status.message())) << status;
  }
}

TEST(JsonReadersTest, UnexpectedCharacterInsideAUtf8SequenceGivesAUtf8Message) {
  // Valid UTF-8, but the parser stops at the first byte of 中 and quotes only that byte.
  absl::StatusOr<Directory> directory = ReadEntities("[中]", TableFormat::kJson, "entities.json");
  ASSERT_EQ(directory.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(IsUtf8(directory.status().message())) << directory.status();
  EXPECT_HAS(directory.status().message(), "\\xE4");
}

// Found by the seed corpora of entities_json and plan_json: a number too large for a double is an
// out_of_range exception, not a parse_error, and escaped the reader: std::terminate.
TEST(JsonReadersTest, NumberTooLargeForADoubleIsAnErrorNotACrash) {
  absl::StatusOr<Directory> directory =
      ReadEntities(R"([{"id": "A", "penalties_last_year": 1e999}])", TableFormat::kJson, "entities.json");
  EXPECT_EQ(directory.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_HAS(directory.status().message(), "number overflow parsing '1e999'");

  absl::StatusOr<Bureau> bureau =
      ReadBureauJson(R"({"entities": [{"id": "A"}], "x": -1e400})", "bureau.json");
  EXPECT_EQ(bureau.status().code(), absl::StatusCode::kInvalidArgument);

  absl::StatusOr<Plan> plan = Plan::FromJson(PlanJson("1e999"), "plan.json");
  EXPECT_EQ(plan.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_HAS(plan.status().message(), "plan.json: malformed JSON: number overflow");
}

// Found by the entities_json and bureau_json seeds: the JSON parser keeps the last of two equal keys, so a
// second "entities" array silently replaced the first, and the entities of the first were dropped.
TEST(JsonReadersTest, RepeatedKeyIsAnErrorNamingTheKeyAndTheObject) {
  QualityReport report;
  absl::StatusOr<Bureau> bureau = ReadBureauJson(
      R"({"entities": [{"id": "A"}, {"id": "B"}], "entities": [{"id": "C"}]})", "bureau.json", {}, &report);
  ASSERT_EQ(bureau.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_HAS(bureau.status().message(), "the key \"entities\" appears twice in the top-level object");

  absl::StatusOr<Directory> directory =
      ReadEntities(R"({"entities": [{"id": "A"}, {"id": "B", "credit": "A", "credit": "D"}]})",
                   TableFormat::kJson, "entities.json");
  ASSERT_EQ(directory.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_HAS(directory.status().message(), "the key \"credit\" appears twice in the object entities[1]");

  // Equal keys in different objects are fine.
  EXPECT_TRUE(ReadEntities(R"([{"id": "A"}, {"id": "B"}])", TableFormat::kJson, "entities.json").ok());
}

// Found by the record-mutation property test (tests/python/test_random_policies.py) in CI: nlohmann's lexer
// takes a NUL byte for the end of the input, so a team record whose final newline was changed to NUL verified
// as the record. A raw NUL is never JSON; every JSON reader refuses it, at its line and character.
TEST(JsonReadersTest, NulByteAnywhereIsASyntaxErrorNotTheEndOfTheInput) {
  const std::string plan = PlanJson("1");
  ASSERT_TRUE(Plan::FromJson(plan, "plan.json").ok());
  for (const std::string& text :
       {plan + std::string(1, '\0'), plan + std::string("\0garbage", 8), std::string(1, '\0') + plan}) {
    absl::StatusOr<Plan> read = Plan::FromJson(text, "plan.json");
    ASSERT_EQ(read.status().code(), absl::StatusCode::kInvalidArgument) << absl::CEscape(text);
    EXPECT_HAS(read.status().message(), "plan.json: malformed JSON: line ");
    EXPECT_HAS(read.status().message(), "a NUL byte (0x00), which JSON writes only as \\u0000");
  }
  absl::StatusOr<Plan> second_line =
      Plan::FromJson(absl::StrCat("\n \"中\"", std::string(1, '\0')), "plan.json");
  EXPECT_HAS(second_line.status().message(), "line 2, character 5: a NUL byte");

  const std::string entities = std::string(R"([{"id": "A"}])") + '\0';
  EXPECT_EQ(ReadEntities(entities, TableFormat::kJson, "entities.json").status().code(),
            absl::StatusCode::kInvalidArgument);

  const std::string holidays =
      R"({"format":"ssrandom-holidays-v1","years":[{"year":2030,"off":[],"work":[]}]})";
  ASSERT_TRUE(WorkingDayCalendar().LoadJson(holidays, "holidays.json").ok());
  absl::Status holidays_nul = WorkingDayCalendar().LoadJson(holidays + '\0', "holidays.json");
  EXPECT_HAS(holidays_nul.message(), "holidays.json: not valid JSON: line 1, character 77: a NUL byte");

  const std::string policy = Policy::Preset("hebei-xinle-2024")->CanonicalJson();
  ASSERT_TRUE(Policy::FromJson(policy, "policy.json").ok());
  std::vector<PolicyProblem> problems = Policy::Check(policy + '\0', "policy.json");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].line, 1);
  EXPECT_EQ(problems[0].column, internal::PositionInText(policy, policy.size()).character);
  EXPECT_HAS(problems[0].message, "the file is not valid JSON: a NUL byte");
}

// Found by columnar_fuzzer (corpus/columnar/day_number_near_int32_max.ssrcol): a day number near INT32_MAX
// in a date column overflowed `day - kBase` in the 16-bit date column (UBSan), and any day beyond
// 9999-12-31 loaded although no date text can spell it. The reader now refuses such a day, naming the record
// and field, and Directory::Add refuses such a date from any source.
TEST(ColumnarReaderTest, DayOutsideTheYearsADateCanSpellIsAnErrorNamingTheRecordAndField) {
  absl::StatusOr<std::string> bytes =
      internal::ReadFile(SSR_SOURCE_DIR "/tests/fuzz/corpus/columnar/day_number_near_int32_max.ssrcol");
  ASSERT_TRUE(bytes.ok()) << bytes.status();
  absl::StatusOr<Directory> read = ReadColumnarEntities(*bytes, "d.ssrcol");
  ASSERT_EQ(read.status().code(), absl::StatusCode::kInvalidArgument) << read.status();
  EXPECT_HAS(read.status().message(), "d.ssrcol: record ");
  EXPECT_HAS(read.status().message(), "_date: day number ");
  EXPECT_HAS(read.status().message(), "is outside 0001-01-01..9999-12-31");

  Entity entity;
  entity.id = "XL-1";
  for (int year : {0, 10000, 2'000'000}) {
    entity.last_penalty_date = absl::CivilDay(year, 1, 1);
    absl::Status added = Directory().Add(entity);
    EXPECT_EQ(added.code(), absl::StatusCode::kInvalidArgument) << year;
    EXPECT_HAS(added.message(), "field last_penalty_date is in the year");
  }
  entity.last_penalty_date = absl::CivilDay(9999, 12, 31);
  entity.supervision_listed_date = absl::CivilDay(1, 1, 1);
  Directory directory;
  ASSERT_TRUE(directory.Add(entity).ok());
  absl::StatusOr<Directory> back = ReadColumnarEntities(ColumnarEntities(directory), "back.ssrcol");
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->Get(0), entity);
}

// Found by capi_fuzzer (corpus/capi/entity_text_not_utf8.bin): text fields took any bytes without a control
// character, so a directory could hold text no JSON output can write. Every text field must be UTF-8.
TEST(DirectoryTextTest, TextThatIsNotUtf8IsRefusedByEveryDirectory) {
  Entity entity;
  entity.id = "XL-1";
  entity.name = kGbkCompany;
  absl::Status added = Directory().Add(entity);
  EXPECT_EQ(added.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_HAS(added.message(), "field name is not UTF-8 text (byte 0xB9 at byte 1)");
  EXPECT_TRUE(IsUtf8(added.message()));
  Inspector inspector;
  inspector.id = "I-1";
  inspector.name = "张\xE4";  // a character cut short
  EXPECT_HAS(InspectorDirectory().Add(inspector).message(), "field name is not UTF-8 text");
}

// Found while sizing inputs for the fuzzers: RestIsLineEndings() scanned to the end of the text at every CR
// and every blank line, so 160,000 of them in a row took 10-13 seconds (a 1 MiB file: minutes).
// No wall-clock limit here (shared machines, sanitizer builds): at 2^20 line endings the quadratic scan is
// ~10^12 steps, hours, which the test's ctest timeout turns into a failure; linear reading takes well
// under a minute even under ASan. benchmarks/csv_benchmark.cc measures the speed.
TEST(CsvReaderTest, LongRunsOfCarriageReturnsAndBlankLinesReadInLinearTime) {
  for (const std::string& text : {absl::StrCat("a\nx", std::string(1 << 20, '\r'), "y\n"),
                                  absl::StrCat("a\n", std::string(1 << 20, '\n'), "y\n")}) {
    internal::CsvReader reader(text, "t.csv");
    ASSERT_TRUE(reader.ReadHeader().ok());
    std::vector<absl::string_view> fields;
    int errors = 0;
    for (;;) {
      absl::StatusOr<bool> more = reader.Next(&fields);
      if (!more.ok()) {
        ++errors;
        continue;
      }
      if (!*more) break;
    }
    EXPECT_GE(errors, 1);
  }
}

// Found while sizing inputs for the fuzzers: messages quoted a bad value with dump(), which recurses, so a
// holiday file of 200,000 nested '[' (400 KB) overflowed the stack.
TEST(HolidayFileTest, DeeplyNestedValueIsAnErrorNotAStackOverflow) {
  const std::string nested = std::string(200000, '[') + std::string(200000, ']');
  WorkingDayCalendar calendar;
  absl::Status loaded = calendar.LoadJson(
      absl::StrCat(R"({"format": "ssrandom-holidays-v1", "years": [{"year": 2027, "off": [)", nested,
                   R"(], "work": []}]})"),
      "holidays.json");
  EXPECT_EQ(loaded.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_HAS(loaded.message(), "field \"off\", value a list: must be a date");
  EXPECT_TRUE(calendar.years().empty());
  loaded = calendar.LoadJson(absl::StrCat(R"({"format": )", nested, "}"), "holidays.json");
  EXPECT_HAS(loaded.message(), "field \"format\", value a list");
}

TEST(HolidayFileTest, LongTextValueIsQuotedShortened) {
  absl::Status loaded = WorkingDayCalendar().LoadJson(
      absl::StrCat(R"({"format": ")", std::string(1000, 'x'), R"(", "years": []})"), "holidays.json");
  EXPECT_HAS(loaded.message(), "xxx…\"");
  EXPECT_LT(loaded.message().size(), 300u);
}

// Found by bureau_json_fuzzer: a bureau saved as JSON into a folder that held an earlier CSV save loaded back
// as the old CSV tables, silently.
TEST(BureauFolderTest, SavingInTheOtherFormatLoadsWhatWasSavedLast) {
  const std::string folder = TempFolder();
  absl::StatusOr<Bureau> first = ReadBureauJson(R"({"name": "甲", "entities": [{"id": "A"}]})", "a.json");
  absl::StatusOr<Bureau> second = ReadBureauJson(R"({"name": "乙", "entities": [{"id": "B"}]})", "b.json");
  ASSERT_TRUE(first.ok() && second.ok());
  ASSERT_TRUE(SaveBureau(*first, folder, TableFormat::kCsv).ok());
  ASSERT_TRUE(SaveBureau(*second, folder, TableFormat::kJson).ok());
  absl::StatusOr<Bureau> loaded = LoadBureau(folder);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(BureauToJson(*loaded), BureauToJson(*second));
  struct stat info;
  EXPECT_NE(::stat((folder + "/entities.csv").c_str(), &info), 0);
}

TEST(BureauFolderTest, TableInBothFormatsIsAnErrorNotAGuess) {
  const std::string folder = TempFolder();
  ASSERT_TRUE(internal::WriteFileAtomic(folder + "/entities.csv", "id\nA\n").ok());
  ASSERT_TRUE(internal::WriteFileAtomic(folder + "/entities.json", R"([{"id": "B"}])").ok());
  absl::StatusOr<Bureau> loaded = LoadBureau(folder);
  ASSERT_EQ(loaded.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_HAS(loaded.status().message(),
             "both entities.csv and entities.json are in the folder; remove the one that is out of "
             "date");
}

// Found by bureau_json_fuzzer: an item whose name held a NUL (written \u0000 in JSON) loaded, but its CSV
// could not be read back. Items, conflicts and exclusions now refuse control characters like the rest.
TEST(BureauCheckTest, ControlCharactersInItemsConflictsAndExclusionsAreErrors) {
  QualityReport report;
  absl::StatusOr<Bureau> bureau = ReadBureauJson(
      R"({"entities": [{"id": "A"}], "inspectors": [{"id": "I", "unit": "u"}, {"id": "J", "unit": "u"}],
          "items": [{"id": "1", "name": "a\u0000b"}],
          "conflicts": [{"inspector_id": "I", "entity_id": "A", "reason": "x\ny"}],
          "pair_exclusions": [{"inspector_a": "I", "inspector_b": "J", "reason": "a\tb"}]})",
      "bureau.json", {}, &report);
  ASSERT_FALSE(bureau.ok());
  std::vector<QualityIssue> errors;
  for (const QualityIssue& issue : report.issues()) {
    if (issue.severity == IssueSeverity::kError) errors.push_back(issue);
  }
  ASSERT_EQ(errors.size(), 3u) << report.ToText();
  EXPECT_EQ(errors[0].source, "items");
  EXPECT_EQ(errors[0].field, "name");
  EXPECT_HAS(errors[0].message, "control character 0x00");
  EXPECT_EQ(errors[1].source, "conflicts");
  EXPECT_EQ(errors[2].source, "pair_exclusions");
}

// Found by bureau_json_fuzzer: a document kept the name's surrounding spaces, name.txt lost them, so the
// same bureau had two names. Both are now trimmed, and name.txt is read like every other file.
TEST(BureauNameTest, NameIsTheSameFromAFolderAndADocument) {
  absl::StatusOr<Bureau> bureau =
      ReadBureauJson(R"({"name": "  新乐 ", "entities": [{"id": "A"}]})", "b.json");
  ASSERT_TRUE(bureau.ok());
  EXPECT_EQ(bureau->name, "新乐");
  const std::string folder = TempFolder();
  ASSERT_TRUE(SaveBureau(*bureau, folder, TableFormat::kCsv).ok());
  ASSERT_TRUE(internal::WriteFileAtomic(folder + "/name.txt", "\xEF\xBB\xBF新乐\r\n").ok());  // Notepad
  absl::StatusOr<Bureau> loaded = LoadBureau(folder);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(loaded->name, "新乐");
}

TEST(BureauNameTest, LeadingZeroWidthNoBreakSpaceIsDroppedFromADocumentAsFromAFile) {
  // bureau_json_fuzzer, corpus/bureau_json/name_with_bom_after_spaces.json: "  \uFEFFded name " kept its
  // U+FEFF from a document, but name.txt written from it lost it as a byte order mark on loading.
  absl::StatusOr<Bureau> bureau =
      ReadBureauJson("{\"name\": \"  \xEF\xBB\xBF ded name \", \"entities\": [{\"id\": \"A\"}]}", "b.json");
  ASSERT_TRUE(bureau.ok()) << bureau.status();
  EXPECT_EQ(bureau->name, "ded name");
  const std::string folder = TempFolder();
  ASSERT_TRUE(SaveBureau(*bureau, folder, TableFormat::kCsv).ok());
  absl::StatusOr<Bureau> loaded = LoadBureau(folder);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(loaded->name, bureau->name);
}

TEST(BureauNameTest, NameThatIsNotOneLineOfUtf8TextIsAnError) {
  const std::string folder = TempFolder();
  ASSERT_TRUE(internal::WriteFileAtomic(folder + "/entities.csv", "id\nA\n").ok());
  ASSERT_TRUE(internal::WriteFileAtomic(folder + "/name.txt", absl::StrCat(kGbkCompany, "\n")).ok());
  absl::StatusOr<Bureau> loaded = LoadBureau(folder);
  EXPECT_HAS(loaded.status().message(), "name.txt");
  EXPECT_HAS(loaded.status().message(), "save it again with the encoding UTF-8");
  ASSERT_TRUE(internal::WriteFileAtomic(folder + "/name.txt", "新乐\n分局\n").ok());
  EXPECT_HAS(LoadBureau(folder).status().message(), "control character 0x0A");
  EXPECT_HAS(ReadBureauJson(R"({"name": 5, "entities": [{"id": "A"}]})", "b.json").status().message(),
             "\"name\" must be the bureau's name as a text, not a JSON number");
}

// A small policy with one condition, for the policy cases below.
std::string PolicyWithKeyCondition(absl::string_view condition_json) {
  return absl::StrCat(R"({"format": "ssrandom-policy/1", "name": "p",
  "classes": {"special": {"conditions": ["verified_complaints >= 3"]},
              "key": {"conditions": [)",
                      condition_json, R"(]},
              "general": {"conditions": ["true"]}},
  "quotas": {"special": {"minimum": "50%"}, "key": {"minimum": "25%"},
             "positive": {"minimum": "100%", "method": "off_site"}, "general": {"minimum": "3%"}}})");
}

TEST(PolicyFileTest, NumberTooLargeForADoubleIsAProblemAtItsLineNotACrash) {
  // policy_fuzzer, seed corpus/policy/number_overflow.json: std::terminate from nlohmann's out_of_range.
  const std::string text = absl::StrCat("{\n  \"format\": \"ssrandom-policy/1\",\n  \"yearly\": 1e999\n}");
  std::vector<PolicyProblem> problems = Policy::Check(text, "p.json");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].line, 3);
  EXPECT_EQ(problems[0].column, 13);
  EXPECT_HAS(problems[0].message, "number overflow");
  absl::StatusOr<Policy> policy = Policy::FromJson(text, "p.json");
  EXPECT_EQ(policy.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_HAS(policy.status().message(), "p.json:3:13: the file is not valid JSON: number overflow");
}

TEST(PolicyFileTest, SyntaxErrorQuotingInvalidUtf8AfterAQuoteIsAUtf8Message) {
  // policy_fuzzer, corpus/policy/syntax_error_last_read_holds_quote.json: nlohmann's "last read: '…'"
  // quoted input holding "'; " and then bytes that are not UTF-8; the snippet was cut at the inner "'; "
  // and the raw bytes stayed in the message.
  std::string text = "{\"a'; b c";
  text += std::string(40, '\xff');
  text += "\": 1}";
  const std::vector<PolicyProblem> problems = Policy::Check(text, "p.json");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_TRUE(absl::StrContains(problems[0].ToString(), "the file is not valid JSON"))
      << problems[0].ToString();
  EXPECT_EQ(internal::FindInvalidUtf8(problems[0].ToString()), problems[0].ToString().size());
  EXPECT_FALSE(absl::StrContains(problems[0].ToString(), "last read")) << problems[0].ToString();
  absl::StatusOr<Policy> policy = Policy::FromJson(text, "p.json");
  ASSERT_FALSE(policy.ok());
  EXPECT_EQ(internal::FindInvalidUtf8(policy.status().message()), policy.status().message().size());
}

TEST(PolicyFileTest, DeeplyNestedValueIsAProblemNotAStackOverflow) {
  // policy_fuzzer: the locator that finds each value's line recursed once per '[' (and built a path per
  // level): 100,000 nested arrays (200 KB) overflowed the stack.
  const std::string deep = absl::StrCat(std::string(100000, '['), std::string(100000, ']'));
  absl::StatusOr<Policy> policy = Policy::FromJson(PolicyWithKeyCondition(deep), "deep.json");
  EXPECT_EQ(policy.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_HAS(policy.status().message(), "classes.key.conditions[0]");
}

TEST(ConditionTest, DeeplyNestedConditionIsAnErrorNotAStackOverflow) {
  // condition_fuzzer: the parser recursed once per '(' and 'not'; 100,000 of them overflowed the stack,
  // from a policy file as well.
  std::string nots;
  for (int i = 0; i < 100000; ++i) nots += "not ";
  const std::pair<std::string, std::string> cases[] = {
      {absl::StrCat(std::string(100000, '('), "key_unit", std::string(100000, ')')), "line 1, column 101:"},
      {nots + "key_unit", "line 1, column 401:"}};
  for (const auto& [text, where] : cases) {
    absl::StatusOr<Condition> condition = Condition::Parse(text, "deep");
    EXPECT_EQ(condition.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_HAS(condition.status().message(), "nests parentheses and 'not' more than 100 deep");
    EXPECT_HAS(condition.status().message(), where);
  }
  absl::StatusOr<Policy> policy =
      Policy::FromJson(PolicyWithKeyCondition(absl::StrCat("\"", std::string(5000, '('), "key_unit",
                                                           std::string(5000, ')'), "\"")),
                       "deep.json");
  EXPECT_HAS(policy.status().message(), "more than 100 deep");
  // 100 levels are fine.
  absl::StatusOr<Condition> limit =
      Condition::Parse(absl::StrCat(std::string(99, '('), "not key_unit", std::string(99, ')')), "limit");
  ASSERT_TRUE(limit.ok()) << limit.status();
  EXPECT_EQ(limit->ToString(), "not key_unit");
}

TEST(ConditionTest, NegationsPrintWithoutParenthesesSoThatThePrintedFormParsesAtTheNestingLimit) {
  // condition_fuzzer, corpus/condition/nested_not_prints_deeper.txt: 63 'not's parsed, but printed as
  // "not (not (…))", 126 levels, which the parser refused: Parse(ToString()) failed.
  std::string nots;
  for (int i = 0; i < 63; ++i) nots += "not ";
  absl::StatusOr<Condition> condition = Condition::Parse(nots + "key_unit", "c");
  ASSERT_TRUE(condition.ok()) << condition.status();
  EXPECT_EQ(condition->ToString(), nots + "key_unit");
  EXPECT_TRUE(Condition::Parse(condition->ToString(), "c").ok());
  EXPECT_EQ(Condition::Parse("not (not key_unit or credit == \"D\")", "c")->ToString(),
            "not (not key_unit or credit == \"D\")");
}

TEST(ConditionTest, ConditionThatIsNotUtf8IsAnErrorWithAUtf8Message) {
  // condition_fuzzer, corpus/condition/error_gbk.txt: a GBK string literal was accepted, never matched the
  // directory's UTF-8 values, and printed (ToString) as text that is not UTF-8.
  absl::StatusOr<Condition> condition =
      Condition::Parse(absl::StrCat("area == \"", kGbkCompany, "\" or key_unit"), "items.csv EE-01");
  EXPECT_EQ(condition.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_HAS(condition.status().message(),
             "items.csv EE-01: line 1, column 10: the condition is not UTF-8 text");
  EXPECT_HAS(condition.status().message(), "byte 0xB9");
  EXPECT_TRUE(IsUtf8(condition.status().message())) << condition.status().message();
}

TEST(SampleBureauTest, SmallGeneratedBureausPassTheirOwnCheck) {
  // Found while writing the C ABI fuzzer's seeds: with fewer inspectors than the sample, the generated
  // bureau kept the sample's pair exclusions naming inspectors it did not have (I-029), so it could not be
  // saved and loaded back (ssr_bureau_generate, `ssrandom sample --inspectors-per-group 1`).
  for (int per_group : {1, 2, 3, 4}) {
    SampleBureauOptions options;
    options.entities = 30;
    options.inspectors_per_group = per_group;
    const Bureau bureau = GenerateBureau(options);
    const QualityReport report = CheckBureau(bureau, std::nullopt);
    EXPECT_EQ(report.error_count(), 0) << per_group << " per group:\n" << report.ToText();
    EXPECT_TRUE(ReadBureauJson(BureauToJson(bureau), "bureau.json").ok()) << per_group;
  }
  EXPECT_EQ(SampleBureau().pair_exclusions.size(), 2u);  // the sample itself keeps both pairs
}

}  // namespace
}  // namespace ssr
