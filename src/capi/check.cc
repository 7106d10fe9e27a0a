// C ABI: inspection results, compliance checks and the quarterly report texts.
#include <memory>
#include <utility>

#include "capi/capi_internal.h"
#include "ssrandom/date.h"
#include "ssrandom/period.h"
#include "ssrandom/report.h"

using ssr::capi::Buffer;
using ssr::capi::CheckIndex;
using ssr::capi::Get;
using ssr::capi::NewString;
using ssr::capi::NotNull;
using ssr::capi::OutHandle;
using ssr::capi::Run;
using ssr::capi::Text;
using ssr::capi::ThrowArgument;
using ssr::capi::Value;

namespace ssr::capi {
namespace {

std::string DayText(const std::optional<absl::CivilDay>& day) {
  return day.has_value() ? FormatDate(*day) : std::string();
}

// A date argument: none for NULL or "" when `optional`, else YYYY-MM-DD.
std::optional<absl::CivilDay> Day(const char* text, const char* name, bool optional) {
  absl::string_view value = Text(text, name, optional);
  if (value.empty() && optional) return std::nullopt;
  absl::StatusOr<absl::CivilDay> day = ParseDate(value);
  if (!day.ok()) ThrowArgument(absl::StrCat(name, ": ", day.status().message()));
  return *day;
}

ssr_results* NewResults(ResultSet results) {
  auto handle = std::make_unique<ssr_results>();
  for (const InspectionResult& r : results.results) {
    handle->inspection_dates.push_back(DayText(r.inspection_date));
    handle->entry_dates.push_back(DayText(r.entry_date));
    handle->publication_dates.push_back(DayText(r.publication_date));
  }
  handle->results = std::move(results);
  return handle.release();
}

std::vector<Plan> Plans(const ssr_plan* const* plans, size_t plan_count) {
  if (plan_count > 0) NotNull(plans, "plans");
  std::vector<Plan> copies;
  copies.reserve(plan_count);
  for (size_t i = 0; i < plan_count; ++i) {
    if (plans[i] == nullptr) ThrowArgument(absl::StrCat("plans[", i, "] is NULL"));
    copies.push_back(plans[i]->plan);
  }
  return copies;
}

ResultsValidation Validation(const ssr_bureau* bureau) {
  ResultsValidation validation;
  if (bureau != nullptr) validation.staff = &bureau->bureau.staff;
  return validation;
}

void GiveReport(QualityReport&& report, ssr_quality_report** out_report) {
  if (out_report != nullptr) *out_report = new ssr_quality_report{std::move(report)};
}

void ClearReport(ssr_quality_report** out_report) {
  if (out_report != nullptr) *out_report = nullptr;
}

void RequireFormat(ssr_format format) {
  Require(format == SSR_FORMAT_CSV || format == SSR_FORMAT_JSON,
          absl::StrCat("unknown format ", static_cast<int>(format),
                       " (expected SSR_FORMAT_CSV or SSR_FORMAT_JSON)"));
}

const ResultSet& ResultsOf(const ssr_results* results) { return NotNull(results, "results")->results; }

const InspectionResult& ResultOf(const ssr_results* results, size_t result) {
  const std::vector<InspectionResult>& all = ResultsOf(results).results;
  CheckIndex(result, all.size(), "result");
  return all[result];
}

const std::string& DateOf(const ssr_results* results, size_t result,
                          std::vector<std::string> ssr_results::*dates) {
  ResultOf(results, result);
  return (results->*dates)[result];
}

bool IsAsOfKey(ssr_check_option key) { return key == SSR_CHECK_AS_OF; }

void RequireCheckKey(ssr_check_option key, bool string_key) {
  if (key != SSR_CHECK_AS_OF && key != SSR_CHECK_COUNT_FULL_COVERAGE) {
    ThrowArgument(absl::StrCat("unknown check option ", static_cast<int>(key)));
  }
  if (IsAsOfKey(key) && !string_key) {
    ThrowArgument("SSR_CHECK_AS_OF is a string option: use ssr_check_options_set_string / _get_string");
  }
  if (!IsAsOfKey(key) && string_key) {
    ThrowArgument("SSR_CHECK_COUNT_FULL_COVERAGE is an int option: use ssr_check_options_set_int / _get_int");
  }
}

void SetSubmitted(ssr_check_options* options, std::map<std::string, absl::CivilDay> ssr_check_options::*dates,
                  const char* quarter, const char* date) {
  NotNull(options, "options");
  std::string period(Text(quarter, "quarter"));
  Period parsed = Value(Period::Parse(period));
  if (!parsed.is_quarter())
    ThrowArgument(absl::StrCat("quarter: '", period, "' is not a quarter (\"2024Q1\")"));
  std::optional<absl::CivilDay> day = Day(date, "date", true);
  std::map<std::string, absl::CivilDay>& map = options->*dates;
  const std::string key = parsed.ToString();  // "2024q1" is the check's "2024Q1"
  if (day.has_value()) {
    map[key] = *day;
  } else {
    map.erase(key);
  }
}

const ComplianceReport& ReportOf(const ssr_check_report* report) { return NotNull(report, "report")->report; }

const Finding& FindingOf(const ssr_check_report* report, size_t finding) {
  const std::vector<Finding>& findings = ReportOf(report).findings;
  CheckIndex(finding, findings.size(), "finding");
  return findings[finding];
}

const std::string& Entry(const std::vector<std::string>& list, size_t index, const char* what) {
  CheckIndex(index, list.size(), what);
  return list[index];
}

}  // namespace
}  // namespace ssr::capi

using ssr::capi::FindingOf;
using ssr::capi::ReportOf;
using ssr::capi::ResultOf;

#define SSR_TEXT_ACCESSOR(function, params, expression)                                            \
  const char* function params {                                                                    \
    return Get(__func__, static_cast<const char*>(nullptr), [&] { return (expression).c_str(); }); \
  }
#define SSR_NAME_ACCESSOR(function, params, expression)          \
  const char* function params {                                  \
    return Get(__func__, static_cast<const char*>(nullptr),      \
               [&] { return ssr::capi::Interned(expression); }); \
  }

extern "C" {

// --- Results -------------------------------------------------------------------------------------------

ssr_status ssr_results_read(const char* data, size_t size, ssr_format format, const char* source,
                            const ssr_plan* const* plans, size_t plan_count, const ssr_bureau* bureau,
                            ssr_results** out, ssr_quality_report** out_report) {
  return Run(__func__, [&] {
    ssr::capi::ClearReport(out_report);
    OutHandle(out, "out");
    absl::string_view text = Buffer(data, size, "data");
    ssr::capi::RequireFormat(format);
    const bool json = format == SSR_FORMAT_JSON;
    std::string name(source != nullptr ? source : json ? "results.json" : "results.csv");
    std::vector<ssr::Plan> copies = ssr::capi::Plans(plans, plan_count);
    ssr::QualityReport report;
    absl::StatusOr<ssr::ResultSet> results =
        ssr::ReadResults(text, json, name, copies, ssr::capi::Validation(bureau), &report);
    ssr::capi::GiveReport(std::move(report), out_report);
    *out = ssr::capi::NewResults(Value(std::move(results)));
  });
}

ssr_status ssr_results_load(const char* path, const ssr_plan* const* plans, size_t plan_count,
                            const ssr_bureau* bureau, ssr_results** out, ssr_quality_report** out_report) {
  return Run(__func__, [&] {
    ssr::capi::ClearReport(out_report);
    OutHandle(out, "out");
    std::string file(Text(path, "path"));
    std::vector<ssr::Plan> copies = ssr::capi::Plans(plans, plan_count);
    ssr::QualityReport report;
    absl::StatusOr<ssr::ResultSet> results =
        ssr::LoadResults(file, copies, ssr::capi::Validation(bureau), &report);
    ssr::capi::GiveReport(std::move(report), out_report);
    *out = ssr::capi::NewResults(Value(std::move(results)));
  });
}

void ssr_results_destroy(ssr_results* results) { delete results; }

ssr_status ssr_results_to_json(const ssr_results* results, char** out_json) {
  return Run(__func__, [&] {
    const ssr::ResultSet& r = ssr::capi::ResultsOf(results);
    OutHandle(out_json, "out_json");
    *out_json = NewString(r.ToJson());
  });
}

ssr_status ssr_results_to_csv(const ssr_results* results, int chinese_headers, char** out_csv) {
  return Run(__func__, [&] {
    const ssr::ResultSet& r = ssr::capi::ResultsOf(results);
    OutHandle(out_csv, "out_csv");
    *out_csv = NewString(r.ToCsv(chinese_headers != 0));
  });
}

size_t ssr_results_count(const ssr_results* results) {
  return Get(__func__, size_t{0}, [&] { return ssr::capi::ResultsOf(results).results.size(); });
}

ssr_status ssr_results_find(const ssr_results* results, const char* task_id, size_t* out_result) {
  return Run(__func__, [&] {
    const ssr::ResultSet& r = ssr::capi::ResultsOf(results);
    absl::string_view id = Text(task_id, "task_id");
    NotNull(out_result, "out_result");
    const ssr::InspectionResult* found = r.Find(id);
    if (found == nullptr) {
      throw ssr::capi::ApiError{SSR_NOT_FOUND,
                                absl::StrCat("the results have no result for task '", id, "'")};
    }
    *out_result = static_cast<size_t>(found - r.results.data());
  });
}

SSR_TEXT_ACCESSOR(ssr_results_task_id, (const ssr_results* results, size_t result),
                  ResultOf(results, result).task_id)
SSR_TEXT_ACCESSOR(ssr_results_team_change_reason, (const ssr_results* results, size_t result),
                  ResultOf(results, result).team_change_reason)
SSR_TEXT_ACCESSOR(ssr_results_note, (const ssr_results* results, size_t result),
                  ResultOf(results, result).note)
SSR_TEXT_ACCESSOR(ssr_results_inspection_date, (const ssr_results* results, size_t result),
                  ssr::capi::DateOf(results, result, &ssr_results::inspection_dates))
SSR_TEXT_ACCESSOR(ssr_results_entry_date, (const ssr_results* results, size_t result),
                  ssr::capi::DateOf(results, result, &ssr_results::entry_dates))
SSR_TEXT_ACCESSOR(ssr_results_publication_date, (const ssr_results* results, size_t result),
                  ssr::capi::DateOf(results, result, &ssr_results::publication_dates))
SSR_NAME_ACCESSOR(ssr_results_method, (const ssr_results* results, size_t result),
                  ssr::InspectionMethodName(ResultOf(results, result).method))
SSR_NAME_ACCESSOR(ssr_results_outcome, (const ssr_results* results, size_t result),
                  ssr::OutcomeName(ResultOf(results, result).result))

size_t ssr_results_team_size(const ssr_results* results, size_t result) {
  return Get(__func__, size_t{0}, [&] { return ResultOf(results, result).team.size(); });
}

SSR_TEXT_ACCESSOR(ssr_results_team_member, (const ssr_results* results, size_t result, size_t index),
                  ssr::capi::Entry(ResultOf(results, result).team, index, "team member"))

size_t ssr_results_handling_count(const ssr_results* results, size_t result) {
  return Get(__func__, size_t{0}, [&] { return ResultOf(results, result).handling.size(); });
}

const char* ssr_results_handling(const ssr_results* results, size_t result, size_t index) {
  return Get(__func__, static_cast<const char*>(nullptr), [&] {
    const std::vector<ssr::Handling>& handling = ResultOf(results, result).handling;
    CheckIndex(index, handling.size(), "handling");
    return ssr::capi::Interned(ssr::HandlingName(handling[index]));
  });
}

// --- Check options -------------------------------------------------------------------------------------

ssr_status ssr_check_options_create(ssr_check_options** out) {
  return Run(__func__, [&] {
    OutHandle(out, "out");
    *out = new ssr_check_options();
  });
}

void ssr_check_options_destroy(ssr_check_options* options) { delete options; }

ssr_status ssr_check_options_set_string(ssr_check_options* options, ssr_check_option key, const char* value) {
  return Run(__func__, [&] {
    NotNull(options, "options");
    ssr::capi::RequireCheckKey(key, /*string_key=*/true);
    std::optional<absl::CivilDay> day = ssr::capi::Day(value, "SSR_CHECK_AS_OF", /*optional=*/true);
    std::string text = ssr::capi::DayText(day);
    options->as_of.swap(text);
  });
}

ssr_status ssr_check_options_set_int(ssr_check_options* options, ssr_check_option key, int64_t value) {
  return Run(__func__, [&] {
    NotNull(options, "options");
    ssr::capi::RequireCheckKey(key, /*string_key=*/false);
    if (value != 0 && value != 1) {
      ThrowArgument(absl::StrCat("SSR_CHECK_COUNT_FULL_COVERAGE must be 0 or 1, not ", value));
    }
    options->count_full_coverage = value;
  });
}

ssr_status ssr_check_options_get_string(const ssr_check_options* options, ssr_check_option key,
                                        const char** out_value) {
  return Run(__func__, [&] {
    NotNull(options, "options");
    NotNull(out_value, "out_value");
    ssr::capi::RequireCheckKey(key, /*string_key=*/true);
    *out_value = options->as_of.c_str();
  });
}

ssr_status ssr_check_options_get_int(const ssr_check_options* options, ssr_check_option key,
                                     int64_t* out_value) {
  return Run(__func__, [&] {
    NotNull(options, "options");
    NotNull(out_value, "out_value");
    ssr::capi::RequireCheckKey(key, /*string_key=*/false);
    *out_value = options->count_full_coverage;
  });
}

ssr_status ssr_check_options_add_plan(ssr_check_options* options, const ssr_plan* plan) {
  return Run(__func__, [&] {
    NotNull(options, "options");
    options->plans.push_back(NotNull(plan, "plan")->plan);
  });
}

ssr_status ssr_check_options_add_record(ssr_check_options* options, const ssr_record* record) {
  return Run(__func__, [&] {
    NotNull(options, "options");
    options->records.push_back(NotNull(record, "record")->record);
  });
}

ssr_status ssr_check_options_add_history(ssr_check_options* options, const ssr_plan* plan) {
  return Run(__func__, [&] {
    NotNull(options, "options");
    options->history.push_back(NotNull(plan, "plan")->plan);
  });
}

size_t ssr_check_options_plan_count(const ssr_check_options* options) {
  return Get(__func__, size_t{0}, [&] { return NotNull(options, "options")->plans.size(); });
}

size_t ssr_check_options_record_count(const ssr_check_options* options) {
  return Get(__func__, size_t{0}, [&] { return NotNull(options, "options")->records.size(); });
}

size_t ssr_check_options_history_count(const ssr_check_options* options) {
  return Get(__func__, size_t{0}, [&] { return NotNull(options, "options")->history.size(); });
}

ssr_status ssr_check_options_set_results(ssr_check_options* options, const ssr_results* results) {
  return Run(__func__, [&] {
    NotNull(options, "options");
    std::optional<ssr::ResultSet> copy;
    if (results != nullptr) copy = results->results;
    options->results.swap(copy);
  });
}

ssr_status ssr_check_options_set_summary_submitted(ssr_check_options* options, const char* quarter,
                                                   const char* date) {
  return Run(__func__,
             [&] { ssr::capi::SetSubmitted(options, &ssr_check_options::summary_submitted, quarter, date); });
}

ssr_status ssr_check_options_set_statistics_submitted(ssr_check_options* options, const char* quarter,
                                                      const char* date) {
  return Run(__func__, [&] {
    ssr::capi::SetSubmitted(options, &ssr_check_options::statistics_submitted, quarter, date);
  });
}

ssr_status ssr_check_options_set_calendar(ssr_check_options* options, const ssr_calendar* calendar) {
  return Run(__func__, [&] {
    NotNull(options, "options");
    std::optional<ssr::WorkingDayCalendar> copy;
    if (calendar != nullptr) copy = calendar->calendar;
    options->calendar.swap(copy);
  });
}

ssr_status ssr_check_options_clear_inputs(ssr_check_options* options) {
  return Run(__func__, [&] {
    NotNull(options, "options");
    options->plans.clear();
    options->records.clear();
    options->history.clear();
    options->results.reset();
    options->summary_submitted.clear();
    options->statistics_submitted.clear();
  });
}

// --- The check -----------------------------------------------------------------------------------------

ssr_status ssr_check(const ssr_policy* policy, const char* period, const ssr_bureau* bureau,
                     const ssr_check_options* options, ssr_check_report** out) {
  return Run(__func__, [&] {
    OutHandle(out, "out");
    NotNull(policy, "policy");
    NotNull(options, "options");
    ssr::Period parsed = Value(ssr::Period::Parse(Text(period, "period")));
    ssr::CheckInput input;
    input.plans = options->plans;
    input.records = options->records;
    input.results = options->results;
    input.bureau = bureau == nullptr ? nullptr : &bureau->bureau;
    input.history = options->history;
    if (!options->as_of.empty()) input.as_of = Value(ssr::ParseDate(options->as_of));
    input.summary_submitted = options->summary_submitted;
    input.statistics_submitted = options->statistics_submitted;
    input.calendar = options->calendar.has_value() ? &*options->calendar : nullptr;
    input.count_full_coverage_in_shares = options->count_full_coverage != 0;
    auto report = std::make_unique<ssr_check_report>();
    report->report = Value(ssr::Check(policy->policy, parsed, input));
    report->as_of = ssr::capi::DayText(report->report.as_of);
    for (const ssr::Finding& finding : report->report.findings) {
      report->due.push_back(ssr::capi::DayText(finding.due));
    }
    *out = report.release();
  });
}

void ssr_check_report_destroy(ssr_check_report* report) { delete report; }

ssr_status ssr_check_report_to_json(const ssr_check_report* report, char** out_json) {
  return Run(__func__, [&] {
    const ssr::ComplianceReport& r = ReportOf(report);
    OutHandle(out_json, "out_json");
    *out_json = NewString(r.ToJson());
  });
}

ssr_status ssr_check_report_to_text(const ssr_check_report* report, int max_records, char** out_text) {
  return Run(__func__, [&] {
    const ssr::ComplianceReport& r = ReportOf(report);
    OutHandle(out_text, "out_text");
    *out_text = NewString(r.ToText(max_records <= 0 ? 8 : max_records));
  });
}

int ssr_check_report_ok(const ssr_check_report* report) {
  return Get(__func__, -1, [&] { return ReportOf(report).ok() ? 1 : 0; });
}

int64_t ssr_check_report_status_count(const ssr_check_report* report, const char* status) {
  return Get(__func__, int64_t{-1}, [&]() -> int64_t {
    const ssr::ComplianceReport& r = ReportOf(report);
    absl::string_view name = Text(status, "status");
    for (ssr::FindingStatus s :
         {ssr::FindingStatus::kMet, ssr::FindingStatus::kShort, ssr::FindingStatus::kViolated,
          ssr::FindingStatus::kNotYetDue, ssr::FindingStatus::kUnknown}) {
      if (ssr::FindingStatusName(s) == name) return r.Count(s);
    }
    ThrowArgument(absl::StrCat("unknown finding status '", name,
                               "' (expected met, short, violated, not_yet_due or unknown)"));
  });
}

SSR_TEXT_ACCESSOR(ssr_check_report_period, (const ssr_check_report* report), ReportOf(report).period)
SSR_NAME_ACCESSOR(ssr_check_report_mode, (const ssr_check_report* report),
                  ssr::CheckModeName(ReportOf(report).mode))
SSR_TEXT_ACCESSOR(ssr_check_report_as_of, (const ssr_check_report* report), (ReportOf(report), report->as_of))
SSR_TEXT_ACCESSOR(ssr_check_report_bureau, (const ssr_check_report* report), ReportOf(report).bureau)
SSR_TEXT_ACCESSOR(ssr_check_report_policy_name, (const ssr_check_report* report),
                  ReportOf(report).policy_name)

size_t ssr_check_report_note_count(const ssr_check_report* report) {
  return Get(__func__, size_t{0}, [&] { return ReportOf(report).notes.size(); });
}

SSR_TEXT_ACCESSOR(ssr_check_report_note, (const ssr_check_report* report, size_t index),
                  ssr::capi::Entry(ReportOf(report).notes, index, "note"))

size_t ssr_check_report_finding_count(const ssr_check_report* report) {
  return Get(__func__, size_t{0}, [&] { return ReportOf(report).findings.size(); });
}

SSR_TEXT_ACCESSOR(ssr_check_report_finding_rule, (const ssr_check_report* report, size_t finding),
                  FindingOf(report, finding).rule)
SSR_NAME_ACCESSOR(ssr_check_report_finding_status, (const ssr_check_report* report, size_t finding),
                  ssr::FindingStatusName(FindingOf(report, finding).status))
SSR_NAME_ACCESSOR(ssr_check_report_finding_status_label, (const ssr_check_report* report, size_t finding),
                  ssr::FindingStatusLabel(FindingOf(report, finding).status))
SSR_TEXT_ACCESSOR(ssr_check_report_finding_period, (const ssr_check_report* report, size_t finding),
                  FindingOf(report, finding).scope.period)
SSR_TEXT_ACCESSOR(ssr_check_report_finding_pool, (const ssr_check_report* report, size_t finding),
                  FindingOf(report, finding).scope.pool)
SSR_TEXT_ACCESSOR(ssr_check_report_finding_credit_class, (const ssr_check_report* report, size_t finding),
                  FindingOf(report, finding).scope.credit_class)
SSR_TEXT_ACCESSOR(ssr_check_report_finding_area, (const ssr_check_report* report, size_t finding),
                  FindingOf(report, finding).scope.area)
SSR_TEXT_ACCESSOR(ssr_check_report_finding_measured_text, (const ssr_check_report* report, size_t finding),
                  FindingOf(report, finding).measured_text)
SSR_TEXT_ACCESSOR(ssr_check_report_finding_required_text, (const ssr_check_report* report, size_t finding),
                  FindingOf(report, finding).required_text)
SSR_TEXT_ACCESSOR(ssr_check_report_finding_hint, (const ssr_check_report* report, size_t finding),
                  FindingOf(report, finding).hint)
SSR_TEXT_ACCESSOR(ssr_check_report_finding_due, (const ssr_check_report* report, size_t finding),
                  (FindingOf(report, finding), report->due[finding]))

#define SSR_FINDING_NUMBER(function, field)                                                           \
  int64_t function(const ssr_check_report* report, size_t finding) {                                  \
    return Get(__func__, int64_t{-1}, [&]() -> int64_t { return FindingOf(report, finding).field; }); \
  }
SSR_FINDING_NUMBER(ssr_check_report_finding_measured, measured)
SSR_FINDING_NUMBER(ssr_check_report_finding_base, base)
SSR_FINDING_NUMBER(ssr_check_report_finding_required, required)
SSR_FINDING_NUMBER(ssr_check_report_finding_shortfall, shortfall)
#undef SSR_FINDING_NUMBER

size_t ssr_check_report_finding_record_count(const ssr_check_report* report, size_t finding) {
  return Get(__func__, size_t{0}, [&] { return FindingOf(report, finding).records.size(); });
}

SSR_TEXT_ACCESSOR(ssr_check_report_finding_record,
                  (const ssr_check_report* report, size_t finding, size_t index),
                  ssr::capi::Entry(FindingOf(report, finding).records, index, "record"))

size_t ssr_rule_count(void) {
  return Get(__func__, size_t{0}, [] { return ssr::RuleIds().size(); });
}

SSR_TEXT_ACCESSOR(ssr_rule_id, (size_t index), ssr::capi::Entry(ssr::RuleIds(), index, "rule"))

const char* ssr_rule_title(const char* rule) {
  return Get(__func__, static_cast<const char*>(nullptr), [&] {
    absl::string_view id = Text(rule, "rule");
    absl::string_view title = ssr::RuleTitle(id);
    if (title.empty()) {
      throw ssr::capi::ApiError{SSR_NOT_FOUND, absl::StrCat("unknown rule '", id, "'")};
    }
    return ssr::capi::Interned(title);
  });
}

// --- Quarterly report texts ----------------------------------------------------------------------------

ssr_status ssr_statistics_table(const ssr_bureau* bureau, const ssr_policy* policy, const ssr_plan* plan,
                                const ssr_results* results, const char* as_of, ssr_format format,
                                int chinese_headers, char** out_text) {
  return Run(__func__, [&] {
    OutHandle(out_text, "out_text");
    NotNull(bureau, "bureau");
    NotNull(policy, "policy");
    NotNull(plan, "plan");
    const ssr::ResultSet& r = ssr::capi::ResultsOf(results);
    ssr::capi::RequireFormat(format);
    std::optional<absl::CivilDay> day = ssr::capi::Day(as_of, "as_of", /*optional=*/true);
    ssr::StatisticsTable table =
        Value(ssr::BuildStatistics(bureau->bureau, policy->policy, plan->plan, r, day));
    *out_text = NewString(format == SSR_FORMAT_JSON ? table.ToJson() : table.ToCsv(chinese_headers != 0));
  });
}

ssr_status ssr_disclosure(const ssr_bureau* bureau, const ssr_plan* plan, const ssr_results* results,
                          const char* as_of, const ssr_record* record, ssr_format format, int chinese_headers,
                          char** out_text) {
  return Run(__func__, [&] {
    OutHandle(out_text, "out_text");
    NotNull(bureau, "bureau");
    NotNull(plan, "plan");
    const ssr::ResultSet& r = ssr::capi::ResultsOf(results);
    ssr::capi::RequireFormat(format);
    absl::CivilDay day = *ssr::capi::Day(as_of, "as_of", /*optional=*/false);
    ssr::Disclosure disclosure = Value(ssr::BuildDisclosure(bureau->bureau, plan->plan, r, day,
                                                            record == nullptr ? nullptr : &record->record));
    *out_text =
        NewString(format == SSR_FORMAT_JSON ? disclosure.ToJson() : disclosure.ToCsv(chinese_headers != 0));
  });
}

}  // extern "C"

#undef SSR_NAME_ACCESSOR
#undef SSR_TEXT_ACCESSOR
