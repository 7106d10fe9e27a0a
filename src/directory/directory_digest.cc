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
#include <system_error>
#include <thread>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "crypto/sha256.h"
#include "directory/canonical.h"
#include "directory/digest_cache.h"
#include "directory/entity_columns.h"
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

absl::string_view Bytes(const std::vector<Sha256Digest>& hashes) {
  return absl::string_view(reinterpret_cast<const char*>(hashes.data()), hashes.size() * kEntityHashSize);
}

// B[k] of hashes already gathered for one bucket; sorts them in place.
std::string SortedBucketDigest(std::vector<Sha256Digest>* hashes) {
  std::sort(hashes->begin(), hashes->end());
  return Sha256Hex(Bytes(*hashes));
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

std::string ComputeCanonicalDigest(const internal::EntityColumns& columns) {
  const uint32_t rows = static_cast<uint32_t>(columns.size());
  // Rows grouped by bucket with a counting sort: 5 bytes per entity, not a copy of the lines.
  std::vector<uint8_t> bucket(rows);
  std::array<uint32_t, kDirectoryDigestBuckets + 1> start{};
  for (uint32_t row = 0; row < rows; ++row) {
    bucket[row] = BucketOf(columns.ids[row]);
    ++start[bucket[row] + 1];
  }
  for (int k = 0; k < kDirectoryDigestBuckets; ++k) start[k + 1] += start[k];
  std::vector<uint32_t> order(rows);
  std::array<uint32_t, kDirectoryDigestBuckets> next;
  std::copy(start.begin(), start.end() - 1, next.begin());
  for (uint32_t row = 0; row < rows; ++row) order[next[bucket[row]]++] = row;

  // Buckets are independent: large directories hash them on several threads (the result cannot depend on
  // how many: each bucket's digest is a function of its own entities).
  std::vector<std::string> digests(kDirectoryDigestBuckets);
  auto digest_buckets = [&](int first, int last) {
    internal::CanonicalLineWriter writer(columns);
    std::vector<Sha256Digest> hashes;
    for (int k = first; k < last; ++k) {
      hashes.clear();
      for (uint32_t i = start[k]; i < start[k + 1]; ++i)
        hashes.push_back(Unprefixed().Digest(writer.Line(order[i])));
      digests[k] = SortedBucketDigest(&hashes);
    }
  };
  const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  const int threads =
      rows < kRowsPerDigestThread ? 1 : static_cast<int>(std::min(hardware, kMaxDigestThreads));
  std::vector<std::thread> workers;
  int first_unstarted = threads;  // threads that could not be started leave their buckets to this one
  for (int t = 1; t < threads; ++t) {
    try {
      workers.emplace_back(digest_buckets, kDirectoryDigestBuckets * t / threads,
                           kDirectoryDigestBuckets * (t + 1) / threads);
    } catch (const std::system_error&) {
      first_unstarted = t;
      break;
    }
  }
  digest_buckets(0, kDirectoryDigestBuckets / threads);
  digest_buckets(kDirectoryDigestBuckets * first_unstarted / threads, kDirectoryDigestBuckets);
  for (std::thread& worker : workers) worker.join();
  return CombineBuckets(digests);
}

}  // namespace

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
  if (!digest_cache_->digest.has_value()) digest_cache_->digest = ComputeCanonicalDigest(*columns_);
  return *digest_cache_->digest;
}

}  // namespace ssr
