#include <algorithm>

#include "formats/ubl/binding.h"
#include "formats/ubl/document_writer.h"

namespace einvoice::ubl {

namespace {

// cbc:NetworkID of a cac:CardAccount: required by the XSD, not an EN 16931 term.
constexpr std::string_view kUnknownCardNetwork = "NA";

// True when the mandate part of BG-19 has something for cac:PaymentMandate
// (BT-90 alone travels as a party identifier).
bool needs_mandate(const std::optional<model::DirectDebit>& debit) {
  return debit && (debit->mandate_reference || debit->debited_account_identifier ||
                   !debit->bank_assigned_creditor_id);
}

// True when BG-16 has anything for cac:PaymentMeans.
bool needs_payment_means(const model::PaymentInstructions& payment) {
  return payment.means_type_code || payment.means_text || payment.remittance_information ||
         !payment.credit_transfers.empty() || payment.card || needs_mandate(payment.direct_debit) ||
         !payment.direct_debit;
}

}  // namespace

void DocumentWriter::write_payment_means() {
  const auto& payment = invoice_.payment_instructions;
  if (!payment || !needs_payment_means(*payment))
    return;
  // One cac:PaymentMeans per BG-17, all with the same code and BT-83 (UBL-SR-44,
  // UBL-SR-47); the terms EN 16931 allows once go in the first (UBL-SR-45, -46,
  // -54, -55).
  const std::size_t count = std::max<std::size_t>(1, payment->credit_transfers.size());
  for (std::size_t i = 0; i < count; ++i) {
    const bool first = i == 0;
    out_.start("cac:PaymentMeans");
    if (payment->means_type_code) {
      out_.start("cbc:PaymentMeansCode");
      if (first)
        out_.attribute("name", payment->means_text);
      out_.text(*payment->means_type_code);
      out_.end();
    }
    if (first && credit_note_)
      date("cbc:PaymentDueDate", invoice_.payment_due_date);
    text("cbc:PaymentID", payment->remittance_information);
    if (first && payment->card) {
      out_.start("cac:CardAccount");
      text("cbc:PrimaryAccountNumberID", payment->card->primary_account_number);
      out_.leaf("cbc:NetworkID", kUnknownCardNetwork);
      text("cbc:HolderName", payment->card->holder_name);
      out_.end();
    }
    if (i < payment->credit_transfers.size()) {
      const model::CreditTransfer& transfer = payment->credit_transfers[i];
      out_.start("cac:PayeeFinancialAccount");
      text("cbc:ID", transfer.account_identifier);
      text("cbc:Name", transfer.account_name);
      wrapped_text("cac:FinancialInstitutionBranch", "cbc:ID",
                   transfer.service_provider_identifier);
      out_.end();
    }
    if (first && needs_mandate(payment->direct_debit)) {
      out_.start("cac:PaymentMandate");
      text("cbc:ID", payment->direct_debit->mandate_reference);
      wrapped_text("cac:PayerFinancialAccount", "cbc:ID",
                   payment->direct_debit->debited_account_identifier);
      out_.end();
    }
    out_.end();
  }
}

void DocumentWriter::write_allowance_charge(const model::AllowanceCharge& value, bool charge,
                                            bool document_level) {
  out_.start("cac:AllowanceCharge");
  out_.leaf("cbc:ChargeIndicator", charge ? "true" : "false");
  text("cbc:AllowanceChargeReasonCode", value.reason_code);
  text("cbc:AllowanceChargeReason", value.reason);
  decimal("cbc:MultiplierFactorNumeric", value.percentage);
  amount("cbc:Amount", value.amount);
  amount("cbc:BaseAmount", value.base_amount);
  if (document_level && (value.vat_category_code || value.vat_rate)) {
    out_.start("cac:TaxCategory");
    text("cbc:ID", value.vat_category_code);
    decimal("cbc:Percent", value.vat_rate);
    tax_scheme(kVatScheme);
    out_.end();
  }
  out_.end();
}

// UBL requires cbc:TaxAmount in a cac:TaxTotal that carries the VAT breakdown;
// a source without BT-110 gets the sum of its BT-117, which is what BR-CO-14
// says BT-110 must be (0.00 when no breakdown states an amount).
model::Amount DocumentWriter::implied_vat_total() const {
  model::Decimal sum = model::Decimal::from_unscaled(0, 2);
  for (const auto& breakdown : invoice_.vat_breakdowns) {
    if (!breakdown.tax_amount)
      continue;
    std::optional<model::Decimal> next = sum.add(*breakdown.tax_amount);
    if (!next)
      return std::nullopt;
    sum = *next;
  }
  return sum;
}

void DocumentWriter::write_tax_totals() {
  const model::DocumentTotals& totals = invoice_.totals;
  if (totals.vat_total || !invoice_.vat_breakdowns.empty()) {
    out_.start("cac:TaxTotal");
    amount("cbc:TaxAmount", totals.vat_total ? totals.vat_total : implied_vat_total());
    for (const auto& breakdown : invoice_.vat_breakdowns) {
      out_.start("cac:TaxSubtotal");
      amount("cbc:TaxableAmount", breakdown.taxable_amount);
      amount("cbc:TaxAmount", breakdown.tax_amount);
      out_.start("cac:TaxCategory");
      text("cbc:ID", breakdown.category_code);
      decimal("cbc:Percent", breakdown.rate);
      text("cbc:TaxExemptionReasonCode", breakdown.exemption_reason_code);
      text("cbc:TaxExemptionReason", breakdown.exemption_reason);
      tax_scheme(kVatScheme);
      out_.end();
      out_.end();
    }
    out_.end();
  }
  if (totals.vat_total_accounting_currency) {
    const model::Code& currency = invoice_.vat_accounting_currency_code
                                      ? invoice_.vat_accounting_currency_code
                                      : invoice_.currency_code;
    out_.start("cac:TaxTotal");
    amount("cbc:TaxAmount", totals.vat_total_accounting_currency, &currency);
    out_.end();
  }
}

void DocumentWriter::write_monetary_total() {
  const model::DocumentTotals& totals = invoice_.totals;
  out_.start("cac:LegalMonetaryTotal");
  amount("cbc:LineExtensionAmount", totals.line_net_total);
  amount("cbc:TaxExclusiveAmount", totals.total_without_vat);
  amount("cbc:TaxInclusiveAmount", totals.total_with_vat);
  amount("cbc:AllowanceTotalAmount", totals.allowance_total);
  amount("cbc:ChargeTotalAmount", totals.charge_total);
  amount("cbc:PrepaidAmount", totals.paid_amount);
  amount("cbc:PayableRoundingAmount", totals.rounding_amount);
  amount("cbc:PayableAmount", totals.amount_due);
  out_.end();
}

}  // namespace einvoice::ubl
