#include "engine/batch_converter.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "engine/parallel.h"

namespace einvoice::engine {

const char* to_string(JobState state) {
  switch (state) {
    case JobState::kConverted:
      return "converted";
    case JobState::kInvalid:
      return "invalid";
    case JobState::kFailed:
      return "failed";
    case JobState::kSkipped:
      return "skipped";
  }
  return "unknown";
}

JobResult BatchConverter::run_one(const env::OutputFolder& out, const BatchJob& job,
                                  const BatchOptions& options) const {
  JobResult result;
  result.job = job;
  if (options.resume && out.has_file(job.output)) {
    result.state = JobState::kSkipped;
    return result;
  }
  std::string name = job.input.string();
  auto bytes = files_.read(job.input, options.max_input_bytes);
  if (!bytes) {
    // A file over the size limit is refused for what it is (invalid input);
    // one that cannot be read is a system fault.
    result.error = bytes.error();
    if (bytes.error().code == model::ErrorCode::kLimitExceeded)
      result.state = JobState::kInvalid;
    return result;
  }
  auto outcome = converter_.convert(*bytes, name);
  if (!outcome) {
    // Not XML, not an invoice, over a limit: the input is at fault; I/O or a
    // broken installation (schemas missing) is the system's.
    result.error = outcome.error();
    auto code = outcome.error().code;
    bool system_fault = code == model::ErrorCode::kIo || code == model::ErrorCode::kInternal;
    result.state = system_fault ? JobState::kFailed : JobState::kInvalid;
    return result;
  }
  result.source_syntax = outcome->source_syntax;
  result.diagnostics = std::move(outcome->diagnostics);
  if (!outcome->converted) {
    result.state = JobState::kInvalid;
    return result;
  }
  auto written = out.write(job.output, outcome->output);
  if (!written) {
    result.error = written.error();
    return result;
  }
  result.state = JobState::kConverted;
  return result;
}

BatchProgress BatchConverter::run(const env::OutputFolder& out, const std::vector<BatchJob>& jobs,
                                  const BatchOptions& options) const {
  if (options.resume)
    out.remove_leftovers();
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  std::mutex report_mutex;  // guards progress, last_report and the callbacks
  BatchProgress progress;
  progress.total = jobs.size();
  auto last_report = start;

  auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };

  for_each_parallel(jobs.size(), options.threads, [&](std::size_t index) {
    JobResult result = run_one(out, jobs[index], options);
    std::lock_guard<std::mutex> lock(report_mutex);
    ++progress.done;
    switch (result.state) {
      case JobState::kConverted:
        ++progress.converted;
        break;
      case JobState::kInvalid:
        ++progress.invalid;
        break;
      case JobState::kFailed:
        ++progress.failed;
        break;
      case JobState::kSkipped:
        ++progress.skipped;
        break;
    }
    if (options.on_result)
      options.on_result(result);
    auto now = Clock::now();
    if (options.on_progress &&
        now - last_report >= std::chrono::milliseconds(options.progress_interval_ms)) {
      last_report = now;
      progress.elapsed_seconds = elapsed();
      options.on_progress(progress);
    }
  });
  progress.elapsed_seconds = elapsed();
  if (options.on_progress)
    options.on_progress(progress);
  return progress;
}

}  // namespace einvoice::engine
