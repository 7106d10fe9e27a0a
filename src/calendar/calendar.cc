#include "ssrandom/calendar.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "calendar/builtin_holidays.h"
#include "calendar/holiday_file.h"
#include "io/file.h"
#include "ssrandom/date.h"

namespace ssr {
namespace {

bool IsMondayToFriday(absl::CivilDay day) {
  absl::Weekday weekday = absl::GetWeekday(day);
  return weekday != absl::Weekday::saturday && weekday != absl::Weekday::sunday;
}

bool InSupportedYears(absl::CivilDay day) { return day.year() >= kMinDateYear && day.year() <= kMaxDateYear; }

}  // namespace

const WorkingDayCalendar& WorkingDayCalendar::BuiltIn() {
  static const WorkingDayCalendar* const calendar = [] {
    auto* built = new WorkingDayCalendar();
    absl::Status status = built->LoadJson(internal::BuiltInHolidaysJson(), "built-in holiday data");
    if (!status.ok()) {
      // Only a broken build can get here; calendar_test loads the same data.
      std::fprintf(stderr, "libssrandom: %s\n", status.ToString().c_str());
      std::abort();
    }
    return built;
  }();
  return *calendar;
}

absl::StatusOr<WorkingDayCalendar::YearData> WorkingDayCalendar::BuildYear(
    int year, const std::vector<absl::CivilDay>& off, const std::vector<absl::CivilDay>& work,
    absl::string_view context) {
  if (year < kMinDateYear || year > kMaxDateYear) {
    return absl::InvalidArgumentError(absl::StrCat(context, "year ", year, " is not supported: years run ",
                                                   kMinDateYear, " to ", kMaxDateYear));
  }
  for (const auto* list : {&off, &work}) {
    const char* name = list == &off ? "holiday (off)" : "make-up working day (work)";
    for (absl::CivilDay day : *list) {
      if (day.year() != year) {
        return absl::InvalidArgumentError(absl::StrCat(context, name, " ", FormatDate(day), " is not in ",
                                                       year, "; list each day under its own year"));
      }
    }
  }
  for (absl::CivilDay day : work) {
    if (std::find(off.begin(), off.end(), day) != off.end()) {
      return absl::InvalidArgumentError(
          absl::StrCat(context, FormatDate(day),
                       " is listed both as a holiday (off) and as a make-up working "
                       "day (work); a day is one or the other"));
    }
  }
  YearData data;
  const absl::CivilDay january_first(year, 1, 1);
  const absl::CivilDay next_year(year + 1, 1, 1);
  for (absl::CivilDay day = january_first; day < next_year; ++day) {
    data.working[static_cast<size_t>(day - january_first)] = IsMondayToFriday(day);
  }
  for (absl::CivilDay day : off) data.working[static_cast<size_t>(day - january_first)] = false;
  for (absl::CivilDay day : work) data.working[static_cast<size_t>(day - january_first)] = true;
  return data;
}

absl::Status WorkingDayCalendar::AddYear(int year, std::vector<absl::CivilDay> off,
                                         std::vector<absl::CivilDay> work) {
  absl::StatusOr<YearData> data = BuildYear(year, off, work, absl::StrCat("AddYear(", year, "): "));
  if (!data.ok()) return data.status();
  if (auto it = years_.find(year); it != years_.end()) {
    return absl::AlreadyExistsError(
        absl::StrCat("AddYear(", year, "): the calendar already has ", year, " (from ", it->second.source,
                     "); a year's schedule cannot be replaced. To use different data "
                     "for it, start from an empty calendar"));
  }
  data->source = absl::StrCat("AddYear(", year, ")");
  years_.emplace(year, *std::move(data));
  return absl::OkStatus();
}

absl::Status WorkingDayCalendar::LoadJson(absl::string_view text, absl::string_view source_name) {
  absl::StatusOr<std::vector<internal::HolidayYear>> parsed = internal::ParseHolidayFile(text, source_name);
  if (!parsed.ok()) return parsed.status();
  // Everything is validated and built before anything is added, so that a failed load changes nothing.
  std::vector<std::pair<int, YearData>> staged;
  for (const internal::HolidayYear& entry : *parsed) {
    if (auto it = years_.find(entry.year); it != years_.end()) {
      return absl::AlreadyExistsError(
          absl::StrCat(source_name, ": ", entry.context, ": the calendar already has ", entry.year, " (from ",
                       it->second.source,
                       "), so no year of this file was loaded. Remove the entry from the file; to use "
                       "different data for ",
                       entry.year, ", start from an empty calendar"));
    }
    absl::StatusOr<YearData> data =
        BuildYear(entry.year, entry.off, entry.work, absl::StrCat(source_name, ": ", entry.context, ": "));
    if (!data.ok()) return data.status();
    data->source = std::string(source_name);
    staged.emplace_back(entry.year, *std::move(data));
  }
  for (auto& [year, data] : staged) years_.emplace(year, std::move(data));
  return absl::OkStatus();
}

absl::Status WorkingDayCalendar::LoadFile(const std::string& path) {
  absl::StatusOr<std::string> text = internal::ReadFile(path);
  if (!text.ok()) {
    return absl::Status(text.status().code(),
                        absl::StrCat("cannot load the holiday file: ", text.status().message()));
  }
  return LoadJson(*text, path);
}

std::vector<int> WorkingDayCalendar::years() const {
  std::vector<int> result;
  result.reserve(years_.size());
  for (const auto& entry : years_) result.push_back(entry.first);
  std::sort(result.begin(), result.end());
  return result;
}

bool WorkingDayCalendar::IsProvisional(absl::CivilDay day) const {
  return allow_provisional_ && InSupportedYears(day) && !HasYear(static_cast<int>(day.year()));
}

absl::Status WorkingDayCalendar::MissingYearError(absl::CivilDay day) const {
  if (!InSupportedYears(day)) {
    return absl::OutOfRangeError(absl::StrCat(FormatDate(day),
                                              " is outside the years the calendar supports (", kMinDateYear,
                                              " to ", kMaxDateYear, ")"));
  }
  std::vector<int> known = years();
  std::string has = known.empty() ? "the calendar has no year at all"
                                  : absl::StrCat("the calendar has ", absl::StrJoin(known, ", "));
  return absl::OutOfRangeError(absl::StrCat(
      FormatDate(day), ": there is no holiday schedule for ", day.year(), " (", has,
      "), so its working days are unknown. Load the State Council's ", day.year(),
      " holiday schedule from a holiday file (format ", kHolidayFileFormat,
      ", see docs/calendar.md), or explicitly allow provisional dates, which count Monday to Friday as "
      "working days"));
}

absl::StatusOr<bool> WorkingDayCalendar::IsWorkingDay(absl::CivilDay day) const {
  if (!InSupportedYears(day)) return MissingYearError(day);
  auto it = years_.find(static_cast<int>(day.year()));
  if (it == years_.end()) {
    if (!allow_provisional_) return MissingYearError(day);
    return IsMondayToFriday(day);
  }
  return it->second.working[static_cast<size_t>(absl::GetYearDay(day) - 1)];
}

absl::StatusOr<absl::CivilDay> WorkingDayCalendar::AddWorkingDays(absl::CivilDay from, int n) const {
  if (n == 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "counting 0 working days from ", FormatDate(from),
        ": the count must be at least 1 (after the day) or at most -1 (before it); the day itself is never "
        "counted"));
  }
  const int step = n > 0 ? 1 : -1;
  // 64 bits: -n overflows int for n == INT_MIN.
  int64_t remaining = n > 0 ? static_cast<int64_t>(n) : -static_cast<int64_t>(n);
  const int64_t total = remaining;
  absl::CivilDay day = from;
  while (remaining > 0) {
    day += step;
    absl::StatusOr<bool> working = IsWorkingDay(day);
    if (!working.ok()) {
      return absl::Status(working.status().code(),
                          absl::StrCat("counting ", total, total == 1 ? " working day " : " working days ",
                                       n > 0 ? "after " : "before ", FormatDate(from), " reached ",
                                       working.status().message()));
    }
    if (*working) --remaining;
  }
  return day;
}

absl::StatusOr<int> WorkingDayCalendar::WorkingDaysBetween(absl::CivilDay after, absl::CivilDay until) const {
  if (until < after) {
    absl::StatusOr<int> reversed = WorkingDaysBetween(until, after);
    if (!reversed.ok()) return reversed.status();
    return -*reversed;
  }
  int count = 0;
  for (absl::CivilDay day = after + 1; day <= until; ++day) {
    absl::StatusOr<bool> working = IsWorkingDay(day);
    if (!working.ok()) return working.status();
    if (*working) ++count;
  }
  return count;
}

absl::StatusOr<int> WorkingDayCalendar::WorkingDaysIn(const Period& period) const {
  return WorkingDaysBetween(period.first_day() - 1, period.last_day());
}

absl::StatusOr<PeriodDeadlines> WorkingDayCalendar::Deadlines(const Period& quarter, int summary_days_before,
                                                              int statistics_days_after) const {
  if (!quarter.is_quarter()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the report deadlines are per quarter, and ", quarter.ToString(),
        " is a year: ask for each of its quarters (", quarter.year(), "Q1 to ", quarter.year(), "Q4)"));
  }
  if (summary_days_before < 1 || statistics_days_after < 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("deadlines of ", quarter.ToString(),
                     ": the summary must be due at least 1 working day before the quarter "
                     "ends and the statistics at least 1 working day after (got ",
                     summary_days_before, " and ", statistics_days_after, ")"));
  }
  const absl::CivilDay last = quarter.last_day();
  absl::StatusOr<absl::CivilDay> summary = AddWorkingDays(last, -summary_days_before);
  if (!summary.ok()) {
    return absl::Status(summary.status().code(), absl::StrCat("summary deadline of ", quarter.ToString(),
                                                              ": ", summary.status().message()));
  }
  absl::StatusOr<absl::CivilDay> statistics = AddWorkingDays(last, statistics_days_after);
  if (!statistics.ok()) {
    return absl::Status(
        statistics.status().code(),
        absl::StrCat("statistics deadline of ", quarter.ToString(), ": ", statistics.status().message()));
  }
  PeriodDeadlines deadlines{quarter, *summary, *statistics, false};
  for (int64_t year = summary->year(); year <= statistics->year(); ++year) {
    if (IsProvisional(absl::CivilDay(year, 1, 1))) deadlines.provisional = true;
  }
  return deadlines;
}

absl::StatusOr<absl::CivilDay> WorkingDayCalendar::DeadlineAfter(absl::CivilDay day, int working_days) const {
  if (working_days < 1) {
    return absl::InvalidArgumentError(absl::StrCat("a deadline after ", FormatDate(day),
                                                   " must be at least 1 working day later (got ",
                                                   working_days, ")"));
  }
  return AddWorkingDays(day, working_days);
}

}  // namespace ssr
