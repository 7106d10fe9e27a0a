// Fuzzes ReadColumnarEntities. A mutated file would almost never pass the header's SHA-256, so the fuzzer
// seals the body's digest into the header first (as other software writing a bad file would) and so
// reaches the structural and per-row checks. Invariants:
//  - a file that loads holds rows Directory::Add accepts, one by one, in the same order (the reader
//    enforces exactly the directory's rules), giving the same canonical digest;
//  - writing the loaded directory and reading it back gives the same rows, and those bytes are a fixpoint;
//  - a file that does not load fails with DataLoss, FailedPrecondition or InvalidArgument, and a message
//    that names the source.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "absl/strings/match.h"
#include "crypto/sha256.h"
#include "fuzz_check.h"
#include "ssrandom/columnar.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.size() >= 64) {
    const ssr::internal::Sha256Digest digest = ssr::internal::Sha256(absl::string_view(bytes).substr(64));
    std::memcpy(&bytes[32], digest.data(), digest.size());
  }
  absl::StatusOr<ssr::Directory> loaded = ssr::ReadColumnarEntities(bytes, "fuzz.ssrcol");
  if (!loaded.ok()) {
    const absl::StatusCode code = loaded.status().code();
    FUZZ_CHECK_MSG(code == absl::StatusCode::kDataLoss || code == absl::StatusCode::kFailedPrecondition ||
                       code == absl::StatusCode::kInvalidArgument,
                   loaded.status().ToString());
    FUZZ_CHECK(absl::StartsWith(loaded.status().message(), "fuzz.ssrcol: "));
    return 0;
  }
  ssr::Directory rebuilt;
  for (size_t row = 0; row < loaded->size(); ++row) {
    const absl::Status added = rebuilt.Add(loaded->Get(row));
    FUZZ_CHECK_MSG(added.ok(), added.ToString());
  }
  FUZZ_CHECK(rebuilt.CanonicalDigest() == loaded->CanonicalDigest());
  const std::string written = ssr::ColumnarEntities(*loaded);
  absl::StatusOr<ssr::Directory> again = ssr::ReadColumnarEntities(written, "again.ssrcol");
  FUZZ_CHECK_MSG(again.ok(), again.status().ToString());
  FUZZ_CHECK(again->size() == loaded->size());
  for (size_t row = 0; row < loaded->size(); ++row) FUZZ_CHECK(again->Get(row) == loaded->Get(row));
  FUZZ_CHECK(ssr::ColumnarEntities(*again) == written);
  return 0;
}
