// BR-01 ... BR-65 (mandatory terms and conditional presence) of EN 16931,
// validation-1.3.16.
//
// With a document, each rule runs on the contexts and with the tests of the
// artefact of the document's syntax (core_ubl.h, core_cii.h): a rule fires
// only where its context element exists, once per context node, which is
// what partial documents (the official rule tests) need. Without a document
// (an invoice built from data), the rules run on the model: a group that is
// absent is not checked, a group that is present must have its mandatory
// terms.

#include <string>
#include <string_view>

#include "validation/en16931/core_cii.h"
#include "validation/en16931/core_table.h"
#include "validation/en16931/core_ubl.h"
#include "validation/en16931/core_xml.h"
#include "validation/rule_families.h"

namespace einvoice::validation {

namespace core {
namespace {

bool filled(const model::Text& text) {
  return text && has_content(*text);
}

bool is_credit_transfer(const model::Code& code) {
  if (!code)
    return false;
  const std::string value = normalize_space(*code);
  return value == "30" || value == "58";
}

void check_allowances(RuleContext& context, const std::vector<model::AllowanceCharge>& items,
                      Group group, int line, const Rule& amount_rule, const Rule* category_rule,
                      const Rule& reason_rule) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    const Place place{group, static_cast<int>(i), line};
    if (!item.amount)
      context.report(amount_rule, place);
    if (category_rule != nullptr && !item.vat_category_code)
      context.report(*category_rule, place);
    if (!item.reason && !item.reason_code)
      context.report(reason_rule, place);
  }
}

void check_period(RuleContext& context, const std::optional<model::Period>& period,
                  const Rule& rule, const Place& place) {
  if (period && period->start_date && period->end_date && *period->end_date < *period->start_date)
    context.report(rule, place);
}

bool same_identifier(const std::optional<model::Identifier>& a,
                     const std::optional<model::Identifier>& b) {
  return a && b && a->value == b->value;
}

void check_payee(RuleContext& context) {
  const model::Invoice& invoice = context.invoice();
  if (!invoice.payee)
    return;
  const model::Payee& payee = *invoice.payee;
  // The payee name is compared with the seller's cbc:PartyName/cbc:Name in
  // UBL (the trading name, BT-28) and with ram:Name in CII (BT-27).
  const model::Text& seller_name =
      context.is_cii() ? invoice.seller.name : invoice.seller.trading_name;
  bool holds = payee.name.has_value();
  if (holds && seller_name && *payee.name == *seller_name)
    holds = false;
  if (holds && payee.identifier) {
    for (const auto& id : invoice.seller.identifiers) {
      if (id.value == payee.identifier->value)
        holds = false;
    }
  }
  if (holds && context.is_cii() &&
      same_identifier(payee.legal_registration_identifier,
                      invoice.seller.legal_registration_identifier))
    holds = false;
  if (!holds)
    context.report(kBr17, at(Group::kPayee));
}

void check_payment(RuleContext& context) {
  const model::Invoice& invoice = context.invoice();
  if (!invoice.payment_instructions)
    return;
  const model::PaymentInstructions& payment = *invoice.payment_instructions;
  const Place place = at(Group::kPaymentInstructions);
  if (!payment.means_type_code)
    context.report(kBr49, place);
  // UBL checks BT-84 in each account and BR-61 on the payment means; CII
  // checks both in each account (an account holds BT-84 or BT-85).
  const bool credit_transfer = is_credit_transfer(payment.means_type_code);
  bool account = false;
  for (std::size_t i = 0; i < payment.credit_transfers.size(); ++i) {
    const auto& transfer = payment.credit_transfers[i];
    account = account || transfer.account_identifier.has_value();
    if (!credit_transfer)
      continue;
    const Place transfer_place = at(Group::kCreditTransfer, static_cast<int>(i));
    if (context.is_cii()) {
      if (!transfer.account_identifier && !transfer.account_name)
        continue;
      if (!transfer.account_identifier)
        context.report(kBr61, transfer_place);
    }
    if (!filled(transfer.account_identifier))
      context.report(kBr50, transfer_place);
  }
  if (context.is_ubl() && credit_transfer && !account)
    context.report(kBr61, place);
  if (payment.card && payment.card->primary_account_number &&
      normalized_length(*payment.card->primary_account_number) > 10)
    context.report(context.is_cii() ? kBr51Cii : kBr51, at(Group::kCard));
}

void check_lines(RuleContext& context) {
  const model::Invoice& invoice = context.invoice();
  for (std::size_t l = 0; l < invoice.lines.size(); ++l) {
    const model::InvoiceLine& line = invoice.lines[l];
    const int index = static_cast<int>(l);
    const Place place = in_line(index);
    if (!filled(line.identifier))
      context.report(kBr21, place);
    if (!line.invoiced_quantity)
      context.report(kBr22, place);
    if (!line.invoiced_quantity_unit)
      context.report(kBr23, place);
    if (!line.net_amount)
      context.report(kBr24, place);
    if (!filled(line.item.name))
      context.report(kBr25, place);
    if (!line.price.net_price)
      context.report(kBr26, place);
    if (!line.price.net_price || line.price.net_price->is_negative())
      context.report(kBr27, place);
    if (line.price.gross_price && line.price.gross_price->is_negative())
      context.report(kBr28, place);
    check_period(context, line.period, kBr30, in_line(index, Group::kLinePeriod));
    check_allowances(context, line.allowances, Group::kLineAllowance, index, kBr41, nullptr, kBr42);
    check_allowances(context, line.charges, Group::kLineCharge, index, kBr43, nullptr, kBr44);
    for (std::size_t a = 0; a < line.item.attributes.size(); ++a) {
      const auto& attribute = line.item.attributes[a];
      if (!attribute.name || !attribute.value)
        context.report(kBr54, in_line(index, Group::kItemAttribute, static_cast<int>(a)));
    }
    if (line.item.standard_identifier && !line.item.standard_identifier->scheme_id)
      context.report(kBr64, in_line(index, Group::kItem));
    for (const auto& classification : line.item.classification_identifiers) {
      if (!classification.scheme_id)
        context.report(kBr65, in_line(index, Group::kItem));
    }
  }
}

void check_model(RuleContext& context) {
  const model::Invoice& invoice = context.invoice();
  const Place root = at(Group::kDocument);
  if (!filled(invoice.process_control.specification_identifier))
    context.report(kBr01, root);
  if (!filled(invoice.number))
    context.report(kBr02, root);
  if (!invoice.issue_date)
    context.report(kBr03, root);
  if (!filled(invoice.type_code))
    context.report(kBr04, root);
  if (!filled(invoice.currency_code))
    context.report(kBr05, root);
  if (!filled(invoice.seller.name))
    context.report(kBr06, root);
  if (!filled(invoice.buyer.name))
    context.report(kBr07, root);
  // The CII artefact checks the country codes on the root, with or without
  // an address; the UBL artefact in the address.
  if (invoice.seller.address.empty())
    context.report(kBr08, root);
  if ((context.is_cii() || !invoice.seller.address.empty()) &&
      !filled(invoice.seller.address.country_code))
    context.report(kBr09, at(Group::kSellerAddress));
  if (invoice.buyer.address.empty())
    context.report(kBr10, root);
  if ((context.is_cii() || !invoice.buyer.address.empty()) &&
      !filled(invoice.buyer.address.country_code))
    context.report(kBr11, at(Group::kBuyerAddress));

  const model::DocumentTotals& totals = invoice.totals;
  const Place totals_place = at(Group::kTotals);
  if (!totals.line_net_total)
    context.report(kBr12, totals_place);
  if (!totals.total_without_vat)
    context.report(kBr13, totals_place);
  if (!totals.total_with_vat)
    context.report(kBr14, totals_place);
  if (!totals.amount_due)
    context.report(kBr15, totals_place);
  if (invoice.lines.empty())
    context.report(kBr16, root);

  check_payee(context);
  if (invoice.tax_representative) {
    const model::SellerTaxRepresentative& representative = *invoice.tax_representative;
    const Place place = at(Group::kTaxRepresentative);
    if (!filled(representative.name))
      context.report(kBr18, place);
    if (representative.address.empty()) {
      context.report(kBr19, place);
      if (context.is_cii())
        context.report(kBr20, place);
    } else if (!filled(representative.address.country_code)) {
      context.report(kBr20, at(Group::kTaxRepresentativeAddress));
    }
    if (!filled(representative.vat_identifier))
      context.report(kBr56, place);
  }

  check_lines(context);
  check_period(context, invoice.invoicing_period, kBr29, at(Group::kInvoicingPeriod));
  check_allowances(context, invoice.allowances, Group::kDocumentAllowance, 0, kBr31, &kBr32, kBr33);
  check_allowances(context, invoice.charges, Group::kDocumentCharge, 0, kBr36, &kBr37, kBr38);

  for (std::size_t i = 0; i < invoice.vat_breakdowns.size(); ++i) {
    const model::VatBreakdown& breakdown = invoice.vat_breakdowns[i];
    const Place place = at(Group::kVatBreakdown, static_cast<int>(i));
    if (!breakdown.taxable_amount)
      context.report(kBr45, place);
    if (!breakdown.tax_amount)
      context.report(kBr46, place);
    if (!breakdown.category_code)
      context.report(kBr47, place);
    if (!breakdown.rate &&
        (!breakdown.category_code || normalize_space(*breakdown.category_code) != "O"))
      context.report(kBr48, place);
  }

  check_payment(context);
  // BR-52 also covers the other references a syntax writes as an additional
  // document: BT-18 in both, BT-17 and BT-128 in CII.
  if (invoice.invoiced_object_identifier && !has_content(invoice.invoiced_object_identifier->value))
    context.report(kBr52, root);
  if (context.is_cii()) {
    if (invoice.tender_or_lot_reference && !has_content(*invoice.tender_or_lot_reference))
      context.report(kBr52, root);
    for (std::size_t l = 0; l < invoice.lines.size(); ++l) {
      const auto& object = invoice.lines[l].object_identifier;
      if (object && !has_content(object->value))
        context.report(kBr52, in_line(static_cast<int>(l)));
    }
  }
  for (std::size_t i = 0; i < invoice.supporting_documents.size(); ++i) {
    if (!filled(invoice.supporting_documents[i].reference))
      context.report(kBr52, at(Group::kSupportingDocument, static_cast<int>(i)));
  }
  // BR-53: UBL wants a VAT total in the accounting currency (BT-110 when it
  // is the invoice currency); CII also refuses an accounting currency equal
  // to the invoice currency.
  if (invoice.vat_accounting_currency_code) {
    const bool same_currency =
        invoice.currency_code && *invoice.currency_code == *invoice.vat_accounting_currency_code;
    bool holds = totals.vat_total_accounting_currency.has_value();
    if (same_currency)
      holds = context.is_cii() ? false : (holds || totals.vat_total.has_value());
    if (!holds)
      context.report(kBr53, totals_place);
  }
  for (std::size_t i = 0; i < invoice.preceding_invoices.size(); ++i) {
    if (!filled(invoice.preceding_invoices[i].reference))
      context.report(kBr55, at(Group::kPrecedingInvoice, static_cast<int>(i)));
  }
  if (invoice.delivery && invoice.delivery->address && !invoice.delivery->address->empty() &&
      !filled(invoice.delivery->address->country_code))
    context.report(kBr57, at(Group::kDeliveryAddress));
  if (invoice.seller.electronic_address && !invoice.seller.electronic_address->scheme_id)
    context.report(kBr62, at(Group::kSeller));
  if (invoice.buyer.electronic_address && !invoice.buyer.electronic_address->scheme_id)
    context.report(kBr63, at(Group::kBuyer));
}

}  // namespace
}  // namespace core

void check_core_rules(RuleContext& context) {
  const xml::XmlDocument* document = context.document();
  if (document == nullptr) {
    core::check_model(context);
  } else if (context.is_cii()) {
    core::CiiCore(context, document->root()).run();
  } else if (context.is_ubl()) {
    core::UblCore(context, document->root()).run();
  }
}

std::span<const Rule> core_rules() {
  return core::kRules;
}

}  // namespace einvoice::validation
