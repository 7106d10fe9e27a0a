// results.h — what happened to each planned task: the inspection results (检查结果) of a quarter.
//
// After the draw (draw.h) and the team draw, each task of a plan is carried out: an inspection on some day,
// by the team actually sent, with a result (no problem found / problem found) and its handling, entered in
// the platform and published within their deadlines (RULES.md §5, §6). A `ResultSet` holds one
// `InspectionResult` per inspected task; the compliance checks (check.h) and the reports (report.h) read it.
//
// Files (docs/results.md has every column with its Chinese headers): CSV with English or Chinese headers,
// or JSON ({"format": "ssrandom-results", "format_version": 1, "results": [...]}, or a bare array). Lists
// (team, handling) separate values with ';' (also '；', '、', '|'). Loading validates every record against
// the plans it belongs to and names the record, the field and the reason of every problem; it is all or
// nothing.
//
//   std::vector<ssr::Plan> plans = {*plan};
//   ssr::QualityReport report;
//   absl::StatusOr<ssr::ResultSet> results = ssr::LoadResults("results.csv", plans, {}, &report);
//   if (!results.ok()) std::cerr << results.status().message();
//   // results.csv record 3 (line 4, id 2024Q1/XL-00017), field team: the team sent (I-001;I-009) differs
//   //   from the drawn team (I-001;I-002) and team_change_reason is empty
//   std::string csv = results->ToCsv();  // reads back to the same records
//
// Thread safety: values; the functions are reentrant.
#ifndef SSRANDOM_RESULTS_H_
#define SSRANDOM_RESULTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "ssrandom/inspector.h"
#include "ssrandom/plan.h"
#include "ssrandom/quality.h"

namespace ssr {

struct Bureau;

inline constexpr char kResultsFormat[] = "ssrandom-results";
inline constexpr int kResultsFormatVersion = 1;

// The result of an inspection (检查结果).
enum class Outcome : uint8_t {
  kNoProblem = 0,     // 未发现问题
  kProblemFound = 1,  // 发现问题
};
absl::string_view OutcomeName(Outcome outcome);   // "no_problem", "problem_found"
absl::string_view OutcomeLabel(Outcome outcome);  // "未发现问题", "发现问题"
// The English name (any case) or the Chinese label; InvalidArgument listing both otherwise.
absl::StatusOr<Outcome> ParseOutcome(absl::string_view text);

// What was done about a problem found (后续处置), RULES.md §5.
enum class Handling : uint8_t {
  kRectification = 0,     // 责令整改
  kPenaltyCase = 1,       // 立案处罚
  kClueTransfer = 2,      // 移送线索 (to another department)
  kJudicialReferral = 3,  // 移送司法机关
  kCreditRecord = 4,      // 纳入信用记录
};
inline constexpr Handling kAllHandlings[] = {Handling::kRectification, Handling::kPenaltyCase,
                                             Handling::kClueTransfer, Handling::kJudicialReferral,
                                             Handling::kCreditRecord};
// "rectification", "penalty_case", "clue_transfer", "judicial_referral", "credit_record".
absl::string_view HandlingName(Handling handling);
// "责令整改", "立案处罚", "移送线索", "移送司法机关", "纳入信用记录".
absl::string_view HandlingLabel(Handling handling);
absl::StatusOr<Handling> ParseHandling(absl::string_view text);

// One inspected task.
struct InspectionResult {
  std::string task_id;                                  // the plan's task id, "2024Q1/XL-00017" (required)
  std::optional<absl::CivilDay> inspection_date;        // 检查日期 (required; inside the task's period)
  InspectionMethod method = InspectionMethod::kOnSite;  // as carried out: on_site or off_site (required)
  std::vector<std::string> team;                        // inspector ids actually sent
  std::string team_change_reason;            // required when `team` differs from the plan's (drawn) team
  Outcome result = Outcome::kNoProblem;      // required
  std::vector<Handling> handling;            // only with kProblemFound; in the order written
  std::optional<absl::CivilDay> entry_date;  // result entered in the platform; none = not yet
  std::optional<absl::CivilDay> publication_date;  // result published; none = not yet
  std::string note;                                // free text, internal (never published)

  friend bool operator==(const InspectionResult& a, const InspectionResult& b);
  friend bool operator!=(const InspectionResult& a, const InspectionResult& b) { return !(a == b); }
};

// The results of one or more quarters, in file order.
struct ResultSet {
  std::vector<InspectionResult> results;

  // The result of a task, or nullptr.
  const InspectionResult* Find(absl::string_view task_id) const;

  // CSV with the English headers (LF, no BOM; lists joined by ';'), or with the Chinese headers when
  // `chinese_headers` (for clerks' spreadsheets; reads back the same). Deterministic.
  std::string ToCsv(bool chinese_headers = false) const;
  // {"format": "ssrandom-results", "format_version": 1, "results": [...]}, 2-space indent, UTF-8.
  std::string ToJson() const;

  friend bool operator==(const ResultSet& a, const ResultSet& b) { return a.results == b.results; }
};

// What a results file is checked against, besides its own syntax.
struct ResultsValidation {
  // When set, every team member must be an inspector of this directory.
  const InspectorDirectory* staff = nullptr;
};

// Checks results against the plans they belong to (plans of one bureau, any quarters). Every problem
// becomes an error issue naming the source, record, task id and field:
//  - unknown_task: the task id is in none of the plans;
//  - duplicate_id: two results for one task;
//  - team_changed: the team differs (as a set) from the plan's drawn team and team_change_reason is empty
//    (when the plan has no team for the task, any team is accepted);
//  - unknown_inspector: a team member is not in `validation.staff` (when given);
//  - date_outside_period: the inspection date lies outside the task's quarter;
//  - date_before_inspection: the entry or publication date lies before the inspection date;
//  - handling_without_problem: handling is recorded for a result with no problem found.
// and a warning `problem_without_handling` for a problem found with no handling recorded.
// Returns InvalidArgument listing the errors (OK when there are none); `report` (may be null) receives
// every issue, warnings included. `source` names the results in the issues.
absl::Status ValidateResults(const ResultSet& results, const std::vector<Plan>& plans,
                             const ResultsValidation& validation = {}, const std::string& source = "results",
                             QualityReport* report = nullptr);

// Reads results from CSV or JSON text (`json` false: CSV) and validates them against `plans` as
// ValidateResults does. All or nothing: InvalidArgument listing the errors (up to 20 in the message, every
// one in `report`). `report` (may be null) also receives the warnings.
absl::StatusOr<ResultSet> ReadResults(absl::string_view text, bool json, const std::string& source,
                                      const std::vector<Plan>& plans,
                                      const ResultsValidation& validation = {},
                                      QualityReport* report = nullptr);
// Reads results without checking them against plans (syntax, fields and values only); for results that
// were validated when they were loaded. Errors as ReadResults.
absl::StatusOr<ResultSet> ParseResults(absl::string_view text, bool json, const std::string& source,
                                       QualityReport* report = nullptr);

// Reads a .csv or .json file (by extension) with ReadResults. NotFound for a missing file.
absl::StatusOr<ResultSet> LoadResults(const std::string& path, const std::vector<Plan>& plans,
                                      const ResultsValidation& validation = {},
                                      QualityReport* report = nullptr);

// --- Simulation -------------------------------------------------------------------------------------------

// Options of SimulateResults. The defaults give the sample quarter's bundled results
// (data/sample_results/2024Q1), with a few realistic faults so a compliance report shows both met and
// violated rules.
struct SimulationOptions {
  std::string seed = "ssrandom-simulated-results-v1";
  // The day the simulation is as of: entries and publications that would fall after it are left empty
  // (not yet done), and inspections after it are not simulated. None: everything is done.
  std::optional<absl::CivilDay> as_of;
  // Shares of on-site inspections carried out as internal joint inspections, and inter-department joint
  // inspections per quarter.
  int internal_joint_percent = 35;
  int department_joint_count = 2;
  int problem_percent = 12;  // share of inspections that find a problem
  // The deadlines the simulated clerks keep (docs/calendar.md).
  int entry_working_days = 7;
  int publication_working_days = 20;
  // The unit that carries out off-site tasks; empty: the first unit whose kind is "monitoring".
  std::string offsite_unit;
  // Faults, each on one inspection chosen by the seed: a result published after its deadline, an on-site
  // team of a single inspector, a result entered after its deadline.
  bool fault_late_publication = true;
  bool fault_team_of_one = true;
  bool fault_late_entry = true;
};

// Deterministic simulated results for every task of `plan`: each decision comes from SHA-256 of the seed
// and the task id (no platform random numbers), so the same inputs give the same results on every machine.
// Teams: the plan's team when it has one; otherwise two certified inspectors of the area group named like
// the entity's area (off-site tasks: two of the off-site unit), avoiding declared conflicts and pair
// exclusions; joint inspections add an inspector of
// another unit or of a partner department. Dates: inspections spread over the quarter's working days,
// entry within the entry deadline, publication within the publication deadline (except the faults).
// Errors: InvalidArgument when the plan's period is not a quarter or the bureau has too few certified
// inspectors to form a team; OutOfRange when the calendar lacks the period's year.
absl::StatusOr<ResultSet> SimulateResults(const Plan& plan, const Bureau& bureau,
                                          const SimulationOptions& options = {});

}  // namespace ssr

#endif  // SSRANDOM_RESULTS_H_
