#include "formats/cii/tax_point_code.h"

#include <array>
#include <string_view>
#include <utility>

namespace einvoice::cii {
namespace {

// {UNTDID 2005 (model, UBL), UNTDID 2475 (CII)}
constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kTaxPointCodes = {{
    {"3", "5"},
    {"35", "29"},
    {"432", "72"},
}};

}  // namespace

std::string tax_point_code_from_cii(const std::string& cii_code) {
  for (const auto& [model_code, syntax_code] : kTaxPointCodes) {
    if (syntax_code == cii_code)
      return std::string(model_code);
  }
  return cii_code;
}

std::string tax_point_code_to_cii(const std::string& model_code) {
  for (const auto& [semantic_code, syntax_code] : kTaxPointCodes) {
    if (semantic_code == model_code)
      return std::string(syntax_code);
  }
  return model_code;
}

}  // namespace einvoice::cii
