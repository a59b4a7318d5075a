#include "env/env.h"

namespace einvoice::env {

const Env& system_env() {
  static const SystemClock clock;
  const RandomSource& random = system_random();
  static const ProcessEnvironment variables;
  static const LocalFileSystem files(random);
  static const Env env{files, clock, random, variables, [] {
                         auto dir = variables.get("TMPDIR");
                         return std::filesystem::path(dir && !dir->empty() ? *dir : "/tmp");
                       }()};
  return env;
}

}  // namespace einvoice::env
