// Policies and classification through the C ABI.
#include <cstring>
#include <string>

#include "capi_test_util.h"
#include "gtest/gtest.h"

namespace {

using ssr_test::Classification;
using ssr_test::Contains;
using ssr_test::Message;
using ssr_test::Policy;
using ssr_test::Take;

std::string PolicyDigest(const ssr_policy* policy) {
  char digest[SSR_DIGEST_SIZE];
  EXPECT_EQ(ssr_policy_digest(policy, digest, sizeof digest), SSR_OK) << Message();
  return digest;
}

Classification Classify(const ssr_bureau* bureau, const ssr_policy* policy, const char* period = "2024Q1") {
  ssr_classification* classification = nullptr;
  EXPECT_EQ(ssr_classify(bureau, policy, period, &classification), SSR_OK) << Message();
  return Classification(classification);
}

int64_t PoolSize(const ssr_classification* classification, const char* pool) {
  int64_t size = -7;
  EXPECT_EQ(ssr_classification_pool_size(classification, pool, &size), SSR_OK) << Message();
  return size;
}

// --- Policies ------------------------------------------------------------------------------------------

TEST(CapiPolicyTest, PresetsLoadByName) {
  ASSERT_EQ(ssr_policy_preset_count(), 2u);
  EXPECT_STREQ(ssr_policy_preset_name(0), "city-level");
  EXPECT_STREQ(ssr_policy_preset_name(1), "hebei-xinle-2024");
  EXPECT_EQ(ssr_policy_preset_name(2), nullptr);
  EXPECT_TRUE(Contains(Message(), "out of range")) << Message();
  Policy policy = ssr_test::Preset();
  EXPECT_STREQ(ssr_policy_name(policy.get()), "hebei-xinle-2024");
  EXPECT_TRUE(Contains(ssr_policy_title(policy.get()), "新乐市分局"));
  EXPECT_STREQ(ssr_policy_source_name(policy.get()), "preset:hebei-xinle-2024");
  EXPECT_EQ(PolicyDigest(policy.get()).size(), 64u);
  EXPECT_NE(PolicyDigest(policy.get()), PolicyDigest(ssr_test::Preset("city-level").get()));
}

TEST(CapiPolicyTest, FromJsonOfTheCanonicalFormHasTheSameDigest) {
  Policy preset = ssr_test::Preset();
  std::string canonical = ssr_policy_canonical_json(preset.get());
  ASSERT_FALSE(canonical.empty());
  ssr_policy* copy = nullptr;
  ASSERT_EQ(ssr_policy_from_json(canonical.data(), canonical.size(), "mine.json", &copy), SSR_OK)
      << Message();
  Policy owned(copy);
  EXPECT_EQ(PolicyDigest(owned.get()), PolicyDigest(preset.get()));
  EXPECT_STREQ(ssr_policy_canonical_json(owned.get()), canonical.c_str());
  EXPECT_STREQ(ssr_policy_source_name(owned.get()), "mine.json");
}

TEST(CapiPolicyTest, LoadReadsAPolicyFile) {
  ssr_policy* policy = nullptr;
  std::string path = ssr_test::SourcePath("data/presets/city-level.json");
  ASSERT_EQ(ssr_policy_load(path.c_str(), &policy), SSR_OK) << Message();
  Policy owned(policy);
  EXPECT_STREQ(ssr_policy_name(owned.get()), "city-level");
  EXPECT_EQ(PolicyDigest(owned.get()), PolicyDigest(ssr_test::Preset("city-level").get()));
}

TEST(CapiPolicyTest, LoadAndFromJsonReportEveryProblem) {
  ssr_policy* policy = reinterpret_cast<ssr_policy*>(&policy);
  EXPECT_EQ(ssr_policy_load("no-such-preset", &policy), SSR_NOT_FOUND);
  EXPECT_EQ(policy, nullptr);
  EXPECT_TRUE(Contains(Message(), "hebei-xinle-2024")) << Message();  // the presets are listed
  EXPECT_EQ(ssr_policy_load(nullptr, &policy), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_policy_load("city-level", nullptr), SSR_INVALID_ARGUMENT);

  const std::string bad_json = "{\"format\": \"ssrandom-policy/1\",\n \"name\": ";
  EXPECT_EQ(ssr_policy_from_json(bad_json.data(), bad_json.size(), "bad.json", &policy),
            SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "bad.json:2")) << Message();
  // Valid JSON, invalid policy: every problem with its line.
  std::string edited = ssr_policy_canonical_json(ssr_test::Preset().get());
  size_t at = edited.find("\"yearly_cap\"");
  ASSERT_NE(at, std::string::npos);
  edited.insert(at, "\"yearly_capp\":3,");
  EXPECT_EQ(ssr_policy_from_json(edited.data(), edited.size(), nullptr, &policy), SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "policy.json:1:")) << Message();
  EXPECT_TRUE(Contains(Message(), "yearly_capp")) << Message();
  EXPECT_EQ(ssr_policy_from_json(nullptr, 4, nullptr, &policy), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_policy_from_json(bad_json.data(), bad_json.size(), nullptr, nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(policy, nullptr);
}

TEST(CapiPolicyTest, AccessorsRejectNull) {
  EXPECT_EQ(ssr_policy_name(nullptr), nullptr);
  EXPECT_EQ(Message(), "ssr_policy_name: policy is NULL");
  EXPECT_EQ(ssr_policy_title(nullptr), nullptr);
  EXPECT_EQ(ssr_policy_source_name(nullptr), nullptr);
  EXPECT_EQ(ssr_policy_canonical_json(nullptr), nullptr);
  char digest[SSR_DIGEST_SIZE];
  EXPECT_EQ(ssr_policy_digest(nullptr, digest, sizeof digest), SSR_INVALID_ARGUMENT);
  Policy policy = ssr_test::Preset();
  EXPECT_EQ(ssr_policy_digest(policy.get(), digest, 10), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_policy_digest(policy.get(), nullptr, sizeof digest), SSR_INVALID_ARGUMENT);
}

// --- Classification ------------------------------------------------------------------------------------

TEST(CapiClassifyTest, SampleCountsPerPoolMatchTheDocumentation) {
  ssr_test::Bureau bureau = ssr_test::SampleBureau();
  Policy policy = ssr_test::Preset();
  Classification c = Classify(bureau.get(), policy.get());
  EXPECT_EQ(ssr_classification_size(c.get()), 1500u);
  EXPECT_STREQ(ssr_classification_period(c.get()), "2024Q1");
  // docs/policy.md: {'special': 190, 'key': 94, 'positive': 130, 'general': 1024, 'excluded': 62}
  EXPECT_EQ(PoolSize(c.get(), "special"), 190);
  EXPECT_EQ(PoolSize(c.get(), "key"), 94);
  EXPECT_EQ(PoolSize(c.get(), "positive"), 130);
  EXPECT_EQ(PoolSize(c.get(), "general"), 1024);
  EXPECT_EQ(PoolSize(c.get(), "excluded"), 62);
  int64_t general_class = 0;
  ASSERT_EQ(ssr_classification_class_size(c.get(), "general", &general_class), SSR_OK);
  EXPECT_EQ(general_class, 1024 + 130);
  EXPECT_GE(ssr_classification_conflict_count(c.get()), 0);
}

TEST(CapiClassifyTest, RowsHaveClassPoolCreditAndExplanation) {
  ssr_test::Bureau bureau = ssr_test::SampleBureau();
  Classification c = Classify(bureau.get(), ssr_test::Preset().get());
  int64_t counted[5] = {0, 0, 0, 0, 0};
  const char* pools[5] = {"excluded", "special", "key", "positive", "general"};
  for (size_t row = 0; row < ssr_classification_size(c.get()); ++row) {
    std::string pool = ssr_classification_row_pool(c.get(), row);
    std::string cls = ssr_classification_row_class(c.get(), row);
    std::string credit = ssr_classification_row_credit_class(c.get(), row);
    for (int p = 0; p < 5; ++p) counted[p] += pool == pools[p];
    if (pool == "positive") {
      EXPECT_EQ(cls, "general");
      EXPECT_EQ(credit, "");  // the positive list has no credit table
    } else if (pool == "excluded") {
      EXPECT_EQ(cls, "excluded");
    } else {
      EXPECT_EQ(cls, pool);
      EXPECT_FALSE(credit.empty()) << row;
    }
  }
  for (int p = 0; p < 5; ++p) EXPECT_EQ(counted[p], PoolSize(c.get(), pools[p])) << pools[p];
  char* why = nullptr;
  ASSERT_EQ(ssr_classification_explain(c.get(), 0, &why), SSR_OK);
  EXPECT_TRUE(Contains(Take(why), "pool")) << why;
}

TEST(CapiClassifyTest, QuotaLinesAreTheStrataWithArithmetic) {
  ssr_test::Bureau bureau = ssr_test::SampleBureau();
  Classification c = Classify(bureau.get(), ssr_test::Preset().get());
  size_t lines = ssr_classification_quota_count(c.get());
  ASSERT_EQ(lines, 13u);  // special A–D, key A–D, positive, general A–D
  int64_t positive_quota = -1;
  for (size_t i = 0; i < lines; ++i) {
    std::string pool = ssr_classification_quota_pool(c.get(), i);
    EXPECT_GE(ssr_classification_quota(c.get(), i), 0);
    EXPECT_LE(ssr_classification_quota(c.get(), i), ssr_classification_quota_pool_size(c.get(), i));
    EXPECT_TRUE(Contains(ssr_classification_quota_arithmetic(c.get(), i), "="));
    EXPECT_TRUE(Contains(ssr_classification_quota_ratio(c.get(), i), "%"));
    if (pool == "positive") {
      EXPECT_STREQ(ssr_classification_quota_credit_class(c.get(), i), "");
      EXPECT_STREQ(ssr_classification_quota_method(c.get(), i), "off_site");
      EXPECT_STREQ(ssr_classification_quota_ratio(c.get(), i), "100%");
      positive_quota = ssr_classification_quota(c.get(), i);
    } else {
      EXPECT_STREQ(ssr_classification_quota_method(c.get(), i), "on_site");
      EXPECT_STRNE(ssr_classification_quota_credit_class(c.get(), i), "");
    }
  }
  EXPECT_EQ(positive_quota, 130);
  EXPECT_STREQ(ssr_classification_quota_pool(c.get(), 0), "special");
  EXPECT_STREQ(ssr_classification_quota_credit_class(c.get(), 0), "A");
}

TEST(CapiClassifyTest, ClassifyRejectsBadArguments) {
  ssr_test::Bureau bureau = ssr_test::SampleBureau();
  Policy policy = ssr_test::Preset();
  ssr_classification* c = reinterpret_cast<ssr_classification*>(&c);
  EXPECT_EQ(ssr_classify(bureau.get(), policy.get(), "2024-Q1", &c), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(c, nullptr);
  EXPECT_TRUE(Contains(Message(), "2024-Q1")) << Message();
  EXPECT_EQ(ssr_classify(nullptr, policy.get(), "2024Q1", &c), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_classify(bureau.get(), nullptr, "2024Q1", &c), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_classify(bureau.get(), policy.get(), nullptr, &c), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_classify(bureau.get(), policy.get(), "2024Q1", nullptr), SSR_INVALID_ARGUMENT);
}

TEST(CapiClassifyTest, AccessorsRejectUnknownNamesNullAndRowsOutOfRange) {
  ssr_test::Bureau bureau = ssr_test::SampleBureau();
  Classification c = Classify(bureau.get(), ssr_test::Preset().get());
  int64_t size = 5;
  EXPECT_EQ(ssr_classification_pool_size(c.get(), "vip", &size), SSR_INVALID_ARGUMENT);
  EXPECT_TRUE(Contains(Message(), "vip")) << Message();
  EXPECT_EQ(ssr_classification_class_size(c.get(), "positive", &size), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(size, 5);
  EXPECT_EQ(ssr_classification_pool_size(c.get(), nullptr, &size), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_classification_pool_size(c.get(), "key", nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_classification_pool_size(nullptr, "key", &size), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_classification_class_size(nullptr, "key", &size), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_classification_class_size(c.get(), nullptr, &size), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_classification_class_size(c.get(), "key", nullptr), SSR_INVALID_ARGUMENT);

  EXPECT_EQ(ssr_classification_row_class(c.get(), 1500), nullptr);
  EXPECT_TRUE(Contains(Message(), "row index 1500 is out of range")) << Message();
  EXPECT_EQ(ssr_classification_row_pool(c.get(), 1500), nullptr);
  EXPECT_EQ(ssr_classification_row_credit_class(c.get(), 1500), nullptr);
  char* why = nullptr;
  EXPECT_EQ(ssr_classification_explain(c.get(), 1500, &why), SSR_OUT_OF_RANGE);
  EXPECT_EQ(ssr_classification_explain(c.get(), 0, nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(ssr_classification_explain(nullptr, 0, &why), SSR_INVALID_ARGUMENT);
  size_t lines = ssr_classification_quota_count(c.get());
  EXPECT_EQ(ssr_classification_quota_pool(c.get(), lines), nullptr);
  EXPECT_EQ(ssr_classification_quota_credit_class(c.get(), lines), nullptr);
  EXPECT_EQ(ssr_classification_quota_pool_size(c.get(), lines), -1);
  EXPECT_EQ(ssr_classification_quota_ratio(c.get(), lines), nullptr);
  EXPECT_EQ(ssr_classification_quota(c.get(), lines), -1);
  EXPECT_EQ(ssr_classification_quota_method(c.get(), lines), nullptr);
  EXPECT_EQ(ssr_classification_quota_arithmetic(c.get(), lines), nullptr);

  EXPECT_EQ(ssr_classification_size(nullptr), 0u);
  EXPECT_EQ(ssr_classification_period(nullptr), nullptr);
  EXPECT_EQ(ssr_classification_conflict_count(nullptr), -1);
  EXPECT_EQ(ssr_classification_row_class(nullptr, 0), nullptr);
  EXPECT_EQ(ssr_classification_quota_count(nullptr), 0u);
  EXPECT_EQ(ssr_classification_quota_ratio(nullptr, 0), nullptr);
  EXPECT_EQ(Message(), "ssr_classification_quota_ratio: classification is NULL");
}

}  // namespace
