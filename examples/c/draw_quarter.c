/*
 * draw_quarter.c — embedding libssrandom from C: the quarterly draw of a bureau, its strata, the plan digest
 * and the verification of the public record, freeing everything.
 *
 *   draw_quarter [BUREAU_FOLDER]
 *
 * Loads the bureau folder (e.g. data/sample_bureau), or the built-in sample bureau without an argument,
 * draws 2024Q1 under the preset policy hebei-xinle-2024 with a fixed public seed, prints one line per
 * stratum and the plan digest, then verifies the record. examples/java/DrawQuarter.java does the same
 * through JNA and prints the same text (tests/CMakeLists.txt compares them). Exit status 0 when the record
 * verifies, 1 on any error (the message on stderr).
 */
#include <stdio.h>

#include "ssrandom.h"

#define SEED "福利彩票 2024-01-05 3D 317"
#define SEED_SOURCE "example: a lottery result announced after the freeze"

/* Prints the library's message for a failed call and returns 1, so that `return fail(...)` ends main. */
static int fail(const char* what) {
  fprintf(stderr, "draw_quarter: %s: %s\n", what, ssr_last_error_message());
  return 1;
}

static int run(const char* folder, ssr_bureau** bureau, ssr_policy** policy, ssr_draw_options** options,
               ssr_plan** plan, ssr_record** record) {
  char digest[SSR_DIGEST_SIZE];
  size_t stratum;
  ssr_status verified;

  if (folder != NULL ? ssr_bureau_load(folder, "2024-01-01", bureau, NULL) != SSR_OK
                     : ssr_bureau_create_sample(bureau) != SSR_OK) {
    return fail("loading the bureau");
  }
  if (ssr_policy_load("hebei-xinle-2024", policy) != SSR_OK) return fail("loading the policy");
  if (ssr_draw_options_create(options) != SSR_OK ||
      ssr_draw_options_set_string(*options, SSR_DRAW_SEED, SEED) != SSR_OK ||
      ssr_draw_options_set_string(*options, SSR_DRAW_SEED_SOURCE, SEED_SOURCE) != SSR_OK) {
    return fail("setting the draw options");
  }
  if (ssr_draw(*bureau, *policy, "2024Q1", *options, plan, record) != SSR_OK) return fail("drawing");

  printf("bureau: %s (%lu entities)\n", ssr_bureau_name(*bureau),
         (unsigned long)ssr_bureau_row_count(*bureau, SSR_TABLE_ENTITIES));
  printf("policy: %s\n", ssr_policy_name(*policy));
  printf("period: %s, seed: %s\n", ssr_record_period(*record), ssr_record_seed(*record));
  printf("%-12s %6s %6s %8s\n", "stratum", "pool", "quota", "selected");
  for (stratum = 0; stratum < ssr_record_stratum_count(*record); ++stratum) {
    printf("%-12s %6lld %6lld %8lu\n", ssr_record_stratum_name(*record, stratum),
           (long long)ssr_record_stratum_pool_size(*record, stratum),
           (long long)ssr_record_stratum_quota(*record, stratum),
           (unsigned long)ssr_record_stratum_selected_count(*record, stratum));
  }
  printf("tasks: %lu\n", (unsigned long)ssr_plan_task_count(*plan));
  if (ssr_plan_task_count(*plan) > 0) {
    printf("first task: %s %s %s\n", ssr_plan_task_id(*plan, 0), ssr_plan_task_entity_name(*plan, 0),
           ssr_plan_task_method(*plan, 0));
  }
  if (ssr_plan_digest(*plan, digest, sizeof digest) != SSR_OK) return fail("digesting the plan");
  printf("plan digest: %s\n", digest);

  verified = ssr_record_verify(*record, *bureau, *policy, NULL);
  if (verified != SSR_OK) return fail("verifying the record");
  printf("record: verified\n");
  return 0;
}

int main(int argc, char** argv) {
  ssr_bureau* bureau = NULL;
  ssr_policy* policy = NULL;
  ssr_draw_options* options = NULL;
  ssr_plan* plan = NULL;
  ssr_record* record = NULL;
  int status = run(argc > 1 ? argv[1] : NULL, &bureau, &policy, &options, &plan, &record);
  /* Every handle, whether or not the run got as far as creating it: destroy accepts NULL. */
  ssr_record_destroy(record);
  ssr_plan_destroy(plan);
  ssr_draw_options_destroy(options);
  ssr_policy_destroy(policy);
  ssr_bureau_destroy(bureau);
  return status;
}
