#include "ssrandom/bureau_io.h"

#include <sys/stat.h>

#include <algorithm>
#include <iterator>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "directory/text.h"
#include "io/csv.h"
#include "io/file.h"
#include "io/record_schema.h"
#include "io/table_io.h"
#include "io/utf8.h"
#include "ssrandom/columnar.h"

namespace ssr {
namespace {

using internal::RecordOrigin;
using internal::RecordSchema;

std::string BaseName(absl::string_view path) {
  size_t slash = path.rfind('/');
  return std::string(slash == absl::string_view::npos ? path : path.substr(slash + 1));
}

bool FileExists(const std::string& path) {
  struct stat info;
  return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

bool IsDirectory(const std::string& path) {
  struct stat info;
  return ::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
}

// Reads one table from text in either format.
template <typename Record>
bool ReadTable(absl::string_view text, TableFormat format, const std::string& source,
               const RecordSchema<Record>& schema, QualityReport* report,
               const internal::RecordSink<Record>& add) {
  if (format == TableFormat::kCsv) return internal::ReadCsvTable(text, source, schema, report, add);
  nlohmann::json json;
  if (!internal::ParseJsonText(text, source, report, &json)) return false;
  return internal::ReadJsonTable(json, source, schema, report, add);
}

// Sinks that append to containers, turning the directories' own validation into record errors.
internal::RecordSink<Entity> AddTo(Directory* directory) {
  return [directory](Entity&& e, const RecordOrigin&) { return directory->Add(e); };
}
internal::RecordSink<Inspector> AddTo(InspectorDirectory* staff) {
  return [staff](Inspector&& i, const RecordOrigin&) { return staff->Add(std::move(i)); };
}
template <typename Record>
internal::RecordSink<Record> AppendTo(std::vector<Record>* records) {
  return [records](Record&& r, const RecordOrigin&) {
    records->push_back(std::move(r));
    return absl::OkStatus();
  };
}

// Declares the units and departments that inspectors name when the bureau has no table for them.
void DeclareNamedUnits(InspectorDirectory* staff, bool have_units, bool have_departments) {
  std::vector<std::string> units, departments;
  for (const Inspector& inspector : staff->inspectors()) {
    if (!have_units && !inspector.unit.empty()) units.push_back(inspector.unit);
    if (!have_departments && !inspector.department.empty()) departments.push_back(inspector.department);
  }
  for (const std::string& unit : units) {
    if (!staff->FindUnit(unit)) (void)staff->AddUnit({unit, unit, ""});
  }
  for (const std::string& department : departments) {
    if (!staff->FindDepartment(department)) (void)staff->AddDepartment({department, department});
  }
}

// Sets the bureau's name from name.txt or the "name" of a bureau document: trimmed, without leading U+FEFF
// (a file's byte order mark, or a zero-width no-break space at the start of a document's name: the same
// bytes, so both are dropped or a document's name would lose them only after a save as a folder), and like
// every other text field UTF-8 without control characters, so that a folder and a document of the same
// bureau load to the same name.
void SetName(absl::string_view text, const std::string& source, Bureau* bureau, QualityReport* report) {
  if (size_t bad = internal::FindInvalidUtf8(text); bad < text.size()) {
    internal::AddError(report, {source, 0, 0}, "", "name", "not_utf8",
                       internal::NotUtf8Message(source, text, bad).substr(source.size() + 2));
    return;
  }
  text = absl::StripAsciiWhitespace(text);
  while (absl::StartsWith(text, internal::kUtf8Bom)) {
    text = absl::StripAsciiWhitespace(text.substr(internal::kUtf8Bom.size()));
  }
  if (absl::Status s = internal::CheckFieldText("name", text); !s.ok()) {
    internal::AddError(report, {source, 0, 0}, "", "name", "invalid_value",
                       absl::StrCat(s.message(), "; the bureau's name is one line of text"));
    return;
  }
  bureau->name = std::string(text);
}

template <typename Result>
absl::StatusOr<Result> Finish(Result result, const QualityReport& local, QualityReport* report) {
  if (report != nullptr) report->Append(local);
  if (local.has_errors()) return local.ToStatus();
  return result;
}

// The tables of a bureau, read from whichever sources exist. Returns false when errors were reported.
struct BureauTables {
  std::vector<Unit> units;
  std::vector<Department> departments;
  bool have_units = false;
  bool have_departments = false;
};

bool AddStaffTables(Bureau* bureau, BureauTables& tables, QualityReport* report) {
  bool ok = true;
  for (Unit& unit : tables.units) {
    std::string id = unit.id;
    if (absl::Status s = bureau->staff.AddUnit(std::move(unit)); !s.ok()) {
      internal::AddError(report, {"units", 0, 0}, id, "id", "duplicate_id", s.message());
      ok = false;
    }
  }
  for (Department& department : tables.departments) {
    std::string id = department.id;
    if (absl::Status s = bureau->staff.AddDepartment(std::move(department)); !s.ok()) {
      internal::AddError(report, {"departments", 0, 0}, id, "id", "duplicate_id", s.message());
      ok = false;
    }
  }
  DeclareNamedUnits(&bureau->staff, tables.have_units, tables.have_departments);
  return ok;
}

}  // namespace

absl::StatusOr<TableFormat> TableFormatForPath(absl::string_view path) {
  std::string lower = absl::AsciiStrToLower(path);
  if (absl::EndsWith(lower, ".csv")) return TableFormat::kCsv;
  if (absl::EndsWith(lower, ".json")) return TableFormat::kJson;
  return absl::InvalidArgumentError(
      absl::StrCat("cannot tell the format of '", path, "': name the file .csv or .json"));
}

absl::StatusOr<Directory> ReadEntities(absl::string_view text, TableFormat format, const std::string& source,
                                       QualityReport* report) {
  QualityReport local;
  Directory directory;
  ReadTable(text, format, source, internal::EntitySchema(), &local, AddTo(&directory));
  directory.ShrinkToFit();  // growth slack would otherwise stay resident (up to half the columns)
  return Finish(std::move(directory), local, report);
}

absl::StatusOr<Directory> LoadEntities(const std::string& path, QualityReport* report) {
  if (IsColumnarPath(path)) return LoadColumnarEntities(path);
  absl::StatusOr<TableFormat> format = TableFormatForPath(path);
  if (!format.ok()) return format.status();
  absl::StatusOr<std::string> text = internal::ReadFile(path);
  if (!text.ok()) return text.status();
  return ReadEntities(*text, *format, BaseName(path), report);
}

std::string EntitiesToCsv(const Directory& directory) {
  std::vector<Entity> rows;
  rows.reserve(directory.size());
  for (size_t i = 0; i < directory.size(); ++i) rows.push_back(directory.Get(i));
  return internal::WriteCsvTable(internal::EntitySchema(), rows);
}

std::string EntitiesToJson(const Directory& directory) {
  std::vector<Entity> rows;
  rows.reserve(directory.size());
  for (size_t i = 0; i < directory.size(); ++i) rows.push_back(directory.Get(i));
  return internal::WriteJsonTable(internal::EntitySchema(), rows).dump(2) + "\n";
}

absl::StatusOr<InspectorDirectory> LoadInspectors(const std::string& path, QualityReport* report) {
  absl::StatusOr<TableFormat> format = TableFormatForPath(path);
  if (!format.ok()) return format.status();
  absl::StatusOr<std::string> text = internal::ReadFile(path);
  if (!text.ok()) return text.status();
  QualityReport local;
  InspectorDirectory staff;
  if (ReadTable(*text, *format, BaseName(path), internal::InspectorSchema(), &local, AddTo(&staff))) {
    DeclareNamedUnits(&staff, false, false);
  }
  return Finish(std::move(staff), local, report);
}

std::string InspectorsToCsv(const InspectorDirectory& staff) {
  return internal::WriteCsvTable(internal::InspectorSchema(), staff.inspectors());
}

absl::StatusOr<Bureau> ReadBureauJson(absl::string_view text, const std::string& source,
                                      const LoadOptions& options, QualityReport* report) {
  QualityReport local;
  Bureau bureau;
  nlohmann::json json;
  if (internal::ParseJsonText(text, source, &local, &json)) {
    if (!json.is_object()) {
      internal::AddError(&local, {source, 0, 0}, "", "", "malformed_json",
                         "a bureau document must be a JSON object with \"entities\" and the other tables");
    } else {
      for (const auto& [key, value] : json.items()) {
        static const char* const kKeys[] = {"name",        "entities", "inspectors", "units",
                                            "departments", "items",    "conflicts",  "pair_exclusions"};
        if (std::find(std::begin(kKeys), std::end(kKeys), key) == std::end(kKeys)) {
          internal::AddError(&local, {source, 0, 0}, "", key, "unknown_column",
                             absl::StrCat("unknown bureau key '", key,
                                          "'; accepted: name, entities, inspectors, "
                                          "units, departments, items, conflicts, pair_exclusions"));
        }
      }
      if (auto name = json.find("name"); name != json.end()) {
        if (name->is_string()) {
          SetName(name->get_ref<const std::string&>(), source, &bureau, &local);
        } else {
          internal::AddError(
              &local, {source, 0, 0}, "", "name", "invalid_value",
              absl::StrCat("\"name\" must be the bureau's name as a text, not a JSON ", name->type_name()));
        }
      }
      BureauTables tables;
      auto read = [&](const auto& schema, const auto& sink) {
        if (!json.contains(schema.plural)) return false;
        internal::ReadJsonTable(json[schema.plural], source + ":" + schema.plural, schema, &local, sink);
        return true;
      };
      if (!read(internal::EntitySchema(), AddTo(&bureau.entities))) {
        internal::AddError(&local, {source, 0, 0}, "", "entities", "missing_column",
                           "a bureau document needs an \"entities\" array");
      }
      bureau.entities.ShrinkToFit();
      read(internal::InspectorSchema(), AddTo(&bureau.staff));
      tables.have_units = read(internal::UnitSchema(), AppendTo(&tables.units));
      tables.have_departments = read(internal::DepartmentSchema(), AppendTo(&tables.departments));
      read(internal::ItemSchema(), AppendTo(&bureau.items));
      read(internal::ConflictSchema(), AppendTo(&bureau.conflicts));
      read(internal::PairExclusionSchema(), AppendTo(&bureau.pair_exclusions));
      if (!local.has_errors() && AddStaffTables(&bureau, tables, &local)) {
        local.Append(CheckBureau(bureau, options.as_of));
      }
    }
  }
  return Finish(std::move(bureau), local, report);
}

namespace {

// The tables of a folder or of ReadBureauTables, read into a bureau; `local` collects the issues. Tables
// named in `unreadable` exist but could not be read (already reported). Returns false without an entities
// table.
bool ReadTablesInto(Bureau* bureau, const std::vector<TableText>& texts,
                    const std::vector<std::string>& unreadable, const LoadOptions& options,
                    QualityReport* local, bool have_entities = false) {
  BureauTables tables;
  auto read = [&](const auto& schema, const auto& sink) {
    for (const TableText& table : texts) {
      if (table.table != schema.plural) continue;
      ReadTable(table.text, table.format, table.source, schema, local, sink);
      return true;
    }
    return std::find(unreadable.begin(), unreadable.end(), schema.plural) != unreadable.end();
  };
  if (!have_entities && !read(internal::EntitySchema(), AddTo(&bureau->entities))) return false;
  bureau->entities.ShrinkToFit();
  read(internal::InspectorSchema(), AddTo(&bureau->staff));
  tables.have_units = read(internal::UnitSchema(), AppendTo(&tables.units));
  tables.have_departments = read(internal::DepartmentSchema(), AppendTo(&tables.departments));
  read(internal::ItemSchema(), AppendTo(&bureau->items));
  read(internal::ConflictSchema(), AppendTo(&bureau->conflicts));
  read(internal::PairExclusionSchema(), AppendTo(&bureau->pair_exclusions));
  if (!local->has_errors() && AddStaffTables(bureau, tables, local)) {
    local->Append(CheckBureau(*bureau, options.as_of));
  }
  return true;
}

bool IsBureauTable(absl::string_view name) {
  return std::find(std::begin(kBureauTables), std::end(kBureauTables), name) != std::end(kBureauTables);
}

}  // namespace

absl::StatusOr<Bureau> ReadBureauTables(const std::string& name, const std::vector<TableText>& tables,
                                        const LoadOptions& options, QualityReport* report) {
  for (size_t i = 0; i < tables.size(); ++i) {
    if (!IsBureauTable(tables[i].table)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "unknown bureau table '", tables[i].table,
          "'; accepted: entities, inspectors, units, departments, items, conflicts, pair_exclusions"));
    }
    for (size_t j = 0; j < i; ++j) {
      if (tables[j].table == tables[i].table) {
        return absl::InvalidArgumentError(absl::StrCat("the bureau table '", tables[i].table,
                                                       "' is given twice (", tables[j].source, " and ",
                                                       tables[i].source, ")"));
      }
    }
  }
  QualityReport local;
  Bureau bureau;
  bureau.name = name;
  if (!ReadTablesInto(&bureau, tables, {}, options, &local)) {
    return absl::InvalidArgumentError("a bureau needs an entities table");
  }
  return Finish(std::move(bureau), local, report);
}

absl::StatusOr<Bureau> LoadBureau(const std::string& path, const LoadOptions& options,
                                  QualityReport* report) {
  if (!IsDirectory(path)) {
    absl::StatusOr<std::string> text = internal::ReadFile(path);
    if (!text.ok()) return text.status();
    return ReadBureauJson(*text, BaseName(path), options, report);
  }
  QualityReport local;
  // <folder>/<table>.csv or <folder>/<table>.json; an unreadable file is an issue, and so is a table present
  // in both formats (reading either silently could load an out-of-date copy).
  std::vector<std::string> texts(std::size(kBureauTables));
  std::vector<TableText> tables;
  std::vector<std::string> unreadable;
  for (size_t i = 0; i < std::size(kBureauTables); ++i) {
    const char* table = kBureauTables[i];
    const std::string csv = absl::StrCat(path, "/", table, ".csv");
    const std::string json = absl::StrCat(path, "/", table, ".json");
    if (FileExists(csv) && FileExists(json)) {
      internal::AddError(&local, {BaseName(csv), 0, 0}, "", "", "ambiguous_table",
                         absl::StrCat("both ", BaseName(csv), " and ", BaseName(json),
                                      " are in the folder; remove the one that is out of date"));
      unreadable.emplace_back(table);
      continue;
    }
    for (TableFormat format : {TableFormat::kCsv, TableFormat::kJson}) {
      const std::string& file = format == TableFormat::kCsv ? csv : json;
      if (!FileExists(file)) continue;
      absl::StatusOr<std::string> text = internal::ReadFile(file);
      if (text.ok()) {
        texts[i] = *std::move(text);
        tables.push_back({table, texts[i], format, BaseName(file)});
      } else {
        internal::AddError(&local, {BaseName(file), 0, 0}, "", "", "unreadable", text.status().message());
        unreadable.emplace_back(table);
      }
      break;
    }
  }
  // A large directory may come in the columnar form instead (ssrandom/columnar.h).
  Bureau bureau;
  bool have_entities = false;
  if (const std::string columnar = absl::StrCat(path, "/entities", kColumnarExtension);
      FileExists(columnar)) {
    if (std::find(unreadable.begin(), unreadable.end(), "entities") != unreadable.end() ||
        std::any_of(tables.begin(), tables.end(), [](const TableText& t) { return t.table == "entities"; })) {
      internal::AddError(&local, {BaseName(columnar), 0, 0}, "", "", "ambiguous_table",
                         absl::StrCat("the folder holds both ", BaseName(columnar),
                                      " and another entities table; remove the one that is out of date"));
      return local.ToStatus();
    }
    absl::StatusOr<Directory> entities = LoadColumnarEntities(columnar);
    if (!entities.ok()) return entities.status();
    bureau.entities = *std::move(entities);
    have_entities = true;
  }
  if (!ReadTablesInto(&bureau, tables, unreadable, options, &local, have_entities)) {
    return absl::NotFoundError(
        absl::StrCat("the bureau folder '", path, "' has no entities.csv, entities.json or entities.ssrcol"));
  }
  if (FileExists(path + "/name.txt")) {
    absl::StatusOr<std::string> name = internal::ReadFile(path + "/name.txt");
    if (!name.ok()) {
      internal::AddError(&local, {"name.txt", 0, 0}, "", "", "unreadable", name.status().message());
    } else {
      SetName(*name, "name.txt", &bureau, &local);
    }
  }
  return Finish(std::move(bureau), local, report);
}

std::string BureauToJson(const Bureau& bureau) {
  nlohmann::ordered_json out;
  out["name"] = bureau.name;
  std::vector<Entity> entities;
  for (size_t i = 0; i < bureau.entities.size(); ++i) entities.push_back(bureau.entities.Get(i));
  out["entities"] = internal::WriteJsonTable(internal::EntitySchema(), entities);
  out["inspectors"] = internal::WriteJsonTable(internal::InspectorSchema(), bureau.staff.inspectors());
  out["units"] = internal::WriteJsonTable(internal::UnitSchema(), bureau.staff.units());
  out["departments"] = internal::WriteJsonTable(internal::DepartmentSchema(), bureau.staff.departments());
  out["items"] = internal::WriteJsonTable(internal::ItemSchema(), bureau.items);
  out["conflicts"] = internal::WriteJsonTable(internal::ConflictSchema(), bureau.conflicts);
  out["pair_exclusions"] = internal::WriteJsonTable(internal::PairExclusionSchema(), bureau.pair_exclusions);
  return out.dump(2) + "\n";
}

absl::StatusOr<std::string> BureauTableText(const Bureau& bureau, absl::string_view table,
                                            TableFormat format) {
  const bool csv = format == TableFormat::kCsv;
  auto text = [csv](const auto& schema, const auto& records) {
    return csv ? internal::WriteCsvTable(schema, records)
               : internal::WriteJsonTable(schema, records).dump(2) + "\n";
  };
  if (table == "entities") {
    std::vector<Entity> entities;
    entities.reserve(bureau.entities.size());
    for (size_t i = 0; i < bureau.entities.size(); ++i) entities.push_back(bureau.entities.Get(i));
    return text(internal::EntitySchema(), entities);
  }
  if (table == "inspectors") return text(internal::InspectorSchema(), bureau.staff.inspectors());
  if (table == "units") return text(internal::UnitSchema(), bureau.staff.units());
  if (table == "departments") return text(internal::DepartmentSchema(), bureau.staff.departments());
  if (table == "items") return text(internal::ItemSchema(), bureau.items);
  if (table == "conflicts") return text(internal::ConflictSchema(), bureau.conflicts);
  if (table == "pair_exclusions") return text(internal::PairExclusionSchema(), bureau.pair_exclusions);
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown bureau table '", table,
      "'; accepted: entities, inspectors, units, departments, items, conflicts, pair_exclusions"));
}

absl::Status SaveBureau(const Bureau& bureau, const std::string& folder, TableFormat format) {
  if (!IsDirectory(folder)) {
    return absl::NotFoundError(absl::StrCat("the output folder '", folder, "' does not exist"));
  }
  std::vector<std::pair<std::string, std::string>> files;
  std::vector<std::string> other_format;  // the same tables in the other format, from an earlier save
  for (const char* table : kBureauTables) {
    absl::StatusOr<std::string> text = BureauTableText(bureau, table, format);
    if (!text.ok()) return text.status();
    const bool csv = format == TableFormat::kCsv;
    files.emplace_back(absl::StrCat(folder, "/", table, csv ? ".csv" : ".json"), *std::move(text));
    other_format.push_back(absl::StrCat(folder, "/", table, csv ? ".json" : ".csv"));
  }
  files.emplace_back(folder + "/name.txt", bureau.name + "\n");
  // All files are written before any is replaced, so that a full disk leaves the folder as it was.
  std::vector<internal::FileWrite> writes;
  for (const auto& [file, contents] : files) writes.push_back({file, contents});
  if (absl::Status s = internal::WriteFilesAtomic(writes); !s.ok()) return s;
  for (const std::string& stale : other_format) {
    if (absl::Status s = internal::RemoveFile(stale); !s.ok()) {
      return absl::Status(s.code(),
                          absl::StrCat("the bureau was saved, but ", s.message(),
                                       "; remove that out-of-date file, or the folder will not load"));
    }
  }
  return absl::OkStatus();
}

}  // namespace ssr
