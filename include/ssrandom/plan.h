// plan.h — a quarterly inspection plan: one task per drawn entity (随机抽取检查对象的结果).
//
// A plan is what the entity draw produces (draw.h) and what the team draw, the compliance checks and the
// reports read. It is a plain value: tasks in a fixed order (pools in rule order — special, key, positive
// list, general — then credit class in the policy's risk order, then ticket), so the same draw always gives
// the same plan, byte for byte, in CSV and in JSON.
//
//   absl::StatusOr<ssr::DrawResult> drawn = ssr::Draw(bureau, policy, period, request);
//   for (const ssr::Task& task : drawn->plan.tasks) std::cout << task.entity_id << " " << task.ticket;
//   std::string csv = drawn->plan.ToCsv();
//
// Thread safety: a const Plan may be read from many threads.
#ifndef SSRANDOM_PLAN_H_
#define SSRANDOM_PLAN_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "ssrandom/classes.h"
#include "ssrandom/inspector.h"

namespace ssr {

// How a task is carried out jointly (联合抽查). A joint visit counts once, as one inspection, in every ratio.
enum class JointType : uint8_t {
  kNone = 0,
  kInternal = 1,    // 内部联合: team or items span ≥ 2 internal units
  kDepartment = 2,  // 部门联合: with a partner department
};
absl::string_view JointTypeName(JointType type);   // "none", "internal", "department"
absl::string_view JointTypeLabel(JointType type);  // "—", "内部联合", "部门联合"
absl::StatusOr<JointType> ParseJointType(absl::string_view text);

struct Task {
  std::string id;  // "<period>/<entity id>", e.g. "2024Q1/XL-00017": unique in a bureau's chain of plans
  std::string entity_id;
  std::string entity_name;
  std::string uscc;
  std::string area;
  SupervisionClass supervision_class = SupervisionClass::kGeneral;
  Pool pool = Pool::kGeneral;
  std::string credit_class;  // the credit cell of the stratum; "" when the pool has no credit table
  std::string stratum;       // "key" or "key/B"
  std::string ticket;        // the entity's full ticket, "0.…" (RULES.md §7)
  InspectionMethod method = InspectionMethod::kOnSite;  // on-site, or off-site for the positive list
  std::vector<std::string> items;                       // ids of the inspection items that apply
  bool credit_based = false;                            // drawn with credit-risk differentiation (Q-CREDIT)
  // Filled by the team draw:
  std::vector<std::string> team;  // inspector ids
  JointType joint = JointType::kNone;
  std::string partner_department;  // for JointType::kDepartment

  friend bool operator==(const Task& a, const Task& b);
};

struct Plan {
  std::string bureau;
  std::string period;  // "2024Q1"
  std::string seed;
  std::string seed_source;
  std::string policy_name;
  std::string policy_digest;
  std::string directory_digest;
  std::vector<Task> tasks;

  // The task of an entity, or nullptr.
  const Task* FindEntity(absl::string_view entity_id) const;

  // CSV with one row per task (columns documented in docs/draw.md; list fields joined by ';'), and JSON
  // with the header fields and a "tasks" array. Deterministic.
  std::string ToCsv() const;
  std::string ToJson() const;
  // SHA-256 hex of the canonical JSON (docs/draw.md).
  std::string Digest() const;

  // Reads a plan written by ToJson. InvalidArgument naming the task and field on malformed input.
  static absl::StatusOr<Plan> FromJson(absl::string_view text, absl::string_view source);

  friend bool operator==(const Plan& a, const Plan& b);
};

}  // namespace ssr

#endif  // SSRANDOM_PLAN_H_
