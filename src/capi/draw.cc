// C ABI: draw options, the draw, plans and draw records.
#include <memory>
#include <utility>

#include "absl/strings/ascii.h"
#include "capi/capi_internal.h"
#include "ssrandom/draw.h"
#include "ssrandom/period.h"
#include "ssrandom/sampler.h"

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

constexpr int64_t kMaxThreads = 256;

// The string option `key` refers to, or an error for int keys and unknown keys.
std::string& StringOption(ssr_draw_options* options, ssr_draw_option key) {
  switch (key) {
    case SSR_DRAW_SEED:
      return options->seed;
    case SSR_DRAW_SEED_SOURCE:
      return options->seed_source;
    case SSR_DRAW_PREVIOUS_RECORD_DIGEST:
      return options->previous_record_digest;
    case SSR_DRAW_THREADS:
      ThrowArgument("SSR_DRAW_THREADS is an int option: use ssr_draw_options_set_int / _get_int");
    case SSR_DRAW_OPTION_FORCE_INT:
      break;
  }
  ThrowArgument(absl::StrCat("unknown draw option ", static_cast<int>(key)));
}

int64_t& IntOption(ssr_draw_options* options, ssr_draw_option key) {
  if (key == SSR_DRAW_THREADS) return options->threads;
  if (key == SSR_DRAW_SEED || key == SSR_DRAW_SEED_SOURCE || key == SSR_DRAW_PREVIOUS_RECORD_DIGEST) {
    ThrowArgument(absl::StrCat("draw option ", static_cast<int>(key),
                               " is a string option: use ssr_draw_options_set_string / _get_string"));
  }
  ThrowArgument(absl::StrCat("unknown draw option ", static_cast<int>(key)));
}

bool IsDigest(absl::string_view text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c)) && (c < 'a' || c > 'f')) return false;
  }
  return true;
}

const Plan& PlanOf(const ssr_plan* plan) { return NotNull(plan, "plan")->plan; }

const Task& TaskOf(const ssr_plan* plan, size_t task) {
  const std::vector<Task>& tasks = PlanOf(plan).tasks;
  CheckIndex(task, tasks.size(), "task");
  return tasks[task];
}

const std::string& ListEntry(const std::vector<std::string>& list, size_t index, const char* what) {
  CheckIndex(index, list.size(), what);
  return list[index];
}

const DrawRecord& RecordOf(const ssr_record* record) { return NotNull(record, "record")->record; }

const StratumRecord& StratumOf(const ssr_record* record, size_t stratum) {
  const std::vector<StratumRecord>& strata = RecordOf(record).strata;
  CheckIndex(stratum, strata.size(), "stratum");
  return strata[stratum];
}

const SelectedEntity& SelectedOf(const ssr_record* record, size_t stratum, size_t index) {
  const std::vector<SelectedEntity>& selected = StratumOf(record, stratum).selected;
  CheckIndex(index, selected.size(), "selected entity");
  return selected[index];
}

const HistoryEntry& HistoryOf(const ssr_record* record, size_t index) {
  const std::vector<HistoryEntry>& history = RecordOf(record).history;
  CheckIndex(index, history.size(), "history entry");
  return history[index];
}

}  // namespace
}  // namespace ssr::capi

using ssr::capi::HistoryOf;
using ssr::capi::PlanOf;
using ssr::capi::RecordOf;
using ssr::capi::SelectedOf;
using ssr::capi::StratumOf;
using ssr::capi::TaskOf;

#define SSR_TEXT_ACCESSOR(function, params, expression)                                            \
  const char* function params {                                                                    \
    return Get(__func__, static_cast<const char*>(nullptr), [&] { return (expression).c_str(); }); \
  }

extern "C" {

// --- Draw options --------------------------------------------------------------------------------------

ssr_status ssr_draw_options_create(ssr_draw_options** out) {
  return Run(__func__, [&] {
    OutHandle(out, "out");
    *out = new ssr_draw_options();
  });
}

void ssr_draw_options_destroy(ssr_draw_options* options) { delete options; }

ssr_status ssr_draw_options_set_string(ssr_draw_options* options, ssr_draw_option key, const char* value) {
  return Run(__func__, [&] {
    NotNull(options, "options");
    std::string& option = ssr::capi::StringOption(options, key);
    std::string text(Text(value, "value", true));
    if (key == SSR_DRAW_SEED) ssr::capi::Check(ssr::ValidateSeed(text));
    if (key == SSR_DRAW_PREVIOUS_RECORD_DIGEST && !text.empty() && !ssr::capi::IsDigest(text)) {
      ThrowArgument(absl::StrCat("SSR_DRAW_PREVIOUS_RECORD_DIGEST '", text,
                                 "' is not a record digest (64 lowercase hex digits, or \"\" for none)"));
    }
    option.swap(text);
  });
}

ssr_status ssr_draw_options_set_int(ssr_draw_options* options, ssr_draw_option key, int64_t value) {
  return Run(__func__, [&] {
    NotNull(options, "options");
    int64_t& option = ssr::capi::IntOption(options, key);
    if (value < 0 || value > ssr::capi::kMaxThreads) {
      ThrowArgument(absl::StrCat("SSR_DRAW_THREADS must be 0..", ssr::capi::kMaxThreads, ", not ", value));
    }
    option = value;
  });
}

ssr_status ssr_draw_options_get_string(const ssr_draw_options* options, ssr_draw_option key,
                                       const char** out_value) {
  return Run(__func__, [&] {
    NotNull(options, "options");
    NotNull(out_value, "out_value");
    *out_value = ssr::capi::StringOption(const_cast<ssr_draw_options*>(options), key).c_str();
  });
}

ssr_status ssr_draw_options_get_int(const ssr_draw_options* options, ssr_draw_option key,
                                    int64_t* out_value) {
  return Run(__func__, [&] {
    NotNull(options, "options");
    NotNull(out_value, "out_value");
    *out_value = ssr::capi::IntOption(const_cast<ssr_draw_options*>(options), key);
  });
}

ssr_status ssr_draw_options_add_history(ssr_draw_options* options, const ssr_plan* plan) {
  return Run(__func__, [&] {
    NotNull(options, "options");
    options->history.push_back(PlanOf(plan));
  });
}

size_t ssr_draw_options_history_count(const ssr_draw_options* options) {
  return Get(__func__, size_t{0}, [&] { return NotNull(options, "options")->history.size(); });
}

ssr_status ssr_draw_options_clear_history(ssr_draw_options* options) {
  return Run(__func__, [&] { NotNull(options, "options")->history.clear(); });
}

// --- The draw ------------------------------------------------------------------------------------------

ssr_status ssr_draw(const ssr_bureau* bureau, const ssr_policy* policy, const char* period,
                    const ssr_draw_options* options, ssr_plan** out_plan, ssr_record** out_record) {
  return Run(__func__, [&] {
    OutHandle(out_plan, "out_plan");
    OutHandle(out_record, "out_record");
    NotNull(bureau, "bureau");
    NotNull(policy, "policy");
    NotNull(options, "options");
    ssr::Period parsed = Value(ssr::Period::Parse(Text(period, "period")));
    if (options->seed.empty()) {
      ThrowArgument("no seed: set SSR_DRAW_SEED to the public seed fixed after the freeze");
    }
    ssr::DrawRequest request;
    request.seed = options->seed;
    request.seed_source = options->seed_source;
    request.previous_record_digest = options->previous_record_digest;
    request.threads = static_cast<int>(options->threads);
    request.history = options->history;
    ssr::DrawResult drawn = Value(ssr::Draw(bureau->bureau, policy->policy, parsed, request));
    auto plan = std::make_unique<ssr_plan>(ssr_plan{std::move(drawn.plan)});
    auto record = std::make_unique<ssr_record>(ssr_record{std::move(drawn.record)});
    *out_plan = plan.release();
    *out_record = record.release();
  });
}

// --- Plans ---------------------------------------------------------------------------------------------

ssr_status ssr_plan_from_json(const char* data, size_t size, const char* source, ssr_plan** out) {
  return Run(__func__, [&] {
    OutHandle(out, "out");
    absl::string_view text = Buffer(data, size, "data");
    *out = new ssr_plan{Value(ssr::Plan::FromJson(text, source == nullptr ? "plan.json" : source))};
  });
}

void ssr_plan_destroy(ssr_plan* plan) { delete plan; }

ssr_status ssr_plan_to_json(const ssr_plan* plan, char** out_json) {
  return Run(__func__, [&] {
    const ssr::Plan& p = PlanOf(plan);
    OutHandle(out_json, "out_json");
    *out_json = NewString(p.ToJson());
  });
}

ssr_status ssr_plan_to_csv(const ssr_plan* plan, char** out_csv) {
  return Run(__func__, [&] {
    const ssr::Plan& p = PlanOf(plan);
    OutHandle(out_csv, "out_csv");
    *out_csv = NewString(p.ToCsv());
  });
}

ssr_status ssr_plan_digest(const ssr_plan* plan, char* buffer, size_t size) {
  return Run(__func__, [&] { ssr::capi::WriteBuffer(PlanOf(plan).Digest(), buffer, size, "buffer"); });
}

SSR_TEXT_ACCESSOR(ssr_plan_bureau, (const ssr_plan* plan), PlanOf(plan).bureau)
SSR_TEXT_ACCESSOR(ssr_plan_period, (const ssr_plan* plan), PlanOf(plan).period)
SSR_TEXT_ACCESSOR(ssr_plan_seed, (const ssr_plan* plan), PlanOf(plan).seed)
SSR_TEXT_ACCESSOR(ssr_plan_seed_source, (const ssr_plan* plan), PlanOf(plan).seed_source)
SSR_TEXT_ACCESSOR(ssr_plan_policy_name, (const ssr_plan* plan), PlanOf(plan).policy_name)
SSR_TEXT_ACCESSOR(ssr_plan_policy_digest, (const ssr_plan* plan), PlanOf(plan).policy_digest)
SSR_TEXT_ACCESSOR(ssr_plan_directory_digest, (const ssr_plan* plan), PlanOf(plan).directory_digest)

size_t ssr_plan_task_count(const ssr_plan* plan) {
  return Get(__func__, size_t{0}, [&] { return PlanOf(plan).tasks.size(); });
}

ssr_status ssr_plan_find_task(const ssr_plan* plan, const char* entity_id, size_t* out_task) {
  return Run(__func__, [&] {
    const ssr::Plan& p = PlanOf(plan);
    absl::string_view id = Text(entity_id, "entity_id");
    NotNull(out_task, "out_task");
    const ssr::Task* task = p.FindEntity(id);
    if (task == nullptr) {
      throw ssr::capi::ApiError{SSR_NOT_FOUND, absl::StrCat("the plan has no task for entity '", id, "'")};
    }
    *out_task = static_cast<size_t>(task - p.tasks.data());
  });
}

SSR_TEXT_ACCESSOR(ssr_plan_task_id, (const ssr_plan* plan, size_t task), TaskOf(plan, task).id)
SSR_TEXT_ACCESSOR(ssr_plan_task_entity_id, (const ssr_plan* plan, size_t task), TaskOf(plan, task).entity_id)
SSR_TEXT_ACCESSOR(ssr_plan_task_entity_name, (const ssr_plan* plan, size_t task),
                  TaskOf(plan, task).entity_name)
SSR_TEXT_ACCESSOR(ssr_plan_task_uscc, (const ssr_plan* plan, size_t task), TaskOf(plan, task).uscc)
SSR_TEXT_ACCESSOR(ssr_plan_task_area, (const ssr_plan* plan, size_t task), TaskOf(plan, task).area)
SSR_TEXT_ACCESSOR(ssr_plan_task_credit_class, (const ssr_plan* plan, size_t task),
                  TaskOf(plan, task).credit_class)
SSR_TEXT_ACCESSOR(ssr_plan_task_stratum, (const ssr_plan* plan, size_t task), TaskOf(plan, task).stratum)
SSR_TEXT_ACCESSOR(ssr_plan_task_ticket, (const ssr_plan* plan, size_t task), TaskOf(plan, task).ticket)
SSR_TEXT_ACCESSOR(ssr_plan_task_partner_department, (const ssr_plan* plan, size_t task),
                  TaskOf(plan, task).partner_department)

const char* ssr_plan_task_class(const ssr_plan* plan, size_t task) {
  return Get(__func__, static_cast<const char*>(nullptr), [&] {
    return ssr::capi::Interned(ssr::SupervisionClassName(TaskOf(plan, task).supervision_class));
  });
}

const char* ssr_plan_task_pool(const ssr_plan* plan, size_t task) {
  return Get(__func__, static_cast<const char*>(nullptr),
             [&] { return ssr::capi::Interned(ssr::PoolName(TaskOf(plan, task).pool)); });
}

const char* ssr_plan_task_method(const ssr_plan* plan, size_t task) {
  return Get(__func__, static_cast<const char*>(nullptr),
             [&] { return ssr::capi::Interned(ssr::InspectionMethodName(TaskOf(plan, task).method)); });
}

const char* ssr_plan_task_joint_type(const ssr_plan* plan, size_t task) {
  return Get(__func__, static_cast<const char*>(nullptr),
             [&] { return ssr::capi::Interned(ssr::JointTypeName(TaskOf(plan, task).joint)); });
}

int ssr_plan_task_credit_based(const ssr_plan* plan, size_t task) {
  return Get(__func__, -1, [&] { return TaskOf(plan, task).credit_based ? 1 : 0; });
}

size_t ssr_plan_task_item_count(const ssr_plan* plan, size_t task) {
  return Get(__func__, size_t{0}, [&] { return TaskOf(plan, task).items.size(); });
}

SSR_TEXT_ACCESSOR(ssr_plan_task_item, (const ssr_plan* plan, size_t task, size_t index),
                  ssr::capi::ListEntry(TaskOf(plan, task).items, index, "item"))

size_t ssr_plan_task_team_size(const ssr_plan* plan, size_t task) {
  return Get(__func__, size_t{0}, [&] { return TaskOf(plan, task).team.size(); });
}

SSR_TEXT_ACCESSOR(ssr_plan_task_team_member, (const ssr_plan* plan, size_t task, size_t index),
                  ssr::capi::ListEntry(TaskOf(plan, task).team, index, "team member"))

// --- Draw records --------------------------------------------------------------------------------------

ssr_status ssr_record_from_json(const char* data, size_t size, const char* source, ssr_record** out) {
  return Run(__func__, [&] {
    OutHandle(out, "out");
    absl::string_view text = Buffer(data, size, "data");
    *out = new ssr_record{Value(ssr::DrawRecord::FromJson(text, source == nullptr ? "record.json" : source))};
  });
}

void ssr_record_destroy(ssr_record* record) { delete record; }

ssr_status ssr_record_to_json(const ssr_record* record, char** out_json) {
  return Run(__func__, [&] {
    const ssr::DrawRecord& r = RecordOf(record);
    OutHandle(out_json, "out_json");
    *out_json = NewString(r.ToJson());
  });
}

ssr_status ssr_record_digest(const ssr_record* record, char* buffer, size_t size) {
  return Run(__func__, [&] { ssr::capi::WriteBuffer(RecordOf(record).Digest(), buffer, size, "buffer"); });
}

ssr_status ssr_record_verify(const ssr_record* record, const ssr_bureau* bureau, const ssr_policy* policy,
                             const ssr_draw_options* history) {
  return Run(__func__, [&] {
    const ssr::DrawRecord& r = RecordOf(record);
    NotNull(bureau, "bureau");
    NotNull(policy, "policy");
    static const std::vector<ssr::Plan> kNoHistory;
    ssr::capi::Check(ssr::VerifyRecord(r, bureau->bureau, policy->policy,
                                       history == nullptr ? kNoHistory : history->history));
  });
}

SSR_TEXT_ACCESSOR(ssr_record_algorithm, (const ssr_record* record), RecordOf(record).algorithm)
SSR_TEXT_ACCESSOR(ssr_record_library_version, (const ssr_record* record), RecordOf(record).library_version)
SSR_TEXT_ACCESSOR(ssr_record_bureau, (const ssr_record* record), RecordOf(record).bureau)
SSR_TEXT_ACCESSOR(ssr_record_period, (const ssr_record* record), RecordOf(record).period)
SSR_TEXT_ACCESSOR(ssr_record_seed, (const ssr_record* record), RecordOf(record).seed)
SSR_TEXT_ACCESSOR(ssr_record_seed_hash, (const ssr_record* record), RecordOf(record).seed_hash)
SSR_TEXT_ACCESSOR(ssr_record_seed_source, (const ssr_record* record), RecordOf(record).seed_source)
SSR_TEXT_ACCESSOR(ssr_record_directory_digest, (const ssr_record* record), RecordOf(record).directory_digest)
SSR_TEXT_ACCESSOR(ssr_record_policy_name, (const ssr_record* record), RecordOf(record).policy_name)
SSR_TEXT_ACCESSOR(ssr_record_policy_digest, (const ssr_record* record), RecordOf(record).policy_digest)
SSR_TEXT_ACCESSOR(ssr_record_previous_record_digest, (const ssr_record* record),
                  RecordOf(record).previous_record_digest)
SSR_TEXT_ACCESSOR(ssr_record_plan_digest, (const ssr_record* record), RecordOf(record).plan_digest)

int ssr_record_algorithm_version(const ssr_record* record) {
  return Get(__func__, -1, [&] { return RecordOf(record).algorithm_version; });
}

int64_t ssr_record_directory_size(const ssr_record* record) {
  return Get(__func__, int64_t{-1}, [&] { return RecordOf(record).directory_size; });
}

size_t ssr_record_history_count(const ssr_record* record) {
  return Get(__func__, size_t{0}, [&] { return RecordOf(record).history.size(); });
}

SSR_TEXT_ACCESSOR(ssr_record_history_period, (const ssr_record* record, size_t index),
                  HistoryOf(record, index).period)
SSR_TEXT_ACCESSOR(ssr_record_history_plan_digest, (const ssr_record* record, size_t index),
                  HistoryOf(record, index).plan_digest)

size_t ssr_record_stratum_count(const ssr_record* record) {
  return Get(__func__, size_t{0}, [&] { return RecordOf(record).strata.size(); });
}

SSR_TEXT_ACCESSOR(ssr_record_stratum_name, (const ssr_record* record, size_t stratum),
                  StratumOf(record, stratum).stratum)
SSR_TEXT_ACCESSOR(ssr_record_stratum_pool, (const ssr_record* record, size_t stratum),
                  StratumOf(record, stratum).pool)
SSR_TEXT_ACCESSOR(ssr_record_stratum_rule, (const ssr_record* record, size_t stratum),
                  StratumOf(record, stratum).rule)
SSR_TEXT_ACCESSOR(ssr_record_stratum_credit_class, (const ssr_record* record, size_t stratum),
                  StratumOf(record, stratum).credit_class)
SSR_TEXT_ACCESSOR(ssr_record_stratum_method, (const ssr_record* record, size_t stratum),
                  StratumOf(record, stratum).method)
SSR_TEXT_ACCESSOR(ssr_record_stratum_ratio, (const ssr_record* record, size_t stratum),
                  StratumOf(record, stratum).ratio)
SSR_TEXT_ACCESSOR(ssr_record_stratum_arithmetic, (const ssr_record* record, size_t stratum),
                  StratumOf(record, stratum).arithmetic)

#define SSR_STRATUM_NUMBER(function, type, expression)                      \
  type function(const ssr_record* record, size_t stratum) {                 \
    return Get(__func__, type{-1}, [&]() -> type { return (expression); }); \
  }
SSR_STRATUM_NUMBER(ssr_record_stratum_credit_based, int, StratumOf(record, stratum).credit_based ? 1 : 0)
SSR_STRATUM_NUMBER(ssr_record_stratum_whole_pool_taken, int,
                   StratumOf(record, stratum).whole_pool_taken ? 1 : 0)
SSR_STRATUM_NUMBER(ssr_record_stratum_pool_size, int64_t, StratumOf(record, stratum).pool_size)
SSR_STRATUM_NUMBER(ssr_record_stratum_excluded_yearly_cap, int64_t,
                   StratumOf(record, stratum).excluded_yearly_cap)
SSR_STRATUM_NUMBER(ssr_record_stratum_excluded_rotation, int64_t,
                   StratumOf(record, stratum).excluded_rotation)
SSR_STRATUM_NUMBER(ssr_record_stratum_eligible, int64_t, StratumOf(record, stratum).eligible)
SSR_STRATUM_NUMBER(ssr_record_stratum_quota, int64_t, StratumOf(record, stratum).quota)
#undef SSR_STRATUM_NUMBER

size_t ssr_record_stratum_selected_count(const ssr_record* record, size_t stratum) {
  return Get(__func__, size_t{0}, [&] { return StratumOf(record, stratum).selected.size(); });
}

SSR_TEXT_ACCESSOR(ssr_record_stratum_selected_id, (const ssr_record* record, size_t stratum, size_t index),
                  SelectedOf(record, stratum, index).id)
SSR_TEXT_ACCESSOR(ssr_record_stratum_selected_ticket,
                  (const ssr_record* record, size_t stratum, size_t index),
                  SelectedOf(record, stratum, index).ticket)

int ssr_record_stratum_selected_readmitted(const ssr_record* record, size_t stratum, size_t index) {
  return Get(__func__, -1, [&] { return SelectedOf(record, stratum, index).readmitted ? 1 : 0; });
}

}  // extern "C"

#undef SSR_TEXT_ACCESSOR
