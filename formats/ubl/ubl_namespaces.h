#pragma once

#include <string_view>

namespace einvoice::ubl {

// Namespaces of the OASIS UBL 2.1 schemas used by EN 16931-3-2. The writer
// binds the document namespace as the default namespace and the component
// namespaces to the prefixes cac and cbc.
inline constexpr std::string_view kInvoiceNamespace =
    "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
inline constexpr std::string_view kCreditNoteNamespace =
    "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
inline constexpr std::string_view kCacNamespace =
    "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
inline constexpr std::string_view kCbcNamespace =
    "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
inline constexpr std::string_view kExtNamespace =
    "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2";

// Local names of the two root elements (in kInvoiceNamespace and
// kCreditNoteNamespace respectively).
inline constexpr std::string_view kInvoiceRoot = "Invoice";
inline constexpr std::string_view kCreditNoteRoot = "CreditNote";

}  // namespace einvoice::ubl
