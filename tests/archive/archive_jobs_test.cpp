// The engine's archive jobs: metadata read from the documents deposited
// (the values below are those written in testdata/samples and the corpus),
// and a deposit job whose lines come in input order once durable.
#include "engine/archive_jobs.h"

#include <catch2/catch.hpp>

#include "tests/archive/archive_test_support.h"
#include "tests/scratch_folder.h"

namespace einvoice::engine {
namespace {

namespace fs = std::filesystem;
const fs::path kSamples = fs::path(EINVOICE_TESTDATA_DIR) / "samples";

}  // namespace

TEST_CASE("Deposit metadata is read from a CII, a UBL and a Factur-X invoice",
          "[archive][engine]") {
  const auto cii = read_document_metadata(
      archive::testing::slurp(kSamples / "fr-credit-note.cii.xml"), "in/fr-credit-note.cii.xml");
  CHECK(cii.file_name == "fr-credit-note.cii.xml");
  CHECK(cii.format == "CII");
  CHECK(cii.siren == "832147656");
  CHECK(cii.invoice_number == "AV-2026-000027");
  CHECK(cii.invoice_date == "2026-09-22");
  CHECK(cii.type_code == "381");
  CHECK(cii.profile == "urn:cen.eu:en16931:2017");
  CHECK(cii.document_class == archive::DocumentClass::kInvoice);

  const auto ubl = read_document_metadata(
      archive::testing::slurp(kSamples / "fr-invoice-services.ubl.xml"), "x.xml");
  CHECK(ubl.format == "UBL");
  CHECK(ubl.invoice_number == "DAC-2026-0142");
  CHECK(ubl.siren == "901372649");

  const fs::path facturx =
      fs::path(EINVOICE_CORPUS_DIR) / "facturx" / "pdf" / "library__EN16931_Einfach.pdf";
  if (fs::exists(facturx)) {
    const auto pdf = read_document_metadata(archive::testing::slurp(facturx), facturx.string());
    CHECK(pdf.format == "Factur-X");
    CHECK(pdf.profile == "EN 16931");
    CHECK(pdf.document_class == archive::DocumentClass::kInvoice);
    CHECK_FALSE(pdf.invoice_number.empty());
  }
  const auto other = read_document_metadata("just bytes", "note.txt");
  CHECK(other.format == "other");
  CHECK(other.document_class == archive::DocumentClass::kOther);
}

TEST_CASE("The deposit job reports each file in order, after its group is durable",
          "[archive][engine]") {
  einvoice::testing::ScratchFolder scratch("archive-job-");
  archive::testing::TestEnv t;
  REQUIRE(archive::Archive::init(scratch.dir() / "a", {}, nullptr, t.env));
  auto opened = archive::Archive::open(scratch.dir() / "a", nullptr, t.env);
  REQUIRE(opened);
  ArchiveDepositJob job;
  job.files = {kSamples / "fr-credit-note.cii.xml", scratch.dir() / "missing.xml",
               kSamples / "fr-invoice-services.ubl.xml"};
  job.document_class = archive::DocumentClass::kReceipt;
  job.group_size = 2;
  std::vector<std::string> seen;
  const auto totals = run_archive_deposit(**opened, job, t.env, [&](const DepositLine& line) {
    seen.push_back(line.file);
    if (line.outcome) {
      // Reported only once recorded: the catalog already knows it.
      CHECK((*opened)->find(line.outcome->id));
      CHECK(line.metadata.document_class == archive::DocumentClass::kReceipt);
    }
  });
  CHECK(seen == std::vector<std::string>{job.files[0].string(), job.files[1].string(),
                                         job.files[2].string()});
  CHECK(totals.deposited == 2);
  CHECK(totals.failed == 1);
}

}  // namespace einvoice::engine
