// File helpers shared by every loader and writer: whole-file reads with clear errors, and atomic writes
// (temporary file + rename) so that an output is either whole or absent, never half-written.
#ifndef SSRANDOM_SRC_IO_FILE_H_
#define SSRANDOM_SRC_IO_FILE_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace ssr::internal {

// Reads the whole file. NotFound when it does not exist, PermissionDenied when it cannot be read,
// InvalidArgument when it is a directory; the message names the path.
absl::StatusOr<std::string> ReadFile(const std::string& path);

// Writes `contents` to `path` atomically: a temporary file in the same directory is written, flushed and
// renamed over `path`. On any failure the temporary file is removed and `path` keeps its earlier contents.
absl::Status WriteFileAtomic(const std::string& path, absl::string_view contents);

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_IO_FILE_H_
