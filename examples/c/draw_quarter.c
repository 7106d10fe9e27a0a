/*
 * draw_quarter.c — embedding libssrandom from C: the quarterly draw of a bureau, its strata, the plan digest
 * and the verification of the public record; the team draw and its verification; the compliance check of
 * the assigned plan and its findings — freeing everything.
 *
 *   draw_quarter [BUREAU_FOLDER]
 *
 * Loads the bureau folder (e.g. data/sample_bureau), or the built-in sample bureau without an argument,
 * draws 2024Q1 under the preset policy hebei-xinle-2024 with a fixed public seed, prints one line per
 * stratum and the plan digest, then verifies the record. Then draws every task's team under the policy's
 * team rules, prints the joint counts, the first team and the team record's digest, verifies the team
 * record, and checks the quarter as of the day of the draw (a prospective check), printing one line per
 * finding. examples/java/DrawQuarter.java does the same through JNA and prints the same text
 * (examples/CMakeLists.txt compares them). Exit status 0 when both records verify, 1 on any error (the
 * message on stderr).
 */
#include <stdio.h>

#include "ssrandom.h"

#define SEED "福利彩票 2024-01-05 3D 317"
#define SEED_SOURCE "example: a lottery result announced after the freeze"
#define CHECK_DAY "2024-01-08"

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

/* The second random: every task's team, drawn from the inspectors under the policy's team rules. */
static int assign(const ssr_bureau* bureau, const ssr_policy* policy, const ssr_plan* plan,
                  ssr_team_rules** rules, ssr_plan** assigned, ssr_team_record** teams) {
  char digest[SSR_DIGEST_SIZE];
  size_t member;

  if (ssr_team_rules_from_policy(policy, rules) != SSR_OK) return fail("reading the team rules");
  if (ssr_assign_teams(bureau, *rules, plan, NULL, assigned, teams) != SSR_OK)
    return fail("drawing the teams");
  printf(
      "teams: %lld tasks, %lld internal joint (year requires %lld), %lld department joint, load cap %d%%\n",
      (long long)ssr_team_record_tasks(*teams), (long long)ssr_team_record_internal_joint(*teams),
      (long long)ssr_team_record_year_internal_joint_required(*teams),
      (long long)ssr_team_record_department_joint(*teams), ssr_team_record_load_cap_percent(*teams));
  if (ssr_team_record_team_count(*teams) > 0) {
    printf("first team: %s", ssr_team_record_team_task_id(*teams, 0));
    for (member = 0; member < ssr_team_record_team_member_count(*teams, 0); ++member) {
      printf(" %s", ssr_team_record_team_member(*teams, 0, member));
    }
    printf(" (%s, %lu passed over)\n", ssr_team_record_team_joint_type(*teams, 0),
           (unsigned long)ssr_team_record_team_skipped_count(*teams, 0));
  }
  if (ssr_plan_digest(*assigned, digest, sizeof digest) != SSR_OK) return fail("digesting the plan");
  printf("assigned plan digest: %s\n", digest);
  if (ssr_team_record_digest(*teams, digest, sizeof digest) != SSR_OK) return fail("digesting the teams");
  printf("team record digest: %s\n", digest);
  if (ssr_team_record_verify(*teams, bureau, *rules, plan, NULL) != SSR_OK)
    return fail("verifying the teams");
  printf("teams: verified\n");
  return 0;
}

/* The compliance check of the assigned plan on the day of the draw: will the quarter meet every rule? The
 * pool sizes come from the bureau (the entity draw's record would serve too: it names the plan without its
 * teams). */
static int check(const ssr_bureau* bureau, const ssr_policy* policy, const ssr_plan* assigned,
                 ssr_check_options** options, ssr_check_report** report) {
  size_t finding;

  if (ssr_check_options_create(options) != SSR_OK ||
      ssr_check_options_add_plan(*options, assigned) != SSR_OK ||
      ssr_check_options_set_string(*options, SSR_CHECK_AS_OF, CHECK_DAY) != SSR_OK) {
    return fail("setting the check options");
  }
  if (ssr_check(policy, "2024Q1", bureau, *options, report) != SSR_OK) return fail("checking");
  printf("check %s as of %s (%s): %lu findings, %lld met, %lld not yet due, %s\n",
         ssr_check_report_period(*report), ssr_check_report_as_of(*report), ssr_check_report_mode(*report),
         (unsigned long)ssr_check_report_finding_count(*report),
         (long long)ssr_check_report_status_count(*report, "met"),
         (long long)ssr_check_report_status_count(*report, "not_yet_due"),
         ssr_check_report_ok(*report) == 1 ? "ok" : "NOT ok");
  for (finding = 0; finding < ssr_check_report_finding_count(*report); ++finding) {
    printf("%-16s %-8s %-12s %s\n", ssr_check_report_finding_rule(*report, finding),
           ssr_check_report_finding_pool(*report, finding), ssr_check_report_finding_status(*report, finding),
           ssr_check_report_finding_measured_text(*report, finding));
  }
  return 0;
}

int main(int argc, char** argv) {
  ssr_bureau* bureau = NULL;
  ssr_policy* policy = NULL;
  ssr_draw_options* options = NULL;
  ssr_plan* plan = NULL;
  ssr_record* record = NULL;
  ssr_team_rules* rules = NULL;
  ssr_plan* assigned = NULL;
  ssr_team_record* teams = NULL;
  ssr_check_options* check_options = NULL;
  ssr_check_report* report = NULL;
  int status = run(argc > 1 ? argv[1] : NULL, &bureau, &policy, &options, &plan, &record);
  if (status == 0) status = assign(bureau, policy, plan, &rules, &assigned, &teams);
  if (status == 0) status = check(bureau, policy, assigned, &check_options, &report);
  /* Every handle, whether or not the run got as far as creating it: destroy accepts NULL. */
  ssr_check_report_destroy(report);
  ssr_check_options_destroy(check_options);
  ssr_team_record_destroy(teams);
  ssr_plan_destroy(assigned);
  ssr_team_rules_destroy(rules);
  ssr_record_destroy(record);
  ssr_plan_destroy(plan);
  ssr_draw_options_destroy(options);
  ssr_policy_destroy(policy);
  ssr_bureau_destroy(bureau);
  return status;
}
