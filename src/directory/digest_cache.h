// Directory::CanonicalDigest's cache (ssrandom/directory.h): a directory is frozen before a draw and then
// hashed by the draw, its verification and the check; it pays for the digest once. Add() clears it.
#ifndef SSRANDOM_SRC_DIRECTORY_DIGEST_CACHE_H_
#define SSRANDOM_SRC_DIRECTORY_DIGEST_CACHE_H_

#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace ssr::internal {

struct DirectoryDigestCache {
  std::mutex mu;
  std::optional<std::string> digest;  // guarded by mu

  // A new cache holding what `other` holds (a copied directory has the same entities).
  static std::unique_ptr<DirectoryDigestCache> CopyOf(DirectoryDigestCache& other) {
    auto copy = std::make_unique<DirectoryDigestCache>();
    std::lock_guard<std::mutex> lock(other.mu);
    copy->digest = other.digest;
    return copy;
  }
};

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_DIRECTORY_DIGEST_CACHE_H_
