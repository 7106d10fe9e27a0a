#include "ssrandom/calendar.h"

#include <climits>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "ssrandom/date.h"
#include "ssrandom/period.h"

namespace ssr {
namespace {

using absl::CivilDay;

// Every expected value below was counted by hand from RULES.md §8; the comments show the count.

bool Working(const WorkingDayCalendar& calendar, CivilDay day) {
  absl::StatusOr<bool> working = calendar.IsWorkingDay(day);
  EXPECT_TRUE(working.ok()) << working.status();
  return working.ok() && *working;
}

CivilDay Add(const WorkingDayCalendar& calendar, CivilDay from, int n) {
  absl::StatusOr<CivilDay> day = calendar.AddWorkingDays(from, n);
  EXPECT_TRUE(day.ok()) << day.status();
  return day.ok() ? *day : CivilDay();
}

bool Contains(const absl::Status& status, absl::string_view text) {
  return status.message().find(text) != absl::string_view::npos;
}

// --- The built-in schedules
// ----------------------------------------------------------------------------------

TEST(CalendarTest, BuiltInHasTheYearsTheLibraryShips) {
  EXPECT_EQ(WorkingDayCalendar::BuiltIn().years(), (std::vector<int>{2024, 2025, 2026}));
  EXPECT_FALSE(WorkingDayCalendar::BuiltIn().allow_provisional());
}

TEST(CalendarTest, MakeUpSundayIsAWorkingDay) {
  EXPECT_EQ(absl::GetWeekday(CivilDay(2024, 2, 4)), absl::Weekday::sunday);
  EXPECT_TRUE(Working(WorkingDayCalendar::BuiltIn(), CivilDay(2024, 2, 4)));
}

TEST(CalendarTest, MakeUpSaturdayIsAWorkingDay) {
  EXPECT_EQ(absl::GetWeekday(CivilDay(2024, 9, 14)), absl::Weekday::saturday);
  EXPECT_TRUE(Working(WorkingDayCalendar::BuiltIn(), CivilDay(2024, 9, 14)));
}

TEST(CalendarTest, EveryMakeUpWorkingDayIsAWeekendDayThatIsWorked) {
  const std::vector<CivilDay> make_up = {
      // 2024
      CivilDay(2024, 2, 4), CivilDay(2024, 2, 18), CivilDay(2024, 4, 7), CivilDay(2024, 4, 28),
      CivilDay(2024, 5, 11), CivilDay(2024, 9, 14), CivilDay(2024, 9, 29), CivilDay(2024, 10, 12),
      // 2025
      CivilDay(2025, 1, 26), CivilDay(2025, 2, 8), CivilDay(2025, 4, 27), CivilDay(2025, 9, 28),
      CivilDay(2025, 10, 11),
      // 2026
      CivilDay(2026, 1, 4), CivilDay(2026, 2, 14), CivilDay(2026, 2, 28), CivilDay(2026, 5, 9),
      CivilDay(2026, 9, 20), CivilDay(2026, 10, 10)};
  for (CivilDay day : make_up) {
    absl::Weekday weekday = absl::GetWeekday(day);
    EXPECT_TRUE(weekday == absl::Weekday::saturday || weekday == absl::Weekday::sunday) << day;
    EXPECT_TRUE(Working(WorkingDayCalendar::BuiltIn(), day)) << day;
  }
}

TEST(CalendarTest, EveryHolidayIsOff) {
  struct Range {
    CivilDay first;
    CivilDay last;
  };
  const std::vector<Range> off = {
      {CivilDay(2024, 1, 1), CivilDay(2024, 1, 1)},   {CivilDay(2024, 2, 10), CivilDay(2024, 2, 17)},
      {CivilDay(2024, 4, 4), CivilDay(2024, 4, 6)},   {CivilDay(2024, 5, 1), CivilDay(2024, 5, 5)},
      {CivilDay(2024, 6, 10), CivilDay(2024, 6, 10)}, {CivilDay(2024, 9, 15), CivilDay(2024, 9, 17)},
      {CivilDay(2024, 10, 1), CivilDay(2024, 10, 7)}, {CivilDay(2025, 1, 1), CivilDay(2025, 1, 1)},
      {CivilDay(2025, 1, 28), CivilDay(2025, 2, 4)},  {CivilDay(2025, 4, 4), CivilDay(2025, 4, 6)},
      {CivilDay(2025, 5, 1), CivilDay(2025, 5, 5)},   {CivilDay(2025, 5, 31), CivilDay(2025, 6, 2)},
      {CivilDay(2025, 10, 1), CivilDay(2025, 10, 8)}, {CivilDay(2026, 1, 1), CivilDay(2026, 1, 3)},
      {CivilDay(2026, 2, 15), CivilDay(2026, 2, 23)}, {CivilDay(2026, 4, 4), CivilDay(2026, 4, 6)},
      {CivilDay(2026, 5, 1), CivilDay(2026, 5, 5)},   {CivilDay(2026, 6, 19), CivilDay(2026, 6, 21)},
      {CivilDay(2026, 9, 25), CivilDay(2026, 9, 27)}, {CivilDay(2026, 10, 1), CivilDay(2026, 10, 7)}};
  for (const Range& range : off) {
    for (CivilDay day = range.first; day <= range.last; ++day) {
      EXPECT_FALSE(Working(WorkingDayCalendar::BuiltIn(), day)) << day;
    }
  }
}

TEST(CalendarTest, NationalDay2024IsOffOnWeekdays) {
  // 2024-10-01 is a Tuesday; 10-01..10-07 are all off, 10-08 (Tuesday) is the first working day after.
  for (CivilDay day = CivilDay(2024, 10, 1); day <= CivilDay(2024, 10, 7); ++day) {
    EXPECT_FALSE(Working(WorkingDayCalendar::BuiltIn(), day)) << day;
  }
  EXPECT_TRUE(Working(WorkingDayCalendar::BuiltIn(), CivilDay(2024, 10, 8)));
}

TEST(CalendarTest, SpringFestival2025IsOff) {
  for (CivilDay day = CivilDay(2025, 1, 28); day <= CivilDay(2025, 2, 4); ++day) {
    EXPECT_FALSE(Working(WorkingDayCalendar::BuiltIn(), day)) << day;
  }
}

TEST(CalendarTest, NationalDay2025LastsEightDays) {
  for (CivilDay day = CivilDay(2025, 10, 1); day <= CivilDay(2025, 10, 8); ++day) {
    EXPECT_FALSE(Working(WorkingDayCalendar::BuiltIn(), day)) << day;
  }
  EXPECT_TRUE(Working(WorkingDayCalendar::BuiltIn(), CivilDay(2025, 10, 9)));
}

TEST(CalendarTest, OrdinaryWeekendsAreOffAndOrdinaryWeekdaysAreWorked) {
  const WorkingDayCalendar& calendar = WorkingDayCalendar::BuiltIn();
  EXPECT_FALSE(Working(calendar, CivilDay(2024, 3, 2)));   // Saturday
  EXPECT_FALSE(Working(calendar, CivilDay(2024, 3, 3)));   // Sunday
  EXPECT_TRUE(Working(calendar, CivilDay(2024, 3, 4)));    // Monday
  EXPECT_FALSE(Working(calendar, CivilDay(2025, 9, 27)));  // Saturday before the make-up Sunday 09-28
  EXPECT_FALSE(Working(calendar, CivilDay(2026, 7, 11)));  // Saturday
  EXPECT_TRUE(Working(calendar, CivilDay(2026, 7, 10)));   // Friday
}

TEST(CalendarTest, EachYearHasTheWorkingDaysItsScheduleGives) {
  // 2024: 262 weekdays - 19 weekday holidays + 8 make-up days; 2025: 261 - 18 + 5; 2026: 261 - 19 + 6.
  EXPECT_EQ(*WorkingDayCalendar::BuiltIn().WorkingDaysIn(Period::Year(2024)), 251);
  EXPECT_EQ(*WorkingDayCalendar::BuiltIn().WorkingDaysIn(Period::Year(2025)), 248);
  EXPECT_EQ(*WorkingDayCalendar::BuiltIn().WorkingDaysIn(Period::Year(2026)), 248);
}

TEST(CalendarTest, QuarterWorkingDaysAddUpToTheYear) {
  // 2024Q3: July 23 + August 22 + September 21 (22 weekdays - 09-16, 09-17 + make-up 09-14, 09-29) = 66.
  EXPECT_EQ(*WorkingDayCalendar::BuiltIn().WorkingDaysIn(Period::Quarter(2024, 3)), 66);
  for (int year : {2024, 2025, 2026}) {
    int sum = 0;
    for (const Period& quarter : Period::Year(year).Quarters()) {
      sum += *WorkingDayCalendar::BuiltIn().WorkingDaysIn(quarter);
    }
    EXPECT_EQ(sum, *WorkingDayCalendar::BuiltIn().WorkingDaysIn(Period::Year(year))) << year;
  }
}

// --- Counting working days
// -----------------------------------------------------------------------------------

TEST(CalendarTest, AddWorkingDaysSkipsNationalDay2024) {
  const WorkingDayCalendar& calendar = WorkingDayCalendar::BuiltIn();
  // After Monday 09-30: 10-01..10-07 off, so the 1st is Tuesday 10-08; 10-08, 09, 10, 11, then the make-up
  // Saturday 10-12 is the 5th.
  EXPECT_EQ(Add(calendar, CivilDay(2024, 9, 30), 1), CivilDay(2024, 10, 8));
  EXPECT_EQ(Add(calendar, CivilDay(2024, 9, 30), 5), CivilDay(2024, 10, 12));
  // After Friday 09-27: Saturday 09-28 off, make-up Sunday 09-29 (1st), Monday 09-30 (2nd), 10-08 (3rd).
  EXPECT_EQ(Add(calendar, CivilDay(2024, 9, 27), 3), CivilDay(2024, 10, 8));
}

TEST(CalendarTest, AddWorkingDaysCountsBackwardsOverNationalDay2024) {
  const WorkingDayCalendar& calendar = WorkingDayCalendar::BuiltIn();
  // Before Tuesday 10-08: 10-07..10-01 off, 09-30 (1st), make-up Sunday 09-29 (2nd), Saturday 09-28 off,
  // Friday 09-27 (3rd).
  EXPECT_EQ(Add(calendar, CivilDay(2024, 10, 8), -1), CivilDay(2024, 9, 30));
  EXPECT_EQ(Add(calendar, CivilDay(2024, 10, 8), -2), CivilDay(2024, 9, 29));
  EXPECT_EQ(Add(calendar, CivilDay(2024, 10, 8), -3), CivilDay(2024, 9, 27));
}

TEST(CalendarTest, AddWorkingDaysAcrossSpringFestival2025) {
  const WorkingDayCalendar& calendar = WorkingDayCalendar::BuiltIn();
  // After Friday 01-24: Saturday 01-25 off, make-up Sunday 01-26 (1st), Monday 01-27 (2nd), 01-28..02-04 off,
  // Wednesday 02-05 (3rd), 02-06 (4th), 02-07 (5th), make-up Saturday 02-08 (6th), Sunday 02-09 off,
  // Monday 02-10 (7th).
  EXPECT_EQ(Add(calendar, CivilDay(2025, 1, 24), 1), CivilDay(2025, 1, 26));
  EXPECT_EQ(Add(calendar, CivilDay(2025, 1, 24), 2), CivilDay(2025, 1, 27));
  EXPECT_EQ(Add(calendar, CivilDay(2025, 1, 24), 3), CivilDay(2025, 2, 5));
  EXPECT_EQ(Add(calendar, CivilDay(2025, 1, 24), 6), CivilDay(2025, 2, 8));
  EXPECT_EQ(Add(calendar, CivilDay(2025, 1, 24), 7), CivilDay(2025, 2, 10));
  EXPECT_EQ(Add(calendar, CivilDay(2025, 2, 5), -1), CivilDay(2025, 1, 27));
}

TEST(CalendarTest, AddWorkingDaysNeverCountsTheStartingDay) {
  const WorkingDayCalendar& calendar = WorkingDayCalendar::BuiltIn();
  // From a working Monday and from the holiday inside National Day: the same next working day.
  EXPECT_EQ(Add(calendar, CivilDay(2024, 3, 4), 1), CivilDay(2024, 3, 5));
  EXPECT_EQ(Add(calendar, CivilDay(2024, 10, 3), 1), CivilDay(2024, 10, 8));
  EXPECT_EQ(Add(calendar, CivilDay(2024, 3, 4), -1), CivilDay(2024, 3, 1));
}

TEST(CalendarTest, AddingZeroWorkingDaysIsInvalid) {
  absl::StatusOr<CivilDay> day = WorkingDayCalendar::BuiltIn().AddWorkingDays(CivilDay(2024, 3, 4), 0);
  EXPECT_EQ(day.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(Contains(day.status(), "2024-03-04")) << day.status();
}

TEST(CalendarTest, AddWorkingDaysCrossesIntoTheNextYearWithData) {
  // After Tuesday 2024-12-31: 2025-01-01 off, Thursday 01-02 (1st).
  EXPECT_EQ(Add(WorkingDayCalendar::BuiltIn(), CivilDay(2024, 12, 31), 1), CivilDay(2025, 1, 2));
}

TEST(CalendarTest, HugeCountsStopAtTheFirstYearWithoutData) {
  absl::StatusOr<CivilDay> day = WorkingDayCalendar::BuiltIn().AddWorkingDays(CivilDay(2024, 1, 1), INT_MAX);
  EXPECT_EQ(day.status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_TRUE(Contains(day.status(), "2027")) << day.status();
  day = WorkingDayCalendar::BuiltIn().AddWorkingDays(CivilDay(2024, 1, 1), INT_MIN);
  EXPECT_EQ(day.status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_TRUE(Contains(day.status(), "2023")) << day.status();
}

TEST(CalendarTest, WorkingDaysBetweenCountsAfterExclusiveUntilInclusive) {
  const WorkingDayCalendar& calendar = WorkingDayCalendar::BuiltIn();
  // 10-01..10-07 off, 10-08 and 10-09 working.
  EXPECT_EQ(*calendar.WorkingDaysBetween(CivilDay(2024, 9, 30), CivilDay(2024, 10, 9)), 2);
  EXPECT_EQ(*calendar.WorkingDaysBetween(CivilDay(2024, 10, 9), CivilDay(2024, 9, 30)), -2);
  EXPECT_EQ(*calendar.WorkingDaysBetween(CivilDay(2024, 9, 30), CivilDay(2024, 9, 30)), 0);
  // The make-up Sunday 09-29 counts, Saturday 09-28 does not.
  EXPECT_EQ(*calendar.WorkingDaysBetween(CivilDay(2024, 9, 27), CivilDay(2024, 9, 29)), 1);
  // `after` itself is never looked up: 2023-12-31 is in a year without data.
  EXPECT_EQ(*calendar.WorkingDaysBetween(CivilDay(2023, 12, 31), CivilDay(2024, 1, 2)), 1);
}

TEST(CalendarTest, WorkingDaysBetweenAgreesWithAddWorkingDays) {
  const WorkingDayCalendar& calendar = WorkingDayCalendar::BuiltIn();
  for (CivilDay from = CivilDay(2024, 1, 1); from <= CivilDay(2026, 11, 30); from += 7) {
    for (int n : {1, 2, 7, 20}) {
      CivilDay to = Add(calendar, from, n);
      ASSERT_EQ(*calendar.WorkingDaysBetween(from, to), n) << from << " + " << n;
      ASSERT_TRUE(Working(calendar, to));
      ASSERT_EQ(*calendar.WorkingDaysBetween(from, to - 1), n - 1) << from << " + " << n;
    }
  }
}

// --- Deadlines
// -----------------------------------------------------------------------------------------------

TEST(CalendarTest, Deadlines2024Q3CountTheMakeUpSundayAndSkipNationalDay) {
  // Last day Monday 2024-09-30. Backwards, not counting it: make-up Sunday 09-29 (1st), Saturday 09-28 off,
  // Friday 09-27 (2nd). After: 10-01..10-07 off, 10-08 (1st), 10-09 (2nd).
  absl::StatusOr<PeriodDeadlines> due = WorkingDayCalendar::BuiltIn().Deadlines(Period::Quarter(2024, 3));
  ASSERT_TRUE(due.ok()) << due.status();
  EXPECT_EQ(due->period, Period::Quarter(2024, 3));
  EXPECT_EQ(due->summary_due, CivilDay(2024, 9, 27));
  EXPECT_EQ(due->statistics_due, CivilDay(2024, 10, 9));
  EXPECT_FALSE(due->provisional);
}

TEST(CalendarTest, Deadlines2025Q4ReachIntoThe2026Schedule) {
  // Last day Wednesday 2025-12-31. Backwards: 12-30 (1st), 12-29 (2nd). After: 2026-01-01..01-03 off,
  // make-up Sunday 2026-01-04 (1st), Monday 01-05 (2nd).
  absl::StatusOr<PeriodDeadlines> due = WorkingDayCalendar::BuiltIn().Deadlines(Period::Quarter(2025, 4));
  ASSERT_TRUE(due.ok()) << due.status();
  EXPECT_EQ(due->summary_due, CivilDay(2025, 12, 29));
  EXPECT_EQ(due->statistics_due, CivilDay(2026, 1, 5));
}

TEST(CalendarTest, Deadlines2024Q1EndOnASunday) {
  // Last day Sunday 2024-03-31. Backwards: Saturday 03-30 off, Friday 03-29 (1st), Thursday 03-28 (2nd).
  // After: Monday 04-01 (1st), Tuesday 04-02 (2nd).
  absl::StatusOr<PeriodDeadlines> due = WorkingDayCalendar::BuiltIn().Deadlines(Period::Quarter(2024, 1));
  ASSERT_TRUE(due.ok()) << due.status();
  EXPECT_EQ(due->summary_due, CivilDay(2024, 3, 28));
  EXPECT_EQ(due->statistics_due, CivilDay(2024, 4, 2));
}

TEST(CalendarTest, Deadlines2025Q3FallOnTheMakeUpSunday) {
  // Last day Tuesday 2025-09-30. Backwards: Monday 09-29 (1st), make-up Sunday 09-28 (2nd).
  // After: 10-01..10-08 off, Thursday 10-09 (1st), Friday 10-10 (2nd).
  absl::StatusOr<PeriodDeadlines> due = WorkingDayCalendar::BuiltIn().Deadlines(Period::Quarter(2025, 3));
  ASSERT_TRUE(due.ok()) << due.status();
  EXPECT_EQ(due->summary_due, CivilDay(2025, 9, 28));
  EXPECT_EQ(due->statistics_due, CivilDay(2025, 10, 10));
}

TEST(CalendarTest, DeadlinesTakeOtherCounts) {
  // 2024Q3 with 1 day before and 5 after: 09-29 and 10-08, 09, 10, 11, 10-12 (make-up Saturday).
  absl::StatusOr<PeriodDeadlines> due =
      WorkingDayCalendar::BuiltIn().Deadlines(Period::Quarter(2024, 3), 1, 5);
  ASSERT_TRUE(due.ok()) << due.status();
  EXPECT_EQ(due->summary_due, CivilDay(2024, 9, 29));
  EXPECT_EQ(due->statistics_due, CivilDay(2024, 10, 12));
}

TEST(CalendarTest, DeadlinesAreForQuartersOnly) {
  absl::StatusOr<PeriodDeadlines> due = WorkingDayCalendar::BuiltIn().Deadlines(Period::Year(2024));
  EXPECT_EQ(due.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(Contains(due.status(), "2024Q1")) << due.status();
}

TEST(CalendarTest, DeadlineCountsBelowOneAreInvalid) {
  EXPECT_EQ(WorkingDayCalendar::BuiltIn().Deadlines(Period::Quarter(2024, 3), 0, 2).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(WorkingDayCalendar::BuiltIn().Deadlines(Period::Quarter(2024, 3), 2, -1).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(WorkingDayCalendar::BuiltIn().DeadlineAfter(CivilDay(2024, 3, 4), 0).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(CalendarTest, Deadlines2026Q4NeedThe2027Schedule) {
  absl::StatusOr<PeriodDeadlines> due = WorkingDayCalendar::BuiltIn().Deadlines(Period::Quarter(2026, 4));
  EXPECT_EQ(due.status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_TRUE(Contains(due.status(), "statistics deadline of 2026Q4")) << due.status();
  EXPECT_TRUE(Contains(due.status(), "2027")) << due.status();
}

TEST(CalendarTest, PublicationDeadlineIsTwentyWorkingDaysAfterTheInspection) {
  // Inspection Friday 2024-09-20: 09-23..27 (1-5), make-up 09-29 (6), 09-30 (7), 10-08..11 (8-11),
  // make-up 10-12 (12), 10-14..18 (13-17), 10-21, 22, 23 (18-20).
  EXPECT_EQ(*WorkingDayCalendar::BuiltIn().PublicationDeadline(CivilDay(2024, 9, 20)),
            CivilDay(2024, 10, 23));
}

TEST(CalendarTest, ResultEntryDeadlineIsSevenWorkingDaysAfterTheInspection) {
  // Inspection Friday 2024-09-20: 09-23..27 (1-5), make-up Sunday 09-29 (6), Monday 09-30 (7).
  EXPECT_EQ(*WorkingDayCalendar::BuiltIn().ResultEntryDeadline(CivilDay(2024, 9, 20)), CivilDay(2024, 9, 30));
  // Inspection Friday 2025-01-24: 01-26, 01-27, then after Spring Festival 02-05, 06, 07, 08 (make-up),
  // 02-10.
  EXPECT_EQ(*WorkingDayCalendar::BuiltIn().ResultEntryDeadline(CivilDay(2025, 1, 24)), CivilDay(2025, 2, 10));
  EXPECT_EQ(*WorkingDayCalendar::BuiltIn().DeadlineAfter(CivilDay(2025, 1, 24), 7), CivilDay(2025, 2, 10));
}

// --- Years without data
// --------------------------------------------------------------------------------------

TEST(CalendarTest, AYearWithoutDataIsOutOfRangeAndSaysHowToFixIt) {
  absl::StatusOr<bool> working = WorkingDayCalendar::BuiltIn().IsWorkingDay(CivilDay(2027, 3, 1));
  EXPECT_EQ(working.status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_TRUE(Contains(working.status(), "2027-03-01")) << working.status();
  EXPECT_TRUE(Contains(working.status(), "no holiday schedule for 2027")) << working.status();
  EXPECT_TRUE(Contains(working.status(), "2024, 2025, 2026")) << working.status();
  EXPECT_TRUE(Contains(working.status(), "holiday file")) << working.status();
  EXPECT_TRUE(Contains(working.status(), "provisional")) << working.status();
  EXPECT_EQ(WorkingDayCalendar::BuiltIn().IsWorkingDay(CivilDay(2023, 12, 29)).status().code(),
            absl::StatusCode::kOutOfRange);
}

TEST(CalendarTest, CountingIntoAYearWithoutDataSaysWhichCountReachedIt) {
  absl::StatusOr<CivilDay> day = WorkingDayCalendar::BuiltIn().AddWorkingDays(CivilDay(2026, 12, 30), 5);
  EXPECT_EQ(day.status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_TRUE(Contains(day.status(), "counting 5 working days after 2026-12-30 reached 2027-01-01"))
      << day.status();
}

TEST(CalendarTest, AnEmptyCalendarKnowsNoYear) {
  WorkingDayCalendar calendar;
  EXPECT_TRUE(calendar.years().empty());
  absl::StatusOr<bool> working = calendar.IsWorkingDay(CivilDay(2024, 3, 4));
  EXPECT_EQ(working.status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_TRUE(Contains(working.status(), "no year at all")) << working.status();
}

TEST(CalendarTest, ProvisionalYearsCountMondayToFridayAndSaySo) {
  WorkingDayCalendar calendar = WorkingDayCalendar::BuiltIn();
  calendar.set_allow_provisional(true);
  EXPECT_TRUE(calendar.allow_provisional());
  EXPECT_TRUE(Working(calendar, CivilDay(2027, 1, 1)));   // a Friday, surely a holiday, but unknown
  EXPECT_FALSE(Working(calendar, CivilDay(2027, 1, 2)));  // Saturday
  EXPECT_TRUE(calendar.IsProvisional(CivilDay(2027, 1, 1)));
  EXPECT_FALSE(calendar.IsProvisional(CivilDay(2026, 12, 31)));
  EXPECT_FALSE(Working(calendar, CivilDay(2026, 1, 1)));  // years with data keep their holidays
  EXPECT_FALSE(calendar.years().empty());
  EXPECT_EQ(calendar.years(), (std::vector<int>{2024, 2025, 2026}));  // nothing was added
  // The built-in calendar itself is unchanged.
  EXPECT_FALSE(WorkingDayCalendar::BuiltIn().allow_provisional());
  EXPECT_FALSE(WorkingDayCalendar::BuiltIn().IsProvisional(CivilDay(2027, 1, 1)));
}

TEST(CalendarTest, ProvisionalDeadlinesAreFlagged) {
  WorkingDayCalendar calendar = WorkingDayCalendar::BuiltIn();
  calendar.set_allow_provisional(true);
  // Last day Thursday 2026-12-31. Backwards: 12-30 (1st), 12-29 (2nd). After, provisionally Monday–Friday:
  // Friday 2027-01-01 (1st), Monday 01-04 (2nd).
  absl::StatusOr<PeriodDeadlines> due = calendar.Deadlines(Period::Quarter(2026, 4));
  ASSERT_TRUE(due.ok()) << due.status();
  EXPECT_EQ(due->summary_due, CivilDay(2026, 12, 29));
  EXPECT_EQ(due->statistics_due, CivilDay(2027, 1, 4));
  EXPECT_TRUE(due->provisional);
  EXPECT_FALSE(calendar.Deadlines(Period::Quarter(2026, 3))->provisional);
}

TEST(CalendarTest, YearsOutsideOneToNineThousandNineHundredNinetyNineAreOutOfRangeEvenWhenProvisional) {
  WorkingDayCalendar calendar;
  calendar.set_allow_provisional(true);
  EXPECT_EQ(calendar.IsWorkingDay(CivilDay(10000, 1, 3)).status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(calendar.IsWorkingDay(CivilDay(0, 1, 3)).status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_FALSE(calendar.IsProvisional(CivilDay(10000, 1, 3)));
  EXPECT_EQ(calendar.AddWorkingDays(CivilDay(9999, 12, 30), 2).status().code(),
            absl::StatusCode::kOutOfRange);
}

// --- AddYear
// -------------------------------------------------------------------------------------------------

TEST(CalendarTest, AddYearAddsAYear) {
  WorkingDayCalendar calendar;
  ASSERT_TRUE(calendar.AddYear(2027, {CivilDay(2027, 1, 1)}, {CivilDay(2027, 2, 14)}).ok());
  EXPECT_EQ(calendar.years(), std::vector<int>{2027});
  EXPECT_TRUE(calendar.HasYear(2027));
  EXPECT_FALSE(Working(calendar, CivilDay(2027, 1, 1)));  // Friday, holiday
  EXPECT_TRUE(Working(calendar, CivilDay(2027, 2, 14)));  // Sunday, make-up
  EXPECT_TRUE(Working(calendar, CivilDay(2027, 1, 4)));   // Monday
}

TEST(CalendarTest, AddYearRejectsADayOutsideTheYear) {
  WorkingDayCalendar calendar;
  absl::Status status = calendar.AddYear(2027, {CivilDay(2026, 12, 31)}, {});
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(Contains(status, "2026-12-31 is not in 2027")) << status;
  EXPECT_TRUE(calendar.years().empty());
  EXPECT_EQ(calendar.AddYear(2027, {}, {CivilDay(2028, 1, 1)}).code(), absl::StatusCode::kInvalidArgument);
}

TEST(CalendarTest, AddYearRejectsADayBothOffAndWork) {
  WorkingDayCalendar calendar;
  absl::Status status = calendar.AddYear(2027, {CivilDay(2027, 2, 14)}, {CivilDay(2027, 2, 14)});
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(Contains(status, "2027-02-14")) << status;
  EXPECT_TRUE(calendar.years().empty());
}

TEST(CalendarTest, AddYearRejectsAYearAlreadyPresentAndChangesNothing) {
  WorkingDayCalendar calendar = WorkingDayCalendar::BuiltIn();
  absl::Status status = calendar.AddYear(2025, {}, {});
  EXPECT_EQ(status.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_TRUE(Contains(status, "already has 2025")) << status;
  EXPECT_TRUE(Contains(status, "built-in")) << status;
  // 2025-01-01 stays a holiday.
  EXPECT_FALSE(Working(calendar, CivilDay(2025, 1, 1)));
}

TEST(CalendarTest, AddYearRejectsUnsupportedYears) {
  WorkingDayCalendar calendar;
  EXPECT_EQ(calendar.AddYear(0, {}, {}).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(calendar.AddYear(10000, {}, {}).code(), absl::StatusCode::kInvalidArgument);
}

TEST(CalendarTest, AddYearToleratesRepeatsAndAnyOrder) {
  WorkingDayCalendar calendar;
  ASSERT_TRUE(
      calendar.AddYear(2027, {CivilDay(2027, 1, 1), CivilDay(2027, 1, 1), CivilDay(2027, 1, 2)}, {}).ok());
  EXPECT_FALSE(Working(calendar, CivilDay(2027, 1, 1)));
}

TEST(CalendarTest, ACopyIsIndependentOfTheOriginal) {
  WorkingDayCalendar original;
  ASSERT_TRUE(original.AddYear(2027, {}, {}).ok());
  WorkingDayCalendar copy = original;
  ASSERT_TRUE(copy.AddYear(2028, {}, {}).ok());
  EXPECT_EQ(original.years(), std::vector<int>{2027});
  EXPECT_EQ(copy.years(), (std::vector<int>{2027, 2028}));
}

// --- Holiday files
// -------------------------------------------------------------------------------------------

constexpr char kFile2027[] = R"({
  "format": "ssrandom-holidays-v1",
  "note": "test data, not the official schedule",
  "years": [
    {"year": 2027, "off": ["2027-01-01", "2027-02-05..2027-02-11"], "work": ["2027-02-14"]}
  ]
})";

TEST(CalendarTest, LoadsAHolidayFileWithRanges) {
  WorkingDayCalendar calendar = WorkingDayCalendar::BuiltIn();
  absl::Status status = calendar.LoadJson(kFile2027, "holidays-2027.json");
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_EQ(calendar.years(), (std::vector<int>{2024, 2025, 2026, 2027}));
  for (CivilDay day = CivilDay(2027, 2, 5); day <= CivilDay(2027, 2, 11); ++day) {
    EXPECT_FALSE(Working(calendar, day)) << day;
  }
  EXPECT_TRUE(Working(calendar, CivilDay(2027, 2, 12)));   // Friday
  EXPECT_FALSE(Working(calendar, CivilDay(2027, 2, 13)));  // Saturday
  EXPECT_TRUE(Working(calendar, CivilDay(2027, 2, 14)));   // make-up Sunday
  // 2026Q4's statistics deadline is now known: after Thursday 2026-12-31, Friday 2027-01-01 is off,
  // Monday 01-04 (1st), Tuesday 01-05 (2nd).
  absl::StatusOr<PeriodDeadlines> due = calendar.Deadlines(Period::Quarter(2026, 4));
  ASSERT_TRUE(due.ok()) << due.status();
  EXPECT_EQ(due->statistics_due, CivilDay(2027, 1, 5));
}

TEST(CalendarTest, LoadsTheExampleFileShippedWithTheSources) {
  // The example file shipped under data/holidays/ loads into an empty calendar.
  WorkingDayCalendar calendar;
  absl::Status status = calendar.LoadFile(SSR_SOURCE_DIR "/data/holidays/example-2027.json");
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_EQ(calendar.years(), std::vector<int>{2027});
}

TEST(CalendarTest, AcceptsAByteOrderMarkAndEmptyLists) {
  WorkingDayCalendar calendar;
  absl::Status status = calendar.LoadJson(
      "\xEF\xBB\xBF{\"format\":\"ssrandom-holidays-v1\",\"years\":[{\"year\":2030,\"off\":[],\"work\":[]}]}",
      "bom");
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_TRUE(Working(calendar, CivilDay(2030, 1, 1)));  // a Tuesday, no holiday listed
}

struct BadFile {
  const char* name;
  std::string json;
  std::vector<std::string> message_has;
};

std::string OneYear(absl::string_view entry) {
  return absl::StrCat(R"({"format": "ssrandom-holidays-v1", "years": [)", entry, "]}");
}

TEST(CalendarTest, EveryBadHolidayFileIsRejectedWithAnActionableMessage) {
  const std::vector<BadFile> cases = {
      {"empty", "  \n", {"is empty"}},
      {"not json", "{\"format\": \"ssrandom-holidays-v1\",\n \"years\": [,]}", {"not valid JSON", "line 2"}},
      {"truncated", R"({"format": "ssrandom-holidays-v1", "years": [)", {"not valid JSON"}},
      {"array", "[]", {"holds a list", "JSON object"}},
      {"no format", R"({"years": []})", {"\"format\" is missing"}},
      {"wrong format",
       R"({"format": "holidays-v2", "years": []})",
       {"\"holidays-v2\"", "ssrandom-holidays-v1"}},
      {"unknown top key", R"({"format": "ssrandom-holidays-v1", "yaers": []})", {"unknown key \"yaers\""}},
      {"no years", R"({"format": "ssrandom-holidays-v1"})", {"\"years\" is missing"}},
      {"empty years", R"({"format": "ssrandom-holidays-v1", "years": []})", {"empty list"}},
      {"entry not object", OneYear("2027"), {"year entry #1", "must be an object"}},
      {"no year", OneYear(R"({"off": [], "work": []})"), {"year entry #1", "\"year\" is missing"}},
      {"year as text",
       OneYear(R"({"year": "2027", "off": [], "work": []})"),
       {"year entry #1", "field \"year\"", "\"2027\"", "without quotes"}},
      {"year fraction", OneYear(R"({"year": 2027.5, "off": [], "work": []})"), {"field \"year\"", "2027.5"}},
      {"year too big", OneYear(R"({"year": 4294969323, "off": [], "work": []})"), {"4294969323"}},
      {"year negative", OneYear(R"({"year": -2027, "off": [], "work": []})"), {"-2027"}},
      {"unknown entry key",
       OneYear(R"({"year": 2027, "of": [], "work": []})"),
       {"year entry #1 (2027)", "unknown key \"of\""}},
      {"missing off",
       OneYear(R"({"year": 2027, "work": []})"),
       {"year entry #1 (2027)", "\"off\" is missing"}},
      {"missing work", OneYear(R"({"year": 2027, "off": []})"), {"\"work\" is missing", "\"work\": []"}},
      {"off not list",
       OneYear(R"({"year": 2027, "off": "2027-01-01", "work": []})"),
       {"field \"off\"", "must be a list"}},
      {"date not text",
       OneYear(R"({"year": 2027, "off": [20270101], "work": []})"),
       {"field \"off\"", "20270101", "in quotes"}},
      {"bad date",
       OneYear(R"({"year": 2027, "off": ["2027-02-30"], "work": []})"),
       {"year entry #1 (2027)", "field \"off\"", "value \"2027-02-30\"", "2027-02 has days 01 to 28"}},
      {"bad format date",
       OneYear(R"({"year": 2027, "off": [], "work": ["2027/02/14"]})"),
       {"field \"work\"", "\"2027/02/14\"", "YYYY-MM-DD"}},
      {"bad range end",
       OneYear(R"({"year": 2027, "off": ["2027-02-05..2027-02-31"], "work": []})"),
       {"\"2027-02-05..2027-02-31\"", "2027-02 has days"}},
      {"three dots",
       OneYear(R"({"year": 2027, "off": ["2027-02-05...2027-02-11"], "work": []})"),
       {"\"2027-02-05...2027-02-11\"", "YYYY-MM-DD"}},
      {"reversed range",
       OneYear(R"({"year": 2027, "off": ["2027-02-11..2027-02-05"], "work": []})"),
       {"\"2027-02-11..2027-02-05\"", "ends before it starts"}},
      {"date outside year",
       OneYear(R"({"year": 2027, "off": ["2026-12-31"], "work": []})"),
       {"year entry #1 (2027)", "field \"off\"", "\"2026-12-31\"", "2026-12-31 is not in 2027"}},
      {"range outside year",
       OneYear(R"({"year": 2027, "off": ["2027-12-30..2028-01-02"], "work": []})"),
       {"2028-01-02 is not in 2027"}},
      {"overlap",
       OneYear(R"({"year": 2027, "off": ["2027-02-05..2027-02-14"], "work": ["2027-02-14"]})"),
       {"year entry #1 (2027)", "2027-02-14 is both a holiday", "\"2027-02-05..2027-02-14\"",
        "field \"work\""}},
      {"duplicate year",
       OneYear(R"({"year": 2027, "off": [], "work": []}, {"year": 2027, "off": ["2027-01-01"], "work": []})"),
       {"year entry #2 (2027)", "already listed in year entry #1"}},
      {"duplicate key",
       OneYear(R"({"year": 2027, "off": ["2027-01-01"], "off": [], "work": []})"),
       {"key \"off\" appears twice in year entry #1"}},
      {"note not text", OneYear(R"({"year": 2027, "note": 1, "off": [], "work": []})"), {"field \"note\""}},
  };
  for (const BadFile& bad : cases) {
    WorkingDayCalendar calendar = WorkingDayCalendar::BuiltIn();
    absl::Status status = calendar.LoadJson(bad.json, "holidays.json");
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << bad.name << ": " << status;
    EXPECT_TRUE(Contains(status, "holidays.json: ")) << bad.name << ": " << status;
    for (const std::string& part : bad.message_has) {
      EXPECT_TRUE(Contains(status, part)) << bad.name << ": expected '" << part << "' in: " << status;
    }
    EXPECT_EQ(calendar.years(), (std::vector<int>{2024, 2025, 2026})) << bad.name;
    EXPECT_EQ(status.message().find('\n'), absl::string_view::npos) << bad.name << ": " << status;
  }
}

TEST(CalendarTest, AYearTheCalendarAlreadyHasIsAlreadyExistsAndNothingIsLoaded) {
  WorkingDayCalendar calendar = WorkingDayCalendar::BuiltIn();
  absl::Status status = calendar.LoadJson(OneYear(R"({"year": 2027, "off": [], "work": []},
                                                     {"year": 2026, "off": [], "work": []})"),
                                          "holidays.json");
  EXPECT_EQ(status.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_TRUE(Contains(status, "holidays.json: year entry #2 (2026)")) << status;
  EXPECT_TRUE(Contains(status, "already has 2026")) << status;
  EXPECT_TRUE(Contains(status, "no year of this file was loaded")) << status;
  EXPECT_EQ(calendar.years(), (std::vector<int>{2024, 2025, 2026}));
}

TEST(CalendarTest, AFileWithOneBadYearAddsNoYear) {
  WorkingDayCalendar calendar;
  absl::Status status = calendar.LoadJson(OneYear(R"({"year": 2027, "off": ["2027-01-01"], "work": []},
                                                     {"year": 2028, "off": ["2028-02-30"], "work": []})"),
                                          "holidays.json");
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(Contains(status, "year entry #2 (2028)")) << status;
  EXPECT_TRUE(calendar.years().empty());
  EXPECT_EQ(calendar.IsWorkingDay(CivilDay(2027, 1, 4)).status().code(), absl::StatusCode::kOutOfRange);
}

TEST(CalendarTest, LoadingTheSameFileTwiceFailsTheSecondTime) {
  WorkingDayCalendar calendar;
  ASSERT_TRUE(calendar.LoadJson(kFile2027, "a.json").ok());
  absl::Status status = calendar.LoadJson(kFile2027, "b.json");
  EXPECT_EQ(status.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_TRUE(Contains(status, "b.json")) << status;
  EXPECT_TRUE(Contains(status, "from a.json")) << status;
}

TEST(CalendarTest, AMissingHolidayFileIsNotFoundAndNamesThePath) {
  WorkingDayCalendar calendar;
  absl::Status status = calendar.LoadFile("/nonexistent/holidays-2027.json");
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(Contains(status, "/nonexistent/holidays-2027.json")) << status;
  EXPECT_TRUE(Contains(status, "holiday file")) << status;
}

TEST(CalendarTest, FileErrorsNameTheFilePath) {
  std::string path = ::testing::TempDir() + "ssr_calendar_test_bad.json";
  std::FILE* file = std::fopen(path.c_str(), "w");
  ASSERT_NE(file, nullptr);
  std::fputs(OneYear(R"({"year": 2027, "off": ["2027-13-01"], "work": []})").c_str(), file);
  std::fclose(file);
  WorkingDayCalendar calendar;
  absl::Status status = calendar.LoadFile(path);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(Contains(status, path + ": year entry #1 (2027), field \"off\", value \"2027-13-01\""))
      << status;
  std::remove(path.c_str());
}

}  // namespace
}  // namespace ssr
