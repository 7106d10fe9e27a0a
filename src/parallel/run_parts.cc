#include "parallel/run_parts.h"

#include <algorithm>
#include <system_error>
#include <thread>
#include <vector>

namespace ssr::internal {

void RunParts(int parts, const std::function<void(int)>& work) {
  if (parts < 1) return;
  std::vector<std::thread> workers;
  std::vector<int> left_here;
  for (int part = 1; part < parts; ++part) {
    try {
      workers.emplace_back(work, part);
    } catch (const std::system_error&) {
      left_here.push_back(part);
    }
  }
  work(0);
  for (int part : left_here) work(part);
  for (std::thread& worker : workers) worker.join();
}

int PartsFor(size_t items, int threads, size_t min_per_part) {
  const size_t wanted = threads > 0 ? static_cast<size_t>(threads) : 2;
  const size_t possible = std::max<size_t>(1, items / std::max<size_t>(1, min_per_part));
  return static_cast<int>(std::min(wanted, possible));
}

}  // namespace ssr::internal
