#pragma once

#include <string_view>

namespace einvoice::render {

enum class Language;

// Every fixed text of a rendered invoice, in one language (UTF-8).
struct Labels {
  const char* title_invoice;
  const char* title_credit_note;
  const char* title_corrected_invoice;
  const char* title_prepayment_invoice;
  const char* continued;
  const char* page;

  const char* invoice_number;
  const char* credit_note_number;
  const char* issue_date;
  const char* due_date;
  const char* currency;
  const char* vat_currency;
  const char* vat_point_date;
  const char* invoicing_period;
  const char* period_separator;

  const char* seller;
  const char* buyer;
  const char* payee;
  const char* tax_representative;
  const char* delivery;
  const char* delivery_date;
  const char* trading_name;
  const char* siren;
  const char* siret;
  const char* legal_id;
  const char* vat_id;
  const char* tax_registration;
  const char* identifier;
  const char* electronic_address;
  const char* contact;
  const char* phone;
  const char* email;

  const char* references;
  const char* buyer_reference;
  const char* purchase_order;
  const char* sales_order;
  const char* contract;
  const char* project;
  const char* receiving_advice;
  const char* despatch_advice;
  const char* tender;
  const char* invoiced_object;
  const char* buyer_accounting;
  const char* preceding_invoice;

  const char* lines;
  const char* col_line_id;
  const char* col_item;
  const char* col_quantity;
  const char* col_unit;
  const char* col_unit_price;
  const char* col_vat_rate;
  const char* col_net_amount;
  const char* line_period;
  const char* line_allowance;
  const char* line_charge;

  const char* allowances_charges;
  const char* allowance;
  const char* charge;
  const char* col_kind;
  const char* col_reason;
  const char* col_base;
  const char* col_percentage;
  const char* col_vat;
  const char* col_amount;

  const char* vat_breakdown;
  const char* col_category;
  const char* col_rate;
  const char* col_taxable;
  const char* col_vat_amount;
  const char* col_exemption;

  const char* totals;
  const char* line_total;
  const char* allowance_total;
  const char* charge_total;
  const char* total_without_vat;
  const char* vat_total;
  const char* vat_total_accounting;
  const char* total_with_vat;
  const char* paid;
  const char* rounding;
  const char* amount_due;

  const char* payment;
  const char* payment_terms;
  const char* payment_means;
  const char* remittance;
  const char* account;
  const char* account_name;
  const char* bic;
  const char* card;
  const char* card_holder;
  const char* mandate;
  const char* creditor_id;
  const char* debited_account;

  const char* notes;
  const char* supporting_documents;
};

const Labels& labels_for(Language language);

// A readable name for a code, or empty when the code is not known.
std::string_view note_subject_label(Language language, std::string_view code);   // UNTDID 4451
std::string_view payment_means_label(Language language, std::string_view code);  // UNTDID 4461
std::string_view vat_category_label(Language language, std::string_view code);   // UNCL 5305
// The name or symbol a reader knows for a unit of measure (UN/ECE
// Recommendation 20 and 21 codes, BT-130/BT-150): "KGM" -> "kg", "MTQ" -> "m³",
// "C62" -> "unité" / "unit". Empty for a code not in the table.
std::string_view unit_label(Language language, std::string_view code);

}  // namespace einvoice::render
