// The HTML of one invoice in one layout (layout_catalog.h).
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "bench/layouts/layout_catalog.h"

namespace einvoice::bench::layouts {
namespace {

std::string escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Digits of `value` grouped by three with `separator`.
std::string grouped(long long value, const char* separator) {
  std::string digits = std::to_string(value);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0)
      out += separator;
    out += digits[i];
  }
  return out;
}

std::string currency_symbol(const std::string& code) {
  if (code == "EUR")
    return "€";
  if (code == "USD")
    return "$";
  if (code == "GBP")
    return "£";
  return code;  // CHF is written as its code
}

class Printer {
 public:
  Printer(const Layout& layout, const InvoiceData& data) : l_(layout), d_(data) {}

  std::string amount(std::int64_t cents, bool with_currency = true) const {
    if (d_.credit_note && l_.negative_credit)
      cents = -cents;
    const long long units = std::llabs(cents) / 100;
    const long long hundredths = std::llabs(cents) % 100;
    char decimals[4];
    std::snprintf(decimals, sizeof decimals, "%02lld", hundredths);
    std::string number;
    switch (l_.amounts) {
      case AmountFormat::kFrench:
        number = grouped(units, "\u202f") + "," + decimals;  // narrow no-break space
        break;
      case AmountFormat::kGerman:
        number = grouped(units, ".") + "," + decimals;
        break;
      case AmountFormat::kEnglish:
        number = grouped(units, ",") + "." + decimals;
        break;
      case AmountFormat::kPlain:
        number = std::to_string(units) + "." + decimals;
        break;
    }
    if (cents < 0)
      number = "-" + number;
    if (!with_currency)
      return number;
    switch (l_.currency_mark) {
      case CurrencyMark::kSymbolAfter:
        return number + "\u00a0" + currency_symbol(d_.currency);
      case CurrencyMark::kCodeAfter:
        return number + " " + d_.currency;
      case CurrencyMark::kSymbolBefore:
        return currency_symbol(d_.currency) + number;
      case CurrencyMark::kNone:
        break;
    }
    return number;
  }

  std::string date(const Date& date) const {
    static const char* const kFrench[] = {"janvier",   "février", "mars",     "avril",
                                          "mai",       "juin",    "juillet",  "août",
                                          "septembre", "octobre", "novembre", "décembre"};
    static const char* const kEnglish[] = {"January",   "February", "March",    "April",
                                           "May",       "June",     "July",     "August",
                                           "September", "October",  "November", "December"};
    static const char* const kGerman[] = {"Januar",    "Februar", "März",     "April",
                                          "Mai",       "Juni",    "Juli",     "August",
                                          "September", "Oktober", "November", "Dezember"};
    char text[64];
    switch (l_.dates) {
      case DateFormat::kSlash:
        std::snprintf(text, sizeof text, "%02d/%02d/%04d", date.day, date.month, date.year);
        break;
      case DateFormat::kDot:
        std::snprintf(text, sizeof text, "%02d.%02d.%04d", date.day, date.month, date.year);
        break;
      case DateFormat::kIso:
        return iso_date(date);
      case DateFormat::kFrenchWords:
        std::snprintf(text, sizeof text, "%d %s %04d", date.day, kFrench[date.month - 1],
                      date.year);
        break;
      case DateFormat::kEnglishWords:
        std::snprintf(text, sizeof text, "%d %s %04d", date.day, kEnglish[date.month - 1],
                      date.year);
        break;
      case DateFormat::kGermanWords:
        std::snprintf(text, sizeof text, "%d. %s %04d", date.day, kGerman[date.month - 1],
                      date.year);
        break;
      case DateFormat::kUsSlash:
        std::snprintf(text, sizeof text, "%02d/%02d/%04d", date.month, date.day, date.year);
        break;
    }
    return text;
  }

  std::string rate(int basis_points) const {
    const int units = basis_points / 100, hundredths = basis_points % 100;
    std::string text = std::to_string(units);
    if (hundredths != 0) {
      const bool comma = l_.amounts == AmountFormat::kFrench || l_.amounts == AmountFormat::kGerman;
      text += (comma ? "," : ".") + std::to_string(hundredths / 10);
    }
    return text + " %";
  }

  std::string iban() const {
    std::string out;
    for (std::size_t i = 0; i < d_.iban.size(); ++i) {
      if (i > 0 && i % 4 == 0)
        out += ' ';
      out += d_.iban[i];
    }
    return out;
  }

  bool french() const { return l_.language == Language::kFrench; }
  bool german() const { return l_.language == Language::kGerman; }
  const char* pick(const char* fr, const char* en, const char* de) const {
    return french() ? fr : german() ? de : en;
  }

  // A number derived from the invoice's own, so that the same invoice always
  // prints the same references without drawing from the data's generator.
  unsigned derived(unsigned salt) const {
    unsigned h = 2166136261u ^ salt;
    for (char c : d_.number)
      h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
  }
  std::string customer_number() const {
    char text[16];
    std::snprintf(text, sizeof text, "CL-%05u", derived(1) % 100000);
    return text;
  }
  std::string order_reference() const {
    char text[24];
    std::snprintf(text, sizeof text, "BC-%04d-%03u", d_.issue.year, derived(2) % 1000);
    return text;
  }
  std::string contact_person() const {
    static const char* const kPeople[] = {"Mme Hélène Bréchet", "M. Jérôme Lefèvre",
                                          "Mme Anaïs Côté",     "M. François Noël",
                                          "Mme Zoé Dupré",      "M. Loïc Mérieux"};
    return kPeople[derived(3) % 6];
  }

  std::string spaced_siren() const {
    const std::string& s = d_.seller.siren;
    return s.size() == 9 ? s.substr(0, 3) + " " + s.substr(3, 3) + " " + s.substr(6) : s;
  }

  std::string seller_identifiers() const {
    std::string out;
    if (!d_.seller.siret.empty())
      out += "<div>" + std::string(pick("SIRET", "SIRET", "SIRET")) + " : " + d_.seller.siret +
             "</div>";
    out += "<div>" + std::string(pick("N° TVA", "VAT no.", "USt-IdNr.")) + " : " + d_.seller.vat +
           "</div>";
    return out;
  }

  std::string seller_block(bool with_identifiers) const {
    std::ostringstream out;
    out << "<div class=\"seller\">";
    if (!l_.seller_label.empty())
      out << "<div class=\"label\">" << escape(l_.seller_label) << "</div>";
    out << "<div class=\"seller-name\">" << escape(d_.seller.name)
        << (d_.seller.legal_form.empty() ? "" : " " + d_.seller.legal_form) << "</div>"
        << "<div>" << escape(d_.seller.street) << "</div><div>" << d_.seller.postcode << " "
        << escape(d_.seller.city) << "</div>"
        << "<div>" << pick("Tél.", "Phone", "Tel.") << " 01 23 45 67 89</div>";
    if (with_identifiers)
      out << seller_identifiers();
    out << "</div>";
    return out.str();
  }

  std::string buyer_block() const {
    std::ostringstream out;
    out << "<div class=\"buyer\">";
    if (!l_.buyer_label.empty())
      out << "<div class=\"label\">" << escape(l_.buyer_label) << "</div>";
    out << "<div class=\"buyer-name\">" << escape(d_.buyer.name)
        << (d_.buyer.legal_form.empty() ? "" : " " + d_.buyer.legal_form) << "</div>";
    if (l_.buyer_contact)
      out << "<div>" << pick("À l'attention de ", "Attn: ", "z. Hd. ") << contact_person()
          << "</div><div>" << pick("Service comptabilité", "Accounts payable", "Buchhaltung")
          << "</div>";
    out << "<div>" << escape(d_.buyer.street) << "</div><div>" << d_.buyer.postcode << " "
        << escape(d_.buyer.city) << "</div>";
    if (d_.buyer.country != "FR") {
      out << "<div>"
          << (d_.buyer.country == "BE" ? pick("Belgique", "Belgium", "Belgien")
                                       : pick("Allemagne", "Germany", "Deutschland"))
          << "</div><div>" << pick("TVA intracom. client", "Customer VAT", "USt-IdNr. Kunde")
          << " : " << d_.buyer.vat << "</div>";
    }
    out << "</div>";
    return out.str();
  }

  // The references: number, dates, and a credit note's cancelled invoice.
  std::string references() const {
    std::ostringstream out;
    const std::string preceding =
        d_.credit_note
            ? std::string(pick("Avoir relatif à la facture n° ", "Credit note for invoice no. ",
                               "Gutschrift zur Rechnung Nr. ")) +
                  d_.preceding_number
            : "";
    // (label, value) in print order; the number in bold where lines print it.
    std::vector<std::pair<std::string, std::string>> rows;
    if (l_.references != ReferenceStyle::kInTitle) {
      rows.emplace_back(l_.number_label, d_.number);
      rows.emplace_back(l_.date_label, date(d_.issue));
    }
    if (l_.customer_references)
      rows.emplace_back(pick("N° client", "Customer ID", "Kunden-Nr."), customer_number());
    rows.emplace_back(l_.due_label, date(d_.due));
    if (l_.customer_references)
      rows.emplace_back(pick("Votre commande", "PO number", "Ihre Bestellung"), order_reference());
    if (l_.references == ReferenceStyle::kGrid) {
      out << "<table class=\"grid\"><tr>";
      for (const auto& [label, value] : rows)
        out << "<th>" << escape(label) << "</th>";
      out << "</tr><tr>";
      for (const auto& [label, value] : rows)
        out << "<td>" << escape(value) << "</td>";
      out << "</tr></table>";
    } else if (l_.references == ReferenceStyle::kKeyValue) {
      out << "<table class=\"keyvalue\">";
      for (const auto& [label, value] : rows)
        out << "<tr><th>" << escape(label) << "</th><td>" << escape(value) << "</td></tr>";
      out << "</table>";
    } else {
      out << "<div class=\"refs\">";
      for (const auto& [label, value] : rows) {
        const bool number = value == d_.number;
        out << "<div>" << escape(label) << " : " << (number ? "<b>" : "") << escape(value)
            << (number ? "</b>" : "") << "</div>";
      }
      out << "</div>";
    }
    if (!preceding.empty())
      out << "<div class=\"preceding\">" << escape(preceding) << "</div>";
    return out.str();
  }

  std::string title() const {
    std::string text = l_.title;
    if (l_.references == ReferenceStyle::kInTitle)
      text += " " + std::string(pick("N° ", "No. ", "Nr. ")) + d_.number + " " +
              pick("du ", "of ", "vom ") + date(d_.issue);
    return "<div class=\"title\">" + escape(text) + "</div>";
  }

  std::string lines_table() const {
    std::ostringstream out;
    out << "<table class=\"lines " << table_class() << "\"><tr><th class=\"desc\">"
        << pick("Désignation", "Description", "Bezeichnung") << "</th><th>"
        << pick("Qté", "Qty", "Menge") << "</th><th>"
        << pick("P.U. HT", "Unit price", "Einzelpreis") << "</th><th>" << pick("TVA", "VAT", "USt.")
        << "</th><th>" << pick("Montant HT", "Amount", "Betrag netto") << "</th></tr>";
    for (const Line& line : d_.lines) {
      out << "<tr><td class=\"desc\">" << escape(line.description) << "</td><td>" << line.quantity
          << "</td><td>" << amount(line.unit_price_cents, false) << "</td><td>"
          << rate(line.vat_rate_bp) << "</td><td>" << amount(line.net_cents, false) << "</td></tr>";
    }
    out << "</table>";
    return out.str();
  }

  std::string vat_table() const {
    if (!l_.vat_table)
      return "";
    std::ostringstream out;
    out << "<table class=\"vat\"><tr><th>" << pick("Taux", "Rate", "Satz") << "</th><th>"
        << pick("Base HT", "Basis", "Netto") << "</th><th>" << pick("Montant TVA", "VAT", "USt.")
        << "</th></tr>";
    for (const VatRow& row : d_.vat_rows) {
      out << "<tr><td>" << rate(row.rate_bp) << "</td><td>" << amount(row.basis_cents, false)
          << "</td><td>" << amount(row.vat_cents, false) << "</td></tr>";
    }
    out << "</table>";
    return out.str();
  }

  std::string totals() const {
    std::ostringstream out;
    out << "<table class=\"totals totals-" << totals_class() << "\">";
    const std::int64_t values[] = {d_.total_excl_cents, d_.vat_total_cents, d_.total_incl_cents};
    for (int i = 0; i < 3; ++i) {
      out << "<tr" << (i == 2 && d_.prepaid_cents == 0 ? " class=\"grand\"" : "") << "><td>"
          << escape(l_.totals_labels[i]) << "</td><td class=\"num\">" << amount(values[i])
          << "</td></tr>";
    }
    if (d_.prepaid_cents > 0) {
      out << "<tr><td>" << pick("Acompte versé", "Down payment received", "Anzahlung erhalten")
          << "</td><td class=\"num\">" << amount(d_.prepaid_cents) << "</td></tr>"
          << "<tr class=\"grand\"><td>" << escape(l_.totals_labels[3]) << "</td><td class=\"num\">"
          << amount(d_.due_cents) << "</td></tr>";
    }
    out << "</table>";
    return out.str();
  }

  std::string payment() const {
    std::ostringstream out;
    out << "<div class=\"payment\"><div>"
        << pick("Règlement par virement sur le compte suivant :", "Payment by bank transfer to:",
                "Zahlung per Überweisung auf:")
        << "</div><div>IBAN : " << iban() << " — BIC : " << d_.bic << "</div></div>";
    return out.str();
  }

  std::string footer(bool with_identifiers) const {
    std::ostringstream out;
    out << "<div class=\"footer\">";
    if (french()) {
      out << "<div>Pénalités de retard : trois fois le taux d'intérêt légal. Indemnité forfaitaire "
             "pour frais de recouvrement : 40 €. Pas d'escompte pour paiement anticipé.</div>";
    }
    if (with_identifiers) {
      out << "<div>" << escape(d_.seller.name) << " " << d_.seller.legal_form;
      if (french())
        out << " au capital de " << d_.seller.capital << " € – RCS " << escape(d_.seller.rcs_city)
            << " " << spaced_siren() << " – SIRET " << d_.seller.siret
            << " – TVA intracommunautaire " << d_.seller.vat;
      else if (german())
        out << " – USt-IdNr. " << d_.seller.vat;
      else
        out << " – Company no. (SIREN) " << d_.seller.siren << " – VAT " << d_.seller.vat;
      out << "</div>";
    }
    out << "</div>";
    return out.str();
  }

  std::string table_class() const {
    switch (l_.table) {
      case TableStyle::kBordered:
        return "bordered";
      case TableStyle::kZebra:
        return "zebra";
      case TableStyle::kRules:
        return "rules";
    }
    return "bordered";
  }
  std::string totals_class() const {
    switch (l_.totals) {
      case TotalsStyle::kRightBox:
        return "box";
      case TotalsStyle::kRightLines:
        return "lines";
      case TotalsStyle::kBand:
        return "band";
      case TotalsStyle::kLeftTable:
        return "left";
    }
    return "box";
  }

  std::string style() const {
    std::ostringstream css;
    css << "@page{size:A4;margin:14mm}body{font-family:'" << l_.font
        << "';font-size:" << l_.font_size_pt << "pt;color:#111;margin:0}"
        << ".label{font-weight:bold;text-transform:uppercase;font-size:85%;color:#444}"
        << ".seller-name,.buyer-name{font-weight:bold;font-size:115%}"
        << ".title{font-size:190%;font-weight:bold;letter-spacing:1px;margin:4mm 0}"
        << ".band{background:#1f4e79;color:#fff;padding:4mm}.band .title{margin:0}"
        << "table{border-collapse:collapse}table.lines{width:100%;margin:6mm 0}"
        << "table.lines th,table.lines td{padding:1.5mm 2mm;text-align:right}"
        << "table.lines .desc{text-align:left}"
        << "table.bordered th,table.bordered td{border:0.3mm solid #333}"
        << "table.zebra tr:nth-child(even){background:#e8e8e8}table.zebra th{background:#333;"
           "color:#fff}"
        << "table.rules th{border-bottom:0.5mm solid #000}table.rules td{border-bottom:0.2mm "
           "solid #999}"
        << "table.grid th,table.grid td{border:0.3mm solid #333;padding:1.5mm 3mm}"
        << "table.keyvalue th{text-align:left;font-weight:normal;color:#555;padding:0.8mm 4mm "
           "0.8mm "
           "0}table.keyvalue td{font-weight:bold;padding:0.8mm 0}"
        << ".cards{display:flex;gap:8mm;margin:5mm 0}.cards>div{flex:1;border:0.3mm solid #888;"
           "border-radius:2mm;padding:3mm}"
        << "table.vat{margin:2mm 0}table.vat th,table.vat td{padding:1mm 3mm;border:0.2mm solid "
           "#777;text-align:right}"
        << ".totals td{padding:1.2mm 3mm}.totals .num{text-align:right}.grand{font-weight:bold}"
        << ".totals-box{margin-left:auto;border:0.4mm solid #000}"
        << ".totals-lines{margin-left:auto}.totals-lines tr.grand td{border-top:0.5mm solid #000}"
        << ".totals-band{width:100%;background:#eee}.totals-left{margin-right:auto;border:0.3mm "
           "solid #666}"
        << ".row{display:flex;justify-content:space-between;align-items:flex-start}"
        << ".window{position:relative;left:95mm;top:10mm;width:85mm;height:35mm}"
        << ".sidebar{display:flex}.sidebar .side{width:55mm;background:#f0f0f0;padding:4mm;"
           "margin-right:6mm}.sidebar .main{flex:1}"
        << ".footer{margin-top:10mm;font-size:80%;color:#333;border-top:0.2mm solid #999;"
           "padding-top:2mm}"
        << ".payment{margin-top:6mm}.preceding{margin-top:2mm;font-style:italic}";
    return css.str();
  }

 private:
  const Layout& l_;
  const InvoiceData& d_;
};

// The top of the page: letterhead, parties, title and references.
std::string header(const Layout& l, const Printer& p) {
  const bool header_ids =
      l.identifiers == IdentifierPlace::kHeader || l.identifiers == IdentifierPlace::kBoth;
  std::ostringstream out;
  switch (l.header) {
    case HeaderStyle::kSellerLeftTitleRight:
      out << "<div class=\"row\">" << p.seller_block(header_ids) << "<div>" << p.title()
          << p.references() << "</div></div><div class=\"row\"><div></div>" << p.buyer_block()
          << "</div>";
      break;
    case HeaderStyle::kTitleBand:
      out << "<div class=\"band\">" << p.title() << "</div><div class=\"row\">"
          << p.seller_block(header_ids) << p.buyer_block() << "</div>" << p.references();
      break;
    case HeaderStyle::kSellerCentered:
      out << "<div style=\"text-align:center\">" << p.seller_block(header_ids) << "</div>"
          << p.title() << "<div class=\"row\">" << p.references() << p.buyer_block() << "</div>";
      break;
    case HeaderStyle::kWindowEnvelope:
      out << p.seller_block(header_ids) << "<div class=\"window\">" << p.buyer_block() << "</div>"
          << p.title() << p.references();
      break;
    case HeaderStyle::kSellerRightBuyerLeft:
      out << "<div class=\"row\">" << p.buyer_block() << p.seller_block(header_ids) << "</div>"
          << p.title() << p.references();
      break;
    case HeaderStyle::kPartyCards:
      out << "<div class=\"row\">" << p.title() << p.references() << "</div><div class=\"cards\">"
          << p.seller_block(header_ids) << p.buyer_block() << "</div>";
      break;
    case HeaderStyle::kSidebar:
      break;  // laid out by render_html
  }
  return out.str();
}

}  // namespace

std::string render_html(const Layout& l, const InvoiceData& d) {
  const Printer p(l, d);
  const bool footer_ids =
      l.identifiers == IdentifierPlace::kFooter || l.identifiers == IdentifierPlace::kBoth;
  std::ostringstream body;
  const std::string rest = p.lines_table() +
                           (l.totals == TotalsStyle::kLeftTable
                                ? "<div class=\"row\">" + p.totals() + p.vat_table() + "</div>"
                                : p.vat_table() + p.totals()) +
                           p.payment() + p.footer(footer_ids);
  if (l.header == HeaderStyle::kSidebar) {
    const bool header_ids =
        l.identifiers == IdentifierPlace::kHeader || l.identifiers == IdentifierPlace::kBoth;
    body << "<div class=\"sidebar\"><div class=\"side\">" << p.seller_block(header_ids)
         << "</div><div class=\"main\">" << p.title() << p.references() << p.buyer_block() << rest
         << "</div></div>";
  } else {
    body << header(l, p) << rest;
  }
  return "<!DOCTYPE html><html lang=\"" + std::string(p.pick("fr", "en", "de")) +
         "\"><head><meta charset=\"utf-8\"><style>" + p.style() + "</style></head><body>" +
         body.str() + "</body></html>";
}

std::string ground_truth_json(const Layout& l, const InvoiceData& d) {
  (void)l;
  nlohmann::ordered_json truth;
  truth["invoice_number"] = d.number;
  truth["type_code"] = d.credit_note ? "381" : "380";
  truth["issue_date"] = iso_date(d.issue);
  truth["due_date"] = iso_date(d.due);
  auto printed = [](const Party& party) {
    return party.legal_form.empty() ? party.name : party.name + " " + party.legal_form;
  };
  truth["seller_name"] = printed(d.seller);
  if (!d.seller.siren.empty())
    truth["seller_siren"] = d.seller.siren;
  truth["seller_vat_id"] = d.seller.vat;
  truth["buyer_name"] = printed(d.buyer);
  truth["currency"] = d.currency;
  truth["total_excl_vat"] = plain_amount(d.total_excl_cents);
  truth["vat_total"] = plain_amount(d.vat_total_cents);
  truth["total_incl_vat"] = plain_amount(d.total_incl_cents);
  truth["amount_due"] = plain_amount(d.due_cents);
  truth["iban"] = d.iban;
  if (d.credit_note)
    truth["preceding_invoice"] = d.preceding_number;
  return truth.dump(1) + "\n";
}

}  // namespace einvoice::bench::layouts
