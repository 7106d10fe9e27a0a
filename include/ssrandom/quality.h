// quality.h — the data-quality report produced when directories are loaded and checked.
//
// Loading a directory never drops or silently repairs a record. Each problem becomes a `QualityIssue` naming
// the source (file), the record number, the record's id, the field and the reason. Errors (duplicate ids,
// malformed values, unknown columns, references to unknown ids) stop the load; warnings (a USCC whose check
// character fails, an expired certificate, a duplicate USCC) are listed for the bureau to decide.
//
//   ssr::QualityReport report;
//   absl::StatusOr<ssr::Bureau> bureau = ssr::LoadBureau("data/sample_bureau", &report);
//   std::cout << report.ToText();     // every warning, and the errors when the load failed
#ifndef SSRANDOM_QUALITY_H_
#define SSRANDOM_QUALITY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace ssr {

enum class IssueSeverity : uint8_t { kWarning = 0, kError = 1 };

struct QualityIssue {
  IssueSeverity severity = IssueSeverity::kError;
  std::string source;     // file name or logical source, e.g. "entities.csv"
  int64_t record = 0;     // 1-based data record number (0: the file as a whole, e.g. its header)
  int64_t line = 0;       // 1-based line where the record starts (0 when not from a text file)
  std::string record_id;  // the record's id when known
  std::string field;      // the field (column) concerned, empty for whole-record problems
  std::string code;       // stable machine-readable code, e.g. "duplicate_id", "uscc_check_character"
  std::string message;    // the reason, for a clerk

  // "entities.csv record 12 (line 13, id XL-0012), field uscc: <message>"
  std::string ToString() const;
};

// An ordered list of issues. Thread safety: const methods may be called concurrently.
class QualityReport {
 public:
  void Add(QualityIssue issue);
  void Append(const QualityReport& other);

  const std::vector<QualityIssue>& issues() const { return issues_; }
  int64_t error_count() const { return errors_; }
  int64_t warning_count() const { return static_cast<int64_t>(issues_.size()) - errors_; }
  bool has_errors() const { return errors_ > 0; }

  // OK when there are no errors; otherwise InvalidArgument whose message lists the first `max_listed`
  // errors, one per line, and how many more there are.
  absl::Status ToStatus(int max_listed = 20) const;

  // One issue per line, errors first, with a count header (bilingual: 错误 errors / 警告 warnings).
  std::string ToText() const;
  // {"errors": N, "warnings": N, "issues": [{"severity": ..., "source": ..., ...}]}
  std::string ToJson() const;

 private:
  std::vector<QualityIssue> issues_;
  int64_t errors_ = 0;
};

}  // namespace ssr

#endif  // SSRANDOM_QUALITY_H_
