#include "ssrandom/classify.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "ssrandom/directory.h"
#include "ssrandom/entity.h"
#include "ssrandom/period.h"
#include "ssrandom/policy.h"
#include "ssrandom/sample_bureau.h"

namespace ssr {
namespace {

#define EXPECT_HAS(text, part) EXPECT_NE(std::string(text).find(part), std::string::npos) << (text)

using Json = nlohmann::json;

const Period kQ1 = Period::Quarter(2024, 1);

Json Base() {
  return Json::parse(R"({
    "format": "ssrandom-policy/1",
    "name": "test",
    "classes": {
      "special": {"conditions": [{"name": "penalty", "when": "penalties_last_year >= 1"},
                                 {"name": "complaints", "when": "verified_complaints >= 3"}]},
      "key": {"conditions": [{"name": "key_permit", "when": "permit_class == \"key\""},
                             {"name": "key_unit", "when": "key_unit"}]},
      "general": {"conditions": [{"name": "small_permit", "when": "permit_class in [\"simplified\", \"registration\"]"},
                                 {"name": "positive", "when": "positive_list"}]}
    },
    "credit": {"classes": ["A", "B", "C", "D"]},
    "quotas": {
      "special": {"minimum": "50%"},
      "key": {"minimum": "25%", "credit_ratios": {"A": "25%", "B": "25%", "C": "30%", "D": "40%"}},
      "positive": {"minimum": "100%", "method": "off_site"},
      "general": {"minimum": "3%"}
    }
  })");
}

Policy MakePolicy(const Json& doc) {
  absl::StatusOr<Policy> policy = Policy::FromJson(doc.dump(), "test.json");
  EXPECT_TRUE(policy.ok()) << policy.status();
  return *policy;
}

Entity E(std::string id) {
  Entity e;
  e.id = std::move(id);
  e.status = EntityStatus::kActive;
  e.key_unit = false;
  e.positive_list = false;
  e.penalties_last_year = 0;
  e.verified_complaints = 0;
  e.credit = "B";
  return e;
}

struct Fixture {
  Directory directory;
  size_t Add(const Entity& e) {
    EXPECT_TRUE(directory.Add(e).ok());
    return directory.size() - 1;
  }
  Classification Run(const Policy& policy) {
    absl::StatusOr<Classification> c = Classify(directory, policy, kQ1);
    EXPECT_TRUE(c.ok()) << c.status();
    return *std::move(c);
  }
};

// 10^5 rows are 49 blocks of 2,048: three parts on three threads. The preset's unknown credits (2% of the
// generated directory) exercise the defaulted counts.
TEST(ClassifyTest, ClassifyingInPartsOnThreadsGivesTheClassificationOfOneThread) {
  SampleBureauOptions options;
  options.entities = 100000;
  const Bureau bureau = GenerateBureau(options);
  for (const char* preset : {"hebei-xinle-2024", "city-level"}) {
    const Policy policy = *Policy::Preset(preset);
    const Period period = *Period::Parse("2024Q2");
    absl::StatusOr<Classification> one = Classify(bureau.entities, policy, period, 1);
    absl::StatusOr<Classification> three = Classify(bureau.entities, policy, period, 3);
    ASSERT_TRUE(one.ok() && three.ok());
    for (size_t row = 0; row < bureau.entities.size(); ++row) {
      ASSERT_EQ(one->pool(row), three->pool(row)) << preset << " row " << row;
      ASSERT_EQ(one->credit_index(row), three->credit_index(row)) << preset << " row " << row;
      ASSERT_EQ(one->credit_defaulted(row), three->credit_defaulted(row)) << preset << " row " << row;
      if (row % 997 == 0) {
        ASSERT_EQ(one->Explain(row), three->Explain(row)) << preset << " row " << row;
      }
    }
    for (Pool pool : {Pool::kSpecial, Pool::kKey, Pool::kPositive, Pool::kGeneral, Pool::kExcluded}) {
      EXPECT_EQ(one->PoolSize(pool), three->PoolSize(pool)) << preset;
      for (int cell = 0; cell < static_cast<int>(policy.credit_classes().size()); ++cell) {
        EXPECT_EQ(one->CellSize(pool, cell), three->CellSize(pool, cell)) << preset;
      }
    }
    EXPECT_EQ(one->ConflictCount(), three->ConflictCount()) << preset;
    if (std::string(preset) == "hebei-xinle-2024") {
      EXPECT_GT(one->DefaultedCreditCount(), 0);  // city-level has no credit table
    }
    EXPECT_EQ(one->DefaultedCreditCount(), three->DefaultedCreditCount()) << preset;
  }
}

TEST(ClassifyTest, KeyYieldsToSpecial) {
  Fixture f;
  Entity e = E("both");
  e.permit_class = PermitClass::kKey;
  e.penalties_last_year = 2;
  const size_t row = f.Add(e);
  Classification c = f.Run(MakePolicy(Base()));
  EXPECT_EQ(c.supervision_class(row), SupervisionClass::kSpecial);
  EXPECT_EQ(c.pool(row), Pool::kSpecial);
  EXPECT_EQ(
      c.Explain(row),
      "special: penalty (penalties_last_year >= 1); key: key_permit (permit_class == \"key\") → special "
      "(key yields to special); pool special (Q-SPECIAL)");
  EXPECT_EQ(c.ConflictCount(), 1);
}

TEST(ClassifyTest, KeyYieldsToGeneralAndThePositiveListGoesOffSite) {
  Fixture f;
  Entity e = E("key-on-positive-list");
  e.permit_class = PermitClass::kKey;
  e.positive_list = true;
  const size_t row = f.Add(e);
  Classification c = f.Run(MakePolicy(Base()));
  EXPECT_EQ(c.supervision_class(row), SupervisionClass::kGeneral);
  EXPECT_EQ(c.pool(row), Pool::kPositive);
  EXPECT_EQ(
      c.Explain(row),
      "general: positive (positive_list); key: key_permit (permit_class == \"key\") → general (key yields to "
      "general); pool positive (Q-POSITIVE, on the positive list)");
}

TEST(ClassifyTest, SpecialBeatsGeneral) {
  Fixture f;
  Entity e = E("special-and-general");
  e.permit_class = PermitClass::kSimplified;
  e.positive_list = true;
  e.verified_complaints = 4;
  e.key_unit = true;
  const size_t row = f.Add(e);
  Classification c = f.Run(MakePolicy(Base()));
  EXPECT_EQ(c.supervision_class(row), SupervisionClass::kSpecial);
  EXPECT_EQ(c.pool(row), Pool::kSpecial);  // the positive list does not take a special entity off-site
  EXPECT_HAS(c.Explain(row), "→ special (general yields to special; key yields to special)");
  EXPECT_HAS(c.Explain(row),
             "general: small_permit (permit_class in [\"simplified\", \"registration\"]), positive");
}

TEST(ClassifyTest, OneClassAndTheUnmatchedDefault) {
  Fixture f;
  Entity key = E("key");
  key.key_unit = true;
  key.permit_class = PermitClass::kNone;
  Entity general = E("general");
  general.permit_class = PermitClass::kRegistration;
  Entity nothing = E("nothing");
  nothing.permit_class = PermitClass::kNone;
  const size_t k = f.Add(key), g = f.Add(general), n = f.Add(nothing);
  Classification c = f.Run(MakePolicy(Base()));
  EXPECT_EQ(c.pool(k), Pool::kKey);
  EXPECT_EQ(c.Explain(k), "key: key_unit (key_unit) → key; pool key (Q-KEY); credit B");
  EXPECT_EQ(c.pool(g), Pool::kGeneral);
  EXPECT_EQ(c.Explain(g),
            "general: small_permit (permit_class in [\"simplified\", \"registration\"]) → general; "
            "pool general (Q-GENERAL)");
  EXPECT_EQ(c.pool(n), Pool::kGeneral);
  EXPECT_EQ(c.Explain(n), "no class condition met → general (unmatched); pool general (Q-GENERAL)");
  EXPECT_EQ(c.ConflictCount(), 0);

  Json doc = Base();
  doc["unmatched"] = "excluded";
  Classification strict = f.Run(MakePolicy(doc));
  EXPECT_EQ(strict.pool(n), Pool::kExcluded);
  EXPECT_EQ(strict.Explain(n), "no class condition met → excluded (unmatched)");
}

TEST(ClassifyTest, PrecedenceIsPolicyData) {
  Fixture f;
  Entity e = E("both");
  e.permit_class = PermitClass::kKey;
  e.penalties_last_year = 1;
  const size_t row = f.Add(e);
  Json doc = Base();
  doc["precedence"] = {"key", "special", "general"};
  Classification c = f.Run(MakePolicy(doc));
  EXPECT_EQ(c.pool(row), Pool::kKey);
  EXPECT_HAS(c.Explain(row), "→ key (special yields to key)");
}

TEST(ClassifyTest, ClosedRelocatedLongStoppedAndDeregisteredLeaveThePool) {
  Fixture f;
  std::vector<size_t> rows;
  for (EntityStatus status :
       {EntityStatus::kActive, EntityStatus::kSuspended, EntityStatus::kClosed, EntityStatus::kRelocated,
        EntityStatus::kLongStopped, EntityStatus::kDeregistered, EntityStatus::kUnknown}) {
    Entity e = E(std::string("status-") + std::string(EntityStatusName(status)));
    e.status = status;
    e.permit_class = PermitClass::kKey;
    rows.push_back(f.Add(e));
  }
  Classification c = f.Run(MakePolicy(Base()));
  EXPECT_EQ(c.pool(rows[0]), Pool::kKey);
  EXPECT_EQ(c.pool(rows[1]), Pool::kKey);  // temporarily suspended stays
  for (size_t i = 2; i <= 5; ++i) {
    EXPECT_EQ(c.pool(rows[i]), Pool::kExcluded) << i;
    EXPECT_EQ(c.supervision_class(rows[i]), SupervisionClass::kExcluded);
    EXPECT_EQ(c.credit_index(rows[i]), -1);
  }
  EXPECT_EQ(c.Explain(rows[2]), "excluded: status closed (关闭) leaves the pool (pool.excluded_statuses)");
  EXPECT_EQ(c.pool(rows[6]), Pool::kKey);  // unknown status stays by default
  EXPECT_EQ(c.PoolSize(Pool::kExcluded), 4);
  EXPECT_EQ(c.PoolSize(Pool::kKey), 3);

  Json doc = Base();
  doc["pool"] = {{"excluded_statuses", {"closed"}},
                 {"unknown_status", "exclude"},
                 {"excluded_when", {{{"name", "demolished"}, {"when", "\"拆除\" in tags"}}}}};
  Entity demolished = E("demolished");
  demolished.permit_class = PermitClass::kKey;
  demolished.tags = {"拆除"};
  const size_t d = f.Add(demolished);
  Classification custom = f.Run(MakePolicy(doc));
  EXPECT_EQ(custom.pool(rows[3]), Pool::kKey);  // relocated stays under this policy
  EXPECT_EQ(custom.pool(rows[6]), Pool::kExcluded);
  EXPECT_HAS(custom.Explain(rows[6]), "status is unknown");
  EXPECT_EQ(custom.pool(d), Pool::kExcluded);
  EXPECT_EQ(custom.Explain(d), "excluded: demolished (\"拆除\" in tags) (pool.excluded_when)");
}

TEST(ClassifyTest, CreditCellsUseTheSchemeAndCountUnknownsInTheDefaultClass) {
  Fixture f;
  std::vector<size_t> rows;
  for (std::string credit : {"A", "D", "", "X", "c"}) {
    Entity e = E("credit-" + credit);
    e.credit = credit;
    e.permit_class = PermitClass::kKey;
    rows.push_back(f.Add(e));
  }
  Entity general = E("general");
  general.permit_class = PermitClass::kSimplified;
  const size_t g = f.Add(general);
  Classification c = f.Run(MakePolicy(Base()));
  EXPECT_EQ(c.credit_index(rows[0]), 0);
  EXPECT_EQ(c.credit_index(rows[1]), 3);
  EXPECT_EQ(c.credit_index(rows[2]), 3);  // unknown → highest risk
  EXPECT_TRUE(c.credit_defaulted(rows[2]));
  EXPECT_EQ(c.credit_index(rows[3]), 3);  // not in the scheme → highest risk
  EXPECT_EQ(c.credit_index(rows[4]), 2);  // case-insensitive match
  EXPECT_FALSE(c.credit_defaulted(rows[4]));
  EXPECT_HAS(c.Explain(rows[2]),
             "; credit D (the credit class is unknown or not in the scheme; credit.unknown)");
  EXPECT_EQ(c.credit_index(g), -1);  // the general pool has no table
  EXPECT_EQ(c.CellSize(Pool::kKey, 3), 3);
  EXPECT_EQ(c.CellSize(Pool::kKey, 0), 1);
  EXPECT_EQ(c.CellSize(Pool::kKey, 1), 0);
  EXPECT_EQ(c.CellSize(Pool::kGeneral, 0), 0);
  EXPECT_EQ(c.DefaultedCreditCount(), 2);
}

TEST(ClassifyTest, MissingDataIsExplainedAndNeverMatches) {
  Fixture f;
  Entity e;
  e.id = "bare";
  e.permit_class = PermitClass::kKey;
  const size_t row = f.Add(e);
  Classification c = f.Run(MakePolicy(Base()));
  EXPECT_EQ(c.pool(row), Pool::kKey);
  EXPECT_EQ(c.Explain(row),
            "special: not met, missing penalties_last_year, verified_complaints; general: not met, missing "
            "positive_list; key: key_permit (permit_class == \"key\") → key; pool key (Q-KEY); credit D (the "
            "credit class is unknown or not in the scheme; credit.unknown)");
  // Missing data of a class weaker than the decided one is not mentioned: it could not change the outcome.
  Entity listed = E("special-with-gaps");
  listed.penalties_last_year = 1;
  listed.key_unit.reset();
  const size_t special = f.Add(listed);
  Classification again = f.Run(MakePolicy(Base()));
  EXPECT_EQ(again.Explain(special),
            "special: penalty (penalties_last_year >= 1) → special; pool special (Q-SPECIAL)");
}

TEST(ClassifyTest, QuotasAreExactCeilingsWithTheArithmeticShown) {
  EXPECT_EQ(QuotaArithmetic(Ratio::Percent(3), 10), "⌈3% × 10⌉ = ⌈0.3⌉ = 1");
  EXPECT_EQ(QuotaArithmetic(Ratio::Percent(25), 7), "⌈25% × 7⌉ = ⌈1.75⌉ = 2");
  EXPECT_EQ(QuotaArithmetic(Ratio::Percent(50), 1), "⌈50% × 1⌉ = ⌈0.5⌉ = 1");
  EXPECT_EQ(QuotaArithmetic(Ratio::Percent(0), 9), "0% × 9 = 0");
  EXPECT_EQ(QuotaArithmetic(Ratio::Percent(25), 0), "25% × 0 = 0");
  EXPECT_EQ(QuotaArithmetic(Ratio::Percent(25), 37), "⌈25% × 37⌉ = ⌈9.25⌉ = 10");
  EXPECT_EQ(QuotaArithmetic(Ratio::Percent(100), 12), "100% × 12 = 12");
  EXPECT_EQ(QuotaArithmetic(*Ratio::Parse("1/3"), 10), "⌈1/3 × 10⌉ = ⌈10/3⌉ = 4");

  // Pools of 10 general, 7 special (no tables) and key cells A 1, D 2 (table).
  Fixture f;
  for (int i = 0; i < 10; ++i) {
    Entity e = E("g" + std::to_string(i));
    e.permit_class = PermitClass::kRegistration;
    f.Add(e);
  }
  for (int i = 0; i < 7; ++i) {
    Entity e = E("s" + std::to_string(i));
    e.penalties_last_year = 1;
    f.Add(e);
  }
  for (std::string credit : {"A", "D", "D"}) {
    Entity e = E("k" + credit + std::to_string(f.directory.size()));
    e.key_unit = true;
    e.credit = credit;
    f.Add(e);
  }
  const Policy policy = MakePolicy(Base());
  Classification c = f.Run(policy);
  std::vector<QuotaLine> lines = ComputeQuotas(c, policy);
  ASSERT_EQ(lines.size(), 7u);  // special, key A–D, positive, general
  EXPECT_EQ(lines[0].pool, Pool::kSpecial);
  EXPECT_EQ(lines[0].credit_index, -1);
  EXPECT_EQ(lines[0].pool_size, 7);
  EXPECT_EQ(lines[0].quota, 4);
  EXPECT_EQ(lines[0].arithmetic, "⌈50% × 7⌉ = ⌈3.5⌉ = 4");
  EXPECT_EQ(lines[1].pool, Pool::kKey);
  EXPECT_EQ(lines[1].credit_class, "A");
  EXPECT_EQ(lines[1].pool_size, 1);
  EXPECT_EQ(lines[1].quota, 1);
  EXPECT_EQ(lines[2].credit_class, "B");
  EXPECT_EQ(lines[2].quota, 0);
  EXPECT_EQ(lines[4].credit_class, "D");
  EXPECT_EQ(lines[4].ratio, Ratio::Percent(40));
  EXPECT_EQ(lines[4].arithmetic, "⌈40% × 2⌉ = ⌈0.8⌉ = 1");
  EXPECT_EQ(lines[5].pool, Pool::kPositive);
  EXPECT_EQ(lines[5].method, InspectionMethod::kOffSite);
  EXPECT_EQ(lines[5].arithmetic, "100% × 0 = 0");
  EXPECT_EQ(lines[6].pool, Pool::kGeneral);
  EXPECT_EQ(lines[6].quota, 1);  // 3% of 10
  EXPECT_EQ(lines[6].arithmetic, "⌈3% × 10⌉ = ⌈0.3⌉ = 1");
}

TEST(ClassifyTest, EmptyDirectoryClassifiesToNothing) {
  Directory empty;
  const Policy policy = MakePolicy(Base());
  absl::StatusOr<Classification> c = Classify(empty, policy, kQ1);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->size(), 0u);
  for (const QuotaLine& line : ComputeQuotas(*c, policy)) EXPECT_EQ(line.quota, 0);
}

TEST(ClassifyTest, PeriodMovesTheDateWindows) {
  Fixture f;
  Entity e = E("listed");
  e.supervision_listed_date = absl::CivilDay(2023, 5, 10);
  e.permit_class = PermitClass::kRegistration;
  const size_t row = f.Add(e);
  Json doc = Base();
  doc["classes"]["special"]["conditions"].push_back(
      {{"name", "listed"}, {"when", "supervision_listed_date within 1 year"}});
  const Policy policy = MakePolicy(doc);
  EXPECT_EQ(Classify(f.directory, policy, Period::Quarter(2024, 2))->pool(row), Pool::kSpecial);
  EXPECT_EQ(Classify(f.directory, policy, Period::Quarter(2024, 3))->pool(row), Pool::kGeneral);
}

TEST(ClassifyTest, PresetClassifiesTheSampleBureau) {
  const Bureau bureau = SampleBureau();
  absl::StatusOr<Policy> policy = Policy::Preset("hebei-xinle-2024");
  ASSERT_TRUE(policy.ok());
  absl::StatusOr<Classification> c = Classify(bureau.entities, *policy, kQ1);
  ASSERT_TRUE(c.ok());
  ASSERT_EQ(c->size(), bureau.entities.size());
  int64_t total = 0;
  for (Pool pool : {Pool::kExcluded, Pool::kSpecial, Pool::kKey, Pool::kPositive, Pool::kGeneral}) {
    EXPECT_GT(c->PoolSize(pool), 0) << PoolName(pool);
    total += c->PoolSize(pool);
  }
  EXPECT_EQ(total, static_cast<int64_t>(bureau.entities.size()));
  for (Pool pool : {Pool::kSpecial, Pool::kKey, Pool::kGeneral}) {
    int64_t cells = 0;
    for (int k = 0; k < 4; ++k) cells += c->CellSize(pool, k);
    EXPECT_EQ(cells, c->PoolSize(pool));
  }
  // Every row's class agrees with its facts as the policy reads them.
  const Directory& d = bureau.entities;
  for (size_t row = 0; row < d.size(); ++row) {
    const Entity e = d.Get(row);
    const std::string why = c->Explain(row);
    ASSERT_FALSE(why.empty());
    if (c->pool(row) == Pool::kPositive) {
      ASSERT_EQ(e.positive_list, std::optional<bool>(true)) << why;
    }
    if (c->pool(row) == Pool::kKey) {
      ASSERT_TRUE(e.permit_class == PermitClass::kKey || e.key_unit == std::optional<bool>(true)) << why;
      ASSERT_NE(e.positive_list, std::optional<bool>(true)) << why;
    }
    if (e.status == EntityStatus::kClosed) {
      ASSERT_EQ(c->pool(row), Pool::kExcluded);
    }
  }
  // The quotas the draw will fill: every pool at or above its minimum.
  for (Pool pool : {Pool::kSpecial, Pool::kKey, Pool::kPositive, Pool::kGeneral}) {
    int64_t quota = 0;
    for (const QuotaLine& line : ComputeQuotas(*c, *policy)) {
      if (line.pool == pool) quota += line.quota;
    }
    EXPECT_GE(quota, policy->pool_quota(pool).minimum.QuotaOf(c->PoolSize(pool))) << PoolName(pool);
  }
}

}  // namespace
}  // namespace ssr
