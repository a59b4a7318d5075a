#pragma once

// Recognisers for the values printed on invoices, as OCR or a text layer
// gives them: amounts in French, English and German notation, dates in the
// usual numeric and written forms, and the identifiers whose check digits
// let a value prove itself (SIREN, SIRET, French VAT number, IBAN).

#include <optional>
#include <string>
#include <string_view>

#include "model/date.h"
#include "model/decimal.h"

namespace einvoice::ocr {

// "1 234,56", "1.234,56", "1,234.56", "1234.56", "-12,50 €", "EUR 12.50",
// "12,50-" -> exact decimal keeping the printed decimals. A number without
// decimals is accepted only when `allow_integer`. nullopt when the text is
// not one amount.
std::optional<model::Decimal> parse_amount(std::string_view text, bool allow_integer = false);

// "05/03/2018", "05.03.2018", "05-03-2018", "2018-03-05", "5 mars 2018",
// "05 March 2018", "March 5, 2018", "5. März 2018", "29 maart 2014":
// day-first for numeric forms (the European convention), month-first only
// where day-first is impossible ("03/20/2023"). French, English, German and
// Dutch month names. nullopt when not one valid date.
std::optional<model::Date> parse_date(std::string_view text);

// ISO 4217 code for "EUR", "€", "USD", "$", "GBP", "£", "CHF", ... found as a
// whole token; nullopt otherwise.
std::optional<std::string> parse_currency(std::string_view token);

// Only the digits of `text` (spaces, dots and dashes between groups dropped).
std::string digits_of(std::string_view text);

bool luhn_valid(std::string_view digits);
// 9 digits passing the Luhn check.
bool is_siren(std::string_view digits);
// 14 digits passing the Luhn check (La Poste's SIRETs, SIREN 356000000,
// may instead have a digit sum divisible by 5).
bool is_siret(std::string_view digits);
// "FR" + 2-digit key + SIREN with key = (12 + 3 * (SIREN mod 97)) mod 97.
// `text` without spaces, upper case.
bool is_french_vat_number(std::string_view text);
// Two letters + 2 check digits + BBAN, passing ISO 13616's mod 97 check.
bool is_iban(std::string_view text);
// 8 or 11 characters: 4 letters (bank), 2 letters (country), 2 alphanumerics,
// optional 3 alphanumerics.
bool is_bic(std::string_view text);

// Upper case, without spaces: how identifiers are compared.
std::string compact_upper(std::string_view text);

}  // namespace einvoice::ocr
