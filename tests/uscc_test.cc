#include "ssrandom/uscc.h"

#include <string>

#include "gtest/gtest.h"

namespace ssr {
namespace {

bool Mentions(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(UsccTest, PublishedExamplesAreValid) {
  for (const char* code : {"91310110666007217T", "91310115591693856A"}) {
    const UsccCheck check = CheckUscc(code);
    EXPECT_TRUE(check.ok()) << code << ": " << check.Describe();
    EXPECT_EQ(check.problem, UsccProblem::kNone);
    EXPECT_EQ(check.expected_check, code[17]);
    EXPECT_EQ(check.length, 18);
    EXPECT_EQ(check.Describe(), "valid");
    EXPECT_TRUE(IsValidUscc(code));
  }
}

TEST(UsccTest, CheckCharacterIsComputedFromTheFirst17) {
  EXPECT_EQ(UsccCheckCharacter("91310110666007217"), 'T');
  EXPECT_EQ(UsccCheckCharacter("91310115591693856"), 'A');
  EXPECT_EQ(UsccCheckCharacter("00000000000000000"), '0');            // (31 - 0) mod 31 = 0
  EXPECT_EQ(UsccCheckCharacter("9131011066600721"), std::nullopt);    // 16 characters
  EXPECT_EQ(UsccCheckCharacter("91310110666007217T"), std::nullopt);  // 18 characters
  EXPECT_EQ(UsccCheckCharacter("9131011066600721I"), std::nullopt);   // I is not a symbol
}

TEST(UsccTest, EveryGeneratedCodeWithItsCheckCharacterIsValid) {
  const std::string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  uint64_t state = 12345;
  for (int i = 0; i < 5000; ++i) {
    std::string code;
    for (int k = 0; k < 17; ++k) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      code.push_back(alphabet[(state >> 33) % alphabet.size()]);
    }
    const std::optional<char> check = UsccCheckCharacter(code);
    ASSERT_TRUE(check.has_value());
    code.push_back(*check);
    ASSERT_TRUE(IsValidUscc(code)) << code;
    // Any other final symbol is a wrong check character.
    code.back() = *check == '0' ? '1' : '0';
    ASSERT_EQ(CheckUscc(code).problem, UsccProblem::kWrongCheckCharacter) << code;
  }
}

TEST(UsccTest, WrongLengthSaysHowManyCharactersThereAre) {
  const UsccCheck check = CheckUscc("9131011066600721T");
  EXPECT_EQ(check.problem, UsccProblem::kWrongLength);
  EXPECT_EQ(check.length, 17);
  EXPECT_EQ(check.position, 0);
  EXPECT_FALSE(IsValidUscc("9131011066600721T"));
  EXPECT_TRUE(Mentions(check.Describe(), "17 characters")) << check.Describe();
  EXPECT_TRUE(Mentions(check.Describe(), "18")) << check.Describe();
  EXPECT_EQ(CheckUscc("").problem, UsccProblem::kWrongLength);
  EXPECT_EQ(CheckUscc(" 91310110666007217T").length, 19);
}

TEST(UsccTest, LengthCountsCharactersNotBytes) {
  // Full-width digits: 18 characters, 54 bytes; the length is right, the characters are not.
  const std::string full_width_9 = "\xEF\xBC\x99";
  const UsccCheck check = CheckUscc(full_width_9 + "1310110666007217T");
  EXPECT_EQ(check.length, 18);
  EXPECT_EQ(check.problem, UsccProblem::kInvalidCharacter);
  EXPECT_EQ(check.position, 1);
  EXPECT_EQ(check.found, full_width_9);
  EXPECT_TRUE(Mentions(check.Describe(), "full-width")) << check.Describe();
  EXPECT_TRUE(Mentions(check.Describe(), "'9'")) << check.Describe();
}

TEST(UsccTest, LowercaseIsInvalidAndSaysSo) {
  const UsccCheck check = CheckUscc("91310110666007217t");
  EXPECT_EQ(check.problem, UsccProblem::kInvalidCharacter);
  EXPECT_EQ(check.position, 18);
  EXPECT_EQ(check.found, "t");
  EXPECT_EQ(check.expected_check, 'T');
  EXPECT_FALSE(IsValidUscc("91310110666007217t"));
  EXPECT_TRUE(Mentions(check.Describe(), "character 18")) << check.Describe();
  EXPECT_TRUE(Mentions(check.Describe(), "lowercase")) << check.Describe();
  EXPECT_TRUE(Mentions(check.Describe(), "'T'")) << check.Describe();

  const UsccCheck early = CheckUscc("9131011o666007217T");
  EXPECT_EQ(early.position, 8);
  EXPECT_EQ(early.expected_check, '\0');  // characters 1-17 are not all valid
  EXPECT_TRUE(Mentions(early.Describe(), "lowercase 'o'")) << early.Describe();
}

TEST(UsccTest, ExcludedLettersAreInvalidCharacters) {
  for (char letter : {'I', 'O', 'S', 'V', 'Z'}) {
    std::string code = "91310110666007217T";
    code[4] = letter;
    const UsccCheck check = CheckUscc(code);
    EXPECT_EQ(check.problem, UsccProblem::kInvalidCharacter) << code;
    EXPECT_EQ(check.position, 5);
    EXPECT_EQ(check.found, std::string(1, letter));
    EXPECT_TRUE(Mentions(check.Describe(), "character 5")) << check.Describe();
    EXPECT_TRUE(Mentions(check.Describe(), "never use")) << check.Describe();
  }
  EXPECT_TRUE(Mentions(CheckUscc("9131O110666007217T").Describe(), "digit '0'"));
}

TEST(UsccTest, PunctuationAndSpacesAreInvalidCharacters) {
  const UsccCheck dash = CheckUscc("913101-0666007217T");
  EXPECT_EQ(dash.problem, UsccProblem::kInvalidCharacter);
  EXPECT_EQ(dash.position, 7);
  EXPECT_TRUE(Mentions(dash.Describe(), "'-'")) << dash.Describe();
  const UsccCheck space = CheckUscc("913101 0666007217T");
  EXPECT_EQ(space.position, 7);
  EXPECT_TRUE(Mentions(space.Describe(), "space")) << space.Describe();
  const UsccCheck bad_byte = CheckUscc(
      "913101\xFF"
      "0666007217T");
  EXPECT_EQ(bad_byte.position, 7);
  EXPECT_TRUE(Mentions(bad_byte.Describe(), "0xFF")) << bad_byte.Describe();
}

TEST(UsccTest, WrongCheckCharacterNamesTheExpectedOne) {
  const UsccCheck check = CheckUscc("91310110666007217A");
  EXPECT_EQ(check.problem, UsccProblem::kWrongCheckCharacter);
  EXPECT_EQ(check.position, 18);
  EXPECT_EQ(check.expected_check, 'T');
  EXPECT_EQ(check.found, "A");
  EXPECT_FALSE(IsValidUscc("91310110666007217A"));
  EXPECT_TRUE(Mentions(check.Describe(), "'A'")) << check.Describe();
  EXPECT_TRUE(Mentions(check.Describe(), "'T'")) << check.Describe();
  EXPECT_TRUE(Mentions(check.Describe(), "pilot")) << check.Describe();
}

TEST(UsccTest, TransposedDigitsAreCaught) {
  // Swapping two adjacent different characters changes the weighted sum mod 31.
  EXPECT_EQ(CheckUscc("91310110666002717T").problem, UsccProblem::kWrongCheckCharacter);
  EXPECT_EQ(CheckUscc("19310110666007217T").problem, UsccProblem::kWrongCheckCharacter);
}

}  // namespace
}  // namespace ssr
