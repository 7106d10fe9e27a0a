// Fuzzes Plan::FromJson over arbitrary text.
//
// Invariants:
//  - a failure is InvalidArgument with a UTF-8 message that starts with the source name;
//  - an accepted plan written with ToJson reads back equal, with the same digest, and ToJson is a fixpoint;
//  - its CSV (ToCsv), when no field holds a NUL (which CSV cannot carry), reads back with CsvReader as one
//    record per task with the task's fields.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "fuzz_check.h"
#include "io/csv.h"
#include "ssrandom/plan.h"

namespace {

bool HasNul(const ssr::Task& t) {
  for (const std::string* s : {&t.id, &t.entity_id, &t.entity_name, &t.uscc, &t.area, &t.credit_class,
                               &t.stratum, &t.ticket, &t.partner_department}) {
    if (s->find('\0') != std::string::npos) return true;
  }
  for (const auto* list : {&t.items, &t.team}) {
    for (const std::string& s : *list) {
      if (s.find('\0') != std::string::npos) return true;
    }
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<ssr::Plan> plan = ssr::Plan::FromJson(text, "plan.json");
  if (!plan.ok()) {
    ssr::fuzz::CheckErrorIsPrintable(plan.status());
    FUZZ_CHECK(plan.status().code() == absl::StatusCode::kInvalidArgument);
    FUZZ_CHECK_MSG(absl::StartsWith(plan.status().message(), "plan.json"), plan.status().message());
    return 0;
  }
  const std::string json = plan->ToJson();
  absl::StatusOr<ssr::Plan> back = ssr::Plan::FromJson(json, "written.json");
  FUZZ_CHECK_MSG(back.ok(), absl::StrCat(back.status().message(), "\n", json));
  FUZZ_CHECK(*back == *plan);
  FUZZ_CHECK(back->Digest() == plan->Digest());
  FUZZ_CHECK(back->ToJson() == json);

  for (const ssr::Task& task : plan->tasks) {
    if (HasNul(task)) return 0;
  }
  const std::string csv = plan->ToCsv();
  ssr::internal::CsvReader reader(csv, "plan.csv");
  absl::StatusOr<std::vector<std::string>> header = reader.ReadHeader();
  FUZZ_CHECK(header.ok() && header->size() == 16);
  std::vector<absl::string_view> fields;
  for (const ssr::Task& task : plan->tasks) {
    absl::StatusOr<bool> more = reader.Next(&fields);
    FUZZ_CHECK_MSG(more.ok() && *more, absl::StrCat(more.status().message(), "\n", csv));
    FUZZ_CHECK(fields[0] == task.id && fields[1] == task.entity_id && fields[2] == task.entity_name);
    FUZZ_CHECK(fields[9] == task.ticket && fields[15] == task.partner_department);
    FUZZ_CHECK(fields[11] == absl::StrJoin(task.items, ";") && fields[13] == absl::StrJoin(task.team, ";"));
  }
  absl::StatusOr<bool> more = reader.Next(&fields);
  FUZZ_CHECK(more.ok() && !*more);
  return 0;
}
