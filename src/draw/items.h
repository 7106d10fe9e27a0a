// Which inspection items (抽查事项) apply to a drawn entity: an item applies when its method fits the task's
// (on-site items to on-site tasks, off-site items to off-site tasks, "either" items to both) and its
// `applies_to` condition is true for the entity (an unknown result does not apply the item).
#ifndef SSRANDOM_SRC_DRAW_ITEMS_H_
#define SSRANDOM_SRC_DRAW_ITEMS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "ssrandom/bureau.h"
#include "ssrandom/condition.h"
#include "ssrandom/period.h"

namespace ssr::internal {

class ItemMatcher {
 public:
  // Compiles every item's condition against the bureau's directory for the period. InvalidArgument naming
  // the item when its applies_to does not parse. The bureau must outlive the matcher.
  static absl::StatusOr<ItemMatcher> Create(const Bureau& bureau, const Period& period);

  // Ids of the items that apply to directory row `row` for a task carried out by `method`, in list order.
  std::vector<std::string> ItemsFor(size_t row, InspectionMethod method) const;

 private:
  struct Entry {
    std::string id;
    InspectionMethod method;
    BoundCondition condition;
  };
  std::vector<Entry> entries_;
};

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_DRAW_ITEMS_H_
