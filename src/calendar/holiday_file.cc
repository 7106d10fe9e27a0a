#include "calendar/holiday_file.h"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "io/json_fields.h"
#include "io/utf8.h"
#include "ssrandom/calendar.h"
#include "ssrandom/date.h"

namespace ssr::internal {
namespace {

using Json = nlohmann::json;

constexpr char kFileShape[] =
    R"({"format": "ssrandom-holidays-v1", "years": [{"year": 2027, "off": [...], "work": [...]}]})";

// Records the message of a JSON syntax error, with its line and column; everything else is accepted and
// dropped. Used on the error path only, because the DOM parser without exceptions keeps no message.
struct SyntaxErrorCatcher {
  std::string message;
  bool null() { return true; }
  bool boolean(bool) { return true; }
  bool number_integer(Json::number_integer_t) { return true; }
  bool number_unsigned(Json::number_unsigned_t) { return true; }
  bool number_float(Json::number_float_t, const Json::string_t&) { return true; }
  bool string(Json::string_t&) { return true; }
  bool binary(Json::binary_t&) { return true; }
  bool start_object(std::size_t) { return true; }
  bool key(Json::string_t&) { return true; }
  bool end_object() { return true; }
  bool start_array(std::size_t) { return true; }
  bool end_array() { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& error) {
    message = error.what();
    return false;
  }
};

// Finds keys repeated within one object, which the JSON parser would otherwise resolve silently by keeping
// the last one (dropping, say, a whole list of holidays).
class DuplicateKeyFinder {
 public:
  bool operator()(int /*depth*/, Json::parse_event_t event, Json& parsed) {
    switch (event) {
      case Json::parse_event_t::object_start: {
        int entry = 0;
        // An object directly inside the top-level "years" array is a year entry.
        if (stack_.size() == 2 && stack_[0].is_object && stack_[0].last_key == "years" &&
            !stack_[1].is_object) {
          entry = ++year_entries_;
        }
        stack_.push_back(Frame{true, entry, {}, {}});
        break;
      }
      case Json::parse_event_t::array_start:
        stack_.push_back(Frame{false, 0, {}, {}});
        break;
      case Json::parse_event_t::object_end:
      case Json::parse_event_t::array_end:
        if (!stack_.empty()) stack_.pop_back();
        break;
      case Json::parse_event_t::key:
        if (!stack_.empty() && parsed.is_string()) {
          Frame& frame = stack_.back();
          frame.last_key = parsed.get_ref<const std::string&>();
          if (!frame.keys.insert(frame.last_key).second && duplicate_.empty()) {
            std::string where = stack_.size() == 1     ? "at the top level"
                                : frame.year_entry > 0 ? absl::StrCat("in year entry #", frame.year_entry)
                                                       : "in one object";
            duplicate_ = absl::StrCat("key \"", frame.last_key, "\" appears twice ", where,
                                      "; each key may appear once (merge the two lists into one)");
          }
        }
        break;
      case Json::parse_event_t::value:
        break;
    }
    return true;
  }

  const std::string& duplicate() const { return duplicate_; }

 private:
  struct Frame {
    bool is_object;
    int year_entry;  // 1-based number of the year entry this object is, or 0
    absl::flat_hash_set<std::string> keys;
    std::string last_key;
  };
  std::vector<Frame> stack_;
  int year_entries_ = 0;
  std::string duplicate_;
};

std::string TypeName(const Json& value) {
  if (value.is_number_integer()) return "a whole number";
  if (value.is_number()) return "a number with a fraction";
  if (value.is_string()) return "a text";
  if (value.is_array()) return "a list";
  if (value.is_object()) return "an object";
  if (value.is_boolean()) return "true/false";
  return "null";
}

// A value as messages quote it: its JSON for a text (cut after 60 bytes), number, true/false or null, and
// only its kind for a list or an object, which can be long and nested arbitrarily deep (dump() recurses, and
// a file of 200,000 '[' overflowed the stack).
std::string Shown(const Json& value) {
  if (value.is_array() || value.is_object()) return TypeName(value);
  std::string text = value.dump();
  if (text.size() > 62) {
    size_t cut = 60;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole characters
    text = absl::StrCat(text.substr(0, cut), "…\"");
  }
  return text;
}

// Makes a parser message readable in one line: no "[json.exception.parse_error.101]" prefix, no raw newlines.
std::string CleanSyntaxMessage(std::string message) {
  if (absl::StartsWith(message, "[json.exception.")) {
    size_t end = message.find("] ");
    if (end != std::string::npos) message.erase(0, end + 2);
  }
  // UTF-8 even when the parser quotes the bytes last read and they end inside a character.
  return Utf8Safe(absl::StrReplaceAll(message, {{"\r", " "}, {"\n", " "}, {"\t", " "}}));
}

// Checks that `object` has only keys from `allowed`; `where` (source and object) starts the message.
absl::Status CheckKeys(const Json& object, std::initializer_list<absl::string_view> allowed,
                       absl::string_view where) {
  for (const auto& item : object.items()) {
    bool known = false;
    for (absl::string_view key : allowed) known = known || item.key() == key;
    if (!known) {
      std::string list;
      for (absl::string_view key : allowed) absl::StrAppend(&list, list.empty() ? "" : ", ", "\"", key, "\"");
      return absl::InvalidArgumentError(absl::StrCat(where, ": unknown key \"", item.key(),
                                                     "\"; the keys are ", list, " (check the spelling)"));
    }
  }
  return absl::OkStatus();
}

struct Item {
  absl::CivilDay first;
  absl::CivilDay last;
  std::string text;
};

// Parses one `off`/`work` list of year entry `entry` into inclusive day ranges, each inside `year`.
absl::StatusOr<std::vector<Item>> ParseDayList(const Json& entry, const char* field, int year,
                                               absl::string_view where) {
  auto it = entry.find(field);
  if (it == entry.end()) {
    return absl::InvalidArgumentError(absl::StrCat(
        where, ": the field \"", field, "\" is missing; write \"", field, "\": [] if the year has no ",
        std::string(field) == "off" ? "holidays" : "make-up working days"));
  }
  if (!it->is_array()) {
    return absl::InvalidArgumentError(absl::StrCat(where, ", field \"", field, "\", value ", Shown(*it),
                                                   ": must be a list of dates, e.g. [\"", year,
                                                   "-01-01\", \"", year, "-02-05..", year, "-02-11\"]"));
  }
  std::vector<Item> items;
  for (const Json& value : *it) {
    std::string at = absl::StrCat(where, ", field \"", field, "\", value ", Shown(value), ": ");
    if (!value.is_string()) {
      return absl::InvalidArgumentError(absl::StrCat(at,
                                                     "must be a date in quotes (\"YYYY-MM-DD\") or a range "
                                                     "(\"YYYY-MM-DD..YYYY-MM-DD\"), found ",
                                                     TypeName(value)));
    }
    const std::string& text = value.get_ref<const std::string&>();
    absl::string_view first_text = text;
    absl::string_view last_text = text;
    if (size_t dots = text.find(".."); dots != std::string::npos) {
      first_text = absl::string_view(text).substr(0, dots);
      last_text = absl::string_view(text).substr(dots + 2);
    }
    absl::StatusOr<absl::CivilDay> first = ParseDate(first_text);
    if (!first.ok()) return absl::InvalidArgumentError(absl::StrCat(at, first.status().message()));
    absl::StatusOr<absl::CivilDay> last = ParseDate(last_text);
    if (!last.ok()) return absl::InvalidArgumentError(absl::StrCat(at, last.status().message()));
    if (*last < *first) {
      return absl::InvalidArgumentError(
          absl::StrCat(at, "the range ends before it starts; write the earlier date first"));
    }
    for (absl::CivilDay day : {*first, *last}) {
      if (day.year() != year) {
        return absl::InvalidArgumentError(absl::StrCat(at, FormatDate(day), " is not in ", year,
                                                       "; list each day under the entry of its own year"));
      }
    }
    items.push_back(Item{*first, *last, text});
  }
  return items;
}

}  // namespace

absl::StatusOr<std::vector<HolidayYear>> ParseHolidayFile(absl::string_view text, absl::string_view source) {
  if (absl::StripAsciiWhitespace(text).empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(source, ": the holiday file is empty; expected JSON of the form ", kFileShape));
  }
  if (size_t bad = FindInvalidUtf8(text); bad < text.size()) {
    return absl::InvalidArgumentError(NotUtf8Message(source, text, bad));
  }
  if (std::string nul = RawNulByteProblem(text); !nul.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(source, ": not valid JSON: ", nul));
  }
  DuplicateKeyFinder duplicates;
  Json root = Json::parse(
      text.begin(), text.end(),
      [&duplicates](int depth, Json::parse_event_t event, Json& parsed) {
        return duplicates(depth, event, parsed);
      },
      /*allow_exceptions=*/false);
  if (root.is_discarded()) {
    SyntaxErrorCatcher catcher;
    Json::sax_parse(text.begin(), text.end(), &catcher);
    return absl::InvalidArgumentError(
        absl::StrCat(source, ": not valid JSON: ", CleanSyntaxMessage(catcher.message)));
  }
  if (!duplicates.duplicate().empty()) {
    return absl::InvalidArgumentError(absl::StrCat(source, ": ", duplicates.duplicate()));
  }
  if (!root.is_object()) {
    return absl::InvalidArgumentError(absl::StrCat(source, ": the file holds ", TypeName(root),
                                                   "; a holiday file is a JSON object of the form ",
                                                   kFileShape));
  }
  if (absl::Status status = CheckKeys(root, {"format", "note", "years"}, source); !status.ok()) {
    return status;
  }
  auto format = root.find("format");
  if (format == root.end()) {
    return absl::InvalidArgumentError(absl::StrCat(source,
                                                   ": the field \"format\" is missing; a holiday file "
                                                   "starts with \"format\": \"",
                                                   kHolidayFileFormat, "\""));
  }
  if (!format->is_string() || format->get_ref<const std::string&>() != kHolidayFileFormat) {
    return absl::InvalidArgumentError(absl::StrCat(
        source, ": field \"format\", value ", Shown(*format),
        ": this version of libssrandom reads holiday files of format \"", kHolidayFileFormat, "\""));
  }
  if (auto note = root.find("note"); note != root.end() && !note->is_string()) {
    return absl::InvalidArgumentError(
        absl::StrCat(source, ": field \"note\", value ", Shown(*note), ": must be a text in quotes"));
  }
  auto years = root.find("years");
  if (years == root.end()) {
    return absl::InvalidArgumentError(
        absl::StrCat(source, ": the field \"years\" is missing; expected ", kFileShape));
  }
  if (!years->is_array() || years->empty()) {
    return absl::InvalidArgumentError(absl::StrCat(source,
                                                   ": field \"years\" must be a list of at least one "
                                                   "year entry, found ",
                                                   years->is_array() ? "an empty list" : TypeName(*years)));
  }

  std::vector<HolidayYear> result;
  absl::flat_hash_map<int, int> entry_of_year;
  int number = 0;
  for (const Json& entry : *years) {
    ++number;
    std::string where = absl::StrCat(source, ": year entry #", number);
    if (!entry.is_object()) {
      return absl::InvalidArgumentError(absl::StrCat(where,
                                                     ": must be an object such as {\"year\": 2027, "
                                                     "\"off\": [...], \"work\": [...]}, found ",
                                                     TypeName(entry)));
    }
    auto year_value = entry.find("year");
    if (year_value == entry.end()) {
      return absl::InvalidArgumentError(absl::StrCat(where, ": the field \"year\" is missing"));
    }
    // Compared as 64-bit values, so that 4294969323 is not read as 2027.
    bool year_ok = false;
    int64_t year64 = 0;
    if (year_value->is_number_unsigned()) {
      uint64_t value = year_value->get<uint64_t>();
      year_ok = value >= static_cast<uint64_t>(kMinDateYear) && value <= static_cast<uint64_t>(kMaxDateYear);
      year64 = year_ok ? static_cast<int64_t>(value) : 0;
    } else if (year_value->is_number_integer()) {
      year64 = year_value->get<int64_t>();
      year_ok = year64 >= kMinDateYear && year64 <= kMaxDateYear;
    }
    if (!year_ok) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ", field \"year\", value ", Shown(*year_value),
                       ": must be a year written as a whole number without quotes, "
                       "e.g. 2027"));
    }
    const int year = static_cast<int>(year64);
    where = absl::StrCat(where, " (", year, ")");
    if (absl::Status status = CheckKeys(entry, {"year", "note", "off", "work"}, where); !status.ok()) {
      return status;
    }
    if (auto note = entry.find("note"); note != entry.end() && !note->is_string()) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ", field \"note\", value ", Shown(*note), ": must be a text in quotes"));
    }
    if (auto [it, inserted] = entry_of_year.emplace(year, number); !inserted) {
      return absl::InvalidArgumentError(absl::StrCat(where, ": ", year, " is already listed in year entry #",
                                                     it->second, "; list each year once"));
    }
    absl::StatusOr<std::vector<Item>> off = ParseDayList(entry, "off", year, where);
    if (!off.ok()) return off.status();
    absl::StatusOr<std::vector<Item>> work = ParseDayList(entry, "work", year, where);
    if (!work.ok()) return work.status();

    HolidayYear parsed;
    parsed.year = year;
    parsed.context = absl::StrCat("year entry #", number, " (", year, ")");
    absl::flat_hash_map<absl::CivilDay, const Item*> off_item;
    for (const Item& item : *off) {
      for (absl::CivilDay day = item.first; day <= item.last; ++day) {
        parsed.off.push_back(day);
        off_item.emplace(day, &item);
      }
    }
    for (const Item& item : *work) {
      for (absl::CivilDay day = item.first; day <= item.last; ++day) {
        if (auto clash = off_item.find(day); clash != off_item.end()) {
          return absl::InvalidArgumentError(
              absl::StrCat(where, ": ", FormatDate(day), " is both a holiday (field \"off\", value \"",
                           clash->second->text, "\") and a make-up working day (field \"work\", value \"",
                           item.text, "\"); a day is one or the other, so remove it from one list"));
        }
        parsed.work.push_back(day);
      }
    }
    result.push_back(std::move(parsed));
  }
  return result;
}

}  // namespace ssr::internal
