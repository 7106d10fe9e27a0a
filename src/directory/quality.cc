#include "ssrandom/quality.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"

namespace ssr {

std::string QualityIssue::ToString() const {
  std::string where = source.empty() ? std::string("input") : source;
  if (record > 0) {
    absl::StrAppend(&where, " record ", record);
    std::string detail;
    if (line > 0) absl::StrAppend(&detail, "line ", line);
    if (!record_id.empty()) absl::StrAppend(&detail, detail.empty() ? "" : ", ", "id ", record_id);
    if (!detail.empty()) absl::StrAppend(&where, " (", detail, ")");
  } else if (!record_id.empty()) {
    absl::StrAppend(&where, " id ", record_id);
  }
  if (!field.empty()) absl::StrAppend(&where, ", field ", field);
  return absl::StrCat(where, ": ", message);
}

void QualityReport::Add(QualityIssue issue) {
  if (issue.severity == IssueSeverity::kError) ++errors_;
  issues_.push_back(std::move(issue));
}

void QualityReport::Append(const QualityReport& other) {
  for (const QualityIssue& issue : other.issues_) Add(issue);
}

absl::Status QualityReport::ToStatus(int max_listed) const {
  if (errors_ == 0) return absl::OkStatus();
  std::string message = absl::StrCat(errors_, errors_ == 1 ? " error" : " errors", " in the input:");
  int listed = 0;
  for (const QualityIssue& issue : issues_) {
    if (issue.severity != IssueSeverity::kError) continue;
    if (listed == max_listed) {
      absl::StrAppend(&message, "\n  ... and ", errors_ - listed, " more");
      break;
    }
    absl::StrAppend(&message, "\n  ", issue.ToString());
    ++listed;
  }
  return absl::InvalidArgumentError(message);
}

std::string QualityReport::ToText() const {
  std::string text =
      absl::StrCat("数据质量 data quality: ", errors_, " 错误 errors, ", warning_count(), " 警告 warnings\n");
  for (IssueSeverity severity : {IssueSeverity::kError, IssueSeverity::kWarning}) {
    for (const QualityIssue& issue : issues_) {
      if (issue.severity != severity) continue;
      absl::StrAppend(&text, severity == IssueSeverity::kError ? "  错误 error   " : "  警告 warning ",
                      issue.ToString(), "\n");
    }
  }
  return text;
}

std::string QualityReport::ToJson() const {
  nlohmann::ordered_json issues = nlohmann::ordered_json::array();
  for (const QualityIssue& issue : issues_) {
    issues.push_back({{"severity", issue.severity == IssueSeverity::kError ? "error" : "warning"},
                      {"source", issue.source},
                      {"record", issue.record},
                      {"line", issue.line},
                      {"record_id", issue.record_id},
                      {"field", issue.field},
                      {"code", issue.code},
                      {"message", issue.message}});
  }
  nlohmann::ordered_json out = {{"errors", errors_}, {"warnings", warning_count()}, {"issues", issues}};
  return out.dump(2);
}

}  // namespace ssr
