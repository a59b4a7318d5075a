#include "formats/xsd/schema_id.h"

namespace einvoice::xsd {

const char* to_string(SchemaId id) {
  switch (id) {
    case SchemaId::kCiiD16B:
      return "CII D16B";
    case SchemaId::kUbl21:
      return "UBL 2.1";
    case SchemaId::kFacturXMinimum:
      return "Factur-X 1.09 MINIMUM";
    case SchemaId::kFacturXBasicWl:
      return "Factur-X 1.09 BASIC WL";
    case SchemaId::kFacturXBasic:
      return "Factur-X 1.09 BASIC";
    case SchemaId::kFacturXEn16931:
      return "Factur-X 1.09 EN16931";
    case SchemaId::kFacturXExtended:
      return "Factur-X 1.09 EXTENDED";
  }
  return "unknown schema";
}

std::vector<std::filesystem::path> schema_files(SchemaId id) {
  switch (id) {
    case SchemaId::kCiiD16B:
      return {
          "cii-d16b/uncoupled-clm/CII/uncefact/data/standard/CrossIndustryInvoice_100pD16B.xsd"};
    case SchemaId::kUbl21:
      return {"ubl-2.1/xsd/maindoc/UBL-Invoice-2.1.xsd",
              "ubl-2.1/xsd/maindoc/UBL-CreditNote-2.1.xsd"};
    case SchemaId::kFacturXMinimum:
      return {"facturx-1.09/MINIMUM/FACTUR-X_MINIMUM.xsd"};
    case SchemaId::kFacturXBasicWl:
      return {"facturx-1.09/BASIC-WL/FACTUR-X_BASICWL.xsd"};
    case SchemaId::kFacturXBasic:
      return {"facturx-1.09/BASIC/FACTUR-X_BASIC.xsd"};
    case SchemaId::kFacturXEn16931:
      return {"facturx-1.09/EN16931/FACTUR-X_EN16931.xsd"};
    case SchemaId::kFacturXExtended:
      return {"facturx-1.09/EXTENDED/FACTUR-X_EXTENDED.xsd"};
  }
  return {};
}

}  // namespace einvoice::xsd
