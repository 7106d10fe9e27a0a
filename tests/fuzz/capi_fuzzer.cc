// Fuzzes the C ABI (ssrandom.h) as a C program uses it: the input is a little program of calls — create
// and destroy handles, read tables, policies, plans, records and holiday files from bytes of the input,
// build rows, draw, verify, classify, render, and call anything with NULL, unknown enum values, indices out
// of range and buffers too small. Links only libssrandom.so, like any C caller.
//
// Program: a sequence of operations, each an opcode byte and its operands (see Op below). Texts are a
// length byte and that many bytes (NUL-terminated copies; a length of 255 means NULL); data chunks are a
// two-byte length and the bytes, passed as (data, size) without a terminator.
//
// Invariants, checked after every call:
//  - every fallible call returns a listed ssr_status; ssr_last_error_message() is never NULL, always UTF-8,
//    "" after SSR_OK and not "" after a failure;
//  - a failed call sets its output handles to NULL and leaves caller buffers untouched; a successful one
//    writes a NUL-terminated value that fits the buffer;
//  - NULL handles and required pointers are SSR_INVALID_ARGUMENT; accessors on NULL or out-of-range
//    indices return the documented fallback (NULL, 0, -1) and set a message;
//  - a plan, record or bureau written as JSON reads back with the same digest;
//  - nothing leaks: every handle is destroyed at the end of the program (LeakSanitizer checks).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "ssrandom.h"

namespace {

constexpr size_t kSlots = 2;

// The operand stream. Reading past the end gives zeros, so every program is complete.
class Program {
 public:
  Program(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  bool done() const { return at_ >= size_; }
  uint8_t Byte() { return at_ < size_ ? data_[at_++] : 0; }
  size_t Index() {  // small indices mostly, sometimes huge
    uint8_t b = Byte();
    if (b == 0xFF) return SIZE_MAX;
    if (b == 0xFE) return static_cast<size_t>(1) << 40;
    return b;
  }
  // A text: nullopt for NULL.
  bool Text(std::string* out) {
    uint8_t length = Byte();
    if (length == 0xFF) return false;
    const absl::string_view text = Take(length);
    out->assign(text.data(), text.size());
    return true;
  }
  std::string Chunk() {
    size_t length = Byte();
    length = (length << 8) | Byte();
    const absl::string_view chunk = Take(length);
    return std::string(chunk.data(), chunk.size());
  }

 private:
  absl::string_view Take(size_t length) {
    length = std::min(length, size_ - std::min(at_, size_));
    absl::string_view view(reinterpret_cast<const char*>(data_) + at_, length);
    at_ += length;
    return view;
  }
  const uint8_t* data_;
  size_t size_;
  size_t at_ = 0;
};

// A text operand with its NULL-ness, kept alive for the call.
struct Text {
  bool present = false;
  std::string value;
  const char* c_str() const { return present ? value.c_str() : nullptr; }
};
Text ReadText(Program& p) {
  Text t;
  t.present = p.Text(&t.value);
  return t;
}

void CheckMessage(ssr_status status) {
  FUZZ_CHECK_MSG(status >= SSR_OK && status <= SSR_UNIMPLEMENTED, std::to_string(status));
  const char* message = ssr_last_error_message();
  FUZZ_CHECK(message != nullptr);
  FUZZ_CHECK_MSG(ssr::fuzz::IsValidUtf8(message), message);
  if (status == SSR_OK) {
    FUZZ_CHECK_MSG(message[0] == '\0', message);
  } else {
    FUZZ_CHECK_MSG(message[0] != '\0', ssr_status_name(status));
  }
  FUZZ_CHECK(ssr_status_name(status) != nullptr);
}

// A call producing a handle: the handle is set exactly when the call succeeded.
template <typename Handle>
void CheckProduced(ssr_status status, Handle* handle) {
  CheckMessage(status);
  FUZZ_CHECK_MSG((status == SSR_OK) == (handle != nullptr), ssr_last_error_message());
}

// A call given a NULL handle or pointer.
void CheckNullRefused(ssr_status status) {
  CheckMessage(status);
  FUZZ_CHECK_MSG(status == SSR_INVALID_ARGUMENT, ssr_status_name(status));
}

// An accessor's fallback: NULL/0/-1 with a message.
void CheckFallbackMessage() {
  const char* message = ssr_last_error_message();
  FUZZ_CHECK(message != nullptr && message[0] != '\0' && ssr::fuzz::IsValidUtf8(message));
}

void CheckBorrowed(const char* text) {
  if (text != nullptr) FUZZ_CHECK_MSG(ssr::fuzz::IsValidUtf8(text), text);
}

// A caller buffer of exactly `size` bytes (a sanitizer sees any write past it), filled with a pattern
// that a failed call must leave.
class Buffer {
 public:
  explicit Buffer(size_t size) : size_(size), bytes_(new char[size == 0 ? 1 : size]) {
    std::memset(bytes_.get(), 'Z', size_ == 0 ? 1 : size_);
  }
  char* data() { return size_ == 0 ? nullptr : bytes_.get(); }
  size_t size() const { return size_; }
  void CheckAfter(ssr_status status) {
    CheckMessage(status);
    if (size_ == 0) return;
    if (status == SSR_OK) {
      FUZZ_CHECK(std::memchr(bytes_.get(), '\0', size_) != nullptr);
      FUZZ_CHECK(ssr::fuzz::IsValidUtf8(bytes_.get()));
    } else {
      for (size_t i = 0; i < size_; ++i) FUZZ_CHECK(bytes_[i] == 'Z');
    }
  }
  std::string value() const { return std::string(bytes_.get()); }

 private:
  size_t size_;
  std::unique_ptr<char[]> bytes_;
};

// A new string out parameter: set on success, NULL on failure; freed here.
void CheckNewString(ssr_status status, char* text) {
  CheckMessage(status);
  FUZZ_CHECK((status == SSR_OK) == (text != nullptr));
  if (text != nullptr) FUZZ_CHECK(ssr::fuzz::IsValidUtf8(text));
  ssr_free_string(text);
}

// Every handle a program holds, destroyed at the end.
struct Handles {
  ssr_bureau* bureau[kSlots] = {};
  ssr_policy* policy[kSlots] = {};
  ssr_plan* plan[kSlots] = {};
  ssr_record* record[kSlots] = {};
  ssr_calendar* calendar[kSlots] = {};
  ssr_row_builder* builder[kSlots] = {};
  ssr_draw_options* options[kSlots] = {};
  ssr_quality_report* report = nullptr;

  ~Handles() {
    for (size_t i = 0; i < kSlots; ++i) {
      ssr_bureau_destroy(bureau[i]);
      ssr_policy_destroy(policy[i]);
      ssr_plan_destroy(plan[i]);
      ssr_record_destroy(record[i]);
      ssr_calendar_destroy(calendar[i]);
      ssr_row_builder_destroy(builder[i]);
      ssr_draw_options_destroy(options[i]);
    }
    ssr_quality_report_destroy(report);
  }
  void KeepReport(ssr_quality_report* r) {
    ssr_quality_report_destroy(report);
    report = r;
  }
};

// Table and enum operands: the listed values and a few that are not.
// No negative values: the enums' *_FORCE_INT constant makes 0..0x7FFFFFFF their range in C++, and -1 is
// outside it (docs/reliability.md, "Known and left alone").
ssr_table TableOf(uint8_t b) {
  const int values[] = {0, 1, 2, 3, 4, 5, 6, 7, 1000, 0x7FFFFFFF};
  return static_cast<ssr_table>(values[b % 10]);
}

void ReadQualityReport(const ssr_quality_report* report, Program& p) {
  const size_t count = ssr_quality_report_issue_count(report);
  FUZZ_CHECK(ssr_quality_report_error_count(report) + ssr_quality_report_warning_count(report) ==
             static_cast<int64_t>(count));
  for (size_t i = 0; i < count && i < 8; ++i) {
    FUZZ_CHECK(ssr_quality_report_issue_severity(report, i) != nullptr);
    CheckBorrowed(ssr_quality_report_issue_message(report, i));
    CheckBorrowed(ssr_quality_report_issue_source(report, i));
    CheckBorrowed(ssr_quality_report_issue_field(report, i));
    CheckBorrowed(ssr_quality_report_issue_record_id(report, i));
    FUZZ_CHECK(ssr_quality_report_issue_code(report, i) != nullptr);
    FUZZ_CHECK(ssr_quality_report_issue_record(report, i) >= 0);
  }
  const size_t extra = p.Index();
  const size_t beyond = extra > SIZE_MAX - count ? SIZE_MAX : count + extra;  // no wrap-around
  FUZZ_CHECK(ssr_quality_report_issue_message(report, beyond) == nullptr);
  CheckFallbackMessage();
  FUZZ_CHECK(ssr_quality_report_issue_record(report, beyond) == -1);
  char* text = nullptr;
  {
    const ssr_status called = ssr_quality_report_to_json(report, &text);
    CheckNewString(called, text);
  }
  text = nullptr;
  {
    const ssr_status called = ssr_quality_report_to_text(report, &text);
    CheckNewString(called, text);
  }
}

void ReadPlan(const ssr_plan* plan, Program& p) {
  if (plan == nullptr) {
    FUZZ_CHECK(ssr_plan_task_count(nullptr) == 0);
    CheckFallbackMessage();
    FUZZ_CHECK(ssr_plan_period(nullptr) == nullptr);
    return;
  }
  const size_t tasks = ssr_plan_task_count(plan);
  const size_t task = p.Index();
  const char* id = ssr_plan_task_id(plan, task);
  FUZZ_CHECK((id != nullptr) == (task < tasks));
  if (task >= tasks) {
    CheckFallbackMessage();
    FUZZ_CHECK(ssr_plan_task_credit_based(plan, task) == -1);
    FUZZ_CHECK(ssr_plan_task_item_count(plan, task) == 0);
    return;
  }
  for (auto accessor : {ssr_plan_task_entity_id, ssr_plan_task_entity_name, ssr_plan_task_uscc,
                        ssr_plan_task_area, ssr_plan_task_class, ssr_plan_task_pool,
                        ssr_plan_task_credit_class, ssr_plan_task_stratum, ssr_plan_task_ticket,
                        ssr_plan_task_method, ssr_plan_task_joint_type, ssr_plan_task_partner_department}) {
    const char* value = accessor(plan, task);
    FUZZ_CHECK(value != nullptr);
    CheckBorrowed(value);
  }
  const size_t index = p.Index();
  FUZZ_CHECK((ssr_plan_task_item(plan, task, index) != nullptr) ==
             (index < ssr_plan_task_item_count(plan, task)));
  FUZZ_CHECK((ssr_plan_task_team_member(plan, task, index) != nullptr) ==
             (index < ssr_plan_task_team_size(plan, task)));
  size_t found = SIZE_MAX;
  const ssr_status status = ssr_plan_find_task(plan, ssr_plan_task_entity_id(plan, task), &found);
  CheckMessage(status);
  FUZZ_CHECK(status == SSR_OK && found < tasks);
}

void ReadRecord(const ssr_record* record, Program& p) {
  if (record == nullptr) {
    FUZZ_CHECK(ssr_record_algorithm_version(nullptr) == -1);
    CheckFallbackMessage();
    FUZZ_CHECK(ssr_record_directory_size(nullptr) == -1);
    return;
  }
  for (auto accessor : {ssr_record_algorithm, ssr_record_library_version, ssr_record_bureau,
                        ssr_record_period, ssr_record_seed, ssr_record_seed_hash, ssr_record_seed_source,
                        ssr_record_directory_digest, ssr_record_policy_name, ssr_record_policy_digest,
                        ssr_record_previous_record_digest, ssr_record_plan_digest}) {
    const char* value = accessor(record);
    FUZZ_CHECK(value != nullptr);
    CheckBorrowed(value);
  }
  const size_t index = p.Index();
  FUZZ_CHECK((ssr_record_history_period(record, index) != nullptr) ==
             (index < ssr_record_history_count(record)));
  const size_t strata = ssr_record_stratum_count(record);
  const size_t stratum = p.Index();
  FUZZ_CHECK((ssr_record_stratum_name(record, stratum) != nullptr) == (stratum < strata));
  if (stratum >= strata) {
    CheckFallbackMessage();
    FUZZ_CHECK(ssr_record_stratum_quota(record, stratum) == -1);
    FUZZ_CHECK(ssr_record_stratum_whole_pool_taken(record, stratum) == -1);
    FUZZ_CHECK(ssr_record_stratum_selected_count(record, stratum) == 0);
    return;
  }
  for (auto accessor : {ssr_record_stratum_pool, ssr_record_stratum_rule, ssr_record_stratum_credit_class,
                        ssr_record_stratum_method, ssr_record_stratum_ratio, ssr_record_stratum_arithmetic}) {
    CheckBorrowed(accessor(record, stratum));
    FUZZ_CHECK(accessor(record, stratum) != nullptr);
  }
  FUZZ_CHECK(ssr_record_stratum_credit_based(record, stratum) >= 0);
  const size_t selected = ssr_record_stratum_selected_count(record, stratum);
  const size_t pick = p.Index();
  FUZZ_CHECK((ssr_record_stratum_selected_id(record, stratum, pick) != nullptr) == (pick < selected));
  FUZZ_CHECK((ssr_record_stratum_selected_ticket(record, stratum, pick) != nullptr) == (pick < selected));
  FUZZ_CHECK((ssr_record_stratum_selected_readmitted(record, stratum, pick) >= 0) == (pick < selected));
}

// Writes a plan or a record as JSON and reads it back: the same digest.
void RoundTripPlan(const ssr_plan* plan) {
  char* json = nullptr;
  const ssr_status written = ssr_plan_to_json(plan, &json);
  CheckMessage(written);
  FUZZ_CHECK((written == SSR_OK) == (plan != nullptr));
  if (json == nullptr) return;
  ssr_plan* back = nullptr;
  const ssr_status read = ssr_plan_from_json(json, std::strlen(json), nullptr, &back);
  CheckProduced(read, back);
  FUZZ_CHECK_MSG(read == SSR_OK, ssr_last_error_message());
  Buffer a(SSR_DIGEST_SIZE), b(SSR_DIGEST_SIZE);
  a.CheckAfter(ssr_plan_digest(plan, a.data(), a.size()));
  b.CheckAfter(ssr_plan_digest(back, b.data(), b.size()));
  FUZZ_CHECK(a.value() == b.value() && a.value().size() == 64);
  char* csv = nullptr;
  {
    const ssr_status called = ssr_plan_to_csv(back, &csv);
    CheckNewString(called, csv);
  }
  ssr_plan_destroy(back);
  ssr_free_string(json);
}

void RoundTripRecord(const ssr_record* record) {
  char* json = nullptr;
  const ssr_status written = ssr_record_to_json(record, &json);
  CheckMessage(written);
  FUZZ_CHECK((written == SSR_OK) == (record != nullptr));
  if (json == nullptr) return;
  ssr_record* back = nullptr;
  const ssr_status read = ssr_record_from_json(json, std::strlen(json), "written.json", &back);
  CheckProduced(read, back);
  FUZZ_CHECK_MSG(read == SSR_OK, ssr_last_error_message());
  Buffer a(SSR_DIGEST_SIZE), b(SSR_DIGEST_SIZE);
  a.CheckAfter(ssr_record_digest(record, a.data(), a.size()));
  b.CheckAfter(ssr_record_digest(back, b.data(), b.size()));
  FUZZ_CHECK(a.value() == b.value());
  ssr_record_destroy(back);
  ssr_free_string(json);
}

void RoundTripBureau(const ssr_bureau* bureau) {
  char* json = nullptr;
  const ssr_status written = ssr_bureau_to_json(bureau, &json);
  CheckMessage(written);
  FUZZ_CHECK_MSG((written == SSR_OK) == (bureau != nullptr), ssr_last_error_message());
  if (json == nullptr) return;
  ssr_bureau* back = nullptr;
  ssr_quality_report* report = nullptr;
  const ssr_status read = ssr_bureau_read_json(json, std::strlen(json), nullptr, nullptr, &back, &report);
  CheckProduced(read, back);
  // A bureau may hold rows whose references ssr_bureau_check would refuse (rows are added in any order);
  // reading the document checks them. When it reads, it is the same directory.
  if (read == SSR_OK) {
    Buffer a(SSR_DIGEST_SIZE), b(SSR_DIGEST_SIZE);
    a.CheckAfter(ssr_bureau_directory_digest(bureau, a.data(), a.size()));
    b.CheckAfter(ssr_bureau_directory_digest(back, b.data(), b.size()));
    FUZZ_CHECK(a.value() == b.value());
    for (int table = 0; table < 7; ++table) {
      FUZZ_CHECK(ssr_bureau_row_count(bureau, static_cast<ssr_table>(table)) ==
                 ssr_bureau_row_count(back, static_cast<ssr_table>(table)));
    }
  }
  ssr_quality_report_destroy(report);
  ssr_bureau_destroy(back);
  ssr_free_string(json);
}

enum Op : uint8_t {
  kBureauCreate,     // slot, name
  kBureauReadTable,  // slot, table, format, source, want-report, chunk
  kBureauReadJson,   // slot, source, as_of, want-report, chunk
  kPolicyPreset,     // slot, preset index
  kPolicyFromJson,   // slot, source, chunk
  kPlanFromJson,     // slot, chunk
  kRecordFromJson,   // slot, chunk
  kCalendar,         // slot, builtin?, chunk (holiday file)
  kCalendarQuery,    // slot-or-NULL, date, date, n, buffer size
  kRowBuilder,       // slot, action, table / field, value
  kRead,             // which handle, indices
  kRender,           // bureau slot, as_of, buffer size
  kSeedsAndCodes,    // seed, id, buffer size, code
  kDraw,             // bureau, policy, options slot, seed, threads, period, history plan
  kClassify,         // bureau, policy, period, indices
  kNulls,            // which call
  kDestroy,          // kind, slot
  kOpCount,
};

void RunOne(Program& p, Handles& h) {
  const uint8_t op = p.Byte() % kOpCount;
  const size_t slot = p.Byte() % kSlots;
  switch (op) {
    case kBureauCreate: {
      Text name = ReadText(p);
      ssr_bureau* bureau = reinterpret_cast<ssr_bureau*>(&h);  // a failed call must overwrite it with NULL
      const ssr_status status = ssr_bureau_create(name.c_str(), &bureau);
      CheckProduced(status, bureau);
      if (bureau != nullptr) {
        FUZZ_CHECK(std::string(ssr_bureau_name(bureau)) == (name.present ? name.value.c_str() : ""));
        ssr_bureau_destroy(h.bureau[slot]);
        h.bureau[slot] = bureau;
      }
      break;
    }
    case kBureauReadTable: {
      const ssr_table table = TableOf(p.Byte());
      const uint8_t format_byte = p.Byte();
      const ssr_format format = static_cast<ssr_format>(format_byte % 3 == 2 ? 7 : format_byte % 2);
      Text source = ReadText(p);
      const bool want_report = p.Byte() & 1;
      const std::string chunk = p.Chunk();
      ssr_bureau* bureau = h.bureau[slot];
      const size_t before = ssr_bureau_row_count(bureau, table);
      ssr_quality_report* report = reinterpret_cast<ssr_quality_report*>(&h);
      const ssr_status status = ssr_bureau_read_table(bureau, table, chunk.data(), chunk.size(), format,
                                                      source.c_str(), want_report ? &report : nullptr);
      CheckMessage(status);
      if (bureau == nullptr) FUZZ_CHECK(status == SSR_INVALID_ARGUMENT);
      if (status != SSR_OK) FUZZ_CHECK(ssr_bureau_row_count(bureau, table) == before);  // all or nothing
      if (want_report) {
        FUZZ_CHECK(report != reinterpret_cast<ssr_quality_report*>(&h));
        if (report != nullptr) ReadQualityReport(report, p);
        h.KeepReport(report);
      }
      break;
    }
    case kBureauReadJson: {
      Text source = ReadText(p);
      Text as_of = ReadText(p);
      const bool want_report = p.Byte() & 1;
      const std::string chunk = p.Chunk();
      ssr_bureau* bureau = reinterpret_cast<ssr_bureau*>(&h);
      ssr_quality_report* report = nullptr;
      const ssr_status status = ssr_bureau_read_json(chunk.data(), chunk.size(), source.c_str(),
                                                     as_of.c_str(), &bureau, want_report ? &report : nullptr);
      CheckProduced(status, bureau);
      if (report != nullptr) ReadQualityReport(report, p);
      h.KeepReport(report);
      if (bureau != nullptr) {
        ssr_bureau_destroy(h.bureau[slot]);
        h.bureau[slot] = bureau;
      }
      break;
    }
    case kPolicyPreset: {
      const size_t index = p.Index();
      const char* name = ssr_policy_preset_name(index);
      FUZZ_CHECK((name != nullptr) == (index < ssr_policy_preset_count()));
      if (name == nullptr) break;
      ssr_policy* policy = nullptr;
      const ssr_status status = ssr_policy_load(name, &policy);
      CheckProduced(status, policy);
      FUZZ_CHECK(status == SSR_OK);
      ssr_policy_destroy(h.policy[slot]);
      h.policy[slot] = policy;
      break;
    }
    case kPolicyFromJson: {
      Text source = ReadText(p);
      const std::string chunk = p.Chunk();
      ssr_policy* policy = reinterpret_cast<ssr_policy*>(&h);
      const ssr_status status = ssr_policy_from_json(chunk.data(), chunk.size(), source.c_str(), &policy);
      CheckProduced(status, policy);
      if (policy == nullptr) break;
      // The canonical form reads back as the same policy.
      const char* canonical = ssr_policy_canonical_json(policy);
      FUZZ_CHECK(canonical != nullptr);
      ssr_policy* again = nullptr;
      {
        const ssr_status called = ssr_policy_from_json(canonical, std::strlen(canonical), nullptr, &again);
        CheckProduced(called, again);
      }
      FUZZ_CHECK(again != nullptr);
      Buffer a(SSR_DIGEST_SIZE), b(SSR_DIGEST_SIZE);
      a.CheckAfter(ssr_policy_digest(policy, a.data(), a.size()));
      b.CheckAfter(ssr_policy_digest(again, b.data(), b.size()));
      FUZZ_CHECK(a.value() == b.value());
      ssr_policy_destroy(again);
      ssr_policy_destroy(h.policy[slot]);
      h.policy[slot] = policy;
      break;
    }
    case kPlanFromJson: {
      const std::string chunk = p.Chunk();
      ssr_plan* plan = reinterpret_cast<ssr_plan*>(&h);
      const ssr_status status = ssr_plan_from_json(chunk.data(), chunk.size(), nullptr, &plan);
      CheckProduced(status, plan);
      if (plan == nullptr) break;
      RoundTripPlan(plan);
      ssr_plan_destroy(h.plan[slot]);
      h.plan[slot] = plan;
      break;
    }
    case kRecordFromJson: {
      const std::string chunk = p.Chunk();
      ssr_record* record = reinterpret_cast<ssr_record*>(&h);
      const ssr_status status = ssr_record_from_json(chunk.data(), chunk.size(), "record.json", &record);
      CheckProduced(status, record);
      if (record == nullptr) break;
      RoundTripRecord(record);
      ssr_record_destroy(h.record[slot]);
      h.record[slot] = record;
      break;
    }
    case kCalendar: {
      const uint8_t how = p.Byte();
      const std::string chunk = p.Chunk();
      if (h.calendar[slot] == nullptr || (how & 4)) {
        ssr_calendar* calendar = nullptr;
        const ssr_status status =
            (how & 1) ? ssr_calendar_create_builtin(&calendar) : ssr_calendar_create_empty(&calendar);
        CheckProduced(status, calendar);
        ssr_calendar_destroy(h.calendar[slot]);
        h.calendar[slot] = calendar;
      }
      CheckMessage(ssr_calendar_set_allow_provisional(h.calendar[slot], how & 2));
      CheckMessage(ssr_calendar_load_json(h.calendar[slot], chunk.data(), chunk.size(), nullptr));
      break;
    }
    case kCalendarQuery: {
      const ssr_calendar* calendar = (p.Byte() & 1) ? h.calendar[slot] : nullptr;  // NULL: built-in
      Text date = ReadText(p);
      Text until = ReadText(p);
      const int n = static_cast<int8_t>(p.Byte()) * (p.Byte() % 4 == 0 ? 1000 : 1);
      Buffer buffer(p.Byte() % 16);
      int working = -7;
      const ssr_status is = ssr_calendar_is_working_day(calendar, date.c_str(), &working);
      CheckMessage(is);
      FUZZ_CHECK(is == SSR_OK ? (working == 0 || working == 1) : working == -7);
      buffer.CheckAfter(
          ssr_calendar_add_working_days(calendar, date.c_str(), n, buffer.data(), buffer.size()));
      int64_t days = 0;
      CheckMessage(ssr_calendar_working_days_between(calendar, date.c_str(), until.c_str(), &days));
      Buffer summary(buffer.size()), statistics(buffer.size());
      const ssr_status deadlines = ssr_calendar_quarter_deadlines(calendar, date.c_str(), summary.data(),
                                                                  statistics.data(), buffer.size());
      summary.CheckAfter(deadlines);
      statistics.CheckAfter(deadlines);
      break;
    }
    case kRowBuilder: {
      const uint8_t action = p.Byte() % 5;
      if (action == 0) {
        ssr_row_builder* builder = reinterpret_cast<ssr_row_builder*>(&h);
        const ssr_table table = TableOf(p.Byte());
        {
          const ssr_status called = ssr_row_builder_create(table, &builder);
          CheckProduced(called, builder);
        }
        if (builder == nullptr) break;
        FUZZ_CHECK(ssr_row_builder_table(builder) == static_cast<int>(table));
        ssr_row_builder_destroy(h.builder[slot]);
        h.builder[slot] = builder;
      } else if (action == 1 || action == 2) {
        // A field by index (a real name) or as text.
        Text field = ReadText(p);
        Text value = ReadText(p);
        ssr_row_builder* builder = h.builder[slot];
        if (action == 1 && builder != nullptr) {
          const ssr_table table = static_cast<ssr_table>(std::max(0, ssr_row_builder_table(builder)));
          const size_t count = ssr_table_field_count(table);
          if (count > 0) field = Text{true, ssr_table_field_name(table, field.value.size() % count)};
        }
        char* before = nullptr;
        const ssr_status had = ssr_row_builder_get(builder, field.c_str(), &before);
        CheckMessage(had);
        const ssr_status set = ssr_row_builder_set(builder, field.c_str(), value.c_str());
        CheckMessage(set);
        char* after = nullptr;
        CheckMessage(ssr_row_builder_get(builder, field.c_str(), &after));
        if (set != SSR_OK && before != nullptr)
          FUZZ_CHECK(after != nullptr && std::strcmp(before, after) == 0);
        ssr_free_string(before);
        ssr_free_string(after);
      } else if (action == 3) {
        CheckMessage(ssr_row_builder_clear(h.builder[slot]));
      } else {
        ssr_bureau* bureau = h.bureau[p.Byte() % kSlots];
        const ssr_row_builder* builder = h.builder[slot];
        const int table = std::max(0, ssr_row_builder_table(builder));  // -1 for a NULL builder
        const size_t before = ssr_bureau_row_count(bureau, static_cast<ssr_table>(table));
        const ssr_status added = ssr_bureau_add_row(bureau, builder);
        CheckMessage(added);
        const size_t now = ssr_bureau_row_count(bureau, static_cast<ssr_table>(table));
        FUZZ_CHECK(now == before + (added == SSR_OK ? 1 : 0));
      }
      break;
    }
    case kRead: {
      switch (p.Byte() % 4) {
        case 0:
          ReadPlan(h.plan[slot], p);
          RoundTripPlan(h.plan[slot]);
          break;
        case 1:
          ReadRecord(h.record[slot], p);
          RoundTripRecord(h.record[slot]);
          break;
        case 2: {
          const ssr_bureau* bureau = h.bureau[slot];
          const ssr_table table = TableOf(p.Byte());
          const size_t row = p.Index();
          Text field = ReadText(p);
          char* value = nullptr;
          const ssr_status got = ssr_bureau_get_field(bureau, table, row, field.c_str(), &value);
          CheckNewString(got, value);
          if (row >= ssr_bureau_row_count(bureau, table)) FUZZ_CHECK(got != SSR_OK);
          size_t found = SIZE_MAX;
          Text id = ReadText(p);
          const ssr_status find = ssr_bureau_find_row(bureau, table, id.c_str(), &found);
          CheckMessage(find);
          FUZZ_CHECK(find == SSR_OK ? found < ssr_bureau_row_count(bureau, table) : found == SIZE_MAX);
          break;
        }
        default: {
          const ssr_policy* policy = h.policy[slot];
          CheckBorrowed(ssr_policy_name(policy));
          CheckBorrowed(ssr_policy_title(policy));
          CheckBorrowed(ssr_policy_source_name(policy));
          FUZZ_CHECK((ssr_policy_canonical_json(policy) != nullptr) == (policy != nullptr));
          if (policy == nullptr) CheckFallbackMessage();
          break;
        }
      }
      break;
    }
    case kRender: {
      const ssr_bureau* bureau = h.bureau[slot];
      Text as_of = ReadText(p);
      Buffer digest(p.Byte() % 80);
      digest.CheckAfter(ssr_bureau_directory_digest(bureau, digest.data(), digest.size()));
      ssr_quality_report* report = reinterpret_cast<ssr_quality_report*>(&h);
      const ssr_status checked = ssr_bureau_check(bureau, as_of.c_str(), &report);
      CheckMessage(checked);
      FUZZ_CHECK(report != reinterpret_cast<ssr_quality_report*>(&h));
      if (report != nullptr) ReadQualityReport(report, p);
      h.KeepReport(report);
      char* text = nullptr;
      {
        const ssr_status called = ssr_bureau_summary_json(bureau, &text);
        CheckNewString(called, text);
      }
      text = nullptr;
      {
        const ssr_status called = ssr_bureau_summary_text(bureau, &text);
        CheckNewString(called, text);
      }
      RoundTripBureau(bureau);
      Text name = ReadText(p);
      const std::string old_name = bureau != nullptr ? ssr_bureau_name(bureau) : "";
      const ssr_status renamed = ssr_bureau_set_name(h.bureau[slot], name.c_str());
      CheckMessage(renamed);
      if (bureau != nullptr) {
        FUZZ_CHECK(std::string(ssr_bureau_name(bureau)) ==
                   (renamed == SSR_OK ? name.value.c_str() : old_name));
      }
      break;
    }
    case kSeedsAndCodes: {
      Text seed = ReadText(p);
      Text id = ReadText(p);
      Buffer hash(p.Byte() % 100);
      hash.CheckAfter(ssr_seed_hash(seed.c_str(), hash.data(), hash.size()));
      Buffer ticket(p.Byte() % 100);
      const ssr_status ticketed = ssr_ticket(seed.c_str(), id.c_str(), ticket.data(), ticket.size());
      ticket.CheckAfter(ticketed);
      const ssr_status valid = ssr_validate_seed(seed.c_str());
      CheckMessage(valid);
      if (ticketed == SSR_OK) FUZZ_CHECK(valid == SSR_OK && ticket.value().rfind("0.", 0) == 0);
      CheckMessage(ssr_uscc_check(id.c_str()));
      char check = '?';
      const ssr_status character = ssr_uscc_check_character(seed.c_str(), &check);
      CheckMessage(character);
      if (character != SSR_OK) FUZZ_CHECK(check == '?');
      break;
    }
    case kDraw: {
      const ssr_bureau* bureau = h.bureau[slot];
      const ssr_policy* policy = h.policy[p.Byte() % kSlots];
      const size_t options_slot = p.Byte() % kSlots;
      if (h.options[options_slot] == nullptr) {
        {
          const ssr_status called = ssr_draw_options_create(&h.options[options_slot]);
          CheckProduced(called, h.options[options_slot]);
        }
      }
      ssr_draw_options* options = h.options[options_slot];
      Text seed = ReadText(p);
      const ssr_status seeded = ssr_draw_options_set_string(options, SSR_DRAW_SEED, seed.c_str());
      CheckMessage(seeded);
      const char* kept = nullptr;
      CheckMessage(ssr_draw_options_get_string(options, SSR_DRAW_SEED, &kept));
      if (seeded == SSR_OK) FUZZ_CHECK(kept != nullptr && std::string(kept) == seed.value.c_str());
      const int64_t threads = static_cast<int8_t>(p.Byte());
      const ssr_status threaded =
          ssr_draw_options_set_int(options, SSR_DRAW_THREADS, threads > 2 ? 300 : threads);
      CheckMessage(threaded);
      CheckMessage(ssr_draw_options_set_int(options, static_cast<ssr_draw_option>(p.Byte() % 7), 1));
      const uint8_t history = p.Byte();
      if (history & 1) CheckMessage(ssr_draw_options_add_history(options, h.plan[history >> 1 & 1]));
      if (history & 4) CheckMessage(ssr_draw_options_clear_history(options));
      Text period = ReadText(p);
      // Draws on small bureaus only: the fuzzer's bureaus come from its input, so they are small anyway.
      if (ssr_bureau_row_count(bureau, SSR_TABLE_ENTITIES) > 2000) break;
      ssr_plan* plan = reinterpret_cast<ssr_plan*>(&h);
      ssr_record* record = reinterpret_cast<ssr_record*>(&h);
      const ssr_status drawn = ssr_draw(bureau, policy, period.c_str(), options, &plan, &record);
      CheckMessage(drawn);
      FUZZ_CHECK((drawn == SSR_OK) == (plan != nullptr) && (plan == nullptr) == (record == nullptr));
      if (drawn != SSR_OK) break;
      const ssr_status verified = ssr_record_verify(record, bureau, policy, options);
      CheckMessage(verified);
      FUZZ_CHECK_MSG(verified == SSR_OK, ssr_last_error_message());
      ssr_plan_destroy(h.plan[slot]);
      h.plan[slot] = plan;
      ssr_record_destroy(h.record[slot]);
      h.record[slot] = record;
      break;
    }
    case kClassify: {
      Text period = ReadText(p);
      ssr_classification* classification = reinterpret_cast<ssr_classification*>(&h);
      const ssr_bureau* bureau = h.bureau[slot];
      const ssr_status status =
          ssr_classify(bureau, h.policy[p.Byte() % kSlots], period.c_str(), &classification);
      CheckProduced(status, classification);
      if (classification == nullptr) break;
      const size_t rows = ssr_classification_size(classification);
      FUZZ_CHECK(rows == ssr_bureau_row_count(bureau, SSR_TABLE_ENTITIES));
      const size_t row = p.Index();
      FUZZ_CHECK((ssr_classification_row_pool(classification, row) != nullptr) == (row < rows));
      char* why = nullptr;
      {
        const ssr_status called = ssr_classification_explain(classification, row, &why);
        CheckNewString(called, why);
      }
      int64_t total = 0;
      for (const char* pool : {"special", "key", "positive", "general", "excluded"}) {
        int64_t n = -1;
        CheckMessage(ssr_classification_pool_size(classification, pool, &n));
        FUZZ_CHECK(n >= 0);
        total += n;
      }
      FUZZ_CHECK(total == static_cast<int64_t>(rows));
      Text pool = ReadText(p);
      int64_t n = -5;
      const ssr_status named = ssr_classification_pool_size(classification, pool.c_str(), &n);
      CheckMessage(named);
      if (named != SSR_OK) FUZZ_CHECK(n == -5);
      const size_t line = p.Index();
      const size_t lines = ssr_classification_quota_count(classification);
      FUZZ_CHECK((ssr_classification_quota_arithmetic(classification, line) != nullptr) == (line < lines));
      FUZZ_CHECK((ssr_classification_quota(classification, line) >= 0) == (line < lines));
      ssr_classification_destroy(classification);
      break;
    }
    case kNulls: {
      switch (p.Byte() % 12) {
        case 0:
          CheckNullRefused(ssr_bureau_create("x", nullptr));
          break;
        case 1:
          CheckNullRefused(
              ssr_bureau_read_table(nullptr, SSR_TABLE_ENTITIES, "", 0, SSR_FORMAT_CSV, nullptr, nullptr));
          break;
        case 2:
          CheckNullRefused(ssr_bureau_read_json(nullptr, 3, nullptr, nullptr, nullptr, nullptr));
          break;
        case 3:
          CheckNullRefused(ssr_policy_from_json(nullptr, 0, nullptr, nullptr));
          break;
        case 4: {
          ssr_plan* plan = reinterpret_cast<ssr_plan*>(&h);
          CheckNullRefused(ssr_plan_from_json(nullptr, 5, nullptr, &plan));
          FUZZ_CHECK(plan == nullptr);
          break;
        }
        case 5:
          CheckNullRefused(ssr_record_from_json("{}", 2, nullptr, nullptr));
          break;
        case 6:
          CheckNullRefused(ssr_draw(nullptr, nullptr, nullptr, nullptr, nullptr, nullptr));
          break;
        case 7:
          CheckNullRefused(ssr_record_verify(nullptr, h.bureau[slot], h.policy[slot], nullptr));
          break;
        case 8:
          CheckNullRefused(ssr_ticket(nullptr, nullptr, nullptr, 0));
          break;
        case 9:
          CheckNullRefused(ssr_calendar_is_working_day(nullptr, "2024-01-01", nullptr));
          break;
        case 10:
          CheckNullRefused(ssr_bureau_add_row(h.bureau[slot], nullptr));
          break;
        default:
          CheckNullRefused(ssr_row_builder_set(nullptr, "id", "x"));
          break;
      }
      break;
    }
    case kDestroy: {
      switch (p.Byte() % 7) {
        case 0:
          ssr_bureau_destroy(h.bureau[slot]);
          h.bureau[slot] = nullptr;
          break;
        case 1:
          ssr_policy_destroy(h.policy[slot]);
          h.policy[slot] = nullptr;
          break;
        case 2:
          ssr_plan_destroy(h.plan[slot]);
          h.plan[slot] = nullptr;
          break;
        case 3:
          ssr_record_destroy(h.record[slot]);
          h.record[slot] = nullptr;
          break;
        case 4:
          ssr_calendar_destroy(h.calendar[slot]);
          h.calendar[slot] = nullptr;
          break;
        case 5:
          ssr_row_builder_destroy(h.builder[slot]);
          h.builder[slot] = nullptr;
          break;
        default:
          ssr_draw_options_destroy(h.options[slot]);
          h.options[slot] = nullptr;
          break;
      }
      break;
    }
    default:
      break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Program program(data, size);
  Handles handles;
  for (int steps = 0; !program.done() && steps < 64; ++steps) RunOne(program, handles);
  return 0;
}
