#pragma once

// The whole pipeline on one document: whatever comes in (CII, UBL, a
// Factur-X, a scanned PDF or image) goes through the stages it needs
// (detect, read or OCR, XSD, EN 16931 and French rules, build, check of what
// was built) and comes out in the requested format, with a JSON report of
// every stage's outcome, findings and time. The batch of them is run by
// run_batch (batch_runner.h); the command line's `einvoice process` and a
// server's upload handler are thin layers over this.

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/batch_runner.h"
#include "engine/converter.h"
#include "engine/job_plan.h"
#include "engine/page_reader_pool.h"
#include "env/env.h"
#include "env/file_system.h"
#include "formats/facturx/facturx_profile.h"
#include "formats/xsd/schema_id.h"
#include "model/diagnostic.h"
#include "model/result.h"
#include "ocr/page_reader.h"
#include "render/invoice_renderer.h"
#include "validation/rules.h"

namespace einvoice::xsd {
class SchemaValidator;
}

namespace einvoice::engine {

enum class OutputFormat { kFacturX, kCii, kUbl };
const char* to_string(OutputFormat format);
// "facturx", "cii" or "ubl"; nullopt otherwise.
std::optional<OutputFormat> parse_output_format(std::string_view text);
// What an output's name ends with: ".facturx.pdf", ".cii.xml", ".ubl.xml".
const char* output_suffix(OutputFormat format);
inline constexpr std::string_view kReportSuffix = ".report.json";

struct ProcessOptions {
  OutputFormat to = OutputFormat::kFacturX;
  validation::RuleOptions rules;  // EN 16931, or with the French rules
  facturx::Profile facturx_profile = facturx::Profile::kEn16931;
  render::Language language = render::Language::kFrench;  // of a rendered Factur-X
  std::size_t max_input_bytes = 100u << 20;
  bool resume = false;  // skip the inputs whose report is already written
  // Factur-X build time, "YYYY-MM-DDThh:mm:ss+00:00"; empty: the clock (or
  // SOURCE_DATE_EPOCH).
  std::string timestamp;
};

// Built once per process, shared by every thread: the schemas, the
// rendering resources, the OCR engines.
// An output sealed: the sealed bytes (PAdES, enveloped XAdES) replace it, or
// a detached signature (CAdES .p7s) is written beside it.
struct SealedOutput {
  std::string bytes;
  bool detached = false;
  std::string description;  // "PAdES B-T"
};
using SealFunction =
    std::function<model::Result<SealedOutput>(std::string_view output, std::string_view name)>;

struct ProcessResources {
  std::shared_ptr<const xsd::SchemaValidator> schemas;  // required
  std::filesystem::path font_directory;                 // empty: the build's default
  std::filesystem::path icc_profile;                    // empty: the build's default
  ocr::ReaderOptions reader;
  // Seals each output after its check, before it is written; empty: no seal
  // stage. Must be thread-safe (the command line gives SealSetup::seal).
  SealFunction seal;
  // The slots of the stages the accounts and the archive fill, each a stage
  // of the report when set; thread-safe. `authorise` runs first, before the
  // input is read (who submits it, for which company): an error refuses the
  // document (kInvalidArgument, kInvalid...) or fails it (kIo,
  // kInternal), and nothing of it is written. `archive` runs after the
  // output is written, with its bytes and its name below the output folder:
  // an error fails the document (the output stays, the report says it was
  // not archived).
  std::function<model::Status(const InputFile& input)> authorise;
  std::function<model::Status(std::string_view output, const std::string& name)> archive;
};

struct StageReport {
  // "authorise", "read", "detect", "ocr", "xsd", "rules", "build", "check",
  // "seal", "write", "archive"
  std::string stage;
  std::string status;  // "ok", "findings", "failed", "skipped"
  long long milliseconds = 0;
  std::string detail;
};

// The outcome of one document, written beside its output as JSON.
struct DocumentReport {
  std::filesystem::path input;
  std::filesystem::path base;    // below the output folder, without suffix
  std::string kind = "unknown";  // "cii", "ubl", "facturx", "scan", "unknown"
  ItemState state = ItemState::kFailed;
  std::string output;     // below the output folder; empty when none was written
  std::string signature;  // the detached seal of `output` (.p7s) when one was written
  std::vector<StageReport> stages;
  model::Diagnostics findings;
  std::vector<std::string> missing;  // of a scan: what could not be read
  std::optional<model::Error> error;
};

std::string report_json(const DocumentReport& report);

// The outputs of `inputs` (lists_inputs: files, and the invoices and scans
// below folders): each input's base, its relative name without its last
// extension. Errors (kInvalidArgument): a missing input, two inputs with the
// same base (naming both).
model::Result<std::vector<InputFile>> plan_process(const std::vector<std::filesystem::path>& inputs,
                                                   const env::FileSystem& files);
std::filesystem::path base_of(const InputFile& input);

// Thread safety: process() is const and may run on many threads at once.
class Processor {
 public:
  Processor(const ProcessResources& resources, ProcessOptions options,
            const env::Env& env = env::system_env());

  // Processes one input: writes `<base><suffix>` (when the document gets
  // that far) and then `<base>.report.json` into `out`, the report last (so
  // an existing report means a finished document, for resume). Never throws;
  // every problem is in the report.
  DocumentReport process(const InputFile& input, const env::FileSystem& files,
                         const env::OutputFolder& out) const;

  const ProcessOptions& options() const { return options_; }

 private:
  struct Work;
  // Every stage of one document into `report` (process() catches what throws).
  void run_stages(const InputFile& input, const env::FileSystem& files,
                  const env::OutputFolder& out, DocumentReport& report) const;
  // How an XML goes through: the XSD it is checked against (default: its
  // syntax's, or the Factur-X profile's for a CII to embed), and whether an
  // output is built from it.
  struct XmlPlan {
    std::optional<xsd::SchemaId> schema;
    bool build = true;
  };
  void process_xml(Work& work, std::string_view bytes, std::string_view name,
                   const XmlPlan& plan) const;
  void process_pdf(Work& work, std::string bytes, const std::string& name) const;
  // Builds the Factur-X of `read` (with `pdf` as visual part, or rendered
  // when empty), then checks it as a receiver would.
  void build_facturx_output(Work& work, const ReadOutcome& read, std::string_view xml,
                            std::string_view xml_name, std::string_view pdf,
                            std::string_view pdf_name, bool embed_as_is) const;
  void process_scan(Work& work, std::string bytes, const std::string& name) const;
  // The seal stage (resources_.seal): the output replaced by its sealed
  // form, or its detached signature into `signature`.
  void seal_output(Work& work, const std::filesystem::path& output_name,
                   std::string& signature) const;
  // The archive stage (resources_.archive) of the output written.
  void archive_output(Work& work, const std::filesystem::path& output_name) const;
  // The write stage: the output, then its detached signature if any.
  void write_output(Work& work, const env::OutputFolder& out,
                    const std::filesystem::path& output_name, const std::string& signature) const;

  const ProcessResources& resources_;
  ProcessOptions options_;
  const env::Env& env_;
  mutable PageReaderPool readers_;
};

// Processes `inputs` into `out` on run_batch: `on_report` gets each report in
// input order (an input not started when the batch is cancelled comes as
// kCancelled). Returns the totals.
BatchTotals process_all(const Processor& processor, const std::vector<InputFile>& inputs,
                        const env::FileSystem& files, const env::OutputFolder& out,
                        const RunnerOptions& runner,
                        const std::function<void(const DocumentReport&)>& on_report);

}  // namespace einvoice::engine
