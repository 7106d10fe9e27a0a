#include "ssrandom/team_rules.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace ssr {

absl::string_view OwnAreaRuleName(OwnAreaRule rule) {
  switch (rule) {
    case OwnAreaRule::kRequired:
      return "required";
    case OwnAreaRule::kForbidden:
      return "forbidden";
    case OwnAreaRule::kFree:
      break;
  }
  return "free";
}

absl::StatusOr<OwnAreaRule> ParseOwnAreaRule(absl::string_view text) {
  for (OwnAreaRule rule : {OwnAreaRule::kFree, OwnAreaRule::kRequired, OwnAreaRule::kForbidden}) {
    if (text == OwnAreaRuleName(rule)) return rule;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown own-area rule '", text, "'; expected one of free, required, forbidden"));
}

bool operator==(const TeamRules& a, const TeamRules& b) {
  return a.min_team_size == b.min_team_size && a.offsite_team_size == b.offsite_team_size &&
         a.offsite_units == b.offsite_units && a.default_max_load == b.default_max_load &&
         a.rotation_window_periods == b.rotation_window_periods && a.own_area == b.own_area &&
         a.skills_by_item == b.skills_by_item &&
         a.internal_joint_share_numerator == b.internal_joint_share_numerator &&
         a.internal_joint_share_denominator == b.internal_joint_share_denominator &&
         a.department_joints_per_quarter == b.department_joints_per_quarter &&
         a.full_coverage_pools == b.full_coverage_pools;
}

bool IsRandomInspection(const TeamRules& rules, const Task& task) {
  return std::find(rules.full_coverage_pools.begin(), rules.full_coverage_pools.end(), task.pool) ==
         rules.full_coverage_pools.end();
}

absl::Status ValidateTeamRules(const TeamRules& rules) {
  auto invalid = [](absl::string_view field, auto value, absl::string_view why) {
    return absl::InvalidArgumentError(absl::StrCat("team rules: ", field, " = ", value, ": ", why));
  };
  if (rules.min_team_size < 2) {
    return invalid(
        "min_team_size", rules.min_team_size,
        "an on-site team needs at least 2 certified inspectors (Administrative Penalty Law art. 42)");
  }
  if (rules.offsite_team_size < 1)
    return invalid("offsite_team_size", rules.offsite_team_size, "must be at least 1");
  if (rules.default_max_load < 0)
    return invalid("default_max_load", rules.default_max_load, "must not be negative");
  if (rules.rotation_window_periods < 0) {
    return invalid("rotation_window_periods", rules.rotation_window_periods, "must not be negative");
  }
  if (rules.internal_joint_share_denominator <= 0) {
    return invalid("internal_joint_share_denominator", rules.internal_joint_share_denominator,
                   "must be positive");
  }
  if (rules.internal_joint_share_numerator < 0 ||
      rules.internal_joint_share_numerator > rules.internal_joint_share_denominator) {
    return invalid(
        "internal_joint_share_numerator", rules.internal_joint_share_numerator,
        absl::StrCat("must be between 0 and the denominator ", rules.internal_joint_share_denominator));
  }
  if (rules.department_joints_per_quarter < 0) {
    return invalid("department_joints_per_quarter", rules.department_joints_per_quarter,
                   "must not be negative");
  }
  for (Pool pool : rules.full_coverage_pools) {
    if (pool == Pool::kExcluded) {
      return absl::InvalidArgumentError(
          "team rules: full_coverage_pools holds \"excluded\", which is no pool a plan draws from");
    }
  }
  for (const std::string& unit : rules.offsite_units) {
    if (unit.empty()) return absl::InvalidArgumentError("team rules: offsite_units holds an empty unit id");
  }
  return absl::OkStatus();
}

}  // namespace ssr
