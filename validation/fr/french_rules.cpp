// BR-FR-* (French CTC rules, XP Z12-012, FNFE-MPE BR-FR Flux 2 Schematrons
// v1.4.0.03), profile "fr", on the contexts of the CII artefact.
//
// In this version: the mandatory notes (BR-FR-05, -06) and the BAR
// treatment note (BR-FR-20, -31), the invoice number's
// length and characters (BR-FR-01, -02 on BT-1), the date formats of BT-2 and
// BT-9 (BR-FR-03), the document type (BR-FR-04 on BT-3), the billing mode
// (BR-FR-08), the seller's SIREN (BR-FR-10), the electronic addresses (BR-FR-12,
// -13), the VAT rates (BR-FR-16), the attachment codes (BR-FR-17, -18), the
// global allowance credit note (BR-FR-CO-03), due date after issue date
// (BR-FR-CO-07), deposits in final invoices (BR-FR-CO-08), non-EUR invoices
// (BR-FR-CO-12), and the number formats of amounts, quantities and rates
// (BR-FR-DEC-01, -02, -04). The other rules
// of the Schematron, and the UBL artefact, are not implemented yet: rules_of()
// lists only what is checked.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/cii/cii_namespaces.h"
#include "formats/xml/xml_document.h"
#include "validation/fr/french_paths.h"
#include "validation/rule_families.h"

namespace einvoice::validation {
namespace {

using xml::XmlElement;

constexpr std::string_view kRam = cii::kRamNamespace;
constexpr std::string_view kRsm = cii::kRsmNamespace;
constexpr std::string_view kUdt = cii::kUdtNamespace;

constexpr std::string_view kDec01 =
    "BR-FR-DEC-01 : Le montant doit comporter au plus 2 décimales, être exprimé avec un point "
    "comme séparateur, et ne pas dépasser 19 caractères (hors séparateur). Le signe « - » est "
    "autorisé.";

constexpr Rule kRules[] = {
    {"BR-FR-05_BT-22_PMT", kFatal, "BT-22",
     "BR-FR-05/BT-22 : La mention relative aux frais de recouvrement (code PMT) est absente. Elle "
     "est obligatoire dans les notes (BG-1)."},
    {"BR-FR-05_BT-22_PMD", kFatal, "BT-22",
     "BR-FR-05/BT-22 : La mention relative aux pénalités de retard (code PMD) est absente. Elle "
     "est obligatoire dans les notes (BG-1)."},
    {"BR-FR-05_BT-22_AAB", kFatal, "BT-22",
     "BR-FR-05/BT-22 : La mention relative à l'escompte (code AAB) est absente. Elle est "
     "obligatoire dans les notes (BG-1)."},
    {"BR-FR-06_BT-21_PMT", kFatal, "BT-21",
     "BR-FR-06/BT-21 : Le code sujet PMT ne peut apparaître qu'une seule fois dans les notes."},
    {"BR-FR-06_BT-21_PMD", kFatal, "BT-21",
     "BR-FR-06/BT-21 : Le code sujet PMD ne peut apparaître qu'une seule fois dans les notes."},
    {"BR-FR-06_BT-21_AAB", kFatal, "BT-21",
     "BR-FR-06/BT-21 : Le code sujet AAB ne peut apparaître qu'une seule fois dans les notes."},
    {"BR-FR-06_BT-21_TXD", kFatal, "BT-21",
     "BR-FR-06/BT-21 : Le code sujet TXD ne peut apparaître qu'une seule fois dans les notes."},
    {"BR-FR-08_BT-23", kFatal, "BT-23",
     "BR-FR-08/BT-23 : La valeur du mode de facturation est absente ou n'est pas autorisée. "
     "Valeurs acceptées : B1, S1, M1, B2, S2, M2, S3, B4, S4, M4, S5, S6, B7, S7, B8, S8, M8, B9, "
     "S9, M9."},
    {"BR-FR-10_BT-30", kFatal, "BT-30",
     "BR-FR-10/BT-30 : Le SIREN du vendeur est obligatoire et doit être composé exactement de 9 "
     "chiffres."},
    {"BR-FR-12_BT-49", kFatal, "BT-49", "BR-FR-12/BT-49 : Le BT-49 est obligatoire."},
    {"BR-FR-13_BT-34", kFatal, "BT-34", "BR-FR-13/BT-34 : Le BT-34 est obligatoire."},
    {"BR-FR-16_BT-96_BT-103", kFatal, "BT-96",
     "BR-FR-16/BT-96 ou BT-103 : Le taux de TVA doit être exprimé en pourcentage sans symbole « % "
     "» et faire partie des valeurs autorisées."},
    {"BR-FR-16_BT-119", kFatal, "BT-119",
     "BR-FR-16/BT-119 : Le taux de TVA (BT-119) doit être exprimé en pourcentage sans symbole « % "
     "» et faire partie des valeurs autorisées."},
    {"BR-FR-16_BT-152", kFatal, "BT-152",
     "BR-FR-16/BT-152 : Le taux de TVA (BT-152) doit être exprimé en pourcentage sans symbole « % "
     "» et faire partie des valeurs autorisées."},
    {"BR-FR-17_BT-123", kFatal, "BT-123",
     "BR-FR-17/BT-123 : Le code de qualification de la pièce jointe est invalide. Il doit "
     "appartenir à la liste des codes autorisés."},
    {"BR-FR-CO-07_BT-9", kFatal, "BT-9",
     "BR-FR-CO-07/BT-9 : La date d'échéance (BT-9), si présente, doit être postérieure ou égale "
     "à la date de facture (BT-2), sauf si la facture est de type acompte (386, 500, 503) ou si "
     "le cadre de facturation (BT-23) est B2, S2 ou M2."},
    {"BR-FR-CO-12_BT-5", kFatal, "BT-5",
     "BR-FR-CO-12/BT-5 : Si la devise de facture (BT-5) est différente de EUR, la devise de "
     "comptabilité (BT-6) doit être EUR et le montant de TVA en devise de comptabilité (BT-111) "
     "doit être renseigné en EUR."},
    {"BR-FR-18_BT-123", kFatal, "BT-123",
     "BR-FR-18/BT-123 : Il ne peut y avoir qu'un seul document additionnel (BG-24) dont la "
     "description (BT-123) est \"LISIBLE\"."},
    {"BR-FR-20_BT-21", kFatal, "BT-21",
     "BR-FR-20/BT-21 : Lorsqu'une note a pour code sujet « BAR » (BT-21), son contenu (BT-22) doit "
     "être l'une des valeurs B2B, B2BINT, B2C, B2CINT, OUTOFSCOPE, ARCHIVEONLY."},
    {"BR-FR-31_BT-21", kFatal, "BT-21",
     "BR-FR-31/BT-21 : Il ne peut y avoir qu'une seule note de code sujet « BAR » (BT-21) portant "
     "une valeur autorisée."},
    {"BR-FR-CO-03_BT-3", kFatal, "BT-3",
     "BR-FR-CO-03/BT-3 : Si le code type de la facture (BT-3) est égal à 262 (Avoir Remise "
     "Globale), le numéro de contrat (BT-12) et la période de facturation (BG-14, début et fin) "
     "doivent être renseignés."},
    {"BR-FR-CO-08_BT-23", kFatal, "BT-23",
     "BR-FR-CO-08/BT-23 : Si le cadre de facturation (BT-23) est B4, S4 ou M4, le type de facture "
     "(BT-3) ne peut pas être une facture ou un avoir d'acompte (386, 500, 503)."},
    {"BR-FR-DEC-01_BT-92_BT-99", kFatal, "BT-92", kDec01},
    {"BR-FR-DEC-01_BT-93_BT-100", kFatal, "BT-93", kDec01},
    {"BR-FR-DEC-01_BT-106", kFatal, "BT-106", kDec01},
    {"BR-FR-DEC-01_BT-107", kFatal, "BT-107", kDec01},
    {"BR-FR-DEC-01_BT-108", kFatal, "BT-108", kDec01},
    {"BR-FR-DEC-01_BT-109", kFatal, "BT-109", kDec01},
    {"BR-FR-DEC-01_BT-110", kFatal, "BT-110", kDec01},
    {"BR-FR-DEC-01_BT-112", kFatal, "BT-112", kDec01},
    {"BR-FR-DEC-01_BT-113", kFatal, "BT-113", kDec01},
    {"BR-FR-DEC-01_BT-114", kFatal, "BT-114", kDec01},
    {"BR-FR-DEC-01_BT-115", kFatal, "BT-115", kDec01},
    {"BR-FR-DEC-01_BT-116", kFatal, "BT-116", kDec01},
    {"BR-FR-DEC-01_BT-117", kFatal, "BT-117", kDec01},
    {"BR-FR-DEC-01_BT-131", kFatal, "BT-131", kDec01},
    {"BR-FR-DEC-01_BT-136_BT-141", kFatal, "BT-136", kDec01},
    {"BR-FR-DEC-01_BT-137_BT-142", kFatal, "BT-137", kDec01},
    {"BR-FR-DEC-02_BT-129", kFatal, "BT-129",
     "BR-FR-DEC-02/BT-129 : La quantité doit être un nombre d'au plus 4 décimales (séparateur « . "
     "») et 19 chiffres, éventuellement précédé de « - »."},
    {"BR-FR-DEC-02_BT-149", kFatal, "BT-149",
     "BR-FR-DEC-02/BT-149 : La quantité doit être un nombre d'au plus 4 décimales (séparateur « . "
     "») et 19 chiffres, éventuellement précédé de « - »."},
    {"BR-FR-DEC-04_BT-96_BT-103", kFatal, "BT-96",
     "BR-FR-DEC-04/BT-96 ou BT-103 : Le taux de TVA doit être un nombre positif d'au plus 2 "
     "décimales et 4 chiffres."},
    {"BR-FR-DEC-04_BT-119", kFatal, "BT-119",
     "BR-FR-DEC-04/BT-119 : Le taux de TVA doit être un nombre positif d'au plus 2 décimales et 4 "
     "chiffres."},
    {"BR-FR-DEC-04_BT-152", kFatal, "BT-152",
     "BR-FR-DEC-04/BT-152 : Le taux de TVA doit être un nombre positif d'au plus 2 décimales et 4 "
     "chiffres."},
};

// Every rule of the family: the path rules, then the others.
const std::vector<Rule>& all_rules() {
  static const std::vector<Rule> rules = [] {
    std::vector<Rule> out;
    for (const auto& path_rule : french::kPathRules)
      out.push_back(path_rule.rule);
    out.insert(out.end(), std::begin(kRules), std::end(kRules));
    return out;
  }();
  return rules;
}

const Rule& rule(std::string_view id) {
  for (const auto& r : all_rules()) {
    if (r.id == id)
      return r;
  }
  return kRules[0];
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string normalize_space(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (is_space(c)) {
      if (!out.empty() && out.back() != ' ')
        out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ')
    out.pop_back();
  return out;
}

std::size_t characters(std::string_view text) {
  std::size_t n = 0;
  for (char c : text)
    n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// custom:is-valid-id-format: letters, digits, + - _ / and no space at all.
bool valid_id_format(std::string_view text) {
  const std::string normalized = normalize_space(text);
  if (normalized.empty() || text.find(' ') != std::string_view::npos)
    return false;
  for (char c : normalized) {
    const bool ok = is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '+' ||
                    c == '-' || c == '_' || c == '/';
    if (!ok)
      return false;
  }
  return true;
}

// custom:is-valid-schemeid-format: ^[A-Za-z0-9+\-_.]+$
bool valid_scheme_format(std::string_view text) {
  if (text.empty())
    return false;
  for (char c : text) {
    const bool ok = is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '+' ||
                    c == '-' || c == '_' || c == '.';
    if (!ok)
      return false;
  }
  return true;
}

// custom:is-valid-date-format: the first 8 characters are a real date
// 20YYMMDD.
bool valid_date_format(std::string_view text) {
  const std::string_view d = text.substr(0, 8);
  if (d.size() != 8 || d[0] != '2' || d[1] != '0')
    return false;
  for (char c : d) {
    if (!is_digit(c))
      return false;
  }
  const int year = std::stoi(std::string(d.substr(0, 4)));
  const int month = std::stoi(std::string(d.substr(4, 2)));
  const int day = std::stoi(std::string(d.substr(6, 2)));
  if (month < 1 || month > 12 || day < 1)
    return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int max_day = month == 2 && leap ? 29 : kDays[month - 1];
  return day <= max_day;
}

template <std::size_t N>
bool one_of(std::string_view value, const std::string_view (&list)[N]) {
  for (std::string_view item : list) {
    if (value == item)
      return true;
  }
  return false;
}

constexpr std::string_view kDocumentTypes[] = {"380", "389", "393", "501", "386", "500",
                                               "384", "471", "472", "473", "261", "262",
                                               "381", "396", "502", "503"};
constexpr std::string_view kBillingModes[] = {"B1", "S1", "M1", "B2", "S2", "M2", "S3",
                                              "B4", "S4", "M4", "S5", "S6", "B7", "S7",
                                              "B8", "S8", "M8", "B9", "S9", "M9"};
constexpr std::string_view kVatRates[] = {
    "0",     "0.0",  "0.00",  "10",   "10.0",  "10.00", "13",   "13.0", "13.00", "20",  "20.0",
    "20.00", "8.5",  "8.50",  "19.6", "19.60", "2.1",   "2.10", "5.5",  "5.50",  "7",   "7.0",
    "7.00",  "20.6", "20.60", "1.05", "0.9",   "0.90",  "1.75", "9.2",  "9.20",  "9.6", "9.60"};
constexpr std::string_view kBarTreatments[] = {"B2B",    "B2BINT",     "B2C",
                                               "B2CINT", "OUTOFSCOPE", "ARCHIVEONLY"};
constexpr std::string_view kAttachmentCodes[] = {"RIB",
                                                 "LISIBLE",
                                                 "FEUILLE_DE_STYLE",
                                                 "PJA",
                                                 "BORDEREAU_SUIVI",
                                                 "DOCUMENT_ANNEXE",
                                                 "BON_LIVRAISON",
                                                 "BON_COMMANDE",
                                                 "BORDEREAU_SUIVI_VALIDATION",
                                                 "ETAT_ACOMPTE",
                                                 "FACTURE_PAIEMENT_DIRECT",
                                                 "RECAPITULATIF_COTRAITANCE"};

// ^[-]?\d{1,19}(\.\d{1,D})?$ with at most `total` digits; `negative` allows
// the sign.
bool decimal_format(std::string_view text, std::size_t decimals, std::size_t total, bool negative) {
  std::size_t i = 0;
  if (negative && !text.empty() && text[0] == '-')
    ++i;
  std::size_t integer = 0, fraction = 0;
  while (i < text.size() && is_digit(text[i])) {
    ++integer;
    ++i;
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && is_digit(text[i])) {
      ++fraction;
      ++i;
    }
    if (fraction == 0)
      return false;
  }
  return i == text.size() && integer >= 1 && integer <= 19 && fraction <= decimals &&
         (text[0] == '-' ? 1 : 0) + integer + fraction <= total;
}

XmlElement path(XmlElement from, std::initializer_list<std::string_view> steps) {
  XmlElement e = from;
  for (std::string_view step : steps) {
    if (!e)
      return e;
    e = e.child(kRam, step);
  }
  return e;
}

class CiiFrench {
 public:
  CiiFrench(RuleContext& context, XmlElement root) : context_(context), root_(root) {}

  void run() {
    for (const auto& path_rule : french::kPathRules)
      check_path(path_rule);
    XmlElement document = root_.child(kRsm, "ExchangedDocument");
    XmlElement context = root_.child(kRsm, "ExchangedDocumentContext");
    XmlElement transaction = root_.child(kRsm, "SupplyChainTradeTransaction");
    XmlElement agreement = path(transaction, {"ApplicableHeaderTradeAgreement"});
    XmlElement settlement = path(transaction, {"ApplicableHeaderTradeSettlement"});

    if (document)
      document_rules(document);
    if (context) {
      XmlElement mode = path(context, {"BusinessProcessSpecifiedDocumentContextParameter", "ID"});
      if (!mode || !one_of(mode.text(), kBillingModes))
        context_.report_at(rule("BR-FR-08_BT-23"), context);
    }
    // Root-level rules.
    XmlElement siren = legal_id(path(agreement, {"SellerTradeParty"}));
    if (!siren || !all_digits(normalize_space(siren.text()), 9))
      context_.report_at(rule("BR-FR-10_BT-30"), root_);
    if (uri_text(path(agreement, {"BuyerTradeParty"})).empty())
      context_.report_at(rule("BR-FR-12_BT-49"), root_);
    if (uri_text(path(agreement, {"SellerTradeParty"})).empty())
      context_.report_at(rule("BR-FR-13_BT-34"), root_);
    due_date_rules(document, context, settlement);
    currency_rule(settlement);
    type_rules(document, context, agreement, settlement);
    amount_formats(transaction, settlement);

    if (agreement) {
      agreement.for_each_child(kRam, "AdditionalReferencedDocument", [&](XmlElement reference) {
        XmlElement type = reference.child(kRam, "TypeCode");
        if (!type || type.text() != "916")
          return;
        XmlElement name = reference.child(kRam, "Name");
        const std::string code = name ? normalize_space(name.text()) : std::string();
        if (!code.empty() && !one_of(code, kAttachmentCodes))
          context_.report_at(rule("BR-FR-17_BT-123"), reference);
      });
    }
    if (settlement) {
      settlement.for_each_child(kRam, "ApplicableTradeTax", [&](XmlElement tax) {
        rate_rules(tax, "BR-FR-16_BT-119", "BR-FR-DEC-04_BT-119");
      });
      settlement.for_each_child(kRam, "SpecifiedTradeAllowanceCharge", [&](XmlElement charge) {
        charge.for_each_child(kRam, "CategoryTradeTax", [&](XmlElement tax) {
          rate_rules(tax, "BR-FR-16_BT-96_BT-103", "BR-FR-DEC-04_BT-96_BT-103");
        });
      });
    }
    if (transaction) {
      transaction.for_each_child(kRam, "IncludedSupplyChainTradeLineItem",
                                 [&](XmlElement line) { line_rules(line); });
    }
  }

 private:
  // The namespace of a prefix of the artefact's paths.
  static std::string_view namespace_of(std::string_view prefix) {
    if (prefix == "rsm")
      return kRsm;
    if (prefix == "udt")
      return kUdt;
    if (prefix == "qdt")
      return cii::kQdtNamespace;
    return kRam;
  }

  // One step "ram:Name", "ram:Name[@attr='v']" or "ram:Name[ram:Child='v']":
  // the children of `parent` it selects.
  static void step(XmlElement parent, std::string_view text,
                   const std::function<void(XmlElement)>& next) {
    std::string_view name = text, predicate;
    if (auto open = text.find('['); open != std::string_view::npos) {
      name = text.substr(0, open);
      predicate = text.substr(open + 1, text.size() - open - 2);
    }
    const auto colon = name.find(':');
    const std::string_view ns = namespace_of(name.substr(0, colon));
    const std::string_view local = name.substr(colon + 1);
    std::string_view key, value;
    if (!predicate.empty()) {
      const auto eq = predicate.find('=');
      key = predicate.substr(0, eq);
      value = predicate.substr(eq + 2, predicate.size() - eq - 3);  // between quotes
    }
    parent.for_each_child(ns, local, [&](XmlElement child) {
      if (!key.empty()) {
        if (key.front() == '@') {
          if (child.attribute(key.substr(1)) != std::optional<std::string>(std::string(value)))
            return;
        } else {
          const auto key_colon = key.find(':');
          bool found = false;
          child.for_each_child(namespace_of(key.substr(0, key_colon)), key.substr(key_colon + 1),
                               [&](XmlElement c) { found |= c.text() == value; });
          if (!found)
            return;
        }
      }
      next(child);
    });
  }

  void walk_path(XmlElement from, std::string_view path, const french::PathRule& rule_) {
    const auto slash = path.find('/');
    const std::string_view head = path.substr(0, slash);
    step(from, head, [&](XmlElement child) {
      if (slash == std::string_view::npos)
        check_element(child, rule_);
      else
        walk_path(child, path.substr(slash + 1), rule_);
    });
  }

  void check_path(const french::PathRule& path_rule) {
    walk_path(root_, path_rule.path, path_rule);
  }

  void check_element(XmlElement element, const french::PathRule& path_rule) {
    const std::string text = element.text();
    bool holds = true;
    switch (path_rule.check) {
      case french::PathCheck::kMaxLength:
        holds = characters(text) <= static_cast<std::size_t>(path_rule.limit);
        break;
      case french::PathCheck::kIdFormat:
        holds = valid_id_format(text);
        break;
      case french::PathCheck::kDate:
        holds = valid_date_format(text);
        break;
      case french::PathCheck::kDocumentType:
        holds = one_of(text, kDocumentTypes);
        break;
      case french::PathCheck::kSchemeFormat:
        holds = valid_scheme_format(text);
        break;
      case french::PathCheck::kNotBlank:
        holds = !normalize_space(text).empty();
        break;
    }
    if (!holds)
      context_.report_at(path_rule.rule, element);
  }

  static bool all_digits(const std::string& text, std::size_t count) {
    if (text.size() != count)
      return false;
    for (char c : text) {
      if (!is_digit(c))
        return false;
    }
    return true;
  }

  // ram:SpecifiedLegalOrganization/ram:ID[@schemeID='0002'], the first.
  static XmlElement legal_id(XmlElement party) {
    XmlElement found;
    XmlElement organisation = party ? party.child(kRam, "SpecifiedLegalOrganization") : party;
    if (organisation) {
      organisation.for_each_child(kRam, "ID", [&](XmlElement id) {
        if (!found && id.attribute("schemeID") == std::optional<std::string>("0002"))
          found = id;
      });
    }
    return found;
  }

  static std::string uri_text(XmlElement party) {
    XmlElement uri = path(party, {"URIUniversalCommunication", "URIID"});
    return uri ? uri.text() : std::string();
  }

  void document_rules(XmlElement document) {
    // BR-FR-20 / BR-FR-31 on the BAR notes (the treatment of the invoice).
    int valid_bar = 0;
    document.for_each_child(kRam, "IncludedNote", [&](XmlElement note) {
      bool bar = false;
      note.for_each_child(kRam, "SubjectCode",
                          [&](XmlElement code) { bar |= code.text() == "BAR"; });
      if (!bar)
        return;
      XmlElement content = note.child(kRam, "Content");
      const std::string value = content ? content.text() : std::string();
      if (!one_of(value, kBarTreatments))
        context_.report_at(rule("BR-FR-20_BT-21"), note);
      if (one_of(normalize_space(value), kBarTreatments))
        ++valid_bar;
    });
    if (valid_bar > 1)
      context_.report_at(rule("BR-FR-31_BT-21"), document);
    // BR-FR-05 / BR-FR-06 on the notes' subject codes.
    int pmt = 0, pmd = 0, aab = 0, txd = 0;
    document.for_each_child(kRam, "IncludedNote", [&](XmlElement note) {
      bool is_pmt = false, is_pmd = false, is_aab = false, is_txd = false;
      note.for_each_child(kRam, "SubjectCode", [&](XmlElement code) {
        const std::string text = code.text();
        is_pmt |= text == "PMT";
        is_pmd |= text == "PMD";
        is_aab |= text == "AAB";
        is_txd |= text == "TXD";
      });
      pmt += is_pmt;
      pmd += is_pmd;
      aab += is_aab;
      txd += is_txd;
    });
    if (pmt == 0)
      context_.report_at(rule("BR-FR-05_BT-22_PMT"), document);
    if (pmd == 0)
      context_.report_at(rule("BR-FR-05_BT-22_PMD"), document);
    if (aab == 0)
      context_.report_at(rule("BR-FR-05_BT-22_AAB"), document);
    if (pmt > 1)
      context_.report_at(rule("BR-FR-06_BT-21_PMT"), document);
    if (pmd > 1)
      context_.report_at(rule("BR-FR-06_BT-21_PMD"), document);
    if (aab > 1)
      context_.report_at(rule("BR-FR-06_BT-21_AAB"), document);
    if (txd > 1)
      context_.report_at(rule("BR-FR-06_BT-21_TXD"), document);
  }

  // BR-FR-03 on BT-9 and BR-FR-CO-07: the due date of the payment terms.
  void due_date_rules(XmlElement document, XmlElement context, XmlElement settlement) {
    XmlElement due;
    if (settlement) {
      settlement.for_each_child(kRam, "SpecifiedTradePaymentTerms", [&](XmlElement terms) {
        terms.for_each_child(kRam, "DueDateDateTime", [&](XmlElement when) {
          when.for_each_child(kUdt, "DateTimeString", [&](XmlElement date) {
            if (!due)
              due = date;
          });
        });
      });
    }
    if (!due || due.text().empty())
      return;
    XmlElement issue = document ? path(document, {"IssueDateTime"}) : document;
    issue = issue ? issue.child(kUdt, "DateTimeString") : issue;
    XmlElement type = document ? document.child(kRam, "TypeCode") : document;
    XmlElement mode =
        context ? path(context, {"BusinessProcessSpecifiedDocumentContextParameter", "ID"})
                : context;
    const std::string type_code = type ? type.text() : std::string();
    const std::string framework = mode ? mode.text() : std::string();
    const bool excepted = type_code == "386" || type_code == "500" || type_code == "503" ||
                          framework == "B2" || framework == "S2" || framework == "M2";
    // Untyped values compared as strings, as the artefact's XPath does.
    const bool after = issue && due.text() >= issue.text();
    if (!excepted && !after)
      context_.report_at(rule("BR-FR-CO-07_BT-9"), root_);
  }

  // BR-FR-18, BR-FR-CO-03, BR-FR-CO-08.
  void type_rules(XmlElement document, XmlElement context, XmlElement agreement,
                  XmlElement settlement) {
    int lisible = 0;
    if (agreement) {
      agreement.for_each_child(kRam, "AdditionalReferencedDocument", [&](XmlElement reference) {
        reference.for_each_child(kRam, "Name",
                                 [&](XmlElement name) { lisible += name.text() == "LISIBLE"; });
      });
    }
    if (lisible > 1)
      context_.report_at(rule("BR-FR-18_BT-123"), root_);
    XmlElement type = document ? document.child(kRam, "TypeCode") : document;
    const std::string type_code = type ? type.text() : std::string();
    XmlElement mode =
        context ? path(context, {"BusinessProcessSpecifiedDocumentContextParameter", "ID"})
                : context;
    const std::string framework = mode ? mode.text() : std::string();
    if (type_code == "262") {
      XmlElement contract = path(agreement, {"ContractReferencedDocument", "IssuerAssignedID"});
      XmlElement period = path(settlement, {"BillingSpecifiedPeriod"});
      XmlElement start = path(period, {"StartDateTime"});
      XmlElement end = path(period, {"EndDateTime"});
      start = start ? start.child(kUdt, "DateTimeString") : start;
      end = end ? end.child(kUdt, "DateTimeString") : end;
      if (!(contract && !contract.text().empty() && start && !start.text().empty() && end &&
            !end.text().empty()))
        context_.report_at(rule("BR-FR-CO-03_BT-3"), root_);
    }
    const bool final_after_deposit = framework == "B4" || framework == "S4" || framework == "M4";
    const bool deposit = type_code == "386" || type_code == "500" || type_code == "503";
    if (final_after_deposit && deposit)
      context_.report_at(rule("BR-FR-CO-08_BT-23"), root_);
  }

  // BR-FR-DEC-01: amounts of at most 2 decimals and 19 digits.
  void amount_format(XmlElement container, std::string_view name, std::string_view id) {
    if (!container)
      return;
    container.for_each_child(kRam, name, [&](XmlElement amount) {
      if (!decimal_format(normalize_space(amount.text()), 2, 19, true))
        context_.report_at(rule(id), amount);
    });
  }

  void amount_formats(XmlElement transaction, XmlElement settlement) {
    if (settlement) {
      settlement.for_each_child(kRam, "SpecifiedTradeAllowanceCharge", [&](XmlElement charge) {
        amount_format(charge, "ActualAmount", "BR-FR-DEC-01_BT-92_BT-99");
        amount_format(charge, "BasisAmount", "BR-FR-DEC-01_BT-93_BT-100");
      });
      settlement.for_each_child(
          kRam, "SpecifiedTradeSettlementHeaderMonetarySummation", [&](XmlElement sums) {
            amount_format(sums, "LineTotalAmount", "BR-FR-DEC-01_BT-106");
            amount_format(sums, "AllowanceTotalAmount", "BR-FR-DEC-01_BT-107");
            amount_format(sums, "ChargeTotalAmount", "BR-FR-DEC-01_BT-108");
            amount_format(sums, "TaxBasisTotalAmount", "BR-FR-DEC-01_BT-109");
            // Both VAT totals (BT-110, BT-111) are taken by the BT-110 rule, the
            // first of the pattern for that context.
            amount_format(sums, "TaxTotalAmount", "BR-FR-DEC-01_BT-110");
            amount_format(sums, "GrandTotalAmount", "BR-FR-DEC-01_BT-112");
            amount_format(sums, "TotalPrepaidAmount", "BR-FR-DEC-01_BT-113");
            amount_format(sums, "RoundingAmount", "BR-FR-DEC-01_BT-114");
            amount_format(sums, "DuePayableAmount", "BR-FR-DEC-01_BT-115");
          });
      settlement.for_each_child(kRam, "ApplicableTradeTax", [&](XmlElement tax) {
        amount_format(tax, "BasisAmount", "BR-FR-DEC-01_BT-116");
        amount_format(tax, "CalculatedAmount", "BR-FR-DEC-01_BT-117");
      });
    }
    if (!transaction)
      return;
    transaction.for_each_child(kRam, "IncludedSupplyChainTradeLineItem", [&](XmlElement line) {
      line.for_each_child(kRam, "SpecifiedLineTradeSettlement", [&](XmlElement line_settlement) {
        line_settlement.for_each_child(
            kRam, "SpecifiedTradeSettlementLineMonetarySummation", [&](XmlElement sums) {
              amount_format(sums, "LineTotalAmount", "BR-FR-DEC-01_BT-131");
            });
        line_settlement.for_each_child(
            kRam, "SpecifiedTradeAllowanceCharge", [&](XmlElement charge) {
              amount_format(charge, "ActualAmount", "BR-FR-DEC-01_BT-136_BT-141");
              amount_format(charge, "BasisAmount", "BR-FR-DEC-01_BT-137_BT-142");
            });
      });
    });
  }

  void currency_rule(XmlElement settlement) {
    XmlElement invoice_currency =
        settlement ? settlement.child(kRam, "InvoiceCurrencyCode") : settlement;
    if (!invoice_currency || invoice_currency.text() == "EUR")
      return;
    XmlElement accounting = settlement.child(kRam, "TaxCurrencyCode");
    std::string tax_in_eur;
    XmlElement summation =
        settlement.child(kRam, "SpecifiedTradeSettlementHeaderMonetarySummation");
    if (summation) {
      summation.for_each_child(kRam, "TaxTotalAmount", [&](XmlElement amount) {
        if (tax_in_eur.empty() &&
            amount.attribute("currencyID") == std::optional<std::string>("EUR"))
          tax_in_eur = amount.text();
      });
    }
    if (!(accounting && accounting.text() == "EUR" && !tax_in_eur.empty()))
      context_.report_at(rule("BR-FR-CO-12_BT-5"), root_);
  }

  void rate_rules(XmlElement tax, std::string_view list_rule, std::string_view format_rule) {
    XmlElement rate = tax.child(kRam, "RateApplicablePercent");
    const std::string text = rate ? rate.text() : std::string();
    if (!text.empty() && !one_of(text, kVatRates))
      context_.report_at(rule(list_rule), tax);
    tax.for_each_child(kRam, "RateApplicablePercent", [&](XmlElement percent) {
      if (!decimal_format(percent.text(), 2, 4, false))
        context_.report_at(rule(format_rule), percent);
    });
  }

  void line_rules(XmlElement line) {
    XmlElement delivery = line.child(kRam, "SpecifiedLineTradeDelivery");
    if (delivery) {
      delivery.for_each_child(kRam, "BilledQuantity", [&](XmlElement quantity) {
        if (!decimal_format(quantity.text(), 4, 19, true))
          context_.report_at(rule("BR-FR-DEC-02_BT-129"), quantity);
      });
    }
    XmlElement price = path(line, {"SpecifiedLineTradeAgreement", "NetPriceProductTradePrice"});
    if (price) {
      price.for_each_child(kRam, "BasisQuantity", [&](XmlElement quantity) {
        if (!decimal_format(quantity.text(), 4, 19, true))
          context_.report_at(rule("BR-FR-DEC-02_BT-149"), quantity);
      });
    }
    XmlElement settlement = line.child(kRam, "SpecifiedLineTradeSettlement");
    if (settlement) {
      settlement.for_each_child(kRam, "ApplicableTradeTax", [&](XmlElement tax) {
        rate_rules(tax, "BR-FR-16_BT-152", "BR-FR-DEC-04_BT-152");
      });
    }
  }

  RuleContext& context_;
  XmlElement root_;
};

}  // namespace

void check_french_rules(RuleContext& context) {
  const xml::XmlDocument* document = context.document();
  if (document == nullptr || !context.is_cii())
    return;
  XmlElement root = document->root();
  if (root && root.is(kRsm, cii::kRootElement))
    CiiFrench(context, root).run();
}

std::span<const Rule> french_rules() {
  return all_rules();
}

}  // namespace einvoice::validation
