#include "ssrandom/sample_bureau.h"

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "ssrandom/uscc.h"

namespace ssr {
namespace {

// SplitMix64: a small, fully specified generator, so the sample is the same on every platform. It is used
// only to make synthetic data, never by a draw.
class SampleRandom {
 public:
  explicit SampleRandom(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); the modulo bias is irrelevant for synthetic data.
  uint64_t Below(uint64_t n) { return Next() % n; }
  // True with probability per_10000 / 10000.
  bool Chance(int per_10000) { return Below(10000) < static_cast<uint64_t>(per_10000); }
  template <typename T, size_t N>
  const T& Pick(const std::array<T, N>& values) {
    return values[Below(N)];
  }
  // Picks an index by integer weights.
  template <size_t N>
  size_t Weighted(const std::array<int, N>& weights) {
    int total = 0;
    for (int w : weights) total += w;
    int roll = static_cast<int>(Below(static_cast<uint64_t>(total)));
    for (size_t i = 0; i < N; ++i) {
      if (roll < weights[i]) return i;
      roll -= weights[i];
    }
    return N - 1;
  }

 private:
  uint64_t state_;
};

constexpr std::array<const char*, 7> kAreas = {"市区", "三产", "开发区", "邯邰", "杜固", "承安", "正莫"};
constexpr std::array<int, 7> kAreaWeights = {22, 14, 20, 11, 12, 10, 11};

struct Industry {
  const char* word;  // part of the synthetic name
  const char* code;  // GB/T 4754-2017
  const char* tag;
};
constexpr std::array<Industry, 13> kIndustries = {{
    {"化工", "2614", "化工"},
    {"建材", "3021", "建材"},
    {"纺织", "1713", "纺织"},
    {"食品", "1391", "食品"},
    {"制药", "2710", "制药"},
    {"金属制品", "3360", "涉重金属"},
    {"塑料制品", "2929", "涉VOCs"},
    {"印刷", "2319", "涉VOCs"},
    {"汽车维修", "8111", "汽修"},
    {"生猪养殖", "0313", "畜禽养殖"},
    {"热力", "4430", "热力"},
    {"污水处理", "4620", "污水处理"},
    {"医院", "8411", "医疗"},
}};
constexpr std::array<int, 13> kIndustryWeights = {8, 10, 9, 9, 3, 10, 9, 6, 12, 8, 3, 3, 4};

constexpr std::array<const char*, 24> kNameSyllables = {"恒", "瑞", "鑫", "华", "泰", "盛", "博", "德",
                                                        "润", "丰", "嘉", "宏", "亿", "兴", "达", "源",
                                                        "诚", "信", "顺", "通", "益", "康", "安", "洁"};
constexpr std::array<const char*, 20> kSurnames = {"赵", "钱", "孙", "周", "吴", "郑", "冯",
                                                   "陈", "褚", "卫", "蒋", "沈", "韩", "杨",
                                                   "朱", "秦", "尤", "许", "何", "吕"};
constexpr std::array<const char*, 20> kGivenNames = {"明远", "晓峰", "立新", "志强", "海燕", "文静", "建国",
                                                     "春生", "秀梅", "国庆", "子涵", "雨桐", "振华", "佳琪",
                                                     "思远", "浩然", "丽娟", "向阳", "宏图", "凯文"};

constexpr char kUsccAlphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// A USCC for an enterprise (登记管理部门 9, 类别 1) registered in 新乐市 (130184), with a valid check
// character.
std::string MakeUscc(SampleRandom& random) {
  std::string code = "91130184";
  for (int i = 0; i < 9; ++i) code.push_back(kUsccAlphabet[random.Below(31)]);
  code.push_back(*UsccCheckCharacter(code));
  return code;
}

std::string PersonName(SampleRandom& random) {
  return absl::StrCat(random.Pick(kSurnames), random.Pick(kGivenNames));
}

void AddEntities(const SampleBureauOptions& options, SampleRandom& random, Bureau* bureau) {
  std::string previous_uscc;
  for (int64_t n = 1; n <= options.entities; ++n) {
    Entity e;
    e.id = absl::StrFormat("XL-%05d", n);
    e.uscc = MakeUscc(random);
    const Industry& industry = kIndustries[random.Weighted(kIndustryWeights)];
    e.name = absl::StrCat("新乐市", random.Pick(kNameSyllables), random.Pick(kNameSyllables), industry.word,
                          "有限公司");
    e.area = kAreas[random.Weighted(kAreaWeights)];
    e.industry = industry.code;
    e.tags.push_back(industry.tag);

    // 排污许可管理类别: key 8%, simplified 25%, registration 55%, none 8%, unknown 4%.
    static constexpr std::array<PermitClass, 5> kPermits = {PermitClass::kKey, PermitClass::kSimplified,
                                                            PermitClass::kRegistration, PermitClass::kNone,
                                                            PermitClass::kUnknown};
    e.permit_class = kPermits[random.Weighted(std::array<int, 5>{8, 25, 55, 8, 4})];
    e.key_unit = e.permit_class == PermitClass::kKey ? random.Chance(8000) : random.Chance(250);
    // The positive list (正面清单) holds well-run simplified/registration entities; a few key-permit
    // holders too, which the policy's conflict rule then classifies as general.
    bool may_be_positive = e.permit_class == PermitClass::kSimplified ||
                           e.permit_class == PermitClass::kRegistration ||
                           e.permit_class == PermitClass::kKey;
    e.positive_list = may_be_positive && random.Chance(e.permit_class == PermitClass::kKey ? 800 : 1200);

    static constexpr std::array<const char*, 4> kCredits = {"A", "B", "C", "D"};
    e.credit = random.Chance(200) ? "" : kCredits[random.Weighted(std::array<int, 4>{30, 50, 15, 5})];
    static constexpr std::array<const char*, 5> kEnvCredits = {"A", "B", "C", "D", "E"};
    if (random.Chance(6000))
      e.env_credit = kEnvCredits[random.Weighted(std::array<int, 5>{15, 55, 20, 7, 3})];

    // Special facts (特殊监管对象 conditions) for a few percent of entities.
    int penalties = random.Chance(450) ? 1 + static_cast<int>(random.Below(3)) : 0;
    e.penalties_last_year = penalties;
    if (penalties > 0) e.last_penalty_date = absl::CivilDay(2023, 1, 1) + static_cast<int>(random.Below(365));
    if (random.Chance(60))
      e.supervision_listed_date = absl::CivilDay(2023, 3, 1) + static_cast<int>(random.Below(300));
    e.verified_complaints = random.Chance(150) ? 3 + static_cast<int>(random.Below(4))
                                               : static_cast<int>(random.Below(3) == 0 ? 1 : 0);
    static constexpr std::array<EmergencyRisk, 4> kRisks = {EmergencyRisk::kUnknown, EmergencyRisk::kGeneral,
                                                            EmergencyRisk::kLarger, EmergencyRisk::kMajor};
    e.emergency_risk = kRisks[random.Weighted(std::array<int, 4>{860, 100, 30, 10})];
    static constexpr std::array<EntityStatus, 6> kStatuses = {
        EntityStatus::kActive,    EntityStatus::kSuspended,   EntityStatus::kClosed,
        EntityStatus::kRelocated, EntityStatus::kLongStopped, EntityStatus::kDeregistered};
    e.status = kStatuses[random.Weighted(std::array<int, 6>{930, 30, 20, 8, 7, 5})];

    if (random.Chance(1500)) e.tags.push_back("固废");
    if (random.Chance(900)) e.tags.push_back("危废");
    if (random.Chance(400)) e.tags.push_back("土壤");
    if (std::string(industry.tag) == "医疗" && random.Chance(5000)) e.tags.push_back("辐射");

    // Deliberate data-quality faults, at fixed rows so the demo's report is stable.
    if (n % 500 == 137) e.uscc.back() = e.uscc.back() == '0' ? '1' : '0';  // early pilot code: bad check char
    if (n == 742 && !previous_uscc.empty()) e.uscc = previous_uscc;        // a duplicate USCC
    previous_uscc = e.uscc;
    (void)bureau->entities.Add(e);  // ids are unique by construction
  }
  bureau->entities.ShrinkToFit();
}

void AddStaff(const SampleBureauOptions& options, SampleRandom& random, Bureau* bureau) {
  InspectorDirectory& staff = bureau->staff;
  const std::array<Unit, 6> units = {{{"brigade", "执法大队", "enforcement"},
                                      {"monitoring", "监控中心", "monitoring"},
                                      {"pollution", "污管科", "section"},
                                      {"soil", "土壤科", "section"},
                                      {"census", "普查办", "section"},
                                      {"permits", "排管中心", "section"}}};
  for (const Unit& unit : units) (void)staff.AddUnit(unit);
  const std::array<Department, 3> departments = {{{"samr", "新乐市市场监督管理局"},
                                                  {"emergency", "新乐市应急管理局"},
                                                  {"resources", "新乐市自然资源和规划局"}}};
  for (const Department& department : departments) (void)staff.AddDepartment(department);

  static constexpr std::array<const char*, 6> kSpecialties = {"固废", "危废", "大气", "水", "土壤", "辐射"};
  int serial = 0;
  auto add = [&](const std::string& unit, const std::string& department, const std::string& group, int load) {
    ++serial;
    Inspector inspector;
    inspector.id = absl::StrFormat("I-%03d", serial);
    inspector.name = PersonName(random);
    inspector.certificate_number = absl::StrFormat("1301840%05d", 20000 + serial * 7);
    inspector.certificate_valid_from = absl::CivilDay(2021, 1, 1) + static_cast<int>(random.Below(700));
    inspector.certificate_valid_until = absl::CivilDay(2026, 12, 31);
    inspector.unit = unit;
    inspector.department = department;
    inspector.area_group = group;
    inspector.specialties.push_back(kSpecialties[random.Below(4)]);
    if (random.Chance(3000)) inspector.specialties.push_back(kSpecialties[4 + random.Below(2)]);
    if (inspector.specialties[0] == inspector.specialties.back() && inspector.specialties.size() == 2) {
      inspector.specialties.pop_back();
    }
    inspector.max_load = load;
    (void)staff.Add(std::move(inspector));
  };
  const int per_group = options.inspectors_per_group;
  const int scale = static_cast<int>((options.entities + 1499) / 1500);
  for (const char* area : kAreas) {
    for (int i = 0; i < per_group * scale; ++i) add("brigade", "", area, 30);
  }
  for (int i = 0; i < 4 * scale; ++i) add("monitoring", "", "", 200);
  for (const char* unit : {"pollution", "soil", "census", "permits"}) {
    for (int i = 0; i < (std::string(unit) == "pollution" ? 3 : 2) * scale; ++i) add(unit, "", "", 10);
  }
  for (const Department& department : departments) {
    for (int i = 0; i < 2; ++i) add("", department.id, "", 5);
  }
  // Deliberate faults: one certificate expired during 2024, one new inspector still without a certificate.
  std::vector<Inspector> all = staff.inspectors();
  InspectorDirectory rebuilt;
  for (const Unit& unit : staff.units()) (void)rebuilt.AddUnit(unit);
  for (const Department& department : staff.departments()) (void)rebuilt.AddDepartment(department);
  for (Inspector& inspector : all) {
    if (inspector.id == "I-006") inspector.certificate_valid_until = absl::CivilDay(2024, 3, 31);
    if (inspector.id == "I-011") {
      inspector.certificate_number.clear();
      inspector.certificate_valid_from.reset();
      inspector.certificate_valid_until.reset();
    }
    (void)rebuilt.Add(std::move(inspector));
  }
  staff = std::move(rebuilt);
}

void AddItems(Bureau* bureau) {
  bureau->items = {
      {"EE-01", "排污许可证执行情况检查", "《排污许可管理条例》第三十一条", "brigade",
       InspectionMethod::kOnSite, "", "permit_class in [\"key\", \"simplified\", \"registration\"]"},
      {"EE-02", "大气污染防治监督检查", "《中华人民共和国大气污染防治法》第二十九条", "brigade",
       InspectionMethod::kOnSite, "大气",
       "\"涉VOCs\" in tags or \"化工\" in tags or \"建材\" in tags or \"热力\" in tags"},
      {"EE-03", "水污染防治监督检查", "《中华人民共和国水污染防治法》第三十条", "brigade",
       InspectionMethod::kOnSite, "", ""},
      {"EE-04", "固体废物污染环境防治检查", "《中华人民共和国固体废物污染环境防治法》第二十九条", "brigade",
       InspectionMethod::kOnSite, "固废", "\"固废\" in tags"},
      {"EE-05", "危险废物规范化环境管理检查", "《中华人民共和国固体废物污染环境防治法》第七十七条",
       "pollution", InspectionMethod::kOnSite, "危废", "\"危废\" in tags"},
      {"EE-06", "辐射安全许可执行情况检查", "《放射性同位素与射线装置安全和防护条例》第四十二条", "brigade",
       InspectionMethod::kOnSite, "辐射", "\"辐射\" in tags"},
      {"EE-07", "土壤污染重点监管单位检查", "《中华人民共和国土壤污染防治法》第二十一条", "soil",
       InspectionMethod::kOnSite, "土壤", "\"土壤\" in tags"},
      {"EE-08", "自动监控数据非现场核查", "《生态环境监督执法正面清单管理办法》", "monitoring",
       InspectionMethod::kOffSite, "", "positive_list"},
      {"EE-09", "排污单位自行监测情况检查", "《排污许可管理条例》第十九条", "permits",
       InspectionMethod::kEither, "", "permit_class == \"key\" or key_unit"},
  };
}

// Twelve conflicts per 1,500 entities (the sample's own twelve at its default size), so a province-sized
// directory has a province's share of 回避 declarations rather than a county's.
void AddConflicts(const SampleBureauOptions& options, SampleRandom& random, Bureau* bureau) {
  const auto& inspectors = bureau->staff.inspectors();
  static constexpr std::array<const char*, 4> kReasons = {"近亲属在该单位任职", "曾在该单位任职未满三年",
                                                          "与该单位存在直接利害关系", "本人申请回避"};
  const int64_t count = 12 * ((options.entities + 1499) / 1500);
  for (int64_t i = 0; i < count; ++i) {
    const Inspector& inspector = inspectors[random.Below(inspectors.size())];
    std::string entity = std::string(bureau->entities.id(random.Below(bureau->entities.size())));
    bureau->conflicts.push_back({inspector.id, entity, kReasons[random.Below(kReasons.size())]});
  }
  // Two pairs of the sample's staff; a smaller generated staff keeps only the pairs it has (a pair naming an
  // inspector who does not exist would make the bureau fail its own check).
  for (PairExclusion pair :
       {PairExclusion{"I-002", "I-003", "夫妻关系"}, PairExclusion{"I-015", "I-029", "直系亲属"}}) {
    if (bureau->staff.Find(pair.inspector_a).has_value() &&
        bureau->staff.Find(pair.inspector_b).has_value()) {
      bureau->pair_exclusions.push_back(std::move(pair));
    }
  }
}

}  // namespace

Bureau GenerateBureau(const SampleBureauOptions& options) {
  SampleRandom random(options.seed);
  Bureau bureau;
  bureau.name = "石家庄市生态环境局新乐市分局（示例）";
  AddEntities(options, random, &bureau);
  AddStaff(options, random, &bureau);
  AddItems(&bureau);
  AddConflicts(options, random, &bureau);
  return bureau;
}

Bureau SampleBureau() { return GenerateBureau(SampleBureauOptions()); }

}  // namespace ssr
