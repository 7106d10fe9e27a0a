/* Draws 2024Q1 for the built-in sample bureau through the installed C ABI and prints the plan digest. */
#include <stdio.h>

#include <ssrandom.h>

int main(void) {
  ssr_bureau* bureau = NULL;
  ssr_policy* policy = NULL;
  ssr_draw_options* options = NULL;
  ssr_plan* plan = NULL;
  ssr_record* record = NULL;
  char digest[SSR_DIGEST_SIZE];
  int failed = ssr_bureau_create_sample(&bureau) != SSR_OK ||
               ssr_policy_load("hebei-xinle-2024", &policy) != SSR_OK ||
               ssr_draw_options_create(&options) != SSR_OK ||
               ssr_draw_options_set_string(options, SSR_DRAW_SEED, "install test") != SSR_OK ||
               ssr_draw(bureau, policy, "2024Q1", options, &plan, &record) != SSR_OK ||
               ssr_plan_digest(plan, digest, sizeof digest) != SSR_OK ||
               ssr_record_verify(record, bureau, policy, NULL) != SSR_OK;
  if (failed) {
    fprintf(stderr, "consumer_c: %s\n", ssr_last_error_message());
  } else {
    printf("libssrandom %s: %s\n", ssr_version_string(), digest);
  }
  ssr_record_destroy(record);
  ssr_plan_destroy(plan);
  ssr_draw_options_destroy(options);
  ssr_policy_destroy(policy);
  ssr_bureau_destroy(bureau);
  return failed ? 1 : 0;
}
