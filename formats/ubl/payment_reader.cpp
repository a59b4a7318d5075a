#include <string>

#include "formats/ubl/document_reader.h"

namespace einvoice::ubl {

using xml::XmlElement;

namespace {

constexpr AllowanceChargeTerms kDocumentAllowance{"BG-20", "BT-92", "BT-93", "BT-94",
                                                  "BT-95", "BT-96", "BT-97", "BT-98"};
constexpr AllowanceChargeTerms kDocumentCharge{"BG-21",  "BT-99",  "BT-100", "BT-101",
                                               "BT-102", "BT-103", "BT-104", "BT-105"};

// The trimmed text of an optional value, for comparing codes.
std::string_view trimmed(const model::Text& text) {
  return text ? trim_xml_space(*text) : std::string_view();
}

}  // namespace

model::PaymentInstructions& DocumentReader::payment_instructions() {
  if (!invoice_.payment_instructions)
    invoice_.payment_instructions.emplace();
  return *invoice_.payment_instructions;
}

void DocumentReader::read_payment_means(XmlElement means) {
  XmlElement code = means.child(kCbcNamespace, "PaymentMeansCode");
  model::PaymentInstructions& out = payment_instructions();
  if (!payment_means_seen_) {
    payment_means_seen_ = true;
    terms_.set_text(out.means_type_code, code, "BT-81");
  } else if (static_cast<bool>(code) != out.means_type_code.has_value() ||
             (code && trim_xml_space(code.text()) != trimmed(out.means_type_code))) {
    drop(means, "BG-16",
         "its payment means code '" + (code ? code.text() : std::string()) +
             "' differs from the first payment means ('" + out.means_type_code.value_or("") +
             "'); EN 16931 allows one payment means type per invoice");
    return;
  }
  if (auto name = code.attribute("name")) {
    if (!out.means_text) {
      out.means_text = std::move(name);
    } else if (*name != *out.means_text) {
      drop(code, "BT-82",
           "its name '" + *name + "' differs from the first ('" + *out.means_text +
               "'); EN 16931 allows BT-82 once");
    }
  }
  for_each_component(means, [&](XmlElement c, Component component, std::string_view name) {
    if (component == Component::kBasic) {
      if (name == "PaymentID") {
        std::string id = c.text();
        if (!out.remittance_information) {
          out.remittance_information = std::move(id);
        } else if (id != *out.remittance_information) {
          terms_.drop_repeated(c, "BT-83");
        }
      } else if (name == "PaymentDueDate") {
        if (credit_note_) {
          set_date(invoice_.payment_due_date, c, "BT-9");
        } else {
          drop(c, "BT-9",
               "in a UBL Invoice BT-9 is cbc:DueDate; a payment means due date is not an "
               "EN 16931 term");
        }
      }
      return;
    }
    if (component != Component::kAggregate)
      return;
    if (name == "PayeeFinancialAccount") {
      model::CreditTransfer transfer;
      for_each_component(c, [&](XmlElement e, Component ec, std::string_view en) {
        if (ec == Component::kBasic && en == "ID") {
          terms_.set_text(transfer.account_identifier, e, "BT-84");
        } else if (ec == Component::kBasic && en == "Name") {
          terms_.set_text(transfer.account_name, e, "BT-85");
        } else if (ec == Component::kAggregate && en == "FinancialInstitutionBranch") {
          set_child_text(transfer.service_provider_identifier, e, "ID", "BT-86");
        }
      });
      out.credit_transfers.push_back(std::move(transfer));
    } else if (name == "CardAccount") {
      if (out.card) {
        drop(c, "BG-18", "EN 16931 allows one payment card and the first is kept");
        return;
      }
      model::PaymentCard& card = out.card.emplace();
      set_child_text(card.primary_account_number, c, "PrimaryAccountNumberID", "BT-87");
      set_child_text(card.holder_name, c, "HolderName", "BT-88");
    } else if (name == "PaymentMandate") {
      if (payment_mandate_seen_) {
        drop(c, "BG-19", "EN 16931 allows one direct debit mandate and the first is kept");
        return;
      }
      payment_mandate_seen_ = true;
      if (!out.direct_debit)
        out.direct_debit.emplace();
      model::DirectDebit& debit = *out.direct_debit;
      set_child_text(debit.mandate_reference, c, "ID", "BT-89");
      if (XmlElement account = c.child(kCacNamespace, "PayerFinancialAccount")) {
        set_child_text(debit.debited_account_identifier, account, "ID", "BT-91");
      }
    }
  });
}

void DocumentReader::read_payment_terms(XmlElement terms) {
  bool first_terms = !payment_terms_seen_;
  payment_terms_seen_ = true;
  terms.for_each_child(kCbcNamespace, "Note", [&](XmlElement note) {
    if (first_terms && !invoice_.payment_terms) {
      invoice_.payment_terms = note.text();
    } else {
      terms_.drop_repeated(note, "BT-20");
    }
  });
}

std::optional<bool> DocumentReader::charge_indicator(XmlElement allowance_charge,
                                                     std::string_view group) {
  XmlElement indicator = allowance_charge.child(kCbcNamespace, "ChargeIndicator");
  const std::string raw = indicator.text();
  const std::string_view value = trim_xml_space(raw);
  if (value == "true" || value == "1")
    return true;
  if (value == "false" || value == "0")
    return false;
  std::string why = indicator ? "its cbc:ChargeIndicator '" + raw + "' is neither true nor false"
                              : std::string("it has no cbc:ChargeIndicator");
  terms_.dropped(allowance_charge, group,
                 "allowance or charge ignored: " + why +
                     ", so it is neither an allowance nor a "
                     "charge");
  return std::nullopt;
}

void DocumentReader::read_allowance_charge_fields(XmlElement allowance_charge,
                                                  model::AllowanceCharge& out,
                                                  const AllowanceChargeTerms& terms) {
  bool taxed = false;
  for_each_component(
      allowance_charge, [&](XmlElement c, Component component, std::string_view name) {
        if (component == Component::kBasic) {
          if (name == "Amount") {
            terms_.set_decimal(out.amount, c, terms.amount);
          } else if (name == "BaseAmount") {
            terms_.set_decimal(out.base_amount, c, terms.base_amount);
          } else if (name == "MultiplierFactorNumeric") {
            terms_.set_decimal(out.percentage, c, terms.percentage);
          } else if (name == "AllowanceChargeReason") {
            terms_.set_text(out.reason, c, terms.reason);
          } else if (name == "AllowanceChargeReasonCode") {
            terms_.set_text(out.reason_code, c, terms.reason_code);
          }
        } else if (component == Component::kAggregate && name == "TaxCategory") {
          if (terms.vat_category.empty()) {
            drop(c, terms.group, "EN 16931 gives line allowances and charges no VAT category");
          } else if (taxed) {
            drop(c, terms.vat_category, "EN 16931 allows one VAT category and the first is kept");
          } else {
            taxed = true;
            set_child_text(out.vat_category_code, c, "ID", terms.vat_category);
            terms_.set_decimal(out.vat_rate, c.child(kCbcNamespace, "Percent"), terms.vat_rate);
          }
        }
      });
}

void DocumentReader::read_document_allowance_charge(XmlElement allowance_charge) {
  auto charge = charge_indicator(allowance_charge, "BG-20");
  if (!charge)
    return;
  model::AllowanceCharge out;
  read_allowance_charge_fields(allowance_charge, out,
                               *charge ? kDocumentCharge : kDocumentAllowance);
  (*charge ? invoice_.charges : invoice_.allowances).push_back(std::move(out));
}

void DocumentReader::read_tax_totals() {
  std::string_view document_currency = trimmed(invoice_.currency_code);
  std::string_view accounting_currency = trimmed(invoice_.vat_accounting_currency_code);
  bool accounting_differs =
      invoice_.vat_accounting_currency_code && accounting_currency != document_currency;
  bool main_seen = false;
  bool accounting_seen = false;
  for (XmlElement total : tax_totals_) {
    XmlElement amount = total.child(kCbcNamespace, "TaxAmount");
    auto currency = amount.attribute("currencyID");
    bool in_accounting_currency =
        accounting_differs && currency && trim_xml_space(*currency) == accounting_currency;
    if (!main_seen && !in_accounting_currency) {
      main_seen = true;
      terms_.set_decimal(invoice_.totals.vat_total, amount, "BT-110");
      total.for_each_child(kCacNamespace, "TaxSubtotal",
                           [&](XmlElement subtotal) { read_vat_breakdown(subtotal); });
    } else if (!accounting_seen) {
      accounting_seen = true;
      terms_.set_decimal(invoice_.totals.vat_total_accounting_currency, amount, "BT-111");
      if (XmlElement subtotal = total.child(kCacNamespace, "TaxSubtotal")) {
        drop(subtotal, "BG-23",
             "VAT breakdown in the VAT accounting currency is not an EN 16931 term");
      }
    } else {
      drop(total, "BT-110",
           "EN 16931 has one VAT total in the invoice currency and one in the VAT accounting "
           "currency");
    }
  }
}

void DocumentReader::read_vat_breakdown(XmlElement subtotal) {
  model::VatBreakdown out;
  bool categorised = false;
  for_each_component(subtotal, [&](XmlElement c, Component component, std::string_view name) {
    if (component == Component::kBasic) {
      if (name == "TaxableAmount") {
        terms_.set_decimal(out.taxable_amount, c, "BT-116");
      } else if (name == "TaxAmount") {
        terms_.set_decimal(out.tax_amount, c, "BT-117");
      }
      return;
    }
    if (component != Component::kAggregate || name != "TaxCategory")
      return;
    if (categorised) {
      drop(c, "BT-118", "EN 16931 allows one VAT category per breakdown and the first is kept");
      return;
    }
    categorised = true;
    for_each_component(c, [&](XmlElement e, Component ec, std::string_view en) {
      if (ec != Component::kBasic)
        return;
      if (en == "ID") {
        terms_.set_text(out.category_code, e, "BT-118");
      } else if (en == "Percent") {
        terms_.set_decimal(out.rate, e, "BT-119");
      } else if (en == "TaxExemptionReason") {
        terms_.set_text(out.exemption_reason, e, "BT-120");
      } else if (en == "TaxExemptionReasonCode") {
        terms_.set_text(out.exemption_reason_code, e, "BT-121");
      }
    });
  });
  invoice_.vat_breakdowns.push_back(std::move(out));
}

void DocumentReader::read_monetary_total(XmlElement total) {
  model::DocumentTotals& out = invoice_.totals;
  for_each_component(total, [&](XmlElement c, Component component, std::string_view name) {
    if (component != Component::kBasic)
      return;
    if (name == "LineExtensionAmount") {
      terms_.set_decimal(out.line_net_total, c, "BT-106");
    } else if (name == "TaxExclusiveAmount") {
      terms_.set_decimal(out.total_without_vat, c, "BT-109");
    } else if (name == "TaxInclusiveAmount") {
      terms_.set_decimal(out.total_with_vat, c, "BT-112");
    } else if (name == "AllowanceTotalAmount") {
      terms_.set_decimal(out.allowance_total, c, "BT-107");
    } else if (name == "ChargeTotalAmount") {
      terms_.set_decimal(out.charge_total, c, "BT-108");
    } else if (name == "PrepaidAmount") {
      terms_.set_decimal(out.paid_amount, c, "BT-113");
    } else if (name == "PayableRoundingAmount") {
      terms_.set_decimal(out.rounding_amount, c, "BT-114");
    } else if (name == "PayableAmount") {
      terms_.set_decimal(out.amount_due, c, "BT-115");
    }
  });
}

}  // namespace einvoice::ubl
