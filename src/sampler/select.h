// The ranking step of TicketSampler::SelectLowest, separate from hashing so that tests can drive it with
// keys of their own (real ticket keys practically never tie).
#ifndef SSRANDOM_SRC_SAMPLER_SELECT_H_
#define SSRANDOM_SRC_SAMPLER_SELECT_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace ssr::internal {

struct KeyedIndex {
  uint64_t key;  // TicketKey::first19 of ids[index]
  size_t index;  // into the caller's ids
};

// The indices of the n lowest entries (n is clamped to entries.size()), lowest first, under the order:
// key, then tie_less(index_a, index_b) for equal keys. tie_less must be a strict total order on the
// indices of equal-key entries; then the order is total, and nth_element and sort can only leave one
// result, whatever their internal pivot choices. O(N + n log n) comparisons.
template <typename TieLess>
std::vector<size_t> LowestByKey(std::vector<KeyedIndex> entries, size_t n, const TieLess& tie_less) {
  n = std::min(n, entries.size());
  const auto less = [&tie_less](const KeyedIndex& a, const KeyedIndex& b) {
    if (a.key != b.key) return a.key < b.key;
    return tie_less(a.index, b.index);
  };
  if (n < entries.size()) std::nth_element(entries.begin(), entries.begin() + n, entries.end(), less);
  std::sort(entries.begin(), entries.begin() + n, less);
  std::vector<size_t> lowest(n);
  for (size_t i = 0; i < n; ++i) lowest[i] = entries[i].index;
  return lowest;
}

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_SAMPLER_SELECT_H_
