#pragma once

#include <string>

namespace einvoice::cii {

// BT-8 (value added tax point date code) is a UNTDID 2005 code in the model,
// as EN 16931-1 defines it (3 invoice date, 35 delivery date, 432 paid to
// date). CII carries it as a UNTDID 2475 code (5, 29, 72) in
// ram:DueDateTypeCode. Codes outside these pairs pass through unchanged, so
// that validation still sees, and reports, the value as written.
std::string tax_point_code_from_cii(const std::string& cii_code);
std::string tax_point_code_to_cii(const std::string& model_code);

}  // namespace einvoice::cii
