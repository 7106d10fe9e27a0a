// Classify: evaluates every rule of the policy over blocks of rows, settles each row by precedence, and keeps
// per row the pool, the credit cell and two bits per rule (true / unknown) from which Explain rebuilds the
// reasons without the directory.
#include "ssrandom/classify.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "directory/entity_columns.h"
#include "parallel/run_parts.h"
#include "policy/condition_ast.h"
#include "ssrandom/condition.h"

namespace ssr {
namespace internal {

// One rule of the policy, in the order of the mask bits: exclusions, then special, key, general.
struct RuleRef {
  SupervisionClass owner;  // kExcluded for pool exclusions
  const Policy::Rule* rule;
};

struct ClassificationState {
  ClassificationState(Policy p, Period pe) : policy(std::move(p)), period(pe) {}
  Policy policy;
  Period period;
  std::vector<RuleRef> rules;
  size_t stride = 0;  // mask bytes per row
  std::vector<uint8_t> pool;
  std::vector<int8_t> credit;
  std::vector<uint8_t> aux;  // kAux* bits and, for rows excluded by status, the status in the low bits
  std::vector<uint8_t> masks;
  std::vector<uint16_t> rule_attributes;  // per rule: bit i = reads internal::Attribute i
  std::vector<uint16_t> unknown;  // per row: bit i = attribute i is unknown (rows with an unknown rule)
  std::array<int64_t, 5> pool_sizes{};
  std::array<std::vector<int64_t>, 5> cell_sizes;
  int64_t conflicts = 0;
  int64_t defaulted_credit = 0;
};

namespace {

constexpr uint8_t kAuxStatusMask = 0x0F;
constexpr uint8_t kAuxExcludedByStatus = 0x10;
constexpr uint8_t kAuxCreditDefaulted = 0x20;
constexpr size_t kBlock = 2048;
// A part of a classification on a thread of its own holds at least this many blocks (32,768 rows, a few
// milliseconds of work).
constexpr size_t kMinBlocksPerPart = 16;

constexpr std::array<SupervisionClass, 3> kClassOrder = {SupervisionClass::kSpecial, SupervisionClass::kKey,
                                                         SupervisionClass::kGeneral};

bool Bit(const uint8_t* mask, size_t bit) { return (mask[bit >> 3] >> (bit & 7)) & 1; }

uint16_t AttributeBit(Attribute attribute) {
  return static_cast<uint16_t>(1u << static_cast<unsigned>(attribute));
}

// Which of the attributes in `used` are unknown for `row`. Tags, ids and event dates are never unknown.
uint16_t UnknownAttributes(const EntityColumns& c, size_t row, uint16_t used) {
  uint16_t bits = 0;
  auto mark = [&](Attribute a, bool unknown) {
    if (unknown && (used & AttributeBit(a))) bits |= AttributeBit(a);
  };
  mark(Attribute::kPermitClass, c.permit_class[row] == 0);
  mark(Attribute::kKeyUnitFlag, (c.flags[row] & kKeyUnitKnown) == 0);
  mark(Attribute::kPositiveListFlag, (c.flags[row] & kPositiveListKnown) == 0);
  mark(Attribute::kCredit, c.credit[row] == 0);
  mark(Attribute::kEnvCredit, c.env_credit[row] == 0);
  mark(Attribute::kArea, c.area[row] == 0);
  mark(Attribute::kIndustry, c.industry[row] == 0);
  mark(Attribute::kStatus, c.status[row] == 0);
  mark(Attribute::kEmergencyRisk, c.emergency_risk[row] == 0);
  mark(Attribute::kPenaltiesLastYear, c.penalties_last_year[row] == kNoCount);
  mark(Attribute::kVerifiedComplaints, c.verified_complaints[row] == kNoCount);
  mark(Attribute::kUscc, c.usccs[row].empty());
  return bits;
}

std::string RuleText(const Policy::Rule& rule) {
  std::string when = rule.when;
  std::replace(when.begin(), when.end(), '\n', ' ');
  return absl::StrCat(rule.name, " (", when, ")");
}

}  // namespace
}  // namespace internal

absl::StatusOr<Classification> Classify(const Directory& directory, const Policy& policy,
                                        const Period& period, int threads) {
  using internal::kAuxCreditDefaulted;
  using internal::kAuxExcludedByStatus;
  auto state = std::make_shared<internal::ClassificationState>(policy, period);
  internal::ClassificationState& s = *state;
  const internal::EntityColumns& c = directory.columns();
  const size_t n = directory.size();

  // Rules in mask order, bound to the directory.
  for (const Policy::Rule& rule : policy.exclusion_rules())
    s.rules.push_back({SupervisionClass::kExcluded, &rule});
  std::array<std::pair<size_t, size_t>, 4> class_range{};  // [begin, end) into rules, by SupervisionClass
  for (SupervisionClass k : internal::kClassOrder) {
    const size_t begin = s.rules.size();
    for (const Policy::Rule& rule : policy.class_rules(k)) s.rules.push_back({k, &rule});
    class_range[static_cast<size_t>(k)] = {begin, s.rules.size()};
  }
  const size_t exclusions = policy.exclusion_rules().size();
  std::vector<BoundCondition> bound;
  bound.reserve(s.rules.size());
  for (const internal::RuleRef& ref : s.rules) bound.push_back(ref.rule->condition.Bind(directory, period));
  s.stride = (2 * s.rules.size() + 7) / 8;
  uint16_t used_attributes = 0;
  for (const internal::RuleRef& ref : s.rules) {
    uint16_t bits = 0;
    for (const std::string& name : ref.rule->condition.Attributes()) {
      if (const internal::AttributeInfo* info = internal::FindAttribute(name))
        bits |= internal::AttributeBit(info->attribute);
    }
    s.rule_attributes.push_back(bits);
    used_attributes |= bits;
  }

  // Status exclusions and credit cells resolve through small tables, not per-row work.
  std::array<bool, 256> excluded_status{};
  for (int v = 0; v < 256; ++v)
    excluded_status[v] = v <= 6 && policy.excludes_status(static_cast<EntityStatus>(v));
  const bool env = policy.credit_attribute() == "env_credit";
  const internal::StringPool& credit_pool = env ? c.env_credits : c.credits;
  const uint16_t* credit_codes = env ? c.env_credit.data() : c.credit.data();
  std::vector<int8_t> credit_of_code(credit_pool.size(), -1);
  for (size_t code = 1; code < credit_pool.size(); ++code) {
    credit_of_code[code] =
        static_cast<int8_t>(policy.CreditIndexOf(credit_pool[static_cast<uint16_t>(code)]));
  }
  const int unknown_credit = policy.unknown_credit_index();
  std::array<bool, 5> table{};
  const size_t credit_classes = policy.credit_classes().size();
  for (Pool p : {Pool::kSpecial, Pool::kKey, Pool::kPositive, Pool::kGeneral}) {
    table[static_cast<size_t>(p)] = policy.uses_credit_table(p);
    s.cell_sizes[static_cast<size_t>(p)].assign(table[static_cast<size_t>(p)] ? credit_classes : 0, 0);
  }
  // Precedence rank of each class (lower wins).
  std::array<int, 4> rank = {9, 9, 9, 9};
  for (size_t i = 0; i < policy.precedence().size(); ++i)
    rank[static_cast<size_t>(policy.precedence()[i])] = static_cast<int>(i);
  const SupervisionClass unmatched = policy.unmatched_class();

  s.pool.resize(n);
  s.credit.resize(n);
  s.aux.resize(n);
  s.masks.assign(n * s.stride, 0);
  s.unknown.assign(n, 0);

  // Rows are classified in parts of whole blocks, one part per thread: each writes only its rows' places
  // and counts into its own tally, and the tallies are added up after, so the result does not depend on
  // the parts.
  struct Tally {
    std::array<int64_t, 5> pool_sizes{};
    std::array<std::vector<int64_t>, 5> cell_sizes;
    int64_t conflicts = 0;
    int64_t defaulted_credit = 0;
  };
  const size_t blocks = (n + internal::kBlock - 1) / internal::kBlock;
  const int parts = internal::PartsFor(blocks, threads < 1 ? 1 : threads, internal::kMinBlocksPerPart);
  std::vector<Tally> tallies(static_cast<size_t>(parts));
  internal::RunParts(parts, [&](int part) {
    Tally& tally = tallies[static_cast<size_t>(part)];
    for (Pool p : {Pool::kSpecial, Pool::kKey, Pool::kPositive, Pool::kGeneral})
      tally.cell_sizes[static_cast<size_t>(p)].assign(s.cell_sizes[static_cast<size_t>(p)].size(), 0);
    std::vector<std::vector<Truth>> truth(s.rules.size(), std::vector<Truth>(std::min(internal::kBlock, n)));
    const size_t first_row = internal::PartBegin(blocks, parts, part) * internal::kBlock;
    const size_t end_row = std::min(n, internal::PartBegin(blocks, parts, part + 1) * internal::kBlock);
    for (size_t begin = first_row; begin < end_row; begin += internal::kBlock) {
      const size_t count = std::min(internal::kBlock, end_row - begin);
      for (size_t r = 0; r < bound.size(); ++r) bound[r].EvaluateBlock(begin, count, truth[r].data());
      for (size_t i = 0; i < count; ++i) {
        const size_t row = begin + i;
        uint8_t* mask = s.masks.data() + row * s.stride;
        bool any_unknown = false;
        for (size_t r = 0; r < s.rules.size(); ++r) {
          const Truth t = truth[r][i];
          if (t == Truth::kTrue) mask[(2 * r) >> 3] |= static_cast<uint8_t>(1u << ((2 * r) & 7));
          if (t == Truth::kUnknown) {
            mask[(2 * r + 1) >> 3] |= static_cast<uint8_t>(1u << ((2 * r + 1) & 7));
            any_unknown = true;
          }
        }
        if (any_unknown) s.unknown[row] = internal::UnknownAttributes(c, row, used_attributes);
        uint8_t aux = 0;
        bool excluded = false;
        const uint8_t status = c.status[row];
        if (excluded_status[status]) {
          excluded = true;
          aux = static_cast<uint8_t>(kAuxExcludedByStatus | (status & internal::kAuxStatusMask));
        }
        for (size_t r = 0; r < exclusions && !excluded; ++r) excluded = truth[r][i] == Truth::kTrue;
        SupervisionClass decided = SupervisionClass::kExcluded;
        if (!excluded) {
          int matched = 0;
          int best = 99;
          for (SupervisionClass k : internal::kClassOrder) {
            const auto [lo, hi] = class_range[static_cast<size_t>(k)];
            bool any = false;
            for (size_t r = lo; r < hi && !any; ++r) any = truth[r][i] == Truth::kTrue;
            if (!any) continue;
            ++matched;
            if (rank[static_cast<size_t>(k)] < best) {
              best = rank[static_cast<size_t>(k)];
              decided = k;
            }
          }
          if (matched == 0) decided = unmatched;
          if (matched > 1) ++tally.conflicts;
        }
        Pool pool = Pool::kExcluded;
        switch (decided) {
          case SupervisionClass::kSpecial:
            pool = Pool::kSpecial;
            break;
          case SupervisionClass::kKey:
            pool = Pool::kKey;
            break;
          case SupervisionClass::kGeneral:
            pool = (c.flags[row] & internal::kPositiveList) ? Pool::kPositive : Pool::kGeneral;
            break;
          case SupervisionClass::kExcluded:
            break;
        }
        int credit = -1;
        if (table[static_cast<size_t>(pool)]) {
          credit = credit_of_code[credit_codes[row]];
          if (credit < 0) {
            credit = unknown_credit;
            aux |= kAuxCreditDefaulted;
            ++tally.defaulted_credit;
          }
          ++tally.cell_sizes[static_cast<size_t>(pool)][static_cast<size_t>(credit)];
        }
        ++tally.pool_sizes[static_cast<size_t>(pool)];
        s.pool[row] = static_cast<uint8_t>(pool);
        s.credit[row] = static_cast<int8_t>(credit);
        s.aux[row] = aux;
      }
    }
  });
  for (const Tally& tally : tallies) {
    for (size_t p = 0; p < tally.pool_sizes.size(); ++p) {
      s.pool_sizes[p] += tally.pool_sizes[p];
      for (size_t cell = 0; cell < tally.cell_sizes[p].size(); ++cell)
        s.cell_sizes[p][cell] += tally.cell_sizes[p][cell];
    }
    s.conflicts += tally.conflicts;
    s.defaulted_credit += tally.defaulted_credit;
  }
  return Classification(std::move(state));
}

size_t Classification::size() const { return state_->pool.size(); }
const Period& Classification::period() const { return state_->period; }
const Policy& Classification::policy() const { return state_->policy; }
Pool Classification::pool(size_t row) const { return static_cast<Pool>(state_->pool[row]); }
SupervisionClass Classification::supervision_class(size_t row) const { return ClassOfPool(pool(row)); }
int Classification::credit_index(size_t row) const { return state_->credit[row]; }
bool Classification::credit_defaulted(size_t row) const {
  return (state_->aux[row] & internal::kAuxCreditDefaulted) != 0;
}

int64_t Classification::PoolSize(Pool pool) const { return state_->pool_sizes[static_cast<size_t>(pool)]; }
int64_t Classification::CellSize(Pool pool, int credit_index) const {
  const std::vector<int64_t>& cells = state_->cell_sizes[static_cast<size_t>(pool)];
  if (credit_index < 0 || static_cast<size_t>(credit_index) >= cells.size()) return 0;
  return cells[static_cast<size_t>(credit_index)];
}
int64_t Classification::ClassSize(SupervisionClass supervision_class) const {
  int64_t total = 0;
  for (Pool p : {Pool::kExcluded, Pool::kSpecial, Pool::kKey, Pool::kPositive, Pool::kGeneral}) {
    if (ClassOfPool(p) == supervision_class) total += PoolSize(p);
  }
  return total;
}
int64_t Classification::ConflictCount() const { return state_->conflicts; }
int64_t Classification::DefaultedCreditCount() const { return state_->defaulted_credit; }

std::string Classification::Explain(size_t row) const {
  const internal::ClassificationState& s = *state_;
  const Policy& policy = s.policy;
  const uint8_t* mask = s.masks.data() + row * s.stride;
  const uint8_t aux = s.aux[row];
  const Pool pool = this->pool(row);

  if (aux & internal::kAuxExcludedByStatus) {
    const auto status = static_cast<EntityStatus>(aux & internal::kAuxStatusMask);
    if (status == EntityStatus::kUnknown) {
      return "excluded: the status is unknown and the policy excludes entities of unknown status "
             "(pool.unknown_status)";
    }
    return absl::StrCat("excluded: status ", EntityStatusName(status), " (", EntityStatusLabel(status),
                        ") leaves the pool (pool.excluded_statuses)");
  }
  for (size_t r = 0; r < s.rules.size(); ++r) {
    if (s.rules[r].owner == SupervisionClass::kExcluded && internal::Bit(mask, 2 * r)) {
      return absl::StrCat("excluded: ", internal::RuleText(*s.rules[r].rule), " (pool.excluded_when)");
    }
  }

  // What each class's conditions said, strongest class first.
  std::vector<std::string> parts;
  std::vector<SupervisionClass> met;
  for (SupervisionClass k : policy.precedence()) {
    std::vector<std::string> matched;
    uint16_t undecided = 0;
    bool any_undecided = false;
    for (size_t r = 0; r < s.rules.size(); ++r) {
      if (s.rules[r].owner != k) continue;
      if (internal::Bit(mask, 2 * r)) matched.push_back(internal::RuleText(*s.rules[r].rule));
      if (internal::Bit(mask, 2 * r + 1)) {
        undecided |= s.rule_attributes[r];
        any_undecided = true;
      }
    }
    if (!matched.empty()) {
      met.push_back(k);
      parts.push_back(absl::StrCat(SupervisionClassName(k), ": ", absl::StrJoin(matched, ", ")));
    } else if (any_undecided && met.empty()) {
      // Missing data matters only for classes that would have won had their condition been true.
      std::vector<absl::string_view> missing;
      for (unsigned a = 0; a < 16; ++a) {
        if ((undecided & s.unknown[row]) & (1u << a)) {
          missing.push_back(internal::InfoOf(static_cast<internal::Attribute>(a)).name);
        }
      }
      parts.push_back(
          absl::StrCat(SupervisionClassName(k), ": not met, missing ", absl::StrJoin(missing, ", ")));
    }
  }
  std::string decision;
  if (met.empty()) {
    decision = absl::StrCat("no class condition met → ", SupervisionClassName(policy.unmatched_class()),
                            " (unmatched)");
  } else if (met.size() == 1) {
    decision = absl::StrCat("→ ", SupervisionClassName(met.front()));
  } else {
    std::vector<std::string> yields;
    for (size_t i = 1; i < met.size(); ++i) {
      yields.push_back(
          absl::StrCat(SupervisionClassName(met[i]), " yields to ", SupervisionClassName(met.front())));
    }
    decision = absl::StrCat("→ ", SupervisionClassName(met.front()), " (", absl::StrJoin(yields, "; "), ")");
  }
  std::string text = parts.empty() ? decision : absl::StrCat(absl::StrJoin(parts, "; "), " ", decision);
  if (pool == Pool::kExcluded) return text;  // unmatched entities left out of the pool
  absl::StrAppend(&text, "; pool ", PoolName(pool), " (", PoolRuleId(pool));
  if (pool == Pool::kPositive) absl::StrAppend(&text, ", on the positive list");
  absl::StrAppend(&text, ")");
  const int credit = credit_index(row);
  if (credit >= 0) {
    const std::string& name = policy.credit_classes()[static_cast<size_t>(credit)];
    if (aux & internal::kAuxCreditDefaulted) {
      absl::StrAppend(&text, "; credit ", name, " (the ", policy.credit_attribute(),
                      " class is unknown or not in the scheme; credit.unknown)");
    } else {
      absl::StrAppend(&text, "; credit ", name);
    }
  }
  return text;
}

std::string QuotaArithmetic(const Ratio& ratio, int64_t n) {
  const std::string r = ratio.ToString();
  if (n <= 0 || ratio.is_zero()) return absl::StrCat(r, " × ", std::max<int64_t>(n, 0), " = 0");
  const std::string product = ratio.TimesText(n);
  const int64_t quota = ratio.QuotaOf(n);
  if (ratio > Ratio::Percent(100)) {
    return absl::StrCat(r, " × ", n, " = ", product, ", at most the pool: ", quota);
  }
  if (product.find_first_of("./") == std::string::npos) return absl::StrCat(r, " × ", n, " = ", product);
  return absl::StrCat("⌈", r, " × ", n, "⌉ = ⌈", product, "⌉ = ", quota);
}

std::vector<QuotaLine> ComputeQuotas(const Classification& classification, const Policy& policy) {
  std::vector<QuotaLine> lines;
  for (const Policy::PoolQuota& q : policy.pool_quotas()) {
    auto add = [&](int credit_index, int64_t size, const Ratio& ratio) {
      QuotaLine line;
      line.pool = q.pool;
      line.credit_index = credit_index;
      if (credit_index >= 0) line.credit_class = policy.credit_classes()[static_cast<size_t>(credit_index)];
      line.pool_size = size;
      line.ratio = ratio;
      line.quota = ratio.QuotaOf(size);
      line.method = q.method;
      line.arithmetic = QuotaArithmetic(ratio, size);
      lines.push_back(std::move(line));
    };
    if (policy.uses_credit_table(q.pool)) {
      for (size_t k = 0; k < policy.credit_classes().size(); ++k) {
        const int index = static_cast<int>(k);
        add(index, classification.CellSize(q.pool, index), *policy.CreditRatio(q.pool, index));
      }
    } else {
      add(-1, classification.PoolSize(q.pool), q.minimum);
    }
  }
  return lines;
}

}  // namespace ssr
