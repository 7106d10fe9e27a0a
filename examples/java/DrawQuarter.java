// DrawQuarter.java — embedding libssrandom from Java 17 through JNA: the same draw, team draw and
// compliance check as examples/c/draw_quarter.c, printing the same text (the tests compare the two outputs
// byte for byte).
//
//   javac -cp jna-5.14.0.jar -d classes DrawQuarter.java
//   java -cp classes:jna-5.14.0.jar -Djna.library.path=/path/to/lib DrawQuarter [BUREAU_FOLDER]
//
// Mapping the C ABI (include/ssrandom.h) to JNA:
//  - handles are Pointers; an out handle (ssr_plan** out) is a PointerByReference;
//  - const char* results are borrowed from their handle, so JNA's String mapping copies them safely;
//    strings are UTF-8 both ways (OPTION_STRING_ENCODING below; the JVM default may be ASCII);
//  - fixed-size values (digests) are written into a byte[] of SSR_DIGEST_SIZE;
//  - size_t and int64_t are Java longs (64-bit platforms), ssr_status and enums are ints;
//  - every handle is destroyed in a finally block: the garbage collector knows nothing about them.
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

public final class DrawQuarter {
  /** The part of the C ABI this example uses. */
  public interface Ssr extends Library {
    Ssr LIB =
        Native.load("ssrandom", Ssr.class, Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));

    int SSR_OK = 0;
    int SSR_TABLE_ENTITIES = 0;
    int SSR_DRAW_SEED = 1;
    int SSR_DRAW_SEED_SOURCE = 2;
    int SSR_DIGEST_SIZE = 65;
    int SSR_CHECK_AS_OF = 1;

    String ssr_last_error_message();

    int ssr_bureau_load(String path, String asOf, PointerByReference out, Pointer outReport);
    int ssr_bureau_create_sample(PointerByReference out);
    void ssr_bureau_destroy(Pointer bureau);
    String ssr_bureau_name(Pointer bureau);
    long ssr_bureau_row_count(Pointer bureau, int table);

    int ssr_policy_load(String nameOrPath, PointerByReference out);
    void ssr_policy_destroy(Pointer policy);
    String ssr_policy_name(Pointer policy);

    int ssr_draw_options_create(PointerByReference out);
    void ssr_draw_options_destroy(Pointer options);
    int ssr_draw_options_set_string(Pointer options, int key, String value);

    int ssr_draw(Pointer bureau, Pointer policy, String period, Pointer options,
        PointerByReference outPlan, PointerByReference outRecord);

    void ssr_plan_destroy(Pointer plan);
    long ssr_plan_task_count(Pointer plan);
    String ssr_plan_task_id(Pointer plan, long task);
    String ssr_plan_task_entity_name(Pointer plan, long task);
    String ssr_plan_task_method(Pointer plan, long task);
    int ssr_plan_digest(Pointer plan, byte[] buffer, long size);

    void ssr_record_destroy(Pointer record);
    String ssr_record_period(Pointer record);
    String ssr_record_seed(Pointer record);
    long ssr_record_stratum_count(Pointer record);
    String ssr_record_stratum_name(Pointer record, long stratum);
    long ssr_record_stratum_pool_size(Pointer record, long stratum);
    long ssr_record_stratum_quota(Pointer record, long stratum);
    long ssr_record_stratum_selected_count(Pointer record, long stratum);
    int ssr_record_verify(Pointer record, Pointer bureau, Pointer policy, Pointer history);

    int ssr_team_rules_from_policy(Pointer policy, PointerByReference out);
    void ssr_team_rules_destroy(Pointer rules);
    int ssr_assign_teams(Pointer bureau, Pointer rules, Pointer plan, Pointer options,
        PointerByReference outPlan, PointerByReference outRecord);
    void ssr_team_record_destroy(Pointer record);
    long ssr_team_record_tasks(Pointer record);
    long ssr_team_record_internal_joint(Pointer record);
    long ssr_team_record_year_internal_joint_required(Pointer record);
    long ssr_team_record_department_joint(Pointer record);
    int ssr_team_record_load_cap_percent(Pointer record);
    long ssr_team_record_team_count(Pointer record);
    String ssr_team_record_team_task_id(Pointer record, long team);
    long ssr_team_record_team_member_count(Pointer record, long team);
    String ssr_team_record_team_member(Pointer record, long team, long index);
    String ssr_team_record_team_joint_type(Pointer record, long team);
    long ssr_team_record_team_skipped_count(Pointer record, long team);
    int ssr_team_record_digest(Pointer record, byte[] buffer, long size);
    int ssr_team_record_verify(
        Pointer record, Pointer bureau, Pointer rules, Pointer plan, Pointer options);

    int ssr_check_options_create(PointerByReference out);
    void ssr_check_options_destroy(Pointer options);
    int ssr_check_options_add_plan(Pointer options, Pointer plan);
    int ssr_check_options_set_string(Pointer options, int key, String value);
    int ssr_check(Pointer policy, String period, Pointer bureau, Pointer options,
        PointerByReference out);
    void ssr_check_report_destroy(Pointer report);
    String ssr_check_report_period(Pointer report);
    String ssr_check_report_as_of(Pointer report);
    String ssr_check_report_mode(Pointer report);
    int ssr_check_report_ok(Pointer report);
    long ssr_check_report_status_count(Pointer report, String status);
    long ssr_check_report_finding_count(Pointer report);
    String ssr_check_report_finding_rule(Pointer report, long finding);
    String ssr_check_report_finding_pool(Pointer report, long finding);
    String ssr_check_report_finding_status(Pointer report, long finding);
    String ssr_check_report_finding_measured_text(Pointer report, long finding);
  }

  /** A failed call: the step and the library's message for it. */
  static final class SsrException extends Exception {
    private static final long serialVersionUID = 1L;

    SsrException(String what) {
      super(what + ": " + Ssr.LIB.ssr_last_error_message());
    }
  }

  static final String SEED = "福利彩票 2024-01-05 3D 317";
  static final String SEED_SOURCE = "example: a lottery result announced after the freeze";
  static final String CHECK_DAY = "2024-01-08";

  static void check(int status, String what) throws SsrException {
    if (status != Ssr.SSR_OK) throw new SsrException(what);
  }

  public static void main(String[] args) {
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    Ssr ssr = Ssr.LIB;
    PointerByReference bureau = new PointerByReference();
    PointerByReference policy = new PointerByReference();
    PointerByReference options = new PointerByReference();
    PointerByReference plan = new PointerByReference();
    PointerByReference record = new PointerByReference();
    PointerByReference rules = new PointerByReference();
    PointerByReference assigned = new PointerByReference();
    PointerByReference teams = new PointerByReference();
    PointerByReference checkOptions = new PointerByReference();
    PointerByReference report = new PointerByReference();
    int exit = 0;
    try {
      if (args.length > 0) {
        check(ssr.ssr_bureau_load(args[0], "2024-01-01", bureau, null), "loading the bureau");
      } else {
        check(ssr.ssr_bureau_create_sample(bureau), "loading the bureau");
      }
      check(ssr.ssr_policy_load("hebei-xinle-2024", policy), "loading the policy");
      check(ssr.ssr_draw_options_create(options), "setting the draw options");
      check(ssr.ssr_draw_options_set_string(options.getValue(), Ssr.SSR_DRAW_SEED, SEED),
          "setting the draw options");
      check(ssr.ssr_draw_options_set_string(
                options.getValue(), Ssr.SSR_DRAW_SEED_SOURCE, SEED_SOURCE),
          "setting the draw options");
      check(ssr.ssr_draw(bureau.getValue(), policy.getValue(), "2024Q1", options.getValue(), plan,
                record),
          "drawing");

      Pointer r = record.getValue();
      Pointer p = plan.getValue();
      StringBuilder text = new StringBuilder();
      text.append(String.format(Locale.ROOT, "bureau: %s (%d entities)\n",
          ssr.ssr_bureau_name(bureau.getValue()),
          ssr.ssr_bureau_row_count(bureau.getValue(), Ssr.SSR_TABLE_ENTITIES)));
      text.append("policy: ").append(ssr.ssr_policy_name(policy.getValue())).append('\n');
      text.append(String.format(Locale.ROOT, "period: %s, seed: %s\n", ssr.ssr_record_period(r),
          ssr.ssr_record_seed(r)));
      text.append(String.format(
          Locale.ROOT, "%-12s %6s %6s %8s\n", "stratum", "pool", "quota", "selected"));
      for (long s = 0; s < ssr.ssr_record_stratum_count(r); ++s) {
        text.append(String.format(Locale.ROOT, "%-12s %6d %6d %8d\n",
            ssr.ssr_record_stratum_name(r, s), ssr.ssr_record_stratum_pool_size(r, s),
            ssr.ssr_record_stratum_quota(r, s), ssr.ssr_record_stratum_selected_count(r, s)));
      }
      long tasks = ssr.ssr_plan_task_count(p);
      text.append(String.format(Locale.ROOT, "tasks: %d\n", tasks));
      if (tasks > 0) {
        text.append(String.format(Locale.ROOT, "first task: %s %s %s\n", ssr.ssr_plan_task_id(p, 0),
            ssr.ssr_plan_task_entity_name(p, 0), ssr.ssr_plan_task_method(p, 0)));
      }
      byte[] digest = new byte[Ssr.SSR_DIGEST_SIZE];
      check(ssr.ssr_plan_digest(p, digest, digest.length), "digesting the plan");
      text.append("plan digest: ").append(Native.toString(digest, "US-ASCII")).append('\n');
      out.print(text);
      check(ssr.ssr_record_verify(r, bureau.getValue(), policy.getValue(), null),
          "verifying the record");
      out.print("record: verified\n");

      // The second random: every task's team, under the policy's team rules.
      check(ssr.ssr_team_rules_from_policy(policy.getValue(), rules), "reading the team rules");
      check(ssr.ssr_assign_teams(bureau.getValue(), rules.getValue(), p, null, assigned, teams),
          "drawing the teams");
      Pointer t = teams.getValue();
      text = new StringBuilder();
      text.append(String.format(Locale.ROOT,
          "teams: %d tasks, %d internal joint (year requires %d), %d department joint, load cap %d%%\n",
          ssr.ssr_team_record_tasks(t), ssr.ssr_team_record_internal_joint(t),
          ssr.ssr_team_record_year_internal_joint_required(t),
          ssr.ssr_team_record_department_joint(t), ssr.ssr_team_record_load_cap_percent(t)));
      if (ssr.ssr_team_record_team_count(t) > 0) {
        text.append("first team: ").append(ssr.ssr_team_record_team_task_id(t, 0));
        for (long m = 0; m < ssr.ssr_team_record_team_member_count(t, 0); ++m) {
          text.append(' ').append(ssr.ssr_team_record_team_member(t, 0, m));
        }
        text.append(String.format(Locale.ROOT, " (%s, %d passed over)\n",
            ssr.ssr_team_record_team_joint_type(t, 0), ssr.ssr_team_record_team_skipped_count(t, 0)));
      }
      check(ssr.ssr_plan_digest(assigned.getValue(), digest, digest.length), "digesting the plan");
      text.append("assigned plan digest: ").append(Native.toString(digest, "US-ASCII")).append('\n');
      check(ssr.ssr_team_record_digest(t, digest, digest.length), "digesting the teams");
      text.append("team record digest: ").append(Native.toString(digest, "US-ASCII")).append('\n');
      out.print(text);
      check(ssr.ssr_team_record_verify(t, bureau.getValue(), rules.getValue(), p, null),
          "verifying the teams");
      out.print("teams: verified\n");

      // The compliance check of the assigned plan on the day of the draw; the pool sizes come from the
      // bureau (the entity draw's record would serve too: it names the plan without its teams).
      check(ssr.ssr_check_options_create(checkOptions), "setting the check options");
      Pointer o = checkOptions.getValue();
      check(ssr.ssr_check_options_add_plan(o, assigned.getValue()), "setting the check options");
      check(ssr.ssr_check_options_set_string(o, Ssr.SSR_CHECK_AS_OF, CHECK_DAY),
          "setting the check options");
      check(ssr.ssr_check(policy.getValue(), "2024Q1", bureau.getValue(), o, report), "checking");
      Pointer c = report.getValue();
      text = new StringBuilder();
      text.append(String.format(Locale.ROOT,
          "check %s as of %s (%s): %d findings, %d met, %d not yet due, %s\n",
          ssr.ssr_check_report_period(c), ssr.ssr_check_report_as_of(c),
          ssr.ssr_check_report_mode(c), ssr.ssr_check_report_finding_count(c),
          ssr.ssr_check_report_status_count(c, "met"),
          ssr.ssr_check_report_status_count(c, "not_yet_due"),
          ssr.ssr_check_report_ok(c) == 1 ? "ok" : "NOT ok"));
      for (long f = 0; f < ssr.ssr_check_report_finding_count(c); ++f) {
        text.append(String.format(Locale.ROOT, "%-16s %-8s %-12s %s\n",
            ssr.ssr_check_report_finding_rule(c, f), ssr.ssr_check_report_finding_pool(c, f),
            ssr.ssr_check_report_finding_status(c, f),
            ssr.ssr_check_report_finding_measured_text(c, f)));
      }
      out.print(text);
    } catch (SsrException e) {
      System.err.println("DrawQuarter: " + e.getMessage());
      exit = 1;
    } finally {
      // Destroy accepts NULL, so handles that were never created are fine too.
      ssr.ssr_check_report_destroy(report.getValue());
      ssr.ssr_check_options_destroy(checkOptions.getValue());
      ssr.ssr_team_record_destroy(teams.getValue());
      ssr.ssr_plan_destroy(assigned.getValue());
      ssr.ssr_team_rules_destroy(rules.getValue());
      ssr.ssr_record_destroy(record.getValue());
      ssr.ssr_plan_destroy(plan.getValue());
      ssr.ssr_draw_options_destroy(options.getValue());
      ssr.ssr_policy_destroy(policy.getValue());
      ssr.ssr_bureau_destroy(bureau.getValue());
    }
    out.flush();
    System.exit(exit);
  }
}
