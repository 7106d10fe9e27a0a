// The State Council's holiday schedules (国务院办公厅关于部分节假日安排的通知) for the years the library
// ships. Source: RULES.md §8. When a new year is added here, add its cases to tests/calendar_test.cc as well.
#include "calendar/builtin_holidays.h"

namespace ssr::internal {

absl::string_view BuiltInHolidaysJson() {
  static constexpr char kJson[] = R"json({
  "format": "ssrandom-holidays-v1",
  "note": "State Council holiday schedules 2024-2026, as shipped with libssrandom",
  "years": [
    {"year": 2024,
     "off": ["2024-01-01", "2024-02-10..2024-02-17", "2024-04-04..2024-04-06", "2024-05-01..2024-05-05",
             "2024-06-10", "2024-09-15..2024-09-17", "2024-10-01..2024-10-07"],
     "work": ["2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29",
              "2024-10-12"]},
    {"year": 2025,
     "off": ["2025-01-01", "2025-01-28..2025-02-04", "2025-04-04..2025-04-06", "2025-05-01..2025-05-05",
             "2025-05-31..2025-06-02", "2025-10-01..2025-10-08"],
     "work": ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"]},
    {"year": 2026,
     "off": ["2026-01-01..2026-01-03", "2026-02-15..2026-02-23", "2026-04-04..2026-04-06",
             "2026-05-01..2026-05-05", "2026-06-19..2026-06-21", "2026-09-25..2026-09-27",
             "2026-10-01..2026-10-07"],
     "work": ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]}
  ]
})json";
  return kJson;
}

}  // namespace ssr::internal
