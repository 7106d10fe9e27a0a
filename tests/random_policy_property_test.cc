// Property tests over seeded random policies (issue #10): for each seed, a random valid policy (class
// conditions from the condition language, precedence, pool exclusions, ratios in every accepted form, credit
// tables, methods, yearly cap, rotation, the short-stratum rule) and a generated bureau, drawn for 2024Q1 and
// then for 2024Q2 with the first plan as history. Each draw must be deterministic (also over the rows in
// reverse order), equal byte for byte to the draw over random parts (partial_draw.h, bounded and not), within
// quota (recomputed here from the classification, the history and ⌈p·N⌉ in integer arithmetic) and verify.
// tests/python/test_random_policies.py runs the same properties with hypothesis, and more.
#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "ssrandom/classify.h"
#include "ssrandom/draw.h"
#include "ssrandom/partial_draw.h"
#include "ssrandom/policy.h"
#include "ssrandom/record.h"
#include "ssrandom/sample_bureau.h"

namespace ssr {
namespace {

using nlohmann::json;

const char* const kAtoms[] = {"permit_class == \"key\"",
                              "permit_class in [\"simplified\", \"registration\"]",
                              "key_unit",
                              "key_unit is unknown",
                              "positive_list",
                              "not positive_list",
                              "penalties_last_year >= 1",
                              "verified_complaints >= 3",
                              "last_penalty_date within 1 year",
                              "supervision_listed_date within 6 months",
                              "emergency_risk >= \"larger\"",
                              "env_credit in [\"D\", \"E\"]",
                              "credit is unknown",
                              "area == \"杜固\"",
                              "industry starts_with [\"C26\", \"C27\"]",
                              "\"固废\" in tags",
                              "status == \"suspended\"",
                              "true",
                              "false"};
const char* const kPools[] = {"special", "key", "positive", "general"};

// An exact ratio p = num/den and the text that writes it.
struct RandomRatio {
  int64_t num = 0, den = 1;
  std::string text;
};

class RandomPolicy {
 public:
  explicit RandomPolicy(uint64_t seed) : rng_(seed) {}

  std::string Condition(int depth) {
    if (depth == 0 || Pick(3) == 0) return kAtoms[Pick(std::size(kAtoms))];
    switch (Pick(3)) {
      case 0:
        return absl::StrCat("not (", Condition(depth - 1), ")");
      case 1:
        return absl::StrCat("(", Condition(depth - 1), ") and (", Condition(depth - 1), ")");
      default:
        return absl::StrCat("(", Condition(depth - 1), ") or (", Condition(depth - 1), ")");
    }
  }

  // A ratio in [lo, 1] (above 0 when `positive`), written as a percent, a decimal or a fraction.
  RandomRatio Ratio(const RandomRatio& lo, bool positive) {
    std::vector<RandomRatio> forms;
    for (int k = 0; k <= 100; k += 5) forms.push_back({k, 100, absl::StrCat(k, "%")});
    forms.push_back({125, 1000, "12.5%"});
    forms.push_back({3, 100, "0.03"});
    forms.push_back({1, 3, "1/3"});
    forms.push_back({3, 8, "3/8"});
    forms.push_back({2, 3, "2/3"});
    std::vector<RandomRatio> fitting;
    for (const RandomRatio& r : forms) {
      if (r.num * lo.den >= lo.num * r.den && (r.num > 0 || !positive)) fitting.push_back(r);
    }
    return fitting[Pick(fitting.size())];
  }

  size_t Pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }

  // Fills json_, minimum_, table_ and the rules.
  void Build() {
    json doc = {{"format", "ssrandom-policy/1"}, {"name", "random"}};
    for (const char* name : {"special", "key", "general"}) {
      json conditions = json::array();
      for (size_t i = 0, n = 1 + Pick(3); i < n; ++i) conditions.push_back(Condition(2));
      doc["classes"][name] = {{"conditions", conditions}};
    }
    if (Pick(2)) {
      std::vector<std::string> order = {"special", "key", "general"};
      std::shuffle(order.begin(), order.end(), rng_);
      doc["precedence"] = order;
    }
    if (Pick(2))
      doc["unmatched"] = std::vector<std::string>{"general", "key", "special", "excluded"}[Pick(4)];
    if (Pick(2)) doc["pool"]["excluded_statuses"] = {"closed", "suspended"};
    if (Pick(2)) doc["pool"]["excluded_when"] = {Condition(1)};
    const bool credit = Pick(2) == 1;
    if (credit) {
      credit_classes_ = {"A", "B", "C", "D"};
      credit_classes_.resize(2 + Pick(3));
      doc["credit"] = {{"classes", credit_classes_}};
    }
    for (const char* pool : kPools) {
      RandomRatio minimum = Ratio({0, 1, ""}, false);
      json entry = {{"minimum", minimum.text}};
      minimum_[pool] = minimum;
      off_site_[pool] = std::string(pool) == "positive";
      if (Pick(4) ==
          0) {  // the policy's method, which the draw follows (the positive list off-site by default)
        off_site_[pool] = Pick(2) == 1;
        entry["method"] = off_site_[pool] ? "off_site" : "on_site";
      }
      if (credit && Pick(2)) {
        RandomRatio low = minimum;
        for (const std::string& c : credit_classes_) {
          low = Ratio(low, true);
          entry["credit_ratios"][c] = low.text;
          table_[pool].push_back(low);
        }
      }
      doc["quotas"][pool] = entry;
    }
    yearly_cap_ = 1 + static_cast<int>(Pick(3));
    rotation_ = Pick(2) == 1;
    doc["quotas"]["yearly_cap"] = yearly_cap_;
    doc["quotas"]["rotation_within_year"] = rotation_;
    doc["quotas"]["take_whole_pool_when_short"] = true;
    json_ = doc.dump(2);
  }

  std::mt19937_64 rng_;
  std::string json_;
  std::vector<std::string> credit_classes_;
  std::map<std::string, RandomRatio> minimum_;
  std::map<std::string, std::vector<RandomRatio>> table_;
  std::map<std::string, bool> off_site_;
  int yearly_cap_ = 2;
  bool rotation_ = true;
};

// docs/policy.md: ⌈p·N⌉ in integers, at least 1 when N > 0 and p > 0, at most N.
int64_t QuotaOf(const RandomRatio& r, int64_t n) {
  int64_t q = (r.num * n + r.den - 1) / r.den;
  if (n > 0 && r.num > 0) q = std::max<int64_t>(q, 1);
  return std::min(q, n);
}

std::string Dump(const DrawResult& r) {
  return absl::StrCat(r.plan.ToJson(), "\n", r.plan.ToCsv(), "\n", r.record.ToJson());
}

absl::StatusOr<DrawResult> DrawOverParts(const Bureau& bureau, const Policy& policy, const Period& period,
                                         const DrawRequest& request, std::mt19937_64& rng, bool bounded) {
  const size_t count = 1 + rng() % 5;
  std::vector<Directory> parts(count);
  for (size_t row = 0; row < bureau.entities.size(); ++row) {
    absl::Status added = parts[rng() % count].Add(bureau.entities.Get(row));
    if (!added.ok()) return added;
  }
  absl::StatusOr<DrawPartSpec> spec = DrawPartSpec::Create(policy, period, request);
  if (!spec.ok()) return spec.status();
  DrawPartTally total;
  for (const Directory& part : parts) {
    absl::StatusOr<DrawPartTally> tally = TallyDrawPart(part, *spec);
    if (!tally.ok()) return tally.status();
    absl::Status added = total.Add(*tally);
    if (!added.ok()) return added;
  }
  std::vector<StratumTake> takes = PlanDrawTakes(*spec, total, bounded);
  Bureau candidates = bureau;
  candidates.entities = Directory();
  for (const Directory& part : parts) {
    absl::StatusOr<std::vector<uint32_t>> rows = DrawPartCandidates(part, *spec, takes);
    if (!rows.ok()) return rows.status();
    for (uint32_t row : *rows) {
      absl::Status added = candidates.entities.Add(part.Get(row));
      if (!added.ok()) return added;
    }
  }
  return MergeDrawParts(candidates, *spec, takes, total, bureau.entities.CanonicalDigest());
}

class RandomPolicyPropertyTest : public testing::TestWithParam<uint64_t> {};

TEST_P(RandomPolicyPropertyTest, DrawIsDeterministicPartitionInvariantWithinQuotaAndVerifies) {
  RandomPolicy random(GetParam());
  random.Build();
  SCOPED_TRACE(random.json_);
  absl::StatusOr<Policy> policy = Policy::FromJson(random.json_, "random.json");
  ASSERT_TRUE(policy.ok()) << policy.status();
  SampleBureauOptions options;
  options.entities = 40 + static_cast<int64_t>(random.Pick(160));
  options.seed = GetParam();
  const Bureau bureau = GenerateBureau(options);
  Bureau reversed = bureau;
  reversed.entities = Directory();
  for (size_t row = bureau.entities.size(); row > 0; --row) {
    ASSERT_TRUE(reversed.entities.Add(bureau.entities.Get(row - 1)).ok());
  }

  std::vector<Plan> history;
  for (const char* period_text : {"2024Q1", "2024Q2"}) {
    SCOPED_TRACE(period_text);
    const Period period = *Period::Parse(period_text);
    DrawRequest request;
    request.seed = absl::StrCat("random policy ", GetParam(), " ", period_text);
    request.history = history;
    absl::StatusOr<DrawResult> drawn = Draw(bureau, *policy, period, request);
    ASSERT_TRUE(drawn.ok()) << drawn.status();

    // Deterministic, whatever the row order.
    absl::StatusOr<DrawResult> again = Draw(reversed, *policy, period, request);
    ASSERT_TRUE(again.ok()) << again.status();
    EXPECT_EQ(Dump(*again), Dump(*drawn));
    // Partition-invariant.
    for (bool bounded : {false, true}) {
      absl::StatusOr<DrawResult> parts =
          DrawOverParts(bureau, *policy, period, request, random.rng_, bounded);
      ASSERT_TRUE(parts.ok()) << parts.status();
      EXPECT_EQ(Dump(*parts), Dump(*drawn));
    }
    // Verifies.
    EXPECT_TRUE(VerifyRecord(drawn->record, bureau, *policy, history).ok());

    // Within quota: stratum sizes from the classification, caps from the history, quota recomputed.
    absl::StatusOr<Classification> classes = Classify(bureau.entities, *policy, period);
    ASSERT_TRUE(classes.ok());
    std::map<std::string, int> earlier;
    for (const Plan& plan : history) {
      for (const Task& task : plan.tasks) earlier[task.entity_id] += task.method == InspectionMethod::kOnSite;
    }
    std::map<std::string, std::pair<int64_t, int64_t>> size_and_capped;  // by stratum name
    for (size_t row = 0; row < bureau.entities.size(); ++row) {
      const Pool pool = classes->pool(row);
      if (pool == Pool::kExcluded) continue;
      std::string name(PoolName(pool));
      if (!random.table_[name].empty()) {
        absl::StrAppend(&name, "/", random.credit_classes_[static_cast<size_t>(classes->credit_index(row))]);
      }
      auto& [size, capped] = size_and_capped[name];
      ++size;
      auto it = earlier.find(std::string(bureau.entities.id(row)));
      // Off-site pools are neither capped nor rotated.
      if (!random.off_site_[std::string(PoolName(pool))] && it != earlier.end() &&
          it->second >= random.yearly_cap_) {
        ++capped;
      }
    }
    size_t stratum_index = 0;
    int64_t tasks = 0;
    for (const char* pool : kPools) {
      std::vector<std::pair<std::string, RandomRatio>> lines;
      if (random.table_[pool].empty()) {
        lines.emplace_back(pool, random.minimum_[pool]);
      } else {
        for (size_t c = 0; c < random.credit_classes_.size(); ++c) {
          lines.emplace_back(absl::StrCat(pool, "/", random.credit_classes_[c]), random.table_[pool][c]);
        }
      }
      for (const auto& [name, ratio] : lines) {
        ASSERT_LT(stratum_index, drawn->record.strata.size());
        const StratumRecord& s = drawn->record.strata[stratum_index++];
        const auto [size, capped] = size_and_capped[name];
        const int64_t quota = QuotaOf(ratio, size);
        EXPECT_EQ(s.stratum, name);
        EXPECT_EQ(s.method, random.off_site_[pool] ? "off_site" : "on_site") << name;
        EXPECT_EQ(s.pool_size, size) << name;
        EXPECT_EQ(s.excluded_yearly_cap, capped) << name;
        EXPECT_EQ(s.quota, quota) << name;
        EXPECT_EQ(static_cast<int64_t>(s.selected.size()), std::min(quota, size - capped)) << name;
        EXPECT_EQ(s.whole_pool_taken, size - capped < quota) << name;
        tasks += static_cast<int64_t>(s.selected.size());
      }
    }
    EXPECT_EQ(stratum_index, drawn->record.strata.size());
    EXPECT_EQ(static_cast<int64_t>(drawn->plan.tasks.size()), tasks);
    for (const Task& task : drawn->plan.tasks) {
      EXPECT_EQ(task.method == InspectionMethod::kOffSite, random.off_site_[std::string(PoolName(task.pool))])
          << task.id;
    }
    history.push_back(drawn->plan);
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, RandomPolicyPropertyTest, testing::Range<uint64_t>(1, 41));

}  // namespace
}  // namespace ssr
