#pragma once

#include <optional>
#include <vector>

#include "model/diagnostic.h"
#include "model/document_parts.h"
#include "model/invoice_line.h"
#include "model/party.h"

namespace einvoice::model {

// The EN 16931-1 semantic invoice (BG-0), syntax-neutral. It holds what the
// document said, not what it should have said: every term is optional (even
// the mandatory ones) and coded values are kept as written, so that
// validation can report what is missing or wrong. Readers never invent values.
//
// Plain value type: copyable, comparable term by term (==), no invariants.
struct Invoice {
  Text number;                                           // BT-1 (1..1)
  std::optional<Date> issue_date;                        // BT-2 (1..1)
  Code type_code;                                        // BT-3 (1..1)
  Code currency_code;                                    // BT-5 (1..1)
  Code vat_accounting_currency_code;                     // BT-6
  std::optional<Date> vat_point_date;                    // BT-7
  Code vat_point_date_code;                              // BT-8, UNTDID 2005 (CII maps 2475)
  std::optional<Date> payment_due_date;                  // BT-9
  Text buyer_reference;                                  // BT-10
  Text project_reference;                                // BT-11
  Text contract_reference;                               // BT-12
  Text purchase_order_reference;                         // BT-13
  Text sales_order_reference;                            // BT-14
  Text receiving_advice_reference;                       // BT-15
  Text despatch_advice_reference;                        // BT-16
  Text tender_or_lot_reference;                          // BT-17
  std::optional<Identifier> invoiced_object_identifier;  // BT-18, scheme BT-18-1
  Text buyer_accounting_reference;                       // BT-19
  Text payment_terms;                                    // BT-20

  std::vector<InvoiceNote> notes;                             // BG-1
  ProcessControl process_control;                             // BG-2
  std::vector<PrecedingInvoiceReference> preceding_invoices;  // BG-3
  Seller seller;                                              // BG-4
  Buyer buyer;                                                // BG-7
  std::optional<Payee> payee;                                 // BG-10
  std::optional<SellerTaxRepresentative> tax_representative;  // BG-11
  std::optional<DeliveryInformation> delivery;                // BG-13
  std::optional<Period> invoicing_period;                     // BG-14
  std::optional<PaymentInstructions> payment_instructions;    // BG-16
  std::vector<AllowanceCharge> allowances;                    // BG-20
  std::vector<AllowanceCharge> charges;                       // BG-21
  DocumentTotals totals;                                      // BG-22
  std::vector<VatBreakdown> vat_breakdowns;                   // BG-23
  std::vector<SupportingDocument> supporting_documents;       // BG-24
  std::vector<InvoiceLine> lines;                             // BG-25

  bool operator==(const Invoice&) const = default;
};

// What a reader produced: the invoice as far as it could be read, and the
// problems met while reading (unreadable numbers or dates, terms the model
// cannot hold). A fatal diagnostic means some term could not be read.
struct ParsedInvoice {
  Invoice invoice;
  Diagnostics diagnostics;
};

}  // namespace einvoice::model
