#include "ssrandom/plan.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "draw/plan_digest.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "ssrandom/digest.h"

namespace ssr {
namespace {

Plan MakePlan() {
  Plan plan;
  plan.bureau = "新乐";
  plan.period = "2024Q1";
  plan.seed = "314159";
  plan.seed_source = "dice";
  plan.policy_name = "hebei-xinle-2024";
  plan.policy_digest = std::string(64, 'a');
  plan.directory_digest = std::string(64, 'b');
  Task task;
  task.id = "2024Q1/XL-00001";
  task.entity_id = "XL-00001";
  task.entity_name = "新乐市恒瑞化工有限公司";
  task.area = "杜固";
  task.supervision_class = SupervisionClass::kKey;
  task.pool = Pool::kKey;
  task.credit_class = "B";
  task.stratum = "key/B";
  task.ticket = "0.123";
  task.items = {"EE-01", "EE-04"};
  task.credit_based = true;
  task.team = {"I-001", "I-002"};
  task.joint = JointType::kInternal;
  plan.tasks.push_back(task);
  task.id = "2024Q1/XL-00002";
  task.entity_id = "XL-00002";
  task.pool = Pool::kPositive;
  task.supervision_class = SupervisionClass::kGeneral;
  task.method = InspectionMethod::kOffSite;
  task.team = {};
  task.joint = JointType::kNone;
  plan.tasks.push_back(task);
  return plan;
}

TEST(PlanTest, JsonRoundTripsExactly) {
  Plan plan = MakePlan();
  absl::StatusOr<Plan> back = Plan::FromJson(plan.ToJson(), "plan.json");
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, plan);
  EXPECT_EQ(back->Digest(), plan.Digest());
}

// plan.json as the nlohmann tree of the plan dumped with indent 2: what Plan::ToJson wrote before it was
// streamed (io/json_writer.h), and must still write byte for byte.
std::string TreeJson(const Plan& plan) {
  nlohmann::ordered_json tasks = nlohmann::ordered_json::array();
  for (const Task& t : plan.tasks) {
    tasks.push_back({{"id", t.id},
                     {"entity_id", t.entity_id},
                     {"entity_name", t.entity_name},
                     {"uscc", t.uscc},
                     {"area", t.area},
                     {"class", SupervisionClassName(t.supervision_class)},
                     {"pool", PoolName(t.pool)},
                     {"credit_class", t.credit_class},
                     {"stratum", t.stratum},
                     {"ticket", t.ticket},
                     {"method", InspectionMethodName(t.method)},
                     {"items", t.items},
                     {"credit_based", t.credit_based},
                     {"team", t.team},
                     {"joint", JointTypeName(t.joint)},
                     {"partner_department", t.partner_department}});
  }
  nlohmann::ordered_json json = {{"format", "ssrandom-plan"},
                                 {"format_version", 1},
                                 {"bureau", plan.bureau},
                                 {"period", plan.period},
                                 {"seed", plan.seed},
                                 {"seed_source", plan.seed_source},
                                 {"policy_name", plan.policy_name},
                                 {"policy_digest", plan.policy_digest},
                                 {"directory_digest", plan.directory_digest},
                                 {"tasks", tasks}};
  return json.dump(2) + "\n";
}

TEST(PlanTest, JsonIsTheTreeDumpedWithIndentTwo) {
  Plan plan = MakePlan();
  EXPECT_EQ(plan.ToJson(), TreeJson(plan));
  // Escapes, control characters, DEL, four-byte UTF-8, empty lists and empty strings.
  plan.seed_source = "dice \"d6\" \\ roll\n\t\x01\x1f\x7f 😀";
  plan.tasks[0].items.clear();
  plan.tasks[0].team = {"", "I-\"3\""};
  plan.tasks[1].entity_name = "\r\b\f";
  EXPECT_EQ(plan.ToJson(), TreeJson(plan));
  plan.tasks.clear();  // "tasks": []
  EXPECT_EQ(plan.ToJson(), TreeJson(plan));
  EXPECT_EQ(Plan().ToJson(), TreeJson(Plan()));
  // Text that is not UTF-8 fails as the tree's dump does.
  plan.bureau = "\xB9\xAB";
  EXPECT_THROW(plan.ToJson(), nlohmann::json::type_error);
}

TEST(PlanTest, DigestChangesWithAnyTaskField) {
  Plan plan = MakePlan();
  Plan changed = plan;
  changed.tasks[1].team = {"I-009"};
  EXPECT_NE(changed.Digest(), plan.Digest());
  EXPECT_EQ(plan.Digest().size(), 64u);
}

// The digest is defined over one text (docs/draw.md): "ssrandom-plan-v1\n", the header fields as a CSV row,
// then plan.csv. It is computed by streaming rows into the hasher in 64 KiB pieces; check it against the
// text built whole, on a plan long enough to span many pieces and with fields that need quoting.
TEST(PlanTest, DigestIsTheSha256OfTheCanonicalTextBuiltWhole) {
  Plan plan = MakePlan();
  plan.seed_source = "dice, \"witnessed\"";
  const Task base = plan.tasks[0];
  for (int i = 0; i < 3000; ++i) {
    Task task = base;
    task.id = absl::StrCat("2024Q1/XL-", 10000 + i);
    task.entity_name = i % 7 == 0 ? absl::StrCat("名称, \"带引号\" ", i) : absl::StrCat("名称", i);
    task.team = i % 3 == 0 ? std::vector<std::string>{}
                           : std::vector<std::string>{"I-001", "I-0" + std::to_string(i % 50)};
    task.joint = i % 5 == 0 ? JointType::kDepartment : JointType::kNone;
    task.partner_department = i % 5 == 0 ? "samr" : "";
    plan.tasks.push_back(task);
  }
  std::string canonical = "ssrandom-plan-v1\n";
  canonical += absl::StrCat(plan.bureau, ",", plan.period, ",", plan.seed, ",\"dice, \"\"witnessed\"\"\",",
                            plan.policy_name, ",", plan.policy_digest, ",", plan.directory_digest, "\n");
  const std::string csv = plan.ToCsv();
  ASSERT_GT(csv.size(), size_t{4} << 16);
  EXPECT_EQ(plan.Digest(), Sha256Hex(canonical + csv));

  // The digest with the teams left out is the digest of a copy whose teams were cleared.
  Plan cleared = plan;
  for (Task& task : cleared.tasks) {
    task.team.clear();
    task.joint = JointType::kNone;
    task.partner_department.clear();
  }
  EXPECT_EQ(internal::PlanDigestWithoutTeams(plan), cleared.Digest());
  EXPECT_NE(internal::PlanDigestWithoutTeams(plan), plan.Digest());
}

TEST(PlanTest, CsvHasOneRowPerTaskWithListsJoined) {
  std::string csv = MakePlan().ToCsv();
  EXPECT_TRUE(absl::StartsWith(csv, "task_id,entity_id,entity_name,"));
  EXPECT_TRUE(absl::StrContains(csv, "EE-01;EE-04"));
  EXPECT_TRUE(absl::StrContains(csv, "I-001;I-002,internal"));
  EXPECT_TRUE(absl::StrContains(csv, "off_site"));
}

TEST(PlanTest, MalformedPlanNamesTheTaskAndField) {
  std::string json = MakePlan().ToJson();
  std::string broken = json;
  broken.replace(broken.find("\"key/B\""), 7, "17");
  absl::StatusOr<Plan> back = Plan::FromJson(broken, "plan.json");
  ASSERT_FALSE(back.ok());
  EXPECT_TRUE(absl::StrContains(back.status().message(), "tasks[0].stratum")) << back.status();
  std::string bad_pool = json;
  bad_pool.replace(bad_pool.find("\"positive\""), 10, "\"favoured\"");
  back = Plan::FromJson(bad_pool, "plan.json");
  ASSERT_FALSE(back.ok());
  EXPECT_TRUE(absl::StrContains(back.status().message(), "tasks[1].pool")) << back.status();
  EXPECT_FALSE(Plan::FromJson("[1]", "plan.json").ok());
  EXPECT_FALSE(Plan::FromJson("{\"format\": \"ssrandom-record\"}", "plan.json").ok());
}

TEST(PlanTest, FindEntityLocatesTasks) {
  Plan plan = MakePlan();
  ASSERT_NE(plan.FindEntity("XL-00002"), nullptr);
  EXPECT_EQ(plan.FindEntity("XL-00002")->method, InspectionMethod::kOffSite);
  EXPECT_EQ(plan.FindEntity("XL-9"), nullptr);
}

}  // namespace
}  // namespace ssr
