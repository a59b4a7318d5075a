#pragma once

// Private to archive: runs independent writes on a few threads, so that the
// disk's flush latency (each atomic write syncs its file and folder) is
// overlapped instead of paid one write after another.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "model/result.h"

namespace einvoice::archive {

// Calls write(i) for every i < count on up to `threads` threads; returns the
// first error (by index) or Ok. Every write is attempted even after one fails.
inline model::Status parallel_writes(std::size_t count, unsigned threads,
                                     const std::function<model::Status(std::size_t)>& write) {
  std::atomic<std::size_t> next{0};
  std::mutex mutex;
  std::size_t failed_at = count;
  model::Status first_error;
  auto work = [&] {
    for (std::size_t i = next++; i < count; i = next++) {
      auto status = write(i);
      if (!status) {
        std::lock_guard<std::mutex> lock(mutex);
        if (i < failed_at)
          failed_at = i, first_error = status;
      }
    }
  };
  std::vector<std::thread> pool;
  const std::size_t extra = std::min<std::size_t>(count, std::max(1u, threads)) - (count ? 1 : 0);
  for (std::size_t t = 0; t < extra; ++t)
    pool.emplace_back(work);
  work();
  for (auto& thread : pool)
    thread.join();
  return first_error;
}

// Threads for the flush-bound writes of an export: they wait on the disk,
// not on a core (500 exported documents: 30/s on one thread, 230/s on eight,
// archive_bench on this machine). Deposits write on one thread: with several
// depositing processes, concurrent flushes in the object tree made them
// four times slower (4 x 500 files: 5 s on one thread, 20 s on eight).
inline constexpr unsigned kExportWriteThreads = 8;
inline constexpr unsigned kDepositWriteThreads = 1;
// Threads that seal a group's receipts (a seal is a private-key signature).
inline constexpr unsigned kSealThreads = 4;

}  // namespace einvoice::archive
