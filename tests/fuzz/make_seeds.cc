// Writes the seed inputs that are drawn from a real draw rather than written by hand: the fixture's draw
// record, team record and simulated results (draw_fixture.h), a few records that differ from it in one
// field, and C ABI programs (capi_fuzzer.cc) that read a small bureau, load a preset, draw and verify.
// Run it again when a format changes:
//
//   build/cpp/tests/fuzz/make_seeds tests/fuzz/corpus
//
// It overwrites only the files it names (fixture_*, program_*); the hand-written seeds stay.
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "draw_fixture.h"
#include "ssrandom/bureau_io.h"

namespace {

void Write(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  if (!out) {
    std::fprintf(stderr, "cannot write %s\n", path.c_str());
    std::exit(1);
  }
}

// capi_fuzzer's program encoding.
struct ProgramWriter {
  std::string bytes;
  ProgramWriter& Op(uint8_t op, uint8_t slot) {
    bytes.push_back(static_cast<char>(op));
    bytes.push_back(static_cast<char>(slot));
    return *this;
  }
  ProgramWriter& Byte(uint8_t b) {
    bytes.push_back(static_cast<char>(b));
    return *this;
  }
  ProgramWriter& Text(const std::string& text) {
    Byte(static_cast<uint8_t>(text.size()));
    bytes += text.substr(0, 254);
    return *this;
  }
  ProgramWriter& Null() { return Byte(0xFF); }
  ProgramWriter& Chunk(const std::string& data) {
    const size_t size = std::min<size_t>(data.size(), 0xFFFF);
    Byte(static_cast<uint8_t>(size >> 8)).Byte(static_cast<uint8_t>(size & 0xFF));
    bytes += data.substr(0, size);
    return *this;
  }
};

// Operation codes of capi_fuzzer.cc, in its order.
enum : uint8_t {
  kBureauCreate,
  kBureauReadTable,
  kBureauReadJson,
  kPolicyPreset,
  kPolicyFromJson,
  kPlanFromJson,
  kRecordFromJson,
  kCalendar,
  kCalendarQuery,
  kRowBuilder,
  kRead,
  kRender,
  kSeedsAndCodes,
  kDraw,
  kClassify,
  kNulls,
  kDestroy,
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s CORPUS_DIR\n", argv[0]);
    return 1;
  }
  const std::string dir = argv[1];
  const ssr::fuzz::DrawFixture& f = ssr::fuzz::GetDrawFixture();

  // Draw records: the genuine one, and one field changed.
  const std::string record = f.drawn.record.ToJson();
  Write(dir + "/draw_record/fixture_record.json", record);
  ssr::DrawRecord tampered = f.drawn.record;
  for (ssr::StratumRecord& stratum : tampered.strata) {
    if (stratum.selected.size() >= 2) {
      std::swap(stratum.selected[0].id, stratum.selected[1].id);
      break;
    }
  }
  Write(dir + "/draw_record/fixture_swapped_ids.json", tampered.ToJson());
  ssr::DrawRecord chained = f.drawn.record;
  chained.previous_record_digest = f.drawn.record.Digest();
  chained.history.push_back({"2023Q4", f.drawn.plan.Digest()});
  Write(dir + "/draw_record/fixture_chain_and_history.json", chained.ToJson());
  Write(dir + "/draw_record/fixture_other_version.json",
        absl::StrReplaceAll(record, {{"\"algorithm_version\": 1", "\"algorithm_version\": 2"}}));

  // Team records.
  Write(dir + "/team_record/fixture_teams.json", f.assigned.record.ToJson());
  ssr::TeamDrawRecord teams = f.assigned.record;
  if (!teams.teams.empty() && teams.teams[0].members.size() >= 2) {
    std::swap(teams.teams[0].members[0], teams.teams[0].members[1]);
  }
  Write(dir + "/team_record/fixture_swapped_members.json", teams.ToJson());

  // Results: the first byte is the format (bit 0 JSON) and the staff check (bit 1).
  Write(dir + "/results/fixture_results.csv", std::string("\x00", 1) + f.results.ToCsv());
  Write(dir + "/results/fixture_results_chinese_staff.csv", "\x02" + f.results.ToCsv(true));
  Write(dir + "/results/fixture_results.json", "\x01" + f.results.ToJson());
  Write(dir + "/results/fixture_results_staff.json", "\x03" + f.results.ToJson());

  // C ABI programs. A bureau small enough for a fuzz input: 12 entities and its staff.
  ssr::SampleBureauOptions small;
  small.entities = 12;
  small.inspectors_per_group = 1;
  const ssr::Bureau bureau = ssr::GenerateBureau(small);
  const std::string bureau_json = ssr::BureauToJson(bureau);
  const std::string entities_csv = ssr::EntitiesToCsv(bureau.entities);
  ssr::LoadOptions load_options;
  load_options.as_of = absl::CivilDay(2024, 1, 1);
  absl::StatusOr<ssr::Bureau> readable = ssr::ReadBureauJson(bureau_json, "bureau.json", load_options);
  if (!readable.ok()) {
    std::fprintf(stderr, "the small bureau does not read back: %s\n",
                 std::string(readable.status().message()).c_str());
    return 1;
  }
  {
    ProgramWriter p;  // read the bureau, load a preset, draw, verify, read everything, render
    p.Op(kBureauReadJson, 0).Text("bureau.json").Text("2024-01-01").Byte(1).Chunk(bureau_json).Byte(0);
    p.Op(kPolicyPreset, 0).Byte(1);
    p.Op(kDraw, 0).Byte(0).Byte(0).Text("福利彩票 2024-01-05 3D 317").Byte(1).Byte(4).Byte(0).Text("2024Q1");
    p.Op(kRead, 0).Byte(0).Byte(0).Byte(0);
    p.Op(kRead, 0).Byte(1).Byte(0).Byte(0).Byte(0);
    p.Op(kClassify, 0).Text("2024Q1").Byte(0).Byte(3).Text("key").Byte(0);
    p.Op(kRender, 0).Text("2024-01-01").Byte(65).Byte(0).Text("新乐");
    p.Op(kRead, 0).Byte(2).Byte(0).Byte(3).Text("name").Text("XL-00003");
    Write(dir + "/capi/program_draw_and_verify.bin", p.bytes);
  }
  {
    ProgramWriter p;  // an empty bureau filled from a CSV table and by row builders
    p.Op(kBureauCreate, 1).Text("测试局");
    p.Op(kBureauReadTable, 1).Byte(0).Byte(0).Null().Byte(1).Chunk(entities_csv).Byte(0);
    p.Op(kRowBuilder, 0).Byte(0).Byte(0);
    p.Op(kRowBuilder, 0).Byte(2).Text("id").Text("NEW-1");
    p.Op(kRowBuilder, 0).Byte(2).Text("permit_class").Text("重点管理");
    p.Op(kRowBuilder, 0).Byte(2).Text("last_penalty_date").Text("2023-13-01");
    p.Op(kRowBuilder, 0).Byte(4).Byte(1);
    p.Op(kRowBuilder, 0).Byte(4).Byte(1);
    p.Op(kPolicyPreset, 1).Byte(0);
    p.Op(kClassify, 1).Text("2024Q2").Byte(1).Byte(200).Null().Byte(0xFF);
    p.Op(kRender, 1).Null().Byte(64).Byte(0).Null();
    p.Op(kDestroy, 1).Byte(0);
    p.Op(kRender, 1).Null().Byte(0).Text("x");
    Write(dir + "/capi/program_tables_and_rows.bin", p.bytes);
  }
  {
    ProgramWriter p;  // plans and records from JSON, accessors out of range, NULLs
    p.Op(kPlanFromJson, 0).Chunk(f.drawn.plan.ToJson().substr(0, 20000));
    p.Op(kPlanFromJson, 1).Chunk(f.assigned.plan.ToJson().substr(0, 20000));
    p.Op(kRecordFromJson, 0).Chunk(record);
    p.Op(kRead, 0).Byte(0).Byte(0xFF).Byte(0);
    p.Op(kRead, 1).Byte(0).Byte(1).Byte(1);
    p.Op(kRead, 0).Byte(1).Byte(0).Byte(0xFE).Byte(0);
    p.Op(kRead, 0).Byte(1).Byte(0).Byte(1).Byte(0xFF);
    for (uint8_t i = 0; i < 12; ++i) p.Op(kNulls, 0).Byte(i);
    p.Op(kRead, 1).Byte(1).Byte(0).Byte(0).Byte(0);
    Write(dir + "/capi/program_plans_records_nulls.bin", p.bytes);
  }
  {
    ProgramWriter p;  // calendars, seeds, tickets, codes
    p.Op(kCalendar, 0)
        .Byte(0)
        .Chunk(
            "{\"format\": \"ssrandom-holidays-v1\", \"years\": [{\"year\": 2027, "
            "\"off\": [\"2027-01-01\"], \"work\": []}]}");
    p.Op(kCalendarQuery, 0).Byte(1).Text("2027-01-01").Text("2027-03-31").Byte(5).Byte(1).Byte(11);
    p.Op(kCalendarQuery, 0).Byte(0).Text("2024Q1").Text("2024-02-29").Byte(0xF0).Byte(0).Byte(10);
    p.Op(kCalendar, 1).Byte(3).Chunk("{\"format\": \"ssrandom-holidays-v1\", \"years\": []}");
    p.Op(kCalendarQuery, 1).Byte(1).Text("2031-06-30").Null().Byte(2).Byte(1).Byte(11);
    p.Op(kSeedsAndCodes, 0).Text("福利彩票 2024-01-05 3D 317").Text("XL-00017").Byte(65).Byte(81);
    p.Op(kSeedsAndCodes, 0).Text(" \t").Text("91130184X9L1ACKTXG").Byte(64).Byte(80);
    p.Op(kSeedsAndCodes, 0).Text("91130184X9L1ACKTX").Null().Byte(0).Byte(3);
    p.Op(kSeedsAndCodes, 0).Text("\xff\xfe").Text("\xe4\xb8").Byte(99).Byte(99);
    Write(dir + "/capi/program_calendar_seeds_codes.bin", p.bytes);
  }
  {
    ProgramWriter p;  // a policy from text, its canonical form, and a broken one
    absl::StatusOr<std::string> preset = ssr::Policy::PresetJson("city-level");
    p.Op(kPolicyFromJson, 0).Text("city.json").Chunk(*preset);
    p.Op(kRead, 0).Byte(3);
    p.Op(kPolicyFromJson, 1).Null().Chunk(preset->substr(0, preset->size() / 2));
    p.Op(kRead, 1).Byte(3);
    Write(dir + "/capi/program_policy_text.bin", p.bytes);
  }
  std::printf("seeds written under %s\n", dir.c_str());
  return 0;
}
