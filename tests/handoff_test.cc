#include "parallel/handoff.h"

#include <atomic>
#include <optional>
#include <stdexcept>
#include <vector>

#include "gtest/gtest.h"

namespace ssr::internal {
namespace {

// A producer of 0, 1, ..., count - 1 that counts how many it made.
struct Counter {
  int count;
  std::atomic<int> made{0};
  std::optional<int> operator()() {
    if (made >= count) return std::nullopt;
    return made++;
  }
};

TEST(HandoffTest, TheConsumerSeesEveryItemInOrderOnEitherThread) {
  for (bool on_thread : {false, true}) {
    Counter counter{1000};
    std::vector<int> seen;
    ProduceAndConsume<int>([&] { return counter(); },
                           [&](int& item) {
                             seen.push_back(item);
                             return true;
                           },
                           on_thread);
    ASSERT_EQ(seen.size(), 1000u) << on_thread;
    for (int i = 0; i < 1000; ++i) EXPECT_EQ(seen[static_cast<size_t>(i)], i);
  }
}

TEST(HandoffTest, AConsumerThatStopsStopsTheProducerSoon) {
  for (bool on_thread : {false, true}) {
    Counter counter{1000000};
    std::vector<int> seen;
    ProduceAndConsume<int>([&] { return counter(); },
                           [&](int& item) {
                             seen.push_back(item);
                             return item < 9;
                           },
                           on_thread, 2);
    EXPECT_EQ(seen.size(), 10u);
    // At most the items in flight, the one being handed over and the one being made.
    EXPECT_LE(counter.made.load(), 10 + 2 + 2) << on_thread;
  }
}

TEST(HandoffTest, AnExceptionOfEitherStageReachesTheCaller) {
  for (bool on_thread : {false, true}) {
    Counter counter{100};
    int consumed = 0;
    EXPECT_THROW(ProduceAndConsume<int>(
                     [&]() -> std::optional<int> {
                       std::optional<int> item = counter();
                       if (item == 50) throw std::runtime_error("producer");
                       return item;
                     },
                     [&](int&) {
                       ++consumed;
                       return true;
                     },
                     on_thread),
                 std::runtime_error);
    EXPECT_EQ(consumed, 50) << "the items made before the failure are consumed first";

    Counter endless{1000000};
    EXPECT_THROW(ProduceAndConsume<int>([&] { return endless(); },
                                        [](int& item) {
                                          if (item == 20) throw std::logic_error("consumer");
                                          return true;
                                        },
                                        on_thread),
                 std::logic_error);
    EXPECT_LT(endless.made.load(), 1000) << "the producer was stopped";
  }
}

}  // namespace
}  // namespace ssr::internal
