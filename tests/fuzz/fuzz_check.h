// Shared helpers of the fuzz targets: FUZZ_CHECK for invariants (aborting, so that libFuzzer saves the input
// and the replay test fails), and independent checks the targets compare the library against.
#ifndef SSRANDOM_TESTS_FUZZ_FUZZ_CHECK_H_
#define SSRANDOM_TESTS_FUZZ_FUZZ_CHECK_H_

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

// Aborts with the file, line and condition when `condition` is false. Active in every build mode.
#define FUZZ_CHECK(condition)                                                                 \
  do {                                                                                        \
    if (!(condition)) ::ssr::fuzz::Fail(__FILE__, __LINE__, #condition, absl::string_view()); \
  } while (0)

// As FUZZ_CHECK, also printing `detail` (anything absl::StrCat accepts as one argument).
#define FUZZ_CHECK_MSG(condition, detail)                                          \
  do {                                                                             \
    if (!(condition)) ::ssr::fuzz::Fail(__FILE__, __LINE__, #condition, (detail)); \
  } while (0)

namespace ssr::fuzz {

[[noreturn]] inline void Fail(const char* file, int line, const char* condition, absl::string_view detail) {
  std::fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", file, line, condition);
  if (!detail.empty()) std::fprintf(stderr, "  %.*s\n", static_cast<int>(detail.size()), detail.data());
  std::abort();
}

// Whether `text` is well-formed UTF-8 (Unicode §3.9, table 3-7), written independently of the library's
// validator so that the two can be compared.
inline bool IsValidUtf8(absl::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    size_t length;
    uint32_t code;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      length = 2;
      code = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3;
      code = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4;
      code = c & 0x07;
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    for (size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3F);
    }
    const uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < smallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
    i += length;
  }
  return true;
}

// Every error a loader returns is read by a clerk, and by Python, which decodes it as UTF-8: it must not be
// OK-with-a-message, must have a message, and the message must be UTF-8.
inline void CheckErrorIsPrintable(const absl::Status& status) {
  FUZZ_CHECK(!status.ok());
  FUZZ_CHECK(!status.message().empty());
  FUZZ_CHECK_MSG(IsValidUtf8(status.message()), std::string(status.message()));
}

}  // namespace ssr::fuzz

#endif  // SSRANDOM_TESTS_FUZZ_FUZZ_CHECK_H_
