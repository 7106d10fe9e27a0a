// bureau.h — one bureau's 两库一单: the entity directory, the inspector directory and the item list, plus
// the declared conflicts that tie inspectors to entities.
//
//   ssr::QualityReport report;
//   absl::StatusOr<ssr::Bureau> bureau = ssr::LoadBureau("my_bureau/", &report);  // see bureau_io.h
//   if (!bureau.ok()) { std::cerr << bureau.status(); }
//   ssr::QualityReport checks = ssr::CheckBureau(*bureau, absl::CivilDay(2024, 1, 1));
//
// Thread safety: a const Bureau may be read from many threads; mutation requires exclusive access.
#ifndef SSRANDOM_BUREAU_H_
#define SSRANDOM_BUREAU_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "ssrandom/directory.h"
#include "ssrandom/inspector.h"
#include "ssrandom/quality.h"

namespace ssr {

struct Bureau {
  std::string name;                            // e.g. 石家庄市生态环境局新乐市分局
  Directory entities;                          // 检查对象名录库
  InspectorDirectory staff;                    // 执法检查人员名录库, units and partner departments
  std::vector<Item> items;                     // 随机抽查事项清单
  std::vector<Conflict> conflicts;             // inspector–entity conflicts of interest (回避)
  std::vector<PairExclusion> pair_exclusions;  // inspectors who must not serve together
};

// Cross-record checks of a whole bureau, as of `as_of` (usually the first day of the period to draw; without
// it certificates are only checked for presence):
//  errors   — conflicts or exclusions naming unknown inspectors or entities; inspectors in unknown units or
//             departments; items with an unknown responsible unit; duplicate item ids; control characters
//             in the text of items, conflicts and exclusions (the other records reject them when added);
//  warnings — USCCs that fail GB 32100-2015 (wrong length, characters or check character); two entities
//             with the same USCC; inspectors whose certificate is missing, expired or not yet valid on
//             `as_of`; active inspectors with a max_load of 0.
// Pure function; thread-safe.
QualityReport CheckBureau(const Bureau& bureau, std::optional<absl::CivilDay> as_of);

}  // namespace ssr

#endif  // SSRANDOM_BUREAU_H_
