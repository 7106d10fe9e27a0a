#include "draw/items.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"
#include "parallel/run_parts.h"

namespace ssr::internal {

absl::StatusOr<ItemMatcher> ItemMatcher::Create(const Bureau& bureau, const Period& period) {
  ItemMatcher matcher;
  matcher.rows_ = bureau.entities.size();
  for (const Item& item : bureau.items) {
    Condition condition;
    if (!item.applies_to.empty()) {
      absl::StatusOr<Condition> parsed =
          Condition::Parse(item.applies_to, absl::StrCat("item ", item.id, " applies_to"));
      if (!parsed.ok()) return parsed.status();
      condition = *std::move(parsed);
    }
    matcher.entries_.push_back({item.id, item.method, condition.Bind(bureau.entities, period)});
  }
  matcher.words_per_row_ = (matcher.entries_.size() + 63) / 64;
  matcher.blocks_.resize((matcher.rows_ + kBlockRows - 1) / kBlockRows);
  return matcher;
}

void ItemMatcher::Prepare(absl::Span<const uint32_t> rows, int threads) {
  if (entries_.empty()) return;
  std::vector<bool> wanted(blocks_.size(), false);
  for (uint32_t row : rows) wanted[row / kBlockRows] = true;
  std::vector<size_t> blocks;
  for (size_t block = 0; block < wanted.size(); ++block) {
    if (wanted[block] && blocks_[block] == nullptr) blocks.push_back(block);
  }
  // Each part fills its own blocks: no two threads write the same place. A part of fewer than 16 blocks
  // (16,384 rows) is not worth a thread.
  const int parts = PartsFor(blocks.size(), threads, 16);
  RunParts(parts, [&](int part) {
    std::vector<Truth> truths(kBlockRows);
    for (size_t i = PartBegin(blocks.size(), parts, part); i < PartBegin(blocks.size(), parts, part + 1);
         ++i) {
      const size_t begin = blocks[i] * kBlockRows;
      const size_t count = std::min(kBlockRows, rows_ - begin);
      auto masks = std::make_unique<uint64_t[]>(count * words_per_row_);  // zeroed
      for (size_t item = 0; item < entries_.size(); ++item) {
        entries_[item].condition.EvaluateBlock(begin, count, truths.data());
        for (size_t r = 0; r < count; ++r) {
          if (truths[r] == Truth::kTrue) masks[r * words_per_row_ + item / 64] |= uint64_t{1} << (item % 64);
        }
      }
      blocks_[blocks[i]] = std::move(masks);
    }
  });
}

void ItemMatcher::CopyBits(size_t row, uint64_t* bits) const {
  const uint64_t* block = row / kBlockRows < blocks_.size() ? blocks_[row / kBlockRows].get() : nullptr;
  if (block != nullptr) {
    std::copy_n(block + (row % kBlockRows) * words_per_row_, words_per_row_, bits);
    return;
  }
  std::fill_n(bits, words_per_row_, uint64_t{0});  // not prepared: evaluated alone
  for (size_t item = 0; item < entries_.size(); ++item) {
    if (entries_[item].condition.Evaluate(row) == Truth::kTrue) bits[item / 64] |= uint64_t{1} << (item % 64);
  }
}

void ItemMatcher::ItemsFromBits(const uint64_t* bits, InspectionMethod method,
                                std::vector<absl::string_view>* ids) const {
  ids->clear();
  for (size_t item = 0; item < entries_.size(); ++item) {
    const Entry& entry = entries_[item];
    if (entry.method != InspectionMethod::kEither && entry.method != method) continue;
    if ((bits[item / 64] >> (item % 64)) & 1) ids->push_back(entry.id);
  }
}

}  // namespace ssr::internal
