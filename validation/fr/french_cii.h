#pragma once

// Internal to the French rules: the rules on a CII document, on the contexts
// of the BR-FR Flux 2 Schematron for CII (v1.4.0.03).

#include <algorithm>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/cii/cii_namespaces.h"
#include "formats/xml/xml_document.h"
#include "model/decimal.h"
#include "validation/fr/french_checks.h"
#include "validation/fr/french_tables.h"
#include "validation/rule_context.h"

namespace einvoice::validation::french {

using xml::XmlElement;

constexpr std::string_view kRam = cii::kRamNamespace;
constexpr std::string_view kRsm = cii::kRsmNamespace;
constexpr std::string_view kUdt = cii::kUdtNamespace;

XmlElement path(XmlElement from, std::initializer_list<std::string_view> steps) {
  XmlElement e = from;
  for (std::string_view step : steps) {
    if (!e)
      return e;
    e = e.child(kRam, step);
  }
  return e;
}

// The parties BR-FR-09 and BR-FR-CO-10 look at: path below the root, and the
// suffix of their rule ids. The seller and the buyer take their SIREN only
// from their legal organisation; the others fall back on the SIRET's first
// nine digits.
struct FrenchParty {
  std::string_view path;
  std::string_view term;  // "BT-29"
  bool own_siren_only;
};
constexpr FrenchParty kParties[] = {
    {"rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty",
     "BT-29", true},
    {"rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty",
     "BT-46", true},
    {"rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:PayeeTradeParty",
     "BT-60", false},
    {"rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerAgentTradeParty",
     "EXT-FR-FE-06", false},
    {"rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:PayerTradeParty",
     "EXT-FR-FE-46", false},
    {"rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SalesAgentTradeParty",
     "EXT-FR-FE-69", false},
    {"rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:InvoiceeTradeParty",
     "EXT-FR-FE-92", false},
    {"rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:InvoicerTradeParty",
     "EXT-FR-FE-115", false},
    {"rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeDelivery/ram:ShipToTradeParty",
     "BT-71", false},
    {"rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/"
     "ram:SpecifiedLineTradeDelivery/ram:ShipToTradeParty",
     "EXT-FR-FE-146", false},
};

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
    for (const auto& party : kParties)
      for_path(root_, party.path, [&](XmlElement p) { party_rules(p, party); });
    buyer_and_endpoint_rules(document, agreement);
    category_rules(transaction, settlement);
    reference_rules(transaction, agreement, settlement, document);
    identifier_rules(root_);
    paid_and_single_taxpayer_rules(document, context, agreement, settlement);
    price_formats(transaction, context);

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

  // Every element at `path` (steps as in the path rules) below `from`.
  void for_path(XmlElement from, std::string_view path,
                const std::function<void(XmlElement)>& f) const {
    const auto slash = path.find('/');
    step(from, path.substr(0, slash), [&](XmlElement child) {
      if (slash == std::string_view::npos)
        f(child);
      else
        for_path(child, path.substr(slash + 1), f);
    });
  }

  static std::vector<XmlElement> children_with(XmlElement parent, std::string_view local,
                                               std::string_view attribute = {},
                                               std::string_view value = {}) {
    std::vector<XmlElement> out;
    if (!parent)
      return out;
    parent.for_each_child(kRam, local, [&](XmlElement c) {
      if (attribute.empty() ||
          c.attribute(attribute) == std::optional<std::string>(std::string(value)))
        out.push_back(c);
    });
    return out;
  }

  static std::string text_of(XmlElement e) { return e ? e.text() : std::string(); }

  // BR-FR-09 (SIRET starts with the SIREN) and BR-FR-CO-10 (identifiers with
  // distinct schemes) on one party.
  void party_rules(XmlElement party, const FrenchParty& info) {
    const auto sirets = children_with(party, "GlobalID", "schemeID", "0009");
    if (!sirets.empty()) {
      const std::string siret = sirets.front().text();
      std::vector<std::string> sirens;
      for (XmlElement id :
           children_with(party.child(kRam, "SpecifiedLegalOrganization"), "ID", "schemeID", "0002"))
        sirens.push_back(id.text());
      const bool has_own = !sirens.empty() && !sirens.front().empty();
      if (!info.own_siren_only && !has_own)
        sirens = {siret.substr(0, std::min<std::size_t>(9, siret.size()))};
      const bool coherent = all_digits(siret, 14) && std::find(sirens.begin(), sirens.end(),
                                                               siret.substr(0, 9)) != sirens.end();
      if (!coherent)
        context_.report_at(rule("BR-FR-09_" + std::string(info.term)), party);
    }
    std::vector<std::string> schemes;
    bool every_has_scheme = true;
    party.for_each_child(kRam, "GlobalID", [&](XmlElement id) {
      auto scheme = id.attribute("schemeID");
      if (!scheme)
        every_has_scheme = false;
      else
        schemes.push_back(*scheme);
    });
    const std::string base = "BR-FR-CO-10_" + std::string(info.term);
    if (!every_has_scheme)
      context_.report_at(rule(base + "-1"), party);
    std::vector<std::string> distinct = schemes;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    if (distinct.size() != schemes.size())
      context_.report_at(rule(base + "-2"), party);
  }

  // The BAR note says "B2B".
  static bool is_b2b(XmlElement document) {
    bool b2b = false;
    if (!document)
      return false;
    document.for_each_child(kRam, "IncludedNote", [&](XmlElement note) {
      bool bar = false;
      note.for_each_child(kRam, "SubjectCode", [&](XmlElement c) { bar |= c.text() == "BAR"; });
      if (bar)
        note.for_each_child(kRam, "Content", [&](XmlElement c) { b2b |= c.text() == "B2B"; });
    });
    return b2b;
  }

  // BR-FR-11, BR-FR-21, BR-FR-22.
  void buyer_and_endpoint_rules(XmlElement document, XmlElement agreement) {
    const bool b2b = is_b2b(document);
    XmlElement buyer = agreement ? agreement.child(kRam, "BuyerTradeParty") : agreement;
    XmlElement seller = agreement ? agreement.child(kRam, "SellerTradeParty") : agreement;
    if (b2b) {
      const auto sirens =
          children_with(buyer ? buyer.child(kRam, "SpecifiedLegalOrganization") : buyer, "ID",
                        "schemeID", "0002");
      if (sirens.empty() || !all_digits(sirens.front().text(), 9))
        context_.report_at(rule("BR-FR-11_BT-47"), root_);
    }
    XmlElement type = document ? document.child(kRam, "TypeCode") : document;
    static constexpr std::string_view kSelfBilled[] = {"389", "501", "500", "471",
                                                       "473", "261", "502"};
    const bool self_billed = type && one_of(type.text(), kSelfBilled);
    auto endpoint_holds = [&](XmlElement party) {
      XmlElement legal = party ? party.child(kRam, "SpecifiedLegalOrganization") : party;
      const std::string siren = text_of(legal ? legal.child(kRam, "ID") : legal);
      XmlElement uri = path(party, {"URIUniversalCommunication", "URIID"});
      const std::string endpoint = text_of(uri);
      return uri && endpoint.compare(0, siren.size(), siren) == 0 &&
             uri.attribute("schemeID") == std::optional<std::string>("0225");
    };
    if (b2b && !self_billed && !endpoint_holds(buyer))
      context_.report_at(rule("BR-FR-21_BT-49"), root_);
    if (b2b && self_billed && !endpoint_holds(seller))
      context_.report_at(rule("BR-FR-22_BT-34"), root_);
  }

  // BR-FR-15: VAT categories of the French list, never L or M. `line`: the
  // line item of a line tax (null for header taxes).
  void category(XmlElement tax, std::string_view id, XmlElement line) {
    std::vector<std::string> codes;
    tax.for_each_child(kRam, "CategoryCode", [&](XmlElement c) { codes.push_back(c.text()); });
    static constexpr std::string_view kValid[] = {"S", "E", "AE", "K", "G", "O", "Z"};
    bool valid = false, lm = false;
    for (const auto& code : codes) {
      valid |= one_of(code, kValid);
      lm |= code == "L" || code == "M";
    }
    if (!valid && line && codes.empty()) {
      // A group or information line may carry no category.
      XmlElement document_line = path(line, {"AssociatedDocumentLineDocument"});
      if (document_line) {
        document_line.for_each_child(kRam, "LineStatusReasonCode", [&](XmlElement c) {
          valid |= c.text() == "GROUP" || c.text() == "INFORMATION";
        });
      }
    }
    const std::string base(id);
    if (!valid)
      context_.report_at(rule(base), tax);
    if (lm)
      context_.report_at(rule(base + "_LM"), tax);
  }

  void category_rules(XmlElement transaction, XmlElement settlement) {
    if (settlement) {
      settlement.for_each_child(kRam, "SpecifiedTradeAllowanceCharge", [&](XmlElement charge) {
        charge.for_each_child(kRam, "CategoryTradeTax", [&](XmlElement tax) {
          category(tax, "BR-FR-15_BT-95_BT-102", XmlElement());
        });
      });
      settlement.for_each_child(kRam, "ApplicableTradeTax", [&](XmlElement tax) {
        category(tax, "BR-FR-15_BT-95_BT-118", XmlElement());
      });
    }
    if (transaction) {
      transaction.for_each_child(kRam, "IncludedSupplyChainTradeLineItem", [&](XmlElement line) {
        for_path(line, "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax",
                 [&](XmlElement tax) { category(tax, "BR-FR-15_BT-95_BT-151", line); });
      });
    }
  }

  // Number of children AdditionalReferencedDocument with ReferenceTypeCode `code`.
  static int references_of_type(XmlElement parent, std::string_view code) {
    int n = 0;
    if (!parent)
      return 0;
    parent.for_each_child(kRam, "AdditionalReferencedDocument", [&](XmlElement r) {
      bool match = false;
      r.for_each_child(kRam, "ReferenceTypeCode", [&](XmlElement c) { match |= c.text() == code; });
      n += match;
    });
    return n;
  }

  // BR-FR-27 (BG-32), BR-FR-28, BR-FR-29 (BT-18), BR-FR-30 (BT-128),
  // BR-FR-CO-04, BR-FR-CO-05.
  void reference_rules(XmlElement transaction, XmlElement agreement, XmlElement settlement,
                       XmlElement document) {
    if (agreement &&
        (references_of_type(agreement, "AFL") > 1 || references_of_type(agreement, "AVV") > 1))
      context_.report_at(rule("BR-FR-29_BT-18"), agreement);
    if (transaction) {
      transaction.for_each_child(kRam, "IncludedSupplyChainTradeLineItem", [&](XmlElement line) {
        if (references_of_type(line, "AFL") > 1 || references_of_type(line, "AVV") > 1)
          context_.report_at(rule("BR-FR-30_BT-128"), line);
      });
      for_path(transaction,
               "ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedTradeProduct/"
               "ram:ApplicableProductCharacteristic",
               [&](XmlElement attribute) {
                 const bool description = static_cast<bool>(attribute.child(kRam, "Description"));
                 const bool type = static_cast<bool>(attribute.child(kRam, "TypeCode"));
                 if (!description && !type)
                   context_.report_at(rule("BR-FR-27_BG-32"), attribute);
                 const bool value = static_cast<bool>(attribute.child(kRam, "Value"));
                 bool measure = false, measure_with_unit = false;
                 attribute.for_each_child(kRam, "ValueMeasure", [&](XmlElement m) {
                   measure = true;
                   auto unit = m.attribute("unitCode");
                   measure_with_unit |= unit && !unit->empty();
                 });
                 if (!((value && !measure) || (!value && measure_with_unit)))
                   context_.report_at(rule("BR-FR-28-Value"), attribute);
               });
    }
    const std::string type = text_of(document ? document.child(kRam, "TypeCode") : document);
    const auto header_refs = children_with(settlement, "InvoiceReferencedDocument");
    if ((type == "384" || type == "471" || type == "472" || type == "473") &&
        header_refs.size() != 1)
      context_.report_at(rule("BR-FR-CO-04_BT-4"), root_);
    if (type == "261" || type == "381" || type == "396" || type == "502" || type == "503") {
      auto complete = [](XmlElement reference) {
        XmlElement date = path(reference, {"FormattedIssueDateTime"});
        return reference.child(kRam, "IssuerAssignedID") && date &&
               date.child(cii::kQdtNamespace, "DateTimeString");
      };
      int header_count = 0;
      for (XmlElement r : header_refs)
        header_count += complete(r);
      bool lines_valid = true;
      if (transaction) {
        transaction.for_each_child(kRam, "IncludedSupplyChainTradeLineItem", [&](XmlElement line) {
          XmlElement doc = line.child(kRam, "AssociatedDocumentLineDocument");
          std::vector<std::string> status;
          if (doc)
            doc.for_each_child(kRam, "LineStatusReasonCode",
                               [&](XmlElement c) { status.push_back(c.text()); });
          const bool detail =
              status.empty() || std::find(status.begin(), status.end(), "DETAIL") != status.end();
          if (!detail)
            return;
          bool has = false;
          for (XmlElement r : children_with(line.child(kRam, "SpecifiedLineTradeSettlement"),
                                            "InvoiceReferencedDocument"))
            has |= complete(r);
          lines_valid &= has;
        });
      }
      if (header_count < 1 && !lines_valid)
        context_.report_at(rule("BR-FR-CO-05_BT-3"), root_);
    }
  }

  // BR-FR-32: SIRENs (legal identifiers and global ids of scheme 0002 or
  // 0231) anywhere are nine digits.
  void identifier_rules(XmlElement element) {
    for (XmlElement c = element.first_element_child(); c; c = c.next_element_sibling()) {
      if (c.is(kRam, "ID") && element.is(kRam, "SpecifiedLegalOrganization") &&
          c.attribute("schemeID") == std::optional<std::string>("0002") &&
          !all_digits(normalize_space(c.text()), 9))
        context_.report_at(rule("BR-FR-32-LEGALID"), c);
      if (c.is(kRam, "GlobalID")) {
        auto scheme = c.attribute("schemeID");
        if (scheme && (*scheme == "0002" || *scheme == "0231") &&
            !all_digits(normalize_space(c.text()), 9))
          context_.report_at(rule("BR-FR-32-GLOBALID"), c);
      }
      identifier_rules(c);
    }
  }

  // BR-FR-CO-09 (invoices already paid), BR-FR-CO-14/15 (single taxpayer).
  void paid_and_single_taxpayer_rules(XmlElement document, XmlElement context, XmlElement agreement,
                                      XmlElement settlement) {
    const std::string framework =
        text_of(context ? path(context, {"BusinessProcessSpecifiedDocumentContextParameter", "ID"})
                        : context);
    if (framework == "B2" || framework == "S2" || framework == "M2") {
      XmlElement sums =
          settlement ? settlement.child(kRam, "SpecifiedTradeSettlementHeaderMonetarySummation")
                     : settlement;
      auto number = [&](std::string_view name) {
        return model::Decimal::parse(text_of(sums ? sums.child(kRam, name) : sums));
      };
      const auto paid = number("TotalPrepaidAmount");
      const auto total = number("GrandTotalAmount");
      const auto due = number("DuePayableAmount");
      if (!(paid && total && paid->numerically_equal(*total)))
        context_.report_at(rule("BR-FR-CO-09_BT-23-1"), root_);
      if (!(due && due->is_zero()))
        context_.report_at(rule("BR-FR-CO-09_BT-23-2"), root_);
      XmlElement due_date = path(settlement, {"SpecifiedTradePaymentTerms", "DueDateDateTime"});
      due_date = due_date ? due_date.child(kUdt, "DateTimeString") : due_date;
      if (text_of(due_date).empty())
        context_.report_at(rule("BR-FR-CO-09_BT-23-3"), root_);
    }
    XmlElement seller = agreement ? agreement.child(kRam, "SellerTradeParty") : agreement;
    const bool single_taxpayer = !children_with(seller, "GlobalID", "schemeID", "0231").empty();
    if (!single_taxpayer)
      return;
    bool txd = false;
    if (document) {
      document.for_each_child(kRam, "IncludedNote", [&](XmlElement note) {
        bool code = false, content = false;
        note.for_each_child(kRam, "SubjectCode", [&](XmlElement c) { code |= c.text() == "TXD"; });
        note.for_each_child(kRam, "Content", [&](XmlElement c) {
          content |= c.text() == "MEMBRE_ASSUJETTI_UNIQUE";
        });
        txd |= code && content;
      });
    }
    if (!txd)
      context_.report_at(rule("BR-FR-CO-14_BT-29-1"), root_);
    XmlElement representative = agreement.child(kRam, "SellerTaxRepresentativeTradeParty");
    bool vat = false;
    for (XmlElement r : children_with(representative, "SpecifiedTaxRegistration")) {
      for (XmlElement id : children_with(r, "ID", "schemeID", "VA"))
        vat |= !id.text().empty();
    }
    if (!vat)
      context_.report_at(rule("BR-FR-CO-15_BT-29-1"), root_);
  }

  // BR-FR-DEC-03: prices of at most 6 decimals and 19 digits, positive unless
  // the billing mode is S9, B9 or M9.
  void price_formats(XmlElement transaction, XmlElement context) {
    if (!transaction)
      return;
    const std::string framework = normalize_space(
        text_of(context ? path(context, {"BusinessProcessSpecifiedDocumentContextParameter", "ID"})
                        : context));
    const bool signed_prices = framework == "S9" || framework == "B9" || framework == "M9";
    auto check = [&](std::string_view p, std::string_view id) {
      for_path(transaction, p, [&](XmlElement amount) {
        if (!decimal_format(normalize_space(amount.text()), 6, 19, signed_prices))
          context_.report_at(rule(id), amount);
      });
    };
    check(
        "ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeAgreement/"
        "ram:NetPriceProductTradePrice/ram:ChargeAmount",
        "BR-FR-DEC-03_BT-146");
    check(
        "ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeAgreement/"
        "ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:ActualAmount",
        "BR-FR-DEC-03_BT-147");
    check(
        "ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeAgreement/"
        "ram:GrossPriceProductTradePrice/ram:ChargeAmount",
        "BR-FR-DEC-03_BT-148");
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
      report_with_value(context_, path_rule.rule, element, text);
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
      if (!decimal_format(normalize_space(percent.text()), 2, 4, false))
        context_.report_at(rule(format_rule), percent);
    });
  }

  void line_rules(XmlElement line) {
    XmlElement delivery = line.child(kRam, "SpecifiedLineTradeDelivery");
    if (delivery) {
      delivery.for_each_child(kRam, "BilledQuantity", [&](XmlElement quantity) {
        if (!decimal_format(normalize_space(quantity.text()), 4, 19, true))
          context_.report_at(rule("BR-FR-DEC-02_BT-129"), quantity);
      });
    }
    XmlElement price = path(line, {"SpecifiedLineTradeAgreement", "NetPriceProductTradePrice"});
    if (price) {
      price.for_each_child(kRam, "BasisQuantity", [&](XmlElement quantity) {
        if (!decimal_format(normalize_space(quantity.text()), 4, 19, true))
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

}  // namespace einvoice::validation::french
