#include "io/file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "absl/strings/str_cat.h"
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

// Files are read into one buffer of their size; every byte comes back, whatever the size is against the
// reads' pieces, and so does all a pipe carries (it has no size: read on to its end).
TEST(FileTest, LargeFilesAndPipesReadBackByteForByte) {
  const std::string folder = TempDir();
  for (const size_t size : {size_t{0}, size_t{1}, size_t{65535}, size_t{65536}, size_t{3000017}}) {
    std::string contents(size, '\0');
    for (size_t i = 0; i < size; ++i) contents[i] = static_cast<char>((i * 131) % 251);
    const std::string path = absl::StrCat(folder, "/file", size);
    ASSERT_TRUE(WriteFileAtomic(path, contents).ok());
    const absl::StatusOr<std::string> read = ReadFile(path);
    ASSERT_TRUE(read.ok()) << read.status();
    EXPECT_TRUE(*read == contents) << size << " bytes";
  }
  const std::string pipe = folder + "/pipe";
  ASSERT_EQ(::mkfifo(pipe.c_str(), 0600), 0);
  std::string sent(200003, 'p');
  sent[100000] = '\n';
  std::thread writer([&] {
    std::FILE* out = std::fopen(pipe.c_str(), "wb");  // blocks until the reader opens the pipe
    ASSERT_NE(out, nullptr);
    std::fwrite(sent.data(), 1, sent.size(), out);
    std::fclose(out);
  });
  const absl::StatusOr<std::string> received = ReadFile(pipe);
  writer.join();
  ASSERT_TRUE(received.ok()) << received.status();
  EXPECT_TRUE(*received == sent) << received->size() << " bytes received";
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
