#include "directory/text.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace ssr::internal {

absl::Status CheckNoControlCharacters(absl::string_view field, absl::string_view value) {
  for (size_t i = 0; i < value.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(value[i]);
    if (c < 0x20 || c == 0x7F) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "field %s contains the control character 0x%02X at byte %d; remove tabs, line breaks and other "
          "control characters",
          field, c, i + 1));
    }
  }
  return absl::OkStatus();
}

}  // namespace ssr::internal
