// Maps absl::Status to the ssrandom.errors hierarchy, so Python never sees a bare RuntimeError from C++.
#include <string>

#include "register.h"

namespace py = pybind11;

namespace ssr::bindings {

void ThrowIfError(const absl::Status& status) {
  if (status.ok()) return;
  const char* class_name = "InternalError";
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kDataLoss:
      class_name = "InvalidInputError";
      break;
    case absl::StatusCode::kNotFound:
      class_name = "NotFoundError";
      break;
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kResourceExhausted:
    case absl::StatusCode::kPermissionDenied:
      class_name = "FailedPreconditionError";
      break;
    case absl::StatusCode::kOutOfRange:
      class_name = "OutOfRangeError";
      break;
    default:
      break;
  }
  py::object errors = py::module_::import("ssrandom.errors");
  py::object error =
      errors.attr(class_name)(std::string(status.message()), absl::StatusCodeToString(status.code()));
  PyErr_SetObject(py::type::of(error).ptr(), error.ptr());
  throw py::error_already_set();
}

void RegisterStatus(py::module_& m) {
  // Exposed for tests of the mapping; not part of the public Python API.
  m.def("_raise_status", [](int code, const std::string& message) {
    ThrowIfError(absl::Status(static_cast<absl::StatusCode>(code), message));
  });
}

}  // namespace ssr::bindings
