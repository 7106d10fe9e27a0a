#include "io/utf8.h"

#include <cstdint>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "io/swar.h"

namespace ssr::internal {

size_t FindInvalidUtf8(absl::string_view text) {
  const char* const end = text.data() + text.size();
  size_t i = 0;
  while (i < text.size()) {
    // ASCII eight bytes at a time.
    while (i + 8 <= text.size() && !swar::HasNonAscii(swar::Load(text.data() + i))) i += 8;
    if (i == text.size()) break;
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const int length = ValidUtf8Length(text.data() + i, end);
    if (length == 0) return i;
    i += static_cast<size_t>(length);
  }
  return text.size();
}

std::string Utf8Safe(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  const char* const end = text.data() + text.size();
  for (size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const int length = byte < 0x80 ? 1 : ValidUtf8Length(text.data() + i, end);
    if (length == 0) {
      absl::StrAppendFormat(&out, "\\x%02X", byte);
      ++i;
    } else {
      out.append(text.data() + i, static_cast<size_t>(length));
      i += static_cast<size_t>(length);
    }
  }
  return out;
}

TextPosition PositionInText(absl::string_view text, size_t offset) {
  TextPosition position;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++position.line;
      position.character = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++position.character;
    }
  }
  return position;
}

std::string NotUtf8Message(absl::string_view source, absl::string_view text, size_t offset) {
  if (absl::StartsWith(text, "\xFF\xFE") || absl::StartsWith(text, "\xFE\xFF")) {
    return absl::StrCat(source,
                        ": the file is UTF-16 text (\"Unicode text\"), not UTF-8; save it again with the "
                        "encoding UTF-8");
  }
  const TextPosition position = PositionInText(text, offset);
  std::string bytes;
  for (size_t i = offset; i < text.size() && i < offset + 4 &&
                          (i == offset || (static_cast<unsigned char>(text[i]) & 0x80) != 0);
       ++i) {
    absl::StrAppendFormat(&bytes, "%s0x%02X", bytes.empty() ? "" : " ", static_cast<unsigned char>(text[i]));
  }
  return absl::StrCat(source, ": the file is not UTF-8 text (bytes ", bytes, " at line ", position.line,
                      ", character ", position.character,
                      "); if it was saved as GBK/GB18030 (\"ANSI\"), save it again with the encoding UTF-8");
}

}  // namespace ssr::internal
