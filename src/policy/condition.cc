// Condition: parsing entry points, binding to a directory's columns, and block evaluation.
//
// A bound condition is a flat program in post-order: each step fills a buffer of truth bytes for a block of
// rows (Truth values: 0 unknown, 1 true, 2 false). Leaves read one column through a lookup table or a range
// test prepared at bind time; and/or/not combine buffers with Kleene logic as bit operations (bit 0 = true,
// bit 1 = false), which compilers vectorise.
#include "ssrandom/condition.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "directory/entity_columns.h"
#include "policy/condition_ast.h"

namespace ssr {
namespace internal {

enum class StepKind : uint8_t {
  kConst,
  kAnd,
  kOr,
  kNot,
  kFlag,        // flags column: known bit / value bit
  kFlagKnown,   // flags column: known bit → true/false
  kTable8,      // uint8 column through a 256-entry table
  kTable16,     // uint16 pooled code through a table sized to the pool
  kRange16,     // uint16 count in [lo, hi] (xor negate); kNoCount → unknown
  kKnown16,     // uint16 count present
  kRange32,     // int32 day in [lo, hi] (xor negate); kNoDate → unknown
  kKnown32,     // int32 day present
  kRangeDay16,  // 16-bit day (DayColumn::narrow) in [lo, hi] (xor negate); no date is false
  kKnownDay16,  // 16-bit day present
  kTag,         // tag code present in the row's tags
  kRowTruth,    // precomputed truth per row (id, uscc)
};

struct Step {
  StepKind kind = StepKind::kConst;
  uint8_t constant = 0;
  uint8_t known_bit = 0;
  uint8_t value_bit = 0;
  bool negate = false;
  const uint8_t* column8 = nullptr;
  const uint16_t* column16 = nullptr;
  const int32_t* column32 = nullptr;
  int64_t lo = 0;
  int64_t hi = 0;
  uint16_t tag = 0;
  std::array<uint8_t, 256> table8{};
  std::vector<uint8_t> table16;
  std::shared_ptr<const std::vector<uint8_t>> row_truth;
  std::vector<size_t> children;  // indexes of earlier steps
};

struct BoundProgram {
  const EntityColumns* columns = nullptr;
  std::vector<Step> steps;  // post-order; the last step is the root
};

namespace {

constexpr uint8_t kT = static_cast<uint8_t>(Truth::kTrue);
constexpr uint8_t kF = static_cast<uint8_t>(Truth::kFalse);
constexpr uint8_t kU = static_cast<uint8_t>(Truth::kUnknown);
constexpr size_t kBlock = 1024;

uint8_t Of(bool value) { return value ? kT : kF; }

// Inclusive [lo, hi] for `x op value`, with `negate` for !=.
void RangeFor(CompareOp op, int64_t value, int64_t* lo, int64_t* hi, bool* negate) {
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min() / 2;
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max() / 2;
  *negate = false;
  switch (op) {
    case CompareOp::kEq:
      *lo = *hi = value;
      return;
    case CompareOp::kNe:
      *lo = *hi = value;
      *negate = true;
      return;
    case CompareOp::kLt:
      *lo = kMin;
      *hi = value - 1;
      return;
    case CompareOp::kLe:
      *lo = kMin;
      *hi = value;
      return;
    case CompareOp::kGt:
      *lo = value + 1;
      *hi = kMax;
      return;
    case CompareOp::kGe:
      *lo = value;
      *hi = kMax;
      return;
  }
}

CompareOp Mirror(CompareOp op) {
  switch (op) {
    case CompareOp::kLt:
      return CompareOp::kGt;
    case CompareOp::kLe:
      return CompareOp::kGe;
    case CompareOp::kGt:
      return CompareOp::kLt;
    case CompareOp::kGe:
      return CompareOp::kLe;
    default:
      return op;
  }
}

// `day` moved back by `months`, keeping the day of month where it exists (2024-03-31 − 1 month =
// 2024-02-29).
absl::CivilDay MonthsBefore(absl::CivilDay day, int64_t months) {
  absl::CivilMonth month = absl::CivilMonth(day) - months;
  const int last = static_cast<int>(absl::CivilDay(month + 1) - absl::CivilDay(month));
  return absl::CivilDay(month.year(), month.month(), std::min(day.day(), last));
}

class Binder {
 public:
  Binder(const EntityColumns& columns, absl::CivilDay start, absl::CivilDay end)
      : c_(columns), start_(start), end_(end) {}

  size_t Add(const ConditionNode& node, std::vector<Step>* steps) {
    Step step;
    switch (node.kind) {
      case NodeKind::kConst:
        step.constant = Of(node.truth);
        break;
      case NodeKind::kAnd:
      case NodeKind::kOr:
      case NodeKind::kNot:
        step.kind = node.kind == NodeKind::kAnd  ? StepKind::kAnd
                    : node.kind == NodeKind::kOr ? StepKind::kOr
                                                 : StepKind::kNot;
        for (const auto& child : node.children) step.children.push_back(Add(*child, steps));
        break;
      case NodeKind::kFlag:
      case NodeKind::kKnown:
        BindKnownOrFlag(node, &step);
        break;
      case NodeKind::kCompareInt:
        step.kind = StepKind::kRange16;
        step.column16 = CountColumn(node.attribute);
        RangeFor(node.op, node.number, &step.lo, &step.hi, &step.negate);
        break;
      case NodeKind::kCompareDate:
        BindDateCompare(node, &step);
        break;
      case NodeKind::kWithin: {
        UseDateColumn(node.attribute, /*range=*/true, &step);
        absl::CivilDay from = node.unit == DateUnit::kDays     ? start_ - node.number
                              : node.unit == DateUnit::kMonths ? MonthsBefore(start_, node.number)
                                                               : MonthsBefore(start_, node.number * 12);
        step.lo = DayNumber(from);
        step.hi = DayNumber(end_);
        break;
      }
      case NodeKind::kInList:
      case NodeKind::kEnumOrder:
      case NodeKind::kStartsWith:
        BindValues(node, &step);
        break;
      case NodeKind::kHasTag: {
        std::optional<uint16_t> code = c_.tags.Find(node.values.front());
        if (!code.has_value() || *code == 0) {
          step.constant = Of(node.negated);  // no entity carries the tag
        } else if (const uint16_t* sets = c_.tag_set.narrow_data(); sets != nullptr) {
          // A directory holds few distinct tag sets: whether each holds the tag is decided once here, and
          // a row costs one table read, as a pooled text does, instead of a search of its set.
          step.kind = StepKind::kTable16;
          step.column16 = sets;
          step.table16.resize(c_.tag_sets.size());
          for (uint32_t set = 0; set < c_.tag_sets.size(); ++set) {
            const absl::Span<const uint16_t> tags = c_.tag_sets[set];
            const bool has = std::find(tags.begin(), tags.end(), *code) != tags.end();
            step.table16[set] = Of(has != node.negated);
          }
        } else {
          step.kind = StepKind::kTag;
          step.tag = *code;
          step.negate = node.negated;
        }
        break;
      }
    }
    steps->push_back(std::move(step));
    return steps->size() - 1;
  }

 private:
  const uint16_t* CountColumn(Attribute attribute) const {
    return attribute == Attribute::kPenaltiesLastYear ? c_.penalties_last_year.data()
                                                      : c_.verified_complaints.data();
  }
  // Points `step` at a date column: a range or a presence test, over 32-bit or 16-bit days (DayColumn).
  void UseDateColumn(Attribute attribute, bool range, Step* step) const {
    const internal::DayColumn& days =
        attribute == Attribute::kLastPenaltyDate ? c_.last_penalty_day : c_.supervision_listed_day;
    if (days.wide()) {
      step->kind = range ? StepKind::kRange32 : StepKind::kKnown32;
      step->column32 = days.wide_data();
    } else {
      step->kind = range ? StepKind::kRangeDay16 : StepKind::kKnownDay16;
      step->column16 = days.narrow();
    }
  }
  const StringPool& PoolOf(Attribute attribute) const {
    switch (attribute) {
      case Attribute::kCredit:
        return c_.credits;
      case Attribute::kEnvCredit:
        return c_.env_credits;
      case Attribute::kArea:
        return c_.areas;
      default:
        return c_.industries;
    }
  }
  const uint16_t* CodeColumn(Attribute attribute) const {
    switch (attribute) {
      case Attribute::kCredit:
        return c_.credit.data();
      case Attribute::kEnvCredit:
        return c_.env_credit.data();
      case Attribute::kArea:
        return c_.area.data();
      default:
        return c_.industry.data();
    }
  }
  const uint8_t* EnumColumn(Attribute attribute) const {
    switch (attribute) {
      case Attribute::kPermitClass:
        return c_.permit_class.data();
      case Attribute::kStatus:
        return c_.status.data();
      default:
        return c_.emergency_risk.data();
    }
  }

  void BindKnownOrFlag(const ConditionNode& node, Step* step) {
    const bool known_test = node.kind == NodeKind::kKnown;
    const uint8_t when_known = Of(!node.negated);
    const uint8_t when_unknown = Of(node.negated);
    switch (InfoOf(node.attribute).type) {
      case AttributeType::kFlag:
        step->known_bit = node.attribute == Attribute::kKeyUnitFlag ? kKeyUnitKnown : kPositiveListKnown;
        step->value_bit = node.attribute == Attribute::kKeyUnitFlag ? kKeyUnit : kPositiveList;
        step->column8 = c_.flags.data();
        step->kind = known_test ? StepKind::kFlagKnown : StepKind::kFlag;
        step->negate = node.negated;
        return;
      case AttributeType::kEnum:
        step->kind = StepKind::kTable8;
        step->column8 = EnumColumn(node.attribute);
        step->table8.fill(when_known);
        step->table8[0] = when_unknown;
        return;
      case AttributeType::kText:
        step->kind = StepKind::kTable16;
        step->column16 = CodeColumn(node.attribute);
        step->table16.assign(PoolOf(node.attribute).size(), when_known);
        step->table16[0] = when_unknown;
        return;
      case AttributeType::kCount:
        step->kind = StepKind::kKnown16;
        step->column16 = CountColumn(node.attribute);
        step->negate = node.negated;
        return;
      case AttributeType::kDate:
        UseDateColumn(node.attribute, /*range=*/false, step);
        step->negate = node.negated;
        return;
      case AttributeType::kIdentifier: {
        auto truth = std::make_shared<std::vector<uint8_t>>(c_.size());
        for (size_t row = 0; row < c_.size(); ++row) {
          (*truth)[row] = c_.usccs[row].empty() ? when_unknown : when_known;
        }
        step->kind = StepKind::kRowTruth;
        step->row_truth = std::move(truth);
        return;
      }
      case AttributeType::kTags:
        return;
    }
  }

  void BindDateCompare(const ConditionNode& node, Step* step) {
    UseDateColumn(node.attribute, /*range=*/true, step);
    switch (node.date_operand) {
      case DateOperand::kLiteral:
        RangeFor(node.op, DayNumber(node.day), &step->lo, &step->hi, &step->negate);
        return;
      case DateOperand::kPeriodStart:
        RangeFor(node.op, DayNumber(start_), &step->lo, &step->hi, &step->negate);
        return;
      case DateOperand::kPeriodEnd:
        RangeFor(node.op, DayNumber(end_), &step->lo, &step->hi, &step->negate);
        return;
      case DateOperand::kDaysBeforePeriod:
        // start − d op n  ⇔  d mirror(op) start − n
        RangeFor(Mirror(node.op), DayNumber(start_) - node.number, &step->lo, &step->hi, &step->negate);
        return;
    }
  }

  void BindValues(const ConditionNode& node, Step* step) {
    const AttributeType type = InfoOf(node.attribute).type;
    if (type == AttributeType::kEnum) {
      step->kind = StepKind::kTable8;
      step->column8 = EnumColumn(node.attribute);
      step->table8.fill(kF);
      step->table8[0] = kU;
      for (uint8_t v : node.enum_values) step->table8[v] = kT;
      return;
    }
    if (type == AttributeType::kIdentifier) {
      BindIdentifiers(node, step);
      return;
    }
    const StringPool& pool = PoolOf(node.attribute);
    step->kind = StepKind::kTable16;
    step->column16 = CodeColumn(node.attribute);
    if (node.kind == NodeKind::kStartsWith) {
      step->table16.assign(pool.size(), kF);
      for (size_t code = 1; code < pool.size(); ++code) {
        for (const std::string& prefix : node.values) {
          if (absl::StartsWith(pool[static_cast<uint16_t>(code)], prefix)) step->table16[code] = kT;
        }
      }
    } else {
      step->table16.assign(pool.size(), Of(node.negated));
      for (const std::string& value : node.values) {
        std::optional<uint16_t> code = pool.Find(value);
        if (code.has_value()) step->table16[*code] = Of(!node.negated);
      }
    }
    step->table16[0] = kU;
  }

  void BindIdentifiers(const ConditionNode& node, Step* step) {
    auto truth = std::make_shared<std::vector<uint8_t>>(c_.size(), Of(node.negated));
    if (node.attribute == Attribute::kId) {
      for (const std::string& value : node.values) {
        if (std::optional<uint32_t> row = c_.FindId(value)) (*truth)[*row] = Of(!node.negated);
      }
    } else {
      for (size_t row = 0; row < c_.size(); ++row) {
        absl::string_view uscc = c_.usccs[row];
        if (uscc.empty()) {
          (*truth)[row] = kU;
        } else if (std::find(node.values.begin(), node.values.end(), uscc) != node.values.end()) {
          (*truth)[row] = Of(!node.negated);
        }
      }
    }
    step->kind = StepKind::kRowTruth;
    step->row_truth = std::move(truth);
  }

  const EntityColumns& c_;
  absl::CivilDay start_;
  absl::CivilDay end_;
};

void RunStep(const BoundProgram& program, const Step& step, size_t begin, size_t count,
             const std::vector<std::vector<uint8_t>>& buffers, uint8_t* out) {
  switch (step.kind) {
    case StepKind::kConst:
      std::fill(out, out + count, step.constant);
      return;
    case StepKind::kAnd:
    case StepKind::kOr: {
      const bool is_and = step.kind == StepKind::kAnd;
      std::copy_n(buffers[step.children[0]].data(), count, out);
      for (size_t c = 1; c < step.children.size(); ++c) {
        const uint8_t* in = buffers[step.children[c]].data();
        if (is_and) {
          for (size_t i = 0; i < count; ++i) {
            out[i] = static_cast<uint8_t>(((out[i] & in[i]) & kT) | ((out[i] | in[i]) & kF));
          }
        } else {
          for (size_t i = 0; i < count; ++i) {
            out[i] = static_cast<uint8_t>(((out[i] | in[i]) & kT) | ((out[i] & in[i]) & kF));
          }
        }
      }
      return;
    }
    case StepKind::kNot: {
      const uint8_t* in = buffers[step.children[0]].data();
      for (size_t i = 0; i < count; ++i)
        out[i] = static_cast<uint8_t>(((in[i] & kT) << 1) | ((in[i] & kF) >> 1));
      return;
    }
    case StepKind::kFlag: {
      const uint8_t* flags = step.column8 + begin;
      for (size_t i = 0; i < count; ++i) {
        out[i] = (flags[i] & step.known_bit) ? Of((flags[i] & step.value_bit) != 0) : kU;
      }
      return;
    }
    case StepKind::kFlagKnown: {
      const uint8_t* flags = step.column8 + begin;
      for (size_t i = 0; i < count; ++i) out[i] = Of(((flags[i] & step.known_bit) != 0) != step.negate);
      return;
    }
    case StepKind::kTable8: {
      const uint8_t* column = step.column8 + begin;
      for (size_t i = 0; i < count; ++i) out[i] = step.table8[column[i]];
      return;
    }
    case StepKind::kTable16: {
      const uint16_t* column = step.column16 + begin;
      const uint8_t* table = step.table16.data();
      for (size_t i = 0; i < count; ++i) out[i] = table[column[i]];
      return;
    }
    case StepKind::kRange16: {
      const uint16_t* column = step.column16 + begin;
      for (size_t i = 0; i < count; ++i) {
        const int64_t v = column[i];
        out[i] = column[i] == kNoCount ? kU : Of((v >= step.lo && v <= step.hi) != step.negate);
      }
      return;
    }
    case StepKind::kKnown16: {
      const uint16_t* column = step.column16 + begin;
      for (size_t i = 0; i < count; ++i) out[i] = Of((column[i] != kNoCount) != step.negate);
      return;
    }
    case StepKind::kRange32: {
      const int32_t* column = step.column32 + begin;
      for (size_t i = 0; i < count; ++i) {
        const int64_t v = column[i];
        // Dates record events: an absent date is no event, so the comparison is false, not unknown.
        out[i] = column[i] == kNoDate ? kF : Of((v >= step.lo && v <= step.hi) != step.negate);
      }
      return;
    }
    case StepKind::kKnown32: {
      const int32_t* column = step.column32 + begin;
      for (size_t i = 0; i < count; ++i) out[i] = Of((column[i] != kNoDate) != step.negate);
      return;
    }
    case StepKind::kRangeDay16: {
      const uint16_t* column = step.column16 + begin;
      for (size_t i = 0; i < count; ++i) {
        const int64_t v = int64_t{internal::DayColumn::kBase} + column[i];
        out[i] =
            column[i] == internal::DayColumn::kNone ? kF : Of((v >= step.lo && v <= step.hi) != step.negate);
      }
      return;
    }
    case StepKind::kKnownDay16: {
      const uint16_t* column = step.column16 + begin;
      for (size_t i = 0; i < count; ++i)
        out[i] = Of((column[i] != internal::DayColumn::kNone) != step.negate);
      return;
    }
    case StepKind::kTag: {
      const EntityColumns& c = *program.columns;
      for (size_t i = 0; i < count; ++i) {
        absl::Span<const uint16_t> tags = c.TagCodes(begin + i);
        const bool has = std::find(tags.begin(), tags.end(), step.tag) != tags.end();
        out[i] = Of(has != step.negate);
      }
      return;
    }
    case StepKind::kRowTruth:
      std::copy_n(step.row_truth->data() + begin, count, out);
      return;
  }
}

void Run(const BoundProgram& program, size_t begin, size_t count, uint8_t* out) {
  const size_t n = program.steps.size();
  if (n == 1) {
    // A single leaf (the common case for item conditions) writes straight to the output.
    for (size_t at = 0; at < count; at += kBlock) {
      RunStep(program, program.steps[0], begin + at, std::min(kBlock, count - at), {}, out + at);
    }
    return;
  }
  std::vector<std::vector<uint8_t>> buffers(n, std::vector<uint8_t>(std::min(kBlock, count)));
  for (size_t at = 0; at < count; at += kBlock) {
    const size_t chunk = std::min(kBlock, count - at);
    for (size_t s = 0; s + 1 < n; ++s) {
      RunStep(program, program.steps[s], begin + at, chunk, buffers, buffers[s].data());
    }
    RunStep(program, program.steps[n - 1], begin + at, chunk, buffers, out + at);
  }
}

}  // namespace
}  // namespace internal

absl::string_view TruthName(Truth truth) {
  switch (truth) {
    case Truth::kTrue:
      return "true";
    case Truth::kFalse:
      return "false";
    case Truth::kUnknown:
      break;
  }
  return "unknown";
}

Condition::Condition() : text_("true") {
  auto node = std::make_shared<internal::ConditionNode>();
  node->kind = internal::NodeKind::kConst;
  node->truth = true;
  root_ = std::move(node);
}

absl::StatusOr<Condition> Condition::Parse(absl::string_view text, absl::string_view rule) {
  internal::ConditionError error;
  std::shared_ptr<const internal::ConditionNode> root = internal::ParseConditionText(text, &error);
  if (root == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(rule, ": ", internal::FormatConditionError(text, error)));
  }
  Condition condition;
  condition.text_ = std::string(text);
  condition.root_ = std::move(root);
  return condition;
}

std::string Condition::ToString() const { return internal::PrintCondition(*root_); }

std::vector<std::string> Condition::Attributes() const {
  std::vector<std::string> names;
  internal::CollectAttributes(*root_, &names);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

BoundCondition Condition::Bind(const Directory& directory, const Period& period) const {
  return Bind(directory, period.first_day(), period.last_day());
}

BoundCondition Condition::Bind(const Directory& directory, absl::CivilDay period_start,
                               absl::CivilDay period_end) const {
  auto program = std::make_shared<internal::BoundProgram>();
  program->columns = &directory.columns();
  internal::Binder binder(directory.columns(), period_start, period_end);
  binder.Add(*root_, &program->steps);
  return BoundCondition(std::move(program));
}

Truth Condition::Evaluate(const Entity& entity, const Period& period) const {
  Directory directory;
  if (!directory.Add(entity).ok()) return Truth::kUnknown;
  return Bind(directory, period).Evaluate(0);
}

Truth BoundCondition::Evaluate(size_t row) const {
  Truth truth;
  EvaluateBlock(row, 1, &truth);
  return truth;
}

void BoundCondition::EvaluateBlock(size_t begin, size_t count, Truth* out) const {
  static_assert(sizeof(Truth) == 1, "truth buffers are bytes");
  internal::Run(*program_, begin, count, reinterpret_cast<uint8_t*>(out));
}

}  // namespace ssr
