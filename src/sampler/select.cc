// SelectLowest / Order: ranking ids by ticket without building ticket strings (see docs/sampler.md).
#include "sampler/select.h"

#include <vector>

#include "ssrandom/sampler.h"

namespace ssr {

std::vector<size_t> TicketSampler::SelectLowest(absl::Span<const absl::string_view> ids, size_t n,
                                                int threads) const {
  return internal::SelectLowestOf(
      *this, ids.size(), [ids](size_t i) { return ids[i]; }, n, threads);
}

std::vector<size_t> TicketSampler::Order(absl::Span<const absl::string_view> ids, int threads) const {
  return SelectLowest(ids, ids.size(), threads);
}

}  // namespace ssr
