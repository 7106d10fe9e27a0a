// Bindings for results, compliance checks and reports. Plans, records, results and reports cross the
// boundary as JSON text (dates as "YYYY-MM-DD", "" for none), which the Python layer (ssrandom.check) wraps;
// checks run without the GIL.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "register.h"
#include "ssrandom/check.h"
#include "ssrandom/date.h"
#include "ssrandom/plan.h"
#include "ssrandom/policy.h"
#include "ssrandom/record.h"
#include "ssrandom/report.h"
#include "ssrandom/results.h"

namespace py = pybind11;

namespace ssr::bindings {
namespace {

std::optional<absl::CivilDay> OptionalDay(const std::string& text, const char* what) {
  if (text.empty()) return std::nullopt;
  absl::StatusOr<absl::CivilDay> day = ParseDate(text);
  if (!day.ok()) ThrowIfError(absl::InvalidArgumentError(absl::StrCat(what, ": ", day.status().message())));
  return *day;
}

std::vector<Plan> Plans(const std::vector<std::string>& texts, const char* what) {
  std::vector<Plan> plans;
  for (size_t i = 0; i < texts.size(); ++i) {
    plans.push_back(ValueOrThrow(Plan::FromJson(texts[i], absl::StrCat(what, " ", i + 1))));
  }
  return plans;
}

// Results cross as the JSON a Results object holds, validated when it was loaded; the checks and reports
// validate the periods they use again.
ResultSet Results(const std::string& json) {
  return ValueOrThrow(ParseResults(json, /*json=*/true, "results"));
}

py::tuple ResultsTuple(const ResultSet& results) {
  return py::make_tuple(results.ToJson(), results.ToCsv(false), results.ToCsv(true));
}

std::map<std::string, absl::CivilDay> Days(const std::map<std::string, std::string>& texts,
                                           const char* what) {
  std::map<std::string, absl::CivilDay> days;
  for (const auto& [period, text] : texts) days[period] = *OptionalDay(text, what);
  return days;
}

}  // namespace

void RegisterCheck(py::module_& m) {
  m.def(
      "results_read",
      [](const std::string& text, bool json, const std::string& source, const std::vector<std::string>& plans,
         const Bureau* bureau) {
        std::vector<Plan> parsed = Plans(plans, "plan");
        ResultsValidation validation;
        if (bureau != nullptr) validation.staff = &bureau->staff;
        QualityReport report;
        absl::StatusOr<ResultSet> results = ReadResults(text, json, source, parsed, validation, &report);
        ThrowIfError(results.status());
        return py::make_tuple(ResultsTuple(*results), report.ToJson());
      },
      py::arg("text"), py::arg("json"), py::arg("source"), py::arg("plans"), py::arg("bureau") = nullptr);

  m.def(
      "simulate_results",
      [](const std::string& plan_json, const Bureau& bureau, const std::string& seed,
         const std::string& as_of, bool faults) {
        Plan plan = ValueOrThrow(Plan::FromJson(plan_json, "plan"));
        SimulationOptions options;
        if (!seed.empty()) options.seed = seed;
        options.as_of = OptionalDay(as_of, "as_of");
        options.fault_late_entry = options.fault_late_publication = options.fault_team_of_one = faults;
        return ResultsTuple(ValueOrThrow(SimulateResults(plan, bureau, options)));
      },
      py::arg("plan"), py::arg("bureau"), py::arg("seed"), py::arg("as_of"), py::arg("faults"));

  m.def(
      "check",
      [](const Policy& policy, const std::string& period_text, const std::vector<std::string>& plans,
         const std::vector<std::string>& records, const std::optional<std::string>& results,
         const Bureau* bureau, const std::vector<std::string>& history, const std::string& as_of,
         const std::map<std::string, std::string>& summary,
         const std::map<std::string, std::string>& statistics, bool count_full_coverage) {
        Period period = ValueOrThrow(Period::Parse(period_text));
        CheckInput input;
        input.plans = Plans(plans, "plan");
        for (size_t i = 0; i < records.size(); ++i) {
          input.records.push_back(
              ValueOrThrow(DrawRecord::FromJson(records[i], absl::StrCat("record ", i + 1))));
        }
        input.history = Plans(history, "history plan");
        if (results) input.results = Results(*results);
        input.bureau = bureau;
        input.as_of = OptionalDay(as_of, "as_of");
        input.summary_submitted = Days(summary, "summary submitted");
        input.statistics_submitted = Days(statistics, "statistics submitted");
        input.count_full_coverage_in_shares = count_full_coverage;
        absl::StatusOr<ComplianceReport> report;
        {
          py::gil_scoped_release release;
          report = Check(policy, period, input);
        }
        ThrowIfError(report.status());
        return py::make_tuple(report->ToJson(), report->ToText(), report->ok());
      },
      py::arg("policy"), py::arg("period"), py::arg("plans"), py::arg("records"), py::arg("results"),
      py::arg("bureau"), py::arg("history"), py::arg("as_of"), py::arg("summary_submitted"),
      py::arg("statistics_submitted"), py::arg("count_full_coverage"));

  m.def(
      "statistics",
      [](const Bureau& bureau, const Policy& policy, const std::string& plan_json,
         const std::string& results_json, const std::string& as_of) {
        Plan plan = ValueOrThrow(Plan::FromJson(plan_json, "plan"));
        ResultSet results = Results(results_json);
        StatisticsTable table =
            ValueOrThrow(BuildStatistics(bureau, policy, plan, results, OptionalDay(as_of, "as_of")));
        return py::make_tuple(table.ToJson(), table.ToCsv(false), table.ToCsv(true));
      },
      py::arg("bureau"), py::arg("policy"), py::arg("plan"), py::arg("results"), py::arg("as_of"));

  m.def(
      "disclosure",
      [](const Bureau& bureau, const std::string& plan_json, const std::string& results_json,
         const std::string& as_of, const std::optional<std::string>& record_json) {
        Plan plan = ValueOrThrow(Plan::FromJson(plan_json, "plan"));
        ResultSet results = Results(results_json);
        std::optional<DrawRecord> record;
        if (record_json) record = ValueOrThrow(DrawRecord::FromJson(*record_json, "record"));
        Disclosure disclosure = ValueOrThrow(BuildDisclosure(
            bureau, plan, results, *OptionalDay(as_of, "as_of"), record ? &*record : nullptr));
        std::vector<std::pair<std::string, std::string>> withheld;
        for (const Withheld& w : disclosure.withheld) withheld.emplace_back(w.task_id, w.reason);
        return py::make_tuple(disclosure.ToJson(), disclosure.ToCsv(false), disclosure.ToCsv(true), withheld);
      },
      py::arg("bureau"), py::arg("plan"), py::arg("results"), py::arg("as_of"), py::arg("record"));

  m.def("rule_ids", &RuleIds);
  m.def("rule_title", [](const std::string& rule) { return std::string(RuleTitle(rule)); });
}

}  // namespace ssr::bindings
