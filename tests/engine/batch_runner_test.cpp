// The batch runner every job runs on: order of delivery, bounded memory,
// cancellation, a failing item among good ones.
#include "engine/batch_runner.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <random>
#include <thread>
#include <vector>

using namespace einvoice::engine;

namespace {

struct Item {
  std::size_t index = 0;
  ItemState state = ItemState::kDone;
};

BatchTotals run(std::size_t count, const RunnerOptions& options,
                const std::function<Item(std::size_t)>& work, std::vector<std::size_t>& delivered) {
  return run_batch<Item>(
      count, options, work,
      [](std::size_t i) {
        return Item{i, ItemState::kCancelled};
      },
      [](const Item& item) { return item.state; },
      [&](std::size_t i, Item&& item) {
        CHECK(item.index == i);
        delivered.push_back(i);
      });
}

}  // namespace

TEST_CASE("Batch runner: results come in input order whatever the threads do", "[engine][batch]") {
  RunnerOptions options;
  options.jobs = 4;
  std::vector<std::size_t> delivered;
  const BatchTotals totals = run(
      200, options,
      [](std::size_t i) {
        // Later items often finish first.
        std::this_thread::sleep_for(std::chrono::microseconds((i * 7919) % 13 == 0 ? 3000 : 50));
        return Item{i, ItemState::kDone};
      },
      delivered);
  REQUIRE(delivered.size() == 200);
  for (std::size_t i = 0; i < delivered.size(); ++i)
    CHECK(delivered[i] == i);
  CHECK(totals.total == 200);
  CHECK(totals.done == 200);
  CHECK(totals.finished == 200);
}

TEST_CASE("Batch runner: memory holds at most the window while an early item runs",
          "[engine][batch]") {
  // Item 0 is slow; the others would all finish meanwhile without the window.
  RunnerOptions options;
  options.jobs = 4;
  options.window = 6;
  std::atomic<std::size_t> started_ahead{0};
  std::atomic<bool> first_done{false};
  std::vector<std::size_t> delivered;
  run(
      100, options,
      [&](std::size_t i) {
        if (i == 0) {
          std::this_thread::sleep_for(std::chrono::milliseconds(200));
          first_done = true;
        } else if (!first_done) {
          ++started_ahead;
        }
        return Item{i, ItemState::kDone};
      },
      delivered);
  // Items 1 .. 5 may start while item 0 runs; item 6 may not.
  CHECK(started_ahead.load() <= 5);
  CHECK(delivered.size() == 100);
}

TEST_CASE("Batch runner: a cancelled batch runs no new item and says so", "[engine][batch]") {
  RunnerOptions options;
  options.jobs = 2;
  std::atomic<bool> cancel{false};
  options.cancel = &cancel;
  std::atomic<std::size_t> ran{0};
  std::vector<std::size_t> delivered;
  const BatchTotals totals = run(
      1000, options,
      [&](std::size_t i) {
        if (++ran == 10)
          cancel = true;
        return Item{i, ItemState::kDone};
      },
      delivered);
  CHECK(delivered.size() == 1000);  // every item is accounted for
  CHECK(totals.done == ran.load());
  CHECK(totals.done < 20);
  CHECK(totals.cancelled == 1000 - totals.done);
}

TEST_CASE("Batch runner: a failing or refused item does not stop the others", "[engine][batch]") {
  RunnerOptions options;
  options.jobs = 3;
  std::vector<std::size_t> delivered;
  int progress_calls = 0;
  BatchTotals last;
  options.on_progress = [&](const BatchTotals& totals) {
    ++progress_calls;
    last = totals;
  };
  const BatchTotals totals = run(
      30, options,
      [](std::size_t i) {
        if (i == 7)
          return Item{i, ItemState::kFailed};
        if (i % 10 == 3)
          return Item{i, ItemState::kRefused};
        if (i == 29)
          return Item{i, ItemState::kSkipped};
        return Item{i, ItemState::kDone};
      },
      delivered);
  CHECK(totals.failed == 1);
  CHECK(totals.refused == 3);
  CHECK(totals.skipped == 1);
  CHECK(totals.done == 25);
  CHECK(delivered.size() == 30);
  // The final report is always given, with the totals.
  CHECK(progress_calls >= 1);
  CHECK(last.finished == 30);
}

TEST_CASE("Batch runner: an empty batch delivers nothing", "[engine][batch]") {
  std::vector<std::size_t> delivered;
  const BatchTotals totals = run(
      0, {}, [](std::size_t i) { return Item{i}; }, delivered);
  CHECK(delivered.empty());
  CHECK(totals.total == 0);
}
