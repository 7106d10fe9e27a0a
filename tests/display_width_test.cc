#include "io/display_width.h"

#include "gtest/gtest.h"

namespace ssr::internal {
namespace {

TEST(DisplayWidthTest, ChineseCharactersTakeTwoColumns) {
  EXPECT_EQ(DisplayWidth("abc"), 3);
  EXPECT_EQ(DisplayWidth("杜固"), 4);
  EXPECT_EQ(DisplayWidth("重点管理 key"), 12);
  EXPECT_EQ(DisplayWidth("（示例）"), 8);
}

TEST(DisplayWidthTest, PaddingAlignsMixedText) {
  EXPECT_EQ(PadRight("杜固", 6), "杜固  ");
  EXPECT_EQ(PadLeft("7", 3), "  7");
  EXPECT_EQ(PadRight("toolong", 3), "toolong");
}

}  // namespace
}  // namespace ssr::internal
