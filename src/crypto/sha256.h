// SHA-256 for the rest of the library, always through OpenSSL's libcrypto (never a hand-written hash): a
// one-shot digest, lowercase hex, and a precomputed prefix state for the ticket hot path (RULES §7 hashes
// seed_hash + id for every entity, and seed_hash is exactly one 64-byte block).
#ifndef SSRANDOM_SRC_CRYPTO_SHA256_H_
#define SSRANDOM_SRC_CRYPTO_SHA256_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace ssr::internal {

inline constexpr size_t kSha256BlockSize = 64;
inline constexpr size_t kSha256DigestSize = 32;
using Sha256Digest = std::array<uint8_t, kSha256DigestSize>;

// SHA-256 of `data`. Thread-safe.
Sha256Digest Sha256(absl::string_view data);

// The 64 lowercase hex characters of `digest` written to out[0..63] (no terminator), or as a string.
void HexLower(const Sha256Digest& digest, char* out);
std::string HexLower(const Sha256Digest& digest);

// The SHA-256 state after absorbing a fixed prefix, so that Digest(suffix) == Sha256(prefix + suffix) costs
// only the suffix's compressions. With a 64-byte prefix and a suffix of up to 55 bytes that is exactly one
// compression. Immutable after construction: Digest() is const and thread-safe.
class Sha256Prefix {
 public:
  explicit Sha256Prefix(absl::string_view prefix);

  Sha256Digest Digest(absl::string_view suffix) const;

 private:
  // OpenSSL's SHA256_CTX, stored as bytes so this header does not need OpenSSL's (OpenSSL is a private
  // dependency of ssrandom_cpp). sha256.cc checks size and alignment at compile time.
  static constexpr size_t kStateSize = 128;
  alignas(8) unsigned char state_[kStateSize];
};

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_CRYPTO_SHA256_H_
