// The eight-bytes-at-a-time scans of the text writers and checks (io/swar.h): the word tests themselves,
// and what the users of them promise — JsonWriter writes every string as nlohmann's dump does, and
// FindInvalidUtf8 finds the first bad byte after any run of ASCII, CheckFieldText the first control
// character — with the byte that matters at every place of words and of strings longer and shorter than a
// word.
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "directory/text.h"
#include "gtest/gtest.h"
#include "io/json_writer.h"
#include "io/swar.h"
#include "io/utf8.h"
#include "nlohmann/json.hpp"

namespace ssr::internal {
namespace {

uint64_t WordOf(const std::string& eight) { return swar::Load(eight.data()); }

TEST(SwarTest, EachWordTestAgreesWithLookingAtEveryByte) {
  for (const unsigned char filler : {0x00, 0x1F, 0x20, 0x41, 0x7F, 0x80, 0xE4, 0xFF}) {
    for (int value = 0; value < 256; ++value) {
      for (size_t at = 0; at < 8; ++at) {
        std::string eight(8, static_cast<char>(filler));
        eight[at] = static_cast<char>(value);
        const uint64_t word = WordOf(eight);
        for (const char target : {'\0', '"', ',', '\\', '\n', static_cast<char>(0xE4)}) {
          size_t equal = 0;
          for (char c : eight) equal += c == target ? 1 : 0;
          EXPECT_EQ(swar::HasByte(word, target), equal > 0) << value << " at " << at << " in " << int{filler};
          EXPECT_EQ(swar::CountMarked(swar::BytesEqualTo(word, target)), equal)
              << value << " at " << at << " in " << int{filler};
        }
        bool below = false, non_ascii = false;
        for (char c : eight) {
          below = below || static_cast<unsigned char>(c) < 0x20;
          non_ascii = non_ascii || static_cast<unsigned char>(c) >= 0x80;
        }
        EXPECT_EQ(swar::HasByteBelow(word, 0x20), below) << value << " at " << at << " in " << int{filler};
        EXPECT_EQ(swar::HasNonAscii(word), non_ascii) << value << " at " << at << " in " << int{filler};
      }
    }
  }
}

// What the tree would write for `value`, or "throws" when it refuses the text (not UTF-8).
std::string TreeDump(const std::string& value) {
  try {
    return nlohmann::json(value).dump();
  } catch (const nlohmann::json::type_error&) {
    return "throws";
  }
}

std::string WriterDump(const std::string& value) {
  std::string out;
  JsonWriter writer(&out, 2);
  try {
    writer.String(value);
  } catch (const nlohmann::json::type_error&) {
    return "throws";
  }
  return out;
}

TEST(JsonWriterTest, EveryByteAtEveryPlaceOfAStringIsWrittenAsTheTreeDumpsIt) {
  // ASCII and Chinese (three bytes a character) around the byte, in strings shorter and longer than a word.
  for (const std::string& unit : {std::string("a"), std::string("中")}) {
    for (size_t units : {1, 3, 8, 9}) {
      std::string base;
      for (size_t i = 0; i < units; ++i) base += unit;
      for (int value = 0; value < 256; ++value) {
        for (size_t at = 0; at <= base.size(); ++at) {
          std::string text = base;
          text.insert(at, 1, static_cast<char>(value));
          EXPECT_EQ(WriterDump(text), TreeDump(text)) << "byte " << value << " at " << at << " of " << text;
        }
      }
    }
  }
}

TEST(Utf8Test, TheFirstInvalidByteIsFoundAfterAnyRunOfAscii) {
  // A lone continuation byte, a byte no UTF-8 holds, a sequence cut short at the end, an overlong form.
  for (const std::string& bad :
       {std::string("\x80"), std::string("\xFF"), std::string("\xE4\xB8"), std::string("\xC0\xAF")}) {
    for (size_t before = 0; before < 20; ++before) {
      for (const std::string& after : {std::string(), std::string("tail of text"), std::string("中文")}) {
        const std::string text = std::string(before, 'x') + bad + (bad == "\xE4\xB8" ? "" : after);
        EXPECT_EQ(FindInvalidUtf8(text), before) << before << " ASCII bytes, then " << int{bad[0]};
      }
    }
  }
  for (size_t length = 0; length < 20; ++length) {
    const std::string valid = std::string(length, 'x') + "中文" + std::string(length, 'y');
    EXPECT_EQ(FindInvalidUtf8(valid), valid.size());
  }
}

// A directory's text fields refuse control characters (below 0x20, and DEL) at the byte where the first one
// is, and nothing else: checked a word at a time, then byte by byte in the word holding it.
TEST(FieldTextTest, TheFirstControlCharacterIsNamedAtItsByteWhereverItIs) {
  for (int value = 0; value < 256; ++value) {
    const bool control = value < 0x20 || value == 0x7F;
    for (size_t at = 0; at < 19; ++at) {
      for (const char filler : {'x', ' ', '~'}) {
        std::string text(19, filler);
        text[at] = static_cast<char>(value);
        if (value >= 0x80) text = std::string(at, filler) + "中" + std::string(18 - at, filler);
        const absl::Status status = CheckFieldText("name", text);
        EXPECT_EQ(status.ok(), !control) << value << " at " << at << ": " << status;
        if (control) {
          EXPECT_TRUE(absl::StrContains(
              status.message(), absl::StrFormat("control character 0x%02X at byte %d", value, at + 1)))
              << status;
        }
      }
    }
  }
  // The first of several, after a clean word.
  const absl::Status status = CheckFieldText("name", "clean wo\x01\x7F\tx");
  EXPECT_TRUE(absl::StrContains(status.message(), "0x01 at byte 9")) << status;
}

}  // namespace
}  // namespace ssr::internal
