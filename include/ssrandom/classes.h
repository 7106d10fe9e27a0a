// classes.h — the supervision classes (分级分类) and the quota pools they feed (RULES.md §2–§3).
//
// Every entity in a period is in exactly one supervision class — special (特殊监管对象), key (重点监管对象)
// or general (一般监管对象) — or excluded from the draw pool (closed, relocated, …). The quota rules then
// split the general class by the positive list: four pools, each with its rule id.
//
//   ssr::Pool pool = ssr::Pool::kKey;
//   std::cout << ssr::PoolRuleId(pool) << " " << ssr::PoolLabel(pool);  // "Q-KEY 重点监管对象 key"
#ifndef SSRANDOM_CLASSES_H_
#define SSRANDOM_CLASSES_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace ssr {

enum class SupervisionClass : uint8_t { kExcluded = 0, kSpecial = 1, kKey = 2, kGeneral = 3 };

// "excluded", "special", "key", "general". Thread-safe; the views are static.
absl::string_view SupervisionClassName(SupervisionClass value);
// "排除", "特殊监管对象", "重点监管对象", "一般监管对象".
absl::string_view SupervisionClassLabel(SupervisionClass value);
// Parses the English name; InvalidArgument listing the accepted names otherwise.
absl::StatusOr<SupervisionClass> ParseSupervisionClass(absl::string_view text);

// The quota pools, in rule order.
enum class Pool : uint8_t { kExcluded = 0, kSpecial = 1, kKey = 2, kPositive = 3, kGeneral = 4 };

// "excluded", "special", "key", "positive", "general".
absl::string_view PoolName(Pool pool);
// "", "Q-SPECIAL", "Q-KEY", "Q-POSITIVE", "Q-GENERAL".
absl::string_view PoolRuleId(Pool pool);
// Bilingual, e.g. "重点监管对象 key", "正面清单 positive list".
absl::string_view PoolLabel(Pool pool);
absl::StatusOr<Pool> ParsePool(absl::string_view text);

}  // namespace ssr

#endif  // SSRANDOM_CLASSES_H_
