// The holiday schedules libssrandom ships, as a holiday file (format ssrandom-holidays-v1), so that they go
// through the same parser and checks as any file a bureau loads.
#ifndef SSRANDOM_SRC_CALENDAR_BUILTIN_HOLIDAYS_H_
#define SSRANDOM_SRC_CALENDAR_BUILTIN_HOLIDAYS_H_

#include "absl/strings/string_view.h"

namespace ssr::internal {

absl::string_view BuiltInHolidaysJson();

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_CALENDAR_BUILTIN_HOLIDAYS_H_
