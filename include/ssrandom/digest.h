// ssrandom/digest.h — SHA-256 digests, in the one form the project publishes them: 64 lowercase hex
// characters.
//
// Draw records name the frozen directory, the policy and the previous record by their SHA-256 digest, and
// ticket sampling (ssrandom/sampler.h) hashes with SHA-256 too. Everything goes through OpenSSL's libcrypto,
// which uses the CPU's SHA extensions where present; the output is identical on every platform.
//
// Example:
//
//   std::string d = ssr::Sha256Hex("abc");
//   // d == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
//
//   ssr::Sha256Hasher hasher;              // for input that arrives in pieces
//   hasher.Update("ab");
//   hasher.Update("c");
//   std::string same = hasher.FinishHex();  // == d
#ifndef SSRANDOM_DIGEST_H_
#define SSRANDOM_DIGEST_H_

#include <memory>
#include <string>

#include "absl/strings/string_view.h"

namespace ssr {

// The SHA-256 digest of the bytes of `data` as 64 lowercase hex characters. Text is hashed as the bytes it
// is given: pass UTF-8 to match other tools (Python's hashlib.sha256(s.encode("utf-8")).hexdigest()).
//
// Errors: none. Thread safety: thread-safe.
std::string Sha256Hex(absl::string_view data);

// An incremental SHA-256: Update() any number of times, then FinishHex() once. The digest of the
// concatenation of every Update() equals Sha256Hex() of it, however the input was split.
//
// Errors: none; calling Update() or FinishHex() after FinishHex() is a programming error (checked by
// assert in debug builds; in release builds the hasher restarts from empty input).
// Ownership: the hasher owns its state; it is movable, not copyable. A moved-from hasher may only be
// destroyed or assigned to.
// Thread safety: one hasher must not be used from two threads at once; distinct hashers are independent.
class Sha256Hasher {
 public:
  Sha256Hasher();
  ~Sha256Hasher();
  Sha256Hasher(Sha256Hasher&&) noexcept;
  Sha256Hasher& operator=(Sha256Hasher&&) noexcept;
  Sha256Hasher(const Sha256Hasher&) = delete;
  Sha256Hasher& operator=(const Sha256Hasher&) = delete;

  // Appends `data` to the hashed input. Keeps no reference to `data`.
  void Update(absl::string_view data);

  // The digest of everything passed to Update(), as 64 lowercase hex characters.
  std::string FinishHex();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace ssr

#endif  // SSRANDOM_DIGEST_H_
