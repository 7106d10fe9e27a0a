// C ABI: policies and classification.
#include <memory>
#include <utility>

#include "capi/capi_internal.h"
#include "ssrandom/classes.h"
#include "ssrandom/period.h"

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

const std::vector<std::string>& PresetNames() {
  static const auto* names = new std::vector<std::string>(Policy::PresetNames());
  return *names;
}

const Policy& PolicyOf(const ssr_policy* policy) { return NotNull(policy, "policy")->policy; }

const ssr_classification& ClassificationOf(const ssr_classification* c) {
  return *NotNull(c, "classification");
}

const QuotaLine& Quota(const ssr_classification* c, size_t line) {
  const auto& quotas = ClassificationOf(c).quotas;
  CheckIndex(line, quotas.size(), "quota line");
  return quotas[line];
}

size_t Row(const ssr_classification* c, size_t row) {
  CheckIndex(row, ClassificationOf(c).classification.size(), "row");
  return row;
}

}  // namespace
}  // namespace ssr::capi

using ssr::capi::ClassificationOf;
using ssr::capi::PolicyOf;
using ssr::capi::Quota;
using ssr::capi::Row;

extern "C" {

// --- Policies ------------------------------------------------------------------------------------------

ssr_status ssr_policy_load(const char* name_or_path, ssr_policy** out) {
  return Run(__func__, [&] {
    OutHandle(out, "out");
    absl::string_view name = Text(name_or_path, "name_or_path");
    *out = new ssr_policy{Value(ssr::Policy::Load(name))};
  });
}

ssr_status ssr_policy_from_json(const char* data, size_t size, const char* source, ssr_policy** out) {
  return Run(__func__, [&] {
    OutHandle(out, "out");
    absl::string_view text = Buffer(data, size, "data");
    *out = new ssr_policy{Value(ssr::Policy::FromJson(text, source == nullptr ? "policy.json" : source))};
  });
}

void ssr_policy_destroy(ssr_policy* policy) { delete policy; }

const char* ssr_policy_name(const ssr_policy* policy) {
  return Get(__func__, static_cast<const char*>(nullptr), [&] { return PolicyOf(policy).name().c_str(); });
}

const char* ssr_policy_title(const ssr_policy* policy) {
  return Get(__func__, static_cast<const char*>(nullptr), [&] { return PolicyOf(policy).title().c_str(); });
}

const char* ssr_policy_source_name(const ssr_policy* policy) {
  return Get(__func__, static_cast<const char*>(nullptr),
             [&] { return PolicyOf(policy).source_name().c_str(); });
}

const char* ssr_policy_canonical_json(const ssr_policy* policy) {
  return Get(__func__, static_cast<const char*>(nullptr),
             [&] { return PolicyOf(policy).CanonicalJson().c_str(); });
}

ssr_status ssr_policy_digest(const ssr_policy* policy, char* buffer, size_t size) {
  return Run(__func__, [&] { ssr::capi::WriteBuffer(PolicyOf(policy).Digest(), buffer, size, "buffer"); });
}

size_t ssr_policy_preset_count(void) {
  return Get(__func__, size_t{0}, [&] { return ssr::capi::PresetNames().size(); });
}

const char* ssr_policy_preset_name(size_t index) {
  return Get(__func__, static_cast<const char*>(nullptr), [&] {
    CheckIndex(index, ssr::capi::PresetNames().size(), "preset");
    return ssr::capi::PresetNames()[index].c_str();
  });
}

// --- Classification ------------------------------------------------------------------------------------

ssr_status ssr_classify(const ssr_bureau* bureau, const ssr_policy* policy, const char* period,
                        ssr_classification** out) {
  return Run(__func__, [&] {
    OutHandle(out, "out");
    NotNull(bureau, "bureau");
    const ssr::Policy& p = PolicyOf(policy);
    ssr::Period parsed = Value(ssr::Period::Parse(Text(period, "period")));
    ssr::Classification classification = Value(ssr::Classify(bureau->bureau.entities, p, parsed));
    std::vector<ssr::QuotaLine> quotas = ssr::ComputeQuotas(classification, p);
    std::vector<std::string> ratios;
    ratios.reserve(quotas.size());
    for (const ssr::QuotaLine& line : quotas) ratios.push_back(line.ratio.ToString());
    *out = new ssr_classification{std::move(classification), parsed.ToString(), std::move(quotas),
                                  std::move(ratios)};
  });
}

void ssr_classification_destroy(ssr_classification* classification) { delete classification; }

size_t ssr_classification_size(const ssr_classification* classification) {
  return Get(__func__, size_t{0}, [&] { return ClassificationOf(classification).classification.size(); });
}

const char* ssr_classification_period(const ssr_classification* classification) {
  return Get(__func__, static_cast<const char*>(nullptr),
             [&] { return ClassificationOf(classification).period.c_str(); });
}

ssr_status ssr_classification_pool_size(const ssr_classification* classification, const char* pool,
                                        int64_t* out_size) {
  return Run(__func__, [&] {
    const ssr::Classification& c = ClassificationOf(classification).classification;
    absl::string_view name = Text(pool, "pool");
    NotNull(out_size, "out_size");
    absl::StatusOr<ssr::Pool> parsed = ssr::ParsePool(name);
    if (!parsed.ok()) ThrowArgument(parsed.status().message());
    *out_size = c.PoolSize(*parsed);
  });
}

ssr_status ssr_classification_class_size(const ssr_classification* classification,
                                         const char* supervision_class, int64_t* out_size) {
  return Run(__func__, [&] {
    const ssr::Classification& c = ClassificationOf(classification).classification;
    absl::string_view name = Text(supervision_class, "supervision_class");
    NotNull(out_size, "out_size");
    absl::StatusOr<ssr::SupervisionClass> parsed = ssr::ParseSupervisionClass(name);
    if (!parsed.ok()) ThrowArgument(parsed.status().message());
    *out_size = c.ClassSize(*parsed);
  });
}

int64_t ssr_classification_conflict_count(const ssr_classification* classification) {
  return Get(__func__, int64_t{-1},
             [&] { return ClassificationOf(classification).classification.ConflictCount(); });
}

const char* ssr_classification_row_class(const ssr_classification* classification, size_t row) {
  return Get(__func__, static_cast<const char*>(nullptr), [&] {
    return ssr::capi::Interned(ssr::SupervisionClassName(
        ClassificationOf(classification).classification.supervision_class(Row(classification, row))));
  });
}

const char* ssr_classification_row_pool(const ssr_classification* classification, size_t row) {
  return Get(__func__, static_cast<const char*>(nullptr), [&] {
    return ssr::capi::Interned(
        ssr::PoolName(ClassificationOf(classification).classification.pool(Row(classification, row))));
  });
}

const char* ssr_classification_row_credit_class(const ssr_classification* classification, size_t row) {
  return Get(__func__, static_cast<const char*>(nullptr), [&] {
    const ssr::Classification& c = ClassificationOf(classification).classification;
    int cell = c.credit_index(Row(classification, row));
    return cell < 0 ? "" : c.policy().credit_classes()[static_cast<size_t>(cell)].c_str();
  });
}

ssr_status ssr_classification_explain(const ssr_classification* classification, size_t row, char** out_text) {
  return Run(__func__, [&] {
    const ssr::Classification& c = ClassificationOf(classification).classification;
    OutHandle(out_text, "out_text");
    *out_text = NewString(c.Explain(Row(classification, row)));
  });
}

size_t ssr_classification_quota_count(const ssr_classification* classification) {
  return Get(__func__, size_t{0}, [&] { return ClassificationOf(classification).quotas.size(); });
}

const char* ssr_classification_quota_pool(const ssr_classification* classification, size_t line) {
  return Get(__func__, static_cast<const char*>(nullptr),
             [&] { return ssr::capi::Interned(ssr::PoolName(Quota(classification, line).pool)); });
}

const char* ssr_classification_quota_credit_class(const ssr_classification* classification, size_t line) {
  return Get(__func__, static_cast<const char*>(nullptr),
             [&] { return Quota(classification, line).credit_class.c_str(); });
}

int64_t ssr_classification_quota_pool_size(const ssr_classification* classification, size_t line) {
  return Get(__func__, int64_t{-1}, [&] { return Quota(classification, line).pool_size; });
}

const char* ssr_classification_quota_ratio(const ssr_classification* classification, size_t line) {
  return Get(__func__, static_cast<const char*>(nullptr), [&] {
    Quota(classification, line);  // checks the index
    return classification->quota_ratios[line].c_str();
  });
}

int64_t ssr_classification_quota(const ssr_classification* classification, size_t line) {
  return Get(__func__, int64_t{-1}, [&] { return Quota(classification, line).quota; });
}

const char* ssr_classification_quota_method(const ssr_classification* classification, size_t line) {
  return Get(__func__, static_cast<const char*>(nullptr), [&] {
    return ssr::capi::Interned(ssr::InspectionMethodName(Quota(classification, line).method));
  });
}

const char* ssr_classification_quota_arithmetic(const ssr_classification* classification, size_t line) {
  return Get(__func__, static_cast<const char*>(nullptr),
             [&] { return Quota(classification, line).arithmetic.c_str(); });
}

}  // extern "C"
