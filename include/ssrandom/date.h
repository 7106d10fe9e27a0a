// ssrandom/date.h — calendar dates as text.
//
// Every file libssrandom reads or writes spells a calendar date one way only: ISO 8601 `YYYY-MM-DD`, e.g.
// `2024-10-08`. This header defines the strict parser and the matching formatter, so that every loader
// (directories, holiday files, inspection records) accepts and rejects exactly the same texts. Dates are
// `absl::CivilDay` values: a day on the civil calendar, with no time of day and no time zone.
//
// Example:
//
//   absl::StatusOr<absl::CivilDay> day = ssr::ParseDate("2024-10-08");
//   if (!day.ok()) return day.status();   // e.g. "2024-02-30" is rejected: February 2024 has 29 days
//   std::string text = ssr::FormatDate(*day + 1);   // "2024-10-09"
//
// Thread safety: every function here is thread-safe (no shared state).
#ifndef SSRANDOM_DATE_H_
#define SSRANDOM_DATE_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace ssr {

// The years a date text can spell: four digits, 0001 to 9999.
inline constexpr int kMinDateYear = 1;
inline constexpr int kMaxDateYear = 9999;

// Parses `text` as a date written `YYYY-MM-DD`: exactly four digits of year (0001–9999), two of month and
// two of day, separated by '-', with nothing before or after (no spaces, no time, no `2024/10/08`, no
// `2024-1-8`). The day must exist: `2024-02-29` is accepted, `2025-02-29` and `2024-02-30` are not.
//
// Errors: InvalidArgument when the text is not such a date; the message quotes the text, says what is wrong
// (format or a day that does not exist) and gives the expected form. Callers that know where the text came
// from (file, record, field) should prefix that to the message.
//
// Ownership: `text` is only read during the call.
absl::StatusOr<absl::CivilDay> ParseDate(absl::string_view text);

// Formats `day` as `YYYY-MM-DD` (zero-padded), the form ParseDate accepts: ParseDate(FormatDate(d)) == d for
// every day in years 0001–9999. Days outside those years are still formatted, but not in a parseable form.
std::string FormatDate(absl::CivilDay day);

}  // namespace ssr

#endif  // SSRANDOM_DATE_H_
