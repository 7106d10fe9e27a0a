#include "ssrandom/partial_draw.h"

#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "ssrandom/directory_digest.h"
#include "ssrandom/sample_bureau.h"

namespace ssr {
namespace {

Bureau Generated(int64_t entities, uint64_t seed = SampleBureauOptions().seed) {
  SampleBureauOptions options;
  options.entities = entities;
  options.seed = seed;
  return GenerateBureau(options);
}

const Bureau& Big() {
  static const Bureau* bureau = new Bureau(Generated(20000));
  return *bureau;
}

Policy Preset() { return *Policy::Preset("hebei-xinle-2024"); }

Policy EditedPreset(const std::function<void(nlohmann::json&)>& edit) {
  nlohmann::json json = nlohmann::json::parse(*Policy::PresetJson("hebei-xinle-2024"));
  edit(json);
  return *Policy::FromJson(json.dump(), "edited.json");
}

DrawRequest Request(std::string seed) {
  DrawRequest request;
  request.seed = std::move(seed);
  request.seed_source = "test";
  return request;
}

// Splits the directory into `count` parts, row i going to part (i * 7919) % count: every part holds ids
// from all over the directory, as Spark partitions of an unsorted table do.
std::vector<Directory> Scatter(const Directory& directory, size_t count) {
  std::vector<Directory> parts(count);
  for (size_t row = 0; row < directory.size(); ++row) {
    EXPECT_TRUE(parts[(row * 7919) % count].Add(directory.Get(row)).ok());
  }
  return parts;
}

// The draw over parts, step by step as a distributed engine runs it.
absl::StatusOr<DrawResult> DrawOverParts(const Bureau& bureau, const std::vector<Directory>& parts,
                                         const Policy& policy, const std::string& period,
                                         const DrawRequest& request, bool bounded,
                                         size_t* candidate_count = nullptr) {
  absl::StatusOr<DrawPartSpec> spec = DrawPartSpec::Create(policy, *Period::Parse(period), request);
  if (!spec.ok()) return spec.status();
  DrawPartTally total;
  for (const Directory& part : parts) {
    absl::StatusOr<DrawPartTally> tally = TallyDrawPart(part, *spec);
    if (!tally.ok()) return tally.status();
    EXPECT_TRUE(total.Add(*tally).ok());
  }
  std::vector<StratumTake> takes = PlanDrawTakes(*spec, total, bounded);
  Bureau candidates = bureau;
  candidates.entities = Directory();
  for (const Directory& part : parts) {
    absl::StatusOr<std::vector<uint32_t>> rows = DrawPartCandidates(part, *spec, takes);
    if (!rows.ok()) return rows.status();
    for (uint32_t row : *rows) EXPECT_TRUE(candidates.entities.Add(part.Get(row)).ok());
  }
  if (candidate_count != nullptr) *candidate_count = candidates.entities.size();
  return MergeDrawParts(candidates, *spec, takes, total, bureau.entities.CanonicalDigest());
}

void ExpectSameDraw(const DrawResult& a, const DrawResult& b) {
  EXPECT_EQ(a.plan.ToCsv(), b.plan.ToCsv());
  EXPECT_EQ(a.plan.ToJson(), b.plan.ToJson());
  EXPECT_EQ(a.record.ToJson(), b.record.ToJson());
}

TEST(PartialDrawTest, DigestOverScatteredPartsEqualsTheWholeDirectorysDigest) {
  // As a distributed engine computes it: every part hashes its entities, each bucket's hashes meet in one
  // place whatever part they came from, and only the 256 bucket digests are combined.
  const Directory& whole = Big().entities;
  for (size_t count : {1, 3, 16}) {
    std::vector<std::string> hashes(kDirectoryDigestBuckets);
    size_t entities = 0;
    for (const Directory& part : Scatter(whole, count)) {
      CanonicalEntityHashes h = HashCanonicalEntities(part);
      ASSERT_EQ(h.buckets.size(), part.size());
      ASSERT_EQ(h.hashes.size(), kEntityHashSize * part.size());
      for (size_t row = 0; row < part.size(); ++row) {
        hashes[static_cast<unsigned char>(h.buckets[row])].append(h.hashes, kEntityHashSize * row,
                                                                  kEntityHashSize);
      }
      entities += part.size();
    }
    EXPECT_EQ(entities, whole.size());
    std::vector<std::string> buckets;
    for (int k = 0; k < kDirectoryDigestBuckets; ++k) buckets.push_back(*DirectoryBucketDigest(k, hashes[k]));
    EXPECT_EQ(*DirectoryDigestFromBuckets(buckets), whole.CanonicalDigest()) << count << " parts";
  }
}

TEST(PartialDrawTest, DrawOverScatteredPartsIsByteIdenticalToTheDraw) {
  const DrawRequest request = Request("福利彩票 2024-01-05 3D 317");
  DrawResult single = *Draw(Big(), Preset(), *Period::Parse("2024Q1"), request);
  size_t unbounded_16 = 0, bounded_16 = 0;
  for (size_t count : {1, 3, 16}) {
    for (bool bounded : {false, true}) {
      size_t candidates = 0;
      absl::StatusOr<DrawResult> parts = DrawOverParts(Big(), Scatter(Big().entities, count), Preset(),
                                                       "2024Q1", request, bounded, &candidates);
      ASSERT_TRUE(parts.ok()) << parts.status();
      ExpectSameDraw(single, *parts);
      EXPECT_GE(candidates, single.plan.tasks.size());
      std::cout << count << " parts, " << (bounded ? "bounded" : "unbounded") << ": " << candidates
                << " candidates for " << single.plan.tasks.size() << " tasks\n";
      // Bounded takes keep the candidates close to the tasks however many parts there are.
      if (count == 16) (bounded ? bounded_16 : unbounded_16) = candidates;
      // Bounded takes keep the candidates near the tasks (each stratum's take plus 8√take + 32 at most
      // expected), however many parts there are.
      if (bounded) {
        EXPECT_LT(candidates, single.plan.tasks.size() * 3 / 2) << count;
      }
    }
  }
  // Without bounds every part sends up to each take, so the candidates grow with the parts.
  EXPECT_GT(unbounded_16, bounded_16);
}

TEST(PartialDrawTest, RotationAndYearlyCapOverPartsMatchTheDraw) {
  // Rotation through the year (readmissions in Q4), and a cap of one with the whole pool taken when short.
  for (const Policy& policy : {Preset(), EditedPreset([](nlohmann::json& json) {
                                 json["quotas"]["yearly_cap"]["value"] = 1;
                                 json["quotas"]["rotation_within_year"]["value"] = false;
                               })}) {
    std::vector<Plan> history;
    for (int quarter = 1; quarter <= 4; ++quarter) {
      DrawRequest request = Request("rotation seed " + std::to_string(quarter));
      request.history = history;
      request.previous_record_digest = "abc";
      const std::string period = "2024Q" + std::to_string(quarter);
      DrawResult single = *Draw(Big(), policy, *Period::Parse(period), request);
      absl::StatusOr<DrawResult> parts =
          DrawOverParts(Big(), Scatter(Big().entities, 5), policy, period, request, true);
      ASSERT_TRUE(parts.ok()) << parts.status();
      ExpectSameDraw(single, *parts);
      history.push_back(single.plan);
    }
  }
}

TEST(PartialDrawTest, ErrorsAreTheDrawsErrors) {
  const std::vector<Directory> parts = Scatter(Big().entities, 4);
  // A blank seed and a year instead of a quarter fail before any part is read.
  EXPECT_EQ(DrawPartSpec::Create(Preset(), *Period::Parse("2024Q1"), Request(" ")).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(DrawPartSpec::Create(Preset(), *Period::Parse("2024"), Request("x")).status().code(),
            absl::StatusCode::kInvalidArgument);
  // A history naming an entity that no part holds: Draw's message, found only once every part is tallied.
  DrawRequest request = Request("history");
  Plan q1 = Draw(Big(), Preset(), *Period::Parse("2024Q1"), Request("q1"))->plan;
  q1.tasks.back().entity_id = "NOT-IN-THE-DIRECTORY";
  request.history = {q1};
  absl::Status single = Draw(Big(), Preset(), *Period::Parse("2024Q2"), request).status();
  absl::Status split = DrawOverParts(Big(), parts, Preset(), "2024Q2", request, true).status();
  ASSERT_EQ(single.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(single.message(), "NOT-IN-THE-DIRECTORY")) << single;
  EXPECT_EQ(split, single);
  // A shortfall: Draw's FailedPrecondition, word for word (the sample bureau runs short in Q2 with a cap of
  // one, as in draw_test.cc).
  const Bureau sample = SampleBureau();
  Policy strict = EditedPreset([](nlohmann::json& json) {
    json["quotas"]["yearly_cap"]["value"] = 1;
    json["quotas"]["rotation_within_year"]["value"] = false;
    json["quotas"]["take_whole_pool_when_short"]["value"] = false;
  });
  DrawRequest second = Request("another");
  second.history = {Draw(sample, strict, *Period::Parse("2024Q1"), Request("first"))->plan};
  absl::Status refused = Draw(sample, strict, *Period::Parse("2024Q2"), second).status();
  ASSERT_EQ(refused.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(DrawOverParts(sample, Scatter(sample.entities, 3), strict, "2024Q2", second, true).status(),
            refused);
}

TEST(PartialDrawTest, CandidatesBelowATooLowBoundAreDetectedNotMisdrawn) {
  const std::vector<Directory> parts = Scatter(Big().entities, 4);
  absl::StatusOr<DrawPartSpec> spec = DrawPartSpec::Create(Preset(), *Period::Parse("2024Q1"), Request("s"));
  ASSERT_TRUE(spec.ok());
  DrawPartTally total;
  for (const Directory& part : parts) ASSERT_TRUE(total.Add(*TallyDrawPart(part, *spec)).ok());
  EXPECT_EQ(total.entities, static_cast<int64_t>(Big().entities.size()));
  std::vector<StratumTake> takes = PlanDrawTakes(*spec, total);
  // A bound so low that almost no key is under it.
  size_t stratum = 0;
  while (stratum < takes.size() && takes[stratum].eligible_bound.first19 == UINT64_MAX) ++stratum;
  ASSERT_LT(stratum, takes.size());
  takes[stratum].eligible_bound = TicketKey{1'000'000'000'000ULL};
  Bureau candidates = Big();
  candidates.entities = Directory();
  for (const Directory& part : parts) {
    absl::StatusOr<std::vector<uint32_t>> rows = DrawPartCandidates(part, *spec, takes);
    ASSERT_TRUE(rows.ok()) << rows.status();
    const std::vector<uint32_t> kept = *std::move(rows);
    for (size_t i = 0; i < kept.size(); ++i) ASSERT_TRUE(candidates.entities.Add(part.Get(kept[i])).ok());
  }
  absl::Status status = MergeDrawParts(candidates, *spec, takes, total, "digest").status();
  EXPECT_EQ(status.code(), absl::StatusCode::kAborted);
  EXPECT_TRUE(absl::StrContains(status.message(), spec->strata()[stratum].name)) << status;
  // Takes of the wrong length are refused.
  const std::vector<StratumTake> none;
  absl::StatusOr<std::vector<uint32_t>> refused = DrawPartCandidates(parts[0], *spec, none);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(PartialDrawTest, TalliesAddUpAndRefuseAnotherPolicysStrata) {
  DrawPartTally a, b;
  a.entities = 2;
  a.strata = {{1, 0, 0, 1}, {1, 1, 0, 0}};
  a.history_entities = {"A", "C"};
  b.entities = 1;
  b.strata = {{1, 0, 1, 0}, {0, 0, 0, 0}};
  b.history_entities = {"B", "C"};
  ASSERT_TRUE(a.Add(b).ok());
  EXPECT_EQ(a.entities, 3);
  EXPECT_EQ(a.strata[0], (StratumTally{2, 0, 1, 1}));
  EXPECT_EQ(a.history_entities, (std::vector<std::string>{"A", "B", "C"}));
  DrawPartTally c;
  c.strata = {{}};
  EXPECT_EQ(a.Add(c).code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace ssr
