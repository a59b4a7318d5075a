#pragma once

// What the benchmarks share: input loading, timing loops and memory readings.
// Benchmarks print figures; they never assert them.

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace einvoice::bench {

// The bytes of `path`; empty when it cannot be read.
std::string slurp(const std::filesystem::path& path);

// `path` itself when it is a file, else every *.xml below it (recursively).
void collect_xml(const std::filesystem::path& path, std::vector<std::filesystem::path>& out);

// Runs body(input) over `inputs` round-robin until `seconds` have passed (at
// least one full round); returns calls per second. One untimed call on the
// first input comes first, so that one-time work (a schema's grammar loaded
// on first use, caches filled) is not counted as throughput.
template <class Input, class Body>
double per_second(const std::vector<Input>& inputs, double seconds, Body&& body) {
  using Clock = std::chrono::steady_clock;
  if (!inputs.empty())
    body(inputs.front());
  std::size_t done = 0;
  const auto start = Clock::now();
  double elapsed = 0;
  while (elapsed < seconds) {
    for (const auto& input : inputs)
      body(input);
    done += inputs.size();
    elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  }
  return static_cast<double>(done) / elapsed;
}

// Peak resident memory of the process so far, in MB.
long peak_rss_mb();
// Resident memory now, in MB (from /proc/self/statm; 0 when unavailable).
long current_rss_mb();

}  // namespace einvoice::bench
