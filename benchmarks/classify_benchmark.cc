// Classification speed: the hebei-xinle-2024 preset (5 special, 2 key and 2 general conditions, status
// exclusions, credit cells) over synthetic directories of 10⁶ and 10⁷ entities with the sample bureau's mix.
// Items/s counts entities. The directory is built once per size, outside the timed loop.
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"
#include "ssrandom/classify.h"
#include "ssrandom/condition.h"
#include "ssrandom/directory.h"
#include "ssrandom/period.h"
#include "ssrandom/policy.h"

namespace ssr {
namespace {

class Lcg {
 public:
  uint64_t Next() {
    state_ = state_ * 6364136223846793005u + 1442695040888963407u;
    return state_ >> 33;
  }
  // True with probability 1/n.
  bool OneIn(uint64_t n) { return Next() % n == 0; }

 private:
  uint64_t state_ = 20240101;
};

const Directory& SyntheticDirectory(int64_t size) {
  static auto* cache = new std::map<int64_t, std::unique_ptr<Directory>>();
  auto& slot = (*cache)[size];
  if (slot) return *slot;
  slot = std::make_unique<Directory>();
  constexpr const char* kAreas[] = {"市区", "三产", "开发区", "邯邰", "杜固", "承安", "正莫"};
  constexpr const char* kCredits[] = {"A", "A", "A", "B", "B", "B", "B", "B", "C", "C", "D", ""};
  constexpr const char* kEnvCredits[] = {"", "", "", "", "", "", "", "", "A", "B", "C", "D", "E"};
  constexpr const char* kTags[] = {"化工", "医药", "建材", "印染", "机械", "食品", "医疗"};
  constexpr PermitClass kPermits[] = {
      PermitClass::kKey,          PermitClass::kSimplified,   PermitClass::kSimplified,
      PermitClass::kRegistration, PermitClass::kRegistration, PermitClass::kRegistration,
      PermitClass::kRegistration, PermitClass::kNone,         PermitClass::kUnknown};
  Lcg random;
  for (int64_t i = 0; i < size; ++i) {
    Entity e;
    e.id = absl::StrCat("E", i);
    e.area = kAreas[random.Next() % 7];
    e.industry = absl::StrCat("C", 2600 + random.Next() % 40);
    e.permit_class = kPermits[random.Next() % 9];
    e.key_unit = random.OneIn(25);
    e.positive_list = e.permit_class != PermitClass::kNone && random.OneIn(8);
    e.credit = kCredits[random.Next() % 12];
    e.env_credit = kEnvCredits[random.Next() % 13];
    e.penalties_last_year = random.OneIn(40) ? 1 + static_cast<int>(random.Next() % 3) : 0;
    if (*e.penalties_last_year > 0) e.last_penalty_date = absl::CivilDay(2023, 1, 1) + random.Next() % 365;
    if (random.OneIn(60)) e.supervision_listed_date = absl::CivilDay(2023, 3, 1) + random.Next() % 300;
    e.verified_complaints = random.OneIn(50) ? 3 : static_cast<int>(random.Next() % 2);
    e.emergency_risk = static_cast<EmergencyRisk>(random.Next() % 4);
    e.status = random.OneIn(15) ? static_cast<EntityStatus>(2 + random.Next() % 5) : EntityStatus::kActive;
    e.tags = {kTags[random.Next() % 7]};
    if (random.OneIn(10)) e.tags.push_back("固废");
    (void)slot->Add(e);
  }
  slot->ShrinkToFit();
  return *slot;
}

void BM_Classify_HebeiXinle(benchmark::State& state) {
  const Directory& directory = SyntheticDirectory(state.range(0));
  const Policy policy = *Policy::Preset("hebei-xinle-2024");
  const Period period = Period::Quarter(2024, 1);
  for (auto _ : state) {
    absl::StatusOr<Classification> c = Classify(directory, policy, period);
    benchmark::DoNotOptimize(c);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Classify_HebeiXinle)->Arg(1000000)->Arg(10000000)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Classify_Quotas(benchmark::State& state) {
  const Directory& directory = SyntheticDirectory(state.range(0));
  const Policy policy = *Policy::Preset("hebei-xinle-2024");
  const Classification c = *Classify(directory, policy, Period::Quarter(2024, 1));
  for (auto _ : state) benchmark::DoNotOptimize(ComputeQuotas(c, policy));
}
BENCHMARK(BM_Classify_Quotas)->Arg(1000000);

void BM_Condition_EvaluateBlock(benchmark::State& state) {
  const Directory& directory = SyntheticDirectory(state.range(0));
  const Condition condition = *Condition::Parse(
      "(permit_class == \"key\" or key_unit) and not positive_list and \"固废\" in tags", "benchmark");
  const BoundCondition bound = condition.Bind(directory, Period::Quarter(2024, 1));
  std::vector<Truth> out(directory.size());
  for (auto _ : state) {
    bound.EvaluateBlock(0, directory.size(), out.data());
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Condition_EvaluateBlock)->Arg(1000000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ssr
