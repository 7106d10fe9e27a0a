// Fuzzes Policy::FromJson and Policy::Check (policy files, docs/policy.md) over arbitrary text.
//
// Invariants:
//  - Check and FromJson agree: FromJson fails exactly when Check lists a problem, with InvalidArgument whose
//    UTF-8 message starts with the source name and holds every problem Check lists;
//  - every problem names the source, has a message, and a line and column that lie inside the text;
//  - an accepted policy's canonical JSON loads again as a policy with the same canonical JSON and digest
//    (the canonical form is a fixpoint), the digest is 64 lowercase hex digits, and every rule's condition
//    prints to a text that parses back to the same printed form;
//  - the accessors hold together: four pool quotas in rule order, a credit index for every class name.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "fuzz_check.h"
#include "ssrandom/policy.h"

namespace {

constexpr char kSource[] = "policy.json";

bool IsLowerHex(absl::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

void CheckRules(const std::vector<ssr::Policy::Rule>& rules) {
  for (const ssr::Policy::Rule& rule : rules) {
    const std::string printed = rule.condition.ToString();
    absl::StatusOr<ssr::Condition> again = ssr::Condition::Parse(printed, rule.name);
    FUZZ_CHECK_MSG(again.ok(), absl::StrCat(printed, "\n", again.status().message()));
    FUZZ_CHECK_MSG(again->ToString() == printed, printed);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  const std::vector<ssr::PolicyProblem> problems = ssr::Policy::Check(text, kSource);
  const absl::StatusOr<ssr::Policy> policy = ssr::Policy::FromJson(text, kSource);
  FUZZ_CHECK(policy.ok() == problems.empty());
  for (const ssr::PolicyProblem& problem : problems) {
    FUZZ_CHECK(problem.source == kSource);
    FUZZ_CHECK(!problem.message.empty());
    FUZZ_CHECK_MSG(ssr::fuzz::IsValidUtf8(problem.ToString()), problem.ToString());
    FUZZ_CHECK(problem.line >= 0 && problem.column >= 0);
    FUZZ_CHECK(static_cast<size_t>(problem.line) <= size + 1);
    FUZZ_CHECK(problem.line > 0 || problem.column == 0);
  }
  if (!policy.ok()) {
    ssr::fuzz::CheckErrorIsPrintable(policy.status());
    FUZZ_CHECK(policy.status().code() == absl::StatusCode::kInvalidArgument);
    FUZZ_CHECK_MSG(absl::StartsWith(policy.status().message(), kSource), policy.status().message());
    for (const ssr::PolicyProblem& problem : problems) {
      FUZZ_CHECK_MSG(absl::StrContains(policy.status().message(), problem.ToString()), problem.ToString());
    }
    return 0;
  }

  const std::string& canonical = policy->CanonicalJson();
  FUZZ_CHECK(ssr::fuzz::IsValidUtf8(canonical));
  FUZZ_CHECK(policy->Digest().size() == 64 && IsLowerHex(policy->Digest()));
  absl::StatusOr<ssr::Policy> again = ssr::Policy::FromJson(canonical, "canonical.json");
  FUZZ_CHECK_MSG(again.ok(), absl::StrCat(again.status().message(), "\n", canonical));
  FUZZ_CHECK(again->CanonicalJson() == canonical);
  FUZZ_CHECK(again->Digest() == policy->Digest());
  FUZZ_CHECK(again->name() == policy->name());

  for (ssr::SupervisionClass c :
       {ssr::SupervisionClass::kSpecial, ssr::SupervisionClass::kKey, ssr::SupervisionClass::kGeneral}) {
    CheckRules(policy->class_rules(c));
  }
  CheckRules(policy->exclusion_rules());
  const std::vector<ssr::Policy::PoolQuota>& quotas = policy->pool_quotas();
  FUZZ_CHECK(quotas.size() == 4);
  const ssr::Pool order[] = {ssr::Pool::kSpecial, ssr::Pool::kKey, ssr::Pool::kPositive, ssr::Pool::kGeneral};
  for (size_t i = 0; i < quotas.size(); ++i) {
    FUZZ_CHECK(quotas[i].pool == order[i]);
    FUZZ_CHECK(&policy->pool_quota(order[i]) == &quotas[i] || policy->pool_quota(order[i]).pool == order[i]);
  }
  const std::vector<std::string>& credit = policy->credit_classes();
  for (size_t i = 0; i < credit.size(); ++i) {
    FUZZ_CHECK_MSG(policy->CreditIndexOf(credit[i]) == static_cast<int>(i), credit[i]);
  }
  FUZZ_CHECK(credit.empty() ? policy->unknown_credit_index() == -1
                            : policy->unknown_credit_index() >= 0 &&
                                  policy->unknown_credit_index() < static_cast<int>(credit.size()));
  FUZZ_CHECK(policy->yearly_cap() >= 1);
  FUZZ_CHECK(policy->team().min_size >= 2);
  return 0;
}
