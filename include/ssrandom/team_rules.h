// ssrandom/team_rules.h — the rules an inspection team obeys (RULES.md §3–§4), as the team draw reads them.
//
// The team draw (assign.h) does not read the bureau's policy directly: the policy maps its fields onto a
// TeamRules value, so the draw can be tested and re-run with nothing but these numbers. Every field has the
// default of the Xinle 2024 plan and of the law; docs/teams.md explains each one and the decisions behind
// the defaults.
//
//   ssr::TeamRules rules;                        // 2 per team, 30% internal joint, 1 department joint
//   rules.own_area = ssr::OwnAreaRule::kForbidden; // nobody inspects the area group they belong to
//   rules.rotation_window_periods = 8;           // nobody revisits an entity within two years
//   if (absl::Status s = ssr::ValidateTeamRules(rules); !s.ok()) std::cerr << s.message();
//
// Thread safety: a plain value.
#ifndef SSRANDOM_TEAM_RULES_H_
#define SSRANDOM_TEAM_RULES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "ssrandom/classes.h"
#include "ssrandom/plan.h"

namespace ssr {

// May inspectors inspect entities of their own area group (分组)? The rule binds only where both the
// inspector's area_group and the task's area are known (non-empty): staff without an area group (sections,
// the monitoring centre, partner departments) and tasks without an area are free either way.
enum class OwnAreaRule : uint8_t {
  kFree = 0,       // no restriction
  kRequired = 1,   // an inspector with an area group inspects only entities of that group
  kForbidden = 2,  // an inspector never inspects entities of their own group
};
absl::string_view OwnAreaRuleName(OwnAreaRule rule);  // "free", "required", "forbidden"
// Reads "free", "required" or "forbidden"; InvalidArgument naming the accepted values otherwise.
absl::StatusOr<OwnAreaRule> ParseOwnAreaRule(absl::string_view text);

struct TeamRules {
  // Bureau inspectors per on-site team (Administrative Penalty Law 2021, art. 42: at least two). A team
  // grows beyond it only when the task's items need more distinct specialties, or an internal joint team
  // needs both its places from two units as well as specialties (docs/teams.md, "Team places").
  int min_team_size = 2;
  // Staff per off-site (非现场, positive-list) task. Default 1: off-site supervision is a desk review of
  // online monitoring data and records, not an on-site inspection under art. 42; anything it finds is
  // followed up on site by a full team.
  int offsite_team_size = 1;
  // Internal units whose staff take the off-site tasks — and only they take them. Their staff may still
  // serve on on-site teams (e.g. the monitoring centre joining the brigade for an internal joint visit).
  std::vector<std::string> offsite_units = {"monitoring"};
  // Tasks per period for an inspector whose max_load is not set.
  int default_max_load = 30;
  // Nobody inspects an entity they inspected in any of this many periods before the plan's (0: no rule).
  int rotation_window_periods = 4;
  OwnAreaRule own_area = OwnAreaRule::kFree;
  // When true, every specialty an item of the task requires (Item::required_specialty) is held by at least
  // one bureau member of its team.
  bool skills_by_item = true;
  // Internal joint inspections (内部联合) are at least numerator/denominator of the year's inspections,
  // counted cumulatively with the year's earlier plans (RULES.md §3 rounding: ⌈p × N⌉, at least 1).
  int64_t internal_joint_share_numerator = 30;
  int64_t internal_joint_share_denominator = 100;
  // Inter-department joint inspections (部门联合) in every quarterly plan.
  int department_joints_per_quarter = 1;
  // Pools the policy covers in full (a quota of 100%, e.g. the positive list's off-site supervision every
  // quarter). Their tasks are not random inspections (抽查): the yearly internal joint share counts neither
  // for nor against them (see IsRandomInspection). TeamRulesFromPolicy fills it from the policy's quotas.
  std::vector<Pool> full_coverage_pools = {Pool::kPositive};

  friend bool operator==(const TeamRules& a, const TeamRules& b);
  friend bool operator!=(const TeamRules& a, const TeamRules& b) { return !(a == b); }
};

// Whether `task` is a random inspection (抽查) — the inspections "内部联合抽查数量占抽查总数量的比例" is
// counted over: a task whose pool is not in rules.full_coverage_pools. The one definition of that
// denominator (and numerator): the team draw's yearly internal joint share and the compliance check's
// Q-JOINT-INTERNAL and Q-CREDIT both call it (docs/teams.md, docs/check.md). Pure; thread-safe.
bool IsRandomInspection(const TeamRules& rules, const Task& task);

// OK, or InvalidArgument naming the first field out of range: min_team_size below 2 (art. 42),
// offsite_team_size below 1, a negative default_max_load, rotation window or department count, a share
// denominator of 0 or less, a numerator outside 0..denominator, or "excluded" among full_coverage_pools.
absl::Status ValidateTeamRules(const TeamRules& rules);

}  // namespace ssr

#endif  // SSRANDOM_TEAM_RULES_H_
