// Compact string storage for directory columns: one byte arena with end offsets, and an interning pool for
// low-cardinality values (areas, industries, credit classes, tags).
#ifndef SSRANDOM_SRC_DIRECTORY_STRING_COLUMN_H_
#define SSRANDOM_SRC_DIRECTORY_STRING_COLUMN_H_

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace ssr::internal {

// Values are stored back to back in one byte arena. Where each value ends is kept in two levels: the arena
// offset where each block of kBlock rows begins (u32), and each row's end relative to its block's start
// (u16): 2.125 bytes per row instead of 4. A block whose text would pass 64 KiB (values averaging 2 KiB)
// switches the column to plain u32 end offsets for good.
class StringColumn {
 public:
  // Offsets are 32-bit: one column holds at most 4 GiB of text.
  static constexpr size_t kMaxBytes = UINT32_MAX;
  static constexpr size_t kBlock = 32;

  bool HasRoomFor(absl::string_view value) const { return bytes_.size() + value.size() <= kMaxBytes; }
  void Append(absl::string_view value) {
    const size_t row = size_;
    bytes_.append(value.data(), value.size());
    ++size_;
    if (wide_) {
      ends_.push_back(static_cast<uint32_t>(bytes_.size()));
      return;
    }
    if (row % kBlock == 0) block_begins_.push_back(static_cast<uint32_t>(bytes_.size() - value.size()));
    const size_t relative = bytes_.size() - block_begins_.back();
    if (relative > UINT16_MAX) {
      Widen();
      return;
    }
    relative_ends_.push_back(static_cast<uint16_t>(relative));
  }
  absl::string_view operator[](size_t row) const {
    uint32_t begin, end;
    if (wide_) {
      begin = row == 0 ? 0 : ends_[row - 1];
      end = ends_[row];
    } else {
      const uint32_t block = block_begins_[row / kBlock];
      begin = block + (row % kBlock == 0 ? 0 : relative_ends_[row - 1]);
      end = block + relative_ends_[row];
    }
    return absl::string_view(bytes_.data() + begin, end - begin);
  }
  size_t size() const { return size_; }
  // The raw storage, for the columnar form (src/io/columnar.cc): the text, and each row's end offset in it.
  absl::string_view bytes() const { return bytes_; }
  std::vector<uint32_t> Ends() const {
    if (wide_) return ends_;
    std::vector<uint32_t> ends(size_);
    for (size_t row = 0; row < size_; ++row) ends[row] = block_begins_[row / kBlock] + relative_ends_[row];
    return ends;
  }
  // Replaces the contents. Precondition: `ends` is non-decreasing and its last value (if any) is
  // bytes.size() <= kMaxBytes; the columnar reader checks this before calling.
  void Assign(std::string bytes, const std::vector<uint32_t>& ends) {
    StringColumn column;
    column.bytes_ = std::move(bytes);
    column.size_ = ends.size();
    column.block_begins_.reserve((ends.size() + kBlock - 1) / kBlock);
    column.relative_ends_.reserve(ends.size());
    bool fits = true;
    for (size_t row = 0; row < ends.size() && fits; ++row) {
      if (row % kBlock == 0) column.block_begins_.push_back(row == 0 ? 0 : ends[row - 1]);
      const uint32_t relative = ends[row] - column.block_begins_.back();
      fits = relative <= UINT16_MAX;
      column.relative_ends_.push_back(static_cast<uint16_t>(relative));
    }
    if (!fits) {
      std::vector<uint32_t>().swap(column.block_begins_);
      std::vector<uint16_t>().swap(column.relative_ends_);
      column.ends_ = ends;
      column.wide_ = true;
    }
    *this = std::move(column);
  }
  void ShrinkToFit() {
    bytes_.shrink_to_fit();
    block_begins_.shrink_to_fit();
    relative_ends_.shrink_to_fit();
    ends_.shrink_to_fit();
  }
  size_t ResidentBytes() const {
    return bytes_.capacity() + block_begins_.capacity() * sizeof(uint32_t) +
           relative_ends_.capacity() * sizeof(uint16_t) + ends_.capacity() * sizeof(uint32_t);
  }

 private:
  // Switches to plain end offsets. The rows before size_ - 1 are in the two-level form; the last row's end
  // is bytes_.size().
  void Widen() {
    std::vector<uint32_t> ends;
    ends.reserve(size_);
    for (size_t row = 0; row + 1 < size_; ++row) {
      ends.push_back(block_begins_[row / kBlock] + relative_ends_[row]);
    }
    ends.push_back(static_cast<uint32_t>(bytes_.size()));
    ends_ = std::move(ends);
    std::vector<uint32_t>().swap(block_begins_);
    std::vector<uint16_t>().swap(relative_ends_);
    wide_ = true;
  }

  std::string bytes_;
  size_t size_ = 0;
  bool wide_ = false;
  std::vector<uint32_t> block_begins_;  // two-level form
  std::vector<uint16_t> relative_ends_;
  std::vector<uint32_t> ends_;  // wide form
};

// USCCs (统一社会信用代码) are 18 characters when valid, so each row has a fixed 18-byte slot and no offset.
// A value of any other length (an unknown USCC is empty; odd codes are kept with a data-quality warning) goes
// to a side column, and its slot holds a 0 byte followed by its u32 index there. No stored value starts with
// a 0 byte: directory text holds no control characters (Directory::Add and the columnar reader reject them),
// and Append sends such a value to the side column anyway.
class UsccColumn {
 public:
  static constexpr size_t kWidth = 18;

  // The same limit as a StringColumn: the text of all rows together fits in 4 GiB (the columnar form's u32
  // offsets).
  bool HasRoomFor(absl::string_view value) const {
    return text_bytes_ + value.size() <= StringColumn::kMaxBytes;
  }
  void Append(absl::string_view value) {
    const size_t at = slots_.size();
    slots_.resize(at + kWidth);
    if (value.size() == kWidth && value[0] != '\0') {
      std::memcpy(&slots_[at], value.data(), kWidth);
    } else {
      const uint32_t odd = static_cast<uint32_t>(odd_.size());
      slots_[at] = '\0';
      std::memcpy(&slots_[at + 1], &odd, sizeof(odd));
      odd_.Append(value);
    }
    text_bytes_ += value.size();
  }
  absl::string_view operator[](size_t row) const {
    const char* slot = slots_.data() + row * kWidth;
    if (*slot != '\0') return absl::string_view(slot, kWidth);
    uint32_t odd;
    std::memcpy(&odd, slot + 1, sizeof(odd));
    return odd_[odd];
  }
  size_t size() const { return slots_.size() / kWidth; }
  // The text of every row back to back and each row's end offset in it: the columnar form's layout.
  std::string Bytes() const {
    std::string bytes;
    bytes.reserve(text_bytes_);
    for (size_t row = 0; row < size(); ++row) bytes.append((*this)[row].data(), (*this)[row].size());
    return bytes;
  }
  std::vector<uint32_t> Ends() const {
    std::vector<uint32_t> ends(size());
    uint32_t end = 0;
    for (size_t row = 0; row < size(); ++row) ends[row] = end += static_cast<uint32_t>((*this)[row].size());
    return ends;
  }
  // Replaces the contents. Same precondition as StringColumn::Assign.
  void Assign(absl::string_view bytes, const std::vector<uint32_t>& ends) {
    UsccColumn column;
    column.slots_.reserve(ends.size() * kWidth);
    uint32_t begin = 0;
    for (uint32_t end : ends) {
      column.Append(bytes.substr(begin, end - begin));
      begin = end;
    }
    column.ShrinkToFit();
    *this = std::move(column);
  }
  void ShrinkToFit() {
    slots_.shrink_to_fit();
    odd_.ShrinkToFit();
  }
  size_t ResidentBytes() const { return slots_.capacity() + odd_.ResidentBytes(); }

 private:
  std::string slots_;
  StringColumn odd_;
  size_t text_bytes_ = 0;
};

// Each row's set of tag codes, interned: rows share one copy of each distinct set (a directory holds few:
// an industry tag and a handful of others). Set 0 is the empty set. Sets keep the order they were given in.
class TagSetPool {
 public:
  TagSetPool() : index_(0, SetHash{this}, SetEq{this}) {}
  TagSetPool(const TagSetPool& other) : TagSetPool() { *this = other; }
  TagSetPool& operator=(const TagSetPool& other) {
    if (this != &other) {
      ends_ = other.ends_;
      codes_ = other.codes_;
      index_.clear();
      index_.reserve(other.index_.size());
      for (uint32_t set = 0; set < ends_.size(); ++set) index_.insert(set);
    }
    return *this;
  }

  absl::Span<const uint16_t> operator[](uint32_t set) const {
    if (set == 0) return {};
    const uint32_t begin = set == 1 ? 0 : ends_[set - 2];
    return absl::MakeConstSpan(codes_.data() + begin, ends_[set - 1] - begin);
  }
  // The number of sets, the empty set included.
  size_t size() const { return ends_.size() + 1; }
  // The set's number, added if new. Precondition: size() < UINT32_MAX and the pool's codes stay under
  // 4 Gi (Directory::Add checks both).
  uint32_t Intern(absl::Span<const uint16_t> codes) {
    if (codes.empty()) return 0;
    auto it = index_.find(codes);
    if (it != index_.end()) return *it + 1;
    codes_.insert(codes_.end(), codes.begin(), codes.end());
    ends_.push_back(static_cast<uint32_t>(codes_.size()));
    index_.insert(static_cast<uint32_t>(ends_.size() - 1));
    return static_cast<uint32_t>(ends_.size());
  }
  size_t code_count() const { return codes_.size(); }
  void ShrinkToFit() {
    ends_.shrink_to_fit();
    codes_.shrink_to_fit();
  }
  size_t ResidentBytes() const {
    return ends_.capacity() * sizeof(uint32_t) + codes_.capacity() * sizeof(uint16_t) +
           index_.capacity() * (sizeof(uint32_t) + 1);
  }

 private:
  // The index holds set numbers minus one (sets 1..), hashed and compared by their codes.
  absl::Span<const uint16_t> Codes(uint32_t i) const { return (*this)[i + 1]; }
  struct SetHash {
    using is_transparent = void;
    const TagSetPool* pool;
    size_t operator()(uint32_t i) const { return (*this)(pool->Codes(i)); }
    size_t operator()(absl::Span<const uint16_t> codes) const {
      return absl::Hash<absl::Span<const uint16_t>>()(codes);
    }
  };
  struct SetEq {
    using is_transparent = void;
    const TagSetPool* pool;
    bool operator()(uint32_t a, uint32_t b) const { return a == b; }
    bool operator()(uint32_t a, absl::Span<const uint16_t> b) const { return pool->Codes(a) == b; }
    bool operator()(absl::Span<const uint16_t> a, uint32_t b) const { return a == pool->Codes(b); }
  };

  std::vector<uint32_t> ends_;  // of sets 1.., into codes_
  std::vector<uint16_t> codes_;
  absl::flat_hash_set<uint32_t, SetHash, SetEq> index_;
};

// Code 0 is always the empty string ("unknown"); other codes are given in first-seen order.
class StringPool {
 public:
  static constexpr size_t kMaxValues = UINT16_MAX;

  StringPool() : values_{std::string()} { codes_.emplace(std::string(), 0); }
  std::optional<uint16_t> Find(absl::string_view value) const {
    auto it = codes_.find(value);
    if (it == codes_.end()) return std::nullopt;
    return it->second;
  }
  // Whether Intern(value) would succeed.
  bool CanIntern(absl::string_view value) const {
    return values_.size() < kMaxValues || codes_.contains(value);
  }
  // Precondition: CanIntern(value).
  uint16_t Intern(absl::string_view value) {
    auto [it, inserted] = codes_.try_emplace(std::string(value), static_cast<uint16_t>(values_.size()));
    if (inserted) values_.emplace_back(value);
    return it->second;
  }
  absl::string_view operator[](uint16_t code) const { return values_[code]; }
  size_t size() const { return values_.size(); }
  const std::vector<std::string>& values() const { return values_; }
  size_t ResidentBytes() const;

 private:
  std::vector<std::string> values_;
  absl::flat_hash_map<std::string, uint16_t> codes_;
};

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_DIRECTORY_STRING_COLUMN_H_
