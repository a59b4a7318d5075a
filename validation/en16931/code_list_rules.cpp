// BR-CL-* (the code lists of EN 16931), validation-1.3.16.
//
// With a document, each rule runs on the contexts of the code-list pattern of
// the artefact of the document's syntax (cii/ubl schematron/codelist/
// EN16931-*-codes.sch), in one walk over the document: every element is
// matched against the pattern's rules in their order, the first rule whose
// context matches is the one tested (as a Schematron pattern does), and a
// rule fires once per context element that breaks it. The test of most rules
// is "normalize-space(value) is one word of the list"; BR-CL-24 compares the
// MIME code exactly. Without a document (an invoice built from data), the
// model's codes are checked with the lists and rule ids of the invoice's
// syntax.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "formats/cii/cii_namespaces.h"
#include "formats/ubl/ubl_namespaces.h"
#include "formats/xml/namespace_test.h"
#include "formats/xml/xml_document.h"
#include "validation/en16931/code_list_tables.h"
#include "validation/rule_families.h"

namespace einvoice::validation {

namespace code_lists {
namespace {

using xml::XmlElement;
using List = std::span<const std::string_view>;

// --- The rules, as published (the CII and UBL artefacts word four messages
// differently: the table lists the CII wording, findings on UBL documents
// carry the UBL one).

constexpr Rule kBrCl01{"BR-CL-01", kFatal, "BT-3",
                       "[BR-CL-01]-The document type code MUST be coded by the invoice and credit "
                       "note related code lists of UNTDID 1001."};
constexpr Rule kBrCl03{"BR-CL-03", kFatal, "BT-5",
                       "[BR-CL-03]-currencyID MUST be coded using ISO code list 4217 alpha-3"};
constexpr Rule kBrCl04{"BR-CL-04", kFatal, "BT-5",
                       "[BR-CL-04]-Invoice currency code MUST be coded using ISO code list 4217 "
                       "alpha-3"};
constexpr Rule kBrCl05{"BR-CL-05", kFatal, "BT-6",
                       "[BR-CL-05]-Tax currency code MUST be coded using ISO code list 4217 "
                       "alpha-3"};
constexpr Rule kBrCl06{"BR-CL-06", kFatal, "BT-8",
                       "[BR-CL-06]-Value added tax point date code MUST be coded using a "
                       "restriction of UNTDID 2475."};
constexpr Rule kBrCl06Ubl{"BR-CL-06", kFatal, "BT-8",
                          "[BR-CL-06]-Value added tax point date code MUST be coded using a "
                          "restriction of UNTDID 2005."};
constexpr Rule kBrCl07{"BR-CL-07", kFatal, "BT-18",
                       "[BR-CL-07]-Object identifier identification scheme identifier MUST be "
                       "coded using a restriction of UNTDID 1153."};
constexpr Rule kBrCl08{"BR-CL-08", kFatal, "BT-21",
                       "[BR-CL-08]-Subject Code MUST be coded using a restriction of UNTDID 4451."};
constexpr Rule kBrCl08Ubl{"BR-CL-08", kFatal, "BT-21",
                          "[BR-CL-08]-Invoiced note subject code shall be coded using UNCL4451"};
constexpr Rule kBrCl10{"BR-CL-10", kFatal, "BT-29",
                       "[BR-CL-10]-Any identifier identification scheme identifier MUST be coded "
                       "using one of the ISO 6523 ICD list."};
constexpr Rule kBrCl11{"BR-CL-11", kFatal, "BT-30",
                       "[BR-CL-11]-Any registration identifier identification scheme identifier "
                       "MUST be coded using one of the ISO 6523 ICD list."};
constexpr Rule kBrCl13{"BR-CL-13", kFatal, "BT-158",
                       "[BR-CL-13]-Item classification identifier identification scheme "
                       "identifier MUST be coded using one of the UNTDID 7143 list."};
constexpr Rule kBrCl14{
    "BR-CL-14", kFatal, "BT-40",
    "[BR-CL-14]-Country codes in an invoice MUST be coded using ISO code list 3166-1"};
constexpr Rule kBrCl15{
    "BR-CL-15", kFatal, "BT-159",
    "[BR-CL-15]-Country codes in an invoice MUST be coded using ISO code list 3166-1"};
constexpr Rule kBrCl16{
    "BR-CL-16", kFatal, "BT-81",
    "[BR-CL-16]-Payment means in an invoice MUST be coded using UNTDID 4461 code list"};
constexpr Rule kBrCl16Ubl{
    "BR-CL-16", kFatal, "BT-81",
    "[BR-CL-16]-Payment means in an invoice MUST be coded using UNCL4461 code list"};
constexpr Rule kBrCl17{"BR-CL-17", kFatal, "BT-95",
                       "[BR-CL-17]-Invoice tax categories MUST be coded using UNCL 5305 code list"};
constexpr Rule kBrCl17Ubl{
    "BR-CL-17", kFatal, "BT-95",
    "[BR-CL-17]-Invoice tax categories MUST be coded using UNCL5305 code list"};
constexpr Rule kBrCl18{"BR-CL-18", kFatal, "BT-118",
                       "[BR-CL-18]-Invoice tax categories MUST be coded using UNCL 5305 code list"};
constexpr Rule kBrCl18Ubl{
    "BR-CL-18", kFatal, "BT-151",
    "[BR-CL-18]-Invoice tax categories MUST be coded using UNCL5305 code list"};
constexpr Rule kBrCl19{"BR-CL-19", kFatal, "BT-98",
                       "[BR-CL-19]-Coded allowance reasons MUST belong to the UNCL 5189 code list"};
constexpr Rule kBrCl20{"BR-CL-20", kFatal, "BT-105",
                       "[BR-CL-20]-Coded charge reasons MUST belong to the UNCL 7161 code list"};
constexpr Rule kBrCl21{"BR-CL-21", kFatal, "BT-157",
                       "[BR-CL-21]-Item standard identifier scheme identifier MUST belong to the "
                       "ISO 6523 ICD code list"};
constexpr Rule kBrCl22{"BR-CL-22", kFatal, "BT-121",
                       "[BR-CL-22]-Tax exemption reason code identifier scheme identifier MUST "
                       "belong to the CEF VATEX code list"};
constexpr Rule kBrCl23{"BR-CL-23", kFatal, "BT-130",
                       "[BR-CL-23]-Unit code MUST be coded according to the UN/ECE "
                       "Recommendation 20 with Rec 21 extension"};
constexpr Rule kBrCl24{"BR-CL-24", kFatal, "BT-125",
                       "[BR-CL-24]-For Mime code in attribute use MIMEMediaType."};
constexpr Rule kBrCl25{"BR-CL-25", kFatal, "BT-34",
                       "[BR-CL-25]-Endpoint identifier scheme identifier MUST belong to the CEF "
                       "EAS code list"};
constexpr Rule kBrCl26{"BR-CL-26", kFatal, "BT-71",
                       "[BR-CL-26]-Delivery location identifier scheme identifier MUST belong to "
                       "the ISO 6523 ICD code list"};

constexpr Rule kTable[] = {kBrCl01, kBrCl03, kBrCl04, kBrCl05, kBrCl06, kBrCl07, kBrCl08, kBrCl10,
                           kBrCl11, kBrCl13, kBrCl14, kBrCl15, kBrCl16, kBrCl17, kBrCl18, kBrCl19,
                           kBrCl20, kBrCl21, kBrCl22, kBrCl23, kBrCl24, kBrCl25, kBrCl26};

// --- The tests.

bool is_xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// not(contains(normalize-space(v), ' ')) and contains(' list ',
// concat(' ', normalize-space(v), ' ')): the value, without surrounding
// whitespace, is a single word of the list (an empty value is not).
bool code_holds(std::string_view value, List list) {
  const std::string_view word = xml::trim_xml_space(value);
  if (word.empty())
    return false;
  for (char c : word) {
    if (is_xml_space(c))
      return false;
  }
  return contains(list, word);
}

// The same on upper-case(value) (BR-CL-22). Besides ASCII, the letters whose
// upper case is ASCII are mapped (dotless i, long s, sharp s, the Latin
// ligatures), as Unicode full case mapping does.
bool upper_code_holds(std::string_view value, List list) {
  struct Mapping {
    std::string_view from;
    std::string_view to;
  };
  static constexpr Mapping kMappings[] = {{"\xC4\xB1", "I"},       {"\xC5\xBF", "S"},
                                          {"\xC3\x9F", "SS"},      {"\xEF\xAC\x80", "FF"},
                                          {"\xEF\xAC\x81", "FI"},  {"\xEF\xAC\x82", "FL"},
                                          {"\xEF\xAC\x83", "FFI"}, {"\xEF\xAC\x84", "FFL"},
                                          {"\xEF\xAC\x85", "ST"},  {"\xEF\xAC\x86", "ST"}};
  std::string upper;
  upper.reserve(value.size());
  for (std::size_t i = 0; i < value.size();) {
    const char c = value[i];
    if (c >= 'a' && c <= 'z') {
      upper += static_cast<char>(c - 'a' + 'A');
      ++i;
      continue;
    }
    bool mapped = false;
    if ((static_cast<unsigned char>(c) & 0x80) != 0) {
      for (const Mapping& mapping : kMappings) {
        if (value.substr(i, mapping.from.size()) == mapping.from) {
          upper += mapping.to;
          i += mapping.from.size();
          mapped = true;
          break;
        }
      }
    }
    if (!mapped) {
      upper += c;
      ++i;
    }
  }
  return code_holds(upper, list);
}

// The UBL artefact's BR-CL-08 on a note: when the text has a '#' and the
// part between the first two '#' is three characters long, that part is
// contained in the list string (contains(), not a word test).
bool note_subject_holds(std::string_view note) {
  const std::size_t first = note.find('#');
  if (first == std::string_view::npos)
    return true;
  const std::string_view rest = note.substr(first + 1);
  const std::size_t second = rest.find('#');
  if (second == std::string_view::npos)
    return true;  // substring-before(..., '#') is empty
  const std::string_view subject = rest.substr(0, second);
  std::size_t characters = 0;
  for (char c : subject) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
      ++characters;
  }
  if (characters != 3)
    return true;
  return kUblNoteSubjects.find(subject) != std::string_view::npos;
}

// BR-CL-24 compares @mimeCode with each allowed value as written.
bool mime_holds(std::string_view value) {
  for (std::string_view allowed : kMimeCodes) {
    if (value == allowed)
      return true;
  }
  return false;
}

std::string found(std::string_view value) {
  std::string out = "found \"";
  out.append(value);
  out += '"';
  return out;
}

// xs:boolean(text) of an indicator: 1 true, 0 false, -1 not a boolean.
int boolean_of(XmlElement element) {
  const std::string text = element.text();
  const std::string_view value = xml::trim_xml_space(text);
  if (value == "true" || value == "1")
    return 1;
  if (value == "false" || value == "0")
    return 0;
  return -1;
}

// Which of "[indicator = false()]" and "[indicator = true()]" an allowance or
// charge matches (general comparison over every indicator); an indicator that
// is not a boolean makes the pattern fail to match (an XSLT dynamic error).
struct IndicatorMatch {
  bool is_false = false;
  bool is_true = false;
};

template <class Indicators>
IndicatorMatch match_indicators(Indicators&& for_each_indicator) {
  IndicatorMatch match;
  bool error = false;
  for_each_indicator([&](XmlElement indicator) {
    const int value = boolean_of(indicator);
    if (value < 0)
      error = true;
    else if (value == 0)
      match.is_false = true;
    else
      match.is_true = true;
  });
  if (error)
    return {};
  return match;
}

// --- CII.

// What both document walks share: checking a code (element text or
// attribute) against its list and reporting where it fails.
class CodeWalk {
 protected:
  explicit CodeWalk(RuleContext& context) : context_(context) {}

  void check_text(const Rule& rule, XmlElement element, List list) {
    const std::string text = element.text();
    if (!code_holds(text, list))
      context_.report_at(rule, element, found(text));
  }

  void check_upper_text(const Rule& rule, XmlElement element, List list) {
    const std::string text = element.text();
    if (!upper_code_holds(text, list))
      context_.report_at(rule, element, found(text));
  }

  void check_attribute(const Rule& rule, XmlElement element, std::string_view name, List list) {
    const auto value = element.attribute(name);
    if (value && !code_holds(*value, list))
      context_.report_at(rule, element, found(*value));
  }

  RuleContext& context_;
};

class CiiWalk : public CodeWalk {
 public:
  explicit CiiWalk(RuleContext& context) : CodeWalk(context) {}

  void run(XmlElement root) {
    if (!root)
      return;
    visit(root, XmlElement{}, XmlElement{});
  }

 private:
  static constexpr std::string_view kRam = cii::kRamNamespace;
  // Per walk of one document (see NamespaceTest).
  mutable xml::NamespaceTest in_ram_{kRam};

  void visit(XmlElement element, XmlElement parent, XmlElement grandparent) {
    check(element, parent, grandparent);
    const bool ram = in_ram_(element);
    const std::string_view name = ram ? element.local_name() : std::string_view{};
    const bool product = ram && name == "SpecifiedTradeProduct";
    const bool ship_to = ram && name == "ShipToTradeParty";
    const bool registration = ram && name == "SpecifiedTaxRegistration";
    in_product_ += product;
    in_ship_to_ += ship_to;
    in_registration_ += registration;
    for (XmlElement c = element.first_element_child(); c; c = c.next_element_sibling())
      visit(c, element, parent);
    in_product_ -= product;
    in_ship_to_ -= ship_to;
    in_registration_ -= registration;
  }

  bool parent_is(XmlElement parent, std::string_view local) const {
    return parent && parent.is(kRam, local);
  }

  void check(XmlElement e, XmlElement parent, XmlElement grandparent) {
    if (!in_ram_(e))
      return;
    const std::string_view name = e.local_name();
    if (name == "TypeCode") {
      if (parent && parent.is(cii::kRsmNamespace, "ExchangedDocument"))
        check_text(kBrCl01, e, kCiiDocumentTypes);
      else if (parent_is(parent, "SpecifiedTradeSettlementPaymentMeans"))
        check_text(kBrCl16, e, kPaymentMeans);
    } else if (name == "TaxTotalAmount") {
      check_attribute(kBrCl03, e, "currencyID", kCurrencies);
    } else if (name == "InvoiceCurrencyCode") {
      check_text(kBrCl04, e, kCurrencies);
    } else if (name == "TaxCurrencyCode") {
      check_text(kBrCl05, e, kCurrencies);
    } else if (name == "DueDateTypeCode") {
      check_text(kBrCl06, e, kCiiDateCodes);
    } else if (name == "ReferenceTypeCode") {
      check_text(kBrCl07, e, kObjectSchemes);
    } else if (name == "SubjectCode") {
      check_text(kBrCl08, e, kSubjectCodes);
    } else if (name == "GlobalID") {
      if (!e.attribute("schemeID"))
        return;
      if (in_product_ == 0 && in_ship_to_ == 0)
        check_attribute(kBrCl10, e, "schemeID", kIcd);
      else if (parent_is(parent, "SpecifiedTradeProduct"))
        check_attribute(kBrCl21, e, "schemeID", kIcd);
      else if (parent_is(parent, "ShipToTradeParty") &&
               parent_is(grandparent, "ApplicableHeaderTradeDelivery"))
        check_attribute(kBrCl26, e, "schemeID", kIcd);
    } else if (name == "ID") {
      if (e.attribute("schemeID") && in_registration_ == 0)
        check_attribute(kBrCl11, e, "schemeID", kIcd);
      else if (parent_is(parent, "OriginTradeCountry"))
        check_text(kBrCl15, e, kCiiCountries);
    } else if (name == "ClassCode") {
      check_attribute(kBrCl13, e, "listID", kClassificationSchemes);
    } else if (name == "CountryID") {
      check_text(kBrCl14, e, kCiiCountries);
    } else if (name == "CategoryCode") {
      if (parent_is(parent, "CategoryTradeTax"))
        check_text(kBrCl17, e, kVatCategories);
      else if (parent_is(parent, "ApplicableTradeTax"))
        check_text(kBrCl18, e, kVatCategories);
    } else if (name == "ReasonCode") {
      if (!parent_is(parent, "SpecifiedTradeAllowanceCharge"))
        return;
      const IndicatorMatch match = match_indicators([&](auto&& f) {
        parent.for_each_child(kRam, "ChargeIndicator", [&](XmlElement indicator) {
          indicator.for_each_child(cii::kUdtNamespace, "Indicator", f);
        });
      });
      if (match.is_false)
        check_text(kBrCl19, e, kAllowanceReasons);
      else if (match.is_true)
        check_text(kBrCl20, e, kChargeReasons);
    } else if (name == "ExemptionReasonCode") {
      check_upper_text(kBrCl22, e, kVatex);
    } else if (name == "BasisQuantity" || name == "BilledQuantity") {
      check_attribute(kBrCl23, e, "unitCode", kUnits);
    } else if (name == "AttachmentBinaryObject") {
      const auto mime = e.attribute("mimeCode");
      if (mime && !mime_holds(*mime))
        context_.report_at(kBrCl24, e, found(*mime));
    } else if (name == "URIID") {
      if (parent_is(parent, "URIUniversalCommunication"))
        check_attribute(kBrCl25, e, "schemeID", kEas);
    }
  }

  int in_product_ = 0;
  int in_ship_to_ = 0;
  int in_registration_ = 0;
};

// --- UBL.

class UblWalk : public CodeWalk {
 public:
  explicit UblWalk(RuleContext& context) : CodeWalk(context) {}

  void run(XmlElement root) {
    if (!root)
      return;
    visit(root, XmlElement{});
    // BR-CL-08 (in the UBL model pattern): /Invoice/cbc:Note, /CreditNote/cbc:Note.
    if (!root.is(ubl::kInvoiceNamespace, ubl::kInvoiceRoot) &&
        !root.is(ubl::kCreditNoteNamespace, ubl::kCreditNoteRoot))
      return;
    root.for_each_child(kCbc, "Note", [&](XmlElement note) {
      const std::string text = note.text();
      if (!note_subject_holds(text))
        context_.report_at(kBrCl08Ubl, note, found(text));
    });
  }

 private:
  static constexpr std::string_view kCac = ubl::kCacNamespace;
  static constexpr std::string_view kCbc = ubl::kCbcNamespace;
  // Per walk of one document (see NamespaceTest).
  mutable xml::NamespaceTest in_cac_{kCac};
  mutable xml::NamespaceTest in_cbc_{kCbc};

  void visit(XmlElement element, XmlElement parent) {
    check(element, parent);
    const bool cac = in_cac_(element);
    const std::string_view name = cac ? element.local_name() : std::string_view{};
    const bool sepa_party = cac && (name == "AccountingSupplierParty" || name == "PayeeParty");
    in_sepa_party_ += sepa_party;
    for (XmlElement c = element.first_element_child(); c; c = c.next_element_sibling())
      visit(c, element);
    in_sepa_party_ -= sepa_party;
  }

  bool parent_is(XmlElement parent, std::string_view local) const {
    return parent && parent.is(kCac, local);
  }

  static bool is_amount(std::string_view name) {
    static constexpr std::string_view kAmounts[] = {"Amount",
                                                    "BaseAmount",
                                                    "PriceAmount",
                                                    "TaxAmount",
                                                    "TaxableAmount",
                                                    "LineExtensionAmount",
                                                    "TaxExclusiveAmount",
                                                    "TaxInclusiveAmount",
                                                    "AllowanceTotalAmount",
                                                    "ChargeTotalAmount",
                                                    "PrepaidAmount",
                                                    "PayableRoundingAmount",
                                                    "PayableAmount"};
    for (std::string_view amount : kAmounts) {
      if (name == amount)
        return true;
    }
    return false;
  }

  // cbc:DocumentTypeCode = '130' (any of them, as written).
  static bool is_object_reference(XmlElement reference) {
    bool found_130 = false;
    reference.for_each_child(kCbc, "DocumentTypeCode", [&](XmlElement code) {
      if (code.text() == "130")
        found_130 = true;
    });
    return found_130;
  }

  void check(XmlElement e, XmlElement parent) {
    if (!in_cbc_(e))
      return;
    const std::string_view name = e.local_name();
    if (name == "InvoiceTypeCode") {
      check_text(kBrCl01, e, kUblInvoiceTypes);
    } else if (name == "CreditNoteTypeCode") {
      check_text(kBrCl01, e, kUblCreditNoteTypes);
    } else if (is_amount(name)) {
      // No [@currencyID] in this context: an amount without one fails too.
      const std::string value = e.attribute("currencyID").value_or(std::string{});
      if (!code_holds(value, kCurrencies))
        context_.report_at(kBrCl03, e, found(value));
    } else if (name == "DocumentCurrencyCode") {
      check_text(kBrCl04, e, kCurrencies);
    } else if (name == "TaxCurrencyCode") {
      check_text(kBrCl05, e, kCurrencies);
    } else if (name == "DescriptionCode") {
      if (parent_is(parent, "InvoicePeriod"))
        check_text(kBrCl06Ubl, e, kUblDateCodes);
    } else if (name == "ID") {
      if (parent_is(parent, "AdditionalDocumentReference") ||
          parent_is(parent, "DocumentReference")) {
        if (is_object_reference(parent))
          check_attribute(kBrCl07, e, "schemeID", kObjectSchemes);
      } else if (parent_is(parent, "PartyIdentification")) {
        const auto scheme = e.attribute("schemeID");
        if (!scheme || code_holds(*scheme, kIcd))
          return;
        const bool sepa = in_sepa_party_ > 0 && xml::trim_xml_space(*scheme) == "SEPA";
        if (!sepa)
          context_.report_at(kBrCl10, e, found(*scheme));
      } else if (parent_is(parent, "TaxCategory")) {
        check_text(kBrCl17Ubl, e, kVatCategories);
      } else if (parent_is(parent, "ClassifiedTaxCategory")) {
        check_text(kBrCl18Ubl, e, kVatCategories);
      } else if (parent_is(parent, "StandardItemIdentification")) {
        check_attribute(kBrCl21, e, "schemeID", kIcd);
      } else if (parent_is(parent, "DeliveryLocation")) {
        check_attribute(kBrCl26, e, "schemeID", kIcd);
      }
    } else if (name == "CompanyID") {
      if (parent_is(parent, "PartyLegalEntity"))
        check_attribute(kBrCl11, e, "schemeID", kIcd);
    } else if (name == "ItemClassificationCode") {
      if (parent_is(parent, "CommodityClassification"))
        check_attribute(kBrCl13, e, "listID", kClassificationSchemes);
    } else if (name == "IdentificationCode") {
      if (parent_is(parent, "Country"))
        check_text(kBrCl14, e, kUblCountries);
      else if (parent_is(parent, "OriginCountry"))
        check_text(kBrCl15, e, kUblCountries);
    } else if (name == "PaymentMeansCode") {
      if (parent_is(parent, "PaymentMeans"))
        check_text(kBrCl16Ubl, e, kPaymentMeans);
    } else if (name == "AllowanceChargeReasonCode") {
      if (!parent_is(parent, "AllowanceCharge"))
        return;
      const IndicatorMatch match =
          match_indicators([&](auto&& f) { parent.for_each_child(kCbc, "ChargeIndicator", f); });
      if (match.is_false)
        check_text(kBrCl19, e, kAllowanceReasons);
      else if (match.is_true)
        check_text(kBrCl20, e, kChargeReasons);
    } else if (name == "TaxExemptionReasonCode") {
      check_upper_text(kBrCl22, e, kVatex);
    } else if (name == "InvoicedQuantity" || name == "BaseQuantity" || name == "CreditedQuantity") {
      check_attribute(kBrCl23, e, "unitCode", kUnits);
    } else if (name == "EmbeddedDocumentBinaryObject") {
      const auto mime = e.attribute("mimeCode");
      if (mime && !mime_holds(*mime))
        context_.report_at(kBrCl24, e, found(*mime));
    } else if (name == "EndpointID") {
      check_attribute(kBrCl25, e, "schemeID", kEas);
    }
  }

  int in_sepa_party_ = 0;
};

// --- Without a document: the model's codes, with the lists and rule ids of
// the invoice's syntax (UBL when it is unknown).

class ModelCheck {
 public:
  explicit ModelCheck(RuleContext& context)
      : context_(context),
        cii_(context.is_cii()),
        credit_note_(context.syntax() == detect::Syntax::kUblCreditNote) {}

  void run() {
    const model::Invoice& invoice = context_.invoice();
    const Place document = at(Group::kDocument);

    code(kBrCl01, invoice.type_code,
         cii_           ? List{kCiiDocumentTypes}
         : credit_note_ ? List{kUblCreditNoteTypes}
                        : List{kUblInvoiceTypes},
         document);
    code(kBrCl04, invoice.currency_code, kCurrencies, document);
    code(kBrCl05, invoice.vat_accounting_currency_code, kCurrencies, document);
    // BT-8 is kept as a UNTDID 2005 code whatever the syntax.
    code(cii_ ? kBrCl06 : kBrCl06Ubl, invoice.vat_point_date_code, kUblDateCodes, document);
    if (invoice.invoiced_object_identifier)
      code(kBrCl07, invoice.invoiced_object_identifier->scheme_id, kObjectSchemes, document);

    for (std::size_t i = 0; i < invoice.notes.size(); ++i) {
      const model::Code& subject = invoice.notes[i].subject_code;
      if (!subject)
        continue;
      const bool holds =
          cii_ ? code_holds(*subject, kSubjectCodes) : note_subject_holds("#" + *subject + "#");
      if (!holds)
        context_.report(cii_ ? kBrCl08 : kBrCl08Ubl, at(Group::kNote, index(i)), found(*subject));
    }

    parties(invoice);
    addresses(invoice);

    if (invoice.payment_instructions)
      code(cii_ ? kBrCl16 : kBrCl16Ubl, invoice.payment_instructions->means_type_code,
           kPaymentMeans, at(Group::kPaymentInstructions));

    allowances_charges(invoice.allowances, Group::kDocumentAllowance, 0, false, true);
    allowances_charges(invoice.charges, Group::kDocumentCharge, 0, true, true);

    for (std::size_t i = 0; i < invoice.vat_breakdowns.size(); ++i) {
      const model::VatBreakdown& breakdown = invoice.vat_breakdowns[i];
      const Place place = at(Group::kVatBreakdown, index(i));
      // CII: ApplicableTradeTax (BR-CL-18); UBL: cac:TaxCategory (BR-CL-17).
      code(cii_ ? kBrCl18 : kBrCl17Ubl, breakdown.category_code, kVatCategories, place);
      if (breakdown.exemption_reason_code &&
          !upper_code_holds(*breakdown.exemption_reason_code, kVatex))
        context_.report(kBrCl22, place, found(*breakdown.exemption_reason_code));
    }

    for (std::size_t i = 0; i < invoice.supporting_documents.size(); ++i) {
      const auto& attachment = invoice.supporting_documents[i].attachment;
      if (attachment && attachment->mime_code && !mime_holds(*attachment->mime_code))
        context_.report(kBrCl24, at(Group::kSupportingDocument, index(i)),
                        found(*attachment->mime_code));
    }

    for (std::size_t l = 0; l < invoice.lines.size(); ++l)
      line(invoice.lines[l], index(l));
  }

 private:
  static int index(std::size_t i) { return static_cast<int>(i); }

  void code(const Rule& rule, const model::Code& value, List list, const Place& place) {
    if (value && !code_holds(*value, list))
      context_.report(rule, place, found(*value));
  }

  void scheme(const Rule& rule, const std::optional<model::Identifier>& identifier, List list,
              const Place& place) {
    if (identifier)
      code(rule, identifier->scheme_id, list, place);
  }

  // BR-CL-10 on a party identifier; the UBL artefact also takes SEPA for the
  // seller and the payee.
  void party_identifier(const model::Identifier& identifier, bool sepa_party, const Place& place) {
    if (!identifier.scheme_id || code_holds(*identifier.scheme_id, kIcd))
      return;
    if (!cii_ && sepa_party && xml::trim_xml_space(*identifier.scheme_id) == "SEPA")
      return;
    context_.report(kBrCl10, place, found(*identifier.scheme_id));
  }

  void parties(const model::Invoice& invoice) {
    const Place seller = at(Group::kSeller);
    for (const model::Identifier& identifier : invoice.seller.identifiers)
      party_identifier(identifier, true, seller);
    scheme(kBrCl11, invoice.seller.legal_registration_identifier, kIcd, seller);
    scheme(kBrCl25, invoice.seller.electronic_address, kEas, seller);

    const Place buyer = at(Group::kBuyer);
    if (invoice.buyer.identifier)
      party_identifier(*invoice.buyer.identifier, false, buyer);
    scheme(kBrCl11, invoice.buyer.legal_registration_identifier, kIcd, buyer);
    scheme(kBrCl25, invoice.buyer.electronic_address, kEas, buyer);

    if (invoice.payee) {
      const Place payee = at(Group::kPayee);
      if (invoice.payee->identifier)
        party_identifier(*invoice.payee->identifier, true, payee);
      scheme(kBrCl11, invoice.payee->legal_registration_identifier, kIcd, payee);
    }
    if (invoice.delivery)
      scheme(kBrCl26, invoice.delivery->location_identifier, kIcd, at(Group::kDelivery));
  }

  void addresses(const model::Invoice& invoice) {
    const List countries = cii_ ? List{kCiiCountries} : List{kUblCountries};
    code(kBrCl14, invoice.seller.address.country_code, countries, at(Group::kSellerAddress));
    code(kBrCl14, invoice.buyer.address.country_code, countries, at(Group::kBuyerAddress));
    if (invoice.tax_representative)
      code(kBrCl14, invoice.tax_representative->address.country_code, countries,
           at(Group::kTaxRepresentativeAddress));
    if (invoice.delivery && invoice.delivery->address)
      code(kBrCl14, invoice.delivery->address->country_code, countries,
           at(Group::kDeliveryAddress));
  }

  void allowances_charges(const std::vector<model::AllowanceCharge>& items, Group group, int line,
                          bool charge, bool document_level) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      const Place place{group, index(i), line};
      const model::AllowanceCharge& item = items[i];
      if (document_level)
        code(cii_ ? kBrCl17 : kBrCl17Ubl, item.vat_category_code, kVatCategories, place);
      if (charge)
        code(kBrCl20, item.reason_code, kChargeReasons, place);
      else
        code(kBrCl19, item.reason_code, kAllowanceReasons, place);
    }
  }

  void line(const model::InvoiceLine& line, int l) {
    if (line.object_identifier)
      code(kBrCl07, line.object_identifier->scheme_id, kObjectSchemes, in_line(l));
    code(kBrCl23, line.invoiced_quantity_unit, kUnits, in_line(l));
    code(kBrCl23, line.price.base_quantity_unit, kUnits, in_line(l, Group::kPrice));
    code(cii_ ? kBrCl18 : kBrCl18Ubl, line.vat.category_code, kVatCategories,
         in_line(l, Group::kLineVat));
    allowances_charges(line.allowances, Group::kLineAllowance, l, false, false);
    allowances_charges(line.charges, Group::kLineCharge, l, true, false);
    const Place item = in_line(l, Group::kItem);
    scheme(kBrCl21, line.item.standard_identifier, kIcd, item);
    for (const model::Identifier& classification : line.item.classification_identifiers)
      code(kBrCl13, classification.scheme_id, kClassificationSchemes, item);
    code(kBrCl15, line.item.country_of_origin, cii_ ? List{kCiiCountries} : List{kUblCountries},
         item);
  }

  RuleContext& context_;
  bool cii_;
  bool credit_note_;
};

}  // namespace
}  // namespace code_lists

void check_code_list_rules(RuleContext& context) {
  const xml::XmlDocument* document = context.document();
  if (document != nullptr && context.is_cii()) {
    code_lists::CiiWalk(context).run(document->root());
    return;
  }
  if (document != nullptr && context.is_ubl()) {
    code_lists::UblWalk(context).run(document->root());
    return;
  }
  if (document == nullptr)
    code_lists::ModelCheck(context).run();
}

std::span<const Rule> code_list_rules() {
  return code_lists::kTable;
}

}  // namespace einvoice::validation
