#include "render/invoice_layout.h"

#include <array>
#include <string_view>
#include <utility>
#include <vector>

#include "render/labels.h"
#include "render/number_format.h"

namespace einvoice::render {
namespace {

using model::Amount;
using model::Text;

constexpr double kColumnGap = 20;
constexpr double kHalfWidth = (PageComposer::kContentWidth - kColumnGap) / 2;
constexpr double kPairLabelWidth = 150;
constexpr double kPartyLabelWidth = 90;
constexpr double kMetaLabelWidth = 115;

// The text of a term, or nullptr when absent or blank.
const std::string* text_of(const Text& text) {
  if (!text)
    return nullptr;
  for (char c : *text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
      return &*text;
  }
  return nullptr;
}

// A number as the reader's language writes it (render/number_format.h), or
// empty when absent.
std::string amount_text(const Amount& amount, Language language) {
  return amount ? format_number(*amount, language) : std::string();
}

// A unit of measure code (BT-130, BT-150) by its name or symbol; an unknown
// code as written.
std::string unit_text(const model::Code& code, Language language) {
  if (!code)
    return {};
  const std::string_view name = unit_label(language, *code);
  return name.empty() ? *code : std::string(name);
}

std::string date_text(const std::optional<model::Date>& date, Language language) {
  if (!date)
    return {};
  if (language == Language::kEnglish)
    return date->to_iso();
  auto two = [](int value) {
    std::string text = std::to_string(value);
    return text.size() < 2 ? "0" + text : text;
  };
  std::string year = std::to_string(date->year);
  while (year.size() < 4)
    year.insert(year.begin(), '0');
  return two(date->day) + "/" + two(date->month) + "/" + year;
}

bool is_credit_note(std::string_view code) {
  static constexpr std::array<std::string_view, 11> kCreditNotes = {
      "81", "83", "261", "262", "296", "308", "381", "396", "420", "458", "532"};
  for (std::string_view credit : kCreditNotes) {
    if (code == credit)
      return true;
  }
  return false;
}

std::string join(std::initializer_list<const std::string*> parts, std::string_view separator) {
  std::string out;
  for (const std::string* part : parts) {
    if (!part)
      continue;
    if (!out.empty())
      out += separator;
    out += *part;
  }
  return out;
}

// "Facture", "Avoir", "Credit note"... from BT-3.
std::string kind_title(const model::Invoice& invoice, Language language) {
  const Labels& labels = labels_for(language);
  const std::string code = invoice.type_code.value_or("");
  if (is_credit_note(code))
    return labels.title_credit_note;
  if (code == "384")
    return labels.title_corrected_invoice;
  if (code == "386")
    return labels.title_prepayment_invoice;
  return labels.title_invoice;
}

class InvoiceLayout {
 public:
  InvoiceLayout(const model::Invoice& invoice, Language language, PageComposer& composer)
      : invoice_(invoice),
        language_(language),
        labels_(labels_for(language)),
        composer_(composer) {}

  void compose() {
    composer_.set_running_header(
        to_u32(document_title(invoice_, language_) + " " + labels_.continued));
    heading();
    references();
    lines();
    allowances_and_charges();
    vat_breakdown();
    totals();
    payment();
    notes();
    supporting_documents();
  }

 private:
  void pair(Block& block, const char* label, const std::string& value, double label_width,
            double width, FontStyle style = FontStyle::kRegular) const {
    if (value.empty())
      return;
    composer_.add_pair(block, to_u32(label), to_u32(value), label_width, width, style);
  }
  void pair(Block& block, const char* label, const Text& value, double label_width,
            double width) const {
    if (const std::string* text = text_of(value))
      pair(block, label, *text, label_width, width);
  }
  void line(Block& block, const std::string& text, double width,
            FontStyle style = FontStyle::kRegular, double size = 8.5) const {
    if (!text.empty())
      composer_.add_paragraph(block, to_u32(text), style, size, 0, width);
  }
  void line(Block& block, const Text& text, double width) const {
    if (const std::string* value = text_of(text))
      line(block, *value, width);
  }
  void caption(Block& block, const char* text, double width) const {
    composer_.add_paragraph(block, to_u32(text), FontStyle::kBold, 8, 0, width, Align::kLeft, 0.4);
  }

  std::string identifier_text(const std::optional<model::Identifier>& id) const {
    if (!id || id->value.empty())
      return {};
    return id->value;
  }

  // "SIREN" for scheme 0002 (or nine digits without a scheme), "SIRET" for
  // 0009, a generic label otherwise.
  const char* legal_label(const model::Identifier* id) const {
    const std::string scheme = id && id->scheme_id ? *id->scheme_id : "";
    if (scheme == "0002")
      return labels_.siren;
    if (scheme == "0009")
      return labels_.siret;
    if (scheme.empty() && id && id->value.size() == 9 &&
        id->value.find_first_not_of("0123456789") == std::string::npos)
      return labels_.siren;
    return labels_.legal_id;
  }
  const char* legal_label(const std::optional<model::Identifier>& id) const {
    return legal_label(id ? &*id : nullptr);
  }

  void address(Block& block, const model::PostalAddress& address, double width) const {
    line(block, address.line1, width);
    line(block, address.line2, width);
    line(block, address.line3, width);
    line(block, join({text_of(address.post_code), text_of(address.city)}, " "), width);
    line(block, join({text_of(address.country_subdivision), text_of(address.country_code)}, ", "),
         width);
  }

  void contact(Block& block, const std::optional<model::Contact>& contact, double width) const {
    if (!contact)
      return;
    pair(block, labels_.contact, contact->point, kPartyLabelWidth, width);
    pair(block, labels_.phone, contact->telephone, kPartyLabelWidth, width);
    pair(block, labels_.email, contact->email, kPartyLabelWidth, width);
  }

  Block seller_block(double width) const {
    const model::Seller& seller = invoice_.seller;
    Block block;
    caption(block, labels_.seller, width);
    line(block, text_of(seller.name) ? *seller.name : "", width, FontStyle::kBold, 10);
    pair(block, labels_.trading_name, seller.trading_name, kPartyLabelWidth, width);
    address(block, seller.address, width);
    pair(block, legal_label(seller.legal_registration_identifier),
         identifier_text(seller.legal_registration_identifier), kPartyLabelWidth, width);
    pair(block, labels_.vat_id, seller.vat_identifier, kPartyLabelWidth, width);
    pair(block, labels_.tax_registration, seller.tax_registration_identifier, kPartyLabelWidth,
         width);
    for (const model::Identifier& id : seller.identifiers) {
      const char* label = legal_label(&id) == labels_.siret ? labels_.siret : labels_.identifier;
      pair(block, label, id.value, kPartyLabelWidth, width);
    }
    pair(block, labels_.electronic_address, identifier_text(seller.electronic_address),
         kPartyLabelWidth, width);
    contact(block, seller.contact, width);
    line(block, seller.additional_legal_information, width);
    if (block.size() == 1)
      block.clear();  // nothing under the caption
    return block;
  }

  Block buyer_block(double width) const {
    const model::Buyer& buyer = invoice_.buyer;
    Block block;
    caption(block, labels_.buyer, width);
    line(block, text_of(buyer.name) ? *buyer.name : "", width, FontStyle::kBold, 10);
    pair(block, labels_.trading_name, buyer.trading_name, kPartyLabelWidth, width);
    address(block, buyer.address, width);
    pair(block, legal_label(buyer.legal_registration_identifier),
         identifier_text(buyer.legal_registration_identifier), kPartyLabelWidth, width);
    pair(block, labels_.vat_id, buyer.vat_identifier, kPartyLabelWidth, width);
    pair(block, labels_.identifier, identifier_text(buyer.identifier), kPartyLabelWidth, width);
    pair(block, labels_.electronic_address, identifier_text(buyer.electronic_address),
         kPartyLabelWidth, width);
    contact(block, buyer.contact, width);
    if (block.size() == 1)
      block.clear();  // nothing under the caption
    return block;
  }

  Block meta_block(double width) const {
    Block block;
    const bool credit = is_credit_note(invoice_.type_code.value_or(""));
    pair(block, credit ? labels_.credit_note_number : labels_.invoice_number,
         text_of(invoice_.number) ? *invoice_.number : "", kMetaLabelWidth, width,
         FontStyle::kBold);
    pair(block, labels_.issue_date, date_text(invoice_.issue_date, language_), kMetaLabelWidth,
         width);
    pair(block, labels_.due_date, date_text(invoice_.payment_due_date, language_), kMetaLabelWidth,
         width);
    pair(block, labels_.currency, invoice_.currency_code, kMetaLabelWidth, width);
    pair(block, labels_.vat_currency, invoice_.vat_accounting_currency_code, kMetaLabelWidth,
         width);
    pair(block, labels_.vat_point_date, date_text(invoice_.vat_point_date, language_),
         kMetaLabelWidth, width);
    if (invoice_.invoicing_period)
      pair(block, labels_.invoicing_period, period_text(*invoice_.invoicing_period),
           kMetaLabelWidth, width);
    return block;
  }

  std::string period_text(const model::Period& period) const {
    const std::string start = date_text(period.start_date, language_);
    const std::string end = date_text(period.end_date, language_);
    if (!start.empty() && !end.empty())
      return start + labels_.period_separator + end;
    return start.empty() ? end : start;
  }

  // Payee, tax representative and delivery, each only when it has content.
  Block others_block(double width) const {
    Block block;
    auto append = [&block](Block part) {
      if (part.size() <= 1)
        return;  // a caption alone
      if (!block.empty())
        spacer(block);
      for (VisualLine& visual : part)
        block.push_back(std::move(visual));
    };
    if (invoice_.payee) {
      const model::Payee& payee = *invoice_.payee;
      Block part;
      caption(part, labels_.payee, width);
      line(part, text_of(payee.name) ? *payee.name : "", width, FontStyle::kBold);
      pair(part, labels_.identifier, identifier_text(payee.identifier), kPartyLabelWidth, width);
      pair(part, legal_label(payee.legal_registration_identifier),
           identifier_text(payee.legal_registration_identifier), kPartyLabelWidth, width);
      append(std::move(part));
    }
    if (invoice_.tax_representative) {
      const model::SellerTaxRepresentative& representative = *invoice_.tax_representative;
      Block part;
      caption(part, labels_.tax_representative, width);
      line(part, text_of(representative.name) ? *representative.name : "", width, FontStyle::kBold);
      address(part, representative.address, width);
      pair(part, labels_.vat_id, representative.vat_identifier, kPartyLabelWidth, width);
      append(std::move(part));
    }
    if (invoice_.delivery) {
      const model::DeliveryInformation& delivery = *invoice_.delivery;
      Block part;
      caption(part, labels_.delivery, width);
      line(part, text_of(delivery.party_name) ? *delivery.party_name : "", width, FontStyle::kBold);
      pair(part, labels_.identifier, identifier_text(delivery.location_identifier),
           kPartyLabelWidth, width);
      pair(part, labels_.delivery_date, date_text(delivery.actual_delivery_date, language_),
           kPartyLabelWidth, width);
      if (delivery.address)
        address(part, *delivery.address, width);
      append(std::move(part));
    }
    return block;
  }

  static void spacer(Block& block) { block.push_back(VisualLine{6, {}}); }

  void heading() {
    composer_.big_title(to_u32(kind_title(invoice_, language_)));
    const Block seller = seller_block(kHalfWidth);
    const Block meta = meta_block(kHalfWidth);
    composer_.emit({{0, &seller}, {kHalfWidth + kColumnGap, &meta}});
    composer_.skip(12);
    const Block others = others_block(kHalfWidth);
    const Block buyer = buyer_block(kHalfWidth);
    composer_.emit({{0, &others}, {kHalfWidth + kColumnGap, &buyer}});
    composer_.skip(8);
  }

  void references() {
    const double width = PageComposer::kContentWidth;
    Block block;
    pair(block, labels_.buyer_reference, invoice_.buyer_reference, kPairLabelWidth, width);
    pair(block, labels_.purchase_order, invoice_.purchase_order_reference, kPairLabelWidth, width);
    pair(block, labels_.sales_order, invoice_.sales_order_reference, kPairLabelWidth, width);
    pair(block, labels_.contract, invoice_.contract_reference, kPairLabelWidth, width);
    pair(block, labels_.project, invoice_.project_reference, kPairLabelWidth, width);
    pair(block, labels_.receiving_advice, invoice_.receiving_advice_reference, kPairLabelWidth,
         width);
    pair(block, labels_.despatch_advice, invoice_.despatch_advice_reference, kPairLabelWidth,
         width);
    pair(block, labels_.tender, invoice_.tender_or_lot_reference, kPairLabelWidth, width);
    pair(block, labels_.invoiced_object, identifier_text(invoice_.invoiced_object_identifier),
         kPairLabelWidth, width);
    pair(block, labels_.buyer_accounting, invoice_.buyer_accounting_reference, kPairLabelWidth,
         width);
    for (const model::PrecedingInvoiceReference& preceding : invoice_.preceding_invoices) {
      const std::string date = date_text(preceding.issue_date, language_);
      pair(block, labels_.preceding_invoice,
           join({text_of(preceding.reference), date.empty() ? nullptr : &date}, " - "),
           kPairLabelWidth, width);
    }
    if (block.empty())
      return;
    composer_.section_title(to_u32(labels_.references));
    composer_.emit(block);
  }

  std::string line_details(const model::InvoiceLine& line) const {
    std::string detail;
    auto add = [&detail](const std::string& text) {
      if (text.empty())
        return;
      if (!detail.empty())
        detail += '\n';
      detail += text;
    };
    if (const std::string* description = text_of(line.item.description))
      add(*description);
    if (const std::string* note = text_of(line.note))
      add(*note);
    if (line.period) {
      const std::string period = period_text(*line.period);
      if (!period.empty())
        add(std::string(labels_.line_period) + " : " + period);
    }
    auto allowance_charge = [&](const model::AllowanceCharge& item, const char* label) {
      std::string text = std::string(label) + " : " + amount_text(item.amount, language_);
      if (item.percentage)
        text += " (" + amount_text(item.percentage, language_) + " %)";
      if (const std::string* reason = text_of(item.reason))
        text += " " + *reason;
      add(text);
    };
    for (const model::AllowanceCharge& item : line.allowances)
      allowance_charge(item, labels_.line_allowance);
    for (const model::AllowanceCharge& item : line.charges)
      allowance_charge(item, labels_.line_charge);
    return detail;
  }

  void lines() {
    if (invoice_.lines.empty())
      return;
    const std::vector<Column> columns = {
        {42, Align::kLeft, to_u32(labels_.col_line_id)},
        {193, Align::kLeft, to_u32(labels_.col_item)},
        {55, Align::kRight, to_u32(labels_.col_quantity)},
        {35, Align::kLeft, to_u32(labels_.col_unit)},
        {70, Align::kRight, to_u32(labels_.col_unit_price)},
        {42, Align::kRight, to_u32(labels_.col_vat_rate)},
        {78, Align::kRight, to_u32(labels_.col_net_amount)},
    };
    std::vector<std::vector<Cell>> rows;
    rows.reserve(invoice_.lines.size());
    for (const model::InvoiceLine& line : invoice_.lines) {
      std::vector<Cell> row(columns.size());
      row[0].text = to_u32(line.identifier.value_or(""));
      row[1].text = to_u32(line.item.name.value_or(""));
      row[1].detail = to_u32(line_details(line));
      row[2].text = to_u32(amount_text(line.invoiced_quantity, language_));
      row[3].text = to_u32(unit_text(line.invoiced_quantity_unit, language_));
      row[4].text = to_u32(amount_text(line.price.net_price, language_));
      if (line.price.base_quantity)
        row[4].detail = to_u32("/ " + amount_text(line.price.base_quantity, language_) + " " +
                               unit_text(line.price.base_quantity_unit, language_));
      row[5].text = to_u32(line.vat.rate ? amount_text(line.vat.rate, language_)
                                         : line.vat.category_code.value_or(""));
      row[6].text = to_u32(amount_text(line.net_amount, language_));
      rows.push_back(std::move(row));
    }
    composer_.section_title(to_u32(labels_.lines));
    composer_.table(columns, rows);
  }

  std::string vat_text(const model::Code& category, const Amount& rate) const {
    std::string text = category.value_or("");
    if (rate) {
      if (!text.empty())
        text += ' ';
      text += amount_text(rate, language_) + " %";
    }
    return text;
  }

  void allowances_and_charges() {
    if (invoice_.allowances.empty() && invoice_.charges.empty())
      return;
    const std::vector<Column> columns = {
        {60, Align::kLeft, to_u32(labels_.col_kind)},
        {185, Align::kLeft, to_u32(labels_.col_reason)},
        {75, Align::kRight, to_u32(labels_.col_base)},
        {45, Align::kRight, to_u32(labels_.col_percentage)},
        {70, Align::kRight, to_u32(labels_.col_vat)},
        {80, Align::kRight, to_u32(labels_.col_amount)},
    };
    std::vector<std::vector<Cell>> rows;
    auto add = [&](const model::AllowanceCharge& item, const char* kind) {
      std::vector<Cell> row(columns.size());
      row[0].text = to_u32(kind);
      std::string reason = item.reason.value_or("");
      if (item.reason_code) {
        if (!reason.empty())
          reason += ' ';
        reason += "(" + *item.reason_code + ")";
      }
      row[1].text = to_u32(reason);
      row[2].text = to_u32(amount_text(item.base_amount, language_));
      row[3].text = to_u32(amount_text(item.percentage, language_));
      row[4].text = to_u32(vat_text(item.vat_category_code, item.vat_rate));
      row[5].text = to_u32(amount_text(item.amount, language_));
      rows.push_back(std::move(row));
    };
    for (const model::AllowanceCharge& item : invoice_.allowances)
      add(item, labels_.allowance);
    for (const model::AllowanceCharge& item : invoice_.charges)
      add(item, labels_.charge);
    composer_.section_title(to_u32(labels_.allowances_charges));
    composer_.table(columns, rows);
  }

  void vat_breakdown() {
    if (invoice_.vat_breakdowns.empty())
      return;
    const std::vector<Column> columns = {
        {150, Align::kLeft, to_u32(labels_.col_category)},
        {60, Align::kRight, to_u32(labels_.col_rate)},
        {95, Align::kRight, to_u32(labels_.col_taxable)},
        {95, Align::kRight, to_u32(labels_.col_vat_amount)},
        {115, Align::kLeft, to_u32(labels_.col_exemption)},
    };
    std::vector<std::vector<Cell>> rows;
    for (const model::VatBreakdown& vat : invoice_.vat_breakdowns) {
      std::vector<Cell> row(columns.size());
      const std::string code = vat.category_code.value_or("");
      const std::string_view name = vat_category_label(language_, code);
      row[0].text = to_u32(name.empty() ? code : code + " - " + std::string(name));
      row[1].text = to_u32(amount_text(vat.rate, language_));
      row[2].text = to_u32(amount_text(vat.taxable_amount, language_));
      row[3].text = to_u32(amount_text(vat.tax_amount, language_));
      std::string exemption = vat.exemption_reason.value_or("");
      if (vat.exemption_reason_code) {
        if (!exemption.empty())
          exemption += ' ';
        exemption += "(" + *vat.exemption_reason_code + ")";
      }
      row[4].text = to_u32(exemption);
      rows.push_back(std::move(row));
    }
    composer_.section_title(to_u32(labels_.vat_breakdown));
    composer_.table(columns, rows);
  }

  void totals() {
    const model::DocumentTotals& t = invoice_.totals;
    constexpr double kWidth = 300;
    constexpr double kLabelWidth = 190;
    Block block;
    const std::string* currency = text_of(invoice_.currency_code);
    const std::string* accounting_currency = text_of(invoice_.vat_accounting_currency_code);
    // Each total with its currency sign or code, "1 234,56 €" / "€1,234.56".
    auto add = [&](const char* label, const Amount& amount, bool strong = false,
                   const std::string* in_currency = nullptr) {
      if (!amount)
        return;
      const std::string* code = in_currency ? in_currency : currency;
      composer_.add_pair(block, to_u32(label),
                         to_u32(format_amount(*amount, code ? *code : "", language_)), kLabelWidth,
                         kWidth, strong ? FontStyle::kBold : FontStyle::kRegular,
                         strong ? 9.5 : 8.5, Align::kRight);
    };
    add(labels_.line_total, t.line_net_total);
    add(labels_.allowance_total, t.allowance_total);
    add(labels_.charge_total, t.charge_total);
    add(labels_.total_without_vat, t.total_without_vat, true);
    add(labels_.vat_total, t.vat_total);
    std::string accounting = labels_.vat_total_accounting;
    if (accounting_currency)
      accounting += " " + *accounting_currency;
    add(accounting.c_str(), t.vat_total_accounting_currency, false, accounting_currency);
    add(labels_.total_with_vat, t.total_with_vat, true);
    add(labels_.paid, t.paid_amount);
    add(labels_.rounding, t.rounding_amount);
    add(labels_.amount_due, t.amount_due, true);
    if (block.empty())
      return;
    std::string title = labels_.totals;
    if (currency)
      title += " (" + *currency + ")";
    composer_.section_title(to_u32(title));
    composer_.emit(block, PageComposer::kContentWidth - kWidth);
  }

  void payment() {
    const double width = PageComposer::kContentWidth;
    Block block;
    pair(block, labels_.payment_terms, invoice_.payment_terms, kPairLabelWidth, width);
    if (invoice_.payment_instructions) {
      const model::PaymentInstructions& p = *invoice_.payment_instructions;
      const std::string code = p.means_type_code.value_or("");
      const std::string_view name = payment_means_label(language_, code);
      std::string means = name.empty() ? code : std::string(name) + " (" + code + ")";
      if (const std::string* text = text_of(p.means_text))
        means += (means.empty() ? "" : " - ") + *text;
      pair(block, labels_.payment_means, means, kPairLabelWidth, width);
      pair(block, labels_.remittance, p.remittance_information, kPairLabelWidth, width);
      for (const model::CreditTransfer& transfer : p.credit_transfers) {
        pair(block, labels_.account, transfer.account_identifier, kPairLabelWidth, width);
        pair(block, labels_.account_name, transfer.account_name, kPairLabelWidth, width);
        pair(block, labels_.bic, transfer.service_provider_identifier, kPairLabelWidth, width);
      }
      if (p.card) {
        pair(block, labels_.card, p.card->primary_account_number, kPairLabelWidth, width);
        pair(block, labels_.card_holder, p.card->holder_name, kPairLabelWidth, width);
      }
      if (p.direct_debit) {
        pair(block, labels_.mandate, p.direct_debit->mandate_reference, kPairLabelWidth, width);
        pair(block, labels_.creditor_id, p.direct_debit->bank_assigned_creditor_id, kPairLabelWidth,
             width);
        pair(block, labels_.debited_account, p.direct_debit->debited_account_identifier,
             kPairLabelWidth, width);
      }
    }
    if (block.empty())
      return;
    composer_.section_title(to_u32(labels_.payment));
    composer_.emit(block);
  }

  void notes() {
    const double width = PageComposer::kContentWidth;
    Block block;
    for (const model::InvoiceNote& note : invoice_.notes) {
      const std::string* text = text_of(note.note);
      if (!text)
        continue;
      if (const std::string* code = text_of(note.subject_code)) {
        const std::string_view name = note_subject_label(language_, *code);
        const std::string label = name.empty() ? *code : std::string(name) + " (" + *code + ")";
        composer_.add_paragraph(block, to_u32(label), FontStyle::kBold, 8.5, 0, width, Align::kLeft,
                                0.3);
      }
      composer_.add_paragraph(block, to_u32(*text), FontStyle::kRegular, 8.5, 0, width);
      spacer(block);
    }
    if (block.empty())
      return;
    composer_.section_title(to_u32(labels_.notes));
    composer_.emit(block);
  }

  void supporting_documents() {
    const double width = PageComposer::kContentWidth;
    Block block;
    for (const model::SupportingDocument& document : invoice_.supporting_documents) {
      const std::string* filename = document.attachment && document.attachment->filename
                                        ? &*document.attachment->filename
                                        : nullptr;
      const std::string value = join(
          {text_of(document.description), text_of(document.external_location), filename}, " - ");
      const std::string reference = document.reference.value_or("");
      if (reference.empty() && value.empty())
        continue;
      composer_.add_pair(block, to_u32(reference), to_u32(value), kPairLabelWidth, width);
    }
    if (block.empty())
      return;
    composer_.section_title(to_u32(labels_.supporting_documents));
    composer_.emit(block);
  }

  const model::Invoice& invoice_;
  Language language_;
  const Labels& labels_;
  PageComposer& composer_;
};

}  // namespace

std::string document_title(const model::Invoice& invoice, Language language) {
  std::string title = kind_title(invoice, language);
  if (const std::string* number = text_of(invoice.number))
    title += " " + *number;
  return title;
}

void compose_invoice(const model::Invoice& invoice, Language language, PageComposer& composer) {
  InvoiceLayout(invoice, language, composer).compose();
}

}  // namespace einvoice::render
