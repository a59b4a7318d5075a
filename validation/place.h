#pragma once

namespace einvoice::validation {

// Where in the invoice a rule applies: an EN 16931 group and, for repeated
// groups, its zero-based position among its siblings in document order
// (`index`), and for groups inside a line, the line's position (`line`).
// A Locator turns a Place into the XPath (and line) of the element of the
// document that carries it, the way the official Schematron names its context.
enum class Group {
  kDocument,                  // the root element (BG-0)
  kNote,                      // BG-1 [index]
  kProcessControl,            // BG-2
  kPrecedingInvoice,          // BG-3 [index]
  kSeller,                    // BG-4
  kSellerAddress,             // BG-5
  kSellerContact,             // BG-6
  kBuyer,                     // BG-7
  kBuyerAddress,              // BG-8
  kBuyerContact,              // BG-9
  kPayee,                     // BG-10
  kTaxRepresentative,         // BG-11
  kTaxRepresentativeAddress,  // BG-12
  kDelivery,                  // BG-13
  kInvoicingPeriod,           // BG-14
  kDeliveryAddress,           // BG-15
  kPaymentInstructions,       // BG-16
  kCreditTransfer,            // BG-17 [index]
  kCard,                      // BG-18
  kDirectDebit,               // BG-19
  kDocumentAllowance,         // BG-20 [index]
  kDocumentCharge,            // BG-21 [index]
  kTotals,                    // BG-22
  kVatBreakdown,              // BG-23 [index]
  kSupportingDocument,        // BG-24 [index]
  kLine,                      // BG-25 [line]
  kLinePeriod,                // BG-26 of [line]
  kLineAllowance,             // BG-27 [index] of [line]
  kLineCharge,                // BG-28 [index] of [line]
  kPrice,                     // BG-29 of [line]
  kLineVat,                   // BG-30 of [line]
  kItem,                      // BG-31 of [line]
  kItemAttribute,             // BG-32 [index] of [line]
};

struct Place {
  Group group = Group::kDocument;
  int index = 0;
  int line = 0;
};

inline Place at(Group group, int index = 0) {
  return Place{group, index, 0};
}
inline Place in_line(int line, Group group = Group::kLine, int index = 0) {
  return Place{group, index, line};
}

}  // namespace einvoice::validation
