// BR-FR-CDV (French lifecycle statuses, CDAR): the generated table
// (cdar_table.h: contexts, ids, flags, messages, code lists) and, here, the
// test of each assert, written from its published XPath (quoted above each
// one). XPath general comparisons are kept: "path = 'x'" holds when some node
// of the path has the value x, "path != 'x'" when some node has another
// value, and both are false on an empty path.

#include "validation/cdar/cdar_rules.h"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "validation/cdar/cdar_table.h"
#include "validation/fr/french_checks.h"

namespace einvoice::validation {
namespace cdar {
namespace {

using xml::XmlElement;
using Nodes = std::vector<XmlElement>;

struct Name {
  std::string_view ns;
  std::string_view local;
};

std::string_view uri_of(std::string_view prefix) {
  for (const auto& ns : kNamespaces) {
    if (ns.prefix == prefix)
      return ns.uri;
  }
  return {};
}

// "ram:ID" -> its namespace and local name (prefixes of kNamespaces).
Name name_of(std::string_view qualified) {
  const std::size_t colon = qualified.find(':');
  return {uri_of(qualified.substr(0, colon)), qualified.substr(colon + 1)};
}

std::vector<Name> steps_of(std::string_view path) {
  std::vector<Name> steps;
  while (!path.empty()) {
    const std::size_t slash = path.find('/');
    steps.push_back(name_of(path.substr(0, slash)));
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
  }
  return steps;
}

// The document's elements in document order, each with its parent's index
// (-1 for the root). The parser bounds the depth (XmlLimits).
class Tree {
 public:
  explicit Tree(XmlElement root) {
    if (!root)
      return;
    nodes_.push_back({root, -1});
    std::vector<std::pair<XmlElement, int>> pending{{root.first_element_child(), 0}};
    while (!pending.empty()) {
      const XmlElement current = pending.back().first;
      const int parent = pending.back().second;
      if (!current) {
        pending.pop_back();
        continue;
      }
      pending.back().first = current.next_element_sibling();
      const int index = static_cast<int>(nodes_.size());
      nodes_.push_back({current, parent});
      pending.emplace_back(current.first_element_child(), index);
    }
    number_siblings();
  }

  // The absolute XPath of node i as XmlElement::xpath() writes it
  // ("/rsm:A/ram:B[2]"), in time proportional to its depth (xpath() counts
  // siblings, quadratic over a hostile document's many findings).
  std::string xpath(int i) const {
    std::vector<int> chain;
    for (; i >= 0; i = parent(i))
      chain.push_back(i);
    std::string out;
    for (auto n = chain.rbegin(); n != chain.rend(); ++n) {
      out += '/';
      out += at(*n).qualified_name();
      if (nodes_[*n].same_named > 1)
        out += '[' + std::to_string(nodes_[*n].position) + ']';
    }
    return out;
  }

  int size() const { return static_cast<int>(nodes_.size()); }
  XmlElement at(int i) const { return i < 0 ? XmlElement() : nodes_[i].element; }
  int parent(int i) const { return i < 0 ? -1 : nodes_[i].parent; }
  XmlElement root() const { return at(nodes_.empty() ? -1 : 0); }

  // Whether node i is the last step of `steps`, its parent the one before...
  // (a Schematron rule context, or a "//a/b" path).
  bool matches(int i, const std::vector<Name>& steps) const {
    for (auto step = steps.rbegin(); step != steps.rend(); ++step) {
      if (i < 0 || !at(i).is(step->ns, step->local))
        return false;
      i = parent(i);
    }
    return true;
  }

  // //rsm:ExchangedDocument/ram:SenderTradeParty/ram:GlobalID, in document
  // order, found once per document (rules run on every reason code).
  const Nodes& senders() const {
    if (!senders_) {
      const std::vector<Name> steps =
          steps_of("rsm:ExchangedDocument/ram:SenderTradeParty/ram:GlobalID");
      senders_.emplace();
      for (int i = 0; i < size(); ++i) {
        if (matches(i, steps))
          senders_->push_back(at(i));
      }
    }
    return *senders_;
  }

 private:
  struct Node {
    XmlElement element;
    int parent;
    int position = 1;    // among the siblings of its name and namespace
    int same_named = 1;  // how many siblings (itself included) have them
  };

  // As libxml2 numbers steps: by local name and namespace prefix.
  void number_siblings() {
    using Key = std::tuple<int, std::string_view, std::string>;
    std::map<Key, int> counts;
    auto key = [](const Node& node) {
      const std::string name = node.element.qualified_name();
      const std::size_t colon = name.find(':');
      return Key{node.parent, node.element.local_name(),
                 colon == std::string::npos ? std::string() : name.substr(0, colon)};
    };
    for (auto& node : nodes_)
      node.position = ++counts[key(node)];
    for (auto& node : nodes_)
      node.same_named = counts[key(node)];
  }
  std::vector<Node> nodes_;
  mutable std::optional<Nodes> senders_;
};

// The node a rule's context matched, and the document around it.
struct Here {
  const Tree& tree;
  int node;

  XmlElement element() const { return tree.at(node); }
  // `..` applied n times (null above the root).
  XmlElement up(int n) const {
    int i = node;
    for (int k = 0; k < n; ++k)
      i = tree.parent(i);
    return tree.at(i);
  }
};

// from/a/b/c: every element the relative path selects, in document order.
Nodes select(XmlElement from, std::initializer_list<std::string_view> path) {
  Nodes current;
  if (from)
    current.push_back(from);
  for (std::string_view qualified : path) {
    const Name step = name_of(qualified);
    Nodes next;
    for (XmlElement e : current)
      e.for_each_child(step.ns, step.local, [&](XmlElement c) { next.push_back(c); });
    current = std::move(next);
  }
  return current;
}

// /rsm:CrossDomainAcknowledgementAndResponse/path: from the root, when the root
// is a CDAR message.
Nodes absolute(const Here& here, std::initializer_list<std::string_view> path) {
  const XmlElement root = here.tree.root();
  const Name cdar = name_of("rsm:CrossDomainAcknowledgementAndResponse");
  return root.is(cdar.ns, cdar.local) ? select(root, path) : Nodes();
}

bool exists(XmlElement from, std::initializer_list<std::string_view> path) {
  return !select(from, path).empty();
}

// nodes[@name = 'value']
Nodes with_attribute(const Nodes& nodes, std::string_view name, std::string_view value) {
  Nodes out;
  for (XmlElement e : nodes) {
    if (e.attribute(name) == std::optional<std::string>(std::string(value)))
      out.push_back(e);
  }
  return out;
}

bool any_equal(const Nodes& nodes, std::string_view value) {
  for (XmlElement e : nodes) {
    if (e.string_value() == value)
      return true;
  }
  return false;
}

bool any_other(const Nodes& nodes, std::string_view value) {
  for (XmlElement e : nodes) {
    if (e.string_value() != value)
      return true;
  }
  return false;
}

const CodeList* find_list(std::string_view rule) {
  for (const auto& list : kCodeLists) {
    if (list.rule == rule)
      return &list;
  }
  return nullptr;
}

// The generated list of `rule` (cdar_table_problems() checks each one the
// tests below use exists).
const CodeList& list_of(std::string_view rule) {
  static constexpr CodeList kNone{"", "", nullptr, 0};
  const CodeList* list = find_list(rule);
  return list ? *list : kNone;
}

bool in_list(std::string_view value, std::string_view rule) {
  const CodeList& list = list_of(rule);
  for (std::size_t i = 0; i < list.size; ++i) {
    if (list.codes[i] == value)
      return true;
  }
  return false;
}

bool any_in_list(const Nodes& nodes, std::string_view rule) {
  for (XmlElement e : nodes) {
    if (in_list(e.string_value(), rule))
      return true;
  }
  return false;
}

// xsl:value-of on a sequence: the string values joined by spaces.
std::string joined(const Nodes& nodes) {
  std::string out;
  for (XmlElement e : nodes) {
    if (!out.empty())
      out += ' ';
    out += e.string_value();
  }
  return out;
}

using Values = std::vector<std::string>;

Values none(const Here&, std::string_view) {
  return {};
}

Values own_value(const Here& here, std::string_view) {
  return {here.element().string_value()};
}

// ".": the context node exists, so the test always holds.
bool always(const Here&, std::string_view) {
  return true;
}

// custom:is-valid-...(.) and ". = 'a' or . = 'b' ...": the value is in the
// rule's list.
bool value_in_list(const Here& here, std::string_view rule) {
  return in_list(here.element().string_value(), rule);
}

// BR-FR-CDV-02 and BR-FR-CDV-CL-01, from rsm:ExchangedDocumentContext:
// count(../rsm:ExchangedDocument/ram:RecipientTradeParty/ram:GlobalID) = 1 and
// ../rsm:ExchangedDocument/ram:RecipientTradeParty/ram:GlobalID[@schemeID='0238'] = '0000' and
// ../rsm:ExchangedDocument/ram:RecipientTradeParty/ram:RoleCode = 'DFH'
// (the message is addressed to the PPF alone).
bool to_ppf(const Here& here) {
  const XmlElement message = here.up(1);
  const Nodes ids =
      select(message, {"rsm:ExchangedDocument", "ram:RecipientTradeParty", "ram:GlobalID"});
  return ids.size() == 1 && any_equal(with_attribute(ids, "schemeID", "0238"), "0000") &&
         any_equal(
             select(message, {"rsm:ExchangedDocument", "ram:RecipientTradeParty", "ram:RoleCode"}),
             "DFH");
}

// ./ram:GuidelineSpecifiedDocumentContextParameter/ram:ID = 'urn.cpro.gouv.fr:1p0:CDV:invoice'
// or (./ram:GuidelineSpecifiedDocumentContextParameter/ram:ID =
// 'urn.cpro.gouv.fr:1p0:CDV:einvoicingF2' and <to_ppf>)
bool guideline(const Here& here, std::string_view) {
  const Nodes ids =
      select(here.element(), {"ram:GuidelineSpecifiedDocumentContextParameter", "ram:ID"});
  return any_equal(ids, "urn.cpro.gouv.fr:1p0:CDV:invoice") ||
         (any_equal(ids, "urn.cpro.gouv.fr:1p0:CDV:einvoicingF2") && to_ppf(here));
}

Values guideline_values(const Here& here, std::string_view) {
  const XmlElement message = here.up(1);
  const Nodes recipients = select(message, {"rsm:ExchangedDocument", "ram:RecipientTradeParty"});
  Nodes ids, roles;
  std::string schemes;
  for (XmlElement recipient : recipients) {
    recipient.for_each_child(uri_of("ram"), "GlobalID", [&](XmlElement id) {
      ids.push_back(id);
      if (auto scheme = id.attribute("schemeID"))
        schemes += (schemes.empty() ? "" : " ") + *scheme;
    });
    recipient.for_each_child(uri_of("ram"), "RoleCode", [&](XmlElement r) { roles.push_back(r); });
  }
  return {
      joined(select(here.element(), {"ram:GuidelineSpecifiedDocumentContextParameter", "ram:ID"})),
      std::to_string(ids.size()), joined(ids), schemes, joined(roles)};
}

// ram:ID
bool has_id(const Here& here, std::string_view) {
  return exists(here.element(), {"ram:ID"});
}

// ../../rsm:AcknowledgementDocument/ram:TypeCode != '23' or ram:GlobalID
bool issuer_id_for_23(const Here& here, std::string_view) {
  return any_other(select(here.up(2), {"rsm:AcknowledgementDocument", "ram:TypeCode"}), "23") ||
         exists(here.element(), {"ram:GlobalID"});
}

// (../../rsm:AcknowledgementDocument/ram:TypeCode != '305' or
//  count(../ram:RecipientTradeParty/ram:RoleCode='DFH') ge 0) or not(ram:GlobalID):
// the count of a boolean is 1, so the test always holds (and its rule, second
// in its pattern on the same context as BR-FR-CDV-07_MDT-38_yes, never runs).
bool issuer_id_for_305(const Here&, std::string_view) {
  return true;
}

// (ram:RoleCode = 'WK' or ram:RoleCode = 'DFH') or ram:URIUniversalCommunication/ram:URIID
bool recipient_address(const Here& here, std::string_view) {
  const Nodes roles = select(here.element(), {"ram:RoleCode"});
  return any_equal(roles, "WK") || any_equal(roles, "DFH") ||
         exists(here.element(), {"ram:URIUniversalCommunication", "ram:URIID"});
}

// /rsm:CrossDomainAcknowledgementAndResponse/rsm:AcknowledgementDocument/
// ram:ReferenceReferencedDocument/ram:ProcessConditionCode = '501'
bool inadmissible(const Here& here) {
  return any_equal(absolute(here, {"rsm:AcknowledgementDocument", "ram:ReferenceReferencedDocument",
                                   "ram:ProcessConditionCode"}),
                   "501");
}

// exists(ram:FormattedIssueDateTime) or <inadmissible>
bool invoice_date(const Here& here, std::string_view) {
  return exists(here.element(), {"ram:FormattedIssueDateTime"}) || inadmissible(here);
}

// exists(ram:ProcessConditionCode)
bool has_status(const Here& here, std::string_view) {
  return exists(here.element(), {"ram:ProcessConditionCode"});
}

// exists(ram:GlobalID) or <inadmissible>
bool seller_id(const Here& here, std::string_view) {
  return exists(here.element(), {"ram:GlobalID"}) || inadmissible(here);
}

// not(ram:ProcessConditionCode = '212') or
// ((count(ram:SpecifiedDocumentStatus/ram:SpecifiedDocumentCharacteristic[ram:TypeCode = 'MEN'])
//   ge 1) and (count(...[ram:TypeCode = 'MEN']) =
//   count(...[ram:TypeCode = 'MEN' and ram:ValueAmount and ram:ValuePercent])))
bool cashed_amounts(const Here& here, std::string_view) {
  if (!any_equal(select(here.element(), {"ram:ProcessConditionCode"}), "212"))
    return true;
  std::size_t cashed = 0, complete = 0;
  for (XmlElement c : select(here.element(), {"ram:SpecifiedDocumentStatus",
                                              "ram:SpecifiedDocumentCharacteristic"})) {
    if (!any_equal(select(c, {"ram:TypeCode"}), "MEN"))
      continue;
    ++cashed;
    complete += exists(c, {"ram:ValueAmount"}) && exists(c, {"ram:ValuePercent"});
  }
  return cashed >= 1 && cashed == complete;
}

// not((.) = '210' or ... or (.) = '208') or (... and
// ../ram:SpecifiedDocumentStatus/ram:ReasonCode): a status of the rule's list needs a reason.
bool reason_present(const Here& here, std::string_view rule) {
  return !in_list(here.element().string_value(), rule) ||
         exists(here.up(1), {"ram:SpecifiedDocumentStatus", "ram:ReasonCode"});
}

// exists(ram:SequenceNumeric)
bool sequence_number(const Here& here, std::string_view) {
  return exists(here.element(), {"ram:SequenceNumeric"});
}

// let $TestPPF := <to_ppf>;
// (not($TestPPF) and (ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID = (list)))
// or ($TestPPF and
//     (string-length(normalize-space(ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID))
//      <= 3))
bool business_process(const Here& here, std::string_view rule) {
  const Nodes ids =
      select(here.element(), {"ram:BusinessProcessSpecifiedDocumentContextParameter", "ram:ID"});
  if (!to_ppf(here))
    return any_in_list(ids, rule);
  return french::characters(french::normalize_space(ids.empty() ? std::string()
                                                                : ids.front().string_value())) <= 3;
}

Values business_process_values(const Here& here, std::string_view) {
  return {to_ppf(here) ? "true" : "false",
          joined(select(here.element(),
                        {"ram:BusinessProcessSpecifiedDocumentContextParameter", "ram:ID"}))};
}

// not(../rsm:AcknowledgementDocument/ram:TypeCode = 'T') or ROLE = 'a' or ROLE = 'b' ...
// with ROLE ram:SenderTradeParty/ram:RoleCode (CL-02) or ram:IssuerTradeParty/ram:RoleCode
// (CL-03) and T the list's type.
template <const char* kParty>
bool role_for_type(const Here& here, std::string_view rule) {
  const bool applies = any_equal(
      select(here.up(1), {"rsm:AcknowledgementDocument", "ram:TypeCode"}), list_of(rule).when);
  return !applies || any_in_list(select(here.element(), {kParty, "ram:RoleCode"}), rule);
}

template <const char* kParty>
Values role_values(const Here& here, std::string_view) {
  return {joined(select(here.element(), {kParty, "ram:RoleCode"}))};
}

constexpr char kSender[] = "ram:SenderTradeParty";
constexpr char kIssuer[] = "ram:IssuerTradeParty";

// ../ram:TypeCode != 'T' or ram:StatusCode = 'a' or ... or not(ram:StatusCode)
bool status_for_type(const Here& here, std::string_view rule) {
  const Nodes status = select(here.element(), {"ram:StatusCode"});
  return any_other(select(here.up(1), {"ram:TypeCode"}), list_of(rule).when) ||
         any_in_list(status, rule) || status.empty();
}

Values status_values(const Here& here, std::string_view) {
  return {joined(select(here.element(), {"ram:StatusCode"}))};
}

// (../../ram:ProcessConditionCode != 'S' and (not(../ram:ProcessConditionCode) or
//  ../ram:ProcessConditionCode != 'S')) or (../../ram:ProcessConditionCode = 'S' and
//  ../ram:ProcessConditionCode != 'S'): the reason is not one for status S.
bool not_for_status(const Here& here, std::string_view status) {
  const Nodes document_status = select(here.up(2), {"ram:ProcessConditionCode"});
  const Nodes detail_status = select(here.up(1), {"ram:ProcessConditionCode"});
  return (any_other(document_status, status) &&
          (detail_status.empty() || any_other(detail_status, status))) ||
         (any_equal(document_status, status) && any_other(detail_status, status));
}

// <not_for_status> or (.) = 'a' or (.) = 'b' ...
bool reason_for_status(const Here& here, std::string_view rule) {
  return not_for_status(here, list_of(rule).when) || value_in_list(here, rule);
}

// B2G: the sender is the State's platform (GlobalID 9999 in scheme 0238).
Nodes state_sender(const Here& here, bool anywhere) {
  const Nodes ids =
      anywhere ? here.tree.senders()
               : absolute(here, {"rsm:ExchangedDocument", "ram:SenderTradeParty", "ram:GlobalID"});
  return with_attribute(ids, "schemeID", "0238");
}

// <not_for_status> or (/rsm:CrossDomainAcknowledgementAndResponse/rsm:ExchangedDocument/
// ram:SenderTradeParty/ram:GlobalID[@schemeID = '0238'] = '9999') or (.) = 'a' or ...
bool refusal_reason(const Here& here, std::string_view rule) {
  return not_for_status(here, list_of(rule).when) || any_equal(state_sender(here, false), "9999") ||
         value_in_list(here, rule);
}

// <not_for_status> or not(exists(//rsm:ExchangedDocument/ram:SenderTradeParty/ram:GlobalID))
// or //...GlobalID[@schemeID = '0238'] != '9999'
// or (//...GlobalID[@schemeID = '0238'] = '9999' and ((.) = 'a' or ...))
bool b2g_refusal_reason(const Here& here, std::string_view rule) {
  if (not_for_status(here, list_of(rule).when) || here.tree.senders().empty())
    return true;
  const Nodes state = state_sender(here, true);
  return any_other(state, "9999") || (any_equal(state, "9999") && value_in_list(here, rule));
}

struct Check {
  std::string_view rule;
  bool (*holds)(const Here&, std::string_view rule);
  Values (*values)(const Here&, std::string_view rule);
  bool uses_list;
};

// The test of every assert of the table, by id.
const Check kChecks[] = {
    {"BR-FR-04_MDT-91", value_in_list, own_value, true},
    {"BR-FR-CDV-01_MDG-3", always, none, false},
    {"BR-FR-CDV-02_MDT-3", guideline, guideline_values, false},
    {"BR-FR-CDV-03_MDT-4", has_id, none, false},
    {"BR-FR-CDV-04_MDG-4", always, none, false},
    {"BR-FR-CDV-05_MDG-9", always, none, false},
    {"BR-FR-CDV-06_MDT-21", always, none, false},
    {"BR-FR-CDV-07_MDT-38_yes", issuer_id_for_23, none, false},
    {"BR-FR-CDV-07_MDT-38_no", issuer_id_for_305, none, false},
    {"BR-FR-CDV-08_MDT-73", recipient_address, none, false},
    {"BR-FR-CDV-09_MDT-77", value_in_list, own_value, true},
    {"BR-FR-CDV-10_MDT-87", always, none, false},
    {"BR-FR-CDV-11_MDG-35", invoice_date, none, false},
    {"BR-FR-CDV-12_MDT-105", has_status, none, false},
    {"BR-FR-CDV-13_MDT-129", seller_id, none, false},
    {"BR-FR-CDV-14_MDT-207", cashed_amounts, none, false},
    {"BR-FR-CDV-15_MDT-113", reason_present, own_value, true},
    {"BR-FR-CDV-16_MDT-124-2", sequence_number, none, false},
    {"BR-FR-CDV-CL-01_MDT-2", business_process, business_process_values, true},
    {"BR-FR-CDV-CL-02_MDT-21_305", role_for_type<kSender>, role_values<kSender>, true},
    {"BR-FR-CDV-CL-02_MDT-21_23", role_for_type<kSender>, role_values<kSender>, true},
    {"BR-FR-CDV-CL-03_MDT-40_305", role_for_type<kIssuer>, role_values<kIssuer>, true},
    {"BR-FR-CDV-CL-03_MDT-40_23", role_for_type<kIssuer>, role_values<kIssuer>, true},
    {"BR-FR-CDV-CL-04_MDT-59", value_in_list, own_value, true},
    {"BR-FR-CDV-CL-05_MDT-88_305", status_for_type, status_values, true},
    {"BR-FR-CDV-CL-05_MDT-88_23", status_for_type, status_values, true},
    {"BR-FR-CDV-CL-06_MDT-105", value_in_list, own_value, true},
    {"BR-FR-CDV-CL-06_MDT-115", value_in_list, own_value, true},
    {"BR-FR-CDV-CL-07_MDT-132", value_in_list, own_value, true},
    {"BR-FR-CDV-CL-08_MDT-158", value_in_list, own_value, true},
    {"BR-FR-CDV-CL-09_MDT-113", value_in_list, own_value, true},
    {"BR-FR-CDV-CL-09_MDT-113_200", reason_for_status, own_value, true},
    {"BR-FR-CDV-CL-09_MDT-113_213", reason_for_status, own_value, true},
    {"BR-FR-CDV-CL-09_MDT-113_210", refusal_reason, own_value, true},
    {"BR-FR-CDV-CL-09_MDT-113_210B2G", b2g_refusal_reason, own_value, true},
    {"BR-FR-CDV-CL-09_MDT-113_207", reason_for_status, own_value, true},
    {"BR-FR-CDV-CL-09_MDT-113_206", reason_for_status, own_value, true},
    {"BR-FR-CDV-CL-09_MDT-113_208", reason_for_status, own_value, true},
    {"BR-FR-CDV-CL-09_MDT-113_221", reason_for_status, own_value, true},
    {"BR-FR-CDV-CL-09_MDT-113_501", reason_for_status, own_value, true},
    {"BR-FR-CDV-CL-10_MDT-121", value_in_list, own_value, true},
    {"BR-FR-CDV-CL-11_MDT-207", value_in_list, own_value, true},
};

const Check* check_of(std::string_view rule) {
  for (const auto& check : kChecks) {
    if (check.rule == rule)
      return &check;
  }
  return nullptr;
}

std::size_t placeholders(std::string_view message) {
  std::size_t n = 0;
  for (std::size_t at = message.find("{}"); at != std::string_view::npos;
       at = message.find("{}", at + 2))
    ++n;
  return n;
}

// The message with its "{}" replaced by `values` in order.
std::string filled(std::string_view message, const Values& values) {
  std::string out;
  std::size_t next = 0;
  for (std::size_t at = message.find("{}"); at != std::string_view::npos; at = message.find("{}")) {
    out += message.substr(0, at);
    if (next < values.size())
      out += values[next++];
    message.remove_prefix(at + 2);
  }
  out += message;
  return out;
}

// One rule context of the table: its steps and its asserts with their tests.
struct CompiledContext {
  std::vector<Name> steps;
  std::vector<std::pair<const Assert*, const Check*>> asserts;
};

// The table's contexts, compiled once (thread-safe static initialisation).
const std::vector<CompiledContext>& compiled_contexts() {
  static const std::vector<CompiledContext> contexts = [] {
    std::vector<CompiledContext> out;
    for (const auto& context : kContexts)
      out.push_back({steps_of(context.path), {}});
    for (const auto& assertion : kAsserts) {
      if (const Check* check = check_of(assertion.rule.id))
        out[assertion.context].asserts.emplace_back(&assertion, check);
    }
    return out;
  }();
  return contexts;
}

}  // namespace
}  // namespace cdar

model::Diagnostics check_cdar(const xml::XmlDocument& document, std::string_view file,
                              bool as_warnings) {
  using namespace cdar;
  const Tree tree(document.root());
  const auto& contexts = compiled_contexts();
  constexpr std::size_t kContextCount = sizeof(kContexts) / sizeof(kContexts[0]);
  const std::size_t patterns = kContextCount == 0 ? 0 : kContexts[kContextCount - 1].pattern + 1u;
  model::Diagnostics out;
  for (std::size_t pattern = 0; pattern < patterns; ++pattern) {
    for (int node = 0; node < tree.size(); ++node) {
      // Within a pattern, the first rule whose context matches the node.
      std::size_t context = 0;
      while (context < kContextCount && (kContexts[context].pattern != pattern ||
                                         !tree.matches(node, contexts[context].steps)))
        ++context;
      if (context == kContextCount)
        continue;
      const Here here{tree, node};
      for (const auto& [assertion, check] : contexts[context].asserts) {
        if (check->holds(here, assertion->rule.id))
          continue;
        model::Diagnostic d;
        d.rule_id = std::string(assertion->rule.id);
        d.severity = as_warnings ? model::Severity::kWarning : assertion->rule.flag;
        d.message = filled(assertion->rule.message, check->values(here, assertion->rule.id));
        d.business_term = std::string(assertion->rule.term);
        d.location.file = std::string(file);
        d.location.xpath = tree.xpath(node);
        d.location.line = here.element().line();
        out.push_back(std::move(d));
      }
    }
  }
  return out;
}

std::vector<Rule> cdar_rules() {
  std::vector<Rule> out;
  for (const auto& assertion : cdar::kAsserts)
    out.push_back(assertion.rule);
  return out;
}

std::vector<std::string> cdar_table_problems() {
  using namespace cdar;
  std::vector<std::string> problems;
  auto parsed = xml::XmlDocument::parse("<empty/>", "self-check");
  if (!parsed)
    return {"cannot parse the self-check document"};
  const Tree tree(parsed->root());
  const Here here{tree, 0};
  for (const auto& assertion : kAsserts) {
    const Check* check = check_of(assertion.rule.id);
    if (check == nullptr) {
      problems.push_back(
          std::string(assertion.rule.id) + ": in the release (" + std::string(kSource) +
          "), no test in cdar_rules.cpp; its test is: " + std::string(assertion.test));
      continue;
    }
    const std::size_t quoted = placeholders(assertion.rule.message);
    const std::size_t supplied = check->values(here, assertion.rule.id).size();
    if (quoted != supplied)
      problems.push_back(std::string(assertion.rule.id) + ": the message quotes " +
                         std::to_string(quoted) + " values, the code supplies " +
                         std::to_string(supplied));
    if (check->uses_list && find_list(assertion.rule.id) == nullptr)
      problems.push_back(std::string(assertion.rule.id) + ": no code list in cdar_table.h");
  }
  for (const auto& check : kChecks) {
    bool known = false;
    for (const auto& assertion : kAsserts)
      known = known || assertion.rule.id == check.rule;
    if (!known)
      problems.push_back(std::string(check.rule) + ": a test in cdar_rules.cpp, not a rule of " +
                         std::string(kSource));
  }
  return problems;
}

}  // namespace einvoice::validation
