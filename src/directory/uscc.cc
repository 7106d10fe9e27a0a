// 统一社会信用代码 check (GB 32100-2015); see ssrandom/uscc.h.
#include "ssrandom/uscc.h"

#include <array>
#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace ssr {
namespace {

constexpr int kUsccLength = 18;
constexpr char kAlphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr int kWeights[kUsccLength - 1] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

// value(c) for the 31 symbols, -1 for every other byte.
constexpr std::array<int8_t, 256> kValues = [] {
  std::array<int8_t, 256> values{};
  for (int8_t& v : values) v = -1;
  for (int8_t i = 0; i < 31; ++i) values[static_cast<uint8_t>(kAlphabet[i])] = i;
  return values;
}();

int Value(char c) { return kValues[static_cast<uint8_t>(c)]; }

// first17 must hold 17 valid symbols.
char CheckCharacterOf(absl::string_view first17) {
  int sum = 0;
  for (int i = 0; i < kUsccLength - 1; ++i) sum += Value(first17[i]) * kWeights[i];
  return kAlphabet[(31 - sum % 31) % 31];
}

// Length in bytes of the character starting at s[i]: the UTF-8 lead byte's length when the continuation
// bytes follow, else 1 (a malformed byte counts as one character).
size_t CharLength(absl::string_view s, size_t i) {
  const uint8_t lead = static_cast<uint8_t>(s[i]);
  size_t length = lead < 0xC2 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 1;
  if (i + length > s.size()) return 1;
  for (size_t k = 1; k < length; ++k) {
    if ((static_cast<uint8_t>(s[i + k]) & 0xC0) != 0x80) return 1;
  }
  return length;
}

// Why `c` (one character, UTF-8) is not a USCC symbol, in words for a clerk.
std::string WhyInvalid(absl::string_view c) {
  if (c.size() == 1) {
    const char ch = c[0];
    if (ch >= 'a' && ch <= 'z') {
      const char upper = static_cast<char>(ch - 'a' + 'A');
      if (Value(upper) >= 0) {
        return absl::StrFormat("lowercase '%c': codes use capital letters only (write '%c')", ch, upper);
      }
      return absl::StrFormat("lowercase '%c': codes use capital letters only, and never I, O, S, V or Z", ch);
    }
    if (ch == 'O') return "'O', a letter codes never use (no I, O, S, V, Z); probably the digit '0'";
    if (ch == 'I') return "'I', a letter codes never use (no I, O, S, V, Z); probably the digit '1'";
    if (ch == 'S' || ch == 'V' || ch == 'Z') {
      return absl::StrFormat("'%c', a letter codes never use (no I, O, S, V, Z)", ch);
    }
    if (ch == ' ') return "a space";
    const uint8_t byte = static_cast<uint8_t>(ch);
    if (byte < 0x20 || byte == 0x7F) return absl::StrFormat("the control character 0x%02X", byte);
    if (byte >= 0x80) return absl::StrFormat("the byte 0x%02X, which is not UTF-8 text", byte);
    return absl::StrFormat("'%c', which is not a digit or capital letter", ch);
  }
  // Full-width forms U+FF10..U+FF19 (digits) and U+FF21..U+FF3A (capitals) are EF BC 90..99 / A1..BA;
  // U+3000 (ideographic space) is E3 80 80.
  if (c.size() == 3 && static_cast<uint8_t>(c[0]) == 0xEF && static_cast<uint8_t>(c[1]) == 0xBC) {
    const uint8_t last = static_cast<uint8_t>(c[2]);
    if (last >= 0x90 && last <= 0x99) {
      return absl::StrFormat("the full-width '%s': type the ordinary digit '%c'", c, '0' + (last - 0x90));
    }
    if (last >= 0xA1 && last <= 0xBA) {
      return absl::StrFormat("the full-width '%s': type the ordinary letter '%c'", c, 'A' + (last - 0xA1));
    }
  }
  if (c == "\xE3\x80\x80") return "a full-width space";
  return absl::StrFormat("'%s', which is not a digit or capital letter", c);
}

}  // namespace

UsccCheck CheckUscc(absl::string_view code) {
  UsccCheck check;
  // Byte offsets of the first 18 characters (more are only counted).
  std::array<size_t, kUsccLength + 1> offsets{};
  int length = 0;
  for (size_t i = 0; i < code.size(); i += CharLength(code, i)) {
    if (length <= kUsccLength) offsets[length] = i;
    ++length;
  }
  check.length = length;
  if (length != kUsccLength) {
    check.problem = UsccProblem::kWrongLength;
    return check;
  }
  offsets[kUsccLength] = code.size();

  for (int pos = 0; pos < kUsccLength; ++pos) {
    const size_t begin = offsets[pos], size = offsets[pos + 1] - begin;
    if (size != 1 || Value(code[begin]) < 0) {
      check.problem = UsccProblem::kInvalidCharacter;
      check.position = pos + 1;
      check.found = std::string(code.substr(begin, size));
      if (pos == kUsccLength - 1) check.expected_check = CheckCharacterOf(code.substr(0, kUsccLength - 1));
      return check;
    }
  }
  // All 18 characters are single-byte symbols from here on.
  check.expected_check = CheckCharacterOf(code.substr(0, kUsccLength - 1));
  if (code[kUsccLength - 1] != check.expected_check) {
    check.problem = UsccProblem::kWrongCheckCharacter;
    check.position = kUsccLength;
    check.found = std::string(1, code[kUsccLength - 1]);
  }
  return check;
}

bool IsValidUscc(absl::string_view code) {
  if (code.size() != kUsccLength) return false;
  for (char c : code) {
    if (Value(c) < 0) return false;
  }
  return CheckCharacterOf(code.substr(0, kUsccLength - 1)) == code[kUsccLength - 1];
}

std::optional<char> UsccCheckCharacter(absl::string_view first17) {
  if (first17.size() != kUsccLength - 1) return std::nullopt;
  for (char c : first17) {
    if (Value(c) < 0) return std::nullopt;
  }
  return CheckCharacterOf(first17);
}

std::string UsccCheck::Describe() const {
  switch (problem) {
    case UsccProblem::kNone:
      return "valid";
    case UsccProblem::kWrongLength:
      return absl::StrCat("has ", length, length == 1 ? " character" : " characters",
                          "; a 统一社会信用代码 has exactly 18");
    case UsccProblem::kInvalidCharacter: {
      std::string message = absl::StrCat("character ", position, " is ", WhyInvalid(found));
      if (expected_check != '\0') {
        absl::StrAppend(&message, "; the check character for positions 1-17 is '",
                        absl::string_view(&expected_check, 1), "'");
      }
      return message;
    }
    case UsccProblem::kWrongCheckCharacter:
      return absl::StrCat("check character (position 18) is '", found, "' but positions 1-17 require '",
                          absl::string_view(&expected_check, 1),
                          "': a character is mistyped, or this is an early pilot code issued before "
                          "GB 32100-2015");
  }
  return "unknown problem";
}

}  // namespace ssr
