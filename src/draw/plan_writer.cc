#include "draw/plan_writer.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "io/csv.h"
#include "io/json_writer.h"
#include "parallel/run_parts.h"
#include "ssrandom/digest.h"

namespace ssr::internal {
namespace {

constexpr size_t kCsvHeaderBytes = 160;
constexpr size_t kCsvRowBytesEstimate = 256;  // a typical row is 200-250 bytes; only a reservation
// Tasks written by one thread between two hashings: about 1 MB of rows, so that starting the threads of a
// batch is cheap beside it.
constexpr size_t kDigestTasksPerPart = 4096;
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
// CSV rather than JSON keeps the digest cheap for plans of millions of tasks. The text is hashed in batches
// instead of being built whole (PlanCsv would allocate and regrow a string as large as the plan): the same
// bytes, hashed in pieces.
//
// SHA-256 is one stream by definition, but writing the rows costs about twice what hashing them does. With
// several threads, each batch's rows are written in parts on the threads while the calling thread (part 0)
// first hashes the batch before and then writes a smaller share of this one: both cores stay busy.
std::string PlanDigest(const Plan& header, const TaskSource& tasks, bool without_teams, int threads) {
  std::string head = "ssrandom-plan-v1\n";
  AppendCsvRow(&head, {header.bureau, header.period, header.seed, header.seed_source, header.policy_name,
                       header.policy_digest, header.directory_digest});
  AppendCsvHeader(&head);
  Sha256Hasher hasher;
  hasher.Update(head);
  const size_t count = tasks.size();
  const int parts = PartsFor(count, threads, kDigestTasksPerPart);
  // Part 0 writes one share of a batch, every other part kOtherPartShares.
  constexpr size_t kOtherPartShares = 3;
  const size_t shares = 1 + kOtherPartShares * static_cast<size_t>(parts - 1);
  const auto part_begin = [&](size_t tasks_in_batch, int part) {
    const size_t shares_before = part == 0 ? 0 : 1 + kOtherPartShares * static_cast<size_t>(part - 1);
    return tasks_in_batch * shares_before / shares;
  };
  // Two sets of texts: one batch's being written while the one before is hashed.
  std::vector<std::string> texts[2];
  for (std::vector<std::string>& set : texts) set.resize(static_cast<size_t>(parts));
  std::vector<CsvRowWriter> writers(static_cast<size_t>(parts));
  const size_t batch = kDigestTasksPerPart * static_cast<size_t>(parts);
  const auto hash = [&hasher](const std::vector<std::string>& set) {
    for (const std::string& text : set) hasher.Update(text);
  };
  size_t batches = 0;
  for (size_t first = 0; first < count; first += batch, ++batches) {
    const size_t tasks_in_batch = std::min(batch, count - first);
    std::vector<std::string>& current = texts[batches % 2];
    const std::vector<std::string>& previous = texts[(batches + 1) % 2];
    RunParts(parts, [&](int part) {
      if (part == 0 && batches > 0) hash(previous);  // only part 0 touches the hasher: it runs here
      std::string& text = current[static_cast<size_t>(part)];
      text.clear();
      const size_t end = first + part_begin(tasks_in_batch, part + 1);
      for (size_t i = first + part_begin(tasks_in_batch, part); i < end; ++i) {
        writers[static_cast<size_t>(part)].Append(tasks, i, without_teams, &text);
      }
    });
  }
  if (batches > 0) hash(texts[(batches + 1) % 2]);
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
