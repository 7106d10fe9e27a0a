// The directory digest, version 2 (ssrandom/directory_digest.h, docs/directory.md): entity lines hashed one
// by one, grouped into 256 buckets by their id, each bucket's hashes sorted and hashed, and the 256 bucket
// digests hashed under the header line.
#include "ssrandom/directory_digest.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "crypto/sha256.h"
#include "directory/canonical.h"
#include "directory/digest_cache.h"
#include "directory/entity_columns.h"
#include "directory/grouped_digest.h"
#include "parallel/run_parts.h"
#include "ssrandom/digest.h"

namespace ssr {
namespace {

using internal::kSha256DigestSize;
using internal::Sha256Digest;
static_assert(sizeof(Sha256Digest) == kEntityHashSize, "entity hashes are stored back to back");
static_assert(sizeof(Sha256Digest[2]) == 2 * kEntityHashSize, "entity hashes are stored back to back");

// SHA-256 through the prefix-state fast path (one struct copy instead of an EVP context per call): the
// digest hashes two short strings per entity.
const internal::Sha256Prefix& Unprefixed() {
  static const internal::Sha256Prefix* const prefix = new internal::Sha256Prefix("");
  return *prefix;
}

// Below this many rows a second thread costs more than it saves.
constexpr uint32_t kRowsPerDigestThread = 50'000;
constexpr unsigned kMaxDigestThreads = 8;

uint8_t BucketOf(absl::string_view id) { return Unprefixed().Digest(id)[0]; }

// B[k] of the hashes [begin, end) gathered for one bucket; sorts them in place.
std::string SortedBucketDigest(Sha256Digest* begin, Sha256Digest* end) {
  std::sort(begin, end);
  return Sha256Hex(absl::string_view(reinterpret_cast<const char*>(begin),
                                     static_cast<size_t>(end - begin) * kEntityHashSize));
}
std::string SortedBucketDigest(std::vector<Sha256Digest>* hashes) {
  return SortedBucketDigest(hashes->data(), hashes->data() + hashes->size());
}

std::string CombineBuckets(absl::Span<const std::string> bucket_digests) {
  Sha256Hasher hasher;
  hasher.Update(kCanonicalDirectoryHeader);
  for (const std::string& digest : bucket_digests) {
    hasher.Update(digest);
    hasher.Update("\n");
  }
  return hasher.FinishHex();
}

bool IsLowerHexDigest(absl::string_view text) {
  return text.size() == 2 * kSha256DigestSize && std::all_of(text.begin(), text.end(), [](char c) {
           return absl::ascii_isdigit(c) || (c >= 'a' && c <= 'f');
         });
}

}  // namespace

namespace internal {

// The rows are read in row order, each thread taking a contiguous range, and never bucket by bucket: an
// entity's line reads 17 columns, and visiting the rows of one bucket after another missed the cache on
// nearly every column of every row (1.3 µs of CPU per entity at 10^6). Each range's hashes go straight to
// their bucket's place in one array. Buckets are taken in groups of about rows_per_group rows, one pass over
// the rows per group, so that the hashes held at once stay within rows_per_group × 32 bytes at any size. The
// result cannot depend on the threads or the groups: a bucket's digest sorts its hashes.
std::string GroupedDirectoryDigest(const EntityColumns& columns, uint64_t rows_per_group) {
  const uint32_t rows = static_cast<uint32_t>(columns.size());
  const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  const int threads =
      rows < kRowsPerDigestThread ? 1 : static_cast<int>(std::min(hardware, kMaxDigestThreads));
  const auto range_begin = [&](int part) {
    return static_cast<uint32_t>(uint64_t{rows} * static_cast<uint64_t>(part) /
                                 static_cast<uint64_t>(threads));
  };

  // Each row's bucket, and how many rows of each bucket each range holds.
  using Counts = std::array<uint32_t, kDirectoryDigestBuckets>;
  std::vector<uint8_t> bucket(rows);
  std::vector<Counts> counts(static_cast<size_t>(threads), Counts{});
  RunParts(threads, [&](int part) {
    Counts& count = counts[static_cast<size_t>(part)];
    for (uint32_t row = range_begin(part); row < range_begin(part + 1); ++row) {
      bucket[row] = BucketOf(columns.ids[row]);
      ++count[bucket[row]];
    }
  });
  Counts total{};
  for (const Counts& count : counts) {
    for (int k = 0; k < kDirectoryDigestBuckets; ++k) total[k] += count[k];
  }

  std::vector<std::string> digests(kDirectoryDigestBuckets);
  std::vector<Sha256Digest> hashes;
  for (int first = 0; first < kDirectoryDigestBuckets;) {
    int last = first;  // the group is buckets [first, last)
    uint64_t group_rows = 0;
    do {
      group_rows += total[last++];
    } while (last < kDirectoryDigestBuckets && group_rows + total[last] <= rows_per_group);
    // Bucket k's hashes are hashes[start[k - first], start[k - first + 1]); range t writes its own from
    // cursor[t][k] on, after those of the ranges before it.
    std::vector<uint32_t> start(static_cast<size_t>(last - first) + 1);
    std::vector<Counts> cursor(static_cast<size_t>(threads));
    uint32_t offset = 0;
    for (int k = first; k < last; ++k) {
      start[k - first] = offset;
      for (int t = 0; t < threads; ++t) {
        cursor[t][k] = offset;
        offset += counts[t][k];
      }
    }
    start[last - first] = offset;
    hashes.resize(offset);
    RunParts(threads, [&](int part) {
      CanonicalLineWriter writer(columns);
      Counts& next = cursor[static_cast<size_t>(part)];
      for (uint32_t row = range_begin(part); row < range_begin(part + 1); ++row) {
        const int k = bucket[row];
        if (k < first || k >= last) continue;
        hashes[next[k]++] = Unprefixed().Digest(writer.Line(row));
      }
    });
    RunParts(threads, [&](int part) {
      const int from = first + (last - first) * part / threads;
      const int to = first + (last - first) * (part + 1) / threads;
      for (int k = from; k < to; ++k) {
        digests[k] =
            SortedBucketDigest(hashes.data() + start[k - first], hashes.data() + start[k - first + 1]);
      }
    });
    first = last;
  }
  return CombineBuckets(digests);
}

}  // namespace internal

CanonicalEntityHashes HashCanonicalEntities(const Directory& part) {
  const internal::EntityColumns& columns = part.columns();
  CanonicalEntityHashes result;
  result.buckets.resize(columns.size());
  result.hashes.resize(columns.size() * kEntityHashSize);
  internal::CanonicalLineWriter writer(columns);
  for (uint32_t row = 0; row < columns.size(); ++row) {
    result.buckets[row] = static_cast<char>(BucketOf(columns.ids[row]));
    const Sha256Digest hash = Unprefixed().Digest(writer.Line(row));
    std::memcpy(&result.hashes[row * kEntityHashSize], hash.data(), kEntityHashSize);
  }
  return result;
}

absl::StatusOr<std::string> DirectoryBucketDigest(int bucket, absl::string_view hashes) {
  if (bucket < 0 || bucket >= kDirectoryDigestBuckets) {
    return absl::InvalidArgumentError(
        absl::StrCat("directory digest: bucket ", bucket, " is outside 0..255"));
  }
  if (hashes.size() % kEntityHashSize != 0) {
    return absl::InvalidArgumentError(absl::StrCat("directory digest: bucket ", bucket, " holds ",
                                                   hashes.size(),
                                                   " bytes of entity hashes, not a multiple of 32"));
  }
  std::vector<Sha256Digest> sorted(hashes.size() / kEntityHashSize);
  if (!sorted.empty()) std::memcpy(sorted.data(), hashes.data(), hashes.size());
  std::string digest = SortedBucketDigest(&sorted);
  auto twice = std::adjacent_find(sorted.begin(), sorted.end());
  if (twice != sorted.end()) {
    return absl::InvalidArgumentError(
        absl::StrCat("directory digest: bucket ", bucket, " holds the entity with line hash ",
                     internal::HexLower(*twice), " twice (the same entity was given twice)"));
  }
  return digest;
}

absl::StatusOr<std::string> DirectoryDigestFromBuckets(absl::Span<const std::string> bucket_digests) {
  if (bucket_digests.size() != static_cast<size_t>(kDirectoryDigestBuckets)) {
    return absl::InvalidArgumentError(absl::StrCat("directory digest: ", bucket_digests.size(),
                                                   " bucket digests given, not ", kDirectoryDigestBuckets));
  }
  for (size_t k = 0; k < bucket_digests.size(); ++k) {
    if (!IsLowerHexDigest(bucket_digests[k])) {
      return absl::InvalidArgumentError(absl::StrCat("directory digest: bucket ", k, ": '", bucket_digests[k],
                                                     "' is not 64 lowercase hex characters"));
    }
  }
  return CombineBuckets(bucket_digests);
}

std::string Directory::CanonicalDigest() const {
  std::lock_guard<std::mutex> lock(digest_cache_->mu);
  if (!digest_cache_->digest.has_value()) digest_cache_->digest = internal::GroupedDirectoryDigest(*columns_);
  return *digest_cache_->digest;
}

std::optional<std::string> Directory::KnownCanonicalDigest() const {
  std::lock_guard<std::mutex> lock(digest_cache_->mu);
  return digest_cache_->digest;
}

}  // namespace ssr
