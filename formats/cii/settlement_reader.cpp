#include <string>

#include "formats/cii/document_reader.h"
#include "formats/cii/tax_point_code.h"

namespace einvoice::cii {

using xml::XmlElement;

model::PaymentInstructions& DocumentReader::payment_instructions() {
  if (!invoice_.payment_instructions)
    invoice_.payment_instructions.emplace();
  return *invoice_.payment_instructions;
}

model::DirectDebit& DocumentReader::direct_debit() {
  model::PaymentInstructions& instructions = payment_instructions();
  if (!instructions.direct_debit)
    instructions.direct_debit.emplace();
  return *instructions.direct_debit;
}

void DocumentReader::read_settlement(XmlElement settlement) {
  XmlElement summation, payment_terms;
  for_each_ram_child(settlement, [&](XmlElement c, std::string_view name) {
    if (name == "CreditorReferenceID") {
      terms_.set_text(direct_debit().bank_assigned_creditor_id, c, "BT-90");
    } else if (name == "PaymentReference") {
      terms_.set_text(payment_instructions().remittance_information, c, "BT-83");
    } else if (name == "TaxCurrencyCode") {
      terms_.set_text(invoice_.vat_accounting_currency_code, c, "BT-6");
    } else if (name == "InvoiceCurrencyCode") {
      terms_.set_text(invoice_.currency_code, c, "BT-5");
    } else if (name == "PayeeTradeParty") {
      read_payee(c);
    } else if (name == "SpecifiedTradeSettlementPaymentMeans") {
      read_payment_means(c);
    } else if (name == "ApplicableTradeTax") {
      read_vat_breakdown(c);
    } else if (name == "BillingSpecifiedPeriod") {
      read_period(c, invoice_.invoicing_period, "BT-73", "BT-74");
    } else if (name == "SpecifiedTradeAllowanceCharge") {
      read_document_allowance_charge(c);
    } else if (name == "SpecifiedTradePaymentTerms") {
      if (payment_terms)
        return terms_.drop_repeated(c, "BT-20");
      payment_terms = c;
      read_payment_terms(c);
    } else if (name == "SpecifiedTradeSettlementHeaderMonetarySummation") {
      if (summation)
        return terms_.drop_repeated(c, "BG-22");
      summation = c;
    } else if (name == "InvoiceReferencedDocument") {
      read_preceding_invoice(c);
    } else if (name == "ReceivableSpecifiedTradeAccountingAccount") {
      if (XmlElement id = c.child(kRamNamespace, "ID")) {
        terms_.set_text(invoice_.buyer_accounting_reference, id, "BT-19");
      }
    }
  });
  if (summation)
    read_totals(summation);
}

// BG-16: one ram:SpecifiedTradeSettlementPaymentMeans per credit transfer
// account (BG-17); BT-81 and BT-82 repeat in each, the card (BG-18) and the
// debited account (BT-91) appear once.
void DocumentReader::read_payment_means(XmlElement means) {
  model::PaymentInstructions& instructions = payment_instructions();
  std::optional<model::CreditTransfer> transfer;
  auto same_or_first = [&](model::Text& field, XmlElement c, std::string_view term) {
    if (!field) {
      field = c.text();
    } else if (*field != c.text()) {
      terms_.drop_repeated(c, term);
    }
  };
  for_each_ram_child(means, [&](XmlElement c, std::string_view name) {
    if (name == "TypeCode") {
      same_or_first(instructions.means_type_code, c, "BT-81");
    } else if (name == "Information") {
      same_or_first(instructions.means_text, c, "BT-82");
    } else if (name == "ApplicableTradeSettlementFinancialCard") {
      if (instructions.card)
        return terms_.drop_repeated(c, "BG-18");
      model::PaymentCard& card = instructions.card.emplace();
      for_each_ram_child(c, [&](XmlElement field, std::string_view local) {
        if (local == "ID") {
          terms_.set_text(card.primary_account_number, field, "BT-87");
        } else if (local == "CardholderName") {
          terms_.set_text(card.holder_name, field, "BT-88");
        }
      });
    } else if (name == "PayerPartyDebtorFinancialAccount") {
      if (XmlElement iban = c.child(kRamNamespace, "IBANID")) {
        terms_.set_text(direct_debit().debited_account_identifier, iban, "BT-91");
      }
    } else if (name == "PayeePartyCreditorFinancialAccount") {
      if (!transfer)
        transfer.emplace();
      for_each_ram_child(c, [&](XmlElement field, std::string_view local) {
        if (local == "IBANID" || local == "ProprietaryID") {
          terms_.set_text(transfer->account_identifier, field, "BT-84");
        } else if (local == "AccountName") {
          terms_.set_text(transfer->account_name, field, "BT-85");
        }
      });
    } else if (name == "PayeeSpecifiedCreditorFinancialInstitution") {
      if (XmlElement bic = c.child(kRamNamespace, "BICID")) {
        if (!transfer)
          transfer.emplace();
        terms_.set_text(transfer->service_provider_identifier, bic, "BT-86");
      }
    }
  });
  if (transfer)
    instructions.credit_transfers.push_back(std::move(*transfer));
}

// BG-23. BT-7 and BT-8 are invoice terms carried by the breakdowns: the first
// value is kept and a different value in a later breakdown is reported.
void DocumentReader::read_vat_breakdown(XmlElement tax) {
  model::VatBreakdown out;
  for_each_ram_child(tax, [&](XmlElement c, std::string_view name) {
    if (name == "CalculatedAmount") {
      terms_.set_decimal(out.tax_amount, c, "BT-117");
    } else if (name == "ExemptionReason") {
      terms_.set_text(out.exemption_reason, c, "BT-120");
    } else if (name == "BasisAmount") {
      terms_.set_decimal(out.taxable_amount, c, "BT-116");
    } else if (name == "CategoryCode") {
      terms_.set_text(out.category_code, c, "BT-118");
    } else if (name == "ExemptionReasonCode") {
      terms_.set_text(out.exemption_reason_code, c, "BT-121");
    } else if (name == "TaxPointDate") {
      std::optional<model::Date> date;
      set_date(date, c, "BT-7");
      if (!date)
        return;
      if (!invoice_.vat_point_date) {
        invoice_.vat_point_date = date;
      } else if (*invoice_.vat_point_date != *date) {
        terms_.drop_repeated(c, "BT-7");
      }
    } else if (name == "DueDateTypeCode") {
      const std::string code = tax_point_code_from_cii(c.text());
      if (!invoice_.vat_point_date_code) {
        invoice_.vat_point_date_code = code;
      } else if (*invoice_.vat_point_date_code != code) {
        terms_.drop_repeated(c, "BT-8");
      }
    } else if (name == "RateApplicablePercent") {
      terms_.set_decimal(out.rate, c, "BT-119");
    }
  });
  invoice_.vat_breakdowns.push_back(std::move(out));
}

// BG-20 (ChargeIndicator false) or BG-21 (true).
void DocumentReader::read_document_allowance_charge(XmlElement allowance_charge) {
  std::optional<bool> is_charge = charge_indicator(allowance_charge, "BG-20");
  if (!is_charge)
    return;
  struct Ids {
    std::string_view amount, base, percentage, category, rate, reason, reason_code;
  };
  const Ids ids = *is_charge
                      ? Ids{"BT-99", "BT-100", "BT-101", "BT-102", "BT-103", "BT-104", "BT-105"}
                      : Ids{"BT-92", "BT-93", "BT-94", "BT-95", "BT-96", "BT-97", "BT-98"};
  model::AllowanceCharge out;
  bool category_seen = false;
  for_each_ram_child(allowance_charge, [&](XmlElement c, std::string_view name) {
    if (name == "CalculationPercent") {
      terms_.set_decimal(out.percentage, c, ids.percentage);
    } else if (name == "BasisAmount") {
      terms_.set_decimal(out.base_amount, c, ids.base);
    } else if (name == "ActualAmount") {
      terms_.set_decimal(out.amount, c, ids.amount);
    } else if (name == "ReasonCode") {
      terms_.set_text(out.reason_code, c, ids.reason_code);
    } else if (name == "Reason") {
      terms_.set_text(out.reason, c, ids.reason);
    } else if (name == "CategoryTradeTax") {
      if (category_seen)
        return terms_.drop_repeated(c, ids.category);
      category_seen = true;
      for_each_ram_child(c, [&](XmlElement field, std::string_view local) {
        if (local == "CategoryCode") {
          terms_.set_text(out.vat_category_code, field, ids.category);
        } else if (local == "RateApplicablePercent") {
          terms_.set_decimal(out.vat_rate, field, ids.rate);
        }
      });
    }
  });
  (*is_charge ? invoice_.charges : invoice_.allowances).push_back(std::move(out));
}

void DocumentReader::read_payment_terms(XmlElement terms) {
  for_each_ram_child(terms, [&](XmlElement c, std::string_view name) {
    if (name == "Description") {
      terms_.set_text(invoice_.payment_terms, c, "BT-20");
    } else if (name == "DueDateDateTime") {
      set_date(invoice_.payment_due_date, c, "BT-9");
    } else if (name == "DirectDebitMandateID") {
      terms_.set_text(direct_debit().mandate_reference, c, "BT-89");
    }
  });
}

void DocumentReader::read_totals(XmlElement summation) {
  model::DocumentTotals& totals = invoice_.totals;
  for_each_ram_child(summation, [&](XmlElement c, std::string_view name) {
    if (name == "LineTotalAmount") {
      terms_.set_decimal(totals.line_net_total, c, "BT-106");
    } else if (name == "ChargeTotalAmount") {
      terms_.set_decimal(totals.charge_total, c, "BT-108");
    } else if (name == "AllowanceTotalAmount") {
      terms_.set_decimal(totals.allowance_total, c, "BT-107");
    } else if (name == "TaxBasisTotalAmount") {
      terms_.set_decimal(totals.total_without_vat, c, "BT-109");
    } else if (name == "TaxTotalAmount") {
      // BT-111 is the total in the VAT accounting currency BT-6 when it
      // differs from BT-5; any other currencyID (or none) is BT-110.
      std::optional<std::string> currency = c.attribute("currencyID");
      const auto& tax_currency = invoice_.vat_accounting_currency_code;
      if (currency && tax_currency && *currency == *tax_currency &&
          invoice_.currency_code != tax_currency) {
        terms_.set_decimal(totals.vat_total_accounting_currency, c, "BT-111");
      } else {
        terms_.set_decimal(totals.vat_total, c, "BT-110");
      }
    } else if (name == "RoundingAmount") {
      terms_.set_decimal(totals.rounding_amount, c, "BT-114");
    } else if (name == "GrandTotalAmount") {
      terms_.set_decimal(totals.total_with_vat, c, "BT-112");
    } else if (name == "TotalPrepaidAmount") {
      terms_.set_decimal(totals.paid_amount, c, "BT-113");
    } else if (name == "DuePayableAmount") {
      terms_.set_decimal(totals.amount_due, c, "BT-115");
    }
  });
}

void DocumentReader::read_preceding_invoice(XmlElement document) {
  model::PrecedingInvoiceReference out;
  for_each_ram_child(document, [&](XmlElement c, std::string_view name) {
    if (name == "IssuerAssignedID") {
      terms_.set_text(out.reference, c, "BT-25");
    } else if (name == "FormattedIssueDateTime") {
      set_date(out.issue_date, c, "BT-26");
    }
  });
  invoice_.preceding_invoices.push_back(std::move(out));
}

void DocumentReader::read_period(XmlElement period, std::optional<model::Period>& out,
                                 std::string_view start_term, std::string_view end_term) {
  if (out)
    return terms_.drop_repeated(period, start_term);
  model::Period& result = out.emplace();
  for_each_ram_child(period, [&](XmlElement c, std::string_view name) {
    if (name == "StartDateTime") {
      set_date(result.start_date, c, start_term);
    } else if (name == "EndDateTime") {
      set_date(result.end_date, c, end_term);
    }
  });
}

}  // namespace einvoice::cii
