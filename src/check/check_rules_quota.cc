// The quota rules (RULES.md §3): Q-SPECIAL, Q-KEY, Q-POSITIVE, Q-GENERAL, Q-CREDIT, Q-JOINT-INTERNAL,
// Q-JOINT-DEPT and Q-YEARLY-CAP.
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

Finding Make(absl::string_view rule, const std::string& period) {
  Finding f;
  f.rule = std::string(rule);
  f.scope.period = period;
  return f;
}

// Status of a minimum count: met, short, or not yet due while the quarter runs and the plan suffices.
FindingStatus CountStatus(const CheckContext& ctx, const Period& quarter, int64_t measured, int64_t planned,
                          int64_t required) {
  if (measured >= required) return FindingStatus::kMet;
  if (ctx.mode == CheckMode::kRetrospective && !ctx.Ended(quarter) && planned >= required) {
    return FindingStatus::kNotYetDue;
  }
  return FindingStatus::kShort;
}

void QuotaFinding(CheckContext& ctx, QuarterState& q, const Policy::PoolQuota& quota,
                  const std::string& credit_class, const Ratio& ratio, int64_t size,
                  std::vector<Finding>* out) {
  const bool cell = !credit_class.empty();
  const bool any_method = quota.method == InspectionMethod::kOffSite;
  int64_t planned = 0, measured = 0;
  std::vector<std::string> missing;
  for (const Task& task : q.plan->tasks) {
    if (task.pool != quota.pool || (cell && task.credit_class != credit_class)) continue;
    if (!any_method && task.method != quota.method) continue;
    ++planned;
    if (ctx.mode == CheckMode::kProspective) {
      ++measured;
      continue;
    }
    const InspectionResult* r = ctx.Inspected(task);
    if (r != nullptr && (any_method || r->method == quota.method)) {
      ++measured;
    } else {
      missing.push_back(task.id);
    }
  }
  const int64_t required = ratio.QuotaOf(size);
  Finding f = Make(PoolRuleId(quota.pool), q.period.ToString());
  f.scope.pool = std::string(PoolName(quota.pool));
  f.scope.credit_class = credit_class;
  f.measured = measured;
  f.base = size;
  f.required = required;
  f.status = CountStatus(ctx, q.period, measured, planned, required);
  if (cell && f.status == FindingStatus::kMet) return;  // cells are listed only when they fall short
  const bool retro = ctx.mode == CheckMode::kRetrospective;
  f.measured_text = absl::StrCat(measured, " of ", size, retro ? " inspected" : " planned", " (",
                                 Percent(measured, size), ")");
  f.required_text = absl::StrCat("≥ ", required, " (", ratio.ToString(), " of ", size, ")");
  f.shortfall = std::max<int64_t>(0, required - measured);
  const std::string what =
      absl::StrCat(PoolLabel(quota.pool), cell ? absl::StrCat(", credit class ", credit_class) : "");
  if (f.status == FindingStatus::kNotYetDue) {
    f.hint = absl::StrCat(missing.size(), " planned ", what, " inspections still to be carried out by ",
                          FormatDate(q.period.last_day()));
    f.records = std::move(missing);
  } else if (f.status == FindingStatus::kShort) {
    if (planned >= required) {
      f.hint = absl::StrCat(f.shortfall, " more ", what, " inspections needed: ", missing.size(),
                            " planned tasks were not inspected",
                            any_method ? "" : absl::StrCat(" ", InspectionMethodName(quota.method)));
      f.records = std::move(missing);
    } else {
      const int64_t draw = required - planned;
      std::vector<std::string> next =
          ctx.NextByTicket(q, quota.pool, credit_class, static_cast<size_t>(std::min<int64_t>(draw, 5)));
      f.hint = absl::StrCat("draw ", draw, " more ", what, " entities");
      if (!next.empty()) {
        absl::StrAppend(&f.hint, "; with the plan's seed the next by ticket are ", absl::StrJoin(next, ", "),
                        draw > 5 ? ", …" : "");
      } else if (ctx.input.bureau == nullptr) {
        absl::StrAppend(&f.hint, " (give the bureau to name them)");
      }
      if (retro && planned > measured) {
        absl::StrAppend(&f.hint, "; and carry out the ", planned - measured,
                        " planned ones not yet inspected");
        f.records = std::move(missing);
      }
    }
  }
  out->push_back(std::move(f));
}

std::string PoolsOf(const std::vector<const Task*>& tasks) {
  std::vector<std::string> pools;
  for (const Task* task : tasks) {
    std::string name(PoolName(task->pool));
    if (std::find(pools.begin(), pools.end(), name) == pools.end()) pools.push_back(name);
  }
  return absl::StrJoin(pools, ", ");
}

}  // namespace

absl::Status CheckQuotaRules(CheckContext& ctx, std::vector<Finding>* out) {
  for (QuarterState& q : ctx.quarters) {
    for (const Policy::PoolQuota& quota : ctx.policy.pool_quotas()) {
      QuotaFinding(ctx, q, quota, "", quota.minimum, q.pool_size[quota.pool], out);
      if (!ctx.policy.uses_credit_table(quota.pool)) continue;
      const std::vector<std::string>& classes = ctx.policy.credit_classes();
      for (size_t i = 0; i < classes.size(); ++i) {
        std::optional<Ratio> ratio = ctx.policy.CreditRatio(quota.pool, static_cast<int>(i));
        if (!ratio) continue;
        QuotaFinding(ctx, q, quota, classes[i], *ratio, q.cell_size[{quota.pool, classes[i]}], out);
      }
    }
  }
  return absl::OkStatus();
}

absl::Status CheckCredit(CheckContext& ctx, std::vector<Finding>* out) {
  const Ratio share = ctx.policy.credit_based_share();
  for (QuarterState& q : ctx.quarters) {
    int64_t base = 0, measured = 0, planned_base = 0, planned_credit = 0;
    std::vector<const Task*> other;
    for (const Task& task : q.plan->tasks) {
      if (!ctx.RandomInspection(task)) continue;
      ++planned_base;
      if (task.credit_based) ++planned_credit;
      if (!ctx.CountsInShares(task)) continue;
      ++base;
      if (task.credit_based) {
        ++measured;
      } else {
        other.push_back(&task);
      }
    }
    Finding f = Make("Q-CREDIT", q.period.ToString());
    f.measured = measured;
    f.base = base;
    f.required = share.QuotaOf(base);
    f.measured_text = absl::StrCat(measured, " of ", base, " (", Percent(measured, base), ")");
    if (share.is_zero()) {
      f.required_text = "no target in the policy";
      out->push_back(std::move(f));
      continue;
    }
    f.required_text = absl::StrCat("≥ ", share.ToString(), " (", f.required, ")");
    f.status = CountStatus(ctx, q.period, measured, planned_credit, share.QuotaOf(planned_base));
    if (f.status == FindingStatus::kShort) {
      f.shortfall = f.required - measured;
      f.hint = absl::StrCat(f.shortfall, " more of the ", base,
                            " random inspections must be credit-based; the others come from the pool(s) ",
                            PoolsOf(other),
                            ", which have no credit ratio table: give them credit_ratios in the "
                            "policy and draw again");
      for (const Task* task : other) f.records.push_back(task->id);
    }
    out->push_back(std::move(f));
  }
  return absl::OkStatus();
}

absl::Status CheckJointInternal(CheckContext& ctx, std::vector<Finding>* out) {
  const Ratio share = ctx.policy.joint().internal_joint_share;
  auto count = [&](const QuarterState& q, int64_t* base, int64_t* joint, std::vector<std::string>* other) {
    for (const Task& task : q.plan->tasks) {
      if (!ctx.CountsInShares(task)) continue;
      ++*base;
      if (ctx.JointOf(task) == JointType::kInternal) {
        ++*joint;
      } else if (other != nullptr) {
        other->push_back(task.id);
      }
    }
  };
  auto finish = [&](Finding& f, int64_t base, int64_t joint) {
    f.measured = joint;
    f.base = base;
    f.required = share.QuotaOf(base);
    f.measured_text = absl::StrCat(joint, " of ", base, " (", Percent(joint, base), ")");
    f.required_text = share.is_zero() ? "no target in the policy"
                                      : absl::StrCat("≥ ", share.ToString(), " a year (", f.required, ")");
  };
  if (ctx.period.is_quarter()) {
    for (const QuarterState& q : ctx.quarters) {
      int64_t base = 0, joint = 0;
      count(q, &base, &joint, nullptr);
      Finding f = Make("Q-JOINT-INTERNAL", q.period.ToString());
      finish(f, base, joint);
      if (!share.is_zero()) {
        f.status = FindingStatus::kNotYetDue;
        f.hint =
            joint >= f.required
                ? absl::StrCat("a yearly rule, judged over ", q.period.year(), "; this quarter is on track")
                : absl::StrCat("a yearly rule, judged over ", q.period.year(),
                               "; this quarter is behind: ", f.required - joint,
                               " more internal joint inspections would reach ", share.ToString());
      }
      out->push_back(std::move(f));
    }
    return absl::OkStatus();
  }
  int64_t base = 0, joint = 0;
  std::vector<std::string> other;
  for (const QuarterState& q : ctx.quarters) count(q, &base, &joint, &other);
  Finding f = Make("Q-JOINT-INTERNAL", ctx.period.ToString());
  finish(f, base, joint);
  if (!share.is_zero() && joint < f.required) {
    f.status = ctx.year_complete ? FindingStatus::kShort : FindingStatus::kNotYetDue;
    f.shortfall = f.required - joint;
    f.hint =
        absl::StrCat(f.shortfall,
                     " more internal joint inspections (a team from two or more units, e.g. "
                     "the enforcement brigade with the monitoring centre) ",
                     ctx.year_complete ? "were needed in " : "are needed in the rest of ", ctx.period.year());
  } else if (!share.is_zero() && !ctx.year_complete) {
    f.status = FindingStatus::kNotYetDue;
    f.hint = absl::StrCat("on track; judged when ", ctx.period.year(), " is over");
  }
  out->push_back(std::move(f));
  return absl::OkStatus();
}

absl::Status CheckJointDepartment(CheckContext& ctx, std::vector<Finding>* out) {
  const int64_t required = ctx.policy.joint().dept_joint_per_quarter;
  for (const QuarterState& q : ctx.quarters) {
    int64_t planned = 0, measured = 0;
    std::vector<std::string> records;
    for (const Task& task : q.plan->tasks) {
      if (task.joint == JointType::kDepartment) ++planned;
      if (ctx.mode == CheckMode::kRetrospective && ctx.Inspected(task) == nullptr) continue;
      if (ctx.JointOf(task) == JointType::kDepartment) {
        ++measured;
        records.push_back(task.id);
      }
    }
    Finding f = Make("Q-JOINT-DEPT", q.period.ToString());
    f.measured = measured;
    f.base = static_cast<int64_t>(q.plan->tasks.size());
    f.required = required;
    f.measured_text = absl::StrCat(measured, " joint with a partner department");
    f.required_text = required == 0 ? "no target in the policy" : absl::StrCat("≥ ", required, " a quarter");
    f.status = CountStatus(ctx, q.period, measured, planned, required);
    if (f.status == FindingStatus::kMet) f.records = std::move(records);
    if (f.status == FindingStatus::kShort) {
      f.shortfall = required - measured;
      std::vector<std::string> departments;
      if (ctx.input.bureau != nullptr) {
        for (const Department& d : ctx.input.bureau->staff.departments()) {
          departments.push_back(absl::StrCat(d.id, " ", d.name));
        }
      }
      f.hint =
          absl::StrCat("carry out ", f.shortfall, " more inspection(s) jointly with a partner department",
                       departments.empty() ? "" : absl::StrCat(" (", ListSome(departments, 3), ")"));
    }
    out->push_back(std::move(f));
  }
  return absl::OkStatus();
}

absl::Status CheckYearlyCap(CheckContext& ctx, std::vector<Finding>* out) {
  const int cap = ctx.policy.yearly_cap();
  // Every plan of the year, checked or history, by quarter.
  std::map<Period, const Plan*> year;
  for (const std::vector<Plan>* plans : {&ctx.input.history, &ctx.input.plans}) {
    for (const Plan& plan : *plans) {
      absl::StatusOr<Period> p = Period::Parse(plan.period);
      if (p.ok() && p->is_quarter() && p->year() == ctx.period.year()) year[*p] = &plan;
    }
  }
  for (const QuarterState& q : ctx.quarters) {
    absl::flat_hash_map<std::string, int> before;
    int earlier_plans = 0;
    for (const auto& [period, plan] : year) {
      if (!(period < q.period)) continue;
      ++earlier_plans;
      for (const Task& task : plan->tasks) {
        if (task.method == InspectionMethod::kOnSite) ++before[task.entity_id];
      }
    }
    absl::flat_hash_map<std::string, int> here;
    for (const Task& task : q.plan->tasks) {
      if (task.method == InspectionMethod::kOnSite) ++here[task.entity_id];
    }
    Finding f = Make("Q-YEARLY-CAP", q.period.ToString());
    std::vector<std::string> notes;
    for (const Task& task : q.plan->tasks) {
      if (task.method != InspectionMethod::kOnSite) continue;
      const int now = here[task.entity_id];
      auto it = before.find(task.entity_id);
      const int total = now + (it == before.end() ? 0 : it->second);
      if (now > 1 || total > cap) {
        f.records.push_back(task.id);
        notes.push_back(now > 1 ? absl::StrCat(task.entity_id, " twice in ", q.period.ToString())
                                : absl::StrCat(task.entity_id, " ", total, " times in ", q.period.year()));
      }
    }
    f.base = static_cast<int64_t>(here.size());
    f.measured = f.base - static_cast<int64_t>(f.records.size());
    f.required = f.base;
    f.measured_text = absl::StrCat(f.measured, " of ", f.base, " entities within the cap");
    f.required_text = absl::StrCat("≤ ", cap, " a year, once a quarter");
    if (!f.records.empty()) {
      f.status = FindingStatus::kViolated;
      f.shortfall = static_cast<int64_t>(f.records.size());
      f.hint = absl::StrCat("over the cap: ", ListSome(notes, 5),
                            "; replace them by the next entities by ticket of their strata");
    } else if (q.period.quarter() > 1 && earlier_plans == 0) {
      f.status = FindingStatus::kUnknown;
      f.hint = absl::StrCat("no earlier plan of ", q.period.year(),
                            " was given; give them as history to count the cap over the year");
    }
    out->push_back(std::move(f));
  }
  return absl::OkStatus();
}

}  // namespace ssr::internal
