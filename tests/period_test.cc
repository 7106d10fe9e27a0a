#include "ssrandom/period.h"

#include <sstream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "gtest/gtest.h"

namespace ssr {
namespace {

TEST(PeriodTest, ParsesAQuarter) {
  absl::StatusOr<Period> period = Period::Parse("2024Q3");
  ASSERT_TRUE(period.ok()) << period.status();
  EXPECT_EQ(period->year(), 2024);
  EXPECT_EQ(period->quarter(), 3);
  EXPECT_TRUE(period->is_quarter());
  EXPECT_EQ(*period, Period::Quarter(2024, 3));
}

TEST(PeriodTest, ParsesALowercaseQuarterAndWritesItUppercase) {
  absl::StatusOr<Period> period = Period::Parse("2025q4");
  ASSERT_TRUE(period.ok()) << period.status();
  EXPECT_EQ(*period, Period::Quarter(2025, 4));
  EXPECT_EQ(period->ToString(), "2025Q4");
}

TEST(PeriodTest, ParsesAYear) {
  absl::StatusOr<Period> period = Period::Parse("2024");
  ASSERT_TRUE(period.ok()) << period.status();
  EXPECT_EQ(period->year(), 2024);
  EXPECT_EQ(period->quarter(), 0);
  EXPECT_FALSE(period->is_quarter());
  EXPECT_EQ(period->ToString(), "2024");
}

TEST(PeriodTest, RejectsAnythingElseNamingTheTextAndTheExpectedForms) {
  for (const char* text :
       {"",         "2024Q0",  "2024Q5",   "2024Q",   "2024QQ", "2024Q12", " 2024Q1", "2024Q1 ",
        "2024-Q1",  "2024 Q1", "Q1 2024",  "Q1",      "24Q1",   "02024",   "202",     "2024H1",
        "2024Q1\n", "2024年",  "二〇二四", "2024-01", "0000",   "0000Q1"}) {
    absl::StatusOr<Period> period = Period::Parse(text);
    EXPECT_EQ(period.status().code(), absl::StatusCode::kInvalidArgument) << "'" << text << "'";
    EXPECT_NE(period.status().message().find(std::string("'") + text + "'"), std::string::npos)
        << period.status();
    EXPECT_NE(period.status().message().find("YYYYQn"), std::string::npos) << period.status();
    EXPECT_NE(period.status().message().find("YYYY "), std::string::npos) << period.status();
  }
}

TEST(PeriodTest, ParseReadsBackWhatToStringWrites) {
  for (int year : {1, 999, 2024, 9999}) {
    for (const Period& period : Period::Year(year).Quarters()) {
      EXPECT_EQ(*Period::Parse(period.ToString()), period);
    }
    EXPECT_EQ(*Period::Parse(Period::Year(year).ToString()), Period::Year(year));
  }
  EXPECT_EQ(Period::Quarter(999, 2).ToString(), "0999Q2");
}

TEST(PeriodTest, QuartersAreCalendarQuarters) {
  EXPECT_EQ(Period::Quarter(2024, 1).first_day(), absl::CivilDay(2024, 1, 1));
  EXPECT_EQ(Period::Quarter(2024, 1).last_day(), absl::CivilDay(2024, 3, 31));
  EXPECT_EQ(Period::Quarter(2024, 2).first_day(), absl::CivilDay(2024, 4, 1));
  EXPECT_EQ(Period::Quarter(2024, 2).last_day(), absl::CivilDay(2024, 6, 30));
  EXPECT_EQ(Period::Quarter(2024, 3).first_day(), absl::CivilDay(2024, 7, 1));
  EXPECT_EQ(Period::Quarter(2024, 3).last_day(), absl::CivilDay(2024, 9, 30));
  EXPECT_EQ(Period::Quarter(2024, 4).first_day(), absl::CivilDay(2024, 10, 1));
  EXPECT_EQ(Period::Quarter(2024, 4).last_day(), absl::CivilDay(2024, 12, 31));
}

TEST(PeriodTest, AYearRunsFromJanuaryFirstToDecemberThirtyFirst) {
  EXPECT_EQ(Period::Year(2025).first_day(), absl::CivilDay(2025, 1, 1));
  EXPECT_EQ(Period::Year(2025).last_day(), absl::CivilDay(2025, 12, 31));
}

TEST(PeriodTest, ContainsIncludesBothEndsAndNothingOutside) {
  Period q1 = Period::Quarter(2024, 1);
  EXPECT_FALSE(q1.Contains(absl::CivilDay(2023, 12, 31)));
  EXPECT_TRUE(q1.Contains(absl::CivilDay(2024, 1, 1)));
  EXPECT_TRUE(q1.Contains(absl::CivilDay(2024, 2, 29)));
  EXPECT_TRUE(q1.Contains(absl::CivilDay(2024, 3, 31)));
  EXPECT_FALSE(q1.Contains(absl::CivilDay(2024, 4, 1)));
  EXPECT_TRUE(Period::Year(2024).Contains(absl::CivilDay(2024, 12, 31)));
  EXPECT_FALSE(Period::Year(2024).Contains(absl::CivilDay(2025, 1, 1)));
}

TEST(PeriodTest, AYearHasFourQuartersThatCoverItExactly) {
  std::vector<Period> quarters = Period::Year(2024).Quarters();
  ASSERT_EQ(quarters.size(), 4u);
  EXPECT_EQ(quarters.front().first_day(), Period::Year(2024).first_day());
  EXPECT_EQ(quarters.back().last_day(), Period::Year(2024).last_day());
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(quarters[i], Period::Quarter(2024, i + 1));
    EXPECT_EQ(quarters[i].YearPeriod(), Period::Year(2024));
    if (i > 0) {
      EXPECT_EQ(quarters[i].first_day(), quarters[i - 1].last_day() + 1);
    }
  }
}

TEST(PeriodTest, AQuarterIsItsOwnOnlyQuarter) {
  EXPECT_EQ(Period::Quarter(2025, 2).Quarters(), std::vector<Period>{Period::Quarter(2025, 2)});
  EXPECT_EQ(Period::Year(2025).YearPeriod(), Period::Year(2025));
}

TEST(PeriodTest, OrdersByYearThenTheYearBeforeItsQuarters) {
  std::vector<Period> ordered = {Period::Year(2024),       Period::Quarter(2024, 1),
                                 Period::Quarter(2024, 2), Period::Quarter(2024, 4),
                                 Period::Year(2025),       Period::Quarter(2025, 1)};
  for (size_t i = 0; i + 1 < ordered.size(); ++i) {
    EXPECT_LT(ordered[i], ordered[i + 1]);
    EXPECT_LE(ordered[i], ordered[i + 1]);
    EXPECT_GT(ordered[i + 1], ordered[i]);
    EXPECT_GE(ordered[i + 1], ordered[i]);
    EXPECT_NE(ordered[i], ordered[i + 1]);
  }
  EXPECT_LE(Period::Year(2024), Period::Year(2024));
}

TEST(PeriodTest, HashesConsistentlyWithEquality) {
  absl::Hash<Period> hash;
  EXPECT_EQ(hash(Period::Quarter(2024, 1)), hash(*Period::Parse("2024q1")));
  EXPECT_EQ(hash(Period::Year(2024)), hash(Period::Quarter(2024, 3).YearPeriod()));
  absl::flat_hash_set<Period> set;
  for (int year : {2024, 2025}) {
    set.insert(Period::Year(year));
    for (const Period& quarter : Period::Year(year).Quarters()) set.insert(quarter);
  }
  set.insert(*Period::Parse("2024q1"));
  set.insert(*Period::Parse("2025"));
  EXPECT_EQ(set.size(), 10u);
  EXPECT_TRUE(set.contains(Period::Quarter(2025, 4)));
  EXPECT_FALSE(set.contains(Period::Quarter(2026, 1)));
}

TEST(PeriodTest, MakeChecksValuesFromUsers) {
  EXPECT_EQ(*Period::Make(2024, 3), Period::Quarter(2024, 3));
  EXPECT_EQ(*Period::Make(2024, 0), Period::Year(2024));
  absl::StatusOr<Period> bad_quarter = Period::Make(2024, 5);
  EXPECT_EQ(bad_quarter.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(bad_quarter.status().message().find("quarter 5 of 2024"), std::string::npos)
      << bad_quarter.status();
  EXPECT_EQ(Period::Make(0, 1).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Period::Make(10000, 1).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Period::Make(2024, -1).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(PeriodDeathTest, QuarterOutsideOneToFourIsAProgrammingError) {
  EXPECT_DEATH(Period::Quarter(2024, 5), "Quarter\\(2024, 5\\)");
  EXPECT_DEATH(Period::Year(0), "Year\\(0\\)");
}

TEST(PeriodTest, StreamsAsItsText) {
  std::ostringstream out;
  out << Period::Quarter(2024, 1) << " " << Period::Year(2024);
  EXPECT_EQ(out.str(), "2024Q1 2024");
}

}  // namespace
}  // namespace ssr
