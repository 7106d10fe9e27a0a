// Plan::Digest() without first copying the plan: the digest of the plan as it would be with every task's
// team, joint type and partner department cleared (what UnstaffedPlanDigest() defines), streamed from the
// plan as it is.
#ifndef SSRANDOM_SRC_DRAW_PLAN_DIGEST_H_
#define SSRANDOM_SRC_DRAW_PLAN_DIGEST_H_

#include <string>

#include "ssrandom/plan.h"

namespace ssr::internal {

// Plan::Digest() of `plan` with every task's team, joint type (kNone) and partner department cleared.
// Thread-safe; reads `plan` only.
std::string PlanDigestWithoutTeams(const Plan& plan);

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_DRAW_PLAN_DIGEST_H_
