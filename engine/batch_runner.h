#pragma once

// The batch runner of every job over many documents: all cores, results
// delivered in input order, bounded memory, a progress report, cancellation.
// What one item does (and whether it was already done, for --resume) is the
// caller's; one item's failure is its own result, never the batch's end.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

#include "engine/parallel.h"

namespace einvoice::engine {

// What became of one item of a batch.
enum class ItemState {
  kDone,       // its outputs were written
  kRefused,    // the input is at fault (invalid, unreadable as an invoice, over a limit)
  kFailed,     // the system is (I/O, a broken installation)
  kSkipped,    // resume: its outputs were already there
  kCancelled,  // the batch was cancelled before it started
};

const char* to_string(ItemState state);

struct BatchTotals {
  std::size_t total = 0;
  std::size_t finished = 0;  // delivered, whatever their state
  std::size_t done = 0, refused = 0, failed = 0, skipped = 0, cancelled = 0;
  double elapsed_seconds = 0;
  void count(ItemState state);
};

struct RunnerOptions {
  unsigned jobs = 0;  // threads; 0: one per hardware thread
  // Called from one thread at a time, at most every progress_interval_ms and
  // once at the end.
  std::function<void(const BatchTotals&)> on_progress;
  unsigned progress_interval_ms = 500;
  // When it becomes true, items not yet started are delivered as kCancelled
  // (the ones running finish).
  const std::atomic<bool>* cancel = nullptr;
  // Results held while an earlier item still runs, at most; a worker waits
  // before starting an item further ahead. 0: four per thread.
  std::size_t window = 0;
};

// Runs `work(i)` for every i in [0, count) on several threads and hands each
// result to `deliver(i, result)` in increasing order of i, from one thread at
// a time, as soon as every earlier result has been delivered: output is in
// input order whatever the threads do, and memory holds at most `window`
// results. `cancelled(i)` makes the result of an item that was not run.
// `state(result)` classifies a result for the totals. Returns the totals.
template <class Result>
BatchTotals run_batch(std::size_t count, const RunnerOptions& options,
                      const std::function<Result(std::size_t)>& work,
                      const std::function<Result(std::size_t)>& cancelled,
                      const std::function<ItemState(const Result&)>& state,
                      const std::function<void(std::size_t, Result&&)>& deliver) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  unsigned threads =
      options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  const std::size_t window = options.window ? options.window : 4 * std::size_t{threads};
  std::mutex mutex;
  std::condition_variable room;
  std::map<std::size_t, Result> ready;
  std::size_t next = 0;  // the next index to deliver
  BatchTotals totals;
  totals.total = count;
  auto last_progress = start;
  auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };

  for_each_parallel(count, threads, [&](std::size_t index) {
    {
      std::unique_lock<std::mutex> lock(mutex);
      room.wait(lock, [&] { return index < next + window; });
    }
    const bool stop = options.cancel && options.cancel->load();
    Result result = stop ? cancelled(index) : work(index);
    std::lock_guard<std::mutex> lock(mutex);
    ready.emplace(index, std::move(result));
    while (!ready.empty() && ready.begin()->first == next) {
      totals.count(state(ready.begin()->second));
      deliver(next, std::move(ready.begin()->second));
      ready.erase(ready.begin());
      ++next;
    }
    room.notify_all();
    const auto now = Clock::now();
    if (options.on_progress &&
        now - last_progress >= std::chrono::milliseconds(options.progress_interval_ms)) {
      last_progress = now;
      totals.elapsed_seconds = elapsed();
      options.on_progress(totals);
    }
  });
  totals.elapsed_seconds = elapsed();
  if (options.on_progress)
    options.on_progress(totals);
  return totals;
}

}  // namespace einvoice::engine
