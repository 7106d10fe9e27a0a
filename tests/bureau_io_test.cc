#include "ssrandom/bureau_io.h"

#include <algorithm>
#include <cstdlib>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "io/file.h"
#include "io/record_schema.h"
#include "io/table_io.h"
#include "ssrandom/digest.h"
#include "ssrandom/sample_bureau.h"

namespace ssr {
namespace {

constexpr char kHeader[] =
    "id,uscc,name,area,permit_class,key_unit,positive_list,credit,penalties_last_year,status,tags\n";

absl::StatusOr<Directory> ReadCsv(const std::string& text, QualityReport* report = nullptr) {
  return ReadEntities(text, TableFormat::kCsv, "entities.csv", report);
}

std::string TempFolder() {
  std::string pattern = ::testing::TempDir() + "ssr_bureau_io_XXXXXX";
  EXPECT_NE(::mkdtemp(pattern.data()), nullptr);
  return pattern;
}

// What reading a table hands on: the report, and the records delivered in order (a duplicate id refused as
// the directory refuses it).
struct TableRead {
  std::string report;
  std::vector<std::string> delivered;
};

TableRead ReadEntityTable(const std::string& text, int threads) {
  QualityReport report;
  TableRead read;
  std::set<std::string> seen;
  internal::ReadCsvTable<Entity>(
      text, "entities.csv", internal::EntitySchema(), &report,
      [&](Entity&& entity, const internal::RecordOrigin&) {
        if (!seen.insert(entity.id).second) return absl::AlreadyExistsError("duplicate id " + entity.id);
        read.delivered.push_back(entity.id + "|" + entity.name + "|" + entity.uscc);
        return absl::OkStatus();
      },
      threads);
  read.report = report.ToJson();
  return read;
}

// A large table is read on a second thread while the rows read before are delivered: the report (its
// issues in row order) and the delivered rows are those of reading on one thread, with faults spread over
// many batches, and when the error limit stops the reading part way.
TEST(BureauIoTest, ALargeTableReadOnTwoThreadsGivesTheReportAndRecordsOfOne) {
  SampleBureauOptions options;
  options.entities = 6000;
  const std::string clean = EntitiesToCsv(GenerateBureau(options).entities);
  ASSERT_GT(clean.size(), size_t{1} << 18) << "too small for the second thread";
  std::vector<std::string> lines = absl::StrSplit(clean, '\n');
  const auto faulty = [&](size_t every) {
    std::vector<std::string> edited = lines;
    for (size_t i = 7; i + 1 < edited.size(); i += every) {
      switch ((i / every) % 4) {
        case 0:
          edited[i] = edited[i - 1];  // a duplicate id
          break;
        case 1:
          edited[i] += ",extra";  // a field too many
          break;
        case 2:
          absl::StrReplaceAll({{",registration,", ",permitted,"}, {",simplified,", ",permitted,"}},
                              &edited[i]);
          break;
        default:
          edited[i].insert(3, "\"");  // a quote inside an unquoted field
          break;
      }
    }
    return absl::StrJoin(edited, "\n");
  };
  for (size_t every : {size_t{97}, size_t{9}}) {  // ~60 errors; then past the limit of 200
    const std::string text = faulty(every);
    const TableRead one = ReadEntityTable(text, 1), two = ReadEntityTable(text, 2);
    EXPECT_EQ(two.report, one.report) << "faults every " << every << " rows";
    EXPECT_EQ(two.delivered, one.delivered) << "faults every " << every << " rows";
    EXPECT_GT(one.delivered.size(), 1000u);
    EXPECT_TRUE(absl::StrContains(one.report, "duplicate_id"));
    EXPECT_TRUE(absl::StrContains(one.report, "malformed_csv"));
    EXPECT_TRUE(absl::StrContains(one.report, "invalid_value"));
    if (every == 9) {
      EXPECT_TRUE(absl::StrContains(one.report, absl::StrCat("\"errors\": ", internal::kMaxReportedErrors)))
          << one.report.substr(0, 80);
    }
  }
  EXPECT_EQ(ReadEntityTable(clean, 2).delivered, ReadEntityTable(clean, 1).delivered);
}

// Records read back from a table through a sink that takes each one (moves from it, as an inspector
// directory does) or copies it (as an entity directory does).
template <typename Record>
std::vector<Record> ReadBack(const std::string& text, const internal::RecordSchema<Record>& schema,
                             int threads, bool take) {
  QualityReport report;
  std::vector<Record> records;
  const bool ok = internal::ReadCsvTable<Record>(
      text, "table.csv", schema, &report,
      [&](Record&& record, const internal::RecordOrigin&) {
        if (take) {
          records.push_back(std::move(record));
        } else {
          records.push_back(record);
        }
        return absl::OkStatus();
      },
      threads);
  EXPECT_TRUE(ok) << report.ToJson().substr(0, 400);
  return records;
}

// An entity whose every field varies from row to row: long texts then short or empty ones, several tags
// then none, dates and counts then none.
Entity VariedEntity(int i) {
  Entity e;
  e.id = absl::StrCat("E", i);
  e.uscc = i % 5 == 0 ? "" : absl::StrCat("91130181MA", 10000000 + i);
  e.name = absl::StrCat(std::string(static_cast<size_t>(i % 7) * 9, 'n'), "公司", i);
  e.area = i % 3 == 0 ? "" : (i % 3 == 1 ? "杜固" : "承安镇开发区管理委员会");
  e.industry = i % 2 == 0 ? "" : "C2614";
  e.permit_class = static_cast<PermitClass>(i % 5);
  if (i % 3 != 0) e.key_unit = i % 2 == 0;
  if (i % 4 != 0) e.positive_list = i % 3 == 0;
  e.credit = i % 6 == 0 ? "" : std::string(1, "ABCD"[i % 4]);
  e.env_credit = i % 4 == 1 ? "B" : "";
  if (i % 4 != 0) e.penalties_last_year = i % 13;
  if (i % 3 == 1) e.last_penalty_date = absl::CivilDay(2023, 1 + i % 12, 1 + i % 28);
  if (i % 5 == 2) e.supervision_listed_date = absl::CivilDay(2022, 1 + i % 12, 1 + i % 28);
  if (i % 2 == 1) e.verified_complaints = i % 7;
  e.emergency_risk = static_cast<EmergencyRisk>(i % 4);
  e.status = static_cast<EntityStatus>(i % 7);
  const std::vector<std::string> tags = {"固废", "危废", "涉VOCs", std::string(40, 't')};
  e.tags.assign(tags.begin(), tags.begin() + i % 5);
  return e;
}

Inspector VariedInspector(int i) {
  Inspector inspector;
  inspector.id = absl::StrCat("I", i);
  inspector.name = i % 4 == 0 ? "" : absl::StrCat(std::string(static_cast<size_t>(i % 5) * 11, 'm'), i);
  inspector.certificate_number = i % 3 == 0 ? "" : absl::StrCat("13010020", 1000000 + i);
  if (i % 3 != 2) inspector.certificate_valid_from = absl::CivilDay(2020, 1 + i % 12, 1 + i % 28);
  if (i % 4 != 3) inspector.certificate_valid_until = absl::CivilDay(2027, 1 + i % 12, 1 + i % 28);
  inspector.unit = i % 2 == 0 ? "" : "monitoring-station";
  inspector.department = i % 5 == 0 ? "market-supervision-bureau" : "";
  inspector.area_group = i % 3 == 1 ? "杜固" : "";
  const std::vector<std::string> specialties = {"固废", "辐射", std::string(30, 's')};
  inspector.specialties.assign(specialties.begin(), specialties.begin() + i % 4);
  if (i % 2 == 0) inspector.max_load = i % 9;
  inspector.active = i % 6 != 0;
  return inspector;
}

// Each row is read into a record of a batch already delivered, which keeps the strings of rows read long
// before: every field of every row still reads back as written, on one thread and on two, whether the sink
// takes the record or copies it, and through a header without some columns (their fields keep the
// record's defaults).
TEST(BureauIoTest, EveryFieldOfEveryRowOfALargeTableReadsBackAsWritten) {
  std::vector<Entity> entities;
  std::vector<Inspector> inspectors;
  for (int i = 0; i < 9000; ++i) {
    entities.push_back(VariedEntity(i));
    inspectors.push_back(VariedInspector(i));
  }
  const std::string entity_csv = internal::WriteCsvTable(internal::EntitySchema(), entities);
  const std::string inspector_csv = internal::WriteCsvTable(internal::InspectorSchema(), inspectors);
  ASSERT_GT(inspector_csv.size(), size_t{1} << 18) << "too small for the second thread";
  for (const auto& [threads, take] : {std::pair{1, false}, {2, false}, {1, true}, {2, true}}) {
    SCOPED_TRACE(absl::StrCat(threads, " threads, ", take ? "taking" : "copying", " each record"));
    const std::vector<Entity> entities_read = ReadBack(entity_csv, internal::EntitySchema(), threads, take);
    ASSERT_EQ(entities_read.size(), entities.size());
    for (size_t i = 0; i < entities.size(); ++i) ASSERT_EQ(entities_read[i], entities[i]) << i;
    const std::vector<Inspector> inspectors_read =
        ReadBack(inspector_csv, internal::InspectorSchema(), threads, take);
    ASSERT_EQ(inspectors_read.size(), inspectors.size());
    for (size_t i = 0; i < inspectors.size(); ++i) ASSERT_EQ(inspectors_read[i], inspectors[i]) << i;

    // Only id, name and tags: every other field is the default, row after row.
    std::string partial = "id,name,tags\n";
    for (const Entity& e : entities)
      absl::StrAppend(&partial, e.id, ",", e.name, ",", absl::StrJoin(e.tags, ";"), "\n");
    const std::vector<Entity> partial_read = ReadBack(partial, internal::EntitySchema(), threads, take);
    ASSERT_EQ(partial_read.size(), entities.size());
    for (size_t i = 0; i < entities.size(); ++i) {
      Entity expected;
      expected.id = entities[i].id;
      expected.name = entities[i].name;
      expected.tags = entities[i].tags;
      ASSERT_EQ(partial_read[i], expected) << i;
    }
  }
}

// List fields (tags, a result's team) are split on ";", "；", "、" and "|", each piece trimmed, empty
// pieces dropped.
TEST(BureauIoTest, ListFieldsSplitOnEverySeparatorAndTrimThePieces) {
  using internal::SplitList;
  EXPECT_EQ(SplitList(""), std::vector<std::string>{});
  EXPECT_EQ(SplitList(" ; ;|"), std::vector<std::string>{});
  EXPECT_EQ(SplitList("固废"), std::vector<std::string>{"固废"});
  EXPECT_EQ(SplitList("固废;危废"), (std::vector<std::string>{"固废", "危废"}));
  EXPECT_EQ(SplitList(" 化工 ；涉VOCs、 土壤|辐射 ; "),
            (std::vector<std::string>{"化工", "涉VOCs", "土壤", "辐射"}));
  EXPECT_EQ(SplitList("a;;b||c、、d；；e"), (std::vector<std::string>{"a", "b", "c", "d", "e"}));
  // Text around a multi-byte separator's bytes is kept whole: "；" is EF BC 9B, "、" E3 80 81.
  EXPECT_EQ(SplitList("\xEF\xBC;\x9B"), (std::vector<std::string>{"\xEF\xBC", "\x9B"}));
  EXPECT_EQ(SplitList("I-3、I-4"), (std::vector<std::string>{"I-3", "I-4"}));
}

TEST(EntitiesCsvTest, ReadsEnglishHeadersAndTypedValues) {
  auto directory = ReadCsv(
      absl::StrCat(kHeader, "XL-1,91310110666007217T,甲公司,杜固,key,是,false,B,2,active,固废;化工\n"));
  ASSERT_TRUE(directory.ok()) << directory.status();
  Entity e = directory->Get(0);
  EXPECT_EQ(e.area, "杜固");
  EXPECT_EQ(e.permit_class, PermitClass::kKey);
  EXPECT_EQ(e.key_unit, std::optional<bool>(true));
  EXPECT_EQ(e.positive_list, std::optional<bool>(false));
  EXPECT_EQ(e.penalties_last_year, std::optional<int32_t>(2));
  EXPECT_EQ(e.tags, (std::vector<std::string>{"固废", "化工"}));
}

TEST(EntitiesCsvTest, ChineseHeadersBomAndCrlfAreAccepted) {
  std::string text =
      "\xEF\xBB\xBF编号,统一社会信用代码,单位名称,所属区域,排污许可管理类别,正面清单,信用等级\r\n"
      "XL-1,91310110666007217T,甲公司,杜固,重点管理,否,A\r\n"
      "XL-2,91310115591693856A,乙公司,承安,简化管理,是,C\r\n";
  auto directory = ReadCsv(text);
  ASSERT_TRUE(directory.ok()) << directory.status();
  ASSERT_EQ(directory->size(), 2u);
  EXPECT_EQ(directory->permit_class(1), PermitClass::kSimplified);
  EXPECT_EQ(directory->positive_list(1), std::optional<bool>(true));
  EXPECT_EQ(directory->credit(0), "A");
}

TEST(EntitiesCsvTest, QuotedFieldsKeepCommasAndQuotes) {
  std::string text = "id,name,area\nXL-1,\"某某, \"\"新乐\"\"分公司\",杜固\nXL-2,,承安\n";
  auto directory = ReadCsv(text);
  ASSERT_TRUE(directory.ok()) << directory.status();
  EXPECT_EQ(directory->name(0), "某某, \"新乐\"分公司");
  EXPECT_EQ(directory->name(1), "");
}

TEST(EntitiesCsvTest, LineBreakInsideAQuotedNameIsReportedNotKept) {
  // The CSV layer reads the embedded newline; the directory refuses control characters in its fields, so the
  // clerk is told exactly where, and the records after it still line up.
  QualityReport report;
  auto directory =
      ReadCsv("id,name,area\nXL-1,\"新乐市\n某某公司\",杜固\nXL-2,乙,承安\nXL-3,丙,x,y\n", &report);
  ASSERT_FALSE(directory.ok());
  ASSERT_EQ(report.error_count(), 2) << report.ToText();
  EXPECT_EQ(report.issues()[0].record, 1);
  EXPECT_EQ(report.issues()[0].record_id, "XL-1");
  EXPECT_TRUE(absl::StrContains(report.issues()[0].message, "control character 0x0A"));
  EXPECT_EQ(report.issues()[1].record, 3);
  EXPECT_EQ(report.issues()[1].line, 5);
}

TEST(EntitiesCsvTest, EmptyFieldsAreUnknown) {
  auto directory = ReadCsv(absl::StrCat(kHeader, "XL-1,,,,,,,,,,\n"));
  ASSERT_TRUE(directory.ok()) << directory.status();
  Entity e = directory->Get(0);
  EXPECT_EQ(e.permit_class, PermitClass::kUnknown);
  EXPECT_FALSE(e.key_unit.has_value());
  EXPECT_FALSE(e.penalties_last_year.has_value());
  EXPECT_TRUE(e.tags.empty());
}

TEST(EntitiesCsvTest, WrongColumnCountNamesTheRecordAndLine) {
  QualityReport report;
  auto directory = ReadCsv("id,name,area\nXL-1,甲,杜固\nXL-2,乙\n", &report);
  ASSERT_FALSE(directory.ok());
  EXPECT_EQ(directory.status().code(), absl::StatusCode::kInvalidArgument);
  ASSERT_EQ(report.error_count(), 1);
  EXPECT_EQ(report.issues()[0].record, 2);
  EXPECT_EQ(report.issues()[0].line, 3);
  EXPECT_EQ(report.issues()[0].code, "malformed_csv");
}

TEST(EntitiesCsvTest, EveryBadRecordIsReportedInOnePass) {
  QualityReport report;
  std::string text = absl::StrCat("id,permit_class,penalties_last_year\n", "XL-1,key,1\n", "XL-2,特级,0\n",
                                  "XL-3,key,many\n", "XL-1,simplified,0\n", "XL-5,key\n", "XL-6,none,0\n");
  auto directory = ReadCsv(text, &report);
  ASSERT_FALSE(directory.ok());
  ASSERT_EQ(report.error_count(), 4) << report.ToText();
  const auto& issues = report.issues();
  EXPECT_EQ(issues[0].record, 2);
  EXPECT_EQ(issues[0].field, "permit_class");
  EXPECT_TRUE(absl::StrContains(issues[0].message, "特级"));
  EXPECT_EQ(issues[1].record, 3);
  EXPECT_EQ(issues[1].field, "penalties_last_year");
  EXPECT_EQ(issues[2].record, 4);
  EXPECT_EQ(issues[2].code, "duplicate_id");
  EXPECT_EQ(issues[2].record_id, "XL-1");
  EXPECT_EQ(issues[3].record, 5);
  // The status lists the errors for the caller who has no report.
  EXPECT_TRUE(
      absl::StrContains(directory.status().message(), "entities.csv record 4 (line 5, id XL-1), field id"));
}

TEST(EntitiesCsvTest, UnknownColumnIsAnErrorListingTheAcceptedOnes) {
  QualityReport report;
  auto directory = ReadCsv("id,name,legal_person\nXL-1,甲,张三\n", &report);
  ASSERT_FALSE(directory.ok());
  ASSERT_EQ(report.error_count(), 1);
  EXPECT_EQ(report.issues()[0].code, "unknown_column");
  EXPECT_EQ(report.issues()[0].field, "legal_person");
  EXPECT_TRUE(absl::StrContains(report.issues()[0].message, "统一社会信用代码"));
}

TEST(EntitiesCsvTest, MissingIdColumnAndRepeatedColumnsAreErrors) {
  QualityReport report;
  EXPECT_FALSE(ReadCsv("name,area\n甲,杜固\n", &report).ok());
  EXPECT_EQ(report.issues()[0].code, "missing_column");
  QualityReport repeated;
  EXPECT_FALSE(ReadCsv("id,name,单位名称\nXL-1,甲,甲\n", &repeated).ok());
  EXPECT_EQ(repeated.issues()[0].code, "duplicate_column");
}

TEST(EntitiesCsvTest, EmptyIdIsAMissingValue) {
  QualityReport report;
  EXPECT_FALSE(ReadCsv("id,name\n,甲\n", &report).ok());
  EXPECT_EQ(report.issues()[0].code, "missing_value");
  EXPECT_EQ(report.issues()[0].record, 1);
}

TEST(EntitiesJsonTest, ReadsArraysAndTypedValues) {
  std::string text = R"({"entities": [
      {"id": "XL-1", "统一社会信用代码": "91310110666007217T", "key_unit": true, "penalties_last_year": 1,
       "tags": ["固废", "化工"], "industry": 2614, "last_penalty_date": "2023-06-30"},
      {"id": "XL-2", "positive_list": null}]})";
  auto directory = ReadEntities(text, TableFormat::kJson, "entities.json");
  ASSERT_TRUE(directory.ok()) << directory.status();
  Entity e = directory->Get(0);
  EXPECT_EQ(e.industry, "2614");
  EXPECT_EQ(e.tags.size(), 2u);
  EXPECT_EQ(e.last_penalty_date, absl::CivilDay(2023, 6, 30));
  EXPECT_FALSE(directory->Get(1).positive_list.has_value());
}

TEST(EntitiesJsonTest, ErrorsNameTheRecordAndField) {
  QualityReport report;
  auto directory =
      ReadEntities(R"([{"id": "A"}, {"id": "B", "last_penalty_date": "2023-02-30"}, {"id": {}}])",
                   TableFormat::kJson, "entities.json", &report);
  ASSERT_FALSE(directory.ok());
  ASSERT_EQ(report.error_count(), 2) << report.ToText();
  EXPECT_EQ(report.issues()[0].record, 2);
  EXPECT_EQ(report.issues()[0].field, "last_penalty_date");
  EXPECT_EQ(report.issues()[1].record, 3);
}

TEST(EntitiesJsonTest, MalformedJsonNamesLineAndColumn) {
  QualityReport report;
  EXPECT_FALSE(ReadEntities("[{\"id\": \"A\",\n }", TableFormat::kJson, "entities.json", &report).ok());
  EXPECT_EQ(report.issues()[0].code, "malformed_json");
  EXPECT_TRUE(absl::StrContains(report.issues()[0].message, "line 2"));
}

TEST(EntitiesRoundTripTest, CsvAndJsonWritersReadBackIdentically) {
  Bureau sample = SampleBureau();
  std::string csv = EntitiesToCsv(sample.entities);
  auto from_csv = ReadCsv(csv);
  ASSERT_TRUE(from_csv.ok()) << from_csv.status();
  auto from_json = ReadEntities(EntitiesToJson(sample.entities), TableFormat::kJson, "entities.json");
  ASSERT_TRUE(from_json.ok()) << from_json.status();
  ASSERT_EQ(from_csv->size(), sample.entities.size());
  for (size_t i = 0; i < sample.entities.size(); ++i) {
    ASSERT_EQ(from_csv->Get(i), sample.entities.Get(i)) << i;
    ASSERT_EQ(from_json->Get(i), sample.entities.Get(i)) << i;
  }
  EXPECT_EQ(EntitiesToCsv(*from_csv), csv);
}

TEST(DirectoryDigestTest, IndependentOfRowOrderAndFormat) {
  Bureau sample = SampleBureau();
  Directory reversed;
  for (size_t i = sample.entities.size(); i-- > 0;) ASSERT_TRUE(reversed.Add(sample.entities.Get(i)).ok());
  EXPECT_EQ(reversed.CanonicalDigest(), sample.entities.CanonicalDigest());
  auto from_json = ReadEntities(EntitiesToJson(sample.entities), TableFormat::kJson, "entities.json");
  EXPECT_EQ(from_json->CanonicalDigest(), sample.entities.CanonicalDigest());
  EXPECT_EQ(sample.entities.CanonicalDigest().size(), 64u);
}

TEST(DirectoryDigestTest, TagOrderDoesNotMatterButEveryFieldDoes) {
  Entity a;
  a.id = "XL-1";
  a.tags = {"化工", "固废"};
  Directory one, two, three;
  ASSERT_TRUE(one.Add(a).ok());
  std::reverse(a.tags.begin(), a.tags.end());
  ASSERT_TRUE(two.Add(a).ok());
  a.credit = "A";
  ASSERT_TRUE(three.Add(a).ok());
  EXPECT_EQ(one.CanonicalDigest(), two.CanonicalDigest());
  EXPECT_NE(one.CanonicalDigest(), three.CanonicalDigest());
}

TEST(BureauCheckTest, InvalidUsccIsAWarningNamingTheEntity) {
  Bureau bureau;
  Entity e;
  e.id = "XL-9";
  e.uscc = "91310110666007217A";
  ASSERT_TRUE(bureau.entities.Add(e).ok());
  QualityReport report = CheckBureau(bureau, std::nullopt);
  ASSERT_EQ(report.warning_count(), 1);
  EXPECT_EQ(report.error_count(), 0);
  EXPECT_EQ(report.issues()[0].record_id, "XL-9");
  EXPECT_EQ(report.issues()[0].code, "invalid_uscc");
}

TEST(BureauCheckTest, ConflictsNamingUnknownIdsAreErrors) {
  Bureau bureau = SampleBureau();
  bureau.conflicts.push_back({"I-999", "XL-99999", "测试"});
  QualityReport report = CheckBureau(bureau, absl::CivilDay(2024, 1, 1));
  int unknown = 0;
  for (const QualityIssue& issue : report.issues()) unknown += issue.code == "unknown_reference";
  EXPECT_EQ(unknown, 2) << report.ToText();
}

TEST(SampleBureauTest, IsDeterministicAndLooksLikeTheCounty) {
  Bureau a = SampleBureau();
  Bureau b = SampleBureau();
  EXPECT_EQ(a.entities.CanonicalDigest(), b.entities.CanonicalDigest());
  EXPECT_EQ(BureauToJson(a), BureauToJson(b));
  EXPECT_EQ(a.entities.size(), 1500u);
  EXPECT_GE(a.staff.size(), 35u);
  EXPECT_LE(a.staff.size(), 50u);
  std::vector<std::string> areas = a.entities.Areas();
  std::sort(areas.begin(), areas.end());
  std::vector<std::string> expected = {"三产", "市区", "开发区", "承安", "杜固", "正莫", "邯邰"};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(areas, expected);
}

TEST(SampleBureauTest, QualityReportShowsTheDeliberateFaultsOnly) {
  Bureau sample = SampleBureau();
  QualityReport report = CheckBureau(sample, absl::CivilDay(2024, 4, 1));
  EXPECT_EQ(report.error_count(), 0) << report.ToText();
  int bad_uscc = 0, duplicate_uscc = 0, expired = 0, missing = 0;
  for (const QualityIssue& issue : report.issues()) {
    bad_uscc += issue.code == "invalid_uscc";
    duplicate_uscc += issue.code == "duplicate_uscc";
    expired += issue.code == "expired_certificate";
    missing += issue.code == "missing_certificate";
  }
  EXPECT_EQ(bad_uscc, 3);
  EXPECT_EQ(duplicate_uscc, 1);
  EXPECT_EQ(expired, 1);
  EXPECT_EQ(missing, 1);
}

TEST(BureauFolderTest, SavedFolderLoadsBackIdentically) {
  Bureau sample = SampleBureau();
  for (TableFormat format : {TableFormat::kCsv, TableFormat::kJson}) {
    std::string folder = TempFolder();
    ASSERT_TRUE(SaveBureau(sample, folder, format).ok());
    QualityReport report;
    auto loaded = LoadBureau(folder, {absl::CivilDay(2024, 1, 1)}, &report);
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    EXPECT_EQ(BureauToJson(*loaded), BureauToJson(sample));
    EXPECT_EQ(report.error_count(), 0);
    EXPECT_GT(report.warning_count(), 0);
  }
}

TEST(BureauFolderTest, BureauJsonDocumentLoadsBackIdentically) {
  Bureau sample = SampleBureau();
  auto loaded = ReadBureauJson(BureauToJson(sample), "bureau.json");
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(BureauToJson(*loaded), BureauToJson(sample));
}

TEST(BureauFolderTest, CommittedSampleDataMatchesTheGenerator) {
  auto loaded = LoadBureau(std::string(SSR_SOURCE_DIR) + "/data/sample_bureau");
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(BureauToJson(*loaded), BureauToJson(SampleBureau()))
      << "regenerate with: ssrandom sample --out data/sample_bureau";
}

TEST(BureauFolderTest, MissingFolderAndMissingEntitiesAreNotFound) {
  EXPECT_EQ(LoadBureau("/nonexistent/bureau").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(LoadBureau(TempFolder()).status().code(), absl::StatusCode::kNotFound);
}

TEST(BureauTablesTest, TablesInMemoryLoadLikeTheSavedFolder) {
  Bureau sample = SampleBureau();
  std::vector<std::string> texts;
  for (const char* table : kBureauTables) {
    auto text = BureauTableText(sample, table, TableFormat::kCsv);
    ASSERT_TRUE(text.ok()) << text.status();
    texts.push_back(*std::move(text));
  }
  std::vector<TableText> tables;
  for (size_t i = 0; i < texts.size(); ++i) {
    tables.push_back({kBureauTables[i], texts[i], TableFormat::kCsv, kBureauTables[i]});
  }
  QualityReport report;
  auto loaded = ReadBureauTables(sample.name, tables, {absl::CivilDay(2024, 1, 1)}, &report);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(BureauToJson(*loaded), BureauToJson(sample));
  EXPECT_GT(report.warning_count(), 0);
}

TEST(BureauTablesTest, ChineseHeadersAndEveryValidationApply) {
  const std::string entities =
      "编号,统一社会信用代码,排污许可管理类别\nXL-1,91310110666007217T,重点管理\nXL-2,,特级\nXL-1,,\n";
  QualityReport report;
  auto loaded =
      ReadBureauTables("b", {{"entities", entities, TableFormat::kCsv, "<DataFrame entities>"}}, {}, &report);
  ASSERT_FALSE(loaded.ok());
  EXPECT_TRUE(absl::StrContains(loaded.status().message(), "<DataFrame entities>")) << loaded.status();
  EXPECT_EQ(report.error_count(), 2);  // the repeated id and the unknown permit class
}

TEST(BureauTablesTest, EntitiesAreRequiredAndTablesAreNamedOnce) {
  const std::string csv = "id\nXL-1\n";
  EXPECT_EQ(ReadBureauTables("b", {}).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ReadBureauTables("b", {{"entity", csv, TableFormat::kCsv, "x"}}).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ReadBureauTables(
                "b", {{"entities", csv, TableFormat::kCsv, "a"}, {"entities", csv, TableFormat::kCsv, "b"}})
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
  auto only = ReadBureauTables("b", {{"entities", csv, TableFormat::kCsv, "a"}});
  ASSERT_TRUE(only.ok()) << only.status();
  EXPECT_EQ(only->name, "b");
  EXPECT_EQ(only->entities.size(), 1u);
}

TEST(BureauTablesTest, UnknownTableTextIsInvalid) {
  EXPECT_EQ(BureauTableText(SampleBureau(), "staff", TableFormat::kJson).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(BureauFolderTest, FailedLoadReportsCrossReferenceErrors) {
  std::string folder = TempFolder();
  ASSERT_TRUE(internal::WriteFileAtomic(folder + "/entities.csv", "id\nXL-1\n").ok());
  ASSERT_TRUE(internal::WriteFileAtomic(folder + "/inspectors.csv", "id,unit\nI-1,brigade\n").ok());
  ASSERT_TRUE(
      internal::WriteFileAtomic(folder + "/conflicts.csv", "inspector_id,entity_id\nI-1,XL-2\n").ok());
  QualityReport report;
  auto loaded = LoadBureau(folder, {}, &report);
  ASSERT_FALSE(loaded.ok());
  EXPECT_TRUE(absl::StrContains(loaded.status().message(), "XL-2")) << loaded.status();
}

}  // namespace
}  // namespace ssr
