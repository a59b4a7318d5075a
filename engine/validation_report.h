#pragma once

#include <string>

#include "engine/document_validator.h"

namespace einvoice::engine {

// The three forms of a validation verdict. Each lists every finding with its
// rule id, severity, business term, message and location (file, line, XPath).

// For people: a verdict line, then one line per finding.
std::string report_text(const ValidationOutcome& outcome);

// For programs: one JSON object (schema in docs/validate-report.md).
std::string report_json(const ValidationOutcome& outcome);

// For tools that read the official Schematron output: an SVRL document with
// one svrl:failed-assert per finding (rule id in @id, "fatal"/"warning" in
// @flag, XPath in @location, message in svrl:text).
std::string report_svrl(const ValidationOutcome& outcome);

}  // namespace einvoice::engine
