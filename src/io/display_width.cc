#include "io/display_width.h"

#include <cstdint>

namespace ssr::internal {
namespace {

bool IsWide(uint32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

}  // namespace

int DisplayWidth(absl::string_view utf8) {
  int width = 0;
  for (size_t i = 0; i < utf8.size();) {
    unsigned char lead = static_cast<unsigned char>(utf8[i]);
    int length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    uint32_t code = lead < 0x80 ? lead : lead & (0x3F >> (length - 1));
    for (int k = 1; k < length && i + k < utf8.size(); ++k) {
      code = (code << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    }
    width += IsWide(code) ? 2 : 1;
    i += length;
  }
  return width;
}

std::string PadRight(absl::string_view text, int width) {
  std::string out(text);
  for (int w = DisplayWidth(text); w < width; ++w) out.push_back(' ');
  return out;
}

std::string PadLeft(absl::string_view text, int width) {
  std::string out;
  for (int w = DisplayWidth(text); w < width; ++w) out.push_back(' ');
  out.append(text.data(), text.size());
  return out;
}

}  // namespace ssr::internal
