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
#include "io/csv.h"
#include "io/json_fields.h"
#include "io/json_writer.h"
#include "nlohmann/json.hpp"
#include "ssrandom/digest.h"

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

// plan.csv, written row by row into a caller's buffer: ToCsv() builds the whole text, Digest() streams it.
constexpr size_t kCsvHeaderBytes = 160;
constexpr size_t kCsvRowBytesEstimate = 256;  // a typical row is 200-250 bytes; only a reservation
constexpr size_t kDigestChunkBytes = size_t{1} << 16;
constexpr size_t kJsonTaskBytesEstimate = 640;  // a task of plan.json with two items; only a reservation

void AppendCsvHeader(std::string* out) {
  internal::AppendCsvRow(
      out, {"task_id", "entity_id", "entity_name", "uscc", "area", "class", "pool", "credit_class", "stratum",
            "ticket", "method", "items", "credit_based", "team", "joint", "partner_department"});
}

// Reused between rows, so joining the item and team lists allocates only while the lists grow.
struct CsvRowScratch {
  std::string items;
  std::string team;
};

void JoinInto(const std::vector<std::string>& values, std::string* out) {
  out->clear();
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out->push_back(';');
    out->append(values[i]);
  }
}

// One task's row; with `without_teams`, the row of the task with its team, joint type and partner
// department cleared (UnstaffedPlanDigest), without copying the task.
void AppendCsvTask(const Task& t, CsvRowScratch* scratch, std::string* out, bool without_teams = false) {
  JoinInto(t.items, &scratch->items);
  if (without_teams) {
    scratch->team.clear();
  } else {
    JoinInto(t.team, &scratch->team);
  }
  internal::AppendCsvRow(
      out, {t.id, t.entity_id, t.entity_name, t.uscc, t.area, SupervisionClassName(t.supervision_class),
            PoolName(t.pool), t.credit_class, t.stratum, t.ticket, InspectionMethodName(t.method),
            scratch->items, t.credit_based ? "true" : "false", scratch->team,
            JointTypeName(without_teams ? JointType::kNone : t.joint),
            without_teams ? absl::string_view() : absl::string_view(t.partner_department)});
}

// Canonical form (docs/draw.md): a format line, the header fields as one CSV row, then plan.csv exactly.
// CSV rather than JSON keeps the digest cheap for plans of hundreds of thousands of tasks. The text is
// streamed into the hasher through one reused buffer instead of being built whole (ToCsv() would allocate
// and regrow a string as large as the plan): the same bytes, hashed in pieces.
std::string StreamedDigest(const Plan& plan, bool without_teams) {
  std::string chunk = "ssrandom-plan-v1\n";
  chunk.reserve(kDigestChunkBytes + 4096);
  internal::AppendCsvRow(&chunk, {plan.bureau, plan.period, plan.seed, plan.seed_source, plan.policy_name,
                                  plan.policy_digest, plan.directory_digest});
  AppendCsvHeader(&chunk);
  Sha256Hasher hasher;
  CsvRowScratch scratch;
  for (const Task& t : plan.tasks) {
    AppendCsvTask(t, &scratch, &chunk, without_teams);
    if (chunk.size() >= kDigestChunkBytes) {
      hasher.Update(chunk);
      chunk.clear();
    }
  }
  hasher.Update(chunk);
  return hasher.FinishHex();
}

// plan.json (docs/draw.md), streamed: the same bytes as an nlohmann tree of the plan dumped with indent 2
// (tests/plan_test.cc builds that tree and compares), in an eighth of the time for large plans.
void WritePlanJson(const Plan& plan, std::string* out) {
  internal::JsonWriter json(out, 2);
  json.BeginObject();
  json.Field("format", "ssrandom-plan");
  json.Field("format_version", int64_t{1});
  json.Field("bureau", plan.bureau);
  json.Field("period", plan.period);
  json.Field("seed", plan.seed);
  json.Field("seed_source", plan.seed_source);
  json.Field("policy_name", plan.policy_name);
  json.Field("policy_digest", plan.policy_digest);
  json.Field("directory_digest", plan.directory_digest);
  json.Key("tasks");
  json.BeginArray();
  for (const Task& t : plan.tasks) {
    json.BeginObject();
    json.Field("id", t.id);
    json.Field("entity_id", t.entity_id);
    json.Field("entity_name", t.entity_name);
    json.Field("uscc", t.uscc);
    json.Field("area", t.area);
    json.Field("class", SupervisionClassName(t.supervision_class));
    json.Field("pool", PoolName(t.pool));
    json.Field("credit_class", t.credit_class);
    json.Field("stratum", t.stratum);
    json.Field("ticket", t.ticket);
    json.Field("method", InspectionMethodName(t.method));
    json.Field("items", t.items);
    json.Field("credit_based", t.credit_based);
    json.Field("team", t.team);
    json.Field("joint", JointTypeName(t.joint));
    json.Field("partner_department", t.partner_department);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  out->push_back('\n');
}

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

std::string Plan::ToCsv() const {
  std::string out;
  out.reserve(kCsvHeaderBytes + tasks.size() * kCsvRowBytesEstimate);
  AppendCsvHeader(&out);
  CsvRowScratch scratch;
  for (const Task& t : tasks) AppendCsvTask(t, &scratch, &out);
  return out;
}

std::string Plan::ToJson() const {
  std::string out;
  out.reserve(kCsvHeaderBytes + tasks.size() * kJsonTaskBytesEstimate);
  WritePlanJson(*this, &out);
  return out;
}

std::string Plan::Digest() const { return StreamedDigest(*this, false); }

namespace internal {
std::string PlanDigestWithoutTeams(const Plan& plan) { return StreamedDigest(plan, true); }
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
