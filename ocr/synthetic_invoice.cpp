#include "ocr/synthetic_invoice.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <random>
#include <sstream>
#include <vector>

#include "formats/pdf/podofo.h"
#include "model/date.h"
#include "model/decimal.h"

namespace einvoice::ocr {
namespace {

using model::Decimal;
using model::Error;
using model::ErrorCode;

// ---------------------------------------------------------------------------
// Values.

const char* const kSellerStems[] = {
    "Atelier Durand",       "Menuiserie Lefèvre", "Transports Garnier",  "Imprimerie du Centre",
    "Cabinet Moreau",       "Électricité Petit",  "Jardins de Provence", "Plomberie Roux",
    "Informatique Bernard", "Traiteur Fontaine",  "Garage Mercier",      "Boulangerie Martin"};
const char* const kBuyerStems[] = {
    "Hôtel des Alpes",         "Clinique Saint-Louis", "Restaurant Le Gourmet",
    "Société Nouvelle Dupont", "Pharmacie Centrale",   "Agence Horizon",
    "Librairie des Quais",     "Domaine Vidal",        "Laboratoire Aubert",
    "Crèche Les Lutins",       "Fromagerie Blanc",     "Studio Lumière"};
const char* const kLegalForms[] = {"SARL", "SAS", "SA", "EURL", "SASU"};
const char* const kStreets[] = {"rue des Lilas",     "avenue Jean Jaurès", "boulevard Voltaire",
                                "place du Marché",   "chemin des Vignes",  "rue de la République",
                                "impasse des Roses", "quai Saint-Antoine"};
const char* const kCities[] = {"69003 Lyon",       "38000 Grenoble", "13001 Marseille",
                               "75011 Paris",      "31000 Toulouse", "44000 Nantes",
                               "67000 Strasbourg", "33000 Bordeaux"};
const char* const kItems[] = {
    "Réparation four",       "Pièces détachées",     "Déplacement",
    "Installation réseau",   "Maintenance annuelle", "Formation (1 jour)",
    "Location matériel",     "Conseil et audit",     "Livraison",
    "Fournitures de bureau", "Nettoyage des locaux", "Développement logiciel"};
const char* const kItemsEnglish[] = {
    "Oven repair",        "Spare parts",      "Travel costs",     "Network installation",
    "Annual maintenance", "Training (1 day)", "Equipment rental", "Consulting",
    "Delivery",           "Office supplies",  "Cleaning",         "Software development"};

struct Line {
  std::string name;
  int quantity;
  Decimal price;
  Decimal rate;
  Decimal net;
};

struct Values {
  std::string number;
  model::Date issue, due;
  std::string seller, seller_street, seller_city, siren, siret, vat, iban, bic;
  std::string buyer, buyer_street, buyer_city;
  std::vector<Line> lines;
  std::vector<std::pair<Decimal, std::pair<Decimal, Decimal>>> rows;  // rate -> basis, VAT
  Decimal excl, vat_total, incl;
};

// Two digits, zero-padded ("07").
std::string two(int n);

int luhn_check_digit(const std::string& digits_without_check) {
  int sum = 0;
  // The check digit will be at position 0 from the right: double every
  // second digit starting with the rightmost of these.
  for (std::size_t i = 0; i < digits_without_check.size(); ++i) {
    int d = digits_without_check[digits_without_check.size() - 1 - i] - '0';
    if (i % 2 == 0) {
      d *= 2;
      if (d > 9)
        d -= 9;
    }
    sum += d;
  }
  return (10 - sum % 10) % 10;
}

int mod97(const std::string& digits) {
  int r = 0;
  for (char c : digits)
    r = (r * 10 + (c - '0')) % 97;
  return r;
}

std::string iban_of(const std::string& bban) {
  // Check digits: 98 - (BBAN + "FR00" as digits) mod 97; F=15, R=27.
  const int check = 98 - mod97(bban + "152700");
  return "FR" + two(check) + bban;
}

Decimal money(std::mt19937& random, int low_cents, int high_cents) {
  std::uniform_int_distribution<int> cents(low_cents, high_cents);
  return Decimal::from_unscaled(cents(random), 2);
}

template <class T, std::size_t N>
const T& pick(std::mt19937& random, const T (&values)[N]) {
  return values[std::uniform_int_distribution<std::size_t>(0, N - 1)(random)];
}

std::string digits(std::mt19937& random, int count) {
  std::string out;
  std::uniform_int_distribution<int> digit(0, 9);
  for (int i = 0; i < count; ++i)
    out += static_cast<char>('0' + digit(random));
  return out;
}

Values make_values(unsigned seed, bool english) {
  std::mt19937 random(seed);
  Values v;
  const int style = std::uniform_int_distribution<int>(0, 3)(random);
  const int year = 2025 + std::uniform_int_distribution<int>(0, 1)(random);
  const std::string serial = std::to_string(std::uniform_int_distribution<int>(1, 9999)(random));
  switch (style) {
    case 0:
      v.number = "F-" + std::to_string(year) + "-" + std::string(4 - serial.size(), '0') + serial;
      break;
    case 1:
      v.number = "FA" + std::to_string(year % 100) + "/" + serial;
      break;
    case 2:
      v.number = std::to_string(year) + std::string(6 - serial.size(), '0') + serial;
      break;
    default:
      v.number = "INV-" + serial;
  }
  v.issue = model::Date{year, std::uniform_int_distribution<int>(1, 12)(random),
                        std::uniform_int_distribution<int>(1, 28)(random)};
  v.due = v.issue;
  v.due.month = v.issue.month % 12 + 1;
  if (v.due.month == 1)
    ++v.due.year;

  v.seller = std::string(pick(random, kSellerStems)) + " " + pick(random, kLegalForms);
  v.buyer = std::string(pick(random, kBuyerStems)) + " " + pick(random, kLegalForms);
  v.seller_street = std::to_string(std::uniform_int_distribution<int>(1, 120)(random)) + " " +
                    pick(random, kStreets);
  v.seller_city = pick(random, kCities);
  v.buyer_street = std::to_string(std::uniform_int_distribution<int>(1, 120)(random)) + " " +
                   pick(random, kStreets);
  v.buyer_city = pick(random, kCities);

  std::string siren =
      std::to_string(std::uniform_int_distribution<int>(1, 9)(random)) + digits(random, 7);
  v.siren = siren + static_cast<char>('0' + luhn_check_digit(siren));
  std::string siret = v.siren + digits(random, 4);
  v.siret = siret + static_cast<char>('0' + luhn_check_digit(siret));
  const int key = (12 + 3 * mod97(v.siren)) % 97;
  v.vat = "FR" + two(key) + v.siren;
  v.iban = iban_of(digits(random, 23));
  static const char* const kBics[] = {"BNPAFRPP", "AGRIFRPP", "SOGEFRPP", "CCBPFRPP", "CEPAFRPP"};
  v.bic = pick(random, kBics);

  const Decimal rates[] = {Decimal::from_int(20), Decimal::from_int(20), Decimal::from_int(10),
                           Decimal::from_unscaled(55, 1)};
  const int count = std::uniform_int_distribution<int>(2, 5)(random);
  for (int i = 0; i < count; ++i) {
    Line line;
    line.name = english ? pick(random, kItemsEnglish) : pick(random, kItems);
    line.quantity = std::uniform_int_distribution<int>(1, 12)(random);
    line.price = money(random, 500, 95000);
    line.rate = rates[std::uniform_int_distribution<int>(0, 3)(random)];
    line.net = *line.price.multiply(Decimal::from_int(line.quantity));
    v.lines.push_back(line);
  }
  std::map<std::string, std::pair<Decimal, Decimal>> by_rate;  // rate text -> rate, basis
  for (const auto& line : v.lines) {
    auto& entry = by_rate[line.rate.to_string()];
    entry.first = line.rate;
    entry.second = *entry.second.add(line.net);
  }
  v.excl = Decimal::from_unscaled(0, 2);
  v.vat_total = Decimal::from_unscaled(0, 2);
  for (const auto& [text, entry] : by_rate) {
    const Decimal vat = *entry.second.multiply(entry.first)->divide(Decimal::from_int(100), 2);
    v.rows.push_back({entry.first, {entry.second, vat}});
    v.excl = *v.excl.add(entry.second);
    v.vat_total = *v.vat_total.add(vat);
  }
  v.incl = *v.excl.add(v.vat_total);
  return v;
}

// ---------------------------------------------------------------------------
// Printing.

std::string grouped(const Decimal& amount, char thousands, char decimal) {
  const std::string plain = amount.rounded(2).to_string();
  const std::size_t dot = plain.find('.');
  std::string integer = plain.substr(0, dot);
  std::string out;
  for (std::size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0)
      out += thousands;
    out += integer[i];
  }
  return out + decimal + plain.substr(dot + 1);
}

std::string french(const Decimal& amount) {
  return grouped(amount, ' ', ',');
}
std::string english(const Decimal& amount) {
  return grouped(amount, ',', '.');
}

std::string rate_text(const Decimal& rate, char decimal) {
  std::string text = rate.to_string();
  std::replace(text.begin(), text.end(), '.', decimal);
  return text;
}

std::string two(int n) {
  std::string out = std::to_string(n);
  if (out.size() < 2)
    out.insert(out.begin(), '0');
  return out;
}
std::string french_date(const model::Date& d) {
  return two(d.day) + "/" + two(d.month) + "/" + std::to_string(d.year);
}
std::string english_date(const model::Date& d) {
  static const char* const kMonths[] = {"January",   "February", "March",    "April",
                                        "May",       "June",     "July",     "August",
                                        "September", "October",  "November", "December"};
  return std::to_string(d.day) + " " + kMonths[d.month - 1] + " " + std::to_string(d.year);
}

std::string spaced(const std::string& text, std::size_t group) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && i % group == 0)
      out += ' ';
    out += text[i];
  }
  return out;
}

class Page {
 public:
  Page(PoDoFo::PdfMemDocument& document, PoDoFo::PdfFont* font) : font_(font) {
    page_ = document.CreatePage(PoDoFo::PdfRect(0, 0, 595, 842));
    painter_.SetPage(page_);
  }
  ~Page() { painter_.FinishPage(); }

  // `top`: points from the top of the page to the text's top.
  void text(double x, double top, const std::string& value, double size = 9) {
    font_->SetFontSize(static_cast<float>(size));
    painter_.SetFont(font_);
    painter_.DrawText(x, 842 - top - size,
                      PoDoFo::PdfString(reinterpret_cast<const PoDoFo::pdf_utf8*>(value.c_str())));
  }
  // Right-aligned at `right`.
  void right(double right_edge, double top, const std::string& value, double size = 9) {
    font_->SetFontSize(static_cast<float>(size));
    const PoDoFo::PdfString s(reinterpret_cast<const PoDoFo::pdf_utf8*>(value.c_str()));
    const double width = font_->GetFontMetrics()->StringWidth(s);
    painter_.SetFont(font_);
    painter_.DrawText(right_edge - width, 842 - top - size, s);
  }
  void rule(double x1, double top, double x2) { painter_.DrawLine(x1, 842 - top, x2, 842 - top); }

 private:
  PoDoFo::PdfFont* font_;
  PoDoFo::PdfPage* page_ = nullptr;
  PoDoFo::PdfPainter painter_;
};

void french_two_columns(Page& p, const Values& v) {
  p.text(40, 40, v.seller, 14);
  p.text(40, 62, v.seller_street);
  p.text(40, 74, v.seller_city);
  p.text(40, 90, "SIRET : " + spaced(v.siret.substr(0, 9), 3) + " " + v.siret.substr(9));
  p.text(40, 102, "TVA intracommunautaire : " + v.vat);
  p.text(360, 40, "FACTURE", 18);
  p.text(360, 66, "Facture n° " + v.number);
  p.text(360, 78, "Date de facture : " + french_date(v.issue));
  p.text(360, 90, "Date d'échéance : " + french_date(v.due));
  p.text(360, 140, "Client", 10);
  p.text(360, 154, v.buyer);
  p.text(360, 166, v.buyer_street);
  p.text(360, 178, v.buyer_city);

  double y = 240;
  p.text(40, y, "Désignation");
  p.right(330, y, "Qté");
  p.right(420, y, "Prix unitaire HT");
  p.right(470, y, "TVA");
  p.right(555, y, "Total HT");
  p.rule(40, y + 13, 555);
  for (const auto& line : v.lines) {
    y += 18;
    p.text(40, y, line.name);
    p.right(330, y, std::to_string(line.quantity));
    p.right(420, y, french(line.price));
    p.right(470, y, rate_text(line.rate, ',') + " %");
    p.right(555, y, french(line.net));
  }
  y += 40;
  p.text(40, y, "Taux");
  p.right(170, y, "Base HT");
  p.right(260, y, "Montant TVA");
  for (const auto& [rate, amounts] : v.rows) {
    y += 14;
    p.text(40, y, rate_text(rate, ',') + " %");
    p.right(170, y, french(amounts.first));
    p.right(260, y, french(amounts.second));
  }
  double t = y - 14 * static_cast<double>(v.rows.size());
  p.text(360, t, "Total HT");
  p.right(555, t, french(v.excl) + " €");
  p.text(360, t + 16, "Total TVA");
  p.right(555, t + 16, french(v.vat_total) + " €");
  p.text(360, t + 32, "Total TTC");
  p.right(555, t + 32, french(v.incl) + " €");
  p.text(360, t + 48, "Net à payer", 10);
  p.right(555, t + 48, french(v.incl) + " €", 10);
  p.text(40, 700, "Conditions de paiement : 30 jours date de facture");
  p.text(40, 714, "IBAN : " + spaced(v.iban, 4) + "      BIC : " + v.bic);
  p.text(40, 740,
         "Pénalités de retard : trois fois le taux d'intérêt légal. Indemnité forfaitaire "
         "pour frais de recouvrement : 40 €.",
         7);
}

void french_stacked(Page& p, const Values& v) {
  p.text(40, 40, "FACTURE N° " + v.number, 16);
  p.text(40, 66, "Émise le : " + french_date(v.issue));
  p.text(40, 78, "À payer avant le : " + french_date(v.due));
  p.text(40, 110, "Fournisseur : " + v.seller, 10);
  p.text(40, 124, v.seller_street + ", " + v.seller_city);
  p.text(40, 136,
         "SIREN : " + spaced(v.siren, 3) + "   N° TVA : " + v.vat.substr(0, 4) + " " +
             v.vat.substr(4));
  p.text(40, 170, "Client : " + v.buyer, 10);
  p.text(40, 184, v.buyer_street + ", " + v.buyer_city);
  double y = 230;
  p.text(40, y, "Prestation");
  p.right(555, y, "Montant HT");
  p.rule(40, y + 13, 555);
  for (const auto& line : v.lines) {
    y += 16;
    p.text(40, y,
           line.name + " (" + std::to_string(line.quantity) + " x " + french(line.price) +
               ", TVA " + rate_text(line.rate, ',') + " %)");
    p.right(555, y, french(line.net));
  }
  y += 36;
  p.text(300, y, "Montant HT :");
  p.right(555, y, french(v.excl) + " €");
  for (const auto& [rate, amounts] : v.rows) {
    y += 14;
    p.text(300, y, "TVA " + rate_text(rate, ',') + " % sur " + french(amounts.first));
    p.right(555, y, french(amounts.second) + " €");
  }
  y += 14;
  p.text(300, y, "Montant TVA :");
  p.right(555, y, french(v.vat_total) + " €");
  y += 14;
  p.text(300, y, "Montant TTC :");
  p.right(555, y, french(v.incl) + " €");
  y += 18;
  p.text(300, y, "Reste à payer :", 10);
  p.right(555, y, french(v.incl) + " €", 10);
  p.text(40, 720, "Règlement par virement - IBAN : " + spaced(v.iban, 4) + " - BIC : " + v.bic);
}

void english_modern(Page& p, const Values& v) {
  p.text(40, 40, v.seller, 13);
  p.text(40, 60, v.seller_street);
  p.text(40, 72, v.seller_city + ", France");
  p.text(40, 84, "SIREN: " + v.siren + "   VAT number: " + v.vat);
  p.right(555, 40, "INVOICE", 20);
  p.text(380, 76, "Invoice #: " + v.number);
  p.text(380, 88, "Invoice date: " + english_date(v.issue));
  p.text(380, 100, "Due date: " + english_date(v.due));
  p.text(40, 140, "Bill to:", 10);
  p.text(40, 154, v.buyer);
  p.text(40, 166, v.buyer_street);
  p.text(40, 178, v.buyer_city + ", France");
  double y = 230;
  p.text(40, y, "Description");
  p.right(330, y, "Qty");
  p.right(420, y, "Unit price");
  p.right(470, y, "VAT");
  p.right(555, y, "Amount");
  p.rule(40, y + 13, 555);
  for (const auto& line : v.lines) {
    y += 18;
    p.text(40, y, line.name);
    p.right(330, y, std::to_string(line.quantity));
    p.right(420, y, english(line.price));
    p.right(470, y, rate_text(line.rate, '.') + "%");
    p.right(555, y, english(line.net));
  }
  y += 40;
  p.text(360, y, "Subtotal");
  p.right(555, y, "€" + english(v.excl));
  for (const auto& [rate, amounts] : v.rows) {
    y += 14;
    p.text(360, y, "VAT " + rate_text(rate, '.') + "% on " + english(amounts.first));
    p.right(555, y, "€" + english(amounts.second));
  }
  y += 14;
  p.text(360, y, "Total VAT");
  p.right(555, y, "€" + english(v.vat_total));
  y += 14;
  p.text(360, y, "Total");
  p.right(555, y, "€" + english(v.incl));
  y += 18;
  p.text(360, y, "Amount due", 11);
  p.right(555, y, "€" + english(v.incl), 11);
  p.text(40, 720, "Payment terms: 30 days. IBAN " + spaced(v.iban, 4) + "  BIC " + v.bic);
}

}  // namespace

model::Result<SyntheticInvoice> make_synthetic_invoice(unsigned seed, SyntheticLayout layout,
                                                       const std::string& font_file) {
  if (!std::filesystem::exists(font_file))
    return Error{ErrorCode::kIo, "the font " + font_file + " is missing", {font_file, "", 0, 0}};
  const bool in_english = layout == SyntheticLayout::kEnglishModern;
  const Values v = make_values(seed, in_english);
  SyntheticInvoice out;
  try {
    PoDoFo::PdfMemDocument document;
    PoDoFo::PdfFont* font =
        document.CreateFont("DejaVuSans", false, false, false,
                            PoDoFo::PdfEncodingFactory::GlobalWinAnsiEncodingInstance(),
                            PoDoFo::PdfFontCache::eFontCreationFlags_None, true, font_file.c_str());
    if (!font)
      return Error{ErrorCode::kIo, "the font cannot be loaded", {font_file, "", 0, 0}};
    {
      Page page(document, font);
      switch (layout) {
        case SyntheticLayout::kFrenchTwoColumns:
          french_two_columns(page, v);
          break;
        case SyntheticLayout::kFrenchStacked:
          french_stacked(page, v);
          break;
        case SyntheticLayout::kEnglishModern:
          english_modern(page, v);
          break;
      }
    }
    std::ostringstream stream;
    PoDoFo::PdfOutputDevice device(&stream);
    document.Write(&device);
    out.pdf = stream.str();
  } catch (const PoDoFo::PdfError& error) {
    return Error{ErrorCode::kInternal,
                 std::string("the synthetic invoice cannot be written: ") +
                     PoDoFo::PdfError::ErrorName(error.GetError()),
                 {}};
  }
  out.truth = {{"BT-1", v.number},
               {"BT-2", v.issue.to_iso()},
               {"BT-5", "EUR"},
               {"BT-9", v.due.to_iso()},
               {"BT-27", v.seller},
               {"BT-30", v.siren},
               {"BT-31", v.vat},
               {"BT-44", v.buyer},
               {"BT-84", v.iban},
               {"BT-109", v.excl.to_string()},
               {"BT-110", v.vat_total.to_string()},
               {"BT-112", v.incl.to_string()},
               {"BT-115", v.incl.to_string()}};
  if (layout == SyntheticLayout::kFrenchTwoColumns)
    out.truth["BT-29"] = v.siret;
  for (const auto& line : v.lines)
    out.lines.push_back(SyntheticLine{line.name, std::to_string(line.quantity),
                                      line.price.to_string(), line.rate.to_string(),
                                      line.net.to_string()});
  return out;
}

}  // namespace einvoice::ocr
