// The team rules (RULES.md §4): T-SIZE, T-CERTIFICATE, T-RECUSAL and T-ROTATION.
#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "check/check_internal.h"
#include "ssrandom/date.h"

namespace ssr::internal {
namespace {

// The tasks a team rule looks at: prospective, every task (with `on_site_only`, on-site ones); retrospective,
// the inspected ones (by the method carried out).
std::vector<const Task*> Considered(const CheckContext& ctx, const QuarterState& q, bool on_site_only) {
  std::vector<const Task*> tasks;
  for (const Task& task : q.plan->tasks) {
    if (ctx.mode == CheckMode::kRetrospective) {
      const InspectionResult* r = ctx.Inspected(task);
      if (r == nullptr || (on_site_only && r->method != InspectionMethod::kOnSite)) continue;
    } else if (on_site_only && task.method != InspectionMethod::kOnSite) {
      continue;
    }
    tasks.push_back(&task);
  }
  return tasks;
}

Finding Start(absl::string_view rule, const QuarterState& q) {
  Finding f;
  f.rule = std::string(rule);
  f.scope.period = q.period.ToString();
  return f;
}

// Sets status and texts of a per-task rule: `bad` tasks break it, `unassigned` have no team yet.
void Conclude(Finding& f, int64_t considered, int64_t unassigned, absl::string_view what) {
  f.base = considered - unassigned;
  f.measured = f.base - static_cast<int64_t>(f.records.size());
  f.required = f.base;
  f.measured_text = absl::StrCat(f.measured, " of ", f.base, " ", what);
  if (!f.records.empty()) {
    f.status = FindingStatus::kViolated;
    f.shortfall = static_cast<int64_t>(f.records.size());
  } else if (unassigned > 0) {
    f.status = FindingStatus::kNotYetDue;
    f.hint = absl::StrCat(unassigned, " task(s) have no team yet: run the team draw");
  }
}

std::string Who(const CheckContext& ctx, const std::string& id) {
  const Inspector* inspector = ctx.FindInspector(id);
  return inspector == nullptr || inspector->name.empty() ? id : absl::StrCat(id, " ", inspector->name);
}

}  // namespace

absl::Status CheckTeamSize(CheckContext& ctx, std::vector<Finding>* out) {
  const int min_size = ctx.policy.team().min_size;
  for (const QuarterState& q : ctx.quarters) {
    Finding f = Start("T-SIZE", q);
    std::vector<const Task*> tasks = Considered(ctx, q, /*on_site_only=*/true);
    int64_t unassigned = 0;
    std::vector<std::string> notes;
    for (const Task* task : tasks) {
      std::vector<std::string> team = ctx.TeamOf(*task);
      std::sort(team.begin(), team.end());
      team.erase(std::unique(team.begin(), team.end()), team.end());
      if (team.empty() && ctx.mode == CheckMode::kProspective) {
        ++unassigned;
      } else if (static_cast<int>(team.size()) < min_size) {
        f.records.push_back(task->id);
        notes.push_back(absl::StrCat(task->id, " (", team.size(), ")"));
      }
    }
    f.required_text = absl::StrCat("≥ ", min_size, " inspectors each");
    Conclude(f, static_cast<int64_t>(tasks.size()), unassigned, "on-site teams");
    if (f.status == FindingStatus::kViolated) {
      f.hint =
          absl::StrCat("teams below ", min_size, " inspectors (行政处罚法 第四十二条): ", ListSome(notes, 5),
                       ctx.mode == CheckMode::kRetrospective
                           ? "; these inspections were not lawfully staffed — record why and repeat them"
                           : "; add inspectors to these teams");
    }
    out->push_back(std::move(f));
  }
  return absl::OkStatus();
}

absl::Status CheckCertificates(CheckContext& ctx, std::vector<Finding>* out) {
  for (const QuarterState& q : ctx.quarters) {
    Finding f = Start("T-CERTIFICATE", q);
    f.required_text = "every inspector certified";
    if (!ctx.policy.team().certificate_required) {
      f.measured_text = "not required by the policy";
      out->push_back(std::move(f));
      continue;
    }
    if (ctx.input.bureau == nullptr) {
      f.status = FindingStatus::kUnknown;
      f.measured_text = "no inspector directory";
      f.hint = "give the bureau to check certificates";
      out->push_back(std::move(f));
      continue;
    }
    std::vector<const Task*> tasks = Considered(ctx, q, /*on_site_only=*/false);
    int64_t unassigned = 0;
    std::vector<std::string> notes;
    absl::flat_hash_set<std::string> noted;
    for (const Task* task : tasks) {
      const std::vector<std::string>& team = ctx.TeamOf(*task);
      if (team.empty()) {
        if (ctx.mode == CheckMode::kProspective) ++unassigned;
        continue;
      }
      const InspectionResult* r = ctx.Inspected(*task);
      bool bad = false;
      for (const std::string& id : team) {
        const Inspector* inspector = ctx.FindInspector(id);
        std::string why;
        if (inspector == nullptr) {
          why = "not in the inspector directory";
        } else if (inspector->certificate_number.empty()) {
          why = "no certificate";
        } else if (r != nullptr ? !inspector->CertifiedOn(*r->inspection_date)
                                : !inspector->CertifiedOn(q.period.first_day()) ||
                                      !inspector->CertifiedOn(q.period.last_day())) {
          why = absl::StrCat(
              "certificate valid ",
              inspector->certificate_valid_from ? FormatDate(*inspector->certificate_valid_from) : "…",
              " to ",
              inspector->certificate_valid_until ? FormatDate(*inspector->certificate_valid_until) : "…",
              r != nullptr ? absl::StrCat(", inspected ", FormatDate(*r->inspection_date))
                           : absl::StrCat(", not the whole of ", q.period.ToString()));
        }
        if (why.empty()) continue;
        bad = true;
        if (noted.insert(id).second) notes.push_back(absl::StrCat(Who(ctx, id), " (", why, ")"));
      }
      if (bad) f.records.push_back(task->id);
    }
    Conclude(f, static_cast<int64_t>(tasks.size()), unassigned, "teams fully certified");
    if (f.status == FindingStatus::kViolated) {
      f.hint = absl::StrCat("inspectors without a valid 执法证: ", ListSome(notes, 5),
                            ctx.mode == CheckMode::kRetrospective ? "" : "; replace them in these teams");
    }
    out->push_back(std::move(f));
  }
  return absl::OkStatus();
}

absl::Status CheckRecusal(CheckContext& ctx, std::vector<Finding>* out) {
  for (const QuarterState& q : ctx.quarters) {
    Finding f = Start("T-RECUSAL", q);
    f.required_text = "no declared conflict";
    if (!ctx.policy.team().recusal) {
      f.measured_text = "not applied by the policy";
      out->push_back(std::move(f));
      continue;
    }
    if (ctx.input.bureau == nullptr) {
      f.status = FindingStatus::kUnknown;
      f.measured_text = "no conflict list";
      f.hint = "give the bureau to check declared conflicts";
      out->push_back(std::move(f));
      continue;
    }
    absl::flat_hash_map<std::pair<std::string, std::string>, std::string> conflicts;
    for (const Conflict& c : ctx.input.bureau->conflicts) conflicts[{c.inspector_id, c.entity_id}] = c.reason;
    absl::flat_hash_map<std::pair<std::string, std::string>, std::string> pairs;
    for (const PairExclusion& p : ctx.input.bureau->pair_exclusions) {
      pairs[{p.inspector_a, p.inspector_b}] = p.reason;
      pairs[{p.inspector_b, p.inspector_a}] = p.reason;
    }
    std::vector<const Task*> tasks = Considered(ctx, q, /*on_site_only=*/false);
    int64_t unassigned = 0;
    std::vector<std::string> notes;
    for (const Task* task : tasks) {
      const std::vector<std::string>& team = ctx.TeamOf(*task);
      if (team.empty()) {
        if (ctx.mode == CheckMode::kProspective) ++unassigned;
        continue;
      }
      bool bad = false;
      for (size_t i = 0; i < team.size(); ++i) {
        auto c = conflicts.find({team[i], task->entity_id});
        if (c != conflicts.end()) {
          bad = true;
          notes.push_back(absl::StrCat(Who(ctx, team[i]), " and ", task->entity_id, " (", c->second, ")"));
        }
        for (size_t j = i + 1; j < team.size(); ++j) {
          auto p = pairs.find({team[i], team[j]});
          if (p != pairs.end()) {
            bad = true;
            notes.push_back(absl::StrCat(team[i], " with ", team[j], " on ", task->id, " (", p->second, ")"));
          }
        }
      }
      if (bad) f.records.push_back(task->id);
    }
    Conclude(f, static_cast<int64_t>(tasks.size()), unassigned, "teams without a conflict");
    if (f.status == FindingStatus::kViolated) {
      f.hint = absl::StrCat("declared conflicts (回避, 行政处罚法 第四十三条): ", ListSome(notes, 5));
    }
    out->push_back(std::move(f));
  }
  return absl::OkStatus();
}

absl::Status CheckRotation(CheckContext& ctx, std::vector<Finding>* out) {
  const int window = ctx.policy.team().rotation_window_periods;
  auto index = [](const Period& p) { return p.year() * 4 + p.quarter() - 1; };
  std::map<Period, const Plan*> all;
  for (const std::vector<Plan>* plans : {&ctx.input.history, &ctx.input.plans}) {
    for (const Plan& plan : *plans) {
      absl::StatusOr<Period> p = Period::Parse(plan.period);
      if (p.ok() && p->is_quarter()) all[*p] = &plan;
    }
  }
  for (const QuarterState& q : ctx.quarters) {
    Finding f = Start("T-ROTATION", q);
    f.required_text = absl::StrCat("no revisit within ", window, " quarter(s)");
    if (window <= 0) {
      f.measured_text = "no rotation window in the policy";
      out->push_back(std::move(f));
      continue;
    }
    // Who visited which entity in the window before this quarter.
    absl::flat_hash_map<std::string, std::vector<std::pair<std::string, std::string>>> visits;  // entity →
    int in_window = 0;
    for (const auto& [period, plan] : all) {
      const int distance = index(q.period) - index(period);
      if (distance < 1 || distance > window) continue;
      ++in_window;
      for (const Task& task : plan->tasks) {
        const InspectionResult* r = ctx.Inspected(task);
        if ((r != nullptr ? r->method : task.method) != InspectionMethod::kOnSite) continue;
        for (const std::string& id : ctx.TeamOf(task)) visits[task.entity_id].emplace_back(id, plan->period);
      }
    }
    std::vector<const Task*> tasks = Considered(ctx, q, /*on_site_only=*/true);
    int64_t unassigned = 0;
    std::vector<std::string> notes;
    for (const Task* task : tasks) {
      const std::vector<std::string>& team = ctx.TeamOf(*task);
      if (team.empty()) {
        if (ctx.mode == CheckMode::kProspective) ++unassigned;
        continue;
      }
      auto it = visits.find(task->entity_id);
      if (it == visits.end()) continue;
      bool bad = false;
      for (const std::string& id : team) {
        for (const auto& [visitor, period] : it->second) {
          if (visitor != id) continue;
          bad = true;
          notes.push_back(absl::StrCat(id, " visited ", task->entity_id, " in ", period));
        }
      }
      if (bad) f.records.push_back(task->id);
    }
    Conclude(f, static_cast<int64_t>(tasks.size()), unassigned, "on-site teams without a revisit");
    if (f.status == FindingStatus::kViolated) {
      f.hint = absl::StrCat("revisits within the window: ", ListSome(notes, 5), "; send other inspectors");
    } else if (f.status == FindingStatus::kMet && in_window == 0) {
      f.status = FindingStatus::kUnknown;
      f.hint = absl::StrCat("no plan of the ", window,
                            " quarter(s) before was given; give them as history to check revisits");
    }
    out->push_back(std::move(f));
  }
  return absl::OkStatus();
}

}  // namespace ssr::internal
