// The canonical line of an entity (docs/directory.md, "Canonical digest"), which the directory digest
// (ssrandom/directory_digest.h) hashes entity by entity.
#ifndef SSRANDOM_SRC_DIRECTORY_CANONICAL_H_
#define SSRANDOM_SRC_DIRECTORY_CANONICAL_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "directory/entity_columns.h"

namespace ssr::internal {

// Writes canonical lines read straight from the columns. Holds scratch space, so one writer per thread.
class CanonicalLineWriter {
 public:
  explicit CanonicalLineWriter(const EntityColumns& columns) : columns_(columns) {}

  // The canonical line of `row` (< columns.size()), ended by '\n'. The view is valid until the next call.
  absl::string_view Line(uint32_t row);

 private:
  const EntityColumns& columns_;
  std::string line_;
  std::vector<absl::string_view> tags_;
};

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_DIRECTORY_CANONICAL_H_
