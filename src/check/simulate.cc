// Deterministic simulated inspection results (results.h SimulateResults), for the demo and the tests.
// Every choice is a SHA-256 of the seed, a purpose and the task id: no platform random numbers.
#include <algorithm>
#include <cstdint>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "ssrandom/bureau.h"
#include "ssrandom/calendar.h"
#include "ssrandom/date.h"
#include "ssrandom/digest.h"
#include "ssrandom/period.h"
#include "ssrandom/results.h"

namespace ssr {
namespace {

class Dice {
 public:
  explicit Dice(absl::string_view seed) : seed_(seed) {}
  // A number in [0, 2^60) from the seed, a purpose and a key.
  uint64_t Roll(absl::string_view purpose, absl::string_view key) const {
    std::string hex = Sha256Hex(absl::StrCat(seed_, "\x1f", purpose, "\x1f", key)).substr(0, 15);
    uint64_t value = 0;
    (void)absl::SimpleHexAtoi(hex, &value);
    return value;
  }
  uint64_t Below(absl::string_view purpose, absl::string_view key, uint64_t n) const {
    return n == 0 ? 0 : Roll(purpose, key) % n;
  }

 private:
  std::string seed_;
};

struct Simulator {
  const Plan& plan;
  const Bureau& bureau;
  const SimulationOptions& options;
  const WorkingDayCalendar& calendar;
  Dice dice;
  absl::flat_hash_set<std::pair<std::string, std::string>> conflicts;  // (inspector, entity)
  absl::flat_hash_set<std::pair<std::string, std::string>> excluded_pairs;

  bool Excluded(const std::string& a, const std::string& b) const {
    return excluded_pairs.contains({a, b}) || excluded_pairs.contains({b, a});
  }

  // Candidates in a fixed order per task (by the dice), filtered.
  template <typename Filter>
  std::vector<const Inspector*> Candidates(const Task& task, absl::CivilDay day, absl::string_view purpose,
                                           Filter filter) const {
    std::vector<std::pair<uint64_t, const Inspector*>> ranked;
    for (const Inspector& inspector : bureau.staff.inspectors()) {
      if (!inspector.active || !inspector.CertifiedOn(day)) continue;
      if (conflicts.contains({inspector.id, task.entity_id})) continue;
      if (!filter(inspector)) continue;
      ranked.emplace_back(dice.Roll(purpose, absl::StrCat(task.id, "/", inspector.id)), &inspector);
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : a.second->id < b.second->id;
    });
    std::vector<const Inspector*> out;
    for (const auto& [roll, inspector] : ranked) out.push_back(inspector);
    return out;
  }

  // Adds candidates to `team` until it has `size` members, skipping pair exclusions.
  static void Fill(std::vector<std::string>& team, const std::vector<const Inspector*>& candidates,
                   size_t size, const Simulator& self) {
    for (const Inspector* candidate : candidates) {
      if (team.size() >= size) break;
      if (std::find(team.begin(), team.end(), candidate->id) != team.end()) continue;
      bool clash = false;
      for (const std::string& member : team) clash = clash || self.Excluded(member, candidate->id);
      if (!clash) team.push_back(candidate->id);
    }
  }

  const Inspector* Member(const std::string& id) const {
    std::optional<size_t> index = bureau.staff.Find(id);
    return index ? &bureau.staff.inspectors()[*index] : nullptr;
  }
};

}  // namespace

absl::StatusOr<ResultSet> SimulateResults(const Plan& plan, const Bureau& bureau,
                                          const SimulationOptions& options) {
  absl::StatusOr<Period> period = Period::Parse(plan.period);
  if (!period.ok()) return period.status();
  if (!period->is_quarter()) {
    return absl::InvalidArgumentError(absl::StrCat("plan period ", plan.period, " is not a quarter"));
  }
  const WorkingDayCalendar& calendar = WorkingDayCalendar::BuiltIn();
  std::vector<absl::CivilDay> working_days;
  for (absl::CivilDay day = period->first_day(); day <= period->last_day(); ++day) {
    absl::StatusOr<bool> working = calendar.IsWorkingDay(day);
    if (!working.ok()) return working.status();
    if (*working) working_days.push_back(day);
  }
  Simulator sim{plan, bureau, options, calendar, Dice(options.seed), {}, {}};
  for (const Conflict& c : bureau.conflicts) sim.conflicts.insert({c.inspector_id, c.entity_id});
  for (const PairExclusion& p : bureau.pair_exclusions)
    sim.excluded_pairs.insert({p.inspector_a, p.inspector_b});
  std::string offsite_unit = options.offsite_unit;
  if (offsite_unit.empty()) {
    for (const Unit& unit : bureau.staff.units()) {
      if (unit.kind == "monitoring") {
        offsite_unit = unit.id;
        break;
      }
    }
  }

  // Which on-site tasks carry a fault or a department joint inspection: the lowest rolls, distinct tasks.
  std::vector<std::pair<uint64_t, size_t>> on_site;
  for (size_t i = 0; i < plan.tasks.size(); ++i) {
    if (plan.tasks[i].method == InspectionMethod::kOnSite) {
      on_site.emplace_back(sim.dice.Roll("special", plan.tasks[i].id), i);
    }
  }
  std::sort(on_site.begin(), on_site.end());
  size_t next_special = 0;
  auto take_special = [&]() -> int64_t {
    return next_special < on_site.size() ? static_cast<int64_t>(on_site[next_special++].second) : -1;
  };
  const int64_t late_publication = options.fault_late_publication ? take_special() : -1;
  const int64_t team_of_one = options.fault_team_of_one ? take_special() : -1;
  const int64_t late_entry = options.fault_late_entry ? take_special() : -1;
  absl::flat_hash_set<int64_t> department_joint;
  for (int i = 0; i < options.department_joint_count; ++i) department_joint.insert(take_special());

  ResultSet out;
  for (size_t i = 0; i < plan.tasks.size(); ++i) {
    const Task& task = plan.tasks[i];
    const int64_t index = static_cast<int64_t>(i);
    InspectionResult r;
    r.task_id = task.id;
    r.method =
        task.method == InspectionMethod::kOffSite ? InspectionMethod::kOffSite : InspectionMethod::kOnSite;
    const absl::CivilDay day = working_days[sim.dice.Below("date", task.id, working_days.size())];
    if (options.as_of && day > *options.as_of) continue;
    r.inspection_date = day;

    if (!task.team.empty()) {
      r.team = task.team;
    } else if (r.method == InspectionMethod::kOffSite) {
      Simulator::Fill(
          r.team,
          sim.Candidates(task, day, "team",
                         [&](const Inspector& x) { return x.department.empty() && x.unit == offsite_unit; }),
          2, sim);
    } else {
      Simulator::Fill(r.team,
                      sim.Candidates(task, day, "team",
                                     [&](const Inspector& x) {
                                       return x.department.empty() && !x.area_group.empty() &&
                                              x.area_group == task.area;
                                     }),
                      2, sim);
      // Too few in the area's group: any group of the enforcement unit.
      Simulator::Fill(
          r.team,
          sim.Candidates(task, day, "team",
                         [&](const Inspector& x) { return x.department.empty() && !x.area_group.empty(); }),
          2, sim);
    }
    // The plan's own teams are sent as drawn (an off-site desk review may be one person); only a team the
    // simulator picks itself must reach two.
    if (task.team.empty() && r.team.size() < 2) {
      return absl::InvalidArgumentError(
          absl::StrCat("cannot simulate a team for ", task.id, " on ", FormatDate(day),
                       ": fewer than two certified inspectors without a conflict"));
    }
    if (task.team.empty() && r.method == InspectionMethod::kOnSite) {
      const Inspector* first = sim.Member(r.team.front());
      if (department_joint.contains(index)) {
        Simulator::Fill(
            r.team,
            sim.Candidates(task, day, "partner", [](const Inspector& x) { return !x.department.empty(); }),
            r.team.size() + 1, sim);
      } else if (sim.dice.Below("internal", task.id, 100) <
                 static_cast<uint64_t>(options.internal_joint_percent)) {
        Simulator::Fill(r.team,
                        sim.Candidates(task, day, "internal",
                                       [&](const Inspector& x) {
                                         return x.department.empty() && first != nullptr &&
                                                x.unit != first->unit && x.unit != offsite_unit;
                                       }),
                        r.team.size() + 1, sim);
      }
    }
    if (index == team_of_one) {
      r.team.resize(1);
      if (!task.team.empty())
        r.team_change_reason = "另一名执法人员临时请假 (the second inspector was on leave)";
    }

    if (sim.dice.Below("problem", task.id, 100) < static_cast<uint64_t>(options.problem_percent)) {
      r.result = Outcome::kProblemFound;
      r.handling.push_back(Handling::kRectification);
      const uint64_t severity = sim.dice.Below("severity", task.id, 100);
      if (severity < 40) {
        r.handling.push_back(Handling::kPenaltyCase);
        r.handling.push_back(Handling::kCreditRecord);
      }
      if (severity >= 90) r.handling.push_back(Handling::kClueTransfer);
      if (severity == 99) r.handling.push_back(Handling::kJudicialReferral);
    }

    const int entry_days = std::max(1, options.entry_working_days);
    const int publication_days = std::max(1, options.publication_working_days);
    absl::StatusOr<absl::CivilDay> entry = calendar.AddWorkingDays(
        day, index == late_entry ? entry_days + 2
                                 : 1 + static_cast<int>(sim.dice.Below("entry", task.id, entry_days)));
    if (!entry.ok()) return entry.status();
    absl::StatusOr<absl::CivilDay> published = calendar.AddWorkingDays(
        day, index == late_publication
                 ? publication_days + 3
                 : 1 + static_cast<int>(sim.dice.Below("publish", task.id, publication_days)));
    if (!published.ok()) return published.status();
    if (*published < *entry) published = *entry;
    if (!options.as_of || *entry <= *options.as_of) r.entry_date = *entry;
    if (!options.as_of || *published <= *options.as_of) r.publication_date = *published;
    out.results.push_back(std::move(r));
  }
  return out;
}

}  // namespace ssr
