#include "ssrandom/entity.h"

#include <array>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace ssr {
namespace {

// One row per enumerator: the stable English name, the official Chinese label, and extra spellings that
// exported platform files use for the same value.
template <typename Enum>
struct EnumSpelling {
  Enum value;
  absl::string_view name;
  absl::string_view label;
  std::array<absl::string_view, 3> aliases;
};

constexpr EnumSpelling<PermitClass> kPermitClasses[] = {
    {PermitClass::kKey, "key", "重点管理", {"重点"}},
    {PermitClass::kSimplified, "simplified", "简化管理", {"简化"}},
    {PermitClass::kRegistration, "registration", "登记管理", {"登记"}},
    {PermitClass::kNone, "none", "无需许可", {"无"}},
};
constexpr EnumSpelling<EntityStatus> kStatuses[] = {
    {EntityStatus::kActive, "active", "正常", {"在营", "运行", "生产"}},
    {EntityStatus::kSuspended, "suspended", "停产", {"临时停产"}},
    {EntityStatus::kClosed, "closed", "关闭", {"关停"}},
    {EntityStatus::kRelocated, "relocated", "搬迁", {}},
    {EntityStatus::kLongStopped, "long_stopped", "长期停产", {}},
    {EntityStatus::kDeregistered, "deregistered", "注销", {"吊销"}},
};
constexpr EnumSpelling<EmergencyRisk> kEmergencyRisks[] = {
    {EmergencyRisk::kGeneral, "general", "一般", {"一般环境风险"}},
    {EmergencyRisk::kLarger, "larger", "较大", {"较大环境风险"}},
    {EmergencyRisk::kMajor, "major", "重大", {"重大环境风险"}},
};

template <typename Enum, size_t N>
const EnumSpelling<Enum>* FindSpelling(const EnumSpelling<Enum> (&table)[N], Enum value) {
  for (const auto& row : table) {
    if (row.value == value) return &row;
  }
  return nullptr;
}

template <typename Enum, size_t N>
absl::StatusOr<Enum> ParseEnum(const EnumSpelling<Enum> (&table)[N], absl::string_view what,
                               absl::string_view text) {
  absl::string_view trimmed = absl::StripAsciiWhitespace(text);
  if (trimmed.empty()) return Enum::kUnknown;
  std::vector<std::string> accepted;
  for (const auto& row : table) {
    if (absl::EqualsIgnoreCase(trimmed, row.name) || trimmed == row.label) return row.value;
    for (absl::string_view alias : row.aliases) {
      if (!alias.empty() && trimmed == alias) return row.value;
    }
    accepted.push_back(absl::StrCat(row.name, " (", row.label, ")"));
  }
  return absl::InvalidArgumentError(absl::StrCat("unknown ", what, " '", trimmed, "'; expected one of: ",
                                                 absl::StrJoin(accepted, ", "), ", or empty for unknown"));
}

}  // namespace

bool operator==(const Entity& a, const Entity& b) {
  return a.id == b.id && a.uscc == b.uscc && a.name == b.name && a.area == b.area &&
         a.industry == b.industry && a.permit_class == b.permit_class && a.key_unit == b.key_unit &&
         a.positive_list == b.positive_list && a.credit == b.credit && a.env_credit == b.env_credit &&
         a.penalties_last_year == b.penalties_last_year && a.last_penalty_date == b.last_penalty_date &&
         a.supervision_listed_date == b.supervision_listed_date &&
         a.verified_complaints == b.verified_complaints && a.emergency_risk == b.emergency_risk &&
         a.status == b.status && a.tags == b.tags;
}

absl::string_view PermitClassName(PermitClass value) {
  const auto* row = FindSpelling(kPermitClasses, value);
  return row ? row->name : "";
}
absl::string_view EntityStatusName(EntityStatus value) {
  const auto* row = FindSpelling(kStatuses, value);
  return row ? row->name : "";
}
absl::string_view EmergencyRiskName(EmergencyRisk value) {
  const auto* row = FindSpelling(kEmergencyRisks, value);
  return row ? row->name : "";
}
absl::string_view PermitClassLabel(PermitClass value) {
  const auto* row = FindSpelling(kPermitClasses, value);
  return row ? row->label : "";
}
absl::string_view EntityStatusLabel(EntityStatus value) {
  const auto* row = FindSpelling(kStatuses, value);
  return row ? row->label : "";
}
absl::string_view EmergencyRiskLabel(EmergencyRisk value) {
  const auto* row = FindSpelling(kEmergencyRisks, value);
  return row ? row->label : "";
}

absl::StatusOr<PermitClass> ParsePermitClass(absl::string_view text) {
  return ParseEnum(kPermitClasses, "permit class (排污许可管理类别)", text);
}
absl::StatusOr<EntityStatus> ParseEntityStatus(absl::string_view text) {
  return ParseEnum(kStatuses, "status (经营状态)", text);
}
absl::StatusOr<EmergencyRisk> ParseEmergencyRisk(absl::string_view text) {
  return ParseEnum(kEmergencyRisks, "emergency risk level (突发环境事件风险等级)", text);
}

absl::StatusOr<std::optional<bool>> ParseFlag(absl::string_view text) {
  absl::string_view trimmed = absl::StripAsciiWhitespace(text);
  if (trimmed.empty()) return std::optional<bool>();
  for (absl::string_view yes : {"true", "yes", "y", "1", "是"}) {
    if (absl::EqualsIgnoreCase(trimmed, yes)) return std::optional<bool>(true);
  }
  for (absl::string_view no : {"false", "no", "n", "0", "否"}) {
    if (absl::EqualsIgnoreCase(trimmed, no)) return std::optional<bool>(false);
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "'", trimmed, "' is not a yes/no value; expected true/false, yes/no, 1/0, 是/否, or empty"));
}

}  // namespace ssr
