// The experimental functions (SSR_ENABLE_EXPERIMENTAL_API).
#define SSR_ENABLE_EXPERIMENTAL_API 1

#include <string>
#include <vector>

#include "capi_test_util.h"
#include "gtest/gtest.h"

namespace {

using ssr_test::Contains;
using ssr_test::Message;

TEST(CapiExperimentalTest, GenerateScalesTheSampleDeterministically) {
  ssr_bureau* a = nullptr;
  ssr_bureau* b = nullptr;
  ASSERT_EQ(ssr_bureau_generate(3000, 2, 7, &a), SSR_OK) << Message();
  ASSERT_EQ(ssr_bureau_generate(3000, 2, 7, &b), SSR_OK) << Message();
  ssr_test::Bureau first(a);
  ssr_test::Bureau second(b);
  EXPECT_EQ(ssr_bureau_row_count(a, SSR_TABLE_ENTITIES), 3000u);
  char da[SSR_DIGEST_SIZE];
  char db[SSR_DIGEST_SIZE];
  ASSERT_EQ(ssr_bureau_directory_digest(a, da, sizeof da), SSR_OK);
  ASSERT_EQ(ssr_bureau_directory_digest(b, db, sizeof db), SSR_OK);
  EXPECT_STREQ(da, db);
  // The default options give the built-in sample.
  ssr_bureau* c = nullptr;
  ASSERT_EQ(ssr_bureau_generate(1500, 4, 20240101, &c), SSR_OK);
  ssr_test::Bureau third(c);
  ssr_test::Bureau sample = ssr_test::SampleBureau();
  ASSERT_EQ(ssr_bureau_directory_digest(c, da, sizeof da), SSR_OK);
  ASSERT_EQ(ssr_bureau_directory_digest(sample.get(), db, sizeof db), SSR_OK);
  EXPECT_STREQ(da, db);
}

TEST(CapiExperimentalTest, GenerateRejectsSizesOutOfRange) {
  ssr_bureau* bureau = nullptr;
  EXPECT_EQ(ssr_bureau_generate(0, 4, 1, &bureau), SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "entities")) << Message();
  EXPECT_EQ(ssr_bureau_generate(10000001, 4, 1, &bureau), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_bureau_generate(10, 0, 1, &bureau), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_bureau_generate(10, 1001, 1, &bureau), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_bureau_generate(10, 4, 1, nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(bureau, nullptr);
}

TEST(CapiExperimentalTest, SampleTakesTheLowestTicketsInOrder) {
  // docs/sampler.md: ssrandom.sample("314159", [...], 4) == ['B-2', 'B-3', 'A-3', 'A-2']
  const char* ids[] = {"A-1", "A-2", "A-3", "B-1", "B-2", "B-3"};
  size_t picked[6] = {99, 99, 99, 99, 99, 99};
  size_t count = 0;
  ASSERT_EQ(ssr_sample("314159", ids, 6, 4, 0, picked, &count), SSR_OK) << Message();
  ASSERT_EQ(count, 4u);
  EXPECT_EQ(picked[0], 4u);
  EXPECT_EQ(picked[1], 5u);
  EXPECT_EQ(picked[2], 2u);
  EXPECT_EQ(picked[3], 1u);
  EXPECT_EQ(picked[4], 99u);
  // More than the pool is the whole pool; two threads give the same order.
  ASSERT_EQ(ssr_sample("314159", ids, 6, 100, 2, picked, &count), SSR_OK);
  EXPECT_EQ(count, 6u);
  EXPECT_EQ(picked[5], 0u);  // A-1 has the highest ticket
  ASSERT_EQ(ssr_sample("314159", nullptr, 0, 3, 0, nullptr, &count), SSR_OK);
  EXPECT_EQ(count, 0u);
}

TEST(CapiExperimentalTest, SampleRejectsBadInput) {
  const char* ids[] = {"A-1", "A-2", "A-1"};
  size_t picked[3];
  size_t count = 42;
  EXPECT_EQ(ssr_sample("314159", ids, 3, 2, 0, picked, &count), SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "'A-1' appears twice")) << Message();
  EXPECT_EQ(count, 42u);
  const char* with_null[] = {"A-1", nullptr};
  EXPECT_EQ(ssr_sample("314159", with_null, 2, 2, 0, picked, &count), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_sample("", ids, 2, 2, 0, picked, &count), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_sample(nullptr, ids, 2, 2, 0, picked, &count), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_sample("314159", nullptr, 2, 2, 0, picked, &count), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_sample("314159", ids, 2, 2, 0, nullptr, &count), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_sample("314159", ids, 2, 2, 0, picked, nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_sample("314159", ids, 2, 2, -1, picked, &count), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(count, 42u);
}

}  // namespace
