#include "draw/items.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace ssr::internal {

absl::StatusOr<ItemMatcher> ItemMatcher::Create(const Bureau& bureau, const Period& period) {
  ItemMatcher matcher;
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
  return matcher;
}

std::vector<std::string> ItemMatcher::ItemsFor(size_t row, InspectionMethod method) const {
  std::vector<std::string> ids;
  for (const Entry& entry : entries_) {
    if (entry.method != InspectionMethod::kEither && entry.method != method) continue;
    if (entry.condition.Matches(row)) ids.push_back(entry.id);
  }
  return ids;
}

}  // namespace ssr::internal
