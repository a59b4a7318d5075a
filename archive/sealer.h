#pragma once

#include <string>
#include <string_view>

#include "model/result.h"

namespace einvoice::archive {

// The platform seal the archive puts on what it issues: deposit receipts,
// securing records and export manifests. A seal is a detached CAdES
// signature (DER CMS SignedData, RFC 5652) over the exact bytes issued, so
// that an auditor checks it with `openssl cms -verify -binary`. Implemented
// above the archive (engine/archive_jobs.h) from the platform's key.
class Sealer {
 public:
  virtual ~Sealer() = default;
  // The seal over `bytes`, named `name` in errors. Thread-safe.
  virtual model::Result<std::string> seal(std::string_view bytes, std::string_view name) const = 0;
  // The sealing certificate then its chain (PEM), as an export carries them.
  virtual std::string certificates_pem() const = 0;
};

}  // namespace einvoice::archive
