#include <cmath>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "io/json_fields.h"
#include "nlohmann/json.hpp"
#include "ssrandom/assign.h"
#include "ssrandom/digest.h"
#include "ssrandom/record.h"

namespace ssr {
namespace {

nlohmann::ordered_json RulesJson(const TeamRules& r) {
  std::vector<std::string> pools;
  for (Pool pool : r.full_coverage_pools) pools.emplace_back(PoolName(pool));
  return {{"min_team_size", r.min_team_size},
          {"offsite_team_size", r.offsite_team_size},
          {"offsite_units", r.offsite_units},
          {"default_max_load", r.default_max_load},
          {"rotation_window_periods", r.rotation_window_periods},
          {"own_area", OwnAreaRuleName(r.own_area)},
          {"skills_by_item", r.skills_by_item},
          {"internal_joint_share_numerator", r.internal_joint_share_numerator},
          {"internal_joint_share_denominator", r.internal_joint_share_denominator},
          {"department_joints_per_quarter", r.department_joints_per_quarter},
          {"full_coverage_pools", pools}};
}

int SmallInt(internal::JsonFields& f, absl::string_view key) {
  const int64_t value = f.Integer(key);
  if (value < -(int64_t{1} << 31) || value >= (int64_t{1} << 31)) {
    f.Fail(key, "out of range");
    return 0;
  }
  return static_cast<int>(value);
}

}  // namespace

bool operator==(const TeamDraw& a, const TeamDraw& b) {
  return a.task_id == b.task_id && a.members == b.members && a.skipped == b.skipped && a.joint == b.joint &&
         a.partner_department == b.partner_department;
}

bool operator==(const TeamDrawRecord& a, const TeamDrawRecord& b) {
  return a.id_space == b.id_space && a.period == b.period &&
         a.previous_record_digest == b.previous_record_digest && a.plan_digest == b.plan_digest &&
         a.inspector_directory_digest == b.inspector_directory_digest &&
         a.inspector_directory_size == b.inspector_directory_size && a.history == b.history &&
         a.rules == b.rules && a.load_cap_percent == b.load_cap_percent && a.teams == b.teams &&
         a.internal_joint == b.internal_joint && a.department_joint == b.department_joint &&
         a.tasks == b.tasks && a.year_inspections == b.year_inspections &&
         a.year_internal_joint == b.year_internal_joint &&
         a.year_internal_joint_required == b.year_internal_joint_required &&
         a.department_joint_required == b.department_joint_required && a.workload == b.workload;
}

namespace {

nlohmann::ordered_json RecordJson(const TeamDrawRecord& r) {
  const auto& teams = r.teams;
  nlohmann::ordered_json history_json = nlohmann::ordered_json::array();
  for (const HistoryEntry& h : r.history) {
    history_json.push_back({{"period", h.period}, {"plan_digest", h.plan_digest}});
  }
  nlohmann::ordered_json teams_json = nlohmann::ordered_json::array();
  for (const TeamDraw& team : teams) {
    nlohmann::ordered_json skipped_json = nlohmann::ordered_json::array();
    for (const SkippedCandidate& s : team.skipped) {
      skipped_json.push_back({{"inspector_id", s.inspector_id}, {"reason", s.reason}});
    }
    teams_json.push_back({{"task_id", team.task_id},
                          {"joint", JointTypeName(team.joint)},
                          {"partner_department", team.partner_department},
                          {"members", team.members},
                          {"skipped", skipped_json}});
  }
  nlohmann::ordered_json json = {
      {"format", kTeamRecordFormat},
      {"format_version", kTeamRecordFormatVersion},
      {"algorithm", kDrawAlgorithmName},
      {"algorithm_version", kDrawAlgorithmVersion},
      {"id_space", r.id_space},
      {"department_joint_id_space", kDepartmentJointIdSpace},
      {"internal_joint_id_space", kInternalJointIdSpace},
      {"period", r.period},
      {"previous_record_digest", r.previous_record_digest},
      {"plan_digest", r.plan_digest},
      {"inspector_directory",
       {{"digest", r.inspector_directory_digest}, {"size", r.inspector_directory_size}}},
      {"history", history_json},
      {"rules", RulesJson(r.rules)},
      {"load_cap_percent", r.load_cap_percent},
      {"tasks", r.tasks},
      {"internal_joint", r.internal_joint},
      {"department_joint", r.department_joint},
      {"department_joint_required", r.department_joint_required},
      {"year_inspections", r.year_inspections},
      {"year_internal_joint", r.year_internal_joint},
      {"year_internal_joint_required", r.year_internal_joint_required},
      {"workload",
       {{"min", r.workload.min},
        {"max", r.workload.max},
        {"stddev", r.workload.stddev},
        {"inspectors", r.workload.inspectors}}},
      {"teams", teams_json}};
  return json;
}

}  // namespace

std::string TeamDrawRecord::ToJson() const {
  return RecordJson(*this).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string TeamDrawRecord::Digest() const {
  // nlohmann::json (not ordered_json) sorts the keys: the canonical form of docs/teams.md.
  return Sha256Hex(
      nlohmann::json(RecordJson(*this)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

absl::StatusOr<TeamDrawRecord> TeamDrawRecord::FromJson(absl::string_view text, absl::string_view source) {
  nlohmann::json json;
  if (absl::Status s = internal::ParseJsonObject(text, source, &json); !s.ok()) return s;
  absl::Status error;
  internal::JsonFields top(json, std::string(source), &error);
  if (top.String("format") != kTeamRecordFormat && error.ok()) {
    top.Fail("format", absl::StrCat("expected \"", kTeamRecordFormat, "\""));
  }
  if (top.Integer("format_version") != kTeamRecordFormatVersion && error.ok()) {
    top.Fail("format_version",
             absl::StrCat("this library reads team record format version ", kTeamRecordFormatVersion));
  }
  if (top.String("algorithm") != kDrawAlgorithmName && error.ok()) {
    top.Fail("algorithm", absl::StrCat("this library knows only \"", kDrawAlgorithmName, "\""));
  }
  if (top.Integer("algorithm_version") != kDrawAlgorithmVersion && error.ok()) {
    top.Fail("algorithm_version", absl::StrCat("this library knows only version ", kDrawAlgorithmVersion));
  }
  TeamDrawRecord record;
  record.id_space = top.String("id_space");
  if (record.id_space != kTeamIdSpace && error.ok()) {
    top.Fail("id_space", absl::StrCat("expected \"", kTeamIdSpace, "\""));
  }
  if (top.String("department_joint_id_space") != kDepartmentJointIdSpace && error.ok()) {
    top.Fail("department_joint_id_space", absl::StrCat("expected \"", kDepartmentJointIdSpace, "\""));
  }
  if (top.String("internal_joint_id_space") != kInternalJointIdSpace && error.ok()) {
    top.Fail("internal_joint_id_space", absl::StrCat("expected \"", kInternalJointIdSpace, "\""));
  }
  record.period = top.String("period");
  record.previous_record_digest = top.String("previous_record_digest", false);
  record.plan_digest = top.String("plan_digest");
  if (error.ok()) {
    auto it = json.find("inspector_directory");
    if (it == json.end() || !it->is_object()) {
      top.Fail("inspector_directory", "expected a JSON object");
    } else {
      internal::JsonFields d(*it, absl::StrCat(source, ".inspector_directory"), &error);
      record.inspector_directory_digest = d.String("digest");
      record.inspector_directory_size = d.Integer("size");
      d.NoOtherKeys();
    }
  }
  const nlohmann::json& history = top.Array("history");
  for (size_t i = 0; i < history.size() && error.ok(); ++i) {
    internal::JsonFields h(history[i], absl::StrCat(source, ": history[", i, "]"), &error);
    HistoryEntry entry;
    entry.period = h.String("period");
    entry.plan_digest = h.String("plan_digest");
    h.NoOtherKeys();
    record.history.push_back(std::move(entry));
  }
  if (error.ok()) {
    auto it = json.find("rules");
    if (it == json.end() || !it->is_object()) {
      top.Fail("rules", "expected a JSON object");
    } else {
      internal::JsonFields r(*it, absl::StrCat(source, ".rules"), &error);
      TeamRules& rules = record.rules;
      rules.min_team_size = SmallInt(r, "min_team_size");
      rules.offsite_team_size = SmallInt(r, "offsite_team_size");
      rules.offsite_units = r.StringList("offsite_units");
      rules.default_max_load = SmallInt(r, "default_max_load");
      rules.rotation_window_periods = SmallInt(r, "rotation_window_periods");
      std::string own_area = r.String("own_area");
      rules.skills_by_item = r.Boolean("skills_by_item");
      rules.internal_joint_share_numerator = r.Integer("internal_joint_share_numerator");
      rules.internal_joint_share_denominator = r.Integer("internal_joint_share_denominator");
      rules.department_joints_per_quarter = SmallInt(r, "department_joints_per_quarter");
      std::vector<std::string> pools = r.StringList("full_coverage_pools");
      r.NoOtherKeys();
      rules.full_coverage_pools.clear();
      for (const std::string& name : pools) {
        if (!error.ok()) break;
        absl::StatusOr<Pool> pool = ParsePool(name);
        if (pool.ok()) {
          rules.full_coverage_pools.push_back(*pool);
        } else {
          r.Fail("full_coverage_pools", pool.status().message());
        }
      }
      if (error.ok()) {
        absl::StatusOr<OwnAreaRule> parsed = ParseOwnAreaRule(own_area);
        if (parsed.ok()) {
          rules.own_area = *parsed;
        } else {
          r.Fail("own_area", parsed.status().message());
        }
      }
    }
  }
  record.load_cap_percent = SmallInt(top, "load_cap_percent");
  record.tasks = top.Integer("tasks");
  record.internal_joint = top.Integer("internal_joint");
  record.department_joint = top.Integer("department_joint");
  record.department_joint_required = top.Integer("department_joint_required");
  record.year_inspections = top.Integer("year_inspections");
  record.year_internal_joint = top.Integer("year_internal_joint");
  record.year_internal_joint_required = top.Integer("year_internal_joint_required");
  if (error.ok()) {
    auto it = json.find("workload");
    if (it == json.end() || !it->is_object()) {
      top.Fail("workload", "expected a JSON object");
    } else {
      internal::JsonFields w(*it, absl::StrCat(source, ".workload"), &error);
      record.workload.min = SmallInt(w, "min");
      record.workload.max = SmallInt(w, "max");
      record.workload.inspectors = SmallInt(w, "inspectors");
      auto sd = it->find("stddev");
      if (sd == it->end() || !sd->is_number()) {
        w.Fail("stddev", "expected a number");
      } else {
        record.workload.stddev = sd->get<double>();
      }
      w.NoOtherKeys({"stddev"});
    }
  }
  const nlohmann::json& teams = top.Array("teams");
  for (size_t i = 0; i < teams.size() && error.ok(); ++i) {
    internal::JsonFields f(teams[i], absl::StrCat(source, ": teams[", i, "]"), &error);
    TeamDraw team;
    team.task_id = f.String("task_id");
    std::string joint = f.String("joint");
    team.partner_department = f.String("partner_department", false);
    team.members = f.StringList("members");
    const nlohmann::json& skipped = f.Array("skipped");
    f.NoOtherKeys();
    for (size_t j = 0; j < skipped.size() && error.ok(); ++j) {
      internal::JsonFields s(skipped[j], absl::StrCat(source, ": teams[", i, "].skipped[", j, "]"), &error);
      SkippedCandidate candidate;
      candidate.inspector_id = s.String("inspector_id");
      candidate.reason = s.String("reason");
      s.NoOtherKeys();
      team.skipped.push_back(std::move(candidate));
    }
    if (!error.ok()) break;
    absl::StatusOr<JointType> parsed = ParseJointType(joint);
    if (!parsed.ok()) {
      f.Fail("joint", parsed.status().message());
      break;
    }
    team.joint = *parsed;
    record.teams.push_back(std::move(team));
  }
  top.NoOtherKeys({"inspector_directory", "rules", "workload"});
  if (!error.ok()) return error;
  return record;
}

}  // namespace ssr
