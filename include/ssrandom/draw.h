// draw.h — the verifiable quarterly draw of entities (随机抽取检查对象).
//
// The draw classifies the directory under the policy for the period, splits each quota pool into strata
// (by credit class where the policy has a credit table), and takes from each stratum the entities with the
// lowest tickets (RULES.md §7): a ticket depends only on the public seed and the entity id, so anyone can
// re-run the draw, one stratum or all of them, on any machine. The positive list is covered in full,
// off-site. Earlier plans of the same year exclude entities at the yearly cap and, for rotation, entities
// already drawn this year (re-admitted in ticket order when a stratum's rotation pool is exhausted).
//
//   ssr::DrawRequest request;
//   request.seed = "福利彩票 2024-01-05 开奖号码 3 1 7 0 9 2 5";
//   request.seed_source = "China Welfare Lottery 3D draw of 2024-01-05, announced after the freeze";
//   absl::StatusOr<ssr::DrawResult> drawn = ssr::Draw(bureau, policy, *ssr::Period::Parse("2024Q1"),
//   request); if (!drawn.ok()) std::cerr << drawn.status().message();  // names the stratum and the shortfall
//   std::string record_json = drawn->record.ToJson();          // the public record (record.h)
//
// Thread safety: Draw is reentrant; it reads its inputs without modifying them.
#ifndef SSRANDOM_DRAW_H_
#define SSRANDOM_DRAW_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "ssrandom/bureau.h"
#include "ssrandom/period.h"
#include "ssrandom/plan.h"
#include "ssrandom/policy.h"
#include "ssrandom/record.h"

namespace ssr {

struct DrawRequest {
  std::string seed;         // the public random seed, fixed after the directory and policy are frozen
  std::string seed_source;  // where it came from, free text (lottery result, dice before witnesses, …)
  // The bureau's plans of the same year for earlier periods (rotation and the yearly cap), in any order.
  std::vector<Plan> history;
  // The digest of the bureau's previous draw record ("" for the first): a re-draw of a period stays visible
  // as a second record in the chain.
  std::string previous_record_digest;
  // Worker threads for computing tickets and, alongside them, the directory digest, then for building the
  // plan's tasks (0: up to 2; 1: all on the calling thread). The result is byte-identical for every value.
  int threads = 0;
};

struct DrawResult {
  Plan plan;
  DrawRecord record;
};

// Errors:
//  - InvalidArgument: empty or blank seed; a history plan from another year, of this period or later, or
//    naming an entity that is not in the directory.
//  - FailedPrecondition: a stratum cannot meet its quota after the yearly-cap exclusions (the message names
//    the stratum, the quota, how many can be drawn and why), unless the policy takes the whole pool then.
//  - Errors of Classify (a condition that cannot be evaluated) and of the calendar (a period outside it).
absl::StatusOr<DrawResult> Draw(const Bureau& bureau, const Policy& policy, const Period& period,
                                const DrawRequest& request);

}  // namespace ssr

#endif  // SSRANDOM_DRAW_H_
