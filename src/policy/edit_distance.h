// Levenshtein distance, for "did you mean" suggestions in policy and condition error messages.
#ifndef SSRANDOM_SRC_POLICY_EDIT_DISTANCE_H_
#define SSRANDOM_SRC_POLICY_EDIT_DISTANCE_H_

#include <cstddef>

#include "absl/strings/string_view.h"

namespace ssr::internal {

// The number of single-byte insertions, deletions and substitutions that turn `a` into `b`.
size_t EditDistance(absl::string_view a, absl::string_view b);

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_POLICY_EDIT_DISTANCE_H_
