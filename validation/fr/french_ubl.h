#pragma once

// Internal to the French rules: the rules on a UBL Invoice or CreditNote, on
// the contexts of the BR-FR Flux 2 Schematron for UBL (v1.4.0.03). UBL notes
// carry their subject as "#PMT#text" inside cbc:Note; the artefact searches
// the concatenation of the root's notes for these markers.

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/ubl/ubl_namespaces.h"
#include "formats/xml/xml_document.h"
#include "model/decimal.h"
#include "validation/fr/french_checks.h"
#include "validation/fr/french_tables.h"
#include "validation/rule_context.h"

namespace einvoice::validation::french {

class UblFrench {
 public:
  UblFrench(RuleContext& context, xml::XmlElement root) : context_(context), root_(root) {}

  void run() {
    using xml::XmlElement;
    const bool credit_note = root_.is(ubl::kCreditNoteNamespace, ubl::kCreditNoteRoot);
    for (const auto& path_rule : kUblPathRules) {
      if ((path_rule.root == Root::kCreditNote) == credit_note)
        walk(root_, path_rule.path, [&](XmlElement e) { check_element(e, path_rule); });
    }
    notes_rules();
    header_rules(credit_note);
    walk_all(root_, XmlElement());
    amount_formats(credit_note);
    party_rules();
    reference_rules(credit_note);
  }

 private:
  using XmlElement = xml::XmlElement;

  // The UBL artefact's rule of this id (its messages differ from CII's).
  static const Rule& rule(std::string_view id) { return ubl_rule(id); }

  static std::string_view namespace_of(std::string_view prefix) {
    return prefix == "cac" ? ubl::kCacNamespace : ubl::kCbcNamespace;
  }

  // Steps "cac:Name" or "cbc:Name[@attr='v']" below `from`.
  static void walk(XmlElement from, std::string_view path,
                   const std::function<void(XmlElement)>& f) {
    const auto slash = path.find('/');
    std::string_view head = path.substr(0, slash);
    std::string_view attribute, value;
    if (auto open = head.find('['); open != std::string_view::npos) {
      const std::string_view predicate = head.substr(open + 2, head.size() - open - 3);  // @a='v'
      const auto eq = predicate.find('=');
      attribute = predicate.substr(0, eq);
      value = predicate.substr(eq + 2, predicate.size() - eq - 3);
      head = head.substr(0, open);
    }
    const auto colon = head.find(':');
    from.for_each_child(
        namespace_of(head.substr(0, colon)), head.substr(colon + 1), [&](XmlElement child) {
          if (!attribute.empty() &&
              child.attribute(attribute) != std::optional<std::string>(std::string(value)))
            return;
          if (slash == std::string_view::npos)
            f(child);
          else
            walk(child, path.substr(slash + 1), f);
        });
  }

  static XmlElement first(XmlElement from, std::string_view path) {
    XmlElement found;
    if (from)
      walk(from, path, [&](XmlElement e) {
        if (!found)
          found = e;
      });
    return found;
  }

  static std::string text_of(XmlElement e) { return e ? e.text() : std::string(); }

  void check_element(XmlElement element, const UblPathRule& path_rule) {
    const std::string text = element.text();
    bool holds = true;
    switch (path_rule.check) {
      case PathCheck::kMaxLength:
        holds = characters(text) <= static_cast<std::size_t>(path_rule.limit);
        break;
      case PathCheck::kIdFormat:
        holds = valid_id_format(text);
        break;
      case PathCheck::kDate:
        holds = valid_iso_date(text);
        break;
      case PathCheck::kDocumentType:
        holds = one_of(text, kDocumentTypes);
        break;
      case PathCheck::kSchemeFormat:
        holds = valid_scheme_format(text);
        break;
      case PathCheck::kNotBlank:
        holds = !normalize_space(text).empty();
        break;
    }
    if (!holds)
      report_with_value(context_, path_rule.rule, element, text);
  }

  // The UBL artefact's date format: exactly YYYY-MM-DD, a real day of
  // 2000-2099.
  static bool valid_iso_date(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
      return false;
    return valid_date_format(text.substr(0, 4) + text.substr(5, 2) + text.substr(8, 2));
  }

  std::string all_notes() const {
    std::string out;
    root_.for_each_child(ubl::kCbcNamespace, "Note", [&](XmlElement n) { out += n.text(); });
    return out;
  }

  static int occurrences(std::string_view text, std::string_view marker) {
    int n = 0;
    for (auto at = text.find(marker); at != std::string_view::npos;
         at = text.find(marker, at + marker.size()))
      ++n;
    return n;
  }

  // The value after "#CODE#" in the notes, up to the next '#'.
  static std::string value_after(const std::string& notes, std::string_view marker) {
    const auto at = notes.find(marker);
    if (at == std::string::npos)
      return {};
    const std::string after = notes.substr(at + marker.size());
    const auto hash = after.find('#');
    return hash == std::string::npos ? after : after.substr(0, hash);
  }

  // BR-FR-05, -06, -20, -30 (the BAR count, id as published), CO-14.
  void notes_rules() {
    const std::string notes = all_notes();
    const std::pair<std::string_view, std::string_view> present[] = {{"#PMT#", "BR-FR-05_BT-22-1"},
                                                                     {"#PMD#", "BR-FR-05_BT-22-2"},
                                                                     {"#AAB#", "BR-FR-05_BT-22-3"}};
    for (const auto& [marker, id] : present) {
      if (notes.find(marker) == std::string::npos)
        context_.report_at(rule(id), root_);
    }
    const std::pair<std::string_view, std::string_view> once[] = {{"#PMT#", "BR-FR-06_BT-21-1"},
                                                                  {"#PMD#", "BR-FR-06_BT-21-2"},
                                                                  {"#AAB#", "BR-FR-06_BT-21-3"},
                                                                  {"#TXD#", "BR-FR-06_BT-21-4"}};
    for (const auto& [marker, id] : once) {
      if (occurrences(notes, marker) > 1)
        context_.report_at(rule(id), root_);
    }
    treatment_ = value_after(notes, "#BAR#");
    if (!treatment_.empty() && !one_of(treatment_, kBarTreatments))
      context_.report_at(rule("BR-FR-20_BT-21"), root_);
    std::string bar_notes;
    root_.for_each_child(ubl::kCbcNamespace, "Note", [&](XmlElement n) {
      const std::string text = n.text();
      if (text.find("#BAR#") != std::string::npos)
        bar_notes += text;
    });
    bar_notes += '#';
    int treatments = 0;
    for (std::string_view value : kBarTreatments)
      treatments += occurrences(bar_notes, "BAR#" + std::string(value) + "#");
    if (treatments > 1)
      context_.report_at(rule("BR-FR-30_BT-21"), root_);
    XmlElement supplier = first(root_, "cac:AccountingSupplierParty/cac:Party");
    const bool single_taxpayer =
        static_cast<bool>(first(supplier, "cac:PartyIdentification/cbc:ID[@schemeID='0231']"));
    if (single_taxpayer) {
      if (value_after(notes, "#TXD#") != "MEMBRE_ASSUJETTI_UNIQUE")
        context_.report_at(rule("BR-FR-CO-14_BT-29-1"), root_);
      XmlElement scheme = first(root_, "cac:TaxRepresentativeParty/cac:PartyTaxScheme");
      if (!scheme || text_of(scheme.child(ubl::kCbcNamespace, "CompanyID")).empty())
        context_.report_at(rule("BR-FR-CO-15_BT-29-1"), root_);
    }
  }

  // BR-FR-08, -11, -12, -13, -18, -21, -22, BR-FR-CO-07, -08, -12.
  void header_rules(bool credit_note) {
    XmlElement profile = root_.child(ubl::kCbcNamespace, "ProfileID");
    const std::string mode = text_of(profile);
    if (!profile || !one_of(mode, kBillingModes))
      context_.report_at(rule("BR-FR-08_BT-23"), root_);
    XmlElement customer = first(root_, "cac:AccountingCustomerParty/cac:Party");
    XmlElement supplier = first(root_, "cac:AccountingSupplierParty/cac:Party");
    const std::string customer_siren =
        text_of(first(customer, "cac:PartyLegalEntity/cbc:CompanyID[@schemeID='0002']"));
    const std::string supplier_siren =
        text_of(first(supplier, "cac:PartyLegalEntity/cbc:CompanyID[@schemeID='0002']"));
    XmlElement customer_endpoint = first(customer, "cbc:EndpointID");
    XmlElement supplier_endpoint = first(supplier, "cbc:EndpointID");
    if (treatment_ == "B2B" && !digits_only(normalize_space(customer_siren), 9))
      context_.report_at(rule("BR-FR-11_BT-47"), root_);
    if (normalize_space(text_of(customer_endpoint)).empty())
      context_.report_at(rule("BR-FR-12_BT-49"), root_);
    if (normalize_space(text_of(supplier_endpoint)).empty())
      context_.report_at(rule("BR-FR-13_BT-34"), root_);
    int lisible = 0;
    root_.for_each_child(ubl::kCacNamespace, "AdditionalDocumentReference", [&](XmlElement r) {
      r.for_each_child(ubl::kCbcNamespace, "DocumentDescription",
                       [&](XmlElement d) { lisible += d.text() == "LISIBLE"; });
    });
    if (lisible > 1)
      context_.report_at(rule("BR-FR-18_BT-123"), root_);

    const std::string type = text_of(
        root_.child(ubl::kCbcNamespace, credit_note ? "CreditNoteTypeCode" : "InvoiceTypeCode"));
    static constexpr std::string_view kSelfBilled[] = {"389", "501", "500", "471",
                                                       "473", "261", "502"};
    const bool self_billed = one_of(type, kSelfBilled);
    auto endpoint_holds = [](XmlElement endpoint, const std::string& siren) {
      const std::string text = endpoint ? endpoint.text() : std::string();
      return text.compare(0, siren.size(), siren) == 0 && endpoint &&
             endpoint.attribute("schemeID") == std::optional<std::string>("0225");
    };
    if (treatment_ == "B2B" && !self_billed && !endpoint_holds(customer_endpoint, customer_siren))
      context_.report_at(rule("BR-FR-21_BT-49"), root_);
    if (!treatment_.empty() && self_billed && !endpoint_holds(supplier_endpoint, supplier_siren))
      context_.report_at(rule("BR-FR-22_BT-34"), root_);

    const std::string issue = text_of(root_.child(ubl::kCbcNamespace, "IssueDate"));
    XmlElement due = root_.child(ubl::kCbcNamespace, "DueDate");
    const bool deposit = type == "386" || type == "500" || type == "503";
    const bool paid = mode == "B2" || mode == "S2" || mode == "M2";
    if (due && !deposit && !paid && due.text() < issue)
      context_.report_at(rule("BR-FR-CO-07_BT-9"), root_);
    if ((mode == "B4" || mode == "S4" || mode == "M4") && deposit)
      context_.report_at(rule("BR-FR-CO-08_BT-23"), root_);
    const std::string currency = text_of(root_.child(ubl::kCbcNamespace, "DocumentCurrencyCode"));
    if (root_.child(ubl::kCbcNamespace, "DocumentCurrencyCode") && currency != "EUR") {
      const bool accounting_eur =
          text_of(root_.child(ubl::kCbcNamespace, "TaxCurrencyCode")) == "EUR";
      const bool vat_in_eur =
          !text_of(first(root_, "cac:TaxTotal/cbc:TaxAmount[@currencyID='EUR']")).empty();
      if (!(accounting_eur && vat_in_eur))
        context_.report_at(rule("BR-FR-CO-12_BT-5"), root_);
    }
  }

  static bool digits_only(const std::string& text, std::size_t count) {
    return text.size() == count && std::all_of(text.begin(), text.end(), is_digit);
  }

  // BR-FR-15 and BR-FR-16 on a tax category: its code and rate.
  void category(XmlElement category, std::string_view valid_id, std::string_view lm_id,
                std::string_view rate_id) {
    std::vector<std::string> codes;
    category.for_each_child(ubl::kCbcNamespace, "ID",
                            [&](XmlElement c) { codes.push_back(c.text()); });
    static constexpr std::string_view kValid[] = {"S", "E", "AE", "K", "G", "O", "Z"};
    bool valid = codes.empty(), lm = false;
    for (const auto& code : codes) {
      valid |= one_of(code, kValid);
      lm |= code == "L" || code == "M";
    }
    if (!valid)
      context_.report_at(rule(valid_id), category);
    if (lm)
      context_.report_at(rule(lm_id), category);
    XmlElement percent = category.child(ubl::kCbcNamespace, "Percent");
    if (!rate_id.empty() && percent && !one_of(percent.text(), kVatRates))
      context_.report_at(rule(rate_id), category);
  }

  // One walk for the rules whose contexts are relative ("cac:X/cac:Y"
  // anywhere): tax categories, attachments, SIRENs, rates.
  void walk_all(XmlElement element, XmlElement parent) {
    for (XmlElement c = element.first_element_child(); c; c = c.next_element_sibling()) {
      visit(c, element, parent);
      walk_all(c, element);
    }
  }

  void visit(XmlElement e, XmlElement parent, XmlElement grandparent) {
    if (e.is(ubl::kCacNamespace, "TaxCategory") && parent.is(ubl::kCacNamespace, "AllowanceCharge"))
      category(e, "BR-FR-15_BT-95_BT-102-1", "BR-FR-15_BT-95_BT-102-2", "BR-FR-16_BT-96");
    if (e.is(ubl::kCacNamespace, "TaxCategory") && parent.is(ubl::kCacNamespace, "TaxSubtotal") &&
        grandparent.is(ubl::kCacNamespace, "TaxTotal"))
      category(e, "BR-FR-15_BT-118-1", "BR-FR-15_BT-118-2", "BR-FR-16_BT-119");
    if (e.is(ubl::kCacNamespace, "ClassifiedTaxCategory") && parent.is(ubl::kCacNamespace, "Item"))
      category(e, "BR-FR-15_BT-151-1", "BR-FR-08_BT-151-2",
               grandparent.is(ubl::kCacNamespace, "InvoiceLine") ? "BR-FR-16_BT-152" : "");
    if (e.is(ubl::kCbcNamespace, "Percent") && parent.is(ubl::kCacNamespace, "TaxCategory")) {
      const bool allowance = grandparent.is(ubl::kCacNamespace, "AllowanceCharge");
      const bool subtotal = grandparent.is(ubl::kCacNamespace, "TaxSubtotal");
      if ((allowance || subtotal) && !decimal_format(normalize_space(e.text()), 2, 4, false))
        context_.report_at(rule(allowance ? "BR-FR-DEC-04_BT-96_BT-103" : "BR-FR-DEC-04_BT-119"),
                           e);
    }
    if (e.is(ubl::kCbcNamespace, "Percent") &&
        parent.is(ubl::kCacNamespace, "ClassifiedTaxCategory") &&
        grandparent.is(ubl::kCacNamespace, "Item") &&
        !decimal_format(normalize_space(e.text()), 2, 4, false))
      context_.report_at(rule("BR-FR-DEC-04_BT-152"), e);
    if (e.is(ubl::kCacNamespace, "AdditionalDocumentReference")) {
      XmlElement description = e.child(ubl::kCbcNamespace, "DocumentDescription");
      if (description && !one_of(description.text(), kAttachmentCodes))
        context_.report_at(rule("BR-FR-17_BT-123"), e);
    }
    if (e.is(ubl::kCbcNamespace, "CompanyID") &&
        parent.is(ubl::kCacNamespace, "PartyLegalEntity") &&
        e.attribute("schemeID") == std::optional<std::string>("0002") &&
        !digits_only(normalize_space(e.text()), 9))
      context_.report_at(rule("BR-FR-32-LEGALID"), e);
    if (e.is(ubl::kCbcNamespace, "ID") && parent.is(ubl::kCacNamespace, "PartyIdentification")) {
      auto scheme = e.attribute("schemeID");
      if (scheme && (*scheme == "0002" || *scheme == "0231") &&
          !digits_only(normalize_space(e.text()), 9))
        context_.report_at(rule("BR-FR-32-ID"), e);
    }
    if (e.is(ubl::kCacNamespace, "PartyLegalEntity") && parent.is(ubl::kCacNamespace, "Party") &&
        grandparent.is(ubl::kCacNamespace, "AccountingSupplierParty")) {
      XmlElement siren = first(e, "cbc:CompanyID[@schemeID='0002']");
      if (!siren || !digits_only(normalize_space(siren.text()), 9))
        context_.report_at(rule("BR-FR-10_BT-30"), e);
    }
  }

  // BR-FR-DEC-01 and BR-FR-DEC-02.
  void amount_formats(bool credit_note) {
    auto check = [&](std::string_view path, std::string_view id, std::size_t decimals) {
      walk(root_, path, [&](XmlElement e) {
        if (!decimal_format(normalize_space(e.text()), decimals, 19, true))
          context_.report_at(rule(id), e);
      });
    };
    const std::string line = credit_note ? "cac:CreditNoteLine" : "cac:InvoiceLine";
    check("cac:AllowanceCharge/cbc:BaseAmount", "BR-FR-DEC-01_BT-93_BT-100", 2);
    check("cac:AllowanceCharge/cbc:Amount", "BR-FR-DEC-01_BT-92_BT-99", 2);
    check("cac:LegalMonetaryTotal/cbc:LineExtensionAmount", "BR-FR-DEC-01_BT-106", 2);
    check("cac:LegalMonetaryTotal/cbc:AllowanceTotalAmount", "BR-FR-DEC-01_BT-107", 2);
    check("cac:LegalMonetaryTotal/cbc:ChargeTotalAmount", "BR-FR-DEC-01_BT-108", 2);
    check("cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount", "BR-FR-DEC-01_BT-109", 2);
    // Both VAT totals are taken by the BT-110 rule, first of its pattern.
    check("cac:TaxTotal/cbc:TaxAmount", "BR-FR-DEC-01_BT-110", 2);
    check("cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount", "BR-FR-DEC-01_BT-112", 2);
    check("cac:LegalMonetaryTotal/cbc:PrepaidAmount", "BR-FR-DEC-01_BT-113", 2);
    check("cac:LegalMonetaryTotal/cbc:PayableRoundingAmount", "BR-FR-DEC-01_BT-114", 2);
    check("cac:LegalMonetaryTotal/cbc:PayableAmount", "BR-FR-DEC-01_BT-115", 2);
    check("cac:TaxTotal/cac:TaxSubtotal/cbc:TaxableAmount", "BR-FR-DEC-01_BT-116", 2);
    check("cac:TaxTotal/cac:TaxSubtotal/cbc:TaxAmount", "BR-FR-DEC-01_BT-117", 2);
    check(line + "/cbc:LineExtensionAmount", "BR-FR-DEC-01_BT-131", 2);
    check(line + "/cac:AllowanceCharge/cbc:Amount", "BR-FR-DEC-01_BT-136_BT-141", 2);
    check(line + "/cac:AllowanceCharge/cbc:BaseAmount", "BR-FR-DEC-01_BT-137_BT-142", 2);
    check(line + (credit_note ? "/cbc:CreditedQuantity" : "/cbc:InvoicedQuantity"),
          "BR-FR-DEC-02_BT-129", 4);
    walk(root_, line, [&](XmlElement l) {
      const std::string quantity = normalize_space(text_of(first(l, "cac:Price/cbc:BaseQuantity")));
      if (!quantity.empty() && !decimal_format(quantity, 4, 19, true))
        context_.report_at(rule("BR-FR-DEC-02_BT-149"), l);
    });
  }

  // BR-FR-09 (SIRET starts with the SIREN) and BR-FR-CO-10 (identifiers
  // with distinct schemes) on the parties, BR-FR-CO-10 on delivery places.
  void party_rules() {
    struct Party {
      std::string_view path;
      std::string_view term;
      bool own_siren_only;
    };
    static constexpr Party kUblParties[] = {
        {"cac:AccountingSupplierParty/cac:Party", "BT-29", true},
        {"cac:AccountingCustomerParty/cac:Party", "BT-46", true},
        {"cac:PayeeParty", "BT-60", false},
        {"cac:AccountingCustomerParty/cac:Party/cac:AgentParty", "EXT-FR-FE-06", false},
        {"cac:PaymentMeans/cac:PaymentMandate/cac:PayerParty", "EXT-FR-FE-46", false},
        {"cac:AccountingSupplierParty/cac:Party/cac:AgentParty", "EXT-FR-FE-69", false},
        {"cac:AccountingCustomerParty/cac:Party/cac:ServiceProviderParty/cac:Party", "EXT-FR-FE-92",
         false},
        {"cac:AccountingSupplierParty/cac:Party/cac:ServiceProviderParty/cac:Party",
         "EXT-FR-FE-115", false},
    };
    for (const auto& party : kUblParties) {
      walk(root_, party.path, [&](XmlElement p) {
        std::vector<XmlElement> ids;
        walk(p, "cac:PartyIdentification/cbc:ID", [&](XmlElement id) { ids.push_back(id); });
        siret_rule(ids, first(p, "cac:PartyLegalEntity/cbc:CompanyID[@schemeID='0002']"),
                   party.own_siren_only, party.term, p);
        scheme_rules(ids, party.term, p);
      });
    }
    walk(root_, "cac:Delivery", [&](XmlElement delivery) {
      std::vector<XmlElement> ids;
      walk(delivery, "cac:DeliveryLocation/cbc:ID", [&](XmlElement id) { ids.push_back(id); });
      siret_rule(
          ids,
          first(delivery, "cac:DeliveryParty/cac:PartyLegalEntity/cbc:CompanyID[@schemeID='0002']"),
          false, "BT-71", delivery);
    });
    walk(root_, "cac:Delivery/cac:DeliveryLocation", [&](XmlElement location) {
      std::vector<XmlElement> ids;
      walk(location, "cbc:ID", [&](XmlElement id) { ids.push_back(id); });
      scheme_rules(ids, "BT-71", location);
    });
    for (std::string_view line : {"cac:InvoiceLine", "cac:CreditNoteLine"}) {
      walk(root_, std::string(line) + "/cac:Delivery/cac:DeliveryLocation", [&](XmlElement l) {
        std::vector<XmlElement> ids;
        walk(l, "cbc:ID", [&](XmlElement id) { ids.push_back(id); });
        scheme_rules(ids, "EXT-FR-FE-146", l);
      });
    }
  }

  void siret_rule(const std::vector<XmlElement>& ids, XmlElement legal, bool own_siren_only,
                  std::string_view term, XmlElement at) {
    XmlElement siret_element;
    for (XmlElement id : ids) {
      if (!siret_element && id.attribute("schemeID") == std::optional<std::string>("0009"))
        siret_element = id;
    }
    if (!siret_element)
      return;
    const std::string siret = siret_element.text();
    std::string siren = text_of(legal);
    if (!own_siren_only && siren.empty())
      siren = siret.substr(0, std::min<std::size_t>(9, siret.size()));
    const bool coherent =
        (legal || !own_siren_only) && digits_only(siret, 14) && siret.substr(0, 9) == siren;
    if (!coherent)
      context_.report_at(rule("BR-FR-09_" + std::string(term)), at);
  }

  void scheme_rules(const std::vector<XmlElement>& ids, std::string_view term, XmlElement at) {
    std::vector<std::string> schemes;
    bool every = true;
    for (XmlElement id : ids) {
      auto scheme = id.attribute("schemeID");
      if (scheme)
        schemes.push_back(*scheme);
      else
        every = false;
    }
    const std::string base = "BR-FR-CO-10_" + std::string(term);
    if (!every)
      context_.report_at(rule(base + "-1"), at);
    std::vector<std::string> distinct = schemes;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    if (distinct.size() != schemes.size())
      context_.report_at(rule(base + "-2"), at);
  }

  static int with_scheme(XmlElement reference, std::string_view scheme) {
    int n = 0;
    reference.for_each_child(ubl::kCbcNamespace, "ID", [&](XmlElement id) {
      n += id.attribute("schemeID") == std::optional<std::string>(std::string(scheme));
    });
    return n;
  }

  // BR-FR-28, -29 (BT-18), -30 (BT-128), BR-FR-CO-03, -04, -09, BR-FR-DEC-03.
  void reference_rules(bool credit_note) {
    root_.for_each_child(ubl::kCacNamespace, "AdditionalDocumentReference", [&](XmlElement r) {
      if (with_scheme(r, "AFL") > 1 || with_scheme(r, "AVV") > 1)
        context_.report_at(rule("BR-FR-29_BT-18"), r);
    });
    const std::string line = credit_note ? "cac:CreditNoteLine" : "cac:InvoiceLine";
    walk(root_, line + "/cac:DocumentReference", [&](XmlElement r) {
      if (with_scheme(r, "AFL") > 1 || with_scheme(r, "AVV") > 1)
        context_.report_at(rule("BR-FR-30_BT-128"), r);
    });
    walk(root_, line + "/cac:Item/cac:AdditionalItemProperty", [&](XmlElement property) {
      const bool value = static_cast<bool>(property.child(ubl::kCbcNamespace, "Value"));
      bool quantity = false, with_unit = false;
      property.for_each_child(ubl::kCbcNamespace, "ValueQuantity", [&](XmlElement q) {
        quantity = true;
        auto unit = q.attribute("unitCode");
        with_unit |= unit && !unit->empty();
      });
      if (!((value && !quantity) || (!value && with_unit)))
        context_.report_at(rule("BR-FR-28-Value"), property);
    });
    const std::string mode = text_of(root_.child(ubl::kCbcNamespace, "ProfileID"));
    if (credit_note && text_of(root_.child(ubl::kCbcNamespace, "CreditNoteTypeCode")) == "262") {
      const bool contract = !text_of(first(root_, "cac:ContractDocumentReference/cbc:ID")).empty();
      const bool start = !text_of(first(root_, "cac:InvoicePeriod/cbc:StartDate")).empty();
      const bool end = !text_of(first(root_, "cac:InvoicePeriod/cbc:EndDate")).empty();
      if (!(contract && start && end))
        context_.report_at(rule("BR-FR-CO-03_BT-3"), root_);
    }
    if (credit_note)
      credit_note_references();
    const std::string invoice_type = text_of(root_.child(ubl::kCbcNamespace, "InvoiceTypeCode"));
    if (invoice_type == "384" || invoice_type == "471" || invoice_type == "472" ||
        invoice_type == "473") {
      int references = 0;
      root_.for_each_child(ubl::kCacNamespace, "BillingReference",
                           [&](XmlElement) { ++references; });
      if (references != 1)
        context_.report_at(rule("BR-FR-CO-04_BT-3"), root_);
    }
    if (mode == "B2" || mode == "S2" || mode == "M2") {
      auto amount = [&](std::string_view name) {
        return model::Decimal::parse(
            text_of(first(root_, "cac:LegalMonetaryTotal/cbc:" + std::string(name))));
      };
      const auto paid = amount("PrepaidAmount");
      const auto total = amount("TaxInclusiveAmount");
      const auto payable = amount("PayableAmount");
      if (!(paid && total && paid->numerically_equal(*total)))
        context_.report_at(rule("BR-FR-CO-09_BT-23-1"), root_);
      if (!(payable && payable->is_zero()))
        context_.report_at(rule("BR-FR-CO-09_BT-23-2"), root_);
      const bool due = !text_of(root_.child(ubl::kCbcNamespace, "DueDate")).empty() ||
                       !text_of(first(root_, "cac:PaymentMeans/cbc:PaymentDueDate")).empty();
      if (!due)
        context_.report_at(rule("BR-FR-CO-09_BT-23-3"), root_);
    }
    // BR-FR-DEC-03: prices of at most 6 decimals, positive unless mode x9.
    const bool signed_prices = normalize_space(mode) == "S9" || normalize_space(mode) == "B9" ||
                               normalize_space(mode) == "M9";
    auto price = [&](XmlElement amount, std::string_view id, XmlElement at) {
      const std::string value = normalize_space(text_of(amount));
      if (!value.empty() && !decimal_format(value, 6, 19, signed_prices))
        context_.report_at(rule(id), at);
    };
    walk(root_, line, [&](XmlElement l) {
      price(first(l, "cac:Price/cbc:PriceAmount"), "BR-FR-DEC-03_BT-146", l);
    });
    walk(root_, line + "/cac:Price/cac:AllowanceCharge", [&](XmlElement charge) {
      price(charge.child(ubl::kCbcNamespace, "Amount"), "BR-FR-DEC-03_BT-147", charge);
    });
    walk(root_, line + "/cac:Price/cac:AllowanceCharge/cbc:BaseAmount",
         [&](XmlElement base) { price(base, "BR-FR-DEC-03_BT-148", base); });
  }

  // BR-FR-CO-05: a credit note names the invoice(s) it corrects, in its
  // header or on every detail line (lines that refer to the credit note
  // itself as a group are left out), each reference with its date.
  void credit_note_references() {
    static constexpr std::string_view kCreditNotes[] = {"261", "381", "396", "502", "503"};
    if (!one_of(text_of(root_.child(ubl::kCbcNamespace, "CreditNoteTypeCode")), kCreditNotes))
      return;
    const std::string own = text_of(root_.child(ubl::kCbcNamespace, "ID"));
    auto dated = [](XmlElement reference) {
      return reference.child(ubl::kCbcNamespace, "ID") &&
             reference.child(ubl::kCbcNamespace, "IssueDate");
    };
    int header = 0;
    walk(root_, "cac:BillingReference/cac:InvoiceDocumentReference",
         [&](XmlElement r) { header += dated(r); });
    if (header >= 1)
      return;
    int lines = 0, referenced = 0;
    walk(root_, "cac:CreditNoteLine", [&](XmlElement line) {
      bool names_itself = false, detail = false, other = false;
      walk(line, "cac:BillingReference", [&](XmlElement billing) {
        bool self = false, not_self = false;
        walk(billing, "cac:InvoiceDocumentReference/cbc:ID", [&](XmlElement id) {
          self |= id.text() == own;
          not_self |= id.text() != own;
        });
        names_itself |= self;
        if (self) {
          walk(billing, "cac:InvoiceDocumentReference/cbc:DocumentStatusCode",
               [&](XmlElement status) { detail |= status.text() == "DETAIL"; });
        }
        if (not_self) {
          walk(billing, "cac:InvoiceDocumentReference", [&](XmlElement r) { other |= dated(r); });
        }
      });
      if (names_itself && !detail)
        return;
      ++lines;
      referenced += other;
    });
    if (referenced != lines)
      context_.report_at(rule("BR-FR-CO-05_BT-3"), root_);
  }

  RuleContext& context_;
  XmlElement root_;
  std::string treatment_;  // the BAR note's value
};

}  // namespace einvoice::validation::french
