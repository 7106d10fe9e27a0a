// Two stages of one sequential job on two threads: a producer makes items in order on a thread of its own,
// the caller consumes them in the same order. For loaders whose reading (parsing text) and building (adding
// to a directory) each take about half the time: the result is what running the stages one after the other
// gives, since the consumer sees the same items in the same order.
#ifndef SSRANDOM_SRC_PARALLEL_HANDOFF_H_
#define SSRANDOM_SRC_PARALLEL_HANDOFF_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <utility>

namespace ssr::internal {

// Runs `produce` until it returns nullopt, and `consume` on each item in order until it returns false (then
// no more are consumed, and the producer is stopped at its next item). With `on_thread`, the producer runs
// on a thread of its own, at most `in_flight` items ahead of the consumer; else, or when no thread can be
// started, the two alternate on the calling thread (same result, only slower). An exception of either
// stage is rethrown here after the producer has stopped (the consumer's first).
template <typename T>
void ProduceAndConsume(const std::function<std::optional<T>()>& produce,
                       const std::function<bool(T&)>& consume, bool on_thread, size_t in_flight = 2) {
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<T> items;
  bool produced_all = false;  // the producer will add no more
  bool stop = false;          // the consumer wants no more
  std::exception_ptr producer_error;

  std::thread producer;
  if (on_thread) {
    try {
      producer = std::thread([&] {
        try {
          while (true) {
            std::optional<T> item = produce();
            std::unique_lock<std::mutex> lock(mutex);
            if (!item.has_value() || stop) break;
            changed.wait(lock, [&] { return items.size() < in_flight || stop; });
            if (stop) break;
            items.push_back(*std::move(item));
            changed.notify_all();
          }
        } catch (...) {
          std::lock_guard<std::mutex> lock(mutex);
          producer_error = std::current_exception();
        }
        std::lock_guard<std::mutex> lock(mutex);
        produced_all = true;
        changed.notify_all();
      });
    } catch (const std::system_error&) {
      // No thread to be had: alternate below.
    }
  }
  if (!producer.joinable()) {
    for (std::optional<T> item = produce(); item.has_value() && consume(*item); item = produce()) {
    }
    return;
  }

  // Stops the producer and waits for it however the consumer leaves (its exception included).
  struct Joiner {
    std::thread& thread;
    std::mutex& mutex;
    std::condition_variable& changed;
    bool& stop;
    ~Joiner() {
      {
        std::lock_guard<std::mutex> lock(mutex);
        stop = true;
        changed.notify_all();
      }
      thread.join();
    }
  };
  {
    Joiner joiner{producer, mutex, changed, stop};
    while (true) {
      std::optional<T> item;
      {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] { return !items.empty() || produced_all; });
        if (items.empty()) break;  // all produced and consumed (or the producer failed)
        item = std::move(items.front());
        items.pop_front();
        changed.notify_all();
      }
      if (!consume(*item)) break;
    }
  }
  if (producer_error) std::rethrow_exception(producer_error);
}

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_PARALLEL_HANDOFF_H_
