// ssrandom/sampler.h — verifiable ticket sampling, byte-compatible with Ronald Rivest's consistent_sampler.
//
// Every draw in libssrandom ranks the candidates of a stratum by a "ticket": a decimal fraction in (0, 1)
// computed from the public seed and the candidate's id alone (docs RULES §7):
//
//   H(s)       = lowercase hex SHA-256 of the UTF-8 bytes of s
//   U(s)       = "0." + the decimal digits of int(H(s), 16), left-padded with zeros to at least 64 digits,
//                written in reverse order (least significant digit first)
//   seed_hash  = H(seed)
//   ticket(id) = U(seed_hash + id)
//
// Tickets compare as strings; ties break by id. Without replacement, a sample of size n is the n lowest
// tickets. Because a ticket depends only on (seed, id), anyone can re-run a published draw — with this
// library or with the independent Python package consistent_sampler (pip install consistent_sampler):
//
//   list(consistent_sampler.sampler(ids, seed=seed, with_replacement=False, take=n, output='id'))
//
// returns the ids of TicketSampler(seed).SelectLowest(ids, n), in the same order.
//
// Example:
//
//   ssr::TicketSampler sampler("314159");
//   std::vector<absl::string_view> ids = {"A-1", "A-2", "A-3", "B-1", "B-2", "B-3"};
//   std::vector<size_t> picked = sampler.SelectLowest(ids, 4);    // indices {4, 5, 2, 1}:
//                                                                // B-2, B-3, A-3, A-2
//   std::string t = sampler.Ticket("B-2");                        // "0.410310858090729035...", 66 to 80
//   chars
//
// Speed: the seed hash is exactly one 64-byte SHA-256 block, so its hash state is computed once per
// sampler; a ticket then costs one SHA-256 compression for ids of up to 55 bytes (two up to 119 bytes, and
// so on). Ranking never builds ticket strings: it compares a 64-bit key holding the first 19 ticket digits
// and looks at whole tickets only when two keys are equal (about once in 10^19 pairs). See docs/sampler.md
// for the measurements and for the proof that the key order is the ticket order.
//
// Determinism: no floating point, no platform random-number generator, no dependence on thread count,
// standard library or byte order. The same (seed, ids, n) give the same result everywhere.
#ifndef SSRANDOM_SAMPLER_H_
#define SSRANDOM_SAMPLER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace ssr {

namespace internal {
class Sha256Prefix;
}  // namespace internal

// U(s) of RULES §7 (consistent_sampler.sha256_uniform): "0." followed by 64 to 78 digits.
// Example: Sha256Uniform("abc") ==
// "0.56998071861792858926477341561059638840106636224182943832566300809078486324348".
//
// Errors: none. Thread safety: thread-safe.
std::string Sha256Uniform(absl::string_view s);

// Checks that `seed` can be the public seed of a draw: OK, or InvalidArgument with a message that says
// what is wrong when the seed is empty, consists only of whitespace (ASCII, no-break space U+00A0 or the
// ideographic space U+3000), or is not valid UTF-8 (other tools hash the seed's UTF-8 text, so a seed that
// is not text could not be re-checked by them).
//
// TicketSampler itself accepts any seed, including the empty one, so that any ticket can be recomputed;
// the draw layer calls ValidateSeed() and refuses to draw with a seed it rejects.
//
// Thread safety: thread-safe.
absl::Status ValidateSeed(absl::string_view seed);

// The first 19 digits of a ticket after "0.", read as one decimal integer (so 0 <= first19 < 10^19).
//
// Every ticket has at least 64 digits, so these 19 digits always exist, and because they are a fixed-width
// prefix of the ticket string, comparing keys numerically compares those prefixes as strings:
//   Key(a) < Key(b)   implies  Ticket(a) < Ticket(b);
//   Key(a) == Key(b)  says nothing: the remaining digits (then the ids) decide.
// Keys are what to sort or merge on at scale (8 bytes instead of an 80-byte string); resolve equal keys
// with TicketSampler::Compare(). Two random tickets share a key with probability 10^-19.
struct TicketKey {
  uint64_t first19 = 0;

  friend bool operator==(TicketKey a, TicketKey b) { return a.first19 == b.first19; }
  friend bool operator!=(TicketKey a, TicketKey b) { return a.first19 != b.first19; }
  friend bool operator<(TicketKey a, TicketKey b) { return a.first19 < b.first19; }
  friend bool operator>(TicketKey a, TicketKey b) { return a.first19 > b.first19; }
  friend bool operator<=(TicketKey a, TicketKey b) { return a.first19 <= b.first19; }
  friend bool operator>=(TicketKey a, TicketKey b) { return a.first19 >= b.first19; }
};

// Computes tickets for one seed and ranks ids by them.
//
// Ids are byte strings, hashed as given: pass UTF-8 to agree with consistent_sampler, which hashes
// str(id).encode("utf-8"). Ids order bytewise (unsigned), which for UTF-8 is the order of Unicode code
// points, i.e. the order Python compares str in.
//
// Errors: no method can fail — every byte string is a valid seed and id — so none returns a status (the
// only exception is std::bad_alloc from the standard containers, as anywhere in the library).
// Ownership: the sampler keeps no reference to the seed or ids passed to it; returned strings and vectors
// belong to the caller.
// Thread safety: all methods are const and thread-safe; a sampler may be shared by any number of threads.
// Copying is cheap (the precomputed hash state is shared and immutable).
class TicketSampler {
 public:
  // Precomputes seed_hash = H(seed) and the SHA-256 state after it. Any seed is accepted (see
  // ValidateSeed() for what a draw requires).
  explicit TicketSampler(absl::string_view seed);

  // H(seed): 64 lowercase hex characters.
  const std::string& seed_hash() const { return seed_hash_; }

  // The ticket of `id`, U(seed_hash + id): "0." and 64 to 78 digits (66 to 80 characters).
  std::string Ticket(absl::string_view id) const;

  // The ordering key of Ticket(id) (see TicketKey), without building the ticket string.
  TicketKey Key(absl::string_view id) const;

  // keys[i] = Key(ids[i]) for every i below min(ids.size(), keys.size()) (pass spans of equal size). Faster
  // than calling Key() in a loop: hashing a batch of ids before converting their digests lets the CPU
  // overlap the conversion of one with the hashing of the next.
  void Keys(absl::Span<const absl::string_view> ids, absl::Span<TicketKey> keys) const;

  // Draw order of two ids: negative when `a` is drawn before `b` (lower ticket, or equal tickets and
  // a < b bytewise), zero when a == b, positive otherwise.
  int Compare(absl::string_view a, absl::string_view b) const;

  // The indices into `ids` of the n lowest tickets, in draw order (lowest ticket first; equal tickets by
  // id, and, for duplicate ids, which a draw must reject before calling this, by index).
  //
  // n larger than ids.size() is clamped: all indices are returned, in draw order (the same as
  // consistent_sampler's `take`). n == 0 returns an empty vector. Whether a quota may exceed a pool is for
  // the draw layer to decide, not here.
  //
  // The sample is consistent: SelectLowest(ids, m) is a prefix of SelectLowest(ids, n) for m <= n, and
  // restricting ids to a subset keeps the relative order of the survivors.
  //
  // `threads` (values below 1 count as 1) computes the keys in that many contiguous chunks on
  // std::threads; the result does not depend on it. Small inputs use fewer threads than asked. Runs in
  // O(N) hashing plus O(N + n log n) comparisons; uses 16 bytes of memory per id. `ids` must stay valid
  // for the call only.
  std::vector<size_t> SelectLowest(absl::Span<const absl::string_view> ids, size_t n, int threads = 1) const;

  // All indices into `ids` in draw order: SelectLowest(ids, ids.size(), threads).
  std::vector<size_t> Order(absl::Span<const absl::string_view> ids, int threads = 1) const;

 private:
  std::string seed_hash_;
  std::shared_ptr<const internal::Sha256Prefix> prefix_;
};

}  // namespace ssr

#endif  // SSRANDOM_SAMPLER_H_
