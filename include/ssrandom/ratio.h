// ratio.h — exact rational numbers for inspection ratios (抽查比例).
//
// Policies state their quotas as ratios: "25%", "0.03", "1/3". A `Ratio` holds such a value exactly, as a
// reduced fraction of two 64-bit integers, so that a quota never depends on binary floating point: 3% of
// 10 is ⌈0.3⌉ = 1 on every machine, and "0.1" + "0.2" really is 3/10.
//
//   absl::StatusOr<ssr::Ratio> ratio = ssr::Ratio::Parse("25%");
//   if (!ratio.ok()) return ratio.status();
//   int64_t quota = ratio->QuotaOf(37);         // ⌈0.25 × 37⌉ = ⌈9.25⌉ = 10
//   std::string text = ratio->ToString();       // "25%"
//   std::string product = ratio->TimesText(37);  // "9.25"
//
// Accepted texts (surrounding ASCII spaces ignored):
//   - a percentage: "25%", "12.5%", "100%", "0%" (also the full-width "％");
//   - a decimal: "0.03", "1", "0.125" (with a leading digit: "0.5", not ".5");
//   - a fraction: "1/3", "2/5" (denominator > 0).
// Ratios are never negative. At most 18 significant digits are accepted; anything that would overflow the
// 64-bit numerator or denominator is rejected rather than rounded.
//
// Thread safety: Ratio is an immutable value; every member is thread-safe.
#ifndef SSRANDOM_RATIO_H_
#define SSRANDOM_RATIO_H_

#include <cstdint>
#include <ostream>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace ssr {

class Ratio {
 public:
  // Zero.
  constexpr Ratio() = default;

  // Parses the forms listed above. Errors: InvalidArgument quoting the text and naming the accepted forms.
  static absl::StatusOr<Ratio> Parse(absl::string_view text);

  // numerator/denominator, reduced. Errors: InvalidArgument when denominator <= 0 or numerator < 0.
  static absl::StatusOr<Ratio> FromFraction(int64_t numerator, int64_t denominator);

  // percent/100 for a whole percentage known to be valid (0 <= percent); for constants in code.
  static Ratio Percent(int64_t percent);

  // The reduced fraction: numerator() >= 0, denominator() >= 1, gcd(numerator, denominator) == 1.
  int64_t numerator() const { return numerator_; }
  int64_t denominator() const { return denominator_; }

  bool is_zero() const { return numerator_ == 0; }

  // "25%", "12.5%", "100%", "0%" when the value is a percentage with at most six decimals; otherwise the
  // fraction "1/3". Parse(ToString()) == *this always holds.
  std::string ToString() const;

  // The value as a plain decimal ("0.25", "0.0325", "1") when it has a finite decimal expansion of at most
  // 18 decimals, otherwise the fraction "n/d".
  std::string ToDecimalString() const;

  // ratio × n written exactly: "9.25" for 25% × 37, "10/3" for 1/3 × 10, "12" for 50% × 24. For the quota
  // arithmetic shown to people. n >= 0.
  std::string TimesText(int64_t n) const;

  // The quota a minimum ratio implies for a pool of n entities (RULES.md §3, "rounding"):
  //   ⌈ratio·n⌉ computed in exact integer arithmetic, then at least 1 when n > 0 and ratio > 0, then at most
  //   n. n <= 0 gives 0.
  // Examples: 3% of 10 → 1; 25% of 7 → 2; 50% of 1 → 1; 0% of 9 → 0; 25% of 0 → 0; 150% of 4 → 4.
  int64_t QuotaOf(int64_t n) const;

  friend bool operator==(const Ratio& a, const Ratio& b) {
    return a.numerator_ == b.numerator_ && a.denominator_ == b.denominator_;
  }
  friend bool operator!=(const Ratio& a, const Ratio& b) { return !(a == b); }
  friend bool operator<(const Ratio& a, const Ratio& b);
  friend bool operator>(const Ratio& a, const Ratio& b) { return b < a; }
  friend bool operator<=(const Ratio& a, const Ratio& b) { return !(b < a); }
  friend bool operator>=(const Ratio& a, const Ratio& b) { return !(a < b); }

  // Writes ToString(); also lets GoogleTest print ratios.
  friend std::ostream& operator<<(std::ostream& os, const Ratio& ratio) { return os << ratio.ToString(); }

 private:
  constexpr Ratio(int64_t numerator, int64_t denominator)
      : numerator_(numerator), denominator_(denominator) {}

  int64_t numerator_ = 0;
  int64_t denominator_ = 1;
};

}  // namespace ssr

#endif  // SSRANDOM_RATIO_H_
