#include "ssrandom/columnar.h"

#include <cstring>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "crypto/sha256.h"
#include "gtest/gtest.h"
#include "io/file.h"
#include "ssrandom/bureau_io.h"
#include "ssrandom/sample_bureau.h"

namespace ssr {
namespace {

std::string TempFolder() {
  std::string pattern = ::testing::TempDir() + "ssr_columnar_XXXXXX";
  EXPECT_NE(::mkdtemp(pattern.data()), nullptr);
  return pattern;
}

Directory Generated(int64_t entities) {
  SampleBureauOptions options;
  options.entities = entities;
  return GenerateBureau(options).entities;
}

Entity Row(const std::string& id) {
  Entity e;
  e.id = id;
  e.name = "甲公司";
  e.area = "杜固";
  e.tags = {"化工", "固废"};
  return e;
}

Directory TwoRows() {
  Directory d;
  EXPECT_TRUE(d.Add(Row("AAA")).ok());
  EXPECT_TRUE(d.Add(Row("BBB")).ok());
  return d;
}

// The byte offset of section `id` (1-based, file order) as the section table gives it.
size_t SectionOffset(const std::string& bytes, uint32_t id) {
  uint64_t offset;
  std::memcpy(&offset, bytes.data() + 64 + 24 * (id - 1) + 8, 8);
  return static_cast<size_t>(offset);
}

// Writes the header's SHA-256 again after an edit, as other software writing a bad file would.
void Reseal(std::string* bytes) {
  internal::Sha256Digest digest = internal::Sha256(absl::string_view(*bytes).substr(64));
  std::memcpy(&(*bytes)[32], digest.data(), digest.size());
}

TEST(ColumnarTest, RoundTripKeepsEveryFieldRowOrderAndDigest) {
  const Directory original = Generated(3000);
  absl::StatusOr<Directory> loaded = ReadColumnarEntities(ColumnarEntities(original), "x.ssrcol");
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  ASSERT_EQ(loaded->size(), original.size());
  for (size_t row = 0; row < original.size(); ++row) ASSERT_EQ(loaded->Get(row), original.Get(row)) << row;
  EXPECT_EQ(loaded->CanonicalDigest(), original.CanonicalDigest());
  EXPECT_EQ(loaded->Find("XL-02999"), std::optional<size_t>(2998));
  EXPECT_EQ(loaded->Find("XL-99999"), std::nullopt);
  EXPECT_EQ(loaded->Areas(), original.Areas());
  // The loaded directory is an ordinary one: it takes new rows and still rejects duplicates.
  EXPECT_TRUE(loaded->Add(Row("NEW")).ok());
  EXPECT_EQ(loaded->Add(Row("XL-00001")).code(), absl::StatusCode::kAlreadyExists);
}

TEST(ColumnarTest, BytesAreDeterministicAndSurviveARoundTrip) {
  const Directory original = Generated(500);
  const std::string bytes = ColumnarEntities(original);
  EXPECT_EQ(ColumnarEntities(Generated(500)), bytes);
  absl::StatusOr<Directory> loaded = ReadColumnarEntities(bytes, "x.ssrcol");
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(ColumnarEntities(*loaded), bytes);
  EXPECT_EQ(bytes.size() % 8, 0u);
}

TEST(ColumnarTest, EmptyDirectoryRoundTrips) {
  absl::StatusOr<Directory> loaded = ReadColumnarEntities(ColumnarEntities(Directory()), "empty.ssrcol");
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(loaded->size(), 0u);
}

TEST(ColumnarTest, EveryTruncationIsDataLossNamingTheSource) {
  const std::string bytes = ColumnarEntities(TwoRows());
  for (size_t length = 0; length < bytes.size(); ++length) {
    absl::StatusOr<Directory> loaded = ReadColumnarEntities(bytes.substr(0, length), "cut.ssrcol");
    ASSERT_FALSE(loaded.ok()) << length;
    EXPECT_EQ(loaded.status().code(), absl::StatusCode::kDataLoss) << length;
    EXPECT_TRUE(absl::StartsWith(loaded.status().message(), "cut.ssrcol: ")) << loaded.status();
  }
}

TEST(ColumnarTest, AnyChangedByteIsCaught) {
  const std::string bytes = ColumnarEntities(TwoRows());
  for (size_t at = 0; at < bytes.size(); ++at) {
    std::string changed = bytes;
    changed[at] = static_cast<char>(changed[at] ^ 0x20);
    absl::StatusOr<Directory> loaded = ReadColumnarEntities(changed, "bad.ssrcol");
    EXPECT_FALSE(loaded.ok()) << "byte " << at << " changed, yet the file loaded";
  }
  std::string changed = bytes;
  changed[bytes.size() - 1] ^= 1;
  EXPECT_TRUE(absl::StrContains(ReadColumnarEntities(changed, "bad.ssrcol").status().message(),
                                "do not match the SHA-256"));
}

TEST(ColumnarTest, CsvIsNotAColumnarFile) {
  absl::StatusOr<Directory> loaded =
      ReadColumnarEntities("id,name\nXL-1,甲公司\n" + std::string(100, ' '), "entities.ssrcol");
  EXPECT_EQ(loaded.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_TRUE(absl::StrContains(loaded.status().message(), "not a columnar entity directory"));
}

TEST(ColumnarTest, AnotherVersionIsRefusedByNumber) {
  std::string bytes = ColumnarEntities(TwoRows());
  const uint32_t version = 2;
  std::memcpy(&bytes[8], &version, 4);
  absl::StatusOr<Directory> loaded = ReadColumnarEntities(bytes, "v2.ssrcol");
  EXPECT_EQ(loaded.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(absl::StrContains(loaded.status().message(), "version 2; this library reads version 1"))
      << loaded.status();
}

TEST(ColumnarTest, DuplicateIdFromOtherSoftwareNamesRecordAndId) {
  std::string bytes = ColumnarEntities(TwoRows());
  const size_t ids = SectionOffset(bytes, 2);  // "AAABBB"
  bytes.replace(ids + 3, 3, "AAA");
  Reseal(&bytes);
  absl::StatusOr<Directory> loaded = ReadColumnarEntities(bytes, "dup.ssrcol");
  EXPECT_EQ(loaded.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(loaded.status().message(),
            "dup.ssrcol: record 2 (id 'AAA'), field id: duplicate entity id; ids must be unique");
}

TEST(ColumnarTest, ControlCharacterAndBadUtf8AreRejectedWithTheirRecord) {
  std::string bytes = ColumnarEntities(TwoRows());
  const size_t names = SectionOffset(bytes, 6);  // "甲公司甲公司", 9 bytes each
  std::string tab = bytes;
  tab[names + 10] = '\t';
  Reseal(&tab);
  absl::StatusOr<Directory> loaded = ReadColumnarEntities(tab, "tab.ssrcol");
  EXPECT_EQ(loaded.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StartsWith(loaded.status().message(), "tab.ssrcol: record 2 (id 'BBB'), field names:"))
      << loaded.status();
  std::string latin1 = bytes;
  latin1[names] = '\xE9';
  latin1[names + 1] = 'x';
  Reseal(&latin1);
  loaded = ReadColumnarEntities(latin1, "latin1.ssrcol");
  EXPECT_TRUE(absl::StrContains(loaded.status().message(), "record 1 (id 'AAA'), field names: not UTF-8"))
      << loaded.status();
}

// A large file is read in two parts on two threads (the seal, names and id index beside the other
// sections), yet it loads whole, and of several problems the one reported is the one reading the file
// from front to back finds first: the seal, then the USCCs, the names, the other sections, and last a
// duplicate id.
TEST(ColumnarTest, ALargeFileLoadsWholeAndReportsTheFirstProblemInFileOrder) {
  const Directory generated = Generated(20000);
  const std::string bytes = ColumnarEntities(generated);
  ASSERT_GT(bytes.size(), size_t{1} << 20) << "too small for two threads";
  absl::StatusOr<Directory> clean = ReadColumnarEntities(bytes, "large.ssrcol");
  ASSERT_TRUE(clean.ok()) << clean.status();
  EXPECT_EQ(ColumnarEntities(*clean), bytes);
  EXPECT_EQ(clean->CanonicalDigest(), generated.CanonicalDigest());

  enum Fault { kDuplicateId, kOtherSection, kName, kUscc };
  const auto with = [&](std::vector<Fault> faults, bool reseal) {
    std::string changed = bytes;
    for (Fault fault : faults) {
      switch (fault) {
        case kDuplicateId:  // row 5,000 takes row 1's id (ids are XL-00001.. XL-20000, 8 bytes each)
          changed.replace(SectionOffset(bytes, 2) + 8 * 4999, 8, bytes.substr(SectionOffset(bytes, 2), 8));
          break;
        case kOtherSection:
          changed[SectionOffset(bytes, 21) + 15000] = 9;  // permit_class of row 15,001
          break;
        case kName:
          changed[SectionOffset(bytes, 6) + 500000] = '\xFF';
          break;
        case kUscc:
          changed[SectionOffset(bytes, 4) + 300000] = '\t';
          break;
      }
    }
    if (reseal) Reseal(&changed);
    return std::string(ReadColumnarEntities(changed, "large.ssrcol").status().message());
  };
  ASSERT_EQ(bytes.substr(SectionOffset(bytes, 2) + 8 * 4999, 8), "XL-05000");
  EXPECT_EQ(with({kDuplicateId}, true),
            "large.ssrcol: record 5000 (id 'XL-00001'), field id: duplicate entity id; ids must be unique");
  EXPECT_TRUE(absl::StrContains(with({kDuplicateId, kOtherSection}, true),
                                "record 15001 (id 'XL-15001'), field permit_class: unknown value 9"));
  EXPECT_TRUE(
      absl::StrContains(with({kDuplicateId, kOtherSection, kName}, true), "field names: not UTF-8 text"));
  EXPECT_TRUE(absl::StrContains(with({kDuplicateId, kOtherSection, kName, kUscc}, true),
                                "field usccs: contains the control character 0x09"));
  EXPECT_TRUE(absl::StrContains(with({kDuplicateId, kOtherSection, kName, kUscc}, false),
                                "do not match the SHA-256"));
}

TEST(ColumnarTest, UnknownEnumValueAndCodeOutsideItsPoolAreRejected) {
  std::string bytes = ColumnarEntities(TwoRows());
  std::string permit = bytes;
  permit[SectionOffset(bytes, 21) + 1] = 9;  // permit_class of row 2
  Reseal(&permit);
  EXPECT_EQ(ReadColumnarEntities(permit, "p.ssrcol").status().message(),
            "p.ssrcol: record 2 (id 'BBB'), field permit_class: unknown value 9");
  std::string area = bytes;
  area[SectionOffset(bytes, 17)] = 7;  // area code of row 1; the pool holds "" and 杜固
  Reseal(&area);
  EXPECT_TRUE(
      absl::StrContains(ReadColumnarEntities(area, "a.ssrcol").status().message(),
                        "record 1 (id 'AAA'), field area: value code 7 is outside its 2 known values"));
  std::string tags = bytes;
  const size_t codes = SectionOffset(bytes, 30);  // row 1's two tag codes, then row 2's
  tags[codes + 2] = tags[codes];
  Reseal(&tags);
  EXPECT_TRUE(absl::StrContains(ReadColumnarEntities(tags, "t.ssrcol").status().message(),
                                "field tags: repeats a tag"));
}

TEST(ColumnarTest, SaveAndLoadFilesAndTheEntityLoaderReadsThem) {
  const std::string folder = TempFolder();
  const Directory original = Generated(200);
  const std::string path = folder + "/entities.SSRCOL";
  ASSERT_TRUE(SaveColumnarEntities(original, path).ok());
  EXPECT_TRUE(IsColumnarPath(path));
  EXPECT_FALSE(IsColumnarPath("entities.csv"));
  absl::StatusOr<Directory> loaded = LoadColumnarEntities(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(loaded->CanonicalDigest(), original.CanonicalDigest());
  absl::StatusOr<Directory> through_loader = LoadEntities(path);
  ASSERT_TRUE(through_loader.ok()) << through_loader.status();
  EXPECT_EQ(through_loader->size(), 200u);
  EXPECT_EQ(LoadColumnarEntities(folder + "/missing.ssrcol").status().code(), absl::StatusCode::kNotFound);
  EXPECT_FALSE(SaveColumnarEntities(original, folder + "/no/such/folder.ssrcol").ok());
}

TEST(ColumnarTest, AFailedSaveKeepsTheEarlierFile) {
  const std::string folder = TempFolder();
  const std::string path = folder + "/entities.ssrcol";
  ASSERT_TRUE(SaveColumnarEntities(TwoRows(), path).ok());
  ASSERT_FALSE(SaveColumnarEntities(Generated(10), folder).ok());  // a folder is never replaced
  absl::StatusOr<Directory> loaded = LoadColumnarEntities(path);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->size(), 2u);
}

TEST(ColumnarTest, BureauFolderLoadsColumnarEntitiesWithTheOtherTables) {
  const std::string folder = TempFolder();
  SampleBureauOptions options;
  options.entities = 400;
  const Bureau bureau = GenerateBureau(options);
  ASSERT_TRUE(SaveBureau(bureau, folder, TableFormat::kCsv).ok());
  absl::StatusOr<Bureau> from_csv = LoadBureau(folder);
  ASSERT_TRUE(from_csv.ok()) << from_csv.status();

  // Both forms at once: ambiguous, as a table in both CSV and JSON is.
  ASSERT_TRUE(SaveColumnarEntities(bureau.entities, folder + "/entities.ssrcol").ok());
  absl::StatusOr<Bureau> both = LoadBureau(folder);
  ASSERT_FALSE(both.ok());
  EXPECT_TRUE(absl::StrContains(both.status().message(), "both entities.ssrcol and another entities table"))
      << both.status();

  ASSERT_TRUE(internal::RemoveFile(folder + "/entities.csv").ok());
  absl::StatusOr<Bureau> from_columnar = LoadBureau(folder);
  ASSERT_TRUE(from_columnar.ok()) << from_columnar.status();
  EXPECT_EQ(from_columnar->entities.CanonicalDigest(), from_csv->entities.CanonicalDigest());
  EXPECT_EQ(from_columnar->staff.size(), from_csv->staff.size());
  EXPECT_EQ(from_columnar->conflicts.size(), from_csv->conflicts.size());
}

TEST(ColumnarTest, GeneratedConflictsGrowWithTheDirectory) {
  SampleBureauOptions options;
  EXPECT_EQ(GenerateBureau(options).conflicts.size(), 12u);
  options.entities = 30000;
  EXPECT_EQ(GenerateBureau(options).conflicts.size(), 240u);
}

}  // namespace
}  // namespace ssr
