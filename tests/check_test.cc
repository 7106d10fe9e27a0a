#include "ssrandom/check.h"

#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "ssrandom/assign.h"
#include "ssrandom/date.h"
#include "ssrandom/draw.h"
#include "ssrandom/sample_bureau.h"

namespace ssr {
namespace {

const Bureau& Sample() {
  static const Bureau* bureau = new Bureau(SampleBureau());
  return *bureau;
}

const Policy& Preset() {
  static const Policy* policy = new Policy(*Policy::Preset("hebei-xinle-2024"));
  return *policy;
}

constexpr char kSeed[] = "2024-01-05 中国福利彩票3D 第2024005期 开奖号码 3 1 7";

DrawResult DrawQuarter(int year, int quarter, const std::vector<Plan>& history = {}) {
  DrawRequest request;
  request.seed = absl::StrCat(kSeed, " ", year, "Q", quarter);
  request.history = history;
  absl::StatusOr<DrawResult> drawn = Draw(Sample(), Preset(), Period::Quarter(year, quarter), request);
  EXPECT_TRUE(drawn.ok()) << drawn.status();
  return *std::move(drawn);
}

const DrawResult& Q1() {
  static const DrawResult* drawn = new DrawResult(DrawQuarter(2024, 1));
  return *drawn;
}

// Fills every task's team by hand: two certified brigade inspectors of the entity's area group (or of the
// monitoring centre for off-site tasks), the first two in directory order that have no declared conflict.
Plan WithTeams(Plan plan, absl::CivilDay day) {
  for (Task& task : plan.tasks) {
    task.team.clear();
    for (const Inspector& inspector : Sample().staff.inspectors()) {
      if (task.team.size() == 2) break;
      if (!inspector.CertifiedOn(day) || !inspector.department.empty()) continue;
      const bool off_site = task.method == InspectionMethod::kOffSite;
      if (off_site ? inspector.unit != "monitoring" : inspector.area_group != task.area) continue;
      bool conflict = false;
      for (const Conflict& c : Sample().conflicts) {
        conflict = conflict || (c.inspector_id == inspector.id && c.entity_id == task.entity_id);
      }
      for (const PairExclusion& p : Sample().pair_exclusions) {
        for (const std::string& member : task.team) {
          conflict = conflict || (p.inspector_a == member && p.inspector_b == inspector.id) ||
                     (p.inspector_b == member && p.inspector_a == inspector.id);
        }
      }
      if (!conflict) task.team.push_back(inspector.id);
    }
  }
  return plan;
}

// Results for every task: inspected on `day` by the planned team, entered the next working day, published
// the day after.
ResultSet ResultsFor(const Plan& plan, absl::CivilDay day) {
  ResultSet results;
  const WorkingDayCalendar& calendar = WorkingDayCalendar::BuiltIn();
  for (const Task& task : plan.tasks) {
    InspectionResult r;
    r.task_id = task.id;
    r.inspection_date = day;
    r.method = task.method;
    r.team = task.team;
    r.entry_date = *calendar.AddWorkingDays(day, 1);
    r.publication_date = *calendar.AddWorkingDays(day, 2);
    results.results.push_back(r);
  }
  return results;
}

ComplianceReport MustCheck(const CheckInput& input, const std::string& period,
                           const Policy& policy = Preset()) {
  absl::StatusOr<ComplianceReport> report = Check(policy, *Period::Parse(period), input);
  EXPECT_TRUE(report.ok()) << report.status();
  return report.ok() ? *std::move(report) : ComplianceReport{};
}

CheckInput Input(const Plan& plan) {
  CheckInput input;
  input.plans = {plan};
  input.bureau = &Sample();
  return input;
}

Finding Find(const ComplianceReport& report, absl::string_view rule, absl::string_view period = "",
             absl::string_view pool = "", absl::string_view credit_class = "") {
  for (const Finding& f : report.findings) {
    if (f.rule == rule && (period.empty() || f.scope.period == period) && f.scope.pool == pool &&
        f.scope.credit_class == credit_class) {
      return f;
    }
  }
  ADD_FAILURE() << "no finding " << rule << " " << period << " " << pool << " " << credit_class;
  return Finding();
}

// Removes the last `n` tasks of `pool` (highest tickets in the last credit cell first).
Plan Without(Plan plan, Pool pool, int n) {
  for (int i = static_cast<int>(plan.tasks.size()) - 1; i >= 0 && n > 0; --i) {
    if (plan.tasks[i].pool == pool) {
      plan.tasks.erase(plan.tasks.begin() + i);
      --n;
    }
  }
  return plan;
}

// --- Quotas --------------------------------------------------------------------------------------------

TEST(CheckTest, TheDrawnPlanMeetsEveryPoolQuota) {
  CheckInput input = Input(Q1().plan);
  input.plans = {Q1().plan};
  input.records = {Q1().record};
  ComplianceReport report = MustCheck(input, "2024Q1");
  for (const char* pool : {"special", "key", "positive", "general"}) {
    const Finding f = Find(report, PoolRuleId(*ParsePool(pool)), "2024Q1", pool);
    EXPECT_EQ(f.status, FindingStatus::kMet) << pool << ": " << f.measured_text;
    EXPECT_GE(f.measured, f.required);
  }
  // The record's pool sizes are the frozen ones: 190 special, 94 key (docs/policy.md).
  EXPECT_EQ(Find(report, "Q-SPECIAL", "2024Q1", "special").base, 190);
  EXPECT_EQ(Find(report, "Q-KEY", "2024Q1", "key").required, 24);
  EXPECT_EQ(report.mode, CheckMode::kProspective);
}

TEST(CheckTest, APlanShortOfKeyEntitiesSaysHowManyToDrawAndWhich) {
  Plan plan = Without(Q1().plan, Pool::kKey, 6);  // 27 planned, 24 required → 21
  ComplianceReport report = MustCheck(Input(plan), "2024Q1");
  const Finding f = Find(report, "Q-KEY", "2024Q1", "key");
  EXPECT_EQ(f.status, FindingStatus::kShort);
  EXPECT_EQ(f.measured, 21);
  EXPECT_EQ(f.shortfall, 3);
  EXPECT_TRUE(absl::StrContains(f.hint, "draw 3 more 重点监管对象")) << f.hint;
  EXPECT_TRUE(absl::StrContains(f.hint, "the next by ticket are XL-")) << f.hint;
  EXPECT_FALSE(report.ok());
  // A credit cell that falls short is listed on its own.
  bool cell = false;
  for (const Finding& g : report.findings)
    cell = cell || (g.rule == "Q-KEY" && !g.scope.credit_class.empty());
  EXPECT_TRUE(cell);
}

TEST(CheckTest, APlanMissingAPositiveListEntityIsShortOfFullCoverage) {
  ComplianceReport ok = MustCheck(Input(Q1().plan), "2024Q1");
  EXPECT_EQ(Find(ok, "Q-POSITIVE", "2024Q1", "positive").status, FindingStatus::kMet);
  ComplianceReport report = MustCheck(Input(Without(Q1().plan, Pool::kPositive, 1)), "2024Q1");
  const Finding f = Find(report, "Q-POSITIVE", "2024Q1", "positive");
  EXPECT_EQ(f.status, FindingStatus::kShort);
  EXPECT_EQ(f.shortfall, 1);
}

TEST(CheckTest, SpecialAndGeneralQuotasBreakWhenTasksAreMissing) {
  ComplianceReport report =
      MustCheck(Input(Without(Without(Q1().plan, Pool::kSpecial, 5), Pool::kGeneral, 160)), "2024Q1");
  EXPECT_EQ(Find(report, "Q-SPECIAL", "2024Q1", "special").status, FindingStatus::kShort);
  EXPECT_EQ(Find(report, "Q-GENERAL", "2024Q1", "general").status, FindingStatus::kShort);
}

TEST(CheckTest, RetrospectiveQuotasCountInspectionsAndWaitForTheQuarterToEnd) {
  Plan plan = Q1().plan;
  ResultSet results = ResultsFor(plan, absl::CivilDay(2024, 2, 20));
  // Drop the results of 6 key tasks: 21 of 24 inspected.
  int dropped = 0;
  for (auto it = results.results.begin(); it != results.results.end() && dropped < 6;) {
    const Task* task = nullptr;
    for (const Task& t : plan.tasks) {
      if (t.id == it->task_id) task = &t;
    }
    if (task->pool == Pool::kKey) {
      it = results.results.erase(it);
      ++dropped;
    } else {
      ++it;
    }
  }
  CheckInput input = Input(plan);
  input.results = results;
  input.as_of = absl::CivilDay(2024, 3, 1);  // the quarter runs on
  const Finding pending = Find(MustCheck(input, "2024Q1"), "Q-KEY", "2024Q1", "key");
  EXPECT_EQ(pending.status, FindingStatus::kNotYetDue);
  EXPECT_EQ(pending.records.size(), 6u);
  input.as_of = absl::CivilDay(2024, 4, 10);
  ComplianceReport after = MustCheck(input, "2024Q1");
  const Finding f = Find(after, "Q-KEY", "2024Q1", "key");
  EXPECT_EQ(f.status, FindingStatus::kShort);
  EXPECT_EQ(f.measured, 21);
  EXPECT_EQ(f.records.size(), 6u);
  EXPECT_EQ(after.mode, CheckMode::kRetrospective);
  // An off-site check of a key entity does not count for the on-site quota.
  for (InspectionResult& r : input.results->results) r.method = InspectionMethod::kOffSite;
  EXPECT_EQ(Find(MustCheck(input, "2024Q1"), "Q-KEY", "2024Q1", "key").measured, 0);
}

TEST(CheckTest, CreditShareCountsRandomInspectionsOnly) {
  ComplianceReport met = MustCheck(Input(Q1().plan), "2024Q1");
  const Finding f = Find(met, "Q-CREDIT", "2024Q1");
  EXPECT_EQ(f.status, FindingStatus::kMet);
  int64_t positive = 0;
  for (const Task& t : Q1().plan.tasks) positive += t.pool == Pool::kPositive ? 1 : 0;
  EXPECT_EQ(f.base,
            static_cast<int64_t>(Q1().plan.tasks.size()) - positive);  // the positive list is not drawn
  CheckInput with_full = Input(Q1().plan);
  with_full.count_full_coverage_in_shares = true;
  EXPECT_EQ(Find(MustCheck(with_full, "2024Q1"), "Q-CREDIT", "2024Q1").base,
            static_cast<int64_t>(Q1().plan.tasks.size()));

  Plan plan = Q1().plan;
  int64_t cleared = 0;
  for (Task& task : plan.tasks) {
    if (task.pool == Pool::kGeneral) {
      task.credit_based = false;
      ++cleared;
    }
  }
  const Finding g = Find(MustCheck(Input(plan), "2024Q1"), "Q-CREDIT", "2024Q1");
  EXPECT_EQ(g.status, FindingStatus::kShort);
  EXPECT_EQ(g.measured, g.base - cleared);
  EXPECT_EQ(g.shortfall, g.required - g.measured);
  EXPECT_EQ(g.required, (g.base * 4 + 4) / 5);  // ⌈80% × base⌉
  EXPECT_TRUE(absl::StrContains(g.hint, "general")) << g.hint;
  EXPECT_EQ(g.records.size(), static_cast<size_t>(cleared));
}

TEST(CheckTest, DepartmentJointNeedsOneAQuarter) {
  Plan plan = Q1().plan;
  const Finding none = Find(MustCheck(Input(plan), "2024Q1"), "Q-JOINT-DEPT", "2024Q1");
  EXPECT_EQ(none.status, FindingStatus::kShort);
  EXPECT_TRUE(absl::StrContains(none.hint, "新乐市市场监督管理局")) << none.hint;
  plan.tasks[3].joint = JointType::kDepartment;
  plan.tasks[3].partner_department = "samr";
  const Finding one = Find(MustCheck(Input(plan), "2024Q1"), "Q-JOINT-DEPT", "2024Q1");
  EXPECT_EQ(one.status, FindingStatus::kMet);
  EXPECT_EQ(one.records, std::vector<std::string>{plan.tasks[3].id});
}

TEST(CheckTest, ADepartmentJointTeamSentInsteadOfTheDrawnOneCounts) {
  Plan plan = WithTeams(Q1().plan, absl::CivilDay(2024, 2, 20));
  ResultSet results = ResultsFor(plan, absl::CivilDay(2024, 2, 20));
  results.results[5].team.push_back("I-042");  // a market-regulation inspector joins
  results.results[5].team_change_reason = "市场监管局联合检查 joint with market regulation";
  CheckInput input = Input(plan);
  input.results = results;
  EXPECT_EQ(Find(MustCheck(input, "2024Q1"), "Q-JOINT-DEPT", "2024Q1").status, FindingStatus::kMet);
}

TEST(CheckTest, InternalJointShareIsAYearlyRule) {
  Plan plan = Q1().plan;
  const Finding quarter = Find(MustCheck(Input(plan), "2024Q1"), "Q-JOINT-INTERNAL", "2024Q1");
  EXPECT_EQ(quarter.status, FindingStatus::kNotYetDue);
  EXPECT_TRUE(absl::StrContains(quarter.hint, "behind")) << quarter.hint;
}

TEST(CheckTest, TheTeamDrawAndTheCheckCountTheInternalShareOverTheSameInspections) {
  // One definition (IsRandomInspection): the team draw's yearly share and Q-JOINT-INTERNAL agree on the
  // base, the count and the requirement, and neither counts the positive list's full coverage.
  absl::StatusOr<AssignResult> staffed = AssignTeams(Sample(), TeamRulesFromPolicy(Preset()), Q1().plan, {});
  ASSERT_TRUE(staffed.ok()) << staffed.status();
  const TeamDrawRecord& record = staffed->record;
  const Finding f = Find(MustCheck(Input(staffed->plan), "2024Q1"), "Q-JOINT-INTERNAL", "2024Q1");
  int64_t positive = 0;
  for (const Task& task : Q1().plan.tasks) positive += task.pool == Pool::kPositive ? 1 : 0;
  ASSERT_GT(positive, 0);
  EXPECT_EQ(f.base, record.year_inspections);
  EXPECT_EQ(f.base, static_cast<int64_t>(Q1().plan.tasks.size()) - positive);
  EXPECT_EQ(f.measured, record.year_internal_joint);
  EXPECT_EQ(f.required, record.year_internal_joint_required);
  EXPECT_EQ(f.status, FindingStatus::kNotYetDue);
  EXPECT_TRUE(absl::StrContains(f.hint, "on track")) << f.hint;
  // The draw record still belongs to the plan once its teams are drawn (its plan digest leaves them out).
  CheckInput with_record = Input(staffed->plan);
  with_record.records = {Q1().record};
  EXPECT_TRUE(Check(Preset(), *Period::Parse("2024Q1"), with_record).ok());
  Plan other = staffed->plan;
  other.tasks.pop_back();
  with_record.plans = {other};
  EXPECT_EQ(Check(Preset(), *Period::Parse("2024Q1"), with_record).status().code(),
            absl::StatusCode::kInvalidArgument);
  // --count-full-coverage counts them anyway, in the check only.
  CheckInput all = Input(staffed->plan);
  all.count_full_coverage_in_shares = true;
  EXPECT_EQ(Find(MustCheck(all, "2024Q1"), "Q-JOINT-INTERNAL", "2024Q1").base,
            static_cast<int64_t>(Q1().plan.tasks.size()));
}

// --- Yearly cap ----------------------------------------------------------------------------------------

TEST(CheckTest, YearlyCapIsMetByTheDrawAndBrokenByAThirdVisit) {
  const DrawResult q2 = DrawQuarter(2024, 2, {Q1().plan});
  CheckInput input = Input(q2.plan);
  input.history = {Q1().plan};
  EXPECT_EQ(Find(MustCheck(input, "2024Q2"), "Q-YEARLY-CAP", "2024Q2").status, FindingStatus::kMet);
  // Without history the cap cannot be counted over the year.
  EXPECT_EQ(Find(MustCheck(Input(q2.plan), "2024Q2"), "Q-YEARLY-CAP", "2024Q2").status,
            FindingStatus::kUnknown);

  // An entity on-site in Q1 and twice in the history (a hand-made extra plan) is over the cap of 2 in Q2.
  Plan extra = Q1().plan;
  extra.period = "2024Q1";
  Plan q2_plan = q2.plan;
  const Task* on_site = nullptr;
  for (const Task& t : Q1().plan.tasks) {
    if (t.method == InspectionMethod::kOnSite) {
      on_site = &t;
      break;
    }
  }
  Task again = *on_site;
  again.id = "2024Q2/" + again.entity_id;
  q2_plan.tasks.push_back(again);
  q2_plan.tasks.push_back(again);  // and twice in one quarter
  q2_plan.tasks.back().id += "-bis";
  CheckInput broken = Input(q2_plan);
  broken.history = {Q1().plan};
  const Finding f = Find(MustCheck(broken, "2024Q2"), "Q-YEARLY-CAP", "2024Q2");
  EXPECT_EQ(f.status, FindingStatus::kViolated);
  EXPECT_EQ(f.records.size(), 2u);
  EXPECT_TRUE(absl::StrContains(f.hint, on_site->entity_id)) << f.hint;
}

// --- Teams ---------------------------------------------------------------------------------------------

TEST(CheckTest, TeamSizeWantsTwoInspectorsOnSite) {
  Plan plan = Q1().plan;
  const Finding unassigned = Find(MustCheck(Input(plan), "2024Q1"), "T-SIZE", "2024Q1");
  EXPECT_EQ(unassigned.status, FindingStatus::kNotYetDue);
  plan = WithTeams(plan, absl::CivilDay(2024, 1, 2));
  EXPECT_EQ(Find(MustCheck(Input(plan), "2024Q1"), "T-SIZE", "2024Q1").status, FindingStatus::kMet);
  plan.tasks[0].team.resize(1);
  const Finding f = Find(MustCheck(Input(plan), "2024Q1"), "T-SIZE", "2024Q1");
  EXPECT_EQ(f.status, FindingStatus::kViolated);
  EXPECT_EQ(f.records, std::vector<std::string>{plan.tasks[0].id});
  EXPECT_TRUE(absl::StrContains(f.hint, "第四十二条")) << f.hint;
}

TEST(CheckTest, CertificatesMustBeValidOnTheInspectionDay) {
  Plan plan = WithTeams(Q1().plan, absl::CivilDay(2024, 1, 2));
  ResultSet results = ResultsFor(plan, absl::CivilDay(2024, 3, 20));
  CheckInput input = Input(plan);
  input.results = results;
  EXPECT_EQ(Find(MustCheck(input, "2024Q1"), "T-CERTIFICATE", "2024Q1").status, FindingStatus::kMet);
  // I-011 has no certificate; I-006's expired on 2024-03-31 (the sample bureau's faults).
  input.results->results[0].team = {"I-011", "I-009"};
  input.results->results[0].team_change_reason = "test";
  ComplianceReport report = MustCheck(input, "2024Q1");
  const Finding f = Find(report, "T-CERTIFICATE", "2024Q1");
  EXPECT_EQ(f.status, FindingStatus::kViolated);
  EXPECT_TRUE(absl::StrContains(f.hint, "I-011 韩思远 (no certificate)")) << f.hint;
  // Prospectively, a certificate must cover the whole quarter: I-006's ends before 2024Q2 does.
  const DrawResult q2 = DrawQuarter(2024, 2, {Q1().plan});
  Plan q2_plan = WithTeams(q2.plan, absl::CivilDay(2024, 6, 30));
  q2_plan.tasks[0].team = {"I-006", "I-005"};
  const Finding g = Find(MustCheck(Input(q2_plan), "2024Q2"), "T-CERTIFICATE", "2024Q2");
  EXPECT_EQ(g.status, FindingStatus::kViolated);
  EXPECT_TRUE(absl::StrContains(g.hint, "2024-03-31")) << g.hint;
  // Without the bureau the rule cannot be checked.
  CheckInput no_bureau;
  no_bureau.plans = {Q1().plan};
  no_bureau.records = {Q1().record};
  EXPECT_EQ(Find(MustCheck(no_bureau, "2024Q1"), "T-CERTIFICATE", "2024Q1").status, FindingStatus::kUnknown);
}

TEST(CheckTest, RecusalFindsDeclaredConflictsAndExcludedPairs) {
  Plan plan = WithTeams(Q1().plan, absl::CivilDay(2024, 1, 2));
  EXPECT_EQ(Find(MustCheck(Input(plan), "2024Q1"), "T-RECUSAL", "2024Q1").status, FindingStatus::kMet);
  plan.tasks[0].team = {"I-002", "I-003"};  // 夫妻关系
  plan.tasks[1].entity_id = "XL-00337";     // I-015 declared a conflict with it
  plan.tasks[1].team = {"I-015", "I-016"};
  const Finding f = Find(MustCheck(Input(plan), "2024Q1"), "T-RECUSAL", "2024Q1");
  EXPECT_EQ(f.status, FindingStatus::kViolated);
  EXPECT_EQ(f.records.size(), 2u);
  EXPECT_TRUE(absl::StrContains(f.hint, "夫妻关系")) << f.hint;
  EXPECT_TRUE(absl::StrContains(f.hint, "XL-00337 (与该单位存在直接利害关系)")) << f.hint;
}

TEST(CheckTest, RotationForbidsARevisitByTheSameInspectorWithinTheWindow) {
  Plan q1 = WithTeams(Q1().plan, absl::CivilDay(2024, 1, 2));
  Plan q2 = WithTeams(DrawQuarter(2024, 2, {Q1().plan}).plan, absl::CivilDay(2024, 4, 1));
  CheckInput input = Input(q2);
  input.history = {q1};
  // Find an on-site entity of Q2 that was not in Q1, then make it a revisit.
  const Task* first = nullptr;
  for (const Task& t : q1.tasks) {
    if (t.method == InspectionMethod::kOnSite) {
      first = &t;
      break;
    }
  }
  Plan revisit = q2;
  Task task = *first;
  task.id = "2024Q2/" + task.entity_id;
  revisit.tasks.push_back(task);
  input.plans = {revisit};
  const Finding f = Find(MustCheck(input, "2024Q2"), "T-ROTATION", "2024Q2");
  EXPECT_EQ(f.status, FindingStatus::kViolated);
  EXPECT_TRUE(absl::StrContains(f.hint, first->team[0] + " visited " + first->entity_id + " in 2024Q1"))
      << f.hint;
  // Other inspectors on every task: no revisit.
  for (Task& t : revisit.tasks) t.team = {"X-1", "X-2"};
  input.plans = {revisit};
  const Finding g = Find(MustCheck(input, "2024Q2"), "T-ROTATION", "2024Q2");
  EXPECT_EQ(g.status, FindingStatus::kMet) << g.hint;
  // Q1 without last year's Q4: cannot tell.
  EXPECT_EQ(Find(MustCheck(Input(q1), "2024Q1"), "T-ROTATION", "2024Q1").status, FindingStatus::kUnknown);
}

// --- Deadlines (working days around the holidays) -------------------------------------------------------

// A one-task plan of `quarter` with its record-free pool sizes taken from the bureau.
struct OneTask {
  Plan plan;
  ResultSet results;
};

OneTask Single(int year, int quarter, absl::CivilDay inspected, std::optional<absl::CivilDay> entered,
               std::optional<absl::CivilDay> published) {
  OneTask one;
  one.plan = Q1().plan;
  one.plan.period = Period::Quarter(year, quarter).ToString();
  one.plan.tasks.resize(1);
  one.plan.tasks[0].id = one.plan.period + "/" + one.plan.tasks[0].entity_id;
  InspectionResult r;
  r.task_id = one.plan.tasks[0].id;
  r.inspection_date = inspected;
  r.method = one.plan.tasks[0].method;
  r.team = {"I-001", "I-002"};
  r.entry_date = entered;
  r.publication_date = published;
  one.results.results.push_back(r);
  return one;
}

FindingStatus DeadlineStatus(const OneTask& one, absl::string_view rule,
                             std::optional<absl::CivilDay> as_of = std::nullopt) {
  CheckInput input = Input(one.plan);
  input.results = one.results;
  input.as_of = as_of;
  ComplianceReport report = MustCheck(input, one.plan.period);
  return Find(report, rule, one.plan.period).status;
}

TEST(CheckTest, EntryDeadlineSkipsTheNationalDayHolidayAndCountsTheMakeUpSaturday) {
  // Monday 2024-09-30; 10-01..10-07 off; Saturday 10-12 is a make-up working day: the 7th is 10-15.
  const absl::CivilDay day(2024, 9, 30);
  EXPECT_EQ(DeadlineStatus(Single(2024, 3, day, absl::CivilDay(2024, 10, 15), absl::CivilDay(2024, 10, 15)),
                           "D-ENTRY"),
            FindingStatus::kMet);
  EXPECT_EQ(DeadlineStatus(Single(2024, 3, day, absl::CivilDay(2024, 10, 16), absl::CivilDay(2024, 10, 16)),
                           "D-ENTRY"),
            FindingStatus::kViolated);
}

TEST(CheckTest, EntryDeadlineAroundTheSpringFestival) {
  // Monday 2025-01-27 (the make-up Sunday 01-26 before it); 01-28..02-04 off; Saturday 02-08 works: 02-12.
  const absl::CivilDay day(2025, 1, 27);
  EXPECT_EQ(DeadlineStatus(Single(2025, 1, day, absl::CivilDay(2025, 2, 12), absl::CivilDay(2025, 2, 12)),
                           "D-ENTRY"),
            FindingStatus::kMet);
  EXPECT_EQ(DeadlineStatus(Single(2025, 1, day, absl::CivilDay(2025, 2, 13), absl::CivilDay(2025, 2, 13)),
                           "D-ENTRY"),
            FindingStatus::kViolated);
  // Friday 2024-02-09; 02-10..02-17 off; Sunday 02-18 works: the 7th working day after is 02-26.
  const absl::CivilDay friday(2024, 2, 9);
  EXPECT_EQ(DeadlineStatus(Single(2024, 1, friday, absl::CivilDay(2024, 2, 26), absl::CivilDay(2024, 2, 26)),
                           "D-ENTRY"),
            FindingStatus::kMet);
  EXPECT_EQ(DeadlineStatus(Single(2024, 1, friday, absl::CivilDay(2024, 2, 27), absl::CivilDay(2024, 2, 27)),
                           "D-ENTRY"),
            FindingStatus::kViolated);
}

TEST(CheckTest, PublicationDeadlineIsTwentyWorkingDays) {
  // docs/calendar.md: an inspection on Friday 2024-09-20 is published by Wednesday 2024-10-23.
  const absl::CivilDay day(2024, 9, 20);
  OneTask on_time = Single(2024, 3, day, absl::CivilDay(2024, 9, 23), absl::CivilDay(2024, 10, 23));
  OneTask late = Single(2024, 3, day, absl::CivilDay(2024, 9, 23), absl::CivilDay(2024, 10, 24));
  EXPECT_EQ(DeadlineStatus(on_time, "D-PUBLICATION"), FindingStatus::kMet);
  EXPECT_EQ(DeadlineStatus(late, "D-PUBLICATION"), FindingStatus::kViolated);
  // Not published yet: not yet due before the deadline, violated after it.
  OneTask unpublished = Single(2024, 3, day, absl::CivilDay(2024, 9, 23), std::nullopt);
  EXPECT_EQ(DeadlineStatus(unpublished, "D-PUBLICATION", absl::CivilDay(2024, 10, 23)),
            FindingStatus::kNotYetDue);
  EXPECT_EQ(DeadlineStatus(unpublished, "D-PUBLICATION", absl::CivilDay(2024, 10, 24)),
            FindingStatus::kViolated);
  // Spring Festival 2025: an inspection on 2025-01-27 is published by 2025-03-03 (20 working days).
  OneTask spring =
      Single(2025, 1, absl::CivilDay(2025, 1, 27), absl::CivilDay(2025, 1, 27), absl::CivilDay(2025, 3, 3));
  EXPECT_EQ(DeadlineStatus(spring, "D-PUBLICATION"), FindingStatus::kMet);
  spring.results.results[0].publication_date = absl::CivilDay(2025, 3, 4);
  EXPECT_EQ(DeadlineStatus(spring, "D-PUBLICATION"), FindingStatus::kViolated);
}

TEST(CheckTest, EveryResultMustBePublished) {
  OneTask published =
      Single(2024, 3, absl::CivilDay(2024, 9, 20), absl::CivilDay(2024, 9, 23), absl::CivilDay(2024, 10, 8));
  EXPECT_EQ(DeadlineStatus(published, "P-PUBLISHED"), FindingStatus::kMet);
  // A late publication still counts as published; only D-PUBLICATION flags it.
  published.results.results[0].publication_date = absl::CivilDay(2024, 11, 1);
  EXPECT_EQ(DeadlineStatus(published, "P-PUBLISHED"), FindingStatus::kMet);
  OneTask missing = Single(2024, 3, absl::CivilDay(2024, 9, 20), absl::CivilDay(2024, 9, 23), std::nullopt);
  EXPECT_EQ(DeadlineStatus(missing, "P-PUBLISHED", absl::CivilDay(2024, 10, 1)), FindingStatus::kNotYetDue);
  EXPECT_EQ(DeadlineStatus(missing, "P-PUBLISHED"), FindingStatus::kShort);
  // A publication dated after the as-of day does not count yet.
  EXPECT_EQ(DeadlineStatus(published, "P-PUBLISHED", absl::CivilDay(2024, 10, 15)),
            FindingStatus::kNotYetDue);
  EXPECT_EQ(DeadlineStatus(published, "P-PUBLISHED", absl::CivilDay(2024, 10, 30)), FindingStatus::kShort);
}

TEST(CheckTest, SummaryAndStatisticsDeadlinesUseTheSubmittedDates) {
  OneTask one =
      Single(2024, 3, absl::CivilDay(2024, 9, 20), absl::CivilDay(2024, 9, 23), absl::CivilDay(2024, 10, 8));
  CheckInput input = Input(one.plan);
  // 2024Q3: summary due Friday 09-27 (Sunday 09-29 is a make-up day, the 1st before the end); statistics
  // due Wednesday 10-09, after the National Day holiday.
  input.summary_submitted["2024Q3"] = absl::CivilDay(2024, 9, 27);
  input.statistics_submitted["2024Q3"] = absl::CivilDay(2024, 10, 9);
  ComplianceReport met = MustCheck(input, "2024Q3");
  EXPECT_EQ(Find(met, "D-SUMMARY", "2024Q3").status, FindingStatus::kMet);
  EXPECT_EQ(Find(met, "D-SUMMARY", "2024Q3").due, absl::CivilDay(2024, 9, 27));
  EXPECT_EQ(Find(met, "D-STATISTICS", "2024Q3").status, FindingStatus::kMet);
  input.summary_submitted["2024Q3"] = absl::CivilDay(2024, 9, 29);
  input.statistics_submitted["2024Q3"] = absl::CivilDay(2024, 10, 10);
  ComplianceReport late = MustCheck(input, "2024Q3");
  EXPECT_EQ(Find(late, "D-SUMMARY", "2024Q3").status, FindingStatus::kViolated);
  EXPECT_EQ(Find(late, "D-STATISTICS", "2024Q3").status, FindingStatus::kViolated);
  // Without a date: not yet due before the deadline, unknown after it.
  input.summary_submitted.clear();
  input.statistics_submitted.clear();
  input.as_of = absl::CivilDay(2024, 9, 25);
  EXPECT_EQ(Find(MustCheck(input, "2024Q3"), "D-SUMMARY", "2024Q3").status, FindingStatus::kNotYetDue);
  input.as_of = absl::CivilDay(2024, 10, 10);
  EXPECT_EQ(Find(MustCheck(input, "2024Q3"), "D-STATISTICS", "2024Q3").status, FindingStatus::kUnknown);
  // 2025Q3: the summary is due on the make-up Sunday 2025-09-28; statistics on 2025-10-10.
  OneTask q =
      Single(2025, 3, absl::CivilDay(2025, 9, 1), absl::CivilDay(2025, 9, 2), absl::CivilDay(2025, 9, 3));
  CheckInput y = Input(q.plan);
  y.summary_submitted["2025Q3"] = absl::CivilDay(2025, 9, 28);
  ComplianceReport r = MustCheck(y, "2025Q3");
  EXPECT_EQ(Find(r, "D-SUMMARY", "2025Q3").status, FindingStatus::kMet);
  EXPECT_EQ(Find(r, "D-STATISTICS", "2025Q3").due, absl::CivilDay(2025, 10, 10));
}

// --- A year drawn quarter by quarter -------------------------------------------------------------------

struct Year {
  std::vector<DrawResult> draws;
  ResultSet results;
};

Year SimulateYear(int internal_joint_percent) {
  Year year;
  std::vector<Plan> history;
  for (int quarter = 1; quarter <= 4; ++quarter) {
    year.draws.push_back(DrawQuarter(2024, quarter, history));
    history.push_back(year.draws.back().plan);
    SimulationOptions options;
    options.internal_joint_percent = internal_joint_percent;
    absl::StatusOr<ResultSet> results = SimulateResults(history.back(), Sample(), options);
    EXPECT_TRUE(results.ok()) << results.status();
    year.results.results.insert(year.results.results.end(), results->results.begin(), results->results.end());
  }
  return year;
}

TEST(CheckTest, AYearDrawnQuarterByQuarterMeetsTheYearlyRules) {
  Year year = SimulateYear(35);
  CheckInput input;
  input.bureau = &Sample();
  for (const DrawResult& d : year.draws) {
    input.plans.push_back(d.plan);
    input.records.push_back(d.record);
  }
  input.results = year.results;
  ComplianceReport report = MustCheck(input, "2024");
  EXPECT_EQ(report.plan_periods, (std::vector<std::string>{"2024Q1", "2024Q2", "2024Q3", "2024Q4"}));
  const Finding joint = Find(report, "Q-JOINT-INTERNAL", "2024");
  EXPECT_EQ(joint.status, FindingStatus::kMet) << joint.measured_text;
  for (const char* quarter : {"2024Q1", "2024Q2", "2024Q3", "2024Q4"}) {
    EXPECT_EQ(Find(report, "Q-YEARLY-CAP", quarter).status, FindingStatus::kMet) << quarter;
    EXPECT_EQ(Find(report, "Q-KEY", quarter, "key").status, FindingStatus::kMet) << quarter;
    EXPECT_EQ(Find(report, "Q-JOINT-DEPT", quarter).status, FindingStatus::kMet) << quarter;
    // The simulated faults of every quarter.
    EXPECT_EQ(Find(report, "T-SIZE", quarter).status, FindingStatus::kViolated) << quarter;
    EXPECT_EQ(Find(report, "D-PUBLICATION", quarter).status, FindingStatus::kViolated) << quarter;
  }
  // Rotation: by Q4 every key entity has been visited (25% a quarter, rotation within the year).
  std::set<std::string> visited;
  int64_t key_pool = Find(report, "Q-KEY", "2024Q1", "key").base;
  for (const DrawResult& d : year.draws) {
    for (const Task& t : d.plan.tasks) {
      if (t.pool == Pool::kKey) visited.insert(t.entity_id);
    }
  }
  EXPECT_EQ(static_cast<int64_t>(visited.size()), key_pool);
  EXPECT_FALSE(report.ok());

  Year low = SimulateYear(10);
  input.results = low.results;
  const Finding short_joint = Find(MustCheck(input, "2024"), "Q-JOINT-INTERNAL", "2024");
  EXPECT_EQ(short_joint.status, FindingStatus::kShort);
  EXPECT_GT(short_joint.shortfall, 0);
  // Before the year is over the share is not yet due.
  input.plans.resize(2);
  input.records.resize(2);
  input.as_of = absl::CivilDay(2024, 6, 30);
  const Finding early = Find(MustCheck(input, "2024"), "Q-JOINT-INTERNAL", "2024");
  EXPECT_EQ(early.status, FindingStatus::kNotYetDue);
}

// --- Input errors and output ---------------------------------------------------------------------------

TEST(CheckTest, RejectsInputsThatDoNotFit) {
  CheckInput input;
  EXPECT_EQ(Check(Preset(), Period::Quarter(2024, 1), input).status().code(),
            absl::StatusCode::kInvalidArgument);
  input = Input(Q1().plan);
  absl::Status other = Check(Preset(), Period::Quarter(2024, 2), input).status();
  EXPECT_TRUE(absl::StrContains(other.message(), "is not a plan of 2024Q2")) << other;
  absl::Status year = Check(Preset(), Period::Year(2024), input).status();
  EXPECT_TRUE(absl::StrContains(year.message(), "no plan for 2024Q2")) << year;
  input.as_of = absl::CivilDay(2024, 3, 1);
  EXPECT_TRUE(Check(Preset(), Period::Year(2024), input).ok());  // later quarters have not begun
  CheckInput mismatch = Input(Without(Q1().plan, Pool::kKey, 1));
  mismatch.records = {Q1().record};
  absl::Status record = Check(Preset(), Period::Quarter(2024, 1), mismatch).status();
  EXPECT_TRUE(absl::StrContains(record.message(), "is not this plan's record")) << record;
  CheckInput no_sizes;
  no_sizes.plans = {Q1().plan};
  absl::Status sizes = Check(Preset(), Period::Quarter(2024, 1), no_sizes).status();
  EXPECT_TRUE(absl::StrContains(sizes.message(), "pool sizes of 2024Q1 are unknown")) << sizes;
  CheckInput bad_results = Input(Q1().plan);
  bad_results.results = ResultsFor(Q1().plan, absl::CivilDay(2024, 5, 1));  // outside the quarter
  EXPECT_EQ(Check(Preset(), Period::Quarter(2024, 1), bad_results).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(CheckTest, ReportsEveryRuleAsTextAndJson) {
  CheckInput input = Input(WithTeams(Q1().plan, absl::CivilDay(2024, 1, 2)));
  input.results = ResultsFor(input.plans[0], absl::CivilDay(2024, 2, 20));
  input.as_of = absl::CivilDay(2024, 4, 15);
  ComplianceReport report = MustCheck(input, "2024Q1");
  std::set<std::string> rules;
  for (const Finding& f : report.findings) rules.insert(f.rule);
  for (const std::string& id : RuleIds()) EXPECT_TRUE(rules.count(id)) << id;
  EXPECT_EQ(rules.size(), RuleIds().size());
  const std::string text = report.ToText();
  EXPECT_TRUE(absl::StrContains(text, "规则 rule")) << text;
  EXPECT_TRUE(absl::StrContains(text, "达标 met")) << text;
  nlohmann::json json = nlohmann::json::parse(report.ToJson());
  EXPECT_EQ(json["format"], "ssrandom-compliance");
  EXPECT_EQ(json["mode"], "retrospective");
  EXPECT_EQ(json["as_of"], "2024-04-15");
  EXPECT_EQ(json["findings"].size(), report.findings.size());
  EXPECT_EQ(json["ok"], report.ok());
  EXPECT_FALSE(RuleTitle("Q-KEY").empty());
}

}  // namespace
}  // namespace ssr
