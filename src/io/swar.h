// Tests on eight bytes at once ("SIMD within a register"), for the text writers and checks that look at
// every byte of large outputs: plan.csv, plan.json and the plan digest of millions of tasks. Portable C++:
// the library builds for any x86-64 (and other 64-bit targets), so no vector instructions are assumed.
#ifndef SSRANDOM_SRC_IO_SWAR_H_
#define SSRANDOM_SRC_IO_SWAR_H_

#include <cstdint>
#include <cstring>

namespace ssr::internal::swar {

inline constexpr uint64_t kOnes = 0x0101010101010101ULL;
inline constexpr uint64_t kHighBits = kOnes * 0x80;
inline constexpr uint64_t kLow7Bits = kOnes * 0x7F;

// The eight bytes at `p`, in memory order (byte i of the text is byte i of the word on a little-endian
// machine; every test below looks at all bytes alike, so the order does not matter to them).
inline uint64_t Load(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, sizeof(word));
  return word;
}

// Whether any byte of `word` is `byte`: (x - 0x01..01) & ~x & 0x80..80 is non-zero exactly when a byte of
// x is zero (a borrow can mark a wrong byte, never a wrong word).
inline bool HasByte(uint64_t word, char byte) {
  const uint64_t x = word ^ (kOnes * static_cast<unsigned char>(byte));
  return ((x - kOnes) & ~x & kHighBits) != 0;
}

// Whether any byte of `word` is below `limit` (limit <= 0x80), by the same borrow argument.
inline bool HasByteBelow(uint64_t word, unsigned char limit) {
  return ((word - kOnes * limit) & ~word & kHighBits) != 0;
}

// Whether any byte of `word` is above 0x7F (not ASCII).
inline bool HasNonAscii(uint64_t word) { return (word & kHighBits) != 0; }

// The high bit of each byte of `word` that is `byte`, exactly (unlike HasByte's test, no borrow from a
// lower byte can mark another): ((x & 0x7F..) + 0x7F..) sets a byte's high bit when its low 7 bits are not
// all zero, `| x` when its high bit is set, so the bytes left without the high bit are the zero bytes of x.
inline uint64_t BytesEqualTo(uint64_t word, char byte) {
  const uint64_t x = word ^ (kOnes * static_cast<unsigned char>(byte));
  return ~(((x & kLow7Bits) + kLow7Bits) | x | kLow7Bits);
}

// How many bytes BytesEqualTo marked: moved down to the bytes' low bits, a multiplication by 0x0101..01
// sums the eight bytes into the top one (at most 8: no carry). Cheaper than a population count where the
// target has no POPCNT instruction (a libgcc call on a generic x86-64 build).
inline uint64_t CountMarked(uint64_t marks) { return ((marks >> 7) * kOnes) >> 56; }

}  // namespace ssr::internal::swar

#endif  // SSRANDOM_SRC_IO_SWAR_H_
