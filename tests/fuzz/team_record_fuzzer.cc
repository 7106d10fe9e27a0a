// Fuzzes TeamDrawRecord::FromJson (the team part of the public record) and VerifyTeamDraw.
//
// Invariants:
//  - a failure is InvalidArgument with a UTF-8 message that starts with the source name;
//  - an accepted record written with ToJson reads back equal, and ToJson is a fixpoint;
//  - VerifyTeamDraw against a fixed bureau, rules and plan (draw_fixture.h) never crashes, answers OK,
//    FailedPrecondition or InvalidArgument with a UTF-8 message, accepts the fixture's own record, and
//    accepts nothing else (the team draw is deterministic, so only one record verifies).
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "draw_fixture.h"
#include "fuzz_check.h"
#include "ssrandom/assign.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const ssr::fuzz::DrawFixture& fixture = ssr::fuzz::GetDrawFixture();
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<ssr::TeamDrawRecord> record = ssr::TeamDrawRecord::FromJson(text, "teams.json");
  if (!record.ok()) {
    ssr::fuzz::CheckErrorIsPrintable(record.status());
    FUZZ_CHECK(record.status().code() == absl::StatusCode::kInvalidArgument);
    FUZZ_CHECK_MSG(absl::StartsWith(record.status().message(), "teams.json"), record.status().message());
    return 0;
  }
  const std::string json = record->ToJson();
  FUZZ_CHECK(ssr::fuzz::IsValidUtf8(json));
  absl::StatusOr<ssr::TeamDrawRecord> back = ssr::TeamDrawRecord::FromJson(json, "written.json");
  FUZZ_CHECK_MSG(back.ok(), absl::StrCat(back.status().message(), "\n", json));
  FUZZ_CHECK_MSG(*back == *record, json);
  FUZZ_CHECK(back->ToJson() == json);

  ssr::AssignRequest request;
  request.threads = 1;
  const absl::Status verified = ssr::VerifyTeamDraw(
      *record, fixture.bureau, ssr::TeamRulesFromPolicy(fixture.policy), fixture.drawn.plan, request);
  if (!verified.ok()) {
    ssr::fuzz::CheckErrorIsPrintable(verified);
    FUZZ_CHECK_MSG(verified.code() == absl::StatusCode::kFailedPrecondition ||
                       verified.code() == absl::StatusCode::kInvalidArgument,
                   verified.ToString());
  }
  if (*record == fixture.assigned.record) FUZZ_CHECK_MSG(verified.ok(), verified.message());
  if (verified.ok()) FUZZ_CHECK_MSG(*record == fixture.assigned.record, json);
  return 0;
}
