#include "io/json_writer.h"

#include "absl/strings/str_cat.h"
#include "io/swar.h"
#include "io/utf8.h"
#include "nlohmann/json.hpp"

namespace ssr::internal {

JsonWriter::JsonWriter(std::string* out, int indent) : out_(out), indent_(indent) {}

void JsonWriter::NewLine(size_t depth) {
  out_->push_back('\n');
  out_->append(depth * static_cast<size_t>(indent_), ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty()) return;  // the top-level value
  Level& level = levels_.back();
  if (!level.empty) out_->push_back(',');
  level.empty = false;
  if (indent_ >= 0) NewLine(levels_.size());
}

void JsonWriter::Open(char bracket) {
  BeforeValue();
  out_->push_back(bracket);
  levels_.emplace_back();
}

void JsonWriter::Close(char bracket) {
  const bool empty = levels_.back().empty;
  levels_.pop_back();
  if (!empty && indent_ >= 0) NewLine(levels_.size());
  out_->push_back(bracket);
}

void JsonWriter::BeginObject() { Open('{'); }
void JsonWriter::EndObject() { Close('}'); }
void JsonWriter::BeginArray() { Open('['); }
void JsonWriter::EndArray() { Close(']'); }

void JsonWriter::Key(absl::string_view key) {
  BeforeValue();
  AppendEscaped(key);
  out_->append(indent_ >= 0 ? ": " : ":");
  after_key_ = true;
}

void JsonWriter::String(absl::string_view value) {
  BeforeValue();
  AppendEscaped(value);
}

void JsonWriter::AppendEscaped(absl::string_view text) {
  // Eight bytes at a time (a large plan.json looked at every byte of every string one by one, for most of
  // its time): plain when no byte must be escaped, and then only text with bytes above 0x7F needs its UTF-8
  // checked.
  bool plain = true, ascii = true;
  size_t at = 0;
  for (; plain && at + 8 <= text.size(); at += 8) {
    const uint64_t word = swar::Load(text.data() + at);
    plain = !swar::HasByteBelow(word, 0x20) && !swar::HasByte(word, '"') && !swar::HasByte(word, '\\');
    ascii = ascii && !swar::HasNonAscii(word);
  }
  for (; plain && at < text.size(); ++at) {
    const auto c = static_cast<unsigned char>(text[at]);
    plain = c >= 0x20 && c != '"' && c != '\\';
    ascii = ascii && c < 0x80;
  }
  if (plain && (ascii || FindInvalidUtf8(text) == text.size())) {
    out_->push_back('"');
    out_->append(text.data(), text.size());
    out_->push_back('"');
  } else {
    // Escapes, and the exception for text that is not UTF-8, exactly as the tree's dump.
    out_->append(nlohmann::json(std::string(text)).dump());
  }
}

void JsonWriter::Integer(int64_t value) {
  BeforeValue();
  absl::StrAppend(out_, value);
}

void JsonWriter::Boolean(bool value) {
  BeforeValue();
  out_->append(value ? "true" : "false");
}

void JsonWriter::StringArray(const std::vector<std::string>& values) {
  BeginArray();
  for (const std::string& value : values) String(value);
  EndArray();
}

void JsonWriter::StringArray(absl::Span<const absl::string_view> values) {
  BeginArray();
  for (absl::string_view value : values) String(value);
  EndArray();
}

}  // namespace ssr::internal
