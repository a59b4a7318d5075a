#pragma once

#include <chrono>
#include <mutex>

namespace einvoice::env {

// The wall clock, behind an interface so that tests, reproducible builds and
// audits of a past day can fix the time. Implementations are thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  // The current time (UTC, as system_clock).
  virtual std::chrono::system_clock::time_point now() const = 0;
};

// The system's clock.
class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point now() const override {
    return std::chrono::system_clock::now();
  }
};

// A clock that says what it is told, for tests: starts at `start`, moves only
// by set() and advance(). Thread-safe.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(std::chrono::system_clock::time_point start) : now_(start) {}
  std::chrono::system_clock::time_point now() const override {
    std::lock_guard<std::mutex> lock(mutex_);
    return now_;
  }
  void set(std::chrono::system_clock::time_point to) {
    std::lock_guard<std::mutex> lock(mutex_);
    now_ = to;
  }
  void advance(std::chrono::system_clock::duration by) {
    std::lock_guard<std::mutex> lock(mutex_);
    now_ += by;
  }

 private:
  mutable std::mutex mutex_;
  std::chrono::system_clock::time_point now_;
};

// "YYYY-MM-DDTHH:MM:SSZ" of `time` (UTC, whole seconds, classic digits).
std::string utc_timestamp(std::chrono::system_clock::time_point time);

}  // namespace einvoice::env
