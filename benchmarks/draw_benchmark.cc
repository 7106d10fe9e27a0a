// The quarterly draw at province scale: a synthetic directory with the sample bureau's class mix, drawn with
// the hebei-xinle-2024 preset. Reports time per entity for the whole draw and for its steps.
#include <map>
#include <memory>

#include "benchmark/benchmark.h"
#include "draw/drawn_plan.h"
#include "ssrandom/classify.h"
#include "ssrandom/draw.h"
#include "ssrandom/record.h"
#include "ssrandom/sample_bureau.h"

namespace ssr {
namespace {

const Bureau& SyntheticBureau(int64_t entities) {
  static auto* cache = new std::map<int64_t, std::unique_ptr<Bureau>>();
  auto& slot = (*cache)[entities];
  if (!slot) {
    SampleBureauOptions options;
    options.entities = entities;
    slot = std::make_unique<Bureau>(GenerateBureau(options));
  }
  return *slot;
}

// items_per_second, and ns_per_entity (CPU time): a rate of entities/1e9 per second, inverted.
void SetPerEntity(benchmark::State& state, int64_t entities) {
  state.SetItemsProcessed(state.iterations() * entities);
  state.counters["ns_per_entity"] =
      benchmark::Counter(static_cast<double>(entities) * static_cast<double>(state.iterations()) / 1e9,
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

// range(2): 0 = hebei-xinle-2024 (its example credit table draws ~29% of entities a quarter), 1 = city-level
// (small quotas, closer to province and national practice).
// The draw of a frozen directory, whose digest is already known (BM_Draw_DirectoryDigest times it).
void BM_Draw_Quarter(benchmark::State& state) {
  const Bureau& bureau = SyntheticBureau(state.range(0));
  bureau.entities.CanonicalDigest();
  Policy policy = *Policy::Preset(state.range(2) == 0 ? "hebei-xinle-2024" : "city-level");
  DrawRequest request;
  request.seed = "benchmark seed";
  request.threads = static_cast<int>(state.range(1));
  for (auto _ : state) {
    absl::StatusOr<DrawResult> result = Draw(bureau, policy, Period::Quarter(2024, 1), request);
    benchmark::DoNotOptimize(result);
  }
  SetPerEntity(state, state.range(0));
}
BENCHMARK(BM_Draw_Quarter)
    ->Args({100000, 1, 0})
    ->Args({1000000, 1, 0})
    ->Args({1000000, 2, 0})
    ->Args({1000000, 1, 1})
    ->Args({1000000, 2, 1})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

// What a draw's caller does with the result: the Python package writes the plan (kept compact, as
// internal::DrawCompact returns it) as JSON and CSV and the record as JSON, with both digests. range(1) picks
// one output: 0 plan JSON, 1 plan CSV, 2 plan digest on one thread, 3 plan digest on two (as the draw
// computes it), 4 record JSON, 5 record digest.
void BM_Draw_Outputs(benchmark::State& state) {
  const Bureau& bureau = SyntheticBureau(state.range(0));
  DrawRequest request;
  request.seed = "benchmark seed";
  absl::StatusOr<internal::DrawnResult> drawn =
      internal::DrawCompact(bureau, *Policy::Preset("hebei-xinle-2024"), Period::Quarter(2024, 1), request);
  if (!drawn.ok()) {
    state.SkipWithError("draw failed");
    return;
  }
  for (auto _ : state) {
    switch (state.range(1)) {
      case 0:
        benchmark::DoNotOptimize(drawn->plan.ToJson());
        break;
      case 1:
        benchmark::DoNotOptimize(drawn->plan.ToCsv());
        break;
      case 2:
        benchmark::DoNotOptimize(drawn->plan.Digest(1));
        break;
      case 3:
        benchmark::DoNotOptimize(drawn->plan.Digest(2));
        break;
      case 4:
        benchmark::DoNotOptimize(drawn->record.ToJson());
        break;
      default:
        benchmark::DoNotOptimize(drawn->record.Digest());
        break;
    }
  }
  SetPerEntity(state, state.range(0));
}
BENCHMARK(BM_Draw_Outputs)
    ->ArgsProduct({{10000, 1000000}, {0, 1, 2, 3, 4, 5}})
    ->ArgNames({"entities", "output"})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

// What an auditor runs: VerifyRecord recomputes the draw of a frozen directory and compares the records.
void BM_Draw_Verify(benchmark::State& state) {
  const Bureau& bureau = SyntheticBureau(state.range(0));
  const Policy policy = *Policy::Preset("hebei-xinle-2024");
  DrawRequest request;
  request.seed = "benchmark seed";
  absl::StatusOr<DrawResult> drawn = Draw(bureau, policy, Period::Quarter(2024, 1), request);
  if (!drawn.ok()) {
    state.SkipWithError("draw failed");
    return;
  }
  for (auto _ : state) {
    absl::Status verified = VerifyRecord(drawn->record, bureau, policy, {});
    if (!verified.ok()) state.SkipWithError("verify failed");
  }
  SetPerEntity(state, state.range(0));
}
BENCHMARK(BM_Draw_Verify)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_Draw_Classify(benchmark::State& state) {
  const Bureau& bureau = SyntheticBureau(state.range(0));
  Policy policy = *Policy::Preset("hebei-xinle-2024");
  for (auto _ : state) {
    absl::StatusOr<Classification> result = Classify(bureau.entities, policy, Period::Quarter(2024, 1));
    benchmark::DoNotOptimize(result);
  }
  SetPerEntity(state, state.range(0));
}
BENCHMARK(BM_Draw_Classify)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(3);

// A directory keeps its digest; each iteration hashes a fresh copy (Add clears the copied digest).
void BM_Draw_DirectoryDigest(benchmark::State& state) {
  const Bureau& bureau = SyntheticBureau(state.range(0));
  Entity extra;
  extra.id = "~benchmark-extra";
  for (auto _ : state) {
    state.PauseTiming();
    Directory copy = bureau.entities;
    if (!copy.Add(extra).ok()) state.SkipWithError("Add failed");
    state.ResumeTiming();
    benchmark::DoNotOptimize(copy.CanonicalDigest());
  }
  SetPerEntity(state, state.range(0));
}
BENCHMARK(BM_Draw_DirectoryDigest)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace ssr
