#pragma once

// Internal to formats/ubl: not part of the public API.

#include <string_view>

#include "formats/xml/xml_document.h"

namespace einvoice::ubl {

// Fixed values of the EN 16931-3-2 binding and helpers shared by reader and
// writer.

// schemeID of the party identifier that carries BT-90 (compared ignoring case).
inline constexpr std::string_view kSepaScheme = "SEPA";
// cac:TaxScheme/cbc:ID of BT-31, BT-48, BT-63 and every VAT category.
inline constexpr std::string_view kVatScheme = "VAT";
// DocumentTypeCode of the references carrying BT-18 and BT-128.
inline constexpr std::string_view kInvoicedObjectDocumentType = "130";
// DocumentTypeCode of the CreditNote AdditionalDocumentReference carrying BT-11.
inline constexpr std::string_view kProjectDocumentType = "50";
// cbc:ID of a cac:OrderReference holding only BT-14 (the XSD requires an ID).
inline constexpr std::string_view kNoOrderReference = "NA";

using xml::trim_xml_space;

}  // namespace einvoice::ubl
