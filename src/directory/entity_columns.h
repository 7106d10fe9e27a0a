// The storage behind ssr::Directory: a struct of arrays. Internal; read directly by the library's hot loops.
#ifndef SSRANDOM_SRC_DIRECTORY_ENTITY_COLUMNS_H_
#define SSRANDOM_SRC_DIRECTORY_ENTITY_COLUMNS_H_

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/types/span.h"
#include "directory/id_index.h"
#include "directory/string_column.h"

namespace ssr::internal {

// Counts are stored in 16 bits; kNoCount marks an absent count.
inline constexpr uint16_t kNoCount = UINT16_MAX;
inline constexpr int32_t kMaxCount = UINT16_MAX - 1;
inline constexpr int32_t kNoDate = std::numeric_limits<int32_t>::min();

// Bits of EntityColumns::flags.
inline constexpr uint8_t kKeyUnitKnown = 1 << 0;
inline constexpr uint8_t kKeyUnit = 1 << 1;
inline constexpr uint8_t kPositiveListKnown = 1 << 2;
inline constexpr uint8_t kPositiveList = 1 << 3;

// Days since 1970-01-01 for a date column; kNoDate when absent.
int32_t DayNumber(absl::CivilDay day);
absl::CivilDay DayFromNumber(int32_t number);
// The day numbers of the dates a date text can spell (kMinDateYear-01-01 to kMaxDateYear-12-31): what a
// directory holds, whatever it was loaded from.
inline constexpr int32_t kFirstDay = -719'162;  // 0001-01-01
inline constexpr int32_t kLastDay = 2'932'896;  // 9999-12-31

// A date column: days since 1970-01-01, or kNoDate. While every date lies in 1900-01-01..2079-06-05 the
// days are kept in 16 bits as the offset from kBase (kNone marks no date); the first date outside that range
// switches the column to 32 bits for good. Hot loops read narrow() or wide() directly.
class DayColumn {
 public:
  static constexpr int32_t kBase = -25567;  // DayNumber(1900-01-01)
  static constexpr uint16_t kNone = UINT16_MAX;

  int32_t operator[](size_t row) const {
    if (wide_) return wide_days_[row];
    const uint16_t v = narrow_days_[row];
    return v == kNone ? kNoDate : kBase + v;
  }
  size_t size() const { return wide_ ? wide_days_.size() : narrow_days_.size(); }
  void push_back(int32_t day) {
    // Compared as written, not as day - kBase: that overflows for days near INT32_MAX.
    if (!wide_ && day != kNoDate && (day < kBase || day >= kBase + int32_t{kNone})) Widen();
    if (wide_) {
      wide_days_.push_back(day);
    } else {
      narrow_days_.push_back(day == kNoDate ? kNone : static_cast<uint16_t>(day - kBase));
    }
  }
  void Assign(const std::vector<int32_t>& days) {
    DayColumn column;
    column.narrow_days_.reserve(days.size());
    for (int32_t day : days) column.push_back(day);
    column.ShrinkToFit();
    *this = std::move(column);
  }
  std::vector<int32_t> Days() const {
    std::vector<int32_t> days(size());
    for (size_t row = 0; row < days.size(); ++row) days[row] = (*this)[row];
    return days;
  }
  bool wide() const { return wide_; }
  const uint16_t* narrow() const { return narrow_days_.data(); }  // when !wide()
  const int32_t* wide_data() const { return wide_days_.data(); }  // when wide()
  void ShrinkToFit() {
    narrow_days_.shrink_to_fit();
    wide_days_.shrink_to_fit();
  }
  size_t ResidentBytes() const {
    return narrow_days_.capacity() * sizeof(uint16_t) + wide_days_.capacity() * sizeof(int32_t);
  }

 private:
  void Widen() {
    wide_days_ = Days();
    std::vector<uint16_t>().swap(narrow_days_);
    wide_ = true;
  }

  bool wide_ = false;
  std::vector<uint16_t> narrow_days_;
  std::vector<int32_t> wide_days_;
};

// Unsigned numbers kept in 16 bits while every one fits; the first above 65,535 switches the column to 32
// bits for good. For the rows' tag-set numbers: a directory holds few distinct tag sets.
class SmallNumberColumn {
 public:
  uint32_t operator[](size_t row) const { return wide_ ? wide_numbers_[row] : narrow_numbers_[row]; }
  size_t size() const { return wide_ ? wide_numbers_.size() : narrow_numbers_.size(); }
  // The numbers of all rows while they are kept in 16 bits, else nullptr: for loops that read the column
  // directly (condition steps).
  const uint16_t* narrow_data() const { return wide_ ? nullptr : narrow_numbers_.data(); }
  void reserve(size_t rows) { narrow_numbers_.reserve(rows); }
  void push_back(uint32_t number) {
    if (!wide_ && number > UINT16_MAX) {
      wide_numbers_.assign(narrow_numbers_.begin(), narrow_numbers_.end());
      std::vector<uint16_t>().swap(narrow_numbers_);
      wide_ = true;
    }
    if (wide_) {
      wide_numbers_.push_back(number);
    } else {
      narrow_numbers_.push_back(static_cast<uint16_t>(number));
    }
  }
  void ShrinkToFit() {
    narrow_numbers_.shrink_to_fit();
    wide_numbers_.shrink_to_fit();
  }
  size_t ResidentBytes() const {
    return narrow_numbers_.capacity() * sizeof(uint16_t) + wide_numbers_.capacity() * sizeof(uint32_t);
  }

 private:
  bool wide_ = false;
  std::vector<uint16_t> narrow_numbers_;
  std::vector<uint32_t> wide_numbers_;
};

struct EntityColumns {
  EntityColumns();
  EntityColumns(const EntityColumns&) = delete;  // copy with Clone()
  EntityColumns& operator=(const EntityColumns&) = delete;
  std::unique_ptr<EntityColumns> Clone() const;
  size_t size() const { return ids.size(); }
  absl::Span<const uint16_t> TagCodes(size_t row) const { return tag_sets[tag_set[row]]; }
  // The row with that id, or nullopt.
  std::optional<uint32_t> FindId(absl::string_view id) const { return index.Find(ids, id); }
  size_t ResidentBytes() const;
  // ResidentBytes() part by part (for tests and benchmarks), in a fixed order.
  std::vector<std::pair<const char*, size_t>> ResidentBreakdown() const;
  void ShrinkToFit();

  StringColumn ids, names;
  UsccColumn usccs;
  StringPool areas, industries, credits, env_credits, tags;
  std::vector<uint16_t> area, industry, credit, env_credit;
  std::vector<uint8_t> permit_class, status, emergency_risk, flags;
  std::vector<uint16_t> penalties_last_year, verified_complaints;  // kNoCount when absent
  DayColumn last_penalty_day, supervision_listed_day;
  SmallNumberColumn tag_set;  // per row, a set of tag_sets
  uint64_t tag_count = 0;     // the rows' tags added up (the columnar form counts them in 32 bits)
  TagSetPool tag_sets;
  IdIndex index;  // of ids
};

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_DIRECTORY_ENTITY_COLUMNS_H_
