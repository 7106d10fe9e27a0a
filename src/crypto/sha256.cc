#include "crypto/sha256.h"

#include <openssl/evp.h>
#include <openssl/sha.h>

#include <cassert>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "ssrandom/digest.h"

namespace ssr::internal {
namespace {

// libcrypto failing to hash in memory means a broken installation, not bad input; there is nothing a
// caller could do with an error status, so stop loudly instead of returning a wrong digest.
void CheckOpenSsl(int ok, const char* what) {
  if (ok == 1) return;
  std::fprintf(stderr, "libssrandom: OpenSSL %s failed\n", what);
  std::abort();
}

// Fetched once: EVP_sha256() would make every EVP_DigestInit_ex look the algorithm up in the provider
// again (OpenSSL 3 "implicit fetch"), which costs more than hashing a short input.
const EVP_MD* Sha256Md() {
  static const EVP_MD* const md = [] {
    const EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return fetched != nullptr ? fetched : EVP_sha256();
  }();
  return md;
}

}  // namespace

Sha256Digest Sha256(absl::string_view data) {
  Sha256Digest digest;
  unsigned int size = 0;
  CheckOpenSsl(EVP_Digest(data.data(), data.size(), digest.data(), &size, Sha256Md(), nullptr), "EVP_Digest");
  assert(size == kSha256DigestSize);
  return digest;
}

void HexLower(const Sha256Digest& digest, char* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (size_t i = 0; i < digest.size(); ++i) {
    out[2 * i] = kHex[digest[i] >> 4];
    out[2 * i + 1] = kHex[digest[i] & 0xf];
  }
}

std::string HexLower(const Sha256Digest& digest) {
  std::string hex(2 * kSha256DigestSize, '\0');
  HexLower(digest, hex.data());
  return hex;
}

// Why the deprecated low-level API here (and only here): the ticket hot path hashes seed_hash + id for
// every entity, i.e. one fixed 64-byte block followed by a short id. Copying a SHA256_CTX that has already
// absorbed the fixed block is a plain struct copy, after which SHA256_Update/SHA256_Final run a single
// compression (SHA-NI/AVX2 accelerated, the same code EVP dispatches to). The EVP equivalent,
// EVP_MD_CTX_copy_ex, allocates and frees a provider context per call and adds dispatch layers: on the
// development machine it took ~70 ns per ticket hash against ~49 ns here (raw compression ~35 ns). The
// functions still exist, unchanged, in OpenSSL 3.x; if a future OpenSSL removes them, replace this class
// with EVP_MD_CTX_copy_ex and nothing else changes.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

static_assert(sizeof(SHA256_CTX) <= sizeof(unsigned char[128]), "Sha256Prefix::kStateSize too small");
static_assert(alignof(SHA256_CTX) <= 8, "Sha256Prefix::state_ under-aligned");
static_assert(std::is_trivially_copyable_v<SHA256_CTX>, "SHA256_CTX must be copyable with memcpy");

Sha256Prefix::Sha256Prefix(absl::string_view prefix) {
  SHA256_CTX ctx;
  CheckOpenSsl(SHA256_Init(&ctx), "SHA256_Init");
  CheckOpenSsl(SHA256_Update(&ctx, prefix.data(), prefix.size()), "SHA256_Update");
  std::memset(state_, 0, sizeof(state_));
  std::memcpy(state_, &ctx, sizeof(ctx));
}

Sha256Digest Sha256Prefix::Digest(absl::string_view suffix) const {
  SHA256_CTX ctx;
  std::memcpy(&ctx, state_, sizeof(ctx));
  Sha256Digest digest;
  // SHA256_Update/Final cannot fail on a valid context; checking would cost a branch per ticket for nothing.
  SHA256_Update(&ctx, suffix.data(), suffix.size());
  SHA256_Final(digest.data(), &ctx);
  return digest;
}

#pragma GCC diagnostic pop

}  // namespace ssr::internal

namespace ssr {

struct Sha256Hasher::State {
  EVP_MD_CTX* ctx = nullptr;
  bool finished = false;

  State() : ctx(EVP_MD_CTX_new()) {
    if (ctx == nullptr) internal::CheckOpenSsl(0, "EVP_MD_CTX_new");
    Restart();
  }
  ~State() { EVP_MD_CTX_free(ctx); }
  void Restart() {
    internal::CheckOpenSsl(EVP_DigestInit_ex(ctx, internal::Sha256Md(), nullptr), "EVP_DigestInit_ex");
    finished = false;
  }
};

Sha256Hasher::Sha256Hasher() : state_(std::make_unique<State>()) {}
Sha256Hasher::~Sha256Hasher() = default;
Sha256Hasher::Sha256Hasher(Sha256Hasher&&) noexcept = default;
Sha256Hasher& Sha256Hasher::operator=(Sha256Hasher&&) noexcept = default;

void Sha256Hasher::Update(absl::string_view data) {
  assert(state_ != nullptr && !state_->finished);
  if (state_->finished) state_->Restart();
  internal::CheckOpenSsl(EVP_DigestUpdate(state_->ctx, data.data(), data.size()), "EVP_DigestUpdate");
}

std::string Sha256Hasher::FinishHex() {
  assert(state_ != nullptr && !state_->finished);
  if (state_->finished) state_->Restart();
  internal::Sha256Digest digest;
  unsigned int size = 0;
  internal::CheckOpenSsl(EVP_DigestFinal_ex(state_->ctx, digest.data(), &size), "EVP_DigestFinal_ex");
  state_->finished = true;
  return internal::HexLower(digest);
}

std::string Sha256Hex(absl::string_view data) { return internal::HexLower(internal::Sha256(data)); }

}  // namespace ssr
