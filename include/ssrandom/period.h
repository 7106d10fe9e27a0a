// ssrandom/period.h — the reporting periods of the inspection plan: quarters and years.
//
// Quotas (抽查比例), summaries (工作总结) and statistics tables (统计表) are all per quarter, and a few rules
// are per year (e.g. the share of internal joint inspections, the yearly cap per entity). This header defines
// `ssr::Period`, a value type that is either a calendar quarter (`2024Q1` = 2024-01-01..2024-03-31) or a
// calendar year (`2024`). Quarters are calendar quarters: Q1 January–March, Q2 April–June, Q3 July–September,
// Q4 October–December.
//
// The text forms are exactly `YYYYQn` (the `Q` may be lowercase: `2024q1`) and `YYYY`, with a four-digit
// year 0001–9999 and n = 1..4. ToString() always writes the uppercase form.
//
// Example:
//
//   absl::StatusOr<ssr::Period> period = ssr::Period::Parse("2024Q3");
//   if (!period.ok()) return period.status();
//   absl::CivilDay last = period->last_day();                 // 2024-09-30
//   bool in = period->Contains(absl::CivilDay(2024, 8, 1));    // true
//   for (const ssr::Period& q : ssr::Period::Year(2025).Quarters()) {
//     std::cout << q << "\n";                                  // 2025Q1 2025Q2 2025Q3 2025Q4
//   }
//
// Ordering: periods order by year, then a year before its own quarters, then quarters in order:
// 2024 < 2024Q1 < 2024Q2 < 2024Q3 < 2024Q4 < 2025. Periods are hashable with absl::Hash, so they can key an
// absl::flat_hash_map.
//
// Thread safety: Period is an immutable value; every member is thread-safe.
#ifndef SSRANDOM_PERIOD_H_
#define SSRANDOM_PERIOD_H_

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace ssr {

class Period {
 public:
  // Parses `2024Q1`, `2024q1` or `2024`. Nothing else is accepted: no spaces, no `2024-Q1`, no `Q1 2024`, no
  // `24Q1`, no `2024Q5`.
  //
  // Errors: InvalidArgument; the message quotes the text and names the accepted forms.
  // Ownership: `text` is only read during the call.
  static absl::StatusOr<Period> Parse(absl::string_view text);

  // A checked constructor for values that come from users: `quarter` 1..4 makes that quarter, 0 makes the
  // year.
  //
  // Errors: InvalidArgument when `year` is outside 1..9999 or `quarter` outside 0..4.
  static absl::StatusOr<Period> Make(int year, int quarter);

  // Quarter `quarter` (1..4) of `year` (1..9999), and the calendar year `year`. For values known to be valid
  // (literals, values taken from another Period); use Make() or Parse() for anything a user typed.
  //
  // Preconditions: 1 <= year <= 9999 and 1 <= quarter <= 4. A violation is a programming error: the process
  // prints the values to stderr and aborts, in every build mode.
  static Period Quarter(int year, int quarter);
  static Period Year(int year);

  // The calendar year, e.g. 2024 for both `2024Q3` and `2024`.
  int year() const { return year_; }
  // 1..4 for a quarter, 0 for a year.
  int quarter() const { return quarter_; }
  bool is_quarter() const { return quarter_ != 0; }

  // The first and last day of the period, both inside it: `2024Q1` runs 2024-01-01..2024-03-31, `2024` runs
  // 2024-01-01..2024-12-31.
  absl::CivilDay first_day() const;
  absl::CivilDay last_day() const;

  // Whether first_day() <= day <= last_day().
  bool Contains(absl::CivilDay day) const;

  // `2024Q1` or `2024`, the form Parse() reads back.
  std::string ToString() const;

  // A year's four quarters in order; a quarter returns a vector holding only itself.
  std::vector<Period> Quarters() const;

  // The year a period belongs to: `2024` for `2024Q3`, and itself for a year.
  Period YearPeriod() const { return Period(year_, 0); }

  friend bool operator==(const Period& a, const Period& b) {
    return a.year_ == b.year_ && a.quarter_ == b.quarter_;
  }
  friend bool operator!=(const Period& a, const Period& b) { return !(a == b); }
  friend bool operator<(const Period& a, const Period& b) {
    return std::make_pair(a.year_, a.quarter_) < std::make_pair(b.year_, b.quarter_);
  }
  friend bool operator>(const Period& a, const Period& b) { return b < a; }
  friend bool operator<=(const Period& a, const Period& b) { return !(b < a); }
  friend bool operator>=(const Period& a, const Period& b) { return !(a < b); }

  template <typename H>
  friend H AbslHashValue(H h, const Period& period) {
    return H::combine(std::move(h), period.year_, period.quarter_);
  }

  // Writes ToString(); also lets GoogleTest print periods.
  friend std::ostream& operator<<(std::ostream& os, const Period& period) { return os << period.ToString(); }

 private:
  Period(int year, int quarter) : year_(year), quarter_(quarter) {}

  int year_;
  int quarter_;  // 0 for a whole year
};

}  // namespace ssr

#endif  // SSRANDOM_PERIOD_H_
