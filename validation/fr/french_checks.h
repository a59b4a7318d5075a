#pragma once

// Internal to the French rules: the checks the FNFE-MPE BR-FR Schematrons
// define as functions (identifier, date and number formats) and their code
// lists, shared by the CII and UBL families.

#include <string>
#include <string_view>

#include "formats/xml/xml_document.h"
#include "validation/rule.h"
#include "validation/rule_context.h"

namespace einvoice::validation::french {

// The rule of the family with this id (its first entry when CII and UBL
// share an id).
const Rule& rule(std::string_view id);
// The same among the rules of the UBL artefact.
const Rule& ubl_rule(std::string_view id);

inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

inline bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

inline std::string normalize_space(std::string_view text) {
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

inline std::size_t characters(std::string_view text) {
  std::size_t n = 0;
  for (char c : text)
    n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// custom:is-valid-id-format: letters, digits, + - _ / and no space at all.
inline bool valid_id_format(std::string_view text) {
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
inline bool valid_scheme_format(std::string_view text) {
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
inline bool valid_date_format(std::string_view text) {
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
inline bool one_of(std::string_view value, const std::string_view (&list)[N]) {
  for (std::string_view item : list) {
    if (value == item)
      return true;
  }
  return false;
}

inline constexpr std::string_view kDocumentTypes[] = {"380", "389", "393", "501", "386", "500",
                                                      "384", "471", "472", "473", "261", "262",
                                                      "381", "396", "502", "503"};
inline constexpr std::string_view kBillingModes[] = {"B1", "S1", "M1", "B2", "S2", "M2", "S3",
                                                     "B4", "S4", "M4", "S5", "S6", "B7", "S7",
                                                     "B8", "S8", "M8", "B9", "S9", "M9"};
inline constexpr std::string_view kVatRates[] = {
    "0",     "0.0",  "0.00",  "10",   "10.0",  "10.00", "13",   "13.0", "13.00", "20",  "20.0",
    "20.00", "8.5",  "8.50",  "19.6", "19.60", "2.1",   "2.10", "5.5",  "5.50",  "7",   "7.0",
    "7.00",  "20.6", "20.60", "1.05", "0.9",   "0.90",  "1.75", "9.2",  "9.20",  "9.6", "9.60"};
inline constexpr std::string_view kBarTreatments[] = {"B2B",    "B2BINT",     "B2C",
                                                      "B2CINT", "OUTOFSCOPE", "ARCHIVEONLY"};
inline constexpr std::string_view kAttachmentCodes[] = {"RIB",
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
inline bool decimal_format(std::string_view text, std::size_t decimals, std::size_t total,
                           bool negative) {
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

// Reports `rule` at `element`, its message's "{}" (a path rule's <value-of
// select="."/>, french_tables.h) replaced by `value`.
inline void report_with_value(RuleContext& context, const Rule& rule, xml::XmlElement element,
                              std::string_view value) {
  std::string message;
  std::string_view rest = rule.message;
  for (auto at = rest.find("{}"); at != std::string_view::npos; at = rest.find("{}")) {
    message.append(rest.substr(0, at)).append(value);
    rest.remove_prefix(at + 2);
  }
  message.append(rest);
  Rule filled = rule;
  filled.message = message;
  context.report_at(filled, element);
}

}  // namespace einvoice::validation::french
