#include "ssrandom/directory.h"

#include <string>

#include "gtest/gtest.h"
#include "ssrandom/entity.h"

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
