// ssrandom/uscc.h — checking 统一社会信用代码 (unified social credit codes, USCC) per GB 32100-2015.
//
// A USCC has 18 characters over the 31 symbols 0123456789ABCDEFGHJKLMNPQRTUWXY (digits and capital
// letters without I, O, S, V, Z). Character 18 is a check character computed from characters 1–17 with
// the weights 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 (3^(i-1) mod 31):
//
//   check value = (31 − (Σ value(c_i) · weight_i  mod 31)) mod 31
//
// Only this form is checked: length, alphabet and check character. The structure inside the code
// (registration authority, entity type, region code, the embedded GB 11714 organisation code) is not.
//
// Input is taken exactly as given: lowercase letters, full-width characters (９１３…) and surrounding
// spaces make a code invalid, and Describe() says which character is wrong and why, so a clerk can fix
// the source record. Normalising input is the importer's decision, not this function's.
//
// Some early pilot codes fail the check character. A directory should report such an entity as a warning
// that names it, and let the bureau decide (RULES §9); never drop it silently.
//
// Example:
//
//   ssr::UsccCheck check = ssr::CheckUscc("91310110666007217A");
//   if (!check.ok()) {
//     std::cerr << check.Describe() << "\n";
//     // check character (position 18) is 'A' but positions 1-17 require 'T': a character is mistyped,
//     // or this is an early pilot code issued before GB 32100-2015
//   }
//   bool fine = ssr::IsValidUscc("91310110666007217T");           // true
//   std::optional<char> c = ssr::UsccCheckCharacter("91310110666007217");  // 'T'
//
// Thread safety: every function here is thread-safe; UsccCheck is a plain value.
#ifndef SSRANDOM_USCC_H_
#define SSRANDOM_USCC_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace ssr {

// What is wrong with a code; the first problem found, in this order of checking.
enum class UsccProblem {
  kNone,                 // a valid USCC
  kWrongLength,          // not 18 characters
  kInvalidCharacter,     // a character outside 0-9 and A-Z without I, O, S, V, Z (lowercase included)
  kWrongCheckCharacter,  // character 18 is not the one characters 1-17 require
};

// The result of CheckUscc(). Positions and lengths count characters (Unicode code points of UTF-8 input,
// each malformed byte counting as one), not bytes, so they match what a clerk sees on screen.
struct UsccCheck {
  UsccProblem problem = UsccProblem::kNone;
  // 1-based position of the problem: the first invalid character (kInvalidCharacter), 18
  // (kWrongCheckCharacter), otherwise 0.
  int position = 0;
  // The check character that characters 1-17 require, whenever those 17 are valid (kNone,
  // kWrongCheckCharacter, and kInvalidCharacter at position 18); otherwise '\0'.
  char expected_check = '\0';
  // Number of characters in the input.
  int length = 0;
  // The offending character as it appears in the input (UTF-8; one raw byte if malformed) for
  // kInvalidCharacter and kWrongCheckCharacter; otherwise empty.
  std::string found;

  bool ok() const { return problem == UsccProblem::kNone; }

  // One English sentence for a clerk naming the problem, the position and character concerned, and the
  // expected check character where known, e.g. "character 3 is lowercase 'a': ...". "valid" when ok().
  std::string Describe() const;
};

// Checks `code` per GB 32100-2015 and says what, if anything, is wrong. Never fails; any byte string is
// accepted as input.
UsccCheck CheckUscc(absl::string_view code);

// CheckUscc(code).ok(), without building a description.
bool IsValidUscc(absl::string_view code);

// The check character for the first 17 characters of a USCC, or nullopt when `first17` is not exactly 17
// characters from the USCC alphabet.
std::optional<char> UsccCheckCharacter(absl::string_view first17);

}  // namespace ssr

#endif  // SSRANDOM_USCC_H_
