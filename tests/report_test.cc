#include "ssrandom/report.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "io/csv.h"
#include "nlohmann/json.hpp"
#include "ssrandom/classify.h"
#include "ssrandom/date.h"
#include "ssrandom/draw.h"
#include "ssrandom/sample_bureau.h"

namespace ssr {
namespace {

struct Quarter {
  Bureau bureau = SampleBureau();
  Policy policy = *Policy::Preset("hebei-xinle-2024");
  DrawResult drawn;
  ResultSet results;
};

const Quarter& Sample() {
  static const Quarter* q = [] {
    auto* quarter = new Quarter;
    DrawRequest request;
    request.seed = "report test";
    quarter->drawn = *Draw(quarter->bureau, quarter->policy, Period::Quarter(2024, 1), request);
    quarter->results = *SimulateResults(quarter->drawn.plan, quarter->bureau);
    return quarter;
  }();
  return *q;
}

// The statistics recomputed from the raw records, independently of BuildStatistics: entity rows straight
// from the entity CSV and the classification, inspections straight from the results CSV text.
std::map<std::string, std::map<std::string, int64_t>> Recompute(const Quarter& q,
                                                                std::optional<absl::CivilDay> as_of) {
  std::map<std::string, std::map<std::string, int64_t>> by_area;  // "" = total
  auto add = [&](const std::string& area, const std::string& key, int64_t n = 1) {
    by_area[area][key] += n;
    by_area[""][key] += n;
  };
  Classification c = *Classify(q.bureau.entities, q.policy, Period::Quarter(2024, 1));
  for (size_t row = 0; row < q.bureau.entities.size(); ++row) {
    const std::string area(q.bureau.entities.area(row));
    const Pool pool = c.pool(row);
    if (pool == Pool::kExcluded) continue;
    add(area, "entities_total");
    if (pool == Pool::kSpecial) add(area, "entities_special");
    if (pool == Pool::kKey) add(area, "entities_key");
    if (pool == Pool::kPositive || pool == Pool::kGeneral) add(area, "entities_general");
    if (pool == Pool::kPositive) add(area, "entities_positive");
  }
  std::map<std::string, const Task*> tasks;
  for (const Task& t : q.drawn.plan.tasks) {
    tasks[t.id] = &t;
    add(t.area, "tasks_planned");
  }
  // The results, read back from their CSV text column by column.
  const std::string csv = q.results.ToCsv();
  internal::CsvReader reader(csv, "results.csv");
  std::vector<std::string> header = *reader.ReadHeader();
  std::map<std::string, size_t> column;
  for (size_t i = 0; i < header.size(); ++i) column[header[i]] = i;
  std::vector<absl::string_view> fields;
  std::map<std::string, std::set<std::string>> inspectors;
  while (*reader.Next(&fields)) {
    const Task& task = *tasks.at(std::string(fields[column["task_id"]]));
    const std::string date(fields[column["inspection_date"]]);
    if (as_of && date > FormatDate(*as_of)) continue;
    add(task.area, "inspections");
    const std::string pool(PoolName(task.pool));
    add(task.area, pool == "positive" ? "inspections_positive" : "inspections_" + pool);
    if (pool == "positive") add(task.area, "inspections_general");
    add(task.area, std::string(fields[column["method"]]));  // on_site / off_site
    if (task.credit_based) add(task.area, "credit_based");
    const std::string published(fields[column["publication_date"]]);
    if (!published.empty() && (!as_of || published <= FormatDate(*as_of))) add(task.area, "published");
    const std::string handling(fields[column["handling"]]);
    if (fields[column["result"]] == "problem_found") {
      add(task.area, "problems_found");
      if (!handling.empty()) add(task.area, "problems_handled");
    }
    for (absl::string_view h : absl::StrSplit(handling, ';', absl::SkipEmpty()))
      add(task.area, std::string(h));
    // Joint type from the team's units and departments (the plan's teams are empty here).
    std::set<std::string> units;
    bool department = false;
    for (absl::string_view id : absl::StrSplit(fields[column["team"]], ';', absl::SkipEmpty())) {
      inspectors[task.area].insert(std::string(id));
      inspectors[""].insert(std::string(id));
      const Inspector& inspector = q.bureau.staff.inspectors()[*q.bureau.staff.Find(id)];
      if (!inspector.department.empty()) department = true;
      units.insert(inspector.unit);
    }
    if (department) {
      add(task.area, "department_joint");
    } else if (units.size() >= 2) {
      add(task.area, "internal_joint");
    }
  }
  for (const auto& [area, ids] : inspectors) by_area[area]["inspectors"] = static_cast<int64_t>(ids.size());
  for (const Inspector& inspector : q.bureau.staff.inspectors()) {
    if (!inspector.active || !inspector.department.empty()) continue;
    by_area[""]["inspectors_in_directory"] += 1;
    if (!inspector.area_group.empty()) by_area[inspector.area_group]["inspectors_in_directory"] += 1;
  }
  return by_area;
}

void ExpectMatches(const StatisticsTable& table,
                   const std::map<std::string, std::map<std::string, int64_t>>& want) {
  for (const StatisticsRow& row : table.rows) {
    auto area = want.find(row.area);
    const std::map<std::string, int64_t> empty;
    const std::map<std::string, int64_t>& values = area == want.end() ? empty : area->second;
    for (const StatisticsColumn& column : StatisticsColumns()) {
      auto it = values.find(column.key);
      EXPECT_EQ(row.Get(column.key), it == values.end() ? 0 : it->second)
          << "area '" << row.area << "', column " << column.key;
    }
  }
}

TEST(ReportTest, StatisticsMatchAnIndependentRecount) {
  const Quarter& q = Sample();
  absl::StatusOr<StatisticsTable> table = BuildStatistics(q.bureau, q.policy, q.drawn.plan, q.results);
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->rows.size(), q.bureau.entities.Areas().size() + 1);
  EXPECT_EQ(table->total().area, "");
  ExpectMatches(*table, Recompute(q, std::nullopt));
  EXPECT_EQ(table->total().Get("inspections"), static_cast<int64_t>(q.drawn.plan.tasks.size()));
  EXPECT_EQ(table->total().Get("problems_found") > 0, true);
}

TEST(ReportTest, StatisticsAsOfADayCountOnlyWhatHappenedByThen) {
  const Quarter& q = Sample();
  const absl::CivilDay as_of(2024, 2, 15);
  absl::StatusOr<StatisticsTable> table = BuildStatistics(q.bureau, q.policy, q.drawn.plan, q.results, as_of);
  ASSERT_TRUE(table.ok()) << table.status();
  ExpectMatches(*table, Recompute(q, as_of));
  EXPECT_LT(table->total().Get("inspections"), static_cast<int64_t>(q.drawn.plan.tasks.size()));
}

TEST(ReportTest, StatisticsWritersCarryEveryColumn) {
  const Quarter& q = Sample();
  StatisticsTable table = *BuildStatistics(q.bureau, q.policy, q.drawn.plan, q.results);
  const std::string csv = table.ToCsv();
  EXPECT_TRUE(absl::StartsWith(csv, "area,entities_total,entities_special,")) << csv.substr(0, 80);
  EXPECT_TRUE(absl::StrContains(csv, "\n合计 total,")) << csv;
  EXPECT_TRUE(absl::StartsWith(table.ToCsv(true), "所属区域,检查对象总数,"))
      << table.ToCsv(true).substr(0, 80);
  nlohmann::json json = nlohmann::json::parse(table.ToJson());
  EXPECT_EQ(json["format"], "ssrandom-statistics");
  EXPECT_EQ(json["columns"].size(), StatisticsColumns().size());
  EXPECT_EQ(json["rows"].size(), table.rows.size() - 1);
  EXPECT_EQ(json["total"]["inspections"], table.total().Get("inspections"));
  EXPECT_EQ(table.total().Get("no such column"), -1);
}

TEST(ReportTest, DisclosurePublishesOnlyWhatMayBePublic) {
  const Quarter& q = Sample();
  const absl::CivilDay as_of(2024, 2, 15);
  absl::StatusOr<Disclosure> d = BuildDisclosure(q.bureau, q.drawn.plan, q.results, as_of, &q.drawn.record);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->records.size() + d->withheld.size(), q.drawn.plan.tasks.size());
  EXPECT_FALSE(d->withheld.empty());
  for (const DisclosureRecord& r : d->records) EXPECT_LE(r.inspection_date, as_of) << r.task_id;
  for (const Withheld& w : d->withheld) {
    EXPECT_TRUE(absl::StrContains(w.reason, "confidential until the inspection")) << w.reason;
  }
  const std::string csv = d->ToCsv();
  const std::string json = d->ToJson();
  for (const Inspector& inspector : q.bureau.staff.inspectors()) {
    // No inspector id, unit or area group; names and certificate numbers only.
    EXPECT_FALSE(absl::StrContains(csv, inspector.id + ";")) << inspector.id;
    EXPECT_FALSE(absl::StrContains(json, "\"" + inspector.id + "\"")) << inspector.id;
  }
  EXPECT_FALSE(absl::StrContains(json, "team")) << "no team field";
  EXPECT_FALSE(absl::StrContains(json, "note"));
  EXPECT_FALSE(absl::StrContains(json, "ticket"));
  const DisclosureRecord& first = d->records.front();
  EXPECT_FALSE(first.inspectors.empty());
  EXPECT_TRUE(absl::StrContains(first.inspectors[0], "执法证号 1301840")) << first.inspectors[0];
  EXPECT_EQ(first.draw_record, "2024Q1 record sha256:" + q.drawn.record.Digest());
  EXPECT_EQ(first.departments.front(), q.bureau.name);
  EXPECT_FALSE(first.items.empty());
  // Items by name, not id.
  EXPECT_FALSE(absl::StartsWith(first.items[0], "EE-")) << first.items[0];
}

TEST(ReportTest, DisclosureWithholdsTasksWithoutAResult) {
  const Quarter& q = Sample();
  ResultSet partial = q.results;
  partial.results.erase(partial.results.begin());
  Disclosure d = *BuildDisclosure(q.bureau, q.drawn.plan, partial, absl::CivilDay(2024, 12, 31));
  ASSERT_EQ(d.withheld.size(), 1u);
  EXPECT_EQ(d.withheld[0].task_id, q.results.results[0].task_id);
  EXPECT_TRUE(absl::StrContains(d.withheld[0].reason, "no result")) << d.withheld[0].reason;
  EXPECT_TRUE(absl::StartsWith(d.records[0].draw_record, "2024Q1 plan sha256:"));
  // Department joint inspections name the partner department.
  bool partner = false;
  for (const DisclosureRecord& r : d.records) partner = partner || r.departments.size() > 1;
  EXPECT_TRUE(partner);
  EXPECT_TRUE(absl::StartsWith(d.ToCsv(true), "任务编号,检查对象名称,"));
  nlohmann::json json = nlohmann::json::parse(d.ToJson());
  EXPECT_EQ(json["records"].size(), d.records.size());
}

TEST(ReportTest, RejectsAnotherPlansRecord) {
  const Quarter& q = Sample();
  DrawRecord other = q.drawn.record;
  other.plan_digest = "0";
  EXPECT_FALSE(BuildDisclosure(q.bureau, q.drawn.plan, q.results, absl::CivilDay(2024, 4, 1), &other).ok());
}

}  // namespace
}  // namespace ssr
