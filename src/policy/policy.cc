// Policy: the JSON format's reader and validator (every problem, located), presets, canonical form.
#include "ssrandom/policy.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "io/file.h"
#include "io/json_fields.h"
#include "io/utf8.h"
#include "nlohmann/json.hpp"
#include "policy/condition_ast.h"
#include "policy/edit_distance.h"
#include "policy/json_locator.h"
#include "policy/presets.h"
#include "ssrandom/digest.h"

namespace ssr {

using Json = nlohmann::json;

namespace internal {

struct PolicyState {
  std::string name;
  std::string title;
  std::string source_name;
  std::string canonical;
  std::string digest;
  using Rule = Policy::Rule;
  using PoolQuota = Policy::PoolQuota;
  std::array<std::vector<Rule>, 4> class_rules;  // by SupervisionClass
  std::vector<SupervisionClass> precedence = {SupervisionClass::kSpecial, SupervisionClass::kGeneral,
                                              SupervisionClass::kKey};
  SupervisionClass unmatched = SupervisionClass::kGeneral;
  std::array<bool, 7> excluded_status = {false, false, false, true, true, true, true};  // by EntityStatus
  std::vector<Rule> exclusion_rules;
  std::vector<PoolQuota> quotas;
  std::array<std::vector<Ratio>, 5> credit_tables;  // by Pool
  std::vector<std::string> credit_classes;
  std::vector<std::vector<std::string>> credit_aliases;
  std::string credit_attribute = "credit";
  int unknown_credit = -1;
  Ratio credit_based_share;
  int yearly_cap = 2;
  bool rotation_within_year = true;
  bool take_whole_pool_when_short = true;
  Policy::JointTargets joint;
  Policy::TeamRules team;
  Policy::Deadlines deadlines;
};

}  // namespace internal

namespace {

constexpr absl::string_view kFormat = "ssrandom-policy/1";

constexpr std::array<SupervisionClass, 3> kClasses = {SupervisionClass::kSpecial, SupervisionClass::kKey,
                                                      SupervisionClass::kGeneral};
constexpr std::array<Pool, 4> kQuotaPools = {Pool::kSpecial, Pool::kKey, Pool::kPositive, Pool::kGeneral};
constexpr std::array<EntityStatus, 6> kStatuses = {EntityStatus::kActive,      EntityStatus::kSuspended,
                                                   EntityStatus::kClosed,      EntityStatus::kRelocated,
                                                   EntityStatus::kLongStopped, EntityStatus::kDeregistered};

std::string Child(absl::string_view path, absl::string_view key) {
  return path.empty() ? std::string(key) : absl::StrCat(path, ".", key);
}
std::string Index(absl::string_view path, size_t index) { return absl::StrCat(path, "[", index, "]"); }

std::string TypeOf(const Json& j) {
  switch (j.type()) {
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "a list";
    case Json::value_t::string:
      return absl::StrCat("the string \"", j.get<std::string>(), "\"");
    case Json::value_t::boolean:
      return j.get<bool>() ? "true" : "false";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return absl::StrCat("the number ", j.dump());
    case Json::value_t::null:
      return "null";
    default:
      return "a value";
  }
}

std::string Suggest(absl::string_view word, const std::vector<absl::string_view>& candidates) {
  const std::string lower = absl::AsciiStrToLower(word);
  std::string best;
  size_t best_distance = std::max<size_t>(1, lower.size() / 3) + 1;
  for (absl::string_view candidate : candidates) {
    const size_t distance = internal::EditDistance(lower, candidate);
    if (distance < best_distance && distance < lower.size()) {
      best_distance = distance;
      best = std::string(candidate);
    }
  }
  return best;
}

bool HasControlCharacter(absl::string_view text, bool allow_newline) {
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && !(allow_newline && c == '\n')) || byte == 0x7F) return true;
  }
  return false;
}

// A required key of an object and what to write when it is missing.
struct Required {
  absl::string_view key;
  absl::string_view hint;
};

class Reader {
 public:
  Reader(absl::string_view source, const internal::JsonLocator& locator, std::vector<PolicyProblem>* problems)
      : source_(source), locator_(locator), problems_(problems) {}

  void Problem(const std::string& path, std::string message, bool at_key = false,
               std::optional<size_t> offset = std::nullopt) {
    if (!offset.has_value()) offset = at_key ? locator_.KeyOffset(path) : std::nullopt;
    if (!offset.has_value()) offset = locator_.ValueOffset(path);
    // A missing member is reported at the object that should hold it.
    for (std::string parent = path; !offset.has_value() && !parent.empty();) {
      size_t cut = parent.find_last_of(".[");
      parent = cut == std::string::npos ? "" : parent.substr(0, cut);
      offset = locator_.ValueOffset(parent);
    }
    PolicyProblem problem;
    problem.source = source_;
    problem.path = path;
    if (offset.has_value()) std::tie(problem.line, problem.column) = locator_.LineColumn(*offset);
    problem.message = std::move(message);
    problems_->push_back(std::move(problem));
  }

  // Checks that `j` is an object with only `allowed` keys and every `required` one. False when it is not an
  // object at all.
  bool Object(const Json& j, const std::string& path, std::vector<absl::string_view> allowed,
              std::initializer_list<Required> required = {}, absl::string_view member = "key") {
    if (!j.is_object()) {
      Problem(path, absl::StrCat("expected an object { ... }, found ", TypeOf(j)));
      return false;
    }
    for (const Required& r : required) allowed.push_back(r.key);
    allowed.push_back("source");
    allowed.push_back("comment");
    for (const auto& [key, value] : j.items()) {
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
      std::string suggestion = Suggest(key, allowed);
      Problem(
          Child(path, key),
          absl::StrCat("unknown ", member, " \"", key, "\"",
                       suggestion.empty() ? "" : absl::StrCat(" (did you mean \"", suggestion, "\"?)"),
                       member == "key" ? "; the keys here are " : absl::StrCat("; the ", member, "es are "),
                       absl::StrJoin(member == "key"
                                         ? allowed
                                         : std::vector<absl::string_view>(allowed.begin(), allowed.end() - 2),
                                     ", ")),
          /*at_key=*/true);
    }
    for (const Required& r : required) {
      if (!j.contains(std::string(r.key))) {
        Problem(path, absl::StrCat("missing \"", r.key, "\": ", r.hint));
      }
    }
    for (absl::string_view text_key : {"source", "comment"}) {
      if (j.contains(std::string(text_key))) Text(j[std::string(text_key)], Child(path, text_key));
    }
    return true;
  }

  // Where a setting's value sits and its source/comment, without reporting anything.
  struct SettingInfo {
    std::string value_path;
    std::string source;
    std::string comment;
  };
  static SettingInfo Info(const Json& j, const std::string& path) {
    SettingInfo info{path, "", ""};
    if (j.is_object() && j.contains("value")) {
      info.value_path = Child(path, "value");
      if (j.contains("source") && j["source"].is_string()) info.source = j["source"];
      if (j.contains("comment") && j["comment"].is_string()) info.comment = j["comment"];
    }
    return info;
  }

  // A setting is a bare value or {"value": ..., "source": "...", "comment": "..."}. Returns the value (or
  // nullptr after reporting a malformed setting) and sets `value_path`.
  const Json* Setting(const Json& j, const std::string& path, std::string* value_path) {
    *value_path = path;
    if (!j.is_object()) return &j;
    if (!j.contains("value")) {
      Problem(path,
              "expected a value, or an object {\"value\": ..., \"source\": \"...\", \"comment\": \"...\"}");
      return nullptr;
    }
    Object(j, path, {"value"});
    *value_path = Child(path, "value");
    return &j["value"];
  }

  std::optional<std::string> Text(const Json& j, const std::string& path, bool allow_newline = true) {
    if (!j.is_string()) {
      Problem(path, absl::StrCat("expected a string, found ", TypeOf(j)));
      return std::nullopt;
    }
    std::string value = j.get<std::string>();
    if (HasControlCharacter(value, allow_newline)) {
      Problem(path, "the text holds a control character; remove it");
      return std::nullopt;
    }
    return value;
  }

  std::optional<Ratio> RatioValue(const Json& j, const std::string& path, absl::string_view what) {
    std::string value_path;
    const Json* v = Setting(j, path, &value_path);
    if (v == nullptr) return std::nullopt;
    if (v->is_number()) {
      const std::string spelled = v->dump();
      Problem(value_path,
              absl::StrCat(what, " is a ratio written as a string, so that it stays exact: write \"", spelled,
                           v->is_number_integer() || v->is_number_unsigned() ? "%" : "",
                           "\" (found the number ", spelled, ")"));
      return std::nullopt;
    }
    if (!v->is_string()) {
      Problem(value_path, absl::StrCat("expected ", what,
                                       " as a ratio string such as \"25%\" or \"0.03\", found ", TypeOf(*v)));
      return std::nullopt;
    }
    absl::StatusOr<Ratio> ratio = Ratio::Parse(v->get<std::string>());
    if (!ratio.ok()) {
      Problem(value_path, absl::StrCat(what, ": ", ratio.status().message()));
      return std::nullopt;
    }
    if (*ratio > Ratio::Percent(100)) {
      Problem(value_path,
              absl::StrCat(what, " is ", ratio->ToString(),
                           ", above 100%; a share of a pool is at most 100% (write \"100%\" for full "
                           "coverage)"));
      return std::nullopt;
    }
    return *ratio;
  }

  std::optional<int64_t> Integer(const Json& j, const std::string& path, absl::string_view what, int64_t min,
                                 int64_t max, absl::string_view why_min = "") {
    std::string value_path;
    const Json* v = Setting(j, path, &value_path);
    if (v == nullptr) return std::nullopt;
    if (!v->is_number_integer() && !v->is_number_unsigned()) {
      Problem(value_path, absl::StrCat("expected ", what, " as a whole number, found ", TypeOf(*v)));
      return std::nullopt;
    }
    if (v->is_number_unsigned() && v->get<uint64_t>() > static_cast<uint64_t>(max)) {
      Problem(value_path, absl::StrCat(what, " is ", v->dump(), "; it must be at most ", max));
      return std::nullopt;
    }
    const int64_t value = v->get<int64_t>();
    if (value < min) {
      Problem(value_path, absl::StrCat(what, " is ", value, "; it must be at least ", min,
                                       why_min.empty() ? "" : absl::StrCat(" (", why_min, ")")));
      return std::nullopt;
    }
    if (value > max) {
      Problem(value_path, absl::StrCat(what, " is ", value, "; it must be at most ", max));
      return std::nullopt;
    }
    return value;
  }

  std::optional<bool> Boolean(const Json& j, const std::string& path, absl::string_view what) {
    std::string value_path;
    const Json* v = Setting(j, path, &value_path);
    if (v == nullptr) return std::nullopt;
    if (!v->is_boolean()) {
      Problem(value_path, absl::StrCat("expected ", what, " as true or false, found ", TypeOf(*v)));
      return std::nullopt;
    }
    return v->get<bool>();
  }

  // A string that must be one of `choices`; returns its index.
  std::optional<size_t> Choice(const Json& j, const std::string& path, absl::string_view what,
                               const std::vector<absl::string_view>& choices) {
    std::string value_path;
    const Json* v = Setting(j, path, &value_path);
    if (v == nullptr) return std::nullopt;
    std::vector<std::string> quoted;
    for (absl::string_view c : choices) quoted.push_back(absl::StrCat("\"", c, "\""));
    if (v->is_string()) {
      const std::string value = v->get<std::string>();
      for (size_t i = 0; i < choices.size(); ++i) {
        if (value == choices[i]) return i;
      }
    }
    Problem(value_path, absl::StrCat("expected ", what, " as one of ", absl::StrJoin(quoted, ", "),
                                     ", found ", TypeOf(*v)));
    return std::nullopt;
  }

  std::optional<std::vector<std::string>> TextList(const Json& j, const std::string& path,
                                                   absl::string_view what) {
    std::string value_path;
    const Json* v = Setting(j, path, &value_path);
    if (v == nullptr) return std::nullopt;
    if (!v->is_array()) {
      Problem(value_path,
              absl::StrCat("expected ", what, " as a list of strings [\"...\"], found ", TypeOf(*v)));
      return std::nullopt;
    }
    std::vector<std::string> out;
    bool ok = true;
    for (size_t i = 0; i < v->size(); ++i) {
      std::optional<std::string> item = Text((*v)[i], Index(value_path, i), /*allow_newline=*/false);
      if (!item.has_value()) {
        ok = false;
      } else if (item->empty()) {
        Problem(Index(value_path, i), "the string is empty; remove it or write the value");
        ok = false;
      } else {
        out.push_back(*item);
      }
    }
    if (!ok) return std::nullopt;
    return out;
  }

  // A list of named conditions: strings, or {"name", "when", "source", "comment"} objects.
  std::vector<Policy::Rule> Rules(const Json& j, const std::string& path, absl::string_view owner,
                                  bool required_nonempty) {
    std::vector<Policy::Rule> rules;
    if (!j.is_array()) {
      Problem(path, absl::StrCat("expected the conditions of ", owner,
                                 " as a list [\"condition\", ...], found ", TypeOf(j)));
      return rules;
    }
    if (j.empty() && required_nonempty) {
      Problem(path, absl::StrCat(owner, " has no conditions; add at least one (an entity meets ", owner,
                                 " when any of its conditions is true)"));
    }
    for (size_t i = 0; i < j.size(); ++i) {
      const std::string item_path = Index(path, i);
      const Json& item = j[i];
      Policy::Rule rule;
      rule.name = absl::StrCat("#", i + 1);
      std::string when_path = item_path;
      const Json* when = &item;
      if (item.is_object()) {
        if (!Object(item, item_path, {"name"},
                    {{"when", "the condition text, e.g. \"penalties_last_year >= 1\""}})) {
          continue;
        }
        if (item.contains("name")) {
          std::optional<std::string> name = Text(item["name"], Child(item_path, "name"), false);
          if (name.has_value() && name->empty()) {
            Problem(Child(item_path, "name"), "the name is empty; name the condition or remove \"name\"");
          } else if (name.has_value()) {
            rule.name = *name;
          }
        }
        if (item.contains("source") && item["source"].is_string()) rule.source = item["source"];
        if (item.contains("comment") && item["comment"].is_string()) rule.comment = item["comment"];
        if (!item.contains("when")) continue;
        when_path = Child(item_path, "when");
        when = &item["when"];
      }
      for (const Policy::Rule& earlier : rules) {
        if (earlier.name == rule.name) {
          Problem(Child(item_path, "name"), absl::StrCat("two conditions of ", owner, " are named \"",
                                                         rule.name, "\"; names must differ"));
        }
      }
      std::optional<Condition> condition = ConditionText(*when, when_path, owner, rule.name, &rule.when);
      if (!condition.has_value()) continue;
      rule.condition = *std::move(condition);
      rules.push_back(std::move(rule));
    }
    return rules;
  }

  // The condition text (a string, or a list of lines joined by "\n"), parsed.
  std::optional<Condition> ConditionText(const Json& j, const std::string& path, absl::string_view owner,
                                         absl::string_view name, std::string* text) {
    std::vector<std::string> lines;
    if (j.is_string()) {
      lines.push_back(j.get<std::string>());
    } else if (j.is_array() && !j.empty() &&
               std::all_of(j.begin(), j.end(), [](const Json& l) { return l.is_string(); })) {
      for (const Json& line : j) lines.push_back(line.get<std::string>());
    } else {
      Problem(path, absl::StrCat("expected a condition as a string (or a list of lines), found ", TypeOf(j)));
      return std::nullopt;
    }
    *text = absl::StrJoin(lines, "\n");
    const std::string rule_name = absl::StrCat(owner, " condition \"", name, "\"");
    internal::ConditionError error;
    std::shared_ptr<const internal::ConditionNode> root = internal::ParseConditionText(*text, &error);
    if (root == nullptr) {
      // Map the error's offset in the joined text to the string (line) holding it and the file position.
      size_t line_index = 0;
      size_t within = error.offset;
      while (line_index + 1 < lines.size() && within > lines[line_index].size()) {
        within -= lines[line_index].size() + 1;
        ++line_index;
      }
      const std::string line_path = j.is_string() ? path : Index(path, line_index);
      std::optional<size_t> start = locator_.ValueOffset(line_path);
      std::optional<size_t> at;
      if (start.has_value()) at = locator_.OffsetInString(*start, within);
      Problem(line_path,
              absl::StrCat(rule_name, ": ", error.message, internal::ConditionSnippet(*text, error.offset)),
              false, at);
      return std::nullopt;
    }
    absl::StatusOr<Condition> condition = Condition::Parse(*text, rule_name);
    if (!condition.ok()) {  // cannot happen: the same parser accepted it above
      Problem(path, std::string(condition.status().message()));
      return std::nullopt;
    }
    return *std::move(condition);
  }

 private:
  std::string source_;
  const internal::JsonLocator& locator_;
  std::vector<PolicyProblem>* problems_;
};

// Reads the whole document into `state`, reporting every problem.
void ReadPolicy(const Json& doc, Reader& r, internal::PolicyState* state) {
  if (!r.Object(
          doc, "",
          {"$schema", "title", "precedence", "unmatched", "pool", "credit", "joint", "team", "deadlines"},
          {{"format", "write \"format\": \"ssrandom-policy/1\" first"},
           {"name", "name the policy, e.g. \"name\": \"my-bureau-2025\""},
           {"classes", "define the three classes special, key and general, each with its conditions"},
           {"quotas", "give the quota of each pool: special, key, positive and general"}})) {
    return;
  }
  if (doc.contains("$schema")) r.Text(doc["$schema"], "$schema", false);
  if (doc.contains("format")) {
    std::optional<std::string> format = r.Text(doc["format"], "format", false);
    if (format.has_value() && *format != kFormat) {
      r.Problem("format",
                absl::StrCat("unsupported format \"", *format, "\"; this library reads \"", kFormat, "\""));
    }
  }
  if (doc.contains("name")) {
    std::optional<std::string> name = r.Text(doc["name"], "name", false);
    if (name.has_value() && name->empty()) r.Problem("name", "the name is empty; name the policy");
    if (name.has_value()) state->name = *name;
  }
  if (doc.contains("title")) state->title = r.Text(doc["title"], "title").value_or("");

  // Classes.
  if (doc.contains("classes")) {
    const Json& classes = doc["classes"];
    if (r.Object(classes, "classes", {},
                 {{"special", "add the special class (特殊监管对象) with its conditions"},
                  {"key", "add the key class (重点监管对象) with its conditions"},
                  {"general", "add the general class (一般监管对象) with its conditions"}},
                 "class")) {
      for (SupervisionClass c : kClasses) {
        const std::string name(SupervisionClassName(c));
        if (!classes.contains(name)) continue;
        const std::string path = Child("classes", name);
        const Json& object = classes[name];
        if (!r.Object(object, path, {"label"},
                      {{"conditions", "list the conditions; an entity meets the class when any is true"}})) {
          continue;
        }
        if (object.contains("label")) r.Text(object["label"], Child(path, "label"), false);
        if (object.contains("conditions")) {
          state->class_rules[static_cast<size_t>(c)] =
              r.Rules(object["conditions"], Child(path, "conditions"), absl::StrCat("class ", name), true);
        }
      }
    }
  }
  if (doc.contains("precedence")) {
    std::string value_path;
    const Json* v = r.Setting(doc["precedence"], "precedence", &value_path);
    std::vector<SupervisionClass> order;
    bool ok = v != nullptr && v->is_array() && v->size() == 3;
    for (size_t i = 0; ok && i < v->size(); ++i) {
      absl::StatusOr<SupervisionClass> c = (*v)[i].is_string()
                                               ? ParseSupervisionClass((*v)[i].get<std::string>())
                                               : absl::InvalidArgumentError("");
      ok = c.ok() && *c != SupervisionClass::kExcluded &&
           std::find(order.begin(), order.end(), *c) == order.end();
      if (ok) order.push_back(*c);
    }
    if (ok) {
      state->precedence = order;
    } else if (v != nullptr) {
      r.Problem(value_path,
                "expected the precedence as the three classes, strongest first, each once, e.g. "
                "[\"special\", \"general\", \"key\"] (RULES.md §2)");
    }
  }
  if (doc.contains("unmatched")) {
    std::optional<size_t> c = r.Choice(doc["unmatched"], "unmatched",
                                       "the class of entities that meet no "
                                       "class condition",
                                       {"general", "key", "special", "excluded"});
    static constexpr SupervisionClass kUnmatched[] = {SupervisionClass::kGeneral, SupervisionClass::kKey,
                                                      SupervisionClass::kSpecial,
                                                      SupervisionClass::kExcluded};
    if (c.has_value()) state->unmatched = kUnmatched[*c];
  }

  // Pool rules.
  if (doc.contains("pool") &&
      r.Object(doc["pool"], "pool", {"excluded_statuses", "unknown_status", "excluded_when"})) {
    const Json& pool = doc["pool"];
    if (pool.contains("excluded_statuses")) {
      std::optional<std::vector<std::string>> statuses =
          r.TextList(pool["excluded_statuses"], "pool.excluded_statuses", "the excluded statuses");
      if (statuses.has_value()) {
        bool unknown_rule = state->excluded_status[0];
        state->excluded_status.fill(false);
        state->excluded_status[0] = unknown_rule;
        const std::string value_path =
            Reader::Info(pool["excluded_statuses"], "pool.excluded_statuses").value_path;
        for (size_t i = 0; i < statuses->size(); ++i) {
          absl::StatusOr<EntityStatus> status = ParseEntityStatus((*statuses)[i]);
          if (!status.ok() || *status == EntityStatus::kUnknown) {
            r.Problem(Index(value_path, i), std::string(status.status().message()));
            continue;
          }
          state->excluded_status[static_cast<size_t>(*status)] = true;
        }
      }
    }
    if (pool.contains("unknown_status")) {
      std::optional<size_t> choice =
          r.Choice(pool["unknown_status"], "pool.unknown_status",
                   "what happens to entities of unknown status", {"include", "exclude"});
      if (choice.has_value()) state->excluded_status[0] = *choice == 1;
    }
    if (pool.contains("excluded_when")) {
      state->exclusion_rules =
          r.Rules(pool["excluded_when"], "pool.excluded_when", "the pool exclusions", false);
    }
  }

  // Credit scheme.
  if (doc.contains("credit") &&
      r.Object(
          doc["credit"], "credit", {"scheme", "attribute", "unknown"},
          {{"classes",
            "list the credit classes from lowest to highest risk, e.g. [\"A\", \"B\", \"C\", \"D\"]"}})) {
    const Json& credit = doc["credit"];
    if (credit.contains("scheme")) r.Text(credit["scheme"], "credit.scheme", false);
    if (credit.contains("attribute")) {
      std::optional<size_t> a =
          r.Choice(credit["attribute"], "credit.attribute", "the entity attribute holding the credit class",
                   {"credit", "env_credit"});
      if (a.has_value()) state->credit_attribute = *a == 0 ? "credit" : "env_credit";
    }
    if (credit.contains("classes")) {
      const Json& classes = credit["classes"];
      if (!classes.is_array() || classes.empty()) {
        r.Problem("credit.classes",
                  absl::StrCat("expected the credit classes as a non-empty list, lowest risk "
                               "first, e.g. [\"A\", \"B\", \"C\", \"D\"]; found ",
                               TypeOf(classes)));
      } else {
        for (size_t i = 0; i < classes.size(); ++i) {
          const std::string path = Index("credit.classes", i);
          std::string name;
          std::vector<std::string> aliases;
          if (classes[i].is_object()) {
            if (!r.Object(classes[i], path, {"label", "aliases"}, {{"name", "the class name, e.g. \"A\""}})) {
              continue;
            }
            if (classes[i].contains("label")) r.Text(classes[i]["label"], Child(path, "label"), false);
            if (classes[i].contains("aliases")) {
              aliases = r.TextList(classes[i]["aliases"], Child(path, "aliases"), "the aliases")
                            .value_or(std::vector<std::string>());
            }
            if (!classes[i].contains("name")) continue;
            name = r.Text(classes[i]["name"], Child(path, "name"), false).value_or("");
          } else {
            name = r.Text(classes[i], path, false).value_or("");
          }
          if (name.empty()) {
            r.Problem(path, "a credit class needs a non-empty name");
            continue;
          }
          for (size_t k = 0; k < state->credit_classes.size(); ++k) {
            std::vector<std::string> spellings = state->credit_aliases[k];
            spellings.push_back(state->credit_classes[k]);
            for (const std::string& spelling : spellings) {
              if (spelling == name || std::find(aliases.begin(), aliases.end(), spelling) != aliases.end()) {
                r.Problem(path, absl::StrCat("\"", spelling,
                                             "\" names two credit classes; each name and alias must "
                                             "name one class"));
              }
            }
          }
          state->credit_classes.push_back(name);
          state->credit_aliases.push_back(aliases);
        }
      }
    }
    state->unknown_credit =
        state->credit_classes.empty() ? -1 : static_cast<int>(state->credit_classes.size()) - 1;
    if (credit.contains("unknown")) {
      std::string value_path;
      const Json* v = r.Setting(credit["unknown"], "credit.unknown", &value_path);
      if (v != nullptr) {
        int index = -1;
        if (v->is_string()) {
          auto it =
              std::find(state->credit_classes.begin(), state->credit_classes.end(), v->get<std::string>());
          if (it != state->credit_classes.end()) index = static_cast<int>(it - state->credit_classes.begin());
        }
        if (index < 0) {
          r.Problem(value_path,
                    absl::StrCat("expected the credit class that entities with an unknown credit "
                                 "class are counted in, one of ",
                                 absl::StrJoin(state->credit_classes, ", "), "; found ", TypeOf(*v)));
        } else {
          state->unknown_credit = index;
        }
      }
    }
  }

  // Quotas.
  if (doc.contains("quotas") &&
      r.Object(
          doc["quotas"], "quotas",
          {"period", "rounding", "credit_based_share", "yearly_cap", "rotation_within_year",
           "take_whole_pool_when_short"},
          {{"special", "give the special pool's quota, e.g. {\"minimum\": \"50%\"}"},
           {"key", "give the key pool's quota, e.g. {\"minimum\": \"25%\"}"},
           {"positive",
            "give the positive-list pool's quota, e.g. {\"minimum\": \"100%\", \"method\": \"off_site\"}"},
           {"general", "give the general pool's quota, e.g. {\"minimum\": \"3%\"}"}})) {
    const Json& quotas = doc["quotas"];
    if (quotas.contains("period"))
      r.Choice(quotas["period"], "quotas.period", "the quota period", {"quarter"});
    if (quotas.contains("rounding")) {
      r.Choice(quotas["rounding"], "quotas.rounding",
               "the rounding rule (RULES.md §3: ⌈ratio × pool⌉, at least 1)", {"ceil"});
    }
    for (Pool pool : kQuotaPools) {
      const std::string name(PoolName(pool));
      Policy::PoolQuota quota;
      quota.pool = pool;
      quota.method = pool == Pool::kPositive ? InspectionMethod::kOffSite : InspectionMethod::kOnSite;
      const std::string path = Child("quotas", name);
      if (quotas.contains(name) &&
          r.Object(quotas[name], path, {"label", "method", "credit_ratios"},
                   {{"minimum", "the minimum share of the pool to inspect each quarter, e.g. \"25%\""}})) {
        const Json& object = quotas[name];
        if (object.contains("source") && object["source"].is_string()) quota.source = object["source"];
        if (object.contains("comment") && object["comment"].is_string()) quota.comment = object["comment"];
        if (object.contains("label")) r.Text(object["label"], Child(path, "label"), false);
        if (object.contains("minimum")) {
          if (quota.source.empty())
            quota.source = Reader::Info(object["minimum"], Child(path, "minimum")).source;
          if (quota.comment.empty())
            quota.comment = Reader::Info(object["minimum"], Child(path, "minimum")).comment;
          quota.minimum =
              r.RatioValue(object["minimum"], Child(path, "minimum"), absl::StrCat("the ", name, " minimum"))
                  .value_or(Ratio());
        }
        if (object.contains("method")) {
          std::optional<size_t> m = r.Choice(object["method"], Child(path, "method"), "the inspection method",
                                             {"on_site", "off_site"});
          if (m.has_value()) quota.method = *m == 0 ? InspectionMethod::kOnSite : InspectionMethod::kOffSite;
        }
        if (object.contains("credit_ratios")) {
          const std::string table_path = Child(path, "credit_ratios");
          const Json& table = object["credit_ratios"];
          if (state->credit_classes.empty()) {
            r.Problem(table_path,
                      "a credit ratio table needs the credit scheme: add a \"credit\" section listing the "
                      "credit classes from lowest to highest risk");
          } else if (r.Object(table, table_path,
                              std::vector<absl::string_view>(state->credit_classes.begin(),
                                                             state->credit_classes.end()),
                              {}, "credit class")) {
            std::vector<Ratio> ratios(state->credit_classes.size());
            bool complete = true;
            for (size_t k = 0; k < state->credit_classes.size(); ++k) {
              const std::string& credit_class = state->credit_classes[k];
              const std::string cell_path = Child(table_path, credit_class);
              if (!table.contains(credit_class)) {
                r.Problem(table_path,
                          absl::StrCat("credit class ", credit_class,
                                       " has no ratio; every class needs one "
                                       "(no class is exempt, RULES.md §3): add \"",
                                       credit_class, "\": \"", quota.minimum.ToString(), "\" or more"));
                complete = false;
                continue;
              }
              std::optional<Ratio> ratio =
                  r.RatioValue(table[credit_class], cell_path,
                               absl::StrCat("the ", name, " ratio of credit class ", credit_class));
              if (!ratio.has_value()) {
                complete = false;
                continue;
              }
              const std::string value_path = Reader::Info(table[credit_class], cell_path).value_path;
              if (*ratio < quota.minimum) {
                r.Problem(value_path, absl::StrCat("the ", name, " ratio of credit class ", credit_class,
                                                   " is ", ratio->ToString(), ", below the pool minimum ",
                                                   quota.minimum.ToString(),
                                                   "; every cell must be at least the minimum (raise it to ",
                                                   quota.minimum.ToString(), " or more)"));
                complete = false;
              } else if (ratio->is_zero()) {
                r.Problem(value_path, absl::StrCat("credit class ", credit_class,
                                                   " has ratio 0%; no class may be "
                                                   "exempt (RULES.md §3)"));
                complete = false;
              }
              if (k > 0 && complete && *ratio < ratios[k - 1]) {
                r.Problem(value_path,
                          absl::StrCat("the ", name, " ratio of credit class ", credit_class, " (",
                                       ratio->ToString(), ") is below that of the lower-risk class ",
                                       state->credit_classes[k - 1], " (", ratios[k - 1].ToString(),
                                       "); higher risk must get at least the same ratio (raise it to ",
                                       ratios[k - 1].ToString(), " or more)"));
                complete = false;
              }
              ratios[k] = *ratio;
            }
            if (complete) state->credit_tables[static_cast<size_t>(pool)] = std::move(ratios);
          }
        }
      }
      state->quotas.push_back(std::move(quota));
    }
    if (quotas.contains("credit_based_share")) {
      std::optional<Ratio> share =
          r.RatioValue(quotas["credit_based_share"], "quotas.credit_based_share", "the credit-based share");
      if (share.has_value()) {
        state->credit_based_share = *share;
        bool any_table = false;
        for (const auto& table : state->credit_tables) any_table = any_table || !table.empty();
        bool any_table_written = false;
        for (Pool pool : kQuotaPools) {
          const std::string name(PoolName(pool));
          any_table_written = any_table_written || (quotas.contains(name) && quotas[name].is_object() &&
                                                    quotas[name].contains("credit_ratios"));
        }
        if (!share->is_zero() && !any_table && !any_table_written) {
          r.Problem(
              "quotas.credit_based_share",
              absl::StrCat("the credit-based share is ", share->ToString(),
                           " but no pool has credit_ratios, so no draw can be credit-based; add a credit "
                           "ratio table to the pools or remove the target"));
        }
      }
    }
    if (quotas.contains("yearly_cap")) {
      state->yearly_cap = static_cast<int>(
          r.Integer(quotas["yearly_cap"], "quotas.yearly_cap", "the yearly cap per entity", 1, 100)
              .value_or(2));
    }
    if (quotas.contains("rotation_within_year")) {
      state->rotation_within_year =
          r.Boolean(quotas["rotation_within_year"], "quotas.rotation_within_year", "rotation within the year")
              .value_or(true);
    }
    if (quotas.contains("take_whole_pool_when_short")) {
      state->take_whole_pool_when_short =
          r.Boolean(quotas["take_whole_pool_when_short"], "quotas.take_whole_pool_when_short",
                    "taking the whole pool when short")
              .value_or(true);
    }
  }

  // Joint inspections, teams, deadlines.
  if (doc.contains("joint") &&
      r.Object(doc["joint"], "joint", {"internal_joint_share", "dept_joint_per_quarter"})) {
    const Json& joint = doc["joint"];
    if (joint.contains("internal_joint_share")) {
      state->joint.internal_joint_share =
          r.RatioValue(joint["internal_joint_share"], "joint.internal_joint_share",
                       "the internal joint share")
              .value_or(Ratio());
    }
    if (joint.contains("dept_joint_per_quarter")) {
      state->joint.dept_joint_per_quarter =
          static_cast<int>(r.Integer(joint["dept_joint_per_quarter"], "joint.dept_joint_per_quarter",
                                     "the inter-department joint inspections per quarter", 0, 1000)
                               .value_or(0));
    }
  }
  if (doc.contains("team") &&
      r.Object(doc["team"], "team",
               {"min_size", "certificate_required", "recusal", "rotation_window_periods", "own_area_rule",
                "default_max_load", "offsite_units", "skills_by_item"})) {
    const Json& team = doc["team"];
    Policy::TeamRules& t = state->team;
    if (team.contains("min_size")) {
      t.min_size = static_cast<int>(r.Integer(team["min_size"], "team.min_size", "the team size", 2, 50,
                                              "行政处罚法 第四十二条: at least two inspectors")
                                        .value_or(2));
    }
    if (team.contains("certificate_required")) {
      t.certificate_required =
          r.Boolean(team["certificate_required"], "team.certificate_required", "certificate_required")
              .value_or(true);
    }
    if (team.contains("recusal"))
      t.recusal = r.Boolean(team["recusal"], "team.recusal", "recusal").value_or(true);
    if (team.contains("rotation_window_periods")) {
      t.rotation_window_periods =
          static_cast<int>(r.Integer(team["rotation_window_periods"], "team.rotation_window_periods",
                                     "the rotation window", 0, 40)
                               .value_or(0));
    }
    if (team.contains("own_area_rule")) {
      std::optional<size_t> rule = r.Choice(team["own_area_rule"], "team.own_area_rule", "the own-area rule",
                                            {"free", "required", "forbidden"});
      if (rule.has_value()) t.own_area_rule = static_cast<OwnAreaRule>(*rule);
    }
    if (team.contains("default_max_load")) {
      t.default_max_load = static_cast<int>(
          r.Integer(team["default_max_load"], "team.default_max_load", "the default maximum load", 0, 100000)
              .value_or(0));
    }
    if (team.contains("offsite_units")) {
      t.offsite_units = r.TextList(team["offsite_units"], "team.offsite_units", "the off-site units")
                            .value_or(std::vector<std::string>());
    }
    if (team.contains("skills_by_item")) {
      t.skills_by_item =
          r.Boolean(team["skills_by_item"], "team.skills_by_item", "skills_by_item").value_or(true);
    }
  }
  if (doc.contains("deadlines") && r.Object(doc["deadlines"], "deadlines",
                                            {"result_entry_working_days", "publication_working_days",
                                             "summary_days_before", "statistics_days_after"})) {
    const Json& deadlines = doc["deadlines"];
    Policy::Deadlines& d = state->deadlines;
    struct Field {
      const char* key;
      int* target;
      int64_t min;
    };
    for (const Field& f : {Field{"result_entry_working_days", &d.result_entry_working_days, 1},
                           Field{"publication_working_days", &d.publication_working_days, 1},
                           Field{"summary_days_before", &d.summary_days_before, 0},
                           Field{"statistics_days_after", &d.statistics_days_after, 0}}) {
      if (!deadlines.contains(f.key)) continue;
      std::optional<int64_t> value = r.Integer(deadlines[f.key], Child("deadlines", f.key),
                                               absl::StrCat("deadlines.", f.key), f.min, 366);
      if (value.has_value()) *f.target = static_cast<int>(*value);
    }
  }
}

std::string JsonSyntaxMessage(const nlohmann::json::parse_error& error) {
  // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ..." → "syntax error ..."
  absl::string_view what = error.what();
  size_t colon = what.find(": ");
  if (colon != absl::string_view::npos) what.remove_prefix(colon + 2);
  // "; last read: '…'" repeats raw input, possibly cut inside a UTF-8 character; the location says enough.
  // The quoted input may itself hold "'; ", so its end is the last "'; expected " (nlohmann adds that part
  // last, when it expected a token) or the end of the message; Utf8Safe guards what is left.
  std::string message(what);
  size_t last_read = message.find("; last read: '");
  if (last_read != std::string::npos) {
    size_t end = message.rfind("'; expected ");
    message.erase(last_read,
                  end == std::string::npos || end < last_read ? std::string::npos : end + 1 - last_read);
  }
  return absl::StrCat("the file is not valid JSON: ", internal::Utf8Safe(message));
}

std::vector<PolicyProblem> Parse(absl::string_view text, absl::string_view source_name,
                                 internal::PolicyState* state) {
  std::vector<PolicyProblem> problems;
  Json doc;
  // The problem at byte `offset` of the text, located by line and column (characters).
  auto syntax_problem = [&](size_t offset, std::string message) {
    PolicyProblem problem;
    problem.source = std::string(source_name);
    const internal::TextPosition position = internal::PositionInText(text, offset);
    problem.line = static_cast<int>(position.line);
    problem.column = static_cast<int>(position.character);
    problem.message = std::move(message);
    problems.push_back(std::move(problem));
  };
  if (const size_t nul = text.find('\0'); nul != absl::string_view::npos) {
    syntax_problem(nul, absl::StrCat("the file is not valid JSON: ", internal::kRawNulByteReason));
    return problems;
  }
  try {
    doc = Json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& error) {
    syntax_problem(error.byte == 0 ? 0 : error.byte - 1, JsonSyntaxMessage(error));
    return problems;
  } catch (const nlohmann::json::exception& error) {
    // Not a syntax error but a value the parser cannot hold: a number too large for a double ("1e999") is
    // an out_of_range error, which carries no position; the number is quoted in the message.
    std::string what = error.what();
    size_t offset = 0;
    const size_t open = what.find('\'');
    const size_t close = open == std::string::npos ? open : what.find('\'', open + 1);
    if (close != std::string::npos) {
      offset = std::min(text.size(), text.find(what.substr(open + 1, close - open - 1)));
    }
    const size_t colon = what.find("] ");
    syntax_problem(
        offset, absl::StrCat("the file is not valid JSON: ",
                             internal::Utf8Safe(colon == std::string::npos ? what : what.substr(colon + 2))));
    return problems;
  }
  internal::JsonLocator locator(text);
  Reader reader(source_name, locator, &problems);
  for (const auto& [path, offset] : locator.duplicate_keys()) {
    reader.Problem(path, "this key appears twice in the same object; keep one", true, offset);
  }
  ReadPolicy(doc, reader, state);
  if (problems.empty()) {
    state->source_name = std::string(source_name);
    state->canonical = doc.dump(-1, ' ', false, Json::error_handler_t::strict);
    state->digest = Sha256Hex(state->canonical);
  }
  std::stable_sort(problems.begin(), problems.end(), [](const PolicyProblem& a, const PolicyProblem& b) {
    return std::make_pair(a.line, a.column) < std::make_pair(b.line, b.column);
  });
  return problems;
}

const internal::EmbeddedFile* FindPreset(absl::string_view name) {
  for (size_t i = 0; i < internal::kEmbeddedPresetCount; ++i) {
    if (internal::kEmbeddedPresets[i].name == name) return &internal::kEmbeddedPresets[i];
  }
  return nullptr;
}

absl::Status UnknownPreset(absl::string_view name) {
  return absl::NotFoundError(absl::StrCat("no preset policy named \"", name, "\"; the presets are ",
                                          absl::StrJoin(Policy::PresetNames(), ", ")));
}

}  // namespace

// --- Names
// ---------------------------------------------------------------------------------------------------

SupervisionClass ClassOfPool(Pool pool) {
  switch (pool) {
    case Pool::kSpecial:
      return SupervisionClass::kSpecial;
    case Pool::kKey:
      return SupervisionClass::kKey;
    case Pool::kPositive:
    case Pool::kGeneral:
      return SupervisionClass::kGeneral;
    case Pool::kExcluded:
      break;
  }
  return SupervisionClass::kExcluded;
}

std::string PolicyProblem::ToString() const {
  std::string where = source;
  if (line > 0) absl::StrAppend(&where, ":", line, ":", column);
  return absl::StrCat(where, ": ", path.empty() ? "" : absl::StrCat(path, ": "), message);
}

// --- Loading
// ---------------------------------------------------------------------------------------------------

std::vector<PolicyProblem> Policy::Check(absl::string_view text, absl::string_view source_name) {
  internal::PolicyState state;
  return Parse(text, source_name, &state);
}

absl::StatusOr<Policy> Policy::FromJson(absl::string_view text, absl::string_view source_name) {
  auto state = std::make_shared<internal::PolicyState>();
  std::vector<PolicyProblem> problems = Parse(text, source_name, state.get());
  if (!problems.empty()) {
    std::vector<std::string> lines;
    for (const PolicyProblem& p : problems) lines.push_back(p.ToString());
    return absl::InvalidArgumentError(absl::StrCat(source_name, ": the policy has ", problems.size(),
                                                   problems.size() == 1 ? " problem" : " problems", ":\n",
                                                   absl::StrJoin(lines, "\n")));
  }
  return Policy(std::move(state));
}

absl::StatusOr<Policy> Policy::Preset(absl::string_view name) {
  const internal::EmbeddedFile* file = FindPreset(name);
  if (file == nullptr) return UnknownPreset(name);
  return FromJson(absl::string_view(reinterpret_cast<const char*>(file->data), file->size),
                  absl::StrCat("preset:", name));
}

absl::StatusOr<std::string> Policy::PresetJson(absl::string_view name) {
  const internal::EmbeddedFile* file = FindPreset(name);
  if (file == nullptr) return UnknownPreset(name);
  return std::string(reinterpret_cast<const char*>(file->data), file->size);
}

std::vector<std::string> Policy::PresetNames() {
  std::vector<std::string> names;
  for (size_t i = 0; i < internal::kEmbeddedPresetCount; ++i)
    names.emplace_back(internal::kEmbeddedPresets[i].name);
  std::sort(names.begin(), names.end());
  return names;
}

absl::StatusOr<Policy> Policy::Load(absl::string_view name_or_path) {
  if (FindPreset(name_or_path) != nullptr) return Preset(name_or_path);
  absl::StatusOr<std::string> text = internal::ReadFile(std::string(name_or_path));
  if (!text.ok()) {
    if (absl::IsNotFound(text.status())) {
      return absl::NotFoundError(absl::StrCat("\"", name_or_path,
                                              "\" is neither a preset policy nor a file; the "
                                              "presets are ",
                                              absl::StrJoin(PresetNames(), ", ")));
    }
    return text.status();
  }
  return FromJson(*text, name_or_path);
}

// --- Accessors ---------------------------------------------------------------------------------------------

const std::string& Policy::name() const { return state_->name; }
const std::string& Policy::title() const { return state_->title; }
const std::string& Policy::source_name() const { return state_->source_name; }
const std::string& Policy::CanonicalJson() const { return state_->canonical; }
const std::string& Policy::Digest() const { return state_->digest; }

const std::vector<Policy::Rule>& Policy::class_rules(SupervisionClass supervision_class) const {
  return state_->class_rules[static_cast<size_t>(supervision_class)];
}
const std::vector<SupervisionClass>& Policy::precedence() const { return state_->precedence; }
SupervisionClass Policy::unmatched_class() const { return state_->unmatched; }

bool Policy::excludes_status(EntityStatus status) const {
  const auto index = static_cast<size_t>(status);
  return index < state_->excluded_status.size() && state_->excluded_status[index];
}
const std::vector<Policy::Rule>& Policy::exclusion_rules() const { return state_->exclusion_rules; }

const std::vector<Policy::PoolQuota>& Policy::pool_quotas() const { return state_->quotas; }
const Policy::PoolQuota& Policy::pool_quota(Pool pool) const {
  for (const PoolQuota& q : state_->quotas) {
    if (q.pool == pool) return q;
  }
  return state_->quotas.front();
}

const std::vector<std::string>& Policy::credit_classes() const { return state_->credit_classes; }
const std::string& Policy::credit_attribute() const { return state_->credit_attribute; }
int Policy::unknown_credit_index() const { return state_->unknown_credit; }

int Policy::CreditIndexOf(absl::string_view value) const {
  const internal::PolicyState& s = *state_;
  for (size_t k = 0; k < s.credit_classes.size(); ++k) {
    if (s.credit_classes[k] == value) return static_cast<int>(k);
    for (const std::string& alias : s.credit_aliases[k]) {
      if (alias == value) return static_cast<int>(k);
    }
  }
  for (size_t k = 0; k < s.credit_classes.size(); ++k) {
    if (absl::EqualsIgnoreCase(s.credit_classes[k], value)) return static_cast<int>(k);
  }
  return -1;
}

bool Policy::uses_credit_table(Pool pool) const {
  const auto index = static_cast<size_t>(pool);
  return index < state_->credit_tables.size() && !state_->credit_tables[index].empty();
}

std::optional<Ratio> Policy::CreditRatio(Pool pool, int credit_index) const {
  if (!uses_credit_table(pool)) return std::nullopt;
  const std::vector<Ratio>& table = state_->credit_tables[static_cast<size_t>(pool)];
  if (credit_index < 0 || static_cast<size_t>(credit_index) >= table.size()) return std::nullopt;
  return table[static_cast<size_t>(credit_index)];
}

Ratio Policy::credit_based_share() const { return state_->credit_based_share; }
int Policy::yearly_cap() const { return state_->yearly_cap; }
bool Policy::rotation_within_year() const { return state_->rotation_within_year; }
bool Policy::take_whole_pool_when_short() const { return state_->take_whole_pool_when_short; }
const Policy::JointTargets& Policy::joint() const { return state_->joint; }
const Policy::TeamRules& Policy::team() const { return state_->team; }

::ssr::TeamRules TeamRulesFromPolicy(const Policy& policy) {
  const Policy::TeamRules& team = policy.team();
  const Policy::JointTargets& joint = policy.joint();
  ::ssr::TeamRules rules;
  rules.min_team_size = team.min_size;
  rules.rotation_window_periods = team.rotation_window_periods;
  rules.own_area = team.own_area_rule;
  if (!team.offsite_units.empty()) rules.offsite_units = team.offsite_units;
  rules.skills_by_item = team.skills_by_item;
  if (team.default_max_load > 0) rules.default_max_load = team.default_max_load;
  rules.internal_joint_share_numerator = joint.internal_joint_share.numerator();
  rules.internal_joint_share_denominator = joint.internal_joint_share.denominator();
  rules.department_joints_per_quarter = joint.dept_joint_per_quarter;
  rules.full_coverage_pools.clear();
  for (const Policy::PoolQuota& quota : policy.pool_quotas()) {
    if (quota.minimum >= Ratio::Percent(100)) rules.full_coverage_pools.push_back(quota.pool);
  }
  return rules;
}
const Policy::Deadlines& Policy::deadlines() const { return state_->deadlines; }

absl::StatusOr<Condition> Policy::ItemCondition(const Item& item) {
  if (absl::StripAsciiWhitespace(item.applies_to).empty()) return Condition();
  return Condition::Parse(item.applies_to, absl::StrCat("item ", item.id, " applies_to"));
}

}  // namespace ssr
