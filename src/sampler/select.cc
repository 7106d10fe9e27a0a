// SelectLowest / Order: ranking ids by ticket without building ticket strings (see docs/sampler.md).
#include "sampler/select.h"

#include <algorithm>
#include <vector>

#include "parallel/run_parts.h"
#include "ssrandom/sampler.h"

namespace ssr {
namespace {

using internal::KeyedIndex;

// Below this many ids per thread, starting a thread costs more than it saves.
constexpr size_t kMinIdsPerThread = size_t{1} << 14;

void FillKeys(const TicketSampler& sampler, absl::Span<const absl::string_view> ids, size_t begin, size_t end,
              KeyedIndex* entries) {
  constexpr size_t kBatch = 256;
  TicketKey keys[kBatch];
  for (size_t batch = begin; batch < end; batch += kBatch) {
    const size_t size = std::min(kBatch, end - batch);
    sampler.Keys(ids.subspan(batch, size), absl::MakeSpan(keys, size));
    for (size_t i = 0; i < size; ++i) entries[batch + i] = KeyedIndex{keys[i].first19, batch + i};
  }
}

// Keys for every id, in input order. Each thread writes its own contiguous range, so the vector is the same
// whatever the thread count, and the ranking that follows runs on one thread.
std::vector<KeyedIndex> ComputeKeys(const TicketSampler& sampler, absl::Span<const absl::string_view> ids,
                                    int threads) {
  std::vector<KeyedIndex> entries(ids.size());
  const int parts = internal::PartsFor(ids.size(), std::max(1, threads), kMinIdsPerThread);
  internal::RunParts(parts, [&](int part) {
    FillKeys(sampler, ids, internal::PartBegin(ids.size(), parts, part),
             internal::PartBegin(ids.size(), parts, part + 1), entries.data());
  });
  return entries;
}

}  // namespace

std::vector<size_t> TicketSampler::SelectLowest(absl::Span<const absl::string_view> ids, size_t n,
                                                int threads) const {
  if (std::min(n, ids.size()) == 0) return {};
  // Equal keys (p = 10^-19 per pair) fall back to whole tickets and ids (Compare), then to the input index,
  // which only duplicate ids reach.
  const auto tie_less = [&](size_t a, size_t b) {
    if (a == b) return false;
    const int order = Compare(ids[a], ids[b]);
    return order != 0 ? order < 0 : a < b;
  };
  return internal::LowestByKey(ComputeKeys(*this, ids, threads), n, tie_less, threads);
}

std::vector<size_t> TicketSampler::Order(absl::Span<const absl::string_view> ids, int threads) const {
  return SelectLowest(ids, ids.size(), threads);
}

}  // namespace ssr
