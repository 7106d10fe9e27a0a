// Fuzzes DrawRecord::FromJson (draw records given to `verify`) and VerifyRecord over arbitrary text.
//
// Invariants:
//  - a failure is InvalidArgument with a UTF-8 message that starts with the source name;
//  - an accepted record written with ToJson reads back equal, with the same digest (64 hex digits), and
//    ToJson is a fixpoint;
//  - VerifyRecord against a fixed bureau and policy (draw_fixture.h) never crashes and answers OK,
//    FailedPrecondition or InvalidArgument with a UTF-8 message; it accepts exactly the records the draw
//    produces: when it says OK, drawing again with the record's seed, seed source, period and chain gives
//    this record (up to the library version, which any version of the algorithm must reproduce), and the
//    fixture's own record always verifies.
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "draw_fixture.h"
#include "fuzz_check.h"
#include "ssrandom/record.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const ssr::fuzz::DrawFixture& fixture = ssr::fuzz::GetDrawFixture();
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<ssr::DrawRecord> record = ssr::DrawRecord::FromJson(text, "record.json");
  if (!record.ok()) {
    ssr::fuzz::CheckErrorIsPrintable(record.status());
    FUZZ_CHECK(record.status().code() == absl::StatusCode::kInvalidArgument);
    FUZZ_CHECK_MSG(absl::StartsWith(record.status().message(), "record.json"), record.status().message());
    return 0;
  }
  const std::string json = record->ToJson();
  FUZZ_CHECK(ssr::fuzz::IsValidUtf8(json));
  absl::StatusOr<ssr::DrawRecord> back = ssr::DrawRecord::FromJson(json, "written.json");
  FUZZ_CHECK_MSG(back.ok(), absl::StrCat(back.status().message(), "\n", json));
  FUZZ_CHECK(*back == *record);
  FUZZ_CHECK(back->ToJson() == json);
  FUZZ_CHECK(back->Digest() == record->Digest());
  FUZZ_CHECK(record->Digest().size() == 64);

  const absl::Status verified = ssr::VerifyRecord(*record, fixture.bureau, fixture.policy, {});
  if (!verified.ok()) {
    ssr::fuzz::CheckErrorIsPrintable(verified);
    FUZZ_CHECK_MSG(verified.code() == absl::StatusCode::kFailedPrecondition ||
                       verified.code() == absl::StatusCode::kInvalidArgument,
                   verified.ToString());
  }
  ssr::DrawRecord genuine = fixture.drawn.record;
  genuine.library_version = record->library_version;
  if (*record == genuine) FUZZ_CHECK_MSG(verified.ok(), verified.message());
  if (verified.ok()) {
    absl::StatusOr<ssr::Period> period = ssr::Period::Parse(record->period);
    FUZZ_CHECK(period.ok());
    ssr::DrawRequest request;
    request.seed = record->seed;
    request.seed_source = record->seed_source;
    request.previous_record_digest = record->previous_record_digest;
    request.threads = 1;
    absl::StatusOr<ssr::DrawResult> redrawn = ssr::Draw(fixture.bureau, fixture.policy, *period, request);
    FUZZ_CHECK_MSG(redrawn.ok(), redrawn.status().message());
    redrawn->record.library_version = record->library_version;
    FUZZ_CHECK_MSG(redrawn->record == *record, json);
  }
  return 0;
}
