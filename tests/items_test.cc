// The draw's item matcher (src/draw/items.h): which inspection items apply to an entity, whether its block
// of rows was prepared or not, and whatever the threads that prepared it.
#include "draw/items.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "ssrandom/condition.h"
#include "ssrandom/sample_bureau.h"

namespace ssr::internal {
namespace {

// The items that apply to `row` by evaluating each condition on the entity alone.
std::vector<std::string> ExpectedItems(const Bureau& bureau, const Period& period, size_t row,
                                       InspectionMethod method) {
  const Entity entity = bureau.entities.Get(row);
  std::vector<std::string> ids;
  for (const Item& item : bureau.items) {
    if (item.method != InspectionMethod::kEither && item.method != method) continue;
    const Condition condition = item.applies_to.empty() ? Condition() : *Condition::Parse(item.applies_to);
    if (condition.Evaluate(entity, period) == Truth::kTrue) ids.push_back(item.id);
  }
  return ids;
}

TEST(ItemMatcherTest, PreparedAndUnpreparedRowsGetTheItemsWhoseConditionHolds) {
  SampleBureauOptions options;
  options.entities = 5000;  // five blocks of 1,024 rows, the last one partial
  Bureau bureau = GenerateBureau(options);
  // More than 64 items, so that a row's items take two words of the prepared blocks.
  const std::vector<Item> generated = bureau.items;
  for (int copy = 1; bureau.items.size() <= 64; ++copy) {
    for (Item item : generated) {
      item.id = absl::StrCat(item.id, "-copy", copy);
      bureau.items.push_back(item);
    }
  }
  const Period period = *Period::Parse("2024Q1");
  for (int threads : {1, 3}) {
    absl::StatusOr<ItemMatcher> matcher = ItemMatcher::Create(bureau, period);
    ASSERT_TRUE(matcher.ok()) << matcher.status();
    // Rows of the second and the last block only: the others are answered row by row.
    matcher->Prepare(std::vector<uint32_t>{1500, 4999}, threads);
    size_t with_items = 0;
    for (size_t row = 0; row < bureau.entities.size(); row += 7) {
      for (InspectionMethod method : {InspectionMethod::kOnSite, InspectionMethod::kOffSite}) {
        std::vector<uint64_t> bits(matcher->words_per_row());
        matcher->CopyBits(row, bits.data());
        std::vector<absl::string_view> views;
        matcher->ItemsFromBits(bits.data(), method, &views);
        const std::vector<std::string> items(views.begin(), views.end());
        EXPECT_EQ(items, ExpectedItems(bureau, period, row, method))
            << "row " << row << ", threads " << threads;
        with_items += items.empty() ? 0 : 1;
      }
    }
    EXPECT_GT(with_items, 100u);  // the comparison is not only of empty lists
  }
}

}  // namespace
}  // namespace ssr::internal
