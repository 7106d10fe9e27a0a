#include "ssrandom/check.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "check/check_internal.h"
#include "check/joint.h"
#include "io/display_width.h"
#include "nlohmann/json.hpp"
#include "ssrandom/assign.h"
#include "ssrandom/date.h"
#include "ssrandom/sampler.h"

namespace ssr {
namespace {

struct RuleInfo {
  const char* id;
  const char* title;
};

constexpr RuleInfo kRules[] = {
    {"Q-SPECIAL", "特殊监管对象抽查比例 special entities inspected on-site per quarter"},
    {"Q-KEY", "重点监管对象抽查比例 key entities inspected on-site per quarter"},
    {"Q-POSITIVE", "正面清单非现场全覆盖 positive list covered off-site every quarter"},
    {"Q-GENERAL", "一般监管对象抽查比例 other general entities inspected on-site per quarter"},
    {"Q-CREDIT", "信用风险分类抽查占比 credit-based share of random inspections"},
    {"Q-JOINT-INTERNAL", "内部联合抽查占比 internal joint share of random inspections per year"},
    {"Q-JOINT-DEPT", "部门联合抽查 inter-department joint inspections per quarter"},
    {"Q-YEARLY-CAP", "年度抽查次数上限 planned inspections per entity per year"},
    {"T-SIZE", "执法人员不少于两人 inspectors per on-site team"},
    {"T-CERTIFICATE", "执法证有效 valid certificates on the inspection date"},
    {"T-RECUSAL", "回避 no inspector with a declared conflict"},
    {"T-ROTATION", "轮换 no revisit of an entity by the same inspector"},
    {"D-ENTRY", "结果录入时限 results entered within the deadline"},
    {"D-PUBLICATION", "结果公示时限 results published within the deadline"},
    {"P-PUBLISHED", "结果公示率 every result published"},
    {"D-SUMMARY", "季度工作总结报送 quarterly summary submitted on time"},
    {"D-STATISTICS", "季度统计表报送 quarterly statistics table submitted on time"},
};

constexpr internal::RuleFunction kRuleFunctions[] = {
    &internal::CheckQuotaRules,      &internal::CheckCredit,      &internal::CheckJointInternal,
    &internal::CheckJointDepartment, &internal::CheckYearlyCap,   &internal::CheckTeamSize,
    &internal::CheckCertificates,    &internal::CheckRecusal,     &internal::CheckRotation,
    &internal::CheckEntry,           &internal::CheckPublication, &internal::CheckPublished,
    &internal::CheckReportDeadlines,
};

int RuleOrder(absl::string_view rule) {
  for (size_t i = 0; i < std::size(kRules); ++i) {
    if (rule == kRules[i].id) return static_cast<int>(i);
  }
  return static_cast<int>(std::size(kRules));
}

std::string ScopeText(const FindingScope& scope) {
  std::vector<std::string> parts = {scope.period};
  if (!scope.pool.empty()) {
    parts.push_back(scope.credit_class.empty() ? scope.pool
                                               : absl::StrCat(scope.pool, "/", scope.credit_class));
  }
  if (!scope.area.empty()) parts.push_back(scope.area);
  return absl::StrJoin(parts, " ");
}

}  // namespace

absl::string_view FindingStatusName(FindingStatus status) {
  switch (status) {
    case FindingStatus::kMet:
      return "met";
    case FindingStatus::kShort:
      return "short";
    case FindingStatus::kViolated:
      return "violated";
    case FindingStatus::kNotYetDue:
      return "not_yet_due";
    case FindingStatus::kUnknown:
      return "unknown";
  }
  return "unknown";
}

absl::string_view FindingStatusLabel(FindingStatus status) {
  switch (status) {
    case FindingStatus::kMet:
      return "达标";
    case FindingStatus::kShort:
      return "不足";
    case FindingStatus::kViolated:
      return "违规";
    case FindingStatus::kNotYetDue:
      return "未到期";
    case FindingStatus::kUnknown:
      return "未知";
  }
  return "未知";
}

absl::string_view CheckModeName(CheckMode mode) {
  return mode == CheckMode::kRetrospective ? "retrospective" : "prospective";
}

const std::vector<std::string>& RuleIds() {
  static const auto* ids = [] {
    auto* v = new std::vector<std::string>;
    for (const RuleInfo& rule : kRules) v->push_back(rule.id);
    return v;
  }();
  return *ids;
}

absl::string_view RuleTitle(absl::string_view rule) {
  for (const RuleInfo& info : kRules) {
    if (rule == info.id) return info.title;
  }
  return "";
}

bool ComplianceReport::ok() const {
  return Count(FindingStatus::kShort) == 0 && Count(FindingStatus::kViolated) == 0;
}

int64_t ComplianceReport::Count(FindingStatus status) const {
  return std::count_if(findings.begin(), findings.end(),
                       [&](const Finding& f) { return f.status == status; });
}

std::string ComplianceReport::ToText(int max_records) const {
  using internal::DisplayWidth;
  using internal::PadRight;
  std::string out =
      absl::StrCat("合规检查 compliance check — ", bureau.empty() ? "" : bureau + " ", period, " (",
                   mode == CheckMode::kRetrospective ? "执行后 retrospective" : "执行前 prospective",
                   as_of ? absl::StrCat(", as of ", FormatDate(*as_of)) : ", final", ")\n");
  absl::StrAppend(&out, "policy 政策: ", policy_name, "; plans 计划: ", absl::StrJoin(plan_periods, ", "),
                  "\n\n");
  int widths[] = {DisplayWidth("规则 rule") + 2, DisplayWidth("范围 scope") + 2,
                  DisplayWidth("实际 measured") + 2, DisplayWidth("要求 required") + 2};
  for (const Finding& f : findings) {
    widths[0] = std::max(widths[0], DisplayWidth(f.rule) + 2);
    widths[1] = std::max(widths[1], DisplayWidth(ScopeText(f.scope)) + 2);
    widths[2] = std::max(widths[2], DisplayWidth(f.measured_text) + 2);
    widths[3] = std::max(widths[3], DisplayWidth(f.required_text) + 2);
  }
  absl::StrAppend(&out, PadRight("规则 rule", widths[0]), PadRight("范围 scope", widths[1]),
                  PadRight("实际 measured", widths[2]), PadRight("要求 required", widths[3]),
                  "状态 status\n");
  for (const Finding& f : findings) {
    std::string line =
        absl::StrCat(PadRight(f.rule, widths[0]), PadRight(ScopeText(f.scope), widths[1]),
                     PadRight(f.measured_text, widths[2]), PadRight(f.required_text, widths[3]),
                     FindingStatusLabel(f.status), " ", FindingStatusName(f.status));
    absl::StrAppend(&out, line, "\n");
    if (!f.hint.empty() && f.status != FindingStatus::kMet) absl::StrAppend(&out, "    → ", f.hint, "\n");
    if (!f.records.empty() && f.status != FindingStatus::kMet) {
      absl::StrAppend(&out, "    records 记录: ",
                      internal::ListSome(f.records, static_cast<size_t>(std::max(1, max_records))), "\n");
    }
  }
  absl::StrAppend(&out, "\n", "达标 met ", Count(FindingStatus::kMet), ", 不足 short ",
                  Count(FindingStatus::kShort), ", 违规 violated ", Count(FindingStatus::kViolated),
                  ", 未到期 not yet due ", Count(FindingStatus::kNotYetDue), ", 未知 unknown ",
                  Count(FindingStatus::kUnknown), " — ", ok() ? "合规 compliant" : "不合规 not compliant",
                  "\n");
  for (const std::string& note : notes) absl::StrAppend(&out, "note: ", note, "\n");
  return out;
}

std::string ComplianceReport::ToJson() const {
  nlohmann::ordered_json counts = nlohmann::ordered_json::object();
  for (FindingStatus s : {FindingStatus::kMet, FindingStatus::kShort, FindingStatus::kViolated,
                          FindingStatus::kNotYetDue, FindingStatus::kUnknown}) {
    counts[std::string(FindingStatusName(s))] = Count(s);
  }
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Finding& f : findings) {
    list.push_back({{"rule", f.rule},
                    {"title", RuleTitle(f.rule)},
                    {"scope",
                     {{"period", f.scope.period},
                      {"pool", f.scope.pool},
                      {"credit_class", f.scope.credit_class},
                      {"area", f.scope.area}}},
                    {"status", FindingStatusName(f.status)},
                    {"measured", f.measured},
                    {"base", f.base},
                    {"required", f.required},
                    {"measured_text", f.measured_text},
                    {"required_text", f.required_text},
                    {"shortfall", f.shortfall},
                    {"hint", f.hint},
                    {"records", f.records},
                    {"due", f.due ? nlohmann::ordered_json(FormatDate(*f.due)) : nlohmann::ordered_json()}});
  }
  nlohmann::ordered_json out = {{"format", "ssrandom-compliance"},
                                {"format_version", 1},
                                {"bureau", bureau},
                                {"period", period},
                                {"mode", CheckModeName(mode)},
                                {"as_of", as_of ? nlohmann::ordered_json(FormatDate(*as_of)) : nullptr},
                                {"policy", policy_name},
                                {"plans", plan_periods},
                                {"ok", ok()},
                                {"counts", counts},
                                {"findings", list},
                                {"notes", notes}};
  return out.dump(2) + "\n";
}

namespace internal {

std::string Percent(int64_t part, int64_t of) {
  if (of <= 0) return "—";
  // Tenths of a percent, rounded half up, in integers.
  const int64_t tenths = (part * 2000 + of) / (2 * of);
  return absl::StrCat(tenths / 10, ".", tenths % 10, "%");
}

std::string ListSome(const std::vector<std::string>& items, size_t n) {
  if (items.size() <= n) return absl::StrJoin(items, ", ");
  std::vector<std::string> head(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(n));
  return absl::StrCat(absl::StrJoin(head, ", "), " … and ", items.size() - n, " more");
}

const InspectionResult* CheckContext::Inspected(const Task& task) const {
  auto it = results.find(task.id);
  if (it == results.end()) return nullptr;
  const InspectionResult* r = it->second;
  if (!r->inspection_date || (input.as_of && *r->inspection_date > *input.as_of)) return nullptr;
  return r;
}

bool CheckContext::Ended(const Period& quarter) const {
  return !input.as_of || *input.as_of > quarter.last_day();
}

bool CheckContext::Passed(absl::CivilDay day) const { return !input.as_of || *input.as_of > day; }

const std::vector<std::string>& CheckContext::TeamOf(const Task& task) const {
  if (const InspectionResult* r = Inspected(task)) return r->team;
  return task.team;
}

const Inspector* CheckContext::FindInspector(absl::string_view id) const {
  if (input.bureau == nullptr) return nullptr;
  std::optional<size_t> index = input.bureau->staff.Find(id);
  return index ? &input.bureau->staff.inspectors()[*index] : nullptr;
}

JointType CheckContext::JointOf(const Task& task) const {
  return ActualJoint(task, Inspected(task), input.bureau);
}

bool CheckContext::RandomInspection(const Task& task) const {
  return input.count_full_coverage_in_shares || IsRandomInspection(team_rules, task);
}

bool CheckContext::CountsInShares(const Task& task) const {
  if (!RandomInspection(task)) return false;
  if (mode == CheckMode::kRetrospective) return Inspected(task) != nullptr;
  return true;
}

absl::Status CheckContext::Classified(QuarterState& quarter) const {
  if (quarter.classification || input.bureau == nullptr) return absl::OkStatus();
  absl::StatusOr<Classification> c = Classify(input.bureau->entities, policy, quarter.period);
  if (!c.ok()) return c.status();
  quarter.classification = std::make_shared<const Classification>(*std::move(c));
  return absl::OkStatus();
}

std::vector<std::string> CheckContext::NextByTicket(QuarterState& quarter, Pool pool,
                                                    absl::string_view credit_class, size_t n) const {
  if (input.bureau == nullptr || n == 0 || !Classified(quarter).ok()) return {};
  const Directory& directory = input.bureau->entities;
  const Classification& c = *quarter.classification;
  int cell = credit_class.empty() ? -1 : policy.CreditIndexOf(credit_class);
  absl::flat_hash_set<absl::string_view> planned;
  for (const Task& task : quarter.plan->tasks) planned.insert(task.entity_id);
  // Entities at the yearly cap cannot be drawn; those drawn earlier this year come after the others.
  absl::flat_hash_map<std::string, int> earlier;
  for (const std::vector<Plan>* plans : {&input.history, &input.plans}) {
    for (const Plan& plan : *plans) {
      absl::StatusOr<Period> p = Period::Parse(plan.period);
      if (!p.ok() || p->year() != quarter.period.year() || !(*p < quarter.period)) continue;
      for (const Task& task : plan.tasks) {
        if (task.method == InspectionMethod::kOnSite) ++earlier[task.entity_id];
      }
    }
  }
  std::vector<absl::string_view> fresh, again;
  for (size_t row = 0; row < directory.size(); ++row) {
    if (c.pool(row) != pool || (cell >= 0 && c.credit_index(row) != cell)) continue;
    absl::string_view id = directory.id(row);
    if (planned.contains(id)) continue;
    auto it = earlier.find(std::string(id));
    int count = it == earlier.end() ? 0 : it->second;
    if (count >= policy.yearly_cap()) continue;
    (count == 0 ? fresh : again).push_back(id);
  }
  TicketSampler sampler(quarter.plan->seed);
  std::vector<std::string> out;
  for (const std::vector<absl::string_view>* ids : {&fresh, &again}) {
    for (size_t index : sampler.SelectLowest(*ids, n - out.size())) {
      absl::string_view id = (*ids)[index];
      std::optional<size_t> row = directory.Find(id);
      std::string area = row ? std::string(directory.area(*row)) : "";
      out.push_back(area.empty() ? std::string(id) : absl::StrCat(id, " (", area, ")"));
    }
    if (out.size() >= n) break;
  }
  return out;
}

}  // namespace internal

absl::StatusOr<ComplianceReport> Check(const Policy& policy, const Period& period, const CheckInput& input) {
  if (input.plans.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("no plan to check for ", period.ToString(), "; give the plan.json of each quarter"));
  }
  const WorkingDayCalendar& calendar =
      input.calendar != nullptr ? *input.calendar : WorkingDayCalendar::BuiltIn();
  internal::CheckContext context{policy, period, input, calendar, CheckMode::kProspective, {}, false, {}, {}};
  context.mode = input.results ? CheckMode::kRetrospective : CheckMode::kProspective;
  context.team_rules = TeamRulesFromPolicy(policy);

  ComplianceReport report;
  report.period = period.ToString();
  report.mode = context.mode;
  report.as_of = input.as_of;
  report.policy_name = policy.name();
  report.bureau = input.plans.front().bureau;

  std::map<Period, const Plan*> by_quarter;
  for (const Plan& plan : input.plans) {
    absl::StatusOr<Period> p = Period::Parse(plan.period);
    if (!p.ok()) return p.status();
    if (!p->is_quarter() || p->year() != period.year() || (period.is_quarter() && *p != period)) {
      return absl::InvalidArgumentError(absl::StrCat("the plan for ", plan.period, " is not a plan of ",
                                                     period.ToString(), "; check each period's own plans"));
    }
    if (plan.bureau != report.bureau) {
      return absl::InvalidArgumentError(
          absl::StrCat("the plans are of two bureaus: '", report.bureau, "' and '", plan.bureau, "'"));
    }
    if (!by_quarter.emplace(*p, &plan).second) {
      return absl::InvalidArgumentError(
          absl::StrCat("two plans for ", plan.period, "; keep only the one that was executed"));
    }
  }
  for (const Period& quarter : period.Quarters()) {
    if (by_quarter.count(quarter)) continue;
    if (input.as_of && *input.as_of < quarter.first_day()) {
      report.notes.push_back(absl::StrCat(quarter.ToString(), " has no plan yet and starts after ",
                                          FormatDate(*input.as_of), "; its rules are not checked"));
      continue;
    }
    return absl::InvalidArgumentError(absl::StrCat("no plan for ", quarter.ToString(), ": a check of ",
                                                   period.ToString(),
                                                   " needs the plan of every quarter that "
                                                   "has begun (or an as-of date before it)"));
  }

  for (const auto& [quarter, plan] : by_quarter) {
    internal::QuarterState state;
    state.period = quarter;
    state.plan = plan;
    for (const DrawRecord& record : input.records) {
      if (record.period != plan->period) continue;
      // The record names the plan as drawn; the teams drawn since (ssrandom assign) are not part of it.
      if (const std::string digest = UnstaffedPlanDigest(*plan); record.plan_digest != digest) {
        return absl::InvalidArgumentError(absl::StrCat(
            "the draw record for ", plan->period, " names plan digest ", record.plan_digest,
            " but the plan's digest (teams left out) is ", digest, ": the record is not this plan's record"));
      }
      state.record = &record;
    }
    if (state.record != nullptr) {
      for (const StratumRecord& stratum : state.record->strata) {
        absl::StatusOr<Pool> pool = ParsePool(stratum.pool);
        if (!pool.ok()) return pool.status();
        state.pool_size[*pool] += stratum.pool_size;
        if (!stratum.credit_class.empty())
          state.cell_size[{*pool, stratum.credit_class}] += stratum.pool_size;
      }
    } else if (input.bureau != nullptr) {
      if (absl::Status s = context.Classified(state); !s.ok()) return s;
      for (const Policy::PoolQuota& quota : policy.pool_quotas()) {
        state.pool_size[quota.pool] = state.classification->PoolSize(quota.pool);
        if (!policy.uses_credit_table(quota.pool)) continue;
        for (size_t i = 0; i < policy.credit_classes().size(); ++i) {
          state.cell_size[{quota.pool, policy.credit_classes()[i]}] =
              state.classification->CellSize(quota.pool, static_cast<int>(i));
        }
      }
      const std::string digest = input.bureau->entities.CanonicalDigest();
      report.notes.push_back(
          digest == plan->directory_digest
              ? absl::StrCat(plan->period,
                             ": pool sizes from the bureau's directory (the one the plan was drawn "
                             "from)")
              : absl::StrCat(plan->period,
                             ": pool sizes from the bureau's current directory, which is not the "
                             "one the plan was drawn from (digest ",
                             digest.substr(0, 12), "…, the plan names ", plan->directory_digest.substr(0, 12),
                             "…); give the draw record for the frozen sizes"));
    } else {
      return absl::InvalidArgumentError(absl::StrCat("the pool sizes of ", plan->period,
                                                     " are unknown: give its draw record (record.json beside "
                                                     "plan.json) or the bureau"));
    }
    report.plan_periods.push_back(plan->period);
    context.quarters.push_back(std::move(state));
  }
  context.year_complete = !period.is_quarter() && context.quarters.size() == 4 && context.Ended(period);

  if (input.results) {
    // Results of the checked and history periods are validated and used; those of other periods (a whole
    // year's file checked quarter by quarter) are left alone.
    std::vector<Plan> all = input.plans;
    all.insert(all.end(), input.history.begin(), input.history.end());
    absl::flat_hash_set<std::string> periods;
    for (const Plan& plan : all) periods.insert(plan.period);
    ResultSet relevant;
    for (const InspectionResult& r : input.results->results) {
      if (periods.contains(r.task_id.substr(0, r.task_id.find('/')))) relevant.results.push_back(r);
    }
    ResultsValidation validation;
    if (input.bureau != nullptr) validation.staff = &input.bureau->staff;
    if (absl::Status s = ValidateResults(relevant, all, validation, "results"); !s.ok()) return s;
    for (const InspectionResult& r : input.results->results) {
      if (periods.contains(r.task_id.substr(0, r.task_id.find('/')))) context.results[r.task_id] = &r;
    }
  }

  for (internal::RuleFunction rule : kRuleFunctions) {
    if (absl::Status s = rule(context, &report.findings); !s.ok()) return s;
  }
  std::stable_sort(report.findings.begin(), report.findings.end(),
                   [](const Finding& a, const Finding& b) { return RuleOrder(a.rule) < RuleOrder(b.rule); });
  return report;
}

}  // namespace ssr
