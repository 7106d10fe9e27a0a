// Compact string storage for directory columns: one byte arena with end offsets, and an interning pool for
// low-cardinality values (areas, industries, credit classes, tags).
#ifndef SSRANDOM_SRC_DIRECTORY_STRING_COLUMN_H_
#define SSRANDOM_SRC_DIRECTORY_STRING_COLUMN_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace ssr::internal {

class StringColumn {
 public:
  // Offsets are 32-bit: one column holds at most 4 GiB of text.
  static constexpr size_t kMaxBytes = UINT32_MAX;

  bool HasRoomFor(absl::string_view value) const { return bytes_.size() + value.size() <= kMaxBytes; }
  void Append(absl::string_view value) {
    bytes_.append(value.data(), value.size());
    ends_.push_back(static_cast<uint32_t>(bytes_.size()));
  }
  absl::string_view operator[](size_t row) const {
    uint32_t begin = row == 0 ? 0 : ends_[row - 1];
    return absl::string_view(bytes_.data() + begin, ends_[row] - begin);
  }
  size_t size() const { return ends_.size(); }
  // The raw storage, for the columnar form (src/io/columnar.cc).
  absl::string_view bytes() const { return bytes_; }
  const std::vector<uint32_t>& ends() const { return ends_; }
  // Replaces the contents. Precondition: `ends` is non-decreasing and its last value (if any) is
  // bytes.size() <= kMaxBytes; the columnar reader checks this before calling.
  void Assign(std::string bytes, std::vector<uint32_t> ends) {
    bytes_ = std::move(bytes);
    ends_ = std::move(ends);
  }
  void ShrinkToFit() {
    bytes_.shrink_to_fit();
    ends_.shrink_to_fit();
  }
  size_t ResidentBytes() const { return bytes_.capacity() + ends_.capacity() * sizeof(uint32_t); }

 private:
  std::string bytes_;
  std::vector<uint32_t> ends_;
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
