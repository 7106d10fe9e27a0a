#include "sampler/decimal.h"

// 128-bit arithmetic carries the 64-bit limbs through long division. GCC and Clang provide it on every
// 64-bit target (on x86-64 the remainder below is one DIV instruction per limb); the `__extension__` keeps
// -Wpedantic quiet about the non-ISO type. The project builds with GCC or Clang only (see SsrWarnings.cmake).
#ifndef __SIZEOF_INT128__
#error "libssrandom's ticket arithmetic needs unsigned __int128 (GCC or Clang on a 64-bit target)"
#endif

namespace ssr::internal {
namespace {

__extension__ typedef unsigned __int128 u128;

// kReversed4[x] for x < 10^4: the 4-digit zero-padded decimal of x written backwards (1234 -> 4321,
// 12 -> "0012" -> 2100). Built at compile time.
struct Reversed4Table {
  uint16_t value[10000];
};
constexpr Reversed4Table MakeReversed4() {
  Reversed4Table table{};
  for (int x = 0; x < 10000; ++x) {
    table.value[x] =
        static_cast<uint16_t>((x % 10) * 1000 + (x / 10 % 10) * 100 + (x / 100 % 10) * 10 + x / 1000);
  }
  return table;
}
constexpr Reversed4Table kReversed4 = MakeReversed4();

// kReversedPairs[2x], [2x + 1] for x < 100: x's two decimal digits, units first ("00", "01" -> "10", ...).
struct ReversedPairsTable {
  char digits[200];
};
constexpr ReversedPairsTable MakeReversedPairs() {
  ReversedPairsTable table{};
  for (int x = 0; x < 100; ++x) {
    table.digits[2 * x] = static_cast<char>('0' + x % 10);
    table.digits[2 * x + 1] = static_cast<char>('0' + x / 10);
  }
  return table;
}
constexpr ReversedPairsTable kReversedPairs = MakeReversedPairs();

// Writes the kCount least significant decimal digits of x (zero-padded), least significant first.
template <int kCount>
void WriteReversedDigits(uint64_t x, char* out) {
  for (int i = 0; i + 2 <= kCount; i += 2) {
    const uint64_t pair = x % 100;
    x /= 100;
    out[i] = kReversedPairs.digits[2 * pair];
    out[i + 1] = kReversedPairs.digits[2 * pair + 1];
  }
  if (kCount % 2 == 1) out[kCount - 1] = static_cast<char>('0' + x % 10);
}

// The factors of 10^19 for ModTenPow19.
constexpr uint64_t kFivePow19 = 19'073'486'328'125;  // 5^19 < 2^45
constexpr uint64_t kTwoPow19Mask = (uint64_t{1} << 19) - 1;
static_assert(kFivePow19 * (kTwoPow19Mask + 1) == kTenPow19);
constexpr uint64_t kTwoPow64ModFivePow19 = static_cast<uint64_t>((static_cast<u128>(1) << 64) % kFivePow19);

// 2^(32 j) mod 5^19 for the eight 32-bit words of a 256-bit value.
struct WordResidues {
  uint64_t c[8];
};
constexpr WordResidues MakeWordResidues() {
  WordResidues residues{};
  u128 c = 1;
  for (int j = 0; j < 8; ++j) {
    residues.c[j] = static_cast<uint64_t>(c);
    c = (c << 32) % kFivePow19;
  }
  return residues;
}
constexpr WordResidues kWordResidues = MakeWordResidues();

// The inverse of 5^19 modulo 2^19 (5^19 is odd), by Newton's iteration x <- x (2 - a x), which doubles the
// correct low bits each step: 1, 2, 4, ... 64.
constexpr uint64_t MakeInverseFivePow19() {
  uint64_t x = 1;
  for (int i = 0; i < 6; ++i) x *= 2 - kFivePow19 * x;
  return x & kTwoPow19Mask;
}
constexpr uint64_t kInverseFivePow19 = MakeInverseFivePow19();
static_assert(((kFivePow19 * kInverseFivePow19) & kTwoPow19Mask) == 1);

// Written as shifts of single bytes, which compilers turn into one load and a byte swap.
uint64_t LoadBigEndian64(const uint8_t* p) {
  return uint64_t{p[0]} << 56 | uint64_t{p[1]} << 48 | uint64_t{p[2]} << 40 | uint64_t{p[3]} << 32 |
         uint64_t{p[4]} << 24 | uint64_t{p[5]} << 16 | uint64_t{p[6]} << 8 | uint64_t{p[7]};
}

}  // namespace

Uint256 Uint256FromDigest(const Sha256Digest& digest) {
  Uint256 v;
  for (int limb = 0; limb < 4; ++limb) v.limb[limb] = LoadBigEndian64(digest.data() + 8 * (3 - limb));
  return v;
}

uint64_t ModTenPow19(const Uint256& v) {
  // 10^19 = 2^19 * 5^19 and the two factors are coprime, so v mod 10^19 follows from v mod 2^19 (the low
  // bits) and v mod 5^19 by the Chinese remainder theorem. v mod 5^19 needs no division: v is a sum of
  // 32-bit words w_j * 2^(32 j), each 2^(32 j) is replaced by its residue c_j < 5^19 < 2^45, the eight
  // products (< 2^77 each) add up below 2^80 in 128 bits, and the sum is folded to 64 bits and reduced by
  // a 64-bit modulo by a constant, which compilers turn into a multiplication. This replaced Horner's rule
  // with three 128-by-64-bit remainders (a libgcc __umodti3 call each, ~40% of a ticket key's time).
  const uint64_t low = v.limb[0] & kTwoPow19Mask;
  u128 sum = 0;
  for (int limb = 0; limb < 4; ++limb) {
    sum += static_cast<u128>(v.limb[limb] & 0xFFFFFFFFu) * kWordResidues.c[2 * limb];
    sum += static_cast<u128>(v.limb[limb] >> 32) * kWordResidues.c[2 * limb + 1];
  }
  // sum = hi * 2^64 + lo with hi < 2^16: hi * (2^64 mod 5^19) < 2^61, and lo mod 5^19 < 2^45.
  const uint64_t hi = static_cast<uint64_t>(sum >> 64), lo = static_cast<uint64_t>(sum);
  const uint64_t mod5 = (hi * kTwoPow64ModFivePow19 + lo % kFivePow19) % kFivePow19;
  // x = mod5 + 5^19 * t with t = (low - mod5) / 5^19 mod 2^19: x < 5^19 * 2^19 = 10^19, x = low mod 2^19.
  const uint64_t t = ((low - mod5) * kInverseFivePow19) & kTwoPow19Mask;
  return mod5 + kFivePow19 * t;
}

uint64_t ReverseDigits19(uint64_t x) {
  // x = d18..d1 d0; the result reads d0 d1 .. d18. Cut x into 4-digit groups from the least significant
  // end, reverse each group by table, and place group k (digits 4k..4k+3) at 10^(15-4k); the top group
  // has 3 digits (19 = 4 * 4 + 3), whose 4-digit reversal ends in a 0 that /10 drops.
  const uint64_t low8 = x % 100'000'000, mid8 = x / 100'000'000 % 100'000'000,
                 top3 = x / 10'000'000'000'000'000;
  return uint64_t{kReversed4.value[low8 % 10000]} * 1'000'000'000'000'000 +
         uint64_t{kReversed4.value[low8 / 10000]} * 100'000'000'000 +
         uint64_t{kReversed4.value[mid8 % 10000]} * 10'000'000 +
         uint64_t{kReversed4.value[mid8 / 10000]} * 1000 + kReversed4.value[top3] / 10;
}

size_t TicketDigits(Uint256 v, char* out) {
  // Five chunks of 19 digits, least significant chunk first, each written least significant digit first:
  // together the 95-digit zero-padded decimal of v, reversed. Four divisions by 10^19 leave v below
  // 2^256 / 10^76 < 12, which is the fifth chunk; a division skips the limbs that have become zero. The
  // chunks are found first and written after, in halves of 10 and 9 digits: ten short independent chains
  // of divisions by 100 that the CPU overlaps (one chain of 95 divisions by 10 took ~70% of a ticket).
  uint64_t parts[5];
  int top = 3;
  for (int chunk = 0; chunk < 4; ++chunk) {
    while (top > 0 && v.limb[top] == 0) --top;
    // Long division with one 64-bit limb per "digit": each step divides rem * 2^64 + limb with
    // rem < 10^19, so the quotient fits 64 bits (one DIV on x86-64).
    uint64_t rem = 0;
    for (int i = top; i >= 0; --i) {
      const u128 current = (static_cast<u128>(rem) << 64) | v.limb[i];
      const uint64_t quotient = static_cast<uint64_t>(current / kTenPow19);
      rem = static_cast<uint64_t>(current) - quotient * kTenPow19;
      v.limb[i] = quotient;
    }
    parts[chunk] = rem;
  }
  parts[4] = v.limb[0];
  for (int chunk = 0; chunk < 5; ++chunk) {
    WriteReversedDigits<10>(parts[chunk] % 10'000'000'000, out + 19 * chunk);
    WriteReversedDigits<9>(parts[chunk] / 10'000'000'000, out + 19 * chunk + 10);
  }
  // Drop the padding zeros above v's most significant digit, but keep at least 64 digits ("{:064d}").
  size_t n = kTicketDigitsBuffer;
  while (n > kMinTicketDigits && out[n - 1] == '0') --n;
  return n;
}

}  // namespace ssr::internal
