#pragma once

#include <filesystem>

#include "env/clock.h"
#include "env/environment.h"
#include "env/file_system.h"
#include "env/random_source.h"

namespace einvoice::env {

// Everything outside its inputs that a job may touch: files, the clock,
// randomness, environment variables and a folder for temporary files. The
// parts are borrowed: whoever builds an Env keeps them alive while it is
// used. Every part is thread-safe, so one Env serves all threads of a job.
struct Env {
  const FileSystem& files;
  const Clock& clock;
  const RandomSource& random;
  const Environment& variables;
  std::filesystem::path temporary_dir;
};

// The process's own: the local file system, the system clock, getrandom,
// getenv, and $TMPDIR (else /tmp). Lives as long as the process.
const Env& system_env();

}  // namespace einvoice::env
