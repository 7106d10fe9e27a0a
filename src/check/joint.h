// How an inspection was carried out jointly, shared by the checks and the reports.
#ifndef SSRANDOM_SRC_CHECK_JOINT_H_
#define SSRANDOM_SRC_CHECK_JOINT_H_

#include "ssrandom/bureau.h"
#include "ssrandom/plan.h"
#include "ssrandom/results.h"

namespace ssr::internal {

// The plan's joint type while the task is not inspected (`result` null) or was inspected by the drawn team;
// when another team was sent and `bureau` is given, the type of that team: a partner-department inspector
// makes it kDepartment, members from two or more internal units kInternal, else kNone. Without the bureau
// the plan's type stands.
JointType ActualJoint(const Task& task, const InspectionResult* result, const Bureau* bureau);

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_CHECK_JOINT_H_
