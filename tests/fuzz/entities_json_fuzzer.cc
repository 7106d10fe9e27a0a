// Fuzzes ReadEntities over arbitrary JSON text: see entities_fuzz.h for the invariants checked.
#include <cstddef>
#include <cstdint>

#include "entities_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ssr::fuzz::FuzzEntities(absl::string_view(reinterpret_cast<const char*>(data), size),
                          ssr::TableFormat::kJson);
  return 0;
}
