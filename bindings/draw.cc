// Bindings for the entity draw: plans and records cross the boundary as JSON text, which the Python layer
// wraps; the draw itself runs without the GIL.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <vector>

#include "draw/drawn_plan.h"
#include "register.h"
#include "ssrandom/draw.h"
#include "ssrandom/period.h"
#include "ssrandom/plan.h"
#include "ssrandom/policy.h"
#include "ssrandom/record.h"

namespace py = pybind11;

namespace ssr::bindings {
namespace {

// Parses the history plans without the GIL; raises the first error.
std::vector<Plan> ParsePlans(const std::vector<std::string>& texts) {
  std::vector<Plan> plans;
  absl::Status status;
  {
    py::gil_scoped_release release;
    for (size_t i = 0; i < texts.size() && status.ok(); ++i) {
      absl::StatusOr<Plan> plan = Plan::FromJson(texts[i], "history plan " + std::to_string(i + 1));
      if (plan.ok()) {
        plans.push_back(*std::move(plan));
      } else {
        status = plan.status();
      }
    }
  }
  ThrowIfError(status);
  return plans;
}

// A draw's plan and record, kept in C++ until Python reads them: the draw returns as soon as it is drawn,
// and each text (the plan's JSON and CSV, the record's JSON and digest) is written, without the GIL, only
// when asked for (at 10^6 entities writing all of them takes about as long as the draw); the plan is kept
// compact until then (src/draw/drawn_plan.h). The ssrandom.Plan and DrawRecord objects ask once and keep
// the text. Immutable; the methods may be called from
// several threads.
struct DrawnOutputs {
  internal::DrawnResult result;
};

// One text of `drawn`, written without the GIL, as str or, for a file, as the UTF-8 bytes themselves (a
// str of a 10^7-entity plan.json is 1.8 GB decoded, then encoded again to be written).
template <typename Write>
py::object WriteWithoutGil(const DrawnOutputs& drawn, bool as_bytes, Write write) {
  std::string text;
  {
    py::gil_scoped_release release;
    text = write(drawn.result);
  }
  if (as_bytes) return py::bytes(text);
  return py::str(text);
}

}  // namespace

void RegisterDraw(py::module_& m) {
  py::class_<DrawnOutputs>(m, "DrawnOutputs")
      .def(
          "plan_json",
          [](const DrawnOutputs& d, bool as_bytes) {
            return WriteWithoutGil(d, as_bytes,
                                   [](const internal::DrawnResult& r) { return r.plan.ToJson(); });
          },
          py::arg("as_bytes") = false)
      .def(
          "plan_csv",
          [](const DrawnOutputs& d, bool as_bytes) {
            return WriteWithoutGil(d, as_bytes,
                                   [](const internal::DrawnResult& r) { return r.plan.ToCsv(); });
          },
          py::arg("as_bytes") = false)
      // Draw computed it for the record.
      .def("plan_digest", [](const DrawnOutputs& d) { return d.result.record.plan_digest; })
      .def("task_count", [](const DrawnOutputs& d) { return d.result.plan.size(); })
      .def(
          "record_json",
          [](const DrawnOutputs& d, bool as_bytes) {
            return WriteWithoutGil(d, as_bytes,
                                   [](const internal::DrawnResult& r) { return r.record.ToJson(); });
          },
          py::arg("as_bytes") = false)
      .def("record_digest", [](const DrawnOutputs& d) {
        return WriteWithoutGil(d, false, [](const internal::DrawnResult& r) { return r.record.Digest(); });
      });

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
        absl::StatusOr<internal::DrawnResult> result;
        {
          py::gil_scoped_release release;
          result = internal::DrawCompact(bureau, policy, period, request);
        }
        return DrawnOutputs{ValueOrThrow(std::move(result))};
      },
      py::arg("bureau"), py::arg("policy"), py::arg("period"), py::arg("seed"), py::arg("seed_source"),
      py::arg("history"), py::arg("previous_record_digest"), py::arg("threads"));

  m.def(
      "verify_record",
      [](const std::string& record_json, const Bureau& bureau, const Policy& policy,
         const std::vector<std::string>& history) {
        absl::StatusOr<DrawRecord> record;
        {
          py::gil_scoped_release release;
          record = DrawRecord::FromJson(record_json, "record");
        }
        ThrowIfError(record.status());
        std::vector<Plan> plans = ParsePlans(history);
        absl::Status verified;
        {
          py::gil_scoped_release release;
          verified = VerifyRecord(*record, bureau, policy, plans);
        }
        if (verified.code() == absl::StatusCode::kFailedPrecondition) {
          return py::make_tuple(false, std::string(verified.message()));
        }
        ThrowIfError(verified);
        return py::make_tuple(true, std::string("verified"));
      },
      py::arg("record_json"), py::arg("bureau"), py::arg("policy"), py::arg("history"));

  m.def("plan_normalize", [](const std::string& json) {
    absl::StatusOr<Plan> plan;
    std::string text, csv, digest;
    {
      py::gil_scoped_release release;
      plan = Plan::FromJson(json, "plan");
      if (plan.ok()) {
        text = plan->ToJson();
        csv = plan->ToCsv();
        digest = plan->Digest();
      }
    }
    ThrowIfError(plan.status());
    return py::make_tuple(text, csv, digest);
  });
  m.def("record_normalize", [](const std::string& json) {
    absl::StatusOr<DrawRecord> record;
    std::string text, digest;
    {
      py::gil_scoped_release release;
      record = DrawRecord::FromJson(json, "record");
      if (record.ok()) {
        text = record->ToJson();
        digest = record->Digest();
      }
    }
    ThrowIfError(record.status());
    return py::make_tuple(text, digest);
  });
}

}  // namespace ssr::bindings
