// Fuzz target: a companies import file as `einvoice accounts company import`
// reads it (accounts/company_csv.h): BOM, separators, quotes, line and size
// limits, every column's rule; the first byte chooses the header flag. The
// same bytes go through the other text parsers of the accounts module:
// services lists, Argon2id parameters and PHC strings, password rule.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "accounts/account.h"
#include "accounts/company_csv.h"
#include "accounts/password_hasher.h"
#include "accounts/password_rule.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0)
    return 0;
  const bool header = (data[0] & 1) != 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  einvoice::accounts::CsvLimits limits;
  limits.max_bytes = 1 << 20;
  limits.max_lines = 20000;
  auto csv = einvoice::accounts::parse_company_csv(text, header, limits, "fuzz.csv");
  if (csv) {
    for (const auto& company : csv->companies)
      (void)einvoice::accounts::identifier_problem(company.identifier_type, company.identifier);
  }
  (void)einvoice::accounts::parse_services(text);
  (void)einvoice::accounts::parse_argon2_parameters(text);
  (void)einvoice::accounts::phc_parameters(text);
  (void)einvoice::accounts::password_problem(text, {});
  return 0;
}
