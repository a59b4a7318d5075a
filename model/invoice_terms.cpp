#include <initializer_list>

#include "model/invoice.h"
#include "model/term_visitor.h"

namespace einvoice::model {
namespace {

// Ids of one use of the shared PostalAddress / Contact / AllowanceCharge types.
struct AddressIds {
  const char* group;
  const char* line1;
  const char* line2;
  const char* line3;
  const char* city;
  const char* post_code;
  const char* subdivision;
  const char* country;
};
struct ContactIds {
  const char* group;
  const char* point;
  const char* telephone;
  const char* email;
};
struct AllowanceChargeIds {
  const char* group;
  const char* amount;
  const char* base_amount;
  const char* percentage;
  const char* vat_category;  // nullptr at line level
  const char* vat_rate;      // nullptr at line level
  const char* reason;
  const char* reason_code;
};

class Walker {
 public:
  explicit Walker(TermVisitor& visitor) : v_(visitor) {}

  void text(const char* id, const std::optional<std::string>& value) {
    if (value)
      v_.value(id, *value);
  }
  void decimal(const char* id, const std::optional<Decimal>& value) {
    if (value)
      v_.value(id, value->to_string());
  }
  void date(const char* id, const std::optional<Date>& value) {
    if (value)
      v_.value(id, value->to_iso());
  }
  // The identifier's value under `id`, its scheme under id-1, version id-2.
  void identifier_terms(const std::string& id, const Identifier& value) {
    v_.value(id, value.value);
    if (value.scheme_id)
      v_.value(id + "-1", *value.scheme_id);
    if (value.scheme_version)
      v_.value(id + "-2", *value.scheme_version);
  }
  void identifier(const char* id, const std::optional<Identifier>& value) {
    if (value)
      identifier_terms(id, *value);
  }
  void identifiers(const char* id, const std::vector<Identifier>& values) {
    if (values.empty())
      return;
    v_.begin_list(id);
    for (const auto& value : values) {
      v_.begin_group(id);
      identifier_terms(id, value);
      v_.end_group();
    }
    v_.end_list();
  }
  template <class T, class F>
  void group(const char* id, const std::optional<T>& value, F&& body) {
    if (!value)
      return;
    v_.begin_group(id);
    body(*value);
    v_.end_group();
  }
  template <class T, class F>
  void list(const char* id, const std::vector<T>& values, F&& body) {
    if (values.empty())
      return;
    v_.begin_list(id);
    for (const auto& value : values) {
      v_.begin_group(id);
      body(value);
      v_.end_group();
    }
    v_.end_list();
  }

  void address(const AddressIds& ids, const PostalAddress& a) {
    if (a.empty())
      return;
    v_.begin_group(ids.group);
    text(ids.line1, a.line1);
    text(ids.line2, a.line2);
    text(ids.line3, a.line3);
    text(ids.city, a.city);
    text(ids.post_code, a.post_code);
    text(ids.subdivision, a.country_subdivision);
    text(ids.country, a.country_code);
    v_.end_group();
  }
  void contact(const ContactIds& ids, const std::optional<Contact>& c) {
    group(ids.group, c, [&](const Contact& x) {
      text(ids.point, x.point);
      text(ids.telephone, x.telephone);
      text(ids.email, x.email);
    });
  }
  void allowance_charges(const AllowanceChargeIds& ids, const std::vector<AllowanceCharge>& all) {
    list(ids.group, all, [&](const AllowanceCharge& x) {
      decimal(ids.amount, x.amount);
      decimal(ids.base_amount, x.base_amount);
      decimal(ids.percentage, x.percentage);
      if (ids.vat_category)
        text(ids.vat_category, x.vat_category_code);
      if (ids.vat_rate)
        decimal(ids.vat_rate, x.vat_rate);
      text(ids.reason, x.reason);
      text(ids.reason_code, x.reason_code);
    });
  }
  void period(const char* group_id, const char* start, const char* end,
              const std::optional<Period>& p) {
    group(group_id, p, [&](const Period& x) {
      date(start, x.start_date);
      date(end, x.end_date);
    });
  }

  void invoice(const Invoice& in);
  void seller(const Seller& s);
  void buyer(const Buyer& b);
  void payment(const PaymentInstructions& p);
  void totals(const DocumentTotals& t);
  void line(const InvoiceLine& l);

  TermVisitor& v_;
};

void Walker::seller(const Seller& s) {
  v_.begin_group("BG-4");
  text("BT-27", s.name);
  text("BT-28", s.trading_name);
  identifiers("BT-29", s.identifiers);
  identifier("BT-30", s.legal_registration_identifier);
  text("BT-31", s.vat_identifier);
  text("BT-32", s.tax_registration_identifier);
  text("BT-33", s.additional_legal_information);
  identifier("BT-34", s.electronic_address);
  address({"BG-5", "BT-35", "BT-36", "BT-162", "BT-37", "BT-38", "BT-39", "BT-40"}, s.address);
  contact({"BG-6", "BT-41", "BT-42", "BT-43"}, s.contact);
  v_.end_group();
}

void Walker::buyer(const Buyer& b) {
  v_.begin_group("BG-7");
  text("BT-44", b.name);
  text("BT-45", b.trading_name);
  identifier("BT-46", b.identifier);
  identifier("BT-47", b.legal_registration_identifier);
  text("BT-48", b.vat_identifier);
  identifier("BT-49", b.electronic_address);
  address({"BG-8", "BT-50", "BT-51", "BT-163", "BT-52", "BT-53", "BT-54", "BT-55"}, b.address);
  contact({"BG-9", "BT-56", "BT-57", "BT-58"}, b.contact);
  v_.end_group();
}

void Walker::payment(const PaymentInstructions& p) {
  text("BT-81", p.means_type_code);
  text("BT-82", p.means_text);
  text("BT-83", p.remittance_information);
  list("BG-17", p.credit_transfers, [&](const CreditTransfer& x) {
    text("BT-84", x.account_identifier);
    text("BT-85", x.account_name);
    text("BT-86", x.service_provider_identifier);
  });
  group("BG-18", p.card, [&](const PaymentCard& x) {
    text("BT-87", x.primary_account_number);
    text("BT-88", x.holder_name);
  });
  group("BG-19", p.direct_debit, [&](const DirectDebit& x) {
    text("BT-89", x.mandate_reference);
    text("BT-90", x.bank_assigned_creditor_id);
    text("BT-91", x.debited_account_identifier);
  });
}

void Walker::totals(const DocumentTotals& t) {
  if (t == DocumentTotals{})
    return;
  v_.begin_group("BG-22");
  decimal("BT-106", t.line_net_total);
  decimal("BT-107", t.allowance_total);
  decimal("BT-108", t.charge_total);
  decimal("BT-109", t.total_without_vat);
  decimal("BT-110", t.vat_total);
  decimal("BT-111", t.vat_total_accounting_currency);
  decimal("BT-112", t.total_with_vat);
  decimal("BT-113", t.paid_amount);
  decimal("BT-114", t.rounding_amount);
  decimal("BT-115", t.amount_due);
  v_.end_group();
}

void Walker::line(const InvoiceLine& l) {
  text("BT-126", l.identifier);
  text("BT-127", l.note);
  identifier("BT-128", l.object_identifier);
  decimal("BT-129", l.invoiced_quantity);
  text("BT-130", l.invoiced_quantity_unit);
  decimal("BT-131", l.net_amount);
  text("BT-132", l.purchase_order_line_reference);
  text("BT-133", l.buyer_accounting_reference);
  period("BG-26", "BT-134", "BT-135", l.period);
  allowance_charges({"BG-27", "BT-136", "BT-137", "BT-138", nullptr, nullptr, "BT-139", "BT-140"},
                    l.allowances);
  allowance_charges({"BG-28", "BT-141", "BT-142", "BT-143", nullptr, nullptr, "BT-144", "BT-145"},
                    l.charges);
  if (!(l.price == PriceDetails{})) {
    v_.begin_group("BG-29");
    decimal("BT-146", l.price.net_price);
    decimal("BT-147", l.price.discount);
    decimal("BT-148", l.price.gross_price);
    decimal("BT-149", l.price.base_quantity);
    text("BT-150", l.price.base_quantity_unit);
    v_.end_group();
  }
  if (!(l.vat == LineVatInformation{})) {
    v_.begin_group("BG-30");
    text("BT-151", l.vat.category_code);
    decimal("BT-152", l.vat.rate);
    v_.end_group();
  }
  if (!(l.item == ItemInformation{})) {
    v_.begin_group("BG-31");
    text("BT-153", l.item.name);
    text("BT-154", l.item.description);
    text("BT-155", l.item.sellers_identifier);
    text("BT-156", l.item.buyers_identifier);
    identifier("BT-157", l.item.standard_identifier);
    identifiers("BT-158", l.item.classification_identifiers);
    text("BT-159", l.item.country_of_origin);
    list("BG-32", l.item.attributes, [&](const ItemAttribute& x) {
      text("BT-160", x.name);
      text("BT-161", x.value);
    });
    v_.end_group();
  }
}

void Walker::invoice(const Invoice& in) {
  text("BT-1", in.number);
  date("BT-2", in.issue_date);
  text("BT-3", in.type_code);
  text("BT-5", in.currency_code);
  text("BT-6", in.vat_accounting_currency_code);
  date("BT-7", in.vat_point_date);
  text("BT-8", in.vat_point_date_code);
  date("BT-9", in.payment_due_date);
  text("BT-10", in.buyer_reference);
  text("BT-11", in.project_reference);
  text("BT-12", in.contract_reference);
  text("BT-13", in.purchase_order_reference);
  text("BT-14", in.sales_order_reference);
  text("BT-15", in.receiving_advice_reference);
  text("BT-16", in.despatch_advice_reference);
  text("BT-17", in.tender_or_lot_reference);
  identifier("BT-18", in.invoiced_object_identifier);
  text("BT-19", in.buyer_accounting_reference);
  text("BT-20", in.payment_terms);
  list("BG-1", in.notes, [&](const InvoiceNote& x) {
    text("BT-21", x.subject_code);
    text("BT-22", x.note);
  });
  if (!(in.process_control == ProcessControl{})) {
    v_.begin_group("BG-2");
    text("BT-23", in.process_control.business_process_type);
    text("BT-24", in.process_control.specification_identifier);
    v_.end_group();
  }
  list("BG-3", in.preceding_invoices, [&](const PrecedingInvoiceReference& x) {
    text("BT-25", x.reference);
    date("BT-26", x.issue_date);
  });
  seller(in.seller);
  buyer(in.buyer);
  group("BG-10", in.payee, [&](const Payee& x) {
    text("BT-59", x.name);
    identifier("BT-60", x.identifier);
    identifier("BT-61", x.legal_registration_identifier);
  });
  group("BG-11", in.tax_representative, [&](const SellerTaxRepresentative& x) {
    text("BT-62", x.name);
    text("BT-63", x.vat_identifier);
    address({"BG-12", "BT-64", "BT-65", "BT-164", "BT-66", "BT-67", "BT-68", "BT-69"}, x.address);
  });
  group("BG-13", in.delivery, [&](const DeliveryInformation& x) {
    text("BT-70", x.party_name);
    identifier("BT-71", x.location_identifier);
    date("BT-72", x.actual_delivery_date);
    if (x.address) {
      address({"BG-15", "BT-75", "BT-76", "BT-165", "BT-77", "BT-78", "BT-79", "BT-80"},
              *x.address);
    }
  });
  period("BG-14", "BT-73", "BT-74", in.invoicing_period);
  group("BG-16", in.payment_instructions, [&](const PaymentInstructions& x) { payment(x); });
  allowance_charges({"BG-20", "BT-92", "BT-93", "BT-94", "BT-95", "BT-96", "BT-97", "BT-98"},
                    in.allowances);
  allowance_charges({"BG-21", "BT-99", "BT-100", "BT-101", "BT-102", "BT-103", "BT-104", "BT-105"},
                    in.charges);
  totals(in.totals);
  list("BG-23", in.vat_breakdowns, [&](const VatBreakdown& x) {
    decimal("BT-116", x.taxable_amount);
    decimal("BT-117", x.tax_amount);
    text("BT-118", x.category_code);
    decimal("BT-119", x.rate);
    text("BT-120", x.exemption_reason);
    text("BT-121", x.exemption_reason_code);
  });
  list("BG-24", in.supporting_documents, [&](const SupportingDocument& x) {
    text("BT-122", x.reference);
    text("BT-123", x.description);
    text("BT-124", x.external_location);
    if (x.attachment) {
      v_.value("BT-125", x.attachment->content);
      text("BT-125-1", x.attachment->mime_code);
      text("BT-125-2", x.attachment->filename);
    }
  });
  list("BG-25", in.lines, [&](const InvoiceLine& x) { line(x); });
}

}  // namespace

void visit_terms(const Invoice& invoice, TermVisitor& visitor) {
  Walker(visitor).invoice(invoice);
}

}  // namespace einvoice::model
