// Running work in parts on threads (src/parallel/run_parts.h): every part once, errors brought back to the
// caller, and the split of a range into parts.
#include "parallel/run_parts.h"

#include <atomic>
#include <new>
#include <stdexcept>
#include <vector>

#include "gtest/gtest.h"

namespace ssr::internal {
namespace {

TEST(RunPartsTest, EveryPartRunsOnceAndTheCallerWaitsForAll) {
  for (int parts : {0, 1, 2, 5}) {
    std::vector<std::atomic<int>> runs(static_cast<size_t>(parts > 0 ? parts : 1));
    RunParts(parts, [&](int part) { runs[static_cast<size_t>(part)].fetch_add(1); });
    for (int part = 0; part < parts; ++part) EXPECT_EQ(runs[static_cast<size_t>(part)].load(), 1) << part;
    if (parts == 0) {
      EXPECT_EQ(runs[0].load(), 0);
    }
  }
}

TEST(RunPartsTest, AnExceptionOfAPartOnAThreadReachesTheCallerAfterEveryPartIsDone) {
  std::atomic<int> finished{0};
  EXPECT_THROW(RunParts(4,
                        [&](int part) {
                          if (part == 2) throw std::bad_alloc();
                          if (part == 3) throw std::runtime_error("a later part");
                          finished.fetch_add(1);
                        }),
               std::bad_alloc);
  EXPECT_EQ(finished.load(), 2);  // parts 0 and 1 ran to the end
}

TEST(RunPartsTest, PartsCoverTheRangeInOrderAndStayAboveTheMinimumSize) {
  EXPECT_EQ(PartsFor(100000, 0, 4096), 2);  // 0 threads: the library's default of two
  EXPECT_EQ(PartsFor(100000, 3, 4096), 3);
  EXPECT_EQ(PartsFor(8191, 3, 4096), 1);
  EXPECT_EQ(PartsFor(0, 3, 4096), 1);
  EXPECT_EQ(PartsFor(10, 8, 0), 8);
  const size_t items = 10007;
  const int parts = 3;
  EXPECT_EQ(PartBegin(items, parts, 0), 0u);
  EXPECT_EQ(PartBegin(items, parts, parts), items);
  for (int part = 0; part < parts; ++part) {
    const size_t size = PartBegin(items, parts, part + 1) - PartBegin(items, parts, part);
    EXPECT_GE(size, items / parts);
    EXPECT_LE(size, items / parts + 1);
  }
}

}  // namespace
}  // namespace ssr::internal
