// Fuzzes WorkingDayCalendar::LoadJson (holiday files, format ssrandom-holidays-v1) over arbitrary text.
//
// Invariants:
//  - all or nothing: a failed load leaves the calendar exactly as it was (same years, same answers), with an
//    InvalidArgument or AlreadyExists status whose UTF-8 message starts with the source name;
//  - a successful load adds at least one year, and loading the same text again is AlreadyExists and changes
//    nothing;
//  - the loaded years written back as a holiday file (weekdays off, weekend days at work) load into an empty
//    calendar with the same working days;
//  - counting agrees with looking up: WorkingDaysIn(year) is the number of working days, and
//    AddWorkingDays/WorkingDaysBetween are inverse on days within the loaded years.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "fuzz_check.h"
#include "ssrandom/calendar.h"
#include "ssrandom/date.h"

namespace {

using ssr::WorkingDayCalendar;

// Every answer of `calendar` in `years`, one bit per day.
std::vector<bool> Answers(const WorkingDayCalendar& calendar, const std::vector<int>& years) {
  std::vector<bool> answers;
  for (int year : years) {
    for (absl::CivilDay day(year, 1, 1); day.year() == year; ++day) {
      absl::StatusOr<bool> working = calendar.IsWorkingDay(day);
      FUZZ_CHECK(working.ok());
      answers.push_back(*working);
    }
  }
  return answers;
}

bool Weekend(absl::CivilDay day) {
  absl::Weekday weekday = absl::GetWeekday(day);
  return weekday == absl::Weekday::saturday || weekday == absl::Weekday::sunday;
}

std::string Rewrite(const WorkingDayCalendar& calendar, const std::vector<int>& years) {
  std::string out = absl::StrCat("{\"format\": \"", ssr::kHolidayFileFormat, "\", \"years\": [");
  for (size_t i = 0; i < years.size(); ++i) {
    std::string off, work;
    for (absl::CivilDay day(years[i], 1, 1); day.year() == years[i]; ++day) {
      const bool working = *calendar.IsWorkingDay(day);
      if (!working && !Weekend(day))
        absl::StrAppend(&off, off.empty() ? "" : ", ", "\"", ssr::FormatDate(day), "\"");
      if (working && Weekend(day))
        absl::StrAppend(&work, work.empty() ? "" : ", ", "\"", ssr::FormatDate(day), "\"");
    }
    absl::StrAppend(&out, i ? ", " : "", "{\"year\": ", years[i], ", \"off\": [", off, "], \"work\": [", work,
                    "]}");
  }
  return out + "]}";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  // Half the inputs load into the built-in calendar (2024-2026 present), half into an empty one.
  WorkingDayCalendar calendar = size % 2 == 0 ? WorkingDayCalendar::BuiltIn() : WorkingDayCalendar();
  const std::vector<int> years_before = calendar.years();
  const std::vector<bool> answers_before = Answers(calendar, years_before);

  absl::Status loaded = calendar.LoadJson(text, "holidays.json");
  if (!loaded.ok()) {
    ssr::fuzz::CheckErrorIsPrintable(loaded);
    FUZZ_CHECK(loaded.code() == absl::StatusCode::kInvalidArgument ||
               loaded.code() == absl::StatusCode::kAlreadyExists);
    FUZZ_CHECK_MSG(absl::StartsWith(loaded.message(), "holidays.json"), loaded.message());
    FUZZ_CHECK(calendar.years() == years_before);
    FUZZ_CHECK(Answers(calendar, years_before) == answers_before);
    return 0;
  }
  const std::vector<int> years_after = calendar.years();
  FUZZ_CHECK(years_after.size() > years_before.size());
  FUZZ_CHECK(Answers(calendar, years_before) == answers_before);

  std::vector<int> added;
  for (int year : years_after) {
    if (std::find(years_before.begin(), years_before.end(), year) == years_before.end())
      added.push_back(year);
  }
  const std::vector<bool> answers_added = Answers(calendar, added);

  absl::Status again = calendar.LoadJson(text, "holidays.json");
  FUZZ_CHECK(again.code() == absl::StatusCode::kAlreadyExists);
  FUZZ_CHECK(calendar.years() == years_after);

  WorkingDayCalendar rewritten;
  absl::Status reloaded = rewritten.LoadJson(Rewrite(calendar, added), "rewritten.json");
  FUZZ_CHECK_MSG(reloaded.ok(), reloaded.message());
  FUZZ_CHECK(rewritten.years() == added);
  FUZZ_CHECK(Answers(rewritten, added) == answers_added);

  for (int year : added) {
    absl::StatusOr<int> count = calendar.WorkingDaysIn(ssr::Period::Year(year));
    FUZZ_CHECK(count.ok());
    int expected = 0;
    absl::CivilDay first(year, 1, 1);
    for (absl::CivilDay day = first; day.year() == year; ++day)
      expected += *calendar.IsWorkingDay(day) ? 1 : 0;
    FUZZ_CHECK(*count == expected);
    // The n-th working day after the year's first day is n working days after it, for every n in the year.
    for (int n = 1; n <= expected - (*calendar.IsWorkingDay(first) ? 1 : 0); n += 37) {
      absl::StatusOr<absl::CivilDay> nth = calendar.AddWorkingDays(first, n);
      FUZZ_CHECK(nth.ok() && nth->year() == year && *calendar.IsWorkingDay(*nth));
      FUZZ_CHECK(*calendar.WorkingDaysBetween(first, *nth) == n);
      FUZZ_CHECK(*calendar.WorkingDaysBetween(*nth, first) == -n);
    }
  }
  return 0;
}
