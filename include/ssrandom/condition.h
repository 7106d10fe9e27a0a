// condition.h — the condition language of policies: which entities a class, an exclusion or an item covers.
//
// Bureaus write their classification rules as data (RULES.md §2), so a policy states each condition as a
// short text over the entity's attributes:
//
//   permit_class == "key" or key_unit
//   permit_class in ["key", "simplified", "registration"]
//   penalties_last_year >= 1 or last_penalty_date within 1 year
//   "固废" in tags and not positive_list
//   env_credit in ["D", "E"] and status != "suspended"
//
// A `Condition` is parsed once (syntax, attribute names, value types and enumeration values are all checked
// then, with errors that name the rule, the line and column, and what was expected) and bound once per
// directory and period into a `BoundCondition`, which evaluates rows straight from the directory's columns:
// string literals are resolved to the directory's pooled codes at bind time, so evaluation does no string
// work. There is no eval and no way to run code: the language has comparisons, lists, and/or/not, and
// nothing else.
//
//   absl::StatusOr<ssr::Condition> special =
//       ssr::Condition::Parse("penalties_last_year >= 1", "classes.special[0]");
//   if (!special.ok()) return special.status();   // "classes.special[0]: line 1, column 24: expected ..."
//   ssr::BoundCondition bound = special->Bind(directory, period);
//   if (bound.Matches(row)) { ... }
//
// The language (docs/policy.md has the full reference):
//   attributes      permit_class key_unit positive_list credit env_credit area industry status emergency_risk
//                   penalties_last_year verified_complaints last_penalty_date supervision_listed_date tags
//                   id uscc
//   comparisons     == != < <= > >=   (ordering for counts, dates and emergency_risk only)
//   lists           attr in ["a", "b"]   attr not in [...]   "固废" in tags   "固废" not in tags
//   prefixes        industry starts_with "C26"   industry starts_with ["C26", "C27"]
//   flags           key_unit   not positive_list   key_unit == false
//   known-ness      credit is known   penalties_last_year is unknown   (also "is not known")
//   dates           last_penalty_date >= 2023-07-01   supervision_listed_date within 1 year
//                   (within N days|months|years: from N units before the period's first day to the period's
//                   last day, both inclusive)   days_before_period(last_penalty_date) <= 365
//                   period_start, period_end (the period's first and last day, as date values)
//   logic           and, or, not, parentheses; true, false
//   literals        "double" or 'single' quoted strings (\" \' \\ escapes), integers, dates YYYY-MM-DD
//
// Unknown values (RULES.md §2: every attribute except id may be unknown) follow three-valued logic: a
// comparison with an unknown value is unknown, `not unknown` is unknown, `unknown and false` is false,
// `unknown or true` is true. A condition *matches* an entity only when it is true; unknown never matches.
// So an unknown flag is not true, and not false either: neither `key_unit` nor `not key_unit` matches an
// entity whose key-unit status is unknown. Test for missing data explicitly with `is unknown`.
// Two kinds of attribute are never unknown: tags (no tag means the tag is absent) and the event dates
// last_penalty_date and supervision_listed_date (no date means no such event on record, so every date
// comparison and `within` is false for it; `is unknown` tests that the date is absent).
//
// Thread safety: Condition and BoundCondition are immutable; all const methods are thread-safe. A
// BoundCondition reads the directory it was bound to, which must outlive it and must not be modified.
#ifndef SSRANDOM_CONDITION_H_
#define SSRANDOM_CONDITION_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "ssrandom/directory.h"
#include "ssrandom/entity.h"
#include "ssrandom/period.h"

namespace ssr {

// The three truth values. The numeric values are stable.
enum class Truth : uint8_t { kUnknown = 0, kTrue = 1, kFalse = 2 };
absl::string_view TruthName(Truth truth);  // "unknown", "true", "false"

namespace internal {
struct ConditionNode;
struct BoundProgram;
}  // namespace internal

class BoundCondition;

class Condition {
 public:
  // The condition `true` (matches every entity): what an item with an empty `applies_to` uses.
  Condition();

  // Parses `text`. `rule` names the condition in error messages (e.g. "classes.special[1] (penalty)").
  // Errors: InvalidArgument "<rule>: line L, column C: <what was expected, what was found>", followed by the
  // offending line and a caret. An empty text is an error (use Condition() or "true" to match everything).
  static absl::StatusOr<Condition> Parse(absl::string_view text, absl::string_view rule = "condition");

  // The text as given to Parse ("true" for the default condition).
  const std::string& text() const { return text_; }

  // The condition in canonical form: single spaces, double-quoted strings, parentheses only where needed.
  // Parse(ToString()) gives an equivalent condition with the same ToString().
  std::string ToString() const;

  // The attributes the condition reads, sorted and without duplicates.
  std::vector<std::string> Attributes() const;

  // Resolves the condition against `directory` (string literals to pooled codes) and `period` (date terms).
  // The directory must outlive the result and must not be modified while it is used.
  BoundCondition Bind(const Directory& directory, const Period& period) const;
  // The same for an explicit reference window (period_start..period_end), e.g. a custom plan window.
  BoundCondition Bind(const Directory& directory, absl::CivilDay period_start,
                      absl::CivilDay period_end) const;

  // Evaluates the condition for one entity (the slow path: builds a one-row directory). For tests, tools
  // and explanations; use Bind for directories. An entity a Directory would reject (no id, a control
  // character) evaluates to kUnknown.
  Truth Evaluate(const Entity& entity, const Period& period) const;

 private:
  std::string text_;
  std::shared_ptr<const internal::ConditionNode> root_;
};

// A condition bound to one directory and period. Cheap to copy (shares the compiled program).
class BoundCondition {
 public:
  // Truth for one row (< directory.size()).
  Truth Evaluate(size_t row) const;
  bool Matches(size_t row) const { return Evaluate(row) == Truth::kTrue; }

  // Truth for rows [begin, begin + count), written to out[0..count). The fast path for whole directories.
  void EvaluateBlock(size_t begin, size_t count, Truth* out) const;

 private:
  friend class Condition;
  explicit BoundCondition(std::shared_ptr<const internal::BoundProgram> program)
      : program_(std::move(program)) {}
  std::shared_ptr<const internal::BoundProgram> program_;
};

}  // namespace ssr

#endif  // SSRANDOM_CONDITION_H_
