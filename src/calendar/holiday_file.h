// Parsing of holiday files (format ssrandom-holidays-v1, see WorkingDayCalendar::LoadJson and
// docs/calendar.md) into one validated entry per year. The calendar builds and adds the years itself, so that
// a file is added all or nothing.
#ifndef SSRANDOM_SRC_CALENDAR_HOLIDAY_FILE_H_
#define SSRANDOM_SRC_CALENDAR_HOLIDAY_FILE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace ssr::internal {

struct HolidayYear {
  int year = 0;
  std::string context;  // "year entry #1 (2027)", for messages about the entry as a whole
  std::vector<absl::CivilDay> off;
  std::vector<absl::CivilDay> work;
};

// Parses and checks `text`: JSON syntax, keys and types, dates and ranges, days inside their entry's year, no
// day both off and work, no year twice. Errors are InvalidArgument and start with `source_name`.
absl::StatusOr<std::vector<HolidayYear>> ParseHolidayFile(absl::string_view text,
                                                          absl::string_view source_name);

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_CALENDAR_HOLIDAY_FILE_H_
