// UTF-8 checks shared by the readers: every file libssrandom reads must be UTF-8, and every message it
// writes must be UTF-8 too (Python decodes them, and a clerk reads them), even when it quotes bad input.
#ifndef SSRANDOM_SRC_IO_UTF8_H_
#define SSRANDOM_SRC_IO_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace ssr::internal {

// The length of the valid UTF-8 sequence of two to four bytes starting at `p`, or 0 when the bytes there
// are not one (a stray continuation byte, an overlong form, a surrogate, a value above U+10FFFF, or a
// sequence cut short). Follows the well-formed byte sequences table of the Unicode Standard, §3.9.
inline int ValidUtf8Length(const char* p, const char* end) {
  const auto* s = reinterpret_cast<const unsigned char*>(p);
  const ptrdiff_t available = end - p;
  const unsigned lead = s[0];
  auto continuation = [](unsigned char c) { return (c & 0xC0) == 0x80; };
  if (lead < 0xC2) return 0;
  if (lead < 0xE0) return available >= 2 && continuation(s[1]) ? 2 : 0;
  if (lead < 0xF0) {
    if (available < 3) return 0;
    const unsigned low = lead == 0xE0 ? 0xA0 : 0x80;   // E0 80..9F would be overlong
    const unsigned high = lead == 0xED ? 0x9F : 0xBF;  // ED A0..BF would be a surrogate
    return s[1] >= low && s[1] <= high && continuation(s[2]) ? 3 : 0;
  }
  if (lead < 0xF5) {
    if (available < 4) return 0;
    const unsigned low = lead == 0xF0 ? 0x90 : 0x80;   // F0 80..8F would be overlong
    const unsigned high = lead == 0xF4 ? 0x8F : 0xBF;  // F4 90.. would be above U+10FFFF
    return s[1] >= low && s[1] <= high && continuation(s[2]) && continuation(s[3]) ? 4 : 0;
  }
  return 0;
}

// The offset of the first byte of `text` that does not begin a well-formed UTF-8 sequence, or text.size()
// when all of it is UTF-8. NUL is a valid (one-byte) character here.
size_t FindInvalidUtf8(absl::string_view text);

// `text` with each byte that is not part of well-formed UTF-8 written as \xNN, so that a message quoting
// input stays UTF-8. UTF-8 text is returned unchanged.
std::string Utf8Safe(absl::string_view text);

// Where byte `offset` of `text` is, as a clerk's editor shows it: line and character, both from 1, counting
// UTF-8 characters rather than bytes.
struct TextPosition {
  int64_t line = 1;
  int64_t character = 1;
};
TextPosition PositionInText(absl::string_view text, size_t offset);

// The message for a file that is not UTF-8, when FindInvalidUtf8(text) == offset < text.size():
//   "<source>: the file is not UTF-8 text (bytes 0xB9 0xAB at line 2, character 5); if it was saved as
//    GBK/GB18030 ("ANSI"), save it again as UTF-8"
// and, for UTF-16 text (a UTF-16 byte order mark), a message saying so.
std::string NotUtf8Message(absl::string_view source, absl::string_view text, size_t offset);

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_IO_UTF8_H_
