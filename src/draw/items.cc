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
    matcher.entries_.push_back(
        {item.id, item.method, condition.Bind(bureau.entities, period),
         std::vector<std::unique_ptr<Truth[]>>((matcher.rows_ + kBlockRows - 1) / kBlockRows)});
  }
  return matcher;
}

void ItemMatcher::Prepare(absl::Span<const uint32_t> rows, int threads) {
  std::vector<bool> wanted((rows_ + kBlockRows - 1) / kBlockRows, false);
  for (uint32_t row : rows) wanted[row / kBlockRows] = true;
  std::vector<size_t> blocks;
  for (size_t block = 0; block < wanted.size(); ++block) {
    if (wanted[block] && !entries_.empty() && entries_.front().blocks[block] == nullptr)
      blocks.push_back(block);
  }
  // Each part evaluates its own blocks: distinct slots of every entry's block list, so no two threads write
  // the same place.
  const int parts = PartsFor(blocks.size(), threads, 16);
  RunParts(parts, [&](int part) {
    for (size_t i = PartBegin(blocks.size(), parts, part); i < PartBegin(blocks.size(), parts, part + 1);
         ++i) {
      const size_t begin = blocks[i] * kBlockRows;
      const size_t count = std::min(kBlockRows, rows_ - begin);
      for (Entry& entry : entries_) {
        auto truths = std::make_unique<Truth[]>(count);
        entry.condition.EvaluateBlock(begin, count, truths.get());
        entry.blocks[blocks[i]] = std::move(truths);
      }
    }
  });
}

Truth ItemMatcher::TruthFor(const Entry& entry, size_t row) {
  const std::unique_ptr<Truth[]>& block = entry.blocks[row / kBlockRows];
  return block != nullptr ? block[row % kBlockRows] : entry.condition.Evaluate(row);
}

std::vector<std::string> ItemMatcher::ItemsFor(size_t row, InspectionMethod method) const {
  std::vector<std::string> ids;
  for (const Entry& entry : entries_) {
    if (entry.method != InspectionMethod::kEither && entry.method != method) continue;
    if (TruthFor(entry, row) == Truth::kTrue) ids.push_back(entry.id);
  }
  return ids;
}

}  // namespace ssr::internal
