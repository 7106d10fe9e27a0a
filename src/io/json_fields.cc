#include "io/json_fields.h"

#include <algorithm>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "io/utf8.h"

namespace ssr::internal {
namespace {
const nlohmann::json& EmptyArray() {
  static const auto* empty = new nlohmann::json(nlohmann::json::array());
  return *empty;
}

// Finds the first key repeated within one object while the parser runs, and where that object is.
class DuplicateKeyFinder {
 public:
  bool operator()(int /*depth*/, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    using Event = nlohmann::json::parse_event_t;
    switch (event) {
      case Event::object_start:
      case Event::array_start:
        stack_.push_back(Frame{event == Event::object_start, 0, {}, {}});
        break;
      case Event::key:
        if (!stack_.empty() && parsed.is_string() && duplicate_.empty()) {
          Frame& frame = stack_.back();
          frame.last_key = parsed.get<std::string>();
          if (!frame.keys.insert(frame.last_key).second) {
            std::string path = Path();
            duplicate_ =
                absl::StrCat("the key \"", frame.last_key, "\" appears twice in ",
                             path.empty() ? "the top-level object" : absl::StrCat("the object ", path),
                             "; a JSON reader keeps only one of the two values, so merge them or "
                             "remove one");
          }
        }
        break;
      case Event::object_end:
      case Event::array_end:
        if (!stack_.empty()) stack_.pop_back();
        Completed();
        break;
      case Event::value:
        Completed();
        break;
    }
    return true;
  }

  const std::string& duplicate() const { return duplicate_; }

 private:
  struct Frame {
    bool is_object;
    size_t elements;  // of an array: how many are complete, i.e. the index of the one being parsed
    std::string last_key;
    absl::flat_hash_set<std::string> keys;
  };

  void Completed() {
    if (!stack_.empty() && !stack_.back().is_object) ++stack_.back().elements;
  }

  // "entities[3]", "years[0].off": how the innermost object was reached from the top.
  std::string Path() const {
    std::string path;
    for (size_t i = 0; i + 1 < stack_.size(); ++i) {
      const Frame& frame = stack_[i];
      if (frame.is_object) {
        absl::StrAppend(&path, path.empty() ? "" : ".", frame.last_key);
      } else {
        absl::StrAppend(&path, "[", frame.elements, "]");
      }
    }
    return path;
  }

  std::vector<Frame> stack_;
  std::string duplicate_;
};

// nlohmann's message without its "[json.exception.parse_error.101] " prefix, on one line, and UTF-8 (it
// quotes the bytes last read, which may end inside a character).
std::string CleanParserMessage(std::string message) {
  if (absl::StartsWith(message, "[json.exception.")) {
    size_t end = message.find("] ");
    if (end != std::string::npos) message.erase(0, end + 2);
  }
  return Utf8Safe(absl::StrReplaceAll(message, {{"\r", " "}, {"\n", " "}, {"\t", " "}}));
}

}  // namespace

JsonFields::JsonFields(const nlohmann::json& object, std::string path, absl::Status* first_error)
    : object_(object), path_(std::move(path)), first_error_(first_error) {
  if (!object_.is_object()) Fail("", "expected a JSON object");
}

void JsonFields::Fail(absl::string_view key, absl::string_view reason) {
  if (!first_error_->ok()) return;
  *first_error_ = absl::InvalidArgumentError(absl::StrCat(path_, key.empty() ? "" : ".", key, ": ", reason));
}

const nlohmann::json* JsonFields::Find(absl::string_view key, bool required) {
  if (!first_error_->ok() || !object_.is_object()) return nullptr;
  asked_.insert(std::string(key));
  auto it = object_.find(std::string(key));
  if (it == object_.end() || it->is_null()) {
    if (required) Fail(key, "missing");
    return nullptr;
  }
  return &*it;
}

void JsonFields::NoOtherKeys(std::initializer_list<absl::string_view> also) {
  if (!first_error_->ok() || !object_.is_object()) return;
  for (auto it = object_.begin(); it != object_.end(); ++it) {
    if (asked_.contains(it.key()) || std::find(also.begin(), also.end(), it.key()) != also.end()) continue;
    Fail(Utf8Safe(it.key()), "unknown key: the format has no such field (was the record edited?)");
    return;
  }
}

std::string JsonFields::String(absl::string_view key, bool required) {
  const nlohmann::json* value = Find(key, required);
  if (value == nullptr) return "";
  if (!value->is_string()) {
    Fail(key, absl::StrCat("expected a string, found a JSON ", value->type_name()));
    return "";
  }
  return value->get<std::string>();
}

int64_t JsonFields::Integer(absl::string_view key, bool required) {
  const nlohmann::json* value = Find(key, required);
  if (value == nullptr) return 0;
  if (!value->is_number_integer()) {
    Fail(key, absl::StrCat("expected a whole number, found a JSON ", value->type_name()));
    return 0;
  }
  return value->get<int64_t>();
}

bool JsonFields::Boolean(absl::string_view key, bool required) {
  const nlohmann::json* value = Find(key, required);
  if (value == nullptr) return false;
  if (!value->is_boolean()) {
    Fail(key, absl::StrCat("expected true or false, found a JSON ", value->type_name()));
    return false;
  }
  return value->get<bool>();
}

std::vector<std::string> JsonFields::StringList(absl::string_view key, bool required) {
  std::vector<std::string> out;
  const nlohmann::json* value = Find(key, required);
  if (value == nullptr) return out;
  if (!value->is_array()) {
    Fail(key, "expected an array of strings");
    return out;
  }
  for (const nlohmann::json& element : *value) {
    if (!element.is_string()) {
      Fail(key, "expected an array of strings");
      return {};
    }
    out.push_back(element.get<std::string>());
  }
  return out;
}

const nlohmann::json& JsonFields::Array(absl::string_view key, bool required) {
  const nlohmann::json* value = Find(key, required);
  if (value == nullptr) return EmptyArray();
  if (!value->is_array()) {
    Fail(key, "expected an array");
    return EmptyArray();
  }
  return *value;
}

std::string RawNulByteProblem(absl::string_view text) {
  const size_t nul = text.find('\0');
  if (nul == absl::string_view::npos) return "";
  const TextPosition position = PositionInText(text, nul);
  return absl::StrCat("line ", position.line, ", character ", position.character, ": ", kRawNulByteReason);
}

absl::Status ParseJson(absl::string_view text, absl::string_view source, nlohmann::json* out) {
  if (size_t bad = FindInvalidUtf8(text); bad < text.size()) {
    return absl::InvalidArgumentError(NotUtf8Message(source, text, bad));
  }
  if (std::string nul = RawNulByteProblem(text); !nul.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(source, ": malformed JSON: ", nul));
  }
  DuplicateKeyFinder duplicates;
  // Exceptions stay inside this function: nlohmann reports the line and column only through them. Every
  // exception of the parser is caught, not only parse_error: a number too large for a double is an
  // out_of_range error.
  try {
    *out = nlohmann::json::parse(text.begin(), text.end(), std::ref(duplicates));
  } catch (const nlohmann::json::exception& error) {
    return absl::InvalidArgumentError(
        absl::StrCat(source, ": malformed JSON: ", CleanParserMessage(error.what())));
  }
  if (!duplicates.duplicate().empty()) {
    return absl::InvalidArgumentError(absl::StrCat(source, ": ", duplicates.duplicate()));
  }
  return absl::OkStatus();
}

absl::Status ParseJsonObject(absl::string_view text, absl::string_view source, nlohmann::json* out) {
  if (absl::Status s = ParseJson(text, source, out); !s.ok()) return s;
  if (!out->is_object()) {
    return absl::InvalidArgumentError(absl::StrCat(source, ": expected a JSON object at the top level"));
  }
  return absl::OkStatus();
}

}  // namespace ssr::internal
