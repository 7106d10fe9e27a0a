// Bureaus, record builders and quality reports through the C ABI.
#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "capi_test_util.h"
#include "gtest/gtest.h"

namespace {

using ssr_test::Builder;
using ssr_test::Bureau;
using ssr_test::Contains;
using ssr_test::Message;
using ssr_test::Report;
using ssr_test::SourcePath;
using ssr_test::Take;

const char* const kSampleFolder = SSR_SOURCE_DIR "/data/sample_bureau";

std::string Digest(const ssr_bureau* bureau) {
  char digest[SSR_DIGEST_SIZE];
  EXPECT_EQ(ssr_bureau_directory_digest(bureau, digest, sizeof digest), SSR_OK) << Message();
  return digest;
}

std::string Field(const ssr_bureau* bureau, ssr_table kind, size_t index, const char* field) {
  char* value = nullptr;
  EXPECT_EQ(ssr_bureau_get_field(bureau, kind, index, field, &value), SSR_OK) << Message();
  return Take(value);
}

Bureau LoadSample(Report* report = nullptr) {
  ssr_bureau* bureau = nullptr;
  ssr_quality_report* issues = nullptr;
  EXPECT_EQ(ssr_bureau_load(kSampleFolder, "2024-01-01", &bureau, &issues), SSR_OK) << Message();
  if (report != nullptr) {
    report->reset(issues);
  } else {
    ssr_quality_report_destroy(issues);
  }
  return Bureau(bureau);
}

Bureau Empty(const char* name = "test bureau") {
  ssr_bureau* bureau = nullptr;
  EXPECT_EQ(ssr_bureau_create(name, &bureau), SSR_OK) << Message();
  return Bureau(bureau);
}

Builder NewBuilder(ssr_table kind) {
  ssr_row_builder* builder = nullptr;
  EXPECT_EQ(ssr_row_builder_create(kind, &builder), SSR_OK) << Message();
  return Builder(builder);
}

// A fresh folder under the test's temporary directory.
std::string TempFolder(const std::string& name) {
  std::filesystem::path folder = std::filesystem::path(testing::TempDir()) / ("ssr_capi_" + name);
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  return folder.string();
}

void WriteFile(const std::string& path, const std::string& contents) {
  std::ofstream out(path, std::ios::binary);
  out << contents;
}

const std::vector<ssr_table> kAllTables = {
    SSR_TABLE_ENTITIES, SSR_TABLE_INSPECTORS, SSR_TABLE_UNITS,          SSR_TABLE_DEPARTMENTS,
    SSR_TABLE_ITEMS,    SSR_TABLE_CONFLICTS,  SSR_TABLE_PAIR_EXCLUSIONS};
const ssr_table kBadTable = static_cast<ssr_table>(42);

// --- Creating and loading ------------------------------------------------------------------------------

TEST(CapiBureauTest, SampleFolderAndBuiltInSampleAreTheSameBureau) {
  Report report;
  Bureau loaded = LoadSample(&report);
  Bureau sample = ssr_test::SampleBureau();
  EXPECT_EQ(Digest(loaded.get()), Digest(sample.get()));
  EXPECT_STREQ(ssr_bureau_name(loaded.get()), ssr_bureau_name(sample.get()));
  EXPECT_STREQ(ssr_bureau_name(sample.get()), "石家庄市生态环境局新乐市分局（示例）");
  EXPECT_EQ(ssr_bureau_row_count(loaded.get(), SSR_TABLE_ENTITIES), 1500u);
  EXPECT_EQ(ssr_bureau_row_count(loaded.get(), SSR_TABLE_INSPECTORS), 47u);
  EXPECT_EQ(ssr_bureau_row_count(loaded.get(), SSR_TABLE_UNITS), 6u);
  EXPECT_EQ(ssr_bureau_row_count(loaded.get(), SSR_TABLE_DEPARTMENTS), 3u);
  EXPECT_EQ(ssr_bureau_row_count(loaded.get(), SSR_TABLE_ITEMS), 9u);
  EXPECT_EQ(ssr_bureau_row_count(loaded.get(), SSR_TABLE_CONFLICTS), 12u);
  EXPECT_EQ(ssr_bureau_row_count(loaded.get(), SSR_TABLE_PAIR_EXCLUSIONS), 2u);
  for (ssr_table kind : kAllTables) {
    EXPECT_EQ(ssr_bureau_row_count(loaded.get(), kind), ssr_bureau_row_count(sample.get(), kind));
  }
  // The sample's deliberate faults are warnings in the report, not errors.
  EXPECT_EQ(ssr_quality_report_error_count(report.get()), 0);
  EXPECT_GT(ssr_quality_report_warning_count(report.get()), 0);
}

TEST(CapiBureauTest, CreateMakesAnEmptyNamedBureau) {
  Bureau bureau = Empty("某某分局");
  EXPECT_STREQ(ssr_bureau_name(bureau.get()), "某某分局");
  for (ssr_table kind : kAllTables) EXPECT_EQ(ssr_bureau_row_count(bureau.get(), kind), 0u);
  ssr_bureau* unnamed = nullptr;
  ASSERT_EQ(ssr_bureau_create(nullptr, &unnamed), SSR_OK);
  EXPECT_STREQ(ssr_bureau_name(unnamed), "");
  ssr_bureau_destroy(unnamed);
}

TEST(CapiBureauTest, CreateRejectsNullOutAndControlCharacters) {
  EXPECT_EQ(ssr_bureau_create("x", nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(Message(), "ssr_bureau_create: out is NULL");
  ssr_bureau* bureau = reinterpret_cast<ssr_bureau*>(&bureau);  // not NULL, to see it cleared
  EXPECT_EQ(ssr_bureau_create("a\nb", &bureau), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(bureau, nullptr);
  EXPECT_TRUE(Contains(Message(), "control character")) << Message();
  EXPECT_EQ(ssr_bureau_create_sample(nullptr), SSR_INVALID_ARGUMENT);
}

TEST(CapiBureauTest, LoadReportsMissingPathsAndNullArguments) {
  ssr_bureau* bureau = nullptr;
  ssr_quality_report* report = nullptr;
  EXPECT_EQ(ssr_bureau_load("/nonexistent/bureau", nullptr, &bureau, &report), SSR_NOT_FOUND);
  EXPECT_EQ(bureau, nullptr);
  EXPECT_TRUE(Contains(Message(), "/nonexistent/bureau")) << Message();
  ssr_quality_report_destroy(report);
  EXPECT_EQ(ssr_bureau_load(nullptr, nullptr, &bureau, nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_bureau_load(kSampleFolder, nullptr, nullptr, nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_bureau_load(kSampleFolder, "2024/01/01", &bureau, nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "as_of")) << Message();
  // A folder without an entities table.
  std::string folder = TempFolder("no_entities");
  EXPECT_EQ(ssr_bureau_load(folder.c_str(), nullptr, &bureau, nullptr), SSR_NOT_FOUND);
  EXPECT_TRUE(Contains(Message(), "entities.csv")) << Message();
}

TEST(CapiBureauTest, LoadOfBadDataFailsWithEveryErrorInTheReport) {
  std::string folder = TempFolder("bad_data");
  WriteFile(folder + "/entities.csv",
            "id,uscc,permit_class,last_penalty_date\n"
            "A-1,91310110666007217T,key,2024-02-30\n"
            "A-2,,mostly,\n"
            "A-3,,,\n"
            "A-3,,,\n");
  ssr_bureau* bureau = nullptr;
  ssr_quality_report* raw = nullptr;
  ASSERT_EQ(ssr_bureau_load(folder.c_str(), nullptr, &bureau, &raw), SSR_INVALID_ARGUMENT);
  std::string message = Message();
  Report report(raw);
  EXPECT_EQ(bureau, nullptr);
  ASSERT_NE(report, nullptr);
  EXPECT_EQ(ssr_quality_report_error_count(report.get()), 3);
  EXPECT_TRUE(Contains(message, "2024-02-30")) << message;
  EXPECT_TRUE(Contains(message, "3 errors")) << message;
  std::vector<std::string> codes;
  for (size_t i = 0; i < ssr_quality_report_issue_count(report.get()); ++i) {
    codes.push_back(ssr_quality_report_issue_code(report.get(), i));
  }
  EXPECT_NE(std::find(codes.begin(), codes.end(), "invalid_value"), codes.end());
  EXPECT_NE(std::find(codes.begin(), codes.end(), "duplicate_id"), codes.end());
}

TEST(CapiBureauTest, ReadJsonRoundTripsThroughToJson) {
  Bureau sample = ssr_test::SampleBureau();
  char* json = nullptr;
  ASSERT_EQ(ssr_bureau_to_json(sample.get(), &json), SSR_OK) << Message();
  std::string text = Take(json);
  ssr_bureau* back = nullptr;
  ssr_quality_report* report = nullptr;
  ASSERT_EQ(ssr_bureau_read_json(text.data(), text.size(), "sample.json", nullptr, &back, &report), SSR_OK)
      << Message();
  Bureau owned(back);
  ssr_quality_report_destroy(report);
  EXPECT_EQ(Digest(owned.get()), Digest(sample.get()));
  for (ssr_table kind : kAllTables) {
    EXPECT_EQ(ssr_bureau_row_count(owned.get(), kind), ssr_bureau_row_count(sample.get(), kind));
  }
  EXPECT_STREQ(ssr_bureau_name(owned.get()), ssr_bureau_name(sample.get()));
}

TEST(CapiBureauTest, ReadJsonRejectsBadJsonWithItsLine) {
  const std::string text = "{\"name\": \"x\",\n \"entities\": [ {\"id\": \"A\"} \n";
  ssr_bureau* bureau = nullptr;
  ssr_quality_report* raw = nullptr;
  EXPECT_EQ(ssr_bureau_read_json(text.data(), text.size(), nullptr, nullptr, &bureau, &raw),
            SSR_INVALID_ARGUMENT);
  Report report(raw);
  EXPECT_EQ(bureau, nullptr);
  EXPECT_TRUE(Contains(Message(), "bureau.json")) << Message();
  ASSERT_GE(ssr_quality_report_issue_count(report.get()), 1u);
  EXPECT_STREQ(ssr_quality_report_issue_code(report.get(), 0), "malformed_json");
  // Unknown keys, a missing entities array, NULL data.
  const std::string no_entities = "{\"name\": \"x\", \"staff\": []}";
  EXPECT_EQ(ssr_bureau_read_json(no_entities.data(), no_entities.size(), nullptr, nullptr, &bureau, nullptr),
            SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "staff")) << Message();
  EXPECT_EQ(ssr_bureau_read_json(nullptr, 3, nullptr, nullptr, &bureau, nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_bureau_read_json(nullptr, 0, nullptr, nullptr, &bureau, nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_bureau_read_json(text.data(), text.size(), nullptr, "tomorrow", &bureau, nullptr),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_bureau_read_json(text.data(), text.size(), nullptr, nullptr, nullptr, nullptr),
            SSR_INVALID_ARGUMENT);
}

// --- Tables --------------------------------------------------------------------------------------------

TEST(CapiBureauTest, TablesReadFromMemoryMakeTheSameBureauAsTheFolder) {
  Bureau folder = LoadSample();
  Bureau built = Empty();
  ASSERT_EQ(ssr_bureau_set_name(built.get(), ssr_bureau_name(folder.get())), SSR_OK);
  const std::vector<std::pair<ssr_table, const char*>> tables = {
      {SSR_TABLE_UNITS, "units.csv"},
      {SSR_TABLE_DEPARTMENTS, "departments.csv"},
      {SSR_TABLE_ENTITIES, "entities.csv"},
      {SSR_TABLE_INSPECTORS, "inspectors.csv"},
      {SSR_TABLE_ITEMS, "items.csv"},
      {SSR_TABLE_CONFLICTS, "conflicts.csv"},
      {SSR_TABLE_PAIR_EXCLUSIONS, "pair_exclusions.csv"}};
  for (const auto& [kind, file] : tables) {
    std::string text = ssr_test::ReadFile(std::string(kSampleFolder) + "/" + file);
    ssr_quality_report* report = nullptr;
    EXPECT_EQ(
        ssr_bureau_read_table(built.get(), kind, text.data(), text.size(), SSR_FORMAT_CSV, file, &report),
        SSR_OK)
        << file << ": " << Message();
    ssr_quality_report_destroy(report);
  }
  EXPECT_EQ(Digest(built.get()), Digest(folder.get()));
  for (ssr_table kind : kAllTables) {
    EXPECT_EQ(ssr_bureau_row_count(built.get(), kind), ssr_bureau_row_count(folder.get(), kind));
  }
  EXPECT_EQ(ssr_bureau_check(built.get(), "2024-01-01", nullptr), SSR_OK) << Message();
}

TEST(CapiBureauTest, JsonTablesAndChineseHeadersAreAccepted) {
  Bureau bureau = Empty();
  const std::string json =
      "{\"entities\": [{\"id\": \"A-1\", \"key_unit\": true, \"penalties_last_year\": 2, \"tags\": [\"x\", "
      "\"y\"]}]}";
  ASSERT_EQ(ssr_bureau_read_table(bureau.get(), SSR_TABLE_ENTITIES, json.data(), json.size(), SSR_FORMAT_JSON,
                                  nullptr, nullptr),
            SSR_OK)
      << Message();
  const std::string csv =
      "编号,统一社会信用代码,排污许可管理类别,正面清单\nB-1,91310110666007217T,重点管理,是\n";
  ASSERT_EQ(ssr_bureau_read_table(bureau.get(), SSR_TABLE_ENTITIES, csv.data(), csv.size(), SSR_FORMAT_CSV,
                                  nullptr, nullptr),
            SSR_OK)
      << Message();
  EXPECT_EQ(Field(bureau.get(), SSR_TABLE_ENTITIES, 0, "key_unit"), "true");
  EXPECT_EQ(Field(bureau.get(), SSR_TABLE_ENTITIES, 0, "tags"), "x;y");
  EXPECT_EQ(Field(bureau.get(), SSR_TABLE_ENTITIES, 1, "permit_class"), "key");
  EXPECT_EQ(Field(bureau.get(), SSR_TABLE_ENTITIES, 1, "正面清单"), "true");
}

TEST(CapiBureauTest, AFailedTableReadAddsNothing) {
  Bureau bureau = Empty();
  const std::string first = "id\nA-1\nA-2\n";
  ASSERT_EQ(ssr_bureau_read_table(bureau.get(), SSR_TABLE_ENTITIES, first.data(), first.size(),
                                  SSR_FORMAT_CSV, nullptr, nullptr),
            SSR_OK);
  std::string before = Digest(bureau.get());
  // A-3 is fine, A-1 is already in the bureau, and the date is bad: nothing of it is added.
  const std::string second = "id,last_penalty_date\nA-3,\nA-1,\nA-4,2024-13-01\n";
  ssr_quality_report* raw = nullptr;
  EXPECT_EQ(ssr_bureau_read_table(bureau.get(), SSR_TABLE_ENTITIES, second.data(), second.size(),
                                  SSR_FORMAT_CSV, "more.csv", &raw),
            SSR_INVALID_ARGUMENT);
  Report report(raw);
  EXPECT_EQ(ssr_quality_report_error_count(report.get()), 2);
  EXPECT_STREQ(ssr_quality_report_issue_source(report.get(), 0), "more.csv");
  EXPECT_EQ(ssr_bureau_row_count(bureau.get(), SSR_TABLE_ENTITIES), 2u);
  EXPECT_EQ(Digest(bureau.get()), before);
  size_t index = 0;
  EXPECT_EQ(ssr_bureau_find_row(bureau.get(), SSR_TABLE_ENTITIES, "A-3", &index), SSR_NOT_FOUND);
}

TEST(CapiBureauTest, ReadTableRejectsBadArguments) {
  Bureau bureau = Empty();
  const std::string csv = "id\nA-1\n";
  EXPECT_EQ(ssr_bureau_read_table(nullptr, SSR_TABLE_ENTITIES, csv.data(), csv.size(), SSR_FORMAT_CSV,
                                  nullptr, nullptr),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_bureau_read_table(bureau.get(), kBadTable, csv.data(), csv.size(), SSR_FORMAT_CSV, nullptr,
                                  nullptr),
            SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "unknown table 42")) << Message();
  EXPECT_EQ(ssr_bureau_read_table(bureau.get(), SSR_TABLE_ENTITIES, csv.data(), csv.size(),
                                  static_cast<ssr_format>(9), nullptr, nullptr),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(
      ssr_bureau_read_table(bureau.get(), SSR_TABLE_ENTITIES, nullptr, 5, SSR_FORMAT_CSV, nullptr, nullptr),
      SSR_INVALID_ARGUMENT);
  const std::string unknown_column = "id,colour\nA-1,red\n";
  EXPECT_EQ(ssr_bureau_read_table(bureau.get(), SSR_TABLE_ENTITIES, unknown_column.data(),
                                  unknown_column.size(), SSR_FORMAT_CSV, nullptr, nullptr),
            SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "colour")) << Message();
  const std::string bad_json = "[{\"id\": ";
  EXPECT_EQ(ssr_bureau_read_table(bureau.get(), SSR_TABLE_INSPECTORS, bad_json.data(), bad_json.size(),
                                  SSR_FORMAT_JSON, nullptr, nullptr),
            SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "inspectors.json")) << Message();
  for (ssr_table kind : kAllTables) EXPECT_EQ(ssr_bureau_row_count(bureau.get(), kind), 0u);
}

TEST(CapiBureauTest, LoadTableReadsFilesByExtension) {
  Bureau bureau = Empty();
  std::string entities = std::string(kSampleFolder) + "/entities.csv";
  ASSERT_EQ(ssr_bureau_load_table(bureau.get(), SSR_TABLE_ENTITIES, entities.c_str(), nullptr), SSR_OK)
      << Message();
  EXPECT_EQ(ssr_bureau_row_count(bureau.get(), SSR_TABLE_ENTITIES), 1500u);
  Bureau sample = ssr_test::SampleBureau();
  EXPECT_EQ(Digest(bureau.get()), Digest(sample.get()));

  std::string folder = TempFolder("load_table");
  WriteFile(folder + "/units.JSON", "[{\"id\": \"brigade\", \"name\": \"执法大队\"}]");
  WriteFile(folder + "/units.txt", "id\nbrigade\n");
  EXPECT_EQ(ssr_bureau_load_table(bureau.get(), SSR_TABLE_UNITS, (folder + "/units.JSON").c_str(), nullptr),
            SSR_OK)
      << Message();
  EXPECT_EQ(ssr_bureau_load_table(bureau.get(), SSR_TABLE_UNITS, (folder + "/units.txt").c_str(), nullptr),
            SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), ".csv or .json")) << Message();
  EXPECT_EQ(ssr_bureau_load_table(bureau.get(), SSR_TABLE_UNITS, (folder + "/none.csv").c_str(), nullptr),
            SSR_NOT_FOUND);
  EXPECT_EQ(ssr_bureau_load_table(bureau.get(), SSR_TABLE_UNITS, nullptr, nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_bureau_load_table(nullptr, SSR_TABLE_UNITS, entities.c_str(), nullptr), SSR_INVALID_ARGUMENT);
  // The same units again: every id is a duplicate, nothing changes.
  EXPECT_EQ(ssr_bureau_load_table(bureau.get(), SSR_TABLE_UNITS, (folder + "/units.JSON").c_str(), nullptr),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_bureau_row_count(bureau.get(), SSR_TABLE_UNITS), 1u);
}

// --- Names, counts, find, fields -----------------------------------------------------------------------

TEST(CapiBureauTest, SetNameKeepsTheOldNameOnFailure) {
  Bureau bureau = Empty("old");
  EXPECT_EQ(ssr_bureau_set_name(bureau.get(), "new"), SSR_OK);
  EXPECT_STREQ(ssr_bureau_name(bureau.get()), "new");
  EXPECT_EQ(ssr_bureau_set_name(bureau.get(), nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_bureau_set_name(bureau.get(), "tab\there"), SSR_INVALID_ARGUMENT);
  EXPECT_STREQ(ssr_bureau_name(bureau.get()), "new");
  EXPECT_EQ(ssr_bureau_set_name(nullptr, "x"), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_bureau_name(nullptr), nullptr);
  EXPECT_EQ(Message(), "ssr_bureau_name: bureau is NULL");
}

TEST(CapiBureauTest, RecordCountOfNullOrUnknownKindIsZeroWithAMessage) {
  Bureau bureau = ssr_test::SampleBureau();
  EXPECT_EQ(ssr_bureau_row_count(nullptr, SSR_TABLE_ENTITIES), 0u);
  EXPECT_EQ(Message(), "ssr_bureau_row_count: bureau is NULL");
  EXPECT_EQ(ssr_bureau_row_count(bureau.get(), kBadTable), 0u);
  EXPECT_TRUE(Contains(Message(), "unknown table")) << Message();
  EXPECT_EQ(ssr_bureau_row_count(bureau.get(), SSR_TABLE_ENTITIES), 1500u);
  EXPECT_EQ(Message(), "");
}

TEST(CapiBureauTest, FindAndGetFieldReadRecordsBack) {
  Bureau bureau = ssr_test::SampleBureau();
  size_t index = 99;
  ASSERT_EQ(ssr_bureau_find_row(bureau.get(), SSR_TABLE_ENTITIES, "XL-00002", &index), SSR_OK);
  EXPECT_EQ(index, 1u);
  EXPECT_EQ(Field(bureau.get(), SSR_TABLE_ENTITIES, index, "name"), "新乐市华丰塑料制品有限公司");
  EXPECT_EQ(Field(bureau.get(), SSR_TABLE_ENTITIES, index, "统一社会信用代码"), "91130184WDAY0TW2W9");
  EXPECT_EQ(Field(bureau.get(), SSR_TABLE_ENTITIES, index, "EMERGENCY_RISK"), "larger");
  EXPECT_EQ(Field(bureau.get(), SSR_TABLE_ENTITIES, index, "supervision_listed_date"), "");
  ASSERT_EQ(ssr_bureau_find_row(bureau.get(), SSR_TABLE_INSPECTORS, "I-001", &index), SSR_OK);
  EXPECT_EQ(Field(bureau.get(), SSR_TABLE_INSPECTORS, index, "certificate_valid_until"), "2026-12-31");
  ASSERT_EQ(ssr_bureau_find_row(bureau.get(), SSR_TABLE_UNITS, "brigade", &index), SSR_OK);
  EXPECT_EQ(Field(bureau.get(), SSR_TABLE_UNITS, index, "name"), "执法大队");
  ASSERT_EQ(ssr_bureau_find_row(bureau.get(), SSR_TABLE_DEPARTMENTS, "samr", &index), SSR_OK);
  EXPECT_EQ(Field(bureau.get(), SSR_TABLE_DEPARTMENTS, index, "name"), "新乐市市场监督管理局");
  ASSERT_EQ(ssr_bureau_find_row(bureau.get(), SSR_TABLE_ITEMS, "EE-02", &index), SSR_OK);
  EXPECT_EQ(Field(bureau.get(), SSR_TABLE_ITEMS, index, "required_specialty"), "大气");
  EXPECT_EQ(Field(bureau.get(), SSR_TABLE_CONFLICTS, 0, "inspector_id"), "I-015");
  EXPECT_EQ(Field(bureau.get(), SSR_TABLE_PAIR_EXCLUSIONS, 0, "reason"), "夫妻关系");
}

TEST(CapiBureauTest, FindAndGetFieldReportErrors) {
  Bureau bureau = ssr_test::SampleBureau();
  size_t index = 7;
  EXPECT_EQ(ssr_bureau_find_row(bureau.get(), SSR_TABLE_ENTITIES, "XL-99999", &index), SSR_NOT_FOUND);
  EXPECT_TRUE(Contains(Message(), "XL-99999")) << Message();
  EXPECT_EQ(ssr_bureau_find_row(bureau.get(), SSR_TABLE_CONFLICTS, "I-015", &index), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_bureau_find_row(bureau.get(), SSR_TABLE_ITEMS, "EE-99", &index), SSR_NOT_FOUND);
  EXPECT_EQ(ssr_bureau_find_row(bureau.get(), kBadTable, "x", &index), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_bureau_find_row(nullptr, SSR_TABLE_ENTITIES, "x", &index), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_bureau_find_row(bureau.get(), SSR_TABLE_ENTITIES, nullptr, &index), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_bureau_find_row(bureau.get(), SSR_TABLE_ENTITIES, "XL-00001", nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(index, 7u);

  char* value = reinterpret_cast<char*>(&value);
  EXPECT_EQ(ssr_bureau_get_field(bureau.get(), SSR_TABLE_ENTITIES, 0, "colour", &value),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(value, nullptr);
  EXPECT_TRUE(Contains(Message(), "unknown entity field 'colour'")) << Message();
  EXPECT_TRUE(Contains(Message(), "uscc (统一社会信用代码)")) << Message();
  EXPECT_EQ(ssr_bureau_get_field(bureau.get(), SSR_TABLE_ENTITIES, 1500, "id", &value), SSR_OUT_OF_RANGE);
  EXPECT_TRUE(Contains(Message(), "1500")) << Message();
  EXPECT_EQ(ssr_bureau_get_field(bureau.get(), SSR_TABLE_UNITS, 0, nullptr, &value), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_bureau_get_field(bureau.get(), SSR_TABLE_UNITS, 0, "id", nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_bureau_get_field(nullptr, SSR_TABLE_UNITS, 0, "id", &value), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_bureau_get_field(bureau.get(), kBadTable, 0, "id", &value), SSR_INVALID_ARGUMENT);
}

TEST(CapiBureauTest, DigestNeedsABufferOfDigestSize) {
  Bureau bureau = ssr_test::SampleBureau();
  char small[SSR_DIGEST_SIZE - 1];
  std::memset(small, 'x', sizeof small);
  EXPECT_EQ(ssr_bureau_directory_digest(bureau.get(), small, sizeof small), SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "SSR_*_SIZE")) << Message();
  EXPECT_EQ(small[0], 'x');  // untouched
  char digest[SSR_DIGEST_SIZE];
  EXPECT_EQ(ssr_bureau_directory_digest(bureau.get(), nullptr, sizeof digest), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_bureau_directory_digest(nullptr, digest, sizeof digest), SSR_INVALID_ARGUMENT);
  ASSERT_EQ(ssr_bureau_directory_digest(bureau.get(), digest, sizeof digest), SSR_OK);
  EXPECT_EQ(std::strlen(digest), 64u);
  // An empty directory has a digest too, and it differs.
  Bureau empty = Empty();
  EXPECT_NE(Digest(empty.get()), std::string(digest));
}

// --- Record by record ----------------------------------------------------------------------------------

TEST(CapiBureauTest, BureauRebuiltRecordByRecordHasTheSameDigestAndChecksClean) {
  Bureau sample = ssr_test::SampleBureau();
  Bureau rebuilt = Empty();
  ASSERT_EQ(ssr_bureau_set_name(rebuilt.get(), ssr_bureau_name(sample.get())), SSR_OK);
  for (ssr_table kind : kAllTables) {
    Builder builder = NewBuilder(kind);
    size_t fields = ssr_table_field_count(kind);
    ASSERT_GT(fields, 0u);
    for (size_t row = 0; row < ssr_bureau_row_count(sample.get(), kind); ++row) {
      ASSERT_EQ(ssr_row_builder_clear(builder.get()), SSR_OK);
      for (size_t f = 0; f < fields; ++f) {
        const char* name = ssr_table_field_name(kind, f);
        std::string value = Field(sample.get(), kind, row, name);
        ASSERT_EQ(ssr_row_builder_set(builder.get(), name, value.c_str()), SSR_OK)
            << name << ": " << Message();
      }
      ASSERT_EQ(ssr_bureau_add_row(rebuilt.get(), builder.get()), SSR_OK) << Message();
    }
    EXPECT_EQ(ssr_bureau_row_count(rebuilt.get(), kind), ssr_bureau_row_count(sample.get(), kind));
  }
  EXPECT_EQ(Digest(rebuilt.get()), Digest(sample.get()));
  char* a = nullptr;
  char* b = nullptr;
  ASSERT_EQ(ssr_bureau_to_json(rebuilt.get(), &a), SSR_OK);
  ASSERT_EQ(ssr_bureau_to_json(sample.get(), &b), SSR_OK);
  EXPECT_EQ(Take(a), Take(b));
  ssr_quality_report* raw = nullptr;
  EXPECT_EQ(ssr_bureau_check(rebuilt.get(), "2024-01-01", &raw), SSR_OK) << Message();
  Report report(raw);
  EXPECT_EQ(ssr_quality_report_error_count(report.get()), 0);
  EXPECT_GT(ssr_quality_report_warning_count(report.get()), 0);
}

TEST(CapiBureauTest, BuilderAcceptsWhatCsvCellsAccept) {
  Builder builder = NewBuilder(SSR_TABLE_ENTITIES);
  EXPECT_EQ(ssr_row_builder_table(builder.get()), SSR_TABLE_ENTITIES);
  ASSERT_EQ(ssr_row_builder_set(builder.get(), "编号", " XL-1 "), SSR_OK) << Message();
  ASSERT_EQ(ssr_row_builder_set(builder.get(), "PERMIT_CLASS", "简化管理"), SSR_OK) << Message();
  ASSERT_EQ(ssr_row_builder_set(builder.get(), "key_unit", "否"), SSR_OK) << Message();
  ASSERT_EQ(ssr_row_builder_set(builder.get(), "tags", "固废；涉VOCs、 制药"), SSR_OK) << Message();
  ASSERT_EQ(ssr_row_builder_set(builder.get(), "last_penalty_date", "2023-11-30"), SSR_OK) << Message();
  ASSERT_EQ(ssr_row_builder_set(builder.get(), "verified_complaints", "4"), SSR_OK) << Message();
  ASSERT_EQ(ssr_row_builder_set(builder.get(), "status", nullptr), SSR_OK) << Message();
  char* value = nullptr;
  ASSERT_EQ(ssr_row_builder_get(builder.get(), "id", &value), SSR_OK);
  EXPECT_EQ(Take(value), "XL-1");
  ASSERT_EQ(ssr_row_builder_get(builder.get(), "permit_class", &value), SSR_OK);
  EXPECT_EQ(Take(value), "simplified");
  ASSERT_EQ(ssr_row_builder_get(builder.get(), "key_unit", &value), SSR_OK);
  EXPECT_EQ(Take(value), "false");
  ASSERT_EQ(ssr_row_builder_get(builder.get(), "tags", &value), SSR_OK);
  EXPECT_EQ(Take(value), "固废;涉VOCs;制药");
  ASSERT_EQ(ssr_row_builder_get(builder.get(), "positive_list", &value), SSR_OK);
  EXPECT_EQ(Take(value), "");

  Bureau bureau = Empty();
  ASSERT_EQ(ssr_bureau_add_row(bureau.get(), builder.get()), SSR_OK) << Message();
  EXPECT_EQ(Field(bureau.get(), SSR_TABLE_ENTITIES, 0, "verified_complaints"), "4");
  // The same record read from CSV gives the same directory.
  const std::string csv =
      "id,permit_class,key_unit,tags,last_penalty_date,verified_complaints\n"
      "XL-1,simplified,false,固废;涉VOCs;制药,2023-11-30,4\n";
  Bureau from_csv = Empty();
  ASSERT_EQ(ssr_bureau_read_table(from_csv.get(), SSR_TABLE_ENTITIES, csv.data(), csv.size(), SSR_FORMAT_CSV,
                                  nullptr, nullptr),
            SSR_OK);
  EXPECT_EQ(Digest(bureau.get()), Digest(from_csv.get()));
}

TEST(CapiBureauTest, BuilderSetFailureKeepsTheFieldsEarlierValue) {
  Builder builder = NewBuilder(SSR_TABLE_ENTITIES);
  ASSERT_EQ(ssr_row_builder_set(builder.get(), "last_penalty_date", "2024-02-29"), SSR_OK);
  EXPECT_EQ(ssr_row_builder_set(builder.get(), "last_penalty_date", "2025-02-29"), SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "entity field last_penalty_date")) << Message();
  EXPECT_EQ(ssr_row_builder_set(builder.get(), "penalties_last_year", "-1"), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_row_builder_set(builder.get(), "permit_class", "mostly"), SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "mostly")) << Message();
  EXPECT_EQ(ssr_row_builder_set(builder.get(), "key_unit", "perhaps"), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_row_builder_set(builder.get(), "colour", "red"), SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "the fields are id")) << Message();
  EXPECT_EQ(ssr_row_builder_set(builder.get(), nullptr, "x"), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_row_builder_set(nullptr, "id", "x"), SSR_INVALID_ARGUMENT);
  char* value = nullptr;
  ASSERT_EQ(ssr_row_builder_get(builder.get(), "last_penalty_date", &value), SSR_OK);
  EXPECT_EQ(Take(value), "2024-02-29");
  ASSERT_EQ(ssr_row_builder_get(builder.get(), "penalties_last_year", &value), SSR_OK);
  EXPECT_EQ(Take(value), "");
  EXPECT_EQ(ssr_row_builder_get(builder.get(), "colour", &value), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_row_builder_get(builder.get(), "id", nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_row_builder_get(nullptr, "id", &value), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_row_builder_get(builder.get(), nullptr, &value), SSR_INVALID_ARGUMENT);
  // Clearing resets every field.
  ASSERT_EQ(ssr_row_builder_clear(builder.get()), SSR_OK);
  ASSERT_EQ(ssr_row_builder_get(builder.get(), "last_penalty_date", &value), SSR_OK);
  EXPECT_EQ(Take(value), "");
  EXPECT_EQ(ssr_row_builder_clear(nullptr), SSR_INVALID_ARGUMENT);
}

TEST(CapiBureauTest, BuilderCreateAndFieldListsRejectUnknownKinds) {
  ssr_row_builder* builder = nullptr;
  EXPECT_EQ(ssr_row_builder_create(kBadTable, &builder), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(builder, nullptr);
  EXPECT_EQ(ssr_row_builder_create(SSR_TABLE_ENTITIES, nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_row_builder_table(nullptr), -1);
  EXPECT_EQ(ssr_table_field_count(kBadTable), 0u);
  EXPECT_EQ(ssr_table_field_name(kBadTable, 0), nullptr);
  EXPECT_EQ(ssr_table_field_count(SSR_TABLE_ENTITIES), 17u);
  EXPECT_STREQ(ssr_table_field_name(SSR_TABLE_ENTITIES, 0), "id");
  EXPECT_STREQ(ssr_table_field_name(SSR_TABLE_ENTITIES, 16), "tags");
  EXPECT_EQ(ssr_table_field_name(SSR_TABLE_ENTITIES, 17), nullptr);
  EXPECT_EQ(ssr_table_field_count(SSR_TABLE_INSPECTORS), 11u);
  EXPECT_STREQ(ssr_table_field_name(SSR_TABLE_INSPECTORS, 10), "active");
  EXPECT_EQ(ssr_table_field_count(SSR_TABLE_CONFLICTS), 3u);
  // An inspector builder starts active.
  Builder inspector = NewBuilder(SSR_TABLE_INSPECTORS);
  char* value = nullptr;
  ASSERT_EQ(ssr_row_builder_get(inspector.get(), "active", &value), SSR_OK);
  EXPECT_EQ(Take(value), "true");
}

TEST(CapiBureauTest, AFailedAddChangesNothing) {
  Bureau bureau = Empty();
  Builder entity = NewBuilder(SSR_TABLE_ENTITIES);
  // The id is required.
  EXPECT_EQ(ssr_bureau_add_row(bureau.get(), entity.get()), SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "required entity field id")) << Message();
  ASSERT_EQ(ssr_row_builder_set(entity.get(), "id", "A-1"), SSR_OK);
  ASSERT_EQ(ssr_bureau_add_row(bureau.get(), entity.get()), SSR_OK);
  std::string digest = Digest(bureau.get());
  EXPECT_EQ(ssr_bureau_add_row(bureau.get(), entity.get()), SSR_ALREADY_EXISTS);
  EXPECT_TRUE(Contains(Message(), "A-1")) << Message();
  EXPECT_EQ(ssr_bureau_row_count(bureau.get(), SSR_TABLE_ENTITIES), 1u);
  EXPECT_EQ(Digest(bureau.get()), digest);
  // Control characters are refused as on load.
  ASSERT_EQ(ssr_row_builder_set(entity.get(), "id", "A-2"), SSR_OK);
  ASSERT_EQ(ssr_row_builder_set(entity.get(), "name", "line\nbreak"), SSR_OK);
  EXPECT_EQ(ssr_bureau_add_row(bureau.get(), entity.get()), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_bureau_row_count(bureau.get(), SSR_TABLE_ENTITIES), 1u);
  // Duplicate ids of the other kinds.
  for (ssr_table kind : {SSR_TABLE_INSPECTORS, SSR_TABLE_UNITS, SSR_TABLE_DEPARTMENTS, SSR_TABLE_ITEMS}) {
    Builder builder = NewBuilder(kind);
    ASSERT_EQ(ssr_row_builder_set(builder.get(), "id", "X"), SSR_OK);
    ASSERT_EQ(ssr_bureau_add_row(bureau.get(), builder.get()), SSR_OK) << Message();
    EXPECT_EQ(ssr_bureau_add_row(bureau.get(), builder.get()), SSR_ALREADY_EXISTS) << kind;
    EXPECT_EQ(ssr_bureau_row_count(bureau.get(), kind), 1u);
  }
  // Conflicts need both ids.
  Builder conflict = NewBuilder(SSR_TABLE_CONFLICTS);
  ASSERT_EQ(ssr_row_builder_set(conflict.get(), "inspector_id", "X"), SSR_OK);
  EXPECT_EQ(ssr_bureau_add_row(bureau.get(), conflict.get()), SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "entity_id")) << Message();
  EXPECT_EQ(ssr_bureau_row_count(bureau.get(), SSR_TABLE_CONFLICTS), 0u);
  EXPECT_EQ(ssr_bureau_add_row(nullptr, conflict.get()), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_bureau_add_row(bureau.get(), nullptr), SSR_INVALID_ARGUMENT);
}

TEST(CapiBureauTest, CheckFindsReferencesToUnknownRecords) {
  Bureau bureau = Empty();
  Builder entity = NewBuilder(SSR_TABLE_ENTITIES);
  ASSERT_EQ(ssr_row_builder_set(entity.get(), "id", "A-1"), SSR_OK);
  ASSERT_EQ(ssr_row_builder_set(entity.get(), "uscc", "91310110666007217A"), SSR_OK);
  ASSERT_EQ(ssr_bureau_add_row(bureau.get(), entity.get()), SSR_OK);
  Builder conflict = NewBuilder(SSR_TABLE_CONFLICTS);
  ASSERT_EQ(ssr_row_builder_set(conflict.get(), "inspector_id", "I-404"), SSR_OK);
  ASSERT_EQ(ssr_row_builder_set(conflict.get(), "entity_id", "A-1"), SSR_OK);
  ASSERT_EQ(ssr_bureau_add_row(bureau.get(), conflict.get()), SSR_OK);
  ssr_quality_report* raw = nullptr;
  EXPECT_EQ(ssr_bureau_check(bureau.get(), nullptr, &raw), SSR_INVALID_ARGUMENT);
  Report report(raw);
  EXPECT_TRUE(Contains(Message(), "I-404")) << Message();
  EXPECT_EQ(ssr_quality_report_error_count(report.get()), 1);
  EXPECT_EQ(ssr_quality_report_warning_count(report.get()), 1);  // the USCC's check character
  EXPECT_EQ(ssr_bureau_check(bureau.get(), "2024-13-01", nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_bureau_check(nullptr, nullptr, nullptr), SSR_INVALID_ARGUMENT);
}

TEST(CapiBureauTest, SummariesNameTheBureauAndItsCounts) {
  Bureau bureau = ssr_test::SampleBureau();
  char* json = nullptr;
  ASSERT_EQ(ssr_bureau_summary_json(bureau.get(), &json), SSR_OK);
  std::string text = Take(json);
  EXPECT_TRUE(Contains(text, "\"entities\": 1500")) << text.substr(0, 300);
  char* table = nullptr;
  ASSERT_EQ(ssr_bureau_summary_text(bureau.get(), &table), SSR_OK);
  EXPECT_TRUE(Contains(Take(table), "新乐市分局"));
  EXPECT_EQ(ssr_bureau_summary_json(nullptr, &json), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_bureau_summary_json(bureau.get(), nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_bureau_summary_text(nullptr, &table), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_bureau_summary_text(bureau.get(), nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_bureau_to_json(nullptr, &json), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_bureau_to_json(bureau.get(), nullptr), SSR_INVALID_ARGUMENT);
}

// --- Quality reports -----------------------------------------------------------------------------------

TEST(CapiQualityReportTest, IssuesReadThroughAccessorsAndAsJsonAndText) {
  Report report;
  Bureau bureau = LoadSample(&report);
  size_t count = ssr_quality_report_issue_count(report.get());
  ASSERT_GT(count, 0u);
  EXPECT_EQ(static_cast<int64_t>(count),
            ssr_quality_report_error_count(report.get()) + ssr_quality_report_warning_count(report.get()));
  bool saw_uscc = false;
  for (size_t i = 0; i < count; ++i) {
    EXPECT_STREQ(ssr_quality_report_issue_severity(report.get(), i), "warning");
    ASSERT_NE(ssr_quality_report_issue_source(report.get(), i), nullptr);
    ASSERT_NE(ssr_quality_report_issue_record_id(report.get(), i), nullptr);
    ASSERT_NE(ssr_quality_report_issue_field(report.get(), i), nullptr);
    ASSERT_NE(ssr_quality_report_issue_message(report.get(), i), nullptr);
    EXPECT_GE(ssr_quality_report_issue_record(report.get(), i), 0);
    EXPECT_GE(ssr_quality_report_issue_line(report.get(), i), 0);
    if (std::string(ssr_quality_report_issue_code(report.get(), i)) == "invalid_uscc") {
      saw_uscc = true;
      EXPECT_STREQ(ssr_quality_report_issue_field(report.get(), i), "uscc");
      EXPECT_STRNE(ssr_quality_report_issue_record_id(report.get(), i), "");
    }
  }
  EXPECT_TRUE(saw_uscc);
  char* json = nullptr;
  ASSERT_EQ(ssr_quality_report_to_json(report.get(), &json), SSR_OK);
  EXPECT_TRUE(Contains(Take(json), "\"invalid_uscc\""));
  char* text = nullptr;
  ASSERT_EQ(ssr_quality_report_to_text(report.get(), &text), SSR_OK);
  EXPECT_TRUE(Contains(Take(text), "warnings"));
}

TEST(CapiQualityReportTest, AccessorsRejectNullAndIndicesOutOfRange) {
  Report report;
  Bureau bureau = LoadSample(&report);
  size_t count = ssr_quality_report_issue_count(report.get());
  EXPECT_EQ(ssr_quality_report_issue_severity(report.get(), count), nullptr);
  EXPECT_TRUE(Contains(Message(), "out of range")) << Message();
  EXPECT_EQ(ssr_quality_report_issue_source(report.get(), count), nullptr);
  EXPECT_EQ(ssr_quality_report_issue_record_id(report.get(), count), nullptr);
  EXPECT_EQ(ssr_quality_report_issue_field(report.get(), count), nullptr);
  EXPECT_EQ(ssr_quality_report_issue_code(report.get(), count), nullptr);
  EXPECT_EQ(ssr_quality_report_issue_message(report.get(), count), nullptr);
  EXPECT_EQ(ssr_quality_report_issue_record(report.get(), count), -1);
  EXPECT_EQ(ssr_quality_report_issue_line(report.get(), count), -1);
  EXPECT_EQ(ssr_quality_report_issue_count(nullptr), 0u);
  EXPECT_EQ(ssr_quality_report_error_count(nullptr), -1);
  EXPECT_EQ(ssr_quality_report_warning_count(nullptr), -1);
  EXPECT_EQ(ssr_quality_report_issue_code(nullptr, 0), nullptr);
  char* text = nullptr;
  EXPECT_EQ(ssr_quality_report_to_json(nullptr, &text), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_quality_report_to_json(report.get(), nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_quality_report_to_text(nullptr, &text), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_quality_report_to_text(report.get(), nullptr), SSR_INVALID_ARGUMENT);
}

}  // namespace
