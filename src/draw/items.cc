#include "draw/items.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"

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

Truth ItemMatcher::TruthFor(Entry& entry, size_t row) {
  std::unique_ptr<Truth[]>& block = entry.blocks[row / kBlockRows];
  if (block == nullptr) {
    const size_t begin = row - row % kBlockRows;
    const size_t count = std::min(kBlockRows, rows_ - begin);
    block = std::make_unique<Truth[]>(count);
    entry.condition.EvaluateBlock(begin, count, block.get());
  }
  return block[row % kBlockRows];
}

std::vector<std::string> ItemMatcher::ItemsFor(size_t row, InspectionMethod method) {
  std::vector<std::string> ids;
  for (Entry& entry : entries_) {
    if (entry.method != InspectionMethod::kEither && entry.method != method) continue;
    if (TruthFor(entry, row) == Truth::kTrue) ids.push_back(entry.id);
  }
  return ids;
}

}  // namespace ssr::internal
