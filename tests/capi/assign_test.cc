// Team rules, the team draw and team records through the C ABI.
#include <cstdint>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "capi_test_util.h"
#include "gtest/gtest.h"

namespace {

using ssr_test::Contains;
using ssr_test::Drawn;
using ssr_test::Message;
using ssr_test::Options;
using ssr_test::Plan;
using ssr_test::PlanDigest;
using ssr_test::Policy;
using ssr_test::Take;
using Rules = ssr_test::Owned<ssr_team_rules, ssr_team_rules_destroy>;
using TeamRecord = ssr_test::Owned<ssr_team_record, ssr_team_record_destroy>;

const ssr_team_rule kIntKeys[] = {SSR_TEAM_RULE_MIN_TEAM_SIZE,
                                  SSR_TEAM_RULE_OFFSITE_TEAM_SIZE,
                                  SSR_TEAM_RULE_DEFAULT_MAX_LOAD,
                                  SSR_TEAM_RULE_ROTATION_WINDOW_PERIODS,
                                  SSR_TEAM_RULE_SKILLS_BY_ITEM,
                                  SSR_TEAM_RULE_INTERNAL_JOINT_SHARE_NUMERATOR,
                                  SSR_TEAM_RULE_INTERNAL_JOINT_SHARE_DENOMINATOR,
                                  SSR_TEAM_RULE_DEPARTMENT_JOINTS_PER_QUARTER};
const ssr_team_rule kStringKeys[] = {SSR_TEAM_RULE_OFFSITE_UNITS, SSR_TEAM_RULE_OWN_AREA};

Rules NewRules() {
  ssr_team_rules* rules = nullptr;
  EXPECT_EQ(ssr_team_rules_create(&rules), SSR_OK) << Message();
  return Rules(rules);
}

Rules PolicyRules(const ssr_policy* policy) {
  ssr_team_rules* rules = nullptr;
  EXPECT_EQ(ssr_team_rules_from_policy(policy, &rules), SSR_OK) << Message();
  return Rules(rules);
}

int64_t GetInt(const ssr_team_rules* rules, ssr_team_rule key) {
  int64_t value = -12345;
  EXPECT_EQ(ssr_team_rules_get_int(rules, key, &value), SSR_OK) << Message();
  return value;
}

std::string GetString(const ssr_team_rules* rules, ssr_team_rule key) {
  const char* value = nullptr;
  EXPECT_EQ(ssr_team_rules_get_string(rules, key, &value), SSR_OK) << Message();
  return value == nullptr ? "<NULL>" : value;
}

// Every key's value, as text, to compare rules before and after a call.
std::string Snapshot(const ssr_team_rules* rules) {
  std::string text;
  for (ssr_team_rule key : kIntKeys) text += std::to_string(GetInt(rules, key)) + ",";
  for (ssr_team_rule key : kStringKeys) text += GetString(rules, key) + ",";
  return text;
}

std::string RecordJson(const ssr_team_record* record) {
  char* json = nullptr;
  EXPECT_EQ(ssr_team_record_to_json(record, &json), SSR_OK) << Message();
  return Take(json);
}

std::string RecordDigest(const ssr_team_record* record) {
  char digest[SSR_DIGEST_SIZE];
  EXPECT_EQ(ssr_team_record_digest(record, digest, sizeof digest), SSR_OK) << Message();
  return digest;
}

TeamRecord RecordFromJson(const std::string& json) {
  ssr_team_record* record = nullptr;
  EXPECT_EQ(ssr_team_record_from_json(json.data(), json.size(), nullptr, &record), SSR_OK) << Message();
  return TeamRecord(record);
}

// Tasks drawn at random (not the positive list, which is reviewed in full): what the year's internal
// joint share counts.
int64_t RandomTasks(const ssr_plan* plan) {
  int64_t random = 0;
  for (size_t t = 0; t < ssr_plan_task_count(plan); ++t) {
    random += std::strcmp(ssr_plan_task_pool(plan, t), "positive") != 0;
  }
  return random;
}

struct Assigned {
  Plan plan;
  TeamRecord record;
};

Assigned Assign(const ssr_bureau* bureau, const ssr_team_rules* rules, const ssr_plan* plan,
                const ssr_draw_options* options) {
  ssr_plan* assigned = nullptr;
  ssr_team_record* record = nullptr;
  EXPECT_EQ(ssr_assign_teams(bureau, rules, plan, options, &assigned, &record), SSR_OK) << Message();
  return {Plan(assigned), TeamRecord(record)};
}

// The sample bureau's 2024Q1 draw and its teams under the preset's rules, computed once.
class CapiAssignTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    bureau_ = new ssr_test::Bureau(ssr_test::SampleBureau());
    policy_ = new Policy(ssr_test::Preset());
    Options options = ssr_test::SeededOptions();
    drawn_ = new Drawn(ssr_test::Draw(bureau_->get(), policy_->get(), "2024Q1", options.get()));
    rules_ = new Rules(PolicyRules(policy_->get()));
    assigned_ = new Assigned(Assign(bureau_->get(), rules_->get(), drawn_->plan.get(), nullptr));
  }
  static void TearDownTestSuite() {
    delete assigned_;
    delete rules_;
    delete drawn_;
    delete policy_;
    delete bureau_;
  }
  static const ssr_bureau* bureau() { return bureau_->get(); }
  static const ssr_policy* policy() { return policy_->get(); }
  static const ssr_plan* plan() { return drawn_->plan.get(); }
  static const ssr_record* drawn_record() { return drawn_->record.get(); }
  static const ssr_team_rules* rules() { return rules_->get(); }
  static const ssr_plan* assigned_plan() { return assigned_->plan.get(); }
  static const ssr_team_record* record() { return assigned_->record.get(); }

 private:
  static ssr_test::Bureau* bureau_;
  static Policy* policy_;
  static Drawn* drawn_;
  static Rules* rules_;
  static Assigned* assigned_;
};
ssr_test::Bureau* CapiAssignTest::bureau_ = nullptr;
Policy* CapiAssignTest::policy_ = nullptr;
Drawn* CapiAssignTest::drawn_ = nullptr;
Rules* CapiAssignTest::rules_ = nullptr;
Assigned* CapiAssignTest::assigned_ = nullptr;

// --- Team rules ----------------------------------------------------------------------------------------

TEST(CapiTeamRulesTest, KeysHaveFixedValues) {
  EXPECT_EQ(SSR_TEAM_RULE_MIN_TEAM_SIZE, 1);
  EXPECT_EQ(SSR_TEAM_RULE_OFFSITE_TEAM_SIZE, 2);
  EXPECT_EQ(SSR_TEAM_RULE_OFFSITE_UNITS, 3);
  EXPECT_EQ(SSR_TEAM_RULE_DEFAULT_MAX_LOAD, 4);
  EXPECT_EQ(SSR_TEAM_RULE_ROTATION_WINDOW_PERIODS, 5);
  EXPECT_EQ(SSR_TEAM_RULE_OWN_AREA, 6);
  EXPECT_EQ(SSR_TEAM_RULE_SKILLS_BY_ITEM, 7);
  EXPECT_EQ(SSR_TEAM_RULE_INTERNAL_JOINT_SHARE_NUMERATOR, 8);
  EXPECT_EQ(SSR_TEAM_RULE_INTERNAL_JOINT_SHARE_DENOMINATOR, 9);
  EXPECT_EQ(SSR_TEAM_RULE_DEPARTMENT_JOINTS_PER_QUARTER, 10);
}

TEST(CapiTeamRulesTest, NewRulesHaveTheDocumentedDefaults) {
  Rules rules = NewRules();
  EXPECT_EQ(GetInt(rules.get(), SSR_TEAM_RULE_MIN_TEAM_SIZE), 2);
  EXPECT_EQ(GetInt(rules.get(), SSR_TEAM_RULE_OFFSITE_TEAM_SIZE), 1);
  EXPECT_EQ(GetString(rules.get(), SSR_TEAM_RULE_OFFSITE_UNITS), "monitoring");
  EXPECT_EQ(GetInt(rules.get(), SSR_TEAM_RULE_DEFAULT_MAX_LOAD), 30);
  EXPECT_EQ(GetInt(rules.get(), SSR_TEAM_RULE_ROTATION_WINDOW_PERIODS), 4);
  EXPECT_EQ(GetString(rules.get(), SSR_TEAM_RULE_OWN_AREA), "free");
  EXPECT_EQ(GetInt(rules.get(), SSR_TEAM_RULE_SKILLS_BY_ITEM), 1);
  EXPECT_EQ(GetInt(rules.get(), SSR_TEAM_RULE_INTERNAL_JOINT_SHARE_NUMERATOR), 30);
  EXPECT_EQ(GetInt(rules.get(), SSR_TEAM_RULE_INTERNAL_JOINT_SHARE_DENOMINATOR), 100);
  EXPECT_EQ(GetInt(rules.get(), SSR_TEAM_RULE_DEPARTMENT_JOINTS_PER_QUARTER), 1);
}

TEST(CapiTeamRulesTest, APolicySetsItsOwnRules) {
  // The Xinle preset looks back one quarter for rotation (the default is four).
  Rules rules = PolicyRules(ssr_test::Preset().get());
  EXPECT_EQ(GetInt(rules.get(), SSR_TEAM_RULE_ROTATION_WINDOW_PERIODS), 1);
  EXPECT_EQ(GetInt(rules.get(), SSR_TEAM_RULE_MIN_TEAM_SIZE), 2);
  EXPECT_EQ(GetInt(rules.get(), SSR_TEAM_RULE_DEPARTMENT_JOINTS_PER_QUARTER), 1);
  ssr_team_rules* out = reinterpret_cast<ssr_team_rules*>(&out);
  EXPECT_EQ(ssr_team_rules_from_policy(nullptr, &out), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(out, nullptr);
  EXPECT_EQ(Message(), "ssr_team_rules_from_policy: policy is NULL");
  EXPECT_EQ(ssr_team_rules_from_policy(ssr_test::Preset().get(), nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_team_rules_create(nullptr), SSR_INVALID_ARGUMENT);
  ssr_team_rules_destroy(nullptr);  // accepted
}

TEST(CapiTeamRulesTest, SettersRoundTrip) {
  Rules rules = NewRules();
  ASSERT_EQ(ssr_team_rules_set_int(rules.get(), SSR_TEAM_RULE_MIN_TEAM_SIZE, 3), SSR_OK) << Message();
  ASSERT_EQ(ssr_team_rules_set_int(rules.get(), SSR_TEAM_RULE_OFFSITE_TEAM_SIZE, 2), SSR_OK);
  ASSERT_EQ(ssr_team_rules_set_int(rules.get(), SSR_TEAM_RULE_DEFAULT_MAX_LOAD, 12), SSR_OK);
  ASSERT_EQ(ssr_team_rules_set_int(rules.get(), SSR_TEAM_RULE_ROTATION_WINDOW_PERIODS, 0), SSR_OK);
  ASSERT_EQ(ssr_team_rules_set_int(rules.get(), SSR_TEAM_RULE_SKILLS_BY_ITEM, 0), SSR_OK);
  // 30/100 to 1/3: the numerator first, so the share stays valid at each step (30/3 would not be).
  ASSERT_EQ(ssr_team_rules_set_int(rules.get(), SSR_TEAM_RULE_INTERNAL_JOINT_SHARE_DENOMINATOR, 3),
            SSR_INVALID_ARGUMENT);
  ASSERT_EQ(ssr_team_rules_set_int(rules.get(), SSR_TEAM_RULE_INTERNAL_JOINT_SHARE_NUMERATOR, 1), SSR_OK);
  ASSERT_EQ(ssr_team_rules_set_int(rules.get(), SSR_TEAM_RULE_INTERNAL_JOINT_SHARE_DENOMINATOR, 3), SSR_OK)
      << Message();
  ASSERT_EQ(ssr_team_rules_set_int(rules.get(), SSR_TEAM_RULE_DEPARTMENT_JOINTS_PER_QUARTER, 0), SSR_OK);
  ASSERT_EQ(ssr_team_rules_set_string(rules.get(), SSR_TEAM_RULE_OWN_AREA, "forbidden"), SSR_OK);
  ASSERT_EQ(ssr_team_rules_set_string(rules.get(), SSR_TEAM_RULE_OFFSITE_UNITS, " monitoring ; lab"), SSR_OK);
  EXPECT_EQ(Snapshot(rules.get()), "3,2,12,0,0,1,3,0,monitoring;lab,forbidden,");
  // "" and NULL empty the unit list.
  ASSERT_EQ(ssr_team_rules_set_string(rules.get(), SSR_TEAM_RULE_OFFSITE_UNITS, nullptr), SSR_OK);
  EXPECT_EQ(GetString(rules.get(), SSR_TEAM_RULE_OFFSITE_UNITS), "");
  ASSERT_EQ(ssr_team_rules_set_string(rules.get(), SSR_TEAM_RULE_OFFSITE_UNITS, "lab"), SSR_OK);
  ASSERT_EQ(ssr_team_rules_set_string(rules.get(), SSR_TEAM_RULE_OFFSITE_UNITS, ""), SSR_OK);
  EXPECT_EQ(GetString(rules.get(), SSR_TEAM_RULE_OFFSITE_UNITS), "");
}

TEST(CapiTeamRulesTest, RefusedValuesLeaveTheRulesUnchanged) {
  Rules rules = NewRules();
  const std::string before = Snapshot(rules.get());
  struct IntCase {
    ssr_team_rule key;
    int64_t value;
    const char* message;
  };
  const IntCase refused[] = {
      {SSR_TEAM_RULE_MIN_TEAM_SIZE, 1, "min_team_size = 1: an on-site team needs at least 2"},
      {SSR_TEAM_RULE_MIN_TEAM_SIZE, int64_t{1} << 40,
       "SSR_TEAM_RULE_MIN_TEAM_SIZE = 1099511627776 is out of"},
      {SSR_TEAM_RULE_OFFSITE_TEAM_SIZE, 0, "offsite_team_size = 0"},
      {SSR_TEAM_RULE_DEFAULT_MAX_LOAD, -1, "default_max_load = -1"},
      {SSR_TEAM_RULE_ROTATION_WINDOW_PERIODS, -2, "rotation_window_periods = -2"},
      {SSR_TEAM_RULE_SKILLS_BY_ITEM, 2, "SSR_TEAM_RULE_SKILLS_BY_ITEM must be 0 or 1, not 2"},
      {SSR_TEAM_RULE_INTERNAL_JOINT_SHARE_NUMERATOR, 101, "internal_joint_share_numerator = 101"},
      {SSR_TEAM_RULE_INTERNAL_JOINT_SHARE_DENOMINATOR, 0, "internal_joint_share_denominator = 0"},
      {SSR_TEAM_RULE_INTERNAL_JOINT_SHARE_DENOMINATOR, 20, "between 0 and the denominator 20"},
      {SSR_TEAM_RULE_DEPARTMENT_JOINTS_PER_QUARTER, -1, "department_joints_per_quarter = -1"},
  };
  for (const IntCase& c : refused) {
    EXPECT_EQ(ssr_team_rules_set_int(rules.get(), c.key, c.value), SSR_INVALID_ARGUMENT) << c.message;
    EXPECT_TRUE(Contains(Message(), c.message)) << Message();
    EXPECT_EQ(Snapshot(rules.get()), before) << c.message;
  }
  EXPECT_EQ(ssr_team_rules_set_string(rules.get(), SSR_TEAM_RULE_OWN_AREA, "sometimes"),
            SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "forbidden")) << Message();  // names the accepted values
  EXPECT_EQ(ssr_team_rules_set_string(rules.get(), SSR_TEAM_RULE_OWN_AREA, nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_team_rules_set_string(rules.get(), SSR_TEAM_RULE_OFFSITE_UNITS, "monitoring;;lab"),
            SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "empty unit id")) << Message();
  // Keys of the other type, unknown keys, NULLs.
  EXPECT_EQ(ssr_team_rules_set_string(rules.get(), SSR_TEAM_RULE_MIN_TEAM_SIZE, "3"), SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "SSR_TEAM_RULE_MIN_TEAM_SIZE is an int rule")) << Message();
  EXPECT_EQ(ssr_team_rules_set_int(rules.get(), SSR_TEAM_RULE_OWN_AREA, 1), SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "SSR_TEAM_RULE_OWN_AREA is a string rule")) << Message();
  for (ssr_team_rule unknown : {static_cast<ssr_team_rule>(0), static_cast<ssr_team_rule>(99),
                                static_cast<ssr_team_rule>(11), SSR_TEAM_RULE_FORCE_INT}) {
    const char* text = nullptr;
    int64_t number = 0;
    EXPECT_EQ(ssr_team_rules_set_int(rules.get(), unknown, 3), SSR_INVALID_ARGUMENT);
    EXPECT_TRUE(Contains(Message(), "unknown team rule")) << Message();
    EXPECT_EQ(ssr_team_rules_set_string(rules.get(), unknown, "x"), SSR_INVALID_ARGUMENT);
    EXPECT_EQ(ssr_team_rules_get_int(rules.get(), unknown, &number), SSR_INVALID_ARGUMENT);
    EXPECT_EQ(ssr_team_rules_get_string(rules.get(), unknown, &text), SSR_INVALID_ARGUMENT);
  }
  const char* text = nullptr;
  int64_t number = 0;
  EXPECT_EQ(ssr_team_rules_get_int(rules.get(), SSR_TEAM_RULE_OWN_AREA, &number), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_team_rules_get_string(rules.get(), SSR_TEAM_RULE_MIN_TEAM_SIZE, &text), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_team_rules_set_int(nullptr, SSR_TEAM_RULE_MIN_TEAM_SIZE, 3), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(Message(), "ssr_team_rules_set_int: rules is NULL");
  EXPECT_EQ(ssr_team_rules_set_string(nullptr, SSR_TEAM_RULE_OWN_AREA, "free"), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_team_rules_get_int(nullptr, SSR_TEAM_RULE_MIN_TEAM_SIZE, &number), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_team_rules_get_int(rules.get(), SSR_TEAM_RULE_MIN_TEAM_SIZE, nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_team_rules_get_string(nullptr, SSR_TEAM_RULE_OWN_AREA, &text), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_team_rules_get_string(rules.get(), SSR_TEAM_RULE_OWN_AREA, nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(Snapshot(rules.get()), before);
}

// --- The team draw -------------------------------------------------------------------------------------

TEST_F(CapiAssignTest, EveryTaskGetsATeamAndTheRecordSaysTheSame) {
  const size_t tasks = ssr_plan_task_count(plan());
  ASSERT_GT(tasks, 200u);
  ASSERT_EQ(ssr_plan_task_count(assigned_plan()), tasks);
  ASSERT_EQ(ssr_team_record_team_count(record()), tasks);
  EXPECT_EQ(ssr_team_record_tasks(record()), static_cast<int64_t>(tasks));
  EXPECT_STREQ(ssr_team_record_period(record()), "2024Q1");
  EXPECT_STREQ(ssr_team_record_id_space(record()), "<task id>|<inspector id>");
  int64_t internal = 0, department = 0;
  for (size_t t = 0; t < tasks; ++t) {
    // The input plan is unchanged: no teams.
    EXPECT_EQ(ssr_plan_task_team_size(plan(), t), 0u);
    EXPECT_STREQ(ssr_team_record_team_task_id(record(), t), ssr_plan_task_id(assigned_plan(), t));
    const size_t size = ssr_team_record_team_member_count(record(), t);
    ASSERT_EQ(ssr_plan_task_team_size(assigned_plan(), t), size);
    EXPECT_GE(size, std::strcmp(ssr_plan_task_method(assigned_plan(), t), "on_site") == 0 ? 2u : 1u);
    std::set<std::string> members;
    for (size_t m = 0; m < size; ++m) {
      EXPECT_STREQ(ssr_team_record_team_member(record(), t, m),
                   ssr_plan_task_team_member(assigned_plan(), t, m));
      members.insert(ssr_team_record_team_member(record(), t, m));
    }
    EXPECT_EQ(members.size(), size) << "an inspector twice on one team";
    const std::string joint = ssr_team_record_team_joint_type(record(), t);
    EXPECT_EQ(joint, ssr_plan_task_joint_type(assigned_plan(), t));
    EXPECT_STREQ(ssr_team_record_team_partner_department(record(), t),
                 ssr_plan_task_partner_department(assigned_plan(), t));
    internal += joint == "internal";
    department += joint == "department";
    for (size_t k = 0; k < ssr_team_record_team_skipped_count(record(), t); ++k) {
      EXPECT_EQ(members.count(ssr_team_record_team_skipped_id(record(), t, k)), 0u);
      EXPECT_GT(std::strlen(ssr_team_record_team_skipped_reason(record(), t, k)), 0u);
    }
  }
  EXPECT_EQ(ssr_team_record_internal_joint(record()), internal);
  EXPECT_EQ(ssr_team_record_department_joint(record()), department);
  EXPECT_EQ(ssr_team_record_department_joint_required(record()), 1);
  EXPECT_GE(department, 1);
  // The year's share counts random inspections: the positive list is reviewed in full, not drawn.
  const int64_t random = RandomTasks(assigned_plan());
  EXPECT_LT(random, static_cast<int64_t>(tasks));
  EXPECT_EQ(ssr_team_record_year_inspections(record()), random);
  EXPECT_EQ(ssr_team_record_year_internal_joint(record()), internal);
  EXPECT_EQ(ssr_team_record_year_internal_joint_required(record()), (random * 30 + 99) / 100);
  const int cap = ssr_team_record_load_cap_percent(record());
  EXPECT_GE(cap, 1);
  EXPECT_LE(cap, 100);
  EXPECT_LE(ssr_team_record_workload_min(record()), ssr_team_record_workload_max(record()));
  EXPECT_GT(ssr_team_record_workload_inspectors(record()), 10);
  EXPECT_NE(PlanDigest(assigned_plan()), PlanDigest(plan()));
  // Some candidate was passed over somewhere (conflicts, units, loads), with its reason.
  bool any_skipped = false;
  for (size_t t = 0; t < tasks; ++t) any_skipped |= ssr_team_record_team_skipped_count(record(), t) > 0;
  EXPECT_TRUE(any_skipped);
}

TEST_F(CapiAssignTest, FindTeamByTaskId) {
  size_t team = 99999;
  ASSERT_EQ(ssr_team_record_find_team(record(), ssr_plan_task_id(plan(), 7), &team), SSR_OK) << Message();
  EXPECT_EQ(team, 7u);
  EXPECT_EQ(ssr_team_record_find_team(record(), "2024Q1/NOPE", &team), SSR_NOT_FOUND);
  EXPECT_TRUE(Contains(Message(), "no team for task '2024Q1/NOPE'")) << Message();
  EXPECT_EQ(team, 7u);
  EXPECT_EQ(ssr_team_record_find_team(nullptr, "x", &team), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_team_record_find_team(record(), nullptr, &team), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_team_record_find_team(record(), "x", nullptr), SSR_INVALID_ARGUMENT);
}

TEST_F(CapiAssignTest, TheSameInputsGiveTheSameRecordOnAnyThreadCount) {
  Options one = ssr_test::SeededOptions();
  ASSERT_EQ(ssr_draw_options_set_int(one.get(), SSR_DRAW_THREADS, 1), SSR_OK);
  Assigned a = Assign(bureau(), rules(), plan(), one.get());
  Options two = ssr_test::SeededOptions("the seed of these options is not read");
  ASSERT_EQ(ssr_draw_options_set_int(two.get(), SSR_DRAW_THREADS, 2), SSR_OK);
  Assigned b = Assign(bureau(), rules(), plan(), two.get());
  EXPECT_EQ(RecordJson(a.record.get()), RecordJson(record()));
  EXPECT_EQ(RecordJson(b.record.get()), RecordJson(record()));
  EXPECT_EQ(PlanDigest(b.plan.get()), PlanDigest(assigned_plan()));
  // Teams already in the plan are replaced, not kept.
  Assigned again = Assign(bureau(), rules(), assigned_plan(), nullptr);
  EXPECT_EQ(RecordDigest(again.record.get()), RecordDigest(record()));
  // Other rules, another draw.
  Rules three = NewRules();
  ASSERT_EQ(ssr_team_rules_set_int(three.get(), SSR_TEAM_RULE_MIN_TEAM_SIZE, 3), SSR_OK);
  Assigned bigger = Assign(bureau(), three.get(), plan(), nullptr);
  EXPECT_NE(RecordDigest(bigger.record.get()), RecordDigest(record()));
  for (size_t t = 0; t < ssr_plan_task_count(bigger.plan.get()); ++t) {
    if (std::strcmp(ssr_plan_task_method(bigger.plan.get(), t), "on_site") == 0) {
      EXPECT_GE(ssr_plan_task_team_size(bigger.plan.get(), t), 3u) << t;
    }
  }
}

TEST_F(CapiAssignTest, TheHistoryCountsForTheYearAndRotation) {
  Options options = ssr_test::SeededOptions("福利彩票 2024-04-03 3D 852");
  ASSERT_EQ(ssr_draw_options_add_history(options.get(), assigned_plan()), SSR_OK);
  Drawn q2 = ssr_test::Draw(bureau(), policy(), "2024Q2", options.get());
  Assigned teams = Assign(bureau(), rules(), q2.plan.get(), options.get());
  const int64_t q2_tasks = static_cast<int64_t>(ssr_plan_task_count(q2.plan.get()));
  EXPECT_EQ(ssr_team_record_year_inspections(teams.record.get()),
            RandomTasks(assigned_plan()) + RandomTasks(q2.plan.get()));
  EXPECT_EQ(ssr_team_record_tasks(teams.record.get()), q2_tasks);
  EXPECT_EQ(ssr_team_record_verify(teams.record.get(), bureau(), rules(), q2.plan.get(), options.get()),
            SSR_OK)
      << Message();
  // Without the history the same record no longer verifies.
  EXPECT_EQ(ssr_team_record_verify(teams.record.get(), bureau(), rules(), q2.plan.get(), nullptr),
            SSR_FAILED_PRECONDITION);
}

TEST_F(CapiAssignTest, BadArgumentsFailAndSetTheOutputsToNull) {
  ssr_plan* out_plan = reinterpret_cast<ssr_plan*>(&out_plan);
  ssr_team_record* out_record = reinterpret_cast<ssr_team_record*>(&out_record);
  EXPECT_EQ(ssr_assign_teams(nullptr, rules(), plan(), nullptr, &out_plan, &out_record),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(Message(), "ssr_assign_teams: bureau is NULL");
  EXPECT_EQ(out_plan, nullptr);
  EXPECT_EQ(out_record, nullptr);
  EXPECT_EQ(ssr_assign_teams(bureau(), nullptr, plan(), nullptr, &out_plan, &out_record),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(Message(), "ssr_assign_teams: rules is NULL");
  EXPECT_EQ(ssr_assign_teams(bureau(), rules(), nullptr, nullptr, &out_plan, &out_record),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(Message(), "ssr_assign_teams: plan is NULL");
  EXPECT_EQ(ssr_assign_teams(bureau(), rules(), plan(), nullptr, nullptr, &out_record), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_assign_teams(bureau(), rules(), plan(), nullptr, &out_plan, nullptr), SSR_INVALID_ARGUMENT);
  // A plan naming entities this bureau does not have.
  ssr_bureau* empty = nullptr;
  ASSERT_EQ(ssr_bureau_create("空", &empty), SSR_OK);
  ssr_test::Bureau other(empty);
  EXPECT_EQ(ssr_assign_teams(other.get(), rules(), plan(), nullptr, &out_plan, &out_record),
            SSR_INVALID_ARGUMENT);
  EXPECT_FALSE(Message().empty());
  EXPECT_EQ(out_plan, nullptr);
  EXPECT_EQ(out_record, nullptr);
}

TEST_F(CapiAssignTest, AnInfeasibleDrawIsAFailedPreconditionThatSaysWhy) {
  Rules huge = NewRules();
  ASSERT_EQ(ssr_team_rules_set_int(huge.get(), SSR_TEAM_RULE_MIN_TEAM_SIZE, 200), SSR_OK);
  ssr_plan* out_plan = nullptr;
  ssr_team_record* out_record = nullptr;
  EXPECT_EQ(ssr_assign_teams(bureau(), huge.get(), plan(), nullptr, &out_plan, &out_record),
            SSR_FAILED_PRECONDITION);
  EXPECT_GT(Message().size(), 40u) << Message();
  EXPECT_EQ(out_plan, nullptr);
  EXPECT_EQ(out_record, nullptr);
  // The inputs are unchanged: the same draw works afterwards.
  Assigned a = Assign(bureau(), rules(), plan(), nullptr);
  EXPECT_EQ(RecordDigest(a.record.get()), RecordDigest(record()));
}

// --- Team records --------------------------------------------------------------------------------------

TEST_F(CapiAssignTest, RecordJsonRoundTripsAndTheDigestFollowsTheContent) {
  const std::string json = RecordJson(record());
  EXPECT_TRUE(Contains(json, "\"format\": \"ssrandom-team-record\"")) << json.substr(0, 200);
  TeamRecord back = RecordFromJson(json);
  ASSERT_NE(back, nullptr);
  EXPECT_EQ(RecordJson(back.get()), json);
  const std::string digest = RecordDigest(record());
  ASSERT_EQ(digest.size(), 64u);
  EXPECT_EQ(digest.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(RecordDigest(back.get()), digest);
  // One member changed: another digest.
  std::string tampered = json;
  const std::string member = ssr_team_record_team_member(record(), 0, 0);
  const std::string other = member == "I-001" ? "I-002" : "I-001";
  tampered.replace(tampered.find("\"" + member + "\""), member.size() + 2, "\"" + other + "\"");
  TeamRecord changed = RecordFromJson(tampered);
  ASSERT_NE(changed, nullptr);
  EXPECT_NE(RecordDigest(changed.get()), digest);
  // Buffers too small, NULLs.
  char small[SSR_DIGEST_SIZE - 1] = "untouched";
  EXPECT_EQ(ssr_team_record_digest(record(), small, sizeof small), SSR_INVALID_ARGUMENT);
  EXPECT_STREQ(small, "untouched");
  EXPECT_EQ(ssr_team_record_digest(nullptr, small, sizeof small), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_team_record_digest(record(), nullptr, SSR_DIGEST_SIZE), SSR_INVALID_ARGUMENT);
  char* text = nullptr;
  EXPECT_EQ(ssr_team_record_to_json(nullptr, &text), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_team_record_to_json(record(), nullptr), SSR_INVALID_ARGUMENT);
}

TEST(CapiTeamRecordTest, BadJsonIsRefusedNamingTheSourceAndTheField) {
  ssr_team_record* record = reinterpret_cast<ssr_team_record*>(&record);
  const std::string broken = "{\"format\": \"ssrandom-team-record\", \"format_version\": 1";
  EXPECT_EQ(ssr_team_record_from_json(broken.data(), broken.size(), "mine.json", &record),
            SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "mine.json")) << Message();
  EXPECT_EQ(record, nullptr);
  const std::string other = "{\"format\": \"ssrandom-plan\", \"format_version\": 1}";
  EXPECT_EQ(ssr_team_record_from_json(other.data(), other.size(), nullptr, &record), SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "teams.json")) << Message();
  EXPECT_EQ(ssr_team_record_from_json(nullptr, 3, nullptr, &record), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_team_record_from_json("{}", 2, nullptr, nullptr), SSR_INVALID_ARGUMENT);
  ssr_team_record_destroy(nullptr);  // accepted
}

TEST_F(CapiAssignTest, VerificationAcceptsTheRecordAndNamesTheFirstDifference) {
  EXPECT_EQ(ssr_team_record_verify(record(), bureau(), rules(), plan(), nullptr), SSR_OK) << Message();
  EXPECT_EQ(Message(), "");
  EXPECT_EQ(ssr_team_record_verify(record(), bureau(), rules(), assigned_plan(), nullptr), SSR_OK)
      << Message();
  // Members swapped in the JSON.
  size_t t = 0;
  while (ssr_team_record_team_member_count(record(), t) < 2) ++t;
  const std::string first = ssr_team_record_team_member(record(), t, 0);
  const std::string second = ssr_team_record_team_member(record(), t, 1);
  std::string json = RecordJson(record());
  const size_t team_at =
      json.find("\"task_id\": \"" + std::string(ssr_team_record_team_task_id(record(), t)) + "\"");
  const size_t at = json.find("\"" + first + "\"", team_at);
  const size_t at2 = json.find("\"" + second + "\"", team_at);
  ASSERT_NE(at, std::string::npos);
  ASSERT_NE(at2, std::string::npos);
  json.replace(at2, second.size() + 2, "\"" + first + "\"");
  json.replace(at, first.size() + 2, "\"" + second + "\"");
  TeamRecord swapped = RecordFromJson(json);
  ASSERT_NE(swapped, nullptr);
  EXPECT_EQ(ssr_team_record_verify(swapped.get(), bureau(), rules(), plan(), nullptr),
            SSR_FAILED_PRECONDITION);
  EXPECT_TRUE(Contains(Message(), "teams[" + std::to_string(t) + "]")) << Message();
  EXPECT_TRUE(Contains(Message(), ".members[0]: the record says " + second)) << Message();
  // Other rules than the record's.
  Rules three = NewRules();
  ASSERT_EQ(ssr_team_rules_set_int(three.get(), SSR_TEAM_RULE_MIN_TEAM_SIZE, 3), SSR_OK);
  EXPECT_EQ(ssr_team_record_verify(record(), bureau(), three.get(), plan(), nullptr),
            SSR_FAILED_PRECONDITION);
  EXPECT_TRUE(Contains(Message(), "rules.min_team_size: the record says 2")) << Message();
  // NULLs.
  EXPECT_EQ(ssr_team_record_verify(nullptr, bureau(), rules(), plan(), nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(Message(), "ssr_team_record_verify: record is NULL");
  EXPECT_EQ(ssr_team_record_verify(record(), nullptr, rules(), plan(), nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_team_record_verify(record(), bureau(), nullptr, plan(), nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_team_record_verify(record(), bureau(), rules(), nullptr, nullptr), SSR_INVALID_ARGUMENT);
}

TEST_F(CapiAssignTest, TheRecordGivesBackTheRulesItApplied) {
  ssr_team_rules* raw = nullptr;
  ASSERT_EQ(ssr_team_record_rules(record(), &raw), SSR_OK) << Message();
  Rules applied(raw);
  EXPECT_EQ(Snapshot(applied.get()), Snapshot(rules()));
  EXPECT_EQ(ssr_team_record_verify(record(), bureau(), applied.get(), plan(), nullptr), SSR_OK) << Message();
  raw = reinterpret_cast<ssr_team_rules*>(&raw);
  EXPECT_EQ(ssr_team_record_rules(nullptr, &raw), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(raw, nullptr);
  EXPECT_EQ(ssr_team_record_rules(record(), nullptr), SSR_INVALID_ARGUMENT);
}

TEST_F(CapiAssignTest, AccessorsFallBackOnNullAndOutOfRange) {
  EXPECT_EQ(ssr_team_record_period(nullptr), nullptr);
  EXPECT_EQ(Message(), "ssr_team_record_period: record is NULL");
  EXPECT_EQ(ssr_team_record_id_space(nullptr), nullptr);
  EXPECT_EQ(ssr_team_record_load_cap_percent(nullptr), -1);
  for (int64_t (*number)(const ssr_team_record*) :
       {ssr_team_record_tasks, ssr_team_record_internal_joint, ssr_team_record_department_joint,
        ssr_team_record_department_joint_required, ssr_team_record_year_inspections,
        ssr_team_record_year_internal_joint, ssr_team_record_year_internal_joint_required,
        ssr_team_record_workload_min, ssr_team_record_workload_max, ssr_team_record_workload_inspectors}) {
    EXPECT_EQ(number(nullptr), -1);
    EXPECT_TRUE(Contains(Message(), "record is NULL")) << Message();
  }
  EXPECT_EQ(ssr_team_record_team_count(nullptr), 0u);
  const size_t n = ssr_team_record_team_count(record());
  EXPECT_EQ(ssr_team_record_team_task_id(record(), n), nullptr);
  EXPECT_EQ(Message(), "ssr_team_record_team_task_id: team index " + std::to_string(n) +
                           " is out of range (there are " + std::to_string(n) + ")");
  EXPECT_EQ(ssr_team_record_team_joint_type(record(), n), nullptr);
  EXPECT_EQ(ssr_team_record_team_partner_department(nullptr, 0), nullptr);
  EXPECT_EQ(ssr_team_record_team_member_count(record(), n), 0u);
  EXPECT_EQ(ssr_team_record_team_skipped_count(record(), n), 0u);
  const size_t members = ssr_team_record_team_member_count(record(), 0);
  EXPECT_EQ(ssr_team_record_team_member(record(), 0, members), nullptr);
  EXPECT_TRUE(Contains(Message(), "member index")) << Message();
  const size_t skipped = ssr_team_record_team_skipped_count(record(), 0);
  EXPECT_EQ(ssr_team_record_team_skipped_id(record(), 0, skipped), nullptr);
  EXPECT_TRUE(Contains(Message(), "skipped candidate index")) << Message();
  EXPECT_EQ(ssr_team_record_team_skipped_reason(record(), n, 0), nullptr);
  // A successful accessor clears the message.
  EXPECT_STREQ(ssr_team_record_period(record()), "2024Q1");
  EXPECT_EQ(Message(), "");
}

}  // namespace

namespace {

// The team record names the entity draw record it follows (SSR_DRAW_PREVIOUS_RECORD_DIGEST), and verifying
// it against any other predecessor fails: a published team draw cannot be moved to another draw.
TEST_F(CapiAssignTest, TeamRecordChainsToTheEntityRecord) {
  char entity_digest[SSR_DIGEST_SIZE];
  ASSERT_EQ(ssr_record_digest(drawn_record(), entity_digest, sizeof entity_digest), SSR_OK) << Message();
  Options options = ssr_test::SeededOptions();
  ASSERT_EQ(ssr_draw_options_set_string(options.get(), SSR_DRAW_PREVIOUS_RECORD_DIGEST, entity_digest),
            SSR_OK)
      << Message();
  Assigned chained = Assign(bureau(), rules(), plan(), options.get());
  ASSERT_NE(chained.record.get(), nullptr);
  EXPECT_STREQ(ssr_team_record_previous_record_digest(chained.record.get()), entity_digest);
  EXPECT_STREQ(ssr_team_record_previous_record_digest(record()), "");  // assigned without options
  EXPECT_EQ(std::strlen(ssr_team_record_plan_digest(chained.record.get())), 64u);
  EXPECT_STREQ(ssr_team_record_plan_digest(chained.record.get()), ssr_team_record_plan_digest(record()));
  EXPECT_EQ(std::strlen(ssr_team_record_inspector_directory_digest(chained.record.get())), 64u);
  // The link is part of the record, so of its digest.
  EXPECT_NE(RecordDigest(chained.record.get()), RecordDigest(record()));

  EXPECT_EQ(ssr_team_record_verify(chained.record.get(), bureau(), rules(), plan(), options.get()), SSR_OK)
      << Message();
  EXPECT_EQ(ssr_team_record_verify(chained.record.get(), bureau(), rules(), plan(), nullptr),
            SSR_FAILED_PRECONDITION);
  EXPECT_TRUE(Contains(Message(), "previous_record_digest")) << Message();

  EXPECT_EQ(ssr_team_record_previous_record_digest(nullptr), nullptr);
  EXPECT_TRUE(Contains(Message(), "record is NULL")) << Message();
}

}  // namespace
