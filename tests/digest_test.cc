#include "ssrandom/digest.h"

#include <string>

#include "crypto/sha256.h"
#include "gtest/gtest.h"

namespace ssr {
namespace {

// FIPS 180-2 appendix B and the empty message.
constexpr char kAbcHex[] = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
constexpr char kTwoBlockInput[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
constexpr char kTwoBlockHex[] = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
constexpr char kEmptyHex[] = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

TEST(DigestTest, Sha256HexMatchesTheFipsVectors) {
  EXPECT_EQ(Sha256Hex("abc"), kAbcHex);
  EXPECT_EQ(Sha256Hex(kTwoBlockInput), kTwoBlockHex);
  EXPECT_EQ(Sha256Hex(""), kEmptyHex);
}

TEST(DigestTest, Sha256HexHashesUtf8BytesAsGiven) {
  // hashlib.sha256("新乐市".encode("utf-8")).hexdigest()
  EXPECT_EQ(Sha256Hex("\xE6\x96\xB0\xE4\xB9\x90\xE5\xB8\x82"),
            "52b1f613e6e7d5cb25d3d7b4f9441784dc7d474e792c7f258c0e5a50ee0b5b5e");
}

TEST(DigestTest, HasherGivesTheSameDigestHoweverTheInputIsSplit) {
  const std::string input = std::string(kTwoBlockInput) + std::string(200, 'x');
  for (size_t split = 0; split <= input.size(); split += 7) {
    Sha256Hasher hasher;
    hasher.Update(absl::string_view(input).substr(0, split));
    hasher.Update(absl::string_view(input).substr(split));
    EXPECT_EQ(hasher.FinishHex(), Sha256Hex(input)) << "split at " << split;
  }
}

TEST(DigestTest, HasherWithoutInputHashesTheEmptyMessage) {
  Sha256Hasher hasher;
  EXPECT_EQ(hasher.FinishHex(), kEmptyHex);
}

TEST(DigestTest, MovedHasherKeepsItsState) {
  Sha256Hasher first;
  first.Update("ab");
  Sha256Hasher second = std::move(first);
  second.Update("c");
  EXPECT_EQ(second.FinishHex(), kAbcHex);
}

TEST(DigestTest, PrefixStateDigestsEqualOneShotDigestsForEveryLength) {
  const std::string prefix(64, 'a');  // one block, like a seed hash
  const internal::Sha256Prefix state(prefix);
  std::string suffix;
  for (int length = 0; length <= 200; ++length) {
    EXPECT_EQ(internal::HexLower(state.Digest(suffix)), Sha256Hex(prefix + suffix)) << "length " << length;
    suffix.push_back(static_cast<char>('0' + length % 75));
  }
}

TEST(DigestTest, PrefixNeedNotBeWholeBlocks) {
  const internal::Sha256Prefix state("ab");
  EXPECT_EQ(internal::HexLower(state.Digest("c")), kAbcHex);
}

}  // namespace
}  // namespace ssr
