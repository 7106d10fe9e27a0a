// The directory's id index: an open-addressing hash table of row numbers keyed by the id text, sized to the
// row count. Internal (src/directory/).
//
// Why not absl::flat_hash_set<uint32_t>: its capacity is a power of two minus one kept between 7/16 and 7/8
// full, so a loaded directory paid 5 to 11 bytes per row for its index depending on where the row count fell
// (8.4 B at 10^7, 10.5 B at 10^6). This table holds a one-byte hash tag and a four-byte row per slot, with
// any slot count: a loaded directory is sized to 1.25 slots per row (6.25 bytes per row) at every size.
//
// Layout: `tags_[i]` is 0 for an empty slot, else eight bits of the id's hash (never 0); `rows_[i]` is the
// row in that slot. The home slot of a hash is its high bits scaled to the slot count (multiply-shift), and
// collisions probe linearly. Rows are never removed. The id text is not stored: lookups compare against the
// directory's id column, which every call passes in.
//
// Thread safety: const methods may be called concurrently; the others need exclusive access.
#ifndef SSRANDOM_SRC_DIRECTORY_ID_INDEX_H_
#define SSRANDOM_SRC_DIRECTORY_ID_INDEX_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "absl/hash/hash.h"
#include "absl/numeric/int128.h"
#include "absl/strings/string_view.h"
#include "directory/string_column.h"

namespace ssr::internal {

class IdIndex {
 public:
  using Column = StringColumn;

  // The highest share of occupied slots: growing tables double when they reach it, and Reserve and
  // ShrinkToFit size the table to exactly this load.
  static constexpr double kMaxLoad = 0.8;

  size_t size() const { return size_; }

  // The row whose id (ids[row]) equals `id`, or nullopt.
  std::optional<uint32_t> Find(const Column& ids, absl::string_view id) const { return Probe(ids, id).row; }

  // Where an id is in the table, or would go: its hash, and the row holding an equal id or the empty slot
  // where the search for it ended.
  struct Place {
    uint64_t hash = 0;
    size_t slot = 0;
    std::optional<uint32_t> row;
  };

  // The place of `id`: a directory adding a row looks for its id once, checks the rest of the row, and then
  // inserts it with InsertAt, without hashing and probing a second time.
  Place Probe(const Column& ids, absl::string_view id) const {
    Place place;
    place.hash = Hash(id);
    if (tags_.empty()) return place;  // InsertAt grows the table first
    const uint8_t tag = TagOf(place.hash);
    for (place.slot = Home(place.hash);; place.slot = Next(place.slot)) {
      const uint8_t t = tags_[place.slot];
      if (t == 0) return place;
      if (t == tag && ids[rows_[place.slot]] == id) {
        place.row = rows_[place.slot];
        return place;
      }
    }
  }

  // Adds `row`, whose id is ids[row], at the place Probe gave for that id, which had no row. Precondition:
  // nothing was inserted since that Probe.
  void InsertAt(const Column& ids, const Place& place, uint32_t row) {
    size_t slot = place.slot;
    if (static_cast<double>(size_ + 1) > kMaxLoad * static_cast<double>(tags_.size())) {
      Rebuild(ids, std::max<size_t>(16, tags_.size() * 2));
      for (slot = Home(place.hash); tags_[slot] != 0;) slot = Next(slot);
    }
    tags_[slot] = TagOf(place.hash);
    rows_[slot] = row;
    ++size_;
  }

  // Adds `row`, whose id is ids[row], unless a row with an equal id is present: then returns that row and
  // changes nothing. Returns nullopt when `row` was added.
  std::optional<uint32_t> Insert(const Column& ids, uint32_t row) {
    const Place place = Probe(ids, ids[row]);
    if (place.row.has_value()) return place.row;
    InsertAt(ids, place, row);
    return std::nullopt;
  }

  // Makes room for `rows` rows in all without growing (call before inserting them).
  void Reserve(const Column& ids, size_t rows) {
    if (static_cast<double>(rows) > kMaxLoad * static_cast<double>(tags_.size())) {
      Rebuild(ids, SlotsFor(rows));
    }
  }

  // Sizes the table to its rows (growth by doubling leaves it between 40% and 80% full).
  void ShrinkToFit(const Column& ids) {
    const size_t slots = SlotsFor(size_);
    if (slots < tags_.size()) Rebuild(ids, slots);
  }

  size_t ResidentBytes() const { return tags_.capacity() + rows_.capacity() * sizeof(uint32_t); }

 private:
  static uint64_t Hash(absl::string_view id) { return absl::Hash<absl::string_view>()(id); }
  static uint8_t TagOf(uint64_t hash) {
    const uint8_t tag = static_cast<uint8_t>(hash);
    return tag == 0 ? 1 : tag;
  }
  static size_t SlotsFor(size_t rows) {
    if (rows == 0) return 0;
    // The smallest slot count at or under kMaxLoad, plus one so that a full table still has an empty slot.
    return static_cast<size_t>(static_cast<double>(rows) / kMaxLoad) + 1;
  }
  size_t Home(uint64_t hash) const {
    return static_cast<size_t>(absl::Uint128High64(absl::uint128(hash) * tags_.size()));
  }
  size_t Next(size_t slot) const { return slot + 1 == tags_.size() ? 0 : slot + 1; }

  // Re-inserts every row into `slots` slots. Ids are unique already, so no comparison is needed.
  void Rebuild(const Column& ids, size_t slots) {
    std::vector<uint8_t> old_tags = std::move(tags_);
    std::vector<uint32_t> old_rows = std::move(rows_);
    tags_.assign(slots, 0);
    tags_.shrink_to_fit();
    rows_.assign(slots, 0);
    rows_.shrink_to_fit();
    for (size_t i = 0; i < old_tags.size(); ++i) {
      if (old_tags[i] == 0) continue;
      const uint32_t row = old_rows[i];
      const uint64_t hash = Hash(ids[row]);
      size_t slot = Home(hash);
      while (tags_[slot] != 0) slot = Next(slot);
      tags_[slot] = TagOf(hash);
      rows_[slot] = row;
    }
  }

  std::vector<uint8_t> tags_;
  std::vector<uint32_t> rows_;
  size_t size_ = 0;
};

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_DIRECTORY_ID_INDEX_H_
