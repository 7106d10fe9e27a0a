// The ranking step of TicketSampler::SelectLowest, separate from hashing so that tests can drive it with
// keys of their own (real ticket keys practically never tie).
#ifndef SSRANDOM_SRC_SAMPLER_SELECT_H_
#define SSRANDOM_SRC_SAMPLER_SELECT_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "parallel/run_parts.h"
#include "ssrandom/sampler.h"

namespace ssr::internal {

struct KeyedIndex {
  uint64_t key;  // TicketKey::first19 of ids[index]
  size_t index;  // into the caller's ids
};

// The indices of the n lowest entries (n is clamped to entries.size()), lowest first, under the order:
// key, then tie_less(index_a, index_b) for equal keys. tie_less must be a strict total order on the
// indices of equal-key entries; then the order is total and there is only one answer, whatever the
// method and `threads` (sorting work is split over up to that many threads; 0: two).
//
// Small inputs: nth_element, then sort of the n (O(N + n log n) comparisons). Large ones are ranked by
// the keys' top bits first: ticket keys are SHA-256 prefixes, spread evenly, so one counting pass finds
// the bucket where the n-th entry lies, a second places the entries of the buckets below it (and of that
// bucket) by bucket, and only each bucket, ~N / 2048 entries, is sorted by `less`: an entry's bucket is a
// range of keys, so buckets in order and each one sorted is the order. Keys that are not spread (tests)
// give the same answer, only slower. Both passes over the entries, and the sorting of the buckets, run on
// up to `threads` threads. Reorders `entries`.
template <typename TieLess>
std::vector<size_t> LowestByKey(absl::Span<KeyedIndex> entries, size_t n, const TieLess& tie_less,
                                int threads = 1) {
  n = std::min(n, entries.size());
  const auto less = [&tie_less](const KeyedIndex& a, const KeyedIndex& b) {
    if (a.key != b.key) return a.key < b.key;
    return tie_less(a.index, b.index);
  };
  constexpr size_t kMinForBuckets = size_t{1} << 16;
  if (entries.size() < kMinForBuckets || n == 0) {
    if (n < entries.size()) std::nth_element(entries.begin(), entries.begin() + n, entries.end(), less);
    std::sort(entries.begin(), entries.begin() + n, less);
    std::vector<size_t> lowest(n);
    for (size_t i = 0; i < n; ++i) lowest[i] = entries[i].index;
    return lowest;
  }

  constexpr int kBucketBits = 11;
  constexpr size_t kBuckets = size_t{1} << kBucketBits;
  const auto bucket_of = [](const KeyedIndex& e) { return static_cast<size_t>(e.key >> (64 - kBucketBits)); };
  // Both passes over the entries run in parts, each part a contiguous range of them: each counts its own
  // entries per bucket, and places them after those of the parts before it, so every bucket holds its
  // entries in input order whatever the part count.
  const int scan_parts = PartsFor(entries.size(), threads, kMinForBuckets);
  std::vector<std::vector<size_t>> part_counts(static_cast<size_t>(scan_parts),
                                               std::vector<size_t>(kBuckets, 0));
  const auto for_each_part_entry = [&](const auto& visit) {
    RunParts(scan_parts, [&](int part) {
      const size_t end = PartBegin(entries.size(), scan_parts, part + 1);
      for (size_t i = PartBegin(entries.size(), scan_parts, part); i < end; ++i) visit(part, entries[i]);
    });
  };
  for_each_part_entry(
      [&](int part, const KeyedIndex& e) { ++part_counts[static_cast<size_t>(part)][bucket_of(e)]; });
  std::vector<size_t> counts(kBuckets, 0);
  for (const std::vector<size_t>& part : part_counts) {
    for (size_t b = 0; b < kBuckets; ++b) counts[b] += part[b];
  }
  // Buckets [0, cut) are taken whole, `below` entries; the n-th entry is in bucket `cut` (1 <= n <= N).
  size_t cut = 0, below = 0;
  while (below + counts[cut] < n) below += counts[cut++];
  std::vector<size_t> offsets(cut + 2, 0);
  for (size_t b = 0; b <= cut; ++b) offsets[b + 1] = offsets[b] + counts[b];
  // Where each part places its next entry of each bucket up to `cut` (the counts become these).
  for (size_t b = 0; b <= cut; ++b) {
    size_t next = offsets[b];
    for (std::vector<size_t>& part : part_counts) {
      const size_t count = part[b];
      part[b] = next;
      next += count;
    }
  }
  // Not zeroed: every entry is written by the scatter below.
  const std::unique_ptr<KeyedIndex[]> gathered_entries(new KeyedIndex[offsets[cut + 1]]);
  const absl::Span<KeyedIndex> gathered(gathered_entries.get(), offsets[cut + 1]);
  for_each_part_entry([&](int part, const KeyedIndex& e) {
    const size_t b = bucket_of(e);
    if (b <= cut) gathered[part_counts[static_cast<size_t>(part)][b]++] = e;
  });
  // Each part sorts its own range of buckets; in the cut bucket only the entries that are taken.
  const int parts = PartsFor(cut + 1, threads, 64);
  RunParts(parts, [&](int part) {
    for (size_t b = PartBegin(cut + 1, parts, part); b < PartBegin(cut + 1, parts, part + 1); ++b) {
      const auto first = gathered.begin() + static_cast<std::ptrdiff_t>(offsets[b]);
      const auto last = gathered.begin() + static_cast<std::ptrdiff_t>(offsets[b + 1]);
      if (b < cut) {
        std::sort(first, last, less);
        continue;
      }
      const auto taken_end = first + static_cast<std::ptrdiff_t>(n - below);
      if (taken_end < last) std::nth_element(first, taken_end, last, less);
      std::sort(first, taken_end, less);
    }
  });
  std::vector<size_t> lowest(n);
  for (size_t i = 0; i < n; ++i) lowest[i] = gathered[i].index;
  return lowest;
}

// TicketSampler::SelectLowest over the `count` ids id_of(0) .. id_of(count - 1) (each an
// absl::string_view), for callers whose ids are not in one array: a draw reads them from the directory's
// column, where copying them into an array first was a tenth of the ranking at 10^7 entities. The same
// result as SelectLowest over those ids. id_of must be callable from several threads at once.
template <typename IdOf>
std::vector<size_t> SelectLowestOf(const TicketSampler& sampler, size_t count, const IdOf& id_of, size_t n,
                                   int threads) {
  if (std::min(n, count) == 0) return {};
  // The keys of every id, in input order: each part hashes its own contiguous range, so the keys do not
  // depend on the part count, and the ranking that follows gives the one answer.
  constexpr size_t kMinIdsPerPart = size_t{1} << 14;  // below, starting a thread costs more than it saves
  // Not zeroed: every entry is written by the parts below (zeroing was a serial pass over 16 bytes per id).
  const std::unique_ptr<KeyedIndex[]> entries(new KeyedIndex[count]);
  const int parts = PartsFor(count, std::max(1, threads), kMinIdsPerPart);
  RunParts(parts, [&](int part) {
    constexpr size_t kBatch = 256;
    absl::string_view ids[kBatch];
    TicketKey keys[kBatch];
    const size_t end = PartBegin(count, parts, part + 1);
    for (size_t batch = PartBegin(count, parts, part); batch < end; batch += kBatch) {
      const size_t size = std::min(kBatch, end - batch);
      for (size_t i = 0; i < size; ++i) ids[i] = id_of(batch + i);
      sampler.Keys(absl::MakeConstSpan(ids, size), absl::MakeSpan(keys, size));
      for (size_t i = 0; i < size; ++i) entries[batch + i] = KeyedIndex{keys[i].first19, batch + i};
    }
  });
  // Equal keys (p = 10^-19 per pair) fall back to whole tickets and ids (Compare), then to the input index,
  // which only duplicate ids reach.
  const auto tie_less = [&](size_t a, size_t b) {
    if (a == b) return false;
    const int order = sampler.Compare(id_of(a), id_of(b));
    return order != 0 ? order < 0 : a < b;
  };
  return LowestByKey(absl::MakeSpan(entries.get(), count), n, tie_less, threads);
}

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_SAMPLER_SELECT_H_
