// What capi_fuzzer (tests/fuzz) found in the C ABI, one case each, named after what the library does now
// (docs/reliability.md): every message stays UTF-8 whatever bytes a caller passes.
#include <string>

#include "capi_test_util.h"
#include "gtest/gtest.h"

namespace {

// Whether `text` is well-formed UTF-8 (the same rule as the fuzzers' check, written again here: this
// suite links only libssrandom.so).
bool IsUtf8(const std::string& text) {
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    size_t length = c < 0x80             ? 1
                    : (c & 0xE0) == 0xC0 ? 2
                    : (c & 0xF0) == 0xE0 ? 3
                    : (c & 0xF8) == 0xF0 ? 4
                                         : 0;
    if (length == 0 || i + length > text.size() || (length == 2 && c < 0xC2)) return false;
    for (size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += length;
  }
  return true;
}

TEST(CapiFuzzRegressionTest, UsccCheckCharacterOfBytesThatAreNotUtf8QuotesThemEscaped) {
  // capi_fuzzer, corpus/capi/program_calendar_seeds_codes.bin: the message quoted the raw bytes.
  char check = '?';
  EXPECT_EQ(ssr_uscc_check_character("\xff\xfe", &check), SSR_INVALID_ARGUMENT);
  const std::string message = ssr_last_error_message();
  EXPECT_TRUE(IsUtf8(message)) << message;
  EXPECT_NE(message.find("'\\xFF\\xFE' is not 17 characters of the USCC alphabet"), std::string::npos)
      << message;
  EXPECT_EQ(check, '?');
}

TEST(CapiFuzzRegressionTest, ASourceNameThatIsNotUtf8IsEscapedInTheMessage) {
  // capi_fuzzer, corpus/capi/source_name_not_utf8.bin: every reader starts its messages with the caller's
  // source name, quoted raw. Now every message passes through one escape where the ABI stores it.
  const char* const kSource = "plan\xe4\xb8.json";  // a character cut after two of its three bytes
  ssr_plan* plan = nullptr;
  EXPECT_EQ(ssr_plan_from_json("", 0, kSource, &plan), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(plan, nullptr);
  std::string message = ssr_last_error_message();
  EXPECT_TRUE(IsUtf8(message)) << message;
  EXPECT_NE(message.find("plan\\xE4\\xB8.json"), std::string::npos) << message;
  ssr_policy* policy = nullptr;
  EXPECT_EQ(ssr_policy_from_json("{", 1, kSource, &policy), SSR_INVALID_ARGUMENT);
  message = ssr_last_error_message();
  EXPECT_TRUE(IsUtf8(message)) << message;
  ssr_calendar* calendar = nullptr;
  ASSERT_EQ(ssr_calendar_create_empty(&calendar), SSR_OK);
  EXPECT_EQ(ssr_calendar_load_json(calendar, "[", 1, kSource), SSR_INVALID_ARGUMENT);
  message = ssr_last_error_message();
  EXPECT_TRUE(IsUtf8(message)) << message;
  ssr_calendar_destroy(calendar);
}

TEST(CapiFuzzRegressionTest, ASourceNameThatIsNotUtf8IsEscapedInQualityReports) {
  // capi_fuzzer, corpus/capi/report_source_not_utf8.bin: the name went raw into every issue of the
  // quality report and into its JSON, which was then not UTF-8.
  ssr_bureau* bureau = nullptr;
  ASSERT_EQ(ssr_bureau_create("b", &bureau), SSR_OK);
  ssr_quality_report* report = nullptr;
  const char kTable[] = "id,permit_class\nXL-1,nonsense\n";
  EXPECT_EQ(ssr_bureau_read_table(bureau, SSR_TABLE_ENTITIES, kTable, sizeof kTable - 1, SSR_FORMAT_CSV,
                                  "e\xc8\xff.csv", &report),
            SSR_INVALID_ARGUMENT);
  ASSERT_NE(report, nullptr);
  ASSERT_GT(ssr_quality_report_issue_count(report), 0u);
  EXPECT_STREQ(ssr_quality_report_issue_source(report, 0), "e\\xC8\\xFF.csv");
  char* json = nullptr;
  ASSERT_EQ(ssr_quality_report_to_json(report, &json), SSR_OK);
  EXPECT_TRUE(IsUtf8(json)) << json;
  ssr_free_string(json);
  ssr_quality_report_destroy(report);
  ssr_bureau_destroy(bureau);
}

TEST(CapiFuzzRegressionTest, ABureauNameThatIsNotUtf8IsRefused) {
  // capi_fuzzer, corpus/capi/bureau_name_not_utf8.bin: ssr_bureau_create and ssr_bureau_set_name took any
  // bytes without a control character, and the name then made the summary text and JSON not UTF-8.
  ssr_bureau* bureau = nullptr;
  EXPECT_EQ(ssr_bureau_create("\xe6\x96\xb0\xe4\xb9", &bureau), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(bureau, nullptr);
  EXPECT_NE(std::string(ssr_last_error_message()).find("not UTF-8"), std::string::npos);
  ASSERT_EQ(ssr_bureau_create("新乐", &bureau), SSR_OK);
  EXPECT_EQ(ssr_bureau_set_name(bureau, "\xff"), SSR_INVALID_ARGUMENT);
  EXPECT_STREQ(ssr_bureau_name(bureau), "新乐");
  ssr_bureau_destroy(bureau);
}

TEST(CapiFuzzRegressionTest, MessagesAboutTextThatIsNotUtf8AreUtf8) {
  const char* const kGbk = "\xB9\xAB\xCB\xBE";  // 公司 in GBK
  char buffer[SSR_TICKET_SIZE];
  for (int call = 0; call < 4; ++call) {
    ssr_status status = SSR_OK;
    switch (call) {
      case 0:
        status = ssr_validate_seed(kGbk);
        break;
      case 1:
        status = ssr_uscc_check(kGbk);
        break;
      case 2:
        status = ssr_ticket(kGbk, "XL-1", buffer, sizeof buffer);
        break;
      default:
        status = ssr_bureau_create(kGbk, nullptr);
        break;
    }
    EXPECT_EQ(status, SSR_INVALID_ARGUMENT) << call;
    const std::string message = ssr_last_error_message();
    EXPECT_FALSE(message.empty()) << call;
    EXPECT_TRUE(IsUtf8(message)) << call << ": " << message;
  }
}

TEST(CapiFuzzRegressionTest, RowTextThatIsNotUtf8IsRefusedAndTheBureauStaysWritable) {
  // capi_fuzzer, corpus/capi/entity_text_not_utf8.bin: ssr_bureau_add_row took row text that was not UTF-8
  // (only control characters were refused), and ssr_bureau_to_json then failed with an internal error.
  const char* const kGbk = "\xB9\xAB\xCB\xBE";  // 公司 in GBK
  ssr_bureau* bureau = nullptr;
  ASSERT_EQ(ssr_bureau_create("新乐", &bureau), SSR_OK);
  struct Case {
    ssr_table table;
    const char* id_field;
    const char* text_field;
    const char* other_required = nullptr;  // set to "X-2"
  };
  for (const Case& c :
       {Case{SSR_TABLE_ENTITIES, "id", "name"}, Case{SSR_TABLE_INSPECTORS, "id", "name"},
        Case{SSR_TABLE_UNITS, "id", "name"}, Case{SSR_TABLE_DEPARTMENTS, "id", "name"},
        Case{SSR_TABLE_ITEMS, "id", "name"}, Case{SSR_TABLE_CONFLICTS, "inspector_id", "reason", "entity_id"},
        Case{SSR_TABLE_PAIR_EXCLUSIONS, "inspector_a", "reason", "inspector_b"}}) {
    ssr_row_builder* row = nullptr;
    ASSERT_EQ(ssr_row_builder_create(c.table, &row), SSR_OK);
    ASSERT_EQ(ssr_row_builder_set(row, c.id_field, "X-1"), SSR_OK) << c.table;
    if (c.other_required != nullptr) {
      ASSERT_EQ(ssr_row_builder_set(row, c.other_required, "X-2"), SSR_OK);
    }
    ASSERT_EQ(ssr_row_builder_set(row, c.text_field, kGbk), SSR_OK) << c.table;
    EXPECT_EQ(ssr_bureau_add_row(bureau, row), SSR_INVALID_ARGUMENT) << c.table;
    const std::string message = ssr_last_error_message();
    EXPECT_NE(message.find("is not UTF-8 text"), std::string::npos) << c.table << ": " << message;
    EXPECT_TRUE(IsUtf8(message)) << message;
    EXPECT_EQ(ssr_bureau_row_count(bureau, c.table), 0u) << c.table;
    ssr_row_builder_destroy(row);
  }
  char* json = nullptr;
  EXPECT_EQ(ssr_bureau_to_json(bureau, &json), SSR_OK) << ssr_last_error_message();
  ssr_free_string(json);
  ssr_bureau_destroy(bureau);
}

}  // namespace
