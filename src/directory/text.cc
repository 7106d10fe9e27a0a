#include "directory/text.h"

#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "io/swar.h"
#include "io/utf8.h"

namespace ssr::internal {

// Every text field of a directory being loaded comes through here, hence the word at a time.
size_t FindControlCharacter(absl::string_view value) {
  size_t i = 0;
  for (; i + 8 <= value.size(); i += 8) {
    const uint64_t word = swar::Load(value.data() + i);
    if (swar::HasByteBelow(word, 0x20) || swar::HasByte(word, 0x7F)) break;
  }
  for (; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (c < 0x20 || c == 0x7F) return i;
  }
  return value.size();
}

absl::Status CheckFieldText(absl::string_view field, absl::string_view value) {
  if (const size_t i = FindControlCharacter(value); i < value.size()) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "field %s contains the control character 0x%02X at byte %d; remove tabs, line breaks and other "
        "control characters",
        field, static_cast<unsigned char>(value[i]), i + 1));
  }
  if (const size_t bad = FindInvalidUtf8(value); bad < value.size()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("field %s is not UTF-8 text (byte 0x%02X at byte %d); text in another encoding (GBK, "
                        "GB18030) must be "
                        "converted to UTF-8 first",
                        field, static_cast<unsigned char>(value[bad]), bad + 1));
  }
  return absl::OkStatus();
}

absl::Status CheckFieldTexts(NamedTexts fields) {
  for (const auto& [name, value] : fields) {
    if (absl::Status s = CheckFieldText(name, *value); !s.ok()) return s;
  }
  return absl::OkStatus();
}

}  // namespace ssr::internal
