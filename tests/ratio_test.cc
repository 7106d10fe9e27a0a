#include "ssrandom/ratio.h"

#include "gtest/gtest.h"

namespace ssr {
namespace {

Ratio R(absl::string_view text) {
  absl::StatusOr<Ratio> ratio = Ratio::Parse(text);
  EXPECT_TRUE(ratio.ok()) << text << ": " << ratio.status();
  return ratio.value_or(Ratio());
}

TEST(RatioTest, ParsesPercentagesDecimalsAndFractionsExactly) {
  EXPECT_EQ(R("25%"), R("0.25"));
  EXPECT_EQ(R("25%"), R("1/4"));
  EXPECT_EQ(R("3%").numerator(), 3);
  EXPECT_EQ(R("3%").denominator(), 100);
  EXPECT_EQ(R("12.5%"), R("1/8"));
  EXPECT_EQ(R(" 100% "), R("1"));
  EXPECT_EQ(R("0%"), Ratio());
  EXPECT_EQ(R("30％"), R("0.3"));
  EXPECT_EQ(R("2/6").numerator(), 1);
  EXPECT_EQ(R("2/6").denominator(), 3);
  EXPECT_EQ(R("0.1").numerator(), 1);
  EXPECT_EQ(R("0.1").denominator(), 10);
}

TEST(RatioTest, RejectsMalformedTextWithTheAcceptedForms) {
  for (absl::string_view bad : {"", "%", "abc", ".5", "5.", "-5%", "1/0", "1.5/2", "25 %%", "1e-2", "0x10",
                                "1234567890123456789", "1/2/3"}) {
    absl::StatusOr<Ratio> ratio = Ratio::Parse(bad);
    EXPECT_FALSE(ratio.ok()) << bad;
    EXPECT_TRUE(absl::IsInvalidArgument(ratio.status())) << bad;
    EXPECT_NE(ratio.status().message().find("\"25%\""), absl::string_view::npos) << ratio.status();
  }
  EXPECT_NE(Ratio::Parse("-5%").status().message().find("negative"), absl::string_view::npos);
}

TEST(RatioTest, PrintsPercentagesWhenExactAndFractionsOtherwise) {
  EXPECT_EQ(R("0.25").ToString(), "25%");
  EXPECT_EQ(R("0.125").ToString(), "12.5%");
  EXPECT_EQ(R("1").ToString(), "100%");
  EXPECT_EQ(Ratio().ToString(), "0%");
  EXPECT_EQ(R("1/3").ToString(), "1/3");
  EXPECT_EQ(R("0.03").ToDecimalString(), "0.03");
  EXPECT_EQ(R("1/3").ToDecimalString(), "1/3");
  for (absl::string_view text : {"25%", "1/3", "0.0001%", "7/9", "99.999%"}) {
    EXPECT_EQ(R(R(text).ToString()), R(text)) << text;
  }
}

TEST(RatioTest, QuotaIsTheExactCeilingAtLeastOneAndAtMostThePool) {
  EXPECT_EQ(R("3%").QuotaOf(10), 1);    // ⌈0.3⌉
  EXPECT_EQ(R("25%").QuotaOf(7), 2);    // ⌈1.75⌉
  EXPECT_EQ(R("50%").QuotaOf(1), 1);    // ⌈0.5⌉
  EXPECT_EQ(R("0%").QuotaOf(9), 0);     // no inspections required
  EXPECT_EQ(R("25%").QuotaOf(0), 0);    // empty pool
  EXPECT_EQ(R("25%").QuotaOf(8), 2);    // exact: no rounding up
  EXPECT_EQ(R("25%").QuotaOf(37), 10);  // ⌈9.25⌉
  EXPECT_EQ(R("100%").QuotaOf(5), 5);
  EXPECT_EQ(R("150%").QuotaOf(4), 4);  // never more than the pool
  EXPECT_EQ(R("1/3").QuotaOf(3), 1);
  EXPECT_EQ(R("0.000001").QuotaOf(1), 1);
  // No floating point: 0.07 × 100 is exactly 7 (in binary doubles it is 7.000000000000001).
  EXPECT_EQ(R("0.07").QuotaOf(100), 7);
  EXPECT_EQ(R("3%").QuotaOf(100000000000000001), 3000000000000001);
}

TEST(RatioTest, ProductIsWrittenExactly) {
  EXPECT_EQ(R("25%").TimesText(37), "9.25");
  EXPECT_EQ(R("3%").TimesText(10), "0.3");
  EXPECT_EQ(R("50%").TimesText(24), "12");
  EXPECT_EQ(R("1/3").TimesText(10), "10/3");
  EXPECT_EQ(R("1/3").TimesText(9), "3");
}

TEST(RatioTest, OrdersByValue) {
  EXPECT_LT(R("3%"), R("1/3"));
  EXPECT_LT(R("25%"), R("0.2500001"));
  EXPECT_GE(R("50%"), R("1/2"));
  EXPECT_GT(R("1"), R("99.9%"));
}

TEST(RatioTest, FromFractionReducesAndRejectsBadInput) {
  EXPECT_EQ(*Ratio::FromFraction(6, 8), R("75%"));
  EXPECT_FALSE(Ratio::FromFraction(1, 0).ok());
  EXPECT_FALSE(Ratio::FromFraction(-1, 2).ok());
  EXPECT_EQ(Ratio::Percent(30), R("0.3"));
}

}  // namespace
}  // namespace ssr
