#include "check/results_schema.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "ssrandom/date.h"

namespace ssr::internal {
namespace {

using R = InspectionResult;

absl::StatusOr<InspectionMethod> ParseCarriedOutMethod(absl::string_view text) {
  text = absl::StripAsciiWhitespace(text);
  for (InspectionMethod m : {InspectionMethod::kOnSite, InspectionMethod::kOffSite}) {
    if (absl::EqualsIgnoreCase(text, InspectionMethodName(m)) || text == InspectionMethodLabel(m)) return m;
  }
  if (text == "现场") return InspectionMethod::kOnSite;
  if (text == "非现场") return InspectionMethod::kOffSite;
  return absl::InvalidArgumentError(
      absl::StrCat("unknown inspection method '", text,
                   "'; an inspection was carried out on_site (现场检查) or off_site (非现场监管)"));
}

}  // namespace

const RecordSchema<InspectionResult>& ResultSchema() {
  static const auto* schema = [] {
    auto* s = new RecordSchema<R>{
        "result", "results", {}, [](const R& r) -> const std::string& { return r.task_id; }};
    s->fields.push_back(Text<R>("task_id", {"任务编号", "检查任务编号"}, &R::task_id, true));
    s->fields.push_back(Date<R>("inspection_date", {"检查日期", "实施检查日期"}, &R::inspection_date, true));

    FieldSpec<R> method{"method", {"检查方式", "实施方式"}, true, FieldKind::kText, nullptr, nullptr};
    method.parse = [](R& r, absl::string_view text) {
      absl::StatusOr<InspectionMethod> m = ParseCarriedOutMethod(text);
      if (!m.ok()) return m.status();
      r.method = *m;
      return absl::OkStatus();
    };
    method.format = [](const R& r) { return std::string(InspectionMethodName(r.method)); };
    s->fields.push_back(std::move(method));

    FieldSpec<R> team{"team", {"检查人员", "实际检查人员", "执法人员"}, false, FieldKind::kList, nullptr,
                      nullptr};
    team.parse = [](R& r, absl::string_view text) {
      AssignSplitList(text, &r.team);
      return absl::OkStatus();
    };
    team.format = [](const R& r) { return absl::StrJoin(r.team, ";"); };
    s->fields.push_back(std::move(team));
    s->fields.push_back(Text<R>("team_change_reason", {"人员变更原因", "变更原因"}, &R::team_change_reason));

    FieldSpec<R> result{"result", {"检查结果"}, true, FieldKind::kText, nullptr, nullptr};
    result.parse = [](R& r, absl::string_view text) {
      absl::StatusOr<Outcome> outcome = ParseOutcome(text);
      if (!outcome.ok()) return outcome.status();
      r.result = *outcome;
      return absl::OkStatus();
    };
    result.format = [](const R& r) { return std::string(OutcomeName(r.result)); };
    s->fields.push_back(std::move(result));

    FieldSpec<R> handling{"handling", {"处理情况", "后续处置", "处置措施"}, false, FieldKind::kList, nullptr,
                          nullptr};
    handling.parse = [](R& r, absl::string_view text) {
      r.handling.clear();
      for (const std::string& part : SplitList(text)) {
        absl::StatusOr<Handling> h = ParseHandling(part);
        if (!h.ok()) return h.status();
        if (std::find(r.handling.begin(), r.handling.end(), *h) != r.handling.end()) {
          return absl::InvalidArgumentError(absl::StrCat("'", part, "' is listed twice"));
        }
        r.handling.push_back(*h);
      }
      return absl::OkStatus();
    };
    handling.format = [](const R& r) {
      return absl::StrJoin(r.handling, ";",
                           [](std::string* out, Handling h) { absl::StrAppend(out, HandlingName(h)); });
    };
    s->fields.push_back(std::move(handling));
    s->fields.push_back(Date<R>("entry_date", {"录入日期", "结果录入日期"}, &R::entry_date));
    s->fields.push_back(Date<R>("publication_date", {"公示日期", "公开日期"}, &R::publication_date));
    s->fields.push_back(Text<R>("note", {"备注"}, &R::note));
    return s;
  }();
  return *schema;
}

}  // namespace ssr::internal
