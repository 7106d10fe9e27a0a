#include "ssrandom/date.h"

#include <string>

#include "gtest/gtest.h"

namespace ssr {
namespace {

TEST(DateTest, ParsesAnIsoDate) {
  absl::StatusOr<absl::CivilDay> day = ParseDate("2024-10-08");
  ASSERT_TRUE(day.ok()) << day.status();
  EXPECT_EQ(*day, absl::CivilDay(2024, 10, 8));
}

TEST(DateTest, AcceptsTheLeapDayOfALeapYear) {
  EXPECT_EQ(*ParseDate("2024-02-29"), absl::CivilDay(2024, 2, 29));
  EXPECT_EQ(*ParseDate("2000-02-29"), absl::CivilDay(2000, 2, 29));
}

TEST(DateTest, AcceptsTheFirstAndLastSupportedDays) {
  EXPECT_EQ(*ParseDate("0001-01-01"), absl::CivilDay(1, 1, 1));
  EXPECT_EQ(*ParseDate("9999-12-31"), absl::CivilDay(9999, 12, 31));
}

TEST(DateTest, RejectsDaysThatDoNotExistAndSaysHowManyDaysTheMonthHas) {
  for (const char* text :
       {"2024-02-30", "2025-02-29", "1900-02-29", "2024-04-31", "2024-01-32", "2024-01-00"}) {
    absl::StatusOr<absl::CivilDay> day = ParseDate(text);
    EXPECT_EQ(day.status().code(), absl::StatusCode::kInvalidArgument) << text;
    EXPECT_NE(day.status().message().find(text), std::string::npos) << day.status();
  }
  EXPECT_NE(ParseDate("2024-02-30").status().message().find("2024-02 has days 01 to 29"), std::string::npos)
      << ParseDate("2024-02-30").status();
  EXPECT_NE(ParseDate("2025-02-29").status().message().find("2025-02 has days 01 to 28"), std::string::npos);
}

TEST(DateTest, RejectsMonthsOutsideOneToTwelve) {
  for (const char* text : {"2024-13-01", "2024-00-10"}) {
    absl::StatusOr<absl::CivilDay> day = ParseDate(text);
    EXPECT_EQ(day.status().code(), absl::StatusCode::kInvalidArgument) << text;
    EXPECT_NE(day.status().message().find("month must be 01 to 12"), std::string::npos) << day.status();
  }
}

TEST(DateTest, RejectsEveryOtherSpellingOfADate) {
  for (const char* text :
       {"", "2024-1-8", "2024-01-8", "24-01-08", "2024/01/08", "2024.01.08", "20240108", " 2024-01-08",
        "2024-01-08 ", "2024-01-08T00:00", "+2024-01-08", "-2024-01-08", "2024-0a-08", "2024年01月08日",
        "\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x94-01-08" /* full-width digits */, "10000-01-01"}) {
    absl::StatusOr<absl::CivilDay> day = ParseDate(text);
    EXPECT_EQ(day.status().code(), absl::StatusCode::kInvalidArgument) << "'" << text << "'";
    EXPECT_NE(day.status().message().find("YYYY-MM-DD"), std::string::npos) << day.status();
  }
}

TEST(DateTest, RejectsYearZero) {
  absl::StatusOr<absl::CivilDay> day = ParseDate("0000-01-01");
  EXPECT_EQ(day.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(day.status().message().find("no year 0000"), std::string::npos) << day.status();
}

TEST(DateTest, FormatsWithZeroPaddingAndReadsBack) {
  EXPECT_EQ(FormatDate(absl::CivilDay(2024, 1, 8)), "2024-01-08");
  EXPECT_EQ(FormatDate(absl::CivilDay(987, 6, 5)), "0987-06-05");
  for (absl::CivilDay day = absl::CivilDay(2023, 12, 1); day <= absl::CivilDay(2025, 1, 31); ++day) {
    ASSERT_EQ(*ParseDate(FormatDate(day)), day);
  }
}

}  // namespace
}  // namespace ssr
