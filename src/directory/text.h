// Field-level text checks shared by the directories: every text field must be free of control characters,
// which keeps CSV output, the canonical digest form and published records unambiguous.
#ifndef SSRANDOM_SRC_DIRECTORY_TEXT_H_
#define SSRANDOM_SRC_DIRECTORY_TEXT_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace ssr::internal {

// InvalidArgument naming `field` when `value` holds a C0 control character or DEL.
absl::Status CheckNoControlCharacters(absl::string_view field, absl::string_view value);

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_DIRECTORY_TEXT_H_
