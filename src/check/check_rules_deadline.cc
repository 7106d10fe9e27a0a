// The deadline and publication rules (RULES.md §5, §6): D-ENTRY, D-PUBLICATION, P-PUBLISHED, D-SUMMARY and
// D-STATISTICS, counted on the working-day calendar.
#include <utility>

#include "absl/strings/str_cat.h"
#include "check/check_internal.h"
#include "ssrandom/date.h"

namespace ssr::internal {
namespace {

Finding Start(absl::string_view rule, const QuarterState& q) {
  Finding f;
  f.rule = std::string(rule);
  f.scope.period = q.period.ToString();
  return f;
}

bool Prospective(const CheckContext& ctx, Finding& f) {
  if (ctx.mode != CheckMode::kProspective) return false;
  f.status = FindingStatus::kNotYetDue;
  f.measured_text = "no results yet";
  f.hint = "checked once the results are given";
  return true;
}

// D-ENTRY and D-PUBLICATION: each inspected result's date against its deadline.
absl::Status DateRule(CheckContext& ctx, std::vector<Finding>* out, absl::string_view rule, int working_days,
                      std::optional<absl::CivilDay> InspectionResult::*date, absl::string_view done,
                      absl::string_view verb) {
  for (const QuarterState& q : ctx.quarters) {
    Finding f = Start(rule, q);
    f.required_text = absl::StrCat("within ", working_days, " working days");
    if (Prospective(ctx, f)) {
      out->push_back(std::move(f));
      continue;
    }
    int64_t pending = 0;
    std::vector<std::string> notes;
    for (const Task& task : q.plan->tasks) {
      const InspectionResult* r = ctx.Inspected(task);
      if (r == nullptr) continue;
      absl::StatusOr<absl::CivilDay> deadline = ctx.calendar.DeadlineAfter(*r->inspection_date, working_days);
      if (!deadline.ok()) return deadline.status();
      const std::optional<absl::CivilDay>& when = r->*date;
      const bool counted = when && (!ctx.input.as_of || *when <= *ctx.input.as_of);
      if (counted && *when <= *deadline) {
        ++f.measured;
      } else if (counted) {
        absl::StatusOr<int> late = ctx.calendar.WorkingDaysBetween(*deadline, *when);
        f.records.push_back(task.id);
        notes.push_back(absl::StrCat(task.id, " ", done, " ", FormatDate(*when), ", due ",
                                     FormatDate(*deadline),
                                     late.ok() ? absl::StrCat(" (", *late, " working days late)") : ""));
      } else if (ctx.Passed(*deadline)) {
        f.records.push_back(task.id);
        notes.push_back(absl::StrCat(task.id, " not ", done, ", due ", FormatDate(*deadline)));
      } else {
        ++pending;
        continue;
      }
      ++f.base;
    }
    f.required = f.base;
    f.measured_text = absl::StrCat(f.measured, " of ", f.base, " on time");
    if (!f.records.empty()) {
      f.status = FindingStatus::kViolated;
      f.shortfall = static_cast<int64_t>(f.records.size());
      f.hint = absl::StrCat("late: ", ListSome(notes, 5));
    } else if (pending > 0) {
      f.status = FindingStatus::kNotYetDue;
      f.hint = absl::StrCat(pending, " result(s) still to be ", verb, " within their deadline");
    }
    out->push_back(std::move(f));
  }
  return absl::OkStatus();
}

// D-SUMMARY and D-STATISTICS: the caller's submission date against the quarter's deadline.
void SubmissionFinding(const CheckContext& ctx, const QuarterState& q, absl::string_view rule,
                       absl::CivilDay due, const std::map<std::string, absl::CivilDay>& submitted,
                       absl::string_view what, absl::string_view flag, std::vector<Finding>* out) {
  Finding f = Start(rule, q);
  f.due = due;
  f.base = 1;
  f.required = 1;
  f.required_text = absl::StrCat("by ", FormatDate(due));
  auto it = submitted.find(q.period.ToString());
  if (it != submitted.end() && (!ctx.input.as_of || it->second <= *ctx.input.as_of)) {
    f.measured_text = absl::StrCat("submitted ", FormatDate(it->second));
    if (it->second <= due) {
      f.measured = 1;
    } else {
      f.status = FindingStatus::kViolated;
      f.shortfall = 1;
      absl::StatusOr<int> late = ctx.calendar.WorkingDaysBetween(due, it->second);
      f.hint = absl::StrCat("the ", what, " was due ", FormatDate(due),
                            late.ok() ? absl::StrCat(", ", *late, " working day(s) earlier") : "");
    }
  } else if (ctx.input.as_of && *ctx.input.as_of <= due) {
    f.status = FindingStatus::kNotYetDue;
    f.measured_text = "not yet submitted";
    f.hint = absl::StrCat("submit the ", what, " by ", FormatDate(due));
  } else {
    f.status = FindingStatus::kUnknown;
    f.measured_text = "no submission date given";
    f.hint = absl::StrCat("give the day the ", what, " was submitted (", flag, " ", q.period.ToString(),
                          "=YYYY-MM-DD)");
  }
  out->push_back(std::move(f));
}

}  // namespace

absl::Status CheckEntry(CheckContext& ctx, std::vector<Finding>* out) {
  return DateRule(ctx, out, "D-ENTRY", ctx.policy.deadlines().result_entry_working_days,
                  &InspectionResult::entry_date, "entered", "entered");
}

absl::Status CheckPublication(CheckContext& ctx, std::vector<Finding>* out) {
  return DateRule(ctx, out, "D-PUBLICATION", ctx.policy.deadlines().publication_working_days,
                  &InspectionResult::publication_date, "published", "published");
}

absl::Status CheckPublished(CheckContext& ctx, std::vector<Finding>* out) {
  const int working_days = ctx.policy.deadlines().publication_working_days;
  for (const QuarterState& q : ctx.quarters) {
    Finding f = Start("P-PUBLISHED", q);
    f.required_text = "100% published";
    if (Prospective(ctx, f)) {
      out->push_back(std::move(f));
      continue;
    }
    int64_t pending = 0;
    for (const Task& task : q.plan->tasks) {
      const InspectionResult* r = ctx.Inspected(task);
      if (r == nullptr) continue;
      ++f.base;
      if (r->publication_date && (!ctx.input.as_of || *r->publication_date <= *ctx.input.as_of)) {
        ++f.measured;
        continue;
      }
      absl::StatusOr<absl::CivilDay> deadline = ctx.calendar.DeadlineAfter(*r->inspection_date, working_days);
      if (!deadline.ok()) return deadline.status();
      if (ctx.Passed(*deadline)) {
        f.records.push_back(task.id);
      } else {
        ++pending;
      }
    }
    f.required = f.base;
    f.measured_text =
        absl::StrCat(f.measured, " of ", f.base, " published (", Percent(f.measured, f.base), ")");
    if (!f.records.empty()) {
      f.status = FindingStatus::kShort;
      f.shortfall = static_cast<int64_t>(f.records.size());
      f.hint =
          absl::StrCat("publish ", f.shortfall, " result(s) whose deadline has passed (ssrandom publish)");
    } else if (pending > 0) {
      f.status = FindingStatus::kNotYetDue;
      f.hint = absl::StrCat(pending, " result(s) not yet published, still within their deadline");
    }
    out->push_back(std::move(f));
  }
  return absl::OkStatus();
}

absl::Status CheckReportDeadlines(CheckContext& ctx, std::vector<Finding>* out) {
  const Policy::Deadlines& d = ctx.policy.deadlines();
  std::vector<Finding> statistics;
  for (const QuarterState& q : ctx.quarters) {
    absl::StatusOr<PeriodDeadlines> due =
        ctx.calendar.Deadlines(q.period, d.summary_days_before, d.statistics_days_after);
    if (!due.ok()) return due.status();
    SubmissionFinding(ctx, q, "D-SUMMARY", due->summary_due, ctx.input.summary_submitted,
                      "quarterly summary (工作总结)", "--summary-submitted", out);
    SubmissionFinding(ctx, q, "D-STATISTICS", due->statistics_due, ctx.input.statistics_submitted,
                      "statistics table (统计表)", "--statistics-submitted", &statistics);
  }
  out->insert(out->end(), statistics.begin(), statistics.end());
  return absl::OkStatus();
}

}  // namespace ssr::internal
