#pragma once

// What the PAdES tests share: a corpus Factur-X to seal, a seal with the test
// PKI and TSA, and einvoice's verification at the test's "now".
#include <string>
#include <vector>

#include "signing/pades.h"

namespace einvoice::signing::testing {

// The bytes of `../shared/corpus/facturx/pdf/<name>`; fails the test when empty.
std::string corpus_facturx_pdf(const std::string& name);

// `pdf` sealed by the test seal certificate at `level` (B-T and above
// timestamped by the test TSA), extended to `long_term` with `revocation`;
// fails the test on error.
std::string seal_test_pdf(const std::string& pdf, CadesLevel level,
                          PadesLongTerm long_term = PadesLongTerm::kNone,
                          RevocationData revocation = {});

// Every signature of `pdf` verified against the test anchors now; each report
// is attached to the test's output, and the test fails on error.
std::vector<PadesSignatureReport> verify_test_pdf(const std::string& pdf);

}  // namespace einvoice::signing::testing
