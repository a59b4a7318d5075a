#pragma once

// The platform seal of an archive (archive::Sealer) as the commands
// configure it: a seal file holding the JSON "seal" object of process jobs
// (engine/seal_request.h), whose seals are made as detached CAdES.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "archive/sealer.h"
#include "env/env.h"
#include "model/result.h"

namespace einvoice::engine {

// The seal file named by `option`, else by $EINVOICE_ARCHIVE_SEAL; nullopt
// when neither names one (nothing is sealed).
std::optional<std::filesystem::path> archive_seal_file(const std::string& option,
                                                       const env::Env& env);

// The sealer a seal file describes, e.g.
//   {"p12": "platform-seal.p12", "password_env": "SEAL_PASSWORD"}
//   {"key": "seal-key.pem", "cert": "seal.pem", "chain": "ca.pem", "test_tsa": true}
// Relative file names are taken from the seal file's folder. "as", when
// given, must be "cades"; the level is B-B, or B-T with a timestamp
// authority. Errors name the seal file: unreadable (kIo), not a seal object
// (kInvalidArgument), key material that does not load.
model::Result<std::unique_ptr<archive::Sealer>> load_archive_sealer(
    const std::filesystem::path& seal_file, const env::Env& env);

}  // namespace einvoice::engine
