// The feasibility model of the team draw, checked against brute force on many tiny random networks: the
// aggregated maximum flow must say "feasible" exactly when some assignment of teams exists under the
// model's rules, and every incremental change must leave the same answer as a fresh solve.
#include "assign/team_flow.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace ssr::internal {
namespace {

class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  int Below(int n) {
    state_ = state_ * 6364136223846793005u + 1442695040888963407u;
    return static_cast<int>((state_ >> 33) % static_cast<uint64_t>(n));
  }

 private:
  uint64_t state_;
};

struct Network {
  std::vector<FlowInspector> inspectors;
  std::vector<int64_t> caps;
  std::vector<std::pair<int, int>> exclusions;
  struct Group {
    int64_t tasks;
    Bitset eligible;
    std::vector<int> excluded;
    std::vector<Place> places;
  };
  std::vector<Group> groups;
};

Network RandomNetwork(Random& random) {
  Network net;
  const int n = 2 + random.Below(5);
  for (int i = 0; i < n; ++i) {
    FlowInspector f;
    f.partner = random.Below(6) == 0;
    f.unit = f.partner ? -1 : random.Below(3);
    for (int s = 0; s < 2; ++s) {
      if (random.Below(2) == 0) f.skills.push_back(s);
    }
    net.inspectors.push_back(f);
    net.caps.push_back(random.Below(5));
  }
  for (int e = random.Below(3); e > 0; --e) {
    const int a = random.Below(n), b = random.Below(n);
    if (a != b) net.exclusions.emplace_back(std::min(a, b), std::max(a, b));
  }
  const int groups = 1 + random.Below(3);
  for (int g = 0; g < groups; ++g) {
    Network::Group group;
    group.tasks = 1 + random.Below(3);
    group.eligible.assign(1, 0);
    for (int i = 0; i < n; ++i) {
      if (random.Below(4) != 0) SetBit(&group.eligible, i);
    }
    if (random.Below(3) == 0) group.excluded.push_back(random.Below(n));
    const int places = 1 + random.Below(3);
    for (int p = 0; p < places; ++p) {
      Place place;
      place.kind = random.Below(2) == 0 ? Place::Unit::kAny : static_cast<Place::Unit>(random.Below(4));
      place.unit = random.Below(3);
      place.skill = random.Below(3) == 0 ? random.Below(2) : -1;
      group.places.push_back(place);
    }
    net.groups.push_back(group);
  }
  return net;
}

// The model's rules, enumerated: each task of each group takes distinct eligible inspectors, one per place,
// each fitting its place; at most one member of each exclusion component (among the group's eligible) per
// task, and a component member only in places all the component's members fit; loads within caps.
bool BruteForce(const Network& net) {
  const int n = static_cast<int>(net.inspectors.size());
  struct TaskSpec {
    const Network::Group* group;
    std::vector<int> component;  // per inspector: component id among the group's eligible, or -1
    std::vector<std::vector<int>> members;
  };
  std::vector<TaskSpec> tasks;
  for (const Network::Group& g : net.groups) {
    auto eligible = [&](int i) {
      return TestBit(g.eligible, i) && std::find(g.excluded.begin(), g.excluded.end(), i) == g.excluded.end();
    };
    std::vector<int> parent(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) parent[static_cast<size_t>(i)] = i;
    std::function<int(int)> root = [&](int x) {
      return parent[static_cast<size_t>(x)] == x ? x : root(parent[static_cast<size_t>(x)]);
    };
    std::vector<bool> involved(static_cast<size_t>(n), false);
    for (const auto& [a, b] : net.exclusions) {
      if (eligible(a) && eligible(b)) {
        parent[static_cast<size_t>(root(a))] = root(b);
        involved[static_cast<size_t>(a)] = involved[static_cast<size_t>(b)] = true;
      }
    }
    TaskSpec spec{&g, std::vector<int>(static_cast<size_t>(n), -1), {}};
    for (int i = 0; i < n; ++i) {
      if (involved[static_cast<size_t>(i)]) spec.component[static_cast<size_t>(i)] = root(i);
    }
    for (int64_t t = 0; t < g.tasks; ++t) tasks.push_back(spec);
  }
  std::vector<int64_t> left = net.caps;
  std::function<bool(size_t)> solve_task;
  std::function<bool(size_t, size_t, std::vector<int>&)> fill = [&](size_t task, size_t place,
                                                                    std::vector<int>& chosen) -> bool {
    const TaskSpec& spec = tasks[task];
    const Network::Group& g = *spec.group;
    if (place == g.places.size()) return solve_task(task + 1);
    for (int i = 0; i < n; ++i) {
      if (left[static_cast<size_t>(i)] <= 0) continue;
      if (!TestBit(g.eligible, i) || std::find(g.excluded.begin(), g.excluded.end(), i) != g.excluded.end())
        continue;
      if (std::find(chosen.begin(), chosen.end(), i) != chosen.end()) continue;
      const int comp = spec.component[static_cast<size_t>(i)];
      bool ok = Fits(net.inspectors[static_cast<size_t>(i)], g.places[place]);
      if (comp >= 0) {
        for (int j = 0; j < n; ++j) {
          if (spec.component[static_cast<size_t>(j)] != comp) continue;
          ok = ok && Fits(net.inspectors[static_cast<size_t>(j)], g.places[place]);
          if (j != i && std::find(chosen.begin(), chosen.end(), j) != chosen.end()) ok = false;
        }
      }
      if (!ok) continue;
      --left[static_cast<size_t>(i)];
      chosen.push_back(i);
      const bool solved = fill(task, place + 1, chosen);
      chosen.pop_back();
      ++left[static_cast<size_t>(i)];
      if (solved) return true;
    }
    return false;
  };
  solve_task = [&](size_t task) -> bool {
    if (task == tasks.size()) return true;
    std::vector<int> chosen;
    return fill(task, 0, chosen);
  };
  return solve_task(0);
}

std::unique_ptr<TeamFlow> Build(const Network& net) {
  auto flow = std::make_unique<TeamFlow>(&net.inspectors, net.caps, &net.exclusions);
  for (const Network::Group& g : net.groups) flow->AddGroup(g.tasks, &g.eligible, g.excluded, g.places);
  return flow;
}

TEST(TeamFlowTest, AgreesWithBruteForceOnSmallNetworks) {
  Random random(7);
  int feasible = 0;
  for (int round = 0; round < 3000; ++round) {
    const Network net = RandomNetwork(random);
    const bool expected = BruteForce(net);
    std::unique_ptr<TeamFlow> flow = Build(net);
    ASSERT_EQ(flow->Augment(false), expected) << "round " << round;
    EXPECT_EQ(flow->Deficit() == 0, expected) << "round " << round;
    feasible += expected ? 1 : 0;
  }
  // Both answers occur often enough for the comparison to mean something.
  EXPECT_GT(feasible, 300);
  EXPECT_LT(feasible, 2700);
}

TEST(TeamFlowTest, IncrementalChangesGiveTheSameAnswerAsAFreshSolve) {
  Random random(11);
  for (int round = 0; round < 1500; ++round) {
    Network net = RandomNetwork(random);
    std::unique_ptr<TeamFlow> flow = Build(net);
    flow->Augment(false);
    // Lower a cap, in a transaction that is rolled back, then kept.
    const int i = random.Below(static_cast<int>(net.caps.size()));
    if (net.caps[static_cast<size_t>(i)] == 0) continue;
    const int64_t before = flow->Deficit();
    flow->Begin();
    flow->SetCap(i, net.caps[static_cast<size_t>(i)] - 1);
    flow->Augment(false);
    flow->Rollback();
    EXPECT_EQ(flow->Deficit(), before) << "round " << round;
    flow->Begin();
    flow->SetCap(i, net.caps[static_cast<size_t>(i)] - 1);
    const bool ok = flow->Augment(false);
    flow->Commit();
    net.caps[static_cast<size_t>(i)] -= 1;
    EXPECT_EQ(ok, BruteForce(net)) << "round " << round;
    // One task fewer in the first group.
    if (net.groups[0].tasks > 1) {
      flow->RemoveOneTask(0);
      net.groups[0].tasks -= 1;
      EXPECT_EQ(flow->Augment(false), BruteForce(net)) << "round " << round;
    }
  }
}

TEST(TeamFlowTest, ReplacingAGroupInATransactionRollsBackAndReusesFreedGroups) {
  // What the draw does at every pick: take the current task's group out, put in one with a place fewer, and
  // keep the change or roll it back.
  Random random(13);
  for (int round = 0; round < 1500; ++round) {
    Network net = RandomNetwork(random);
    std::unique_ptr<TeamFlow> flow = Build(net);
    if (!flow->Augment(false)) continue;
    Network smaller = net;
    smaller.groups[0].tasks = 1;
    smaller.groups[0].places.pop_back();
    if (smaller.groups[0].places.empty()) continue;
    net.groups[0].tasks -= 1;  // the remaining tasks of the first group stay where they are
    flow->RemoveOneTask(0);
    ASSERT_TRUE(flow->Augment(false)) << "round " << round;
    const std::vector<Place> full_places = Network(net).groups[0].places;
    int current = flow->AddGroup(1, &smaller.groups[0].eligible, smaller.groups[0].excluded, full_places);
    ASSERT_TRUE(flow->Augment(false)) << "round " << round;
    Network expected = net;
    expected.groups.push_back(smaller.groups[0]);
    for (int attempt = 0; attempt < 2; ++attempt) {
      flow->Begin();
      flow->RemoveGroup(current);
      const int next = flow->AddGroup(1, &smaller.groups[0].eligible, smaller.groups[0].excluded,
                                      smaller.groups[0].places);
      const bool ok = flow->Augment(false);
      EXPECT_EQ(ok, BruteForce(expected)) << "round " << round;
      if (attempt == 0 || !ok) {
        flow->Rollback();
        EXPECT_EQ(flow->Deficit(), 0) << "round " << round;
        EXPECT_TRUE(flow->Augment(false)) << "round " << round;
      } else {
        flow->Commit();
        current = next;
      }
    }
  }
}

TEST(TeamFlowTest, BindingCutNamesTheShortSlotsAndSaturatedInspectors) {
  std::vector<FlowInspector> inspectors(3);
  for (FlowInspector& f : inspectors) f.unit = 0;
  std::vector<std::pair<int, int>> exclusions;
  TeamFlow flow(&inspectors, {2, 2, 5}, &exclusions);
  Bitset first_two(1, 0b011), third(1, 0b100);
  flow.AddGroup(3, &first_two, {}, {Place{}});  // 3 places, 4 units of capacity: fine
  flow.AddGroup(6, &third, {}, {Place{}});      // 6 places, only inspector 2 with 5
  EXPECT_FALSE(flow.Augment(false));
  TeamFlow::Cut cut = flow.BindingCut();
  EXPECT_EQ(cut.deficit, 1);
  EXPECT_EQ(cut.demand, 6);
  EXPECT_EQ(cut.inspectors, std::vector<int>({2}));
  ASSERT_EQ(cut.short_slots.size(), 1u);
  EXPECT_EQ(cut.short_slots[0].first, 1);
}

}  // namespace
}  // namespace ssr::internal
