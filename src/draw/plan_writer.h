// The writers of a plan's texts (docs/draw.md): plan.csv, plan.json and the canonical text whose SHA-256 is
// the plan digest, each written from a plan's header fields and a source of its tasks (task_view.h). Plan's
// own ToCsv/ToJson/Digest and the compact drawn plan (drawn_plan.h) both write through these, so the two
// give the same bytes for the same plan.
//
// Thread safety: each call reads its arguments only; concurrent calls are safe while no one changes them.
#ifndef SSRANDOM_SRC_DRAW_PLAN_WRITER_H_
#define SSRANDOM_SRC_DRAW_PLAN_WRITER_H_

#include <string>

#include "draw/task_view.h"
#include "ssrandom/plan.h"

namespace ssr::internal {

// In each of these `header` gives the plan's fields other than its tasks (its own tasks are not read) and
// `tasks` its tasks.

// plan.csv: the header row, then one row per task.
std::string PlanCsv(const Plan& header, const TaskSource& tasks);

// plan.json, indented by 2, with a final newline.
std::string PlanJson(const Plan& header, const TaskSource& tasks);

// The plan digest: SHA-256 (lowercase hex) of the canonical text, hashed in batches without the whole text
// being built; the rows written on up to `threads` threads (0: two; the digest does not depend on it). With
// `without_teams`, the digest of the plan with every task's team, joint type (kNone) and partner department
// cleared (UnstaffedPlanDigest), without copying a task.
std::string PlanDigest(const Plan& header, const TaskSource& tasks, bool without_teams, int threads);

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_DRAW_PLAN_WRITER_H_
