#include <algorithm>
#include <string_view>

#include "formats/cii/document_writer.h"
#include "formats/cii/tax_point_code.h"

namespace einvoice::cii {
namespace {

// True when `account` has the shape of an IBAN (two letters, two check
// digits, 11 to 30 letters or digits; spaces allowed): it then goes in
// ram:IBANID, anything else in ram:ProprietaryID.
bool looks_like_iban(std::string_view account) {
  std::string compact;
  for (char c : account) {
    if (c != ' ')
      compact.push_back(c);
  }
  if (compact.size() < 15 || compact.size() > 34)
    return false;
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (!upper(compact[0]) || !upper(compact[1]) || !digit(compact[2]) || !digit(compact[3])) {
    return false;
  }
  return std::all_of(compact.begin() + 4, compact.end(),
                     [&](char c) { return upper(c) || digit(c); });
}

}  // namespace

void DocumentWriter::write_settlement() {
  const auto& instructions = invoice_.payment_instructions;
  const model::DirectDebit* debit =
      instructions && instructions->direct_debit ? &*instructions->direct_debit : nullptr;
  out_.start("ram:ApplicableHeaderTradeSettlement");
  if (debit)
    text("ram:CreditorReferenceID", debit->bank_assigned_creditor_id);
  if (instructions)
    text("ram:PaymentReference", instructions->remittance_information);
  text("ram:TaxCurrencyCode", invoice_.vat_accounting_currency_code);
  text("ram:InvoiceCurrencyCode", invoice_.currency_code);
  write_payee();
  write_payment_means();
  bool first = true;
  for (const model::VatBreakdown& breakdown : invoice_.vat_breakdowns) {
    write_vat_breakdown(breakdown, first);
    first = false;
  }
  if (invoice_.invoicing_period)
    write_period(*invoice_.invoicing_period);
  for (const auto& allowance : invoice_.allowances)
    write_document_allowance_charge(allowance, false);
  for (const auto& charge : invoice_.charges)
    write_document_allowance_charge(charge, true);
  write_payment_terms();
  write_totals();
  // D16B has a single ram:InvoiceReferencedDocument: only the first BG-3 fits.
  if (!invoice_.preceding_invoices.empty()) {
    const model::PrecedingInvoiceReference& preceding = invoice_.preceding_invoices.front();
    out_.start("ram:InvoiceReferencedDocument");
    text("ram:IssuerAssignedID", preceding.reference);
    date("ram:FormattedIssueDateTime", preceding.issue_date, "qdt:DateTimeString");
    out_.end();
  }
  wrapped("ram:ReceivableSpecifiedTradeAccountingAccount", "ram:ID",
          invoice_.buyer_accounting_reference);
  out_.end();
}

// One ram:SpecifiedTradeSettlementPaymentMeans per credit transfer (at least
// one); BT-81 and BT-82 repeat in each, the card and BT-91 go in the first.
void DocumentWriter::write_payment_means() {
  if (!invoice_.payment_instructions)
    return;
  const model::PaymentInstructions& instructions = *invoice_.payment_instructions;
  const model::Text debited = instructions.direct_debit
                                  ? instructions.direct_debit->debited_account_identifier
                                  : std::nullopt;
  if (!instructions.means_type_code && !instructions.means_text && !instructions.card && !debited &&
      instructions.credit_transfers.empty()) {
    return;
  }
  const std::size_t count = std::max<std::size_t>(1, instructions.credit_transfers.size());
  for (std::size_t i = 0; i < count; ++i) {
    out_.start("ram:SpecifiedTradeSettlementPaymentMeans");
    text("ram:TypeCode", instructions.means_type_code);
    text("ram:Information", instructions.means_text);
    if (i == 0 && instructions.card) {
      out_.start("ram:ApplicableTradeSettlementFinancialCard");
      text("ram:ID", instructions.card->primary_account_number);
      text("ram:CardholderName", instructions.card->holder_name);
      out_.end();
    }
    if (i == 0)
      wrapped("ram:PayerPartyDebtorFinancialAccount", "ram:IBANID", debited);
    if (i < instructions.credit_transfers.size()) {
      const model::CreditTransfer& transfer = instructions.credit_transfers[i];
      if (transfer.account_identifier || transfer.account_name ||
          !transfer.service_provider_identifier) {
        const bool iban =
            transfer.account_identifier && looks_like_iban(*transfer.account_identifier);
        out_.start("ram:PayeePartyCreditorFinancialAccount");
        if (iban)
          text("ram:IBANID", transfer.account_identifier);
        text("ram:AccountName", transfer.account_name);
        if (!iban)
          text("ram:ProprietaryID", transfer.account_identifier);
        out_.end();
      }
      wrapped("ram:PayeeSpecifiedCreditorFinancialInstitution", "ram:BICID",
              transfer.service_provider_identifier);
    }
    out_.end();
  }
}

// BT-7 and BT-8 are invoice terms; they are written in the first breakdown.
void DocumentWriter::write_vat_breakdown(const model::VatBreakdown& breakdown, bool first) {
  out_.start("ram:ApplicableTradeTax");
  amount("ram:CalculatedAmount", breakdown.tax_amount);
  out_.leaf("ram:TypeCode", "VAT");
  text("ram:ExemptionReason", breakdown.exemption_reason);
  amount("ram:BasisAmount", breakdown.taxable_amount);
  text("ram:CategoryCode", breakdown.category_code);
  text("ram:ExemptionReasonCode", breakdown.exemption_reason_code);
  if (first) {
    date("ram:TaxPointDate", invoice_.vat_point_date, "udt:DateString");
    if (invoice_.vat_point_date_code)
      text("ram:DueDateTypeCode", tax_point_code_to_cii(*invoice_.vat_point_date_code));
  }
  amount("ram:RateApplicablePercent", breakdown.rate);
  out_.end();
}

void DocumentWriter::write_document_allowance_charge(const model::AllowanceCharge& allowance_charge,
                                                     bool charge) {
  out_.start("ram:SpecifiedTradeAllowanceCharge");
  indicator("ram:ChargeIndicator", charge);
  amount("ram:CalculationPercent", allowance_charge.percentage);
  amount("ram:BasisAmount", allowance_charge.base_amount);
  amount("ram:ActualAmount", allowance_charge.amount);
  text("ram:ReasonCode", allowance_charge.reason_code);
  text("ram:Reason", allowance_charge.reason);
  if (allowance_charge.vat_category_code || allowance_charge.vat_rate) {
    out_.start("ram:CategoryTradeTax").leaf("ram:TypeCode", "VAT");
    text("ram:CategoryCode", allowance_charge.vat_category_code);
    amount("ram:RateApplicablePercent", allowance_charge.vat_rate);
    out_.end();
  }
  out_.end();
}

void DocumentWriter::write_payment_terms() {
  const auto& instructions = invoice_.payment_instructions;
  const model::Text mandate = instructions && instructions->direct_debit
                                  ? instructions->direct_debit->mandate_reference
                                  : std::nullopt;
  if (!invoice_.payment_terms && !invoice_.payment_due_date && !mandate)
    return;
  out_.start("ram:SpecifiedTradePaymentTerms");
  text("ram:Description", invoice_.payment_terms);
  date("ram:DueDateDateTime", invoice_.payment_due_date);
  text("ram:DirectDebitMandateID", mandate);
  out_.end();
}

void DocumentWriter::write_totals() {
  const model::DocumentTotals& totals = invoice_.totals;
  if (totals == model::DocumentTotals{})
    return;
  out_.start("ram:SpecifiedTradeSettlementHeaderMonetarySummation");
  amount("ram:LineTotalAmount", totals.line_net_total);
  amount("ram:ChargeTotalAmount", totals.charge_total);
  amount("ram:AllowanceTotalAmount", totals.allowance_total);
  amount("ram:TaxBasisTotalAmount", totals.total_without_vat);
  if (totals.vat_total) {
    out_.start("ram:TaxTotalAmount")
        .attribute("currencyID", invoice_.currency_code)
        .text(totals.vat_total->to_string())
        .end();
  }
  if (totals.vat_total_accounting_currency) {
    out_.start("ram:TaxTotalAmount")
        .attribute("currencyID", invoice_.vat_accounting_currency_code)
        .text(totals.vat_total_accounting_currency->to_string())
        .end();
  }
  amount("ram:RoundingAmount", totals.rounding_amount);
  amount("ram:GrandTotalAmount", totals.total_with_vat);
  amount("ram:TotalPrepaidAmount", totals.paid_amount);
  amount("ram:DuePayableAmount", totals.amount_due);
  out_.end();
}

void DocumentWriter::write_period(const model::Period& period) {
  out_.start("ram:BillingSpecifiedPeriod");
  date("ram:StartDateTime", period.start_date);
  date("ram:EndDateTime", period.end_date);
  out_.end();
}

}  // namespace einvoice::cii
