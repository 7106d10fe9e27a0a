#include "io/json_writer.h"

#include "absl/strings/str_cat.h"
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
  bool plain = true;
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\') {
      plain = false;
      break;
    }
  }
  if (plain && FindInvalidUtf8(text) == text.size()) {
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
