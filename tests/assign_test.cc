#include "ssrandom/assign.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "ssrandom/digest.h"
#include "ssrandom/period.h"
#include "ssrandom/policy.h"
#include "ssrandom/sample_bureau.h"
#include "ssrandom/sampler.h"

namespace ssr {
namespace {

// ---------------------------------------------------------------------------------------------------------
// Builders.

// A small bureau: units brigade, monitoring and soil, one partner department, items with and without
// specialties. Inspectors are added by each test so that the rule under test binds.
class TestBureau {
 public:
  TestBureau() {
    b.name = "测试分局";
    (void)b.staff.AddUnit({"brigade", "执法大队", "enforcement"});
    (void)b.staff.AddUnit({"monitoring", "监控中心", "monitoring"});
    (void)b.staff.AddUnit({"soil", "土壤科", "section"});
    (void)b.staff.AddDepartment({"samr", "市场监督管理局"});
    b.items = {
        {"IT-A", "排污许可检查", "", "brigade", InspectionMethod::kOnSite, "", ""},
        {"IT-S", "固废检查", "", "brigade", InspectionMethod::kOnSite, "固废", ""},
        {"IT-R", "辐射检查", "", "brigade", InspectionMethod::kOnSite, "辐射", ""},
        {"IT-SOIL", "土壤检查", "", "soil", InspectionMethod::kOnSite, "", ""},
        {"IT-OFF", "自动监控核查", "", "monitoring", InspectionMethod::kOffSite, "", ""},
    };
  }

  Inspector& Add(const std::string& id, const std::string& unit, const std::string& area = "",
                 std::vector<std::string> specialties = {}, int load = 30,
                 const std::string& department = "") {
    Inspector in;
    in.id = id;
    in.name = id;
    in.certificate_number = "C-" + id;
    in.certificate_valid_from = absl::CivilDay(2020, 1, 1);
    in.certificate_valid_until = absl::CivilDay(2030, 12, 31);
    in.unit = department.empty() ? unit : "";
    in.department = department;
    in.area_group = area;
    in.specialties = std::move(specialties);
    in.max_load = load;
    pending.push_back(in);
    return pending.back();
  }

  void Entity(const std::string& id, const std::string& area) {
    ssr::Entity e;
    e.id = id;
    e.area = area;
    (void)b.entities.Add(e);
  }

  // Adds the pending inspectors (after a test has adjusted them) and returns the bureau.
  const Bureau& Build() {
    for (Inspector& in : pending) {
      absl::Status added = b.staff.Add(in);
      EXPECT_TRUE(added.ok()) << added;
    }
    pending.clear();
    return b;
  }

  Bureau b;
  std::deque<Inspector> pending;
};

Task MakeTask(const std::string& period, const std::string& entity, const std::string& area,
              std::vector<std::string> items = {"IT-A"},
              InspectionMethod method = InspectionMethod::kOnSite) {
  Task t;
  t.id = absl::StrCat(period, "/", entity);
  t.entity_id = entity;
  t.area = area;
  t.items = std::move(items);
  t.method = method;
  return t;
}

Plan MakePlan(const std::string& period, std::vector<Task> tasks) {
  Plan plan;
  plan.bureau = "测试分局";
  plan.period = period;
  plan.seed = absl::StrCat("test seed ", period);
  plan.tasks = std::move(tasks);
  return plan;
}

// Rules with the joint targets off, so that a test of one rule sees only that rule.
TeamRules PlainRules() {
  TeamRules rules;
  rules.internal_joint_share_numerator = 0;
  rules.department_joints_per_quarter = 0;
  return rules;
}

// A plan of the sample bureau: every `step`-th active entity, off-site for the positive list, with the
// items that apply to it.
Plan SamplePlan(const Bureau& b, const std::string& period, int step, int offset) {
  Plan plan = MakePlan(period, {});
  for (size_t i = static_cast<size_t>(offset); i < b.entities.size(); i += static_cast<size_t>(step)) {
    const ssr::Entity e = b.entities.Get(i);
    if (e.status != EntityStatus::kActive) continue;
    Task t = MakeTask(period, e.id, e.area, {});
    if (e.positive_list.value_or(false)) {
      t.method = InspectionMethod::kOffSite;
      t.items = {"EE-08"};
    } else {
      const bool permit = e.permit_class == PermitClass::kKey || e.permit_class == PermitClass::kSimplified ||
                          e.permit_class == PermitClass::kRegistration;
      if (permit) t.items.push_back("EE-01");
      t.items.push_back("EE-03");
      for (const std::string& tag : e.tags) {
        if (tag == "固废") t.items.push_back("EE-04");
        if (tag == "危废") t.items.push_back("EE-05");
        if (tag == "土壤") t.items.push_back("EE-07");
      }
      if (e.permit_class == PermitClass::kKey || e.key_unit.value_or(false)) t.items.push_back("EE-09");
    }
    plan.tasks.push_back(t);
  }
  return plan;
}

// ---------------------------------------------------------------------------------------------------------
// An independent check of every rule, for every team of a result.

int64_t Quota(int64_t num, int64_t den, int64_t n) {
  if (num <= 0 || n <= 0) return 0;
  return std::min(n, std::max<int64_t>(1, (num * n + den - 1) / den));
}

std::vector<std::string> Violations(const Bureau& b, const TeamRules& r, const Plan& plan,
                                    const std::vector<Plan>& history, const AssignResult& result) {
  std::vector<std::string> out;
  const Period period = *Period::Parse(plan.period);
  const int now = period.year() * 4 + period.quarter() - 1;
  std::map<std::string, const Item*> items;
  for (const Item& item : b.items) items[item.id] = &item;
  std::set<std::pair<std::string, std::string>> conflicts, recent, excluded;
  for (const Conflict& c : b.conflicts) conflicts.insert({c.inspector_id, c.entity_id});
  for (const PairExclusion& p : b.pair_exclusions) {
    excluded.insert({p.inspector_a, p.inspector_b});
    excluded.insert({p.inspector_b, p.inspector_a});
  }
  // The yearly share counts random inspections only: tasks outside the full-coverage pools.
  auto random = [&](const Task& t) {
    return std::find(r.full_coverage_pools.begin(), r.full_coverage_pools.end(), t.pool) ==
           r.full_coverage_pools.end();
  };
  int64_t year_tasks = 0, year_internal = 0;
  for (const Plan& h : history) {
    const Period p = *Period::Parse(h.period);
    const int age = now - (p.year() * 4 + p.quarter() - 1);
    for (const Task& t : h.tasks) {
      if (age <= r.rotation_window_periods) {
        for (const std::string& m : t.team) recent.insert({m, t.entity_id});
      }
      if (p.year() == period.year() && random(t)) {
        ++year_tasks;
        if (t.joint == JointType::kInternal) ++year_internal;
      }
    }
  }
  std::map<std::string, int> load;
  int64_t internal = 0, department = 0, random_internal = 0, random_tasks = 0;
  if (result.plan.tasks.size() != plan.tasks.size() || result.record.teams.size() != plan.tasks.size()) {
    return {"task count differs"};
  }
  for (size_t k = 0; k < plan.tasks.size(); ++k) {
    const Task& task = result.plan.tasks[k];
    const TeamDraw& draw = result.record.teams[k];
    const std::string at = absl::StrCat(task.id, ": ");
    if (task.team != draw.members || task.joint != draw.joint ||
        task.partner_department != draw.partner_department) {
      out.push_back(at + "plan and record differ");
    }
    std::set<std::string> distinct(task.team.begin(), task.team.end());
    if (distinct.size() != task.team.size()) out.push_back(at + "a member twice");
    const bool offsite = task.method == InspectionMethod::kOffSite;
    int bureau = 0, partners = 0;
    std::set<std::string> units;
    std::string partner_department;
    for (const std::string& id : task.team) {
      const Inspector& in = b.staff.inspectors()[*b.staff.Find(id)];
      ++load[id];
      if (!in.active) out.push_back(at + id + " inactive");
      if (!in.CertifiedOn(period.first_day()) || !in.CertifiedOn(period.last_day())) {
        out.push_back(at + id + " not certified for the whole period");
      }
      if (conflicts.count({id, task.entity_id})) out.push_back(at + id + " conflicted");
      if (recent.count({id, task.entity_id})) out.push_back(at + id + " inspected the entity recently");
      if (!in.area_group.empty() && !task.area.empty()) {
        if (r.own_area == OwnAreaRule::kRequired && in.area_group != task.area)
          out.push_back(at + id + " other area");
        if (r.own_area == OwnAreaRule::kForbidden && in.area_group == task.area)
          out.push_back(at + id + " own area");
      }
      if (in.department.empty()) {
        ++bureau;
        units.insert(in.unit);
        const bool offsite_staff =
            std::find(r.offsite_units.begin(), r.offsite_units.end(), in.unit) != r.offsite_units.end();
        if (offsite && !offsite_staff) out.push_back(at + id + " is not off-site staff");
      } else {
        ++partners;
        partner_department = in.department;
      }
      for (const std::string& other : task.team) {
        if (id != other && excluded.count({id, other}))
          out.push_back(at + id + " with " + other + " (pair exclusion)");
      }
    }
    if (offsite) {
      if (bureau < r.offsite_team_size) out.push_back(at + "off-site team too small");
      if (task.joint != JointType::kNone) out.push_back(at + "off-site task marked joint");
    } else if (bureau < r.min_team_size) {
      out.push_back(at + "team too small");
    }
    if (r.skills_by_item) {
      for (const std::string& item_id : task.items) {
        const std::string& need = items.at(item_id)->required_specialty;
        if (need.empty()) continue;
        bool held = false;
        for (const std::string& id : task.team) {
          const Inspector& in = b.staff.inspectors()[*b.staff.Find(id)];
          held = held || (in.department.empty() && std::find(in.specialties.begin(), in.specialties.end(),
                                                             need) != in.specialties.end());
        }
        if (!held) out.push_back(at + "nobody holds " + need);
      }
    }
    if (task.joint == JointType::kDepartment) {
      ++department;
      if (partners != 1 || partner_department != task.partner_department)
        out.push_back(at + "bad partner member");
    } else if (partners != 0) {
      out.push_back(at + "partner inspector outside a department joint task");
    }
    if (random(task)) ++random_tasks;
    if (task.joint == JointType::kInternal) {
      ++internal;
      if (random(task)) ++random_internal;
      std::set<std::string> item_units;
      for (const std::string& item_id : task.items) item_units.insert(items.at(item_id)->unit);
      if (item_units.size() < 2 && units.size() < 2) out.push_back(at + "internal joint with one unit");
    }
  }
  for (const auto& [id, count] : load) {
    const Inspector& in = b.staff.inspectors()[*b.staff.Find(id)];
    if (count > in.max_load.value_or(r.default_max_load)) out.push_back(id + " above max load");
  }
  if (department < r.department_joints_per_quarter) out.push_back("too few department joint tasks");
  const int64_t year = year_tasks + random_tasks;
  if (year_internal + random_internal <
      Quota(r.internal_joint_share_numerator, r.internal_joint_share_denominator, year)) {
    out.push_back("internal joint share not reached");
  }
  if (result.record.internal_joint != internal || result.record.department_joint != department ||
      result.record.year_internal_joint != year_internal + random_internal ||
      result.record.year_inspections != year) {
    out.push_back("record counts wrong");
  }
  return out;
}

// The candidates of a task in ticket order, computed independently with the sampler.
std::vector<std::string> TicketOrder(const Bureau& b, const Plan& plan, const std::string& task_id) {
  std::vector<std::string> ids;
  for (const Inspector& in : b.staff.inspectors()) ids.push_back(absl::StrCat(task_id, "|", in.id));
  std::vector<absl::string_view> views(ids.begin(), ids.end());
  std::vector<std::string> order;
  for (size_t i : TicketSampler(plan.seed).Order(views)) order.push_back(b.staff.inspectors()[i].id);
  return order;
}

// Members and skipped candidates, merged, are exactly the candidates in ticket order up to the last member.
void ExpectDrawFollowsTicketOrder(const Bureau& b, const Plan& plan, const TeamDraw& draw) {
  const std::vector<std::string> order = TicketOrder(b, plan, draw.task_id);
  size_t m = 0, s = 0;
  for (const std::string& candidate : order) {
    if (m == draw.members.size()) break;
    if (draw.members[m] == candidate) {
      ++m;
    } else {
      ASSERT_LT(s, draw.skipped.size()) << draw.task_id << ": " << candidate << " neither drawn nor skipped";
      EXPECT_EQ(draw.skipped[s].inspector_id, candidate) << draw.task_id;
      ++s;
    }
  }
  EXPECT_EQ(m, draw.members.size()) << draw.task_id;
  EXPECT_EQ(s, draw.skipped.size()) << draw.task_id << ": skipped candidates after the last member";
}

std::set<std::string> ReasonsFor(const AssignResult& result, const std::string& inspector) {
  std::set<std::string> reasons;
  for (const TeamDraw& draw : result.record.teams) {
    for (const SkippedCandidate& s : draw.skipped) {
      if (s.inspector_id == inspector) reasons.insert(s.reason);
    }
  }
  return reasons;
}

bool Serves(const AssignResult& result, const std::string& inspector) {
  for (const Task& task : result.plan.tasks) {
    if (std::find(task.team.begin(), task.team.end(), inspector) != task.team.end()) return true;
  }
  return false;
}

absl::StatusOr<AssignResult> Assign(const Bureau& b, const TeamRules& rules, const Plan& plan,
                                    std::vector<Plan> history = {}) {
  AssignRequest request;
  request.history = std::move(history);
  absl::StatusOr<AssignResult> result = AssignTeams(b, rules, plan, request);
  if (result.ok()) {
    std::vector<std::string> violations = Violations(b, rules, plan, request.history, *result);
    EXPECT_TRUE(violations.empty()) << absl::StrJoin(violations, "\n");
    for (const TeamDraw& draw : result->record.teams) ExpectDrawFollowsTicketOrder(b, plan, draw);
  }
  return result;
}

std::vector<Task> Tasks(const std::string& period, int count, const std::string& area,
                        std::vector<std::string> items = {"IT-A"}, int first = 1) {
  std::vector<Task> tasks;
  for (int i = first; i < first + count; ++i)
    tasks.push_back(MakeTask(period, absl::StrCat("E-", i), area, items));
  return tasks;
}

void AddEntities(TestBureau& t, int count, const std::string& area, int first = 1) {
  for (int i = first; i < first + count; ++i) t.Entity(absl::StrCat("E-", i), area);
}

// ---------------------------------------------------------------------------------------------------------
// One test per rule, each with a directory built to make the rule bind.

TEST(AssignTest, EveryTeamHasAtLeastTheMinimumSize) {
  TestBureau t;
  for (int i = 1; i <= 5; ++i) t.Add(absl::StrCat("I-", i), "brigade");
  AddEntities(t, 6, "杜固");
  TeamRules rules = PlainRules();
  rules.min_team_size = 3;
  absl::StatusOr<AssignResult> r = Assign(t.Build(), rules, MakePlan("2024Q2", Tasks("2024Q2", 6, "杜固")));
  ASSERT_TRUE(r.ok()) << r.status();
  for (const Task& task : r->plan.tasks) EXPECT_EQ(task.team.size(), 3u) << task.id;
}

TEST(AssignTest, CertificateMustBeValidOnEveryDayOfThePeriod) {
  TestBureau t;
  t.Add("I-ok1", "brigade");
  t.Add("I-ok2", "brigade");
  t.Add("I-expires", "brigade").certificate_valid_until = absl::CivilDay(2024, 5, 15);  // mid-quarter
  t.Add("I-starts", "brigade").certificate_valid_from = absl::CivilDay(2024, 4, 10);
  t.Add("I-none", "brigade").certificate_number.clear();
  AddEntities(t, 12, "杜固");
  absl::StatusOr<AssignResult> r =
      Assign(t.Build(), PlainRules(), MakePlan("2024Q2", Tasks("2024Q2", 12, "杜固")));
  ASSERT_TRUE(r.ok()) << r.status();
  for (const std::string id : {"I-expires", "I-starts", "I-none"}) {
    EXPECT_FALSE(Serves(*r, id)) << id;
    EXPECT_EQ(ReasonsFor(*r, id), std::set<std::string>({"certificate"})) << id;
  }
}

TEST(AssignTest, ConflictedInspectorNeverInspectsThatEntity) {
  TestBureau t;
  for (int i = 1; i <= 3; ++i) t.Add(absl::StrCat("I-", i), "brigade");
  t.Add("I-kin", "brigade");
  AddEntities(t, 10, "杜固");
  for (int i = 1; i <= 10; ++i)
    t.b.conflicts.push_back({"I-kin", absl::StrCat("E-", i), "近亲属在该单位任职"});
  absl::StatusOr<AssignResult> r =
      Assign(t.Build(), PlainRules(), MakePlan("2024Q2", Tasks("2024Q2", 10, "杜固")));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_FALSE(Serves(*r, "I-kin"));
  EXPECT_EQ(ReasonsFor(*r, "I-kin"), std::set<std::string>({"conflict"}));
}

TEST(AssignTest, PairExcludedInspectorsNeverServeTogether) {
  TestBureau t;
  for (const char* id : {"I-wife", "I-husband", "I-3", "I-4"}) t.Add(id, "brigade");
  t.b.pair_exclusions.push_back({"I-wife", "I-husband", "夫妻关系"});
  AddEntities(t, 16, "杜固");
  absl::StatusOr<AssignResult> r =
      Assign(t.Build(), PlainRules(), MakePlan("2024Q2", Tasks("2024Q2", 16, "杜固")));
  ASSERT_TRUE(r.ok()) << r.status();  // Violations() checks that no team holds both
  std::set<std::string> reasons = ReasonsFor(*r, "I-wife");
  reasons.merge(ReasonsFor(*r, "I-husband"));
  EXPECT_TRUE(reasons.count("pair_exclusion")) << absl::StrJoin(reasons, ",");
  EXPECT_TRUE(Serves(*r, "I-wife") && Serves(*r, "I-husband"));
}

TEST(AssignTest, RotationKeepsRecentInspectorsAwayFromTheEntity) {
  TestBureau t;
  for (const char* id : {"I-a", "I-b", "I-c", "I-d", "I-e"}) t.Add(id, "brigade");
  AddEntities(t, 8, "杜固");
  const Bureau& b = t.Build();
  // E-1..E-4 were inspected by I-a and I-b four quarters ago (inside the window of 4), E-5..E-8 five
  // quarters ago (outside it).
  Plan inside = MakePlan("2023Q2", Tasks("2023Q2", 4, "杜固"));
  Plan outside = MakePlan("2023Q1", Tasks("2023Q1", 4, "杜固", {"IT-A"}, 5));
  for (Task& task : inside.tasks) task.team = {"I-a", "I-b"};
  for (Task& task : outside.tasks) task.team = {"I-a", "I-b"};
  absl::StatusOr<AssignResult> r =
      Assign(b, PlainRules(), MakePlan("2024Q2", Tasks("2024Q2", 8, "杜固")), {inside, outside});
  ASSERT_TRUE(r.ok()) << r.status();
  std::set<std::string> recent_reasons;
  for (size_t k = 0; k < 4; ++k) {
    for (const std::string& m : r->plan.tasks[k].team) EXPECT_TRUE(m != "I-a" && m != "I-b") << m;
    for (const SkippedCandidate& s : r->record.teams[k].skipped) {
      if (s.inspector_id == "I-a" || s.inspector_id == "I-b") recent_reasons.insert(s.reason);
    }
  }
  EXPECT_EQ(recent_reasons, std::set<std::string>({"rotation"}));
  for (size_t k = 4; k < 8; ++k) {
    for (const SkippedCandidate& s : r->record.teams[k].skipped) EXPECT_NE(s.reason, "rotation");
  }
  // With no window, the earlier teams do not matter.
  TeamRules no_rotation = PlainRules();
  no_rotation.rotation_window_periods = 0;
  r = Assign(b, no_rotation, MakePlan("2024Q2", Tasks("2024Q2", 8, "杜固")), {inside, outside});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(ReasonsFor(*r, "I-a").count("rotation") == 0);
}

TEST(AssignTest, OwnAreaRuleKeepsInspectorsInOrOutOfTheirGroup) {
  TestBureau t;
  for (const char* id : {"I-d1", "I-d2", "I-d3"}) t.Add(id, "brigade", "杜固");
  for (const char* id : {"I-c1", "I-c2", "I-c3"}) t.Add(id, "brigade", "承安");
  AddEntities(t, 8, "杜固");
  const Bureau& b = t.Build();
  const Plan plan = MakePlan("2024Q2", Tasks("2024Q2", 8, "杜固"));
  TeamRules rules = PlainRules();
  rules.own_area = OwnAreaRule::kRequired;
  absl::StatusOr<AssignResult> r = Assign(b, rules, plan);
  ASSERT_TRUE(r.ok()) << r.status();
  for (const Task& task : r->plan.tasks) {
    for (const std::string& m : task.team) EXPECT_TRUE(absl::StartsWith(m, "I-d")) << m;
  }
  EXPECT_EQ(ReasonsFor(*r, "I-c1"), std::set<std::string>({"area"}));
  rules.own_area = OwnAreaRule::kForbidden;
  r = Assign(b, rules, plan);
  ASSERT_TRUE(r.ok()) << r.status();
  for (const Task& task : r->plan.tasks) {
    for (const std::string& m : task.team) EXPECT_TRUE(absl::StartsWith(m, "I-c")) << m;
  }
  EXPECT_EQ(ReasonsFor(*r, "I-d1"), std::set<std::string>({"area"}));
}

TEST(AssignTest, EverySpecialtyAnItemRequiresIsHeldByAMember) {
  TestBureau t;
  t.Add("I-waste", "brigade", "", {"固废"});
  for (const char* id : {"I-2", "I-3", "I-4"}) t.Add(id, "brigade", "", {"水"});
  AddEntities(t, 8, "杜固");
  absl::StatusOr<AssignResult> r =
      Assign(t.Build(), PlainRules(), MakePlan("2024Q2", Tasks("2024Q2", 8, "杜固", {"IT-A", "IT-S"})));
  ASSERT_TRUE(r.ok()) << r.status();
  for (const Task& task : r->plan.tasks) {
    EXPECT_NE(std::find(task.team.begin(), task.team.end(), "I-waste"), task.team.end()) << task.id;
  }
  std::set<std::string> reasons = ReasonsFor(*r, "I-2");
  reasons.merge(ReasonsFor(*r, "I-3"));
  reasons.merge(ReasonsFor(*r, "I-4"));
  EXPECT_TRUE(reasons.count("skill")) << absl::StrJoin(reasons, ",");
}

TEST(AssignTest, NobodyExceedsTheirLoadAndTheLoadIsLevelled) {
  TestBureau t;
  for (int i = 1; i <= 4; ++i) t.Add(absl::StrCat("I-", i), "brigade", "", {}, 3);
  AddEntities(t, 6, "杜固");
  // 12 places for 4 inspectors of load 3: everyone at the cap, and some candidates skipped for load.
  absl::StatusOr<AssignResult> r =
      Assign(t.Build(), PlainRules(), MakePlan("2024Q2", Tasks("2024Q2", 6, "杜固")));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->record.workload.min, 3);
  EXPECT_EQ(r->record.workload.max, 3);
  EXPECT_EQ(r->record.load_cap_percent, 67);  // ⌈67% × 3⌉ = 3, the smallest share that works
  bool load_skip = false;
  for (int i = 1; i <= 4; ++i) load_skip = load_skip || ReasonsFor(*r, absl::StrCat("I-", i)).count("load");
  EXPECT_TRUE(load_skip);

  // 12 places for 8 inspectors of load 10: the levelled cap is ⌈11% × 10⌉ = 2, the smallest that works.
  TestBureau roomy;
  for (int i = 1; i <= 8; ++i) roomy.Add(absl::StrCat("I-", i), "brigade", "", {}, 10);
  AddEntities(roomy, 6, "杜固");
  r = Assign(roomy.Build(), PlainRules(), MakePlan("2024Q2", Tasks("2024Q2", 6, "杜固")));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->record.load_cap_percent, 11);
  EXPECT_EQ(r->record.workload.max, 2);
  EXPECT_EQ(r->record.workload.inspectors, 8);
}

TEST(AssignTest, OffSiteTasksGoOnlyToOffSiteStaff) {
  TestBureau t;
  for (const char* id : {"I-b1", "I-b2", "I-b3"}) t.Add(id, "brigade");
  for (const char* id : {"I-m1", "I-m2"}) t.Add(id, "monitoring");
  AddEntities(t, 10, "杜固");
  std::vector<Task> tasks = Tasks("2024Q2", 6, "杜固");
  for (Task& task : Tasks("2024Q2", 4, "杜固", {"IT-OFF"}, 7)) {
    task.method = InspectionMethod::kOffSite;
    tasks.push_back(task);
  }
  absl::StatusOr<AssignResult> r = Assign(t.Build(), PlainRules(), MakePlan("2024Q2", tasks));
  ASSERT_TRUE(r.ok()) << r.status();
  for (size_t k = 6; k < 10; ++k) {
    ASSERT_EQ(r->plan.tasks[k].team.size(), 1u);  // offsite_team_size
    EXPECT_TRUE(absl::StartsWith(r->plan.tasks[k].team[0], "I-m"));
    for (const SkippedCandidate& s : r->record.teams[k].skipped) {
      if (absl::StartsWith(s.inspector_id, "I-b")) {
        EXPECT_EQ(s.reason, "unit");
      }
    }
  }
}

TEST(AssignTest, PartnerInspectorsJoinOnlyDepartmentJointTasks) {
  TestBureau t;
  for (int i = 1; i <= 4; ++i) t.Add(absl::StrCat("I-", i), "brigade");
  t.Add("P-1", "", "", {}, 5, "samr");
  t.Add("P-2", "", "", {}, 5, "samr");
  AddEntities(t, 10, "杜固");
  TeamRules rules = PlainRules();
  rules.department_joints_per_quarter = 2;
  absl::StatusOr<AssignResult> r = Assign(t.Build(), rules, MakePlan("2024Q2", Tasks("2024Q2", 10, "杜固")));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->record.department_joint, 2);
  for (const Task& task : r->plan.tasks) {
    if (task.joint == JointType::kDepartment) {
      EXPECT_EQ(task.team.size(), 3u);  // two of the bureau's own and one partner
      EXPECT_EQ(task.partner_department, "samr");
    }
  }
  std::set<std::string> reasons = ReasonsFor(*r, "P-1");
  reasons.merge(ReasonsFor(*r, "P-2"));
  EXPECT_TRUE(reasons.count("unit"));
}

TEST(AssignTest, InactiveInspectorsAreNeverDrawn) {
  TestBureau t;
  for (int i = 1; i <= 3; ++i) t.Add(absl::StrCat("I-", i), "brigade");
  t.Add("I-retired", "brigade").active = false;
  AddEntities(t, 10, "杜固");
  absl::StatusOr<AssignResult> r =
      Assign(t.Build(), PlainRules(), MakePlan("2024Q2", Tasks("2024Q2", 10, "杜固")));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_FALSE(Serves(*r, "I-retired"));
  EXPECT_EQ(ReasonsFor(*r, "I-retired"), std::set<std::string>({"inactive"}));
}

// The draw orders only a task's first candidates ahead of time (about 48) and the rest on demand: with 300
// inactive inspectors and 3 active ones, teams are found far down the order, and every skipped candidate
// must still be in ticket order (Assign checks it against the sampler's full order).
TEST(AssignTest, CandidatesFarDownTheTicketOrderAreReachedInTicketOrder) {
  TestBureau t;
  for (int i = 1; i <= 3; ++i) t.Add(absl::StrCat("I-", i), "brigade");
  for (int i = 1; i <= 300; ++i) t.Add(absl::StrCat("I-retired-", i), "brigade").active = false;
  AddEntities(t, 20, "杜固");
  absl::StatusOr<AssignResult> r =
      Assign(t.Build(), PlainRules(), MakePlan("2024Q2", Tasks("2024Q2", 20, "杜固")));
  ASSERT_TRUE(r.ok()) << r.status();
  size_t longest = 0;
  for (const TeamDraw& draw : r->record.teams) longest = std::max(longest, draw.skipped.size());
  EXPECT_GT(longest, 100u) << "no team was found beyond the first 100 candidates; the test lost its point";
}

TEST(AssignTest, ATakenCandidateThatWouldStrandALaterTaskIsSkippedForFeasibility) {
  // Two inspectors hold 固废 and can take one task each; the first tasks need nobody special, the last two
  // need 固废. A greedy draw would spend the specialists early; this one skips them for feasibility.
  TestBureau t;
  t.Add("I-w1", "brigade", "", {"固废"}, 1);
  t.Add("I-w2", "brigade", "", {"固废"}, 1);
  for (int i = 1; i <= 6; ++i) t.Add(absl::StrCat("I-", i), "brigade", "", {}, 3);
  AddEntities(t, 8, "杜固");
  std::vector<Task> tasks = Tasks("2024Q2", 6, "杜固");
  for (Task& task : Tasks("2024Q2", 2, "杜固", {"IT-S"}, 7)) tasks.push_back(task);
  absl::StatusOr<AssignResult> r = Assign(t.Build(), PlainRules(), MakePlan("2024Q2", tasks));
  ASSERT_TRUE(r.ok()) << r.status();
  std::set<std::string> reasons = ReasonsFor(*r, "I-w1");
  reasons.merge(ReasonsFor(*r, "I-w2"));
  EXPECT_TRUE(reasons.count("feasibility")) << absl::StrJoin(reasons, ",");
}

// ---------------------------------------------------------------------------------------------------------
// Joint inspections.

TEST(AssignTest, AVisitMergingItemsOfTwoUnitsIsInternalJoint) {
  TestBureau t;
  for (int i = 1; i <= 4; ++i) t.Add(absl::StrCat("I-", i), "brigade");
  AddEntities(t, 4, "杜固");
  std::vector<Task> tasks = Tasks("2024Q2", 2, "杜固", {"IT-A", "IT-SOIL"});
  for (Task& task : Tasks("2024Q2", 2, "杜固", {"IT-A"}, 3)) tasks.push_back(task);
  absl::StatusOr<AssignResult> r = Assign(t.Build(), PlainRules(), MakePlan("2024Q2", tasks));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->plan.tasks[0].joint, JointType::kInternal);
  EXPECT_EQ(r->plan.tasks[1].joint, JointType::kInternal);
  EXPECT_EQ(r->plan.tasks[2].joint, JointType::kNone);
  EXPECT_EQ(r->record.internal_joint, 2);
}

TEST(AssignTest, JointTasksAreTheLowestTicketsOfTheirIdSpace) {
  TestBureau t;
  for (int i = 1; i <= 6; ++i) t.Add(absl::StrCat("I-b", i), "brigade");
  for (int i = 1; i <= 4; ++i) t.Add(absl::StrCat("I-s", i), "soil");
  t.Add("P-1", "", "", {}, 5, "samr");
  AddEntities(t, 10, "杜固");
  TeamRules rules;  // 30% internal, 1 department joint
  const Plan plan = MakePlan("2024Q2", Tasks("2024Q2", 10, "杜固"));
  absl::StatusOr<AssignResult> r = Assign(t.Build(), rules, plan);
  ASSERT_TRUE(r.ok()) << r.status();
  auto lowest = [&](absl::string_view suffix, size_t n, const std::set<std::string>& skip) {
    std::vector<std::string> ids;
    for (const Task& task : plan.tasks) {
      if (!skip.count(task.id)) ids.push_back(absl::StrCat(task.id, suffix));
    }
    std::vector<absl::string_view> views(ids.begin(), ids.end());
    std::set<std::string> chosen;
    for (size_t i : TicketSampler(plan.seed).SelectLowest(views, n)) {
      chosen.insert(ids[i].substr(0, ids[i].size() - suffix.size()));
    }
    return chosen;
  };
  std::set<std::string> department, internal;
  for (const Task& task : r->plan.tasks) {
    if (task.joint == JointType::kDepartment) department.insert(task.id);
    if (task.joint == JointType::kInternal) internal.insert(task.id);
  }
  EXPECT_EQ(department, lowest("|department", 1, {}));
  EXPECT_EQ(internal, lowest("|internal", 3, department));  // ⌈30% × 10⌉ = 3
  EXPECT_EQ(r->record.year_internal_joint_required, 3);
  for (const Task& task : r->plan.tasks) {
    if (task.joint != JointType::kInternal) continue;
    std::set<char> units;
    for (const std::string& m : task.team) units.insert(m[2]);
    EXPECT_EQ(units, std::set<char>({'b', 's'})) << task.id;  // the items' unit leads, another joins
  }
}

TEST(AssignTest, JointSharesAreReachedOverAYearOfFourQuarters) {
  // A year of four quarterly plans; each assignment sees the earlier ones. The internal share is cumulative:
  // a quarter rich in merged-item visits lowers what later quarters must add, and every quarter has its
  // department joint inspection.
  TestBureau t;
  for (int i = 1; i <= 8; ++i) t.Add(absl::StrCat("I-b", i), "brigade", "", {}, 40);
  for (int i = 1; i <= 3; ++i) t.Add(absl::StrCat("I-s", i), "soil", "", {}, 40);
  t.Add("P-1", "", "", {}, 5, "samr");
  t.Add("P-2", "", "", {}, 5, "samr");
  AddEntities(t, 120, "杜固");
  const Bureau& b = t.Build();
  TeamRules rules;
  std::vector<Plan> history;
  int entity = 1;
  for (int quarter = 1; quarter <= 4; ++quarter) {
    const std::string period = absl::StrCat("2025Q", quarter);
    // Q1 merges items of two units in 12 of its 20 visits; the other quarters in none.
    std::vector<Task> tasks = Tasks(period, 20, "杜固", {"IT-A"}, entity);
    if (quarter == 1) {
      for (int k = 0; k < 12; ++k) tasks[static_cast<size_t>(k)].items = {"IT-A", "IT-SOIL"};
    }
    entity += 20;
    absl::StatusOr<AssignResult> r = Assign(b, rules, MakePlan(period, tasks), history);
    ASSERT_TRUE(r.ok()) << period << ": " << r.status();
    const TeamDrawRecord& rec = r->record;
    EXPECT_EQ(rec.year_inspections, 20 * quarter) << period;
    EXPECT_EQ(rec.year_internal_joint_required, (30 * 20 * quarter + 99) / 100) << period;
    EXPECT_GE(rec.year_internal_joint, rec.year_internal_joint_required) << period;
    EXPECT_EQ(rec.department_joint, 1) << period;
    // Q1: 12 merged visits, above its ⌈30% × 20⌉ = 6, so no team had to be mixed; Q2: 12 ≥ ⌈30% × 40⌉ = 12,
    // none needed; Q3: ⌈30% × 60⌉ = 18, six more; Q4: ⌈30% × 80⌉ = 24, six more.
    const int64_t expected[] = {12, 0, 6, 6};
    EXPECT_EQ(rec.internal_joint, expected[quarter - 1]) << period;
    history.push_back(r->plan);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Infeasibility, decided before drawing, with messages that say what would fix it.

TEST(AssignTest, TooFewInspectorsInAGroupNamesTheGroupAndTheFix) {
  TestBureau t;
  t.Add("I-c1", "brigade", "承安", {}, 3);
  t.Add("I-c2", "brigade", "承安", {}, 3);
  for (const char* id : {"I-d1", "I-d2"}) t.Add(id, "brigade", "杜固", {}, 30);
  AddEntities(t, 5, "承安");
  TeamRules rules = PlainRules();
  rules.own_area = OwnAreaRule::kRequired;
  absl::StatusOr<AssignResult> r = Assign(t.Build(), rules, MakePlan("2024Q2", Tasks("2024Q2", 5, "承安")));
  ASSERT_EQ(r.status().code(), absl::StatusCode::kFailedPrecondition) << r.status();
  const std::string message(r.status().message());
  for (const char* part :
       {"5 tasks", "2024Q2/E-1", "need 10 team places", "I-c1, I-c2", "can take only 6", "own-area rule",
        "area group 承安 needs at least 1 more certified inspector", "a load cap of 5"}) {
    EXPECT_TRUE(absl::StrContains(message, part)) << part << "\n" << message;
  }
}

TEST(AssignTest, ATaskEveryCandidateIsConflictedWithIsNamed) {
  TestBureau t;
  for (const char* id : {"I-1", "I-2", "I-3"}) t.Add(id, "brigade");
  AddEntities(t, 3, "杜固");
  for (const char* id : {"I-1", "I-2", "I-3"}) t.b.conflicts.push_back({id, "E-2", "本人申请回避"});
  absl::StatusOr<AssignResult> r =
      Assign(t.Build(), PlainRules(), MakePlan("2024Q2", Tasks("2024Q2", 3, "杜固")));
  ASSERT_EQ(r.status().code(), absl::StatusCode::kFailedPrecondition) << r.status();
  const std::string message(r.status().message());
  for (const char* part : {"1 task can get no team", "task 2024Q2/E-2",
                           "3 with a declared conflict of interest", "leaving 0 who can serve", "Fix:"}) {
    EXPECT_TRUE(absl::StrContains(message, part)) << part << "\n" << message;
  }
}

TEST(AssignTest, AMissingSpecialtyIsNamed) {
  TestBureau t;
  for (const char* id : {"I-1", "I-2", "I-3"}) t.Add(id, "brigade", "", {"水"});
  AddEntities(t, 2, "杜固");
  absl::StatusOr<AssignResult> r =
      Assign(t.Build(), PlainRules(), MakePlan("2024Q2", Tasks("2024Q2", 2, "杜固", {"IT-R"})));
  ASSERT_EQ(r.status().code(), absl::StatusCode::kFailedPrecondition) << r.status();
  EXPECT_TRUE(absl::StrContains(r.status().message(),
                                "missing: a member holding 辐射. Fix: make 1 more inspector eligible for "
                                "this task as a member holding 辐射"))
      << r.status();
}

TEST(AssignTest, ADepartmentJointWithoutUsablePartnersSaysWhy) {
  TestBureau t;
  for (const char* id : {"I-1", "I-2", "I-3"}) t.Add(id, "brigade");
  t.Add("P-1", "", "", {}, 5, "samr").certificate_valid_until = absl::CivilDay(2023, 12, 31);
  AddEntities(t, 3, "杜固");
  TeamRules rules = PlainRules();
  rules.department_joints_per_quarter = 1;
  absl::StatusOr<AssignResult> r = Assign(t.Build(), rules, MakePlan("2024Q2", Tasks("2024Q2", 3, "杜固")));
  ASSERT_EQ(r.status().code(), absl::StatusCode::kFailedPrecondition) << r.status();
  const std::string message(r.status().message());
  for (const char* part : {"department joint", "1 partner-department inspectors (samr), 0 of them able",
                           "1 certificate", "department_joints_per_quarter"}) {
    EXPECT_TRUE(absl::StrContains(message, part)) << part << "\n" << message;
  }
}

TEST(AssignTest, AnUnreachableInternalShareSaysWhatIsShort) {
  TestBureau t;
  for (const char* id : {"I-1", "I-2", "I-3"}) t.Add(id, "brigade");
  AddEntities(t, 4, "杜固");
  TeamRules rules = PlainRules();
  rules.internal_joint_share_numerator = 30;
  absl::StatusOr<AssignResult> r = Assign(t.Build(), rules, MakePlan("2024Q2", Tasks("2024Q2", 4, "杜固")));
  ASSERT_EQ(r.status().code(), absl::StatusCode::kFailedPrecondition) << r.status();
  const std::string message(r.status().message());
  for (const char* part : {"⌈30/100 × 4⌉ = 2", "2 more tasks need a team from two internal units",
                           "only 0 of the plan's 4", "lower the share"}) {
    EXPECT_TRUE(absl::StrContains(message, part)) << part << "\n" << message;
  }
}

TEST(AssignTest, InvalidInputsAreInvalidArguments) {
  TestBureau t;
  for (const char* id : {"I-1", "I-2"}) t.Add(id, "brigade");
  AddEntities(t, 2, "杜固");
  const Bureau& b = t.Build();
  const TeamRules rules = PlainRules();
  auto expect_invalid = [&](const Plan& plan, std::vector<Plan> history, absl::string_view part) {
    absl::StatusOr<AssignResult> r = Assign(b, rules, plan, std::move(history));
    EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument) << r.status();
    EXPECT_TRUE(absl::StrContains(r.status().message(), part)) << part << "\n" << r.status();
  };
  expect_invalid(MakePlan("2024Q2", {MakeTask("2024Q2", "E-9", "杜固")}), {}, "entity 'E-9'");
  expect_invalid(MakePlan("2024Q2", {MakeTask("2024Q2", "E-1", "杜固", {"IT-X"})}), {}, "item 'IT-X'");
  expect_invalid(MakePlan("2024", Tasks("2024", 1, "杜固")), {}, "is a year");
  expect_invalid(MakePlan("2024Q2", {MakeTask("2024Q2", "E-1", "杜固"), MakeTask("2024Q2", "E-1", "杜固")}),
                 {}, "twice");
  Plan blank = MakePlan("2024Q2", Tasks("2024Q2", 1, "杜固"));
  blank.seed = "  ";
  expect_invalid(blank, {}, "seed");
  const Plan plan = MakePlan("2024Q2", Tasks("2024Q2", 1, "杜固"));
  expect_invalid(plan, {MakePlan("2024Q3", {})}, "not earlier");
  expect_invalid(plan, {MakePlan("2024Q2", {})}, "not earlier");
  expect_invalid(plan, {MakePlan("2024Q1", {}), MakePlan("2024Q1", {})}, "two plans for 2024Q1");
  TeamRules one = rules;
  one.min_team_size = 1;
  EXPECT_EQ(AssignTeams(b, one, plan, {}).status().code(), absl::StatusCode::kInvalidArgument);
}

// ---------------------------------------------------------------------------------------------------------
// The sample bureau, determinism and verification.

class SampleTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    bureau_ = new Bureau(SampleBureau());
    plan_ = new Plan(SamplePlan(*bureau_, "2024Q1", 6, 0));
  }
  static void TearDownTestSuite() {
    delete bureau_;
    delete plan_;
  }
  static Bureau* bureau_;
  static Plan* plan_;
};
Bureau* SampleTest::bureau_ = nullptr;
Plan* SampleTest::plan_ = nullptr;

TEST_F(SampleTest, TheSampleBureauQuarterMeetsEveryRule) {
  absl::StatusOr<AssignResult> r = Assign(*bureau_, TeamRules(), *plan_);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_GT(r->record.tasks, 200);
  EXPECT_GE(r->record.internal_joint, r->record.year_internal_joint_required);
  EXPECT_EQ(r->record.department_joint, 1);
  EXPECT_LE(r->record.load_cap_percent, 100);
}

TEST_F(SampleTest, SameInputsGiveByteIdenticalRecordsForAnyThreadCount) {
  AssignRequest one, two, four;
  one.threads = 1;
  four.threads = 4;
  absl::StatusOr<AssignResult> a = AssignTeams(*bureau_, TeamRules(), *plan_, one);
  absl::StatusOr<AssignResult> b = AssignTeams(*bureau_, TeamRules(), *plan_, two);
  absl::StatusOr<AssignResult> c = AssignTeams(*bureau_, TeamRules(), *plan_, four);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(a->record.ToJson(), b->record.ToJson());
  EXPECT_EQ(a->record.ToJson(), c->record.ToJson());
  EXPECT_EQ(a->plan.ToJson(), b->plan.ToJson());
  // Teams already in the input plan are replaced, not kept.
  absl::StatusOr<AssignResult> again = AssignTeams(*bureau_, TeamRules(), a->plan, two);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->record.ToJson(), a->record.ToJson());
}

TEST_F(SampleTest, RecordJsonRoundTripsExactly) {
  absl::StatusOr<AssignResult> r = AssignTeams(*bureau_, TeamRules(), *plan_, {});
  ASSERT_TRUE(r.ok());
  const std::string json = r->record.ToJson();
  absl::StatusOr<TeamDrawRecord> back = TeamDrawRecord::FromJson(json, "teams.json");
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, r->record);
  EXPECT_EQ(back->ToJson(), json);
  std::string broken = json;
  broken.replace(broken.find("\"joint\": \"internal\""), 19, "\"joint\": \"merged\"");
  back = TeamDrawRecord::FromJson(broken, "teams.json");
  ASSERT_FALSE(back.ok());
  EXPECT_TRUE(absl::StrContains(back.status().message(), "teams.json: teams[")) << back.status();
  EXPECT_TRUE(absl::StrContains(back.status().message(), "joint")) << back.status();
  // A key the format does not define (an optional field misspelt, whose value is the default) is an error,
  // not ignored: found by the mutation property test (test_random_policies.py).
  std::string renamed = json;
  renamed.replace(renamed.find("\"partner_department\""), 20, "\" artner_department\"");
  back = TeamDrawRecord::FromJson(renamed, "teams.json");
  ASSERT_FALSE(back.ok());
  EXPECT_TRUE(absl::StrContains(back.status().message(), ". artner_department: unknown key"))
      << back.status();
  for (const char* object : {"\"rules\": {", "\"workload\": {", "\"inspector_directory\": {", "{"}) {
    std::string added = json;
    const size_t at = added.find(object) + std::string(object).size();
    added.insert(at, "\"note\": \"\", ");
    back = TeamDrawRecord::FromJson(added, "teams.json");
    ASSERT_FALSE(back.ok()) << object;
    EXPECT_TRUE(absl::StrContains(back.status().message(), "note: unknown key")) << back.status();
  }
}

TEST_F(SampleTest, VerificationAcceptsTheRecordAndNamesTheFirstDifferenceOfATamperedOne) {
  absl::StatusOr<AssignResult> r = AssignTeams(*bureau_, TeamRules(), *plan_, {});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(VerifyTeamDraw(r->record, *bureau_, TeamRules(), *plan_, {}).ok());
  EXPECT_TRUE(VerifyTeamDraw(r->record, *bureau_, TeamRules(), r->plan, {}).ok());

  TeamDrawRecord swapped = r->record;
  size_t k = 0;
  while (swapped.teams[k].members.size() < 2) ++k;
  std::swap(swapped.teams[k].members[0], swapped.teams[k].members[1]);
  absl::Status s = VerifyTeamDraw(swapped, *bureau_, TeamRules(), *plan_, {});
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(absl::StrContains(
      s.message(),
      absl::StrCat("teams[", k, "] (", swapped.teams[k].task_id, ").members[0]: the record says ",
                   swapped.teams[k].members[0], ", the recomputed draw gives ", swapped.teams[k].members[1])))
      << s;

  TeamDrawRecord hidden = r->record;
  k = 0;
  while (hidden.teams[k].skipped.empty()) ++k;
  hidden.teams[k].skipped[0].reason = "conflict";
  s = VerifyTeamDraw(hidden, *bureau_, TeamRules(), *plan_, {});
  EXPECT_TRUE(absl::StrContains(s.message(), absl::StrCat("teams[", k, "]"))) << s;
  EXPECT_TRUE(absl::StrContains(s.message(), ".skipped[0].reason")) << s;

  TeamDrawRecord counted = r->record;
  counted.internal_joint += 1;
  s = VerifyTeamDraw(counted, *bureau_, TeamRules(), *plan_, {});
  EXPECT_TRUE(absl::StrContains(s.message(), "internal_joint: the record says")) << s;

  TeamRules other;
  other.min_team_size = 3;
  s = VerifyTeamDraw(r->record, *bureau_, other, *plan_, {});
  EXPECT_TRUE(absl::StrContains(s.message(), "rules.min_team_size: the record says 2")) << s;

  Plan tampered = r->plan;
  tampered.tasks[k].team.back() = "I-001";
  if (tampered.tasks[k].team == r->plan.tasks[k].team) tampered.tasks[k].team.back() = "I-002";
  s = VerifyTeamDraw(r->record, *bureau_, TeamRules(), tampered, {});
  EXPECT_TRUE(absl::StrContains(s.message(), absl::StrCat("plan tasks[", k, "]"))) << s;
  EXPECT_TRUE(absl::StrContains(s.message(), ".team: the plan says")) << s;
}

// ---------------------------------------------------------------------------------------------------------
// The record chain and the digests a team record names.

TEST_F(SampleTest, TheTeamRecordFollowsTheEntityRecordAndVerificationChecksTheLink) {
  AssignRequest request;
  request.previous_record_digest = Sha256Hex("the plan's entity draw record");
  absl::StatusOr<AssignResult> r = AssignTeams(*bureau_, TeamRules(), *plan_, request);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->record.previous_record_digest, request.previous_record_digest);
  EXPECT_EQ(r->record.plan_digest, plan_->Digest());  // the plan without teams, as the entity record names it
  EXPECT_EQ(r->record.inspector_directory_digest, InspectorDirectoryDigest(*bureau_));
  EXPECT_EQ(r->record.inspector_directory_size, static_cast<int64_t>(bureau_->staff.size()));
  EXPECT_TRUE(VerifyTeamDraw(r->record, *bureau_, TeamRules(), r->plan, request).ok());

  // A team record swapped in from another draw (or a chain cut short) fails on the link, whatever its teams.
  AssignRequest other = request;
  other.previous_record_digest = Sha256Hex("another draw record");
  absl::Status s = VerifyTeamDraw(r->record, *bureau_, TeamRules(), r->plan, other);
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(
      absl::StrContains(s.message(), absl::StrCat("previous_record_digest: the team record follows the "
                                                  "record with digest ",
                                                  request.previous_record_digest)))
      << s;
  other.previous_record_digest.clear();
  EXPECT_EQ(VerifyTeamDraw(r->record, *bureau_, TeamRules(), r->plan, other).code(),
            absl::StatusCode::kFailedPrecondition);

  // The digest is over the canonical JSON: it survives a round trip and changes with any field.
  absl::StatusOr<TeamDrawRecord> back = TeamDrawRecord::FromJson(r->record.ToJson(), "teams.json");
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->Digest(), r->record.Digest());
  EXPECT_EQ(r->record.Digest().size(), 64u);
  TeamDrawRecord changed = r->record;
  changed.previous_record_digest = other.previous_record_digest;
  EXPECT_NE(changed.Digest(), r->record.Digest());

  // A re-draw follows the team record it replaces.
  AssignRequest redraw = request;
  redraw.previous_record_digest = r->record.Digest();
  absl::StatusOr<AssignResult> again = AssignTeams(*bureau_, TeamRules(), r->plan, redraw);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->record.previous_record_digest, r->record.Digest());
  EXPECT_EQ(again->record.teams, r->record.teams);

  AssignRequest bad;
  bad.previous_record_digest = "not-a-digest";
  EXPECT_EQ(AssignTeams(*bureau_, TeamRules(), *plan_, bad).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(SampleTest, AChangedInspectorDirectoryIsNamedBeforeAnyTeam) {
  absl::StatusOr<AssignResult> r = AssignTeams(*bureau_, TeamRules(), *plan_, {});
  ASSERT_TRUE(r.ok());
  // An inactive newcomer changes no team's members, but the record must still tell the directories apart.
  Bureau grown = *bureau_;
  Inspector newcomer;
  newcomer.id = "I-999";
  newcomer.unit = "brigade";
  newcomer.active = false;
  ASSERT_TRUE(grown.staff.Add(newcomer).ok());
  absl::Status s = VerifyTeamDraw(r->record, grown, TeamRules(), *plan_, {});
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(absl::StrContains(s.message(),
                                "inspector_directory.digest: the team record was drawn from an "
                                "inspector directory with digest " +
                                    r->record.inspector_directory_digest))
      << s;
  EXPECT_TRUE(absl::StrContains(s.message(), absl::StrCat("(", bureau_->staff.size() + 1, " inspectors)")))
      << s;
  // So does a new declared conflict.
  Bureau conflicted = *bureau_;
  conflicted.conflicts.push_back({bureau_->staff.inspectors()[0].id, plan_->tasks[0].entity_id, "近亲属"});
  s = VerifyTeamDraw(r->record, conflicted, TeamRules(), *plan_, {});
  EXPECT_TRUE(absl::StrContains(s.message(), "inspector_directory.digest")) << s;
}

TEST_F(SampleTest, TeamsDrawnForOtherTasksOrAnotherHistoryAreNamed) {
  absl::StatusOr<AssignResult> q1 = AssignTeams(*bureau_, TeamRules(), *plan_, {});
  ASSERT_TRUE(q1.ok());
  Plan fewer = *plan_;
  fewer.tasks.pop_back();
  absl::Status s = VerifyTeamDraw(q1->record, *bureau_, TeamRules(), fewer, {});
  EXPECT_TRUE(absl::StrContains(
      s.message(), "plan_digest: the team record was drawn for the plan with digest " + plan_->Digest()))
      << s;

  const Plan q2 = SamplePlan(*bureau_, "2024Q2", 6, 1);
  AssignRequest with_q1;
  with_q1.history = {q1->plan};
  absl::StatusOr<AssignResult> r = AssignTeams(*bureau_, TeamRules(), q2, with_q1);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->record.history.size(), 1u);
  EXPECT_EQ(r->record.history[0].period, "2024Q1");
  EXPECT_EQ(r->record.history[0].plan_digest, q1->plan.Digest());
  EXPECT_TRUE(VerifyTeamDraw(r->record, *bureau_, TeamRules(), q2, with_q1).ok());
  s = VerifyTeamDraw(r->record, *bureau_, TeamRules(), q2, {});
  EXPECT_TRUE(
      absl::StrContains(s.message(), "history: the team record was drawn with the earlier plans 2024Q1 (" +
                                         q1->plan.Digest() + "); the history given is none"))
      << s;
}

TEST(InspectorDigestTest, IsIndependentOfRowOrderAndCoversEveryTableTheDrawReads) {
  auto build = [](bool reversed) {
    TestBureau t;
    t.Add("I-1", "brigade", "杜固", {"固废", "大气"});
    t.Add("I-2", "monitoring", "", {}, 12);
    if (reversed) std::reverse(t.pending.begin(), t.pending.end());
    if (reversed) std::reverse(t.pending[1].specialties.begin(), t.pending[1].specialties.end());
    t.b.conflicts.push_back({"I-1", "E-1", "亲属"});
    t.b.pair_exclusions.push_back({"I-1", "I-2", "夫妻"});
    return Bureau(t.Build());
  };
  const Bureau a = build(false);
  const std::string digest = InspectorDirectoryDigest(a);
  EXPECT_EQ(InspectorDirectoryDigest(build(true)), digest);

  // The documented byte string (docs/teams.md), written out by hand.
  const std::string us = "\x1f";
  std::string text = "ssrandom-inspector-directory-v1\ninspectors\n";
  text += "I-1" + us + "I-1" + us + "C-I-1" + us + "2020-01-01" + us + "2030-12-31" + us + "brigade" + us +
          "" + us + "杜固" + us + "固废;大气" + us + "30" + us + "true\n";
  text += "I-2" + us + "I-2" + us + "C-I-2" + us + "2020-01-01" + us + "2030-12-31" + us + "monitoring" + us +
          "" + us + "" + us + "" + us + "12" + us + "true\n";
  text += "units\nbrigade" + us + "执法大队" + us + "enforcement\nmonitoring" + us + "监控中心" + us +
          "monitoring\nsoil" + us + "土壤科" + us + "section\n";
  text += "departments\nsamr" + us + "市场监督管理局\n";
  text += "conflicts\nI-1" + us + "E-1" + us + "亲属\n";
  text += "pair_exclusions\nI-1" + us + "I-2" + us + "夫妻\n";
  EXPECT_EQ(digest, Sha256Hex(text));

  Bureau changed = a;
  changed.conflicts[0].reason = "利害关系";
  EXPECT_NE(InspectorDirectoryDigest(changed), digest);
  changed = a;
  changed.pair_exclusions.clear();
  EXPECT_NE(InspectorDirectoryDigest(changed), digest);
  changed = a;
  ASSERT_TRUE(changed.staff.AddDepartment({"emergency", "应急管理局"}).ok());
  EXPECT_NE(InspectorDirectoryDigest(changed), digest);
}

// ---------------------------------------------------------------------------------------------------------
// The internal joint share's denominator: random inspections only (docs/teams.md, docs/check.md).

TEST(AssignTest, FullCoveragePoolsAreNotRandomInspectionsInTheYearlyInternalShare) {
  TestBureau t;
  for (int i = 1; i <= 6; ++i) t.Add(absl::StrCat("I-b", i), "brigade");
  for (int i = 1; i <= 3; ++i) t.Add(absl::StrCat("I-s", i), "soil");
  for (int i = 1; i <= 3; ++i) t.Add(absl::StrCat("I-m", i), "monitoring");
  AddEntities(t, 20, "杜固");
  const Bureau& b = t.Build();
  std::vector<Task> tasks = Tasks("2024Q1", 10, "杜固");  // random on-site inspections (pool general)
  for (Task& off : Tasks("2024Q1", 10, "杜固", {"IT-OFF"}, 11)) {
    off.method = InspectionMethod::kOffSite;
    off.pool = Pool::kPositive;  // the positive list, covered in full every quarter
    tasks.push_back(off);
  }
  const Plan plan = MakePlan("2024Q1", tasks);
  TeamRules rules = PlainRules();
  rules.internal_joint_share_numerator = 30;
  ASSERT_EQ(rules.full_coverage_pools, std::vector<Pool>{Pool::kPositive});
  EXPECT_TRUE(IsRandomInspection(rules, tasks[0]));
  EXPECT_FALSE(IsRandomInspection(rules, tasks[10]));

  absl::StatusOr<AssignResult> r = Assign(b, rules, plan);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->record.tasks, 20);
  EXPECT_EQ(r->record.year_inspections, 10);             // the off-site full coverage is not counted…
  EXPECT_EQ(r->record.year_internal_joint_required, 3);  // …so ⌈30% × 10⌉, not ⌈30% × 20⌉
  EXPECT_EQ(r->record.internal_joint, 3);

  // Counting every task (no full-coverage pool) asks for twice as many mixed teams.
  rules.full_coverage_pools.clear();
  EXPECT_TRUE(IsRandomInspection(rules, tasks[10]));
  r = Assign(b, rules, plan);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->record.year_inspections, 20);
  EXPECT_EQ(r->record.year_internal_joint_required, 6);
  EXPECT_EQ(r->record.internal_joint, 6);

  rules.full_coverage_pools = {Pool::kExcluded};
  EXPECT_EQ(AssignTeams(b, rules, plan, {}).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(AssignTest, ThePolicyNamesItsFullCoveragePools) {
  absl::StatusOr<Policy> policy = Policy::Preset("hebei-xinle-2024");
  ASSERT_TRUE(policy.ok());
  EXPECT_EQ(TeamRulesFromPolicy(*policy).full_coverage_pools, std::vector<Pool>{Pool::kPositive});
}

// ---------------------------------------------------------------------------------------------------------
// Property: on many random small bureaus and plans, no produced team ever breaks a rule, the draw never
// fails once feasibility has been decided, and verification accepts what was drawn.

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

TEST(AssignPropertyTest, NoProducedTeamEverBreaksARule) {
  Random random(20240101);
  const std::vector<std::string> areas = {"杜固", "承安", "正莫"};
  const std::vector<std::string> specialties = {"固废", "辐射", "水"};
  int ok = 0, infeasible = 0;
  for (int round = 0; round < 300; ++round) {
    TestBureau t;
    t.b.items.push_back({"IT-W", "水", "", "soil", InspectionMethod::kOnSite, "水", ""});
    const int staff = 8 + random.Below(10);
    for (int i = 0; i < staff; ++i) {
      const int kind = i < 2 ? 9 : random.Below(10);  // at least two monitoring-centre staff
      const std::string unit = kind < 6 ? "brigade" : kind < 8 ? "soil" : "monitoring";
      std::vector<std::string> held;
      for (const std::string& s : specialties) {
        if (random.Below(2) == 0) held.push_back(s);
      }
      Inspector& in = t.Add(absl::StrCat("I-", i), unit, unit == "brigade" ? areas[random.Below(3)] : "",
                            held, 2 + random.Below(8));
      if (random.Below(12) == 0) in.active = false;
      if (random.Below(12) == 0) in.certificate_valid_until = absl::CivilDay(2024, 2, 1 + random.Below(20));
      if (random.Below(15) == 0) in.max_load.reset();
    }
    const bool partners = random.Below(3) == 0;
    if (partners) {
      for (int p = 1 + random.Below(2); p > 0; --p)
        t.Add(absl::StrCat("P-", p), "", "", {}, 1 + random.Below(3), "samr");
    }
    const int entities = 4 + random.Below(12);
    for (int e = 1; e <= entities; ++e) t.Entity(absl::StrCat("E-", e), areas[random.Below(3)]);
    for (int c = random.Below(5); c > 0; --c) {
      t.b.conflicts.push_back(
          {absl::StrCat("I-", random.Below(staff)), absl::StrCat("E-", 1 + random.Below(entities)), ""});
    }
    for (int x = random.Below(3); x > 0; --x) {
      t.b.pair_exclusions.push_back(
          {absl::StrCat("I-", random.Below(staff)), absl::StrCat("I-", random.Below(staff)), ""});
    }
    const Bureau& b = t.Build();
    TeamRules rules;
    rules.min_team_size = 2 + random.Below(2) / 1;
    if (random.Below(3) != 0) rules.min_team_size = 2;
    rules.own_area = random.Below(2) == 0 ? OwnAreaRule::kFree : static_cast<OwnAreaRule>(random.Below(3));
    rules.department_joints_per_quarter = partners && random.Below(2) == 0 ? 1 : 0;
    rules.internal_joint_share_numerator = random.Below(3) * 15;
    rules.rotation_window_periods = random.Below(5);
    rules.default_max_load = 3;
    const std::vector<std::vector<std::string>> item_sets = {
        {"IT-A"}, {"IT-A", "IT-S"}, {"IT-A", "IT-SOIL"}, {"IT-S", "IT-W"}, {"IT-A", "IT-R"}, {"IT-A"}};
    std::vector<Task> tasks;
    for (int e = 1; e <= entities; ++e) {
      if (random.Below(4) == 0) continue;
      const std::string id = absl::StrCat("E-", e);
      const std::string area = b.entities.Get(*b.entities.Find(id)).area;
      if (random.Below(5) == 0) {
        tasks.push_back(MakeTask("2024Q1", id, area, {"IT-OFF"}, InspectionMethod::kOffSite));
      } else {
        tasks.push_back(MakeTask("2024Q1", id, area,
                                 item_sets[static_cast<size_t>(random.Below(random.Below(8) == 0 ? 6 : 4))]));
      }
    }
    Plan earlier = MakePlan("2023Q4", {});
    for (int e = 1; e <= entities; ++e) {
      if (random.Below(3) != 0) continue;
      Task visit = MakeTask("2023Q4", absl::StrCat("E-", e), "");
      visit.team = {absl::StrCat("I-", random.Below(staff)), absl::StrCat("I-", random.Below(staff))};
      visit.joint = random.Below(2) == 0 ? JointType::kInternal : JointType::kNone;
      earlier.tasks.push_back(visit);
    }
    const Plan plan = MakePlan("2024Q1", tasks);
    absl::StatusOr<AssignResult> r = Assign(b, rules, plan, {earlier});
    if (r.ok()) {
      ++ok;
      AssignRequest request;
      request.history = {earlier};
      absl::Status verified = VerifyTeamDraw(r->record, b, rules, plan, request);
      EXPECT_TRUE(verified.ok()) << "round " << round << ": " << verified;
    } else {
      ++infeasible;
      EXPECT_EQ(r.status().code(), absl::StatusCode::kFailedPrecondition)
          << "round " << round << ": " << r.status();
      EXPECT_TRUE(absl::StrContains(r.status().message(), "Fix")) << "round " << round << ": " << r.status();
    }
    if (HasFailure()) break;
  }
  EXPECT_GT(ok, 200);
  EXPECT_GT(infeasible, 10);
}

}  // namespace
}  // namespace ssr
