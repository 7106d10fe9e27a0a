// C ABI: working days, tickets, seeds and USCCs.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "capi/capi_internal.h"
#include "io/utf8.h"
#include "ssrandom/date.h"
#include "ssrandom/period.h"
#include "ssrandom/sampler.h"
#include "ssrandom/uscc.h"

using ssr::capi::Buffer;
using ssr::capi::Check;
using ssr::capi::NotNull;
using ssr::capi::OutHandle;
using ssr::capi::Run;
using ssr::capi::Text;
using ssr::capi::ThrowArgument;
using ssr::capi::Value;
using ssr::capi::WriteBuffer;

namespace ssr::capi {
namespace {

const WorkingDayCalendar& CalendarOf(const ssr_calendar* calendar) {
  return calendar == nullptr ? WorkingDayCalendar::BuiltIn() : calendar->calendar;
}

absl::CivilDay Day(const char* text, const char* name) {
  absl::StatusOr<absl::CivilDay> day = ParseDate(Text(text, name));
  if (!day.ok()) ThrowArgument(absl::StrCat(name, ": ", day.status().message()));
  return *day;
}

std::string ValidSeed(const char* seed) {
  std::string text(Text(seed, "seed"));
  Check(ValidateSeed(text));
  return text;
}

}  // namespace
}  // namespace ssr::capi

using ssr::capi::CalendarOf;
using ssr::capi::Day;

extern "C" {

// --- Calendars -----------------------------------------------------------------------------------------

ssr_status ssr_calendar_create_builtin(ssr_calendar** out) {
  return Run(__func__, [&] {
    OutHandle(out, "out");
    *out = new ssr_calendar{ssr::WorkingDayCalendar::BuiltIn()};
  });
}

ssr_status ssr_calendar_create_empty(ssr_calendar** out) {
  return Run(__func__, [&] {
    OutHandle(out, "out");
    *out = new ssr_calendar{ssr::WorkingDayCalendar()};
  });
}

void ssr_calendar_destroy(ssr_calendar* calendar) { delete calendar; }

ssr_status ssr_calendar_load_json(ssr_calendar* calendar, const char* data, size_t size, const char* source) {
  return Run(__func__, [&] {
    NotNull(calendar, "calendar");
    absl::string_view text = Buffer(data, size, "data");
    Check(calendar->calendar.LoadJson(text, source == nullptr ? "holidays.json" : source));
  });
}

ssr_status ssr_calendar_load_file(ssr_calendar* calendar, const char* path) {
  return Run(__func__, [&] {
    NotNull(calendar, "calendar");
    Check(calendar->calendar.LoadFile(std::string(Text(path, "path"))));
  });
}

ssr_status ssr_calendar_set_allow_provisional(ssr_calendar* calendar, int allow) {
  return Run(__func__, [&] { NotNull(calendar, "calendar")->calendar.set_allow_provisional(allow != 0); });
}

ssr_status ssr_calendar_is_working_day(const ssr_calendar* calendar, const char* date, int* out_working) {
  return Run(__func__, [&] {
    absl::CivilDay day = Day(date, "date");
    NotNull(out_working, "out_working");
    *out_working = Value(CalendarOf(calendar).IsWorkingDay(day)) ? 1 : 0;
  });
}

ssr_status ssr_calendar_add_working_days(const ssr_calendar* calendar, const char* date, int n, char* buffer,
                                         size_t size) {
  return Run(__func__, [&] {
    absl::CivilDay day = Day(date, "date");
    NotNull(buffer, "buffer");
    WriteBuffer(ssr::FormatDate(Value(CalendarOf(calendar).AddWorkingDays(day, n))), buffer, size, "buffer");
  });
}

ssr_status ssr_calendar_working_days_between(const ssr_calendar* calendar, const char* after,
                                             const char* until, int64_t* out_days) {
  return Run(__func__, [&] {
    absl::CivilDay from = Day(after, "after");
    absl::CivilDay to = Day(until, "until");
    NotNull(out_days, "out_days");
    *out_days = Value(CalendarOf(calendar).WorkingDaysBetween(from, to));
  });
}

ssr_status ssr_calendar_quarter_deadlines(const ssr_calendar* calendar, const char* quarter,
                                          char* summary_due, char* statistics_due, size_t size) {
  return Run(__func__, [&] {
    ssr::Period period = Value(ssr::Period::Parse(Text(quarter, "quarter")));
    NotNull(summary_due, "summary_due");
    NotNull(statistics_due, "statistics_due");
    ssr::PeriodDeadlines due = Value(CalendarOf(calendar).Deadlines(period));
    std::string summary = ssr::FormatDate(due.summary_due);
    std::string statistics = ssr::FormatDate(due.statistics_due);
    // Both fit or neither is written.
    ssr::capi::Require(size >= SSR_DATE_SIZE, absl::StrCat("the buffers hold ", size, " bytes; dates need ",
                                                           SSR_DATE_SIZE, " (SSR_DATE_SIZE)"));
    WriteBuffer(summary, summary_due, size, "summary_due");
    WriteBuffer(statistics, statistics_due, size, "statistics_due");
  });
}

// --- Tickets, seeds, USCCs -----------------------------------------------------------------------------

ssr_status ssr_validate_seed(const char* seed) {
  return Run(__func__, [&] { ssr::capi::ValidSeed(seed); });
}

ssr_status ssr_seed_hash(const char* seed, char* buffer, size_t size) {
  return Run(__func__, [&] {
    std::string text = ssr::capi::ValidSeed(seed);
    WriteBuffer(ssr::TicketSampler(text).seed_hash(), buffer, size, "buffer");
  });
}

ssr_status ssr_ticket(const char* seed, const char* id, char* buffer, size_t size) {
  return Run(__func__, [&] {
    std::string text = ssr::capi::ValidSeed(seed);
    absl::string_view key = Text(id, "id");
    WriteBuffer(ssr::TicketSampler(text).Ticket(key), buffer, size, "buffer");
  });
}

ssr_status ssr_uscc_check(const char* code) {
  return Run(__func__, [&] {
    ssr::UsccCheck check = ssr::CheckUscc(Text(code, "code"));
    if (!check.ok()) throw ssr::capi::ApiError{SSR_INVALID_ARGUMENT, check.Describe()};
  });
}

ssr_status ssr_uscc_check_character(const char* first17, char* out_character) {
  return Run(__func__, [&] {
    absl::string_view text = Text(first17, "first17");
    NotNull(out_character, "out_character");
    std::optional<char> check = ssr::UsccCheckCharacter(text);
    if (!check) {
      ThrowArgument(absl::StrCat("'", ssr::internal::Utf8Safe(text),
                                 "' is not 17 characters of the USCC alphabet (0-9, A-Z without I, O, S, ",
                                 "V, Z)"));
    }
    *out_character = *check;
  });
}

}  // extern "C"
