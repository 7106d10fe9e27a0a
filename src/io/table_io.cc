#include "io/table_io.h"

#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "io/csv.h"
#include "io/json_fields.h"
#include "parallel/handoff.h"
#include "ssrandom/bureau.h"
#include "ssrandom/results.h"

namespace ssr::internal {
namespace {

// The CSV reader's messages start with "<source>: "; the issue names the source already.
absl::string_view WithoutSourcePrefix(absl::string_view message, absl::string_view source) {
  absl::string_view prefix = message.substr(0, source.size() + 2);
  if (prefix.size() == source.size() + 2 && prefix.substr(0, source.size()) == source &&
      prefix.substr(source.size()) == ": ") {
    message.remove_prefix(prefix.size());
  }
  return message;
}

bool TooManyErrors(const QualityReport& report) { return report.error_count() >= kMaxReportedErrors; }

// A CSV table is read in batches of rows; below this size it is read on the calling thread alone.
constexpr size_t kRowsPerBatch = 1024;
constexpr size_t kMinBytesForTwoStages = size_t{1} << 18;

// A row as read: where it is in the table, its record when every field parsed, and the issues reading it
// raised (a range of its batch's issues).
template <typename Record>
struct ParsedRow {
  int64_t record_number = 0;
  int64_t line_number = 0;
  bool parsed = false;
  Record record;
  size_t first_issue = 0;
  size_t end_issue = 0;
};

// The first `size` rows are the batch's; a batch read into again keeps the rows after them, records and all.
template <typename Record>
struct ParsedBatch {
  std::vector<ParsedRow<Record>> rows;
  size_t size = 0;
  QualityReport issues;
};

// A field's index in the schema and its text.
using FieldValues = std::vector<std::pair<int, absl::string_view>>;

// Parses one record from (field index, text) pairs, reporting every bad field. Returns false on errors.
template <typename Record>
bool ParseRecord(const RecordSchema<Record>& schema, const FieldValues& values, const RecordOrigin& origin,
                 QualityReport* report, Record* record, const std::vector<bool>* already_reported = nullptr) {
  bool ok = true;
  // The id first, so later messages can name the record.
  for (const auto& [field, text] : values) {
    if (field == 0) (void)schema.fields[0].parse(*record, text);
  }
  const std::string& id = schema.id(*record);
  absl::InlinedVector<bool, 32> seen(schema.fields.size(), false);
  for (const auto& [field, text] : values) {
    const FieldSpec<Record>& spec = schema.fields[field];
    seen[field] = true;
    if (spec.required && absl::StripAsciiWhitespace(text).empty()) {
      AddError(report, origin, id, spec.name, "missing_value",
               absl::StrCat("the required field ", spec.name, " is empty"));
      ok = false;
      continue;
    }
    if (absl::Status s = spec.parse(*record, text); !s.ok()) {
      AddError(report, origin, id, spec.name, "invalid_value", s.message());
      ok = false;
    }
  }
  for (size_t field = 0; field < schema.fields.size(); ++field) {
    if (schema.fields[field].required && !seen[field] &&
        (already_reported == nullptr || !(*already_reported)[field])) {
      AddError(report, origin, id, schema.fields[field].name, "missing_value",
               absl::StrCat("the required field ", schema.fields[field].name, " is missing"));
      ok = false;
    }
  }
  return ok;
}

template <typename Record>
void Deliver(Record&& record, const RecordSchema<Record>& schema, const RecordOrigin& origin,
             QualityReport* report, const RecordSink<Record>& add) {
  std::string id = schema.id(record);
  absl::Status s = add(std::move(record), origin);
  if (!s.ok()) {
    AddError(report, origin, id, s.code() == absl::StatusCode::kAlreadyExists ? "id" : "",
             s.code() == absl::StatusCode::kAlreadyExists ? "duplicate_id" : "invalid_record", s.message());
  }
}

// The text form of one JSON value for a field, or an error message.
template <typename Record>
absl::StatusOr<std::string> JsonValueText(const FieldSpec<Record>& spec, const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::null:
      return std::string();
    case nlohmann::json::value_t::string:
      return value.get<std::string>();
    case nlohmann::json::value_t::boolean:
      return std::string(value.get<bool>() ? "true" : "false");
    case nlohmann::json::value_t::number_integer:
      return absl::StrCat(value.get<int64_t>());
    case nlohmann::json::value_t::number_unsigned:
      return absl::StrCat(value.get<uint64_t>());
    case nlohmann::json::value_t::array: {
      if (spec.kind != FieldKind::kList) break;
      std::vector<std::string> parts;
      for (const nlohmann::json& element : value) {
        if (!element.is_string()) return absl::InvalidArgumentError("a list may hold only strings");
        parts.push_back(element.get<std::string>());
      }
      return absl::StrJoin(parts, ";");
    }
    default:
      break;
  }
  return absl::InvalidArgumentError(absl::StrCat("a JSON ", value.type_name(), " is not accepted here"));
}

}  // namespace

void AddError(QualityReport* report, const RecordOrigin& origin, absl::string_view record_id,
              absl::string_view field, absl::string_view code, absl::string_view message) {
  QualityIssue issue;
  issue.severity = IssueSeverity::kError;
  issue.source = origin.source;
  issue.record = origin.record;
  issue.line = origin.line;
  issue.record_id = std::string(record_id);
  issue.field = std::string(field);
  issue.code = std::string(code);
  issue.message = std::string(message);
  report->Add(std::move(issue));
}

bool ParseJsonText(absl::string_view text, const std::string& source, QualityReport* report,
                   nlohmann::json* out) {
  absl::Status parsed = ParseJson(text, source, out);
  if (!parsed.ok()) {
    AddError(report, {source, 0, 0}, "", "", "malformed_json", WithoutSourcePrefix(parsed.message(), source));
  }
  return parsed.ok();
}

template <typename Record>
bool ReadCsvTable(absl::string_view text, const std::string& source, const RecordSchema<Record>& schema,
                  QualityReport* report, const RecordSink<Record>& add, int threads) {
  const int64_t errors_before = report->error_count();
  CsvReader reader(text, source);
  absl::StatusOr<std::vector<std::string>> header = reader.ReadHeader();
  if (!header.ok()) {
    AddError(report, {source, 0, 1}, "", "", "malformed_csv",
             WithoutSourcePrefix(header.status().message(), source));
    return false;
  }
  std::vector<int> column_field(header->size(), -1);
  std::vector<int> field_column(schema.fields.size(), -1);
  for (size_t column = 0; column < header->size(); ++column) {
    const std::string& name = (*header)[column];
    int field = schema.FindField(name);
    if (field < 0) {
      AddError(report, {source, 0, 1}, "", name, "unknown_column",
               absl::StrCat("unknown column '", name, "' for ", schema.plural,
                            "; accepted columns: ", schema.FieldList()));
      continue;
    }
    if (field_column[field] >= 0) {
      AddError(report, {source, 0, 1}, "", name, "duplicate_column",
               absl::StrCat("column '", name, "' repeats column ", field_column[field] + 1, " ('",
                            (*header)[field_column[field]], "'), both meaning ", schema.fields[field].name));
      continue;
    }
    field_column[field] = static_cast<int>(column);
    column_field[column] = field;
  }
  for (size_t field = 0; field < schema.fields.size(); ++field) {
    if (schema.fields[field].required && field_column[field] < 0) {
      AddError(report, {source, 0, 1}, "", schema.fields[field].name, "missing_column",
               absl::StrCat("the required column ", schema.fields[field].name, " is missing"));
    }
  }
  if (report->error_count() > errors_before) return false;

  // The batches already delivered are handed back to be read into again: their records' strings keep their
  // buffers, so a large table is read without allocating (and freeing on the other thread) a string per
  // field. A record delivered holds nothing of the rows read into it before: each row sets every field that
  // has a column (FieldSpec::parse sets a field whole; a row whose field fails is not delivered), and no row
  // sets a field without one, which keeps its default. (A sink may move from the record; what it leaves is
  // read into again.)
  std::mutex spare_mutex;
  std::vector<ParsedBatch<Record>> spare_batches;

  // Reading (splitting records, parsing fields into a Record) and delivering (validating and adding to a
  // directory) take about half of a large table's time each, so for a large text they run as two stages on
  // two threads, a batch of rows at a time. Each row's issues are kept with it and added to the report in
  // row order, just before the row is delivered: the report and what is built are those of reading and
  // delivering row after row, including where the error limit stops the reading.
  ProduceAndConsume<ParsedBatch<Record>>(
      [&reader, &source, &schema, &column_field, &spare_mutex, &spare_batches,
       fields = std::vector<absl::string_view>(), values = FieldValues(), origin = RecordOrigin{source, 0, 0},
       done = false]() mutable -> std::optional<ParsedBatch<Record>> {
        if (done) return std::nullopt;
        ParsedBatch<Record> batch;
        {
          std::lock_guard<std::mutex> lock(spare_mutex);
          if (!spare_batches.empty()) {
            batch = std::move(spare_batches.back());
            spare_batches.pop_back();
          }
        }
        batch.size = 0;
        batch.issues = QualityReport();
        batch.rows.reserve(kRowsPerBatch);
        while (batch.size < kRowsPerBatch) {
          if (batch.size == batch.rows.size()) batch.rows.emplace_back();
          ParsedRow<Record>& row = batch.rows[batch.size];
          row.parsed = false;
          row.first_issue = batch.issues.issues().size();
          absl::StatusOr<bool> more = reader.Next(&fields);
          if (!more.ok()) {
            // The reader skips the bad record on the next call, so one pass reports every malformed record.
            AddError(&batch.issues, {source, reader.record_number(), reader.line_number()}, "", "",
                     "malformed_csv", WithoutSourcePrefix(more.status().message(), source));
          } else if (!*more) {
            done = true;
            break;
          } else {
            origin.record = row.record_number = reader.record_number();
            origin.line = row.line_number = reader.line_number();
            values.clear();
            for (size_t column = 0; column < fields.size(); ++column) {
              if (column_field[column] >= 0) values.emplace_back(column_field[column], fields[column]);
            }
            row.parsed = ParseRecord(schema, values, origin, &batch.issues, &row.record);
          }
          row.end_issue = batch.issues.issues().size();
          ++batch.size;
        }
        return batch;
      },
      [&, origin = RecordOrigin{source, 0, 0}](ParsedBatch<Record>& batch) mutable {
        for (size_t r = 0; r < batch.size; ++r) {
          ParsedRow<Record>& row = batch.rows[r];
          if (TooManyErrors(*report)) return false;
          for (size_t i = row.first_issue; i < row.end_issue; ++i) report->Add(batch.issues.issues()[i]);
          if (!row.parsed) continue;
          origin.record = row.record_number;
          origin.line = row.line_number;
          Deliver(std::move(row.record), schema, origin, report, add);
        }
        std::lock_guard<std::mutex> lock(spare_mutex);
        spare_batches.push_back(std::move(batch));
        return true;
      },
      threads != 1 && text.size() >= kMinBytesForTwoStages);
  return report->error_count() == errors_before;
}

template <typename Record>
bool ReadJsonTable(const nlohmann::json& json, const std::string& source, const RecordSchema<Record>& schema,
                   QualityReport* report, const RecordSink<Record>& add) {
  const int64_t errors_before = report->error_count();
  const nlohmann::json* records = &json;
  if (json.is_object()) {
    auto it = json.find(schema.plural);
    if (it == json.end()) {
      AddError(report, {source, 0, 0}, "", schema.plural, "missing_column",
               absl::StrCat("the JSON object has no \"", schema.plural, "\" array"));
      return false;
    }
    records = &*it;
  }
  if (!records->is_array()) {
    AddError(report, {source, 0, 0}, "", schema.plural, "malformed_json",
             absl::StrCat("expected an array of ", schema.kind, " objects"));
    return false;
  }
  int64_t number = 0;
  std::vector<std::pair<int, std::string>> texts;
  FieldValues values;
  for (const nlohmann::json& object : *records) {
    if (TooManyErrors(*report)) break;
    RecordOrigin origin{source, ++number, 0};
    if (!object.is_object()) {
      AddError(report, origin, "", "", "malformed_json", absl::StrCat("expected a ", schema.kind, " object"));
      continue;
    }
    texts.clear();
    bool ok = true;
    std::vector<bool> seen(schema.fields.size(), false);
    std::vector<bool> reported(schema.fields.size(), false);
    for (const auto& [key, value] : object.items()) {
      int field = schema.FindField(key);
      if (field < 0) {
        AddError(report, origin, "", key, "unknown_column",
                 absl::StrCat("unknown field '", key, "' for ", schema.plural,
                              "; accepted fields: ", schema.FieldList()));
        ok = false;
        continue;
      }
      if (seen[field]) {
        AddError(report, origin, "", key, "duplicate_column",
                 absl::StrCat("field '", key, "' repeats ", schema.fields[field].name));
        ok = false;
        continue;
      }
      seen[field] = true;
      absl::StatusOr<std::string> text = JsonValueText(schema.fields[field], value);
      if (!text.ok()) {
        AddError(report, origin, "", schema.fields[field].name, "invalid_value", text.status().message());
        reported[field] = true;
        ok = false;
        continue;
      }
      texts.emplace_back(field, *std::move(text));
    }
    values.clear();
    for (const auto& [field, text] : texts) values.emplace_back(field, text);
    Record record;
    if (ParseRecord(schema, values, origin, report, &record, &reported) && ok) {
      Deliver(std::move(record), schema, origin, report, add);
    }
  }
  return report->error_count() == errors_before;
}

template <typename Record>
std::string WriteCsvTable(const RecordSchema<Record>& schema, const std::vector<Record>& records) {
  std::string out;
  std::vector<absl::string_view> row;
  std::vector<std::string> texts(schema.fields.size());
  for (const FieldSpec<Record>& spec : schema.fields) row.push_back(spec.name);
  AppendCsvRow(&out, row);
  for (const Record& record : records) {
    for (size_t i = 0; i < schema.fields.size(); ++i) {
      texts[i] = schema.fields[i].format(record);
      row[i] = texts[i];
    }
    AppendCsvRow(&out, row);
  }
  return out;
}

template <typename Record>
nlohmann::ordered_json WriteJsonTable(const RecordSchema<Record>& schema,
                                      const std::vector<Record>& records) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Record& record : records) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (const FieldSpec<Record>& spec : schema.fields) {
      std::string text = spec.format(record);
      if (text.empty()) continue;
      switch (spec.kind) {
        case FieldKind::kInteger: {
          int64_t value = 0;
          (void)absl::SimpleAtoi(text, &value);
          object[spec.name] = value;
          break;
        }
        case FieldKind::kFlag:
          object[spec.name] = text == "true";
          break;
        case FieldKind::kList:
          object[spec.name] = SplitList(text);
          break;
        case FieldKind::kText:
        case FieldKind::kDate:
          object[spec.name] = text;
          break;
      }
    }
    out.push_back(std::move(object));
  }
  return out;
}

#define SSR_INSTANTIATE_TABLE_IO(Record)                                                                 \
  template bool ReadCsvTable<Record>(absl::string_view, const std::string&, const RecordSchema<Record>&, \
                                     QualityReport*, const RecordSink<Record>&, int);                    \
  template bool ReadJsonTable<Record>(const nlohmann::json&, const std::string&,                         \
                                      const RecordSchema<Record>&, QualityReport*,                       \
                                      const RecordSink<Record>&);                                        \
  template std::string WriteCsvTable<Record>(const RecordSchema<Record>&, const std::vector<Record>&);   \
  template nlohmann::ordered_json WriteJsonTable<Record>(const RecordSchema<Record>&,                    \
                                                         const std::vector<Record>&);

SSR_INSTANTIATE_TABLE_IO(Entity)
SSR_INSTANTIATE_TABLE_IO(Inspector)
SSR_INSTANTIATE_TABLE_IO(Unit)
SSR_INSTANTIATE_TABLE_IO(Department)
SSR_INSTANTIATE_TABLE_IO(Item)
SSR_INSTANTIATE_TABLE_IO(Conflict)
SSR_INSTANTIATE_TABLE_IO(PairExclusion)
SSR_INSTANTIATE_TABLE_IO(InspectionResult)

}  // namespace ssr::internal
