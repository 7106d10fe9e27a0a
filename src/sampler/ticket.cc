// Tickets of RULES §7 (see ssrandom/sampler.h) and the seed check.
#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "crypto/sha256.h"
#include "sampler/decimal.h"
#include "ssrandom/digest.h"
#include "ssrandom/sampler.h"

namespace ssr {
namespace {

std::string TicketFromDigest(const internal::Sha256Digest& digest) {
  char digits[internal::kTicketDigitsBuffer];
  const size_t n = internal::TicketDigits(internal::Uint256FromDigest(digest), digits);
  std::string ticket;
  ticket.reserve(2 + n);
  ticket.append("0.");
  ticket.append(digits, n);
  return ticket;
}

// Decodes one UTF-8 sequence at s[i]; returns its length, or 0 when it is malformed (overlong forms,
// surrogates and code points above U+10FFFF are malformed, as in Python's strict UTF-8 codec).
size_t Utf8SequenceLength(absl::string_view s, size_t i, uint32_t* code_point) {
  const auto byte = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  const uint8_t lead = byte(i);
  size_t length;
  uint32_t cp;
  if (lead < 0x80) {
    *code_point = lead;
    return 1;
  } else if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    cp = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    cp = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    cp = lead & 0x07;
  } else {
    return 0;
  }
  if (i + length > s.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  static constexpr uint32_t kMinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMinForLength[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  *code_point = cp;
  return length;
}

bool IsSeedWhitespace(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0xA0 ||
         cp == 0x3000;
}

TicketKey KeyOfDigest(const internal::Sha256Digest& digest) {
  return TicketKey{internal::ReverseDigits19(internal::ModTenPow19(internal::Uint256FromDigest(digest)))};
}

}  // namespace

std::string Sha256Uniform(absl::string_view s) { return TicketFromDigest(internal::Sha256(s)); }

absl::Status ValidateSeed(absl::string_view seed) {
  if (seed.empty()) {
    return absl::InvalidArgumentError(
        "the draw seed is empty; enter the public seed fixed for this draw (e.g. the lottery result or the "
        "dice rolled in front of witnesses)");
  }
  bool all_whitespace = true;
  for (size_t i = 0; i < seed.size();) {
    uint32_t cp = 0;
    const size_t length = Utf8SequenceLength(seed, i, &cp);
    if (length == 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("the draw seed is not valid UTF-8 text (bad byte at offset ", i,
                       "); other tools could not recompute the draw, so enter the seed as text"));
    }
    all_whitespace = all_whitespace && IsSeedWhitespace(cp);
    i += length;
  }
  if (all_whitespace) {
    return absl::InvalidArgumentError(
        "the draw seed consists only of spaces; enter the public seed fixed for this draw");
  }
  return absl::OkStatus();
}

TicketSampler::TicketSampler(absl::string_view seed)
    : seed_hash_(Sha256Hex(seed)), prefix_(std::make_shared<const internal::Sha256Prefix>(seed_hash_)) {}

std::string TicketSampler::Ticket(absl::string_view id) const {
  return TicketFromDigest(prefix_->Digest(id));
}

TicketKey TicketSampler::Key(absl::string_view id) const { return KeyOfDigest(prefix_->Digest(id)); }

void TicketSampler::Keys(absl::Span<const absl::string_view> ids, absl::Span<TicketKey> keys) const {
  // Hash a batch, then convert it: the conversion is a chain of dependent multiplications that, right
  // after each hash, would stall the pipeline (measured ~76 ns/key one by one, ~64 ns in batches of 8).
  constexpr size_t kBatch = 8;
  const size_t n = std::min(ids.size(), keys.size());
  internal::Sha256Digest digests[kBatch];
  for (size_t begin = 0; begin < n; begin += kBatch) {
    const size_t size = std::min(kBatch, n - begin);
    for (size_t i = 0; i < size; ++i) digests[i] = prefix_->Digest(ids[begin + i]);
    for (size_t i = 0; i < size; ++i) keys[begin + i] = KeyOfDigest(digests[i]);
  }
}

int TicketSampler::Compare(absl::string_view a, absl::string_view b) const {
  const TicketKey key_a = Key(a), key_b = Key(b);
  if (key_a != key_b) return key_a < key_b ? -1 : 1;
  const int by_ticket = Ticket(a).compare(Ticket(b));
  if (by_ticket != 0) return by_ticket < 0 ? -1 : 1;
  const int by_id = a.compare(b);
  return by_id < 0 ? -1 : (by_id > 0 ? 1 : 0);
}

}  // namespace ssr
