#include "ssrandom/directory_digest.h"

#include <algorithm>
#include <map>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "directory/grouped_digest.h"
#include "gtest/gtest.h"
#include "ssrandom/bureau_io.h"
#include "ssrandom/digest.h"
#include "ssrandom/sample_bureau.h"

namespace ssr {
namespace {

// The definition in docs/directory.md, written again from the text with nothing but SHA-256 of strings:
// what an independent program computes from (id, canonical line) pairs.
std::string DocumentedDigest(const std::vector<std::pair<std::string, std::string>>& id_and_line) {
  std::map<int, std::vector<std::string>> buckets;  // bucket -> hex line hashes
  for (const auto& [id, line] : id_and_line) {
    const int bucket = std::stoi(Sha256Hex(id).substr(0, 2), nullptr, 16);
    buckets[bucket].push_back(Sha256Hex(line));
  }
  std::string text = "ssrandom-entity-directory-v2\n";
  for (int k = 0; k < 256; ++k) {
    std::vector<std::string>& hex = buckets[k];
    std::sort(hex.begin(), hex.end());  // lowercase hex sorts as the bytes do
    std::string bytes;
    for (const std::string& h : hex) bytes += absl::HexStringToBytes(h);
    text += Sha256Hex(bytes) + "\n";
  }
  return Sha256Hex(text);
}

TEST(DirectoryDigestTest, MatchesTheDocumentedDefinition) {
  // docs/directory.md: each entity's 17 fields joined by U+001F, one line each, hashed and bucketed.
  Entity e;
  e.id = "XL-1";
  e.area = "杜固";
  e.key_unit = true;
  e.tags = {"固废", "化工"};
  Directory directory;
  ASSERT_TRUE(directory.Add(e).ok());
  const std::string line =
      "XL-1\x1f\x1f\x1f杜固\x1f\x1f\x1ftrue\x1f\x1f\x1f\x1f\x1f\x1f\x1f\x1f\x1f\x1f化工;固废\n";
  EXPECT_EQ(directory.CanonicalDigest(), DocumentedDigest({{"XL-1", line}}));
  EXPECT_EQ(Directory().CanonicalDigest(), DocumentedDigest({}));
}

// The lines read straight from the columns must equal the documented form built from the CSV text of each
// field, which is what independent programs recompute.
TEST(DirectoryDigestTest, ColumnFastPathEqualsTheCsvTextForm) {
  Bureau sample = SampleBureau();
  std::vector<std::pair<std::string, std::string>> rows;
  for (size_t i = 0; i < sample.entities.size(); ++i) {
    Entity e = sample.entities.Get(i);
    std::sort(e.tags.begin(), e.tags.end());
    Directory one;
    ASSERT_TRUE(one.Add(e).ok());
    std::string row_csv = EntitiesToCsv(one);
    std::string data = row_csv.substr(row_csv.find('\n') + 1);
    data.pop_back();
    ASSERT_FALSE(absl::StrContains(data, "\"")) << "the sample has no quoted fields";
    std::replace(data.begin(), data.end(), ',', '\x1f');
    rows.emplace_back(e.id, data + "\n");
  }
  EXPECT_EQ(sample.entities.CanonicalDigest(), DocumentedDigest(rows));
}

TEST(DirectoryDigestTest, UsesAllBucketsAndOnlyTheFirstByteOfTheIdHash) {
  Bureau bureau = GenerateBureau([] {
    SampleBureauOptions options;
    options.entities = 5000;
    return options;
  }());
  CanonicalEntityHashes h = HashCanonicalEntities(bureau.entities);
  std::vector<int> count(kDirectoryDigestBuckets);
  for (size_t row = 0; row < bureau.entities.size(); ++row) {
    const unsigned char bucket = static_cast<unsigned char>(h.buckets[row]);
    EXPECT_EQ(bucket, std::stoi(Sha256Hex(bureau.entities.id(row)).substr(0, 2), nullptr, 16));
    ++count[bucket];
  }
  // 5,000 ids over 256 buckets: about 20 each; none empty, none holding a large share (Spark balance).
  EXPECT_GT(*std::min_element(count.begin(), count.end()), 0);
  EXPECT_LT(*std::max_element(count.begin(), count.end()), 60);
}

TEST(DirectoryDigestTest, BucketDigestIgnoresOrderAndRejectsBadInput) {
  const std::string a = absl::HexStringToBytes(Sha256Hex("a"));
  const std::string b = absl::HexStringToBytes(Sha256Hex("b"));
  const std::string sorted = std::min(a, b) + std::max(a, b);
  EXPECT_EQ(*DirectoryBucketDigest(7, a + b), Sha256Hex(sorted));
  EXPECT_EQ(*DirectoryBucketDigest(7, b + a), Sha256Hex(sorted));
  EXPECT_EQ(*DirectoryBucketDigest(0, ""), Sha256Hex(""));

  absl::StatusOr<std::string> twice = DirectoryBucketDigest(7, a + b + a);
  ASSERT_FALSE(twice.ok());
  EXPECT_TRUE(absl::StrContains(twice.status().message(), "twice")) << twice.status();
  EXPECT_TRUE(absl::StrContains(twice.status().message(), Sha256Hex("a"))) << twice.status();
  absl::StatusOr<std::string> ragged = DirectoryBucketDigest(7, a + "x");
  ASSERT_FALSE(ragged.ok());
  EXPECT_TRUE(absl::StrContains(ragged.status().message(), "multiple of 32")) << ragged.status();
  EXPECT_FALSE(DirectoryBucketDigest(256, a).ok());
  EXPECT_FALSE(DirectoryBucketDigest(-1, a).ok());
}

TEST(DirectoryDigestTest, FromBucketsChecksCountAndForm) {
  std::vector<std::string> buckets(kDirectoryDigestBuckets, Sha256Hex(""));
  EXPECT_EQ(*DirectoryDigestFromBuckets(buckets), Directory().CanonicalDigest());
  std::vector<std::string> short_list(buckets.begin(), buckets.end() - 1);
  absl::StatusOr<std::string> missing = DirectoryDigestFromBuckets(short_list);
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(absl::StrContains(missing.status().message(), "255 bucket digests")) << missing.status();
  buckets[9] = Sha256Hex("x");
  for (char& c : buckets[9]) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  absl::StatusOr<std::string> upper = DirectoryDigestFromBuckets(buckets);
  ASSERT_FALSE(upper.ok());
  EXPECT_TRUE(absl::StrContains(upper.status().message(), "bucket 9")) << upper.status();
}

// The digest reads the rows in row order on several threads (from 50,000 rows) and takes the buckets in
// groups, one pass over the rows each; neither may change it. The reference is the documented bucket path
// over one thread's row-order hashes (HashCanonicalEntities), which Spark uses.
TEST(DirectoryDigestTest, ThreadsAndGroupsOfBucketsGiveTheSameDigest) {
  SampleBureauOptions options;
  options.entities = 60'000;
  const Directory directory = GenerateBureau(options).entities;
  const CanonicalEntityHashes hashes = HashCanonicalEntities(directory);
  std::vector<std::string> bucket_digests;
  for (int k = 0; k < kDirectoryDigestBuckets; ++k) {
    std::string bucket_hashes;
    for (size_t row = 0; row < directory.size(); ++row) {
      if (static_cast<uint8_t>(hashes.buckets[row]) == k) {
        bucket_hashes.append(hashes.hashes, row * kEntityHashSize, kEntityHashSize);
      }
    }
    bucket_digests.push_back(*DirectoryBucketDigest(k, bucket_hashes));
  }
  const std::string reference = *DirectoryDigestFromBuckets(bucket_digests);
  EXPECT_EQ(directory.CanonicalDigest(), reference);
  for (uint64_t rows_per_group : {uint64_t{1}, uint64_t{500}, uint64_t{7'000}, uint64_t{59'999}}) {
    EXPECT_EQ(internal::GroupedDirectoryDigest(directory.columns(), rows_per_group), reference)
        << rows_per_group;
  }
}

TEST(DirectoryDigestTest, CacheFollowsAddCopyAndMove) {
  Bureau sample = SampleBureau();
  Directory directory = sample.entities;
  const std::string before = directory.CanonicalDigest();
  Directory copy = directory;  // copies the cached digest with the entities
  EXPECT_EQ(copy.CanonicalDigest(), before);
  Entity extra;
  extra.id = "ZZ-NEW";
  ASSERT_TRUE(copy.Add(extra).ok());
  EXPECT_NE(copy.CanonicalDigest(), before);
  EXPECT_EQ(directory.CanonicalDigest(), before);
  // A failed Add changes nothing, the digest included.
  const std::string after = copy.CanonicalDigest();
  EXPECT_FALSE(copy.Add(extra).ok());
  EXPECT_EQ(copy.CanonicalDigest(), after);
  // The digest after Add equals the digest of the same entities built from scratch.
  Directory fresh;
  for (size_t row = copy.size(); row > 0; --row) ASSERT_TRUE(fresh.Add(copy.Get(row - 1)).ok());
  EXPECT_EQ(fresh.CanonicalDigest(), after);
  Directory moved = std::move(copy);
  EXPECT_EQ(moved.CanonicalDigest(), after);
  copy = moved;
  EXPECT_EQ(copy.CanonicalDigest(), after);
}

TEST(DirectoryDigestTest, ConcurrentCallersGetTheSameDigest) {
  Bureau bureau = GenerateBureau([] {
    SampleBureauOptions options;
    options.entities = 20000;
    return options;
  }());
  const Directory& directory = bureau.entities;
  std::vector<std::string> seen(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&directory, &seen, i] { seen[i] = directory.CanonicalDigest(); });
  }
  for (std::thread& t : threads) t.join();
  Directory rebuilt;
  for (size_t row = 0; row < directory.size(); ++row) ASSERT_TRUE(rebuilt.Add(directory.Get(row)).ok());
  for (const std::string& digest : seen) EXPECT_EQ(digest, rebuilt.CanonicalDigest());
}

}  // namespace
}  // namespace ssr
