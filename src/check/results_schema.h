// The record schema of inspection results (results.h), for the shared table reader and writers
// (io/table_io.h), and the per-record validation against plans with the records' origins.
#ifndef SSRANDOM_SRC_CHECK_RESULTS_SCHEMA_H_
#define SSRANDOM_SRC_CHECK_RESULTS_SCHEMA_H_

#include <string>
#include <vector>

#include "io/record_schema.h"
#include "io/table_io.h"
#include "ssrandom/plan.h"
#include "ssrandom/results.h"

namespace ssr::internal {

const RecordSchema<InspectionResult>& ResultSchema();

// ValidateResults with the origin of each result (same size as results.results).
void ValidateResultRecords(const ResultSet& results, const std::vector<RecordOrigin>& origins,
                           const std::vector<Plan>& plans, const ResultsValidation& validation,
                           QualityReport* report);

// The plans' tasks by id, with their plan's period.
struct TaskRef {
  const Task* task = nullptr;
  const Plan* plan = nullptr;
};

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_CHECK_RESULTS_SCHEMA_H_
