#include "io/file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "gtest/gtest.h"

namespace ssr::internal {
namespace {

std::string TempDir() {
  std::string pattern = ::testing::TempDir() + "ssr_file_test_XXXXXX";
  char* made = ::mkdtemp(pattern.data());
  EXPECT_NE(made, nullptr);
  return pattern;
}

TEST(FileTest, WrittenFileReadsBackByteForByte) {
  std::string path = TempDir() + "/out.csv";
  std::string contents("id,名称\r\n1,\xE4\xB8\x80\n", 18);
  ASSERT_TRUE(WriteFileAtomic(path, contents).ok());
  auto read = ReadFile(path);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(*read, contents);
}

TEST(FileTest, MissingFileIsNotFoundAndNamesThePath) {
  auto read = ReadFile("/nonexistent/ssr/entities.csv");
  EXPECT_EQ(read.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(read.status().message().find("/nonexistent/ssr/entities.csv"), std::string::npos);
}

TEST(FileTest, ReadingADirectoryIsInvalidArgument) {
  EXPECT_EQ(ReadFile(TempDir()).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(FileTest, FailedWriteLeavesTheEarlierFileIntact) {
  std::string dir = TempDir();
  std::string path = dir + "/record.json";
  ASSERT_TRUE(WriteFileAtomic(path, "old").ok());
  if (::geteuid() != 0) {
    ASSERT_EQ(::chmod(dir.c_str(), 0555), 0);
    EXPECT_FALSE(WriteFileAtomic(path, "new").ok());
    ::chmod(dir.c_str(), 0755);
  }
  // Writing into a directory that does not exist fails without touching anything else.
  EXPECT_FALSE(WriteFileAtomic(dir + "/missing/record.json", "new").ok());
  EXPECT_EQ(*ReadFile(path), "old");
}

}  // namespace
}  // namespace ssr::internal
