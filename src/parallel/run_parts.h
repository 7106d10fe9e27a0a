// Running a piece of work in parts on threads, for the steps of a draw and of the directory digest whose
// result must not depend on how many threads ran them: each part writes only its own outputs, so the
// caller's result is the same for any part count.
#ifndef SSRANDOM_SRC_PARALLEL_RUN_PARTS_H_
#define SSRANDOM_SRC_PARALLEL_RUN_PARTS_H_

#include <cstddef>
#include <functional>

namespace ssr::internal {

// Runs work(part) for every part in [0, parts), each on a thread of its own but part 0, which runs on the
// calling thread, as does any part whose thread cannot be started (resource limits: same result, only
// slower). Returns when all parts are done; when parts threw, rethrows the exception of the first of them
// (the others' are dropped). parts < 1 runs nothing.
void RunParts(int parts, const std::function<void(int)>& work);

// How many parts to split `items` pieces of work into on up to `threads` threads (0 or less: two, the
// library's default) when a part should hold at least `min_per_part` items: at least 1.
int PartsFor(size_t items, int threads, size_t min_per_part);

// The first item of `part` when `items` are split into `parts` contiguous, nearly equal ranges.
inline size_t PartBegin(size_t items, int parts, int part) {
  return items * static_cast<size_t>(part) / static_cast<size_t>(parts);
}

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_PARALLEL_RUN_PARTS_H_
