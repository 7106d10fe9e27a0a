// A small bureau, a preset policy and everything drawn from them, built once per fuzzer process: what the
// draw-record, team-record and results fuzzers check their inputs against. Small (60 entities) so that a
// verification that gets past the digests stays fast enough to fuzz.
#ifndef SSRANDOM_TESTS_FUZZ_DRAW_FIXTURE_H_
#define SSRANDOM_TESTS_FUZZ_DRAW_FIXTURE_H_

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "fuzz_check.h"
#include "ssrandom/assign.h"
#include "ssrandom/bureau.h"
#include "ssrandom/draw.h"
#include "ssrandom/period.h"
#include "ssrandom/plan.h"
#include "ssrandom/policy.h"
#include "ssrandom/record.h"
#include "ssrandom/results.h"
#include "ssrandom/sample_bureau.h"

namespace ssr::fuzz {

inline constexpr char kFixtureSeed[] = "福利彩票 2024-01-05 3D 317";
inline constexpr char kFixturePolicy[] = "hebei-xinle-2024";

struct DrawFixture {
  Bureau bureau;
  Policy policy;
  Period period = Period::Quarter(2024, 1);
  DrawRequest request;
  DrawResult drawn;       // plan without teams, and its record
  AssignResult assigned;  // plan with teams, and the team record
  ResultSet results;      // simulated results of the assigned plan

  static Bureau MakeBureau() {
    SampleBureauOptions options;
    options.entities = 60;
    options.inspectors_per_group = 2;
    return GenerateBureau(options);
  }
  static Policy MakePolicy() {
    absl::StatusOr<Policy> policy = Policy::Preset(kFixturePolicy);
    FUZZ_CHECK_MSG(policy.ok(), policy.status().message());
    return *policy;
  }

  DrawFixture() : bureau(MakeBureau()), policy(MakePolicy()) {
    request.seed = kFixtureSeed;
    request.seed_source = "fuzz fixture";
    request.threads = 1;
    absl::StatusOr<DrawResult> draw = Draw(bureau, policy, period, request);
    FUZZ_CHECK_MSG(draw.ok(), draw.status().message());
    drawn = *draw;
    AssignRequest assign_request;
    assign_request.threads = 1;
    absl::StatusOr<AssignResult> teams =
        AssignTeams(bureau, TeamRulesFromPolicy(policy), drawn.plan, assign_request);
    FUZZ_CHECK_MSG(teams.ok(), teams.status().message());
    assigned = *teams;
    absl::StatusOr<ResultSet> simulated = SimulateResults(assigned.plan, bureau);
    FUZZ_CHECK_MSG(simulated.ok(), simulated.status().message());
    results = *simulated;
  }
};

// The fixture of this process.
inline const DrawFixture& GetDrawFixture() {
  static const DrawFixture* fixture = new DrawFixture();
  return *fixture;
}

}  // namespace ssr::fuzz

#endif  // SSRANDOM_TESTS_FUZZ_DRAW_FIXTURE_H_
