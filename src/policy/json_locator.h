// Where each value of a JSON document sits in its text, so that problems found after parsing (a ratio above
// 100%, a condition's syntax error) can be reported at a file line and column. Internal.
#ifndef SSRANDOM_SRC_POLICY_JSON_LOCATOR_H_
#define SSRANDOM_SRC_POLICY_JSON_LOCATOR_H_

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"

namespace ssr::internal {

// Paths join object keys with '.' and array indexes as "[i]": "quotas.key.minimum",
// "classes.special.conditions[1].when". The root is "".
class JsonLocator {
 public:
  // `text` must be syntactically valid JSON (parse it first) and must outlive the locator.
  explicit JsonLocator(absl::string_view text);

  // Byte offset of the value at `path` / of the key naming it (for object members), or nullopt.
  std::optional<size_t> ValueOffset(absl::string_view path) const;
  std::optional<size_t> KeyOffset(absl::string_view path) const;

  // Object members whose key repeats an earlier key of the same object: their paths and key offsets.
  const std::vector<std::pair<std::string, size_t>>& duplicate_keys() const { return duplicates_; }

  // 1-based line and column (counting characters, not bytes) of a byte offset.
  std::pair<int, int> LineColumn(size_t offset) const;

  // For the string value starting (at its opening quote) at `value_offset`: the byte offset in the text of
  // the `decoded`-th byte of the decoded string (escapes such as \" or \u4e2d take several raw bytes).
  size_t OffsetInString(size_t value_offset, size_t decoded) const;

 private:
  // Values nested deeper than this are skipped whole: their paths have no offset.
  static constexpr int kMaxLocatedDepth = 64;
  void Value(const std::string& path, int depth);
  void SkipValue();  // the array or object at pos_, iteratively
  void SkipSpace();
  std::string String();  // decodes a string starting at pos_ (used for keys)

  absl::string_view text_;
  size_t pos_ = 0;
  absl::flat_hash_map<std::string, size_t> values_;
  absl::flat_hash_map<std::string, size_t> keys_;
  std::vector<std::pair<std::string, size_t>> duplicates_;
};

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_POLICY_JSON_LOCATOR_H_
