// Field-level text checks shared by the directories: every text field must be UTF-8 and free of control
// characters, which keeps CSV output, the canonical digest form and published records unambiguous (and
// writable at all: JSON output cannot hold text that is not UTF-8).
#ifndef SSRANDOM_SRC_DIRECTORY_TEXT_H_
#define SSRANDOM_SRC_DIRECTORY_TEXT_H_

#include <cstddef>
#include <initializer_list>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace ssr::internal {

// The index of the first C0 control character or DEL in `value`, or value.size(); eight bytes at a time up
// to the word holding it.
size_t FindControlCharacter(absl::string_view value);

// InvalidArgument naming `field` when `value` is not UTF-8 text or holds a C0 control character or DEL. The
// file readers check a whole file's encoding first; this catches text added through the C++ and C APIs.
absl::Status CheckFieldText(absl::string_view field, absl::string_view value);

// CheckFieldText for each (field name, value) in order; the first error.
using NamedTexts = std::initializer_list<std::pair<absl::string_view, const std::string*>>;
absl::Status CheckFieldTexts(NamedTexts fields);

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_DIRECTORY_TEXT_H_
