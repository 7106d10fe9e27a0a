// sample_bureau.h — a synthetic county bureau for demos, tests and benchmarks.
//
// The sample is modelled on the 2024 plan of the Xinle branch of the Shijiazhuang Ecology and Environment
// Bureau: the seven area groups (市区, 三产, 开发区, 邯邰, 杜固, 承安, 正莫), the enforcement brigade's
// groups and the other units the plan names (监控中心, 污管科, 土壤科, 普查办, 排管中心), a realistic mix of
// permit classes, key units, positive-list members, credit classes and special facts, an item list, partner
// departments, conflicts of interest — and a few deliberate data-quality faults (USCCs that fail the check
// character, a duplicate USCC, an expired and a missing certificate) so the quality report has something to
// show. Every name is synthetic; no real person or enterprise is described.
//
//   ssr::Bureau bureau = ssr::SampleBureau();                    // ~1,500 entities, ~40 inspectors
//   ssr::Bureau big = ssr::GenerateBureau({.entities = 1000000});  // same mix, scaled (inspectors and
//                                                                  // conflicts grow with the entities)
//
// Generation is deterministic: the same options give the same bureau, byte for byte, on every platform
// (a fixed integer generator; no platform random numbers).
#ifndef SSRANDOM_SAMPLE_BUREAU_H_
#define SSRANDOM_SAMPLE_BUREAU_H_

#include <cstdint>

#include "ssrandom/bureau.h"

namespace ssr {

struct SampleBureauOptions {
  int64_t entities = 1500;
  // Inspectors of the enforcement brigade per area group; the other units scale with it.
  int inspectors_per_group = 4;
  uint64_t seed = 20240101;
};

// Builds a synthetic bureau. Thread-safe; allocates the result.
Bureau GenerateBureau(const SampleBureauOptions& options);

// The built-in sample bureau: GenerateBureau with the default options.
Bureau SampleBureau();

}  // namespace ssr

#endif  // SSRANDOM_SAMPLE_BUREAU_H_
