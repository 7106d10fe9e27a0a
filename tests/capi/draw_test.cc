// Draw options, the draw, plans, records and verification through the C ABI.
#include <cstring>
#include <set>
#include <string>
#include <utility>
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
using ssr_test::Record;
using ssr_test::Take;

const char* const kSeed = "福利彩票 2024-01-05 3D 317";

std::string RecordDigest(const ssr_record* record) {
  char digest[SSR_DIGEST_SIZE];
  EXPECT_EQ(ssr_record_digest(record, digest, sizeof digest), SSR_OK) << Message();
  return digest;
}

std::string PlanJson(const ssr_plan* plan) {
  char* json = nullptr;
  EXPECT_EQ(ssr_plan_to_json(plan, &json), SSR_OK) << Message();
  return Take(json);
}

std::string RecordJson(const ssr_record* record) {
  char* json = nullptr;
  EXPECT_EQ(ssr_record_to_json(record, &json), SSR_OK) << Message();
  return Take(json);
}

Record RecordFromJson(const std::string& json) {
  ssr_record* record = nullptr;
  EXPECT_EQ(ssr_record_from_json(json.data(), json.size(), nullptr, &record), SSR_OK) << Message();
  return Record(record);
}

// The preset with quota settings changed, by editing its canonical JSON: `"key":{...,"value":OLD}`.
Policy EditedPreset(const std::vector<std::pair<std::string, std::string>>& settings) {
  std::string json = ssr_policy_canonical_json(ssr_test::Preset().get());
  for (const auto& [key, value] : settings) {
    size_t at = json.find("\"" + key + "\":{");
    size_t start = json.find("\"value\":", at);
    size_t end = json.find('}', start);
    if (at == std::string::npos || start == std::string::npos) std::abort();
    json.replace(start + 8, end - start - 8, value);
  }
  ssr_policy* policy = nullptr;
  EXPECT_EQ(ssr_policy_from_json(json.data(), json.size(), "edited.json", &policy), SSR_OK) << Message();
  return Policy(policy);
}

struct Sample {
  ssr_test::Bureau bureau = ssr_test::SampleBureau();
  Policy policy = ssr_test::Preset();
  Options options = ssr_test::SeededOptions(kSeed);
};

// --- Options -------------------------------------------------------------------------------------------

TEST(CapiDrawOptionsTest, KeysHaveFixedValues) {
  EXPECT_EQ(SSR_DRAW_SEED, 1);
  EXPECT_EQ(SSR_DRAW_SEED_SOURCE, 2);
  EXPECT_EQ(SSR_DRAW_PREVIOUS_RECORD_DIGEST, 3);
  EXPECT_EQ(SSR_DRAW_THREADS, 4);
}

TEST(CapiDrawOptionsTest, DefaultsAndSettersRoundTrip) {
  ssr_draw_options* raw = nullptr;
  ASSERT_EQ(ssr_draw_options_create(&raw), SSR_OK);
  Options options(raw);
  const char* text = nullptr;
  int64_t number = -1;
  for (ssr_draw_option key : {SSR_DRAW_SEED, SSR_DRAW_SEED_SOURCE, SSR_DRAW_PREVIOUS_RECORD_DIGEST}) {
    ASSERT_EQ(ssr_draw_options_get_string(options.get(), key, &text), SSR_OK);
    EXPECT_STREQ(text, "");
  }
  ASSERT_EQ(ssr_draw_options_get_int(options.get(), SSR_DRAW_THREADS, &number), SSR_OK);
  EXPECT_EQ(number, 0);
  EXPECT_EQ(ssr_draw_options_history_count(options.get()), 0u);

  ASSERT_EQ(ssr_draw_options_set_string(options.get(), SSR_DRAW_SEED, kSeed), SSR_OK);
  ASSERT_EQ(ssr_draw_options_set_string(options.get(), SSR_DRAW_SEED_SOURCE, "3D lottery"), SSR_OK);
  const std::string digest(64, 'a');
  ASSERT_EQ(ssr_draw_options_set_string(options.get(), SSR_DRAW_PREVIOUS_RECORD_DIGEST, digest.c_str()),
            SSR_OK);
  ASSERT_EQ(ssr_draw_options_set_int(options.get(), SSR_DRAW_THREADS, 2), SSR_OK);
  ASSERT_EQ(ssr_draw_options_get_string(options.get(), SSR_DRAW_SEED, &text), SSR_OK);
  EXPECT_STREQ(text, kSeed);
  ASSERT_EQ(ssr_draw_options_get_string(options.get(), SSR_DRAW_SEED_SOURCE, &text), SSR_OK);
  EXPECT_STREQ(text, "3D lottery");
  ASSERT_EQ(ssr_draw_options_get_string(options.get(), SSR_DRAW_PREVIOUS_RECORD_DIGEST, &text), SSR_OK);
  EXPECT_EQ(std::string(text), digest);
  ASSERT_EQ(ssr_draw_options_get_int(options.get(), SSR_DRAW_THREADS, &number), SSR_OK);
  EXPECT_EQ(number, 2);
  ASSERT_EQ(ssr_draw_options_set_string(options.get(), SSR_DRAW_SEED_SOURCE, nullptr), SSR_OK);
  ASSERT_EQ(ssr_draw_options_get_string(options.get(), SSR_DRAW_SEED_SOURCE, &text), SSR_OK);
  EXPECT_STREQ(text, "");
}

TEST(CapiDrawOptionsTest, RefusedValuesLeaveTheOptionUnchanged) {
  Options options = ssr_test::SeededOptions("314159");
  EXPECT_EQ(ssr_draw_options_set_string(options.get(), SSR_DRAW_SEED, " \u3000 "), SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "seed")) << Message();
  EXPECT_EQ(ssr_draw_options_set_string(options.get(), SSR_DRAW_SEED, ""), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_draw_options_set_string(options.get(), SSR_DRAW_SEED, nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_draw_options_set_string(options.get(), SSR_DRAW_SEED, "bad \xff utf-8"),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_draw_options_set_string(options.get(), SSR_DRAW_PREVIOUS_RECORD_DIGEST, "ABC"),
            SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "64 lowercase hex")) << Message();
  EXPECT_EQ(ssr_draw_options_set_int(options.get(), SSR_DRAW_THREADS, -1), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_draw_options_set_int(options.get(), SSR_DRAW_THREADS, 257), SSR_INVALID_ARGUMENT);
  // Keys of the other type, and unknown keys.
  EXPECT_EQ(ssr_draw_options_set_string(options.get(), SSR_DRAW_THREADS, "2"), SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "int option")) << Message();
  EXPECT_EQ(ssr_draw_options_set_int(options.get(), SSR_DRAW_SEED, 2), SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "string option")) << Message();
  const ssr_draw_option unknown = static_cast<ssr_draw_option>(99);
  EXPECT_EQ(ssr_draw_options_set_string(options.get(), unknown, "x"), SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "unknown draw option 99")) << Message();
  EXPECT_EQ(ssr_draw_options_set_int(options.get(), unknown, 1), SSR_INVALID_ARGUMENT);
  const char* text = nullptr;
  int64_t number = 0;
  EXPECT_EQ(ssr_draw_options_get_string(options.get(), unknown, &text), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_draw_options_get_string(options.get(), SSR_DRAW_THREADS, &text), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_draw_options_get_int(options.get(), unknown, &number), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_draw_options_get_int(options.get(), SSR_DRAW_SEED, &number), SSR_INVALID_ARGUMENT);
  // NULL handles and outputs.
  EXPECT_EQ(ssr_draw_options_create(nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_draw_options_set_string(nullptr, SSR_DRAW_SEED, "x"), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_draw_options_set_int(nullptr, SSR_DRAW_THREADS, 1), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_draw_options_get_string(nullptr, SSR_DRAW_SEED, &text), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_draw_options_get_string(options.get(), SSR_DRAW_SEED, nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_draw_options_get_int(nullptr, SSR_DRAW_THREADS, &number), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_draw_options_get_int(options.get(), SSR_DRAW_THREADS, nullptr), SSR_INVALID_ARGUMENT);
  // Every value is as before.
  ASSERT_EQ(ssr_draw_options_get_string(options.get(), SSR_DRAW_SEED, &text), SSR_OK);
  EXPECT_STREQ(text, "314159");
  ASSERT_EQ(ssr_draw_options_get_string(options.get(), SSR_DRAW_PREVIOUS_RECORD_DIGEST, &text), SSR_OK);
  EXPECT_STREQ(text, "");
  ASSERT_EQ(ssr_draw_options_get_int(options.get(), SSR_DRAW_THREADS, &number), SSR_OK);
  EXPECT_EQ(number, 0);
}

TEST(CapiDrawOptionsTest, HistoryIsCopiedCountedAndCleared) {
  Sample s;
  Drawn q1 = ssr_test::Draw(s.bureau.get(), s.policy.get(), "2024Q1", s.options.get());
  Options options = ssr_test::SeededOptions();
  ASSERT_EQ(ssr_draw_options_add_history(options.get(), q1.plan.get()), SSR_OK);
  q1.plan.reset();  // the options keep their own copy
  EXPECT_EQ(ssr_draw_options_history_count(options.get()), 1u);
  Drawn q2 = ssr_test::Draw(s.bureau.get(), s.policy.get(), "2024Q2", options.get());
  EXPECT_EQ(ssr_record_history_count(q2.record.get()), 1u);
  ASSERT_EQ(ssr_draw_options_clear_history(options.get()), SSR_OK);
  EXPECT_EQ(ssr_draw_options_history_count(options.get()), 0u);
  EXPECT_EQ(ssr_draw_options_add_history(options.get(), nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_draw_options_history_count(options.get()), 0u);
  EXPECT_EQ(ssr_draw_options_add_history(nullptr, q2.plan.get()), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_draw_options_history_count(nullptr), 0u);
  EXPECT_EQ(ssr_draw_options_clear_history(nullptr), SSR_INVALID_ARGUMENT);
}

// --- The draw ------------------------------------------------------------------------------------------

TEST(CapiDrawTest, SameInputsGiveTheSameDigestsOnAnyThreadCount) {
  Sample s;
  Drawn a = ssr_test::Draw(s.bureau.get(), s.policy.get(), "2024Q1", s.options.get());
  ASSERT_EQ(ssr_draw_options_set_int(s.options.get(), SSR_DRAW_THREADS, 1), SSR_OK);
  Drawn b = ssr_test::Draw(s.bureau.get(), s.policy.get(), "2024Q1", s.options.get());
  EXPECT_EQ(PlanDigest(a.plan.get()), PlanDigest(b.plan.get()));
  EXPECT_EQ(RecordDigest(a.record.get()), RecordDigest(b.record.get()));
  EXPECT_EQ(PlanDigest(a.plan.get()), ssr_record_plan_digest(a.record.get()));
  // A different seed gives a different plan.
  Options other = ssr_test::SeededOptions("another seed");
  Drawn c = ssr_test::Draw(s.bureau.get(), s.policy.get(), "2024Q1", other.get());
  EXPECT_NE(PlanDigest(a.plan.get()), PlanDigest(c.plan.get()));
}

TEST(CapiDrawTest, DrawRejectsBadArgumentsAndSetsOutputsToNull) {
  Sample s;
  ssr_plan* plan = reinterpret_cast<ssr_plan*>(&plan);
  ssr_record* record = reinterpret_cast<ssr_record*>(&record);
  Options unseeded;
  {
    ssr_draw_options* raw = nullptr;
    ASSERT_EQ(ssr_draw_options_create(&raw), SSR_OK);
    unseeded.reset(raw);
  }
  EXPECT_EQ(ssr_draw(s.bureau.get(), s.policy.get(), "2024Q1", unseeded.get(), &plan, &record),
            SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "SSR_DRAW_SEED")) << Message();
  EXPECT_EQ(plan, nullptr);
  EXPECT_EQ(record, nullptr);
  EXPECT_EQ(ssr_draw(s.bureau.get(), s.policy.get(), "2024", s.options.get(), &plan, &record),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_draw(s.bureau.get(), s.policy.get(), "Q1 2024", s.options.get(), &plan, &record),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_draw(nullptr, s.policy.get(), "2024Q1", s.options.get(), &plan, &record),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_draw(s.bureau.get(), nullptr, "2024Q1", s.options.get(), &plan, &record),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_draw(s.bureau.get(), s.policy.get(), nullptr, s.options.get(), &plan, &record),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_draw(s.bureau.get(), s.policy.get(), "2024Q1", nullptr, &plan, &record),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_draw(s.bureau.get(), s.policy.get(), "2024Q1", s.options.get(), nullptr, &record),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_draw(s.bureau.get(), s.policy.get(), "2024Q1", s.options.get(), &plan, nullptr),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(record, nullptr);
}

TEST(CapiDrawTest, HistoryFromTheSamePeriodOrLaterIsRefused) {
  Sample s;
  Drawn q2 = ssr_test::Draw(s.bureau.get(), s.policy.get(), "2024Q2", s.options.get());
  ASSERT_EQ(ssr_draw_options_add_history(s.options.get(), q2.plan.get()), SSR_OK);
  ssr_plan* plan = nullptr;
  ssr_record* record = nullptr;
  EXPECT_EQ(ssr_draw(s.bureau.get(), s.policy.get(), "2024Q1", s.options.get(), &plan, &record),
            SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "2024Q2")) << Message();
  EXPECT_EQ(plan, nullptr);
}

TEST(CapiDrawTest, InfeasibleDrawFailsNamingTheStratumAndTheShortfall) {
  Sample s;
  Policy strict = EditedPreset(
      {{"yearly_cap", "1"}, {"rotation_within_year", "false"}, {"take_whole_pool_when_short", "false"}});
  Drawn q1 = ssr_test::Draw(s.bureau.get(), strict.get(), "2024Q1", s.options.get());
  Options second = ssr_test::SeededOptions("another");
  ASSERT_EQ(ssr_draw_options_add_history(second.get(), q1.plan.get()), SSR_OK);
  ssr_plan* plan = reinterpret_cast<ssr_plan*>(&plan);
  ssr_record* record = reinterpret_cast<ssr_record*>(&record);
  EXPECT_EQ(ssr_draw(s.bureau.get(), strict.get(), "2024Q2", second.get(), &plan, &record),
            SSR_FAILED_PRECONDITION);
  std::string message = Message();
  EXPECT_TRUE(Contains(message, "stratum special")) << message;
  EXPECT_TRUE(Contains(message, "short")) << message;
  EXPECT_EQ(plan, nullptr);
  EXPECT_EQ(record, nullptr);
  // The inputs are unchanged: the same options still draw Q1 identically under the preset.
  EXPECT_EQ(ssr_draw_options_history_count(second.get()), 1u);
  // Under the whole-pool rule the quarter is drawn and the record says where the pool ran out.
  Policy whole = EditedPreset({{"yearly_cap", "1"}, {"rotation_within_year", "false"}});
  Drawn first = ssr_test::Draw(s.bureau.get(), whole.get(), "2024Q1", s.options.get());
  ASSERT_EQ(ssr_draw_options_clear_history(second.get()), SSR_OK);
  ASSERT_EQ(ssr_draw_options_add_history(second.get(), first.plan.get()), SSR_OK);
  Drawn q2 = ssr_test::Draw(s.bureau.get(), whole.get(), "2024Q2", second.get());
  bool any_whole = false;
  for (size_t i = 0; i < ssr_record_stratum_count(q2.record.get()); ++i) {
    if (ssr_record_stratum_whole_pool_taken(q2.record.get(), i) == 1) {
      any_whole = true;
      EXPECT_LT(static_cast<int64_t>(ssr_record_stratum_selected_count(q2.record.get(), i)),
                ssr_record_stratum_quota(q2.record.get(), i));
      EXPECT_GT(ssr_record_stratum_excluded_yearly_cap(q2.record.get(), i), 0);
    }
  }
  EXPECT_TRUE(any_whole);
}

// --- Plans ---------------------------------------------------------------------------------------------

TEST(CapiPlanTest, HeaderAndTasksReadThroughAccessors) {
  Sample s;
  ASSERT_EQ(ssr_draw_options_set_string(s.options.get(), SSR_DRAW_SEED_SOURCE, "test"), SSR_OK);
  Drawn d = ssr_test::Draw(s.bureau.get(), s.policy.get(), "2024Q1", s.options.get());
  const ssr_plan* plan = d.plan.get();
  EXPECT_STREQ(ssr_plan_bureau(plan), ssr_bureau_name(s.bureau.get()));
  EXPECT_STREQ(ssr_plan_period(plan), "2024Q1");
  EXPECT_STREQ(ssr_plan_seed(plan), kSeed);
  EXPECT_STREQ(ssr_plan_seed_source(plan), "test");
  EXPECT_STREQ(ssr_plan_policy_name(plan), "hebei-xinle-2024");
  char digest[SSR_DIGEST_SIZE];
  ASSERT_EQ(ssr_policy_digest(s.policy.get(), digest, sizeof digest), SSR_OK);
  EXPECT_STREQ(ssr_plan_policy_digest(plan), digest);
  ASSERT_EQ(ssr_bureau_directory_digest(s.bureau.get(), digest, sizeof digest), SSR_OK);
  EXPECT_STREQ(ssr_plan_directory_digest(plan), digest);

  size_t tasks = ssr_plan_task_count(plan);
  size_t selected = 0;
  for (size_t i = 0; i < ssr_record_stratum_count(d.record.get()); ++i) {
    selected += ssr_record_stratum_selected_count(d.record.get(), i);
  }
  ASSERT_EQ(tasks, selected);
  std::set<std::string> strata;
  for (size_t t = 0; t < tasks; ++t) {
    std::string entity = ssr_plan_task_entity_id(plan, t);
    EXPECT_EQ(std::string(ssr_plan_task_id(plan, t)), "2024Q1/" + entity);
    size_t found = 0;
    ASSERT_EQ(ssr_plan_find_task(plan, entity.c_str(), &found), SSR_OK);
    EXPECT_EQ(found, t);
    std::string pool = ssr_plan_task_pool(plan, t);
    std::string stratum = ssr_plan_task_stratum(plan, t);
    strata.insert(stratum);
    std::string credit = ssr_plan_task_credit_class(plan, t);
    EXPECT_EQ(stratum, credit.empty() ? pool : pool + "/" + credit);
    EXPECT_STREQ(ssr_plan_task_method(plan, t), pool == "positive" ? "off_site" : "on_site");
    EXPECT_STREQ(ssr_plan_task_class(plan, t), pool == "positive" ? "general" : pool.c_str());
    EXPECT_EQ(ssr_plan_task_credit_based(plan, t), pool == "positive" ? 0 : 1);
    EXPECT_EQ(std::strncmp(ssr_plan_task_ticket(plan, t), "0.", 2), 0);
    char ticket[SSR_TICKET_SIZE];
    ASSERT_EQ(ssr_ticket(kSeed, entity.c_str(), ticket, sizeof ticket), SSR_OK);
    EXPECT_STREQ(ssr_plan_task_ticket(plan, t), ticket);
    size_t index = 0;
    ASSERT_EQ(ssr_bureau_find_row(s.bureau.get(), SSR_TABLE_ENTITIES, entity.c_str(), &index), SSR_OK);
    char* name = nullptr;
    ASSERT_EQ(ssr_bureau_get_field(s.bureau.get(), SSR_TABLE_ENTITIES, index, "name", &name), SSR_OK);
    EXPECT_EQ(std::string(ssr_plan_task_entity_name(plan, t)), Take(name));
    EXPECT_NE(ssr_plan_task_uscc(plan, t), nullptr);
    EXPECT_STRNE(ssr_plan_task_area(plan, t), "");
    ASSERT_GT(ssr_plan_task_item_count(plan, t), 0u);
    for (size_t k = 0; k < ssr_plan_task_item_count(plan, t); ++k) {
      EXPECT_EQ(std::strncmp(ssr_plan_task_item(plan, t, k), "EE-", 3), 0);
    }
    // Teams come from the team draw, which has not run.
    EXPECT_EQ(ssr_plan_task_team_size(plan, t), 0u);
    EXPECT_STREQ(ssr_plan_task_joint_type(plan, t), "none");
    EXPECT_STREQ(ssr_plan_task_partner_department(plan, t), "");
  }
  EXPECT_EQ(strata.size(), ssr_record_stratum_count(d.record.get()));
}

TEST(CapiPlanTest, JsonAndCsvRoundTrip) {
  Sample s;
  Drawn d = ssr_test::Draw(s.bureau.get(), s.policy.get(), "2024Q1", s.options.get());
  std::string json = PlanJson(d.plan.get());
  ssr_plan* back = nullptr;
  ASSERT_EQ(ssr_plan_from_json(json.data(), json.size(), "plan.json", &back), SSR_OK) << Message();
  Plan owned(back);
  EXPECT_EQ(PlanDigest(owned.get()), PlanDigest(d.plan.get()));
  EXPECT_EQ(PlanJson(owned.get()), json);
  char* csv = nullptr;
  ASSERT_EQ(ssr_plan_to_csv(d.plan.get(), &csv), SSR_OK);
  std::string text = Take(csv);
  EXPECT_EQ(text.rfind("task_id,", 0), 0u) << text.substr(0, 80);
  size_t lines = 0;
  for (char c : text) lines += c == '\n';
  EXPECT_EQ(lines, ssr_plan_task_count(d.plan.get()) + 1);
}

TEST(CapiPlanTest, ErrorsOfPlanFunctions) {
  Sample s;
  Drawn d = ssr_test::Draw(s.bureau.get(), s.policy.get(), "2024Q1", s.options.get());
  const ssr_plan* plan = d.plan.get();
  ssr_plan* back = reinterpret_cast<ssr_plan*>(&back);
  const std::string bad = "{\"format\": \"ssrandom-plan\", \"tasks\": [{\"id\": 3}]}";
  EXPECT_EQ(ssr_plan_from_json(bad.data(), bad.size(), "bad-plan.json", &back), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(back, nullptr);
  EXPECT_TRUE(Contains(Message(), "bad-plan.json")) << Message();
  const std::string not_json = "{";
  EXPECT_EQ(ssr_plan_from_json(not_json.data(), not_json.size(), nullptr, &back), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_plan_from_json(nullptr, 1, nullptr, &back), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_plan_from_json(not_json.data(), not_json.size(), nullptr, nullptr), SSR_INVALID_ARGUMENT);

  char* text = nullptr;
  EXPECT_EQ(ssr_plan_to_json(nullptr, &text), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_plan_to_json(plan, nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_plan_to_csv(nullptr, &text), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_plan_to_csv(plan, nullptr), SSR_INVALID_ARGUMENT);
  char digest[SSR_DIGEST_SIZE];
  EXPECT_EQ(ssr_plan_digest(nullptr, digest, sizeof digest), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_plan_digest(plan, digest, 64), SSR_INVALID_ARGUMENT);
  size_t found = 42;
  EXPECT_EQ(ssr_plan_find_task(plan, "XL-99999", &found), SSR_NOT_FOUND);
  EXPECT_EQ(ssr_plan_find_task(plan, nullptr, &found), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_plan_find_task(plan, "XL-00001", nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_plan_find_task(nullptr, "XL-00001", &found), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(found, 42u);

  for (const char* (*header)(const ssr_plan*) :
       {ssr_plan_bureau, ssr_plan_period, ssr_plan_seed, ssr_plan_seed_source, ssr_plan_policy_name,
        ssr_plan_policy_digest, ssr_plan_directory_digest}) {
    EXPECT_EQ(header(nullptr), nullptr);
  }
  EXPECT_EQ(ssr_plan_task_count(nullptr), 0u);
  const size_t past = ssr_plan_task_count(plan);
  for (const char* (*field)(const ssr_plan*, size_t) :
       {ssr_plan_task_id, ssr_plan_task_entity_id, ssr_plan_task_entity_name, ssr_plan_task_uscc,
        ssr_plan_task_area, ssr_plan_task_class, ssr_plan_task_pool, ssr_plan_task_credit_class,
        ssr_plan_task_stratum, ssr_plan_task_ticket, ssr_plan_task_method, ssr_plan_task_joint_type,
        ssr_plan_task_partner_department}) {
    EXPECT_EQ(field(plan, past), nullptr);
    EXPECT_TRUE(Contains(Message(), "task index")) << Message();
    EXPECT_EQ(field(nullptr, 0), nullptr);
  }
  EXPECT_EQ(ssr_plan_task_credit_based(plan, past), -1);
  EXPECT_EQ(ssr_plan_task_item_count(plan, past), 0u);
  EXPECT_EQ(ssr_plan_task_item(plan, 0, ssr_plan_task_item_count(plan, 0)), nullptr);
  EXPECT_TRUE(Contains(Message(), "item index")) << Message();
  EXPECT_EQ(ssr_plan_task_item(plan, past, 0), nullptr);
  EXPECT_EQ(ssr_plan_task_team_size(plan, past), 0u);
  EXPECT_EQ(ssr_plan_task_team_member(plan, 0, 0), nullptr);
  EXPECT_TRUE(Contains(Message(), "team member index 0 is out of range (there are 0)")) << Message();
}

// --- Records -------------------------------------------------------------------------------------------

TEST(CapiRecordTest, FieldsReadThroughAccessors) {
  Sample s;
  Drawn d = ssr_test::Draw(s.bureau.get(), s.policy.get(), "2024Q1", s.options.get());
  const ssr_record* r = d.record.get();
  EXPECT_STREQ(ssr_record_algorithm(r), "ssrandom-tickets");
  EXPECT_EQ(ssr_record_algorithm_version(r), 1);
  EXPECT_STREQ(ssr_record_library_version(r), ssr_version_string());
  EXPECT_STREQ(ssr_record_bureau(r), ssr_bureau_name(s.bureau.get()));
  EXPECT_STREQ(ssr_record_period(r), "2024Q1");
  EXPECT_STREQ(ssr_record_seed(r), kSeed);
  char hash[SSR_DIGEST_SIZE];
  ASSERT_EQ(ssr_seed_hash(kSeed, hash, sizeof hash), SSR_OK);
  EXPECT_STREQ(ssr_record_seed_hash(r), hash);
  EXPECT_STREQ(ssr_record_seed_source(r), "");
  EXPECT_STREQ(ssr_record_directory_digest(r), ssr_plan_directory_digest(d.plan.get()));
  EXPECT_EQ(ssr_record_directory_size(r), 1500);
  EXPECT_STREQ(ssr_record_policy_name(r), "hebei-xinle-2024");
  EXPECT_STREQ(ssr_record_policy_digest(r), ssr_plan_policy_digest(d.plan.get()));
  EXPECT_STREQ(ssr_record_previous_record_digest(r), "");
  EXPECT_EQ(std::string(ssr_record_plan_digest(r)), PlanDigest(d.plan.get()));
  EXPECT_EQ(ssr_record_history_count(r), 0u);

  ASSERT_EQ(ssr_record_stratum_count(r), 13u);
  for (size_t i = 0; i < ssr_record_stratum_count(r); ++i) {
    std::string pool = ssr_record_stratum_pool(r, i);
    std::string credit = ssr_record_stratum_credit_class(r, i);
    EXPECT_EQ(std::string(ssr_record_stratum_name(r, i)), credit.empty() ? pool : pool + "/" + credit);
    EXPECT_EQ(std::strncmp(ssr_record_stratum_rule(r, i), "Q-", 2), 0);
    EXPECT_STREQ(ssr_record_stratum_method(r, i), pool == "positive" ? "off_site" : "on_site");
    EXPECT_EQ(ssr_record_stratum_credit_based(r, i), pool == "positive" ? 0 : 1);
    EXPECT_EQ(ssr_record_stratum_excluded_yearly_cap(r, i), 0);
    EXPECT_EQ(ssr_record_stratum_excluded_rotation(r, i), 0);
    EXPECT_EQ(ssr_record_stratum_eligible(r, i), ssr_record_stratum_pool_size(r, i));
    EXPECT_TRUE(Contains(ssr_record_stratum_ratio(r, i), "%"));
    EXPECT_TRUE(Contains(ssr_record_stratum_arithmetic(r, i), "="));
    EXPECT_EQ(ssr_record_stratum_whole_pool_taken(r, i), 0);
    EXPECT_EQ(static_cast<int64_t>(ssr_record_stratum_selected_count(r, i)), ssr_record_stratum_quota(r, i));
    std::string previous;
    for (size_t k = 0; k < ssr_record_stratum_selected_count(r, i); ++k) {
      std::string ticket = ssr_record_stratum_selected_ticket(r, i, k);
      EXPECT_LT(previous, ticket);  // ticket order
      previous = ticket;
      size_t task = 0;
      ASSERT_EQ(ssr_plan_find_task(d.plan.get(), ssr_record_stratum_selected_id(r, i, k), &task), SSR_OK);
      EXPECT_EQ(ticket, ssr_plan_task_ticket(d.plan.get(), task));
      EXPECT_EQ(ssr_record_stratum_selected_readmitted(r, i, k), 0);
    }
  }
}

TEST(CapiRecordTest, JsonRoundTripsAndVerifies) {
  Sample s;
  Drawn d = ssr_test::Draw(s.bureau.get(), s.policy.get(), "2024Q1", s.options.get());
  std::string json = RecordJson(d.record.get());
  Record back = RecordFromJson(json);
  EXPECT_EQ(RecordDigest(back.get()), RecordDigest(d.record.get()));
  EXPECT_EQ(RecordJson(back.get()), json);
  EXPECT_EQ(ssr_record_verify(back.get(), s.bureau.get(), s.policy.get(), nullptr), SSR_OK) << Message();
  EXPECT_EQ(Message(), "");
  // A record read from the folder's files verifies against the built-in sample too.
  ssr_bureau* folder = nullptr;
  ASSERT_EQ(ssr_bureau_load(SSR_SOURCE_DIR "/data/sample_bureau", nullptr, &folder, nullptr), SSR_OK);
  ssr_test::Bureau owned(folder);
  EXPECT_EQ(ssr_record_verify(back.get(), owned.get(), s.policy.get(), s.options.get()), SSR_OK) << Message();
}

TEST(CapiRecordTest, VerifyNamesTheFirstDifference) {
  Sample s;
  Drawn d = ssr_test::Draw(s.bureau.get(), s.policy.get(), "2024Q1", s.options.get());
  std::string json = RecordJson(d.record.get());
  std::string first = ssr_record_stratum_selected_id(d.record.get(), 1, 0);
  size_t at = json.find("\"" + first + "\"");
  ASSERT_NE(at, std::string::npos);
  json.replace(at + 1, first.size(), "XL-99999");
  Record tampered = RecordFromJson(json);
  EXPECT_EQ(ssr_record_verify(tampered.get(), s.bureau.get(), s.policy.get(), nullptr),
            SSR_FAILED_PRECONDITION);
  EXPECT_TRUE(Contains(Message(), "strata[1].selected[0].id")) << Message();
  EXPECT_TRUE(Contains(Message(), "XL-99999")) << Message();
  // Another policy, another directory.
  EXPECT_EQ(ssr_record_verify(d.record.get(), s.bureau.get(), ssr_test::Preset("city-level").get(), nullptr),
            SSR_FAILED_PRECONDITION);
  EXPECT_TRUE(Contains(Message(), "policy")) << Message();
  ssr_test::Bureau changed = ssr_test::SampleBureau();
  ssr_row_builder* builder = nullptr;
  ASSERT_EQ(ssr_row_builder_create(SSR_TABLE_ENTITIES, &builder), SSR_OK);
  ssr_test::Builder owned(builder);
  ASSERT_EQ(ssr_row_builder_set(builder, "id", "XL-NEW"), SSR_OK);
  ASSERT_EQ(ssr_bureau_add_row(changed.get(), builder), SSR_OK);
  EXPECT_EQ(ssr_record_verify(d.record.get(), changed.get(), s.policy.get(), nullptr),
            SSR_FAILED_PRECONDITION);
  EXPECT_TRUE(Contains(Message(), "directory")) << Message();
}

TEST(CapiRecordTest, HistoryAndChainAreRecordedAndNeededToVerify) {
  Sample s;
  Drawn q1 = ssr_test::Draw(s.bureau.get(), s.policy.get(), "2024Q1", s.options.get());
  Options next = ssr_test::SeededOptions("second quarter seed");
  ASSERT_EQ(ssr_draw_options_add_history(next.get(), q1.plan.get()), SSR_OK);
  std::string previous = RecordDigest(q1.record.get());
  ASSERT_EQ(ssr_draw_options_set_string(next.get(), SSR_DRAW_PREVIOUS_RECORD_DIGEST, previous.c_str()),
            SSR_OK);
  Drawn q2 = ssr_test::Draw(s.bureau.get(), s.policy.get(), "2024Q2", next.get());
  EXPECT_EQ(std::string(ssr_record_previous_record_digest(q2.record.get())), previous);
  ASSERT_EQ(ssr_record_history_count(q2.record.get()), 1u);
  EXPECT_STREQ(ssr_record_history_period(q2.record.get(), 0), "2024Q1");
  EXPECT_EQ(std::string(ssr_record_history_plan_digest(q2.record.get(), 0)), PlanDigest(q1.plan.get()));
  EXPECT_EQ(ssr_record_verify(q2.record.get(), s.bureau.get(), s.policy.get(), next.get()), SSR_OK)
      << Message();
  EXPECT_EQ(ssr_record_verify(q2.record.get(), s.bureau.get(), s.policy.get(), nullptr),
            SSR_FAILED_PRECONDITION);
  int64_t rotated = 0;
  for (size_t i = 0; i < ssr_record_stratum_count(q2.record.get()); ++i) {
    rotated += ssr_record_stratum_excluded_rotation(q2.record.get(), i);
  }
  EXPECT_GT(rotated, 0);
}

TEST(CapiRecordTest, ErrorsOfRecordFunctions) {
  Sample s;
  Drawn d = ssr_test::Draw(s.bureau.get(), s.policy.get(), "2024Q1", s.options.get());
  const ssr_record* r = d.record.get();
  ssr_record* back = reinterpret_cast<ssr_record*>(&back);
  std::string json = RecordJson(r);
  std::string wrong_version = json;
  size_t at = wrong_version.find("\"format_version\": 2");
  ASSERT_NE(at, std::string::npos);
  wrong_version.replace(at, 19, "\"format_version\": 7");
  EXPECT_EQ(ssr_record_from_json(wrong_version.data(), wrong_version.size(), "r.json", &back),
            SSR_INVALID_ARGUMENT);
  EXPECT_EQ(back, nullptr);
  EXPECT_TRUE(Contains(Message(), "r.json")) << Message();
  EXPECT_EQ(ssr_record_from_json("[", 1, nullptr, &back), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_record_from_json(nullptr, 1, nullptr, &back), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_record_from_json(json.data(), json.size(), nullptr, nullptr), SSR_INVALID_ARGUMENT);
  char* text = nullptr;
  EXPECT_EQ(ssr_record_to_json(nullptr, &text), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_record_to_json(r, nullptr), SSR_INVALID_ARGUMENT);
  char digest[SSR_DIGEST_SIZE];
  EXPECT_EQ(ssr_record_digest(nullptr, digest, sizeof digest), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_record_digest(r, digest, 1), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_record_verify(nullptr, s.bureau.get(), s.policy.get(), nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_record_verify(r, nullptr, s.policy.get(), nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_record_verify(r, s.bureau.get(), nullptr, nullptr), SSR_INVALID_ARGUMENT);
  // An algorithm this library does not know.
  std::string other_algorithm = json;
  at = other_algorithm.find("ssrandom-tickets");
  ASSERT_NE(at, std::string::npos);
  other_algorithm.replace(at, 16, "other-tickets");
  Record unknown = RecordFromJson(other_algorithm);
  EXPECT_EQ(ssr_record_verify(unknown.get(), s.bureau.get(), s.policy.get(), nullptr), SSR_INVALID_ARGUMENT);

  for (const char* (*header)(const ssr_record*) :
       {ssr_record_algorithm, ssr_record_library_version, ssr_record_bureau, ssr_record_period,
        ssr_record_seed, ssr_record_seed_hash, ssr_record_seed_source, ssr_record_directory_digest,
        ssr_record_policy_name, ssr_record_policy_digest, ssr_record_previous_record_digest,
        ssr_record_plan_digest}) {
    EXPECT_EQ(header(nullptr), nullptr);
    EXPECT_TRUE(Contains(Message(), "record is NULL")) << Message();
  }
  EXPECT_EQ(ssr_record_algorithm_version(nullptr), -1);
  EXPECT_EQ(ssr_record_directory_size(nullptr), -1);
  EXPECT_EQ(ssr_record_history_count(nullptr), 0u);
  EXPECT_EQ(ssr_record_history_period(r, 0), nullptr);
  EXPECT_TRUE(Contains(Message(), "history entry index 0")) << Message();
  EXPECT_EQ(ssr_record_history_plan_digest(r, 0), nullptr);
  EXPECT_EQ(ssr_record_stratum_count(nullptr), 0u);
  const size_t past = ssr_record_stratum_count(r);
  for (const char* (*field)(const ssr_record*, size_t) :
       {ssr_record_stratum_name, ssr_record_stratum_pool, ssr_record_stratum_rule,
        ssr_record_stratum_credit_class, ssr_record_stratum_method, ssr_record_stratum_ratio,
        ssr_record_stratum_arithmetic}) {
    EXPECT_EQ(field(r, past), nullptr);
    EXPECT_TRUE(Contains(Message(), "stratum index")) << Message();
  }
  for (int64_t (*number)(const ssr_record*, size_t) :
       {ssr_record_stratum_pool_size, ssr_record_stratum_excluded_yearly_cap,
        ssr_record_stratum_excluded_rotation, ssr_record_stratum_eligible, ssr_record_stratum_quota}) {
    EXPECT_EQ(number(r, past), -1);
  }
  EXPECT_EQ(ssr_record_stratum_credit_based(r, past), -1);
  EXPECT_EQ(ssr_record_stratum_whole_pool_taken(r, past), -1);
  EXPECT_EQ(ssr_record_stratum_selected_count(r, past), 0u);
  const size_t none = ssr_record_stratum_selected_count(r, 0);
  EXPECT_EQ(ssr_record_stratum_selected_id(r, 0, none), nullptr);
  EXPECT_TRUE(Contains(Message(), "selected entity index")) << Message();
  EXPECT_EQ(ssr_record_stratum_selected_ticket(r, 0, none), nullptr);
  EXPECT_EQ(ssr_record_stratum_selected_readmitted(r, 0, none), -1);
  EXPECT_EQ(ssr_record_stratum_selected_id(r, past, 0), nullptr);
}

}  // namespace
