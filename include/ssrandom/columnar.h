// columnar.h — the columnar binary form of an entity directory (检查对象名录库), for directories of
// province and national size (10⁵–10⁸ entities), where CSV is slow to read and large on disk.
//
// The file (`.ssrcol`) is the directory's own struct of arrays written out: a header with a SHA-256 of the
// body, a table of sections, and one section per column (string heaps with 32-bit end offsets, interned
// value pools, fixed-width code and count arrays). Loading copies the sections into the columns, checks
// every rule `Directory::Add` enforces and builds the id index; it does not parse text. The layout is
// specified in docs/PERFORMANCE.md ("The columnar form").
//
//   ssr::Directory directory = *ssr::LoadEntities("entities.csv");
//   if (absl::Status s = ssr::SaveColumnarEntities(directory, "entities.ssrcol"); !s.ok()) return s;
//   absl::StatusOr<ssr::Directory> again = ssr::LoadColumnarEntities("entities.ssrcol");
//   // again->CanonicalDigest() == directory.CanonicalDigest(), and row order is kept.
//
// `LoadEntities` (bureau_io.h) reads a `.ssrcol` path too, and `LoadBureau` reads a folder's
// `entities.ssrcol` in place of `entities.csv`/`.json`.
//
// Format stability: the file carries a version number (kColumnarVersion). A reader accepts its own version
// only and names both versions otherwise; the bytes a given version writes never change. Integers are
// little-endian; the library refuses to build on a big-endian host rather than write a different file.
//
// Thread safety: every function here is thread-safe (no shared state); a Directory being saved must not be
// modified at the same time.
#ifndef SSRANDOM_COLUMNAR_H_
#define SSRANDOM_COLUMNAR_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "ssrandom/directory.h"

namespace ssr {

// The format version this library reads and writes.
inline constexpr uint32_t kColumnarVersion = 1;

// The file name extension of the columnar form, with its dot.
inline constexpr absl::string_view kColumnarExtension = ".ssrcol";

// The columnar bytes of `directory`: deterministic (the same directory, rows in the same order, gives the
// same bytes). Allocates the result, about as many bytes as Directory::ResidentBytes() less the id index.
std::string ColumnarEntities(const Directory& directory);

// Writes ColumnarEntities(directory) to `path` atomically (a temporary file renamed over `path`): on any
// error the file keeps its earlier contents or stays absent. Errors name the path: NotFound (no such
// folder), PermissionDenied, ResourceExhausted (disk full), InvalidArgument (`path` is a folder or a device).
absl::Status SaveColumnarEntities(const Directory& directory, const std::string& path);

// A directory from columnar bytes. `source` names the input in messages (e.g. the file name). Errors (a
// failed call returns no directory; nothing is half-loaded):
//  - DataLoss: not a columnar file (wrong magic), truncated, a size or offset out of range, the body's
//    SHA-256 not matching the header (the file was changed or damaged after it was written).
//  - FailedPrecondition: a version other than kColumnarVersion.
//  - InvalidArgument: a well-formed file whose contents break a directory rule, naming the row (1-based),
//    the entity id where there is one, the field and the reason: an empty or duplicate id, text that is not
//    UTF-8 or holds a control character, a code outside its value pool, an unknown enum value, a count above
//    65,534, a repeated tag. (A file written by this library never has these; they mean the file was made
//    by other software.)
absl::StatusOr<Directory> ReadColumnarEntities(absl::string_view bytes, const std::string& source);

// Reads the file at `path` and calls ReadColumnarEntities with its base name as `source`. File errors as
// in LoadEntities: NotFound, PermissionDenied, InvalidArgument (a folder).
absl::StatusOr<Directory> LoadColumnarEntities(const std::string& path);

// Whether `path` names a columnar file by its extension (case-insensitive ".ssrcol").
bool IsColumnarPath(absl::string_view path);

}  // namespace ssr

#endif  // SSRANDOM_COLUMNAR_H_
