#include "ssrandom/policy.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "ssrandom/digest.h"

namespace ssr {
namespace {

#define EXPECT_HAS(text, part) EXPECT_NE(std::string(text).find(part), std::string::npos) << (text)

using Json = nlohmann::json;

// A small valid policy; tests change one thing at a time.
Json Base() {
  return Json::parse(R"({
    "format": "ssrandom-policy/1",
    "name": "test",
    "classes": {
      "special": {"conditions": [{"name": "penalty", "when": "penalties_last_year >= 1"}]},
      "key": {"conditions": ["permit_class == \"key\"", "key_unit"]},
      "general": {"conditions": ["permit_class in [\"simplified\", \"registration\"]", "positive_list"]}
    },
    "credit": {"classes": ["A", "B", "C", "D"]},
    "quotas": {
      "special": {"minimum": "50%"},
      "key": {"minimum": "25%", "credit_ratios": {"A": "25%", "B": "25%", "C": "30%", "D": "40%"}},
      "positive": {"minimum": "100%", "method": "off_site"},
      "general": {"minimum": "3%"}
    }
  })");
}

std::vector<PolicyProblem> Problems(const Json& doc) { return Policy::Check(doc.dump(2), "test.json"); }

// The single problem of `doc` (fails the test when there is not exactly one).
PolicyProblem OnlyProblem(const Json& doc) {
  std::vector<PolicyProblem> problems = Problems(doc);
  EXPECT_EQ(problems.size(), 1u);
  if (problems.size() != 1) {
    for (const PolicyProblem& p : problems) ADD_FAILURE() << "  " << p.ToString();
  }
  return problems.empty() ? PolicyProblem() : problems.front();
}

std::string ReadSourceFile(const std::string& relative) {
  std::ifstream in(std::string(SSR_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

TEST(PolicyTest, ValidPolicyLoadsWithItsValuesAndDefaults) {
  absl::StatusOr<Policy> policy = Policy::FromJson(Base().dump(), "test.json");
  ASSERT_TRUE(policy.ok()) << policy.status();
  EXPECT_EQ(policy->name(), "test");
  EXPECT_EQ(policy->class_rules(SupervisionClass::kSpecial).size(), 1u);
  EXPECT_EQ(policy->class_rules(SupervisionClass::kSpecial)[0].name, "penalty");
  EXPECT_EQ(policy->class_rules(SupervisionClass::kKey)[1].name, "#2");
  EXPECT_EQ(policy->class_rules(SupervisionClass::kKey)[1].when, "key_unit");
  EXPECT_EQ(policy->precedence(),
            (std::vector<SupervisionClass>{SupervisionClass::kSpecial, SupervisionClass::kGeneral,
                                           SupervisionClass::kKey}));
  EXPECT_EQ(policy->unmatched_class(), SupervisionClass::kGeneral);
  EXPECT_TRUE(policy->excludes_status(EntityStatus::kClosed));
  EXPECT_TRUE(policy->excludes_status(EntityStatus::kDeregistered));
  EXPECT_FALSE(policy->excludes_status(EntityStatus::kSuspended));
  EXPECT_FALSE(policy->excludes_status(EntityStatus::kUnknown));
  ASSERT_EQ(policy->pool_quotas().size(), 4u);
  EXPECT_EQ(policy->pool_quota(Pool::kKey).minimum, *Ratio::Parse("25%"));
  EXPECT_EQ(policy->pool_quota(Pool::kPositive).method, InspectionMethod::kOffSite);
  EXPECT_EQ(policy->pool_quota(Pool::kGeneral).method, InspectionMethod::kOnSite);
  EXPECT_TRUE(policy->uses_credit_table(Pool::kKey));
  EXPECT_FALSE(policy->uses_credit_table(Pool::kSpecial));
  EXPECT_EQ(policy->CreditRatio(Pool::kKey, 3), *Ratio::Parse("40%"));
  EXPECT_EQ(policy->CreditRatio(Pool::kSpecial, 3), std::nullopt);
  EXPECT_EQ(policy->CreditRatio(Pool::kKey, 4), std::nullopt);
  EXPECT_EQ(policy->unknown_credit_index(), 3);  // the highest-risk class
  EXPECT_EQ(policy->CreditIndexOf("B"), 1);
  EXPECT_EQ(policy->CreditIndexOf("b"), 1);
  EXPECT_EQ(policy->CreditIndexOf("E"), -1);
  EXPECT_EQ(policy->yearly_cap(), 2);
  EXPECT_TRUE(policy->rotation_within_year());
  EXPECT_TRUE(policy->take_whole_pool_when_short());
  EXPECT_EQ(policy->team().min_size, 2);
  EXPECT_EQ(policy->deadlines().result_entry_working_days, 7);
  EXPECT_EQ(policy->deadlines().publication_working_days, 20);
  EXPECT_TRUE(policy->joint().internal_joint_share.is_zero());
}

TEST(PolicyTest, HebeiXinlePresetEncodesTheSourcePlan) {
  absl::StatusOr<Policy> policy = Policy::Preset("hebei-xinle-2024");
  ASSERT_TRUE(policy.ok()) << policy.status();
  EXPECT_EQ(policy->name(), "hebei-xinle-2024");
  EXPECT_EQ(policy->source_name(), "preset:hebei-xinle-2024");
  EXPECT_EQ(policy->pool_quota(Pool::kSpecial).minimum, Ratio::Percent(50));
  EXPECT_EQ(policy->pool_quota(Pool::kKey).minimum, Ratio::Percent(25));
  EXPECT_EQ(policy->pool_quota(Pool::kPositive).minimum, Ratio::Percent(100));
  EXPECT_EQ(policy->pool_quota(Pool::kPositive).method, InspectionMethod::kOffSite);
  EXPECT_EQ(policy->pool_quota(Pool::kGeneral).minimum, Ratio::Percent(3));
  EXPECT_EQ(policy->pool_quota(Pool::kGeneral).method, InspectionMethod::kOnSite);
  EXPECT_EQ(policy->credit_based_share(), Ratio::Percent(80));
  EXPECT_EQ(policy->joint().internal_joint_share, Ratio::Percent(30));
  EXPECT_EQ(policy->joint().dept_joint_per_quarter, 1);
  EXPECT_EQ(policy->team().min_size, 2);
  EXPECT_EQ(policy->team().offsite_units, std::vector<std::string>{"monitoring"});
  EXPECT_EQ(policy->deadlines().summary_days_before, 2);
  EXPECT_EQ(policy->deadlines().statistics_days_after, 2);
  EXPECT_EQ(policy->yearly_cap(), 2);
  EXPECT_EQ(policy->credit_classes(), (std::vector<std::string>{"A", "B", "C", "D"}));
  EXPECT_EQ(policy->CreditIndexOf("高风险"), 3);
  // Every pool but the positive list is credit-based; each cell ≥ the pool minimum, rising with risk.
  for (Pool pool : {Pool::kSpecial, Pool::kKey, Pool::kGeneral}) {
    ASSERT_TRUE(policy->uses_credit_table(pool)) << PoolName(pool);
    for (int k = 0; k < 4; ++k) {
      EXPECT_GE(*policy->CreditRatio(pool, k), policy->pool_quota(pool).minimum);
      if (k > 0) {
        EXPECT_GE(*policy->CreditRatio(pool, k), *policy->CreditRatio(pool, k - 1));
      }
    }
  }
  EXPECT_FALSE(policy->uses_credit_table(Pool::kPositive));
  EXPECT_EQ(*policy->CreditRatio(Pool::kGeneral, 1), Ratio::Percent(20));  // Hejian 2022: B 20%
  // Sources cite the plan's lines.
  EXPECT_HAS(policy->pool_quota(Pool::kKey).source, "line 29");
  EXPECT_HAS(policy->pool_quota(Pool::kKey).source, "25%的重点监管对象");
  EXPECT_EQ(policy->class_rules(SupervisionClass::kSpecial).size(), 5u);
}

TEST(PolicyTest, TeamRulesFromPolicyCarriesTheTeamAndJointSections) {
  absl::StatusOr<Policy> policy = Policy::Preset("hebei-xinle-2024");
  ASSERT_TRUE(policy.ok()) << policy.status();
  const TeamRules rules = TeamRulesFromPolicy(*policy);
  EXPECT_TRUE(ValidateTeamRules(rules).ok());
  EXPECT_EQ(rules.min_team_size, policy->team().min_size);
  EXPECT_EQ(rules.rotation_window_periods, 1);
  EXPECT_EQ(rules.own_area, OwnAreaRule::kFree);
  EXPECT_EQ(rules.offsite_units, std::vector<std::string>{"monitoring"});
  EXPECT_TRUE(rules.skills_by_item);
  // 30% of the year's inspections, reduced.
  EXPECT_EQ(rules.internal_joint_share_numerator, 3);
  EXPECT_EQ(rules.internal_joint_share_denominator, 10);
  EXPECT_EQ(rules.department_joints_per_quarter, 1);
  // The preset's default_max_load is 0: the team draw's own default stays.
  EXPECT_EQ(rules.default_max_load, TeamRules().default_max_load);

  // A policy without a team section keeps the team draw's defaults where it sets nothing.
  absl::StatusOr<Policy> city = Policy::Preset("city-level");
  ASSERT_TRUE(city.ok()) << city.status();
  EXPECT_EQ(TeamRulesFromPolicy(*city).offsite_units, TeamRules().offsite_units);
}

TEST(PolicyTest, CityLevelPresetHoldsTheReferenceValues) {
  absl::StatusOr<Policy> policy = Policy::Preset("city-level");
  ASSERT_TRUE(policy.ok()) << policy.status();
  EXPECT_EQ(policy->pool_quota(Pool::kKey).minimum, Ratio::Percent(5));
  EXPECT_EQ(policy->pool_quota(Pool::kSpecial).minimum, Ratio::Percent(25));
  EXPECT_TRUE(policy->credit_classes().empty());
  for (Pool pool : {Pool::kSpecial, Pool::kKey, Pool::kPositive, Pool::kGeneral}) {
    EXPECT_FALSE(policy->uses_credit_table(pool));
  }
  EXPECT_EQ(policy->unknown_credit_index(), -1);
}

TEST(PolicyTest, PresetsShipInsideTheLibraryAsTheirFiles) {
  std::vector<std::string> names = Policy::PresetNames();
  EXPECT_EQ(names, (std::vector<std::string>{"city-level", "hebei-xinle-2024"}));
  for (const std::string& name : names) {
    absl::StatusOr<std::string> text = Policy::PresetJson(name);
    ASSERT_TRUE(text.ok());
    EXPECT_EQ(*text, ReadSourceFile("data/presets/" + name + ".json")) << name;
    EXPECT_EQ(Json::parse(*text)["name"], name) << "a preset's name is its file name";
  }
  absl::StatusOr<Policy> missing = Policy::Preset("hebei");
  EXPECT_TRUE(absl::IsNotFound(missing.status()));
  EXPECT_HAS(missing.status().message(), "city-level, hebei-xinle-2024");
}

TEST(PolicyTest, LoadTakesAPresetNameOrAFile) {
  EXPECT_EQ(Policy::Load("city-level")->name(), "city-level");
  absl::StatusOr<Policy> file = Policy::Load(std::string(SSR_SOURCE_DIR) + "/data/presets/city-level.json");
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ(file->Digest(), Policy::Preset("city-level")->Digest());
  absl::StatusOr<Policy> neither = Policy::Load("no-such-policy.json");
  EXPECT_TRUE(absl::IsNotFound(neither.status()));
  EXPECT_HAS(neither.status().message(), "neither a preset policy nor a file");
}

TEST(PolicyTest, CanonicalFormIgnoresLayoutButNotValues) {
  const Json doc = Base();
  Policy compact = *Policy::FromJson(doc.dump(), "a.json");
  Policy pretty = *Policy::FromJson(doc.dump(8), "b.json");
  EXPECT_EQ(compact.CanonicalJson(), pretty.CanonicalJson());
  EXPECT_EQ(compact.Digest(), pretty.Digest());
  EXPECT_EQ(compact.Digest(), Sha256Hex(compact.CanonicalJson()));
  EXPECT_EQ(compact.Digest().size(), 64u);
  // Sorted keys, no whitespace, UTF-8 as is.
  EXPECT_EQ(compact.CanonicalJson().rfind("{\"classes\":{\"general\":", 0), 0u) << compact.CanonicalJson();
  EXPECT_EQ(compact.CanonicalJson().find(": "), std::string::npos);
  Json commented = doc;
  commented["comment"] = "备注";
  Policy changed = *Policy::FromJson(commented.dump(), "c.json");
  EXPECT_NE(changed.Digest(), compact.Digest());
  EXPECT_HAS(changed.CanonicalJson(), "\"comment\":\"备注\"");
  // The canonical form loads back to itself.
  EXPECT_EQ(Policy::FromJson(changed.CanonicalJson(), "d.json")->CanonicalJson(), changed.CanonicalJson());
}

TEST(PolicyTest, JsonSyntaxErrorsGiveLineAndColumn) {
  std::vector<PolicyProblem> problems =
      Policy::Check("{\n  \"format\": \"ssrandom-policy/1\",\n  \"name\" \"x\"\n}", "p.json");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].line, 3);
  EXPECT_EQ(problems[0].column, 12);  // where the parser stopped: the end of the unexpected "x"
  EXPECT_HAS(problems[0].ToString(), "p.json:3:12: the file is not valid JSON");
  EXPECT_HAS(problems[0].message, "expected ':'");
  // The parser's echo of the raw input is dropped: it can end inside a UTF-8 character.
  problems = Policy::Check("{\"name\": \"新乐\"x}", "p.json");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].message.find("last read"), std::string::npos) << problems[0].message;
}

TEST(PolicyTest, ConditionErrorsPointIntoTheFile) {
  Json doc = Base();
  doc["classes"]["special"]["conditions"][0]["when"] = "penalties >= 1";
  const std::string text = doc.dump(2);
  std::vector<PolicyProblem> problems = Policy::Check(text, "p.json");
  ASSERT_EQ(problems.size(), 1u);
  const PolicyProblem& p = problems[0];
  EXPECT_EQ(p.path, "classes.special.conditions[0].when");
  EXPECT_HAS(p.message, "class special condition \"penalty\": unknown attribute 'penalties'");
  EXPECT_HAS(p.message, "did you mean penalties_last_year?");
  // The line and column are those of the attribute inside the JSON string.
  size_t line_start = 0;
  for (int line = 1; line < p.line; ++line) line_start = text.find('\n', line_start) + 1;
  EXPECT_EQ(text.substr(line_start + static_cast<size_t>(p.column) - 1, 9), "penalties");

  // A multi-line condition reports the line (array element) holding the error.
  doc["classes"]["special"]["conditions"][0]["when"] =
      Json::array({"penalties_last_year >= 1 or", "  credit >= \"C\""});
  problems = Policy::Check(doc.dump(2), "p.json");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].path, "classes.special.conditions[0].when[1]");
  EXPECT_HAS(problems[0].message, "credit in [\"C\", \"D\"]");
}

TEST(PolicyTest, UnknownAttributesClassesAndKeysAreNamedWithTheFix) {
  Json doc = Base();
  doc["classes"]["critical"] = {{"conditions", {"key_unit"}}};
  PolicyProblem p = OnlyProblem(doc);
  EXPECT_EQ(p.path, "classes.critical");
  EXPECT_HAS(p.message, "unknown class \"critical\"; the classes are special, key, general");

  doc = Base();
  doc["quotas"]["special"]["minimun"] = "50%";
  p = OnlyProblem(doc);
  EXPECT_HAS(p.message, "unknown key \"minimun\" (did you mean \"minimum\"?)");

  doc = Base();
  doc["quotas"]["key"]["credit_ratios"]["E"] = "50%";
  p = OnlyProblem(doc);
  EXPECT_HAS(p.message, "unknown credit class \"E\"; the credit classes are A, B, C, D");

  doc = Base();
  doc["classes"]["key"]["conditions"][0] = "permit_class == \"keyy\"";
  p = OnlyProblem(doc);
  EXPECT_HAS(p.message, "unknown permit_class value \"keyy\"");
}

TEST(PolicyTest, MissingClassesAndQuotasAreRejected) {
  Json doc = Base();
  doc["classes"].erase("key");
  PolicyProblem p = OnlyProblem(doc);
  EXPECT_EQ(p.path, "classes");
  EXPECT_HAS(p.message, "missing \"key\": add the key class (重点监管对象)");

  doc = Base();
  doc["classes"]["general"]["conditions"] = Json::array();
  p = OnlyProblem(doc);
  EXPECT_HAS(p.message, "class general has no conditions; add at least one");

  doc = Base();
  doc["quotas"].erase("positive");
  p = OnlyProblem(doc);
  EXPECT_HAS(p.message, "missing \"positive\"");

  doc = Base();
  doc.erase("classes");
  doc.erase("format");
  std::vector<PolicyProblem> problems = Problems(doc);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_HAS(problems[0].message + problems[1].message, "missing \"classes\"");
  EXPECT_HAS(problems[0].message + problems[1].message, "missing \"format\"");
}

TEST(PolicyTest, RatiosAboveAHundredPercentOrNotStringsAreRejected) {
  Json doc = Base();
  doc["quotas"]["special"]["minimum"] = "150%";
  PolicyProblem p = OnlyProblem(doc);
  EXPECT_EQ(p.path, "quotas.special.minimum");
  EXPECT_HAS(p.message, "150%, above 100%");

  doc = Base();
  doc["quotas"]["general"]["minimum"] = 0.03;
  EXPECT_HAS(OnlyProblem(doc).message, "write \"0.03\"");
  doc["quotas"]["general"]["minimum"] = 3;
  EXPECT_HAS(OnlyProblem(doc).message, "write \"3%\"");
  doc["quotas"]["general"]["minimum"] = "3 percent";
  EXPECT_HAS(OnlyProblem(doc).message, "is not a ratio");
  doc["quotas"]["general"]["minimum"] = {{"value", "3%"}, {"source", "plan"}};
  EXPECT_TRUE(Problems(doc).empty());
}

TEST(PolicyTest, CreditTableCellsMustReachTheMinimumAndRiseWithRisk) {
  Json doc = Base();
  doc["quotas"]["key"]["credit_ratios"]["A"] = "5%";
  PolicyProblem p = OnlyProblem(doc);
  EXPECT_EQ(p.path, "quotas.key.credit_ratios.A");
  EXPECT_HAS(p.message, "credit class A is 5%, below the pool minimum 25%");
  EXPECT_HAS(p.message, "raise it to 25% or more");

  doc = Base();
  doc["quotas"]["key"]["credit_ratios"]["D"] = "26%";
  p = OnlyProblem(doc);
  EXPECT_EQ(p.path, "quotas.key.credit_ratios.D");
  EXPECT_HAS(p.message, "below that of the lower-risk class C (30%)");

  doc = Base();
  doc["quotas"]["key"]["credit_ratios"].erase("C");
  p = OnlyProblem(doc);
  EXPECT_HAS(p.message, "credit class C has no ratio; every class needs one (no class is exempt");

  doc = Base();
  doc["quotas"]["key"]["credit_ratios"]["B"] = "101%";
  EXPECT_HAS(OnlyProblem(doc).message, "above 100%");

  doc = Base();
  doc.erase("credit");
  EXPECT_HAS(OnlyProblem(doc).message, "a credit ratio table needs the credit scheme");
}

TEST(PolicyTest, CreditSchemeRulesAreChecked) {
  Json doc = Base();
  doc["credit"]["classes"] = {"A", "B", "A"};
  doc["quotas"]["key"].erase("credit_ratios");
  EXPECT_HAS(OnlyProblem(doc).message, "\"A\" names two credit classes");

  doc = Base();
  doc["credit"]["unknown"] = "Z";
  EXPECT_HAS(OnlyProblem(doc).message, "one of A, B, C, D");

  doc = Base();
  doc["credit"]["unknown"] = {{"value", "B"}, {"comment", "unknown counts as ordinary risk"}};
  absl::StatusOr<Policy> policy = Policy::FromJson(doc.dump(), "p.json");
  ASSERT_TRUE(policy.ok()) << policy.status();
  EXPECT_EQ(policy->unknown_credit_index(), 1);

  doc = Base();
  doc["quotas"]["credit_based_share"] = "80%";
  doc["quotas"]["key"].erase("credit_ratios");
  EXPECT_HAS(OnlyProblem(doc).message, "no pool has credit_ratios");
}

TEST(PolicyTest, OtherSettingsAreValidated) {
  struct Case {
    std::vector<std::string> path;
    Json value;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {{"quotas", "yearly_cap"}, 0, "at least 1"},
      {{"quotas", "rounding"}, "half_even", "one of \"ceil\""},
      {{"quotas", "rotation_within_year"}, "yes", "as true or false"},
      {{"team", "min_size"}, 1, "行政处罚法 第四十二条"},
      {{"team", "own_area_rule"}, "sometimes", "\"free\", \"required\", \"forbidden\""},
      {{"deadlines", "publication_working_days"}, 0, "at least 1"},
      {{"joint", "internal_joint_share"}, "130%", "above 100%"},
      {{"pool", "excluded_statuses"}, Json::array({"closed", "gone"}), "unknown status (经营状态) 'gone'"},
      {{"precedence"}, Json::array({"special", "special", "key"}), "each once"},
      {{"unmatched"}, "nobody", "\"general\", \"key\", \"special\", \"excluded\""},
      {{"format"}, "ssrandom-policy/2", "unsupported format"},
      {{"name"}, "", "the name is empty"},
  };
  for (const Case& c : cases) {
    Json doc = Base();
    Json* at = &doc;
    for (const std::string& key : c.path) at = &(*at)[key];
    *at = c.value;
    std::vector<PolicyProblem> problems = Problems(doc);
    ASSERT_EQ(problems.size(), 1u) << c.expected;
    EXPECT_HAS(problems[0].message, c.expected);
  }
}

TEST(PolicyTest, DuplicateKeysAndEveryProblemAreReportedInDocumentOrder) {
  const std::string text = R"({
  "format": "ssrandom-policy/1",
  "name": "x",
  "name": "y",
  "classes": {
    "special": {"conditions": ["penalties_last_year >="]},
    "key": {"conditions": ["key_unit"]}
  },
  "quotas": {"special": {"minimum": "60%"}, "key": {"minimum": "2"}, "positive": {"minimum": "1"},
             "general": {"minimum": "3%"}}
})";
  std::vector<PolicyProblem> problems = Policy::Check(text, "p.json");
  ASSERT_EQ(problems.size(), 4u);
  EXPECT_EQ(problems[0].line, 4);
  EXPECT_HAS(problems[0].message, "appears twice");
  EXPECT_EQ(problems[1].line, 5);
  EXPECT_HAS(problems[1].message, "missing \"general\"");
  EXPECT_EQ(problems[2].line, 6);
  EXPECT_HAS(problems[2].message, "expected a whole number");
  EXPECT_EQ(problems[3].line, 9);
  EXPECT_HAS(problems[3].message, "above 100%");
  absl::StatusOr<Policy> policy = Policy::FromJson(text, "p.json");
  EXPECT_TRUE(absl::IsInvalidArgument(policy.status()));
  EXPECT_HAS(policy.status().message(), "p.json: the policy has 4 problems:\np.json:4:3: name:");
}

TEST(PolicyTest, ItemConditionsCompileOrNameTheItem) {
  Item item;
  item.id = "EE-04";
  item.applies_to = "";
  absl::StatusOr<Condition> all = Policy::ItemCondition(item);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->text(), "true");
  item.applies_to = "\"固废\" in tags";
  EXPECT_TRUE(Policy::ItemCondition(item).ok());
  item.applies_to = "\"固废\" in tag";
  absl::StatusOr<Condition> bad = Policy::ItemCondition(item);
  EXPECT_HAS(bad.status().message(), "item EE-04 applies_to: line 1, column 9");
}

TEST(PolicyTest, NamesAndLabelsAreStable) {
  EXPECT_EQ(SupervisionClassName(SupervisionClass::kSpecial), "special");
  EXPECT_EQ(SupervisionClassLabel(SupervisionClass::kKey), "重点监管对象");
  EXPECT_EQ(SupervisionClassName(SupervisionClass::kExcluded), "excluded");
  EXPECT_EQ(PoolName(Pool::kPositive), "positive");
  EXPECT_EQ(PoolRuleId(Pool::kGeneral), "Q-GENERAL");
  EXPECT_EQ(PoolRuleId(Pool::kExcluded), "");
  EXPECT_EQ(ClassOfPool(Pool::kPositive), SupervisionClass::kGeneral);
  EXPECT_EQ(OwnAreaRuleName(OwnAreaRule::kForbidden), "forbidden");
}

}  // namespace
}  // namespace ssr
