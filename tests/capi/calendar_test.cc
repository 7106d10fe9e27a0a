// Working days, tickets, seeds and USCCs through the C ABI.
#include <cstring>
#include <string>

#include "capi_test_util.h"
#include "gtest/gtest.h"

namespace {

using ssr_test::Calendar;
using ssr_test::Contains;
using ssr_test::Message;

std::string AddWorkingDays(const ssr_calendar* calendar, const char* date, int n) {
  char day[SSR_DATE_SIZE];
  EXPECT_EQ(ssr_calendar_add_working_days(calendar, date, n, day, sizeof day), SSR_OK) << Message();
  return day;
}

int IsWorkingDay(const ssr_calendar* calendar, const char* date) {
  int working = -1;
  EXPECT_EQ(ssr_calendar_is_working_day(calendar, date, &working), SSR_OK) << Message();
  return working;
}

Calendar Builtin() {
  ssr_calendar* calendar = nullptr;
  EXPECT_EQ(ssr_calendar_create_builtin(&calendar), SSR_OK);
  return Calendar(calendar);
}

// --- Working days --------------------------------------------------------------------------------------

TEST(CapiCalendarTest, BuiltInCalendarKnowsHolidaysAndMakeUpDays) {
  EXPECT_EQ(IsWorkingDay(nullptr, "2024-09-29"), 1);  // a make-up Sunday
  EXPECT_EQ(IsWorkingDay(nullptr, "2024-10-01"), 0);  // National Day
  EXPECT_EQ(IsWorkingDay(nullptr, "2024-10-08"), 1);
  EXPECT_EQ(AddWorkingDays(nullptr, "2024-09-30", 1), "2024-10-08");
  EXPECT_EQ(AddWorkingDays(nullptr, "2024-10-08", -3), "2024-09-27");
  EXPECT_EQ(AddWorkingDays(nullptr, "2024-09-20", 7), "2024-09-30");
  EXPECT_EQ(AddWorkingDays(nullptr, "2024-09-20", 20), "2024-10-23");
  int64_t days = 0;
  ASSERT_EQ(ssr_calendar_working_days_between(nullptr, "2023-12-31", "2024-12-31", &days), SSR_OK);
  EXPECT_EQ(days, 251);
  ASSERT_EQ(ssr_calendar_working_days_between(nullptr, "2024-10-08", "2024-09-30", &days), SSR_OK);
  EXPECT_EQ(days, -1);
  char summary[SSR_DATE_SIZE];
  char statistics[SSR_DATE_SIZE];
  ASSERT_EQ(ssr_calendar_quarter_deadlines(nullptr, "2024Q3", summary, statistics, SSR_DATE_SIZE), SSR_OK);
  EXPECT_STREQ(summary, "2024-09-27");
  EXPECT_STREQ(statistics, "2024-10-09");
  // A calendar handle made from the built-in years answers the same.
  Calendar calendar = Builtin();
  EXPECT_EQ(AddWorkingDays(calendar.get(), "2024-09-30", 1), "2024-10-08");
}

TEST(CapiCalendarTest, YearsWithoutScheduleAreOutOfRangeUnlessProvisional) {
  Calendar calendar = Builtin();
  int working = 7;
  EXPECT_EQ(ssr_calendar_is_working_day(calendar.get(), "2027-01-01", &working), SSR_OUT_OF_RANGE);
  EXPECT_TRUE(Contains(Message(), "2027")) << Message();
  EXPECT_EQ(working, 7);
  ASSERT_EQ(ssr_calendar_set_allow_provisional(calendar.get(), 1), SSR_OK);
  EXPECT_EQ(IsWorkingDay(calendar.get(), "2027-01-01"), 1);  // a Friday, provisionally
  ASSERT_EQ(ssr_calendar_set_allow_provisional(calendar.get(), 0), SSR_OK);
  char day[SSR_DATE_SIZE] = "unchanged";
  EXPECT_EQ(ssr_calendar_add_working_days(calendar.get(), "2026-12-31", 1, day, sizeof day),
            SSR_OUT_OF_RANGE);
  EXPECT_STREQ(day, "unchanged");
  char summary[SSR_DATE_SIZE];
  char statistics[SSR_DATE_SIZE];
  EXPECT_EQ(ssr_calendar_quarter_deadlines(calendar.get(), "2026Q4", summary, statistics, SSR_DATE_SIZE),
            SSR_OUT_OF_RANGE);
  EXPECT_EQ(ssr_calendar_set_allow_provisional(nullptr, 1), SSR_INVALID_ARGUMENT);
}

TEST(CapiCalendarTest, HolidayFilesAddYearsAllOrNothing) {
  Calendar calendar = Builtin();
  std::string path = ssr_test::SourcePath("data/holidays/example-2027.json");
  ASSERT_EQ(ssr_calendar_load_file(calendar.get(), path.c_str()), SSR_OK) << Message();
  EXPECT_EQ(IsWorkingDay(calendar.get(), "2027-01-01"), 0);
  EXPECT_EQ(IsWorkingDay(calendar.get(), "2027-02-14"), 1);
  EXPECT_EQ(ssr_calendar_load_file(calendar.get(), path.c_str()), SSR_ALREADY_EXISTS);
  EXPECT_EQ(ssr_calendar_load_file(calendar.get(), "/nonexistent/holidays.json"), SSR_NOT_FOUND);
  EXPECT_EQ(ssr_calendar_load_file(calendar.get(), nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_calendar_load_file(nullptr, path.c_str()), SSR_INVALID_ARGUMENT);

  // An empty calendar learns only what it is given; a bad entry adds nothing.
  ssr_calendar* raw = nullptr;
  ASSERT_EQ(ssr_calendar_create_empty(&raw), SSR_OK);
  Calendar empty(raw);
  int working = 0;
  EXPECT_EQ(ssr_calendar_is_working_day(empty.get(), "2024-01-02", &working), SSR_OUT_OF_RANGE);
  const std::string two_years =
      "{\"format\": \"ssrandom-holidays-v1\", \"years\": ["
      "{\"year\": 2028, \"off\": [\"2028-01-03\"], \"work\": []},"
      "{\"year\": 2029, \"off\": [\"2029-02-30\"], \"work\": []}]}";
  EXPECT_EQ(ssr_calendar_load_json(empty.get(), two_years.data(), two_years.size(), "h.json"),
            SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "h.json")) << Message();
  EXPECT_TRUE(Contains(Message(), "2029-02-30")) << Message();
  EXPECT_EQ(ssr_calendar_is_working_day(empty.get(), "2028-01-03", &working), SSR_OUT_OF_RANGE);
  const std::string one_year =
      "{\"format\": \"ssrandom-holidays-v1\", \"years\": [{\"year\": 2028, \"off\": [\"2028-01-03\"], "
      "\"work\": []}]}";
  ASSERT_EQ(ssr_calendar_load_json(empty.get(), one_year.data(), one_year.size(), nullptr), SSR_OK)
      << Message();
  EXPECT_EQ(IsWorkingDay(empty.get(), "2028-01-03"), 0);
  EXPECT_EQ(IsWorkingDay(empty.get(), "2028-01-04"), 1);
  EXPECT_EQ(ssr_calendar_load_json(empty.get(), "{", 1, nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "holidays.json")) << Message();
  EXPECT_EQ(ssr_calendar_load_json(empty.get(), nullptr, 1, nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_calendar_load_json(nullptr, one_year.data(), one_year.size(), nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_calendar_create_builtin(nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_calendar_create_empty(nullptr), SSR_INVALID_ARGUMENT);
}

TEST(CapiCalendarTest, QueriesRejectBadDatesAndArguments) {
  int working = 0;
  EXPECT_EQ(ssr_calendar_is_working_day(nullptr, "2024-1-8", &working), SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "date: ")) << Message();
  EXPECT_EQ(ssr_calendar_is_working_day(nullptr, nullptr, &working), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_calendar_is_working_day(nullptr, "2024-01-08", nullptr), SSR_INVALID_ARGUMENT);
  char day[SSR_DATE_SIZE];
  EXPECT_EQ(ssr_calendar_add_working_days(nullptr, "2024-01-08", 0, day, sizeof day), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_calendar_add_working_days(nullptr, "2024-02-30", 1, day, sizeof day), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_calendar_add_working_days(nullptr, "2024-01-08", 1, nullptr, sizeof day),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_calendar_add_working_days(nullptr, "2024-01-08", 1, day, SSR_DATE_SIZE - 1),
            SSR_INVALID_ARGUMENT);
  int64_t days = 0;
  EXPECT_EQ(ssr_calendar_working_days_between(nullptr, "x", "2024-01-08", &days), SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "after: ")) << Message();
  EXPECT_EQ(ssr_calendar_working_days_between(nullptr, "2024-01-08", "y", &days), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_calendar_working_days_between(nullptr, "2024-01-08", "2024-01-09", nullptr),
            SSR_INVALID_ARGUMENT);
  char summary[SSR_DATE_SIZE] = "keep";
  char statistics[SSR_DATE_SIZE] = "keep";
  EXPECT_EQ(ssr_calendar_quarter_deadlines(nullptr, "2024", summary, statistics, SSR_DATE_SIZE),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_calendar_quarter_deadlines(nullptr, "2024Q5", summary, statistics, SSR_DATE_SIZE),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_calendar_quarter_deadlines(nullptr, "2024Q1", summary, statistics, 5), SSR_INVALID_ARGUMENT);
  EXPECT_STREQ(summary, "keep");
  EXPECT_STREQ(statistics, "keep");
  EXPECT_EQ(ssr_calendar_quarter_deadlines(nullptr, nullptr, summary, statistics, SSR_DATE_SIZE),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_calendar_quarter_deadlines(nullptr, "2024Q1", nullptr, statistics, SSR_DATE_SIZE),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_calendar_quarter_deadlines(nullptr, "2024Q1", summary, nullptr, SSR_DATE_SIZE),
            SSR_INVALID_ARGUMENT);
}

// --- Tickets and seeds ---------------------------------------------------------------------------------

TEST(CapiTicketTest, TicketsMatchConsistentSampler) {
  // docs/sampler.md: `ssrandom tickets --seed 314159 ... B-2` (the consistent_sampler value).
  char ticket[SSR_TICKET_SIZE];
  ASSERT_EQ(ssr_ticket("314159", "B-2", ticket, sizeof ticket), SSR_OK);
  EXPECT_STREQ(ticket, "0.41031085809072903514872000896790351462382130463015916888993860148207487365068");
  ASSERT_EQ(ssr_ticket("314159", "A-1", ticket, sizeof ticket), SSR_OK);
  EXPECT_STREQ(ticket, "0.9828515724237397691874515698953465111605456258184225321870604568187845885983");
  char hash[SSR_DIGEST_SIZE];
  ASSERT_EQ(ssr_seed_hash("abc", hash, sizeof hash), SSR_OK);
  EXPECT_STREQ(hash, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(CapiTicketTest, TicketAndSeedHashRejectBadSeedsAndSmallBuffers) {
  char ticket[SSR_TICKET_SIZE] = "keep";
  EXPECT_EQ(ssr_ticket("", "A-1", ticket, sizeof ticket), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_ticket(" \t", "A-1", ticket, sizeof ticket), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_ticket(nullptr, "A-1", ticket, sizeof ticket), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_ticket("314159", nullptr, ticket, sizeof ticket), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_ticket("314159", "A-1", nullptr, sizeof ticket), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_ticket("314159", "A-1", ticket, 66), SSR_INVALID_ARGUMENT);
  EXPECT_STREQ(ticket, "keep");
  // The empty id has a ticket too.
  ASSERT_EQ(ssr_ticket("314159", "", ticket, sizeof ticket), SSR_OK);
  EXPECT_EQ(std::strncmp(ticket, "0.", 2), 0);
  char hash[SSR_DIGEST_SIZE];
  EXPECT_EQ(ssr_seed_hash("\xff\xfe", hash, sizeof hash), SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "UTF-8")) << Message();
  EXPECT_EQ(ssr_seed_hash(nullptr, hash, sizeof hash), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_seed_hash("abc", hash, 64), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_validate_seed("\u00a0"), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_validate_seed("双色球 2024001"), SSR_OK);
}

// --- USCC ----------------------------------------------------------------------------------------------

TEST(CapiUsccTest, CheckExplainsWhatIsWrong) {
  EXPECT_EQ(ssr_uscc_check("91310110666007217T"), SSR_OK);
  EXPECT_EQ(Message(), "");
  EXPECT_EQ(ssr_uscc_check("91310110666007217A"), SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "'T'")) << Message();
  EXPECT_EQ(ssr_uscc_check("9131011066600721"), SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "16")) << Message();
  EXPECT_EQ(ssr_uscc_check("91310110666007217t"), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_uscc_check(""), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_uscc_check(nullptr), SSR_INVALID_ARGUMENT);
  char check = '?';
  ASSERT_EQ(ssr_uscc_check_character("91310110666007217", &check), SSR_OK);
  EXPECT_EQ(check, 'T');
  EXPECT_EQ(ssr_uscc_check_character("9131011066600721", &check), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_uscc_check_character("9131011066600721I", &check), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(check, 'T');
  EXPECT_EQ(ssr_uscc_check_character(nullptr, &check), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_uscc_check_character("91310110666007217", nullptr), SSR_INVALID_ARGUMENT);
}

}  // namespace
