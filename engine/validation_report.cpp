#include "engine/validation_report.h"

#include "formats/xml/xml_writer.h"
#include "model/json_writer.h"

namespace einvoice::engine {
namespace {

struct Counts {
  int fatal = 0;
  int warning = 0;
  int information = 0;
};

Counts count(const model::Diagnostics& findings) {
  Counts out;
  for (const auto& d : findings) {
    switch (d.severity) {
      case model::Severity::kFatal:
        ++out.fatal;
        break;
      case model::Severity::kWarning:
        ++out.warning;
        break;
      case model::Severity::kInformation:
        ++out.information;
        break;
    }
  }
  return out;
}

std::string plural(int n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

const char* syntax_name(detect::Syntax syntax) {
  switch (syntax) {
    case detect::Syntax::kCii:
      return "CII";
    case detect::Syntax::kUblInvoice:
      return "UBL Invoice";
    case detect::Syntax::kUblCreditNote:
      return "UBL CreditNote";
    case detect::Syntax::kCdar:
      return "CDAR lifecycle status";
    case detect::Syntax::kUnknown:
      break;
  }
  return "unknown";
}

}  // namespace

std::string report_text(const ValidationOutcome& outcome) {
  Counts counts = count(outcome.findings);
  std::string out = outcome.document + ": " + (outcome.accepted() ? "valid" : "invalid") + " (" +
                    syntax_name(outcome.syntax) + "; " + plural(counts.fatal, "fatal finding") +
                    ", " + plural(counts.warning, "warning") + ")\n";
  for (const auto& d : outcome.findings) {
    out += "  ";
    if (d.location.line > 0)
      out += "line " + std::to_string(d.location.line) + ": ";
    out += std::string(model::to_string(d.severity)) + " [" + d.rule_id + "]";
    if (!d.business_term.empty())
      out += " " + d.business_term;
    out += ": " + d.message;
    if (!d.location.xpath.empty())
      out += "\n      at " + d.location.xpath;
    out += "\n";
  }
  return out;
}

std::string report_json(const ValidationOutcome& outcome) {
  Counts counts = count(outcome.findings);
  model::JsonWriter json;
  json.begin_object();
  json.key("document").string(outcome.document);
  json.key("syntax").string(syntax_name(outcome.syntax));
  json.key("valid").boolean(outcome.accepted());
  json.key("schema").begin_object();
  json.key("checked").boolean(outcome.schema_checked);
  json.key("valid").boolean(outcome.schema_valid);
  json.end_object();
  json.key("counts").begin_object();
  json.key("fatal").number(counts.fatal);
  json.key("warning").number(counts.warning);
  json.key("information").number(counts.information);
  json.end_object();
  json.key("findings").begin_array();
  for (const auto& d : outcome.findings) {
    json.begin_object();
    json.key("rule").string(d.rule_id);
    json.key("severity").string(model::to_string(d.severity));
    json.key("term").string(d.business_term);
    json.key("message").string(d.message);
    json.key("xpath").string(d.location.xpath);
    json.key("line").number(d.location.line);
    json.key("column").number(d.location.column);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  return json.take();
}

std::string report_svrl(const ValidationOutcome& outcome) {
  xml::XmlWriter svrl;
  svrl.start("svrl:schematron-output")
      .attribute("xmlns:svrl", "http://purl.oclc.org/dsdl/svrl")
      .attribute("title", "einvoice validation")
      .attribute("schemaVersion", "EN 16931");
  svrl.start("svrl:active-pattern").attribute("document", outcome.document).end();
  for (const auto& d : outcome.findings) {
    svrl.start("svrl:failed-assert")
        .attribute("id", d.rule_id)
        .attribute("flag", model::to_string(d.severity))
        .attribute("location", d.location.xpath.empty() ? "/" : d.location.xpath)
        .attribute("test", d.rule_id);
    if (!d.business_term.empty())
      svrl.attribute("role", d.business_term);
    svrl.leaf("svrl:text", d.message);
    svrl.end();
  }
  svrl.end();
  return svrl.finish();
}

}  // namespace einvoice::engine
