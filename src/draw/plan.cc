#include "ssrandom/plan.h"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "draw/plan_digest.h"
#include "draw/plan_writer.h"
#include "io/json_fields.h"
#include "nlohmann/json.hpp"

namespace ssr {
namespace {

constexpr JointType kJointTypes[] = {JointType::kNone, JointType::kInternal, JointType::kDepartment};

template <typename Enum, size_t N>
absl::StatusOr<Enum> ParseNamed(absl::string_view text, const Enum (&values)[N],
                                absl::string_view (*name)(Enum), absl::string_view what) {
  std::vector<std::string> names;
  for (Enum value : values) {
    if (text == name(value)) return value;
    names.emplace_back(name(value));
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown ", what, " '", text, "'; expected one of ", absl::StrJoin(names, ", ")));
}

constexpr InspectionMethod kMethods[] = {InspectionMethod::kOnSite, InspectionMethod::kOffSite,
                                         InspectionMethod::kEither};

}  // namespace

absl::string_view JointTypeName(JointType type) {
  switch (type) {
    case JointType::kInternal:
      return "internal";
    case JointType::kDepartment:
      return "department";
    case JointType::kNone:
      break;
  }
  return "none";
}

absl::string_view JointTypeLabel(JointType type) {
  switch (type) {
    case JointType::kInternal:
      return "内部联合";
    case JointType::kDepartment:
      return "部门联合";
    case JointType::kNone:
      break;
  }
  return "—";
}

absl::StatusOr<JointType> ParseJointType(absl::string_view text) {
  return ParseNamed(text, kJointTypes, &JointTypeName, "joint type");
}

bool operator==(const Task& a, const Task& b) {
  return a.id == b.id && a.entity_id == b.entity_id && a.entity_name == b.entity_name && a.uscc == b.uscc &&
         a.area == b.area && a.supervision_class == b.supervision_class && a.pool == b.pool &&
         a.credit_class == b.credit_class && a.stratum == b.stratum && a.ticket == b.ticket &&
         a.method == b.method && a.items == b.items && a.credit_based == b.credit_based && a.team == b.team &&
         a.joint == b.joint && a.partner_department == b.partner_department;
}

bool operator==(const Plan& a, const Plan& b) {
  return a.bureau == b.bureau && a.period == b.period && a.seed == b.seed && a.seed_source == b.seed_source &&
         a.policy_name == b.policy_name && a.policy_digest == b.policy_digest &&
         a.directory_digest == b.directory_digest && a.tasks == b.tasks;
}

const Task* Plan::FindEntity(absl::string_view entity_id) const {
  for (const Task& task : tasks) {
    if (task.entity_id == entity_id) return &task;
  }
  return nullptr;
}

std::string Plan::ToCsv() const { return internal::PlanCsv(*this, internal::TasksOfPlan(tasks)); }

std::string Plan::ToJson() const { return internal::PlanJson(*this, internal::TasksOfPlan(tasks)); }

std::string Plan::Digest() const {
  return internal::PlanDigest(*this, internal::TasksOfPlan(tasks), false, 1);
}

namespace internal {
std::string PlanDigestWithoutTeams(const Plan& plan) {
  return PlanDigest(plan, TasksOfPlan(plan.tasks), true, 1);
}
}  // namespace internal

absl::StatusOr<Plan> Plan::FromJson(absl::string_view text, absl::string_view source) {
  nlohmann::json json;
  if (absl::Status s = internal::ParseJsonObject(text, source, &json); !s.ok()) return s;
  absl::Status error;
  internal::JsonFields top(json, std::string(source), &error);
  if (top.String("format") != "ssrandom-plan" && error.ok()) top.Fail("format", "expected \"ssrandom-plan\"");
  if (top.Integer("format_version") != 1 && error.ok()) {
    top.Fail("format_version", "this library reads plan format version 1");
  }
  Plan plan;
  plan.bureau = top.String("bureau");
  plan.period = top.String("period");
  plan.seed = top.String("seed");
  plan.seed_source = top.String("seed_source");
  plan.policy_name = top.String("policy_name");
  plan.policy_digest = top.String("policy_digest");
  plan.directory_digest = top.String("directory_digest");
  const nlohmann::json& tasks = top.Array("tasks");
  for (size_t i = 0; i < tasks.size() && error.ok(); ++i) {
    internal::JsonFields f(tasks[i], absl::StrCat(source, ": tasks[", i, "]"), &error);
    Task t;
    t.id = f.String("id");
    t.entity_id = f.String("entity_id");
    t.entity_name = f.String("entity_name", false);
    t.uscc = f.String("uscc", false);
    t.area = f.String("area", false);
    std::string cls = f.String("class");
    std::string pool = f.String("pool");
    t.credit_class = f.String("credit_class", false);
    t.stratum = f.String("stratum");
    t.ticket = f.String("ticket");
    std::string method = f.String("method");
    t.items = f.StringList("items", false);
    t.credit_based = f.Boolean("credit_based", false);
    t.team = f.StringList("team", false);
    std::string joint = f.String("joint", false);
    t.partner_department = f.String("partner_department", false);
    if (!error.ok()) break;
    auto parsed_class = ParseSupervisionClass(cls);
    auto parsed_pool = ParsePool(pool);
    auto parsed_method = ParseNamed(method, kMethods, &InspectionMethodName, "method");
    auto parsed_joint = joint.empty() ? absl::StatusOr<JointType>(JointType::kNone) : ParseJointType(joint);
    for (const auto& [key, status] :
         {std::pair<absl::string_view, absl::Status>{"class", parsed_class.status()},
          {"pool", parsed_pool.status()},
          {"method", parsed_method.status()},
          {"joint", parsed_joint.status()}}) {
      if (!status.ok()) f.Fail(key, status.message());
    }
    if (!error.ok()) break;
    t.supervision_class = *parsed_class;
    t.pool = *parsed_pool;
    t.method = *parsed_method;
    t.joint = *parsed_joint;
    plan.tasks.push_back(std::move(t));
  }
  if (!error.ok()) return error;
  return plan;
}

}  // namespace ssr
