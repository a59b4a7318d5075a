#pragma once

// The invoices the layout corpus prints: seeded, plausible, consistent
// (valid SIREN, SIRET, French VAT key and IBAN; lines, VAT rows and totals
// that add up to the cent), with names and places that carry accents. Money
// is held in cents (exact integers), rates in hundredths of a percent.

#include <cstdint>
#include <string>
#include <vector>

namespace einvoice::bench::layouts {

struct Party {
  std::string name;
  std::string street;
  std::string postcode;
  std::string city;
  std::string country;  // ISO 3166 alpha-2
  std::string siren;    // 9 digits, French parties
  std::string siret;    // 14 digits
  std::string vat;      // "FR" + key + SIREN, or a foreign VAT id
  std::string legal_form;
  std::string capital;  // "10 000" (euros), for the legal mentions
  std::string rcs_city;
};

struct Line {
  std::string description;
  std::int64_t quantity = 1;
  std::int64_t unit_price_cents = 0;
  int vat_rate_bp = 2000;  // 20.00 % = 2000
  std::int64_t net_cents = 0;
};

struct VatRow {
  int rate_bp = 0;
  std::int64_t basis_cents = 0;
  std::int64_t vat_cents = 0;
};

struct Date {
  int year = 2026, month = 1, day = 1;
};

struct InvoiceData {
  bool credit_note = false;  // type 381
  std::string number;
  std::string preceding_number;  // a credit note's cancelled invoice (BT-25)
  Date issue;
  Date due;
  std::string currency = "EUR";
  Party seller;
  Party buyer;
  std::vector<Line> lines;
  std::vector<VatRow> vat_rows;
  std::int64_t total_excl_cents = 0;
  std::int64_t vat_total_cents = 0;
  std::int64_t total_incl_cents = 0;
  std::int64_t prepaid_cents = 0;  // a down payment already received (BT-113)
  std::int64_t due_cents = 0;
  std::string iban;  // compact
  std::string bic;
};

struct DataOptions {
  bool credit_note = false;
  bool prepaid = false;
  std::string currency = "EUR";
  bool foreign_buyer = false;  // a Belgian or German buyer
  bool german_seller = false;  // a GmbH in Berlin: a German VAT id, no SIREN
};

// The same seed and options always give the same invoice.
InvoiceData make_invoice_data(unsigned seed, const DataOptions& options);

// "1234.56" from 123456 cents (the ground truth's form).
std::string plain_amount(std::int64_t cents);
// "2026-03-11"
std::string iso_date(const Date& date);

}  // namespace einvoice::bench::layouts
