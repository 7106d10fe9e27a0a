// The checked syntax tree of a condition (condition.h) and the parser's structured errors. Internal.
#ifndef SSRANDOM_SRC_POLICY_CONDITION_AST_H_
#define SSRANDOM_SRC_POLICY_CONDITION_AST_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace ssr::internal {

enum class Attribute : uint8_t {
  kPermitClass,
  kKeyUnitFlag,
  kPositiveListFlag,
  kCredit,
  kEnvCredit,
  kArea,
  kIndustry,
  kStatus,
  kEmergencyRisk,
  kPenaltiesLastYear,
  kVerifiedComplaints,
  kLastPenaltyDate,
  kSupervisionListedDate,
  kTags,
  kId,
  kUscc,
};

enum class AttributeType : uint8_t { kEnum, kFlag, kText, kCount, kDate, kTags, kIdentifier };

struct AttributeInfo {
  Attribute attribute;
  absl::string_view name;
  AttributeType type;
};

// Every attribute, in declaration order. Nullptr when `name` is not one.
const AttributeInfo* FindAttribute(absl::string_view name);
const AttributeInfo& InfoOf(Attribute attribute);

enum class CompareOp : uint8_t { kEq, kNe, kLt, kLe, kGt, kGe };
absl::string_view CompareOpText(CompareOp op);

enum class DateUnit : uint8_t { kDays, kMonths, kYears };

enum class NodeKind : uint8_t {
  kConst,        // truth
  kAnd,          // children
  kOr,           // children
  kNot,          // children[0]
  kFlag,         // attribute is true            (key_unit; key_unit == true)
  kKnown,        // attribute is known / unknown (negated: is unknown)
  kCompareInt,   // count op integer
  kCompareDate,  // date op date literal | period_start | period_end | days_before_period(date) op integer
  kWithin,       // date within amount unit
  kInList,       // enum/text/identifier ==, !=, in, not in (values; negated for != and not in)
  kEnumOrder,    // emergency_risk op "larger"
  kStartsWith,   // text starts_with values
  kHasTag,       // "固废" in tags (negated: not in)
};

// Where a date comparison's right-hand side comes from.
enum class DateOperand : uint8_t { kLiteral, kPeriodStart, kPeriodEnd, kDaysBeforePeriod };

struct ConditionNode {
  NodeKind kind = NodeKind::kConst;
  bool truth = true;     // kConst
  bool negated = false;  // kKnown (is unknown), kInList (!=, not in), kHasTag (not in)
  Attribute attribute = Attribute::kPermitClass;
  CompareOp op = CompareOp::kEq;
  // kInList written as a list (`in [...]`) rather than `==`/`!=`; kStartsWith written with a list.
  bool list_syntax = false;
  int64_t number = 0;  // kCompareInt value; kWithin amount; kDaysBeforePeriod days
  absl::CivilDay day;  // kCompareDate literal
  DateOperand date_operand = DateOperand::kLiteral;
  DateUnit unit = DateUnit::kDays;   // kWithin
  std::vector<std::string> values;   // kInList, kStartsWith, kHasTag (one value); enum names canonical
  std::vector<uint8_t> enum_values;  // kInList/kEnumOrder over enums: the enumerator values named
  std::vector<std::shared_ptr<const ConditionNode>> children;
};

// A parse error: byte offset into the text, 1-based line and column (columns count characters), and what
// was expected.
struct ConditionError {
  size_t offset = 0;
  int line = 1;
  int column = 1;
  std::string message;
};

// Parses and checks `text`. On failure returns nullptr and fills `error`.
std::shared_ptr<const ConditionNode> ParseConditionText(absl::string_view text, ConditionError* error);

// "line L, column C: message" followed by the offending line and a caret under the column.
std::string FormatConditionError(absl::string_view text, const ConditionError& error);

// "\n    <the line holding the offset>\n    <spaces>^": the offending line with a caret under the offset
// (CJK characters count two columns).
std::string ConditionSnippet(absl::string_view text, size_t error_offset);

// Canonical text of a tree.
std::string PrintCondition(const ConditionNode& node);

// Appends the attribute names the tree reads.
void CollectAttributes(const ConditionNode& node, std::vector<std::string>* names);

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_POLICY_CONDITION_AST_H_
