// Decimal digits of a SHA-256 digest read as a 256-bit integer, as RULES §7 tickets need them, with
// fixed-width limbs only (no arbitrary-precision library): the full reversed digit string, and the cheap
// 19-digit ordering key.
#ifndef SSRANDOM_SRC_SAMPLER_DECIMAL_H_
#define SSRANDOM_SRC_SAMPLER_DECIMAL_H_

#include <cstddef>
#include <cstdint>

#include "crypto/sha256.h"

namespace ssr::internal {

// An unsigned 256-bit integer; limb[0] is the least significant 64 bits.
struct Uint256 {
  uint64_t limb[4];
};

// The digest read as one big-endian integer, i.e. int(hexdigest, 16) in Python.
Uint256 Uint256FromDigest(const Sha256Digest& digest);

inline constexpr uint64_t kTenPow19 = 10'000'000'000'000'000'000ULL;  // the largest power of 10 below 2^64

// v mod 10^19: the 19 least significant decimal digits of v.
uint64_t ModTenPow19(const Uint256& v);

// For x < 10^19: the 19-digit zero-padded decimal of x written backwards, read as an integer. Example:
// x = 1234 -> digits "0000000000000001234" -> reversed "4321000000000000000" -> 4321000000000000000.
uint64_t ReverseDigits19(uint64_t x);

// RULES §7's ticket digits for v: the decimal digits of v, left-padded with zeros to at least 64 digits,
// least significant first. Writes them to out[0..n) and returns n (64 <= n <= 78; 2^256 has 78 digits).
// `out` must have room for kTicketDigitsBuffer characters (the conversion works in whole 19-digit chunks).
inline constexpr size_t kMinTicketDigits = 64;
inline constexpr size_t kTicketDigitsBuffer = 5 * 19;  // 10^95 > 2^256
size_t TicketDigits(Uint256 v, char* out);

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_SAMPLER_DECIMAL_H_
