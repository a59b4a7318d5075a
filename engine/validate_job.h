#pragma once

// `einvoice validate` as a job: every input read, validated (XSD, EN 16931
// and French rules, duplicate control) and its report rendered, on the batch
// runner (all cores, reports in input order, cancellation). An input that is
// not an invoice gets a report with one fatal finding (EINV-INPUT-01); only
// what is not the input's fault (I/O, the duplicate store) fails an item.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/batch_runner.h"
#include "engine/document_validator.h"
#include "engine/job_plan.h"
#include "env/file_system.h"
#include "model/error.h"

namespace einvoice::engine {

enum class ReportFormat { kText, kJson, kSvrl };

// "text", "json", "svrl"; nullopt for anything else.
std::optional<ReportFormat> parse_report_format(std::string_view name);
// ".txt", ".json", ".svrl".
const char* report_extension(ReportFormat format);
std::string render_report(const ValidationOutcome& outcome, ReportFormat format);

// One input's verdict. state: kDone (accepted: no fatal finding), kRefused
// (a fatal finding, or not an invoice), kFailed (system_error), kCancelled.
struct ValidationVerdict {
  std::string report;  // empty when failed or cancelled
  ItemState state = ItemState::kFailed;
  std::optional<model::Error> system_error;
};

// Reads `input` through `files` (within the validator's size limit: a larger
// file is refused as the input's fault) and validates it. Never throws.
ValidationVerdict validate_input(const DocumentValidator& validator, const InputFile& input,
                                 const env::FileSystem& files, ReportFormat format);

// validate_input for every input on run_batch; `deliver` gets each verdict in
// input order.
BatchTotals validate_all(const DocumentValidator& validator, const std::vector<InputFile>& inputs,
                         const env::FileSystem& files, ReportFormat format,
                         const RunnerOptions& runner,
                         const std::function<void(std::size_t, ValidationVerdict&&)>& deliver);

}  // namespace einvoice::engine
