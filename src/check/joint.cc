#include "check/joint.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"

namespace ssr::internal {

JointType ActualJoint(const Task& task, const InspectionResult* result, const Bureau* bureau) {
  if (result == nullptr) return task.joint;
  std::vector<std::string> drawn = task.team, sent = result->team;
  std::sort(drawn.begin(), drawn.end());
  std::sort(sent.begin(), sent.end());
  if ((!drawn.empty() && drawn == sent) || bureau == nullptr) return task.joint;
  absl::flat_hash_set<std::string> units;
  for (const std::string& id : result->team) {
    std::optional<size_t> index = bureau->staff.Find(id);
    if (!index) continue;
    const Inspector& inspector = bureau->staff.inspectors()[*index];
    if (!inspector.department.empty()) return JointType::kDepartment;
    if (!inspector.unit.empty()) units.insert(inspector.unit);
  }
  return units.size() >= 2 ? JointType::kInternal : JointType::kNone;
}

}  // namespace ssr::internal
