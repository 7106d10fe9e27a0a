// JSON written straight into a string, byte for byte as nlohmann's dump() would write the same document,
// without building the document first. For the library's large outputs: a plan of 286,000 tasks took 3 s
// as an nlohmann tree dumped with indent 2, most of it allocating and freeing the tree.
//
// The caller writes the document in order (keys in the order the document has them). Strings are escaped
// as nlohmann escapes them without ensure_ascii: UTF-8 kept as it is, '"', '\\' and control characters
// escaped (\n, \t, ..., \u001f). Text that is not UTF-8 makes the writer throw what nlohmann throws
// (nlohmann::json::type_error 316), as the tree would have on dump.
//
// Not thread-safe; one writer per output string.
#ifndef SSRANDOM_SRC_IO_JSON_WRITER_H_
#define SSRANDOM_SRC_IO_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace ssr::internal {

class JsonWriter {
 public:
  // Appends to `*out`, which must outlive the writer. `indent` as nlohmann's dump(indent): below 0 compact
  // (no spaces, no newlines), else one element per line indented by that many spaces per level.
  JsonWriter(std::string* out, int indent);

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  // The key of the next value, inside an object.
  void Key(absl::string_view key);

  void String(absl::string_view value);
  void Integer(int64_t value);
  void Boolean(bool value);
  void StringArray(const std::vector<std::string>& values);
  void StringArray(absl::Span<const absl::string_view> values);

  // Key(key) and then the value.
  void Field(absl::string_view key, absl::string_view value) {
    Key(key);
    String(value);
  }
  // A string literal is text, not a boolean.
  void Field(absl::string_view key, const char* value) { Field(key, absl::string_view(value)); }
  void Field(absl::string_view key, int64_t value) {
    Key(key);
    Integer(value);
  }
  void Field(absl::string_view key, bool value) {
    Key(key);
    Boolean(value);
  }
  void Field(absl::string_view key, const std::vector<std::string>& values) {
    Key(key);
    StringArray(values);
  }
  void Field(absl::string_view key, absl::Span<const absl::string_view> values) {
    Key(key);
    StringArray(values);
  }

 private:
  // Before a value: the separator and indentation inside an array (a value after Key needs none).
  void BeforeValue();
  void NewLine(size_t depth);
  // `text` as a JSON string, quoted and escaped.
  void AppendEscaped(absl::string_view text);
  void Open(char bracket);
  void Close(char bracket);

  struct Level {
    bool empty = true;
  };
  std::string* out_;
  int indent_;
  bool after_key_ = false;
  std::vector<Level> levels_;
};

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_IO_JSON_WRITER_H_
