// The preset policies compiled into the library: data/presets/*.json, embedded at build time by
// cmake/SsrEmbedFiles.cmake into a generated source file. Internal.
#ifndef SSRANDOM_SRC_POLICY_PRESETS_H_
#define SSRANDOM_SRC_POLICY_PRESETS_H_

#include <cstddef>

namespace ssr::internal {

struct EmbeddedFile {
  const char* name;  // the file name without ".json", e.g. "hebei-xinle-2024"
  const unsigned char* data;
  size_t size;
};

// Sorted by name.
extern const EmbeddedFile kEmbeddedPresets[];
extern const size_t kEmbeddedPresetCount;

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_POLICY_PRESETS_H_
