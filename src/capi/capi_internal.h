// The machinery behind every entry point of the C ABI (include/ssrandom.h): the handle structs, the
// thread's error message, and Run/Get, which turn whatever happens inside a call into an ssr_status.
//
// Inside the library, argument checks and failed absl::Status values are thrown as ApiError and unwound to
// the entry point's Run/Get, which catches every exception (catch (...)), records the message and returns a
// status or a fallback: no exception ever crosses the C boundary, and the C++ core itself stays
// exception-free. Entry points build every new state aside and commit it with non-throwing moves, so a
// failed call changes nothing.
#ifndef SSRANDOM_SRC_CAPI_CAPI_INTERNAL_H_
#define SSRANDOM_SRC_CAPI_CAPI_INTERNAL_H_

#include <cstring>
#include <map>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "ssrandom.h"
#include "ssrandom/assign.h"
#include "ssrandom/bureau.h"
#include "ssrandom/calendar.h"
#include "ssrandom/check.h"
#include "ssrandom/classify.h"
#include "ssrandom/plan.h"
#include "ssrandom/policy.h"
#include "ssrandom/quality.h"
#include "ssrandom/record.h"
#include "ssrandom/results.h"

// The handles: plain structs around the C++ values, in the global namespace as the header declares them.
struct ssr_bureau {
  ssr::Bureau bureau;
};
struct ssr_quality_report {
  ssr::QualityReport report;
};
struct ssr_policy {
  ssr::Policy policy;
};
struct ssr_classification {
  ssr::Classification classification;
  std::string period;
  std::vector<ssr::QuotaLine> quotas;
  std::vector<std::string> quota_ratios;  // quotas[i].ratio as text, so accessors can lend it
};
struct ssr_draw_options {
  std::string seed;
  std::string seed_source;
  std::string previous_record_digest;
  int64_t threads = 0;
  std::vector<ssr::Plan> history;
};
struct ssr_plan {
  ssr::Plan plan;
};
struct ssr_record {
  ssr::DrawRecord record;
};
struct ssr_calendar {
  ssr::WorkingDayCalendar calendar;
};
struct ssr_team_rules {
  ssr::TeamRules rules;
  std::string offsite_units;  // rules.offsite_units joined by ';', so the getter can lend it
};
struct ssr_team_record {
  ssr::TeamDrawRecord record;
};
struct ssr_results {
  ssr::ResultSet results;
  // Each result's dates as text ("" for none), so accessors can lend them.
  std::vector<std::string> inspection_dates, entry_dates, publication_dates;
};
struct ssr_check_options {
  std::string as_of;  // "" or YYYY-MM-DD, validated when set
  int64_t count_full_coverage = 0;
  std::vector<ssr::Plan> plans;
  std::vector<ssr::DrawRecord> records;
  std::vector<ssr::Plan> history;
  std::optional<ssr::ResultSet> results;
  std::map<std::string, absl::CivilDay> summary_submitted, statistics_submitted;
  std::optional<ssr::WorkingDayCalendar> calendar;  // none: the built-in calendar
};
struct ssr_check_report {
  ssr::ComplianceReport report;
  std::string as_of;             // report.as_of as text, "" for none
  std::vector<std::string> due;  // each finding's due date as text, "" for none
};

namespace ssr::capi {

// A failure to report from an entry point. Thrown only inside the library, caught by Run/Get.
struct ApiError {
  ssr_status status;
  std::string message;
};

// The status code of an absl code: the one table of the ABI.
ssr_status StatusFromCode(absl::StatusCode code);

// The thread's message: cleared by every entry point, set on failure.
void ClearError() noexcept;
void SetError(ssr_status status, absl::string_view message) noexcept;
const char* LastErrorMessage() noexcept;

// The name of the entry point running in this thread, for argument errors ("ssr_plan_task_id: ...").
void SetCurrentFunction(const char* name) noexcept;
const char* CurrentFunction() noexcept;

// Throws ApiError(SSR_INVALID_ARGUMENT, "<function>: <message>") when `condition` is false.
[[noreturn]] void ThrowArgument(absl::string_view message);
inline void Require(bool condition, absl::string_view message) {
  if (!condition) ThrowArgument(message);
}
// Checks a required pointer argument: "<function>: <name> is NULL".
template <typename T>
T* NotNull(T* pointer, const char* name) {
  if (pointer == nullptr) ThrowArgument(absl::StrCat(name, " is NULL"));
  return pointer;
}
// Checks an index: SSR_OUT_OF_RANGE naming the index and the count.
void CheckIndex(size_t index, size_t count, const char* what);

// Throws the status as an ApiError unless it is OK; returns the value of a StatusOr.
void Check(const absl::Status& status);
template <typename T>
T Value(absl::StatusOr<T> value) {
  if (!value.ok()) Check(value.status());
  return *std::move(value);
}

// A NUL-terminated argument as a view; NULL only where `optional` (then "").
absl::string_view Text(const char* text, const char* name, bool optional = false);
// A (data, size) buffer as a view; data may be NULL only when size is 0.
absl::string_view Buffer(const char* data, size_t size, const char* name);

// A NUL-terminated copy of a static name (a pool, a class, a method), kept for the life of the program: the
// core returns such names as string_views, which promise no terminator.
const char* Interned(absl::string_view name);

// Copies `text` into a new malloc'd string for a char** out parameter.
char* NewString(absl::string_view text);
// Writes a fixed-size value and its NUL into the caller's buffer, or throws when it does not fit.
void WriteBuffer(absl::string_view value, char* buffer, size_t size, const char* name);

// Runs an entry point that returns ssr_status. `body` returns nothing; it throws to fail.
template <typename Body>
ssr_status Run(const char* function, Body&& body) noexcept {
  try {
    SetCurrentFunction(function);
    ClearError();
    body();
    return SSR_OK;
  } catch (const ApiError& error) {
    SetError(error.status, error.message);
    return error.status;
  } catch (const std::bad_alloc&) {
    SetError(SSR_RESOURCE_EXHAUSTED, "out of memory");
    return SSR_RESOURCE_EXHAUSTED;
  } catch (const std::exception& e) {
    SetError(SSR_INTERNAL, absl::StrCat(function, ": internal error: ", e.what()));
    return SSR_INTERNAL;
  } catch (...) {
    SetError(SSR_INTERNAL, absl::StrCat(function, ": internal error: unknown exception"));
    return SSR_INTERNAL;
  }
}

// Runs an accessor: returns `body()`, or `fallback` after recording the error.
template <typename T, typename Body>
T Get(const char* function, T fallback, Body&& body) noexcept {
  T result = fallback;
  Run(function, [&] { result = body(); });
  return result;
}

// Sets an out handle to NULL up front, so that it is NULL whenever the call fails.
template <typename T>
T** OutHandle(T** out, const char* name) {
  NotNull(out, name);
  *out = nullptr;
  return out;
}

}  // namespace ssr::capi

#endif  // SSRANDOM_SRC_CAPI_CAPI_INTERNAL_H_
