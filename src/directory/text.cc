#include "directory/text.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "io/utf8.h"

namespace ssr::internal {

absl::Status CheckFieldText(absl::string_view field, absl::string_view value) {
  for (size_t i = 0; i < value.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(value[i]);
    if (c < 0x20 || c == 0x7F) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "field %s contains the control character 0x%02X at byte %d; remove tabs, line breaks and other "
          "control characters",
          field, c, i + 1));
    }
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
