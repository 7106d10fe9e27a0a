// C ABI: the experimental functions (SSR_ENABLE_EXPERIMENTAL_API). The library is built with that macro
// defined, so these are declared, defined and exported like the others; only callers opt in.
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "capi/capi_internal.h"
#include "ssrandom/sample_bureau.h"
#include "ssrandom/sampler.h"

using ssr::capi::NotNull;
using ssr::capi::OutHandle;
using ssr::capi::Require;
using ssr::capi::Run;
using ssr::capi::Text;
using ssr::capi::ThrowArgument;

extern "C" {

ssr_status ssr_bureau_generate(int64_t entities, int inspectors_per_group, uint64_t seed, ssr_bureau** out) {
  return Run(__func__, [&] {
    OutHandle(out, "out");
    Require(entities >= 1 && entities <= 10000000,
            absl::StrCat("entities must be 1..10000000, not ", entities));
    Require(inspectors_per_group >= 1 && inspectors_per_group <= 1000,
            absl::StrCat("inspectors_per_group must be 1..1000, not ", inspectors_per_group));
    ssr::SampleBureauOptions options;
    options.entities = entities;
    options.inspectors_per_group = inspectors_per_group;
    options.seed = seed;
    *out = new ssr_bureau{ssr::GenerateBureau(options)};
  });
}

ssr_status ssr_sample(const char* seed, const char* const* ids, size_t id_count, size_t n, int threads,
                      size_t* out_indices, size_t* out_count) {
  return Run(__func__, [&] {
    std::string text(Text(seed, "seed"));
    ssr::capi::Check(ssr::ValidateSeed(text));
    Require(ids != nullptr || id_count == 0, "ids is NULL");
    NotNull(out_count, "out_count");
    Require(out_indices != nullptr || n == 0 || id_count == 0, "out_indices is NULL");
    Require(threads >= 0 && threads <= 256, absl::StrCat("threads must be 0..256, not ", threads));
    std::vector<absl::string_view> views;
    views.reserve(id_count);
    absl::flat_hash_set<absl::string_view> seen;
    for (size_t i = 0; i < id_count; ++i) {
      if (ids[i] == nullptr) ThrowArgument(absl::StrCat("ids[", i, "] is NULL"));
      views.emplace_back(ids[i]);
      if (!seen.insert(views.back()).second) {
        ThrowArgument(absl::StrCat("the id '", views.back(), "' appears twice; ids must be unique"));
      }
    }
    std::vector<size_t> picked = ssr::TicketSampler(text).SelectLowest(views, n, threads < 1 ? 1 : threads);
    for (size_t i = 0; i < picked.size(); ++i) out_indices[i] = picked[i];
    *out_count = picked.size();
  });
}

}  // extern "C"
