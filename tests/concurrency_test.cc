// The thread safety the headers promise, exercised: many threads drawing, verifying, classifying and
// assigning teams at once over one shared Bureau and Policy (const access only), ticket computation split
// over worker threads, and first use of the process-wide built-ins (presets, calendar) from several threads.
// Each thread's answer must equal the one computed alone. Run under ThreadSanitizer by scripts/test-tsan
// (docs/reliability.md), where any data race fails the test; under the normal build they check that
// concurrency does not change results.
#include <algorithm>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "ssrandom/assign.h"
#include "ssrandom/calendar.h"
#include "ssrandom/classify.h"
#include "ssrandom/condition.h"
#include "ssrandom/draw.h"
#include "ssrandom/policy.h"
#include "ssrandom/record.h"
#include "ssrandom/sample_bureau.h"
#include "ssrandom/sampler.h"

namespace ssr {
namespace {

constexpr int kThreads = 4;

// Starts `count` threads running body(i) together (they wait for each other first, so that their calls
// overlap) and joins them.
template <typename Body>
void RunTogether(int count, Body body) {
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < count; ++i) {
    threads.emplace_back([&, i] {
      ready.fetch_add(1);
      while (ready.load() < count) std::this_thread::yield();
      body(i);
    });
  }
  for (std::thread& t : threads) t.join();
}

Bureau SmallBureau() {
  SampleBureauOptions options;
  options.entities = 300;
  options.inspectors_per_group = 3;
  return GenerateBureau(options);
}

DrawRequest RequestFor(int i, int worker_threads) {
  DrawRequest request;
  request.seed = absl::StrCat("concurrency seed ", i % 2);
  request.seed_source = "test";
  request.threads = worker_threads;
  return request;
}

TEST(ConcurrencyTest, ThreadsLoadingPresetsAndTheCalendarForTheFirstTimeGetTheSameValues) {
  std::vector<std::string> digests(kThreads);
  std::vector<int> working(kThreads);  // not vector<bool>: its elements share words, a race
  RunTogether(kThreads, [&](int i) {
    absl::StatusOr<Policy> policy = Policy::Preset(i % 2 ? "city-level" : "hebei-xinle-2024");
    ASSERT_TRUE(policy.ok()) << policy.status();
    digests[i] = policy->Digest();
    absl::StatusOr<bool> day = WorkingDayCalendar::BuiltIn().IsWorkingDay(absl::CivilDay(2024, 2, 4));
    ASSERT_TRUE(day.ok()) << day.status();
    working[i] = *day;
  });
  for (int i = 2; i < kThreads; ++i) EXPECT_EQ(digests[i], digests[i % 2]);
  EXPECT_NE(digests[0], digests[1]);
  // 2024-02-04 is a Sunday made a working day for the Spring Festival.
  for (int i = 0; i < kThreads; ++i) EXPECT_TRUE(working[i]);
}

// One large draw on two threads: its parts (a stratum's tickets, the items' blocks, the tasks) write
// only their own ranges.
TEST(ConcurrencyTest, ADrawSplitIntoPartsOnTwoThreadsGivesTheRecordOfOneThread) {
  SampleBureauOptions options;
  options.entities = 100000;
  const Bureau bureau = GenerateBureau(options);
  const Policy policy = *Policy::Preset("hebei-xinle-2024");
  absl::StatusOr<DrawResult> two = Draw(bureau, policy, Period::Quarter(2024, 1), RequestFor(0, 2));
  absl::StatusOr<DrawResult> one = Draw(bureau, policy, Period::Quarter(2024, 1), RequestFor(0, 1));
  ASSERT_TRUE(two.ok()) << two.status();
  ASSERT_TRUE(one.ok()) << one.status();
  EXPECT_EQ(two->record.ToJson(), one->record.ToJson());
  EXPECT_EQ(two->plan.ToJson(), one->plan.ToJson());
}

TEST(ConcurrencyTest, ConcurrentDrawsSharingABureauAndAPolicyGiveTheRecordsOfDrawsAlone) {
  const Bureau bureau = SmallBureau();
  const Policy policy = *Policy::Preset("hebei-xinle-2024");
  const Period period = Period::Quarter(2024, 1);
  std::vector<std::string> alone(2);
  for (int i = 0; i < 2; ++i) {
    absl::StatusOr<DrawResult> drawn = Draw(bureau, policy, period, RequestFor(i, 1));
    ASSERT_TRUE(drawn.ok()) << drawn.status();
    alone[i] = drawn->record.ToJson();
  }
  ASSERT_NE(alone[0], alone[1]);
  std::vector<std::string> together(kThreads);
  RunTogether(kThreads, [&](int i) {
    // Half the draws also split their tickets over two worker threads of their own.
    absl::StatusOr<DrawResult> drawn = Draw(bureau, policy, period, RequestFor(i, 1 + i / 2));
    ASSERT_TRUE(drawn.ok()) << drawn.status();
    together[i] = drawn->record.ToJson();
  });
  for (int i = 0; i < kThreads; ++i) EXPECT_EQ(together[i], alone[i % 2]) << "thread " << i;
}

TEST(ConcurrencyTest, ConcurrentVerificationsOfOneRecordAllSucceedAndATamperedOneAlwaysFails) {
  const Bureau bureau = SmallBureau();
  const Policy policy = *Policy::Preset("city-level");
  absl::StatusOr<DrawResult> drawn = Draw(bureau, policy, Period::Quarter(2024, 2), RequestFor(0, 2));
  ASSERT_TRUE(drawn.ok()) << drawn.status();
  DrawRecord tampered = drawn->record;
  ASSERT_FALSE(tampered.strata.empty());
  tampered.seed += " ";
  std::vector<absl::Status> genuine(kThreads), forged(kThreads);
  RunTogether(kThreads, [&](int i) {
    genuine[i] = VerifyRecord(drawn->record, bureau, policy, {});
    forged[i] = VerifyRecord(tampered, bureau, policy, {});
  });
  for (int i = 0; i < kThreads; ++i) {
    EXPECT_TRUE(genuine[i].ok()) << genuine[i];
    EXPECT_EQ(forged[i].code(), absl::StatusCode::kFailedPrecondition) << forged[i];
  }
}

TEST(ConcurrencyTest, ConcurrentClassificationsAndBoundConditionsReadTheSharedDirectoryAlike) {
  const Bureau bureau = SmallBureau();
  const Policy policy = *Policy::Preset("hebei-xinle-2024");
  const Period period = Period::Quarter(2024, 3);
  absl::StatusOr<Classification> alone = Classify(bureau.entities, policy, period);
  ASSERT_TRUE(alone.ok()) << alone.status();
  absl::StatusOr<Condition> condition =
      Condition::Parse("penalties_last_year >= 1 or key_unit or \"固废\" in tags", "test");
  ASSERT_TRUE(condition.ok()) << condition.status();
  const BoundCondition bound = condition->Bind(bureau.entities, period);
  std::vector<Truth> expected(bureau.entities.size());
  bound.EvaluateBlock(0, expected.size(), expected.data());
  std::vector<int> same(kThreads);
  RunTogether(kThreads, [&](int i) {
    absl::StatusOr<Classification> mine = Classify(bureau.entities, policy, period);
    ASSERT_TRUE(mine.ok()) << mine.status();
    bool equal = mine->size() == alone->size();
    for (size_t row = 0; equal && row < mine->size(); ++row) {
      equal = mine->pool(row) == alone->pool(row) && mine->credit_index(row) == alone->credit_index(row);
    }
    std::vector<Truth> truths(expected.size());
    bound.EvaluateBlock(0, truths.size(), truths.data());  // one BoundCondition shared by every thread
    same[i] = equal && truths == expected;
  });
  for (int i = 0; i < kThreads; ++i) EXPECT_TRUE(same[i]) << "thread " << i;
}

TEST(ConcurrencyTest, OneSamplerSharedByThreadsThatEachSplitTheirKeysGivesTheOrderOfOneThread) {
  std::vector<std::string> ids;
  for (int i = 0; i < 5000; ++i) ids.push_back(absl::StrCat("XL-", i));
  const std::vector<absl::string_view> views(ids.begin(), ids.end());
  const TicketSampler sampler("福利彩票 2024-01-05 3D 317");
  const std::vector<size_t> alone = sampler.SelectLowest(views, 100, 1);
  std::vector<std::vector<size_t>> together(kThreads);
  RunTogether(kThreads, [&](int i) { together[i] = sampler.SelectLowest(views, 100, 1 + i); });
  for (int i = 0; i < kThreads; ++i) EXPECT_EQ(together[i], alone) << "thread " << i;
}

TEST(ConcurrencyTest, ConcurrentTeamDrawsOfOnePlanGiveTheRecordOfADrawAlone) {
  const Bureau bureau = SmallBureau();
  const Policy policy = *Policy::Preset("hebei-xinle-2024");
  absl::StatusOr<DrawResult> drawn = Draw(bureau, policy, Period::Quarter(2024, 1), RequestFor(1, 1));
  ASSERT_TRUE(drawn.ok()) << drawn.status();
  const TeamRules rules = TeamRulesFromPolicy(policy);
  AssignRequest request;
  request.threads = 1;
  absl::StatusOr<AssignResult> alone = AssignTeams(bureau, rules, drawn->plan, request);
  ASSERT_TRUE(alone.ok()) << alone.status();
  const std::string expected = alone->record.ToJson();
  std::vector<std::string> together(kThreads);
  std::vector<absl::Status> verified(kThreads);
  RunTogether(kThreads, [&](int i) {
    AssignRequest mine;
    mine.threads = 1 + i % 2;
    absl::StatusOr<AssignResult> assigned = AssignTeams(bureau, rules, drawn->plan, mine);
    ASSERT_TRUE(assigned.ok()) << assigned.status();
    together[i] = assigned->record.ToJson();
    verified[i] = VerifyTeamDraw(alone->record, bureau, rules, drawn->plan, mine);
  });
  for (int i = 0; i < kThreads; ++i) {
    EXPECT_EQ(together[i], expected) << "thread " << i;
    EXPECT_TRUE(verified[i].ok()) << verified[i];
  }
}

}  // namespace
}  // namespace ssr
