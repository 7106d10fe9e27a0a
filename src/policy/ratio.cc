#include "ssrandom/ratio.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>

#include "absl/numeric/int128.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace ssr {
namespace {

using absl::uint128;

constexpr int kMaxDigits = 18;
constexpr uint64_t kInt64Max = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());

uint128 Gcd(uint128 a, uint128 b) {
  while (b != 0) {
    uint128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

uint128 Pow10(int exponent) {
  uint128 value = 1;
  for (int i = 0; i < exponent; ++i) value *= 10;
  return value;
}

std::string Digits(uint128 value) {
  if (value == 0) return "0";
  std::string out;
  while (value != 0) {
    out.push_back(static_cast<char>('0' + static_cast<int>(value % 10)));
    value /= 10;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

// p/q as a decimal with at most `max_decimals` decimals, or "" when it has no such expansion.
std::string Decimal(uint128 p, uint128 q, int max_decimals) {
  for (int decimals = 0; decimals <= max_decimals; ++decimals) {
    uint128 scaled = p * Pow10(decimals);
    if (scaled % q != 0) continue;
    std::string digits = Digits(scaled / q);
    if (decimals == 0) return digits;
    if (digits.size() <= static_cast<size_t>(decimals)) {
      digits.insert(0, static_cast<size_t>(decimals) + 1 - digits.size(), '0');
    }
    digits.insert(digits.size() - static_cast<size_t>(decimals), ".");
    return digits;
  }
  return "";
}

std::string Fraction(uint128 p, uint128 q) {
  uint128 g = Gcd(p, q);
  if (g > 1) {
    p /= g;
    q /= g;
  }
  std::string decimal = Decimal(p, q, 0);
  return decimal.empty() ? absl::StrCat(Digits(p), "/", Digits(q)) : decimal;
}

absl::Status Malformed(absl::string_view text, absl::string_view why) {
  return absl::InvalidArgumentError(
      absl::StrCat("'", text, "' is not a ratio", why.empty() ? "" : absl::StrCat(" (", why, ")"),
                   "; write a percentage such as \"25%\" or \"12.5%\", a decimal such as \"0.03\", or a "
                   "fraction such as \"1/3\""));
}

// Reads unsigned decimal digits with an optional fraction part: "12", "12.5". Sets value/scale such that the
// number is value / 10^scale.
bool ReadDecimal(absl::string_view text, uint128* value, int* scale, int* digits) {
  *value = 0;
  *scale = 0;
  *digits = 0;
  if (text.empty() || !absl::ascii_isdigit(static_cast<unsigned char>(text.front()))) return false;
  bool seen_point = false;
  bool digit_after_point = false;
  for (char c : text) {
    if (c == '.') {
      if (seen_point) return false;
      seen_point = true;
      continue;
    }
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
    if (seen_point) {
      if (++*scale > kMaxDigits + 6) return false;
      digit_after_point = true;
    }
    // Leading zeros do not count towards the digit limit.
    if (*value != 0 || c != '0') ++*digits;
    if (*digits > kMaxDigits) return false;
    *value = *value * 10 + static_cast<uint64_t>(c - '0');
  }
  return !seen_point || digit_after_point;
}

}  // namespace

absl::StatusOr<Ratio> Ratio::FromFraction(int64_t numerator, int64_t denominator) {
  if (denominator <= 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("ratio ", numerator, "/", denominator, " has a denominator that is not positive"));
  }
  if (numerator < 0) {
    return absl::InvalidArgumentError(absl::StrCat("ratio ", numerator, "/", denominator, " is negative"));
  }
  uint128 g = Gcd(static_cast<uint64_t>(numerator), static_cast<uint64_t>(denominator));
  return Ratio(numerator / static_cast<int64_t>(absl::Uint128Low64(g)),
               denominator / static_cast<int64_t>(absl::Uint128Low64(g)));
}

Ratio Ratio::Percent(int64_t percent) {
  uint128 g = Gcd(static_cast<uint64_t>(percent), 100);
  int64_t divisor = static_cast<int64_t>(absl::Uint128Low64(g));
  return Ratio(percent / divisor, 100 / divisor);
}

absl::StatusOr<Ratio> Ratio::Parse(absl::string_view text) {
  absl::string_view t = absl::StripAsciiWhitespace(text);
  if (t.empty()) return Malformed(text, "it is empty");
  if (t.front() == '-') return Malformed(text, "a ratio cannot be negative");
  uint128 numerator = 0;
  uint128 denominator = 1;
  if (size_t slash = t.find('/'); slash != absl::string_view::npos) {
    uint128 n, d;
    int n_scale, d_scale, digits;
    if (!ReadDecimal(t.substr(0, slash), &n, &n_scale, &digits) ||
        !ReadDecimal(t.substr(slash + 1), &d, &d_scale, &digits) || n_scale != 0 || d_scale != 0) {
      return Malformed(text, "a fraction is two whole numbers separated by '/'");
    }
    if (d == 0) return Malformed(text, "the denominator is zero");
    numerator = n;
    denominator = d;
  } else {
    uint128 percent_scale = 1;
    absl::string_view body = t;
    for (absl::string_view sign : {"%", "％"}) {
      if (absl::ConsumeSuffix(&body, sign)) {
        percent_scale = 100;
        body = absl::StripTrailingAsciiWhitespace(body);
        break;
      }
    }
    int scale = 0;
    int digits = 0;
    if (!ReadDecimal(body, &numerator, &scale, &digits)) {
      return Malformed(text, digits > kMaxDigits ? "more than 18 significant digits" : "");
    }
    denominator = Pow10(scale) * percent_scale;
  }
  uint128 g = Gcd(numerator, denominator);
  if (g > 1) {
    numerator /= g;
    denominator /= g;
  }
  if (numerator > kInt64Max || denominator > kInt64Max) return Malformed(text, "too many digits");
  return Ratio(static_cast<int64_t>(absl::Uint128Low64(numerator)),
               static_cast<int64_t>(absl::Uint128Low64(denominator)));
}

std::string Ratio::ToString() const {
  std::string percent = Decimal(uint128(static_cast<uint64_t>(numerator_)) * 100,
                                static_cast<uint64_t>(denominator_), /*max_decimals=*/6);
  if (!percent.empty()) return absl::StrCat(percent, "%");
  return absl::StrCat(numerator_, "/", denominator_);
}

std::string Ratio::ToDecimalString() const {
  std::string decimal =
      Decimal(static_cast<uint64_t>(numerator_), static_cast<uint64_t>(denominator_), kMaxDigits);
  return decimal.empty() ? absl::StrCat(numerator_, "/", denominator_) : decimal;
}

std::string Ratio::TimesText(int64_t n) const {
  uint128 p = uint128(static_cast<uint64_t>(numerator_)) * static_cast<uint64_t>(std::max<int64_t>(n, 0));
  uint128 q = static_cast<uint64_t>(denominator_);
  std::string decimal = Decimal(p, q, /*max_decimals=*/6);
  return decimal.empty() ? Fraction(p, q) : decimal;
}

int64_t Ratio::QuotaOf(int64_t n) const {
  if (n <= 0 || numerator_ == 0) return 0;
  uint128 p = uint128(static_cast<uint64_t>(numerator_)) * static_cast<uint64_t>(n);
  uint128 q = static_cast<uint64_t>(denominator_);
  uint128 ceiling = (p + q - 1) / q;
  if (ceiling < 1) ceiling = 1;
  if (ceiling > static_cast<uint64_t>(n)) return n;
  return static_cast<int64_t>(absl::Uint128Low64(ceiling));
}

bool operator<(const Ratio& a, const Ratio& b) {
  return uint128(static_cast<uint64_t>(a.numerator_)) * static_cast<uint64_t>(b.denominator_) <
         uint128(static_cast<uint64_t>(b.numerator_)) * static_cast<uint64_t>(a.denominator_);
}

}  // namespace ssr
