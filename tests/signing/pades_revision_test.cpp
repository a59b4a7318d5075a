// What may follow a PAdES signature: the "shadow" and "incremental saving"
// attacks (issue 12, defect 1). Each test seals a corpus Factur-X, appends a
// hand-made incremental update (tests/signing/pdf_attack.h) and checks that
// verification fails with FORBIDDEN_MODIFICATION_AFTER_SIGNING naming the
// changed objects, while the DSS and document timestamp updates of B-LT and
// B-LTA still pass; and that a byte range stopping short of its revision's
// %%EOF, or a gap wider than /Contents, fails.
#include <catch2/catch.hpp>
#include <cstdio>

#include "engine/facturx_jobs.h"
#include "signing/pades.h"
#include "signing/revocation_issuer.h"
#include "tests/signing/pades_fixture.h"
#include "tests/signing/pdf_attack.h"
#include "tests/signing/test_pki.h"

using namespace einvoice;
using namespace einvoice::signing;
using namespace einvoice::signing::testing;

namespace {

// Mustang sample: catalog 1 (/Names 7 0 R, /Metadata 6 0 R), page 3
// (/Contents 11 0 R), Filespec 8 (/EF 17 0 R), EmbeddedFile 104.
const char* kSample = "library__MustangGnuaccountingBeispielRE-20170509_505.pdf";
constexpr const char* kIban = "DE88 2008 0000 0970 3757 00";
constexpr const char* kAttackerIban = "FR76 3000 6000 0112 3456 7890 189";

std::string sealed_sample(CadesLevel level = CadesLevel::kBaselineB) {
  return seal_test_pdf(corpus_facturx_pdf(kSample), level);
}

// The embedded invoice XML of the latest revision.
std::string invoice_xml(const std::string& pdf) {
  const auto content = engine::extract_facturx(pdf, "sealed.pdf");
  REQUIRE(content);
  REQUIRE(content->content.invoice_attachment() != nullptr);
  return std::string(content->content.invoice_attachment()->data.begin(),
                     content->content.invoice_attachment()->data.end());
}

// The change of `report` to object `number`, or null.
const PdfObjectChange* change_of(const PadesSignatureReport& report, unsigned number) {
  for (const PdfObjectChange& c : report.later_changes) {
    if (c.number == number)
      return &c;
  }
  return nullptr;
}

// The single signature failed for a forbidden change of each of `objects`.
void require_forbidden(const std::string& pdf, const std::vector<unsigned>& objects) {
  const auto reports = verify_test_pdf(pdf);
  REQUIRE(reports.size() == 1);
  const PadesSignatureReport& r = reports[0];
  CHECK(r.cades.indication == Indication::kTotalFailed);
  CHECK(r.cades.sub_indication == SubIndication::kForbiddenModificationAfterSigning);
  CHECK(r.covers_revision);
  CHECK(r.revision == 2);  // the original, then the seal
  CHECK(r.revision_count == 3);
  for (const unsigned n : objects) {
    INFO("object " << n);
    const PdfObjectChange* c = change_of(r, n);
    REQUIRE(c != nullptr);
    CHECK_FALSE(c->allowed);
    bool named = false;
    for (const std::string& e : r.cades.errors)
      named = named || e.find(std::to_string(n) + " 0 obj") != std::string::npos;
    CHECK(named);
  }
}

// The first three values of the last /ByteRange of `pdf` ([0 b c e]) and
// its offset.
struct ByteRange {
  std::size_t at = 0;
  unsigned long long b = 0, c = 0, e = 0;
};
ByteRange last_byte_range(const std::string& pdf) {
  ByteRange r;
  r.at = pdf.rfind("/ByteRange [0 ");
  REQUIRE(r.at != std::string::npos);
  REQUIRE(std::sscanf(pdf.c_str() + r.at, "/ByteRange [0 %llu %llu %llu]", &r.b, &r.c, &r.e) == 3);
  return r;
}

// `sealed` with its last /ByteRange rewritten to [0 b c e] (same width) and
// a valid CMS of the test seal over exactly those ranges in the /Contents
// hex string that starts at `contents`.
std::string resign(std::string sealed, const ByteRange& old, std::size_t contents,
                   unsigned long long b, unsigned long long c, unsigned long long e) {
  char range[64];
  std::snprintf(range, sizeof range, "/ByteRange [0 %010llu %010llu %010llu]", b, c, e);
  sealed.replace(old.at, std::string(range).size(), range);
  const std::size_t contents_end = sealed.find('>', contents);
  for (std::size_t i = contents + 1; i < contents_end; ++i)
    sealed[i] = '0';
  const std::string covered = sealed.substr(0, b) + sealed.substr(c, e);
  CadesOptions options;
  options.signing_time = now();
  const auto cms = seal_detached_cades(*pki().seal, as_bytes(covered), options);
  REQUIRE(cms);
  REQUIRE(cms->size() * 2 < contents_end - contents - 1);
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (std::size_t i = 0; i < cms->size(); ++i) {
    sealed[contents + 1 + 2 * i] = kHex[(*cms)[i] >> 4];
    sealed[contents + 2 + 2 * i] = kHex[(*cms)[i] & 0x0f];
  }
  return sealed;
}

}  // namespace

TEST_CASE("pades revisions: a new EmbeddedFile with the Filespec repointed fails (shadow attack)",
          "[signing][pades][revisions]") {
  const auto level = GENERATE(CadesLevel::kBaselineB, CadesLevel::kBaselineT);
  const std::string sealed = sealed_sample(level);
  const std::string xml = replace_once(invoice_xml(sealed), kIban, kAttackerIban);
  const unsigned file = next_object_number(sealed);
  const std::string filespec = replace_once(last_object_body(sealed, 8), "/EF 17 0 R",
                                            "/EF <</F " + std::to_string(file) + " 0 R>>");
  const std::string attacked = append_update(
      sealed, {{file, stream_object("/Type/EmbeddedFile/Subtype/text#2Fxml", xml)}, {8, filespec}});
  // The attack works on the reader: the new IBAN is what is extracted.
  REQUIRE(invoice_xml(attacked).find(kAttackerIban) != std::string::npos);
  require_forbidden(attacked, {8, file});
  const auto reports = verify_test_pdf(attacked);
  REQUIRE(change_of(reports[0], file) != nullptr);
  CHECK(change_of(reports[0], file)->change == "added");
}

TEST_CASE("pades revisions: the embedded-file object redefined fails",
          "[signing][pades][revisions]") {
  const std::string sealed = sealed_sample();
  const std::string xml = replace_once(invoice_xml(sealed), kIban, kAttackerIban);
  const std::string attacked = append_update(
      sealed, {{104, stream_object("/Type/EmbeddedFile/Subtype/text#2Fxml/Params 237 0 R", xml)}});
  REQUIRE(invoice_xml(attacked).find(kAttackerIban) != std::string::npos);
  require_forbidden(attacked, {104});
  const auto reports = verify_test_pdf(attacked);
  const PdfObjectChange* c = change_of(reports[0], 104);
  REQUIRE(c != nullptr);
  CHECK(c->change == "changed");
  CHECK(c->what.find("EmbeddedFile") != std::string::npos);
}

TEST_CASE("pades revisions: the catalog or its /Names changed fails",
          "[signing][pades][revisions]") {
  const std::string sealed = sealed_sample();
  SECTION("a catalog key added") {
    const std::string catalog = last_object_body(sealed, 1);
    REQUIRE(catalog.size() > 4);
    const std::string changed =
        catalog.substr(0, catalog.rfind(">>")) + "/PageMode/UseAttachments>>";
    require_forbidden(append_update(sealed, {{1, changed}}), {1});
    const auto r = verify_test_pdf(append_update(sealed, {{1, changed}}));
    REQUIRE(change_of(r[0], 1) != nullptr);
    CHECK(change_of(r[0], 1)->what.find("/PageMode") != std::string::npos);
  }
  SECTION("the /Names dictionary redefined") {
    const std::string names = last_object_body(sealed, 7);
    const std::string changed = names.substr(0, names.rfind(">>")) + "/Dests<<>>>>";
    require_forbidden(append_update(sealed, {{7, changed}}), {7});
  }
}

TEST_CASE("pades revisions: page content added fails", "[signing][pades][revisions]") {
  const std::string sealed = sealed_sample();
  const unsigned content = next_object_number(sealed);
  const std::string page = replace_once(last_object_body(sealed, 3), "/Contents 11 0 R",
                                        "/Contents [11 0 R " + std::to_string(content) + " 0 R]");
  const std::string attacked = append_update(
      sealed, {{content, stream_object("", "BT /F1 12 Tf 300 400 Td (PAID - IBAN changed) Tj ET")},
               {3, page}});
  require_forbidden(attacked, {3, content});
}

TEST_CASE("pades revisions: metadata changed fails", "[signing][pades][revisions]") {
  const std::string sealed = sealed_sample();
  const std::string xmp =
      "<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?><x:xmpmeta "
      "xmlns:x=\"adobe:ns:meta/\"/><?xpacket end=\"w\"?>";
  require_forbidden(append_update(sealed, {{6, stream_object("/Type/Metadata/Subtype/XML", xmp)}}),
                    {6});
  // The information dictionary is metadata too.
  require_forbidden(append_update(sealed, {{9, "<</Producer (attacker)>>"}}), {9});
}

TEST_CASE("pades revisions: an object written but not in the cross-reference fails",
          "[signing][pades][revisions]") {
  std::string sealed = sealed_sample();
  sealed += "104 0 obj\n<</Type/EmbeddedFile/Length 0>>\nstream\n\nendstream\nendobj\n";
  const auto reports = verify_test_pdf(sealed);
  REQUIRE(reports.size() == 1);
  CHECK(reports[0].cades.sub_indication == SubIndication::kForbiddenModificationAfterSigning);
  const PdfObjectChange* c = change_of(reports[0], 104);
  REQUIRE(c != nullptr);
  CHECK(c->change == "unreferenced");
}

TEST_CASE("pades revisions: a byte range stopping 300 bytes short of its revision fails",
          "[signing][pades][revisions]") {
  const std::string sealed = sealed_sample();
  const ByteRange r = last_byte_range(sealed);
  REQUIRE(r.c + r.e == sealed.size());
  // The CMS is valid over what it covers: all but the last 300 bytes.
  const std::string attacked = resign(sealed, r, r.b, r.b, r.c, r.e - 300);
  const auto reports = verify_test_pdf(attacked);
  REQUIRE(reports.size() == 1);
  CHECK(reports[0].cades.indication == Indication::kTotalFailed);
  CHECK(reports[0].cades.sub_indication == SubIndication::kFormatFailure);
  CHECK_FALSE(reports[0].covers_revision);
  CHECK(reports[0].revision == 0);
}

TEST_CASE("pades revisions: a byte range gap wider than /Contents fails",
          "[signing][pades][revisions]") {
  const std::string sealed = sealed_sample();
  const ByteRange r = last_byte_range(sealed);
  REQUIRE(sealed[r.c] == '>');  // the signature dictionary's ">>" follows /Contents
  // The gap also leaves out the '>' after /Contents; the CMS is valid over
  // the rest.
  const std::string attacked = resign(sealed, r, r.b, r.b, r.c + 1, r.e - 1);
  const auto reports = verify_test_pdf(attacked);
  REQUIRE(reports.size() == 1);
  CHECK(reports[0].cades.indication == Indication::kTotalFailed);
  CHECK(reports[0].cades.sub_indication == SubIndication::kFormatFailure);
  CHECK_FALSE(reports[0].covers_revision);
}

TEST_CASE("pades revisions: DSS and document timestamp revisions keep the verdict",
          "[signing][pades][revisions]") {
  const std::string sealed = sealed_sample(CadesLevel::kBaselineT);
  auto crl =
      issue_crl(*pki().root, {}, now() - std::chrono::hours(1), now() + std::chrono::days(7));
  REQUIRE(crl);
  RevocationData revocation;
  revocation.crls.push_back(*crl);
  auto with_dss = add_dss(sealed, {pki().seal->certificate(), pki().root->certificate()},
                          revocation, "sealed.pdf");
  REQUIRE(with_dss);
  auto lta = add_document_timestamp(*with_dss, *pki().tsa, "sealed.pdf");
  REQUIRE(lta);
  const auto reports = verify_test_pdf(*lta);
  REQUIRE(reports.size() == 2);
  const PadesSignatureReport& seal = reports[0];
  CHECK(seal.cades.indication == Indication::kTotalPassed);
  CHECK(seal.level() == "PAdES-BASELINE-LTA");
  CHECK(seal.revision == 2);
  CHECK(seal.revision_count == 4);
  CHECK(seal.modified_after_signing);
  REQUIRE_FALSE(seal.later_changes.empty());
  for (const PdfObjectChange& c : seal.later_changes) {
    INFO(c.describe());
    CHECK(c.allowed);
  }
  CHECK(reports[1].cades.indication == Indication::kTotalPassed);
  CHECK(reports[1].revision == 4);
  CHECK(reports[1].later_changes.empty());

  // The same DSS update followed by a changed embedded file fails both.
  const std::string xml = replace_once(invoice_xml(*lta), kIban, kAttackerIban);
  const std::string attacked = append_update(
      *lta, {{104, stream_object("/Type/EmbeddedFile/Subtype/text#2Fxml/Params 237 0 R", xml)}});
  const auto bad = verify_test_pdf(attacked);
  REQUIRE(bad.size() == 2);
  for (const auto& r : bad)
    CHECK(r.cades.sub_indication == SubIndication::kForbiddenModificationAfterSigning);
}
