#pragma once

// The words invoices print before their values, in French, English and
// German, for each field the extractor looks for; and the folding that lets
// them match OCR output whatever the case, accents and punctuation.

#include <span>
#include <string>
#include <string_view>

#include "ocr/text_folding.h"

namespace einvoice::ocr {

// What a label announces.
enum class LabelKind {
  kInvoiceNumber,  // BT-1
  kIssueDate,      // BT-2
  kDueDate,        // BT-9
  kCurrency,       // BT-5
  kPurchaseOrder,  // BT-13
  kTotalExclVat,   // BT-109
  kVatTotal,       // BT-110
  kTotalInclVat,   // BT-112
  kAmountDue,      // BT-115
  kPaidAmount,     // BT-113, paid before the invoice
  kPaymentTerms,   // BT-20
  kSiren,          // a SIREN (legal registration of a French company)
  kSiret,
  kVatId,  // a VAT identifier
  kIban,
  kBic,
  kSellerHeading,    // introduces the seller's block
  kBuyerHeading,     // introduces the buyer's block
  kCreditNoteTitle,  // the document is a credit note
  kNumberSign,       // a bare "N°", "No.", "Nr." that may head the document's number
};

// Labels of `kind`, folded, most specific first (so that "total ht" is tried
// before "total").
std::span<const std::string_view> labels_of(LabelKind kind);

// Whether the label `label` of `kind`, followed on its line by the folded
// word `next_word`, is only the head of another mention: the generic number
// labels ("factuur", "invoice", "facture", "rechnung") before "datum",
// "date", "total", "adres", ... name a date, a total or an address, not the
// invoice number.
bool heads_other_mention(LabelKind kind, std::string_view label, std::string_view next_word);

// Legal forms that mark a line as a company name ("sas", "gmbh", "ltd", ...),
// folded.
std::span<const std::string_view> legal_forms();
// Whether the folded text holds a legal form as whole words ("sarl" in
// "boulangerie martin sarl", not in "sarlat").
bool has_legal_form(std::string_view folded);

}  // namespace einvoice::ocr
