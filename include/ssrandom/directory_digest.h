// directory_digest.h — the canonical digest of an entity directory (检查对象名录库的摘要), version 2, and
// the pieces to compute it over a directory split into parts (a Spark table, shards, files).
//
// A draw record names the frozen directory by this digest (docs/directory.md, "Canonical digest"). Its
// definition, so that anyone can recompute it with a few lines of Python (the doc has them):
//
//   line(e)   = the entity's 17 fields in their CSV text form, joined by U+001F, ended by "\n"
//   hash(e)   = SHA-256(line(e))                         (32 bytes)
//   bucket(e) = first byte of SHA-256(UTF-8 id of e)     (0..255)
//   B[k]      = SHA-256 of the hash(e) of bucket k, concatenated in ascending byte order (lowercase hex;
//               an empty bucket gives SHA-256 of nothing)
//   digest    = SHA-256(kCanonicalDirectoryHeader + B[0] + "\n" + B[1] + "\n" + ... + B[255] + "\n")
//
// Why buckets rather than one SHA-256 over all lines in id order (version 1): every piece is independent of
// row order and of how the directory is split, so the buckets hash in parallel, a distributed engine sends
// each bucket's hashes to one worker (a shuffle of ~50 bytes per entity) and only 256 bucket digests reach
// the driver, and nobody has to sort ten million ids first. Both entities with the same id fall in the same
// bucket, which is where a distributed computation finds duplicates.
//
// Directory::CanonicalDigest() computes the whole thing (and caches it: a frozen directory is hashed once).
// Over parts:
//
//   std::vector<std::string> hashes(ssr::kDirectoryDigestBuckets);   // per bucket, from every part
//   for (const ssr::Directory& part : parts) {
//     ssr::CanonicalEntityHashes h = ssr::HashCanonicalEntities(part);
//     for (size_t row = 0; row < part.size(); ++row)
//       hashes[h.buckets[row]].append(h.hashes, 32 * row, 32);
//   }
//   std::vector<std::string> buckets;
//   for (int k = 0; k < ssr::kDirectoryDigestBuckets; ++k)
//     buckets.push_back(*ssr::DirectoryBucketDigest(k, hashes[k]));
//   std::string digest = *ssr::DirectoryDigestFromBuckets(buckets);  // == whole.CanonicalDigest()
//
// Thread safety: every function here is reentrant and reads its arguments without modifying them.
#ifndef SSRANDOM_DIRECTORY_DIGEST_H_
#define SSRANDOM_DIRECTORY_DIGEST_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "ssrandom/directory.h"

namespace ssr {

// The number of buckets of the digest (fixed by the definition above).
inline constexpr int kDirectoryDigestBuckets = 256;
// Bytes of one entity hash.
inline constexpr size_t kEntityHashSize = 32;

// Every entity's bucket and hash, in row order.
struct CanonicalEntityHashes {
  std::string buckets;  // size() bytes: buckets[row] is the row's bucket (read it as unsigned char)
  std::string hashes;   // 32 × size() bytes: hashes.substr(32 * row, 32) is SHA-256 of the row's line
};

// The bucket and hash of every entity of `part`, in its row order. Errors: none. The caller owns the
// result (33 bytes per entity).
CanonicalEntityHashes HashCanonicalEntities(const Directory& part);

// B[bucket]: SHA-256 (lowercase hex) of the entity hashes in `hashes` (32 bytes each, any order), sorted
// into ascending byte order and concatenated. Errors (InvalidArgument): `bucket` outside 0..255; a length
// that is not a multiple of 32; the same hash twice (one entity given twice — its line, id included, is
// identical). Whether each hash belongs to `bucket` cannot be checked from the hash (the bucket comes from
// the id): HashCanonicalEntities says where each belongs.
absl::StatusOr<std::string> DirectoryBucketDigest(int bucket, absl::string_view hashes);

// The directory digest from its 256 bucket digests B[0..255] (lowercase hex, as DirectoryBucketDigest
// gives them). Errors (InvalidArgument): not exactly 256 digests, or one that is not 64 lowercase hex
// characters.
absl::StatusOr<std::string> DirectoryDigestFromBuckets(absl::Span<const std::string> bucket_digests);

}  // namespace ssr

#endif  // SSRANDOM_DIRECTORY_DIGEST_H_
