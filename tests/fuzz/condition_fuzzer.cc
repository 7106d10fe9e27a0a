// Fuzzes the condition language (condition.h): Condition::Parse over arbitrary text, then evaluation.
//
// Invariants:
//  - a failure is InvalidArgument with a UTF-8 message that starts with the rule name;
//  - an accepted condition prints (ToString) to a text that parses to the same printed form and reads the
//    same attributes;
//  - the printed form is equivalent: bound to a small directory of varied entities (every attribute known,
//    unknown and absent somewhere), it gives the same truth for every row;
//  - the three evaluation paths agree: Condition::Evaluate on the entity, BoundCondition::Evaluate on the
//    row and EvaluateBlock over the directory;
//  - `not (C)` is C's three-valued negation, and `(C) and (C)`, `(C) or (C)` are C (Kleene logic).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "fuzz_check.h"
#include "ssrandom/condition.h"
#include "ssrandom/directory.h"
#include "ssrandom/entity.h"
#include "ssrandom/period.h"
#include "ssrandom/sample_bureau.h"

namespace {

constexpr char kRule[] = "classes.special[0] (fuzz)";

// Sample entities (realistic mixes) and hand-made ones with unknown, absent and boundary values.
struct Fixture {
  ssr::Directory directory;
  std::vector<ssr::Entity> entities;
  ssr::Period period = ssr::Period::Quarter(2024, 2);

  Fixture() {
    ssr::SampleBureauOptions options;
    options.entities = 24;
    options.inspectors_per_group = 1;
    ssr::Bureau sample = ssr::GenerateBureau(options);
    for (size_t i = 0; i < sample.entities.size(); ++i) entities.push_back(sample.entities.Get(i));
    ssr::Entity unknown;
    unknown.id = "U-1";
    entities.push_back(unknown);
    ssr::Entity edge;
    edge.id = "E-1";
    edge.uscc = "91130184X9L1ACKTXG";
    edge.area = "杜固";
    edge.industry = "C2611";
    edge.permit_class = ssr::PermitClass::kKey;
    edge.key_unit = false;
    edge.positive_list = true;
    edge.credit = "D";
    edge.env_credit = "E";
    edge.penalties_last_year = 0;
    edge.verified_complaints = 65534;
    edge.last_penalty_date = absl::CivilDay(2023, 4, 1);  // exactly one year before the period starts
    edge.supervision_listed_date = absl::CivilDay(2024, 6, 30);
    edge.emergency_risk = ssr::EmergencyRisk::kMajor;
    edge.status = ssr::EntityStatus::kSuspended;
    edge.tags = {"固废", "a"};
    entities.push_back(edge);
    ssr::Entity other = edge;
    other.id = "E-2";
    other.key_unit = true;
    other.positive_list.reset();
    other.credit = "";
    other.penalties_last_year.reset();
    other.last_penalty_date = absl::CivilDay(2024, 3, 31);
    other.supervision_listed_date.reset();
    other.emergency_risk = ssr::EmergencyRisk::kUnknown;
    other.status = ssr::EntityStatus::kClosed;
    other.tags = {"C26"};
    entities.push_back(other);
    for (const ssr::Entity& entity : entities) {
      absl::Status added = directory.Add(entity);
      FUZZ_CHECK_MSG(added.ok(), added.message());
    }
  }
};

const Fixture& GetFixture() {
  static const Fixture* fixture = new Fixture();
  return *fixture;
}

ssr::Truth Not(ssr::Truth t) {
  if (t == ssr::Truth::kTrue) return ssr::Truth::kFalse;
  if (t == ssr::Truth::kFalse) return ssr::Truth::kTrue;
  return ssr::Truth::kUnknown;
}

std::vector<ssr::Truth> Truths(const ssr::Condition& condition, const Fixture& fixture) {
  ssr::BoundCondition bound = condition.Bind(fixture.directory, fixture.period);
  std::vector<ssr::Truth> block(fixture.directory.size());
  bound.EvaluateBlock(0, block.size(), block.data());
  for (size_t row = 0; row < block.size(); ++row) {
    FUZZ_CHECK(bound.Evaluate(row) == block[row]);
    FUZZ_CHECK(bound.Matches(row) == (block[row] == ssr::Truth::kTrue));
  }
  return block;
}

ssr::Condition MustParse(const std::string& text) {
  absl::StatusOr<ssr::Condition> parsed = ssr::Condition::Parse(text, kRule);
  FUZZ_CHECK_MSG(parsed.ok(), absl::StrCat(text, "\n", parsed.status().message()));
  return *parsed;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Fixture& fixture = GetFixture();
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<ssr::Condition> condition = ssr::Condition::Parse(text, kRule);
  if (!condition.ok()) {
    ssr::fuzz::CheckErrorIsPrintable(condition.status());
    FUZZ_CHECK(condition.status().code() == absl::StatusCode::kInvalidArgument);
    FUZZ_CHECK_MSG(absl::StartsWith(condition.status().message(), kRule), condition.status().message());
    return 0;
  }
  FUZZ_CHECK(condition->text() == text);
  const std::string printed = condition->ToString();
  FUZZ_CHECK(ssr::fuzz::IsValidUtf8(printed));
  const ssr::Condition reparsed = MustParse(printed);
  FUZZ_CHECK_MSG(reparsed.ToString() == printed, printed);
  FUZZ_CHECK(reparsed.Attributes() == condition->Attributes());

  const std::vector<ssr::Truth> truths = Truths(*condition, fixture);
  FUZZ_CHECK_MSG(Truths(reparsed, fixture) == truths, printed);
  for (size_t row = 0; row < fixture.entities.size(); ++row) {
    FUZZ_CHECK_MSG(condition->Evaluate(fixture.entities[row], fixture.period) == truths[row],
                   absl::StrCat(printed, " on ", fixture.entities[row].id));
  }

  // The combinations nest one level deeper, which a condition at the nesting limit cannot take.
  absl::StatusOr<ssr::Condition> negation = ssr::Condition::Parse(absl::StrCat("not (", printed, ")"), kRule);
  if (!negation.ok()) {
    FUZZ_CHECK_MSG(absl::StrContains(negation.status().message(), "nests parentheses and 'not' more than"),
                   negation.status().message());
    return 0;
  }
  const std::vector<ssr::Truth> negated = Truths(*negation, fixture);
  const std::vector<ssr::Truth> both =
      Truths(MustParse(absl::StrCat("(", printed, ") and (", printed, ")")), fixture);
  const std::vector<ssr::Truth> either =
      Truths(MustParse(absl::StrCat("(", printed, ") or (", printed, ")")), fixture);
  for (size_t row = 0; row < truths.size(); ++row) {
    FUZZ_CHECK_MSG(negated[row] == Not(truths[row]), printed);
    FUZZ_CHECK_MSG(both[row] == truths[row] && either[row] == truths[row], printed);
  }
  return 0;
}
