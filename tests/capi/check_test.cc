// Inspection results, compliance checks, statistics and disclosure through the C ABI.
#include <cstdint>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "capi_test_util.h"
#include "gtest/gtest.h"

namespace {

using ssr_test::Contains;
using ssr_test::Message;
using ssr_test::Plan;
using ssr_test::Policy;
using ssr_test::Take;
using Results = ssr_test::Owned<ssr_results, ssr_results_destroy>;
using CheckOptions = ssr_test::Owned<ssr_check_options, ssr_check_options_destroy>;
using CheckReport = ssr_test::Owned<ssr_check_report, ssr_check_report_destroy>;

const char* const kSampleResults = "data/sample_results/2024Q1/";

// The bundled sample quarter: its plan (drawn without teams) and its simulated results.
Plan SamplePlan() {
  const std::string json =
      ssr_test::ReadFile(ssr_test::SourcePath(std::string(kSampleResults) + "plan.json"));
  ssr_plan* plan = nullptr;
  EXPECT_EQ(ssr_plan_from_json(json.data(), json.size(), "plan.json", &plan), SSR_OK) << Message();
  return Plan(plan);
}

Results ReadResults(const std::string& text, ssr_format format, const ssr_plan* plan,
                    const ssr_bureau* bureau = nullptr) {
  ssr_results* results = nullptr;
  EXPECT_EQ(ssr_results_read(text.data(), text.size(), format, nullptr, &plan, 1, bureau, &results, nullptr),
            SSR_OK)
      << Message();
  return Results(results);
}

std::string ResultsJson(const ssr_results* results) {
  char* json = nullptr;
  EXPECT_EQ(ssr_results_to_json(results, &json), SSR_OK) << Message();
  return Take(json);
}

std::string ResultsCsv(const ssr_results* results, int chinese) {
  char* csv = nullptr;
  EXPECT_EQ(ssr_results_to_csv(results, chinese, &csv), SSR_OK) << Message();
  return Take(csv);
}

CheckOptions NewOptions() {
  ssr_check_options* options = nullptr;
  EXPECT_EQ(ssr_check_options_create(&options), SSR_OK) << Message();
  return CheckOptions(options);
}

CheckReport Check(const ssr_policy* policy, const char* period, const ssr_bureau* bureau,
                  const ssr_check_options* options) {
  ssr_check_report* report = nullptr;
  EXPECT_EQ(ssr_check(policy, period, bureau, options, &report), SSR_OK) << Message();
  return CheckReport(report);
}

// The index of the first finding of `rule`, or the count when there is none.
size_t FindRule(const ssr_check_report* report, const std::string& rule) {
  const size_t n = ssr_check_report_finding_count(report);
  for (size_t i = 0; i < n; ++i) {
    if (rule == ssr_check_report_finding_rule(report, i)) return i;
  }
  return n;
}

std::string Status(const ssr_check_report* report, const std::string& rule) {
  const char* status = ssr_check_report_finding_status(report, FindRule(report, rule));
  return status == nullptr ? "<none>" : status;
}

struct SampleQuarter {
  ssr_test::Bureau bureau = ssr_test::SampleBureau();
  Policy policy = ssr_test::Preset();
  Plan plan = SamplePlan();
  Results results =
      ReadResults(ssr_test::ReadFile(ssr_test::SourcePath(std::string(kSampleResults) + "results.csv")),
                  SSR_FORMAT_CSV, plan.get(), bureau.get());
};

// --- Rules ---------------------------------------------------------------------------------------------

TEST(CapiRulesTest, RuleIdsAndTitles) {
  ASSERT_EQ(ssr_rule_count(), 17u);
  EXPECT_STREQ(ssr_rule_id(0), "Q-SPECIAL");
  EXPECT_STREQ(ssr_rule_id(16), "D-STATISTICS");
  std::set<std::string> ids;
  for (size_t i = 0; i < ssr_rule_count(); ++i) {
    ids.insert(ssr_rule_id(i));
    const char* title = ssr_rule_title(ssr_rule_id(i));
    ASSERT_NE(title, nullptr) << ssr_rule_id(i);
    EXPECT_GT(std::strlen(title), 5u);
  }
  EXPECT_EQ(ids.size(), 17u);
  EXPECT_EQ(ssr_rule_id(17), nullptr);
  EXPECT_EQ(Message(), "ssr_rule_id: rule index 17 is out of range (there are 17)");
  EXPECT_EQ(ssr_rule_title("Q-NOPE"), nullptr);
  EXPECT_EQ(Message(), "unknown rule 'Q-NOPE'");
  EXPECT_EQ(ssr_rule_title(nullptr), nullptr);
  EXPECT_EQ(Message(), "ssr_rule_title: rule is NULL");
}

// --- Results -------------------------------------------------------------------------------------------

TEST(CapiResultsTest, TheSampleResultsReadFromCsvAndJsonAlike) {
  SampleQuarter s;
  ASSERT_NE(s.results, nullptr);
  EXPECT_EQ(ssr_results_count(s.results.get()), 438u);
  // The first row of results.csv.
  EXPECT_STREQ(ssr_results_task_id(s.results.get(), 0), "2024Q1/XL-00978");
  EXPECT_STREQ(ssr_results_inspection_date(s.results.get(), 0), "2024-03-22");
  EXPECT_STREQ(ssr_results_method(s.results.get(), 0), "on_site");
  EXPECT_STREQ(ssr_results_outcome(s.results.get(), 0), "problem_found");
  ASSERT_EQ(ssr_results_team_size(s.results.get(), 0), 3u);
  EXPECT_STREQ(ssr_results_team_member(s.results.get(), 0, 0), "I-026");
  EXPECT_STREQ(ssr_results_team_member(s.results.get(), 0, 2), "I-036");
  ASSERT_EQ(ssr_results_handling_count(s.results.get(), 0), 3u);
  EXPECT_STREQ(ssr_results_handling(s.results.get(), 0, 0), "rectification");
  EXPECT_STREQ(ssr_results_handling(s.results.get(), 0, 1), "penalty_case");
  EXPECT_STREQ(ssr_results_handling(s.results.get(), 0, 2), "credit_record");
  EXPECT_STREQ(ssr_results_entry_date(s.results.get(), 0), "2024-04-01");
  EXPECT_STREQ(ssr_results_publication_date(s.results.get(), 0), "2024-04-16");
  EXPECT_STREQ(ssr_results_team_change_reason(s.results.get(), 0), "");
  EXPECT_STREQ(ssr_results_note(s.results.get(), 0), "");
  EXPECT_STREQ(ssr_results_outcome(s.results.get(), 1), "no_problem");
  EXPECT_EQ(ssr_results_handling_count(s.results.get(), 1), 0u);
  size_t index = 0;
  ASSERT_EQ(ssr_results_find(s.results.get(), "2024Q1/XL-01066", &index), SSR_OK) << Message();
  EXPECT_EQ(index, 1u);

  const std::string json = ResultsJson(s.results.get());
  EXPECT_TRUE(Contains(json, "\"format\": \"ssrandom-results\"")) << json.substr(0, 200);
  Results from_json =
      ReadResults(ssr_test::ReadFile(ssr_test::SourcePath(std::string(kSampleResults) + "results.json")),
                  SSR_FORMAT_JSON, s.plan.get());
  EXPECT_EQ(ResultsJson(from_json.get()), json);
  // CSV with English or Chinese headers reads back to the same results.
  const std::string english = ResultsCsv(s.results.get(), 0);
  const std::string chinese = ResultsCsv(s.results.get(), 1);
  EXPECT_NE(english, chinese);
  EXPECT_TRUE(Contains(chinese, "检查日期")) << chinese.substr(0, 200);
  EXPECT_EQ(ResultsJson(ReadResults(english, SSR_FORMAT_CSV, s.plan.get()).get()), json);
  EXPECT_EQ(ResultsJson(ReadResults(chinese, SSR_FORMAT_CSV, s.plan.get()).get()), json);
}

TEST(CapiResultsTest, LoadReadsAFileByItsExtension) {
  SampleQuarter s;
  const ssr_plan* plans[] = {s.plan.get()};
  ssr_results* raw = nullptr;
  ssr_quality_report* report = nullptr;
  ASSERT_EQ(ssr_results_load(ssr_test::SourcePath(std::string(kSampleResults) + "results.json").c_str(),
                             plans, 1, s.bureau.get(), &raw, &report),
            SSR_OK)
      << Message();
  Results results(raw);
  ssr_test::Report owned(report);
  EXPECT_EQ(ResultsJson(results.get()), ResultsJson(s.results.get()));
  EXPECT_EQ(ssr_quality_report_error_count(report), 0);

  raw = reinterpret_cast<ssr_results*>(&raw);
  EXPECT_EQ(ssr_results_load("/no/such/results.csv", plans, 1, nullptr, &raw, nullptr), SSR_NOT_FOUND);
  EXPECT_EQ(raw, nullptr);
  EXPECT_EQ(ssr_results_load(ssr_test::SourcePath("README.md").c_str(), plans, 1, nullptr, &raw, nullptr),
            SSR_INVALID_ARGUMENT);
  EXPECT_FALSE(Message().empty());
  EXPECT_EQ(ssr_results_load(nullptr, plans, 1, nullptr, &raw, nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(Message(), "ssr_results_load: path is NULL");
  EXPECT_EQ(ssr_results_load("x.csv", plans, 1, nullptr, nullptr, nullptr), SSR_INVALID_ARGUMENT);
}

TEST(CapiResultsTest, BadResultsAreRefusedWithEveryProblemInTheReport) {
  SampleQuarter s;
  const ssr_plan* plans[] = {s.plan.get()};
  const std::string csv =
      "task_id,inspection_date,method,team,team_change_reason,result,handling,entry_date,publication_date,"
      "note\n"
      "2024Q1/XL-99999,2024-02-01,on_site,I-001;I-002,,no_problem,,,,\n"
      "2024Q1/XL-00978,2024-07-01,on_site,I-001;I-404,,no_problem,,,,\n";
  ssr_results* results = reinterpret_cast<ssr_results*>(&results);
  ssr_quality_report* report = nullptr;
  EXPECT_EQ(ssr_results_read(csv.data(), csv.size(), SSR_FORMAT_CSV, "mine.csv", plans, 1, s.bureau.get(),
                             &results, &report),
            SSR_INVALID_ARGUMENT);
  ssr_test::Report owned(report);
  EXPECT_EQ(results, nullptr);
  EXPECT_TRUE(Contains(Message(), "mine.csv")) << Message();
  ASSERT_NE(report, nullptr);
  std::set<std::string> codes;
  for (size_t i = 0; i < ssr_quality_report_issue_count(report); ++i) {
    codes.insert(ssr_quality_report_issue_code(report, i));
  }
  EXPECT_EQ(codes.count("unknown_task"), 1u);
  EXPECT_EQ(codes.count("unknown_inspector"), 1u);
  EXPECT_EQ(codes.count("date_outside_period"), 1u);
  // Bad arguments: the report is NULL after them.
  report = reinterpret_cast<ssr_quality_report*>(&report);
  EXPECT_EQ(ssr_results_read(csv.data(), csv.size(), static_cast<ssr_format>(7), nullptr, plans, 1, nullptr,
                             &results, &report),
            SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "unknown format 7")) << Message();
  EXPECT_EQ(report, nullptr);
  EXPECT_EQ(ssr_results_read(csv.data(), csv.size(), SSR_FORMAT_CSV, nullptr, nullptr, 1, nullptr, &results,
                             nullptr),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(Message(), "ssr_results_read: plans is NULL");
  const ssr_plan* holes[] = {s.plan.get(), nullptr};
  EXPECT_EQ(
      ssr_results_read(csv.data(), csv.size(), SSR_FORMAT_CSV, nullptr, holes, 2, nullptr, &results, nullptr),
      SSR_INVALID_ARGUMENT);
  EXPECT_EQ(Message(), "ssr_results_read: plans[1] is NULL");
  EXPECT_EQ(ssr_results_read(nullptr, 4, SSR_FORMAT_CSV, nullptr, plans, 1, nullptr, &results, nullptr),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(
      ssr_results_read(csv.data(), csv.size(), SSR_FORMAT_CSV, nullptr, plans, 1, nullptr, nullptr, nullptr),
      SSR_INVALID_ARGUMENT);
  // Malformed JSON.
  const std::string json = "{\"results\": [";
  EXPECT_EQ(ssr_results_read(json.data(), json.size(), SSR_FORMAT_JSON, nullptr, plans, 1, nullptr, &results,
                             nullptr),
            SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "results.json")) << Message();
  // Without plans every task is unknown.
  EXPECT_EQ(ssr_results_read(csv.data(), csv.size(), SSR_FORMAT_CSV, nullptr, nullptr, 0, nullptr, &results,
                             nullptr),
            SSR_INVALID_ARGUMENT);
}

TEST(CapiResultsTest, AccessorsFallBackOnNullAndOutOfRange) {
  SampleQuarter s;
  const ssr_results* r = s.results.get();
  const size_t n = ssr_results_count(r);
  EXPECT_EQ(ssr_results_count(nullptr), 0u);
  EXPECT_EQ(Message(), "ssr_results_count: results is NULL");
  for (const char* (*text)(const ssr_results*, size_t) :
       {ssr_results_task_id, ssr_results_inspection_date, ssr_results_method, ssr_results_outcome,
        ssr_results_team_change_reason, ssr_results_entry_date, ssr_results_publication_date,
        ssr_results_note}) {
    EXPECT_EQ(text(r, n), nullptr);
    EXPECT_TRUE(Contains(Message(), "result index " + std::to_string(n) + " is out of range")) << Message();
    EXPECT_EQ(text(nullptr, 0), nullptr);
    EXPECT_TRUE(Contains(Message(), "results is NULL")) << Message();
  }
  EXPECT_EQ(ssr_results_team_size(r, n), 0u);
  EXPECT_EQ(ssr_results_handling_count(r, n), 0u);
  EXPECT_EQ(ssr_results_team_member(r, 0, 3), nullptr);
  EXPECT_TRUE(Contains(Message(), "team member index 3")) << Message();
  EXPECT_EQ(ssr_results_handling(r, 0, 3), nullptr);
  EXPECT_TRUE(Contains(Message(), "handling index 3")) << Message();
  size_t index = 12345;
  EXPECT_EQ(ssr_results_find(r, "2024Q1/NOPE", &index), SSR_NOT_FOUND);
  EXPECT_EQ(index, 12345u);
  EXPECT_EQ(ssr_results_find(r, nullptr, &index), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_results_find(r, "x", nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_results_find(nullptr, "x", &index), SSR_INVALID_ARGUMENT);
  char* text = nullptr;
  EXPECT_EQ(ssr_results_to_json(nullptr, &text), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_results_to_json(r, nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_results_to_csv(nullptr, 0, &text), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_results_to_csv(r, 0, nullptr), SSR_INVALID_ARGUMENT);
  ssr_results_destroy(nullptr);  // accepted
}

// --- Check options -------------------------------------------------------------------------------------

TEST(CapiCheckOptionsTest, KeysDefaultsAndRoundTrips) {
  EXPECT_EQ(SSR_CHECK_AS_OF, 1);
  EXPECT_EQ(SSR_CHECK_COUNT_FULL_COVERAGE, 2);
  CheckOptions options = NewOptions();
  const char* text = nullptr;
  int64_t number = -1;
  ASSERT_EQ(ssr_check_options_get_string(options.get(), SSR_CHECK_AS_OF, &text), SSR_OK);
  EXPECT_STREQ(text, "");
  ASSERT_EQ(ssr_check_options_get_int(options.get(), SSR_CHECK_COUNT_FULL_COVERAGE, &number), SSR_OK);
  EXPECT_EQ(number, 0);
  EXPECT_EQ(ssr_check_options_plan_count(options.get()), 0u);
  EXPECT_EQ(ssr_check_options_record_count(options.get()), 0u);
  EXPECT_EQ(ssr_check_options_history_count(options.get()), 0u);
  ASSERT_EQ(ssr_check_options_set_string(options.get(), SSR_CHECK_AS_OF, "2024-04-15"), SSR_OK);
  ASSERT_EQ(ssr_check_options_set_int(options.get(), SSR_CHECK_COUNT_FULL_COVERAGE, 1), SSR_OK);
  ASSERT_EQ(ssr_check_options_get_string(options.get(), SSR_CHECK_AS_OF, &text), SSR_OK);
  EXPECT_STREQ(text, "2024-04-15");
  ASSERT_EQ(ssr_check_options_get_int(options.get(), SSR_CHECK_COUNT_FULL_COVERAGE, &number), SSR_OK);
  EXPECT_EQ(number, 1);
  ASSERT_EQ(ssr_check_options_set_string(options.get(), SSR_CHECK_AS_OF, nullptr), SSR_OK);
  ASSERT_EQ(ssr_check_options_get_string(options.get(), SSR_CHECK_AS_OF, &text), SSR_OK);
  EXPECT_STREQ(text, "");
  ssr_check_options_destroy(nullptr);  // accepted
  EXPECT_EQ(ssr_check_options_create(nullptr), SSR_INVALID_ARGUMENT);
}

TEST(CapiCheckOptionsTest, RefusedValuesLeaveTheOptionsUnchanged) {
  CheckOptions options = NewOptions();
  ASSERT_EQ(ssr_check_options_set_string(options.get(), SSR_CHECK_AS_OF, "2024-04-15"), SSR_OK);
  EXPECT_EQ(ssr_check_options_set_string(options.get(), SSR_CHECK_AS_OF, "2024-13-01"), SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "SSR_CHECK_AS_OF")) << Message();
  EXPECT_EQ(ssr_check_options_set_int(options.get(), SSR_CHECK_COUNT_FULL_COVERAGE, 2), SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "must be 0 or 1, not 2")) << Message();
  EXPECT_EQ(ssr_check_options_set_int(options.get(), SSR_CHECK_AS_OF, 1), SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "SSR_CHECK_AS_OF is a string option")) << Message();
  EXPECT_EQ(ssr_check_options_set_string(options.get(), SSR_CHECK_COUNT_FULL_COVERAGE, "1"),
            SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "is an int option")) << Message();
  const char* text = nullptr;
  int64_t number = 0;
  for (ssr_check_option unknown :
       {static_cast<ssr_check_option>(0), static_cast<ssr_check_option>(99), SSR_CHECK_OPTION_FORCE_INT}) {
    EXPECT_EQ(ssr_check_options_set_string(options.get(), unknown, "2024-01-01"), SSR_INVALID_ARGUMENT);
    EXPECT_TRUE(Contains(Message(), "unknown check option")) << Message();
    EXPECT_EQ(ssr_check_options_set_int(options.get(), unknown, 0), SSR_INVALID_ARGUMENT);
    EXPECT_EQ(ssr_check_options_get_string(options.get(), unknown, &text), SSR_INVALID_ARGUMENT);
    EXPECT_EQ(ssr_check_options_get_int(options.get(), unknown, &number), SSR_INVALID_ARGUMENT);
  }
  EXPECT_EQ(ssr_check_options_get_string(options.get(), SSR_CHECK_COUNT_FULL_COVERAGE, &text),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_check_options_get_int(options.get(), SSR_CHECK_AS_OF, &number), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_check_options_set_string(nullptr, SSR_CHECK_AS_OF, ""), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(Message(), "ssr_check_options_set_string: options is NULL");
  EXPECT_EQ(ssr_check_options_set_int(nullptr, SSR_CHECK_COUNT_FULL_COVERAGE, 0), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_check_options_get_string(nullptr, SSR_CHECK_AS_OF, &text), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_check_options_get_string(options.get(), SSR_CHECK_AS_OF, nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_check_options_get_int(nullptr, SSR_CHECK_COUNT_FULL_COVERAGE, &number), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_check_options_get_int(options.get(), SSR_CHECK_COUNT_FULL_COVERAGE, nullptr),
            SSR_INVALID_ARGUMENT);
  ASSERT_EQ(ssr_check_options_get_string(options.get(), SSR_CHECK_AS_OF, &text), SSR_OK);
  EXPECT_STREQ(text, "2024-04-15");
  ASSERT_EQ(ssr_check_options_get_int(options.get(), SSR_CHECK_COUNT_FULL_COVERAGE, &number), SSR_OK);
  EXPECT_EQ(number, 0);
}

TEST(CapiCheckOptionsTest, InputsAreCopiedCountedAndCleared) {
  SampleQuarter s;
  CheckOptions options = NewOptions();
  {
    Plan copy = SamplePlan();
    ASSERT_EQ(ssr_check_options_add_plan(options.get(), copy.get()), SSR_OK);
    ASSERT_EQ(ssr_check_options_add_history(options.get(), copy.get()), SSR_OK);
  }  // the options keep their own copies
  EXPECT_EQ(ssr_check_options_plan_count(options.get()), 1u);
  EXPECT_EQ(ssr_check_options_history_count(options.get()), 1u);
  ssr_test::Options draw = ssr_test::SeededOptions();
  ssr_test::Drawn drawn = ssr_test::Draw(s.bureau.get(), s.policy.get(), "2024Q1", draw.get());
  ASSERT_EQ(ssr_check_options_add_record(options.get(), drawn.record.get()), SSR_OK);
  EXPECT_EQ(ssr_check_options_record_count(options.get()), 1u);
  ASSERT_EQ(ssr_check_options_set_results(options.get(), s.results.get()), SSR_OK);
  ASSERT_EQ(ssr_check_options_set_results(options.get(), nullptr), SSR_OK);
  ASSERT_EQ(ssr_check_options_set_summary_submitted(options.get(), "2024Q1", "2024-03-25"), SSR_OK);
  ASSERT_EQ(ssr_check_options_set_summary_submitted(options.get(), "2024Q1", nullptr), SSR_OK);
  ASSERT_EQ(ssr_check_options_set_statistics_submitted(options.get(), "2024Q1", "2024-04-02"), SSR_OK);
  ASSERT_EQ(ssr_check_options_set_statistics_submitted(options.get(), "2024Q1", ""), SSR_OK);
  ssr_calendar* calendar = nullptr;
  ASSERT_EQ(ssr_calendar_create_builtin(&calendar), SSR_OK);
  ssr_test::Calendar owned(calendar);
  ASSERT_EQ(ssr_check_options_set_calendar(options.get(), calendar), SSR_OK);
  ASSERT_EQ(ssr_check_options_set_calendar(options.get(), nullptr), SSR_OK);
  ASSERT_EQ(ssr_check_options_set_string(options.get(), SSR_CHECK_AS_OF, "2024-04-15"), SSR_OK);
  ASSERT_EQ(ssr_check_options_clear_inputs(options.get()), SSR_OK);
  EXPECT_EQ(ssr_check_options_plan_count(options.get()), 0u);
  EXPECT_EQ(ssr_check_options_record_count(options.get()), 0u);
  EXPECT_EQ(ssr_check_options_history_count(options.get()), 0u);
  const char* as_of = nullptr;
  ASSERT_EQ(ssr_check_options_get_string(options.get(), SSR_CHECK_AS_OF, &as_of), SSR_OK);
  EXPECT_STREQ(as_of, "2024-04-15");  // keys stay

  // Refused inputs change nothing.
  EXPECT_EQ(ssr_check_options_add_plan(options.get(), nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(Message(), "ssr_check_options_add_plan: plan is NULL");
  EXPECT_EQ(ssr_check_options_add_history(options.get(), nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_check_options_add_record(options.get(), nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_check_options_plan_count(options.get()), 0u);
  EXPECT_EQ(ssr_check_options_add_plan(nullptr, s.plan.get()), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_check_options_add_history(nullptr, s.plan.get()), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_check_options_add_record(nullptr, drawn.record.get()), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_check_options_plan_count(nullptr), 0u);
  EXPECT_EQ(ssr_check_options_record_count(nullptr), 0u);
  EXPECT_EQ(ssr_check_options_history_count(nullptr), 0u);
  EXPECT_EQ(ssr_check_options_set_results(nullptr, s.results.get()), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_check_options_set_calendar(nullptr, nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_check_options_clear_inputs(nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_check_options_set_summary_submitted(options.get(), "2024", "2024-03-25"),
            SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "'2024' is not a quarter")) << Message();
  EXPECT_EQ(ssr_check_options_set_summary_submitted(options.get(), "2024Q9", "2024-03-25"),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_check_options_set_statistics_submitted(options.get(), "2024Q1", "yesterday"),
            SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "date")) << Message();
  EXPECT_EQ(ssr_check_options_set_statistics_submitted(options.get(), nullptr, "2024-04-02"),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_check_options_set_summary_submitted(nullptr, "2024Q1", "2024-03-25"), SSR_INVALID_ARGUMENT);
}

// --- The check -----------------------------------------------------------------------------------------

TEST(CapiCheckTest, AProspectiveCheckOfTheDrawnAndAssignedQuarter) {
  ssr_test::Bureau bureau = ssr_test::SampleBureau();
  Policy policy = ssr_test::Preset();
  ssr_test::Options draw = ssr_test::SeededOptions();
  ssr_test::Drawn drawn = ssr_test::Draw(bureau.get(), policy.get(), "2024Q1", draw.get());
  ssr_team_rules* rules = nullptr;
  ASSERT_EQ(ssr_team_rules_from_policy(policy.get(), &rules), SSR_OK);
  ssr_test::Owned<ssr_team_rules, ssr_team_rules_destroy> owned_rules(rules);
  ssr_plan* assigned = nullptr;
  ssr_team_record* teams = nullptr;
  ASSERT_EQ(ssr_assign_teams(bureau.get(), rules, drawn.plan.get(), nullptr, &assigned, &teams), SSR_OK)
      << Message();
  Plan owned_plan(assigned);
  ssr_test::Owned<ssr_team_record, ssr_team_record_destroy> owned_teams(teams);

  // The entity draw's record names the plan without its teams, so it serves the plan before and after
  // the team draw.
  CheckOptions options = NewOptions();
  ASSERT_EQ(ssr_check_options_add_plan(options.get(), drawn.plan.get()), SSR_OK);
  ASSERT_EQ(ssr_check_options_add_record(options.get(), drawn.record.get()), SSR_OK);
  CheckReport unassigned = Check(policy.get(), "2024Q1", nullptr, options.get());
  ASSERT_NE(unassigned, nullptr);
  EXPECT_EQ(Status(unassigned.get(), "Q-KEY"), "met");
  ASSERT_EQ(ssr_check_options_clear_inputs(options.get()), SSR_OK);
  ASSERT_EQ(ssr_check_options_add_plan(options.get(), assigned), SSR_OK);
  ASSERT_EQ(ssr_check_options_add_record(options.get(), drawn.record.get()), SSR_OK);
  CheckReport assigned_with_record = Check(policy.get(), "2024Q1", nullptr, options.get());
  ASSERT_NE(assigned_with_record, nullptr);
  EXPECT_EQ(Status(assigned_with_record.get(), "Q-KEY"), "met");
  ASSERT_EQ(ssr_check_options_clear_inputs(options.get()), SSR_OK);
  ASSERT_EQ(ssr_check_options_add_plan(options.get(), assigned), SSR_OK);
  ASSERT_EQ(ssr_check_options_set_string(options.get(), SSR_CHECK_AS_OF, "2024-01-10"), SSR_OK);
  CheckReport report = Check(policy.get(), "2024Q1", bureau.get(), options.get());
  ASSERT_NE(report, nullptr);
  EXPECT_STREQ(ssr_check_report_period(report.get()), "2024Q1");
  EXPECT_STREQ(ssr_check_report_mode(report.get()), "prospective");
  EXPECT_STREQ(ssr_check_report_as_of(report.get()), "2024-01-10");
  EXPECT_STREQ(ssr_check_report_bureau(report.get()), ssr_bureau_name(bureau.get()));
  EXPECT_STREQ(ssr_check_report_policy_name(report.get()), "hebei-xinle-2024");
  // The draw meets its quotas and the team draw its team rules.
  EXPECT_EQ(Status(report.get(), "Q-KEY"), "met");
  EXPECT_EQ(Status(report.get(), "Q-SPECIAL"), "met");
  EXPECT_EQ(Status(report.get(), "Q-JOINT-DEPT"), "met");
  EXPECT_EQ(Status(report.get(), "T-SIZE"), "met");
  EXPECT_EQ(Status(report.get(), "T-RECUSAL"), "met");
  // Findings come in rule order, and the status counts add up.
  const size_t n = ssr_check_report_finding_count(report.get());
  ASSERT_GT(n, 10u);
  size_t rule = 0;
  int64_t counted = 0;
  for (const char* status : {"met", "short", "violated", "not_yet_due", "unknown"}) {
    counted += ssr_check_report_status_count(report.get(), status);
  }
  EXPECT_EQ(counted, static_cast<int64_t>(n));
  for (size_t i = 0; i < n; ++i) {
    const std::string id = ssr_check_report_finding_rule(report.get(), i);
    while (rule < ssr_rule_count() && id != ssr_rule_id(rule)) ++rule;
    EXPECT_LT(rule, ssr_rule_count()) << "finding " << i << " (" << id << ") out of rule order";
    EXPECT_EQ(ssr_check_report_finding_period(report.get(), i), std::string("2024Q1"));
    EXPECT_NE(ssr_check_report_finding_status_label(report.get(), i), nullptr);
    EXPECT_NE(ssr_check_report_finding_measured_text(report.get(), i), nullptr);
    EXPECT_NE(ssr_check_report_finding_required_text(report.get(), i), nullptr);
    EXPECT_NE(ssr_check_report_finding_hint(report.get(), i), nullptr);
    EXPECT_NE(ssr_check_report_finding_credit_class(report.get(), i), nullptr);
    EXPECT_NE(ssr_check_report_finding_area(report.get(), i), nullptr);
    EXPECT_GE(ssr_check_report_finding_base(report.get(), i), 0);
    EXPECT_GE(ssr_check_report_finding_shortfall(report.get(), i), 0);
  }
  const size_t key = FindRule(report.get(), "Q-KEY");
  EXPECT_STREQ(ssr_check_report_finding_pool(report.get(), key), "key");
  EXPECT_STREQ(ssr_check_report_finding_status_label(report.get(), key), "达标");
  EXPECT_GE(ssr_check_report_finding_measured(report.get(), key),
            ssr_check_report_finding_required(report.get(), key));
  EXPECT_EQ(ssr_check_report_finding_shortfall(report.get(), key), 0);
  // Deadlines of the quarter are ahead on 2024-01-10.
  const size_t summary = FindRule(report.get(), "D-SUMMARY");
  ASSERT_LT(summary, n);
  EXPECT_STREQ(ssr_check_report_finding_status(report.get(), summary), "not_yet_due");
  EXPECT_EQ(std::strlen(ssr_check_report_finding_due(report.get(), summary)), 10u);
  EXPECT_STREQ(ssr_check_report_finding_due(report.get(), key), "");
  // Text and JSON.
  char* text = nullptr;
  ASSERT_EQ(ssr_check_report_to_json(report.get(), &text), SSR_OK);
  const std::string json = Take(text);
  EXPECT_TRUE(Contains(json, "\"format\": \"ssrandom-compliance\"")) << json.substr(0, 200);
  ASSERT_EQ(ssr_check_report_to_text(report.get(), 0, &text), SSR_OK);
  const std::string readable = Take(text);
  EXPECT_TRUE(Contains(readable, "Q-KEY")) << readable.substr(0, 400);
  EXPECT_TRUE(Contains(readable, "达标")) << readable.substr(0, 400);
}

TEST(CapiCheckTest, ARetrospectiveCheckOfTheSampleResultsFindsTheirFaults) {
  SampleQuarter s;
  CheckOptions options = NewOptions();
  ASSERT_EQ(ssr_check_options_add_plan(options.get(), s.plan.get()), SSR_OK);
  ASSERT_EQ(ssr_check_options_set_results(options.get(), s.results.get()), SSR_OK);
  CheckReport report = Check(s.policy.get(), "2024Q1", s.bureau.get(), options.get());
  EXPECT_STREQ(ssr_check_report_mode(report.get()), "retrospective");
  EXPECT_STREQ(ssr_check_report_as_of(report.get()), "");
  EXPECT_EQ(ssr_check_report_ok(report.get()), 0);
  EXPECT_GE(ssr_check_report_status_count(report.get(), "violated"), 1);
  // The team of one (a simulated fault) is named by its task.
  const size_t size = FindRule(report.get(), "T-SIZE");
  ASSERT_LT(size, ssr_check_report_finding_count(report.get()));
  EXPECT_STREQ(ssr_check_report_finding_status(report.get(), size), "violated");
  EXPECT_STREQ(ssr_check_report_finding_status_label(report.get(), size), "违规");
  ASSERT_GE(ssr_check_report_finding_record_count(report.get(), size), 1u);
  const std::string task = ssr_check_report_finding_record(report.get(), size, 0);
  size_t index = 0;
  ASSERT_EQ(ssr_results_find(s.results.get(), task.c_str(), &index), SSR_OK) << task;
  EXPECT_EQ(ssr_results_team_size(s.results.get(), index), 1u);
  EXPECT_GT(std::strlen(ssr_check_report_finding_hint(report.get(), size)), 0u);
  EXPECT_GE(ssr_check_report_finding_shortfall(report.get(), size), 1);

  // Submission dates decide the deadline rules of a final assessment.
  const size_t summary = FindRule(report.get(), "D-SUMMARY");
  ASSERT_LT(summary, ssr_check_report_finding_count(report.get()));
  const std::string due = ssr_check_report_finding_due(report.get(), summary);
  ASSERT_EQ(due.size(), 10u);
  ASSERT_EQ(ssr_check_options_set_summary_submitted(options.get(), "2024Q1", due.c_str()), SSR_OK);
  CheckReport on_time = Check(s.policy.get(), "2024Q1", s.bureau.get(), options.get());
  EXPECT_EQ(Status(on_time.get(), "D-SUMMARY"), "met");
  ASSERT_EQ(ssr_check_options_set_summary_submitted(options.get(), "2024Q1", "2024-06-28"), SSR_OK);
  CheckReport late = Check(s.policy.get(), "2024Q1", s.bureau.get(), options.get());
  EXPECT_EQ(Status(late.get(), "D-SUMMARY"), "violated");
  ASSERT_EQ(ssr_check_options_set_statistics_submitted(options.get(), "2024q1", "2024-04-01"), SSR_OK);
  CheckReport statistics = Check(s.policy.get(), "2024Q1", s.bureau.get(), options.get());
  EXPECT_EQ(Status(statistics.get(), "D-STATISTICS"), "met");
  // The text names the faulty task; max_records <= 0 means the default, 8.
  char* text = nullptr;
  ASSERT_EQ(ssr_check_report_to_text(report.get(), 0, &text), SSR_OK);
  const std::string readable = Take(text);
  EXPECT_TRUE(Contains(readable, task)) << readable;
  EXPECT_TRUE(Contains(readable, "违规")) << readable;
  ASSERT_EQ(ssr_check_report_to_text(report.get(), 8, &text), SSR_OK);
  EXPECT_EQ(Take(text), readable);
}

TEST(CapiCheckTest, ChecksThatCannotRunAreErrorsAndSetTheReportToNull) {
  SampleQuarter s;
  CheckOptions options = NewOptions();
  ssr_check_report* report = reinterpret_cast<ssr_check_report*>(&report);
  EXPECT_EQ(ssr_check(s.policy.get(), "2024Q1", s.bureau.get(), options.get(), &report),
            SSR_INVALID_ARGUMENT);
  EXPECT_FALSE(Message().empty());
  EXPECT_EQ(report, nullptr);
  ASSERT_EQ(ssr_check_options_add_plan(options.get(), s.plan.get()), SSR_OK);
  EXPECT_EQ(ssr_check(s.policy.get(), "2024Q5", s.bureau.get(), options.get(), &report),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_check(s.policy.get(), "2024Q2", s.bureau.get(), options.get(), &report),
            SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "2024Q1")) << Message();
  // No pool sizes: neither a record nor a bureau.
  EXPECT_EQ(ssr_check(s.policy.get(), "2024Q1", nullptr, options.get(), &report), SSR_INVALID_ARGUMENT);
  // A calendar without 2024 cannot compute the deadlines.
  ssr_calendar* empty = nullptr;
  ASSERT_EQ(ssr_calendar_create_empty(&empty), SSR_OK);
  ssr_test::Calendar owned(empty);
  ASSERT_EQ(ssr_check_options_set_calendar(options.get(), empty), SSR_OK);
  EXPECT_EQ(ssr_check(s.policy.get(), "2024Q1", s.bureau.get(), options.get(), &report), SSR_OUT_OF_RANGE);
  EXPECT_EQ(report, nullptr);
  ASSERT_EQ(ssr_check_options_set_calendar(options.get(), nullptr), SSR_OK);
  // NULLs.
  EXPECT_EQ(ssr_check(nullptr, "2024Q1", s.bureau.get(), options.get(), &report), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(Message(), "ssr_check: policy is NULL");
  EXPECT_EQ(ssr_check(s.policy.get(), nullptr, s.bureau.get(), options.get(), &report), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_check(s.policy.get(), "2024Q1", s.bureau.get(), nullptr, &report), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_check(s.policy.get(), "2024Q1", s.bureau.get(), options.get(), nullptr),
            SSR_INVALID_ARGUMENT);
  // The options still check.
  CheckReport fine = Check(s.policy.get(), "2024Q1", s.bureau.get(), options.get());
  EXPECT_NE(fine, nullptr);
}

TEST(CapiCheckTest, ReportAccessorsFallBackOnNullAndOutOfRange) {
  SampleQuarter s;
  CheckOptions options = NewOptions();
  ASSERT_EQ(ssr_check_options_add_plan(options.get(), s.plan.get()), SSR_OK);
  CheckReport report = Check(s.policy.get(), "2024Q1", s.bureau.get(), options.get());
  const ssr_check_report* r = report.get();
  const size_t n = ssr_check_report_finding_count(r);
  EXPECT_EQ(ssr_check_report_ok(nullptr), -1);
  EXPECT_EQ(Message(), "ssr_check_report_ok: report is NULL");
  EXPECT_EQ(ssr_check_report_status_count(r, "fine"), -1);
  EXPECT_TRUE(Contains(Message(), "unknown finding status 'fine'")) << Message();
  EXPECT_EQ(ssr_check_report_status_count(r, nullptr), -1);
  EXPECT_EQ(ssr_check_report_status_count(nullptr, "met"), -1);
  for (const char* (*text)(const ssr_check_report*) :
       {ssr_check_report_period, ssr_check_report_mode, ssr_check_report_as_of, ssr_check_report_bureau,
        ssr_check_report_policy_name}) {
    EXPECT_EQ(text(nullptr), nullptr);
    EXPECT_TRUE(Contains(Message(), "report is NULL")) << Message();
  }
  EXPECT_EQ(ssr_check_report_note_count(nullptr), 0u);
  EXPECT_EQ(ssr_check_report_note(r, ssr_check_report_note_count(r)), nullptr);
  EXPECT_TRUE(Contains(Message(), "note index")) << Message();
  EXPECT_EQ(ssr_check_report_finding_count(nullptr), 0u);
  for (const char* (*text)(const ssr_check_report*, size_t) :
       {ssr_check_report_finding_rule, ssr_check_report_finding_status, ssr_check_report_finding_status_label,
        ssr_check_report_finding_period, ssr_check_report_finding_pool, ssr_check_report_finding_credit_class,
        ssr_check_report_finding_area, ssr_check_report_finding_measured_text,
        ssr_check_report_finding_required_text, ssr_check_report_finding_hint,
        ssr_check_report_finding_due}) {
    EXPECT_EQ(text(r, n), nullptr);
    EXPECT_TRUE(Contains(Message(), "finding index " + std::to_string(n) + " is out of range")) << Message();
    EXPECT_EQ(text(nullptr, 0), nullptr);
  }
  for (int64_t (*number)(const ssr_check_report*, size_t) :
       {ssr_check_report_finding_measured, ssr_check_report_finding_base, ssr_check_report_finding_required,
        ssr_check_report_finding_shortfall}) {
    EXPECT_EQ(number(r, n), -1);
    EXPECT_EQ(number(nullptr, 0), -1);
  }
  EXPECT_EQ(ssr_check_report_finding_record_count(r, n), 0u);
  EXPECT_EQ(ssr_check_report_finding_record(r, 0, ssr_check_report_finding_record_count(r, 0)), nullptr);
  EXPECT_TRUE(Contains(Message(), "record index")) << Message();
  char* text = nullptr;
  EXPECT_EQ(ssr_check_report_to_json(nullptr, &text), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_check_report_to_json(r, nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_check_report_to_text(nullptr, 8, &text), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_check_report_to_text(r, 8, nullptr), SSR_INVALID_ARGUMENT);
  ssr_check_report_destroy(nullptr);  // accepted
}

// --- Statistics and disclosure -------------------------------------------------------------------------

TEST(CapiReportTextTest, StatisticsTableAsCsvAndJson) {
  SampleQuarter s;
  char* text = nullptr;
  ASSERT_EQ(ssr_statistics_table(s.bureau.get(), s.policy.get(), s.plan.get(), s.results.get(), nullptr,
                                 SSR_FORMAT_JSON, 0, &text),
            SSR_OK)
      << Message();
  const std::string json = Take(text);
  EXPECT_TRUE(Contains(json, "\"format\": \"ssrandom-statistics\"")) << json.substr(0, 200);
  ASSERT_EQ(ssr_statistics_table(s.bureau.get(), s.policy.get(), s.plan.get(), s.results.get(), "2024-02-01",
                                 SSR_FORMAT_CSV, 0, &text),
            SSR_OK)
      << Message();
  const std::string early = Take(text);
  EXPECT_EQ(early.rfind("area,entities_total", 0), 0u) << early.substr(0, 200);
  ASSERT_EQ(ssr_statistics_table(s.bureau.get(), s.policy.get(), s.plan.get(), s.results.get(), "",
                                 SSR_FORMAT_CSV, 1, &text),
            SSR_OK);
  const std::string chinese = Take(text);
  EXPECT_TRUE(Contains(chinese, "合计")) << chinese;
  EXPECT_NE(chinese.substr(0, 40), early.substr(0, 40));
  text = reinterpret_cast<char*>(&text);
  EXPECT_EQ(ssr_statistics_table(s.bureau.get(), s.policy.get(), s.plan.get(), s.results.get(), "2024-02-30",
                                 SSR_FORMAT_CSV, 0, &text),
            SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "as_of")) << Message();
  EXPECT_EQ(text, nullptr);
  EXPECT_EQ(ssr_statistics_table(s.bureau.get(), s.policy.get(), s.plan.get(), s.results.get(), nullptr,
                                 static_cast<ssr_format>(5), 0, &text),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_statistics_table(nullptr, s.policy.get(), s.plan.get(), s.results.get(), nullptr,
                                 SSR_FORMAT_CSV, 0, &text),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_statistics_table(s.bureau.get(), nullptr, s.plan.get(), s.results.get(), nullptr,
                                 SSR_FORMAT_CSV, 0, &text),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_statistics_table(s.bureau.get(), s.policy.get(), nullptr, s.results.get(), nullptr,
                                 SSR_FORMAT_CSV, 0, &text),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_statistics_table(s.bureau.get(), s.policy.get(), s.plan.get(), nullptr, nullptr,
                                 SSR_FORMAT_CSV, 0, &text),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_statistics_table(s.bureau.get(), s.policy.get(), s.plan.get(), s.results.get(), nullptr,
                                 SSR_FORMAT_CSV, 0, nullptr),
            SSR_INVALID_ARGUMENT);
}

TEST(CapiReportTextTest, DisclosureWithholdsWhatIsNotYetInspected) {
  SampleQuarter s;
  char* text = nullptr;
  ASSERT_EQ(ssr_disclosure(s.bureau.get(), s.plan.get(), s.results.get(), "2024-06-30", nullptr,
                           SSR_FORMAT_JSON, 0, &text),
            SSR_OK)
      << Message();
  const std::string all = Take(text);
  EXPECT_TRUE(Contains(all, "\"format\": \"ssrandom-disclosure\"")) << all.substr(0, 200);
  ASSERT_EQ(ssr_disclosure(s.bureau.get(), s.plan.get(), s.results.get(), "2024-01-15", nullptr,
                           SSR_FORMAT_JSON, 0, &text),
            SSR_OK);
  EXPECT_LT(Take(text).size(), all.size());
  ASSERT_EQ(ssr_disclosure(s.bureau.get(), s.plan.get(), s.results.get(), "2024-06-30", nullptr,
                           SSR_FORMAT_CSV, 1, &text),
            SSR_OK);
  EXPECT_FALSE(Take(text).empty());
  // The record of another plan is refused.
  ssr_test::Options draw = ssr_test::SeededOptions();
  ssr_test::Drawn other = ssr_test::Draw(s.bureau.get(), s.policy.get(), "2024Q1", draw.get());
  text = reinterpret_cast<char*>(&text);
  EXPECT_EQ(ssr_disclosure(s.bureau.get(), s.plan.get(), s.results.get(), "2024-06-30", other.record.get(),
                           SSR_FORMAT_CSV, 0, &text),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(text, nullptr);
  EXPECT_EQ(ssr_disclosure(s.bureau.get(), s.plan.get(), s.results.get(), nullptr, nullptr, SSR_FORMAT_CSV, 0,
                           &text),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(Message(), "ssr_disclosure: as_of is NULL");
  EXPECT_EQ(
      ssr_disclosure(s.bureau.get(), s.plan.get(), s.results.get(), "", nullptr, SSR_FORMAT_CSV, 0, &text),
      SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_disclosure(s.bureau.get(), s.plan.get(), s.results.get(), "2024-06-30", nullptr,
                           static_cast<ssr_format>(2), 0, &text),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(
      ssr_disclosure(nullptr, s.plan.get(), s.results.get(), "2024-06-30", nullptr, SSR_FORMAT_CSV, 0, &text),
      SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_disclosure(s.bureau.get(), nullptr, s.results.get(), "2024-06-30", nullptr, SSR_FORMAT_CSV, 0,
                           &text),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(
      ssr_disclosure(s.bureau.get(), s.plan.get(), nullptr, "2024-06-30", nullptr, SSR_FORMAT_CSV, 0, &text),
      SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_disclosure(s.bureau.get(), s.plan.get(), s.results.get(), "2024-06-30", nullptr,
                           SSR_FORMAT_CSV, 0, nullptr),
            SSR_INVALID_ARGUMENT);
}

}  // namespace
