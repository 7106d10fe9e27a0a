// record.h — the public draw record (the "一公开" artefact) and its verification.
//
// A draw record holds everything anyone needs to re-run a draw and confirm it: the algorithm and its
// version, the library version, the seed and where it came from, the period, the SHA-256 digests of the
// frozen directory and of the policy in canonical form, for each stratum the pool size, the exclusions, the
// quota and the arithmetic behind it, the selected ids with their full tickets, the earlier plans it took
// into account, and the digest of the bureau's previous record (a chain: a re-draw is a second record for
// the same period). docs/draw.md documents every field.
//
//   absl::StatusOr<ssr::DrawRecord> record = ssr::DrawRecord::FromJson(text, "record.json");
//   absl::Status verified = ssr::VerifyRecord(*record, bureau, policy, history);
//   // OK, or FailedPrecondition naming the first difference, e.g.
//   // "strata[1].selected[3].id: the record says XL-00412, the recomputed draw gives XL-00087"
//
// Thread safety: values; VerifyRecord is reentrant.
#ifndef SSRANDOM_RECORD_H_
#define SSRANDOM_RECORD_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace ssr {

struct Bureau;
class Policy;
struct Plan;

// The ticket algorithm a record names. Version 1 is RULES.md §7 (consistent_sampler compatible).
inline constexpr char kDrawAlgorithmName[] = "ssrandom-tickets";
inline constexpr int kDrawAlgorithmVersion = 1;
inline constexpr char kRecordFormat[] = "ssrandom-draw-record";
// Version 2: the directory digest is version 2 (ssrandom/directory_digest.h, bucketed); a version-1 record
// is refused by name rather than failing later on a digest that was computed differently.
inline constexpr int kRecordFormatVersion = 2;

struct SelectedEntity {
  std::string id;
  std::string ticket;
  bool readmitted = false;  // drawn earlier this year, re-admitted because the rotation pool ran out
  friend bool operator==(const SelectedEntity& a, const SelectedEntity& b) {
    return a.id == b.id && a.ticket == b.ticket && a.readmitted == b.readmitted;
  }
};

struct StratumRecord {
  std::string stratum;              // "key/B"
  std::string pool;                 // "key"
  std::string rule;                 // "Q-KEY"
  std::string credit_class;         // "B", or "" without a credit table
  std::string method;               // "on_site" / "off_site"
  int64_t pool_size = 0;            // entities of the stratum in the frozen directory
  int64_t excluded_yearly_cap = 0;  // at the yearly cap from earlier plans
  int64_t excluded_rotation = 0;    // drawn earlier this year (rotation)
  int64_t eligible = 0;             // pool_size minus both exclusions
  std::string ratio;                // "25%"
  int64_t quota = 0;                // ⌈ratio × pool_size⌉ (RULES.md §3)
  std::string arithmetic;           // "⌈25% × 37⌉ = 10"
  bool whole_pool_taken = false;    // the quota exceeded what could be drawn and the policy took all
  bool credit_based = false;
  std::vector<SelectedEntity> selected;  // in ticket order
  friend bool operator==(const StratumRecord& a, const StratumRecord& b);
};

struct HistoryEntry {
  std::string period;
  std::string plan_digest;
  friend bool operator==(const HistoryEntry& a, const HistoryEntry& b) {
    return a.period == b.period && a.plan_digest == b.plan_digest;
  }
};

struct DrawRecord {
  std::string algorithm = kDrawAlgorithmName;
  int algorithm_version = kDrawAlgorithmVersion;
  std::string library_version;
  std::string bureau;
  std::string period;
  std::string seed;
  std::string seed_hash;  // H(seed), the prefix of every ticket's hash input
  std::string seed_source;
  std::string directory_digest;
  int64_t directory_size = 0;
  std::string policy_name;
  std::string policy_digest;
  std::vector<HistoryEntry> history;  // sorted by period
  std::string previous_record_digest;
  std::vector<StratumRecord> strata;
  std::string plan_digest;

  // Pretty JSON (2-space indent, fields in documented order, UTF-8 unescaped), deterministic.
  std::string ToJson() const;
  // SHA-256 hex of the canonical JSON: keys sorted, no whitespace, UTF-8 (docs/draw.md) — what the next
  // record's previous_record_digest holds.
  std::string Digest() const;
  // InvalidArgument naming the field on malformed input, an unknown format version or a key the format
  // does not define (at any level: an added or misspelt key is not the record the library wrote).
  static absl::StatusOr<DrawRecord> FromJson(absl::string_view text, absl::string_view source);

  friend bool operator==(const DrawRecord& a, const DrawRecord& b);
};

// Recomputes the draw the record describes from the bureau, the policy and the earlier plans, and compares
// every field. OK when identical; FailedPrecondition naming the first difference otherwise (a different
// directory, policy, seed or history, or a tampered selection). InvalidArgument when the record's
// algorithm or version is not one this library knows.
absl::Status VerifyRecord(const DrawRecord& record, const Bureau& bureau, const Policy& policy,
                          const std::vector<Plan>& history);

}  // namespace ssr

#endif  // SSRANDOM_RECORD_H_
