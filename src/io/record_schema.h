// Record schemas: for each kind of directory record (entity, inspector, unit, department, item, conflict,
// pair exclusion), its fields with their English column name, the usual Chinese headers, whether they are
// required, their kind, and how to parse and format them as text. One table drives the CSV and JSON readers
// and writers, so the two formats accept exactly the same fields (docs/directory.md lists them).
#ifndef SSRANDOM_SRC_IO_RECORD_SCHEMA_H_
#define SSRANDOM_SRC_IO_RECORD_SCHEMA_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "ssrandom/date.h"
#include "ssrandom/entity.h"
#include "ssrandom/inspector.h"

namespace ssr::internal {

// How a field is written in JSON (CSV always holds text).
enum class FieldKind { kText, kInteger, kFlag, kDate, kList };

// Separators accepted between list values (tags, specialties) in one text field; ';' is written.
inline constexpr absl::string_view kListSeparators[] = {";", "；", "、", "|"};

template <typename Record>
struct FieldSpec {
  std::string name;                  // English column name, e.g. "uscc"
  std::vector<std::string> aliases;  // accepted Chinese headers, e.g. "统一社会信用代码"
  bool required = false;
  FieldKind kind = FieldKind::kText;
  // Sets the field from its text form; InvalidArgument with the reason (the caller adds record and field).
  // On success the field is set whole, whatever the record held before, so a loader may read row after row
  // into the same record (its strings keep their buffers).
  std::function<absl::Status(Record&, absl::string_view)> parse;
  // The field's text form ("" when unknown).
  std::function<std::string(const Record&)> format;
};

template <typename Record>
struct RecordSchema {
  std::string kind;    // "entity"
  std::string plural;  // "entities": the JSON key and the default file name
  std::vector<FieldSpec<Record>> fields;
  std::function<const std::string&(const Record&)> id;  // the record's id for messages
  // The index of the field a header names (English name case-insensitively, or an alias), or -1.
  int FindField(absl::string_view header) const;
  // "id, uscc, name, ..." for error messages.
  std::string FieldList() const;
};

// Field builders shared by every schema (directories here, results in src/check): a text field, trimmed, and
// a date field (YYYY-MM-DD, empty = none).
template <typename R>
inline FieldSpec<R> Text(std::string name, std::vector<std::string> aliases, std::string R::*member,
                         bool required = false) {
  FieldSpec<R> f{std::move(name), std::move(aliases), required, FieldKind::kText, nullptr, nullptr};
  f.parse = [member](R& r, absl::string_view text) {
    const absl::string_view trimmed = absl::StripAsciiWhitespace(text);
    (r.*member).assign(trimmed.data(), trimmed.size());  // into the buffer the string has
    return absl::OkStatus();
  };
  f.format = [member](const R& r) { return r.*member; };
  return f;
}

template <typename R>
inline FieldSpec<R> Date(std::string name, std::vector<std::string> aliases,
                         std::optional<absl::CivilDay> R::*member, bool required = false) {
  FieldSpec<R> f{std::move(name), std::move(aliases), required, FieldKind::kDate, nullptr, nullptr};
  f.parse = [member](R& r, absl::string_view text) {
    text = absl::StripAsciiWhitespace(text);
    if (text.empty()) {
      r.*member = std::nullopt;
      return absl::OkStatus();
    }
    absl::StatusOr<absl::CivilDay> day = ParseDate(text);
    if (!day.ok()) return day.status();
    r.*member = *day;
    return absl::OkStatus();
  };
  f.format = [member](const R& r) { return (r.*member) ? FormatDate(*(r.*member)) : std::string(); };
  return f;
}

const RecordSchema<Entity>& EntitySchema();
const RecordSchema<Inspector>& InspectorSchema();
const RecordSchema<Unit>& UnitSchema();
const RecordSchema<Department>& DepartmentSchema();
const RecordSchema<Item>& ItemSchema();
const RecordSchema<Conflict>& ConflictSchema();
const RecordSchema<PairExclusion>& PairExclusionSchema();

// Splits a list field on any of kListSeparators, trimming spaces and dropping empty parts.
std::vector<std::string> SplitList(absl::string_view text);
// The same parts, assigned to `values` (whose strings keep their buffers).
void AssignSplitList(absl::string_view text, std::vector<std::string>* values);

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_IO_RECORD_SCHEMA_H_
