/*
 * ssrandom.h — the stable C ABI of libssrandom (双随机、一公开 inspection draws).
 *
 * libssrandom draws the entities a bureau inspects each quarter ("double random, one public"): it loads a
 * bureau's directories, classifies the entities under a policy, draws each quota stratum by public tickets,
 * and writes a plan and a public record that anyone can verify; it then draws each task's inspection team
 * and checks a quarter's plans and results against the rules. This header is the interface other
 * languages and C/C++ services link against; it stays source- and binary-compatible within ABI version
 * SSR_ABI_VERSION (the SONAME libssrandom.so.<SSR_ABI_VERSION>). docs/C_API.md is the guide; docs/draw.md,
 * docs/directory.md, docs/policy.md, docs/calendar.md, docs/teams.md, docs/results.md and docs/check.md
 * describe the data.
 *
 * A whole draw:
 *
 *   ssr_bureau* bureau = NULL;
 *   ssr_policy* policy = NULL;
 *   ssr_draw_options* options = NULL;
 *   ssr_plan* plan = NULL;
 *   ssr_record* record = NULL;
 *   char digest[SSR_DIGEST_SIZE];
 *   if (ssr_bureau_load("data/sample_bureau", NULL, &bureau, NULL) != SSR_OK ||
 *       ssr_policy_load("hebei-xinle-2024", &policy) != SSR_OK ||
 *       ssr_draw_options_create(&options) != SSR_OK ||
 *       ssr_draw_options_set_string(options, SSR_DRAW_SEED, "福利彩票 2024-01-05 3D 317") != SSR_OK ||
 *       ssr_draw(bureau, policy, "2024Q1", options, &plan, &record) != SSR_OK ||
 *       ssr_plan_digest(plan, digest, sizeof digest) != SSR_OK) {
 *     fprintf(stderr, "%s\n", ssr_last_error_message());
 *   }
 *   ...
 *   ssr_record_destroy(record);   (every destroy accepts NULL)
 *   ssr_plan_destroy(plan);
 *   ssr_draw_options_destroy(options);
 *   ssr_policy_destroy(policy);
 *   ssr_bureau_destroy(bureau);
 *
 * Conventions (the same for every function; the per-function comments only add to them):
 *
 *  - Names: functions and types ssr_<object>_<verb>, macros and enum constants SSR_. Objects are opaque
 *    handles. Each *_create / *_load / *_from_json / producing function has exactly one *_destroy, which
 *    accepts NULL.
 *  - Errors: fallible functions return ssr_status. SSR_OK is 0; the values are fixed and never renumbered.
 *    Every call that can fail sets the calling thread's message, ssr_last_error_message(): "" after a
 *    success, the reason after a failure (for data errors a message a bureau clerk can act on; for
 *    programming errors — NULL handles, indices out of range — the function's name and the argument).
 *  - A failed call changes no state: a handle passed to a failed call is exactly as before, and output
 *    handles are set to NULL (output buffers are left untouched).
 *  - NULL: a NULL handle or a NULL required pointer is SSR_INVALID_ARGUMENT (never a crash). Arguments
 *    that may be NULL say so.
 *  - Accessors (functions that read one value of a handle and return it directly) return a fallback on a
 *    NULL handle or an index out of range — NULL for strings, 0 for counts, -1 for flags and signed
 *    numbers — and set the thread's message as a failed call does.
 *  - Text is UTF-8. Input strings are NUL-terminated unless passed as (data, size) — file contents in
 *    memory, which need no terminator.
 *  - Strings returned — the C type says who owns them:
 *      const char*            borrowed: owned by the handle, valid until the handle is destroyed (or, for
 *                             handles that can change, until the next call that changes it, as stated);
 *                             never free it. Static strings (names, versions) live for the whole program.
 *      char** out             new: text the library renders on request (JSON, CSV, explanations); the
 *                             caller frees it with ssr_free_string().
 *      char* buffer, size_t size
 *                             fixed-size values (tickets, digests, dates) written into the caller's buffer
 *                             of at least SSR_TICKET_SIZE / SSR_DIGEST_SIZE / SSR_DATE_SIZE bytes,
 *                             NUL-terminated; a smaller buffer is SSR_INVALID_ARGUMENT.
 *  - No function throws, aborts or exits on bad input; no C++ type crosses this interface.
 *  - Thread safety is stated per handle type. Functions that take no handle are thread-safe. Error
 *    messages are per thread.
 *  - Enums: the values are fixed and int-sized. Each enum ends with a *_FORCE_INT = 0x7FFFFFFF constant,
 *    which is not a value: it keeps the enum an int on every compiler and makes any non-negative value a
 *    caller passes (say, one from a newer header) a well-defined value in C++ too; an unknown value is
 *    SSR_INVALID_ARGUMENT. No value is negative.
 *  - Options are enum keys on an options handle (ssr_draw_options, ssr_team_rules, ssr_check_options); new
 *    options are new keys, never a changed signature.
 *  - Functions behind SSR_ENABLE_EXPERIMENTAL_API (end of this header) may change or disappear in any
 *    release; everything else is stable within the ABI version.
 */
#ifndef SSRANDOM_H_
#define SSRANDOM_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#if defined(SSR_BUILDING_LIBRARY)
#define SSR_API __declspec(dllexport)
#else
#define SSR_API __declspec(dllimport)
#endif
#else
#define SSR_API __attribute__((visibility("default")))
#endif

/* ===== Versions ===========================================================================================
 */

/* The release version of the header. ssr_version_string() gives the library's, which may be newer. */
#define SSR_VERSION_MAJOR 0
#define SSR_VERSION_MINOR 1
#define SSR_VERSION_PATCH 0
#define SSR_VERSION_NUMBER (SSR_VERSION_MAJOR * 10000 + SSR_VERSION_MINOR * 100 + SSR_VERSION_PATCH)

/* The ABI version: the SONAME's number (libssrandom.so.0). Bumped only when this interface breaks,
 * independently of the release version. */
#define SSR_ABI_VERSION 0

/* The release version, e.g. "0.1.0". Never NULL; static, never free it. Thread-safe. */
SSR_API const char* ssr_version_string(void);

/* SSR_VERSION_NUMBER of the library at run time (e.g. 100 for 0.1.0), to compare with the header's.
 * Thread-safe. */
SSR_API int ssr_version_number(void);

/* ===== Status and errors ==================================================================================
 */

/* The outcome of a fallible call. The values are part of the ABI: fixed, never renumbered; new codes are
 * only ever appended. */
typedef enum ssr_status {
  SSR_OK = 0,
  SSR_INVALID_ARGUMENT = 1,         /* bad input: NULL, malformed text, a value out of its domain, bad data */
  SSR_NOT_FOUND = 2,                /* a file, preset, record or id that does not exist */
  SSR_FAILED_PRECONDITION = 3,      /* the inputs are valid but the operation cannot be done: an infeasible
                                       draw, a record that does not verify */
  SSR_OUT_OF_RANGE = 4,             /* a date outside the calendar's years */
  SSR_ALREADY_EXISTS = 5,           /* a duplicate id, a calendar year loaded twice */
  SSR_RESOURCE_EXHAUSTED = 6,       /* out of memory, or a limit of the library */
  SSR_PERMISSION_DENIED = 7,        /* a file that cannot be read or written */
  SSR_INTERNAL = 8,                 /* a bug in libssrandom: please report the message */
  SSR_UNIMPLEMENTED = 9,            /* not available in this build or release */
  SSR_STATUS_FORCE_INT = 0x7FFFFFFF /* not a status: see "Enums" above */
} ssr_status;

/* The constant's name, e.g. "SSR_NOT_FOUND"; "SSR_UNKNOWN_STATUS" for a value not listed above. Static;
 * never NULL. Thread-safe. */
SSR_API const char* ssr_status_name(ssr_status status);

/* The message of the calling thread's last call that can fail: "" after a success, the reason after a
 * failure. Never NULL. Borrowed: valid until the thread's next call into libssrandom (copy it to keep it).
 * Thread-safe: each thread has its own message. */
SSR_API const char* ssr_last_error_message(void);

/* Frees a string returned through a char** out parameter. NULL is a no-op. Thread-safe. */
SSR_API void ssr_free_string(char* text);

/* Sizes of the caller buffers for fixed-size values, terminating NUL included. */
#define SSR_TICKET_SIZE 81 /* "0." and 64 to 78 digits */
#define SSR_DIGEST_SIZE 65 /* SHA-256, 64 lowercase hex digits */
#define SSR_DATE_SIZE 11   /* YYYY-MM-DD */

/* ===== Handles ============================================================================================
 */

typedef struct ssr_bureau ssr_bureau;                 /* a bureau's directories (两库一单) */
typedef struct ssr_row_builder ssr_row_builder;       /* one row of a directory table, field by field */
typedef struct ssr_quality_report ssr_quality_report; /* data-quality issues of a load or a check */
typedef struct ssr_policy ssr_policy;                 /* a supervision policy (classes, quotas, rules) */
typedef struct ssr_classification ssr_classification; /* every entity's class, pool and quota stratum */
typedef struct ssr_draw_options ssr_draw_options;     /* seed, history and the other draw settings */
typedef struct ssr_plan ssr_plan;                     /* a quarter's inspection plan: one task per entity */
typedef struct ssr_record ssr_record;                 /* the public draw record */
typedef struct ssr_calendar ssr_calendar;             /* China's working-day calendar */

/* The tables of a bureau's directories, named after their files (docs/directory.md lists every field). */
typedef enum ssr_table {
  SSR_TABLE_ENTITIES = 0,          /* 检查对象: entities.csv */
  SSR_TABLE_INSPECTORS = 1,        /* 执法检查人员: inspectors.csv */
  SSR_TABLE_UNITS = 2,             /* the bureau's units (科室): units.csv */
  SSR_TABLE_DEPARTMENTS = 3,       /* partner departments: departments.csv */
  SSR_TABLE_ITEMS = 4,             /* inspection items (抽查事项): items.csv */
  SSR_TABLE_CONFLICTS = 5,         /* inspector–entity conflicts of interest (回避): conflicts.csv */
  SSR_TABLE_PAIR_EXCLUSIONS = 6,   /* inspectors who must not serve together: pair_exclusions.csv */
  SSR_TABLE_FORCE_INT = 0x7FFFFFFF /* not a table: see "Enums" above */
} ssr_table;

/* Table formats. */
typedef enum ssr_format {
  SSR_FORMAT_CSV = 0,
  SSR_FORMAT_JSON = 1,
  SSR_FORMAT_FORCE_INT = 0x7FFFFFFF /* not a format: see "Enums" above */
} ssr_format;

/* ===== Bureaus ============================================================================================
 *
 * A bureau holds seven tables: the entity directory, the inspector directory with units and partner
 * departments, the item list, conflicts and pair exclusions. Load it from a folder or a JSON document, read
 * tables from memory or files, or build it row by row — every way accepts exactly the fields and values
 * the files accept (one schema drives them all).
 *
 * Loading is all or nothing. `as_of` (may be NULL or "") is the day certificates are checked against,
 * "YYYY-MM-DD" (usually the first day of the period to draw); without it only missing certificates are
 * reported. `out_report` (may be NULL) receives a new quality report whenever the arguments were valid,
 * success or not: every error and warning with file, record, line, id and field (empty when the path did
 * not exist). After an argument error it is set to NULL. Destroy it in every case
 * (ssr_quality_report_destroy accepts NULL).
 *
 * Thread safety: functions taking a const ssr_bureau* may run concurrently; functions that change a bureau
 * (add a row, read or load a table, set the name) need exclusive access to it.
 */

/* A new empty bureau named `name` (NULL: ""). Errors: SSR_INVALID_ARGUMENT for a NULL `out` or a control
 * character in the name. */
SSR_API ssr_status ssr_bureau_create(const char* name, ssr_bureau** out);

/* The built-in synthetic sample bureau (~1,500 entities, ~40 inspectors, modelled on the Xinle branch of
 * the Shijiazhuang bureau; data/sample_bureau holds the same data as files). Deterministic. */
SSR_API ssr_status ssr_bureau_create_sample(ssr_bureau** out);

/* Loads a bureau folder (entities.csv or .json, optionally inspectors, units, departments, items,
 * conflicts, pair_exclusions and name.txt) or a bureau JSON document file, and checks it (as
 * ssr_bureau_check). Errors: SSR_NOT_FOUND (no such path, no entities table), SSR_PERMISSION_DENIED,
 * SSR_INVALID_ARGUMENT listing the data errors (up to 20 in the message, all in the report) or a bad
 * `as_of`. */
SSR_API ssr_status ssr_bureau_load(const char* path, const char* as_of, ssr_bureau** out,
                                   ssr_quality_report** out_report);

/* Reads a bureau JSON document from memory: {"name": ..., "entities": [...], "inspectors": [...], ...}.
 * `source` (may be NULL: "bureau.json") names the text in messages. Errors as ssr_bureau_load. */
SSR_API ssr_status ssr_bureau_read_json(const char* data, size_t size, const char* source, const char* as_of,
                                        ssr_bureau** out, ssr_quality_report** out_report);

SSR_API void ssr_bureau_destroy(ssr_bureau* bureau);

/* Appends every row of one table, read from CSV or JSON text in memory, to `bureau`: e.g. the entity
 * directory into a bureau made by ssr_bureau_create. CSV has one header row (English field names in any
 * case, or the Chinese headers); JSON is an array of objects or {"<table>": [...]}. `source` (may be NULL:
 * the table's file name, e.g. "entities.csv") names the text in messages. All or nothing: on any error
 * (bad syntax or value, an id twice in the text or already in the bureau) nothing is added. Units and
 * departments are not declared implicitly: add the units and departments the inspectors name.
 * `out_report` as for loads. Errors: SSR_INVALID_ARGUMENT listing the problems (duplicate ids included, as
 * issues with the code "duplicate_id"), or for an unknown table or format. */
SSR_API ssr_status ssr_bureau_read_table(ssr_bureau* bureau, ssr_table table, const char* data, size_t size,
                                         ssr_format format, const char* source,
                                         ssr_quality_report** out_report);

/* ssr_bureau_read_table for a file; the format is the extension's (.csv or .json, any case).
 * Errors: those of ssr_bureau_read_table, SSR_NOT_FOUND and SSR_PERMISSION_DENIED for the file,
 * SSR_INVALID_ARGUMENT for another extension. */
SSR_API ssr_status ssr_bureau_load_table(ssr_bureau* bureau, ssr_table table, const char* path,
                                         ssr_quality_report** out_report);

/* The bureau's name (borrowed; valid until ssr_bureau_set_name or destroy). NULL for a NULL bureau. */
SSR_API const char* ssr_bureau_name(const ssr_bureau* bureau);

/* Renames the bureau. Errors: SSR_INVALID_ARGUMENT for NULL arguments or a control character. */
SSR_API ssr_status ssr_bureau_set_name(ssr_bureau* bureau, const char* name);

/* The number of rows of a table. 0 for a NULL bureau or an unknown table. */
SSR_API size_t ssr_bureau_row_count(const ssr_bureau* bureau, ssr_table table);

/* Appends the row built in `builder` to its table; the builder is unchanged and may be reused. Checks
 * what a file load checks of one row: required fields present, text in UTF-8 without control characters
 * (in every table), counts in range,
 * the id not already in its table (SSR_ALREADY_EXISTS). References between tables (conflicts naming
 * inspectors, inspectors naming units) are checked by ssr_bureau_check, so rows may be added in any
 * order. */
SSR_API ssr_status ssr_bureau_add_row(ssr_bureau* bureau, const ssr_row_builder* builder);

/* The row number of the row with that id in a table with ids (entities, inspectors, units, departments,
 * items), for ssr_bureau_get_field. Errors: SSR_NOT_FOUND; SSR_INVALID_ARGUMENT for conflicts and pair
 * exclusions, which have no id. */
SSR_API ssr_status ssr_bureau_find_row(const ssr_bureau* bureau, ssr_table table, const char* id,
                                       size_t* out_row);

/* One field of one row in its CSV text form ("" when unknown; flags "true"/"false", dates "YYYY-MM-DD",
 * lists joined by ';'), as a new string (ssr_free_string). `field` is an English field name (any case)
 * or a Chinese header. Errors: SSR_INVALID_ARGUMENT for an unknown field, SSR_OUT_OF_RANGE for a row >=
 * ssr_bureau_row_count. */
SSR_API ssr_status ssr_bureau_get_field(const ssr_bureau* bureau, ssr_table table, size_t row,
                                        const char* field, char** out_value);

/* The entity directory's canonical digest (docs/directory.md): SHA-256 hex, independent of row order and
 * file format — the digest draw records name. `size` >= SSR_DIGEST_SIZE. */
SSR_API ssr_status ssr_bureau_directory_digest(const ssr_bureau* bureau, char* buffer, size_t size);

/* Cross-table checks as of `as_of` (may be NULL): unknown references, duplicate item ids (errors); bad
 * USCCs, duplicate USCCs, missing or expired certificates (warnings). `out_report` (may be NULL) receives
 * every issue. Errors: SSR_INVALID_ARGUMENT when the check finds errors (the bureau is unchanged). */
SSR_API ssr_status ssr_bureau_check(const ssr_bureau* bureau, const char* as_of,
                                    ssr_quality_report** out_report);

/* The whole bureau as one JSON document (the format ssr_bureau_read_json reads), a new string. */
SSR_API ssr_status ssr_bureau_to_json(const ssr_bureau* bureau, char** out_json);

/* Counts at a glance — entities by area, permit class, key unit, positive list, credit and status;
 * inspectors by unit, group and department — as JSON or as bilingual text tables. New strings. */
SSR_API ssr_status ssr_bureau_summary_json(const ssr_bureau* bureau, char** out_json);
SSR_API ssr_status ssr_bureau_summary_text(const ssr_bureau* bureau, char** out_text);

/* ===== Row builders =======================================================================================
 *
 * A builder holds one row of one table, for callers that hold their own data. Set fields by name with
 * their text values, exactly as they would appear in a CSV cell: the English field name (any case) or a
 * Chinese header; flags true/false/yes/no/1/0/是/否; enums by English name or Chinese label; dates
 * YYYY-MM-DD; counts in decimal; lists separated by ';' (also '；', '、', '|'); "" or NULL for unknown.
 *
 *   ssr_row_builder* row = NULL;
 *   ssr_row_builder_create(SSR_TABLE_ENTITIES, &row);
 *   ssr_row_builder_set(row, "id", "XL-00001");
 *   ssr_row_builder_set(row, "统一社会信用代码", "91130184X9L1ACKTXG");
 *   ssr_row_builder_set(row, "permit_class", "登记管理");
 *   ssr_bureau_add_row(bureau, row);
 *   ssr_row_builder_clear(row);   (then the next row)
 *
 * Thread safety: a builder may be read (ssr_bureau_add_row, get) from several threads at once; setting
 * needs exclusive access.
 */

/* A new builder for a row of `table`, every field unknown (inspectors: active). */
SSR_API ssr_status ssr_row_builder_create(ssr_table table, ssr_row_builder** out);
SSR_API void ssr_row_builder_destroy(ssr_row_builder* builder);

/* Sets one field. Errors: SSR_INVALID_ARGUMENT naming the field and the accepted fields (unknown field) or
 * the reason the value cannot be read (bad date, unknown enum value, negative count). On error the field
 * keeps its earlier value. */
SSR_API ssr_status ssr_row_builder_set(ssr_row_builder* builder, const char* field, const char* value);

/* One field's current text form, as ssr_bureau_get_field, a new string. */
SSR_API ssr_status ssr_row_builder_get(const ssr_row_builder* builder, const char* field, char** out_value);

/* Resets every field to unknown. */
SSR_API ssr_status ssr_row_builder_clear(ssr_row_builder* builder);

/* The builder's table (an ssr_table value); -1 for a NULL builder. */
SSR_API int ssr_row_builder_table(const ssr_row_builder* builder);

/* The fields of a table, in the order of its CSV columns: the count, and the English name of field
 * `index` (static; NULL for an unknown table or an index out of range). */
SSR_API size_t ssr_table_field_count(ssr_table table);
SSR_API const char* ssr_table_field_name(ssr_table table, size_t index);

/* ===== Quality reports ====================================================================================
 *
 * The issues found by a load or a check, in order: severity ("error" or "warning"), source (file), record
 * number (1-based data row; 0 for the file as a whole), line, the record's id, field, a stable code
 * ("duplicate_id", "invalid_uscc", ...; docs/directory.md lists them) and the message.
 *
 * Thread safety: immutable; every function may run concurrently. Borrowed strings live until destroy.
 */

SSR_API void ssr_quality_report_destroy(ssr_quality_report* report);
SSR_API size_t ssr_quality_report_issue_count(const ssr_quality_report* report);
SSR_API int64_t ssr_quality_report_error_count(const ssr_quality_report* report);   /* -1 for NULL */
SSR_API int64_t ssr_quality_report_warning_count(const ssr_quality_report* report); /* -1 for NULL */
SSR_API const char* ssr_quality_report_issue_severity(const ssr_quality_report* report, size_t issue);
SSR_API const char* ssr_quality_report_issue_source(const ssr_quality_report* report, size_t issue);
SSR_API int64_t ssr_quality_report_issue_record(const ssr_quality_report* report, size_t issue);
SSR_API int64_t ssr_quality_report_issue_line(const ssr_quality_report* report, size_t issue);
SSR_API const char* ssr_quality_report_issue_record_id(const ssr_quality_report* report, size_t issue);
SSR_API const char* ssr_quality_report_issue_field(const ssr_quality_report* report, size_t issue);
SSR_API const char* ssr_quality_report_issue_code(const ssr_quality_report* report, size_t issue);
SSR_API const char* ssr_quality_report_issue_message(const ssr_quality_report* report, size_t issue);

/* {"errors": N, "warnings": N, "issues": [...]}, a new string. */
SSR_API ssr_status ssr_quality_report_to_json(const ssr_quality_report* report, char** out_json);
/* One issue per line, errors first, under a bilingual count header; a new string. */
SSR_API ssr_status ssr_quality_report_to_text(const ssr_quality_report* report, char** out_text);

/* ===== Policies ===========================================================================================
 *
 * A policy file (format ssrandom-policy/1, docs/policy.md) holds the classes, the pool rules and quotas,
 * the credit scheme and the rules of the later stages. Presets are built in: "hebei-xinle-2024" and
 * "city-level".
 *
 * Thread safety: immutable; every function may run concurrently. Borrowed strings live until destroy.
 */

/* A preset by name, or a policy file by path. Errors: SSR_NOT_FOUND (neither; the message lists the
 * presets), SSR_PERMISSION_DENIED, SSR_INVALID_ARGUMENT listing every problem of the file with
 * file:line:column. */
SSR_API ssr_status ssr_policy_load(const char* name_or_path, ssr_policy** out);

/* A policy from JSON text in memory. `source` (may be NULL: "policy.json") names it in messages.
 * Errors: SSR_INVALID_ARGUMENT listing every problem. */
SSR_API ssr_status ssr_policy_from_json(const char* data, size_t size, const char* source, ssr_policy** out);

SSR_API void ssr_policy_destroy(ssr_policy* policy);

SSR_API const char* ssr_policy_name(const ssr_policy* policy);        /* e.g. "hebei-xinle-2024" */
SSR_API const char* ssr_policy_title(const ssr_policy* policy);       /* free text; may be "" */
SSR_API const char* ssr_policy_source_name(const ssr_policy* policy); /* "preset:NAME" or the path */

/* The canonical form: sorted keys, no whitespace, UTF-8 (docs/policy.md). Borrowed. */
SSR_API const char* ssr_policy_canonical_json(const ssr_policy* policy);

/* SHA-256 hex of the canonical form: the policy digest draw records name. `size` >= SSR_DIGEST_SIZE. */
SSR_API ssr_status ssr_policy_digest(const ssr_policy* policy, char* buffer, size_t size);

/* The built-in preset names, sorted: count and name `index` (static; NULL out of range). */
SSR_API size_t ssr_policy_preset_count(void);
SSR_API const char* ssr_policy_preset_name(size_t index);

/* ===== Classification =====================================================================================
 *
 * Every entity of a bureau in one supervision class — "special", "key", "general" — or "excluded" from
 * the draw pool, and in one pool — "special", "key", "positive" (general entities on the positive list),
 * "general", or "excluded"; the credit cell where the pool has a credit table; and the quota lines (strata)
 * the draw fills, with their arithmetic. Rows are the bureau's entity rows (ssr_bureau_get_field).
 *
 * Thread safety: immutable; every function may run concurrently. Borrowed strings live until destroy.
 */

/* Classifies the bureau's entities under `policy` for `period` ("2024Q1"; a quarter). The bureau is only
 * read during the call. Errors: SSR_INVALID_ARGUMENT for a malformed period. */
SSR_API ssr_status ssr_classify(const ssr_bureau* bureau, const ssr_policy* policy, const char* period,
                                ssr_classification** out);
SSR_API void ssr_classification_destroy(ssr_classification* classification);

SSR_API size_t ssr_classification_size(const ssr_classification* classification); /* rows */
SSR_API const char* ssr_classification_period(const ssr_classification* classification);

/* Entities in a pool ("special", "key", "positive", "general", "excluded") or a class ("special", "key",
 * "general", "excluded"). Errors: SSR_INVALID_ARGUMENT for another name. */
SSR_API ssr_status ssr_classification_pool_size(const ssr_classification* classification, const char* pool,
                                                int64_t* out_size);
SSR_API ssr_status ssr_classification_class_size(const ssr_classification* classification,
                                                 const char* supervision_class, int64_t* out_size);

/* Rows that met the conditions of more than one class (settled by the policy's precedence); -1 for NULL. */
SSR_API int64_t ssr_classification_conflict_count(const ssr_classification* classification);

/* One row's class, pool (static names) and credit cell ("" for pools without a credit table; borrowed). */
SSR_API const char* ssr_classification_row_class(const ssr_classification* classification, size_t row);
SSR_API const char* ssr_classification_row_pool(const ssr_classification* classification, size_t row);
SSR_API const char* ssr_classification_row_credit_class(const ssr_classification* classification, size_t row);

/* Why a row got its class and pool, in one line naming the conditions that matched; a new string. */
SSR_API ssr_status ssr_classification_explain(const ssr_classification* classification, size_t row,
                                              char** out_text);

/* The quota lines: one per pool without a credit table and one per credit cell, in draw order (special,
 * key, positive, general; cells from lowest to highest risk). Per line: the pool, the credit class ("" for
 * a whole pool), the entities in it, the ratio ("25%"), the quota, the method ("on_site"/"off_site") and
 * the arithmetic ("⌈25% × 37⌉ = ⌈9.25⌉ = 10"). Strings borrowed; numbers -1 on a bad line index. */
SSR_API size_t ssr_classification_quota_count(const ssr_classification* classification);
SSR_API const char* ssr_classification_quota_pool(const ssr_classification* classification, size_t line);
SSR_API const char* ssr_classification_quota_credit_class(const ssr_classification* classification,
                                                          size_t line);
SSR_API int64_t ssr_classification_quota_pool_size(const ssr_classification* classification, size_t line);
SSR_API const char* ssr_classification_quota_ratio(const ssr_classification* classification, size_t line);
SSR_API int64_t ssr_classification_quota(const ssr_classification* classification, size_t line);
SSR_API const char* ssr_classification_quota_method(const ssr_classification* classification, size_t line);
SSR_API const char* ssr_classification_quota_arithmetic(const ssr_classification* classification,
                                                        size_t line);

/* ===== The draw ===========================================================================================
 *
 * The verifiable quarterly draw (docs/draw.md): classify, split each pool into strata, take each
 * stratum's lowest tickets, with the yearly cap and rotation applied from the earlier plans of the year.
 * The settings live on an options handle, one enum key each.
 *
 * Thread safety of ssr_draw_options: may be read by any number of concurrent draws and verifications;
 * setting a key or adding history needs exclusive access.
 */

/* Option keys. The values are fixed; new keys are appended. */
typedef enum ssr_draw_option {
  /* string, required: the public seed, fixed after the directory and policy are frozen. Any non-blank
   * UTF-8 text; a blank or non-UTF-8 seed is refused when set. */
  SSR_DRAW_SEED = 1,
  /* string, default "": where the seed came from (lottery result, dice before witnesses, ...). */
  SSR_DRAW_SEED_SOURCE = 2,
  /* string, default "": the digest of the bureau's previous record (64 lowercase hex digits), chaining a
   * re-draw to the record before it. */
  SSR_DRAW_PREVIOUS_RECORD_DIGEST = 3,
  /* int, default 0 (up to 2): worker threads for the tickets, the classification and the plan's tasks,
   * 0..256. Never changes the result. */
  SSR_DRAW_THREADS = 4,
  SSR_DRAW_OPTION_FORCE_INT = 0x7FFFFFFF /* not an option: see "Enums" above */
} ssr_draw_option;

/* New options: no seed, no history, defaults as listed. */
SSR_API ssr_status ssr_draw_options_create(ssr_draw_options** out);
SSR_API void ssr_draw_options_destroy(ssr_draw_options* options);

/* Sets a string key (NULL value: "") or an int key. Errors: SSR_INVALID_ARGUMENT for an unknown key, a
 * key of the other type, or a value the key refuses (the option keeps its value). */
SSR_API ssr_status ssr_draw_options_set_string(ssr_draw_options* options, ssr_draw_option key,
                                               const char* value);
SSR_API ssr_status ssr_draw_options_set_int(ssr_draw_options* options, ssr_draw_option key, int64_t value);

/* Reads a key: a borrowed string (valid until that key is set again or the options are destroyed) or an
 * int. Errors as the setters. */
SSR_API ssr_status ssr_draw_options_get_string(const ssr_draw_options* options, ssr_draw_option key,
                                               const char** out_value);
SSR_API ssr_status ssr_draw_options_get_int(const ssr_draw_options* options, ssr_draw_option key,
                                            int64_t* out_value);

/* Adds an earlier plan of the same year (a copy; `plan` stays the caller's) for the yearly cap and
 * rotation. Plans may be added in any order; ssr_draw checks their periods. */
SSR_API ssr_status ssr_draw_options_add_history(ssr_draw_options* options, const ssr_plan* plan);
SSR_API size_t ssr_draw_options_history_count(const ssr_draw_options* options);
SSR_API ssr_status ssr_draw_options_clear_history(ssr_draw_options* options);

/* Draws `period` ("2024Q1") for the bureau under the policy. Both outputs are required; each is a new
 * handle on success, NULL on failure. The inputs are only read.
 * Errors: SSR_INVALID_ARGUMENT — no seed, a malformed period or a year, a history plan of another year, of
 * this period or later, or naming an unknown entity; SSR_FAILED_PRECONDITION — a stratum cannot meet its
 * quota after the yearly cap and the policy does not take the whole pool then (the message names the
 * stratum, the quota and the shortfall); SSR_OUT_OF_RANGE — a period outside the calendar. */
SSR_API ssr_status ssr_draw(const ssr_bureau* bureau, const ssr_policy* policy, const char* period,
                            const ssr_draw_options* options, ssr_plan** out_plan, ssr_record** out_record);

/* ===== Plans ==============================================================================================
 *
 * One task per drawn entity, in a fixed order (pools in rule order, then credit class, then ticket).
 * docs/draw.md documents every field. The team fields are filled by the team draw (empty until then).
 *
 * Thread safety: immutable; every function may run concurrently. Borrowed strings live until destroy.
 */

/* A plan from its JSON (as ssr_plan_to_json writes it), e.g. an earlier quarter's plan for the history.
 * `source` (may be NULL: "plan.json") names it in messages. Errors: SSR_INVALID_ARGUMENT naming the task
 * and field. */
SSR_API ssr_status ssr_plan_from_json(const char* data, size_t size, const char* source, ssr_plan** out);
SSR_API void ssr_plan_destroy(ssr_plan* plan);

/* The plan as JSON (header fields and "tasks") or CSV (one row per task), deterministic; new strings. */
SSR_API ssr_status ssr_plan_to_json(const ssr_plan* plan, char** out_json);
SSR_API ssr_status ssr_plan_to_csv(const ssr_plan* plan, char** out_csv);

/* SHA-256 hex of the plan's canonical JSON (what the record's plan_digest holds). `size` >=
 * SSR_DIGEST_SIZE. */
SSR_API ssr_status ssr_plan_digest(const ssr_plan* plan, char* buffer, size_t size);

/* Header fields (borrowed). */
SSR_API const char* ssr_plan_bureau(const ssr_plan* plan);
SSR_API const char* ssr_plan_period(const ssr_plan* plan); /* "2024Q1" */
SSR_API const char* ssr_plan_seed(const ssr_plan* plan);
SSR_API const char* ssr_plan_seed_source(const ssr_plan* plan);
SSR_API const char* ssr_plan_policy_name(const ssr_plan* plan);
SSR_API const char* ssr_plan_policy_digest(const ssr_plan* plan);
SSR_API const char* ssr_plan_directory_digest(const ssr_plan* plan);

SSR_API size_t ssr_plan_task_count(const ssr_plan* plan);

/* The index of the task of an entity. Errors: SSR_NOT_FOUND. */
SSR_API ssr_status ssr_plan_find_task(const ssr_plan* plan, const char* entity_id, size_t* out_task);

/* Task fields (borrowed; NULL for a NULL plan or a task index out of range). */
SSR_API const char* ssr_plan_task_id(const ssr_plan* plan, size_t task); /* "2024Q1/XL-00017" */
SSR_API const char* ssr_plan_task_entity_id(const ssr_plan* plan, size_t task);
SSR_API const char* ssr_plan_task_entity_name(const ssr_plan* plan, size_t task);
SSR_API const char* ssr_plan_task_uscc(const ssr_plan* plan, size_t task);
SSR_API const char* ssr_plan_task_area(const ssr_plan* plan, size_t task);
SSR_API const char* ssr_plan_task_class(const ssr_plan* plan, size_t task);        /* "special", ... */
SSR_API const char* ssr_plan_task_pool(const ssr_plan* plan, size_t task);         /* "positive", ... */
SSR_API const char* ssr_plan_task_credit_class(const ssr_plan* plan, size_t task); /* "" without table */
SSR_API const char* ssr_plan_task_stratum(const ssr_plan* plan, size_t task);      /* "key/B" */
SSR_API const char* ssr_plan_task_ticket(const ssr_plan* plan, size_t task);       /* "0.…" */
SSR_API const char* ssr_plan_task_method(const ssr_plan* plan, size_t task);       /* "on_site" ... */
/* 1 when drawn with credit-risk differentiation, 0 otherwise, -1 on error. */
SSR_API int ssr_plan_task_credit_based(const ssr_plan* plan, size_t task);
/* The ids of the inspection items that apply: count, and item `index`. */
SSR_API size_t ssr_plan_task_item_count(const ssr_plan* plan, size_t task);
SSR_API const char* ssr_plan_task_item(const ssr_plan* plan, size_t task, size_t index);
/* The team (inspector ids) assigned by the team draw: count (0 before it), and member `index`. */
SSR_API size_t ssr_plan_task_team_size(const ssr_plan* plan, size_t task);
SSR_API const char* ssr_plan_task_team_member(const ssr_plan* plan, size_t task, size_t index);
/* "none", "internal" (team or items span units) or "department" (with a partner department). */
SSR_API const char* ssr_plan_task_joint_type(const ssr_plan* plan, size_t task);
SSR_API const char* ssr_plan_task_partner_department(const ssr_plan* plan, size_t task);

/* ===== Draw records =======================================================================================
 *
 * The public record of a draw ("一公开"): everything needed to re-run and confirm it (docs/draw.md).
 *
 * Thread safety: immutable; every function may run concurrently. Borrowed strings live until destroy.
 */

/* A record from its JSON. `source` (may be NULL: "record.json") names it in messages. Errors:
 * SSR_INVALID_ARGUMENT naming the field, or an unknown format version. */
SSR_API ssr_status ssr_record_from_json(const char* data, size_t size, const char* source, ssr_record** out);
SSR_API void ssr_record_destroy(ssr_record* record);

/* The record as pretty JSON in documented field order, deterministic; a new string. */
SSR_API ssr_status ssr_record_to_json(const ssr_record* record, char** out_json);

/* SHA-256 hex of the record's canonical JSON: what the next record's previous_record_digest holds.
 * `size` >= SSR_DIGEST_SIZE. */
SSR_API ssr_status ssr_record_digest(const ssr_record* record, char* buffer, size_t size);

/* Recomputes the draw the record describes from the bureau, the policy and the history plans of `history`
 * (may be NULL: none; only its history is used — seed, period and chain come from the record) and
 * compares every field. SSR_OK when identical; SSR_FAILED_PRECONDITION naming the first difference
 * otherwise, e.g. "strata[3].selected[2].id: the record says ..., the recomputed draw gives ..." (a changed
 * directory or policy is named as such first); SSR_INVALID_ARGUMENT for an algorithm this library does
 * not know. */
SSR_API ssr_status ssr_record_verify(const ssr_record* record, const ssr_bureau* bureau,
                                     const ssr_policy* policy, const ssr_draw_options* history);

/* Header fields (borrowed). */
SSR_API const char* ssr_record_algorithm(const ssr_record* record); /* "ssrandom-tickets" */
SSR_API int ssr_record_algorithm_version(const ssr_record* record); /* -1 for NULL */
SSR_API const char* ssr_record_library_version(const ssr_record* record);
SSR_API const char* ssr_record_bureau(const ssr_record* record);
SSR_API const char* ssr_record_period(const ssr_record* record);
SSR_API const char* ssr_record_seed(const ssr_record* record);
SSR_API const char* ssr_record_seed_hash(const ssr_record* record);
SSR_API const char* ssr_record_seed_source(const ssr_record* record);
SSR_API const char* ssr_record_directory_digest(const ssr_record* record);
SSR_API int64_t ssr_record_directory_size(const ssr_record* record); /* -1 for NULL */
SSR_API const char* ssr_record_policy_name(const ssr_record* record);
SSR_API const char* ssr_record_policy_digest(const ssr_record* record);
SSR_API const char* ssr_record_previous_record_digest(const ssr_record* record);
SSR_API const char* ssr_record_plan_digest(const ssr_record* record);

/* The earlier plans taken into account, by period: count, period and plan digest of entry `index`. */
SSR_API size_t ssr_record_history_count(const ssr_record* record);
SSR_API const char* ssr_record_history_period(const ssr_record* record, size_t index);
SSR_API const char* ssr_record_history_plan_digest(const ssr_record* record, size_t index);

/* The strata, in draw order. Strings borrowed; numbers and flags -1 on error. */
SSR_API size_t ssr_record_stratum_count(const ssr_record* record);
SSR_API const char* ssr_record_stratum_name(const ssr_record* record, size_t stratum); /* "key/B" */
SSR_API const char* ssr_record_stratum_pool(const ssr_record* record, size_t stratum);
SSR_API const char* ssr_record_stratum_rule(const ssr_record* record, size_t stratum); /* "Q-KEY" */
SSR_API const char* ssr_record_stratum_credit_class(const ssr_record* record, size_t stratum);
SSR_API const char* ssr_record_stratum_method(const ssr_record* record, size_t stratum);
SSR_API int ssr_record_stratum_credit_based(const ssr_record* record, size_t stratum);
SSR_API int64_t ssr_record_stratum_pool_size(const ssr_record* record, size_t stratum);
SSR_API int64_t ssr_record_stratum_excluded_yearly_cap(const ssr_record* record, size_t stratum);
SSR_API int64_t ssr_record_stratum_excluded_rotation(const ssr_record* record, size_t stratum);
SSR_API int64_t ssr_record_stratum_eligible(const ssr_record* record, size_t stratum);
SSR_API const char* ssr_record_stratum_ratio(const ssr_record* record, size_t stratum); /* "25%" */
SSR_API int64_t ssr_record_stratum_quota(const ssr_record* record, size_t stratum);
SSR_API const char* ssr_record_stratum_arithmetic(const ssr_record* record, size_t stratum);
SSR_API int ssr_record_stratum_whole_pool_taken(const ssr_record* record, size_t stratum);
/* The selected entities of a stratum in ticket order: count, id, ticket, and 1 when re-admitted after the
 * rotation pool ran out (0 otherwise, -1 on error). */
SSR_API size_t ssr_record_stratum_selected_count(const ssr_record* record, size_t stratum);
SSR_API const char* ssr_record_stratum_selected_id(const ssr_record* record, size_t stratum, size_t index);
SSR_API const char* ssr_record_stratum_selected_ticket(const ssr_record* record, size_t stratum,
                                                       size_t index);
SSR_API int ssr_record_stratum_selected_readmitted(const ssr_record* record, size_t stratum, size_t index);

/* ===== The team draw ======================================================================================
 *
 * The second "random" of 双随机 (随机选派执法检查人员, docs/teams.md): every task of a plan gets a team drawn
 * from the inspector directory, candidates ranked by the ticket of "<task id>|<inspector id>" under the
 * plan's seed, the first ones the rules admit taken (recusal, rotation, own area, skills, workload, joint
 * inspections). The result is a new plan with the teams filled — read it through ssr_plan_task_team_size,
 * _team_member, _joint_type and _partner_department, digest and write it with the plan functions — and a
 * team record: the team part of the public record, with every candidate passed over and the reason.
 *
 *   ssr_team_rules* rules = NULL;
 *   ssr_plan* assigned = NULL;
 *   ssr_team_record* teams = NULL;
 *   ssr_team_rules_from_policy(policy, &rules);
 *   ssr_assign_teams(bureau, rules, plan, NULL, &assigned, &teams);
 *   ... ssr_team_record_verify(teams, bureau, rules, plan, NULL) ...
 *   ssr_team_record_destroy(teams); ssr_plan_destroy(assigned); ssr_team_rules_destroy(rules);
 *
 * Thread safety: ssr_team_rules may be read by any number of concurrent draws and verifications; setting a
 * key needs exclusive access. ssr_team_record is immutable; every function may run concurrently.
 */

typedef struct ssr_team_rules ssr_team_rules;   /* the rules a team obeys (team size, rotation, joints) */
typedef struct ssr_team_record ssr_team_record; /* the public record of a team draw */

/* Team-rule keys, one per field of the rules (docs/teams.md explains each). The values are fixed; new keys
 * are appended. */
typedef enum ssr_team_rule {
  /* int, default 2: bureau inspectors per on-site team; at least 2 (Administrative Penalty Law, art. 42). */
  SSR_TEAM_RULE_MIN_TEAM_SIZE = 1,
  /* int, default 1: staff per off-site (非现场) task; at least 1. */
  SSR_TEAM_RULE_OFFSITE_TEAM_SIZE = 2,
  /* string, default "monitoring": the internal units whose staff take the off-site tasks, unit ids
   * separated by ';' ("" for none). */
  SSR_TEAM_RULE_OFFSITE_UNITS = 3,
  /* int, default 30: tasks per period for an inspector whose max_load is not set; >= 0. */
  SSR_TEAM_RULE_DEFAULT_MAX_LOAD = 4,
  /* int, default 4: nobody inspects an entity they inspected in this many periods before (0: no rule). */
  SSR_TEAM_RULE_ROTATION_WINDOW_PERIODS = 5,
  /* string, default "free": the own-area rule, "free", "required" or "forbidden". */
  SSR_TEAM_RULE_OWN_AREA = 6,
  /* int 0 or 1, default 1: every specialty a task's items require is held by a member of its team. */
  SSR_TEAM_RULE_SKILLS_BY_ITEM = 7,
  /* int, default 30 and 100: internal joint inspections (内部联合) are at least numerator/denominator of
   * the year's inspections; 0 <= numerator <= denominator, denominator >= 1. */
  SSR_TEAM_RULE_INTERNAL_JOINT_SHARE_NUMERATOR = 8,
  SSR_TEAM_RULE_INTERNAL_JOINT_SHARE_DENOMINATOR = 9,
  /* int, default 1: inter-department joint inspections (部门联合) in every quarterly plan; >= 0. */
  SSR_TEAM_RULE_DEPARTMENT_JOINTS_PER_QUARTER = 10,
  SSR_TEAM_RULE_FORCE_INT = 0x7FFFFFFF /* not a key: see "Enums" above */
} ssr_team_rule;

/* New rules with the defaults listed above (those of the Xinle 2024 plan and of the law). */
SSR_API ssr_status ssr_team_rules_create(ssr_team_rules** out);

/* The rules a policy sets through its team and joint sections (ssr::TeamRulesFromPolicy; docs/policy.md).
 * A field the policy leaves out keeps ssr_team_rules_create's default (a policy without off-site units
 * keeps "monitoring"). Errors: SSR_INVALID_ARGUMENT for NULL arguments. */
SSR_API ssr_status ssr_team_rules_from_policy(const ssr_policy* policy, ssr_team_rules** out);

SSR_API void ssr_team_rules_destroy(ssr_team_rules* rules);

/* Sets an int key or a string key (NULL value: ""). The rules are checked as a whole after every change,
 * so keep them valid at each step (to raise both parts of the share, set the denominator first).
 * Errors: SSR_INVALID_ARGUMENT for an unknown key, a key of the other type, or a value refused (naming the
 * field and the accepted range); the rules keep their value. */
SSR_API ssr_status ssr_team_rules_set_int(ssr_team_rules* rules, ssr_team_rule key, int64_t value);
SSR_API ssr_status ssr_team_rules_set_string(ssr_team_rules* rules, ssr_team_rule key, const char* value);

/* Reads a key: an int, or a borrowed string (valid until that key is set again or the rules are
 * destroyed; SSR_TEAM_RULE_OFFSITE_UNITS joined by ';'). Errors as the setters. */
SSR_API ssr_status ssr_team_rules_get_int(const ssr_team_rules* rules, ssr_team_rule key, int64_t* out_value);
SSR_API ssr_status ssr_team_rules_get_string(const ssr_team_rules* rules, ssr_team_rule key,
                                             const char** out_value);

/* Draws every task's team of `plan` (teams already in it are replaced) under `rules`. `options` (may be
 * NULL: no history, threads 0) gives the bureau's earlier plans with their teams — the rotation window
 * and the year's internal joint share read them — SSR_DRAW_THREADS, and SSR_DRAW_PREVIOUS_RECORD_DIGEST: the
 * digest of the entity draw record of `plan` (ssr_record_digest), or of the team record this draw replaces,
 * which the team record carries so the published chain of records cannot be silently re-ordered ("" when
 * unset). Its other keys are not read (the seed is the plan's). Both outputs are required; each is a new
 * handle on success, NULL on failure. Errors: SSR_INVALID_ARGUMENT — a plan whose period is not a quarter, a
 * blank seed, duplicate tasks, a task naming an entity or item the bureau lacks, a history plan not earlier
 * than the plan or repeated; SSR_FAILED_PRECONDITION, decided before anything is drawn — a task no team can
 * serve, too few tasks able to take the required joint teams, or too little load capacity (the message names
 * the tasks, the binding rule and a fix). */
SSR_API ssr_status ssr_assign_teams(const ssr_bureau* bureau, const ssr_team_rules* rules,
                                    const ssr_plan* plan, const ssr_draw_options* options,
                                    ssr_plan** out_plan, ssr_team_record** out_record);

/* A team record from its JSON (format ssrandom-team-record/1). `source` (may be NULL: "teams.json") names
 * it in messages. Errors: SSR_INVALID_ARGUMENT naming the field, or an unknown format version. */
SSR_API ssr_status ssr_team_record_from_json(const char* data, size_t size, const char* source,
                                             ssr_team_record** out);
SSR_API void ssr_team_record_destroy(ssr_team_record* record);

/* The record as pretty JSON in documented field order (docs/teams.md), deterministic; a new string. */
SSR_API ssr_status ssr_team_record_to_json(const ssr_team_record* record, char** out_json);

/* SHA-256 hex of the record's canonical JSON (keys sorted, no whitespace, UTF-8: the rule of
 * ssr_record_digest): what the next record's previous_record_digest names. `size` >= SSR_DIGEST_SIZE. */
SSR_API ssr_status ssr_team_record_digest(const ssr_team_record* record, char* buffer, size_t size);

/* Recomputes the team draw from the bureau, the rules, the plan (before or after the team draw: a task
 * that carries a team must carry the recorded one) and the history and SSR_DRAW_PREVIOUS_RECORD_DIGEST of
 * `options` (may be NULL: no history, no previous record), and compares every field: the chain link, the
 * plan's digest without teams, the inspector directory's digest, the history, then the draw. SSR_OK when
 * identical; SSR_FAILED_PRECONDITION naming the first difference, e.g. "teams[3]
 * (2024Q1/XL-00412).members[0]: the record says I-007, the recomputed draw gives I-012", or saying the draw
 * can no longer be recomputed; SSR_INVALID_ARGUMENT for invalid inputs. */
SSR_API ssr_status ssr_team_record_verify(const ssr_team_record* record, const ssr_bureau* bureau,
                                          const ssr_team_rules* rules, const ssr_plan* plan,
                                          const ssr_draw_options* options);

/* The rules the record says the draw applied, as new rules (e.g. to verify with them). */
SSR_API ssr_status ssr_team_record_rules(const ssr_team_record* record, ssr_team_rules** out);

/* Header fields. Strings borrowed; numbers -1 for NULL. */
SSR_API const char* ssr_team_record_period(const ssr_team_record* record); /* "2024Q1" */
/* The record this one follows (its entity draw record, or the team record it replaces; "" for none), the
 * plan's digest without teams, and the digest of the inspector directory the draw read (docs/teams.md). */
SSR_API const char* ssr_team_record_previous_record_digest(const ssr_team_record* record);
SSR_API const char* ssr_team_record_plan_digest(const ssr_team_record* record);
SSR_API const char* ssr_team_record_inspector_directory_digest(const ssr_team_record* record);
SSR_API const char* ssr_team_record_id_space(const ssr_team_record* record); /* "<task id>|<inspector id>" */
/* The levelled load share p (1..100): each inspector took at most ⌈p × max_load / 100⌉ tasks. */
SSR_API int ssr_team_record_load_cap_percent(const ssr_team_record* record);
/* This plan's tasks and its internal / department joint tasks. */
SSR_API int64_t ssr_team_record_tasks(const ssr_team_record* record);
SSR_API int64_t ssr_team_record_internal_joint(const ssr_team_record* record);
SSR_API int64_t ssr_team_record_department_joint(const ssr_team_record* record);
SSR_API int64_t ssr_team_record_department_joint_required(const ssr_team_record* record);
/* The year so far, this plan included: inspections, internal joint ones, and the required internal ones. */
SSR_API int64_t ssr_team_record_year_inspections(const ssr_team_record* record);
SSR_API int64_t ssr_team_record_year_internal_joint(const ssr_team_record* record);
SSR_API int64_t ssr_team_record_year_internal_joint_required(const ssr_team_record* record);
/* Tasks per inspector over the bureau's drawable staff: fewest, most, and how many inspectors counted. */
SSR_API int64_t ssr_team_record_workload_min(const ssr_team_record* record);
SSR_API int64_t ssr_team_record_workload_max(const ssr_team_record* record);
SSR_API int64_t ssr_team_record_workload_inspectors(const ssr_team_record* record);

/* The teams, one per task in plan order. The index of a task's team by task id; SSR_NOT_FOUND when the
 * record has none. */
SSR_API size_t ssr_team_record_team_count(const ssr_team_record* record);
SSR_API ssr_status ssr_team_record_find_team(const ssr_team_record* record, const char* task_id,
                                             size_t* out_team);
/* One team: its task id, joint type ("none", "internal" or "department") and partner department ("" unless
 * "department"); strings borrowed, NULL on a bad index. */
SSR_API const char* ssr_team_record_team_task_id(const ssr_team_record* record, size_t team);
SSR_API const char* ssr_team_record_team_joint_type(const ssr_team_record* record, size_t team);
SSR_API const char* ssr_team_record_team_partner_department(const ssr_team_record* record, size_t team);
/* The members (inspector ids) in draw order: count and member `index`. */
SSR_API size_t ssr_team_record_team_member_count(const ssr_team_record* record, size_t team);
SSR_API const char* ssr_team_record_team_member(const ssr_team_record* record, size_t team, size_t index);
/* The candidates passed over before the last member, in ticket order: count, inspector id and reason
 * ("inactive", "unit", "certificate", "conflict", "rotation", "area", "pair_exclusion", "skill", "load",
 * "feasibility"; docs/teams.md). */
SSR_API size_t ssr_team_record_team_skipped_count(const ssr_team_record* record, size_t team);
SSR_API const char* ssr_team_record_team_skipped_id(const ssr_team_record* record, size_t team, size_t index);
SSR_API const char* ssr_team_record_team_skipped_reason(const ssr_team_record* record, size_t team,
                                                        size_t index);

/* ===== Inspection results =================================================================================
 *
 * What happened to each planned task (检查结果, docs/results.md): one result per inspected task — the date,
 * the method, the team sent, the outcome, the handling, and when it was entered in the platform and
 * published. Read from CSV (English or Chinese headers) or JSON, validated against the plans the tasks
 * belong to; all or nothing.
 *
 * Thread safety: immutable; every function may run concurrently. Borrowed strings live until destroy.
 */

typedef struct ssr_results ssr_results; /* inspection results of one or more quarters */

/* Reads results from CSV or JSON text and validates every record against `plans` (`plan_count` plans of
 * one bureau, any quarters; `plans` may be NULL only when `plan_count` is 0): unknown tasks, duplicates,
 * a changed team without a reason, dates outside the quarter or out of order, handling without a problem.
 * `bureau` (may be NULL) also checks every team member against its inspector directory. `source` (may be
 * NULL: "results.csv" / "results.json") names the text in messages. `out_report` as for bureau loads:
 * every error and warning with record, line, task id and field. Errors: SSR_INVALID_ARGUMENT listing the
 * problems (up to 20 in the message, all in the report), or an unknown format. */
SSR_API ssr_status ssr_results_read(const char* data, size_t size, ssr_format format, const char* source,
                                    const ssr_plan* const* plans, size_t plan_count, const ssr_bureau* bureau,
                                    ssr_results** out, ssr_quality_report** out_report);

/* ssr_results_read for a .csv or .json file (by extension, any case). Errors: those of ssr_results_read,
 * SSR_NOT_FOUND and SSR_PERMISSION_DENIED for the file, SSR_INVALID_ARGUMENT for another extension. */
SSR_API ssr_status ssr_results_load(const char* path, const ssr_plan* const* plans, size_t plan_count,
                                    const ssr_bureau* bureau, ssr_results** out,
                                    ssr_quality_report** out_report);

SSR_API void ssr_results_destroy(ssr_results* results);

/* The results as JSON (format ssrandom-results/1) or CSV (English headers, or the Chinese ones when
 * `chinese_headers` is nonzero; both read back the same), deterministic; new strings. */
SSR_API ssr_status ssr_results_to_json(const ssr_results* results, char** out_json);
SSR_API ssr_status ssr_results_to_csv(const ssr_results* results, int chinese_headers, char** out_csv);

/* The results in file order: count, and the index of a task's result (SSR_NOT_FOUND when it has none). */
SSR_API size_t ssr_results_count(const ssr_results* results);
SSR_API ssr_status ssr_results_find(const ssr_results* results, const char* task_id, size_t* out_result);

/* One result's fields (borrowed; NULL for a NULL handle or an index out of range). Dates are "YYYY-MM-DD",
 * "" for none (not yet entered, not yet published). Method "on_site"/"off_site"; outcome "no_problem" or
 * "problem_found"; handling "rectification", "penalty_case", "clue_transfer", "judicial_referral",
 * "credit_record". */
SSR_API const char* ssr_results_task_id(const ssr_results* results, size_t result);
SSR_API const char* ssr_results_inspection_date(const ssr_results* results, size_t result);
SSR_API const char* ssr_results_method(const ssr_results* results, size_t result);
SSR_API const char* ssr_results_outcome(const ssr_results* results, size_t result);
SSR_API const char* ssr_results_team_change_reason(const ssr_results* results, size_t result);
SSR_API const char* ssr_results_entry_date(const ssr_results* results, size_t result);
SSR_API const char* ssr_results_publication_date(const ssr_results* results, size_t result);
SSR_API const char* ssr_results_note(const ssr_results* results, size_t result);
/* The team sent (inspector ids) and the handling, in the order written: counts and entry `index`. */
SSR_API size_t ssr_results_team_size(const ssr_results* results, size_t result);
SSR_API const char* ssr_results_team_member(const ssr_results* results, size_t result, size_t index);
SSR_API size_t ssr_results_handling_count(const ssr_results* results, size_t result);
SSR_API const char* ssr_results_handling(const ssr_results* results, size_t result, size_t index);

/* ===== Compliance checks ==================================================================================
 *
 * Does a quarter (or a year) meet every rule (考核, docs/check.md)? ssr_check runs the rules of RULES.md
 * §3–§5 over the plans of a period — before they are carried out (prospective: no results) or with their
 * results (retrospective) — and gives a report: one finding per rule and scope, with the measured and
 * required counts, a status ("met", "short", "violated", "not_yet_due", "unknown"), the shortfall and a
 * hint. A plan that breaks a rule is not an error of the call: the findings say so.
 *
 *   ssr_check_options* options = NULL;
 *   ssr_check_report* report = NULL;
 *   ssr_check_options_create(&options);
 *   ssr_check_options_add_plan(options, assigned);
 *   ssr_check_options_add_record(options, record);
 *   ssr_check_options_set_string(options, SSR_CHECK_AS_OF, "2024-04-15");
 *   ssr_check(policy, "2024Q1", bureau, options, &report);
 *   for (i = 0; i < ssr_check_report_finding_count(report); ++i) ... ssr_check_report_finding_rule(report, i)
 *
 * Thread safety: ssr_check_options may be read by any number of concurrent checks; changing it needs
 * exclusive access. ssr_check_report is immutable; every function may run concurrently.
 */

typedef struct ssr_check_options ssr_check_options; /* the inputs and settings of a check */
typedef struct ssr_check_report ssr_check_report;   /* the findings of a check */

/* Check option keys. The values are fixed; new keys are appended. */
typedef enum ssr_check_option {
  /* string, default "": the day of the check, "YYYY-MM-DD". Deadlines after it are not yet due and results
   * dated after it are not counted yet. "": a final assessment, every deadline has passed. */
  SSR_CHECK_AS_OF = 1,
  /* int 0 or 1, default 0: count full-coverage pools (the positive list's off-site checks) in the shares
   * of Q-CREDIT and Q-JOINT-INTERNAL, which otherwise count random inspections (抽查) only. */
  SSR_CHECK_COUNT_FULL_COVERAGE = 2,
  SSR_CHECK_OPTION_FORCE_INT = 0x7FFFFFFF /* not an option: see "Enums" above */
} ssr_check_option;

/* New options: no plan, no record, no results, no history, the built-in calendar, defaults as listed. */
SSR_API ssr_status ssr_check_options_create(ssr_check_options** out);
SSR_API void ssr_check_options_destroy(ssr_check_options* options);

/* Sets a string key (NULL value: "") or an int key; reads one (a borrowed string, valid until that key is
 * set again or the options are destroyed). Errors: SSR_INVALID_ARGUMENT for an unknown key, a key of the
 * other type, or a value refused (not a date, not 0 or 1); the option keeps its value. */
SSR_API ssr_status ssr_check_options_set_string(ssr_check_options* options, ssr_check_option key,
                                                const char* value);
SSR_API ssr_status ssr_check_options_set_int(ssr_check_options* options, ssr_check_option key, int64_t value);
SSR_API ssr_status ssr_check_options_get_string(const ssr_check_options* options, ssr_check_option key,
                                                const char** out_value);
SSR_API ssr_status ssr_check_options_get_int(const ssr_check_options* options, ssr_check_option key,
                                             int64_t* out_value);

/* Adds a copy of a plan under check (the quarter's plan, or one plan per quarter for a year), of its draw
 * record (optional: the pool sizes of the frozen directory; it must be its plan's), or of an earlier plan
 * of the year that is not checked itself but counts for the yearly cap and rotation. */
SSR_API ssr_status ssr_check_options_add_plan(ssr_check_options* options, const ssr_plan* plan);
SSR_API ssr_status ssr_check_options_add_record(ssr_check_options* options, const ssr_record* record);
SSR_API ssr_status ssr_check_options_add_history(ssr_check_options* options, const ssr_plan* plan);
/* The plans, records and history plans added so far. */
SSR_API size_t ssr_check_options_plan_count(const ssr_check_options* options);
SSR_API size_t ssr_check_options_record_count(const ssr_check_options* options);
SSR_API size_t ssr_check_options_history_count(const ssr_check_options* options);

/* Sets a copy of the inspection results for a retrospective check; NULL removes them (a prospective
 * check). */
SSR_API ssr_status ssr_check_options_set_results(ssr_check_options* options, const ssr_results* results);

/* When a quarter's summary (工作总结) or statistics table (统计表) was submitted: `quarter` "2024Q1",
 * `date` "YYYY-MM-DD", or NULL or "" for not submitted. Errors: SSR_INVALID_ARGUMENT for a period that is
 * not a quarter or a malformed date. */
SSR_API ssr_status ssr_check_options_set_summary_submitted(ssr_check_options* options, const char* quarter,
                                                           const char* date);
SSR_API ssr_status ssr_check_options_set_statistics_submitted(ssr_check_options* options, const char* quarter,
                                                              const char* date);

/* Sets a copy of `calendar` for the deadlines (NULL: the built-in calendar). */
SSR_API ssr_status ssr_check_options_set_calendar(ssr_check_options* options, const ssr_calendar* calendar);

/* Removes the plans, records, history, results and submission dates; keys and calendar stay. */
SSR_API ssr_status ssr_check_options_clear_inputs(ssr_check_options* options);

/* Checks `period` (a quarter "2024Q1" or a year "2024") under `policy` with the plans and settings of
 * `options`. `bureau` (may be NULL) gives pool sizes when a plan has no record, certificates, conflicts
 * and hints naming entities and areas. The output is a new report on success, NULL on failure.
 * Errors: SSR_INVALID_ARGUMENT — no plan, a plan outside the period or of another bureau, two plans for
 * one quarter, a missing quarter of a year, a record not its plan's, results that do not validate, no
 * pool sizes (neither a record nor a bureau); SSR_OUT_OF_RANGE — the calendar lacks a year a deadline
 * needs (load the holiday file). */
SSR_API ssr_status ssr_check(const ssr_policy* policy, const char* period, const ssr_bureau* bureau,
                             const ssr_check_options* options, ssr_check_report** out);
SSR_API void ssr_check_report_destroy(ssr_check_report* report);

/* {"format": "ssrandom-compliance", "format_version": 1, ..., "findings": [...]} with every record, or a
 * readable bilingual report listing at most `max_records` records per finding (<= 0: 8); new strings. */
SSR_API ssr_status ssr_check_report_to_json(const ssr_check_report* report, char** out_json);
SSR_API ssr_status ssr_check_report_to_text(const ssr_check_report* report, int max_records, char** out_text);

/* 1 when no finding is "short" or "violated", 0 otherwise, -1 for NULL. */
SSR_API int ssr_check_report_ok(const ssr_check_report* report);
/* Findings with a status ("met", "short", "violated", "not_yet_due", "unknown"); -1 for another name. */
SSR_API int64_t ssr_check_report_status_count(const ssr_check_report* report, const char* status);

/* Header fields (borrowed): the period checked, the mode ("prospective" or "retrospective"), the day of
 * the check ("" for a final assessment), the bureau's and the policy's names. */
SSR_API const char* ssr_check_report_period(const ssr_check_report* report);
SSR_API const char* ssr_check_report_mode(const ssr_check_report* report);
SSR_API const char* ssr_check_report_as_of(const ssr_check_report* report);
SSR_API const char* ssr_check_report_bureau(const ssr_check_report* report);
SSR_API const char* ssr_check_report_policy_name(const ssr_check_report* report);
/* What the check assumed (pool sizes' source, quarters skipped): count and note `index`. */
SSR_API size_t ssr_check_report_note_count(const ssr_check_report* report);
SSR_API const char* ssr_check_report_note(const ssr_check_report* report, size_t index);

/* The findings, rules in ssr_rule_id order, quarters in order within a rule. Strings borrowed (NULL on a
 * bad index); numbers -1 on a bad index. */
SSR_API size_t ssr_check_report_finding_count(const ssr_check_report* report);
/* The rule ("Q-KEY") and the status ("met", "short", "violated", "not_yet_due" or "unknown"). */
SSR_API const char* ssr_check_report_finding_rule(const ssr_check_report* report, size_t finding);
SSR_API const char* ssr_check_report_finding_status(const ssr_check_report* report, size_t finding);
/* The status's Chinese label: "达标", "不足", "违规", "未到期", "未知". */
SSR_API const char* ssr_check_report_finding_status_label(const ssr_check_report* report, size_t finding);
/* The scope: period ("2024Q1", or "2024" for the yearly rules of a year), pool, credit class and area
 * ("" for all). */
SSR_API const char* ssr_check_report_finding_period(const ssr_check_report* report, size_t finding);
SSR_API const char* ssr_check_report_finding_pool(const ssr_check_report* report, size_t finding);
SSR_API const char* ssr_check_report_finding_credit_class(const ssr_check_report* report, size_t finding);
SSR_API const char* ssr_check_report_finding_area(const ssr_check_report* report, size_t finding);
/* `measured` records satisfy the rule out of `base` considered; `required` is the minimum of `measured`;
 * `shortfall` is what is missing (0 when met). */
SSR_API int64_t ssr_check_report_finding_measured(const ssr_check_report* report, size_t finding);
SSR_API int64_t ssr_check_report_finding_base(const ssr_check_report* report, size_t finding);
SSR_API int64_t ssr_check_report_finding_required(const ssr_check_report* report, size_t finding);
SSR_API int64_t ssr_check_report_finding_shortfall(const ssr_check_report* report, size_t finding);
/* The same as text ("24 of 94 key entities (25.5%)", "≥ 24 (⌈25% × 94⌉ = 24)"), and what to do. */
SSR_API const char* ssr_check_report_finding_measured_text(const ssr_check_report* report, size_t finding);
SSR_API const char* ssr_check_report_finding_required_text(const ssr_check_report* report, size_t finding);
SSR_API const char* ssr_check_report_finding_hint(const ssr_check_report* report, size_t finding);
/* The deadline of D-SUMMARY and D-STATISTICS findings, "YYYY-MM-DD"; "" for the other rules. */
SSR_API const char* ssr_check_report_finding_due(const ssr_check_report* report, size_t finding);
/* The records involved (task ids; entity ids for the yearly cap): count and record `index`. */
SSR_API size_t ssr_check_report_finding_record_count(const ssr_check_report* report, size_t finding);
SSR_API const char* ssr_check_report_finding_record(const ssr_check_report* report, size_t finding,
                                                    size_t index);

/* The rule ids in report order (Q-SPECIAL, Q-KEY, ..., D-STATISTICS): count and id `index` (static; NULL
 * out of range); and a rule's bilingual title (static; NULL for an unknown id). Thread-safe. */
SSR_API size_t ssr_rule_count(void);
SSR_API const char* ssr_rule_id(size_t index);
SSR_API const char* ssr_rule_title(const char* rule);

/* ===== Quarterly reports ==================================================================================
 *
 * The statistics table (统计表) and the public disclosure (结果公示) of a quarter's results, as text.
 */

/* The statistics of `plan`'s quarter by area, then a total row: entity counts from the bureau classified
 * under the policy, inspections dated on or before `as_of` (may be NULL or "": all). As JSON (format
 * ssrandom-statistics/1) or CSV (Chinese headers when `chinese_headers` is nonzero); a new string.
 * Errors: SSR_INVALID_ARGUMENT — a plan whose period is not a quarter, results that do not validate
 * against the plan, a malformed date, an unknown format. */
SSR_API ssr_status ssr_statistics_table(const ssr_bureau* bureau, const ssr_policy* policy,
                                        const ssr_plan* plan, const ssr_results* results, const char* as_of,
                                        ssr_format format, int chinese_headers, char** out_text);

/* The public records of `plan`'s results as of `as_of` (required, "YYYY-MM-DD"): tasks without a result
 * or inspected later are withheld. `record` (may be NULL) is the plan's draw record, named in each public
 * record by digest (else the plan's digest is named). As JSON (format ssrandom-disclosure/1) or CSV
 * (Chinese headers when `chinese_headers` is nonzero); a new string. Errors: SSR_INVALID_ARGUMENT — results
 * that do not validate, a record not the plan's, a malformed date, an unknown format. */
SSR_API ssr_status ssr_disclosure(const ssr_bureau* bureau, const ssr_plan* plan, const ssr_results* results,
                                  const char* as_of, const ssr_record* record, ssr_format format,
                                  int chinese_headers, char** out_text);

/* ===== Tickets, seeds and USCCs ===========================================================================
 *
 * The ticket rule (docs/sampler.md), compatible with the consistent_sampler Python package:
 *   ticket(id) = U(H(seed) + id), U(s) = "0." + the decimal digits of SHA-256(s), least significant first.
 * A ticket depends only on the seed and the id, so anyone can recompute any entity's ticket.
 */

/* OK when `seed` can be a draw's public seed; SSR_INVALID_ARGUMENT saying why not (empty, only
 * whitespace, not UTF-8). */
SSR_API ssr_status ssr_validate_seed(const char* seed);

/* H(seed): 64 lowercase hex digits, the record's seed_hash. `size` >= SSR_DIGEST_SIZE. Errors as
 * ssr_validate_seed. */
SSR_API ssr_status ssr_seed_hash(const char* seed, char* buffer, size_t size);

/* The ticket of `id` under `seed`: "0." and 64 to 78 digits. `size` >= SSR_TICKET_SIZE. Errors as
 * ssr_validate_seed. */
SSR_API ssr_status ssr_ticket(const char* seed, const char* id, char* buffer, size_t size);

/* Checks a 统一社会信用代码 per GB 32100-2015 (length, alphabet, check character), taken exactly as given.
 * SSR_OK when valid; SSR_INVALID_ARGUMENT with a sentence for a clerk naming the position and character
 * otherwise. */
SSR_API ssr_status ssr_uscc_check(const char* code);

/* The check character that the first 17 characters of a USCC require. Errors: SSR_INVALID_ARGUMENT when
 * `first17` is not 17 characters of the USCC alphabet. */
SSR_API ssr_status ssr_uscc_check_character(const char* first17, char* out_character);

/* ===== Working days =======================================================================================
 *
 * China's working days (docs/calendar.md): weekdays, minus the State Council's holidays, plus its make-up
 * working days. The built-in calendar knows 2024–2026; load later years from holiday files
 * (ssrandom-holidays-v1). A date in a year without a schedule is SSR_OUT_OF_RANGE, unless provisional dates
 * are allowed (plain Monday–Friday). Dates are "YYYY-MM-DD". Counting never includes the starting day.
 *
 * Every query takes a calendar; NULL means the built-in one. Thread safety: queries may run concurrently;
 * loading and ssr_calendar_set_allow_provisional need exclusive access.
 */

/* A new calendar with the built-in years, or with no year at all (load every year from files). */
SSR_API ssr_status ssr_calendar_create_builtin(ssr_calendar** out);
SSR_API ssr_status ssr_calendar_create_empty(ssr_calendar** out);
SSR_API void ssr_calendar_destroy(ssr_calendar* calendar);

/* Adds the years of a holiday file (JSON text in memory, or a file). All or nothing. `source` (may be
 * NULL: "holidays.json") names the text in messages. Errors: SSR_INVALID_ARGUMENT (syntax, format, keys,
 * dates), SSR_ALREADY_EXISTS (a year the calendar has), SSR_NOT_FOUND / SSR_PERMISSION_DENIED (file). */
SSR_API ssr_status ssr_calendar_load_json(ssr_calendar* calendar, const char* data, size_t size,
                                          const char* source);
SSR_API ssr_status ssr_calendar_load_file(ssr_calendar* calendar, const char* path);

/* Whether years without a schedule count as plain Monday–Friday weeks (nonzero) or are errors (0). */
SSR_API ssr_status ssr_calendar_set_allow_provisional(ssr_calendar* calendar, int allow);

/* *out_working = 1 when `date` is a working day, 0 otherwise. Errors: SSR_INVALID_ARGUMENT (not a date),
 * SSR_OUT_OF_RANGE (a year without a schedule). */
SSR_API ssr_status ssr_calendar_is_working_day(const ssr_calendar* calendar, const char* date,
                                               int* out_working);

/* The n-th working day after `date` (n > 0) or the |n|-th before it (n < 0), into a buffer of `size` >=
 * SSR_DATE_SIZE. Errors: SSR_INVALID_ARGUMENT (n == 0, not a date), SSR_OUT_OF_RANGE. */
SSR_API ssr_status ssr_calendar_add_working_days(const ssr_calendar* calendar, const char* date, int n,
                                                 char* buffer, size_t size);

/* The working days d with after < d <= until (negative when until < after). */
SSR_API ssr_status ssr_calendar_working_days_between(const ssr_calendar* calendar, const char* after,
                                                     const char* until, int64_t* out_days);

/* A quarter's report deadlines with the default counts: the quarterly summary (2 working days before the
 * quarter's end) and statistics table (2 after), each into a buffer of `size` >= SSR_DATE_SIZE.
 * Errors: SSR_INVALID_ARGUMENT (not a quarter), SSR_OUT_OF_RANGE. */
SSR_API ssr_status ssr_calendar_quarter_deadlines(const ssr_calendar* calendar, const char* quarter,
                                                  char* summary_due, char* statistics_due, size_t size);

/* ===== Experimental =======================================================================================
 *
 * Defined only with SSR_ENABLE_EXPERIMENTAL_API. These functions are exported like the others, but may
 * change or disappear in any release, without a change of SSR_ABI_VERSION. The team draw (assign) and
 * the compliance checks join here first, then move above once their shape is settled (docs/C_API.md).
 */
#if defined(SSR_ENABLE_EXPERIMENTAL_API)

/* A synthetic bureau of the sample's mix, scaled: `entities` (1..10,000,000) entities and
 * `inspectors_per_group` (1..1,000) brigade inspectors per area group, from the generator seed `seed`.
 * Deterministic on every platform. For demos and benchmarks. */
SSR_API ssr_status ssr_bureau_generate(int64_t entities, int inspectors_per_group, uint64_t seed,
                                       ssr_bureau** out);

/* Ranks `ids` (id_count NUL-terminated UTF-8 strings, no two equal) by their tickets under `seed` and
 * writes the indices of the n lowest, in draw order, to `out_indices` (room for min(n, id_count)
 * entries); *out_count receives how many were written. `threads` (0: 1) never changes the result.
 * Errors: SSR_INVALID_ARGUMENT for a bad seed, a NULL id or a repeated id. */
SSR_API ssr_status ssr_sample(const char* seed, const char* const* ids, size_t id_count, size_t n,
                              int threads, size_t* out_indices, size_t* out_count);

#endif /* SSR_ENABLE_EXPERIMENTAL_API */

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* SSRANDOM_H_ */
