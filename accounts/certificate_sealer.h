#pragma once

#include <string>
#include <string_view>

#include "model/result.h"

namespace einvoice::accounts {

// The platform seal put on an enrolment certificate: a PAdES signature
// added to the PDF by an incremental update. Implemented above the accounts
// (engine/accounts_jobs.h) from the platform's seal file.
class CertificateSealer {
 public:
  virtual ~CertificateSealer() = default;
  // The sealed PDF (`pdf` stays a prefix of it); `name` names it in errors.
  // Thread-safe.
  virtual model::Result<std::string> seal_pdf(std::string_view pdf,
                                              std::string_view name) const = 0;
};

}  // namespace einvoice::accounts
