// CSV reading and writing speed on a synthetic entity directory: 12 columns, about 60% of the bytes Chinese,
// one address in ten quoted (it holds a comma) and one name in fifty with doubled quotes.
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "benchmark/benchmark.h"
#include "io/csv.h"

namespace ssr::internal {
namespace {

constexpr const char* kRegions[] = {"朝阳区", "海淀区", "东城区", "西城区", "丰台区", "浦东新区", "黄浦区"};
constexpr const char* kIndustries[] = {"食品生产", "餐饮服务", "药品零售",
                                       "特种设备", "建筑施工", "危险化学品"};
constexpr const char* kRisks[] = {"A", "B", "C", "D"};

std::string SyntheticDirectory(int64_t rows) {
  std::string out;
  AppendCsvRow(&out, {"统一社会信用代码", "单位名称", "所属区域", "行业", "风险等级", "地址", "法定代表人",
                      "联系电话", "注册资本", "成立日期", "标签", "备注"});
  uint64_t state = 1;
  auto next = [&state] {
    state = state * 6364136223846793005u + 1442695040888963407u;
    return state >> 33;
  };
  std::vector<std::string> texts(12);
  std::vector<absl::string_view> row(12);
  for (int64_t i = 0; i < rows; ++i) {
    texts[0] = absl::StrFormat("91%06d%010dX", next() % 1000000, i);
    texts[1] = next() % 50 == 0 ? absl::StrCat("北京\"", i, "号\"科技有限公司")
                                : absl::StrCat("北京某某", i, "科技有限公司");
    texts[2] = kRegions[next() % 7];
    texts[3] = kIndustries[next() % 6];
    texts[4] = kRisks[next() % 4];
    texts[5] = next() % 10 == 0 ? absl::StrCat("建国路", next() % 300, "号,", next() % 30, "层")
                                : absl::StrCat("建国路", next() % 300, "号");
    texts[6] = "张三";
    texts[7] = absl::StrFormat("010-%08d", next() % 100000000);
    texts[8] = absl::StrCat(next() % 100000, ".00");
    texts[9] = absl::StrFormat("20%02d-%02d-%02d", next() % 25, 1 + next() % 12, 1 + next() % 28);
    texts[10] = next() % 3 == 0 ? "重点;连锁" : "";
    texts[11] = "";
    for (size_t f = 0; f < 12; ++f) row[f] = texts[f];
    AppendCsvRow(&out, row);
  }
  return out;
}

void BM_CsvRead_Rows(benchmark::State& state) {
  const std::string text = SyntheticDirectory(state.range(0));
  std::vector<absl::string_view> fields;
  for (auto _ : state) {
    CsvReader reader(text, "bench.csv");
    if (!reader.ReadHeader().ok()) state.SkipWithError("header");
    size_t total = 0;
    for (;;) {
      absl::StatusOr<bool> more = reader.Next(&fields);
      if (!more.ok()) {
        state.SkipWithError(std::string(more.status().message()).c_str());
        break;
      }
      if (!*more) break;
      total += fields[5].size();
    }
    benchmark::DoNotOptimize(total);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["file_MB"] = static_cast<double>(text.size()) / 1e6;
}
BENCHMARK(BM_CsvRead_Rows)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);

void BM_CsvWrite_Rows(benchmark::State& state) {
  const std::string text = SyntheticDirectory(state.range(0));
  std::vector<std::vector<std::string>> rows;
  {
    CsvReader reader(text, "bench.csv");
    (void)reader.ReadHeader();
    std::vector<absl::string_view> fields;
    while (*reader.Next(&fields)) rows.emplace_back(fields.begin(), fields.end());
  }
  std::vector<absl::string_view> row(12);
  for (auto _ : state) {
    std::string out;
    out.reserve(text.size());
    for (const std::vector<std::string>& values : rows) {
      for (size_t f = 0; f < values.size(); ++f) row[f] = values[f];
      AppendCsvRow(&out, row);
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_CsvWrite_Rows)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ssr::internal
