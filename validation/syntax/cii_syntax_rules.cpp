// CII-SR-* and CII-DT-* (the CII syntax binding of EN 16931,
// validation-1.3.16), checked in one walk over the document.
//
// The official rules are XPath assertions on the contexts of one Schematron
// pattern, where an element is the context of the FIRST rule whose context it
// matches (so "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:TypeCode"
// never gets its own rules: "//ram:TypeCode" comes first). The walk finds the
// context of each element (enum Context, in the pattern's order), then
// evaluates that context's assertions on it. Most assertions are not(path),
// count(path) <= 1 or count(path) = 1 for a short relative path: those are
// data (cii_syntax_table.h), compiled once into name ids and checked in one
// scan of the context element's children. The others are small functions.
// Each failing assertion is reported once per context element, at that
// element, as the official SVRL does.

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "formats/cii/cii_namespaces.h"
#include "formats/xml/xml_document.h"
#include "validation/rule_families.h"
#include "validation/syntax/cii_syntax_table.h"

namespace einvoice::validation {
namespace {

using cii_syntax::kRules;
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
  throw "unknown CII syntax rule id";
}

// The rule contexts of the pattern EN16931-CII-Syntax, in its order.
enum Context : std::uint8_t {
  kPaymentMeans,       // //ram:SpecifiedTradeSettlementPaymentMeans
  kDocumentContext,    // /rsm:CrossIndustryInvoice/rsm:ExchangedDocumentContext
  kExchangedDocument,  // /rsm:CrossIndustryInvoice/rsm:ExchangedDocument
  kDocumentNote,       // .../rsm:ExchangedDocument/ram:IncludedNote
  kLine,               // .../rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem
  kLineDocument,       // line/ram:AssociatedDocumentLineDocument
  kLineProduct,        // line/ram:SpecifiedTradeProduct
  kLineProductCharacteristic,  // line/ram:SpecifiedTradeProduct/ram:ApplicableProductCharacteristic
  kLineAgreement,              // line/ram:SpecifiedLineTradeAgreement
  kAllowanceCharge,            // //ram:SpecifiedTradeAllowanceCharge
  kPriceAllowanceCharge,       // //ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge
  kLineDelivery,               // line/ram:SpecifiedLineTradeDelivery
  kLineSettlement,             // line/ram:SpecifiedLineTradeSettlement
  kHeaderAgreement,            // .../ram:ApplicableHeaderTradeAgreement
  kHeaderDelivery,             // .../ram:ApplicableHeaderTradeDelivery
  kHeaderSettlement,           // .../ram:ApplicableHeaderTradeSettlement
  kMonetarySummation,          // .../ram:SpecifiedTradeSettlementHeaderMonetarySummation
  kRoot,                       // /rsm:CrossIndustryInvoice
  kContextParameter,           // //*[ends-with(name(), 'DocumentContextParameter')]
  kKeyIdentifier,              // four identifiers by absolute path
  kAnyIdentifier,              // //ram:*[ends-with(name(), 'ID')]
  kAnyTypeCode,                // //ram:TypeCode
  kDocumentTypeCode,           // /rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:TypeCode
  kLineTaxCategoryCode,  // line/ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode
  kReferencedDocument,  // //ram:*[ends-with(name(), 'ReferencedDocument')]
  kAmount,              // //ram:*[ends-with(name(), 'Amount') and not(self::ram:TaxTotalAmount)]
  kQuantity,            // //ram:*[ends-with(name(), 'Quantity')]
  kTradeTax,            // //ram:*[ends-with(name(), 'TradeTax')]
  kBillingPeriod,       // //ram:BillingSpecifiedPeriod
  kPostalAddress,       // //ram:PostalTradeAddress
  kDateTimeString102,   // //udt:DateTimeString[@format = '102']
  kContextCount,
  kNoContext = kContextCount,
};
static_assert(kContextCount == cii_syntax::kContexts,
              "the release's CII syntax pattern has another number of rule contexts: "
              "enum Context must list them all, in the pattern's order");

// The contexts given by an absolute path.
struct AbsoluteContext {
  Context context;
  std::string_view path;
};
constexpr std::string_view kLinePath =
    "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/"
    "ram:IncludedSupplyChainTradeLineItem";
constexpr AbsoluteContext kAbsoluteContexts[] = {
    {kDocumentContext, "rsm:CrossIndustryInvoice/rsm:ExchangedDocumentContext"},
    {kExchangedDocument, "rsm:CrossIndustryInvoice/rsm:ExchangedDocument"},
    {kDocumentNote, "rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:IncludedNote"},
    {kLine, kLinePath},
    {kLineDocument,
     "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/"
     "ram:IncludedSupplyChainTradeLineItem/ram:AssociatedDocumentLineDocument"},
    {kLineProduct,
     "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/"
     "ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedTradeProduct"},
    {kLineProductCharacteristic,
     "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/"
     "ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedTradeProduct/"
     "ram:ApplicableProductCharacteristic"},
    {kLineAgreement,
     "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/"
     "ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeAgreement"},
    {kLineDelivery,
     "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/"
     "ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeDelivery"},
    {kLineSettlement,
     "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/"
     "ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeSettlement"},
    {kHeaderAgreement,
     "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement"},
    {kHeaderDelivery,
     "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeDelivery"},
    {kHeaderSettlement,
     "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/"
     "ram:ApplicableHeaderTradeSettlement"},
    {kMonetarySummation,
     "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/"
     "ram:SpecifiedTradeSettlementHeaderMonetarySummation"},
    {kRoot, "rsm:CrossIndustryInvoice"},
    {kKeyIdentifier,
     "rsm:CrossIndustryInvoice/rsm:ExchangedDocumentContext/"
     "ram:GuidelineSpecifiedDocumentContextParameter/ram:ID"},
    {kKeyIdentifier, "rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:ID"},
    {kKeyIdentifier,
     "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/"
     "ram:IncludedSupplyChainTradeLineItem/ram:AssociatedDocumentLineDocument/ram:LineID"},
    {kKeyIdentifier,
     "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/"
     "ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedTradeProduct/ram:SellerAssignedID"},
    {kDocumentTypeCode, "rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:TypeCode"},
    {kLineTaxCategoryCode,
     "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/"
     "ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/"
     "ram:CategoryCode"},
};

// ---------------------------------------------------------------------------
// Element names. The names the functions below look at have fixed ids (enum
// Name); the other names of the table's paths get ids when it is compiled.

enum class Ns : std::uint8_t { kRsm, kRam, kUdt, kQdt };
constexpr std::size_t kNsCount = 4;

std::string_view uri_of(Ns ns) {
  switch (ns) {
    case Ns::kRsm:
      return cii::kRsmNamespace;
    case Ns::kRam:
      return cii::kRamNamespace;
    case Ns::kUdt:
      return cii::kUdtNamespace;
    case Ns::kQdt:
      return cii::kQdtNamespace;
  }
  return {};
}

// Which of the four CII namespaces `uri` is, or -1.
int ns_index(std::string_view uri) {
  for (std::size_t i = 0; i < kNsCount; ++i) {
    if (uri == uri_of(static_cast<Ns>(i)))
      return static_cast<int>(i);
  }
  return -1;
}

#define EINVOICE_CII_SYNTAX_NAMES(X)           \
  X(Ram, ActualAmount)                         \
  X(Ram, AdditionalReferencedDocument)         \
  X(Ram, ApplicableHeaderTradeSettlement)      \
  X(Ram, ApplicableTradeTax)                   \
  X(Ram, AppliedTradeAllowanceCharge)          \
  X(Ram, AttachmentBinaryObject)               \
  X(Ram, BasisAmount)                          \
  X(Ram, BilledQuantity)                       \
  X(Ram, BillingSpecifiedPeriod)               \
  X(Ram, BuyerTradeParty)                      \
  X(Ram, ChargeIndicator)                      \
  X(Ram, DefinedTradeContact)                  \
  X(Ram, DepartmentName)                       \
  X(Ram, DueDateTypeCode)                      \
  X(Ram, ExemptionReason)                      \
  X(Ram, ExemptionReasonCode)                  \
  X(Ram, FormattedIssueDateTime)               \
  X(Ram, GlobalID)                             \
  X(Ram, GrossPriceProductTradePrice)          \
  X(Ram, IBANID)                               \
  X(Ram, ID)                                   \
  X(Ram, IncludedSupplyChainTradeLineItem)     \
  X(Ram, Information)                          \
  X(Ram, InvoiceReferencedDocument)            \
  X(Ram, Name)                                 \
  X(Ram, OriginTradeCountry)                   \
  X(Ram, PayeePartyCreditorFinancialAccount)   \
  X(Ram, PayeeTradeParty)                      \
  X(Ram, PaymentReference)                     \
  X(Ram, PersonName)                           \
  X(Ram, PostalTradeAddress)                   \
  X(Ram, ProprietaryID)                        \
  X(Ram, ReferenceTypeCode)                    \
  X(Ram, SellerTradeParty)                     \
  X(Ram, ShipToTradeParty)                     \
  X(Ram, SpecifiedLineTradeDelivery)           \
  X(Ram, SpecifiedTradeAllowanceCharge)        \
  X(Ram, SpecifiedTradeSettlementPaymentMeans) \
  X(Ram, TaxPointDate)                         \
  X(Ram, TaxTotalAmount)                       \
  X(Ram, TypeCode)                             \
  X(Ram, URIID)                                \
  X(Rsm, CrossIndustryInvoice)                 \
  X(Rsm, SupplyChainTradeTransaction)          \
  X(Udt, DateTimeString)                       \
  X(Udt, Indicator)

enum Name : std::uint16_t {
  kUnknownName = 0,
#define EINVOICE_CII_SYNTAX_ENUM(ns, local) k##ns##local,
  EINVOICE_CII_SYNTAX_NAMES(EINVOICE_CII_SYNTAX_ENUM)
#undef EINVOICE_CII_SYNTAX_ENUM
      kKnownNameCount
};

struct QName {
  Ns ns;
  std::string_view local;
};

constexpr QName kKnownNames[] = {{Ns::kRam, ""},
#define EINVOICE_CII_SYNTAX_QNAME(ns, local) {Ns::k##ns, #local},
                                 EINVOICE_CII_SYNTAX_NAMES(EINVOICE_CII_SYNTAX_QNAME)
#undef EINVOICE_CII_SYNTAX_QNAME
};
static_assert(std::size(kKnownNames) == kKnownNameCount);
#undef EINVOICE_CII_SYNTAX_NAMES

// Every name of interest, by local name and namespace (keys are views of the
// static tables' strings).
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
    return it->second[static_cast<std::size_t>(ns)];
  }

 private:
  std::unordered_map<std::string_view, std::array<std::uint16_t, kNsCount>> ids_;
  std::uint16_t next_ = kKnownNameCount;
};

// ---------------------------------------------------------------------------
// The tables, compiled.

// One not(path) / count(path) assertion: the path's steps as name ids, and
// the attribute it ends with (empty when it selects elements).
struct CompiledCheck {
  RuleIndex rule;
  cii_syntax::Count count;
  std::vector<std::uint16_t> steps;
  std::string_view attribute;
};

struct TrieNode {
  std::vector<std::pair<std::uint16_t, std::uint32_t>> children;  // name id -> node
  Context context = kNoContext;
};

struct Tables {
  NameTable names;
  std::array<std::vector<CompiledCheck>, kContextCount> checks;
  // Per context: (name id of the first step, index in checks), sorted.
  std::array<std::vector<std::pair<std::uint16_t, std::uint16_t>>, kContextCount> by_first;
  // Per context: the checks on an attribute of the context element, and the
  // count(path) = 1 checks (broken by no node).
  std::array<std::vector<std::uint16_t>, kContextCount> attribute_only;
  std::array<std::vector<std::uint16_t>, kContextCount> exactly_one;
  std::vector<TrieNode> trie{1};  // [0] is the document node, above the root element
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

std::uint16_t parse_step(NameTable& names, std::string_view qname) {
  auto colon = qname.find(':');
  std::string_view prefix = qname.substr(0, colon);
  Ns ns = prefix == "rsm"   ? Ns::kRsm
          : prefix == "udt" ? Ns::kUdt
          : prefix == "qdt" ? Ns::kQdt
                            : Ns::kRam;
  return names.add(ns, qname.substr(colon + 1));
}

void add_to_trie(Tables& tables, std::string_view path, Context context) {
  std::uint32_t node = 0;
  for (std::string_view step : split(path, '/')) {
    std::uint16_t name = parse_step(tables.names, step);
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
    node = child;
  }
  if (context < tables.trie[node].context)
    tables.trie[node].context = context;
}

Tables compile_tables() {
  Tables tables;
  for (const auto& check : cii_syntax::kPathChecks) {
    CompiledCheck compiled{0, check.count, {}, {}};
    for (std::size_t i = 0; i < kRuleCount; ++i) {
      if (kRules[i].id == check.rule)
        compiled.rule = static_cast<RuleIndex>(i);
    }
    for (std::string_view step : split(check.path, '/')) {
      if (step.starts_with('@'))
        compiled.attribute = step.substr(1);
      else
        compiled.steps.push_back(parse_step(tables.names, step));
    }
    auto& checks = tables.checks[check.context];
    const auto at = static_cast<std::uint16_t>(checks.size());
    if (compiled.steps.empty())
      tables.attribute_only[check.context].push_back(at);
    else
      tables.by_first[check.context].emplace_back(compiled.steps[0], at);
    if (compiled.count == cii_syntax::Count::kExactlyOne)
      tables.exactly_one[check.context].push_back(at);
    checks.push_back(std::move(compiled));
  }
  for (auto& index : tables.by_first)
    std::sort(index.begin(), index.end());
  for (const auto& absolute : kAbsoluteContexts)
    add_to_trie(tables, absolute.path, absolute.context);
  return tables;
}

const Tables& tables() {
  static const Tables compiled = compile_tables();
  return compiled;
}

// ---------------------------------------------------------------------------
// Values, as XPath sees them.

// The string value: the element's text and its descendants' text.
std::string string_value(XmlElement e) {
  std::string out = e.text();
  for (XmlElement c = e.first_element_child(); c; c = c.next_element_sibling())
    out += string_value(c);
  return out;
}

bool is_xml_space(char ch) {
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

// normalize-space(): XML spaces trimmed, inner runs made one space.
std::string normalize_space(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (char ch : text) {
    if (is_xml_space(ch)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space)
      out += ' ';
    pending_space = false;
    out += ch;
  }
  return out;
}

// The value cast to xs:boolean, as "udt:Indicator = false()" compares it;
// nullopt when it is not a boolean.
std::optional<bool> boolean_value(XmlElement e) {
  std::string text = string_value(e);
  std::string_view value = xml::trim_xml_space(text);
  if (value == "true" || value == "1")
    return true;
  if (value == "false" || value == "0")
    return false;
  return std::nullopt;
}

// The first code point of each run of ten decimal digits (Unicode category
// Nd, which \d matches in XPath regular expressions).
constexpr char32_t kDigitZeros[] = {
    0x0030,  0x0660,  0x06F0,  0x07C0,  0x0966,  0x09E6,  0x0A66,  0x0AE6,  0x0B66,  0x0BE6,
    0x0C66,  0x0CE6,  0x0D66,  0x0DE6,  0x0E50,  0x0ED0,  0x0F20,  0x1040,  0x1090,  0x17E0,
    0x1810,  0x1946,  0x19D0,  0x1A80,  0x1A90,  0x1B50,  0x1BB0,  0x1C40,  0x1C50,  0xA620,
    0xA8D0,  0xA900,  0xA9D0,  0xA9F0,  0xAA50,  0xABF0,  0xFF10,  0x104A0, 0x10D30, 0x11066,
    0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0,
    0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC,
    0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950,
};

bool is_decimal_digit(char32_t cp) {
  for (char32_t zero : kDigitZeros) {
    if (cp >= zero && cp < zero + 10)
      return true;
  }
  return false;
}

// The next code point of UTF-8 text (U+FFFD for a malformed sequence).
char32_t next_code_point(std::string_view text, std::size_t& at) {
  const auto lead = static_cast<unsigned char>(text[at++]);
  int more = lead < 0x80           ? 0
             : (lead >> 5) == 0x6  ? 1
             : (lead >> 4) == 0xE  ? 2
             : (lead >> 3) == 0x1E ? 3
                                   : -1;
  if (more < 0)
    return 0xFFFD;
  char32_t cp = more == 0 ? lead : lead & (0x3F >> more);
  for (; more > 0; --more) {
    if (at >= text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80)
      return 0xFFFD;
    cp = (cp << 6) | (static_cast<unsigned char>(text[at++]) & 0x3F);
  }
  return cp;
}

// ^\s*\d{4}(1[0-2]|0[1-9])(3[01]|[12][0-9]|0[1-9])\s*$ (CII-DT-097): the year
// may be any decimal digits, month and day are ASCII.
bool is_yyyymmdd(std::string_view text) {
  std::size_t begin = 0, end = text.size();
  while (begin < end && is_xml_space(text[begin]))
    ++begin;
  while (end > begin && is_xml_space(text[end - 1]))
    --end;
  std::string_view d = text.substr(begin, end - begin);
  std::size_t at = 0;
  for (int i = 0; i < 4; ++i) {
    if (at >= d.size() || !is_decimal_digit(next_code_point(d, at)))
      return false;
  }
  d.remove_prefix(at);
  if (d.size() != 4)
    return false;
  for (char ch : d) {
    if (ch < '0' || ch > '9')
      return false;
  }
  const int month = (d[0] - '0') * 10 + (d[1] - '0');
  const int day = (d[2] - '0') * 10 + (d[3] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
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
  std::int32_t trie;             // node of the absolute paths, -1 when none
  bool under_header_settlement;  // some ancestor is ram:ApplicableHeaderTradeSettlement
};

class CiiSyntaxChecker {
 public:
  CiiSyntaxChecker(RuleContext& context, XmlElement root)
      : context_(context), tables_(tables()), root_(root) {}

  void run() {
    billed_unit_code_ = has_billed_unit_code();
    visit(root_, info_of(root_), nullptr);
    finish();
  }

 private:
  void report(RuleIndex r, XmlElement at, const std::string& detail = {}) {
    context_.report_at(kRules[r], at, detail);
  }

  // What the walk knows of an element's name: its id, and the first context
  // that its name alone gives it (the rules on //ram:X and on name endings).
  struct NameInfo {
    std::uint16_t id = kUnknownName;
    Context context = kNoContext;
  };

  // The name's info, cached by the strings of the element's name and
  // namespace (the parser shares them between elements of one name).
  const NameInfo& info_of(XmlElement e) {
    const void* local = e.name_key();
    const void* uri = e.namespace_key();
    const auto hash = (reinterpret_cast<std::uintptr_t>(local) >> 3) ^
                      (reinterpret_cast<std::uintptr_t>(uri) >> 5);
    for (std::size_t probe = 0; probe < 8; ++probe) {
      CacheSlot& slot = cache_[(hash + probe) % cache_.size()];
      if (slot.local == local && slot.uri == uri && slot.local != nullptr)
        return slot.info;
      if (slot.local == nullptr) {
        slot = {local, uri, compute_info(e.local_name(), e.namespace_uri())};
        return slot.info;
      }
    }
    scratch_ = compute_info(e.local_name(), e.namespace_uri());
    return scratch_;
  }

  std::uint16_t name_of(XmlElement e) { return info_of(e).id; }

  NameInfo compute_info(std::string_view local, std::string_view uri) const {
    const int ns = ns_index(uri);
    NameInfo info{tables_.names.of(ns, local), kNoContext};
    const bool ram = ns == static_cast<int>(Ns::kRam);
    if (info.id == kRamSpecifiedTradeSettlementPaymentMeans)
      info.context = kPaymentMeans;
    else if (info.id == kRamSpecifiedTradeAllowanceCharge)
      info.context = kAllowanceCharge;
    else if (local.ends_with("DocumentContextParameter"))
      info.context = kContextParameter;
    else if (ram && local.ends_with("ID"))
      info.context = kAnyIdentifier;
    else if (info.id == kRamTypeCode)
      info.context = kAnyTypeCode;
    else if (ram && local.ends_with("ReferencedDocument"))
      info.context = kReferencedDocument;
    else if (ram && local.ends_with("Amount") && info.id != kRamTaxTotalAmount)
      info.context = kAmount;
    else if (ram && local.ends_with("Quantity"))
      info.context = kQuantity;
    else if (ram && local.ends_with("TradeTax"))
      info.context = kTradeTax;
    else if (info.id == kRamBillingSpecifiedPeriod)
      info.context = kBillingPeriod;
    else if (info.id == kRamPostalTradeAddress)
      info.context = kPostalAddress;
    return info;
  }

  void visit(XmlElement e, const NameInfo info, const Frame* parent) {
    Frame frame{e, parent, info.id, -1,
                parent != nullptr && (parent->under_header_settlement ||
                                      parent->name == kRamApplicableHeaderTradeSettlement)};
    const std::int32_t parent_node = parent == nullptr ? 0 : parent->trie;
    if (parent_node >= 0 && frame.name != kUnknownName) {
      for (const auto& [name, node] :
           tables_.trie[static_cast<std::size_t>(parent_node)].children) {
        if (name == frame.name)
          frame.trie = static_cast<std::int32_t>(node);
      }
    }
    // The children and their names, on a stack shared by the whole walk.
    const std::size_t begin = children_.size();
    for (XmlElement c = e.first_element_child(); c; c = c.next_element_sibling())
      children_.push_back({c, info_of(c)});
    const std::size_t end = children_.size();
    const Context context = context_of(e, frame, info.context);
    if (context != kNoContext) {
      check_paths(e, context, begin, end);
      check_special(e, frame, context);
    }
    collect(e, frame);
    for (std::size_t i = begin; i < end; ++i) {
      const Child child = children_[i];
      visit(child.element, child.info, &frame);
    }
    children_.resize(begin);
  }

  // The first rule context of the pattern the element matches: the first of
  // its absolute path's, its name's and those that also look at the parent
  // or an attribute.
  Context context_of(XmlElement e, const Frame& frame, Context by_name) {
    Context best = by_name;
    if (frame.trie >= 0) {
      const Context absolute = tables_.trie[static_cast<std::size_t>(frame.trie)].context;
      if (absolute < best)
        best = absolute;
    }
    if (frame.name == kRamAppliedTradeAllowanceCharge && frame.parent != nullptr &&
        frame.parent->name == kRamGrossPriceProductTradePrice && kPriceAllowanceCharge < best)
      best = kPriceAllowanceCharge;
    if (frame.name == kUdtDateTimeString && best == kNoContext) {
      auto format = e.attribute("format");
      if (format && *format == "102")
        best = kDateTimeString102;
    }
    return best;
  }

  // Number of nodes step[from]/step[from + 1]/... (and /@attribute) under e.
  int count_path(XmlElement e, const CompiledCheck& check, std::size_t from) {
    int n = 0;
    for (XmlElement c = e.first_element_child(); c; c = c.next_element_sibling()) {
      if (name_of(c) != check.steps[from])
        continue;
      if (from + 1 < check.steps.size())
        n += count_path(c, check, from + 1);
      else if (check.attribute.empty() || c.has_attribute(check.attribute))
        ++n;
    }
    return n;
  }

  // The table's assertions of the context: one scan of the children, the
  // deeper steps only under the children that match a first step.
  void check_paths(XmlElement e, Context context, std::size_t begin, std::size_t end) {
    const auto& checks = tables_.checks[context];
    if (checks.empty())
      return;
    if (counts_.size() < checks.size())
      counts_.resize(checks.size(), 0);
    touched_.clear();
    auto add = [this](std::uint16_t i, int n) {
      if (n == 0)
        return;
      if (counts_[i] == 0)
        touched_.push_back(i);
      counts_[i] += n;
    };
    for (std::uint16_t i : tables_.attribute_only[context])
      add(i, e.has_attribute(checks[i].attribute) ? 1 : 0);
    const auto& index = tables_.by_first[context];
    for (std::size_t k = begin; k < end; ++k) {
      const XmlElement c = children_[k].element;
      const std::uint16_t name = children_[k].info.id;
      if (name == kUnknownName)
        continue;
      auto it = std::lower_bound(index.begin(), index.end(),
                                 std::pair<std::uint16_t, std::uint16_t>{name, 0});
      for (; it != index.end() && it->first == name; ++it) {
        const CompiledCheck& check = checks[it->second];
        if (check.steps.size() > 1)
          add(it->second, count_path(c, check, 1));
        else if (check.attribute.empty() || c.has_attribute(check.attribute))
          add(it->second, 1);
      }
    }
    // Only the checks some node was found for can break, and those wanting
    // exactly one.
    for (std::uint16_t i : tables_.exactly_one[context]) {
      if (counts_[i] == 0)
        report(checks[i].rule, e, found(0));
    }
    for (std::uint16_t i : touched_) {
      const int n = counts_[i];
      counts_[i] = 0;
      const bool ok = checks[i].count == cii_syntax::Count::kAbsent      ? false
                      : checks[i].count == cii_syntax::Count::kAtMostOne ? n <= 1
                                                                         : n == 1;
      if (!ok)
        report(checks[i].rule, e, found(n));
    }
  }

  // Children of e named `name`.
  template <class F>
  void for_each_child(XmlElement e, std::uint16_t name, F&& f) {
    for (XmlElement c = e.first_element_child(); c; c = c.next_element_sibling()) {
      if (name_of(c) == name)
        f(c);
    }
  }
  bool has_child(XmlElement e, std::uint16_t name) {
    bool any = false;
    for_each_child(e, name, [&any](XmlElement) { any = true; });
    return any;
  }
  int count_children(XmlElement e, std::uint16_t name) {
    int n = 0;
    for_each_child(e, name, [&n](XmlElement) { ++n; });
    return n;
  }
  // Some child named `name` whose string value is `value` (XPath "ram:X = 'v'").
  bool child_equals(XmlElement e, std::uint16_t name, std::string_view value) {
    bool any = false;
    for_each_child(e, name, [&](XmlElement c) { any = any || string_value(c) == value; });
    return any;
  }
  // normalize-space(ram:X) of the first child named `name` ("" when none).
  std::string normalized_child(XmlElement e, std::uint16_t name) {
    for (XmlElement c = e.first_element_child(); c; c = c.next_element_sibling()) {
      if (name_of(c) == name)
        return normalize_space(string_value(c));
    }
    return {};
  }

  void check_special(XmlElement e, const Frame& frame, Context context) {
    switch (context) {
      case kLineProduct:
        check_product(e);
        break;
      case kLineAgreement:
        check_price_allowances(e);
        break;
      case kAllowanceCharge:
        if (!has_child(e, kRamChargeIndicator))
          report(kSr463, e);
        break;
      case kLineSettlement: {
        int documents = 0;
        for_each_child(e, kRamAdditionalReferencedDocument, [&](XmlElement d) {
          documents += normalized_child(d, kRamTypeCode) == "130";
        });
        if (documents > 1)
          report(kSr474, e, found(documents));
        break;
      }
      case kHeaderAgreement:
        check_header_agreement(e);
        break;
      case kHeaderDelivery:
        check_party_identifiers(e, kRamShipToTradeParty, kSr449);
        break;
      case kHeaderSettlement:
        check_party_identifiers(e, kRamPayeeTradeParty, kSr451);
        check_payment_accounts(e);
        header_settlements_.push_back(e);
        break;
      case kReferencedDocument:
        check_referenced_document(e, frame);
        break;
      case kQuantity:
        if (!billed_unit_code_ && e.has_attribute("unitCode"))
          report(kDt033, e);
        break;
      case kTradeTax:
        check_trade_tax(e, frame);
        break;
      case kDateTimeString102:
        if (!is_yyyymmdd(string_value(e)))
          report(kDt097, e, string_value(e));
        break;
      default:
        break;
    }
  }

  // CII-SR-046, CII-SR-090.
  void check_product(XmlElement e) {
    bool global_id = false, scheme = false;
    bool origin = false;
    int origin_ids = 0;
    for (XmlElement c = e.first_element_child(); c; c = c.next_element_sibling()) {
      const std::uint16_t name = name_of(c);
      if (name == kRamGlobalID) {
        global_id = true;
        scheme = scheme || c.has_attribute("schemeID");
      } else if (name == kRamOriginTradeCountry) {
        origin = true;
        origin_ids += count_children(c, kRamID);
      }
    }
    if (global_id && !scheme)
      report(kSr046, e);
    if (origin && origin_ids != 1)
      report(kSr090, e, found(origin_ids));
  }

  // CII-SR-119: with P = ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge,
  // (P/ram:ChargeIndicator[udt:Indicator = false()] and P/ram:ActualAmount) or
  // (not(P/ram:ChargeIndicator) and not(P/ram:ActualAmount)).
  void check_price_allowances(XmlElement e) {
    bool false_indicator = false, amount = false, indicator = false;
    for_each_child(e, kRamGrossPriceProductTradePrice, [&](XmlElement price) {
      for_each_child(price, kRamAppliedTradeAllowanceCharge, [&](XmlElement charge) {
        amount = amount || has_child(charge, kRamActualAmount);
        for_each_child(charge, kRamChargeIndicator, [&](XmlElement ci) {
          indicator = true;
          for_each_child(ci, kUdtIndicator, [&](XmlElement value) {
            false_indicator = false_indicator || boolean_value(value) == false;
          });
        });
      });
    });
    if (!((false_indicator && amount) || (!indicator && !amount)))
      report(kSr119, e);
  }

  // CII-SR-449, CII-SR-450, CII-SR-451: not both party/ram:ID and party/ram:GlobalID.
  void check_party_identifiers(XmlElement e, std::uint16_t party, RuleIndex r) {
    bool id = false, global_id = false;
    for_each_child(e, party, [&](XmlElement p) {
      id = id || has_child(p, kRamID);
      global_id = global_id || has_child(p, kRamGlobalID);
    });
    if (id && global_id)
      report(r, e);
  }

  // CII-SR-450, CII-SR-457, CII-SR-458, CII-SR-465, CII-SR-466, CII-SR-475, CII-SR-476.
  void check_header_agreement(XmlElement e) {
    check_party_identifiers(e, kRamBuyerTradeParty, kSr450);
    int type_50 = 0, type_130 = 0, names_916 = 0, attachments_916 = 0;
    for_each_child(e, kRamAdditionalReferencedDocument, [&](XmlElement d) {
      type_50 += child_equals(d, kRamTypeCode, "50");
      type_130 += child_equals(d, kRamTypeCode, "130");
      if (normalized_child(d, kRamTypeCode) == "916") {
        names_916 += count_children(d, kRamName);
        attachments_916 += count_children(d, kRamAttachmentBinaryObject);
      }
    });
    if (type_50 > 1)
      report(kSr457, e, found(type_50));
    if (type_130 > 1)
      report(kSr458, e, found(type_130));
    if (names_916 > 1)
      report(kSr475, e, found(names_916));
    if (attachments_916 > 1)
      report(kSr476, e, found(attachments_916));
    check_contact_names(e, kRamSellerTradeParty, kSr465);
    check_contact_names(e, kRamBuyerTradeParty, kSr466);
  }

  // not(party/ram:DefinedTradeContact/ram:PersonName and
  // party/ram:DefinedTradeContact/ram:DepartmentName)
  void check_contact_names(XmlElement e, std::uint16_t party, RuleIndex r) {
    bool person = false, department = false;
    for_each_child(e, party, [&](XmlElement p) {
      for_each_child(p, kRamDefinedTradeContact, [&](XmlElement contact) {
        person = person || has_child(contact, kRamPersonName);
        department = department || has_child(contact, kRamDepartmentName);
      });
    });
    if (person && department)
      report(r, e);
  }

  // CII-SR-470: no credit transfer (30, 58) without IBAN or proprietary id.
  void check_payment_accounts(XmlElement e) {
    int missing = 0;
    for_each_child(e, kRamSpecifiedTradeSettlementPaymentMeans, [&](XmlElement means) {
      std::string code = normalized_child(means, kRamTypeCode);
      if (code != "30" && code != "58")
        return;
      bool account = false;
      for_each_child(means, kRamPayeePartyCreditorFinancialAccount, [&](XmlElement a) {
        account = account || has_child(a, kRamIBANID) || has_child(a, kRamProprietaryID);
      });
      missing += !account;
    });
    if (missing > 0)
      report(kSr470, e, found(missing));
  }

  // CII-DT-015, CII-DT-018, CII-DT-021, CII-DT-022, CII-DT-024, CII-DT-027.
  void check_referenced_document(XmlElement e, const Frame& frame) {
    const bool additional = frame.name == kRamAdditionalReferencedDocument;
    bool is_50 = false, is_130 = false, is_916 = false, type = false;
    bool uri = false, name = false, attachment = false, reference_type = false, issue = false;
    for (XmlElement c = e.first_element_child(); c; c = c.next_element_sibling()) {
      switch (name_of(c)) {
        case kRamTypeCode: {
          type = true;
          std::string value = string_value(c);
          is_50 = is_50 || value == "50";
          is_130 = is_130 || value == "130";
          is_916 = is_916 || value == "916";
          break;
        }
        case kRamURIID:
          uri = true;
          break;
        case kRamName:
          name = true;
          break;
        case kRamAttachmentBinaryObject:
          attachment = true;
          break;
        case kRamReferenceTypeCode:
          reference_type = true;
          break;
        case kRamFormattedIssueDateTime:
          issue = true;
          break;
        default:
          break;
      }
    }
    const bool additional_916 = additional && is_916;
    if (uri && !additional_916)
      report(kDt015, e);
    if (type && !(additional && (is_50 || is_130 || is_916)))
      report(kDt018, e);
    if (name && !additional_916)
      report(kDt021, e);
    if (attachment && !additional_916)
      report(kDt022, e);
    if (reference_type && !(additional && is_130))
      report(kDt024, e);
    if (issue && frame.name != kRamInvoiceReferencedDocument)
      report(kDt027, e);
  }

  // CII-DT-037, CII-DT-041, CII-DT-052, CII-DT-054, CII-DT-058, CII-DT-098.
  void check_trade_tax(XmlElement e, const Frame& frame) {
    bool type = false, vat = false, basis = false, reason_code = false, reason = false;
    bool point = false, due = false;
    for (XmlElement c = e.first_element_child(); c; c = c.next_element_sibling()) {
      switch (name_of(c)) {
        case kRamTypeCode:
          type = true;
          vat = vat || string_value(c) == "VAT";
          break;
        case kRamBasisAmount:
          basis = true;
          break;
        case kRamExemptionReasonCode:
          reason_code = true;
          break;
        case kRamExemptionReason:
          reason = true;
          break;
        case kRamTaxPointDate:
          point = true;
          break;
        case kRamDueDateTypeCode:
          due = true;
          break;
        default:
          break;
      }
    }
    const bool header = frame.under_header_settlement;
    const bool applicable = frame.name == kRamApplicableTradeTax;
    if (type && !vat)
      report(kDt037, e);
    if (basis && !header)
      report(kDt041, e);
    if (reason_code && !applicable)
      report(kDt052, e);
    if (reason && !applicable)
      report(kDt098, e);
    if (point && !header)
      report(kDt054, e);
    if (due && !header)
      report(kDt058, e);
  }

  // What the document-wide assertions need, gathered on the way.
  void collect(XmlElement e, const Frame& frame) {
    if (frame.parent == nullptr)
      return;
    const std::uint16_t parent = frame.parent->name;
    if (parent == kRamSpecifiedTradeSettlementPaymentMeans) {
      if (frame.name == kRamTypeCode)
        add_distinct(means_codes_, e);
      else if (frame.name == kRamInformation)
        add_distinct(means_texts_, e);
    } else if (parent == kRamApplicableTradeTax && frame.name == kRamDueDateTypeCode) {
      std::string value = string_value(e);
      if (due_date_codes_.empty())
        due_date_codes_.push_back(value);
      else if (due_date_codes_.size() == 1 && due_date_codes_[0] != value)
        due_date_codes_.push_back(value);
    } else if (parent == kRamApplicableHeaderTradeSettlement &&
               frame.name == kRamPaymentReference) {
      ++payment_references_;
    }
  }

  // Normalized values: the first, and how many differ from it.
  struct FirstAndOthers {
    std::optional<std::string> first;
    int others = 0;
  };
  void add_distinct(FirstAndOthers& values, XmlElement e) {
    std::string value = normalize_space(string_value(e));
    if (!values.first)
      values.first = std::move(value);
    else if (value != *values.first)
      ++values.others;
  }

  // CII-SR-462, CII-SR-467, CII-SR-468, CII-SR-469.
  void finish() {
    if (due_date_codes_.size() > 1) {
      for (XmlElement settlement : header_settlements_)
        report(kSr462, settlement);
    }
    const bool root_context = root_.is(cii::kRsmNamespace, cii::kRootElement);
    if (!root_context)
      return;
    if (means_codes_.others > 0)
      report(kSr467, root_, found(means_codes_.others + 1));
    if (means_texts_.others > 0)
      report(kSr468, root_, found(means_texts_.others + 1));
    if (payment_references_ > 1)
      report(kSr469, root_, found(payment_references_));
  }

  // /rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/
  // ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeDelivery/ram:BilledQuantity/@unitCode
  bool has_billed_unit_code() {
    if (name_of(root_) != kRsmCrossIndustryInvoice)
      return false;
    bool any = false;
    for_each_child(root_, kRsmSupplyChainTradeTransaction, [&](XmlElement transaction) {
      for_each_child(transaction, kRamIncludedSupplyChainTradeLineItem, [&](XmlElement line) {
        for_each_child(line, kRamSpecifiedLineTradeDelivery, [&](XmlElement delivery) {
          for_each_child(delivery, kRamBilledQuantity, [&](XmlElement quantity) {
            any = any || quantity.has_attribute("unitCode");
          });
        });
      });
    });
    return any;
  }

  static constexpr RuleIndex kSr046 = rule("CII-SR-046"), kSr090 = rule("CII-SR-090"),
                             kSr119 = rule("CII-SR-119"), kSr449 = rule("CII-SR-449"),
                             kSr450 = rule("CII-SR-450"), kSr451 = rule("CII-SR-451"),
                             kSr457 = rule("CII-SR-457"), kSr458 = rule("CII-SR-458"),
                             kSr462 = rule("CII-SR-462"), kSr463 = rule("CII-SR-463"),
                             kSr465 = rule("CII-SR-465"), kSr466 = rule("CII-SR-466"),
                             kSr467 = rule("CII-SR-467"), kSr468 = rule("CII-SR-468"),
                             kSr469 = rule("CII-SR-469"), kSr470 = rule("CII-SR-470"),
                             kSr474 = rule("CII-SR-474"), kSr475 = rule("CII-SR-475"),
                             kSr476 = rule("CII-SR-476");
  static constexpr RuleIndex kDt015 = rule("CII-DT-015"), kDt018 = rule("CII-DT-018"),
                             kDt021 = rule("CII-DT-021"), kDt022 = rule("CII-DT-022"),
                             kDt024 = rule("CII-DT-024"), kDt027 = rule("CII-DT-027"),
                             kDt033 = rule("CII-DT-033"), kDt037 = rule("CII-DT-037"),
                             kDt041 = rule("CII-DT-041"), kDt052 = rule("CII-DT-052"),
                             kDt054 = rule("CII-DT-054"), kDt058 = rule("CII-DT-058"),
                             kDt097 = rule("CII-DT-097"), kDt098 = rule("CII-DT-098");

  RuleContext& context_;
  const Tables& tables_;
  XmlElement root_;
  struct CacheSlot {
    const void* local = nullptr;
    const void* uri = nullptr;
    NameInfo info;
  };
  std::array<CacheSlot, 512> cache_{};
  NameInfo scratch_;
  struct Child {
    XmlElement element;
    NameInfo info;
  };
  std::vector<Child> children_;
  std::vector<int> counts_;             // by check of the context; 0 between uses
  std::vector<std::uint16_t> touched_;  // the checks whose count is not 0
  bool billed_unit_code_ = false;
  FirstAndOthers means_codes_;
  FirstAndOthers means_texts_;
  std::vector<std::string> due_date_codes_;  // the first two distinct values
  std::vector<XmlElement> header_settlements_;
  int payment_references_ = 0;
};

}  // namespace

void check_cii_syntax_rules(RuleContext& context) {
  const xml::XmlDocument* document = context.document();
  if (document == nullptr || !context.is_cii())
    return;
  XmlElement root = document->root();
  if (!root)
    return;
  CiiSyntaxChecker(context, root).run();
}

std::span<const Rule> cii_syntax_rules() {
  return kRules;
}

}  // namespace einvoice::validation
