// File helpers shared by every loader and writer: whole-file reads with clear errors, and atomic writes
// (temporary file + rename) so that an output is either whole or absent, never half-written.
#ifndef SSRANDOM_SRC_IO_FILE_H_
#define SSRANDOM_SRC_IO_FILE_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace ssr::internal {

// Reads the whole file. NotFound when it does not exist, PermissionDenied when it cannot be read,
// InvalidArgument when it is a directory; the message names the path.
absl::StatusOr<std::string> ReadFile(const std::string& path);

// Writes `contents` to `path` atomically: a temporary file in the same directory (named
// <path>.tmp.<pid>.<n>) is written, flushed to disk and renamed over `path`, and the directory is flushed.
// On any failure the temporary file is removed and `path` keeps its earlier contents (or stays absent); a
// process killed midway leaves at most the temporary file behind. Errors name `path`: NotFound (no such
// directory), PermissionDenied (read-only), ResourceExhausted (disk full or file size limit),
// InvalidArgument (`path` is a directory, or exists and is not a regular file: a device such as /dev/full,
// a pipe or a socket is never replaced).
absl::Status WriteFileAtomic(const std::string& path, absl::string_view contents);

struct FileWrite {
  std::string path;
  absl::string_view contents;
};

// Writes several files as one output: every file is first written to its temporary file, and only when all
// of them are written (the step that fails when the disk is full) are they renamed over their targets, in
// order. A failure before the renames leaves every target as it was. A rename failing midway (rare: the
// files are already written) leaves the earlier targets replaced, each whole, and the message lists them.
absl::Status WriteFilesAtomic(absl::Span<const FileWrite> files);

// Removes the file at `path`; OK when there is none. Errors as WriteFileAtomic.
absl::Status RemoveFile(const std::string& path);

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_IO_FILE_H_
