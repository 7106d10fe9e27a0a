#include "draw/plan_writer.h"

#include <cstddef>
#include <cstdint>
#include <string>

#include "io/csv.h"
#include "io/json_writer.h"
#include "ssrandom/digest.h"

namespace ssr::internal {
namespace {

constexpr size_t kCsvHeaderBytes = 160;
constexpr size_t kCsvRowBytesEstimate = 256;  // a typical row is 200-250 bytes; only a reservation
constexpr size_t kDigestChunkBytes = size_t{1} << 16;
constexpr size_t kJsonTaskBytesEstimate = 640;  // a task of plan.json with two items; only a reservation

void AppendCsvHeader(std::string* out) {
  AppendCsvRow(
      out, {"task_id", "entity_id", "entity_name", "uscc", "area", "class", "pool", "credit_class", "stratum",
            "ticket", "method", "items", "credit_based", "team", "joint", "partner_department"});
}

// Rows are written one after another through one of these: the view's scratch and the joined lists are
// reused, so a row allocates only while they grow.
struct CsvRowWriter {
  TaskScratch scratch;
  std::string items;
  std::string team;

  static void Join(absl::Span<const absl::string_view> values, std::string* out) {
    out->clear();
    for (size_t i = 0; i < values.size(); ++i) {
      if (i > 0) out->push_back(';');
      out->append(values[i].data(), values[i].size());
    }
  }

  // Task `index`'s row; with `without_teams`, the row of the task with its team, joint type and partner
  // department cleared.
  void Append(const TaskSource& tasks, size_t index, bool without_teams, std::string* out) {
    const TaskView t = tasks.View(index, scratch);
    Join(t.items, &items);
    if (without_teams) {
      team.clear();
    } else {
      Join(t.team, &team);
    }
    AppendCsvRow(out, {t.id, t.entity_id, t.entity_name, t.uscc, t.area,
                       SupervisionClassName(t.supervision_class), PoolName(t.pool), t.credit_class, t.stratum,
                       t.ticket, InspectionMethodName(t.method), items, t.credit_based ? "true" : "false",
                       team, JointTypeName(without_teams ? JointType::kNone : t.joint),
                       without_teams ? absl::string_view() : t.partner_department});
  }
};

}  // namespace

std::string PlanCsv(const Plan& /*header*/, const TaskSource& tasks) {
  std::string out;
  out.reserve(kCsvHeaderBytes + tasks.size() * kCsvRowBytesEstimate);
  AppendCsvHeader(&out);
  CsvRowWriter rows;
  for (size_t i = 0; i < tasks.size(); ++i) rows.Append(tasks, i, false, &out);
  return out;
}

// Canonical form (docs/draw.md): a format line, the header fields as one CSV row, then plan.csv exactly.
// CSV rather than JSON keeps the digest cheap for plans of millions of tasks. The text is streamed into the
// hasher through one reused buffer instead of being built whole (PlanCsv would allocate and regrow a string
// as large as the plan): the same bytes, hashed in pieces.
std::string PlanDigest(const Plan& header, const TaskSource& tasks, bool without_teams) {
  std::string chunk = "ssrandom-plan-v1\n";
  chunk.reserve(kDigestChunkBytes + 4096);
  AppendCsvRow(&chunk, {header.bureau, header.period, header.seed, header.seed_source, header.policy_name,
                        header.policy_digest, header.directory_digest});
  AppendCsvHeader(&chunk);
  Sha256Hasher hasher;
  CsvRowWriter rows;
  for (size_t i = 0; i < tasks.size(); ++i) {
    rows.Append(tasks, i, without_teams, &chunk);
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
std::string PlanJson(const Plan& header, const TaskSource& tasks) {
  std::string out;
  out.reserve(kCsvHeaderBytes + tasks.size() * kJsonTaskBytesEstimate);
  JsonWriter json(&out, 2);
  json.BeginObject();
  json.Field("format", "ssrandom-plan");
  json.Field("format_version", int64_t{1});
  json.Field("bureau", header.bureau);
  json.Field("period", header.period);
  json.Field("seed", header.seed);
  json.Field("seed_source", header.seed_source);
  json.Field("policy_name", header.policy_name);
  json.Field("policy_digest", header.policy_digest);
  json.Field("directory_digest", header.directory_digest);
  json.Key("tasks");
  json.BeginArray();
  TaskScratch scratch;
  for (size_t i = 0; i < tasks.size(); ++i) {
    const TaskView t = tasks.View(i, scratch);
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
  out.push_back('\n');
  return out;
}

}  // namespace ssr::internal
