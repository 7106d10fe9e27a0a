// directory.h — the entity directory (检查对象名录库), stored column by column.
//
// A `Directory` holds up to tens of millions of entities compactly: a struct of arrays with interned strings
// for areas, industries, credit classes and tags, and enums for the classes. Rows go in as `Entity` values
// and come out as `Entity` values or through per-field accessors; the library's hot loops (classification,
// the draw) read the columns directly.
//
//   ssr::Directory directory;
//   for (const ssr::Entity& e : rows) {
//     if (absl::Status s = directory.Add(e); !s.ok()) return s;  // duplicate id, control characters ...
//   }
//   std::optional<size_t> row = directory.Find("XL-0001");
//   ssr::Entity entity = directory.Get(*row);
//   std::string digest = directory.CanonicalDigest();  // SHA-256 hex, independent of row order
//
// Rows keep their insertion order; ids are unique.
//
// Thread safety: const methods may be called from many threads at once; Add requires exclusive access.
#ifndef SSRANDOM_DIRECTORY_H_
#define SSRANDOM_DIRECTORY_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "ssrandom/entity.h"

namespace ssr {

class Directory;
// The first line of the text whose SHA-256 is a directory's canonical digest (ssrandom/directory_digest.h,
// docs/directory.md): it names the digest's version.
inline constexpr char kCanonicalDirectoryHeader[] = "ssrandom-entity-directory-v2\n";

namespace internal {
struct EntityColumns;         // src/directory/entity_columns.h
struct DirectoryDigestCache;  // src/directory/directory_digest.cc
// A directory owning `columns`, whose rows the caller has validated and whose id index it has built (the
// columnar reader, src/io/columnar.cc). Not for use outside the library.
Directory AdoptColumns(std::unique_ptr<EntityColumns> columns);
}  // namespace internal

class Directory {
 public:
  Directory();
  ~Directory();
  Directory(const Directory& other);
  Directory& operator=(const Directory& other);
  Directory(Directory&& other) noexcept;
  Directory& operator=(Directory&& other) noexcept;

  // Appends one entity. Errors (a failed call changes nothing):
  //  - InvalidArgument: empty id; a text field that is not UTF-8 or holds a control character; a date
  //    outside 0001-01-01..9999-12-31; a negative count or one above 65,534; more than 65,535 distinct
  //    areas, industries, credit classes or tags; the directory's text exceeding 4 GiB per column.
  //  - AlreadyExists: an entity with the same id is already present.
  absl::Status Add(const Entity& entity);

  size_t size() const;
  bool empty() const { return size() == 0; }

  // The whole row at `index` (< size()), materialised.
  Entity Get(size_t index) const;

  // The row index of the entity with that id, or nullopt. O(1).
  std::optional<size_t> Find(absl::string_view id) const;

  // Per-field accessors; `index` < size(). The views stay valid until the directory is modified or destroyed.
  absl::string_view id(size_t index) const;
  absl::string_view uscc(size_t index) const;
  absl::string_view name(size_t index) const;
  absl::string_view area(size_t index) const;
  absl::string_view credit(size_t index) const;
  PermitClass permit_class(size_t index) const;
  EntityStatus status(size_t index) const;
  std::optional<bool> positive_list(size_t index) const;
  std::optional<bool> key_unit(size_t index) const;

  // The distinct non-empty areas (所属区域) in first-seen order.
  std::vector<std::string> Areas() const;

  // The canonical digest of the directory (SHA-256, lowercase hex; version 2, defined in
  // ssrandom/directory_digest.h and docs/directory.md): the same set of entities gives the same digest
  // whatever the row order, the file format it came from or how it was split. Computed on first use and
  // kept until the next Add, so drawing, verifying and checking a frozen directory hash it once;
  // concurrent callers wait for the one computation. A directory of 50,000 entities or more is hashed on
  // up to min(hardware threads, 8) threads, started and joined inside the call (the digest does not depend
  // on how many). A copy starts with the original's digest. Errors: none.
  std::string CanonicalDigest() const;

  // The canonical digest if it is already known (computed, or copied with the directory, and no Add since),
  // else nullopt; never computes it. Lets a caller that would hash a large directory on a thread of its own
  // skip starting one. Thread-safe, like CanonicalDigest(). Errors: none.
  std::optional<std::string> KnownCanonicalDigest() const;

  // Releases spare capacity left by growth; loaders call it once the last row is added.
  void ShrinkToFit();

  // Bytes held in memory by the directory (all columns and indexes).
  size_t ResidentBytes() const;

  // The columns, for the library's own hot loops (the type is internal).
  const internal::EntityColumns& columns() const { return *columns_; }

 private:
  friend Directory internal::AdoptColumns(std::unique_ptr<internal::EntityColumns> columns);
  explicit Directory(std::unique_ptr<internal::EntityColumns> columns);

  std::unique_ptr<internal::EntityColumns> columns_;
  std::unique_ptr<internal::DirectoryDigestCache> digest_cache_;
};

}  // namespace ssr

#endif  // SSRANDOM_DIRECTORY_H_
