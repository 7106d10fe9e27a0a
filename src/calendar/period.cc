#include "ssrandom/period.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "ssrandom/date.h"

namespace ssr {
namespace {

constexpr char kExpectedForms[] =
    "expected a quarter written YYYYQn with n = 1 to 4 (e.g. 2024Q3) or a year written YYYY (e.g. 2024)";

bool AllDigits(absl::string_view text) {
  for (char c : text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

int ToInt(absl::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

// Quarter() and Year() are for values known to be valid; a bad one is a bug in the caller, not bad input.
[[noreturn]] void DieInvalid(const std::string& call) {
  std::fprintf(stderr,
               "ssr::Period::%s: the year must be %d..%d and the quarter 1..4 (use Period::Make or "
               "Period::Parse for values from users)\n",
               call.c_str(), kMinDateYear, kMaxDateYear);
  std::abort();
}

}  // namespace

absl::StatusOr<Period> Period::Parse(absl::string_view text) {
  bool shape_ok = false;
  int quarter = 0;
  if (text.size() == 4 && AllDigits(text)) {
    shape_ok = true;
  } else if (text.size() == 6 && AllDigits(text.substr(0, 4)) && (text[4] == 'Q' || text[4] == 'q') &&
             text[5] >= '1' && text[5] <= '4') {
    shape_ok = true;
    quarter = text[5] - '0';
  }
  if (!shape_ok) {
    return absl::InvalidArgumentError(absl::StrCat("'", text, "' is not a period: ", kExpectedForms));
  }
  int year = ToInt(text.substr(0, 4));
  if (year < kMinDateYear) {
    return absl::InvalidArgumentError(
        absl::StrCat("'", text, "' is not a period: there is no year 0000; ", kExpectedForms));
  }
  return Period(year, quarter);
}

absl::StatusOr<Period> Period::Make(int year, int quarter) {
  if (year < kMinDateYear || year > kMaxDateYear) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "year %d is not supported: a period's year must be %d to %d", year, kMinDateYear, kMaxDateYear));
  }
  if (quarter < 0 || quarter > 4) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "quarter %d of %d does not exist: a quarter is 1 to 4 (or 0 for the whole year)", quarter, year));
  }
  return Period(year, quarter);
}

Period Period::Quarter(int year, int quarter) {
  if (year < kMinDateYear || year > kMaxDateYear || quarter < 1 || quarter > 4)
    DieInvalid(absl::StrFormat("Quarter(%d, %d)", year, quarter));
  return Period(year, quarter);
}

Period Period::Year(int year) {
  if (year < kMinDateYear || year > kMaxDateYear) DieInvalid(absl::StrFormat("Year(%d)", year));
  return Period(year, 0);
}

absl::CivilDay Period::first_day() const {
  int first_month = is_quarter() ? 3 * quarter_ - 2 : 1;
  return absl::CivilDay(year_, first_month, 1);
}

absl::CivilDay Period::last_day() const {
  int months = is_quarter() ? 3 : 12;
  // The day before the first day of the next period.
  return absl::CivilDay(absl::CivilMonth(first_day()) + months) - 1;
}

bool Period::Contains(absl::CivilDay day) const { return first_day() <= day && day <= last_day(); }

std::string Period::ToString() const {
  if (is_quarter()) return absl::StrFormat("%04dQ%d", year_, quarter_);
  return absl::StrFormat("%04d", year_);
}

std::vector<Period> Period::Quarters() const {
  if (is_quarter()) return {*this};
  return {Period(year_, 1), Period(year_, 2), Period(year_, 3), Period(year_, 4)};
}

}  // namespace ssr
