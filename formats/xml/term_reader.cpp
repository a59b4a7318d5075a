#include "formats/xml/term_reader.h"

namespace einvoice::xml {

std::optional<std::string> TermReader::text(XmlElement element) const {
  if (!element)
    return std::nullopt;
  return element.text();
}

std::optional<model::Decimal> TermReader::decimal(XmlElement element, std::string_view term) {
  if (!element)
    return std::nullopt;
  std::string raw = element.text();
  auto value = model::Decimal::parse(raw);
  if (!value) {
    report(kRuleUnreadableDecimal, model::Severity::kFatal, element, term,
           "'" + raw +
               "' is not a number: use digits with '.' as the decimal separator (e.g. "
               "1234.50), at most " +
               std::to_string(model::Decimal::kMaxDigits) + " digits");
  }
  return value;
}

std::optional<model::Date> TermReader::date_iso(XmlElement element, std::string_view term) {
  if (!element)
    return std::nullopt;
  std::string raw = element.text();
  auto value = model::Date::parse_xs_date(raw);
  if (!value) {
    report(kRuleUnreadableDate, model::Severity::kFatal, element, term,
           "'" + raw +
               "' is not a valid date in the form YYYY-MM-DD (optionally followed by a time "
               "zone, Z or +hh:mm)");
  }
  return value;
}

std::optional<model::Date> TermReader::date_cii(XmlElement element, std::string_view term) {
  if (!element)
    return std::nullopt;
  std::string raw = element.text();
  auto format = element.attribute("format");
  std::optional<model::Date> value;
  if (!format || *format == "102")
    value = model::Date::parse_compact(raw);
  if (!value) {
    std::string why = format && *format != "102"
                          ? "date format '" + *format + "' is not allowed (only 102, YYYYMMDD)"
                          : "'" + raw + "' is not a valid date in the form YYYYMMDD (format 102)";
    report(kRuleUnreadableDate, model::Severity::kFatal, element, term, why);
  }
  return value;
}

std::optional<model::Identifier> TermReader::identifier(XmlElement element,
                                                        std::string_view scheme_attribute) {
  if (!element)
    return std::nullopt;
  model::Identifier id;
  id.value = element.text();
  id.scheme_id = element.attribute(scheme_attribute);
  return id;
}

void TermReader::set_text(std::optional<std::string>& field, XmlElement element,
                          std::string_view term) {
  if (!element)
    return;
  if (field)
    return drop_repeated(element, term);
  field = element.text();
}

void TermReader::set_decimal(std::optional<model::Decimal>& field, XmlElement element,
                             std::string_view term) {
  if (!element)
    return;
  if (field)
    return drop_repeated(element, term);
  field = decimal(element, term);
}

void TermReader::set_identifier(std::optional<model::Identifier>& field, XmlElement element,
                                std::string_view term) {
  if (!element)
    return;
  if (field)
    return drop_repeated(element, term);
  field = identifier(element);
}

void TermReader::drop_repeated(XmlElement element, std::string_view term) {
  std::string value = element.text();
  std::string what = element.qualified_name();
  if (!trim_xml_space(value).empty() && value.size() <= 80)
    what += " '" + value + "'";
  dropped(element, term,
          what + " ignored: EN 16931 allows " + std::string(term) +
              " once and the first occurrence is kept");
}

void TermReader::dropped(XmlElement element, std::string_view term, std::string message) {
  report(kRuleDroppedContent, model::Severity::kWarning, element, term, std::move(message));
}

void TermReader::report_unread(XmlElement container,
                               bool (*implied)(XmlElement parent, XmlElement element)) {
  for (XmlElement c = container.first_element_child(); c; c = c.next_element_sibling()) {
    if (c.is_read()) {
      report_unread(c, implied);
      continue;
    }
    if (implied && implied(container, c))
      continue;
    dropped(c, "",
            c.qualified_name() +
                " was not read and is dropped: the EN 16931 binding has no term at this place "
                "(an extension, a misspelt name or an element out of place)");
  }
}

void TermReader::report(std::string_view rule, model::Severity severity, XmlElement element,
                        std::string_view term, std::string message) {
  element.mark_read();
  model::Diagnostic d;
  d.rule_id = std::string(rule);
  d.severity = severity;
  d.message = std::move(message);
  d.business_term = std::string(term);
  d.location.file = document_name_;
  d.location.xpath = element.xpath();
  d.location.line = element.line();
  diagnostics_.push_back(std::move(d));
}

}  // namespace einvoice::xml
