// C ABI: team rules, the team draw and team records.
#include <limits>
#include <memory>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "capi/capi_internal.h"

using ssr::capi::Buffer;
using ssr::capi::CheckIndex;
using ssr::capi::Get;
using ssr::capi::NewString;
using ssr::capi::NotNull;
using ssr::capi::OutHandle;
using ssr::capi::Run;
using ssr::capi::Text;
using ssr::capi::ThrowArgument;
using ssr::capi::Value;

namespace ssr::capi {
namespace {

enum class KeyType { kInt, kString };

// The name and type of a team-rule key; throws for an unknown key.
struct KeyInfo {
  const char* name;
  KeyType type;
};
KeyInfo TeamRuleKey(ssr_team_rule key) {
  switch (key) {
    case SSR_TEAM_RULE_MIN_TEAM_SIZE:
      return {"SSR_TEAM_RULE_MIN_TEAM_SIZE", KeyType::kInt};
    case SSR_TEAM_RULE_OFFSITE_TEAM_SIZE:
      return {"SSR_TEAM_RULE_OFFSITE_TEAM_SIZE", KeyType::kInt};
    case SSR_TEAM_RULE_OFFSITE_UNITS:
      return {"SSR_TEAM_RULE_OFFSITE_UNITS", KeyType::kString};
    case SSR_TEAM_RULE_DEFAULT_MAX_LOAD:
      return {"SSR_TEAM_RULE_DEFAULT_MAX_LOAD", KeyType::kInt};
    case SSR_TEAM_RULE_ROTATION_WINDOW_PERIODS:
      return {"SSR_TEAM_RULE_ROTATION_WINDOW_PERIODS", KeyType::kInt};
    case SSR_TEAM_RULE_OWN_AREA:
      return {"SSR_TEAM_RULE_OWN_AREA", KeyType::kString};
    case SSR_TEAM_RULE_SKILLS_BY_ITEM:
      return {"SSR_TEAM_RULE_SKILLS_BY_ITEM", KeyType::kInt};
    case SSR_TEAM_RULE_INTERNAL_JOINT_SHARE_NUMERATOR:
      return {"SSR_TEAM_RULE_INTERNAL_JOINT_SHARE_NUMERATOR", KeyType::kInt};
    case SSR_TEAM_RULE_INTERNAL_JOINT_SHARE_DENOMINATOR:
      return {"SSR_TEAM_RULE_INTERNAL_JOINT_SHARE_DENOMINATOR", KeyType::kInt};
    case SSR_TEAM_RULE_DEPARTMENT_JOINTS_PER_QUARTER:
      return {"SSR_TEAM_RULE_DEPARTMENT_JOINTS_PER_QUARTER", KeyType::kInt};
    case SSR_TEAM_RULE_FORCE_INT:
      break;
  }
  ThrowArgument(absl::StrCat("unknown team rule ", static_cast<int>(key)));
}

void RequireType(ssr_team_rule key, KeyType type) {
  KeyInfo info = TeamRuleKey(key);
  if (info.type == type) return;
  ThrowArgument(
      absl::StrCat(info.name, info.type == KeyType::kInt
                                  ? " is an int rule: use ssr_team_rules_set_int / _get_int"
                                  : " is a string rule: use ssr_team_rules_set_string / _get_string"));
}

// An int field of TeamRules, for the int keys.
template <typename Rules>
auto& IntField(Rules& rules, ssr_team_rule key) {
  switch (key) {
    case SSR_TEAM_RULE_MIN_TEAM_SIZE:
      return rules.min_team_size;
    case SSR_TEAM_RULE_OFFSITE_TEAM_SIZE:
      return rules.offsite_team_size;
    case SSR_TEAM_RULE_DEFAULT_MAX_LOAD:
      return rules.default_max_load;
    case SSR_TEAM_RULE_ROTATION_WINDOW_PERIODS:
      return rules.rotation_window_periods;
    case SSR_TEAM_RULE_DEPARTMENT_JOINTS_PER_QUARTER:
      return rules.department_joints_per_quarter;
    default:
      ThrowArgument(absl::StrCat("team rule ", static_cast<int>(key), " is not an int field"));
  }
}

int64_t GetInt(const TeamRules& rules, ssr_team_rule key) {
  RequireType(key, KeyType::kInt);
  switch (key) {
    case SSR_TEAM_RULE_SKILLS_BY_ITEM:
      return rules.skills_by_item ? 1 : 0;
    case SSR_TEAM_RULE_INTERNAL_JOINT_SHARE_NUMERATOR:
      return rules.internal_joint_share_numerator;
    case SSR_TEAM_RULE_INTERNAL_JOINT_SHARE_DENOMINATOR:
      return rules.internal_joint_share_denominator;
    default:
      return IntField(rules, key);
  }
}

void SetInt(TeamRules& rules, ssr_team_rule key, int64_t value) {
  RequireType(key, KeyType::kInt);
  const char* name = TeamRuleKey(key).name;
  switch (key) {
    case SSR_TEAM_RULE_SKILLS_BY_ITEM:
      if (value != 0 && value != 1) ThrowArgument(absl::StrCat(name, " must be 0 or 1, not ", value));
      rules.skills_by_item = value == 1;
      return;
    case SSR_TEAM_RULE_INTERNAL_JOINT_SHARE_NUMERATOR:
      rules.internal_joint_share_numerator = value;
      return;
    case SSR_TEAM_RULE_INTERNAL_JOINT_SHARE_DENOMINATOR:
      rules.internal_joint_share_denominator = value;
      return;
    default:
      if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max()) {
        ThrowArgument(absl::StrCat(name, " = ", value, " is out of range"));
      }
      IntField(rules, key) = static_cast<int>(value);
  }
}

void SetString(TeamRules& rules, ssr_team_rule key, absl::string_view value) {
  RequireType(key, KeyType::kString);
  if (key == SSR_TEAM_RULE_OWN_AREA) {
    rules.own_area = Value(ParseOwnAreaRule(value));
    return;
  }
  std::vector<std::string> units;
  if (!absl::StripAsciiWhitespace(value).empty()) {
    for (absl::string_view unit : absl::StrSplit(value, ';')) {
      unit = absl::StripAsciiWhitespace(unit);
      if (unit.empty()) {
        ThrowArgument(absl::StrCat("SSR_TEAM_RULE_OFFSITE_UNITS '", value,
                                   "' has an empty unit id (separate unit ids by one ';')"));
      }
      units.emplace_back(unit);
    }
  }
  rules.offsite_units = std::move(units);
}

ssr_team_rules* NewRules(TeamRules rules) {
  auto handle = std::make_unique<ssr_team_rules>();
  handle->offsite_units = absl::StrJoin(rules.offsite_units, ";");
  handle->rules = std::move(rules);
  return handle.release();
}

AssignRequest Request(const ssr_draw_options* options) {
  AssignRequest request;
  if (options != nullptr) {
    request.history = options->history;
    request.threads = static_cast<int>(options->threads);
    request.previous_record_digest = options->previous_record_digest;
  }
  return request;
}

const TeamDrawRecord& RecordOf(const ssr_team_record* record) { return NotNull(record, "record")->record; }

const TeamDraw& TeamOf(const ssr_team_record* record, size_t team) {
  const std::vector<TeamDraw>& teams = RecordOf(record).teams;
  CheckIndex(team, teams.size(), "team");
  return teams[team];
}

const SkippedCandidate& SkippedOf(const ssr_team_record* record, size_t team, size_t index) {
  const std::vector<SkippedCandidate>& skipped = TeamOf(record, team).skipped;
  CheckIndex(index, skipped.size(), "skipped candidate");
  return skipped[index];
}

const std::string& MemberOf(const ssr_team_record* record, size_t team, size_t index) {
  const std::vector<std::string>& members = TeamOf(record, team).members;
  CheckIndex(index, members.size(), "member");
  return members[index];
}

}  // namespace
}  // namespace ssr::capi

using ssr::capi::RecordOf;
using ssr::capi::TeamOf;

#define SSR_TEXT_ACCESSOR(function, params, expression)                                            \
  const char* function params {                                                                    \
    return Get(__func__, static_cast<const char*>(nullptr), [&] { return (expression).c_str(); }); \
  }
#define SSR_RECORD_NUMBER(function, type, field)                                                         \
  type function(const ssr_team_record* record) {                                                         \
    return Get(__func__, type{-1}, [&]() -> type { return static_cast<type>(RecordOf(record).field); }); \
  }

extern "C" {

// --- Team rules ----------------------------------------------------------------------------------------

ssr_status ssr_team_rules_create(ssr_team_rules** out) {
  return Run(__func__, [&] {
    OutHandle(out, "out");
    *out = ssr::capi::NewRules(ssr::TeamRules());
  });
}

ssr_status ssr_team_rules_from_policy(const ssr_policy* policy, ssr_team_rules** out) {
  return Run(__func__, [&] {
    OutHandle(out, "out");
    NotNull(policy, "policy");
    *out = ssr::capi::NewRules(ssr::TeamRulesFromPolicy(policy->policy));
  });
}

void ssr_team_rules_destroy(ssr_team_rules* rules) { delete rules; }

// Setters change a copy, validate the whole of it, and commit it with non-throwing moves.
ssr_status ssr_team_rules_set_int(ssr_team_rules* rules, ssr_team_rule key, int64_t value) {
  return Run(__func__, [&] {
    NotNull(rules, "rules");
    ssr::TeamRules changed = rules->rules;
    ssr::capi::SetInt(changed, key, value);
    ssr::capi::Check(ssr::ValidateTeamRules(changed));
    rules->rules = std::move(changed);
  });
}

ssr_status ssr_team_rules_set_string(ssr_team_rules* rules, ssr_team_rule key, const char* value) {
  return Run(__func__, [&] {
    NotNull(rules, "rules");
    ssr::TeamRules changed = rules->rules;
    ssr::capi::SetString(changed, key, Text(value, "value", true));
    ssr::capi::Check(ssr::ValidateTeamRules(changed));
    std::string units = absl::StrJoin(changed.offsite_units, ";");
    rules->rules = std::move(changed);
    rules->offsite_units.swap(units);
  });
}

ssr_status ssr_team_rules_get_int(const ssr_team_rules* rules, ssr_team_rule key, int64_t* out_value) {
  return Run(__func__, [&] {
    NotNull(rules, "rules");
    NotNull(out_value, "out_value");
    *out_value = ssr::capi::GetInt(rules->rules, key);
  });
}

ssr_status ssr_team_rules_get_string(const ssr_team_rules* rules, ssr_team_rule key, const char** out_value) {
  return Run(__func__, [&] {
    NotNull(rules, "rules");
    NotNull(out_value, "out_value");
    ssr::capi::RequireType(key, ssr::capi::KeyType::kString);
    *out_value = key == SSR_TEAM_RULE_OWN_AREA
                     ? ssr::capi::Interned(ssr::OwnAreaRuleName(rules->rules.own_area))
                     : rules->offsite_units.c_str();
  });
}

// --- The team draw -------------------------------------------------------------------------------------

ssr_status ssr_assign_teams(const ssr_bureau* bureau, const ssr_team_rules* rules, const ssr_plan* plan,
                            const ssr_draw_options* options, ssr_plan** out_plan,
                            ssr_team_record** out_record) {
  return Run(__func__, [&] {
    OutHandle(out_plan, "out_plan");
    OutHandle(out_record, "out_record");
    NotNull(bureau, "bureau");
    NotNull(rules, "rules");
    NotNull(plan, "plan");
    ssr::AssignResult assigned =
        Value(ssr::AssignTeams(bureau->bureau, rules->rules, plan->plan, ssr::capi::Request(options)));
    auto new_plan = std::make_unique<ssr_plan>(ssr_plan{std::move(assigned.plan)});
    auto new_record = std::make_unique<ssr_team_record>(ssr_team_record{std::move(assigned.record)});
    *out_plan = new_plan.release();
    *out_record = new_record.release();
  });
}

// --- Team records --------------------------------------------------------------------------------------

ssr_status ssr_team_record_from_json(const char* data, size_t size, const char* source,
                                     ssr_team_record** out) {
  return Run(__func__, [&] {
    OutHandle(out, "out");
    absl::string_view text = Buffer(data, size, "data");
    *out = new ssr_team_record{
        Value(ssr::TeamDrawRecord::FromJson(text, source == nullptr ? "teams.json" : source))};
  });
}

void ssr_team_record_destroy(ssr_team_record* record) { delete record; }

ssr_status ssr_team_record_to_json(const ssr_team_record* record, char** out_json) {
  return Run(__func__, [&] {
    const ssr::TeamDrawRecord& r = RecordOf(record);
    OutHandle(out_json, "out_json");
    *out_json = NewString(r.ToJson());
  });
}

ssr_status ssr_team_record_digest(const ssr_team_record* record, char* buffer, size_t size) {
  return Run(__func__, [&] { ssr::capi::WriteBuffer(RecordOf(record).Digest(), buffer, size, "buffer"); });
}

ssr_status ssr_team_record_verify(const ssr_team_record* record, const ssr_bureau* bureau,
                                  const ssr_team_rules* rules, const ssr_plan* plan,
                                  const ssr_draw_options* options) {
  return Run(__func__, [&] {
    const ssr::TeamDrawRecord& r = RecordOf(record);
    NotNull(bureau, "bureau");
    NotNull(rules, "rules");
    NotNull(plan, "plan");
    ssr::capi::Check(
        ssr::VerifyTeamDraw(r, bureau->bureau, rules->rules, plan->plan, ssr::capi::Request(options)));
  });
}

ssr_status ssr_team_record_rules(const ssr_team_record* record, ssr_team_rules** out) {
  return Run(__func__, [&] {
    OutHandle(out, "out");
    *out = ssr::capi::NewRules(RecordOf(record).rules);
  });
}

SSR_TEXT_ACCESSOR(ssr_team_record_period, (const ssr_team_record* record), RecordOf(record).period)
SSR_TEXT_ACCESSOR(ssr_team_record_id_space, (const ssr_team_record* record), RecordOf(record).id_space)
SSR_TEXT_ACCESSOR(ssr_team_record_previous_record_digest, (const ssr_team_record* record),
                  RecordOf(record).previous_record_digest)
SSR_TEXT_ACCESSOR(ssr_team_record_plan_digest, (const ssr_team_record* record), RecordOf(record).plan_digest)
SSR_TEXT_ACCESSOR(ssr_team_record_inspector_directory_digest, (const ssr_team_record* record),
                  RecordOf(record).inspector_directory_digest)

SSR_RECORD_NUMBER(ssr_team_record_load_cap_percent, int, load_cap_percent)
SSR_RECORD_NUMBER(ssr_team_record_tasks, int64_t, tasks)
SSR_RECORD_NUMBER(ssr_team_record_internal_joint, int64_t, internal_joint)
SSR_RECORD_NUMBER(ssr_team_record_department_joint, int64_t, department_joint)
SSR_RECORD_NUMBER(ssr_team_record_department_joint_required, int64_t, department_joint_required)
SSR_RECORD_NUMBER(ssr_team_record_year_inspections, int64_t, year_inspections)
SSR_RECORD_NUMBER(ssr_team_record_year_internal_joint, int64_t, year_internal_joint)
SSR_RECORD_NUMBER(ssr_team_record_year_internal_joint_required, int64_t, year_internal_joint_required)
SSR_RECORD_NUMBER(ssr_team_record_workload_min, int64_t, workload.min)
SSR_RECORD_NUMBER(ssr_team_record_workload_max, int64_t, workload.max)
SSR_RECORD_NUMBER(ssr_team_record_workload_inspectors, int64_t, workload.inspectors)

size_t ssr_team_record_team_count(const ssr_team_record* record) {
  return Get(__func__, size_t{0}, [&] { return RecordOf(record).teams.size(); });
}

ssr_status ssr_team_record_find_team(const ssr_team_record* record, const char* task_id, size_t* out_team) {
  return Run(__func__, [&] {
    const std::vector<ssr::TeamDraw>& teams = RecordOf(record).teams;
    absl::string_view id = Text(task_id, "task_id");
    NotNull(out_team, "out_team");
    for (size_t i = 0; i < teams.size(); ++i) {
      if (teams[i].task_id == id) {
        *out_team = i;
        return;
      }
    }
    throw ssr::capi::ApiError{SSR_NOT_FOUND, absl::StrCat("the team record has no team for task '", id, "'")};
  });
}

SSR_TEXT_ACCESSOR(ssr_team_record_team_task_id, (const ssr_team_record* record, size_t team),
                  TeamOf(record, team).task_id)
SSR_TEXT_ACCESSOR(ssr_team_record_team_partner_department, (const ssr_team_record* record, size_t team),
                  TeamOf(record, team).partner_department)

const char* ssr_team_record_team_joint_type(const ssr_team_record* record, size_t team) {
  return Get(__func__, static_cast<const char*>(nullptr),
             [&] { return ssr::capi::Interned(ssr::JointTypeName(TeamOf(record, team).joint)); });
}

size_t ssr_team_record_team_member_count(const ssr_team_record* record, size_t team) {
  return Get(__func__, size_t{0}, [&] { return TeamOf(record, team).members.size(); });
}

SSR_TEXT_ACCESSOR(ssr_team_record_team_member, (const ssr_team_record* record, size_t team, size_t index),
                  ssr::capi::MemberOf(record, team, index))

size_t ssr_team_record_team_skipped_count(const ssr_team_record* record, size_t team) {
  return Get(__func__, size_t{0}, [&] { return TeamOf(record, team).skipped.size(); });
}

SSR_TEXT_ACCESSOR(ssr_team_record_team_skipped_id, (const ssr_team_record* record, size_t team, size_t index),
                  ssr::capi::SkippedOf(record, team, index).inspector_id)
SSR_TEXT_ACCESSOR(ssr_team_record_team_skipped_reason,
                  (const ssr_team_record* record, size_t team, size_t index),
                  ssr::capi::SkippedOf(record, team, index).reason)

}  // extern "C"

#undef SSR_RECORD_NUMBER
#undef SSR_TEXT_ACCESSOR
