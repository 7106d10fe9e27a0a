// Fault handling: files that end mid-record, huge fields, files that are not UTF-8, byte order marks and
// mixed line endings on the way in; a missing, read-only or full output folder, a file size limit, a device
// as the target, a writer killed midway and writers racing on one path on the way out. Every fault gets a
// clear error, and earlier outputs stay as they were. docs/reliability.md lists what each test proves.
//
// Faults that change the whole process (resource limits, mounts, being killed) run in a forked child; the
// disk-full and read-only cases mount a small tmpfs in a private mount namespace of that child, so nothing
// stays mounted whatever happens, and are skipped where namespaces are not allowed.
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "io/file.h"
#include "io/utf8.h"
#include "ssrandom/bureau_io.h"
#include "ssrandom/calendar.h"
#include "ssrandom/plan.h"
#include "ssrandom/sample_bureau.h"

namespace ssr {
namespace {

#define EXPECT_HAS(text, part) EXPECT_TRUE(absl::StrContains(text, part)) << (text)

std::string TempFolder() {
  std::string pattern = ::testing::TempDir() + "ssr_fault_test_XXXXXX";
  EXPECT_NE(::mkdtemp(pattern.data()), nullptr);
  return pattern;
}

// Writes a file directly, bypassing the library.
void Put(const std::string& path, absl::string_view contents) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
  ASSERT_TRUE(out.good()) << path;
}

// The regular files of a folder by name, with their bytes.
std::map<std::string, std::string> Contents(const std::string& folder) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (!entry.is_regular_file()) continue;  // a pipe would block the read
    std::ifstream in(entry.path(), std::ios::binary);
    files[entry.path().filename().string()] =
        std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return files;
}

bool HasTemporaries(const std::string& folder) {
  for (const auto& [name, contents] : Contents(folder)) {
    if (absl::StrContains(name, ".tmp.")) return true;
  }
  return false;
}

Bureau SmallBureau(uint64_t seed, int64_t entities = 20, int inspectors_per_group = 2) {
  SampleBureauOptions options;
  options.entities = entities;
  options.inspectors_per_group = inspectors_per_group;
  options.seed = seed;
  return GenerateBureau(options);
}

// ---- Running a check in a child process.

// A check that runs in a child: returns "" when it passed, "SKIP: <why>" when it could not run here, or what
// went wrong.
using ChildCheck = std::function<std::string()>;

std::string RunInChild(const ChildCheck& check) {
  int fds[2];
  if (::pipe(fds) != 0) return absl::StrCat("pipe: ", std::strerror(errno));
  pid_t pid = ::fork();
  if (pid < 0) return absl::StrCat("fork: ", std::strerror(errno));
  if (pid == 0) {
    ::close(fds[0]);
    std::string result = check();
    (void)!::write(fds[1], result.data(), result.size());
    ::_exit(0);
  }
  ::close(fds[1]);
  std::string result;
  char buffer[4096];
  for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;)
    result.append(buffer, static_cast<size_t>(n));
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return absl::StrCat("the child process died (status ", status, "); it said: ", result);
  }
  return result;
}

#define EXPECT_CHILD_PASSES(check)                                              \
  do {                                                                          \
    const std::string outcome = RunInChild(check);                              \
    if (absl::StartsWith(outcome, "SKIP: ")) GTEST_SKIP() << outcome.substr(6); \
    EXPECT_EQ(outcome, "");                                                     \
  } while (0)

// Collects the failed expectations of a child check.
struct Failures {
  std::string text;
  void Expect(bool ok, absl::string_view what) {
    if (!ok) absl::StrAppend(&text, text.empty() ? "" : "; ", what);
  }
};

std::string WriteProcFile(const char* path, const std::string& contents) {
  int fd = ::open(path, O_WRONLY);
  if (fd < 0) return absl::StrCat(path, ": ", std::strerror(errno));
  bool ok = ::write(fd, contents.data(), contents.size()) == static_cast<ssize_t>(contents.size());
  ::close(fd);
  return ok ? "" : absl::StrCat(path, ": ", std::strerror(errno));
}

// In a child: makes `folder` a fresh tmpfs of `size` ("64k") in a mount namespace of this process alone.
// Returns "" or why it cannot (then the test is skipped).
std::string MountPrivateTmpfs(const std::string& folder, const char* size) {
  if (::geteuid() == 0) {
    if (::unshare(CLONE_NEWNS) != 0) return absl::StrCat("unshare(CLONE_NEWNS): ", std::strerror(errno));
  } else {
    const uid_t uid = ::getuid();
    const gid_t gid = ::getgid();
    if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) {
      return absl::StrCat("unshare(CLONE_NEWUSER | CLONE_NEWNS): ", std::strerror(errno));
    }
    for (const auto& [path, contents] : {std::pair<const char*, std::string>{"/proc/self/setgroups", "deny"},
                                         {"/proc/self/uid_map", absl::StrCat("0 ", uid, " 1")},
                                         {"/proc/self/gid_map", absl::StrCat("0 ", gid, " 1")}}) {
      if (std::string error = WriteProcFile(path, contents); !error.empty()) return error;
    }
  }
  if (::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
    return absl::StrCat("making mounts private: ", std::strerror(errno));
  }
  if (::mount("tmpfs", folder.c_str(), "tmpfs", 0, absl::StrCat("size=", size).c_str()) != 0) {
    return absl::StrCat("mounting a tmpfs: ", std::strerror(errno));
  }
  return "";
}

// ---- Files that end mid-record.

TEST(TruncatedInputTest, CsvEndingInsideAQuotedValueNamesTheLineWhereTheQuoteOpened) {
  const std::string path = TempFolder() + "/entities.csv";
  Put(path, "id,name\nXL-1,甲\nXL-2,\"乙公司\nXL-3,丙\n");
  absl::StatusOr<Directory> directory = LoadEntities(path);
  ASSERT_EQ(directory.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_HAS(directory.status().message(), "record 2 (line 3)");
  EXPECT_HAS(directory.status().message(),
             "a quoted field starting at line 3 is not closed before the end of the file");
}

TEST(TruncatedInputTest, CsvCutInsideACharacterSaysItIsNotUtf8) {
  const std::string text = "id,name\nXL-1,新乐";
  absl::StatusOr<Directory> directory =
      ReadEntities(text.substr(0, text.size() - 1), TableFormat::kCsv, "entities.csv");
  ASSERT_EQ(directory.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_HAS(directory.status().message(), "is not valid UTF-8 (bytes 0xE4 0xB9 at line 2, character 7)");
}

TEST(TruncatedInputTest, JsonCutAnywhereIsAnErrorAndLoadsNothing) {
  const std::string bureau = BureauToJson(SmallBureau(1));
  const std::string plan = [] {
    Plan p;
    p.bureau = "新乐";
    p.period = "2024Q1";
    Task t;
    t.id = "2024Q1/XL-1";
    t.entity_id = "XL-1";
    t.entity_name = "甲公司";
    t.stratum = "key";
    t.ticket = "0.123";
    t.items = {"EE-01"};
    p.tasks = {t, t};
    return p.ToJson();
  }();
  const std::string holidays =
      R"({"format": "ssrandom-holidays-v1", "years": [{"year": 2027, "off": ["2027-01-01", "2027-02-05..2027-02-11"], "work": ["2027-02-14"]}]})";
  ASSERT_TRUE(ReadBureauJson(bureau, "bureau.json").ok());
  ASSERT_TRUE(Plan::FromJson(plan, "plan.json").ok());
  // Every prefix that is not the whole document (or it with only trailing whitespace cut) fails cleanly.
  for (size_t cut = 0; cut + 2 < bureau.size(); cut += 61) {
    absl::StatusOr<Bureau> loaded = ReadBureauJson(bureau.substr(0, cut), "bureau.json");
    ASSERT_EQ(loaded.status().code(), absl::StatusCode::kInvalidArgument) << cut;
    ASSERT_TRUE(internal::FindInvalidUtf8(loaded.status().message()) == loaded.status().message().size());
  }
  for (size_t cut = 0; cut + 2 < plan.size(); cut += 7) {
    EXPECT_EQ(Plan::FromJson(plan.substr(0, cut), "plan.json").status().code(),
              absl::StatusCode::kInvalidArgument)
        << cut;
  }
  for (size_t cut = 0; cut + 1 < holidays.size(); ++cut) {
    WorkingDayCalendar calendar = WorkingDayCalendar::BuiltIn();
    EXPECT_EQ(calendar.LoadJson(holidays.substr(0, cut), "holidays.json").code(),
              absl::StatusCode::kInvalidArgument)
        << cut;
    EXPECT_EQ(calendar.years(), WorkingDayCalendar::BuiltIn().years());
  }
}

// ---- Huge fields.

TEST(HugeFieldTest, FieldOverOneMebibyteIsAnErrorAndAFieldOfOneMebibyteIsRead) {
  const size_t limit = size_t{1} << 20;
  const std::string at_limit(limit, 'x');
  absl::StatusOr<Directory> read =
      ReadEntities(absl::StrCat("id,name\nXL-1,", at_limit, "\n"), TableFormat::kCsv, "entities.csv");
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->name(0).size(), limit);
  for (const std::string& field : {at_limit + "y", absl::StrCat("\"", at_limit, "y\"")}) {
    absl::StatusOr<Directory> too_long =
        ReadEntities(absl::StrCat("id,name\nXL-1,", field, "\nXL-2,b\n"), TableFormat::kCsv, "entities.csv");
    ASSERT_EQ(too_long.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_HAS(too_long.status().message(),
               "record 1 (line 2), field 2 (name): the value is 1048577 bytes long, "
               "more than the limit of 1048576 bytes");
  }
}

// ---- Encodings, byte order marks, line endings.

TEST(EncodingTest, GbkCsvSaysWhereAndToSaveItAsCsvUtf8) {
  const std::string path = TempFolder() + "/entities.csv";
  Put(path, "id,name\nXL-1,\xD0\xC2\xC0\xD6\n");  // 新乐 in GBK
  absl::StatusOr<Directory> directory = LoadEntities(path);
  ASSERT_EQ(directory.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_HAS(directory.status().message(),
             "record 1 (line 2), field 2 (name): is not valid UTF-8 (bytes 0xD0 0xC2 0xC0 0xD6");
  EXPECT_HAS(directory.status().message(),
             "if the file was saved as GBK/GB18030 (\"ANSI\"), save it again as \"CSV UTF-8(逗号分隔)\"");
}

TEST(EncodingTest, Utf16FilesSayTheyAreUtf16) {
  const std::string utf16 = std::string("\xFF\xFE", 2) + std::string("i\0d\0\n\0", 6);
  for (TableFormat format : {TableFormat::kCsv, TableFormat::kJson}) {
    absl::StatusOr<Directory> directory = ReadEntities(utf16, format, "entities");
    EXPECT_HAS(directory.status().message(), "UTF-16");
  }
  EXPECT_HAS(WorkingDayCalendar().LoadJson(utf16, "holidays.json").message(), "UTF-16");
  EXPECT_HAS(Plan::FromJson(utf16, "plan.json").status().message(), "UTF-16");
}

TEST(EncodingTest, ByteOrderMarksAreAcceptedByEveryReader) {
  const std::string bom = "\xEF\xBB\xBF";
  const Bureau bureau = SmallBureau(2);
  const std::string digest = bureau.entities.CanonicalDigest();
  for (TableFormat format : {TableFormat::kCsv, TableFormat::kJson}) {
    const std::string text =
        format == TableFormat::kCsv ? EntitiesToCsv(bureau.entities) : EntitiesToJson(bureau.entities);
    absl::StatusOr<Directory> read = ReadEntities(bom + text, format, "entities");
    ASSERT_TRUE(read.ok()) << read.status();
    EXPECT_EQ(read->CanonicalDigest(), digest);
  }
  absl::StatusOr<Bureau> document = ReadBureauJson(bom + BureauToJson(bureau), "bureau.json");
  ASSERT_TRUE(document.ok()) << document.status();
  EXPECT_EQ(BureauToJson(*document), BureauToJson(bureau));
  WorkingDayCalendar calendar;
  EXPECT_TRUE(
      calendar
          .LoadJson(
              bom + R"({"format": "ssrandom-holidays-v1", "years": [{"year": 2027, "off": [], "work": []}]})",
              "holidays.json")
          .ok());
  // A folder written by Excel and Notepad: every file with a BOM and CRLF.
  const std::string folder = TempFolder();
  ASSERT_TRUE(SaveBureau(bureau, folder, TableFormat::kCsv).ok());
  for (auto& [name, contents] : Contents(folder)) {
    std::string crlf;
    for (char c : contents) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    Put(folder + "/" + name, bom + crlf);
  }
  absl::StatusOr<Bureau> loaded = LoadBureau(folder);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(BureauToJson(*loaded), BureauToJson(bureau));
}

TEST(EncodingTest, MixedLineEndingsReadAsLfButALoneCrIsAnError) {
  const std::string lf = "id,name,area\nXL-1,甲,杜固\nXL-2,\"乙, 分公司\",承安\nXL-3,丙,\n";
  std::string mixed;
  bool crlf = false;
  for (char c : lf) {
    if (c == '\n') {
      mixed += crlf ? "\r\n" : "\n";
      crlf = !crlf;
    } else {
      mixed += c;
    }
  }
  absl::StatusOr<Directory> a = ReadEntities(lf, TableFormat::kCsv, "entities.csv");
  absl::StatusOr<Directory> b = ReadEntities(mixed, TableFormat::kCsv, "entities.csv");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->CanonicalDigest(), b->CanonicalDigest());
  absl::StatusOr<Directory> mac =
      ReadEntities("id,name\rXL-1,甲\rXL-2,乙\r", TableFormat::kCsv, "entities.csv");
  ASSERT_FALSE(mac.ok());
  EXPECT_HAS(mac.status().message(), "lines must end with LF or CRLF");
}

// ---- Writing: the target is whole or absent, and earlier outputs stay.

TEST(WriteFaultTest, MissingOrWrongOutputFolderCreatesNothing) {
  const std::string folder = TempFolder();
  EXPECT_EQ(internal::WriteFileAtomic(folder + "/missing/plan.json", "x").code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(SaveBureau(SmallBureau(3), folder + "/missing", TableFormat::kCsv).code(),
            absl::StatusCode::kNotFound);
  Put(folder + "/a-file", "x");
  EXPECT_EQ(SaveBureau(SmallBureau(3), folder + "/a-file", TableFormat::kCsv).code(),
            absl::StatusCode::kNotFound);
  ASSERT_EQ(::mkdir((folder + "/plan.json").c_str(), 0755), 0);
  EXPECT_EQ(internal::WriteFileAtomic(folder + "/plan.json", "x").code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Contents(folder), (std::map<std::string, std::string>{{"a-file", "x"}}));
}

TEST(WriteFaultTest, DevicesAndPipesAreNeverReplaced) {
  const std::string folder = TempFolder();
  const std::string fifo = folder + "/pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
  absl::Status written = internal::WriteFileAtomic(fifo, "x");
  EXPECT_EQ(written.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_HAS(written.message(), "it is not a regular file");
  struct stat info;
  ASSERT_EQ(::stat(fifo.c_str(), &info), 0);
  EXPECT_TRUE(S_ISFIFO(info.st_mode));
  EXPECT_FALSE(HasTemporaries(folder));
  // /dev/full, the classic full disk: before the fix, writing "to" it replaced the device node (as root).
  if (::stat("/dev/full", &info) == 0 && S_ISCHR(info.st_mode)) {
    EXPECT_EQ(internal::WriteFileAtomic("/dev/full", "x").code(), absl::StatusCode::kInvalidArgument);
    ASSERT_EQ(::stat("/dev/full", &info), 0);
    EXPECT_TRUE(S_ISCHR(info.st_mode));
  }
}

TEST(WriteFaultTest, ReadOnlyFolderIsPermissionDeniedAndKeepsEarlierFiles) {
  const std::string folder = TempFolder();
  const Bureau before = SmallBureau(4);
  const Bureau after = SmallBureau(5);
  auto check = [&]() -> std::string {
    Failures failures;
    absl::Status saved = SaveBureau(before, folder, TableFormat::kCsv);
    if (!saved.ok()) return absl::StrCat("first save: ", saved.message());
    const auto files = Contents(folder);
    if (::geteuid() == 0) {  // root ignores permissions: make the folder a read-only file system instead
      if (std::string error = MountPrivateTmpfs(folder, "1m"); !error.empty()) return "SKIP: " + error;
      if (!SaveBureau(before, folder, TableFormat::kCsv).ok()) return "save into the tmpfs failed";
      if (::mount(nullptr, folder.c_str(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr) != 0) {
        return absl::StrCat("SKIP: remounting read-only: ", std::strerror(errno));
      }
    } else if (::chmod(folder.c_str(), 0555) != 0) {
      return absl::StrCat("chmod: ", std::strerror(errno));
    }
    absl::Status denied = SaveBureau(after, folder, TableFormat::kCsv);
    failures.Expect(denied.code() == absl::StatusCode::kPermissionDenied,
                    absl::StrCat("SaveBureau: ", denied.ToString()));
    failures.Expect(absl::StrContains(denied.message(), folder), "the message names the folder");
    failures.Expect(
        internal::WriteFileAtomic(folder + "/plan.json", "x").code() == absl::StatusCode::kPermissionDenied,
        "WriteFileAtomic is PermissionDenied");
    failures.Expect(Contents(folder) == files, "the earlier files are unchanged");
    ::chmod(folder.c_str(), 0755);
    return failures.text;
  };
  EXPECT_CHILD_PASSES(check);
}

TEST(WriteFaultTest, FullDiskIsResourceExhaustedAndKeepsEarlierFiles) {
  const std::string folder = TempFolder();
  auto check = [&]() -> std::string {
    if (std::string error = MountPrivateTmpfs(folder, "256k"); !error.empty()) return "SKIP: " + error;
    Failures failures;
    // A bureau that fits, then one whose entities.csv fits but whose inspectors.csv does not.
    absl::Status saved = SaveBureau(SmallBureau(6, 20), folder, TableFormat::kCsv);
    if (!saved.ok()) return absl::StrCat("first save: ", saved.message());
    const auto files = Contents(folder);
    absl::Status full =
        SaveBureau(SmallBureau(7, 3, 1000), folder, TableFormat::kCsv);  // inspectors.csv overflows
    failures.Expect(full.code() == absl::StatusCode::kResourceExhausted,
                    absl::StrCat("SaveBureau: ", full.ToString()));
    failures.Expect(absl::StrContains(full.message(), "No space left on device"), "the message says why");
    failures.Expect(Contents(folder) == files, "every earlier file is unchanged");
    failures.Expect(!HasTemporaries(folder), "no temporary file is left");
    absl::Status one = internal::WriteFileAtomic(folder + "/entities.csv", std::string(1 << 20, 'x'));
    failures.Expect(one.code() == absl::StatusCode::kResourceExhausted, "WriteFileAtomic: ResourceExhausted");
    failures.Expect(Contents(folder) == files, "still unchanged");
    return failures.text;
  };
  EXPECT_CHILD_PASSES(check);
}

TEST(WriteFaultTest, FileSizeLimitMidwayThroughASaveReplacesNothing) {
  // The first file of the save (entities) fits under the limit and a later one (inspectors) does not: before
  // SaveBureau wrote all files before renaming any, entities.csv was already replaced when that failed.
  const Bureau before = SmallBureau(8, 50, 2);
  const Bureau after = SmallBureau(9, 3, 40);
  const size_t entities = EntitiesToCsv(after.entities).size();
  const size_t inspectors = InspectorsToCsv(after.staff).size();
  ASSERT_LT(entities, inspectors / 2);
  const std::string folder = TempFolder();
  ASSERT_TRUE(SaveBureau(before, folder, TableFormat::kCsv).ok());
  const auto files = Contents(folder);
  auto check = [&]() -> std::string {
    ::signal(SIGXFSZ, SIG_IGN);  // write() then fails with EFBIG instead of the signal killing us
    const rlim_t limit = static_cast<rlim_t>((entities + inspectors) / 2);
    struct rlimit rl = {limit, limit};
    if (::setrlimit(RLIMIT_FSIZE, &rl) != 0) return absl::StrCat("SKIP: setrlimit: ", std::strerror(errno));
    Failures failures;
    absl::Status saved = SaveBureau(after, folder, TableFormat::kCsv);
    failures.Expect(saved.code() == absl::StatusCode::kResourceExhausted,
                    absl::StrCat("SaveBureau: ", saved.ToString()));
    failures.Expect(absl::StrContains(saved.message(), "inspectors.csv"), "the message names the file");
    failures.Expect(Contents(folder) == files, "no file of the folder was replaced");
    failures.Expect(!HasTemporaries(folder), "no temporary file is left");
    return failures.text;
  };
  EXPECT_CHILD_PASSES(check);
  absl::StatusOr<Bureau> loaded = LoadBureau(folder);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(BureauToJson(*loaded), BureauToJson(before));
}

TEST(WriteFaultTest, WriterKilledMidwayLeavesTheTargetWholeOrAbsent) {
  const std::string folder = TempFolder();
  const std::string path = folder + "/record.json";
  const size_t size = size_t{1} << 20;
  for (int round = 0; round < 6; ++round) {
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      const std::string a(size, 'a');
      const std::string b(size, 'b');
      for (int i = 0;; ++i) (void)internal::WriteFileAtomic(path, i % 2 ? a : b);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(3 + 11 * round));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    auto files = Contents(folder);
    auto it = files.find("record.json");
    if (it != files.end()) {
      const std::string& contents = it->second;
      ASSERT_EQ(contents.size(), size) << "round " << round;
      EXPECT_TRUE(contents == std::string(size, 'a') || contents == std::string(size, 'b'))
          << "round " << round;
    }
    // The killed writer may leave its temporary behind; it never takes the target's name.
    for (const auto& [name, contents] : files) {
      if (name != "record.json") {
        EXPECT_TRUE(absl::StartsWith(name, "record.json.tmp.")) << name;
        ::unlink((folder + "/" + name).c_str());
      }
    }
  }
}

TEST(WriteFaultTest, ThreadsWritingOnePathLeaveOneWholeFile) {
  // Before temporaries were unique per write, threads of one process shared <path>.tmp.<pid> and could
  // truncate each other's data.
  const std::string path = TempFolder() + "/plan.csv";
  std::vector<std::string> contents;
  for (char c : {'a', 'b', 'c', 'd'}) contents.push_back(std::string(200000, c));
  std::vector<std::thread> threads;
  std::vector<int> failures(contents.size(), 0);
  for (size_t t = 0; t < contents.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) failures[t] += internal::WriteFileAtomic(path, contents[t]).ok() ? 0 : 1;
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures, std::vector<int>(contents.size(), 0));
  absl::StatusOr<std::string> read = internal::ReadFile(path);
  ASSERT_TRUE(read.ok());
  EXPECT_NE(std::find(contents.begin(), contents.end(), *read), contents.end());
  EXPECT_FALSE(HasTemporaries(path.substr(0, path.rfind('/'))));
}

}  // namespace
}  // namespace ssr
