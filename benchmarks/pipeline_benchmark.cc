// The measured job of issue 9, step by step, per directory size: load the entity directory from the columnar
// form and from CSV, classify with the preset policy, draw a quarter (one thread and two), assign teams,
// check the plan. Each step is its own benchmark, so its time and its bytes per entity stand alone.
//
//   build/cpp/benchmarks/pipeline_benchmark                       # 10^4, 10^5, 10^6 entities
//   SSR_BENCH_HUGE=1 build/cpp/benchmarks/pipeline_benchmark      # also 10^7 (about 6 GB of memory, minutes)
//   SSR_BENCH_POLICY=city-level build/cpp/benchmarks/pipeline_benchmark
//
// The directory is GenerateBureau's (ssrandom generate): the sample bureau's mix scaled, with inspectors and
// conflicts to match. Counters: ns_per_entity (CPU time per entity of the directory), and for the loads
// file_bytes_per_entity (the input's size) and resident_bytes_per_entity (the loaded directory's memory).
// Loads read from memory, so disk speed is not measured. Assigning teams is measured up to 10^5 entities
// by default (SSR_BENCH_ASSIGN_ALL=1: every size): every inspector of the directory is a candidate of every
// drawn task (one ticket each, docs/teams.md), and a directory's inspectors must grow with its tasks to
// carry their load, so one directory's team draw grows as tasks × inspectors, i.e. with the square of its
// size (see docs/PERFORMANCE.md). A province draws its teams county by county, each from its own staff.
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"
#include "draw/drawn_plan.h"
#include "ssrandom/assign.h"
#include "ssrandom/bureau_io.h"
#include "ssrandom/check.h"
#include "ssrandom/classify.h"
#include "ssrandom/columnar.h"
#include "ssrandom/draw.h"
#include "ssrandom/policy.h"
#include "ssrandom/sample_bureau.h"

namespace ssr {
namespace {

constexpr char kSeed[] = "2024-01-05 中国福利彩票3D 第2024005期 3 1 7";

const Period& Quarter() {
  static const Period* period = new Period(Period::Quarter(2024, 1));
  return *period;
}

const Policy& ThePolicy() {
  static const Policy* policy = [] {
    const char* name = std::getenv("SSR_BENCH_POLICY");
    return new Policy(*Policy::Preset(name != nullptr && *name != '\0' ? name : "hebei-xinle-2024"));
  }();
  return *policy;
}

struct Fixture {
  Bureau bureau;
  std::string columnar;
  std::string csv;
  std::unique_ptr<DrawResult> draw;
};

// One fixture per size, built on first use and kept: generating 10^7 entities takes a while.
Fixture& FixtureOf(int64_t entities) {
  static auto* cache = new std::map<int64_t, std::unique_ptr<Fixture>>();
  std::unique_ptr<Fixture>& slot = (*cache)[entities];
  if (!slot) {
    slot = std::make_unique<Fixture>();
    SampleBureauOptions options;
    options.entities = entities;
    slot->bureau = GenerateBureau(options);
  }
  return *slot;
}

const std::string& ColumnarOf(Fixture& f) {
  if (f.columnar.empty()) f.columnar = ColumnarEntities(f.bureau.entities);
  return f.columnar;
}
const std::string& CsvOf(Fixture& f) {
  if (f.csv.empty()) f.csv = EntitiesToCsv(f.bureau.entities);
  return f.csv;
}
const DrawResult& DrawOf(Fixture& f) {
  if (!f.draw) {
    DrawRequest request;
    request.seed = kSeed;
    f.draw = std::make_unique<DrawResult>(*Draw(f.bureau, ThePolicy(), Quarter(), request));
  }
  return *f.draw;
}

void PerEntity(benchmark::State& state, int64_t entities) {
  state.SetItemsProcessed(state.iterations() * entities);
  state.counters["ns_per_entity"] =
      benchmark::Counter(static_cast<double>(entities) * static_cast<double>(state.iterations()) / 1e9,
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

void Fail(benchmark::State& state, const absl::Status& status) {
  state.SkipWithError(std::string(status.message()).c_str());
}

void BM_Pipeline_LoadColumnar(benchmark::State& state) {
  Fixture& f = FixtureOf(state.range(0));
  const std::string& bytes = ColumnarOf(f);
  size_t resident = 0;
  for (auto _ : state) {
    absl::StatusOr<Directory> directory = ReadColumnarEntities(bytes, "entities.ssrcol");
    if (!directory.ok()) return Fail(state, directory.status());
    resident = directory->ResidentBytes();
    benchmark::DoNotOptimize(directory);
  }
  PerEntity(state, state.range(0));
  state.counters["file_bytes_per_entity"] = static_cast<double>(bytes.size()) / state.range(0);
  state.counters["resident_bytes_per_entity"] = static_cast<double>(resident) / state.range(0);
}

void BM_Pipeline_LoadCsv(benchmark::State& state) {
  Fixture& f = FixtureOf(state.range(0));
  const std::string& text = CsvOf(f);
  size_t resident = 0;
  for (auto _ : state) {
    absl::StatusOr<Directory> directory = ReadEntities(text, TableFormat::kCsv, "entities.csv");
    if (!directory.ok()) return Fail(state, directory.status());
    resident = directory->ResidentBytes();
    benchmark::DoNotOptimize(directory);
  }
  PerEntity(state, state.range(0));
  state.counters["file_bytes_per_entity"] = static_cast<double>(text.size()) / state.range(0);
  state.counters["resident_bytes_per_entity"] = static_cast<double>(resident) / state.range(0);
}

void BM_Pipeline_Classify(benchmark::State& state) {
  Fixture& f = FixtureOf(state.range(0));
  for (auto _ : state) {
    absl::StatusOr<Classification> classes = Classify(f.bureau.entities, ThePolicy(), Quarter());
    if (!classes.ok()) return Fail(state, classes.status());
    benchmark::DoNotOptimize(classes);
  }
  PerEntity(state, state.range(0));
}

// Freezing the directory: its canonical digest, which the record names. Computed once per directory (it is
// kept until the next Add), so each iteration hashes a fresh copy whose digest is not yet known.
void BM_Pipeline_Digest(benchmark::State& state) {
  Fixture& f = FixtureOf(state.range(0));
  Entity extra;
  extra.id = "~benchmark-extra";  // Add clears a copied digest; one entity more is noise
  for (auto _ : state) {
    state.PauseTiming();
    Directory copy = f.bureau.entities;
    if (absl::Status added = copy.Add(extra); !added.ok()) return Fail(state, added);
    state.ResumeTiming();
    benchmark::DoNotOptimize(copy.CanonicalDigest());
  }
  PerEntity(state, state.range(0));
}

// The draw of a frozen directory: its digest is known (BM_Pipeline_Digest) before the seed is drawn
// (RULES.md §7), and the directory keeps it. range(1): threads. `draw` returns the number of tasks drawn.
template <typename DrawFunction>
void TimeDraw(benchmark::State& state, const DrawFunction& draw) {
  Fixture& f = FixtureOf(state.range(0));
  f.bureau.entities.CanonicalDigest();
  DrawRequest request;
  request.seed = kSeed;
  request.threads = static_cast<int>(state.range(1));
  absl::StatusOr<size_t> tasks;
  for (auto _ : state) {
    tasks = draw(f.bureau, request);
    if (!tasks.ok()) return Fail(state, tasks.status());
  }
  PerEntity(state, state.range(0));
  state.counters["tasks"] = static_cast<double>(*tasks);
}

// Draw(): the plan with its Task objects.
void BM_Pipeline_Draw(benchmark::State& state) {
  TimeDraw(state, [](const Bureau& bureau, const DrawRequest& request) -> absl::StatusOr<size_t> {
    absl::StatusOr<DrawResult> result = Draw(bureau, ThePolicy(), Quarter(), request);
    if (!result.ok()) return result.status();
    benchmark::DoNotOptimize(result);
    return result->plan.tasks.size();
  });
}

// The draw as the Python package and record verification run it: the plan kept compact, its tasks not made
// (src/draw/drawn_plan.h). Draw() above is this and then the plan's tasks.
void BM_Pipeline_DrawCompact(benchmark::State& state) {
  TimeDraw(state, [](const Bureau& bureau, const DrawRequest& request) -> absl::StatusOr<size_t> {
    absl::StatusOr<internal::DrawnResult> result =
        internal::DrawCompact(bureau, ThePolicy(), Quarter(), request);
    if (!result.ok()) return result.status();
    benchmark::DoNotOptimize(result);
    return result->plan.size();
  });
}

void BM_Pipeline_AssignTeams(benchmark::State& state) {
  Fixture& f = FixtureOf(state.range(0));
  const DrawResult& drawn = DrawOf(f);
  const TeamRules rules = TeamRulesFromPolicy(ThePolicy());
  AssignRequest request;
  for (auto _ : state) {
    absl::StatusOr<AssignResult> result = AssignTeams(f.bureau, rules, drawn.plan, request);
    if (!result.ok()) return Fail(state, result.status());
    benchmark::DoNotOptimize(result);
  }
  PerEntity(state, state.range(0));
  state.counters["tasks"] = static_cast<double>(drawn.plan.tasks.size());
  state.counters["inspectors"] = static_cast<double>(f.bureau.staff.size());
}

void BM_Pipeline_Check(benchmark::State& state) {
  Fixture& f = FixtureOf(state.range(0));
  const DrawResult& drawn = DrawOf(f);
  CheckInput input;
  input.plans = {drawn.plan};
  input.records = {drawn.record};
  input.bureau = &f.bureau;
  input.as_of = absl::CivilDay(2024, 1, 2);
  for (auto _ : state) {
    absl::StatusOr<ComplianceReport> report = Check(ThePolicy(), Quarter(), input);
    if (!report.ok()) return Fail(state, report.status());
    benchmark::DoNotOptimize(report);
  }
  PerEntity(state, state.range(0));
}

// Sizes: 10^4..10^6, and 10^7 when SSR_BENCH_HUGE is set. Registered at start-up so the environment decides.
const bool kRegistered = [] {
  std::vector<int64_t> sizes = {10'000, 100'000, 1'000'000};
  const char* huge = std::getenv("SSR_BENCH_HUGE");
  if (huge != nullptr && *huge != '\0' && std::string(huge) != "0") sizes.push_back(10'000'000);
  const int64_t assign_limit = std::getenv("SSR_BENCH_ASSIGN_ALL") != nullptr ? INT64_MAX : 100'000;
  for (int64_t n : sizes) {
    const int iterations = n >= 1'000'000 ? 1 : 3;
    auto add = [&](const char* name, auto function, std::vector<int64_t> args) {
      benchmark::RegisterBenchmark(name, function)
          ->Args(args)
          ->Unit(benchmark::kMillisecond)
          ->Iterations(iterations)
          ->MeasureProcessCPUTime()
          ->UseRealTime();
    };
    add("BM_Pipeline_LoadColumnar", BM_Pipeline_LoadColumnar, {n});
    add("BM_Pipeline_LoadCsv", BM_Pipeline_LoadCsv, {n});
    add("BM_Pipeline_Classify", BM_Pipeline_Classify, {n});
    add("BM_Pipeline_Digest", BM_Pipeline_Digest, {n});
    add("BM_Pipeline_Draw", BM_Pipeline_Draw, {n, 1});
    add("BM_Pipeline_Draw", BM_Pipeline_Draw, {n, 2});
    add("BM_Pipeline_DrawCompact", BM_Pipeline_DrawCompact, {n, 1});
    add("BM_Pipeline_DrawCompact", BM_Pipeline_DrawCompact, {n, 2});
    if (n <= assign_limit) add("BM_Pipeline_AssignTeams", BM_Pipeline_AssignTeams, {n});
    add("BM_Pipeline_Check", BM_Pipeline_Check, {n});
  }
  return true;
}();

}  // namespace
}  // namespace ssr
