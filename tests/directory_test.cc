#include "ssrandom/directory.h"

#include <cstdio>
#include <string>
#include <vector>

#include "directory/entity_columns.h"
#include "gtest/gtest.h"
#include "ssrandom/bureau_io.h"
#include "ssrandom/columnar.h"
#include "ssrandom/entity.h"
#include "ssrandom/sample_bureau.h"

namespace ssr {
namespace {

Entity MakeEntity(std::string id) {
  Entity e;
  e.id = std::move(id);
  e.uscc = "91310110666007217T";
  e.name = "新乐市恒瑞化工有限公司";
  e.area = "杜固";
  e.industry = "2614";
  e.permit_class = PermitClass::kKey;
  e.key_unit = true;
  e.positive_list = false;
  e.credit = "B";
  e.env_credit = "C";
  e.penalties_last_year = 1;
  e.last_penalty_date = absl::CivilDay(2023, 6, 30);
  e.supervision_listed_date = absl::CivilDay(2023, 9, 1);
  e.verified_complaints = 4;
  e.emergency_risk = EmergencyRisk::kLarger;
  e.status = EntityStatus::kActive;
  e.tags = {"化工", "固废"};
  return e;
}

TEST(DirectoryTest, RowReadsBackExactlyAsAdded) {
  Directory directory;
  Entity e = MakeEntity("XL-00001");
  ASSERT_TRUE(directory.Add(e).ok());
  ASSERT_EQ(directory.size(), 1u);
  EXPECT_EQ(directory.Get(0), e);
  EXPECT_EQ(directory.area(0), "杜固");
  EXPECT_EQ(directory.permit_class(0), PermitClass::kKey);
  EXPECT_EQ(directory.key_unit(0), std::optional<bool>(true));
}

// A draw asks whether the digest is known before it starts a thread to compute it: known once computed,
// kept by a copy, forgotten by an Add, and never computed by the asking.
TEST(DirectoryTest, TheDigestIsKnownOnceComputedUntilTheNextAdd) {
  Directory directory;
  ASSERT_TRUE(directory.Add(MakeEntity("A")).ok());
  EXPECT_EQ(directory.KnownCanonicalDigest(), std::nullopt);
  EXPECT_EQ(directory.KnownCanonicalDigest(), std::nullopt);  // asking did not compute it
  const std::string digest = directory.CanonicalDigest();
  EXPECT_EQ(directory.KnownCanonicalDigest(), std::optional<std::string>(digest));
  const Directory copy = directory;
  EXPECT_EQ(copy.KnownCanonicalDigest(), std::optional<std::string>(digest));
  ASSERT_TRUE(directory.Add(MakeEntity("B")).ok());
  EXPECT_EQ(directory.KnownCanonicalDigest(), std::nullopt);
  EXPECT_NE(directory.CanonicalDigest(), digest);
}

TEST(DirectoryTest, UnknownValuesStayUnknown) {
  Directory directory;
  Entity e;
  e.id = "bare";
  ASSERT_TRUE(directory.Add(e).ok());
  Entity back = directory.Get(0);
  EXPECT_EQ(back, e);
  EXPECT_FALSE(back.positive_list.has_value());
  EXPECT_FALSE(back.penalties_last_year.has_value());
  EXPECT_EQ(back.permit_class, PermitClass::kUnknown);
}

TEST(DirectoryTest, DuplicateIdIsRejectedAndChangesNothing) {
  Directory directory;
  ASSERT_TRUE(directory.Add(MakeEntity("A")).ok());
  Entity again = MakeEntity("A");
  again.area = "新区域";
  absl::Status status = directory.Add(again);
  EXPECT_EQ(status.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_NE(status.message().find("'A'"), std::string::npos);
  EXPECT_EQ(directory.size(), 1u);
  EXPECT_EQ(directory.Areas(), std::vector<std::string>{"杜固"});
}

TEST(DirectoryTest, EmptyIdAndControlCharactersAreRejected) {
  Directory directory;
  EXPECT_EQ(directory.Add(MakeEntity("")).code(), absl::StatusCode::kInvalidArgument);
  Entity tabbed = MakeEntity("B");
  tabbed.name = "bad\tname";
  absl::Status status = directory.Add(tabbed);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("name"), std::string::npos);
  EXPECT_EQ(directory.size(), 0u);
}

TEST(DirectoryTest, NegativeCountsAreRejected) {
  Directory directory;
  Entity e = MakeEntity("C");
  e.penalties_last_year = -1;
  EXPECT_EQ(directory.Add(e).code(), absl::StatusCode::kInvalidArgument);
}

TEST(DirectoryTest, TagsAreASet) {
  Directory directory;
  Entity e = MakeEntity("D");
  e.tags = {"固废", "化工", "固废"};
  ASSERT_TRUE(directory.Add(e).ok());
  EXPECT_EQ(directory.Get(0).tags, (std::vector<std::string>{"固废", "化工"}));
}

TEST(DirectoryTest, FindLocatesEveryRowAfterManyAdds) {
  Directory directory;
  for (int i = 0; i < 5000; ++i) ASSERT_TRUE(directory.Add(MakeEntity("E-" + std::to_string(i))).ok());
  for (int i = 0; i < 5000; i += 97) EXPECT_EQ(directory.Find("E-" + std::to_string(i)), size_t(i));
  EXPECT_FALSE(directory.Find("E-5000").has_value());
}

TEST(DirectoryTest, CopiesAreIndependentAndMovedFromIsEmpty) {
  Directory original;
  ASSERT_TRUE(original.Add(MakeEntity("X")).ok());
  Directory copy = original;
  ASSERT_TRUE(copy.Add(MakeEntity("Y")).ok());
  EXPECT_EQ(original.size(), 1u);
  EXPECT_EQ(copy.Find("Y"), size_t(1));
  EXPECT_EQ(copy.Find("X"), size_t(0));
  Directory moved = std::move(copy);
  EXPECT_EQ(moved.size(), 2u);
  EXPECT_EQ(copy.size(), 0u);  // NOLINT(bugprone-use-after-move): documented to be empty
  EXPECT_TRUE(copy.Add(MakeEntity("X")).ok());
}

TEST(DirectoryTest, DrawFieldsStayCompact) {
  // The draw reads id, area, class inputs and credit: the columns must stay within 64 bytes per entity
  // beyond the id text itself, names and USCCs excluded.
  Directory directory;
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    Entity e = MakeEntity("XL-" + std::to_string(100000 + i));
    e.name.clear();
    e.uscc.clear();
    ASSERT_TRUE(directory.Add(e).ok());
  }
  directory.ShrinkToFit();
  double per_entity = static_cast<double>(directory.ResidentBytes()) / n;
  // Id text (9 bytes) and the name and USCC offsets (8 bytes) are not draw fields.
  EXPECT_LE(per_entity - 9 - 8, 64.0);
}

// Issue 9's target is a 10^7-entity directory in at most 1 GiB (107 bytes per entity). The generated bureau
// (the realistic mix of `ssrandom generate`) at 10^5 entities, loaded from the columnar form and from CSV,
// must stay within 95 bytes per entity (94.3 measured): at 10^7 its ids are 2 bytes longer (XL-1234567)
// and the rest scales linearly, so this keeps 10^7 under ~97 B (docs/PERFORMANCE.md). The breakdown is
// printed so a failure shows which column grew.
TEST(DirectoryTest, GeneratedBureauStaysWithinTheMemoryBudget) {
  constexpr int64_t n = 100000;
  constexpr double kBudget = 95.0;
  SampleBureauOptions options;
  options.entities = n;
  const Bureau bureau = GenerateBureau(options);
  absl::StatusOr<Directory> columnar = ReadColumnarEntities(ColumnarEntities(bureau.entities), "test.ssrcol");
  ASSERT_TRUE(columnar.ok()) << columnar.status();
  absl::StatusOr<Directory> csv = ReadEntities(EntitiesToCsv(bureau.entities), TableFormat::kCsv, "test.csv");
  ASSERT_TRUE(csv.ok()) << csv.status();
  for (const auto& [how, directory] : {std::pair<const char*, const Directory*>{"columnar", &*columnar},
                                       {"CSV", &*csv},
                                       {"generated", &bureau.entities}}) {
    ASSERT_EQ(directory->size(), static_cast<size_t>(n));
    size_t parts = 0;
    for (const auto& [part, bytes] : directory->columns().ResidentBreakdown()) {
      std::printf("%-10s %-45s %6.2f B/entity\n", how, part, static_cast<double>(bytes) / n);
      parts += bytes;
    }
    const double per_entity = static_cast<double>(directory->ResidentBytes()) / n;
    std::printf("%-10s %-45s %6.2f B/entity\n", how, "total (ResidentBytes)", per_entity);
    EXPECT_GE(directory->ResidentBytes(), parts);
    EXPECT_LE(per_entity, kBudget) << how;
  }
  EXPECT_EQ(columnar->CanonicalDigest(), bureau.entities.CanonicalDigest());
  EXPECT_EQ(csv->CanonicalDigest(), bureau.entities.CanonicalDigest());
}

// The compact storage has fallbacks that the generated bureau never reaches: USCCs that are not 18 bytes
// (unknown, odd, or 18 bytes of Chinese text), text blocks over 64 KiB (a long name), dates outside
// 1900..2079, many distinct tag sets. Every value must read back exactly, through Get, the columnar form
// and a copy, and the digest must not depend on the path.
TEST(DirectoryTest, CompactStorageFallbacksReadBackExactly) {
  std::vector<Entity> rows;
  const std::vector<std::string> usccs = {
      "", "91130184MA0X", "91130184MA0XXXXXXXX", "一二三四五六", "91310110666007217T", "1"};
  for (int i = 0; i < 300; ++i) {
    Entity e = MakeEntity("R-" + std::to_string(i));
    e.uscc = usccs[i % usccs.size()];
    if (i == 40) e.name = std::string(70000, 'n');  // pushes its block of names past 64 KiB
    if (i == 41) e.id = std::string(66000, 'i');    // and a block of ids
    if (i % 7 == 0) e.last_penalty_date = absl::CivilDay(1899, 12, 31);
    if (i % 11 == 0) e.supervision_listed_date = absl::CivilDay(2079, 6, 6);
    if (i % 13 == 0) e.last_penalty_date.reset();
    e.tags = {"t" + std::to_string(i % 37), "固废"};
    if (i % 5 == 0) e.tags.clear();
    rows.push_back(e);
  }
  Directory directory;
  for (const Entity& e : rows) ASSERT_TRUE(directory.Add(e).ok()) << e.id;
  directory.ShrinkToFit();
  absl::StatusOr<Directory> loaded = ReadColumnarEntities(ColumnarEntities(directory), "fallbacks.ssrcol");
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  const Directory copy = directory;
  for (const Directory* d : std::vector<const Directory*>{&directory, &*loaded, &copy}) {
    ASSERT_EQ(d->size(), rows.size());
    for (size_t row = 0; row < rows.size(); ++row) {
      EXPECT_EQ(d->Get(row), rows[row]) << row;
      EXPECT_EQ(d->uscc(row), rows[row].uscc) << row;
      EXPECT_EQ(d->Find(rows[row].id), row);
    }
    EXPECT_FALSE(d->Find("R-300").has_value());
    EXPECT_EQ(d->CanonicalDigest(), directory.CanonicalDigest());
  }
  EXPECT_EQ(ColumnarEntities(*loaded), ColumnarEntities(directory));
  EXPECT_EQ(EntitiesToCsv(*loaded), EntitiesToCsv(directory));
}

// The dates kept in 16 bits are offsets from 1900-01-01; the bound in entity_columns.h must be that day.
TEST(DirectoryTest, NarrowDatesStartAt1900) {
  EXPECT_EQ(internal::DayColumn::kBase, internal::DayNumber(absl::CivilDay(1900, 1, 1)));
  internal::DayColumn days;
  days.push_back(internal::DayNumber(absl::CivilDay(1900, 1, 1)));
  days.push_back(internal::kNoDate);
  days.push_back(internal::DayNumber(absl::CivilDay(2079, 6, 5)));
  EXPECT_FALSE(days.wide());
  days.push_back(internal::DayNumber(absl::CivilDay(2079, 6, 6)));
  EXPECT_TRUE(days.wide());
  EXPECT_EQ(days[0], internal::DayNumber(absl::CivilDay(1900, 1, 1)));
  EXPECT_EQ(days[1], internal::kNoDate);
  EXPECT_EQ(days[2], internal::DayNumber(absl::CivilDay(2079, 6, 5)));
  EXPECT_EQ(days[3], internal::DayNumber(absl::CivilDay(2079, 6, 6)));
}

TEST(DirectoryTest, SmallNumbersWidenPastSixteenBits) {
  internal::SmallNumberColumn numbers;
  numbers.push_back(0);
  numbers.push_back(65535);
  EXPECT_LE(numbers.ResidentBytes(), 2 * sizeof(uint32_t));
  numbers.push_back(65536);
  numbers.push_back(UINT32_MAX);
  ASSERT_EQ(numbers.size(), 4u);
  EXPECT_EQ(numbers[0], 0u);
  EXPECT_EQ(numbers[1], 65535u);
  EXPECT_EQ(numbers[2], 65536u);
  EXPECT_EQ(numbers[3], UINT32_MAX);
}

TEST(EntityTest, EnumsParseEnglishAndChinese) {
  EXPECT_EQ(*ParsePermitClass("重点管理"), PermitClass::kKey);
  EXPECT_EQ(*ParsePermitClass("Simplified"), PermitClass::kSimplified);
  EXPECT_EQ(*ParsePermitClass(""), PermitClass::kUnknown);
  EXPECT_EQ(*ParseEntityStatus("长期停产"), EntityStatus::kLongStopped);
  EXPECT_EQ(*ParseEmergencyRisk("重大"), EmergencyRisk::kMajor);
  absl::StatusOr<PermitClass> bad = ParsePermitClass("特级");
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("特级"), std::string::npos);
  EXPECT_NE(bad.status().message().find("重点管理"), std::string::npos);
}

TEST(EntityTest, FlagsAcceptYesNoInBothLanguages) {
  EXPECT_EQ(*ParseFlag("是"), std::optional<bool>(true));
  EXPECT_EQ(*ParseFlag("否"), std::optional<bool>(false));
  EXPECT_EQ(*ParseFlag("TRUE"), std::optional<bool>(true));
  EXPECT_EQ(*ParseFlag(" "), std::optional<bool>());
  EXPECT_FALSE(ParseFlag("maybe").ok());
}

}  // namespace
}  // namespace ssr
