// Registration functions, one per bindings/<concept>.cc, called from module.cc.
#ifndef SSRANDOM_BINDINGS_REGISTER_H_
#define SSRANDOM_BINDINGS_REGISTER_H_

#include <pybind11/pybind11.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace ssr::bindings {

// Raises the Python exception (ssrandom.errors.*) that matches `status`; never returns for an error status.
void ThrowIfError(const absl::Status& status);

template <typename T>
T ValueOrThrow(absl::StatusOr<T> value) {
  ThrowIfError(value.status());
  return *std::move(value);
}

void RegisterStatus(pybind11::module_& m);
void RegisterCalendar(pybind11::module_& m);  // Period, Calendar (bindings/calendar.cc)
void RegisterBureau(pybind11::module_& m);    // Bureau, Directory, QualityReport (bindings/bureau.cc)
void RegisterSampler(pybind11::module_& m);
void RegisterPolicy(pybind11::module_& m);  // Policy, Condition, Classification (bindings/policy.cc)
void RegisterDraw(pybind11::module_& m);    // draw, verify_record, plan/record JSON (bindings/draw.cc)
void RegisterTeams(pybind11::module_& m);   // assign_teams, verify_teams (bindings/teams.cc)
void RegisterCheck(pybind11::module_& m);   // results, check, statistics, disclosure (bindings/check.cc)
// The columnar entity form (bindings/columnar.cc).
void RegisterColumnar(pybind11::module_& m);
// The draw over a directory split into parts, for ssrandom.spark (bindings/partial_draw.cc)
void RegisterPartialDraw(pybind11::module_& m);

}  // namespace ssr::bindings

#endif  // SSRANDOM_BINDINGS_REGISTER_H_
