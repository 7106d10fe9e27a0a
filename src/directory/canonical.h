// The canonical form of an entity directory (docs/directory.md, "Canonical digest"), line by line, for
// Directory::CanonicalDigest and for computing the same digest over a directory split into parts
// (ssrandom/partial_draw.h).
#ifndef SSRANDOM_SRC_DIRECTORY_CANONICAL_H_
#define SSRANDOM_SRC_DIRECTORY_CANONICAL_H_

#include <functional>

#include "absl/strings/string_view.h"
#include "ssrandom/directory.h"

namespace ssr::internal {

// Calls `visit` with each entity's canonical line (ended by '\n'), in ascending byte order of id. The view
// is valid only during the call.
void ForEachCanonicalLine(const Directory& directory, const std::function<void(absl::string_view)>& visit);

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_DIRECTORY_CANONICAL_H_
