// ssrandom/calendar.h — China's working-day calendar, and the deadlines counted in working days.
//
// Deadlines in 双随机、一公开 work are counted in working days (工作日): results are entered within 7 working
// days of the inspection, published within 20, the quarterly summary is due 2 working days before the quarter
// ends and the statistics table 2 working days after. Working days in China are not simply Monday–Friday:
// each November the State Council publishes the next year's public holidays (法定节假日, days off that may
// fall on weekdays) and make-up working days (调休上班, weekend days that become working days). This header
// defines:
//
//   - `ssr::WorkingDayCalendar`, which answers "is this a working day?" and counts working days, from one
//     year's holiday schedule per year. A day is a working day when it is a make-up working day of its year,
//     or when it is Monday–Friday and not a holiday of its year.
//   - the deadlines of the quarterly report (`PeriodDeadlines`, `Deadlines()`) and of each inspection
//     (`ResultEntryDeadline()`, `PublicationDeadline()`, `DeadlineAfter()`).
//
// The library ships the State Council schedules of 2024, 2025 and 2026 (`BuiltIn()`); later years are loaded
// from a holiday file (format `ssrandom-holidays-v1`, described in docs/calendar.md and below at LoadJson()).
// A date in a year the calendar has no schedule for is an OutOfRange error, never a silent guess — unless the
// caller explicitly allows provisional dates (`set_allow_provisional(true)`), which treats such years as
// plain Monday–Friday weeks and reports them through `IsProvisional()`.
//
// Example:
//
//   // The built-in calendar, extended with next year's schedule.
//   ssr::WorkingDayCalendar calendar = ssr::WorkingDayCalendar::BuiltIn();   // a copy
//   if (absl::Status s = calendar.LoadFile("holidays-2027.json"); !s.ok()) return s;
//
//   absl::StatusOr<bool> working = calendar.IsWorkingDay(absl::CivilDay(2024, 9, 29));  // true: make-up
//   Sunday
//
//   absl::StatusOr<ssr::PeriodDeadlines> due = calendar.Deadlines(ssr::Period::Quarter(2024, 3));
//   // due->summary_due == 2024-09-27, due->statistics_due == 2024-10-09 (after the National Day holiday)
//
//   absl::StatusOr<absl::CivilDay> publish_by = calendar.PublicationDeadline(absl::CivilDay(2025, 1, 20));
//
// How days are counted ("before" and "after" never count the day they start from):
//   - AddWorkingDays(from, n), n > 0: the n-th working day after `from`; n < 0: the |n|-th working day before
//     `from`. `from` itself is never counted, whether or not it is a working day.
//   - The quarterly summary is due on the 2nd working day counted backwards from the quarter's last day, not
//     counting that day; the statistics table on the 2nd working day after the quarter's last day (RULES §5).
//   - "Within N working days of the inspection" is the N-th working day after the inspection date.
//
// Thread safety: const member functions may be called concurrently from any number of threads. The mutating
// functions (AddYear, LoadJson, LoadFile, set_allow_provisional) must not run concurrently with any other use
// of the same object. `BuiltIn()` returns an immutable shared object and is thread-safe.
#ifndef SSRANDOM_CALENDAR_H_
#define SSRANDOM_CALENDAR_H_

#include <bitset>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "ssrandom/period.h"

namespace ssr {

// The `format` value of a holiday file.
inline constexpr char kHolidayFileFormat[] = "ssrandom-holidays-v1";

// The default deadlines, in working days (RULES §5; every one is a parameter where it is used).
inline constexpr int kSummaryWorkingDaysBefore = 2;  // quarterly summary (工作总结), before quarter end
inline constexpr int kStatisticsWorkingDaysAfter =
    2;  // quarterly statistics table (统计表), after quarter end
inline constexpr int kResultEntryWorkingDays = 7;   // results entered after the inspection (Hebei practice)
inline constexpr int kPublicationWorkingDays = 20;  // results published after the inspection (national)

// The two quarterly report deadlines of one quarter.
struct PeriodDeadlines {
  Period period;                  // the quarter
  absl::CivilDay summary_due;     // the quarterly summary (工作总结) is due on this day
  absl::CivilDay statistics_due;  // the quarterly statistics table (统计表) is due on this day
  // True when a year without holiday data was treated as plain Monday–Friday (provisional mode) anywhere
  // between summary_due and statistics_due: the dates may move once that year's schedule is loaded.
  bool provisional = false;
};

class WorkingDayCalendar {
 public:
  // An empty calendar: no year has data, so every date is an OutOfRange error (or provisional, once allowed).
  // Start from an empty calendar to use only your own holiday files; start from a copy of BuiltIn() to extend
  // the shipped years.
  WorkingDayCalendar() = default;

  // Copyable and movable; a copy is independent of the original.
  WorkingDayCalendar(const WorkingDayCalendar&) = default;
  WorkingDayCalendar& operator=(const WorkingDayCalendar&) = default;
  WorkingDayCalendar(WorkingDayCalendar&&) = default;
  WorkingDayCalendar& operator=(WorkingDayCalendar&&) = default;

  // The calendar with the State Council schedules the library ships: 2024, 2025 and 2026. Provisional dates
  // are not allowed. The object lives for the whole program and never changes; copy it to extend it.
  // Thread-safe.
  static const WorkingDayCalendar& BuiltIn();

  // Adds one year's schedule: `off` the holidays (days off, whatever the weekday), `work` the make-up working
  // days (usually weekend days). Order and repeats within a list do not matter.
  //
  // Errors (a failed call changes nothing):
  //   InvalidArgument — `year` outside 1..9999; a day of `off` or `work` outside `year`; a day in both lists.
  //   AlreadyExists   — the calendar already has `year` (data cannot be replaced; start from an empty
  //                     calendar to use different data for a shipped year).
  // Ownership: the vectors are taken by value and their days copied into the calendar.
  absl::Status AddYear(int year, std::vector<absl::CivilDay> off, std::vector<absl::CivilDay> work);

  // Adds every year of a holiday file held in `text`. `source_name` (usually the file name) starts every
  // error message, so that the clerk knows which file to fix. The format, `ssrandom-holidays-v1`:
  //
  //   {
  //     "format": "ssrandom-holidays-v1",
  //     "note": "optional free text: where the schedule comes from",
  //     "years": [
  //       {"year": 2027,
  //        "note": "optional free text",
  //        "off":  ["2027-01-01", "2027-02-05..2027-02-11"],
  //        "work": ["2027-02-14"]}
  //     ]
  //   }
  //
  // `off` and `work` are required (an empty list is written []); each item is a date `YYYY-MM-DD` or an
  // inclusive range `YYYY-MM-DD..YYYY-MM-DD`, inside that entry's year. No other keys are accepted, so that a
  // misspelt key is an error rather than a silently ignored list. A UTF-8 byte-order mark is accepted.
  //
  // Errors: InvalidArgument for text that is not JSON (with line and column), a missing or wrong `format`, a
  // misspelt, missing, repeated or mistyped key, an empty `years` list, a bad date or range, a date outside
  // its entry's year, a day both off and work, or a year listed twice in the file; AlreadyExists for a year
  // the calendar already has. Messages name the source, the year entry, the field and the value. All or
  // nothing: when any year entry fails, no year of the file is added. Ownership: `text` and `source_name` are
  // only read during the call.
  absl::Status LoadJson(absl::string_view text, absl::string_view source_name);

  // Reads the file at `path` and calls LoadJson with the path as the source name.
  //
  // Errors: those of LoadJson, and NotFound / PermissionDenied / InvalidArgument (a directory) when the file
  // cannot be read; the message names the path. All or nothing, as LoadJson.
  absl::Status LoadFile(const std::string& path);

  // Whether dates in years without data are answered as plain Monday–Friday weeks (true) or rejected with
  // OutOfRange (false, the default). Meant for planning ahead before the State Council publishes a year;
  // results that depend on such a year are flagged by IsProvisional() and PeriodDeadlines::provisional.
  void set_allow_provisional(bool allow) { allow_provisional_ = allow; }
  bool allow_provisional() const { return allow_provisional_; }

  // The years with holiday data, in increasing order.
  std::vector<int> years() const;

  // Whether `year` has holiday data.
  bool HasYear(int year) const { return years_.contains(year); }

  // Whether the answer for `day` is a provisional guess: provisional dates are allowed, `day`'s year has no
  // holiday data and lies in 1..9999. False whenever provisional dates are not allowed (such days are
  // errors).
  bool IsProvisional(absl::CivilDay day) const;

  // Whether `day` is a working day.
  //
  // Errors: OutOfRange when `day`'s year has no holiday data and provisional dates are not allowed (the
  // message names the year, the years the calendar has, and how to add the missing one), or when the year is
  // outside 1..9999.
  absl::StatusOr<bool> IsWorkingDay(absl::CivilDay day) const;

  // n > 0: the n-th working day after `from`; n < 0: the |n|-th working day before `from`. `from` itself is
  // never counted and need not be a working day. E.g. AddWorkingDays(2024-09-30, 1) == 2024-10-08 (National
  // Day holiday 10-01..10-07) and AddWorkingDays(2024-09-30, -1) == 2024-09-29 (a make-up working Sunday).
  //
  // Errors: InvalidArgument when n == 0 (there is no 0-th working day); OutOfRange when the count reaches a
  // year without data (as IsWorkingDay; the message also says which count reached it).
  absl::StatusOr<absl::CivilDay> AddWorkingDays(absl::CivilDay from, int n) const;

  // The number of working days d with after < d <= until, e.g. WorkingDaysBetween(2024-09-30, 2024-10-09)
  // == 2. When until < after the result is minus WorkingDaysBetween(until, after); it is 0 when they are
  // equal. `after` itself is never looked up, so it may lie in a year without data.
  //
  // Errors: OutOfRange when a counted day lies in a year without data (as IsWorkingDay).
  absl::StatusOr<int> WorkingDaysBetween(absl::CivilDay after, absl::CivilDay until) const;

  // The number of working days in `period`, first and last day included.
  //
  // Errors: OutOfRange when the period's year has no data (as IsWorkingDay).
  absl::StatusOr<int> WorkingDaysIn(const Period& period) const;

  // The quarterly report deadlines of `quarter` (RULES §5): the summary is due on the
  // `summary_days_before`-th working day counted backwards from the quarter's last day, not counting that
  // day; the statistics table on the `statistics_days_after`-th working day after the quarter's last day.
  // E.g. 2024Q3 (last day Monday 2024-09-30): summary 2024-09-27, statistics 2024-10-09.
  //
  // Errors: InvalidArgument when `quarter` is a year (deadlines are per quarter: use Period::Quarters()) or a
  // count is below 1; OutOfRange as AddWorkingDays (the statistics deadline of a Q4 lies in the next year).
  absl::StatusOr<PeriodDeadlines> Deadlines(const Period& quarter,
                                            int summary_days_before = kSummaryWorkingDaysBefore,
                                            int statistics_days_after = kStatisticsWorkingDaysAfter) const;

  // The last day of a duty that must be done "within `working_days` working days" of `day`: the
  // `working_days`-th working day after `day`, not counting `day` itself. Check IsProvisional() on the result
  // when provisional dates are allowed.
  //
  // Errors: InvalidArgument when working_days < 1; OutOfRange as AddWorkingDays.
  absl::StatusOr<absl::CivilDay> DeadlineAfter(absl::CivilDay day, int working_days) const;

  // DeadlineAfter for the two duties of every inspection: entering its result (default 7 working days) and
  // publishing it (default 20 working days). Errors as DeadlineAfter.
  absl::StatusOr<absl::CivilDay> ResultEntryDeadline(absl::CivilDay inspection_date,
                                                     int working_days = kResultEntryWorkingDays) const {
    return DeadlineAfter(inspection_date, working_days);
  }
  absl::StatusOr<absl::CivilDay> PublicationDeadline(absl::CivilDay inspection_date,
                                                     int working_days = kPublicationWorkingDays) const {
    return DeadlineAfter(inspection_date, working_days);
  }

 private:
  struct YearData {
    std::bitset<366> working;  // by day of year - 1
    std::string source;        // where the data came from, for error messages
  };

  // Validates and builds one year; `context` starts every error message.
  static absl::StatusOr<YearData> BuildYear(int year, const std::vector<absl::CivilDay>& off,
                                            const std::vector<absl::CivilDay>& work,
                                            absl::string_view context);
  absl::Status MissingYearError(absl::CivilDay day) const;

  absl::flat_hash_map<int, YearData> years_;
  bool allow_provisional_ = false;
};

}  // namespace ssr

#endif  // SSRANDOM_CALENDAR_H_
