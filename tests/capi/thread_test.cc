// Separate handles on separate threads: the same results as on one thread, and each thread keeps its own
// error message.
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "capi_test_util.h"
#include "gtest/gtest.h"

namespace {

using ssr_test::Message;

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
    // The message survived the other threads' calls and names this thread's own id.
    EXPECT_EQ(outcomes[t].error_after, outcomes[t].error_before) << t;
    EXPECT_TRUE(ssr_test::Contains(outcomes[t].error_after, "XL-MISSING-" + std::to_string(t)))
        << outcomes[t].error_after;
  }
  EXPECT_NE(expected[0].plan_digest, expected[2].plan_digest);
}

TEST(CapiThreadTest, ImmutableHandlesMayBeSharedByReaders) {
  ssr_test::Bureau bureau = ssr_test::SampleBureau();
  ssr_test::Policy policy = ssr_test::Preset();
  ssr_test::Options options = ssr_test::SeededOptions();
  ssr_test::Drawn drawn = ssr_test::Draw(bureau.get(), policy.get(), "2024Q1", options.get());
  const std::string digest = ssr_test::PlanDigest(drawn.plan.get());
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
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
}

}  // namespace
