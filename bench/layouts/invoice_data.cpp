#include "bench/layouts/invoice_data.h"

#include <array>
#include <cstdio>
#include <map>
#include <random>

namespace einvoice::bench::layouts {
namespace {

// Seller and buyer names: French companies, public bodies and people, many
// with accents; a few carry words that are also labels elsewhere.
constexpr std::array<const char*, 16> kSellers = {
    "Boulangerie Martin",        "Atelier Dupré",
    "Transports Lefèvre & Fils", "Cabinet Élise Moreau",
    "Plâtrerie du Rhône",        "Imprimerie Géraud",
    "Menuiserie Nœl Bérard",     "Électricité Générale Faure",
    "Garage des Écoles",         "Jardins de Sérénité",
    "Ferronnerie Müller",        "Traiteur Léon & Zoé",
    "Bureautique Côte d'Opale",  "Société Française de Béton",
    "Éditions du Faubourg",      "Conseil & Stratégie Hébert"};
constexpr std::array<const char*, 16> kBuyers = {"Lycée Jean-Baptiste Corot",
                                                 "Mairie de Saint-Étienne-du-Bois",
                                                 "Association des Élèves Ingénieurs",
                                                 "Anaïs Lebrun",
                                                 "Clinique Vétérinaire des Aulnes",
                                                 "Hôtel Le Régent",
                                                 "Crèche Les Petits Loups",
                                                 "Pharmacie Besançon Centre",
                                                 "Collège François Mauriac",
                                                 "Brasserie L'Étoile",
                                                 "Syndic Gérance Provençale",
                                                 "Théâtre de la Cité",
                                                 "Coopérative Agricole d'Auxois",
                                                 "Chloé Dubreuil",
                                                 "Résidence Les Tilleuls",
                                                 "Entreprise Gaëlle Perrin"};
constexpr std::array<const char*, 6> kForms = {"SAS", "SARL", "SA", "EURL", "SASU", "SCOP"};

struct Place {
  const char* postcode;
  const char* city;
};
constexpr std::array<Place, 10> kPlaces = {{{"75011", "Paris"},
                                            {"91000", "Évry-Courcouronnes"},
                                            {"69003", "Lyon"},
                                            {"13008", "Marseille"},
                                            {"59000", "Lille"},
                                            {"44000", "Nantes"},
                                            {"67000", "Strasbourg"},
                                            {"33000", "Bordeaux"},
                                            {"42000", "Saint-Étienne"},
                                            {"25000", "Besançon"}}};
constexpr std::array<const char*, 8> kStreets = {
    "12 rue de la République", "5 avenue Jean Jaurès",         "3 allée des Artisans",
    "48 boulevard Voltaire",   "7 place du Général-de-Gaulle", "21 chemin des Vignes",
    "104 route de Lyon",       "2 impasse des Tanneurs"};
constexpr std::array<const char*, 12> kItems = {
    "Pose de carrelage",       "Fourniture de câbles électriques",
    "Heures de main-d'œuvre",  "Location d'échafaudage",
    "Prestation de conseil",   "Livraison Île-de-France",
    "Ramettes papier A4",      "Entretien espaces verts",
    "Repas de séminaire",      "Maintenance annuelle",
    "Impression de brochures", "Déplacement technicien"};

// `digits` followed by the check digit that makes the whole pass the Luhn
// test (SIREN, SIRET).
std::string with_luhn_digit(const std::string& digits) {
  for (char check = '0'; check <= '9'; ++check) {
    const std::string candidate = digits + check;
    int sum = 0;
    for (std::size_t i = 0; i < candidate.size(); ++i) {
      int d = candidate[candidate.size() - 1 - i] - '0';
      if (i % 2 == 1)
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    if (sum % 10 == 0)
      return candidate;
  }
  return digits + "0";
}

// A SIREN: 8 random digits and their Luhn digit.
std::string make_siren(std::mt19937& random) {
  std::string digits;
  digits += static_cast<char>('1' + random() % 9);
  for (int i = 0; i < 7; ++i)
    digits += static_cast<char>('0' + random() % 10);
  return with_luhn_digit(digits);
}

// The SIRET of the head office: SIREN, a 4-digit NIC and the Luhn digit.
std::string make_siret(const std::string& siren, std::mt19937& random) {
  return with_luhn_digit(siren + "000" + static_cast<char>('1' + random() % 9));
}

std::string french_vat(const std::string& siren) {
  const long long number = std::stoll(siren);
  const int key = static_cast<int>((12 + 3 * (number % 97)) % 97);
  char text[8];
  std::snprintf(text, sizeof text, "%02d", key);
  return "FR" + std::string(text) + siren;
}

// A French IBAN: bank, branch, account, RIB key, and the ISO 7064 check digits.
std::string make_iban(std::mt19937& random) {
  std::string bban;
  for (int i = 0; i < 21; ++i)
    bban += static_cast<char>('0' + random() % 10);
  bban += "00";
  auto mod97 = [](const std::string& digits) {
    int remainder = 0;
    for (char c : digits)
      remainder = (remainder * 10 + (c - '0')) % 97;
    return remainder;
  };
  // The RIB key makes bank, branch and account a multiple of 97 (digits only here).
  const int rib_key = 97 - mod97(bban.substr(0, 21) + "00");
  char key[4];
  std::snprintf(key, sizeof key, "%02d", rib_key);
  bban = bban.substr(0, 21) + key;
  const int check = 98 - mod97(bban + "1527" + "00");  // F=15 R=27
  char digits[4];
  std::snprintf(digits, sizeof digits, "%02d", check);
  return "FR" + std::string(digits) + bban;
}

Party make_party(std::mt19937& random, const char* name, bool with_form) {
  Party p;
  p.name = name;
  if (with_form)
    p.legal_form = kForms[random() % kForms.size()];
  const Place& place = kPlaces[random() % kPlaces.size()];
  p.street = kStreets[random() % kStreets.size()];
  p.postcode = place.postcode;
  p.city = place.city;
  p.country = "FR";
  p.siren = make_siren(random);
  p.siret = make_siret(p.siren, random);
  p.vat = french_vat(p.siren);
  p.capital = std::to_string(1 + random() % 50) + " 000";
  p.rcs_city = place.city;
  return p;
}

Date add_days(Date date, int days) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  date.day += days;
  while (true) {
    int length = kDays[date.month - 1];
    if (date.month == 2 && date.year % 4 == 0)
      length = 29;
    if (date.day <= length)
      break;
    date.day -= length;
    if (++date.month > 12) {
      date.month = 1;
      ++date.year;
    }
  }
  return date;
}

std::int64_t vat_of(std::int64_t basis_cents, int rate_bp) {
  // Half up, as invoices round.
  return (basis_cents * rate_bp + 5000) / 10000;
}

}  // namespace

std::string plain_amount(std::int64_t cents) {
  char text[32];
  std::snprintf(text, sizeof text, "%s%lld.%02lld", cents < 0 ? "-" : "",
                static_cast<long long>(std::llabs(cents) / 100),
                static_cast<long long>(std::llabs(cents) % 100));
  return text;
}

std::string iso_date(const Date& date) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
  return text;
}

InvoiceData make_invoice_data(unsigned seed, const DataOptions& options) {
  std::mt19937 random(seed * 7919u + 17u);
  InvoiceData d;
  d.credit_note = options.credit_note;
  d.currency = options.currency;
  d.seller = make_party(random, kSellers[random() % kSellers.size()], true);
  d.buyer = make_party(random, kBuyers[random() % kBuyers.size()], random() % 2 == 0);
  if (options.foreign_buyer) {
    d.buyer.country = random() % 2 ? "BE" : "DE";
    d.buyer.postcode = d.buyer.country == "BE" ? "1050" : "10115";
    d.buyer.city = d.buyer.country == "BE" ? "Ixelles" : "Berlin";
    d.buyer.vat = d.buyer.country == "BE" ? "BE0" + std::to_string(400000000 + random() % 99999999)
                                          : "DE" + std::to_string(100000000 + random() % 899999999);
    d.buyer.siren.clear();
    d.buyer.siret.clear();
  }
  if (options.german_seller) {
    d.seller.legal_form = "GmbH";
    d.seller.street = "Friedrichstraße " + std::to_string(1 + random() % 200);
    d.seller.postcode = "10117";
    d.seller.city = "Berlin";
    d.seller.country = "DE";
    d.seller.siren.clear();
    d.seller.siret.clear();
    d.seller.vat = "DE" + std::to_string(100000000 + random() % 899999999);
  }
  const char* prefixes[] = {"F", "FAC-", "FA", "INV-", "2026-", "N"};
  const std::string prefix = d.credit_note ? (random() % 2 ? "AV-" : "AV") : prefixes[random() % 6];
  d.number = prefix + std::to_string(2024 + random() % 3) + "-" +
             std::to_string(10000 + random() % 89999).substr(1);
  if (d.credit_note)
    d.preceding_number =
        "F" + std::to_string(2024 + random() % 3) + "-0" + std::to_string(1000 + random() % 8999);
  // Day and month both at most 12 half of the time: the order must be known.
  d.issue = Date{2024 + static_cast<int>(random() % 3), 1 + static_cast<int>(random() % 12),
                 1 + static_cast<int>(random() % (random() % 2 ? 12 : 28))};
  d.due = add_days(d.issue, 30);

  const int rates[] = {2000, 2000, 1000, 550};
  const int count = 1 + static_cast<int>(random() % 6);
  std::map<int, std::int64_t> basis;
  for (int i = 0; i < count; ++i) {
    Line line;
    line.description = kItems[random() % kItems.size()];
    line.quantity = 1 + static_cast<std::int64_t>(random() % 12);
    line.unit_price_cents = 500 + static_cast<std::int64_t>(random() % 150000);
    line.vat_rate_bp = rates[random() % 4];
    line.net_cents = line.quantity * line.unit_price_cents;
    basis[line.vat_rate_bp] += line.net_cents;
    d.total_excl_cents += line.net_cents;
    d.lines.push_back(line);
  }
  for (auto it = basis.rbegin(); it != basis.rend(); ++it) {
    VatRow row{it->first, it->second, vat_of(it->second, it->first)};
    d.vat_total_cents += row.vat_cents;
    d.vat_rows.push_back(row);
  }
  d.total_incl_cents = d.total_excl_cents + d.vat_total_cents;
  if (options.prepaid && !d.credit_note)
    d.prepaid_cents =
        (d.total_incl_cents * (20 + static_cast<int>(random() % 30)) / 100) / 100 * 100;
  d.due_cents = d.total_incl_cents - d.prepaid_cents;
  d.iban = make_iban(random);
  d.bic = "BNPAFRPPXXX";
  return d;
}

}  // namespace einvoice::bench::layouts
