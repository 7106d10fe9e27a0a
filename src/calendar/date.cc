#include "ssrandom/date.h"

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace ssr {
namespace {

constexpr char kExpectedForm[] = "expected a date written YYYY-MM-DD, e.g. 2024-10-08";

// Reads `count` ASCII digits at `text[at]`; false when any of them is not a digit.
bool ReadDigits(absl::string_view text, size_t at, size_t count, int* value) {
  int result = 0;
  for (size_t i = at; i < at + count; ++i) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) return false;
    result = result * 10 + (text[i] - '0');
  }
  *value = result;
  return true;
}

}  // namespace

absl::StatusOr<absl::CivilDay> ParseDate(absl::string_view text) {
  int year = 0;
  int month = 0;
  int day = 0;
  // The shape is checked by hand: absl::ParseCivilTime accepts signs, spaces and years of any width.
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !ReadDigits(text, 0, 4, &year) ||
      !ReadDigits(text, 5, 2, &month) || !ReadDigits(text, 8, 2, &day)) {
    return absl::InvalidArgumentError(absl::StrCat("'", text, "' is not a date: ", kExpectedForm));
  }
  if (year < kMinDateYear) {
    return absl::InvalidArgumentError(
        absl::StrCat("'", text, "' is not a date: there is no year 0000; ", kExpectedForm));
  }
  if (month < 1 || month > 12) {
    return absl::InvalidArgumentError(
        absl::StrCat("'", text, "' is not a date: the month must be 01 to 12; ", kExpectedForm));
  }
  // CivilDay normalises 2024-02-30 to 2024-03-01; a day that does not exist is one that moved.
  absl::CivilDay civil(year, month, day);
  if (day < 1 || civil.month() != month || civil.day() != day) {
    absl::CivilMonth next = absl::CivilMonth(year, month) + 1;
    int days_in_month =
        static_cast<int>(absl::CivilDay(next) - absl::CivilDay(absl::CivilMonth(year, month)));
    return absl::InvalidArgumentError(absl::StrFormat("'%s' is not a date: %04d-%02d has days 01 to %02d",
                                                      text, year, month, days_in_month));
  }
  return civil;
}

std::string FormatDate(absl::CivilDay day) {
  return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
}

}  // namespace ssr
