// BR-CO-* (calculations and co-occurrence) of EN 16931, validation-1.3.16.
//
// With a document, each rule runs on the contexts and with the tests of the
// artefact of the document's syntax (calculation_ubl.h, calculation_cii.h):
// the two artefacts differ in where a rule applies, how often it fires, and
// how they round (calculation_arithmetic.h). Without a document (an invoice
// built from data), the same arithmetic runs on the model, in the flavour of
// the invoice's syntax, and a rule whose mandatory inputs are absent does not
// evaluate (their absence is reported by BR-01 ... BR-65).

#include <vector>

#include "validation/en16931/calculation_arithmetic.h"
#include "validation/en16931/calculation_cii.h"
#include "validation/en16931/calculation_table.h"
#include "validation/en16931/calculation_ubl.h"
#include "validation/rule_families.h"

namespace einvoice::validation {

namespace calculation {
namespace {

bool present(const model::Text& text) {
  return text.has_value();
}

std::vector<Decimal> amounts_of(const std::vector<model::AllowanceCharge>& items) {
  std::vector<Decimal> out;
  for (const auto& item : items) {
    if (item.amount)
      out.push_back(*item.amount);
  }
  return out;
}

void report_if_failed(RuleContext& context, const Verdict& verdict, const Rule& rule,
                      const Place& place) {
  if (verdict && !*verdict)
    context.report(rule, place);
}

void check_allowance_reasons(RuleContext& context, const std::vector<model::AllowanceCharge>& items,
                             const Rule& rule, Group group, int line) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!present(items[i].reason) && !present(items[i].reason_code))
      context.report(rule, Place{group, static_cast<int>(i), line});
  }
}

void check_model(RuleContext& context) {
  const model::Invoice& invoice = context.invoice();
  const model::DocumentTotals& totals = invoice.totals;
  const Flavour flavour = context.is_cii() ? Flavour::kCii : Flavour::kUbl;

  if (invoice.vat_point_date && present(invoice.vat_point_date_code))
    context.report(kBrCo03, at(Group::kDocument));

  // BR-CO-09: the three VAT identifiers.
  if (invoice.seller.vat_identifier &&
      !country_prefix_holds(flavour, *invoice.seller.vat_identifier))
    context.report(kBrCo09, at(Group::kSeller));
  if (invoice.tax_representative && invoice.tax_representative->vat_identifier &&
      !country_prefix_holds(flavour, *invoice.tax_representative->vat_identifier))
    context.report(kBrCo09, at(Group::kTaxRepresentative));
  if (invoice.buyer.vat_identifier && !country_prefix_holds(flavour, *invoice.buyer.vat_identifier))
    context.report(kBrCo09, at(Group::kBuyer));

  // BR-CO-10 ... BR-CO-13, BR-CO-16 on the document totals.
  if (totals.line_net_total) {
    std::vector<Decimal> lines;
    for (const auto& line : invoice.lines) {
      if (line.net_amount)
        lines.push_back(*line.net_amount);
    }
    report_if_failed(context, line_total_holds(flavour, Term::of(totals.line_net_total), lines),
                     kBrCo10, at(Group::kTotals));
  }
  report_if_failed(context,
                   allowance_total_holds(flavour, Term::of(totals.allowance_total),
                                         invoice.allowances.size(), amounts_of(invoice.allowances)),
                   kBrCo11, at(Group::kTotals));
  report_if_failed(context,
                   allowance_total_holds(flavour, Term::of(totals.charge_total),
                                         invoice.charges.size(), amounts_of(invoice.charges)),
                   kBrCo12, at(Group::kTotals));
  if (totals.total_without_vat && totals.line_net_total) {
    report_if_failed(
        context,
        total_without_vat_holds(flavour, Term::of(totals.total_without_vat),
                                Term::of(totals.line_net_total), Term::of(totals.allowance_total),
                                Term::of(totals.charge_total)),
        kBrCo13, at(Group::kTotals));
  }
  if (totals.vat_total && !invoice.vat_breakdowns.empty()) {
    std::vector<Decimal> amounts;
    for (const auto& breakdown : invoice.vat_breakdowns) {
      if (breakdown.tax_amount)
        amounts.push_back(*breakdown.tax_amount);
    }
    report_if_failed(context, vat_total_holds(flavour, Term::of(totals.vat_total), true, amounts),
                     kBrCo14, at(Group::kTotals));
  }
  if (totals.total_with_vat && totals.total_without_vat && present(invoice.currency_code)) {
    report_if_failed(context,
                     total_with_vat_holds(flavour, Term::of(totals.total_with_vat),
                                          Term::of(totals.total_without_vat),
                                          totals.vat_total ? 1 : 0, Term::of(totals.vat_total)),
                     kBrCo15, at(Group::kDocument));
  }
  if (totals.amount_due && totals.total_with_vat) {
    report_if_failed(
        context,
        amount_due_holds(flavour, Term::of(totals.amount_due), Term::of(totals.total_with_vat),
                         Term::of(totals.paid_amount), Term::of(totals.rounding_amount)),
        kBrCo16, at(Group::kTotals));
  }

  // BR-CO-17, BR-CO-18 on the VAT breakdown.
  for (std::size_t i = 0; i < invoice.vat_breakdowns.size(); ++i) {
    const auto& breakdown = invoice.vat_breakdowns[i];
    report_if_failed(
        context,
        category_tax_holds(flavour, Term::of(breakdown.tax_amount),
                           Term::of(breakdown.taxable_amount), Term::of(breakdown.rate)),
        kBrCo17, at(Group::kVatBreakdown, static_cast<int>(i)));
  }
  if (invoice.vat_breakdowns.empty())
    context.report(kBrCo18, at(Group::kDocument));

  if (invoice.invoicing_period && !invoice.invoicing_period->start_date &&
      !invoice.invoicing_period->end_date)
    context.report(kBrCo19, at(Group::kInvoicingPeriod));

  check_allowance_reasons(context, invoice.allowances, kBrCo21, Group::kDocumentAllowance, 0);
  check_allowance_reasons(context, invoice.charges, kBrCo22, Group::kDocumentCharge, 0);

  for (std::size_t l = 0; l < invoice.lines.size(); ++l) {
    const auto& line = invoice.lines[l];
    const int index = static_cast<int>(l);
    if (!present(line.vat.category_code))
      context.report(kBrCo04, in_line(index));
    if (line.period && !line.period->start_date && !line.period->end_date)
      context.report(kBrCo20, in_line(index, Group::kLinePeriod));
    check_allowance_reasons(context, line.allowances, kBrCo23, Group::kLineAllowance, index);
    check_allowance_reasons(context, line.charges, kBrCo24, Group::kLineCharge, index);
  }

  const model::Seller& seller = invoice.seller;
  if (seller.identifiers.empty() && !seller.legal_registration_identifier &&
      !present(seller.vat_identifier))
    context.report(kBrCo26, at(Group::kSeller));
}

}  // namespace
}  // namespace calculation

void check_calculation_rules(RuleContext& context) {
  const xml::XmlDocument* document = context.document();
  if (document == nullptr) {
    calculation::check_model(context);
  } else if (context.is_cii()) {
    calculation::CiiCalculation(context, document->root()).run();
  } else if (context.is_ubl()) {
    calculation::UblCalculation(context, document->root()).run();
  }
}

std::span<const Rule> calculation_rules() {
  return calculation::kRules;
}

}  // namespace einvoice::validation
