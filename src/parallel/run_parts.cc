#include "parallel/run_parts.h"

#include <algorithm>
#include <exception>
#include <system_error>
#include <thread>
#include <vector>

namespace ssr::internal {

void RunParts(int parts, const std::function<void(int)>& work) {
  if (parts < 1) return;
  // An exception (std::bad_alloc, in practice) must not escape a thread, where it would terminate the
  // process: each part's is kept and the first rethrown here once every part is done.
  std::vector<std::exception_ptr> errors(static_cast<size_t>(parts));
  const auto run = [&work, &errors](int part) {
    try {
      work(part);
    } catch (...) {
      errors[static_cast<size_t>(part)] = std::current_exception();
    }
  };
  // Reserved before any thread starts: a vector growing (and failing to) beside running threads would
  // leave them unjoined.
  std::vector<std::thread> workers;
  std::vector<int> left_here;
  workers.reserve(static_cast<size_t>(parts - 1));
  left_here.reserve(static_cast<size_t>(parts - 1));
  for (int part = 1; part < parts; ++part) {
    try {
      workers.emplace_back(run, part);
    } catch (const std::system_error&) {
      left_here.push_back(part);
    }
  }
  run(0);
  for (int part : left_here) run(part);
  for (std::thread& worker : workers) worker.join();
  for (const std::exception_ptr& error : errors) {
    if (error) std::rethrow_exception(error);
  }
}

int PartsFor(size_t items, int threads, size_t min_per_part) {
  const size_t wanted = threads > 0 ? static_cast<size_t>(threads) : 2;
  const size_t possible = std::max<size_t>(1, items / std::max<size_t>(1, min_per_part));
  return static_cast<int>(std::min(wanted, possible));
}

}  // namespace ssr::internal
