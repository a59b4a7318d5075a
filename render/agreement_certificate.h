#pragma once

#include <string>
#include <vector>

#include "model/result.h"

namespace einvoice::render {

// One company the agreement designates the platform for.
struct AgreementCompany {
  std::string name;
  std::string identifier_type;  // "SIREN" or "SIRET"
  std::string identifier;
  std::string address;  // the postal address
};

// Everything the enrolment certificate shows, given as text (times already
// written, "2026-03-15T09:00:00Z"), so that the same facts give the same
// bytes.
struct AgreementCertificate {
  std::string platform;   // the approved platform designated
  std::string reference;  // the agreement's reference, "agreement 12"
  std::vector<AgreementCompany> companies;
  std::string signer_first_name, signer_last_name, signer_function, signer_email;
  // How the signer's authority was established, one sentence.
  std::string authority;
  std::string account;         // the account that prepared the agreement
  std::string code_sent_at;    // the one-time code sent to the signer's e-mail
  std::string signed_at;       // the code entered
  std::string font_directory;  // empty: render's default
};

// The PDF certificate of a formal agreement designating `platform` as the
// companies' approved platform for receiving invoices (portal.md 2): title,
// the companies (name, identifier, postal address), the signer (name,
// function, e-mail, authority), the one-time code confirmation and its
// times. Fonts embedded as subsets with ToUnicode maps, so pdftotext gives
// the text back. Deterministic. Errors: as render_document.
model::Result<std::string> render_agreement_certificate(const AgreementCertificate& certificate);

}  // namespace einvoice::render
