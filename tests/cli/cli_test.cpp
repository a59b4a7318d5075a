#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <string>

#include "cli_scratch.h"

using namespace einvoice::testing;
namespace fs = std::filesystem;

TEST_CASE("einvoice explains its usage and refuses bad usage with exit 2", "[cli]") {
  Scratch s;
  auto help = s.run("--help");
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("convert") != std::string::npos);
  CHECK(s.run("").exit_code == 2);
  auto unknown = s.run("frobnicate");
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("frobnicate") != std::string::npos);
  auto no_target = s.run("convert " + corpus("en16931/cii/examples/CII_example1.xml"));
  CHECK(no_target.exit_code == 2);
  CHECK(no_target.err.find("--to") != std::string::npos);
  CHECK(s.run("convert x.xml --to pdf").exit_code == 2);
  CHECK(s.run("convert --bogus --to ubl x.xml").exit_code == 2);
  auto missing = s.run("convert /nonexistent/file.xml --to ubl -o out.xml" + schemas());
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("/nonexistent/file.xml") != std::string::npos);
  CHECK(s.run("convert --help").exit_code == 0);
}

TEST_CASE("convert one file each way, outputs valid", "[cli]") {
  Scratch s;
  fs::path ubl = s.dir() / "out.ubl.xml";
  auto to_ubl = s.run("convert " + corpus("en16931/cii/examples/CII_example1.xml") +
                      " --to ubl -o " + ubl.string() + schemas());
  INFO(to_ubl.err);
  REQUIRE(to_ubl.exit_code == 0);
  REQUIRE(fs::exists(ubl));
  CHECK(slurp(ubl).find("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2") !=
        std::string::npos);
  fs::path cii = s.dir() / "back.cii.xml";
  auto to_cii = s.run("convert " + ubl.string() + " --to cii -o " + cii.string() + schemas());
  REQUIRE(to_cii.exit_code == 0);
  auto xsd = s.run("xsd " + ubl.string() + " " + cii.string() + schemas());
  CHECK(xsd.exit_code == 0);
  CHECK(xsd.out.find("out.ubl.xml: valid") != std::string::npos);
  CHECK(xsd.out.find("back.cii.xml: valid") != std::string::npos);
  auto to_stdout = s.run("convert " + corpus("en16931/ubl/examples/ubl-tc434-example1.xml") +
                         " --to cii" + schemas());
  CHECK(to_stdout.exit_code == 0);
  CHECK(to_stdout.out.find("<rsm:CrossIndustryInvoice") != std::string::npos);
}

TEST_CASE("convert a folder: good files converted, bad ones named, exit 1", "[cli]") {
  Scratch s;
  fs::path in = s.dir() / "in";
  fs::create_directories(in / "nested");
  fs::copy_file(corpus("en16931/cii/examples/CII_example3.xml"), in / "a.xml");
  fs::copy_file(corpus("en16931/ubl/examples/ubl-tc434-example3.xml"), in / "nested" / "b.xml");
  std::ofstream(in / "truncated.xml") << "<rsm:CrossIndustryInvoice xmlns:rsm='x'>\n<a>";
  std::ofstream(in / "xxe.xml")
      << "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><r>&x;</r>";
  std::ofstream(in / "ignored.txt") << "not an invoice";
  fs::path out = s.dir() / "out";
  auto run = s.run("convert " + in.string() + " --to cii --out-dir " + out.string() +
                   " --threads 2" + schemas());
  INFO(run.err);
  CHECK(run.exit_code == 1);
  CHECK(fs::exists(out / "a.xml"));
  CHECK(fs::exists(out / "nested" / "b.xml"));
  CHECK_FALSE(fs::exists(out / "truncated.xml"));
  CHECK_FALSE(fs::exists(out / "xxe.xml"));
  CHECK(run.err.find("truncated.xml:2") != std::string::npos);
  CHECK(run.err.find("DOCTYPE") != std::string::npos);
  CHECK(run.out.find("4 inputs, 2 converted, 2 invalid") != std::string::npos);

  auto resumed = s.run("convert " + in.string() + " --to cii --out-dir " + out.string() +
                       " --resume --quiet" + schemas());
  CHECK(resumed.out.find("2 skipped") != std::string::npos);
}

TEST_CASE("Threads: --jobs sets them for convert, validate and ocr alike, a bad value is named",
          "[cli]") {
  Scratch s;
  const std::string in = corpus("en16931/cii/examples/CII_example3.xml");
  auto converted = s.run("convert " + in + " --to ubl --out-dir " + (s.dir() / "out").string() +
                         " --jobs 2" + schemas());
  CHECK(converted.exit_code == 0);
  CHECK(fs::exists(s.dir() / "out" / "CII_example3.xml"));
  CHECK(s.run("validate " + in + " --jobs 2" + schemas()).exit_code == 0);
  const std::vector<std::string> commands = {"convert " + in + " --to ubl -o x.xml",
                                             "validate " + in, "ocr " + in + " --out-dir o"};
  for (const std::string& command : commands) {
    auto bad = s.run(command + " --jobs two" + schemas());
    INFO(command << ": " << bad.err);
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("--jobs needs a whole number of threads, not 'two'") != std::string::npos);
  }
}

TEST_CASE("inspect prints the model as JSON keyed by BT ids", "[cli]") {
  Scratch s;
  auto run = s.run("inspect --compact " + corpus("en16931/ubl/examples/ubl-tc434-example1.xml"));
  CHECK(run.exit_code == 0);
  CHECK(run.out.rfind("{\"BT-1\":", 0) == 0);
  CHECK(run.out.find("\"BG-25\":[") != std::string::npos);
  auto pdf = s.dir() / "scan.pdf";
  std::ofstream(pdf) << "%PDF-1.7\n";
  auto refused = s.run("inspect " + pdf.string());
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("PDF") != std::string::npos);
}

TEST_CASE("xsd reports each schema error with its line", "[cli]") {
  Scratch s;
  fs::path bad = s.dir() / "bad.xml";
  std::string xml = slurp(corpus("en16931/cii/examples/CII_example4.xml"));
  auto pos = xml.find("</rsm:ExchangedDocument>");
  REQUIRE(pos != std::string::npos);
  xml.insert(pos, "<ram:NotInSchema/>");
  std::ofstream(bad) << xml;
  auto run = s.run("xsd " + bad.string() + schemas());
  CHECK(run.exit_code == 1);
  CHECK(run.out.find("bad.xml: INVALID") != std::string::npos);
  CHECK(run.out.find("bad.xml:") != std::string::npos);
  CHECK(run.out.find("[XSD]") != std::string::npos);
}

TEST_CASE("hostile inputs each get a clear error and a non-zero exit, never a crash", "[cli]") {
  Scratch s;
  struct Case {
    std::string file;
    std::string content;
    std::string expected;  // a part of the error the user reads
  };
  std::string amount_in_words = slurp(corpus("en16931/cii/examples/CII_example3.xml"));
  const std::string total = "<ram:DuePayableAmount>";
  auto at = amount_in_words.find(total);
  REQUIRE(at != std::string::npos);
  amount_in_words.insert(at + total.size(), "12,50");
  amount_in_words.erase(at + total.size() + 5,
                        amount_in_words.find('<', at + total.size() + 5) - (at + total.size() + 5));
  std::string nesting;
  nesting.reserve(100u << 20);
  while (nesting.size() < (100u << 20))
    nesting += "<a>";
  const std::vector<Case> cases = {
      {"truncated.xml", "<rsm:CrossIndustryInvoice xmlns:rsm='x'>\n<a>", "truncated.xml:2"},
      {"wrong-root.xml", "<?xml version='1.0'?>\n<Order xmlns='urn:x'/>", "wrong-root.xml"},
      {"entity.xml",
       "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><r>&x;</r>",
       "DOCTYPE"},
      {"nesting.xml", nesting, "nesting.xml"},
      {"amount.xml", amount_in_words, "12,50"},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    std::ofstream(s.dir() / c.file, std::ios::binary) << c.content;
    auto run = s.run("convert " + (s.dir() / c.file).string() + " --to ubl -o " +
                     (s.dir() / "out.xml").string() + schemas());
    INFO(run.err);
    CHECK(run.exit_code == 1);  // the input is at fault, not the system
    CHECK(run.err.find(c.expected) != std::string::npos);
    CHECK_FALSE(fs::exists(s.dir() / "out.xml"));
    fs::remove(s.dir() / c.file);
  }
}

TEST_CASE("validate: verdicts in input order, exit 1 when one is invalid, json and svrl", "[cli]") {
  Scratch s;
  fs::path in = s.dir() / "in";
  fs::create_directories(in);
  const fs::path samples = fs::path(EINVOICE_TESTDATA_DIR) / "samples";
  fs::copy_file(samples / "fr-invoice-multirate.cii.xml", in / "a.xml");
  fs::copy_file(samples / "fr-invoice-services.ubl.xml", in / "b.xml");
  std::ofstream(in / "c.xml") << "<Order xmlns='urn:x'/>";

  auto text = s.run("validate " + in.string() + " --threads 2" + schemas());
  INFO(text.out << text.err);
  CHECK(text.exit_code == 1);
  auto a = text.out.find("a.xml: valid (CII");
  auto b = text.out.find("b.xml: valid (UBL Invoice");
  auto c = text.out.find("c.xml: invalid");
  CHECK(a < b);
  CHECK(b < c);
  CHECK(c != std::string::npos);
  CHECK(text.out.find("EINV-INPUT-01") != std::string::npos);
  CHECK(text.err.find("3 inputs, 2 valid, 1 invalid") != std::string::npos);

  auto json = s.run("validate " + in.string() + " --format json --profile fr" + schemas());
  CHECK(json.exit_code == 1);
  CHECK(json.out.front() == '[');
  CHECK(json.out.find("\"document\":") != std::string::npos);

  auto one = s.run("validate " + (in / "a.xml").string() + " --format svrl" + schemas());
  CHECK(one.exit_code == 0);
  CHECK(one.out.find("<svrl:schematron-output") != std::string::npos);

  auto refused = s.run("validate " + in.string() + " --format svrl" + schemas());
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("--out-dir") != std::string::npos);

  fs::path reports = s.dir() / "reports";
  auto written =
      s.run("validate " + in.string() + " --format svrl --out-dir " + reports.string() + schemas());
  CHECK(written.exit_code == 1);
  CHECK(fs::exists(reports / "a.xml.svrl"));
  CHECK(fs::exists(reports / "c.xml.svrl"));

  auto bad_profile = s.run("validate " + in.string() + " --profile de");
  CHECK(bad_profile.exit_code == 2);
  CHECK(bad_profile.err.find("--profile must be en16931 or fr") != std::string::npos);
}

TEST_CASE("validate: a CDAR lifecycle status gets the BR-FR-CDV rules", "[cli][cdar]") {
  Scratch s;
  const fs::path status =
      fs::path(EINVOICE_CORPUS_DIR) / "cdar" / "UC4_F202500006_04-CDV-207_En_litige.xml";
  auto valid = s.run("validate " + status.string() + schemas());
  INFO(valid.out << valid.err);
  CHECK(valid.exit_code == 0);
  CHECK(valid.out.find("valid (CDAR lifecycle status; 0 fatal findings") != std::string::npos);

  std::ifstream in(status, std::ios::binary);
  std::string xml{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const std::string type = "<ram:TypeCode>23</ram:TypeCode>";
  REQUIRE(xml.find(type) != std::string::npos);
  xml.replace(xml.find(type), type.size(), "<ram:TypeCode>24</ram:TypeCode>");
  std::ofstream(s.dir() / "status.xml", std::ios::binary) << xml;
  auto broken =
      s.run("validate " + (s.dir() / "status.xml").string() + " --format json" + schemas());
  INFO(broken.out << broken.err);
  CHECK(broken.exit_code == 1);
  CHECK(broken.out.find("\"BR-FR-CDV-09_MDT-77\"") != std::string::npos);
}

TEST_CASE("validate --seen-store refuses a reused invoice number", "[cli]") {
  Scratch s;
  const fs::path samples = fs::path(EINVOICE_TESTDATA_DIR) / "samples";
  std::string original = slurp(samples / "fr-credit-note.cii.xml");
  std::string changed = original;
  auto at = changed.find("<ram:LineID>1</ram:LineID>");
  REQUIRE(at != std::string::npos);
  changed.replace(at, 26, "<ram:LineID>01</ram:LineID>");
  std::ofstream(s.dir() / "first.xml") << original;
  std::ofstream(s.dir() / "second.xml") << changed;
  const std::string store = " --seen-store " + (s.dir() / "seen.db").string();
  auto first = s.run("validate " + (s.dir() / "first.xml").string() + store + schemas());
  CHECK(first.exit_code == 0);
  auto rerun = s.run("validate " + (s.dir() / "first.xml").string() + store + schemas());
  CHECK(rerun.exit_code == 0);
  auto second = s.run("validate " + (s.dir() / "second.xml").string() + store + schemas());
  CHECK(second.exit_code == 1);
  CHECK(second.out.find("EINV-DUP-01") != std::string::npos);
  CHECK(second.out.find("first.xml") != std::string::npos);
}

TEST_CASE("facturx build, extract and check: exit codes and messages", "[cli][facturx]") {
  Scratch s;
  const std::string xml = corpus("en16931/cii/examples/CII_business_example_01.xml");
  const std::string plain =
      corpus("facturx/pdf/library__MustangGnuaccountingBeispielRE-20170509_505PDF14.pdf");
  const std::string out = (s.dir() / "fx.pdf").string();

  auto built = s.run("facturx build --xml " + xml + " --pdf " + plain + " -o " + out);
  REQUIRE(built.exit_code == 0);
  CHECK(built.out.find("Factur-X EN 16931") != std::string::npos);
  CHECK(built.out.find("changed: added XMP metadata") != std::string::npos);

  // Rendered from the data: nothing of the supplier's was changed, so nothing is reported.
  auto rendered =
      s.run("facturx build --xml " + xml + " -o " + (s.dir() / "rendered.pdf").string());
  REQUIRE(rendered.exit_code == 0);
  CHECK(rendered.out.find("rendered from the data") != std::string::npos);
  CHECK(rendered.out.find("changed:") == std::string::npos);

  auto extracted = s.run("facturx extract " + out + " -o " + (s.dir() / "fx.xml").string());
  CHECK(extracted.exit_code == 0);
  CHECK(slurp(s.dir() / "fx.xml") == slurp(xml));
  CHECK(extracted.err.find("profile EN 16931") != std::string::npos);

  auto checked = s.run("facturx check " + out + schemas());
  CHECK(checked.exit_code == 0);
  CHECK(checked.out.find("valid Factur-X") != std::string::npos);

  // A PDF without invoice: check says what is missing, exit 1.
  auto bare = s.run("facturx check " + plain + schemas());
  CHECK(bare.exit_code == 1);
  CHECK(bare.out.find("FX-10") != std::string::npos);
  CHECK(bare.out.find("FX-02") != std::string::npos);

  // Unreadable PDF: exit 1 with the file named; missing file: exit 2.
  std::ofstream(s.dir() / "cut.pdf") << slurp(plain).substr(0, 300);
  auto cut = s.run("facturx extract " + (s.dir() / "cut.pdf").string());
  CHECK(cut.exit_code == 1);
  CHECK(cut.err.find("cut.pdf") != std::string::npos);
  auto missing = s.run("facturx extract " + (s.dir() / "none.pdf").string());
  CHECK(missing.exit_code == 2);
  auto usage = s.run("facturx build --xml " + xml + " -o " + out + " --profile gold");
  CHECK(usage.exit_code == 2);
}

TEST_CASE("einvoice ocr: one PDF, its report, corrections and usage errors", "[cli][ocr]") {
  Scratch scratch;
  const std::string pdf = corpus("ocr/facturx-pdf/intarsys__zugferd_2p0_EN16931_Einfach.pdf");
  const fs::path json = scratch.dir() / "report.json";
  const fs::path facturx = scratch.dir() / "out.pdf";
  // A correction that breaks the totals (BR-CO-15): incomplete, no Factur-X.
  auto incomplete = scratch.run("ocr " + pdf + " --set BT-112=1.00 --json " + json.string() +
                                " --facturx " + facturx.string() + schemas());
  CHECK(incomplete.exit_code == 1);
  CHECK(incomplete.out.find("BT-1 ") != std::string::npos);
  CHECK(incomplete.out.find("471102") != std::string::npos);
  CHECK(incomplete.out.find("no Factur-X") != std::string::npos);
  CHECK(fs::exists(json));
  CHECK_FALSE(fs::exists(facturx));
  // As read (the buyer's country from "DE 69876 Frankfurt"), or completed
  // by the supplier: a Factur-X that passes its own check.
  auto as_read = scratch.run("ocr " + pdf + " --facturx " + facturx.string() + schemas());
  CHECK(as_read.exit_code == 0);
  CHECK(as_read.out.find("BT-55") != std::string::npos);
  fs::remove(facturx);
  auto complete =
      scratch.run("ocr " + pdf + " --set BT-55=DE --facturx " + facturx.string() + schemas());
  CHECK(complete.exit_code == 0);
  CHECK(fs::exists(facturx));
  auto check = scratch.run("facturx check " + facturx.string() + schemas());
  CHECK(check.exit_code == 0);

  CHECK(scratch.run("ocr").exit_code == 2);
  CHECK(scratch.run("ocr " + pdf + " " + pdf).exit_code == 2);
  auto bad_set = scratch.run("ocr " + pdf + " --set BT-55");
  CHECK(bad_set.exit_code == 2);
  CHECK(bad_set.err.find("--set expects BT-xx=value") != std::string::npos);
  auto unknown_term = scratch.run("ocr " + pdf + " --set BT-999=x");
  CHECK(unknown_term.exit_code == 2);
  CHECK(unknown_term.err.find("BT-999") != std::string::npos);
  auto missing = scratch.run("ocr " + (scratch.dir() / "nothing.jpg").string());
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("nothing.jpg") != std::string::npos);
}

TEST_CASE("einvoice ocr: a folder in batch, resumable", "[cli][ocr]") {
  Scratch scratch;
  const fs::path in = scratch.dir() / "in";
  fs::create_directories(in);
  for (const char* name :
       {"intarsys__zugferd_2p0_EN16931_Einfach.pdf", "symtrax__zugferd_2p1_EN16931_Rabatte.pdf"})
    fs::copy_file(corpus(std::string("ocr/facturx-pdf/") + name), in / name);
  std::ofstream(in / "notes.txt") << "not a scan";  // not listed: not a scan's extension
  std::ofstream(in / "broken.pdf") << "%PDF-1.7 broken";
  const fs::path out = scratch.dir() / "out";
  auto first = scratch.run("ocr " + in.string() + " --out-dir " + out.string() + " --jobs 2");
  CHECK(first.exit_code == 2);  // the broken PDF failed; the others are reported
  CHECK(first.err.find("broken.pdf") != std::string::npos);
  CHECK(first.out.find("3 document(s)") != std::string::npos);
  CHECK(fs::exists(out / "intarsys__zugferd_2p0_EN16931_Einfach.pdf.json"));
  CHECK(fs::exists(out / "symtrax__zugferd_2p1_EN16931_Rabatte.pdf.json"));
  CHECK_FALSE(fs::exists(out / "notes.txt.json"));
  auto again = scratch.run("ocr " + in.string() + " --out-dir " + out.string() + " --resume");
  CHECK(again.out.find("2 skipped") != std::string::npos);
}

TEST_CASE("facturx build without a PDF renders the invoice from its data", "[cli][facturx]") {
  Scratch s;
  const std::string xml = corpus("en16931/cii/examples/CII_example1.xml");
  const fs::path out = s.dir() / "rendered.pdf";
  auto built = s.run("facturx build --xml " + xml + " -o " + out.string());
  REQUIRE(built.exit_code == 0);
  CHECK(built.out.find("rendered from the data") != std::string::npos);
  auto checked = s.run("facturx check " + out.string() + schemas());
  CHECK(checked.exit_code == 0);
  // The page is readable text: the invoice number and a line's name.
  const fs::path text = s.dir() / "rendered.txt";
  REQUIRE(std::system(("pdftotext -layout " + out.string() + " " + text.string()).c_str()) == 0);
  const std::string page = slurp(text);
  CHECK(page.find("12115118") != std::string::npos);
  CHECK(page.find("PATAT FRITES") != std::string::npos);
  CHECK(page.find("Facture") != std::string::npos);
  auto english = s.run("facturx build --xml " + xml + " --lang en -o " + out.string());
  CHECK(english.exit_code == 0);
  auto bad_lang = s.run("facturx build --xml " + xml + " --lang de -o " + out.string());
  CHECK(bad_lang.exit_code == 2);
  CHECK(bad_lang.err.find("--lang") != std::string::npos);
}
