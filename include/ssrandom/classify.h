// classify.h — explainable classification (分级分类) of a whole directory for one period, and the quotas it
// implies.
//
// `Classify` gives every entity of a directory exactly one outcome under a policy (policy.h):
//   - excluded from the pool (a status the policy excludes, or an exclusion condition), or
//   - one supervision class — special, key or general — decided by the class conditions and the precedence
//     (RULES.md §2: key yields to special and to general; special beats general), with general entities on
//     the positive list in their own pool (RULES.md §3);
//   - the credit cell it is counted in, when its pool has a credit ratio table;
//   - and an explanation naming the conditions that matched and the rule that decided.
// `ComputeQuotas` then gives the number of entities to draw from each pool or (pool, credit) cell, with the
// arithmetic spelled out (⌈25% × 37⌉ = ⌈9.25⌉ = 10).
//
//   absl::StatusOr<ssr::Classification> c = ssr::Classify(bureau.entities, policy, period);
//   if (!c.ok()) return c.status();
//   std::cout << c->Explain(0) << "\n";
//   // special: penalty_last_year (penalties_last_year >= 1 or last_penalty_date within 1 year);
//   //   key: key_permit (permit_class == "key") → special (key yields to special); pool special (Q-SPECIAL);
//   //   credit B
//   for (const ssr::QuotaLine& line : ssr::ComputeQuotas(*c, policy)) {
//     std::cout << ssr::PoolName(line.pool) << " " << line.credit_class << ": " << line.arithmetic << "\n";
//   }
//
// Classification reads the directory's columns directly and evaluates each condition over blocks of rows:
// 10⁷ entities take a few seconds on one core (benchmarks/classify_benchmark.cc). The result keeps no
// reference to the directory.
//
// Thread safety: a Classification is immutable; every const method is thread-safe. Classify and
// ComputeQuotas are reentrant.
#ifndef SSRANDOM_CLASSIFY_H_
#define SSRANDOM_CLASSIFY_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "ssrandom/directory.h"
#include "ssrandom/inspector.h"
#include "ssrandom/period.h"
#include "ssrandom/policy.h"
#include "ssrandom/ratio.h"

namespace ssr {

namespace internal {
struct ClassificationState;  // src/policy/classify.cc
}  // namespace internal

// The outcome for every row of a directory, stored column by column (a few bytes per row).
class Classification {
 public:
  // The number of rows (the directory's size).
  size_t size() const;
  const Period& period() const;
  // The policy it was classified under.
  const Policy& policy() const;

  // `row` < size().
  SupervisionClass supervision_class(size_t row) const;  // kExcluded for rows out of the pool
  Pool pool(size_t row) const;
  // The credit cell: an index into policy().credit_classes() for rows of a pool that has a credit ratio
  // table (an unknown or unlisted credit value counts as policy().unknown_credit_index()); -1 for rows of
  // pools without a table and for excluded rows.
  int credit_index(size_t row) const;
  // True when the row's credit value was unknown or not in the scheme and the policy's default class was
  // used for its cell.
  bool credit_defaulted(size_t row) const;

  // Which conditions matched and which rule decided, in one line, e.g.
  //   special: penalty_last_year (penalties_last_year >= 1); key: key_permit (permit_class == "key")
  //   → special (key yields to special); pool special (Q-SPECIAL); credit B
  // A class that could have won but whose conditions could not be decided for lack of data names the
  // missing attributes ("special: not met, missing verified_complaints").
  std::string Explain(size_t row) const;

  // Entities per pool, per (pool, credit cell) and per class. CellSize is 0 for pools without a table.
  int64_t PoolSize(Pool pool) const;
  int64_t CellSize(Pool pool, int credit_index) const;
  int64_t ClassSize(SupervisionClass supervision_class) const;
  // Rows that met the conditions of more than one class (settled by precedence).
  int64_t ConflictCount() const;
  // Rows of table pools counted in the default credit class.
  int64_t DefaultedCreditCount() const;

 private:
  friend absl::StatusOr<Classification> Classify(const Directory&, const Policy&, const Period&, int);
  explicit Classification(std::shared_ptr<const internal::ClassificationState> state)
      : state_(std::move(state)) {}
  std::shared_ptr<const internal::ClassificationState> state_;
};

// Classifies every row of `directory` under `policy` for `period` (date conditions such as "within 1 year"
// are relative to the period, see condition.h). The directory is only read during the call.
// Errors: none at present (a loaded policy is valid for every directory); the StatusOr leaves room for
// checks that need the directory. `threads` (values below 1 count as 1) classifies parts of at least 32,768
// rows on that many std::threads; the classification does not depend on it.
// Thread safety: reentrant; concurrent calls may share the directory and the policy.
absl::StatusOr<Classification> Classify(const Directory& directory, const Policy& policy,
                                        const Period& period, int threads = 1);

// The quota of one pool, or of one credit cell of a pool with a credit table: the numbers the draw fills.
struct QuotaLine {
  Pool pool = Pool::kExcluded;
  int credit_index = -1;     // -1: the whole pool (no credit table)
  std::string credit_class;  // policy.credit_classes()[credit_index], or "" for a whole pool
  int64_t pool_size = 0;     // entities in the pool, or in the cell for a cell line
  Ratio ratio;               // the pool minimum, or the cell's credit ratio
  int64_t quota = 0;         // ratio.QuotaOf(pool_size)
  InspectionMethod method = InspectionMethod::kOnSite;
  std::string arithmetic;  // "⌈25% × 37⌉ = ⌈9.25⌉ = 10", "100% × 12 = 12", "3% × 0 = 0"
};

// One line per pool without a credit table and one per credit cell of each pool with one (empty cells
// included, quota 0), pools in the order special, key, positive, general and cells from lowest to highest
// risk. `policy` must be the classification's policy. Sum of a pool's cell quotas ≥ ⌈minimum × pool size⌉,
// since every cell ratio is at least the minimum.
std::vector<QuotaLine> ComputeQuotas(const Classification& classification, const Policy& policy);

// The arithmetic text of ratio.QuotaOf(n), as in QuotaLine::arithmetic.
std::string QuotaArithmetic(const Ratio& ratio, int64_t n);

}  // namespace ssr

#endif  // SSRANDOM_CLASSIFY_H_
