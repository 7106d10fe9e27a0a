#include "io/json_fields.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace ssr::internal {
namespace {
const nlohmann::json& EmptyArray() {
  static const auto* empty = new nlohmann::json(nlohmann::json::array());
  return *empty;
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
  auto it = object_.find(std::string(key));
  if (it == object_.end() || it->is_null()) {
    if (required) Fail(key, "missing");
    return nullptr;
  }
  return &*it;
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

absl::Status ParseJsonObject(absl::string_view text, absl::string_view source, nlohmann::json* out) {
  // Exceptions stay inside this function: nlohmann reports the line and column only through them.
  try {
    *out = nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& error) {
    return absl::InvalidArgumentError(absl::StrCat(source, ": malformed JSON: ", error.what()));
  }
  if (!out->is_object()) {
    return absl::InvalidArgumentError(absl::StrCat(source, ": expected a JSON object at the top level"));
  }
  return absl::OkStatus();
}

}  // namespace ssr::internal
