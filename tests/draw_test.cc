#include "ssrandom/draw.h"

#include <algorithm>
#include <set>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "ssrandom/check.h"
#include "ssrandom/classify.h"
#include "ssrandom/condition.h"
#include "ssrandom/digest.h"
#include "ssrandom/sample_bureau.h"
#include "ssrandom/sampler.h"

namespace ssr {
namespace {

const Bureau& Sample() {
  static const Bureau* bureau = new Bureau(SampleBureau());
  return *bureau;
}

Policy Preset() { return *Policy::Preset("hebei-xinle-2024"); }

// The preset with its JSON changed by `edit`.
Policy EditedPreset(const std::function<void(nlohmann::json&)>& edit) {
  nlohmann::json json = nlohmann::json::parse(*Policy::PresetJson("hebei-xinle-2024"));
  edit(json);
  absl::StatusOr<Policy> policy = Policy::FromJson(json.dump(), "edited.json");
  EXPECT_TRUE(policy.ok()) << policy.status();
  return *policy;
}

DrawRequest Request(std::string seed = "福利彩票 2024-01-05 3D 317") {
  DrawRequest request;
  request.seed = std::move(seed);
  request.seed_source = "test";
  return request;
}

DrawResult MustDraw(const Bureau& bureau, const Policy& policy, const std::string& period,
                    const DrawRequest& request) {
  absl::StatusOr<DrawResult> result = Draw(bureau, policy, *Period::Parse(period), request);
  EXPECT_TRUE(result.ok()) << result.status();
  return *std::move(result);
}

TEST(DrawTest, SameInputsGiveByteIdenticalPlanAndRecord) {
  DrawResult a = MustDraw(Sample(), Preset(), "2024Q1", Request());
  DrawRequest two_threads = Request();
  two_threads.threads = 1;
  DrawResult b = MustDraw(Sample(), Preset(), "2024Q1", two_threads);
  EXPECT_EQ(a.plan.ToJson(), b.plan.ToJson());
  EXPECT_EQ(a.plan.ToCsv(), b.plan.ToCsv());
  EXPECT_EQ(a.record.ToJson(), b.record.ToJson());
  EXPECT_EQ(a.record.plan_digest, a.plan.Digest());
}

// At 1.4 x 10^5 entities a draw splits its work into parts on its threads: the strata's members (parts of
// 65,536 rows or more), the tickets and chosen ids of a stratum of more than 8,192 drawn entities, the
// items' blocks and the tasks. The sample bureau is too small for any of it.
TEST(DrawTest, ADrawSplitIntoPartsGivesThePlanAndRecordOfOneThread) {
  SampleBureauOptions options;
  options.entities = 140000;
  const Bureau bureau = GenerateBureau(options);
  DrawRequest one = Request();
  one.threads = 1;
  DrawRequest three = Request();
  three.threads = 3;
  DrawResult q1_one = MustDraw(bureau, Preset(), "2024Q1", one);
  DrawResult q1_three = MustDraw(bureau, Preset(), "2024Q1", three);
  size_t largest_stratum = 0;
  for (const StratumRecord& stratum : q1_one.record.strata)
    largest_stratum = std::max(largest_stratum, stratum.selected.size());
  ASSERT_GT(largest_stratum, size_t{2 * 4096}) << "too small to split a stratum's tickets";
  EXPECT_EQ(q1_one.plan.ToJson(), q1_three.plan.ToJson());
  EXPECT_EQ(q1_one.record.ToJson(), q1_three.record.ToJson());

  // The next quarter, with rotation: the eligible rows are no longer the whole pool.
  one.history = {q1_one.plan};
  three.history = {q1_one.plan};
  DrawResult q2_one = MustDraw(bureau, Preset(), "2024Q2", one);
  DrawResult q2_three = MustDraw(bureau, Preset(), "2024Q2", three);
  EXPECT_EQ(q2_one.plan.ToJson(), q2_three.plan.ToJson());
  EXPECT_EQ(q2_one.record.ToJson(), q2_three.record.ToJson());
  EXPECT_EQ(q2_one.record.plan_digest, q2_one.plan.Digest());
}

TEST(DrawTest, EveryStratumGetsExactlyItsQuota) {
  DrawResult drawn = MustDraw(Sample(), Preset(), "2024Q1", Request());
  Classification classification = *Classify(Sample().entities, Preset(), *Period::Parse("2024Q1"));
  std::vector<QuotaLine> quotas = ComputeQuotas(classification, Preset());
  ASSERT_EQ(drawn.record.strata.size(), quotas.size());
  size_t tasks = 0;
  for (const StratumRecord& stratum : drawn.record.strata) {
    EXPECT_EQ(static_cast<int64_t>(stratum.selected.size()), stratum.quota) << stratum.stratum;
    EXPECT_FALSE(stratum.whole_pool_taken);
    tasks += stratum.selected.size();
  }
  EXPECT_EQ(drawn.plan.tasks.size(), tasks);
  // The positive list is covered in full, off-site.
  for (const StratumRecord& stratum : drawn.record.strata) {
    if (stratum.pool == "positive") {
      EXPECT_EQ(stratum.quota, stratum.pool_size);
      EXPECT_EQ(stratum.method, "off_site");
    }
  }
}

TEST(DrawTest, NoEntityIsDrawnTwiceInOnePeriod) {
  DrawResult drawn = MustDraw(Sample(), Preset(), "2024Q1", Request());
  absl::flat_hash_set<std::string> seen;
  for (const Task& task : drawn.plan.tasks) EXPECT_TRUE(seen.insert(task.entity_id).second) << task.entity_id;
}

TEST(DrawTest, SelectionIsEachStratumsLowestTicketsRecomputedIndependently) {
  // Partition invariance: each stratum drawn alone, from its own members, gives the same selection.
  DrawResult drawn = MustDraw(Sample(), Preset(), "2024Q1", Request());
  Classification classification = *Classify(Sample().entities, Preset(), *Period::Parse("2024Q1"));
  TicketSampler sampler(Request().seed);
  for (const StratumRecord& stratum : drawn.record.strata) {
    std::vector<std::string> members;
    for (size_t row = 0; row < Sample().entities.size(); ++row) {
      Pool pool = classification.pool(row);
      if (PoolName(pool) != stratum.pool) continue;
      int cell = Preset().uses_credit_table(pool) ? classification.credit_index(row) : -1;
      std::string credit = cell >= 0 ? Preset().credit_classes()[cell] : "";
      if (credit == stratum.credit_class) members.emplace_back(Sample().entities.id(row));
    }
    ASSERT_EQ(static_cast<int64_t>(members.size()), stratum.pool_size) << stratum.stratum;
    std::sort(members.begin(), members.end(), [&](const std::string& a, const std::string& b) {
      std::string ta = sampler.Ticket(a), tb = sampler.Ticket(b);
      return ta != tb ? ta < tb : a < b;
    });
    for (size_t i = 0; i < stratum.selected.size(); ++i) {
      EXPECT_EQ(stratum.selected[i].id, members[i]) << stratum.stratum << " #" << i;
      EXPECT_EQ(stratum.selected[i].ticket, sampler.Ticket(members[i]));
    }
  }
}

TEST(DrawTest, LargerQuotaExtendsTheSmallerOne) {
  Policy wider = EditedPreset([](nlohmann::json& json) {
    json["quotas"]["key"]["minimum"]["value"] = "60%";
    json["quotas"]["key"]["credit_ratios"] = {{"A", "60%"}, {"B", "60%"}, {"C", "70%"}, {"D", "70%"}};
  });
  DrawResult narrow = MustDraw(Sample(), Preset(), "2024Q1", Request());
  DrawResult wide = MustDraw(Sample(), wider, "2024Q1", Request());
  for (size_t s = 0; s < narrow.record.strata.size(); ++s) {
    const StratumRecord& small = narrow.record.strata[s];
    const StratumRecord& large = wide.record.strata[s];
    ASSERT_EQ(small.stratum, large.stratum);
    ASSERT_LE(small.selected.size(), large.selected.size());
    for (size_t i = 0; i < small.selected.size(); ++i) EXPECT_EQ(small.selected[i], large.selected[i]);
  }
}

TEST(DrawTest, TasksCarryClassMethodItemsAndCreditFlag) {
  DrawResult drawn = MustDraw(Sample(), Preset(), "2024Q1", Request());
  for (const Task& task : drawn.plan.tasks) {
    EXPECT_EQ(task.id, "2024Q1/" + task.entity_id);
    EXPECT_EQ(task.method,
              task.pool == Pool::kPositive ? InspectionMethod::kOffSite : InspectionMethod::kOnSite);
    EXPECT_EQ(task.credit_based, Preset().uses_credit_table(task.pool));
    if (task.pool == Pool::kPositive) {
      EXPECT_NE(std::find(task.items.begin(), task.items.end(), "EE-08"), task.items.end()) << task.id;
    } else {
      EXPECT_EQ(std::find(task.items.begin(), task.items.end(), "EE-08"), task.items.end()) << task.id;
      EXPECT_FALSE(task.items.empty()) << task.id;
    }
    EXPECT_TRUE(task.team.empty());
  }
}

// The draw evaluates item conditions a block of rows at a time and keeps the results; each task's items must
// still be exactly the items whose method fits and whose condition is true for that entity, evaluated alone,
// across block boundaries and in the last, partial block.
TEST(DrawTest, TaskItemsAreTheItemsWhoseConditionHoldsForTheEntity) {
  SampleBureauOptions options;
  options.entities = 5000;  // several blocks of rows, the last one partial
  const Bureau bureau = GenerateBureau(options);
  const Period period = *Period::Parse("2024Q1");
  DrawResult drawn = MustDraw(bureau, Preset(), "2024Q1", Request());
  ASSERT_GT(drawn.plan.tasks.size(), 1000u);
  std::vector<Condition> conditions;
  for (const Item& item : bureau.items) {
    conditions.push_back(item.applies_to.empty() ? Condition() : *Condition::Parse(item.applies_to));
  }
  std::set<size_t> rows_seen;
  for (const Task& task : drawn.plan.tasks) {
    const size_t row = *bureau.entities.Find(task.entity_id);
    rows_seen.insert(row);
    const Entity entity = bureau.entities.Get(row);
    std::vector<std::string> expected;
    for (size_t i = 0; i < bureau.items.size(); ++i) {
      const Item& item = bureau.items[i];
      if (item.method != InspectionMethod::kEither && item.method != task.method) continue;
      if (conditions[i].Evaluate(entity, period) == Truth::kTrue) expected.push_back(item.id);
    }
    EXPECT_EQ(task.items, expected) << task.id;
  }
  EXPECT_GE(*rows_seen.rbegin(), 4096u);  // tasks in the last block were checked too
}

// Found by the random-policy property tests: the draw made the positive list off-site and every other pool
// on-site whatever the policy said, so a plan drawn under a policy with an on-site positive list failed its
// own Q-POSITIVE check (0 of 130 planned on-site).
TEST(DrawTest, EachPoolIsDrawnWithTheMethodThePolicySets) {
  Policy swapped = EditedPreset([](nlohmann::json& json) {
    json["quotas"]["positive"]["method"] = "on_site";
    json["quotas"]["key"]["method"] = "off_site";
  });
  DrawResult drawn = MustDraw(Sample(), swapped, "2024Q1", Request());
  for (const StratumRecord& s : drawn.record.strata) {
    EXPECT_EQ(s.method, s.pool == "key" ? "off_site" : "on_site") << s.stratum;
  }
  for (const Task& task : drawn.plan.tasks) {
    EXPECT_EQ(task.method, swapped.pool_quota(task.pool).method) << task.id;
  }
  EXPECT_TRUE(VerifyRecord(drawn.record, Sample(), swapped, {}).ok());
  CheckInput input;
  input.plans = {drawn.plan};
  input.records = {drawn.record};
  absl::StatusOr<ComplianceReport> report = Check(swapped, *Period::Parse("2024Q1"), input);
  ASSERT_TRUE(report.ok()) << report.status();
  for (const Finding& f : report->findings) {
    if (f.rule == "Q-POSITIVE" || f.rule == "Q-KEY") {
      EXPECT_EQ(f.status, FindingStatus::kMet)
          << f.rule << " " << f.scope.credit_class << ": " << f.measured_text;
    }
  }
  // An off-site pool is neither capped nor rotated: the key entities drawn in Q1 may be drawn again in Q2.
  DrawRequest second = Request("second quarter");
  second.history = {drawn.plan};
  DrawResult q2 = MustDraw(Sample(), swapped, "2024Q2", second);
  for (const StratumRecord& s : q2.record.strata) {
    if (s.pool == "key") {
      EXPECT_EQ(s.excluded_yearly_cap + s.excluded_rotation, 0) << s.stratum;
    }
  }
}

TEST(DrawTest, RotationVisitsEveryKeyEntityWithinTheYear) {
  // 25% per quarter with rotation: four quarters cover the whole key pool.
  std::vector<Plan> history;
  std::set<std::string> visited;
  int64_t key_pool = 0;
  for (int quarter = 1; quarter <= 4; ++quarter) {
    DrawRequest request = Request("rotation seed " + std::to_string(quarter));
    request.history = history;
    DrawResult drawn = MustDraw(Sample(), Preset(), "2024Q" + std::to_string(quarter), request);
    key_pool = 0;
    for (const StratumRecord& s : drawn.record.strata) {
      if (s.pool != "key") continue;
      key_pool += s.pool_size;
      for (const SelectedEntity& e : s.selected) {
        EXPECT_TRUE(quarter == 4 || !e.readmitted || visited.count(e.id)) << e.id;
        visited.insert(e.id);
      }
    }
    history.push_back(drawn.plan);
  }
  int64_t key_visited = 0;
  Classification q4 = *Classify(Sample().entities, Preset(), *Period::Parse("2024Q4"));
  for (size_t row = 0; row < Sample().entities.size(); ++row) {
    if (q4.pool(row) == Pool::kKey) key_visited += visited.count(std::string(Sample().entities.id(row)));
  }
  EXPECT_EQ(key_visited, key_pool);
}

TEST(DrawTest, YearlyCapExcludesAndShortfallIsExplained) {
  // A cap of one planned inspection a year: special entities at 50% a quarter run short in the second
  // quarter.
  Policy strict = EditedPreset([](nlohmann::json& json) {
    json["quotas"]["yearly_cap"]["value"] = 1;
    json["quotas"]["rotation_within_year"]["value"] = false;
    json["quotas"]["take_whole_pool_when_short"]["value"] = false;
  });
  DrawResult q1 = MustDraw(Sample(), strict, "2024Q1", Request());
  DrawRequest second = Request("another");
  second.history = {q1.plan};
  absl::StatusOr<DrawResult> refused = Draw(Sample(), strict, *Period::Parse("2024Q2"), second);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(absl::StrContains(refused.status().message(), "stratum special")) << refused.status();
  EXPECT_TRUE(absl::StrContains(refused.status().message(), "short")) << refused.status();

  // Under the whole-pool rule the quarter is drawn, capped entities stay out, and the record says so.
  Policy whole = EditedPreset([](nlohmann::json& json) {
    json["quotas"]["yearly_cap"]["value"] = 1;
    json["quotas"]["rotation_within_year"]["value"] = false;
  });
  DrawResult first = MustDraw(Sample(), whole, "2024Q1", Request());
  second.history = {first.plan};
  DrawResult q2 = MustDraw(Sample(), whole, "2024Q2", second);
  absl::flat_hash_set<std::string> q1_on_site;
  for (const Task& t : first.plan.tasks) {
    if (t.method == InspectionMethod::kOnSite) q1_on_site.insert(t.entity_id);
  }
  int64_t excluded = 0;
  bool any_whole = false;
  for (const StratumRecord& s : q2.record.strata) {
    excluded += s.excluded_yearly_cap;
    if (!s.whole_pool_taken) continue;
    any_whole = true;
    EXPECT_EQ(static_cast<int64_t>(s.selected.size()), s.eligible) << s.stratum;
    EXPECT_LT(static_cast<int64_t>(s.selected.size()), s.quota) << s.stratum;
  }
  EXPECT_TRUE(any_whole);
  EXPECT_EQ(excluded, static_cast<int64_t>(q1_on_site.size()));
  for (const Task& t : q2.plan.tasks) {
    if (t.method == InspectionMethod::kOnSite) {
      EXPECT_FALSE(q1_on_site.contains(t.entity_id)) << t.entity_id;
    }
  }
}

TEST(DrawTest, RejectsBlankSeedYearlessPeriodAndBadHistory) {
  EXPECT_EQ(Draw(Sample(), Preset(), *Period::Parse("2024Q1"), Request("  ")).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Draw(Sample(), Preset(), *Period::Parse("2024"), Request()).status().code(),
            absl::StatusCode::kInvalidArgument);
  DrawResult q2 = MustDraw(Sample(), Preset(), "2024Q2", Request());
  DrawRequest later = Request();
  later.history = {q2.plan};
  absl::Status status = Draw(Sample(), Preset(), *Period::Parse("2024Q1"), later).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(status.message(), "2024Q2")) << status;
}

TEST(RecordTest, JsonRoundTripsAndDigestIsStable) {
  DrawResult drawn = MustDraw(Sample(), Preset(), "2024Q1", Request());
  absl::StatusOr<DrawRecord> back = DrawRecord::FromJson(drawn.record.ToJson(), "record.json");
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, drawn.record);
  EXPECT_EQ(back->Digest(), drawn.record.Digest());
  EXPECT_EQ(back->seed_hash, TicketSampler(Request().seed).seed_hash());
}

// record.json and the digest are written without a JSON tree (io/json_writer.h) and must stay what the
// tree gave: record.json as nlohmann dumps the parsed document with indent 2, the digest as SHA-256 of the
// compact dump with the keys sorted. Readmitted entries, history, escapes and an empty stratum included.
TEST(RecordTest, JsonAndDigestFormsAreNlohmannsDumps) {
  DrawResult q1 = MustDraw(Sample(), Preset(), "2024Q1", Request());
  DrawRequest next = Request();
  next.history = {q1.plan};
  DrawRecord record = MustDraw(Sample(), Preset(), "2024Q2", next).record;
  ASSERT_FALSE(record.history.empty());
  record.seed_source = "dice \"d6\" \\ 3\n\t\x01\x7f 福利彩票 😀";
  record.strata.front().selected.front().readmitted = true;
  record.strata.back().selected.clear();
  for (const DrawRecord& r : {q1.record, record, DrawRecord()}) {
    const std::string text = r.ToJson();
    EXPECT_EQ(text, nlohmann::ordered_json::parse(text).dump(2) + "\n");
    EXPECT_EQ(r.Digest(), Sha256Hex(nlohmann::json::parse(text).dump()));
  }
  EXPECT_TRUE(absl::StrContains(record.ToJson(), "\"readmitted\": true"));
}

// Found by the mutation property test (test_random_policies.py): unknown keys were ignored, so a record with
// a key added, or with an optional field misspelt whose value is the default ("bureau": "" renamed), read
// as the record the library wrote and verified.
TEST(RecordTest, AKeyTheFormatDoesNotDefineIsAnErrorAtEveryLevel) {
  DrawResult drawn = MustDraw(Sample(), Preset(), "2024Q1", Request());
  const nlohmann::json json = nlohmann::json::parse(drawn.record.ToJson());
  const std::vector<std::pair<nlohmann::json::json_pointer, std::string>> places = {
      {nlohmann::json::json_pointer(""), "record.json.note: unknown key"},
      {nlohmann::json::json_pointer("/algorithm"), "record.json: algorithm.note: unknown key"},
      {nlohmann::json::json_pointer("/directory"), "record.json: directory.note: unknown key"},
      {nlohmann::json::json_pointer("/policy"), "record.json: policy.note: unknown key"},
      {nlohmann::json::json_pointer("/strata/0"), "record.json: strata[0].note: unknown key"},
      {nlohmann::json::json_pointer("/strata/0/selected/0"), "strata[0].selected[0].note: unknown key"}};
  for (const auto& [where, message] : places) {
    nlohmann::json edited = json;
    edited[where]["note"] = "";
    absl::StatusOr<DrawRecord> read = DrawRecord::FromJson(edited.dump(), "record.json");
    ASSERT_EQ(read.status().code(), absl::StatusCode::kInvalidArgument) << where;
    EXPECT_TRUE(absl::StrContains(read.status().message(), message)) << read.status();
  }
  nlohmann::json renamed = json;
  renamed["Bureau"] = renamed["bureau"];
  renamed.erase("bureau");
  EXPECT_FALSE(DrawRecord::FromJson(renamed.dump(), "record.json").ok());
}

TEST(RecordTest, VerifyAcceptsTheRecordItProduced) {
  DrawResult drawn = MustDraw(Sample(), Preset(), "2024Q1", Request());
  EXPECT_TRUE(VerifyRecord(drawn.record, Sample(), Preset(), {}).ok());
}

TEST(RecordTest, VerifyNamesTheFirstDifference) {
  DrawResult drawn = MustDraw(Sample(), Preset(), "2024Q1", Request());
  DrawRecord tampered = drawn.record;
  tampered.strata[1].selected[0].id = "XL-99999";
  absl::Status status = VerifyRecord(tampered, Sample(), Preset(), {});
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(absl::StrContains(status.message(), "strata[1].selected[0].id")) << status;

  DrawRecord other_seed = drawn.record;
  other_seed.seed = "another seed";
  status = VerifyRecord(other_seed, Sample(), Preset(), {});
  EXPECT_TRUE(absl::StrContains(status.message(), "seed_hash")) << status;

  DrawRecord forged_quota = drawn.record;
  forged_quota.strata[0].quota -= 1;
  EXPECT_FALSE(VerifyRecord(forged_quota, Sample(), Preset(), {}).ok());
}

TEST(RecordTest, VerifyRejectsAChangedDirectoryOrPolicy) {
  DrawResult drawn = MustDraw(Sample(), Preset(), "2024Q1", Request());
  Bureau changed = Sample();
  Entity extra;
  extra.id = "XL-NEW";
  ASSERT_TRUE(changed.entities.Add(extra).ok());
  absl::Status status = VerifyRecord(drawn.record, changed, Preset(), {});
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(absl::StrContains(status.message(), "directory")) << status;
  status = VerifyRecord(drawn.record, Sample(), *Policy::Preset("city-level"), {});
  EXPECT_TRUE(absl::StrContains(status.message(), "policy")) << status;
}

TEST(RecordTest, ChainAndHistoryAreRecorded) {
  DrawResult q1 = MustDraw(Sample(), Preset(), "2024Q1", Request());
  DrawRequest redraw = Request("re-draw after a complaint");
  redraw.previous_record_digest = q1.record.Digest();
  DrawResult again = MustDraw(Sample(), Preset(), "2024Q1", redraw);
  EXPECT_EQ(again.record.previous_record_digest, q1.record.Digest());
  DrawRequest next = Request();
  next.history = {q1.plan};
  DrawResult q2 = MustDraw(Sample(), Preset(), "2024Q2", next);
  ASSERT_EQ(q2.record.history.size(), 1u);
  EXPECT_EQ(q2.record.history[0].plan_digest, q1.plan.Digest());
  EXPECT_TRUE(VerifyRecord(q2.record, Sample(), Preset(), {q1.plan}).ok());
  // Without the history the record cannot be reproduced.
  EXPECT_FALSE(VerifyRecord(q2.record, Sample(), Preset(), {}).ok());
}

}  // namespace
}  // namespace ssr
