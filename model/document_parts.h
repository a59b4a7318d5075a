#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/date.h"
#include "model/decimal.h"
#include "model/identifier.h"
#include "model/party.h"

namespace einvoice::model {

using Amount = std::optional<Decimal>;

// BG-1 INVOICE NOTE (0..n).
struct InvoiceNote {
  Code subject_code;  // BT-21
  Text note;          // BT-22 (1..1)

  bool operator==(const InvoiceNote&) const = default;
};

// BG-2 PROCESS CONTROL (1..1).
struct ProcessControl {
  Text business_process_type;     // BT-23
  Text specification_identifier;  // BT-24 (1..1)

  bool operator==(const ProcessControl&) const = default;
};

// BG-3 PRECEDING INVOICE REFERENCE (0..n).
struct PrecedingInvoiceReference {
  Text reference;                  // BT-25 (1..1)
  std::optional<Date> issue_date;  // BT-26

  bool operator==(const PrecedingInvoiceReference&) const = default;
};

// BG-14 INVOICING PERIOD and BG-26 INVOICE LINE PERIOD.
struct Period {
  std::optional<Date> start_date;  // BT-73 / BT-134
  std::optional<Date> end_date;    // BT-74 / BT-135

  bool operator==(const Period&) const = default;
};

// BG-13 DELIVERY INFORMATION (0..1), without BG-14 (kept on the invoice).
struct DeliveryInformation {
  Text party_name;                                // BT-70
  std::optional<Identifier> location_identifier;  // BT-71, scheme BT-71-1
  std::optional<Date> actual_delivery_date;       // BT-72
  std::optional<PostalAddress> address;           // BG-15

  bool operator==(const DeliveryInformation&) const = default;
};

// BG-17 CREDIT TRANSFER (0..n).
struct CreditTransfer {
  Text account_identifier;           // BT-84 (1..1)
  Text account_name;                 // BT-85
  Text service_provider_identifier;  // BT-86

  bool operator==(const CreditTransfer&) const = default;
};

// BG-18 PAYMENT CARD INFORMATION (0..1).
struct PaymentCard {
  Text primary_account_number;  // BT-87 (1..1)
  Text holder_name;             // BT-88

  bool operator==(const PaymentCard&) const = default;
};

// BG-19 DIRECT DEBIT (0..1).
struct DirectDebit {
  Text mandate_reference;           // BT-89
  Text bank_assigned_creditor_id;   // BT-90
  Text debited_account_identifier;  // BT-91

  bool operator==(const DirectDebit&) const = default;
};

// BG-16 PAYMENT INSTRUCTIONS (0..1).
struct PaymentInstructions {
  Code means_type_code;                          // BT-81 (1..1)
  Text means_text;                               // BT-82
  Text remittance_information;                   // BT-83
  std::vector<CreditTransfer> credit_transfers;  // BG-17
  std::optional<PaymentCard> card;               // BG-18
  std::optional<DirectDebit> direct_debit;       // BG-19

  bool operator==(const PaymentInstructions&) const = default;
};

// BG-20 DOCUMENT LEVEL ALLOWANCES, BG-21 DOCUMENT LEVEL CHARGES,
// BG-27 INVOICE LINE ALLOWANCES, BG-28 INVOICE LINE CHARGES.
// Line-level ones never carry VAT category or rate.
struct AllowanceCharge {
  Amount amount;           // BT-92 / BT-99 / BT-136 / BT-141 (1..1)
  Amount base_amount;      // BT-93 / BT-100 / BT-137 / BT-142
  Amount percentage;       // BT-94 / BT-101 / BT-138 / BT-143
  Code vat_category_code;  // BT-95 / BT-102 (document level only)
  Amount vat_rate;         // BT-96 / BT-103 (document level only)
  Text reason;             // BT-97 / BT-104 / BT-139 / BT-144
  Code reason_code;        // BT-98 / BT-105 / BT-140 / BT-145

  bool operator==(const AllowanceCharge&) const = default;
};

// BG-22 DOCUMENT TOTALS (1..1).
struct DocumentTotals {
  Amount line_net_total;                 // BT-106 (1..1)
  Amount allowance_total;                // BT-107
  Amount charge_total;                   // BT-108
  Amount total_without_vat;              // BT-109 (1..1)
  Amount vat_total;                      // BT-110
  Amount vat_total_accounting_currency;  // BT-111 (in BT-6)
  Amount total_with_vat;                 // BT-112 (1..1)
  Amount paid_amount;                    // BT-113
  Amount rounding_amount;                // BT-114
  Amount amount_due;                     // BT-115 (1..1)

  bool operator==(const DocumentTotals&) const = default;
};

// BG-23 VAT BREAKDOWN (1..n).
struct VatBreakdown {
  Amount taxable_amount;       // BT-116 (1..1)
  Amount tax_amount;           // BT-117 (1..1)
  Code category_code;          // BT-118 (1..1)
  Amount rate;                 // BT-119
  Text exemption_reason;       // BT-120
  Code exemption_reason_code;  // BT-121

  bool operator==(const VatBreakdown&) const = default;
};

// BG-24 ADDITIONAL SUPPORTING DOCUMENTS (0..n).
struct SupportingDocument {
  Text reference;                          // BT-122 (1..1)
  Text description;                        // BT-123
  Text external_location;                  // BT-124
  std::optional<BinaryObject> attachment;  // BT-125

  bool operator==(const SupportingDocument&) const = default;
};

}  // namespace einvoice::model
