#pragma once

// The OCR job: a scan or PDF from a supplier to the invoice fields read from
// it (each with confidence, page and box), the supplier's corrections, the
// EN 16931 invoice and its validation, and, on request, a Factur-X whose
// visual part is the scan made searchable.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/batch_runner.h"
#include "engine/facturx_jobs.h"
#include "engine/job_plan.h"
#include "engine/page_reader_pool.h"
#include "env/file_system.h"
#include "env/output_folder.h"
#include "model/diagnostic.h"
#include "model/invoice.h"
#include "model/result.h"
#include "ocr/extracted_invoice.h"
#include "ocr/input_document.h"
#include "ocr/page_reader.h"

namespace einvoice::xsd {
class SchemaValidator;
}

namespace einvoice::engine {

struct OcrJobOptions {
  // "--set BT-xx=value": the supplier's corrections, applied in order.
  std::vector<std::pair<std::string, std::string>> sets;
  bool build_facturx = false;
  FacturxBuildOptions facturx;
  std::string font_file;  // for the searchable text layer; empty: the build's default
  ocr::InputLimits limits;
  // The Factur-X built is checked (container, XSD of its profile, rules);
  // null: the XSD step is left out.
  const xsd::SchemaValidator* schemas = nullptr;
};

struct OcrOutcome {
  int pages = 0;
  int ocr_pages = 0;  // pages read by OCR (the others had a text layer)
  double seconds = 0;
  ocr::ExtractedInvoice extracted;
  model::Invoice invoice;
  model::Diagnostics validation;  // EN 16931 rules on the invoice built
  // Complete: no mandatory mention missing and no fatal finding.
  bool complete = false;
  // Built only for a complete invoice, and kept only when its own check
  // passes; `facturx_problems` says why there is none.
  std::optional<FacturxBuildOutcome> facturx;
  model::Diagnostics facturx_findings;  // of the check of the Factur-X built
  std::string facturx_problems;
};

// Errors: the input cannot be opened or read (InputDocument, PageReader
// errors naming the file and page), a --set names an unknown term or a value
// that does not fit it (kInvalidArgument), the Factur-X cannot be built.
model::Result<OcrOutcome> run_ocr(std::string bytes, const std::string& name,
                                  ocr::PageReader& reader, const OcrJobOptions& options);

// The report as JSON: fields keyed by business term with value, confidence,
// page, box ([x, y, width, height] in points from the page's top-left),
// how each was found and checked; the VAT rows; the findings (missing or
// doubtful mentions); the validation findings; whether it is complete.
std::string ocr_report_json(const OcrOutcome& outcome, const std::string& name);

// The same for people: one line per field, then what is missing.
std::string ocr_report_text(const OcrOutcome& outcome, const std::string& name);

// One scan of a batch. state: kDone (complete), kRefused (incomplete: a
// mention missing or a fatal finding), kFailed (`error`: unreadable, I/O, the
// models), kSkipped (resume), kCancelled.
struct OcrBatchItem {
  std::filesystem::path input;
  ItemState state = ItemState::kFailed;
  std::optional<model::Error> error;
};

// `<relative>.json`, the report of each scan of a batch.
std::filesystem::path ocr_report_name(const InputFile& input);
// `<relative without extension>.facturx.pdf`, its Factur-X when built.
std::filesystem::path ocr_facturx_name(const InputFile& input);

// Reads every input on run_batch with the pool's engines and writes its
// report (ocr_report_json) and, when built, its Factur-X into `out`, the
// Factur-X first. With `resume`, an input whose report is in `out` is
// skipped. `deliver` gets each item in input order.
BatchTotals ocr_all(const std::vector<InputFile>& inputs, const env::FileSystem& files,
                    const env::OutputFolder& out, const OcrJobOptions& options, bool resume,
                    PageReaderPool& readers, const RunnerOptions& runner,
                    const std::function<void(std::size_t, OcrBatchItem&&)>& deliver);

}  // namespace einvoice::engine
