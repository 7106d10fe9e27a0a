// Typed, error-reporting access to the fields of one JSON object, for readers of plans, records and
// results: the first problem is kept with its path ("tasks[3].ticket: expected a string"), and every later
// access returns a default, so a reader can fetch all fields and check once.
#ifndef SSRANDOM_SRC_IO_JSON_FIELDS_H_
#define SSRANDOM_SRC_IO_JSON_FIELDS_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "nlohmann/json.hpp"

namespace ssr::internal {

class JsonFields {
 public:
  // `object` must outlive this; `path` names it in messages ("record", "tasks[3]").
  JsonFields(const nlohmann::json& object, std::string path, absl::Status* first_error);

  std::string String(absl::string_view key, bool required = true);
  int64_t Integer(absl::string_view key, bool required = true);
  bool Boolean(absl::string_view key, bool required = true);
  std::vector<std::string> StringList(absl::string_view key, bool required = true);
  // The array under `key` (empty when missing and not required, or on error).
  const nlohmann::json& Array(absl::string_view key, bool required = true);
  const std::string& path() const { return path_; }
  void Fail(absl::string_view key, absl::string_view reason);
  // Fails on the first key (in key order) of the object that no accessor above was asked for and that is
  // not in `also` (keys the caller reads itself). For readers of formats the library writes whole (draw and
  // team records): a key the format does not define — added, or an optional field misspelt, which would
  // otherwise read as its default — means the text is not the record the library wrote.
  void NoOtherKeys(std::initializer_list<absl::string_view> also = {});

 private:
  const nlohmann::json* Find(absl::string_view key, bool required);

  const nlohmann::json& object_;
  absl::flat_hash_set<std::string> asked_;
  std::string path_;
  absl::Status* first_error_;
};

// JSON text holds no raw NUL byte (a string writes it as \u0000), but nlohmann's lexer takes one for the end
// of the input, as in a C string: "{...}\0anything" would parse as "{...}", and a record whose last byte was
// changed to NUL would read as the record. Every JSON reader refuses it first. An empty string when `text`
// holds no NUL byte; else where the first one is and why it is wrong, for a syntax error message:
//   "line 3, character 7: a NUL byte (0x00), which JSON writes only as \u0000 inside a string"
std::string RawNulByteProblem(absl::string_view text);
inline constexpr absl::string_view kRawNulByteReason =
    "a NUL byte (0x00), which JSON writes only as \\u0000 inside a string";

// Parses JSON text, as every JSON reader of the library does. InvalidArgument, with a message that starts
// with `source`, is UTF-8 and says what to fix, when the text
//  - is not UTF-8 (a file saved as GBK or UTF-16: the message says to save it again as UTF-8);
//  - is not JSON (the message has the line and column), including numbers too large for a double and a raw
//    NUL byte anywhere (RawNulByteProblem);
//  - repeats a key within one object: the parser would keep only the last value and silently drop the
//    others (a second "entities" array, a second value of a field), so that is an error, naming the key
//    and where the object is ("entities[3]").
// A UTF-8 byte order mark is skipped. `*out` is unspecified on error.
absl::Status ParseJson(absl::string_view text, absl::string_view source, nlohmann::json* out);

// ParseJson, and InvalidArgument when the top level is not an object.
absl::Status ParseJsonObject(absl::string_view text, absl::string_view source, nlohmann::json* out);

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_IO_JSON_FIELDS_H_
