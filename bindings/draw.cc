// Bindings for the entity draw: plans and records cross the boundary as JSON text, which the Python layer
// wraps; the draw itself runs without the GIL.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <vector>

#include "register.h"
#include "ssrandom/draw.h"
#include "ssrandom/period.h"
#include "ssrandom/plan.h"
#include "ssrandom/policy.h"
#include "ssrandom/record.h"

namespace py = pybind11;

namespace ssr::bindings {
namespace {

std::vector<Plan> ParsePlans(const std::vector<std::string>& texts) {
  std::vector<Plan> plans;
  for (size_t i = 0; i < texts.size(); ++i) {
    plans.push_back(ValueOrThrow(Plan::FromJson(texts[i], "history plan " + std::to_string(i + 1))));
  }
  return plans;
}

}  // namespace

void RegisterDraw(py::module_& m) {
  m.def(
      "draw",
      [](const Bureau& bureau, const Policy& policy, const std::string& period_text, const std::string& seed,
         const std::string& seed_source, const std::vector<std::string>& history,
         const std::string& previous_record_digest, int threads) {
        Period period = ValueOrThrow(Period::Parse(period_text));
        DrawRequest request;
        request.seed = seed;
        request.seed_source = seed_source;
        request.history = ParsePlans(history);
        request.previous_record_digest = previous_record_digest;
        request.threads = threads;
        absl::StatusOr<DrawResult> result;
        {
          py::gil_scoped_release release;
          result = Draw(bureau, policy, period, request);
        }
        DrawResult drawn = ValueOrThrow(std::move(result));
        return py::make_tuple(drawn.plan.ToJson(), drawn.record.ToJson());
      },
      py::arg("bureau"), py::arg("policy"), py::arg("period"), py::arg("seed"), py::arg("seed_source"),
      py::arg("history"), py::arg("previous_record_digest"), py::arg("threads"));

  m.def(
      "verify_record",
      [](const std::string& record_json, const Bureau& bureau, const Policy& policy,
         const std::vector<std::string>& history) {
        DrawRecord record = ValueOrThrow(DrawRecord::FromJson(record_json, "record"));
        std::vector<Plan> plans = ParsePlans(history);
        absl::Status verified;
        {
          py::gil_scoped_release release;
          verified = VerifyRecord(record, bureau, policy, plans);
        }
        if (verified.code() == absl::StatusCode::kFailedPrecondition) {
          return py::make_tuple(false, std::string(verified.message()));
        }
        ThrowIfError(verified);
        return py::make_tuple(true, std::string("verified"));
      },
      py::arg("record_json"), py::arg("bureau"), py::arg("policy"), py::arg("history"));

  m.def("plan_normalize", [](const std::string& json) {
    Plan plan = ValueOrThrow(Plan::FromJson(json, "plan"));
    return py::make_tuple(plan.ToJson(), plan.ToCsv(), plan.Digest());
  });
  m.def("record_normalize", [](const std::string& json) {
    DrawRecord record = ValueOrThrow(DrawRecord::FromJson(json, "record"));
    return py::make_tuple(record.ToJson(), record.Digest());
  });
}

}  // namespace ssr::bindings
