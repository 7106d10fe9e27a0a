// Team draw speed at province scale: 10^5 tasks and 10^3 inspectors (50 area groups of 16 brigade
// inspectors, 60 monitoring-centre staff, 4 sections of 25, 3 partner departments of 10), a quarter of the
// tasks off-site, items with specialties, 500 conflicts and 20 pair exclusions. Variants: no history, and
// an earlier quarter whose teams visited a fifth of the entities (rotation then singles those tasks out).
//
// Every task ranks all 10^3 inspectors by ticket, so a run computes 10^8 SHA-256 tickets; the counters
// report the rest of the work (levelled load share, skipped candidates).
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "benchmark/benchmark.h"
#include "ssrandom/assign.h"
#include "ssrandom/bureau.h"
#include "ssrandom/plan.h"

namespace ssr {
namespace {

class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Below(uint64_t n) {
    state_ = state_ * 6364136223846793005u + 1442695040888963407u;
    return (state_ >> 33) % n;
  }

 private:
  uint64_t state_;
};

constexpr int kAreas = 50;
constexpr const char* kSpecialties[] = {"固废", "危废", "大气", "水", "土壤", "辐射"};

struct Inputs {
  Bureau bureau;
  Plan plan;
  std::vector<Plan> history;
};

Inputs MakeInputs(int64_t tasks, bool with_history) {
  Inputs in;
  Random random(42);
  Bureau& b = in.bureau;
  b.name = "synthetic province bureau";
  for (const char* unit : {"brigade", "monitoring", "pollution", "soil", "census", "permits"}) {
    (void)b.staff.AddUnit({unit, unit, "unit"});
  }
  for (const char* department : {"samr", "emergency", "resources"})
    (void)b.staff.AddDepartment({department, department});
  int serial = 0;
  auto add = [&](const std::string& unit, const std::string& department, const std::string& area, int load) {
    Inspector inspector;
    inspector.id = absl::StrFormat("I-%04d", ++serial);
    inspector.certificate_number = absl::StrCat("C", serial);
    inspector.certificate_valid_until = absl::CivilDay(2030, 12, 31);
    inspector.unit = unit;
    inspector.department = department;
    inspector.area_group = area;
    inspector.specialties = {kSpecialties[random.Below(4)]};
    if (random.Below(10) < 3) inspector.specialties.push_back(kSpecialties[4 + random.Below(2)]);
    inspector.max_load = load;
    (void)b.staff.Add(inspector);
  };
  for (int a = 0; a < kAreas; ++a) {
    for (int i = 0; i < 16; ++i) add("brigade", "", absl::StrCat("A", a), 300);
  }
  for (int i = 0; i < 60; ++i) add("monitoring", "", "", 1000);
  for (const char* unit : {"pollution", "soil", "census", "permits"}) {
    for (int i = 0; i < 25; ++i) add(unit, "", "", 100);
  }
  for (const char* department : {"samr", "emergency", "resources"}) {
    for (int i = 0; i < 10; ++i) add("", department, "", 10);
  }
  b.items = {
      {"EE-01", "permit", "", "brigade", InspectionMethod::kOnSite, "", ""},
      {"EE-03", "water", "", "brigade", InspectionMethod::kOnSite, "", ""},
      {"EE-04", "solid waste", "", "brigade", InspectionMethod::kOnSite, "固废", ""},
      {"EE-05", "hazardous waste", "", "pollution", InspectionMethod::kOnSite, "危废", ""},
      {"EE-06", "radiation", "", "brigade", InspectionMethod::kOnSite, "辐射", ""},
      {"EE-07", "soil", "", "soil", InspectionMethod::kOnSite, "土壤", ""},
      {"EE-08", "online monitoring", "", "monitoring", InspectionMethod::kOffSite, "", ""},
      {"EE-09", "self-monitoring", "", "permits", InspectionMethod::kEither, "", ""},
  };
  in.plan.bureau = b.name;
  in.plan.period = "2024Q2";
  in.plan.seed = "benchmark seed 2024Q2";
  Plan earlier;
  earlier.period = "2024Q1";
  for (int64_t k = 0; k < tasks; ++k) {
    Entity e;
    e.id = absl::StrFormat("E-%06d", k);
    e.area = absl::StrCat("A", random.Below(kAreas));
    (void)b.entities.Add(e);
    Task task;
    task.id = absl::StrCat("2024Q2/", e.id);
    task.entity_id = e.id;
    task.area = e.area;
    if (random.Below(4) == 0) {
      task.method = InspectionMethod::kOffSite;
      task.items = {"EE-08"};
    } else {
      task.items = {"EE-01", "EE-03"};
      const uint64_t roll = random.Below(100);
      if (roll < 15) task.items.push_back("EE-04");
      if (roll >= 15 && roll < 20) task.items.push_back("EE-05");
      if (roll == 20) task.items.push_back("EE-06");
      if (roll >= 21 && roll < 25) task.items.push_back("EE-07");
    }
    in.plan.tasks.push_back(task);
    if (with_history && random.Below(5) == 0) {
      Task visit = task;
      visit.id = absl::StrCat("2024Q1/", e.id);
      visit.method = InspectionMethod::kOnSite;
      visit.team = {absl::StrFormat("I-%04d", 1 + random.Below(800)),
                    absl::StrFormat("I-%04d", 1 + random.Below(800))};
      visit.joint = random.Below(3) == 0 ? JointType::kInternal : JointType::kNone;
      earlier.tasks.push_back(visit);
    }
  }
  for (int c = 0; c < 500; ++c) {
    b.conflicts.push_back({absl::StrFormat("I-%04d", 1 + random.Below(1000)),
                           absl::StrFormat("E-%06d", random.Below(static_cast<uint64_t>(tasks))),
                           "synthetic"});
  }
  for (int p = 0; p < 20; ++p) {
    b.pair_exclusions.push_back({absl::StrFormat("I-%04d", 1 + random.Below(800)),
                                 absl::StrFormat("I-%04d", 1 + random.Below(800)), "synthetic"});
  }
  if (with_history) in.history.push_back(std::move(earlier));
  return in;
}

void BM_AssignTeams(benchmark::State& state) {
  const Inputs in = MakeInputs(state.range(0), state.range(1) != 0);
  AssignRequest request;
  request.history = in.history;
  TeamRules rules;
  for (auto _ : state) {
    absl::StatusOr<AssignResult> result = AssignTeams(in.bureau, rules, in.plan, request);
    if (!result.ok()) {
      state.SkipWithError(std::string(result.status().message()).c_str());
      return;
    }
    int64_t skipped = 0;
    for (const TeamDraw& team : result->record.teams) skipped += static_cast<int64_t>(team.skipped.size());
    state.counters["load_cap_percent"] = result->record.load_cap_percent;
    state.counters["skipped"] = static_cast<double>(skipped);
    state.counters["internal_joint"] = static_cast<double>(result->record.internal_joint);
    state.counters["max_load"] = result->record.workload.max;
    benchmark::DoNotOptimize(result);
  }
  state.counters["inspectors"] = static_cast<double>(in.bureau.staff.size());
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_AssignTeams)
    ->ArgNames({"tasks", "history"})
    ->Args({1000, 0})
    ->Args({10000, 0})
    ->Args({100000, 0})
    ->Args({100000, 1})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace
}  // namespace ssr
