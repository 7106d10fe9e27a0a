// Fuzzes the small text parsers every loader shares: Period::Parse, ParseDate, CheckUscc (with
// UsccCheckCharacter and IsValidUscc), and the seed check of the sampler, ValidateSeed.
//
// Invariants:
//  - Period::Parse accepts exactly YYYY and YYYYQn / YYYYqn (year 0001-9999, n 1-4), and ToString() gives
//    the text back (Q uppercase); the period's days are consistent;
//  - ParseDate accepts exactly the YYYY-MM-DD texts of days that exist, and FormatDate gives the text back;
//  - CheckUscc: ok() agrees with IsValidUscc() and with an independent check of GB 32100-2015; the length
//    counts the characters of UTF-8 text (and at most the bytes of any text); the position is within the
//    text; Describe() is UTF-8 for UTF-8 input;
//  - ValidateSeed rejects exactly empty, whitespace-only and non-UTF-8 seeds, with a UTF-8 message.
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "fuzz_check.h"
#include "ssrandom/date.h"
#include "ssrandom/period.h"
#include "ssrandom/sampler.h"
#include "ssrandom/uscc.h"

namespace {

using ssr::fuzz::IsValidUtf8;

bool Digits(absl::string_view text) {
  for (char c : text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

void FuzzPeriod(absl::string_view text) {
  absl::StatusOr<ssr::Period> period = ssr::Period::Parse(text);
  const bool year_shape = text.size() == 4 && Digits(text) && text != "0000";
  const bool quarter_shape = text.size() == 6 && Digits(text.substr(0, 4)) && text.substr(0, 4) != "0000" &&
                             (text[4] == 'Q' || text[4] == 'q') && text[5] >= '1' && text[5] <= '4';
  FUZZ_CHECK(period.ok() == (year_shape || quarter_shape));
  if (!period.ok()) {
    FUZZ_CHECK(period.status().code() == absl::StatusCode::kInvalidArgument);
    if (IsValidUtf8(text)) ssr::fuzz::CheckErrorIsPrintable(period.status());
    return;
  }
  FUZZ_CHECK(period->ToString() == absl::AsciiStrToUpper(text));
  FUZZ_CHECK(*ssr::Period::Parse(period->ToString()) == *period);
  FUZZ_CHECK(period->first_day() <= period->last_day());
  FUZZ_CHECK(period->Contains(period->first_day()) && period->Contains(period->last_day()));
  FUZZ_CHECK(!period->Contains(period->first_day() - 1) && !period->Contains(period->last_day() + 1));
  FUZZ_CHECK(period->first_day().year() == period->year() && period->last_day().year() == period->year());
  for (const ssr::Period& quarter : period->Quarters())
    FUZZ_CHECK(quarter.YearPeriod() == period->YearPeriod());
}

void FuzzDate(absl::string_view text) {
  absl::StatusOr<absl::CivilDay> day = ssr::ParseDate(text);
  const bool shape = text.size() == 10 && text[4] == '-' && text[7] == '-' && Digits(text.substr(0, 4)) &&
                     Digits(text.substr(5, 2)) && Digits(text.substr(8, 2));
  if (!shape) FUZZ_CHECK(!day.ok());
  if (!day.ok()) {
    FUZZ_CHECK(day.status().code() == absl::StatusCode::kInvalidArgument);
    if (IsValidUtf8(text)) ssr::fuzz::CheckErrorIsPrintable(day.status());
    return;
  }
  FUZZ_CHECK(ssr::FormatDate(*day) == text);
  FUZZ_CHECK(day->year() >= ssr::kMinDateYear && day->year() <= ssr::kMaxDateYear);
}

// GB 32100-2015, written independently of src/directory/uscc.cc.
bool IndependentUscc(absl::string_view code) {
  static constexpr absl::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  if (code.size() != 18) return false;
  int sum = 0;
  for (size_t i = 0; i < 18; ++i) {
    size_t value = kAlphabet.find(code[i]);
    if (value == absl::string_view::npos) return false;
    if (i < 17) sum += static_cast<int>(value) * kWeights[i];
    if (i == 17) return static_cast<int>(value) == (31 - sum % 31) % 31;
  }
  return false;
}

// The characters of UTF-8 text: the bytes that do not continue a sequence.
int Characters(absl::string_view text) {
  int count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

void FuzzUscc(absl::string_view text) {
  ssr::UsccCheck check = ssr::CheckUscc(text);
  FUZZ_CHECK(check.ok() == ssr::IsValidUscc(text));
  FUZZ_CHECK_MSG(check.ok() == IndependentUscc(text), check.Describe());
  FUZZ_CHECK(check.length >= 0 && static_cast<size_t>(check.length) <= text.size());
  if (IsValidUtf8(text)) FUZZ_CHECK(check.length == Characters(text));
  FUZZ_CHECK(check.position >= 0 && check.position <= check.length);
  if (check.ok()) {
    FUZZ_CHECK(ssr::UsccCheckCharacter(text.substr(0, 17)) == std::optional<char>(text[17]));
    FUZZ_CHECK(check.Describe() == "valid");
  }
  if (check.problem == ssr::UsccProblem::kWrongCheckCharacter) {
    FUZZ_CHECK(check.position == 18 && check.expected_check != '\0' && check.expected_check != text[17]);
    FUZZ_CHECK(ssr::UsccCheckCharacter(text.substr(0, 17)) == std::optional<char>(check.expected_check));
  }
  if (IsValidUtf8(text)) FUZZ_CHECK_MSG(IsValidUtf8(check.Describe()), check.Describe());
}

void FuzzSeed(absl::string_view text) {
  absl::Status valid = ssr::ValidateSeed(text);
  if (!IsValidUtf8(text)) FUZZ_CHECK(!valid.ok());
  if (!valid.ok()) {
    FUZZ_CHECK(valid.code() == absl::StatusCode::kInvalidArgument);
    ssr::fuzz::CheckErrorIsPrintable(valid);
  } else {
    FUZZ_CHECK(!absl::StripAsciiWhitespace(text).empty());
    FUZZ_CHECK(text != "\xC2\xA0" && text != "\xE3\x80\x80");  // U+00A0, U+3000
  }
  // Tickets exist for any seed and id: "0." and 64 to 78 digits.
  const std::string ticket = ssr::TicketSampler(text).Ticket(text);
  FUZZ_CHECK(ticket.size() >= 66 && ticket.size() <= 80 && ticket.substr(0, 2) == "0.");
  FUZZ_CHECK(Digits(absl::string_view(ticket).substr(2)));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  FuzzPeriod(text);
  FuzzDate(text);
  FuzzUscc(text);
  FuzzSeed(text);
  // Whitespace around an otherwise valid value is never accepted.
  if (!text.empty() && ssr::Period::Parse(text).ok())
    FUZZ_CHECK(!ssr::Period::Parse(absl::StrCat(" ", text)).ok());
  return 0;
}
