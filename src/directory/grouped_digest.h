// How Directory::CanonicalDigest computes the directory digest (ssrandom/directory_digest.h) from the
// columns: each row's bucket, then the entity hashes of a group of buckets at a time, each group one pass
// over the rows in row order on up to 8 threads. Exposed so that tests can make the groups small; the
// digest depends on neither the groups nor the threads.
#ifndef SSRANDOM_SRC_DIRECTORY_GROUPED_DIGEST_H_
#define SSRANDOM_SRC_DIRECTORY_GROUPED_DIGEST_H_

#include <cstdint>
#include <string>

#include "directory/entity_columns.h"

namespace ssr::internal {

// The entity hashes of about this many rows are held at once (32 bytes each: 64 MiB), unless one bucket
// alone holds more.
inline constexpr uint64_t kDigestRowsPerGroup = uint64_t{1} << 21;

// The directory digest of `columns` (lowercase hex). Thread-safe for concurrent readers of `columns`.
std::string GroupedDirectoryDigest(const EntityColumns& columns,
                                   uint64_t rows_per_group = kDigestRowsPerGroup);

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_DIRECTORY_GROUPED_DIGEST_H_
