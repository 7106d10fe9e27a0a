#include "ssrandom/assign.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/numeric/int128.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "assign/team_flow.h"
#include "draw/plan_digest.h"
#include "parallel/run_parts.h"
#include "ssrandom/period.h"
#include "ssrandom/sampler.h"

namespace ssr {
namespace {

using internal::Bitset;
using internal::FlowInspector;
using internal::Place;
using internal::TeamFlow;

// Reason codes, in the order the checks run: the first that fails is recorded.
constexpr char kInactive[] = "inactive";
constexpr char kUnit[] = "unit";
constexpr char kCertificate[] = "certificate";
constexpr char kConflict[] = "conflict";
constexpr char kRotation[] = "rotation";
constexpr char kArea[] = "area";
constexpr char kPairExclusion[] = "pair_exclusion";
constexpr char kSkill[] = "skill";
constexpr char kLoad[] = "load";
constexpr char kFeasibility[] = "feasibility";
constexpr const char* kStaticReasons[] = {kInactive, kUnit, kCertificate, kConflict, kRotation, kArea};

// Distinct specialties a task may require: the places of a team must fit in the flow's 32-bit masks.
constexpr size_t kMaxSlots = 32;

// The draw order of a task's candidates (docs/teams.md, "The draw") is needed only up to the last member,
// a handful of candidates, so ordering every inspector is wasted work. Ticket keys are uniform below 10^19:
// the candidates with a key below 10^19 × kExpectedCandidates / inspectors are exactly the first ones of
// the order (about kExpectedCandidates of them), found in one pass and sorted; the rest is ordered only
// when a draw walks past them. The constant changes only the speed, never the order.
constexpr uint64_t kTicketKeyLimit = 10'000'000'000'000'000'000ULL;  // TicketKey::first19 < 10^19
constexpr uint64_t kExpectedCandidates = 48;
// Ticket keys kept per batch of tasks (8 bytes each): bounds the memory at any directory size.
constexpr size_t kKeysPerBatch = size_t{1} << 22;

// ⌈num/den × n⌉, at least 1 when n > 0 and num > 0, at most n (RULES.md §3), in exact integers.
int64_t Quota(int64_t num, int64_t den, int64_t n) {
  if (num <= 0 || n <= 0) return 0;
  const absl::int128 product = absl::int128(num) * n;
  const int64_t q = static_cast<int64_t>((product + den - 1) / den);
  return std::min(std::max<int64_t>(q, 1), n);
}

int QuarterIndex(const Period& p) { return p.year() * 4 + p.quarter() - 1; }

std::string ListIds(const std::vector<std::string>& ids, size_t limit) {
  std::vector<std::string> shown(ids.begin(),
                                 ids.begin() + static_cast<std::ptrdiff_t>(std::min(limit, ids.size())));
  std::string text = absl::StrJoin(shown, ", ");
  if (ids.size() > limit) absl::StrAppend(&text, ", … (", ids.size(), " in all)");
  return text;
}

struct TaskInfo {
  bool offsite = false;
  int area = -1;                // interned; -1 when the task has no area
  std::vector<int> skills;      // sorted specialty indices the items require
  std::vector<int> item_units;  // distinct responsible units, in item order
  bool items_joint = false;     // items of ≥ 2 units: a merged visit, internal joint by itself
  bool random = true;           // a random inspection (IsRandomInspection): counts in the yearly share
  std::vector<int> conflicts;   // sorted inspector indices
  std::vector<int> rotation;    // sorted inspector indices
  std::vector<int> excluded;    // conflicts ∪ rotation
  JointType joint = JointType::kNone;
  bool mix_units = false;  // chosen to have a team from two units
  int lead = -1;           // the unit the mixed team's first unit place asks for
  int profile = -1;
  int group = -1;
};

class Assigner {
 public:
  Assigner(const Bureau& bureau, const TeamRules& rules, const Plan& plan, const AssignRequest& request)
      : bureau_(bureau),
        rules_(rules),
        plan_(plan),
        request_(request),
        period_(Period::Year(2000)),
        sampler_(plan.seed) {}

  absl::Status Prepare();
  absl::Status CheckTasks();
  absl::Status ChooseJoint();
  absl::Status BuildModel();
  absl::Status Draw();
  AssignResult Result() &&;

 private:
  const Inspector& inspector(int i) const { return bureau_.staff.inspectors()[static_cast<size_t>(i)]; }
  int n() const { return static_cast<int>(bureau_.staff.size()); }
  bool department_task(const TaskInfo& t) const { return t.joint == JointType::kDepartment; }
  int Intern(absl::flat_hash_map<std::string, int>* index, std::vector<std::string>* names,
             const std::string& s);

  absl::string_view StaticReason(const TaskInfo& t, bool department, int i, bool with_exclusions) const;
  int Profile(const TaskInfo& t);
  std::vector<Place> Residual(const TaskInfo& t, const std::vector<int>& picks) const;
  std::vector<int> ProfileExclusions(const TaskInfo& t) const;
  std::string GroupKey(int profile, const std::vector<int>& excluded, const std::vector<Place>& places) const;
  bool TeamPossible(int profile, const std::vector<int>& excluded, const std::vector<Place>& places);
  std::vector<size_t> TasksByTicket(absl::string_view suffix, const std::vector<size_t>& tasks) const;
  // keys[i] = the ticket key of "<task id>|<inspector i id>" for task k, for every inspector. Thread-safe.
  void CandidateKeys(size_t k, TicketKey* keys) const;
  // The first candidates of task k in draw order, given its keys: every inspector whose key is below the
  // returned threshold, sorted (docs/teams.md, "The draw"). Thread-safe.
  uint64_t FirstCandidates(size_t k, const TicketKey* keys, std::vector<int>* first) const;
  // Draw order of two candidates of task k with these keys: negative when a comes first.
  int CandidateOrder(size_t k, const TicketKey* keys, int a, int b) const;
  std::unique_ptr<TeamFlow> MakeFlow(const std::vector<int64_t>& caps) const;
  std::vector<int64_t> LevelledCaps(int percent) const;

  std::string PlaceText(const Place& place, bool offsite) const;
  std::string UnitText(int unit) const;
  std::string ExplainTask(size_t task);
  std::string ExplainCut(const TeamFlow& flow);

  const Bureau& bureau_;
  const TeamRules& rules_;
  const Plan& plan_;
  const AssignRequest& request_;
  Period period_;
  TicketSampler sampler_;

  // The inspectors as the draw sees them.
  std::vector<FlowInspector> flow_inspectors_;
  std::vector<int64_t> max_load_;
  std::vector<bool> certified_;
  std::vector<bool> offsite_staff_;
  std::vector<int> area_of_;
  std::vector<std::vector<int>> partners_;  // pair exclusions, per inspector
  std::vector<std::pair<int, int>> exclusions_;
  absl::flat_hash_map<std::string, int> unit_index_, area_index_, skill_index_;
  std::vector<std::string> unit_ids_, areas_, skills_;

  std::vector<TaskInfo> tasks_;
  // The year's earlier random inspections and the internal joint ones among them (IsRandomInspection).
  int64_t history_year_tasks_ = 0, history_year_internal_ = 0;
  int64_t random_tasks_ = 0;  // this plan's random inspections
  std::vector<HistoryEntry> history_entries_;

  // Eligibility profiles: (off-site, department joint, area or -1) → inspectors passing the static checks
  // other than conflict and rotation. A deque keeps the bitsets where the flows point at them.
  std::deque<Bitset> profiles_;
  std::map<std::tuple<bool, bool, int>, int> profile_index_;

  std::unique_ptr<TeamFlow> probe_;  // caps of 0 or 1: is a team possible at all?
  absl::flat_hash_map<std::string, bool> possible_;

  struct GroupSpec {
    int64_t tasks = 0;
    int profile = -1;
    std::vector<int> excluded;
    std::vector<Place> places;
    std::vector<size_t> task_indices;
  };
  std::vector<GroupSpec> groups_;
  int load_cap_percent_ = 100;
  std::vector<int64_t> caps_;  // levelled caps
  std::unique_ptr<TeamFlow> flow_;

  int64_t internal_required_ = 0;
  std::vector<TeamDraw> draws_;
  std::vector<int64_t> load_;
};

int Assigner::Intern(absl::flat_hash_map<std::string, int>* index, std::vector<std::string>* names,
                     const std::string& s) {
  auto [it, inserted] = index->try_emplace(s, static_cast<int>(names->size()));
  if (inserted) names->push_back(s);
  return it->second;
}

absl::Status Assigner::Prepare() {
  if (absl::Status s = ValidateTeamRules(rules_); !s.ok()) return s;
  absl::StatusOr<Period> period = Period::Parse(plan_.period);
  if (!period.ok())
    return absl::InvalidArgumentError(absl::StrCat("plan period: ", period.status().message()));
  if (!period->is_quarter()) {
    return absl::InvalidArgumentError(
        absl::StrCat("plan period '", plan_.period, "' is a year; teams are drawn for a quarterly plan"));
  }
  period_ = *period;
  if (absl::Status s = ValidateSeed(plan_.seed); !s.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("plan seed: ", s.message()));
  }
  const std::string& previous = request_.previous_record_digest;
  if (!previous.empty() &&
      (previous.size() != 64 || !std::all_of(previous.begin(), previous.end(), [](char c) {
         return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
       }))) {
    return absl::InvalidArgumentError(absl::StrCat(
        "previous_record_digest '", previous, "' is not a SHA-256 digest (64 lowercase hex characters)"));
  }
  absl::flat_hash_set<absl::string_view> task_ids;
  for (const Task& task : plan_.tasks) {
    if (!task_ids.insert(task.id).second) {
      return absl::InvalidArgumentError(absl::StrCat("the plan lists task '", task.id, "' twice"));
    }
  }

  // Inspectors.
  const InspectorDirectory& staff = bureau_.staff;
  for (const Unit& unit : staff.units()) Intern(&unit_index_, &unit_ids_, unit.id);
  absl::flat_hash_set<std::string> offsite_units(rules_.offsite_units.begin(), rules_.offsite_units.end());
  // Specialties that matter: those the plan's items require.
  absl::flat_hash_map<absl::string_view, const Item*> items;
  for (const Item& item : bureau_.items) items.try_emplace(item.id, &item);
  for (const Task& task : plan_.tasks) {
    for (const std::string& id : task.items) {
      auto it = items.find(id);
      if (it == items.end()) {
        return absl::InvalidArgumentError(absl::StrCat("task ", task.id, " names inspection item '", id,
                                                       "', which is not in the bureau's item list"));
      }
      if (rules_.skills_by_item && !it->second->required_specialty.empty()) {
        Intern(&skill_index_, &skills_, it->second->required_specialty);
      }
    }
  }
  const int count = n();
  flow_inspectors_.resize(static_cast<size_t>(count));
  max_load_.resize(static_cast<size_t>(count));
  certified_.resize(static_cast<size_t>(count));
  offsite_staff_.resize(static_cast<size_t>(count));
  area_of_.resize(static_cast<size_t>(count));
  partners_.resize(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) {
    const Inspector& in = inspector(i);
    const size_t u = static_cast<size_t>(i);
    FlowInspector& f = flow_inspectors_[u];
    f.partner = !in.department.empty();
    f.unit = f.partner || in.unit.empty() ? -1 : Intern(&unit_index_, &unit_ids_, in.unit);
    for (const std::string& specialty : in.specialties) {
      auto it = skill_index_.find(specialty);
      if (it != skill_index_.end()) f.skills.push_back(it->second);
    }
    std::sort(f.skills.begin(), f.skills.end());
    f.skills.erase(std::unique(f.skills.begin(), f.skills.end()), f.skills.end());
    max_load_[u] = std::max<int64_t>(0, in.max_load.has_value() ? *in.max_load : rules_.default_max_load);
    certified_[u] = in.CertifiedOn(period_.first_day()) && in.CertifiedOn(period_.last_day());
    offsite_staff_[u] = !f.partner && offsite_units.contains(in.unit);
    area_of_[u] = in.area_group.empty() ? -1 : Intern(&area_index_, &areas_, in.area_group);
  }
  for (const PairExclusion& pair : bureau_.pair_exclusions) {
    std::optional<size_t> a = staff.Find(pair.inspector_a), b = staff.Find(pair.inspector_b);
    if (!a || !b || *a == *b) continue;  // unknown inspectors cannot be drawn anyway
    const int x = static_cast<int>(std::min(*a, *b)), y = static_cast<int>(std::max(*a, *b));
    exclusions_.emplace_back(x, y);
  }
  std::sort(exclusions_.begin(), exclusions_.end());
  exclusions_.erase(std::unique(exclusions_.begin(), exclusions_.end()), exclusions_.end());
  for (const auto& [a, b] : exclusions_) {
    partners_[static_cast<size_t>(a)].push_back(b);
    partners_[static_cast<size_t>(b)].push_back(a);
  }

  // History: rotation and the year's counts.
  std::set<std::string> seen_periods;
  absl::flat_hash_map<std::string, std::vector<int>> visited;  // entity → inspectors within the window
  for (const Plan& earlier : request_.history) {
    absl::StatusOr<Period> p = Period::Parse(earlier.period);
    if (!p.ok() || !p->is_quarter()) {
      return absl::InvalidArgumentError(
          absl::StrCat("history plan period '", earlier.period, "' is not a quarter such as 2024Q1"));
    }
    if (!(*p < period_)) {
      return absl::InvalidArgumentError(absl::StrCat("history plan ", earlier.period,
                                                     " is not earlier than the plan (", plan_.period,
                                                     "); pass only earlier plans as history"));
    }
    if (!seen_periods.insert(p->ToString()).second) {
      return absl::InvalidArgumentError(absl::StrCat("history holds two plans for ", p->ToString(),
                                                     "; pass only the plan in force for each period"));
    }
    history_entries_.push_back({p->ToString(), earlier.Digest()});
    if (p->year() == period_.year()) {
      for (const Task& task : earlier.tasks) {
        if (!IsRandomInspection(rules_, task)) continue;
        ++history_year_tasks_;
        if (task.joint == JointType::kInternal) ++history_year_internal_;
      }
    }
    const int age = QuarterIndex(period_) - QuarterIndex(*p);
    if (age > rules_.rotation_window_periods) continue;
    for (const Task& task : earlier.tasks) {
      for (const std::string& member : task.team) {
        if (std::optional<size_t> i = staff.Find(member))
          visited[task.entity_id].push_back(static_cast<int>(*i));
      }
    }
  }
  absl::flat_hash_map<std::string, std::vector<int>> conflicted;
  for (const Conflict& c : bureau_.conflicts) {
    if (std::optional<size_t> i = staff.Find(c.inspector_id))
      conflicted[c.entity_id].push_back(static_cast<int>(*i));
  }

  // Tasks.
  tasks_.resize(plan_.tasks.size());
  for (size_t k = 0; k < plan_.tasks.size(); ++k) {
    const Task& task = plan_.tasks[k];
    TaskInfo& t = tasks_[k];
    if (!bureau_.entities.Find(task.entity_id)) {
      return absl::InvalidArgumentError(absl::StrCat("task ", task.id, " names entity '", task.entity_id,
                                                     "', which is not in the bureau's entity directory"));
    }
    t.offsite = task.method == InspectionMethod::kOffSite;
    t.area = task.area.empty() ? -1 : Intern(&area_index_, &areas_, task.area);
    for (const std::string& id : task.items) {
      const Item& item = *items.at(id);
      if (rules_.skills_by_item && !item.required_specialty.empty())
        t.skills.push_back(skill_index_.at(item.required_specialty));
      if (!item.unit.empty()) {
        const int unit = Intern(&unit_index_, &unit_ids_, item.unit);
        if (std::find(t.item_units.begin(), t.item_units.end(), unit) == t.item_units.end()) {
          t.item_units.push_back(unit);
        }
      }
    }
    std::sort(t.skills.begin(), t.skills.end());
    t.skills.erase(std::unique(t.skills.begin(), t.skills.end()), t.skills.end());
    if (t.skills.size() + 4 > kMaxSlots) {
      return absl::InvalidArgumentError(absl::StrCat("task ", task.id, " requires ", t.skills.size(),
                                                     " distinct specialties; at most ", kMaxSlots - 4,
                                                     " are supported"));
    }
    t.items_joint = !t.offsite && t.item_units.size() >= 2;
    t.random = IsRandomInspection(rules_, task);
    if (t.random) ++random_tasks_;
    auto sorted = [](std::vector<int> v) {
      std::sort(v.begin(), v.end());
      v.erase(std::unique(v.begin(), v.end()), v.end());
      return v;
    };
    if (auto it = conflicted.find(task.entity_id); it != conflicted.end()) t.conflicts = sorted(it->second);
    if (auto it = visited.find(task.entity_id); it != visited.end()) t.rotation = sorted(it->second);
    t.excluded = t.conflicts;
    t.excluded.insert(t.excluded.end(), t.rotation.begin(), t.rotation.end());
    t.excluded = sorted(std::move(t.excluded));
  }

  std::vector<int64_t> probe_caps(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i)
    probe_caps[static_cast<size_t>(i)] = max_load_[static_cast<size_t>(i)] > 0 ? 1 : 0;
  probe_ = std::make_unique<TeamFlow>(&flow_inspectors_, std::move(probe_caps), &exclusions_);
  return absl::OkStatus();
}

absl::string_view Assigner::StaticReason(const TaskInfo& t, bool department, int i,
                                         bool with_exclusions) const {
  const Inspector& in = inspector(i);
  const size_t u = static_cast<size_t>(i);
  if (!in.active) return kInactive;
  const FlowInspector& f = flow_inspectors_[u];
  if (t.offsite) {
    if (!offsite_staff_[u]) return kUnit;
  } else if (f.partner) {
    if (!department) return kUnit;
  } else if (f.unit < 0) {
    return kUnit;
  }
  if (!certified_[u]) return kCertificate;
  if (with_exclusions) {
    if (std::binary_search(t.conflicts.begin(), t.conflicts.end(), i)) return kConflict;
    if (std::binary_search(t.rotation.begin(), t.rotation.end(), i)) return kRotation;
  }
  const int area = area_of_[u];
  if (area >= 0 && t.area >= 0) {
    if (rules_.own_area == OwnAreaRule::kRequired && area != t.area) return kArea;
    if (rules_.own_area == OwnAreaRule::kForbidden && area == t.area) return kArea;
  }
  return "";
}

int Assigner::Profile(const TaskInfo& t) {
  const int area = rules_.own_area == OwnAreaRule::kFree ? -1 : t.area;
  const bool department = !t.offsite && department_task(t);
  auto key = std::make_tuple(t.offsite, department, area);
  auto [it, inserted] = profile_index_.try_emplace(key, static_cast<int>(profiles_.size()));
  if (inserted) {
    Bitset bits((static_cast<size_t>(n()) + 63) / 64, 0);
    TaskInfo probe;
    probe.offsite = t.offsite;
    probe.area = area;
    for (int i = 0; i < n(); ++i) {
      if (StaticReason(probe, department, i, false).empty()) internal::SetBit(&bits, i);
    }
    profiles_.push_back(std::move(bits));
  }
  return it->second;
}

std::vector<int> Assigner::ProfileExclusions(const TaskInfo& t) const {
  const Bitset& bits = profiles_[static_cast<size_t>(t.profile)];
  std::vector<int> out;
  for (int i : t.excluded) {
    if (internal::TestBit(bits, i)) out.push_back(i);
  }
  return out;
}

std::vector<Place> Assigner::Residual(const TaskInfo& t, const std::vector<int>& picks) const {
  const int64_t size = t.offsite ? rules_.offsite_team_size : rules_.min_team_size;
  std::vector<int> bureau_picks;
  bool partner_picked = false;
  for (int i : picks) {
    if (flow_inspectors_[static_cast<size_t>(i)].partner) {
      partner_picked = true;
    } else {
      bureau_picks.push_back(i);
    }
  }
  std::vector<Place> places;
  if (department_task(t) && !partner_picked) places.push_back({Place::Unit::kPartner, -1, -1});
  std::vector<Place> unit_places;
  if (t.mix_units) {
    if (bureau_picks.empty()) {
      unit_places = {{Place::Unit::kEqual, t.lead, -1}, {Place::Unit::kOther, t.lead, -1}};
    } else {
      const int first = flow_inspectors_[static_cast<size_t>(bureau_picks[0])].unit;
      bool mixed = false;
      for (int i : bureau_picks) mixed = mixed || flow_inspectors_[static_cast<size_t>(i)].unit != first;
      if (!mixed) unit_places = {{Place::Unit::kOther, first, -1}};
    }
  }
  std::vector<int> uncovered;
  for (int skill : t.skills) {
    bool covered = false;
    for (int i : bureau_picks) {
      const std::vector<int>& held = flow_inspectors_[static_cast<size_t>(i)].skills;
      covered = covered || std::binary_search(held.begin(), held.end(), skill);
    }
    if (!covered) uncovered.push_back(skill);
  }
  const int64_t constrained = static_cast<int64_t>(unit_places.size() + uncovered.size());
  const int64_t remaining = std::max(size - static_cast<int64_t>(bureau_picks.size()), constrained);
  places.insert(places.end(), unit_places.begin(), unit_places.end());
  for (int skill : uncovered) places.push_back({Place::Unit::kAny, -1, skill});
  for (int64_t k = constrained; k < remaining; ++k) places.push_back({Place::Unit::kAny, -1, -1});
  return places;
}

std::string Assigner::GroupKey(int profile, const std::vector<int>& excluded,
                               const std::vector<Place>& places) const {
  std::string key = absl::StrCat(profile, ":");
  for (int i : excluded) absl::StrAppend(&key, i, ",");
  absl::StrAppend(&key, ":");
  for (const Place& p : places)
    absl::StrAppend(&key, static_cast<int>(p.kind), "/", p.unit, "/", p.skill, ";");
  return key;
}

bool Assigner::TeamPossible(int profile, const std::vector<int>& excluded, const std::vector<Place>& places) {
  auto [it, inserted] = possible_.try_emplace(GroupKey(profile, excluded, places), false);
  if (inserted) {
    probe_->Begin();
    probe_->AddGroup(1, &profiles_[static_cast<size_t>(profile)], excluded, places);
    it->second = probe_->Augment(true);
    probe_->Rollback();
  }
  return it->second;
}

std::vector<size_t> Assigner::TasksByTicket(absl::string_view suffix,
                                            const std::vector<size_t>& tasks) const {
  std::vector<std::string> ids;
  ids.reserve(tasks.size());
  for (size_t k : tasks) ids.push_back(absl::StrCat(plan_.tasks[k].id, suffix));
  std::vector<absl::string_view> views(ids.begin(), ids.end());
  std::vector<size_t> order =
      sampler_.Order(views, std::max(1, request_.threads == 0 ? 2 : request_.threads));
  for (size_t& k : order) k = tasks[k];
  return order;
}

std::string Assigner::UnitText(int unit) const {
  const std::string& id = unit_ids_[static_cast<size_t>(unit)];
  if (std::optional<size_t> u = bureau_.staff.FindUnit(id)) {
    const std::string& name = bureau_.staff.units()[*u].name;
    if (!name.empty() && name != id) return absl::StrCat(id, " (", name, ")");
  }
  return id;
}

std::string Assigner::PlaceText(const Place& place, bool offsite) const {
  std::string text;
  switch (place.kind) {
    case Place::Unit::kAny:
      text = offsite
                 ? absl::StrCat("an off-site staff member (", absl::StrJoin(rules_.offsite_units, ", "), ")")
                 : "a member";
      break;
    case Place::Unit::kEqual:
      text = absl::StrCat("a member of ", UnitText(place.unit));
      break;
    case Place::Unit::kOther:
      text = absl::StrCat("a member of a unit other than ", UnitText(place.unit), " (internal joint)");
      break;
    case Place::Unit::kPartner:
      text = "a partner-department inspector (department joint)";
      break;
  }
  if (place.skill >= 0) absl::StrAppend(&text, " holding ", skills_[static_cast<size_t>(place.skill)]);
  return text;
}

absl::Status Assigner::CheckTasks() {
  std::vector<size_t> failing;
  for (size_t k = 0; k < tasks_.size(); ++k) {
    TaskInfo& t = tasks_[k];
    t.profile = Profile(t);
    if (!TeamPossible(t.profile, ProfileExclusions(t), Residual(t, {}))) failing.push_back(k);
  }
  if (failing.empty()) return absl::OkStatus();
  std::string message = absl::StrCat(failing.size(), failing.size() == 1 ? " task" : " tasks",
                                     " can get no team under the rules, whatever the loads: ");
  for (size_t f = 0; f < failing.size() && f < 3; ++f)
    absl::StrAppend(&message, f == 0 ? "" : " ", ExplainTask(failing[f]));
  if (failing.size() > 3) {
    std::vector<std::string> rest;
    for (size_t f = 3; f < failing.size(); ++f) rest.push_back(plan_.tasks[failing[f]].id);
    absl::StrAppend(&message, " Also: ", ListIds(rest, 10), ".");
  }
  return absl::FailedPreconditionError(message);
}

std::string Assigner::ExplainTask(size_t k) {
  const Task& task = plan_.tasks[k];
  const TaskInfo& t = tasks_[k];
  const bool department = department_task(t);
  std::map<std::string, int> counts;
  int partner_count = 0, not_offsite = 0, no_unit = 0, zero_load = 0, eligible = 0;
  for (int i = 0; i < n(); ++i) {
    absl::string_view reason = StaticReason(t, department, i, true);
    if (reason.empty()) {
      ++eligible;
      if (max_load_[static_cast<size_t>(i)] == 0) ++zero_load;
      continue;
    }
    ++counts[std::string(reason)];
    if (reason == kUnit) {
      if (flow_inspectors_[static_cast<size_t>(i)].partner) {
        ++partner_count;
      } else if (t.offsite) {
        ++not_offsite;
      } else {
        ++no_unit;
      }
    }
  }
  std::vector<std::string> out;
  std::string relax;  // the relaxable rule that excludes the most candidates
  int relax_count = 0;
  auto consider = [&](int c, const std::string& what) {
    if (c > relax_count) {
      relax_count = c;
      relax = what;
    }
  };
  for (const char* reason : kStaticReasons) {
    auto it = counts.find(reason);
    if (it == counts.end()) continue;
    const int c = it->second;
    if (reason == kInactive) out.push_back(absl::StrCat(c, " inactive"));
    if (reason == kUnit) {
      if (partner_count > 0) {
        out.push_back(absl::StrCat(partner_count,
                                   " partner-department staff (they join only department joint ",
                                   t.offsite ? "visits" : "tasks", ")"));
      }
      if (not_offsite > 0) {
        out.push_back(absl::StrCat(not_offsite, " not in the off-site units (",
                                   absl::StrJoin(rules_.offsite_units, ", "), ")"));
      }
      if (no_unit > 0) out.push_back(absl::StrCat(no_unit, " in no unit"));
    }
    if (reason == kCertificate) {
      out.push_back(absl::StrCat(c, " without a certificate valid on every day of ", plan_.period));
      consider(c, "renew or issue the missing certificates");
    }
    if (reason == kConflict) {
      out.push_back(absl::StrCat(c, " with a declared conflict of interest with the entity"));
    }
    if (reason == kRotation) {
      out.push_back(absl::StrCat(c, " who inspected the entity within the rotation window (",
                                 rules_.rotation_window_periods, " periods)"));
      consider(c, "shorten the rotation window");
    }
    if (reason == kArea) {
      out.push_back(rules_.own_area == OwnAreaRule::kRequired
                        ? absl::StrCat(c, " in other area groups (own area required)")
                        : absl::StrCat(c, " in the entity's own area group (own area forbidden)"));
      consider(c, "relax the own-area rule");
    }
  }
  if (zero_load > 0) out.push_back(absl::StrCat(zero_load, " with a load cap of 0"));
  // What cannot be filled, from the task's own flow.
  std::vector<Place> places = Residual(t, {});
  std::vector<std::string> missing;
  probe_->Begin();
  const int g = probe_->AddGroup(1, &profiles_[static_cast<size_t>(t.profile)], ProfileExclusions(t), places);
  probe_->Augment(false);
  const TeamFlow::Cut cut = probe_->BindingCut();
  for (const auto& [group, slot] : cut.short_slots) {
    if (group == g) missing.push_back(PlaceText(probe_->slot_place(group, slot), t.offsite));
  }
  probe_->Rollback();
  std::string text = absl::StrCat("task ", task.id, " (entity ", task.entity_id,
                                  task.area.empty() ? "" : absl::StrCat(", area ", task.area), ", ",
                                  t.offsite ? "off-site" : "on-site", ") needs ", places.size(), " ",
                                  places.size() == 1 ? "member" : "members");
  std::vector<std::string> needs;
  for (const Place& p : places) {
    if (p.kind != Place::Unit::kAny || p.skill >= 0) needs.push_back(PlaceText(p, t.offsite));
  }
  if (!needs.empty()) absl::StrAppend(&text, ", including ", absl::StrJoin(needs, "; "));
  absl::StrAppend(&text, "; of the directory's ", n(), " inspectors, ",
                  out.empty() ? "none is excluded" : absl::StrJoin(out, ", "), ", leaving ",
                  eligible - zero_load, " who can serve");
  if (!missing.empty()) absl::StrAppend(&text, "; missing: ", absl::StrJoin(missing, "; "));
  const bool plain = std::all_of(missing.begin(), missing.end(),
                                 [&](const std::string& m) { return m == PlaceText(Place{}, t.offsite); });
  absl::StrAppend(
      &text, ". Fix: make ", cut.deficit, cut.deficit == 1 ? " more inspector" : " more inspectors",
      " eligible for this task", plain ? "" : absl::StrCat(" as ", absl::StrJoin(missing, "; ")),
      " (certify, add or reassign staff)", relax.empty() ? "" : absl::StrCat(", or ", relax), ".");
  return text;
}

absl::Status Assigner::ChooseJoint() {
  std::vector<size_t> onsite;
  for (size_t k = 0; k < tasks_.size(); ++k) {
    if (!tasks_[k].offsite) onsite.push_back(k);
  }
  const int64_t wanted = rules_.department_joints_per_quarter;
  if (wanted > 0) {
    int64_t chosen = 0;
    if (!onsite.empty()) {
      for (size_t k : TasksByTicket("|department", onsite)) {
        TaskInfo& t = tasks_[k];
        t.joint = JointType::kDepartment;
        t.profile = Profile(t);
        if (TeamPossible(t.profile, ProfileExclusions(t), Residual(t, {}))) {
          if (++chosen == wanted) break;
        } else {
          t.joint = JointType::kNone;
          t.profile = Profile(t);
        }
      }
    }
    if (chosen < wanted) {
      int partners = 0, usable = 0;
      std::map<std::string, int> reasons;
      TaskInfo probe;
      for (int i = 0; i < n(); ++i) {
        if (!flow_inspectors_[static_cast<size_t>(i)].partner) continue;
        ++partners;
        absl::string_view reason = StaticReason(probe, true, i, false);
        if (reason.empty() && max_load_[static_cast<size_t>(i)] == 0) reason = kLoad;
        if (reason.empty()) {
          ++usable;
        } else {
          ++reasons[std::string(reason)];
        }
      }
      std::vector<std::string> why;
      for (const auto& [reason, c] : reasons) why.push_back(absl::StrCat(c, " ", reason));
      std::vector<std::string> departments;
      for (const Department& d : bureau_.staff.departments()) departments.push_back(d.id);
      return absl::FailedPreconditionError(absl::StrCat(
          "department joint inspections (部门联合): the rules ask for ", wanted, " in ", plan_.period,
          ", but only ", chosen, " of the plan's ", onsite.size(),
          " on-site tasks can take a team with a partner-department inspector. The directory has ", partners,
          " partner-department inspectors",
          departments.empty() ? "" : absl::StrCat(" (", absl::StrJoin(departments, ", "), ")"), ", ", usable,
          " of them able to serve in ", plan_.period,
          why.empty() ? "" : absl::StrCat(" (out: ", absl::StrJoin(why, ", "), ")"),
          ". Fix: add or certify partner-department inspectors (with a load cap above 0), or lower "
          "department_joints_per_quarter."));
    }
  }

  const int64_t year = history_year_tasks_ + random_tasks_;
  internal_required_ =
      Quota(rules_.internal_joint_share_numerator, rules_.internal_joint_share_denominator, year);
  int64_t by_items = 0;
  std::vector<size_t> candidates;
  for (size_t k : onsite) {
    TaskInfo& t = tasks_[k];
    if (department_task(t)) continue;
    if (t.items_joint) {
      t.joint = JointType::kInternal;
      if (t.random) ++by_items;
    } else if (t.random) {
      candidates.push_back(k);
    }
  }
  const int64_t need = internal_required_ - history_year_internal_ - by_items;
  int64_t chosen = 0;
  if (need > 0 && !candidates.empty()) {
    for (size_t k : TasksByTicket("|internal", candidates)) {
      TaskInfo& t = tasks_[k];
      t.joint = JointType::kInternal;
      t.mix_units = true;
      std::vector<int> leads = t.item_units;
      for (int u = 0; u < static_cast<int>(unit_ids_.size()); ++u) {
        if (std::find(leads.begin(), leads.end(), u) == leads.end()) leads.push_back(u);
      }
      const std::vector<int> excluded = ProfileExclusions(t);
      bool possible = false;
      for (int lead : leads) {
        t.lead = lead;
        if (TeamPossible(t.profile, excluded, Residual(t, {}))) {
          possible = true;
          break;
        }
      }
      if (possible) {
        if (++chosen == need) break;
      } else {
        t.joint = JointType::kNone;
        t.mix_units = false;
        t.lead = -1;
      }
    }
  }
  if (need > 0 && chosen < need) {
    const bool all_capable = chosen == static_cast<int64_t>(candidates.size());
    return absl::FailedPreconditionError(absl::StrCat(
        "internal joint inspections (内部联合): the year's share needs ⌈",
        rules_.internal_joint_share_numerator, "/", rules_.internal_joint_share_denominator, " × ", year,
        "⌉ = ", internal_required_, " of the year's ", year,
        " random inspections (full-coverage pools not counted); ", history_year_internal_,
        " earlier this year and ", by_items, " tasks of this plan that merge items of two units count, so ",
        need, " more tasks need a team from two internal units, but ",
        all_capable
            ? absl::StrCat("the plan has only ", candidates.size(), " other on-site random inspections")
            : absl::StrCat("only ", chosen, " of the plan's ", candidates.size(),
                           " other on-site random inspections can take one under the other rules"),
        ". Fix: ",
        all_capable ? ""
                    : "make more staff of units other than the one leading these tasks eligible for on-site "
                      "teams (certified, with a load cap above 0), ",
        "plan more visits merging items of two units, or lower the share."));
  }
  return absl::OkStatus();
}

std::unique_ptr<TeamFlow> Assigner::MakeFlow(const std::vector<int64_t>& caps) const {
  auto flow = std::make_unique<TeamFlow>(&flow_inspectors_, caps, &exclusions_);
  for (const GroupSpec& g : groups_) {
    flow->AddGroup(g.tasks, &profiles_[static_cast<size_t>(g.profile)], g.excluded, g.places);
  }
  return flow;
}

std::vector<int64_t> Assigner::LevelledCaps(int percent) const {
  std::vector<int64_t> caps(max_load_.size());
  for (size_t i = 0; i < caps.size(); ++i) {
    caps[i] = (max_load_[i] * percent + 99) / 100;  // max_load comes from an int32: no overflow
  }
  return caps;
}

absl::Status Assigner::BuildModel() {
  absl::flat_hash_map<std::string, int> group_of_key;
  for (size_t k = 0; k < tasks_.size(); ++k) {
    TaskInfo& t = tasks_[k];
    std::vector<int> excluded = ProfileExclusions(t);
    std::vector<Place> places = Residual(t, {});
    auto [it, inserted] =
        group_of_key.try_emplace(GroupKey(t.profile, excluded, places), static_cast<int>(groups_.size()));
    if (inserted) {
      GroupSpec spec;
      spec.profile = t.profile;
      spec.excluded = std::move(excluded);
      spec.places = std::move(places);
      groups_.push_back(std::move(spec));
    }
    t.group = it->second;
    ++groups_[static_cast<size_t>(t.group)].tasks;
    groups_[static_cast<size_t>(t.group)].task_indices.push_back(k);
  }
  std::unique_ptr<TeamFlow> best = MakeFlow(max_load_);
  if (!best->Augment(false)) return absl::FailedPreconditionError(ExplainCut(*best));
  // Levelling: the smallest share of max_load under which every place can still be filled. Each step
  // lowers the caps of the last feasible flow and re-routes what no longer fits, or rolls back.
  int lo = 1, hi = 100;
  while (lo < hi) {
    const int mid = (lo + hi) / 2;
    const std::vector<int64_t> caps = LevelledCaps(mid);
    best->Begin();
    for (int i = 0; i < n(); ++i) best->SetCap(i, caps[static_cast<size_t>(i)]);
    if (best->Augment(true)) {
      best->Commit();
      hi = mid;
    } else {
      best->Rollback();
      lo = mid + 1;
    }
  }
  load_cap_percent_ = hi;
  caps_ = LevelledCaps(hi);
  flow_ = std::move(best);
  return absl::OkStatus();
}

std::string Assigner::ExplainCut(const TeamFlow& flow) {
  TeamFlow::Cut cut = flow.BindingCut();
  std::set<int> cut_groups;
  for (const auto& [g, s] : cut.slots) cut_groups.insert(g);
  std::vector<size_t> task_indices;
  for (int g : cut_groups) {
    const GroupSpec& spec = groups_[static_cast<size_t>(g)];
    task_indices.insert(task_indices.end(), spec.task_indices.begin(), spec.task_indices.end());
  }
  std::sort(task_indices.begin(), task_indices.end());
  std::vector<std::string> task_ids;
  std::set<std::string> areas;
  bool any_excluded = false;
  for (size_t k : task_indices) {
    task_ids.push_back(plan_.tasks[k].id);
    if (!plan_.tasks[k].area.empty()) areas.insert(plan_.tasks[k].area);
    // Recusal or rotation binds when it keeps out an inspector who still has capacity to spare.
    for (int i : ProfileExclusions(tasks_[k])) {
      any_excluded = any_excluded || !std::binary_search(cut.inspectors.begin(), cut.inspectors.end(), i);
    }
  }
  std::set<std::string> kinds;
  bool skill = false, mix = false, partner = false, offsite = false;
  for (const auto& [g, s] : cut.short_slots) {
    const Place& place = flow.slot_place(g, s);
    const bool group_offsite = tasks_[groups_[static_cast<size_t>(g)].task_indices[0]].offsite;
    kinds.insert(PlaceText(place, group_offsite));
    skill = skill || place.skill >= 0;
    mix = mix || place.kind == Place::Unit::kEqual || place.kind == Place::Unit::kOther;
    partner = partner || place.kind == Place::Unit::kPartner;
    offsite = offsite || group_offsite;
  }
  std::vector<std::string> inspector_ids;
  std::set<int> inspector_areas;
  int64_t largest_cap = 0;
  for (int i : cut.inspectors) {
    inspector_ids.push_back(inspector(i).id);
    inspector_areas.insert(area_of_[static_cast<size_t>(i)]);
    largest_cap = std::max(largest_cap, max_load_[static_cast<size_t>(i)]);
  }
  std::vector<std::string> binding = {"workload (each inspector's load cap per period)"};
  if (rules_.own_area != OwnAreaRule::kFree && !areas.empty()) binding.push_back("the own-area rule");
  if (offsite) binding.push_back("off-site tasks only for the off-site units");
  if (skill) binding.push_back("skills required by the items");
  if (mix) binding.push_back("internal joint teams from two units");
  if (partner) binding.push_back("department joint teams with a partner-department inspector");
  if (any_excluded) binding.push_back("recusal and rotation");

  // Fix 1: the smallest load cap for these inspectors that fills every place, if any does.
  int64_t total = 0;
  for (const GroupSpec& g : groups_) total += g.tasks * static_cast<int64_t>(g.places.size());
  auto feasible_with = [&](int64_t cap) {
    std::vector<int64_t> caps = max_load_;
    for (int i : cut.inspectors) caps[static_cast<size_t>(i)] = std::max(caps[static_cast<size_t>(i)], cap);
    return MakeFlow(caps)->Augment(true);
  };
  int64_t load_fix = -1;
  if (!cut.inspectors.empty() && feasible_with(total)) {
    int64_t lo = largest_cap + 1, hi = total;
    while (lo < hi) {
      const int64_t mid = lo + (hi - lo) / 2;
      if (feasible_with(mid)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    load_fix = hi;
  }
  // Fix 2: more inspectors who can fill these places, each taking up to the default load.
  const int64_t per_new =
      rules_.default_max_load > 0 ? rules_.default_max_load : std::max<int64_t>(1, largest_cap);
  const int64_t more = (cut.deficit + per_new - 1) / per_new;
  std::string who = "";
  if (rules_.own_area == OwnAreaRule::kRequired && areas.size() == 1 && inspector_areas.size() == 1 &&
      *inspector_areas.begin() >= 0 &&
      areas_[static_cast<size_t>(*inspector_areas.begin())] == *areas.begin()) {
    who = absl::StrCat("area group ", *areas.begin());
  }
  std::string message = absl::StrCat(
      "the inspectors' load caps are too low for ", plan_.period, ": ", task_ids.size(),
      task_ids.size() == 1 ? " task" : " tasks",
      areas.empty() ? "" : absl::StrCat(" (area ", absl::StrJoin(areas, ", "), ")"), " — ",
      ListIds(task_ids, 5), " — need ", cut.demand, " team places (short by ", cut.deficit, ": ",
      absl::StrJoin(kinds, "; "), "), but the ", inspector_ids.size(), " inspectors who may fill them",
      inspector_ids.empty() ? "" : absl::StrCat(" (", ListIds(inspector_ids, 8), ")"), " can take only ",
      cut.demand - cut.deficit, ". Binding rules: ", absl::StrJoin(binding, ", "),
      ". Fix: ", who.empty() ? "" : absl::StrCat(who, " needs "), "at least ", more, " more certified ",
      more == 1 ? "inspector" : "inspectors", " able to fill them (taking up to ", per_new, " tasks each)");
  if (load_fix > 0) {
    absl::StrAppend(&message, ", or a load cap of ", load_fix, " for ",
                    who.empty() ? "these inspectors" : "its inspectors");
  } else if (!cut.inspectors.empty()) {
    absl::StrAppend(&message, "; higher load caps alone cannot help (too few distinct inspectors per team)");
  }
  absl::StrAppend(&message, ".");
  return message;
}

void Assigner::CandidateKeys(size_t k, TicketKey* keys) const {
  const std::string& task_id = plan_.tasks[k].id;
  const auto& staff = bureau_.staff.inspectors();
  const size_t count = staff.size();
  // Ids are hashed in groups of kLanes (TicketSampler::Keys overlaps one id's hashing with the previous
  // one's conversion), each built in a reused string that keeps the "<task id>|" prefix.
  constexpr size_t kLanes = 8;
  std::string ids[kLanes];
  absl::string_view views[kLanes];
  const size_t prefix = task_id.size() + 1;
  for (std::string& id : ids) {
    id.reserve(prefix + 32);
    id.append(task_id);
    id.push_back('|');
  }
  for (size_t begin = 0; begin < count; begin += kLanes) {
    const size_t size = std::min(kLanes, count - begin);
    for (size_t j = 0; j < size; ++j) {
      ids[j].resize(prefix);
      ids[j].append(staff[begin + j].id);
      views[j] = ids[j];
    }
    sampler_.Keys(absl::MakeConstSpan(views, size), absl::MakeSpan(keys + begin, size));
  }
}

int Assigner::CandidateOrder(size_t k, const TicketKey* keys, int a, int b) const {
  const TicketKey ka = keys[static_cast<size_t>(a)], kb = keys[static_cast<size_t>(b)];
  if (ka != kb) return ka < kb ? -1 : 1;
  // Equal keys (p = 10^-19 per pair): whole tickets, then ids, as the sampler orders them.
  const std::string& task_id = plan_.tasks[k].id;
  const auto& staff = bureau_.staff.inspectors();
  return sampler_.Compare(absl::StrCat(task_id, "|", staff[static_cast<size_t>(a)].id),
                          absl::StrCat(task_id, "|", staff[static_cast<size_t>(b)].id));
}

uint64_t Assigner::FirstCandidates(size_t k, const TicketKey* keys, std::vector<int>* first) const {
  const int count = n();
  const uint64_t threshold = static_cast<uint64_t>(count) <= kExpectedCandidates
                                 ? kTicketKeyLimit
                                 : kTicketKeyLimit / static_cast<uint64_t>(count) * kExpectedCandidates;
  first->clear();
  for (int i = 0; i < count; ++i) {
    if (keys[static_cast<size_t>(i)].first19 < threshold) first->push_back(i);
  }
  // Every candidate left out has a key >= threshold, above every key kept: the kept ones, sorted, are
  // exactly the first entries of the task's full draw order.
  std::sort(first->begin(), first->end(), [&](int a, int b) { return CandidateOrder(k, keys, a, b) < 0; });
  return threshold;
}

absl::Status Assigner::Draw() {
  const int count = n();
  load_.assign(static_cast<size_t>(count), 0);
  draws_.resize(tasks_.size());
  const int threads = std::max(1, request_.threads == 0 ? 2 : request_.threads);
  const auto& staff = bureau_.staff.inspectors();
  // Every inspector of the directory is a candidate of every task (docs/teams.md), so each task hashes
  // one ticket per inspector; the threads share that work, batch by batch. Each task's first candidates
  // are picked out and sorted there too; the serial draw orders the rest only if it walks past them.
  const size_t batch = std::max<size_t>(
      1, std::min<size_t>(256, kKeysPerBatch / std::max<size_t>(1, static_cast<size_t>(count))));
  std::vector<TicketKey> keys;
  std::vector<std::vector<int>> first(batch);
  std::vector<uint64_t> thresholds(batch);
  for (size_t start = 0; start < tasks_.size(); start += batch) {
    const size_t end = std::min(tasks_.size(), start + batch);
    keys.resize((end - start) * static_cast<size_t>(count));
    // Part p takes every parts-th task of the batch; each writes only its tasks' keys and candidates.
    const int parts = static_cast<int>(std::min<size_t>(static_cast<size_t>(threads), end - start));
    internal::RunParts(parts, [&](int part) {
      for (size_t k = start + static_cast<size_t>(part); k < end; k += static_cast<size_t>(parts)) {
        TicketKey* task_keys = &keys[(k - start) * static_cast<size_t>(count)];
        CandidateKeys(k, task_keys);
        thresholds[k - start] = FirstCandidates(k, task_keys, &first[k - start]);
      }
    });

    for (size_t k = start; k < end; ++k) {
      const Task& task = plan_.tasks[k];
      const TaskInfo& t = tasks_[k];
      const bool department = department_task(t);
      const TicketKey* task_keys = &keys[(k - start) * static_cast<size_t>(count)];
      const std::vector<int>& prefix = first[k - start];
      size_t next_in_prefix = 0;
      std::vector<int> heap;  // the candidates after the prefix, once the draw needs them
      bool heap_built = false;
      auto later = [&](int a, int b) {  // heap order: true when a is drawn after b
        return CandidateOrder(k, task_keys, a, b) > 0;
      };
      // The next candidate in draw order, or -1 when every inspector has been looked at.
      auto next_candidate = [&]() -> int {
        if (next_in_prefix < prefix.size()) return prefix[next_in_prefix++];
        if (!heap_built) {
          heap_built = true;
          for (int i = 0; i < count; ++i) {
            if (task_keys[static_cast<size_t>(i)].first19 >= thresholds[k - start]) heap.push_back(i);
          }
          std::make_heap(heap.begin(), heap.end(), later);
        }
        if (heap.empty()) return -1;
        std::pop_heap(heap.begin(), heap.end(), later);
        const int x = heap.back();
        heap.pop_back();
        return x;
      };

      const Bitset* profile = &profiles_[static_cast<size_t>(t.profile)];
      std::vector<int> excluded = ProfileExclusions(t);
      std::vector<int> picks;
      std::vector<Place> open = Residual(t, picks);
      flow_->RemoveOneTask(t.group);
      int current = flow_->AddGroup(1, profile, excluded, open);
      if (!flow_->Augment(true)) {
        return absl::InternalError(absl::StrCat("team draw: the model lost feasibility at task ", task.id,
                                                "; please report this with the inputs"));
      }
      TeamDraw& draw = draws_[k];
      draw.task_id = task.id;
      draw.joint = t.joint;
      while (!open.empty()) {
        const int x = next_candidate();
        if (x < 0) {
          return absl::InternalError(absl::StrCat("team draw: ran out of candidates at task ", task.id,
                                                  "; please report this with the inputs"));
        }
        const FlowInspector& fx = flow_inspectors_[static_cast<size_t>(x)];
        absl::string_view reason = StaticReason(t, department, x, true);
        if (reason.empty()) {
          for (int p : picks) {
            const std::vector<int>& partners = partners_[static_cast<size_t>(p)];
            if (std::find(partners.begin(), partners.end(), x) != partners.end()) reason = kPairExclusion;
          }
        }
        if (reason.empty()) {
          bool fits = false, unit_fits = false;
          for (const Place& place : open) {
            fits = fits || internal::Fits(fx, place);
            unit_fits = unit_fits || internal::Fits(fx, {place.kind, place.unit, -1});
          }
          if (!fits) reason = unit_fits ? kSkill : kUnit;
        }
        if (reason.empty() && flow_->cap(x) <= 0) reason = kLoad;
        if (reason.empty()) {
          std::vector<int> next_picks = picks;
          next_picks.push_back(x);
          std::vector<Place> next_open = Residual(t, next_picks);
          std::vector<int> next_excluded = excluded;
          next_excluded.push_back(x);
          const std::vector<int>& partners = partners_[static_cast<size_t>(x)];
          next_excluded.insert(next_excluded.end(), partners.begin(), partners.end());
          std::sort(next_excluded.begin(), next_excluded.end());
          next_excluded.erase(std::unique(next_excluded.begin(), next_excluded.end()), next_excluded.end());
          flow_->Begin();
          if (current >= 0) flow_->RemoveGroup(current);
          flow_->SetCap(x, flow_->cap(x) - 1);
          const int next = next_open.empty() ? -1 : flow_->AddGroup(1, profile, next_excluded, next_open);
          if (flow_->Augment(true)) {
            flow_->Commit();
            current = next;
            picks = std::move(next_picks);
            open = std::move(next_open);
            excluded = std::move(next_excluded);
            ++load_[static_cast<size_t>(x)];
            draw.members.push_back(staff[static_cast<size_t>(x)].id);
            if (fx.partner) draw.partner_department = staff[static_cast<size_t>(x)].department;
            continue;
          }
          flow_->Rollback();
          reason = kFeasibility;
        }
        draw.skipped.push_back({staff[static_cast<size_t>(x)].id, std::string(reason)});
      }
    }
  }
  return absl::OkStatus();
}

AssignResult Assigner::Result() && {
  AssignResult result;
  result.plan = plan_;
  TeamDrawRecord& record = result.record;
  record.period = period_.ToString();
  record.previous_record_digest = request_.previous_record_digest;
  record.plan_digest = UnstaffedPlanDigest(plan_);
  record.inspector_directory_digest = InspectorDirectoryDigest(bureau_);
  record.inspector_directory_size = static_cast<int64_t>(bureau_.staff.size());
  record.history = history_entries_;
  std::sort(record.history.begin(), record.history.end(),
            [](const HistoryEntry& a, const HistoryEntry& b) { return a.period < b.period; });
  record.rules = rules_;
  record.load_cap_percent = load_cap_percent_;
  record.tasks = static_cast<int64_t>(tasks_.size());
  int64_t year_internal = 0;  // this plan's internal joint random inspections
  for (size_t k = 0; k < tasks_.size(); ++k) {
    Task& task = result.plan.tasks[k];
    const TeamDraw& draw = draws_[k];
    task.team = draw.members;
    task.joint = draw.joint;
    task.partner_department = draw.partner_department;
    if (draw.joint == JointType::kInternal) {
      ++record.internal_joint;
      if (tasks_[k].random) ++year_internal;
    }
    if (draw.joint == JointType::kDepartment) ++record.department_joint;
  }
  record.department_joint_required = rules_.department_joints_per_quarter;
  record.year_inspections = history_year_tasks_ + random_tasks_;
  record.year_internal_joint = history_year_internal_ + year_internal;
  record.year_internal_joint_required = internal_required_;
  int64_t people = 0, sum = 0, squares = 0;
  int min = 0, max = 0;
  for (int i = 0; i < n(); ++i) {
    const size_t u = static_cast<size_t>(i);
    const FlowInspector& f = flow_inspectors_[u];
    if (!inspector(i).active || f.partner || f.unit < 0 || !certified_[u] || max_load_[u] <= 0) continue;
    const int load = static_cast<int>(load_[u]);
    min = people == 0 ? load : std::min(min, load);
    max = people == 0 ? load : std::max(max, load);
    ++people;
    sum += load;
    squares += static_cast<int64_t>(load) * load;
  }
  record.workload.min = min;
  record.workload.max = max;
  record.workload.inspectors = static_cast<int>(people);
  if (people > 0) {
    const double variance =
        static_cast<double>(people * squares - sum * sum) / static_cast<double>(people * people);
    record.workload.stddev = std::round(std::sqrt(variance) * 10000.0) / 10000.0;
  }
  record.teams = std::move(draws_);
  return result;
}

template <typename T>
std::string Show(const T& value) {
  return absl::StrCat(value);
}
std::string Show(const std::string& value) { return value.empty() ? "\"\"" : value; }
std::string Show(const std::vector<std::string>& value) {
  return absl::StrCat("[", absl::StrJoin(value, ", "), "]");
}
std::string Show(JointType value) { return std::string(JointTypeName(value)); }
std::string Show(OwnAreaRule value) { return std::string(OwnAreaRuleName(value)); }
std::string Show(const std::vector<Pool>& value) {
  std::vector<std::string> names;
  for (Pool pool : value) names.emplace_back(PoolName(pool));
  return Show(names);
}
std::string Show(const std::vector<HistoryEntry>& value) {
  std::vector<std::string> entries;
  for (const HistoryEntry& h : value) entries.push_back(absl::StrCat(h.period, " (", h.plan_digest, ")"));
  return entries.empty() ? "none" : absl::StrJoin(entries, ", ");
}

// The chain link and the inputs a team record names, checked before the draw is recomputed: a different
// inspector directory or history usually changes the draw, and would otherwise show as a confusing first
// difference in some team.
std::string ChainDifference(const TeamDrawRecord& record, const Bureau& bureau, const Plan& plan,
                            const AssignRequest& request) {
  if (record.previous_record_digest != request.previous_record_digest) {
    return absl::StrCat("previous_record_digest: the team record follows the record with digest ",
                        Show(record.previous_record_digest),
                        ", but the record it must follow (the plan's draw record, or the team "
                        "record it re-draws) has digest ",
                        Show(request.previous_record_digest),
                        ": the team draw was made for another draw, or the record chain was altered");
  }
  if (const std::string digest = UnstaffedPlanDigest(plan); digest != record.plan_digest) {
    return absl::StrCat("plan_digest: the team record was drawn for the plan with digest ",
                        record.plan_digest, " (teams left out); the plan given has digest ", digest,
                        ": its tasks differ from the ones the teams were drawn for");
  }
  if (const std::string digest = InspectorDirectoryDigest(bureau);
      digest != record.inspector_directory_digest) {
    return absl::StrCat(
        "inspector_directory.digest: the team record was drawn from an inspector directory with "
        "digest ",
        record.inspector_directory_digest, " (", record.inspector_directory_size,
        " inspectors); the directory given has digest ", digest, " (", bureau.staff.size(),
        " inspectors): the inspectors, units, departments, conflicts or pair exclusions "
        "changed since the draw");
  }
  std::vector<HistoryEntry> history;
  for (const Plan& earlier : request.history) history.push_back({earlier.period, earlier.Digest()});
  std::sort(history.begin(), history.end(),
            [](const HistoryEntry& a, const HistoryEntry& b) { return a.period < b.period; });
  if (history != record.history) {
    return absl::StrCat("history: the team record was drawn with the earlier plans ", Show(record.history),
                        "; the history given is ", Show(history));
  }
  return "";
}

// The first difference between a record and the recomputed one, or "".
class Differ {
 public:
  explicit Differ(absl::string_view source = "the record") : source_(source) {}
  template <typename T>
  void Compare(absl::string_view path, const T& recorded, const T& recomputed) {
    if (!first_.empty() || recorded == recomputed) return;
    first_ = absl::StrCat(path, ": ", source_, " says ", Show(recorded), ", the recomputed draw gives ",
                          Show(recomputed));
  }
  const std::string& first() const { return first_; }

 private:
  std::string source_;
  std::string first_;
};

}  // namespace

std::string UnstaffedPlanDigest(const Plan& plan) {
  return internal::PlanDigestWithoutTeams(plan);  // without copying the plan to clear its teams
}

absl::StatusOr<AssignResult> AssignTeams(const Bureau& bureau, const TeamRules& rules, const Plan& plan,
                                         const AssignRequest& request) {
  Assigner assigner(bureau, rules, plan, request);
  if (absl::Status s = assigner.Prepare(); !s.ok()) return s;
  if (absl::Status s = assigner.CheckTasks(); !s.ok()) return s;
  if (absl::Status s = assigner.ChooseJoint(); !s.ok()) return s;
  if (absl::Status s = assigner.BuildModel(); !s.ok()) return s;
  if (absl::Status s = assigner.Draw(); !s.ok()) return s;
  return std::move(assigner).Result();
}

absl::Status VerifyTeamDraw(const TeamDrawRecord& record, const Bureau& bureau, const TeamRules& rules,
                            const Plan& plan_without_teams, const AssignRequest& request) {
  if (std::string chain = ChainDifference(record, bureau, plan_without_teams, request); !chain.empty()) {
    return absl::FailedPreconditionError(chain);
  }
  absl::StatusOr<AssignResult> again = AssignTeams(bureau, rules, plan_without_teams, request);
  if (!again.ok()) {
    if (again.status().code() == absl::StatusCode::kInvalidArgument) return again.status();
    return absl::FailedPreconditionError(
        absl::StrCat("the team draw cannot be recomputed from these inputs: ", again.status().message()));
  }
  const TeamDrawRecord& fresh = again->record;
  Differ d;
  d.Compare("id_space", record.id_space, fresh.id_space);
  d.Compare("period", record.period, fresh.period);
  d.Compare("rules.min_team_size", record.rules.min_team_size, fresh.rules.min_team_size);
  d.Compare("rules.offsite_team_size", record.rules.offsite_team_size, fresh.rules.offsite_team_size);
  d.Compare("rules.offsite_units", record.rules.offsite_units, fresh.rules.offsite_units);
  d.Compare("rules.default_max_load", record.rules.default_max_load, fresh.rules.default_max_load);
  d.Compare("rules.rotation_window_periods", record.rules.rotation_window_periods,
            fresh.rules.rotation_window_periods);
  d.Compare("rules.own_area", record.rules.own_area, fresh.rules.own_area);
  d.Compare("rules.skills_by_item", record.rules.skills_by_item, fresh.rules.skills_by_item);
  d.Compare("rules.internal_joint_share_numerator", record.rules.internal_joint_share_numerator,
            fresh.rules.internal_joint_share_numerator);
  d.Compare("rules.internal_joint_share_denominator", record.rules.internal_joint_share_denominator,
            fresh.rules.internal_joint_share_denominator);
  d.Compare("rules.department_joints_per_quarter", record.rules.department_joints_per_quarter,
            fresh.rules.department_joints_per_quarter);
  d.Compare("rules.full_coverage_pools", record.rules.full_coverage_pools, fresh.rules.full_coverage_pools);
  d.Compare("load_cap_percent", record.load_cap_percent, fresh.load_cap_percent);
  d.Compare("teams (count)", record.teams.size(), fresh.teams.size());
  for (size_t k = 0; k < record.teams.size() && k < fresh.teams.size() && d.first().empty(); ++k) {
    const TeamDraw& a = record.teams[k];
    const TeamDraw& b = fresh.teams[k];
    const std::string at = absl::StrCat("teams[", k, "] (", b.task_id, ")");
    d.Compare(absl::StrCat("teams[", k, "].task_id"), a.task_id, b.task_id);
    d.Compare(absl::StrCat(at, ".joint"), a.joint, b.joint);
    d.Compare(absl::StrCat(at, ".partner_department"), a.partner_department, b.partner_department);
    for (size_t m = 0; m < a.members.size() && m < b.members.size(); ++m) {
      d.Compare(absl::StrCat(at, ".members[", m, "]"), a.members[m], b.members[m]);
    }
    d.Compare(absl::StrCat(at, ".members"), a.members, b.members);
    for (size_t s = 0; s < a.skipped.size() && s < b.skipped.size(); ++s) {
      d.Compare(absl::StrCat(at, ".skipped[", s, "].inspector_id"), a.skipped[s].inspector_id,
                b.skipped[s].inspector_id);
      d.Compare(absl::StrCat(at, ".skipped[", s, "].reason (", b.skipped[s].inspector_id, ")"),
                a.skipped[s].reason, b.skipped[s].reason);
    }
    d.Compare(absl::StrCat(at, ".skipped (count)"), a.skipped.size(), b.skipped.size());
  }
  d.Compare("tasks", record.tasks, fresh.tasks);
  d.Compare("internal_joint", record.internal_joint, fresh.internal_joint);
  d.Compare("department_joint", record.department_joint, fresh.department_joint);
  d.Compare("department_joint_required", record.department_joint_required, fresh.department_joint_required);
  d.Compare("year_inspections", record.year_inspections, fresh.year_inspections);
  d.Compare("year_internal_joint", record.year_internal_joint, fresh.year_internal_joint);
  d.Compare("year_internal_joint_required", record.year_internal_joint_required,
            fresh.year_internal_joint_required);
  d.Compare("workload.min", record.workload.min, fresh.workload.min);
  d.Compare("workload.max", record.workload.max, fresh.workload.max);
  d.Compare("workload.stddev", record.workload.stddev, fresh.workload.stddev);
  d.Compare("workload.inspectors", record.workload.inspectors, fresh.workload.inspectors);
  // A plan that already carries teams must carry these ones.
  for (size_t k = 0; k < plan_without_teams.tasks.size() && d.first().empty(); ++k) {
    const Task& given = plan_without_teams.tasks[k];
    const Task& drawn = again->plan.tasks[k];
    if (given.team.empty() && given.joint == JointType::kNone) continue;
    const std::string at = absl::StrCat("plan tasks[", k, "] (", given.id, ")");
    Differ p("the plan");
    p.Compare(absl::StrCat(at, ".team"), given.team, drawn.team);
    p.Compare(absl::StrCat(at, ".joint"), given.joint, drawn.joint);
    p.Compare(absl::StrCat(at, ".partner_department"), given.partner_department, drawn.partner_department);
    if (!p.first().empty()) return absl::FailedPreconditionError(p.first());
  }
  if (!d.first().empty()) return absl::FailedPreconditionError(d.first());
  return absl::OkStatus();
}

}  // namespace ssr
