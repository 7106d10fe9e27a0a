#include "io/file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace ssr::internal {
namespace {

absl::Status ErrnoStatus(int error, absl::string_view action, const std::string& path) {
  std::string message = absl::StrCat("cannot ", action, " '", path, "': ", std::strerror(error));
  switch (error) {
    case ENOENT:
      return absl::NotFoundError(message);
    case EACCES:
    case EPERM:
    case EROFS:
      return absl::PermissionDeniedError(message);
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      return absl::ResourceExhaustedError(message);
    case EISDIR:
    case ENOTDIR:
      return absl::InvalidArgumentError(message);
    default:
      return absl::InternalError(message);
  }
}

// Only a regular file (or nothing) may be replaced: renaming over /dev/full or a pipe would replace the
// device or pipe itself, and as root in /dev at that.
absl::Status CheckReplaceable(const std::string& path) {
  struct stat info;
  if (::stat(path.c_str(), &info) != 0) return absl::OkStatus();  // absent, or the open will say why
  if (S_ISDIR(info.st_mode)) return ErrnoStatus(EISDIR, "write", path);
  if (!S_ISREG(info.st_mode)) {
    return absl::InvalidArgumentError(absl::StrCat("cannot write '", path,
                                                   "': it is not a regular file (a device, pipe or socket); "
                                                   "name a file in a folder to write the output to"));
  }
  return absl::OkStatus();
}

// Writes `contents` to a new temporary file next to `path`, flushed to disk; returns its name.
absl::StatusOr<std::string> WriteTemporary(const std::string& path, absl::string_view contents) {
  // Unique within the process too, so that two threads writing the same path do not share a temporary.
  static std::atomic<uint64_t> counter{0};
  std::string temporary;
  int fd = -1;
  for (int attempt = 0; fd < 0; ++attempt) {
    temporary = absl::StrCat(path, ".tmp.", ::getpid(), ".", counter.fetch_add(1));
    fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0 && (errno != EEXIST || attempt == 100)) return ErrnoStatus(errno, "write", path);
  }
  const char* data = contents.data();
  size_t remaining = contents.size();
  while (remaining > 0) {
    ssize_t written = ::write(fd, data, remaining);
    if (written < 0) {
      if (errno == EINTR) continue;
      int error = errno;
      ::close(fd);
      ::unlink(temporary.c_str());
      return ErrnoStatus(error, "write", path);
    }
    data += written;
    remaining -= static_cast<size_t>(written);
  }
  // The descriptor is closed whether or not fsync fails.
  int error = ::fsync(fd) != 0 ? errno : 0;
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error != 0) {
    ::unlink(temporary.c_str());
    return ErrnoStatus(error, "write", path);
  }
  return temporary;
}

std::string DirectoryOf(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

// Flushes a directory's entries, so that a rename survives a power cut. Best effort: some file systems
// cannot fsync a directory, and the files themselves are already whole.
void SyncDirectory(const std::string& directory) {
  int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)::fsync(fd);
  ::close(fd);
}

}  // namespace

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus(errno, "read", path);
  const struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat info;
  if (::fstat(fd, &info) != 0) return ErrnoStatus(errno, "read", path);
  if (S_ISDIR(info.st_mode)) return ErrnoStatus(EISDIR, "read", path);
  // Read straight into one buffer of the file's size. (A string stream grows its buffer by doubling and
  // its text is copied out once more: for a 1 GB columnar directory that was 2 of the 4.5 s its load took.)
  // Whatever follows the size seen first (a file growing while it is read, or a pipe, which has no size)
  // is read on to the end.
  std::string contents(S_ISREG(info.st_mode) ? static_cast<size_t>(info.st_size) : 0, '\0');
  size_t filled = 0;
  char more[1 << 16];
  while (true) {
    const bool into_contents = filled < contents.size();
    char* const into = into_contents ? contents.data() + filled : more;
    const size_t room = into_contents ? contents.size() - filled : sizeof(more);
    const ssize_t got = ::read(fd, into, room);
    if (got < 0) {
      if (errno == EINTR) continue;
      return ErrnoStatus(errno, "read", path);
    }
    if (got == 0) break;
    if (into_contents) {
      filled += static_cast<size_t>(got);
    } else {
      contents.append(more, static_cast<size_t>(got));
      filled = contents.size();
    }
  }
  contents.resize(filled);  // a file that shrank while it was read
  return contents;
}

absl::Status WriteFileAtomic(const std::string& path, absl::string_view contents) {
  const FileWrite file{path, contents};
  return WriteFilesAtomic(absl::MakeConstSpan(&file, 1));
}

absl::Status WriteFilesAtomic(absl::Span<const FileWrite> files) {
  for (const FileWrite& file : files) {
    if (absl::Status s = CheckReplaceable(file.path); !s.ok()) return s;
  }
  std::vector<std::string> temporaries;
  auto discard = [&temporaries](size_t from) {
    for (size_t i = from; i < temporaries.size(); ++i) ::unlink(temporaries[i].c_str());
  };
  for (const FileWrite& file : files) {
    absl::StatusOr<std::string> temporary = WriteTemporary(file.path, file.contents);
    if (!temporary.ok()) {
      discard(0);
      return temporary.status();
    }
    temporaries.push_back(*std::move(temporary));
  }
  std::vector<std::string> directories;
  for (size_t i = 0; i < files.size(); ++i) {
    if (::rename(temporaries[i].c_str(), files[i].path.c_str()) != 0) {
      absl::Status status = ErrnoStatus(errno, "write", files[i].path);
      discard(i);
      if (i == 0) return status;
      std::vector<std::string> replaced;
      for (size_t k = 0; k < i; ++k) replaced.push_back(files[k].path);
      return absl::Status(
          status.code(),
          absl::StrCat(status.message(), "; already replaced, each whole: ", absl::StrJoin(replaced, ", ")));
    }
    std::string directory = DirectoryOf(files[i].path);
    if (std::find(directories.begin(), directories.end(), directory) == directories.end()) {
      directories.push_back(directory);
    }
  }
  for (const std::string& directory : directories) SyncDirectory(directory);
  return absl::OkStatus();
}

absl::Status RemoveFile(const std::string& path) {
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) return ErrnoStatus(errno, "remove", path);
  return absl::OkStatus();
}

}  // namespace ssr::internal
