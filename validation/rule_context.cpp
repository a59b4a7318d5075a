#include "validation/rule_context.h"

namespace einvoice::validation {

RuleContext::RuleContext(const model::Invoice& invoice, detect::Syntax syntax,
                         const xml::XmlDocument* document, std::string file,
                         model::Diagnostics& out)
    : invoice_(invoice),
      syntax_(syntax),
      document_(document),
      locator_(document, syntax, std::move(file)),
      out_(out) {}

void RuleContext::report(const Rule& rule, const Place& place, const std::string& detail) {
  add(rule, locator_.locate(place), detail);
}

void RuleContext::report_at(const Rule& rule, xml::XmlElement element, const std::string& detail) {
  add(rule, locator_.locate(element), detail);
}

void RuleContext::add(const Rule& rule, model::SourceLocation location, const std::string& detail) {
  model::Diagnostic d;
  d.rule_id = std::string(rule.id);
  d.severity = override_ ? *override_ : rule.flag;
  d.message = std::string(rule.message);
  if (!detail.empty())
    d.message += " (" + detail + ")";
  d.business_term = std::string(rule.term);
  d.location = std::move(location);
  out_.push_back(std::move(d));
}

}  // namespace einvoice::validation
