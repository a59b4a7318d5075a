#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

#include "engine/converter.h"
#include "env/file_system.h"

namespace einvoice::engine {

struct BatchJob {
  std::filesystem::path input;
  // Relative to the batch's output folder (see OutputFolder::write).
  std::filesystem::path output;
};

enum class JobState {
  kConverted,  // output written
  kInvalid,    // input refused (not an invoice, malformed, schema, unreadable values):
               // the error or the findings say why
  kFailed,     // I/O: input could not be read or output not written; the error says why
  kSkipped,    // resume: the output already exists
  kCancelled,  // the batch was cancelled before the job started
};

const char* to_string(JobState state);

struct JobResult {
  BatchJob job;
  JobState state = JobState::kFailed;
  detect::Syntax source_syntax = detect::Syntax::kUnknown;
  model::Diagnostics diagnostics;
  std::optional<model::Error> error;
};

struct BatchProgress {
  std::size_t total = 0;
  std::size_t done = 0;
  std::size_t converted = 0;
  std::size_t invalid = 0;
  std::size_t failed = 0;
  std::size_t skipped = 0;
  std::size_t cancelled = 0;
  double elapsed_seconds = 0;
};

struct BatchOptions {
  unsigned threads = 0;  // 0: one per hardware thread
  // Skip jobs whose output exists. Outputs are written atomically, so an
  // existing output is always complete: an interrupted batch resumes safely.
  // The temporaries an interrupted run left behind are removed first.
  bool resume = false;
  std::size_t max_input_bytes = 64u << 20;
  // Called at most every `progress_interval_ms` and once at the end, from one
  // thread at a time (never concurrently).
  std::function<void(const BatchProgress&)> on_progress;
  unsigned progress_interval_ms = 200;
  // Called once per job, in the order of the jobs, from one thread at a
  // time. Results are not kept by the batch beyond the runner's window:
  // memory stays flat over any number of jobs.
  std::function<void(const JobResult&)> on_result;
  // When it becomes true, jobs not yet started are reported as kCancelled;
  // the running ones finish.
  const std::atomic<bool>* cancel = nullptr;
};

// Runs conversions over many files on the batch runner (batch_runner.h).
//
// Thread safety: run() may be called from one thread at a time per instance;
// it uses `converter`, `files` and `out` concurrently from its workers (all must
// be thread-safe, as Converter, LocalFileSystem and its OutputFolder are). One
// bad document never stops the batch. Outputs are written only through `out`.
class BatchConverter {
 public:
  BatchConverter(const Converter& converter, const env::FileSystem& files)
      : converter_(converter), files_(files) {}

  BatchProgress run(const env::OutputFolder& out, const std::vector<BatchJob>& jobs,
                    const BatchOptions& options) const;

  // Converts one job into `out` (used by run(); exposed for single-file callers).
  JobResult run_one(const env::OutputFolder& out, const BatchJob& job,
                    const BatchOptions& options) const;

 private:
  // run_one, with an exception (a defect, memory) failing the job only.
  JobResult run_guarded(const env::OutputFolder& out, const BatchJob& job,
                        const BatchOptions& options) const;

  const Converter& converter_;
  const env::FileSystem& files_;
};

}  // namespace einvoice::engine
