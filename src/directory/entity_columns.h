// The storage behind ssr::Directory: a struct of arrays. Internal; read directly by the library's hot loops.
#ifndef SSRANDOM_SRC_DIRECTORY_ENTITY_COLUMNS_H_
#define SSRANDOM_SRC_DIRECTORY_ENTITY_COLUMNS_H_

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/types/span.h"
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

// Hash set of row numbers keyed by the id text, so the index costs a few bytes per row rather than a copy
// of every id. Lookups by string_view are heterogeneous.
struct IdHash {
  using is_transparent = void;
  const StringColumn* ids;
  size_t operator()(uint32_t row) const { return absl::Hash<absl::string_view>()((*ids)[row]); }
  size_t operator()(absl::string_view id) const { return absl::Hash<absl::string_view>()(id); }
};
struct IdEq {
  using is_transparent = void;
  const StringColumn* ids;
  bool operator()(uint32_t a, uint32_t b) const { return a == b; }
  bool operator()(uint32_t a, absl::string_view b) const { return (*ids)[a] == b; }
  bool operator()(absl::string_view a, uint32_t b) const { return a == (*ids)[b]; }
};

struct EntityColumns {
  EntityColumns();
  EntityColumns(const EntityColumns&) = delete;  // the index points into `ids`: copy with Clone()
  EntityColumns& operator=(const EntityColumns&) = delete;
  std::unique_ptr<EntityColumns> Clone() const;
  size_t size() const { return ids.size(); }
  absl::Span<const uint16_t> TagCodes(size_t row) const {
    uint32_t begin = row == 0 ? 0 : tag_ends[row - 1];
    return absl::MakeConstSpan(tag_codes.data() + begin, tag_ends[row] - begin);
  }
  size_t ResidentBytes() const;
  void ShrinkToFit();

  StringColumn ids, usccs, names;
  StringPool areas, industries, credits, env_credits, tags;
  std::vector<uint16_t> area, industry, credit, env_credit;
  std::vector<uint8_t> permit_class, status, emergency_risk, flags;
  std::vector<uint16_t> penalties_last_year, verified_complaints;  // kNoCount when absent
  std::vector<int32_t> last_penalty_day, supervision_listed_day;   // DayNumber or kNoDate
  std::vector<uint32_t> tag_ends;
  std::vector<uint16_t> tag_codes;
  absl::flat_hash_set<uint32_t, IdHash, IdEq> index;
};

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_DIRECTORY_ENTITY_COLUMNS_H_
