#include "ssrandom/results.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "ssrandom/date.h"
#include "ssrandom/draw.h"
#include "ssrandom/sample_bureau.h"

namespace ssr {
namespace {

// A small hand-made plan: three tasks of 2024Q1, one with a drawn team.
Plan SmallPlan() {
  Plan plan;
  plan.bureau = "测试分局";
  plan.period = "2024Q1";
  plan.seed = "seed";
  for (const char* id : {"E-1", "E-2", "E-3"}) {
    Task task;
    task.entity_id = id;
    task.id = absl::StrCat("2024Q1/", id);
    task.entity_name = absl::StrCat("企业", id);
    task.area = "杜固";
    task.pool = Pool::kKey;
    task.supervision_class = SupervisionClass::kKey;
    task.stratum = "key";
    plan.tasks.push_back(task);
  }
  plan.tasks[0].team = {"I-1", "I-2"};
  return plan;
}

constexpr char kHeader[] =
    "task_id,inspection_date,method,team,team_change_reason,result,handling,entry_date,publication_date,"
    "note\n";

absl::StatusOr<ResultSet> ReadCsv(const std::string& body, QualityReport* report = nullptr) {
  return ReadResults(absl::StrCat(kHeader, body), /*json=*/false, "results.csv", {SmallPlan()}, {}, report);
}

TEST(ResultsTest, ReadsEveryFieldFromCsv) {
  absl::StatusOr<ResultSet> results = ReadCsv(
      "2024Q1/E-1,2024-02-20,on_site,I-1;I-2,,problem_found,rectification;penalty_case,2024-02-21,"
      "2024-03-01,复查\n"
      "2024Q1/E-2,2024-03-04,off_site,I-3；I-4,,no_problem,,2024-03-05,,\n");
  ASSERT_TRUE(results.ok()) << results.status();
  ASSERT_EQ(results->results.size(), 2u);
  const InspectionResult& a = results->results[0];
  EXPECT_EQ(a.task_id, "2024Q1/E-1");
  EXPECT_EQ(a.inspection_date, absl::CivilDay(2024, 2, 20));
  EXPECT_EQ(a.method, InspectionMethod::kOnSite);
  EXPECT_EQ(a.team, (std::vector<std::string>{"I-1", "I-2"}));
  EXPECT_EQ(a.result, Outcome::kProblemFound);
  EXPECT_EQ(a.handling, (std::vector<Handling>{Handling::kRectification, Handling::kPenaltyCase}));
  EXPECT_EQ(a.entry_date, absl::CivilDay(2024, 2, 21));
  EXPECT_EQ(a.publication_date, absl::CivilDay(2024, 3, 1));
  EXPECT_EQ(a.note, "复查");
  const InspectionResult& b = results->results[1];
  EXPECT_EQ(b.method, InspectionMethod::kOffSite);
  EXPECT_EQ(b.team, (std::vector<std::string>{"I-3", "I-4"}));
  EXPECT_FALSE(b.publication_date.has_value());
}

TEST(ResultsTest, AcceptsChineseHeadersAndValues) {
  std::string text =
      "任务编号,检查日期,检查方式,检查人员,人员变更原因,检查结果,处理情况,录入日期,公示日期,备注\n"
      "2024Q1/E-2,2024-03-04,现场检查,I-3、I-4,,发现问题,责令整改、移送司法机关,2024-03-05,2024-03-06,\n";
  absl::StatusOr<ResultSet> results = ReadResults(text, false, "结果.csv", {SmallPlan()});
  ASSERT_TRUE(results.ok()) << results.status();
  EXPECT_EQ(results->results[0].handling,
            (std::vector<Handling>{Handling::kRectification, Handling::kJudicialReferral}));
  EXPECT_EQ(results->results[0].result, Outcome::kProblemFound);
}

TEST(ResultsTest, CsvAndJsonWritersRoundTrip) {
  absl::StatusOr<ResultSet> results = ReadCsv(
      "2024Q1/E-1,2024-02-20,on_site,I-1;I-2,,problem_found,rectification;credit_record,2024-02-21,,"
      "\"备注, with a comma \"\"quoted\"\"\"\n"
      "2024Q1/E-3,2024-01-31,on_site,I-5;I-6,,no_problem,,,,\n");
  ASSERT_TRUE(results.ok()) << results.status();
  for (bool chinese : {false, true}) {
    absl::StatusOr<ResultSet> again = ReadResults(results->ToCsv(chinese), false, "again.csv", {SmallPlan()});
    ASSERT_TRUE(again.ok()) << again.status();
    EXPECT_EQ(*again, *results);
    EXPECT_EQ(again->ToCsv(chinese), results->ToCsv(chinese));
  }
  absl::StatusOr<ResultSet> from_json = ReadResults(results->ToJson(), true, "again.json", {SmallPlan()});
  ASSERT_TRUE(from_json.ok()) << from_json.status();
  EXPECT_EQ(*from_json, *results);
  EXPECT_EQ(from_json->ToJson(), results->ToJson());
}

TEST(ResultsTest, SimulatedQuarterRoundTripsThroughBothFormats) {
  Bureau bureau = SampleBureau();
  Policy policy = *Policy::Preset("hebei-xinle-2024");
  DrawRequest request;
  request.seed = "round trip";
  absl::StatusOr<DrawResult> drawn = Draw(bureau, policy, Period::Quarter(2024, 2), request);
  ASSERT_TRUE(drawn.ok()) << drawn.status();
  absl::StatusOr<ResultSet> results = SimulateResults(drawn->plan, bureau);
  ASSERT_TRUE(results.ok()) << results.status();
  ASSERT_EQ(results->results.size(), drawn->plan.tasks.size());
  ResultsValidation validation;
  validation.staff = &bureau.staff;
  for (bool json : {false, true}) {
    absl::StatusOr<ResultSet> again =
        ReadResults(json ? results->ToJson() : results->ToCsv(), json, "sim", {drawn->plan}, validation);
    ASSERT_TRUE(again.ok()) << again.status();
    EXPECT_EQ(*again, *results);
  }
}

TEST(ResultsTest, ErrorsNameRecordFieldAndReasonAndNothingIsLoaded) {
  QualityReport report;
  absl::StatusOr<ResultSet> results = ReadCsv(
      "2024Q1/E-9,2024-02-20,on_site,I-1;I-2,,no_problem,,,,\n"  // unknown task
      "2024Q1/E-1,2024-02-20,on_site,I-1;I-9,,no_problem,,,,\n"  // team changed, no reason
      "2024Q1/E-2,2024-04-02,on_site,I-3;I-4,,no_problem,,,,\n"  // outside the period
      "2024Q1/E-3,2024-02-20,on_site,I-3;I-4,,no_problem,,2024-02-19,2024-02-18,\n"  // entry, publication
                                                                                     // before
      "2024Q1/E-3,2024-02-21,on_site,I-3;I-4,,no_problem,,,,\n"                      // duplicate
      "2024Q1/E-2,2024-02-30,on_site,I-3;I-4,,maybe,,,,\n",                          // bad date and result
      &report);
  ASSERT_FALSE(results.ok());
  EXPECT_EQ(results.status().code(), absl::StatusCode::kInvalidArgument);
  std::vector<std::string> codes;
  for (const QualityIssue& issue : report.issues()) codes.push_back(issue.code + ":" + issue.field);
  EXPECT_EQ(codes, (std::vector<std::string>{
                       "invalid_value:inspection_date", "invalid_value:result", "unknown_task:task_id",
                       "team_changed:team", "date_outside_period:inspection_date",
                       "date_before_inspection:entry_date", "date_before_inspection:publication_date",
                       "duplicate_id:task_id"}));
  const std::string message(results.status().message());
  EXPECT_TRUE(absl::StrContains(message, "record 2 (line 3, id 2024Q1/E-1), field team")) << message;
  EXPECT_TRUE(absl::StrContains(message, "2024-04-02 is outside 2024Q1")) << message;
  EXPECT_TRUE(absl::StrContains(message, "2024Q1/E-9 is in none of the plans")) << message;
}

TEST(ResultsTest, AChangedTeamWithAReasonIsAccepted) {
  absl::StatusOr<ResultSet> results =
      ReadCsv("2024Q1/E-1,2024-02-20,on_site,I-2;I-7,I-1 病假 sick leave,no_problem,,,,\n");
  ASSERT_TRUE(results.ok()) << results.status();
  // The same members in another order are the same team.
  EXPECT_TRUE(ReadCsv("2024Q1/E-1,2024-02-20,on_site,I-2;I-1,,no_problem,,,,\n").ok());
}

TEST(ResultsTest, HandlingNeedsAProblemAndAProblemWithoutHandlingIsAWarning) {
  absl::StatusOr<ResultSet> bad =
      ReadCsv("2024Q1/E-2,2024-02-20,on_site,I-3;I-4,,no_problem,rectification,,,\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(absl::StrContains(bad.status().message(), "handling")) << bad.status();
  QualityReport report;
  ASSERT_TRUE(ReadCsv("2024Q1/E-2,2024-02-20,on_site,I-3;I-4,,problem_found,,,,\n", &report).ok());
  ASSERT_EQ(report.warning_count(), 1);
  EXPECT_EQ(report.issues()[0].code, "problem_without_handling");
}

TEST(ResultsTest, UnknownInspectorsAreErrorsWhenTheDirectoryIsGiven) {
  InspectorDirectory staff;
  Inspector one;
  one.id = "I-3";
  ASSERT_TRUE(staff.Add(one).ok());
  ResultsValidation validation;
  validation.staff = &staff;
  absl::StatusOr<ResultSet> results =
      ReadResults(absl::StrCat(kHeader, "2024Q1/E-2,2024-02-20,on_site,I-3;I-4,,no_problem,,,,\n"), false,
                  "r.csv", {SmallPlan()}, validation);
  ASSERT_FALSE(results.ok());
  EXPECT_TRUE(
      absl::StrContains(results.status().message(), "inspector I-4 is not in the inspector directory"));
}

TEST(ResultsTest, JsonWithAnotherFormatIsRejected) {
  absl::StatusOr<ResultSet> results =
      ReadResults(R"({"format": "ssrandom-plan", "results": []})", true, "r.json", {SmallPlan()});
  ASSERT_FALSE(results.ok());
  EXPECT_TRUE(absl::StrContains(results.status().message(), "ssrandom-results")) << results.status();
}

TEST(ResultsTest, SimulationIsDeterministicAndHasItsFaults) {
  Bureau bureau = SampleBureau();
  Policy policy = *Policy::Preset("hebei-xinle-2024");
  DrawRequest request;
  request.seed = "2024-01-05 中国福利彩票3D 第2024005期 开奖号码 3 1 7";
  absl::StatusOr<DrawResult> drawn = Draw(bureau, policy, Period::Quarter(2024, 1), request);
  ASSERT_TRUE(drawn.ok());
  absl::StatusOr<ResultSet> a = SimulateResults(drawn->plan, bureau);
  absl::StatusOr<ResultSet> b = SimulateResults(drawn->plan, bureau);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->ToCsv(), b->ToCsv());
  int teams_of_one = 0;
  for (const InspectionResult& r : a->results) teams_of_one += r.team.size() == 1 ? 1 : 0;
  EXPECT_EQ(teams_of_one, 1);
  SimulationOptions clean;
  clean.fault_late_entry = clean.fault_late_publication = clean.fault_team_of_one = false;
  clean.seed = "another seed";
  absl::StatusOr<ResultSet> c = SimulateResults(drawn->plan, bureau, clean);
  ASSERT_TRUE(c.ok());
  EXPECT_NE(c->ToCsv(), a->ToCsv());
  for (const InspectionResult& r : c->results) EXPECT_GE(r.team.size(), 2u) << r.task_id;
  // As of a day in the quarter: no inspection after it, no entry or publication after it.
  SimulationOptions early;
  early.as_of = absl::CivilDay(2024, 2, 1);
  absl::StatusOr<ResultSet> d = SimulateResults(drawn->plan, bureau, early);
  ASSERT_TRUE(d.ok());
  EXPECT_LT(d->results.size(), a->results.size());
  for (const InspectionResult& r : d->results) {
    EXPECT_LE(*r.inspection_date, *early.as_of);
    if (r.publication_date) {
      EXPECT_LE(*r.publication_date, *early.as_of);
    }
  }
}

TEST(ResultsTest, BundledSampleResultsMatchTheGenerator) {
  Bureau bureau = SampleBureau();
  Policy policy = *Policy::Preset("hebei-xinle-2024");
  DrawRequest request;
  request.seed = "2024-01-05 中国福利彩票3D 第2024005期 开奖号码 3 1 7";
  request.seed_source = "example: the China Welfare Lottery 3D draw announced after the 2024Q1 freeze";
  absl::StatusOr<DrawResult> drawn = Draw(bureau, policy, Period::Quarter(2024, 1), request);
  ASSERT_TRUE(drawn.ok());
  absl::StatusOr<ResultSet> simulated = SimulateResults(drawn->plan, bureau);
  ASSERT_TRUE(simulated.ok());
  absl::StatusOr<ResultSet> bundled =
      LoadResults(std::string(SSR_SOURCE_DIR) + "/data/sample_results/2024Q1/results.csv", {drawn->plan});
  ASSERT_TRUE(bundled.ok()) << bundled.status() << " (regenerate with scripts/sample-results)";
  EXPECT_EQ(*bundled, *simulated);
}

}  // namespace
}  // namespace ssr
