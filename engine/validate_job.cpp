#include "engine/validate_job.h"

#include <exception>
#include <utility>

#include "engine/validation_report.h"

namespace einvoice::engine {
namespace {

// An input that is not an invoice at all still gets a report, with one
// fatal finding saying why.
ValidationOutcome unreadable(const std::string& name, const model::Error& error) {
  ValidationOutcome outcome;
  outcome.document = name;
  model::Diagnostic d;
  d.rule_id = "EINV-INPUT-01";
  d.severity = model::Severity::kFatal;
  d.message = error.message;
  d.location = error.where;
  if (d.location.file.empty())
    d.location.file = name;
  outcome.findings.push_back(std::move(d));
  return outcome;
}

ValidationVerdict failed(model::Error error) {
  ValidationVerdict verdict;
  verdict.state = ItemState::kFailed;
  verdict.system_error = std::move(error);
  return verdict;
}

}  // namespace

std::optional<ReportFormat> parse_report_format(std::string_view name) {
  if (name == "text")
    return ReportFormat::kText;
  if (name == "json")
    return ReportFormat::kJson;
  if (name == "svrl")
    return ReportFormat::kSvrl;
  return std::nullopt;
}

const char* report_extension(ReportFormat format) {
  switch (format) {
    case ReportFormat::kText:
      return ".txt";
    case ReportFormat::kJson:
      return ".json";
    case ReportFormat::kSvrl:
      return ".svrl";
  }
  return ".txt";
}

std::string render_report(const ValidationOutcome& outcome, ReportFormat format) {
  switch (format) {
    case ReportFormat::kText:
      return report_text(outcome);
    case ReportFormat::kJson:
      return report_json(outcome);
    case ReportFormat::kSvrl:
      return report_svrl(outcome);
  }
  return {};
}

ValidationVerdict validate_input(const DocumentValidator& validator, const InputFile& input,
                                 const env::FileSystem& files, ReportFormat format) {
  const std::string name = input.path.string();
  try {
    auto bytes = files.read(input.path, validator.options().limits.max_bytes);
    if (!bytes && bytes.error().code != model::ErrorCode::kLimitExceeded)
      return failed(bytes.error());
    auto outcome =
        bytes ? validator.validate(*bytes, name) : model::Result<ValidationOutcome>(bytes.error());
    if (!outcome && outcome.error().code == model::ErrorCode::kIo)
      return failed(outcome.error());
    const ValidationOutcome result =
        outcome ? std::move(*outcome) : unreadable(name, outcome.error());
    ValidationVerdict verdict;
    verdict.state = result.accepted() ? ItemState::kDone : ItemState::kRefused;
    verdict.report = render_report(result, format);
    return verdict;
  } catch (const std::exception& e) {
    // A defect or an exhausted resource: this input fails, the batch goes on.
    return failed(model::Error{model::ErrorCode::kInternal,
                               std::string("unexpected failure: ") + e.what(),
                               {name, "", 0, 0}});
  }
}

BatchTotals validate_all(const DocumentValidator& validator, const std::vector<InputFile>& inputs,
                         const env::FileSystem& files, ReportFormat format,
                         const RunnerOptions& runner,
                         const std::function<void(std::size_t, ValidationVerdict&&)>& deliver) {
  return run_batch<ValidationVerdict>(
      inputs.size(), runner,
      [&](std::size_t i) { return validate_input(validator, inputs[i], files, format); },
      [](std::size_t) {
        ValidationVerdict verdict;
        verdict.state = ItemState::kCancelled;
        return verdict;
      },
      [](const ValidationVerdict& verdict) { return verdict.state; }, deliver);
}

}  // namespace einvoice::engine
