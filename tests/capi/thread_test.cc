// Separate handles on separate threads: the same results as on one thread (draws, team draws, checks), and
// each thread keeps its own error message.
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "capi_test_util.h"
#include "gtest/gtest.h"

namespace {

using ssr_test::Message;
using Rules = ssr_test::Owned<ssr_team_rules, ssr_team_rules_destroy>;
using TeamRecord = ssr_test::Owned<ssr_team_record, ssr_team_record_destroy>;
using CheckOptions = ssr_test::Owned<ssr_check_options, ssr_check_options_destroy>;
using CheckReport = ssr_test::Owned<ssr_check_report, ssr_check_report_destroy>;

Rules PolicyRules(const ssr_policy* policy) {
  ssr_team_rules* rules = nullptr;
  EXPECT_EQ(ssr_team_rules_from_policy(policy, &rules), SSR_OK) << Message();
  return Rules(rules);
}

struct Assigned {
  ssr_test::Plan plan;
  TeamRecord record;
};

Assigned Assign(const ssr_bureau* bureau, const ssr_team_rules* rules, const ssr_plan* plan,
                const ssr_draw_options* options) {
  ssr_plan* assigned = nullptr;
  ssr_team_record* record = nullptr;
  EXPECT_EQ(ssr_assign_teams(bureau, rules, plan, options, &assigned, &record), SSR_OK) << Message();
  return {ssr_test::Plan(assigned), TeamRecord(record)};
}

std::string TeamDigest(const ssr_team_record* record) {
  char digest[SSR_DIGEST_SIZE];
  if (ssr_team_record_digest(record, digest, sizeof digest) != SSR_OK) return "<error>";
  return digest;
}

// The check of `plan` as JSON, "<error>" when it fails.
std::string CheckJson(const ssr_policy* policy, const ssr_bureau* bureau, const ssr_check_options* options) {
  ssr_check_report* report = nullptr;
  if (ssr_check(policy, "2024Q1", bureau, options, &report) != SSR_OK) return "<error>";
  CheckReport owned(report);
  char* json = nullptr;
  if (ssr_check_report_to_json(report, &json) != SSR_OK) return "<error>";
  return ssr_test::Take(json);
}

// Every thread waits here until all have arrived, so that their calls interleave.
class Barrier {
 public:
  explicit Barrier(int count) : count_(count) {}
  void Wait() {
    int generation = generation_.load();
    if (arrived_.fetch_add(1) + 1 == count_) {
      arrived_.store(0);
      generation_.fetch_add(1);
    } else {
      while (generation_.load() == generation) std::this_thread::yield();
    }
  }

 private:
  const int count_;
  std::atomic<int> arrived_{0};
  std::atomic<int> generation_{0};
};

struct Outcome {
  std::string plan_digest;
  std::string record_digest;
  ssr_status verified = SSR_INTERNAL;
  std::string team_digest;
  ssr_status teams_verified = SSR_INTERNAL;
  std::string check_json;
  std::string error_before;
  std::string error_after;
};

std::string SeedOf(int thread) { return "thread seed " + std::to_string(thread); }

// One whole draw with handles of its own.
Outcome DrawAlone(int thread, Barrier* barrier) {
  Outcome outcome;
  ssr_test::Bureau bureau = ssr_test::SampleBureau();
  ssr_test::Policy policy = ssr_test::Preset(thread % 2 == 0 ? "hebei-xinle-2024" : "city-level");
  ssr_test::Options options = ssr_test::SeededOptions(SeedOf(thread).c_str());
  ssr_draw_options_set_int(options.get(), SSR_DRAW_THREADS, 1 + thread % 2);
  if (barrier != nullptr) {
    // Each thread fails differently while the others make calls of their own, waits until every thread
    // has failed, then reads back the message of its own failure.
    std::string bad_id = "XL-MISSING-" + std::to_string(thread);
    size_t index = 0;
    EXPECT_EQ(ssr_bureau_find_row(bureau.get(), SSR_TABLE_ENTITIES, bad_id.c_str(), &index), SSR_NOT_FOUND);
    outcome.error_before = Message();
    barrier->Wait();
    outcome.error_after = Message();
  }
  ssr_test::Drawn drawn = ssr_test::Draw(bureau.get(), policy.get(), "2024Q1", options.get());
  outcome.plan_digest = ssr_test::PlanDigest(drawn.plan.get());
  char digest[SSR_DIGEST_SIZE];
  EXPECT_EQ(ssr_record_digest(drawn.record.get(), digest, sizeof digest), SSR_OK);
  outcome.record_digest = digest;
  outcome.verified = ssr_record_verify(drawn.record.get(), bureau.get(), policy.get(), nullptr);
  // The Xinle preset's team rules on every thread: the city-level preset names no off-site units, so its
  // positive-list tasks could get no team on the sample bureau.
  Rules rules = PolicyRules(ssr_test::Preset().get());
  Assigned assigned = Assign(bureau.get(), rules.get(), drawn.plan.get(), options.get());
  outcome.team_digest = TeamDigest(assigned.record.get());
  outcome.teams_verified =
      ssr_team_record_verify(assigned.record.get(), bureau.get(), rules.get(), drawn.plan.get(), nullptr);
  ssr_check_options* raw = nullptr;
  EXPECT_EQ(ssr_check_options_create(&raw), SSR_OK);
  CheckOptions check_options(raw);
  EXPECT_EQ(ssr_check_options_add_plan(raw, assigned.plan.get()), SSR_OK);
  EXPECT_EQ(ssr_check_options_set_string(raw, SSR_CHECK_AS_OF, "2024-02-01"), SSR_OK);
  outcome.check_json = CheckJson(policy.get(), bureau.get(), raw);
  return outcome;
}

TEST(CapiThreadTest, SeparateHandlesOnSeparateThreadsGiveTheSingleThreadedResults) {
  constexpr int kThreads = 4;
  std::vector<Outcome> expected;
  for (int t = 0; t < kThreads; ++t) expected.push_back(DrawAlone(t, nullptr));
  std::vector<Outcome> outcomes(kThreads);
  Barrier barrier(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t, &outcomes, &barrier] { outcomes[t] = DrawAlone(t, &barrier); });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(outcomes[t].plan_digest, expected[t].plan_digest) << t;
    EXPECT_EQ(outcomes[t].record_digest, expected[t].record_digest) << t;
    EXPECT_EQ(outcomes[t].verified, SSR_OK) << t;
    EXPECT_EQ(outcomes[t].team_digest, expected[t].team_digest) << t;
    EXPECT_EQ(outcomes[t].teams_verified, SSR_OK) << t;
    EXPECT_EQ(outcomes[t].check_json, expected[t].check_json) << t;
    EXPECT_NE(outcomes[t].check_json, "<error>") << t;
    // The message survived the other threads' calls and names this thread's own id.
    EXPECT_EQ(outcomes[t].error_after, outcomes[t].error_before) << t;
    EXPECT_TRUE(ssr_test::Contains(outcomes[t].error_after, "XL-MISSING-" + std::to_string(t)))
        << outcomes[t].error_after;
  }
  EXPECT_NE(expected[0].plan_digest, expected[2].plan_digest);
  EXPECT_NE(expected[0].team_digest, expected[2].team_digest);
}

TEST(CapiThreadTest, ImmutableHandlesMayBeSharedByReaders) {
  ssr_test::Bureau bureau = ssr_test::SampleBureau();
  ssr_test::Policy policy = ssr_test::Preset();
  ssr_test::Options options = ssr_test::SeededOptions();
  ssr_test::Drawn drawn = ssr_test::Draw(bureau.get(), policy.get(), "2024Q1", options.get());
  const std::string digest = ssr_test::PlanDigest(drawn.plan.get());
  Rules rules = PolicyRules(policy.get());
  Assigned assigned = Assign(bureau.get(), rules.get(), drawn.plan.get(), options.get());
  const std::string team_digest = TeamDigest(assigned.record.get());
  ssr_check_options* raw = nullptr;
  ASSERT_EQ(ssr_check_options_create(&raw), SSR_OK);
  CheckOptions check_options(raw);
  ASSERT_EQ(ssr_check_options_add_plan(raw, assigned.plan.get()), SSR_OK);
  const std::string check_json = CheckJson(policy.get(), bureau.get(), raw);
  ASSERT_NE(check_json, "<error>");
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 3; ++t) {
    threads.emplace_back([&] {
      ssr_test::Drawn again = ssr_test::Draw(bureau.get(), policy.get(), "2024Q1", options.get());
      if (ssr_test::PlanDigest(again.plan.get()) != digest) ++failures;
      if (ssr_record_verify(drawn.record.get(), bureau.get(), policy.get(), options.get()) != SSR_OK)
        ++failures;
      for (size_t i = 0; i < ssr_plan_task_count(drawn.plan.get()); ++i) {
        if (ssr_plan_task_pool(drawn.plan.get(), i) == nullptr) ++failures;
      }
      // Team rules, team records and check options are read by concurrent team draws and checks.
      Assigned teams = Assign(bureau.get(), rules.get(), drawn.plan.get(), options.get());
      if (TeamDigest(teams.record.get()) != team_digest) ++failures;
      if (ssr_team_record_verify(assigned.record.get(), bureau.get(), rules.get(), drawn.plan.get(),
                                 options.get()) != SSR_OK)
        ++failures;
      if (CheckJson(policy.get(), bureau.get(), check_options.get()) != check_json) ++failures;
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
}

}  // namespace
