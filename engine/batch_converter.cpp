#include "engine/batch_converter.h"

#include <exception>
#include <string>

#include "engine/batch_runner.h"

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
    case JobState::kCancelled:
      return "cancelled";
  }
  return "unknown";
}

namespace {

ItemState item_state(JobState state) {
  switch (state) {
    case JobState::kConverted:
      return ItemState::kDone;
    case JobState::kInvalid:
      return ItemState::kRefused;
    case JobState::kSkipped:
      return ItemState::kSkipped;
    case JobState::kCancelled:
      return ItemState::kCancelled;
    case JobState::kFailed:
      break;
  }
  return ItemState::kFailed;
}

}  // namespace

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
  RunnerOptions runner;
  runner.jobs = options.threads;
  runner.cancel = options.cancel;
  runner.progress_interval_ms = options.progress_interval_ms;
  BatchProgress progress;
  progress.total = jobs.size();
  auto progress_of = [&progress](const BatchTotals& totals) {
    progress.done = totals.finished;
    progress.converted = totals.done;
    progress.invalid = totals.refused;
    progress.failed = totals.failed;
    progress.skipped = totals.skipped;
    progress.cancelled = totals.cancelled;
    progress.elapsed_seconds = totals.elapsed_seconds;
  };
  if (options.on_progress) {
    runner.on_progress = [&](const BatchTotals& totals) {
      progress_of(totals);
      options.on_progress(progress);
    };
  }
  const BatchTotals totals = run_batch<JobResult>(
      jobs.size(), runner, [&](std::size_t i) { return run_guarded(out, jobs[i], options); },
      [&](std::size_t i) {
        JobResult cancelled;
        cancelled.job = jobs[i];
        cancelled.state = JobState::kCancelled;
        return cancelled;
      },
      [](const JobResult& result) { return item_state(result.state); },
      [&](std::size_t, JobResult&& result) {
        if (options.on_result)
          options.on_result(result);
      });
  progress_of(totals);
  return progress;
}

JobResult BatchConverter::run_guarded(const env::OutputFolder& out, const BatchJob& job,
                                      const BatchOptions& options) const {
  try {
    return run_one(out, job, options);
  } catch (const std::exception& e) {
    // A defect or an exhausted resource: this job fails, the batch goes on.
    JobResult result;
    result.job = job;
    result.error = model::Error{model::ErrorCode::kInternal,
                                std::string("unexpected failure: ") + e.what(),
                                {job.input.string(), "", 0, 0}};
    return result;
  }
}

}  // namespace einvoice::engine
