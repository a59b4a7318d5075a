// `einvoice process --seal` as a real process: each output sealed in the
// batch (PAdES for a Factur-X, enveloped XAdES for a UBL, a detached CAdES
// beside a CII), verified by `einvoice verify`; the seal options checked
// before any document; a seal that cannot be made fails its document and
// writes nothing of it.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/signing/cli_run.h"
#include "tests/signing/test_pki.h"

using namespace einvoice::signing;
using namespace einvoice::signing::testing;

namespace {

namespace fs = std::filesystem;

struct Setup {
  TempDir dir;
  fs::path p12, trust, invoice;
  Setup() {
    auto der = to_pkcs12(*pki().seal, "test-only-password", "seal");
    REQUIRE(der);
    p12 = dir.write("seal.p12", *der);
    trust = dir.path() / "trust";
    fs::create_directories(trust);
    std::ofstream(trust / "root.pem") << pki().root->certificate().pem();
    invoice = fs::path(EINVOICE_CORPUS_DIR) / "en16931/cii/examples/CII_example1.xml";
  }
  std::string seal_options() const { return " --seal --p12 " + quote(p12) + " --level B-B"; }
  nlohmann::json report(const std::string& out, const std::string& name) const {
    return nlohmann::json::parse(read_text(dir.path() / out / (name + ".report.json")));
  }
};

// The stage named `name` of a report, or an empty object.
nlohmann::json stage_of(const nlohmann::json& report, const std::string& name) {
  for (const auto& stage : report.at("stages")) {
    if (stage.at("stage") == name)
      return stage;
  }
  return nlohmann::json::object();
}

}  // namespace

TEST_CASE("process --seal: a Factur-X sealed by PAdES verifies", "[signing][cli][process]") {
  Setup s;
  const auto out = s.dir.path() / "fx";
  const auto done = einvoice_run(s.dir, "process " + quote(s.invoice) + " --out-dir " + quote(out) +
                                            " --quiet" + s.seal_options());
  INFO(done.output);
  REQUIRE(done.status == 0);
  const auto report = s.report("fx", "CII_example1");
  CHECK(report.at("state") == "done");
  CHECK(stage_of(report, "seal").value("status", "") == "ok");
  CHECK(stage_of(report, "seal").value("detail", "") == "PAdES B-B");
  const auto verified = einvoice_run(
      s.dir, "verify " + quote(out / "CII_example1.facturx.pdf") + " --trust " + quote(s.trust));
  INFO(verified.output);
  CHECK(verified.status == 0);
  CHECK(verified.output.find("indication: TOTAL_PASSED") != std::string::npos);
  // The sealed Factur-X is still one.
  const auto checked =
      einvoice_run(s.dir, "facturx check " + quote(out / "CII_example1.facturx.pdf"));
  INFO(checked.output);
  CHECK(checked.status == 0);
}

TEST_CASE("process --seal: a UBL gets an enveloped XAdES, a CII a detached CAdES beside it",
          "[signing][cli][process]") {
  Setup s;
  const auto ubl_out = s.dir.path() / "ubl";
  const auto to_ubl = einvoice_run(s.dir, "process " + quote(s.invoice) + " --to ubl --out-dir " +
                                              quote(ubl_out) + " --quiet" + s.seal_options());
  INFO(to_ubl.output);
  REQUIRE(to_ubl.status == 0);
  const auto ubl_verified = einvoice_run(
      s.dir, "verify " + quote(ubl_out / "CII_example1.ubl.xml") + " --trust " + quote(s.trust));
  INFO(ubl_verified.output);
  CHECK(ubl_verified.status == 0);

  const auto cii_out = s.dir.path() / "cii";
  const auto to_cii = einvoice_run(s.dir, "process " + quote(s.invoice) + " --to cii --out-dir " +
                                              quote(cii_out) + " --quiet" + s.seal_options());
  INFO(to_cii.output);
  REQUIRE(to_cii.status == 0);
  const auto report = s.report("cii", "CII_example1");
  CHECK(report.value("signature", "") == "CII_example1.cii.xml.p7s");
  const auto cii_verified = einvoice_run(
      s.dir, "verify " + quote(cii_out / "CII_example1.cii.xml") + " --detached " +
                 quote(cii_out / "CII_example1.cii.xml.p7s") + " --trust " + quote(s.trust));
  INFO(cii_verified.output);
  CHECK(cii_verified.status == 0);
}

TEST_CASE("process --seal: the seal of a job file", "[signing][cli][process]") {
  Setup s;
  const auto out = s.dir.path() / "job-out";
  nlohmann::json job = {{"inputs", {s.invoice.string()}},
                        {"out_dir", out.string()},
                        {"seal", {{"p12", s.p12.string()}, {"level", "B-B"}}}};
  const auto job_file = s.dir.write("job.json", job.dump());
  const auto done = einvoice_run(s.dir, "process --quiet --job " + quote(job_file));
  INFO(done.output);
  REQUIRE(done.status == 0);
  CHECK(einvoice_run(s.dir, "verify " + quote(out / "CII_example1.facturx.pdf") + " --trust " +
                                quote(s.trust))
            .status == 0);
  // A misspelt member is refused before any document.
  job["seal"]["levle"] = "B-T";
  const auto bad_job = s.dir.write("bad.json", job.dump());
  const auto refused = einvoice_run(s.dir, "process --quiet --job " + quote(bad_job));
  CHECK(refused.status == 2);
  CHECK(refused.output.find("unknown member \"seal\".\"levle\"") != std::string::npos);
}

TEST_CASE("process --seal: options checked before any document", "[signing][cli][process]") {
  Setup s;
  const std::string base =
      "process " + quote(s.invoice) + " --out-dir " + quote(s.dir.path() / "o") + " --quiet";
  const auto no_key = einvoice_run(s.dir, base + " --seal");
  CHECK(no_key.status == 2);
  CHECK(no_key.output.find("give either --p12 or --key and --cert") != std::string::npos);
  const auto no_seal = einvoice_run(s.dir, base + " --p12 " + quote(s.p12));
  CHECK(no_seal.status == 2);
  CHECK(no_seal.output.find("the Seal options go with --seal") != std::string::npos);
  const auto lt =
      einvoice_run(s.dir, base + " --seal --p12 " + quote(s.p12) + " --level B-LT --test-tsa");
  CHECK(lt.status == 2);
  CHECK(lt.output.find("B-LT needs the signer's revocation data") != std::string::npos);
  const auto missing =
      einvoice_run(s.dir, base + " --seal --p12 " + quote(s.dir.path() / "none.p12"));
  CHECK(missing.status == 2);
  CHECK(missing.output.find("none.p12") != std::string::npos);
  CHECK_FALSE(fs::exists(s.dir.path() / "o" / "CII_example1.report.json"));
}

TEST_CASE("process --seal: an unreachable TSA fails the document, nothing of it is written",
          "[signing][cli][process]") {
  Setup s;
  const auto out = s.dir.path() / "tsa";
  // Port 1 on the loopback: nothing listens there, the connection is refused.
  const auto failed = einvoice_run(s.dir, "process " + quote(s.invoice) + " --out-dir " +
                                              quote(out) + " --quiet --seal --p12 " + quote(s.p12) +
                                              " --tsa http://127.0.0.1:1/ --tsa-timeout 5");
  INFO(failed.output);
  CHECK(failed.status == 2);
  CHECK(failed.output.find("failed") != std::string::npos);
  CHECK_FALSE(fs::exists(out / "CII_example1.facturx.pdf"));
  const auto report = s.report("tsa", "CII_example1");
  CHECK(report.at("state") == "failed");
  CHECK(stage_of(report, "seal").value("status", "") == "failed");
  CHECK(report.at("error").dump().find("127.0.0.1") != std::string::npos);
}
