#pragma once

// The layouts of the OCR evaluation corpus: clearly different ways French
// (and a few English and German) suppliers lay out an invoice, written as
// HTML and CSS and printed by headless Chromium, so that the pages come from
// another engine than einvoice's own renderer. Each layout fixes where the
// parties, the references, the table and the totals stand, the wording of
// every label, the date and amount notation, the font, and what kind of
// document it is (invoice, credit note, down payment, foreign currency).
// `held_out` layouts are never used while tuning extraction: figures on them
// measure how the extraction does on layouts it has not seen.

#include <string>
#include <vector>

#include "bench/layouts/invoice_data.h"

namespace einvoice::bench::layouts {

enum class Language { kFrench, kEnglish, kGerman };
enum class HeaderStyle {
  kSellerLeftTitleRight,  // letterhead left, document title and references right
  kTitleBand,             // a coloured band with the title, the seller under it
  kSellerCentered,        // centred letterhead, references below in a grid
  kWindowEnvelope,        // seller top left, buyer's address where a window envelope shows it
  kSellerRightBuyerLeft,  // buyer block top left, seller top right
  kSidebar,               // a left column with the seller's details, the rest on the right
  kPartyCards,  // title and references on top, then seller and buyer side by side in framed cards
};
enum class ReferenceStyle {
  kLabelLines,  // "Label : value" lines
  kGrid,        // a one-row table under a header row
  kInTitle,     // "FACTURE N° ... du ..." in the title
  kKeyValue,    // a two-column table: label cell, value cell
};
enum class DateFormat { kSlash, kDot, kFrenchWords, kIso, kEnglishWords, kGermanWords, kUsSlash };
enum class AmountFormat { kFrench, kGerman, kEnglish, kPlain };
enum class CurrencyMark { kSymbolAfter, kCodeAfter, kSymbolBefore, kNone };
enum class TableStyle { kBordered, kZebra, kRules };
enum class TotalsStyle { kRightBox, kRightLines, kBand, kLeftTable };
enum class IdentifierPlace { kFooter, kHeader, kBoth };

struct Layout {
  std::string id;
  bool held_out = false;
  Language language = Language::kFrench;
  std::string font;  // CSS font-family of an installed font
  int font_size_pt = 10;
  HeaderStyle header = HeaderStyle::kSellerLeftTitleRight;
  ReferenceStyle references = ReferenceStyle::kLabelLines;
  std::string title;         // "FACTURE", "Facture", "INVOICE", "Rechnung"
  std::string number_label;  // "Facture N°", "N° de facture"...
  std::string date_label;
  std::string due_label;
  std::string buyer_label;   // empty: the address alone (window envelope)
  std::string seller_label;  // empty: the letterhead says who
  DateFormat dates = DateFormat::kSlash;
  AmountFormat amounts = AmountFormat::kFrench;
  CurrencyMark currency_mark = CurrencyMark::kSymbolAfter;
  TableStyle table = TableStyle::kBordered;
  TotalsStyle totals = TotalsStyle::kRightBox;
  std::vector<std::string> totals_labels;  // excl., VAT, incl., and "due" when prepaid
  IdentifierPlace identifiers = IdentifierPlace::kFooter;
  bool vat_table = true;  // a VAT breakdown table by rate
  DataOptions data;
  bool negative_credit = false;  // a credit note printed with minus signs
  // Other references among the invoice's own: the customer's number and the
  // buyer's order ("N° client", "Votre commande"), as most suppliers print them.
  bool customer_references = false;
  // A contact person and a department in the buyer's block, after its name
  // ("À l'attention de Mme ...").
  bool buyer_contact = false;
};

// Every layout, in a fixed order: at least 20, a third of them held out.
const std::vector<Layout>& layout_catalog();

// The page as HTML (A4, CSS print margins), UTF-8.
std::string render_html(const Layout& layout, const InvoiceData& data);

// The ground truth of `data` in the evaluation's JSON form (the keys of
// `bench/ocr_eval`'s ".gt.json": invoice_number, issue_date, seller_name,
// seller_siren, seller_vat_id, buyer_name, currency, total_excl_vat,
// vat_total, total_incl_vat, amount_due, due_date, iban, type_code).
std::string ground_truth_json(const Layout& layout, const InvoiceData& data);

}  // namespace einvoice::bench::layouts
