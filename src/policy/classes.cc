#include "ssrandom/classes.h"

#include "absl/strings/str_cat.h"

namespace ssr {
namespace {

struct ClassNames {
  SupervisionClass value;
  absl::string_view name;
  absl::string_view label;
};
constexpr ClassNames kClasses[] = {{SupervisionClass::kExcluded, "excluded", "排除"},
                                   {SupervisionClass::kSpecial, "special", "特殊监管对象"},
                                   {SupervisionClass::kKey, "key", "重点监管对象"},
                                   {SupervisionClass::kGeneral, "general", "一般监管对象"}};

struct PoolNames {
  Pool value;
  absl::string_view name;
  absl::string_view rule;
  absl::string_view label;
};
constexpr PoolNames kPools[] = {{Pool::kExcluded, "excluded", "", "排除 excluded"},
                                {Pool::kSpecial, "special", "Q-SPECIAL", "特殊监管对象 special"},
                                {Pool::kKey, "key", "Q-KEY", "重点监管对象 key"},
                                {Pool::kPositive, "positive", "Q-POSITIVE", "正面清单 positive list"},
                                {Pool::kGeneral, "general", "Q-GENERAL", "一般监管对象 general"}};

const PoolNames& PoolRow(Pool pool) {
  for (const PoolNames& row : kPools) {
    if (row.value == pool) return row;
  }
  return kPools[0];
}

const ClassNames& ClassRow(SupervisionClass value) {
  for (const ClassNames& row : kClasses) {
    if (row.value == value) return row;
  }
  return kClasses[0];
}

}  // namespace

absl::string_view SupervisionClassName(SupervisionClass value) { return ClassRow(value).name; }
absl::string_view SupervisionClassLabel(SupervisionClass value) { return ClassRow(value).label; }

absl::StatusOr<SupervisionClass> ParseSupervisionClass(absl::string_view text) {
  for (const ClassNames& row : kClasses) {
    if (text == row.name) return row.value;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown class '", text, "'; expected special, key, general or excluded"));
}

absl::string_view PoolName(Pool pool) { return PoolRow(pool).name; }
absl::string_view PoolRuleId(Pool pool) { return PoolRow(pool).rule; }
absl::string_view PoolLabel(Pool pool) { return PoolRow(pool).label; }

absl::StatusOr<Pool> ParsePool(absl::string_view text) {
  for (const PoolNames& row : kPools) {
    if (text == row.name) return row.value;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown pool '", text, "'; expected special, key, positive, general or excluded"));
}

}  // namespace ssr
