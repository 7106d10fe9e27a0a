// Which inspection items (抽查事项) apply to a drawn entity: an item applies when its method fits the task's
// (on-site items to on-site tasks, off-site items to off-site tasks, "either" items to both) and its
// `applies_to` condition is true for the entity (an unknown result does not apply the item).
#ifndef SSRANDOM_SRC_DRAW_ITEMS_H_
#define SSRANDOM_SRC_DRAW_ITEMS_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "ssrandom/bureau.h"
#include "ssrandom/condition.h"
#include "ssrandom/period.h"

namespace ssr::internal {

class ItemMatcher {
 public:
  // Compiles every item's condition against the bureau's directory for the period. InvalidArgument naming
  // the item when its applies_to does not parse. The bureau must outlive the matcher.
  static absl::StatusOr<ItemMatcher> Create(const Bureau& bureau, const Period& period);

  // Evaluates each item's condition, on up to `threads` threads, for every block of kBlockRows rows that
  // holds one of `rows`, and keeps the results: evaluating one row alone runs the condition program with
  // its scratch allocations for every task (13% of a draw's instructions at 10^5), a block costs little
  // more than a row. Not thread-safe (it fills the matcher); the result does not depend on `threads`.
  void Prepare(absl::Span<const uint32_t> rows, int threads);

  // Frees what Prepare kept; later calls evaluate rows alone. Not thread-safe.
  void ReleasePrepared() {
    for (std::unique_ptr<uint64_t[]>& block : blocks_) block.reset();
  }

  // How many 64-bit words hold one row's item bits (0 when the bureau has no items).
  size_t words_per_row() const { return words_per_row_; }

  // Writes directory row `row`'s item bits to `bits[0, words_per_row())`: bit i set when item i's condition
  // is true for the row. Reads the blocks Prepare kept; a row it did not prepare is evaluated alone (same
  // answer, slower). Thread-safe: concurrent calls only read the matcher.
  void CopyBits(size_t row, uint64_t* bits) const;

  // Sets `*ids` to the ids of the items that apply, for a task carried out by `method`, to a row whose bits
  // CopyBits wrote: those whose condition holds and whose method fits, in list order. The views stay valid
  // while the matcher lives (moving it keeps them). Thread-safe.
  void ItemsFromBits(const uint64_t* bits, InspectionMethod method,
                     std::vector<absl::string_view>* ids) const;

 private:
  static constexpr size_t kBlockRows = 1024;
  struct Entry {
    std::string id;
    InspectionMethod method;
    BoundCondition condition;
  };
  size_t rows_ = 0;
  size_t words_per_row_ = 0;  // 64 items per word
  std::vector<Entry> entries_;
  // By row / kBlockRows, null until prepared: kBlockRows × words_per_row_ words, bit i of a row's words set
  // when item i's condition is true for it. One read per task instead of one block per item: the tasks'
  // rows are scattered over the directory, so each read is a cache miss.
  std::vector<std::unique_ptr<uint64_t[]>> blocks_;
};

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_DRAW_ITEMS_H_
