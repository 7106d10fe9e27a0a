// Terminal display width of UTF-8 text, for aligned bilingual tables: East Asian wide characters (CJK
// ideographs, full-width forms, CJK punctuation) take two columns, everything else one.
#ifndef SSRANDOM_SRC_IO_DISPLAY_WIDTH_H_
#define SSRANDOM_SRC_IO_DISPLAY_WIDTH_H_

#include <string>

#include "absl/strings/string_view.h"

namespace ssr::internal {

int DisplayWidth(absl::string_view utf8);

// `text` followed by spaces up to `width` columns (unchanged when already wider).
std::string PadRight(absl::string_view text, int width);
// Spaces, then `text`, up to `width` columns.
std::string PadLeft(absl::string_view text, int width);

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_IO_DISPLAY_WIDTH_H_
