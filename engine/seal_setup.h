#pragma once

// Everything a seal needs besides the document, assembled once: the signer
// (PKCS#12, or PEM key and certificate), the timestamp authority (an RFC 3161
// server over HTTP(S), or the in-process test TSA), the level and the
// revocation data of B-LT/B-LTA. Built from what `einvoice seal` and
// `einvoice process --seal` are given, or from a job's "seal" object, and
// shared by every thread of a batch.

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "engine/seal_jobs.h"
#include "engine/seal_request.h"
#include "env/env.h"
#include "model/result.h"

namespace einvoice::engine {

// The signer, the authority and the options, ready to seal any number of
// documents from any number of threads.
class SealSetup {
 public:
  // Checks the request (seal_request_problem, as kInvalidArgument), reads
  // the key material, the CRLs and the OCSP responses through `env.files`
  // and the passwords from `env.variables`, and connects nothing yet (an
  // HTTP TSA is asked per seal). Errors name the file or the option.
  static model::Result<SealSetup> create(const SealRequest& request, const env::Env& env);

  SealSetup(SealSetup&&) noexcept;
  SealSetup& operator=(SealSetup&&) noexcept;
  ~SealSetup();

  // Seals `input` (named `name` in errors) at the environment clock's time.
  // Thread-safe.
  model::Result<SealOutcome> seal(std::string_view input, std::string_view name) const;

  // The sealing certificate then its chain, PEM.
  std::string certificates_pem() const;

  // "B-T", "B-LTA"...: the level the seals are made at.
  const std::string& level_name() const { return level_name_; }
  // The in-process test TSA signs the timestamps: they prove nothing.
  bool uses_test_tsa() const { return test_tsa_; }
  const SealJobOptions& options() const { return options_; }

 private:
  SealSetup() = default;
  struct Keys;
  std::unique_ptr<Keys> keys_;
  SealJobOptions options_;
  std::string level_name_;
  bool test_tsa_ = false;
  const env::Clock* clock_ = nullptr;
};

// The SealSetup a platform seal file describes (the archive's and the
// enrolment certificates' seal: engine/archive_sealer.h), its relative file
// names taken from the seal file's folder, sealing as `format` ("cades",
// "pades"): its "as", when given, must be that (else kInvalidArgument:
// "`purpose`: \"as\" must be ..."). Errors name the seal file: unreadable
// (kIo), not a seal object (kInvalidArgument), key material that does not
// load.
model::Result<SealSetup> load_seal_file(const std::filesystem::path& seal_file,
                                        std::string_view format, std::string_view purpose,
                                        const env::Env& env);

// "PAdES", "XAdES" or "CAdES".
const char* to_string(SealFormat format);

}  // namespace einvoice::engine
