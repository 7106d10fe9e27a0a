#include "ssrandom/record.h"

#include <algorithm>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "draw/drawn_plan.h"
#include "io/json_fields.h"
#include "io/json_writer.h"
#include "nlohmann/json.hpp"
#include "ssrandom/bureau.h"
#include "ssrandom/digest.h"
#include "ssrandom/draw.h"
#include "ssrandom/period.h"
#include "ssrandom/plan.h"
#include "ssrandom/policy.h"

namespace ssr {
namespace {

nlohmann::ordered_json RecordJson(const DrawRecord& r) {
  nlohmann::ordered_json history = nlohmann::ordered_json::array();
  for (const HistoryEntry& h : r.history)
    history.push_back({{"period", h.period}, {"plan_digest", h.plan_digest}});
  nlohmann::ordered_json strata = nlohmann::ordered_json::array();
  for (const StratumRecord& s : r.strata) {
    nlohmann::ordered_json selected = nlohmann::ordered_json::array();
    for (const SelectedEntity& e : s.selected) {
      nlohmann::ordered_json entry = {{"id", e.id}, {"ticket", e.ticket}};
      if (e.readmitted) entry["readmitted"] = true;
      selected.push_back(std::move(entry));
    }
    strata.push_back({{"stratum", s.stratum},
                      {"pool", s.pool},
                      {"rule", s.rule},
                      {"credit_class", s.credit_class},
                      {"method", s.method},
                      {"credit_based", s.credit_based},
                      {"pool_size", s.pool_size},
                      {"excluded_yearly_cap", s.excluded_yearly_cap},
                      {"excluded_rotation", s.excluded_rotation},
                      {"eligible", s.eligible},
                      {"ratio", s.ratio},
                      {"quota", s.quota},
                      {"arithmetic", s.arithmetic},
                      {"whole_pool_taken", s.whole_pool_taken},
                      {"selected", selected}});
  }
  return {{"format", kRecordFormat},
          {"format_version", kRecordFormatVersion},
          {"algorithm", {{"name", r.algorithm}, {"version", r.algorithm_version}}},
          {"library_version", r.library_version},
          {"bureau", r.bureau},
          {"period", r.period},
          {"seed", r.seed},
          {"seed_hash", r.seed_hash},
          {"seed_source", r.seed_source},
          {"directory", {{"digest", r.directory_digest}, {"size", r.directory_size}}},
          {"policy", {{"name", r.policy_name}, {"digest", r.policy_digest}}},
          {"history", history},
          {"previous_record_digest", r.previous_record_digest},
          {"strata", strata},
          {"plan_digest", r.plan_digest}};
}

// The path and values of the first difference between two JSON documents, or "" when equal.
std::string FirstDifference(const nlohmann::ordered_json& expected, const nlohmann::ordered_json& actual,
                            const std::string& path) {
  if (expected.type() != actual.type()) {
    return absl::StrCat(path, ": the record says ", actual.dump(), ", the recomputed draw gives ",
                        expected.dump());
  }
  if (expected.is_object()) {
    for (const auto& [key, value] : expected.items()) {
      std::string child = path.empty() ? key : absl::StrCat(path, ".", key);
      if (!actual.contains(key)) return absl::StrCat(child, ": missing from the record");
      std::string difference = FirstDifference(value, actual[key], child);
      if (!difference.empty()) return difference;
    }
    for (const auto& [key, value] : actual.items()) {
      if (!expected.contains(key))
        return absl::StrCat(path.empty() ? key : absl::StrCat(path, ".", key), ": not part of a draw record");
    }
    return "";
  }
  if (expected.is_array()) {
    for (size_t i = 0; i < expected.size() && i < actual.size(); ++i) {
      std::string difference = FirstDifference(expected[i], actual[i], absl::StrCat(path, "[", i, "]"));
      if (!difference.empty()) return difference;
    }
    if (expected.size() != actual.size()) {
      return absl::StrCat(path, ": the record lists ", actual.size(), " entries, the recomputed draw ",
                          expected.size());
    }
    return "";
  }
  if (expected != actual) {
    return absl::StrCat(path, ": the record says ", actual.dump(), ", the recomputed draw gives ",
                        expected.dump());
  }
  return "";
}

// The record written as RecordJson(r) would dump, without building the tree (io/json_writer.h): pretty
// with `indent` 2 and the keys in document order for record.json, or compact with the keys sorted by bytes
// for the digest (nlohmann::json, a std::map, dumped with no indent). A record lists every selected entity,
// as many as the plan's tasks; as a tree it took longer than the draw. RecordJson stays for naming verify's
// first difference, which needs the tree; RecordTest.JsonAndDigestFormsAreNlohmannsDumps and the
// round-trip tests (tests/draw_test.cc) keep the two in step.
class RecordWriter {
 public:
  RecordWriter(std::string* out, bool digest_form) : json_(out, digest_form ? -1 : 2), sorted_(digest_form) {}

  void Write(const DrawRecord& r) {
    Object({{"format", [&] { json_.String(kRecordFormat); }},
            {"format_version", [&] { json_.Integer(kRecordFormatVersion); }},
            {"algorithm",
             [&] {
               Object({{"name", [&] { json_.String(r.algorithm); }},
                       {"version", [&] { json_.Integer(r.algorithm_version); }}});
             }},
            {"library_version", [&] { json_.String(r.library_version); }},
            {"bureau", [&] { json_.String(r.bureau); }},
            {"period", [&] { json_.String(r.period); }},
            {"seed", [&] { json_.String(r.seed); }},
            {"seed_hash", [&] { json_.String(r.seed_hash); }},
            {"seed_source", [&] { json_.String(r.seed_source); }},
            {"directory",
             [&] {
               Object({{"digest", [&] { json_.String(r.directory_digest); }},
                       {"size", [&] { json_.Integer(r.directory_size); }}});
             }},
            {"policy",
             [&] {
               Object({{"name", [&] { json_.String(r.policy_name); }},
                       {"digest", [&] { json_.String(r.policy_digest); }}});
             }},
            {"history",
             [&] {
               json_.BeginArray();
               for (const HistoryEntry& h : r.history) {
                 Object({{"period", [&] { json_.String(h.period); }},
                         {"plan_digest", [&] { json_.String(h.plan_digest); }}});
               }
               json_.EndArray();
             }},
            {"previous_record_digest", [&] { json_.String(r.previous_record_digest); }},
            {"strata",
             [&] {
               json_.BeginArray();
               for (const StratumRecord& s : r.strata) Stratum(s);
               json_.EndArray();
             }},
            {"plan_digest", [&] { json_.String(r.plan_digest); }}});
  }

 private:
  using Fields = std::vector<std::pair<absl::string_view, std::function<void()>>>;

  void Object(Fields fields) {
    if (sorted_) {
      std::sort(fields.begin(), fields.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    }
    json_.BeginObject();
    for (const auto& [key, write] : fields) {
      json_.Key(key);
      write();
    }
    json_.EndObject();
  }

  void Stratum(const StratumRecord& s) {
    Object({{"stratum", [&] { json_.String(s.stratum); }},
            {"pool", [&] { json_.String(s.pool); }},
            {"rule", [&] { json_.String(s.rule); }},
            {"credit_class", [&] { json_.String(s.credit_class); }},
            {"method", [&] { json_.String(s.method); }},
            {"credit_based", [&] { json_.Boolean(s.credit_based); }},
            {"pool_size", [&] { json_.Integer(s.pool_size); }},
            {"excluded_yearly_cap", [&] { json_.Integer(s.excluded_yearly_cap); }},
            {"excluded_rotation", [&] { json_.Integer(s.excluded_rotation); }},
            {"eligible", [&] { json_.Integer(s.eligible); }},
            {"ratio", [&] { json_.String(s.ratio); }},
            {"quota", [&] { json_.Integer(s.quota); }},
            {"arithmetic", [&] { json_.String(s.arithmetic); }},
            {"whole_pool_taken", [&] { json_.Boolean(s.whole_pool_taken); }},
            {"selected", [&] {
               json_.BeginArray();
               for (const SelectedEntity& e : s.selected) Selected(e);
               json_.EndArray();
             }}});
  }

  // One per selected entity: written directly, in the order of either form ("readmitted" only when true).
  void Selected(const SelectedEntity& e) {
    json_.BeginObject();
    json_.Field("id", e.id);
    if (sorted_ && e.readmitted) json_.Field("readmitted", true);
    json_.Field("ticket", e.ticket);
    if (!sorted_ && e.readmitted) json_.Field("readmitted", true);
    json_.EndObject();
  }

  internal::JsonWriter json_;
  bool sorted_;
};

// The digest form of a record: compact, keys sorted. Two records are equal exactly when these are.
std::string CompactForm(const DrawRecord& r) {
  std::string compact;
  RecordWriter(&compact, /*digest_form=*/true).Write(r);
  return compact;
}

}  // namespace

bool operator==(const StratumRecord& a, const StratumRecord& b) {
  DrawRecord with_a, with_b;
  with_a.strata = {a};
  with_b.strata = {b};
  return CompactForm(with_a) == CompactForm(with_b);
}

bool operator==(const DrawRecord& a, const DrawRecord& b) { return CompactForm(a) == CompactForm(b); }

std::string DrawRecord::ToJson() const {
  std::string out;
  RecordWriter(&out, /*digest_form=*/false).Write(*this);
  out.push_back('\n');
  return out;
}

std::string DrawRecord::Digest() const { return Sha256Hex(CompactForm(*this)); }

absl::StatusOr<DrawRecord> DrawRecord::FromJson(absl::string_view text, absl::string_view source) {
  nlohmann::json json;
  if (absl::Status s = internal::ParseJsonObject(text, source, &json); !s.ok()) return s;
  absl::Status error;
  internal::JsonFields top(json, std::string(source), &error);
  if (top.String("format") != kRecordFormat && error.ok()) {
    top.Fail("format", absl::StrCat("expected \"", kRecordFormat, "\": this is not a draw record"));
  }
  int64_t version = top.Integer("format_version");
  if (error.ok() && version != kRecordFormatVersion) {
    top.Fail("format_version", absl::StrCat("this library reads draw record version ", kRecordFormatVersion,
                                            ", not ", version));
  }
  DrawRecord r;
  if (error.ok()) {
    internal::JsonFields algorithm(json["algorithm"], absl::StrCat(source, ": algorithm"), &error);
    r.algorithm = algorithm.String("name");
    r.algorithm_version = static_cast<int>(algorithm.Integer("version"));
    algorithm.NoOtherKeys();
  }
  r.library_version = top.String("library_version");
  r.bureau = top.String("bureau", false);
  r.period = top.String("period");
  r.seed = top.String("seed");
  r.seed_hash = top.String("seed_hash");
  r.seed_source = top.String("seed_source", false);
  if (error.ok()) {
    internal::JsonFields directory(json["directory"], absl::StrCat(source, ": directory"), &error);
    r.directory_digest = directory.String("digest");
    r.directory_size = directory.Integer("size");
    internal::JsonFields policy(json["policy"], absl::StrCat(source, ": policy"), &error);
    r.policy_name = policy.String("name");
    r.policy_digest = policy.String("digest");
    directory.NoOtherKeys();
    policy.NoOtherKeys();
  }
  const nlohmann::json& history = top.Array("history", false);
  for (size_t i = 0; i < history.size() && error.ok(); ++i) {
    internal::JsonFields h(history[i], absl::StrCat(source, ": history[", i, "]"), &error);
    r.history.push_back({h.String("period"), h.String("plan_digest")});
    h.NoOtherKeys();
  }
  r.previous_record_digest = top.String("previous_record_digest", false);
  const nlohmann::json& strata = top.Array("strata");
  for (size_t i = 0; i < strata.size() && error.ok(); ++i) {
    internal::JsonFields f(strata[i], absl::StrCat(source, ": strata[", i, "]"), &error);
    StratumRecord s;
    s.stratum = f.String("stratum");
    s.pool = f.String("pool");
    s.rule = f.String("rule");
    s.credit_class = f.String("credit_class", false);
    s.method = f.String("method");
    s.credit_based = f.Boolean("credit_based");
    s.pool_size = f.Integer("pool_size");
    s.excluded_yearly_cap = f.Integer("excluded_yearly_cap");
    s.excluded_rotation = f.Integer("excluded_rotation");
    s.eligible = f.Integer("eligible");
    s.ratio = f.String("ratio");
    s.quota = f.Integer("quota");
    s.arithmetic = f.String("arithmetic");
    s.whole_pool_taken = f.Boolean("whole_pool_taken");
    const nlohmann::json& selected = f.Array("selected");
    for (size_t j = 0; j < selected.size() && error.ok(); ++j) {
      internal::JsonFields e(selected[j], absl::StrCat(f.path(), ".selected[", j, "]"), &error);
      s.selected.push_back({e.String("id"), e.String("ticket"), e.Boolean("readmitted", false)});
      e.NoOtherKeys();
    }
    f.NoOtherKeys();
    r.strata.push_back(std::move(s));
  }
  r.plan_digest = top.String("plan_digest");
  top.NoOtherKeys({"algorithm", "directory", "policy"});
  if (!error.ok()) return error;
  return r;
}

absl::Status VerifyRecord(const DrawRecord& record, const Bureau& bureau, const Policy& policy,
                          const std::vector<Plan>& history) {
  if (record.algorithm != kDrawAlgorithmName || record.algorithm_version != kDrawAlgorithmVersion) {
    return absl::InvalidArgumentError(
        absl::StrCat("the record uses algorithm ", record.algorithm, " version ", record.algorithm_version,
                     "; this library implements ", kDrawAlgorithmName, " version ", kDrawAlgorithmVersion));
  }
  // The inputs first, so that a changed directory or policy is named as such rather than as a changed pick.
  std::string directory_digest = bureau.entities.CanonicalDigest();
  if (directory_digest != record.directory_digest) {
    return absl::FailedPreconditionError(absl::StrCat(
        "directory.digest: the record was drawn from a directory with digest ", record.directory_digest, " (",
        record.directory_size, " entities); the directory given has digest ", directory_digest, " (",
        bureau.entities.size(), " entities) — it is not the directory that was frozen for this draw"));
  }
  if (policy.Digest() != record.policy_digest) {
    return absl::FailedPreconditionError(absl::StrCat(
        "policy.digest: the record was drawn under policy ", record.policy_name, " with digest ",
        record.policy_digest, "; the policy given (", policy.name(), ") has digest ", policy.Digest()));
  }
  absl::StatusOr<Period> period = Period::Parse(record.period);
  if (!period.ok()) return absl::InvalidArgumentError(absl::StrCat("period: ", period.status().message()));
  DrawRequest request;
  request.seed = record.seed;
  request.seed_source = record.seed_source;
  request.history = history;
  request.previous_record_digest = record.previous_record_digest;
  // Only the record is compared, so the plan's tasks are not made.
  absl::StatusOr<internal::DrawnResult> redrawn = internal::DrawCompact(bureau, policy, *period, request);
  if (!redrawn.ok()) {
    return absl::FailedPreconditionError(
        absl::StrCat("the draw could not be recomputed from these inputs: ", redrawn.status().message()));
  }
  DrawRecord expected = std::move(redrawn->record);
  // The library version documents what produced the record; any version implementing the same algorithm
  // version must reproduce it.
  expected.library_version = record.library_version;
  // Equal records are the common case, and comparing their compact forms is cheap; the trees that name the
  // first difference are built only when there is one.
  if (CompactForm(expected) == CompactForm(record)) return absl::OkStatus();
  std::string difference = FirstDifference(RecordJson(expected), RecordJson(record), "");
  return absl::FailedPreconditionError(difference.empty() ? "the record differs from the recomputed draw"
                                                          : difference);
}

}  // namespace ssr
