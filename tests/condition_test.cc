#include "ssrandom/condition.h"

#include <string>
#include <vector>

#include "directory/entity_columns.h"
#include "gtest/gtest.h"
#include "ssrandom/directory.h"
#include "ssrandom/entity.h"
#include "ssrandom/period.h"

namespace ssr {
namespace {

// EXPECT_HAS(text, (part)) without gmock.
#define EXPECT_HAS(text, part) EXPECT_NE(std::string(text).find(part), std::string::npos) << (text)

const Period kQ1 = Period::Quarter(2024, 1);

Condition C(absl::string_view text) {
  absl::StatusOr<Condition> condition = Condition::Parse(text, "test");
  EXPECT_TRUE(condition.ok()) << condition.status();
  return condition.value_or(Condition());
}

std::string ErrorOf(absl::string_view text) {
  absl::StatusOr<Condition> condition = Condition::Parse(text, "classes.special[0]");
  EXPECT_FALSE(condition.ok()) << text;
  if (!condition.ok()) {
    EXPECT_TRUE(absl::IsInvalidArgument(condition.status()));
  }
  return condition.ok() ? "" : std::string(condition.status().message());
}

Entity Known() {
  Entity e;
  e.id = "XL-1";
  e.uscc = "91310110666007217T";
  e.area = "杜固";
  e.industry = "C2614";
  e.permit_class = PermitClass::kKey;
  e.key_unit = false;
  e.positive_list = false;
  e.credit = "B";
  e.env_credit = "D";
  e.penalties_last_year = 1;
  e.last_penalty_date = absl::CivilDay(2023, 6, 30);
  e.supervision_listed_date = absl::CivilDay(2022, 9, 1);
  e.verified_complaints = 0;
  e.emergency_risk = EmergencyRisk::kLarger;
  e.status = EntityStatus::kActive;
  e.tags = {"化工", "固废"};
  return e;
}

Entity Bare() {
  Entity e;
  e.id = "XL-2";
  return e;
}

Truth Eval(absl::string_view text, const Entity& e) { return C(text).Evaluate(e, kQ1); }

TEST(ConditionTest, TheSampleItemConditionsParse) {
  for (absl::string_view text :
       {"permit_class in [\"key\", \"simplified\", \"registration\"]", "\"固废\" in tags", "positive_list",
        "permit_class == \"key\" or key_unit", "penalties_last_year >= 1"}) {
    EXPECT_TRUE(Condition::Parse(text).ok()) << text;
  }
  EXPECT_EQ(Eval("permit_class in [\"key\", \"simplified\", \"registration\"]", Known()), Truth::kTrue);
  EXPECT_EQ(Eval("\"固废\" in tags", Known()), Truth::kTrue);
  EXPECT_EQ(Eval("positive_list", Known()), Truth::kFalse);
  EXPECT_EQ(Eval("permit_class == \"key\" or key_unit", Known()), Truth::kTrue);
  EXPECT_EQ(Eval("penalties_last_year >= 1", Known()), Truth::kTrue);
}

TEST(ConditionTest, ComparesEveryAttributeType) {
  const Entity e = Known();
  EXPECT_EQ(Eval("permit_class != \"key\"", e), Truth::kFalse);
  EXPECT_EQ(Eval("permit_class == \"重点管理\"", e), Truth::kTrue);  // Chinese labels are accepted
  EXPECT_EQ(Eval("status not in [\"closed\", \"deregistered\"]", e), Truth::kTrue);
  EXPECT_EQ(Eval("emergency_risk >= \"larger\"", e), Truth::kTrue);
  EXPECT_EQ(Eval("emergency_risk > \"larger\"", e), Truth::kFalse);
  EXPECT_EQ(Eval("credit == \"B\"", e), Truth::kTrue);
  EXPECT_EQ(Eval("credit in ['C', 'D']", e), Truth::kFalse);
  EXPECT_EQ(Eval("env_credit in [\"D\", \"E\"]", e), Truth::kTrue);
  EXPECT_EQ(Eval("area == \"杜固\" and industry starts_with \"C26\"", e), Truth::kTrue);
  EXPECT_EQ(Eval("industry starts_with [\"C27\", \"C28\"]", e), Truth::kFalse);
  EXPECT_EQ(Eval("verified_complaints >= 3", e), Truth::kFalse);
  EXPECT_EQ(Eval("penalties_last_year == 1 and verified_complaints < 1", e), Truth::kTrue);
  EXPECT_EQ(Eval("last_penalty_date >= 2023-06-30", e), Truth::kTrue);
  EXPECT_EQ(Eval("last_penalty_date > 2023-06-30", e), Truth::kFalse);
  EXPECT_EQ(Eval("last_penalty_date < period_start", e), Truth::kTrue);
  EXPECT_EQ(Eval("\"危废\" not in tags", e), Truth::kTrue);
  EXPECT_EQ(Eval("\"未见过\" in tags", e), Truth::kFalse);
  EXPECT_EQ(Eval("id == \"XL-1\"", e), Truth::kTrue);
  EXPECT_EQ(Eval("id in [\"XL-9\"]", e), Truth::kFalse);
  EXPECT_EQ(Eval("uscc == \"91310110666007217T\"", e), Truth::kTrue);
  EXPECT_EQ(Eval("key_unit == false", e), Truth::kTrue);
  EXPECT_EQ(Eval("key_unit != false", e), Truth::kFalse);
  EXPECT_EQ(Eval("true", e), Truth::kTrue);
  EXPECT_EQ(Eval("not (credit == \"A\" or credit == \"B\")", e), Truth::kFalse);
}

// Dates are kept in 16 bits until one falls outside 1900..2079 (src/directory/entity_columns.h); the
// conditions must give the same truths over either storage.
TEST(ConditionTest, DateTruthsDoNotDependOnTheDateStorage) {
  Entity far = Known();
  far.id = "XL-FAR";
  far.last_penalty_date = absl::CivilDay(1850, 1, 1);
  far.supervision_listed_date = absl::CivilDay(2100, 1, 1);
  Directory narrow, wide;
  for (const Entity& e : {Known(), Bare()}) {
    ASSERT_TRUE(narrow.Add(e).ok());
    ASSERT_TRUE(wide.Add(e).ok());
  }
  ASSERT_TRUE(wide.Add(far).ok());
  for (const char* text :
       {"last_penalty_date within 1 year", "last_penalty_date within 6 months",
        "last_penalty_date >= 2023-06-30", "last_penalty_date < period_start",
        "supervision_listed_date within 2 years", "last_penalty_date is known",
        "supervision_listed_date is not known", "days_before_period(last_penalty_date) <= 185",
        "not (supervision_listed_date == 2022-09-01)"}) {
    const Condition condition = C(text);
    const BoundCondition over_narrow = condition.Bind(narrow, kQ1), over_wide = condition.Bind(wide, kQ1);
    for (size_t row = 0; row < narrow.size(); ++row) {
      EXPECT_EQ(over_narrow.Evaluate(row), over_wide.Evaluate(row)) << text << " row " << row;
      EXPECT_EQ(over_narrow.Evaluate(row), condition.Evaluate(narrow.Get(row), kQ1))
          << text << " row " << row;
    }
  }
  EXPECT_EQ(C("last_penalty_date < 1900-01-01").Bind(wide, kQ1).Evaluate(2), Truth::kTrue);
  EXPECT_EQ(C("supervision_listed_date within 1 year").Bind(wide, kQ1).Evaluate(2), Truth::kFalse);
}

// Tag-set numbers are kept in 16 bits until a directory holds more than 65,535 distinct sets; "in tags"
// reads a table of the sets in the first case and searches each row's set in the second. Both must give
// the truths of the entity evaluated alone.
TEST(ConditionTest, TagTruthsDoNotDependOnTheTagSetStorage) {
  Directory narrow, wide;
  for (int i = 0; i < 300; ++i) {
    for (int j = 0; j < 220; ++j) {  // 66,000 distinct pairs of tags: the wide storage
      Entity e;
      e.id = "T-" + std::to_string(i) + "-" + std::to_string(j);
      e.tags = {"a" + std::to_string(i), "b" + std::to_string(j)};
      if (i < 2) {
        ASSERT_TRUE(narrow.Add(e).ok());
      }
      ASSERT_TRUE(wide.Add(e).ok());
    }
  }
  ASSERT_NE(narrow.columns().tag_set.narrow_data(), nullptr);
  ASSERT_EQ(wide.columns().tag_set.narrow_data(), nullptr) << "the test needs the 32-bit storage";
  for (const char* text : {"\"a1\" in tags", "\"b7\" not in tags", "\"a0\" in tags and \"b219\" in tags",
                           "not (\"b3\" in tags)"}) {
    const Condition condition = C(text);
    const BoundCondition over_narrow = condition.Bind(narrow, kQ1), over_wide = condition.Bind(wide, kQ1);
    std::vector<Truth> narrow_block(narrow.size()), wide_block(narrow.size());
    over_narrow.EvaluateBlock(0, narrow.size(), narrow_block.data());
    over_wide.EvaluateBlock(0, narrow.size(), wide_block.data());
    size_t true_rows = 0;
    for (size_t row = 0; row < narrow.size(); ++row) {
      const Truth alone = condition.Evaluate(narrow.Get(row), kQ1);
      EXPECT_EQ(narrow_block[row], alone) << text << " row " << row;
      EXPECT_EQ(wide_block[row], alone) << text << " row " << row;
      true_rows += alone == Truth::kTrue ? 1 : 0;
    }
    EXPECT_GT(true_rows, 0u) << text;
    EXPECT_LT(true_rows, narrow.size()) << text;
  }
}

TEST(ConditionTest, DatesAreRelativeToThePeriod) {
  const Entity e = Known();  // penalty 2023-06-30, listed 2022-09-01
  EXPECT_EQ(Eval("last_penalty_date within 1 year", e), Truth::kTrue);     // from 2023-01-01
  EXPECT_EQ(Eval("last_penalty_date within 6 months", e), Truth::kFalse);  // from 2023-07-01
  EXPECT_EQ(Eval("last_penalty_date within 185 days", e), Truth::kTrue);   // 2024-01-01 − 185 = 2023-06-30
  EXPECT_EQ(Eval("last_penalty_date within 184 days", e), Truth::kFalse);
  EXPECT_EQ(Eval("supervision_listed_date within 1 year", e), Truth::kFalse);
  EXPECT_EQ(Eval("supervision_listed_date within 2 years", e), Truth::kTrue);
  EXPECT_EQ(Eval("days_before_period(last_penalty_date) <= 185", e), Truth::kTrue);
  EXPECT_EQ(Eval("days_before_period(last_penalty_date) < 185", e), Truth::kFalse);
  EXPECT_EQ(Eval("days_before_period(last_penalty_date) == 185", e), Truth::kTrue);
  // A later period: the same penalty is now more than a year old.
  Condition within = C("last_penalty_date within 1 year");
  EXPECT_EQ(within.Evaluate(e, Period::Quarter(2024, 3)), Truth::kFalse);  // window from 2023-07-01
  // Dates inside the period count; dates after it do not.
  Entity later = e;
  later.last_penalty_date = absl::CivilDay(2024, 3, 31);
  EXPECT_EQ(within.Evaluate(later, kQ1), Truth::kTrue);
  later.last_penalty_date = absl::CivilDay(2024, 4, 1);
  EXPECT_EQ(within.Evaluate(later, kQ1), Truth::kFalse);
}

TEST(ConditionTest, UnknownValuesAreNeitherTrueNorFalse) {
  const Entity e = Bare();
  EXPECT_EQ(Eval("key_unit", e), Truth::kUnknown);
  EXPECT_EQ(Eval("not key_unit", e), Truth::kUnknown);
  EXPECT_EQ(Eval("penalties_last_year >= 1", e), Truth::kUnknown);
  EXPECT_EQ(Eval("not (penalties_last_year >= 1)", e), Truth::kUnknown);
  EXPECT_EQ(Eval("credit != \"A\"", e), Truth::kUnknown);
  EXPECT_EQ(Eval("permit_class not in [\"key\"]", e), Truth::kUnknown);
  // Dates record events: no date is no event, a false comparison rather than an unknown one.
  EXPECT_EQ(Eval("last_penalty_date within 1 year", e), Truth::kFalse);
  EXPECT_EQ(Eval("not (last_penalty_date < 2020-01-01)", e), Truth::kTrue);
  EXPECT_EQ(Eval("days_before_period(supervision_listed_date) <= 365", e), Truth::kFalse);
  EXPECT_EQ(Eval("penalties_last_year >= 1 or last_penalty_date within 1 year", e), Truth::kUnknown);
  // Kleene logic: a known answer decides where it can.
  EXPECT_EQ(Eval("key_unit or true", e), Truth::kTrue);
  EXPECT_EQ(Eval("key_unit and false", e), Truth::kFalse);
  EXPECT_EQ(Eval("key_unit or false", e), Truth::kUnknown);
  // Tags are never unknown; known-ness is testable.
  EXPECT_EQ(Eval("\"固废\" in tags", e), Truth::kFalse);
  EXPECT_EQ(Eval("key_unit is unknown", e), Truth::kTrue);
  EXPECT_EQ(Eval("credit is known", e), Truth::kFalse);
  EXPECT_EQ(Eval("penalties_last_year is not known", e), Truth::kTrue);
  EXPECT_EQ(Eval("last_penalty_date is unknown", e), Truth::kTrue);
  EXPECT_EQ(Eval("uscc is unknown", e), Truth::kTrue);
  EXPECT_EQ(Eval("status is known", e), Truth::kFalse);
  EXPECT_EQ(Eval("key_unit is known", Known()), Truth::kTrue);
  EXPECT_EQ(Eval("uscc == \"X\"", e), Truth::kUnknown);
}

TEST(ConditionTest, SyntaxErrorsNameTheRuleLineColumnAndWhatWasExpected) {
  std::string message = ErrorOf("penalties_last_year >=");
  EXPECT_HAS(message, ("classes.special[0]: line 1, column 23"));
  EXPECT_HAS(message, ("expected a whole number"));
  EXPECT_HAS(message, ("found the end of the condition"));
  EXPECT_HAS(message, ("    penalties_last_year >=\n                          ^"));

  message = ErrorOf("key_unit or\n  (permit_class = \"key\")");
  EXPECT_HAS(message, ("line 2, column 17"));
  EXPECT_HAS(message, ("write '=='"));

  EXPECT_HAS(ErrorOf("(key_unit or positive_list"), ("expected ')' to close the '(' at column 1"));
  EXPECT_HAS(ErrorOf("key_unit)"), ("no matching '('"));
  EXPECT_HAS(ErrorOf("key_unit && positive_list"), ("write 'and'"));
  EXPECT_HAS(ErrorOf("“固废” in tags"), ("straight quotes"));
  EXPECT_HAS(ErrorOf("\"固废 in tags"), ("not closed"));
  EXPECT_HAS(ErrorOf(""), ("the condition is empty"));
  EXPECT_HAS(ErrorOf("key_unit positive_list"), ("expected 'and', 'or' or the end"));
  EXPECT_HAS(ErrorOf("permit_class in []"), ("expected a quoted value in the list"));
  EXPECT_HAS(ErrorOf("permit_class in [\"key\" \"none\"]"), ("expected ',' or ']'"));
  EXPECT_HAS(ErrorOf("key_unit AND positive_list"), ("expected 'and', 'or'"));
  EXPECT_HAS(ErrorOf("AND"), ("keywords are lowercase"));
  EXPECT_HAS(ErrorOf("last_penalty_date >= 2023-02-30"), ("2023-02 has days 01 to 28"));
  EXPECT_HAS(ErrorOf("last_penalty_date within 1 week"), ("expected days, months or years"));
  EXPECT_HAS(ErrorOf("1 <= penalties_last_year"), ("expected an attribute on the left"));
  EXPECT_HAS(ErrorOf("\"固废\" in tag"), ("expected 'tags' after 'in'"));
  // Columns count characters; the caret accounts for wide CJK characters.
  message = ErrorOf("\"固废\" in tags and area == 杜固");
  EXPECT_HAS(message, ("line 1, column 26: unexpected '杜固'; values are written in quotes, e.g. \"杜固\""));
  EXPECT_HAS(message, ("\n" + std::string(4 + 27, ' ') + "^"));
}

TEST(ConditionTest, UnknownAttributesAndValuesAreRejectedWithTheAlternatives) {
  std::string message = ErrorOf("penalties >= 1");
  EXPECT_HAS(message, ("unknown attribute 'penalties'"));
  EXPECT_HAS(message, ("permit_class, key_unit"));
  EXPECT_HAS(ErrorOf("permit_clas == \"key\""), ("did you mean permit_class?"));
  message = ErrorOf("permit_class == \"keyy\"");
  EXPECT_HAS(message, ("unknown permit_class value \"keyy\""));
  EXPECT_HAS(message, ("\"key\", \"simplified\", \"registration\", \"none\""));
  EXPECT_HAS(ErrorOf("status in [\"active\", \"bankrupt\"]"), ("unknown status value \"bankrupt\""));
  EXPECT_HAS(ErrorOf("credit == \"\""), ("credit is unknown"));
}

TEST(ConditionTest, TypeErrorsSayHowToWriteTheTest) {
  EXPECT_HAS(ErrorOf("credit >= \"C\""), ("credit in [\"C\", \"D\"]"));
  EXPECT_HAS(ErrorOf("permit_class > \"none\""), ("permit_class has no order"));
  EXPECT_HAS(ErrorOf("penalties_last_year >= \"1\""), ("expected a whole number"));
  EXPECT_HAS(ErrorOf("penalties_last_year"), ("penalties_last_year >= 1"));
  EXPECT_HAS(ErrorOf("key_unit == 1"), ("expected true or false"));
  EXPECT_HAS(ErrorOf("key_unit > true"), ("yes/no flag"));
  EXPECT_HAS(ErrorOf("last_penalty_date >= 365"), ("expected a date"));
  EXPECT_HAS(ErrorOf("tags"), ("\"固废\" in tags"));
  EXPECT_HAS(ErrorOf("tags in [\"a\"]"), ("tags goes on the right"));
  EXPECT_HAS(ErrorOf("penalties_last_year within 1 year"), ("'within' applies to dates"));
  EXPECT_HAS(ErrorOf("\"A\" == credit"), ("expected 'in tags'"));
  EXPECT_HAS(ErrorOf("tags is unknown"), ("never unknown"));
}

TEST(ConditionTest, PrintsACanonicalFormThatParsesBack) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"permit_class=='key'  or key_unit", "permit_class == \"key\" or key_unit"},
      {"(a_b_c_placeholder)", ""},
      {"not(key_unit or positive_list)", "not (key_unit or positive_list)"},
      {"(key_unit or positive_list) and credit in ['C','D',]",
       "(key_unit or positive_list) and credit in [\"C\", \"D\"]"},
      {"key_unit == false", "not key_unit"},
      {"last_penalty_date within 1 years", "last_penalty_date within 1 year"},
      {"days_before_period( last_penalty_date )<=365", "days_before_period(last_penalty_date) <= 365"},
      {"\"固\\\"废\" not in tags", "\"固\\\"废\" not in tags"},
      {"emergency_risk >= '较大'", "emergency_risk >= \"larger\""},
      {"a_b_c_placeholder", ""},
  };
  for (const auto& [text, canonical] : cases) {
    if (canonical.empty()) continue;
    Condition condition = C(text);
    EXPECT_EQ(condition.ToString(), canonical) << text;
    EXPECT_EQ(C(condition.ToString()).ToString(), canonical);
    EXPECT_EQ(condition.text(), text);
  }
  EXPECT_EQ(C("credit == 'A' or not (key_unit and positive_list) or area == 'x'").Attributes(),
            (std::vector<std::string>{"area", "credit", "key_unit", "positive_list"}));
}

TEST(ConditionTest, BoundConditionEvaluatesWholeDirectoriesInBlocks) {
  Directory directory;
  for (int i = 0; i < 5000; ++i) {
    Entity e;
    e.id = "E" + std::to_string(i);
    e.credit = i % 4 == 0 ? "" : std::string(1, static_cast<char>('A' + i % 4));
    if (i % 3 != 0) e.penalties_last_year = i % 5;
    if (i % 7 == 0) e.tags = {"固废"};
    ASSERT_TRUE(directory.Add(e).ok());
  }
  BoundCondition bound =
      C("credit in [\"C\", \"D\"] or penalties_last_year >= 3 or \"固废\" in tags").Bind(directory, kQ1);
  std::vector<Truth> all(directory.size());
  bound.EvaluateBlock(0, directory.size(), all.data());
  for (size_t row = 0; row < directory.size(); ++row) {
    const int i = static_cast<int>(row);
    const bool credit_known = i % 4 != 0;
    const bool credit_hit = credit_known && (i % 4 == 2 || i % 4 == 3);
    const bool penalty_known = i % 3 != 0;
    const bool penalty_hit = penalty_known && i % 5 >= 3;
    const bool tag_hit = i % 7 == 0;
    Truth expected = (credit_hit || penalty_hit || tag_hit) ? Truth::kTrue
                     : (credit_known && penalty_known)      ? Truth::kFalse
                                                            : Truth::kUnknown;
    ASSERT_EQ(all[row], expected) << row;
    ASSERT_EQ(bound.Evaluate(row), expected) << row;
  }
  // A string that no entity has binds to constant answers.
  EXPECT_EQ(C("area == \"无此区域\"").Bind(directory, kQ1).Evaluate(1), Truth::kUnknown);  // area unknown
  EXPECT_FALSE(C("\"无此标签\" in tags").Bind(directory, kQ1).Matches(0));
}

TEST(ConditionTest, DefaultConditionMatchesEverything) {
  Condition all;
  EXPECT_EQ(all.text(), "true");
  EXPECT_EQ(all.Evaluate(Bare(), kQ1), Truth::kTrue);
}

}  // namespace
}  // namespace ssr
