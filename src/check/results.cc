#include "ssrandom/results.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "check/results_schema.h"
#include "io/csv.h"
#include "io/file.h"
#include "nlohmann/json.hpp"
#include "ssrandom/date.h"
#include "ssrandom/period.h"

namespace ssr {
namespace {

constexpr Outcome kOutcomes[] = {Outcome::kNoProblem, Outcome::kProblemFound};

}  // namespace

absl::string_view OutcomeName(Outcome outcome) {
  return outcome == Outcome::kProblemFound ? "problem_found" : "no_problem";
}

absl::string_view OutcomeLabel(Outcome outcome) {
  return outcome == Outcome::kProblemFound ? "发现问题" : "未发现问题";
}

absl::StatusOr<Outcome> ParseOutcome(absl::string_view text) {
  text = absl::StripAsciiWhitespace(text);
  for (Outcome outcome : kOutcomes) {
    if (absl::EqualsIgnoreCase(text, OutcomeName(outcome)) || text == OutcomeLabel(outcome)) return outcome;
  }
  if (text == "无问题" || text == "未发现") return Outcome::kNoProblem;
  if (text == "有问题") return Outcome::kProblemFound;
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown result '", text, "'; expected no_problem (未发现问题) or problem_found (发现问题)"));
}

absl::string_view HandlingName(Handling handling) {
  switch (handling) {
    case Handling::kRectification:
      return "rectification";
    case Handling::kPenaltyCase:
      return "penalty_case";
    case Handling::kClueTransfer:
      return "clue_transfer";
    case Handling::kJudicialReferral:
      return "judicial_referral";
    case Handling::kCreditRecord:
      return "credit_record";
  }
  return "rectification";
}

absl::string_view HandlingLabel(Handling handling) {
  switch (handling) {
    case Handling::kRectification:
      return "责令整改";
    case Handling::kPenaltyCase:
      return "立案处罚";
    case Handling::kClueTransfer:
      return "移送线索";
    case Handling::kJudicialReferral:
      return "移送司法机关";
    case Handling::kCreditRecord:
      return "纳入信用记录";
  }
  return "责令整改";
}

absl::StatusOr<Handling> ParseHandling(absl::string_view text) {
  text = absl::StripAsciiWhitespace(text);
  for (Handling handling : kAllHandlings) {
    if (absl::EqualsIgnoreCase(text, HandlingName(handling)) || text == HandlingLabel(handling)) {
      return handling;
    }
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown handling '", text,
                   "'; expected rectification (责令整改), penalty_case (立案处罚), clue_transfer (移送线索), "
                   "judicial_referral (移送司法机关) or credit_record (纳入信用记录)"));
}

bool operator==(const InspectionResult& a, const InspectionResult& b) {
  return a.task_id == b.task_id && a.inspection_date == b.inspection_date && a.method == b.method &&
         a.team == b.team && a.team_change_reason == b.team_change_reason && a.result == b.result &&
         a.handling == b.handling && a.entry_date == b.entry_date &&
         a.publication_date == b.publication_date && a.note == b.note;
}

const InspectionResult* ResultSet::Find(absl::string_view task_id) const {
  for (const InspectionResult& result : results) {
    if (result.task_id == task_id) return &result;
  }
  return nullptr;
}

std::string ResultSet::ToCsv(bool chinese_headers) const {
  const internal::RecordSchema<InspectionResult>& schema = internal::ResultSchema();
  if (!chinese_headers) return internal::WriteCsvTable(schema, results);
  std::string out;
  std::vector<absl::string_view> row;
  for (const auto& spec : schema.fields) row.push_back(spec.aliases.front());
  internal::AppendCsvRow(&out, row);
  std::vector<std::string> texts(schema.fields.size());
  for (const InspectionResult& result : results) {
    for (size_t i = 0; i < schema.fields.size(); ++i) {
      texts[i] = schema.fields[i].format(result);
      row[i] = texts[i];
    }
    internal::AppendCsvRow(&out, row);
  }
  return out;
}

std::string ResultSet::ToJson() const {
  nlohmann::ordered_json out = {{"format", kResultsFormat},
                                {"format_version", kResultsFormatVersion},
                                {"results", internal::WriteJsonTable(internal::ResultSchema(), results)}};
  return out.dump(2) + "\n";
}

namespace internal {

void ValidateResultRecords(const ResultSet& results, const std::vector<RecordOrigin>& origins,
                           const std::vector<Plan>& plans, const ResultsValidation& validation,
                           QualityReport* report) {
  absl::flat_hash_map<absl::string_view, TaskRef> tasks;
  for (const Plan& plan : plans) {
    for (const Task& task : plan.tasks) tasks[task.id] = {&task, &plan};
  }
  absl::flat_hash_map<absl::string_view, size_t> seen;
  for (size_t i = 0; i < results.results.size(); ++i) {
    const InspectionResult& r = results.results[i];
    const RecordOrigin& origin = origins[i];
    auto error = [&](absl::string_view field, absl::string_view code, absl::string_view message) {
      AddError(report, origin, r.task_id, field, code, message);
    };
    if (auto [it, inserted] = seen.emplace(r.task_id, i); !inserted) {
      error("task_id", "duplicate_id",
            absl::StrCat("a second result for task ", r.task_id, " (the first is record ",
                         origins[it->second].record, "); keep one result per task"));
      continue;
    }
    auto found = tasks.find(r.task_id);
    if (found == tasks.end()) {
      std::vector<std::string> periods;
      for (const Plan& plan : plans) periods.push_back(plan.period);
      error("task_id", "unknown_task",
            absl::StrCat("task ", r.task_id, " is in none of the plans (",
                         periods.empty() ? "no plan given" : absl::StrJoin(periods, ", "),
                         "); a task id is \"<period>/<entity id>\" as in plan.csv"));
      continue;
    }
    const Task& task = *found->second.task;
    const Plan& plan = *found->second.plan;
    absl::StatusOr<Period> period = Period::Parse(plan.period);
    if (period.ok() && r.inspection_date && !period->Contains(*r.inspection_date)) {
      error("inspection_date", "date_outside_period",
            absl::StrCat("the inspection date ", FormatDate(*r.inspection_date), " is outside ", plan.period,
                         " (", FormatDate(period->first_day()), " to ", FormatDate(period->last_day()),
                         "); a task of ", plan.period, " is inspected in that quarter"));
    }
    if (r.inspection_date) {
      if (r.entry_date && *r.entry_date < *r.inspection_date) {
        error("entry_date", "date_before_inspection",
              absl::StrCat("the result was entered on ", FormatDate(*r.entry_date),
                           ", before the inspection on ", FormatDate(*r.inspection_date)));
      }
      if (r.publication_date && *r.publication_date < *r.inspection_date) {
        error("publication_date", "date_before_inspection",
              absl::StrCat("the result was published on ", FormatDate(*r.publication_date),
                           ", before the inspection on ", FormatDate(*r.inspection_date),
                           " (the drawn list stays confidential until the inspection)"));
      }
    }
    if (!task.team.empty()) {
      std::vector<std::string> drawn = task.team, sent = r.team;
      std::sort(drawn.begin(), drawn.end());
      std::sort(sent.begin(), sent.end());
      if (drawn != sent && absl::StripAsciiWhitespace(r.team_change_reason).empty()) {
        error("team", "team_changed",
              absl::StrCat("the team sent (", absl::StrJoin(r.team, ";"), ") differs from the drawn team (",
                           absl::StrJoin(task.team, ";"),
                           ") and team_change_reason is empty; record why the team changed"));
      }
    }
    if (validation.staff != nullptr) {
      for (const std::string& member : r.team) {
        if (!validation.staff->Find(member)) {
          error("team", "unknown_inspector",
                absl::StrCat("inspector ", member, " is not in the inspector directory"));
        }
      }
    }
    if (r.result == Outcome::kNoProblem && !r.handling.empty()) {
      error("handling", "handling_without_problem",
            absl::StrCat("handling (", HandlingLabel(r.handling.front()),
                         ") is recorded but the result is no_problem (未发现问题); set the result to "
                         "problem_found or clear the handling"));
    }
    if (r.result == Outcome::kProblemFound && r.handling.empty()) {
      QualityIssue issue;
      issue.severity = IssueSeverity::kWarning;
      issue.source = origin.source;
      issue.record = origin.record;
      issue.line = origin.line;
      issue.record_id = r.task_id;
      issue.field = "handling";
      issue.code = "problem_without_handling";
      issue.message = "a problem was found but no handling is recorded (责令整改, 立案处罚, …)";
      report->Add(std::move(issue));
    }
  }
}

}  // namespace internal

absl::Status ValidateResults(const ResultSet& results, const std::vector<Plan>& plans,
                             const ResultsValidation& validation, const std::string& source,
                             QualityReport* report) {
  QualityReport local;
  std::vector<internal::RecordOrigin> origins;
  for (size_t i = 0; i < results.results.size(); ++i) {
    origins.push_back({source, static_cast<int64_t>(i + 1), 0});
  }
  internal::ValidateResultRecords(results, origins, plans, validation, &local);
  if (report != nullptr) report->Append(local);
  return local.ToStatus();
}

namespace {

absl::StatusOr<ResultSet> Read(absl::string_view text, bool json, const std::string& source,
                               const std::vector<Plan>* plans, const ResultsValidation& validation,
                               QualityReport* report) {
  QualityReport local;
  ResultSet results;
  std::vector<internal::RecordOrigin> origins;
  internal::RecordSink<InspectionResult> add = [&](InspectionResult&& r,
                                                   const internal::RecordOrigin& origin) {
    results.results.push_back(std::move(r));
    origins.push_back(origin);
    return absl::OkStatus();
  };
  const auto& schema = internal::ResultSchema();
  if (json) {
    nlohmann::json document;
    if (internal::ParseJsonText(text, source, &local, &document)) {
      bool format_ok = true;
      if (document.is_object()) {
        auto format = document.find("format");
        if (format != document.end() && (!format->is_string() || *format != kResultsFormat)) {
          internal::AddError(
              &local, {source, 0, 0}, "", "format", "malformed_json",
              absl::StrCat("the format is ", format->dump(), ", expected \"", kResultsFormat, "\""));
          format_ok = false;
        }
        auto version = document.find("format_version");
        if (version != document.end() &&
            (!version->is_number_integer() || *version != kResultsFormatVersion)) {
          internal::AddError(&local, {source, 0, 0}, "", "format_version", "malformed_json",
                             absl::StrCat("this library reads results format version ", kResultsFormatVersion,
                                          ", found ", version->dump()));
          format_ok = false;
        }
      }
      if (format_ok) internal::ReadJsonTable(document, source, schema, &local, add);
    }
  } else {
    internal::ReadCsvTable(text, source, schema, &local, add);
  }
  // The records that were read are checked against the plans even when others failed, so that one load
  // shows every problem.
  if (plans != nullptr) internal::ValidateResultRecords(results, origins, *plans, validation, &local);
  if (report != nullptr) report->Append(local);
  if (absl::Status status = local.ToStatus(); !status.ok()) return status;
  return results;
}

}  // namespace

absl::StatusOr<ResultSet> ReadResults(absl::string_view text, bool json, const std::string& source,
                                      const std::vector<Plan>& plans, const ResultsValidation& validation,
                                      QualityReport* report) {
  return Read(text, json, source, &plans, validation, report);
}

absl::StatusOr<ResultSet> ParseResults(absl::string_view text, bool json, const std::string& source,
                                       QualityReport* report) {
  return Read(text, json, source, nullptr, {}, report);
}

absl::StatusOr<ResultSet> LoadResults(const std::string& path, const std::vector<Plan>& plans,
                                      const ResultsValidation& validation, QualityReport* report) {
  bool json;
  if (absl::EndsWithIgnoreCase(path, ".json")) {
    json = true;
  } else if (absl::EndsWithIgnoreCase(path, ".csv")) {
    json = false;
  } else {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": a results file is .csv or .json (the extension says which)"));
  }
  absl::StatusOr<std::string> text = internal::ReadFile(path);
  if (!text.ok()) return text.status();
  return ReadResults(*text, json, path, plans, validation, report);
}

}  // namespace ssr
