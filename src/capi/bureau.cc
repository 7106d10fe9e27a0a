// C ABI: bureaus, record builders, quality reports and summaries.
//
// Every way into a bureau — folder, JSON document, one table from memory or a file, one record from a
// builder — goes through the record schemas of src/io/record_schema.h, so the ABI accepts exactly the
// fields and values the files accept.
#include <initializer_list>
#include <memory>
#include <optional>
#include <utility>
#include <variant>

#include "absl/strings/ascii.h"
#include "capi/capi_internal.h"
#include "directory/text.h"
#include "io/file.h"
#include "io/record_schema.h"
#include "io/table_io.h"
#include "io/utf8.h"
#include "ssrandom/bureau_io.h"
#include "ssrandom/date.h"
#include "ssrandom/sample_bureau.h"
#include "ssrandom/summary.h"

using ssr::capi::Buffer;
using ssr::capi::Check;
using ssr::capi::CheckIndex;
using ssr::capi::Get;
using ssr::capi::NewString;
using ssr::capi::NotNull;
using ssr::capi::OutHandle;
using ssr::capi::Require;
using ssr::capi::Run;
using ssr::capi::Text;
using ssr::capi::ThrowArgument;
using ssr::capi::Value;

// The record of a builder; the alternatives are in ssr_table order.
struct ssr_row_builder {
  ssr_table table;
  std::variant<ssr::Entity, ssr::Inspector, ssr::Unit, ssr::Department, ssr::Item, ssr::Conflict,
               ssr::PairExclusion>
      record;
};

namespace ssr::capi {
namespace {

template <typename R>
struct Tag {
  using type = R;
};

// Calls f(Tag<Record>{}) for the record type of `table`.
template <typename F>
auto Dispatch(ssr_table table, F&& f) {
  switch (table) {
    case SSR_TABLE_ENTITIES:
      return f(Tag<Entity>{});
    case SSR_TABLE_INSPECTORS:
      return f(Tag<Inspector>{});
    case SSR_TABLE_UNITS:
      return f(Tag<Unit>{});
    case SSR_TABLE_DEPARTMENTS:
      return f(Tag<Department>{});
    case SSR_TABLE_ITEMS:
      return f(Tag<Item>{});
    case SSR_TABLE_CONFLICTS:
      return f(Tag<Conflict>{});
    case SSR_TABLE_PAIR_EXCLUSIONS:
      return f(Tag<PairExclusion>{});
    case SSR_TABLE_FORCE_INT:
      break;
  }
  ThrowArgument(absl::StrCat("unknown table ", static_cast<int>(table),
                             " (expected SSR_TABLE_ENTITIES .. SSR_TABLE_PAIR_EXCLUSIONS)"));
}

// Where the rows of each table live in a bureau, how to add one, and how to read one back. `Part` is the
// smallest piece of the bureau an add changes, so that a table read can build on a copy and commit it.
template <typename R>
struct Table;

template <>
struct Table<Entity> {
  using Part = Directory;
  static const internal::RecordSchema<Entity>& Schema() { return internal::EntitySchema(); }
  static Part& Of(Bureau& b) { return b.entities; }
  static absl::Status Add(Part& part, const Entity& e) { return part.Add(e); }
  static size_t Count(const Bureau& b) { return b.entities.size(); }
  static Entity At(const Bureau& b, size_t i) { return b.entities.Get(i); }
  static std::optional<size_t> Find(const Bureau& b, absl::string_view id) { return b.entities.Find(id); }
};

template <>
struct Table<Inspector> {
  using Part = InspectorDirectory;
  static const internal::RecordSchema<Inspector>& Schema() { return internal::InspectorSchema(); }
  static Part& Of(Bureau& b) { return b.staff; }
  static absl::Status Add(Part& part, const Inspector& i) { return part.Add(i); }
  static size_t Count(const Bureau& b) { return b.staff.inspectors().size(); }
  static const Inspector& At(const Bureau& b, size_t i) { return b.staff.inspectors()[i]; }
  static std::optional<size_t> Find(const Bureau& b, absl::string_view id) { return b.staff.Find(id); }
};

template <>
struct Table<Unit> {
  using Part = InspectorDirectory;
  static const internal::RecordSchema<Unit>& Schema() { return internal::UnitSchema(); }
  static Part& Of(Bureau& b) { return b.staff; }
  static absl::Status Add(Part& part, const Unit& u) { return part.AddUnit(u); }
  static size_t Count(const Bureau& b) { return b.staff.units().size(); }
  static const Unit& At(const Bureau& b, size_t i) { return b.staff.units()[i]; }
  static std::optional<size_t> Find(const Bureau& b, absl::string_view id) { return b.staff.FindUnit(id); }
};

template <>
struct Table<Department> {
  using Part = InspectorDirectory;
  static const internal::RecordSchema<Department>& Schema() { return internal::DepartmentSchema(); }
  static Part& Of(Bureau& b) { return b.staff; }
  static absl::Status Add(Part& part, const Department& d) { return part.AddDepartment(d); }
  static size_t Count(const Bureau& b) { return b.staff.departments().size(); }
  static const Department& At(const Bureau& b, size_t i) { return b.staff.departments()[i]; }
  static std::optional<size_t> Find(const Bureau& b, absl::string_view id) {
    return b.staff.FindDepartment(id);
  }
};

// Items, conflicts and pair exclusions have no directory of their own to check their text when they are
// added (CheckBureau reports it for a whole bureau), but a row the C ABI adds one by one must leave the
// bureau writable: JSON cannot hold text that is not UTF-8. So each text field is checked as Directory::Add
// checks an entity's.
absl::Status CheckTexts(const Conflict& c) {
  return internal::CheckFieldTexts(
      {{"inspector_id", &c.inspector_id}, {"entity_id", &c.entity_id}, {"reason", &c.reason}});
}
absl::Status CheckTexts(const PairExclusion& p) {
  return internal::CheckFieldTexts(
      {{"inspector_a", &p.inspector_a}, {"inspector_b", &p.inspector_b}, {"reason", &p.reason}});
}

template <>
struct Table<Item> {
  using Part = std::vector<Item>;
  static const internal::RecordSchema<Item>& Schema() { return internal::ItemSchema(); }
  static Part& Of(Bureau& b) { return b.items; }
  static absl::Status Add(Part& part, const Item& item) {
    if (absl::Status s = internal::CheckFieldTexts({{"id", &item.id},
                                                    {"name", &item.name},
                                                    {"legal_basis", &item.legal_basis},
                                                    {"unit", &item.unit},
                                                    {"required_specialty", &item.required_specialty},
                                                    {"applies_to", &item.applies_to}});
        !s.ok()) {
      return s;
    }
    for (const Item& other : part) {
      if (other.id == item.id)
        return absl::AlreadyExistsError(absl::StrCat("duplicate item id '", item.id, "'"));
    }
    part.push_back(item);
    return absl::OkStatus();
  }
  static size_t Count(const Bureau& b) { return b.items.size(); }
  static const Item& At(const Bureau& b, size_t i) { return b.items[i]; }
  static std::optional<size_t> Find(const Bureau& b, absl::string_view id) {
    for (size_t i = 0; i < b.items.size(); ++i) {
      if (b.items[i].id == id) return i;
    }
    return std::nullopt;
  }
};

// Conflicts and pair exclusions: lists without ids.
template <typename R, std::vector<R> Bureau::*member>
struct ListTable {
  using Part = std::vector<R>;
  static Part& Of(Bureau& b) { return b.*member; }
  static absl::Status Add(Part& part, const R& r) {
    if (absl::Status s = CheckTexts(r); !s.ok()) return s;
    part.push_back(r);
    return absl::OkStatus();
  }
  static size_t Count(const Bureau& b) { return (b.*member).size(); }
  static const R& At(const Bureau& b, size_t i) { return (b.*member)[i]; }
  static std::optional<size_t> Find(const Bureau&, absl::string_view) {
    ThrowArgument("conflicts and pair exclusions have no id to find");
  }
};
template <>
struct Table<Conflict> : ListTable<Conflict, &Bureau::conflicts> {
  static const internal::RecordSchema<Conflict>& Schema() { return internal::ConflictSchema(); }
};
template <>
struct Table<PairExclusion> : ListTable<PairExclusion, &Bureau::pair_exclusions> {
  static const internal::RecordSchema<PairExclusion>& Schema() { return internal::PairExclusionSchema(); }
};

// The index of a field named in English (any case) or by a Chinese header, or an error listing them.
template <typename R>
size_t FieldIndex(const internal::RecordSchema<R>& schema, absl::string_view field) {
  int index = schema.FindField(field);
  if (index < 0) {
    ThrowArgument(
        absl::StrCat("unknown ", schema.kind, " field '", field, "'; the fields are ", schema.FieldList()));
  }
  return static_cast<size_t>(index);
}

// What a file load checks of each record before adding it: its required fields.
template <typename R>
void CheckRequired(const internal::RecordSchema<R>& schema, const R& record) {
  for (const auto& field : schema.fields) {
    if (field.required && absl::StripAsciiWhitespace(field.format(record)).empty()) {
      throw ApiError{SSR_INVALID_ARGUMENT,
                     absl::StrCat("the required ", schema.kind, " field ", field.name, " is empty")};
    }
  }
}

std::optional<absl::CivilDay> AsOf(const char* as_of) {
  if (as_of == nullptr || *as_of == '\0') return std::nullopt;
  absl::StatusOr<absl::CivilDay> day = ParseDate(as_of);
  if (!day.ok()) ThrowArgument(absl::StrCat("as_of: ", day.status().message()));
  return *day;
}

// Hands `report` to the caller when asked for.
void GiveReport(QualityReport&& report, ssr_quality_report** out_report) {
  if (out_report != nullptr) *out_report = new ssr_quality_report{std::move(report)};
}

void ClearReport(ssr_quality_report** out_report) {
  if (out_report != nullptr) *out_report = nullptr;
}

ssr_bureau* NewBureau(Bureau bureau) { return new ssr_bureau{std::move(bureau)}; }

std::string BaseName(absl::string_view path) {
  size_t slash = path.rfind('/');
  return std::string(slash == absl::string_view::npos ? path : path.substr(slash + 1));
}

// Reads one table from `text` onto a copy of the part of `bureau` it changes, and commits the copy only
// when every record was read and added.
void ReadTable(ssr_bureau* bureau, ssr_table table, absl::string_view text, ssr_format format,
               const std::string& source, ssr_quality_report** out_report) {
  Require(format == SSR_FORMAT_CSV || format == SSR_FORMAT_JSON,
          absl::StrCat("unknown format ", static_cast<int>(format),
                       " (expected SSR_FORMAT_CSV or SSR_FORMAT_JSON)"));
  Dispatch(table, [&](auto tag) {
    using R = typename decltype(tag)::type;
    using T = Table<R>;
    typename T::Part part = T::Of(bureau->bureau);
    internal::RecordSink<R> sink = [&part](R&& record, const internal::RecordOrigin&) {
      return T::Add(part, record);
    };
    QualityReport report;
    // The name goes into every issue of the report and its JSON, which must stay UTF-8.
    std::string name = source.empty()
                           ? absl::StrCat(T::Schema().plural, format == SSR_FORMAT_CSV ? ".csv" : ".json")
                           : internal::Utf8Safe(source);
    if (format == SSR_FORMAT_CSV) {
      internal::ReadCsvTable(text, name, T::Schema(), &report, sink);
    } else {
      nlohmann::json json;
      if (internal::ParseJsonText(text, name, &report, &json)) {
        internal::ReadJsonTable(json, name, T::Schema(), &report, sink);
      }
    }
    absl::Status status = report.ToStatus();
    GiveReport(std::move(report), out_report);
    Check(status);
    T::Of(bureau->bureau) = std::move(part);
  });
}

const QualityIssue& Issue(const ssr_quality_report* report, size_t issue) {
  const auto& issues = NotNull(report, "report")->report.issues();
  CheckIndex(issue, issues.size(), "issue");
  return issues[issue];
}

}  // namespace
}  // namespace ssr::capi

using ssr::capi::AsOf;
using ssr::capi::ClearReport;
using ssr::capi::Dispatch;
using ssr::capi::GiveReport;
using ssr::capi::Issue;
using ssr::capi::NewBureau;
using ssr::capi::Table;

extern "C" {

// --- Bureaus -------------------------------------------------------------------------------------------

// A bureau's name: UTF-8 (it appears in summaries, records and reports) without control characters.
static void CheckName(const std::string& name) {
  if (const size_t bad = ssr::internal::FindInvalidUtf8(name); bad < name.size()) {
    ThrowArgument(absl::StrCat("the name is not UTF-8 text (byte ", bad + 1,
                               " is not part of a UTF-8 "
                               "character)"));
  }
  Check(ssr::internal::CheckFieldText("name", name));
}

ssr_status ssr_bureau_create(const char* name, ssr_bureau** out) {
  return Run(__func__, [&] {
    OutHandle(out, "out");
    ssr::Bureau bureau;
    bureau.name = std::string(Text(name, "name", true));
    CheckName(bureau.name);
    *out = NewBureau(std::move(bureau));
  });
}

ssr_status ssr_bureau_create_sample(ssr_bureau** out) {
  return Run(__func__, [&] {
    OutHandle(out, "out");
    *out = NewBureau(ssr::SampleBureau());
  });
}

ssr_status ssr_bureau_load(const char* path, const char* as_of, ssr_bureau** out,
                           ssr_quality_report** out_report) {
  return Run(__func__, [&] {
    ClearReport(out_report);
    OutHandle(out, "out");
    std::string file(Text(path, "path"));
    ssr::LoadOptions options;
    options.as_of = AsOf(as_of);
    ssr::QualityReport report;
    absl::StatusOr<ssr::Bureau> bureau = ssr::LoadBureau(file, options, &report);
    GiveReport(std::move(report), out_report);
    *out = NewBureau(Value(std::move(bureau)));
  });
}

ssr_status ssr_bureau_read_json(const char* data, size_t size, const char* source, const char* as_of,
                                ssr_bureau** out, ssr_quality_report** out_report) {
  return Run(__func__, [&] {
    ClearReport(out_report);
    OutHandle(out, "out");
    absl::string_view text = Buffer(data, size, "data");
    std::string name(source == nullptr ? "bureau.json" : ssr::internal::Utf8Safe(source));
    ssr::LoadOptions options;
    options.as_of = AsOf(as_of);
    ssr::QualityReport report;
    absl::StatusOr<ssr::Bureau> bureau = ssr::ReadBureauJson(text, name, options, &report);
    GiveReport(std::move(report), out_report);
    *out = NewBureau(Value(std::move(bureau)));
  });
}

void ssr_bureau_destroy(ssr_bureau* bureau) { delete bureau; }

ssr_status ssr_bureau_read_table(ssr_bureau* bureau, ssr_table table, const char* data, size_t size,
                                 ssr_format format, const char* source, ssr_quality_report** out_report) {
  return Run(__func__, [&] {
    ClearReport(out_report);
    NotNull(bureau, "bureau");
    absl::string_view text = Buffer(data, size, "data");
    ssr::capi::ReadTable(bureau, table, text, format, std::string(Text(source, "source", true)), out_report);
  });
}

ssr_status ssr_bureau_load_table(ssr_bureau* bureau, ssr_table table, const char* path,
                                 ssr_quality_report** out_report) {
  return Run(__func__, [&] {
    ClearReport(out_report);
    NotNull(bureau, "bureau");
    std::string file(Text(path, "path"));
    ssr::TableFormat format = Value(ssr::TableFormatForPath(file));
    std::string text = Value(ssr::internal::ReadFile(file));
    ssr::capi::ReadTable(bureau, table, text,
                         format == ssr::TableFormat::kCsv ? SSR_FORMAT_CSV : SSR_FORMAT_JSON,
                         ssr::capi::BaseName(file), out_report);
  });
}

const char* ssr_bureau_name(const ssr_bureau* bureau) {
  return Get(__func__, static_cast<const char*>(nullptr),
             [&] { return NotNull(bureau, "bureau")->bureau.name.c_str(); });
}

ssr_status ssr_bureau_set_name(ssr_bureau* bureau, const char* name) {
  return Run(__func__, [&] {
    NotNull(bureau, "bureau");
    std::string value(Text(name, "name"));
    CheckName(value);
    bureau->bureau.name.swap(value);
  });
}

size_t ssr_bureau_row_count(const ssr_bureau* bureau, ssr_table table) {
  return Get(__func__, size_t{0}, [&] {
    NotNull(bureau, "bureau");
    return Dispatch(table,
                    [&](auto tag) { return Table<typename decltype(tag)::type>::Count(bureau->bureau); });
  });
}

ssr_status ssr_bureau_add_row(ssr_bureau* bureau, const ssr_row_builder* builder) {
  return Run(__func__, [&] {
    NotNull(bureau, "bureau");
    NotNull(builder, "builder");
    Dispatch(builder->table, [&](auto tag) {
      using R = typename decltype(tag)::type;
      const R& record = std::get<R>(builder->record);
      ssr::capi::CheckRequired(Table<R>::Schema(), record);
      Check(Table<R>::Add(Table<R>::Of(bureau->bureau), record));
    });
  });
}

ssr_status ssr_bureau_find_row(const ssr_bureau* bureau, ssr_table table, const char* id, size_t* out_row) {
  return Run(__func__, [&] {
    NotNull(bureau, "bureau");
    absl::string_view key = Text(id, "id");
    NotNull(out_row, "out_row");
    Dispatch(table, [&](auto tag) {
      using R = typename decltype(tag)::type;
      std::optional<size_t> index = Table<R>::Find(bureau->bureau, key);
      if (!index) {
        throw ssr::capi::ApiError{SSR_NOT_FOUND,
                                  absl::StrCat("no ", Table<R>::Schema().kind, " with id '", key, "'")};
      }
      *out_row = *index;
    });
  });
}

ssr_status ssr_bureau_get_field(const ssr_bureau* bureau, ssr_table table, size_t row, const char* field,
                                char** out_value) {
  return Run(__func__, [&] {
    NotNull(bureau, "bureau");
    absl::string_view name = Text(field, "field");
    OutHandle(out_value, "out_value");
    Dispatch(table, [&](auto tag) {
      using T = Table<typename decltype(tag)::type>;
      size_t f = ssr::capi::FieldIndex(T::Schema(), name);
      CheckIndex(row, T::Count(bureau->bureau), "row");
      *out_value = NewString(T::Schema().fields[f].format(T::At(bureau->bureau, row)));
    });
  });
}

ssr_status ssr_bureau_directory_digest(const ssr_bureau* bureau, char* buffer, size_t size) {
  return Run(__func__, [&] {
    NotNull(bureau, "bureau");
    ssr::capi::WriteBuffer(bureau->bureau.entities.CanonicalDigest(), buffer, size, "buffer");
  });
}

ssr_status ssr_bureau_check(const ssr_bureau* bureau, const char* as_of, ssr_quality_report** out_report) {
  return Run(__func__, [&] {
    ClearReport(out_report);
    NotNull(bureau, "bureau");
    ssr::QualityReport report = ssr::CheckBureau(bureau->bureau, AsOf(as_of));
    absl::Status status = report.ToStatus();
    GiveReport(std::move(report), out_report);
    Check(status);
  });
}

ssr_status ssr_bureau_to_json(const ssr_bureau* bureau, char** out_json) {
  return Run(__func__, [&] {
    NotNull(bureau, "bureau");
    OutHandle(out_json, "out_json");
    *out_json = NewString(ssr::BureauToJson(bureau->bureau));
  });
}

ssr_status ssr_bureau_summary_json(const ssr_bureau* bureau, char** out_json) {
  return Run(__func__, [&] {
    NotNull(bureau, "bureau");
    OutHandle(out_json, "out_json");
    *out_json = NewString(ssr::Summarize(bureau->bureau).ToJson());
  });
}

ssr_status ssr_bureau_summary_text(const ssr_bureau* bureau, char** out_text) {
  return Run(__func__, [&] {
    NotNull(bureau, "bureau");
    OutHandle(out_text, "out_text");
    *out_text = NewString(ssr::Summarize(bureau->bureau).ToText());
  });
}

// --- Record builders -----------------------------------------------------------------------------------

ssr_status ssr_row_builder_create(ssr_table table, ssr_row_builder** out) {
  return Run(__func__, [&] {
    OutHandle(out, "out");
    *out = Dispatch(table, [&](auto tag) {
      using R = typename decltype(tag)::type;
      return new ssr_row_builder{table, R{}};
    });
  });
}

void ssr_row_builder_destroy(ssr_row_builder* builder) { delete builder; }

ssr_status ssr_row_builder_set(ssr_row_builder* builder, const char* field, const char* value) {
  return Run(__func__, [&] {
    NotNull(builder, "builder");
    absl::string_view name = Text(field, "field");
    absl::string_view text = Text(value, "value", true);
    Dispatch(builder->table, [&](auto tag) {
      using R = typename decltype(tag)::type;
      const auto& schema = Table<R>::Schema();
      const auto& spec = schema.fields[ssr::capi::FieldIndex(schema, name)];
      R record = std::get<R>(builder->record);
      absl::Status parsed = spec.parse(record, text);
      if (!parsed.ok()) {
        throw ssr::capi::ApiError{SSR_INVALID_ARGUMENT,
                                  absl::StrCat(schema.kind, " field ", spec.name, ": ", parsed.message())};
      }
      std::get<R>(builder->record) = std::move(record);
    });
  });
}

ssr_status ssr_row_builder_get(const ssr_row_builder* builder, const char* field, char** out_value) {
  return Run(__func__, [&] {
    NotNull(builder, "builder");
    absl::string_view name = Text(field, "field");
    OutHandle(out_value, "out_value");
    Dispatch(builder->table, [&](auto tag) {
      using R = typename decltype(tag)::type;
      const auto& schema = Table<R>::Schema();
      *out_value =
          NewString(schema.fields[ssr::capi::FieldIndex(schema, name)].format(std::get<R>(builder->record)));
    });
  });
}

ssr_status ssr_row_builder_clear(ssr_row_builder* builder) {
  return Run(__func__, [&] {
    NotNull(builder, "builder");
    Dispatch(builder->table, [&](auto tag) { builder->record = typename decltype(tag)::type{}; });
  });
}

int ssr_row_builder_table(const ssr_row_builder* builder) {
  return Get(__func__, -1, [&] { return static_cast<int>(NotNull(builder, "builder")->table); });
}

size_t ssr_table_field_count(ssr_table table) {
  return Get(__func__, size_t{0}, [&] {
    return Dispatch(table,
                    [&](auto tag) { return Table<typename decltype(tag)::type>::Schema().fields.size(); });
  });
}

const char* ssr_table_field_name(ssr_table table, size_t index) {
  return Get(__func__, static_cast<const char*>(nullptr), [&] {
    return Dispatch(table, [&](auto tag) {
      const auto& fields = Table<typename decltype(tag)::type>::Schema().fields;
      CheckIndex(index, fields.size(), "field");
      return fields[index].name.c_str();
    });
  });
}

// --- Quality reports -----------------------------------------------------------------------------------

void ssr_quality_report_destroy(ssr_quality_report* report) { delete report; }

size_t ssr_quality_report_issue_count(const ssr_quality_report* report) {
  return Get(__func__, size_t{0}, [&] { return NotNull(report, "report")->report.issues().size(); });
}

int64_t ssr_quality_report_error_count(const ssr_quality_report* report) {
  return Get(__func__, int64_t{-1}, [&] { return NotNull(report, "report")->report.error_count(); });
}

int64_t ssr_quality_report_warning_count(const ssr_quality_report* report) {
  return Get(__func__, int64_t{-1}, [&] { return NotNull(report, "report")->report.warning_count(); });
}

const char* ssr_quality_report_issue_severity(const ssr_quality_report* report, size_t issue) {
  return Get(__func__, static_cast<const char*>(nullptr), [&] {
    return Issue(report, issue).severity == ssr::IssueSeverity::kError ? "error" : "warning";
  });
}

#define SSR_ISSUE_TEXT(function, member)                                 \
  const char* function(const ssr_quality_report* report, size_t issue) { \
    return Get(__func__, static_cast<const char*>(nullptr),              \
               [&] { return Issue(report, issue).member.c_str(); });     \
  }
SSR_ISSUE_TEXT(ssr_quality_report_issue_source, source)
SSR_ISSUE_TEXT(ssr_quality_report_issue_record_id, record_id)
SSR_ISSUE_TEXT(ssr_quality_report_issue_field, field)
SSR_ISSUE_TEXT(ssr_quality_report_issue_code, code)
SSR_ISSUE_TEXT(ssr_quality_report_issue_message, message)
#undef SSR_ISSUE_TEXT

int64_t ssr_quality_report_issue_record(const ssr_quality_report* report, size_t issue) {
  return Get(__func__, int64_t{-1}, [&] { return Issue(report, issue).record; });
}

int64_t ssr_quality_report_issue_line(const ssr_quality_report* report, size_t issue) {
  return Get(__func__, int64_t{-1}, [&] { return Issue(report, issue).line; });
}

ssr_status ssr_quality_report_to_json(const ssr_quality_report* report, char** out_json) {
  return Run(__func__, [&] {
    NotNull(report, "report");
    OutHandle(out_json, "out_json");
    *out_json = NewString(report->report.ToJson());
  });
}

ssr_status ssr_quality_report_to_text(const ssr_quality_report* report, char** out_text) {
  return Run(__func__, [&] {
    NotNull(report, "report");
    OutHandle(out_text, "out_text");
    *out_text = NewString(report->report.ToText());
  });
}

}  // extern "C"
