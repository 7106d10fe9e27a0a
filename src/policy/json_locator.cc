#include "policy/json_locator.h"

#include <cstdint>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace ssr::internal {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 0;
}

void AppendUtf8(uint32_t code_point, std::string* out) {
  if (code_point < 0x80) {
    out->push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

// Decodes one (possibly escaped) character of a JSON string at text[*pos], appending its UTF-8 bytes.
void DecodeOne(absl::string_view text, size_t* pos, std::string* out) {
  if (text[*pos] != '\\') {
    out->push_back(text[(*pos)++]);
    return;
  }
  const char kind = *pos + 1 < text.size() ? text[*pos + 1] : '\\';
  *pos += 2;
  switch (kind) {
    case 'b':
      out->push_back('\b');
      return;
    case 'f':
      out->push_back('\f');
      return;
    case 'n':
      out->push_back('\n');
      return;
    case 'r':
      out->push_back('\r');
      return;
    case 't':
      out->push_back('\t');
      return;
    case 'u': {
      auto hex4 = [&text](size_t at) {
        uint32_t value = 0;
        for (size_t i = at; i < at + 4 && i < text.size(); ++i) value = value * 16 + HexValue(text[i]);
        return value;
      };
      uint32_t code_point = hex4(*pos);
      *pos += 4;
      if (code_point >= 0xD800 && code_point < 0xDC00 && *pos + 5 < text.size() && text[*pos] == '\\' &&
          text[*pos + 1] == 'u') {
        uint32_t low = hex4(*pos + 2);
        *pos += 6;
        code_point = 0x10000 + ((code_point - 0xD800) << 10) + (low - 0xDC00);
      }
      AppendUtf8(code_point, out);
      return;
    }
    default:
      out->push_back(kind);  // \" \\ \/
      return;
  }
}

}  // namespace

JsonLocator::JsonLocator(absl::string_view text) : text_(text) {
  SkipSpace();
  if (pos_ < text_.size()) Value("", 0);
}

void JsonLocator::SkipSpace() {
  while (pos_ < text_.size() && absl::ascii_isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
}

std::string JsonLocator::String() {
  std::string out;
  ++pos_;  // opening quote
  while (pos_ < text_.size() && text_[pos_] != '"') DecodeOne(text_, &pos_, &out);
  ++pos_;  // closing quote
  return out;
}

void JsonLocator::SkipValue() {
  int open = 0;
  do {
    const char c = text_[pos_];
    if (c == '"') {
      String();
      continue;
    }
    if (c == '[' || c == '{') ++open;
    if (c == ']' || c == '}') --open;
    ++pos_;
  } while (pos_ < text_.size() && open > 0);
}

void JsonLocator::Value(const std::string& path, int depth) {
  values_.emplace(path, pos_);
  if (pos_ >= text_.size()) return;
  const char c = text_[pos_];
  if ((c == '[' || c == '{') && depth >= kMaxLocatedDepth) {
    // Deeper than any policy goes: skipped without recursion (a file of 100,000 nested '[' would overflow
    // the stack, and its paths alone would take gigabytes). Problems inside are located at this value.
    SkipValue();
    return;
  }
  if (c == '{') {
    ++pos_;
    SkipSpace();
    while (pos_ < text_.size() && text_[pos_] != '}') {
      const size_t key_at = pos_;
      std::string key = String();
      std::string child = path.empty() ? key : absl::StrCat(path, ".", key);
      if (!keys_.emplace(child, key_at).second) duplicates_.emplace_back(child, key_at);
      SkipSpace();
      ++pos_;  // ':'
      SkipSpace();
      Value(child, depth + 1);
      SkipSpace();
      if (pos_ < text_.size() && text_[pos_] == ',') ++pos_;
      SkipSpace();
    }
    ++pos_;
  } else if (c == '[') {
    ++pos_;
    SkipSpace();
    for (size_t index = 0; pos_ < text_.size() && text_[pos_] != ']'; ++index) {
      Value(absl::StrCat(path, "[", index, "]"), depth + 1);
      SkipSpace();
      if (pos_ < text_.size() && text_[pos_] == ',') ++pos_;
      SkipSpace();
    }
    ++pos_;
  } else if (c == '"') {
    String();
  } else {
    while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '}' && text_[pos_] != ']' &&
           !absl::ascii_isspace(static_cast<unsigned char>(text_[pos_]))) {
      ++pos_;
    }
  }
}

std::optional<size_t> JsonLocator::ValueOffset(absl::string_view path) const {
  auto it = values_.find(path);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::optional<size_t> JsonLocator::KeyOffset(absl::string_view path) const {
  auto it = keys_.find(path);
  if (it == keys_.end()) return std::nullopt;
  return it->second;
}

std::pair<int, int> JsonLocator::LineColumn(size_t offset) const {
  int line = 1;
  int column = 1;
  for (size_t i = 0; i < offset && i < text_.size(); ++i) {
    if (text_[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

size_t JsonLocator::OffsetInString(size_t value_offset, size_t decoded) const {
  size_t pos = value_offset + 1;
  std::string out;
  while (pos < text_.size() && text_[pos] != '"' && out.size() < decoded) DecodeOne(text_, &pos, &out);
  return pos;
}

}  // namespace ssr::internal
