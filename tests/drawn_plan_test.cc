#include "draw/drawn_plan.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "ssrandom/draw.h"
#include "ssrandom/sample_bureau.h"

namespace ssr::internal {
namespace {

const Bureau& Sample() {
  static const Bureau* bureau = new Bureau(SampleBureau());
  return *bureau;
}

Policy Preset() { return *Policy::Preset("hebei-xinle-2024"); }

DrawRequest Request(int quarter, const std::vector<Plan>& history) {
  DrawRequest request;
  request.seed = "drawn plan seed " + std::to_string(quarter);
  request.seed_source = "test";
  request.history = history;
  return request;
}

// What a user of either form reads: the plan's three texts and the record.
void ExpectSameOutputs(const DrawResult& made, const DrawnResult& drawn, const std::string& context) {
  EXPECT_EQ(drawn.plan.ToCsv(), made.plan.ToCsv()) << context;
  EXPECT_EQ(drawn.plan.ToJson(), made.plan.ToJson()) << context;
  EXPECT_EQ(drawn.plan.Digest(), made.plan.Digest()) << context;
  EXPECT_EQ(drawn.record.ToJson(), made.record.ToJson()) << context;
  EXPECT_EQ(drawn.record.plan_digest, made.plan.Digest()) << context;
}

// A year of quarters with rotation (readmissions in the last), off-site positive-list tasks and items:
// the compact plan writes the texts of Draw()'s plan, and makes that plan.
TEST(DrawnPlanTest, ItsTextsDigestAndTasksAreThoseOfTheDrawsPlan) {
  std::vector<Plan> history;
  bool readmitted = false, off_site = false, with_items = false;
  for (int quarter = 1; quarter <= 4; ++quarter) {
    const Period period = *Period::Parse("2024Q" + std::to_string(quarter));
    const DrawRequest request = Request(quarter, history);
    absl::StatusOr<DrawResult> made = Draw(Sample(), Preset(), period, request);
    ASSERT_TRUE(made.ok()) << made.status();
    absl::StatusOr<DrawnResult> drawn = DrawCompact(Sample(), Preset(), period, request);
    ASSERT_TRUE(drawn.ok()) << drawn.status();
    ASSERT_EQ(drawn->plan.size(), made->plan.tasks.size());
    ExpectSameOutputs(*made, *drawn, period.ToString());
    for (int threads : {1, 3}) EXPECT_TRUE(drawn->plan.ToPlan(threads) == made->plan) << threads;

    for (const StratumRecord& stratum : made->record.strata) {
      for (const SelectedEntity& e : stratum.selected) readmitted = readmitted || e.readmitted;
    }
    for (const Task& task : made->plan.tasks) {
      off_site = off_site || task.method == InspectionMethod::kOffSite;
      with_items = with_items || !task.items.empty();
    }
    history.push_back(made->plan);
  }
  // The comparisons covered what a plan can hold.
  EXPECT_TRUE(readmitted);
  EXPECT_TRUE(off_site);
  EXPECT_TRUE(with_items);
}

// The plan reads its tickets from the record beside it and its strings from its own block of text: moving
// the result (as the Python binding does, into its own object) keeps every view.
TEST(DrawnPlanTest, AMovedResultWritesTheSameTexts) {
  const Period period = *Period::Parse("2024Q1");
  const DrawRequest request = Request(1, {});
  absl::StatusOr<DrawResult> made = Draw(Sample(), Preset(), period, request);
  ASSERT_TRUE(made.ok()) << made.status();
  std::vector<DrawnResult> moved;
  {
    absl::StatusOr<DrawnResult> drawn = DrawCompact(Sample(), Preset(), period, request);
    ASSERT_TRUE(drawn.ok()) << drawn.status();
    moved.push_back(*std::move(drawn));
  }
  moved.reserve(moved.capacity() + 8);  // the vector's storage moves too
  DrawnResult again = std::move(moved.front());
  moved.clear();
  ExpectSameOutputs(*made, again, "moved");
}

// The Python binding keeps a drawn result after the bureau may be gone: the result holds all it writes
// (under AddressSanitizer a read of the freed directory fails this test).
TEST(DrawnPlanTest, ItsTextsOutliveTheBureau) {
  const Period period = *Period::Parse("2024Q1");
  const DrawRequest request = Request(1, {});
  absl::StatusOr<DrawResult> made = Draw(Sample(), Preset(), period, request);
  ASSERT_TRUE(made.ok()) << made.status();
  absl::StatusOr<DrawnResult> drawn;
  {
    const Bureau copy = Sample();
    drawn = DrawCompact(copy, Preset(), period, request);
  }
  ASSERT_TRUE(drawn.ok()) << drawn.status();
  ExpectSameOutputs(*made, *drawn, "bureau gone");
  EXPECT_TRUE(drawn->plan.ToPlan(2) == made->plan);
}

// A stratum with nothing to draw has no tasks; the tasks after it still find their own stratum.
TEST(DrawnPlanTest, EmptyStrataBetweenOthersGiveTheDrawsPlan) {
  SampleBureauOptions options;
  options.entities = 300;
  const Bureau bureau = GenerateBureau(options);
  const Period period = *Period::Parse("2024Q1");
  const DrawRequest request = Request(1, {});
  absl::StatusOr<DrawResult> made = Draw(bureau, Preset(), period, request);
  ASSERT_TRUE(made.ok()) << made.status();
  absl::StatusOr<DrawnResult> drawn = DrawCompact(bureau, Preset(), period, request);
  ASSERT_TRUE(drawn.ok()) << drawn.status();
  size_t empty_before_others = 0, tasks_seen = 0;
  for (const StratumRecord& stratum : made->record.strata) {
    if (stratum.selected.empty() && tasks_seen < made->plan.tasks.size()) ++empty_before_others;
    tasks_seen += stratum.selected.size();
  }
  ASSERT_GT(empty_before_others, 0u) << "no empty stratum before the last task: the test tests nothing";
  ExpectSameOutputs(*made, *drawn, "300 entities");
  EXPECT_TRUE(drawn->plan.ToPlan(1) == made->plan);
}

// SetTasks reads the directory in row order, not in the order of the tasks: each task still gets its own
// row's strings and items, for rows in any order, rows given twice or more, and any number of parts.
TEST(DrawnPlanTest, EachTaskHasItsRowsStringsWhateverTheOrderAndRepeatsOfRows) {
  const Bureau& bureau = Sample();
  const Directory& directory = bureau.entities;
  const Period period = *Period::Parse("2024Q1");
  // 12,000 tasks (several parts of 4,096) over the directory's rows, scattered and each row several times.
  std::vector<uint32_t> rows;
  for (uint32_t i = 0; i < 12'000; ++i) rows.push_back(static_cast<uint32_t>((i * 7919u) % directory.size()));
  ASSERT_LT(directory.size(), rows.size());  // so rows repeat
  std::vector<SelectedEntity> selected(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) selected[i] = {std::string(directory.id(rows[i])), "0.5", false};
  absl::StatusOr<ItemMatcher> reference = ItemMatcher::Create(bureau, period);
  ASSERT_TRUE(reference.ok()) << reference.status();
  std::vector<uint64_t> bits(reference->words_per_row());
  std::vector<absl::string_view> expected_items;
  size_t with_items = 0;
  for (int threads : {1, 3}) {
    absl::StatusOr<ItemMatcher> items = ItemMatcher::Create(bureau, period);
    ASSERT_TRUE(items.ok()) << items.status();
    DrawnPlan plan(Plan{}, *std::move(items));
    DrawnPlan::Stratum stratum;
    stratum.method = InspectionMethod::kOnSite;
    stratum.selected = selected;
    plan.SetTasks(directory, {stratum}, rows, threads);
    ASSERT_EQ(plan.size(), rows.size());
    TaskScratch scratch;
    for (size_t i = 0; i < rows.size(); ++i) {
      const TaskView view = plan.View(i, scratch);
      ASSERT_EQ(view.entity_id, directory.id(rows[i])) << i;
      ASSERT_EQ(view.entity_name, directory.name(rows[i])) << i;
      ASSERT_EQ(view.uscc, directory.uscc(rows[i])) << i;
      ASSERT_EQ(view.area, directory.area(rows[i])) << i;
      reference->CopyBits(rows[i], bits.data());
      reference->ItemsFromBits(bits.data(), InspectionMethod::kOnSite, &expected_items);
      ASSERT_EQ(std::vector<absl::string_view>(view.items.begin(), view.items.end()), expected_items) << i;
      with_items += expected_items.empty() ? 0 : 1;
    }
  }
  EXPECT_GT(with_items, 0u) << "no task with items: the items were not compared";
}

}  // namespace
}  // namespace ssr::internal
