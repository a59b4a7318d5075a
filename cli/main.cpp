// einvoice: the command line over the engine. Each subcommand lives in its
// own file; this one only dispatches.
#include <cstring>
#include <iostream>
#include <string>

#include "cli/commands.h"

namespace {

constexpr const char* kUsage =
    "einvoice - EN 16931 e-invoice engine (CII, UBL 2.1, Factur-X)\n"
    "\n"
    "usage: einvoice <command> [options]\n"
    "\n"
    "commands:\n"
    "  accounts main|secondary|account|password|token|company|outbox|may ...\n"
    "                   accounts and companies: main and secondary accounts, passwords,\n"
    "                   recovery links, API tokens, companies and their CSV import, and\n"
    "                   the decision whether an account may act for a company\n"
    "  convert IN... --to cii|ubl [-o OUT | --out-dir DIR]\n"
    "                   convert invoices between CII and UBL, checking both against their XSD\n"
    "  facturx build|extract|check\n"
    "                   build a PDF/A-3 Factur-X from an invoice and a PDF, extract its XML,\n"
    "                   or check a Factur-X (container, XSD of its profile, EN 16931 rules)\n"
    "  inspect IN       print the invoice as JSON keyed by EN 16931 business term ids\n"
    "  ocr IN           read a scanned or printed invoice (JPEG, PNG, TIFF, PDF): fields with\n"
    "                   confidence, what is missing, and a Factur-X of the scan (--facturx)\n"
    "  process IN... --out-dir DIR [--to facturx|cii|ubl] [--job FILE.json]\n"
    "                   the whole pipeline: any invoice or scan in, validated Factur-X, CII or\n"
    "                   UBL out, with a JSON report per document\n"
    "  validate IN...   check invoices: XSD, EN 16931 and syntax rules, French rules\n"
    "                   (--profile fr), duplicates (--seen-store); text, JSON or SVRL reports\n"
    "  xsd IN...        check documents against the official XSD (CII D16B, UBL 2.1)\n"
#ifdef EINVOICE_HAS_SEAL
    "  seal IN -o OUT   seal a PDF by PAdES (B-B, B-T, B-LT, B-LTA), a UBL invoice by enveloped\n"
    "                   XAdES (B-B, B-T), any other file by detached CAdES (B-B, B-T)\n"
    "  verify FILE      verify PAdES, XAdES or CAdES seals (indication, level, signer, SIREN)\n"
#endif
#ifdef EINVOICE_HAS_ARCHIVE
    "  archive init|deposit|get|list|hold|release|destroy|audit|rotate-key|secure|export|\n"
    "          verify-export\n"
    "                   the evidentiary archive: fingerprinted deposits, hash-chained journal\n"
    "                   secured by RFC 3161 timestamps, RFC 4998 evidence records, retention\n"
    "                   and legal hold, audit, encryption at rest, exports for auditors\n"
#endif
    "\n"
    "Run 'einvoice <command> --help' for the options of a command.\n"
    "Exit codes: 0 success, 1 some input invalid, 2 usage or I/O error.\n";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0 ||
      std::strcmp(argv[1], "help") == 0) {
    std::cout << kUsage;
    return argc < 2 ? einvoice::cli::kExitUsage : einvoice::cli::kExitOk;
  }
  std::string command = argv[1];
  if (command == "--version") {
    std::cout << "einvoice " << EINVOICE_VERSION << "\n";
    return 0;
  }
  if (command == "accounts")
    return einvoice::cli::run_accounts(argc, argv, 2);
  if (command == "convert")
    return einvoice::cli::run_convert(argc, argv, 2);
  if (command == "facturx")
    return einvoice::cli::run_facturx(argc, argv, 2);
  if (command == "inspect")
    return einvoice::cli::run_inspect(argc, argv, 2);
  if (command == "ocr")
    return einvoice::cli::run_ocr(argc, argv, 2);
  if (command == "process")
    return einvoice::cli::run_process(argc, argv, 2);
  if (command == "validate")
    return einvoice::cli::run_validate(argc, argv, 2);
  if (command == "xsd")
    return einvoice::cli::run_xsd(argc, argv, 2);
#ifdef EINVOICE_HAS_SEAL
  if (command == "seal")
    return einvoice::cli::run_seal(argc, argv, 2);
  if (command == "verify")
    return einvoice::cli::run_verify(argc, argv, 2);
#endif
#ifdef EINVOICE_HAS_ARCHIVE
  if (command == "archive")
    return einvoice::cli::run_archive(argc, argv, 2);
#endif
  std::cerr << "einvoice: unknown command '" << command << "'\n\n" << kUsage;
  return einvoice::cli::kExitUsage;
}
