// entity.h — regulated entities (检查对象) and their attributes.
//
// An `Entity` is one row of the entity directory (检查对象名录库): a regulated enterprise or unit with the
// attributes the classification and quota rules read (RULES.md §2). It is a plain value used to add rows to a
// `Directory` and to read them back; the directory itself stores entities column by column.
//
// Every attribute except `id` is optional, and "unknown" is always representable: empty strings, std::nullopt
// and the `kUnknown` enumerators mean the directory does not say.
//
//   ssr::Entity e;
//   e.id = "XL-0001";
//   e.uscc = "91310110666007217T";
//   e.area = "杜固";
//   e.permit_class = ssr::PermitClass::kKey;
//   e.tags = {"固废"};
//   absl::Status added = directory.Add(e);
//
// Enumerations have a stable English name (used in files, JSON and the C ABI) and an official Chinese label;
// the Parse* functions accept either, so directories exported from Chinese platforms load unchanged.
#ifndef SSRANDOM_ENTITY_H_
#define SSRANDOM_ENTITY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace ssr {

// 排污许可管理类别: the pollutant discharge permit management class.
enum class PermitClass : uint8_t {
  kUnknown = 0,
  kKey = 1,           // 重点管理
  kSimplified = 2,    // 简化管理
  kRegistration = 3,  // 登记管理
  kNone = 4,          // 无需许可 (no permit required)
};

// Operating status. Closed, relocated, long-stopped and deregistered entities normally leave the draw pool
// (the policy decides which statuses are excluded).
enum class EntityStatus : uint8_t {
  kUnknown = 0,
  kActive = 1,        // 正常/在营
  kSuspended = 2,     // 停产 (temporarily stopped)
  kClosed = 3,        // 关闭
  kRelocated = 4,     // 搬迁
  kLongStopped = 5,   // 长期停产
  kDeregistered = 6,  // 注销
};

// 突发环境事件风险等级: the environmental-emergency risk level of an enterprise.
enum class EmergencyRisk : uint8_t {
  kUnknown = 0,
  kGeneral = 1,  // 一般
  kLarger = 2,   // 较大
  kMajor = 3,    // 重大
};

// One row of the entity directory. Owns its strings; cheap enough to build per record, never used for storage
// of large directories (see Directory).
struct Entity {
  std::string id;        // stable directory id; required, unique within a directory
  std::string uscc;      // 统一社会信用代码 (18 characters, GB 32100-2015); may be empty
  std::string name;      // 单位名称
  std::string area;      // 所属区域: township or zone, e.g. 杜固
  std::string industry;  // 行业代码 (GB/T 4754)
  PermitClass permit_class = PermitClass::kUnknown;
  std::optional<bool> key_unit;       // on the 环境监管重点单位名录
  std::optional<bool> positive_list;  // on the 生态环境监督执法正面清单
  std::string credit;      // credit-risk class in the bureau's scheme (default SAMR A/B/C/D); empty = unknown
  std::string env_credit;  // environmental credit rating (e.g. Hebei ecology credit A–E); empty = unknown
  std::optional<int32_t> penalties_last_year;             // 近一年行政处罚次数
  std::optional<absl::CivilDay> last_penalty_date;        // date of the latest penalty decision
  std::optional<absl::CivilDay> supervision_listed_date;  // 挂牌督办 date (latest)
  std::optional<int32_t> verified_complaints;             // verified complaints/media exposures, last year
  EmergencyRisk emergency_risk = EmergencyRisk::kUnknown;
  EntityStatus status = EntityStatus::kUnknown;
  std::vector<std::string> tags;  // free labels for sector and category draws (分行业、分类别)

  friend bool operator==(const Entity& a, const Entity& b);
  friend bool operator!=(const Entity& a, const Entity& b) { return !(a == b); }
};

// Stable English names ("key", "simplified", ...; "" for kUnknown). Thread-safe; the views are static.
absl::string_view PermitClassName(PermitClass value);
absl::string_view EntityStatusName(EntityStatus value);
absl::string_view EmergencyRiskName(EmergencyRisk value);

// Official Chinese labels ("重点管理", ...; "" for kUnknown). Thread-safe; the views are static.
absl::string_view PermitClassLabel(PermitClass value);
absl::string_view EntityStatusLabel(EntityStatus value);
absl::string_view EmergencyRiskLabel(EmergencyRisk value);

// Parse an English name or a Chinese label (surrounding spaces ignored; English is case-insensitive). An
// empty string is kUnknown. Anything else is InvalidArgument naming the value and listing the accepted ones.
absl::StatusOr<PermitClass> ParsePermitClass(absl::string_view text);
absl::StatusOr<EntityStatus> ParseEntityStatus(absl::string_view text);
absl::StatusOr<EmergencyRisk> ParseEmergencyRisk(absl::string_view text);

// Parses a yes/no flag: true/false, yes/no, 1/0, y/n, 是/否. Empty is std::nullopt (unknown); anything else
// is InvalidArgument.
absl::StatusOr<std::optional<bool>> ParseFlag(absl::string_view text);

}  // namespace ssr

#endif  // SSRANDOM_ENTITY_H_
