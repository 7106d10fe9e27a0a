// Helpers for the C ABI tests: RAII owners for handles and returned strings, and the repository paths.
// Like the tests, it includes only ssrandom.h (and the standard library).
#ifndef SSRANDOM_TESTS_CAPI_CAPI_TEST_UTIL_H_
#define SSRANDOM_TESTS_CAPI_CAPI_TEST_UTIL_H_

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "ssrandom.h"

namespace ssr_test {

template <typename T, void (*Destroy)(T*)>
struct Deleter {
  void operator()(T* handle) const { Destroy(handle); }
};
template <typename T, void (*Destroy)(T*)>
using Owned = std::unique_ptr<T, Deleter<T, Destroy>>;

using Bureau = Owned<ssr_bureau, ssr_bureau_destroy>;
using Builder = Owned<ssr_row_builder, ssr_row_builder_destroy>;
using Report = Owned<ssr_quality_report, ssr_quality_report_destroy>;
using Policy = Owned<ssr_policy, ssr_policy_destroy>;
using Classification = Owned<ssr_classification, ssr_classification_destroy>;
using Options = Owned<ssr_draw_options, ssr_draw_options_destroy>;
using Plan = Owned<ssr_plan, ssr_plan_destroy>;
using Record = Owned<ssr_record, ssr_record_destroy>;
using Calendar = Owned<ssr_calendar, ssr_calendar_destroy>;

// Takes a string returned through char** and frees it.
inline std::string Take(char* text) {
  std::string copy = text == nullptr ? std::string("<NULL>") : std::string(text);
  ssr_free_string(text);
  return copy;
}

inline std::string Message() { return ssr_last_error_message(); }

inline bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

inline std::string SourcePath(const std::string& relative) {
  return std::string(SSR_SOURCE_DIR) + "/" + relative;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline Bureau SampleBureau() {
  ssr_bureau* bureau = nullptr;
  if (ssr_bureau_create_sample(&bureau) != SSR_OK) std::abort();
  return Bureau(bureau);
}

inline Policy Preset(const char* name = "hebei-xinle-2024") {
  ssr_policy* policy = nullptr;
  if (ssr_policy_load(name, &policy) != SSR_OK) std::abort();
  return Policy(policy);
}

inline Options SeededOptions(const char* seed = "福利彩票 2024-01-05 3D 317") {
  ssr_draw_options* options = nullptr;
  if (ssr_draw_options_create(&options) != SSR_OK) std::abort();
  if (ssr_draw_options_set_string(options, SSR_DRAW_SEED, seed) != SSR_OK) std::abort();
  return Options(options);
}

struct Drawn {
  Plan plan;
  Record record;
};

inline Drawn Draw(const ssr_bureau* bureau, const ssr_policy* policy, const char* period,
                  const ssr_draw_options* options) {
  ssr_plan* plan = nullptr;
  ssr_record* record = nullptr;
  if (ssr_draw(bureau, policy, period, options, &plan, &record) != SSR_OK) {
    std::fprintf(stderr, "draw failed: %s\n", ssr_last_error_message());
    std::abort();
  }
  return {Plan(plan), Record(record)};
}

inline std::string PlanDigest(const ssr_plan* plan) {
  char digest[SSR_DIGEST_SIZE];
  if (ssr_plan_digest(plan, digest, sizeof digest) != SSR_OK) return "<error>";
  return digest;
}

}  // namespace ssr_test

#endif  // SSRANDOM_TESTS_CAPI_CAPI_TEST_UTIL_H_
