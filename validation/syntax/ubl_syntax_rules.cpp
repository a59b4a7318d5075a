// UBL-SR-*, UBL-DT-* and UBL-CR-* (the UBL syntax binding of EN 16931,
// validation-1.3.16), checked in one walk over the document.
//
// The official rules are XPath assertions on contexts of one Schematron
// pattern. Most (UBL-CR and the attribute rules of UBL-DT) say that some path,
// relative to the root, shall not exist: those are data (ubl_syntax_table.h),
// compiled once into a trie of element names for the paths anchored at the
// root and a table by last element name for the paths starting with "//". The
// others (cardinalities, data types) are small functions on their context
// element. A rule on the root context fires at most once per document, at
// the first element that breaks it; a rule on another context fires once per
// context element that breaks it, as the official SVRL does.

#include <array>
#include <bitset>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "formats/ubl/ubl_namespaces.h"
#include "formats/xml/xml_document.h"
#include "validation/rule_families.h"
#include "validation/syntax/ubl_syntax_table.h"

namespace einvoice::validation {
namespace {

using ubl_syntax::kRules;
using xml::XmlElement;

constexpr std::size_t kRuleCount = std::size(kRules);
using RuleIndex = std::uint16_t;

// Position of a rule in kRules, resolved at compile time (an unknown id does
// not compile).
consteval RuleIndex rule(std::string_view id) {
  for (std::size_t i = 0; i < kRuleCount; ++i) {
    if (kRules[i].id == id)
      return static_cast<RuleIndex>(i);
  }
  throw "unknown UBL syntax rule id";
}

// ---------------------------------------------------------------------------
// Element names. The names the functions below look at have fixed ids (enum
// Name); the other names of the table's paths get ids when it is compiled.

enum class Ns : std::uint8_t { kCac, kCbc, kExt };

std::string_view uri_of(Ns ns) {
  switch (ns) {
    case Ns::kCac:
      return ubl::kCacNamespace;
    case Ns::kCbc:
      return ubl::kCbcNamespace;
    case Ns::kExt:
      return ubl::kExtNamespace;
  }
  return {};
}

// Which of the three component namespaces `uri` is, or -1.
int ns_index(std::string_view uri) {
  if (uri.size() == ubl::kCbcNamespace.size() && uri == ubl::kCbcNamespace)
    return static_cast<int>(Ns::kCbc);
  if (uri.size() == ubl::kCacNamespace.size() && uri == ubl::kCacNamespace)
    return static_cast<int>(Ns::kCac);
  if (uri == ubl::kExtNamespace)
    return static_cast<int>(Ns::kExt);
  return -1;
}

#define EINVOICE_UBL_SYNTAX_NAMES(X)  \
  X(Cac, AccountingCustomerParty)     \
  X(Cac, AccountingSupplierParty)     \
  X(Cac, AdditionalDocumentReference) \
  X(Cac, Address)                     \
  X(Cac, AddressLine)                 \
  X(Cac, AllowanceCharge)             \
  X(Cac, Attachment)                  \
  X(Cac, BillingReference)            \
  X(Cac, CardAccount)                 \
  X(Cac, ClassifiedTaxCategory)       \
  X(Cac, ContractDocumentReference)   \
  X(Cac, CreditNoteLine)              \
  X(Cac, Delivery)                    \
  X(Cac, DeliveryParty)               \
  X(Cac, DespatchDocumentReference)   \
  X(Cac, DocumentReference)           \
  X(Cac, InvoiceDocumentReference)    \
  X(Cac, InvoiceLine)                 \
  X(Cac, InvoicePeriod)               \
  X(Cac, Item)                        \
  X(Cac, OrderLineReference)          \
  X(Cac, OriginatorDocumentReference) \
  X(Cac, Party)                       \
  X(Cac, PartyIdentification)         \
  X(Cac, PartyLegalEntity)            \
  X(Cac, PartyName)                   \
  X(Cac, PartyTaxScheme)              \
  X(Cac, PayeeParty)                  \
  X(Cac, PaymentMandate)              \
  X(Cac, PaymentMeans)                \
  X(Cac, PaymentTerms)                \
  X(Cac, PostalAddress)               \
  X(Cac, Price)                       \
  X(Cac, ProjectReference)            \
  X(Cac, ReceiptDocumentReference)    \
  X(Cac, TaxCategory)                 \
  X(Cac, TaxRepresentativeParty)      \
  X(Cac, TaxScheme)                   \
  X(Cac, TaxSubtotal)                 \
  X(Cbc, AllowanceChargeReason)       \
  X(Cbc, Amount)                      \
  X(Cbc, ChargeIndicator)             \
  X(Cbc, CompanyID)                   \
  X(Cbc, CompanyLegalForm)            \
  X(Cbc, Description)                 \
  X(Cbc, DescriptionCode)             \
  X(Cbc, DocumentDescription)         \
  X(Cbc, DocumentTypeCode)            \
  X(Cbc, ID)                          \
  X(Cbc, LineID)                      \
  X(Cbc, Name)                        \
  X(Cbc, Note)                        \
  X(Cbc, PaymentDueDate)              \
  X(Cbc, PaymentID)                   \
  X(Cbc, PaymentMeansCode)            \
  X(Cbc, RegistrationName)            \
  X(Cbc, TaxExemptionReason)          \
  X(Cbc, UBLVersionID)

enum Name : std::uint16_t {
  kUnknownName = 0,
#define EINVOICE_UBL_SYNTAX_ENUM(ns, local) k##ns##local,
  EINVOICE_UBL_SYNTAX_NAMES(EINVOICE_UBL_SYNTAX_ENUM)
#undef EINVOICE_UBL_SYNTAX_ENUM
      kKnownNameCount
};

struct QName {
  Ns ns;
  std::string_view local;
};

constexpr QName kKnownNames[] = {{Ns::kCac, ""},
#define EINVOICE_UBL_SYNTAX_QNAME(ns, local) {Ns::k##ns, #local},
                                 EINVOICE_UBL_SYNTAX_NAMES(EINVOICE_UBL_SYNTAX_QNAME)
#undef EINVOICE_UBL_SYNTAX_QNAME
};
static_assert(std::size(kKnownNames) == kKnownNameCount);
#undef EINVOICE_UBL_SYNTAX_NAMES

// Every name of interest, by local name and namespace.
class NameTable {
 public:
  NameTable() {
    for (std::uint16_t id = 1; id < kKnownNameCount; ++id)
      ids_[kKnownNames[id].local][static_cast<int>(kKnownNames[id].ns)] = id;
  }

  std::uint16_t add(Ns ns, std::string_view local) {
    std::uint16_t& id = ids_[local][static_cast<int>(ns)];
    if (id == 0)
      id = next_++;
    return id;
  }
  std::uint16_t size() const { return next_; }

  // The id of a name (namespace as ns_index() gives it), 0 when no rule names it.
  std::uint16_t of(int ns, std::string_view local) const {
    if (ns < 0)
      return kUnknownName;
    auto it = ids_.find(local);
    if (it == ids_.end())
      return kUnknownName;
    return it->second[ns];
  }

 private:
  std::unordered_map<std::string_view, std::array<std::uint16_t, 3>> ids_;
  std::uint16_t next_ = kKnownNameCount;
};

bool is(XmlElement e, Name name) {
  const QName& q = kKnownNames[name];
  return e.is(uri_of(q.ns), q.local);
}

// ---------------------------------------------------------------------------
// The forbidden paths, compiled.

// A rule broken by an element (attribute empty) or by an attribute (without
// namespace) of it.
struct Check {
  RuleIndex rule;
  std::string_view attribute;
};

struct TrieNode {
  std::vector<std::pair<std::uint16_t, std::uint32_t>> children;  // name id -> node
  std::vector<Check> checks;
};

// "//a/b/c[/@x]": at an element named c whose parent is b and grandparent a.
struct SuffixCheck {
  Check check;
  std::vector<std::vector<std::uint16_t>> ancestors;  // parent first; each step's names
};

struct Tables {
  NameTable names;
  std::vector<TrieNode> trie{1};                 // [0] is the root element
  std::vector<std::vector<SuffixCheck>> suffix;  // by name id of the last step
  std::vector<Check> anywhere;                   // "//@x": at any element
};

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> out;
  for (;;) {
    auto at = text.find(separator);
    out.push_back(text.substr(0, at));
    if (at == std::string_view::npos)
      return out;
    text.remove_prefix(at + 1);
  }
}

// "cac:X" or "(cac:X|cac:Y)": the ids of the names.
std::vector<std::uint16_t> parse_step(NameTable& names, std::string_view step) {
  if (step.size() >= 2 && step.front() == '(' && step.back() == ')')
    step = step.substr(1, step.size() - 2);
  std::vector<std::uint16_t> out;
  for (std::string_view qname : split(step, '|')) {
    auto colon = qname.find(':');
    std::string_view prefix = qname.substr(0, colon);
    Ns ns = prefix == "cbc" ? Ns::kCbc : prefix == "ext" ? Ns::kExt : Ns::kCac;
    out.push_back(names.add(ns, qname.substr(colon + 1)));
  }
  return out;
}

void add_to_trie(Tables& tables, std::uint32_t node,
                 const std::vector<std::vector<std::uint16_t>>& steps, std::size_t next,
                 const Check& check) {
  if (next == steps.size()) {
    tables.trie[node].checks.push_back(check);
    return;
  }
  for (std::uint16_t name : steps[next]) {
    std::uint32_t child = 0;
    for (const auto& [child_name, child_node] : tables.trie[node].children) {
      if (child_name == name)
        child = child_node;
    }
    if (child == 0) {
      child = static_cast<std::uint32_t>(tables.trie.size());
      tables.trie.emplace_back();
      tables.trie[node].children.emplace_back(name, child);
    }
    add_to_trie(tables, child, steps, next + 1, check);
  }
}

Tables compile_tables() {
  Tables tables;
  for (const auto& path : ubl_syntax::kForbiddenPaths) {
    std::string_view xpath = path.xpath;
    const bool anywhere = xpath.starts_with("//");
    if (anywhere)
      xpath.remove_prefix(2);
    Check check{0, {}};
    for (std::size_t i = 0; i < kRuleCount; ++i) {
      if (kRules[i].id == path.rule)
        check.rule = static_cast<RuleIndex>(i);
    }
    std::vector<std::vector<std::uint16_t>> steps;
    for (std::string_view step : split(xpath, '/')) {
      if (step.starts_with('@'))
        check.attribute = step.substr(1);
      else
        steps.push_back(parse_step(tables.names, step));
    }
    if (!anywhere) {
      add_to_trie(tables, 0, steps, 0, check);
    } else if (steps.empty()) {
      tables.anywhere.push_back(check);
    } else {
      SuffixCheck suffix{check, {}};
      for (std::size_t i = steps.size() - 1; i-- > 0;)
        suffix.ancestors.push_back(steps[i]);
      tables.suffix.resize(tables.names.size());
      for (std::uint16_t last : steps.back())
        tables.suffix[last].push_back(suffix);
    }
  }
  tables.suffix.resize(tables.names.size());
  return tables;
}

const Tables& tables() {
  static const Tables compiled = compile_tables();
  return compiled;
}

// ---------------------------------------------------------------------------
// Values and counts, as XPath sees them.

// The string value: the element's text and its descendants' text.
std::string string_value(XmlElement e) {
  std::string out = e.text();
  for (XmlElement c = e.first_element_child(); c; c = c.next_element_sibling())
    out += string_value(c);
  return out;
}

// Calls f for each node e/path[0]/path[1]/... in document order.
template <class F>
void for_each_path(XmlElement e, std::span<const Name> path, F&& f) {
  for (XmlElement c = e.first_element_child(); c; c = c.next_element_sibling()) {
    if (!is(c, path.front()))
      continue;
    if (path.size() == 1)
      f(c);
    else
      for_each_path(c, path.subspan(1), f);
  }
}
template <class F>
void for_each_path(XmlElement e, std::initializer_list<Name> path, F&& f) {
  for_each_path(e, std::span<const Name>(path.begin(), path.size()), f);
}

// Number of nodes e/path[0]/path[1]/...
int count_path(XmlElement e, std::initializer_list<Name> path) {
  int n = 0;
  for_each_path(e, path, [&n](XmlElement) { ++n; });
  return n;
}

bool has_child(XmlElement e, Name name) {
  for (XmlElement c = e.first_element_child(); c; c = c.next_element_sibling()) {
    if (is(c, name))
      return true;
  }
  return false;
}

// upper-case() as far as comparing with 'VAT' or 'SEPA' needs: ASCII letters,
// and U+017F (long s), whose upper case is 'S'. No other character's upper
// case contains the letters of those words.
std::string upper_case(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (ch >= 'a' && ch <= 'z') {
      ch = static_cast<char>(ch - 'a' + 'A');
    } else if (ch == '\xC5' && i + 1 < text.size() && text[i + 1] == '\xBF') {
      ch = 'S';
      ++i;
    }
    out += ch;
  }
  return out;
}

// string-length() of a UTF-8 string: its characters.
std::size_t characters(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char ch : text)
    n += (ch & 0xC0) != 0x80;
  return n;
}

// cbc:ChargeIndicator cast to xs:boolean, as "cbc:ChargeIndicator = false()"
// compares it; nullopt when it is not a boolean.
std::optional<bool> boolean_value(XmlElement e) {
  std::string text = e.text();
  std::string_view value = xml::trim_xml_space(text);
  if (value == "true" || value == "1")
    return true;
  if (value == "false" || value == "0")
    return false;
  return std::nullopt;
}

// What a cac:PartyTaxScheme says of its scheme: "cac:TaxScheme/upper-case(cbc:ID)"
// gives one string per cac:TaxScheme ("" when it has no cbc:ID).
struct SchemeKinds {
  bool vat = false;    // some scheme is 'VAT'
  bool other = false;  // some scheme is not 'VAT'
};

SchemeKinds scheme_kinds(XmlElement party_tax_scheme) {
  SchemeKinds out;
  for (XmlElement s = party_tax_scheme.first_element_child(); s; s = s.next_element_sibling()) {
    if (!is(s, kCacTaxScheme))
      continue;
    XmlElement id;
    for (XmlElement c = s.first_element_child(); c && !id; c = c.next_element_sibling()) {
      if (is(c, kCbcID))
        id = c;
    }
    const bool vat = id && upper_case(string_value(id)) == "VAT";
    (vat ? out.vat : out.other) = true;
  }
  return out;
}

// Company ids of the cac:PartyTaxScheme children of `party` whose scheme is (or
// is not) VAT: count(cac:PartyTaxScheme[cac:TaxScheme/upper-case(cbc:ID)='VAT']/cbc:CompanyID).
int tax_scheme_company_ids(XmlElement party, bool vat) {
  int n = 0;
  for (XmlElement s = party.first_element_child(); s; s = s.next_element_sibling()) {
    if (!is(s, kCacPartyTaxScheme))
      continue;
    SchemeKinds kinds = scheme_kinds(s);
    if (vat ? kinds.vat : kinds.other)
      n += count_path(s, {kCbcCompanyID});
  }
  return n;
}

std::string found(int count) {
  return "found " + std::to_string(count);
}

// ---------------------------------------------------------------------------
// The walk.

struct Frame {
  XmlElement element;
  const Frame* parent;
  std::uint16_t name;
  std::int32_t trie;        // node of the root-anchored paths, -1 when none
  bool under_price_charge;  // some ancestor cac:Price has a cac:AllowanceCharge
};

// Distinct string values of the elements of one name across the document
// (UBL-SR-44, UBL-SR-47): whether there is more than one.
class DistinctValues {
 public:
  // True the first time a second distinct value shows up.
  bool add(XmlElement e) {
    if (differ_)
      return false;
    std::string value = string_value(e);
    if (!first_) {
      first_ = std::move(value);
      return false;
    }
    differ_ = value != *first_;
    return differ_;
  }

 private:
  std::optional<std::string> first_;
  bool differ_ = false;
};

class UblSyntaxChecker {
 public:
  UblSyntaxChecker(RuleContext& context, XmlElement root)
      : context_(context), tables_(tables()), root_(root) {
    root_rules_ = root.is(ubl::kInvoiceNamespace, ubl::kInvoiceRoot) ||
                  root.is(ubl::kCreditNoteNamespace, ubl::kCreditNoteRoot);
    credit_note_root_ = root.local_name() == ubl::kCreditNoteRoot;
    cn_credit_note_root_ = root.is(ubl::kCreditNoteNamespace, ubl::kCreditNoteRoot);
  }

  void run() {
    if (root_rules_)
      check_root();
    visit(root_, nullptr);
  }

 private:
  void report(RuleIndex r, XmlElement at, const std::string& detail = {}) {
    context_.report_at(kRules[r], at, detail);
  }
  // A rule of the root context: once per document.
  void once(RuleIndex r, XmlElement at, const std::string& detail = {}) {
    if (!root_rules_ || fired_[r])
      return;
    fired_[r] = true;
    report(r, at, detail);
  }
  void at_most(RuleIndex r, XmlElement at, int count, int most) {
    if (count > most)
      report(r, at, found(count));
  }

  void visit(XmlElement e, const Frame* parent) {
    const std::string_view local = e.local_name();
    Frame frame{e, parent, tables_.names.of(namespace_index(e), local), -1,
                parent != nullptr && parent->under_price_charge};
    if (parent == nullptr) {
      frame.trie = root_rules_ ? 0 : -1;
    } else if (parent->trie >= 0) {
      for (const auto& [name, node] : tables_.trie[parent->trie].children) {
        if (name == frame.name && name != kUnknownName)
          frame.trie = static_cast<std::int32_t>(node);
      }
    }
    if (root_rules_)
      check_forbidden(e, frame);
    check_data_types(e, local, frame);
    check_context(e, frame);

    Frame for_children = frame;
    if (frame.name == kCacPrice && has_child(e, kCacAllowanceCharge))
      for_children.under_price_charge = true;
    for (XmlElement c = e.first_element_child(); c; c = c.next_element_sibling())
      visit(c, &for_children);
  }

  // ns_index() of the element's namespace, remembering the namespace
  // declarations met (each element of one declaration shares its string).
  int namespace_index(XmlElement e) {
    const void* key = e.namespace_key();
    for (std::size_t i = 0; i < known_uri_count_; ++i) {
      if (known_uris_[i].first == key)
        return known_uris_[i].second;
    }
    int index = ns_index(e.namespace_uri());
    if (known_uri_count_ < known_uris_.size())
      known_uris_[known_uri_count_++] = {key, index};
    return index;
  }

  void apply(const Check& check, XmlElement e) {
    if (fired_[check.rule])
      return;
    if (check.attribute.empty() || e.has_attribute(check.attribute))
      once(check.rule, e);
  }

  // The forbidden paths (UBL-CR, UBL-DT-08 ... UBL-DT-28 but 18).
  void check_forbidden(XmlElement e, const Frame& frame) {
    if (frame.trie >= 0) {
      for (const Check& check : tables_.trie[frame.trie].checks)
        apply(check, e);
    }
    if (frame.name != kUnknownName) {
      for (const SuffixCheck& suffix : tables_.suffix[frame.name]) {
        if (ancestors_match(frame, suffix))
          apply(suffix.check, e);
      }
    }
    for (const Check& check : tables_.anywhere)
      apply(check, e);
    // UBL-DT-18: count(//@name) - count(//cbc:PaymentMeansCode/@name) <= 0
    if (frame.name != kCbcPaymentMeansCode && e.has_attribute("name"))
      once(kDt18, e);
  }

  static bool ancestors_match(const Frame& frame, const SuffixCheck& suffix) {
    const Frame* up = frame.parent;
    for (const auto& step : suffix.ancestors) {
      if (up == nullptr)
        return false;
      bool matches = false;
      for (std::uint16_t name : step)
        matches = matches || up->name == name;
      if (!matches)
        return false;
      up = up->parent;
    }
    return true;
  }

  // UBL-DT-01, UBL-DT-06, UBL-DT-07: on elements by the end of their name.
  void check_data_types(XmlElement e, std::string_view local, const Frame& frame) {
    if (local.ends_with("Amount") && !local.ends_with("PriceAmount") && !frame.under_price_charge) {
      std::string value = string_value(e);
      auto dot = value.find('.');
      if (dot != std::string::npos && characters(std::string_view(value).substr(dot + 1)) > 2)
        report(kDt01, e, value);
    } else if (local.ends_with("BinaryObject")) {
      if (!e.has_attribute("mimeCode"))
        report(kDt06, e);
      if (!e.has_attribute("filename"))
        report(kDt07, e);
    }
  }

  void check_context(XmlElement e, const Frame& frame) {
    switch (frame.name) {
      case kCacPostalAddress:
      case kCacAddress:
        at_most(kSr51, e, count_path(e, {kCacAddressLine}), 1);
        break;
      case kCacParty:
        if (frame.parent != nullptr && frame.parent->name == kCacAccountingSupplierParty)
          at_most(kSr42, e, count_path(e, {kCacPartyTaxScheme}), 2);
        break;
      case kCacAdditionalDocumentReference:
        check_additional_document(e);
        break;
      case kCacDelivery:
        at_most(kSr25, e, count_path(e, {kCacDeliveryParty, kCacPartyName, kCbcName}), 1);
        break;
      case kCacAllowanceCharge:
        check_allowance_charge(e);
        break;
      case kCacPartyTaxScheme:
        if (count_path(e, {kCacTaxScheme, kCbcID}) == 0 || !has_child(e, kCbcCompanyID))
          report(kSr53, e);
        break;
      case kCacInvoiceLine:
      case kCacCreditNoteLine:
        check_line(e);
        break;
      case kCacPayeeParty:
        check_payee(e, frame.parent != nullptr ? frame.parent->element : XmlElement());
        break;
      case kCacPaymentMeans:
        at_most(kSr26, e, count_path(e, {kCbcPaymentID}), 1);
        at_most(kSr27, e, count_path(e, {kCbcPaymentMeansCode}), 1);
        at_most(kSr28, e, count_path(e, {kCacPaymentMandate, kCbcID}), 1);
        break;
      case kCacBillingReference:
        at_most(kSr06, e, count_path(e, {kCacInvoiceDocumentReference}), 1);
        if (count_path(e, {kCacInvoiceDocumentReference, kCbcID}) == 0)
          report(kSr07, e);
        break;
      case kCacTaxRepresentativeParty:
        at_most(kSr22, e, count_path(e, {kCacPartyName, kCbcName}), 1);
        at_most(kSr23, e, count_path(e, {kCacPartyTaxScheme, kCbcCompanyID}), 1);
        break;
      case kCacTaxSubtotal:
        at_most(kSr32, e, count_path(e, {kCacTaxCategory, kCbcTaxExemptionReason}), 1);
        break;
      case kCbcPaymentID:
        if (payment_ids_.add(e))
          once(kSr44, e);
        break;
      case kCbcPaymentMeansCode:
        if (payment_means_codes_.add(e))
          once(kSr47, e);
        break;
      case kCbcID:
        // UBL-SR-29: count(//cac:PartyIdentification/cbc:ID[upper-case(@schemeID) = 'SEPA']) <= 1
        if (frame.parent != nullptr && frame.parent->name == kCacPartyIdentification) {
          auto scheme = e.attribute("schemeID");
          if (scheme && upper_case(*scheme) == "SEPA" && ++sepa_ids_ == 2)
            once(kSr29, e);
        }
        break;
      default:
        break;
    }
  }

  // UBL-SR-33, UBL-SR-43, UBL-CR-665, UBL-CR-666, UBL-CR-673.
  void check_additional_document(XmlElement e) {
    bool has_type = false, is_130 = false, not_130 = false, is_50 = false;
    bool scheme_id = false, attachment = false;
    int descriptions = 0;
    for (XmlElement c = e.first_element_child(); c; c = c.next_element_sibling()) {
      if (is(c, kCbcDocumentTypeCode)) {
        std::string value = string_value(c);
        has_type = true;
        (value == "130" ? is_130 : not_130) = true;
        is_50 = is_50 || value == "50";
      } else if (is(c, kCbcID)) {
        scheme_id = scheme_id || c.has_attribute("schemeID");
      } else if (is(c, kCbcDocumentDescription)) {
        ++descriptions;
      } else if (is(c, kCacAttachment)) {
        attachment = true;
      }
    }
    at_most(kSr33, e, descriptions, 1);
    if (!(is_130 || (credit_note_root_ && is_50) || (!scheme_id && !has_type)))
      report(kSr43, e);
    if ((not_130 || !has_type) && scheme_id)
      once(kCr665, e);
    if (is_130 && attachment)
      once(kCr666, e);
    if (is_130 && descriptions > 0)
      once(kCr673, e);
  }

  // UBL-SR-30 (context cac:AllowanceCharge[cbc:ChargeIndicator = false()]) and
  // UBL-SR-31 ([... = true()]); the first matching context wins.
  void check_allowance_charge(XmlElement e) {
    bool any_false = false, any_true = false;
    int reasons = 0;
    for (XmlElement c = e.first_element_child(); c; c = c.next_element_sibling()) {
      if (is(c, kCbcChargeIndicator)) {
        auto value = boolean_value(c);
        if (value)
          (*value ? any_true : any_false) = true;
      } else if (is(c, kCbcAllowanceChargeReason)) {
        ++reasons;
      }
    }
    if (any_false)
      at_most(kSr30, e, reasons, 1);
    else if (any_true)
      at_most(kSr31, e, reasons, 1);
  }

  // UBL-SR-34 ... UBL-SR-52 on cac:InvoiceLine and cac:CreditNoteLine.
  void check_line(XmlElement e) {
    at_most(kSr34, e, count_path(e, {kCbcNote}), 1);
    at_most(kSr35, e, count_path(e, {kCacOrderLineReference, kCbcLineID}), 1);
    at_most(kSr36, e, count_path(e, {kCacInvoicePeriod}), 1);
    at_most(kSr37, e, count_path(e, {kCacPrice, kCacAllowanceCharge, kCbcAmount}), 1);
    const int categories = count_path(e, {kCacItem, kCacClassifiedTaxCategory});
    if (categories != 1)
      report(kSr48, e, found(categories));
    at_most(kSr50, e, count_path(e, {kCacItem, kCbcDescription}), 1);
    at_most(kSr52, e, count_path(e, {kCacDocumentReference}), 1);
  }

  // UBL-SR-19, UBL-SR-20, UBL-SR-21: each is a count and
  // "(cac:PartyName/cbc:Name) != (../cac:AccountingSupplierParty/cac:Party/
  // cac:PartyLegalEntity/cbc:RegistrationName)", true when some payee name
  // differs from some seller name (so false when either is absent).
  void check_payee(XmlElement e, XmlElement parent) {
    std::vector<std::string> payee_names;
    int names = 0, ids = 0, company_ids = 0;
    for (XmlElement c = e.first_element_child(); c; c = c.next_element_sibling()) {
      if (is(c, kCacPartyName)) {
        for (XmlElement n = c.first_element_child(); n; n = n.next_element_sibling()) {
          if (is(n, kCbcName)) {
            ++names;
            payee_names.push_back(string_value(n));
          }
        }
      } else if (is(c, kCacPartyIdentification)) {
        for (XmlElement id = c.first_element_child(); id; id = id.next_element_sibling()) {
          if (!is(id, kCbcID))
            continue;
          auto scheme = id.attribute("schemeID");
          if (upper_case(scheme.value_or("")) != "SEPA")
            ++ids;
        }
      } else if (is(c, kCacPartyLegalEntity)) {
        company_ids += count_path(c, {kCbcCompanyID});
      }
    }
    bool differs = false;
    if (parent && !payee_names.empty()) {
      for (XmlElement s = parent.first_element_child(); s && !differs;
           s = s.next_element_sibling()) {
        if (!is(s, kCacAccountingSupplierParty))
          continue;
        for_each_path(s, {kCacParty, kCacPartyLegalEntity, kCbcRegistrationName},
                      [&](XmlElement seller_name) {
                        std::string value = string_value(seller_name);
                        for (const auto& payee : payee_names)
                          differs = differs || payee != value;
                      });
      }
    }
    if (names > 1 || !differs)
      report(kSr19, e, names > 1 ? found(names) : "the payee name is the seller's, or absent");
    if (ids > 1 || !differs)
      report(kSr20, e, ids > 1 ? found(ids) : "the payee name is the seller's, or absent");
    if (company_ids > 1 || !differs)
      report(kSr21, e,
             company_ids > 1 ? found(company_ids) : "the payee name is the seller's, or absent");
  }

  // The rules of the root context that count children of the root (UBL-SR-01
  // ... UBL-SR-56), UBL-CR-002 and UBL-CR-412.
  void check_root() {
    XmlElement e = root_;
    int contracts = 0, receipts = 0, despatches = 0, invoiced_objects = 0, terms_notes = 0;
    int periods = 0, period_codes = 0, deliveries = 0, projects = 0, originators = 0;
    int due_dates = 0, named_codes = 0, cards = 0, mandates = 0;
    int seller_names = 0, seller_trading_names = 0, seller_ids = 0, seller_vat = 0;
    int seller_tax = 0, seller_forms = 0;
    int buyer_names = 0, buyer_ids = 0, buyer_legal_ids = 0, buyer_vat = 0, buyer_trading = 0;
    bool version = false, version_21 = false;
    XmlElement due_date;
    for (XmlElement c = e.first_element_child(); c; c = c.next_element_sibling()) {
      switch (tables_.names.of(namespace_index(c), c.local_name())) {
        case kCacContractDocumentReference:
          contracts += count_path(c, {kCbcID});
          break;
        case kCacReceiptDocumentReference:
          receipts += count_path(c, {kCbcID});
          break;
        case kCacDespatchDocumentReference:
          despatches += count_path(c, {kCbcID});
          break;
        case kCacAdditionalDocumentReference: {
          bool is_130 = false;
          for_each_path(c, {kCbcDocumentTypeCode},
                        [&](XmlElement code) { is_130 = is_130 || string_value(code) == "130"; });
          if (is_130)
            invoiced_objects += count_path(c, {kCbcID});
          break;
        }
        case kCacPaymentTerms:
          terms_notes += count_path(c, {kCbcNote});
          break;
        case kCacInvoicePeriod:
          ++periods;
          period_codes += count_path(c, {kCbcDescriptionCode});
          break;
        case kCacAccountingSupplierParty:
          for_each_path(c, {kCacParty}, [&](XmlElement party) {
            seller_names += count_path(party, {kCacPartyLegalEntity, kCbcRegistrationName});
            seller_trading_names += count_path(party, {kCacPartyName, kCbcName});
            seller_ids += count_path(party, {kCacPartyLegalEntity, kCbcCompanyID});
            seller_vat += tax_scheme_company_ids(party, true);
            seller_tax += tax_scheme_company_ids(party, false);
            seller_forms += count_path(party, {kCacPartyLegalEntity, kCbcCompanyLegalForm});
          });
          break;
        case kCacAccountingCustomerParty:
          for_each_path(c, {kCacParty}, [&](XmlElement party) {
            buyer_names += count_path(party, {kCacPartyLegalEntity, kCbcRegistrationName});
            buyer_ids += count_path(party, {kCacPartyIdentification, kCbcID});
            buyer_legal_ids += count_path(party, {kCacPartyLegalEntity, kCbcCompanyID});
            buyer_vat += tax_scheme_company_ids(party, true);
            buyer_trading += count_path(party, {kCacPartyName, kCbcName});
          });
          break;
        case kCacDelivery:
          ++deliveries;
          break;
        case kCacProjectReference:
          projects += count_path(c, {kCbcID});
          break;
        case kCacOriginatorDocumentReference:
          originators += count_path(c, {kCbcID});
          break;
        case kCacPaymentMeans:
          for (XmlElement m = c.first_element_child(); m; m = m.next_element_sibling()) {
            if (is(m, kCbcPaymentDueDate)) {
              ++due_dates;
              if (!due_date)
                due_date = m;
            } else if (is(m, kCbcPaymentMeansCode)) {
              named_codes += m.has_attribute("name");
            } else if (is(m, kCacCardAccount)) {
              ++cards;
            } else if (is(m, kCacPaymentMandate)) {
              ++mandates;
            }
          }
          break;
        case kCbcUBLVersionID:
          version = true;
          version_21 = version_21 || string_value(c) == "2.1";
          break;
        default:
          break;
      }
    }
    at_most(kSr01, e, contracts, 1);
    at_most(kSr02, e, receipts, 1);
    at_most(kSr03, e, despatches, 1);
    at_most(kSr04, e, invoiced_objects, 1);
    at_most(kSr05, e, terms_notes, 1);
    at_most(kSr08, e, periods, 1);
    at_most(kSr09, e, seller_names, 1);
    at_most(kSr10, e, seller_trading_names, 1);
    at_most(kSr11, e, seller_ids, 1);
    at_most(kSr12, e, seller_vat, 1);
    at_most(kSr13, e, seller_tax, 1);
    at_most(kSr14, e, seller_forms, 1);
    at_most(kSr15, e, buyer_names, 1);
    at_most(kSr16, e, buyer_ids, 1);
    at_most(kSr17, e, buyer_legal_ids, 1);
    at_most(kSr18, e, buyer_vat, 1);
    at_most(kSr24, e, deliveries, 1);
    at_most(kSr39, e, projects, 1);
    at_most(kSr40, e, buyer_trading, 1);
    at_most(kSr45, e, due_dates, 1);
    at_most(kSr46, e, named_codes, 1);
    at_most(kSr49, e, period_codes, 1);
    at_most(kSr54, e, cards, 1);
    at_most(kSr55, e, mandates, 1);
    at_most(kSr56, e, originators, 1);
    if (version && !version_21)
      once(kCr002, e.child(ubl::kCbcNamespace, "UBLVersionID"));
    // UBL-CR-412: not(cac:PaymentMeans/cbc:PaymentDueDate) or ../cn:CreditNote
    if (due_date && !cn_credit_note_root_)
      once(kCr412, due_date);
  }

  static constexpr RuleIndex kSr01 = rule("UBL-SR-01"), kSr02 = rule("UBL-SR-02"),
                             kSr03 = rule("UBL-SR-03"), kSr04 = rule("UBL-SR-04"),
                             kSr05 = rule("UBL-SR-05"), kSr06 = rule("UBL-SR-06"),
                             kSr07 = rule("UBL-SR-07"), kSr08 = rule("UBL-SR-08"),
                             kSr09 = rule("UBL-SR-09"), kSr10 = rule("UBL-SR-10"),
                             kSr11 = rule("UBL-SR-11"), kSr12 = rule("UBL-SR-12"),
                             kSr13 = rule("UBL-SR-13"), kSr14 = rule("UBL-SR-14"),
                             kSr15 = rule("UBL-SR-15"), kSr16 = rule("UBL-SR-16"),
                             kSr17 = rule("UBL-SR-17"), kSr18 = rule("UBL-SR-18"),
                             kSr19 = rule("UBL-SR-19"), kSr20 = rule("UBL-SR-20"),
                             kSr21 = rule("UBL-SR-21"), kSr22 = rule("UBL-SR-22"),
                             kSr23 = rule("UBL-SR-23"), kSr24 = rule("UBL-SR-24"),
                             kSr25 = rule("UBL-SR-25"), kSr26 = rule("UBL-SR-26"),
                             kSr27 = rule("UBL-SR-27"), kSr28 = rule("UBL-SR-28"),
                             kSr29 = rule("UBL-SR-29"), kSr30 = rule("UBL-SR-30"),
                             kSr31 = rule("UBL-SR-31"), kSr32 = rule("UBL-SR-32"),
                             kSr33 = rule("UBL-SR-33"), kSr34 = rule("UBL-SR-34"),
                             kSr35 = rule("UBL-SR-35"), kSr36 = rule("UBL-SR-36"),
                             kSr37 = rule("UBL-SR-37"), kSr39 = rule("UBL-SR-39"),
                             kSr40 = rule("UBL-SR-40"), kSr42 = rule("UBL-SR-42"),
                             kSr43 = rule("UBL-SR-43"), kSr44 = rule("UBL-SR-44"),
                             kSr45 = rule("UBL-SR-45"), kSr46 = rule("UBL-SR-46"),
                             kSr47 = rule("UBL-SR-47"), kSr48 = rule("UBL-SR-48"),
                             kSr49 = rule("UBL-SR-49"), kSr50 = rule("UBL-SR-50"),
                             kSr51 = rule("UBL-SR-51"), kSr52 = rule("UBL-SR-52"),
                             kSr53 = rule("UBL-SR-53"), kSr54 = rule("UBL-SR-54"),
                             kSr55 = rule("UBL-SR-55"), kSr56 = rule("UBL-SR-56");
  static constexpr RuleIndex kDt01 = rule("UBL-DT-01"), kDt06 = rule("UBL-DT-06"),
                             kDt07 = rule("UBL-DT-07"), kDt18 = rule("UBL-DT-18");
  static constexpr RuleIndex kCr002 = rule("UBL-CR-002"), kCr412 = rule("UBL-CR-412"),
                             kCr665 = rule("UBL-CR-665"), kCr666 = rule("UBL-CR-666"),
                             kCr673 = rule("UBL-CR-673");

  RuleContext& context_;
  const Tables& tables_;
  XmlElement root_;
  bool root_rules_ = false;           // the root is ubl:Invoice or cn:CreditNote
  bool credit_note_root_ = false;     // local-name(/*) = 'CreditNote'
  bool cn_credit_note_root_ = false;  // the root is cn:CreditNote
  std::bitset<kRuleCount> fired_;
  std::array<std::pair<const void*, int>, 8> known_uris_{};
  std::size_t known_uri_count_ = 0;
  int sepa_ids_ = 0;
  DistinctValues payment_ids_;
  DistinctValues payment_means_codes_;
};

}  // namespace

void check_ubl_syntax_rules(RuleContext& context) {
  const xml::XmlDocument* document = context.document();
  if (document == nullptr || !context.is_ubl())
    return;
  XmlElement root = document->root();
  if (!root)
    return;
  UblSyntaxChecker(context, root).run();
}

std::span<const Rule> ubl_syntax_rules() {
  return kRules;
}

}  // namespace einvoice::validation
