// The team draw (ssr::AssignTeams, ssr::VerifyTeamDraw), wrapped by ssrandom.teams. Plans and records cross
// as their JSON text; the rules as a dict with the fields of ssr::TeamRules (own_area as "free",
// "required" or "forbidden"). The GIL is released while drawing and verifying.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "register.h"
#include "ssrandom/assign.h"
#include "ssrandom/policy.h"

namespace py = pybind11;

namespace ssr::bindings {
namespace {

constexpr const char* kRuleKeys[] = {"min_team_size",
                                     "offsite_team_size",
                                     "offsite_units",
                                     "default_max_load",
                                     "rotation_window_periods",
                                     "own_area",
                                     "skills_by_item",
                                     "internal_joint_share_numerator",
                                     "internal_joint_share_denominator",
                                     "department_joints_per_quarter",
                                     "full_coverage_pools"};

template <typename T>
T Field(const py::dict& rules, const char* key, T fallback) {
  if (!rules.contains(key)) return fallback;
  py::handle value = rules[key];
  // bool is an int in Python: accept it only where a bool is meant, and no other type where an int is.
  const bool is_bool = py::isinstance<py::bool_>(value);
  if constexpr (std::is_same_v<T, bool>) {
    if (!is_bool)
      ThrowIfError(absl::InvalidArgumentError(absl::StrCat("team rules: ", key, " must be True or False")));
  } else if constexpr (std::is_integral_v<T>) {
    if (is_bool || !py::isinstance<py::int_>(value)) {
      ThrowIfError(absl::InvalidArgumentError(absl::StrCat("team rules: ", key, " must be a whole number")));
    }
  }
  try {
    return value.cast<T>();
  } catch (const py::cast_error&) {
    ThrowIfError(absl::InvalidArgumentError(absl::StrCat("team rules: ", key, " has the wrong type")));
  }
  return fallback;
}

TeamRules RulesFromDict(const py::dict& rules) {
  for (const auto& item : rules) {
    const std::string key = py::str(item.first);
    if (std::find(std::begin(kRuleKeys), std::end(kRuleKeys), key) == std::end(kRuleKeys)) {
      ThrowIfError(absl::InvalidArgumentError(absl::StrCat(
          "team rules: unknown field '", key, "'; the fields are ", absl::StrJoin(kRuleKeys, ", "))));
    }
  }
  TeamRules r;
  r.min_team_size = Field(rules, "min_team_size", r.min_team_size);
  r.offsite_team_size = Field(rules, "offsite_team_size", r.offsite_team_size);
  if (rules.contains("offsite_units")) {
    py::handle units = rules["offsite_units"];
    if (py::isinstance<py::str>(units)) {
      ThrowIfError(
          absl::InvalidArgumentError("team rules: offsite_units must be a list of unit ids, not one text"));
    }
    r.offsite_units = Field(rules, "offsite_units", r.offsite_units);
  }
  r.default_max_load = Field(rules, "default_max_load", r.default_max_load);
  r.rotation_window_periods = Field(rules, "rotation_window_periods", r.rotation_window_periods);
  if (rules.contains("own_area")) {
    r.own_area = ValueOrThrow(ParseOwnAreaRule(Field<std::string>(rules, "own_area", "free")));
  }
  r.skills_by_item = Field(rules, "skills_by_item", r.skills_by_item);
  r.internal_joint_share_numerator =
      Field(rules, "internal_joint_share_numerator", r.internal_joint_share_numerator);
  r.internal_joint_share_denominator =
      Field(rules, "internal_joint_share_denominator", r.internal_joint_share_denominator);
  r.department_joints_per_quarter =
      Field(rules, "department_joints_per_quarter", r.department_joints_per_quarter);
  if (rules.contains("full_coverage_pools")) {
    if (py::isinstance<py::str>(rules["full_coverage_pools"])) {
      ThrowIfError(absl::InvalidArgumentError(
          "team rules: full_coverage_pools must be a list of pool names, not one text"));
    }
    r.full_coverage_pools.clear();
    for (const std::string& name : Field<std::vector<std::string>>(rules, "full_coverage_pools", {})) {
      absl::StatusOr<Pool> pool = ParsePool(name);
      if (!pool.ok()) {
        ThrowIfError(absl::InvalidArgumentError(
            absl::StrCat("team rules: full_coverage_pools: ", pool.status().message())));
      }
      r.full_coverage_pools.push_back(*pool);
    }
  }
  return r;
}

py::dict RulesToDict(const TeamRules& r) {
  py::dict d;
  d["min_team_size"] = r.min_team_size;
  d["offsite_team_size"] = r.offsite_team_size;
  d["offsite_units"] = r.offsite_units;
  d["default_max_load"] = r.default_max_load;
  d["rotation_window_periods"] = r.rotation_window_periods;
  d["own_area"] = std::string(OwnAreaRuleName(r.own_area));
  d["skills_by_item"] = r.skills_by_item;
  d["internal_joint_share_numerator"] = r.internal_joint_share_numerator;
  d["internal_joint_share_denominator"] = r.internal_joint_share_denominator;
  d["department_joints_per_quarter"] = r.department_joints_per_quarter;
  std::vector<std::string> pools;
  for (Pool pool : r.full_coverage_pools) pools.emplace_back(PoolName(pool));
  d["full_coverage_pools"] = pools;
  return d;
}

AssignRequest Request(const std::vector<std::string>& history_plan_jsons, int threads,
                      const std::string& previous_record_digest) {
  AssignRequest request;
  request.threads = threads;
  request.previous_record_digest = previous_record_digest;
  for (size_t i = 0; i < history_plan_jsons.size(); ++i) {
    request.history.push_back(
        ValueOrThrow(Plan::FromJson(history_plan_jsons[i], absl::StrCat("history[", i, "]"))));
  }
  return request;
}

}  // namespace

void RegisterTeams(py::module_& m) {
  m.def(
      "team_rules_defaults", []() { return RulesToDict(TeamRules()); },
      "The defaults of ssr::TeamRules as a dict (ssrandom.TeamRules mirrors them).");
  m.def(
      "team_rules_from_policy", [](const Policy& policy) { return RulesToDict(TeamRulesFromPolicy(policy)); },
      py::arg("policy"), "ssr::TeamRulesFromPolicy: the team-draw rules a policy sets, as a dict.");
  m.def(
      "assign_teams",
      [](const Bureau& bureau, const std::string& plan_json, const py::dict& rules,
         const std::vector<std::string>& history_plan_jsons, int threads,
         const std::string& previous_record_digest) {
        const TeamRules team_rules = RulesFromDict(rules);
        const Plan plan = ValueOrThrow(Plan::FromJson(plan_json, "plan"));
        const AssignRequest request = Request(history_plan_jsons, threads, previous_record_digest);
        absl::StatusOr<AssignResult> result;
        {
          py::gil_scoped_release release;
          result = AssignTeams(bureau, team_rules, plan, request);
        }
        AssignResult assigned = ValueOrThrow(std::move(result));
        return py::make_tuple(assigned.plan.ToJson(), assigned.record.ToJson(), assigned.record.Digest());
      },
      py::arg("bureau"), py::arg("plan_json"), py::arg("rules") = py::dict(),
      py::arg("history_plan_jsons") = std::vector<std::string>(), py::arg("threads") = 0,
      py::arg("previous_record_digest") = "",
      "Draws every task's team; returns (plan_json, team_record_json, team_record_digest).");
  m.def(
      "verify_teams",
      [](const std::string& record_json, const Bureau& bureau, const std::string& plan_json,
         const py::dict& rules, const std::vector<std::string>& history_plan_jsons, int threads,
         const std::string& previous_record_digest) {
        const TeamDrawRecord record = ValueOrThrow(TeamDrawRecord::FromJson(record_json, "team record"));
        const TeamRules team_rules = RulesFromDict(rules);
        const Plan plan = ValueOrThrow(Plan::FromJson(plan_json, "plan"));
        const AssignRequest request = Request(history_plan_jsons, threads, previous_record_digest);
        absl::Status verified;
        {
          py::gil_scoped_release release;
          verified = VerifyTeamDraw(record, bureau, team_rules, plan, request);
        }
        ThrowIfError(verified);
      },
      py::arg("record_json"), py::arg("bureau"), py::arg("plan_json"), py::arg("rules") = py::dict(),
      py::arg("history_plan_jsons") = std::vector<std::string>(), py::arg("threads") = 0,
      py::arg("previous_record_digest") = "",
      "Recomputes the team draw and raises FailedPreconditionError naming the first difference.");
  m.def(
      "team_record_digest",
      [](const std::string& record_json, const std::string& source) {
        return ValueOrThrow(TeamDrawRecord::FromJson(record_json, source)).Digest();
      },
      py::arg("record_json"), py::arg("source") = "team record",
      "TeamDrawRecord::Digest() of a team record's JSON; InvalidInputError naming the field when malformed.");
  m.def(
      "inspector_directory_digest", [](const Bureau& bureau) { return InspectorDirectoryDigest(bureau); },
      py::arg("bureau"), "ssr::InspectorDirectoryDigest: the canonical digest of the inspector directory.");
}

}  // namespace ssr::bindings
