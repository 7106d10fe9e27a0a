#include "ssrandom/sampler.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "sampler/decimal.h"
#include "sampler/select.h"
#include "ssrandom/digest.h"

namespace ssr {
namespace {

// Deterministic test data (splitmix64): the same ids on every platform and run.
class TestRandom {
 public:
  explicit TestRandom(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }

  // Ids of 0 to 130 bytes (so some take two or three SHA-256 compressions after the seed hash), mixing
  // ASCII, Chinese (3-byte UTF-8) and USCC-like ids.
  std::string Id() {
    static const char* const kPieces[] = {"A",
                                          "-",
                                          "7",
                                          "z",
                                          "\xE5\x8C\x96" /*化*/,
                                          "\xE5\x85\xAC" /*公*/,
                                          "913101",
                                          " ",
                                          "#",
                                          "\xE6\x96\xB0\xE4\xB9\x90" /*新乐*/};
    std::string id;
    const size_t target = Below(131);
    while (id.size() < target) id += kPieces[Below(std::size(kPieces))];
    return id;
  }

 private:
  uint64_t state_;
};

std::vector<absl::string_view> Views(const std::vector<std::string>& strings) {
  return std::vector<absl::string_view>(strings.begin(), strings.end());
}

std::vector<std::string> Pick(const std::vector<std::string>& ids, const std::vector<size_t>& indices) {
  std::vector<std::string> picked;
  for (size_t i : indices) picked.push_back(ids[i]);
  return picked;
}

// The reference ranking: sort by (ticket string, id), exactly as consistent_sampler's heap of
// (ticket_number, id, generation) tuples does, with no keys involved.
std::vector<size_t> ReferenceOrder(const TicketSampler& sampler, const std::vector<std::string>& ids) {
  std::vector<std::string> tickets;
  for (const std::string& id : ids) tickets.push_back(sampler.Ticket(id));
  std::vector<size_t> order(ids.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (tickets[a] != tickets[b]) return tickets[a] < tickets[b];
    return ids[a] < ids[b];
  });
  return order;
}

// --- RULES §7 public check values (consistent_sampler documentation) ---

TEST(SamplerTest, UniformOfAbcIsThePublishedValue) {
  EXPECT_EQ(Sha256Uniform("abc"),
            "0.56998071861792858926477341561059638840106636224182943832566300809078486324348");
}

TEST(SamplerTest, PetTicketsAreThePublishedValues) {
  const TicketSampler sampler("xy()134!g2n");
  EXPECT_EQ(sampler.seed_hash(), Sha256Hex("xy()134!g2n"));
  EXPECT_EQ(sampler.Ticket("cat"),
            "0.24866413894129579898796850445568128508290132707747976039848637531569373309555");
  EXPECT_EQ(sampler.Ticket("dog"),
            "0.33886035615681875183111698317327684455682722683976874746986356932751818935066");
  EXPECT_EQ(sampler.Ticket("goat"),
            "0.49599842072022713663423753308080171636735689997237236247068925068573448764387");
  EXPECT_EQ(sampler.Ticket("fish"),
            "0.74685932088827950509145941729789143204056041958068799542050396198792954500593");

  const std::vector<std::string> ids = {"dog", "cat", "fish", "goat"};
  EXPECT_EQ(Pick(ids, sampler.Order(Views(ids))), (std::vector<std::string>{"cat", "dog", "goat", "fish"}));
}

TEST(SamplerTest, Seed314159DrawsB2B3A3A2First) {
  const std::vector<std::string> ids = {"A-1", "A-2", "A-3", "B-1", "B-2", "B-3"};
  const TicketSampler sampler("314159");
  EXPECT_EQ(sampler.SelectLowest(Views(ids), 4), (std::vector<size_t>{4, 5, 2, 1}));
  EXPECT_EQ(Pick(ids, sampler.SelectLowest(Views(ids), 4)),
            (std::vector<std::string>{"B-2", "B-3", "A-3", "A-2"}));
}

TEST(SamplerTest, TicketsOfDifferentLengthsCompareAsStrings) {
  // A-3 has 78 digits, B-3 77: the string order (B-3 first) is what consistent_sampler uses.
  const TicketSampler sampler("314159");
  const std::string a3 = sampler.Ticket("A-3"), b3 = sampler.Ticket("B-3");
  EXPECT_EQ(a3, "0.471438751218990090280329669693328441199477360893518597933960833853618655507601");
  EXPECT_EQ(b3, "0.47096029125515628220478316875824544955608868777212682429404942391399112981328");
  EXPECT_LT(b3, a3);
  EXPECT_LT(sampler.Key("B-3"), sampler.Key("A-3"));
  EXPECT_LT(sampler.Compare("B-3", "A-3"), 0);
  EXPECT_GT(sampler.Compare("A-3", "B-3"), 0);
  EXPECT_EQ(sampler.Compare("A-3", "A-3"), 0);
}

TEST(SamplerTest, ChineseIdsAreHashedAsUtf8) {
  // consistent_sampler.first_fraction('新乐市某某化工有限公司', '314159')
  const TicketSampler sampler("314159");
  EXPECT_EQ(
      sampler.Ticket("\xE6\x96\xB0\xE4\xB9\x90\xE5\xB8\x82\xE6\x9F\x90\xE6\x9F\x90\xE5\x8C\x96\xE5\xB7\xA5"
                     "\xE6\x9C\x89\xE9\x99\x90\xE5\x85\xAC\xE5\x8F\xB8"),
      "0.56617229965679150513208372814842835083799783240729155757153632727729202690839");
}

TEST(SamplerTest, EmptySeedAndEmptyIdAreAllowed) {
  EXPECT_EQ(TicketSampler("").seed_hash(), Sha256Hex(""));
  EXPECT_EQ(TicketSampler("").Ticket("x"),
            "0.7608815063546699547421253389093079133542223203509688041846078787765752048748");
  EXPECT_EQ(TicketSampler("314159").Ticket(""),
            "0.650556435264244701920454071098732951632079546478812682962133317134753677997311");
}

// --- The ordering key ---

TEST(SamplerTest, KeyIsTheFirst19TicketDigits) {
  TestRandom random(1);
  const TicketSampler sampler("key-digits");
  for (int i = 0; i < 20000; ++i) {
    const std::string id = random.Id();
    const std::string ticket = sampler.Ticket(id);
    ASSERT_GE(ticket.size(), 66u);
    ASSERT_LE(ticket.size(), 80u);
    ASSERT_EQ(absl::StrCat(sampler.Key(id).first19), absl::StrCat(std::stoull(ticket.substr(2, 19))));
    ASSERT_EQ(sampler.Key(id).first19, std::stoull(ticket.substr(2, 19))) << id;
  }
}

TEST(SamplerTest, BatchKeysEqualSingleKeys) {
  TestRandom random(7);
  const TicketSampler sampler("batch");
  std::vector<std::string> ids(1000);
  for (std::string& id : ids) id = random.Id();
  const std::vector<absl::string_view> views = Views(ids);
  for (size_t size : {size_t{0}, size_t{1}, size_t{7}, size_t{8}, size_t{9}, size_t{1000}}) {
    std::vector<TicketKey> keys(size);
    sampler.Keys(absl::MakeConstSpan(views).subspan(0, size), absl::MakeSpan(keys));
    for (size_t i = 0; i < size; ++i) ASSERT_EQ(keys[i], sampler.Key(ids[i])) << i;
  }
  std::vector<TicketKey> fewer(3);  // shorter output: only that many are computed
  sampler.Keys(views, absl::MakeSpan(fewer));
  EXPECT_EQ(fewer[2], sampler.Key(ids[2]));
}

TEST(SamplerTest, KeyOrderAgreesWithTicketStringOrder) {
  TestRandom random(2);
  const TicketSampler sampler("key-order");
  std::vector<std::string> ids(4000);
  for (std::string& id : ids) id = random.Id();
  for (int trial = 0; trial < 200000; ++trial) {
    const std::string& a = ids[random.Below(ids.size())];
    const std::string& b = ids[random.Below(ids.size())];
    const TicketKey key_a = sampler.Key(a), key_b = sampler.Key(b);
    const std::string ticket_a = sampler.Ticket(a), ticket_b = sampler.Ticket(b);
    if (key_a < key_b) {
      ASSERT_LT(ticket_a, ticket_b);
    } else if (key_b < key_a) {
      ASSERT_LT(ticket_b, ticket_a);
    } else {
      ASSERT_EQ(ticket_a.substr(0, 21), ticket_b.substr(0, 21));
    }
    const int expected = ticket_a != ticket_b ? (ticket_a < ticket_b ? -1 : 1) : (a < b ? -1 : a > b ? 1 : 0);
    ASSERT_EQ(sampler.Compare(a, b), expected);
  }
}

TEST(SamplerTest, SelectionEqualsSortingByTicketStrings) {
  TestRandom random(3);
  for (int round = 0; round < 20; ++round) {
    const TicketSampler sampler(absl::StrCat("seed-", round));
    std::vector<std::string> ids(1 + random.Below(300));
    for (size_t i = 0; i < ids.size(); ++i) ids[i] = absl::StrCat(random.Id(), "/", i);  // distinct
    const std::vector<size_t> reference = ReferenceOrder(sampler, ids);
    EXPECT_EQ(sampler.Order(Views(ids)), reference);
    const size_t n = random.Below(ids.size() + 1);
    EXPECT_EQ(sampler.SelectLowest(Views(ids), n),
              std::vector<size_t>(reference.begin(), reference.begin() + static_cast<ptrdiff_t>(n)));
  }
}

// --- Selection ---

TEST(SamplerTest, SelectingZeroReturnsNothing) {
  const std::vector<std::string> ids = {"a", "b"};
  EXPECT_TRUE(TicketSampler("s").SelectLowest(Views(ids), 0).empty());
  EXPECT_TRUE(TicketSampler("s").SelectLowest({}, 3).empty());
  EXPECT_TRUE(TicketSampler("s").Order({}).empty());
}

TEST(SamplerTest, SelectingMoreThanThePoolReturnsThePoolInDrawOrder) {
  const std::vector<std::string> ids = {"A-1", "A-2", "A-3", "B-1", "B-2", "B-3"};
  const TicketSampler sampler("314159");
  EXPECT_EQ(sampler.SelectLowest(Views(ids), 100), sampler.Order(Views(ids)));
  EXPECT_EQ(sampler.SelectLowest(Views(ids), ids.size()), sampler.Order(Views(ids)));
}

TEST(SamplerTest, LargerSampleExtendsSmallerSample) {
  TestRandom random(4);
  std::vector<std::string> ids(5000);
  for (size_t i = 0; i < ids.size(); ++i) ids[i] = absl::StrCat("entity-", i);
  const TicketSampler sampler("extension");
  const std::vector<size_t> all = sampler.Order(Views(ids));
  for (size_t n : {size_t{1}, size_t{2}, size_t{150}, size_t{151}, size_t{2500}, size_t{4999}}) {
    EXPECT_EQ(sampler.SelectLowest(Views(ids), n),
              std::vector<size_t>(all.begin(), all.begin() + static_cast<ptrdiff_t>(n)))
        << "n = " << n;
  }
}

TEST(SamplerTest, StratumDrawnAloneEqualsStratumFilteredFromTheWhole) {
  std::vector<std::string> ids;
  for (int i = 0; i < 3000; ++i) ids.push_back(absl::StrCat(i % 3 == 0 ? "key-" : "general-", i));
  const TicketSampler sampler("consistency");
  std::vector<std::string> keys_from_whole;
  for (size_t i : sampler.Order(Views(ids))) {
    if (ids[i].rfind("key-", 0) == 0) keys_from_whole.push_back(ids[i]);
  }
  std::vector<std::string> key_stratum;
  for (const std::string& id : ids) {
    if (id.rfind("key-", 0) == 0) key_stratum.push_back(id);
  }
  EXPECT_EQ(Pick(key_stratum, sampler.Order(Views(key_stratum))), keys_from_whole);
}

TEST(SamplerTest, ThreadCountDoesNotChangeTheResult) {
  // Large enough that 2, 3 and 8 threads each get whole chunks.
  std::vector<std::string> ids(200000);
  for (size_t i = 0; i < ids.size(); ++i) ids[i] = absl::StrCat("9113018", i);
  const TicketSampler sampler("threads");
  const std::vector<absl::string_view> views = Views(ids);
  const std::vector<size_t> one = sampler.SelectLowest(views, 6000, 1);
  EXPECT_EQ(one.size(), 6000u);
  for (int threads : {0, 2, 3, 8}) {
    EXPECT_EQ(sampler.SelectLowest(views, 6000, threads), one) << threads << " threads";
  }
  EXPECT_EQ(sampler.Order(views, 2), sampler.Order(views, 1));
}

TEST(SamplerTest, DuplicateIdsKeepInputOrder) {
  // A draw rejects duplicate ids before ranking; the ranking itself stays deterministic: equal ticket and
  // id, so the earlier index first.
  const std::vector<std::string> ids = {"dup", "other", "dup", "dup"};
  const TicketSampler sampler("dups");
  std::vector<size_t> order = sampler.Order(Views(ids));
  std::vector<size_t> dup_positions;
  for (size_t i : order) {
    if (ids[i] == "dup") dup_positions.push_back(i);
  }
  EXPECT_EQ(dup_positions, (std::vector<size_t>{0, 2, 3}));
}

TEST(SamplerTest, EqualKeysAreRankedByTheTieBreak) {
  // Real keys practically never tie, so drive the ranking with made-up keys: many equal keys, ties
  // broken by a tie order that differs from index order.
  TestRandom random(5);
  std::vector<internal::KeyedIndex> entries;
  for (size_t i = 0; i < 1000; ++i) entries.push_back({random.Below(7), i});
  const auto tie_less = [](size_t a, size_t b) { return (a * 37) % 1000 < (b * 37) % 1000; };
  std::vector<internal::KeyedIndex> sorted = entries;
  std::sort(sorted.begin(), sorted.end(), [&](const auto& a, const auto& b) {
    return a.key != b.key ? a.key < b.key : tie_less(a.index, b.index);
  });
  for (size_t n : {size_t{0}, size_t{1}, size_t{140}, size_t{999}, size_t{1000}, size_t{5000}}) {
    std::vector<size_t> expected;
    for (size_t i = 0; i < std::min(n, sorted.size()); ++i) expected.push_back(sorted[i].index);
    std::vector<internal::KeyedIndex> ranked = entries;  // reordered by the ranking
    EXPECT_EQ(internal::LowestByKey(absl::MakeSpan(ranked), n, tie_less), expected) << "n = " << n;
  }
}

// Large inputs are ranked by the keys' top bits first, and the buckets sorted on threads: the same answer
// as sorting everything, for spread keys with many ties, for keys all in one bucket, for keys on either
// side of a bucket boundary, whatever n and the thread count.
TEST(SamplerTest, RankingLargeInputsByBucketsGivesTheSortedOrder) {
  TestRandom random(11);
  // Enough entries for the counting and placing passes to run in several parts (65,536 entries or more each).
  const size_t count = 200000;
  const auto tie_less = [](size_t a, size_t b) { return (a * 7919) % 200003 < (b * 7919) % 200003; };
  std::vector<std::vector<internal::KeyedIndex>> inputs(3);
  for (size_t i = 0; i < count; ++i) {
    const uint64_t spread = random.Next() & ~((uint64_t{1} << 50) - 1);  // 14 random top bits: many ties
    inputs[0].push_back({spread, i});
    inputs[1].push_back({random.Below(1000), i});  // all in the first bucket
    const uint64_t boundary = uint64_t{1} << 53;   // the first key of bucket 1 (of 2048)
    inputs[2].push_back(
        {random.Below(2) == 0 ? boundary - 1 - random.Below(5) : boundary + random.Below(5), i});
  }
  for (size_t input = 0; input < inputs.size(); ++input) {
    std::vector<internal::KeyedIndex> sorted = inputs[input];
    std::sort(sorted.begin(), sorted.end(), [&](const auto& a, const auto& b) {
      return a.key != b.key ? a.key < b.key : tie_less(a.index, b.index);
    });
    for (size_t n : {size_t{1}, size_t{49}, size_t{28000}, size_t{50000}, count - 1, count}) {
      std::vector<size_t> expected;
      for (size_t i = 0; i < n; ++i) expected.push_back(sorted[i].index);
      for (int threads : {1, 3}) {
        std::vector<internal::KeyedIndex> ranked = inputs[input];  // reordered by the ranking
        EXPECT_EQ(internal::LowestByKey(absl::MakeSpan(ranked), n, tie_less, threads), expected)
            << "input " << input << ", n = " << n << ", threads " << threads;
      }
    }
  }
}

// --- Seeds ---

TEST(SamplerTest, ValidateSeedRejectsEmptyBlankAndNonTextSeeds) {
  EXPECT_EQ(ValidateSeed("").code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(ValidateSeed("").message().find("empty"), absl::string_view::npos);
  EXPECT_EQ(ValidateSeed(" \t\n").code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ValidateSeed("\xE3\x80\x80\xC2\xA0").code(),
            absl::StatusCode::kInvalidArgument);  // U+3000 U+00A0
  EXPECT_NE(ValidateSeed("  ").message().find("spaces"), absl::string_view::npos);
  EXPECT_EQ(ValidateSeed("31\xFF").code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(ValidateSeed("31\xFF").message().find("UTF-8"), absl::string_view::npos);
  EXPECT_EQ(ValidateSeed("\xC0\xAF").code(), absl::StatusCode::kInvalidArgument);      // overlong '/'
  EXPECT_EQ(ValidateSeed("\xED\xA0\x80").code(), absl::StatusCode::kInvalidArgument);  // surrogate
}

TEST(SamplerTest, ValidateSeedAcceptsOrdinarySeeds) {
  EXPECT_TRUE(ValidateSeed("314159").ok());
  EXPECT_TRUE(ValidateSeed("xy()134!g2n").ok());
  EXPECT_TRUE(ValidateSeed(" 7 ").ok());
  EXPECT_TRUE(ValidateSeed("\xE7\xA6\x8F\xE5\xBD\xA9 2024-118 \xF0\x9F\x8E\xB2").ok());  // 福彩 2024-118 🎲
}

// --- Decimal conversion (internal) ---

// Decimal digits by repeated division by 10 over 32-bit limbs: slow, but shares nothing with the code
// under test.
std::string ReferenceTicketDigits(const internal::Uint256& v) {
  uint32_t limbs[8];
  for (int i = 0; i < 4; ++i) {
    limbs[2 * i] = static_cast<uint32_t>(v.limb[i]);
    limbs[2 * i + 1] = static_cast<uint32_t>(v.limb[i] >> 32);
  }
  std::string digits;  // least significant first
  bool nonzero = true;
  while (nonzero) {
    uint64_t rem = 0;
    nonzero = false;
    for (int i = 7; i >= 0; --i) {
      const uint64_t current = (rem << 32) | limbs[i];
      limbs[i] = static_cast<uint32_t>(current / 10);
      rem = current % 10;
      nonzero = nonzero || limbs[i] != 0;
    }
    digits.push_back(static_cast<char>('0' + rem));
  }
  while (digits.size() < 64) digits.push_back('0');
  return digits;
}

std::string TicketDigits(const internal::Uint256& v) {
  char out[internal::kTicketDigitsBuffer];
  return std::string(out, internal::TicketDigits(v, out));
}

TEST(DecimalTest, EdgeValuesConvertLikePython) {
  const uint64_t kMax = ~uint64_t{0};
  EXPECT_EQ(TicketDigits({{0, 0, 0, 0}}), std::string(64, '0'));
  EXPECT_EQ(TicketDigits({{kMax, kMax, kMax, kMax}}),
            "539936921319700485754930465046566489962358709786800589075324591613732980297511");
  // 10^63 - 1 has 63 digits: one padding zero, which comes last once reversed.
  EXPECT_EQ(TicketDigits({{0x7fffffffffffffff, 0x57d27e23acbdcfe6, 0x30eccc3215dd8f31, 0x26e4d}}),
            std::string(63, '9') + "0");
  EXPECT_EQ(TicketDigits({{0x8000000000000000, 0x57d27e23acbdcfe6, 0x30eccc3215dd8f31, 0x26e4d}}),
            std::string(63, '0') + "1");  // 10^63: exactly 64 digits
  EXPECT_EQ(TicketDigits({{0, 0x6e38ed64bf6a1f01, 0xe93ff9f4daa797ed, 0x184f03}}),
            std::string(64, '0') + "1");  // 10^64: 65 digits
  EXPECT_EQ(TicketDigits({{0, 0xaa987b6e6fd2a000, 0x49ef0eb713f39ebe, 0xdd15fe86affad912}}),
            std::string(77, '0') + "1");  // 10^77: 78 digits
  EXPECT_EQ(TicketDigits({{0, 1, 0, 0}}), "6161559073704476448100000000000000000000000000000000000000000000");
  EXPECT_EQ(TicketDigits({{0x8ac7230489e80000, 0, 0, 0}}),
            "0000000000000000000100000000000000000000000000000000000000000000");  // 10^19
}

TEST(DecimalTest, RandomValuesConvertLikeTheReference) {
  TestRandom random(6);
  for (int i = 0; i < 20000; ++i) {
    internal::Uint256 v{{random.Next(), random.Next(), random.Next(), random.Next()}};
    // Also small and medium values, where the zero padding matters.
    for (int limb = 3; limb > static_cast<int>(random.Below(4)); --limb) v.limb[limb] = 0;
    const std::string expected = ReferenceTicketDigits(v);
    ASSERT_EQ(TicketDigits(v), expected);
    uint64_t first19 = 0;
    for (int k = 0; k < 19; ++k) first19 = first19 * 10 + static_cast<uint64_t>(expected[k] - '0');
    ASSERT_EQ(internal::ReverseDigits19(internal::ModTenPow19(v)), first19);
  }
}

// ModTenPow19 reduces without dividing (CRT over 2^19 and 5^19); the reference is plain long division.
TEST(DecimalTest, ModTenPow19AgreesWithLongDivisionOnEdgesAndRandomValues) {
  __extension__ typedef unsigned __int128 u128;
  const auto reference = [](const internal::Uint256& v) {
    uint64_t rem = 0;
    for (int i = 3; i >= 0; --i) {
      rem = static_cast<uint64_t>(((static_cast<u128>(rem) << 64) | v.limb[i]) % internal::kTenPow19);
    }
    return rem;
  };
  const uint64_t kMax = ~uint64_t{0};
  const uint64_t kEdges[] = {0,
                             1,
                             2,
                             (uint64_t{1} << 19) - 1,
                             uint64_t{1} << 19,
                             19'073'486'328'125,
                             internal::kTenPow19 - 1,
                             internal::kTenPow19,
                             internal::kTenPow19 + 1,
                             uint64_t{1} << 63,
                             kMax - 1,
                             kMax,
                             0xFFFFFFFF,
                             uint64_t{0xFFFFFFFF} << 32};
  for (uint64_t a : kEdges) {
    for (uint64_t b : kEdges) {
      for (const internal::Uint256& v :
           {internal::Uint256{{a, b, a, b}}, internal::Uint256{{a, 0, 0, b}},
            internal::Uint256{{a, b, kMax, kMax}}, internal::Uint256{{b, a, 0, 0}}}) {
        ASSERT_EQ(internal::ModTenPow19(v), reference(v)) << a << " " << b;
      }
    }
  }
  TestRandom random(20261129);
  for (int i = 0; i < 1'000'000; ++i) {
    internal::Uint256 v{{random.Next(), random.Next(), random.Next(), random.Next()}};
    for (int limb = 3; limb > static_cast<int>(random.Below(5)); --limb) v.limb[limb] = 0;
    ASSERT_EQ(internal::ModTenPow19(v), reference(v)) << i;
  }
}

TEST(DecimalTest, ReverseDigits19ReversesAllNineteenDigits) {
  EXPECT_EQ(internal::ReverseDigits19(0), 0u);
  EXPECT_EQ(internal::ReverseDigits19(1), 1000000000000000000u);
  EXPECT_EQ(internal::ReverseDigits19(1234), 4321000000000000000u);
  EXPECT_EQ(internal::ReverseDigits19(1234567890123456789u), 9876543210987654321u);
  EXPECT_EQ(internal::ReverseDigits19(9999999999999999999u), 9999999999999999999u);
  EXPECT_EQ(internal::ReverseDigits19(1000000000000000000u), 1u);
}

}  // namespace
}  // namespace ssr
