// Status codes, the thread's error message, strings handed to the caller, and the version.
#include <cstdlib>
#include <functional>
#include <mutex>
#include <set>

#include "capi/capi_internal.h"
#include "io/utf8.h"
#include "ssrandom/version.h"

static_assert(SSR_VERSION_MAJOR == SSR_CPP_VERSION_MAJOR && SSR_VERSION_MINOR == SSR_CPP_VERSION_MINOR &&
                  SSR_VERSION_PATCH == SSR_CPP_VERSION_PATCH,
              "include/ssrandom.h's version macros must match the project version in CMakeLists.txt");

namespace ssr::capi {
namespace {

// The message of the thread's last call. `fallback` is used when the message could not be stored (out of
// memory), so that ssr_last_error_message() never fails and never returns NULL.
thread_local std::string error_message;
thread_local const char* error_fallback = nullptr;
thread_local const char* current_function = "ssrandom";

}  // namespace

ssr_status StatusFromCode(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kOk:
      return SSR_OK;
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kDataLoss:  // corrupt input is bad input
      return SSR_INVALID_ARGUMENT;
    case absl::StatusCode::kNotFound:
      return SSR_NOT_FOUND;
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kAborted:
      return SSR_FAILED_PRECONDITION;
    case absl::StatusCode::kOutOfRange:
      return SSR_OUT_OF_RANGE;
    case absl::StatusCode::kAlreadyExists:
      return SSR_ALREADY_EXISTS;
    case absl::StatusCode::kResourceExhausted:
      return SSR_RESOURCE_EXHAUSTED;
    case absl::StatusCode::kPermissionDenied:
    case absl::StatusCode::kUnauthenticated:
      return SSR_PERMISSION_DENIED;
    case absl::StatusCode::kUnimplemented:
      return SSR_UNIMPLEMENTED;
    default:  // kCancelled, kUnknown, kDeadlineExceeded, kInternal, kUnavailable: none is expected
      return SSR_INTERNAL;
  }
}

void ClearError() noexcept {
  error_message.clear();
  error_fallback = nullptr;
}

void SetError(ssr_status status, absl::string_view message) noexcept {
  try {
    // Every message is UTF-8 (the header promises it, Python decodes it), also when it quotes bytes a
    // caller passed that are not (a source name, a code): such bytes are written as \xNN.
    error_message = ssr::internal::Utf8Safe(message);
    error_fallback = nullptr;
  } catch (...) {
    error_fallback = status == SSR_RESOURCE_EXHAUSTED ? "out of memory" : "error (no memory for its message)";
  }
}

const char* LastErrorMessage() noexcept {
  return error_fallback != nullptr ? error_fallback : error_message.c_str();
}

void SetCurrentFunction(const char* name) noexcept { current_function = name; }
const char* CurrentFunction() noexcept { return current_function; }

void ThrowArgument(absl::string_view message) {
  throw ApiError{SSR_INVALID_ARGUMENT, absl::StrCat(current_function, ": ", message)};
}

void CheckIndex(size_t index, size_t count, const char* what) {
  if (index >= count) {
    throw ApiError{SSR_OUT_OF_RANGE, absl::StrCat(current_function, ": ", what, " index ", index,
                                                  " is out of range (there are ", count, ")")};
  }
}

void Check(const absl::Status& status) {
  if (status.ok()) return;
  ssr_status code = StatusFromCode(status.code());
  throw ApiError{code == SSR_OK ? SSR_INTERNAL : code, std::string(status.message())};
}

absl::string_view Text(const char* text, const char* name, bool optional) {
  if (text == nullptr) {
    if (optional) return absl::string_view();
    ThrowArgument(absl::StrCat(name, " is NULL"));
  }
  return absl::string_view(text);
}

absl::string_view Buffer(const char* data, size_t size, const char* name) {
  if (data == nullptr) {
    Require(size == 0, absl::StrCat(name, " is NULL but its size is ", size));
    return absl::string_view();
  }
  return absl::string_view(data, size);
}

const char* Interned(absl::string_view name) {
  static std::mutex mutex;
  static auto* names = new std::set<std::string, std::less<>>();
  std::lock_guard<std::mutex> lock(mutex);
  auto it = names->find(name);
  if (it == names->end()) it = names->emplace(name).first;
  return it->c_str();
}

char* NewString(absl::string_view text) {
  char* copy = static_cast<char*>(std::malloc(text.size() + 1));
  if (copy == nullptr) throw std::bad_alloc();
  if (!text.empty()) std::memcpy(copy, text.data(), text.size());
  copy[text.size()] = '\0';
  return copy;
}

void WriteBuffer(absl::string_view value, char* buffer, size_t size, const char* name) {
  NotNull(buffer, name);
  if (size < value.size() + 1) {
    ThrowArgument(absl::StrCat(name, " holds ", size, " bytes; this value needs ", value.size() + 1,
                               " (use the SSR_*_SIZE macros)"));
  }
  std::memcpy(buffer, value.data(), value.size());
  buffer[value.size()] = '\0';
}

}  // namespace ssr::capi

using ssr::capi::Run;

extern "C" {

const char* ssr_version_string(void) { return ssr::kVersion; }

int ssr_version_number(void) {
  return SSR_CPP_VERSION_MAJOR * 10000 + SSR_CPP_VERSION_MINOR * 100 + SSR_CPP_VERSION_PATCH;
}

const char* ssr_status_name(ssr_status status) {
  switch (status) {
    case SSR_OK:
      return "SSR_OK";
    case SSR_INVALID_ARGUMENT:
      return "SSR_INVALID_ARGUMENT";
    case SSR_NOT_FOUND:
      return "SSR_NOT_FOUND";
    case SSR_FAILED_PRECONDITION:
      return "SSR_FAILED_PRECONDITION";
    case SSR_OUT_OF_RANGE:
      return "SSR_OUT_OF_RANGE";
    case SSR_ALREADY_EXISTS:
      return "SSR_ALREADY_EXISTS";
    case SSR_RESOURCE_EXHAUSTED:
      return "SSR_RESOURCE_EXHAUSTED";
    case SSR_PERMISSION_DENIED:
      return "SSR_PERMISSION_DENIED";
    case SSR_INTERNAL:
      return "SSR_INTERNAL";
    case SSR_UNIMPLEMENTED:
      return "SSR_UNIMPLEMENTED";
    case SSR_STATUS_FORCE_INT:
      break;
  }
  return "SSR_UNKNOWN_STATUS";
}

const char* ssr_last_error_message(void) { return ssr::capi::LastErrorMessage(); }

void ssr_free_string(char* text) { std::free(text); }

}  // extern "C"
