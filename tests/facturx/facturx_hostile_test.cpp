// The hostile PDFs of issue 12 (defect 4): each crashed facturx check, extract
// or build --pdf (a stack overflow in PoDoFo's dictionary reader, a null error
// message dereferenced). They are the regression seeds of the pdf_read fuzz
// target, written by testdata/hostile/make_hostile_pdfs.py; here each goes
// through the three commands' engine calls and must come back as a value.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "engine/facturx_jobs.h"
#include "formats/pdf/pdf_structure_scan.h"

namespace {

namespace fs = std::filesystem;
using einvoice::model::ErrorCode;

const fs::path kSeeds = fs::path(EINVOICE_TESTDATA_DIR) / "../fuzz/seeds/pdf";
const fs::path kCorpus = EINVOICE_CORPUS_DIR;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string invoice_xml() {
  return slurp(kCorpus / "en16931/cii/examples/CII_business_example_01.xml");
}

// The errors of check, extract and build --pdf on seed `file` (null for a
// command that succeeded).
std::vector<std::optional<einvoice::model::Error>> run_commands(const std::string& file) {
  const std::string pdf = slurp(kSeeds / file);
  einvoice::engine::FacturxBuildOptions options;
  options.timestamp = "2026-11-23T10:00:00+00:00";
  auto checked = einvoice::engine::check_facturx(pdf, file, nullptr);
  auto extracted = einvoice::engine::extract_facturx(pdf, file);
  auto built = einvoice::engine::build_facturx(invoice_xml(), "invoice.xml", pdf, file, options);
  auto error_of = [](const auto& result) {
    return result ? std::nullopt : std::optional<einvoice::model::Error>(result.error());
  };
  return {error_of(checked), error_of(extracted), error_of(built)};
}

// Each command must refuse `file` as too deeply nested, naming the file, the
// object and its byte offset.
void require_refused_as_too_deep(const std::string& file, const std::string& expected_place) {
  for (const auto& error : run_commands(file)) {
    REQUIRE(error);
    INFO(error->describe());
    CHECK(error->code == ErrorCode::kLimitExceeded);
    CHECK(error->message.find("nest deeper than 256") != std::string::npos);
    CHECK(error->where.file == file);
    CHECK(error->where.xpath.find(expected_place) != std::string::npos);
  }
}

// Each command returns a value: check and extract read the PDF and report
// the attachment (its data, or the problem naming its object), build either
// embeds the invoice or refuses with a message naming the file.
void require_no_crash(const std::string& file) {
  const auto errors = run_commands(file);
  REQUIRE_FALSE(errors[0]);
  REQUIRE_FALSE(errors[1]);
  if (errors[2]) {
    INFO(errors[2]->describe());
    CHECK(errors[2]->where.file == file);
    CHECK_FALSE(errors[2]->message.empty());
  }
  auto content = einvoice::facturx::read_facturx(slurp(kSeeds / file), file);
  REQUIRE(content);
  REQUIRE(content->attachments.size() == 1);
  const auto& attachment = content->attachments[0];
  CHECK(attachment.name == "notes.xml");
  if (attachment.problem)
    CHECK(attachment.problem->find(" R") != std::string::npos);
  else
    CHECK(attachment.data.find("<?xml") == 0);
}

}  // namespace

TEST_CASE("facturx hostile: 20,000 nested dictionaries in the catalog are refused",
          "[facturx][hostile]") {
  require_refused_as_too_deep("hostile-deep-dict-catalog.pdf", "object 1 at offset 15");
}

TEST_CASE("facturx hostile: 20,000 nested dictionaries in the factur-x.xml Filespec are refused",
          "[facturx][hostile]") {
  require_refused_as_too_deep("hostile-deep-dict-filespec.pdf", "object 3 at offset");
}

TEST_CASE("facturx hostile: 20,000 nested arrays in the catalog are refused",
          "[facturx][hostile]") {
  require_refused_as_too_deep("hostile-deep-array-catalog.pdf", "object 1 at offset 15");
}

TEST_CASE("facturx hostile: a deep array in /DecodeParms is refused", "[facturx][hostile]") {
  require_refused_as_too_deep("hostile-deep-decodeparms.pdf", "object 4 at offset");
}

TEST_CASE("facturx hostile: nested dictionaries inside a compressed object stream are refused",
          "[facturx][hostile]") {
  require_refused_as_too_deep("hostile-deep-dict-object-stream.pdf", "object stream 4 at offset");
}

TEST_CASE("facturx hostile: a stream with /Length 1e9 gives a value, not a crash",
          "[facturx][hostile]") {
  require_no_crash("hostile-length-1e9.pdf");
}

TEST_CASE("facturx hostile: a stream whose /Length refers to itself gives a value, not a crash",
          "[facturx][hostile]") {
  require_no_crash("hostile-length-self.pdf");
}

TEST_CASE("facturx hostile: the nesting scan reads values at any offset and stays linear",
          "[facturx][hostile]") {
  using einvoice::pdf::scan_pdf_structure;
  // A deep value hidden in another object's stream data, where only a
  // cross-reference pointing into the stream would reach it.
  std::string hidden = "%PDF-1.7\n1 0 obj\n<< /Length 99 >>\nstream\n7 0 obj ";
  hidden += std::string(300, '[');
  hidden += "\nendstream\nendobj\n";
  auto found = scan_pdf_structure(hidden, "hidden.pdf");
  REQUIRE_FALSE(found);
  CHECK(found.error().where.xpath.find("object 7 at offset") != std::string::npos);

  // Strings may hold brackets and parentheses: "(a(b)c [[[ >>)" is one token.
  std::string strings = "%PDF-1.7\n1 0 obj\n<< /T (a(b)c " + std::string(300, '[') +
                        " >>) /U <4142> >>\nendobj\ntrailer << /Root 1 0 R >>\n";
  auto scanned = scan_pdf_structure(strings, "strings.pdf");
  REQUIRE(scanned);
  CHECK(scanned->offsets.at(1) == 9);

  // 100,000 unclosed strings, each after an object header: every header is
  // scanned to the end of the file, so the work bound ends the scan.
  std::string overlapping;
  for (int i = 0; i < 100000; ++i)
    overlapping += "1 0 obj (";
  auto bounded = scan_pdf_structure(overlapping, "overlap.pdf");
  REQUIRE_FALSE(bounded);
  CHECK(bounded.error().code == ErrorCode::kLimitExceeded);
  CHECK(bounded.error().message.find("overlap") != std::string::npos);
}
