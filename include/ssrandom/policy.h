// policy.h — a bureau's supervision policy (监管政策): classes, pools, quotas and the rules around the draw.
//
// Every bureau writes its own rules and changes them each year, so the rules are data: a policy file in the
// JSON format of docs/policy.md (JSON Schema: schemas/policy.schema.json), validated in full on load and
// then immutable. A `Policy` holds
//   - the three supervision classes (特殊 / 重点 / 一般监管对象), each a list of named conditions in the
//     condition language (condition.h), and the precedence that settles conflicts (RULES.md §2: key yields to
//     special and to general; special beats general);
//   - the pool rules: which statuses (closed, relocated, ...) and which conditions take an entity out of the
//     draw;
//   - the quota of each pool per quarter (RULES.md §3) with its inspection method, an optional credit-risk
//     ratio table per pool, the credit scheme those tables use, the per-entity yearly cap, rotation within
//     the year and the rounding rule;
//   - the joint-inspection targets, the team rules and the deadlines used by the later stages.
// Every number may carry "source" and "comment" text saying where it comes from.
//
//   absl::StatusOr<ssr::Policy> policy = ssr::Policy::Load("hebei-xinle-2024");  // a preset, or a .json path
//   if (!policy.ok()) std::cerr << policy.status().message();  // every problem, with file:line:column
//   for (const ssr::Policy::PoolQuota& q : policy->pool_quotas()) {
//     std::cout << ssr::PoolName(q.pool) << " ≥ " << q.minimum << "\n";  // special ≥ 50% ...
//   }
//   std::string digest = policy->Digest();  // SHA-256 of the canonical form, for draw records
//
// Presets ship inside the library (no files needed at run time): "hebei-xinle-2024" (the 2024 plan of the
// Xinle branch of the Shijiazhuang Ecology and Environment Bureau, every number citing its line) and
// "city-level" (city reference values).
//
// Thread safety: a Policy is immutable; copies share their state; every const method is thread-safe.
#ifndef SSRANDOM_POLICY_H_
#define SSRANDOM_POLICY_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "ssrandom/classes.h"
#include "ssrandom/condition.h"
#include "ssrandom/inspector.h"
#include "ssrandom/ratio.h"
#include "ssrandom/team_rules.h"  // OwnAreaRule

namespace ssr {

namespace internal {
struct PolicyState;  // src/policy/policy.cc
}  // namespace internal

// SupervisionClass and Pool, their names and labels, are in classes.h.

// The class whose entities make up `pool` (positive and general pools: kGeneral).
SupervisionClass ClassOfPool(Pool pool);

// OwnAreaRule (may inspectors inspect their own area group?) is in team_rules.h.

// A problem found while checking a policy file: where (file, JSON path, line and column of the JSON text)
// and what, with the fix.
struct PolicyProblem {
  std::string source;  // file name, or "preset:<name>"
  std::string path;    // JSON path, e.g. "quotas.key.minimum" or "classes.special.conditions[1].when"
  int line = 0;        // 1-based line in the JSON text; 0 when the problem concerns the whole document
  int column = 0;      // 1-based column (characters)
  std::string message;
  // "policy.json:12:20: quotas.key.minimum: <message>"
  std::string ToString() const;
};

class Policy {
 public:
  // --- Loading -----------------------------------------------------------------------------------------

  // Parses and validates a policy. `source_name` names the text in messages (a file name).
  // Errors: InvalidArgument listing every problem (as Check returns them), one per line.
  static absl::StatusOr<Policy> FromJson(absl::string_view text, absl::string_view source_name);

  // Every problem in `text`, in document order; empty when FromJson would succeed.
  static std::vector<PolicyProblem> Check(absl::string_view text, absl::string_view source_name);

  // A preset by name. NotFound listing the preset names otherwise.
  static absl::StatusOr<Policy> Preset(absl::string_view name);
  // The JSON text of a preset, as shipped (with its comments and sources). NotFound as Preset.
  static absl::StatusOr<std::string> PresetJson(absl::string_view name);
  // The preset names, sorted.
  static std::vector<std::string> PresetNames();

  // A preset name, or the path of a .json file. A text that names a preset is the preset; anything else is
  // read as a file. Errors: NotFound (neither a preset nor a file; the message lists the presets), the
  // errors of reading the file, and those of FromJson.
  static absl::StatusOr<Policy> Load(absl::string_view name_or_path);

  // --- Identity ------------------------------------------------------------------------------------------

  const std::string& name() const;
  const std::string& title() const;        // free text, may be empty
  const std::string& source_name() const;  // where it was loaded from ("preset:hebei-xinle-2024", a path)

  // The canonical form (docs/policy.md): the document as loaded, with object keys sorted by code point, no
  // insignificant whitespace, strings in UTF-8 with only the escapes JSON requires. Equal to Python's
  // json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False). Formatting and key order of
  // the file do not change it; any change of a value, a comment included, does.
  const std::string& CanonicalJson() const;
  // SHA-256 (lowercase hex) of CanonicalJson(): the policy digest named in draw records.
  const std::string& Digest() const;

  // --- Classes -------------------------------------------------------------------------------------------

  // One named condition of a class or of the pool exclusions.
  struct Rule {
    std::string name;  // unique within its list
    std::string when;  // the condition text as written (lines of a multi-line condition joined by "\n")
    Condition condition;
    std::string source;
    std::string comment;
  };
  // The conditions of a class (kSpecial, kKey, kGeneral); an entity meets the class when any of them is
  // true. Empty for kExcluded.
  const std::vector<Rule>& class_rules(SupervisionClass supervision_class) const;
  // The classes from strongest to weakest: when an entity meets several, the first wins. Default
  // {kSpecial, kGeneral, kKey} (RULES.md §2).
  const std::vector<SupervisionClass>& precedence() const;
  // The class of an entity that meets no class condition (default kGeneral; kExcluded leaves it out).
  SupervisionClass unmatched_class() const;

  // --- Pool rules ----------------------------------------------------------------------------------------

  // Whether entities with this status leave the draw pool (default: closed, relocated, long_stopped,
  // deregistered). For EntityStatus::kUnknown the answer is the policy's unknown_status rule (default: stay).
  bool excludes_status(EntityStatus status) const;
  // Further exclusions: an entity for which any of these conditions is true leaves the pool.
  const std::vector<Rule>& exclusion_rules() const;

  // --- Quotas --------------------------------------------------------------------------------------------

  // The quota of one pool per quarter: the minimum share to inspect and how (on-site or off-site).
  struct PoolQuota {
    Pool pool;
    Ratio minimum;
    InspectionMethod method = InspectionMethod::kOnSite;  // kOnSite or kOffSite
    std::string source;
    std::string comment;
  };
  // kSpecial, kKey, kPositive, kGeneral, in that order.
  const std::vector<PoolQuota>& pool_quotas() const;
  // The quota of `pool` (not kExcluded).
  const PoolQuota& pool_quota(Pool pool) const;

  // The credit-risk scheme: class names ordered from lowest to highest risk (e.g. A, B, C, D). Empty when
  // the policy has no credit section.
  const std::vector<std::string>& credit_classes() const;
  // Which entity attribute holds the credit class: "credit" (default) or "env_credit".
  const std::string& credit_attribute() const;
  // The index of the class that entities with an unknown or unlisted credit value are counted in (default:
  // the highest-risk class, so no entity escapes the table; -1 without a credit scheme).
  int unknown_credit_index() const;
  // The index of the credit class `value` (a class name or alias), or -1.
  int CreditIndexOf(absl::string_view value) const;

  // Whether `pool` has a credit ratio table (its draws are credit-based, RULES.md §3 Q-CREDIT).
  bool uses_credit_table(Pool pool) const;
  // The ratio for (pool, credit class); nullopt when the pool has no table or the index is out of range.
  std::optional<Ratio> CreditRatio(Pool pool, int credit_index) const;

  // The minimum share of credit-based inspections among all inspections (Q-CREDIT); 0 when no target.
  Ratio credit_based_share() const;
  // Maximum planned inspections of one entity per year (default 2).
  int yearly_cap() const;
  // RULES.md §3 rotation: an entity drawn earlier in the year leaves the pool until it is exhausted
  // (default true).
  bool rotation_within_year() const;
  // When a quota exceeds what can be drawn after the yearly-cap exclusions: take everything that can be
  // drawn and record the shortfall (true, default) or fail the draw (false).
  bool take_whole_pool_when_short() const;

  // --- Joint inspections, teams, deadlines ---------------------------------------------------------------

  struct JointTargets {
    Ratio internal_joint_share;      // minimum share of internal joint inspections per year (0: none)
    int dept_joint_per_quarter = 0;  // minimum inter-department joint inspections per quarter (0: none)
  };
  struct TeamRules {
    int min_size = 2;                  // inspectors per team; at least 2 (行政处罚法 第四十二条)
    bool certificate_required = true;  // valid 执法证 on the inspection date
    bool recusal = true;               // apply declared conflicts (回避)
    int rotation_window_periods = 0;   // no revisit of an entity by the same inspector within N periods
    OwnAreaRule own_area_rule = OwnAreaRule::kFree;
    int default_max_load = 0;  // tasks per inspector per period; 0: the team draw's default (TeamRules)
    std::vector<std::string> offsite_units;  // unit ids that carry out off-site (非现场) tasks
    bool skills_by_item = true;              // an item's required specialty must be in the team
  };
  struct Deadlines {
    int result_entry_working_days = 7;  // results entered within N working days of the inspection
    int publication_working_days = 20;  // results published within N working days
    int summary_days_before = 2;        // quarterly summary: N working days before quarter end
    int statistics_days_after = 2;      // statistics table: N working days after quarter end
  };
  const JointTargets& joint() const;
  const TeamRules& team() const;
  const Deadlines& deadlines() const;

  // --- Items ---------------------------------------------------------------------------------------------

  // The compiled condition of an item's applies_to text; the always-true condition when it is empty.
  // Errors: InvalidArgument naming the item ("item EE-04 applies_to: line 1, column 3: ...").
  static absl::StatusOr<Condition> ItemCondition(const Item& item);

 private:
  explicit Policy(std::shared_ptr<const internal::PolicyState> state) : state_(std::move(state)) {}
  std::shared_ptr<const internal::PolicyState> state_;
};

// The rules of the team draw (assign.h) that `policy` sets through its `team` and `joint` sections: team
// size, rotation window, own-area rule, off-site units, skills, the internal joint share and the
// department joints per quarter, and the pools drawn in full (a quota of 100%) as full_coverage_pools.
// A policy that lists no off-site units (no team section, like the city-level preset) keeps TeamRules'
// default, as a default_max_load of 0 keeps TeamRules::default_max_load: with an empty list no off-site
// task could ever be staffed. The result passes ValidateTeamRules because
// the policy was validated when loaded. Thread-safe; a plain value.
::ssr::TeamRules TeamRulesFromPolicy(const Policy& policy);

}  // namespace ssr

#endif  // SSRANDOM_POLICY_H_
