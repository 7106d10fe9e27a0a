// Status codes, the per-thread error message and returned strings.
#include <string>
#include <thread>

#include "capi_test_util.h"
#include "gtest/gtest.h"

namespace {

using ssr_test::Message;

TEST(CapiStatusTest, CodesHaveTheirFixedValues) {
  // These numbers are the ABI: they must never change.
  EXPECT_EQ(SSR_OK, 0);
  EXPECT_EQ(SSR_INVALID_ARGUMENT, 1);
  EXPECT_EQ(SSR_NOT_FOUND, 2);
  EXPECT_EQ(SSR_FAILED_PRECONDITION, 3);
  EXPECT_EQ(SSR_OUT_OF_RANGE, 4);
  EXPECT_EQ(SSR_ALREADY_EXISTS, 5);
  EXPECT_EQ(SSR_RESOURCE_EXHAUSTED, 6);
  EXPECT_EQ(SSR_PERMISSION_DENIED, 7);
  EXPECT_EQ(SSR_INTERNAL, 8);
  EXPECT_EQ(SSR_UNIMPLEMENTED, 9);
}

TEST(CapiStatusTest, StatusNamesAreTheConstantNames) {
  EXPECT_STREQ(ssr_status_name(SSR_OK), "SSR_OK");
  EXPECT_STREQ(ssr_status_name(SSR_INVALID_ARGUMENT), "SSR_INVALID_ARGUMENT");
  EXPECT_STREQ(ssr_status_name(SSR_NOT_FOUND), "SSR_NOT_FOUND");
  EXPECT_STREQ(ssr_status_name(SSR_FAILED_PRECONDITION), "SSR_FAILED_PRECONDITION");
  EXPECT_STREQ(ssr_status_name(SSR_OUT_OF_RANGE), "SSR_OUT_OF_RANGE");
  EXPECT_STREQ(ssr_status_name(SSR_ALREADY_EXISTS), "SSR_ALREADY_EXISTS");
  EXPECT_STREQ(ssr_status_name(SSR_RESOURCE_EXHAUSTED), "SSR_RESOURCE_EXHAUSTED");
  EXPECT_STREQ(ssr_status_name(SSR_PERMISSION_DENIED), "SSR_PERMISSION_DENIED");
  EXPECT_STREQ(ssr_status_name(SSR_INTERNAL), "SSR_INTERNAL");
  EXPECT_STREQ(ssr_status_name(SSR_UNIMPLEMENTED), "SSR_UNIMPLEMENTED");
  EXPECT_STREQ(ssr_status_name(static_cast<ssr_status>(77)), "SSR_UNKNOWN_STATUS");
}

TEST(CapiErrorTest, MessageIsEmptyAfterSuccessAndSetAfterFailure) {
  EXPECT_NE(ssr_last_error_message(), nullptr);
  EXPECT_EQ(ssr_validate_seed(""), SSR_INVALID_ARGUMENT);
  EXPECT_FALSE(Message().empty());
  EXPECT_EQ(ssr_validate_seed("314159"), SSR_OK);
  EXPECT_EQ(Message(), "");
}

TEST(CapiErrorTest, NullArgumentsNameTheFunctionAndTheArgument) {
  EXPECT_EQ(ssr_validate_seed(nullptr), SSR_INVALID_ARGUMENT);
  EXPECT_EQ(Message(), "ssr_validate_seed: seed is NULL");
  EXPECT_EQ(ssr_plan_task_id(nullptr, 0), nullptr);
  EXPECT_EQ(Message(), "ssr_plan_task_id: plan is NULL");
}

TEST(CapiErrorTest, MessagesAreKeptPerThread) {
  ASSERT_EQ(ssr_uscc_check("91310110666007217A"), SSR_INVALID_ARGUMENT);
  std::string mine = Message();
  std::string theirs;
  std::thread other([&] {
    theirs = Message();  // a new thread starts with no message
    EXPECT_EQ(ssr_validate_seed(""), SSR_INVALID_ARGUMENT);
  });
  other.join();
  EXPECT_EQ(theirs, "");
  EXPECT_EQ(Message(), mine);
}

TEST(CapiErrorTest, FreeStringAcceptsNull) { ssr_free_string(nullptr); }

TEST(CapiErrorTest, EveryDestroyAcceptsNull) {
  ssr_bureau_destroy(nullptr);
  ssr_row_builder_destroy(nullptr);
  ssr_quality_report_destroy(nullptr);
  ssr_policy_destroy(nullptr);
  ssr_classification_destroy(nullptr);
  ssr_draw_options_destroy(nullptr);
  ssr_plan_destroy(nullptr);
  ssr_record_destroy(nullptr);
  ssr_calendar_destroy(nullptr);
}

}  // namespace
