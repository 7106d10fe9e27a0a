#include "ssrandom/record.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "io/json_fields.h"
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

}  // namespace

bool operator==(const StratumRecord& a, const StratumRecord& b) {
  DrawRecord with_a, with_b;
  with_a.strata = {a};
  with_b.strata = {b};
  return RecordJson(with_a) == RecordJson(with_b);
}

bool operator==(const DrawRecord& a, const DrawRecord& b) { return RecordJson(a) == RecordJson(b); }

std::string DrawRecord::ToJson() const { return RecordJson(*this).dump(2) + "\n"; }

std::string DrawRecord::Digest() const { return Sha256Hex(nlohmann::json(RecordJson(*this)).dump()); }

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
  absl::StatusOr<DrawResult> redrawn = Draw(bureau, policy, *period, request);
  if (!redrawn.ok()) {
    return absl::FailedPreconditionError(
        absl::StrCat("the draw could not be recomputed from these inputs: ", redrawn.status().message()));
  }
  DrawRecord expected = redrawn->record;
  // The library version documents what produced the record; any version implementing the same algorithm
  // version must reproduce it.
  expected.library_version = record.library_version;
  std::string difference = FirstDifference(RecordJson(expected), RecordJson(record), "");
  if (!difference.empty()) return absl::FailedPreconditionError(difference);
  return absl::OkStatus();
}

}  // namespace ssr
