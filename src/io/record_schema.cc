#include "io/record_schema.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "ssrandom/date.h"
#include "ssrandom/results.h"

namespace ssr::internal {
namespace {

using Aliases = std::vector<std::string>;

absl::StatusOr<int32_t> ParseCount(absl::string_view text) {
  int32_t value = 0;
  if (!absl::SimpleAtoi(text, &value) || value < 0) {
    return absl::InvalidArgumentError(absl::StrCat("'", text, "' is not a whole number ≥ 0"));
  }
  return value;
}

template <typename R>
FieldSpec<R> Integer(std::string name, Aliases aliases, std::optional<int32_t> R::*member) {
  FieldSpec<R> f{std::move(name), std::move(aliases), false, FieldKind::kInteger, nullptr, nullptr};
  f.parse = [member](R& r, absl::string_view text) {
    text = absl::StripAsciiWhitespace(text);
    if (text.empty()) {
      r.*member = std::nullopt;
      return absl::OkStatus();
    }
    absl::StatusOr<int32_t> value = ParseCount(text);
    if (!value.ok()) return value.status();
    r.*member = *value;
    return absl::OkStatus();
  };
  f.format = [member](const R& r) { return (r.*member) ? absl::StrCat(*(r.*member)) : std::string(); };
  return f;
}

template <typename R>
FieldSpec<R> Flag(std::string name, Aliases aliases, std::optional<bool> R::*member) {
  FieldSpec<R> f{std::move(name), std::move(aliases), false, FieldKind::kFlag, nullptr, nullptr};
  f.parse = [member](R& r, absl::string_view text) {
    absl::StatusOr<std::optional<bool>> value = ParseFlag(text);
    if (!value.ok()) return value.status();
    r.*member = *value;
    return absl::OkStatus();
  };
  f.format = [member](const R& r) {
    return (r.*member) ? std::string(*(r.*member) ? "true" : "false") : std::string();
  };
  return f;
}

template <typename R>
FieldSpec<R> List(std::string name, Aliases aliases, std::vector<std::string> R::*member) {
  FieldSpec<R> f{std::move(name), std::move(aliases), false, FieldKind::kList, nullptr, nullptr};
  f.parse = [member](R& r, absl::string_view text) {
    AssignSplitList(text, &(r.*member));
    return absl::OkStatus();
  };
  f.format = [member](const R& r) { return absl::StrJoin(r.*member, ";"); };
  return f;
}

template <typename R, typename E>
FieldSpec<R> Enum(std::string name, Aliases aliases, E R::*member,
                  absl::StatusOr<E> (*parse)(absl::string_view), absl::string_view (*format)(E)) {
  FieldSpec<R> f{std::move(name), std::move(aliases), false, FieldKind::kText, nullptr, nullptr};
  f.parse = [member, parse](R& r, absl::string_view text) {
    absl::StatusOr<E> value = parse(text);
    if (!value.ok()) return value.status();
    r.*member = *value;
    return absl::OkStatus();
  };
  f.format = [member, format](const R& r) { return std::string(format(r.*member)); };
  return f;
}

absl::StatusOr<InspectionMethod> ParseInspectionMethod(absl::string_view text) {
  text = absl::StripAsciiWhitespace(text);
  for (InspectionMethod m :
       {InspectionMethod::kEither, InspectionMethod::kOnSite, InspectionMethod::kOffSite}) {
    if (absl::EqualsIgnoreCase(text, InspectionMethodName(m)) || text == InspectionMethodLabel(m)) return m;
  }
  if (text.empty() || text == "现场/非现场") return InspectionMethod::kEither;
  if (text == "现场") return InspectionMethod::kOnSite;
  if (text == "非现场") return InspectionMethod::kOffSite;
  return absl::InvalidArgumentError(
      absl::StrCat("unknown inspection method '", text,
                   "'; expected on_site (现场检查), off_site (非现场监管) or either"));
}

}  // namespace

std::vector<std::string> SplitList(absl::string_view text) {
  std::vector<std::string> values;
  AssignSplitList(text, &values);
  return values;
}

void AssignSplitList(absl::string_view text, std::vector<std::string>* values) {
  // One pass, splitting at any separator: the same pieces as splitting by each separator in turn, since no
  // separator's bytes occur inside another's (the multi-byte ones are UTF-8, the others ASCII). A directory's
  // tag lists go through here once per entity.
  size_t count = 0;
  size_t start = 0;
  const auto add_piece = [&](size_t end) {
    const absl::string_view trimmed = absl::StripAsciiWhitespace(text.substr(start, end - start));
    if (trimmed.empty()) return;
    if (count < values->size()) {
      (*values)[count].assign(trimmed.data(), trimmed.size());
    } else {
      values->emplace_back(trimmed);
    }
    ++count;
  };
  for (size_t at = 0; at < text.size();) {
    size_t separator_size = 0;
    for (absl::string_view separator : kListSeparators) {
      if (absl::StartsWith(text.substr(at), separator)) {
        separator_size = separator.size();
        break;
      }
    }
    if (separator_size == 0) {
      ++at;
      continue;
    }
    add_piece(at);
    at += separator_size;
    start = at;
  }
  add_piece(text.size());
  values->resize(count);
}

template <typename Record>
int RecordSchema<Record>::FindField(absl::string_view header) const {
  header = absl::StripAsciiWhitespace(header);
  for (size_t i = 0; i < fields.size(); ++i) {
    if (absl::EqualsIgnoreCase(header, fields[i].name)) return static_cast<int>(i);
    for (const std::string& alias : fields[i].aliases) {
      if (header == alias) return static_cast<int>(i);
    }
  }
  return -1;
}

template <typename Record>
std::string RecordSchema<Record>::FieldList() const {
  return absl::StrJoin(fields, ", ", [](std::string* out, const FieldSpec<Record>& f) {
    absl::StrAppend(out, f.name, f.aliases.empty() ? "" : absl::StrCat(" (", f.aliases.front(), ")"));
  });
}

template struct RecordSchema<Entity>;
template struct RecordSchema<Inspector>;
template struct RecordSchema<Unit>;
template struct RecordSchema<Department>;
template struct RecordSchema<Item>;
template struct RecordSchema<Conflict>;
template struct RecordSchema<PairExclusion>;
template struct RecordSchema<InspectionResult>;  // src/check/results_schema.cc

const RecordSchema<Entity>& EntitySchema() {
  static const auto* schema = new RecordSchema<Entity>{
      "entity",
      "entities",
      {Text<Entity>("id", {"编号", "对象编号", "检查对象编号"}, &Entity::id, true),
       Text<Entity>("uscc", {"统一社会信用代码", "信用代码"}, &Entity::uscc),
       Text<Entity>("name", {"单位名称", "企业名称", "检查对象名称"}, &Entity::name),
       Text<Entity>("area", {"所属区域", "区域", "所属乡镇", "乡镇"}, &Entity::area),
       Text<Entity>("industry", {"行业代码", "所属行业", "行业"}, &Entity::industry),
       Enum<Entity, PermitClass>("permit_class", {"排污许可管理类别", "许可管理类别"}, &Entity::permit_class,
                                 &ParsePermitClass, &PermitClassName),
       Flag<Entity>("key_unit", {"重点排污单位", "环境监管重点单位", "重点单位"}, &Entity::key_unit),
       Flag<Entity>("positive_list", {"正面清单", "是否正面清单"}, &Entity::positive_list),
       Text<Entity>("credit", {"信用等级", "信用风险等级", "信用风险分类"}, &Entity::credit),
       Text<Entity>("env_credit", {"环境信用等级", "生态环境信用等级"}, &Entity::env_credit),
       Integer<Entity>("penalties_last_year", {"近一年处罚次数", "近一年行政处罚次数"},
                       &Entity::penalties_last_year),
       Date<Entity>("last_penalty_date", {"最近处罚日期"}, &Entity::last_penalty_date),
       Date<Entity>("supervision_listed_date", {"挂牌督办日期"}, &Entity::supervision_listed_date),
       Integer<Entity>("verified_complaints", {"近一年有效投诉次数", "有效投诉次数"},
                       &Entity::verified_complaints),
       Enum<Entity, EmergencyRisk>("emergency_risk", {"突发环境事件风险等级", "环境风险等级"},
                                   &Entity::emergency_risk, &ParseEmergencyRisk, &EmergencyRiskName),
       Enum<Entity, EntityStatus>("status", {"经营状态", "运行状态", "状态"}, &Entity::status,
                                  &ParseEntityStatus, &EntityStatusName),
       List<Entity>("tags", {"标签", "分类标签"}, &Entity::tags)},
      [](const Entity& e) -> const std::string& { return e.id; }};
  return *schema;
}

const RecordSchema<Inspector>& InspectorSchema() {
  static const auto* schema = [] {
    auto* s = new RecordSchema<Inspector>{
        "inspector",
        "inspectors",
        {Text<Inspector>("id", {"编号", "人员编号"}, &Inspector::id, true),
         Text<Inspector>("name", {"姓名"}, &Inspector::name),
         Text<Inspector>("certificate_number", {"执法证号", "执法证编号"}, &Inspector::certificate_number),
         Date<Inspector>("certificate_valid_from", {"执法证有效期起", "证件有效期起"},
                         &Inspector::certificate_valid_from),
         Date<Inspector>("certificate_valid_until", {"执法证有效期止", "执法证有效期至", "证件有效期止"},
                         &Inspector::certificate_valid_until),
         Text<Inspector>("unit", {"所属科室", "科室", "业务条线"}, &Inspector::unit),
         Text<Inspector>("department", {"所属部门", "部门"}, &Inspector::department),
         Text<Inspector>("area_group", {"分组", "所属分组", "执法组"}, &Inspector::area_group),
         List<Inspector>("specialties", {"专长", "业务专长"}, &Inspector::specialties),
         Integer<Inspector>("max_load", {"每期最大任务数", "最大检查任务数"}, &Inspector::max_load)},
        [](const Inspector& i) -> const std::string& { return i.id; }};
    FieldSpec<Inspector> active{"active", {"在岗", "是否在岗"}, false, FieldKind::kFlag, nullptr, nullptr};
    active.parse = [](Inspector& i, absl::string_view text) {
      absl::StatusOr<std::optional<bool>> value = ParseFlag(text);
      if (!value.ok()) return value.status();
      i.active = value->value_or(true);  // an inspector is active unless the directory says otherwise
      return absl::OkStatus();
    };
    active.format = [](const Inspector& i) { return std::string(i.active ? "true" : "false"); };
    s->fields.push_back(std::move(active));
    return s;
  }();
  return *schema;
}

const RecordSchema<Unit>& UnitSchema() {
  static const auto* schema = new RecordSchema<Unit>{
      "unit",
      "units",
      {Text<Unit>("id", {"编号", "科室编号"}, &Unit::id, true),
       Text<Unit>("name", {"名称", "科室名称"}, &Unit::name), Text<Unit>("kind", {"类型"}, &Unit::kind)},
      [](const Unit& u) -> const std::string& { return u.id; }};
  return *schema;
}

const RecordSchema<Department>& DepartmentSchema() {
  static const auto* schema =
      new RecordSchema<Department>{"department",
                                   "departments",
                                   {Text<Department>("id", {"编号", "部门编号"}, &Department::id, true),
                                    Text<Department>("name", {"名称", "部门名称"}, &Department::name)},
                                   [](const Department& d) -> const std::string& { return d.id; }};
  return *schema;
}

const RecordSchema<Item>& ItemSchema() {
  static const auto* schema =
      new RecordSchema<Item>{"item",
                             "items",
                             {Text<Item>("id", {"编号", "事项编号"}, &Item::id, true),
                              Text<Item>("name", {"事项名称", "抽查事项"}, &Item::name),
                              Text<Item>("legal_basis", {"检查依据", "法律依据"}, &Item::legal_basis),
                              Text<Item>("unit", {"责任科室", "实施科室"}, &Item::unit),
                              Enum<Item, InspectionMethod>("method", {"检查方式"}, &Item::method,
                                                           &ParseInspectionMethod, &InspectionMethodName),
                              Text<Item>("required_specialty", {"所需专长"}, &Item::required_specialty),
                              Text<Item>("applies_to", {"适用对象", "适用条件"}, &Item::applies_to)},
                             [](const Item& i) -> const std::string& { return i.id; }};
  return *schema;
}

const RecordSchema<Conflict>& ConflictSchema() {
  static const auto* schema = new RecordSchema<Conflict>{
      "conflict",
      "conflicts",
      {Text<Conflict>("inspector_id", {"人员编号"}, &Conflict::inspector_id, true),
       Text<Conflict>("entity_id", {"对象编号", "检查对象编号"}, &Conflict::entity_id, true),
       Text<Conflict>("reason", {"回避事由", "事由"}, &Conflict::reason)},
      [](const Conflict& c) -> const std::string& { return c.inspector_id; }};
  return *schema;
}

const RecordSchema<PairExclusion>& PairExclusionSchema() {
  static const auto* schema = new RecordSchema<PairExclusion>{
      "pair exclusion",
      "pair_exclusions",
      {Text<PairExclusion>("inspector_a", {"人员编号甲"}, &PairExclusion::inspector_a, true),
       Text<PairExclusion>("inspector_b", {"人员编号乙"}, &PairExclusion::inspector_b, true),
       Text<PairExclusion>("reason", {"事由"}, &PairExclusion::reason)},
      [](const PairExclusion& p) -> const std::string& { return p.inspector_a; }};
  return *schema;
}

}  // namespace ssr::internal
