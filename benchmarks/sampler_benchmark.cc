// Ticket sampling cost against its floor, one SHA-256 compression.
//
//   cmake -S . -B build/cpp -G Ninja -DSSR_BUILD_BENCHMARKS=ON && cmake --build build/cpp -j2
//   build/cpp/benchmarks/sampler_benchmark
#include <openssl/sha.h>

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "benchmark/benchmark.h"
#include "crypto/sha256.h"
#include "ssrandom/digest.h"
#include "ssrandom/sampler.h"

namespace {

// 18-character USCC-like ids, the typical id of a directory entity.
std::vector<std::string> MakeIds(size_t n) {
  std::vector<std::string> ids(n);
  for (size_t i = 0; i < n; ++i) ids[i] = absl::StrFormat("91130181%09dX", static_cast<int>(i));
  return ids;
}

// The floor: one call of libcrypto's block function (SHA-NI where the CPU has it), nothing else. Uses the
// deprecated low-level API on purpose, as src/crypto/sha256.cc does and for the reason given there.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
void BM_Sha256_OneBlock(benchmark::State& state) {
  SHA256_CTX ctx;
  SHA256_Init(&ctx);
  unsigned char block[64] = {0x61};
  for (auto _ : state) {
    SHA256_Transform(&ctx, block);
    benchmark::DoNotOptimize(ctx.h[0]);
  }
  state.SetItemsProcessed(state.iterations());
}
#pragma GCC diagnostic pop
BENCHMARK(BM_Sha256_OneBlock);

// seed_hash + 18-byte id from the precomputed prefix state: one compression plus SHA-256 padding.
void BM_Sha256_PrefixDigest(benchmark::State& state) {
  const ssr::internal::Sha256Prefix prefix(std::string(64, 'f'));
  const std::string id = "91130181000012345X";
  for (auto _ : state) benchmark::DoNotOptimize(prefix.Digest(id));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Sha256_PrefixDigest);

// The same 82 bytes hashed from scratch through EVP (what a ticket would cost without the prefix state).
void BM_Sha256_OneShot82Bytes(benchmark::State& state) {
  const std::string input = std::string(64, 'f') + "91130181000012345X";
  for (auto _ : state) benchmark::DoNotOptimize(ssr::internal::Sha256(input));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Sha256_OneShot82Bytes);

// What ranking uses per id: prefix digest, v mod 10^19, 19-digit reversal.
void BM_Ticket_Key(benchmark::State& state) {
  const ssr::TicketSampler sampler("2024-Q3 福彩3D 118");
  const std::vector<std::string> ids = MakeIds(1024);
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(sampler.Key(ids[i++ & 1023]));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Ticket_Key);

// Keys for 1024 ids per call through the batch interface that SelectLowest uses.
void BM_Ticket_KeysBatch(benchmark::State& state) {
  const ssr::TicketSampler sampler("2024-Q3 福彩3D 118");
  const std::vector<std::string> ids = MakeIds(1024);
  const std::vector<absl::string_view> views(ids.begin(), ids.end());
  std::vector<ssr::TicketKey> keys(ids.size());
  for (auto _ : state) {
    sampler.Keys(views, absl::MakeSpan(keys));
    benchmark::DoNotOptimize(keys.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(ids.size()));
}
BENCHMARK(BM_Ticket_KeysBatch);

// The whole ticket string (for records and display), 256-bit to decimal by long division.
void BM_Ticket_String(benchmark::State& state) {
  const ssr::TicketSampler sampler("2024-Q3 福彩3D 118");
  const std::vector<std::string> ids = MakeIds(1024);
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(sampler.Ticket(ids[i++ & 1023]));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Ticket_String);

// A 3% sample (RULES §3 Q-GENERAL) of N ids. Args: N, threads.
void BM_SelectLowest(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  const int threads = static_cast<int>(state.range(1));
  const std::vector<std::string> ids = MakeIds(n);
  const std::vector<absl::string_view> views(ids.begin(), ids.end());
  const ssr::TicketSampler sampler("2024-Q3 福彩3D 118");
  for (auto _ : state) benchmark::DoNotOptimize(sampler.SelectLowest(views, n * 3 / 100, threads));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(n));
}
BENCHMARK(BM_SelectLowest)
    ->ArgNames({"ids", "threads"})
    ->Args({100000, 1})
    ->Args({100000, 2})
    ->Args({1000000, 1})
    ->Args({1000000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// Ordering a whole pool (n = N).
void BM_Order(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  const std::vector<std::string> ids = MakeIds(n);
  const std::vector<absl::string_view> views(ids.begin(), ids.end());
  const ssr::TicketSampler sampler("2024-Q3 福彩3D 118");
  for (auto _ : state) benchmark::DoNotOptimize(sampler.Order(views, static_cast<int>(state.range(1))));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(n));
}
BENCHMARK(BM_Order)
    ->ArgNames({"ids", "threads"})
    ->Args({1000000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
